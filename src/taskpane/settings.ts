/**
 * The pane's settings: which bureau's format, 1TB in GB, the recommender and the printed look.
 * They are kept in the workbook (Office.js workbook settings) so they travel with the file; the
 * adapter only reads and writes the stored text, and this module says what it means.
 */
import { DEFAULT_SETTINGS, type PlanSettings } from '../core/plan';
import type { TbBase } from '../core/quantity';
import type { OfficeWorkbook } from '../excel/adapter';

export interface Settings {
  profileId: string | null;
  tb: TbBase;
  recommender: string;
  titlePrefix: string;
  fillDate: boolean;
  titleFont: string;
  tableFont: string;
  tableSize: number;
}

export const DEFAULT_PANE_SETTINGS: Settings = {
  profileId: null,
  tb: 1024,
  recommender: '',
  titlePrefix: '',
  fillDate: false,
  titleFont: DEFAULT_SETTINGS.titleFont,
  tableFont: DEFAULT_SETTINGS.tableFont,
  tableSize: DEFAULT_SETTINGS.tableSize,
};

export const SETTINGS_KEY = 'hqds.settings';

/** What the summary plan needs from the pane's settings (the date only when asked for). */
export function settingsToPlan(s: Settings, today = new Date()): Partial<PlanSettings> {
  return {
    tb: s.tb,
    recommender: s.recommender,
    titlePrefix: s.titlePrefix,
    date: s.fillDate ? today : null,
    titleFont: s.titleFont,
    tableFont: s.tableFont,
    tableSize: s.tableSize,
  };
}

/** The stored value as settings: defaults for anything missing or unreadable. */
export function parseSettings(stored: unknown): Settings {
  if (stored === null || stored === undefined) return { ...DEFAULT_PANE_SETTINGS };
  try {
    const v: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { ...DEFAULT_PANE_SETTINGS };
    return { ...DEFAULT_PANE_SETTINGS, ...(v as Partial<Settings>) };
  } catch {
    return { ...DEFAULT_PANE_SETTINGS };
  }
}

export async function loadSettings(workbook: Pick<OfficeWorkbook, 'readSetting'>): Promise<Settings> {
  return parseSettings(await workbook.readSetting(SETTINGS_KEY));
}

/** Saved in the workbook itself, so the settings travel with the file. */
export async function saveSettings(
  workbook: Pick<OfficeWorkbook, 'writeSetting'>,
  s: Settings,
): Promise<void> {
  await workbook.writeSetting(SETTINGS_KEY, JSON.stringify(s));
}

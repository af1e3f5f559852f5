/**
 * A template file as Excel shows it once opened: the fake workbook holding what src/io/template.ts
 * read from the file (values, merges, hidden sheets, defined names, data validations as Office.js
 * sets them, widths, fonts, page setup). Learning from this workbook must give what learning from
 * the file gives.
 */
import type { TemplateDoc, TemplateValidation } from '../../src/core/learn';
import { FakeWorkbook, type FakeValidation } from '../../src/excel/fake';
import { digitPixels, widthPoints } from '../../src/excel/adapter';

const OPERATORS: Record<string, string> = {
  between: 'Between',
  notBetween: 'NotBetween',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
};
const PAPER: Record<number, string> = { 1: 'Letter', 8: 'A3', 9: 'A4', 11: 'A5' };
const KEYS: Record<string, string> = {
  whole: 'wholeNumber',
  decimal: 'decimal',
  textLength: 'textLength',
  date: 'date',
  time: 'time',
};

/** The rule as an add-in (or a person in Excel's dialog) sets it: an inline list without quotes,
 *  a reference or a name with =. */
export function officeRule(v: TemplateValidation): Excel.DataValidationRule {
  if (v.type === 'list') {
    const f = v.formula.trim();
    const source = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : `=${f}`;
    return { list: { inCellDropDown: true, source } };
  }
  if (v.type === 'custom') return { custom: { formula: `=${v.formula}` } };
  return {
    [KEYS[v.type]]: {
      formula1: v.formula,
      ...(v.formula2 !== undefined && { formula2: v.formula2 }),
      operator: OPERATORS[v.operator ?? 'between'],
    },
  };
}

export function openInExcel(doc: TemplateDoc, fileName = doc.file, api = '1.18'): FakeWorkbook {
  const fake = new FakeWorkbook(api);
  fake.fileName = fileName;
  const digit = digitPixels(8.43, fake.host.standardColumnPoints);
  for (const sh of doc.sheets) {
    const s = fake.load(sh.name, sh.rows);
    if (sh.hidden) s.visibility = 'Hidden';
    s.merges = sh.merges.map((m) => ({ ...m }));
    s.validations = sh.validations.flatMap((v): FakeValidation[] =>
      v.ranges.map((r) => ({
        ...r,
        rule: officeRule(v),
        errorAlert: {
          showAlert: v.errorAlert,
          style:
            v.errorStyle === 'warning' ? 'Warning' : v.errorStyle === 'information' ? 'Information' : 'Stop',
          title: '',
          message: '',
        },
        prompt: { showPrompt: !!v.prompt, title: v.promptTitle ?? '', message: v.prompt ?? '' },
      })),
    );
    for (const [k, f] of Object.entries(sh.fonts ?? {})) {
      const [r, c] = k.split(',').map(Number);
      s.ensure(r, c).font = { ...f };
    }
    sh.colWidths?.forEach((w, c) => w !== undefined && s.colWidths.set(c, widthPoints(w, digit)));
    if (sh.page) {
      s.page.orientation = sh.page.landscape ? 'Landscape' : 'Portrait';
      if (sh.page.paperSize !== undefined) s.page.paperSize = PAPER[sh.page.paperSize] ?? 'A4';
      s.page.fitToWidth = sh.page.fitToWidth ? 1 : 0;
    }
  }
  for (const [k, f] of Object.entries(doc.names ?? {})) fake.names.set(k, `=${f}`);
  return fake;
}

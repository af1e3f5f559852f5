/**
 * Struck-through rows in a .xlsx. A clerk often strikes a withdrawn dataset through instead of
 * deleting it; SheetJS does not report fonts per cell, so the package's own XML is read: the fonts
 * with <strike/> in xl/styles.xml, the cell formats (cellXfs) using them, and the cells of each sheet
 * carrying such a format. Regular-expression scans, each linear in the XML; the sheets are scanned
 * only when some font is struck at all.
 */

type Files = Record<string, { content?: Uint8Array | ArrayBuffer | string } | undefined>;

function text(files: Files, name: string): string | null {
  const f = files[name] ?? files[`/${name}`];
  const c = f?.content;
  if (c === undefined || c === null) return null;
  if (typeof c === 'string') return c;
  return new TextDecoder('utf-8').decode(c instanceof ArrayBuffer ? new Uint8Array(c) : c);
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
}

/** The cell format indices (the s attribute of a cell) whose font is struck through. */
export function struckFormats(styles: string): Set<number> {
  const out = new Set<number>();
  const fontsXml = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '';
  const struckFonts = new Set<number>();
  let i = 0;
  for (const m of fontsXml.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)) {
    const body = m[1] ?? '';
    const s = /<strike\b([^>]*)\/?>/.exec(body);
    if (s && !/val="(0|false)"/.test(s[1])) struckFonts.add(i);
    i++;
  }
  if (!struckFonts.size) return out;
  const xfsXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  let k = 0;
  for (const m of xfsXml.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const font = Number(attr(m[1], 'fontId') ?? '0');
    if (struckFonts.has(font)) out.add(k);
    k++;
  }
  return out;
}

/** Sheet name → path of its XML part, from the workbook and its relationships. */
function sheetPaths(files: Files): Map<string, string> {
  const out = new Map<string, string>();
  const wbXml = text(files, 'xl/workbook.xml');
  const rels = text(files, 'xl/_rels/workbook.xml.rels');
  if (!wbXml || !rels) return out;
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const t = attr(m[1], 'Target');
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  for (const m of wbXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name');
    const id = attr(m[1], 'r:id');
    const t = id ? target.get(id) : undefined;
    if (name && t) out.set(decodeXml(name), t);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()];
  });
}

/** For each sheet, the 0-based rows in which at least half of the cells with a value are struck through. */
export function struckRows(files: Files | undefined, sheetNames: readonly string[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  if (!files) return result;
  const styles = text(files, 'xl/styles.xml');
  if (!styles) return result;
  const formats = struckFormats(styles);
  if (!formats.size) return result;
  const paths = sheetPaths(files);
  for (const name of sheetNames) {
    const p = paths.get(name);
    const xml = p ? text(files, p) : null;
    if (!xml) continue;
    const rows = struckRowsIn(formats, xml);
    if (rows.length) result.set(name, rows);
  }
  return result;
}

/** The 0-based rows of one sheet's XML in which at least half of the cells with a value are struck. */
export function struckRowsIn(formats: ReadonlySet<number>, xml: string): number[] {
  const filled = new Map<number, number>();
  const struck = new Map<number, number>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
    if (!m[3] || !/<(v|is)\b/.test(m[3])) continue; // a styled but empty cell holds nothing to strike
    const ref = attr(m[1], 'r');
    const row = ref ? Number(/\d+$/.exec(ref)?.[0] ?? NaN) - 1 : NaN;
    if (!Number.isFinite(row)) continue;
    filled.set(row, (filled.get(row) ?? 0) + 1);
    if (formats.has(Number(attr(m[1], 's') ?? '0'))) struck.set(row, (struck.get(row) ?? 0) + 1);
  }
  return [...struck]
    .filter(([r, n]) => n * 2 >= (filled.get(r) ?? 0))
    .map(([r]) => r)
    .sort((a, b) => a - b);
}

/** The reader's note for a struck-through row (1-based in the message and the note). */
export function struckNote(
  sheet: string,
  row: number,
): { sheet: string; row: number; code: string; message: string } {
  return {
    sheet,
    row: row + 1,
    code: 'row-struck',
    message: `第 ${row + 1} 行有删除线：已照常读取，请确认这一行是否已撤回、应否汇总（不需要的请删去）。`,
  };
}

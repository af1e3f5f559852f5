/** A1 addresses: shared by the merge report, the file writer, the Office.js adapter and the fake. */

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's column letters back to the column: A → 0, Z → 25, AA → 26 (upper-case letters). */
export function columnIndex(letters: string): number {
  let c = 0;
  for (let k = 0; k < letters.length; k++) c = c * 26 + letters.charCodeAt(k) - 64;
  return c - 1;
}

/** 0-based row and column → 「B3」. */
export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** 「B3」, 「B3:D9」, 「Sheet1!B3:D9」, 「'汇总表'!B3」, 「A:A」 → 0-based bounds (whole columns or rows run to Excel's limits). */
export function parseAddress(address: string): {
  sheet?: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
} {
  let sheet: string | undefined;
  let a = address.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) {
    sheet = a.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const part = (p: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(p.trim());
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    const col = m[1] ? columnIndex(m[1].toUpperCase()) : -1;
    const row = m[2] ? Number(m[2]) - 1 : -1;
    return { row, col };
  };
  const [s, e = s] = a.split(':');
  const p1 = part(s);
  const p2 = part(e);
  return {
    sheet,
    r1: p1.row < 0 ? 0 : p1.row,
    c1: p1.col < 0 ? 0 : p1.col,
    r2: p2.row < 0 ? 1048575 : p2.row,
    c2: p2.col < 0 ? 16383 : p2.col,
  };
}

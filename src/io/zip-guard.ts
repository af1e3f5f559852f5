/**
 * What a zip package holds, read from its central directory without inflating anything, so a zip
 * bomb is refused before a byte of it is decompressed. Pure code on bytes: the add-in (browser) and
 * hqds share it. The sizes are the ones the archive declares; hqds also counts the real inflated
 * bytes (src/io/zip-inflate-check.ts), because a hostile archive can declare small sizes.
 */

/** A .xlsx of 100,000 rows × 11 columns inflates to some tens of MB of XML; far beyond that is no
 *  workbook a bureau receives. */
export const MAX_INFLATED_BYTES = 400 * 1024 * 1024;
/** Spreadsheet XML deflates about 5–30:1; a part above this many MB that claims more than 100:1 is a bomb. */
const BOMB_RATIO = 100;
const BOMB_MIN_BYTES = 50 * 1024 * 1024;
/** A workbook has a few dozen parts; tens of thousands means something else, or an attack. */
export const MAX_ENTRIES = 10000;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
  encrypted: boolean;
}

export type ZipScan =
  | { ok: true; entries: ZipEntryInfo[]; declared: number }
  | { ok: false; problem: 'corrupt' | 'too-many-entries' | 'too-large'; detail: string };

const END = 0x06054b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

/** Reads the central directory and checks the entry count and the declared inflated size. */
export function scanZip(
  b: Uint8Array,
  limits = { bytes: MAX_INFLATED_BYTES, entries: MAX_ENTRIES },
): ZipScan {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return { ok: false, problem: 'corrupt', detail: '找不到 zip 目录（文件不完整，可能下载或复制时中断）' };
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff)
    return {
      ok: false,
      problem: 'too-large',
      detail: 'zip64 格式（超过 65535 个部件或 4 GB），不是常规的 Excel 文件',
    };
  if (count > limits.entries)
    return {
      ok: false,
      problem: 'too-many-entries',
      detail: `包含 ${count} 个部件，超过上限 ${limits.entries}`,
    };
  if (p + cdSize > b.length)
    return { ok: false, problem: 'corrupt', detail: 'zip 目录超出文件末尾（文件不完整）' };
  const entries: ZipEntryInfo[] = [];
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL)
      return { ok: false, problem: 'corrupt', detail: 'zip 目录已损坏' };
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const compressed = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const offset = u32(b, p + 42);
    let name = '';
    for (let i = 0; i < nameLen && p + 46 + i < b.length; i++) name += String.fromCharCode(b[p + 46 + i]);
    if (offset + 30 > b.length || compressed > b.length)
      return { ok: false, problem: 'corrupt', detail: `部件「${name}」超出文件末尾（文件不完整）` };
    entries.push({ name, method, compressed, size, offset, encrypted: (flags & 1) === 1 });
    declared += size;
    if (size > BOMB_MIN_BYTES && size > compressed * BOMB_RATIO) {
      return {
        ok: false,
        problem: 'too-large',
        detail: `部件「${name}」压缩比异常（${Math.round(size / 1048576)} MB 压缩为 ${Math.max(1, Math.round(compressed / 1024))} KB，压缩炸弹或异常文件）`,
      };
    }
    if (declared > limits.bytes) {
      return {
        ok: false,
        problem: 'too-large',
        detail: `解压后超过 ${Math.round(limits.bytes / 1048576)} MB（压缩炸弹或异常文件）`,
      };
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries, declared };
}

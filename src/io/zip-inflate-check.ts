/**
 * hqds (Node) only: counts the bytes each zip entry really inflates to, streaming and keeping
 * nothing, and stops as soon as an entry passes the size its directory declared. A hostile archive
 * can declare small sizes (src/io/zip-guard.ts trusts the declarations); this makes the declared
 * total a real bound before SheetJS inflates anything.
 */
import * as zlib from 'zlib';
import { MAX_INFLATED_BYTES, type ZipEntryInfo } from './zip-guard';

/** Deflate expands at most about 1032:1, so a file this small cannot inflate past the limit whatever it declares. */
const DEFLATE_MAX_RATIO = 1032;

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}

/** Resolves to null when every entry inflates to no more than it declares; otherwise to a reason. */
export async function checkInflatedSizes(
  bytes: Uint8Array,
  entries: readonly ZipEntryInfo[],
  limit = MAX_INFLATED_BYTES,
): Promise<string | null> {
  if (bytes.length * DEFLATE_MAX_RATIO <= limit) return null;
  for (const e of entries) {
    if (e.method !== 8) continue;
    if (e.offset + 30 > bytes.length) return `部件「${e.name}」超出文件末尾`;
    const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
    const data = bytes.subarray(start, start + e.compressed);
    const over = e.size <= SYNC_MAX ? overSync(data, e.size) : await overStreamed(data, e.size);
    if (over) return `部件「${e.name}」解压后比它声明的大小（${e.size} 字节）更大（压缩炸弹或伪造的文件）`;
  }
  return null;
}

/** Entries up to this size are inflated at once, into one buffer of their declared size: streamed,
 *  every 16 KB piece was a buffer that waited for a garbage collection to be freed, 9–23 MB of them
 *  at once for a 40 MB sheet, still resident when hqds check peaked (BENCHMARKS.md). */
const SYNC_MAX = 64 << 20;

/** Whether the data inflates past `size`: zlib stops at maxOutputLength and says so. */
function overSync(data: Uint8Array, size: number): boolean {
  try {
    const out = zlib.inflateRawSync(data, {
      chunkSize: Math.max(64, size + 1),
      maxOutputLength: Math.max(1, size),
    });
    return out.length > size;
  } catch (e) {
    // Corrupt data is not this check's to report: the reader will say so.
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  }
}

function overStreamed(data: Uint8Array, size: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const inf = zlib.createInflateRaw();
    let n = 0;
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    inf.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > size) {
        inf.destroy();
        finish(true);
      }
    });
    inf.on('end', () => finish(false));
    inf.on('error', () => finish(false)); // corrupt data: SheetJS will say so
    inf.on('close', () => finish(n > size));
    inf.end(data);
  });
}

/**
 * The .xlsx container written by hqds: parts deflated natively by Node's zlib as they are built.
 * Node only (hqds); the add-in writes through Office.js and never zips.
 */
import * as zlib from 'zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** One member of the archive as read from its central directory (not engine.ts's Entry, a checked row). */
/** CRC-32 (the zip one): zlib.crc32 where Node has it (20.15+, 22.2+), a table otherwise. */
let crcTable: Int32Array | undefined;
function crc32(buf: Buffer, prev: number): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer, v: number) => number }).crc32;
  if (native) return native(buf, prev);
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~prev;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** DOS date and time of a moment, as zip headers keep them (local time, two-second steps). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip archive written part by part. Each part's text arrives in chunks and goes straight into a
 * native raw-deflate stream, so no part's whole XML is ever held as one string, and zlib works on
 * its own thread while the next chunk is being built. Sizes stay far below 4 GiB: no zip64.
 */
export class ZipWriter {
  private readonly entries: { name: Buffer; crc: number; size: number; csize: number; body: Buffer[] }[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly level = 6,
    when = new Date(),
  ) {
    this.stamp = dosDateTime(when);
  }

  /** Entries still being deflated: add() returns once its text is handed over, and the next
   *  part is built while zlib finishes this one (a build of 1,000 rows waited 29 ms on deflate
   *  with the main thread idle, BENCHMARKS.md). */
  private readonly pending: Promise<void>[] = [];

  /** Adds one entry from string or byte chunks (strings are written as UTF-8). Resolves once every
   *  chunk is taken; the entry keeps its place in the order of add() calls. Call done() before
   *  finish(). */
  async add(name: string, chunks: Iterable<string | Buffer>): Promise<void> {
    const ds = zlib.createDeflateRaw({ level: this.level });
    const body: Buffer[] = [];
    ds.on('data', (b: Buffer) => body.push(b));
    const ended = new Promise<void>((resolve, reject) => {
      ds.on('end', resolve);
      ds.on('error', reject);
    });
    // A failed entry fails done(); until then its rejection is not left unhandled.
    ended.catch(() => undefined);
    const entry = { name: Buffer.from(name, 'utf8'), crc: 0, size: 0, csize: 0, body };
    this.entries.push(entry);
    let crc = 0;
    let size = 0;
    for (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (!buf.length) continue;
      crc = crc32(buf, crc);
      size += buf.length;
      // A stream that fails never drains: its error ends the wait.
      if (!ds.write(buf))
        await Promise.race([new Promise<void>((resolve) => ds.once('drain', resolve)), ended]);
    }
    ds.end();
    entry.crc = crc >>> 0;
    entry.size = size;
    const sized = ended.then(() => {
      entry.csize = body.reduce((n, b) => n + b.length, 0);
    });
    // Handled now and failing done() later: Node ends the process on a rejection left unhandled.
    sized.catch(() => undefined);
    this.pending.push(sized);
  }

  /** Waits for every entry's deflate to end. */
  async done(): Promise<void> {
    await Promise.all(this.pending);
    this.pending.length = 0;
  }

  /** The whole archive: entries (those named in `first` leading, in that order), central
   *  directory, end record. */
  finish(first: string[] = []): Buffer {
    return Buffer.concat(this.finishPieces(first));
  }

  /** The archive as finish() gives it, in pieces to be written one after another: no second
   *  copy of the whole file (20 MB at 100,000 rows) is made to join them. */
  finishPieces(first: string[] = []): Buffer[] {
    if (this.pending.length) throw new Error('ZipWriter: finish() before done(): entries still deflating');
    const rank = (e: { name: Buffer }) => {
      const i = first.indexOf(e.name.toString('utf8'));
      return i < 0 ? first.length : i;
    };
    const entries = this.entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
      .map((x) => x.e);
    const out: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const { name, crc, size, csize, body } of entries) {
      const utf8 = /[^\x20-\x7e]/.test(name.toString('latin1')) ? 0x0800 : 0;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(utf8, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt16LE(this.stamp.time, 10);
      local.writeUInt16LE(this.stamp.date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(csize, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(CENTRAL, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(utf8, 8);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt16LE(this.stamp.time, 12);
      cd.writeUInt16LE(this.stamp.date, 14);
      cd.writeUInt32LE(crc, 16);
      cd.writeUInt32LE(csize, 20);
      cd.writeUInt32LE(size, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      out.push(local, name, ...body);
      central.push(cd, name);
      offset += 30 + name.length + csize;
    }
    const cdBuf = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(cdBuf.length, 12);
    end.writeUInt32LE(offset, 16);
    out.push(cdBuf, end);
    return out;
  }
}

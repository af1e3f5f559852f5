/** A part whose deflate fails (zlib out of memory, a stream torn down) fails the build with that
 *  error: neither a wait for 'drain' that never comes nor a rejection left for Node to crash on. */
import * as zlib from 'zlib';
import { ZipWriter } from '../src/io/zip';

/** The deflate streams ZipWriter writes to from now on (each noted at its first write), to fail
 *  them at will. Node's zlib exports cannot be replaced; the streams' prototype can. */
let restore: (() => void) | undefined;
function captureDeflates(): zlib.DeflateRaw[] {
  const made: zlib.DeflateRaw[] = [];
  const proto = Object.getPrototypeOf(zlib.createDeflateRaw()) as { write: (...a: unknown[]) => boolean };
  const had = Object.prototype.hasOwnProperty.call(proto, 'write');
  const write = proto.write;
  proto.write = function (this: zlib.DeflateRaw, ...a: unknown[]) {
    if (!made.includes(this)) made.push(this);
    return write.apply(this, a);
  };
  restore = () => {
    if (had) proto.write = write;
    else delete (proto as { write?: unknown }).write;
  };
  return made;
}

afterEach(() => restore?.());

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms).unref()),
  ]);

test('a deflate that fails while add() waits for it to drain rejects add() with the error', async () => {
  const made = captureDeflates();
  const z = new ZipWriter(6);
  // Chunks far above the stream's buffer: add() waits for 'drain' after the first.
  function* chunks() {
    yield 'x'.repeat(1 << 20);
    made[0].destroy(new Error('zlib: out of memory'));
    yield 'y'.repeat(1 << 20);
    yield 'z'.repeat(1 << 20);
  }
  const outcome = await within(
    z.add('sheet1.xml', chunks()).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
    3000,
  );
  expect(outcome).toBe('zlib: out of memory');
});

test('a deflate that fails after add() returned fails done(), with no unhandled rejection before it', async () => {
  const made = captureDeflates();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const z = new ZipWriter(6);
    await z.add('a.xml', ['<a/>']);
    made[0].destroy(new Error('zlib: stream error'));
    // The writer goes on building the next part meanwhile (other events run).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await z.add('b.xml', ['<b/>']);
    await expect(z.done()).rejects.toThrow('zlib: stream error');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

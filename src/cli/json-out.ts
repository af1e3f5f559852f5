/**
 * `JSON.stringify({...head, [key]: items}, null, 2)`, byte for byte, written a batch of items at a time: a check
 * of 100,000 rows lists about 250,000 issues, and building that whole text (110 MB) and every issue
 * object first doubled the peak memory of `hqds check --json` (BENCHMARKS.md).
 */
import { once } from 'events';

/** Items per JSON.stringify call: about 45,000 characters of issues, short-lived text that a
 *  young-generation collection frees (4,096 at a time made 1.5 MB strings that wait for a full one). */
const BATCH = 128;

export async function writeJsonList(
  out: NodeJS.WritableStream,
  head: Record<string, unknown>,
  key: string,
  items: Iterable<unknown>,
): Promise<void> {
  const skeleton = JSON.stringify({ ...head, [key]: [] }, null, 2);
  const tail = '[]\n}';
  if (!skeleton.endsWith(tail)) throw new Error('writeJsonList: the list must be the last key');
  let buf = skeleton.slice(0, -tail.length);
  let first = true;
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  // Items go to JSON.stringify a batch at a time, inside an object as deep as the list itself, so
  // each comes out indented as in the whole document: one call per item plus re-indenting its lines
  // took about twice as long (BENCHMARKS.md).
  const open = '{\n  "a": [\n';
  const close = '\n  ]\n}';
  let batch: unknown[] = [];
  const put = async () => {
    const text = JSON.stringify({ a: batch }, null, 2);
    buf += `${first ? '[\n' : ',\n'}${text.slice(open.length, -close.length)}`;
    first = false;
    batch = [];
    await flush();
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) await put();
  }
  if (batch.length) await put();
  buf += first ? '[]\n}\n' : '\n  ]\n}\n';
  await flush();
}

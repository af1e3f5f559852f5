/**
 * `JSON.stringify({...head, [key]: items}, null, 2)`, byte for byte, written item by item: a check
 * of 100,000 rows lists about 250,000 issues, and building that whole text (110 MB) and every issue
 * object first doubled the peak memory of `hqds check --json` (BENCHMARKS.md).
 */
import { once } from 'events';

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
  for (const item of items) {
    buf += `${first ? '[\n' : ',\n'}    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
    if (buf.length > 1 << 16) await flush();
  }
  buf += first ? '[]\n}\n' : '\n  ]\n}\n';
  await flush();
}

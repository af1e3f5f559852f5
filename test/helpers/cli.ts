import { PassThrough } from 'stream';
import { main } from '../../src/cli/main';

/** Runs hqds in-process and captures its exit code, stdout and stderr. */
export async function run(argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d) => (o += d));
  err.on('data', (d) => (e += d));
  const code = await main(argv, out, err);
  return { code, out: o, err: e };
}

// Timing whole commands against each other with public tools only: GNU time (/usr/bin/time) gives
// each finished run's wall seconds and peak RSS. The two commands run in turn (A B A B …) after a
// warm-up of each, so a drift in the shared machine's speed hits both; the ratio is taken pair by
// pair and its median quoted.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const TIME = ['/usr/bin/time', '/bin/time'].find((p) => fs.existsSync(p));

function once(cmd, opts = {}) {
  const tmp = path.join(os.tmpdir(), `hqds-bench-time-${process.pid}.txt`);
  const t = process.hrtime.bigint();
  const argv = TIME ? [TIME, '-f', '%e %M', '-o', tmp, ...cmd] : cmd;
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 << 20,
    timeout: (opts.timeout ?? 900) * 1000,
  });
  const wallNode = Number(process.hrtime.bigint() - t) / 1e9;
  let wall = wallNode;
  let peakMiB = NaN;
  if (TIME && fs.existsSync(tmp)) {
    const last = fs.readFileSync(tmp, 'utf8').trim().split('\n').pop();
    const [e, m] = last.split(' ').map(Number);
    if (Number.isFinite(e)) wall = e;
    peakMiB = m / 1024;
    fs.rmSync(tmp, { force: true });
  }
  if (r.error) throw r.error;
  return { wall, peakMiB, code: r.status, stderr: String(r.stderr || '').slice(-2000) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });

/** Runs A and B in turn, n counted runs each after one warm-up. B may be null (A alone). */
function pair(a, b, { n = 5, warmup = 1, okCodes = [0, 1], ...opts } = {}) {
  const check = (r, cmd) => {
    if (!okCodes.includes(r.code)) throw new Error(`${cmd.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r;
  };
  for (let i = 0; i < warmup; i++) {
    check(once(a, opts), a);
    if (b) check(once(b, opts), b);
  }
  const A = [];
  const B = [];
  for (let i = 0; i < n; i++) {
    A.push(check(once(a, opts), a));
    if (b) B.push(check(once(b, opts), b));
  }
  const out = { n, a: { wall: stats(A.map((r) => r.wall)), peakMiB: stats(A.map((r) => r.peakMiB)) } };
  if (b) {
    out.b = { wall: stats(B.map((r) => r.wall)), peakMiB: stats(B.map((r) => r.peakMiB)) };
    out.ratio = stats(A.map((r, i) => B[i].wall / r.wall)); // how many times faster A is than B
  }
  return out;
}

module.exports = { pair, once, median, stats, TIME };

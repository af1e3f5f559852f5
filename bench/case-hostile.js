// Hostile files through `hqds build` (issue 7): each must finish (refused or built) in under 5 s
// and 500 MB. The files are made first (not timed); each is then built in a fresh Node process, so
// the peak RSS is that file's own. Prints one JSON line per case, as bench/run.js expects.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');

const scenario = process.env.HQDS_HOSTILE;

function sink() {
  const s = new PassThrough();
  s.resume();
  return s;
}

if (scenario) {
  // Child: one build, measured.
  const { main } = require('../lib/cli/main');
  const { file, out } = JSON.parse(scenario);
  const t0 = process.hrtime.bigint();
  main(['build', '--profile', 'qinghai', '--out', out, file], sink(), sink()).then((code) => {
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stdout.write(
      JSON.stringify({ code, seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n',
    );
  });
} else {
  const hostile = require('./hostile-files');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-hostile-'));
  const labels = hostile.QH_HEADER;
  (async () => {
    const cases = [
      [
        'zip bomb',
        '1 GB of spaces in a 1 MB .xlsx, sizes declared honestly',
        'bomb.xlsx',
        () => hostile.zipBomb(1),
      ],
      [
        'zip bomb (lying)',
        'the same, its directory declaring 1 KB',
        'bomb-lie.xlsx',
        () => hostile.zipBomb(1, true),
      ],
      ['zip parts', '20,000 parts in one zip', 'parts.xlsx', () => hostile.manyEntries(20000)],
      ['huge merge', '2 KB .xlsx with a merge over A10:XFD2000', 'merge.xlsx', () => hostile.hugeMerge()],
      [
        'stray last row',
        'two datasets and a value in XFD1048576',
        'stray.xlsx',
        () => hostile.strayLastRow(),
      ],
      [
        'row past the grid',
        'two datasets and a value in row 9,999,999 (past Excel’s 1,048,576)',
        'past.xlsx',
        () => hostile.rowPastGrid(),
      ],
      [
        '32k cells',
        '13 rows × 9 columns of 32,767-character cells (.csv)',
        'long.csv',
        () => {
          const rows = [labels, ...hostile.longCells(labels, 13)];
          return Buffer.from(
            rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')).join('\r\n'),
            'utf8',
          );
        },
      ],
    ];
    for (const [name, what, file, make] of cases) {
      const f = path.join(dir, file);
      fs.writeFileSync(f, await make());
      const r = spawnSync(process.execPath, [__filename], {
        env: {
          ...process.env,
          HQDS_HOSTILE: JSON.stringify({ file: f, out: path.join(dir, `${file}.out.xlsx`) }),
        },
        encoding: 'utf8',
        timeout: 120000,
      });
      let res;
      try {
        res = JSON.parse(r.stdout.trim().split('\n').pop());
      } catch {
        res = { code: r.status, seconds: NaN, peakMiB: NaN };
      }
      const size = fs.statSync(f).size;
      const verdict = res.code === 2 ? 'refused' : `built (exit ${res.code})`;
      process.stdout.write(
        JSON.stringify({
          name: `hostile: ${name}`,
          what: `${what}; ${(size / 1024).toFixed(0)} KB on disk; ${verdict}`,
          seconds: res.seconds,
          rowsPerSecond: 0,
          peakMiB: res.peakMiB,
        }) + '\n',
      );
      fs.rmSync(f, { force: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  })();
}

/** hqds check on 上海's working list agrees with the pane: the list's own 序号 column numbers the
 *  rows and is no unmapped column, so neither reports it. */
import * as path from 'path';
import { run } from './helpers/cli';
import { shanghaiProjectRow, shanghaiRowsXlsx, tmpDir } from './helpers/messy';
import { getProfile } from '../src/core/profiles';
import { mergeSheets } from '../src/core/merge';

const dir = tmpDir();
const f = (n: string) => path.join(dir, n);
const sh = getProfile('shanghai')!;
const row = shanghaiProjectRow();

test('hqds check on the working list hqds build wrote says nothing about its 序号 column', async () => {
  await shanghaiRowsXlsx(
    f('sh.xlsx'),
    [row],
    sh.columns.map((c) => c.label),
  );
  const built = await run(['build', '--profile', 'shanghai', '--out', f('sh-out.xlsx'), f('sh.xlsx')]);
  expect(built.code).toBe(0);
  const r = await run(['check', '--profile', 'shanghai', '--json', f('sh-out.xlsx')]);
  const report = JSON.parse(r.out);
  const list = report.issues.filter((i: { source: { sheet: string } }) => i.source.sheet === '工作清单');
  expect(list.filter((i: { code: string }) => i.code === 'unmapped-column')).toEqual([]);
  expect(r.out + r.err).not.toMatch(/「序号」/);
});

test('a 序号 column where the format has none is no unmapped column; another unknown column still is', () => {
  const header = ['序号', ...sh.columns.map((c) => c.label), '备注说明'];
  const m = mergeSheets(sh, [{ file: 'a.xlsx', sheet: '工作清单', rows: [header, [1, ...row, '']] }]);
  const unmapped = m.issues.filter((i) => i.code === 'unmapped-column');
  expect(unmapped.map((i) => i.value)).toEqual(['备注说明']);
  expect(m.rowsWritten).toBe(1);
  // 编号 holding codes is data: not importing it would lose them, so it is still reported.
  const coded = mergeSheets(sh, [
    {
      file: 'a.xlsx',
      sheet: '项目',
      rows: [
        ['编号', ...sh.columns.map((c) => c.label)],
        ['SH-001', ...row],
      ],
    },
  ]);
  expect(coded.issues.filter((i) => i.code === 'unmapped-column').map((i) => i.value)).toEqual(['编号']);
});

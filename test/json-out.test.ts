/** hqds check --json writes its issues one by one: the text must be JSON.stringify's, byte for byte. */
import { PassThrough } from 'stream';
import { writeJsonList } from '../src/cli/json-out';

async function written(head: Record<string, unknown>, items: unknown[]): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  await writeJsonList(out, head, 'issues', items);
  return text;
}

test('the same bytes as JSON.stringify(…, null, 2), for many, a whole batch, one and no items', async () => {
  const head = {
    profile: 'qinghai',
    inputs: [{ file: 'a.xlsx', mapping: [{ header: '名称\n（全称）', target: null }] }],
    rowsRead: 3,
    leftOut: [],
  };
  const many = Array.from({ length: 5000 }, (_, i) => ({
    severity: i % 2 ? 'error' : 'warning',
    message: `第 ${i} 行\n"引号" \\ 反斜杠`,
    value: i % 3 ? null : i,
    source: { file: 'a.xlsx', row: i, column: undefined },
    fix: [1, { x: [] }],
  }));
  for (const items of [many, many.slice(0, 128), many.slice(0, 1), []])
    expect(await written(head, items)).toBe(JSON.stringify({ ...head, issues: items }, null, 2) + '\n');
});

test('the list has to be the last key, or it says so', async () => {
  await expect(written({ issues: 1, after: 2 }, [])).rejects.toThrow(/last key/);
});

import { run } from './helpers/cli';

describe('hqds profiles', () => {
  test('--json: id, name, exact columns and vocabularies', async () => {
    const r = await run(['profiles', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list.map((p: { id: string }) => p.id)).toEqual(['qinghai', 'wuhan', 'shanxi', 'shanghai']);
    const wh = list[1];
    expect(Object.keys(wh.vocabularies).sort()).toEqual(['category', 'direction', 'domain', 'modality']);
    expect(wh.columns[2]).toBe('数据集类别');
    expect(list[0].columns[4]).toBe('数据集数据量（GB）');
    expect(list[0].vocabularies.domain).toContain('医疗健康');
    expect(list[3].columns[0]).toBe('项目名称');
  });
});

describe('hqds convert', () => {
  test('--json, one object per input, in order', async () => {
    const r = await run(['convert', '--json', '--to', 'GB', '--', '1.5TB', '10万张', '约2TB']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([
      { input: '1.5TB', ok: true, value: 1536, unit: 'GB', approximate: false, message: '' },
      expect.objectContaining({ input: '10万张', ok: false, value: null, unit: null }),
      expect.objectContaining({ input: '约2TB', ok: true, value: 2048, approximate: true }),
    ]);
  });
  test('--tb 1000 and --to TB / 条', async () => {
    expect(
      JSON.parse((await run(['convert', '--json', '--to', 'TB', '--tb', '1000', '--', '1500GB'])).out)[0]
        .value,
    ).toBe(1.5);
    expect(
      JSON.parse((await run(['convert', '--json', '--to', '条', '--', '三百万条'])).out)[0],
    ).toMatchObject({ value: 3e6, unit: '条' });
  });
  test('misuse exits 2 with a Chinese message', async () => {
    const a = await run(['convert', '--to', 'KB', '--', '1']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--to');
    expect((await run(['convert', '--to', 'GB', '--tb', '999', '--', '1'])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
  });
});

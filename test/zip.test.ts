import JSZip from 'jszip';
import { deflateZip } from '../src/io/zip';

test('a stored zip re-deflated natively keeps every entry, byte for byte, and is smaller', async () => {
  const zip = new JSZip();
  const big = '<row>数据集名称 牦牛养殖数据集</row>'.repeat(5000);
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/worksheets/sheet1.xml', big);
  zip.file('xl/sharedStrings.xml', '共享字符串 =SUM(A1)');
  const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const out = deflateZip(stored);
  expect(out.length).toBeLessThan(stored.length / 10);
  const back = await JSZip.loadAsync(out);
  expect(
    Object.keys(back.files)
      .filter((k) => !back.files[k].dir)
      .sort(),
  ).toEqual(['[Content_Types].xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
  expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(big);
  expect(await back.file('xl/sharedStrings.xml')!.async('string')).toBe('共享字符串 =SUM(A1)');
});

test('garbage is refused, not written', () => {
  expect(() => deflateZip(Buffer.from('not a zip at all, no end record'))).toThrow(/zip/);
});

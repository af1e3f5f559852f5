/** hqds with Word files: the annotated copy (comments on the value cells, original untouched, and
 *  LibreOffice sees them there), .doc through LibreOffice, and batches with an unreadable file. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { run } from './helpers/cli';
import { qinghaiFormXlsx, tmpDir } from './helpers/messy';
import { qinghaiForm, shanghaiForm, shanxiForm } from './helpers/docx-forms';
import { convert, needs, SOFFICE } from './helpers/tools';
import { readDocx } from '../src/io/docx';

const dir = tmpDir();
const f = (n: string) => path.join(dir, n);
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The comments of a .docx and the text of the table cell each one is anchored in. */
async function commentsByCell(file: string): Promise<{ cell: string; comment: string }[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const parse = async (name: string) =>
    new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml');
  const doc = await parse('word/document.xml');
  const comments = await parse('word/comments.xml');
  const text = new Map<string, string>();
  for (const c of Array.from(comments.getElementsByTagNameNS(W, 'comment')))
    text.set(c.getAttributeNS(W, 'id')!, c.textContent ?? '');
  const out: { cell: string; comment: string }[] = [];
  for (const start of Array.from(doc.getElementsByTagNameNS(W, 'commentRangeStart'))) {
    let tc = start as unknown as Node | null;
    while (tc && !(tc.nodeType === 1 && (tc as Element).localName === 'tc')) tc = tc.parentNode;
    const cellText = Array.from((tc as Element).getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent)
      .join('');
    out.push({ cell: cellText, comment: text.get(start.getAttributeNS(W, 'id')!)! });
  }
  return out;
}

describe('hqds check --annotate on a Word form', () => {
  test('a copy with Word comments on the offending value cells; the original is untouched', async () => {
    const src = f('上海情况表.docx');
    fs.writeFileSync(src, await shanghaiForm({ debt2024: '三成' }));
    const before = sha(src);
    const r = await run(['check', '--profile', 'shanghai', '--annotate', f('批注副本.docx'), src]);
    expect(r.code).toBe(1);
    expect(sha(src)).toBe(before);
    const notes = await commentsByCell(f('批注副本.docx'));
    const err = notes.find((n) => n.comment.includes('number-invalid') || n.comment.includes('应填百分数'));
    expect(err).toEqual({
      cell: '三成',
      comment: expect.stringMatching(/^错误：「2024年资产负债率（%）」.*应填百分数的数字/),
    });
    // The credit code warning sits on the code's own cell, not its label.
    expect(notes.find((n) => n.comment.includes('校验位'))?.cell).toBe('91310115MA1HXXXX3C');
    // Numbers written as text in Word need no action: no comment on them.
    expect(notes.map((n) => n.cell).sort()).toEqual(['91310115MA1HXXXX3C', '三成']);
    // The copy is still a Word document our reader reads, with the same values.
    const doc = await readDocx(fs.readFileSync(f('批注副本.docx')));
    expect(doc.tables[0].rows[18][3].text).toBe('三成');
  });

  test('annotating an already annotated copy keeps the earlier comments and gives new ones their own ids', async () => {
    const first = f('批注副本.docx');
    const r = await run(['check', '--profile', 'shanghai', '--annotate', f('再批注.docx'), first]);
    expect(r.code).toBe(1);
    const again = await commentsByCell(f('再批注.docx'));
    const once = await commentsByCell(first);
    expect(again.length).toBe(once.length * 2);
    const zip = await JSZip.loadAsync(fs.readFileSync(f('再批注.docx')));
    const ids = [...(await zip.file('word/comments.xml')!.async('string')).matchAll(/w:id="(\d+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(ids).size).toBe(ids.length);
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    expect(ct.split('/word/comments.xml').length).toBe(2); // one Override, not two
  });

  test('the annotated copy must be .docx for a Word form, .xlsx for a sheet', async () => {
    const src = f('qh.docx');
    fs.writeFileSync(
      src,
      await qinghaiForm([{ name: 'a', tb: '1', domain: '☑通用', modality: '☑文本', models: '无' }]),
    );
    expect((await run(['check', '--profile', 'qinghai', '--annotate', f('x.xlsx'), src])).err).toMatch(
      /\.docx/,
    );
    expect(fs.existsSync(f('x.xlsx'))).toBe(false);
  });

  needs(SOFFICE, 'LibreOffice')(
    'LibreOffice opens the annotated copy and shows each comment in its cell',
    async () => {
      const sh = f('上海2.docx');
      fs.writeFileSync(sh, await shanghaiForm({ debt2024: '三成' }));
      await run(['check', '--profile', 'shanghai', '--annotate', f('上海批注.docx'), sh]);
      const fodt = convert(f('上海批注.docx'), 'fodt', dir);
      const xml = new DOMParser().parseFromString(fs.readFileSync(fodt, 'utf8'), 'text/xml');
      const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
      const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
      const found: { cell: string; note: string }[] = [];
      for (const a of Array.from(xml.getElementsByTagNameNS(OFFICE, 'annotation'))) {
        let cell = a as unknown as Node | null;
        while (
          cell &&
          !(
            cell.nodeType === 1 &&
            (cell as Element).namespaceURI === TABLE &&
            (cell as Element).localName === 'table-cell'
          )
        )
          cell = cell.parentNode;
        expect(cell).not.toBeNull();
        const note = a.textContent ?? '';
        a.parentNode!.removeChild(a);
        found.push({ cell: (cell as Element).textContent?.trim() ?? '', note });
      }
      expect(found.find((n) => n.note.includes('应填百分数'))?.cell).toBe('三成');
      expect(found.find((n) => n.note.includes('校验位'))?.cell).toBe('91310115MA1HXXXX3C');
      expect(found.length).toBeGreaterThan(1);
    },
  );
});

needs(SOFFICE, 'LibreOffice')(
  'a .doc (Word 97) is converted through LibreOffice and read like the .docx',
  async () => {
    const docx = f('山西申报书.docx');
    fs.writeFileSync(docx, await shanxiForm());
    const doc = convert(docx, 'doc:MS Word 97', dir);
    expect(fs.readFileSync(doc).subarray(0, 2)).toEqual(Buffer.from([0xd0, 0xcf]));
    const a = JSON.parse((await run(['check', '--profile', 'shanxi', '--json', docx])).out);
    const b = await run(['check', '--profile', 'shanxi', '--json', doc]);
    expect(b.err).toMatch(/LibreOffice 转换/);
    const j = JSON.parse(b.out);
    expect(j.inputs).toEqual([{ ...a.inputs[0], file: '山西申报书.doc' }]);
    expect(
      j.issues.map((i: { code: string; source: { column: string } }) => [i.code, i.source.column]),
    ).toEqual(a.issues.map((i: { code: string; source: { column: string } }) => [i.code, i.source.column]));
    expect(j.rowsChecked).toBe(1);
  },
);

test('a .doc without LibreOffice: save it as .docx (exit 2), never 可能已损坏', async () => {
  const ole = Buffer.alloc(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  fs.writeFileSync(f('旧表.doc'), ole);
  const saved = process.env.HQDS_SOFFICE;
  process.env.HQDS_SOFFICE = '';
  try {
    const r = await run(['build', '--profile', 'qinghai', '--out', f('never.xlsx'), f('旧表.doc')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('「旧表.doc」：这是旧版 Word 文件，请用 Word 或 WPS 另存为 .docx 后再导入');
    expect(r.err).not.toMatch(/损坏/);
    expect(fs.existsSync(f('never.xlsx'))).toBe(false);
  } finally {
    if (saved === undefined) delete process.env.HQDS_SOFFICE;
    else process.env.HQDS_SOFFICE = saved;
  }
});

describe('one unreadable file in a batch', () => {
  beforeAll(async () => {
    fs.writeFileSync(
      f('good.docx'),
      await qinghaiForm([
        { name: '牦牛养殖数据集', tb: '2', domain: '☑现代农业', modality: '☑文本', models: '无' },
      ]),
    );
    fs.writeFileSync(f('broken.xlsx'), Buffer.from('PK\u0003\u0004garbage'));
  });
  test('without --skip-unreadable: exit 2, the file and the reason named, OUT not created', async () => {
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--out',
      f('batch.xlsx'),
      f('good.docx'),
      f('broken.xlsx'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.xlsx.*损坏|broken\.xlsx.*另存/);
    expect(fs.existsSync(f('batch.xlsx'))).toBe(false);
  });
  test('with --skip-unreadable: built from the rest; the skipped file is in the report and on stderr', async () => {
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--skip-unreadable',
      '--out',
      f('batch.xlsx'),
      '--report',
      f('batch.json'),
      f('good.docx'),
      f('broken.xlsx'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 条.*读不了的文件 1 个已略过/);
    expect(r.err).toMatch(/已略过读不了的文件「broken\.xlsx」/);
    const rep = JSON.parse(fs.readFileSync(f('batch.json'), 'utf8'));
    expect(rep.unreadable).toEqual([{ file: 'broken.xlsx', reason: expect.stringContaining('broken.xlsx') }]);
    expect(rep.rowsWritten).toBe(1);
  });
  test('with --skip-unreadable and nothing readable: exit 2, no OUT', async () => {
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--skip-unreadable',
      '--out',
      f('none.xlsx'),
      f('broken.xlsx'),
    ]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(f('none.xlsx'))).toBe(false);
  });
});

test('--annotate on a spreadsheet 附件1 puts each note on the value cell, not the label', async () => {
  await qinghaiFormXlsx(f('qh-form.xlsx'));
  const r = await run(['check', '--profile', 'qinghai', '--json', f('qh-form.xlsx')]);
  const models = JSON.parse(r.out).issues.find(
    (i: { code: string; column: string }) =>
      i.code === 'required' && i.column === '已服务支撑人工智能大模型名称',
  );
  expect(models.source).toMatchObject({
    row: 15,
    column: 'C列「已服务支撑人工智能大模型名称」',
    cell: { row: 14, col: 2 },
  });
  await run(['check', '--profile', 'qinghai', '--annotate', f('qh-form-notes.xlsx'), f('qh-form.xlsx')]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f('qh-form-notes.xlsx'));
  const ws = wb.getWorksheet('基本信息表')!;
  const note = ws.getCell('C15').note;
  expect(typeof note === 'string' ? note : JSON.stringify(note)).toMatch(/不能为空/);
  expect(ws.getCell('B15').note).toBeUndefined();
  expect(ws.getCell('F15').note).toBeUndefined();
});

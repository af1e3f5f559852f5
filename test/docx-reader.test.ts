/** The Word reader on its own: text as the page shows it, merges, nested tables, content controls,
 *  the three checkbox kinds, a cover page before the tables. */
import ExcelJS from 'exceljs';
import { docxSheet, readDocx } from '../src/io/docx';
import { readFile, readWorkbook, ReadError } from '../src/io/read';
import { docx, legacyBox, options, p, para, runs, sdtBox, symBox, table } from './helpers/docx';

describe('readDocx', () => {
  test('cover page and headings become paragraphs; tables keep their place in the document', async () => {
    const bytes = await docx(
      para('山西省高质量数据集申报书', 'Title') +
        para('数据集名称：_____') +
        `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
        para('基本信息表', 'Heading1') +
        table([
          ['字段', '内容'],
          ['数据集名称', '矿山数据集'],
        ]) +
        para('申报材料正文'),
    );
    const doc = await readDocx(bytes);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? `#${b.table}` : b.text.trim()))).toEqual([
      '山西省高质量数据集申报书',
      '数据集名称：_____',
      '',
      '基本信息表',
      '#1',
      '申报材料正文',
    ]);
    expect(doc.blocks[0]).toMatchObject({ style: 'Title' });
    expect(doc.tables[0].rows[1].map((c) => c.text)).toEqual(['数据集名称', '矿山数据集']);
  });

  test('line breaks and paragraphs inside a cell are kept as lines; hidden and deleted text is not read', async () => {
    const cell = {
      xml:
        p(runs('第一行\n第二行')) +
        p(
          `<w:r><w:t>第三</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:ins w:id="2" w:author="a"><w:r><w:t>段</w:t></w:r></w:ins>`,
        ),
    };
    const doc = await readDocx(await docx(table([[cell]])));
    expect(doc.tables[0].rows[0][0].text).toBe('第一行\n第二行\n第三段');
  });

  test('gridSpan and vMerge: the value fills every grid cell it covers, and points at the Word cell', async () => {
    const doc = await readDocx(
      await docx(
        table([
          [{ text: '申报单位信息', vmerge: 'restart' }, '单位名称', { text: '青海牧业公司', span: 2 }],
          [{ vmerge: 'continue' }, '单位地址', '西宁', '城西区'],
        ]),
      ),
    );
    const s = docxSheet(doc);
    expect(s.rows).toEqual([
      ['申报单位信息', '单位名称', '青海牧业公司', '青海牧业公司'],
      ['申报单位信息', '单位地址', '西宁', '城西区'],
    ]);
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { r1: 0, c1: 0, r2: 1, c2: 0 },
        { r1: 0, c1: 2, r2: 0, c2: 3 },
      ]),
    );
    expect(s.origins[1][0]).toEqual({ table: 1, row: 1, cell: 1 });
    expect(s.origins[0][3]).toEqual({ table: 1, row: 1, cell: 3 });
    expect(s.origins[1][3]).toEqual({ table: 1, row: 2, cell: 4 });
  });

  test('rows inside a repeating-section content control, w:gridBefore and legacy w:hMerge keep the grid', async () => {
    const tc = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(t)}</w:tc>`;
    const repeat = (rows: string) =>
      `<w:sdt><w:sdtPr><w15:repeatingSection xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr/><w:sdtContent>${rows}</w:sdtContent></w:sdt></w:sdtContent></w:sdt>`;
    const body =
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      `<w:tr>${tc('数据集名称')}${tc('甲', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}</w:tr>` +
      repeat(`<w:tr>${tc('数据集名称')}${tc('乙')}${tc('丙')}</w:tr>`) +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('丁')}${tc('戊')}</w:tr></w:tbl>`;
    const doc = await readDocx(await docx(body));
    expect(docxSheet(doc).rows).toEqual([
      ['数据集名称', '甲', '甲'],
      ['数据集名称', '乙', '丙'],
      [null, '丁', '戊'],
    ]);
    expect(docxSheet(doc).origins[2][1]).toEqual({ table: 1, row: 3, cell: 1 });
  });

  test('a nested table is read into the cell that holds it, and numbered after its parent', async () => {
    const inner = table([
      ['☑文本', '□音频'],
      ['□视频', ''],
    ]);
    const doc = await readDocx(
      await docx(table([['数据集模态', { xml: inner + '<w:p/>' }]]) + table([['备注', '无']])),
    );
    expect(doc.tables.map((t) => [t.number, t.parent])).toEqual([
      [1, null],
      [2, { table: 1, row: 0, cell: 1 }],
      [3, null],
    ]);
    expect(doc.tables[0].rows[0][1].text).toBe('☑文本 □音频\n□视频');
    expect(docxSheet(doc).rows).toEqual([
      ['数据集模态', '☑文本 □音频\n□视频'],
      ['备注', '无'],
    ]);
  });

  test('text in content controls is read; a control still showing its placeholder is empty', async () => {
    const filled = `<w:sdt><w:sdtPr><w:alias w:val="名称"/></w:sdtPr><w:sdtContent><w:r><w:t>牦牛数据集</w:t></w:r></w:sdtContent></w:sdt>`;
    const placeholder = `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>`;
    const blockSdt = `<w:sdt><w:sdtPr/><w:sdtContent>${para('块级控件')}</w:sdtContent></w:sdt>`;
    const doc = await readDocx(
      await docx(table([[{ xml: p(filled) }, { xml: p(placeholder) }, { xml: blockSdt }]])),
    );
    expect(doc.tables[0].rows[0].map((c) => c.text)).toEqual(['牦牛数据集', '', '块级控件']);
  });

  test.each([
    ['content-control checkboxes (w14:checkbox)', sdtBox, 'sdt'],
    ['legacy FORMCHECKBOX with w:checked', (c: boolean) => legacyBox(c, 'checked'), 'legacy'],
    ['legacy FORMCHECKBOX with only w:default', (c: boolean) => legacyBox(c, 'default'), 'legacy'],
    ['Wingdings symbols', symBox, 'symbol'],
  ])('%s become ☑/☐ before their option', async (_n, box, kind) => {
    const doc = await readDocx(
      await docx(
        table([
          [
            '数据集模态',
            {
              xml: p(
                options(
                  [
                    [true, '文本'],
                    [false, '音频'],
                    [true, '视频'],
                  ],
                  box,
                ),
              ),
            },
          ],
        ]),
      ),
    );
    const cell = doc.tables[0].rows[0][1];
    expect(cell.text).toBe('☑文本 ☐音频 ☑视频');
    expect(cell.checkboxes).toEqual([true, false, true].map((checked) => ({ checked, kind })));
  });

  test('typed characters (☑ □ √ ■) are kept and counted as checkboxes', async () => {
    const doc = await readDocx(await docx(table([['领域', '√工业制造 □现代农业 ■通用']])));
    expect(doc.tables[0].rows[0][1].checkboxes.map((b) => b.checked)).toEqual([true, false, true]);
  });

  test('a document that unpacks past the limit is refused before it is all in memory', async () => {
    const big = await docx(table([['x'.repeat(200_000)]]));
    await expect(readDocx(big, { maxXmlBytes: 100_000 })).rejects.toThrow(/过大/);
    await expect(readDocx(big, { maxXmlBytes: 1_000_000 })).resolves.toBeTruthy();
  });

  test('not a Word document: a Chinese reason, never 可能已损坏', async () => {
    await expect(readFile('x.docx', Buffer.from('PK\u0003\u0004garbage'))).rejects.toThrow(ReadError);
    await expect(readFile('x.docx', Buffer.from('PK\u0003\u0004garbage'))).rejects.toThrow(/x\.docx/);
  });

  test('a .doc or .wps file: save it as .docx, never 可能已损坏', () => {
    const ole = Buffer.alloc(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.write('WordDocument'.split('').join('\u0000') + '\u0000', 1024, 'latin1');
    for (const name of ['申报书.doc', '申报书.wps'])
      expect(() => readWorkbook(name, ole)).toThrow(
        '这是旧版 Word 文件，请用 Word 或 WPS 另存为 .docx 后再导入',
      );
    // A Word 97 file renamed .xls: recognised from its WordDocument stream.
    expect(() => readWorkbook('申报书.xls', ole)).toThrow(/旧版 Word 文件/);
    expect(() => readWorkbook('申报书.xls', ole)).not.toThrow(/损坏/);
  });

  test('readFile still reads a spreadsheet without an extension as a spreadsheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('来件').addRow(['序号', '数据集名称']);
    const raw = await readFile('来件', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(raw.sheets[0]).toMatchObject({ name: '来件', rows: [['序号', '数据集名称']] });
    expect(raw.sheets[0].origins).toBeUndefined();
  });

  test('a Word document named .xlsx, or without an extension, is read as Word', async () => {
    for (const name of ['misnamed.xlsx', '来件']) {
      const wb = await readFile(name, await docx(table([['a', 'b']])));
      expect(wb.sheets[0].rows).toEqual([['a', 'b']]);
    }
  });
});

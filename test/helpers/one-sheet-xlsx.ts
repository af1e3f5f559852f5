/** A hand-written .xlsx of one sheet 「汇总表」 with this <sheetData> content, and, when given, a
 *  shared-strings part and a styles part whose cellXfs carry these numFmtIds (14 is a date): the
 *  smallest package the fast reader and SheetJS both read, to put exact XML in front of them. */
import JSZip from 'jszip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export async function oneSheetXlsx(
  sheetData: string,
  opts: { strings?: string[]; numFmts?: number[] } = {},
): Promise<Uint8Array> {
  const { strings, numFmts } = opts;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>` +
      (strings
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>`
        : '') +
      (numFmts ? `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="汇总表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (numFmts ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '') +
      '</Relationships>',
  );
  if (strings)
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="${NS}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    );
  if (numFmts)
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><cellXfs count="${numFmts.length}">${numFmts.map((n) => `<xf numFmtId="${n}"/>`).join('')}</cellXfs></styleSheet>`,
    );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

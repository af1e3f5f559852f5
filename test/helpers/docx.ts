/**
 * Word documents built at test time from hand-written WordprocessingML, zipped by JSZip: the
 * fixtures are readable here, nothing binary is checked in, and each feature (merges, the three
 * checkbox kinds, content controls, a cover page) is written the way Word itself writes it.
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs for plain text; \n becomes a line break inside the paragraph. */
export function runs(text: string): string {
  return text
    .split('\n')
    .map(
      (line, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`,
    )
    .join('');
}

export const p = (inner: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner}</w:p>`;
export const para = (text: string, style?: string) => p(runs(text), style);

/** A Word 2010 content-control checkbox: the glyph is MS Gothic ☒/☐, the state is w14:checked. */
export const sdtBox = (checked: boolean) =>
  `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${checked ? '☒' : '☐'}</w:t></w:r></w:sdtContent></w:sdt>`;

/** A legacy FORMCHECKBOX field; `how` says whether the state is in w:checked or only w:default. */
export const legacyBox = (checked: boolean, how: 'checked' | 'default' = 'checked') =>
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>${
    how === 'checked'
      ? `<w:default w:val="0"/><w:checked w:val="${checked ? 1 : 0}"/>`
      : `<w:default w:val="${checked ? 1 : 0}"/>`
  }</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A Wingdings box inserted through Insert → Symbol (w:sym). */
export const symBox = (checked: boolean) =>
  `<w:r><w:sym w:font="Wingdings" w:char="${checked ? 'F0FE' : 'F0A8'}"/></w:r>`;

/** Options after boxes of one kind: [[checked, label], …] → runs. */
export function options(list: [boolean, string][], box: (c: boolean) => string): string {
  return list.map(([c, l], i) => `${box(c)}${runs(`${l}${i < list.length - 1 ? ' ' : ''}`)}`).join('');
}

export interface CellSpec {
  /** Paragraph XML (use para/p) or plain text. */
  xml?: string;
  text?: string;
  span?: number;
  vmerge?: 'restart' | 'continue';
}
export type Cell = string | CellSpec | null;

export function tc(c: Cell): string {
  const spec: CellSpec = c === null ? { text: '' } : typeof c === 'string' ? { text: c } : c;
  const pr = `${spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : ''}${spec.vmerge ? `<w:vMerge${spec.vmerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`;
  const body =
    spec.xml ??
    (spec.text ?? '')
      .split('\n\n')
      .map((t) => para(t))
      .join('');
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${body || '<w:p/>'}</w:tc>`;
}

export function table(rows: Cell[][], gridCols?: number): string {
  const cols =
    gridCols ??
    Math.max(
      ...rows.map((r) =>
        r.reduce((n: number, c) => n + (c && typeof c === 'object' && c.span ? c.span : 1), 0),
      ),
    );
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(cols)}</w:tblGrid>${rows
    .map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
}

/** A .docx package around the body XML (content types, package and document relationships). */
export async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:w14="${W14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

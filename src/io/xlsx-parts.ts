/**
 * The small, fixed parts of a SpreadsheetML package and the escaping every part shares, for the
 * direct writer (xlsx-writer.ts). Element order follows the schema's sequences (ECMA-376 Part 1,
 * §18.3.1.99 CT_Worksheet, §18.8.39 CT_Stylesheet): Excel repairs a file whose order is wrong.
 */
import type { CellStyle } from '../core/plan';

// eslint-disable-next-line no-control-regex -- characters XML forbids must be found to be escaped
const TEXT_SPECIAL = /[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
// eslint-disable-next-line no-control-regex -- as above
const TEXT_ALL = /[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

function textChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  // XML 1.0 cannot carry these characters; OOXML spells them _xHHHH_ (ST_Xstring, Part 1 §22.9.2.19),
  // and a literal 「_x0041_」 keeps its underscore as _x005F_ so it is not read back as 「A」.
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Element text: & < > escaped, characters XML cannot hold as _xHHHH_. */
export function xmlText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_ALL, textChar) : s;
}

/** An attribute value in double quotes: line breaks as character references so they survive. */
export function xmlAttr(s: string): string {
  // eslint-disable-next-line no-control-regex -- as above
  return s.replace(/[&<>"\n\r\t]|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (ch) =>
    ch === '&'
      ? '&amp;'
      : ch === '<'
        ? '&lt;'
        : ch === '>'
          ? '&gt;'
          : ch === '"'
            ? '&quot;'
            : ch === '\n'
              ? '&#10;'
              : ch === '\r'
                ? '&#13;'
                : ch === '\t'
                  ? '&#9;'
                  : '',
  );
}

/** <t> with xml:space="preserve" where leading/trailing blanks or line breaks must survive. */
export function tElement(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const keep =
    first === 32 ||
    first === 9 ||
    first === 10 ||
    first === 13 ||
    last === 32 ||
    last === 9 ||
    last === 10 ||
    last === 13 ||
    s.includes('\n');
  return keep ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`;
}

/** A sheet name quoted for a formula or defined name: 'name' with apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function relationships(rels: { id: string; type: string; target: string }[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlAttr(r.target)}"/>`).join('')}</Relationships>`;
}

export function contentTypes(sheets: number, comments: number[], sharedStrings: boolean): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const parts = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
    o('/xl/workbook.xml', `${ct}.sheet.main+xml`),
    o('/xl/styles.xml', `${ct}.styles+xml`),
    ...(sharedStrings ? [o('/xl/sharedStrings.xml', `${ct}.sharedStrings+xml`)] : []),
    ...Array.from({ length: sheets }, (_, i) => o(`/xl/worksheets/sheet${i + 1}.xml`, `${ct}.worksheet+xml`)),
    ...comments.map((n) => o(`/xl/comments${n}.xml`, `${ct}.comments+xml`)),
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
    o('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'),
  ];
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${parts.join('')}</Types>`;
}

export function rootRels(): string {
  return relationships([
    { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
    {
      id: 'rId2',
      type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      target: 'docProps/core.xml',
    },
    { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
  ]);
}

export function coreProps(creator: string, when: Date): string {
  // W3CDTF without milliseconds, the form Excel itself writes.
  const t = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${t}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${t}</dcterms:modified></cp:coreProperties>`;
}

export function appProps(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>hqds</Application></Properties>`;
}

/** Built-in number formats we use (Part 1 §18.8.30); anything else gets a custom id from 164. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/**
 * styles.xml for the plan's named styles: one cellXfs entry per name, index 0 left as Excel's
 * default. Fonts, fills, borders and number formats are shared between styles that use the same.
 */
export function stylesPart(styles: Record<string, CellStyle>): { xml: string; index: Map<string, number> } {
  const fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  const fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  const borders = [
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
    '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>',
  ];
  const numFmts: string[] = [];
  const customFmt = new Map<string, number>();
  const idOf = (list: string[], xml: string) => {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  };
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const index = new Map<string, number>();
  for (const [name, st] of Object.entries(styles)) {
    let fontId = 0;
    if (st.font) {
      const f = st.font;
      const xml = `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="${xmlAttr(f.color)}"/>` : ''}<name val="${xmlAttr(f.name ?? 'Calibri')}"/></font>`;
      fontId = idOf(fonts, xml);
    }
    const fillId = st.fill
      ? idOf(
          fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${xmlAttr(st.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const borderId = st.border ? 1 : 0;
    let numFmtId = 0;
    if (st.numFmt) {
      numFmtId = BUILTIN_NUMFMT[st.numFmt] ?? customFmt.get(st.numFmt) ?? -1;
      if (numFmtId < 0) {
        numFmtId = 164 + customFmt.size;
        customFmt.set(st.numFmt, numFmtId);
        numFmts.push(`<numFmt numFmtId="${numFmtId}" formatCode="${xmlAttr(st.numFmt)}"/>`);
      }
    }
    const a = st.align;
    const align =
      a && (a.h || a.v || a.wrap)
        ? `<alignment${a.h ? ` horizontal="${a.h}"` : ''}${a.v ? ` vertical="${a.v === 'middle' ? 'center' : a.v}"` : ''}${a.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const apply = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    index.set(name, xfs.length);
    xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}${align ? `>${align}</xf>` : '/>'}`,
    );
  }
  const xml =
    `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    `<fills count="${fills.length}">${fills.join('')}</fills>` +
    `<borders count="${borders.length}">${borders.join('')}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';
  return { xml, index };
}

export interface Note {
  r: number;
  c: number;
  ref: string;
  text: string;
}

/** comments{n}.xml: the text of each note. */
export function* commentsPart(notes: readonly Note[]): Generator<string> {
  yield `${XML_HEAD}<comments xmlns="${NS_MAIN}"><authors><author>hqds</author></authors><commentList>`;
  let buf = '';
  for (const n of notes) {
    buf += `<comment ref="${n.ref}" authorId="0"><text><r>${tElement(n.text)}</r></text></comment>`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}</commentList></comments>`;
}

/**
 * vmlDrawing{n}.vml: the hidden box of each note, which Excel needs besides the comment text.
 * Shape ids come in blocks of 1024 per drawing listed in o:idmap (as Excel and XlsxWriter number
 * them), so a sheet with thousands of notes keeps every id unique in the workbook.
 */
export function* vmlPart(notes: readonly Note[], firstBlock: number): Generator<string> {
  const blocks = Math.floor(notes.length / 1024) + 1;
  const ids = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(',');
  yield (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
  );
  let buf = '';
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i];
    const id = firstBlock * 1024 + 1 + i;
    const c2 = Math.min(n.c + 3, 16383);
    const r2 = Math.min(n.r + 4, 1048575);
    buf +=
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:70pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${Math.min(n.c + 1, 16383)}, 15, ${n.r}, 2, ${c2}, 15, ${r2}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.r}</x:Row><x:Column>${n.c}</x:Column></x:ClientData></v:shape>`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}</xml>`;
}

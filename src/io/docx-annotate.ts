/**
 * A copy of a Word form with a Word comment (w:comment, ECMA-376 Part 1 §17.13.4) on each cell that
 * needs fixing, so an applicant sees in Word itself what to correct before sending. The original
 * bytes are not touched; everything else in the package is carried over as it was.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { findBody, openDocx, parseXml, rowCells, tableElements, tableRows } from './docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export interface DocxNote {
  /** 1-based table number (document order, as readDocx numbers them), row and cell in the row. */
  table: number;
  row: number;
  cell: number;
  /** One paragraph per line. */
  lines: string[];
}

export interface AnnotateOptions {
  author?: string;
  initials?: string;
  date?: Date;
}

/** Returns the annotated copy and how many notes found their cell (a note whose cell is gone is counted out). */
export async function annotateDocx(
  bytes: Uint8Array,
  notes: readonly DocxNote[],
  opts: AnnotateOptions = {},
): Promise<{ bytes: Uint8Array; placed: number }> {
  const { zip, part, doc } = await openDocx(bytes);
  const body = findBody(doc);
  const tables = tableElements(body);
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const relsFile = zip.file(relsPath);
  const rels = relsFile
    ? parseXml(await relsFile.async('string'), relsPath)
    : (new DOMParser().parseFromString(
        `<Relationships xmlns="${PKG_REL}"/>`,
        'text/xml',
      ) as unknown as Document);
  const relEls = Array.from(rels.getElementsByTagNameNS(PKG_REL, 'Relationship'));
  const commentsRel: Element | undefined = relEls.find((r) => r.getAttribute('Type') === COMMENTS_REL);
  let commentsPath: string;
  let comments: Document;
  if (commentsRel) {
    const target = commentsRel.getAttribute('Target') ?? 'comments.xml';
    commentsPath = target.startsWith('/') ? target.slice(1) : dir + target;
    const f = zip.file(commentsPath);
    comments = f ? parseXml(await f.async('string'), commentsPath) : emptyComments();
  } else {
    commentsPath = `${dir}comments.xml`;
    for (let i = 2; zip.file(commentsPath); i++) commentsPath = `${dir}comments${i}.xml`;
    comments = emptyComments();
    let id = 1;
    const ids = new Set(relEls.map((r) => r.getAttribute('Id')));
    while (ids.has(`rId${id}`)) id++;
    const rel = rels.createElementNS(PKG_REL, 'Relationship');
    rel.setAttribute('Id', `rId${id}`);
    rel.setAttribute('Type', COMMENTS_REL);
    rel.setAttribute('Target', commentsPath.slice(dir.length));
    rels.documentElement.appendChild(rel);
  }
  let nextId = 0;
  for (const c of Array.from(comments.getElementsByTagNameNS(W, 'comment')))
    nextId = Math.max(nextId, Number(c.getAttributeNS(W, 'id')) + 1 || 0);
  // Comment ranges share one id space with other annotations in the document body.
  for (const tag of ['commentRangeStart', 'commentReference']) {
    for (const c of Array.from(doc.getElementsByTagNameNS(W, tag)))
      nextId = Math.max(nextId, Number(c.getAttributeNS(W, 'id')) + 1 || 0);
  }

  const author = opts.author ?? 'hqds 汇总助手';
  const date = (opts.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let placed = 0;
  for (const n of notes) {
    const tbl = tables[n.table - 1];
    const tr = tbl && tableRows(tbl)[n.row - 1];
    const tc = tr && rowCells(tr)[n.cell - 1];
    if (!tc) continue;
    const id = String(nextId++);
    const paras = Array.from(tc.childNodes).filter(
      (x): x is Element =>
        x.nodeType === 1 && (x as Element).namespaceURI === W && (x as Element).localName === 'p',
    );
    if (!paras.length) {
      const p = doc.createElementNS(W, 'w:p');
      tc.appendChild(p);
      paras.push(p);
    }
    const first = paras[0];
    const last = paras[paras.length - 1];
    const start = el(doc, 'commentRangeStart', { id });
    const pPr = Array.from(first.childNodes).find(
      (x) => x.nodeType === 1 && (x as Element).localName === 'pPr',
    );
    first.insertBefore(start, pPr ? pPr.nextSibling : first.firstChild);
    last.appendChild(el(doc, 'commentRangeEnd', { id }));
    const ref = el(doc, 'r', {});
    ref.appendChild(el(doc, 'commentReference', { id }));
    last.appendChild(ref);

    const c = el(comments, 'comment', { id, author, date, initials: opts.initials ?? 'hqds' });
    for (const line of n.lines) {
      const p = el(comments, 'p', {});
      const r = el(comments, 'r', {});
      const t = el(comments, 't', {});
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(comments.createTextNode(line));
      r.appendChild(t);
      p.appendChild(r);
      c.appendChild(p);
    }
    comments.documentElement.appendChild(c);
    placed++;
  }

  const ser = new XMLSerializer();
  const xml = (d: Document) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${ser.serializeToString(d.documentElement as unknown as Parameters<XMLSerializer['serializeToString']>[0])}`;
  zip.file(part, xml(doc));
  zip.file(commentsPath, xml(comments));
  zip.file(relsPath, xml(rels));
  const ctFile = zip.file('[Content_Types].xml');
  if (ctFile) {
    const ct = parseXml(await ctFile.async('string'), '[Content_Types].xml');
    const name = `/${commentsPath}`;
    if (
      !Array.from(ct.getElementsByTagNameNS(CT, 'Override')).some((o) => o.getAttribute('PartName') === name)
    ) {
      const o = ct.createElementNS(CT, 'Override');
      o.setAttribute('PartName', name);
      o.setAttribute('ContentType', COMMENTS_TYPE);
      ct.documentElement.appendChild(o);
    }
    zip.file('[Content_Types].xml', xml(ct));
  }
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes: out, placed };
}

function emptyComments(): Document {
  return new DOMParser().parseFromString(`<w:comments xmlns:w="${W}"/>`, 'text/xml') as unknown as Document;
}

/** A w: element with w: attributes. */
function el(doc: Document, name: string, attrs: Record<string, string>): Element {
  const e = doc.createElementNS(W, `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `w:${k}`, v);
  return e;
}

/**
 * npm start without Excel: the real task pane beside a simulated workbook (the same fake the tests
 * use), drawn as a grid you can type into. Nothing here loads Office.js or talks to any server.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { FakeWorkbook, type FakeSheet } from '../excel/fake';
import { a1, columnLetter } from '../core/address';
import { OfficeWorkbook } from '../excel/adapter';
import { SAMPLE_ROWS, SAMPLE_SHEET } from './sample';

const fake = new FakeWorkbook('1.18');
fake.load(SAMPLE_SHEET, SAMPLE_ROWS);
const workbook = new OfficeWorkbook(fake.run, fake.requirements);
(window as unknown as { hqdsFake: FakeWorkbook }).hqdsFake = fake;

function useRedraw(): number {
  const [n, setN] = React.useState(0);
  React.useEffect(() => {
    const f = () => setN((x) => x + 1);
    fake.listeners.add(f);
    return () => void fake.listeners.delete(f);
  }, []);
  return n;
}

function options(sheet: FakeSheet, r: number, c: number): string[] | null {
  const v = sheet.validations.find((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
  const src = v?.rule.list?.source;
  if (!src || typeof src !== 'string') return null;
  if (!src.startsWith('=')) return src.split(',');
  const m = /^='?(.+?)'?!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(src);
  if (!m) return null;
  const lists = fake.sheets.find((s) => s.name === m[1]);
  const col = m[2].charCodeAt(0) - 65;
  const out: string[] = [];
  for (let i = Number(m[3]) - 1; i < Number(m[4]); i++) out.push(String(lists?.valueAt(i, col) ?? ''));
  return out;
}

function Grid(): React.JSX.Element {
  useRedraw();
  const visible = fake.sheets.filter((s) => s.visibility === 'Visible');
  const sheet = visible.find((s) => s.name === fake.active) ?? visible[0];
  const [editing, setEditing] = React.useState<{ r: number; c: number; text: string } | null>(null);
  if (!sheet) return <div />;
  const ext = sheet.extent();
  const rows = Math.max(ext.rows + 3, 20);
  const cols = Math.max(ext.cols + 1, 10);
  const commit = async () => {
    if (!editing) return;
    const { r, c, text } = editing;
    setEditing(null);
    fake.endCellEdit();
    const num =
      text.trim() !== '' && /^-?\d+(\.\d+)?$/.test(text.trim()) && sheet.cell(r, c)?.numberFormat !== '@'
        ? Number(text)
        : text;
    await fake.userEdit(sheet.name, r, c, [[num]]);
  };
  const sel = fake.selection;
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        height: '100%',
        fontFamily: '"Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
        fontSize: 12,
      }}
    >
      <div style={{ padding: '6px 8px', background: '#217346', color: '#fff' }}>
        模拟工作簿（预览：不是 Excel；任务窗格与 Excel 中相同）
      </div>
      <div style={{ overflow: 'auto', flex: 1 }}>
        <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed' }} data-sheet={sheet.name}>
          <thead>
            <tr>
              <th style={{ width: 34, background: '#f3f3f3' }} />
              {Array.from({ length: cols }, (_, c) => (
                <th
                  key={c}
                  style={{
                    width: Math.max(60, (sheet.colWidths.get(c) ?? 60) * 1.0),
                    background: '#f3f3f3',
                    border: '1px solid #ddd',
                    fontWeight: 'normal',
                  }}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <td style={{ background: '#f3f3f3', border: '1px solid #ddd', textAlign: 'center' }}>
                  {r + 1}
                </td>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = sheet.cell(r, c);
                  const isEdit = editing && editing.r === r && editing.c === c;
                  const selected =
                    sel.sheet === sheet.name &&
                    r >= sel.r &&
                    r < sel.r + sel.rows &&
                    c >= sel.c &&
                    c < sel.c + sel.cols;
                  const note = sheet.notes.get(`${r},${c}`);
                  const list = options(sheet, r, c);
                  return (
                    <td
                      key={c}
                      data-cell={a1(r, c)}
                      title={note}
                      style={{
                        border: selected ? '2px solid #217346' : '1px solid #e0e0e0',
                        background: cell?.fill ?? '#fff',
                        padding: 0,
                        height: 22,
                        position: 'relative',
                        fontWeight: cell?.font?.bold ? 'bold' : 'normal',
                        whiteSpace: 'nowrap',
                        overflow: 'hidden',
                      }}
                      onClick={() => {
                        fake.selection = { sheet: sheet.name, r, c, rows: 1, cols: 1 };
                        fake.notify();
                      }}
                      onDoubleClick={() => {
                        fake.beginCellEdit();
                        setEditing({ r, c, text: cell?.formula ?? String(cell?.value ?? '') });
                      }}
                    >
                      {isEdit ? (
                        <>
                          <input
                            autoFocus
                            aria-label={`编辑 ${a1(r, c)}`}
                            list={list ? `dl-${c}` : undefined}
                            value={editing.text}
                            style={{ width: '100%', boxSizing: 'border-box', border: 0, font: 'inherit' }}
                            onChange={(e) => setEditing({ r, c, text: e.target.value })}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter' && !e.nativeEvent.isComposing) void commit();
                              if (e.key === 'Escape') {
                                setEditing(null);
                                fake.endCellEdit();
                              }
                            }}
                            onBlur={() => void commit()}
                          />
                          {list && (
                            <datalist id={`dl-${c}`}>
                              {list.map((o) => (
                                <option key={o} value={o} />
                              ))}
                            </datalist>
                          )}
                        </>
                      ) : (
                        <span style={{ padding: '0 4px' }}>{cell ? String(cell.value) : ''}</span>
                      )}
                      {note && (
                        <span
                          style={{
                            position: 'absolute',
                            right: 0,
                            top: 0,
                            width: 0,
                            height: 0,
                            borderTop: '6px solid #c00',
                            borderLeft: '6px solid transparent',
                          }}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div
        style={{ display: 'flex', gap: 2, padding: 4, background: '#f3f3f3', borderTop: '1px solid #ccc' }}
        role="tablist"
        aria-label="工作表"
      >
        {visible.map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s === sheet}
            onClick={() => {
              fake.active = s.name;
              fake.notify();
            }}
            style={{
              border: '1px solid #ccc',
              background: s === sheet ? '#fff' : '#e9e9e9',
              padding: '2px 10px',
              fontWeight: s === sheet ? 'bold' : 'normal',
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The pane's width: Excel's task pane is 320–350 px wide by default; ?pane=320 tries others. */
const paneWidth = Number(new URLSearchParams(window.location.search).get('pane')) || 350;

function Preview(): React.JSX.Element {
  return (
    <div style={{ display: 'flex', height: '100vh' }}>
      <div style={{ flex: 1, minWidth: 0, borderRight: '1px solid #ccc' }}>
        <Grid />
      </div>
      <div
        style={{ width: paneWidth, flex: 'none', overflowY: 'auto', overflowX: 'auto' }}
        aria-label="任务窗格"
      >
        <App workbook={workbook} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Preview />);

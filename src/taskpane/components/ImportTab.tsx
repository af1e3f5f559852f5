import * as React from 'react';
import { Button, Field, ProgressBar, Select, Text, Textarea } from '@fluentui/react-components';
import type { Profile } from '../../core/profile';
import type { InputSheet } from '../../core/merge';
import { dropdownOptions, needsAttention } from '../../core/plan';
import {
  inputKey,
  previewImport,
  summarySheetName,
  workbookInputs,
  type ReviewLine,
} from '../../core/import';
import type { OfficeWorkbook } from '../../excel/adapter';
import { settingsToPlan, type Settings } from '../settings';
import { importReducer, initialImport } from '../state';
import { parsePaste, pastedRows, resplit, unresolved, type Pasted } from '../paste';
import { useComposition } from './hooks';
import { useStyles, type Act, type Notify } from './styles';

export interface ImportTabProps {
  workbook: OfficeWorkbook;
  profile: Profile;
  settings: Settings;
  /** The workbook's sheets, offered as staging sheets. */
  sheets: string[];
  act: Act;
  notify: Notify;
  onDone: (sheet: string, done: string) => void;
}

const PASTE = '粘贴';
const CONTACT_PARTS = {
  contactName: '联系人（合并入联系方式）',
  contactPhone: '联系电话（合并入联系方式）',
  contactEmail: '邮箱（合并入联系方式）',
} as const;

/** The pasted rows the preview may use: rows still waiting for the clerk are held back. */
function pasteInput(p: Pasted, edits: Record<number, string[] | 'skip'>): InputSheet {
  const held = Object.fromEntries(unresolved(p, edits).map((r) => [r.line, 'skip' as const]));
  return { file: PASTE, sheet: PASTE, rows: pastedRows(p, { ...edits, ...held }) };
}

/** A titled list of review lines (rows left out, reader notes): every one shown before 确认导入. */
function ReviewList({
  title,
  lines,
  empty,
}: {
  title: string;
  lines: ReviewLine[];
  empty?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{title}</Text>
      {!lines.length && empty && <Text className={styles.small}>{empty}</Text>}
      {lines.length > 0 && (
        <ul
          className={styles.list}
          aria-label={title}
          style={{ margin: 0, paddingLeft: '1.2em', maxHeight: '30vh' }}
        >
          {lines.map((l, i) => (
            <li key={i} className={styles.small}>
              {l.where}：{l.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ImportTab({
  workbook,
  profile,
  settings,
  sheets,
  act,
  notify,
  onDone,
}: ImportTabProps): React.JSX.Element {
  const styles = useStyles();
  const [pasted, setPasted] = React.useState('');
  const [progress, setProgress] = React.useState<number | null>(null);
  const [state, dispatch] = React.useReducer(importReducer, initialImport);
  const [staging, setStaging] = React.useState('');
  const [drafts, setDrafts] = React.useState<Record<number, string>>({});
  const fileInput = React.useRef<HTMLInputElement>(null);
  const ime = useComposition();
  const target = summarySheetName(profile);
  const stagingSheets = sheets.filter(
    (n) => n !== target && !n.includes('备份') && n !== '问题清单' && n !== '修改记录',
  );

  const inputs = React.useMemo(
    () => (state.paste ? [pasteInput(state.paste, state.edits)] : state.inputs),
    [state.paste, state.edits, state.inputs],
  );
  // One core call per change: mapping, unknown values and the merge as it would be written.
  const preview = React.useMemo(
    () => (inputs.length ? previewImport(profile, inputs, settings.tb, state.choices) : null),
    [inputs, profile, settings.tb, state.choices],
  );
  const waiting = state.paste ? unresolved(state.paste, state.edits) : [];

  const readPaste = () => {
    const p = parsePaste(pasted);
    if (p.empty) {
      dispatch({ type: 'reset' });
      notify({ intent: 'warning', text: p.empty });
      return;
    }
    setDrafts({});
    dispatch({ type: 'read', inputs: [], paste: p });
    notify(
      p.mismatched.length
        ? {
            intent: 'warning',
            text: `有 ${p.mismatched.length} 行的列数与表头（${p.header.length} 列）不同：请逐行核对后再导入，之前不会写入任何内容。`,
          }
        : null,
    );
  };

  const readFiles = (files: File[]) =>
    act('读取文件', async () => {
      // SheetJS, its codepages and the Word reader load only now, when a file is imported.
      const { readFile } = await import('../../io/read');
      const read: InputSheet[] = [];
      let i = 0;
      for (const f of files) {
        setProgress(i / files.length);
        // With the reader's notes (hidden rows, undecodable lines): the review and the 问题清单 show them, as hqds does.
        read.push(...workbookInputs(f.name, await readFile(f.name, new Uint8Array(await f.arrayBuffer()))));
        i++;
        await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
      }
      setProgress(null);
      dispatch({ type: 'read', inputs: read });
    });

  const merged = preview?.merged;
  return (
    <>
      <Field
        label="粘贴从 Excel、WPS 或微信复制的行（含表头）"
        hint="列之间用 Tab（从表格复制即是）或「，」分隔。"
      >
        <Textarea
          className={styles.full}
          rows={8}
          value={pasted}
          onChange={(_, d) => setPasted(d.value)}
          {...ime.handlers}
          resize="vertical"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.ctrlKey && !ime.composing.current && !e.nativeEvent.isComposing)
              readPaste();
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button disabled={!pasted.trim()} onClick={readPaste}>
          读取粘贴内容
        </Button>
        <Button onClick={() => fileInput.current?.click()}>选择文件…</Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          aria-label="导入文件"
          type="file"
          multiple
          accept=".xlsx,.xls,.csv,.tsv,.txt,.docx,.doc,.wps"
          onChange={(e) => {
            // Copied out first: the FileList empties when the input is reset for the next choice.
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void readFiles(files);
          }}
        />
      </div>
      <Text className={styles.small}>可选多个 .xlsx、.xls、.csv、.txt 或 .docx 文件。</Text>
      {/* The explanation is the field's label, which wraps; a select's closed box cuts its text. */}
      <Field label="从本工作簿的工作表导入（如粘贴用的暂存表）">
        <Select
          className={styles.full}
          aria-label="从工作表导入"
          value={staging}
          onChange={(_, d) => setStaging(d.value)}
        >
          <option value="">选择工作表…</option>
          {stagingSheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button
          disabled={!staging}
          onClick={() =>
            void act('读取工作表', async () =>
              dispatch({ type: 'read', inputs: await workbook.readSheets([staging]) }),
            )
          }
        >
          读取工作表
        </Button>
      </div>
      {progress !== null && <ProgressBar value={progress} />}

      {state.paste && waiting.length > 0 && (
        <>
          <Text weight="semibold">
            0. 列数不符的行（表头 {state.paste.header.length} 列）：逐行改好或略过
          </Text>
          {waiting.map((r) => {
            const draft = drafts[r.line] ?? r.text;
            const cells = resplit(draft, state.paste!.delimiter);
            return (
              <div key={r.line} className={styles.item} role="group" aria-label={`第 ${r.line + 1} 行`}>
                <Text>
                  第 {r.line + 1} 行拆出 {cells.length} 列
                  {cells.length > state.paste!.header.length
                    ? '：某一格里可能含有分隔符「，」，请把格内的「，」改为「、」'
                    : '：可能少填了某列，请补上'}
                  。
                </Text>
                <table className={styles.table}>
                  <tbody>
                    {Array.from({ length: Math.max(cells.length, state.paste!.header.length) }, (_, c) => (
                      <tr key={c}>
                        <td className={styles.cell}>{state.paste!.header[c] ?? '（多出）'}</td>
                        <td className={styles.cell}>{cells[c] ?? '（缺）'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Textarea
                  className={styles.full}
                  aria-label={`修改第 ${r.line + 1} 行`}
                  value={draft}
                  onChange={(_, d) => setDrafts({ ...drafts, [r.line]: d.value })}
                />
                <div className={styles.row}>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={cells.length !== state.paste!.header.length}
                    onClick={() => dispatch({ type: 'edit', line: r.line, cells })}
                  >
                    按此导入
                  </Button>
                  <Button
                    size="small"
                    onClick={() => dispatch({ type: 'edit', line: r.line, cells: 'skip' })}
                  >
                    略过此行
                  </Button>
                </div>
              </div>
            );
          })}
        </>
      )}

      {preview && merged && (
        <>
          <Text weight="semibold">1. 核对表头对应</Text>
          {inputs
            .filter((s) => preview.mappings[inputKey(s)])
            .map((s) => {
              const k = inputKey(s);
              return (
                <table key={k} className={styles.table} aria-label={`表头对应 ${s.file} ${s.sheet}`}>
                  <caption style={{ textAlign: 'left' }}>
                    {s.file}「{s.sheet}」
                  </caption>
                  <tbody>
                    {preview.headers[k].map(
                      (h, c) =>
                        h && (
                          // One cell per row, the select under its header: beside it, half the pane cut 「已服务支撑人工智能大模型名称」.
                          <tr key={c}>
                            <td className={styles.cell}>
                              <Text className={styles.small}>{h} →</Text>
                              <Select
                                size="small"
                                className={styles.full}
                                aria-label={`对应 ${h}`}
                                value={preview.mappings[k][c] ?? ''}
                                onChange={(_, d) =>
                                  dispatch({
                                    type: 'map',
                                    input: k,
                                    column: c,
                                    key: d.value === '' ? null : d.value,
                                    current: preview.mappings[k],
                                  })
                                }
                              >
                                <option value="">（不导入）</option>
                                {profile.columns.map((x) => (
                                  <option key={x.key} value={x.key}>
                                    {x.type === 'seq' ? `${x.label}（汇总时重新编号）` : x.label}
                                  </option>
                                ))}
                                {profile.columns.some((x) => x.type === 'contact') &&
                                  (Object.keys(CONTACT_PARTS) as (keyof typeof CONTACT_PARTS)[]).map((p) => (
                                    <option key={p} value={p}>
                                      {CONTACT_PARTS[p]}
                                    </option>
                                  ))}
                              </Select>
                            </td>
                          </tr>
                        ),
                    )}
                  </tbody>
                </table>
              );
            })}
          <Text weight="semibold">2. 未知取值（每个只需定一次）</Text>
          {!preview.unknowns.length && <Text className={styles.small}>没有未知取值。</Text>}
          {preview.unknowns.map((u) => {
            const opts =
              dropdownOptions(profile).get(profile.columns.findIndex((c) => c.key === u.key))?.options ?? [];
            return (
              <Field key={`${u.key}-${u.value}`} label={`${u.field}：「${u.value}」`}>
                <Select
                  size="small"
                  className={styles.full}
                  aria-label={`取值 ${u.value}`}
                  value={state.choices.valueMap[u.key]?.[u.value] ?? ''}
                  onChange={(_, d) =>
                    dispatch({ type: 'value', key: u.key, value: u.value, choice: d.value })
                  }
                >
                  <option value="">（保持原样，标为错误）</option>
                  {opts.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
          <ReviewList
            title={`3. 不写入的行（共 ${preview.rowsLeftOut} 行${preview.skippedSheets.length ? `，另有 ${preview.skippedSheets.length} 张工作表` : ''}）`}
            empty="读入的行都会写入。"
            lines={[...preview.skippedSheets, ...preview.leftOut]}
          />
          {preview.notes.length > 0 && (
            <ReviewList
              title={`4. 读取时发现，请核实（${preview.notes.length} 处，将列入「问题清单」）`}
              lines={preview.notes}
            />
          )}
          <Text>
            将写入 {merged.rowsWritten} 条（读入 {merged.rowsRead} 行，略过 {preview.rowsLeftOut} 行；自动规范{' '}
            {merged.changes.length} 处，记入「修改记录」；需处理 {merged.issues.filter(needsAttention).length}{' '}
            个）。
            {state.paste && Object.values(state.edits).some((e) => e === 'skip')
              ? ` 按您的选择略过粘贴的 ${Object.values(state.edits).filter((e) => e === 'skip').length} 行。`
              : ''}
          </Text>
          {merged.rowsWritten === 0 && (
            <Text className={styles.small}>
              没有可写入的行：{merged.skipped.length ? '所读的表都找不到表头，' : ''}
              请确认复制时包含表头和数据行，或在上面核对表头对应。
            </Text>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={waiting.length > 0 || merged.rowsWritten === 0}
              onClick={() =>
                void act('写入汇总表', async () => {
                  const existing = await workbook.readSheets([target]);
                  const all = [...existing.filter((s) => s.rows.length), ...inputs];
                  const {
                    merged: done,
                    backups,
                    sheet,
                  } = await workbook.rebuild(profile, settingsToPlan(settings), all, {
                    mappings: preview.mappings,
                    valueMap: state.choices.valueMap,
                  });
                  dispatch({ type: 'reset' });
                  onDone(
                    sheet,
                    `已写入「${sheet}」：共 ${done.rowsWritten} 条。${backups.length ? `原表已备份为「${backups.join('、')}」。` : ''}`,
                  );
                })
              }
            >
              确认导入
            </Button>
            <Button onClick={() => dispatch({ type: 'reset' })}>取消</Button>
          </div>
        </>
      )}
    </>
  );
}

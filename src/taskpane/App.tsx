import * as React from 'react';
import {
  Badge, Button, Checkbox, Field, FluentProvider, Input, MessageBar, MessageBarBody, ProgressBar, Radio,
  RadioGroup, Select, Spinner, Switch, Tab, TabList, Text, Textarea, Title3, webLightTheme, makeStyles, tokens,
} from '@fluentui/react-components';
import { PROFILES, getProfile } from '../core/profiles';
import type { Profile } from '../core/profile';
import { resolveProfile } from '../core/profile-store';
import { LearnTab } from './components/LearnTab';
import { validatorFor } from '../core/engine';
import { locate } from '../core/locate';
import { mapHeader } from '../core/header';
import { mergeSheets, type InputSheet, type MergeResult } from '../core/merge';
import { dropdownOptions, needsAttention } from '../core/plan';
import { a1 } from '../core/address';
import { cellText } from '../core/cell';
import { convert } from '../core/quantity';
import { parsePasted } from '../io/text';
import { readFile } from '../io/read';
import { DEFAULT_PANE_SETTINGS, type CheckResult, type OfficeWorkbook, type Settings, type SheetIssue } from '../excel/adapter';

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '10px', minHeight: '100%', boxSizing: 'border-box', fontSize: tokens.fontSizeBase300 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { display: 'flex', flexDirection: 'column', gap: '6px', overflowY: 'auto', maxHeight: '55vh' },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '6px 8px', cursor: 'pointer', display: 'flex', flexDirection: 'column', gap: '4px' },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
});

type Tabs = 'check' | 'enter' | 'import' | 'build' | 'learn';
type Filter = 'all' | 'error' | 'warning';

interface ImportState {
  inputs: InputSheet[];
  /** Per input: received column → target key (null: not imported). */
  mappings: Record<string, Record<number, string | null>>;
  headers: Record<string, string[]>;
  valueMap: Record<string, Record<string, string>>;
  preview: MergeResult | null;
}

const inputKey = (s: InputSheet) => `${s.file}\u0001${s.sheet}`;

/** Text typed through an IME is not final until composition ends: never act on it before. */
function useComposition() {
  const composing = React.useRef(false);
  return {
    composing,
    handlers: {
      onCompositionStart: () => (composing.current = true),
      onCompositionEnd: () => (composing.current = false),
    },
  };
}

export function App({ workbook }: { workbook: OfficeWorkbook }): React.JSX.Element {
  const st = useStyles();
  const [settings, setSettings] = React.useState<Settings>(DEFAULT_PANE_SETTINGS);
  const [tab, setTab] = React.useState<Tabs>('check');
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null>(null);
  const [check, setCheck] = React.useState<CheckResult | null>(null);
  const [issues, setIssues] = React.useState<SheetIssue[]>([]);
  const [filter, setFilter] = React.useState<Filter>('all');
  const [sheetName, setSheetName] = React.useState<string>('汇总表');
  const [suggest, setSuggest] = React.useState<SheetIssue[]>([]);
  // A format learned from a template (「新格式」) is stored in the workbook beside the settings.
  const [stored, setStored] = React.useState<Profile | null>(null);
  const profile = resolveProfile(settings.profileId, stored);

  const act = React.useCallback(async (label: string, f: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    try {
      await f();
    } catch (e) {
      setMessage({ intent: 'error', text: (e as Error).message || String(e) });
    } finally {
      setBusy(null);
    }
  }, []);

  // Settings from the workbook, then the bureau from the sheet when none was chosen.
  React.useEffect(() => {
    void act('读取设置', async () => {
      const s = await workbook.loadSettings();
      const kept = await workbook.loadStoredProfile();
      const mine = kept && 'profile' in kept ? kept.profile : null;
      setStored(mine);
      if (kept && 'error' in kept) setMessage({ intent: 'warning', text: kept.error });
      const { names, active } = await workbook.sheets();
      let next = s;
      if (!s.profileId) {
        const d = await workbook.detectProfile();
        if (d) {
          next = { ...s, profileId: d.profileId };
          setMessage({ intent: 'info', text: `从工作表「${d.sheet}」识别为：${getProfile(d.profileId)!.name}。可在「汇总」中更改。` });
        }
      }
      setSettings(next);
      const summaryName = resolveProfile(next.profileId, mine)?.sheet.sheetName ?? '汇总表';
      setSheetName(names.includes(summaryName) ? summaryName : active);
    });
    return workbook.onRecheck((r) => {
      setIssues((prev) => [...prev.filter((i) => i.sheet !== r.sheet || i.sheetRow < r.rows[0] || i.sheetRow > r.rows[1]), ...r.issues].sort((a, b) => a.sheetRow - b.sheetRow || (a.sheetCol ?? 0) - (b.sheetCol ?? 0)));
      // Suggest a conversion the moment a value is typed in the wrong unit.
      setSuggest(r.issues.filter((i) => i.code === 'quantity-converted' && i.fix !== undefined));
    });
  }, [workbook, act]);

  const save = async (s: Settings) => {
    setSettings(s);
    await workbook.saveSettings(s);
  };

  const fullCheck = (sheet = sheetName, before = '') =>
    act('检查中', async () => {
      if (!profile) throw new Error('请先在「汇总」中选择格式。');
      const r = await workbook.checkSheet(sheet, profile, settings.tb);
      setCheck(r);
      setIssues(r.issues);
      await workbook.watch(sheet);
      const e = r.issues.filter((i) => i.severity === 'error').length;
      setMessage({ intent: e ? 'warning' : 'success', text: `${before}检查了 ${r.rows} 行：错误 ${e} 个，提示 ${r.issues.length - e} 个。` });
    });

  const shown = issues.filter((i) => filter === 'all' || i.severity === filter);
  const safe = issues.filter((i) => i.safe && i.fix !== undefined && i.fix !== null);

  return (
    <FluentProvider theme={webLightTheme} className={st.root}>
      <Title3 as="h1">高质量数据集汇总助手</Title3>
      <Text className={st.small}>{profile ? `格式：${profile.name}` : '尚未选择格式：请到「汇总」中选择，或打开一份汇总表自动识别。'}</Text>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)} size="small">
        <Tab value="check">检查</Tab>
        <Tab value="enter">录入</Tab>
        <Tab value="import">导入</Tab>
        <Tab value="build">汇总</Tab>
        <Tab value="learn">新格式</Tab>
      </TabList>
      {busy && <Spinner size="tiny" label={busy} />}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {suggest.map((s) => (
        <MessageBar key={`${s.address}-sug`} intent="info">
          <MessageBarBody>
            {s.address} 填的是「{s.value}」，本列以 GB 计：换算为 {String(s.fix)}？{' '}
            <Button size="small" appearance="primary" onClick={() => act('换算', async () => {
              await workbook.applyFixes([s]);
              setSuggest((x) => x.filter((y) => y !== s));
            })}>换算</Button>
          </MessageBarBody>
        </MessageBar>
      ))}

      {tab === 'check' && (
        <>
          <Field label="检查的工作表">
            <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} />
          </Field>
          <div className={st.row}>
            <Button appearance="primary" onClick={() => fullCheck()} disabled={!!busy}>全面检查</Button>
            <Button onClick={() => act('修正中', async () => { await workbook.applyFixes(safe); })} disabled={!safe.length || !!busy}>
              全部修正（{safe.length}）
            </Button>
          </div>
          <Text className={st.small}>编辑、粘贴和插入行会即时检查。在网页版 Excel 中从下拉列表选择不会触发检查，粘贴的值也绕过数据验证：提交前请点「全面检查」。</Text>
          <RadioGroup layout="horizontal" value={filter} onChange={(_, d) => setFilter(d.value as Filter)}>
            <Radio value="all" label={`全部 ${issues.length}`} />
            <Radio value="error" label={`错误 ${issues.filter((i) => i.severity === 'error').length}`} />
            <Radio value="warning" label={`提示 ${issues.filter((i) => i.severity === 'warning').length}`} />
          </RadioGroup>
          <div className={st.list} role="list" aria-label="问题列表">
            {shown.slice(0, 500).map((i, k) => (
              <div key={`${i.address}-${i.code}-${k}`} role="listitem" className={st.item} onClick={() => act('定位', () => workbook.select(i.sheet, i.sheetRow, i.sheetCol))}>
                <div className={st.row}>
                  <Badge color={i.severity === 'error' ? 'danger' : 'warning'}>{i.severity === 'error' ? '错误' : '提示'}</Badge>
                  <Text weight="semibold">{i.address ?? `第 ${i.sheetRow + 1} 行`}</Text>
                  <Text className={st.small}>{i.field ?? ''}</Text>
                </div>
                <Text>{i.message}</Text>
                {i.fix !== undefined && i.fix !== null && (
                  <div className={st.row}>
                    <Button size="small" onClick={(e) => { e.stopPropagation(); void act('修正', async () => { await workbook.applyFixes([i]); }); }}>
                      改为「{String(i.fix)}」
                    </Button>
                  </div>
                )}
              </div>
            ))}
            {shown.length > 500 && <Text className={st.small}>只列出前 500 个；修正后再检查可看到其余。</Text>}
            {check && !issues.length && <Text>没有发现问题。</Text>}
          </div>
        </>
      )}

      {tab === 'enter' && profile && <EnterTab workbook={workbook} profile={profile} settings={settings} act={act} setMessage={setMessage} />}
      {tab === 'import' && profile && <ImportTab workbook={workbook} profile={profile} settings={settings} act={act} setMessage={setMessage} onDone={(done) => { setSheetName(profile.sheet.sheetName); setTab('check'); void fullCheck(profile.sheet.sheetName, done); }} />}
      {(tab === 'enter' || tab === 'import') && !profile && <Text>请先在「汇总」中选择格式。</Text>}

      {tab === 'learn' && <LearnTab workbook={workbook} act={act} setMessage={setMessage} onSaved={(p) => { setStored(p); void save({ ...settings, profileId: p.id }); }} />}
      {tab === 'build' && (
        <BuildTab workbook={workbook} profile={profile} stored={stored} settings={settings} save={save} act={act} sheetName={sheetName} onBuilt={(name, done) => { setSheetName(name); setTab('check'); void fullCheck(name, done); }} />
      )}
    </FluentProvider>
  );
}

type Act = (label: string, f: () => Promise<void>) => Promise<void>;
type SetMessage = (m: { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null) => void;

function EnterTab({ workbook, profile, settings, act, setMessage }: { workbook: OfficeWorkbook; profile: Profile; settings: Settings; act: Act; setMessage: SetMessage }) {
  const st = useStyles();
  const [sel, setSel] = React.useState<Awaited<ReturnType<OfficeWorkbook['selection']>>>(null);
  const [picked, setPicked] = React.useState<string[]>([]);
  const col = sel?.key ? profile.columns.find((c) => c.key === sel.key) : undefined;
  const options = col ? dropdownOptions(profile).get(profile.columns.indexOf(col))?.options ?? [] : [];
  const read = () => act('读取所选单元格', async () => {
    const s = await workbook.selection();
    setSel(s);
    const cur = s ? cellText(s.values[0]?.[0]).split(/[、,，]/).map((x) => x.trim()).filter(Boolean) : [];
    setPicked(cur);
  });
  return (
    <>
      <div className={st.row}>
        <Button onClick={read}>读取所选单元格</Button>
        {sel && <Text className={st.small}>{sel.sheet}!{a1(sel.r, sel.c)}：{col ? col.label : '（先「全面检查」以识别列）'}</Text>}
      </div>
      {col?.type === 'vocab' && (
        <Field label={col.multi ? `多选（用「${col.joiner}」连接写入）` : '选择一项'}>
          <div className={st.list}>
            {options.map((o) => (
              <Checkbox key={o} label={o} checked={picked.includes(o)} onChange={(_, d) => setPicked((p) => (d.checked ? (col.multi ? [...p, o] : [o]) : p.filter((x) => x !== o)))} />
            ))}
          </div>
          <Button appearance="primary" disabled={!picked.length} onClick={() => act('写入', async () => {
            await workbook.writeCells(sel!.sheet, [{ r: sel!.r, c: sel!.c, value: picked.join(col.joiner) }]);
            await workbook.recheck(sel!.sheet, a1(sel!.r, sel!.c));
            setMessage({ intent: 'success', text: `已写入「${picked.join(col.joiner)}」。` });
          })}>写入所选单元格</Button>
        </Field>
      )}
      {col?.type === 'quantity' && col.quantity?.unit && sel && (
        <>
          <Text>本列单位：{col.quantity.unit}（1TB={settings.tb}GB）。所选值：{cellText(sel.values[0]?.[0])} → {(() => { const r = convert(cellText(sel.values[0]?.[0]), col.quantity!.unit as 'GB', settings.tb); return r.ok ? `${r.value}${r.unit}` : r.message; })()}</Text>
          <div className={st.row}>
            <Button appearance="primary" onClick={() => act('换算', async () => {
              const r = await workbook.convertCells(sel.sheet, sel.r, sel.r + sel.values.length - 1, sel.c);
              setMessage({ intent: r.failed.length ? 'warning' : 'success', text: `已换算 ${r.converted} 格，原值保留在批注中。${r.failed.map((f) => `第 ${f.r + 1} 行：${f.message}`).join(' ')}` });
            })}>换算所选单元格</Button>
            <Button onClick={() => act('换算整列', async () => {
              const r = await workbook.convertCells(sel.sheet, 0, 5000, sel.c);
              setMessage({ intent: r.failed.length ? 'warning' : 'success', text: `整列已换算 ${r.converted} 格。${r.failed.length ? `${r.failed.length} 格无法换算，见检查列表。` : ''}` });
            })}>换算整列</Button>
          </div>
        </>
      )}
      {sel && col && col.type !== 'vocab' && col.type !== 'quantity' && <Text className={st.small}>此列没有下拉选项或单位。</Text>}
    </>
  );
}

function ImportTab({ workbook, profile, settings, act, setMessage, onDone }: { workbook: OfficeWorkbook; profile: Profile; settings: Settings; act: Act; setMessage: SetMessage; onDone: (done: string) => void }) {
  const st = useStyles();
  const [pasted, setPasted] = React.useState('');
  const [progress, setProgress] = React.useState<number | null>(null);
  const [state, setState] = React.useState<ImportState | null>(null);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [staging, setStaging] = React.useState('');
  const ime = useComposition();
  React.useEffect(() => {
    void workbook.sheets().then((s) => setSheets(s.names.filter((n) => n !== profile.sheet.sheetName && !n.includes('备份') && n !== '问题清单')));
  }, [workbook, profile]);

  const prepare = (inputs: InputSheet[]) => {
    const v = validatorFor(profile, settings.tb);
    const mappings: ImportState['mappings'] = {};
    const headers: ImportState['headers'] = {};
    for (const s of inputs) {
      const found = locate(v.index, s.rows);
      if (found.kind !== 'table') continue;
      const m = mapHeader(v.index, found.table.header);
      mappings[inputKey(s)] = Object.fromEntries(m.columns.map((c) => [c.source, c.key]));
      headers[inputKey(s)] = m.columns.map((c) => c.header);
    }
    const next: ImportState = { inputs, mappings, headers, valueMap: {}, preview: null };
    next.preview = mergeSheets(profile, inputs, { tb: settings.tb, mappings, valueMap: {} });
    setState(next);
  };

  const readFiles = (files: FileList) => act('读取文件', async () => {
    const inputs: InputSheet[] = [];
    let i = 0;
    for (const f of Array.from(files)) {
      setProgress(i / files.length);
      const bytes = new Uint8Array(await f.arrayBuffer());
      const wb = await readFile(f.name, bytes);
      for (const s of wb.sheets) inputs.push({ file: f.name, sheet: s.name, rows: s.rows, ...(s.origins ? { origins: s.origins } : {}) });
      i++;
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
    }
    setProgress(null);
    prepare(inputs);
  });

  // Unknown values as received (before any choice), so a choice made stays listed and can be changed.
  const unknowns = React.useMemo(() => {
    if (!state) return [];
    const raw = mergeSheets(profile, state.inputs, { tb: settings.tb, mappings: state.mappings });
    const seen = new Map<string, { field: string; key: string; value: string }>();
    for (const i of raw.issues) {
      if ((i.code !== 'value-not-allowed' && i.code !== 'value-ambiguous') || !i.field || !i.value) continue;
      const col = profile.columns.find((c) => c.label === i.field);
      if (col) seen.set(`${col.key}\u0001${i.value}`, { field: i.field, key: col.key, value: i.value });
    }
    return [...seen.values()];
  }, [state?.inputs, state?.mappings, profile, settings.tb]);

  const refresh = (next: ImportState) => setState({ ...next, preview: mergeSheets(profile, next.inputs, { tb: settings.tb, mappings: next.mappings, valueMap: next.valueMap }) });

  return (
    <>
      <Field label="粘贴从 Excel / WPS 复制的行（含表头）">
        <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} {...ime.handlers} onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey && !ime.composing.current && !e.nativeEvent.isComposing) prepare([{ file: '粘贴', sheet: '粘贴', rows: parsePasted(pasted) }]);
        }} resize="vertical" />
      </Field>
      <div className={st.row}>
        <Button disabled={!pasted.trim()} onClick={() => prepare([{ file: '粘贴', sheet: '粘贴', rows: parsePasted(pasted) }])}>读取粘贴内容</Button>
        <input aria-label="导入文件" type="file" multiple accept=".xlsx,.xls,.csv,.tsv,.txt,.docx" onChange={(e) => e.target.files && e.target.files.length && readFiles(e.target.files)} />
      </div>
      <div className={st.row}>
        <Select aria-label="从工作表导入" value={staging} onChange={(_, d) => setStaging(d.value)}>
          <option value="">从本工作簿的工作表导入（如粘贴用的暂存表）…</option>
          {sheets.map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
        <Button disabled={!staging} onClick={() => act('读取工作表', async () => prepare(await workbook.readSheets([staging])))}>读取工作表</Button>
      </div>
      {progress !== null && <ProgressBar value={progress} />}
      {state && (
        <>
          <Text weight="semibold">1. 核对表头对应</Text>
          {state.inputs.filter((s) => state.mappings[inputKey(s)]).map((s) => (
            <table key={inputKey(s)} className={st.table} aria-label={`表头对应 ${s.file} ${s.sheet}`}>
              <caption style={{ textAlign: 'left' }}>{s.file}「{s.sheet}」</caption>
              <tbody>
                {state.headers[inputKey(s)].map((h, c) => h && (
                  <tr key={c}>
                    <td>{h}</td>
                    <td>
                      <Select size="small" aria-label={`对应 ${h}`} value={state.mappings[inputKey(s)][c] ?? ''}
                        onChange={(_, d) => refresh({ ...state, mappings: { ...state.mappings, [inputKey(s)]: { ...state.mappings[inputKey(s)], [c]: d.value === '' ? null : d.value } } })}>
                        <option value="">（不导入）</option>
                        {profile.columns.map((x) => <option key={x.key} value={x.key}>{x.type === 'seq' ? `${x.label}（汇总时重新编号）` : x.label}</option>)}
                        {profile.columns.some((x) => x.type === 'contact') && (['contactName', 'contactPhone', 'contactEmail'] as const).map((k) => <option key={k} value={k}>{{ contactName: '联系人（合并入联系方式）', contactPhone: '联系电话（合并入联系方式）', contactEmail: '邮箱（合并入联系方式）' }[k]}</option>)}
                      </Select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <Text weight="semibold">2. 未知取值（每个只需定一次）</Text>
          {!unknowns.length && <Text className={st.small}>没有未知取值。</Text>}
          {unknowns.map((u) => {
            const opts = dropdownOptions(profile).get(profile.columns.findIndex((c) => c.key === u.key))?.options ?? [];
            return (
              <Field key={`${u.key}-${u.value}`} label={`${u.field}：「${u.value}」`}>
                <Select size="small" aria-label={`取值 ${u.value}`} value={state.valueMap[u.key]?.[u.value] ?? ''}
                  onChange={(_, d) => refresh({ ...state, valueMap: { ...state.valueMap, [u.key]: { ...state.valueMap[u.key], [u.value]: d.value || u.value } } })}>
                  <option value="">（保持原样，标为错误）</option>
                  {opts.map((o) => <option key={o} value={o}>{o}</option>)}
                </Select>
              </Field>
            );
          })}
          {state.preview && (
            <Text>
              将写入 {state.preview.rowsWritten} 条（读入 {state.preview.rowsRead} 行，略过 {state.preview.leftOut.length} 行；自动规范 {state.preview.changes.length} 处；需处理 {state.preview.issues.filter(needsAttention).length} 个）。
              {state.preview.skipped.length ? ` 略过工作表：${state.preview.skipped.map((s) => `${s.file}「${s.sheet}」`).join('、')}。` : ''}
            </Text>
          )}
          <div className={st.row}>
            <Button appearance="primary" onClick={() => act('写入汇总表', async () => {
              const existing = await workbook.readSheets([profile.sheet.sheetName]);
              const inputs = [...existing.filter((s) => s.rows.length), ...state.inputs];
              const { merged, backups } = await workbook.rebuild(profile, settings, inputs, { mappings: state.mappings, valueMap: state.valueMap });
              setState(null);
              onDone(`已写入「${profile.sheet.sheetName}」：共 ${merged.rowsWritten} 条。${backups.length ? `原表已备份为「${backups.join('、')}」。` : ''}`);
            })}>确认导入</Button>
            <Button onClick={() => setState(null)}>取消</Button>
          </div>
        </>
      )}
    </>
  );
}

/** A text setting: typed freely (IME composition included) and saved when the field is left. */
function SettingInput({ value, onSave, placeholder, label }: { value: string; onSave: (v: string) => void; placeholder?: string; label: string }) {
  const [text, setText] = React.useState(value);
  const ime = useComposition();
  React.useEffect(() => setText(value), [value]);
  return (
    <Input aria-label={label} value={text} placeholder={placeholder} {...ime.handlers}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => { if (!ime.composing.current && text !== value) onSave(text); }}
      onKeyDown={(e) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing && !ime.composing.current && text !== value) onSave(text); }} />
  );
}

function BuildTab({ workbook, profile, stored, settings, save, act, sheetName, onBuilt }: { workbook: OfficeWorkbook; profile: Profile | null; stored: Profile | null; settings: Settings; save: (s: Settings) => Promise<void>; act: Act; sheetName: string; onBuilt: (name: string, done: string) => void }) {
  const st = useStyles();
  const [dups, setDups] = React.useState<{ merged: MergeResult; inputs: InputSheet[]; drop: Set<number> } | null>(null);
  const set = (patch: Partial<Settings>) => void act('保存设置', () => save({ ...settings, ...patch }));
  return (
    <>
      <Field label="格式">
        <Select aria-label="格式" value={profile?.id ?? ''} onChange={(_, d) => set({ profileId: d.value || null })}>
          <option value="">请选择</option>
          {PROFILES.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          {stored && <option value={stored.id}>{stored.name}（本工作簿的新格式）</option>}
        </Select>
      </Field>
      <Field label="推荐单位">
        <SettingInput label="推荐单位" value={settings.recommender} onSave={(v) => set({ recommender: v })} />
      </Field>
      {profile?.sheet.titlePrefixLabel && (
        <Field label={profile.sheet.titlePrefixLabel}>
          <SettingInput label={profile.sheet.titlePrefixLabel} value={settings.titlePrefix} placeholder="XXX" onSave={(v) => set({ titlePrefix: v })} />
        </Field>
      )}
      <Field label="1TB 折合">
        <RadioGroup layout="horizontal" value={String(settings.tb)} onChange={(_, d) => set({ tb: Number(d.value) as 1024 | 1000 })}>
          <Radio value="1024" label="1024GB" />
          <Radio value="1000" label="1000GB" />
        </RadioGroup>
      </Field>
      <Switch label="填写今天的日期（关闭则留「年　月　日」待盖章时填）" checked={settings.fillDate} onChange={(_, d) => set({ fillDate: d.checked })} />
      <div className={st.row}>
        <Field label="标题字体"><SettingInput label="标题字体" value={settings.titleFont} onSave={(v) => set({ titleFont: v })} /></Field>
        <Field label="表格字体"><SettingInput label="表格字体" value={settings.tableFont} onSave={(v) => set({ tableFont: v })} /></Field>
        <Field label="字号">
          <RadioGroup layout="horizontal" value={String(settings.tableSize)} onChange={(_, d) => set({ tableSize: Number(d.value) })}>
            <Radio value="10.5" label="五号" />
            <Radio value="12" label="小四" />
          </RadioGroup>
        </Field>
      </div>
      <div className={st.row}>
        <Button appearance="primary" disabled={!profile} onClick={() => act('新建汇总表', async () => {
          const { backups } = await workbook.createSummary(profile!, settings);
          onBuilt(profile!.sheet.sheetName, `已新建「${profile!.sheet.sheetName}」。${backups.length ? `原有同名表已备份为「${backups.join('、')}」。` : ''}`);
        })}>新建汇总表</Button>
        <Button disabled={!profile} onClick={() => act('读取本表', async () => {
          const inputs = (await workbook.readSheets([sheetName])).filter((s) => s.rows.length);
          const merged = mergeSheets(profile!, inputs, { tb: settings.tb });
          const pairs = merged.issues.filter((i) => i.code === 'possible-duplicate');
          if (!pairs.length) {
            const { backups } = await workbook.rebuild(profile!, settings, inputs);
            onBuilt(profile!.sheet.sheetName, `已重新生成，共 ${merged.rowsWritten} 条。${backups.length ? `原表已备份为「${backups.join('、')}」。` : ''}`);
          } else setDups({ merged, inputs, drop: new Set() });
        })}>重新生成汇总表</Button>
      </div>
      {dups && (
        <>
          <Text weight="semibold">可能重复的条目：勾选要删去的，其余保留</Text>
          {dups.merged.issues.filter((i) => i.code === 'possible-duplicate').map((i) => (
            <Checkbox key={`${i.entry}-${i.message}`} label={`第 ${i.entry! + 1} 条 ${String(dups.merged.entries[i.entry!].entry.get('name') ?? dups.merged.entries[i.entry!].entry.get('projectName') ?? '')}：${i.message}`}
              checked={dups.drop.has(i.entry!)} onChange={(_, d) => { const drop = new Set(dups.drop); if (d.checked) drop.add(i.entry!); else drop.delete(i.entry!); setDups({ ...dups, drop }); }} />
          ))}
          <div className={st.row}>
            <Button appearance="primary" onClick={() => act('重新生成', async () => {
              const { merged, backups } = await workbook.rebuild(profile!, settings, dups.inputs, { dropEntries: [...dups.drop] });
              setDups(null);
              onBuilt(profile!.sheet.sheetName, `已重新生成，共 ${merged.rowsWritten} 条（删去重复 ${dups.drop.size} 条）。${backups.length ? `原表已备份为「${backups.join('、')}」。` : ''}`);
            })}>确认并重新生成</Button>
            <Button onClick={() => setDups(null)}>取消</Button>
          </div>
        </>
      )}
      <Text className={st.small}>设置保存在本工作簿中，随文件一起传递。本加载项不向任何地方发送数据。</Text>
    </>
  );
}

/**
 * 「新格式」: the clerk opens the notice's blank template (a file, or a sheet of this workbook), the
 * pane drafts the format with the same learner as hqds learn, shows columns, kinds and options for
 * review and correction, saves it in the workbook (it travels with the file) and exports it as a
 * profile file for hqds. Nothing is sent anywhere: the file is read in the browser.
 */
import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  applyLearnEdits,
  describeColumn,
  EDITABLE_KINDS,
  editableKindOf,
  type EditableKind,
  learnTemplate,
  locateTemplateHeader,
  type LearnEdits,
  type LearnResult,
  type TemplateDoc,
} from '../../core/learn';
import { describeFormRow } from '../../core/learn-form';
import type { Profile } from '../../core/profile';
import type { OfficeWorkbook } from '../../excel/adapter';

type Act = (label: string, f: () => Promise<void>) => Promise<void>;
type SetMessage = (m: { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null) => void;

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  item: {
    overflowWrap: 'anywhere',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: '18px', fontSize: tokens.fontSizeBase200 },
});

/** Options as the clerk types them: one a line, or separated by 、 ， , ；. */
export const splitOptions = (s: string) =>
  s
    .split(/[\n、，,；;]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Downloads the profile file from the pane itself (a blob URL: no request leaves the add-in). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function LearnTab({
  workbook,
  act,
  setMessage,
  onSaved,
}: {
  workbook: OfficeWorkbook;
  act: Act;
  setMessage: SetMessage;
  onSaved: (p: Profile) => void;
}): React.JSX.Element {
  const st = useStyles();
  const [draft, setDraft] = React.useState<LearnResult | null>(null);
  const [edits, setEdits] = React.useState<LearnEdits>({});
  /** The option boxes as typed (a trailing 、 must survive until the next option is typed). */
  const [optionText, setOptionText] = React.useState<Record<string, string>>({});
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState('');
  React.useEffect(() => {
    void workbook.sheets().then((s) => {
      setSheets(s.names);
      setSheet(s.active);
    });
  }, [workbook]);

  const templateInput = React.useRef<HTMLInputElement>(null);
  /** `read` says what was read of a sheet of this workbook (what could not be is in `missing`). */
  const learned = (doc: TemplateDoc, read?: string[]) => {
    const r = learnTemplate(doc, { id: 'learned' });
    setDraft(r);
    setEdits({});
    setOptionText({});
    setMessage({
      intent: r.missing.length ? 'warning' : 'success',
      text: read
        ? `已从工作表「${doc.main}」学得 ${r.profile.columns.length} 列（读了${read.slice(0, -1).join('、')}${read.length > 1 ? '和' : ''}${read[read.length - 1]}）：请核对下面的推断，修改后保存。`
        : `已从「${doc.file}」学得 ${r.profile.columns.length} 列：请核对下面的推断，修改后保存。`,
    });
  };

  // The readers (SheetJS, JSZip, the Word reader) load only when a template is opened.
  const fromFile = (f: File) =>
    act('读取模板', async () => {
      const { readTemplate } = await import('../../io/template');
      learned(await readTemplate(f.name, new Uint8Array(await f.arrayBuffer())));
    });

  // The sheet as Excel holds it: text, merges, dropdown lists (also on hidden sheets and names),
  // widths, fonts, page setup, as far as this Excel can give them (what it cannot is listed).
  const fromSheet = () =>
    act('读取工作表', async () => {
      const doc = await workbook.readTemplate(sheet, locateTemplateHeader);
      learned(doc, doc.read);
    });

  let final: Profile | null = null;
  let problem = '';
  if (draft) {
    try {
      final = applyLearnEdits(draft.profile, edits);
    } catch (e) {
      problem = (e as Error).message;
    }
  }
  const editColumn = (key: string, e: NonNullable<LearnEdits['columns']>[string]) =>
    setEdits((x) => ({ ...x, columns: { ...x.columns, [key]: { ...x.columns?.[key], ...e } } }));

  return (
    <div className={st.col}>
      <Text className={st.small}>
        打开通知所附的空白汇总表（.xlsx、.xls 或
        .docx），助手读出标题、表头、选项和注释，起草一个新格式；核对修改后保存到本工作簿，之后与内置格式一样检查、下拉选择、换算和汇总。
      </Text>
      <Field label="模板文件">
        {/* The browser's own file input speaks English: a Chinese button opens it. */}
        <Button onClick={() => templateInput.current?.click()}>选择模板文件…</Button>
        <input
          ref={templateInput}
          style={{ display: 'none' }}
          aria-label="模板文件"
          type="file"
          accept=".xlsx,.xls,.docx"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void fromFile(f);
          }}
        />
      </Field>
      <div className={st.row}>
        <Select aria-label="当前工作簿中的模板工作表" value={sheet} onChange={(_, d) => setSheet(d.value)}>
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button onClick={() => void fromSheet()} disabled={!sheet}>
          用这张工作表
        </Button>
      </div>
      {draft && (
        <>
          {draft.missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                未能从模板得知（请补充或确认）：
                <ul className={st.list}>
                  {draft.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label="格式 ID（小写字母、数字、连字符）">
            <Input
              value={edits.id ?? draft.profile.id}
              onChange={(_, d) => setEdits((x) => ({ ...x, id: d.value }))}
            />
          </Field>
          <Field label="格式名称">
            <Input
              value={edits.name ?? draft.profile.name}
              onChange={(_, d) => setEdits((x) => ({ ...x, name: d.value }))}
            />
          </Field>
          <Field label="标题（逐字）">
            <Input
              value={edits.title ?? draft.profile.sheet.title.replace('{prefix}', 'XXX')}
              onChange={(_, d) => setEdits((x) => ({ ...x, title: d.value }))}
            />
          </Field>
          {draft.profile.sheet.linesAbove.length > 0 && (
            <Text className={st.small}>
              表头上方：{draft.profile.sheet.linesAbove.map((l) => l.join(' ')).join(' / ')}
            </Text>
          )}
          {draft.profile.sheet.footnote && (
            <Text className={st.small}>表尾注：{draft.profile.sheet.footnote}</Text>
          )}
          <ProjectFormPreview profile={draft.profile} />
          {(final ?? draft.profile).columns.map((c) => {
            const v = c.vocab ? (final ?? draft.profile).vocabularies[c.vocab] : undefined;
            // A free-text column may be given options here (the review asks 「请补上选项」).
            const free = !v && (c.type === 'text' || optionText[c.key] !== undefined);
            const ed = edits.columns?.[c.key];
            return (
              <div key={c.key} className={st.item}>
                <Text>{describeColumn(final ?? draft.profile, c)}</Text>
                {editableKindOf(c) && (
                  <Select
                    aria-label={`「${c.label}」的类型`}
                    value={ed?.kind ?? editableKindOf(c) ?? 'text'}
                    onChange={(_, d) => editColumn(c.key, { kind: d.value as EditableKind })}
                  >
                    {(Object.keys(EDITABLE_KINDS) as EditableKind[]).map((k) => (
                      <option key={k} value={k}>
                        {EDITABLE_KINDS[k].label}
                      </option>
                    ))}
                  </Select>
                )}
                <div className={st.row}>
                  {c.type !== 'seq' && (
                    <Checkbox
                      label="必填"
                      checked={ed?.required ?? c.required}
                      onChange={(_, d) => editColumn(c.key, { required: !!d.checked })}
                    />
                  )}
                  {c.type === 'vocab' && (
                    <Checkbox
                      label="可多选"
                      checked={ed?.multi ?? c.multi}
                      onChange={(_, d) => editColumn(c.key, { multi: !!d.checked })}
                    />
                  )}
                </div>
                {(v || free) && (
                  <Textarea
                    aria-label={`「${c.label}」的选项`}
                    resize="vertical"
                    placeholder={free ? '自由填写；如有固定选项，在此用「、」分隔填写' : undefined}
                    value={
                      optionText[c.key] ??
                      (v ? [...v.items.map((i) => i.label), ...(v.other ? [v.other] : [])].join('、') : '')
                    }
                    onChange={(_, d) => {
                      setOptionText((x) => ({ ...x, [c.key]: d.value }));
                      editColumn(c.key, { options: splitOptions(d.value) });
                    }}
                  />
                )}
              </div>
            );
          })}
          <details>
            <summary>推断明细（{draft.inferred.length} 条）</summary>
            <ul className={st.list}>
              {draft.inferred.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
          {problem && (
            <MessageBar intent="error">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          <div className={st.row}>
            <Button
              appearance="primary"
              disabled={!final}
              onClick={() =>
                void act('保存格式', async () => {
                  await workbook.saveStoredProfile(final!);
                  onSaved(final!);
                  setMessage({
                    intent: 'success',
                    text: `格式「${final!.name}」已保存到本工作簿并选用：同事打开此文件时也能使用。`,
                  });
                })
              }
            >
              保存到工作簿并使用
            </Button>
            <Button
              disabled={!final}
              onClick={() => download(`${final!.id}.json`, JSON.stringify(final, null, 2) + '\n')}
            >
              导出格式文件
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** The learned per-project form (上海's 项目基本信息情况表), read-only: its rows as hqds learn prints them. */
export function ProjectFormPreview({ profile }: { profile: Profile }) {
  const st = useStyles();
  const form = profile.projectForm;
  if (!form && profile.form) {
    // A bureau's 附件1 beside its summary (one per applicant): each item and the column it fills.
    const label = (k?: string) => profile.columns.find((c) => c.key === k)?.label;
    return (
      <div className={st.item} aria-label="学得的表单">
        <Text>表单「{profile.form.title}」（每个单位填一份，读入汇总表；只读）</Text>
        <ol className={st.list}>
          {profile.form.fields.map((f, i) => (
            <li key={i}>
              {f.label}
              {label(f.key) ? ` → 汇总表「${label(f.key)}」` : '（只在表单上）'}
            </li>
          ))}
        </ol>
      </div>
    );
  }
  if (!form) return null;
  return (
    <div className={st.item} aria-label="学得的表单">
      <Text>表单「{form.title}」（每个项目一张，只读；列在下面逐项核对）</Text>
      <ol className={st.list}>
        {form.rows.map((r, i) => (
          <li key={i}>{describeFormRow(profile, r)}</li>
        ))}
      </ol>
    </div>
  );
}

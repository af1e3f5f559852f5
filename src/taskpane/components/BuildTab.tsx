import * as React from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Select, Switch, Text } from '@fluentui/react-components';
import { PROFILES } from '../../core/profiles';
import type { Profile } from '../../core/profile';
import { mergeSheets, placeText, type InputSheet, type MergeResult } from '../../core/merge';
import { duplicateGroups, summarySheetName } from '../../core/import';
import type { OfficeWorkbook } from '../../excel/adapter';
import { settingsToPlan, type Settings } from '../settings';
import { isLastCopy, toggleDrop, type DuplicateState } from '../state';
import { SettingInput } from './SettingInput';
import { useStyles, type Act } from './styles';

export interface BuildTabProps {
  workbook: OfficeWorkbook;
  profile: Profile | null;
  /** The format learned from a template and stored in this workbook, if any. */
  stored: Profile | null;
  settings: Settings;
  save: (s: Settings) => Promise<void>;
  act: Act;
  onBuilt: (sheet: string, done: string) => void;
}

interface Review extends DuplicateState {
  merged: MergeResult;
  inputs: InputSheet[];
}

const backedUp = (backups: string[]) => (backups.length ? `原表已备份为「${backups.join('、')}」。` : '');

export function BuildTab({
  workbook,
  profile,
  stored,
  settings,
  save,
  act,
  onBuilt,
}: BuildTabProps): React.JSX.Element {
  const styles = useStyles();
  const [review, setReview] = React.useState<Review | null>(null);
  // Not through act (see App's save): a setting saved on blur must not move the button being clicked.
  const set = (patch: Partial<Settings>) => void save({ ...settings, ...patch });
  const describe = (m: MergeResult, i: number) => {
    const e = m.entries[i];
    const name = String(e.entry.get('name') ?? e.entry.get('projectName') ?? '');
    const owner = String(e.entry.get('applicant') ?? e.entry.get('builder') ?? '');
    return `第 ${i + 1} 条「${name}」${owner ? `（${owner}）` : ''}，来自 ${e.source.file}「${e.source.sheet}」${placeText(e.source)}`; // a Word entry has no sheet row: 表1 第5行
  };
  const rebuild = () =>
    act('读取本表', async () => {
      const p = profile!;
      const inputs = (await workbook.readSheets([summarySheetName(p)])).filter((s) => s.rows.length);
      if (!inputs.length)
        throw new Error(`还没有「${summarySheetName(p)}」或它是空的：请先「新建汇总表」或到「导入」中导入。`);
      const merged = mergeSheets(p, inputs, { tb: settings.tb });
      const groups = duplicateGroups(p, merged);
      if (!groups.length) {
        const { backups, sheet, warnings } = await workbook.rebuild(p, settingsToPlan(settings), inputs);
        onBuilt(
          sheet,
          `已重新生成「${sheet}」，共 ${merged.rowsWritten} 条。${backedUp(backups)}${warnings.join('')}`,
        );
      } else setReview({ merged, inputs, groups, drop: [] });
    });
  return (
    <>
      <Field label="格式">
        <Select
          className={styles.full}
          aria-label="格式"
          value={profile?.id ?? ''}
          onChange={(_, d) => set({ profileId: d.value || null })}
        >
          <option value="">请选择</option>
          {PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {stored && <option value={stored.id}>{stored.name}（本工作簿的新格式）</option>}
        </Select>
      </Field>
      <Field label="推荐单位">
        <SettingInput label="推荐单位" value={settings.recommender} onSave={(v) => set({ recommender: v })} />
      </Field>
      {profile?.sheet.titlePrefixLabel && (
        <Field label={profile.sheet.titlePrefixLabel}>
          <SettingInput
            label={profile.sheet.titlePrefixLabel}
            value={settings.titlePrefix}
            placeholder="XXX"
            onSave={(v) => set({ titlePrefix: v })}
          />
        </Field>
      )}
      <Field label="1TB 折合">
        <RadioGroup
          layout="horizontal"
          value={String(settings.tb)}
          onChange={(_, d) => set({ tb: Number(d.value) as 1024 | 1000 })}
        >
          <Radio value="1024" label="1024GB" />
          <Radio value="1000" label="1000GB" />
        </RadioGroup>
      </Field>
      <Switch
        label="填写今天的日期（关闭则留「年　月　日」待盖章时填）"
        checked={settings.fillDate}
        onChange={(_, d) => set({ fillDate: d.checked })}
      />
      <Field label="标题字体">
        <SettingInput label="标题字体" value={settings.titleFont} onSave={(v) => set({ titleFont: v })} />
      </Field>
      <Field label="表格字体">
        <SettingInput label="表格字体" value={settings.tableFont} onSave={(v) => set({ tableFont: v })} />
      </Field>
      <Field label="字号">
        <RadioGroup
          layout="horizontal"
          value={String(settings.tableSize)}
          onChange={(_, d) => set({ tableSize: Number(d.value) })}
        >
          <Radio value="10.5" label="五号" />
          <Radio value="12" label="小四" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!profile}
          onClick={() =>
            void act('新建汇总表', async () => {
              const { backups, sheet, warnings } = await workbook.createSummary(
                profile!,
                settingsToPlan(settings),
              );
              onBuilt(
                sheet,
                `已新建「${sheet}」。${backups.length ? `原有同名表已备份为「${backups.join('、')}」。` : ''}${warnings.join('')}`,
              );
            })
          }
        >
          新建汇总表
        </Button>
        <Button disabled={!profile} onClick={() => void rebuild()}>
          重新生成汇总表
        </Button>
      </div>
      {review && (
        <div className={styles.group} role="group" aria-label="可能重复的条目">
          <Text weight="semibold">可能重复的条目：勾选要删去的，每组至少保留一条</Text>
          {review.groups.map((g, k) => (
            <div key={k} className={styles.item}>
              <Text className={styles.small}>第 {k + 1} 组：名称和申报单位都相同</Text>
              {g.map((i) => (
                <Checkbox
                  key={i}
                  label={describe(review.merged, i)}
                  checked={review.drop.includes(i)}
                  disabled={isLastCopy(review, i)}
                  onChange={() => setReview({ ...review, ...toggleDrop(review, i) })}
                />
              ))}
            </div>
          ))}
          <Text>
            {review.drop.length
              ? `将删去：${review.drop.map((i) => `第 ${i + 1} 条`).join('、')}；其余 ${review.merged.entries.length - review.drop.length} 条保留。`
              : '未勾选：全部保留。'}
          </Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                void act('重新生成', async () => {
                  const { merged, backups, sheet, warnings } = await workbook.rebuild(
                    profile!,
                    settingsToPlan(settings),
                    review.inputs,
                    { dropEntries: review.drop },
                  );
                  setReview(null);
                  onBuilt(
                    sheet,
                    `已重新生成「${sheet}」，共 ${merged.rowsWritten} 条（删去重复 ${review.drop.length} 条）。${backedUp(backups)}${warnings.join('')}`,
                  );
                })
              }
            >
              确认并重新生成
            </Button>
            <Button onClick={() => setReview(null)}>取消</Button>
          </div>
        </div>
      )}
      <Text className={styles.small}>
        设置保存在本工作簿中，随文件一起传递。本加载项不向任何地方发送数据。
      </Text>
    </>
  );
}

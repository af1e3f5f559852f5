import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Profile } from '../../core/profile';
import { a1 } from '../../core/address';
import { cellText } from '../../core/cell';
import { convert } from '../../core/quantity';
import type { OfficeWorkbook } from '../../excel/adapter';
import type { Settings } from '../settings';
import { initialPicker, pickerReducer, pickerValue } from '../state';
import { VocabPicker } from './Pickers';
import { useStyles, type Act, type Notify } from './styles';

export interface EnterTabProps {
  workbook: OfficeWorkbook;
  profile: Profile;
  settings: Settings;
  act: Act;
  notify: Notify;
}

type Selection = Awaited<ReturnType<OfficeWorkbook['selection']>>;

export function EnterTab({ workbook, profile, settings, act, notify }: EnterTabProps): React.JSX.Element {
  const styles = useStyles();
  const [sel, setSel] = React.useState<Selection>(null);
  const [picker, dispatch] = React.useReducer(pickerReducer, initialPicker);
  const col = sel?.key ? profile.columns.find((c) => c.key === sel.key) : undefined;
  const vocab = col?.type === 'vocab' && col.vocab ? profile.vocabularies[col.vocab] : undefined;
  const value = vocab && col ? pickerValue(picker, vocab, col.joiner) : null;
  const read = () =>
    act('读取所选单元格', async () => {
      const s = await workbook.selection();
      setSel(s);
      const c = s?.key ? profile.columns.find((x) => x.key === s.key) : undefined;
      if (c?.type === 'vocab' && c.vocab)
        dispatch({
          type: 'load',
          text: cellText(s!.values[0]?.[0]),
          vocab: profile.vocabularies[c.vocab],
          multi: !!c.multi,
        });
    });
  const selected = sel ? cellText(sel.values[0]?.[0]) : '';
  // The picker writes one cell: a whole column would start on the title row.
  const single = !!sel && sel.values.length === 1 && (sel.values[0]?.length ?? 1) === 1;
  const preview =
    col?.type === 'quantity' && col.quantity?.unit ? convert(selected, col.quantity.unit, settings.tb) : null;
  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => void read()}>读取所选单元格</Button>
        {sel && (
          <Text className={styles.small}>
            {sel.sheet}!{a1(sel.r, sel.c)}：
            {col
              ? col.label
              : sel.outside
                ? '（不在表内：表头以上的标题和表下的注释不填写）'
                : '（先「全面检查」以识别列）'}
          </Text>
        )}
      </div>
      {vocab && col && sel && !single && (
        <Text className={styles.small}>
          下拉选择一次写入一个单元格：请只选中一个单元格，再点「读取所选单元格」。
        </Text>
      )}
      {vocab && col && sel && single && (
        <>
          <VocabPicker
            label={col.label}
            vocab={vocab}
            multi={!!col.multi}
            joiner={col.joiner}
            state={picker}
            dispatch={dispatch}
          />
          <Button
            appearance="primary"
            disabled={value === null}
            onClick={() =>
              void act('写入', async () => {
                await workbook.writeCells(sel.sheet, [{ r: sel.r, c: sel.c, value: value! }]);
                await workbook.recheck(sel.sheet, a1(sel.r, sel.c));
                notify({ intent: 'success', text: `已在 ${a1(sel.r, sel.c)} 写入「${value}」。` });
              })
            }
          >
            写入「{value ?? '…'}」
          </Button>
        </>
      )}
      {col?.type === 'quantity' && col.quantity?.unit && sel && (
        <>
          <Text>
            本列单位：{col.quantity.unit}（1TB={settings.tb}GB）。所选值：{selected || '（空）'} →{' '}
            {preview?.ok ? `将换算为 ${preview.value}${preview.unit}` : preview?.message}
          </Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                void act('换算', async () => {
                  const r = await workbook.convertCells(
                    sel.sheet,
                    sel.r,
                    sel.r + sel.values.length - 1,
                    sel.c,
                  );
                  notify({
                    intent: r.failed.length ? 'warning' : 'success',
                    text: `已换算 ${r.converted} 格，原值保留在${r.keptIn === 'notes' ? '批注和「修改记录」' : '「修改记录」'}中。${r.failed.map((f) => `第 ${f.r + 1} 行：${f.message}`).join(' ')}`,
                  });
                })
              }
            >
              换算所选单元格
            </Button>
            <Button
              onClick={() =>
                void act('换算整列', async () => {
                  const r = await workbook.convertCells(sel.sheet, 0, 1048575, sel.c);
                  notify({
                    intent: r.failed.length ? 'warning' : 'success',
                    text: `整列（只限表内各行）已换算 ${r.converted} 格。${r.failed.length ? `${r.failed.length} 格无法换算，见检查列表。` : ''}`,
                  });
                })
              }
            >
              换算整列
            </Button>
          </div>
        </>
      )}
      {sel && col && col.type !== 'vocab' && col.type !== 'quantity' && (
        <Text className={styles.small}>此列没有下拉选项或单位。</Text>
      )}
    </>
  );
}

import * as React from 'react';
import { Button, Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import type { SheetIssue } from '../../excel/adapter';
import { counts, safeFixes, shownIssues, type CheckAction, type CheckState, type Filter } from '../state';
import { IssueList } from './IssueList';
import { useStyles } from './styles';

export interface CheckTabProps {
  state: CheckState;
  dispatch: React.Dispatch<CheckAction>;
  /** The workbook's sheets, to choose from (no typing, no typos). */
  sheets: string[];
  busy: boolean;
  onCheck: () => void;
  onFixAll: (issues: SheetIssue[]) => void;
  onFix: (i: SheetIssue) => void;
  onLocate: (i: SheetIssue) => void;
}

export function CheckTab({
  state,
  dispatch,
  sheets,
  busy,
  onCheck,
  onFixAll,
  onFix,
  onLocate,
}: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const c = counts(state);
  const safe = safeFixes(state);
  const names = sheets.includes(state.sheet) || !state.sheet ? sheets : [state.sheet, ...sheets];
  return (
    <>
      <Field label="检查的工作表">
        <Select
          className={styles.full}
          value={state.sheet}
          onChange={(_, d) => dispatch({ type: 'sheet', sheet: d.value })}
        >
          {!state.sheet && <option value="">请选择工作表</option>}
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onCheck} disabled={busy || !state.sheet}>
          全面检查
        </Button>
        <Button onClick={() => onFixAll(safe)} disabled={!safe.length || busy}>
          全部修正（{safe.length}）
        </Button>
      </div>
      <Text className={styles.small}>
        编辑、粘贴和插入行会即时检查。表头以上的标题和表下的注释不检查、不改动。在网页版 Excel
        中从下拉列表选择不会触发检查，粘贴的值也绕过数据验证：提交前请点「全面检查」。每处自动修改都记在「修改记录」工作表中。
      </Text>
      <RadioGroup
        layout="horizontal"
        value={state.filter}
        onChange={(_, d) => dispatch({ type: 'filter', filter: d.value as Filter })}
        aria-label="筛选"
      >
        <Radio value="all" label={`全部 ${c.all}`} />
        <Radio value="error" label={`错误 ${c.errors}`} />
        <Radio value="warning" label={`提示 ${c.warnings}`} />
      </RadioGroup>
      <IssueList
        issues={shownIssues(state)}
        checked={!!state.checked}
        disabled={busy}
        onLocate={onLocate}
        onFix={onFix}
      />
    </>
  );
}

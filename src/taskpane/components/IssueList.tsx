import * as React from 'react';
import { Badge, Button, Text } from '@fluentui/react-components';
import { fixValue, pendingTense } from '../../core/fixes';
import type { SheetIssue } from '../../excel/adapter';
import { useStyles } from './styles';

export interface IssueListProps {
  issues: SheetIssue[];
  /** Whether a check has run (so an empty list means 「没有发现问题」). */
  checked: boolean;
  disabled: boolean;
  onLocate: (i: SheetIssue) => void;
  onFix: (i: SheetIssue) => void;
}

const LIMIT = 500;
/** Cards drawn with the result; the rest follow as a transition once it is on screen. 500 cards are
 *  some 3,000 Fluent components, most of the pane's time in a check of 1,000 rows, and a 350-px
 *  pane shows five of them (BENCHMARKS.md, 「The pane's check」). */
const FIRST = 40;

/** How many of a new list to draw now: FIRST, then every card up to LIMIT in a low-priority update. */
function useDrawn(issues: SheetIssue[]): number {
  const [drawn, setDrawn] = React.useState({ list: issues, count: FIRST });
  // A new list starts again from FIRST (state keyed to the list, set while rendering, as React advises
  // for state that follows a prop).
  if (drawn.list !== issues) setDrawn({ list: issues, count: FIRST });
  React.useEffect(() => {
    if (drawn.count >= Math.min(issues.length, LIMIT)) return;
    const t = setTimeout(() => React.startTransition(() => setDrawn({ list: issues, count: LIMIT })), 0);
    return () => clearTimeout(t);
  }, [drawn, issues]);
  return drawn.list === issues ? drawn.count : FIRST;
}

/** The problems, one card each: Tab reaches every card and button, Enter on a card locates its cell. */
export function IssueList({ issues, checked, disabled, onLocate, onFix }: IssueListProps): React.JSX.Element {
  const styles = useStyles();
  const drawn = useDrawn(issues);
  return (
    <div className={styles.list} role="list" aria-label="问题列表">
      {issues.slice(0, Math.min(drawn, LIMIT)).map((i, k) => {
        const fix = fixValue(i);
        const where = i.address ?? `第 ${i.sheetRow + 1} 行`;
        return (
          <div
            key={`${i.address}-${i.code}-${k}`}
            role="listitem"
            tabIndex={0}
            className={styles.item}
            aria-label={`${i.severity === 'error' ? '错误' : '提示'} ${where}：${i.message}`}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) onLocate(i);
            }}
          >
            <div className={styles.row}>
              <Badge color={i.severity === 'error' ? 'danger' : 'warning'}>
                {i.severity === 'error' ? '错误' : '提示'}
              </Badge>
              <Text weight="semibold">{where}</Text>
              <Text className={styles.small}>{i.field ?? ''}</Text>
            </div>
            {/* Not applied yet: the message speaks of what a fix will do. */}
            <Text>{fix !== null ? pendingTense(i.message) : i.message}</Text>
            <div className={styles.row}>
              <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onLocate(i)}>
                定位 {where}
              </Button>
              {fix !== null && i.sheetCol !== null && (
                <Button size="small" disabled={disabled} onClick={() => onFix(i)}>
                  改为「{String(fix)}」
                </Button>
              )}
            </div>
          </div>
        );
      })}
      {issues.length > LIMIT && (
        <Text className={styles.small}>只列出前 {LIMIT} 个；修正后再检查可看到其余。</Text>
      )}
      {checked && !issues.length && <Text>没有发现问题。</Text>}
    </div>
  );
}

import { makeStyles, tokens } from '@fluentui/react-components';

/** Shared layout: everything wraps, nothing is wider than a 320 px pane. */
export const useStyles = makeStyles({
  root: {
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    minHeight: '100%',
    boxSizing: 'border-box',
    fontSize: tokens.fontSizeBase300,
    minWidth: 0,
    maxWidth: '100%',
    overflowX: 'hidden',
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', minWidth: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    overflowY: 'auto',
    maxHeight: '55vh',
    minWidth: 0,
  },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    minWidth: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
  },
  cell: { padding: '2px 4px', verticalAlign: 'top', overflowWrap: 'anywhere' },
  full: { width: '100%', minWidth: 0, maxWidth: '100%' },
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: '4px' },
  hidden: { display: 'none' },
});

export type Notify = (m: { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null) => void;
export type Act = (label: string, f: () => Promise<void>) => Promise<void>;

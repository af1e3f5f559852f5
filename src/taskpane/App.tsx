import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import type { Profile } from '../core/profile';
import { resolveProfile } from '../core/profiles';
import { summarySheetName } from '../core/import';
import { fixValue } from '../core/fixes';
import { LISTS_SHEET } from '../core/plan';
import type { OfficeWorkbook, SheetIssue } from '../excel/adapter';
import { DEFAULT_PANE_SETTINGS, loadSettings, saveSettings, type Settings } from './settings';
import { checkReducer, initialCheck, statusLine } from './state';
import { chineseError } from './errors';
import { CheckTab } from './components/CheckTab';
import { useStyles, type Notify } from './components/styles';
// Every tab but 检查 loads when first opened, with what it pulls in (inputs, switches, the format
// list): the pane opens on 检查, and keeping the rest out of the first chunk keeps its start small
// (BENCHMARKS.md, 「The pane bundle」).
const EnterTab = React.lazy(() => import('./components/EnterTab').then((m) => ({ default: m.EnterTab })));
const BuildTab = React.lazy(() => import('./components/BuildTab').then((m) => ({ default: m.BuildTab })));
const ImportTab = React.lazy(() => import('./components/ImportTab').then((m) => ({ default: m.ImportTab })));
const LearnTab = React.lazy(() => import('./components/LearnTab').then((m) => ({ default: m.LearnTab })));

type Tabs = 'check' | 'enter' | 'import' | 'build' | 'learn';
type Message = Parameters<Notify>[0];

export function App({ workbook }: { workbook: OfficeWorkbook }): React.JSX.Element {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<Settings>(DEFAULT_PANE_SETTINGS);
  const [tab, setTab] = React.useState<Tabs>('check');
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<Message>(null);
  const [sheets, setSheets] = React.useState<string[]>([]);
  const [check, dispatch] = React.useReducer(checkReducer, initialCheck());
  // A format learned from a template (「新格式」) is stored in the workbook beside the settings.
  const [stored, setStored] = React.useState<Profile | null>(null);
  const profile = resolveProfile(settings.profileId, stored);

  const refreshSheets = React.useCallback(async () => {
    const { names } = await workbook.sheets();
    setSheets(names.filter((n) => n !== LISTS_SHEET));
    return names;
  }, [workbook]);

  /** Run one action: busy while it runs, any error said in Chinese, the sheet list kept current. */
  const act = React.useCallback(
    async (label: string, f: () => Promise<void>) => {
      setBusy(label);
      setMessage(null);
      try {
        await f();
      } catch (e) {
        setMessage({ intent: 'error', text: chineseError(e) });
      } finally {
        setBusy(null);
        await refreshSheets().catch(() => undefined);
      }
    },
    [refreshSheets],
  );

  const runCheck = React.useCallback(
    async (sheet: string, p = profile, tb = settings.tb) => {
      if (!p) throw new Error('请先在「汇总」中选择格式。');
      const r = await workbook.checkSheet(sheet, p, tb);
      dispatch({ type: 'checked', sheet, rows: r.rows, issues: r.issues });
      await workbook.watch(sheet);
    },
    [workbook, profile, settings.tb],
  );

  // Settings from the workbook, the bureau from the sheet when none was chosen, then a check of the
  // recognised sheet at once: the pane never opens on 「全部 0」 over a sheet with problems.
  React.useEffect(() => {
    void act('读取设置', async () => {
      const s = await loadSettings(workbook);
      const kept = await workbook.loadStoredProfile();
      const mine = kept && 'profile' in kept ? kept.profile : null;
      setStored(mine);
      if (kept && 'error' in kept) setMessage({ intent: 'warning', text: kept.error });
      const { names, active } = await workbook.sheets();
      let next = s;
      let detected: string | null = null;
      if (!s.profileId) {
        const d = await workbook.detectProfile();
        if (d) {
          next = { ...s, profileId: d.profileId };
          detected = d.sheet;
        }
      }
      setSettings(next);
      const p = resolveProfile(next.profileId, mine);
      const summary = p ? summarySheetName(p) : '';
      const sheet = detected ?? (names.includes(summary) ? summary : active);
      dispatch({ type: 'sheet', sheet });
      if (!p) return;
      try {
        await runCheck(sheet, p, next.tb);
        if (detected)
          setMessage({
            intent: 'info',
            text: `从工作表「${detected}」识别为：${p.name}，已自动检查。可在「汇总」中更改格式。`,
          });
      } catch {
        // Not a table of this format (yet): the clerk checks by hand when there is one.
      }
    });
    const stopRechecks = workbook.onRecheck((r) =>
      dispatch({ type: 'rechecked', sheet: r.sheet, rows: r.rows, issues: r.issues, entries: r.entries }),
    );
    // Live checking runs in Excel's event handler: its errors are shown here, not lost.
    const stopErrors = workbook.onError((text) => setMessage({ intent: 'error', text }));
    return () => {
      stopRechecks();
      stopErrors();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per workbook
  }, [workbook]);

  // Saved quietly, not through act: the spinner and the cleared message act shows would move the
  // buttons between mousedown and mouseup, so a click that blurs a setting (and saves it) was lost.
  const save = async (s: Settings) => {
    setSettings(s);
    try {
      await saveSettings(workbook, s);
    } catch (e) {
      setMessage({ intent: 'error', text: chineseError(e) });
    }
  };

  // Notes only where host and library have them (workbook.notesAvailable); 修改记录 always.
  const kept = () => (workbook.notesAvailable ? '批注和「修改记录」' : '「修改记录」');
  const applied = (n: number) => `已修正 ${n} 处，原值记在${kept()}工作表中。`;
  const fixAll = (issues: SheetIssue[]) =>
    act('修正中', async () => {
      await workbook.applyFixes(issues);
      await runCheck(check.sheet);
      setMessage({ intent: 'success', text: applied(issues.length) });
    });
  const afterBuild = (sheet: string, done: string) => {
    setTab('check');
    void act('检查中', async () => {
      await runCheck(sheet);
      setMessage({ intent: 'success', text: done });
    });
  };

  const status = statusLine(check);
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <Title3 as="h1">高质量数据集汇总助手</Title3>
      <Text className={styles.small}>
        {profile ? `格式：${profile.name}` : '尚未选择格式：请到「汇总」中选择，或打开一份汇总表自动识别。'}
      </Text>
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
      {status && tab === 'check' && (
        <MessageBar intent={status.intent} aria-label="检查结果">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {check.suggest.map((s) => (
        <MessageBar key={`${s.address}-sug`} intent="info">
          <MessageBarBody>
            {s.address} 填的是「{s.value}」，本列以 GB 计：将换算为 {String(fixValue(s))}？{' '}
            <Button
              size="small"
              appearance="primary"
              onClick={() =>
                void act('换算', async () => {
                  await workbook.applyFixes([s]);
                  dispatch({ type: 'dismiss', issue: s });
                  if (check.checked) await runCheck(check.checked.sheet);
                  setMessage({
                    intent: 'success',
                    text: `${s.address} 已换算为 ${String(fixValue(s))}，原值记在${kept()}中。`,
                  });
                })
              }
            >
              换算
            </Button>
          </MessageBarBody>
        </MessageBar>
      ))}

      {tab === 'check' && (
        <CheckTab
          state={check}
          dispatch={dispatch}
          sheets={sheets}
          busy={!!busy}
          onCheck={() => void act('检查中', () => runCheck(check.sheet))}
          onFixAll={(issues) => void fixAll(issues)}
          onFix={(i) =>
            void act('修正', async () => {
              const wholeColumn =
                i.code === 'quantity-converted' &&
                check.issues.some((x) => x.code === 'header-unit' && x.sheetCol === i.sheetCol);
              await workbook.applyFixes([i]);
              // A conversion under a unit header changes the whole column and its header: check afresh.
              await runCheck(check.sheet);
              const what = wholeColumn
                ? `${i.address} 所在整列已按表头的单位换算，表头改为「${i.field ?? ''}」`
                : `${i.address} 已改为「${String(fixValue(i))}」`;
              setMessage({ intent: 'success', text: `${what}，原值记在${kept()}中。` });
            })
          }
          onLocate={(i) => void act('定位', () => workbook.select(i.sheet, i.sheetRow, i.sheetCol))}
        />
      )}
      {/* The tabs other than 检查 load when first opened: one fallback while their chunk arrives. */}
      <React.Suspense fallback={<Spinner size="tiny" label="正在载入…" />}>
        {tab === 'enter' && profile && (
          <EnterTab workbook={workbook} profile={profile} settings={settings} act={act} notify={setMessage} />
        )}
        {tab === 'import' && profile && (
          <ImportTab
            workbook={workbook}
            profile={profile}
            settings={settings}
            sheets={sheets}
            act={act}
            notify={setMessage}
            onDone={afterBuild}
          />
        )}
        {(tab === 'enter' || tab === 'import') && !profile && <Text>请先在「汇总」中选择格式。</Text>}
        {tab === 'build' && (
          <BuildTab
            workbook={workbook}
            profile={profile}
            stored={stored}
            settings={settings}
            save={save}
            act={act}
            onBuilt={afterBuild}
          />
        )}
        {tab === 'learn' && (
          <LearnTab
            workbook={workbook}
            act={act}
            setMessage={setMessage}
            onSaved={(p) => {
              setStored(p);
              void save({ ...settings, profileId: p.id });
            }}
          />
        )}
      </React.Suspense>
    </FluentProvider>
  );
}

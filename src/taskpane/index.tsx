import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { OfficeWorkbook } from '../excel/adapter';
import type { XlRun } from '../excel/xl';

/* global Office, Excel */
void Office.onReady((info) => {
  const root = createRoot(document.getElementById('root')!);
  if (info.host !== Office.HostType.Excel) {
    root.render(<p style={{ padding: 16 }}>本加载项只用于 Excel：请在 Excel 中打开。</p>);
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    root.render(
      <p style={{ padding: 16 }}>
        此版本的 Excel 太旧：本加载项需要 Excel 2019 或更新版本（ExcelApi 1.8）。
      </p>,
    );
    return;
  }
  const run = ((options, batch) => Excel.run(options, batch as never)) as XlRun;
  root.render(<App workbook={new OfficeWorkbook(run, Office.context.requirements)} />);
});

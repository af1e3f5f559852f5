import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/* global Office */
Office.onReady((info) => {
  const root = createRoot(document.getElementById('root')!);
  if (info.host !== Office.HostType.Excel) {
    root.render(<p style={{ padding: 16 }}>本加载项只用于 Excel：请在 Excel 中打开。</p>);
    return;
  }
  root.render(<App />);
});

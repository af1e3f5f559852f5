#!/usr/bin/env node
// npm start: where desktop Excel exists (Windows, macOS) sideload the add-in the way Microsoft's
// template does (office-addin-debugging, dev server on https://localhost:3000). Elsewhere — Linux,
// CI — build and serve the preview: the real task pane beside a simulated workbook.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pidFile = path.join(root, '.hqds-preview.pid');
const hasDesktopExcel =
  (process.platform === 'win32' || process.platform === 'darwin') && !process.env.HQDS_PREVIEW;

function resolveBin(name) {
  try {
    return require.resolve(name);
  } catch {
    return null;
  }
}

/** How to open a URL in the desktop's browser, or null where there is none to open (CI, a server
 *  without a display, or HQDS_NO_OPEN set). */
function openCommand(platform, env) {
  if (env.CI === 'true' || env.HQDS_NO_OPEN) return null;
  if (platform === 'darwin') return { cmd: 'open', args: [] };
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""'] };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { cmd: 'xdg-open', args: [] };
  return null;
}

/** The address, in a box no one can miss among webpack's output. */
function banner(url, opened) {
  const lines = [
    '预览已启动 / Preview running:',
    url,
    opened ? '已尝试在浏览器中打开。' : '请在浏览器中打开上面的地址。',
    '停止：npm stop',
  ];
  const width =
    Math.max(...lines.map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))) + 2;
  const bar = '═'.repeat(width);
  return ['', `╔${bar}╗`, ...lines.map((l) => `  ${l}`), `╚${bar}╝`, ''].join('\n');
}

module.exports = { openCommand, banner };

function main() {
  if (hasDesktopExcel) {
    if (!resolveBin('office-addin-debugging/package.json')) {
      console.error(
        '要在桌面 Excel 中旁加载，请先安装微软的调试工具：npm install --no-save office-addin-debugging office-addin-dev-certs\n（或设置 HQDS_PREVIEW=1 只打开预览。）',
      );
      process.exit(2);
    }
    const r = spawnSync(
      'npx',
      ['office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel'],
      { cwd: root, stdio: 'inherit', shell: true },
    );
    process.exit(r.status ?? 1);
  }

  console.log('本机没有桌面 Excel：构建并打开预览（模拟工作簿 + 真实任务窗格）……');
  const build = spawnSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(process.execPath, [path.join(__dirname, 'serve.js')], {
    cwd: root,
    stdio: 'inherit',
    detached: !!process.env.HQDS_DETACH,
  });
  fs.writeFileSync(pidFile, String(child.pid));
  const url = `http://localhost:${process.env.PORT || 3000}/preview.html`;
  // Give the server a moment to listen, then open the browser where there is one; always print the address.
  setTimeout(() => {
    const how = openCommand(process.platform, process.env);
    let opened = false;
    if (how) {
      try {
        const o = spawn(how.cmd, [...how.args, url], { stdio: 'ignore', detached: true });
        o.on('error', () => undefined); // no xdg-open: the banner still gives the address
        o.unref();
        opened = true;
      } catch {
        opened = false;
      }
    }
    console.log(banner(url, opened));
  }, 800);
  if (process.env.HQDS_DETACH) child.unref();
  else child.on('exit', (code) => process.exit(code ?? 0));
}

if (require.main === module) main();

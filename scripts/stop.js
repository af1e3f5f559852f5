#!/usr/bin/env node
// npm stop: ends the sideloaded session (desktop Excel) or the preview server.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pidFile = path.join(root, '.hqds-preview.pid');
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid);
    console.log(`预览服务（进程 ${pid}）已停止。`);
  } catch {
    console.log('预览服务已不在运行。');
  }
  fs.unlinkSync(pidFile);
} else if (process.platform === 'win32' || process.platform === 'darwin') {
  spawnSync('npx', ['office-addin-debugging', 'stop', 'manifest.xml'], {
    cwd: root,
    stdio: 'inherit',
    shell: true,
  });
} else {
  console.log('没有正在运行的预览服务。');
}

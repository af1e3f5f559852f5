#!/usr/bin/env node
// A static file server for dist/ on the loopback address only: the preview needs nothing more, and
// nothing here talks to any other host. Used by `npm start` (without Excel) and the end-to-end tests.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
};

function serve(root, port = 3000, host = '127.0.0.1') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname === '/') file = path.join(root, 'preview.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res
        .writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
          'Cache-Control': 'no-store',
        })
        .end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serve };

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  serve(path.resolve(__dirname, '..', 'dist'), port).then(
    () => console.log(`预览地址 / preview: http://localhost:${port}/preview.html`),
    (e) => {
      console.error(
        e.code === 'EADDRINUSE'
          ? `端口 ${port} 已被占用：先运行 npm stop，或设置 PORT=其他端口。`
          : String(e),
      );
      process.exit(2);
    },
  );
}

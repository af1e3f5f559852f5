#!/usr/bin/env node
// Draws the add-in icons (a green sheet with a header row and a check mark) as PNGs in assets/.
// Run once after changing the design; the PNGs are committed.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const green = [16, 124, 65, 255];
const white = [255, 255, 255, 255];
const light = [200, 230, 212, 255];
function pixel(x, y) {
  const m = 0.08;
  if (x < m || x > 1 - m || y < m || y > 1 - m) return [0, 0, 0, 0];
  // check mark
  const onCheck =
    (Math.abs(y - (0.62 + (x - 0.3))) < 0.06 && x > 0.3 && x < 0.45) ||
    (Math.abs(y - (0.77 - (x - 0.45) * 1.1)) < 0.06 && x >= 0.45 && x < 0.8);
  if (onCheck) return white;
  if (y < 0.3) return green;
  const gx = Math.abs((((x - m) / (1 - 2 * m)) * 3) % 1) < 0.06;
  const gy = Math.abs((((y - 0.3) / 0.62) * 3) % 1) < 0.06;
  return gx || gy ? green : light;
}
for (const s of [16, 32, 64, 80, 128])
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${s}.png`), png(s, pixel));
console.log('icons written');

// Draws the extension icon (images/icon.png, 128×128): a white report page with numbered heading
// lines on a red ground and a check mark. Dependency-free: shapes are sampled 4×4 per pixel and
// written as an RGBA PNG with node:zlib. Run `node scripts/make-icon.mjs` after changing it.
import { deflateSync, crc32 } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZE = 128;
const SS = 4; // supersampling per axis

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hx, dy = Math.abs(y - cy) - hy;
  const ox = Math.max(dx, 0), oy = Math.max(dy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(dx, dy), 0) - r;
}

/** Distance to a segment. */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t);
}

const RED = [183, 28, 28];
const WHITE = [255, 255, 255];
const INK = [120, 120, 120];
const HEAD = [183, 28, 28];
const GREEN = [46, 125, 50];

/** Colour (with alpha) of one sample point, painter's order. */
function sample(x, y) {
  let c = null;
  if (roundRect(x, y, 2, 2, 126, 126, 22) <= 0) c = RED;
  // the page, with a folded corner cut off
  const onPage = roundRect(x, y, 26, 14, 102, 114, 6) <= 0 && x - 26 + (114 - y) > 0 && !(x > 84 && y < 32 && x - 84 > y - 14);
  if (onPage) c = WHITE;
  if (x > 84 && y < 32 && x - 84 <= y - 14 && x <= 102 && y >= 14) c = [235, 205, 205];
  if (onPage) {
    // heading lines (red marker + grey text), then body lines
    const rows = [30, 46, 62, 78];
    rows.forEach((ry, i) => {
      if (segment(x, y, 38, ry, 44, ry) <= 3.2) c = HEAD;
      const end = i % 2 === 0 ? 80 : 70;
      if (i === 0 ? segment(x, y, 52, ry, 74, ry) <= 2.6 : segment(x, y, 52, ry, end, ry) <= 2.6) c = INK;
    });
  }
  // check mark in a green disc
  if (Math.hypot(x - 92, y - 96) <= 24) c = WHITE;
  if (Math.hypot(x - 92, y - 96) <= 20) c = GREEN;
  if (segment(x, y, 81, 96, 89, 104) <= 3.6 || segment(x, y, 89, 104, 104, 88) <= 3.6) c = WHITE;
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../images/icon.png', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);

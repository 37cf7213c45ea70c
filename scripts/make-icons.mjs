#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-16|32|64|80.png) without any image
// library or network: a deep-blue tile with three server-rack units, each with
// a green status light. Run `node scripts/make-icons.mjs` to regenerate them.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [16, 32, 64, 80];

const BLUE = [15, 76, 129, 255];
const RACK = [236, 242, 248, 255];
const LIGHT = [46, 204, 113, 255];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The colour of pixel (x, y) of a size × size icon. */
function pixel(x, y, size) {
  const r = Math.max(1, Math.round(size * 0.16)); // corner radius
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const margin = Math.round(size * 0.2);
  const unit = (size - 2 * margin) / 3;
  const gap = Math.max(1, Math.round(unit * 0.25));
  if (x < margin || x >= size - margin || y < margin || y >= size - margin) return BLUE;
  const i = Math.floor((y - margin) / unit);
  const inUnit = y - margin - i * unit;
  if (inUnit >= unit - gap) return BLUE;
  const lightSize = Math.max(1, Math.round(unit * 0.35));
  const lightX = size - margin - gap - lightSize;
  const lightY = margin + i * unit + (unit - gap - lightSize) / 2;
  if (x >= lightX && x < lightX + lightSize && y >= Math.floor(lightY) && y < Math.floor(lightY) + lightSize) {
    return LIGHT;
  }
  return RACK;
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(raw, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(join(root, "assets"), { recursive: true });
for (const size of SIZES) {
  const file = join(root, "assets", `icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${file}`);
}

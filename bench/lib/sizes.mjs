// File sizes as a reader downloads them: raw, gzip -9 and brotli -q 11 (Node's zlib), for every
// file under a folder. Used by the size measure and by the Yew floor.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function compress(buffer) {
  return {
    raw: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Every file under `dir` with its three sizes, and the totals of those `shippedNames(name)`
 * accepts (name relative to `dir`).
 */
export function sizeOf(dir, shippedNames) {
  const files = filesUnder(dir).map((file) => {
    const name = path.relative(dir, file);
    return { file: name, shipped: shippedNames(name), ...compress(readFileSync(file)) };
  });
  const shipped = files.filter((f) => f.shipped);
  const total = {
    raw: shipped.reduce((s, f) => s + f.raw, 0),
    gzip: shipped.reduce((s, f) => s + f.gzip, 0),
    brotli: shipped.reduce((s, f) => s + f.brotli, 0),
  };
  return { files, total };
}

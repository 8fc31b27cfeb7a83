// Printing: number formats and the plain-text tables the benchmark writes to stdout. Progress
// and failures of single runs go to stderr (`log`).

import { KB } from './settings.mjs';

export const ms = (x, digits = 1) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(digits)} ms`);
export const kb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / KB).toFixed(1)} KB`);
export const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1e6).toFixed(2)} MB`);
export const times = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(2)}×`);
export const int = (n) => (n === null || n === undefined ? 'n/a' : n.toLocaleString('en-GB'));

/** A titled table: first column left-aligned, the others right-aligned. */
export function table(title, headers, rows) {
  const all = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

/** An indented line under a table. */
export const note = (text) => console.log(`  ${text}`);
/** Progress and warnings, on stderr. */
export const log = (text) => console.error(`bench: ${text}`);

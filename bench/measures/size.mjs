// 1. Size: what a publisher ships, as a reader downloads it.
//
// Every file of the dist/ snapshot, raw, gzip -9 and brotli -q 11 (Node's zlib; 1 KB = 1,000
// bytes). The total is byline_bg.wasm + byline.js + byline.css, checked against the budget
// (issue 2: 90 KB brotli) and the goal (issue 6: 75 KB). A page in another language also loads
// one translation file (locales/<tag>.json); the largest is reported on top of the total. The
// rest of dist/ is the demo page and is listed but not counted.
//
// Writes results.size. Needs no browser.

import { int, kb, note, table } from '../lib/format.mjs';
import { BUDGET_GOAL_KB, BUDGET_NOW_KB, KB, SHIPPED, dist } from '../lib/settings.mjs';
import { sizeOf } from '../lib/sizes.mjs';

export function measureSize({ results }) {
  const size = sizeOf(dist, (name) => SHIPPED.includes(name));
  const missing = SHIPPED.filter((name) => !size.files.some((f) => f.file === name));
  if (missing.length) throw new Error(`dist/ lacks ${missing.join(', ')}`);
  const order = (f) => (f.shipped ? SHIPPED.indexOf(f.file) : 10);
  size.files.sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file));
  const brotli = size.total.brotli;
  size.budget = {
    brotliTotal: brotli,
    issue2: { limitKB: BUDGET_NOW_KB, pass: brotli <= BUDGET_NOW_KB * KB, marginBytes: BUDGET_NOW_KB * KB - brotli },
    issue6: { limitKB: BUDGET_GOAL_KB, pass: brotli <= BUDGET_GOAL_KB * KB, marginBytes: BUDGET_GOAL_KB * KB - brotli },
  };
  // A page not in English also loads one translation file (locales/<tag>.json).
  const translations = size.files.filter((f) => f.file.startsWith('locales/'));
  size.translationLargest = translations.reduce((max, f) => (f.brotli > (max?.brotli ?? -1) ? f : max), null);
  results.size = size;
  const label = (f) => (f.shipped ? 'shipped' : f.file.startsWith('locales/') ? 'shipped, one per non-English page' : 'demo page only');

  table(
    '1. Size of dist/ (1 KB = 1,000 bytes; gzip -9 and brotli -q 11 with Node zlib)',
    ['file', 'raw', 'gzip -9', 'brotli -q 11', ''],
    [
      ...size.files.map((f) => [f.file, int(f.raw), int(f.gzip), int(f.brotli), label(f)]),
      ['total shipped (wasm + js + css)', int(size.total.raw), int(size.total.gzip), int(size.total.brotli), kb(brotli) + ' brotli'],
    ],
  );
  const verdict = (b) =>
    b.pass
      ? `PASS (${kb(b.marginBytes)} under)`
      : `FAIL (${kb(-b.marginBytes)} over)`;
  note(`budget, issue 2: brotli total ≤ ${BUDGET_NOW_KB} KB: ${kb(brotli)} → ${verdict(size.budget.issue2)}`);
  note(`goal, issue 6:   brotli total ≤ ${BUDGET_GOAL_KB} KB: ${kb(brotli)} → ${verdict(size.budget.issue6)}`);
  const largest = size.translationLargest;
  if (largest) {
    note(`a page in another language adds its translation file: at most ${kb(largest.brotli)} brotli (${largest.file}), ${kb(brotli + largest.brotli)} in all`);
  }
}

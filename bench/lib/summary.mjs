// The closing summary: the key figures of this run beside those of the previous full run
// (bench/results/latest.json), with their targets.

import { int, kb, mb, ms, table, times } from './format.mjs';
import { BUDGET_GOAL_KB, BUDGET_NOW_KB } from './settings.mjs';

function keyFigures(r) {
  const lh = r?.lighthouse?.mobile ?? Object.values(r?.lighthouse ?? {}).find((x) => x?.ok);
  return [
    ['brotli total (wasm + js + css)', r?.size?.total?.brotli, (x) => kb(x), `≤ ${BUDGET_GOAL_KB} KB (now ≤ ${BUDGET_NOW_KB} KB)`],
    ['÷ Yew hello-world floor (brotli)', r?.floor?.ratioBrotli, times, ''],
    ['headline painted, widget (client-rendered)', r?.timeToArticle?.demo?.headlinePainted?.median, ms, ''],
    ['headline painted, static floor', r?.timeToArticle?.static?.headlinePainted?.median, ms, ''],
    ['headline: widget ÷ static', r?.timeToArticle?.ratio?.headlinePainted, times, '≤ 2.00×'],
    ['form interactive: widget ÷ static', r?.timeToArticle?.ratio?.formInteractive, times, ''],
    ['phone, 4× CPU, slow 4G: headline, pre-rendered ÷ static', r?.prerendered?.ratio?.headline, times, '≤ 1.05×'],
    ['phone, 4× CPU, slow 4G: form, pre-rendered ÷ static', r?.prerendered?.ratio?.form, times, '≤ 1.10×'],
    ['phone, 4× CPU, slow 4G: headline, client-rendered ÷ static', r?.prerendered?.ratio?.clientHeadline, times, '≤ 2.00×'],
    ['phone: CLS pre-rendered page, through the takeover', r?.prerendered?.prerendered?.cls?.median, (x) => x.toFixed(4), '0.00'],
    ['phone: Byline bytes requested before the widget starts (pre-rendered)', r?.prerendered?.prerendered?.bytesRequestedBeforeStart?.median, (x) => kb(x), '≤ 8.0 KB'],
    ['phone: widget start − load event (pre-rendered)', r?.prerendered?.prerendered?.startedAfterLoad?.median, ms, ''],
    ['phone: TBT pre-rendered − static', r?.prerendered?.tbtOverStatic, ms, '≤ 50 ms'],
    ['CLS demo page', r?.layoutShift?.demo?.median, (x) => x.toFixed(4), '0.00'],
    ['CLS demo page, phone viewport', r?.layoutShift?.demoMobile?.median, (x) => x.toFixed(4), '0.00'],
    ['CLS lazy page', r?.layoutShift?.lazy?.median, (x) => x.toFixed(4), '0.00'],
    ['typing: keystroke → paint, median', r?.typing?.keystrokeToPaint?.median, ms, '< 8 ms'],
    ['typing: keystroke → paint, worst', r?.typing?.keystrokeToPaint?.max, ms, ''],
    ['typing floor (plain textarea): keystroke → paint, median', r?.typing?.floor?.keystrokeToPaint?.median, ms, ''],
    ['render work, 10 paragraphs', r?.scaling?.articles?.find((a) => a.paragraphs === 10)?.work?.median, ms, ''],
    ['render work, 1,000 paragraphs', r?.scaling?.articles?.find((a) => a.paragraphs === 1000)?.work?.median, ms, ''],
    ['render work, 5,000 paragraphs', r?.scaling?.articles?.find((a) => a.paragraphs === 5000)?.work?.median, ms, ''],
    ['related work, 1,000-item feed', r?.scaling?.feeds?.find((a) => a.items === 1000)?.work?.median, ms, ''],
    ['JS heap after load', r?.memory?.afterLoad?.jsHeapUsed?.median, mb, ''],
    ['JS heap after cycles', r?.memory?.afterCycles?.jsHeapUsed?.median, mb, ''],
    ['wasm memory after cycles', r?.memory?.afterCycles?.wasmMemory?.median, mb, ''],
    ['instances() after cycles', r?.memory?.afterCycles?.instances?.median, int, '1'],
    ['Lighthouse performance', lh?.performance, String, '100'],
    ['Lighthouse accessibility', lh?.accessibility, String, '100'],
    ['Lighthouse best practices', lh?.bestPractices, String, '≥ 95'],
  ];
}

/** Prints the summary table; `previous` is the last full run's results, or null. */
export function printSummary(results, previous) {
  const now = keyFigures(results);
  const before = previous ? keyFigures(previous) : null;
  const fmt = (value, f) => (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? 'n/a' : f(value));
  table(
    `Summary${previous ? ` (previous: ${previous.meta?.date ?? '?'}, commit ${previous.meta?.commit ?? '?'}${previous.meta?.dirty ? '+dirty' : ''})` : ''}`,
    ['figure', 'this run', ...(before ? ['previous run'] : []), 'target'],
    now.map(([label, value, f, target], i) => [label, fmt(value, f), ...(before ? [fmt(before[i][1], before[i][2])] : []), target]),
  );
}

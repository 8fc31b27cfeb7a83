// 3. Time to article: how much later than plain HTML the reader sees the headline.
//
// Two pages carry the same article: the client-rendered demo page (dist/client.html, the widget;
// dist/index.html is the pre-rendered page since issue 13, measured by prerendered.mjs) and a
// static HTML page generated from the demo's own JSON-LD (bench/lib/pages.mjs writes it to
// bench/pages/static.html: the floor no script can beat). Each is loaded cold (a fresh browser
// context, so the wasm is fetched and compiled every time), alternately, BENCH_RUNS times after
// one uncounted warm-up each, at 1280×720, served compressed like a CDN. The probes
// (bench/lib/probes.mjs) record, in ms since navigation start, when the headline is first
// painted (the frame in which it is present has rendered; also Element Timing and a second rAF
// as an upper bound), when the reply form is interactive, byline:ready, and when byline.js and
// the wasm arrived and were compiled. The figure to watch is the ratio of the medians, widget ÷
// static (target: 2.0×).
//
// Writes results.timeToArticle, and results.layoutShift.demo / .static / .demoShifts: the
// layout shift of these same loads (reported by the cls measure).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ms, note, table, times } from '../lib/format.mjs';
import { shiftsOfMedianRun } from '../lib/loads.mjs';
import { staticPage } from '../lib/pages.mjs';
import { RELATED_OR_GIVE_UP, RUNS, SETTLE_MS, dist, pagesDir } from '../lib/settings.mjs';
import { ratio, summary } from '../lib/stats.mjs';

export async function measureTimeToArticle({ results, session }) {
  const { server } = session;
  const demoHtml = readFileSync(path.join(dist, 'client.html'), 'utf8');
  const { html, article } = staticPage(demoHtml);
  writeFileSync(path.join(pagesDir, 'static.html'), html);
  const demoUrl = `${server.url}/dist/client.html`;
  const staticUrl = `${server.url}/bench/static.html`;
  const demoHasRelated = /<div data-byline\b[^>]*data-related=/.test(demoHtml);

  const demoOpts = {
    watch: ['headline', 'form', 'related', 'readyState'],
    until: `b.headline != null && b.form != null && b.readyPainted != null${demoHasRelated ? ` && ${RELATED_OR_GIVE_UP}` : ''}`,
    settleMs: SETTLE_MS,
  };
  const staticOpts = { watch: ['headline', 'form'], until: 'b.headline != null && b.form != null', settleMs: SETTLE_MS };

  // Warm-up (browser process, server, disk cache), not counted.
  await session.warmUp(demoUrl, demoOpts);
  await session.warmUp(staticUrl, staticOpts);

  const demo = [];
  const stat = [];
  for (let i = 0; i < RUNS; i++) {
    await session.sample(demo, demoUrl, demoOpts);
    await session.sample(stat, staticUrl, staticOpts);
  }
  // Each figure: the summary over the runs of one probe's milestone.
  const milestones = (runs, probes) =>
    Object.fromEntries(Object.entries(probes).map(([name, key]) => [name, summary(runs.map((r) => r[key] ?? null))]));
  const page = {
    headlinePainted: 'headline',
    headlineDoubleRaf: 'headlineRaf2',
    headlineElementTiming: 'elementTiming',
    formInteractive: 'form',
    domContentLoaded: 'domContentLoaded',
  };
  const t = {
    article: { headline: article.headline, paragraphs: String(article.articleBody ?? '').split(/\n\s*\n/).length },
    demo: {
      ...milestones(demo, {
        ...page,
        readyEvent: 'ready',
        relatedPainted: 'related',
        jsResponseEnd: 'jsResponseEnd',
        wasmResponseEnd: 'wasmResponseEnd',
        wasmInstantiated: 'instantiatedAt',
        wasmInstantiations: 'instantiations',
      }),
      consoleErrors: [...new Set(demo.flatMap((r) => r.consoleErrors))],
    },
    static: milestones(stat, page),
  };
  t.ratio = {
    headlinePainted: ratio(t.demo.headlinePainted.median, t.static.headlinePainted.median),
    headlineElementTiming: ratio(t.demo.headlineElementTiming.median, t.static.headlineElementTiming.median),
    formInteractive: ratio(t.demo.formInteractive.median, t.static.formInteractive.median),
  };
  results.timeToArticle = t;

  const row = (label, key, fmt = ms) => [label, fmt(t.demo[key]?.median), fmt(t.static[key]?.median), key in t.ratio ? times(t.ratio[key]) : ''];
  table(
    `3. Time to article: cold loads in fresh contexts, ms since navigation start, median of ${RUNS} (1280×720)`,
    ['milestone', 'widget (dist/client.html)', 'static HTML floor', 'widget ÷ floor'],
    [
      row('headline painted (rAF + post-frame task)', 'headlinePainted'),
      row('headline painted (Element Timing)', 'headlineElementTiming'),
      row('headline: second rAF (upper bound)', 'headlineDoubleRaf'),
      row('reply form interactive (submit enabled, painted)', 'formInteractive'),
      row('DOMContentLoaded', 'domContentLoaded'),
      ['byline.js received', ms(t.demo.jsResponseEnd.median), '', ''],
      ['byline_bg.wasm received', ms(t.demo.wasmResponseEnd.median), '', ''],
      ['wasm instance ready (compiled)', ms(t.demo.wasmInstantiated.median), '', ''],
      ['byline:ready event', ms(t.demo.readyEvent.median), '', ''],
      ['related stories painted', ms(t.demo.relatedPainted.median), '', ''],
    ],
  );
  note(`spread (min–max), headline: widget ${ms(t.demo.headlinePainted.min)}–${ms(t.demo.headlinePainted.max)}, static ${ms(t.static.headlinePainted.min)}–${ms(t.static.headlinePainted.max)}`);
  note(`target (issue 6): headline ≤ 2.0× the static floor → ${t.ratio.headlinePainted === null ? 'n/a' : t.ratio.headlinePainted <= 2 ? 'met' : 'not met'} (${times(t.ratio.headlinePainted)})`);
  const inst = t.demo.wasmInstantiations.median;
  if (inst !== null && inst > 1) {
    note(`note: the demo page instantiated the wasm module ${inst} times per load (median): more than one init runs.`);
  }
  if (t.demo.consoleErrors.length) note(`console errors on the demo page: ${t.demo.consoleErrors.join(' | ')}`);

  results.layoutShift = {
    demo: summary(demo.map((r) => r.cls)),
    static: summary(stat.map((r) => r.cls)),
    demoShifts: shiftsOfMedianRun(demo),
  };
}

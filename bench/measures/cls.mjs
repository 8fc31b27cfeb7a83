// 4. Cumulative layout shift: does the page move while the widget arrives?
//
// CLS is the sum of layout-shift entries without recent input, from load until byline:ready has
// been painted plus 500 ms, median of BENCH_RUNS cold loads. Three pages (the demo page is the
// client-rendered one, dist/client.html; the pre-rendered dist/index.html is prerendered.mjs's):
// - the demo page at 1280×720 (from the loads of the time-to-headline measure, which runs
//   first; without it that row is n/a);
// - the demo page at 412×823, Lighthouse's phone size, where the sidebar sits below the story
//   (a plain narrow viewport, not Playwright's `isMobile` emulation: with it Chromium reported
//   no layout-shift entries for the very shift Lighthouse's mobile run scored, 0.503 when this
//   was written, while a plain 412-px viewport reports the value Lighthouse does);
// - bench/pages/lazy.html: a `data-loading="lazy"` host below the fold, scrolled into view
//   300 ms after load (also reported: whether the wasm was fetched before the scroll, and the
//   time from scroll to article painted).
// The shifts of the median run are listed with their time and the elements that moved.
//
// Writes results.layoutShift.demoMobile, .lazy and their details.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ms, note, table } from '../lib/format.mjs';
import { shiftsOfMedianRun } from '../lib/loads.mjs';
import { RELATED_OR_GIVE_UP, RUNS, SETTLE_MS, dist } from '../lib/settings.mjs';
import { summary } from '../lib/stats.mjs';

/** Lighthouse's Moto G Power viewport (412×823), without device emulation (see above). */
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 };

export async function measureLayoutShift({ results, session }) {
  const { server } = session;
  // The demo page again, on a phone-width viewport (no CPU or network throttling).
  const demoHtml = readFileSync(path.join(dist, 'client.html'), 'utf8');
  const demoHasRelated = /<div data-byline\b[^>]*data-related=/.test(demoHtml);
  const mobileRuns = [];
  for (let i = 0; i < RUNS; i++) {
    await session.sample(mobileRuns, `${server.url}/dist/client.html`, {
      watch: ['headline', 'related'],
      until: `b.readyPainted != null${demoHasRelated ? ` && ${RELATED_OR_GIVE_UP}` : ''}`,
      settleMs: SETTLE_MS,
      device: MOBILE,
    });
  }

  const url = `${server.url}/bench/lazy.html`;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    let beforeScroll = null;
    let scrolledAt = null;
    await session.sample(runs, url, {
      watch: ['headline', 'readyState'],
      until: 'b.readyPainted != null',
      settleMs: SETTLE_MS,
      before: async (page) => {
        await page.waitForTimeout(300);
        beforeScroll = await page.evaluate(() => ({
          instantiations: window.__bench.instantiations,
          wasmRequested: performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')),
          state: document.querySelector('[data-byline]').getAttribute('data-byline-state'),
        }));
        scrolledAt = await page.evaluate(() => {
          document.querySelector('[data-byline]').scrollIntoView({ block: 'start' });
          return performance.now();
        });
      },
    }, () => ({ beforeScroll, scrolledAt }));
  }
  const ls = (results.layoutShift ??= {});
  ls.demoMobile = summary(mobileRuns.map((r) => r.cls));
  ls.demoMobileShifts = shiftsOfMedianRun(mobileRuns);
  ls.lazy = summary(runs.map((r) => r.cls));
  ls.lazyShifts = shiftsOfMedianRun(runs);
  ls.lazyScrollToPainted = summary(runs.map((r) => (r.readyPainted ?? NaN) - r.scrolledAt));
  ls.lazyWasmBeforeScroll = runs.filter((r) => r.beforeScroll?.wasmRequested).length;

  const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(4));
  table(
    `4. Cumulative layout shift (sum of layout-shift entries without recent input, from load until ready + ${SETTLE_MS} ms), median of ${RUNS}`,
    ['page', 'CLS median', 'worst', 'target'],
    [
      ['demo page (dist/client.html), 1280×720', fmt(ls.demo?.median), fmt(ls.demo?.max), '0.00'],
      ['demo page, 412×823 phone-width viewport', fmt(ls.demoMobile.median), fmt(ls.demoMobile.max), '0.00'],
      ['lazy host (bench/pages/lazy.html), scrolled into view', fmt(ls.lazy.median), fmt(ls.lazy.max), '0.00'],
      ['static HTML floor (reference)', fmt(ls.static?.median), fmt(ls.static?.max), ''],
    ],
  );
  const describe = (shifts) =>
    shifts.map((x) => `${x.value.toFixed(4)} at ${ms(x.at, 0)}${x.sinceReady === null ? '' : ` (ready ${x.sinceReady >= 0 ? '+' : '−'}${Math.abs(x.sinceReady).toFixed(0)} ms)`}: ${x.sources.join(', ')}`).join('; ');
  if (ls.demoShifts?.length) note(`demo page, shifts in the median run: ${describe(ls.demoShifts)}`);
  if (ls.demoMobileShifts.length) note(`demo page on a phone, shifts in the median run: ${describe(ls.demoMobileShifts)}`);
  if (ls.lazyShifts.length) note(`lazy page, shifts in the median run: ${describe(ls.lazyShifts)}`);
  note(`lazy page: wasm fetched before the scroll in ${ls.lazyWasmBeforeScroll} of ${RUNS} loads; scroll → article painted ${ms(ls.lazyScrollToPainted.median)} (median)`);
}

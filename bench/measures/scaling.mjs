// 6. Scaling: does the render cost grow no faster than the content?
//
// Generated host pages (bench/lib/pages.mjs, served from memory at /bench/generated/): an
// inline JSON-LD article of 10, 100, 1,000 and 5,000 paragraphs, and an inline JSON Feed of 20
// and 1,000 items (data-related-limit=20). Each is loaded cold BENCH_RUNS times, the sizes
// interleaved so that drift in machine load spreads over every size alike, after one uncounted
// warm-up. "work" is the time from the wasm instance being ready (fetched and compiled: the same
// for every size) to the article (or the related list) painted; navigation-based figures carry
// the network and the compile, whose noise would swamp the differences between sizes. The
// verdict compares the cost per added paragraph from 1,000 to 5,000 with that from 100 to
// 1,000: no worse than linear when it does not grow. The widget renders at most 1,000
// paragraphs at once (then a "Show more" button), so larger articles are parsed in full and
// rendered in part.
//
// Writes results.scaling.

import { int, ms, note, table } from '../lib/format.mjs';
import { scalingArticlePage, scalingRelatedPage } from '../lib/pages.mjs';
import { RUNS } from '../lib/settings.mjs';
import { median, summary } from '../lib/stats.mjs';

export async function measureScaling({ results, session }) {
  const { server } = session;
  const paragraphSizes = [10, 100, 1000, 5000];
  const feedSizes = [20, 1000];
  for (const n of paragraphSizes) {
    const html = scalingArticlePage(n);
    server.setRoute('GET', `/bench/generated/article-${n}.html`, { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html });
  }
  for (const n of feedSizes) {
    const html = scalingRelatedPage(n);
    server.setRoute('GET', `/bench/generated/related-${n}.html`, { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html });
  }
  const articleOpts = { watch: ['headline'], until: 'b.readyPainted != null', elementTiming: false, timeout: 60_000 };
  const relatedOpts = { watch: ['related'], until: 'b.related != null && b.readyPainted != null', elementTiming: false, timeout: 60_000 };

  await session.warmUp(`${server.url}/bench/generated/article-10.html`, articleOpts);

  const articles = Object.fromEntries(paragraphSizes.map((n) => [n, []]));
  const feeds = Object.fromEntries(feedSizes.map((n) => [n, []]));
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so drift in machine load spreads over every size alike.
    for (const n of paragraphSizes) await session.sample(articles[n], `${server.url}/bench/generated/article-${n}.html`, articleOpts);
    for (const n of feedSizes) await session.sample(feeds[n], `${server.url}/bench/generated/related-${n}.html`, relatedOpts);
  }

  // "work": from the wasm instance being ready (fetched and compiled: the same for every size)
  // to the rendered article painted. Navigation-based figures carry the network and the
  // compile, whose noise would swamp the differences between sizes.
  const articleRows = paragraphSizes.map((n) => {
    const runs = articles[n];
    return {
      paragraphs: n,
      rendered: median(runs.map((r) => r.paragraphsRendered)),
      readyEvent: summary(runs.map((r) => r.ready)),
      readyPainted: summary(runs.map((r) => r.readyPainted)),
      instantiated: summary(runs.map((r) => r.instantiatedAt)),
      work: summary(runs.map((r) => r.readyPainted - r.instantiatedAt)),
    };
  });
  const base = articleRows[0];
  for (const row of articleRows) {
    row.overBaseline = row.work.median - base.work.median;
    row.perParagraphOverBaseline = row.paragraphs === base.paragraphs ? null : row.overBaseline / (row.paragraphs - base.paragraphs);
  }
  const feedRows = feedSizes.map((n) => {
    const runs = feeds[n];
    return {
      items: n,
      rendered: median(runs.map((r) => r.relatedRendered)),
      relatedPainted: summary(runs.map((r) => r.related)),
      work: summary(runs.map((r) => r.related - r.instantiatedAt)),
      afterReady: summary(runs.map((r) => r.related - r.ready)),
    };
  });
  const feedBase = feedRows[0];
  for (const row of feedRows) {
    row.overBaseline = row.work.median - feedBase.work.median;
    row.perItemOverBaseline = row.items === feedBase.items ? null : row.overBaseline / (row.items - feedBase.items);
  }
  // Linearity: the cost of each step in size, per added paragraph, should not grow with size.
  const slope = (a, b) => (b.work.median - a.work.median) / (b.paragraphs - a.paragraphs);
  const slopes = articleRows.slice(1).map((row, i) => ({ from: articleRows[i].paragraphs, to: row.paragraphs, msPerParagraph: slope(articleRows[i], row) }));
  const mid = slopes.find((s) => s.to === 1000)?.msPerParagraph;
  const last = slopes.find((s) => s.to === 5000)?.msPerParagraph;
  const verdict =
    mid === undefined || last === undefined
      ? 'n/a'
      : last <= Math.max(mid * 1.5, 0.01)
        ? 'no worse than linear (the cost per added paragraph does not grow with size)'
        : `the cost per added paragraph grows: ${last.toFixed(3)} ms (1,000→5,000) against ${mid.toFixed(3)} ms (100→1,000)`;
  results.scaling = { articles: articleRows, slopes, verdict, feeds: feedRows };

  table(
    `6. Scaling: inline JSON-LD articles, cold loads, median of ${RUNS}. work = wasm instance ready → article painted`,
    ['article', 'rendered', 'navigation → painted', 'work', 'work over 10 paragraphs', 'per added paragraph'],
    articleRows.map((r) => [
      `${int(r.paragraphs)} paragraphs`,
      int(r.rendered),
      ms(r.readyPainted.median),
      ms(r.work.median),
      ms(r.overBaseline),
      r.perParagraphOverBaseline === null ? '' : ms(r.perParagraphOverBaseline, 3),
    ]),
  );
  note(`step costs (work): ${slopes.map((s) => `${int(s.from)}→${int(s.to)}: ${ms(s.msPerParagraph, 3)}/paragraph`).join('; ')}`);
  note(`verdict: ${verdict}`);
  if (articleRows.some((r) => r.rendered < r.paragraphs)) {
    note('the widget renders the first 1,000 paragraphs and a "Show more" button: larger articles are parsed in full, rendered in part.');
  }
  table(
    `   Related stories: inline JSON Feed, data-related-limit=20; work = wasm instance ready → .byline-related painted, median of ${RUNS}`,
    ['feed', 'items shown', 'navigation → painted', 'work', 'after byline:ready', 'work over 20 items', 'per added item'],
    feedRows.map((r) => [
      `${int(r.items)} items`,
      int(r.rendered),
      ms(r.relatedPainted.median),
      ms(r.work.median),
      ms(r.afterReady.median),
      ms(r.overBaseline),
      r.perItemOverBaseline === null ? '' : ms(r.perItemOverBaseline, 4),
    ]),
  );
}

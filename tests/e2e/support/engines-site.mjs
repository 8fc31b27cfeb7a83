// What the cross-engine suite (engines.test.mjs) needs besides the driver layer: its
// pre-rendered pages, a WordPress that takes anonymous REST comments, and what the reply
// section says after a send. No npm dependencies.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { projectRoot } from './server.mjs';
import { pluginSuiteRunning, runUpSh } from './wordpress.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The story's headline on every page of the suite. */
export const HEADLINE = 'Tidal barrier closes for the first time as storm surge hits the estuary';

/** Selectors of the widget's parts (docs/dom.md). */
export const S = {
  host: '[data-byline]',
  root: '.byline-root',
  headline: 'h1.byline-headline',
  comment: 'textarea[name="comment"]',
  name: 'input[name="author"]',
  email: 'input[name="email"]',
  submit: '.byline-submit',
  summary: '.byline-error-summary',
  status: '.byline-status-region',
  alert: '.byline-alert-region',
};

const ARTICLE = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: HEADLINE,
  description: 'The gates came down at 4.10am, two hours before high water.',
  url: 'https://www.estuary-gazette.example/news/tidal-barrier-first-closure',
  datePublished: '2025-11-06T05:45:00Z',
  articleSection: 'Flooding',
  author: { '@type': 'Person', name: 'Morwenna Tregear' },
  image: { '@type': 'ImageObject', url: '/fixtures/harbour-seals.svg', width: 640, height: 360, caption: 'The barrier from the north bank.' },
  articleBody:
    "The estuary's tidal barrier was closed for the first time in its forty-year history early on Thursday.\n\n" +
    '“We have practised this every month for forty years,” said the duty engineer.',
};

const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Flooding',
  items: [
    { id: '1', url: 'https://www.estuary-gazette.example/news/surge-forecast', title: 'How the surge forecast is made', date_published: '2025-11-06T07:30:00Z' },
    { id: '2', url: 'https://www.estuary-gazette.example/news/wardens', title: 'Volunteer flood wardens wanted', summary: 'One in every ward.' },
  ],
};

/**
 * A publisher page whose host posts in `form` mode to the test server, so a form is
 * pre-rendered and no thread is shown (a thread, client-side only, would arrive above the
 * form after the takeover). `above`: markup before the host (a tall block keeps the form out
 * of reach of the viewport).
 */
function storyPage({ title, above = '', body = '' }) {
  const bodySource = body ? ' data-article-body="#story-body"' : '';
  const template = body ? `\n    <template id="story-body">${body}</template>` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} – The Estuary Gazette</title>
  <link rel="stylesheet" href="/dist/byline.css">
  <script src="/hosts/engines-tripwire.js"></script>
  <script type="module" src="/dist/byline.js"></script>
  <script type="application/ld+json">${JSON.stringify(ARTICLE)}</script>
</head>
<body>
  <header><p>The Estuary Gazette</p></header>
  <main>
    ${above}
    <div data-byline data-related="/site/feeds/flooding.json" data-reply-endpoint="/api/comments-form"
         data-reply-format="form" data-post-id="77"${bodySource}><p>Loading the story…</p></div>${template}
  </main>
  <footer><p>The Estuary Gazette, Quay Street.</p></footer>
</body>
</html>
`;
}

/** A rich article body (CONTRACT 3b), a little hostile markup in it. */
const RICH_BODY = `
  <p>The gates came down at <time datetime="2025-11-06T04:10:00Z">4.10am</time>, <a href="https://www.estuary-gazette.example/maps/barrier">two hours</a> before high water.</p>
  <h1>What the engineers did</h1>
  <ul><li>Closed the <abbr title="north">N</abbr> gate</li><li>Called the <em>harbour</em> office<br>at once</li></ul>
  <figure><img src="/fixtures/harbour-seals.svg" srcset="/fixtures/harbour-seals.svg 1x, /fixtures/victoria-baths.svg 2x" width="640" height="360" alt="The gates"><figcaption>The gates at dawn.</figcaption></figure>
  <div class="wp-block-columns"><div><p>Unwrapped <span>content</span> stays.</p></div></div>
  <table><caption>Closures</caption><tr><th scope="row">2025</th><td colspan="2">1</td></tr></table>
  <figure class="wp-block-pullquote"><blockquote><p>Two hours to spare.</p><cite>The duty engineer</cite></blockquote></figure>
  <p onclick="window.__tripped('onclick')">A paragraph whose handler is dropped.</p>
  <img src="/fixtures/missing.png" onerror="window.__tripped('onerror')" alt="">
  <script>window.__tripped('script')</script>
  <p></p>`;

/**
 * Writes the suite's pages into a temporary folder (served at /site/) and runs
 * scripts/prerender on them: story.html (the form in view), story-below.html (the story
 * below a screen-high block) and story-rich.html (a rich body). Returns { dir, remove() }.
 */
export function prerenderSite() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'byline-engines-'));
  const dir = path.join(tmp, 'site');
  mkdirSync(path.join(dir, 'feeds'), { recursive: true });
  writeFileSync(path.join(dir, 'feeds', 'flooding.json'), JSON.stringify(FEED));
  writeFileSync(path.join(dir, 'story.html'), storyPage({ title: 'Tidal barrier (pre-rendered)' }));
  writeFileSync(
    path.join(dir, 'story-below.html'),
    storyPage({ title: 'Tidal barrier (pre-rendered, below the fold)', above: '<div style="block-size: 400vh">The day’s other news</div>' }),
  );
  writeFileSync(path.join(dir, 'story-rich.html'), storyPage({ title: 'Tidal barrier (pre-rendered, rich body)', body: RICH_BODY }));
  const files = ['story.html', 'story-below.html', 'story-rich.html'].map((name) => path.join(dir, name));
  const run = spawnSync(path.join(projectRoot, 'scripts', 'prerender'), ['--root', tmp, ...files], {
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (run.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`scripts/prerender failed (${run.status}):\n${run.stdout}${run.stderr}`);
  }
  return { dir, remove: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** WordPress's answer code to an anonymous REST comment with no text (nothing is stored). */
async function anonymousRestAnswer(env) {
  const response = await fetch(env.REST_COMMENTS, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ post: Number(env.POST_ID), content: '' }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json().catch(() => ({}))).code ?? `HTTP ${response.status}`;
}

/**
 * Makes sure the shared WordPress takes anonymous REST comments on the test post. Another
 * suite may have switched it since ensureWordPress() (WP_ANON_REST=0, its plugin): once the
 * plugin suite no longer holds WordPress (it runs in another process: wait up to 5 minutes),
 * up.sh runs again with its default knobs.
 */
export async function anonymousRestReady(wp, { log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if ((await anonymousRestAnswer(wp.env)) !== 'rest_comment_login_required') return;
  const since = Date.now();
  while (pluginSuiteRunning() && Date.now() - since < 5 * 60_000) await sleep(2000);
  log('WordPress refuses anonymous REST comments (a knob another suite set): running up.sh with its defaults');
  runUpSh();
  const code = await anonymousRestAnswer(wp.env);
  if (code === 'rest_comment_login_required') throw new Error('WordPress still refuses anonymous REST comments after up.sh');
}

/** How many byline:reply-sent and byline:reply-failed events the page has seen. */
export function replyEvents(page) {
  return page.evaluate(() => (window.__e2eEvents ?? []).filter((e) => e.type.startsWith('byline:reply-')).length);
}

/**
 * Clicks `S.submit` and returns what the reply section says once the send has ended (a
 * byline:reply-sent or byline:reply-failed event): { status, alert, event }.
 */
export async function sendAndRead(page, S, { timeout = 20_000 } = {}) {
  const before = await replyEvents(page);
  await page.click(S.submit);
  return page.waitFor(
    ([status, alert, before], $$) => {
      const events = (window.__e2eEvents ?? []).filter((e) => e.type.startsWith('byline:reply-'));
      if (events.length <= before) return false;
      const text = (sel) => {
        const region = $$(sel)[0]?.cloneNode(true);
        region?.querySelectorAll('button').forEach((b) => b.remove());
        return region?.textContent.replace(/\s+/g, ' ').trim() ?? '';
      };
      const said = { status: text(status), alert: text(alert), event: events.at(-1).type };
      return said.status || said.alert ? said : false;
    },
    [S.status, S.alert, before],
    { timeout, what: 'the end of the send (byline:reply-sent or -failed, and a status or alert)' },
  );
}

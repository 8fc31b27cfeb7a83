// Pre-rendered pages (CONTRACT 9), end to end: hand-written publisher pages are run through
// scripts/prerender, then read with scripts off (article, related links, a plain form that
// lands a reply in the real WordPress of ../shared/wordpress, in form mode and in json mode
// with data-reply-action) and with scripts on (the widget takes over with no layout shift,
// keeping what the reader typed, ticked and focused; axe-core before and after; hostile
// article and feed fields never execute).
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/prerender.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { assertDistBuilt, distDir, projectRoot, startServer } from './support/server.mjs';
import { formatViolations, launch, newPage, recordShifts, runAxe, waitForWidget } from './support/browser.mjs';
import { ensureWordPress } from './support/wordpress.mjs';

const HOST = '[data-byline]';
const VECTORS_FILE = path.resolve(projectRoot, '..', 'shared', 'data', 'xss-rsnake.txt');
const VECTORS = existsSync(VECTORS_FILE)
  ? readFileSync(VECTORS_FILE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '')
  : [];

const ARTICLE = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Ferry timetable returns after the winter storms',
  description: 'The crossing runs hourly again from Monday; the night boat follows in March.',
  datePublished: '2026-11-30',
  author: { '@type': 'Person', name: 'Ines Okafor', url: 'https://news.example/ines' },
  articleSection: 'Coast',
  articleBody:
    'The harbour office confirmed on Friday that the hourly crossing resumes on Monday.\n\n' +
    '“We have waited since January,” said one commuter.\n\n' +
    'Repairs to the slipway cost more than planned, the council said.',
};

/** A JSON Feed whose links stay on this test server (a link a reader can follow). */
const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Coast',
  items: [
    { id: '1', url: '/site/other.html', title: 'Slipway repairs: the full bill', date_published: '2026-11-29T08:00:00Z' },
    { id: '2', url: '/site/other.html#two', title: 'Night boat returns in March', summary: 'The council confirms the date.' },
  ],
};

/**
 * A publisher's page: one host with `attributes` (none when null), then `body`. The article's
 * canonical URL is the page's own address (`canonical`): the pre-renderer, which cannot know
 * where a page will be served, resolves the feed's relative links against it.
 */
function page({ title, canonical, attributes = null, body = '', lang = 'en-GB' }) {
  const article = { ...ARTICLE, url: canonical };
  const attrs = Object.entries(attributes ?? {})
    .map(([name, value]) => ` ${name}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const host = attributes ? `<div data-byline${attrs}><p>Loading the story…</p></div>` : '';
  return `<!doctype html>
<html${lang ? ` lang="${lang}"` : ''}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/site/byline/byline.css">
  <script type="module" src="/site/byline/byline.js"></script>
  <script type="application/ld+json">${JSON.stringify(article).replace(/</g, '\\u003c')}</script>
  <script>window.__xss = 0; for (const f of ['alert', 'prompt', 'confirm']) window[f] = () => { window.__xss += 1; };</script>
</head>
<body>
  <header><p>The Estuary Courier</p></header>
  <main>
    ${host}
    ${body}
  </main>
  <footer><p>Footer of the publisher's page</p></footer>
</body>
</html>
`;
}

let tmp;
let server;
let browser;
let wp = null;
let wpSkip = '';
let prerenderOutput = '';

/** A URL of the site under test. */
const url = (name) => `${server.url}/site/${name}`;

before(async () => {
  assertDistBuilt();
  if (VECTORS.length === 0) throw new Error(`no XSS vectors: ${VECTORS_FILE} is missing or empty`);
  // A WordPress that cannot start fails the suite; only a machine without ../shared/wordpress skips.
  wp = await ensureWordPress();
  if (!wp) wpSkip = 'no ../shared/wordpress';
  tmp = mkdtempSync(path.join(os.tmpdir(), 'byline-prerender-'));
  const site = path.join(tmp, 'site');
  mkdirSync(path.join(site, 'feeds'), { recursive: true });
  cpSync(distDir(), path.join(site, 'byline'), { recursive: true });
  writeFileSync(path.join(site, 'feeds', 'coast.json'), JSON.stringify(FEED));
  writeFileSync(path.join(site, 'other.html'), '<!doctype html><html lang="en"><head><title>Slipway repairs</title></head><body><main><h1>Slipway repairs</h1></main></body></html>');
  const env = wp?.env ?? { POST_ID: '1', FORM_ACTION: 'http://127.0.0.1:9/wp-comments-post.php', REST_COMMENTS: 'http://127.0.0.1:9/wp-json/wp/v2/comments' };
  const common = { 'data-related': '/site/feeds/coast.json', 'data-post-id': env.POST_ID };
  server = await startServer({ mounts: [{ prefix: '/site/', dir: site }] });
  // Not pre-rendered: data-loading="idle" written out on a client-rendered host, below the
  // fold (a host in view, with nothing to read yet, starts at once: it is where the form goes).
  writeFileSync(path.join(site, 'client-idle.html'), page({
    title: 'Story (client-rendered, idle)',
    canonical: url('client-idle.html'),
    body: `<div style="block-size: 4000px">Above the story</div><div data-byline data-loading="idle" data-related="/site/feeds/coast.json"></div>`,
  }));
  writeFileSync(path.join(site, 'story-json.html'), page({
    title: 'Story (json)',
    canonical: url('story-json.html'),
    attributes: { ...common, 'data-reply-endpoint': env.REST_COMMENTS, 'data-reply-action': env.FORM_ACTION },
  }));
  writeFileSync(path.join(site, 'story-nolang.html'), page({
    title: 'Story (no language)',
    canonical: url('story-nolang.html'),
    lang: null,
    attributes: { ...common, 'data-reply-endpoint': env.REST_COMMENTS, 'data-reply-action': env.FORM_ACTION },
  }));
  writeFileSync(path.join(site, 'story-form.html'), page({
    title: 'Story (form)',
    canonical: url('story-form.html'),
    attributes: { ...common, 'data-reply-endpoint': env.FORM_ACTION, 'data-reply-format': 'form' },
  }));
  // Every vector in every article text field and URL, and in a feed's titles, links and
  // summaries: one host per vector.
  const hostile = VECTORS.map((vector, i) => {
    const article = {
      '@type': 'NewsArticle', headline: vector, description: vector, articleSection: vector,
      author: { name: vector, url: vector }, publisher: { name: vector }, articleBody: `${vector}\n\n${vector}`,
      image: { url: vector, caption: vector, width: 10, height: 10 }, url: vector, datePublished: vector,
    };
    const feed = { version: 'https://jsonfeed.org/version/1.1', items: [
      { id: 'a', url: vector, title: vector, summary: vector, image: vector },
      { id: 'b', url: `/site/other.html?${i}`, title: vector, content_html: vector, date_published: vector },
    ] };
    const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
    return `<section aria-label="Vector ${i + 1}"><div data-byline data-article="#a${i}" data-related="#f${i}" data-reply-action="/site/reply"><script type="application/ld+json" id="a${i}">${json(article)}</script><script type="application/json" id="f${i}">${json(feed)}</script></div></section>`;
  });
  writeFileSync(path.join(site, 'hostile.html'), page({ title: 'Hostile', canonical: url('hostile.html'), body: hostile.join('\n') }));
  const files = ['story-json.html', 'story-nolang.html', 'story-form.html', 'hostile.html'].map((f) => path.join(site, f));
  const run = spawnSync(path.join(projectRoot, 'scripts', 'prerender'), ['--root', tmp, ...files], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  prerenderOutput = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, `scripts/prerender failed:\n${prerenderOutput}`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * Records, at the load event (the idle start comes after it), which of Byline's files the page
 * had requested and the host's state: `window.__atLoad`. An init script.
 */
function recordAtLoad() {
  window.addEventListener('load', () => {
    window.__atLoad = {
      files: performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/site/byline/'))
        .sort(),
      state: document.querySelector('[data-byline]')?.getAttribute('data-byline-state') ?? null,
    };
  });
}

/** Holds byline_bg.wasm until `release()` is called, so a test acts before the takeover. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  let requested = false;
  await page.route('**/byline_bg.wasm', async (route) => {
    requested = true;
    await gate;
    await route.continue();
  });
  return { release, requested: () => requested };
}

describe('scripts off: the pre-rendered page reads and works alone', () => {
  test('the article, related links and a plain form are in the HTML', async () => {
    const r = await newPage(browser, { javaScriptEnabled: false });
    try {
      await r.page.goto(url('story-json.html'));
      const host = r.page.locator(HOST);
      assert.ok(await host.getAttribute('data-byline-prerendered'), 'host marked as pre-rendered');
      assert.equal(await r.page.locator('h1').count(), 1);
      assert.equal(await r.page.locator('h1').textContent(), ARTICLE.headline);
      assert.equal(await host.locator('.byline-paragraph, .byline-quote').count(), 3);
      assert.match(await host.locator('.byline-standfirst').textContent(), /hourly again/);
      const links = host.locator('.byline-related a[href]');
      assert.equal(await links.count(), 2);
      const form = host.locator('form');
      assert.equal(await form.getAttribute('method'), 'post');
      assert.equal(await form.getAttribute('action'), wp?.env.FORM_ACTION ?? 'http://127.0.0.1:9/wp-comments-post.php');
      for (const name of ['comment', 'author', 'email', 'url', 'comment_post_ID', 'comment_parent']) {
        assert.equal(await form.locator(`[name="${name}"]`).count(), 1, `field ${name}`);
      }
      assert.notEqual(await form.locator('[name="comment"]').getAttribute('required'), null);
      assert.equal(await form.locator('[name="email"]').getAttribute('type'), 'email');
      // Follows a related link like any link.
      await links.first().click();
      await r.page.waitForURL(/\/site\/other\.html$/);
      assert.equal(await r.page.locator('h1').textContent(), 'Slipway repairs');
    } finally {
      await r.close();
    }
  });

  for (const [mode, file] of [['form', 'story-form.html'], ['json with data-reply-action', 'story-json.html']]) {
    test(`a reply sent through the plain form lands in WordPress (${mode} mode)`, async (t) => {
      if (!wp) return t.skip(wpSkip);
      const wait = wp.floodWait();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      const text = `Plain form reply, ${mode}, ${Date.now()}`;
      const r = await newPage(browser, { javaScriptEnabled: false });
      try {
        await r.page.goto(url(file));
        const form = r.page.locator(`${HOST} form`);
        await form.locator('[name="comment"]').fill(text);
        await form.locator('[name="author"]').fill('Plain Reader');
        await form.locator('[name="email"]').fill('plain@example.com');
        await Promise.all([
          r.page.waitForURL((u) => u.href.startsWith(wp.env.BASE_URL)),
          form.locator('[type="submit"]').click(),
        ]);
      } finally {
        await r.close();
      }
      const landed = wp.comments(wp.env.POST_ID).find((c) => c.comment_content === text);
      assert.ok(landed, `the reply is in WordPress's database: ${text}`);
      assert.equal(String(landed.comment_post_ID), String(wp.env.POST_ID));
      assert.equal(landed.comment_author, 'Plain Reader');
    });
  }
});

describe('scripts on: the widget takes over without a visible change', () => {
  test('no layout shift; text typed and a box ticked before the start are kept, with the focus and caret', async () => {
    const r = await newPage(browser, { viewport: { width: 800, height: 900 } });
    try {
      await r.page.addInitScript(recordShifts);
      const wasm = await holdWasm(r.page);
      await r.page.goto(url('story-json.html'));
      const form = r.page.locator(`${HOST} form`);
      // The reader fills in the pre-rendered form: touching it asks for the widget.
      await form.locator('[name="author"]').fill('Early Reader');
      await form.locator('[name="wp-comment-cookies-consent"]').check();
      const comment = form.locator('[name="comment"]');
      await comment.fill('Typed before the widget started');
      await comment.evaluate((el) => el.setSelectionRange(5, 11));
      assert.ok(wasm.requested(), 'touching the form fetched the wasm');
      assert.equal(await r.page.evaluate(() => document.activeElement?.getAttribute('name')), 'comment');
      wasm.release();
      await waitForWidget(r.page);
      const live = r.page.locator(`${HOST} .byline-mount form`);
      await live.waitFor();
      assert.equal(await r.page.locator('h1').count(), 1, 'the pre-rendered markup is gone');
      assert.equal(await live.locator('[name="comment"]').inputValue(), 'Typed before the widget started');
      assert.equal(await live.locator('[name="author"]').inputValue(), 'Early Reader');
      assert.ok(await live.locator('[name="wp-comment-cookies-consent"]').isChecked());
      const focus = await r.page.evaluate(() => {
        const el = document.activeElement;
        return { name: el?.getAttribute('name'), live: !!el?.closest('.byline-mount'), start: el?.selectionStart, end: el?.selectionEnd };
      });
      assert.deepEqual(focus, { name: 'comment', live: true, start: 5, end: 11 });
      // The widget's state follows the carried-over text: sending validates the email only.
      await live.locator('[type="submit"]').click();
      const summary = r.page.locator(`${HOST} .byline-error-summary`);
      await summary.waitFor();
      const listed = await summary.locator('a').allTextContents();
      assert.equal(listed.length, 1, `only the email is missing: ${listed.join(' | ')}`);
      const shifts = await r.page.evaluate(() => window.__shifts);
      assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts.join(', ')}`);
      assert.deepEqual(r.pageErrors.map(String), []);
      assert.deepEqual(r.errors(), []);
    } finally {
      await r.close();
    }
  });

  test('idle start: nothing but byline.js and byline.css before the browser is idle or the reader comes near', async () => {
    const r = await newPage(browser, { viewport: { width: 800, height: 600 } });
    try {
      const requested = [];
      r.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await r.page.addInitScript(recordAtLoad);
      const wasm = await holdWasm(r.page);
      await r.page.goto(url('story-json.html'), { waitUntil: 'load' });
      const atLoad = await r.page.evaluate(() => window.__atLoad);
      assert.deepEqual(atLoad.files, ['/site/byline/byline.css', '/site/byline/byline.js']);
      // Then the browser goes idle after the load: the widget starts by itself.
      wasm.release();
      await waitForWidget(r.page);
      assert.ok(requested.includes('/site/byline/byline_bg.wasm'));
    } finally {
      await r.close();
    }
  });

  test('data-loading="idle" on a client-rendered host: space reserved, the wasm only when idle', async () => {
    const r = await newPage(browser);
    try {
      await r.page.addInitScript(recordAtLoad);
      const wasm = await holdWasm(r.page);
      await r.page.goto(url('client-idle.html'), { waitUntil: 'load' });
      const atLoad = await r.page.evaluate(() => window.__atLoad);
      assert.equal(await r.page.locator(HOST).getAttribute('data-byline-prerendered'), null);
      assert.equal(atLoad.state, 'loading', 'its space is reserved');
      assert.deepEqual(atLoad.files, ['/site/byline/byline.css', '/site/byline/byline.js']);
      wasm.release();
      await waitForWidget(r.page);
      assert.equal(await r.page.locator('h1').textContent(), ARTICLE.headline);
      assert.deepEqual(r.pageErrors.map(String), []);
    } finally {
      await r.close();
    }
  });

  test('a host whose markup was edited or whose version mark differs is still taken over cleanly', async () => {
    const r = await newPage(browser);
    try {
      await r.page.route('**/site/story-json.html', async (route) => {
        const response = await route.fetch();
        const html = (await response.text())
          .replace(/data-byline-prerendered="[^"]*"/, 'data-byline-prerendered="0.0.0-older"')
          .replace(/<p class="byline-paragraph">[^<]*<\/p>/, '');
        await route.fulfill({ response, body: html });
      });
      await r.page.goto(url('story-json.html'));
      await r.page.locator(`${HOST} form [name="comment"]`).fill('Kept across the re-render');
      await waitForWidget(r.page);
      await r.page.locator(`${HOST} .byline-mount`).waitFor();
      assert.equal(await r.page.locator(`${HOST} .byline-paragraph, ${HOST} .byline-quote`).count(), 3, 're-rendered in full');
      assert.equal(await r.page.locator(`${HOST} form [name="comment"]`).count(), 1);
      assert.equal(await r.page.locator(`${HOST} form [name="comment"]`).inputValue(), 'Kept across the re-render');
      assert.deepEqual(r.pageErrors.map(String), []);
    } finally {
      await r.close();
    }
  });

  test('a page without a language keeps the pre-rendered language, whatever the browser speaks', async () => {
    const r = await newPage(browser, { locale: 'de-DE' });
    try {
      const wasm = await holdWasm(r.page);
      await r.page.goto(url('story-nolang.html'));
      const texts = () => r.page.locator(`${HOST} .byline-reply-heading, ${HOST} .byline-submit, ${HOST} label`).allTextContents();
      const before = await texts();
      wasm.release();
      await waitForWidget(r.page);
      await r.page.locator(`${HOST} .byline-mount`).waitFor();
      assert.deepEqual(await texts(), before);
    } finally {
      await r.close();
    }
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe-core: no violations before and after the takeover (${scheme})`, async () => {
      const r = await newPage(browser, { colorScheme: scheme });
      try {
        const wasm = await holdWasm(r.page);
        await r.page.goto(url('story-json.html'));
        const beforeTakeover = await runAxe(r.page);
        assert.deepEqual(beforeTakeover, [], formatViolations(beforeTakeover));
        wasm.release();
        await waitForWidget(r.page);
        await r.page.locator(`${HOST} .byline-mount`).waitFor();
        const afterTakeover = await runAxe(r.page);
        assert.deepEqual(afterTakeover, [], formatViolations(afterTakeover));
      } finally {
        await r.close();
      }
    });
  }
});

describe(`hostile article and feed fields (${VECTORS.length} RSnake vectors)`, () => {
  /** Everything in the hosts that could execute or load, as findings. Runs in the page. */
  function inspect() {
    const findings = [];
    for (const host of document.querySelectorAll('[data-byline]')) {
      for (const el of host.querySelectorAll('iframe, frame, object, embed, svg, math, base, meta, link, style, img[src^="javascript" i]')) {
        findings.push(`element <${el.localName}>: ${el.outerHTML.slice(0, 100)}`);
      }
      for (const script of host.querySelectorAll('script')) {
        if (!/^(application\/ld\+json|application\/json)$/.test(script.type)) findings.push(`script: ${script.outerHTML.slice(0, 100)}`);
      }
      for (const el of host.querySelectorAll('*')) {
        if (el instanceof HTMLUnknownElement) findings.push(`unknown element <${el.localName}>`);
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) findings.push(`${name} on <${el.localName}>`);
          if (['href', 'src', 'srcset', 'action', 'formaction', 'background'].includes(name)) {
            let protocol = 'unparseable';
            try {
              protocol = new URL(attr.value.split(/\s+/)[0] || '.', document.baseURI).protocol;
            } catch {}
            if (protocol !== 'http:' && protocol !== 'https:') findings.push(`${name}="${attr.value}" on <${el.localName}>`);
          }
        }
      }
    }
    if (window.__xss !== 0) findings.push(`window.__xss = ${window.__xss}`);
    return findings;
  }

  test('the pre-rendered HTML carries no markup from the data (scripts off)', async () => {
    const r = await newPage(browser, { javaScriptEnabled: false });
    try {
      await r.page.goto(url('hostile.html'));
      const prerendered = await r.page.locator('[data-byline][data-byline-prerendered]').count();
      assert.equal(prerendered, VECTORS.length, `every host pre-rendered:\n${prerenderOutput}`);
      // Without scripts the tripwire never installs: count dialogs instead.
      const findings = (await r.page.evaluate(inspect)).filter((f) => !f.startsWith('window.__xss'));
      assert.deepEqual(findings, []);
      assert.deepEqual(r.dialogs, []);
    } finally {
      await r.close();
    }
  });

  test('nothing executes when the widgets take over (scripts on)', async () => {
    const r = await newPage(browser);
    try {
      await r.page.goto(url('hostile.html'));
      await r.page.waitForFunction(
        (n) => document.querySelectorAll('[data-byline] .byline-mount').length === n,
        VECTORS.length,
        { timeout: 60_000 },
      );
      assert.deepEqual(await r.page.evaluate(inspect), []);
      assert.deepEqual(r.dialogs, []);
      assert.deepEqual(r.pageErrors.map(String), []);
    } finally {
      await r.close();
    }
  });
});

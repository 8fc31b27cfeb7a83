// The cross-engine layer (issue 26): the same tests in Chromium (Playwright), Firefox ESR
// (puppeteer-core over WebDriver BiDi) and WebKitGTK, Safari's engine (classic WebDriver),
// written once over support/engines.mjs. Over the release build in dist/, in hand-written host
// pages (hosts/engines-*.html, hosts/embed-csp.html, pages made here), never the demo:
// the article (light DOM and shadow root), related stories, the reply form (validation, the
// focused error summary, field errors), a reply landing in the real WordPress through REST and
// through wp-comments-post.php, the pre-rendered takeover (no shift, text, box, focus and caret
// kept; the idle start, which in WebKit has no requestIdleCallback), the draft across a reload,
// a strict CSP, dark mode, RTL, axe-core.
//
// Every page loads support/inpage/harness.js first (the server inserts it), which records
// console errors and warnings, uncaught errors and CSP violations the same way in all three.
//
// Run: trunk build --release && node --test tests/e2e/engines.test.mjs
//      BYLINE_ENGINES=webkit node --test tests/e2e/engines.test.mjs   (one engine)

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { assertDistBuilt, distDir, projectRoot, startServer, withHead } from './support/server.mjs';
import { launchEngine, selectedEngines } from './support/engines.mjs';
import { articlePage, ensureWordPress } from './support/wordpress.mjs';
import { startWordPressProxy } from './support/wp-proxy.mjs';
import { prerenderedPageTests, wordpressReplyTests } from './support/engines-pages.mjs';
import { HEADLINE, S, anonymousRestReady, prerenderSite } from './support/engines-site.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const INPAGE_DIR = path.join(projectRoot, 'tests', 'e2e', 'support', 'inpage');
const HARNESS = '<script src="/e2e/harness.js"></script>';
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const RUN = Date.now().toString(36);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));


let server;
let proxy;
let site;
let wp = null;
let wpSkip = false;

before(async () => {
  assertDistBuilt();
  // Skipped only without ../shared/wordpress; a WordPress that cannot start fails the suite.
  wp = await ensureWordPress();
  if (wp === null) wpSkip = 'no ../shared/wordpress next to the repository';
  else await anonymousRestReady(wp);
  site = prerenderSite();
  server = await startServer({
    htmlHead: HARNESS,
    mounts: [
      { prefix: '/e2e/', dir: INPAGE_DIR },
      { prefix: '/site/', dir: site.dir },
    ],
  });
  server.setHeaders('/hosts/embed-csp.html', { 'Content-Security-Policy': STRICT_CSP });
  server.setRoute('GET', '/wp/article.html', (req) => ({
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: withHead(articlePage({ attributes: Object.fromEntries(new URL(req.url, server.url).searchParams) }), HARNESS),
  }));
  if (wp) {
    proxy = await startWordPressProxy({
      upstream: wp.env.BASE_URL,
      mounts: [{ prefix: '/dist/', dir: distDir() }, { prefix: '/e2e/', dir: INPAGE_DIR }],
    });
    proxy.setPage('/article.html', (url) => withHead(articlePage({ attributes: Object.fromEntries(url.searchParams) }), HARNESS));
  }
});

after(async () => {
  await proxy?.close();
  await server?.close();
  site?.remove();
});

/** Holds byline_bg.wasm at the server until release(); requestedAt: when it was asked for. */
function holdWasm() {
  const wasm = readFileSync(path.join(distDir(), 'byline_bg.wasm'));
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  const held = { requestedAt: null, release: () => release() };
  server.setRoute('GET', '/dist/byline_bg.wasm', async () => {
    held.requestedAt ??= Date.now();
    await gate;
    return { headers: { 'Content-Type': 'application/wasm' }, body: wasm };
  });
  return held;
}

for (const engineName of selectedEngines()) {
  describe(engineName, () => {
    let engine;
    /** The running test's page (fresh per test). */
    let page;

    before(async () => {
      engine = await launchEngine(engineName);
    });
    after(async () => {
      await engine?.close();
    });
    afterEach(async () => {
      server.deleteRoute('GET', '/dist/byline_bg.wasm');
      await page?.close().catch(() => {});
      page = undefined;
    });

    /** Opens a URL (a path: on the test server) in a fresh page and waits for the widget. */
    async function open(url, { state = 'ready', ...options } = {}) {
      page = await engine.newPage(options);
      await page.goto(url.startsWith('/') ? `${server.url}${url}` : url);
      if (state) await widget(state);
      return page;
    }

    /** Waits for the first host's data-byline-state. */
    function widget(state = 'ready', timeout = 20_000) {
      return page.waitFor(
        ([sel, wanted]) => {
          const now = document.querySelector(sel)?.getAttribute('data-byline-state');
          return now === wanted || ['error', 'crashed'].includes(now) ? now : false;
        },
        [S.host, state],
        { timeout, what: `data-byline-state="${state}"` },
      ).then((reached) => assert.equal(reached, state, `the widget settled as ${reached}`));
    }

    /** No console error, no uncaught error, no CSP violation (the harness's records). */
    async function assertQuiet({ warnings = false } = {}) {
      const r = await page.records();
      assert.ok(r, 'the page ran the harness');
      assert.deepEqual(r.errors, [], 'no console.error');
      assert.deepEqual(r.uncaught, [], 'no uncaught error');
      assert.deepEqual(r.csp, [], 'no CSP violation');
      if (warnings) assert.deepEqual(r.warnings, [], 'no console.warn');
    }

    /** axe-core over the page (color contrast included): no violations. */
    async function assertAxe() {
      await page.run(`(() => { if (!window.axe) { ${AXE_SOURCE}\n } return true; })()`);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], 'axe-core violations');
    }

    /** What the article shows (through shadow roots). */
    function article() {
      return page.evaluate((_, $$) => {
        const text = (sel) => $$(sel)[0]?.textContent.replace(/\s+/g, ' ').trim() ?? null;
        const image = $$('img.byline-image')[0];
        return {
          headline: text('h1.byline-headline'),
          standfirst: text('.byline-standfirst'),
          author: text('.byline-author'),
          published: $$('time.byline-published')[0]?.getAttribute('datetime') ?? null,
          image: image ? [image.getAttribute('width'), image.getAttribute('height'), image.complete && image.naturalWidth > 0] : null,
          paragraphs: $$('.byline-body .byline-paragraph').length,
          quotes: $$('.byline-body .byline-quote').length,
          background: getComputedStyle($$('.byline-root')[0]).backgroundColor,
        };
      });
    }

    for (const [where, file] of [['light DOM', 'engines-story.html'], ['shadow root', 'engines-shadow.html']]) {
      test(`the article in the ${where}: headline, standfirst, byline, date, image, paragraphs and quote; styled; quiet`, async () => {
        await open(`/hosts/${file}`);
        await page.waitFor((sel, $$) => $$(sel)[0]?.complete, 'img.byline-image', { what: 'the lead image' });
        const shown = await article();
        assert.deepEqual(shown, {
          headline: HEADLINE,
          standfirst: 'The gates came down at 4.10am, two hours before high water.',
          author: 'Morwenna Tregear',
          published: '2025-11-06T05:45:00Z',
          image: ['640', '360', true],
          paragraphs: 2,
          quotes: 1,
          background: 'rgb(255, 255, 255)',
        });
        const placement = await page.evaluate((sel) => {
          const host = document.querySelector(sel);
          return { shadow: Boolean(host.shadowRoot), light: host.querySelectorAll('.byline-headline').length };
        }, S.host);
        assert.deepEqual(placement, where === 'shadow root' ? { shadow: true, light: 0 } : { shadow: false, light: 1 });
        const ready = await page.evaluate(() => window.__e2eEvents.filter((e) => e.type === 'byline:ready'));
        assert.deepEqual(ready.map((e) => e.detail?.article?.headline), [HEADLINE], 'one byline:ready with the headline');
        await assertQuiet({ warnings: true });
        if (where === 'light DOM') await assertAxe();
      });
    }

    test('a rich article body: heading, list, figure with srcset, pullquote, table, an embed as a link; hostile HTML never runs', async () => {
      await open('/hosts/engines-rich.html');
      await page.waitForSelector('.byline-rich img');
      await sleep(500); // time for an image error or a load handler to fire, if any survived
      const body = await page.evaluate(() => {
        const rich = document.querySelector('[data-byline] .byline-rich');
        const img = rich.querySelector('figure img');
        return {
          tags: [...rich.children].map((el) => el.localName).join(' '),
          link: rich.querySelector('p a')?.getAttribute('href'),
          list: [rich.querySelector('ol')?.getAttribute('start'), rich.querySelectorAll('ol li').length],
          image: [img?.getAttribute('srcset'), img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('loading'), img?.getAttribute('decoding')],
          caption: rich.querySelector('figcaption')?.textContent.trim(),
          pullquote: rich.querySelectorAll('.byline-pullquote blockquote').length,
          table: [rich.querySelector('table caption')?.textContent.trim(), rich.querySelectorAll('table th[scope="col"]').length],
          embed: rich.querySelector('a.byline-embed-link')?.getAttribute('href') ?? null,
          text: rich.textContent.includes('<script> is only text here.'),
        };
      });
      assert.equal(body.link, 'https://www.estuary-gazette.example/maps/barrier');
      assert.deepEqual(body.list, ['3', 2]);
      assert.deepEqual(body.image, ['/fixtures/harbour-seals.svg 1x, /fixtures/victoria-baths.svg 2x', '640', '360', 'lazy', 'async']);
      assert.equal(body.caption, 'The gates at 4.10am.');
      assert.equal(body.pullquote, 1);
      assert.deepEqual(body.table, ['Closures so far', 2]);
      assert.equal(body.embed, 'https://video.estuary-gazette.example/embed/control-room', `the iframe is a link: ${body.tags}`);
      assert.ok(body.text, 'escaped markup stays text');
      const hostile = await page.evaluate(() => {
        const host = document.querySelector('[data-byline]');
        const found = [];
        for (const el of host.querySelectorAll('script, style, iframe, svg, math, form, input:not(.byline-form input), object, embed')) {
          if (!el.closest('.byline-form')) found.push(el.localName);
        }
        for (const el of host.querySelectorAll('.byline-rich *')) {
          for (const { name, value } of el.attributes) {
            if (name.startsWith('on') || name === 'style') found.push(`${name} on ${el.localName}`);
            if (['href', 'src', 'srcset'].includes(name) && /javascript:/i.test(value)) found.push(`${name}="${value}"`);
          }
        }
        return { found, trips: window.__trips, mainShown: getComputedStyle(document.querySelector('main')).display !== 'none' };
      });
      assert.deepEqual(hostile, { found: [], trips: [], mainShown: true });
      await assertQuiet();
    });

    test('related stories: the feed’s items in order, unsafe and untitled ones skipped, real links, lazy thumbnails with size', async () => {
      await open('/hosts/engines-story.html');
      await page.waitForSelector('.byline-related-link');
      const related = await page.evaluate(() =>
        [...document.querySelectorAll('.byline-related-item')].map((item) => {
          const link = item.querySelector('a.byline-related-link');
          const thumb = item.querySelector('img.byline-related-thumb');
          return {
            title: link.textContent.trim(),
            protocol: new URL(link.href).protocol,
            thumb: thumb ? [thumb.loading, thumb.getAttribute('width'), thumb.getAttribute('height')] : null,
          };
        }),
      );
      assert.equal(related.length, 5, JSON.stringify(related));
      assert.match(related[0].title, /^How the surge forecast is made/);
      assert.match(related[1].title, /^Meet the engineers/);
      assert.match(related[2].title, /^Ferry crossings suspended/);
      assert.ok(related.every((r) => r.protocol === 'http:' || r.protocol === 'https:'), JSON.stringify(related));
      assert.deepEqual(related[0].thumb, ['lazy', '160', '90']);
      const resolved = await page.attribute('.byline-related-link[href$="barrier-gate-engineers.html"]', 'href');
      assert.equal(new URL(resolved, server.url).pathname, '/fixtures/feeds/stories/barrier-gate-engineers.html', 'relative to the feed');
      await assertQuiet({ warnings: true });
    });

    for (const [where, file] of [['light DOM', 'engines-story.html'], ['shadow root', 'engines-shadow.html']]) {
      test(`the form (${where}): an empty send focuses the error summary; fields invalid; a summary link focuses its field; fixed, it sends`, async () => {
        await open(`/hosts/${file}`);
        await page.click(S.submit);
        await page.waitForSelector(`${S.summary} a`);
        const focus = await page.focused();
        assert.match(focus?.className ?? '', /byline-error-summary/, `focus on the summary: ${JSON.stringify(focus)}`);
        await page.waitFor((sel, $$) => getComputedStyle($$(sel)[0]).outlineStyle === 'solid', S.summary, { timeout: 3000, what: 'the focused summary’s focus ring' });
        const fields = await page.evaluate((names, $$) =>
          names.map((name) => {
            const field = $$(`[name="${name}"]`)[0];
            const root = field.getRootNode();
            const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => root.getElementById(id));
            return [name, field.getAttribute('aria-invalid'), described.some((d) => d?.classList.contains('byline-field-error'))];
          }), ['comment', 'author', 'email']);
        assert.deepEqual(fields, [['comment', 'true', true], ['author', 'true', true], ['email', 'true', true]]);
        assert.equal(await page.count(`${S.summary} a`), 3);
        await page.click(`${S.summary} a[href$="email"]`);
        const onEmail = await page.waitFor(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el?.getAttribute('name') === 'email' && 'email';
        }, null, { what: 'focus on the email field' });
        assert.equal(onEmail, 'email');
        await page.fill(S.comment, 'The barrier held.');
        await page.fill(S.name, 'Ada Reader');
        await page.fill(S.email, 'ada@example');
        await page.click(S.submit);
        await page.waitFor((sel, $$) => $$(`${sel} a`).length === 1, S.summary, { what: 'only the email error left' });
        await page.fill(S.email, 'ada@example.org');
        await page.click(S.submit);
        await page.waitForSelector('.byline-pending');
        assert.equal(await page.count(S.summary), 0, 'no error summary after a valid send');
        await assertQuiet();
      });
    }

    test('keyboard only: Tab through the fields, Space ticks the box, Enter on the button sends', async () => {
      await open('/hosts/engines-story.html');
      await page.click(S.comment);
      const path = [];
      for (const [text, next] of [['Sent from the keyboard.', 'Tab'], ['Kay Board', 'Tab'], ['kay@example.org', 'Tab'], ['', 'Tab'], [' ', 'Tab']]) {
        const at = await page.focused();
        path.push(at?.name ?? at?.className);
        if (text.trim()) await page.keyboardType(text);
        else if (text === ' ') await page.press('Space');
        await page.press(next);
      }
      const last = await page.focused();
      path.push(last?.className.includes('byline-submit') ? 'submit' : JSON.stringify(last));
      assert.deepEqual(path, ['comment', 'author', 'email', 'url', 'wp-comment-cookies-consent', 'submit']);
      assert.equal(await page.evaluate(() => document.querySelector('[name="wp-comment-cookies-consent"]').checked), true, 'Space ticked the box');
      await page.press('Enter');
      await page.waitForSelector('.byline-pending');
      assert.equal(await page.count(S.summary), 0);
      await assertQuiet();
    });

    test('the draft is kept across a reload and announced politely', async () => {
      await open('/hosts/engines-story.html');
      const draft = `A draft that survives the reload (${engineName} ${RUN}).`;
      await page.fill(S.comment, draft);
      await page.waitFor((text) => Object.keys(localStorage).some((k) => k.startsWith('byline:draft:') && localStorage.getItem(k).includes(text)), draft, { what: 'the saved draft' });
      await page.reload();
      await widget();
      await page.waitFor((text, $$) => $$('textarea[name="comment"]')[0]?.value === text, draft, { what: 'the restored draft' });
      await page.waitFor((sel, $$) => /restored/i.test($$(sel)[0]?.textContent ?? ''), S.status, { what: 'the polite announcement' });
      await assertQuiet();
    });

    test('a strict Content-Security-Policy: ready, styled, the form validates, zero violations', async () => {
      await open('/hosts/embed-csp.html');
      await page.waitForSelector('.byline-related-link');
      assert.equal(await page.text(S.headline), HEADLINE);
      const accent = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)).backgroundColor, S.submit);
      assert.equal(accent, 'rgb(11, 87, 208)', 'byline.css applies under the policy');
      await page.click(S.submit);
      await page.waitForSelector(`${S.summary} a`);
      await sleep(300);
      await assertQuiet({ warnings: true });
    });

    test('dark mode: the auto theme follows a dark colour scheme, data-theme="dark" forces it; axe passes', async () => {
      await open('/hosts/engines-story.html', { colorScheme: 'dark' });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'the scheme is dark');
      assert.equal((await article()).background, 'rgb(18, 18, 18)', 'auto: the dark palette');
      await assertAxe();
      await page.close();
      await open('/hosts/engines-story.html');
      await page.evaluate((sel) => document.querySelector(sel).setAttribute('data-theme', 'dark'), S.host);
      await page.waitFor((sel) => getComputedStyle(document.querySelector(sel)).backgroundColor === 'rgb(18, 18, 18)', S.root, { what: 'the dark palette' });
      await assertQuiet({ warnings: true });
    });

    test('right to left: an Arabic page renders mirrored (dir="rtl", the widget’s start on the right)', async () => {
      await open('/hosts/engines-rtl.html');
      const layout = await page.evaluate(() => {
        const root = document.querySelector('.byline-root');
        // The widget's box (at most --byline-measure wide) starts at the right of the page.
        const main = document.querySelector('main').getBoundingClientRect();
        const box = root.getBoundingClientRect();
        return {
          lang: root.getAttribute('lang'),
          dir: root.getAttribute('dir'),
          direction: getComputedStyle(root).direction,
          startOnRight: Math.abs(main.right - box.right) < 2 && box.left - main.left > 100,
          submit: root.querySelector('.byline-submit').textContent.trim(),
        };
      });
      assert.deepEqual({ ...layout, submit: undefined }, { lang: 'ar', dir: 'rtl', direction: 'rtl', startOnRight: true, submit: undefined });
      assert.doesNotMatch(layout.submit, /[A-Za-z]/, `the interface is in Arabic: ${layout.submit}`);
      await assertQuiet({ warnings: true });
      await assertAxe();
    });

    test('320 CSS px wide (a frame that narrow): nothing overflows sideways', async () => {
      await open('/hosts/engines-narrow.html', { state: null });
      await page.waitFor(() => document.querySelector('iframe').contentDocument?.querySelector('[data-byline]')?.getAttribute('data-byline-state') === 'ready', null, { what: 'the widget in the frame' });
      const layout = await page.evaluate(() => {
        const doc = document.querySelector('iframe').contentDocument;
        const width = doc.documentElement.clientWidth;
        const wider = [...doc.querySelectorAll('.byline-root *')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5)
          .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`);
        return { width, scrollWidth: doc.documentElement.scrollWidth, wider: wider.slice(0, 5), records: doc.defaultView.__e2e };
      });
      // 320 px less a classic scrollbar where the engine draws one (Firefox).
      assert.ok(layout.width <= 320 && layout.width >= 300, `the frame's viewport: ${layout.width} px`);
      assert.equal(layout.scrollWidth, layout.width, `no sideways scrolling: ${layout.wider.join(', ')}`);
      assert.deepEqual(layout.wider, []);
      assert.deepEqual([...layout.records.errors, ...layout.records.uncaught], []);
    });

    const suite = {
      engineName,
      open,
      widget,
      assertQuiet,
      holdWasm,
      get wp() {
        return wp;
      },
      get wpSkip() {
        return wpSkip;
      },
      get proxy() {
        return proxy;
      },
    };
    prerenderedPageTests(suite);
    wordpressReplyTests(suite);
  });
}

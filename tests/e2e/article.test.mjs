// End-to-end tests of the article part of Byline over the release build (dist/), in
// hand-written publisher pages (tests/e2e/hosts). Contract sections 1, 2 (data-article),
// 3, 6 (byline:ready) and 8; DOM per docs/dom.md.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { assertDistBuilt, projectRoot, startServer } from './support/server.mjs';
import {
  formatViolations,
  launch,
  newPage,
  recordEvents,
  recordedEvents,
  runAxe,
  stateChangeCount,
  waitForWidget,
} from './support/browser.mjs';

const HOST = '[data-byline]';

let server;
let browser;

before(async () => {
  assertDistBuilt();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Opens a host page with a fresh context, records byline:ready, and waits for `state`. */
async function openHost(file, state = 'ready') {
  const recorded = await newPage(browser);
  await recordEvents(recorded.page, ['byline:ready']);
  await recorded.page.goto(`${server.url}/hosts/${file}`);
  await waitForWidget(recorded.page, HOST, state);
  return recorded;
}

/**
 * The contract's paragraph rule (section 3): split on blank lines, or on single newlines when
 * there are no blank lines; blank paragraphs dropped.
 */
function paragraphsOf(body) {
  const separator = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n+/ : /\n/;
  return body
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A paragraph wholly in quotation marks (curly or straight double quotes, guillemets). */
const isQuotation = (p) => /^[“"«„][\s\S]*[”"»“]$/.test(p);

/** Strips surrounding quotation marks, for comparing a blockquote's text with its source. */
const unquote = (p) => p.replace(/^[“"«„]\s*/, '').replace(/\s*[”"»“]$/, '');

const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** The first Article-type object in the page's JSON-LD, read by the test itself. */
function articleFromJsonLd(documents) {
  const types = ['Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle',
    'OpinionNewsArticle', 'BlogPosting'];
  const isArticle = (node) =>
    [node?.['@type']].flat().some((t) => types.includes(t));
  for (const doc of documents) {
    for (const node of [doc, ...(doc['@graph'] ?? [])].flat()) {
      if (isArticle(node)) return node;
    }
  }
  throw new Error('fixture has no Article');
}

/** Everything the article tests look at, read from the widget's DOM in one round trip. */
function snapshot(page) {
  return page.evaluate((hostSelector) => {
    const host = document.querySelector(hostSelector);
    const q = (sel) => host.querySelector(sel);
    const text = (sel) => q(sel)?.textContent ?? null;
    const time = (sel) => {
      const el = q(sel);
      return el && { datetime: el.getAttribute('datetime'), text: el.textContent, tag: el.tagName };
    };
    const img = q('img.byline-image');
    const root = q('.byline');
    return {
      state: host.getAttribute('data-byline-state'),
      hostChildren: [...host.children].map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      roots: host.querySelectorAll('.byline').length,
      root: root && { lang: root.getAttribute('lang'), dir: root.getAttribute('dir'), classes: root.className },
      headline: q('article.byline-article h1.byline-headline')?.textContent ?? null,
      headlineCount: host.querySelectorAll('h1').length,
      standfirst: text('.byline-standfirst'),
      section: text('.byline-section'),
      body: [...host.querySelectorAll('.byline-body p.byline-paragraph, .byline-body blockquote.byline-quote')]
        .map((el) => ({ kind: el.tagName === 'BLOCKQUOTE' ? 'quote' : 'p', text: el.textContent })),
      authorsText: text('.byline-authors'),
      authors: [...host.querySelectorAll('.byline-authors .byline-author')].map((el) => ({
        tag: el.tagName.toLowerCase(),
        name: el.textContent.trim(),
        href: el.getAttribute('href'),
      })),
      published: time('time.byline-published'),
      modified: time('time.byline-modified'),
      image: img && {
        src: img.src,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        hasAlt: img.hasAttribute('alt'),
      },
      caption: text('figure.byline-figure figcaption.byline-caption'),
      crashed: document.querySelectorAll('.byline-crashed').length,
      stylesheets: [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => ({
        href: link.href,
        inHead: link.parentElement === document.head,
      })),
    };
  }, HOST);
}

/** Asserts one body element per source paragraph, in order, quotations as blockquotes. */
function assertBody(body, articleBody) {
  const paragraphs = paragraphsOf(articleBody);
  assert.equal(
    body.length,
    paragraphs.length,
    `p.byline-paragraph + blockquote.byline-quote: expected ${paragraphs.length}, got ${body.length}:\n` +
      body.map((b) => `  ${b.kind}: ${b.text.slice(0, 70)}`).join('\n'),
  );
  paragraphs.forEach((source, i) => {
    if (isQuotation(source)) {
      assert.equal(body[i].kind, 'quote', `paragraph ${i + 1} is wholly quoted: expected a blockquote`);
      assert.ok(
        squash(body[i].text).includes(squash(unquote(source))),
        `blockquote ${i + 1} text: ${JSON.stringify(body[i].text)}`,
      );
    } else {
      assert.equal(body[i].kind, 'p', `paragraph ${i + 1} is not a quotation: expected a <p>`);
      assert.equal(squash(body[i].text), squash(source), `paragraph ${i + 1} text`);
    }
  });
}

/** A <time> rendered per the contract: datetime is the input, the text a formatted date. */
function assertTime(time, iso, year, label) {
  assert.ok(time, `${label}: no <time> element`);
  assert.equal(time.tag, 'TIME', `${label}: element`);
  assert.equal(time.datetime, iso, `${label}: datetime attribute must equal the JSON-LD value`);
  const shown = time.text.trim();
  assert.notEqual(shown, '', `${label}: empty text`);
  assert.notEqual(shown, iso, `${label}: shows the raw ISO string`);
  assert.doesNotMatch(shown, /\d{4}-\d{2}-\d{2}/, `${label}: text looks like ISO: ${shown}`);
  assert.match(shown, new RegExp(String(year)), `${label}: text ${JSON.stringify(shown)} lacks the year`);
}

/** Exactly one stylesheet link to the build's byline.css, in <head>. */
function assertStylesheetOnce(stylesheets) {
  const ours = stylesheets.filter((s) => s.href === `${server.url}/dist/byline.css`);
  assert.equal(ours.length, 1, `links to byline.css: ${JSON.stringify(stylesheets)}`);
  assert.ok(ours[0].inHead, 'the byline.css link must be in document.head');
}

/**
 * The host holds the widget and nothing of the no-JS fallback: one `.byline` root, inside
 * element(s) that are all the widget's own (class starting with "byline"). docs/dom.md shows
 * the root as the host's direct child; a mount wrapper (div.byline-mount) is tolerated.
 */
function assertOnlyWidgetInHost(snap) {
  assert.equal(snap.roots, 1, 'exactly one .byline root in the host');
  assert.equal(snap.hostChildren.length, 1, `host children: ${snap.hostChildren.join(', ')}`);
  assert.match(snap.hostChildren[0], /^div\.byline(-|\b)/, `host children: ${snap.hostChildren.join(', ')}`);
}

/** Zero axe violations on the whole page, or only within `context` when given. */
async function assertAccessible(page, context) {
  const violations = await runAxe(page, context);
  assert.equal(violations.length, 0, formatViolations(violations));
}

/** A normal run: ready, no panic fallback, no errors in the page or the console. */
function assertHealthy(recorded, snap) {
  assert.equal(snap.state, 'ready');
  assert.equal(snap.crashed, 0, 'the panic fallback (.byline-crashed) must not appear');
  assert.deepEqual(recorded.pageErrors.map(String), [], 'uncaught page errors');
  assert.deepEqual(recorded.errors(), [], 'console errors');
  assert.deepEqual(recorded.warnings(), [], 'console warnings (only invalid attributes may warn)');
}

// ---------------------------------------------------------------------------------------------
// data-article="jsonld": an Article inside an @graph in the page

describe('jsonld host: Article in a JSON-LD @graph', () => {
  let recorded;
  let snap;
  let article;

  before(async () => {
    recorded = await openHost('jsonld.html');
    snap = await snapshot(recorded.page);
    const blocks = await recorded.page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.map((s) => JSON.parse(s.textContent)),
    );
    article = articleFromJsonLd(blocks);
  });
  after(() => recorded?.close());

  test('renders the headline as the article h1', () => {
    assert.equal(snap.headline, article.headline);
    assert.equal(snap.headlineCount, 1, 'exactly one h1 in the widget');
  });

  test('standfirst falls back to description; section label', () => {
    assert.equal(squash(snap.standfirst ?? ''), article.description);
    assert.equal(squash(snap.section ?? ''), article.articleSection);
  });

  test('one element per blank-line paragraph; the quoted one is a blockquote', () => {
    assert.equal(paragraphsOf(article.articleBody).length, 6, 'fixture sanity: 6 paragraphs');
    assertBody(snap.body, article.articleBody);
    assert.equal(snap.body.filter((b) => b.kind === 'quote').length, 1, 'exactly one blockquote');
  });

  test('byline: a link for the author with a url, plain text for the other', () => {
    assert.deepEqual(snap.authors, [
      { tag: 'a', name: article.author[0].name, href: article.author[0].url },
      { tag: 'span', name: article.author[1].name, href: null },
    ]);
    assert.match(snap.authorsText ?? '', /^\s*By\b/, 'byline starts with "By"');
  });

  test('published and modified dates are <time datetime> with formatted text', () => {
    assertTime(snap.published, article.datePublished, 2025, 'published');
    assertTime(snap.modified, article.dateModified, 2025, 'modified');
    // <html lang="en-GB">: Intl formats the month in English.
    assert.match(snap.published.text, /Mar/, `published text: ${snap.published.text}`);
  });

  test('lead image: first of the array, width/height reserved, caption', () => {
    const lead = article.image[0];
    assert.ok(snap.image, 'no img.byline-image');
    assert.equal(snap.image.src, new URL(lead.url, server.url).href);
    assert.equal(snap.image.width, String(lead.width));
    assert.equal(snap.image.height, String(lead.height));
    assert.ok(snap.image.hasAlt, 'the image needs an alt attribute');
    assert.equal(squash(snap.caption ?? ''), lead.caption);
  });

  test('byline:ready fires once on the host with detail.article', async () => {
    const events = await recordedEvents(recorded.page, 'byline:ready');
    assert.equal(events.length, 1, JSON.stringify(events));
    assert.ok(events[0].onHost, 'dispatched on the [data-byline] element');
    assert.ok(events[0].bubbles, 'bubbles');
    assert.equal(events[0].detail?.article?.headline, article.headline);
    assert.equal(events[0].detail?.article?.url, article.url);
  });

  test('the publisher-linked stylesheet is not injected a second time', () => {
    assertStylesheetOnce(snap.stylesheets);
  });

  test('the server-rendered fallback is replaced by the widget root', async () => {
    assertOnlyWidgetInHost(snap);
    assert.equal(await recorded.page.locator('.server-fallback').count(), 0, 'fallback removed');
    assert.equal(snap.root.lang, 'en-GB', 'language from <html lang>');
    assert.equal(snap.root.dir, 'ltr');
  });

  test('healthy run: no panic fallback, no errors', () => {
    assertHealthy(recorded, snap);
  });

  test('axe: no violations on the page', async () => {
    await assertAccessible(recorded.page);
  });
});

// ---------------------------------------------------------------------------------------------
// data-article="<url>": a JSON-LD document fetched from the server

describe('url host: JSON-LD document by URL', () => {
  let recorded;
  let snap;
  let article;

  before(async () => {
    article = JSON.parse(
      await readFile(path.join(projectRoot, 'tests', 'e2e', 'fixtures', 'article.json'), 'utf8'),
    );
    recorded = await openHost('url.html');
    snap = await snapshot(recorded.page);
  });
  after(() => recorded?.close());

  test('fetched the fixture and rendered its headline', () => {
    assert.equal(server.requestsTo('/fixtures/article.json', 'GET').length >= 1, true);
    assert.equal(snap.headline, article.headline);
  });

  test('standfirst prefers alternativeHeadline', () => {
    assert.equal(squash(snap.standfirst ?? ''), article.alternativeHeadline);
  });

  test('single-newline body: one paragraph per line', () => {
    assert.ok(!/\n\s*\n/.test(article.articleBody), 'fixture sanity: no blank lines');
    assert.equal(paragraphsOf(article.articleBody).length, 4, 'fixture sanity: 4 lines');
    assertBody(snap.body, article.articleBody);
  });

  test('author given as a plain string: a name, not a link', () => {
    assert.deepEqual(snap.authors, [{ tag: 'span', name: article.author, href: null }]);
  });

  test('dates as <time datetime>', () => {
    assertTime(snap.published, article.datePublished, 2025, 'published');
    assertTime(snap.modified, article.dateModified, 2025, 'modified');
  });

  test('image given as a URL string becomes the lead image', () => {
    assert.ok(snap.image, 'no img.byline-image');
    assert.equal(snap.image.src, new URL(article.image, server.url).href);
  });

  test('byline:ready carries the headline', async () => {
    const [event, ...rest] = await recordedEvents(recorded.page, 'byline:ready');
    assert.equal(rest.length, 0, 'fired once');
    assert.equal(event?.detail?.article?.headline, article.headline);
  });

  test('the stylesheet is injected once into <head>', () => {
    assertStylesheetOnce(snap.stylesheets);
  });

  test('healthy run: no panic fallback, no errors', () => {
    assertHealthy(recorded, snap);
  });

  test('axe: no violations on the page', async () => {
    await assertAccessible(recorded.page);
  });
});

// ---------------------------------------------------------------------------------------------
// data-article="#id": an inline application/json block with @type as an array

describe('idref host: inline application/json by #id', () => {
  let recorded;
  let snap;
  let article;

  before(async () => {
    recorded = await openHost('idref.html');
    snap = await snapshot(recorded.page);
    article = JSON.parse(await recorded.page.$eval('#story', (el) => el.textContent));
  });
  after(() => recorded?.close());

  test('renders the BlogPosting whose @type is an array', () => {
    assert.ok(Array.isArray(article['@type']), 'fixture sanity: @type is an array');
    assert.equal(snap.headline, article.headline);
    assertBody(snap.body, article.articleBody);
  });

  test('author object with url is a link; date-only datePublished', () => {
    assert.deepEqual(snap.authors, [{ tag: 'a', name: article.author.name, href: article.author.url }]);
    assertTime(snap.published, article.datePublished, 2024, 'published');
    assert.equal(snap.modified, null, 'no dateModified, no modified time');
  });

  test('no image in the article: no figure', () => {
    assert.equal(snap.image, null);
  });

  test('byline:ready carries the headline; <noscript> fallback removed', async () => {
    const events = await recordedEvents(recorded.page, 'byline:ready');
    assert.equal(events.length, 1);
    assert.equal(events[0].detail?.article?.headline, article.headline);
    assertOnlyWidgetInHost(snap);
    assert.equal(await recorded.page.locator(`${HOST} noscript`).count(), 0, '<noscript> removed');
    assert.equal(snap.root.lang, 'en-US');
  });

  test('the stylesheet is injected once into <head>', () => {
    assertStylesheetOnce(snap.stylesheets);
  });

  test('healthy run: no panic fallback, no errors', () => {
    assertHealthy(recorded, snap);
  });

  test('axe: no violations on the page', async () => {
    await assertAccessible(recorded.page);
  });
});

// ---------------------------------------------------------------------------------------------
// Errors (contract section 8): the article at /api/article fails in various ways

const VALID_ARTICLE = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Ferry timetable restored after three weeks of cancellations',
  url: 'https://www.harbourside-post.example/business/ferry-timetable-restored',
  datePublished: '2025-01-28T16:00:00Z',
  author: { '@type': 'Person', name: 'Priya Natarajan' },
  articleBody:
    'The full winter timetable on the Harbourside to Millport crossing returns on Monday.\n\n' +
    'The operator said the second vessel had passed its inspection.',
};

const JSON_HEADERS = { 'Content-Type': 'application/ld+json; charset=utf-8' };

describe('errors host: an article that cannot be loaded or parsed', () => {
  let recorded;

  /** Programs /api/article, opens errors.html and waits for the error state. */
  async function openWithAnswer(spec) {
    server.setRoute('GET', '/api/article', spec);
    recorded = await newPage(browser);
    await recorded.page.goto(`${server.url}/hosts/errors.html`);
    await waitForWidget(recorded.page, HOST, 'error');
    return recorded;
  }

  /** The error box per docs/dom.md. */
  async function errorBox(page) {
    return page.evaluate((hostSelector) => {
      const host = document.querySelector(hostSelector);
      const box = host.querySelector('.byline-error');
      const retry = box?.querySelector('button.byline-retry');
      return {
        role: box?.getAttribute('role') ?? null,
        message: box?.querySelector('.byline-error-message')?.textContent.trim() ?? null,
        retry: retry && { text: retry.textContent.trim(), type: retry.getAttribute('type') },
        article: host.querySelectorAll('.byline-article').length,
        crashed: document.querySelectorAll('.byline-crashed').length,
      };
    }, HOST);
  }

  /** Exactly one console.error from the widget, containing every fragment given. */
  function assertOneConsoleError(fragments) {
    const errors = recorded.errors();
    assert.equal(errors.length, 1, `expected one console.error, got: ${JSON.stringify(errors)}`);
    for (const fragment of fragments) {
      assert.ok(errors[0].includes(fragment), `console.error should mention ${fragment}: ${errors[0]}`);
    }
  }

  /** A short message, a Retry button, no article, no panic fallback. */
  function assertErrorBox(box) {
    assert.equal(box.role, 'alert', '.byline-error has role="alert"');
    assert.ok(box.message, 'a short message in .byline-error-message');
    assert.deepEqual(box.retry, { text: 'Retry', type: 'button' });
    assert.equal(box.article, 0, 'no article rendered');
    assert.equal(box.crashed, 0, 'an error is not a crash');
  }

  afterEach(async () => {
    server.clearRoutes();
    await recorded?.close();
    recorded = undefined;
  });

  test('404: error with Retry; console.error names the URL and the status', async () => {
    await openWithAnswer({ status: 404, body: 'Not found' });
    assertErrorBox(await errorBox(recorded.page));
    assertOneConsoleError(['/api/article', '404']);
    assert.deepEqual(recorded.pageErrors.map(String), []);
  });

  test('500: error with Retry; console.error names the URL and the status', async () => {
    await openWithAnswer({ status: 500, body: 'Internal Server Error' });
    assertErrorBox(await errorBox(recorded.page));
    assertOneConsoleError(['/api/article', '500']);
  });

  test('a 200 answer that is not JSON: error naming the URL', async () => {
    await openWithAnswer({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!doctype html><title>Down for maintenance</title><p>Back soon.</p>',
    });
    assertErrorBox(await errorBox(recorded.page));
    assertOneConsoleError(['/api/article']);
  });

  test('a network failure (connection dropped): error with Retry', async () => {
    await openWithAnswer({ drop: true });
    assertErrorBox(await errorBox(recorded.page));
    assertOneConsoleError(['/api/article']);
  });

  test('an article without a headline: error naming the missing field', async () => {
    const { headline, ...headless } = VALID_ARTICLE;
    await openWithAnswer({ status: 200, headers: JSON_HEADERS, body: headless });
    assertErrorBox(await errorBox(recorded.page));
    assertOneConsoleError(['headline']);
  });

  test('404, then 500, then non-JSON, then Retry renders the valid article', async () => {
    const { page } = await openWithAnswer({ status: 404, body: 'Not found' });
    assertErrorBox(await errorBox(page));

    // Each Retry fetches again and shows the new outcome.
    const answers = [
      { spec: { status: 500, body: 'Internal Server Error' }, expect: 'error' },
      { spec: { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'OK' }, expect: 'error' },
      { spec: { status: 200, headers: JSON_HEADERS, body: VALID_ARTICLE }, expect: 'ready' },
    ];
    for (const { spec, expect } of answers) {
      server.setRoute('GET', '/api/article', spec);
      const changes = await stateChangeCount(page);
      const fetches = server.requestsTo('/api/article', 'GET').length;
      await page.click(`${HOST} .byline-retry`);
      await waitForWidget(page, HOST, expect, { after: changes });
      assert.equal(server.requestsTo('/api/article', 'GET').length, fetches + 1, 'one fetch per Retry');
    }

    const snap = await snapshot(page);
    assert.equal(snap.headline, VALID_ARTICLE.headline);
    assert.equal(await page.locator(`${HOST} .byline-error`).count(), 0, 'the error box is gone');
    assert.equal(recorded.errors().length, 3, `one console.error per failure: ${recorded.errors()}`);
    assert.equal(snap.crashed, 0);
  });

  test('axe: the error state has no violations', async () => {
    await openWithAnswer({ status: 404, body: 'Not found' });
    // Scoped to the widget: with no article there is no h1, which is the page's business.
    await assertAccessible(recorded.page, HOST);
  });
});

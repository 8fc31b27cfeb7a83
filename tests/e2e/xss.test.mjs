// XSS suite: every vector of RSnake's classic cheat sheet (/work/shared/data/xss-rsnake.txt,
// one per line) is served as an article whose text fields and URLs are the vector. Contract
// section 3: "All text is rendered as text, never as HTML. Only http:/https: (and relative)
// URLs become links or image sources."
//
// One page is reused; each vector is one navigation of tests/e2e/hosts/xss.html, whose inline
// tripwire (window.__xss) counts alert/prompt/confirm calls.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/xss.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt, projectRoot, startServer } from './support/server.mjs';
import { launch, newPage, waitForWidget } from './support/browser.mjs';

const HOST = '[data-byline]';
const ROUTE = '/api/xss-article';

// The shared list lives next to the repository: <repo>/../shared/data/xss-rsnake.txt.
const VECTORS_FILE = path.resolve(projectRoot, '..', 'shared', 'data', 'xss-rsnake.txt');
const VECTORS = existsSync(VECTORS_FILE)
  ? readFileSync(VECTORS_FILE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '')
  : [];

/** An article that puts the payload in every text field and every URL the widget uses. */
function hostileArticle(payload) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: payload,
    description: payload,
    articleSection: payload,
    datePublished: '2025-04-01T09:00:00Z',
    author: { '@type': 'Person', name: payload, url: payload },
    image: { '@type': 'ImageObject', url: payload, caption: payload, width: 640, height: 360 },
    publisher: { '@type': 'Organization', name: payload },
    articleBody: payload,
  };
}

/**
 * Inspects the page after the widget rendered. Returns a list of findings (empty when safe)
 * and the headline text. Runs in the browser.
 */
function inspect(hostSelector) {
  const findings = [];
  const host = document.querySelector(hostSelector);
  const inWidget = [...host.querySelectorAll('*')];

  // Elements that execute, embed or reconfigure: never inside the widget.
  const forbidden = 'script, iframe, frame, frameset, object, embed, applet, svg, math, base, meta, link, style, xml, layer, bgsound';
  for (const el of host.querySelectorAll(forbidden)) {
    findings.push(`forbidden element in the widget: ${el.outerHTML.slice(0, 120)}`);
  }
  for (const el of inWidget) {
    // Tags the vectors invent (<XSS>, <LAYER>) would be HTMLUnknownElements if parsed.
    if (el instanceof HTMLUnknownElement) {
      findings.push(`unknown element in the widget: <${el.localName}>`);
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`event handler attribute ${name} on <${el.localName}>`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'background', 'dynsrc', 'lowsrc', 'xlink:href'].includes(name)) {
        let protocol;
        try {
          protocol = new URL(attr.value.split(/\s+/)[0] || '.', document.baseURI).protocol;
        } catch {
          protocol = 'unparseable';
        }
        if (protocol !== 'http:' && protocol !== 'https:') {
          findings.push(`${name}="${attr.value}" on <${el.localName}> is not http(s)`);
        }
      }
      if (name === 'style' && /javascript:|expression\s*\(|url\s*\(/i.test(attr.value)) {
        findings.push(`style="${attr.value}" on <${el.localName}>`);
      }
    }
  }

  // Nothing leaked into the rest of the document either.
  for (const script of document.scripts) {
    const ours =
      (script.src && new URL(script.src).pathname === '/dist/byline.js') ||
      (!script.src && script.textContent.includes('window.__xss = 0'));
    if (!ours) findings.push(`unexpected <script> in the document: ${script.outerHTML.slice(0, 120)}`);
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')) {
    findings.push(`unexpected element in the document: ${el.outerHTML.slice(0, 120)}`);
  }
  for (const link of document.querySelectorAll('link')) {
    if (new URL(link.href).pathname !== '/dist/byline.css') {
      findings.push(`unexpected <link> in the document: ${link.outerHTML.slice(0, 120)}`);
    }
  }
  if (window.__xss !== 0) findings.push(`window.__xss = ${window.__xss}: a dialog function was called`);

  return {
    findings,
    headline: host.querySelector('h1.byline-headline')?.textContent ?? null,
  };
}

let server;
let browser;
let recorded;

before(async () => {
  assertDistBuilt();
  if (VECTORS.length === 0) throw new Error(`no XSS vectors: ${VECTORS_FILE} is missing or empty`);
  server = await startServer();
  browser = await launch();
  recorded = await newPage(browser);
});

after(async () => {
  await recorded?.close();
  await browser?.close();
  await server?.close();
});

describe(`RSnake XSS vectors (${VECTORS.length}) as article text and URLs`, () => {
  for (const [index, vector] of VECTORS.entries()) {
    const label = vector.length > 60 ? `${vector.slice(0, 57)}...` : vector;

    test(`#${index + 1} ${label}`, async () => {
      const { page } = recorded;
      recorded.reset();
      server.setRoute('GET', ROUTE, {
        status: 200,
        headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
        body: hostileArticle(vector),
      });

      await page.goto(`${server.url}/hosts/xss.html`);
      await waitForWidget(page, HOST, 'ready');
      // Let images settle, so an injected onerror would have fired before we look.
      await page.waitForFunction(() =>
        [...document.images].every((img) => img.complete || img.loading === 'lazy'),
      );

      const { findings, headline } = await page.evaluate(inspect, HOST);
      assert.deepEqual(findings, [], 'the vector was interpreted as markup or code');
      assert.equal(recorded.dialogs.length, 0, `dialogs opened: ${JSON.stringify(recorded.dialogs)}`);
      assert.deepEqual(recorded.pageErrors.map(String), [], 'uncaught page errors');
      assert.equal(headline, vector.trim(), 'the headline shows the vector literally, as text');
    });
  }
});

// URLs with dangerous schemes must be dropped, not turned into links or image sources.
const UNSAFE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'jav\nascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
];

describe('unsafe URL schemes in author, image and canonical URLs', () => {
  for (const unsafe of UNSAFE_URLS) {
    test(JSON.stringify(unsafe), async () => {
      const { page } = recorded;
      recorded.reset();
      server.setRoute('GET', ROUTE, {
        status: 200,
        headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
        body: {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Harbour wall repairs finished ahead of storm season',
          url: unsafe,
          datePublished: '2025-04-01T09:00:00Z',
          author: [
            { '@type': 'Person', name: 'Tom Achebe', url: unsafe },
            { '@type': 'Person', name: 'Lena Brandt', url: 'https://www.quayside-chronicle.example/authors/lena-brandt' },
          ],
          image: { '@type': 'ImageObject', url: unsafe, width: 800, height: 450, caption: 'The new wall' },
          articleBody: 'The repairs cost £1.1m.',
        },
      });

      await page.goto(`${server.url}/hosts/xss.html`);
      await waitForWidget(page, HOST, 'ready');
      const { findings } = await page.evaluate(inspect, HOST);
      assert.deepEqual(findings, [], 'an unsafe URL reached the DOM');

      const authors = await page.$$eval(`${HOST} .byline-author`, (els) =>
        els.map((el) => ({ tag: el.localName, name: el.textContent.trim() })),
      );
      // The author stays, as text, when only the URL is unsafe; the safe one is still a link.
      assert.deepEqual(authors, [
        { tag: 'span', name: 'Tom Achebe' },
        { tag: 'a', name: 'Lena Brandt' },
      ]);
      assert.equal(await page.locator(`${HOST} img`).count(), 0, 'no image from an unsafe URL');
      assert.equal(recorded.dialogs.length, 0);
      assert.deepEqual(recorded.pageErrors.map(String), []);
    });
  }
});

// Rich bodies (CONTRACT 3b) and rich replies (5b) over the release build: the demo article's
// HTML body, a WordPress post of core blocks pre-rendered and client-rendered (axe in light and
// dark, no layout shift with images, a table scrolling in its own box at 320 px), and every
// XSS vector of ../shared/data in a body source and in a reply, in the browser and in the file
// scripts/prerender wrote: nothing runs, no handler attribute, no javascript:/data: address.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/rich-body.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { assertDistBuilt, distDir, projectRoot, startServer } from './support/server.mjs';
import { formatViolations, launch, newPage, recordShifts, runAxe, waitForWidget } from './support/browser.mjs';

const HOST = '[data-byline]';
const VECTORS_FILE = path.resolve(projectRoot, '..', 'shared', 'data', 'xss-rsnake.txt');
const VECTORS = existsSync(VECTORS_FILE)
  ? readFileSync(VECTORS_FILE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '')
  : [];
const WORDPRESS = readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'body', 'wordpress-core-blocks.html'), 'utf8');
const ARTICLE = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'The ferry returns on Monday',
  datePublished: '2026-12-01T09:00:00Z',
  author: { '@type': 'Person', name: 'Ana Ruiz' },
  articleBody: 'The plain-text fallback.',
};

/** A page: the tripwire, the article, and `main` as given. */
function page(title, main) {
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/site/byline/byline.css">
  <script type="module" src="/site/byline/byline.js"></script>
  <script type="application/ld+json">${JSON.stringify(ARTICLE).replace(/</g, '\\u003c')}</script>
  <script>window.__xss = 0; for (const f of ['alert', 'prompt', 'confirm']) window[f] = () => { window.__xss += 1; };</script>
</head>
<body>
  <header><p>The Estuary Courier</p></header>
  <main>
${main}
  </main>
  <footer><p>Footer of the publisher's page</p></footer>
</body>
</html>
`;
}

/** The replies route: one comment with a link, then one per vector. */
function replies() {
  const link = { id: 1, post: 7, parent: 0, author_name: 'Reader', date_gmt: '2026-12-01T10:00:00', content: { rendered: '<p>See <a href="https://source.example/report">the report</a>.</p>\n' } };
  return [link, ...VECTORS.map((vector, i) => ({ id: i + 2, post: 7, parent: 0, author_name: 'Vector', date_gmt: '2026-12-01T11:00:00', content: { rendered: vector } }))];
}

let tmp;
let server;
let browser;
const url = (name) => `${server.url}/site/${name}`;

before(async () => {
  assertDistBuilt();
  if (VECTORS.length === 0) throw new Error(`no XSS vectors: ${VECTORS_FILE} is missing or empty`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'byline-rich-'));
  const site = path.join(tmp, 'site');
  mkdirSync(site, { recursive: true });
  cpSync(distDir(), path.join(site, 'byline'), { recursive: true });
  // A WordPress post in a template (inert in the page: its iframe never loads).
  const rich = page('Rich body', `<div data-byline data-article-body="#story"><p>Loading the story…</p></div>\n<template id="story">${WORDPRESS}</template>`);
  writeFileSync(path.join(site, 'rich.html'), rich);
  writeFileSync(path.join(site, 'rich-client.html'), rich);
  // One host per vector, its body in a template; the vectors' replies from one route.
  const hostile = VECTORS.filter((v) => !/<\/template/i.test(v)).map((vector, i) =>
    `<section aria-label="Vector ${i + 1}"><div data-byline data-article-body="#b${i}" data-replies-src="/api/replies"></div><template id="b${i}"><p>Before</p>${vector}<p>After</p></template></section>`);
  writeFileSync(path.join(site, 'hostile.html'), page('Hostile bodies', hostile.join('\n')));
  writeFileSync(path.join(site, 'hostile-client.html'), page('Hostile bodies', hostile.join('\n')));
  const files = ['rich.html', 'hostile.html'].map((f) => path.join(site, f));
  const run = spawnSync(path.join(projectRoot, 'scripts', 'prerender'), ['--root', tmp, ...files], { encoding: 'utf8', timeout: 10 * 60_000 });
  assert.equal(run.status, 0, `scripts/prerender failed:\n${run.stdout}${run.stderr}`);
  server = await startServer({ mounts: [{ prefix: '/site/', dir: site }] });
  server.setRoute('GET', '/api/replies', { status: 200, headers: { 'X-WP-Total': String(VECTORS.length + 1), 'X-WP-TotalPages': '1' }, body: replies() });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What the article body shows. Runs in the browser. */
function bodyParts(host) {
  const body = document.querySelector(`${host} .byline-body.byline-rich[itemprop="articleBody"]`);
  if (!body) return null;
  return {
    headings: [...body.querySelectorAll('h2')].map((h) => h.textContent),
    links: [...body.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    items: body.querySelectorAll('li').length,
    captions: [...body.querySelectorAll('figure > figcaption')].map((c) => c.textContent),
    images: [...body.querySelectorAll('img')].map((i) => `${i.getAttribute('width')}x${i.getAttribute('height')} ${i.getAttribute('loading')}`),
    cells: [...body.querySelectorAll('.byline-table td')].map((td) => td.textContent),
    quotes: body.querySelectorAll('blockquote').length,
    embeds: [...body.querySelectorAll('figure.byline-embed a.byline-embed-link')].map((a) => a.textContent),
    pullquotes: body.querySelectorAll('figure.byline-pullquote').length,
  };
}

function assertWordPressBody(parts) {
  assert.ok(parts, 'a rich body');
  assert.deepEqual(parts.headings, ['What changes']);
  assert.ok(parts.links.includes('https://www.estuary-gazette.example/ferry') && parts.links.includes('/timetable'), parts.links.join(' '));
  assert.equal(parts.items, 2);
  assert.ok(parts.captions.includes('The ferry at the north quay.'), parts.captions.join(' | '));
  assert.ok(parts.images.includes('1024x683 lazy'), parts.images.join(' | '));
  assert.deepEqual(parts.cells, ['Monday', '06:00', 'Sunday', '08:00']);
  assert.equal(parts.quotes, 2);
  assert.equal(parts.pullquotes, 1);
  assert.deepEqual(parts.embeds, ['The new ferry, first crossing', 'twitter.com']);
}

describe('a WordPress post of core blocks', () => {
  test('pre-rendered: the rich body reads before any script, and the takeover shifts nothing', async () => {
    const plain = await newPage(browser, { javaScriptEnabled: false });
    try {
      await plain.page.goto(url('rich.html'));
      assertWordPressBody(await plain.page.evaluate(bodyParts, HOST));
    } finally {
      await plain.close();
    }
    const r = await newPage(browser, { viewport: { width: 800, height: 900 } });
    try {
      await r.page.addInitScript(recordShifts);
      await r.page.goto(url('rich.html'));
      await waitForWidget(r.page);
      await r.page.locator(`${HOST} .byline-mount`).waitFor();
      assertWordPressBody(await r.page.evaluate(bodyParts, HOST));
      const shifts = await r.page.evaluate(() => window.__shifts);
      assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts.join(', ')}`);
      assert.deepEqual(r.pageErrors.map(String), []);
      assert.deepEqual(r.errors(), []);
    } finally {
      await r.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`client-rendered, ${colorScheme}: axe finds nothing, images reserve their space`, async () => {
      const r = await newPage(browser, { colorScheme, viewport: { width: 1024, height: 900 } });
      try {
        await r.page.addInitScript(recordShifts);
        await r.page.goto(url('rich-client.html'));
        await waitForWidget(r.page);
        assertWordPressBody(await r.page.evaluate(bodyParts, HOST));
        await r.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await r.page.waitForTimeout(300);
        const violations = await runAxe(r.page);
        assert.deepEqual(violations, [], formatViolations(violations));
        const shifts = await r.page.evaluate(() => window.__shifts);
        assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts.join(', ')}`);
      } finally {
        await r.close();
      }
    });
  }

  test('a change of data-article-body takes effect: text, back to the template, and a source that names nothing (one warning)', async () => {
    const r = await newPage(browser);
    try {
      await r.page.goto(url('rich-client.html'));
      await waitForWidget(r.page);
      const set = (value) => r.page.evaluate((v) => document.querySelector('[data-byline]').setAttribute('data-article-body', v), value);
      const shown = () => r.page.evaluate(() => ({
        rich: Boolean(document.querySelector('.byline-body.byline-rich')),
        text: document.querySelector('.byline-body')?.textContent.trim().slice(0, 40),
      }));
      await set('text');
      await r.page.waitForFunction(() => !document.querySelector('.byline-body.byline-rich'));
      assert.deepEqual(await shown(), { rich: false, text: 'The plain-text fallback.' });
      await set('#story');
      await r.page.waitForFunction(() => Boolean(document.querySelector('.byline-body.byline-rich')));
      assert.equal((await shown()).rich, true);
      await set('#nowhere');
      await r.page.waitForFunction(() => !document.querySelector('.byline-body.byline-rich'));
      const warnings = r.warnings().filter((w) => w.includes('data-article-body'));
      assert.deepEqual(warnings, ['Byline: data-article-body="#nowhere" names no element in the page; using the article\'s articleBody text instead.']);
      assert.deepEqual(r.errors(), []);
    } finally {
      await r.close();
    }
  });

  test('at 320 px a wide table scrolls inside its own box, not the page', async () => {
    const r = await newPage(browser, { viewport: { width: 320, height: 700 } });
    try {
      await r.page.goto(url('rich-client.html'));
      await waitForWidget(r.page);
      await r.page.evaluate(() => {
        const row = document.querySelector('.byline-table tr');
        for (let i = 0; i < 6; i += 1) row.insertAdjacentHTML('beforeend', '<td>A long cell that needs room</td>');
      });
      const sizes = await r.page.evaluate(() => {
        const box = document.querySelector('.byline-table');
        return { box: box.scrollWidth > box.clientWidth, page: document.documentElement.scrollWidth, focusable: box.tabIndex };
      });
      assert.ok(sizes.box, 'the table box scrolls');
      assert.ok(sizes.page <= 320, `the page is ${sizes.page} px wide`);
      assert.equal(sizes.focusable, 0);
    } finally {
      await r.close();
    }
  });
});

describe('the demo article', () => {
  for (const [file, colorScheme] of [['index.html', 'light'], ['index.html', 'dark'], ['client.html', 'light']]) {
    test(`${file} (${colorScheme}): links, a subheading, a figure with its caption, a quote and a table; axe finds nothing`, async () => {
      const r = await newPage(browser, { colorScheme });
      try {
        await r.page.goto(`${server.url}/dist/${file}`);
        await waitForWidget(r.page);
        const parts = await r.page.evaluate(bodyParts, HOST);
        assert.ok(parts, 'a rich body');
        assert.deepEqual(parts.headings, ['Pyongyang’s denial', 'What was reported']);
        assert.ok(parts.links.includes('https://www.state.gov/'), parts.links.join(' '));
        assert.equal(parts.captions.length, 1);
        assert.ok(parts.images.includes('800x450 lazy'));
        assert.equal(parts.quotes, 1);
        assert.equal(parts.cells.length, 6);
        const violations = await runAxe(r.page);
        assert.deepEqual(violations, [], formatViolations(violations));
      } finally {
        await r.close();
      }
    });
  }
});

/** Findings of anything that could run or load in the hosts. Runs in the browser. */
function inspect() {
  const findings = [];
  for (const el of document.querySelectorAll('[data-byline] *')) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'link', 'meta', 'base'].includes(el.localName) && !el.closest('.byline-reply')) {
      findings.push(`<${el.localName}> in a host`);
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`${name} on <${el.localName}>`);
      const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      const isAddress = ['href', 'src', 'srcset', 'cite', 'action', 'formaction', 'poster', 'background'].includes(name);
      if (isAddress && /javascript:|data:|vbscript:/.test(value)) findings.push(`${name}="${attr.value}" on <${el.localName}>`);
    }
  }
  // The tripwire counts dialogs (it does not run with scripts off).
  if (window.__xss) findings.push(`window.__xss = ${window.__xss}`);
  return findings;
}

describe(`XSS vectors (${VECTORS.length}) in bodies and replies`, () => {
  test('in the browser: nothing runs, no handler, no javascript: or data: address; a reply’s link is a real link', async () => {
    const r = await newPage(browser);
    try {
      await r.page.goto(url('hostile-client.html'));
      await r.page.waitForFunction(() => [...document.querySelectorAll('[data-byline]')].every((h) => h.getAttribute('data-byline-state') === 'ready'), null, { timeout: 60_000 });
      await r.page.waitForFunction(() => document.querySelectorAll('.byline-thread').length > 0, null, { timeout: 30_000 });
      await r.page.waitForTimeout(500);
      assert.deepEqual(await r.page.evaluate(inspect), []);
      assert.equal(r.dialogs.length, 0);
      const link = await r.page.$eval('.byline-thread .byline-reply-content a', (a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') }));
      assert.deepEqual(link, { href: 'https://source.example/report', rel: 'nofollow ugc noopener' });
    } finally {
      await r.close();
    }
  });

  test('in the pre-rendered file, read without scripts and then taken over', async () => {
    const written = readFileSync(path.join(tmp, 'site', 'hostile.html'), 'utf8');
    assert.ok(written.includes('data-byline-prerendered'), 'the hosts were pre-rendered');
    for (const scripts of [false, true]) {
      const r = await newPage(browser, { javaScriptEnabled: scripts });
      try {
        await r.page.goto(url('hostile.html'));
        if (scripts) await r.page.waitForTimeout(1500);
        assert.deepEqual(await r.page.evaluate(inspect), [], `scripts ${scripts ? 'on' : 'off'}`);
        assert.equal(r.dialogs.length, 0);
      } finally {
        await r.close();
      }
    }
  });
});

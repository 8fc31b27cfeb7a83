// End-to-end tests of related stories (issue 4; CONTRACT sections 2 data-related and
// data-related-limit, 4, and 6 byline:related-click) over the release build (dist/), in
// hand-written publisher pages (tests/e2e/hosts/related-*.html) with feeds in
// tests/e2e/fixtures/feeds/.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/related.test.mjs

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt, projectRoot, startServer } from './support/server.mjs';
import { formatViolations, launch, newPage, runAxe, waitForWidget } from './support/browser.mjs';

const HOST = '[data-byline]';
const SITE = 'https://www.estuary-gazette.example';

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

/** Absolute URL on the test server. */
const local = (p) => `${server.url}${p}`;

/** Opens a host page in a fresh context and waits for the article to be ready. */
async function openHost(file, { selector = HOST, init } = {}) {
  const recorded = await newPage(browser);
  if (init) await recorded.page.addInitScript(init);
  await recorded.page.goto(local(`/hosts/${file}`));
  await waitForWidget(recorded.page, selector, 'ready');
  return recorded;
}

/** Waits until the related section is rendered in the host. */
function waitForRelated(page, selector = HOST) {
  return page.waitForSelector(`${selector} .byline-related`, { timeout: 10_000 });
}

/** Everything about the related section of one host, read in one round trip. */
function readRelated(page, selector = HOST) {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const sections = host.querySelectorAll('.byline-related');
    const section = sections[0] ?? null;
    const article = host.querySelector('article.byline-article');
    const form = host.querySelector('form');
    const headingId = section?.getAttribute('aria-labelledby');
    const heading = headingId ? document.getElementById(headingId) : null;
    return {
      sectionCount: sections.length,
      tag: section?.tagName.toLowerCase() ?? null,
      heading: heading && {
        tag: heading.tagName.toLowerCase(),
        text: heading.textContent.replace(/\s+/g, ' ').trim(),
        inSection: section.contains(heading),
      },
      afterArticle: Boolean(
        article && section && article.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
      articleHeadline: article?.querySelector('h1')?.textContent ?? null,
      hasForm: Boolean(form?.querySelector('textarea')),
      list: section
        ? {
            tag: section.querySelector('ul, ol')?.tagName.toLowerCase() ?? null,
            items: section.querySelectorAll('li').length,
          }
        : null,
      items: section
        ? [...section.querySelectorAll('li')].map((li) => {
            const links = [...li.querySelectorAll('a[href]')];
            const time = li.querySelector('time');
            const img = li.querySelector('img');
            const summary = li.querySelector('.byline-related-summary');
            return {
              href: links[0]?.getAttribute('href') ?? null,
              linkCount: links.length,
              title: links[0]?.textContent ?? null,
              time: time && { datetime: time.getAttribute('datetime'), text: time.textContent.trim() },
              summary: summary ? summary.textContent.replace(/\s+/g, ' ').trim() : null,
              img: img && {
                src: img.getAttribute('src'),
                loading: img.getAttribute('loading'),
                width: img.getAttribute('width'),
                height: img.getAttribute('height'),
                alt: img.getAttribute('alt'),
              },
            };
          })
        : [],
      anyRelatedHeading: host.querySelectorAll('.byline-related-heading').length,
      errorBox: host.querySelectorAll('.byline-error').length,
      crashed: document.querySelectorAll('.byline-crashed').length,
    };
  }, selector);
}

/**
 * A valid HTML `datetime` value for a date: a valid date string (YYYY-MM-DD) or a valid
 * global/local date and time string (YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]).
 * HTML's "valid date string with optional time" (HTML 4.8.15 The time element).
 */
const HTML_DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Compares the rendered stories with the expected ones, field by field, in order.
 * expected: [{ href, title, summary?, date?, image? }]
 *   summary: string (squashed text), null (none), undefined (not checked)
 *   date: the feed's date string (the <time> must carry a valid HTML datetime for the same instant)
 *   image: absolute URL or null
 */
function assertStories(actual, expected, label) {
  assert.deepEqual(
    actual.items.map((i) => i.href),
    expected.map((e) => e.href),
    `${label}: story links, in feed order (skipped: no title, unsafe URL, the article itself; at most the limit)`,
  );
  expected.forEach((want, i) => {
    const got = actual.items[i];
    const where = `${label}, story ${i + 1} (${want.href})`;
    assert.equal(got.linkCount, 1, `${where}: one <a href> per story`);
    assert.equal(got.title, want.title, `${where}: title as text`);
    if (want.summary !== undefined) assert.equal(got.summary, want.summary, `${where}: summary`);
    if (want.date) {
      assert.ok(got.time, `${where}: a <time> element for ${want.date}`);
      assert.notEqual(got.time.text, '', `${where}: the date has visible text`);
      assert.notEqual(got.time.text, want.date, `${where}: the date is formatted, not the raw feed value`);
      assert.match(
        got.time.datetime ?? '',
        HTML_DATETIME,
        `${where}: <time datetime="${got.time.datetime}"> is not a valid HTML date/time string ` +
          `(feed value ${JSON.stringify(want.date)}; expected e.g. 2025-11-06T08:15:00Z)`,
      );
      assert.equal(
        Date.parse(got.time.datetime),
        Date.parse(want.date),
        `${where}: datetime ${got.time.datetime} is not the instant ${want.date}`,
      );
    } else if (want.date === null) {
      assert.equal(got.time, null, `${where}: no date in the feed, no <time>`);
    }
    if (want.image !== undefined) {
      if (want.image === null) {
        assert.equal(got.img, null, `${where}: no thumbnail`);
      } else {
        assert.ok(got.img, `${where}: a thumbnail from ${want.image}`);
        assert.equal(got.img.src, want.image, `${where}: thumbnail URL resolved against the feed`);
        assert.equal(got.img.loading, 'lazy', `${where}: thumbnail lazy-loaded`);
        assert.match(got.img.width ?? '', /^\d+$/, `${where}: thumbnail width reserved`);
        assert.match(got.img.height ?? '', /^\d+$/, `${where}: thumbnail height reserved`);
        assert.notEqual(got.img.alt, null, `${where}: thumbnail has an alt attribute`);
      }
    }
  });
}

/** The section's structure: a labelled <section> after the article, a list, no errors. */
function assertSection(actual, count, label) {
  assert.equal(actual.sectionCount, 1, `${label}: one .byline-related section`);
  assert.equal(actual.tag, 'section', `${label}: a <section>`);
  assert.ok(actual.heading, `${label}: the section is labelled by its heading`);
  assert.match(actual.heading.tag, /^h[2-6]$/, `${label}: heading level`);
  assert.ok(actual.heading.inSection, `${label}: heading inside the section`);
  assert.match(actual.heading.text, /Related stories/, `${label}: heading text`);
  assert.ok(actual.afterArticle, `${label}: the section comes after the article`);
  assert.ok(['ul', 'ol'].includes(actual.list.tag), `${label}: the stories are a list`);
  assert.equal(actual.list.items, count, `${label}: number of list items`);
  assert.ok(actual.hasForm, `${label}: the reply form is still there`);
  assert.equal(actual.errorBox, 0, `${label}: no error box`);
  assert.equal(actual.crashed, 0, `${label}: no panic fallback`);
}

/** No console errors or warnings, no uncaught errors. */
function assertQuiet(recorded) {
  assert.deepEqual(recorded.pageErrors.map(String), [], 'uncaught page errors');
  assert.deepEqual(recorded.errors(), [], 'console errors');
  assert.deepEqual(recorded.warnings(), [], 'console warnings');
}

// ---------------------------------------------------------------------------------------------
// Each format from a URL

describe('JSON Feed 1.1 by URL (hosts/related-jsonfeed.html)', () => {
  let recorded;
  let related;

  before(async () => {
    recorded = await openHost('related-jsonfeed.html');
    await waitForRelated(recorded.page);
    related = await readRelated(recorded.page);
  });
  after(() => recorded?.close());

  test('fetched the feed once, after the article', () => {
    assert.equal(server.requestsTo('/fixtures/feeds/estuary.json', 'GET').length, 1);
  });

  test('section: heading, list after the article, default limit of 5', () => {
    assertSection(related, 5, 'JSON Feed');
  });

  test('stories: feed order; untitled, blank-titled, javascript:, data:, own-URL and own-page items skipped; relative URLs against the feed', () => {
    assertStories(related, [
      {
        href: `${SITE}/news/surge-forecast-how-it-works`,
        title: 'How the surge forecast is made, hour by hour',
        summary: 'Forecasters at the coastal office explain the tide and wind models behind Thursday’s warning.',
        date: '2025-11-06T07:30:00Z',
        image: local('/fixtures/harbour-seals.svg'),
      },
      {
        // "stories/…" is relative to /fixtures/feeds/estuary.json, not to the page.
        href: local('/fixtures/feeds/stories/barrier-gate-engineers.html'),
        title: 'Meet the engineers who swing the 400-tonne gates',
        summary: 'A night shift with the crew that closed the barrier for the first time.',
        date: '2025-11-05T18:00:00+01:00',
        image: null,
      },
      {
        href: local('/news/ferry-crossings-suspended'),
        title: 'Ferry crossings suspended until the surge passes',
        summary: 'The operator expects the first sailings on Saturday morning.',
        date: '2025-11-06',
        image: local('/fixtures/victoria-baths.svg'),
      },
      {
        href: `${SITE}/news/river-wall-repairs`,
        title: 'River wall repairs: which streets are next',
        date: '2025-11-04T09:00:00Z',
      },
      {
        href: `${SITE}/news/insurers-flood-claims`,
        title: 'Insurers expect fewer claims than after the 2013 surge',
        summary: 'Most homes behind the new defences stayed dry.',
        date: '2025-11-03T12:15:00Z',
        image: null,
      },
    ], 'JSON Feed');
  });

  test('the widget adds no tracking parameters to the links', () => {
    for (const item of related.items) {
      assert.doesNotMatch(item.href, /[?&](utm_|ref=|source=|fbclid|gclid)/, item.href);
    }
  });

  test('each story link is reachable with Tab, in order', async () => {
    const { page } = recorded;
    const wanted = related.items.map((i) => i.href);
    const visited = [];
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 80 && visited.length < wanted.length; i += 1) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches?.('.byline-related a[href]') ? el.getAttribute('href') : null;
      });
      if (href) visited.push(href);
    }
    assert.deepEqual(visited, wanted, 'related links focused by Tab');
  });

  test('no console output, no errors', () => {
    assertQuiet(recorded);
  });

  test('axe: no violations on the page with the section shown', async () => {
    const violations = await runAxe(recorded.page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });
});

describe('RSS 2.0 by URL (hosts/related-rss.html)', () => {
  let recorded;
  let related;

  before(async () => {
    recorded = await openHost('related-rss.html');
    await waitForRelated(recorded.page);
    related = await readRelated(recorded.page);
  });
  after(() => recorded?.close());

  test('section with the three usable items (limit 10)', () => {
    assertSection(related, 3, 'RSS');
  });

  test('links and titles: entities decoded, untitled / javascript: / own-article skipped, relative link against the feed', () => {
    assert.deepEqual(
      related.items.map((i) => [i.href, i.title]),
      [
        [`${SITE}/news/ferries-and-buses`, 'Ferries & buses: what runs while the barrier is shut'],
        [local('/fixtures/feeds/stories/flood-fund.html'), 'Council’s flood fund opens to shop owners'],
        [`${SITE}/news/live-storm-surge`, '<Live> Storm surge updates'],
      ],
    );
  });

  test('description: HTML in CDATA and escaped HTML reduced to plain text, entities decoded', () => {
    assert.deepEqual(
      related.items.map((i) => i.summary),
      [
        'Most routes run to a reduced timetable; the 7:40 & 8:10 crossings are cancelled. Check before you travel.',
        'Grants of up to £5,000 — apply by 30 November.',
        'Escaped & markup',
      ],
    );
  });

  test('images: enclosure (relative to the feed) and media:content; an audio enclosure is no thumbnail', () => {
    assertStories(related, [
      { href: `${SITE}/news/ferries-and-buses`, title: 'Ferries & buses: what runs while the barrier is shut', image: local('/fixtures/victoria-baths.svg') },
      { href: local('/fixtures/feeds/stories/flood-fund.html'), title: 'Council’s flood fund opens to shop owners', image: local('/fixtures/harbour-seals.svg') },
      { href: `${SITE}/news/live-storm-surge`, title: '<Live> Storm surge updates', image: null },
    ], 'RSS');
  });

  test('pubDate (RFC 822) becomes <time> with a valid HTML datetime for the same instant', () => {
    assertStories(related, [
      { href: `${SITE}/news/ferries-and-buses`, title: 'Ferries & buses: what runs while the barrier is shut', date: 'Thu, 06 Nov 2025 08:15:00 GMT' },
      { href: local('/fixtures/feeds/stories/flood-fund.html'), title: 'Council’s flood fund opens to shop owners', date: 'Wed, 05 Nov 2025 16:40:00 +0000' },
      { href: `${SITE}/news/live-storm-surge`, title: '<Live> Storm surge updates', date: 'Thu, 06 Nov 2025 06:00:00 GMT' },
    ], 'RSS');
  });

  test('no console output, no errors', () => {
    assertQuiet(recorded);
  });
});

describe('Atom by URL (hosts/related-atom.html)', () => {
  let recorded;
  let related;

  before(async () => {
    recorded = await openHost('related-atom.html');
    await waitForRelated(recorded.page);
    related = await readRelated(recorded.page);
  });
  after(() => recorded?.close());

  test('section with the three usable entries', () => {
    assertSection(related, 3, 'Atom');
  });

  test('rel=alternate chosen over rel=edit; link without rel used; self-only, untitled, data: and own-article entries skipped; summary; updated', () => {
    assertStories(related, [
      {
        href: `${SITE}/news/barrier-timeline`,
        title: 'Barrier closures: a timeline since 1984',
        summary: 'From the first test closure to Thursday’s: every time the gates came down.',
        date: '2025-11-06T06:00:00Z',
        image: null,
      },
      {
        href: local('/fixtures/feeds/stories/sandbags.html'),
        title: 'Sandbags and pumps: where to get them',
        // <summary type="html"> reduced to text.
        summary: 'Free sandbags at three depots & the town hall.',
        date: '2025-11-05T12:00:00+00:00',
        image: null,
      },
      {
        href: `${SITE}/news/tide-gauges`,
        title: 'Tide gauges: reading the numbers',
        summary: 'What “4.8 metres above datum” means for your street.',
        date: '2025-11-04T16:30:00Z',
        image: local('/fixtures/harbour-seals.svg'),
      },
    ], 'Atom');
  });

  test('no console output, no errors', () => {
    assertQuiet(recorded);
  });
});

describe('schema.org ItemList by URL (hosts/related-itemlist.html)', () => {
  let recorded;
  let related;

  before(async () => {
    recorded = await openHost('related-itemlist.html');
    await waitForRelated(recorded.page);
    related = await readRelated(recorded.page);
  });
  after(() => recorded?.close());

  test('section with at most four items (data-related-limit="4")', () => {
    assertSection(related, 4, 'ItemList');
  });

  test('ListItem url+name, item objects with headline (url or @id), nameless / javascript: / own-article skipped', () => {
    assertStories(related, [
      { href: `${SITE}/news/surge-photos`, title: 'In pictures: the estuary at high water', summary: null, date: null, image: null },
      {
        href: `${SITE}/news/barrier-closed-twice`,
        title: 'Why the barrier closed twice in one day',
        summary: 'Two high tides twelve hours apart, both above the threshold.',
        date: '2025-11-06T14:20:00Z',
        image: local('/fixtures/harbour-seals.svg'),
      },
      { href: local('/fixtures/feeds/stories/pumping-stations.html'), title: 'Pumping stations ran all night' },
      { href: `${SITE}/news/harbour-master-interview`, title: 'The harbour master on a long night' },
    ], 'ItemList');
  });

  test('no console output, no errors', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// Each format inline, by #id

describe('inline feeds by #id (hosts/related-inline.html)', () => {
  let recorded;
  const slot = (name) => `#slot-${name} ${HOST}`;

  before(async () => {
    recorded = await newPage(browser);
    await recorded.page.goto(local('/hosts/related-inline.html'));
    for (const name of ['jsonfeed', 'rss', 'atom', 'itemlist', 'missing']) {
      await waitForWidget(recorded.page, slot(name), 'ready');
    }
    for (const name of ['jsonfeed', 'rss', 'atom', 'itemlist']) {
      await waitForRelated(recorded.page, slot(name));
    }
  });
  after(() => recorded?.close());

  test('JSON Feed in <script type="application/feed+json">: relative URL against the page, limit 2', async () => {
    const related = await readRelated(recorded.page, slot('jsonfeed'));
    assertSection(related, 2, 'inline JSON Feed');
    assertStories(related, [
      { href: `${SITE}/news/surge-warning-lifted`, title: 'Surge warning lifted for the upper estuary', date: '2025-11-06T13:00:00Z' },
      { href: local('/hosts/stories/inline-json.html'), title: 'Relative link in an inline JSON Feed', summary: 'Resolved against the page.' },
    ], 'inline JSON Feed');
  });

  test('RSS in <script type="application/rss+xml">', async () => {
    const related = await readRelated(recorded.page, slot('rss'));
    assertSection(related, 2, 'inline RSS');
    assertStories(related, [
      { href: `${SITE}/news/road-closures-quay`, title: 'Road closures around the quay', summary: 'Quay Street & Mill Lane are closed.' },
      { href: local('/hosts/stories/inline-rss.html'), title: 'Relative link in an inline RSS feed' },
    ], 'inline RSS');
  });

  test('Atom in <script type="application/atom+xml">', async () => {
    const related = await readRelated(recorded.page, slot('atom'));
    assertSection(related, 2, 'inline Atom');
    assertStories(related, [
      {
        href: `${SITE}/news/barrier-reopens`,
        title: 'Barrier to reopen after the evening tide',
        summary: 'Engineers will raise the gates at about 9pm.',
        date: '2025-11-06T10:00:00Z',
      },
      { href: local('/hosts/stories/inline-atom.html'), title: 'Relative link in an inline Atom feed', date: '2025-11-06T09:00:00Z' },
    ], 'inline Atom');
  });

  test('ItemList in <script type="application/ld+json">', async () => {
    const related = await readRelated(recorded.page, slot('itemlist'));
    assertSection(related, 2, 'inline ItemList');
    assertStories(related, [
      { href: `${SITE}/news/volunteers-fill-sandbags`, title: 'Volunteers fill 3,000 sandbags overnight' },
      { href: local('/hosts/stories/inline-itemlist.html'), title: 'Relative link in an inline ItemList' },
    ], 'inline ItemList');
  });

  test('#id naming no element: no section, article and form intact, one warning naming it', async () => {
    const related = await readRelated(recorded.page, slot('missing'));
    assert.equal(related.sectionCount, 0, 'no section');
    assert.equal(related.anyRelatedHeading, 0, 'no heading');
    assert.equal(related.articleHeadline, 'Live: storm surge on the estuary');
    assert.ok(related.hasForm, 'form present');
    const warnings = recorded.warnings();
    assert.equal(warnings.length, 1, `one console.warn on the page: ${JSON.stringify(warnings)}`);
    assert.ok(warnings[0].includes('#no-such-feed'), warnings[0]);
  });

  test('no other console output, no errors', () => {
    assert.deepEqual(recorded.pageErrors.map(String), []);
    assert.deepEqual(recorded.errors(), []);
  });
});

// ---------------------------------------------------------------------------------------------
// Limit 0, no usable items, failing feeds

describe('nothing to show', () => {
  afterEach(() => server.clearRoutes());

  test('data-related-limit="0": no section, no heading, the feed is never requested', async () => {
    const recorded = await openHost('related-limit-zero.html');
    try {
      await recorded.page.waitForTimeout(1000);
      const related = await readRelated(recorded.page);
      assert.equal(related.sectionCount, 0);
      assert.equal(related.anyRelatedHeading, 0);
      assert.equal(server.requestsTo('/api/related-unused').length, 0, 'no request for the feed');
      assertQuiet(recorded);
    } finally {
      await recorded.close();
    }
  });

  test('a valid feed without usable items: no section and no empty heading', async () => {
    server.setRoute('GET', '/api/related', {
      headers: { 'Content-Type': 'application/feed+json' },
      body: {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Nothing usable',
        items: [
          { id: '1', url: 'https://www.estuary-gazette.example/news/a' },
          { id: '2', url: 'javascript:alert(1)', title: 'Unsafe' },
          { id: '3', url: 'data:text/html,hi', title: 'Unsafe too' },
          { id: '4', url: 'https://www.estuary-gazette.example/news/river-wall-funding', title: 'Own article' },
          { id: '5', title: 'No URL at all' },
        ],
      },
    });
    const recorded = await openHost('related-failing.html');
    try {
      await waitForFeedRequest();
      await recorded.page.waitForTimeout(500);
      const related = await readRelated(recorded.page);
      assert.equal(related.sectionCount, 0, 'no section');
      assert.equal(related.anyRelatedHeading, 0, 'no heading');
      assert.ok(related.hasForm);
      assert.deepEqual(recorded.errors(), []);
      assert.deepEqual(recorded.pageErrors.map(String), []);
    } finally {
      await recorded.close();
    }
  });
});

describe('feeds not in UTF-8 (hosts/related-failing.html with /api/related)', () => {
  const latin1 = (text) => Buffer.from(text, 'latin1');
  const CASES = [
    {
      title: 'ISO-8859-1 named by the XML declaration only',
      headers: { 'Content-Type': 'application/rss+xml' },
      body: latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="2.0"><channel><title>Z\u00fcrich</title>' +
        '<item><title>Caf\u00e9 cr\u00e8me \u00e0 Z\u00fcrich</title><link>https://news.example/cafe</link></item></channel></rss>'),
      expected: 'Caf\u00e9 cr\u00e8me \u00e0 Z\u00fcrich',
    },
    {
      title: 'windows-1251 named by the Content-Type header',
      headers: { 'Content-Type': 'application/rss+xml; charset=windows-1251' },
      // "Новости" in windows-1251.
      body: Buffer.concat([
        Buffer.from('<rss version="2.0"><channel><title>t</title><item><title>'),
        Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]),
        Buffer.from('</title><link>https://news.example/ru</link></item></channel></rss>'),
      ]),
      expected: '\u041d\u043e\u0432\u043e\u0441\u0442\u0438',
    },
  ];
  for (const c of CASES) {
    test(`${c.title}: titles read right`, async () => {
      server.setRoute('GET', '/api/related', { headers: c.headers, body: c.body });
      const recorded = await openHost('related-failing.html');
      try {
        await recorded.page.locator('.byline-related-link').first().waitFor();
        const titles = await recorded.page.$$eval('.byline-related-link', (links) => links.map((a) => a.textContent.trim()));
        assert.deepEqual(titles, [c.expected]);
        assert.deepEqual(recorded.errors(), []);
      } finally {
        await recorded.close();
      }
    });
  }
});

/** Waits until the page asked for /api/related. */
async function waitForFeedRequest(timeout = 10_000) {
  const start = Date.now();
  while (server.requestsTo('/api/related', 'GET').length === 0) {
    if (Date.now() - start > timeout) throw new Error('the feed /api/related was never requested');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the first console warning, then a little longer so a second one would show. */
async function settleWarnings(recorded, timeout = 10_000) {
  const start = Date.now();
  while (recorded.warnings().length === 0 && Date.now() - start < timeout) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 600));
  return recorded.warnings();
}

const FAILURES = [
  { name: '404', spec: { status: 404, body: 'Not found' }, reason: /404/ },
  { name: '500', spec: { status: 500, body: 'Internal Server Error' }, reason: /500/ },
  { name: 'connection dropped', spec: { drop: true }, reason: /network|fetch|connection|failed/i },
  {
    name: 'invalid XML',
    spec: {
      headers: { 'Content-Type': 'application/rss+xml' },
      body: '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>Broken</title></channel></rss>',
    },
    reason: /XML|well-formed/i,
  },
  {
    name: 'invalid JSON',
    spec: {
      headers: { 'Content-Type': 'application/feed+json' },
      body: '{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "Cut off',
    },
    reason: /JSON/,
  },
  {
    name: 'unknown format (JSON that is no feed)',
    spec: { headers: { 'Content-Type': 'application/json' }, body: { status: 'ok', stories: [] } },
    reason: /format|not a JSON Feed|RSS|Atom|ItemList/i,
  },
  {
    name: 'unknown format (an HTML page)',
    spec: {
      headers: { 'Content-Type': 'text/html' },
      body: '<html><body><h1>Down for maintenance</h1></body></html>',
    },
    reason: /format|not a JSON Feed|RSS|Atom|ItemList/i,
  },
  {
    name: 'unknown format (plain text)',
    spec: { headers: { 'Content-Type': 'text/plain' }, body: 'Service temporarily unavailable' },
    reason: /format|not a JSON Feed|RSS|Atom|ItemList/i,
  },
];

describe('failing feeds (hosts/related-failing.html)', () => {
  let reference;

  before(async () => {
    // The article and form as they render with no related section at all (feed with no items).
    server.setRoute('GET', '/api/related', {
      headers: { 'Content-Type': 'application/feed+json' },
      body: { version: 'https://jsonfeed.org/version/1.1', title: 'Empty', items: [] },
    });
    const recorded = await openHost('related-failing.html');
    await waitForFeedRequest();
    await recorded.page.waitForTimeout(300);
    reference = await widgetMarkup(recorded.page);
    await recorded.close();
    server.clearRoutes();
  });
  afterEach(() => server.clearRoutes());

  /** The article's and the form's markup (ids are per-widget and equal across loads). */
  function widgetMarkup(page) {
    return page.evaluate((selector) => {
      const host = document.querySelector(selector);
      return {
        article: host.querySelector('article.byline-article')?.outerHTML ?? null,
        form: host.querySelector('section.byline-reply, form')?.outerHTML ?? null,
      };
    }, HOST);
  }

  for (const failure of FAILURES) {
    test(`${failure.name}: article and form untouched, no section, one console.warn with URL and reason`, async () => {
      server.setRoute('GET', '/api/related', failure.spec);
      const recorded = await openHost('related-failing.html');
      try {
        await waitForFeedRequest();
        const warnings = await settleWarnings(recorded);
        assert.equal(warnings.length, 1, `exactly one console.warn: ${JSON.stringify(warnings)}`);
        assert.ok(
          warnings[0].includes(local('/api/related')),
          `the warning names the feed URL ${local('/api/related')}: ${warnings[0]}`,
        );
        assert.match(warnings[0], failure.reason, `the warning gives the reason: ${warnings[0]}`);

        const related = await readRelated(recorded.page);
        assert.equal(related.sectionCount, 0, 'no related section');
        assert.equal(related.anyRelatedHeading, 0, 'no related heading');
        assert.deepEqual(await widgetMarkup(recorded.page), reference, 'article and form as without a feed');
        assert.equal(related.errorBox, 0, 'no error box: the article itself is fine');
        assert.equal(await recorded.page.getAttribute(HOST, 'data-byline-state'), 'ready');
        assert.deepEqual(recorded.errors(), [], 'no console.error (a feed failure is a warning)');
        assert.deepEqual(recorded.pageErrors.map(String), []);
      } finally {
        await recorded.close();
      }
    });
  }

  test('a slow 500 while the reader types: the typed comment and focus stay', async () => {
    server.setRoute('GET', '/api/related', { status: 500, delayMs: 1500, body: 'Internal Server Error' });
    const recorded = await openHost('related-failing.html');
    try {
      const { page } = recorded;
      const textarea = `${HOST} textarea`;
      await page.click(textarea);
      await page.keyboard.type('The wall should have been built ten years ago.');
      const warnings = await settleWarnings(recorded);
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.equal(await page.inputValue(textarea), 'The wall should have been built ten years ago.');
      assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), textarea), 'focus stays in the textarea');
      assert.equal((await readRelated(page)).sectionCount, 0);
    } finally {
      await recorded.close();
    }
  });

  test('no answer at all: after the request timeout, one console.warn with URL and reason', async () => {
    // The server holds the request; the page's clock is moved past the widget's 15 s limit.
    server.setRoute('GET', '/api/related', { delayMs: 60_000, body: '{}' });
    const recorded = await newPage(browser);
    try {
      await recorded.page.clock.install();
      await recorded.page.goto(local('/hosts/related-failing.html'));
      await waitForWidget(recorded.page, HOST, 'ready');
      await waitForFeedRequest();
      await recorded.page.clock.fastForward(16_000);
      const warnings = await settleWarnings(recorded, 3000);
      assert.equal(warnings.length, 1, `exactly one console.warn: ${JSON.stringify(warnings)}`);
      assert.ok(warnings[0].includes(local('/api/related')), warnings[0]);
      assert.match(warnings[0], /time|answer|15/i, warnings[0]);
      const related = await readRelated(recorded.page);
      assert.equal(related.sectionCount, 0);
      assert.ok(related.hasForm);
    } finally {
      await recorded.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// byline:related-click (contract section 6)

/**
 * Init script: records byline:related-click in sessionStorage (it survives the navigation that
 * follows), with where the page was when the event fired. Optional rewrite of detail.url.
 */
function clickRecorder(rewrite) {
  document.addEventListener('byline:related-click', (event) => {
    const log = JSON.parse(sessionStorage.getItem('relatedClicks') ?? '[]');
    log.push({
      url: event.detail?.url,
      position: event.detail?.position,
      at: location.pathname,
      onHost: event.target instanceof Element && event.target.hasAttribute('data-byline'),
      bubbles: event.bubbles,
    });
    sessionStorage.setItem('relatedClicks', JSON.stringify(log));
    if (rewrite === 'utm') event.detail.url = `${event.detail.url}?utm=x`;
    if (rewrite === 'javascript') event.detail.url = 'javascript:window.__pwned = 1';
  });
}

const STORY_PAGE = (title) => ({
  headers: { 'Content-Type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
});

describe('byline:related-click (hosts/related-click.html)', () => {
  const targets = {
    '/news/harbour-dredging-resumes': 'Harbour dredging resumes after the surge',
    '/news/bridge-reopens': 'Swing bridge reopens to traffic',
    '/news/rail-replacement-buses': 'Rail replacement buses on the coast line',
  };

  before(() => {
    for (const [p, title] of Object.entries(targets)) server.setRoute('GET', p, STORY_PAGE(title));
  });
  after(() => server.clearRoutes());

  async function openClickHost(rewrite) {
    const recorded = await newPage(browser);
    await recorded.page.addInitScript(clickRecorder, rewrite ?? null);
    await recorded.page.goto(local('/hosts/related-click.html'));
    await waitForWidget(recorded.page, HOST, 'ready');
    await waitForRelated(recorded.page);
    return recorded;
  }

  const clicks = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('relatedClicks') ?? '[]'));

  test('links are the feed URLs with nothing added', async () => {
    const recorded = await openClickHost();
    try {
      const related = await readRelated(recorded.page);
      assert.deepEqual(related.items.map((i) => i.href), [
        local('/news/harbour-dredging-resumes'),
        local('/news/bridge-reopens'),
        local('/news/rail-replacement-buses?line=coast'),
      ]);
    } finally {
      await recorded.close();
    }
  });

  test('a click fires the event (url, position) before navigation; the browser goes to the URL unchanged', async () => {
    const recorded = await newPage(browser);
    const { page } = recorded;
    try {
      await page.addInitScript(clickRecorder, null);
      await page.goto(local('/hosts/related-click.html'));
      await waitForWidget(page, HOST, 'ready');
      await waitForRelated(page);
      const navigation = page.waitForRequest((req) => req.isNavigationRequest() && req.url().includes('/news/'));
      await page.click(`${HOST} .byline-related li:nth-child(1) a`);
      const request = await navigation;
      await page.waitForURL('**/news/**');
      assert.equal(request.url(), local('/news/harbour-dredging-resumes'), 'no tracking parameters added by the widget');
      assert.equal(await page.textContent('h1'), targets['/news/harbour-dredging-resumes'], 'arrived at the story');
      assert.deepEqual(await clicks(page), [
        { url: local('/news/harbour-dredging-resumes'), position: 1, at: '/hosts/related-click.html', onHost: true, bubbles: true },
      ]);
    } finally {
      await recorded.close();
    }
  });

  test('keyboard activation (Enter on a focused story link) fires the event and follows the link', async () => {
    const recorded = await openClickHost();
    const { page } = recorded;
    try {
      const navigation = page.waitForRequest((req) => req.isNavigationRequest() && req.url().includes('/news/'));
      await page.focus(`${HOST} .byline-related li:nth-child(1) a`);
      await page.keyboard.press('Enter');
      const request = await navigation;
      await page.waitForURL('**/news/**');
      assert.equal(request.url(), local('/news/harbour-dredging-resumes'));
      assert.deepEqual((await clicks(page)).map((c) => [c.url, c.position]), [[local('/news/harbour-dredging-resumes'), 1]]);
    } finally {
      await recorded.close();
    }
  });

  test('a listener that sets e.detail.url = e.detail.url + "?utm=x" changes where the browser goes', async () => {
    const recorded = await openClickHost('utm');
    const { page } = recorded;
    try {
      const navigation = page.waitForRequest((req) => req.isNavigationRequest() && req.url().includes('/news/'));
      await page.click(`${HOST} .byline-related li:nth-child(2) a`);
      const request = await navigation;
      await page.waitForURL('**/news/**');
      assert.equal(request.url(), local('/news/bridge-reopens?utm=x'), 'navigation request URL');
      assert.equal(page.url(), local('/news/bridge-reopens?utm=x'));
      assert.equal(await page.textContent('h1'), targets['/news/bridge-reopens']);
      assert.deepEqual(await clicks(page), [
        { url: local('/news/bridge-reopens'), position: 2, at: '/hosts/related-click.html', onHost: true, bubbles: true },
      ]);
    } finally {
      await recorded.close();
    }
  });

  test('a listener that sets an unsafe URL (javascript:) is ignored: the story URL is followed, nothing runs', async () => {
    const recorded = await openClickHost('javascript');
    const { page } = recorded;
    try {
      const navigation = page.waitForRequest((req) => req.isNavigationRequest() && req.url().includes('/news/'));
      await page.click(`${HOST} .byline-related li:nth-child(3) a`);
      const request = await navigation;
      await page.waitForURL('**/news/**');
      assert.equal(request.url(), local('/news/rail-replacement-buses?line=coast'));
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
      const [event] = await clicks(page);
      assert.equal(event.position, 3);
    } finally {
      await recorded.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// XSS: RSnake's vectors in feed titles, summaries, URLs and images

const VECTORS_FILE = path.resolve(projectRoot, '..', 'shared', 'data', 'xss-rsnake.txt');
const VECTORS = existsSync(VECTORS_FILE)
  ? readFileSync(VECTORS_FILE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '')
  : [];
const BATCH = 10; // two items per vector, and the page's data-related-limit is 20

/** Runs in the page: what the vectors managed to do. */
function inspectXss(hostSelector) {
  const findings = [];
  const host = document.querySelector(hostSelector);
  const forbidden = 'script, iframe, frame, frameset, object, embed, applet, svg, math, base, meta, link, style, xml, layer, bgsound';
  for (const el of host.querySelectorAll(`.byline-related :is(${forbidden})`)) {
    findings.push(`forbidden element in the related section: ${el.outerHTML.slice(0, 120)}`);
  }
  for (const el of host.querySelectorAll('.byline-related *')) {
    if (el instanceof HTMLUnknownElement) findings.push(`unknown element <${el.localName}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`event handler ${name} on <${el.localName}>`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'xlink:href'].includes(name)) {
        let protocol;
        try {
          protocol = new URL(attr.value, document.baseURI).protocol;
        } catch {
          protocol = 'unparseable';
        }
        if (protocol !== 'http:' && protocol !== 'https:') findings.push(`${name}="${attr.value}" is not http(s)`);
      }
      if (name === 'style') findings.push(`style attribute on <${el.localName}>: ${attr.value}`);
    }
  }
  for (const script of document.scripts) {
    const ours =
      (script.src && new URL(script.src).pathname === '/dist/byline.js') ||
      (!script.src && (script.textContent.includes('window.__xss = 0') || script.type === 'application/json'));
    if (!ours) findings.push(`unexpected <script>: ${script.outerHTML.slice(0, 120)}`);
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]')) {
    findings.push(`unexpected element in the document: ${el.outerHTML.slice(0, 120)}`);
  }
  if (window.__xss !== 0) findings.push(`window.__xss = ${window.__xss}: a dialog function was called`);
  const stories = [...host.querySelectorAll('.byline-related li')].map((li) => ({
    href: li.querySelector('a')?.getAttribute('href') ?? null,
    title: li.querySelector('a')?.textContent ?? null,
    summary: li.querySelector('.byline-related-summary')?.textContent ?? null,
  }));
  return { findings, stories };
}

const xmlEscape = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A JSON Feed with, per vector, one item carrying it in title/summary/image and one in url/image. */
function jsonFeedOf(batch, offset) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Letters',
    items: batch.flatMap((vector, i) => [
      {
        id: `t${offset + i}`,
        url: `/news/xss-${offset + i}`,
        title: vector,
        summary: vector,
        image: vector,
        date_published: '2025-11-08T08:00:00Z',
      },
      { id: `u${offset + i}`, url: vector, title: `Vector ${offset + i} as a link`, image: vector },
    ]),
  };
}

/** The same as RSS 2.0: title escaped, description as HTML in CDATA, link and enclosure. */
function rssOf(batch, offset) {
  const items = batch.flatMap((vector, i) => {
    const description = vector.includes(']]>') ? xmlEscape(vector) : `<![CDATA[${vector}]]>`;
    return [
      `<item><title>${xmlEscape(vector)}</title><link>/news/xss-rss-${offset + i}</link>` +
        `<description>${description}</description><pubDate>Sat, 08 Nov 2025 08:00:00 GMT</pubDate>` +
        `<enclosure url="${xmlEscape(vector)}" type="image/png" length="1"/></item>`,
      `<item><title>Vector ${offset + i} as a link</title><link>${xmlEscape(vector)}</link>` +
        `<description>${xmlEscape(vector)}</description></item>`,
    ];
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Letters</title>` +
    `<link>https://www.estuary-gazette.example/letters/</link><description>Letters</description>${items.join('')}</channel></rss>`;
}

describe(`RSnake XSS vectors (${VECTORS.length}) in related feeds (hosts/related-xss.html)`, () => {
  let recorded;

  before(async () => {
    if (VECTORS.length === 0) throw new Error(`no XSS vectors: ${VECTORS_FILE} is missing or empty`);
    recorded = await newPage(browser);
  });
  after(async () => {
    server.clearRoutes();
    await recorded?.close();
  });

  const batches = [];
  for (let i = 0; i < VECTORS.length; i += BATCH) batches.push([i, VECTORS.slice(i, i + BATCH)]);

  for (const [format, build, type, prefix] of [
    ['JSON Feed', (b, o) => jsonFeedOf(b, o), 'application/feed+json', '/news/xss-'],
    ['RSS', (b, o) => rssOf(b, o), 'application/rss+xml', '/news/xss-rss-'],
  ]) {
    for (const [offset, batch] of batches) {
      test(`${format}: vectors ${offset + 1}-${offset + batch.length} execute nothing, titles shown literally`, async () => {
        const { page } = recorded;
        recorded.reset();
        server.setRoute('GET', '/api/xss-feed', { headers: { 'Content-Type': type }, body: build(batch, offset) });
        await page.goto(local('/hosts/related-xss.html'));
        await waitForWidget(page, HOST, 'ready');
        await waitForRelated(page);
        await page.waitForFunction(() => [...document.images].every((img) => img.complete || img.loading === 'lazy'));
        await page.waitForTimeout(100);

        const { findings, stories } = await page.evaluate(inspectXss, HOST);
        assert.deepEqual(findings, [], 'a vector was interpreted as markup or code');
        assert.equal(recorded.dialogs.length, 0, `dialogs opened: ${JSON.stringify(recorded.dialogs)}`);
        assert.deepEqual(recorded.pageErrors.map(String), [], 'uncaught page errors');

        batch.forEach((vector, i) => {
          const href = local(`${prefix}${offset + i}`);
          const story = stories.find((s) => s.href === href);
          assert.ok(story, `vector ${offset + i + 1}: its story (${href}) is shown`);
          assert.equal(story.title, vector.trim(), `vector ${offset + i + 1}: the title is the vector, as text`);
          if (format === 'JSON Feed') {
            assert.equal(story.summary, vector.trim(), `vector ${offset + i + 1}: the summary is the vector, as text`);
          }
        });
      });
    }
  }
});

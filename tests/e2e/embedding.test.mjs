// End-to-end tests of embedding Byline in publishers' pages (issue 5; CONTRACT sections 1, 2,
// 6 and 7) over the release build (dist/), one hand-written host page per capability
// (tests/e2e/hosts/embed-*.html): hosts added and removed later, attribute changes, three
// instances, shadow isolation, lazy start, every built-in locale, text overrides, a strict CSP,
// a hostile host page, and invalid attribute values.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/embedding.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { assertDistBuilt, startServer } from './support/server.mjs';
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
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

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

const local = (p) => `${server.url}${p}`;

/** Opens a host page in a fresh context; waits for every selector given to be ready. */
async function openHost(file, { ready = [HOST], init, events, contextOptions } = {}) {
  const recorded = await newPage(browser, contextOptions);
  if (init) await recorded.page.addInitScript(init);
  if (events) await recordEvents(recorded.page, events);
  await recorded.page.goto(local(`/hosts/${file}`));
  for (const selector of ready) await waitForWidget(recorded.page, selector, 'ready');
  return recorded;
}

/** byline.js's instances(): the number of live widgets (same module instance as the page's). */
function instances(page) {
  return page.evaluate(async () => (await import('/dist/byline.js')).instances());
}

/** Waits until an element handle's data-byline-state is `state`. */
function waitForHostState(page, handle, state = 'ready') {
  return page.waitForFunction(
    ([host, state]) => host.getAttribute('data-byline-state') === state,
    [handle, state],
    { timeout: 15_000 },
  );
}

/** No uncaught errors, no console errors, no console warnings. */
function assertQuiet(recorded, label = '') {
  assert.deepEqual(recorded.pageErrors.map(String), [], `${label} uncaught page errors`);
  assert.deepEqual(recorded.errors(), [], `${label} console errors`);
  assert.deepEqual(recorded.warnings(), [], `${label} console warnings`);
}

/** Clicks a widget's submit button with the form empty and returns what the form shows. */
async function submitEmpty(page, hostSelector) {
  await page.click(`${hostSelector} .byline-submit`);
  await page.waitForSelector(`${hostSelector} .byline-error-summary`, { timeout: 5000 });
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host.shadowRoot ?? host;
    return {
      summaryLinks: [...root.querySelectorAll('.byline-error-summary a')].map((a) => a.getAttribute('href')),
      invalid: [...root.querySelectorAll('[aria-invalid="true"]')].map((el) => el.id),
    };
  }, hostSelector);
}

/** Every id attribute in the document (and in open shadow roots) that occurs more than once. */
function duplicateIds(page) {
  return page.evaluate(() => {
    const ids = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('[id]')) ids.push(el.id);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  });
}

// ---------------------------------------------------------------------------------------------
// Hosts added and removed later (hosts/embed-dynamic.html)

describe('dynamic hosts: added after load are mounted, removed are torn down', () => {
  let recorded;
  let page;

  before(async () => {
    recorded = await newPage(browser);
    page = recorded.page;
    await page.goto(local('/hosts/embed-dynamic.html'));
    await page.waitForFunction(() => window.newsApp);
  });
  after(() => recorded?.close());

  test('three hosts appended after load are mounted; removing one tears down only it', async () => {
    assert.equal(await page.locator(HOST).count(), 0, 'the page starts without hosts');
    const a = await page.evaluateHandle(() => window.newsApp.openStory('story-a'));
    await waitForHostState(page, a);
    const b = await page.evaluateHandle(() => window.newsApp.openStory('story-b'));
    const c = await page.evaluateHandle(() => window.newsApp.openStory('story-c'));
    await waitForHostState(page, b);
    await waitForHostState(page, c);

    const headlines = () =>
      page.$$eval(`${HOST} h1.byline-headline`, (els) => els.map((el) => el.textContent));
    assert.deepEqual(await headlines(), [
      'Lowfield library to open on Sundays from March',
      'Bus lane on Mill Road to be made permanent',
      'Allotment waiting list falls below 200 for the first time',
    ]);
    assert.equal(await instances(page), 3, 'instances() with three hosts');

    await page.evaluate((host) => window.newsApp.closeStory(host), b);
    await page.waitForFunction(async () => (await import('/dist/byline.js')).instances() === 2, null, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await instances(page), 2, 'instances() after removing one host');
    const removed = await b.evaluate((host) => ({ children: host.childNodes.length, shadow: Boolean(host.shadowRoot) }));
    assert.deepEqual(removed, { children: 0, shadow: false }, 'the removed host was emptied (widget torn down)');
    assert.deepEqual(await headlines(), [
      'Lowfield library to open on Sundays from March',
      'Allotment waiting list falls below 200 for the first time',
    ], 'the other two widgets are untouched');

    // The remaining widgets still work.
    const form = await submitEmpty(page, '.story-slot:first-child [data-byline]');
    assert.ok(form.summaryLinks.length > 0, 'validation still works in a remaining widget');

    await page.evaluate(([x, y]) => { window.newsApp.closeStory(x); window.newsApp.closeStory(y); }, [a, c]);
    await page.waitForTimeout(100);
    assert.equal(await instances(page), 0, 'instances() after removing all hosts');
  });

  test('100 add/remove cycles (each widget ready before removal) return instances() to 0', async () => {
    const result = await page.evaluate(async () => {
      const { instances } = await import('/dist/byline.js');
      const stories = ['story-a', 'story-b', 'story-c'];
      const whileMounted = [];
      for (let i = 0; i < 100; i += 1) {
        const host = window.newsApp.openStory(stories[i % 3]);
        await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`cycle ${i}: not ready after 5 s`)), 5000);
          const check = () => {
            if (host.getAttribute('data-byline-state') === 'ready') {
              clearTimeout(timer);
              observer.disconnect();
              resolve();
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(host, { attributes: true });
          check();
        });
        whileMounted.push(instances());
        window.newsApp.closeStory(host);
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => setTimeout(r, 50));
      return { whileMounted: [...new Set(whileMounted)], after: instances() };
    });
    assert.deepEqual(result.whileMounted, [1], 'exactly one live instance during each cycle');
    assert.equal(result.after, 0, 'instances() after 100 cycles');
  });

  test('100 quick cycles (removed one frame after being added, before loading finishes) return instances() to 0', async () => {
    const after = await page.evaluate(async () => {
      const { instances } = await import('/dist/byline.js');
      for (let i = 0; i < 100; i += 1) {
        const host = window.newsApp.openStory('story-a');
        await new Promise((r) => requestAnimationFrame(r));
        window.newsApp.closeStory(host);
      }
      await new Promise((r) => setTimeout(r, 100));
      return instances();
    });
    assert.equal(after, 0);
  });

  test('no leak of listeners or DOM nodes: 100 more cycles add none (Chromium performance metrics)', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const cycle = (n) =>
      page.evaluate(async (n) => {
        for (let i = 0; i < n; i += 1) {
          const host = window.newsApp.openStory('story-b');
          await new Promise((resolve) => {
            const check = () => host.getAttribute('data-byline-state') === 'ready' && (observer.disconnect(), resolve());
            const observer = new MutationObserver(check);
            observer.observe(host, { attributes: true });
          });
          window.newsApp.closeStory(host);
          await new Promise((r) => setTimeout(r, 0));
        }
        await new Promise((r) => setTimeout(r, 100));
      }, n);
    const metrics = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name) => metrics.find((m) => m.name === name)?.value;
      return { listeners: get('JSEventListeners'), nodes: get('Nodes') };
    };
    await cycle(10);
    const before = await metrics();
    await cycle(100);
    const after = await metrics();
    await cdp.detach();
    assert.ok(
      after.listeners - before.listeners <= 5,
      `event listeners grew from ${before.listeners} to ${after.listeners} over 100 add/remove cycles`,
    );
    assert.ok(
      after.nodes - before.nodes <= 50,
      `DOM nodes grew from ${before.nodes} to ${after.nodes} over 100 add/remove cycles`,
    );
    assert.equal(await instances(page), 0);
  });

  test('no errors or warnings during all of it', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// Attribute changes on a mounted host (hosts/embed-attributes.html)

describe('attribute changes take effect without a reload, keeping a half-typed reply', () => {
  let recorded;
  let page;
  const TYPED = 'Half a thought about the bus lane, still being wri';
  const root = `${HOST} .byline`;

  before(async () => {
    recorded = await openHost('embed-attributes.html');
    page = recorded.page;
    await page.evaluate(() => { window.__notReloaded = true; });
    await page.click(`${HOST} textarea`);
    await page.keyboard.type(TYPED);
  });
  after(() => recorded?.close());

  const state = () =>
    page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const rootEl = host.querySelector('.byline');
      return {
        notReloaded: window.__notReloaded === true,
        roots: host.querySelectorAll('.byline').length,
        theme: rootEl?.getAttribute('data-theme'),
        lang: rootEl?.getAttribute('lang'),
        dir: rootEl?.getAttribute('dir'),
        background: rootEl && getComputedStyle(rootEl).backgroundColor,
        replyHeading: host.querySelector('.byline-reply-heading')?.textContent.trim(),
        commentLabel: host.querySelector('.byline-textarea')?.labels?.[0]?.textContent.trim(),
        submit: host.querySelector('.byline-submit')?.textContent.trim(),
        headline: host.querySelector('h1.byline-headline')?.textContent,
        comment: host.querySelector('textarea')?.value,
      };
    }, HOST);

  const setAttr = (name, value) =>
    page.evaluate(([name, value]) => {
      const host = document.querySelector('[data-byline]');
      if (value === null) host.removeAttribute(name);
      else host.setAttribute(name, value);
    }, [name, value]);

  test('data-theme light → dark: palette changes, comment kept', async () => {
    const before = await state();
    assert.equal(before.theme, 'light');
    await setAttr('data-theme', 'dark');
    await page.waitForSelector(`${root}[data-theme="dark"]`, { timeout: 5000 });
    const now = await state();
    assert.ok(now.notReloaded, 'no reload');
    assert.equal(now.roots, 1);
    assert.notEqual(now.background, before.background, 'the dark palette is applied');
    assert.equal(now.comment, TYPED, 'the half-typed comment survives');
  });

  test('data-lang en → de: interface in German, comment kept', async () => {
    await setAttr('data-lang', 'de');
    await page.waitForSelector(`${root}[lang="de"]`, { timeout: 5000 });
    const now = await state();
    assert.equal(now.replyHeading, 'Schreibe einen Kommentar');
    assert.equal(now.submit, 'Kommentar abschicken');
    assert.equal(now.dir, 'ltr');
    assert.equal(now.comment, TYPED);
  });

  test('data-lang de → he: right-to-left, comment kept', async () => {
    await setAttr('data-lang', 'he');
    await page.waitForSelector(`${root}[lang="he"]`, { timeout: 5000 });
    const now = await state();
    assert.equal(now.dir, 'rtl');
    assert.equal(now.comment, TYPED);
    await setAttr('data-lang', 'en');
    await page.waitForSelector(`${root}[lang="en"]`, { timeout: 5000 });
  });

  test('data-text-submit added, changed and removed', async () => {
    await setAttr('data-text-submit', 'Send to the editor');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === 'Send to the editor', `${HOST} .byline-submit`, { timeout: 5000 });
    await setAttr('data-text-submit', 'Publish my letter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === 'Publish my letter', `${HOST} .byline-submit`, { timeout: 5000 });
    assert.equal((await state()).comment, TYPED);
    await setAttr('data-text-submit', null);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === 'Post Comment', `${HOST} .byline-submit`, { timeout: 5000 });
    assert.equal((await state()).comment, TYPED);
  });

  test('data-article #story-a → #story-b → #story-a: the other article is shown; the first article\'s half-typed reply comes back', async () => {
    await setAttr('data-article', '#story-b');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Lowfield library to open on Sundays from March', `${HOST} h1.byline-headline`, { timeout: 5000 });
    await waitForWidget(page, HOST, 'ready');
    const onB = await state();
    assert.ok(onB.notReloaded, 'no reload');
    assert.equal(onB.roots, 1);
    assert.notEqual(onB.comment, TYPED, 'a reply drafted for article A is not offered as a reply to article B');

    await setAttr('data-article', '#story-a');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Bus lane on Mill Road to be made permanent', `${HOST} h1.byline-headline`, { timeout: 5000 });
    await page.waitForSelector(`${HOST} textarea`);
    const backOnA = await state();
    assert.equal(backOnA.comment, TYPED, 'the half-typed reply to article A is back (nothing typed is lost)');
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

describe('attribute changes right after typing, and changes that remount the widget', () => {
  const TYPED = 'Typed a moment ago and not yet saved';

  /** A fresh page with the reply half-typed; the attribute change follows at once. */
  async function typedPage() {
    const recorded = await openHost('embed-attributes.html');
    await recorded.page.click(`${HOST} textarea`);
    await recorded.page.keyboard.type(TYPED);
    return recorded;
  }

  const read = (page) =>
    page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const root = host.shadowRoot ?? host;
      const widget = root.querySelector('.byline');
      const box = widget?.getBoundingClientRect();
      return {
        state: host.getAttribute('data-byline-state'),
        shadow: Boolean(host.shadowRoot),
        roots: host.querySelectorAll('.byline').length + (host.shadowRoot?.querySelectorAll('.byline').length ?? 0),
        visible: Boolean(widget?.checkVisibility?.() && box.height > 0),
        height: box?.height ?? 0,
        headline: root.querySelector('h1.byline-headline')?.textContent ?? null,
        comment: root.querySelector('textarea')?.value ?? null,
      };
    }, HOST);

  const set = (page, name, value) =>
    page.evaluate(([name, value]) => document.querySelector('[data-byline]').setAttribute(name, value), [name, value]);

  test('data-article changed right after typing: switching back brings the typed reply back', async () => {
    const recorded = await typedPage();
    const { page } = recorded;
    try {
      await set(page, 'data-article', '#story-b');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Lowfield library to open on Sundays from March', `${HOST} h1.byline-headline`, { timeout: 5000 });
      await set(page, 'data-article', '#story-a');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Bus lane on Mill Road to be made permanent', `${HOST} h1.byline-headline`, { timeout: 5000 });
      await page.waitForTimeout(300);
      assert.equal((await read(page)).comment, TYPED, 'nothing typed is lost');
    } finally {
      await recorded.close();
    }
  });

  test('data-isolate none → shadow right after typing: the widget moves into a shadow root with the typed reply', async () => {
    const recorded = await typedPage();
    const { page } = recorded;
    try {
      await set(page, 'data-isolate', 'shadow');
      await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot?.querySelector('.byline textarea'), HOST, { timeout: 5000 });
      await waitForWidget(page, HOST, 'ready');
      await page.waitForTimeout(300);
      const now = await read(page);
      assert.deepEqual({ shadow: now.shadow, roots: now.roots, visible: now.visible }, { shadow: true, roots: 1, visible: true });
      assert.equal(now.comment, TYPED, 'the half-typed reply survives the move into the shadow root');
    } finally {
      await recorded.close();
    }
  });

  test('data-isolate shadow → none: the widget is visible again', async () => {
    const recorded = await openHost('embed-attributes.html');
    const { page } = recorded;
    try {
      await set(page, 'data-isolate', 'shadow');
      await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot?.querySelector('.byline h1'), HOST, { timeout: 5000 });
      await waitForWidget(page, HOST, 'ready');
      const changes = await stateChangeCount(page);
      await set(page, 'data-isolate', 'none');
      // The widget mounts afresh. A shadow root cannot be detached, so the widget may render
      // in the light DOM (then the shadow root must slot it) or keep using the shadow root.
      await waitForWidget(page, HOST, 'ready', { after: changes });
      await page.waitForTimeout(300);
      const now = await read(page);
      const lightRoots = await page.$$eval(`${HOST} .byline`, (els) => els.length);
      assert.equal(now.roots, 1, 'one widget root');
      assert.ok(now.visible || (lightRoots === 1 && await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        return Boolean(el.checkVisibility() && el.getBoundingClientRect().height > 0);
      }, `${HOST} .byline`)), `the widget is not visible after data-isolate="none": ` +
        `light-DOM roots ${lightRoots}, shadow root: ` +
        `${await page.evaluate((sel) => document.querySelector(sel).shadowRoot?.innerHTML.slice(0, 200) ?? '(none)', HOST)}`);
    } finally {
      await recorded.close();
    }
  });

  test('data-loading eager → lazy on a visible, mounted widget: it stays visible and keeps the typed reply', async () => {
    const recorded = await typedPage();
    const { page } = recorded;
    try {
      await set(page, 'data-loading', 'lazy');
      await page.waitForTimeout(1000);
      await waitForWidget(page, HOST, 'ready');
      const now = await read(page);
      assert.ok(now.visible, `visible (height ${now.height}px)`);
      assert.equal(now.comment, TYPED);
    } finally {
      await recorded.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Three instances (hosts/embed-three.html)

describe('three instances with different articles, languages and themes', () => {
  let recorded;
  let page;
  const col = (lang) => `#col-${lang} ${HOST}`;

  before(async () => {
    recorded = await openHost('embed-three.html', { ready: [col('en'), col('de'), col('fr')] });
    page = recorded.page;
  });
  after(() => recorded?.close());

  test('each renders its own article in its own language and theme', async () => {
    const roots = await page.$$eval(`${HOST}`, (hosts) =>
      hosts.map((host) => {
        const root = host.querySelector('.byline');
        return {
          headline: host.querySelector('h1.byline-headline')?.textContent,
          lang: root.getAttribute('lang'),
          theme: root.getAttribute('data-theme'),
          submit: host.querySelector('.byline-submit')?.textContent.trim(),
        };
      }),
    );
    assert.deepEqual(roots.map(({ submit, ...rest }) => rest), [
      { headline: 'Night trains return between Brussels and Prague', lang: 'en', theme: 'light' },
      { headline: 'Stadtbibliothek öffnet künftig auch sonntags', lang: 'de', theme: 'dark' },
      { headline: 'Le marché couvert rouvre après deux ans de travaux', lang: 'fr', theme: 'auto' },
    ]);
    assert.equal(new Set(roots.map((r) => r.submit)).size, 3, `three different submit labels: ${roots.map((r) => r.submit)}`);
  });

  test('no duplicate id attributes on the page', async () => {
    assert.deepEqual(await duplicateIds(page), []);
  });

  test('light, dark and auto palettes (light and dark colour schemes) pass axe, contrast included', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const violations = await runAxe(page);
      assert.deepEqual(violations, [], `${colorScheme} scheme:\n${formatViolations(violations)}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('every label points at a field in its own widget', async () => {
    const problems = await page.$$eval(HOST, (hosts) =>
      hosts.flatMap((host, i) =>
        [...host.querySelectorAll('label[for]')].flatMap((label) => {
          const target = document.getElementById(label.htmlFor);
          if (!target) return [`widget ${i + 1}: label for="${label.htmlFor}" points at nothing`];
          if (!host.contains(target)) return [`widget ${i + 1}: label for="${label.htmlFor}" points into another widget`];
          if (label.control !== target) return [`widget ${i + 1}: label for="${label.htmlFor}" is not associated`];
          return [];
        }),
      ),
    );
    assert.deepEqual(problems, []);
    const labelled = await page.$$eval(HOST, (hosts) => hosts.map((h) => h.querySelectorAll('textarea, input:not([type=hidden])').length));
    assert.ok(labelled.every((n) => n >= 5), `fields per widget: ${labelled}`);
  });

  test('submitting one form shows errors only in it, linking to its own fields', async () => {
    const form = await submitEmpty(page, col('de'));
    assert.ok(form.summaryLinks.length >= 3, `error summary links: ${form.summaryLinks}`);
    const owned = await page.evaluate(([sel, links]) => {
      const host = document.querySelector(sel);
      return links.map((href) => host.contains(document.getElementById(href.slice(1))));
    }, [col('de'), form.summaryLinks]);
    assert.ok(owned.every(Boolean), `summary links point into the same widget: ${form.summaryLinks}`);
    const focused = await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), col('de'));
    assert.ok(focused, 'focus moved to the error summary of that widget');
    for (const other of ['en', 'fr']) {
      const errors = await page.$$eval(`${col(other)} .byline-error-summary, ${col(other)} [aria-invalid="true"], ${col(other)} .byline-field-error`, (els) => els.length);
      assert.equal(errors, 0, `no errors shown in the ${other} widget`);
    }
  });

  test('typing in one form leaves the others empty; each draft returns to its own form after a reload', async () => {
    await page.fill(`${col('en')} textarea`, 'Will there be a dining car?');
    await page.fill(`${col('fr')} textarea`, 'Enfin ! Le samedi matin sera plus animé.');
    assert.equal(await page.inputValue(`${col('de')} textarea`), '');
    await page.waitForTimeout(1500); // drafts are saved debounced
    await page.reload();
    for (const lang of ['en', 'de', 'fr']) await waitForWidget(page, col(lang), 'ready');
    await page.waitForTimeout(300);
    assert.equal(await page.inputValue(`${col('en')} textarea`), 'Will there be a dining car?');
    assert.equal(await page.inputValue(`${col('de')} textarea`), '');
    assert.equal(await page.inputValue(`${col('fr')} textarea`), 'Enfin ! Le samedi matin sera plus animé.');
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// data-isolate="shadow" (hosts/embed-shadow.html)

describe('data-isolate="shadow"', () => {
  let recorded;
  let page;

  before(async () => {
    recorded = await openHost('embed-shadow.html', { events: ['byline:ready'] });
    page = recorded.page;
  });
  after(() => recorded?.close());

  test('renders inside an open shadow root, with a <link> to byline.css in it', async () => {
    const info = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const shadow = host.shadowRoot;
      return {
        mode: shadow?.mode ?? null,
        inShadow: shadow?.querySelectorAll('.byline').length ?? 0,
        inLight: host.querySelectorAll('.byline').length,
        headline: shadow?.querySelector('h1.byline-headline')?.textContent ?? null,
        links: shadow ? [...shadow.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href) : [],
      };
    }, HOST);
    assert.equal(info.mode, 'open');
    assert.equal(info.inShadow, 1, 'one .byline root in the shadow root');
    assert.equal(info.inLight, 0, 'nothing of the widget in the light DOM');
    assert.equal(info.headline, 'Harbour seals counted from the air for the first time');
    assert.deepEqual(info.links, [local('/dist/byline.css')]);
  });

  test('labels are associated with their fields inside the shadow root; clicking one focuses its field', async () => {
    const problems = await page.evaluate((sel) => {
      const shadow = document.querySelector(sel).shadowRoot;
      return [...shadow.querySelectorAll('label[for]')].flatMap((label) => {
        const target = shadow.getElementById(label.htmlFor);
        if (!target) return [`label for="${label.htmlFor}" points at nothing in the shadow root`];
        if (label.control !== target) return [`label for="${label.htmlFor}" is not associated`];
        return [];
      });
    }, HOST);
    assert.deepEqual(problems, []);
    await page.locator(`${HOST} label.byline-label`).first().click();
    const focused = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.tagName, HOST);
    assert.equal(focused, 'TEXTAREA');
  });

  test('validation, focus and the error summary work in the shadow root', async () => {
    const form = await submitEmpty(page, HOST);
    assert.ok(form.summaryLinks.length >= 3, `summary: ${form.summaryLinks}`);
    assert.ok(form.invalid.length >= 3, `aria-invalid fields: ${form.invalid}`);
    const summaryFocused = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.classList.contains('byline-error-summary'), HOST);
    assert.ok(summaryFocused, 'the error summary takes focus');
    await page.locator(`${HOST} .byline-error-summary a`).first().click();
    const field = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.id, HOST);
    assert.equal(`#${field}`, form.summaryLinks[0], 'the summary link moves focus to its field');
  });

  test('byline:ready bubbles from the host to document', async () => {
    const events = await recordedEvents(page, 'byline:ready');
    assert.equal(events.length, 1);
    assert.ok(events[0].onHost && events[0].bubbles);
    assert.equal(events[0].detail?.article?.headline, 'Harbour seals counted from the air for the first time');
  });

  test('--byline-accent on the host reaches inside: the submit button uses it; page button styles do not', async () => {
    const style = await page.evaluate((sel) => {
      const button = document.querySelector(sel).shadowRoot.querySelector('.byline-submit');
      const cs = getComputedStyle(button);
      return { background: cs.backgroundColor, transform: cs.textTransform, borderStyle: cs.borderTopStyle };
    }, HOST);
    assert.equal(style.background, 'rgb(107, 44, 145)', '--byline-accent: #6b2c91');
    assert.notEqual(style.transform, 'uppercase', 'the page\'s button rule does not reach the shadow root');
    assert.notEqual(style.borderStyle, 'dashed');
  });

  test('axe: no violations on the page (open shadow root included)', async () => {
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// data-loading="lazy" (hosts/embed-lazy.html)

/** Init script: sums layout shifts (as CLS does: shifts without recent input). */
function layoutShiftRecorder() {
  window.__cls = { value: 0, entries: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls.value += entry.value;
      window.__cls.entries.push({
        value: entry.value,
        sources: (entry.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}#${s.node?.id ?? ''}.${s.node?.className ?? ''}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('a lead image without width and height', () => {
  test('arriving late, it moves nothing: the widget keeps a 16:9 box for it (url.html, image delayed 1.5 s)', async () => {
    const recorded = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = recorded;
    await page.addInitScript(layoutShiftRecorder);
    await page.route('**/harbour-seals.svg', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(local('/hosts/url.html'));
    await waitForWidget(page, HOST, 'ready');
    // From here on (the page's own shift when the widget appears is not this test's subject).
    const before = await page.evaluate(() => window.__cls.entries.length);
    assert.equal(await page.$eval('img.byline-image', (img) => img.complete), false, 'the image is still on its way');
    await page.waitForFunction(() => document.querySelector('img.byline-image')?.complete, null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const box = await page.$eval('img.byline-image', (img) => {
      const r = img.getBoundingClientRect();
      return r.width / r.height;
    });
    assert.ok(Math.abs(box - 16 / 9) < 0.02, `a 16:9 box (${box})`);
    const shifts = await page.evaluate((n) => window.__cls.entries.slice(n), before);
    assert.deepEqual(shifts, [], 'no layout shift when the image arrives');
    await recorded.context.close();
  });
});

describe('data-loading="lazy": a host 5000px down, every host lazy', () => {
  let recorded;
  let page;
  let first;

  const since = (p) => server.requests.slice(first).filter((r) => r.path === p).length;

  before(async () => {
    first = server.requests.length;
    recorded = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    page = recorded.page;
    await page.addInitScript(layoutShiftRecorder);
    await page.goto(local('/hosts/embed-lazy.html'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
  });
  after(() => recorded?.close());

  test('on load: byline.js only; no byline_bg.wasm, no article request, nothing rendered', async () => {
    assert.ok(since('/dist/byline.js') >= 1, 'byline.js loaded');
    assert.equal(since('/dist/byline_bg.wasm'), 0, 'byline_bg.wasm not requested');
    assert.equal(since('/fixtures/article.json'), 0, 'the article is not requested');
    assert.equal(await page.locator(`${HOST} .byline`).count(), 0, 'nothing rendered yet');
  });

  test('scrolling part-way (still far away) fetches nothing', async () => {
    await page.evaluate(() => window.scrollTo(0, 2000));
    await page.waitForTimeout(800);
    assert.equal(since('/dist/byline_bg.wasm'), 0);
    assert.equal(since('/fixtures/article.json'), 0);
  });

  test('scrolling near it (within 300px below the viewport) loads and renders it', async () => {
    await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const top = host.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - window.innerHeight - 150);
    }, HOST);
    await waitForWidget(page, HOST, 'ready');
    assert.equal(since('/dist/byline_bg.wasm'), 1, 'byline_bg.wasm requested once');
    assert.equal(since('/fixtures/article.json'), 1, 'the article requested once');
    assert.equal(await page.locator(`${HOST} h1.byline-headline`).count(), 1);
  });

  test('reading on into the widget: cumulative layout shift stays 0', async () => {
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), HOST);
    await page.waitForTimeout(500);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => window.__cls);
    assert.equal(cls.value, 0, `layout shifts: ${JSON.stringify(cls.entries)}`);
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

describe('page data inside the host, and a widget that cannot start', () => {
  const blockHeight = (page, selector) => page.$eval(selector, (el) => el.getBoundingClientRect().height);

  test('JSON-LD and an inline feed kept inside the host survive the fallback\'s removal', async () => {
    const recorded = await openHost('embed-page-data.html');
    const { page } = recorded;
    await page.locator('#story .byline-related-link').first().waitFor();
    assert.deepEqual(
      await page.$$eval('#story .byline-related-link', (links) => links.map((a) => a.textContent.trim())),
      ['Harbour pilots train on the new simulator', 'Mooring fees frozen for a year'],
    );
    assert.equal(await page.locator('#story .server-rendered').count(), 0, 'the fallback is replaced');
    assert.equal(await page.locator('#story > script[type="application/ld+json"]').count(), 1, 'the JSON-LD stays');
    assert.equal(await page.locator('#story > script#more-quayside').count(), 1, 'the inline feed stays');
    // Taken out and put back: it renders again from the same data.
    await page.evaluate(() => {
      const host = document.getElementById('story');
      const parent = host.parentNode;
      host.remove();
      parent.prepend(host);
    });
    await page.waitForFunction(() => document.querySelectorAll('#story .byline-headline').length === 1);
    // Isolated in a shadow root: still found.
    await page.evaluate(() => document.getElementById('story').setAttribute('data-isolate', 'shadow'));
    await page.waitForFunction(() =>
      document.getElementById('story').shadowRoot?.querySelector('.byline-headline')?.textContent === 'Harbour dredging starts in spring');
    assert.deepEqual(recorded.errors(), []);
    assert.deepEqual(recorded.warnings(), []);
    await recorded.context.close();
  });

  test('the wasm cannot load: the host is marked unavailable and the fallback stands without reserved space', async () => {
    const recorded = await newPage(browser);
    const { page } = recorded;
    await page.route('**/byline_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(local('/hosts/embed-page-data.html'));
    await page.waitForFunction(() => document.getElementById('story').getAttribute('data-byline-state') === 'unavailable');
    assert.equal(await page.locator('#story .server-rendered').count(), 1, 'the fallback stays');
    const host = await blockHeight(page, '#story');
    const fallback = await blockHeight(page, '#story .server-rendered');
    assert.ok(host < fallback + 40, `the host (${host}px) is the fallback's height (${fallback}px), not a reserved screen`);
    assert.equal(recorded.errors().filter((e) => e.startsWith('Byline could not start')).length, 1);
    await recorded.context.close();
  });

  test('byline.js never arrives: the space reserved by byline.css is released after 8 s', async () => {
    const recorded = await newPage(browser, { viewport: { width: 800, height: 600 } });
    const { page } = recorded;
    await page.goto(local('/hosts/embed-unavailable.html'));
    assert.ok((await blockHeight(page, '#story')) >= 600, 'reserved while the script may still come');
    await page.waitForTimeout(8500);
    const host = await blockHeight(page, '#story');
    assert.ok(host < 150, `released: the host is ${host}px`);
    assert.equal(await page.locator('#story .server-rendered').isVisible(), true);
    await recorded.context.close();
  });

  test('a lazy host waiting for the viewport keeps its reservation past 8 s (byline.js marks it loading)', async () => {
    const recorded = await newPage(browser);
    const { page } = recorded;
    await page.goto(local('/hosts/embed-lazy.html'));
    await page.waitForFunction(() => document.getElementById('discussion').getAttribute('data-byline-state') === 'loading');
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm'))), false, 'still lazy');
    await recorded.context.close();
  });
});

describe('data-loading="lazy": switched to eager before the wasm has loaded', () => {
  let recorded;
  after(() => recorded?.close());

  test('the attribute change alone starts the widget, without scrolling', async () => {
    const first = server.requests.length;
    recorded = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    const { page } = recorded;
    await page.goto(local('/hosts/embed-lazy.html'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const wasm = () => server.requests.slice(first).filter((r) => r.path === '/dist/byline_bg.wasm').length;
    assert.equal(wasm(), 0, 'nothing loaded while every host is lazy');
    await page.evaluate((sel) => document.querySelector(sel).setAttribute('data-loading', 'eager'), HOST);
    await waitForWidget(page, HOST, 'ready');
    assert.equal(wasm(), 1, 'byline_bg.wasm requested once');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page was not scrolled');
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// Translation files, locales/<tag>.json beside byline.js (hosts/embed-translation.html)

describe('translation files', () => {
  const PANELS = ['#panel-page-1', '#panel-page-2', '#panel-fr', '#panel-en'].map((p) => `${p} ${HOST}`);
  const TRANSLATION = '/dist/locales/de.json';

  /** Per panel: the widget's lang and reply heading; and the translation files fetched. */
  const read = (page) => page.evaluate((panels) => ({
    panels: panels.map((sel) => {
      const root = document.querySelector(sel).querySelector('.byline');
      return { lang: root.getAttribute('lang'), heading: root.querySelector('.byline-reply-heading')?.textContent.trim() };
    }),
    files: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.includes('/locales/')),
  }), PANELS);

  test('each language needed is fetched once, from beside byline.js; English needs none', async () => {
    const recorded = await openHost('embed-translation.html', { ready: PANELS });
    try {
      const { panels, files } = await read(recorded.page);
      assert.deepEqual(panels.map((p) => p.lang), ['de-AT', 'de-AT', 'fr-CH', 'en']);
      assert.deepEqual(panels.map((p) => p.heading), ['Schreibe einen Kommentar', 'Schreibe einen Kommentar', 'Laisser un commentaire', 'Leave a Reply']);
      assert.deepEqual(files.sort(), ['/dist/locales/de.json', '/dist/locales/fr.json']);
      assertQuiet(recorded);
    } finally {
      await recorded.close();
    }
  });

  test('a live data-lang change waits for the new file: old strings until then, the comment kept', async () => {
    const file = readFileSync(new URL('../../dist/locales/ja.json', import.meta.url), 'utf8');
    server.setRoute('GET', '/dist/locales/ja.json', { delayMs: 1500, headers: { 'content-type': 'application/json' }, body: file });
    const recorded = await openHost('embed-translation.html', { ready: PANELS });
    try {
      const { page } = recorded;
      const panel = '#panel-en';
      await page.fill(`${panel} textarea`, 'Half a thought');
      await page.evaluate((sel) => document.querySelector(`${sel} [data-byline]`).setAttribute('data-lang', 'ja'), panel);
      // Other attributes apply at once meanwhile.
      await page.evaluate((sel) => document.querySelector(`${sel} [data-byline]`).setAttribute('data-theme', 'dark'), panel);
      await page.waitForSelector(`${panel} .byline[data-theme="dark"]`, { timeout: 1000 });
      const during = (await read(page)).panels[3];
      assert.deepEqual(during, { lang: 'en', heading: 'Leave a Reply' }, 'no half-translated interface while the file loads');
      await page.waitForSelector(`${panel} .byline[lang="ja"]`, { timeout: 10_000 });
      const after = (await read(page)).panels[3];
      assert.equal(after.heading, 'コメントを残す');
      assert.equal(await page.inputValue(`${panel} textarea`), 'Half a thought');
      assertQuiet(recorded);
    } finally {
      server.deleteRoute('GET', '/dist/locales/ja.json');
      await recorded.close();
    }
  });

  test('a widget waiting for its file starts at once when its data-lang changes to English', async () => {
    server.setRoute('GET', '/dist/locales/ja.json', { delayMs: 4000, body: { texts: {} } });
    const recorded = await openHost('embed-translation.html', { ready: PANELS });
    try {
      const { page } = recorded;
      const host = await page.evaluateHandle(() => {
        const el = document.createElement('div');
        el.setAttribute('data-byline', '');
        el.setAttribute('data-article', '#story');
        el.setAttribute('data-lang', 'ja');
        document.querySelector('main').append(el);
        return el;
      });
      await page.waitForTimeout(300);
      assert.equal(await host.evaluate((el) => el.getAttribute('data-byline-state')), 'loading', 'waits for ja.json');
      await host.evaluate((el) => el.setAttribute('data-lang', 'en'));
      // Well before ja.json could arrive (4 s).
      await page.waitForFunction((el) => el.getAttribute('data-byline-state') === 'ready', host, { timeout: 2000 });
      assert.equal(await host.evaluate((el) => el.querySelector('.byline').getAttribute('lang')), 'en');
      assertQuiet(recorded);
    } finally {
      server.deleteRoute('GET', '/dist/locales/ja.json');
      await recorded.close();
    }
  });

  test('lazy hosts fetch their file when they start; nothing is preloaded for them', async () => {
    const recorded = await openHost('embed-translation-lazy.html', { ready: [`#top ${HOST}`] });
    try {
      const { page } = recorded;
      const files = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.includes('/locales/')));
      // Chromium warns about a preload left unused for a few seconds: wait past that.
      await page.waitForTimeout(4000);
      assert.deepEqual(await files(), []);
      assertQuiet(recorded);
      await page.locator(`#bottom ${HOST}`).scrollIntoViewIfNeeded();
      await waitForWidget(page, `#bottom ${HOST}`, 'ready');
      assert.equal(await page.evaluate(() => document.querySelector('#bottom .byline-reply-heading').textContent.trim()), 'Laisser un commentaire');
      assert.deepEqual(await files(), ['/dist/locales/fr.json']);
      assertQuiet(recorded);
    } finally {
      await recorded.close();
    }
  });

  for (const [label, spec] of [
    ['missing (404)', { status: 404, body: 'Not found' }],
    ['not JSON', { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><p>Maintenance</p>' }],
  ]) {
    test(`a translation file ${label}: the widgets render in English, with one warning`, async () => {
      server.setRoute('GET', TRANSLATION, spec);
      const recorded = await openHost('embed-translation.html', { ready: PANELS });
      try {
        const { panels } = await read(recorded.page);
        assert.deepEqual(panels.map((p) => p.lang), ['de-AT', 'de-AT', 'fr-CH', 'en'], 'the language tag stays (dates still follow it)');
        assert.deepEqual(panels.map((p) => p.heading), ['Leave a Reply', 'Leave a Reply', 'Laisser un commentaire', 'Leave a Reply']);
        const warnings = recorded.warnings();
        assert.equal(warnings.length, 1, warnings.join(' | '));
        assert.match(warnings[0], /"de" translation .*locales\/de\.json.*showing English/);
        assert.deepEqual(recorded.errors(), []);
      } finally {
        server.deleteRoute('GET', TRANSLATION);
        await recorded.close();
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Every built-in locale (hosts/embed-locales.html)

const LOCALES = ['en', 'ko', 'ru', 'uk', 'ar', 'he', 'de', 'fr', 'es', 'ja', 'zh', 'pt'];
const RTL = new Set(['ar', 'he']);

describe('each built-in locale via data-lang', () => {
  let recorded;
  let page;
  let texts;
  const edition = (lang) => `#edition-${lang} ${HOST}`;

  before(async () => {
    recorded = await openHost('embed-locales.html', { ready: LOCALES.map(edition) });
    page = recorded.page;
    for (const lang of LOCALES) {
      await page.waitForSelector(`${edition(lang)} .byline-related`, { timeout: 10_000 });
      // Provoke the messages with placeholders: a name over 245 bytes, a bad email and website.
      await page.fill(`${edition(lang)} input[name="author"]`, 'x'.repeat(250));
      await page.fill(`${edition(lang)} input[name="email"]`, 'not-an-email');
      await page.fill(`${edition(lang)} input[name="url"]`, 'ftp://example.org/');
      await page.click(`${edition(lang)} .byline-submit`);
      await page.waitForSelector(`${edition(lang)} .byline-error-summary`, { timeout: 5000 });
    }
    texts = await page.evaluate((langs) => Object.fromEntries(langs.map((lang) => {
      const host = document.querySelector(`#edition-${lang} [data-byline]`);
      const root = host.querySelector('.byline');
      return [lang, {
        lang: root.getAttribute('lang'),
        dir: root.getAttribute('dir'),
        text: root.textContent,
        attributes: [...root.querySelectorAll('*')].flatMap((el) =>
          ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a)).filter(Boolean)),
        replyHeading: root.querySelector('.byline-reply-heading')?.textContent.trim(),
        submit: root.querySelector('.byline-submit')?.textContent.trim(),
        relatedHeading: root.querySelector('.byline-related-heading')?.textContent.trim(),
        published: root.querySelector('time.byline-published')?.textContent.trim(),
        errors: root.querySelectorAll('.byline-error-summary li').length,
      }];
    })), LOCALES);
  });
  after(() => recorded?.close());

  for (const lang of LOCALES) {
    test(`${lang}: lang="${lang}", dir="${RTL.has(lang) ? 'rtl' : 'ltr'}", no raw placeholders or plural patterns`, () => {
      const t = texts[lang];
      assert.equal(t.lang, lang);
      assert.equal(t.dir, RTL.has(lang) ? 'rtl' : 'ltr');
      const everything = [t.text, ...t.attributes].join('\n');
      assert.doesNotMatch(everything, /\{[a-z_]+\}/, 'a {placeholder} was left unfilled');
      assert.doesNotMatch(everything, /(?:^|\||\s)(?:zero|one|two|few|many|other):/, 'a plural pattern was shown raw');
      assert.equal(t.errors, 4, 'four errors: comment, name too long, email, website');
      if (lang !== 'en') {
        assert.notEqual(t.replyHeading, texts.en.replyHeading, 'reply heading translated');
        assert.notEqual(t.submit, texts.en.submit, 'submit label translated');
        assert.notEqual(t.relatedHeading, texts.en.relatedHeading, 'related heading translated');
        assert.notEqual(t.published, texts.en.published, 'date formatted with Intl in the language');
      }
    });
  }

  test('no duplicate ids across the twelve widgets; no errors or warnings', async () => {
    assert.deepEqual(await duplicateIds(page), []);
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// data-text-<key> (hosts/embed-text.html)

describe('data-text-<key> overrides', () => {
  let recorded;

  before(async () => {
    recorded = await openHost('embed-text.html', { ready: [`#panel-en ${HOST}`, `#panel-de ${HOST}`] });
  });
  after(() => recorded?.close());

  test('data-text-submit replaces the button label; other strings stay in the locale', async () => {
    const read = (sel) => recorded.page.evaluate((sel) => {
      const host = document.querySelector(sel);
      return {
        submit: host.querySelector('.byline-submit').textContent.trim(),
        heading: host.querySelector('.byline-reply-heading').textContent.trim(),
        commentLabel: host.querySelector('.byline-textarea').labels[0].textContent.trim(),
      };
    }, sel);
    const en = await read(`#panel-en ${HOST}`);
    assert.equal(en.submit, 'Send your letter');
    assert.equal(en.heading, 'Leave a Reply');
    const de = await read(`#panel-de ${HOST}`);
    assert.equal(de.submit, 'Leserbrief senden');
    assert.equal(de.heading, 'Ihre Meinung');
    assert.match(de.commentLabel, /^Kommentar/);
  });

  test('the form still submits with the overridden label', async () => {
    const form = await submitEmpty(recorded.page, `#panel-en ${HOST}`);
    assert.ok(form.summaryLinks.length >= 3);
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// Strict CSP (hosts/embed-csp.html served with the header)

/** Init script: records every CSP violation. */
function cspRecorder() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  });
}

describe(`strict CSP: ${STRICT_CSP}`, () => {
  let recorded;
  let page;

  before(async () => {
    server.setHeaders('/hosts/embed-csp.html', { 'Content-Security-Policy': STRICT_CSP });
    recorded = await openHost('embed-csp.html', { init: cspRecorder, events: ['byline:ready'] });
    page = recorded.page;
    await page.waitForSelector(`${HOST} .byline-related`, { timeout: 10_000 });
  });
  after(async () => {
    server.clearRoutes();
    await recorded?.close();
  });

  test('the page really is served with the policy', async () => {
    const header = await page.evaluate(() =>
      fetch(location.href, { cache: 'no-store' }).then((r) => r.headers.get('content-security-policy')));
    assert.equal(header, STRICT_CSP);
  });

  test('the widget becomes ready: article, related stories and stylesheet', async () => {
    const info = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      return {
        headline: host.querySelector('h1.byline-headline')?.textContent,
        related: host.querySelectorAll('.byline-related li').length,
        styled: getComputedStyle(host.querySelector('.byline-submit')).backgroundColor,
      };
    }, HOST);
    assert.equal(info.headline, 'Tidal barrier closes for the first time as storm surge hits the estuary');
    assert.equal(info.related, 5);
    assert.equal(info.styled, 'rgb(11, 87, 208)', 'byline.css applies (default accent)');
    assert.equal((await recordedEvents(page, 'byline:ready')).length, 1);
  });

  test('the form works: validation errors appear', async () => {
    const form = await submitEmpty(page, HOST);
    assert.ok(form.summaryLinks.length >= 3);
    assert.ok(form.invalid.length >= 3);
    await page.fill(`${HOST} textarea`, 'Typed under a strict policy.');
    await page.waitForFunction((sel) => !document.querySelector(sel).hasAttribute('aria-invalid'), `${HOST} textarea`, { timeout: 5000 });
  });

  test('zero securitypolicyviolation events', async () => {
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(violations, []);
    assert.deepEqual(recorded.pageErrors.map(String), []);
    assert.deepEqual(recorded.errors(), [], 'console errors (CSP reports show up here too)');
  });

  test('control: a style attribute written by the page itself is reported (the recorder works)', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    });
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.ok(violations.every((v) => v.directive.startsWith('style-src')), JSON.stringify(violations));
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile host page (hosts/embed-hostile.html)

/** Init script: the window's own property names before any page script runs. */
function globalsRecorder() {
  window.__globalsBefore = Object.getOwnPropertyNames(window);
}

describe('hostile host page: global CSS reset, extended prototypes, another app', () => {
  let recorded;
  let page;

  before(async () => {
    recorded = await openHost('embed-hostile.html', { init: globalsRecorder });
    page = recorded.page;
  });
  after(() => recorded?.close());

  test('the widget renders its article', async () => {
    assert.equal(await page.textContent(`${HOST} h1.byline-headline`), 'Council tax: what changes in April');
    assert.equal(await page.locator('.byline-crashed').count(), 0);
  });

  test('the theme\'s own .byline author line is left as the page styles it', async () => {
    const style = await page.$eval('#entry-meta .byline', (span) => {
      const cs = getComputedStyle(span);
      const link = getComputedStyle(span.querySelector('a'));
      return { display: cs.display, padding: cs.paddingTop, background: cs.backgroundColor, link: link.color };
    });
    assert.deepEqual(style, { display: 'inline', padding: '0px', background: 'rgba(0, 0, 0, 0)', link: 'rgb(255, 0, 0)' });
  });

  test('its links are not red (a { color: red } does not win)', async () => {
    const colors = await page.$$eval(`${HOST} a[href]`, (links) => links.map((a) => [a.textContent.trim(), getComputedStyle(a).color]));
    assert.ok(colors.length >= 2, `links: ${JSON.stringify(colors)}`);
    for (const [text, color] of colors) assert.notEqual(color, 'rgb(255, 0, 0)', `link "${text}" is red`);
  });

  test('textarea, inputs and the submit button are visible with real sizes (all: unset does not win)', async () => {
    const boxes = await page.$$eval(`${HOST} textarea, ${HOST} input:not([tabindex="-1"]), ${HOST} .byline-submit`, (els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return { el: `${el.tagName.toLowerCase()}.${el.className}`, width: r.width, height: r.height, display: cs.display, visibility: cs.visibility };
      }));
    const textarea = boxes.find((b) => b.el.startsWith('textarea'));
    assert.ok(textarea.height >= 60, `textarea height ${textarea.height}`);
    for (const box of boxes) {
      assert.ok(box.width > 0 && box.height > 0, `${box.el} has no size: ${JSON.stringify(box)}`);
      assert.notEqual(box.display, 'none');
      assert.equal(box.visibility, 'visible');
    }
  });

  test('text stays readable: * { line-height: 3 } does not reach the widget', async () => {
    const lines = await page.$$eval(`${HOST} .byline-paragraph, ${HOST} .byline-label, ${HOST} .byline-notes, ${HOST} .byline-headline`, (els) =>
      els.map((el) => {
        const cs = getComputedStyle(el);
        return { el: el.className, ratio: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize) };
      }));
    for (const { el, ratio } of lines) assert.ok(ratio <= 2, `.${el}: line-height is ${ratio.toFixed(2)}× the font size`);
  });

  test('the form validates', async () => {
    const form = await submitEmpty(page, HOST);
    assert.ok(form.summaryLinks.length >= 3);
    assert.ok(form.invalid.includes(await page.getAttribute(`${HOST} textarea`, 'id')));
  });

  test('the other app keeps working; the page\'s prototype extensions are intact', async () => {
    await page.click('#counter-button');
    await page.click('#counter-button');
    assert.equal(await page.textContent('#counter-value'), '2');
    const intact = await page.evaluate(() => ({
      foo: typeof Object.prototype.foo,
      bar: typeof Array.prototype.bar,
      count: window.counterApp.count,
    }));
    assert.deepEqual(intact, { foo: 'function', bar: 'function', count: 2 });
  });

  test('nothing written to the global scope', async () => {
    const added = await page.evaluate(() => {
      const before = new Set(window.__globalsBefore);
      return Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    });
    const page_ = new Set(['__globalsBefore', '__bylineTestStates', 'counterApp']);
    assert.deepEqual(added.filter((name) => !page_.has(name)), []);
  });

  test('no errors or warnings', () => {
    assertQuiet(recorded);
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid attribute values (hosts/embed-invalid.html)

const INVALID = [
  { attribute: 'data-article', value: 'javascript:alert(1)', fallback: /jsonld/ },
  { attribute: 'data-related', value: 'javascript:alert(1)', fallback: /no related|none/i },
  { attribute: 'data-related-limit', value: '50', fallback: /\b5\b/ },
  { attribute: 'data-related-limit', value: 'lots', fallback: /\b5\b/ },
  { attribute: 'data-reply-endpoint', value: 'javascript:alert(1)', fallback: /demo|no endpoint|none/i },
  { attribute: 'data-reply-format', value: 'xml', fallback: /json/ },
  { attribute: 'data-post-id', value: '   ', fallback: /identifier|url/ },
  { attribute: 'data-require-name-email', value: 'yes', fallback: /true/ },
  { attribute: 'data-replies', value: 'maybe', fallback: /open/ },
  { attribute: 'data-replies-src', value: 'javascript:alert(1)', fallback: /default|derived|endpoint/i },
  { attribute: 'data-lang', value: 'not a language', fallback: /page|html|browser|\ben\b/i },
  { attribute: 'data-text-nonsense', value: 'Hello', fallback: /ignored|built-in|nothing/i },
  { attribute: 'data-theme', value: 'purple', fallback: /auto/ },
  { attribute: 'data-isolate', value: 'iframe', fallback: /none/ },
  { attribute: 'data-loading', value: 'later', fallback: /eager/ },
];

describe('invalid attribute values (hosts/embed-invalid.html)', () => {
  let recorded;
  let page;

  before(async () => {
    recorded = await openHost('embed-invalid.html', { ready: INVALID.map((_, i) => `#case-${i + 1} ${HOST}`) });
    page = recorded.page;
    await page.waitForTimeout(500);
  });
  after(() => recorded?.close());

  test('one console.warn per invalid value, and no others', () => {
    const warnings = recorded.warnings();
    assert.equal(warnings.length, INVALID.length, `warnings:\n${warnings.join('\n')}`);
  });

  INVALID.forEach(({ attribute, value, fallback }, i) => {
    test(`${attribute}="${value}": one warning naming attribute, value and fallback; the widget works`, async () => {
      const matching = recorded.warnings().filter((w) => w.includes(attribute) && w.includes(`"${value}"`));
      assert.equal(matching.length, 1, `warnings naming ${attribute}="${value}": ${JSON.stringify(recorded.warnings())}`);
      assert.match(matching[0], fallback, `the warning names the fallback: ${matching[0]}`);
      const host = `#case-${i + 1} ${HOST}`;
      assert.equal(await page.textContent(`${host} h1.byline-headline`), 'Lowfield library to open on Sundays from March');
      const form = await submitEmpty(page, host);
      assert.ok(form.summaryLinks.length >= 1, 'the form validates');
    });
  });

  test('fallbacks are the defaults: light-DOM rendering, auto theme, open replies, no related section', async () => {
    const info = await page.evaluate(() => {
      const host = (n) => document.querySelector(`#case-${n} [data-byline]`);
      return {
        isolate: Boolean(host(14).shadowRoot),
        theme: host(13).querySelector('.byline').getAttribute('data-theme'),
        replies: Boolean(host(9).querySelector('form')),
        related: host(2).querySelectorAll('.byline-related').length,
        lang: host(11).querySelector('.byline').getAttribute('lang'),
      };
    });
    assert.deepEqual(info, { isolate: false, theme: 'auto', replies: true, related: 0, lang: 'en-GB' });
  });

  test('a later change of another attribute does not repeat the warnings; a new invalid value warns once', async () => {
    const before = recorded.warnings().length;
    const hostOf = (n) => `#case-${n} ${HOST}`;
    const set = (n, name, value) =>
      page.evaluate(([sel, name, value]) => document.querySelector(sel).setAttribute(name, value), [hostOf(n), name, value]);
    // data-theme="purple" (case 13), data-lang="not a language" (case 11), data-isolate="iframe"
    // (case 14: mounted afresh by the change below) keep their invalid values.
    await set(13, 'data-related-limit', '3');
    await set(11, 'data-theme', 'dark');
    await set(14, 'data-loading', 'lazy');
    await page.waitForTimeout(500);
    assert.deepEqual(recorded.warnings().slice(before), [], 'nothing repeated');
    await set(13, 'data-replies', 'sometimes');
    await page.waitForTimeout(300);
    const added = recorded.warnings().slice(before);
    assert.equal(added.length, 1, JSON.stringify(added));
    assert.match(added[0], /data-replies="sometimes"/);
  });

  test('no errors', () => {
    assert.deepEqual(recorded.pageErrors.map(String), []);
    assert.deepEqual(recorded.errors(), []);
  });
});

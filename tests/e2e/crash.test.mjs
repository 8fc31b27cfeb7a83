// End-to-end tests of a panic in the widget (CONTRACT 8) over the release build (dist/): every
// widget on the page shows "This content could not be displayed" in its own language, its host
// gets data-byline-state="crashed", the console gets one "Byline stopped after an internal
// error", and nothing else on the page changes.
//
// The release build aborts at once on a panic (panic = "immediate-abort", docs/architecture.md
// "Release build"): no Rust code runs after it, the wasm traps, and a WebAssembly.RuntimeError
// leaves the call into the wasm. The widget never panics on purpose, so these tests make a
// browser method the wasm calls throw that same RuntimeError while the wasm is running (on the
// reader's submit, inside an event handler; at start, inside boot()). From JavaScript's side
// that is what a trap is: the error leaves an export of the wasm. What start.js must do with
// it is the same in both builds: a stable `trunk build --release` (whose Rust panic hook runs
// before the trap on a real panic) passes these tests too.
//
// Run: scripts/build-release && node --test --test-concurrency=1 tests/e2e/crash.test.mjs

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt, projectRoot, startServer } from './support/server.mjs';
import { launch, newPage, waitForWidget } from './support/browser.mjs';

const HOST = '[data-byline]';
const STOPPED = 'Byline stopped after an internal error';
const note = (lang) =>
  JSON.parse(readFileSync(path.join(projectRoot, 'locales', `${lang}.json`), 'utf8')).texts.crashed;
const ENGLISH = 'This content could not be displayed.';

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

/** Every host: its state and what its content (or shadow root) holds besides stylesheet links. */
function hostsNow(page) {
  return page.$$eval(HOST, (hosts) =>
    hosts.map((host) => {
      const root = host.shadowRoot ?? host;
      const nodes = [...root.childNodes].filter((n) => n.nodeName.toLowerCase() !== 'link');
      return {
        state: host.getAttribute('data-byline-state'),
        content: nodes.map((n) => (n.nodeType === 1 ? `${n.localName}.${n.className}: ${n.textContent}` : n.nodeName)),
      };
    }),
  );
}

/** Waits until every host is crashed and shows its note (the translated ones come from a fetch). */
function waitForNotes(page, count) {
  return page.waitForFunction(
    (count) => {
      const hosts = [...document.querySelectorAll('[data-byline]')];
      return (
        hosts.length === count &&
        hosts.every(
          (host) =>
            host.getAttribute('data-byline-state') === 'crashed' &&
            (host.shadowRoot ?? host).querySelector('.byline-crashed'),
        )
      );
    },
    count,
    { timeout: 10_000 },
  );
}

describe('a trap in an event handler (the reader sends the form)', () => {
  let recorded;
  let page;
  const col = (lang) => `#col-${lang} ${HOST}`;

  before(async () => {
    recorded = await newPage(browser);
    page = recorded.page;
    await page.goto(`${server.url}/hosts/embed-three.html`);
    for (const lang of ['en', 'de', 'fr']) await waitForWidget(page, col(lang), 'ready');
    // The submit handler runs in the wasm and calls preventDefault(): it throws as a trap would.
    await page.evaluate(() => {
      Event.prototype.preventDefault = () => {
        throw new WebAssembly.RuntimeError('unreachable');
      };
    });
    await page.click(`${col('en')} .byline-submit`);
    await waitForNotes(page, 3);
  });
  after(() => recorded?.close());

  test('every widget on the page shows the note in its language, and only the note', async () => {
    assert.deepEqual(await hostsNow(page), [
      { state: 'crashed', content: [`p.byline-crashed: ${ENGLISH}`] },
      { state: 'crashed', content: [`p.byline-crashed: ${note('de')}`] },
      { state: 'crashed', content: [`p.byline-crashed: ${note('fr')}`] },
    ]);
    assert.notEqual(note('de'), ENGLISH);
  });

  test('the console gets the error once; the host page is untouched', async () => {
    const stopped = recorded.errors().filter((text) => text.startsWith(STOPPED));
    assert.equal(stopped.length, 1, `one "${STOPPED}": ${recorded.errors().join(' | ')}`);
    assert.match(stopped[0], /RuntimeError|unreachable/);
    // The trap goes on to the browser, which reports it as uncaught: the page's own scripts
    // are not affected.
    assert.ok(recorded.pageErrors.every((error) => /unreachable/.test(String(error))), String(recorded.pageErrors));
    assert.equal(await page.locator('#col-en').count(), 1, 'the page around the widgets stays');
    assert.equal(await page.locator('.byline-crashed').count(), 3);
  });
});

describe('a trap while the widget starts (boot)', () => {
  let recorded;
  let page;

  before(async () => {
    recorded = await newPage(browser);
    page = recorded.page;
    // boot() mounts the host (data-byline-state="loading"), then renders it: the first
    // getAttribute() the wasm makes after that (it reads the page's language) throws as a trap
    // would, inside boot(). Only once, and only for the wasm (its frames are in the stack).
    await page.addInitScript(() => {
      const getAttribute = Element.prototype.getAttribute;
      let armed = true;
      Element.prototype.getAttribute = function (name) {
        if (armed && new Error().stack.includes('byline_bg.wasm') && document.querySelector('[data-byline-state]')) {
          armed = false;
          throw new WebAssembly.RuntimeError('unreachable');
        }
        return getAttribute.call(this, name);
      };
    });
    await page.goto(`${server.url}/hosts/embed-shadow.html`);
    await waitForNotes(page, 1);
  });
  after(() => recorded?.close());

  test('the shadow-isolated host shows the note inside its shadow root', async () => {
    assert.deepEqual(await hostsNow(page), [{ state: 'crashed', content: [`p.byline-crashed: ${ENGLISH}`] }]);
    const links = await page.$eval(HOST, (host) => host.shadowRoot.querySelectorAll('link[rel="stylesheet"]').length);
    assert.equal(links, 1, 'the stylesheet link in the shadow root stays');
  });

  test('the console gets the error once, not "could not start"', () => {
    const errors = recorded.errors();
    assert.equal(errors.filter((text) => text.startsWith(STOPPED)).length, 1, errors.join(' | '));
    assert.equal(errors.filter((text) => text.includes('could not start')).length, 0, errors.join(' | '));
    assert.deepEqual(recorded.pageErrors.map(String), [], 'start.js handles the error of boot()');
  });
});

// One page API over three browser engines, so a cross-engine test is written once
// (tests/e2e/engines.test.mjs):
//
//   chromium  Debian's Chromium through Playwright (support/browser.mjs's launch())
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser (Safari's engine) through classic W3C WebDriver, spoken
//             over plain fetch to WebKitWebDriver, which runs under xvfb-run on a free port
//
//   const engine = await launchEngine('webkit');
//   const page = await engine.newPage({ colorScheme: 'dark' });
//   await page.goto(url); await page.fill('textarea', 'Hello'); await page.press('Enter');
//   await page.waitFor((sel, $$) => $$(sel).length > 0, '.byline-error-summary');
//   await page.close(); await engine.close();
//
// Selectors are CSS, matched in the document and in every open shadow root. Functions given to
// evaluate() and waitFor() run in the page as `fn(arg, $$)`: `arg` is JSON, `$$(selector)`
// returns the matching elements across shadow roots; what they return must be JSON.
// What the page logged comes from support/inpage/harness.js, which every page of the suite
// loads first (classic WebDriver reports no console events): page.records().
//
// One browser per engine is reused across tests; every newPage() is a fresh context with its
// own storage: a Playwright browser context, a Firefox user context, a new MiniBrowser session.

import { launch as launchChromium } from './browser.mjs';
import { EnginePage, expression } from './engine-page.mjs';
import { webkitEngine } from './engines-webkit.mjs';

export { MINIBROWSER_PATH } from './engines-webkit.mjs';

/** Every engine the suite knows; BYLINE_ENGINES="firefox,webkit" picks some. */
export const ALL_ENGINES = Object.freeze(['chromium', 'firefox', 'webkit']);

/** The engines to run, from BYLINE_ENGINES (default: all three). */
export function selectedEngines(value = process.env.BYLINE_ENGINES) {
  if (!value) return [...ALL_ENGINES];
  const wanted = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((name) => !ALL_ENGINES.includes(name));
  if (unknown.length > 0) throw new Error(`BYLINE_ENGINES names unknown engines: ${unknown.join(', ')} (known: ${ALL_ENGINES.join(', ')})`);
  return wanted;
}

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// --- Chromium and Firefox: pages of a driving library ----------------------------------------

/**
 * A page of a library that drives the browser itself (Playwright for Chromium, puppeteer-core
 * for Firefox): both have the same page, handle and keyboard calls but for key names, which
 * `press` translates.
 */
class LibraryPage extends EnginePage {
  constructor(name, context, page, press = (keyboard, key) => keyboard.press(key)) {
    super(name);
    this.context = context;
    this.page = page;
    this.pressKey = press;
  }
  run(source) {
    return this.page.evaluate(source);
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  async clickFirst(selector) {
    const handle = await this.page.evaluateHandle(expression((sel, $$) => $$(sel)[0], selector));
    try {
      await handle.asElement().click();
    } finally {
      await handle.dispose();
    }
  }
  keyboardType(text) {
    return this.page.keyboard.type(text);
  }
  press(key) {
    return this.pressKey(this.page.keyboard, key);
  }
  close() {
    return this.context.close();
  }
}

// --- Chromium: Playwright ---------------------------------------------------------------------

async function chromiumEngine() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ colorScheme = 'light', viewport = { width: 1024, height: 768 } } = {}) {
      const context = await browser.newContext({ locale: 'en-GB', colorScheme, viewport });
      return new LibraryPage('chromium', context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

// --- Firefox: puppeteer-core over WebDriver BiDi ----------------------------------------------

/**
 * Firefox preferences: English (GB) first, and every host but 127.0.0.1 sent to a closed port,
 * so no page can reach the network (as Chromium's --host-resolver-rules in browser.mjs).
 */
const FIREFOX_PREFS = {
  'intl.accept_languages': 'en-GB, en',
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

/** Puppeteer's modifier names for "Shift+Tab"-style keys. */
async function puppeteerPress(keyboard, key) {
  const parts = key.split('+');
  const main = { Space: ' ' }[parts.at(-1)] ?? parts.at(-1);
  parts.pop();
  for (const modifier of parts) await keyboard.down(modifier);
  await keyboard.press(main);
  for (const modifier of parts.reverse()) await keyboard.up(modifier);
}

async function firefoxEngine() {
  const { default: puppeteer } = await import('puppeteer-core');
  const start = (prefs) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    });
  const browsers = { light: await start({}) };
  return {
    name: 'firefox',
    version: await browsers.light.version(),
    /**
     * WebDriver BiDi cannot emulate prefers-color-scheme, and Firefox's content override is a
     * browser-wide preference: dark pages come from a second Firefox, started on first use.
     */
    async newPage({ colorScheme = 'light', viewport = { width: 1024, height: 768 } } = {}) {
      browsers[colorScheme] ??= await start({ 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 });
      const context = await browsers[colorScheme].createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      return new LibraryPage('firefox', context, page, puppeteerPress);
    },
    close: () => Promise.all(Object.values(browsers).map((b) => b.close())),
  };
}
/** Starts one engine's browser: 'chromium', 'firefox' or 'webkit'. */
export function launchEngine(name) {
  switch (name) {
    case 'chromium':
      return chromiumEngine();
    case 'firefox':
      return firefoxEngine();
    case 'webkit':
      return webkitEngine();
    default:
      throw new Error(`unknown engine "${name}" (known: ${ALL_ENGINES.join(', ')})`);
  }
}

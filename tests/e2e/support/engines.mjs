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

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { launch as launchChromium } from './browser.mjs';

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
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const DEFAULT_TIMEOUT_MS = 15_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Finds every element matching a selector in the document and its open shadow roots. */
const DEEP_QUERY = `(selector) => {
  const found = [];
  const visit = (root) => {
    found.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}`;

/** A JavaScript expression that calls `fn(arg, $$)` in the page. */
function expression(fn, arg) {
  return `(${fn})(${JSON.stringify(arg ?? null)}, (${DEEP_QUERY}))`;
}

/** Fails with what was awaited and the last value seen. */
class WaitTimeout extends Error {}

/** What every engine's page does the same way, over its run() and handle-free primitives. */
class EnginePage {
  constructor(engineName) {
    this.engine = engineName;
  }

  /** Runs `fn(arg, $$)` in the page and returns its (awaited) JSON result. */
  evaluate(fn, arg) {
    return this.run(expression(fn, arg));
  }

  /**
   * Polls `fn(arg, $$)` until it returns something truthy, and returns that. Fails after
   * `timeout` ms naming `what`.
   */
  async waitFor(fn, arg, { timeout = DEFAULT_TIMEOUT_MS, what = String(fn).slice(0, 120), interval = 50 } = {}) {
    const start = Date.now();
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
        if (last) return last;
      } catch (error) {
        // A navigation in progress destroys the context being polled: try again.
        last = `(${error.message.split('\n')[0]})`;
      }
      if (Date.now() - start > timeout) {
        throw new WaitTimeout(`${this.engine}: timed out after ${timeout} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
      }
      await sleep(interval);
    }
  }

  /** Waits until an element matches (across shadow roots). */
  waitForSelector(selector, { timeout } = {}) {
    return this.waitFor((sel, $$) => $$(sel).length > 0, selector, { timeout, what: `an element matching ${selector}` });
  }

  /** How many elements match. */
  count(selector) {
    return this.evaluate((sel, $$) => $$(sel).length, selector);
  }

  /** The first match's textContent, whitespace collapsed (null: no match). */
  text(selector) {
    return this.evaluate((sel, $$) => $$(sel)[0]?.textContent.replace(/\s+/g, ' ').trim() ?? null, selector);
  }

  /** The first match's form value (null: no match). */
  value(selector) {
    return this.evaluate((sel, $$) => $$(sel)[0]?.value ?? null, selector);
  }

  /** An attribute of the first match (null: absent or no match). */
  attribute(selector, name) {
    return this.evaluate(([sel, attr], $$) => $$(sel)[0]?.getAttribute(attr) ?? null, [selector, name]);
  }

  /**
   * The focused element, looked up through shadow roots: its tag, name, id, class, whether it
   * sits in a shadow root, and its caret (selectionStart/End where it has one).
   */
  focused() {
    return this.evaluate(() => {
      let el = document.activeElement;
      let inShadow = false;
      while (el?.shadowRoot?.activeElement) {
        el = el.shadowRoot.activeElement;
        inShadow = true;
      }
      if (!el || el === document.body) return null;
      let caret = null;
      try {
        if (typeof el.selectionStart === 'number') caret = [el.selectionStart, el.selectionEnd];
      } catch {
        // Inputs such as type=email have no selection API.
      }
      return { tag: el.localName, name: el.getAttribute('name'), id: el.id, className: el.getAttribute('class') ?? '', inShadow, caret };
    });
  }

  /** What the page recorded (support/inpage/harness.js): errors, warnings, uncaught, csp. */
  records() {
    return this.evaluate(() => window.__e2e ?? null);
  }

  /** How many times any host's data-byline-state has been written (harness). */
  stateWrites() {
    return this.evaluate(() => window.__e2eStates?.length ?? 0);
  }

  /**
   * Focuses the first match and selects its text, then types `text` (real key events),
   * replacing what was there; an empty `text` deletes it with Backspace.
   */
  async fill(selector, text) {
    await this.waitForSelector(selector);
    await this.evaluate((sel, $$) => {
      const el = $$(sel)[0];
      el.focus();
      el.select?.();
    }, selector);
    if (text === '') await this.press('Backspace');
    else await this.keyboardType(text);
  }

  /** Clicks the first match (scrolled into view, as a pointer would). */
  async click(selector) {
    await this.waitForSelector(selector);
    await this.clickFirst(selector);
  }

  /** Focuses the first match, puts the caret at its end, and types `text`. */
  async type(selector, text) {
    await this.waitForSelector(selector);
    await this.evaluate((sel, $$) => {
      const el = $$(sel)[0];
      el.focus();
      if (typeof el.value === 'string') el.setSelectionRange?.(el.value.length, el.value.length);
    }, selector);
    await this.keyboardType(text);
  }
}

// --- Chromium: Playwright ---------------------------------------------------------------------

class PlaywrightPage extends EnginePage {
  constructor(context, page) {
    super('chromium');
    this.context = context;
    this.page = page;
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
    return this.page.keyboard.press(key);
  }
  close() {
    return this.context.close();
  }
}

async function chromiumEngine() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage({ colorScheme = 'light', viewport = { width: 1024, height: 768 } } = {}) {
      const context = await browser.newContext({ locale: 'en-GB', colorScheme, viewport });
      return new PlaywrightPage(context, await context.newPage());
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

class PuppeteerPage extends EnginePage {
  constructor(context, page) {
    super('firefox');
    this.context = context;
    this.page = page;
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
      await handle.click();
    } finally {
      await handle.dispose();
    }
  }
  keyboardType(text) {
    return this.page.keyboard.type(text);
  }
  press(key) {
    return puppeteerPress(this.page.keyboard, key);
  }
  close() {
    return this.context.close();
  }
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
      return new PuppeteerPage(context, page);
    },
    close: () => Promise.all(Object.values(browsers).map((b) => b.close())),
  };
}

// --- WebKit: classic WebDriver over fetch -----------------------------------------------------

/** A port nobody listens on right now (the kernel's pick). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** W3C WebDriver key codes for the names Playwright and puppeteer use. */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
};
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** One WebKitWebDriver under its own X display, and the HTTP commands it understands. */
async function startWebKitDriver() {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    // Its own process group, so close() ends xvfb-run, Xvfb, the driver and its browsers.
    const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    const stop = async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      await Promise.race([exited, sleep(3000)]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ended by SIGTERM
      }
    };
    const started = Date.now();
    while (Date.now() - started < 15_000 && child.exitCode === null) {
      try {
        const response = await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) {
          process.once('exit', () => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          });
          return { base, stop };
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    lastError = new Error(`WebKitWebDriver did not answer on port ${port}: ${stderr.trim() || 'no output'}`);
    await stop();
  }
  throw lastError;
}

/** Sends one WebDriver command; throws the driver's error and message. */
async function webdriver(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { error = response.status, message = '' } = payload.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${error}: ${message}`);
  }
  return payload.value;
}

class WebDriverPage extends EnginePage {
  constructor(base, sessionId) {
    super('webkit');
    this.base = base;
    this.session = `/session/${sessionId}`;
  }
  command(method, path, body) {
    return webdriver(this.base, method, `${this.session}${path}`, body);
  }
  async run(source) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => ${source}).then(
        (value) => done({ ok: true, value: value === undefined ? null : value }),
        (error) => done({ ok: false, error: String(error && error.stack || error) }));`;
    const result = await this.command('POST', '/execute/async', { script, args: [] });
    if (!result?.ok) throw new Error(`in the page: ${result?.error ?? 'no result'}`);
    return result.value;
  }
  async goto(url) {
    await this.command('POST', '/url', { url });
  }
  async reload() {
    await this.command('POST', '/refresh', {});
  }
  async clickFirst(selector) {
    const element = await this.run(expression((sel, $$) => $$(sel)[0], selector));
    await this.command('POST', `/element/${element[ELEMENT_KEY]}/click`, {});
  }
  async keyboardType(text) {
    // WebKitWebDriver drops "\n" from typed text: send it as the Enter key.
    const keys = text.replace(/\r?\n/g, WEBDRIVER_KEYS.Enter);
    await this.keys([...keys].flatMap((ch) => [{ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch }]));
  }
  async press(key) {
    const codes = key.split('+').map((name) => {
      const code = WEBDRIVER_KEYS[name] ?? (name.length === 1 ? name : null);
      if (code === null) throw new Error(`webkit: no WebDriver code for the key "${name}"`);
      return code;
    });
    await this.keys([
      ...codes.map((value) => ({ type: 'keyDown', value })),
      ...codes.reverse().map((value) => ({ type: 'keyUp', value })),
    ]);
  }
  async keys(actions) {
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }
  close() {
    return this.command('DELETE', '');
  }
}

async function webkitEngine() {
  const driver = await startWebKitDriver();
  const open = new Set();
  const engine = {
    name: 'webkit',
    version: '',
    /** Each page is its own MiniBrowser session: fresh storage, dark mode by a launch flag. */
    async newPage({ colorScheme = 'light', viewport = { width: 1024, height: 768 } } = {}) {
      const args = ['--automation', '--proxy=http://127.0.0.1:9', '--ignore-host=127.0.0.1'];
      if (colorScheme === 'dark') args.push('--dark-mode');
      const { sessionId, capabilities } = await webdriver(driver.base, 'POST', '/session', {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args },
          },
        },
      });
      engine.version = `MiniBrowser ${capabilities.browserVersion}`;
      const page = new WebDriverPage(driver.base, sessionId);
      open.add(page);
      const close = page.close.bind(page);
      page.close = async () => {
        open.delete(page);
        await close();
      };
      await page.command('POST', '/window/rect', viewport).catch(() => {});
      return page;
    },
    async close() {
      await Promise.all([...open].map((page) => page.close().catch(() => {})));
      await driver.stop();
    },
  };
  return engine;
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

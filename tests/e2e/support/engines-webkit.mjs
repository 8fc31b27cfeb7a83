// WebKit for the cross-engine page API (support/engines.mjs): WebKitGTK's MiniBrowser, Safari's
// engine, through classic W3C WebDriver spoken over plain fetch to WebKitWebDriver, which runs
// under xvfb-run on a free port in its own process group and is ended with the engine.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { EnginePage, expression, sleep } from './engine-page.mjs';

export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

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
/** A MiniBrowser session starts in about 0.5 s; give up on one after this. */
const SESSION_TIMEOUT_MS = 30_000;

/**
 * Ends a process group when this process ends: at its exit, or on SIGINT or SIGTERM (then the
 * signal is raised again, so the process still ends as it would have).
 */
function endWithProcess(pgid) {
  const end = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', end);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      end();
      process.kill(process.pid, signal);
    });
  }
}

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
          endWithProcess(child.pid);
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

/** Sends one WebDriver command; throws the driver's error and message, or after `timeout` ms. */
async function webdriver(base, method, path, body, timeout = 60_000) {
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    throw new Error(`WebDriver ${method} ${path}: no answer (${error.message})`, { cause: error });
  }
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

/** Starts WebKitWebDriver; each newPage() is a MiniBrowser session of its own. */
export async function webkitEngine() {
  let driver = await startWebKitDriver();
  const open = new Set();
  /** A new MiniBrowser session; `{ sessionId, capabilities }`. */
  const createSession = (args) =>
    webdriver(
      driver.base,
      'POST',
      '/session',
      { capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args } } } },
      SESSION_TIMEOUT_MS,
    );
  const engine = {
    name: 'webkit',
    version: '',
    /** Each page is its own MiniBrowser session: fresh storage, dark mode by a launch flag. */
    async newPage({ colorScheme = 'light', viewport = { width: 1024, height: 768 } } = {}) {
      const args = ['--automation', '--proxy=http://127.0.0.1:9', '--ignore-host=127.0.0.1'];
      if (colorScheme === 'dark') args.push('--dark-mode');
      let session;
      try {
        session = await createSession(args);
      } catch (error) {
        // Seen once on a loaded machine: the driver never answered a new session. Start a
        // fresh driver (no page is open between tests) and try once more.
        process.stderr.write(`webkit: ${error.message}; restarting WebKitWebDriver\n`);
        await driver.stop();
        open.clear();
        driver = await startWebKitDriver();
        session = await createSession(args);
      }
      const { sessionId, capabilities } = session;
      engine.version = `MiniBrowser ${capabilities.browserVersion}`;
      const page = new WebDriverPage(driver.base, sessionId);
      open.add(page);
      const close = page.close.bind(page);
      page.close = async () => {
        open.delete(page);
        await close();
      };
      await page.command('POST', '/window/rect', viewport).catch(() => {});
      // Switching to its own window gives it the input focus (:focus matches only in a focused
      // window), even when an earlier session's window is still on the display.
      const handle = await page.command('GET', '/window');
      await page.command('POST', '/window', { handle });
      return page;
    },
    async close() {
      await Promise.all([...open].map((page) => page.close().catch(() => {})));
      await driver.stop();
    },
  };
  return engine;
}


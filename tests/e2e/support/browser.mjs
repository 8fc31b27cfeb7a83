// Browser helpers for the end-to-end suites: launch the system Chromium through playwright-core,
// open isolated pages that record console output and errors, run axe-core, and wait for the
// widget's lifecycle states (docs/dom.md: data-byline-state on the host element).

import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Debian's Chromium. Never `npx playwright install`: the download host is unreachable. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long to wait for the widget to settle before failing (wasm compile included). */
export const WIDGET_TIMEOUT_MS = 15_000;

/**
 * The flags every suite (and the benchmark, bench/run.mjs) launches Chromium with. Every host
 * name except 127.0.0.1 resolves to nothing, so a page (or an XSS vector) can never reach the
 * network and runs stay deterministic.
 */
export const LAUNCH_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]);

/**
 * Launches headless Chromium with LAUNCH_ARGS, plus `extraArgs` (the benchmark adds
 * --enable-precise-memory-info).
 */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...LAUNCH_ARGS, ...extraArgs],
  });
}

/** Chromium's own message for a failed subresource; not something the widget logged. */
export const isNetworkNoise = (text) => text.startsWith('Failed to load resource');

/**
 * Opens a page in a fresh browser context (own storage, own cache) and records what happens.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {object} [opts]  options for browser.newContext (locale, viewport, colorScheme, …)
 * @returns {Promise<{
 *   page: import('playwright-core').Page,
 *   context: import('playwright-core').BrowserContext,
 *   console: Record<string, string[]>,
 *   messages: {type: string, text: string, url: string}[],
 *   pageErrors: Error[],
 *   dialogs: {type: string, message: string}[],
 *   errors(): string[],
 *   warnings(): string[],
 *   reset(): void,
 *   close(): Promise<void>,
 * }>}
 *   `console` holds message texts by type ("log", "error", "warning", …); `errors()` and
 *   `warnings()` are the console errors and warnings minus Chromium's network noise.
 */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...opts });
  await context.addInitScript(trackStates);
  const page = await context.newPage();

  const recorded = {
    page,
    context,
    console: { log: [], info: [], debug: [], warning: [], error: [] },
    messages: [],
    pageErrors: [],
    dialogs: [],
    errors() {
      return this.console.error.filter((text) => !isNetworkNoise(text));
    },
    warnings() {
      return this.console.warning.filter((text) => !isNetworkNoise(text));
    },
    /** Forgets everything recorded so far (between navigations of a reused page). */
    reset() {
      for (const type of Object.keys(this.console)) this.console[type].length = 0;
      this.messages.length = 0;
      this.pageErrors.length = 0;
      this.dialogs.length = 0;
    },
    close() {
      return context.close();
    },
  };

  page.on('console', (msg) => {
    const type = msg.type();
    const text = msg.text();
    (recorded.console[type] ??= []).push(text);
    recorded.messages.push({ type, text, url: msg.location()?.url ?? '' });
  });
  page.on('pageerror', (error) => recorded.pageErrors.push(error));
  // A dialog would block the page; record it and dismiss it.
  page.on('dialog', (dialog) => {
    recorded.dialogs.push({ type: dialog.type(), message: dialog.message() });
    dialog.dismiss().catch(() => {});
  });

  return recorded;
}

/**
 * Init script (runs in the page before any of its scripts): logs every write of
 * data-byline-state, so a test can wait for the state that follows an action (a Retry click)
 * even when the attribute ends up with the value it had before.
 */
function trackStates() {
  window.__bylineTestStates = [];
  new MutationObserver((records) => {
    for (const record of records) {
      window.__bylineTestStates.push(record.target.getAttribute('data-byline-state'));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-byline-state'] });
}

/** How many times any host's data-byline-state has been written so far. */
export function stateChangeCount(page) {
  return page.evaluate(() => window.__bylineTestStates?.length ?? 0);
}

/**
 * Records the given bubbling events as they reach `document`, from the very first script on.
 * Call before page.goto; read them back with `recordedEvents(page)`.
 * Each entry: { type, detail (JSON copy), onHost (target carries data-byline), bubbles }.
 */
export async function recordEvents(page, types) {
  await page.addInitScript((eventTypes) => {
    window.__bylineTestEvents = [];
    for (const type of eventTypes) {
      document.addEventListener(type, (event) => {
        let detail;
        try {
          detail = JSON.parse(JSON.stringify(event.detail ?? null));
        } catch {
          detail = String(event.detail);
        }
        window.__bylineTestEvents.push({
          type: event.type,
          detail,
          onHost: event.target instanceof Element && event.target.hasAttribute('data-byline'),
          bubbles: event.bubbles,
        });
      });
    }
  }, types);
}

/** The events captured by recordEvents, optionally only one type. */
export async function recordedEvents(page, type) {
  const events = await page.evaluate(() => window.__bylineTestEvents ?? []);
  return type === undefined ? events : events.filter((e) => e.type === type);
}

/**
 * Waits until the host's data-byline-state equals `state`. Fails early, with the host's markup
 * and the state reached, if the widget settles in another final state instead
 * (for example "error" while "ready" was expected).
 *
 * `after`: a stateChangeCount() taken before an action; states written before it are ignored,
 * so `waitForWidget(page, sel, 'error', { after })` after a Retry click waits for the new outcome.
 */
export async function waitForWidget(
  page,
  selector = '[data-byline]',
  state = 'ready',
  { timeout = WIDGET_TIMEOUT_MS, after = 0 } = {},
) {
  const finalStates = ['ready', 'error', 'crashed'];
  let handle;
  try {
    handle = await page.waitForFunction(
      ({ selector, state, finalStates, after }) => {
        if ((window.__bylineTestStates?.length ?? 0) <= after && after > 0) return false;
        const host = document.querySelector(selector);
        const current = host?.getAttribute('data-byline-state') ?? null;
        if (current === state || finalStates.includes(current)) return current;
        return false;
      },
      { selector, state, finalStates, after },
      { timeout },
    );
  } catch (error) {
    const current = await describeHost(page, selector);
    throw new Error(
      `Timed out after ${timeout} ms waiting for ${selector} to reach data-byline-state="${state}"; ` +
        `now: ${current}`,
      { cause: error },
    );
  }
  const reached = await handle.jsonValue();
  if (reached !== state) {
    throw new Error(
      `${selector} settled in data-byline-state="${reached}" instead of "${state}"; ` +
        `host: ${await describeHost(page, selector)}`,
    );
  }
}

/** A short description of a host element for failure messages. */
async function describeHost(page, selector) {
  return page
    .evaluate((selector) => {
      const host = document.querySelector(selector);
      if (!host) return 'no element matches';
      const markup = host.outerHTML.replace(/\s+/g, ' ');
      return `state=${host.getAttribute('data-byline-state')} ${markup.slice(0, 600)}`;
    }, selector)
    .catch((error) => `(could not inspect the page: ${error.message})`);
}

/**
 * Runs axe-core in the page and returns its violations (an empty array when clean).
 * `context` is what axe.run accepts: a selector, { include, exclude }, or nothing for the page.
 */
export async function runAxe(page, context) {
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (context) => {
    const result = await window.axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  }, context ?? null);
}

/** Formats axe violations for an assertion message. */
export function formatViolations(violations) {
  if (violations.length === 0) return 'no axe violations';
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target}\n      ${n.html}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * An init script (page.addInitScript) that sums the page's layout shifts from the first paint
 * on into `window.__shifts`, leaving out shifts that follow input.
 */
export function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

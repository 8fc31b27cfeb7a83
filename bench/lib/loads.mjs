// Page loads in headless Chromium, shared by the browser measures.
//
// A session owns one browser (launched on first use, with --enable-precise-memory-info) and
// the test server. `load` is one cold load in a fresh browser context (its own cache, so the
// wasm is fetched and compiled every time) with the probes of bench/lib/probes.mjs installed;
// `sample` is one measured load that may fail without ending the measure.

import { launch, newPage } from '../../tests/e2e/support/browser.mjs';
import { log } from './format.mjs';
import { benchInit, readBench } from './probes.mjs';
import { RUNS, VIEWPORT } from './settings.mjs';
import { median } from './stats.mjs';

/**
 * @param {{ server: { url: string }, results: object }} options  the server the pages come
 *   from, and the results object (failed runs are recorded in `results.runFailures`).
 */
export function createSession({ server, results }) {
  let browser;

  /** The session's browser, (re)launched when needed. */
  async function ensureBrowser() {
    if (!browser || !browser.isConnected()) {
      browser = await launch(['--enable-precise-memory-info']);
    }
    return browser;
  }

  /**
   * One cold load in a fresh browser context (own cache: the wasm is fetched and compiled every
   * time). `until(bench)` (evaluated in the page) says when to stop; then `settleMs` more.
   * Returns what the probes recorded (readBench) plus the page's console errors.
   * `setup(rec)` runs before the navigation (a measure's own init script, CDP throttling); what
   * it returns is passed to `read(rec, prepared)`, whose result goes into the returned data
   * as `extra` (after the end condition and the settle time).
   */
  async function load(url, { watch, until, settleMs = 0, elementTiming = true, timeout = 30_000, before, device, setup, read } = {}) {
    await ensureBrowser();
    const rec = await newPage(browser, device ?? { viewport: VIEWPORT, deviceScaleFactor: 1 });
    try {
      await rec.context.addInitScript(benchInit, { watch, elementTiming });
      const prepared = setup ? await setup(rec) : undefined;
      await rec.page.goto(url, { waitUntil: 'load', timeout });
      if (before) await before(rec.page);
      await rec.page.waitForFunction(
        (until) => {
          const b = window.__bench;
          if (!b) return false;
          const states = Array.from(document.querySelectorAll('[data-byline]')).map((h) => h.getAttribute('data-byline-state'));
          if (states.some((s) => s === 'error' || s === 'crashed')) return `widget state ${states.join(',')}`;
          // eslint-disable-next-line no-new-func
          return new Function('b', `return (${until});`)(b) ? 'ok' : false;
        },
        until,
        { timeout, polling: 50 },
      ).then(async (handle) => {
        const outcome = await handle.jsonValue();
        if (outcome !== 'ok') throw new Error(`${url}: ${outcome}; console errors: ${rec.errors().join(' | ') || 'none'}`);
      });
      if (settleMs) await rec.page.waitForTimeout(settleMs);
      const data = await rec.page.evaluate(readBench);
      if (read) data.extra = await read(rec, prepared);
      data.consoleErrors = rec.errors();
      data.pageErrors = rec.pageErrors.map(String);
      return data;
    } catch (error) {
      const errors = rec.errors();
      if (errors.length && !String(error.message).includes('console errors')) {
        error.message += `; console errors: ${errors.join(' | ')}`;
      }
      throw error;
    } finally {
      await rec.close().catch(() => {});
    }
  }

  /**
   * One measured run: a failed load is logged and recorded in results.runFailures, and the run
   * goes on, unless more than half the runs of that page have failed.
   */
  async function sample(into, url, opts, extra = () => ({})) {
    try {
      const data = await load(url, opts);
      into.push({ ...data, ...extra() });
    } catch (error) {
      const key = `${new URL(url).pathname}${opts?.device ? ' (phone)' : ''}`;
      const failures = ((results.runFailures ??= {})[key] ??= []);
      const message = String(error?.message ?? error).split('\n')[0];
      failures.push(message);
      log(`a run of ${key} failed: ${message}`);
      if (failures.length > Math.floor(RUNS / 2)) throw new Error(`${key}: ${failures.length} runs failed; last: ${message}`);
    }
  }

  /** A load that is not counted (browser process, server, disk cache); failures only logged. */
  const warmUp = (url, opts) => load(url, opts).catch((error) => log(`warm-up of ${url} failed: ${error.message.split('\n')[0]}`));

  /** A fresh page at the desktop viewport, for measures that drive the page themselves. */
  async function page() {
    await ensureBrowser();
    return newPage(browser, { viewport: VIEWPORT, deviceScaleFactor: 1 });
  }

  /** Closes the browser (the next load launches a new one). */
  async function closeBrowser() {
    if (browser) await browser.close().catch(() => {});
    browser = undefined;
  }

  return { server, load, sample, warmUp, page, closeBrowser };
}

/** The layout shifts of the run whose CLS is the median one: value, time, sources. */
export function shiftsOfMedianRun(runs) {
  const target = median(runs.map((r) => r.cls));
  if (target === null) return [];
  const run = runs.reduce((best, r) => (Math.abs(r.cls - target) < Math.abs(best.cls - target) ? r : best), runs[0]);
  return run.shifts.map((x) => ({
    value: x.value,
    at: x.startTime,
    sinceReady: run.ready === null || run.ready === undefined ? null : x.startTime - run.ready,
    sources: x.sources,
  }));
}

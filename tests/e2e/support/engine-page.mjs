// The part of the cross-engine page API (support/engines.mjs) that is the same in every
// engine: evaluate, waitFor, queries through shadow roots, fill, type and click, over the four
// primitives each engine's page provides: run(expression), clickFirst(selector),
// keyboardType(text) and press(key).

export const DEFAULT_TIMEOUT_MS = 15_000;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
export function expression(fn, arg) {
  return `(${fn})(${JSON.stringify(arg ?? null)}, (${DEEP_QUERY}))`;
}

/** Fails with what was awaited and the last value seen. */
class WaitTimeout extends Error {}

/** What every engine's page does the same way, over its run() and handle-free primitives. */
export class EnginePage {
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


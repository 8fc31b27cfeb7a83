// Code the benchmark runs inside the pages. Each function is serialised by Playwright, so it
// must not refer to anything outside itself.

/**
 * Init script (runs before any page script, in every frame of a benchmark context). Records on
 * `window.__bench`, as performance.now() values (milliseconds since navigation start):
 *
 * - `<key>Seen`: the first animation frame (rAF callback) in which the element is present;
 *   `<key>`: a task posted from that callback, so it runs once that frame has been rendered
 *   (the element is painted); `<key>Raf2`: the next rAF (the "double rAF" upper bound).
 *   Keys: headline (.byline-headline), form (.byline-submit present and enabled),
 *   related (.byline-related), readyState ([data-byline-state=ready]).
 * - `ready`: the first `byline:ready` event; `readyPainted`: after the frame that follows it.
 * - `elementTiming`: the Element Timing renderTime of the headline (the attribute is added by a
 *   MutationObserver the moment the headline is inserted, before it can be painted).
 * - `cls`, `shifts`: layout-shift entries without recent input (buffered).
 * - `memories`, `instantiations`: every WebAssembly instance created through
 *   WebAssembly.instantiate / instantiateStreaming, and its exported linear memory;
 *   `instantiatedAt`: when the first instance was ready (the wasm fetched and compiled).
 */
export function benchInit(config) {
  const opts = { watch: ['headline', 'form', 'related', 'readyState'], elementTiming: true, ...(config || {}) };
  const b = (window.__bench = {
    cls: 0,
    shifts: [],
    memories: [],
    instantiations: 0,
    elementTiming: null,
    instantiatedAt: null,
    ready: null,
    readyPainted: null,
    errors: [],
  });

  const afterFrame = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };

  // Layout shift.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        b.cls += entry.value;
        b.shifts.push({
          value: entry.value,
          startTime: entry.startTime,
          sources: (entry.sources || []).map((s) => {
            const n = s.node;
            if (!n) return '(gone)';
            if (n.nodeType !== 1) return `#${n.nodeName}`;
            return `${n.localName}${n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\s+/).join('.') : ''}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (error) {
    b.errors.push(`layout-shift observer: ${error}`);
  }

  // Element Timing for the headline.
  if (opts.elementTiming) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.identifier === 'bench-headline' && b.elementTiming === null) {
            b.elementTiming = entry.renderTime || entry.loadTime || null;
          }
        }
      }).observe({ type: 'element', buffered: true });
      const tag = new MutationObserver(() => {
        const headline = document.querySelector('.byline-headline');
        if (headline) {
          if (!headline.hasAttribute('elementtiming')) headline.setAttribute('elementtiming', 'bench-headline');
          tag.disconnect();
        }
      });
      tag.observe(document, { childList: true, subtree: true });
    } catch (error) {
      b.errors.push(`element timing: ${error}`);
    }
  }

  // WebAssembly instances and their linear memory.
  try {
    const W = WebAssembly;
    const keep = (result) => {
      const instance = result instanceof W.Instance ? result : result && result.instance;
      if (instance) {
        b.instantiations += 1;
        if (b.instantiatedAt === null) b.instantiatedAt = performance.now();
        // The release build gives its exports short names: find the memory by its type.
        const memory = Object.values(instance.exports || {}).find((e) => e instanceof W.Memory);
        if (memory) b.memories.push(memory);
      }
      return result;
    };
    const instantiate = W.instantiate;
    W.instantiate = function (...args) {
      return instantiate.apply(this, args).then(keep);
    };
    const streaming = W.instantiateStreaming;
    if (typeof streaming === 'function') {
      W.instantiateStreaming = function (...args) {
        return streaming.apply(this, args).then(keep);
      };
    }
  } catch (error) {
    b.errors.push(`wasm hook: ${error}`);
  }

  // The byline:ready event.
  document.addEventListener(
    'byline:ready',
    () => {
      if (b.ready !== null) return;
      b.ready = performance.now();
      requestAnimationFrame(() => afterFrame((t) => (b.readyPainted = t)));
    },
    true,
  );

  // Polling, once per animation frame.
  const probes = {
    headline: ['.byline-headline'],
    form: ['.byline-submit', (el) => !el.disabled && !el.hasAttribute('disabled')],
    related: ['.byline-related'],
    readyState: ['[data-byline-state="ready"]'],
  };
  const query = (selector) => {
    const found = document.querySelector(selector);
    if (found) return found;
    for (const host of document.querySelectorAll('[data-byline]')) {
      const inShadow = host.shadowRoot && host.shadowRoot.querySelector(selector);
      if (inShadow) return inShadow;
    }
    return null;
  };
  const poll = () => {
    let pending = false;
    for (const key of opts.watch) {
      if (b[`${key}Seen`] !== undefined) continue;
      const [selector, ok] = probes[key];
      const el = query(selector);
      if (el && (!ok || ok(el))) {
        b[`${key}Seen`] = performance.now();
        afterFrame((t) => (b[key] = t));
        requestAnimationFrame(() => (b[`${key}Raf2`] = performance.now()));
      } else {
        pending = true;
      }
    }
    if (pending) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Reads __bench plus navigation and resource timing (serialisable). */
export function readBench() {
  const b = window.__bench || {};
  const nav = performance.getEntriesByType('navigation')[0];
  const resource = (suffix) => {
    const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(suffix));
    return entry ? entry.responseEnd : null;
  };
  const out = {};
  for (const [key, value] of Object.entries(b)) {
    if (key === 'memories') continue;
    out[key] = value;
  }
  out.wasmMemoryBytes = (b.memories || []).map((m) => m.buffer.byteLength);
  out.domContentLoaded = nav ? nav.domContentLoadedEventEnd : null;
  out.loadEvent = nav ? nav.loadEventEnd : null;
  out.jsResponseEnd = resource('/byline.js');
  out.wasmResponseEnd = resource('/byline_bg.wasm');
  out.states = Array.from(document.querySelectorAll('[data-byline]')).map((h) => h.getAttribute('data-byline-state'));
  out.paragraphsRendered = document.querySelectorAll('.byline-body > *').length;
  out.relatedRendered = document.querySelectorAll('.byline-related-item').length;
  return out;
}

/**
 * Installed after the textarea holds its 10,000 characters. For each keystroke records:
 * `stamp` (the keydown's event.timeStamp: when the browser received the key), `start` (our
 * window capture listener, the first to run), `handled` (a microtask queued from a window
 * bubble-phase `input` listener: after every handler and Yew's render microtask),
 * `raf1` (the first rAF after the keydown: the frame starts), `painted` (a task posted from
 * that rAF: the frame is rendered),
 * `raf2` (the second rAF: the "double rAF" figure).
 */
export function installTypingProbe() {
  const t = (window.__typing = { samples: [], waiters: [], installedAt: performance.now() });
  let current = null;
  const settle = () => {
    t.waiters = t.waiters.filter(([n, resolve]) => {
      if (t.samples.length >= n && t.samples[n - 1].done) {
        resolve(t.samples[n - 1]);
        return false;
      }
      return true;
    });
  };
  t.whenDone = (n) => new Promise((resolve) => {
    t.waiters.push([n, resolve]);
    settle();
  });
  window.addEventListener(
    'keydown',
    (event) => {
      const sample = { key: event.key, stamp: event.timeStamp, start: performance.now(), handled: null, raf1: null, painted: null, raf2: null, done: false };
      current = sample;
      t.samples.push(sample);
      requestAnimationFrame(() => {
        sample.raf1 = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          sample.painted = performance.now();
          if (sample.raf2 !== null) {
            sample.done = true;
            settle();
          }
        };
        channel.port2.postMessage(null);
        requestAnimationFrame(() => {
          sample.raf2 = performance.now();
          if (sample.painted !== null) {
            sample.done = true;
            settle();
          }
        });
      });
    },
    true,
  );
  window.addEventListener('input', () => {
    const sample = current;
    if (sample) queueMicrotask(() => queueMicrotask(() => (sample.handled = performance.now())));
  });
  t.events = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // Buffered entries from before the probe (the 10,000-character fill) are not keystrokes.
        if (e.startTime < t.installedAt) continue;
        t.events.push({
          name: e.name,
          duration: e.duration,
          processing: e.processingEnd - e.processingStart,
          inputDelay: e.processingStart - e.startTime,
          interactionId: e.interactionId || 0,
        });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    t.eventTiming = true;
  } catch {
    t.eventTiming = false;
  }
}

/**
 * Appends and removes a second host `cycles` times, awaiting byline:ready each time.
 * Returns the milliseconds from append to ready, per cycle.
 */
export async function mountCycles(cycles) {
  const box = document.getElementById('cycles');
  const times = [];
  for (let i = 0; i < cycles; i++) {
    const host = document.createElement('div');
    host.setAttribute('data-byline', '');
    host.setAttribute('data-article', '#story');
    const started = performance.now();
    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`cycle ${i + 1}: no byline:ready within 10 s (state ${host.getAttribute('data-byline-state')})`)), 10000);
      host.addEventListener(
        'byline:ready',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
    box.append(host);
    await ready;
    times.push(performance.now() - started);
    host.remove();
    // Let the removal be noticed (MutationObserver) and torn down before the next one.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return times;
}

/** JS heap (precise with --enable-precise-memory-info), wasm memories and instances(). */
export async function memorySnapshot() {
  const b = window.__bench || {};
  let instances = null;
  let instancesError = null;
  try {
    const module = await import('/dist/byline.js');
    instances = module.instances();
  } catch (error) {
    instancesError = String(error);
  }
  return {
    usedJSHeapSize: performance.memory ? performance.memory.usedJSHeapSize : null,
    totalJSHeapSize: performance.memory ? performance.memory.totalJSHeapSize : null,
    wasmMemoryBytes: (b.memories || []).map((m) => m.buffer.byteLength),
    instantiations: b.instantiations || 0,
    instances,
    instancesError,
    hosts: document.querySelectorAll('[data-byline]').length,
  };
}

/**
 * Init script of the pre-rendering measure (bench/measures/prerendered.mjs), on top of
 * benchInit. Records on `window.__start`, as performance.now() values:
 * - `longTasks`: every long task ({ start, duration }, buffered), and `lastLongTaskEnd`;
 * - `loaded`: just after the load event's handlers ran;
 * - `idleRequested`, `idleFired`: when requestIdleCallback was first called, and when its
 *   callback first ran (byline.js's idle start is the only user on the benchmark's pages);
 * - `intersected`, `intersectedTarget`: the first IntersectionObserver callback reporting an
 *   intersecting entry (byline.js's "near the viewport" and "near the form" observers are the
 *   only ones on these pages), and the element it reported;
 * - `wasmFetched`: when the page first called fetch() for byline_bg.wasm: the moment byline.js
 *   starts the widget (its __wbg_init fetches the wasm; a <link rel=preload> of the wasm is a
 *   separate, earlier request and does not count as the start);
 * - `formInHtml`: whether a host held a <form> at DOMContentLoaded (a pre-rendered form).
 */
export function prerenderInit() {
  const s = (window.__start = {
    longTasks: [],
    lastLongTaskEnd: 0,
    loaded: null,
    idleRequested: null,
    idleFired: null,
    intersected: null,
    intersectedTarget: null,
    wasmFetched: null,
    formInHtml: null,
    errors: [],
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        s.longTasks.push({ start: e.startTime, duration: e.duration });
        s.lastLongTaskEnd = Math.max(s.lastLongTaskEnd, e.startTime + e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    s.errors.push(`longtask observer: ${error}`);
  }
  window.addEventListener('load', () => setTimeout(() => (s.loaded = performance.now()), 0), { once: true });
  document.addEventListener('DOMContentLoaded', () => (s.formInHtml = !!document.querySelector('[data-byline] form')), { once: true });
  const ric = window.requestIdleCallback;
  if (typeof ric === 'function') {
    window.requestIdleCallback = function (callback, options) {
      if (s.idleRequested === null) s.idleRequested = performance.now();
      return ric.call(this, (deadline) => {
        if (s.idleFired === null) s.idleFired = performance.now();
        return callback(deadline);
      }, options);
    };
  }
  const IO = window.IntersectionObserver;
  if (typeof IO === 'function') {
    window.IntersectionObserver = class extends IO {
      constructor(callback, options) {
        super((entries, observer) => {
          const hit = entries.find((e) => e.isIntersecting);
          if (hit && s.intersected === null) {
            s.intersected = performance.now();
            const t = hit.target;
            s.intersectedTarget = `${t.localName}${typeof t.className === 'string' && t.className.trim() ? '.' + t.className.trim().split(/\s+/).join('.') : ''}`;
          }
          return callback(entries, observer);
        }, options);
      }
    };
  }
  const fetch = window.fetch;
  window.fetch = function (input, ...rest) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input?.url ?? '';
    if (s.wasmFetched === null && /byline_bg\.wasm(?:[?#]|$)/.test(url)) s.wasmFetched = performance.now();
    return fetch.call(this, input, ...rest);
  };
}

/** What prerenderInit recorded, with paint timing, the load event and Byline's responses. */
export function readPrerender() {
  const s = window.__start || {};
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
  const byline = /\/(?:byline\.js|byline\.css|byline_bg\.wasm|locales\/[^/]+)$/;
  return {
    ...s,
    firstPaint: paint('first-paint'),
    firstContentfulPaint: paint('first-contentful-paint'),
    loadEventEnd: nav ? nav.loadEventEnd : null,
    resources: performance
      .getEntriesByType('resource')
      .filter((e) => byline.test(new URL(e.name).pathname))
      .map((e) => ({
        path: new URL(e.name).pathname,
        initiator: e.initiatorType,
        start: e.startTime,
        end: e.responseEnd,
        encodedBodySize: e.encodedBodySize,
        transferSize: e.transferSize,
        decodedBodySize: e.decodedBodySize,
      })),
  };
}

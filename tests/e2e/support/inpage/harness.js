// Loaded first by every page of the cross-engine suite (tests/e2e/engines.test.mjs), as a plain
// same-origin script, so a strict Content-Security-Policy allows it. It records, in the page,
// what the three drivers cannot all report the same way (classic WebDriver has no console
// events): console.error and console.warn calls, uncaught errors and rejections, and CSP
// violations; what was fetched by the load event; Byline's events.
// support/engines.mjs reads the records back with page.records().
(() => {
  const records = { errors: [], warnings: [], uncaught: [], csp: [] };
  window.__e2e = records;
  const text = (args) =>
    args
      .map((arg) => {
        if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
        if (typeof arg === 'string') return arg;
        try {
          return JSON.stringify(arg);
        } catch {
          return String(arg);
        }
      })
      .join(' ');
  for (const [method, list] of [['error', records.errors], ['warn', records.warnings]]) {
    const original = console[method].bind(console);
    console[method] = (...args) => {
      list.push(text(args));
      original(...args);
    };
  }
  window.addEventListener('error', (event) => {
    // A resource that failed to load fires a (non-bubbling) error on its element: not a script error.
    if (event.target !== window) return;
    records.uncaught.push(event.error ? `${event.error.name}: ${event.error.message}` : String(event.message));
  }, true);
  window.addEventListener('unhandledrejection', (event) => records.uncaught.push(`unhandled rejection: ${text([event.reason])}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    records.csp.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`),
  );
  // At the load event (an idle start comes after it): the resources requested so far, and the
  // first host's state.
  window.addEventListener('load', () => {
    window.__e2eAtLoad = {
      resources: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
      state: document.querySelector('[data-byline]')?.getAttribute('data-byline-state') ?? null,
    };
  });
  // Byline's events as they bubble to the document: { type, detail }.
  window.__e2eEvents = [];
  for (const type of ['byline:ready', 'byline:reply-sent', 'byline:reply-failed', 'byline:related-click']) {
    document.addEventListener(type, (event) => {
      let detail = null;
      try {
        detail = JSON.parse(JSON.stringify(event.detail ?? null));
      } catch {
        detail = String(event.detail);
      }
      window.__e2eEvents.push({ type, detail });
    });
  }
})();

// Byline: self-start. Appended to wasm-bindgen's glue by scripts/finish-dist.mjs, so this
// one module is all a publisher includes. It links byline.css (when the page does not),
// then loads byline_bg.wasm from beside itself and mounts every [data-byline] element.
// Nothing more is fetched while every host waits: a data-loading="lazy" host until it nears
// the viewport; an idle one (data-loading="idle", the default of a pre-rendered host, which
// reads and works without the wasm) until the browser is idle after the page has loaded, or
// the reader nears or touches its reply form. An eager host added later starts at once.
{
  const here = import.meta.url;
  const stylesheet = new URL("byline.css", here).href;
  const hosts = () => Array.from(document.querySelectorAll("[data-byline]"));
  // The host's start mode, as core::config reads it: eager, lazy or idle (an unknown value
  // means the default, which is idle for a pre-rendered host).
  const mode = (host) => {
    const value = (host.getAttribute("data-loading") || "").trim().toLowerCase();
    if (value === "eager" || value === "lazy" || value === "idle") return value;
    return host.hasAttribute("data-byline-prerendered") ? "idle" : "eager";
  };

  const linkStylesheet = () => {
    const linked = Array.from(document.querySelectorAll("link[rel~='stylesheet' i]")).some(
      (link) => link.href === stylesheet || /\/byline\.css(?:[?#]|$)/.test(link.href),
    );
    if (!linked && document.head) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = stylesheet;
      link.setAttribute("data-byline-stylesheet", "");
      document.head.append(link);
    }
  };

  // The first Intl date or number formatter on a page costs 25-90 ms (the browser loads its
  // locale data); later ones, in any language, about 1 ms. Paid here, right after the wasm
  // request went out, it overlaps the download and compile instead of the first render.
  const warmIntl = () => {
    try {
      new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" }).format(0);
      new Intl.NumberFormat().format(0);
    } catch {
      // Without Intl the widget falls back to plain text; nothing to warm.
    }
  };

  // The languages with a file in locales/ (English is built in). The widget fetches the file
  // its language needs; preloading it here saves that round trip after the wasm has started.
  // The same list as core::i18n::TRANSLATIONS (a native test keeps them equal).
  const translations = ["ar", "de", "es", "fr", "he", "ja", "ko", "pt", "ru", "uk", "zh"];
  const usable = (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  };
  const preloadTranslations = () => {
    const page = document.documentElement.getAttribute("lang");
    const wanted = new Set();
    // Lazy and idle hosts fetch theirs when they start (a preload unused for a few seconds
    // would earn a console warning).
    for (const host of hosts().filter((h) => mode(h) === "eager")) {
      // The widget's own rule: the first of these that Intl accepts.
      const tag = [(host.getAttribute("data-lang") || "").replace(/_/g, "-"), page, navigator.language]
        .map((t) => (t || "").trim())
        .find((t) => t && usable(t));
      const primary = (tag || "en").split("-")[0].toLowerCase();
      if (translations.includes(primary)) wanted.add(primary);
    }
    for (const tag of wanted) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = new URL(`locales/${tag}.json`, here).href;
      link.setAttribute("data-byline-translation", tag);
      document.head?.append(link);
    }
  };

  // A panic in the wasm (CONTRACT 8). The release build aborts at once (panic =
  // "immediate-abort", docs/architecture.md): no Rust code runs after a panic, the wasm traps,
  // and a WebAssembly.RuntimeError leaves the call into the wasm that was running (boot, an
  // event handler, a timer, a promise). Every such call goes through the wasm's exports, so
  // they are wrapped: the first trap logs the error and puts the "could not be displayed" note
  // in every widget, as src/embed/panic.rs's hook does before the trap in builds that run it
  // (then the note is there already and the log not repeated). The error is thrown on.
  let crashed = false;
  const crash = (error) => {
    if (crashed) return;
    crashed = true;
    const widgets = Array.from(document.querySelectorAll("[data-byline-state]"));
    if (!widgets.some((host) => host.getAttribute("data-byline-state") === "crashed")) {
      console.error("Byline stopped after an internal error:", error);
    }
    widgets.forEach(showCrashNote);
  };
  const english = "This content could not be displayed.";
  // The note in the widget's language: from its translation file (which the widget has
  // fetched, so it comes from the cache), English when there is none or it fails.
  const crashNote = async (lang) => {
    const primary = (lang || "").trim().split(/[-_]/)[0].toLowerCase();
    const tag = primary === "iw" ? "he" : primary;
    if (!translations.includes(tag)) return english;
    try {
      const file = fetch(new URL(`locales/${tag}.json`, here)).then((response) => response.json());
      const late = new Promise((resolve) => setTimeout(resolve, 2000));
      const text = (await Promise.race([file, late]))?.texts?.crashed;
      return typeof text === "string" && text.trim() ? text : english;
    } catch {
      return english;
    }
  };
  const showCrashNote = async (host) => {
    // In shadow mode the content lives in the shadow root; its stylesheet link stays.
    const root = host.shadowRoot || host;
    const lang = root.querySelector(".byline-root")?.getAttribute("lang");
    host.setAttribute("data-byline-state", "crashed");
    const note = document.createElement("p");
    note.className = "byline-crashed";
    note.textContent = await crashNote(lang);
    Array.from(root.childNodes)
      .filter((node) => node.nodeName.toLowerCase() !== "link")
      .forEach((node) => node.remove());
    root.append(note);
  };
  const guarded = (exports) => {
    const out = {};
    for (const [name, value] of Object.entries(exports)) {
      out[name] =
        typeof value !== "function"
          ? value
          : (...args) => {
              try {
                return value(...args);
              } catch (error) {
                if (error instanceof WebAssembly.RuntimeError) crash(error);
                throw error;
              }
            };
    }
    return out;
  };

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    __wbg_init({ module_or_path: new URL("byline_bg.wasm", here) })
      .then((exports) => {
        // The glue's own binding of the instance's exports (finish-dist.mjs checks it exists).
        wasm = guarded(exports);
        boot(stylesheet);
      })
      .catch((error) => {
        if (error instanceof WebAssembly.RuntimeError) return crash(error);
        console.error("Byline could not start:", error);
        // No widget will come: drop the reserved space so the fallback stands alone.
        hosts().forEach((host) => host.setAttribute("data-byline-state", "unavailable"));
      });
    preloadTranslations();
    warmIntl();
  };

  const startWhenNeeded = () => {
    linkStylesheet();
    const present = hosts();
    if (present.length === 0 || present.some((h) => mode(h) === "eager") || !("IntersectionObserver" in window)) {
      start();
      return;
    }
    // Lazy hosts still coming keep their space reserved past the stylesheet's time limit; a
    // pre-rendered host has its content already and reserves nothing.
    const reserve = (host) => {
      if (!host.hasAttribute("data-byline-prerendered")) host.setAttribute("data-byline-state", "loading");
    };
    present.forEach(reserve);
    const cleanups = [];
    const go = () => {
      cleanups.splice(0).forEach((cleanup) => cleanup());
      start();
    };
    // Lazy hosts: within 300 px of the viewport. Idle hosts: their reply form (or, without
    // one, the host's end) within a screen of it.
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), {
      rootMargin: "300px 0px",
    });
    const nearForm = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), {
      rootMargin: "100% 0px",
    });
    cleanups.push(() => near.disconnect(), () => nearForm.disconnect());
    const watched = new Set();
    const watch = (host) => {
      if (watched.has(host)) return;
      watched.add(host);
      if (mode(host) === "lazy") {
        near.observe(host);
        return;
      }
      nearForm.observe(host.querySelector("form") || host.lastElementChild || host);
      // A reader who focuses, types in or taps the pre-rendered form gets the widget now.
      for (const kind of ["focusin", "pointerdown", "keydown"]) {
        host.addEventListener(kind, go, { once: true, passive: true });
        cleanups.push(() => host.removeEventListener(kind, go));
      }
    };
    present.forEach(watch);
    // Idle hosts also start when the browser has nothing else to do after the page loaded.
    if (present.some((h) => mode(h) === "idle")) {
      const whenIdle = () => {
        if (!("requestIdleCallback" in window)) return void setTimeout(go, 2000);
        const id = requestIdleCallback(go, { timeout: 5000 });
        cleanups.push(() => cancelIdleCallback(id));
      };
      if (document.readyState === "complete") whenIdle();
      else {
        window.addEventListener("load", whenIdle, { once: true });
        cleanups.push(() => window.removeEventListener("load", whenIdle));
      }
    }
    const added = new MutationObserver(() => {
      const now = hosts();
      if (now.some((h) => mode(h) === "eager")) return go();
      now.forEach(reserve);
      now.forEach(watch);
    });
    cleanups.push(() => added.disconnect());
    // Hosts added, elements gaining data-byline, or a host switched to eager all count.
    added.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-byline", "data-loading"],
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startWhenNeeded, { once: true });
  } else {
    startWhenNeeded();
  }
}

// Byline: self-start. Appended to wasm-bindgen's glue by scripts/finish-dist.mjs, so this
// one module is all a publisher includes. It links byline.css (when the page does not),
// then loads byline_bg.wasm from beside itself and mounts every [data-byline] element.
// When every host on the page is data-loading="lazy", nothing more is fetched until one
// of them nears the viewport or an eager host is added.
{
  const here = import.meta.url;
  const stylesheet = new URL("byline.css", here).href;
  const hosts = () => Array.from(document.querySelectorAll("[data-byline]"));
  const isLazy = (host) => (host.getAttribute("data-loading") || "").trim().toLowerCase() === "lazy";

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
    // Lazy hosts fetch theirs when they near the viewport (a preload unused for a few seconds
    // would earn a console warning).
    for (const host of hosts().filter((h) => !isLazy(h))) {
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

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    __wbg_init({ module_or_path: new URL("byline_bg.wasm", here) })
      .then(() => boot(stylesheet))
      .catch((error) => {
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
    if (present.length === 0 || present.some((h) => !isLazy(h)) || !("IntersectionObserver" in window)) {
      start();
      return;
    }
    // Still coming: keeps their space reserved past the stylesheet's time limit.
    present.forEach((host) => host.setAttribute("data-byline-state", "loading"));
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          near.disconnect();
          added.disconnect();
          start();
        }
      },
      { rootMargin: "300px 0px" },
    );
    present.forEach((host) => near.observe(host));
    const added = new MutationObserver(() => {
      const now = hosts();
      now.forEach((host) => near.observe(host));
      if (now.some((h) => !isLazy(h))) {
        near.disconnect();
        added.disconnect();
        start();
      }
    });
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

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

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    __wbg_init({ module_or_path: new URL("byline_bg.wasm", here) })
      .then(() => boot(stylesheet))
      .catch((error) => console.error("Byline could not start:", error));
    warmIntl();
  };

  const startWhenNeeded = () => {
    linkStylesheet();
    const present = hosts();
    if (present.length === 0 || present.some((h) => !isLazy(h)) || !("IntersectionObserver" in window)) {
      start();
      return;
    }
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

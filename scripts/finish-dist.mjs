// Trunk post-build hook: turns wasm-bindgen's glue (byline.js) into the one self-starting
// module publishers include, by appending src/js/start.js to it. The result loads
// byline_bg.wasm and byline.css from beside itself, so dist/ works from any folder or CDN.
//
// In release builds it also shortens the names byline.js and byline_bg.wasm use to talk to
// each other (wasm-bindgen's hashed import names, e.g. `__wbg_setAttribute_f75317b2b5cabfb4`,
// are incompressible and sit in both files), minifies byline.js (terser) and byline.css
// (comments and indentation out), and makes the demo page load the widget the way a
// publisher's page does: Trunk's own init script goes, and the preload hashes match the files.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { minifiedCss, minifiedModule, shortWasmNames } from "./lib/shrink.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  fail("TRUNK_STAGING_DIR is not set (run it through trunk build)");
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const gluePath = join(dir, "byline.js");
const wasmPath = join(dir, "byline_bg.wasm");
const pagePath = join(dir, "index.html");
const release = process.env.TRUNK_PROFILE === "release";

let glue = readFileSync(gluePath, "utf8");
if (!/__wbg_init as default|export default __wbg_init/.test(glue) || !/export function boot\(/.test(glue)) {
  fail("byline.js is not wasm-bindgen's web glue with boot()");
}
if (!glue.includes("// Byline: self-start.")) {
  // start.js wraps the exports the glue calls (its panic boundary): they must sit in `wasm`.
  if (!/^let [\w, ]*\bwasm;$/m.test(glue) || !/^\s+wasm = instance\.exports;$/m.test(glue)) {
    fail("byline.js keeps the wasm exports somewhere other than `wasm` (start.js wraps them)");
  }
  try {
    if (release) glue = shortWasmNames(root, glue, wasmPath);
    glue = `${glue}\n${readFileSync(join(root, "src/js/start.js"), "utf8")}`;
    if (release) glue = await minifiedModule(glue);
  } catch (error) {
    fail(error.message);
  }
  if (!/export function boot\(/.test(glue)) fail("byline.js lost its boot export");
}
writeFileSync(gluePath, glue);
const cssPath = join(dir, "byline.css");
if (release && existsSync(cssPath)) {
  try {
    writeFileSync(cssPath, minifiedCss(readFileSync(cssPath, "utf8")));
  } catch (error) {
    fail(error.message);
  }
}
if (existsSync(pagePath)) {
  // Two demo pages: client.html, rendered in the browser (the wasm preloaded, as a page that
  // needs it at once should), and index.html, which the Trunk hook then pre-renders: it needs
  // no wasm to read, so nothing of it is preloaded (the widget starts when idle).
  const page = asPublisherPage(readFileSync(pagePath, "utf8"));
  writeFileSync(join(dir, "client.html"), page);
  writeFileSync(pagePath, withoutWasmPreload(page));
}

/** The page without its `<link rel="preload">` of byline_bg.wasm. */
function withoutWasmPreload(html) {
  const page = html.replace(/<link\b[^>]*\bhref="?\.?\/?byline_bg\.wasm"?[^>]*>/g, "");
  if (/byline_bg\.wasm/.test(page)) fail("could not remove the wasm preload from index.html");
  return page;
}

function fail(message) {
  console.error(`finish-dist: ${message}`);
  process.exit(1);
}

/**
 * The demo page as a publisher would write it: without Trunk's inline init script (byline.js
 * starts itself; the script would also set `window.wasmBindings`), and with the integrity
 * hashes of Trunk's links recomputed for the files as they are now.
 */
function asPublisherPage(html) {
  // Attribute values may be quoted or not (release builds minify the page).
  const value = (tag, name) => new RegExp(`\\b${name}=("([^"]*)"|([^\\s>]+))`).exec(tag);
  const page = html.replace(
    /<script type="?module"?>\s*import init, \* as bindings from '\.\/byline\.js';[\s\S]*?<\/script>/,
    "",
  );
  if (page.includes("window.wasmBindings")) fail("could not remove Trunk's init script from index.html");
  // Trunk's modulepreload of byline.js carries an integrity the module script lacks, so the
  // browser fetched the file twice; the module script in <head> starts it as early.
  const unpreloaded = page.replace(/<link\b[^>]*\brel="?modulepreload"?[^>]*\bhref="?\.?\/?byline\.js"?[^>]*>/g, "");
  return unpreloaded.replace(/<link\b[^>]*>/g, (tag) => {
    const integrity = value(tag, "integrity");
    const hrefMatch = value(tag, "href");
    const href = (hrefMatch?.[2] ?? hrefMatch?.[3] ?? "").replace(/^\.\//, "");
    if (!integrity || !href || !existsSync(join(dir, href))) return tag;
    // Chromium ignores (and warns about) integrity on `as="fetch"` preloads.
    const as = value(tag, "as");
    if ((as?.[2] ?? as?.[3]) === "fetch") return tag.replace(` ${integrity[0]}`, "");
    const digest = createHash("sha384").update(readFileSync(join(dir, href))).digest("base64");
    return tag.replace(integrity[0], `integrity="sha384-${digest}"`);
  });
}


// Trunk post-build hook: turns wasm-bindgen's glue (byline.js) into the one self-starting
// module publishers include, by appending src/js/start.js to it. The result loads
// byline_bg.wasm and byline.css from beside itself, so dist/ works from any folder or CDN.
//
// In release builds it also shortens the names byline.js and byline_bg.wasm use to talk to
// each other (wasm-bindgen's hashed import names, e.g. `__wbg_setAttribute_f75317b2b5cabfb4`,
// are incompressible and sit in both files), and makes the demo page load the widget the way a
// publisher's page does: Trunk's own init script goes, and the preload hashes match the files.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  fail("TRUNK_STAGING_DIR is not set (run it through trunk build)");
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const gluePath = join(dir, "byline.js");
const wasmPath = join(dir, "byline_bg.wasm");
const pagePath = join(dir, "index.html");

let glue = readFileSync(gluePath, "utf8");
if (!/__wbg_init as default|export default __wbg_init/.test(glue) || !/export function boot\(/.test(glue)) {
  fail("byline.js is not wasm-bindgen's web glue with boot()");
}
if (process.env.TRUNK_PROFILE === "release" && !glue.includes("// Byline: self-start.")) {
  glue = shortenNames(glue);
}
if (!glue.includes("// Byline: self-start.")) {
  glue = `${glue}\n${readFileSync(join(root, "src/js/start.js"), "utf8")}`;
}
writeFileSync(gluePath, glue);
if (existsSync(pagePath)) {
  writeFileSync(pagePath, asPublisherPage(readFileSync(pagePath, "utf8")));
}

function fail(message) {
  console.error(`finish-dist: ${message}`);
  process.exit(1);
}

/**
 * Renames the wasm module's imports and exports with binaryen's minifier (the same pinned
 * wasm-opt Trunk uses) and rewrites the glue to match: the import object's keys, its module
 * name, and every `wasm.<export>` use. Fails the build if any old name is left in the glue.
 */
function shortenNames(source) {
  const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
  const features = [
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
  ];
  const shortened = `${wasmPath}.short`;
  const mapText = execFileSync(
    wasmOpt,
    [...features, "--minify-imports-and-exports-and-modules", wasmPath, "-o", shortened],
    { encoding: "utf8" },
  );
  const map = JSON.parse(mapText);
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1 || !modules.has("./byline_bg.js")) {
    rmSync(shortened);
    fail(`unexpected wasm import modules: ${[...modules].join(", ")}`);
  }
  const imports = new Map(map.imports.map(([, name, short]) => [name, short]));
  const exports = new Map(map.exports);
  let out = source.replace(/^(\s+)(__wb[A-Za-z0-9_]+): function/gm, (whole, indent, name) =>
    imports.has(name) ? `${indent}${imports.get(name)}: function` : whole,
  );
  out = out.replace(/"\.\/byline_bg\.js": import0/, `"${moduleName()}": import0`);
  out = out.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (whole, name) =>
    exports.has(name) ? `wasm.${exports.get(name)}` : whole,
  );
  const left = [...imports.keys()].filter((name) => out.includes(`${name}: function`));
  const unused = [...exports.keys()].filter((name) => out.includes(`wasm.${name}`));
  if (left.length || unused.length || out.includes('"./byline_bg.js": import0')) {
    rmSync(shortened);
    fail(`could not rename every wasm import/export in byline.js: ${[...left, ...unused].join(", ")}`);
  }
  writeFileSync(wasmPath, readFileSync(shortened));
  rmSync(shortened);
  return out;
}

/** The (single) import module name binaryen gave the minified module: read from its bytes. */
function moduleName() {
  const bytes = readFileSync(wasmPath + ".short");
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) return [value, at];
    }
  };
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const [size, body] = leb(at);
    if (id === 2) {
      const [, first] = leb(body);
      const [length, name] = leb(first);
      return bytes.subarray(name, name + length).toString("utf8");
    }
    at = body + size;
  }
  fail("the minified wasm has no import section");
}

/**
 * The demo page as a publisher would write it: without Trunk's inline init script (byline.js
 * starts itself; the script would also set `window.wasmBindings`), and with the integrity
 * hashes of Trunk's links recomputed for the files as they are now.
 */
function asPublisherPage(html) {
  const page = html.replace(
    /<script type="module">\s*import init, \* as bindings from '\.\/byline\.js';[\s\S]*?<\/script>/,
    "",
  );
  return page.replace(/<link\b[^>]*>/g, (tag) => {
    const href = /href="\.\/([^"]+)"/.exec(tag)?.[1];
    if (!href || !/integrity="/.test(tag) || !existsSync(join(dir, href))) return tag;
    // Chromium ignores (and warns about) integrity on `as="fetch"` preloads.
    if (/\bas="fetch"/.test(tag)) return tag.replace(/\s*integrity="[^"]*"/, "");
    const digest = createHash("sha384").update(readFileSync(join(dir, href))).digest("base64");
    return tag.replace(/integrity="[^"]*"/, `integrity="sha384-${digest}"`);
  });
}

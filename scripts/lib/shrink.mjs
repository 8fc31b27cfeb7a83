// Release post-processing shared by the build (scripts/finish-dist.mjs) and the benchmark's
// Yew floor (bench/lib/floor.mjs), so both are measured after the same treatment:
// - shortWasmNames: wasm-bindgen's hashed import names (`__wbg_setAttribute_f75317b2b5cabfb4`)
//   are incompressible and sit in both the wasm and its JS glue; binaryen's minifier renames
//   the module's imports and exports, and the glue is rewritten to match.
// - minifiedModule: terser over the ES-module glue (exports keep their names).
// - minifiedCss: the stylesheet without its comments and indentation (the notes on contrast
//   ratios and choices stay in styles/byline.css).
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

/** The WebAssembly features rustc 1.95 emits by default (as in index.html's wasm-opt params). */
const FEATURES = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
];

/**
 * Renames `wasmPath`'s imports and exports (the pinned wasm-opt in `root`/node_modules) and
 * returns `glue` rewritten to match: the import object's keys and module name, and every
 * `wasm.<export>`. Throws, leaving the wasm untouched, if any old name would be left over.
 */
export function shortWasmNames(root, glue, wasmPath) {
  const shortened = `${wasmPath}.short`;
  try {
    const map = JSON.parse(
      execFileSync(
        join(root, "node_modules", ".bin", "wasm-opt"),
        [...FEATURES, "--minify-imports-and-exports-and-modules", wasmPath, "-o", shortened],
        { encoding: "utf8" },
      ),
    );
    const modules = [...new Set(map.imports.map(([module]) => module))];
    if (modules.length !== 1) throw new Error(`expected one wasm import module, found: ${modules.join(", ")}`);
    const oldModule = `"${modules[0]}": import0`;
    const newModule = `"${importModuleName(readFileSync(shortened))}": import0`;
    const imports = new Map(map.imports.map(([, name, short]) => [name, short]));
    const exports = new Map(map.exports);
    let out = glue.replace(/^(\s+)(__wb[A-Za-z0-9_]+): function/gm, (whole, indent, name) =>
      imports.has(name) ? `${indent}${imports.get(name)}: function` : whole,
    );
    out = out.replace(oldModule, newModule);
    out = out.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (whole, name) =>
      exports.has(name) ? `wasm.${exports.get(name)}` : whole,
    );
    const left = [
      ...[...imports.keys()].filter((name) => out.includes(`${name}: function`)),
      ...[...exports.keys()].filter((name) => out.includes(`wasm.${name}`)),
      ...(out.includes(oldModule) ? [modules[0]] : []),
    ];
    if (left.length) throw new Error(`names left in the glue: ${left.join(", ")}`);
    // And every new name written: a glue layout this code does not know fails here, not at
    // run time with a LinkError.
    const missing = [...imports.values()].filter((short) => !out.includes(`${short}: function`));
    if (!out.includes(newModule)) missing.push(newModule);
    if (missing.length) throw new Error(`short names missing from the glue: ${missing.join(", ")}`);
    writeFileSync(wasmPath, readFileSync(shortened));
    return out;
  } finally {
    rmSync(shortened, { force: true });
  }
}

/** The (single) import module name of a wasm binary, read from its import section. */
function importModuleName(bytes) {
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
  throw new Error("the minified wasm has no import section");
}

/** `source` (an ES module) minified: two compress passes, mangled locals, exports kept. */
export async function minifiedModule(source) {
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (!result.code) throw new Error("terser returned nothing");
  return `${result.code}\n`;
}

/**
 * `css` without comments, indentation and blank lines; rules are left as written. Refuses a
 * stylesheet with a comment opener inside a string or `url()` (this is not a CSS parser); the
 * end-to-end suites run on the result.
 */
export function minifiedCss(css) {
  const literals = css.replace(/\/\*[\s\S]*?\*\//g, "").match(/"[^"\n]*"|'[^'\n]*'|url\([^)]*\)/g) ?? [];
  if (literals.some((literal) => literal.includes("/*"))) {
    throw new Error("byline.css has a comment opener inside a string or url(): minify it with a CSS parser");
  }
  // A comment separates tokens, so it becomes a space.
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, " ");
  const lines = bare.split("\n").map((line) => line.trim()).filter(Boolean);
  return `${lines.join("\n")}\n`;
}

// Groups twiggy's item list of the named release wasm into the table of docs/performance.md
// ("Where the bytes go"). Run by scripts/size-breakdown:
//   node scripts/lib/size-breakdown.mjs DIR
// reads DIR/top.csv (`twiggy top -f csv`, names mangled with the v0 scheme) and prints
// Markdown: bytes per part, the largest items and the generic functions with the most copies.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/lib/size-breakdown.mjs DIR");
  process.exit(2);
}

/** The rows of a CSV file with quoted fields ("" inside quotes is one quote). */
function csv(text) {
  const rows = [];
  for (const line of text.split("\n").filter(Boolean)) {
    const fields = [];
    const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
    for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
      const raw = m[1];
      fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
      if (!m[2]) break;
    }
    rows.push(fields);
  }
  return rows.slice(1);
}

/** A name without the crate hashes (`core[c5930c85a12de822]::fmt`) and symbol hashes. */
const bare = (name) => name.replace(/\[[0-9a-f]{6,}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");

/** What part of the build an item belongs to (the first rule that matches). */
function part(name) {
  if (/ subsection$|^custom section/.test(name)) return null; // names, producers: not shipped
  if (name.startsWith("data segment")) return "data: string literals, tables (.rodata)";
  if (/^(import|export) /.test(name)) return "import and export entries (names, types)";
  if (/^(elem|table|type|global|memory|start)\b/.test(name)) return "wasm sections: types, table, globals";
  if (/^code\[\d+\]$/.test(name)) return "unnamed code (wasm-bindgen shims)";
  if (/\bcore::fmt\b|\bcore::panicking\b|\bstd::panicking\b|\bpanic_fmt\b/.test(name))
    return "core::fmt, panics (Debug, Display, format!)";
  if (/\bserde_json::/.test(name)) return "serde_json";
  if (/\bIntl\b|\bbyline::services::intl/.test(name)) return "Intl: js-sys bindings and services::intl";
  if (/\bdlmalloc\b|\b__rust_(alloc|dealloc|realloc)/.test(name)) return "allocator shims (__rust_alloc…) and dlmalloc";
  const own = /\bbyline::(components|services|hooks|embed|core)(?:::(\w+))?/.exec(name);
  if (own) {
    return own[1] === "components" || own[1] === "hooks" ? `byline::${own[1]}::${own[2] ?? ""}` : `byline::${own[1]}`;
  }
  if (/^byline::/.test(name)) return "byline (crate root)";
  const krate = /^<*(?:&(?:mut )?)?(?:dyn )?([a-z_][a-z0-9_]*)::/.exec(name)?.[1];
  if (krate === "core" || krate === "alloc" || krate === "std") return "std, core, alloc (collections, strings)";
  if (krate?.startsWith("gloo")) return "gloo";
  if (krate) return krate;
  return "other (compiler intrinsics)";
}

const items = csv(readFileSync(join(dir, "top.csv"), "utf8")).map(([name, size]) => ({
  name: bare(name),
  size: Number(size),
}));
const shipped = items.filter((item) => part(item.name) !== null);
const total = shipped.reduce((sum, item) => sum + item.size, 0);
const parts = new Map();
for (const item of shipped) {
  const key = part(item.name);
  const entry = parts.get(key) ?? { size: 0, count: 0 };
  entry.size += item.size;
  entry.count += 1;
  parts.set(key, entry);
}
const kb = (bytes) => (bytes / 1000).toFixed(1);
const pct = (bytes) => `${((100 * bytes) / total).toFixed(1)}%`;
const cell = (text, max = 110) => (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/\|/g, "\\|");

console.log(`Code and data of the wasm after wasm-opt, names kept (${kb(total)} KB, not compressed):\n`);
console.log("| part | KB | share | items |\n|---|---:|---:|---:|");
for (const [key, { size, count }] of [...parts].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`| ${cell(key)} | ${kb(size)} | ${pct(size)} | ${count} |`);
}

console.log("\nThe largest items:\n");
console.log("| item | bytes | part |\n|---|---:|---|");
for (const item of [...shipped].sort((a, b) => b.size - a.size).slice(0, 20)) {
  console.log(`| \`${cell(item.name, 120)}\` | ${item.size} | ${part(item.name)} |`);
}

console.log("\nGeneric code in several copies (the same function made for several types; bloat is all copies but the largest):\n");
console.log("| generic | copies | bytes | bloat |\n|---|---:|---:|---:|");
const generics = new Map();
for (const item of shipped) {
  const key = generic(item.name);
  const entry = generics.get(key) ?? { sizes: [] };
  entry.sizes.push(item.size);
  generics.set(key, entry);
}
const copied = [...generics]
  .filter(([, { sizes }]) => sizes.length > 1)
  .map(([key, { sizes }]) => {
    const size = sizes.reduce((a, b) => a + b, 0);
    return { key, copies: sizes.length, size, bloat: size - Math.max(...sizes) };
  })
  .sort((a, b) => b.bloat - a.bloat);
for (const { key, copies, size, bloat } of copied.slice(0, 15)) {
  console.log(`| \`${cell(key, 120)}\` | ${copies} | ${size} | ${bloat} |`);
}
const allBloat = copied.reduce((sum, { bloat }) => sum + bloat, 0);
console.log(`\nAll generic copies beyond the largest of each: ${kb(allBloat)} KB (${pct(allBloat)}).`);

/** A function name with its type arguments left out (`Vec<…>::push`), closures unnumbered. */
function generic(name) {
  let out = "";
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (depth > 0) {
      if (c === "<") depth++;
      else if (c === ">") depth--;
      continue;
    }
    if (c === "<" && /[\w]/.test(name[i - 1] ?? "")) {
      depth = 1;
      out += "<…>";
      continue;
    }
    out += c;
  }
  return out.replace(/\{closure#\d+\}/g, "{closure}").replace(/\{shim:[^}]*\}/g, "{shim}");
}

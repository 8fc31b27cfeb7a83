// Trunk post-build hook: turns wasm-bindgen's glue (byline.js) into the one self-starting
// module publishers include, by appending src/js/start.js to it. The result loads
// byline_bg.wasm and byline.css from beside itself, so dist/ works from any folder or CDN.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("finish-dist: TRUNK_STAGING_DIR is not set (run it through trunk build)");
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const file = join(dir, "byline.js");
const glue = readFileSync(file, "utf8");
const start = readFileSync(join(root, "src/js/start.js"), "utf8");
if (!glue.includes("// Byline: self-start.")) {
  if (!/__wbg_init as default|export default __wbg_init/.test(glue) || !/export function boot\(/.test(glue)) {
    console.error("finish-dist: byline.js is not wasm-bindgen's web glue with boot()");
    process.exit(1);
  }
  writeFileSync(file, `${glue}\n${start}`);
}

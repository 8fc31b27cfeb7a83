// Trunk post-build hook: turns wasm-bindgen's glue (byline.js) into the one self-starting
// module publishers include. It loads byline_bg.wasm from beside itself and calls boot()
// with the URL of byline.css beside it, so dist/ works from any folder or CDN path.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("finish-dist: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const file = join(dir, "byline.js");
const glue = readFileSync(file, "utf8");
const marker = "// Byline: self-start";
if (!glue.includes(marker)) {
  if (!/export default __wbg_init;/.test(glue) || !/export function boot\(/.test(glue)) {
    console.error("finish-dist: byline.js does not look like wasm-bindgen's web glue with boot()");
    process.exit(1);
  }
  const start = `
${marker}: load the wasm beside this file and mount every [data-byline] element.
__wbg_init({ module_or_path: new URL("byline_bg.wasm", import.meta.url) })
  .then(() => boot(new URL("byline.css", import.meta.url).href))
  .catch((error) => console.error("Byline could not start:", error));
`;
  writeFileSync(file, glue + start);
}

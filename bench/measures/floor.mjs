// 2. The runtime floor: a Yew hello world, for scale.
//
// bench/lib/floor.mjs builds a Yew "hello world" (csr) with Byline's release profile, Trunk
// pins, wasm-opt flags and release post-processing, in target/bench-floor/. Its size is what any
// Yew widget costs before it does anything; Byline's ratio to it (brotli) is the figure to watch.
// BENCH_NO_FLOOR=1 skips the build (a few minutes on two cores).
//
// Writes results.floor. Uses results.size when the size measure ran first.

import { buildFloor } from '../lib/floor.mjs';
import { int, kb, log, note, table, times } from '../lib/format.mjs';
import { SHIPPED, dist, root } from '../lib/settings.mjs';
import { sizeOf } from '../lib/sizes.mjs';
import { ratio } from '../lib/stats.mjs';

export async function measureFloor({ results }) {
  if (process.env.BENCH_NO_FLOOR === '1') {
    results.floor = { skipped: 'BENCH_NO_FLOOR=1' };
    console.log('\n2. Yew hello-world floor: skipped (BENCH_NO_FLOOR=1)');
    return;
  }
  const built = await buildFloor(root, { log });
  if (!built.ok) {
    results.floor = { ok: false, reason: built.reason, buildSeconds: built.seconds };
    console.log(`\n2. Yew hello-world floor: not measured. ${built.reason}`);
    return;
  }
  const size = sizeOf(built.dist, (name) => /\.(wasm|js|css)$/.test(name));
  const ours = results.size?.total ?? sizeOf(dist, (name) => SHIPPED.includes(name)).total;
  const ourWasm = results.size?.files.find((f) => f.file === 'byline_bg.wasm');
  const floorWasm = size.files.find((f) => f.file.endsWith('.wasm'));
  results.floor = {
    ok: true,
    yew: built.yew,
    buildSeconds: built.seconds,
    files: size.files,
    total: size.total,
    ratioBrotli: ratio(ours.brotli, size.total.brotli),
    ratioRaw: ratio(ours.raw, size.total.raw),
    ratioWasmBrotli: ourWasm && floorWasm ? ratio(ourWasm.brotli, floorWasm.brotli) : null,
    overFloorBrotli: ours.brotli - size.total.brotli,
  };
  table(
    `2. Runtime floor: Yew ${built.yew} hello world (csr), same profile, Trunk pins and wasm-opt flags (built in ${built.seconds} s)`,
    ['file', 'raw', 'gzip -9', 'brotli -q 11'],
    [
      ...size.files.filter((f) => f.shipped).map((f) => [f.file, int(f.raw), int(f.gzip), int(f.brotli)]),
      ['floor total (wasm + js)', int(size.total.raw), int(size.total.gzip), int(size.total.brotli)],
      ['Byline total (wasm + js + css)', int(ours.raw), int(ours.gzip), int(ours.brotli)],
      ['Byline ÷ floor', times(ratio(ours.raw, size.total.raw)), times(ratio(ours.gzip, size.total.gzip)), times(results.floor.ratioBrotli)],
    ],
  );
  note(`Byline adds ${kb(results.floor.overFloorBrotli)} brotli over the Yew runtime floor (wasm alone: ${times(results.floor.ratioWasmBrotli)} the floor's).`);
}

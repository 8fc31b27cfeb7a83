// The benchmark's settings: where things are, the environment variables, and the constants every
// measure shares. Read once, when the driver (bench/run.mjs) starts.
//
// Environment:
//   BENCH_RUNS=9               repetitions per page-load figure
//   BENCH_MEMORY_RUNS=3        repetitions of the memory scenario (100 cycles each)
//   BENCH_TYPING_RUNS=1        typing sessions (200 keystrokes each)
//   BENCH_CYCLES=100           mount/unmount cycles per memory run
//   BENCH_NO_FLOOR=1           skip the Yew hello-world floor build
//   BENCH_NO_LIGHTHOUSE=1      skip Lighthouse
//   BENCH_LIGHTHOUSE_PRESETS=mobile,desktop   Lighthouse form factors (default: mobile)
//   BENCH_ONLY=size,time,...   run only these sections (size, floor, time, cls, typing,
//                              scaling, memory, prerendered, lighthouse)

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { projectRoot } from '../../tests/e2e/support/server.mjs';

/** The repository. */
export const root = projectRoot;
/** bench/ */
export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The hand-written host pages, served at /bench/ (bench/pages/static.html is generated). */
export const pagesDir = path.join(benchDir, 'pages');
/** Where a run writes its JSON and the Lighthouse reports. */
export const resultsDir = path.join(benchDir, 'results');
/**
 * Everything is measured on a snapshot of dist/ taken at the start, so a build started elsewhere
 * during the run (the test suite rebuilds dist/) cannot change files under it.
 */
export const dist = path.join(root, 'target', 'bench-dist');

const intEnv = (name, fallback, min = 1) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value >= min ? value : fallback;
};
export const RUNS = intEnv('BENCH_RUNS', 9);
export const MEMORY_RUNS = intEnv('BENCH_MEMORY_RUNS', Math.min(3, RUNS));
export const TYPING_RUNS = intEnv('BENCH_TYPING_RUNS', 1);
export const CYCLES = intEnv('BENCH_CYCLES', 100);

export const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
/** Whether BENCH_ONLY lets this section run. */
export const wanted = (section) => ONLY.length === 0 || ONLY.includes(section);

export const KB = 1000; // 1 KB = 1,000 bytes throughout (stricter than KiB for the budget).
export const BUDGET_NOW_KB = 90; // issue 2
export const BUDGET_GOAL_KB = 75; // issue 6
/** The files a publisher ships (the translation files come on top, one per non-English page). */
export const SHIPPED = ['byline_bg.wasm', 'byline.js', 'byline.css'];

/** The desktop viewport of every page load unless a measure says otherwise. */
export const VIEWPORT = { width: 1280, height: 720 };
/** How long a load keeps recording after its end condition (late shifts, late paints). */
export const SETTLE_MS = 500;
/** Wait for the demo's related stories, but not for ever if they never come (a broken feed). */
export const RELATED_OR_GIVE_UP = '(b.related != null || performance.now() - b.readyPainted > 5000)';

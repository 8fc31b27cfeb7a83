#!/usr/bin/env node
// Byline's benchmark driver (run it through scripts/bench, which sets up and builds first).
//
// Each measure is one file in bench/measures/, numbered as it prints:
//   1 size.mjs               dist sizes (raw, gzip, brotli) against the budget
//   2 floor.mjs              a Yew hello world built in the same run, for scale
//   3 time-to-headline.mjs   headline painted and form interactive, client-rendered demo page
//                            against static HTML
//   4 cls.mjs                cumulative layout shift: client-rendered demo page (desktop,
//                            phone), lazy host
//   5 typing.mjs             keystroke to paint in the reply form, against a plain textarea
//   6 scaling.mjs            render work for 10 to 5,000 paragraphs and 20 or 1,000 feed items
//   7 memory.mjs             JS heap, wasm memory, DOM nodes, listeners after 100 mount cycles
//   8 prerendered.mjs        the pre-rendered demo page against the client-rendered one and
//                            static HTML on a throttled phone: paint, layout shift, bytes
//                            before the widget starts, blocking time
//   9 lighthouse.mjs         Lighthouse scores of the client-rendered demo page
// Shared helpers are in bench/lib/ (settings and environment variables: bench/lib/settings.mjs).
//
// Everything is measured on a snapshot of dist/ (target/bench-dist), served compressed like a
// CDN with tests/e2e/support/server.mjs; bench/pages/ is served at /bench/. Prints tables and
// a summary beside the previous full run, and writes bench/results/latest.json (a BENCH_ONLY
// run writes latest-partial.json instead, so latest.json is always a full run to compare with).
// It never asserts: a figure over its target is reported, not failed. A measure that cannot run
// prints why and the run continues.

import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt, startServer } from '../tests/e2e/support/server.mjs';
import { createSession } from './lib/loads.mjs';
import { createResults, previousResults, section, writeResults } from './lib/results.mjs';
import { RUNS, SHIPPED, dist, pagesDir, resultsDir, root } from './lib/settings.mjs';
import { round } from './lib/stats.mjs';
import { printSummary } from './lib/summary.mjs';
import { measureLayoutShift } from './measures/cls.mjs';
import { measureFloor } from './measures/floor.mjs';
import { measureLighthouse } from './measures/lighthouse.mjs';
import { measureMemory } from './measures/memory.mjs';
import { measurePrerendered } from './measures/prerendered.mjs';
import { measureScaling } from './measures/scaling.mjs';
import { measureSize } from './measures/size.mjs';
import { measureTimeToArticle } from './measures/time-to-headline.mjs';
import { measureTyping } from './measures/typing.mjs';

/** Copies dist/ to the snapshot every measure reads (skipping a build in progress). */
function snapshotDist() {
  assertDistBuilt(root);
  rmSync(dist, { recursive: true, force: true });
  cpSync(path.join(root, 'dist'), dist, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !source.split(path.sep).includes('.stage'), // a build in progress
  });
  for (const name of SHIPPED) {
    if (!existsSync(path.join(dist, name))) throw new Error(`the snapshot of dist/ lacks ${name} (was dist/ being rebuilt?)`);
  }
}

async function main() {
  const started = Date.now();
  const results = createResults();
  const previous = previousResults();
  mkdirSync(resultsDir, { recursive: true });
  snapshotDist();
  results.meta.distBuilt = statSync(path.join(dist, 'byline_bg.wasm')).mtime.toISOString();
  console.log(`Byline benchmark: ${results.meta.date}, commit ${results.meta.commit ?? '?'}${results.meta.dirty ? ' (uncommitted changes)' : ''}`);
  console.log(`${results.meta.chromium ?? 'chromium ?'}, Node ${process.version}, ${results.meta.cpu}, load average ${results.meta.loadAverage.join(' ')}; ${RUNS} runs per figure`);

  const ctx = { results };
  await section(results, 'size', () => measureSize(ctx));
  await section(results, 'floor', () => measureFloor(ctx));

  // Compressed like a CDN serves them: what a reader downloads is the brotli size.
  const server = await startServer({ dist, compress: true, mounts: [{ prefix: '/bench/', dir: pagesDir }] });
  // The demo is served from /dist/ of a bare test origin; a publisher's site has a favicon. Without
  // this the browser's own /favicon.ico request 404s and Lighthouse counts a console error that
  // is the test server's, not the page's.
  server.setRoute('GET', '/favicon.ico', { status: 204, headers: { 'Cache-Control': 'max-age=3600' } });
  ctx.session = createSession({ server, results });
  try {
    await section(results, 'time', () => measureTimeToArticle(ctx));
    await section(results, 'cls', () => measureLayoutShift(ctx));
    await section(results, 'typing', () => measureTyping(ctx));
    await section(results, 'scaling', () => measureScaling(ctx));
    await section(results, 'memory', () => measureMemory(ctx));
    await section(results, 'prerendered', () => measurePrerendered(ctx));
    await ctx.session.closeBrowser(); // Lighthouse starts its own Chromium
    await section(results, 'lighthouse', () => measureLighthouse(ctx));
  } finally {
    await ctx.session.closeBrowser();
    await server.close();
  }

  results.meta.seconds = round((Date.now() - started) / 1000, 1);
  printSummary(results, previous);
  const failed = Object.keys(results.errors);
  if (failed.length) console.log(`\nNot measured: ${failed.join(', ')} (see "errors" in the JSON)`);
  for (const [page, failures] of Object.entries(results.runFailures ?? {})) {
    console.log(`${failures.length} run(s) of ${page} failed and were left out; first: ${failures[0]}`);
  }
  const latest = writeResults(results);
  console.log(`\nWrote ${path.relative(root, latest)} (and a timestamped copy) in ${results.meta.seconds} s.`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});


// The results of a run: what was measured on which machine, each measure's figures (filled in
// by bench/measures/*), errors of measures that could not run, and the JSON files a run writes
// to bench/results/ (latest.json for a full run, latest-partial.json for a BENCH_ONLY run, and a
// timestamped copy of either).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CHROMIUM_PATH } from '../../tests/e2e/support/browser.mjs';
import { ONLY, RUNS, resultsDir, root, wanted } from './settings.mjs';
import { round } from './stats.mjs';

/** `fn()`, or null when it throws. */
export function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** A fresh results object with the run's metadata. */
export function createResults() {
  return {
    meta: {
      date: new Date().toISOString(),
      runs: RUNS,
      kb: '1 KB = 1000 bytes',
      node: process.version,
      chromium: safe(() => execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()),
      cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
      loadAverage: os.loadavg().map((x) => round(x, 2)),
      commit: safe(() => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()),
      dirty: safe(() => execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim().length > 0),
    },
    errors: {},
  };
}

/** The previous full run (bench/results/latest.json), or null. */
export function previousResults() {
  return safe(() => JSON.parse(readFileSync(path.join(resultsDir, 'latest.json'), 'utf8')));
}

/**
 * Runs one measure when BENCH_ONLY lets it. A measure that throws is reported and recorded in
 * results.errors, and the run goes on; its duration goes to results.meta.sectionSeconds.
 */
export async function section(results, name, fn) {
  if (!wanted(name)) return;
  const started = Date.now();
  try {
    await fn();
  } catch (error) {
    results.errors[name] = String(error?.stack ?? error);
    console.log(`\n[${name}] could not be measured: ${String(error?.message ?? error).split('\n')[0]}`);
  } finally {
    (results.meta.sectionSeconds ??= {})[name] = round((Date.now() - started) / 1000, 1);
  }
}

/**
 * Writes the JSON: latest.json only for a full run (what the next run compares itself with),
 * latest-partial.json for a BENCH_ONLY run, and a timestamped copy. Returns the latest path.
 */
export function writeResults(results) {
  results.meta.only = ONLY.length ? ONLY : null;
  const json = JSON.stringify(results, null, 2);
  const latest = path.join(resultsDir, ONLY.length ? 'latest-partial.json' : 'latest.json');
  writeFileSync(latest, json);
  const stamp = results.meta.date.replace(/[:.]/g, '-');
  writeFileSync(path.join(resultsDir, `${stamp}-${results.meta.commit ?? 'unknown'}${ONLY.length ? '-partial' : ''}.json`), json);
  return latest;
}

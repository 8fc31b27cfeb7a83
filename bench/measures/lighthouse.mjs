// 9. Lighthouse: the scores a publisher's tooling would show for the demo page.
//
// Runs the pinned Lighthouse (node_modules/.bin/lighthouse, 12.2.3) once per preset
// (BENCH_LIGHTHOUSE_PRESETS, default mobile: simulated slow 4G and a 4× slower CPU; desktop is
// the other choice) against the demo page on the benchmark's server, which serves files
// compressed like a CDN, in Debian's Chromium (CHROME_PATH). The demo page is the client-rendered
// one (dist/client.html; dist/index.html is pre-rendered since issue 13, see prerendered.mjs), so
// the scores stay comparable with earlier runs. Only the performance,
// accessibility and best-practices categories. Reports the scores, the audits below 100, FCP,
// LCP, TBT, CLS and Speed Index; the JSON and HTML reports go to
// bench/results/lighthouse-<preset>.report.*. BENCH_NO_LIGHTHOUSE=1 skips it.
//
// Writes results.lighthouse. Runs after the other browser measures, with their browser closed.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CHROMIUM_PATH } from '../../tests/e2e/support/browser.mjs';
import { ms, note, table } from '../lib/format.mjs';
import { resultsDir, root } from '../lib/settings.mjs';
import { round } from '../lib/stats.mjs';

function runLighthouse(url, outBase, preset) {
  const bin = path.join(root, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) return Promise.resolve({ ok: false, reason: 'node_modules/.bin/lighthouse is missing (npm ci: lighthouse 12.2.3 is a devDependency)' });
  const args = [
    url,
    '--output=json',
    '--output=html',
    `--output-path=${outBase}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const jsonPath = `${outBase}.report.json`;
      if (code !== 0 || !existsSync(jsonPath)) {
        const tail = output.trim().split('\n').slice(-4).join(' | ');
        resolve({ ok: false, reason: `lighthouse exited ${signal ?? code}: ${tail || 'no output'}` });
        return;
      }
      resolve({ ok: true, report: JSON.parse(readFileSync(jsonPath, 'utf8')), htmlPath: `${outBase}.report.html` });
    });
  });
}

export async function measureLighthouse({ results, session }) {
  if (process.env.BENCH_NO_LIGHTHOUSE === '1') {
    results.lighthouse = { skipped: 'BENCH_NO_LIGHTHOUSE=1' };
    console.log('\n9. Lighthouse: skipped (BENCH_NO_LIGHTHOUSE=1)');
    return;
  }
  const url = `${session.server.url}/dist/client.html`;
  const presets = (process.env.BENCH_LIGHTHOUSE_PRESETS ?? 'mobile').split(',').map((s) => s.trim()).filter(Boolean);
  results.lighthouse = {};
  for (const preset of presets) {
    const started = Date.now();
    const out = await runLighthouse(url, path.join(resultsDir, `lighthouse-${preset}`), preset);
    if (!out.ok) {
      results.lighthouse[preset] = { ok: false, reason: out.reason };
      console.log(`\n9. Lighthouse (${preset}): not measured. ${out.reason}`);
      continue;
    }
    const { categories, audits } = out.report;
    const score = (id) => (categories[id]?.score === null || categories[id]?.score === undefined ? null : Math.round(categories[id].score * 100));
    const failing = (id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]?.score < 1)
        .map((ref) => `${ref.id} (${Math.round((audits[ref.id].score ?? 0) * 100)})`);
    const metric = (id) => audits[id]?.numericValue ?? null;
    results.lighthouse[preset] = {
      ok: true,
      seconds: round((Date.now() - started) / 1000, 1),
      version: out.report.lighthouseVersion,
      userAgent: out.report.environment?.hostUserAgent ?? null,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        speedIndex: metric('speed-index'),
      },
      failing: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        bestPractices: failing('best-practices'),
      },
      runWarnings: out.report.runWarnings ?? [],
      auditErrors: Object.values(audits)
        .filter((a) => a.scoreDisplayMode === 'error')
        .map((a) => `${a.id}: ${a.errorMessage ?? 'error'}`),
      consoleErrors: (audits['errors-in-console']?.details?.items ?? []).map((i) => `${i.description} ${i.sourceLocation?.url ?? ''}`.trim()),
      report: path.relative(root, out.htmlPath),
    };
    const r = results.lighthouse[preset];
    table(
      `9. Lighthouse ${r.version} (${preset}, default throttling) on the client-rendered demo page (dist/client.html), one run`,
      ['category', 'score', 'target', 'audits below 100 (score)'],
      [
        ['performance', r.performance, '100', r.failing.performance.join(', ')],
        ['accessibility', r.accessibility, '100', r.failing.accessibility.join(', ')],
        ['best practices', r.bestPractices, '≥ 95', r.failing.bestPractices.join(', ')],
      ],
    );
    note(`metrics: FCP ${ms(r.metrics.fcp, 0)}, LCP ${ms(r.metrics.lcp, 0)}, TBT ${ms(r.metrics.tbt, 0)}, CLS ${r.metrics.cls?.toFixed(3) ?? 'n/a'}, Speed Index ${ms(r.metrics.speedIndex, 0)}; report: ${r.report}`);
    for (const w of r.runWarnings) note(`lighthouse warning: ${w.replace(/\s+/g, ' ').replace(/ Learn more.*$/, '')}`);
    for (const e of r.consoleErrors) note(`console error seen by Lighthouse: ${e}`);
    if (r.auditErrors.length) note(`audits that errored (not scored; Lighthouse 12.2.3 predates this Chromium's trace format): ${r.auditErrors.map((e) => e.split(':')[0]).join(', ')}`);
  }
}

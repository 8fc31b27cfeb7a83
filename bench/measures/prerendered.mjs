// 8. The pre-rendered page on a throttled phone: what pre-rendering (issue 13, CONTRACT 9) buys.
//
// Three pages carry the same article: the pre-rendered demo page (dist/index.html: the widget's
// first paint is in the HTML, the host is data-byline-prerendered and byline.js starts it when
// the browser is idle after load, or when the reader nears or touches the reply form), the
// client-rendered demo page (dist/client.html, the same page before pre-rendering) and the
// static-HTML floor generated from the demo's JSON-LD (bench/pages/static.html, no script; see
// time-to-headline.mjs). They are loaded cold (fresh browser context), interleaved
// static / pre-rendered / client-rendered, BENCH_RUNS times after one uncounted warm-up each,
// under a mobile profile applied through CDP before the navigation:
// - a 412×823 viewport at device scale 1 (Lighthouse's phone size; no `isMobile` emulation,
//   see cls.mjs);
// - the CPU 4× slower (Emulation.setCPUThrottlingRate, rate 4);
// - Lighthouse's simulated mobile "slow 4G" values (rttMs 150, throughputKbps 1.6 × 1024,
//   upload 750 Kbps), applied by Network.emulateNetworkConditions as latency 150 ms,
//   download 1.6 Mbps (209,715 bytes/s) and upload 750 Kbps (96,000 bytes/s). Chromium adds
//   that latency once per request (Lighthouse's own DevTools throttling uses 562.5 ms and 90 %
//   of the throughput to stand for the round trips of a real connection), and the server is on
//   loopback (no DNS, TCP or TLS set-up): a real phone on slow 4G is slower still.
// Files are served compressed like a CDN (brotli when the browser asks for it).
//
// A run ends when the headline and the reply form are painted, the widget is ready and painted
// (not on the static page), at least 5 s have passed since the load event, and the main thread
// has had no long task for 1 s. Nothing is clicked or scrolled: the pre-rendered page starts
// its widget by itself (idle start, or its host within a screen of the viewport).
//
// Figures, medians of the runs, in ms since navigation start:
// - headline painted and reply form present (.byline-submit present, enabled and painted), as
//   in time-to-headline.mjs, and their ratio to the static floor (targets: pre-rendered ≤ 1.05×
//   and ≤ 1.10×; client-rendered headline ≤ 2.0×);
// - layout shift (CLS, every layout-shift entry without recent input, from the first paint
//   until the widget has taken over, is ready and painted, plus the quiet time; target 0.00);
// - when byline.js started the widget (its fetch() of byline_bg.wasm), relative to the load
//   event, and what triggered it (the idle callback, or something before load);
// - Byline's bytes (byline.js, byline.css, byline_bg.wasm, locales/*: compressed bodies,
//   Resource Timing encodedBodySize, as the server sent them) requested before that start,
//   received by the load event, and in all (target before the start: ≤ 8 KB);
// - total blocking time: the sum over long tasks of their time beyond 50 ms, from navigation
//   to the end of the run, and for the widget pages the share from the widget's start on (the
//   task that starts it included; target: pre-rendered within 50 ms of the static page).
//
// Writes results.prerendered.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { kb, ms, note, table, times } from '../lib/format.mjs';
import { shiftsOfMedianRun } from '../lib/loads.mjs';
import { staticPage } from '../lib/pages.mjs';
import { prerenderInit, readPrerender } from '../lib/probes.mjs';
import { KB, RELATED_OR_GIVE_UP, RUNS, SETTLE_MS, dist, pagesDir } from '../lib/settings.mjs';
import { median, ratio, summary } from '../lib/stats.mjs';

/** The mobile profile of this measure (see above). */
export const MOBILE_PROFILE = Object.freeze({
  viewport: { width: 412, height: 823 },
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadKbps: 1.6 * 1024,
  uploadKbps: 750,
});
const TARGETS = { headline: 1.05, form: 1.1, clientHeadline: 2.0, bytesRequestedBeforeStart: 8 * KB, tbtOverStatic: 50 };
/** After the load event, how long a run keeps recording at least (long tasks, late shifts). */
const AFTER_LOAD_MS = 5000;
/** How long the main thread must have been free of long tasks before a run ends. */
const QUIET_MS = 1000;

const BYLINE_FILE = /\/(?:byline\.js|byline\.css|byline_bg\.wasm|locales\/[^/]+)$/;

/**
 * Applies the mobile profile to the page's target (before navigation), and records from CDP
 * the content encoding of each response and, for Byline's files, every chunk received
 * (Network.dataReceived: encoded bytes, at the time the renderer got them).
 */
async function throttle(rec) {
  const cdp = await rec.context.newCDPSession(rec.page);
  const network = { encodings: {}, sent: {}, chunks: [] };
  cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp }) => {
    const { pathname } = new URL(request.url);
    if (BYLINE_FILE.test(pathname)) network.sent[requestId] = { path: pathname, at: timestamp * 1000 };
  });
  cdp.on('Network.responseReceived', ({ response }) => {
    const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-encoding');
    network.encodings[new URL(response.url).pathname] = header ? header[1] : 'identity';
  });
  cdp.on('Network.dataReceived', ({ requestId, timestamp, encodedDataLength }) => {
    if (network.sent[requestId]) network.chunks.push({ requestId, at: timestamp * 1000, bytes: encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: MOBILE_PROFILE.latencyMs,
    downloadThroughput: Math.floor((MOBILE_PROFILE.downloadKbps * 1024) / 8),
    uploadThroughput: Math.floor((MOBILE_PROFILE.uploadKbps * 1024) / 8),
    connectionType: 'cellular4g',
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_PROFILE.cpuSlowdown });
  await rec.context.addInitScript(prerenderInit);
  return network;
}

async function readRun(rec, network) {
  const data = await rec.page.evaluate(readPrerender);
  // CDP times are monotonic ms; the page's are ms since navigation start. The offset between
  // the two clocks: a request's CDP send time minus its Resource Timing startTime (median).
  const offsets = [];
  const used = new Set();
  for (const r of data.resources) {
    const match = Object.entries(network.sent)
      .filter(([id, x]) => x.path === r.path && !used.has(id))
      .sort((a, b) => a[1].at - b[1].at)[0];
    if (match) {
      used.add(match[0]);
      offsets.push(match[1].at - r.start);
    }
  }
  const offset = median(offsets);
  data.encodings = network.encodings;
  data.clockOffsetSpread = offsets.length ? Math.max(...offsets) - Math.min(...offsets) : null;
  data.chunks = offset === null ? [] : network.chunks.map((c) => ({ path: network.sent[c.requestId].path, at: c.at - offset, bytes: c.bytes }));
  return data;
}

/** Total blocking time of the long tasks that end after `from` (all of them by default). */
const tbtOf = (tasks, from = -Infinity) => tasks.filter((t) => t.start + t.duration > from).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
/**
 * Compressed body bytes of the responses kept: encodedBodySize, except a revalidation answered
 * 304 (transferSize, headers only, is then below the cached body's size), which carried none.
 */
const bodyBytes = (resources, keep) =>
  resources.filter(keep).reduce((sum, r) => sum + (r.transferSize > 0 && r.transferSize < r.encodedBodySize ? 0 : r.encodedBodySize ?? 0), 0);
const short = (p) => p.replace(/^\/dist\//, '');

/** One run's figures, from what the probes recorded. */
function figures(run) {
  const x = run.extra;
  const start = x.wasmFetched;
  const loadEnd = x.loadEventEnd;
  const near = (t) => t !== null && start !== null && start >= t && start - t < 50;
  let trigger = null;
  if (start !== null) {
    if (near(x.idleFired)) trigger = 'idle callback';
    else if (near(x.intersected)) trigger = `IntersectionObserver (${x.intersectedTarget} within reach)`;
    else trigger = start < loadEnd ? 'other, before the load event' : 'other, after the load event';
  }
  const requestedBeforeStart = (r) => start !== null && r.start < start;
  return {
    headline: run.headline ?? null,
    headlineElementTiming: run.elementTiming ?? null,
    firstContentfulPaint: x.firstContentfulPaint,
    form: run.form ?? null,
    domContentLoaded: run.domContentLoaded ?? null,
    loadEvent: loadEnd,
    started: start,
    startedAfterLoad: start !== null && loadEnd !== null ? start - loadEnd : null,
    idleFiredAfterLoad: x.idleFired !== null && loadEnd !== null ? x.idleFired - loadEnd : null,
    trigger,
    ready: run.ready ?? null,
    readyPainted: run.readyPainted ?? null,
    cls: run.cls,
    tbt: tbtOf(x.longTasks),
    tbtAfterStart: start === null ? null : tbtOf(x.longTasks, start),
    longTasks: x.longTasks.length,
    longestTask: x.longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
    // The responses requested before the start, whole (what the page had committed to).
    bytesRequestedBeforeStart: start === null ? null : bodyBytes(x.resources, requestedBeforeStart),
    filesRequestedBeforeStart: x.resources.filter(requestedBeforeStart).map((r) => short(r.path)),
    // What had arrived: chunks received before the start, and responses complete by load.
    bytesReceivedBeforeStart: start === null ? null : x.chunks.filter((c) => c.at < start).reduce((sum, c) => sum + c.bytes, 0),
    bytesByLoad: bodyBytes(x.resources, (r) => loadEnd !== null && r.end <= loadEnd),
    filesByLoad: x.resources.filter((r) => loadEnd !== null && r.end <= loadEnd).map((r) => short(r.path)),
    bytesTotal: bodyBytes(x.resources, () => true),
    wireTotal: x.resources.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    requests: x.resources.map((r) => `${short(r.path)} (${r.initiator}${r.transferSize > 0 && r.transferSize < r.encodedBodySize ? ', 304' : ''})`),
    encodings: [...new Set(x.resources.map((r) => x.encodings[r.path] ?? '?'))],
    clockOffsetSpread: x.clockOffsetSpread,
    formInHtml: x.formInHtml,
  };
}

export async function measurePrerendered({ results, session }) {
  const { server } = session;
  const preHtml = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const clientHtml = readFileSync(path.join(dist, 'client.html'), 'utf8');
  if (!/<div data-byline\b[^>]*data-byline-prerendered/.test(preHtml)) {
    throw new Error('dist/index.html has no pre-rendered host (data-byline-prerendered): is dist/ a build from before pre-rendering?');
  }
  // The same static floor as time-to-headline.mjs (written again, so this measure runs alone).
  writeFileSync(path.join(pagesDir, 'static.html'), staticPage(clientHtml).html);
  const head = preHtml.slice(0, preHtml.indexOf('</head>'));
  const hostAt = preHtml.search(/<div data-byline\b[^>]*data-byline-prerendered/);
  const page = {
    wasmPreloaded: [...head.matchAll(/<link\b[^>]*>/g)].some(([tag]) => /\brel="preload"/.test(tag) && /byline_bg\.wasm/.test(tag)),
    formPrerendered: /<form\b/.test(preHtml.slice(hostAt, preHtml.indexOf('</main>', hostAt))),
    hasRelated: /<div data-byline\b[^>]*data-related=/.test(preHtml),
  };

  const common = {
    device: { viewport: MOBILE_PROFILE.viewport, deviceScaleFactor: 1 },
    setup: throttle,
    read: readRun,
    timeout: 60_000,
  };
  const waitOver = `window.__start && window.__start.loaded != null && performance.now() > window.__start.loaded + ${AFTER_LOAD_MS} && performance.now() - window.__start.lastLongTaskEnd > ${QUIET_MS}`;
  const widgetOpts = {
    ...common,
    watch: ['headline', 'form', 'related', 'readyState'],
    until: `b.headline != null && b.form != null && b.readyPainted != null && performance.now() > b.readyPainted + ${SETTLE_MS}${page.hasRelated ? ` && ${RELATED_OR_GIVE_UP}` : ''} && ${waitOver}`,
  };
  const staticOpts = { ...common, watch: ['headline', 'form'], until: `b.headline != null && b.form != null && ${waitOver}` };
  const urls = {
    static: `${server.url}/bench/static.html`,
    prerendered: `${server.url}/dist/index.html`,
    client: `${server.url}/dist/client.html`,
  };

  await session.warmUp(urls.static, staticOpts);
  await session.warmUp(urls.prerendered, widgetOpts);
  await session.warmUp(urls.client, widgetOpts);
  const runs = { static: [], prerendered: [], client: [] };
  for (let i = 0; i < RUNS; i++) {
    await session.sample(runs.static, urls.static, staticOpts);
    await session.sample(runs.prerendered, urls.prerendered, widgetOpts);
    await session.sample(runs.client, urls.client, widgetOpts);
  }

  const keys = [
    'headline', 'headlineElementTiming', 'firstContentfulPaint', 'form', 'domContentLoaded', 'loadEvent', 'started', 'startedAfterLoad',
    'idleFiredAfterLoad', 'ready', 'readyPainted', 'cls', 'tbt', 'tbtAfterStart', 'longTasks', 'longestTask', 'bytesRequestedBeforeStart',
    'bytesReceivedBeforeStart', 'bytesByLoad', 'bytesTotal', 'wireTotal', 'clockOffsetSpread',
  ];
  const per = {};
  const r = {
    profile: {
      ...MOBILE_PROFILE,
      downloadBytesPerSecond: Math.floor((MOBILE_PROFILE.downloadKbps * 1024) / 8),
      uploadBytesPerSecond: Math.floor((MOBILE_PROFILE.uploadKbps * 1024) / 8),
      afterLoadMs: AFTER_LOAD_MS,
      quietMs: QUIET_MS,
    },
    page,
    targets: TARGETS,
  };
  for (const [name, list] of Object.entries(runs)) {
    per[name] = list.map(figures);
    r[name] = Object.fromEntries(keys.map((k) => [k, summary(per[name].map((f) => f[k]))]));
    r[name].shifts = shiftsOfMedianRun(list);
    // The long tasks of the run whose total blocking time is the median one (start, duration).
    const target = r[name].tbt.median;
    const at = per[name].reduce((best, f, i) => (Math.abs(f.tbt - target) < Math.abs(per[name][best].tbt - target) ? i : best), 0);
    r[name].longTasksOfMedianRun = (list[at]?.extra.longTasks ?? []).map((t) => [Math.round(t.start), Math.round(t.duration)]);
    r[name].consoleErrors = [...new Set(list.flatMap((x) => x.consoleErrors))];
    r[name].encodings = [...new Set(per[name].flatMap((f) => f.encodings))];
  }
  const med = (name, key) => r[name][key]?.median ?? null;
  r.triggers = per.prerendered.map((f) => f.trigger);
  r.filesRequestedBeforeStart = [...new Set(per.prerendered.flatMap((f) => f.filesRequestedBeforeStart))];
  r.requests = [...new Set(per.prerendered.flatMap((f) => f.requests))];
  r.filesByLoad = [...new Set(per.prerendered.flatMap((f) => f.filesByLoad))];
  r.formInHtml = per.prerendered.map((f) => f.formInHtml);
  r.ratio = {
    headline: ratio(med('prerendered', 'headline'), med('static', 'headline')),
    form: ratio(med('prerendered', 'form'), med('static', 'form')),
    clientHeadline: ratio(med('client', 'headline'), med('static', 'headline')),
    clientForm: ratio(med('client', 'form'), med('static', 'form')),
  };
  r.tbtOverStatic = med('prerendered', 'tbt') === null || med('static', 'tbt') === null ? null : med('prerendered', 'tbt') - med('static', 'tbt');
  results.prerendered = r;

  const cell = (name, key, fmt = ms) => fmt(r[name][key]?.median ?? null);
  const row = (label, key, fmt = ms, ratios = ['', '']) => [label, cell('prerendered', key, fmt), cell('client', key, fmt), cell('static', key, fmt), ...ratios];
  const clsFmt = (x) => (x === null ? 'n/a' : x.toFixed(4));
  table(
    `8. Pre-rendered page, mobile profile (412×823, CPU 4× slower, ${MOBILE_PROFILE.latencyMs} ms latency, 1.6 Mbps down, ${MOBILE_PROFILE.uploadKbps} Kbps up), ms since navigation start, median of ${RUNS} interleaved cold loads`,
    ['milestone', 'pre-rendered', 'client-rendered', 'static floor', 'pre ÷ static', 'client ÷ static'],
    [
      row('first contentful paint', 'firstContentfulPaint'),
      row('headline painted (rAF + post-frame task)', 'headline', ms, [times(r.ratio.headline), times(r.ratio.clientHeadline)]),
      row('headline painted (Element Timing)', 'headlineElementTiming'),
      row('reply form present (submit enabled, painted)', 'form', ms, [times(r.ratio.form), times(r.ratio.clientForm)]),
      row('DOMContentLoaded', 'domContentLoaded'),
      row('load event end', 'loadEvent'),
      row('widget started (byline.js fetches the wasm)', 'started'),
      row('  … relative to the load event', 'startedAfterLoad'),
      row('widget ready (byline:ready)', 'ready'),
      row('total blocking time, navigation to end of run', 'tbt'),
      row('  … of which from the widget\'s start on', 'tbtAfterStart'),
      row('longest task', 'longestTask'),
      row('layout shift (CLS), first paint to ready + quiet', 'cls', clsFmt),
      row('Byline bytes requested before the widget started', 'bytesRequestedBeforeStart', kb),
      row('  … of which received before it started', 'bytesReceivedBeforeStart', kb),
      row('Byline bytes received by the load event', 'bytesByLoad', kb),
      row('Byline bytes in all (compressed bodies)', 'bytesTotal', kb),
    ],
  );
  const verdict = (value, ok) => (value === null || value === undefined ? 'n/a' : ok ? 'met' : 'not met');
  note(`targets: headline ≤ ${TARGETS.headline.toFixed(2)}× static → ${verdict(r.ratio.headline, r.ratio.headline <= TARGETS.headline)} (${times(r.ratio.headline)}); form ≤ ${TARGETS.form.toFixed(2)}× → ${verdict(r.ratio.form, r.ratio.form <= TARGETS.form)} (${times(r.ratio.form)}); CLS 0.00 → ${verdict(med('prerendered', 'cls'), med('prerendered', 'cls') < 0.005)} (${clsFmt(med('prerendered', 'cls'))}, worst ${clsFmt(r.prerendered.cls.max)})`);
  note(`targets: Byline bytes requested before the start ≤ ${kb(TARGETS.bytesRequestedBeforeStart)} → ${verdict(med('prerendered', 'bytesRequestedBeforeStart'), med('prerendered', 'bytesRequestedBeforeStart') <= TARGETS.bytesRequestedBeforeStart)} (${kb(med('prerendered', 'bytesRequestedBeforeStart'))}; received by then ${kb(med('prerendered', 'bytesReceivedBeforeStart'))}); TBT within ${TARGETS.tbtOverStatic} ms of static → ${verdict(r.tbtOverStatic, r.tbtOverStatic <= TARGETS.tbtOverStatic)} (${r.tbtOverStatic === null ? 'n/a' : `${r.tbtOverStatic >= 0 ? '+' : '−'}${Math.abs(r.tbtOverStatic).toFixed(0)} ms`}); client-rendered headline ≤ ${TARGETS.clientHeadline.toFixed(1)}× → ${verdict(r.ratio.clientHeadline, r.ratio.clientHeadline <= TARGETS.clientHeadline)} (${times(r.ratio.clientHeadline)})`);
  const counts = (xs) => Object.entries(xs.reduce((m, x) => ((m[x ?? 'never'] = (m[x ?? 'never'] ?? 0) + 1), m), {})).map(([k, n]) => `${k} ${n}×`).join(', ');
  note(`pre-rendered page: widget started by: ${counts(r.triggers)}; start − load event ${ms(r.prerendered.startedAfterLoad.min)} to ${ms(r.prerendered.startedAfterLoad.max)}; idle callback fired ${ms(med('prerendered', 'idleFiredAfterLoad'))} after load (median)`);
  note(`pre-rendered page: Byline files requested before the start: ${r.filesRequestedBeforeStart.join(', ') || 'none'}; complete by the load event: ${r.filesByLoad.join(', ') || 'none'}; all Byline requests: ${r.requests.join(', ')}; served as ${r.prerendered.encodings.join(', ')}; ${kb(med('prerendered', 'wireTotal'))} on the wire with headers`);
  note(`pre-rendered HTML: reply form pre-rendered ${page.formPrerendered ? 'yes' : 'no (no data-reply-action on the host: the live widget adds it)'}; <link rel=preload> of byline_bg.wasm in <head> ${page.wasmPreloaded ? 'yes (fetched at once, whatever data-loading says)' : 'no'}`);
  const describe = (shifts) => shifts.map((x) => `${x.value.toFixed(4)} at ${ms(x.at, 0)}${x.sinceReady === null ? '' : ` (ready ${x.sinceReady >= 0 ? '+' : '−'}${Math.abs(x.sinceReady).toFixed(0)} ms)`}: ${x.sources.join(', ')}`).join('; ');
  for (const name of ['prerendered', 'client', 'static']) {
    if (r[name].shifts.length) note(`${name}: shifts in the median-CLS run: ${describe(r[name].shifts)}`);
    if (r[name].consoleErrors.length) note(`${name}: console errors: ${r[name].consoleErrors.join(' | ')}`);
  }
  note(`spread (min–max), headline: pre-rendered ${ms(r.prerendered.headline.min)}–${ms(r.prerendered.headline.max)}, static ${ms(r.static.headline.min)}–${ms(r.static.headline.max)}; TBT: pre-rendered ${ms(r.prerendered.tbt.min, 0)}–${ms(r.prerendered.tbt.max, 0)}, static ${ms(r.static.tbt.min, 0)}–${ms(r.static.tbt.max, 0)}`);
}

// 7. Memory: what one widget holds, and whether mounting and unmounting leaks.
//
// bench/pages/memory.html holds one widget. After it is ready, the page is measured; then a
// second widget is mounted and removed BENCH_CYCLES times (mountCycles in bench/lib/probes.mjs,
// default 100), and the page is measured again. Each measurement follows two forced garbage
// collections (CDP HeapProfiler.collectGarbage) and reads the JS heap (CDP
// Runtime.getHeapUsage, and performance.memory with --enable-precise-memory-info), the wasm
// linear memory (memory.buffer.byteLength: it never shrinks, so it is the high-water mark), DOM
// nodes and JS event listeners (CDP Memory.getDOMCounters) and the module's instances() (1
// expected). Also the time from mount to byline:ready per cycle (warm: the wasm is loaded).
// Median of BENCH_MEMORY_RUNS runs (default 3).
//
// Writes results.memory.

import { waitForWidget } from '../../tests/e2e/support/browser.mjs';
import { int, mb, ms, note, table } from '../lib/format.mjs';
import { benchInit, memorySnapshot, mountCycles } from '../lib/probes.mjs';
import { CYCLES, MEMORY_RUNS } from '../lib/settings.mjs';
import { median, quantile, summary } from '../lib/stats.mjs';

export async function measureMemory({ results, session }) {
  const url = `${session.server.url}/bench/memory.html`;
  const runs = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    const rec = await session.page();
    try {
      await rec.context.addInitScript(benchInit, { watch: [], elementTiming: false });
      const cdp = await rec.context.newCDPSession(rec.page);
      await rec.page.goto(url, { waitUntil: 'load' });
      await waitForWidget(rec.page);
      const snapshot = async () => {
        await rec.page.waitForTimeout(200);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await cdp.send('Runtime.getHeapUsage');
        const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
        const page = await rec.page.evaluate(memorySnapshot);
        return { heapUsed: heap.usedSize, heapTotal: heap.totalSize, embedderHeapUsed: heap.embedderHeapUsedSize ?? null, dom, ...page };
      };
      const afterLoad = await snapshot();
      const cycleTimes = await rec.page.evaluate(mountCycles, CYCLES);
      await rec.page.waitForTimeout(300);
      const afterCycles = await snapshot();
      runs.push({ afterLoad, afterCycles, cycleTimes, consoleErrors: rec.errors() });
    } finally {
      await rec.close().catch(() => {});
    }
  }
  const pick = (phase, fn) => summary(runs.map((r) => fn(r[phase])));
  const wasmTotal = (s) => s.wasmMemoryBytes.reduce((a, b) => a + b, 0);
  /** The medians of one phase's snapshots. */
  const phase = (name) => ({
    jsHeapUsed: pick(name, (s) => s.heapUsed),
    performanceMemoryUsed: pick(name, (s) => s.usedJSHeapSize),
    wasmMemory: pick(name, wasmTotal),
    instances: pick(name, (s) => s.instances),
    domNodes: pick(name, (s) => s.dom?.nodes ?? null),
    listeners: pick(name, (s) => s.dom?.jsEventListeners ?? null),
  });
  const m = {
    runs: MEMORY_RUNS,
    cycles: CYCLES,
    afterLoad: phase('afterLoad'),
    afterCycles: phase('afterCycles'),
    wasmInstantiations: median(runs.map((r) => r.afterCycles.instantiations)),
    instancesError: runs.map((r) => r.afterCycles.instancesError).find(Boolean) ?? null,
    mountToReady: { ...summary(runs.flatMap((r) => r.cycleTimes)), p90: quantile(runs.flatMap((r) => r.cycleTimes), 0.9) },
    consoleErrors: [...new Set(runs.flatMap((r) => r.consoleErrors))],
  };
  delete m.mountToReady.samples;
  results.memory = m;
  const delta = (key, fmt) => {
    const a = m.afterLoad[key].median;
    const b = m.afterCycles[key].median;
    if (a === null || b === null) return 'n/a';
    const d = b - a;
    return `${d >= 0 ? '+' : '−'}${fmt(Math.abs(d))}`;
  };
  table(
    `7. Memory: bench/pages/memory.html (one widget), after load and after ${CYCLES} mount/unmount cycles of a second widget, after forced GC, median of ${MEMORY_RUNS}`,
    ['measure', 'after load', `after ${CYCLES} cycles`, 'change'],
    [
      ['JS heap used (CDP Runtime.getHeapUsage)', mb(m.afterLoad.jsHeapUsed.median), mb(m.afterCycles.jsHeapUsed.median), delta('jsHeapUsed', mb)],
      ['JS heap used (performance.memory, precise)', mb(m.afterLoad.performanceMemoryUsed.median), mb(m.afterCycles.performanceMemoryUsed.median), delta('performanceMemoryUsed', mb)],
      ['wasm linear memory (memory.buffer.byteLength)', mb(m.afterLoad.wasmMemory.median), mb(m.afterCycles.wasmMemory.median), delta('wasmMemory', mb)],
      ['DOM nodes (CDP Memory.getDOMCounters)', int(m.afterLoad.domNodes.median), int(m.afterCycles.domNodes.median), delta('domNodes', int)],
      ['JS event listeners', int(m.afterLoad.listeners.median), int(m.afterCycles.listeners.median), delta('listeners', int)],
      ['instances() (expected 1)', int(m.afterLoad.instances.median), int(m.afterCycles.instances.median), delta('instances', int)],
    ],
  );
  note(`mount → byline:ready per cycle (warm, wasm already loaded): median ${ms(m.mountToReady.median)}, p90 ${ms(m.mountToReady.p90)}, worst ${ms(m.mountToReady.max)}`);
  note(`wasm instantiations on the page: ${m.wasmInstantiations}; linear memory never shrinks, so its figure is the high-water mark`);
  if (m.instancesError) note(`instances() could not be read: ${m.instancesError}`);
}

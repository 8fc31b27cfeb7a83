// 5. Typing: how long a keystroke in the reply form takes to reach the screen.
//
// bench/pages/typing.html holds the widget; a 10,000-character comment is filled into its
// textarea, then 200 characters are typed one at a time (page.keyboard.type), each after the
// previous one's frames and a pseudo-random pause of 0-40 ms (the same sequence every run), so
// keys land at every phase of the frame clock as a person's do. The probe
// (installTypingProbe in bench/lib/probes.mjs) times each keystroke from the keydown's
// timestamp to the end of the next rendered frame (rAF plus a post-frame task), and splits that
// into waiting for the frame and rendering it; it also records the script work (key handlers,
// input, Yew's render) and Event Timing entries. The floor is bench/pages/typing-floor.html: the
// same textarea with the same text and no script at all, i.e. Chromium's own editing cost.
// BENCH_TYPING_RUNS sessions (default 1). Target: median under 8 ms.
//
// Writes results.typing (with every sample).

import { waitForWidget } from '../../tests/e2e/support/browser.mjs';
import { int, ms, note, table } from '../lib/format.mjs';
import { installTypingProbe } from '../lib/probes.mjs';
import { TYPING_RUNS } from '../lib/settings.mjs';
import { max, median, quantile, summary } from '../lib/stats.mjs';

const KEYSTROKES = 200;
const COMMENT_CHARS = 10_000;

function commentText(length) {
  const words = 'the harbour council said the tide would turn before the bridge reopened and readers wrote in to ask why'.split(' ');
  let text = '';
  for (let i = 0; text.length < length; i++) {
    text += words[i % words.length] + (i % 17 === 16 ? '.\n\n' : ' ');
  }
  return text.slice(0, length);
}

/// Types KEYSTROKES characters after a long comment into the textarea of `page` and returns
/// one sample per keystroke. `widget`: wait for Byline to render first.
async function typingSessions(session, page, selector, widget) {
  const url = `${session.server.url}/bench/${page}`;
  const sessions = [];
  for (let run = 0; run < TYPING_RUNS; run++) {
    const rec = await session.page();
    try {
      await rec.page.goto(url, { waitUntil: 'load' });
      if (widget) await waitForWidget(rec.page);
      const textarea = rec.page.locator(selector).first();
      await textarea.focus();
      await textarea.fill(commentText(COMMENT_CHARS));
      await rec.page.waitForTimeout(1500); // the debounced draft save and any re-render settle
      const startLength = await textarea.evaluate((el) => el.value.length);
      await rec.page.evaluate(installTypingProbe);
      const typed = 'and the ferry will keep running all winter ';
      // Each keystroke waits for the previous one's frames; without a pause it would always land
      // just after a frame and wait a whole frame interval for the next. A pseudo-random pause
      // of 0-40 ms (the same sequence every run) puts keys at every phase of the frame clock,
      // as a person typing does.
      let seed = 12345 + run;
      const jitter = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return (seed / 2147483648) * 40;
      };
      for (let i = 0; i < KEYSTROKES; i++) {
        await new Promise((resolve) => setTimeout(resolve, jitter()));
        await rec.page.keyboard.type(typed[i % typed.length]);
        await rec.page.evaluate((n) => window.__typing.whenDone(n), i + 1);
      }
      await rec.page.waitForTimeout(300);
      const data = await rec.page.evaluate(() => ({
        samples: window.__typing.samples.map(({ key, stamp, start, handled, raf1, painted, raf2 }) => ({ key, stamp, start, handled, raf1, painted, raf2 })),
        events: window.__typing.events,
        eventTiming: window.__typing.eventTiming,
      }));
      const endLength = await textarea.evaluate((el) => el.value.length);
      sessions.push({ ...data, startLength, endLength, consoleErrors: rec.errors() });
    } finally {
      await rec.close().catch(() => {});
    }
  }
  return sessions;
}

export async function measureTyping({ results, session }) {
  const floorSessions = await typingSessions(session, 'typing-floor.html', 'textarea[name="comment"]', false);
  const floorSamples = floorSessions.flatMap((s) => s.samples);
  const floorPaint = floorSamples.map((s) => s.painted - s.stamp);
  const floorHandling = floorSamples.map((s) => (s.handled === null ? NaN : s.handled - s.start));
  const sessions = await typingSessions(session, 'typing.html', '.byline-form textarea[name="comment"]', true);
  const samples = sessions.flatMap((s) => s.samples);
  const paint = samples.map((s) => s.painted - s.stamp);
  const raf2 = samples.map((s) => s.raf2 - s.stamp);
  const handling = samples.map((s) => (s.handled === null ? NaN : s.handled - s.start));
  const delay = samples.map((s) => s.start - s.stamp);
  const frameWait = samples.map((s) => s.raf1 - s.stamp);
  const frameRender = samples.map((s) => s.painted - s.raf1);
  const events = sessions.flatMap((s) => s.events);
  const keyEvents = events.filter((e) => ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'].includes(e.name));
  const interactions = new Map();
  for (const e of keyEvents) {
    if (!e.interactionId) continue;
    interactions.set(e.interactionId, Math.max(interactions.get(e.interactionId) ?? 0, e.duration));
  }
  const t = {
    keystrokes: samples.length,
    commentLength: { before: sessions[0]?.startLength, after: sessions[0]?.endLength },
    keystrokeToPaint: { ...summary(paint), p90: quantile(paint, 0.9) },
    keystrokeToDoubleRaf: { ...summary(raf2), p90: quantile(raf2, 0.9) },
    handling: { ...summary(handling), p90: quantile(handling, 0.9) },
    inputDelay: { ...summary(delay) },
    frameWait: { ...summary(frameWait), p90: quantile(frameWait, 0.9) },
    frameRender: { ...summary(frameRender), p90: quantile(frameRender, 0.9) },
    eventTiming: {
      supported: sessions.every((s) => s.eventTiming),
      entriesAtLeast16ms: keyEvents.length,
      interactionsAtLeast16ms: interactions.size,
      medianReportedDuration: median(keyEvents.filter((e) => e.name === 'keydown').map((e) => e.duration)),
      worstDuration: max(keyEvents.map((e) => e.duration)),
      worstProcessing: max(keyEvents.map((e) => e.processing)),
      worstByEvent: Object.fromEntries(
        ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].map((name) => [
          name,
          { count: keyEvents.filter((e) => e.name === name).length, worstDuration: max(keyEvents.filter((e) => e.name === name).map((e) => e.duration)) },
        ]),
      ),
    },
    targetMedianMs: 8,
    floor: {
      page: 'bench/pages/typing-floor.html: the same textarea with no widget and no script',
      keystrokeToPaint: { ...summary(floorPaint), p90: quantile(floorPaint, 0.9) },
      handling: { ...summary(floorHandling), p90: quantile(floorHandling, 0.9) },
    },
  };
  for (const key of ['keystrokeToPaint', 'handling']) delete t.floor[key].samples;
  for (const key of ['keystrokeToPaint', 'keystrokeToDoubleRaf', 'handling', 'inputDelay', 'frameWait', 'frameRender']) delete t[key].samples;
  t.samples = samples;
  results.typing = t;
  const matches = t.commentLength.after - t.commentLength.before === KEYSTROKES;
  table(
    `5. Typing: ${t.keystrokes} keystrokes (page.keyboard.type, one at a time, 0-40 ms apart after each paint) after a ${int(t.commentLength.before)}-character comment`,
    ['per keystroke', 'median', 'p90', 'worst'],
    [
      ['keydown → next frame rendered (rAF + post-frame task)', ms(t.keystrokeToPaint.median), ms(t.keystrokeToPaint.p90), ms(t.keystrokeToPaint.max)],
      ['  of which: keydown → frame starts (first rAF)', ms(t.frameWait.median), ms(t.frameWait.p90), ms(t.frameWait.max)],
      ['  of which: frame rendered (rAF → post-frame task)', ms(t.frameRender.median), ms(t.frameRender.p90), ms(t.frameRender.max)],
      ['keydown → second rAF (double-rAF upper bound)', ms(t.keystrokeToDoubleRaf.median), ms(t.keystrokeToDoubleRaf.p90), ms(t.keystrokeToDoubleRaf.max)],
      ['script work: key handlers + input + Yew render', ms(t.handling.median), ms(t.handling.p90), ms(t.handling.max)],
      ['input delay (event timeStamp → first listener)', ms(t.inputDelay.median), '', ms(t.inputDelay.max)],
      ['floor: plain textarea, no widget: keydown → next frame rendered', ms(t.floor.keystrokeToPaint.median), ms(t.floor.keystrokeToPaint.p90), ms(t.floor.keystrokeToPaint.max)],
      ['floor: plain textarea: keydown → input handled (Chromium editing)', ms(t.floor.handling.median), ms(t.floor.handling.p90), ms(t.floor.handling.max)],
    ],
  );
  const byEvent = Object.entries(t.eventTiming.worstByEvent)
    .filter(([, v]) => v.count > 0)
    .map(([name, v]) => `${name} ${v.count}× (worst ${ms(v.worstDuration, 0)})`)
    .join(', ');
  note(
    `Event Timing API (durationThreshold 16 ms, the API's floor; durations end at the compositor's presentation feedback, which headless Chromium without a GPU can deliver late, so they can disagree wildly with the direct figures above): ${
      t.eventTiming.supported
        ? `${t.eventTiming.interactionsAtLeast16ms} of ${t.keystrokes} keystrokes had an entry (keydown median of those ${ms(t.eventTiming.medianReportedDuration, 0)}); ${byEvent || 'none'}; worst handler processing ${ms(t.eventTiming.worstProcessing)}`
        : 'not available'
    }`,
  );
  note(`target (issues 3, 6): keystroke → paint median < 8 ms → ${t.keystrokeToPaint.median === null ? 'n/a' : t.keystrokeToPaint.median < 8 ? 'met' : 'not met'} (${ms(t.keystrokeToPaint.median)})`);
  if (!matches) note(`warning: the textarea grew by ${t.commentLength.after - t.commentLength.before} characters, not ${KEYSTROKES}`);
}

// End-to-end tests of the reply form over the release build (dist/), in hand-written
// publisher pages (tests/e2e/hosts/reply-*.html) against the test server's programmable routes,
// which record every request. Contract sections 5 and 6 (byline:reply-sent, byline:reply-failed);
// WordPress answers as recorded in ../shared/wordpress/responses.txt
// (tests/e2e/fixtures/wordpress-replies.json).
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/reply.test.mjs

import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt, projectRoot, startServer } from './support/server.mjs';
import {
  formatViolations,
  launch,
  newPage,
  recordEvents,
  recordedEvents,
  runAxe,
  waitForWidget,
} from './support/browser.mjs';

const HOST = '[data-byline]';
const REST = '/wp-json/wp/v2/comments';
const CLASSIC = '/wp-comments-post.php';
const DISCUSSION = '/wp-json/gazette/v1/discussion';
const POST_URL = '/news/local/victoria-baths-plan-approved/';
const DRAFT_KEY = 'byline:draft:4711';
const DETAILS_KEY = 'byline:details';
const DAY_MS = 24 * 60 * 60 * 1000;

/** WordPress's answers, transcribed from a real WordPress 6.x (see the fixture's _about). */
const WP = JSON.parse(
  readFileSync(path.join(projectRoot, 'tests', 'e2e', 'fixtures', 'wordpress-replies.json'), 'utf8'),
);

/** What a reader types: punctuation, quotes, non-ASCII and a blank line. */
const READER = {
  comment:
    'I learned to swim at the Victoria Baths in 1962 — the "deep end" was 6ft & freezing.\n\n' +
    'Good news that it’s coming back: 100% worth £4.2m.',
  name: 'Joan Whitfield',
  email: 'joan.whitfield@example.org',
  website: 'https://joanwhitfield.example/blog?from=gazette',
};

// Selectors. The reply section and its WordPress field names; live regions by role.
const S = {
  section: '.byline-reply',
  form: '.byline-reply form',
  comment: '.byline-reply textarea[name="comment"]',
  name: '.byline-reply input[name="author"]',
  email: '.byline-reply input[name="email"]',
  website: '.byline-reply input[name="url"]',
  save: '.byline-reply input[type="checkbox"][name="wp-comment-cookies-consent"]',
  honeypot: '.byline-reply input[name="byline-hp"]',
  submit: '.byline-reply button[type="submit"]',
  status: '.byline-reply [role="status"]',
  alert: '.byline-reply [role="alert"]',
  retry: '.byline-reply [role="alert"] button.byline-retry',
  summary: '.byline-reply .byline-error-summary',
  // The reader's own replies awaiting moderation: under the form, or in place in the thread (5b).
  pending: '[data-byline] .byline-pending',
};
const FIELD_SELECTOR = { comment: S.comment, name: S.name, email: S.email, website: S.website };

let server;
let browser;
/** The page of the running test (one fresh browser context per test). */
let rec;
/** The approved comments the fake WordPress lists (GET /wp/v2/comments), per test. */
let listed = [];

before(async () => {
  assertDistBuilt();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  server.clearRoutes();
  server.clearRequests();
  // The approved-comments collection (section 5b) a json-mode widget reads: what WordPress
  // lists for the post (nothing, unless a test approves a reply).
  listed = [];
  const collection = () => ({
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'X-WP-Total': String(listed.length),
      'X-WP-TotalPages': listed.length > 0 ? '1' : '0',
    },
    body: wpJson(listed),
  });
  server.setRoute('GET', REST, collection);
  server.setRoute('GET', DISCUSSION, collection);
  // Where a followed 302 from wp-comments-post.php lands.
  server.setRoute('GET', POST_URL, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=UTF-8' },
    body: '<!doctype html><title>Victoria Baths</title><p>The article, with the new comment.</p>',
  });
});

afterEach(async () => {
  await rec?.close();
  rec = undefined;
});

// ---------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** wp_json_encode escapes slashes; so do we, to send bodies exactly as WordPress does. */
const wpJson = (value) => JSON.stringify(value).replace(/\//g, '\\/');

/** A WordPress answer: status, JSON body (or a text body), WordPress's headers. */
function wpAnswer(status, body, headers = {}) {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', Allow: 'POST', ...headers },
    body: typeof body === 'string' ? body : wpJson(body),
  };
}

/** 201 Created with the comment, as POST /wp/v2/comments answers. */
function created(overrides = {}) {
  const comment = { ...WP.comment, ...overrides };
  return wpAnswer(201, comment, { Location: `http://127.0.0.1:8090/wp-json/wp/v2/comments/${comment.id}` });
}

/** Opens a host page in a fresh context, records the reply events, waits for the form. */
async function open(file, { init, form = true } = {}) {
  rec = await newPage(browser);
  await recordEvents(rec.page, ['byline:reply-sent', 'byline:reply-failed']);
  if (init) await rec.page.addInitScript(init.fn, init.arg);
  await rec.page.goto(`${server.url}/hosts/${file}`);
  await waitForWidget(rec.page, HOST, 'ready');
  if (form) await rec.page.locator(S.form).waitFor();
  return rec.page;
}

/** Reloads and waits for the widget and its form again. */
async function reload(page) {
  await page.reload();
  await waitForWidget(page, HOST, 'ready');
  await page.locator(S.form).waitFor();
}

/** Types values into the fields (as input events, like a reader). */
async function fill(page, values) {
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) await page.locator(FIELD_SELECTOR[field]).fill(value);
  }
}

/** POSTs received at a path. */
const posts = (routePath = REST) => server.requestsTo(routePath, 'POST');

/** Every POST, to any path. */
const allPosts = () => server.requests.filter((r) => r.method === 'POST');

/** Polls `check` (sync or async) until it returns truthy; fails with `what` after `timeout`. */
async function eventually(check, what, timeout = 5000) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() - start > timeout) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits for a live region (S.status or S.alert) to hold text, and returns it. */
async function regionText(page, selector, timeout = 10_000) {
  try {
    const handle = await page.waitForFunction(
      (sel) => {
        const text = document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
        return text || false;
      },
      selector,
      { timeout },
    );
    return handle.jsonValue();
  } catch (error) {
    const section = await page.locator(S.section).evaluate((el) => el.outerHTML).catch(() => '(none)');
    throw new Error(`no text in ${selector} after ${timeout} ms; reply section: ${section.slice(0, 1500)}`, {
      cause: error,
    });
  }
}

/** The error text of the alert region (no Retry button label). */
async function alertMessage(page, timeout) {
  await regionText(page, S.alert, timeout);
  return page.evaluate((sel) => {
    const region = document.querySelector(sel).cloneNode(true);
    region.querySelectorAll('button').forEach((b) => b.remove());
    return region.textContent.replace(/\s+/g, ' ').trim();
  }, S.alert);
}

/** The saved draft's comment, or null. */
const storedDraft = (page, key = DRAFT_KEY) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw).comment ?? `(no comment in ${raw})`;
    } catch {
      return `(unreadable: ${raw})`;
    }
  }, key);

/** Contract section 5: in every failure the reader's text stays in the form and in the draft. */
async function assertTextKept(page, comment = READER.comment, key = DRAFT_KEY) {
  assert.equal(await page.inputValue(S.comment), comment, 'the comment must still be in the textarea');
  // The draft is saved debounced; give the timer its time.
  let stored;
  try {
    await eventually(async () => (stored = await storedDraft(page, key)) === comment, 'the saved draft', 3000);
  } catch {
    assert.equal(stored, comment, `localStorage ${key} must still hold the comment`);
  }
}

/** aria-invalid, the aria-describedby target and its text, for one field. */
function fieldState(page, field) {
  return page.locator(FIELD_SELECTOR[field]).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id)).filter(Boolean);
    const error = described.find((d) => d.classList.contains('byline-field-error')) ?? null;
    return {
      id: el.id,
      invalid: el.getAttribute('aria-invalid'),
      describedby: ids,
      error: error && error.textContent.replace(/\s+/g, ' ').trim(),
      errorsInField: el.closest('.byline-field')?.querySelectorAll('.byline-field-error').length ?? null,
    };
  });
}

/** Asserts one field is shown wrong GOV.UK-style; returns its message. */
async function assertFieldError(page, field, pattern) {
  const state = await fieldState(page, field);
  assert.equal(state.invalid, 'true', `${field}: aria-invalid="true" (${JSON.stringify(state)})`);
  assert.ok(state.error, `${field}: aria-describedby must point at its .byline-field-error (${JSON.stringify(state)})`);
  if (pattern) assert.match(state.error, pattern, `${field}: message`);
  return state.error;
}

/** Asserts one field is not shown wrong. */
async function assertFieldClean(page, field) {
  const state = await fieldState(page, field);
  assert.notEqual(state.invalid, 'true', `${field}: no aria-invalid (${JSON.stringify(state)})`);
  assert.equal(state.error, null, `${field}: no error message (${JSON.stringify(state)})`);
  assert.equal(state.errorsInField, 0, `${field}: no .byline-field-error in its field`);
}

/** The error summary: present, its links (href, text) in order. */
function summaryOf(page) {
  return page.evaluate((sel) => {
    const summary = document.querySelector(sel);
    if (!summary) return null;
    return {
      focused: document.activeElement === summary,
      tabindex: summary.getAttribute('tabindex'),
      title: summary.querySelector('h2, h3, h4, .byline-error-summary-title')?.textContent.trim() ?? null,
      links: [...summary.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent.replace(/\s+/g, ' ').trim(),
      })),
    };
  }, S.summary);
}

/** The last recorded event of a type. */
async function lastEvent(page, type) {
  const events = await recordedEvents(page, type);
  return events.at(-1);
}

/** Waits for a byline:reply-failed event and asserts its kind. */
async function assertFailedKind(page, kind) {
  const event = await eventually(() => lastEvent(page, 'byline:reply-failed'), 'byline:reply-failed');
  assert.equal(event.detail?.kind, kind, `byline:reply-failed detail.kind: ${JSON.stringify(event)}`);
  assert.ok(event.onHost && event.bubbles, 'dispatched on the host element, bubbling');
}

/** Plain text only: no tags, no undecoded entities. */
function assertPlainText(text) {
  assert.doesNotMatch(text, /<\/?[a-z][^>]*>/i, `tags must be stripped: ${text}`);
  assert.doesNotMatch(text, /&(#\d+|#x[0-9a-f]+|[a-z]+);/i, `entities must be decoded: ${text}`);
}

/** Zero axe violations on the page. */
async function assertAccessible(page, state) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `axe (${state}):\n${formatViolations(violations)}`);
}

/** The expected REST body, in the contract's field order. */
function restBody({ post = 4711, parent = 0, values = READER } = {}) {
  return JSON.stringify({
    post,
    parent,
    content: values.comment,
    author_name: values.name,
    author_email: values.email,
    author_url: values.website,
  });
}

/** The expected wp-comments-post.php body. */
function classicBody({ values = READER, consent = false } = {}) {
  const params = new URLSearchParams([
    ['comment', values.comment],
    ['author', values.name],
    ['email', values.email],
    ['url', values.website],
    ['comment_post_ID', '4711'],
    ['comment_parent', '0'],
  ]);
  if (consent) params.append('wp-comment-cookies-consent', 'yes');
  return params.toString();
}

const header = (request, name) => request.headers[name.toLowerCase()] ?? '';

/** Sends READER's reply and waits for the one POST to arrive. */
async function sendReader(page, routePath = REST, values = READER) {
  await fill(page, values);
  await page.click(S.submit);
  await eventually(() => posts(routePath).length >= 1, `a POST to ${routePath}`);
}

// ---------------------------------------------------------------------------------------------
// The form itself

describe('the form', () => {
  test('WordPress fields, notes and labels; required fields say so to screen readers', async () => {
    const page = await open('reply-json.html');
    const form = await page.evaluate((sel) => {
      const section = document.querySelector(sel);
      const labelOf = (control) => {
        const label = section.querySelector(`label[for="${control.id}"]`);
        if (!label) return null;
        const hidden = [...label.querySelectorAll('.byline-visually-hidden')];
        const star = [...label.querySelectorAll('[aria-hidden="true"]')].map((s) => s.textContent.trim());
        const clip = hidden.map((h) => {
          const r = h.getBoundingClientRect();
          return { text: h.textContent.trim(), tiny: r.width <= 1 && r.height <= 1 };
        });
        return { text: label.textContent.replace(/\s+/g, ' ').trim(), hidden: clip, star };
      };
      const controls = ['textarea[name="comment"]', 'input[name="author"]', 'input[name="email"]',
        'input[name="url"]', 'input[name="wp-comment-cookies-consent"]'];
      return {
        heading: section.querySelector('h2')?.textContent.trim(),
        text: section.textContent.replace(/\s+/g, ' '),
        fields: controls.map((c) => {
          const el = section.querySelector(c);
          return el && { type: el.type, label: labelOf(el), ariaRequired: el.getAttribute('aria-required') };
        }),
      };
    }, S.section);
    assert.equal(form.heading, 'Leave a Reply');
    assert.match(form.text, /Your email address will not be published\./);
    assert.match(form.text, /Required fields are marked \*/);
    const [comment, name, email, website, save] = form.fields;
    assert.ok(comment && name && email && website && save, `all five controls: ${JSON.stringify(form.fields)}`);
    assert.equal(email.type, 'email');
    assert.equal(website.type, 'url');
    assert.equal(save.type, 'checkbox');
    assert.match(save.label.text, /Save my name, email, and website in this browser for the next time I comment\./);
    for (const [key, field] of Object.entries({ comment, name, email })) {
      assert.ok(field.label, `${key}: a <label for>`);
      assert.deepEqual(field.label.star, ['*'], `${key}: a visible * hidden from assistive technology`);
      assert.ok(
        field.label.hidden.some((h) => h.text === '(required)' && h.tiny),
        `${key}: a visually hidden "(required)" in the label: ${JSON.stringify(field.label)}`,
      );
    }
    assert.ok(!/required/i.test(website.label.text), `Website is optional: ${website.label.text}`);
    assert.deepEqual(website.label.star, [], 'Website has no *');
    // Live regions exist (empty) before anything is announced, so screen readers pick up changes.
    assert.equal(await page.locator(S.status).count(), 1, 'a role="status" region');
    assert.equal(await page.locator(S.alert).count(), 1, 'a role="alert" region');
    assert.equal((await page.locator(S.status).textContent()).trim(), '');
    assert.equal((await page.locator(S.alert).textContent()).trim(), '');
  });

  test('data-require-name-email="false": Name and Email optional, sent empty', async () => {
    const page = await open('reply-relaxed.html');
    const labels = await page.evaluate(() =>
      ['author', 'email'].map((n) => {
        const el = document.querySelector(`.byline-reply input[name="${n}"]`);
        return document.querySelector(`label[for="${el.id}"]`).textContent;
      }),
    );
    for (const label of labels) assert.doesNotMatch(label, /required|\*/, `label: ${label}`);
    server.setRoute('POST', REST, created());
    await sendReader(page, REST, { comment: READER.comment });
    assert.equal(
      posts()[0].body,
      restBody({ values: { comment: READER.comment, name: '', email: '', website: '' } }),
    );
  });

  test('data-replies="closed": no form, a "Replies are closed." note', async () => {
    const page = await open('reply-closed.html', { form: false });
    assert.equal(await page.locator(`${HOST} form`).count(), 0, 'no form');
    assert.equal(await page.locator(`${HOST} textarea`).count(), 0, 'no textarea');
    const text = await page.locator(HOST).textContent();
    assert.match(text, /Replies are closed\./);
  });
});

// ---------------------------------------------------------------------------------------------
// Wire formats

describe('json wire format (WordPress REST)', () => {
  test('POSTs exactly the WordPress REST body as application/json', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    await sendReader(page);
    const [request, ...rest] = posts();
    assert.equal(rest.length, 0, 'one request');
    assert.equal(request.body, restBody());
    assert.match(header(request, 'content-type'), /^application\/json\b/);
    assert.match(header(request, 'accept'), /application\/json/);
  });

  test('a non-numeric data-post-id is sent as a JSON string', async () => {
    const page = await open('reply-slug.html');
    server.setRoute('POST', REST, created());
    await sendReader(page);
    assert.equal(posts()[0].body, restBody({ post: 'victoria-baths-plan-approved' }));
  });

  test('no data-reply-endpoint: the article\'s discussionUrl is the endpoint (post id from identifier)', async () => {
    const page = await open('reply-discussion.html');
    server.setRoute('POST', DISCUSSION, created());
    await sendReader(page, DISCUSSION);
    assert.equal(posts(DISCUSSION).length, 1);
    assert.equal(posts(DISCUSSION)[0].body, restBody());
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
  });
});

describe('form wire format (wp-comments-post.php)', () => {
  test('POSTs the wp-comments-post.php names, URL-encoded, with Accept: application/json', async () => {
    const page = await open('reply-form.html');
    server.setRoute('POST', CLASSIC, { status: 302, headers: { Location: `${POST_URL}#comment-6` } });
    await sendReader(page, CLASSIC);
    const [request, ...rest] = posts(CLASSIC);
    assert.equal(rest.length, 0, 'one request');
    assert.equal(request.body, classicBody());
    assert.match(header(request, 'content-type'), /^application\/x-www-form-urlencoded\b/);
    assert.match(header(request, 'accept'), /^application\/json\b/);
  });

  test('the ticked box adds wp-comment-cookies-consent=yes', async () => {
    const page = await open('reply-form.html');
    server.setRoute('POST', CLASSIC, { status: 302, headers: { Location: `${POST_URL}#comment-7` } });
    await fill(page, READER);
    await page.check(S.save);
    await page.click(S.submit);
    await eventually(() => posts(CLASSIC).length === 1, 'the POST');
    assert.equal(posts(CLASSIC)[0].body, classicBody({ consent: true }));
  });

  test('a 302 to the post is a success (followed or not, CONTRACT 5): status shown, draft cleared', async () => {
    const page = await open('reply-form.html');
    server.setRoute('POST', CLASSIC, { status: 302, headers: { Location: `${POST_URL}#comment-6` } });
    await sendReader(page, CLASSIC);
    const status = await regionText(page, S.status);
    assert.match(status, /published|awaiting moderation|thank/i, `status: ${status}`);
    // The widget does not follow it (so a redirect to another origin works too): no GET.
    assert.ok(server.requestsTo(POST_URL, 'GET').length <= 1, 'at most one follow-up request');
    assert.equal(await page.inputValue(S.comment), '', 'the comment is cleared');
    await sleep(600);
    assert.equal(await storedDraft(page), null, 'the draft is cleared');
    const sent = await lastEvent(page, 'byline:reply-sent');
    assert.ok(sent, 'byline:reply-sent fired');
  });

  test('a 302 to ?unapproved= says "awaiting moderation" and shows the reply', async () => {
    const page = await open('reply-form.html');
    server.setRoute('POST', CLASSIC, {
      status: 302,
      headers: { Location: `${POST_URL}?unapproved=11&moderation-hash=b50ae06ff72f3fc23795ec07aff9729c#comment-11` },
    });
    await sendReader(page, CLASSIC);
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
    await page.locator(S.pending).first().waitFor();
    assert.match(await page.locator(S.pending).first().textContent(), /I learned to swim at the Victoria Baths/);
  });

  const WP_DIE_FIELDS = [
    { title: '"Please type your comment text" → Comment', body: 'fj04_no_content', fields: ['comment'] },
    { title: '"Please fill the required fields" → Name and Email', body: 'fj05_no_name', fields: ['name', 'email'] },
    { title: '"Please enter a valid email address" → Email', body: 'fj07_bad_email', fields: ['email'] },
    { title: '"Your name is too long" → Name', body: 'fj08_long_author', fields: ['name'] },
    { title: '"Your comment is too long" → Comment', body: 'fj09_long_content', fields: ['comment'] },
  ];
  for (const { title, body, fields } of WP_DIE_FIELDS) {
    test(`wp_die with HTTP 200: ${title}`, async () => {
      const page = await open('reply-form.html');
      server.setRoute('POST', CLASSIC, wpAnswer(200, WP[body]));
      await sendReader(page, CLASSIC);
      await page.locator(`${S.section} [aria-invalid="true"]`).first().waitFor({ timeout: 10_000 });
      const expected = WP[body].message.replace(/<[^>]+>/g, '').replace(/^Error:\s*/, '');
      for (const field of ['comment', 'name', 'email', 'website']) {
        if (fields.includes(field)) {
          const message = await assertFieldError(page, field);
          assertPlainText(message);
          assert.ok(message.includes(expected), `${field}: ${JSON.stringify(message)} should carry ${JSON.stringify(expected)}`);
        } else {
          await assertFieldClean(page, field);
        }
      }
      await assertFailedKind(page, 'server');
      await assertTextKept(page);
    });
  }

  const CLASSIC_NOTICES = [
    { title: '409 duplicate', answer: () => wpAnswer(409, WP.fj02_dup), alert: /it looks as though you’ve already said that/ },
    { title: '429 flood', answer: () => wpAnswer(429, WP.fj03_flood), alert: /too quickly/i },
    { title: '403 closed', answer: () => wpAnswer(403, WP.fj11_closed), alert: /comments are closed|replies are closed/i },
  ];
  for (const { title, answer, alert } of CLASSIC_NOTICES) {
    test(`wp_die ${title}: its own message, text kept`, async () => {
      const page = await open('reply-form.html');
      server.setRoute('POST', CLASSIC, answer());
      await sendReader(page, CLASSIC);
      const message = await alertMessage(page);
      assert.match(message, alert);
      assertPlainText(message);
      await assertFailedKind(page, 'server');
      await assertTextKept(page);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Validation in the browser

describe('validation', () => {
  test('an empty send: focused error summary linking to each field; nothing sent', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    const summary = await summaryOf(page);
    assert.ok(summary.focused, 'the error summary takes focus (document.activeElement)');
    assert.equal(summary.tabindex, '-1', 'focusable by script, not in the tab order');
    assert.ok(summary.title, 'a title ("There is a problem")');
    const ids = await Promise.all(['comment', 'name', 'email'].map((f) => page.locator(FIELD_SELECTOR[f]).getAttribute('id')));
    assert.deepEqual(summary.links.map((l) => l.href), ids.map((id) => `#${id}`), 'one link per error, in form order');
    for (const [i, field] of ['comment', 'name', 'email'].entries()) {
      const message = await assertFieldError(page, field);
      assert.equal(
        message.replace(/^Error:\s*/, ''),
        summary.links[i].text,
        `${field}: the summary link says what the field says`,
      );
    }
    await assertFieldClean(page, 'website');
    await assertFailedKind(page, 'validation');
    await sleep(300);
    assert.equal(allPosts().length, 0, 'nothing sent');
  });

  test('each summary link moves focus to its field', async () => {
    const page = await open('reply-json.html');
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    const { links } = await summaryOf(page);
    assert.equal(links.length, 3);
    for (const link of links) {
      await page.locator(`${S.summary} a[href="${link.href}"]`).click();
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert.equal(`#${focused}`, link.href, `clicking "${link.text}" focuses its field`);
    }
    // Sending again with the errors still there: the summary takes focus again.
    await page.click(S.submit);
    await eventually(async () => (await summaryOf(page)).focused, 'the summary focused after a second send');
  });

  test('a field shown wrong is re-validated live: fixing it clears its error without a new send', async () => {
    const page = await open('reply-json.html');
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    await page.locator(S.comment).fill(READER.comment);
    await assertFieldClean(page, 'comment');
    await assertFieldError(page, 'name');
    await assertFieldError(page, 'email');
    const summary = await summaryOf(page);
    assert.equal(summary.links.length, 2, `the summary drops the fixed field: ${JSON.stringify(summary.links)}`);
    await page.locator(S.email).fill('joan.whitfield@');
    await assertFieldError(page, 'email', /email/i);
    await page.locator(S.email).fill(READER.email);
    await assertFieldClean(page, 'email');
    await page.click(S.submit);
    await sleep(300);
    assert.equal(allPosts().length, 0, 'nothing sent while Name is empty');
    await assertFieldError(page, 'name');
  });

  test('a field once shown wrong stays under live validation: fixed, then emptied again, it is wrong again', async () => {
    const page = await open('reply-json.html');
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    await page.locator(S.name).fill('Joan');
    await assertFieldClean(page, 'name');
    await page.locator(S.name).fill('   ');
    await assertFieldError(page, 'name');
  });

  test('byte limits: an 82-character Korean name (246 bytes) is refused, 245 bytes is accepted', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    const tooLong = '가'.repeat(82);
    assert.equal(Buffer.byteLength(tooLong), 246, 'fixture sanity');
    await fill(page, { ...READER, name: tooLong });
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    const message = await assertFieldError(page, 'name', /245/);
    assert.match(message, /\S/);
    await assertFieldClean(page, 'comment');
    await sleep(200);
    assert.equal(allPosts().length, 0, 'nothing sent');
    // 81 Hangul syllables + 2 ASCII letters = 245 bytes: live re-validation clears the error.
    const atLimit = `${'가'.repeat(81)}Jo`;
    assert.equal(Buffer.byteLength(atLimit), 245);
    await page.locator(S.name).fill(atLimit);
    await assertFieldClean(page, 'name');
    await page.click(S.submit);
    await eventually(() => posts().length === 1, 'the POST');
    assert.equal(posts()[0].body, restBody({ values: { ...READER, name: atLimit } }));
  });

  test('whitespace only is blank; the comment limit is 65,525 bytes (3-byte characters)', async () => {
    const page = await open('reply-json.html');
    await fill(page, { ...READER, comment: '  \n\t  \n ', name: '   ' });
    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    await assertFieldError(page, 'comment');
    await assertFieldError(page, 'name');
    await assertFieldClean(page, 'email');
    const tooLong = '€'.repeat(21_842); // 65,526 bytes
    assert.equal(Buffer.byteLength(tooLong), 65_526, 'fixture sanity');
    await fill(page, { comment: tooLong, name: READER.name });
    await page.click(S.submit);
    await assertFieldError(page, 'comment', /65,?525/);
    await page.locator(S.comment).fill(tooLong.slice(1)); // 65,523 bytes
    await assertFieldClean(page, 'comment');
    await sleep(200);
    assert.equal(allPosts().length, 0, 'nothing sent');
  });

  test('an implausible email and a javascript: website are refused with how to fix them', async () => {
    const page = await open('reply-json.html');
    for (const [email, website] of [
      ['joan.whitfield@example', 'javascript:alert(document.cookie)'],
      ['joan whitfield@example.org', 'ftp://joanwhitfield.example/'],
      ['joan.whitfield.example.org', 'joanwhitfield.example'],
    ]) {
      await fill(page, { ...READER, email, website });
      await page.click(S.submit);
      await page.locator(S.summary).waitFor();
      await assertFieldError(page, 'email', /email/i);
      await assertFieldError(page, 'website', /https?:\/\//);
      await assertFieldClean(page, 'comment');
      await assertFieldClean(page, 'name');
      assert.equal((await summaryOf(page)).links.length, 2);
    }
    await assertFailedKind(page, 'validation');
    await sleep(200);
    assert.equal(allPosts().length, 0, 'nothing sent');
  });
});

// ---------------------------------------------------------------------------------------------
// Answers in json mode

describe('json mode: success', () => {
  test('201 "hold": awaiting moderation, reply shown pending, draft cleared, byline:reply-sent', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created({ id: 2, status: 'hold' }));
    await fill(page, READER);
    await sleep(600); // the draft is saved
    assert.equal(await storedDraft(page), READER.comment, 'draft saved while typing');
    await page.click(S.submit);
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
    const pending = page.locator(S.pending);
    await pending.first().waitFor();
    assert.equal(await pending.count(), 1);
    const text = (await pending.first().textContent()).replace(/\s+/g, ' ');
    assert.match(text, /I learned to swim at the Victoria Baths in 1962/);
    assert.match(text, /Good news that it’s coming back/);
    assert.match(text, /Joan Whitfield/);
    assert.match(text, /awaiting moderation/i, 'marked as awaiting moderation');
    assert.equal(await page.inputValue(S.comment), '', 'the comment is cleared');
    assert.equal(await page.inputValue(S.name), READER.name, 'the details stay');
    await sleep(600);
    assert.equal(await storedDraft(page), null, 'the draft is cleared');
    const sent = await lastEvent(page, 'byline:reply-sent');
    assert.equal(sent?.detail?.status, 'hold', JSON.stringify(sent));
    assert.equal(sent.detail.response?.id, 2, 'detail.response is the created comment');
    assert.ok(sent.onHost && sent.bubbles);
    assert.equal((await recordedEvents(page, 'byline:reply-sent')).length, 1, 'fired once');
    assert.equal((await recordedEvents(page, 'byline:reply-failed')).length, 0);
    assert.deepEqual(rec.pageErrors.map(String), [], 'no uncaught errors');
    assert.deepEqual(rec.errors(), [], 'no console errors');
  });

  test('the pending reply survives a reload (the server does not list it yet)', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created({ id: 2, status: 'hold' }));
    await sendReader(page);
    await page.locator(S.pending).first().waitFor();
    await reload(page);
    await page.locator(S.pending).first().waitFor({ timeout: 5000 });
    assert.match(await page.locator(S.pending).first().textContent(), /I learned to swim at the Victoria Baths/);
    assert.match(await page.locator(S.pending).first().textContent(), /awaiting moderation/i);
  });

  test('text typed while the reply is in flight stays in the form and in the draft', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, { ...created(), delayMs: 1500 });
    await fill(page, READER);
    await page.click(S.submit);
    await page.locator(`${S.submit}[aria-busy="true"]`).waitFor();
    const more = 'P.S. Will the slipper baths café be open on Sundays?';
    await page.locator(S.comment).fill(more);
    await sleep(600); // autosave of the new text, while the request is still in flight
    assert.equal(await storedDraft(page), more, 'the new text is saved while the request is in flight');
    assert.match(await regionText(page, S.status, 10_000), /awaiting moderation/i);
    assert.equal(posts()[0].body, restBody(), 'the reply sent is the text as it was at the send');
    assert.equal(await page.inputValue(S.comment), more, 'the new text stays in the textarea');
    await sleep(600);
    assert.equal(await storedDraft(page), more, `the new text stays in localStorage ${DRAFT_KEY}`);
  });

  test('201 "approved": says published; byline:reply-sent status "approved"', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created({ id: 8, status: 'approved' }));
    await sendReader(page);
    const status = await regionText(page, S.status);
    assert.match(status, /published/i);
    assert.doesNotMatch(status, /moderation/i);
    const sent = await eventually(() => lastEvent(page, 'byline:reply-sent'), 'byline:reply-sent');
    assert.equal(sent.detail?.status, 'approved');
    assert.equal(sent.detail.response?.id, 8);
    await sleep(600);
    assert.equal(await storedDraft(page), null, 'the draft is cleared');
  });

  test('201 "approved": the reply itself is shown (WordPress now lists it)', async () => {
    const page = await open('reply-json.html');
    const comment = {
      ...WP.comment,
      id: 8,
      status: 'approved',
      content: { rendered: '<p>I learned to swim at the Victoria Baths in 1962 &#8212; the &#8220;deep end&#8221; was 6ft &amp; freezing.</p>\n<p>Good news that it&#8217;s coming back: 100% worth £4.2m.</p>\n' },
    };
    server.setRoute('POST', REST, () => {
      listed.push(comment);
      return created(comment);
    });
    await sendReader(page);
    await regionText(page, S.status);
    await sleep(500);
    const outside = await page.evaluate((sel) => {
      const form = document.querySelector(sel);
      const root = form.closest('.byline');
      const clone = root.cloneNode(true);
      clone.querySelector('form').remove();
      clone.querySelector('article')?.remove();
      return clone.textContent.replace(/\s+/g, ' ');
    }, S.form);
    assert.match(outside, /I learned to swim at the Victoria Baths in 1962/, `the widget outside the form and article: ${outside.slice(0, 400)}`);
  });
});

describe('429 with Retry-After is honoured', () => {
  test('sending again inside the window sends nothing and says how long is left; after it, one send', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, wpAnswer(429, WP.rate_limited, { 'Retry-After': '3' }));
    await sendReader(page);
    assert.match(await alertMessage(page), /\b3\b/);
    const sentBefore = posts().length;
    await page.click(S.submit);
    await page.waitForTimeout(400);
    assert.equal(posts().length, sentBefore, 'nothing sent while Retry-After runs');
    assert.match(await alertMessage(page), /\b[123]\b/, 'the seconds left');
    assert.equal(await page.inputValue(S.comment), READER.comment, 'the text stays');
    server.setRoute('POST', REST, created());
    await page.waitForTimeout(3200);
    await page.click(S.submit);
    await eventually(() => posts().length === sentBefore + 1, 'one more POST once the time has passed');
  });
});

describe("a publisher's data-text-<key> for a refusal", () => {
  test("replaces WordPress's words (409 with data-text-duplicate)", async () => {
    const page = await open('reply-json.html');
    await page.evaluate((sel) => document.querySelector(sel).setAttribute('data-text-duplicate', 'You have posted this already.'), HOST);
    await page.waitForTimeout(200);
    server.setRoute('POST', REST, wpAnswer(409, WP.r02_dup));
    await sendReader(page);
    assert.equal(await alertMessage(page), 'You have posted this already.');
    assert.equal(await page.inputValue(S.comment), READER.comment, 'the text stays');
  });
});

describe('json mode: refusals and failures keep the text', () => {
  // Each: the answer, where the message lands, the event kind.
  const CASES = [
    {
      title: '409 comment_duplicate: WordPress message with the entity decoded',
      answer: () => wpAnswer(409, WP.r02_dup),
      alert: /Duplicate comment detected; it looks as though you’ve already said that!/,
    },
    {
      title: '400 comment_flood: its own message',
      answer: () => wpAnswer(400, WP.r03_flood),
      alert: /too quickly/i,
    },
    {
      title: '429 with Retry-After: 30: says 30 seconds',
      answer: () => wpAnswer(429, WP.rate_limited, { 'Retry-After': '30' }),
      alert: /\b30\b/,
    },
    {
      title: '429 with Retry-After: 0: the server\'s own message, not "0 seconds"',
      answer: () => wpAnswer(429, WP.rate_limited, { 'Retry-After': '0' }),
      alert: /Please slow down/,
      check: async (page) => {
        assert.doesNotMatch(await page.locator(S.section).innerText(), /\b0 seconds?\b/);
      },
    },
    {
      title: '401 rest_comment_login_required',
      answer: () => wpAnswer(401, WP.login_required),
      alert: /logged in/i,
    },
    {
      title: '403 rest_comment_closed',
      answer: () => wpAnswer(403, WP.r11_closed),
      alert: /closed/i,
    },
    {
      title: '403 rest_comment_invalid_post_id: message and a console.error naming the post id',
      answer: () => wpAnswer(403, WP.r10_no_post),
      alert: /\S/,
      consoleError: /4711/,
    },
    {
      title: '400 any other code: the server\'s message as plain text (tags stripped, entities decoded)',
      answer: () => wpAnswer(400, WP.plugin_spam),
      alert: /Your comment looks like spam & was not posted\. Don’t worry: email the letters desk\./,
      check: async (page) => {
        assert.equal(await page.locator(`${S.section} img, ${S.section} strong, ${S.section} [role="alert"] a`).count(), 0, 'nothing injected as HTML');
        assert.equal(await page.evaluate(() => window.__bylineInjected), undefined, 'no script ran');
      },
    },
    {
      title: '500 (WordPress critical error): message with Retry',
      answer: () => wpAnswer(500, WP.critical_error),
      alert: /\S/,
      retry: true,
    },
    {
      title: '502 (nginx page): message with Retry',
      answer: () => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: WP.nginx_502 }),
      alert: /\S/,
      retry: true,
    },
    {
      title: 'dropped connection: network message with Retry',
      answer: () => ({ drop: true }),
      alert: /\S/,
      retry: true,
      kind: 'network',
      atLeastOne: true,
    },
  ];
  for (const c of CASES) {
    test(c.title, async () => {
      const page = await open('reply-json.html');
      server.setRoute('POST', REST, c.answer());
      await sendReader(page);
      const message = await alertMessage(page);
      assert.match(message, c.alert);
      assertPlainText(message);
      if (c.retry) {
        assert.equal(await page.locator(S.retry).count(), 1, 'a Retry button');
        assert.ok(await page.locator(S.retry).isVisible(), 'Retry is visible');
      }
      if (c.check) await c.check(page);
      if (c.consoleError) {
        await eventually(() => rec.errors().some((e) => c.consoleError.test(e)), `a console.error matching ${c.consoleError}`);
      }
      await assertFailedKind(page, c.kind ?? 'server');
      assert.equal((await recordedEvents(page, 'byline:reply-failed')).length, 1, 'byline:reply-failed fired once');
      assert.equal((await recordedEvents(page, 'byline:reply-sent')).length, 0, 'no byline:reply-sent');
      await assertTextKept(page);
      if (!c.atLeastOne) assert.equal(posts().length, 1, 'one request');
      assert.equal(await page.locator(S.pending).count(), 0, 'nothing shown as sent');
    });
  }

  const FIELD_CASES = [
    {
      title: '400 rest_comment_content_invalid → on Comment',
      answer: () => wpAnswer(400, WP.r04_no_content),
      fields: { comment: /Invalid comment content/ },
    },
    {
      title: '400 rest_comment_author_data_required → on Name and Email',
      file: 'reply-relaxed.html',
      values: { comment: READER.comment },
      answer: () => wpAnswer(400, WP.r05_no_name),
      fields: { name: /requires valid author name and email/, email: /requires valid author name and email/ },
    },
    {
      title: '400 rest_invalid_param author_email → on Email',
      answer: () => wpAnswer(400, WP.r07_bad_email),
      fields: { email: /Invalid email address/ },
    },
    {
      title: '400 comment_author_column_length → on Name',
      answer: () => wpAnswer(400, WP.r08_long_author),
      fields: { name: /exceeds maximum length/ },
    },
    {
      title: '400 comment_content_column_length → on Comment',
      answer: () => wpAnswer(400, WP.r09_long_content),
      fields: { comment: /exceeds maximum length/ },
    },
    {
      title: '400 comment_author_email_column_length → on Email',
      answer: () => wpAnswer(400, WP.email_column_length),
      fields: { email: /exceeds maximum length/ },
    },
    {
      title: '400 comment_author_url_column_length → on Website',
      answer: () => wpAnswer(400, WP.url_column_length),
      fields: { website: /exceeds maximum length/ },
    },
    {
      title: '400 rest_invalid_param content + author_url → on Comment and Website',
      answer: () => wpAnswer(400, WP.invalid_params),
      fields: { comment: /content is not of type/, website: /not a valid URI/ },
    },
  ];
  for (const c of FIELD_CASES) {
    test(c.title, async () => {
      const page = await open(c.file ?? 'reply-json.html');
      server.setRoute('POST', REST, c.answer());
      await sendReader(page, REST, c.values ?? READER);
      await page.locator(S.summary).waitFor({ timeout: 10_000 });
      for (const field of ['comment', 'name', 'email', 'website']) {
        if (c.fields[field]) assertPlainText(await assertFieldError(page, field, c.fields[field]));
        else await assertFieldClean(page, field);
      }
      const summary = await summaryOf(page);
      assert.ok(summary.focused, 'the error summary takes focus');
      assert.equal(summary.links.length, Object.keys(c.fields).length);
      await assertFailedKind(page, 'server');
      await assertTextKept(page);
    });
  }

  test('500 then Retry: the same text is sent again and succeeds', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, wpAnswer(500, WP.critical_error));
    await sendReader(page);
    await page.locator(S.retry).waitFor();
    server.setRoute('POST', REST, created());
    await page.click(S.retry);
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
    assert.equal(posts().length, 2);
    assert.equal(posts()[1].body, posts()[0].body, 'the same reply');
    assert.equal(await page.locator(S.retry).count(), 0, 'the failure is gone');
  });

  test('no answer within 15 s: timeout message with Retry', { timeout: 60_000 }, async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, { ...created(), delayMs: 16_000 });
    const started = Date.now();
    await sendReader(page);
    const message = await alertMessage(page, 25_000);
    const waited = Date.now() - started;
    assert.ok(waited >= 14_000, `gave up after ${waited} ms, before the 15 s limit`);
    assert.match(message, /too long|time/i, `message: ${message}`);
    assert.equal(await page.locator(S.retry).count(), 1, 'a Retry button');
    await assertFailedKind(page, 'timeout');
    await assertTextKept(page);
    assert.equal(await page.locator(S.submit).getAttribute('aria-busy'), null, 'no longer busy');
    assert.equal(await page.locator(S.submit).isDisabled(), false, 'the button is usable again');
    // The abandoned request's late answer (at 16 s) changes nothing.
    await sleep(2500);
    assert.match(await alertMessage(page), /too long|time/i, 'still the timeout message');
    assert.equal((await page.locator(S.status).textContent()).trim(), '', 'no success announced');
    assert.equal(await page.inputValue(S.comment), READER.comment);
  });
});

// ---------------------------------------------------------------------------------------------
// Offline

describe('offline', () => {
  test('offline: message with Retry, nothing sent, text kept; back online, Retry sends the same text', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    await fill(page, READER);
    await rec.context.setOffline(true);
    await page.click(S.submit);
    const message = await alertMessage(page);
    assert.match(message, /offline/i);
    assert.equal(await page.locator(S.retry).count(), 1, 'a Retry button');
    await assertFailedKind(page, 'network');
    await assertTextKept(page);
    assert.equal(allPosts().length, 0, 'nothing sent while offline');

    await rec.context.setOffline(false);
    await page.click(S.retry);
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
    assert.equal(posts().length, 1);
    assert.equal(posts()[0].body, restBody(), 'the same text');
  });
});

// ---------------------------------------------------------------------------------------------
// One request per send

describe('one request per send', () => {
  /** The submit button's state, read in the page. */
  const buttonState = (page) =>
    page.locator(S.submit).evaluate((b) => ({ disabled: b.disabled, busy: b.getAttribute('aria-busy') }));

  // Bursts driven through the DevTools protocol take one round trip per click or key press;
  // on a loaded machine ten of them can exceed 500 ms, so those answers take 1.5 s to keep the
  // whole burst inside the flight. The in-page burst below uses the 500 ms of the brief.
  const BURST_DELAY_MS = 1500;

  test('10 rapid mouse clicks while the server takes its time: exactly 1 request; disabled and aria-busy meanwhile', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, { ...created(), delayMs: BURST_DELAY_MS });
    await fill(page, READER);
    await page.locator(S.submit).scrollIntoViewIfNeeded();
    const box = await page.locator(S.submit).boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const started = Date.now();
    await page.mouse.click(x, y);
    const during = await buttonState(page);
    for (let i = 0; i < 9; i += 1) await page.mouse.click(x, y);
    const later = await buttonState(page);
    const burst = Date.now() - started;
    assert.deepEqual(during, { disabled: true, busy: 'true' }, 'in flight: disabled, aria-busy="true"');
    assert.ok(burst < BURST_DELAY_MS, `the burst (${burst} ms) must fit in the flight for this test to mean anything`);
    assert.deepEqual(later, { disabled: true, busy: 'true' }, 'still in flight after the burst');
    await regionText(page, S.status);
    await sleep(1000);
    assert.equal(posts().length, 1, 'exactly one request');
    assert.deepEqual(await buttonState(page), { disabled: false, busy: null }, 'usable again afterwards');
  });

  test('10 clicks in one task (before any re-render) while the server takes 500 ms: exactly 1 request', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, { ...created(), delayMs: 500 });
    await fill(page, READER);
    await page.locator(S.submit).evaluate((button) => {
      for (let i = 0; i < 10; i += 1) button.click();
    });
    await regionText(page, S.status);
    await sleep(1000);
    assert.equal(posts().length, 1, 'exactly one request');
  });

  test('10 Enter presses in the Name field: exactly 1 request', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, { ...created(), delayMs: BURST_DELAY_MS });
    await fill(page, READER);
    await page.focus(S.name);
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('Enter');
    assert.deepEqual(await buttonState(page), { disabled: true, busy: 'true' }, 'in flight');
    await regionText(page, S.status);
    await sleep(1000);
    assert.equal(posts().length, 1, 'exactly one request');
  });
});

// ---------------------------------------------------------------------------------------------
// Keyboard only

describe('keyboard only', () => {
  test('Tab through comment, name, email, website, checkbox, submit; Space ticks, Enter sends', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}[name=${el.getAttribute('name') ?? ''}][type=${el.getAttribute('type') ?? ''}]` : null;
      });
    // From the top of the page to the comment box, by Tab alone.
    let steps = 0;
    while ((await focused()) !== 'textarea[name=comment][type=]') {
      await page.keyboard.press('Tab');
      steps += 1;
      assert.ok(steps < 60, `never reached the comment box; focus is on ${await focused()}`);
    }
    await page.keyboard.type('Reopening the baths is the best news this year.');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input[name=author][type=text]');
    await page.keyboard.type(READER.name);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input[name=email][type=email]');
    await page.keyboard.type(READER.email);
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input[name=url][type=url]');
    await page.keyboard.type('https://joanwhitfield.example');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input[name=wp-comment-cookies-consent][type=checkbox]', 'the honeypot is skipped');
    // The widget's own focus ring (3px, --byline-accent), as on every other control.
    const ring = (selector) => page.$eval(selector, (el) => {
      const cs = getComputedStyle(el);
      return `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`;
    });
    assert.equal(await ring(S.save), 'solid 3px rgb(11, 87, 208)');
    await page.keyboard.press('Space');
    assert.equal(await page.locator(S.save).isChecked(), true, 'Space ticks the box');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button[name=][type=submit]');
    await page.keyboard.press('Enter');
    await eventually(() => posts().length === 1, 'the POST');
    assert.equal(
      posts()[0].body,
      restBody({
        values: {
          comment: 'Reopening the baths is the best news this year.',
          name: READER.name,
          email: READER.email,
          website: 'https://joanwhitfield.example',
        },
      }),
    );
    assert.match(await regionText(page, S.status), /awaiting moderation/i);
  });

  test('Space on the submit button sends too', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    await fill(page, READER);
    await page.focus(S.website);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await eventually(() => posts().length === 1, 'the POST');
  });
});

// ---------------------------------------------------------------------------------------------
// Drafts

describe('drafts', () => {
  test('a typed comment is back after a reload, announced politely', async () => {
    const page = await open('reply-json.html');
    await page.locator(S.comment).fill(READER.comment);
    assert.equal(await storedDraft(page), null, 'debounced: not saved on the keystroke itself');
    await sleep(600);
    assert.equal(await storedDraft(page), READER.comment, `localStorage ${DRAFT_KEY}`);
    await reload(page);
    assert.equal(await page.inputValue(S.comment), READER.comment, 'restored into the textarea');
    const announcement = await regionText(page, S.status);
    assert.match(announcement, /restored/i);
    const live = await page.locator(S.status).evaluate((el) => el.getAttribute('aria-live') ?? 'polite');
    assert.equal(live, 'polite');
    assert.equal(await page.locator(S.alert).textContent(), '', 'no alert');
    assert.equal(allPosts().length, 0);
  });

  test('a draft saved 31 days ago is not restored; one saved 29 days ago is', async () => {
    const seed = {
      fn: ({ key, ageDays, dayMs }) => {
        localStorage.setItem(
          key,
          JSON.stringify({
            comment: `A draft from ${ageDays} days ago.`,
            name: '',
            email: '',
            website: '',
            parent: 0,
            saved: Date.now() - ageDays * dayMs,
          }),
        );
      },
    };
    let page = await open('reply-json.html', { init: { ...seed, arg: { key: DRAFT_KEY, ageDays: 31, dayMs: DAY_MS } } });
    await sleep(300);
    assert.equal(await page.inputValue(S.comment), '', 'an expired draft stays out');
    assert.doesNotMatch((await page.locator(S.status).textContent()) ?? '', /restored/i, 'no announcement');
    await rec.close();

    page = await open('reply-json.html', { init: { ...seed, arg: { key: DRAFT_KEY, ageDays: 29, dayMs: DAY_MS } } });
    await eventually(async () => (await page.inputValue(S.comment)) === 'A draft from 29 days ago.', 'the 29-day draft');
  });
});

// ---------------------------------------------------------------------------------------------
// "Save my name, email, and website"

describe('save my details', () => {
  test('ticked + success: name, email and website stored and prefilled on the next visit', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    await fill(page, READER);
    await page.check(S.save);
    await page.click(S.submit);
    await regionText(page, S.status);
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), DETAILS_KEY);
    assert.ok(stored, `localStorage ${DETAILS_KEY} is set`);
    assert.equal(stored.name, READER.name);
    assert.equal(stored.email, READER.email);
    assert.equal(stored.website, READER.website);
    assert.equal(JSON.stringify(stored).includes('Victoria Baths'), false, 'the comment is not part of the details');
    await reload(page);
    await eventually(async () => (await page.inputValue(S.name)) === READER.name, 'the name prefilled');
    assert.equal(await page.inputValue(S.email), READER.email);
    assert.equal(await page.inputValue(S.website), READER.website);
    assert.equal(await page.inputValue(S.comment), '');
    assert.equal(await page.locator(S.save).isChecked(), true, 'the box stays ticked');
    const cookies = await rec.context.cookies();
    assert.deepEqual(cookies, [], 'no cookies');
  });

  test('unticked + success: the saved details are removed, the email is stored nowhere', async () => {
    const page = await open('reply-json.html', {
      init: {
        fn: (key) => {
          if (sessionStorage.getItem('seeded')) return;
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(key, JSON.stringify({ name: 'Joan Whitfield', email: 'joan.whitfield@example.org', website: '' }));
        },
        arg: DETAILS_KEY,
      },
    });
    server.setRoute('POST', REST, created());
    await eventually(async () => (await page.inputValue(S.name)) === READER.name, 'the name prefilled');
    assert.equal(await page.locator(S.save).isChecked(), true, 'saved details: the box starts ticked');
    await fill(page, { comment: READER.comment });
    await page.uncheck(S.save);
    await page.click(S.submit);
    await regionText(page, S.status);
    await sleep(600);
    const storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    assert.equal(storage[DETAILS_KEY], undefined, `${DETAILS_KEY} removed`);
    for (const [key, value] of Object.entries(storage)) {
      assert.ok(!value.includes(READER.email), `${key} must not hold the email: ${value}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Honeypot and demo mode

describe('honeypot', () => {
  test('hidden from people and assistive technology; filled in, it looks sent and is sent as byline_hp (for the server to refuse)', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, created());
    const hp = await page.locator(S.honeypot).evaluate((input) => {
      const r = input.getBoundingClientRect();
      return {
        tabindex: input.getAttribute('tabindex'),
        hiddenFromAT: !!input.closest('[aria-hidden="true"]'),
        offscreenOrTiny: r.width <= 1 || r.height <= 1 || r.bottom < 0 || r.right < 0,
      };
    });
    assert.deepEqual(hp, { tabindex: '-1', hiddenFromAT: true, offscreenOrTiny: true });
    await fill(page, READER);
    await page.locator(S.honeypot).evaluate((input) => {
      input.value = 'http://cheap-watches.example';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click(S.submit);
    const status = await regionText(page, S.status);
    assert.match(status, /awaiting moderation|published|thank/i, `looks successful: ${status}`);
    await eventually(() => allPosts().length >= 1, 'the trapped reply sent');
    await sleep(300);
    assert.equal(allPosts().length, 1, 'sent once');
    const sent = JSON.parse(allPosts()[0].body);
    assert.equal(sent.byline_hp, 'http://cheap-watches.example', 'the honeypot goes with it');
    assert.equal(sent.content, READER.comment);
    assert.equal(await page.locator(S.pending).count(), 0, 'not shown as a pending reply');
  });
});

describe('demo mode', () => {
  test('no endpoint: says so, shows the reply pending, sends nothing, byline:reply-sent "demo"', async () => {
    const page = await open('reply-demo.html');
    await fill(page, READER);
    await page.click(S.submit);
    const status = await regionText(page, S.status);
    assert.match(status, /no (reply )?endpoint is configured/i);
    await page.locator(S.pending).first().waitFor();
    assert.match(await page.locator(S.pending).first().textContent(), /I learned to swim at the Victoria Baths/);
    const sent = await eventually(() => lastEvent(page, 'byline:reply-sent'), 'byline:reply-sent');
    assert.equal(sent.detail?.status, 'demo');
    await sleep(300);
    assert.equal(allPosts().length, 0, 'nothing sent');
    // Kept in this browser: still pending after a reload.
    await reload(page);
    await page.locator(S.pending).first().waitFor();
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility

describe('axe-core', () => {
  test('zero violations: pristine, errors shown, sending, sent', async () => {
    const page = await open('reply-json.html');
    await assertAccessible(page, 'pristine');

    await page.click(S.submit);
    await page.locator(S.summary).waitFor();
    await assertAccessible(page, 'errors shown');

    server.setRoute('POST', REST, { ...created(), delayMs: 4000 });
    await fill(page, READER);
    await page.click(S.submit);
    await page.locator(`${S.submit}[aria-busy="true"]`).waitFor();
    await assertAccessible(page, 'sending');
    assert.equal(await page.locator(S.submit).getAttribute('aria-busy'), 'true', 'axe ran while in flight');

    await regionText(page, S.status, 10_000);
    await page.locator(S.pending).first().waitFor();
    await assertAccessible(page, 'sent');
  });

  test('zero violations: closed note; demo mode after a send', async () => {
    let page = await open('reply-closed.html', { form: false });
    await assertAccessible(page, 'replies closed');
    await rec.close();
    page = await open('reply-demo.html');
    await fill(page, READER);
    await page.click(S.submit);
    await page.locator(S.pending).first().waitFor();
    await assertAccessible(page, 'demo sent');
  });

  test('zero violations with a failure and its Retry button', async () => {
    const page = await open('reply-json.html');
    server.setRoute('POST', REST, wpAnswer(500, WP.critical_error));
    await sendReader(page);
    await page.locator(S.retry).waitFor();
    await assertAccessible(page, 'failed');
  });
});

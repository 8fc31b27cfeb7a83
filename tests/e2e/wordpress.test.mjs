// End-to-end against a REAL WordPress (../shared/wordpress next to the repository: WordPress 6.1
// from Debian's packages on http://127.0.0.1:8090, two posts, anonymous REST comments enabled).
// Contract sections 5 (the reply form, both wire formats), 5b (the approved thread) and 6.
//
// - `json` mode: the article page comes from the test server (its own port), so every call to
//   the REST API is cross-origin: WordPress answers CORS for any origin (responses.txt).
// - `form` mode: wp-comments-post.php sends no CORS headers, so the page is served by a small
//   same-origin proxy (support/wp-proxy.mjs) that passes everything else to WordPress.
//
// What landed is read back with $WP_EVAL (php /tmp/wp/wp-eval.php '<php>'); approvals go through
// wp_set_comment_status. Before each test every comment of the two test posts is deleted, which
// also clears WordPress's 15-second flood window (it looks for the newest comment from the same
// IP address, and every request here comes from 127.0.0.1). WordPress's flood check stays on
// (up.sh without WP_NO_FLOOD): the flood cases rely on it.
//
// WordPress is brought to up.sh's default state with ../shared/wordpress/up.sh (as root) whatever
// an earlier run left (support/wordpress.mjs: ensureWordPress); the suite is skipped only when
// ../shared/wordpress does not exist.
//
// Run: trunk build --release && node --test --test-concurrency=1 tests/e2e/wordpress.test.mjs

import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertDistBuilt, startServer } from './support/server.mjs';
import { launch, newPage, recordEvents, recordedEvents, waitForWidget } from './support/browser.mjs';
import { WORDPRESS_DIR, articlePage, ensureWordPress } from './support/wordpress.mjs';
import { startWordPressProxy } from './support/wp-proxy.mjs';

const wp = await ensureWordPress();
const SKIP = wp === null ? `no shared WordPress: ${WORDPRESS_DIR}/up.sh does not exist` : false;
if (SKIP) process.stderr.write(`wordpress.test.mjs skipped: ${SKIP}\n`);
const env = wp?.env ?? {};
const POST_ID = Number(env.POST_ID);
const CLOSED_POST_ID = Number(env.CLOSED_POST_ID);
const UNKNOWN_POST_ID = 999999;

/** Makes every text unique to this run, so an earlier run's comments can never collide. */
const RUN = Date.now().toString(36);

/**
 * What a reader types: punctuation, quotes, an ampersand and "<", non-ASCII and a blank line.
 * `text` adds a label so each test's text is unique.
 */
function reader(label, overrides = {}) {
  return {
    comment:
      `The north quay closure (${label} ${RUN}) is overdue — the wall’s been “temporary” since 2019 & boats <3 the south pontoon.\n\n` +
      'Six weeks sounds optimistic. Ça ira.',
    name: 'Morwenna Trist & Co',
    email: `morwenna.${label.replace(/\W+/g, '-')}.${RUN}@example.org`,
    website: 'https://morwenna.example/notes?from=courier&lang=en',
    ...overrides,
  };
}

/**
 * A text WordPress's duplicate check can match in `json` mode: no "&" or "<". The REST API
 * compares the raw text with the stored, kses-encoded one (wp_allow_comment runs before the
 * filters there), so a repeated text containing "&" is never a duplicate: it is a flood.
 */
const plainComment = (label) => `The north quay closure (${label} ${RUN}) is overdue — the wall’s been “temporary” since 2019.`;

/** An address the widget finds plausible and WordPress's is_email refuses. */
const BAD_EMAIL = 'zoë.trist@example.org';

/**
 * How WordPress stores text from an anonymous commenter: its kses filters encode "&" and "<"
 * (wp_filter_kses), so the REST answer and the database hold entities; the widget decodes them.
 */
const kses = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Selectors (class names from docs/dom.md and the components).
const S = {
  section: '.byline-reply',
  form: '.byline-reply form',
  comment: '.byline-reply textarea[name="comment"]',
  name: '.byline-reply input[name="author"]',
  email: '.byline-reply input[name="email"]',
  website: '.byline-reply input[name="url"]',
  submit: '.byline-reply button[type="submit"]',
  status: '.byline-reply [role="status"]',
  alert: '.byline-reply [role="alert"]',
  summary: '.byline-reply .byline-error-summary',
  thread: '.byline-thread',
  threadHeading: '.byline-thread-heading',
  threadItems: '.byline-thread-list > li.byline-reply-item:not(.byline-pending)',
  threadPending: '.byline-thread .byline-pending',
  moreReplies: '.byline-thread button.byline-more-replies',
  replyingTo: '.byline-reply .byline-replying-to',
};
const FIELD_SELECTOR = { comment: S.comment, name: S.name, email: S.email, website: S.website };

let server;
let browser;
/** The page of the running test (one fresh browser context per test). */
let rec;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns truthy; fails with `what` after `timeout`. */
async function eventually(check, what, timeout = 10_000) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() - start > timeout) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A fresh WordPress state for the test posts, and no flood window from anything else. */
async function resetWordPress() {
  // A comment from 127.0.0.1 on another post (the demo, a concurrent run) would still count.
  const wait = wp.reset([POST_ID, CLOSED_POST_ID]);
  if (wait > 0) await sleep(wait * 1000);
}

/** The article page on the test server (json mode), with these host attributes. */
function jsonPage(attributes) {
  return `${server.url}/wp/article.html?${new URLSearchParams(attributes)}`;
}

/** json-mode attributes: the REST endpoint and a post. */
const restAttributes = (postId = POST_ID, extra = {}) => ({
  'data-reply-endpoint': env.REST_COMMENTS,
  'data-post-id': String(postId),
  ...extra,
});

/** Opens a page in a fresh context, records the reply events, waits for the form. */
async function open(url) {
  rec = await newPage(browser);
  await recordEvents(rec.page, ['byline:reply-sent', 'byline:reply-failed']);
  await rec.page.goto(url);
  await waitForWidget(rec.page, '[data-byline]', 'ready');
  await rec.page.locator(S.form).waitFor();
  return rec.page;
}

/** Reloads and waits for the widget and its form again. */
async function reload(page) {
  await page.reload();
  await waitForWidget(page, '[data-byline]', 'ready');
  await page.locator(S.form).waitFor();
}

/** Types values into the fields. */
async function fill(page, values) {
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined && FIELD_SELECTOR[field]) await page.locator(FIELD_SELECTOR[field]).fill(value);
  }
}

/** Text of a live region, whitespace collapsed, buttons left out ('' when empty). */
function regionNow(page, selector) {
  return page.evaluate((sel) => {
    const region = document.querySelector(sel);
    if (!region) return '';
    const copy = region.cloneNode(true);
    copy.querySelectorAll('button').forEach((b) => b.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** What the reply section says after a send: the status or the alert, whichever comes. */
async function outcome(page, timeout = 20_000) {
  try {
    await page.waitForFunction(
      ([status, alert, summary]) =>
        Boolean(
          document.querySelector(status)?.textContent.trim() ||
            document.querySelector(alert)?.textContent.trim() ||
            document.querySelector(summary),
        ),
      [S.status, S.alert, S.summary],
      { timeout },
    );
  } catch (error) {
    const section = await page.locator(S.section).evaluate((el) => el.outerHTML).catch(() => '(none)');
    throw new Error(`no outcome shown after ${timeout} ms; reply section: ${section.slice(0, 1500)}`, { cause: error });
  }
  return { status: await regionNow(page, S.status), alert: await regionNow(page, S.alert) };
}

/** Fills the form, sends, and returns what the widget says. */
async function send(page, values) {
  await fill(page, values);
  const before = (await recordedEvents(page)).length;
  await page.click(S.submit);
  await eventually(async () => (await recordedEvents(page)).length > before, 'byline:reply-sent or byline:reply-failed', 20_000);
  return outcome(page);
}

/** The last recorded event of a type. */
async function lastEvent(page, type) {
  return (await recordedEvents(page, type)).at(-1);
}

/** Plain text only: no tags, no undecoded entities. */
function assertPlainText(text) {
  assert.doesNotMatch(text, /<\/?[a-z][^>]*>/i, `tags must be stripped: ${text}`);
  assert.doesNotMatch(text, /&(#\d+|#x[0-9a-f]+|[a-z]+);/i, `entities must be decoded: ${text}`);
}

/** Contract section 5: in every failure the reader's text stays in the form. */
async function assertTextKept(page, comment) {
  assert.equal(await page.inputValue(S.comment), comment, 'the reader’s text must still be in the textarea');
}

/** aria-invalid and the aria-describedby error text of one field. */
function fieldState(page, field) {
  return page.locator(FIELD_SELECTOR[field]).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const error = ids
      .map((id) => document.getElementById(id))
      .find((d) => d?.classList.contains('byline-field-error'));
    return {
      invalid: el.getAttribute('aria-invalid'),
      // Without the visually hidden "Error:" prefix (GOV.UK pattern).
      error: error ? error.textContent.replace(/\s+/g, ' ').trim().replace(/^Error:\s*/, '') : null,
    };
  });
}

/** Asserts a field carries the server's message GOV.UK-style (and the summary links to it). */
async function assertFieldError(page, field, pattern) {
  const state = await eventually(async () => {
    const s = await fieldState(page, field);
    return s.invalid === 'true' && s.error ? s : null;
  }, `an error on ${field}`).catch(async () => assert.fail(`${field}: ${JSON.stringify(await fieldState(page, field))}`));
  assert.match(state.error, pattern, `${field}: message`);
  assertPlainText(state.error);
  const id = await page.locator(FIELD_SELECTOR[field]).getAttribute('id');
  const linked = await page.locator(`${S.summary} a[href="#${id}"]`).count();
  assert.equal(linked, 1, `the error summary links to ${field}`);
}

/** Asserts a field is not shown wrong. */
async function assertFieldClean(page, field) {
  const state = await fieldState(page, field);
  assert.notEqual(state.invalid, 'true', `${field}: no aria-invalid (${JSON.stringify(state)})`);
  assert.equal(state.error, null, `${field}: no error message`);
}

/** Asserts nothing unexpected reached the console: no widget errors, no uncaught exceptions. */
function assertQuietConsole(allowedErrors = []) {
  const errors = rec.errors().filter((e) => !allowedErrors.some((re) => re.test(e)));
  assert.deepEqual(errors, [], 'no console.error');
  assert.deepEqual(rec.pageErrors.map(String), [], 'no uncaught exception');
}

/** The one comment now stored for a post (fails unless there is exactly one). */
function onlyComment(postId = POST_ID) {
  const comments = wp.comments(postId);
  assert.equal(comments.length, 1, `exactly one comment stored for post ${postId}: ${JSON.stringify(comments)}`);
  return comments[0];
}

/** `<time datetime>` as the widget writes it from date_gmt: ISO 8601 with Z. */
const isoGmt = (mysqlDate) => `${mysqlDate.replace(' ', 'T')}Z`;

/**
 * The paragraphs of a reply's own text (not its answers'): WordPress's `content.rendered`
 * (always `<p>`-wrapped) rebuilt in `.byline-reply-content`, or plain `.byline-reply-text`
 * paragraphs (docs/dom.md).
 */
const REPLY_PARAGRAPHS = ':scope > .byline-reply-text, :scope > .byline-reply-content > p';

/** Paragraph texts of a thread item (its own, not its answers'). */
function itemTexts(page, selector) {
  return page.locator(selector).evaluate(
    (li, paragraphs) => [...li.querySelectorAll(paragraphs)].map((p) => p.textContent),
    REPLY_PARAGRAPHS,
  );
}

// ---------------------------------------------------------------------------------------------

describe('against a real WordPress', { skip: SKIP }, () => {
  before(async () => {
    assertDistBuilt();
    server = await startServer();
    // The publisher's article page: host attributes from the query string.
    server.setRoute('GET', '/wp/article.html', (req) => ({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: articlePage({
        attributes: Object.fromEntries(new URL(req.url, server.url).searchParams),
        script: '/dist/byline.js',
      }),
    }));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(resetWordPress);

  afterEach(async () => {
    await rec?.close();
    rec = undefined;
  });

  // -------------------------------------------------------------------------------------------
  describe('json mode: POST /wp/v2/comments, cross-origin', () => {
    test('a reply lands with the right post, author, email, website and text, held; the widget says awaiting moderation', async () => {
      const page = await open(jsonPage(restAttributes()));
      const values = reader('lands');
      const said = await send(page, values);
      assert.match(said.status, /awaiting moderation/i, `status: ${JSON.stringify(said)}`);
      assert.equal(said.alert, '');

      const c = onlyComment();
      assert.equal(Number(c.comment_post_ID), POST_ID, 'post');
      assert.equal(c.comment_author, kses(values.name), 'author');
      assert.equal(c.comment_author_email, values.email, 'email');
      assert.equal(c.comment_author_url, kses(values.website), 'website');
      assert.equal(c.comment_content, kses(values.comment), 'text (WordPress encodes & and <)');
      assert.equal(c.comment_approved, '0', 'held for moderation');
      assert.equal(c.comment_parent, '0', 'top-level');
      assert.equal(c.comment_author_IP, '127.0.0.1');

      const sent = await lastEvent(page, 'byline:reply-sent');
      assert.equal(sent?.detail?.status, 'hold', `byline:reply-sent: ${JSON.stringify(sent)}`);
      assert.equal((await recordedEvents(page, 'byline:reply-failed')).length, 0, 'no byline:reply-failed');
      assert.equal(await page.inputValue(S.comment), '', 'the sent draft is cleared');
      assertQuietConsole();
    });

    test('an author WordPress approved before is published at once: the widget says published; listed after a reload', async () => {
      // comment_previously_approved: WordPress compares the raw name with the stored (kses-encoded)
      // one, so the name has no "&". Dated 10 minutes ago: outside the 15 s flood window that the
      // same email would open.
      const values = reader('approved-author', { name: 'Morwenna Trist' });
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      const [earlier] = wp.insertComments([
        {
          comment_post_ID: POST_ID,
          comment_author: values.name,
          comment_author_email: values.email,
          comment_content: 'An earlier, approved reply.',
          comment_approved: 1,
          comment_date_gmt: tenMinutesAgo,
        },
      ]);
      const page = await open(jsonPage(restAttributes()));
      const said = await send(page, values);
      assert.match(said.status, /published/i, `status: ${JSON.stringify(said)}`);
      assert.equal((await lastEvent(page, 'byline:reply-sent'))?.detail?.status, 'approved');
      const stored = wp.comments(POST_ID).find((c) => Number(c.comment_ID) !== earlier);
      assert.equal(stored?.comment_approved, '1', 'WordPress approved it');

      await reload(page);
      const item = page.locator(`${S.threadItems}[id$="-comment-${stored.comment_ID}"]`);
      await item.waitFor({ timeout: 10_000 });
      assert.equal(await page.locator(S.threadPending).count(), 0, 'not marked as awaiting moderation');
      assertQuietConsole();
    });

    test('the same text again: WordPress’s duplicate message, plain text, entity decoded; text kept', async () => {
      const page = await open(jsonPage(restAttributes()));
      const values = reader('duplicate', { comment: plainComment('duplicate'), name: 'Morwenna Trist' });
      assert.match((await send(page, values)).status, /awaiting moderation/i);
      const said = await send(page, { comment: values.comment });
      assert.equal(said.alert, 'Duplicate comment detected; it looks as though you’ve already said that!');
      assertPlainText(said.alert);
      assert.equal((await lastEvent(page, 'byline:reply-failed'))?.detail?.kind, 'server');
      await assertTextKept(page, values.comment);
      onlyComment();
      assertQuietConsole();
    });

    test('a second reply within 15 s: the flood message; text kept', async () => {
      const page = await open(jsonPage(restAttributes()));
      assert.match((await send(page, reader('flood-first'))).status, /awaiting moderation/i);
      const second = reader('flood-second').comment;
      const said = await send(page, { comment: second });
      assert.equal(said.alert, 'You are posting comments too quickly. Slow down.');
      await assertTextKept(page, second);
      onlyComment();
      assertQuietConsole();
    });

    test('the closed post: “comments are closed”; text kept, nothing stored', async () => {
      const page = await open(jsonPage(restAttributes(CLOSED_POST_ID)));
      const values = reader('closed');
      const said = await send(page, values);
      assert.equal(said.alert, 'Sorry, comments are closed for this item.');
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(CLOSED_POST_ID).length, 0);
      assertQuietConsole();
    });

    test('an unknown post id: its message and a console.error for the publisher; text kept', async () => {
      const page = await open(jsonPage(restAttributes(UNKNOWN_POST_ID)));
      const values = reader('unknown-post');
      const said = await send(page, values);
      assert.equal(said.alert, 'Sorry, you are not allowed to create this comment without a post.');
      await assertTextKept(page, values.comment);
      const error = await eventually(
        () => rec.errors().find((e) => e.includes(String(UNKNOWN_POST_ID))),
        'a console.error naming the post id',
      );
      assert.match(error, /data-post-id/, `the console.error says what to fix: ${error}`);
      assertQuietConsole([/999999/]);
    });

    test('an invalid email the widget accepts (relaxed configuration): rest_invalid_param on Email; text kept', async () => {
      // A non-ASCII local part: plausible to the widget (one @, dotted domain, no spaces),
      // refused by WordPress's is_email (its local part allows ASCII only). (An internationalised
      // domain is no such case: Chromium's email input turns it into punycode, which WordPress takes.)
      const page = await open(jsonPage(restAttributes(POST_ID, { 'data-require-name-email': 'false' })));
      const values = reader('bad-email', { email: BAD_EMAIL });
      const said = await send(page, values);
      assert.equal(said.status, '');
      await assertFieldError(page, 'email', /^Invalid email address\.$/);
      for (const field of ['comment', 'name', 'website']) await assertFieldClean(page, field);
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(POST_ID).length, 0, 'nothing stored');
      assert.equal((await lastEvent(page, 'byline:reply-failed'))?.detail?.kind, 'server');
      assertQuietConsole();
    });

    test('no name and email (relaxed widget, WordPress requires them): rest_comment_author_data_required on Name and Email', async () => {
      const page = await open(jsonPage(restAttributes(POST_ID, { 'data-require-name-email': 'false' })));
      const values = reader('no-name', { name: '', email: '', website: '' });
      await send(page, values);
      await assertFieldError(page, 'name', /requires valid author name and email/);
      await assertFieldError(page, 'email', /requires valid author name and email/);
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(POST_ID).length, 0, 'nothing stored');
      assertQuietConsole();
    });

    test('a comment WordPress sees as empty (only U+0000, not blank to the widget): rest_comment_content_invalid on Comment', async () => {
      const page = await open(jsonPage(restAttributes()));
      const values = reader('nul', { comment: '\u0000' });
      await send(page, values);
      await assertFieldError(page, 'comment', /^Invalid comment content\.$/);
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(POST_ID).length, 0, 'nothing stored');
      assertQuietConsole();
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('the approved thread (section 5b) from GET /wp/v2/comments', () => {
    test('the reader’s held reply shows in place, marked, across reloads; approved via WP_EVAL it shows with author, date and text', async () => {
      const page = await open(jsonPage(restAttributes()));
      await page.locator(S.thread).waitFor();
      assert.equal((await page.textContent(S.threadHeading)).trim(), 'No replies');

      const values = reader('held-then-approved', { website: 'https://morwenna.example/' });
      assert.match((await send(page, values)).status, /awaiting moderation/i);
      const id = Number(onlyComment().comment_ID);

      const checkPending = async (when) => {
        const pending = page.locator(S.threadPending);
        await pending.first().waitFor({ timeout: 10_000 }).catch(() => {});
        assert.equal(await pending.count(), 1, `${when}: the held reply is shown once, in the thread`);
        const text = (await pending.textContent()).replace(/\s+/g, ' ');
        assert.match(text, /Awaiting moderation/, `${when}: marked`);
        assert.ok(text.includes(values.name), `${when}: author (${text})`);
        assert.ok(text.includes('Six weeks sounds optimistic. Ça ira.'), `${when}: text (${text})`);
        assert.equal(await page.locator(S.threadItems).count(), 0, `${when}: nothing approved yet`);
      };
      await checkPending('after sending');
      await reload(page);
      await page.locator(S.thread).waitFor();
      await checkPending('after a reload');
      await reload(page);
      await page.locator(S.thread).waitFor();
      await checkPending('after a second reload');

      wp.approve(id);
      const stored = wp.comment(id);
      assert.equal(stored.comment_approved, '1');
      await reload(page);
      const item = page.locator(`${S.threadItems}[id$="-comment-${id}"]`);
      await item.waitFor({ timeout: 10_000 });
      assert.equal((await page.textContent(S.threadHeading)).trim(), '1 reply');
      assert.equal(await page.locator(S.threadPending).count(), 0, 'no longer marked as awaiting moderation');
      assert.equal(await item.locator('.byline-reply-author').textContent(), values.name, 'author, entities decoded');
      assert.equal(await item.locator('time').getAttribute('datetime'), isoGmt(stored.comment_date_gmt), 'date');
      assert.match(await item.locator('time').textContent(), /\d/, 'a readable date');
      assert.deepEqual(await itemTexts(page, `${S.threadItems}[id$="-comment-${id}"]`), values.comment.split('\n\n'), 'text, as plain paragraphs');
      assert.equal(await item.locator('.byline-reply-text *, .byline-reply-content :not(p)').count(), 0, 'the reader’s text as text: nothing but its paragraphs');
      assert.equal(await item.locator('a.byline-reply-author').getAttribute('href'), values.website, 'author links to the website');
      assert.equal(
        await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('byline:pending:')).length),
        0,
        'the pending reply is forgotten once listed',
      );
      assertQuietConsole();
    });

    test('the author’s website link goes where the reader typed it (WordPress returns author_url entity-encoded)', async () => {
      const website = 'https://morwenna.example/notes?from=courier&lang=en';
      const [id] = wp.insertComments([
        {
          comment_post_ID: POST_ID,
          comment_author: 'Morwenna Trist',
          comment_author_email: 'morwenna@example.org',
          // As the form stored it: WordPress's kses filters encode the "&".
          comment_author_url: kses(website),
          comment_content: 'Link test.',
          comment_approved: 1,
        },
      ]);
      const page = await open(jsonPage(restAttributes()));
      const link = page.locator(`${S.threadItems}[id$="-comment-${id}"] a.byline-reply-author`);
      await link.waitFor({ timeout: 10_000 });
      assert.equal(await link.getAttribute('href'), website);
    });

    test('Reply on an approved reply: “Replying to”, cancellable; the answer stores comment_parent and nests once approved', async () => {
      const [parentId] = wp.insertComments([
        {
          comment_post_ID: POST_ID,
          comment_author: 'Jory Pascoe',
          comment_author_email: 'jory@example.org',
          comment_content: 'The south pontoon has no power hook-ups.',
          comment_approved: 0,
        },
      ]);
      wp.approve(parentId);
      const page = await open(jsonPage(restAttributes()));
      const parentSel = `${S.threadItems}[id$="-comment-${parentId}"]`;
      await page.locator(parentSel).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator(`${parentSel} > .byline-reply-meta .byline-reply-author`).textContent(), 'Jory Pascoe');
      const replyButton = page.locator(`${parentSel} > button.byline-reply-button`);

      await replyButton.click();
      await page.locator(S.replyingTo).waitFor();
      assert.match(await page.textContent(S.replyingTo), /Replying to Jory Pascoe/);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'comment', 'the comment field takes focus');
      await page.locator(`${S.replyingTo} button`).click();
      assert.equal(await page.locator(S.replyingTo).count(), 0, 'cancelled');

      await replyButton.click();
      await page.locator(S.replyingTo).waitFor();
      const values = reader('answer');
      assert.match((await send(page, values)).status, /awaiting moderation/i);
      const answer = wp.comments(POST_ID).find((c) => Number(c.comment_ID) !== parentId);
      assert.ok(answer, 'the answer landed');
      assert.equal(Number(answer.comment_parent), parentId, 'comment_parent is the answered reply’s id');
      assert.equal(answer.comment_content, kses(values.comment));

      const nestedPending = page.locator(`${parentSel} .byline-thread-answers .byline-pending`);
      await nestedPending.waitFor({ timeout: 10_000 });
      assert.match(await nestedPending.textContent(), /Awaiting moderation/);

      wp.approve(Number(answer.comment_ID));
      await reload(page);
      const nested = page.locator(`${parentSel} .byline-thread-answers [id$="-comment-${answer.comment_ID}"]`);
      await nested.waitFor({ timeout: 10_000 });
      assert.equal(await nested.locator('.byline-reply-author').textContent(), values.name);
      assert.equal(await page.locator(S.threadItems).count(), 1, 'one top-level reply; the answer nests under it');
      assert.equal((await page.textContent(S.threadHeading)).trim(), '2 replies');
      assertQuietConsole();
    });

    test('55 approved replies: 50 shown, “Show more replies” loads the other 5 (X-WP-TotalPages)', async () => {
      const start = Date.UTC(2025, 1, 3, 8, 0, 0);
      const mysql = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
      wp.insertComments(
        Array.from({ length: 55 }, (_, i) => ({
          comment_post_ID: POST_ID,
          comment_author: `Reader ${i + 1}`,
          comment_author_email: `reader${i + 1}@example.org`,
          comment_content: `Paging reply ${i + 1}.`,
          comment_approved: 1,
          comment_date_gmt: mysql(start + i * 60_000),
        })),
      );
      const page = await open(jsonPage(restAttributes()));
      await page.locator(S.thread).waitFor();
      await eventually(async () => (await page.locator(S.threadItems).count()) === 50, '50 replies on the first page');
      assert.equal((await page.textContent(S.threadHeading)).trim(), '55 replies', 'the count is X-WP-Total');
      assert.equal(await page.locator(S.moreReplies).count(), 1, '“Show more replies”');

      await page.click(S.moreReplies);
      await eventually(async () => (await page.locator(S.threadItems).count()) === 55, 'all 55 replies');
      const texts = await page
        .locator(S.threadItems)
        .evaluateAll((items, paragraphs) => items.flatMap((li) => [...li.querySelectorAll(paragraphs)].map((p) => p.textContent)), REPLY_PARAGRAPHS);
      assert.deepEqual(texts, Array.from({ length: 55 }, (_, i) => `Paging reply ${i + 1}.`), 'in order, each once');
      assert.equal(await page.locator(S.moreReplies).count(), 0, 'no more pages');
      assertQuietConsole();
    });

    test('a thread WordPress refuses (400) hides itself with one console.warn; article and form stay', async () => {
      const src = `${env.REST_COMMENTS}?post=not-a-number`;
      const page = await open(jsonPage(restAttributes(POST_ID, { 'data-replies-src': src })));
      const warning = await eventually(() => rec.warnings().find((w) => w.includes('not-a-number')), 'a console.warn');
      assert.match(warning, /400/);
      await sleep(300);
      assert.equal(rec.warnings().length, 1, `one warning: ${JSON.stringify(rec.warnings())}`);
      assert.equal(await page.locator(S.thread).count(), 0, 'no thread');
      assert.equal(await page.locator('.byline h1').count(), 1, 'the article stays');
      assert.equal(await page.locator(S.form).count(), 1, 'the form stays');
      assertQuietConsole();
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('form mode: wp-comments-post.php through a same-origin proxy', () => {
    let proxy;

    before(async () => {
      proxy = await startWordPressProxy({ upstream: env.BASE_URL });
      proxy.setPage('/article.html', (url) => articlePage({ attributes: Object.fromEntries(url.searchParams) }));
    });
    after(async () => {
      await proxy?.close();
    });
    beforeEach(() => proxy.clearRequests());

    /** The article page on the proxy, in form mode. */
    const formPage = (postId = POST_ID, extra = {}) =>
      `${proxy.url}/article.html?${new URLSearchParams({
        'data-reply-endpoint': '/wp-comments-post.php',
        'data-reply-format': 'form',
        'data-post-id': String(postId),
        ...extra,
      })}`;

    /** The POSTs that reached wp-comments-post.php, with WordPress's status. */
    const classicPosts = () => proxy.requestsTo('/wp-comments-post.php', 'POST');

    test('success: the 302 lands the comment with every field; awaiting moderation', async () => {
      const page = await open(formPage());
      const values = reader('form-ok');
      const said = await send(page, values);
      assert.match(said.status, /awaiting moderation/i, `status: ${JSON.stringify(said)}`);

      const [post] = classicPosts();
      assert.equal(post.headers.accept, 'application/json', 'Accept: application/json');
      assert.match(post.headers['content-type'], /^application\/x-www-form-urlencoded/);
      assert.equal(post.status, 302, 'WordPress answered with the redirect');
      assert.match(post.location, /[?&]unapproved=\d+/, `to the post, held: ${post.location}`);

      const c = onlyComment();
      assert.equal(Number(c.comment_post_ID), POST_ID);
      assert.equal(c.comment_author, kses(values.name));
      assert.equal(c.comment_author_email, values.email);
      assert.equal(c.comment_author_url, kses(values.website));
      assert.equal(c.comment_content, kses(values.comment));
      assert.equal(c.comment_approved, '0');
      // The widget does not follow the 302 (it would fail when WordPress redirects to
      // another origin), so it cannot read `unapproved=` from it: sent, state unknown.
      assert.equal((await lastEvent(page, 'byline:reply-sent'))?.detail?.status, 'sent');
      assert.equal(await page.inputValue(S.comment), '', 'the sent draft is cleared');
      assertQuietConsole();
    });

    test('“Please fill the required fields” (relaxed widget, WordPress requires them) → Name and Email', async () => {
      const page = await open(formPage(POST_ID, { 'data-require-name-email': 'false' }));
      const values = reader('form-required', { name: '', email: '', website: '' });
      await send(page, values);
      await assertFieldError(page, 'name', /^Please fill the required fields\.$/);
      await assertFieldError(page, 'email', /^Please fill the required fields\.$/);
      await assertFieldClean(page, 'comment');
      await assertTextKept(page, values.comment);
      assert.equal(classicPosts()[0]?.status, 200, 'wp_die with HTTP 200');
      assert.equal(wp.comments(POST_ID).length, 0);
      assertQuietConsole();
    });

    test('“Please enter a valid email address” (an address the widget accepts) → Email', async () => {
      const page = await open(formPage());
      const values = reader('form-email', { email: BAD_EMAIL });
      await send(page, values);
      await assertFieldError(page, 'email', /^Please enter a valid email address\.$/);
      await assertFieldClean(page, 'name');
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(POST_ID).length, 0);
      assertQuietConsole();
    });

    test('“Please type your comment text” (a comment of only U+0000: not blank to the widget, empty to PHP’s trim) → Comment', async () => {
      const page = await open(formPage());
      const values = reader('form-empty', { comment: '\u0000' });
      await send(page, values);
      await assertFieldError(page, 'comment', /^Please type your comment text\.$/);
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(POST_ID).length, 0);
      assertQuietConsole();
    });

    test('409: the same text again gets WordPress’s duplicate message, decoded; text kept', async () => {
      const page = await open(formPage());
      const values = reader('form-duplicate');
      assert.match((await send(page, values)).status, /awaiting moderation/i);
      const said = await send(page, { comment: values.comment });
      assert.equal(said.alert, 'Duplicate comment detected; it looks as though you’ve already said that!');
      assertPlainText(said.alert);
      assert.equal(classicPosts()[1]?.status, 409);
      await assertTextKept(page, values.comment);
      onlyComment();
      assertQuietConsole();
    });

    test('429: a second reply within 15 s gets the flood message; text kept', async () => {
      const page = await open(formPage());
      assert.match((await send(page, reader('form-flood-first'))).status, /awaiting moderation/i);
      const second = reader('form-flood-second').comment;
      const said = await send(page, { comment: second });
      assert.equal(said.alert, 'You are posting comments too quickly. Slow down.');
      assert.equal(classicPosts()[1]?.status, 429);
      await assertTextKept(page, second);
      onlyComment();
      assertQuietConsole();
    });

    test('403: the closed post gets its message; text kept', async () => {
      const page = await open(formPage(CLOSED_POST_ID));
      const values = reader('form-closed');
      const said = await send(page, values);
      assert.equal(said.alert, 'Sorry, comments are closed for this item.');
      assert.equal(classicPosts()[0]?.status, 403);
      await assertTextKept(page, values.comment);
      assert.equal(wp.comments(CLOSED_POST_ID).length, 0);
      assertQuietConsole();
    });

    test(
      'an unknown post id: WordPress answers 200 with an empty body, which is no success; text kept',
      {
        todo:
          'contract gap: wp-comments-post.php answers an unknown post id (also a draft, trashed or password-protected ' +
          'post) with HTTP 200 and an empty body, no redirect; CONTRACT §5 counts "any 2xx that is not an error ' +
          'object" as success, so the widget says "awaiting moderation", clears the draft and keeps a pending ' +
          'reply that will never be listed. From real WordPress, success is always the 302.',
      },
      async () => {
        const page = await open(formPage(UNKNOWN_POST_ID));
        const values = reader('form-unknown-post');
        const said = await send(page, values);
        assert.equal(classicPosts()[0]?.status, 200);
        assert.doesNotMatch(said.status, /awaiting moderation|published/i, `said: ${JSON.stringify(said)}`);
        assert.notEqual(said.alert, '', 'a message');
        await assertTextKept(page, values.comment);
        assert.ok(rec.errors().some((e) => e.includes(String(UNKNOWN_POST_ID))), 'a console.error naming the post id');
      },
    );

    test(
      'a 302 to WordPress’s home on another origin is still a success (the widget does not follow it)',
      async () => {
        const crossProxy = await startWordPressProxy({ upstream: env.BASE_URL, rewriteLocation: false });
        crossProxy.setPage('/article.html', (url) => articlePage({ attributes: Object.fromEntries(url.searchParams) }));
        try {
          const page = await open(
            `${crossProxy.url}/article.html?${new URLSearchParams({
              'data-reply-endpoint': '/wp-comments-post.php',
              'data-reply-format': 'form',
              'data-post-id': String(POST_ID),
            })}`,
          );
          const said = await send(page, reader('form-cross-origin-redirect'));
          onlyComment();
          assert.equal(said.alert, '', `no failure shown for a stored comment: ${JSON.stringify(said)}`);
          assert.notEqual(said.status, '');
        } finally {
          await crossProxy.close();
        }
      },
    );
  });
});

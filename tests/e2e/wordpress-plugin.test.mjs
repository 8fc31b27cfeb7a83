// End-to-end: the WordPress plugin (CONTRACT 10, issue 15) in a REAL WordPress 6.1
// (../shared/wordpress next to the repository), in a classic theme (Twenty Twenty-One) and a
// block theme (Twenty Twenty-Three), in Chromium.
//
// WordPress is brought into the plugin's state with up.sh's knobs: WP_ANON_REST=0 (no
// site-wide permission for anonymous REST comments: the plugin grants it per post),
// WP_DEBUG_LOG=1 (every PHP notice goes to /tmp/wp/debug.log) and WP_THEME. The `after` hook
// runs up.sh again with default knobs (and the theme it found), which tests/e2e/wordpress.test.mjs
// needs. The plugin is built by scripts/wordpress-plugin (scripts/test runs it after the release
// build; this file runs it too when the zip is older than dist/), installed from byline.zip with
// Plugin_Upgrader (what Plugins > Add New > Upload runs) and activated with activate_plugin().
// Test posts, an image, a category and a reader account are made with $WP_EVAL and removed
// afterwards (all marked with the meta key _byline_e2e).
//
// For each theme, in order: without the plugin anonymous REST comments are refused; install and
// activate; a single post (one h1, the article from the post, related stories, the reply area;
// the theme's title, featured image and comment area gone; byline.js a module next to WordPress's
// inline scripts); a reply through REST (held, then approved and in the thread); with scripts off,
// the post as WordPress renders it inside the host, and WordPress's own form sends; comments
// closed; a logged-in reader; the theme's date, author and categories gone (tags stay, one h1);
// once, in the first theme, the reply path (issue 25): the flood check whatever date a reply
// names, the server's time and agent, a parent that is held or another post's, the honeypot
// (REST, form, widget), the form's hooks and the moderator's mail as a must-use plugin sees
// them, drafts, private and scheduled posts, a refused nonce renewed, no nonce to another
// origin; a post filtered off and REST refusals; axe in light and dark;
// archives, pages, feeds, the front page and the admin unchanged; bad input; and deactivation
// giving the theme back byte for byte.
//
// Run: trunk build --release && node --test tests/e2e/wordpress-plugin.test.mjs (as root)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { assertDistBuilt } from './support/server.mjs';
import { formatViolations, launch, newPage, recordShifts, runAxe, waitForWidget } from './support/browser.mjs';
import { WP_WORK } from './support/wordpress.mjs';
import {
  PLUGIN_DIR,
  UP_SH,
  WP_CONTENT,
  backdateComments,
  createTestContent,
  deactivate,
  debugLogSince,
  distinctPostDates,
  debugLogSize,
  ensurePluginBuilt,
  get,
  holdWordPress,
  installAndActivate,
  isActive,
  listFiles,
  listedPosts,
  logIn,
  normaliseHtml,
  php,
  png,
  removeMuPlugin,
  removeTestContent,
  skipReason,
  uninstall,
  upSh,
  writeMuPlugin,
} from './support/wordpress-plugin.mjs';

const SKIP = skipReason();
if (SKIP) process.stderr.write(`wordpress-plugin.test.mjs skipped: ${SKIP}\n`);

const THEMES = ['twentytwentyone', 'twentytwentythree'];
const PLUGIN_KNOBS = { WP_ANON_REST: '0', WP_DEBUG_LOG: '1' };
const RUN = Date.now().toString(36);

const TITLE = 'Harbour wall repairs begin on Monday';
const EXCERPT = 'Work on the storm-damaged wall should take six weeks.';
const CAPTION = 'The north quay at low tide.';
const READER = { login: `byline-reader-${RUN}`, password: `pw-${RUN}-Quay!`, email: `reader.${RUN}@example.org`, name: 'Morwenna Trist' };
const SECRET = `SECRET-${RUN}`;
/** The main post's tag: Byline does not show tags, so the theme's tag list stays. */
const TAG = 'Harbour works';
/** The author's biography for the run. */
const BIO = 'Ines edits the Porthaven Courier.';

/** The main post's content, as the block editor writes it: core blocks (CONTRACT 10: the body is the rendered content). */
const NOTICE = 'https://harbour.example/notice';
const EMBED = 'https://video.example.invalid/harbour-timelapse';
const MAIN_CONTENT = [
  '<!-- wp:paragraph --><p>Contractors will close the north quay from Monday while the harbour wall is rebuilt.</p><!-- /wp:paragraph -->',
  '<!-- wp:heading --><h2>What changes for boats</h2><!-- /wp:heading -->',
  '<!-- wp:paragraph --><p>Fishing boats will moor at the <strong>south pontoon</strong> &amp; the slipway stays open.</p><!-- /wp:paragraph -->',
  '<!-- wp:list --><ul><li>Quay closed: six weeks</li><li>Pontoon: open</li></ul><!-- /wp:list -->',
  '<!-- wp:quote --><blockquote class="wp-block-quote"><p>“It is overdue.”</p></blockquote><!-- /wp:quote -->',
  `<!-- wp:paragraph --><p>Read the <a href="${NOTICE}">harbour notice</a> for <em>every</em> detail.</p><!-- /wp:paragraph -->`,
  '<!-- wp:image --><figure class="wp-block-image size-full"><img src="/wp-includes/images/w-logo-blue.png" alt="The harbour authority’s logo" width="80" height="80"/><figcaption class="wp-element-caption">The authority’s notice board.</figcaption></figure><!-- /wp:image -->',
  '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Berth</th><th>Status</th></tr></thead><tbody><tr><td>North quay</td><td>Closed</td></tr></tbody></table></figure><!-- /wp:table -->',
  // An embed as WordPress prints one it could not resolve (the URL in its wrapper); on one line,
  // so WordPress's auto-embed leaves it alone.
  `<!-- wp:html --><figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">${EMBED}</div><figcaption class="wp-element-caption">A timelapse of the works.</figcaption></figure><!-- /wp:html -->`,
].join('\n\n');
const MAIN_BODY = [
  'Contractors will close the north quay from Monday while the harbour wall is rebuilt.',
  'What changes for boats',
  'Fishing boats will moor at the south pontoon & the slipway stays open.',
  'Quay closed: six weeks',
  'Pontoon: open',
  '“It is overdue.”',
  'Read the harbour notice for every detail.',
  'The authority’s notice board.',
  'Berth',
  'Status',
  'North quay',
  'Closed',
  EMBED,
  'A timelapse of the works.',
].join('\n\n');

const MARKUP_TITLE = 'Quay <em>reopens</em> &amp; "boats" <b>return</b><script>window.bylineE2eTitleScript = 1;</script>';
/** What WordPress's the_title filters (wptexturize) make of MARKUP_TITLE's text. */
const MARKUP_HEADLINE = 'Quay reopens & “boats” return';

/** Every post the suite makes. */
const POSTS = {
  main: { title: TITLE, content: MAIN_CONTENT, excerpt: EXCERPT, category: 'news', tags: [TAG], image: true },
  related: { title: 'Ferry timetable changes for the winter', content: '<p>The ferry runs hourly from November.</p>', category: 'news' },
  closed: { title: 'Council meeting minutes published', content: '<p>The minutes are online.</p>', comments: 'closed' },
  off: { title: 'A post the byline_enabled filter turns off', content: '<p>Shown by the theme alone.</p>' },
  page: { title: 'About the Courier', content: '<p>A page, which Byline leaves alone.</p>', type: 'page' },
  emptyTitle: { title: '', content: '<p>A post without a title.</p>' },
  noContent: { title: 'A post with no content', content: '' },
  long: {
    title: 'A very long post',
    repeat: ['<!-- wp:paragraph --><p>The harbour authority published every tide table since 1850 in this one post, line by line.</p><!-- /wp:paragraph -->\n\n', 1700],
  },
  shortcodes: {
    title: 'A post with shortcodes',
    content:
      '<p>Before the shortcodes.</p>\n\n' +
      '[caption id="" align="alignnone" width="300"]<img src="/wp-includes/images/blank.gif" alt="The quay" width="300" height="200" /> The quay at dawn[/caption]\n\n' +
      '<p>Escaped: [[gallery]] and unknown: [bylinee2e_unknown foo="bar"]</p>',
  },
  scripts: {
    title: 'A post with a script and an iframe',
    content:
      '<p>Before the script.</p>\n' +
      '<script>window.bylineE2eContentScript = (window.bylineE2eContentScript || 0) + 1;</script>\n' +
      '<iframe src="https://example.invalid/embed" title="An embedded map" width="300" height="150"></iframe>\n' +
      '<p>Text that looks like markup: &lt;/script&gt;&lt;script&gt;window.bylineE2ePwned = 1&lt;/script&gt; &lt;!-- ends here</p>',
  },
  markupTitle: { title: MARKUP_TITLE, content: '<p>A title with markup.</p>' },
  password: { title: 'A protected post', content: `<p>${SECRET} content.</p>`, excerpt: `${SECRET} excerpt.`, password: 'harbour' },
  private: { title: 'A private post', content: `<p>${SECRET} private.</p>`, status: 'private' },
  draft: { title: 'A draft post', content: '<p>Not published yet.</p>', status: 'draft' },
  scheduled: { title: 'A scheduled post', content: '<p>Published in 2031.</p>', status: 'future', date: '2031-01-01 09:00:00' },
};

let wp;
let env;
/** Releases holdWordPress()'s mark. */
let releaseWordPress;
let site;
let browser;
let originalTheme;
/** The admin's biography before the run (restored after it). */
let originalBio;
let admin;
/** The featured image's PNG, written for the run. */
let imageFile;
/** The recorded page of the running test (closed by each test). */
let rec;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chromium's note about the test server's wasm type (php -S sends application/octet-stream). */
const isWasmTypeNote = (text) => /application\/wasm/.test(text);

/** Opens a post in a fresh context and waits for the widget to be ready. */
async function openPost(url, opts = {}) {
  rec = await newPage(browser, opts);
  await rec.page.goto(url);
  await waitForWidget(rec.page, '[data-byline]', 'ready');
  return rec.page;
}

async function closePage() {
  await rec?.close();
  rec = undefined;
}

/** No console errors, no uncaught exceptions, no warnings but the wasm type note. */
function assertQuietConsole() {
  assert.deepEqual(rec.errors(), [], 'no console.error');
  assert.deepEqual(rec.pageErrors.map(String), [], 'no uncaught exception');
  assert.deepEqual(rec.warnings().filter((w) => !isWasmTypeNote(w)), [], 'no console.warn');
}

/** The post's article data block, parsed, from a page. */
function articleData(page, id) {
  return page.evaluate((id) => {
    const block = document.getElementById(`byline-article-${id}`);
    return block ? { type: block.type, data: JSON.parse(block.textContent) } : null;
  }, id);
}

/** The article data block parsed from raw HTML (proves nothing inside it ended the element). */
function articleFromHtml(html, id) {
  const start = html.indexOf(`<script type="application/json" id="byline-article-${id}">`);
  if (start < 0) return null;
  const from = html.indexOf('>', start) + 1;
  return JSON.parse(html.slice(from, html.indexOf('</script>', from)));
}

/** Every h1 of the page: its text and whether it is Byline's headline. */
function headings(page) {
  return page.$$eval('h1', (list) =>
    list.map((h) => ({ text: h.textContent.replace(/\s+/g, ' ').trim(), byline: h.classList.contains('byline-headline') })),
  );
}

/** Waits until WordPress's 15 s flood window (same address) is over for the suite's posts. */
async function clearFloodWindow(postIds) {
  backdateComments(wp, postIds);
  const wait = wp.floodWait();
  if (wait > 0) await sleep(wait * 1000);
}

/**
 * Asserts two pages are the same HTML once normalised (normaliseHtml); on a difference, shows
 * where, with some context, rather than two 30 KB strings.
 */
function assertSameHtml(actual, expected, what) {
  const a = normaliseHtml(actual);
  const b = normaliseHtml(expected);
  if (a === b) return;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, i - 200), i + 300));
  const [now, before] = [listedPosts(a), listedPosts(b)];
  const moved = before.length === now.length && before.join() !== now.join() && [...before].sort().join() === [...now].sort().join()
    ? `; the same posts in another order: ${before.map((postId, k) => (now[k] === postId ? null : `post ${postId} was at position ${k + 1}, now ${now.indexOf(postId) + 1}`)).filter(Boolean).join(', ')}`
    : '';
  assert.fail(`${what}: differs at character ${i} (lengths ${a.length} and ${b.length})${moved}\nnow:    ${around(a)}\nbefore: ${around(b)}`);
}

/**
 * PHP notices, warnings and errors in the debug log since a mark. WordPress's own update check
 * (wp-includes/update.php, run by admin screens and plugin activation) cannot reach
 * WordPress.org from this loopback-only machine and says so with a notice: not the plugin's.
 */
function phpProblemsSince(mark) {
  return debugLogSince(mark).filter(
    (line) => /PHP (Warning|Notice|Fatal|Parse|Deprecated|Strict)|plugins\/byline\//i.test(line) && !/wp-includes\/update\.php on line \d+$/.test(line),
  );
}

/** POST /wp/v2/comments as a reader who is not logged in. */
async function anonymousRestComment(postId, content = `A reply ${RUN}`) {
  const response = await fetch(env.REST_COMMENTS, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ post: postId, content, author_name: 'Ann Onymous', author_email: `ann.${RUN}@example.org` }),
  });
  return { status: response.status, body: await response.json() };
}

/** The REST comments endpoint under another origin of the same WordPress (localhost). */
function otherOriginEndpoint() {
  return env.REST_COMMENTS.replace('//127.0.0.1:', '//localhost:');
}

/** POST /wp/v2/comments as a reader who is not logged in, with any fields and headers. */
async function restPost(fields, headers = {}) {
  const response = await fetch(env.REST_COMMENTS, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(fields),
  });
  return { status: response.status, body: await response.json() };
}

/** POST wp-comments-post.php (the classic form) as a reader who is not logged in. */
async function formPost(fields) {
  const response = await fetch(env.FORM_ACTION, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

/** WordPress's clock, as Unix seconds. */
const serverNow = () => Number(wp.eval('echo time();').trim());

/** A stored comment's GMT date as Unix seconds. */
const storedAt = (comment) => Date.parse(`${comment.comment_date_gmt.replace(' ', 'T')}Z`) / 1000;

/** Text of the widget's reply status region, whitespace collapsed. */
function replyStatus(page) {
  return page.$eval('.byline-reply', (section) => section.textContent.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------------------------

describe('the WordPress plugin in a real WordPress', { skip: SKIP ?? false }, () => {
  before(async () => {
    assertDistBuilt();
    ensurePluginBuilt();
    releaseWordPress = holdWordPress();
    wp = upSh(PLUGIN_KNOBS);
    env = wp.env;
    originalTheme = wp.eval('echo get_stylesheet();').trim();
    // The author's biography, which Twenty Twenty-One prints in an author box under a post.
    originalBio = wp.evalJson("echo json_encode(get_user_meta(1, 'description', true));");
    wp.eval(`update_user_meta(1, 'description', ${php(BIO)});`);
    // Leftovers of an interrupted run.
    uninstall(wp);
    removeMuPlugin();
    removeTestContent(wp);

    imageFile = path.join(WP_WORK, `byline-e2e-${RUN}.png`);
    writeFileSync(imageFile, png(1200, 675, [46, 92, 138]));
    site = createTestContent(wp, { run: RUN, posts: POSTS, image: { file: imageFile, caption: CAPTION }, user: READER });
    distinctPostDates(wp);

    // The developer's filter turning Byline off for one post, and inline scripts around byline.js
    // (which the module tag must keep).
    writeMuPlugin(`<?php
/* Plugin Name: Byline e2e (test only, removed after the test) */
add_filter( 'byline_enabled', function ( $enabled, $post ) { return ${site.ids.off} === (int) $post->ID ? false : $enabled; }, 10, 2 );
add_action( 'wp_enqueue_scripts', function () {
	if ( wp_script_is( 'byline', 'enqueued' ) ) {
		wp_add_inline_script( 'byline', 'window.bylineE2eBefore = true;', 'before' );
		wp_add_inline_script( 'byline', 'window.bylineE2eAfter = true;', 'after' );
	}
}, 20 );
// The classic form's hooks as a plugin on them sees them, for every comment (reset by the test).
function byline_e2e_record( $event ) {
	$log   = get_option( 'byline_e2e_hooks', array() );
	$log[] = $event;
	update_option( 'byline_e2e_hooks', $log, false );
}
add_action( 'pre_comment_on_post', function ( $post_id ) { byline_e2e_record( array( 'pre_comment_on_post', (int) $post_id ) ); } );
add_filter( 'preprocess_comment', function ( $data ) {
	$keys = array_keys( $data );
	sort( $keys );
	byline_e2e_record( array( 'preprocess_comment', $keys, $data['comment_author_IP'] ?? null, $data['comment_agent'] ?? null ) );
	return $data;
} );
add_action( 'comment_post', function ( $id, $approved ) { byline_e2e_record( array( 'comment_post', (string) $approved ) ); }, 10, 2 );
// Every mail WordPress sends is recorded instead of sent.
add_filter( 'pre_wp_mail', function ( $result, $atts ) {
	$mail   = get_option( 'byline_e2e_mail', array() );
	$mail[] = array( 'to' => $atts['to'], 'subject' => $atts['subject'] );
	update_option( 'byline_e2e_mail', $mail, false );
	return true;
}, 10, 2 );
// ?byline_e2e_endpoint: the reply endpoint on another origin (the same WordPress by another name).
add_filter( 'byline_host_attributes', function ( $attributes ) {
	if ( isset( $_GET['byline_e2e_endpoint'] ) ) {
		$attributes['data-reply-endpoint'] = ${php(otherOriginEndpoint())};
	}
	return $attributes;
} );
`);
    admin = await logIn(env.BASE_URL, env.WP_ADMIN_USER, env.WP_ADMIN_PASSWORD);
    browser = await launch();
  });

  after(async () => {
    await closePage();
    await browser?.close();
    const errors = [];
    for (const step of [
      () => uninstall(wp),
      () => removeMuPlugin(),
      () => removeTestContent(wp),
      () => imageFile && rmSync(imageFile, { force: true }),
      () => typeof originalBio === 'string' && wp.eval(`update_user_meta(1, 'description', ${php(originalBio)});`),
      // Default knobs (anonymous REST on, no debug log) and the theme this run found.
      () => upSh(originalTheme ? { WP_THEME: originalTheme } : {}),
      () => releaseWordPress?.(),
    ]) {
      try {
        if (wp) step();
      } catch (error) {
        errors.push(error.message);
      }
    }
    if (errors.length > 0) throw new Error(`restoring WordPress failed:\n${errors.join('\n')}`);
  });

  for (const theme of THEMES) {
    describe(theme, () => {
      /** The theme's pages before the plugin was activated. */
      const snapshots = {};
      let logMark = 0;

      const url = (key) => site.urls[key];
      const id = (key) => site.ids[key];

      before(async () => {
        wp = upSh({ ...PLUGIN_KNOBS, WP_THEME: theme });
        logMark = debugLogSize();
        wp.deleteComments([id('main'), id('closed')]);
        const pages = {
          main: url('main'),
          off: url('off'),
          page: url('page'),
          emptyTitle: url('emptyTitle'),
          password: url('password'),
          private: url('private'),
          archive: site.category.url,
          home: `${env.BASE_URL}/`,
          feed: `${env.BASE_URL}/feed/`,
          categoryFeed: site.category.feed,
        };
        for (const [key, address] of Object.entries(pages)) snapshots[key] = { url: address, ...(await get(address)) };
      });

      after(async () => {
        await closePage();
        uninstall(wp);
      });

      test('without the plugin, WordPress refuses anonymous REST comments (401)', async () => {
        assert.equal(snapshots.main.status, 200);
        assert.doesNotMatch(snapshots.main.text, /data-byline/);
        const answer = await anonymousRestComment(id('main'));
        assert.equal(answer.status, 401, JSON.stringify(answer.body));
        assert.equal(answer.body.code, 'rest_comment_login_required');
      });

      test('installs from byline.zip (Plugin_Upgrader) with every file of dist-wordpress/byline, and activates', () => {
        installAndActivate(wp);
        assert.ok(isActive(wp), 'active');
        assert.deepEqual(listFiles(path.join(WP_CONTENT, 'plugins', 'byline')), listFiles(PLUGIN_DIR));
      });

      // Before any test adds comments: Twenty Twenty-One's footer lists the latest ones.
      test('with the plugin active, archives, the front page, pages, feeds, the admin and posts Byline does not show (filtered off, no title, protected, private) are unchanged', async () => {
        for (const key of ['archive', 'home', 'page', 'feed', 'categoryFeed', 'off', 'emptyTitle', 'password', 'private']) {
          const now = await get(snapshots[key].url);
          assert.equal(now.status, snapshots[key].status, key);
          assert.doesNotMatch(now.text, /data-byline|byline-article-|assets\/byline/, key);
          assertSameHtml(now.text, snapshots[key].text, `${key} is byte for byte as before`);
          assert.ok(!now.text.includes(SECRET), `${key}: nothing of the protected or private content`);
        }
        assert.equal(snapshots.private.status, 404, 'a private post is not found by a reader who is not logged in');
        const adminNow = await get(`${env.BASE_URL}/wp-admin/edit.php`, admin.header);
        assert.equal(adminNow.status, 200);
        assert.doesNotMatch(adminNow.text, /data-byline|byline-article-|assets\/byline/);
      });

      test('a single post: one h1 (the headline), the article from the post, related stories and the reply area; the theme’s title, image and comments are not repeated', async () => {
        const page = await openPost(url('main'));

        // The article data: a NewsArticle from the post, in an application/json block.
        const block = await articleData(page, id('main'));
        assert.equal(block?.type, 'application/json');
        const a = block.data;
        assert.equal(a['@type'], 'NewsArticle');
        assert.equal(a.headline, TITLE);
        assert.equal(a.description, EXCERPT);
        assert.deepEqual(a.author, { '@type': 'Person', name: 'admin', url: `${env.BASE_URL}/author/admin/` });
        assert.match(a.datePublished, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        assert.match(a.dateModified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        assert.match(a.image.url, new RegExp(`/wp-content/uploads/.*byline-e2e-lead-${RUN}\\.png$`));
        // The "large" size: at most 1024 wide, or the theme's $content_width (750 in Twenty Twenty-One).
        assert.ok(a.image.width > 0 && a.image.width <= 1024, `width ${a.image.width}`);
        assert.ok(Math.abs(a.image.height - (a.image.width * 675) / 1200) <= 1, `height ${a.image.height}`);
        assert.equal(a.image.caption, CAPTION);
        assert.deepEqual(a.articleSection, ['Porthaven News']);
        assert.equal(a.articleBody, MAIN_BODY);
        assert.equal(a.url, url('main'));
        assert.equal(a.identifier, id('main'));

        // The host's attributes.
        const attrs = await page.$eval('[data-byline]', (el) => Object.fromEntries([...el.attributes].map((x) => [x.name, x.value])));
        assert.equal(attrs['data-article'], `#byline-article-${id('main')}`);
        assert.equal(attrs['data-post-id'], String(id('main')));
        assert.equal(attrs['data-reply-endpoint'], env.REST_COMMENTS);
        assert.equal(attrs['data-replies-src'], `${env.REST_COMMENTS}?post=${id('main')}&per_page=50&order=asc`);
        assert.equal(attrs['data-reply-action'], env.FORM_ACTION);
        assert.equal(attrs['data-related'], site.category.feed);
        assert.equal(attrs['data-require-name-email'], 'true');
        assert.equal(attrs['data-lang'], 'en-US');
        assert.equal(attrs['data-replies'], undefined);
        assert.equal(attrs['data-reply-nonce'], undefined, 'no nonce for a reader who is not logged in');

        // What the reader sees: one h1, Byline's; the article; related stories; the reply form.
        assert.deepEqual(await headings(page), [{ text: TITLE, byline: true }]);
        assert.equal((await page.textContent('.byline-standfirst')).trim(), EXCERPT);
        assert.match(await page.getAttribute('.byline-image', 'src'), /byline-e2e-lead-/);
        assert.equal((await page.textContent('.byline-caption')).trim(), CAPTION);
        const paragraphs = await page.$$eval('.byline-body p', (list) => list.map((p) => p.textContent.trim()));
        assert.ok(paragraphs.includes('Fishing boats will moor at the south pontoon & the slipway stays open.'), paragraphs.join(' | '));
        // The body is the post's rendered content, rebuilt (CONTRACT 3b): its blocks survive.
        const rich = await page.evaluate(() => {
          const body = document.querySelector('.byline-root .byline-body.byline-rich[itemprop="articleBody"]');
          if (!body) return null;
          const all = (sel) => [...body.querySelectorAll(sel)];
          return {
            headings: all('h2').map((h) => h.textContent),
            links: all('p a[href]').map((a) => a.getAttribute('href')),
            items: all('ul > li').map((li) => li.textContent),
            image: all('figure > img').map((i) => `${i.getAttribute('alt')} ${i.getAttribute('width')}x${i.getAttribute('height')}`),
            captions: all('figure > figcaption').map((c) => c.textContent),
            cells: all('.byline-table th, .byline-table td').map((c) => c.textContent),
            embed: all('figure.byline-embed a.byline-embed-link').map((a) => `${a.textContent} ${a.getAttribute('href')}`),
            printedOnce: document.querySelectorAll('[itemprop="articleBody"]').length,
          };
        });
        assert.deepEqual(rich, {
          headings: ['What changes for boats'],
          links: [NOTICE],
          items: ['Quay closed: six weeks', 'Pontoon: open'],
          image: ['The harbour authority’s logo 80x80'],
          captions: ['The authority’s notice board.', 'A timelapse of the works.'],
          cells: ['Berth', 'Status', 'North quay', 'Closed'],
          embed: [`video.example.invalid ${EMBED}`],
          printedOnce: 1,
        });
        await page.locator('.byline-related-link').first().waitFor();
        const related = await page.$$eval('.byline-related-link', (list) => list.map((l) => l.href));
        assert.deepEqual(related, [url('related')], 'the other post of the category, not this one');
        await page.locator('.byline-reply form').waitFor();

        // The theme's own copies are gone (the fallback in the host went when the widget rendered).
        const leftovers = await page.evaluate(() => ({
          featured: document.querySelectorAll('.wp-block-post-featured-image, .post-thumbnail').length,
          leadImages: [...document.querySelectorAll('img')].filter((i) => /byline-e2e-lead-/.test(i.src) && !i.closest('.byline-root')).length,
          commentForms: document.querySelectorAll('#commentform, #respond, .comment-respond').length,
          commentAreas: document.querySelectorAll('#comments, .comments-area, .wp-block-comments').length,
          fallbackTitle: document.querySelectorAll('.byline-fallback-title').length,
        }));
        assert.deepEqual(leftovers, { featured: 0, leadImages: 0, commentForms: 0, commentAreas: 0, fallbackTitle: 0 });

        // byline.js is a module, and WordPress's inline scripts before and after it stayed.
        const scripts = await page.evaluate(() => ({
          type: document.getElementById('byline-js')?.getAttribute('type'),
          before: Boolean(document.getElementById('byline-js-before')) && window.bylineE2eBefore === true,
          after: Boolean(document.getElementById('byline-js-after')) && window.bylineE2eAfter === true,
        }));
        assert.deepEqual(scripts, { type: 'module', before: true, after: true });
        assert.equal(await page.title(), `${TITLE} – WP Comment Widget Test`, 'the document title is the theme’s');
        assertQuietConsole();
        await closePage();
      });

      test('an approved reply with a link shows a real link, rel="nofollow ugc noopener" (CONTRACT 5b)', async () => {
        wp.deleteComments([id('main')]);
        wp.insertComments([
          {
            comment_post_ID: id('main'),
            comment_author: 'Tamsin Reed',
            comment_author_email: `tamsin.${RUN}@example.org`,
            comment_content: `See <a href="https://tides.example/porthaven">the tide tables</a> (${theme} ${RUN}).`,
            comment_approved: 1,
            comment_date_gmt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
          },
        ]);
        const page = await openPost(url('main'));
        const link = page.locator('.byline-thread .byline-reply-content a', { hasText: 'the tide tables' });
        await link.waitFor({ timeout: 10_000 });
        assert.equal(await link.getAttribute('href'), 'https://tides.example/porthaven');
        assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener');
        assertQuietConsole();
        await closePage();
        wp.deleteComments([id('main')]);
      });

      test('taking over the page WordPress rendered shifts nothing, with the rich body and its image (CLS 0)', async () => {
        rec = await newPage(browser, { viewport: { width: 1280, height: 900 } });
        await rec.page.addInitScript(recordShifts);
        await rec.page.goto(url('main'));
        await waitForWidget(rec.page, '[data-byline]', 'ready');
        await rec.page.locator('.byline-root .byline-rich figure > img').first().waitFor();
        await sleep(500);
        const shifts = await rec.page.evaluate(() => window.__shifts);
        assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts.join(', ')}`);
        await closePage();
      });

      test('a reply sent through REST lands with the post’s id, is announced as awaiting moderation, and once approved appears in the thread', async () => {
        await clearFloodWindow([id('main')]);
        wp.deleteComments([id('main')]);
        const page = await openPost(url('main'));
        const text = `The quay closure (${theme} ${RUN}) is overdue.`;
        await page.fill('.byline-reply textarea[name="comment"]', text);
        await page.fill('.byline-reply input[name="author"]', 'Ines Marrow');
        await page.fill('.byline-reply input[name="email"]', `ines.${theme}.${RUN}@example.org`);
        await page.click('.byline-reply button[type="submit"]');
        await page.waitForFunction(() => /awaiting moderation/i.test(document.querySelector('.byline-reply [role="status"]')?.textContent ?? ''), null, { timeout: 20_000 });

        const stored = wp.comments(id('main'));
        assert.equal(stored.length, 1, JSON.stringify(stored));
        assert.equal(Number(stored[0].comment_post_ID), id('main'));
        assert.equal(stored[0].comment_content, text);
        assert.equal(stored[0].comment_author, 'Ines Marrow');
        assert.equal(stored[0].comment_approved, '0');

        wp.approve(stored[0].comment_ID);
        await page.reload();
        await waitForWidget(page, '[data-byline]', 'ready');
        const item = page.locator('.byline-thread-list > li.byline-reply-item:not(.byline-pending)', { hasText: text });
        await item.waitFor({ timeout: 10_000 });
        assert.match(await page.textContent('.byline-thread-heading'), /1 reply/);
        assertQuietConsole();
        await closePage();
      });

      test('with scripts off, the host holds the post as WordPress renders it (content, approved comments, WordPress’s form), and a reply sent through that form lands', async () => {
        await clearFloodWindow([id('main')]);
        const approvedText = `An approved reply for readers without scripts (${theme} ${RUN}).`;
        wp.insertComments([
          {
            comment_post_ID: id('main'),
            comment_author: 'Dora Keel',
            comment_author_email: `dora.${RUN}@example.org`,
            comment_content: approvedText,
            comment_approved: 1,
            comment_date_gmt: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
          },
        ]);
        rec = await newPage(browser, { javaScriptEnabled: false });
        const page = rec.page;
        await page.goto(url('main'));

        const fallback = await page.$eval('[data-byline]', (host) => ({
          title: host.querySelector('h1')?.textContent.trim(),
          image: Boolean(host.querySelector('img[src*="byline-e2e-lead-"]')),
          content: host.textContent.includes('Contractors will close the north quay'),
          quote: Boolean(host.querySelector('blockquote.wp-block-quote')),
          comments: [...host.querySelectorAll('.comment-list .comment-content, .comment-list .comment-body')].map((c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' '),
          form: host.querySelector('form#commentform')?.getAttribute('action'),
          postId: host.querySelector('form#commentform input[name="comment_post_ID"]')?.value,
        }));
        assert.equal(fallback.title, TITLE);
        assert.ok(fallback.image, 'the featured image');
        assert.ok(fallback.content, 'the content');
        assert.ok(fallback.quote, 'the content as rendered (a quote block)');
        assert.match(fallback.comments, new RegExp(approvedText.replace(/[()]/g, '\\$&')));
        assert.equal(fallback.form, env.FORM_ACTION);
        assert.equal(fallback.postId, String(id('main')));
        assert.deepEqual(await headings(page), [{ text: TITLE, byline: false }], 'one h1, in the fallback');
        const outside = await page.evaluate(() =>
          document.querySelectorAll('#commentform:not([data-byline] *), .wp-block-post-featured-image, .post-thumbnail, .wp-block-comments').length,
        );
        assert.equal(outside, 0, 'no second form, image or comment area from the theme');

        const text = `Sent without scripts (${theme} ${RUN}).`;
        await page.fill('#commentform textarea[name="comment"]', text);
        await page.fill('#commentform input[name="author"]', 'Finn Oyster');
        await page.fill('#commentform input[name="email"]', `finn.${theme}.${RUN}@example.org`);
        await Promise.all([page.waitForNavigation(), page.click('#commentform [type="submit"]')]);
        const landed = wp.comments(id('main')).find((c) => c.comment_content === text);
        assert.ok(landed, 'the reply is stored');
        assert.equal(Number(landed.comment_post_ID), id('main'));
        assert.equal(landed.comment_approved, '0');
        // WordPress's redirect shows the held reply to its author, inside the fallback.
        assert.match(await page.textContent('[data-byline]'), /awaiting moderation/i);
        await closePage();
      });

      test('comments closed: Byline says replies are closed (data-replies="closed") and shows no form', async () => {
        const page = await openPost(url('closed'));
        assert.equal(await page.getAttribute('[data-byline]', 'data-replies'), 'closed');
        await page.locator('.byline-replies-closed').waitFor();
        assert.match(await page.textContent('.byline-replies-closed'), /Replies are closed/);
        assert.equal(await page.locator('.byline-reply form, #commentform').count(), 0);
        assert.equal((await headings(page)).length, 1);
        const answer = await anonymousRestComment(id('closed'));
        assert.equal(answer.status, 403, 'WordPress’s own check: comments closed');
        assert.equal(answer.body.code, 'rest_comment_closed');
        assertQuietConsole();
        await closePage();
      });

      test('a logged-in reader replies as themself (data-reply-nonce, data-reply-as; X-WP-Nonce)', async () => {
        await clearFloodWindow([id('main')]);
        const reader = await logIn(env.BASE_URL, READER.login, READER.password);
        rec = await newPage(browser);
        await rec.context.addCookies(reader.cookies);
        const sent = [];
        rec.page.on('request', (request) => {
          if (request.method() === 'POST' && request.url().startsWith(env.REST_COMMENTS)) sent.push(request.headers());
        });
        const page = rec.page;
        await page.goto(url('main'));
        await waitForWidget(page, '[data-byline]', 'ready');
        const attrs = await page.$eval('[data-byline]', (el) => ({ nonce: el.getAttribute('data-reply-nonce'), as: el.getAttribute('data-reply-as') }));
        assert.match(attrs.nonce ?? '', /^[0-9a-f]{10}$/);
        assert.equal(attrs.as, READER.name);

        await page.locator('.byline-reply form').waitFor();
        assert.match(await replyStatus(page), new RegExp(`Logged in as ${READER.name}`));
        assert.equal(await page.locator('.byline-reply input[name="author"]:visible, .byline-reply input[name="email"]:visible').count(), 0, 'no name or email fields');
        const text = `Replying while logged in (${theme} ${RUN}).`;
        await page.fill('.byline-reply textarea[name="comment"]', text);
        await page.click('.byline-reply button[type="submit"]');
        await page.waitForFunction(() => /awaiting moderation|published/i.test(document.querySelector('.byline-reply [role="status"]')?.textContent ?? ''), null, { timeout: 20_000 });
        assert.equal(sent.at(-1)?.['x-wp-nonce'], attrs.nonce);
        const landed = wp.comments(id('main')).find((c) => c.comment_content === text);
        assert.ok(landed, 'stored');
        assert.equal(Number(landed.user_id), site.user.id);
        assert.equal(landed.comment_author, READER.name);
        await closePage();
      });

      test('the theme’s date, author and categories are not shown beside Byline’s article (its tags stay); one h1', async () => {
        const page = await openPost(url('main'));
        await page.locator('.byline-reply form').waitFor();
        const outside = await page.evaluate(() => {
          const host = document.querySelector('[data-byline]');
          const out = (el) => !host.contains(el) && !el.contains(host);
          const all = (selector) => [...document.querySelectorAll(selector)].filter(out);
          const main = document.querySelector('main');
          // The text of the page's main area outside the host.
          const clone = main.cloneNode(true);
          for (const el of clone.querySelectorAll('[data-byline], script, style, template')) el.remove();
          return {
            meta: all('.wp-block-post-date, .wp-block-post-author, .wp-block-post-author-name, .wp-block-post-author-biography, .wp-block-avatar, .taxonomy-category, time.entry-date, .cat-links, .author-bio, a[rel~="author"], a[rel~="category"]').map((el) => el.outerHTML.slice(0, 120)),
            leftovers: all('.posted-on, .posted-by, span.byline').map((el) => el.textContent.trim()).filter(Boolean),
            text: clone.textContent.replace(/\s+/g, ' '),
            tags: all('.tags-links, .taxonomy-post_tag').map((el) => el.textContent.replace(/\s+/g, ' ').trim()),
          };
        });
        assert.deepEqual(outside.meta, [], 'no date, author or category element of the theme');
        assert.deepEqual(outside.leftovers, [], 'no “Published …” or “By …” left');
        for (const words of ['March 2, 2026', 'Published', 'Posted', 'Categorized', 'Porthaven News', ' by ', 'admin', BIO]) {
          assert.ok(!outside.text.includes(words), `“${words}” is not in the theme’s part of the post: ${outside.text.slice(0, 400)}`);
        }
        assert.equal(outside.tags.length, 1, `the theme’s tag list stays: ${JSON.stringify(outside.tags)}`);
        assert.match(outside.tags[0], new RegExp(TAG));
        assert.deepEqual(await headings(page), [{ text: TITLE, byline: true }], 'one h1');
        // Byline shows them (the date, the author, the section) in the article.
        assert.match(await page.textContent('.byline-meta'), /admin/);
        // On a post Byline does not show, the theme's meta is all there.
        const theirs = (await get(url('off'))).text;
        const expected = theme === 'twentytwentyone' ? ['posted-on', 'author-bio', 'cat-links'] : ['wp-block-post-date', 'wp-block-post-author', 'taxonomy-category'];
        for (const mark of expected) assert.match(theirs, new RegExp(`class="[^"]*\\b${mark}\\b`), `the theme prints ${mark} on a post Byline does not show`);
        assert.ok(theirs.includes('March 2, 2026'), 'and its date');
        assertQuietConsole();
        await closePage();
      });

      // What the reply path checks: once (in the first theme), the theme plays no part.
      const onceOnly = theme === THEMES[0] ? {} : { skip: 'the reply checks run in the first theme' };

      test('the flood check holds whatever date a reply carries: of five replies in five seconds one lands (with the server’s time and the request’s agent), four get comment_flood', onceOnly, async () => {
        await clearFloodWindow([id('main')]);
        wp.deleteComments([id('main')]);
        const dates = [{ date_gmt: '2031-06-01T12:00:00' }, { date: '2031-06-02T12:00:00' }, { date_gmt: '1999-01-01T00:00:00' }, { date: '2001-01-01T00:00:00' }, {}];
        const answers = [];
        for (const [i, date] of dates.entries()) {
          answers.push(
            await restPost(
              { post: id('main'), content: `Flood ${i} ${RUN}`, author_name: 'Flo Od', author_email: `flood.${RUN}@example.org`, author_user_agent: 'Forged/1.0', ...date },
              { 'User-Agent': 'byline-e2e/1.0' },
            ),
          );
        }
        assert.equal(answers[0].status, 201, JSON.stringify(answers[0].body));
        for (const answer of answers.slice(1)) {
          assert.equal(answer.status, 400, JSON.stringify(answer.body));
          assert.equal(answer.body.code, 'comment_flood');
        }
        const stored = wp.comments(id('main'));
        assert.equal(stored.length, 1, JSON.stringify(stored.map((c) => c.comment_content)));
        assert.ok(Math.abs(storedAt(stored[0]) - serverNow()) < 120, `the server’s time, not 2031: ${stored[0].comment_date_gmt}`);
        assert.equal(stored[0].comment_agent, 'byline-e2e/1.0', 'the request’s user agent, not author_user_agent');
        assert.equal(stored[0].comment_author_IP, '127.0.0.1');

        // A back-dated reply, once the window is over, lands too, with the server’s time.
        await clearFloodWindow([id('main')]);
        const back = await restPost({ post: id('main'), content: `Back-dated ${RUN}`, author_name: 'Flo Od', author_email: `flood.${RUN}@example.org`, date: '2001-01-01T00:00:00' });
        assert.equal(back.status, 201, JSON.stringify(back.body));
        const landed = wp.comment(back.body.id);
        assert.ok(Math.abs(storedAt(landed) - serverNow()) < 120, `the server’s time, not 2001: ${landed.comment_date_gmt}`);
      });

      test('a reply may answer only an approved reply of the same post: a held one or another post’s is refused (400), nothing lands', onceOnly, async () => {
        await clearFloodWindow([id('main'), id('related')]);
        wp.deleteComments([id('main'), id('related')]);
        const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
        const [held, elsewhere, approved] = wp.insertComments([
          { comment_post_ID: id('main'), comment_author: 'Hal Held', comment_author_email: `hal.${RUN}@example.org`, comment_content: 'Held.', comment_approved: 0, comment_date_gmt: day },
          { comment_post_ID: id('related'), comment_author: 'Eli Where', comment_author_email: `eli.${RUN}@example.org`, comment_content: 'On another post.', comment_approved: 1, comment_date_gmt: day },
          { comment_post_ID: id('main'), comment_author: 'Ada Proved', comment_author_email: `ada.${RUN}@example.org`, comment_content: 'Approved.', comment_approved: 1, comment_date_gmt: day },
        ]);
        for (const parent of [held, elsewhere, 999_999_999]) {
          const answer = await restPost({ post: id('main'), parent, content: `Answering ${parent} ${RUN}`, author_name: 'Pat Rent', author_email: `pat.${RUN}@example.org` });
          assert.equal(answer.status, 400, `${parent}: ${JSON.stringify(answer.body)}`);
          assert.equal(answer.body.code, 'byline_invalid_parent');
        }
        assert.equal(wp.comments(id('main')).length, 2, 'nothing landed');
        const ok = await restPost({ post: id('main'), parent: approved, content: `Answering the approved one ${RUN}`, author_name: 'Pat Rent', author_email: `pat.${RUN}@example.org` });
        assert.equal(ok.status, 201, JSON.stringify(ok.body));
        assert.equal(Number(wp.comment(ok.body.id).comment_parent), approved);
        // (Twenty Twenty-One's footer lists the latest comments: the other post's goes again.)
        wp.deleteComments([id('related')]);
      });

      test('a filled-in honeypot (byline_hp) lands nothing, through REST, the classic form and the widget, which still says thank you', onceOnly, async () => {
        await clearFloodWindow([id('main')]);
        wp.deleteComments([id('main')]);
        const rest = await restPost({ post: id('main'), content: `Honeypot REST ${RUN}`, author_name: 'Bo T', author_email: `bot.${RUN}@example.org`, byline_hp: 'https://spam.example' });
        assert.equal(rest.status, 400, JSON.stringify(rest.body));
        assert.equal(rest.body.code, 'byline_reply_refused');
        const form = await formPost({ comment: `Honeypot form ${RUN}`, author: 'Bo T', email: `bot.${RUN}@example.org`, url: '', comment_post_ID: id('main'), comment_parent: 0, byline_hp: 'https://spam.example' });
        assert.equal(form.status, 400, 'refused by the plugin on pre_comment_on_post');

        const page = await openPost(url('main'));
        const sent = [];
        page.on('request', (request) => {
          if (request.method() === 'POST' && request.url().startsWith(env.REST_COMMENTS)) sent.push(request.postDataJSON());
        });
        await page.fill('.byline-reply textarea[name="comment"]', `Honeypot widget ${RUN}`);
        await page.fill('.byline-reply input[name="author"]', 'Bo T');
        await page.fill('.byline-reply input[name="email"]', `bot.${RUN}@example.org`);
        await page.locator('.byline-reply input[name="byline-hp"]').evaluate((input) => {
          input.value = 'https://spam.example';
        });
        const answered = page.waitForResponse((response) => response.url().startsWith(env.REST_COMMENTS) && response.request().method() === 'POST');
        await page.click('.byline-reply button[type="submit"]');
        await page.waitForFunction(() => /awaiting moderation/i.test(document.querySelector('.byline-reply [role="status"]')?.textContent ?? ''), null, { timeout: 20_000 });
        assert.equal((await answered).status(), 400, 'refused by the plugin');
        assert.equal(sent.length, 1);
        assert.equal(sent[0].byline_hp, 'https://spam.example', 'the widget sent the honeypot');
        assert.deepEqual(wp.comments(id('main')), [], 'nothing landed');
        await closePage();
      });

      test('every Byline reply runs the classic form’s hooks exactly as a form reply does (pre_comment_on_post, preprocess_comment, comment_post), and WordPress mails the moderator', onceOnly, async () => {
        const notify = wp.eval("echo get_option('moderation_notify');").trim();
        wp.eval("update_option('moderation_notify', 1); delete_option('byline_e2e_hooks'); delete_option('byline_e2e_mail');");
        try {
          await clearFloodWindow([id('main')]);
          wp.deleteComments([id('main')]);
          const rest = await restPost({ post: id('main'), content: `Hooks through REST ${RUN}`, author_name: 'Hu Ks', author_email: `hooks.rest.${RUN}@example.org` });
          assert.equal(rest.status, 201, JSON.stringify(rest.body));
          const afterRest = wp.evalJson("echo json_encode(get_option('byline_e2e_hooks', array()));");

          await clearFloodWindow([id('main')]);
          wp.eval("delete_option('byline_e2e_hooks');");
          const form = await formPost({ comment: `Hooks through the form ${RUN}`, author: 'Hu Ks', email: `hooks.form.${RUN}@example.org`, url: '', comment_post_ID: id('main'), comment_parent: 0 });
          assert.equal(form.status, 302, 'the form reply landed');
          const afterForm = wp.evalJson("echo json_encode(get_option('byline_e2e_hooks', array()));");

          assert.deepEqual(afterRest.map((event) => event[0]), ['pre_comment_on_post', 'preprocess_comment', 'comment_post'], 'each hook once, in the form’s order');
          assert.deepEqual(afterRest, afterForm, 'the same hooks with the same data (post, fields, address, agent, approval)');
          assert.equal(afterRest[0][1], id('main'));
          assert.equal(afterRest[2][1], '0', 'comment_post with the approval status (held)');

          const mail = wp.evalJson("echo json_encode(get_option('byline_e2e_mail', array()));");
          const admin = wp.eval("echo get_option('admin_email');").trim();
          const moderation = mail.filter((m) => /moderate/i.test(m.subject));
          assert.equal(moderation.length, 2, `one moderation mail per reply: ${JSON.stringify(mail)}`);
          for (const m of moderation) assert.deepEqual([m.to].flat(), [admin]);
        } finally {
          wp.eval(`update_option('moderation_notify', ${php(notify)});`);
        }
      });

      test('drafts, private and scheduled posts take no anonymous reply: the plugin’s own check refuses them (401), nothing lands', onceOnly, async () => {
        for (const key of ['draft', 'private', 'scheduled']) {
          const answer = await anonymousRestComment(id(key));
          // WordPress's own checks would answer 403 (rest_comment_draft_post, rest_cannot_read_post).
          assert.equal(answer.status, 401, `${key}: ${JSON.stringify(answer.body)}`);
          assert.equal(answer.body.code, 'rest_comment_login_required');
          const allowed = wp.eval(`$request = new WP_REST_Request('POST', '/wp/v2/comments'); $request->set_param('post', ${id(key)}); var_export(byline_allow_anonymous_comments(false, $request));`).trim();
          assert.equal(allowed, 'false', key);
          assert.deepEqual(wp.comments(id(key)), [], key);
        }
        assert.equal(wp.eval(`var_export(byline_takes_anonymous_replies(${id('main')}));`).trim(), 'true', 'the main post does take them');
      });

      test('a signed-in reader whose nonce WordPress refuses (an old tab) still replies as themself, text kept: the widget fetches a fresh nonce', onceOnly, async () => {
        await clearFloodWindow([id('main')]);
        const reader = await logIn(env.BASE_URL, READER.login, READER.password);
        rec = await newPage(browser);
        await rec.context.addCookies(reader.cookies);
        const page = rec.page;
        // The page as a tab older than the nonce's lifetime holds it: a nonce WordPress refuses.
        await page.route(url('main'), async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(/data-reply-nonce="[0-9a-f]+"/, 'data-reply-nonce="0123456789"');
          await route.fulfill({ response, body: html });
        });
        const sent = [];
        page.on('request', (request) => {
          if (request.url().startsWith(env.REST_COMMENTS) && request.method() === 'POST') sent.push(request.headers()['x-wp-nonce']);
          if (request.url().includes('action=rest-nonce')) sent.push('asked for a fresh nonce');
        });
        await page.goto(url('main'));
        await waitForWidget(page, '[data-byline]', 'ready');
        assert.equal(await page.getAttribute('[data-byline]', 'data-reply-nonce'), '0123456789');
        const text = `Replying from an old tab (${RUN}).`;
        await page.fill('.byline-reply textarea[name="comment"]', text);
        await page.click('.byline-reply button[type="submit"]');
        await page.waitForFunction(() => /awaiting moderation|published/i.test(document.querySelector('.byline-reply [role="status"]')?.textContent ?? ''), null, { timeout: 20_000 });
        assert.equal(sent.length, 3, JSON.stringify(sent));
        assert.deepEqual(sent.slice(0, 2), ['0123456789', 'asked for a fresh nonce']);
        assert.match(sent[2], /^[0-9a-f]{10}$/);
        assert.notEqual(sent[2], '0123456789');
        const landed = wp.comments(id('main')).find((c) => c.comment_content === text);
        assert.ok(landed, 'the text landed');
        assert.equal(Number(landed.user_id), site.user.id, 'as the signed-in reader');
        await closePage();
      });

      test('no X-WP-Nonce goes to another origin: with the reply endpoint elsewhere, the signed-in reader’s reply is sent without it', onceOnly, async () => {
        await clearFloodWindow([id('main')]);
        const reader = await logIn(env.BASE_URL, READER.login, READER.password);
        rec = await newPage(browser);
        await rec.context.addCookies(reader.cookies);
        const page = rec.page;
        const other = [];
        page.on('request', (request) => {
          if (request.url().startsWith(otherOriginEndpoint()) && request.method() === 'POST') other.push(request.headers());
        });
        await page.goto(`${url('main')}?byline_e2e_endpoint=1`);
        await waitForWidget(page, '[data-byline]', 'ready');
        assert.equal(await page.getAttribute('[data-byline]', 'data-reply-endpoint'), otherOriginEndpoint());
        assert.match((await page.getAttribute('[data-byline]', 'data-reply-nonce')) ?? '', /^[0-9a-f]{10}$/, 'the page holds a nonce');
        await page.fill('.byline-reply textarea[name="comment"]', `Sent elsewhere (${RUN}).`);
        await page.click('.byline-reply button[type="submit"]');
        // (The browser may not reach the other name: what counts is what it was asked to send.)
        for (let waited = 0; other.length === 0 && waited < 20_000; waited += 100) await sleep(100);
        assert.equal(other.length, 1, 'the reply went to the other origin');
        assert.equal(other[0]['x-wp-nonce'], undefined, 'without the nonce');
        await closePage();
      });

      test('anonymous REST comments: allowed only where Byline shows (refused on a post filtered off, a protected post and a page)', async () => {
        // An empty comment: WordPress's permission check passes (400, not 401) and nothing is stored.
        const allowed = await anonymousRestComment(id('main'), '');
        assert.equal(allowed.status, 400, JSON.stringify(allowed.body));
        assert.equal(allowed.body.code, 'rest_comment_content_invalid');
        for (const key of ['off', 'password', 'page']) {
          const refused = await anonymousRestComment(id(key));
          assert.equal(refused.status, 401, `${key}: ${JSON.stringify(refused.body)}`);
          assert.equal(refused.body.code, 'rest_comment_login_required');
        }
        assert.doesNotMatch((await get(url('off'))).text, /data-byline|byline-article-|assets\/byline/, 'the post filtered off is the theme’s');
      });

      for (const scheme of ['light', 'dark']) {
        test(`axe-core: no violations on the post page (${scheme})`, async () => {
          const page = await openPost(url('main'), { colorScheme: scheme });
          await page.locator('.byline-related-link').first().waitFor();
          await page.locator('.byline-reply form').waitFor();
          const violations = await runAxe(page);
          assert.equal(violations.length, 0, formatViolations(violations));
          await closePage();
        });
      }

      test('bad input renders safely or leaves the theme’s output, with no PHP notice or warning', async () => {
        // No title, a password, private: the theme's own output (byte for byte before any
        // comment: the test after activation), nothing of the protected content.
        for (const key of ['emptyTitle', 'password', 'private']) {
          const now = await get(url(key));
          assert.equal(now.status, snapshots[key].status, key);
          assert.doesNotMatch(now.text, /data-byline|byline-article-|assets\/byline/, key);
          assert.ok(!now.text.includes(SECRET), `${key}: nothing of the protected content`);
        }

        // Printed as HTML, the data block always parses (nothing inside it ends the element).
        const expectBody = {
          noContent: (body) => assert.equal(body, ''),
          long: (body) => assert.ok(body.length > 150_000 && body.split('\n\n').length === 1700, `long: ${body.length}`),
          shortcodes: (body) => {
            assert.match(body, /The quay at dawn/);
            // (wptexturize curls the quotes of a shortcode WordPress does not know)
            assert.match(body, /Escaped: \[gallery\] and unknown: \[bylinee2e_unknown foo=.bar.\]/);
          },
          scripts: (body) => {
            // (wptexturize makes the "--" of the content an en dash)
            assert.match(body, /^Before the script\.\n\nText that looks like markup: <\/script><script>window\.bylineE2ePwned = 1<\/script> <!\S+ ends here$/);
          },
          markupTitle: (body) => assert.equal(body, 'A title with markup.'),
        };
        for (const [key, check] of Object.entries(expectBody)) {
          const html = (await get(url(key))).text;
          const article = articleFromHtml(html, id(key));
          assert.ok(article, `${key}: the data block`);
          check(article.articleBody);
          assert.equal(html.match(/<script type="application\/json" id="byline-article-/g).length, 1, `${key}: one data block`);
        }

        // In the browser: each renders, with one h1, the text as text.
        for (const key of ['noContent', 'long', 'shortcodes', 'scripts', 'markupTitle']) {
          const page = await openPost(url(key));
          const h1 = await headings(page);
          assert.equal(h1.length, 1, `${key}: one h1 (${JSON.stringify(h1)})`);
          assert.ok(h1[0].byline, `${key}: Byline's headline`);
          if (key === 'markupTitle') assert.equal(h1[0].text, MARKUP_HEADLINE);
          if (key === 'scripts') {
            assert.equal(await page.evaluate(() => window.bylineE2ePwned), undefined, 'text stayed text');
            assert.ok(
              (await page.$$eval('.byline-body p', (list) => list.map((p) => p.textContent))).some((t) => t.includes('</script><script>window.bylineE2ePwned')),
              'the markup-like text is shown as text',
            );
          }
          assert.deepEqual(rec.errors(), [], `${key}: no console.error`);
          assert.deepEqual(rec.pageErrors.map(String), [], `${key}: no uncaught exception`);
          await closePage();
        }

        assert.deepEqual(phpProblemsSince(logMark), [], 'the debug log');
      });

      test('deactivating gives the theme back: the post’s page is byte for byte as before activation', async () => {
        wp.deleteComments([id('main')]);
        deactivate(wp);
        assert.ok(!isActive(wp));
        const now = await get(url('main'));
        assert.equal(now.status, 200);
        assertSameHtml(now.text, snapshots.main.text, 'the post');
        const refused = await anonymousRestComment(id('main'));
        assert.equal(refused.status, 401, 'anonymous REST comments refused again');
        assert.deepEqual(phpProblemsSince(logMark), [], 'the debug log');
      });
    });
  }
});

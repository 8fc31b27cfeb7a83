// Helpers for tests/e2e/wordpress-plugin.test.mjs: the shared WordPress (../shared/wordpress)
// brought into the plugin's state with up.sh's knobs, the plugin built by scripts/wordpress-plugin
// and installed from its zip the way Plugins > Add New > Upload does it, test posts made and
// removed with $WP_EVAL, readers logged in through wp-login.php, and HTML normalised for
// byte-for-byte comparisons. No npm dependencies.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { distDir, projectRoot } from './server.mjs';
import { PLUGIN_SUITE_LOCK, WORDPRESS_DIR, WP_WORK, runUpSh, wordpress } from './wordpress.mjs';

export const UP_SH = path.join(WORDPRESS_DIR, 'up.sh');
export const PLUGIN_SOURCE = path.join(projectRoot, 'integrations', 'wordpress');
export const PLUGIN_DIR = path.join(projectRoot, 'dist-wordpress', 'byline');
export const PLUGIN_ZIP = path.join(projectRoot, 'dist-wordpress', 'byline.zip');
export const PLUGIN_FILE = 'byline/byline.php';
export const DEBUG_LOG = path.join(WP_WORK, 'debug.log');
/** up.sh's WP_CONTENT_DIR. */
export const WP_CONTENT = '/var/lib/wordpress/wp-content';
export const MU_PLUGIN = path.join(WP_CONTENT, 'mu-plugins', 'byline-e2e.php');

/** Why the suite cannot run here, or null. */
export function skipReason() {
  if (!existsSync(UP_SH)) return `no shared WordPress: ${UP_SH} does not exist`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `${UP_SH} must run as root (it installs packages and starts MariaDB); this run is not root`;
  }
  return null;
}

/**
 * Runs up.sh with these knobs (WP_ANON_REST, WP_DEBUG_LOG, WP_THEME, …); every knob not given
 * is at its default. Returns the WordPress helpers over the env file it writes.
 */
export function upSh(knobs = {}) {
  return wordpress(runUpSh(knobs));
}

/**
 * Marks WordPress as in the plugin suite's state (other suites started meanwhile leave it so);
 * returns the function that releases the mark.
 */
export function holdWordPress() {
  writeFileSync(PLUGIN_SUITE_LOCK, String(process.pid));
  return () => rmSync(PLUGIN_SUITE_LOCK, { force: true });
}

/** Newest modification time under a path (a file or a folder). */
function newest(file) {
  const info = statSync(file);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

/**
 * Runs scripts/wordpress-plugin unless its zip is newer than the release build and the plugin's
 * sources (scripts/test builds it; this keeps a single-file run honest).
 */
export function ensurePluginBuilt() {
  const inputs = [PLUGIN_SOURCE, path.join(distDir(), 'byline.js'), path.join(distDir(), 'byline_bg.wasm')];
  if (existsSync(PLUGIN_ZIP) && statSync(PLUGIN_ZIP).mtimeMs >= Math.max(...inputs.map(newest))) return;
  execFileSync(path.join(projectRoot, 'scripts', 'wordpress-plugin'), [], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** PHP that loads what the admin's plugin screens load. */
const ADMIN_INCLUDES = `
  require_once ABSPATH . 'wp-admin/includes/file.php';
  require_once ABSPATH . 'wp-admin/includes/misc.php';
  require_once ABSPATH . 'wp-admin/includes/plugin.php';
  require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
  wp_set_current_user(1);`;

/** A PHP string literal. */
export const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Installs dist-wordpress/byline.zip with Plugin_Upgrader (what Plugins > Add New > Upload
 * Plugin runs) and activates it with activate_plugin(). Returns what the upgrader printed.
 */
export function installAndActivate(wp) {
  return wp.eval(`${ADMIN_INCLUDES}
    $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
    $installed = $upgrader->install(${php(PLUGIN_ZIP)});
    if (true !== $installed) {
      fwrite(STDERR, "install failed: " . (is_wp_error($installed) ? $installed->get_error_message() : var_export($installed, true)) . "\\n" . implode("\\n", $upgrader->skin->get_upgrade_messages()));
      exit(1);
    }
    $active = activate_plugin(${php(PLUGIN_FILE)});
    if (is_wp_error($active)) { fwrite(STDERR, "activate failed: " . $active->get_error_message()); exit(1); }
    echo implode("\\n", $upgrader->skin->get_upgrade_messages());`);
}

/** Deactivates the plugin (deactivate_plugins), if active. */
export function deactivate(wp) {
  wp.eval(`${ADMIN_INCLUDES} deactivate_plugins(${php(PLUGIN_FILE)});`);
}

/** Deactivates and deletes the plugin (delete_plugins, as the Plugins screen does), if there. */
export function uninstall(wp) {
  wp.eval(`${ADMIN_INCLUDES}
    deactivate_plugins(${php(PLUGIN_FILE)});
    if (file_exists(WP_PLUGIN_DIR . '/byline/byline.php')) {
      $deleted = delete_plugins([${php(PLUGIN_FILE)}]);
      if (true !== $deleted) { fwrite(STDERR, "delete failed"); exit(1); }
    }`);
}

/** True when the plugin is active. */
export function isActive(wp) {
  return wp.eval(`${ADMIN_INCLUDES} echo is_plugin_active(${php(PLUGIN_FILE)}) ? 'yes' : 'no';`).trim() === 'yes';
}

/** Files under a folder, relative, sorted. */
export function listFiles(dir, base = dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    })
    .sort();
}

/** A solid-colour PNG (for a featured image), built here so no fixture is needed. */
export function png(width, height, [r, g, b]) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Creates the test content in one $WP_EVAL, as the admin with kses off (so scripts and iframes
 * stay in the content, as an editor with unfiltered_html could write them). Every object is
 * marked with the meta key _byline_e2e, so removeTestContent() finds leftovers of a crashed run.
 *
 * `posts`: { key: { title, content, repeat: [unit, times], excerpt, status, type, password,
 * comments: 'open'|'closed', category: 'news'|undefined, tags: [names], date: 'Y-m-d H:i:s' (GMT;
 * a scheduled post needs one in the future), image: true } }.
 * `image`: { file (a PNG path readable by root), caption }.
 * Returns { ids: { key: id }, urls: { key: permalink }, category: { id, feed }, user: { id } }.
 */
export function createTestContent(wp, { run, posts, image, user }) {
  const spec = Buffer.from(JSON.stringify({ run, posts, image, user })).toString('base64');
  return wp.evalJson(`
    wp_set_current_user(1);
    kses_remove_filters();
    $spec = json_decode(base64_decode('${spec}'), true);
    $mark = ['_byline_e2e' => $spec['run']];

    $term = term_exists('Porthaven News', 'category');
    if (!$term) $term = wp_insert_term('Porthaven News', 'category', ['slug' => 'porthaven-news']);
    if (is_wp_error($term)) { fwrite(STDERR, $term->get_error_message()); exit(1); }
    $category = (int) $term['term_id'];
    update_term_meta($category, '_byline_e2e', $spec['run']);

    $image = 0;
    if (!empty($spec['image'])) {
      $uploads = wp_upload_dir();
      wp_mkdir_p($uploads['path']);
      $file = $uploads['path'] . '/byline-e2e-lead-' . $spec['run'] . '.png';
      copy($spec['image']['file'], $file);
      chmod($file, 0644);
      $image = wp_insert_attachment(['post_mime_type' => 'image/png', 'post_title' => 'Harbour wall',
        'post_excerpt' => $spec['image']['caption'], 'post_status' => 'inherit', 'meta_input' => $mark], $file, 0, true);
      if (is_wp_error($image)) { fwrite(STDERR, $image->get_error_message()); exit(1); }
      $size = getimagesize($file);
      wp_update_attachment_metadata($image, ['width' => $size[0], 'height' => $size[1], 'file' => _wp_relative_upload_path($file)]);
    }

    // Fixed dates one minute apart, in the spec's order: WordPress orders listings by post_date
    // alone, so posts made within one second would come back in whichever order the database
    // returns, and two requests could list them differently.
    $ids = []; $urls = []; $minute = 0;
    foreach ($spec['posts'] as $key => $p) {
      $date = $p['date'] ?? gmdate('Y-m-d H:i:s', gmmktime(9, $minute, 0, 3, 2, 2026));
      $minute++;
      $content = isset($p['repeat']) ? str_repeat($p['repeat'][0], $p['repeat'][1]) : ($p['content'] ?? '');
      $id = wp_insert_post([
        'post_title' => $p['title'] ?? '', 'post_content' => $content, 'post_excerpt' => $p['excerpt'] ?? '',
        'post_status' => $p['status'] ?? 'publish', 'post_type' => $p['type'] ?? 'post',
        'post_password' => $p['password'] ?? '', 'comment_status' => $p['comments'] ?? 'open',
        'post_date' => get_date_from_gmt($date), 'post_date_gmt' => $date,
        'ping_status' => 'closed', 'post_author' => 1, 'post_name' => 'byline-e2e-' . $key . '-' . $spec['run'],
        'post_category' => ($p['category'] ?? '') === 'news' ? [$category] : [],
        'tags_input' => $p['tags'] ?? [],
        'meta_input' => $mark,
      ], true);
      if (is_wp_error($id)) { fwrite(STDERR, $key . ': ' . $id->get_error_message()); exit(1); }
      foreach (wp_get_post_tags($id) as $tag) update_term_meta($tag->term_id, '_byline_e2e', $spec['run']);
      if (!empty($p['image']) && $image) set_post_thumbnail($id, $image);
      $ids[$key] = $id;
      $urls[$key] = get_permalink($id);
    }

    $user = null;
    if (!empty($spec['user'])) {
      require_once ABSPATH . 'wp-admin/includes/user.php';
      $old = get_user_by('login', $spec['user']['login']);
      if ($old) wp_delete_user($old->ID);
      $uid = wp_insert_user(['user_login' => $spec['user']['login'], 'user_pass' => $spec['user']['password'],
        'user_email' => $spec['user']['email'], 'display_name' => $spec['user']['name'], 'role' => 'subscriber']);
      if (is_wp_error($uid)) { fwrite(STDERR, $uid->get_error_message()); exit(1); }
      update_user_meta($uid, '_byline_e2e', $spec['run']);
      $user = ['id' => $uid];
    }

    echo json_encode(['ids' => $ids, 'urls' => $urls, 'image' => $image,
      'category' => ['id' => $category, 'feed' => get_category_feed_link($category), 'url' => get_category_link($category)],
      'user' => $user]);`);
}

/**
 * Gives every post that shares its publication time with another (up.sh makes its two posts
 * within one second) a time of its own, a second after the one before it, in id order. WordPress
 * orders the front page and archives by post_date alone, so tied posts would be listed in
 * whichever order the database returns. Returns how many posts were moved.
 */
export function distinctPostDates(wp) {
  return Number(
    wp
      .eval(`
    global $wpdb;
    $rows = $wpdb->get_results("SELECT ID, post_date_gmt FROM $wpdb->posts WHERE post_type IN ('post', 'page') AND post_status = 'publish' ORDER BY post_date_gmt, ID");
    $moved = 0; $last = null;
    foreach ($rows as $row) {
      $time = strtotime($row->post_date_gmt . ' UTC');
      if (null !== $last && $time <= $last) {
        $time = $last + 1;
        $gmt = gmdate('Y-m-d H:i:s', $time);
        $wpdb->update($wpdb->posts, ['post_date_gmt' => $gmt, 'post_date' => get_date_from_gmt($gmt)], ['ID' => $row->ID]);
        clean_post_cache($row->ID);
        $moved++;
      }
      $last = $time;
    }
    echo $moved;`)
      .trim(),
  );
}

/**
 * The posts a listing page shows, in order, by the ids themes print (`id="post-8"` in classic
 * themes, the `post-8` class of a block theme's post template), each once.
 */
export function listedPosts(html) {
  const ids = [...html.matchAll(/(?:\bid="post-|\bclass="[^"]*\bpost-)(\d+)\b/g)].map((m) => Number(m[1]));
  return [...new Set(ids)];
}

/**
 * Deletes every post, attachment, category, tag and user marked _byline_e2e (this run's or
 * older), and the options the suite's must-use plugin records hooks and mails in.
 */
export function removeTestContent(wp) {
  wp.eval(`
    require_once ABSPATH . 'wp-admin/includes/user.php';
    foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'meta_key' => '_byline_e2e', 'numberposts' => -1, 'fields' => 'ids']) as $id) wp_delete_post($id, true);
    foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'meta_key' => '_byline_e2e', 'numberposts' => -1, 'fields' => 'ids']) as $id) wp_delete_attachment($id, true);
    foreach (['category', 'post_tag'] as $taxonomy) {
      foreach (get_terms(['taxonomy' => $taxonomy, 'hide_empty' => false, 'meta_key' => '_byline_e2e', 'fields' => 'ids']) as $id) wp_delete_term($id, $taxonomy);
    }
    delete_option('byline_e2e_hooks');
    delete_option('byline_e2e_mail');
    foreach (get_users(['meta_key' => '_byline_e2e', 'fields' => 'ids']) as $id) wp_delete_user($id);`);
}

/**
 * Moves this post's comments an hour back: WordPress's flood check refuses a second comment
 * from the same address (every test request comes from 127.0.0.1) within 15 seconds.
 */
export function backdateComments(wp, postIds) {
  wp.eval(`
    global $wpdb;
    $wpdb->query("UPDATE $wpdb->comments SET comment_date = comment_date - INTERVAL 1 HOUR, comment_date_gmt = comment_date_gmt - INTERVAL 1 HOUR WHERE comment_post_ID IN (${postIds.map(Number).join(',')})");
    clean_comment_cache($wpdb->get_col("SELECT comment_ID FROM $wpdb->comments WHERE comment_post_ID IN (${postIds.map(Number).join(',')})"));`);
}

/**
 * Logs in through wp-login.php and returns the cookies WordPress set, as Playwright cookies
 * (and as a Cookie header).
 */
export async function logIn(baseUrl, login, password) {
  const response = await fetch(`${baseUrl}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
    },
    body: new URLSearchParams({ log: login, pwd: password, 'wp-submit': 'Log In', testcookie: '1', redirect_to: `${baseUrl}/` }),
  });
  await response.arrayBuffer();
  const cookies = response.headers
    .getSetCookie()
    .map((line) => /^([^=;]+)=([^;]*)/.exec(line))
    .filter((m) => m && m[2] !== '' && m[2] !== 'deleted' && m[1].startsWith('wordpress'))
    .map((m) => ({ name: m[1], value: m[2], url: baseUrl }));
  if (!cookies.some((c) => c.name.startsWith('wordpress_logged_in_'))) {
    throw new Error(`logging in as ${login} failed (HTTP ${response.status})`);
  }
  return { cookies, header: cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}

/**
 * HTML with what legitimately differs between two requests made equal: nonces (10 hex digits
 * after a nonce-ish name), Unix times, and the moderation hash of a held comment.
 */
export function normaliseHtml(html) {
  return html
    .replace(/((?:nonce|_wpnonce|_ajax_nonce)[^0-9a-f]{1,12})[0-9a-f]{10}\b/gi, '$1NONCE')
    .replace(/("time"\s*:\s*"?)\d{9,11}/g, '$1TIME')
    .replace(/(moderation-hash=)[0-9a-f]+/g, '$1HASH');
}

/** GET a page as text, with optional cookies; { status, text, headers }. */
export async function get(url, cookieHeader) {
  const response = await fetch(url, { headers: cookieHeader ? { Cookie: cookieHeader } : {}, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The debug log's lines since `from` bytes (up.sh's WP_DEBUG_LOG=1 writes it). */
export function debugLogSince(from) {
  if (!existsSync(DEBUG_LOG)) return [];
  const text = readFileSync(DEBUG_LOG);
  return text
    .subarray(Math.min(from, text.length))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** The debug log's current size (a mark for debugLogSince). */
export function debugLogSize() {
  return existsSync(DEBUG_LOG) ? statSync(DEBUG_LOG).size : 0;
}

/** Writes the test's must-use plugin (removed with removeMuPlugin). */
export function writeMuPlugin(source) {
  writeFileSync(MU_PLUGIN, source);
}

/** Removes the test's must-use plugin, if there. */
export function removeMuPlugin() {
  rmSync(MU_PLUGIN, { force: true });
}

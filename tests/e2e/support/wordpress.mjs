// The real WordPress of ../shared/wordpress (next to the repository), for the end-to-end suites
// and scripts/demo-wordpress. No npm dependencies.
//
//   const wp = await ensureWordPress();      // runs up.sh (default knobs); null: no shared folder
//   wp.env.POST_ID, wp.env.REST_COMMENTS, …  // /tmp/wp/env, parsed
//   wp.eval('echo json_encode(get_comments(["post_id" => 4, "status" => "all"]));')
//   wp.comments(4)                            // every comment of a post (any status), as WordPress stores it
//   wp.approve(id); wp.reset([4, 5]); wp.insertComments([{ … }])
//
// up.sh must run as root (apt, MariaDB); CI runs as root. See ../shared/wordpress/README.md.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from './server.mjs';

/** ../shared/wordpress, relative to the repository root. */
export const WORDPRESS_DIR = path.resolve(projectRoot, '..', 'shared', 'wordpress');

/** Where up.sh writes its variables (WP_WORK, default /tmp/wp). */
export const WP_WORK = process.env.WP_WORK ?? '/tmp/wp';
export const ENV_FILE = path.join(WP_WORK, 'env');

/**
 * Parses a file of `NAME=value` lines as bash would source it (the values up.sh writes: plain,
 * or in single quotes).
 */
export function parseEnvFile(text) {
  const env = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match) continue;
    let value = match[2];
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1);
    else if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    env[match[1]] = value;
  }
  return env;
}

/** True when WordPress answers at BASE_URL. */
async function answers(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/wp-includes/images/blank.gif`, {
      signal: AbortSignal.timeout(3000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** The knobs of up.sh; the suites that need WordPress as up.sh leaves it run it without them. */
export const UP_SH_KNOBS = Object.freeze(['WP_ANON_REST', 'WP_DEBUG_LOG', 'WP_THEME', 'WP_NO_FLOOD']);

/** Held (with its pid) while the plugin suite has WordPress in its own state. */
export const PLUGIN_SUITE_LOCK = path.join(WP_WORK, 'byline-plugin-suite.lock');
/** What the plugin suite adds to WordPress, and removes again when it ends. */
const PLUGIN_SUITE_LEFTOVERS = {
  plugin: 'byline/byline.php',
  muPlugin: '/var/lib/wordpress/wp-content/mu-plugins/byline-e2e.php',
};

/** The pid in the plugin suite's lock when that process still runs, else null. */
export function pluginSuiteRunning() {
  if (!existsSync(PLUGIN_SUITE_LOCK)) return null;
  const pid = Number(readFileSync(PLUGIN_SUITE_LOCK, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Runs up.sh with these knobs (every other knob at its default); throws with its stderr. */
export function runUpSh(knobs = {}) {
  const up = path.join(WORDPRESS_DIR, 'up.sh');
  const env = { ...process.env };
  for (const name of UP_SH_KNOBS) delete env[name];
  try {
    execFileSync(up, [], { env: { ...env, ...knobs }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 15 * 60_000 });
  } catch (error) {
    throw new Error(`${up} failed (it must run as root): ${error.stderr || error.message}`, { cause: error });
  }
  return parseEnvFile(readFileSync(ENV_FILE, 'utf8'));
}

/**
 * Brings the shared WordPress into the state up.sh leaves it in with its default knobs, whatever
 * an earlier run left (a WordPress still running or stopped, the plugin suite's knobs, its plugin
 * or must-use plugin after a crash), and returns its variables and helpers. up.sh is idempotent
 * and takes about a second once installed (about 20 s the first time, as root). While the plugin
 * suite runs in another process (its lock), WordPress is used as that suite has it.
 * Returns null when ../shared/wordpress does not exist (the caller skips, saying why).
 */
export async function ensureWordPress({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!existsSync(path.join(WORDPRESS_DIR, 'up.sh'))) return null;
  const busy = pluginSuiteRunning();
  let env;
  if (busy && existsSync(ENV_FILE)) {
    env = parseEnvFile(readFileSync(ENV_FILE, 'utf8'));
    log(`the WordPress plugin suite (pid ${busy}) has WordPress in its state; using it as it is`);
  } else {
    env = runUpSh();
  }
  for (const name of ['BASE_URL', 'POST_ID', 'CLOSED_POST_ID', 'REST_COMMENTS', 'FORM_ACTION', 'WP_EVAL']) {
    if (!env[name]) throw new Error(`${ENV_FILE} has no ${name}`);
  }
  const wp = wordpress(env);
  if (!busy) {
    wp.eval(`
      require_once ABSPATH . 'wp-admin/includes/plugin.php';
      if (is_plugin_active('${PLUGIN_SUITE_LEFTOVERS.plugin}')) deactivate_plugins('${PLUGIN_SUITE_LEFTOVERS.plugin}');
      if (file_exists('${PLUGIN_SUITE_LEFTOVERS.muPlugin}')) unlink('${PLUGIN_SUITE_LEFTOVERS.muPlugin}');`);
  }
  return wp;
}

/**
 * PHP printing the seconds until WordPress's flood check (wp_check_comment_flood: the newest
 * comment from the same IP address, less than 15 s old) lets a comment from 127.0.0.1 through.
 */
const FLOOD_WAIT_PHP = `
  global $wpdb;
  $last = $wpdb->get_var("SELECT UNIX_TIMESTAMP(MAX(comment_date_gmt)) - UNIX_TIMESTAMP(UTC_TIMESTAMP()) FROM $wpdb->comments WHERE comment_author_IP = '127.0.0.1' AND comment_date_gmt >= UTC_TIMESTAMP() - INTERVAL 1 MINUTE");
  echo $last === null ? 0 : max(0, 16 + (int) $last);`;

/** Helpers over one WordPress, from its env variables. */
export function wordpress(env) {
  const [command, ...args] = env.WP_EVAL.split(/\s+/).filter(Boolean);

  /** Runs PHP inside WordPress (`$WP_EVAL '<php>'`) and returns what it printed. */
  function evalPhp(php) {
    try {
      return execFileSync(command, [...args, php], { encoding: 'utf8', timeout: 60_000 });
    } catch (error) {
      throw new Error(`WP_EVAL failed: ${error.stderr || error.message}\nPHP: ${php}`, { cause: error });
    }
  }

  /** Runs PHP that echoes JSON, and parses it. */
  function evalJson(php) {
    const out = evalPhp(php);
    try {
      return JSON.parse(out);
    } catch {
      throw new Error(`WP_EVAL printed no JSON: ${out.slice(0, 500)}\nPHP: ${php}`);
    }
  }

  /** A PHP string literal. */
  const phpString = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  /** A PHP array literal from a flat object of strings and numbers. */
  const phpArray = (object) =>
    `[${Object.entries(object)
      .map(([k, v]) => `${phpString(k)} => ${typeof v === 'number' ? v : phpString(v)}`)
      .join(', ')}]`;

  return {
    env,
    eval: evalPhp,
    evalJson,

    /** Every comment of a post, any status, oldest first, as stored (get_comments rows). */
    comments(postId) {
      return evalJson(
        `echo json_encode(get_comments(["post_id" => ${Number(postId)}, "status" => "all", "orderby" => "comment_ID", "order" => "ASC"]));`,
      );
    },

    /** One comment as stored, or null. */
    comment(id) {
      return evalJson(`$c = get_comment(${Number(id)}); echo json_encode($c ? $c->to_array() : null);`);
    },

    /** wp_set_comment_status(id, "approve"). */
    approve(id) {
      evalPhp(`if (!wp_set_comment_status(${Number(id)}, "approve")) { fwrite(STDERR, "approve failed"); exit(1); }`);
    },

    /**
     * Deletes (for good) every comment of these posts. This also clears WordPress's flood window,
     * which looks for the newest comment from the same IP address (all tests post from
     * 127.0.0.1) or email.
     */
    deleteComments(postIds) {
      evalPhp(`
        foreach ([${postIds.map(Number).join(', ')}] as $post) {
          foreach (get_comments(["post_id" => $post, "status" => "all", "fields" => "ids"]) as $id) {
            wp_delete_comment($id, true);
          }
        }`);
    },

    /**
     * Inserts comments (wp_insert_comment, no IP address, so no flood window) and returns their
     * ids. Each: { comment_post_ID, comment_content, comment_author, comment_author_email,
     * comment_approved, comment_date_gmt, comment_parent, … }.
     */
    insertComments(comments) {
      const rows = comments.map((c) => {
        const row = { comment_type: 'comment', comment_author_IP: '', ...c };
        if (row.comment_date_gmt && !row.comment_date) row.comment_date = row.comment_date_gmt;
        return phpArray(row);
      });
      return evalJson(`
        $ids = [];
        foreach ([${rows.join(',\n')}] as $c) {
          $id = wp_insert_comment($c);
          if (!$id) { fwrite(STDERR, "wp_insert_comment failed"); exit(1); }
          $ids[] = $id;
        }
        echo json_encode($ids);`);
    },

    /**
     * deleteComments(postIds) and floodWait() in one WP_EVAL (each run loads WordPress):
     * returns the seconds to wait before a comment from 127.0.0.1 gets through.
     */
    reset(postIds) {
      const out = evalPhp(`
        foreach ([${postIds.map(Number).join(', ')}] as $post) {
          foreach (get_comments(["post_id" => $post, "status" => "all", "fields" => "ids"]) as $id) {
            wp_delete_comment($id, true);
          }
        }
        ${FLOOD_WAIT_PHP}`);
      return Number(out.trim()) || 0;
    },

    /** Seconds until WordPress's 15 s flood check lets a comment from 127.0.0.1 through (0: now). */
    floodWait() {
      const out = evalPhp(FLOOD_WAIT_PHP);
      return Number(out.trim()) || 0;
    },
  };
}

/**
 * A publisher's article page with one widget; `attributes` become the host element's data-*
 * attributes (values HTML-escaped). `script` is where byline.js is.
 */
export function articlePage({ attributes = {}, script = '/dist/byline.js', title = 'Harbour wall repairs begin' } = {}) {
  const escape = (s) =>
    String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    url: 'https://www.porthaven-courier.example/news/harbour-wall-repairs-begin',
    headline: title,
    description: 'Work on the storm-damaged harbour wall starts on Monday and should take six weeks.',
    datePublished: '2025-02-03T07:30:00+00:00',
    author: { '@type': 'Person', name: 'Ines Marrow' },
    publisher: { '@type': 'Organization', name: 'Porthaven Courier' },
    articleBody:
      'Contractors will close the north quay from Monday while the harbour wall is rebuilt.\n\n' +
      'Fishing boats will moor at the south pontoon until the work is finished.',
  };
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)} – Porthaven Courier</title>
  <script type="application/ld+json">${JSON.stringify(article)}</script>
  <script type="module" src="${escape(script)}"></script>
</head>
<body>
  <main>
    <div data-byline${attrs}>
      <p>${escape(title)}. Enable JavaScript to read the story and leave a reply.</p>
    </div>
  </main>
</body>
</html>
`;
}

<?php
/**
 * Plugin Name:       Byline
 * Description:       Shows single posts with Byline: the article, related stories from the post's category, the approved replies and a reply form that posts through WordPress's REST API. No theme edits.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Byline
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       byline
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/*
 * The plugin's version. scripts/wordpress-plugin writes the release's version here (and in the
 * header above); it also versions the URLs of byline.js and byline.css.
 */
define( 'BYLINE_VERSION', '0.1.0' );
define( 'BYLINE_FILE', __FILE__ );

require_once __DIR__ . '/includes/conditions.php';
require_once __DIR__ . '/includes/article.php';
require_once __DIR__ . '/includes/host.php';
require_once __DIR__ . '/includes/theme.php';

// The release files (byline.js, byline.css; the module loads byline_bg.wasm itself).
add_action( 'wp_enqueue_scripts', 'byline_enqueue_assets' );
add_filter( 'script_loader_tag', 'byline_module_script_tag', 10, 2 );
add_filter( 'wp_preload_resources', 'byline_preload_wasm' );

// The host, the article data and the no-script fallback, in place of the post's content.
add_filter( 'the_content', 'byline_filter_content', 999 );

// The theme's own title, featured image and comment area, which Byline shows instead. Late,
// after the theme's own filters (Twenty Twenty-One turns an empty title into "Untitled").
add_filter( 'the_title', 'byline_filter_title', 9999, 2 );
add_filter( 'post_thumbnail_html', 'byline_filter_thumbnail_html', 9999, 2 );
add_filter( 'has_post_thumbnail', 'byline_filter_has_thumbnail', 9999, 2 );
add_filter( 'comments_template', 'byline_filter_comments_template', 9999 );
add_filter( 'render_block', 'byline_filter_block', 9999, 3 );

// Replies from readers who are not logged in, on posts that show Byline only.
add_filter( 'rest_allow_anonymous_comments', 'byline_allow_anonymous_comments', 10, 2 );

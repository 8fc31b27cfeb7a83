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
require_once __DIR__ . '/includes/meta.php';
require_once __DIR__ . '/includes/replies.php';

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

// The theme's post meta for that post: date, author and categories (Byline shows them; tags
// stay). Classic themes: WordPress's template tags, in the main loop. Block themes: the meta
// blocks of the single template, outside query loops (counted around each block).
foreach ( array( 'get_the_date', 'get_the_time', 'get_the_modified_date', 'get_the_modified_time' ) as $byline_hook ) {
	add_filter( $byline_hook, 'byline_filter_meta_date', 9999, 3 );
}
unset( $byline_hook );
add_filter( 'the_author', 'byline_filter_meta_author', 9999 );
add_filter( 'the_author_posts_link', 'byline_filter_meta_author', 9999 );
add_filter( 'get_the_author_description', 'byline_filter_meta_description', 9999, 2 );
add_filter( 'the_category', 'byline_filter_meta_categories', 9999 );
add_filter( 'get_avatar', 'byline_filter_meta_avatar', 9999, 2 );
add_action( 'after_setup_theme', 'byline_register_meta_frames' );
add_filter( 'render_block_data', 'byline_enter_block', 1 );
add_filter( 'render_block', 'byline_leave_block', 1, 2 );

// Replies from readers who are not logged in, on published posts that show Byline and are
// open for comments only; every Byline reply takes the classic form's path.
add_filter( 'rest_allow_anonymous_comments', 'byline_allow_anonymous_comments', 10, 2 );
add_filter( 'rest_request_before_callbacks', 'byline_rest_closed_answer', 10, 3 );
add_filter( 'rest_dispatch_request', 'byline_dispatch_reply', 10, 4 );
add_action( 'pre_comment_on_post', 'byline_form_honeypot' );

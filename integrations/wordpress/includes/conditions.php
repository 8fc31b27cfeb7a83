<?php
/**
 * Where Byline is shown: which posts, which requests.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether Byline is shown for a post (wherever that post is viewed on its own).
 *
 * Never for a post with a password (nothing of it may reach the page before the password is
 * given) or without a title (the widget needs a headline). Otherwise for the post types of the
 * `byline_post_types` filter (default: posts), unless the `byline_enabled` filter says no.
 *
 * @param int|WP_Post $post The post or its ID.
 * @return bool
 */
function byline_is_enabled_for( $post ) {
	static $cache  = array();
	static $asking = array();

	$post = get_post( $post );
	if ( ! $post instanceof WP_Post ) {
		return false;
	}
	if ( isset( $cache[ $post->ID ] ) ) {
		return $cache[ $post->ID ];
	}
	// A filter that asks again (through get_the_title, say) gets "no" instead of a loop.
	if ( isset( $asking[ $post->ID ] ) ) {
		return false;
	}
	$asking[ $post->ID ] = true;

	$enabled = '' === $post->post_password && '' !== byline_plain_text( $post->post_title );
	if ( $enabled ) {
		/**
		 * The post types Byline is shown on.
		 *
		 * @param string[] $post_types Post type names. Default array( 'post' ).
		 */
		$post_types = (array) apply_filters( 'byline_post_types', array( 'post' ) );
		$enabled    = in_array( $post->post_type, $post_types, true );
	}
	if ( $enabled ) {
		/**
		 * Whether Byline is shown on this post (and takes replies from readers who are not
		 * logged in through the REST API).
		 *
		 * @param bool    $enabled Default true.
		 * @param WP_Post $post    The post.
		 */
		$enabled = (bool) apply_filters( 'byline_enabled', true, $post );
	}

	unset( $asking[ $post->ID ] );
	$cache[ $post->ID ] = $enabled;
	return $enabled;
}

/**
 * The post this request shows with Byline: the queried post of a single-post view on the
 * front end, when Byline is enabled for it. Null everywhere else (archives, feeds, embeds, the
 * admin, REST requests, and before the main query has run).
 *
 * @return WP_Post|null
 */
function byline_current_post() {
	if ( ! did_action( 'wp' ) || is_admin() || is_feed() || is_embed() || ! is_singular() ) {
		return null;
	}
	$post = get_queried_object();
	if ( ! $post instanceof WP_Post || ! byline_is_enabled_for( $post ) ) {
		return null;
	}
	return $post;
}

/**
 * Whether the plugin is printing its own output, during which its filters that hide the
 * theme's copies stand aside (the fallback shows the title and the featured image itself).
 *
 * @param bool|null $set True or false to change the state; null to read it.
 * @return bool
 */
function byline_is_printing( $set = null ) {
	static $printing = false;
	if ( null !== $set ) {
		$printing = (bool) $set;
	}
	return $printing;
}

/**
 * Whether a post ID is the post shown with Byline, as the theme's main loop prints it (not in
 * a widget, a menu, a related-posts list or the document head).
 *
 * @param int $post_id A post ID.
 * @return bool
 */
function byline_is_main_post( $post_id ) {
	if ( byline_is_printing() ) {
		return false;
	}
	$post = byline_current_post();
	return $post && (int) $post_id === $post->ID && in_the_loop() && is_main_query();
}

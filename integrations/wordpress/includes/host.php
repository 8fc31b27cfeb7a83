<?php
/**
 * The Byline host: the release files, the `<div data-byline>` element with its attributes, the
 * article data it reads, and the no-script fallback inside it.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/**
 * URL of a release file in the plugin's assets folder.
 *
 * @param string $file File name (byline.js, byline.css, byline_bg.wasm).
 * @return string
 */
function byline_asset_url( $file ) {
	return plugins_url( 'assets/' . $file, BYLINE_FILE );
}

/**
 * Enqueues byline.css and the byline.js module on a page that shows Byline. byline.js finds
 * the wasm and the translations next to itself.
 */
function byline_enqueue_assets() {
	if ( ! byline_current_post() ) {
		return;
	}
	wp_enqueue_style( 'byline', byline_asset_url( 'byline.css' ), array(), BYLINE_VERSION );

	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// WordPress 6.5 and later print it as a module themselves.
		wp_enqueue_script_module( 'byline', byline_asset_url( 'byline.js' ), array(), BYLINE_VERSION );
	} else {
		// Earlier: a classic script, made a module by byline_module_script_tag().
		wp_enqueue_script( 'byline', byline_asset_url( 'byline.js' ), array(), BYLINE_VERSION, false );
	}
}

/**
 * Prints byline.js as `<script type="module">` (WordPress before 6.5 knows no modules). Only
 * that element changes: inline scripts added before or after it stay as they are.
 *
 * @param string $tag    The script's HTML, with any inline scripts around it.
 * @param string $handle The script handle.
 * @return string
 */
function byline_module_script_tag( $tag, $handle ) {
	if ( 'byline' !== $handle ) {
		return $tag;
	}
	$module = preg_replace_callback(
		'/<script\b[^>]*\bid=([\'"])byline-js\1[^>]*>/i',
		static function ( $match ) {
			$open = preg_replace( '/\s+type=([\'"])[^\'"]*\1/i', '', $match[0] );
			return preg_replace( '/^<script\b/i', '<script type="module"', $open );
		},
		$tag
	);
	return null === $module ? $tag : $module;
}

/**
 * Asks the browser to fetch the wasm while it parses the page, in parallel with byline.js
 * (which would otherwise request it only once it runs). Filter of WordPress 6.1.
 *
 * @param array $resources Resources to preload.
 * @return array
 */
function byline_preload_wasm( $resources ) {
	if ( byline_current_post() ) {
		$resources[] = array(
			'href'        => byline_asset_url( 'byline_bg.wasm' ),
			'as'          => 'fetch',
			'type'        => 'application/wasm',
			'crossorigin' => 'anonymous',
		);
	}
	return $resources;
}

/**
 * Wraps the content of the post shown with Byline in its host, once, in the main loop (classic
 * themes call the_content() there; the post-content block of block themes does too).
 *
 * @param string $content The rendered content.
 * @return string
 */
function byline_filter_content( $content ) {
	static $done = false;

	$post = byline_current_post();
	if ( $done || ! $post || byline_is_printing() || get_the_ID() !== $post->ID
		|| ! in_the_loop() || ! is_main_query()
		// An excerpt or a head tag built from the content is not the place.
		|| doing_filter( 'get_the_excerpt' ) || doing_action( 'wp_head' ) ) {
		return $content;
	}
	$done = true;

	byline_is_printing( true );
	$html = byline_host_html( $post, (string) $content );
	byline_is_printing( false );
	return $html;
}

/**
 * The article data block and the host, holding the fallback.
 *
 * @param WP_Post $post    The post.
 * @param string  $content Its rendered content.
 * @return string
 */
function byline_host_html( WP_Post $post, $content ) {
	$script_id  = 'byline-article-' . $post->ID;
	$json       = byline_script_json( byline_article_data( $post, $content ) );
	$attributes = byline_host_attributes( $post, '#' . $script_id );

	$html = '';
	if ( false !== $json ) {
		// byline_script_json() escapes everything that could end the element.
		$html .= '<script type="application/json" id="' . esc_attr( $script_id ) . '">' . $json . '</script>' . "\n";
	}
	$html .= '<div';
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= ">\n";
	$html .= byline_fallback_header( $post );
	// The post's rendered content, printed once: the no-script fallback, and the body Byline
	// rebuilds as HTML (links, headings, lists, images, tables, embeds as links) by its
	// default source, the host's own [itemprop="articleBody"] (CONTRACT 3b).
	$html .= '<div class="byline-fallback-content" itemprop="articleBody">' . "\n" . $content . "\n</div>\n";
	$html .= byline_fallback_comments( $post );
	$html .= "</div>\n";
	return $html;
}

/**
 * The host's attributes (CONTRACT 2 of Byline).
 *
 * @param WP_Post $post    The post.
 * @param string  $article The data-article value.
 * @return array Attribute name => value (escaped when printed).
 */
function byline_host_attributes( WP_Post $post, $article ) {
	$endpoint   = rest_url( 'wp/v2/comments' );
	$attributes = array(
		'data-byline'             => '',
		'data-article'            => $article,
		'data-post-id'            => (string) $post->ID,
		'data-reply-endpoint'     => esc_url_raw( $endpoint ),
		'data-replies-src'        => esc_url_raw(
			add_query_arg(
				array(
					'post'     => $post->ID,
					'per_page' => 50,
					'order'    => 'asc',
				),
				$endpoint
			)
		),
		'data-reply-action'       => esc_url_raw( site_url( 'wp-comments-post.php' ) ),
		'data-require-name-email' => get_option( 'require_name_email' ) ? 'true' : 'false',
		'data-lang'               => get_bloginfo( 'language' ),
	);

	// Related stories: the RSS 2.0 feed of the post's first category.
	$categories = get_the_category( $post->ID );
	if ( $categories ) {
		$feed = get_category_feed_link( $categories[0]->term_id );
		if ( $feed ) {
			$attributes['data-related'] = esc_url_raw( $feed );
		}
	}

	if ( ! comments_open( $post ) ) {
		$attributes['data-replies'] = 'closed';
	}

	// A logged-in reader replies as themself: the REST API needs the nonce to see the login.
	// When the page's nonce has expired, the widget asks WordPress's rest-nonce action for a
	// fresh one (the page may be older than the nonce's lifetime).
	if ( is_user_logged_in() ) {
		$attributes['data-reply-nonce']     = wp_create_nonce( 'wp_rest' );
		$attributes['data-reply-nonce-src'] = esc_url_raw( admin_url( 'admin-ajax.php?action=rest-nonce' ) );
		$attributes['data-reply-as']        = wp_get_current_user()->display_name;
	}

	/**
	 * The Byline host's attributes, for example to add data-theme or data-related-limit, or
	 * to point data-related at another feed.
	 *
	 * @param array   $attributes Attribute name => value (values are escaped when printed).
	 * @param WP_Post $post       The post.
	 */
	$filtered = (array) apply_filters( 'byline_host_attributes', $attributes, $post );

	// Only data-* attributes with a valid name; data-byline always.
	$clean = array( 'data-byline' => '' );
	foreach ( $filtered as $name => $value ) {
		if ( is_string( $name ) && preg_match( '/^data-[a-z0-9-]+$/', $name ) && is_scalar( $value ) ) {
			$clean[ $name ] = (string) $value;
		}
	}
	return $clean;
}

/**
 * The title and the featured image, for the fallback (the theme's own are hidden).
 *
 * @param WP_Post $post The post.
 * @return string
 */
function byline_fallback_header( WP_Post $post ) {
	// The title's own markup stays (as themes print it), except scripts and styles.
	$title = preg_replace( '#<(script|style)\b[^>]*>.*?</\1\s*>#is', '', get_the_title( $post ) );
	$html  = '<h1 class="entry-title byline-fallback-title">' . wp_kses_post( (string) $title ) . "</h1>\n";

	$image = get_the_post_thumbnail( $post, 'large' );
	if ( $image ) {
		$caption = wp_get_attachment_caption( get_post_thumbnail_id( $post ) );
		$html   .= '<figure class="byline-fallback-image">' . $image;
		if ( $caption ) {
			$html .= '<figcaption>' . wp_kses_post( $caption ) . '</figcaption>';
		}
		$html .= "</figure>\n";
	}
	return $html;
}

/**
 * The approved comments (and the reader's own held ones, as WordPress shows them) and
 * WordPress's comment form, for the fallback.
 *
 * @param WP_Post $post The post.
 * @return string
 */
function byline_fallback_comments( WP_Post $post ) {
	$query = array(
		'post_id' => $post->ID,
		'status'  => 'approve',
		'orderby' => 'comment_date_gmt',
		'order'   => 'ASC',
	);
	// As comments_template() does: a reader sees their own comments awaiting moderation.
	if ( is_user_logged_in() ) {
		$query['include_unapproved'] = array( get_current_user_id() );
	} else {
		$email = wp_get_unapproved_comment_author_email();
		if ( $email ) {
			$query['include_unapproved'] = array( $email );
		}
	}
	$comments = get_comments( $query );

	$html = '';
	if ( $comments ) {
		$count = count( $comments );
		$html .= '<div id="comments" class="comments-area byline-fallback-comments">' . "\n";
		$html .= '<h2 class="comments-title">' . esc_html(
			sprintf(
				/* translators: %s: number of comments */
				_n( '%s comment', '%s comments', $count, 'byline' ),
				number_format_i18n( $count )
			)
		) . "</h2>\n";
		$html .= '<ol class="comment-list">' . wp_list_comments(
			array(
				'style' => 'ol',
				'echo'  => false,
			),
			$comments
		) . "</ol>\n</div>\n";
	}

	// WordPress's own form, posting to wp-comments-post.php (nothing when comments are closed).
	ob_start();
	comment_form(
		array(
			'title_reply_before' => '<h2 id="reply-title" class="comment-reply-title">',
			'title_reply_after'  => '</h2>',
		),
		$post->ID
	);
	$html .= ob_get_clean();
	return $html;
}

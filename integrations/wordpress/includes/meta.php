<?php
/**
 * Hides the theme's post meta for the post shown with Byline: its date, modified date, author
 * (name, avatar, biography) and categories, which Byline's article shows. Tags stay (Byline
 * does not show them). Only for the post in the theme's main loop (classic themes) or in the
 * single template outside any query loop (block themes): archives, widgets, menus, related
 * posts and the document head are untouched.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Classic themes: what WordPress's template tags give for the post's date, time, modified
 * date and modified time (get_the_date(), get_the_time(), get_the_modified_date(),
 * get_the_modified_time(), and the_date() and the_time() through them): nothing, in the main
 * loop.
 *
 * @param string           $value  The formatted date or time.
 * @param string           $format The format.
 * @param int|WP_Post|null $post   The post.
 * @return string
 */
function byline_filter_meta_date( $value, $format = '', $post = null ) {
	$post = get_post( $post );
	return $post && byline_is_main_post( $post->ID ) ? '' : $value;
}

/**
 * Classic themes: the author's name (get_the_author(), the_author()) and the link to their
 * posts (the_author_posts_link()): nothing, in the main loop.
 *
 * @param string|null $value The name or the link.
 * @return string|null
 */
function byline_filter_meta_author( $value ) {
	return byline_is_main_post( get_the_ID() ) ? '' : $value;
}

/**
 * Classic themes: the author's biography (get_the_author_meta( 'description' ), which themes
 * print in an author box): nothing for the post's author, in the main loop.
 *
 * @param string $value   The biography.
 * @param int    $user_id The user asked about (0: the post's author).
 * @return string
 */
function byline_filter_meta_description( $value, $user_id = 0 ) {
	$post = get_post();
	if ( ! $post || ! byline_is_main_post( $post->ID ) ) {
		return $value;
	}
	return ( ! $user_id || (int) $user_id === (int) $post->post_author ) ? '' : $value;
}

/**
 * Classic themes: the list of categories (get_the_category_list(), the_category()): nothing,
 * in the main loop.
 *
 * @param string $list The list's HTML.
 * @return string
 */
function byline_filter_meta_categories( $list ) {
	return byline_is_main_post( get_the_ID() ) ? '' : $list;
}

/**
 * Classic themes: the avatar of the post's author, in the main loop: none.
 *
 * @param string $avatar      The avatar's HTML.
 * @param mixed  $id_or_email A user ID, email, WP_User, WP_Post or WP_Comment.
 * @return string
 */
function byline_filter_meta_avatar( $avatar, $id_or_email = null ) {
	$post = get_post();
	if ( ! $post || ! byline_is_main_post( $post->ID ) || $id_or_email instanceof WP_Comment ) {
		return $avatar;
	}
	$user_id = 0;
	if ( is_numeric( $id_or_email ) ) {
		$user_id = (int) $id_or_email;
	} elseif ( $id_or_email instanceof WP_User ) {
		$user_id = $id_or_email->ID;
	} elseif ( $id_or_email instanceof WP_Post ) {
		$user_id = (int) $id_or_email->post_author;
	} elseif ( is_string( $id_or_email ) ) {
		$user    = get_user_by( 'email', $id_or_email );
		$user_id = $user ? $user->ID : 0;
	}
	return $user_id === (int) $post->post_author ? '' : $avatar;
}

/**
 * The words classic themes print around the meta ("Published %s", "By %s"), by text domain:
 * with the date and the name gone they would stand alone. Twenty Twenty-One's are built in; a
 * theme can add its own with the `byline_theme_meta_frames` filter.
 *
 * @return array Text domain => original (untranslated) strings.
 */
function byline_theme_meta_frames() {
	/**
	 * The strings a classic theme frames the post's date and author with, by text domain
	 * (the original strings, as in the theme's source); they print nothing for the post shown
	 * with Byline.
	 *
	 * @param array $frames Text domain => list of strings.
	 */
	return (array) apply_filters(
		'byline_theme_meta_frames',
		array(
			'twentytwentyone' => array( 'Published %s', 'By %s' ),
		)
	);
}

/**
 * Hooks byline_filter_meta_frame() on the text domains of byline_theme_meta_frames(), once the
 * theme is loaded (so a theme can add its own).
 */
function byline_register_meta_frames() {
	foreach ( array_keys( byline_theme_meta_frames() ) as $domain ) {
		if ( is_string( $domain ) && '' !== $domain ) {
			add_filter( 'gettext_' . $domain, 'byline_filter_meta_frame', 9999, 3 );
		}
	}
}

/**
 * A meta frame of byline_theme_meta_frames(), translated: nothing for the post shown with
 * Byline, in the main loop (so the theme prints an empty element instead of "Published" or
 * "By" alone).
 *
 * @param string $translation The translated text.
 * @param string $text        The original text.
 * @param string $domain      The text domain.
 * @return string
 */
function byline_filter_meta_frame( $translation, $text, $domain ) {
	static $frames = null;
	if ( null === $frames ) {
		$frames = byline_theme_meta_frames();
	}
	if ( empty( $frames[ $domain ] ) || ! in_array( $text, (array) $frames[ $domain ], true ) ) {
		return $translation;
	}
	return byline_is_main_post( get_the_ID() ) ? '' : $translation;
}

/**
 * Block themes: whether a parsed block is one of the post's meta blocks Byline shows instead:
 * the date (published or modified), the author (with avatar), the author's name and biography,
 * an author avatar, and the category terms (tags and other taxonomies stay).
 *
 * @param array $block A parsed block.
 * @return bool
 */
function byline_is_meta_block( $block ) {
	$name = isset( $block['blockName'] ) ? $block['blockName'] : '';
	if ( 'core/post-terms' === $name ) {
		return isset( $block['attrs']['term'] ) && 'category' === $block['attrs']['term'];
	}
	return in_array(
		$name,
		array( 'core/post-date', 'core/post-author', 'core/post-author-name', 'core/post-author-biography', 'core/avatar' ),
		true
	);
}

/**
 * Block themes: whether a parsed group is a line of the post's meta, such as Twenty
 * Twenty-Three's "Posted <date> in <categories>" and "by <author>": one or more meta blocks
 * (byline_is_meta_block()) and nothing else but short text labels between them. With the meta
 * gone, its labels would stand alone.
 *
 * @param array $block A parsed block.
 * @return bool
 */
function byline_is_meta_line( $block ) {
	if ( ! isset( $block['blockName'] ) || 'core/group' !== $block['blockName'] || empty( $block['innerBlocks'] ) ) {
		return false;
	}
	$meta = 0;
	foreach ( $block['innerBlocks'] as $inner ) {
		if ( byline_is_meta_block( $inner ) ) {
			++$meta;
			continue;
		}
		$label = isset( $inner['innerHTML'] ) ? trim( byline_plain_text( $inner['innerHTML'] ) ) : '';
		if ( 'core/paragraph' !== $inner['blockName'] || ! empty( $inner['innerBlocks'] )
			|| false !== stripos( (string) $inner['innerHTML'], '<a ' ) || mb_strlen( $label ) > 40 ) {
			return false;
		}
	}
	return $meta > 0;
}

/**
 * Block themes: how deep the block being rendered is in query loops (core/query,
 * core/post-template), which list posts each with its own context. Counted up before a block
 * renders (render_block_data) and down after (render_block).
 *
 * @param int $change +1, -1, or 0 to read.
 * @return int
 */
function byline_query_depth( $change = 0 ) {
	static $depth = 0;
	$depth = max( 0, $depth + (int) $change );
	return $depth;
}

/**
 * Block themes: counts query loops in (render_block_data).
 *
 * @param array $block The parsed block.
 * @return array The block, unchanged.
 */
function byline_enter_block( $block ) {
	if ( isset( $block['blockName'] ) && in_array( $block['blockName'], array( 'core/query', 'core/post-template' ), true ) ) {
		byline_query_depth( 1 );
	}
	return $block;
}

/**
 * Block themes: counts query loops out (render_block, before byline_filter_block).
 *
 * @param string $content The block's HTML.
 * @param array  $block   The parsed block.
 * @return string The HTML, unchanged.
 */
function byline_leave_block( $content, $block ) {
	if ( isset( $block['blockName'] ) && in_array( $block['blockName'], array( 'core/query', 'core/post-template' ), true ) ) {
		byline_query_depth( -1 );
	}
	return $content;
}

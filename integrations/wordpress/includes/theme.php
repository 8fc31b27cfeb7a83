<?php
/**
 * Hides the theme's own copies of what Byline shows (the title, the featured image, the
 * comments and the comment form; the post meta in includes/meta.php) for the post shown with
 * Byline, in classic and block themes.
 * Everything else the theme prints stays.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Classic themes: an empty title in the main loop, so the_title() prints no heading. The
 * document's <title> comes from single_post_title and is not affected.
 *
 * @param string $title   The title.
 * @param int    $post_id The post ID.
 * @return string
 */
function byline_filter_title( $title, $post_id = 0 ) {
	return byline_is_main_post( $post_id ) ? '' : $title;
}

/**
 * Classic themes: no featured image in the main loop.
 *
 * @param string $html    The image's HTML.
 * @param int    $post_id The post ID.
 * @return string
 */
function byline_filter_thumbnail_html( $html, $post_id = 0 ) {
	return byline_is_main_post( $post_id ) ? '' : $html;
}

/**
 * Classic themes: "no featured image" in the main loop, so a theme prints no empty figure or
 * caption around it.
 *
 * @param bool             $has_thumbnail Whether the post has one.
 * @param int|WP_Post|null $post          The post.
 * @return bool
 */
function byline_filter_has_thumbnail( $has_thumbnail, $post = null ) {
	$post = get_post( $post );
	return $post && byline_is_main_post( $post->ID ) ? false : $has_thumbnail;
}

/**
 * Classic themes: an empty comments template for the post shown with Byline (its comments and
 * WordPress's comment form are printed inside the host instead).
 *
 * @param string $template The theme's comments template.
 * @return string
 */
function byline_filter_comments_template( $template ) {
	$post = byline_current_post();
	if ( $post && ! byline_is_printing() && get_the_ID() === $post->ID ) {
		return __DIR__ . '/../templates/comments.php';
	}
	return $template;
}

/**
 * Block themes: drops the title, featured image, comments and comment form blocks of the post
 * shown with Byline (not those inside a query loop, which list other posts or this one among
 * them), and its meta (byline_is_meta_block(): date, author, categories) with the groups that
 * are only a line of meta and its labels (byline_is_meta_line()).
 *
 * @param string        $content  The block's HTML.
 * @param array         $block    The parsed block.
 * @param WP_Block|null $instance The block instance (with its context).
 * @return string
 */
function byline_filter_block( $content, $block, $instance = null ) {
	static $names = array(
		'core/post-title',
		'core/post-featured-image',
		'core/comments',
		'core/comments-query-loop',
		'core/post-comments',
		'core/post-comments-form',
	);
	if ( ! isset( $block['blockName'] ) || ! $instance instanceof WP_Block || byline_is_printing()
		|| byline_query_depth() > 0 ) {
		return $content;
	}
	if ( byline_is_meta_line( $block ) ) {
		return byline_current_post() ? '' : $content;
	}
	if ( ! in_array( $block['blockName'], $names, true ) && ! byline_is_meta_block( $block ) ) {
		return $content;
	}
	$post = byline_current_post();
	if ( ! $post || isset( $instance->context['queryId'] ) || isset( $instance->context['commentId'] )
		|| ! isset( $instance->context['postId'] ) || (int) $instance->context['postId'] !== $post->ID ) {
		return $content;
	}
	return '';
}

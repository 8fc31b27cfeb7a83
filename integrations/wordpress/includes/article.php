<?php
/**
 * The article Byline shows: a schema.org NewsArticle built from the post.
 *
 * It is printed as `<script type="application/json">` (not JSON-LD), so search engines see no
 * second NewsArticle next to the one an SEO plugin may print.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/**
 * Text of an HTML fragment: tags (and the content of script and style elements) removed,
 * entities decoded, runs of white space made one space.
 *
 * @param string $html HTML (a title, an excerpt, a caption, a name).
 * @return string
 */
function byline_plain_text( $html ) {
	$text = wp_strip_all_tags( (string) $html );
	$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	return trim( byline_collapse_space( $text ) );
}

/**
 * Makes each run of white space (no-break spaces included) one space.
 *
 * @param string $text Text.
 * @return string
 */
function byline_collapse_space( $text ) {
	$collapsed = preg_replace( '/[\s\x{00A0}]+/u', ' ', $text );
	if ( null === $collapsed ) {
		// Not valid UTF-8: leave no-break spaces alone rather than fail.
		$collapsed = preg_replace( '/\s+/', ' ', $text );
	}
	return (string) $collapsed;
}

/**
 * The content of a post as plain text: one paragraph per block element (paragraph, heading,
 * list item, quotation, caption, table cell), paragraphs separated by a blank line, which is
 * how Byline reads `articleBody`. Scripts, styles, embedded frames, forms and media players
 * leave no text.
 *
 * @param string $html The post's content as WordPress renders it (after `the_content`).
 * @return string
 */
function byline_html_to_text( $html ) {
	$html = (string) $html;

	$steps = array(
		// Elements whose content is not reading text.
		'#<(script|style|template|noscript|iframe|object|svg|math|video|audio|canvas|select|textarea|button)\b[^>]*>.*?</\1\s*>#is' => ' ',
		'#<!--.*?-->#s'       => ' ',
		'#<br\b[^>]*>#i'      => ' ',
		// Block boundaries become paragraph breaks.
		'#</?(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>#i' => "\n\n",
	);
	foreach ( $steps as $pattern => $replacement ) {
		$replaced = preg_replace( $pattern, $replacement, $html );
		if ( null !== $replaced ) {
			$html = $replaced;
		}
	}

	$text       = html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	$paragraphs = array();
	foreach ( preg_split( '/\n[ \t\r\f\v]*\n/', $text ) as $paragraph ) {
		$paragraph = trim( byline_collapse_space( $paragraph ) );
		if ( '' !== $paragraph ) {
			$paragraphs[] = $paragraph;
		}
	}
	return implode( "\n\n", $paragraphs );
}

/**
 * The NewsArticle for a post (CONTRACT 3 of Byline): headline, description, author, dates,
 * image, section, body, URL and identifier, all as plain text.
 *
 * @param WP_Post $post         The post.
 * @param string  $content_html Its rendered content, for `articleBody`.
 * @return array
 */
function byline_article_data( WP_Post $post, $content_html ) {
	$article = array(
		'@context'      => 'https://schema.org',
		'@type'         => 'NewsArticle',
		'headline'      => byline_plain_text( get_the_title( $post ) ),
		'datePublished' => get_the_date( 'c', $post ),
		'dateModified'  => get_the_modified_date( 'c', $post ),
		'url'           => get_permalink( $post ),
		'identifier'    => $post->ID,
	);

	// Only a written excerpt: WordPress's automatic one would repeat the first paragraph.
	if ( has_excerpt( $post ) ) {
		$description = byline_plain_text( get_the_excerpt( $post ) );
		if ( '' !== $description ) {
			$article['description'] = $description;
		}
	}

	$author = byline_plain_text( get_the_author_meta( 'display_name', $post->post_author ) );
	if ( '' !== $author ) {
		$article['author'] = array(
			'@type' => 'Person',
			'name'  => $author,
			'url'   => get_author_posts_url( $post->post_author ),
		);
	}

	$image = byline_image_data( $post );
	if ( $image ) {
		$article['image'] = $image;
	}

	$sections = array();
	foreach ( get_the_category( $post->ID ) as $category ) {
		$name = byline_plain_text( $category->name );
		if ( '' !== $name ) {
			$sections[] = $name;
		}
	}
	if ( $sections ) {
		$article['articleSection'] = $sections;
	}

	// The text fallback: Byline shows the rendered content itself as the body, read from the
	// host's [itemprop="articleBody"] (host.php), and this text only when that is missing.
	$article['articleBody'] = byline_html_to_text( $content_html );

	/**
	 * The NewsArticle Byline shows for a post (text fields are plain text, never HTML).
	 *
	 * @param array   $article Fields of a schema.org NewsArticle.
	 * @param WP_Post $post    The post.
	 */
	return (array) apply_filters( 'byline_article', $article, $post );
}

/**
 * The featured image as a schema.org ImageObject (the "large" size), or null.
 *
 * @param WP_Post $post The post.
 * @return array|null
 */
function byline_image_data( WP_Post $post ) {
	$id = (int) get_post_thumbnail_id( $post );
	if ( ! $id ) {
		return null;
	}
	$source = wp_get_attachment_image_src( $id, 'large' );
	if ( ! $source || empty( $source[0] ) ) {
		return null;
	}
	$image = array(
		'@type' => 'ImageObject',
		'url'   => $source[0],
	);
	if ( ! empty( $source[1] ) && ! empty( $source[2] ) ) {
		$image['width']  = (int) $source[1];
		$image['height'] = (int) $source[2];
	}
	$caption = byline_plain_text( wp_get_attachment_caption( $id ) );
	if ( '' !== $caption ) {
		$image['caption'] = $caption;
	}
	return $image;
}

/**
 * JSON that is safe as the text of a `<script>` element: `<`, `>`, `&`, `'` and `"` inside
 * strings are \u escapes, so nothing in it can close the element or start a comment. Square
 * brackets inside strings are escaped too: a block theme runs do_shortcode() over the whole
 * page after the content, and a "[gallery]" in the text must stay text.
 *
 * @param array $data The data.
 * @return string|false False when the data cannot be encoded.
 */
function byline_script_json( array $data ) {
	$json = wp_json_encode(
		$data,
		JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
	);
	if ( false === $json ) {
		return false;
	}
	// With JSON_HEX_QUOT every literal " delimits a string, so the odd pieces are strings.
	$pieces = explode( '"', $json );
	$count  = count( $pieces );
	for ( $i = 1; $i < $count; $i += 2 ) {
		$pieces[ $i ] = str_replace( array( '[', ']' ), array( '\u005B', '\u005D' ), $pieces[ $i ] );
	}
	return implode( '"', $pieces );
}

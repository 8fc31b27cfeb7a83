<?php
/**
 * Replies sent to a post that shows Byline: who may send them through the REST API, and the
 * classic comment form's path (wp_handle_comment_submission(), as wp-comments-post.php runs
 * it) for every one of them, so WordPress and the site's anti-spam, CAPTCHA and notification
 * plugins treat a Byline reply as they treat a form reply.
 *
 * A "Byline reply" is a POST /wp/v2/comments creating a comment on a post that shows Byline,
 * sent by a reader who is not logged in or who cannot moderate comments. Moderators (and the
 * tools they use the REST API with) keep WordPress's own REST path.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

/** The honeypot's wire name (REST JSON and form), sent by the widget when it is filled in. */
const BYLINE_HONEYPOT_FIELD = 'byline_hp';

/**
 * Whether a post takes replies from readers who are not logged in: it shows Byline, it is
 * publicly viewable (published, not private, scheduled, draft, pending or trashed), it has no
 * password and its comments are open.
 *
 * @param int|WP_Post $post The post or its ID.
 * @return bool
 */
function byline_takes_anonymous_replies( $post ) {
	$post = get_post( $post );
	return $post instanceof WP_Post
		&& is_post_publicly_viewable( $post )
		&& '' === $post->post_password
		&& comments_open( $post )
		&& byline_is_enabled_for( $post );
}

/**
 * The post ID a REST request names, or 0.
 *
 * @param WP_REST_Request $request The request.
 * @return int
 */
function byline_request_post_id( WP_REST_Request $request ) {
	$post_id = $request['post'];
	return is_numeric( $post_id ) && (int) $post_id > 0 ? (int) $post_id : 0;
}

/**
 * Lets readers who are not logged in send replies through the REST API to a post that takes
 * them (byline_takes_anonymous_replies()); everywhere else WordPress's default (refused) stands.
 *
 * @param bool            $allow   Whether anonymous comments are allowed so far.
 * @param WP_REST_Request $request The request creating the comment.
 * @return bool
 */
function byline_allow_anonymous_comments( $allow, $request = null ) {
	if ( $allow || ! ( $request instanceof WP_REST_Request ) ) {
		return $allow;
	}
	$post_id = byline_request_post_id( $request );
	return $post_id > 0 && byline_takes_anonymous_replies( $post_id );
}

/**
 * Whether a REST handler is WordPress's "create a comment" (POST /wp/v2/comments).
 *
 * @param array           $handler The matched route handler.
 * @param WP_REST_Request $request The request.
 * @return bool
 */
function byline_is_comment_creation( $handler, WP_REST_Request $request ) {
	$callback = isset( $handler['callback'] ) ? $handler['callback'] : null;
	return 'POST' === $request->get_method()
		&& is_array( $callback )
		&& isset( $callback[0], $callback[1] )
		&& $callback[0] instanceof WP_REST_Comments_Controller
		&& 'create_item' === $callback[1];
}

/**
 * Whether a REST comment creation is a Byline reply: its post shows Byline and the reader is
 * not logged in or cannot moderate comments.
 *
 * @param array           $handler The matched route handler.
 * @param WP_REST_Request $request The request.
 * @return bool
 */
function byline_is_byline_reply( $handler, WP_REST_Request $request ) {
	if ( ! byline_is_comment_creation( $handler, $request ) || current_user_can( 'moderate_comments' ) ) {
		return false;
	}
	$post_id = byline_request_post_id( $request );
	return $post_id > 0 && byline_is_enabled_for( $post_id );
}

/**
 * Before WordPress's permission check: a reader who is not logged in and replies to a post
 * that shows Byline but whose comments are closed gets WordPress's own "comments are closed"
 * answer (the anonymous permission, refused for that post, would otherwise say "log in").
 *
 * @param mixed           $response The response so far (null, or an error).
 * @param array           $handler  The matched route handler.
 * @param WP_REST_Request $request  The request.
 * @return mixed
 */
function byline_rest_closed_answer( $response, $handler, $request ) {
	if ( null !== $response || ! $request instanceof WP_REST_Request || is_user_logged_in()
		|| ! byline_is_comment_creation( $handler, $request ) ) {
		return $response;
	}
	$post = get_post( byline_request_post_id( $request ) );
	if ( $post && byline_is_enabled_for( $post ) && is_post_publicly_viewable( $post )
		&& '' === $post->post_password && ! comments_open( $post ) ) {
		return new WP_Error(
			'rest_comment_closed',
			// WordPress's own message (and translation).
			__( 'Sorry, comments are closed for this item.' ), // phpcs:ignore WordPress.WP.I18n.MissingArgDomain
			array( 'status' => 403 )
		);
	}
	return $response;
}

/**
 * After WordPress's permission check, in place of the REST controller's create_item(): a
 * Byline reply is refused when its honeypot is filled in or it answers a comment that is not
 * an approved reply of the same post, and is otherwise handled by wp_handle_comment_submission()
 * exactly as wp-comments-post.php handles the classic form. That fires pre_comment_on_post,
 * preprocess_comment and comment_post (and with it the moderator's and the author's emails),
 * and takes the date, the address and the user agent from the server, never from the request.
 * The answer is what the REST API answers: 201 with the comment, or a WordPress error object.
 *
 * @param mixed           $result  Null, or another filter's result.
 * @param WP_REST_Request $request The request.
 * @param string          $route   The matched route.
 * @param array           $handler The matched route handler.
 * @return mixed
 */
function byline_dispatch_reply( $result, $request, $route, $handler ) {
	if ( null !== $result || ! $request instanceof WP_REST_Request || ! byline_is_byline_reply( $handler, $request ) ) {
		return $result;
	}

	$refusal = byline_reply_refusal( $request );
	if ( $refusal ) {
		return $refusal;
	}

	$content = $request['content'];
	if ( is_array( $content ) && isset( $content['raw'] ) ) {
		$content = $content['raw'];
	}
	$fields = array(
		'comment_post_ID' => byline_request_post_id( $request ),
		'comment'         => is_string( $content ) ? $content : '',
		'author'          => is_string( $request['author_name'] ) ? $request['author_name'] : '',
		'email'           => is_string( $request['author_email'] ) ? $request['author_email'] : '',
		'url'             => is_string( $request['author_url'] ) ? $request['author_url'] : '',
		'comment_parent'  => absint( $request['parent'] ),
	);

	// A plugin that stops the form with wp_die() (a CAPTCHA plugin, say) answers with its message.
	add_filter( 'wp_die_json_handler', 'byline_reply_die_handler_name' );
	$comment = wp_handle_comment_submission( $fields );
	remove_filter( 'wp_die_json_handler', 'byline_reply_die_handler_name' );

	if ( is_wp_error( $comment ) ) {
		return byline_rest_error( $comment );
	}

	$controller = $handler['callback'][0];
	$request->set_param( 'context', 'view' );
	$response = rest_ensure_response( $controller->prepare_item_for_response( $comment, $request ) );
	$response->set_status( 201 );
	$response->header( 'Location', rest_url( sprintf( 'wp/v2/comments/%d', $comment->comment_ID ) ) );
	return $response;
}

/**
 * Why a Byline reply is refused before WordPress sees it, or null: a filled-in honeypot, or a
 * parent that is not an approved reply of the same post.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_Error|null
 */
function byline_reply_refusal( WP_REST_Request $request ) {
	if ( byline_honeypot_is_filled( $request[ BYLINE_HONEYPOT_FIELD ] ) ) {
		return new WP_Error(
			'byline_reply_refused',
			__( 'Your reply could not be accepted.', 'byline' ),
			array( 'status' => 400 )
		);
	}
	$parent_id = absint( $request['parent'] );
	if ( $parent_id > 0 ) {
		$parent = get_comment( $parent_id );
		if ( ! $parent || (int) $parent->comment_post_ID !== byline_request_post_id( $request )
			|| '1' !== (string) $parent->comment_approved ) {
			return new WP_Error(
				'byline_invalid_parent',
				__( 'The reply you are answering is not available.', 'byline' ),
				array( 'status' => 400 )
			);
		}
	}
	return null;
}

/**
 * Whether a honeypot value is filled in (anything but nothing or white space).
 *
 * @param mixed $value The value sent.
 * @return bool
 */
function byline_honeypot_is_filled( $value ) {
	return null !== $value && ( ! is_string( $value ) || '' !== trim( $value ) );
}

/**
 * The classic form (the widget's `form` mode posts to wp-comments-post.php): a filled-in
 * honeypot stops the reply before it is stored, on posts that show Byline.
 *
 * @param int $post_id The post replied to.
 */
function byline_form_honeypot( $post_id ) {
	// The comment form has no nonce: WordPress's own form checks none either.
	// phpcs:ignore WordPress.Security.NonceVerification.Missing
	if ( ! isset( $_POST[ BYLINE_HONEYPOT_FIELD ] ) || ! byline_is_enabled_for( $post_id ) ) {
		return;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	if ( byline_honeypot_is_filled( wp_unslash( $_POST[ BYLINE_HONEYPOT_FIELD ] ) ) ) {
		wp_die( esc_html__( 'Your reply could not be accepted.', 'byline' ), '', array( 'response' => 400 ) );
	}
}

/**
 * A WP_Error of wp_handle_comment_submission() as the REST API words and numbers it (the
 * codes and statuses of WordPress's REST comment endpoint, which the widget reads).
 *
 * @param WP_Error $error The form path's error.
 * @return WP_Error
 */
function byline_rest_error( WP_Error $error ) {
	$code = $error->get_error_code();
	// WordPress's own messages (and translations) for what its REST endpoint refuses.
	// phpcs:disable WordPress.WP.I18n.MissingArgDomain
	switch ( $code ) {
		case 'require_name_email':
			return new WP_Error( 'rest_comment_author_data_required', __( 'Creating a comment requires valid author name and email values.' ), array( 'status' => 400 ) );
		case 'require_valid_email':
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: List of invalid parameters. */
				sprintf( __( 'Invalid parameter(s): %s' ), 'author_email' ),
				array(
					'status' => 400,
					'params' => array( 'author_email' => __( 'Invalid email address.' ) ),
				)
			);
		case 'require_valid_comment':
			return new WP_Error( 'rest_comment_content_invalid', __( 'Invalid comment content.' ), array( 'status' => 400 ) );
		case 'comment_author_column_length':
		case 'comment_author_email_column_length':
		case 'comment_author_url_column_length':
		case 'comment_content_column_length':
			return new WP_Error( $code, __( 'Comment field exceeds maximum length allowed.' ), array( 'status' => 400 ) );
		case 'comment_duplicate':
			return new WP_Error( $code, $error->get_error_message(), array( 'status' => 409 ) );
		case 'comment_flood':
			return new WP_Error( $code, $error->get_error_message(), array( 'status' => 400 ) );
		case 'comment_closed':
			return new WP_Error( 'rest_comment_closed', __( 'Sorry, comments are closed for this item.' ), array( 'status' => 403 ) );
		case 'not_logged_in':
			return new WP_Error( 'rest_comment_login_required', __( 'Sorry, you must be logged in to comment.' ), array( 'status' => 401 ) );
		case 'comment_id_not_found':
		case 'comment_on_trash':
		case 'comment_on_draft':
		case 'comment_on_password_protected':
			return new WP_Error( 'rest_comment_invalid_post_id', __( 'Sorry, you are not allowed to create this comment without a post.' ), array( 'status' => 403 ) );
		case 'comment_save_error':
			return new WP_Error( 'rest_comment_failed_create', __( 'Creating comment failed.' ), array( 'status' => 500 ) );
	}
	// phpcs:enable WordPress.WP.I18n.MissingArgDomain

	// Another plugin's refusal (through pre_comment_approved, say): its code and message.
	$data   = $error->get_error_data();
	$status = is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : ( is_int( $data ) ? $data : 0 );
	return new WP_Error( $code, $error->get_error_message(), array( 'status' => $status >= 400 ? $status : 400 ) );
}

/**
 * The name of byline_reply_die_handler(), for the `wp_die_json_handler` filter.
 *
 * @return string
 */
function byline_reply_die_handler_name() {
	return 'byline_reply_die_handler';
}

/**
 * wp_die() while a Byline reply is handled (a plugin on pre_comment_on_post or
 * preprocess_comment stopping it): WordPress's JSON answer, with a 4xx status (wp_die's
 * default 500 would read as a server failure, and the reader would never see the message).
 *
 * @param string|WP_Error $message Error message or WP_Error.
 * @param string          $title   Error title.
 * @param string|array    $args    Arguments.
 */
function byline_reply_die_handler( $message, $title = '', $args = array() ) {
	$args = is_array( $args ) ? $args : array();
	if ( empty( $args['response'] ) || (int) $args['response'] < 400 || (int) $args['response'] >= 500 ) {
		$args['response'] = 400;
	}
	_json_wp_die_handler( $message, $title, $args );
}

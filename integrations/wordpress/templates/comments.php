<?php
/**
 * The comments template for a post shown with Byline: empty on purpose. The post's comments
 * and WordPress's comment form are printed inside the Byline host (as its no-script fallback),
 * and Byline shows the thread and the reply form.
 *
 * @package Byline
 */

defined( 'ABSPATH' ) || exit;

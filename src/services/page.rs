//! Reading article sources that live in the host document.

use web_sys::Document;

/// The text of every `<script type="application/ld+json">` block, in document order.
pub fn json_ld_blocks(document: &Document) -> Vec<String> {
    let Ok(nodes) = document.query_selector_all("script[type='application/ld+json' i]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.text_content())
        .collect()
}

/// The text of the inline `<script>` with this id, when it is JSON-LD or JSON.
pub fn inline_json(document: &Document, id: &str) -> Option<String> {
    let element = document.get_element_by_id(id)?;
    let kind = element
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is_json = element.tag_name().eq_ignore_ascii_case("script")
        && matches!(kind.trim(), "application/ld+json" | "application/json");
    if is_json {
        element.text_content()
    } else {
        None
    }
}

/// The text of the `<script>` element with this id, whatever its type (a feed kept in the
/// page as JSON or XML).
pub fn inline_script(document: &Document, id: &str) -> Option<String> {
    let element = document.get_element_by_id(id)?;
    element
        .tag_name()
        .eq_ignore_ascii_case("script")
        .then(|| element.text_content())
        .flatten()
}

/// `url` made absolute against the document's base URL.
pub fn absolute_url(document: &Document, url: &str) -> Option<String> {
    let base = document.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}

//! A story a page hands over only as a CMS's hydration state. Arc XP sites render their
//! article in the browser from `Fusion.globalContent`, the story as JSON in
//! `<script id="fusion-metadata">`, and their server sometimes sends no article markup at all
//! (chosun.com: `Could not render component [layouts:article]`). Then the story's elements
//! become the article: paragraphs, headings, lists, quotes and images with their captions, and
//! its credits a byline, put into a page with the original `<head>`, which the pipeline reads
//! as any other (`extract` does so only when the page itself gave no article).
//!
//! Left out of the wasm build (feature `hydration`): the browser hands the engine the page it
//! has rendered, article included.

use serde_json::Value;

use crate::article::{escape_attr, escape_text};

/// The assignment that holds Arc XP's story in its `fusion-metadata` script.
const ARC_STORY: &str = "Fusion.globalContent=";

/// The page rebuilt around the story in `state` (a hydration script's text): `html` up to
/// `body_start` (its `<head>`), then the story's headline, byline and elements. None when the
/// state holds no story with text.
pub fn page_with_story(html: &str, body_start: usize, state: &str) -> Option<String> {
    let at = state.find(ARC_STORY)? + ARC_STORY.len();
    let story: Value = serde_json::Deserializer::from_str(&state[at..])
        .into_iter::<Value>()
        .next()?
        .ok()?;
    let mut body = String::new();
    for element in story.get("content_elements")?.as_array()? {
        story_element(element, &mut body);
    }
    if body.is_empty() {
        return None;
    }
    let mut page = String::with_capacity(body_start + body.len() + 256);
    page.push_str(html.get(..body_start)?);
    page.push_str("<body><header>");
    if let Some(headline) = story.pointer("/headlines/basic").and_then(Value::as_str) {
        page.push_str("<h1>");
        escape_text(headline, &mut page);
        page.push_str("</h1>");
    }
    let bylines: Vec<&str> = story
        .pointer("/credits/by")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|by| {
            ["/additional_properties/original/byline", "/byline", "/name"]
                .iter()
                .find_map(|p| by.pointer(p).and_then(Value::as_str))
                .filter(|s| !s.trim().is_empty())
        })
        .collect();
    if !bylines.is_empty() {
        page.push_str("<p class=\"byline\">");
        escape_text(&bylines.join(", "), &mut page);
        page.push_str("</p>");
    }
    page.push_str("</header><article>");
    page.push_str(&body);
    page.push_str("</article></body></html>");
    Some(page)
}

/// One of the story's elements as HTML. Text, headings and list items are the CMS's HTML
/// fragments, as its renderer inserts them; what the story only embeds (ads, related-story
/// references, raw HTML, video) is left out.
fn story_element(element: &Value, out: &mut String) {
    let text = |key: &str| element.get(key).and_then(Value::as_str).unwrap_or("");
    match text("type") {
        "text" if !text("content").trim().is_empty() => {
            out.push_str("<p>");
            out.push_str(text("content"));
            out.push_str("</p>");
        }
        "header" => {
            let level = element.get("level").and_then(Value::as_u64).unwrap_or(2);
            let level = level.clamp(2, 6);
            out.push_str(&format!("<h{level}>{}</h{level}>", text("content")));
        }
        "list" => {
            out.push_str("<ul>");
            for item in element
                .get("items")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                out.push_str("<li>");
                out.push_str(item.get("content").and_then(Value::as_str).unwrap_or(""));
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        "quote" => {
            out.push_str("<blockquote>");
            for inner in element
                .get("content_elements")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                story_element(inner, out);
            }
            out.push_str("</blockquote>");
        }
        "image" if !text("url").is_empty() => {
            out.push_str("<figure><img src=\"");
            escape_attr(text("url"), out);
            out.push_str("\">");
            if !text("caption").trim().is_empty() {
                out.push_str("<figcaption>");
                escape_text(text("caption"), out);
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>");
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arc_story_elements_become_the_article_and_credits_the_byline() {
        let head = "<html><head><title>T</title></head>";
        let state = r#"window.Fusion=window.Fusion||{};Fusion.globalContent={"headlines":{"basic":"제목 <1>"},"credits":{"by":[{"name":"길동 홍","additional_properties":{"original":{"byline":"홍길동 기자"}}}]},"content_elements":[{"type":"text","content":"첫 문단 <b>굵게</b>"},{"type":"raw_html","content":"<b>광고</b>"},{"type":"image","url":"https://i.example/a.jpg?x=1&y=2","caption":"사진 설명"},{"type":"header","level":3,"content":"소제목"},{"type":"list","items":[{"type":"text","content":"하나"}]}]};Fusion.globalContentConfig={};"#;
        let page = page_with_story(head, head.len(), state).unwrap();
        assert_eq!(
            page,
            "<html><head><title>T</title></head><body><header><h1>제목 &lt;1&gt;</h1><p class=\"byline\">홍길동 기자</p></header><article><p>첫 문단 <b>굵게</b></p><figure><img src=\"https://i.example/a.jpg?x=1&amp;y=2\"><figcaption>사진 설명</figcaption></figure><h3>소제목</h3><ul><li>하나</li></ul></article></body></html>"
        );
    }

    #[test]
    fn state_without_a_story_gives_nothing() {
        assert_eq!(page_with_story("", 0, "Fusion.arcSite=\"x\";"), None);
        assert_eq!(
            page_with_story("", 0, "Fusion.globalContent={\"content_elements\":[]};"),
            None
        );
        assert_eq!(page_with_story("", 0, "Fusion.globalContent={broken"), None);
    }
}

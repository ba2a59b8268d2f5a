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

/// What a rebuilt page shows above the story's body: each field as the CMS's state gives it.
#[derive(Default)]
struct Header<'s> {
    headline: Option<&'s str>,
    /// The deck as HTML (lines a `<br>` apart, as CMSs keep it).
    deck: Option<&'s str>,
    byline: Option<String>,
    published: Option<&'s str>,
}

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
    let header = Header {
        headline: story.pointer("/headlines/basic").and_then(Value::as_str),
        byline: (!bylines.is_empty()).then(|| bylines.join(", ")),
        ..Header::default()
    };
    page_around(html.get(..body_start)?, &header, &body)
}

/// `head`, then a `<body>` with the header's fields and the story's body (HTML).
fn page_around(head: &str, header: &Header, body: &str) -> Option<String> {
    let mut page = String::with_capacity(head.len() + body.len() + 512);
    page.push_str(head);
    page.push_str("<body><header>");
    if let Some(headline) = header.headline {
        page.push_str("<h1>");
        escape_text(headline, &mut page);
        page.push_str("</h1>");
    }
    if let Some(deck) = header.deck {
        page.push_str("<h2 class=\"subtitle\">");
        page.push_str(deck);
        page.push_str("</h2>");
    }
    if let Some(byline) = &header.byline {
        page.push_str("<p class=\"byline\">");
        escape_text(byline, &mut page);
        page.push_str("</p>");
    }
    if let Some(published) = header.published {
        page.push_str("<p class=\"date\"><time>");
        escape_text(published, &mut page);
        page.push_str("</time></p>");
    }
    page.push_str("</header><article>");
    page.push_str(body);
    page.push_str("</article></body></html>");
    Some(page)
}

/// Keys under which a CMS's state keeps a story's parts, each list in order of preference
/// (compared ignoring case, `_` and `-`). The body's value must be HTML with text; the other
/// parts are read from the object that holds it (hankookilbo.com's 2026 pages: a React Query
/// state's `detail` with `title`, `subTitle`, `contentHtml`, `writerDisplay`, `deployDt`).
const BODY_KEYS: &[&str] = &[
    "contenthtml",
    "articlebody",
    "articlehtml",
    "bodyhtml",
    "htmlcontent",
    "content",
    "body",
];
const HEADLINE_KEYS: &[&str] = &["title", "headline", "subject"];
const DECK_KEYS: &[&str] = &["subtitle", "subheadline", "deck"];
const BYLINE_KEYS: &[&str] = &[
    "writerdisplay",
    "byline",
    "bylines",
    "authors",
    "author",
    "writers",
    "writer",
    "reporters",
    "reporter",
];
/// In a byline's list of people, the keys of a person's name, then of the role after it.
const NAME_KEYS: &[&str] = &["name", "writername", "fullname", "displayname"];
const ROLE_KEYS: &[&str] = &["writerjobname", "jobname", "role"];
const PUBLISHED_KEYS: &[&str] = &[
    "datepublished",
    "publishedat",
    "publishdate",
    "publisheddate",
    "publishedtime",
    "firstpublishedat",
    "pubdate",
    "deploydt",
    "regdt",
    "regdate",
    "createdat",
];
/// The least text (characters outside tags, spaces aside) a state's body holds to be a story.
const MIN_STORY_CHARS: usize = 200;
/// The most JSON values tried, and bytes read trying them, on one page: bounds the work on a
/// page of many scripts, or of literals that fail to parse only far in.
const MAX_STATE_VALUES: usize = 256;
const MAX_STATE_BYTES_READ: usize = 64 << 20;

/// The page rebuilt around the story a page's scripts hold as JSON state (a framework's
/// hydration data, `__NEXT_DATA__`, a query cache pushed by an inline script): the object
/// whose body key holds the most text becomes the article, its sibling keys the header.
/// None when no script holds a story.
pub fn page_with_state_story<'a>(
    html: &str,
    body_start: usize,
    scripts: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let mut best: Option<(usize, Value)> = None;
    let mut budget = Budget {
        values: MAX_STATE_VALUES,
        bytes: MAX_STATE_BYTES_READ,
    };
    for script in scripts {
        for_each_json_value(script, &mut budget, &mut |value| {
            if let Some((chars, story)) = richest_story(value) {
                if best.as_ref().is_none_or(|(most, _)| chars > *most) {
                    best = Some((chars, story.clone()));
                }
            }
        });
    }
    let (_, story) = best?;
    let body = without_placeholders(string_at(&story, BODY_KEYS)?);
    let header = Header {
        headline: string_at(&story, HEADLINE_KEYS),
        deck: string_at(&story, DECK_KEYS),
        byline: byline_in(&story),
        published: string_at(&story, PUBLISHED_KEYS),
    };
    page_around(html.get(..body_start)?, &header, &body)
}

/// The text inside a `<script>` element's raw markup (its start tag excluded): up to its end
/// tag, or all of it when the page ended first.
pub fn script_text(raw: &str) -> &str {
    match raw.rfind("</") {
        Some(at)
            if raw[at + 2..]
                .get(..6)
                .is_some_and(|t| t.eq_ignore_ascii_case("script")) =>
        {
            &raw[..at]
        }
        _ => raw,
    }
}

/// What is left of the work allowed on one page's scripts.
struct Budget {
    values: usize,
    bytes: usize,
}

/// Calls `f` with each JSON value a script's text holds where JavaScript hands a literal over:
/// at its start (a JSON script), after `=` or `(`. A value read is skipped past whole.
fn for_each_json_value(script: &str, budget: &mut Budget, f: &mut dyn FnMut(&Value)) {
    let bytes = script.as_bytes();
    let mut before = None;
    let mut i = 0;
    while i < bytes.len() && budget.values > 0 && budget.bytes > 0 {
        let b = bytes[i];
        if (b == b'{' || b == b'[') && matches!(before, None | Some(b'=') | Some(b'(')) {
            budget.values -= 1;
            let mut values = serde_json::Deserializer::from_str(&script[i..]).into_iter::<Value>();
            match values.next() {
                Some(Ok(value)) => {
                    let read = values.byte_offset().max(1);
                    budget.bytes = budget.bytes.saturating_sub(read);
                    f(&value);
                    i += read;
                    before = Some(b'}');
                    continue;
                }
                Some(Err(e)) => {
                    let read = byte_at(&script[i..], e.line(), e.column());
                    budget.bytes = budget.bytes.saturating_sub(read);
                }
                None => {}
            }
        }
        if !b.is_ascii_whitespace() {
            before = Some(b);
        }
        i += 1;
    }
}

/// The byte offset of a 1-based line and column (in bytes) of `text`, as serde_json reports
/// where it stopped.
fn byte_at(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(p, _)| p + 1)
    };
    (line_start + column).min(text.len())
}

/// The object under `value` whose body key holds the most story text, with that count.
fn richest_story(value: &Value) -> Option<(usize, &Value)> {
    // serde_json stops nesting at 128; the walk needs no guard of its own beyond that.
    let mut best = match value {
        Value::Object(_) => string_at(value, BODY_KEYS)
            .filter(|body| body.contains("</") || body.contains("<br"))
            .map(text_chars)
            .filter(|&chars| chars >= MIN_STORY_CHARS)
            .map(|chars| (chars, value)),
        _ => None,
    };
    let children: Box<dyn Iterator<Item = &Value>> = match value {
        Value::Object(map) => Box::new(map.values()),
        Value::Array(items) => Box::new(items.iter()),
        _ => return best,
    };
    for child in children {
        if let Some(found) = richest_story(child) {
            if best.is_none_or(|(most, _)| found.0 > most) {
                best = Some(found);
            }
        }
    }
    best
}

/// The first non-empty string among `object`'s keys named in `keys` (in `keys`' order).
fn string_at<'v>(object: &'v Value, keys: &[&str]) -> Option<&'v str> {
    keys.iter().find_map(|wanted| {
        field(object, wanted)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    })
}

/// `object`'s value under a key that reads as `wanted` when case, `_` and `-` are ignored.
fn field<'v>(object: &'v Value, wanted: &str) -> Option<&'v Value> {
    let map = object.as_object()?;
    map.iter()
        .find(|(key, _)| {
            let mut plain = key.chars().filter(|c| *c != '_' && *c != '-');
            wanted
                .chars()
                .all(|w| plain.next().is_some_and(|c| c.to_ascii_lowercase() == w))
                && plain.next().is_none()
        })
        .map(|(_, v)| v)
}

/// The story's byline: a byline string, or the names (and roles) of a list of people.
fn byline_in(story: &Value) -> Option<String> {
    BYLINE_KEYS.iter().find_map(|wanted| {
        let people = match field(story, wanted)? {
            Value::String(s) if !s.trim().is_empty() => return Some(s.clone()),
            Value::Array(items) => items.iter().filter_map(person).collect::<Vec<_>>(),
            person_object @ Value::Object(_) => person(person_object).into_iter().collect(),
            _ => return None,
        };
        (!people.is_empty()).then(|| people.join(", "))
    })
}

/// One person of a byline's list: a name, or an object with a name and perhaps a role.
fn person(item: &Value) -> Option<String> {
    if let Some(name) = item.as_str().filter(|s| !s.trim().is_empty()) {
        return Some(name.to_string());
    }
    let name = string_at(item, NAME_KEYS)?;
    Some(match string_at(item, ROLE_KEYS) {
        Some(role) => format!("{name} {role}"),
        None => name.to_string(),
    })
}

/// Characters of text in an HTML fragment: outside tags, spaces aside.
fn text_chars(html: &str) -> usize {
    let mut in_tag = false;
    html.chars()
        .filter(|&c| {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ => return !in_tag && !c.is_whitespace(),
            }
            false
        })
        .count()
}

/// The body without the slots its CMS's renderer fills (`$$ARTICLEAD$$`: an ad).
fn without_placeholders(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find("$$") {
        let after = &rest[at + 2..];
        let name_len = after
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
            .count();
        if name_len > 0 && after[name_len..].starts_with("$$") {
            out.push_str(&rest[..at]);
            rest = &after[name_len + 2..];
        } else {
            out.push_str(&rest[..at + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
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

    fn story_text(paragraphs: usize) -> String {
        "<p>문단의 글이 이어진다. 기사 본문이 여기 있다.</p>".repeat(paragraphs)
    }

    #[test]
    fn a_state_object_with_an_html_body_becomes_the_article_and_its_siblings_the_header() {
        let head = "<html><head></head>";
        let state = format!(
            r#"window["__RQ"].push({{"queries":[{{"state":{{"data":{{"detail":{{"title":"제목","subTitle":"첫 줄<br>둘째 줄","contentHtml":"{}$$ARTICLEAD$$<p>끝</p>","writerDisplay":"홍길동 기자","deployDt":"2026.01.29 18:40"}}}}}}}}]}});"#,
            story_text(10)
        );
        let page = page_with_state_story(head, head.len(), [state.as_str()].into_iter()).unwrap();
        assert!(page.starts_with("<html><head></head><body><header><h1>제목</h1><h2 class=\"subtitle\">첫 줄<br>둘째 줄</h2><p class=\"byline\">홍길동 기자</p><p class=\"date\"><time>2026.01.29 18:40</time></p></header><article><p>"), "{page}");
        assert!(
            page.ends_with("</p><p>끝</p></article></body></html>"),
            "{page}"
        );
        assert!(!page.contains("$$"));
    }

    #[test]
    fn the_richest_body_wins_and_a_list_of_people_is_the_byline() {
        let next_data = format!(
            r#"{{"props":{{"teaser":{{"title":"다른 기사","body":"{}"}},"article":{{"headline":"진짜 제목","body":"{}","authors":[{{"name":"홍길동","role":"기자"}},"김철수"]}}}}}}"#,
            story_text(6),
            story_text(12)
        );
        let page =
            page_with_state_story("", 0, ["var x = 1;", next_data.as_str()].into_iter()).unwrap();
        assert!(
            page.contains("<h1>진짜 제목</h1><p class=\"byline\">홍길동 기자, 김철수</p>"),
            "{page}"
        );
    }

    #[test]
    fn scripts_without_a_story_give_nothing() {
        let short = r#"window.a = {"title":"t","contentHtml":"<p>짧다</p>"};"#;
        let plain = format!(r#"window.a = {{"content":"{}"}};"#, "글".repeat(400));
        let broken = r#"window.a = {"contentHtml": "<p>"#;
        for script in [short, plain.as_str(), broken, "", "</script>"] {
            assert_eq!(
                page_with_state_story("", 0, [script].into_iter()),
                None,
                "{script}"
            );
        }
    }

    #[test]
    fn a_script_ends_at_its_end_tag() {
        assert_eq!(script_text("a = 1;</SCRIPT >"), "a = 1;");
        assert_eq!(script_text("s = '</div>';"), "s = '</div>';");
    }
}

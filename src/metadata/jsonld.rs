//! JSON-LD first: where a page has a schema.org article, its publisher wrote the headline,
//! authors and dates for machines, and no reading of the layout does better. It is read as
//! Readability reads it (the first article object; its types matched as Readability's regex
//! matches them), so that the fields agree with the reader most pages were made to work with.

use crate::charref;
use crate::json::Value;
use crate::markup::{clean_leaked_markup, fold_whitespace, FoldCase};
use crate::scan::Scan;

/// What JSON-LD says about the article.
#[derive(Default, Debug)]
pub(super) struct LinkedData {
    pub(super) headline: Option<String>,
    pub(super) authors: Vec<String>,
    /// `creator`, often a CMS account name rather than the author's: the last resort.
    pub(super) creators: Vec<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) description: Option<String>,
    pub(super) section: Vec<String>,
    pub(super) keywords: Vec<String>,
    pub(super) image: Option<String>,
    pub(super) lang: Option<String>,
}

/// Readability's article types, read as its regex reads them: `^Article|…|APIReference$`
/// anchors only its first and last alternatives, so the others match anywhere in the type
/// (`ReportageNewsArticle` is a `NewsArticle`).
fn is_article_type_name(t: &str) -> bool {
    const TYPES: &[&str] = &[
        "AdvertiserContentArticle",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "SocialMediaPosting",
        "BlogPosting",
        "LiveBlogPosting",
        "DiscussionForumPosting",
        "TechArticle",
    ];
    t.starts_with("Article") || t.ends_with("APIReference") || TYPES.iter().any(|k| t.contains(k))
}

fn is_schema_org(v: &Value) -> bool {
    let ok = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match v.get("@context") {
        Some(Value::String(c)) => ok(c),
        Some(Value::Object(o)) => o.get("@vocab").and_then(Value::as_str).is_some_and(ok),
        _ => false,
    }
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            Some(fold_whitespace(&charref::decode_text(s))).filter(|s| !s.is_empty())
        }
        Value::Array(a) => a.iter().find_map(as_text),
        Value::Object(o) => o.get("name").or_else(|| o.get("@value")).and_then(as_text),
        _ => None,
    }
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(names).collect(),
        Value::Object(o) => o.get("name").and_then(as_text).into_iter().collect(),
        Value::String(s) => vec![fold_whitespace(s)]
            .into_iter()
            .filter(|s| !s.is_empty() && !s.starts_with("http"))
            .collect(),
        _ => Vec::new(),
    }
}

fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(as_text).collect(),
        Value::String(s) => s
            .split(',')
            .map(fold_whitespace)
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => is_article_type_name(t),
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(is_article_type_name)),
        _ => false,
    }
}

/// The article object of a JSON-LD document: the document itself, the first article in an
/// array, or the first article of its `@graph`.
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(a) => a.iter().find(|x| is_schema_org(x) && is_article_type(x)),
        Value::Object(o) => {
            if !is_schema_org(v) {
                return None;
            }
            if is_article_type(v) {
                return Some(v);
            }
            match o.get("@graph") {
                Some(Value::Array(g)) => g.iter().find(|x| is_article_type(x)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Readability's text similarity: the share of `b`'s tokens (by length) also in `a`.
fn text_similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.fold_case()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let total: usize = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len() - 1;
    let uniq: usize = unique_b.iter().map(|t| t.chars().count()).sum::<usize>()
        + unique_b.len().saturating_sub(1);
    1.0 - uniq as f32 / total as f32
}

pub(super) fn linked_data(scan: &Scan) -> LinkedData {
    let mut ld = LinkedData::default();
    let page_title = scan
        .meta
        .title
        .as_deref()
        .map(clean_leaked_markup)
        .unwrap_or_default();
    for raw in &scan.meta.json_ld {
        let cleaned = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim();
        let Some(value) = crate::json::parse(cleaned) else {
            continue;
        };
        let Some(a) = find_article(&value) else {
            continue;
        };
        let name = a.get("name").and_then(as_text);
        let headline = a.get("headline").and_then(as_text);
        ld.headline = match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                // Sites put their own name in one of them: take the one like the page title.
                let (name_like, headline_like) = (
                    text_similarity(&n, &page_title) > 0.75,
                    text_similarity(&h, &page_title) > 0.75,
                );
                Some(if headline_like && !name_like { h } else { n })
            }
            (n, h) => n.or(h),
        };
        ld.authors = a.get("author").map(names).unwrap_or_default();
        ld.creators = a.get("creator").map(names).unwrap_or_default();
        ld.published = a.get("datePublished").and_then(as_text);
        ld.modified = a.get("dateModified").and_then(as_text);
        ld.publisher = a.get("publisher").and_then(as_text);
        ld.description = a.get("description").and_then(as_text);
        ld.section = a.get("articleSection").map(list).unwrap_or_default();
        ld.keywords = a.get("keywords").map(list).unwrap_or_default();
        ld.image = a.get("image").and_then(|i| match i {
            Value::Object(o) => o.get("url").and_then(as_text),
            Value::Array(arr) => arr
                .first()
                .and_then(|x| x.get("url").and_then(as_text).or_else(|| as_text(x))),
            other => as_text(other),
        });
        ld.lang = a.get("inLanguage").and_then(as_text);
        break; // the first article found, as Readability does
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_is_found_in_graphs() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"H &amp; I","author":[{"@type":"Person","name":"A B"}],"datePublished":"2020-01-02T03:04:05Z"}]}</script><p>x</p>"#;
        let s = crate::scan::scan(html, None).unwrap();
        let ld = linked_data(&s);
        assert_eq!(ld.headline.as_deref(), Some("H & I"));
        assert_eq!(ld.authors, vec!["A B".to_string()]);
        assert_eq!(ld.published.as_deref(), Some("2020-01-02T03:04:05Z"));
    }
}

//! Metadata from every source the page offers, best first: JSON-LD, OpenGraph and other
//! `<meta>`, the visible page (bylines, dates, breadcrumbs), and the site rule. Markup that a
//! CMS leaked, escaped, into titles is cleaned; ` - 매체명` title suffixes are dropped.

use crate::article::{Author, Related};
use crate::date;
use crate::korean;
use crate::markup::{self, clean_leaked_markup, fold_whitespace};
use crate::scan::{self, Scan, NONE};
use crate::tags::Tag;
use crate::url;
use serde_json::Value;

#[derive(Debug, Default)]
pub struct Metadata {
    pub title: String,
    pub subtitle: Option<String>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<Author>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub section: Vec<String>,
    pub tags: Vec<String>,
    pub excerpt: Option<String>,
    pub canonical_url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub lead_image: Option<String>,
    pub related: Vec<Related>,
    pub copyright: Option<String>,
}

/// What JSON-LD says about the article.
#[derive(Default, Debug)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
    section: Vec<String>,
    keywords: Vec<String>,
    image: Option<String>,
    lang: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "WebPage",
    "Recipe",
    "MedicalWebPage",
];

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            Some(fold_whitespace(&markup::decode_entities(s))).filter(|s| !s.is_empty())
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
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(a)) => a
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(a) => {
            let found: Vec<&Value> = a
                .iter()
                .filter_map(|x| find_article(x, depth + 1))
                .collect();
            found
                .iter()
                .find(|x| !matches!(x.get("@type"), Some(Value::String(t)) if t == "WebPage"))
                .or(found.first())
                .copied()
        }
        Value::Object(o) => {
            if is_article_type(v) {
                return Some(v);
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn linked_data(scan: &Scan) -> LinkedData {
    let mut ld = LinkedData::default();
    for raw in &scan.meta.json_ld {
        let cleaned = raw
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Ok(value) = serde_json::from_str::<Value>(cleaned) else {
            continue;
        };
        let Some(a) = find_article(&value, 0) else {
            continue;
        };
        ld.headline = ld.headline.or_else(|| {
            a.get("headline")
                .or_else(|| a.get("name"))
                .and_then(as_text)
        });
        if ld.authors.is_empty() {
            ld.authors = a
                .get("author")
                .or_else(|| a.get("creator"))
                .map(names)
                .unwrap_or_default();
        }
        ld.published = ld.published.or_else(|| {
            a.get("datePublished")
                .or_else(|| a.get("dateCreated"))
                .and_then(as_text)
        });
        ld.modified = ld
            .modified
            .or_else(|| a.get("dateModified").and_then(as_text));
        ld.publisher = ld
            .publisher
            .or_else(|| a.get("publisher").and_then(as_text));
        ld.description = ld
            .description
            .or_else(|| a.get("description").and_then(as_text));
        if ld.section.is_empty() {
            ld.section = a.get("articleSection").map(list).unwrap_or_default();
        }
        if ld.keywords.is_empty() {
            ld.keywords = a.get("keywords").map(list).unwrap_or_default();
        }
        ld.image = ld.image.or_else(|| {
            a.get("image").and_then(|i| match i {
                Value::Object(o) => o.get("url").and_then(as_text),
                Value::Array(arr) => arr
                    .first()
                    .and_then(|x| x.get("url").and_then(as_text).or_else(|| as_text(x))),
                other => as_text(other),
            })
        });
        ld.lang = ld.lang.or_else(|| a.get("inLanguage").and_then(as_text));
    }
    ld
}

fn meta<'a>(scan: &'a Scan, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        scan.meta
            .metas
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

fn meta_text(scan: &Scan, keys: &[&str]) -> Option<String> {
    meta(scan, keys)
        .map(clean_leaked_markup)
        .filter(|s| !s.is_empty())
}

/// Drops a ` - Site`, ` | Site`, ` : 네이버 뉴스`, ` < 섹션 < 기사본문 - 매체` tail.
pub fn strip_title_suffix(title: &str, site_name: Option<&str>) -> String {
    let mut t = title.trim().to_string();
    // ndsoft CMS: "제목 < 섹션 < 기사본문 - 매체"
    if let Some(pos) = t.find(" < ") {
        if t[pos..].contains("기사본문") || t[pos..].matches(" < ").count() >= 2 {
            t.truncate(pos);
        }
    }
    for sep in [" - ", " | ", " – ", " — ", " :: ", " : ", " » ", " · "] {
        if let Some(pos) = t.rfind(sep) {
            let tail = t[pos + sep.len()..].trim();
            let site_match = site_name.is_some_and(|s| {
                let s = s.trim().to_lowercase();
                let tl = tail.to_lowercase();
                !s.is_empty() && (tl == s || tl.contains(&s) || s.contains(&tl))
            });
            let looks_like_site = tail.ends_with("뉴스")
                || tail.ends_with("신문")
                || tail.ends_with("일보")
                || tail.ends_with("경제") && tail.chars().count() <= 6
                || tail.to_lowercase().ends_with(".com");
            if site_match || looks_like_site && tail.chars().count() <= 12 {
                let head = t[..pos].trim().to_string();
                if head.chars().count() >= 5 {
                    t = head;
                }
            }
        }
    }
    t
}

fn split_section(s: &str) -> Vec<String> {
    let parts: Vec<String> = if s.contains('>') {
        s.split('>').map(fold_whitespace).collect()
    } else if s.contains('|') {
        s.split('|').map(fold_whitespace).collect()
    } else if s.contains('-') && s.split('-').all(korean::has_hangul) {
        s.split('-').map(fold_whitespace).collect()
    } else {
        vec![fold_whitespace(s)]
    };
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

fn is_korean_page(scan: &Scan, title: &str) -> bool {
    scan.meta
        .lang
        .as_deref()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("ko"))
        || meta(scan, &["content-language"])
            .is_some_and(|l| l.to_ascii_lowercase().starts_with("ko"))
        || korean::has_hangul(title)
}

/// The byline printed on the page: a site rule's byline element, else an element whose
/// class, id, `rel` or `itemprop` says author (short text only).
fn visible_byline(scan: &Scan, article_roots: &[u32]) -> Option<(u32, String)> {
    let by_rule = scan
        .nodes
        .iter()
        .position(|n| n.flags & scan::RULE_BYLINE != 0);
    if let Some(i) = by_rule {
        return Some((i as u32, scan.text_of(i as u32)));
    }
    let in_article = |i: u32| article_roots.iter().any(|&r| scan.is_inside(i, r));
    let mut best: Option<(u32, String)> = None;
    for (i, n) in scan.nodes.iter().enumerate() {
        if n.flags & scan::BYLINE_HINT == 0
            || n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) != 0
            || n.tag == Tag::Meta
        {
            continue;
        }
        if n.chars == 0 || n.chars > 100 {
            continue;
        }
        // An inner byline element wins over its container.
        if let Some((b, _)) = &best {
            if scan.is_inside(i as u32, *b) {
                best = None;
            } else if !in_article(i as u32) {
                continue;
            }
        }
        let text = scan.text_of(i as u32);
        if text.is_empty() {
            continue;
        }
        if best.is_none() {
            best = Some((i as u32, text));
        }
    }
    best
}

fn clean_byline(text: &str) -> String {
    let t = fold_whitespace(text);
    let t = t.trim_start_matches(|c: char| c == '|' || c == '-' || c.is_whitespace());
    let lower = t.to_lowercase();
    let t = if lower.starts_with("by ") { &t[3..] } else { t };
    t.trim()
        .trim_end_matches([',', '|', '-'])
        .trim()
        .to_string()
}

fn split_names(byline: &str) -> Vec<String> {
    byline
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split([',', ';', '·'])
        .map(fold_whitespace)
        .filter(|n| !n.is_empty() && n.chars().count() <= 60)
        .collect()
}

pub fn extract(scan: &Scan, page_url: &str, article_roots: &[u32]) -> Metadata {
    let ld = linked_data(scan);
    let mut m = Metadata {
        site_name: meta_text(
            scan,
            &["og:site_name", "application-name", "twitter:site:name"],
        )
        .or_else(|| ld.publisher.clone()),
        ..Metadata::default()
    };

    // Title: structured sources first, then <title>, then the first <h1>.
    let raw_title = ld
        .headline
        .as_deref()
        .map(clean_leaked_markup)
        .or_else(|| {
            meta_text(
                scan,
                &[
                    "dc.title",
                    "dcterm:title",
                    "og:title",
                    "weibo:article:title",
                    "weibo:webpage:title",
                    "title",
                    "twitter:title",
                    "parsely-title",
                ],
            )
        })
        .or_else(|| {
            scan.meta
                .title
                .as_deref()
                .map(clean_leaked_markup)
                .filter(|t| !t.is_empty())
        })
        .or_else(|| {
            scan.nodes
                .iter()
                .position(|n| n.tag == Tag::H1)
                .map(|i| scan.text_of(i as u32))
        })
        .unwrap_or_default();
    m.title = strip_title_suffix(&raw_title, m.site_name.as_deref());
    let korean_page = is_korean_page(scan, &m.title);

    m.lang = scan
        .meta
        .lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| meta_text(scan, &["content-language", "dc.language", "language"]))
        .or(ld.lang.clone())
        .or_else(|| meta_text(scan, &["og:locale"]).map(|l| l.replace('_', "-")));
    if m.lang.is_none() && korean_page {
        m.lang = Some("ko".to_string());
    }
    m.dir = scan.meta.dir.clone().filter(|d| d == "rtl" || d == "ltr");

    m.subtitle = meta_text(scan, &["og:subtitle", "subtitle"]);
    m.excerpt = ld.description.clone().or_else(|| {
        meta_text(
            scan,
            &[
                "og:description",
                "description",
                "dc.description",
                "twitter:description",
            ],
        )
    });
    m.canonical_url = scan
        .meta
        .canonical
        .clone()
        .or_else(|| meta_text(scan, &["og:url"]))
        .map(|c| url::resolve(page_url, &c))
        .filter(|c| url::is_safe_link(c));

    // Authors and byline.
    let visible = visible_byline(scan, article_roots);
    if let Some((_, text)) = &visible {
        if let Some((authors, byline)) = korean::parse_byline(text) {
            m.authors = authors;
            m.byline = Some(byline);
        }
    }
    if m.authors.is_empty() {
        let names_from_meta = if !ld.authors.is_empty() {
            Some(ld.authors.join(", "))
        } else {
            meta_text(
                scan,
                &[
                    "dc.creator",
                    "dcterm:creator",
                    "author",
                    "parsely-author",
                    "sailthru.author",
                    "byl",
                    "article:author",
                ],
            )
            .filter(|a| !a.starts_with("http"))
        };
        let byline = names_from_meta.or_else(|| {
            visible
                .as_ref()
                .map(|(_, t)| clean_byline(t))
                .filter(|t| !t.is_empty() && t.chars().count() <= 100)
        });
        if let Some(b) = byline {
            let b = clean_byline(&b);
            if let Some((authors, kb)) = korean::parse_byline(&b).filter(|_| korean_page) {
                m.authors = authors;
                m.byline = Some(kb);
            } else {
                m.authors = split_names(&b)
                    .into_iter()
                    .map(|name| Author {
                        name,
                        role: None,
                        email: None,
                    })
                    .collect();
                m.byline = Some(b);
            }
        }
    }

    // Dates.
    let published_raw = ld
        .published
        .clone()
        .or_else(|| {
            meta(
                scan,
                &[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "parsely-pub-date",
                    "dc.date.issued",
                    "dc.date",
                    "dcterms.created",
                    "pubdate",
                    "publishdate",
                    "sailthru.date",
                    "date",
                ],
            )
            .map(str::to_string)
        })
        .or_else(|| {
            scan.meta
                .dated
                .iter()
                .find(|(_, kind, _)| kind.contains("datepublished") || kind == "time")
                .map(|(_, _, v)| v.clone())
        });
    m.published = published_raw
        .as_deref()
        .and_then(|d| date::normalize(d, korean_page && !d.contains('+') && !d.ends_with('Z')));
    if m.published.is_none() && korean_page {
        // Visible dates: the byline area first, then anywhere near the top.
        let texts: Vec<String> = visible
            .iter()
            .map(|(i, _)| {
                let parent = scan.nodes[*i as usize].parent;
                if parent != NONE {
                    scan.text_of(parent)
                } else {
                    String::new()
                }
            })
            .collect();
        for t in &texts {
            m.published = date::find_in_text(t, &["입력", "등록", "기사입력", "승인"], true)
                .or_else(|| date::find_in_text(t, &[], true));
            if m.published.is_some() {
                break;
            }
        }
    }
    let modified_raw = ld.modified.clone().or_else(|| {
        meta(
            scan,
            &[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "dc.date.modified",
            ],
        )
        .map(str::to_string)
    });
    m.modified = modified_raw
        .as_deref()
        .and_then(|d| date::normalize(d, korean_page && !d.contains('+') && !d.ends_with('Z')));

    m.section = meta(scan, &["article:section"])
        .map(|s| split_section(&clean_leaked_markup(s)))
        .unwrap_or_default();
    if m.section.is_empty() {
        m.section = ld.section.clone();
    }
    m.tags = scan
        .meta
        .metas
        .iter()
        .filter(|(k, _)| k == "article:tag")
        .map(|(_, v)| clean_leaked_markup(v))
        .collect();
    if m.tags.is_empty() {
        m.tags = ld.keywords.clone();
    }
    m.tags.retain(|t| !t.is_empty() && t.chars().count() <= 50);
    m.tags.dedup();

    m.lead_image = meta(
        scan,
        &[
            "og:image",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ],
    )
    .map(|s| markup::decode_entities(s).trim().to_string())
    .or(ld.image.clone())
    .map(|s| url::resolve(page_url, &s))
    .filter(|s| url::is_safe_link(s));

    m.related = related_links(scan, page_url);
    m.copyright = copyright_notice(scan);
    m
}

/// The copyright notice, from an element whose class says so: its smallest part that reads as
/// a notice (not the "other articles" link beside it).
fn copyright_notice(scan: &Scan) -> Option<String> {
    let hinted = scan.nodes.iter().position(|n| {
        n.flags & scan::COPYRIGHT_HINT != 0 && n.flags & (scan::IN_HEAD | scan::IN_NEVER) == 0
    })? as u32;
    (hinted..scan.subtree_end(hinted))
        .filter(|&k| scan.nodes[k as usize].chars < 250)
        .map(|k| scan.text_of(k))
        .filter(|t| korean::is_copyright(t))
        .min_by_key(|t| t.len())
}

/// Links in related/latest/popular lists, for `relatedArticles`.
fn related_links(scan: &Scan, page_url: &str) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    let mut i = 0u32;
    let n = scan.nodes.len() as u32;
    while i < n && out.len() < 30 {
        let node = &scan.nodes[i as usize];
        if node.flags & scan::RELATED_HINT == 0
            || node.flags & scan::IN_HIDDEN != 0
            || node.tag == Tag::A
        {
            i += 1;
            continue;
        }
        let end = scan.subtree_end(i);
        for a in i + 1..end {
            if scan.nodes[a as usize].tag != Tag::A
                || scan.nodes[a as usize].flags & scan::PERSON_LINK != 0
            {
                continue;
            }
            let title = scan.text_of(a);
            let Some(href) = scan.attr(a, "href") else {
                continue;
            };
            if title.chars().count() < 8 || !url::is_safe_link(&href) || href.starts_with('#') {
                continue;
            }
            let url = url::resolve(page_url, &href);
            if !out.iter().any(|r| r.url == url) {
                out.push(Related { title, url });
            }
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes_go() {
        assert_eq!(
            strip_title_suffix("삼성전자 신고가 - 매일경제", Some("매일경제")),
            "삼성전자 신고가"
        );
        assert_eq!(
            strip_title_suffix("제목입니다 여기 < 산업 < 기사본문 - 어느뉴스", None),
            "제목입니다 여기"
        );
        assert_eq!(
            strip_title_suffix("네이버 주목 : 네이버 뉴스", None),
            "네이버 주목"
        );
        assert_eq!(
            strip_title_suffix("Why A - B testing works", None),
            "Why A - B testing works"
        );
        assert_eq!(
            strip_title_suffix("Story title | The Site", Some("The Site")),
            "Story title"
        );
    }

    #[test]
    fn sections_split_on_breadcrumb_marks() {
        assert_eq!(
            split_section("기업과산업-인터넷·게임·콘텐츠"),
            vec!["기업과산업", "인터넷·게임·콘텐츠"]
        );
        assert_eq!(split_section("op-ed"), vec!["op-ed"]);
        assert_eq!(split_section("News > World"), vec!["News", "World"]);
    }

    #[test]
    fn json_ld_article_is_found_in_graphs() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"H &amp; I","author":[{"@type":"Person","name":"A B"}],"datePublished":"2020-01-02T03:04:05Z"}]}</script><p>x</p>"#;
        let s = crate::scan::scan(html, None).unwrap();
        let ld = linked_data(&s);
        assert_eq!(ld.headline.as_deref(), Some("H & I"));
        assert_eq!(ld.authors, vec!["A B".to_string()]);
        assert_eq!(ld.published.as_deref(), Some("2020-01-02T03:04:05Z"));
    }
}

//! Metadata from every source the page offers, best first: JSON-LD, OpenGraph and other
//! `<meta>`, the visible page (bylines, dates, breadcrumbs), and the site rule. Markup that a
//! CMS leaked, escaped, into titles is cleaned; ` - 매체명` title suffixes are dropped.

use crate::article::{Author, Related};
use crate::charref;
use crate::date;
use crate::korean::{self, vocab};
use crate::markup::{clean_leaked_markup, fold_whitespace};
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
    /// `creator`, often a CMS account name rather than the author's: the last resort.
    creators: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
    section: Vec<String>,
    keywords: Vec<String>,
    image: Option<String>,
    lang: Option<String>,
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
        s.to_lowercase()
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

fn linked_data(scan: &Scan) -> LinkedData {
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
        let Ok(value) = serde_json::from_str::<Value>(cleaned) else {
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

fn meta<'a>(scan: &'a Scan, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        scan.meta
            .metas
            .iter()
            .rev()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// A `property` key as Readability finds it, anywhere in the property (`og:article:author`
/// is `article:author`): the last such `<meta>` wins.
fn meta_property<'a>(scan: &'a Scan, key: &str) -> Option<&'a str> {
    scan.meta
        .metas
        .iter()
        .rev()
        .find(|(k, v)| {
            !v.trim().is_empty()
                && k.strip_suffix(key)
                    .is_some_and(|head| head.is_empty() || head.ends_with(':'))
        })
        .map(|(_, v)| v.as_str())
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
            let looks_like_site = vocab::TITLE_SITE_ENDINGS.iter().any(|e| tail.ends_with(e))
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

/// Whether the page's address (or its canonical one) is on a Korean host (`….kr`).
fn korean_host(scan: &Scan, page_url: &str) -> bool {
    let canonical = scan
        .meta
        .canonical
        .as_deref()
        .or_else(|| meta(scan, &["og:url"]));
    [Some(page_url), canonical]
        .into_iter()
        .flatten()
        .filter_map(url::host)
        .any(|h| h.ends_with(".kr"))
}

/// A meta title whose last ` | ` or ` - ` part is the site's name and nothing else (`… |
/// Yonhap News Agency` with og:site_name `Yonhap News Agency`) loses that part.
fn strip_site_name_tail(title: &str, site_name: Option<&str>) -> String {
    let t = title.trim();
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return t.to_string();
    };
    for sep in [" | ", " - "] {
        if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if word_count(head) >= 3 {
                return head.trim_end().to_string();
            }
        }
    }
    t.to_string()
}

/// The outlet a Korean `<title>` ends with (`… - 매일경제`, `… : 네이버 뉴스`, `… < 기사본문 -
/// 어느뉴스`), for a page without `og:site_name`: the last part of what
/// [`strip_title_suffix`] cuts off.
fn title_site_suffix(title: &str) -> Option<String> {
    let title = title.trim();
    let head = strip_title_suffix(title, None);
    let tail = title.get(head.len()..)?;
    let site = [
        " - ", " | ", " – ", " — ", " :: ", " : ", " » ", " · ", " < ",
    ]
    .iter()
    .filter_map(|sep| tail.rfind(sep).map(|p| &tail[p + sep.len()..]))
    .min_by_key(|rest| rest.len())?
    .trim();
    (!site.is_empty()).then(|| site.to_string())
}

const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

/// Byte offsets of " X " separators in a title.
fn separator_positions(title: &str, separators: &[char]) -> Vec<usize> {
    title
        .char_indices()
        .filter(|(i, c)| {
            separators.contains(c)
                && title[..*i].ends_with(' ')
                && title[*i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i - 1)
        .collect()
}

/// Readability's `_getArticleTitle`: the `<title>` cut at its last " | " / " - " separator (or
/// after the first one when too little is left), or after a ": " prefix; a one-`<h1>` page
/// with a very long or short title takes the `<h1>`; a cut that leaves four words or fewer is
/// undone.
fn title_from_title_element(scan: &Scan, orig: &str) -> String {
    let orig = fold_whitespace(orig);
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = separator_positions(&orig, TITLE_SEPARATORS);
    let heading_text = |tags: &[Tag]| -> Vec<String> {
        scan.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| tags.contains(&n.tag))
            .map(|(i, _)| scan.text_of(i as u32))
            .collect()
    };
    if let Some(&last) = seps.last() {
        hierarchical = !separator_positions(&orig, &['\\', '/', '>', '»']).is_empty();
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            let first = seps[0];
            let sep_len = orig[first + 1..].chars().next().map_or(1, char::len_utf8);
            cur = orig[first + 1 + sep_len..].to_string();
        }
    } else if orig.contains(": ") {
        let trimmed = orig.trim();
        if !heading_text(&[Tag::H1, Tag::H2])
            .iter()
            .any(|h| h == trimmed)
        {
            let after_last = &orig[orig.rfind(':').unwrap() + 1..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').unwrap() + 1..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap()]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s = heading_text(&[Tag::H1]);
        if h1s.len() == 1 {
            cur = h1s[0].clone();
        }
    }
    let cur = fold_whitespace(&cur);
    let words = word_count(&cur);
    let without_separators: String = orig
        .chars()
        .filter(|c| !TITLE_SEPARATORS.contains(c))
        .collect();
    if words <= 4 && (!hierarchical || words != word_count(&without_separators) - 1) {
        return orig;
    }
    cur
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
fn visible_byline(scan: &Scan, article: Option<u32>, title: &str) -> Option<(u32, String)> {
    if let Some(i) = scan
        .nodes
        .iter()
        .position(|n| n.flags & scan::RULE_BYLINE != 0)
    {
        return Some((i as u32, scan.text_of(i as u32)));
    }
    // Readability's rule: the first visible element, in document order, whose rel, itemprop,
    // class or id says byline/author, with under 100 characters of text; its itemprop=name
    // part if it has one. Elements inside an unlikely container are never reached (unless the
    // container holds the article: Readability then retries without that filter), except in
    // the article's own header: an unlikely container (`entry-header`, a share bar) inside the
    // same <article> element as the body and before it.
    let scope = article.and_then(|root| {
        std::iter::once(root)
            .chain(scan.ancestors(root))
            .find(|a| scan.nodes[*a as usize].tag == Tag::Article)
            .map(|a| (a, root))
    });
    let skipped = |i: u32| {
        let mut a = scan.nodes[i as usize].parent;
        let mut steps = 0;
        while a != NONE && scan.nodes[a as usize].flags & scan::IN_UNLIKELY != 0 {
            steps += 1;
            if steps > 256 {
                return true; // a hostile nesting: not a byline worth the walk
            }
            if scan.nodes[a as usize].flags & scan::UNLIKELY != 0 {
                let holds_article = article.is_some_and(|root| scan.is_inside(root, a));
                let article_header = scope.is_some_and(|(s, root)| {
                    a < root && !scan.is_inside(root, a) && scan.is_inside(a, s)
                });
                return !holds_article && !article_header;
            }
            a = scan.nodes[a as usize].parent;
        }
        false
    };
    let candidate = |k: u32| {
        let n = &scan.nodes[k as usize];
        n.flags & scan::BYLINE_HINT != 0
            && n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) == 0
            && n.tag != Tag::Meta
            && n.chars > 0
            && n.chars < 100
    };
    for (i, n) in scan.nodes.iter().enumerate() {
        let i = i as u32;
        if !candidate(i) || skipped(i) {
            continue;
        }
        let name_part = scan
            .meta
            .itemprops
            .iter()
            .find(|(k, prop)| *k > i && scan.is_inside(*k, i) && prop == "name")
            .map(|(k, _)| *k);
        // Without such a part, a container of byline parts (an author part on a line of its
        // own above the author's title or the date; an author part and, besides it, only a
        // date: `James Akinaka • 8h`) is not the byline: its first part is, and comes next in
        // document order.
        let end = scan.subtree_end(i);
        let on_lines = || {
            (i + 1..end).any(|k| {
                let m = &scan.nodes[k as usize];
                m.tag.is_block() && m.chars > 0 && m.chars < n.chars
            })
        };
        let beside_a_date = |k: u32| {
            let (whole, part) = (scan.text_content(i), scan.text_content(k));
            !part.is_empty() && date::is_date_like(&whole.replacen(&part, " ", 1))
        };
        if name_part.is_none() {
            if let Some(first) = (i + 1..end).find(|&k| candidate(k)) {
                if on_lines() || beside_a_date(first) {
                    continue;
                }
            }
        }
        let text = scan.text_content(name_part.unwrap_or(i));
        // A date is never a byline (a `dateline` is often just the date), nor the headline (a
        // sticky mini header whose class says journalist: `div.simplejournalist`).
        let is_title = !title.is_empty() && fold_whitespace(&text).contains(title);
        if !text.is_empty() && !date::is_date_like(&text) && !is_title {
            return Some((i, text));
        }
    }
    None
}

/// The first date with a time in a line of a Korean page: after a label (`입력 …`) if one is
/// there, else anywhere.
fn korean_date_in(text: &str) -> Option<String> {
    date::find_in_text(text, vocab::PUBLISHED_LABELS, true)
        .or_else(|| date::find_in_text(text, &[], true))
}

/// The article's date when no byline carries it (old Naver pages: `2019.11.02. 오전 8:09` in a
/// `span.t11` of the article header): the first short visible line with a date and a time,
/// from the article's closest block ancestors down to the start of its body. Lines after the
/// body (latest-article lists with their own times) and links are not read; unlikely
/// containers are (Naver's date sits in a `div.sponsor`).
fn date_line_above(scan: &Scan, root: u32) -> Option<String> {
    // The article's closest block ancestors: up to three levels above it.
    let top = scan.ancestors(root).take(3).last().unwrap_or(root);
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    // Nodes are in document order: those between `top` and the article root are above the body.
    (top..=root)
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            n.flags & skip == 0 && n.element_children == 0 && (10..=60).contains(&n.chars)
        })
        .find_map(|i| korean_date_in(&scan.text_of(i)))
}

/// A date as the page wrote it when that is already ISO 8601 (fractional seconds and all),
/// else read into ISO 8601; Korean pages without an offset get +09:00.
fn published_date(raw: &str, korean: bool) -> Option<String> {
    let d = raw.trim();
    let b = d.as_bytes();
    let iso_like = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .all(|c| c.is_ascii_digit() || "-:T .Z+".contains(c));
    let has_offset = iso_like
        && (d.ends_with('Z')
            || d.get(10..)
                .is_some_and(|t| t.contains('+') || t.rfind('-').is_some_and(|p| p > 3)));
    if iso_like && (has_offset || !korean) {
        // `+0900` → `+09:00`: the extended form throughout.
        let tail = &b[b.len().saturating_sub(5)..];
        if has_offset
            && b.len() > 15
            && (tail[0] == b'+' || tail[0] == b'-')
            && tail[1..].iter().all(u8::is_ascii_digit)
        {
            let cut = d.len() - 2;
            return Some(format!("{}:{}", &d[..cut], &d[cut..]));
        }
        return Some(d.to_string());
    }
    date::normalize(d, korean)
}

/// A timestamp held in an attribute: the site rule's `published` elements first (when
/// `with_rule`), then any element with a date hint carrying one of `attrs`.
fn timestamp_attr(
    scan: &Scan,
    rule: Option<&'static crate::rules::SiteRule>,
    attrs: &[&str],
    with_rule: bool,
) -> Option<String> {
    let n = scan.nodes.len() as u32;
    let from_rule = rule.filter(|_| with_rule).and_then(|r| {
        r.published.iter().find_map(|(s, attr)| {
            crate::rules::find(scan, s, 0, n).and_then(|k| scan.attr(k, attr))
        })
    });
    from_rule
        .or_else(|| {
            scan.nodes.iter().enumerate().find_map(|(i, node)| {
                if node.flags & scan::DATE_HINT == 0 || node.flags & scan::IN_HEAD != 0 {
                    return None;
                }
                let raw = scan.raw_start_tag(i as u32);
                attrs
                    .iter()
                    .filter(|a| raw.contains(*a))
                    .find_map(|a| scan.attr(i as u32, a))
            })
        })
        .filter(|d| !d.trim().is_empty())
}

/// The first short visible line anywhere on a Korean page with a publication label and a
/// date (`입력 : 2016.09.17 18:59`), for a page that gives its date nowhere else.
fn labelled_date_line(scan: &Scan) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    scan.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.flags & skip == 0 && n.element_children == 0 && (10..=80).contains(&n.chars)
        })
        .find_map(|(i, _)| {
            let text = scan.text_of(i as u32);
            vocab::PUBLISHED_LABELS
                .iter()
                .any(|l| text.contains(l))
                .then(|| date::find_in_text(&text, vocab::PUBLISHED_LABELS, true))
                .flatten()
        })
}

/// A reporter line of its own near the body: above it within the article's closest
/// ancestors, or just below it. The line must be short, read as a byline, and carry an email
/// or a date label, or be the byline and nothing else.
fn reporter_line_near(scan: &Scan, root: u32) -> Option<(Vec<Author>, String)> {
    // The article's closest block ancestors: up to three levels above it.
    let top = scan.ancestors(root).take(3).last().unwrap_or(root);
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    let body_end = scan.subtree_end(root);
    let below_end = scan.subtree_end(top).min(body_end + 40);
    (top..root)
        .chain(body_end..below_end)
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            n.flags & skip == 0 && n.element_children <= 1 && (4..=80).contains(&n.chars)
        })
        .find_map(|i| {
            let text = scan.text_of(i);
            let (authors, byline) = korean::parse_byline(&text)?;
            let labelled = vocab::PUBLISHED_LABELS.iter().any(|l| text.contains(l));
            let only_byline = text.split_whitespace().count() <= 2;
            (korean::email_in(&text).is_some() || labelled || only_byline)
                .then_some((authors, byline))
        })
}

/// The deck: summary lines printed above the story (a site rule's deck element, else an
/// element with a deck class: `<h3 class="sub_tit">`, `<div class="subtitle">`), above the
/// body within its closest ancestors or at the very start of it. Lines split by `<br>` or
/// blocks are joined by a newline.
fn deck(scan: &Scan, root: u32, rule: Option<&'static crate::rules::SiteRule>) -> Option<String> {
    // The article's closest block ancestors: up to three levels above it.
    let top = scan.ancestors(root).take(3).last().unwrap_or(root);
    let end = scan.subtree_end(top);
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    // Where the story's own text begins (its first paragraph within those ancestors, else
    // the body's first text): a deck comes before it.
    let first_text = (root..end)
        .find(|&k| scan.nodes[k as usize].tag == Tag::P && scan.nodes[k as usize].chars >= 20)
        .map(|k| scan.nodes[k as usize].start)
        .or_else(|| {
            scan.texts_in(root)
                .iter()
                .find(|t| {
                    !scan.html[t.start as usize..t.end as usize]
                        .trim()
                        .is_empty()
                })
                .map(|t| t.start)
        })
        .unwrap_or(u32::MAX);
    let placed = |k: u32| {
        let n = &scan.nodes[k as usize];
        n.flags & skip == 0
            && (10..=400).contains(&n.chars)
            && n.start < first_text
            && (scan.is_inside(k, root) || k < root && !scan.is_inside(root, k))
    };
    let by_rule = rule.and_then(|r| {
        r.deck
            .iter()
            .find_map(|s| crate::rules::find(scan, s, top, end).filter(|&k| placed(k)))
    });
    let k = by_rule.or_else(|| {
        (top..end).find(|&k| {
            let raw = scan.raw_start_tag(k);
            vocab::DECK_CLASSES.iter().any(|c| raw.contains(c))
                && placed(k)
                && scan.attr(k, "class").is_some_and(|class| {
                    class
                        .to_ascii_lowercase()
                        .split_ascii_whitespace()
                        .any(|t| vocab::DECK_CLASSES.contains(&t))
                })
        })
    })?;
    // Text runs and line breaks (`<br>`, blocks) in document order.
    let sub_end = scan.subtree_end(k);
    let mut marks: Vec<(u32, Option<&str>)> = (k + 1..sub_end)
        .filter(|&b| {
            let t = scan.nodes[b as usize].tag;
            t == Tag::Br || t.is_block()
        })
        .map(|b| (scan.nodes[b as usize].start, None))
        .collect();
    for t in scan.texts_in(k) {
        if scan.nodes[t.owner as usize].flags & (scan::IN_NEVER | scan::IN_HIDDEN) == 0 {
            marks.push((t.start, Some(&scan.html[t.start as usize..t.end as usize])));
        }
    }
    marks.sort_by_key(|m| m.0);
    let mut raw = String::new();
    for (_, text) in marks {
        match text {
            Some(t) => raw.push_str(&charref::decode_text(t)),
            None => raw.push('\n'),
        }
    }
    let lines: Vec<String> = raw
        .lines()
        .map(fold_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
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

pub fn extract(
    scan: &Scan,
    page_url: &str,
    article: Option<u32>,
    rule: Option<&'static crate::rules::SiteRule>,
) -> Metadata {
    let ld = linked_data(scan);
    let mut m = Metadata {
        site_name: meta_text(
            scan,
            &["og:site_name", "application-name", "twitter:site:name"],
        )
        .or_else(|| ld.publisher.clone()),
        ..Metadata::default()
    };

    // Title: JSON-LD, then the meta titles in Readability's order, then the <title> element
    // cut at its last separator. Korean pages also lose the outlet's name.
    let title_tag = scan
        .meta
        .title
        .as_deref()
        .map(clean_leaked_markup)
        .unwrap_or_default();
    let raw_title = ld
        .headline
        .as_deref()
        .map(clean_leaked_markup)
        .or_else(|| {
            meta_text(
                scan,
                &[
                    "dc:title",
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
        .unwrap_or_else(|| title_from_title_element(scan, &title_tag));
    let korean_page = is_korean_page(scan, &raw_title);
    m.title = if korean_page {
        strip_title_suffix(&raw_title, m.site_name.as_deref())
    } else if korean_host(scan, page_url) {
        // An English edition of a Korean outlet (`en.yna.co.kr`): the outlet's name goes too.
        strip_site_name_tail(&raw_title, m.site_name.as_deref())
    } else {
        raw_title
    };
    // Some CMSs write a headline's quotes as ″ in their meta titles (`″꽉 닫힌 지갑 열어라″`,
    // escaping nothing): the <title> element keeps the quotes the headline has.
    if m.title.contains('″') {
        let quoted = m.title.replace('″', "\"");
        if fold_whitespace(&title_tag).contains(&quoted) {
            m.title = quoted;
        }
    }
    if m.site_name.is_none() && korean_page {
        m.site_name = title_site_suffix(&title_tag);
    }
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
    if m.subtitle.is_none() && korean_page {
        m.subtitle = article.and_then(|root| deck(scan, root, rule));
    }
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

    // Byline: the site rule's or a Korean reporter line first; then JSON-LD authors, the meta
    // author keys, and the first visible element that says it is a byline (Readability's
    // order), then JSON-LD's `creator`. The byline keeps its printed form ("By Jane Doe");
    // authors hold the names. A date is never a byline, wherever it comes from.
    let visible = visible_byline(scan, article, &m.title);
    if let Some((_, text)) = visible
        .as_ref()
        .filter(|_| korean_page || scan.nodes.iter().any(|n| n.flags & scan::RULE_BYLINE != 0))
    {
        if let Some((authors, byline)) = korean::parse_byline(text) {
            m.authors = authors;
            m.byline = Some(byline);
        }
    }
    if m.byline.is_none() {
        // On a Korean page an organisation is never a person: a meta author that is the
        // outlet or the portal (`YTN`, `머니투데이 | 네이버`) is at most the site's name.
        let site = m.site_name.clone();
        let is_org = |b: &String| korean_page && korean::is_organisation(b, site.as_deref());
        let from_meta = if !ld.authors.is_empty() {
            Some(ld.authors.join(", "))
        } else {
            meta_text(
                scan,
                &["dc:creator", "dcterm:creator", "author", "parsely-author"],
            )
            .or_else(|| {
                meta_property(scan, "article:author")
                    .map(clean_leaked_markup)
                    .filter(|a| !a.is_empty() && !a.starts_with("http"))
            })
        };
        if m.site_name.is_none() {
            m.site_name = from_meta
                .as_ref()
                .filter(|b| is_org(b))
                .and_then(|b| korean::outlet_of(b));
        }
        let byline = from_meta
            .filter(|b| !date::is_date_like(b) && !is_org(b))
            .or_else(|| {
                visible
                    .as_ref()
                    .map(|(_, t)| t.clone())
                    .filter(|t| !is_org(t))
            })
            .or_else(|| Some(ld.creators.join(", ")).filter(|c| !is_org(c)));
        if let Some(b) = byline.filter(|b| !b.is_empty() && !date::is_date_like(b)) {
            if let Some((authors, kb)) = korean::parse_byline(&b).filter(|_| korean_page) {
                m.authors = authors;
                m.byline = Some(kb);
            } else {
                // An email printed with the name (`By PARK EUN-JEE [park.eunjee@…]`) is the
                // author's, not part of the name.
                let email = korean::email_in(&b);
                let names = match &email {
                    Some(e) => clean_byline(&b)
                        .replace(e.as_str(), "")
                        .replace("[]", "")
                        .replace("()", "")
                        .replace("<>", ""),
                    None => clean_byline(&b),
                };
                m.authors = split_names(&names)
                    .into_iter()
                    .map(|name| Author {
                        name,
                        role: None,
                        email: None,
                    })
                    .collect();
                if let ([only], Some(e)) = (m.authors.as_mut_slice(), email) {
                    only.email = Some(e);
                }
                m.byline = Some(b);
            }
        }
    }

    // A Korean page whose byline elements hold no reporter (only dates, or nothing): a line
    // of its own near the body that reads as one (`최지숙 기자 truth173@seoul.co.kr`,
    // `박상훈 기자 | 입력 : 2016.09.17 18:59`).
    if korean_page && m.authors.is_empty() {
        if let Some((authors, byline)) = article.and_then(|root| reporter_line_near(scan, root)) {
            m.authors = authors;
            m.byline = Some(byline);
        }
    }

    // Dates: JSON-LD, then `article:published_time` as Readability finds it, then other keys
    // (a `name` is read with its dots as colons: `DC.date.issued` is `dc:date:issued`).
    let published_raw = ld
        .published
        .clone()
        .or_else(|| meta_property(scan, "article:published_time").map(str::to_string))
        .or_else(|| {
            meta(
                scan,
                &[
                    "og:published_time",
                    "datepublished",
                    "parsely-pub-date",
                    "dc:date:issued",
                    "dc:date",
                    "dcterms:created",
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
        .or_else(|| meta(scan, vocab::PUBLISHED_META_KEYS).map(str::to_string))
        .or_else(|| {
            scan.meta
                .dated
                .iter()
                .find(|(_, kind, _)| kind.contains("datepublished") || kind == "time")
                .map(|(_, _, v)| v.clone())
        });
    m.published = published_raw
        .as_deref()
        .and_then(|d| published_date(d, korean_page));
    if m.published.is_none() && korean_page {
        // A timestamp in an attribute (seconds and all) before the minute printed beside it.
        m.published = timestamp_attr(scan, rule, vocab::PUBLISHED_ATTRS, true)
            .and_then(|d| published_date(&d, true));
    }
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
            m.published = korean_date_in(t);
            if m.published.is_some() {
                break;
            }
        }
    }
    if m.published.is_none() && korean_page {
        m.published = article.and_then(|root| date_line_above(scan, root));
    }
    if m.published.is_none() && korean_page {
        m.published = labelled_date_line(scan);
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
    let modified_raw = modified_raw.or_else(|| {
        korean_page
            .then(|| timestamp_attr(scan, None, vocab::MODIFIED_ATTRS, false))
            .flatten()
    });
    m.modified = modified_raw
        .as_deref()
        .and_then(|d| date::normalize(d, korean_page && !d.contains('+') && !d.ends_with('Z')));
    if korean_page {
        for d in [&mut m.published, &mut m.modified].into_iter().flatten() {
            if let Some(kst) = date::in_kst(d) {
                *d = kst;
            }
        }
    }

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
    .map(|s| s.trim().to_string())
    .or(ld.image.clone())
    .map(|s| url::resolve(page_url, &s))
    .filter(|s| url::is_safe_link(s));

    m.related = related_links(scan, page_url);
    m.copyright = copyright_notice(scan);
    // A Korean page that names itself nowhere else names its outlet in the copyright line
    // under the story (`Copyrights ⓒ TV조선. 무단전재 및 재배포 금지`).
    if m.site_name.is_none() && korean_page {
        m.site_name = article.and_then(|root| {
            // The story's closest ancestors (up to three levels): the line is beside the body.
            let top = scan.ancestors(root).take(3).last().unwrap_or(root);
            (top..scan.subtree_end(top))
                .filter(|&k| (8..120).contains(&scan.nodes[k as usize].chars))
                .map(|k| scan.text_of(k))
                .find(|t| korean::is_copyright(t))
                .and_then(|t| korean::copyright_holder(&t))
        });
    }
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
    fn published_dates_keep_their_iso_form() {
        assert_eq!(
            published_date("2025-07-22T17:02:49+0900", false).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            published_date("2015-03-27T13:07:55.096Z", false).as_deref(),
            Some("2015-03-27T13:07:55.096Z")
        );
        assert_eq!(
            published_date("2018-04-05T06:00", false).as_deref(),
            Some("2018-04-05T06:00")
        );
        assert_eq!(
            published_date("2025-07-22 17:02:49", true).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            published_date("2020-01-02", false).as_deref(),
            Some("2020-01-02")
        );
    }

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
            title_site_suffix("제목입니다 여기 < 산업 < 기사본문 - 어느뉴스").as_deref(),
            Some("어느뉴스")
        );
        assert_eq!(
            title_site_suffix("삼성전자 신고가 - 매일경제").as_deref(),
            Some("매일경제")
        );
        assert_eq!(title_site_suffix("삼성전자 신고가"), None);
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
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"H &amp; I","author":[{"@type":"Person","name":"A B"}],"datePublished":"2020-01-02T03:04:05Z"}]}</script><p>x</p>"#;
        let s = crate::scan::scan(html, None).unwrap();
        let ld = linked_data(&s);
        assert_eq!(ld.headline.as_deref(), Some("H & I"));
        assert_eq!(ld.authors, vec!["A B".to_string()]);
        assert_eq!(ld.published.as_deref(), Some("2020-01-02T03:04:05Z"));
    }
}

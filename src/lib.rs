//! # malgeum: the article in any page, clean and structured
//!
//! The engine of the Malgeum reader mode and exporter. It takes a page's HTML and returns the
//! article as the export `malgeum.article/1` ([`Article`]), with the page's chrome gone: person
//! links unwrapped to plain text, share buttons, comments, related lists, ads and copyright
//! boilerplate removed. No DOM is built; the page is read once by lol_html's streaming parser.
//!
//! The stages, in the order a page meets them:
//!
//! 1. `decode`: bytes to text (charset from BOM or `<meta>`, EUC-KR and other legacy
//!    encodings; feature `charsets`, on by default, off in the wasm build, which gets text).
//! 2. `rules`: site rules as data, and the generic class/id hints and chrome words.
//! 3. `scan`: one lol_html pass over the input as HTML's preprocessing leaves it: metadata,
//!    and a flat arena of per-element statistics and text ranges, built by the
//!    tree-construction rules that decide what a reader sees (implied `<html>`/`<head>`/
//!    `<body>`, the head's end, `tags` for implied end tags, quirks mode, the list of active
//!    formatting elements and the adoption agency algorithm); `charref` reads character
//!    references by the tokenizer's rules, and `url` resolves links by the URL Standard (its own
//!    parser, feature `url-parser`, or in the wasm build the browser's `URL`). By
//!    phase: `scan::tree` (the tree-construction rules), `scan::attrs` (what each start tag's
//!    attributes say), `scan::head` (the page's metadata), `scan::stats` (text measurement,
//!    paragraph runs, the counts an element hands its parent).
//! 4. `choose`: the article's elements, by site rule (or a CMS family's container:
//!    `rules::RuleUsed` names which, for `extractor.rule`) or by Readability-grade scoring,
//!    and the noise inside them. A page with no article whose server sent the story only as
//!    a CMS's hydration state is rebuilt around that story by `hydration` and read again
//!    (feature `hydration`: the CLI's; a browser has rendered the story already).
//! 5. `metadata`: one function per export field, each reading its sources best first
//!    (`metadata::jsonld`, read by `json`; `metadata::meta`, then the visible page: `title`, `byline`,
//!    `dates` with `date`, `visible`), from the arena while it is alive; it decides once
//!    whether the page is Korean.
//! 6. `render`: the chosen elements, rebuilt from the arena as a tree allowed by one tag →
//!    attributes table. The arena is freed after it.
//! 7. `polish`: chrome that only text reveals, copyright, sign-off and captions (`korean`
//!    recognizes the Korean conventions). Its findings join the metadata's through
//!    `metadata::Credits::with_story` (byline and authors) and `metadata::images`.
//! 8. `article`: the export schema and its HTML, text and Markdown renderings.
//!
//! The surfaces: [`extract`] and `extract_bytes` here, the CLI (`src/main.rs`), and the wasm
//! binding, a crate of its own (`wasm/`) so that its build can leave the legacy charsets out.
//!
//! One door: the stages are private modules. What the crate offers is [`extract`],
//! `extract_bytes` and `decode_page`, [`Options`], [`Error`], the export's types ([`Article`],
//! [`Author`], [`Image`], [`Person`], [`Related`], [`Stats`], [`Extractor`]) and its limits
//! ([`MAX_INPUT_BYTES`], [`MAX_AUTHORS`], [`MAX_BYLINE_CHARS`]); without the feature
//! `url-parser`, `set_url_parser`, through which the wasm binding hands over the browser's
//! `URL`. A hidden module,
//! `conformance`, lets the standards tests (`tests/conformance.rs`) reach the readers of
//! character references, the scan's tree, URLs and JSON; it is not API.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod charref;
mod choose;
mod date;
#[cfg(feature = "charsets")]
mod decode;
#[cfg(feature = "hydration")]
mod hydration;
mod json;
mod korean;
mod markup;
mod metadata;
mod polish;
mod render;
mod rules;
mod scan;
mod tags;
mod url;

pub use article::{Article, Author, Extractor, Image, Person, Related, Stats};
#[cfg(not(feature = "url-parser"))]
pub use url::{set_parser as set_url_parser, Parser as UrlParser};

/// Not API: the engine's readers of the standards, reached by the conformance tests
/// (`tests/conformance.rs`), which check them against html5lib-tests and WPT. Nothing here is
/// promised to stay.
#[doc(hidden)]
pub mod conformance {
    pub use crate::charref::{decode_attribute, decode_text};
    pub use crate::json::{parse as parse_json, Object as JsonObject, Value as JsonValue};
    pub use crate::markup::attributes;
    pub use crate::url::resolve;
    use crate::{markup, scan, tags::Tag};

    /// Whether the element `name` never holds readable content (`<script>`, `<style>`, …).
    pub fn is_never_content(name: &str) -> bool {
        Tag::from_name(name).is_never_content()
    }

    /// The scan's tree as html5lib's tree-construction tests view it: the elements it placed
    /// in the head (lowercase names, the `<head>` itself left out), and the text it placed in
    /// the body, character references decoded (text in `<noscript>` left out).
    pub fn head_and_body(html: &str) -> (Vec<String>, String) {
        let s = scan::scan(html, None).unwrap();
        let head = s
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.flags & scan::IN_HEAD != 0 && n.tag != Tag::Head)
            .map(|(i, _)| markup::tag_name(s.raw_start_tag(i as u32)).to_ascii_lowercase())
            .collect();
        let mut text = String::new();
        for run in &s.texts {
            let owner = &s.nodes[run.owner as usize];
            if owner.flags & scan::IN_HEAD == 0 && owner.tag != Tag::Noscript {
                text.push_str(&decode_text(&html[run.start as usize..run.end as usize]));
            }
        }
        (head, text)
    }
}

/// What to produce besides the always-present fields.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Also render the body as Markdown (`markdown`).
    pub markdown: bool,
}

/// Why a page could not be read at all. A page that is readable HTML but not an article is
/// not an error: it comes back with `readerable: false` and a reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input is not something the engine can parse (binary data, too large).
    Unreadable(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Unreadable(why) => write!(f, "unreadable page: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// The largest page the engine reads (the arena's offsets are 32-bit).
pub const MAX_INPUT_BYTES: usize = 512 << 20;

/// An article shorter than this (characters) is reported as not readerable.
const MIN_ARTICLE_CHARS: usize = 140;

/// Decodes a page's bytes (see `decode`) and extracts its article.
#[cfg(feature = "charsets")]
pub fn extract_bytes(bytes: &[u8], url: &str, options: &Options) -> Result<Article, Error> {
    refuse_binary(bytes)?;
    let (html, _) = decode::decode(bytes);
    extract(&html, url, options)
}

/// Decodes a page's bytes to text (see `decode`), taking them so that a UTF-8 page is not
/// copied. Binary data is refused.
#[cfg(feature = "charsets")]
pub fn decode_page(bytes: Vec<u8>) -> Result<String, Error> {
    refuse_binary(&bytes)?;
    Ok(decode::decode_owned(bytes).0)
}

/// Refuses binary data. UTF-16 is full of NUL bytes: with a BOM, the page is text.
#[cfg(feature = "charsets")]
fn refuse_binary(bytes: &[u8]) -> Result<(), Error> {
    if encoding_rs::Encoding::for_bom(bytes).is_none() && looks_binary(bytes) {
        return Err(Error::Unreadable(
            "the input is binary data, not HTML".into(),
        ));
    }
    Ok(())
}

/// NUL bytes and control characters in bulk mean a binary file, not a page.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let controls = sample
        .iter()
        .filter(|b| **b == 0 || **b < 9 || (14..32).contains(*b) && **b != 27)
        .count();
    !sample.is_empty() && controls * 10 > sample.len()
}

/// Extracts the article from a page's HTML. `url` is the page's address (for absolute links
/// and site rules; may be empty).
///
/// The pipeline in one piece, on purpose: each stage's call in the order of the crate's top
/// comment, with the hand-overs between them in view.
pub fn extract(html: &str, url: &str, options: &Options) -> Result<Article, Error> {
    extract_page(html, url, options, true)
}

/// [`extract`], which may read the page again rebuilt around the story its CMS's hydration
/// state holds (`may_read_state`) when the page itself gives no article.
fn extract_page(
    html: &str,
    url: &str,
    options: &Options,
    may_read_state: bool,
) -> Result<Article, Error> {
    if html.len() > MAX_INPUT_BYTES {
        return Err(Error::Unreadable(format!(
            "the page is larger than {} MB",
            MAX_INPUT_BYTES >> 20
        )));
    }
    if looks_binary(html.as_bytes()) {
        return Err(Error::Unreadable(
            "the input is binary data, not HTML".into(),
        ));
    }
    let html = markup::preprocess_input(html);
    let mut rule = rules::site_rule_for(url);
    let mut scan = scan::scan(&html, rule).map_err(Error::Unreadable)?;
    // A page from an address no rule names may still be a known template (a saved copy or a
    // mirror of a Naver or Daum page): its markup says so, and the page is read again with
    // the rule.
    if rule.is_none() {
        if let Some(by_markup) = rules::site_rule_by_markup(&scan) {
            drop(scan);
            rule = Some(by_markup);
            scan = scan::scan(&html, rule).map_err(Error::Unreadable)?;
        }
    }
    let plan = choose::choose(&scan, rule);
    #[cfg(feature = "hydration")]
    if may_read_state && plan.chars == 0 {
        if let Some((page, cms)) = page_from_state(&scan) {
            drop(plan);
            drop(scan);
            let mut article = extract_page(&page, url, options, false)?;
            article.extractor.rule = cms.into();
            return Ok(article);
        }
    }
    #[cfg(not(feature = "hydration"))]
    let _ = may_read_state;
    let rule_used = plan.rule;
    let meta = metadata::extract(&scan, url, plan.main_root(), rule);
    let rendered = render::render(&scan, &plan, url);
    let chose_something = !plan.roots.is_empty();
    // The arena is done with: free it before the renderings (a 60 MB page keeps peak memory
    // well under 1 GiB this way).
    drop(plan);
    drop(scan);
    let mut body = rendered.body;
    let polished = polish::polish(
        &mut body,
        &meta.title,
        meta.title_label.as_deref(),
        meta.subtitle.as_deref(),
    );

    let text = article::to_text(&body);
    let korean = meta.korean;
    let stats = article::stats(&text, korean);
    let (readerable, reason) = verdict(stats.chars, chose_something);
    let credits = meta.credits.with_story(&polished, korean).or_contributor(
        &meta.title,
        meta.subtitle.as_deref(),
        polished.images.iter().filter_map(|i| i.caption.as_deref()),
        polished.profile.as_ref(),
        korean,
    );
    let images = metadata::images(&polished, meta.lead_image);
    let markdown = options.markdown.then(|| article::to_markdown(&body));
    Ok(Article {
        schema: article::SCHEMA,
        url: url.to_string(),
        canonical_url: meta.canonical_url,
        site_name: metadata::site_name_with_story(
            meta.site_name,
            meta.site_declared,
            polished.dateline.as_deref(),
            polished.copyright.as_deref().or(meta.copyright.as_deref()),
        ),
        lang: meta.lang,
        dir: meta.dir,
        title: meta.title,
        subtitle: meta.subtitle.or(polished.deck),
        excerpt: meta.excerpt.or_else(|| {
            text.split("\n\n")
                .next()
                .map(|p| p.chars().take(200).collect())
        }),
        byline: credits.byline,
        authors: credits.authors,
        published: meta.published,
        modified: meta.modified,
        section: meta.section,
        tags: with_hashtags(meta.tags, polished.hashtags),
        dateline: polished.dateline,
        lead_image: images.lead,
        images: images.all,
        people: rendered.people,
        related_articles: meta.related,
        copyright: polished.copyright.or(meta.copyright),
        notes: polished.notes,
        content_html: article::to_html(&body),
        text,
        markdown,
        stats,
        readerable,
        reason,
        extractor: article::Extractor {
            name: "malgeum",
            version: env!("CARGO_PKG_VERSION"),
            rule: rule_used.to_string(),
        },
    })
}

/// The page rebuilt around the story in its hydration state (`hydration`), if it has one,
/// with the name of the CMS family whose state it read: Arc XP's, or any framework's JSON.
#[cfg(feature = "hydration")]
fn page_from_state(scan: &scan::Scan) -> Option<(String, &'static str)> {
    let body = scan.nodes.iter().find(|n| n.tag == tags::Tag::Body)?;
    let body_start = body.start as usize;
    let arc = scan.meta.hydration.as_deref();
    if let Some(page) =
        arc.and_then(|state| hydration::page_with_story(scan.html, body_start, state))
    {
        return Some((page, "cms:arc"));
    }
    let scripts = scan
        .nodes
        .iter()
        .filter(|n| n.tag == tags::Tag::Script)
        .filter_map(|n| scan.html.get(n.tag_end as usize..n.end as usize))
        .map(hydration::script_text);
    let page = hydration::page_with_state_story(scan.html, body_start, scripts)?;
    Some((page, "cms:state"))
}

/// The most authors an export lists, and the longest byline it keeps (characters): a page can
/// claim any number of authors (one JSON-LD block named 160,000), a reader shows a line.
pub const MAX_AUTHORS: usize = 50;
/// The longest byline an export keeps, in characters (see [`MAX_AUTHORS`]).
pub const MAX_BYLINE_CHARS: usize = 300;

/// The page's tags, then the hashtags under its story that they lack.
fn with_hashtags(mut tags: Vec<String>, hashtags: Vec<String>) -> Vec<String> {
    for h in hashtags {
        if !tags.contains(&h) {
            tags.push(h);
        }
    }
    tags
}

/// `chars`: the article text's characters that are not spaces (`Stats::chars`).
fn verdict(chars: usize, chose_something: bool) -> (bool, Option<String>) {
    if !chose_something || chars == 0 {
        return (false, Some("no article text found on this page".into()));
    }
    if chars < MIN_ARTICLE_CHARS {
        return (
            false,
            Some(format!("only {chars} characters of text: not an article")),
        );
    }
    (true, None)
}

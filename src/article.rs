//! The export, schema `malgeum.article/1` (JSON, camelCase), and the three renderings of the
//! clean tree: allowlisted HTML, plain text (a blank line between paragraphs) and Markdown.
//!
//! The Markdown *document* (`Article::markdown_document`: YAML front matter, the title as a
//! heading, the body) is written here only: the export's `markdown` field holds it, so the CLI's
//! `--format markdown` and the extension's Copy / Save Markdown give the same document.

use crate::json::{ToJson, Writer};
use crate::markup;
use crate::render::{Content, Element};
use crate::tags::Tag;
use std::fmt::Write;

pub const SCHEMA: &str = "malgeum.article/1";

/// The export. In the struct, `markdown` is the body alone (as `to_markdown` renders it);
/// serialized, the `markdown` field is the whole document (`markdown_document`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// `schema`: `"malgeum.article/1"`.
    pub schema: &'static str,
    /// `url`: the page URL.
    pub url: String,
    /// `canonicalUrl`: `<link rel=canonical>` / `og:url`.
    pub canonical_url: Option<String>,
    /// `siteName`: the publication (`og:site_name`, JSON-LD publisher; on Korean pages else the
    /// outlet the `<title>` ends with).
    pub site_name: Option<String>,
    /// `lang`: the BCP-47 language.
    pub lang: Option<String>,
    /// `dir`: `ltr`/`rtl`.
    pub dir: Option<String>,
    /// `title`: the headline without leaked markup (and, on Korean pages, without ` - 매체명`
    /// suffixes).
    pub title: String,
    /// `subtitle`: the dek (`og:subtitle`, or on Korean pages the deck printed above the story,
    /// its lines joined by `\n`; never repeated in `text`).
    pub subtitle: Option<String>,
    /// `excerpt`: a summary.
    pub excerpt: Option<String>,
    /// `byline`: the byline as printed (`정희경 기자`, `By Jane Doe`).
    pub byline: Option<String>,
    /// `authors[]`: persons only (on Korean pages an outlet or portal named as the author,
    /// `YTN`, `매체명 | 네이버`, is not one).
    pub authors: Vec<Author>,
    /// `published`: ISO 8601 (`2025-07-22T17:02:49+09:00`); on Korean pages always Korean time
    /// (+09:00: a time without an offset is KST, a UTC one is converted); a machine-readable
    /// timestamp (metadata, `data-date-time`, Daum's `og:regDate`) wins over the minute printed
    /// on the page.
    pub published: Option<String>,
    /// `modified`: as `published`, for the last change.
    pub modified: Option<String>,
    /// `section[]`: breadcrumbs / `article:section`.
    pub section: Vec<String>,
    /// `tags[]`: keywords, then a hashtag line under the story (`#고물가 #짠테크`).
    pub tags: Vec<String>,
    /// `dateline`: `비즈니스포스트` from `[비즈니스포스트]`, `서울=연합뉴스` from `(서울=연합뉴스)`,
    /// `세종=아시아경제` from `[세종=아시아경제 주상돈 기자]` (the reporter goes to the byline).
    pub dateline: Option<String>,
    /// `leadImage`: the article's lead image.
    pub lead_image: Option<Image>,
    /// `images[]`: the article's images.
    pub images: Vec<Image>,
    /// `people[]`: from unwrapped person links (the text keeps the name).
    pub people: Vec<Person>,
    /// `relatedArticles[]`: from related / latest lists (never in the body).
    pub related_articles: Vec<Related>,
    /// `copyright`: the copyright notice, moved out of the body.
    pub copyright: Option<String>,
    /// `notes[]`: the outlet's notes about the article (where it was printed, who supported
    /// it, how it was written), moved out of the body.
    pub notes: Vec<String>,
    /// `contentHtml`: the clean article HTML (allowlisted tags and attributes only).
    pub content_html: String,
    /// `text`: plain text, paragraphs separated by a blank line (captions left out).
    pub text: String,
    /// The body as Markdown, when asked for ([`Options::markdown`](crate::Options::markdown)).
    /// Serialized, `markdown` is the article as one Markdown document
    /// ([`Article::markdown_document`]): YAML front matter, the title as a heading, then this
    /// body.
    pub markdown: Option<String>,
    /// `stats`: the text's measure, `{chars, words, readingMinutes}`; Korean: characters
    /// without spaces and 어절.
    pub stats: Stats,
    /// `readerable`: `false` for pages that are not articles.
    pub readerable: bool,
    /// `reason`: a short reason for pages that are not articles.
    pub reason: Option<String>,
    /// `extractor`: what made the export.
    pub extractor: Extractor,
}

// Field by field in the schema's order, camelCase, an empty optional field left out; the
// `markdown` member is the whole document.
impl Article {
    /// The export as JSON text (indented two spaces per level when `pretty`).
    pub fn to_json(&self, pretty: bool) -> String {
        let mut w = Writer::new(pretty);
        self.write_json(&mut w);
        w.finish()
    }
}

impl ToJson for Article {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        w.str_field("schema", self.schema);
        w.str_field("url", &self.url);
        w.opt_field("canonicalUrl", &self.canonical_url);
        w.opt_field("siteName", &self.site_name);
        w.opt_field("lang", &self.lang);
        w.opt_field("dir", &self.dir);
        w.str_field("title", &self.title);
        w.opt_field("subtitle", &self.subtitle);
        w.opt_field("excerpt", &self.excerpt);
        w.opt_field("byline", &self.byline);
        w.list_field("authors", &self.authors);
        w.opt_field("published", &self.published);
        w.opt_field("modified", &self.modified);
        w.list_field("section", &self.section);
        w.list_field("tags", &self.tags);
        w.opt_field("dateline", &self.dateline);
        w.opt_field("leadImage", &self.lead_image);
        w.list_field("images", &self.images);
        w.list_field("people", &self.people);
        w.list_field("relatedArticles", &self.related_articles);
        w.opt_field("copyright", &self.copyright);
        w.list_field("notes", &self.notes);
        w.str_field("contentHtml", &self.content_html);
        w.str_field("text", &self.text);
        w.opt_field("markdown", &self.markdown_document());
        w.field("stats", &self.stats);
        w.bool_field("readerable", self.readerable);
        w.opt_field("reason", &self.reason);
        w.field("extractor", &self.extractor);
        w.close('}');
    }
}

impl Article {
    /// The article as one Markdown document, when the body was rendered (`Options::markdown`):
    /// YAML front matter (`title`, `authors`, `published`, `url`, `site`, `tags`: the keys
    /// Obsidian and defuddle use; `title` and `url` always, the others when known), then the
    /// title as a `#` heading, then the body.
    pub fn markdown_document(&self) -> Option<String> {
        let body = self.markdown.as_deref()?;
        let mut out = String::from("---\n");
        out.push_str("title: ");
        yaml_string(&self.title, &mut out);
        out.push('\n');
        let authors: Vec<&str> = self
            .authors
            .iter()
            .map(|a| a.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        yaml_list("authors", &authors, &mut out);
        if let Some(p) = self.published.as_deref().filter(|p| !p.trim().is_empty()) {
            out.push_str("published: ");
            if is_plain_date(p) {
                out.push_str(p);
            } else {
                yaml_string(p, &mut out);
            }
            out.push('\n');
        }
        out.push_str("url: ");
        yaml_string(self.canonical_url.as_deref().unwrap_or(&self.url), &mut out);
        out.push('\n');
        if let Some(site) = self.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push_str("site: ");
            yaml_string(site, &mut out);
            out.push('\n');
        }
        let tags: Vec<&str> = self
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        yaml_list("tags", &tags, &mut out);
        out.push_str("---\n\n");
        let title = crate::markup::fold_whitespace(&self.title);
        if !title.trim().is_empty() {
            out.push_str("# ");
            out.push_str(&md_escape(title.trim()));
            out.push_str("\n\n");
        }
        out.push_str(body.trim_start_matches('\n'));
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Some(out)
    }
}

/// A YAML double-quoted scalar: any text, on one line, read back exactly.
fn yaml_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    let digit = (c as u32 >> shift) & 0xF;
                    out.push(
                        char::from_digit(digit, 16)
                            .unwrap_or('0')
                            .to_ascii_uppercase(),
                    );
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn yaml_list(key: &str, items: &[&str], out: &mut String) {
    if items.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(":\n");
    for item in items {
        out.push_str("  - ");
        yaml_string(item, out);
        out.push('\n');
    }
}

/// An ISO 8601 date or date-time that YAML may hold unquoted (Obsidian reads it as a date).
fn is_plain_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b[10..]
            .iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b'T' | b':' | b'+' | b'-' | b'.' | b'Z'))
}

/// An author (`authors[]`): a person, `{name, role?, email?}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Author {
    /// `name`: the person's name.
    pub name: String,
    /// `role`: e.g. 기자, 선임기자, 특파원.
    pub role: Option<String>,
    /// `email`: the author's address, when printed.
    pub email: Option<String>,
}

impl ToJson for Author {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        w.str_field("name", &self.name);
        w.opt_field("role", &self.role);
        w.opt_field("email", &self.email);
        w.close('}');
    }
}

/// An image (`leadImage`, `images[]`): `{src, alt?, caption?, credit?}`; alt and caption free
/// of markup.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Image {
    /// `src`: the image's absolute URL.
    pub src: String,
    /// `alt`: the alternative text.
    pub alt: Option<String>,
    /// `caption`: the caption.
    pub caption: Option<String>,
    /// `credit`: the photo credit.
    pub credit: Option<String>,
}

impl ToJson for Image {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        w.str_field("src", &self.src);
        w.opt_field("alt", &self.alt);
        w.opt_field("caption", &self.caption);
        w.opt_field("credit", &self.credit);
        w.close('}');
    }
}

/// A person linked in the story (`people[]`): `{name, url}` from an unwrapped person link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    /// `name`: the link's text, kept in the article's text.
    pub name: String,
    /// `url`: where the link pointed.
    pub url: String,
}

impl ToJson for Person {
    fn write_json(&self, w: &mut Writer) {
        name_and_url(w, ("name", &self.name), &self.url);
    }
}

/// A related article (`relatedArticles[]`): `{title, url}` from a related / latest list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Related {
    /// `title`: the link's text.
    pub title: String,
    /// `url`: the link's address.
    pub url: String,
}

impl ToJson for Related {
    fn write_json(&self, w: &mut Writer) {
        name_and_url(w, ("title", &self.title), &self.url);
    }
}

/// `{name, url}` or `{title, url}`: a person's link and a related article's.
fn name_and_url(w: &mut Writer, (key, name): (&str, &str), url: &str) {
    w.open('{');
    w.str_field(key, name);
    w.str_field("url", url);
    w.close('}');
}

/// The text's measure (`stats`): `{chars, words, readingMinutes}`; Korean: characters without
/// spaces and 어절.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// `chars`: the characters of `text` that are not spaces (as Korean counts them).
    pub chars: usize,
    /// `words`: the runs of them between spaces (on Korean pages, 어절).
    pub words: usize,
    /// `readingMinutes`: the reading time, rounded up (500 characters a minute on Korean pages,
    /// 230 words a minute on others; at least 1 when there is text).
    pub reading_minutes: u32,
}

impl ToJson for Stats {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        w.number_field("chars", self.chars);
        w.number_field("words", self.words);
        w.number_field("readingMinutes", self.reading_minutes as usize);
        w.close('}');
    }
}

/// What made the export (`extractor`): `{name: "malgeum", version, rule}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extractor {
    /// `name`: `"malgeum"`.
    pub name: &'static str,
    /// `version`: the engine's version.
    pub version: &'static str,
    /// `rule`: the rule the article was read by: `"site:<domain>"` (an outlet's site rule),
    /// `"cms:<name>"` (a CMS family's container, on a page of any address) or `"generic"`.
    pub rule: String,
}

impl ToJson for Extractor {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        w.str_field("name", self.name);
        w.str_field("version", self.version);
        w.str_field("rule", &self.rule);
        w.close('}');
    }
}

// ------------------------------------------------------------------------------------ HTML

/// Appends `s` with the bytes that `replace` names escaped, copying unescaped runs whole.
/// Bytes, not chars: every character escaped here is ASCII, except the no-break space
/// (`C2 A0`), which `replace` sees as its lead byte `C2`.
/// Generic over `replace`, so that each caller's match is inlined into the loop.
fn escape_into(
    s: &str,
    out: &mut String,
    replace: impl Fn(&[u8]) -> Option<(&'static str, usize)>,
) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some((rep, len)) = replace(&bytes[i..]) {
            out.push_str(&s[start..i]);
            out.push_str(rep);
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
}

pub fn escape_text(s: &str, out: &mut String) {
    escape_into(s, out, |b| match b {
        [b'&', ..] => Some(("&amp;", 1)),
        [b'<', ..] => Some(("&lt;", 1)),
        [b'>', ..] => Some(("&gt;", 1)),
        [0xC2, 0xA0, ..] => Some(("&nbsp;", 2)),
        _ => None,
    });
}

pub fn escape_attr(s: &str, out: &mut String) {
    escape_into(s, out, |b| match b {
        [b'&', ..] => Some(("&amp;", 1)),
        [b'"', ..] => Some(("&quot;", 1)),
        [b'<', ..] => Some(("&lt;", 1)),
        [b'>', ..] => Some(("&gt;", 1)),
        _ => None,
    });
}

/// Serializes the clean tree's children as HTML.
pub fn to_html(body: &Element) -> String {
    let mut out = String::new();
    for c in &body.children {
        write_html(c, &mut out);
    }
    out
}

fn write_html(c: &Content, out: &mut String) {
    match c {
        Content::Text(t) => escape_text(t, out),
        Content::Element(e) => {
            out.push('<');
            out.push_str(e.tag.name());
            for (name, value) in &e.attrs {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape_attr(value, out);
                out.push('"');
            }
            out.push('>');
            if e.tag.is_void() {
                return;
            }
            for child in &e.children {
                write_html(child, out);
            }
            out.push_str("</");
            out.push_str(e.tag.name());
            out.push('>');
            if e.tag.is_block() {
                out.push('\n');
            }
        }
    }
}

// ------------------------------------------------------------------------------------ text

/// Plain text: paragraphs (and list items, headings) separated by a blank line, `<br>` as a
/// line break, whitespace folded, captions left out; a table a row a line, cells split by tabs.
pub fn to_text(body: &Element) -> String {
    let mut text = TextBlocks::default();
    collect_blocks(body, &mut text);
    text.end_block();
    text.out
}

/// Plain text being written: whitespace folded as it arrives, a blank line between blocks.
#[derive(Default)]
struct TextBlocks {
    out: String,
    /// Whether the current block has text yet, and whether a space is owed before the next word.
    in_block: bool,
    space: bool,
    line_break: bool,
}

impl TextBlocks {
    fn push(&mut self, s: &str) {
        for piece in markup::pieces(s) {
            // A piece of text may hold single spaces: they stay as they are.
            let markup::Piece::Text(word) = piece else {
                self.space = true;
                continue;
            };
            if !self.in_block {
                if !self.out.is_empty() {
                    self.out.push_str("\n\n");
                }
                self.in_block = true;
            } else if self.line_break {
                self.out.push('\n');
            } else if self.space {
                self.out.push(' ');
            }
            self.out.push_str(word);
            self.space = false;
            self.line_break = false;
        }
    }

    fn line_break(&mut self) {
        if self.in_block {
            self.line_break = true;
        }
    }

    fn end_block(&mut self) {
        self.in_block = false;
        self.space = false;
        self.line_break = false;
    }

    /// A preformatted block, kept as written.
    fn push_block(&mut self, s: &str) {
        self.end_block();
        if !s.trim().is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(s.trim_end());
        }
    }
}

fn collect_blocks(el: &Element, text: &mut TextBlocks) {
    for c in &el.children {
        match c {
            Content::Text(t) => text.push(t),
            Content::Element(e) if matches!(e.tag, Tag::Figcaption | Tag::Caption | Tag::Img) => {}
            Content::Element(e) if e.tag == Tag::Br => text.line_break(),
            Content::Element(e) if e.tag == Tag::Pre => text.push_block(&e.text_preformatted()),
            // A data table as a browser copies it: a row a line, its cells split by tabs.
            Content::Element(e) if e.tag == Tag::Table => {
                let rows: Vec<String> = table_cells(e).iter().map(|r| r.join("\t")).collect();
                text.push_block(&rows.join("\n"));
            }
            Content::Element(e) if e.tag.is_block() => {
                text.end_block();
                collect_blocks(e, text);
                text.end_block();
            }
            Content::Element(e) => collect_blocks(e, text),
        }
    }
}

impl Element {
    fn text_preformatted(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Content::Text(t) => s.push_str(t),
                Content::Element(e) if e.tag == Tag::Br => s.push('\n'),
                Content::Element(e) => s.push_str(&e.text_preformatted()),
            }
        }
        s
    }
}

// -------------------------------------------------------------------------------- Markdown

/// Markdown of the clean tree: headings, emphasis, links, images, lists, quotes, code.
pub fn to_markdown(body: &Element) -> String {
    let mut out = String::new();
    md_blocks(body, &mut out, "", 0);
    let mut cleaned = String::new();
    let mut blank = 0;
    let lines: Vec<&str> = out.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        // A bare `>` separates paragraphs inside a quote; after its last one it is noise.
        let bare_quote = !line.is_empty() && line.trim().chars().all(|c| c == '>');
        let quote_goes_on = lines.get(i + 1).is_some_and(|next| {
            next.trim_start().starts_with('>') && !next.trim().chars().all(|c| c == '>')
        });
        if line.trim().is_empty() || bare_quote && !quote_goes_on {
            blank += 1;
            if blank == 1 && !cleaned.is_empty() {
                cleaned.push('\n');
            }
        } else {
            blank = 0;
            cleaned.push_str(line.trim_end());
            cleaned.push('\n');
        }
    }
    cleaned.trim_end().to_string() + "\n"
}

/// Text for Markdown: its punctuation escaped, and `<`, `>`, `&` written as references so
/// that no renderer reads markup (or an entity) into it.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '*' | '_' | '`' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A link or image destination for Markdown: characters that would end or break out of it are
/// percent-encoded, and `&` is written as a reference (renderers decode references there).
fn md_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn md_inline(el: &Element) -> String {
    let mut s = String::new();
    for c in &el.children {
        match c {
            Content::Text(t) => s.push_str(&md_escape(t)),
            Content::Element(e) => match e.tag {
                Tag::Br => s.push_str("  \n"),
                Tag::Strong | Tag::B => {
                    let inner = md_inline(e);
                    if !inner.trim().is_empty() {
                        _ = write!(s, "**{}**", inner.trim());
                    }
                }
                Tag::Em | Tag::I | Tag::Cite => {
                    let inner = md_inline(e);
                    if !inner.trim().is_empty() {
                        _ = write!(s, "*{}*", inner.trim());
                    }
                }
                Tag::Code => _ = write!(s, "`{}`", e.text()),
                Tag::A => {
                    let inner = md_inline(e);
                    match e.attr("href") {
                        Some(h) if !inner.trim().is_empty() => {
                            _ = write!(s, "[{}]({})", inner.trim(), md_destination(h))
                        }
                        _ => s.push_str(&inner),
                    }
                }
                Tag::Img => s.push_str(&md_image(e)),
                Tag::Del | Tag::S | Tag::Strike => _ = write!(s, "~~{}~~", md_inline(e)),
                _ => s.push_str(&md_inline(e)),
            },
        }
    }
    crate::markup::fold_whitespace(&s.replace("  \n", "\u{1}")).replace('\u{1}', "  \n")
}

fn md_image(e: &Element) -> String {
    format!(
        "![{}]({})",
        md_escape(e.attr("alt").unwrap_or("")),
        md_destination(e.attr("src").unwrap_or(""))
    )
}

fn md_blocks(el: &Element, out: &mut String, prefix: &str, depth: usize) {
    let mut inline = Element::new(Tag::P);
    let flush_inline = |inline: &mut Element, out: &mut String| {
        let text = md_inline(inline);
        if !text.trim().is_empty() {
            for line in text.lines() {
                out.push_str(prefix);
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(prefix);
            out.push('\n');
        }
        inline.children.clear();
    };
    let mut ordinal = 0;
    for c in &el.children {
        let e = match c {
            Content::Element(e)
                if e.tag.is_block() || e.tag == Tag::Img && !matches!(el.tag, Tag::P) =>
            {
                e
            }
            other => {
                inline.children.push(other.clone());
                continue;
            }
        };
        flush_inline(&mut inline, out);
        match e.tag {
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                let level = (e.tag as u8 - Tag::H1 as u8 + 1) as usize;
                _ = write!(
                    out,
                    "{prefix}{} {}\n{prefix}\n",
                    "#".repeat(level),
                    md_inline(e)
                );
            }
            Tag::Img => _ = write!(out, "{prefix}{}\n{prefix}\n", md_image(e)),
            Tag::Pre => {
                _ = writeln!(out, "{prefix}```");
                for line in e.text_preformatted().trim_end().lines() {
                    _ = writeln!(out, "{prefix}{line}");
                }
                _ = write!(out, "{prefix}```\n{prefix}\n");
            }
            Tag::Blockquote => {
                md_blocks(e, out, &format!("{prefix}> "), depth + 1);
                // A blank line ends the quote: the next paragraph must not join it.
                out.push_str(prefix);
                out.push('\n');
            }
            Tag::Ul | Tag::Ol => {
                for item in e.children.iter().filter_map(|c| match c {
                    Content::Element(li) if li.tag == Tag::Li => Some(li),
                    _ => None,
                }) {
                    ordinal += 1;
                    let marker = if e.tag == Tag::Ol {
                        format!("{ordinal}. ")
                    } else {
                        "- ".to_string()
                    };
                    let mut inner = String::new();
                    md_blocks(item, &mut inner, "", depth + 1);
                    let mut first = true;
                    for line in inner.lines().filter(|l| !l.trim().is_empty()) {
                        if first {
                            _ = writeln!(out, "{prefix}{marker}{line}");
                            first = false;
                        } else {
                            _ = writeln!(out, "{prefix}{}{line}", " ".repeat(marker.len()));
                        }
                    }
                }
                ordinal = 0;
                out.push_str(prefix);
                out.push('\n');
            }
            Tag::Hr => _ = write!(out, "{prefix}---\n{prefix}\n"),
            Tag::Figcaption => {
                let t = md_inline(e);
                if !t.trim().is_empty() {
                    _ = write!(out, "{prefix}*{}*\n{prefix}\n", t.trim());
                }
            }
            Tag::Table => {
                for row in table_rows(e) {
                    _ = writeln!(out, "{prefix}| {} |", row.join(" | "));
                }
                out.push_str(prefix);
                out.push('\n');
            }
            _ if depth < 64 => md_blocks(e, out, prefix, depth + 1),
            _ => {}
        }
    }
    flush_inline(&mut inline, out);
}

fn table_rows(table: &Element) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = table_cells(table)
        .into_iter()
        .map(|row| row.into_iter().map(|c| c.replace('|', "\\|")).collect())
        .collect();
    if let Some(first) = rows.first().map(|r| r.len()) {
        rows.insert(1.min(rows.len()), vec!["---".to_string(); first]);
    }
    rows
}

/// A data table's rows, each a list of its cells' text (a layout table was unwrapped before).
fn table_cells(table: &Element) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    fn walk(e: &Element, rows: &mut Vec<Vec<String>>, depth: usize) {
        for c in &e.children {
            if let Content::Element(child) = c {
                if child.tag == Tag::Tr {
                    let cells = child
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            Content::Element(td) if matches!(td.tag, Tag::Td | Tag::Th) => {
                                Some(markup::fold_whitespace(&td.text()))
                            }
                            _ => None,
                        })
                        .collect::<Vec<_>>();
                    rows.push(cells);
                } else if depth < 64 {
                    walk(child, rows, depth + 1);
                }
            }
        }
    }
    walk(table, &mut rows, 0);
    rows
}

/// Characters (without spaces, as Korean counts them), words (어절: space-separated) and
/// reading minutes (500 characters a minute for Korean, 230 words for other languages).
pub fn stats(text: &str, korean: bool) -> Stats {
    // One pass: the characters that are not spaces, and the runs of them (words).
    let (mut chars, mut words, mut in_word) = (0, 0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else {
            chars += 1;
            words += usize::from(!in_word);
            in_word = true;
        }
    }
    let minutes = if korean {
        chars as f64 / 500.0
    } else {
        words as f64 / 230.0
    };
    Stats {
        chars,
        words,
        reading_minutes: minutes.ceil().max(if text.is_empty() { 0.0 } else { 1.0 }) as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::render::paragraph as p;

    #[test]
    fn text_separates_blocks_with_a_blank_line() {
        let mut body = Element::new(Tag::Div);
        body.children = vec![p("one  two"), p("three"), Content::Text("four".into())];
        assert_eq!(to_text(&body), "one two\n\nthree\n\nfour");
    }

    #[test]
    fn text_gives_a_table_a_row_a_line_and_cells_split_by_tabs() {
        let cell = |tag, text: &str| {
            let mut c = Element::new(tag);
            c.children.push(Content::Text(text.into()));
            Content::Element(c)
        };
        let row = |cells: Vec<Content>| {
            let mut tr = Element::new(Tag::Tr);
            tr.children = cells;
            Content::Element(tr)
        };
        let mut table = Element::new(Tag::Table);
        table.children = vec![
            row(vec![cell(Tag::Th, "만기"), cell(Tag::Th, "모집액")]),
            row(vec![cell(Tag::Td, "3년"), cell(Tag::Td, " 1000\n ")]),
        ];
        let mut body = Element::new(Tag::Div);
        body.children = vec![p("before"), Content::Element(table), p("after")];
        assert_eq!(to_text(&body), "before\n\n만기\t모집액\n3년\t1000\n\nafter");
    }

    #[test]
    fn html_escapes_no_break_spaces_and_keeps_other_text() {
        let mut out = String::new();
        escape_text("a\u{a0}b 한국 <&> é", &mut out);
        assert_eq!(out, "a&nbsp;b 한국 &lt;&amp;&gt; é");
    }

    #[test]
    fn html_escapes_text_and_attributes() {
        let mut a = Element::new(Tag::A);
        a.attrs.push(("href", "https://x/?a=1&b=\"2\"".into()));
        a.children.push(Content::Text("<b>".into()));
        let mut body = Element::new(Tag::Div);
        body.children.push(Content::Element(a));
        assert_eq!(
            to_html(&body),
            "<a href=\"https://x/?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a>"
        );
    }

    #[test]
    fn markdown_renders_links_lists_and_headings() {
        let mut body = Element::new(Tag::Div);
        let mut h = Element::new(Tag::H2);
        h.children.push(Content::Text("Head".into()));
        let mut ul = Element::new(Tag::Ul);
        for t in ["a", "b"] {
            let mut li = Element::new(Tag::Li);
            li.children.push(Content::Text(t.into()));
            ul.children.push(Content::Element(li));
        }
        body.children = vec![Content::Element(h), p("x *y*"), Content::Element(ul)];
        assert_eq!(to_markdown(&body), "## Head\n\nx \\*y\\*\n\n- a\n- b\n");
    }

    #[test]
    fn markdown_ends_a_quote_before_the_next_paragraph() {
        let mut quote = Element::new(Tag::Blockquote);
        quote.children.push(p("quoted"));
        let mut body = Element::new(Tag::Div);
        body.children = vec![Content::Element(quote), p("after")];
        assert_eq!(to_markdown(&body), "> quoted\n\nafter\n");
    }

    fn sample() -> Article {
        Article {
            title: "네이버 \"AI\" 주권론: *주목*".into(),
            url: "https://example.com/a?x=1&y=2".into(),
            authors: vec![Author {
                name: "정희경".into(),
                ..Author::default()
            }],
            published: Some("2025-07-22T17:02:49+09:00".into()),
            site_name: Some("비즈니스포스트".into()),
            tags: vec!["AI".into(), "네이버: 국가대표".into()],
            markdown: Some("본문 첫 문단.\n\n둘째 문단.\n".into()),
            ..Article::default()
        }
    }

    #[test]
    fn markdown_document_opens_with_front_matter() {
        let doc = sample().markdown_document().unwrap();
        assert_eq!(
            doc,
            "---\ntitle: \"네이버 \\\"AI\\\" 주권론: *주목*\"\nauthors:\n  - \"정희경\"\n\
             published: 2025-07-22T17:02:49+09:00\nurl: \"https://example.com/a?x=1&y=2\"\n\
             site: \"비즈니스포스트\"\ntags:\n  - \"AI\"\n  - \"네이버: 국가대표\"\n---\n\n\
             # 네이버 \"AI\" 주권론: \\*주목\\*\n\n본문 첫 문단.\n\n둘째 문단.\n"
        );
    }

    #[test]
    fn markdown_document_keeps_front_matter_on_its_lines() {
        let mut a = sample();
        a.title = "two\nlines --- \u{7}bell".into();
        a.published = Some("yesterday: maybe".into());
        a.authors.clear();
        a.tags.clear();
        a.canonical_url = Some("https://example.com/canonical".into());
        let doc = a.markdown_document().unwrap();
        let front: Vec<&str> = doc.split("---\n").nth(1).unwrap().lines().collect();
        assert_eq!(
            front,
            [
                "title: \"two\\nlines --- \\u0007bell\"",
                "published: \"yesterday: maybe\"",
                "url: \"https://example.com/canonical\"",
                "site: \"비즈니스포스트\"",
            ]
        );
        assert!(Article::default().markdown_document().is_none());
    }

    #[test]
    fn the_export_holds_the_markdown_document() {
        let a = sample();
        let v: serde_json::Value = serde_json::from_str(&a.to_json(false)).unwrap();
        assert_eq!(v["markdown"].as_str(), a.markdown_document().as_deref());
        assert_eq!(v["siteName"], "비즈니스포스트");
        assert!(v.get("canonicalUrl").is_none() && v.get("images").is_none());
        assert!(v.get("relatedArticles").is_none() && v["readerable"] == false);
    }

    #[test]
    fn korean_stats_count_characters_without_spaces() {
        let s = stats("가나 다라", true);
        assert_eq!((s.chars, s.words, s.reading_minutes), (4, 2, 1));
    }
}

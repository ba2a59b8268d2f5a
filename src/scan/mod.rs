//! Pass 1: one streaming lol_html pass over the page. It collects the page's metadata and
//! builds a flat arena of per-element statistics (tag, parent, byte range, class/id hints,
//! text, commas, link text, counts of paragraphs, images, list items, inputs, embeds) plus the
//! byte ranges of every text node, so that later stages need no DOM and no second parse.
//!
//! lol_html reports start tags, comments and the text of scripts with their byte ranges but
//! applies none of HTML's tree rules, so the scan keeps its own open-element stack: implied
//! end tags close elements (see `tags`), end tags and the other text (the text of `<style>`,
//! `<title>` and the other raw-text elements included) are read from the bytes between
//! reported tokens, and what is still open at the end of the input is closed there.
//!
//! The scan by phase: this file holds the pass itself (the arena's types, the lol_html
//! handlers for start tags, text, comments and the end tags between them, and the arena's
//! accessors); `tree` the tree-construction rules (open-element stack, implied elements, head
//! and body placement, quirks, active formatting elements and the adoption agency); `attrs`
//! the attributes read from each start tag and the hint bits they set; `head` what the head
//! and the markup say about the page; `stats` text measurement, paragraph runs and the
//! statistics an element hands its parent when it ends.

mod attrs;
mod head;
mod stats;
mod tree;

pub use head::PageMeta;
pub use stats::measure;
use tree::Formatting;

use crate::charref;
use crate::markup;
use crate::rules::{self, hint, SiteRule};
use crate::tags::{self, Tag};
use lol_html::{
    doc_comments, doctype, ElementContentHandlers, HtmlRewriter, MemorySettings, Selector, Settings,
};
use std::borrow::Cow;
use std::cell::RefCell;

/// A selector the engine writes itself, parsed without the `unwrap` of lol_html's `element!`
/// and `text!` (whose error formatting cost 0.1 KB of the .wasm's gzip).
fn own_selector(css: &'static str) -> Cow<'static, Selector> {
    match css.parse() {
        Ok(selector) => Cow::Owned(selector),
        Err(_) => unreachable!("the engine's own selectors parse"),
    }
}

pub const NONE: u32 = u32::MAX;

/// Shortest run of text that counts as a paragraph (in `Node::paragraphs` and in the choice's
/// scoring): shorter runs are captions, labels and buttons.
pub const MIN_PARAGRAPH_CHARS: u32 = 25;

// Element flags.
pub const HIDDEN: u32 = 1;
pub const UNLIKELY: u32 = 1 << 1;
pub const NOISE_ROLE: u32 = 1 << 2;
pub const RULE_CONTENT: u32 = 1 << 3;
pub const RULE_REMOVE: u32 = 1 << 4;
pub const PERSON_LINK: u32 = 1 << 5;
pub const BYLINE_HINT: u32 = 1 << 6;
pub const RULE_BYLINE: u32 = 1 << 7;
pub const HASH_LINK: u32 = 1 << 8;
pub const HAS_HREF: u32 = 1 << 9;
pub const SHARE_HINT: u32 = 1 << 10;
pub const COMMENT_HINT: u32 = 1 << 11;
pub const RELATED_HINT: u32 = 1 << 12;
pub const COPYRIGHT_HINT: u32 = 1 << 13;
pub const FIGURE_HINT: u32 = 1 << 14;
pub const CAPTION_HINT: u32 = 1 << 15;
pub const AD_HINT: u32 = 1 << 16;
pub const LD_JSON: u32 = 1 << 17;
pub const DATE_HINT: u32 = 1 << 18;
pub const EMBED_HINT: u32 = 1 << 19;
/// A `<script>` holding a CMS's hydration state (`rules::HYDRATION_SCRIPT_IDS`).
pub const HYDRATION: u32 = 1 << 20;
/// A radio button or a checkbox: a poll's or a quiz's choice (see `finish_node`).
pub const CHOICE_INPUT: u32 = 1 << 21;

// Flags every descendant inherits.
/// The flags an element passes to its descendants (the bits from here up).
pub const INHERITED_FLAGS: u32 = !((1 << 24) - 1);
pub const IN_HIDDEN: u32 = 1 << 24;
pub const IN_NEVER: u32 = 1 << 25;
pub const IN_LINK: u32 = 1 << 26;
pub const IN_UNLIKELY: u32 = 1 << 27;
pub const IN_HEAD: u32 = 1 << 28;
pub const IN_REMOVED: u32 = 1 << 29;
pub const IN_HASH_LINK: u32 = 1 << 30;

/// One element of the page.
#[derive(Clone, Debug)]
pub struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub depth: u32,
    /// Byte range of the start tag, and the byte where the element ends.
    pub start: u32,
    pub tag_end: u32,
    pub end: u32,
    pub class_weight: i16,
    pub flags: u32,
    /// Visible text in the subtree, in characters with whitespace runs counted once.
    pub chars: u32,
    /// Of which inside links (links to `#…` count 0.3).
    pub link_chars: f32,
    pub commas: u32,
    pub paragraphs: u32,
    pub images: u32,
    pub list_items: u32,
    pub inputs: u32,
    pub embeds: u32,
    pub heading_chars: u32,
    pub element_children: u32,
    pub name_hash: u32,
    /// The nearest block element around it (itself for a block): where its text belongs.
    pub block: u32,
}

impl Node {
    /// A picture: `<img>`, or an AMP page's `<amp-img>`.
    pub fn is_image(&self) -> bool {
        self.tag == Tag::Img || self.tag == Tag::Other && self.name_hash == AMP_IMG
    }
}

/// A text node's bytes and the element it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct TextRun {
    pub start: u32,
    pub end: u32,
    pub owner: u32,
}

/// A paragraph of inline text: the text of a paragraph-like element, or a run of text directly
/// inside a block container, ended by a block or by `<br><br>`.
#[derive(Clone, Copy, Debug)]
pub struct Paragraph {
    /// The element the paragraph's score flows to first (the parent of a `<p>`, the container
    /// of a bare run).
    pub container: u32,
    pub chars: u32,
    pub commas: u32,
    pub flags: u32,
}

pub struct Scan<'h> {
    pub html: &'h str,
    pub nodes: Vec<Node>,
    pub texts: Vec<TextRun>,
    pub paragraphs: Vec<Paragraph>,
    pub meta: PageMeta,
    /// Bit k: some element matches the k-th site-rule signature selector (`rules`).
    pub signatures: u32,
    /// Formatting elements reopened by the tree-construction rules, with the start tag of the
    /// element each copies: `(copy, start, end)`, ordered by copy.
    copies: Vec<(u32, u32, u32)>,
}

#[derive(Clone, Copy)]
struct Frame {
    node: u32,
    tag: Tag,
    inherited: u32,
    /// The innermost open block (self for a block): where inline text gathers into a paragraph.
    block: u32,
    /// That block's place on the stack (frames below the top never move).
    block_slot: u32,
    run_chars: u32,
    run_commas: u32,
    last_was_br: bool,
    /// A formatting element whose end tag came while a block inside it was open (HTML's
    /// adoption agency case, `<b><p>x</b>`): it ends as soon as that block does.
    closed_early: bool,
    /// How many paragraphs were recorded when it opened.
    paragraphs_at_open: u32,
}

struct State<'h> {
    html: &'h str,
    rule: Option<&'static SiteRule>,
    nodes: Vec<Node>,
    texts: Vec<TextRun>,
    paragraphs: Vec<Paragraph>,
    meta: PageMeta,
    stack: Vec<Frame>,
    open_tags: Vec<Tag>,
    /// How many elements of each tag are open: most start tags can skip the search for an
    /// element to close implicitly (a 300,000-deep page would make it quadratic).
    open_counts: Vec<u32>,
    pos: usize,
    hints: String,
    /// Hint bits and signature class bits (`rules::signature_class_bits`) by class attribute
    /// as written: pages repeat their classes on element after element, and reading one is
    /// dearer than hashing it.
    class_hints: attrs::ClassCache<'h>,
    /// Which site rules' signature selectors some element matches (on a page no rule's
    /// address names): see `rules::site_rule_by_markup`.
    signatures: u32,
    title_buf: Option<String>,
    script_buf: Option<String>,
    /// Where the tree-construction rules stand: an `<html>` and a `<head>` were inserted, and
    /// the body has begun (later `<html>`/`<head>`/`<body>` tags make no element).
    seen_html: bool,
    seen_head: bool,
    seen_body: bool,
    /// The element being inserted is head content after `</head>`: it counts as head.
    after_head: bool,
    /// The document's mode, as its DOCTYPE (or its lack) sets it: in quirks mode a `<table>`
    /// stays inside an open `<p>`.
    quirks: bool,
    /// HTML's list of active formatting elements, oldest first.
    formatting: Vec<Formatting>,
    /// Elements the list reopened: (copy, the original's start tag range), by copy.
    copies: Vec<(u32, u32, u32)>,
}

/// Limits that keep a hostile page from exhausting memory: lol_html's own buffers, and the
/// size of the arena.
const MAX_REWRITER_MEMORY: usize = 64 << 20;
pub const MAX_NODES: usize = 4_000_000;

pub fn scan<'h>(html: &'h str, rule: Option<&'static SiteRule>) -> Result<Scan<'h>, String> {
    let state = RefCell::new(State {
        html,
        rule,
        nodes: Vec::with_capacity(html.len() / 80),
        texts: Vec::with_capacity(html.len() / 80),
        paragraphs: Vec::new(),
        meta: PageMeta::default(),
        stack: Vec::with_capacity(64),
        open_tags: Vec::with_capacity(64),
        open_counts: vec![0; 256],
        pos: 0,
        hints: String::new(),
        class_hints: attrs::ClassCache::default(),
        signatures: 0,
        title_buf: None,
        script_buf: None,
        seen_html: false,
        seen_head: false,
        seen_body: false,
        after_head: false,
        quirks: true,
        formatting: Vec::new(),
        copies: Vec::new(),
    });
    {
        let settings = Settings::new()
            .append_element_content_handler((
                own_selector("*"),
                ElementContentHandlers::default().element(
                    |el: &mut lol_html::html_content::Element<'_, '_>| {
                        state
                            .borrow_mut()
                            .on_start_tag(el.source_location().bytes());
                        Ok(())
                    },
                ),
            ))
            // Text is read from the bytes between reported tokens, as end tags are
            // (`read_between_tokens`): having lol_html decode and report every text chunk was a
            // fifth of the whole extraction's time. A script's text ends where the tokenizer's
            // script-data states say (a `</script>` inside `<!--<script>` does not end it), so
            // lol_html tells it; every other raw-text element ends at its own end tag.
            .append_element_content_handler((
                own_selector("script"),
                ElementContentHandlers::default().text(
                    |t: &mut lol_html::html_content::TextChunk<'_>| {
                        let range = t.source_location().bytes();
                        state.borrow_mut().on_text(range);
                        Ok(())
                    },
                ),
            ))
            .append_document_content_handler(doctype!(|d| {
                let mut st = state.borrow_mut();
                st.on_comment(d.source_location().bytes());
                // Only a DOCTYPE before the first element sets the mode ("initial" mode).
                // lol_html keeps the tokenizer's force-quirks flag to itself: a malformed
                // DOCTYPE that still names `html` is read as no-quirks.
                if !st.seen_html && st.nodes.is_empty() {
                    st.quirks = tags::doctype_quirks(
                        d.name().as_deref(),
                        d.public_id().as_deref(),
                        d.system_id().as_deref(),
                        false,
                    );
                }
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(|c| {
                state.borrow_mut().on_comment(c.source_location().bytes());
                Ok(())
            }))
            .with_strict(false)
            .with_memory_settings(
                MemorySettings::new().with_max_allowed_memory_usage(MAX_REWRITER_MEMORY),
            );
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(html.as_bytes()).map_err(rewriting_error)?;
        rewriter.end().map_err(rewriting_error)?;
    }
    let mut st = state.into_inner();
    st.finish();
    keep_open_related_boxes(&mut st.nodes, &st.texts);
    if st.nodes.len() > MAX_NODES {
        return Err(format!("the page has more than {MAX_NODES} elements"));
    }
    Ok(Scan {
        html,
        nodes: st.nodes,
        texts: st.texts,
        paragraphs: st.paragraphs,
        meta: st.meta,
        signatures: st.signatures,
        copies: st.copies,
    })
}

/// A related box left open (newsis's `<div class="relatedNews">` never closed) holds the rest
/// of the story after its links, as a browser reads it: it is no unlikely box then, nor one
/// its class weighs against. A box with a long stretch of text outside its links is such a box
/// (a closed one's teasers are a few lines between the links).
fn keep_open_related_boxes(nodes: &mut [Node], texts: &[TextRun]) {
    for i in 0..nodes.len() {
        if nodes[i].flags & (UNLIKELY | RELATED_HINT) != UNLIKELY | RELATED_HINT {
            continue;
        }
        let (start, end) = (nodes[i].tag_end, nodes[i].end);
        // The longest stretch of text outside links.
        let (mut stretch, mut longest) = (0, 0);
        let from = texts.partition_point(|t| t.start < start);
        for t in texts[from..].iter().take_while(|t| t.end <= end) {
            if nodes[t.owner as usize].flags & IN_LINK != 0 {
                stretch = 0;
            } else {
                stretch += t.end - t.start;
                longest = longest.max(stretch);
            }
        }
        if longest < OPEN_RELATED_MIN_BYTES {
            continue;
        }
        // (Nor does its class weigh against it.)
        nodes[i].class_weight = nodes[i].class_weight.max(0);
        nodes[i].flags &= !UNLIKELY;
        for d in nodes[i..].iter_mut().take_while(|d| d.start < end) {
            if d.flags & UNLIKELY == 0 {
                d.flags &= !IN_UNLIKELY;
            }
        }
    }
}

/// A stretch of text outside a related box's links (bytes, markup between its runs not
/// counted) that makes it the story's rest.
const OPEN_RELATED_MIN_BYTES: u32 = 1000;

const fn fnv(name: &str) -> u32 {
    let bytes = name.as_bytes();
    let mut h = 0x811c9dc5u32;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i].to_ascii_lowercase() as u32).wrapping_mul(0x01000193);
        i += 1;
    }
    h
}

/// An AMP page's picture (`<amp-img src="…" alt="…">`): the raw page's image, before the AMP
/// runtime puts an `<img>` inside it.
const AMP_IMG: u32 = fnv("amp-img");

impl<'h> State<'h> {
    fn on_start_tag(&mut self, range: std::ops::Range<usize>) {
        self.read_between_tokens(range.start);
        let raw = &self.html[range.clone()];
        let name = markup::tag_name(raw);
        let tag = Tag::from_name(name);
        if !self.place_in_document(tag, name, raw, range.start) {
            self.pos = range.end;
            return;
        }
        self.clear_to_table_context(tag, range.start);
        self.imply_table_rows(tag, range.start);
        if tag == Tag::A && self.active_formatting(Tag::A).is_some() {
            // `<a>` inside an `<a>`: the first one ends, as if its end tag came.
            self.adopt(Tag::A);
            if let Some(k) = self.active_formatting(Tag::A) {
                self.formatting.remove(k);
            }
        }
        if self.seen_body && tag.reconstructs_formatting(name) {
            self.reconstruct_formatting(range.start);
        }
        let index = self.nodes.len() as u32;
        let start_tag = (range.start as u32, range.end as u32);
        self.open_element(range, raw, name, tag);
        let opened = self.stack.last().is_some_and(|f| f.node == index);
        if opened && tag.is_formatting() {
            self.push_formatting(index, tag, start_tag);
        } else if opened && tag.is_formatting_marker() {
            self.formatting.push(Formatting::Marker);
        }
    }

    /// Text lol_html reports: a script's.
    fn on_text(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.read_between_tokens(range.start);
        self.pos = range.end;
        self.add_text(range);
    }

    /// A run of text of the current element (not yet decoded).
    fn add_text(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        let text = &self.html[range.clone()];
        if let Some(buf) = self.title_buf.as_mut() {
            buf.push_str(text);
        }
        if let Some(buf) = self.script_buf.as_mut() {
            buf.push_str(text);
        }
        let outside_elements = self
            .stack
            .last()
            .is_none_or(|f| matches!(f.tag, Tag::Html | Tag::Head));
        if !self.seen_body && outside_elements && !text.trim_ascii().is_empty() {
            // Text is never head content: it begins the body.
            self.imply_html(range.start);
            self.begin_body(range.start, false);
        }
        if self.seen_body
            && self.stack.last().is_some_and(|f| {
                !f.tag.holds_raw_text() && !f.tag.expects_rows() && f.inherited & IN_NEVER == 0
            })
            && self.open_counts[Tag::Svg as usize] + self.open_counts[Tag::Math as usize] == 0
        {
            self.reconstruct_formatting(range.start);
        }
        let Some(top) = self.stack.last().copied() else {
            return;
        };
        if top.inherited & IN_NEVER != 0 {
            if top.tag == Tag::Noscript {
                self.texts.push(TextRun {
                    start: range.start as u32,
                    end: range.end as u32,
                    owner: top.node,
                });
            }
            return;
        }
        self.texts.push(TextRun {
            start: range.start as u32,
            end: range.end as u32,
            owner: top.node,
        });
        // Counted as the page shows it: `&nbsp;` is one space, as a literal U+00A0 is.
        let (chars, commas) = measure(&charref::decode_text(text));
        if chars == 0 || chars == 1 && text.trim().is_empty() {
            return;
        }
        let link = if top.inherited & IN_LINK != 0 {
            if top.inherited & IN_HASH_LINK != 0 {
                0.3 * chars as f32
            } else {
                chars as f32
            }
        } else {
            0.0
        };
        let node = &mut self.nodes[top.node as usize];
        node.chars += chars;
        node.commas += commas;
        node.link_chars += link;
        if top.block != NONE {
            if let Some(frame) = self.block_frame() {
                frame.run_chars += chars;
                frame.run_commas += commas;
                frame.last_was_br = false;
            }
        }
    }

    /// A comment or a DOCTYPE: neither text nor an element.
    fn on_comment(&mut self, range: std::ops::Range<usize>) {
        self.read_between_tokens(range.start);
        self.pos = range.end;
    }

    /// Applies the text and the end tags that lie between the last reported token and
    /// `until` (lol_html reports neither: see the handlers in [`scan`]).
    fn read_between_tokens(&mut self, until: usize) {
        if until <= self.pos {
            return;
        }
        let html = self.html;
        let gap_start = self.pos;
        let gap = &html.as_bytes()[gap_start..until];
        let mut i = 0;
        let mut text_from = 0;
        if let Some(end) = self.raw_text_end(gap) {
            self.add_text(gap_start..gap_start + end);
            (i, text_from) = (end, end);
        }
        while let Some(off) = memchr::memchr(b'<', &gap[i..]) {
            let at = i + off;
            i = at + 1;
            if gap[i..].starts_with(b"![CDATA[") {
                // Text in foreign content, where `</` is only text.
                i = memchr::memmem::find(&gap[i..], b"]]>").map_or(gap.len(), |p| i + p + 3);
                continue;
            }
            if gap.get(i) != Some(&b'/') {
                if until == html.len() && gap.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    // A start tag lol_html did not report: the input ends inside it (`<di`,
                    // a quote never closed), and the tokenizer drops it.
                    self.add_text(gap_start + text_from..gap_start + at);
                    text_from = gap.len();
                    break;
                }
                continue;
            }
            let name_start = at + 2;
            if gap.get(name_start) == Some(&b'>') {
                // `</>` is dropped by the tokenizer: neither text nor a tag.
                self.add_text(gap_start + text_from..gap_start + at);
                text_from = name_start + 1;
                i = text_from;
                continue;
            }
            if !gap.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                continue;
            }
            let name_end = gap[name_start..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
                .map_or(gap.len(), |p| name_start + p);
            let name = &html[gap_start + name_start..gap_start + name_end];
            let close_at = markup::tag_end(&html[gap_start..until], name_end);
            self.add_text(gap_start + text_from..gap_start + at);
            self.on_end_tag(name, gap_start + at, gap_start + close_at);
            text_from = close_at;
            i = close_at;
        }
        self.add_text(gap_start + text_from..until);
        self.pos = until;
    }

    /// Where the text of the raw-text element just opened ends in `gap` (at its end tag, or
    /// the gap's end), as HTML's tokenizer reads RAWTEXT, RCDATA and PLAINTEXT: only
    /// `</name` followed by whitespace, `/` or `>` ends it. None when the current element is
    /// no such element (a `<style>` or `<title>` inside SVG is an ordinary one), or a script
    /// (lol_html reports its text).
    fn raw_text_end(&self, gap: &[u8]) -> Option<usize> {
        let top = self.stack.last()?;
        if !top.tag.holds_raw_text() || top.tag == Tag::Script || self.in_foreign_content() {
            return None;
        }
        if top.tag == Tag::Plaintext {
            return Some(gap.len());
        }
        let name = top.tag.name().as_bytes();
        let ends_here = |at: usize| {
            let rest = &gap[at + 2..];
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && matches!(
                    rest[name.len()],
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
                )
        };
        Some(
            memchr::memmem::find_iter(gap, b"</")
                .find(|&at| ends_here(at))
                .unwrap_or(gap.len()),
        )
    }

    /// An end tag from `start` to `at` (just past its `>`).
    fn on_end_tag(&mut self, name: &str, start: usize, at: usize) {
        let tag = Tag::from_name(name);
        if matches!(tag, Tag::Body | Tag::Html) {
            // Browsers keep both open: what follows `</body>` or `</html>` is still body.
            return;
        }
        if tag.is_formatting() {
            self.pos = at;
            if self.adopt(tag) {
                return;
            }
        }
        let hash = if tag == Tag::Other { fnv(name) } else { 0 };
        let nodes = &self.nodes;
        let stack = &self.stack;
        let closes = tags::end_tag_closes(&self.open_tags, tag, &|i| {
            nodes[stack[i].node as usize].name_hash == hash
        });
        if closes == 0 && tag == Tag::Br {
            self.on_br();
        }
        if closes == 0 && tag == Tag::P && self.seen_body {
            // A stray `</p>` makes an empty paragraph in browsers: it ends the text run
            // before it as a block would.
            self.open_element(start..start, "", "p", Tag::P);
            self.pop(at);
            return;
        }
        for _ in 0..closes {
            self.pop(at);
        }
    }

    fn finish(&mut self) {
        self.read_between_tokens(self.html.len());
        while !self.stack.is_empty() {
            self.pop(self.html.len());
        }
    }
}

impl Scan<'_> {
    /// A text run's bytes as the page wrote them (entities not decoded).
    pub fn raw_text(&self, t: &TextRun) -> &str {
        &self.html[t.start as usize..t.end as usize]
    }

    /// Whether a text run holds nothing but whitespace (the indentation between tags).
    pub fn is_blank(&self, t: &TextRun) -> bool {
        self.raw_text(t).trim().is_empty()
    }

    /// The text runs inside a node, in document order.
    pub fn texts_in(&self, node: u32) -> &[TextRun] {
        let n = &self.nodes[node as usize];
        let from = self.texts.partition_point(|t| t.start < n.tag_end);
        let to = self.texts.partition_point(|t| t.start < n.end);
        &self.texts[from..to.max(from)]
    }

    /// The index one past the last descendant of `node`.
    pub fn subtree_end(&self, node: u32) -> u32 {
        let end = self.nodes[node as usize].end;
        let from = node as usize + 1;
        (from + self.nodes[from..].partition_point(|n| n.start < end)) as u32
    }

    /// The visible text of a node, decoded, whitespace folded (for bylines, dates, captions).
    pub fn text_of(&self, node: u32) -> String {
        let mut s = String::new();
        for t in self.texts_in(node) {
            let owner = &self.nodes[t.owner as usize];
            if owner.flags & (IN_NEVER | IN_HIDDEN) != 0 && t.owner != node {
                continue;
            }
            s.push_str(&charref::decode_text(self.raw_text(t)));
            s.push(' ');
        }
        markup::fold_whitespace(&s)
    }

    /// The DOM's `textContent` of a node: its text runs joined as they are (no space added
    /// between elements), references decoded, whitespace folded.
    pub fn text_content(&self, node: u32) -> String {
        let mut s = String::new();
        for t in self.texts_in(node) {
            if self.nodes[t.owner as usize].flags & IN_NEVER != 0 {
                continue;
            }
            s.push_str(&charref::decode_text(self.raw_text(t)));
        }
        markup::fold_whitespace(&s)
    }

    /// The ancestors of `node`, nearest first, up to the root.
    pub fn ancestors(&self, node: u32) -> impl Iterator<Item = u32> + '_ {
        let parent = |a: u32| Some(self.nodes[a as usize].parent).filter(|p| *p != NONE);
        std::iter::successors(parent(node), move |a| parent(*a))
    }

    /// Whether `node` is `ancestor` or lies inside it.
    pub fn is_inside(&self, node: u32, ancestor: u32) -> bool {
        // Descendants follow their ancestor in the arena and start before it ends (an element
        // closed by the next start tag ends where that tag starts: the next one is no child).
        node == ancestor
            || node > ancestor
                && self.nodes[node as usize].start < self.nodes[ancestor as usize].end
    }

    /// The element's start tag as the page wrote it: for a reopened formatting element, the
    /// start tag of the element it copies; for an implied one, nothing.
    pub fn raw_start_tag(&self, node: u32) -> &str {
        let n = &self.nodes[node as usize];
        if n.start == n.tag_end {
            if let Ok(k) = self.copies.binary_search_by_key(&node, |c| c.0) {
                let (_, start, end) = self.copies[k];
                return &self.html[start as usize..end as usize];
            }
        }
        &self.html[n.start as usize..n.tag_end as usize]
    }

    pub fn attr(&self, node: u32, name: &str) -> Option<String> {
        markup::attribute(self.raw_start_tag(node), name)
            .map(|v| charref::decode_attribute(v).into_owned())
    }
}

/// The tokenizer's error in a few words of our own: lol_html's messages (a paragraph each on
/// streaming ambiguity) would otherwise be linked into the .wasm with their formatting.
fn rewriting_error(e: lol_html::errors::RewritingError) -> String {
    use lol_html::errors::RewritingError::*;
    match e {
        MemoryLimitExceeded(_) => "the page needs more memory than the reader allows",
        ParsingAmbiguity(_) => "the page's markup is ambiguous to a streaming parser",
        _ => "the page could not be read",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_text_ends_only_at_its_own_end_tag() {
        let html = "<div><textarea>a</div> b</textareas></TEXTAREA ><style>p</div>{}</style>\
                    <p>after</p></div>";
        let s = scan(html, None).unwrap();
        let end_of = |tag| s.nodes[of_in(&s, tag) as usize].end as usize;
        let past = |end_tag: &str| html.find(end_tag).unwrap() + end_tag.len();
        assert_eq!(end_of(Tag::Textarea), past("</TEXTAREA >"));
        assert_eq!(end_of(Tag::Style), past("</style>"));
        let p = of_in(&s, Tag::P);
        assert_eq!(s.nodes[p as usize].parent, of_in(&s, Tag::Div));
        assert_eq!(s.text_of(p), "after");
        // In SVG a <style> is an ordinary element: its tags are tags.
        let s = scan("<svg><style><g>x</g></style></svg>", None).unwrap();
        let g = s.nodes.iter().find(|n| n.tag == Tag::Other).unwrap();
        assert_eq!(g.parent, of_in(&s, Tag::Style));
    }

    fn of_in(s: &Scan, tag: Tag) -> u32 {
        s.nodes.iter().position(|n| n.tag == tag).unwrap() as u32
    }

    #[test]
    fn comments_and_scripts_do_not_confuse_end_tags() {
        let s = scan(
            "<div><!-- </div> --><script>var s = '</div>';</script><p>text</p></div><p>after</p>",
            None,
        )
        .unwrap();
        let p = of_in(&s, Tag::P) as usize;
        assert_eq!(s.nodes[p].parent, of_in(&s, Tag::Div));
        assert_eq!(s.nodes.last().unwrap().parent, of_in(&s, Tag::Body));
    }
}

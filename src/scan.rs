//! Pass 1: one streaming lol_html pass over the page. It collects the page's metadata and
//! builds a flat arena of per-element statistics (tag, parent, byte range, class/id hints,
//! text, commas, link text, counts of paragraphs, images, list items, inputs, embeds) plus the
//! byte ranges of every text node, so that later stages need no DOM and no second parse.
//!
//! lol_html reports start tags, text and comments with their byte ranges but applies none of
//! HTML's tree rules, so the scan keeps its own open-element stack: implied end tags close
//! elements (see `tags`), end tags are read from the bytes between reported tokens, and what
//! is still open at the end of the input is closed there.

use crate::charref;
use crate::markup;
use crate::rules::{self, hint, SiteRule};
use crate::tags::{self, Tag};
use lol_html::{doc_comments, doc_text, doctype, element, HtmlRewriter, MemorySettings, Settings};
use std::cell::RefCell;

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

/// What the `<head>` and the markup say about the page.
#[derive(Default, Debug)]
pub struct PageMeta {
    pub title: Option<String>,
    /// `(name/property/itemprop lowercased, content)` of every `<meta>` with content; values
    /// (and the title) are decoded.
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<String>,
    pub canonical: Option<String>,
    pub base_href: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// `<time datetime>` and `itemprop=datePublished`-like elements: (node, kind, value).
    pub dated: Vec<(u32, String, String)>,
    /// Elements whose `itemprop` names an author, a headline, a date or the body.
    pub itemprops: Vec<(u32, String)>,
}

pub struct Scan<'h> {
    pub html: &'h str,
    pub nodes: Vec<Node>,
    pub texts: Vec<TextRun>,
    pub paragraphs: Vec<Paragraph>,
    pub meta: PageMeta,
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

/// An entry of HTML's list of active formatting elements.
#[derive(Clone, Copy)]
enum Formatting {
    /// Put by a cell, a caption, an object or a template: formatting from outside stays out.
    Marker,
    Element {
        /// The element in the arena (the latest copy, once it has been reopened).
        node: u32,
        tag: Tag,
        /// Where the first element's start tag is in the page: a copy has its attributes.
        start_tag: (u32, u32),
        /// Whether the element is still on the stack of open elements.
        open: bool,
    },
}

/// How many formatting elements the list keeps after its last marker. HTML sets no limit but
/// three alike ("Noah's Ark"); every one not open is reopened before the next text, so a page
/// of thousands of distinct unclosed `<b id=…>` would otherwise copy them all again and again.
const MAX_ACTIVE_FORMATTING: usize = 12;

/// How many elements after a block the arena renumbers to move the block out of a formatting
/// element; past that the formatting ends with the block (keeps a hostile page linear).
const MAX_MOVED_TAIL: usize = 256;

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
    /// Hint bits by class attribute as written: pages repeat their classes on element after
    /// element, and reading one is dearer than hashing it. foldhash's seed is random per
    /// process: a page cannot choose classes that collide.
    class_hints: std::collections::HashMap<&'h str, u32, foldhash::fast::RandomState>,
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
        class_hints: std::collections::HashMap::default(),
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
            .append_element_content_handler(element!("*", |el| {
                state
                    .borrow_mut()
                    .on_start_tag(el.source_location().bytes());
                Ok(())
            }))
            .append_document_content_handler(doc_text!(|t| {
                let range = t.source_location().bytes();
                state.borrow_mut().on_text(range, t.as_str());
                Ok(())
            }))
            .append_document_content_handler(doctype!(|d| {
                let mut st = state.borrow_mut();
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
        rewriter.write(html.as_bytes()).map_err(|e| e.to_string())?;
        rewriter.end().map_err(|e| e.to_string())?;
    }
    let mut st = state.into_inner();
    st.finish();
    if st.nodes.len() > MAX_NODES {
        return Err(format!("the page has more than {MAX_NODES} elements"));
    }
    Ok(Scan {
        html,
        nodes: st.nodes,
        texts: st.texts,
        paragraphs: st.paragraphs,
        meta: st.meta,
        copies: st.copies,
    })
}

/// Whether an inline style says `display: none` or `visibility: hidden` (read in place: inline
/// styles can be long, and most elements have one on some sites).
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((name, value)) = decl.split_once(':') else {
            return false;
        };
        let (name, value) = (name.trim(), value.trim_start());
        let starts = |v: &str, w: &str| {
            v.len() >= w.len() && v.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        };
        name.eq_ignore_ascii_case("display") && starts(value, "none")
            || name.eq_ignore_ascii_case("visibility") && starts(value, "hidden")
    })
}

fn fnv(name: &str) -> u32 {
    name.bytes().fold(0x811c9dc5u32, |h, b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x01000193)
    })
}

/// Characters of text with whitespace runs counted as one, and commas (Latin, Arabic, CJK).
pub fn measure(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    let mut count = |space: bool, comma: bool| {
        if space {
            if !in_space {
                chars += 1;
                in_space = true;
            }
        } else {
            in_space = false;
            chars += 1;
            commas += u32::from(comma);
        }
    };
    // Bytes, not chars: ASCII decides most of it; a multi-byte character is decoded only to
    // ask whether it is a Unicode space or comma, and counts once.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            count(b.is_ascii_whitespace(), b == b',');
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let comma = matches!(c, '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，' | '、');
        count(c.is_whitespace(), comma);
    }
    (chars, commas)
}

/// The attributes the scan reads; every other attribute is passed over.
#[derive(Clone, Copy)]
enum AttrKind {
    Id,
    Class,
    Rel,
    Href,
    Name,
    HttpEquiv,
    Role,
    Lang,
    Dir,
    Type,
    Style,
    Hidden,
    Content,
    Property,
    Itemprop,
    Datetime,
    AriaHidden,
}

impl AttrKind {
    fn of(name: &str) -> Option<AttrKind> {
        const KINDS: [(&str, AttrKind); 17] = [
            ("id", AttrKind::Id),
            ("class", AttrKind::Class),
            ("rel", AttrKind::Rel),
            ("href", AttrKind::Href),
            ("name", AttrKind::Name),
            ("http-equiv", AttrKind::HttpEquiv),
            ("role", AttrKind::Role),
            ("lang", AttrKind::Lang),
            ("dir", AttrKind::Dir),
            ("type", AttrKind::Type),
            ("style", AttrKind::Style),
            ("hidden", AttrKind::Hidden),
            ("content", AttrKind::Content),
            ("property", AttrKind::Property),
            ("itemprop", AttrKind::Itemprop),
            ("datetime", AttrKind::Datetime),
            ("aria-hidden", AttrKind::AriaHidden),
        ];
        // Most attributes on real pages are none of these: the length rules them out cheaply.
        if !(2..=11).contains(&name.len()) {
            return None;
        }
        KINDS
            .iter()
            .find(|(n, _)| n.len() == name.len() && n.eq_ignore_ascii_case(name))
            .map(|(_, k)| *k)
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl<'h> State<'h> {
    fn on_start_tag(&mut self, range: std::ops::Range<usize>) {
        self.close_by_end_tags(range.start);
        let raw = &self.html[range.clone()];
        let name = markup::tag_name(raw);
        let tag = Tag::from_name(name);
        if !self.place_in_document(tag, name, raw, range.start) {
            self.pos = range.end;
            return;
        }
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

    /// The position in the list of active formatting elements of the last `tag` after the
    /// last marker.
    fn active_formatting(&self, tag: Tag) -> Option<usize> {
        for (k, entry) in self.formatting.iter().enumerate().rev() {
            match *entry {
                Formatting::Marker => return None,
                Formatting::Element { tag: t, .. } if t == tag => return Some(k),
                Formatting::Element { .. } => {}
            }
        }
        None
    }

    /// Adds a formatting element to the list: at most three alike after the last marker
    /// (HTML's "Noah's Ark" clause) and at most [`MAX_ACTIVE_FORMATTING`] in all.
    fn push_formatting(&mut self, node: u32, tag: Tag, start_tag: (u32, u32)) {
        let html = self.html;
        let attributes = |(start, end): (u32, u32)| {
            let raw = &html[start as usize..end as usize];
            raw[1 + tag.name().len().min(raw.len() - 1)..].trim_end_matches(['>', '/'])
        };
        let mine = attributes(start_tag);
        let after_marker = self
            .formatting
            .iter()
            .rposition(|e| matches!(e, Formatting::Marker))
            .map_or(0, |k| k + 1);
        let alike: Vec<usize> = (after_marker..self.formatting.len())
            .filter(|&k| match self.formatting[k] {
                Formatting::Element {
                    tag: t,
                    start_tag: st,
                    ..
                } => t == tag && attributes(st).trim() == mine.trim(),
                Formatting::Marker => false,
            })
            .collect();
        if alike.len() >= 3 {
            self.formatting.remove(alike[0]);
        }
        if self.formatting.len() - after_marker >= MAX_ACTIVE_FORMATTING {
            self.formatting.remove(after_marker);
        }
        self.formatting.push(Formatting::Element {
            node,
            tag,
            start_tag,
            open: true,
        });
    }

    /// Reopens, before content at `at`, the formatting elements a block's end closed while
    /// they were still active ("reconstruct the active formatting elements").
    fn reconstruct_formatting(&mut self, at: usize) {
        let reopen_from = match self.formatting.last() {
            None | Some(Formatting::Marker) => return,
            Some(Formatting::Element { open: true, .. }) => return,
            Some(_) => {
                let mut k = self.formatting.len() - 1;
                while k > 0
                    && matches!(
                        self.formatting[k - 1],
                        Formatting::Element { open: false, .. }
                    )
                {
                    k -= 1;
                }
                k
            }
        };
        // Opening a copy may close elements (an `<a>` ends an open `<a>`, an HTML element ends
        // `<svg>`), and with them change the list: it is read afresh at every step.
        for k in reopen_from.. {
            let Some(&Formatting::Element { tag, start_tag, .. }) = self.formatting.get(k) else {
                return;
            };
            let raw = &self.html[start_tag.0 as usize..start_tag.1 as usize];
            let index = self.nodes.len() as u32;
            self.open_element(at..at, raw, tag.name(), tag);
            if self.stack.last().is_none_or(|f| f.node != index) {
                return;
            }
            self.copies.push((index, start_tag.0, start_tag.1));
            let Some(entry) = self.formatting.get_mut(k) else {
                return;
            };
            *entry = Formatting::Element {
                node: index,
                tag,
                start_tag,
                open: true,
            };
        }
    }

    /// An end tag for a formatting element: HTML's adoption agency algorithm, as far as an
    /// arena that never moves an element can follow it. Returns false when no such element is
    /// active (the end tag is then an ordinary one).
    fn adopt(&mut self, tag: Tag) -> bool {
        let Some(k) = self.active_formatting(tag) else {
            return false;
        };
        let Formatting::Element { node, open, .. } = self.formatting[k] else {
            return false;
        };
        let slot = if open {
            self.stack
                .iter()
                .rposition(|f| f.node == node)
                .filter(|&s| self.stack.len() - s <= 1024)
        } else {
            None
        };
        let Some(slot) = slot else {
            // Closed already (by a block's end): the end tag only stops its reopening.
            self.formatting.remove(k);
            return true;
        };
        let above = &self.stack[slot + 1..];
        if above.iter().any(|f| f.tag.is_scope_boundary()) {
            // Not in scope (a cell or an object opened since): the end tag is ignored.
            return true;
        }
        self.formatting.remove(k);
        if above.iter().any(|f| f.tag.is_special()) {
            self.adopt_block(slot);
        } else {
            while self.stack.len() > slot {
                self.pop(self.pos);
            }
        }
        true
    }

    /// Rows and cells placed straight in a `<table>` get the `<tbody>` (and `<tr>`) the
    /// tree builder gives them, so a raw page's table reads as the browser's does.
    fn imply_table_rows(&mut self, tag: Tag, at: usize) {
        let top = self.stack.last().map(|f| f.tag);
        if matches!(tag, Tag::Tr | Tag::Td | Tag::Th) && top == Some(Tag::Table) {
            self.open_element(at..at, "", "tbody", Tag::Tbody);
        }
        let top = self.stack.last().map(|f| f.tag);
        if matches!(tag, Tag::Td | Tag::Th)
            && matches!(top, Some(Tag::Tbody | Tag::Thead | Tag::Tfoot))
        {
            self.open_element(at..at, "", "tr", Tag::Tr);
        }
    }

    /// Inserts an element: closes what its start tag implicitly ends, adds it to the arena,
    /// and opens it unless it is void. `raw` is its start tag (empty for an element the
    /// tree-construction rules imply, such as a `<body>` the page leaves out).
    fn open_element(&mut self, range: std::ops::Range<usize>, raw: &'h str, name: &str, tag: Tag) {
        let counts = &self.open_counts;
        let mut closes = if tag == Tag::Table && self.quirks {
            0
        } else if tags::may_close_implicitly(tag, &|t| counts[t as usize] > 0) {
            tags::implied_closes(&self.open_tags, tag)
        } else {
            0
        };
        if tags::breaks_out_of_foreign_content(tag)
            && counts[Tag::Svg as usize] + counts[Tag::Math as usize] > 0
        {
            closes = closes.max(self.foreign_content_depth());
        }
        for _ in 0..closes {
            self.pop(range.start);
        }
        self.pos = range.end;
        if self.nodes.len() >= MAX_NODES {
            return;
        }
        let (parent, parent_inherited, depth) = match self.stack.last() {
            Some(f) => (f.node, f.inherited, self.nodes[f.node as usize].depth + 1),
            None => (NONE, 0, 0),
        };
        let index = self.nodes.len() as u32;
        let mut node = Node {
            tag,
            parent,
            depth,
            start: range.start as u32,
            tag_end: range.end as u32,
            end: range.end as u32,
            class_weight: 0,
            flags: 0,
            chars: 0,
            link_chars: 0.0,
            commas: 0,
            paragraphs: u32::from(tag == Tag::P),
            images: u32::from(tag == Tag::Img),
            list_items: u32::from(tag == Tag::Li),
            inputs: u32::from(matches!(
                tag,
                Tag::Input | Tag::Textarea | Tag::Select | Tag::Button
            )),
            embeds: u32::from(matches!(tag, Tag::Embed | Tag::Object | Tag::Iframe)),
            heading_chars: 0,
            element_children: 0,
            name_hash: if tag == Tag::Other { fnv(name) } else { 0 },
            block: if tag.is_block() {
                index
            } else {
                self.stack.last().map_or(NONE, |f| f.block)
            },
        };
        let own = self.read_attributes(index, raw, tag, name, &mut node);
        if parent != NONE {
            self.nodes[parent as usize].element_children += 1;
        }
        let mut inherited = parent_inherited;
        if own & (HIDDEN | NOISE_ROLE) != 0 {
            inherited |= IN_HIDDEN;
        }
        if tag.is_never_content() {
            inherited |= IN_NEVER;
        }
        if tag == Tag::Head || std::mem::take(&mut self.after_head) {
            inherited |= IN_HEAD;
        }
        if tag == Tag::A && own & HAS_HREF != 0 {
            inherited |= IN_LINK;
            if own & HASH_LINK != 0 {
                inherited |= IN_HASH_LINK;
            }
        }
        if own & UNLIKELY != 0 {
            inherited |= IN_UNLIKELY;
        }
        if own & RULE_REMOVE != 0 {
            inherited |= IN_REMOVED;
        }
        node.flags = own | inherited;
        self.nodes.push(node);

        if tag == Tag::Br {
            self.on_br();
        }
        if tag.is_block() {
            self.flush_paragraph();
        }
        if tag.is_void()
            || tag == Tag::Other && tags::is_void_name(name)
            || raw.ends_with("/>") && matches!(tag, Tag::Other | Tag::Svg | Tag::Math)
        {
            self.finish_node(index, range.end, inherited);
            return;
        }
        let (block, block_slot) = if tag.is_block() {
            (index, self.stack.len() as u32)
        } else {
            self.stack
                .last()
                .map_or((NONE, NONE), |f| (f.block, f.block_slot))
        };
        self.stack.push(Frame {
            node: index,
            tag,
            inherited,
            block,
            block_slot,
            run_chars: 0,
            run_commas: 0,
            last_was_br: false,
            closed_early: false,
            paragraphs_at_open: self.paragraphs.len() as u32,
        });
        self.open_tags.push(tag);
        self.open_counts[tag as usize] += 1;
        if tag == Tag::Title && inherited & IN_HEAD != 0
            || tag == Tag::Title && self.meta.title.is_none() && !self.open_tags.contains(&Tag::Svg)
        {
            self.title_buf = Some(String::new());
        }
        if own & LD_JSON != 0 {
            self.script_buf = Some(String::new());
        }
    }

    /// Applies the tree-construction rules that decide what is head and what is body before
    /// a start tag at `at` is inserted, as browsers do: `<html>`, `<head>` and `<body>` are
    /// implied where the page leaves them out; any element that does not belong in the head
    /// ends it (with or without `</head>` and `<body>`); a second `<html>`, `<head>` or
    /// `<body>` tag only adds attributes. Returns false for a tag that makes no element.
    fn place_in_document(&mut self, tag: Tag, name: &str, raw: &str, at: usize) -> bool {
        match tag {
            Tag::Html if self.seen_html => {
                // `<!--[if IE]><html class=ie><![endif]-->` and the like: merge, never restart.
                if self.meta.lang.is_none() {
                    if let Some(lang) = markup::attribute(raw, "lang") {
                        self.meta.lang = Some(charref::decode_attribute(lang).trim().to_string());
                    }
                }
                return false;
            }
            Tag::Html => {
                self.seen_html = true;
                return true;
            }
            Tag::Head if self.seen_head || self.seen_body => return false,
            Tag::Body if self.seen_body => return false,
            _ => {}
        }
        self.imply_html(at);
        if self.open_counts[Tag::Template as usize] > 0 {
            // A template's contents are a document fragment of their own.
            return true;
        }
        let head_content = tags::belongs_in_head(tag, name);
        if head_content && !self.seen_body {
            if !self.seen_head {
                self.seen_head = true;
                if tag != Tag::Head {
                    self.open_element(at..at, "", "head", Tag::Head);
                }
            } else if self.open_counts[Tag::Head as usize] == 0 {
                // Between `</head>` and the body ("after head"), head content still belongs
                // to the head.
                self.after_head = true;
            }
            return true;
        }
        if !head_content {
            self.begin_body(at, tag == Tag::Body);
        }
        true
    }

    /// The `<html>` element a page that leaves it out gets.
    fn imply_html(&mut self, at: usize) {
        if !self.seen_html {
            self.seen_html = true;
            self.open_element(at..at, "", "html", Tag::Html);
        }
    }

    /// Body content begins at `at`: the head ends, and the body is implied unless its own
    /// start tag is what comes (`explicit`).
    fn begin_body(&mut self, at: usize, explicit: bool) {
        if self.head_is_current() {
            while let Some(frame) = self.stack.last() {
                let was_head = frame.tag == Tag::Head;
                self.pop(at);
                if was_head {
                    break;
                }
            }
        }
        if !self.seen_body {
            self.seen_head = true;
            self.seen_body = true;
            if !explicit {
                self.open_element(at..at, "", "body", Tag::Body);
            }
        }
    }

    /// Whether the head is the element that new content would go into.
    fn head_is_current(&self) -> bool {
        self.stack.last().is_some_and(|f| f.tag == Tag::Head)
    }

    /// How many open elements belong to the innermost `<svg>`/`<math>` (itself included), or 0
    /// when an HTML integration point (`foreignObject`, `desc`, `title`) lies above it: an
    /// HTML start tag like `<p>` ends foreign content, as in browsers, so an unclosed `<svg>`
    /// cannot swallow the article.
    fn foreign_content_depth(&self) -> usize {
        let integration = [fnv("foreignobject"), fnv("desc")];
        for (k, f) in self.stack.iter().enumerate().rev().take(1024) {
            let node = &self.nodes[f.node as usize];
            match f.tag {
                Tag::Svg | Tag::Math => return self.stack.len() - k,
                Tag::Title => return 0,
                Tag::Other if integration.contains(&node.name_hash) => return 0,
                _ => {}
            }
        }
        0
    }

    /// The hint bits of a class or id, read case-insensitively.
    fn lowercase_hint_bits(&mut self, value: &str) -> u32 {
        self.hints.clear();
        self.hints.push_str(value);
        self.hints.make_ascii_lowercase();
        rules::hint_bits(&self.hints)
            | if rules::is_ad_hint(&self.hints) {
                hint::AD
            } else {
                0
            }
    }

    /// Reads the attributes the stages use, straight from the raw start tag.
    fn read_attributes(
        &mut self,
        index: u32,
        raw: &'h str,
        tag: Tag,
        name: &str,
        node: &mut Node,
    ) -> u32 {
        let mut flags = 0;
        let (mut class, mut id) = ("", "");
        let (mut meta_name, mut meta_property, mut meta_content) = (None, None, None);
        let (mut rel, mut href) = (None, None);
        let (mut itemprop, mut datetime) = (None, None);
        let mut aria_hidden = false;
        // As in browsers, the first of two attributes with one name is the one that counts.
        let mut seen = 0u32;
        for (attr, value) in markup::attributes(raw) {
            let Some(kind) = AttrKind::of(attr) else {
                continue;
            };
            if seen & kind.bit() != 0 {
                continue;
            }
            seen |= kind.bit();
            match kind {
                AttrKind::Id => id = value,
                AttrKind::Class => class = value,
                AttrKind::Rel => rel = Some(value),
                AttrKind::Href => {
                    href = Some(value);
                    flags |= HAS_HREF;
                    if value.starts_with('#') {
                        flags |= HASH_LINK;
                    }
                }
                AttrKind::Name | AttrKind::HttpEquiv => {
                    meta_name = meta_name.or(Some(value));
                }
                AttrKind::Role => {
                    if rules::NOISE_ROLES
                        .iter()
                        .any(|r| value.eq_ignore_ascii_case(r))
                    {
                        flags |= NOISE_ROLE;
                    }
                }
                AttrKind::Lang if tag == Tag::Html => {
                    self.meta.lang = Some(charref::decode_attribute(value).trim().to_string())
                }
                AttrKind::Dir if tag == Tag::Html => {
                    self.meta.dir = Some(value.trim().to_ascii_lowercase())
                }
                AttrKind::Type => {
                    if tag == Tag::Script
                        && value.trim().eq_ignore_ascii_case("application/ld+json")
                    {
                        flags |= LD_JSON;
                    }
                }
                AttrKind::Style => {
                    if style_hides(value) {
                        flags |= HIDDEN;
                    }
                }
                AttrKind::Hidden => flags |= HIDDEN,
                AttrKind::Content => meta_content = Some(value),
                AttrKind::Property => meta_property = Some(value),
                AttrKind::Itemprop => itemprop = Some(value),
                AttrKind::Datetime => datetime = Some(value),
                AttrKind::AriaHidden => aria_hidden = value.trim().eq_ignore_ascii_case("true"),
                AttrKind::Lang | AttrKind::Dir => {}
            }
        }
        // A fallback image (`<figure aria-hidden=true class=fallback-image>`) is the page's
        // only copy of its picture: hidden from screen readers, not from the reader.
        if aria_hidden && !class.contains("fallback-image") {
            flags |= HIDDEN;
        }
        if !class.is_empty() || !id.is_empty() {
            let class_bits = match self.class_hints.get(class) {
                Some(bits) => *bits,
                None => {
                    let bits = self.lowercase_hint_bits(class);
                    self.class_hints.insert(class, bits);
                    bits
                }
            };
            let id_bits = if id.is_empty() {
                0
            } else {
                self.lowercase_hint_bits(id)
            };
            let bits = class_bits | id_bits;
            node.class_weight = rules::class_weight(class_bits, id_bits) as i16;
            let has = |b: u32| bits & b != 0;
            if has(hint::UNLIKELY)
                && !has(hint::MAYBE)
                && !matches!(
                    tag,
                    Tag::Body | Tag::A | Tag::Html | Tag::Main | Tag::Article
                )
            {
                flags |= UNLIKELY;
            }
            for (hint_bit, flag) in [
                (hint::BYLINE, BYLINE_HINT),
                (hint::DATE, DATE_HINT),
                (hint::COMMENT, COMMENT_HINT),
                (hint::RELATED, RELATED_HINT),
                (hint::COPYRIGHT, COPYRIGHT_HINT),
                (hint::CAPTION, CAPTION_HINT),
                (hint::FIGURE, FIGURE_HINT),
                (hint::EMBED, EMBED_HINT),
            ] {
                if has(hint_bit) {
                    flags |= flag;
                }
            }
            if has(hint::SHARE) && !has(hint::EMBED) {
                flags |= SHARE_HINT;
            }
            if has(hint::AD) {
                flags |= AD_HINT;
            }
            if tag == Tag::A
                && rules::PERSON_LINK_CLASSES.iter().any(|c| {
                    class
                        .split_ascii_whitespace()
                        .any(|k| k.eq_ignore_ascii_case(c))
                })
            {
                flags |= PERSON_LINK;
            }
            if let Some(rule) = self.rule {
                let tag_name = name;
                if rule.content.iter().any(|s| s.matches(tag_name, class, id)) {
                    flags |= RULE_CONTENT;
                }
                if rule.remove.iter().any(|s| s.matches(tag_name, class, id)) {
                    flags |= RULE_REMOVE;
                }
                if rule
                    .person_links
                    .iter()
                    .any(|s| s.matches(tag_name, class, id))
                {
                    flags |= PERSON_LINK;
                }
                if rule.byline.iter().any(|s| s.matches(tag_name, class, id)) {
                    flags |= RULE_BYLINE;
                }
            }
            // A CMS family's containers and the chrome it always puts in them, on any page.
            for rule in rules::generic_content_rules() {
                if rule.content.iter().any(|s| s.matches(name, class, id)) {
                    flags |= RULE_CONTENT;
                }
                if rule.remove.iter().any(|s| s.matches(name, class, id)) {
                    flags |= RULE_REMOVE;
                }
            }
        }
        if let Some(rel) = rel {
            if rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
            {
                flags |= BYLINE_HINT;
            }
        }
        match tag {
            Tag::Meta => {
                // As Readability reads them: every word of `property` is a key; `name` is
                // lowercased with spaces dropped and dots read as colons (`DC.title`).
                if let Some(content) = meta_content {
                    let content = charref::decode_attribute(content);
                    for key in meta_property
                        .into_iter()
                        .flat_map(str::split_ascii_whitespace)
                    {
                        self.meta
                            .metas
                            .push((key.to_ascii_lowercase(), content.to_string()));
                    }
                    if let Some(name) = meta_name.or(itemprop) {
                        let key: String = name
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .map(|c| {
                                if c == '.' {
                                    ':'
                                } else {
                                    c.to_ascii_lowercase()
                                }
                            })
                            .collect();
                        self.meta.metas.push((key, content.to_string()));
                    }
                }
            }
            Tag::Link => {
                if let (Some(rel), Some(href)) = (rel, href) {
                    if rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                        && self.meta.canonical.is_none()
                    {
                        self.meta.canonical =
                            Some(charref::decode_attribute(href).trim().to_string());
                    }
                }
            }
            Tag::Base => {
                if let Some(href) = href {
                    self.meta
                        .base_href
                        .get_or_insert_with(|| charref::decode_attribute(href).trim().to_string());
                }
            }
            _ => {}
        }
        if let Some(prop) = itemprop {
            let prop = prop.trim().to_ascii_lowercase();
            if tag != Tag::Meta {
                if let Some(content) = meta_content {
                    let content = charref::decode_attribute(content).into_owned();
                    self.meta.metas.push((prop.clone(), content));
                }
                if prop.contains("author") {
                    flags |= BYLINE_HINT;
                }
                self.meta.itemprops.push((index, prop));
            }
        }
        if let Some(dt) = datetime {
            let kind = itemprop
                .unwrap_or(if tag == Tag::Time { "time" } else { "" })
                .to_ascii_lowercase();
            self.meta.dated.push((
                index,
                kind,
                charref::decode_attribute(dt).trim().to_string(),
            ));
        }
        flags
    }

    /// The frame of the innermost open block.
    fn block_frame(&mut self) -> Option<&mut Frame> {
        let slot = self.stack.last()?.block_slot;
        self.stack.get_mut(slot as usize)
    }

    fn on_br(&mut self) {
        let Some(frame) = self.block_frame() else {
            return;
        };
        if frame.last_was_br {
            frame.last_was_br = false;
            self.flush_paragraph();
        } else {
            frame.last_was_br = true;
        }
    }

    /// Ends the innermost block's current paragraph run and records it.
    fn flush_paragraph(&mut self) {
        let Some(frame) = self.block_frame() else {
            return;
        };
        let block = frame.node;
        let (chars, commas) = (frame.run_chars, frame.run_commas);
        frame.run_chars = 0;
        frame.run_commas = 0;
        if chars == 0 {
            return;
        }
        let node = &mut self.nodes[block as usize];
        let paragraph_like = node.tag.is_paragraph_like();
        let container = if paragraph_like { node.parent } else { block };
        if !paragraph_like {
            // A run of bare text in a container counts as a paragraph of that container.
            node.paragraphs += u32::from(chars >= MIN_PARAGRAPH_CHARS);
        }
        let flags = node.flags;
        self.paragraphs.push(Paragraph {
            container,
            chars,
            commas,
            flags,
        });
    }

    fn on_text(&mut self, range: std::ops::Range<usize>, text: &str) {
        if range.is_empty() {
            return;
        }
        self.close_by_end_tags(range.start);
        self.pos = range.end;
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
                !f.tag.holds_raw_text()
                    && !matches!(
                        f.tag,
                        Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr
                    )
                    && f.inherited & IN_NEVER == 0
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

    fn on_comment(&mut self, range: std::ops::Range<usize>) {
        self.close_by_end_tags(range.start);
        self.pos = range.end;
    }

    /// Applies the end tags that lie between the last reported token and `until`.
    fn close_by_end_tags(&mut self, until: usize) {
        if until <= self.pos {
            return;
        }
        let gap_start = self.pos;
        let gap = &self.html.as_bytes()[gap_start..until];
        let mut i = 0;
        while let Some(off) = memchr_lt_slash(&gap[i..]) {
            let at = i + off;
            let name_start = at + 2;
            let name_end = gap[name_start..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
                .map_or(gap.len(), |p| name_start + p);
            if name_end > name_start && gap[name_start].is_ascii_alphabetic() {
                let name = &self.html[gap_start + name_start..gap_start + name_end];
                let close_at = gap[name_end..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(until, |p| gap_start + name_end + p + 1);
                self.on_end_tag(name, gap_start + at, close_at);
            }
            i = name_end.max(at + 2);
        }
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

    /// The adoption agency algorithm's outer loop for a formatting element at `slot` with a
    /// block open inside it: the block moves out and a copy of the formatting moves in, then
    /// the same for the copy (HTML runs it at most eight times).
    fn adopt_block(&mut self, mut slot: usize) {
        for _ in 0..8 {
            if !self.move_block_out(slot) {
                // Browsers would move the block out; where the arena cannot follow, the
                // formatting ends with the block instead of swallowing what follows.
                self.stack[slot].closed_early = true;
                return;
            }
            slot += 1; // the copy, just above the block
            if !self.stack[slot + 1..].iter().any(|f| f.tag.is_special()) {
                while self.stack.len() > slot {
                    self.pop(self.pos);
                }
                return;
            }
        }
        self.stack[slot].closed_early = true;
    }

    /// One step of the adoption agency algorithm, where the block is the element right above
    /// the formatting element at `slot` (`<b><p>It should read:</b>`): the formatting element
    /// ends where the block starts, the block becomes its sibling, and a copy of the formatting
    /// element, inserted right after the block in the arena, takes the block's content
    /// (`<b></b><p><b>It should read:</b>`). Returns false, changing nothing, where the arena
    /// cannot follow.
    fn move_block_out(&mut self, slot: usize) -> bool {
        if slot == 0 || slot + 1 >= self.stack.len() {
            return false;
        }
        let (formatting, block) = (self.stack[slot], self.stack[slot + 1]);
        let fb = block.node;
        if !block.tag.is_special()
            || formatting.inherited != self.stack[slot - 1].inherited
            || self.nodes.len() - fb as usize > MAX_MOVED_TAIL
            || self.nodes.len() >= MAX_NODES
        {
            // A formatting element that changed what its content inherits (a link, a hidden
            // class) would change it for the block too.
            return false;
        }
        let f = formatting.node;
        let slot32 = slot as u32;
        // The formatting element ends where the block starts.
        self.stack.remove(slot);
        self.open_tags.remove(slot);
        for frame in &mut self.stack[slot..] {
            if frame.block_slot == slot32 + 1 {
                frame.block_slot = slot32;
            }
        }
        let block_start = self.nodes[fb as usize].start as usize;
        let outer = self.nodes[f as usize].parent;
        self.nodes[f as usize].element_children -= 1;
        self.finish_node(f, block_start, formatting.inherited);
        self.nodes[outer as usize].element_children += 1;
        let depth = self.nodes[f as usize].depth;
        let moved = &mut self.nodes[fb as usize];
        moved.parent = outer;
        moved.depth = depth;

        // The copy goes right after the block: every later index moves up by one.
        let copy = fb + 1;
        let shift = |i: u32| if i > fb && i != NONE { i + 1 } else { i };
        for n in &mut self.nodes[copy as usize..] {
            n.parent = if n.parent == fb {
                copy
            } else {
                shift(n.parent)
            };
            n.block = shift(n.block);
        }
        let content_start = self.nodes[fb as usize].tag_end;
        let from = self.texts.partition_point(|t| t.start < content_start);
        for run in &mut self.texts[from..] {
            run.owner = if run.owner == fb {
                copy
            } else {
                shift(run.owner)
            };
        }
        for frame in &mut self.stack[slot + 1..] {
            frame.node = shift(frame.node);
            frame.block = shift(frame.block);
        }
        for p in &mut self.paragraphs[block.paragraphs_at_open as usize..] {
            p.container = if p.container == f {
                outer
            } else {
                shift(p.container)
            };
        }
        for (node, _, _) in self.meta.dated.iter_mut().rev() {
            if *node <= fb {
                break;
            }
            *node += 1;
        }
        for (node, _) in self.meta.itemprops.iter_mut().rev() {
            if *node <= fb {
                break;
            }
            *node += 1;
        }
        for entry in &mut self.formatting {
            if let Formatting::Element { node, .. } = entry {
                *node = shift(*node);
            }
        }
        for (node, _, _) in self.copies.iter_mut().rev() {
            if *node <= fb {
                break;
            }
            *node += 1;
        }
        let (tag_start, tag_end) = self.start_tag_of(f);
        let at = self.copies.partition_point(|c| c.0 < copy);
        self.copies.insert(at, (copy, tag_start, tag_end));

        // The copy holds what the block held so far; the block keeps what it counts of
        // itself, and gets it all back when the copy ends.
        let (class_weight, own_flags) = {
            let n = &self.nodes[f as usize];
            (n.class_weight, n.flags & !INHERITED_FLAGS)
        };
        let outer_block = &mut self.nodes[fb as usize];
        let own = |total: &mut u32, own: bool| {
            let rest = *total - u32::from(own && *total > 0);
            *total -= rest;
            rest
        };
        let tag = outer_block.tag;
        let copy_node = Node {
            tag: formatting.tag,
            parent: fb,
            depth: outer_block.depth + 1,
            start: content_start,
            tag_end: content_start,
            end: content_start,
            class_weight,
            flags: own_flags | block.inherited,
            chars: std::mem::take(&mut outer_block.chars),
            link_chars: std::mem::take(&mut outer_block.link_chars),
            commas: std::mem::take(&mut outer_block.commas),
            paragraphs: own(&mut outer_block.paragraphs, tag == Tag::P),
            images: own(&mut outer_block.images, tag == Tag::Img),
            list_items: own(&mut outer_block.list_items, tag == Tag::Li),
            inputs: own(
                &mut outer_block.inputs,
                matches!(tag, Tag::Input | Tag::Textarea | Tag::Select | Tag::Button),
            ),
            embeds: own(
                &mut outer_block.embeds,
                matches!(tag, Tag::Embed | Tag::Object | Tag::Iframe),
            ),
            heading_chars: std::mem::take(&mut outer_block.heading_chars),
            element_children: std::mem::replace(&mut outer_block.element_children, 1),
            name_hash: 0,
            block: if tag.is_block() {
                fb
            } else {
                outer_block.block
            },
        };
        self.nodes.insert(copy as usize, copy_node);
        self.stack.insert(
            slot + 1,
            Frame {
                node: copy,
                tag: formatting.tag,
                inherited: block.inherited,
                block: self.stack[slot].block,
                block_slot: self.stack[slot].block_slot,
                run_chars: 0,
                run_commas: 0,
                last_was_br: false,
                closed_early: false,
                paragraphs_at_open: self.paragraphs.len() as u32,
            },
        );
        self.open_tags.insert(slot + 1, formatting.tag);
        true
    }

    /// Where an element's start tag is in the page (for a copy, its original's).
    fn start_tag_of(&self, node: u32) -> (u32, u32) {
        match self.copies.binary_search_by_key(&node, |c| c.0) {
            Ok(k) => (self.copies[k].1, self.copies[k].2),
            Err(_) => {
                let n = &self.nodes[node as usize];
                (n.start, n.tag_end)
            }
        }
    }

    /// Pops the current element, and then any formatting element that waited for it to end.
    fn pop(&mut self, at: usize) {
        self.pop_one(at);
        while self.stack.last().is_some_and(|f| f.closed_early) {
            self.pop_one(at);
        }
    }

    fn pop_one(&mut self, at: usize) {
        if let Some(frame) = self.stack.last() {
            let (node, tag) = (frame.node, frame.tag);
            if tag.is_formatting() {
                // Closed, yet still active: the next text reopens it.
                if let Some(Formatting::Element { open, .. }) = self
                    .formatting
                    .iter_mut()
                    .rev()
                    .find(|e| matches!(e, Formatting::Element { node: n, .. } if *n == node))
                {
                    *open = false;
                }
            } else if tag.is_formatting_marker() {
                // The cell, caption or object ends: so does the formatting opened inside it.
                let marker = self
                    .formatting
                    .iter()
                    .rposition(|e| matches!(e, Formatting::Marker));
                self.formatting.truncate(marker.unwrap_or(0));
            }
        }
        if self.nodes[self.stack.last().map_or(0, |f| f.node) as usize]
            .tag
            .is_block()
        {
            self.flush_paragraph();
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        self.open_tags.pop();
        self.open_counts[frame.tag as usize] -= 1;
        if frame.tag == Tag::Title {
            if let Some(t) = self.title_buf.take() {
                if self.meta.title.is_none() {
                    self.meta.title = Some(charref::decode_text(&t).into_owned());
                }
            }
        }
        if self.nodes[frame.node as usize].flags & LD_JSON != 0 {
            if let Some(s) = self.script_buf.take() {
                self.meta.json_ld.push(s);
            }
        }
        // A block's end also ends the paragraph run of the block around it.
        if frame.tag.is_block() {
            if let Some(f) = self.block_frame() {
                f.last_was_br = false;
            }
        }
        self.finish_node(frame.node, at, frame.inherited);
    }

    /// Sets the element's end and adds its statistics to its parent's.
    fn finish_node(&mut self, index: u32, at: usize, inherited: u32) {
        let node = &mut self.nodes[index as usize];
        node.end = at as u32;
        if node.tag.is_heading() {
            node.heading_chars = node.chars;
        }
        let parent = node.parent;
        if parent == NONE
            || inherited & (IN_NEVER | IN_HIDDEN) != 0 && node.flags & (HIDDEN | NOISE_ROLE) != 0
            || node.tag.is_never_content()
        {
            // Hidden and never-content subtrees add nothing visible to their ancestors.
            return;
        }
        let (chars, links, commas, p, img, li, input, embed, heading) = (
            node.chars,
            node.link_chars,
            node.commas,
            node.paragraphs,
            node.images,
            node.list_items,
            node.inputs,
            node.embeds,
            node.heading_chars,
        );
        let p_node = &mut self.nodes[parent as usize];
        p_node.chars += chars;
        p_node.link_chars += links;
        p_node.commas += commas;
        p_node.paragraphs += p;
        p_node.images += img;
        p_node.list_items += li;
        p_node.inputs += input;
        p_node.embeds += embed;
        p_node.heading_chars += heading;
    }

    fn finish(&mut self) {
        self.close_by_end_tags(self.html.len());
        while !self.stack.is_empty() {
            self.pop(self.html.len());
        }
    }
}

fn memchr_lt_slash(hay: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, b"</")
}

impl Scan<'_> {
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
            s.push_str(&charref::decode_text(
                &self.html[t.start as usize..t.end as usize],
            ));
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
            s.push_str(&charref::decode_text(
                &self.html[t.start as usize..t.end as usize],
            ));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (tag, parent's tag) of every element but the `<html>` and `<body>` the page implies.
    fn tree(html: &str) -> Vec<(String, String)> {
        let s = scan(html, None).unwrap();
        s.nodes
            .iter()
            .filter(|n| !matches!(n.tag, Tag::Html | Tag::Body))
            .map(|n| {
                let parent = if n.parent == NONE {
                    String::new()
                } else {
                    s.nodes[n.parent as usize].tag.name().to_string()
                };
                (n.tag.name().to_string(), parent)
            })
            .collect()
    }

    #[test]
    fn implied_end_tags_build_the_browser_tree() {
        let t = tree("<div><p>one<p>two</div><span>x</span>");
        assert_eq!(t[1], ("p".into(), "div".into()));
        assert_eq!(
            t[2],
            ("p".into(), "div".into()),
            "the second <p> is a sibling, not a child"
        );
        assert_eq!(
            t[3],
            ("span".into(), "body".into()),
            "</div> closed both paragraphs and the div"
        );
        let t = tree("<ul><li>a<li>b</ul><table><tr><td>1<td>2</table>");
        assert_eq!(t[2].1, "ul");
        assert_eq!(t[6].1, "tr");
    }

    #[test]
    fn a_table_ends_a_paragraph_only_outside_quirks_mode() {
        let parent_of_table = |html: &str| {
            tree(html)
                .into_iter()
                .find(|(tag, _)| tag == "table")
                .unwrap()
                .1
        };
        let table = "<p>Intro<table><tr><td>cell</td></tr></table>";
        assert_eq!(parent_of_table(table), "p", "no DOCTYPE: quirks mode");
        assert_eq!(parent_of_table(&format!("<!DOCTYPE html>{table}")), "body");
        let html4 = r#"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">"#;
        assert_eq!(parent_of_table(&format!("{html4}{table}")), "p");
    }

    #[test]
    fn formatting_cut_short_by_a_block_is_reopened_after_it() {
        // `<p><i>a<p>b`: browsers reopen the <i> in the second paragraph.
        let s = scan("<p><i>one<p>two</i><p>three", None).unwrap();
        let owner_of = |word: &str| {
            let run = s
                .texts
                .iter()
                .find(|t| &s.html[t.start as usize..t.end as usize] == word)
                .unwrap();
            let owner = &s.nodes[run.owner as usize];
            (owner.tag, s.nodes[owner.parent as usize].tag)
        };
        assert_eq!(owner_of("one"), (Tag::I, Tag::P));
        assert_eq!(owner_of("two"), (Tag::I, Tag::P), "the <i> is reopened");
        assert_eq!(owner_of("three"), (Tag::P, Tag::Body), "</i> ended it");
        let copy = s
            .texts
            .iter()
            .find(|t| &s.html[t.start as usize..t.end as usize] == "two");
        assert_eq!(
            s.raw_start_tag(copy.unwrap().owner),
            "<i>",
            "a copy has its start tag"
        );
    }

    #[test]
    fn a_block_inside_formatting_moves_out_at_its_end_tag() {
        // `<b><p>x</b>y</p>`: browsers give `<b></b><p><b>x</b>y</p>`.
        let s = scan("<div><b><p>bold</b>plain</p>after</div>", None).unwrap();
        let t = tree(s.html);
        assert_eq!(t[1], ("b".into(), "div".into()));
        assert_eq!(
            t[2],
            ("p".into(), "div".into()),
            "the paragraph left the <b>"
        );
        assert_eq!(
            t[3],
            ("b".into(), "p".into()),
            "a copy of the <b> holds its text"
        );
        let owner_of = |word: &str| {
            let run = s
                .texts
                .iter()
                .find(|t| &s.html[t.start as usize..t.end as usize] == word)
                .unwrap();
            s.nodes[run.owner as usize].tag
        };
        assert_eq!(owner_of("bold"), Tag::B);
        assert_eq!(owner_of("plain"), Tag::P);
        assert_eq!(owner_of("after"), Tag::Div);

        // The block's elements move into the copy with it, and the arena stays in order.
        let s = scan(
            "<div><i><p>one<br><span>two</span></i>three</p><p>four",
            None,
        )
        .unwrap();
        let t = tree(s.html);
        let expect = [
            ("div", "body"),
            ("i", "div"),
            ("p", "div"),
            ("i", "p"),
            ("br", "i"),
            ("span", "i"),
            ("p", "div"),
        ];
        let got: Vec<(&str, &str)> = t.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expect);
        for (k, n) in s.nodes.iter().enumerate().skip(1) {
            assert!(n.start >= s.nodes[k - 1].start, "arena in document order");
            assert!((n.parent as usize) < k, "parents come first");
        }
        let span = s.nodes.iter().position(|n| n.tag == Tag::Span).unwrap() as u32;
        assert_eq!(s.text_of(span), "two");
    }

    #[test]
    fn counts_text_links_and_paragraph_runs() {
        let s = scan("<div class=story>Hello, world, again. <a href=/x>link</a><br><br>Second part of the text here, long enough to score.</div>", None).unwrap();
        let div = s.nodes.iter().find(|n| n.tag == Tag::Div).unwrap();
        assert!(div.chars > 60, "{}", div.chars);
        assert_eq!(div.commas, 3);
        assert_eq!(div.link_chars, 4.0);
        assert_eq!(
            s.paragraphs.len(),
            2,
            "<br><br> splits the run: {:?}",
            s.paragraphs
        );
        assert_eq!(div.class_weight, 25);
    }

    #[test]
    fn comments_and_scripts_do_not_confuse_end_tags() {
        let s = scan(
            "<div><!-- </div> --><script>var s = '</div>';</script><p>text</p></div><p>after</p>",
            None,
        )
        .unwrap();
        let of = |tag| s.nodes.iter().position(|n| n.tag == tag).unwrap() as u32;
        let p = of(Tag::P) as usize;
        assert_eq!(s.nodes[p].parent, of(Tag::Div));
        assert_eq!(s.nodes.last().unwrap().parent, of(Tag::Body));
    }

    #[test]
    fn the_head_ends_where_the_body_begins() {
        let in_head = |html: &str| {
            let s = scan(html, None).unwrap();
            s.nodes
                .iter()
                .filter(|n| n.flags & IN_HEAD != 0 && n.tag != Tag::Head)
                .map(|n| n.tag.name())
                .collect::<Vec<_>>()
        };
        // No </head>, no <body>: the first element that is not head content starts the body.
        assert_eq!(in_head("<head><title>t</title><div>story</div>"), ["title"]);
        // A quote left open in a <meta> swallows </head><body>; the <div> still ends the head.
        assert_eq!(
            in_head("<head><meta content=\"x></head><body class=\"a\"><div>story</div>"),
            ["meta"]
        );
        assert_eq!(in_head("<title>t</title>Text<p>p</p>"), ["title"]);
        assert_eq!(
            in_head("<head><table><tr><td>x</table>"),
            Vec::<&str>::new()
        );
        // A second <html> (the IE conditional-comment idiom) restarts nothing.
        let s = scan(
            "<html class=no-js><head><title>t</title><html lang=en><body><p>x</p>",
            None,
        )
        .unwrap();
        assert_eq!(s.nodes.iter().filter(|n| n.tag == Tag::Html).count(), 1);
        assert_eq!(s.meta.lang.as_deref(), Some("en"));
    }

    #[test]
    fn collects_head_metadata() {
        let s = scan("<html lang=ko><head><title>T &amp; U</title><meta property='og:title' content='OG'><link rel=canonical href='/c'><script type=application/ld+json>{\"a\":1}</script></head><body><p>x</p>", None).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("T & U"));
        assert_eq!(s.meta.lang.as_deref(), Some("ko"));
        assert_eq!(s.meta.canonical.as_deref(), Some("/c"));
        assert_eq!(
            s.meta.metas,
            vec![("og:title".to_string(), "OG".to_string())]
        );
        assert_eq!(s.meta.json_ld, vec!["{\"a\":1}".to_string()]);
    }

    #[test]
    fn html_start_tags_end_unclosed_svg_and_math() {
        for html in [
            "<svg/onload=x><p>after</p>",
            "<math><mi>x</mi><p>after</p>",
            "<svg><g><div>after</div>",
        ] {
            let s = scan(html, None).unwrap();
            let block = s
                .nodes
                .iter()
                .find(|n| matches!(n.tag, Tag::P | Tag::Div))
                .unwrap();
            assert_eq!(s.nodes[block.parent as usize].tag, Tag::Body, "{html}");
        }
        let s = scan(
            "<svg><foreignObject><p>inside</p></foreignObject></svg>",
            None,
        )
        .unwrap();
        let p = s.nodes.iter().find(|n| n.tag == Tag::P).unwrap();
        assert_ne!(
            s.nodes[p.parent as usize].tag,
            Tag::Body,
            "an integration point keeps HTML inside the svg"
        );
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("color: red; DISPLAY : None !important"));
        assert!(style_hides("visibility:hidden"));
        assert!(!style_hides("display: block; background: url(none.png)"));
        assert!(!style_hides("font-family: none-such"));
    }

    #[test]
    fn unclosed_elements_end_at_the_end_of_input() {
        let html = "<div><p>open";
        let s = scan(html, None).unwrap();
        assert!(s.nodes.iter().all(|n| n.end as usize == html.len()));
    }
}

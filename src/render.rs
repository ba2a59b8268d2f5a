//! Pass 2, from the arena: walks the chosen elements and text runs in document order and
//! builds the clean article as a small tree of allowlisted elements. Person links are
//! unwrapped to their text (and listed), containers are unwrapped, bare text runs become
//! paragraphs (`<br><br>` ends one), URLs become absolute, lazy images get their real source,
//! and attributes outside the allowlist never reach the output. Only the article's bytes are
//! visited, never the whole page again.

use crate::article::Person;
use crate::charref;
use crate::choose::Plan;
use crate::markup;
use crate::rules;
use crate::scan::{self, Scan, NONE};
use crate::tags::Tag;
use crate::url;

/// An element of the clean article. Tags and attributes come only from the allowlist below.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: Tag,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Content>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn new(tag: Tag) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element's text, whitespace folded.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        markup::fold_whitespace(&s)
    }

    /// The element's text if it is at most `limit` bytes long (cheap on long elements: the
    /// walk stops as soon as the folded text is too long, or the text as written is more
    /// than about twice as long).
    pub fn short_text(&self, limit: usize) -> Option<String> {
        struct Walk {
            text: markup::Folded,
            /// Bytes of the text as written, a space for each element.
            raw: usize,
            raw_limit: usize,
            limit: usize,
        }
        impl Walk {
            fn too_long(&self) -> bool {
                self.raw > self.raw_limit || self.text.len() > self.limit
            }
            fn walk(&mut self, e: &Element) -> bool {
                for c in &e.children {
                    match c {
                        Content::Text(t) => {
                            self.raw += t.len();
                            if self.too_long() {
                                return false;
                            }
                            self.text.push(t);
                        }
                        Content::Element(x) => {
                            self.raw += 1;
                            self.text.push_space();
                            if !self.walk(x) {
                                return false;
                            }
                        }
                    }
                    if self.too_long() {
                        return false;
                    }
                }
                true
            }
        }
        let mut w = Walk {
            text: markup::Folded::with_capacity(limit.min(256)),
            raw: 0,
            raw_limit: limit * 2 + 64,
            limit,
        };
        w.walk(self).then(|| w.text.into_string())
    }

    fn collect_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Content::Text(t) => out.push_str(t),
                Content::Element(e) => {
                    if e.tag.is_block() || e.tag == Tag::Br {
                        out.push(' ');
                    }
                    e.collect_text(out);
                    if e.tag.is_block() {
                        out.push(' ');
                    }
                }
            }
        }
    }
}

/// A paragraph of text (for tests of the stages that work on the clean tree).
#[cfg(test)]
pub fn paragraph(text: &str) -> Content {
    let mut e = Element::new(Tag::P);
    e.children.push(Content::Text(text.into()));
    Content::Element(e)
}

/// What the render stage hands over: the clean tree, and the persons whose links it
/// unwrapped (the export's `people`).
pub struct Rendered {
    pub body: Element,
    pub people: Vec<Person>,
}

/// How deep the clean tree may nest; deeper elements are unwrapped (hostile pages nest
/// hundreds of thousands of levels, and the serializers recurse).
const MAX_DEPTH: usize = 48;

/// The output's allowlist, in one table as ammonia keeps it: every tag the clean article may
/// hold, and the attributes each may carry. Any other element is unwrapped (its content
/// stays), any other attribute dropped. One table, so that what can reach the reader's HTML
/// is read in one place, and a tag or attribute is added here or nowhere.
fn allowlist(tag: Tag) -> Option<&'static [Attr]> {
    use Tag::*;
    Some(match tag {
        A => &[HREF],
        Img => &[SRC, ALT],
        Td | Th => &[COLSPAN, ROWSPAN],
        Time => &[DATETIME],
        P | H2 | H3 | H4 | H5 | H6 | Blockquote | Pre | Code | Ul | Ol | Li | Dl | Dt | Dd
        | Figure | Figcaption | Table | Thead | Tbody | Tfoot | Tr | Caption | Em | Strong | B
        | I | U | S | Sub | Sup | Br | Hr | Q | Cite | Small | Mark | Del | Ins | Abbr | Kbd
        | Samp | Var | Dfn | Strike | Tt | Details | Summary => &[],
        _ => return None,
    })
}

/// An allowed attribute: its name, how its value is made safe, and whether the element is
/// unwrapped without it.
struct Attr {
    name: &'static str,
    value: AttrValue,
    /// Without a (safe) value the element is unwrapped: a link to nowhere is text.
    required: bool,
}

/// How an allowed attribute's value is read.
enum AttrValue {
    /// A link: resolved against the page's address, then kept only if safe (no
    /// `javascript:`, whatever the spelling; checked after resolving, so the base cannot make
    /// a relative link unsafe).
    Link,
    /// A small count (`colspan`, `rowspan`): digits only, trimmed.
    Count,
    /// Kept as written (`datetime`; the reader's sanitizer reads it as text).
    AsWritten,
    /// An image's `src` and `alt`, read by [`image_from_raw`]: the real source among the lazy
    /// loaders' attributes, placeholders left out; alt text free of markup.
    Image,
}

const HREF: Attr = Attr {
    name: "href",
    value: AttrValue::Link,
    required: true,
};
const SRC: Attr = Attr {
    name: "src",
    value: AttrValue::Image,
    required: true,
};
const ALT: Attr = Attr {
    name: "alt",
    value: AttrValue::Image,
    required: false,
};
const COLSPAN: Attr = Attr {
    name: "colspan",
    value: AttrValue::Count,
    required: false,
};
const ROWSPAN: Attr = Attr {
    name: "rowspan",
    value: AttrValue::Count,
    required: false,
};
const DATETIME: Attr = Attr {
    name: "datetime",
    value: AttrValue::AsWritten,
    required: false,
};

impl Attr {
    /// The attribute's safe value on arena element `i`, if it has one.
    fn read(&self, scan: &Scan, i: u32, base: &url::Base) -> Option<String> {
        let raw = scan.attr(i, self.name);
        match self.value {
            AttrValue::Link => raw.and_then(|v| base.safe_link(&v)),
            AttrValue::Count => raw
                .filter(|v| v.trim().parse::<u16>().is_ok())
                .map(|v| v.trim().to_string()),
            AttrValue::AsWritten => raw,
            AttrValue::Image => None, // read with the whole image by `image_from_raw`
        }
    }
}

/// The tag an element is written as in the output, if the allowlist has it: a page's `<h1>`
/// becomes `<h2>` (the reader's one `<h1>` is the title).
fn output_tag(tag: Tag) -> Option<Tag> {
    let out = if tag == Tag::H1 { Tag::H2 } else { tag };
    allowlist(out).map(|_| out)
}

/// A heading is a line: one with more text than this holds the story.
const HEADING_MAX_CHARS: u32 = 300;

/// Output elements in which inline content may stand directly; elsewhere it opens a `<p>`.
fn holds_inline(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        P | H2 | H3 | H4 | H5 | H6 | Pre | Li | Dt | Dd | Td | Th | Figcaption | Caption | Summary
    ) || !tag.is_block()
}

/// An output element still open, and where it came from in the arena.
struct Open {
    el: Element,
    /// The arena element it stands for (`NONE` for a paragraph opened for bare text).
    node: u32,
    /// For a paragraph opened for bare text, the arena block the text sits in (else `NONE`).
    block: u32,
}

struct Builder<'a, 's> {
    scan: &'a Scan<'s>,
    base: url::Base,
    /// Open output elements, innermost last; `stack[0]` is the article body.
    stack: Vec<Open>,
    people: Vec<Person>,
    pending_br: bool,
    /// The last `<noscript>` whose images were read.
    last_noscript: u32,
    /// Tables already judged, by arena index: is a layout table (empty until the first table;
    /// a slot per element, not a hash map: a map's code costs the .wasm more than the slots).
    table_kinds: Vec<Option<bool>>,
}

pub fn render(scan: &Scan, plan: &Plan, page_url: &str) -> Rendered {
    // A <base> counts only if it is a web address: `<base href="javascript://…">` would
    // otherwise turn every relative link into script.
    let base = scan
        .meta
        .base_href
        .as_deref()
        .map(|b| url::resolve(page_url, b))
        .filter(|b| matches!(url::scheme(b).as_deref(), Some("http" | "https")))
        .unwrap_or_else(|| page_url.to_string());
    let mut b = Builder {
        scan,
        base: url::Base::new(&base),
        stack: vec![Open {
            el: Element::new(Tag::Div),
            node: NONE,
            block: NONE,
        }],
        people: Vec::new(),
        pending_br: false,
        table_kinds: Vec::new(),
        last_noscript: NONE,
    };
    for &root in &plan.roots {
        b.render_root(root, plan);
        b.close_to_depth(1);
    }
    b.close_to_depth(1);
    let body = b
        .stack
        .pop()
        .map(|s| s.el)
        .unwrap_or_else(|| Element::new(Tag::Div));
    Rendered {
        body,
        people: b.people,
    }
}

/// The leading runs of `texts` that the browser's DOM holds as one text node: runs of one
/// element with no element (before `next_node_start`) or comment between them, as an ignored
/// end tag or a chunk boundary of the parser leaves them.
fn one_text_node<'t>(
    scan: &Scan,
    texts: &'t [scan::TextRun],
    next_node_start: u32,
) -> &'t [scan::TextRun] {
    let mut n = 1;
    while let Some(next) = texts.get(n) {
        let prev = texts[n - 1];
        let gap = &scan.html[prev.end as usize..next.start as usize];
        if next.owner != prev.owner || next.start >= next_node_start || gap.contains("<!") {
            break;
        }
        n += 1;
    }
    &texts[..n]
}

impl Builder<'_, '_> {
    fn render_root(&mut self, root: u32, plan: &Plan) {
        let scan = self.scan;
        let end = scan.subtree_end(root);
        let texts = scan.texts_in(root);
        let mut t = 0;
        let mut i = root;
        // The root itself: emitted if it is an output element (a lone <p> or <table>).
        loop {
            let next_node = if i < end {
                Some(&scan.nodes[i as usize])
            } else {
                None
            };
            let next_text = texts.get(t);
            match (next_node, next_text) {
                (Some(n), Some(tr)) if tr.start < n.start => {
                    let runs = one_text_node(scan, &texts[t..], n.start);
                    self.on_text(runs, plan);
                    t += runs.len();
                }
                (Some(_), _) => {
                    if plan.dropped[i as usize] {
                        let skip_to = scan.subtree_end(i).max(i + 1);
                        let skip_end = scan.nodes[i as usize].end;
                        while texts.get(t).is_some_and(|tr| tr.start < skip_end) {
                            t += 1;
                        }
                        i = skip_to;
                        continue;
                    }
                    self.on_element(i);
                    i += 1;
                }
                (None, Some(_)) => {
                    let runs = one_text_node(scan, &texts[t..], u32::MAX);
                    self.on_text(runs, plan);
                    t += runs.len();
                }
                (None, None) => break,
            }
        }
    }

    /// The nearest block element around (or at) `node` in the arena.
    fn block_of(&self, node: u32) -> u32 {
        if node == NONE {
            NONE
        } else {
            self.scan.nodes[node as usize].block
        }
    }

    /// Closes open output elements that do not contain `node` (by arena ancestry). A paragraph
    /// opened for bare text stays open only while the text stays in the same arena block.
    fn close_outside(&mut self, node: u32) {
        while self.stack.len() > 1 {
            let (owner, block) = self.stack.last().map(|s| (s.node, s.block)).unwrap();
            if owner == NONE {
                if self.block_of(node) == block {
                    return;
                }
            } else if self.scan.is_inside(node, owner) {
                return;
            }
            self.close_top();
        }
    }

    fn close_to_depth(&mut self, depth: usize) {
        while self.stack.len() > depth {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        if let Some(Open { el, .. }) = self.stack.pop() {
            let parent = &mut self.stack.last_mut().expect("body stays open").el;
            if !is_empty(&el) {
                parent.children.push(Content::Element(el));
            }
        }
        self.pending_br = false;
    }

    fn in_implicit_paragraph(&self) -> bool {
        self.stack.len() > 1 && self.stack.last().is_some_and(|s| s.node == NONE)
    }

    /// Ends an implicit paragraph if one is open.
    fn end_paragraph(&mut self) {
        if self.in_implicit_paragraph() {
            self.close_top();
        }
        self.pending_br = false;
    }

    /// Makes sure inline content from arena element `node` has a paragraph to go into.
    fn ensure_inline_context(&mut self, node: u32) {
        let top = self.stack.last().map(|s| s.el.tag).unwrap_or(Tag::Div);
        if self.stack.len() == 1 || !holds_inline(top) {
            let block = self.block_of(node);
            self.stack.push(Open {
                el: Element::new(Tag::P),
                node: NONE,
                block,
            });
        }
    }

    /// Emits a single `<br>` that was held back (a second one would have ended the paragraph).
    fn flush_pending_br(&mut self) {
        if std::mem::take(&mut self.pending_br) {
            if let Some(top) = self.stack.last_mut() {
                top.el
                    .children
                    .push(Content::Element(Element::new(Tag::Br)));
            }
        }
    }

    fn push_inline(&mut self, content: Content, node: u32) {
        self.ensure_inline_context(node);
        self.flush_pending_br();
        self.stack.last_mut().unwrap().el.children.push(content);
    }

    /// Text from `runs`: the runs of one DOM text node (see [`one_text_node`]).
    fn on_text(&mut self, runs: &[scan::TextRun], plan: &Plan) {
        let scan = self.scan;
        let run = runs[0];
        let owner = &scan.nodes[run.owner as usize];
        if plan
            .dropped
            .get(run.owner as usize)
            .copied()
            .unwrap_or(false)
        {
            return;
        }
        let raw: std::borrow::Cow<str> = match runs {
            [one] => scan.html[one.start as usize..one.end as usize].into(),
            _ => runs
                .iter()
                .map(|r| &scan.html[r.start as usize..r.end as usize])
                .collect::<String>()
                .into(),
        };
        if owner.tag == Tag::Noscript {
            // Its raw text may come in several chunks: read them all at the first one.
            if self.last_noscript != run.owner {
                self.last_noscript = run.owner;
                self.close_outside(run.owner);
                let whole: String = scan
                    .texts_in(run.owner)
                    .iter()
                    .map(|t| scan.raw_text(t))
                    .collect();
                self.noscript_images(&whole);
            }
            return;
        }
        if owner.flags & (scan::IN_NEVER | scan::IN_HIDDEN) != 0
            && owner.flags & scan::IN_NEVER != 0
        {
            return;
        }
        self.close_outside(run.owner);
        // What a broken comment or script leaves before the text (`<!-- … --> -->`, `*/`) is
        // none of it.
        let text = charref::decode_text(&raw);
        let opened = text.trim_start();
        let text = match opened
            .strip_prefix("-->")
            .or_else(|| opened.strip_prefix("*/"))
        {
            Some(rest) => rest.to_string().into(),
            None => text,
        };
        if text.trim().is_empty() {
            // Whitespace between words matters; between blocks it does not.
            if self.stack.len() > 1 && holds_inline(self.stack.last().unwrap().el.tag) {
                if let Some(Content::Text(prev)) =
                    self.stack.last_mut().unwrap().el.children.last_mut()
                {
                    // The browser's DOM holds the two runs as one text node: keep it as written.
                    prev.push_str(&text);
                } else if !self.stack.last().unwrap().el.children.is_empty() {
                    self.stack
                        .last_mut()
                        .unwrap()
                        .el
                        .children
                        .push(Content::Text(" ".into()));
                }
            }
            return;
        }
        self.push_inline(Content::Text(text.into_owned()), run.owner);
    }

    /// One arena element into the output: `<br>`, person links, blocks, images, captions,
    /// then the allowlisted tags with their few attributes. One piece because each case
    /// returns early and the order of the cases is the rule (a caption class wins over the
    /// tag; a layout table's parts are unwrapped before any attribute is read).
    fn on_element(&mut self, i: u32) {
        let scan = self.scan;
        let n = &scan.nodes[i as usize];
        self.close_outside(i);
        let tag = n.tag;
        if tag == Tag::Br {
            if self.pending_br {
                // <br><br>: a paragraph break.
                self.pending_br = false;
                let top = self.stack.last().unwrap();
                if self.in_implicit_paragraph() {
                    self.close_top();
                } else if top.el.tag == Tag::P && top.node != NONE {
                    // Inside the page's own `<p>` (MBN's one paragraph of `<br><br>`-split
                    // text): it shows as two paragraphs, and becomes two.
                    let (node, block) = (top.node, top.block);
                    self.close_top();
                    self.stack.push(Open {
                        el: Element::new(Tag::P),
                        node,
                        block,
                    });
                } else {
                    let top = self.stack.last_mut().unwrap();
                    top.el
                        .children
                        .push(Content::Element(Element::new(Tag::Br)));
                }
            } else if self.stack.len() > 1 && !self.stack.last().unwrap().el.children.is_empty() {
                self.pending_br = true;
            }
            return;
        }
        if n.flags & scan::PERSON_LINK != 0 {
            let name = scan.text_of(i);
            let href = scan
                .attr(i, "href")
                .and_then(|h| self.base.safe_link(&h))
                .unwrap_or_default();
            if !name.is_empty() && !self.people.iter().any(|p| p.name == name) {
                self.people.push(Person { name, url: href });
            }
            return; // unwrapped: its text flows into the paragraph
        }
        if tag.is_block() {
            self.end_paragraph();
            // A block inside inline formatting (`<b><p>…</p></b>`, which the DOM allows): the
            // reader's HTML puts no block in an inline, so the formatting ends before it.
            while self.stack.len() > 1 && !self.stack.last().unwrap().el.tag.is_block() {
                self.close_top();
                self.end_paragraph();
            }
        }
        if n.is_image() {
            if let Some(img) = self.image(i) {
                self.push_image(img, i);
            }
            return;
        }
        // A caption outside <figure>/<figcaption> markup (`<p class="caption">`, or the text
        // of a picture's box: `<div class="imageC"><img><div class="desc">…`): a figcaption,
        // kept in the HTML, left out of the text like every caption.
        // (A caption may have lines of its own: a title, the caption, the credit; a box that
        // holds its picture too is the picture's box, not its caption.)
        let caption_lines = if n.images == 0 {
            CAPTION_MAX_PARAGRAPHS
        } else {
            1
        };
        if n.chars < 400
            && (has_one_long_line(scan, i) && is_picture_box_text(scan, i)
                || n.paragraphs <= caption_lines && n.flags & scan::CAPTION_HINT != 0)
            && !self.stack.iter().any(|s| s.el.tag == Tag::Figcaption)
            && self.stack.len() + 2 < MAX_DEPTH
        {
            self.end_paragraph();
            if self.stack.last().is_none_or(|s| s.el.tag != Tag::Figure) {
                // The image right before the caption is the one it describes (old Naver:
                // `<span class=end_photo_org><img><em class=img_desc>…</em></span>`).
                let mut figure = Element::new(Tag::Figure);
                if let Some(img) = self.take_trailing_image() {
                    figure.children.push(Content::Element(img));
                }
                self.stack.push(Open {
                    el: figure,
                    node: i,
                    block: NONE,
                });
            }
            self.stack.push(Open {
                el: Element::new(Tag::Figcaption),
                node: i,
                block: NONE,
            });
            return;
        }
        // A heading that holds the story (대전일보 mobile's body in an `<h4>` the font buttons
        // resize) is no heading: unwrapped, its paragraphs are the body's.
        if tag.is_heading() && (n.paragraphs > 1 || n.chars > HEADING_MAX_CHARS) {
            return;
        }
        let out = match output_tag(tag) {
            Some(t) if self.stack.len() < MAX_DEPTH => t,
            _ => return, // unwrapped
        };
        let out = if matches!(
            out,
            Tag::Table
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Tbody
                | Tag::Thead
                | Tag::Tfoot
                | Tag::Caption
        ) && self.is_layout_table_part(i)
        {
            return;
        } else {
            out
        };
        let mut el = Element::new(out);
        for attr in allowlist(out).unwrap_or_default() {
            match attr.read(scan, i, &self.base) {
                Some(v) => el.attrs.push((attr.name, v)),
                None if attr.required => return, // unwrapped
                None => {}
            }
        }
        if !out.is_block() {
            self.ensure_inline_context(i);
            self.flush_pending_br();
        }
        if out.is_void() {
            self.stack
                .last_mut()
                .unwrap()
                .el
                .children
                .push(Content::Element(el));
            return;
        }
        self.stack.push(Open {
            el,
            node: i,
            block: NONE,
        });
    }

    /// Tables used for layout (one cell per row, or cells holding blocks, or pictures and
    /// their captions, or in a caption) are unwrapped; data tables stay.
    fn is_layout_table_part(&mut self, i: u32) -> bool {
        let scan = self.scan;
        let mut t = i;
        while t != NONE && scan.nodes[t as usize].tag != Tag::Table {
            t = scan.nodes[t as usize].parent;
        }
        if t == NONE || self.stack.iter().any(|s| s.el.tag == Tag::Figcaption) {
            return true;
        }
        // One decision per table (its cells ask again and again).
        if self.table_kinds.is_empty() {
            self.table_kinds = vec![None; scan.nodes.len()];
        }
        if let Some(layout) = self.table_kinds[t as usize] {
            return layout;
        }
        // Judged on its first elements: nested tables must not make this quadratic.
        let end = scan.subtree_end(t).min(t + 2000);
        let (mut cells, mut rows, mut blocks) = (0, 0, 0);
        for k in t + 1..end {
            match scan.nodes[k as usize].tag {
                Tag::Td | Tag::Th => cells += 1,
                Tag::Tr => rows += 1,
                Tag::Div | Tag::P | Tag::Table | Tag::Ul | Tag::H1 | Tag::H2 | Tag::H3 => {
                    blocks += 1
                }
                _ => {}
            }
        }
        // (A gallery of pictures in cells, each with its caption, lays out pictures too:
        // ZDNet Korea's `<table class="photo_gallery">`.)
        let table = &scan.nodes[t as usize];
        let gallery =
            table.images * 2 >= cells && table.chars <= table.images * GALLERY_CAPTION_MAX_CHARS;
        let layout = blocks > 0 || cells <= rows.max(1) || gallery;
        self.table_kinds[t as usize] = Some(layout);
        layout
    }

    /// Takes the image the open element ends with, alone or as the only content of a
    /// paragraph (which goes with it).
    fn take_trailing_image(&mut self) -> Option<Element> {
        let children = &mut self.stack.last_mut()?.el.children;
        let lone_image = |e: &Element| {
            e.tag == Tag::P
                && matches!(e.children.as_slice(), [Content::Element(img)] if img.tag == Tag::Img)
        };
        match children.last()? {
            Content::Element(e) if e.tag == Tag::Img => {}
            Content::Element(e) if lone_image(e) => {
                let Some(Content::Element(mut p)) = children.pop() else {
                    return None;
                };
                let Some(Content::Element(img)) = p.children.pop() else {
                    return None;
                };
                return Some(img);
            }
            _ => return None,
        }
        match children.pop() {
            Some(Content::Element(img)) => Some(img),
            _ => None,
        }
    }

    fn push_image(&mut self, img: Element, _node: u32) {
        let top = self.stack.last().map(|s| s.el.tag).unwrap_or(Tag::Div);
        if top == Tag::Figure || holds_inline(top) && self.stack.len() > 1 {
            self.stack
                .last_mut()
                .unwrap()
                .el
                .children
                .push(Content::Element(img));
        } else {
            self.end_paragraph();
            self.stack
                .last_mut()
                .unwrap()
                .el
                .children
                .push(Content::Element(img));
        }
    }

    /// An `<img>` with its real source (lazy-loading attributes first), absolute, or None for
    /// placeholders and tracking pixels.
    fn image(&self, i: u32) -> Option<Element> {
        let raw = self.scan.raw_start_tag(i);
        image_from_raw(raw, &self.base)
    }

    /// `<noscript>` arrives as raw text: images inside it are the fallbacks of lazy images.
    fn noscript_images(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(pos) = rest.to_ascii_lowercase().find("<img") {
            let tag_text = &rest[pos..];
            let end = tag_text.find('>').map_or(tag_text.len(), |e| e + 1);
            if let Some(img) = image_from_raw(&tag_text[..end], &self.base) {
                let src = img.attr("src").unwrap_or_default().to_string();
                let already = self.stack.last().is_some_and(|s| {
                    s.el.children.iter().rev().take(3).any(|c| matches!(c, Content::Element(e) if e.tag == Tag::Img && e.attr("src") == Some(&src)))
                });
                let after_image = self.stack.last().is_some_and(|s| matches!(s.el.children.last(), Some(Content::Element(e)) if e.tag == Tag::Img));
                if !already && !after_image {
                    self.push_image(img, NONE);
                }
            }
            rest = &tag_text[end.min(tag_text.len())..];
        }
    }
}

fn looks_like_placeholder(src: &str) -> bool {
    let s = src.to_ascii_lowercase();
    s.is_empty()
        || s.starts_with("data:")
        || [
            "blank.",
            "placeholder",
            "spacer",
            "transparent.",
            "1x1",
            "pixel.",
            "lazy",
            "loading.",
            "grey.gif",
            "gray.gif",
        ]
        .iter()
        .any(|p| s.contains(p))
}

/// The largest candidate of a `srcset`.
fn best_from_srcset(srcset: &str) -> Option<String> {
    srcset
        .split(',')
        .filter_map(|c| {
            let mut parts = c.split_whitespace();
            let u = parts.next()?;
            let w = parts.next().map_or(DESCRIPTOR_UNIT, |d| {
                descriptor(d.trim_end_matches(&['w', 'x'][..]))
            });
            Some((u.to_string(), w))
        })
        .max_by_key(|c| c.1)
        .map(|(u, _)| u)
}

/// A `srcset` width or density (`640`, `1.5`) in thousandths, read by hand: a float parser
/// would add 4 KB to the .wasm for this one number. Unreadable is 1 (`1x`).
fn descriptor(d: &str) -> u64 {
    let (whole, fraction) = d.split_once('.').unwrap_or((d, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return DESCRIPTOR_UNIT;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |n, b| n * 10 + u64::from(b - b'0'));
    whole.parse::<u64>().unwrap_or(1) * DESCRIPTOR_UNIT + thousandths
}

/// `1` (`1x`, a missing descriptor) in thousandths.
const DESCRIPTOR_UNIT: u64 = 1000;

pub fn image_from_raw(raw: &str, base: &url::Base) -> Option<Element> {
    let get = |name: &str| {
        markup::attribute(raw, name)
            .map(|v| charref::decode_attribute(v).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    for dim in ["width", "height"] {
        if get(dim)
            .and_then(|v| v.trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v <= 2)
        {
            return None;
        }
    }
    let lazy = [
        "data-src",
        "data-original",
        "data-lazy-src",
        "data-url",
        "data-hi-res-src",
        "data-full-src",
        "data-lazy",
    ]
    .iter()
    .find_map(|a| get(a).filter(|v| !looks_like_placeholder(v)));
    let src = get("src").filter(|v| !looks_like_placeholder(v));
    let srcset = get("data-srcset")
        .or_else(|| get("srcset"))
        .and_then(|s| best_from_srcset(&s));
    let chosen = lazy.or(src).or(srcset)?;
    let src = base.safe_link(&chosen)?;
    let mut el = Element::new(Tag::Img);
    el.attrs.push((SRC.name, src));
    let alt = get("alt")
        .map(|a| markup::clean_leaked_markup(&a))
        .unwrap_or_default();
    el.attrs.push((ALT.name, alt));
    Some(el)
}

/// An element that is all the text of a picture's box (a block with a figure class holding
/// an image before it: hani.co.kr's `<div class="imageC"><div class="image"><img></div><div
/// class="desc">…</div>`, yna.co.kr's `<div class="article-img"><img><div class="img-info">`,
/// donga.com's `<div class='articlePhotoC'><img><span class='t'>…</span>`), or a layout
/// table of one picture and, in a row under it, its line (koreaherald.com's `<table class="nexttbl"><tr><td><img>
/// </td></tr><tr><td class="nexttd2">… (Yonhap)</td></tr></table>`): that picture's caption.
/// Two levels up at most (three to a table's cell); a box with more text is no picture's box.
fn is_picture_box_text(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    if n.images > 0 || n.chars == 0 || n.tag == Tag::A {
        return false;
    }
    std::iter::once(i)
        .chain(scan.ancestors(i))
        .take(4)
        .enumerate()
        .find(|&(up, a)| {
            let b = &scan.nodes[a as usize];
            b.images > 0
                && (b.flags & scan::FIGURE_HINT != 0 && up <= 2
                    || b.tag == Tag::Table
                        && b.images == 1
                        && b.chars <= PICTURE_TABLE_MAX_CHARS
                        && row_without_picture(scan, i))
        })
        .map(|(_, a)| a)
        .is_some_and(|a| {
            text_but_ads(scan, a) == n.chars
                && (a + 1..i).any(|k| scan.nodes[k as usize].is_image())
        })
}

/// Whether at most one of an element's lines is long enough to be a paragraph: a caption's
/// title over it and its credit under it are short (연합뉴스 2015's `<div class="img-txt"><p
/// class="tit">창원천 물고기 떼죽음</p><p class="desc">(창원=연합뉴스) …</p>`).
fn has_one_long_line(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    n.paragraphs <= 1
        || n.paragraphs <= CAPTION_MAX_PARAGRAPHS
            && (i + 1..scan.subtree_end(i))
                .filter(|&k| {
                    let line = &scan.nodes[k as usize];
                    line.tag.is_paragraph_like() && line.chars >= scan::MIN_PARAGRAPH_CHARS
                })
                .count()
                <= 1
}

/// A box's text but its ads' (동아일보 2014's picture box holds an ad's link under the caption:
/// `<div class='articlePhotoC'><img><span class='t'>…</span><div class='txt_ad'><a>[광고] …`) and
/// its picture's link's label.
fn text_but_ads(scan: &Scan, a: u32) -> u32 {
    let mut chars = scan.nodes[a as usize].chars;
    let end = scan.subtree_end(a);
    let mut k = a + 1;
    while k < end {
        let node = &scan.nodes[k as usize];
        // (Nor the label of the picture's own link: 연합뉴스 2019's `<a class="img-link"><img><em>이미지
        // 크게보기</em></a>`, 한국경제 2011's `<img><a class="ico_imgMore">사진 크게보기</a>`.)
        if node.flags & scan::AD_HINT != 0
            || node.tag == Tag::A
                && (node.images > 0
                    || node.chars <= 8
                        && rules::PICTURE_LINK_LABELS.contains(&scan.text_of(k).trim()))
        {
            chars = chars.saturating_sub(node.chars);
            k = scan.subtree_end(k).max(k + 1);
        } else {
            k += 1;
        }
    }
    chars
}

/// Whether the table row that holds `i` holds no picture: a caption's row is under its
/// picture's (a pull quote beside a rule drawn as an image is none).
fn row_without_picture(scan: &Scan, i: u32) -> bool {
    std::iter::once(i)
        .chain(scan.ancestors(i))
        .take(3)
        .find(|&a| scan.nodes[a as usize].tag == Tag::Tr)
        .is_some_and(|tr| scan.nodes[tr as usize].images == 0)
}

/// A caption's box holds at most this many paragraphs (OhmyNews: `▲ title`, the caption, `ⓒ
/// credit`).
const CAPTION_MAX_PARAGRAPHS: u32 = 3;

/// A table of one picture holding at most this much text holds its caption, not a story.
const PICTURE_TABLE_MAX_CHARS: u32 = 300;

/// Elements with nothing to show (no text, no image) are dropped from the output.
pub fn is_empty(el: &Element) -> bool {
    if el.tag.is_void() || el.tag == Tag::Td || el.tag == Tag::Th {
        return false;
    }
    // (A zero-width space is nothing to read: 네이버 블로그's SmartEditor pads its empty lines
    // with one, `<p><span>\u{200b}</span></p>`.)
    el.children.iter().all(|c| match c {
        Content::Text(t) => t
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}')
            .is_empty(),
        Content::Element(e) => e.tag == Tag::Br || is_empty(e),
    })
}

/// A gallery's cells print a caption of at most this many characters per picture.
const GALLERY_CAPTION_MAX_CHARS: u32 = 120;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    #[test]
    fn srcset_gives_its_widest_or_densest_picture() {
        assert_eq!(
            best_from_srcset("a.jpg 320w, b.jpg 1280w, c.jpg 640w").as_deref(),
            Some("b.jpg")
        );
        assert_eq!(
            best_from_srcset("a.jpg, b.jpg 1.5x, c.jpg 1.25x").as_deref(),
            Some("b.jpg")
        );
        assert_eq!(descriptor("2"), 2000);
        assert_eq!(descriptor("1.5"), 1500);
        assert_eq!(descriptor("0.75"), 750);
        assert_eq!(descriptor("abc"), DESCRIPTOR_UNIT);
        assert_eq!(descriptor("1.2.3"), DESCRIPTOR_UNIT);
    }

    fn render_all(html: &str, url: &str) -> Rendered {
        let s = scan(html, crate::rules::site_rule_for(url)).unwrap();
        let plan = Plan {
            roots: vec![0],
            dropped: vec![false; s.nodes.len()],
            rule: crate::rules::RuleUsed::Generic,
            ..Plan::default()
        };
        render(&s, &plan, url)
    }

    #[test]
    fn br_pairs_make_paragraphs_and_single_brs_stay() {
        let r = render_all("<div>one<br><br>two<br>still two</div>", "");
        assert_eq!(
            crate::article::to_html(&r.body),
            "<p>one</p>\n<p>two<br>still two</p>\n"
        );
    }

    #[test]
    fn br_pairs_inside_a_pages_paragraph_make_two() {
        let r = render_all("<div><p>one<br><br>two<br>still two</p></div>", "");
        assert_eq!(
            crate::article::to_html(&r.body),
            "<p>one</p>\n<p>two<br>still two</p>\n"
        );
    }

    #[test]
    fn person_links_become_text_and_are_listed() {
        let r = render_all(
            "<div><p><a class=human_link href='/p?n=1'>이해진</a> 의장은 말했다.</p></div>",
            "https://www.businesspost.co.kr/a",
        );
        assert_eq!(
            crate::article::to_html(&r.body),
            "<p>이해진 의장은 말했다.</p>\n"
        );
        assert_eq!(
            r.people,
            vec![Person {
                name: "이해진".into(),
                url: "https://www.businesspost.co.kr/p?n=1".into()
            }]
        );
    }

    #[test]
    fn lazy_images_get_their_real_source() {
        let r = render_all("<div><img src='data:image/gif;base64,R0lG' data-src='/real.jpg' alt='a'><noscript><img src='/fallback.jpg'></noscript></div>", "https://x.org/story");
        let html = crate::article::to_html(&r.body);
        assert!(html.contains("src=\"https://x.org/real.jpg\""), "{html}");
        assert!(
            !html.contains("fallback.jpg"),
            "the noscript copy of a shown image is not repeated"
        );
        let r = render_all(
            "<div><noscript><img src='/only.jpg'></noscript></div>",
            "https://x.org/story",
        );
        assert!(crate::article::to_html(&r.body).contains("https://x.org/only.jpg"));
    }

    #[test]
    fn amp_pictures_are_pictures() {
        // (An AMP page as the server sends it: no runtime has put an <img> inside yet; its
        // noscript copy is the same picture.)
        let r = render_all(
            "<div><p>Story.</p><amp-img src='/a.jpg' alt='Caption' width=600 height=400 layout=responsive><noscript><img src='/a.jpg'></noscript></amp-img><p>More.</p></div>",
            "https://x.org/amp/story",
        );
        let html = crate::article::to_html(&r.body);
        assert_eq!(html.matches("<img").count(), 1, "{html}");
        assert!(
            html.contains("src=\"https://x.org/a.jpg\" alt=\"Caption\""),
            "{html}"
        );
    }

    #[test]
    fn a_picture_links_label_leaves_its_box_a_picture_box() {
        // (연합뉴스 2019: the picture's link says `이미지 크게보기`; the line under it is the caption.)
        let r = render_all(
            "<div><div class='image-area'><div class='article-img'><a href='/a_P2.jpg'><img \
             src='/a.jpg' alt='대출 창구'><em>이미지 크게보기</em></a></div><div class='img-info'>\
             <span class='txt-img'>시중은행 대출 창구 [연합뉴스 자료사진]</span></div></div>\
             <p>Story.</p></div>",
            "https://www.yna.co.kr/view/AKR1",
        );
        let html = crate::article::to_html(&r.body);
        assert!(
            html.contains("<figcaption>시중은행 대출 창구 [연합뉴스 자료사진]</figcaption>"),
            "{html}"
        );
    }

    #[test]
    fn layout_tables_unwrap_and_data_tables_stay() {
        let r = render_all(
            "<div><table><tr><td><p>Layout cell text.</p></td></tr></table></div>",
            "",
        );
        assert_eq!(
            crate::article::to_html(&r.body),
            "<p>Layout cell text.</p>\n"
        );
        let r = render_all(
            "<div><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></div>",
            "",
        );
        assert!(crate::article::to_html(&r.body).starts_with("<table>"));
    }

    #[test]
    fn attributes_outside_the_allowlist_never_reach_the_output() {
        let r = render_all("<div><p style='x' onclick='y' class='z' id='w'>Text <a href='javascript:alert(1)'>bad</a> <a href='/ok' target=_blank>ok</a></p></div>", "https://x.org/");
        assert_eq!(
            crate::article::to_html(&r.body),
            "<p>Text bad <a href=\"https://x.org/ok\">ok</a></p>\n"
        );
    }

    #[test]
    fn every_element_and_attribute_in_the_output_is_in_the_allowlist() {
        let r = render_all(
            "<article><h1 id=a>Head</h1><p title=t>One <time datetime=2020 class=c>now</time> \
             <img src=/i.png alt=x width=300 onerror=y></p><table><tr><td colspan=2 \
             style=s>a</td><td rowspan=x>b</td></tr><tr><td>c</td><td>d</td></tr></table>\
             <section><font color=red>gone</font><a href=/l rel=x>l</a></section></article>",
            "https://x.org/",
        );
        fn walk(e: &Element) {
            let allowed = allowlist(e.tag).unwrap_or_else(|| panic!("{:?} emitted", e.tag));
            for (name, _) in &e.attrs {
                assert!(
                    allowed.iter().any(|a| a.name == *name),
                    "{name} on {:?}",
                    e.tag
                );
            }
            for c in &e.children {
                if let Content::Element(child) = c {
                    walk(child);
                }
            }
        }
        for c in &r.body.children {
            if let Content::Element(e) = c {
                walk(e);
            }
        }
        let html = crate::article::to_html(&r.body);
        for kept in [
            "<h2>",
            "datetime=\"2020\"",
            "colspan=\"2\"",
            "alt=\"x\"",
            "href=",
        ] {
            assert!(html.contains(kept), "{kept} in {html}");
        }
    }
}

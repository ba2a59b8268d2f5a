//! HTML's tree-construction rules, as far as they decide what a reader sees: the stack of
//! open elements with implied end tags, `<html>`, `<head>` and `<body>` implied and placed,
//! the head ended by body content, rows given their `<tbody>`, quirks mode's `<table>` in a
//! `<p>`, foreign content ended by HTML, the list of active formatting elements and the
//! adoption agency algorithm for misnested end tags.

use super::*;

/// An entry of HTML's list of active formatting elements.
#[derive(Clone, Copy)]
pub(super) enum Formatting {
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

impl<'h> State<'h> {
    /// The position in the list of active formatting elements of the last `tag` after the
    /// last marker.
    pub(super) fn active_formatting(&self, tag: Tag) -> Option<usize> {
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
    pub(super) fn push_formatting(&mut self, node: u32, tag: Tag, start_tag: (u32, u32)) {
        let html = self.html;
        let attributes = |(start, end): (u32, u32)| {
            let raw = &html[start as usize..end as usize];
            raw[1 + tag.name().len().min(raw.len() - 1)..].trim_end_matches(&['>', '/'][..])
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
    pub(super) fn reconstruct_formatting(&mut self, at: usize) {
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
    pub(super) fn adopt(&mut self, tag: Tag) -> bool {
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

    /// Whether the current node is where a table expects rows ([`Tag::expects_rows`]).
    fn expects_rows(&self) -> bool {
        self.stack.last().is_some_and(|f| f.tag.expects_rows())
    }

    /// The element content of this tag is given to where the table context it meets is
    /// open (a table, a row group or a row, no cell): the table's parent.
    fn foster_parent(&self, tag: Tag) -> Option<u32> {
        if !self.expects_rows() || tag.belongs_in_table() {
            return None;
        }
        let table = self.stack.iter().rposition(|f| f.tag == Tag::Table)?;
        Some(self.stack.get(table.checked_sub(1)?)?.node)
    }

    /// A table's rows and cells go into the table, not into what a page opened between them
    /// (`<tr><a name=x><td>`, `<table><form><tr>`): browsers move such elements out in front
    /// of the table ("foster parenting") and, at the next row or cell, clear the stack back
    /// to the row, the row group or the table. Here they end where that row or cell begins.
    pub(super) fn clear_to_table_context(&mut self, tag: Tag, at: usize) {
        use Tag::*;
        let context: &[Tag] = match tag {
            Td | Th => &[Tr, Tbody, Thead, Tfoot, Table],
            Tr => &[Tbody, Thead, Tfoot, Table],
            Tbody | Thead | Tfoot | Caption | Colgroup => &[Table],
            _ => return,
        };
        let depth = self.open_tags.len();
        let found = self
            .open_tags
            .iter()
            .rev()
            .take(1024)
            .position(|t| context.contains(t) || matches!(t, Html | Template));
        if let Some(above) = found {
            if context.contains(&self.open_tags[depth - 1 - above]) {
                for _ in 0..above {
                    self.pop(at);
                }
            }
        }
    }

    /// Rows and cells placed straight in a `<table>` get the `<tbody>` (and `<tr>`) the
    /// tree builder gives them, so a raw page's table reads as the browser's does.
    pub(super) fn imply_table_rows(&mut self, tag: Tag, at: usize) {
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

    /// Closes what a start tag of `tag` at `at` implicitly ends: an open `<p>`, list item,
    /// cell, row or table its kind ends, and foreign content it breaks out of.
    fn close_implied_by(&mut self, tag: Tag, at: usize) {
        let counts = &self.open_counts;
        let mut closes = if tag == Tag::Table && self.quirks && !self.expects_rows() {
            // In quirks mode a table stays inside an open `<p>`.
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
            self.pop(at);
        }
    }

    /// Inserts an element: closes what its start tag implicitly ends, adds it to the arena,
    /// and opens it unless it is void. `raw` is its start tag (empty for an element the
    /// tree-construction rules imply, such as a `<body>` the page leaves out).
    pub(super) fn open_element(
        &mut self,
        range: std::ops::Range<usize>,
        raw: &'h str,
        name: &str,
        tag: Tag,
    ) {
        self.close_implied_by(tag, range.start);
        self.pos = range.end;
        if self.nodes.len() >= MAX_NODES {
            return;
        }
        let (parent, parent_inherited, depth) = match self.stack.last() {
            Some(f) => (f.node, f.inherited, self.nodes[f.node as usize].depth + 1),
            None => (NONE, 0, 0),
        };
        // Content where a table expects rows is moved out in front of the table by browsers
        // ("foster parenting"). The arena cannot move it, but it counts for the table's
        // parent, so that the choice sees it where the DOM has it.
        let (parent, depth) = self
            .foster_parent(tag)
            .map_or((parent, depth), |p| (p, self.nodes[p as usize].depth + 1));
        let index = self.nodes.len() as u32;
        let own = SelfCounts::of(tag);
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
            paragraphs: own.paragraphs,
            images: own.images,
            list_items: own.list_items,
            inputs: own.inputs,
            embeds: own.embeds,
            heading_chars: 0,
            element_children: 0,
            name_hash: if tag == Tag::Other { fnv(name) } else { 0 },
            block: if tag.is_block() {
                index
            } else {
                self.stack.last().map_or(NONE, |f| f.block)
            },
        };
        node.images += u32::from(node.is_image() && tag != Tag::Img);
        let own = self.read_attributes(index, raw, tag, name, &mut node);
        if parent != NONE {
            self.nodes[parent as usize].element_children += 1;
        }
        let in_head = tag == Tag::Head || std::mem::take(&mut self.after_head);
        let inherited = parent_inherited | passed_down(tag, own, in_head);
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
        if own & (LD_JSON | HYDRATION) != 0 {
            self.script_buf = Some(String::new());
        }
    }

    /// Applies the tree-construction rules that decide what is head and what is body before
    /// a start tag at `at` is inserted, as browsers do: `<html>`, `<head>` and `<body>` are
    /// implied where the page leaves them out; any element that does not belong in the head
    /// ends it (with or without `</head>` and `<body>`); a second `<html>`, `<head>` or
    /// `<body>` tag only adds attributes. Returns false for a tag that makes no element.
    pub(super) fn place_in_document(&mut self, tag: Tag, name: &str, raw: &str, at: usize) -> bool {
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
    pub(super) fn imply_html(&mut self, at: usize) {
        if !self.seen_html {
            self.seen_html = true;
            self.open_element(at..at, "", "html", Tag::Html);
        }
    }

    /// Body content begins at `at`: the head ends, and the body is implied unless its own
    /// start tag is what comes (`explicit`).
    pub(super) fn begin_body(&mut self, at: usize, explicit: bool) {
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
        self.foreign_depth_in(&self.stack)
    }

    /// Whether the current element was inserted in SVG or MathML content (not at an HTML
    /// integration point), where no element's text is raw text.
    pub(super) fn in_foreign_content(&self) -> bool {
        let counts = &self.open_counts;
        counts[Tag::Svg as usize] + counts[Tag::Math as usize] > 0 && {
            let below = self.stack.len().saturating_sub(1);
            self.foreign_depth_in(&self.stack[..below]) > 0
        }
    }

    /// [`State::foreign_content_depth`] for the elements of `stack`.
    fn foreign_depth_in(&self, stack: &[Frame]) -> usize {
        let integration = [fnv("foreignobject"), fnv("desc")];
        for (k, f) in stack.iter().enumerate().rev().take(1024) {
            let node = &self.nodes[f.node as usize];
            match f.tag {
                Tag::Svg | Tag::Math => return stack.len() - k,
                Tag::Title => return 0,
                Tag::Other if integration.contains(&node.name_hash) => return 0,
                _ => {}
            }
        }
        0
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
        let outer = self.end_before_block(slot, formatting, fb);
        self.make_room_after(fb, slot, f, outer, block.paragraphs_at_open);
        self.copy_into_block(slot, formatting, block);
        true
    }

    /// The formatting element at `slot` ends where the block above it (`fb`) starts, and the
    /// block becomes the formatting element's sibling. Returns their parent.
    fn end_before_block(&mut self, slot: usize, formatting: Frame, fb: u32) -> u32 {
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

        outer
    }

    /// Inserting the copy right after the block `fb` moves every later element up by one:
    /// the arena, the text runs, the open frames above `slot`, the paragraphs recorded since
    /// the block opened, the metadata, the formatting list and the copies follow.
    fn make_room_after(&mut self, fb: u32, slot: usize, f: u32, outer: u32, paragraphs_from: u32) {
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
        for p in &mut self.paragraphs[paragraphs_from as usize..] {
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
    }

    /// The copy of the formatting element at `slot` (now the block's place) goes into the block
    /// `block`, right after it in the arena, and takes the block's content so far.
    fn copy_into_block(&mut self, slot: usize, formatting: Frame, block: Frame) {
        let (f, fb) = (formatting.node, block.node);
        let copy = fb + 1;
        let content_start = self.nodes[fb as usize].tag_end;
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
        let own = SelfCounts::of(outer_block.tag);
        // What the block counted of its content so far (it keeps what it counts of itself).
        let content = |total: &mut u32, of_itself: u32| {
            let rest = total.saturating_sub(of_itself);
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
            paragraphs: content(&mut outer_block.paragraphs, own.paragraphs),
            images: content(&mut outer_block.images, own.images),
            list_items: content(&mut outer_block.list_items, own.list_items),
            inputs: content(&mut outer_block.inputs, own.inputs),
            embeds: content(&mut outer_block.embeds, own.embeds),
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
    pub(super) fn pop(&mut self, at: usize) {
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
        let flags = self.nodes[frame.node as usize].flags;
        if flags & LD_JSON != 0 {
            if let Some(s) = self.script_buf.take() {
                self.meta.json_ld.push(s);
            }
        } else if flags & HYDRATION != 0 {
            let state = self.script_buf.take();
            if self.meta.hydration.is_none() {
                self.meta.hydration = state;
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
}

/// What an element counts of itself in the statistics its ancestors sum up.
struct SelfCounts {
    paragraphs: u32,
    images: u32,
    list_items: u32,
    inputs: u32,
    embeds: u32,
}

impl SelfCounts {
    fn of(tag: Tag) -> SelfCounts {
        SelfCounts {
            paragraphs: u32::from(tag == Tag::P),
            images: u32::from(tag == Tag::Img),
            list_items: u32::from(tag == Tag::Li),
            inputs: u32::from(tag.is_form_control()),
            embeds: u32::from(matches!(tag, Tag::Embed | Tag::Object | Tag::Iframe)),
        }
    }
}

/// The flags an element passes down to everything inside it, from its own flags and tag.
fn passed_down(tag: Tag, own: u32, in_head: bool) -> u32 {
    let mut inherited = 0;
    if own & (HIDDEN | NOISE_ROLE) != 0 {
        inherited |= IN_HIDDEN;
    }
    if tag.is_never_content() {
        inherited |= IN_NEVER;
    }
    if in_head {
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
    inherited
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
    fn rows_and_cells_clear_what_was_opened_between_them() {
        // Browsers foster `<a name>` and `<form>` out of the table; the cells stay in the row.
        let t = tree("<table><tr><a name=x><td>one</td></tr><form><tr><td>two</table>");
        let parents: Vec<&str> = t
            .iter()
            .filter(|(tag, _)| tag == "td" || tag == "tr")
            .map(|(_, parent)| parent.as_str())
            .collect();
        assert_eq!(parents, ["tbody", "tr", "tbody", "tr"]);
    }

    #[test]
    fn formatting_cut_short_by_a_block_is_reopened_after_it() {
        // `<p><i>a<p>b`: browsers reopen the <i> in the second paragraph.
        let s = scan("<p><i>one<p>two</i><p>three", None).unwrap();
        let owner_of = |word: &str| {
            let run = s.texts.iter().find(|t| s.raw_text(t) == word).unwrap();
            let owner = &s.nodes[run.owner as usize];
            (owner.tag, s.nodes[owner.parent as usize].tag)
        };
        assert_eq!(owner_of("one"), (Tag::I, Tag::P));
        assert_eq!(owner_of("two"), (Tag::I, Tag::P), "the <i> is reopened");
        assert_eq!(owner_of("three"), (Tag::P, Tag::Body), "</i> ended it");
        let copy = s.texts.iter().find(|t| s.raw_text(t) == "two");
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
            let run = s.texts.iter().find(|t| s.raw_text(t) == word).unwrap();
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
    fn unclosed_elements_end_at_the_end_of_input() {
        let html = "<div><p>open";
        let s = scan(html, None).unwrap();
        assert!(s.nodes.iter().all(|n| n.end as usize == html.len()));
    }
}

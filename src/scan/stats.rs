//! The statistics of the arena: text measured as the page shows it, paragraph runs (a
//! paragraph-like element's text, or bare text in a block, ended by a block or `<br><br>`),
//! and what an element adds to its parent's counts when it ends.

use super::*;

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

impl<'h> State<'h> {
    /// The frame of the innermost open block.
    pub(super) fn block_frame(&mut self) -> Option<&mut Frame> {
        let slot = self.stack.last()?.block_slot;
        self.stack.get_mut(slot as usize)
    }

    pub(super) fn on_br(&mut self) {
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
    pub(super) fn flush_paragraph(&mut self) {
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

    /// Sets the element's end and adds its statistics to its parent's.
    pub(super) fn finish_node(&mut self, index: u32, at: usize, inherited: u32) {
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
            // Hidden and never-content subtrees add nothing visible to their ancestors; a
            // visible frame still counts as their embed (the reader leaves it out), and a
            // choice as their input (a quiz's or a poll's radio buttons condemn its box; other
            // controls count for their own element only: a page inside one `<form>` with a
            // search box is no form).
            let embeds = node.embeds;
            // (A `<label>` around its choice passes it on.)
            let choices = if node.tag.is_form_control() {
                u32::from(node.flags & CHOICE_INPUT != 0)
            } else {
                node.inputs
            };
            if parent != NONE && inherited & IN_HIDDEN == 0 && node.flags & HIDDEN == 0 {
                let p_node = &mut self.nodes[parent as usize];
                p_node.embeds += embeds;
                p_node.inputs += choices;
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `measure` as its definition reads, one character at a time.
    fn measure_by_chars(text: &str) -> (u32, u32) {
        let (mut chars, mut commas, mut after_space) = (0, 0, true);
        for c in text.chars() {
            let space = if c.is_ascii() {
                c.is_ascii_whitespace()
            } else {
                c.is_whitespace()
            };
            if !(space && after_space) {
                chars += 1;
            }
            if matches!(
                c,
                ',' | '،' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '，' | '、'
            ) {
                commas += 1;
            }
            after_space = space;
        }
        (chars, commas)
    }

    #[test]
    fn measure_counts_characters_and_commas_as_written() {
        for text in [
            "",
            "   ",
            "Hello,  world, again. ",
            " 서울=연합뉴스)  홍길동 기자 = 정부는、 \u{3000}\u{3000}오늘，발표했다 ",
            "a\u{a0}\u{a0}b\u{85}c \u{2003}\u{2009} d\u{202f}e\u{205f}\u{1680}f",
            "قال، ثم ⹁⸴⸲ ﹐︐︑ ok",
            "Ⓒ ½ é ü — “quotes” ‘x’ … \u{2e80}\u{fe0f}\u{ff41}",
            "\t\n\r\u{c} \u{b}x",
        ] {
            assert_eq!(measure(text), measure_by_chars(text), "{text:?}");
        }
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
}

//! Markup helpers shared by the stages: reading a start tag's name and attributes straight from
//! the page's bytes (lol_html tells where a tag is; reading it ourselves avoids a `String` per
//! element), and folding whitespace (character references: `charref`).

/// The lowercase-insensitive tag name of a raw start tag `<name ...>`.
pub fn tag_name(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    let start = usize::from(bytes.first() == Some(&b'<'));
    let end = bytes[start..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |p| start + p);
    &raw[start..end]
}

/// Iterates over the attributes of a raw start tag as (name, raw value) pairs; values keep their
/// character references (decode with [`crate::charref::decode_attribute`]).
pub fn attributes(raw: &str) -> Attributes<'_> {
    let name_len = tag_name(raw).len() + usize::from(raw.starts_with('<'));
    Attributes { raw, pos: name_len }
}

pub struct Attributes<'a> {
    raw: &'a str,
    pos: usize,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.raw.as_bytes();
        let mut i = self.pos;
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                self.pos = i;
                return None;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            // A lone '/' or stray '=' would stall the scan: always move forward.
            if i == name_start {
                i += 1;
                continue;
            }
            let name = &self.raw[name_start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() || b[i] != b'=' {
                self.pos = i;
                return Some((name, ""));
            }
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let quote = b[i];
                let start = i + 1;
                let end = memchr::memchr(quote, &b[start..]).map_or(b.len(), |p| start + p);
                i = (end + 1).min(b.len());
                &self.raw[start..end]
            } else {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                &self.raw[start..i]
            };
            self.pos = i;
            return Some((name, value));
        }
    }
}

/// Where the tag whose attributes start at `from` ends: just past its `>`, read as the
/// tokenizer reads it (a `>` inside a quoted value does not end it), or the end of `raw`.
pub fn tag_end(raw: &str, from: usize) -> usize {
    let mut attributes = Attributes { raw, pos: from };
    attributes.by_ref().for_each(drop);
    (attributes.pos + 1).min(raw.len())
}

/// Whether `needle` occurs in `hay`, for the short texts and words the stages compare on
/// every block and class: core's substring searcher costs more to set up than such a search
/// takes (in wasm most of all, where it has no vector path). Linear in `hay` times `needle`.
pub fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| hay[i + 1..].starts_with(rest))
}

/// Whether `needle` (lowercase) occurs in `hay` in any ASCII case (`articleSummary` holds
/// `summary`).
pub fn contains_any_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The raw value of the first attribute called `name` (ASCII case-insensitive).
pub fn attribute<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    attributes(raw)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// Lowercasing for comparing words, without the standard library's Unicode case tables (8.6
/// KB of the gzipped `.wasm`): the capitals of ASCII, Latin-1, Latin Extended-A, and Greek's
/// and Cyrillic's basic alphabets (`Α`–`Ω`, `Ѐ`–`Я`) fold as [`char::to_lowercase`] folds
/// them (a test checks every one); other letters stay as written (Hangul has no case).
pub trait FoldCase {
    /// The text with its capitals folded (see [`FoldCase`]).
    fn fold_case(&self) -> String;
}

impl FoldCase for str {
    fn fold_case(&self) -> String {
        self.chars().map(fold_char).collect()
    }
}

/// One character folded (see [`FoldCase`]).
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 32
        }
        0x400..=0x40F => u + 80,
        0x178 => 0xFF,
        // Latin Extended-A pairs capital and small side by side: even capitals, then (from
        // Ĺ to Ň and from Ź to Ž) odd ones; İ (U+0130) folds to `i` and a combining dot.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

/// Folds every run of whitespace (including no-break spaces) into one space, trimming the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut folded = Folded::with_capacity(s.len());
    folded.push(s);
    folded.into_string()
}

/// Whether a byte of UTF-8 text is no part of a whitespace character: visible ASCII, and
/// every byte of a multi-byte character that does not start with one of the four lead bytes
/// that Unicode's spaces (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) start with.
fn never_space(b: u8) -> bool {
    b.is_ascii_graphic() || b >= 0x80 && !matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3)
}

/// Whether the character at byte `i` is whitespace (as `char::is_whitespace` says, like
/// U+00A0), and its length.
fn space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        b @ 0..=0x7f => (matches!(b, b'\t'..=b'\r' | b' '), 1),
        _ => {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        }
    }
}

/// A piece of text cut at whitespace, see [`pieces`].
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    /// Text without whitespace, except single ASCII spaces between words (which folding
    /// whitespace leaves as they are).
    Text(&'a str),
    /// A run of whitespace.
    Space,
}

/// Cuts text at its whitespace runs: the same words as `split_whitespace`, fewer pieces.
pub fn pieces(s: &str) -> Pieces<'_> {
    Pieces { s, i: 0 }
}

pub struct Pieces<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        // Bytes, not chars: ASCII decides most of it; a multi-byte character is decoded only
        // when it may be a Unicode space.
        let bytes = self.s.as_bytes();
        let start = self.i;
        if start >= bytes.len() {
            return None;
        }
        let (space, len) = space_at(self.s, start);
        let mut i = start + len;
        if space {
            while i < bytes.len() {
                let (space, len) = space_at(self.s, i);
                if !space {
                    break;
                }
                i += len;
            }
            self.i = i;
            return Some(Piece::Space);
        }
        while i < bytes.len() {
            // The tight loop that skips most of any text.
            if never_space(bytes[i])
                || bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|b| never_space(*b))
            {
                i += 1;
                continue;
            }
            let (space, len) = space_at(self.s, i);
            if space {
                break;
            }
            i += len;
        }
        self.i = i;
        Some(Piece::Text(&self.s[start..i]))
    }
}

/// Text folded as it arrives (what [`fold_whitespace`] gives for all the pieces joined), so
/// that a caller gathering text piece by piece can stop as soon as it is long enough.
pub struct Folded {
    out: String,
    /// Whitespace seen since the last visible character: the next one is preceded by a space.
    space: bool,
}

impl Folded {
    pub fn with_capacity(capacity: usize) -> Self {
        Folded {
            out: String::with_capacity(capacity),
            space: false,
        }
    }

    /// Appends a piece, as if it were whitespace.
    pub fn push_space(&mut self) {
        self.space = true;
    }

    pub fn push(&mut self, s: &str) {
        for piece in pieces(s) {
            match piece {
                Piece::Text(t) => self.push_word(t),
                Piece::Space => self.space = true,
            }
        }
    }

    fn push_word(&mut self, word: &str) {
        if self.space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.space = false;
        self.out.push_str(word);
    }

    /// Bytes so far (only grows).
    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn into_string(self) -> String {
        self.out
    }
}

/// The input stream as HTML's preprocessing and tree builder leave it: every CR LF pair and
/// lone CR become LF (the browser's DOM never holds a CR, so its `outerHTML` has none
/// either), and NUL characters, which the body's text ignores, are dropped.
pub fn preprocess_input(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let Some(first) = memchr::memchr2(b'\r', 0, bytes) else {
        return std::borrow::Cow::Borrowed(html);
    };
    let mut out = String::with_capacity(html.len());
    out.push_str(&html[..first]);
    let mut i = first;
    while let Some(off) = memchr::memchr2(b'\r', 0, &bytes[i..]) {
        out.push_str(&html[i..i + off]);
        let at = i + off;
        i = at + 1;
        if bytes[at] == b'\r' {
            out.push('\n');
            if bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
        }
    }
    out.push_str(&html[i..]);
    std::borrow::Cow::Owned(out)
}

/// The text of an HTML fragment (tags dropped, references decoded, whitespace folded): for
/// markup that a CMS leaked, escaped, into a title or an `alt`.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !is_tag {
            out.push('<');
            rest = after;
            continue;
        }
        match after.find('>') {
            Some(gt) => rest = &after[gt + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    fold_whitespace(&crate::charref::decode_text(&out))
}

/// Text that held escaped markup (`&lt;a href…&gt;name&lt;/a&gt;`, already decoded once as
/// the page's text or attribute): stripped of its tags if it holds any, whitespace folded. A
/// lone `<네이버>` credit is not a tag and stays.
pub fn clean_leaked_markup(decoded: &str) -> String {
    // Escaped twice (`&amp;quot;월세&amp;quot;`, as some Korean CMSs write their meta titles):
    // the quotes and brackets a second decoding gives are the headline's.
    let twice;
    let decoded = if decoded.contains('&') && DOUBLY_ESCAPED.iter().any(|e| contains(decoded, e)) {
        twice = crate::charref::decode_text(decoded).into_owned();
        twice.as_str()
    } else {
        decoded
    };
    if looks_like_markup(decoded) {
        strip_tags(decoded)
    } else {
        fold_whitespace(decoded)
    }
}

/// References left in text after it was decoded once: the text was escaped twice.
const DOUBLY_ESCAPED: &[&str] = &[
    "&quot;", "&#39;", "&#039;", "&#34;", "&apos;", "&lt;", "&gt;", "&amp;",
];

fn looks_like_markup(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "<a ", "</a>", "<b>", "</b>", "<span", "</span>", "<br", "<strong", "<em>", "<i>", "<font",
    ]
    .iter()
    .any(|t| contains(&lower, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_case_folds_as_the_standard_library_where_it_folds() {
        let std_single = |c: char| {
            let mut l = c.to_lowercase();
            let first = l.next().unwrap();
            l.next().is_none().then_some(first)
        };
        // Every character of the blocks it covers folds as the standard library folds it.
        let covered = (0..0x180u32).chain(0x391..0x3AC).chain(0x400..0x430);
        for c in covered.filter_map(char::from_u32).filter(|&c| c != 'İ') {
            assert_eq!(Some(fold_char(c)), std_single(c), "U+{:04X}", c as u32);
        }
        // Elsewhere it changes nothing, or changes a letter as the standard library does.
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let ours = fold_char(c);
            assert!(
                ours == c || Some(ours) == std_single(c),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(
            "TRANSFORMATIONSLABOR ERNÄHRUNG".fold_case(),
            "transformationslabor ernährung"
        );
        assert_eq!(
            "SUSCRÍBETE Ŝ Ω Я Ё 한국".fold_case(),
            "suscríbete ŝ ω я ё 한국"
        );
    }

    #[test]
    fn contains_any_case_reads_class_names_as_written() {
        assert!(contains_any_case(
            "<div class=\"articleSummary\">",
            "summary"
        ));
        assert!(contains_any_case("SUMMARY", "summary"));
        assert!(!contains_any_case("<div class=\"summ\">", "summary"));
    }

    #[test]
    fn text_escaped_twice_is_decoded_again() {
        assert_eq!(
            clean_leaked_markup("&quot;월세&quot; 지원"),
            "\"월세\" 지원"
        );
        assert_eq!(clean_leaked_markup("A & B"), "A & B");
    }

    #[test]
    fn contains_agrees_with_the_standard_search() {
        for (hay, needle) in [
            ("", ""),
            ("", "a"),
            ("ab", ""),
            ("aaab", "aab"),
            ("ad_slot", "ad_"),
            ("head-ad", "ad_"),
            ("ⓒ 저작권자 무단전재", "무단전재"),
            ("무단전", "무단전재"),
            ("xyz", "xyz"),
            ("xy", "xyz"),
        ] {
            assert_eq!(
                contains(hay, needle),
                hay.contains(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn reads_tag_names_and_attributes() {
        let raw = "<A HREF='x.html?a=1&amp;b=2' class=\"human_link\" data-x=y disabled>";
        assert_eq!(tag_name(raw), "A");
        let attrs: Vec<_> = attributes(raw).collect();
        assert_eq!(
            attrs,
            vec![
                ("HREF", "x.html?a=1&amp;b=2"),
                ("class", "human_link"),
                ("data-x", "y"),
                ("disabled", "")
            ]
        );
        assert_eq!(attribute(raw, "href"), Some("x.html?a=1&amp;b=2"));
        assert_eq!(attribute("<img src=a.jpg/>", "src"), Some("a.jpg/"));
        assert_eq!(attribute("<br/>", "x"), None);
    }

    #[test]
    fn attribute_reader_survives_garbage() {
        for raw in [
            "<a = = '>",
            "<a \"\"\"",
            "<a b='unterminated",
            "<",
            "<a/////>",
            "<a =x>",
        ] {
            let _ = attributes(raw).count();
        }
    }

    #[test]
    fn folds_whitespace() {
        assert_eq!(fold_whitespace("  a \n\t b\u{a0}c  "), "a b c");
        assert_eq!(fold_whitespace(""), "");
        assert_eq!(fold_whitespace("   "), "");
        assert_eq!(fold_whitespace("한국어  기사"), "한국어 기사");
        // Every space `char::is_whitespace` knows, ASCII (vertical tab too) or not.
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "a\u{b}b\u{c}c\rd",
            "x\u{85}y\u{3000}z\u{2009}",
            "\u{1c}a\u{200b}b é ",
        ] {
            assert_eq!(fold_whitespace(s), reference(s), "{s:?}");
        }
        // never_space knows the lead byte of every non-ASCII space.
        for c in (char::MIN..=char::MAX).filter(|c| c.is_whitespace() && !c.is_ascii()) {
            let mut utf8 = [0; 4];
            assert!(
                !never_space(c.encode_utf8(&mut utf8).as_bytes()[0]),
                "{c:?}"
            );
        }
        let cut: Vec<Piece> = pieces(" a b  c\u{a0}d ").collect();
        use Piece::{Space, Text};
        assert_eq!(
            cut,
            [
                Space,
                Text("a b"),
                Space,
                Text("c"),
                Space,
                Text("d"),
                Space
            ]
        );
        // Pieces fold as their concatenation does; a word may span pieces.
        let mut folded = Folded::with_capacity(0);
        for piece in [" on", "e ", "", "  two", "\u{a0}", "three", " "] {
            folded.push(piece);
        }
        folded.push_space();
        folded.push("four");
        assert_eq!(folded.into_string(), "one two three four");
    }

    #[test]
    fn cleans_markup_leaked_into_titles_but_keeps_bracketed_credits() {
        let title = "빛 볼까, &lt;a href=&#x27;https://x/?a=1&amp;b=2&#x27; class=&#x27;human_link&#x27;&gt;이해진&lt;/a&gt; 지켜온";
        let decoded = crate::charref::decode_attribute(title);
        assert_eq!(clean_leaked_markup(&decoded), "빛 볼까, 이해진 지켜온");
        assert_eq!(
            clean_leaked_markup("발표하고 있다. <네이버>"),
            "발표하고 있다. <네이버>"
        );
    }
}

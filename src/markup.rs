//! Markup helpers shared by the stages: reading a start tag's name and attributes straight from
//! the page's bytes (lol_html tells where a tag is; reading it ourselves avoids a `String` per
//! element), decoding character references, and folding whitespace.

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
/// character references (decode with [`decode_entities`]).
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
                self.pos = b.len();
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

/// The raw value of the first attribute called `name` (ASCII case-insensitive).
pub fn attribute<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    attributes(raw)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// Decodes character references (`&amp;`, `&#39;`, `&#x27;`, the common named ones).
/// Unknown names stay as written, as browsers do.
pub fn decode_entities(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((decoded, used)) => {
                out.push_str(&decoded.as_str());
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

impl Decoded {
    fn as_str(&self) -> String {
        match self {
            Decoded::Char(c) => c.to_string(),
            Decoded::Str(s) => (*s).to_string(),
        }
    }
}

/// Decodes the reference at the start of `s` (which begins with '&'): (text, bytes used).
fn decode_one(s: &str) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, digits_start) = match b.get(2) {
            Some(b'x') | Some(b'X') => (true, 3),
            _ => (false, 2),
        };
        let digits_end = b[digits_start..]
            .iter()
            .position(|c| {
                !(if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                })
            })
            .map_or(b.len(), |p| digits_start + p);
        if digits_end == digits_start || digits_end - digits_start > 8 {
            return None;
        }
        let n =
            u32::from_str_radix(&s[digits_start..digits_end], if hex { 16 } else { 10 }).ok()?;
        let c = match n {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252_c1(n),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        let used = digits_end + usize::from(b.get(digits_end) == Some(&b';'));
        return Some((Decoded::Char(c), used));
    }
    let name_end = b[1..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len(), |p| 1 + p);
    if name_end == 1 {
        return None;
    }
    let name = &s[1..name_end];
    let has_semicolon = b.get(name_end) == Some(&b';');
    let value = named_entity(name)?;
    Some((Decoded::Str(value), name_end + usize::from(has_semicolon)))
}

fn windows_1252_c1(n: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    TABLE[(n - 0x80) as usize]
}

/// The named references that real pages use (Latin-1, typography, arrows, maths basics).
/// The full HTML table has 2,231 names; this subset keeps the `.wasm` small, and browsers'
/// `outerHTML` (the extension's input) only ever writes `&amp; &lt; &gt; &quot; &nbsp;`.
fn named_entity(name: &str) -> Option<&'static str> {
    const LATIN1: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
        "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
        "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
        "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
        "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    const LATIN1_CHARS: &str = "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ";
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        let (start, c) = LATIN1_CHARS.char_indices().nth(i)?;
        return Some(&LATIN1_CHARS[start..start + c.len_utf8()]);
    }
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "prime" => "′",
        "Prime" => "″",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "trade" => "™",
        "euro" => "€",
        "dagger" => "†",
        "Dagger" => "‡",
        "permil" => "‰",
        "thinsp" => "\u{2009}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "zwnj" => "\u{200C}",
        "zwj" => "\u{200D}",
        "lrm" => "\u{200E}",
        "rlm" => "\u{200F}",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "harr" => "↔",
        "minus" => "−",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "asymp" => "≈",
        "infin" => "∞",
        "OElig" => "Œ",
        "oelig" => "œ",
        "Scaron" => "Š",
        "scaron" => "š",
        "Yuml" => "Ÿ",
        "fnof" => "ƒ",
        "circ" => "ˆ",
        "tilde" => "˜",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "pi" => "π",
        "mu" => "μ",
        "sigma" => "σ",
        "omega" => "ω",
        "hearts" => "♥",
        "star" => "☆",
        "starf" => "★",
        "check" => "✓",
        "laquo" => "«",
        "raquo" => "»",
        // HTML5's names for ASCII punctuation: `java&colon;script` must read as a scheme.
        "colon" => ":",
        "Tab" => "\t",
        "NewLine" => "\n",
        "lpar" => "(",
        "rpar" => ")",
        "sol" => "/",
        "bsol" => "\\",
        "period" => ".",
        "comma" => ",",
        "semi" => ";",
        "excl" => "!",
        "quest" => "?",
        "num" => "#",
        "percnt" => "%",
        "plus" => "+",
        "equals" => "=",
        "lowbar" => "_",
        "ast" => "*",
        "commat" => "@",
        "lsqb" => "[",
        "rsqb" => "]",
        "lcub" => "{",
        "rcub" => "}",
        "verbar" => "|",
        "Hat" => "^",
        "grave" => "`",
        "dollar" => "$",
        _ => return None,
    })
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

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    pub fn into_string(self) -> String {
        self.out
    }
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
    fold_whitespace(&decode_entities(&out))
}

/// Text that may hold escaped markup (`&lt;a href…&gt;name&lt;/a&gt;`): decoded, and if the
/// result holds tags, stripped of them. A lone `<네이버>` credit is not a tag and stays.
pub fn clean_leaked_markup(raw: &str) -> String {
    let decoded = decode_entities(raw);
    if looks_like_markup(&decoded) {
        strip_tags(&decoded)
    } else {
        fold_whitespace(&decoded)
    }
}

fn looks_like_markup(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "<a ", "</a>", "<b>", "</b>", "<span", "</span>", "<br", "<strong", "<em>", "<i>", "<font",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn decodes_references() {
        assert_eq!(
            decode_entities("R&amp;D &ldquo;x&rdquo; &#x27;y&#39; &eacute;&nbsp;"),
            "R&D “x” 'y' é\u{a0}"
        );
        assert_eq!(decode_entities("a & b &unknown; &#"), "a & b &unknown; &#");
        assert_eq!(
            decode_entities("&#150;&#0;&#99999999999;"),
            "–\u{FFFD}&#99999999999;"
        );
    }

    #[test]
    fn cleans_markup_leaked_into_titles_but_keeps_bracketed_credits() {
        let title = "빛 볼까, &lt;a href=&#x27;https://x/?a=1&amp;b=2&#x27; class=&#x27;human_link&#x27;&gt;이해진&lt;/a&gt; 지켜온";
        assert_eq!(clean_leaked_markup(title), "빛 볼까, 이해진 지켜온");
        assert_eq!(
            clean_leaked_markup("발표하고 있다. &lt;네이버&gt;"),
            "발표하고 있다. <네이버>"
        );
    }
}

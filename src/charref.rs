//! Character references, read as the HTML tokenizer's character reference state reads them.
//!
//! Raw pages (the CLI's input) write `&amp;`, `&#39;` and `&nbsp` in text and attributes; the
//! browser's `outerHTML` (the extension's input) writes only `&amp; &lt; &gt; &quot; &nbsp;`.
//! Both must read the same, so the rules are the standard's, not a guess:
//! - the whole named table (generated into `table.rs` by `scripts/gen-charrefs.py`; feature
//!   `all-charrefs`). The wasm build leaves it out for `table_html4.rs`, HTML 4.01's names,
//!   `apos` and the legacy ones (11.8 KB less of the gzipped .wasm): the browser has read the
//!   page, and its serialization writes only the five names above; what still reaches the
//!   engine undecoded is text that is not HTML (JSON-LD) or that a CMS escaped twice, where
//!   the names old CMSs write are HTML 4's;
//! - only the legacy names (`amp`, `lt`, `copy`, `not`, the Latin-1 set…) may omit the `;`,
//!   and the longest legacy name that prefixes the letters wins (`&noti;` is `¬i;`);
//! - in an attribute value a reference without `;` followed by `=` or a letter or digit stays
//!   as written, so URLs keep their parameters (`?a=1&copy=2`, `&num=5`);
//! - numeric references: 0, surrogates and values past U+10FFFF become U+FFFD, and 0x80–0x9F
//!   map through windows-1252.

use std::borrow::Cow;

#[cfg_attr(not(feature = "all-charrefs"), path = "charref/table_html4.rs")]
mod table;

/// Where the text being decoded came from: the rules differ only for unterminated references.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Context {
    Text,
    Attribute,
}

/// Decodes the character references in text content.
pub fn decode_text(raw: &str) -> Cow<'_, str> {
    decode(raw, Context::Text)
}

/// Decodes the character references in an attribute value.
pub fn decode_attribute(raw: &str) -> Cow<'_, str> {
    decode(raw, Context::Attribute)
}

/// Decodes every character reference in `raw`; a string without `&` is returned as it is.
pub fn decode(raw: &str, context: Context) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', raw.as_bytes()) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while !rest.is_empty() {
        // `rest` starts with '&'.
        let used = match reference(rest, context) {
            Some((decoded, used)) => {
                decoded.push_to(&mut out);
                used
            }
            None => {
                out.push('&');
                1
            }
        };
        rest = &rest[used..];
        let next = memchr::memchr(b'&', rest.as_bytes()).unwrap_or(rest.len());
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    Cow::Owned(out)
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

impl Decoded {
    fn push_to(&self, out: &mut String) {
        match self {
            Decoded::Char(c) => out.push(*c),
            Decoded::Str(s) => out.push_str(s),
        }
    }
}

/// The reference at the start of `s` (which begins with `&`), and how many bytes it takes;
/// `None` when `&` starts no reference and stays as written.
fn reference(s: &str, context: Context) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        return numeric(b);
    }
    let letters = b[1..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len() - 1, |p| p);
    if letters == 0 {
        return None;
    }
    let name = &s[1..1 + letters];
    let after = b.get(1 + letters).copied();
    if after == Some(b';') {
        if let Some(i) = find(name) {
            return Some((Decoded::Str(value(i)), letters + 2));
        }
    }
    // Without its semicolon only a legacy name counts: the longest that prefixes the letters.
    let longest = (2..=letters.min(LONGEST_LEGACY_NAME))
        .rev()
        .find_map(|len| {
            let i = find(&name[..len])?;
            is_legacy(i).then_some((i, len))
        })?;
    let (i, len) = longest;
    let next = b.get(1 + len).copied();
    if context == Context::Attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric())
    {
        return None;
    }
    Some((Decoded::Str(value(i)), len + 1))
}

/// `&#…` / `&#x…`: (the character, bytes used), or `None` when no digit follows.
fn numeric(b: &[u8]) -> Option<(Decoded, usize)> {
    let hex = matches!(b.get(2), Some(b'x' | b'X'));
    let start = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(d) = b.get(end).and_then(|c| char::from(*c).to_digit(radix)) {
        // Saturate past the Unicode range: any longer run of digits is the same error.
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    let used = end + usize::from(b.get(end) == Some(&b';'));
    let c = match value {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{FFFD}',
        0x80..=0x9F => windows_1252(value),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((Decoded::Char(c), used))
}

/// The standard's replacements for numeric references to the C1 controls: the characters
/// windows-1252 puts there (five code points it leaves undefined stay as they are).
fn windows_1252(n: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    C1[(n - 0x80) as usize]
}

const LEGACY_BIT: u8 = 0x80;
/// The longest legacy name (`frac34`, `curren`, …).
const LONGEST_LEGACY_NAME: usize = 6;

/// Where each entry's name and value start and end, summed once from the table's lengths (the
/// table stores lengths: they compress far better in the `.wasm` than offsets).
struct Offsets {
    names: Vec<u16>,
    values: Vec<u16>,
}

fn offsets() -> &'static Offsets {
    static OFFSETS: std::sync::OnceLock<Offsets> = std::sync::OnceLock::new();
    OFFSETS.get_or_init(|| {
        let sums = |lens: &[u8], mask: u8| {
            let mut at = 0u16;
            let mut v = Vec::with_capacity(lens.len() + 1);
            v.push(0);
            for len in lens {
                at += u16::from(len & mask);
                v.push(at);
            }
            v
        };
        Offsets {
            names: sums(&table::NAME_LENS, !LEGACY_BIT),
            values: sums(&table::VALUE_LENS, 0xFF),
        }
    })
}

fn name(i: usize) -> &'static str {
    let o = &offsets().names;
    &table::NAMES[usize::from(o[i])..usize::from(o[i + 1])]
}

fn is_legacy(i: usize) -> bool {
    table::NAME_LENS[i] & LEGACY_BIT != 0
}

fn value(i: usize) -> &'static str {
    let o = &offsets().values;
    &table::VALUES[usize::from(o[i])..usize::from(o[i + 1])]
}

/// The index of a name in the table (binary search over the sorted names).
fn find(wanted: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, table::NAME_LENS.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match name(mid).as_bytes().cmp(wanted.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_whole() {
        let n = table::NAME_LENS.len();
        assert!((1..n).all(|i| name(i - 1).as_bytes() < name(i).as_bytes()));
        assert_eq!((0..n).filter(|i| is_legacy(*i)).count(), 106);
        assert_eq!(find("amp").map(value), Some("&"));
        assert_eq!(find("hearts").map(value), Some("♥"));
        assert_eq!(find("apos").map(value), Some("'"));
        if cfg!(feature = "all-charrefs") {
            assert_eq!(n, 2125);
            assert_eq!(find("NotSquareSupersetEqual").map(value), Some("⋣"));
            assert_eq!(find("nvlt").map(value), Some("<\u{20D2}"));
        } else {
            assert_eq!(n, 259);
            assert_eq!(find("NotSquareSupersetEqual"), None);
        }
    }

    #[test]
    fn urls_in_attributes_keep_their_parameters() {
        let a = |s| decode_attribute(s).into_owned();
        assert_eq!(
            a("?command=article_view&num=362766"),
            "?command=article_view&num=362766"
        );
        assert_eq!(
            a("?x=1&copy=2&not=3&para=4&reg=5"),
            "?x=1&copy=2&not=3&para=4&reg=5"
        );
        assert_eq!(a("?a=1&lt=2"), "?a=1&lt=2");
        assert_eq!(a("?a=1&amp;b=2&amp"), "?a=1&b=2&");
        assert_eq!(a("&copy 2024"), "© 2024");
    }

    #[test]
    fn text_takes_legacy_names_without_semicolons_only() {
        let t = |s| decode_text(s).into_owned();
        assert_eq!(t("AT&T &copy2024 &num=5"), "AT&T ©2024 &num=5");
        assert_eq!(t("&noti; &notin; &hellip &hellip;"), "¬i; ∉ &hellip …");
        assert_eq!(
            t("R&amp;D &ldquo;x&rdquo; &#x27;y&#39; &eacute;&nbsp;"),
            "R&D “x” 'y' é\u{a0}"
        );
        assert_eq!(t("&#150;&#99999999999;"), "–\u{FFFD}");
        assert_eq!(
            t("&#0; &#x80; &#xD800; &#1114112; &#65 &#x; &#"),
            "\u{FFFD} € \u{FFFD} \u{FFFD} A &#x; &#"
        );
    }
}

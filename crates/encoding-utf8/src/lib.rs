//! The part of [encoding_rs](https://docs.rs/encoding_rs)'s API that lol_html uses, for the two
//! encodings a UTF-8-only build needs: UTF-8 (every page the browser hands the engine) and
//! windows-1252 (lol_html's debug strings). Malgeum's wasm build patches it in for encoding_rs
//! (see build.sh); signatures and results follow encoding_rs so that lol_html behaves the same.
//! Labels of other encodings are unknown here: `for_label_no_replacement` returns `None`, so a
//! `<meta charset>` can never switch the stream away from UTF-8.

use std::borrow::Cow;
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    Windows1252,
}

/// An encoding. Compared by identity, as encoding_rs does.
pub struct Encoding {
    name: &'static str,
    kind: Kind,
}

pub static UTF_8_INIT: Encoding = Encoding {
    name: "UTF-8",
    kind: Kind::Utf8,
};
pub static UTF_8: &Encoding = &UTF_8_INIT;
pub static WINDOWS_1252_INIT: Encoding = Encoding {
    name: "windows-1252",
    kind: Kind::Windows1252,
};
pub static WINDOWS_1252: &Encoding = &WINDOWS_1252_INIT;

impl PartialEq for Encoding {
    fn eq(&self, other: &Encoding) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl std::hash::Hash for Encoding {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Encoding {{ {} }}", self.name)
    }
}

/// Why a conversion call returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoderResult {
    InputEmpty,
    OutputFull,
}

/// The characters 0x80..=0x9F of windows-1252; the rest of the upper half is Latin-1.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF => Some(u32::from(c) as u8),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// The numeric character reference encoding_rs writes for a character the encoding lacks.
fn push_ncr(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
}

/// The largest index ≤ `at` that starts a character of `s`.
fn char_floor(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

impl Encoding {
    /// The encoding of a WHATWG label, if this build knows it (UTF-8 only: see the crate doc).
    pub fn for_label_no_replacement(label: &[u8]) -> Option<&'static Encoding> {
        let label = label.trim_ascii();
        const UTF_8_LABELS: [&[u8]; 6] = [
            b"unicode-1-1-utf-8",
            b"unicode11utf8",
            b"unicode20utf8",
            b"utf-8",
            b"utf8",
            b"x-unicode20utf8",
        ];
        UTF_8_LABELS
            .iter()
            .any(|l| l.eq_ignore_ascii_case(label))
            .then_some(UTF_8)
    }

    /// As [`Encoding::for_label_no_replacement`] (this build has no replacement encoding).
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        Self::for_label_no_replacement(label)
    }

    /// The encoding a BOM at the start of `buffer` announces, and the BOM's length.
    pub fn for_bom(buffer: &[u8]) -> Option<(&'static Encoding, usize)> {
        buffer.starts_with(b"\xEF\xBB\xBF").then_some((UTF_8, 3))
    }

    pub fn name(&'static self) -> &'static str {
        self.name
    }

    pub fn is_ascii_compatible(&'static self) -> bool {
        true
    }

    pub fn output_encoding(&'static self) -> &'static Encoding {
        self
    }

    /// The length of the ASCII prefix of `bytes`.
    pub fn ascii_valid_up_to(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len())
    }

    /// Decodes with BOM sniffing (a UTF-8 BOM is removed and wins over `self`).
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        if let Some((encoding, len)) = Encoding::for_bom(bytes) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[len..]);
            return (text, encoding, had_errors);
        }
        let (text, had_errors) = self.decode_without_bom_handling(bytes);
        (text, self, had_errors)
    }

    /// Decodes, replacing malformed sequences with U+FFFD; `true` if there were any.
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match self.kind {
            Kind::Utf8 => {
                let text = String::from_utf8_lossy(bytes);
                let had_errors = matches!(text, Cow::Owned(_));
                (text, had_errors)
            }
            Kind::Windows1252 => match std::str::from_utf8(bytes) {
                Ok(ascii) if ascii.is_ascii() => (Cow::Borrowed(ascii), false),
                _ => (
                    Cow::Owned(bytes.iter().map(|&b| windows_1252_char(b)).collect()),
                    false,
                ),
            },
        }
    }

    /// Encodes `text`; characters the encoding lacks become numeric character references
    /// (`true` then).
    pub fn encode<'a>(&'static self, text: &'a str) -> (Cow<'a, [u8]>, &'static Encoding, bool) {
        if self.kind == Kind::Utf8 || text.is_ascii() {
            return (Cow::Borrowed(text.as_bytes()), self, false);
        }
        let mut out = Vec::with_capacity(text.len());
        let mut unmappable = false;
        for c in text.chars() {
            match windows_1252_byte(c) {
                Some(b) => out.push(b),
                None => {
                    unmappable = true;
                    push_ncr(&mut out, c);
                }
            }
        }
        (Cow::Owned(out), self, unmappable)
    }

    pub fn new_decoder_without_bom_handling(&'static self) -> Decoder {
        Decoder {
            encoding: self,
            pending: [0; 3],
            pending_len: 0,
        }
    }

    pub fn new_decoder(&'static self) -> Decoder {
        self.new_decoder_without_bom_handling()
    }

    pub fn new_encoder(&'static self) -> Encoder {
        Encoder { encoding: self }
    }
}

/// A streaming decoder: input may end in the middle of a character, which is kept for the next
/// call (or replaced with U+FFFD on the last one).
pub struct Decoder {
    encoding: &'static Encoding,
    /// The start of a UTF-8 sequence the previous input ended in (a valid prefix, ≤ 3 bytes).
    pending: [u8; 3],
    pending_len: usize,
}

const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

impl Decoder {
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Decodes `src` into `dst`: returns why it stopped, the bytes read, the bytes written and
    /// whether anything was replaced. Like encoding_rs, it leaves `dst` valid UTF-8 after the
    /// written part too.
    pub fn decode_to_str(
        &mut self,
        src: &[u8],
        dst: &mut str,
        last: bool,
    ) -> (CoderResult, usize, usize, bool) {
        // SAFETY: only whole characters are written below, and `end_on_char_boundary` clears
        // any continuation bytes left after them, so `dst` stays valid UTF-8.
        let out = unsafe { dst.as_bytes_mut() };
        let mut writer = Writer {
            out,
            written: 0,
            had_errors: false,
        };
        let (result, read) = match self.encoding.kind {
            Kind::Utf8 => self.decode_utf8(src, &mut writer, last),
            Kind::Windows1252 => decode_windows_1252(src, &mut writer),
        };
        writer.end_on_char_boundary();
        (result, read, writer.written, writer.had_errors)
    }

    fn decode_utf8(&mut self, src: &[u8], w: &mut Writer<'_>, last: bool) -> (CoderResult, usize) {
        let mut read = 0;
        if self.pending_len > 0 {
            if w.space() < 4 {
                return (CoderResult::OutputFull, 0);
            }
            let width = self.pending[0].leading_ones() as usize;
            let take = (width - self.pending_len).min(src.len());
            let mut seq = [0u8; 4];
            seq[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
            seq[self.pending_len..self.pending_len + take].copy_from_slice(&src[..take]);
            let seq = &seq[..self.pending_len + take];
            match std::str::from_utf8(seq) {
                Ok(c) => {
                    w.put(c.as_bytes());
                    read = take;
                }
                Err(e) => match e.error_len() {
                    // Still incomplete: the input ran out.
                    None if !last => {
                        self.pending[..seq.len()].copy_from_slice(seq);
                        self.pending_len = seq.len();
                        return (CoderResult::InputEmpty, take);
                    }
                    None => {
                        w.replace();
                        read = take;
                    }
                    // The pending bytes were a valid prefix, so the bad byte came from `src`:
                    // the prefix becomes one U+FFFD and that byte is read again below.
                    Some(bad) => {
                        w.replace();
                        read = bad.saturating_sub(self.pending_len);
                    }
                },
            }
            self.pending_len = 0;
        }
        loop {
            let rest = &src[read..];
            if rest.is_empty() {
                return (CoderResult::InputEmpty, read);
            }
            // Look no further than the output can take, so that a small `dst` costs no rescans.
            let window = &rest[..rest.len().min(w.space())];
            let (valid, error) = match std::str::from_utf8(window) {
                Ok(text) => (text.len(), None),
                Err(e) => (e.valid_up_to(), Some(e.error_len())),
            };
            w.put(&window[..valid]);
            read += valid;
            match error {
                None if window.len() == rest.len() => return (CoderResult::InputEmpty, read),
                None => return (CoderResult::OutputFull, read),
                Some(Some(bad)) => {
                    if w.space() < REPLACEMENT.len() {
                        return (CoderResult::OutputFull, read);
                    }
                    w.replace();
                    read += bad;
                }
                // Cut by the window, not by the input: the rest needs more output space.
                Some(None) if window.len() < rest.len() => return (CoderResult::OutputFull, read),
                // The input ends inside a character.
                Some(None) if last => {
                    if w.space() < REPLACEMENT.len() {
                        return (CoderResult::OutputFull, read);
                    }
                    w.replace();
                    return (CoderResult::InputEmpty, src.len());
                }
                Some(None) => {
                    let tail = &src[read..];
                    self.pending[..tail.len()].copy_from_slice(tail);
                    self.pending_len = tail.len();
                    return (CoderResult::InputEmpty, src.len());
                }
            }
        }
    }
}

fn decode_windows_1252(src: &[u8], w: &mut Writer<'_>) -> (CoderResult, usize) {
    for (i, &b) in src.iter().enumerate() {
        let mut buf = [0u8; 4];
        let c = windows_1252_char(b).encode_utf8(&mut buf);
        if w.space() < c.len() {
            return (CoderResult::OutputFull, i);
        }
        w.put(c.as_bytes());
    }
    (CoderResult::InputEmpty, src.len())
}

/// The output side of a decode call.
struct Writer<'a> {
    out: &'a mut [u8],
    written: usize,
    had_errors: bool,
}

impl Writer<'_> {
    fn space(&self) -> usize {
        self.out.len() - self.written
    }

    /// Appends whole characters (the caller checked the space).
    fn put(&mut self, bytes: &[u8]) {
        self.out[self.written..self.written + bytes.len()].copy_from_slice(bytes);
        self.written += bytes.len();
    }

    fn replace(&mut self) {
        self.put(REPLACEMENT);
        self.had_errors = true;
    }

    /// Zeroes the continuation bytes of a character the written part cut in two.
    fn end_on_char_boundary(&mut self) {
        for b in &mut self.out[self.written..] {
            if *b & 0xC0 != 0x80 {
                break;
            }
            *b = 0;
        }
    }
}

/// A streaming encoder (stateless for the encodings of this build).
pub struct Encoder {
    encoding: &'static Encoding,
}

impl Encoder {
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    pub fn has_pending_state(&self) -> bool {
        false
    }

    /// Encodes `src` into `dst`: returns why it stopped, the bytes read, the bytes written and
    /// whether a character had to become a numeric character reference.
    pub fn encode_from_utf8(
        &mut self,
        src: &str,
        dst: &mut [u8],
        _last: bool,
    ) -> (CoderResult, usize, usize, bool) {
        if self.encoding.kind == Kind::Utf8 {
            let n = char_floor(src, dst.len());
            dst[..n].copy_from_slice(&src.as_bytes()[..n]);
            let result = if n == src.len() {
                CoderResult::InputEmpty
            } else {
                CoderResult::OutputFull
            };
            return (result, n, n, false);
        }
        let (mut read, mut written, mut unmappable) = (0, 0, false);
        for c in src.chars() {
            let mut bytes = Vec::with_capacity(1);
            match windows_1252_byte(c) {
                Some(b) => bytes.push(b),
                None => push_ncr(&mut bytes, c),
            }
            if dst.len() - written < bytes.len() {
                return (CoderResult::OutputFull, read, written, unmappable);
            }
            dst[written..written + bytes.len()].copy_from_slice(&bytes);
            written += bytes.len();
            read += c.len_utf8();
            unmappable |= bytes.len() > 1;
        }
        (CoderResult::InputEmpty, read, written, unmappable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `input` cut into pieces of `piece` bytes into an output buffer of `buf` bytes, as
    /// lol_html's text decoder drives it.
    fn stream(input: &[u8], piece: usize, buf: usize) -> String {
        let mut decoder = UTF_8.new_decoder_without_bom_handling();
        let mut out = String::new();
        let mut buffer = "\0".repeat(buf);
        let pieces: Vec<&[u8]> = input.chunks(piece.max(1)).collect();
        for (i, mut chunk) in pieces.iter().copied().enumerate() {
            let last = i + 1 == pieces.len();
            loop {
                let (result, read, written, _) = decoder.decode_to_str(chunk, &mut buffer, last);
                assert!(std::str::from_utf8(buffer.as_bytes()).is_ok());
                out.push_str(&buffer[..written]);
                chunk = &chunk[read..];
                if result == CoderResult::InputEmpty {
                    assert!(chunk.is_empty());
                    break;
                }
                assert!(read > 0 || written > 0, "no progress");
            }
        }
        out
    }

    #[test]
    fn streaming_decode_matches_lossy_decode_for_every_cut() {
        let inputs: [&[u8]; 6] = [
            "맑음 — clear ☀ 🌤 text".as_bytes(),
            b"ok \xE0\x80 bad \xED\xA0\x80 surrogate \xF4\x90\x80\x80 too big",
            b"\xC3",
            b"ends inside \xE2\x82",
            b"\xFF\xFE lone bytes \x80\x80",
            "한국어 기사 본문입니다.".as_bytes(),
        ];
        for input in inputs {
            let expected = String::from_utf8_lossy(input);
            for piece in 1..=input.len() {
                for buf in [4, 5, 7, 13, 1024] {
                    assert_eq!(
                        stream(input, piece, buf),
                        expected,
                        "{input:?} piece {piece} buf {buf}"
                    );
                }
            }
        }
    }

    #[test]
    fn labels_other_than_utf_8_are_unknown() {
        assert_eq!(Encoding::for_label_no_replacement(b" UTF-8\n"), Some(UTF_8));
        assert_eq!(Encoding::for_label_no_replacement(b"utf8"), Some(UTF_8));
        assert_eq!(Encoding::for_label_no_replacement(b"euc-kr"), None);
        assert_eq!(Encoding::for_label_no_replacement(b"windows-1252"), None);
    }

    #[test]
    fn windows_1252_round_trip_and_references() {
        let (text, _, _) = WINDOWS_1252.decode(b"caf\xE9 \x80 \x93x\x94");
        assert_eq!(text, "café € “x”");
        let (bytes, _, unmappable) = WINDOWS_1252.encode("café € “x” 한");
        assert_eq!(&*bytes, b"caf\xE9 \x80 \x93x\x94 &#54620;");
        assert!(unmappable);
    }

    #[test]
    fn utf_8_encode_is_a_copy_cut_at_characters() {
        let mut encoder = UTF_8.new_encoder();
        let mut dst = [0u8; 4];
        let (result, read, written, _) = encoder.encode_from_utf8("a한b", &mut dst, true);
        assert_eq!((result, read, written), (CoderResult::OutputFull, 4, 4));
        let (result, read, _, _) = encoder.encode_from_utf8("a한", &mut dst, true);
        assert_eq!((result, read), (CoderResult::InputEmpty, 4));
        assert_eq!(UTF_8.decode(b"\xEF\xBB\xBFhi").0, "hi");
    }
}

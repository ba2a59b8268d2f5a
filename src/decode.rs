//! Bytes to text: finds the page's charset (byte-order mark, `<meta charset>`, `http-equiv`
//! Content-Type) and decodes legacy encodings (EUC-KR/CP949, Shift_JIS, windows-1252, …) with
//! encoding_rs, which lol_html links anyway. A page whose declaration lies (EUC-KR bytes under
//! a UTF-8 meta) is decoded by what its bytes are.

use encoding_rs::{Encoding, EUC_KR, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for (the HTML standard says 1024
/// bytes; real pages put it later, after long comments and scripts).
const PRESCAN_BYTES: usize = 8192;

/// The charset a page declares, from its BOM or its first `<meta>` tags.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Some(enc);
    }
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + 7..];
            let rest = rest
                .iter()
                .skip_while(|b| {
                    b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\''
                })
                .copied()
                .collect::<Vec<u8>>();
            let label: Vec<u8> = rest
                .iter()
                .take_while(|b| {
                    b.is_ascii_alphanumeric()
                        || **b == b'-'
                        || **b == b'_'
                        || **b == b':'
                        || **b == b'.'
                })
                .copied()
                .collect();
            if let Some(enc) = Encoding::for_label(&label) {
                // A page that says UTF-16 in a meta is ASCII-compatible by then: UTF-8.
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        enc
                    },
                );
            }
        }
        from = end.max(start + 5);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a page to text. Returns the text and the encoding used.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    let enc = choose_encoding(bytes);
    let (text, _, _) = enc.decode(bytes);
    (text.into_owned(), enc)
}

/// [`decode`] that takes the bytes: a UTF-8 page becomes the text without a copy (a 60 MB page
/// is not held twice).
pub fn decode_owned(bytes: Vec<u8>) -> (String, &'static Encoding) {
    let enc = choose_encoding(&bytes);
    if enc == UTF_8 && !bytes.starts_with(b"\xEF\xBB\xBF") {
        match String::from_utf8(bytes) {
            Ok(text) => return (text, UTF_8),
            Err(e) => return decode(e.as_bytes()),
        }
    }
    decode(&bytes)
}

/// The encoding to read a page with: its declaration when the bytes agree, else a guess.
fn choose_encoding(bytes: &[u8]) -> &'static Encoding {
    let declared = declared_encoding(bytes);
    let enc = match declared {
        // Trust a declaration only if the bytes agree with it.
        Some(enc) if enc == UTF_8 => {
            if std::str::from_utf8(strip_bom(bytes)).is_ok() || mostly_utf8(bytes) {
                UTF_8
            } else {
                sniff_legacy(bytes)
            }
        }
        Some(enc) => {
            let (_, had_errors) = enc.decode_without_bom_handling(strip_bom(bytes));
            if had_errors && std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                enc
            }
        }
        None => {
            if std::str::from_utf8(strip_bom(bytes)).is_ok() {
                UTF_8
            } else {
                match sniff_legacy(bytes) {
                    enc if enc == WINDOWS_1252 && mostly_utf8(bytes) => UTF_8,
                    enc => enc,
                }
            }
        }
    };
    enc
}

/// UTF-8 with a few broken sequences (a truncated copy, one bad byte): far more valid
/// multi-byte characters than errors. Such a page is UTF-8 with damage, not a legacy charset.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut errors) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += good.iter().filter(|b| **b >= 0xC0).count();
                errors += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = &bad[skip.min(bad.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    valid_multibyte >= 8 && errors * 10 <= valid_multibyte
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Not UTF-8 and no usable declaration: EUC-KR (CP949) if the bytes decode cleanly as it and
/// hold Hangul, else windows-1252 (the web's default).
fn sniff_legacy(bytes: &[u8]) -> &'static Encoding {
    let (text, had_errors) = EUC_KR.decode_without_bom_handling(bytes);
    if !had_errors && text.chars().any(crate::korean::is_hangul_syllable) {
        EUC_KR
    } else {
        WINDOWS_1252
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euc_kr(s: &str) -> Vec<u8> {
        EUC_KR.encode(s).0.into_owned()
    }

    #[test]
    fn reads_declarations() {
        assert_eq!(
            declared_encoding(b"<meta charset=\"euc-kr\">"),
            Some(EUC_KR)
        );
        assert_eq!(
            declared_encoding(
                b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ks_c_5601-1987'>"
            ),
            Some(EUC_KR)
        );
        assert_eq!(declared_encoding(b"\xEF\xBB\xBF<p>"), Some(UTF_8));
        assert_eq!(declared_encoding(b"<p>no meta</p>"), None);
    }

    #[test]
    fn decodes_euc_kr_declared_or_not() {
        let mut page = b"<meta charset=euc-kr><p>".to_vec();
        page.extend(euc_kr("네이버 국가대표"));
        assert!(decode(&page).0.contains("네이버 국가대표"));
        let mut lying = b"<meta charset=utf-8><p>".to_vec();
        lying.extend(euc_kr("한국어 기사 본문"));
        let (text, enc) = decode(&lying);
        assert_eq!(enc, EUC_KR);
        assert!(text.contains("한국어 기사 본문"));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut page =
            "<meta charset=utf-8><p>업계에서는 국내 기업이 주목하고 있다 네이버 국가대표"
                .as_bytes()
                .to_vec();
        page.extend([0xFF, 0xC3]);
        page.extend("<p>더 많은 한국어 문장".as_bytes());
        let (text, enc) = decode(&page);
        assert_eq!(enc, UTF_8);
        assert!(text.contains("업계에서는 국내 기업이"));
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut page = vec![0xFF, 0xFE];
        for u in "<p>네이버가 정부의".encode_utf16() {
            page.extend(u.to_le_bytes());
        }
        assert!(decode(&page).0.contains("네이버가 정부의"));
    }

    #[test]
    fn undeclared_latin1_falls_back_to_windows_1252() {
        let (text, _) = decode(b"<p>caf\xe9</p>");
        assert!(text.contains("café"));
    }
}

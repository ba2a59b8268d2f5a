//! How a fuzz input is read, and the invariants every successful export must hold. Shared by
//! the fuzz targets (`fuzz/fuzz_targets/`, where a violated invariant aborts like a crash, so
//! the fuzzer hunts for executable output as well as for panics) and by `tests/hostile.rs`,
//! which replays the fuzzers' findings the same way.

/// Page URLs: none, a generic one, and the hosts that have site rules (different code paths).
pub const URLS: &[&str] = &[
    "",
    "https://news.example.com/2025/05/story?id=1#top",
    "https://www.businesspost.co.kr/BP?command=article_view&num=362900",
    "https://n.news.naver.com/mnews/article/001/0000000001",
    "https://v.daum.net/v/20250101000000000",
    "https://www.hankyung.com/article/2025010100001",
    "http://[::1]:8080/a/../b/./c",
];

/// Splits the input: the first byte picks the URL and the options, the rest is the page.
pub fn split(data: &[u8]) -> (&'static str, malgeum::Options, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (
            URLS[(*first & 0x7f) as usize % URLS.len()],
            malgeum::Options {
                markdown: first & 0x80 != 0,
            },
            rest,
        ),
        None => ("", malgeum::Options::default(), data),
    }
}

#[path = "forbidden_tags.rs"]
mod forbidden_tags;
use forbidden_tags::FORBIDDEN_TAGS;

/// Panics with `name` and the reason when `article` breaks an invariant.
pub fn check(name: &str, article: &malgeum::Article) {
    let html = &article.content_html;
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let start = i + p + 1;
        let name_start = start + usize::from(b.get(start) == Some(&b'/'));
        let name_end = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |e| name_start + e);
        let tag_name = html[name_start..name_end].to_ascii_lowercase();
        assert!(
            !tag_name.is_empty(),
            "{name}: raw '<' in content_html at {}: {:?}",
            start - 1,
            &html[start - 1..(start + 40).min(html.len())]
        );
        assert!(
            !FORBIDDEN_TAGS.contains(&tag_name.as_str()),
            "{name}: forbidden <{tag_name}> in content_html"
        );
        let tag_end = html[name_end..]
            .find('>')
            .map_or(html.len(), |e| name_end + e);
        let tag = &html[name_end..tag_end];
        // Attributes are written name="value" with '"' escaped inside values.
        let mut in_value = false;
        let mut attr_start = 0;
        for (k, c) in tag.char_indices() {
            match c {
                '"' => in_value = !in_value,
                ' ' if !in_value => attr_start = k + 1,
                '=' if !in_value => {
                    let attr = tag[attr_start..k].to_ascii_lowercase();
                    assert!(
                        !attr.starts_with("on") && attr != "style" && attr != "srcdoc",
                        "{name}: forbidden attribute {attr} on <{tag_name}>"
                    );
                }
                _ => {}
            }
        }
        for attr in ["href=\"", "src=\""] {
            let mut rest = tag;
            while let Some(a) = rest.find(attr) {
                let v = &rest[a + attr.len()..];
                let v = &v[..v.find('"').unwrap_or(v.len())];
                let squeezed: String = v
                    .replace("&amp;", "&")
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for bad in ["javascript:", "vbscript:", "data:"] {
                    assert!(
                        !squeezed.starts_with(bad),
                        "{name}: script URL in content_html: {attr}{v}"
                    );
                }
                rest = &rest[a + attr.len()..];
            }
        }
        i = tag_end.min(html.len());
        if i >= html.len() {
            break;
        }
    }
    // The export must be JSON (the CLI and the wasm binding both write it).
    serde_json::from_str::<serde_json::Value>(&article.to_json(false))
        .unwrap_or_else(|e| panic!("{name}: the export is no JSON: {e}"));
}

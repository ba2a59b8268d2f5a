//! URLs as browsers read them. The native build parses them with the WHATWG URL Standard's
//! basic URL parser (`parser`, feature `url-parser`), for what links in pages need: scheme,
//! authority, IPv4 and IPv6 hosts, ports, dot segments, opaque paths, the standard's
//! percent-encode sets and its href serialization. Left out there: IDNA (a non-ASCII or
//! Punycode domain falls back to a plain RFC 3986 join, so a link is never lost), encodings
//! other than UTF-8 for queries, the state overrides behind the URL setters, and validation
//! errors (only failures are reported).
//!
//! The wasm build leaves `parser` out and asks the browser ([`set_parser`]): the browser's own
//! `URL` is the standard's parser by definition, IDNA included, and the engine's copy cost
//! 9.6 KB of the gzipped `.wasm`. Plain links need no parser at all ([`Base::resolve`]).

#[cfg(feature = "url-parser")]
mod parser;

#[cfg(feature = "url-parser")]
use parser::{parse, Error};

/// A URL Standard parser supplied by the embedder: `input` parsed against an optional base
/// URL and serialized (its `href`), or `None` where the standard's parser fails.
#[cfg(not(feature = "url-parser"))]
pub type Parser = fn(&str, Option<&str>) -> Option<String>;

#[cfg(not(feature = "url-parser"))]
static EMBEDDER_PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();

/// Sets the URL parser of a build without its own (the wasm binding hands over the browser's).
/// Until it is set, no URL parses: links are kept as written.
#[cfg(not(feature = "url-parser"))]
pub fn set_parser(parser: Parser) {
    let _ = EMBEDDER_PARSER.set(parser);
}

#[cfg(not(feature = "url-parser"))]
fn href(input: &str, base: Option<&str>) -> Option<String> {
    if base.is_none() && plain_origin_end(input).is_some() {
        return Some(input.to_string());
    }
    EMBEDDER_PARSER.get().and_then(|parse| parse(input, base))
}

/// The scheme of a URL, lowercased, if it has one.
pub fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let mut chars = s.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        Some(s.to_ascii_lowercase())
    } else {
        None
    }
}

/// The host of an absolute URL, lowercased, without port or credentials.
pub fn host(url: &str) -> Option<String> {
    #[cfg(feature = "url-parser")]
    if let Ok(parsed) = parse(url, None) {
        return parsed.host.filter(|h| !h.is_empty());
    }
    #[cfg(not(feature = "url-parser"))]
    let url = &href(url, None)?;
    rfc3986_host(url)
}

fn rfc3986_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(&['/', '?', '#'][..]).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        host_port.split(']').next()?.trim_start_matches('[')
    } else {
        host_port.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(feature = "url-parser")]
struct Parts<'a> {
    scheme: &'a str,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
}

#[cfg(feature = "url-parser")]
fn split(url: &str) -> Parts<'_> {
    let url = url.split('#').next().unwrap_or("");
    let (scheme, rest) = match scheme(url) {
        Some(s) => (&url[..s.len()], &url[s.len() + 1..]),
        None => ("", url),
    };
    let (authority, rest) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find(&['/', '?'][..]).unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, rest),
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
    }
}

#[cfg(feature = "url-parser")]
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves `reference` against `base` as a browser resolves an `href`: whitespace trimmed,
/// tabs and newlines removed, `\\` read as `/`, spaces and non-ASCII percent-encoded, scheme
/// and host lowercased, default ports dropped. With no usable base, an absolute reference is
/// normalized and any other comes back as written.
pub fn resolve(base: &str, reference: &str) -> String {
    Base::new(base).resolve(reference)
}

/// A base URL parsed once, for the many references of one page resolved against it.
pub struct Base {
    raw: String,
    /// Where its origin ends, when it is a plain serialized URL ([`plain_origin_end`]).
    plain_origin_end: Option<usize>,
    #[cfg(feature = "url-parser")]
    parsed: Result<parser::Url, Error>,
    #[cfg(not(feature = "url-parser"))]
    parses: bool,
}

impl Base {
    pub fn new(base: &str) -> Base {
        Base {
            raw: base.to_string(),
            plain_origin_end: plain_origin_end(base),
            #[cfg(feature = "url-parser")]
            parsed: parse(base, None),
            #[cfg(not(feature = "url-parser"))]
            parses: href(base, None).is_some(),
        }
    }

    /// [`resolve`] against this base, for a link the reader may show ([`is_safe_link`] before
    /// and after: a `javascript:` link is not resolved at all).
    pub fn safe_link(&self, reference: &str) -> Option<String> {
        is_safe_link(reference)
            .then(|| self.resolve(reference))
            .filter(|url| is_safe_link(url))
    }

    /// [`resolve`] against this base.
    pub fn resolve(&self, reference: &str) -> String {
        match self.plain_origin_end {
            Some(origin_end) => plain_resolve(&self.raw, origin_end, reference),
            None => None,
        }
        .unwrap_or_else(|| self.parse_resolve(reference))
    }

    #[cfg(feature = "url-parser")]
    fn parse_resolve(&self, reference: &str) -> String {
        let parsed = match &self.parsed {
            Ok(base) => parse(reference, Some(base)),
            Err(Error::Idna) => return rfc3986_resolve(&self.raw, reference),
            Err(Error::Invalid) => parse(reference, None),
        };
        match parsed {
            Ok(url) => url.href(),
            Err(Error::Idna) => rfc3986_resolve(&self.raw, reference),
            // An invalid URL: a browser keeps the attribute as written.
            Err(_) => reference.trim().to_string(),
        }
    }

    #[cfg(not(feature = "url-parser"))]
    fn parse_resolve(&self, reference: &str) -> String {
        href(reference, self.parses.then_some(self.raw.as_str()))
            // An invalid URL: a browser keeps the attribute as written.
            .unwrap_or_else(|| reference.trim().to_string())
    }
}

/// Most links in pages need no parser: a URL already serialized as the URL Standard serializes
/// it is its own parse, and a plain path from the root or a fragment joins a plain base as the
/// standard joins it. Plain: `http(s)://`, a lowercase ASCII domain (no IPv4 address, no
/// Punycode label), a port other than the default, a path of characters no encode set holds
/// and no dot segment, such a query and fragment. Anything else goes to the parser (the
/// browser's, in the wasm build, where this spares a call out of the wasm for most links).
fn plain_resolve(base: &str, origin_end: usize, reference: &str) -> Option<String> {
    if plain_origin_end(reference).is_some() {
        return Some(reference.to_string());
    }
    let joined = match reference.as_bytes() {
        [b'/', next, ..] if *next != b'/' && *next != b'\\' => &base[..origin_end],
        [b'#', ..] => base.split('#').next().unwrap_or(base),
        _ => return None,
    };
    let tail_start = joined.len();
    let url = format!("{joined}{reference}");
    is_plain_tail(&url[tail_start..], reference.starts_with('#')).then_some(url)
}

/// Where the origin of a plain serialized URL ends (see [`plain_resolve`]): `None` for any
/// other string.
fn plain_origin_end(url: &str) -> Option<usize> {
    let (scheme, default_port) = if url.starts_with("http://") {
        ("http://", "80")
    } else if url.starts_with("https://") {
        ("https://", "443")
    } else {
        return None;
    };
    let rest = &url[scheme.len()..];
    let authority = &rest[..rest.find('/')?];
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok = port.is_none_or(|p| {
        !p.starts_with('0')
            && p != default_port
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u16>().is_ok()
    });
    let host_ok = host.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with("xn--")
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }) && host
        .rsplit('.')
        .next()
        .is_some_and(|last| last.starts_with(|c: char| c.is_ascii_lowercase()));
    let origin_end = scheme.len() + authority.len();
    (port_ok && host_ok && is_plain_tail(&url[origin_end..], false)).then_some(origin_end)
}

/// A serialized URL's path, query and fragment (or a fragment alone) as the parser leaves them.
fn is_plain_tail(tail: &str, fragment_only: bool) -> bool {
    let (before_fragment, fragment) = match tail.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (tail, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    let plain = |part: &str, more: &[u8]| {
        part.bytes().all(|b| {
            b.is_ascii_alphanumeric() || b"-._~!$&()*+,;=:@/%".contains(&b) || more.contains(&b)
        })
    };
    let path_ok = if fragment_only {
        path.is_empty() && query.is_none()
    } else {
        path.starts_with('/')
            && plain(path, b"'")
            && !path.to_ascii_lowercase().contains("%2e")
            && !path
                .split('/')
                .any(|segment| segment == "." || segment == "..")
    };
    path_ok && query.is_none_or(|q| plain(q, b"?")) && fragment.is_none_or(|f| plain(f, b"?'#"))
}

#[cfg(feature = "url-parser")]
/// RFC 3986 §5.2 resolution, for what the parser refuses (non-ASCII hosts without IDNA).
fn rfc3986_resolve(base: &str, reference: &str) -> String {
    let reference = reference.trim_matches(|c: char| c.is_ascii_whitespace());
    if reference.is_empty() {
        return base.to_string();
    }
    if scheme(reference).is_some() {
        return reference.to_string();
    }
    let b = split(base);
    if b.scheme.is_empty() || b.authority.is_none() {
        return reference.to_string();
    }
    let fragment = reference.find('#').map(|i| &reference[i..]).unwrap_or("");
    if reference.starts_with('#') {
        let without = base.split('#').next().unwrap_or(base);
        return format!("{without}{fragment}");
    }
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{}://{}", b.scheme, rest);
    }
    let r = split(reference);
    let authority = b.authority.unwrap_or("");
    let (path, query) = if r.path.is_empty() {
        (b.path.to_string(), r.query.or(b.query))
    } else if r.path.starts_with('/') {
        (remove_dot_segments(r.path), r.query)
    } else {
        let dir = match b.path.rfind('/') {
            Some(i) => &b.path[..=i],
            None => "/",
        };
        (remove_dot_segments(&format!("{dir}{}", r.path)), r.query)
    };
    let path = if path.is_empty() {
        "/".to_string()
    } else {
        path
    };
    let query = query.map(|q| format!("?{q}")).unwrap_or_default();
    format!("{}://{}{}{}{}", b.scheme, authority, path, query, fragment)
}

/// Whether a link writes a mail (`mailto:…`): a reporter's address, never a headline.
pub fn is_mail_link(href: &str) -> bool {
    href.trim_start()
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
}

/// Whether a URL may appear in the reader: http(s), relative, mailto, or an image `data:` URI.
pub fn is_safe_link(url: &str) -> bool {
    match scheme(
        &url.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>(),
    ) {
        None => true,
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto"),
    }
}

/// Whether an absolute address is a web site's front page (`http://www.hani.co.kr/`, with or
/// without its `/`): a host, the root path, no query or fragment.
pub fn is_site_root(url: &str) -> bool {
    // (Most links are relative or of another scheme: no parse for them, which in the wasm build
    // is a call out to the browser, once per linked picture when the logo is looked for.)
    let scheme_start = url.trim_start_matches(|c: char| c <= ' ');
    if !scheme_start
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("http"))
    {
        return false;
    }
    #[cfg(not(feature = "url-parser"))]
    return href(url, None).is_some_and(|href| {
        let after_scheme = href
            .strip_prefix("http://")
            .or_else(|| href.strip_prefix("https://"));
        // A serialized URL: the path is what follows the host's first `/`.
        after_scheme.and_then(|rest| rest.find('/').map(|i| &rest[i..])) == Some("/")
    });
    #[cfg(feature = "url-parser")]
    parse(url, None).is_ok_and(|u| {
        matches!(u.scheme.as_str(), "http" | "https")
            && u.host.as_ref().is_some_and(|h| !h.is_empty())
            && u.path == [""]
            && u.query.is_none()
            && u.fragment.is_none()
    })
}

#[cfg(all(test, feature = "url-parser"))]
mod tests {
    use super::*;

    #[test]
    fn knows_a_sites_front_page() {
        assert!(is_site_root("http://www.hani.co.kr/"));
        assert!(is_site_root("http://www.hani.co.kr"));
        assert!(is_site_root("HTTPS://News.Example.com:8443/"));
        assert!(!is_site_root("http://www.hani.co.kr/arti/"));
        assert!(!is_site_root("http://www.hani.co.kr/?ref=logo"));
        assert!(!is_site_root("http://www.hani.co.kr/#top"));
        assert!(!is_site_root("/"));
        assert!(!is_site_root("javascript:void(0)"));
    }

    #[test]
    fn resolves_as_browsers_do() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../../g", "http://a/g"),
            ("https://x.org/y", "https://x.org/y"),
        ] {
            assert_eq!(resolve(base, r), want, "{r}");
        }
        assert_eq!(
            resolve(
                "https://www.businesspost.co.kr/BP?command=article_view&num=1",
                "/2022/img/a.png"
            ),
            "https://www.businesspost.co.kr/2022/img/a.png"
        );
        // The WHATWG rules RFC 3986 lacks.
        let page = "https://x.test/dir/page";
        assert_eq!(
            resolve(page, "  https://x.test/a b\\c "),
            "https://x.test/a%20b/c"
        );
        assert_eq!(resolve(page, "HTTPS://X.TEST:443/p"), "https://x.test/p");
        assert_eq!(
            resolve(page, "img/\t사진.jpg"),
            "https://x.test/dir/img/%EC%82%AC%EC%A7%84.jpg"
        );
        assert_eq!(resolve("", "HTTP://A.test"), "http://a.test/");
        assert_eq!(resolve("", "/relative"), "/relative");
        // A host the IDNA stub refuses still joins.
        assert_eq!(resolve("https://한국.kr/a/b", "c"), "https://한국.kr/a/c");
    }

    #[test]
    fn a_plain_url_is_its_own_parse() {
        for url in [
            "https://www.hani.co.kr/arti/society/1.html",
            "http://x.test:8080/a/b?c=d&e=%20f#g?h'#i",
            "https://news.example.com/a(b)/c;d,e=f:g@h/~i.jpg",
            "https://a-b.c0.example/%EC%82%AC%EC%A7%84.jpg?w=640",
        ] {
            assert!(plain_origin_end(url).is_some(), "{url}");
            assert_eq!(parse(url, None).unwrap().href(), url);
        }
        // What the parser changes, or may refuse, is never plain.
        for url in [
            "HTTPS://x.test/",
            "https://X.test/",
            "https://x.test",
            "https://x.test:443/",
            "http://x.test:080/",
            "http://x.test:/",
            "https://x.test./a",
            "https://x..test/a",
            "https://127.0.0.1/a",
            "https://x.0x7f/a",
            "https://xn--3e0b707e.kr/a",
            "https://u@x.test/a",
            "https://x.test/a/../b",
            "https://x.test/a/%2E/b",
            "https://x.test/a b",
            "https://x.test/a\\b",
            "https://x.test/a?b='c'",
            "https://x.test/사진.jpg",
            "ftp://x.test/a",
        ] {
            assert!(plain_origin_end(url).is_none(), "{url}");
        }
        let base = "https://x.test/dir/page?q#f";
        let origin_end = plain_origin_end(base).unwrap();
        for reference in ["/a/b.jpg?w=1#top", "#section-2", "https://y.test/z"] {
            assert_eq!(
                plain_resolve(base, origin_end, reference),
                Some(
                    parse(reference, Some(&parse(base, None).unwrap()))
                        .unwrap()
                        .href()
                ),
                "{reference}"
            );
        }
        for reference in [
            "//y.test/a",
            "/\\y.test/a",
            "a/b",
            "/a/./b",
            "#a b",
            "?q",
            "",
        ] {
            assert_eq!(
                plain_resolve(base, origin_end, reference),
                None,
                "{reference}"
            );
        }
    }

    #[test]
    fn reads_hosts_and_refuses_script_urls() {
        assert_eq!(
            host("https://User@WWW.Example.com:8080/x").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(host("nonsense"), None);
        assert!(is_safe_link("/a"));
        assert!(is_safe_link("https://x"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link(" JaVa\tScript:alert(1)"));
        assert!(!is_safe_link("data:text/html,x"));
        assert!(!is_safe_link("vbscript:x"));
    }
}

//! URLs as browsers read them. The native build parses them with the WHATWG URL Standard's
//! basic URL parser (`parser`, feature `url-parser`), for what links in pages need: scheme,
//! authority, IPv4 and IPv6 hosts, ports, dot segments, opaque paths, the standard's
//! percent-encode sets and its href serialization. Left out there: IDNA (a non-ASCII or
//! Punycode domain falls back to a plain RFC 3986 join, so a link is never lost), encodings
//! other than UTF-8 for queries, the state overrides behind the URL setters, and validation
//! errors (only failures are reported).
//!
//! The wasm build leaves `parser` out and asks the browser ([`set_parser`]): the browser's own
//! `URL` is the standard's parser by definition, IDNA included, and the engine's copy would be
//! 8 KB of the gzipped `.wasm`.

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
    #[cfg(feature = "url-parser")]
    parsed: Result<parser::Url, Error>,
    #[cfg(not(feature = "url-parser"))]
    parses: bool,
}

impl Base {
    pub fn new(base: &str) -> Base {
        Base {
            raw: base.to_string(),
            #[cfg(feature = "url-parser")]
            parsed: parse(base, None),
            #[cfg(not(feature = "url-parser"))]
            parses: href(base, None).is_some(),
        }
    }

    /// [`resolve`] against this base.
    #[cfg(feature = "url-parser")]
    pub fn resolve(&self, reference: &str) -> String {
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

    /// [`resolve`] against this base.
    #[cfg(not(feature = "url-parser"))]
    pub fn resolve(&self, reference: &str) -> String {
        href(reference, self.parses.then_some(self.raw.as_str()))
            // An invalid URL: a browser keeps the attribute as written.
            .unwrap_or_else(|| reference.trim().to_string())
    }
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

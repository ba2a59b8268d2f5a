//! URL resolution (RFC 3986 §5.2) and the few checks the engine needs. Hand-written rather than
//! the `url` crate: that crate brings IDNA tables that would roughly double the `.wasm`, and
//! the engine only ever joins a page URL with relative references and reads a host.

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
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = if host_port.starts_with('[') {
        host_port.split(']').next()?.trim_start_matches('[')
    } else {
        host_port.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

struct Parts<'a> {
    scheme: &'a str,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
}

fn split(url: &str) -> Parts<'_> {
    let url = url.split('#').next().unwrap_or("");
    let (scheme, rest) = match scheme(url) {
        Some(s) => (&url[..s.len()], &url[s.len() + 1..]),
        None => ("", url),
    };
    let (authority, rest) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find(['/', '?']).unwrap_or(r.len());
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

/// Resolves `reference` against `base`. Absolute references come back as they are; when the
/// base is not absolute, the reference is returned unchanged.
pub fn resolve(base: &str, reference: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_like_rfc_3986() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
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

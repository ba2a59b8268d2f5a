//! What the `<head>` and the markup say about the page. The values are gathered as the scan
//! meets them: `<meta>`, canonical `<link>`, `<base>`, `lang`, `dir`, `itemprop` and
//! `datetime` from the start tags (`attrs`), the `<title>` and JSON-LD `<script>` text when
//! their element ends (`tree`'s `pop_one`).

/// What the `<head>` and the markup say about the page.
#[derive(Default, Debug)]
pub struct PageMeta {
    pub title: Option<String>,
    /// `(name/property/itemprop lowercased, content)` of every `<meta>` with content; values
    /// (and the title) are decoded.
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<String>,
    /// The text of the first script that holds a CMS's hydration state (`lib::hydration`).
    pub hydration: Option<String>,
    pub canonical: Option<String>,
    pub base_href: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// `<time datetime>` and `itemprop=datePublished`-like elements: (node, kind, value).
    pub dated: Vec<(u32, String, String)>,
    /// Elements whose `itemprop` names an author, a headline, a date or the body.
    pub itemprops: Vec<(u32, String)>,
}

#[cfg(test)]
mod tests {
    use crate::scan::scan;

    #[test]
    fn collects_head_metadata() {
        let s = scan("<html lang=ko><head><title>T &amp; U</title><meta property='og:title' content='OG'><link rel=canonical href='/c'><script type=application/ld+json>{\"a\":1}</script></head><body><p>x</p>", None).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("T & U"));
        assert_eq!(s.meta.lang.as_deref(), Some("ko"));
        assert_eq!(s.meta.canonical.as_deref(), Some("/c"));
        assert_eq!(
            s.meta.metas,
            vec![("og:title".to_string(), "OG".to_string())]
        );
        assert_eq!(s.meta.json_ld, vec!["{\"a\":1}".to_string()]);
    }
}

//! `<meta>` tags, the second source: pages declare one thing under many names (OpenGraph,
//! Dublin Core, Twitter cards, parse.ly, Korean CMSs' own keys), so each field asks for its
//! keys in order of trust. Of several tags with one key the last wins, as in Readability's
//! loop over them, which leaves the last value standing.

use crate::markup::clean_leaked_markup;
use crate::scan::Scan;

pub(super) fn value<'a>(scan: &'a Scan, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        scan.meta
            .metas
            .iter()
            .rev()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

/// A `property` key as Readability finds it, anywhere in the property (`og:article:author`
/// is `article:author`): the last such `<meta>` wins.
pub(super) fn property<'a>(scan: &'a Scan, key: &str) -> Option<&'a str> {
    scan.meta
        .metas
        .iter()
        .rev()
        .find(|(k, v)| {
            !v.trim().is_empty()
                && k.strip_suffix(key)
                    .is_some_and(|head| head.is_empty() || head.ends_with(':'))
        })
        .map(|(_, v)| v.as_str())
}

pub(super) fn text(scan: &Scan, keys: &[&str]) -> Option<String> {
    value(scan, keys)
        .map(clean_leaked_markup)
        .filter(|s| !s.is_empty())
}

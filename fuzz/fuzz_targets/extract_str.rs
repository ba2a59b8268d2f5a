//! `malgeum::extract` on arbitrary text: never panics, and every export holds the invariants
//! in `tests/common/fuzz_rules.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_rules.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (url, options, page) = common::split(data);
    let html = String::from_utf8_lossy(page);
    if let Ok(article) = malgeum::extract(&html, url, &options) {
        common::check("fuzz input", &article);
    }
});

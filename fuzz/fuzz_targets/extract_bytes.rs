//! `malgeum::extract_bytes` on arbitrary bytes (charset sniffing, legacy decoders, the binary
//! check): never panics, and every export holds the invariants in `tests/common/fuzz_rules.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/fuzz_rules.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (url, options, page) = common::split(data);
    if let Ok(article) = malgeum::extract_bytes(page, url, &options) {
        common::check("fuzz input", &article);
    }
});

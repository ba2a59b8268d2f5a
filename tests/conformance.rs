//! The engine reads raw HTML as the standards say a browser does, checked against their public
//! test suites, kept as data in `tests/fixtures/`:
//! - html5lib-tests' tokenizer cases for character references (`tokenizer/*Entities.test`,
//!   `entities.test`): every case whose input is text or one start tag with attributes;
//! - html5lib-tests' tree-construction cases (`tree-construction/*.dat`) for where the head
//!   ends and the body begins;
//! - WPT's `urltestdata.json` for URL parsing against a base.

use malgeum::charref::{decode_attribute, decode_text};
use malgeum::markup;
use serde_json::Value;
use std::path::Path;

fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// html5lib's `doubleEscaped` strings write lone surrogates and controls as `\uXXXX`.
fn unescape(s: &str, double_escaped: bool) -> String {
    if !double_escaped {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let code = u32::from_str_radix(&rest[i + 2..i + 6], 16).unwrap();
        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
        rest = &rest[i + 6..];
    }
    out.push_str(rest);
    out
}

#[derive(Default)]
struct Tally {
    passed: usize,
    skipped: Vec<String>,
    failed: Vec<String>,
}

impl Tally {
    fn check(&mut self, what: &str, got: &str, want: &str) {
        if got == want {
            self.passed += 1;
        } else {
            self.failed
                .push(format!("{what}: got {got:?}, want {want:?}"));
        }
    }
}

fn run_tokenizer_file(name: &str, tally: &mut Tally) {
    let data: Value =
        serde_json::from_str(&fixture(&format!("html5lib/tokenizer/{name}"))).unwrap();
    for t in data["tests"].as_array().unwrap() {
        let double = t["doubleEscaped"].as_bool().unwrap_or(false);
        let input = unescape(t["input"].as_str().unwrap(), double);
        let description = t["description"].as_str().unwrap_or("");
        let states = t["initialStates"].as_array();
        if states.is_some_and(|s| s.iter().any(|s| s != "Data state")) {
            tally
                .skipped
                .push(format!("{name}: {description} (not the data state)"));
            continue;
        }
        let output = t["output"].as_array().unwrap();
        let kinds: Vec<&str> = output.iter().map(|o| o[0].as_str().unwrap()).collect();
        if kinds.iter().all(|k| *k == "Character") && !input.contains('<') {
            let want: String = output
                .iter()
                .map(|o| unescape(o[1].as_str().unwrap(), double))
                .collect();
            tally.check(
                &format!("{name}: {description}"),
                &decode_text(&input),
                &want,
            );
        } else if kinds == ["StartTag"] {
            let want = output[0][2].as_object().unwrap();
            let got: Vec<(String, String)> = markup::attributes(&input)
                .map(|(n, v)| (n.to_string(), decode_attribute(v).into_owned()))
                .collect();
            assert_eq!(got.len(), want.len(), "{name}: {description}: {got:?}");
            for (n, v) in got {
                let w = unescape(want[&n].as_str().unwrap(), double);
                tally.check(&format!("{name}: {description}"), &v, &w);
            }
        } else {
            tally
                .skipped
                .push(format!("{name}: {description} (tokens {kinds:?})"));
        }
    }
}

#[test]
fn character_references_follow_html5lib_tokenizer_tests() {
    let mut tally = Tally::default();
    for file in [
        "namedEntities.test",
        "entities.test",
        "numericEntities.test",
    ] {
        run_tokenizer_file(file, &mut tally);
    }
    println!(
        "html5lib character references: {} passed, {} failed, {} not applicable",
        tally.passed,
        tally.failed.len(),
        tally.skipped.len()
    );
    for s in &tally.skipped {
        println!("  not applicable: {s}");
    }
    assert!(tally.passed > 4000, "too few cases read: {}", tally.passed);
    assert!(tally.failed.is_empty(), "{}", tally.failed.join("\n"));
}

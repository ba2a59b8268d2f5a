//! The engine reads raw HTML as the standards say a browser does, checked against their public
//! test suites, kept as data in `tests/fixtures/`:
//! - html5lib-tests' tokenizer cases for character references (`tokenizer/*Entities.test`,
//!   `entities.test`): every case whose input is text or one start tag with attributes;
//! - html5lib-tests' tree-construction cases (`tree-construction/*.dat`) for where the head
//!   ends and the body begins;
//! - WPT's `urltestdata.json` for URL parsing against a base;
//! - JSONTestSuite's parsing cases (`json-test-suite/test_parsing`) for the JSON reader that
//!   reads JSON-LD, held to serde_json's verdict and tree on each, and on every JSON-LD block
//!   of the page fixtures.

use malgeum::conformance::{self, decode_attribute, decode_text, parse_json, JsonValue};
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
            let got: Vec<(String, String)> = conformance::attributes(&input)
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

/// One html5lib tree-construction case: its input and, per node of the expected tree, the
/// names of its ancestors.
struct TreeCase {
    file: String,
    data: String,
    /// Elements (lowercase names) inside the head, in document order.
    head_elements: Vec<String>,
    /// The text the body holds outside never-content elements, whitespace folded.
    body_text: String,
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the cases of a `.dat` file that are whole documents, parsed with scripting on (how
/// lol_html reads `<noscript>`).
fn tree_cases(file: &str) -> Vec<TreeCase> {
    let text = fixture(&format!("html5lib/tree-construction/{file}"));
    let mut cases = Vec::new();
    for chunk in text
        .split("\n\n#data\n")
        .map(|c| c.trim_start_matches("#data\n"))
    {
        let Some((data, rest)) = chunk.split_once("\n#errors\n") else {
            continue;
        };
        if rest.contains("\n#document-fragment\n")
            || rest.starts_with("#document-fragment")
            || rest.contains("#script-off")
        {
            continue;
        }
        let Some((_, document)) = rest.split_once("#document\n") else {
            continue;
        };
        let mut stack: Vec<(usize, String)> = Vec::new();
        let (mut head_elements, mut body_text) = (Vec::new(), String::new());
        let mut lines = document.lines();
        while let Some(line) = lines.next() {
            let Some(body) = line.strip_prefix("| ") else {
                break;
            };
            let depth = body.len() - body.trim_start().len();
            let node = body.trim_start();
            while stack.last().is_some_and(|(d, _)| *d >= depth) {
                stack.pop();
            }
            let inside = |name: &str| stack.iter().any(|(_, n)| n == name);
            if let Some(quoted) = node.strip_prefix('"') {
                let mut s = quoted.to_string();
                while !s.ends_with('"') {
                    let Some(more) = lines.next() else { break };
                    s.push('\n');
                    s.push_str(more);
                }
                s.pop();
                let never = stack
                    .iter()
                    .any(|(_, n)| conformance::is_never_content(n) || n == "noscript");
                if inside("body") && !never {
                    body_text.push_str(&s);
                }
            } else if let Some(element) = node.strip_prefix('<').and_then(|n| n.strip_suffix('>')) {
                if element.starts_with('!') || element.starts_with('?') {
                    continue;
                }
                let name = element.rsplit(' ').next().unwrap_or(element).to_string();
                if inside("head") {
                    head_elements.push(name.clone());
                }
                stack.push((depth, name));
            } else if node == "content" {
                stack.push((depth, "content".to_string()));
            }
        }
        cases.push(TreeCase {
            file: file.to_string(),
            data: data.to_string(),
            head_elements,
            body_text: fold(&body_text),
        });
    }
    cases
}

/// What the scan makes of a case: the same two views.
fn scanned(data: &str) -> (Vec<String>, String) {
    let (head, text) = conformance::head_and_body(data);
    (head, fold(&text))
}

#[test]
fn head_and_body_follow_html5lib_tree_construction_tests() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html5lib/tree-construction");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".dat"))
        .collect();
    files.sort();
    let (mut cases, mut head_ok, mut text_ok) = (0, 0, 0);
    let (mut head_failures, mut text_failures) = (Vec::new(), Vec::new());
    for file in &files {
        for case in tree_cases(file) {
            cases += 1;
            let (head, text) = scanned(&case.data);
            if head == case.head_elements {
                head_ok += 1;
            } else {
                head_failures.push(format!(
                    "{}: {:?}: head {:?}, want {:?}",
                    case.file, case.data, head, case.head_elements
                ));
            }
            if text == case.body_text {
                text_ok += 1;
            } else {
                text_failures.push(format!(
                    "{}: {:?}: body text {:?}, want {:?}",
                    case.file, case.data, text, case.body_text
                ));
            }
        }
    }
    println!("html5lib tree construction: {cases} documents; head elements {head_ok} passed, {} failed; body text {text_ok} passed, {} failed", head_failures.len(), text_failures.len());
    for f in head_failures.iter().chain(&text_failures) {
        println!("  {f}");
    }
    assert!(cases > 1500, "too few cases read: {cases}");
    // What is left is tree surgery a streaming scan does not do: foster parenting out of tables,
    // the adoption agency's re-opened formatting elements, <select>, <button> and frameset
    // quirks, templates in odd places, stray end tags before the head. Fewer failures are
    // welcome; more fail the test.
    assert!(head_failures.len() <= 12, "head placement regressed");
    assert!(text_failures.len() <= 35, "body text regressed");
}

/// The host part of a URL as written (after `//`, up to the path, query or fragment).
fn written_host(url: &str) -> &str {
    let Some((_, rest)) = url.split_once("//") else {
        return "";
    };
    rest.split(['/', '\\', '?', '#']).next().unwrap_or("")
}

#[test]
fn urls_follow_wpt_urltestdata() {
    let data: Value = serde_json::from_str(&fixture("wpt-url/urltestdata.json")).unwrap();
    let (mut passed, mut failed) = (0, Vec::new());
    let (mut file_passed, mut file_failed, mut idna, mut invalid) = (0, 0, 0, 0);
    for case in data.as_array().unwrap().iter().filter(|c| c.is_object()) {
        if case["failure"].as_bool() == Some(true) {
            // Invalid URLs: a browser keeps the attribute as written.
            invalid += 1;
            let input = case["input"].as_str().unwrap();
            let base = case["base"].as_str().unwrap_or("");
            let got = conformance::resolve(base, input);
            if got != input.trim() {
                failed.push(format!("{input:?} against {base:?} is invalid: {got:?}"));
            }
            continue;
        }
        let want = case["href"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        let base = case["base"].as_str().unwrap_or("");
        let hostname = case["hostname"].as_str().unwrap_or("");
        if !hostname.is_ascii() || want.contains("xn--") || !written_host(input).is_ascii() {
            // Internationalized hosts need IDNA's Unicode tables, which the build leaves out.
            idna += 1;
            continue;
        }
        let got = conformance::resolve(base, input);
        if want.starts_with("file:") {
            // Local files are no article's links: counted, not required.
            if got == want {
                file_passed += 1;
            } else {
                file_failed += 1;
            }
        } else if got == want {
            passed += 1;
        } else {
            failed.push(format!(
                "{input:?} against {base:?}: {got:?}, want {want:?}"
            ));
        }
    }
    println!(
        "WPT urltestdata, ASCII hosts: {passed} passed, {} failed; file: URLs {file_passed} passed, {file_failed} failed; {invalid} invalid URLs kept as written; not compared: {idna} internationalized hosts",
        failed.len()
    );
    for f in &failed {
        println!("  {f}");
    }
    assert!(passed > 400, "too few cases read: {passed}");
    // Every case passes: any failure is a regression.
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The engine's JSON tree and serde_json's agree: the same strings, arrays and members (a
/// repeated key's last value, as a map keeps it); numbers are not kept, only checked.
fn same_json(ours: &JsonValue, theirs: &Value) -> bool {
    match (ours, theirs) {
        (JsonValue::Null, Value::Null) | (JsonValue::Number, Value::Number(_)) => true,
        (JsonValue::Bool(a), Value::Bool(b)) => a == b,
        (JsonValue::String(a), Value::String(b)) => a == b,
        (JsonValue::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_json(x, y))
        }
        (JsonValue::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.0.iter().map(|(k, _)| k).collect();
            keys.sort();
            keys.dedup();
            keys.len() == b.len()
                && keys
                    .iter()
                    .all(|k| b.get(*k).is_some_and(|v| same_json(a.get(k).unwrap(), v)))
        }
        _ => false,
    }
}

/// One input read by both readers: what differs, if anything.
fn json_disagreement(name: &str, text: &str) -> Option<String> {
    let ours = parse_json(text);
    let theirs = serde_json::from_str::<Value>(text).ok();
    match (&ours, &theirs) {
        (None, None) => None,
        (Some(a), Some(b)) if same_json(a, b) => None,
        _ => Some(format!(
            "{name}: ours {}, serde_json {}",
            if ours.is_some() { "accepts" } else { "refuses" },
            if theirs.is_some() {
                "accepts"
            } else {
                "refuses"
            },
        )),
    }
}

#[test]
fn json_follows_json_test_suite_as_serde_json_reads_it() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/json-test-suite/test_parsing");
    let mut failed = Vec::new();
    let (mut read, mut not_text) = (0, 0);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        // The engine reads text: a case that is no UTF-8 never reaches it (and none of those
        // is one a parser must accept).
        let Ok(text) = std::str::from_utf8(&bytes) else {
            assert!(
                !name.starts_with("y_"),
                "{name} must be accepted but is no UTF-8"
            );
            not_text += 1;
            continue;
        };
        read += 1;
        let accepted = parse_json(text).is_some();
        if name.starts_with("y_") && !accepted || name.starts_with("n_") && accepted {
            failed.push(format!("{name}: the suite says otherwise"));
        }
        // Where the suite leaves the choice to the parser, one: a number beyond a double's
        // range (`1.0e+28000`) is refused by serde_json, which reads it as a double, and
        // accepted by the engine, which keeps no number.
        let beyond_a_double = name.starts_with("i_number_") && name.contains("_exp")
            || name.starts_with("i_number_real_") && name.contains("overflow");
        match json_disagreement(&name, text) {
            Some(_) if beyond_a_double && accepted => {}
            other => failed.extend(other),
        }
    }
    assert!(read > 280, "only {read} cases read ({not_text} not UTF-8)");
    assert!(
        failed.is_empty(),
        "{} of {read} cases:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn json_ld_of_the_page_fixtures_reads_as_serde_json_reads_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut blocks = 0;
    let mut failed = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let page = entry.unwrap().path().join("source.html");
        let Ok(bytes) = std::fs::read(&page) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        for (at, _) in html.match_indices("application/ld+json") {
            let Some(open) = html[at..].find('>') else {
                continue;
            };
            let body = &html[at + open + 1..];
            let Some(close) = body.find("</script") else {
                continue;
            };
            blocks += 1;
            failed.extend(json_disagreement(
                &page.display().to_string(),
                body[..close].trim(),
            ));
        }
    }
    assert!(blocks > 50, "only {blocks} JSON-LD blocks found");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

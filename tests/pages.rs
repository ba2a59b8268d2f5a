//! The page fixtures: every folder `tests/pages/<name>/` holds a page (`source.html`) and what
//! its export must say (`truth.json`). This runner extracts each page and runs every check its
//! truth.json names, then reports all failures at once (see tests/pages/README.md).
//!
//! `cargo test --release --test pages [-- FILTER…]` runs the folders whose name contains a
//! FILTER (all without one). `MALGEUM_BLESS=1` writes `truth.json.new` for a folder that has no
//! truth.json yet, for a human to review and rename; it never overwrites a file.

use malgeum::{extract_bytes, Options};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The page address a truth.json without `"url"` gives the engine.
const DEFAULT_URL: &str = "https://news.example.com/story";
/// The checks a page's saved copy (read without its address) must pass too.
const SAVED_COPY_CHECKS: &[&str] = &[
    "title",
    "authors",
    "published",
    "site_name",
    "subtitle",
    "text",
    "noise",
];
/// The shingle F1 at which `"text"` passes.
const TEXT_F1_MIN: f64 = 0.99;
/// Expected/got values longer than this (in characters) are cut in the report.
const SHOW_CHARS: usize = 300;

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let bless = std::env::var("MALGEUM_BLESS").is_ok_and(|v| v == "1");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut folders: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    folders.sort();

    let (mut passed, mut failed, mut gaps) = (0, 0, 0);
    let mut report = String::new();
    let mut gap_lines = String::new();
    for name in &folders {
        for outcome in run_folder(&root.join(name), bless) {
            match outcome {
                Outcome::Pass => passed += 1,
                Outcome::Gap { check, why } => {
                    gaps += 1;
                    let _ = writeln!(gap_lines, "  {name}: {check}: known gap ({why})");
                }
                Outcome::Fail { check, message } => {
                    failed += 1;
                    let _ = writeln!(report, "{name}: {check}\n{}", indent(&message));
                }
            }
        }
    }
    if !gap_lines.is_empty() {
        print!("known gaps:\n{gap_lines}");
    }
    if !report.is_empty() {
        print!("\nFAILURES\n{report}\n");
    }
    println!("pages: {passed} passed, {failed} failed, {gaps} known gaps");
    if folders.is_empty() && filters.is_empty() {
        println!("no folders in {}", root.display());
        std::process::exit(1);
    }
    if failed > 0 {
        std::process::exit(1);
    }
}

enum Outcome {
    Pass,
    Gap { check: String, why: String },
    Fail { check: String, message: String },
}

fn fail(check: &str, message: impl Into<String>) -> Outcome {
    Outcome::Fail {
        check: check.to_string(),
        message: message.into(),
    }
}

/// Every check of one folder.
fn run_folder(dir: &Path, bless: bool) -> Vec<Outcome> {
    let bytes = match std::fs::read(dir.join("source.html")) {
        Ok(b) => b,
        Err(e) => return vec![fail("source.html", e.to_string())],
    };
    let truth_path = dir.join("truth.json");
    if !truth_path.exists() {
        let message = if !bless {
            "missing (MALGEUM_BLESS=1 writes truth.json.new to start from)".to_string()
        } else {
            bless_folder(dir, &bytes)
        };
        return vec![fail("truth.json", message)];
    }
    let truth: Value = match std::fs::read_to_string(&truth_path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(Value::Object(t)) => Value::Object(t),
        Ok(_) => return vec![fail("truth.json", "not a JSON object")],
        Err(e) => return vec![fail("truth.json", e)],
    };
    let url = truth["url"].as_str().unwrap_or(DEFAULT_URL);
    let export = match extract_bytes(&bytes, url, &Options::default()) {
        Ok(article) => serde_json::from_str(&article.to_json(false)).expect("the export is JSON"),
        Err(e) => return vec![fail("extract", e.to_string())],
    };

    let mut results: Vec<(String, Result<(), String>)> = Vec::new();
    results.push((
        "lesson".into(),
        match truth.get("lesson") {
            Some(Value::String(s)) if !s.trim().is_empty() && !s.contains('\n') => Ok(()),
            _ => Err("truth.json needs \"lesson\": one line, what the page taught".into()),
        },
    ));
    for check in run_checks(&truth, &export) {
        results.push(check);
    }
    // A saved copy (no address) must read as the live page does: every field the page passes
    // with its address, it passes without one (templates are matched by markup, not by host).
    if truth.get("url").is_some() {
        let copy = match extract_bytes(&bytes, "", &Options::default()) {
            Ok(article) => {
                serde_json::from_str(&article.to_json(false)).expect("the export is JSON")
            }
            Err(e) => return vec![fail("saved_copy", e.to_string())],
        };
        let passed: Vec<String> = results
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(name, _)| name.clone())
            .collect();
        for (name, result) in run_checks(&truth, &copy) {
            if SAVED_COPY_CHECKS.contains(&name.as_str()) && passed.contains(&name) {
                results.push((format!("saved_copy.{name}"), result));
            }
        }
    }

    let known: HashMap<&str, &str> = match truth.get("known_gaps") {
        None => HashMap::new(),
        Some(Value::Object(m)) => m
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or("")))
            .collect(),
        Some(_) => return vec![fail("known_gaps", "must be an object {check: why}")],
    };
    let mut out = Vec::new();
    for gap in known.keys() {
        if !results.iter().any(|(name, _)| name == gap) {
            out.push(fail(
                &format!("known_gaps.{gap}"),
                "names no check of this truth.json",
            ));
        }
    }
    for (check, result) in results {
        out.push(match (result, known.get(check.as_str())) {
            (Ok(()), None) => Outcome::Pass,
            (Err(message), None) => Outcome::Fail { check, message },
            (Err(_), Some(why)) => Outcome::Gap {
                check,
                why: why.to_string(),
            },
            (Ok(()), Some(why)) => Outcome::Fail {
                message: format!("passes now: remove it from \"known_gaps\" (it said: {why})"),
                check,
            },
        });
    }
    out
}

/// The checks a truth.json asks for, in a fixed order, each named by its truth key.
fn run_checks(truth: &Value, export: &Value) -> Vec<(String, Result<(), String>)> {
    let text = export["text"].as_str().unwrap_or("");
    let title = export["title"].as_str().unwrap_or("");
    let html = export["contentHtml"].as_str().unwrap_or("");
    let mut out = Vec::new();
    let mut add = |name: &str, r: Result<(), String>| out.push((name.to_string(), r));

    // score.py's fields: a null or empty value is not scored, as score.py does.
    for (key, field) in [
        ("title", "title"),
        ("lang", "lang"),
        ("site_name", "siteName"),
        ("subtitle", "subtitle"),
    ] {
        if let Some(want) = scored(truth, key) {
            add(key, same_text(want, &export[field]));
        }
    }
    // A labelled page's truth names its deck when it has one, so a labelled page without the
    // key has none: a caption or a kicker taken for the deck is a wrong field in the export.
    if truth.get("origin").is_some() && truth.get("subtitle").is_none() {
        add("subtitle", no_deck(&export["subtitle"]));
    }
    if let Some(want) = truth.get("authors").filter(|v| !v.is_null()) {
        let want = names(want);
        let got = names(&export["authors"]);
        add(
            "authors",
            if want == got {
                Ok(())
            } else {
                Err(format!("expected {want:?}\n     got {got:?}"))
            },
        );
    }
    if let Some(want) = scored(truth, "published") {
        add("published", same_instant(want, &export["published"]));
    }
    if let Some(want) = truth.get("text").and_then(Value::as_str) {
        add("text", text_matches(want, text));
    }
    if let Some(noise) = truth.get("noise") {
        add(
            "noise",
            strings(noise).and_then(|noise| {
                let leaked: Vec<&str> = noise
                    .into_iter()
                    .filter(|n| text.contains(n) || title.contains(n))
                    .collect();
                absent_all(&leaked, "text or title", text)
            }),
        );
    }
    for (key, hay, where_) in [
        ("text_has", text, "text"),
        ("text_lacks", text, "text"),
        ("html_has", html, "contentHtml"),
        ("html_lacks", html, "contentHtml"),
    ] {
        let Some(v) = truth.get(key) else { continue };
        add(
            key,
            strings(v).and_then(|wanted| {
                let has = key.ends_with("_has");
                let wrong: Vec<&str> = wanted
                    .into_iter()
                    .filter(|s| hay.contains(s) != has)
                    .collect();
                if has {
                    present_all(&wrong, where_, hay)
                } else {
                    absent_all(&wrong, where_, hay)
                }
            }),
        );
    }
    if let Some(v) = truth.get("text_starts") {
        add(
            "text_starts",
            match v.as_str() {
                Some(want) if text.starts_with(want) => Ok(()),
                Some(want) => Err(format!(
                    "text does not start with {}\n     text: {}",
                    show(want),
                    show(text)
                )),
                None => Err("\"text_starts\" must be a string".into()),
            },
        );
    }
    match truth.get("export") {
        None => {}
        Some(Value::Object(fields)) => {
            for (path, want) in fields {
                let got = lookup(export, path);
                let ok = match (want, got) {
                    (Value::Null, None | Some(Value::Null)) => true,
                    (want, Some(got)) => want == got,
                    _ => false,
                };
                let got = got.map_or("(absent)".to_string(), show_value);
                let want = if want.is_null() {
                    "(absent)".to_string()
                } else {
                    show_value(want)
                };
                add(
                    &format!("export.{path}"),
                    if ok {
                        Ok(())
                    } else {
                        Err(format!("expected {want}\n     got {got}"))
                    },
                );
            }
        }
        Some(_) => add("export", Err("must be an object {path: value}".into())),
    }
    out
}

/// A score.py field's value, unless it is null or empty (not scored).
fn no_deck(got: &Value) -> Result<(), String> {
    match got.as_str() {
        Some(deck) if !deck.trim().is_empty() => Err(format!("expected none\n     got {deck:?}")),
        _ => Ok(()),
    }
}

fn scored<'a>(truth: &'a Value, key: &str) -> Option<&'a Value> {
    truth
        .get(key)
        .filter(|v| !v.is_null() && v.as_str() != Some(""))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Equal after collapsing whitespace (score.py's "exact").
fn same_text(want: &Value, got: &Value) -> Result<(), String> {
    if !got.is_null() && collapse(&plain(want)) == collapse(&plain(got)) {
        Ok(())
    } else {
        Err(format!(
            "expected {}\n     got {}",
            show_value(want),
            shown(got)
        ))
    }
}

/// The same instant when both parse as ISO 8601 with an offset; else the same string.
fn same_instant(want: &Value, got: &Value) -> Result<(), String> {
    let ok = !got.is_null()
        && match (instant(&plain(want)), instant(&plain(got))) {
            (Some(a), Some(b)) => a == b,
            _ => collapse(&plain(want)) == collapse(&plain(got)),
        };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected {}\n     got {}",
            show_value(want),
            shown(got)
        ))
    }
}

/// Names as a set, from a list of names or of objects with a "name" (score.py's `_names`).
fn names(v: &Value) -> BTreeSet<String> {
    let list = match v {
        Value::Array(a) => a.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    };
    list.iter()
        .filter_map(|a| match a {
            Value::Object(o) => o.get("name").map(plain),
            Value::Null => None,
            other => Some(plain(other)),
        })
        .map(|n| collapse(&n))
        .filter(|n| !n.is_empty())
        .collect()
}

fn strings(v: &Value) -> Result<Vec<&str>, String> {
    match v {
        Value::String(s) => Ok(vec![s.as_str()]),
        Value::Array(a) => a
            .iter()
            .map(|s| s.as_str().ok_or_else(|| format!("not a string: {s}")))
            .collect(),
        _ => Err("must be a string or a list of strings".into()),
    }
}

fn present_all(missing: &[&str], where_: &str, hay: &str) -> Result<(), String> {
    if missing.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = missing.iter().map(|s| show(s)).collect();
    Err(format!(
        "missing from {where_}: {}\n     {where_}: {}",
        list.join(", "),
        show(hay)
    ))
}

fn absent_all(found: &[&str], where_: &str, hay: &str) -> Result<(), String> {
    if found.is_empty() {
        return Ok(());
    }
    let mut msg = String::new();
    for s in found {
        let _ = writeln!(msg, "found in {where_}: {}", show(s));
        // (Found by a folded comparison, it may not be in `hay` as written.)
        let (at, len) = hay.find(s).map_or((0, 0), |at| (at, s.len()));
        let _ = writeln!(msg, "     …{}…", around(hay, at, len));
    }
    Err(msg.trim_end().to_string())
}

/// Some context around `hay[at..at + len]`.
fn around(hay: &str, at: usize, len: usize) -> String {
    let start = hay[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let end = hay[at + len..]
        .char_indices()
        .nth(60)
        .map_or(hay.len(), |(i, _)| at + len + i);
    hay[start..end].replace('\n', "⏎")
}

/// A value of the export at a dotted path (`images.0.caption`); array indices are numbers.
fn lookup<'a>(export: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(export, |v, key| match v {
        Value::Array(a) => a.get(key.parse::<usize>().ok()?),
        Value::Object(o) => o.get(key),
        _ => None,
    })
}

// ------------------------------------------------------------------------------ text metric

/// score.py's tokens: `\w+` (Unicode letters and digits, `_`). Rust's `is_alphanumeric` is
/// Python's `isalnum` but for the combining vowel signs of some scripts (Devanagari, …).
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Token 4-gram multiset; a text of fewer than 4 tokens is one shingle of all of them.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        m.insert(toks, 1);
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// One page's F1 as score.py computes it (precision and recall of the shingle multisets).
fn shingle_f1(truth: &str, pred: &str) -> f64 {
    let (t, p) = (shingles(truth), shingles(pred));
    let tp: usize = t
        .iter()
        .map(|(k, n)| (*n).min(p.get(k).copied().unwrap_or(0)))
        .sum();
    let fp = p.values().sum::<usize>() - tp;
    let fn_ = t.values().sum::<usize>() - tp;
    if fp == 0 && fn_ == 0 {
        return 1.0;
    }
    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

fn text_matches(want: &str, got: &str) -> Result<(), String> {
    let f1 = shingle_f1(want, got);
    if f1 >= TEXT_F1_MIN {
        return Ok(());
    }
    let paragraphs = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (w, g) = (paragraphs(want), paragraphs(got));
    let i = (0..w.len().max(g.len()))
        .find(|&i| w.get(i) != g.get(i))
        .unwrap_or(0);
    let para = |v: &[String]| v.get(i).map_or("(none)".to_string(), |p| show(p));
    Err(format!(
        "shingle F1 {f1:.3} < {TEXT_F1_MIN}; first differing paragraph (#{}):\n     expected {}\n     got {}",
        i + 1,
        para(&w),
        para(&g)
    ))
}

// ---------------------------------------------------------------------------- ISO 8601

/// Seconds and nanoseconds since the epoch of `YYYY-MM-DD?HH:MM[:SS[.f]]` with `Z` or
/// `±HH[:]MM`; None without an offset (as score.py's `_instant`).
fn instant(s: &str) -> Option<(i64, u32)> {
    let s = s.trim();
    let (date, rest) = (s.get(..10)?, s.get(11..)?);
    let d: Vec<i64> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if d.len() != 3 || date.as_bytes()[4] != b'-' {
        return None;
    }
    let (time, offset) = if let Some(t) = rest.strip_suffix('Z') {
        (t, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (h, m): (i64, i64) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
        (t, sign * (h * 3600 + m * 60))
    };
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let t: Vec<i64> = hms
        .split(':')
        .map(|p| (p.len() == 2).then(|| p.parse().ok()).flatten())
        .collect::<Option<_>>()?;
    if !(2..=3).contains(&t.len()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanos: u32 = format!("{frac:0<9}").get(..9)?.parse().ok()?;
    let days = days_from_civil(d[0], d[1], d[2]);
    let secs = days * 86_400 + t[0] * 3600 + t[1] * 60 + t.get(2).copied().unwrap_or(0) - offset;
    Some((secs, nanos))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// ------------------------------------------------------------------------------- display

fn show(s: &str) -> String {
    let cut: String = s.chars().take(SHOW_CHARS).collect();
    let more = s.chars().count() > SHOW_CHARS;
    format!("{:?}{}", cut, if more { " (cut)" } else { "" })
}

fn show_value(v: &Value) -> String {
    match v {
        Value::String(s) => show(s),
        other => {
            let s = other.to_string();
            if s.chars().count() > SHOW_CHARS {
                format!("{} (cut)", s.chars().take(SHOW_CHARS).collect::<String>())
            } else {
                s
            }
        }
    }
}

fn shown(v: &Value) -> String {
    if v.is_null() {
        "(absent)".into()
    } else {
        show_value(v)
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

// --------------------------------------------------------------------------------- bless

/// Writes `truth.json.new` from today's export (never over a file); says what it did.
fn bless_folder(dir: &Path, bytes: &[u8]) -> String {
    let new = dir.join("truth.json.new");
    if new.exists() {
        return "missing; truth.json.new is there: review it and rename it to truth.json".into();
    }
    let export: Value = match extract_bytes(bytes, DEFAULT_URL, &Options::default()) {
        Ok(a) => serde_json::from_str(&a.to_json(false)).expect("the export is JSON"),
        Err(e) => return format!("missing; no truth.json.new: the page does not extract: {e}"),
    };
    let mut fields: Vec<(&str, Value)> = vec![
        ("lesson", json!("TODO")),
        ("url", json!(DEFAULT_URL)),
        ("title", export["title"].clone()),
    ];
    let authors: Vec<String> = names(&export["authors"]).into_iter().collect();
    if !authors.is_empty() {
        fields.push(("authors", json!(authors)));
    }
    for (key, field) in [
        ("published", "published"),
        ("lang", "lang"),
        ("site_name", "siteName"),
    ] {
        if !export[field].is_null() {
            fields.push((key, export[field].clone()));
        }
    }
    let first: Vec<&str> = export["text"]
        .as_str()
        .unwrap_or("")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(3)
        .collect();
    fields.push(("text_has", json!(first)));
    let mut out = String::from("{\n");
    for (i, (key, value)) in fields.iter().enumerate() {
        let value = serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', "\n  ");
        let comma = if i + 1 < fields.len() { "," } else { "" };
        let _ = writeln!(out, "  {}: {value}{comma}", json!(key));
    }
    out.push_str("}\n");
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&new)
        .and_then(|mut f| std::io::Write::write_all(&mut f, out.as_bytes()))
    {
        Ok(()) => {
            "missing; wrote truth.json.new: review it (write the lesson) and rename it".into()
        }
        Err(e) => format!("missing; could not write truth.json.new: {e}"),
    }
}

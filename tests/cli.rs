//! The `malgeum` command line: every output format on the bundled example page, standard
//! input, `--jsonl` over several files (with `--url-map`), and the failures: a missing file, a
//! binary file, a directory (a clear message and exit 1) and bad flags (usage and exit 2).

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/businesspost-naver-sovereign-ai/source.html"
);
const TRUTH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/businesspost-naver-sovereign-ai/truth.json"
);

fn truth() -> Value {
    serde_json::from_str(&std::fs::read_to_string(TRUTH).unwrap()).unwrap()
}

fn url() -> String {
    truth()["url"].as_str().unwrap().to_string()
}

fn malgeum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_malgeum"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run malgeum")
}

fn malgeum_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_malgeum"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run malgeum");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        stdin.write_all(&input).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("malgeum-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// The first words of the article's body, as the truth has them.
fn body_start() -> String {
    truth()["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_ok(o: &Output, what: &str) {
    assert!(
        o.status.success(),
        "{what}: exit {:?}\n{}",
        o.status.code(),
        stderr(o)
    );
}

/// One line of usage-error output: `malgeum: <why>` and the usage, exit 2.
fn assert_usage_error(o: &Output, why: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "exit 2 for {why:?}; stderr {err}");
    assert!(
        err.starts_with("malgeum: "),
        "message starts with 'malgeum: ': {err}"
    );
    assert!(err.contains(why), "message says {why:?}: {err}");
    assert!(err.contains("usage: malgeum"), "usage shown: {err}");
    assert!(o.stdout.is_empty(), "nothing on stdout");
    assert!(!err.contains("panicked"), "{err}");
}

// ------------------------------------------------------------------------------ formats

#[test]
fn format_json_is_the_default_and_is_the_export() {
    let url = url();
    for args in [
        vec![EXAMPLE, "--url", &url],
        vec![EXAMPLE, "--url", &url, "--format", "json"],
        vec!["--format", "json", "--url", &url, EXAMPLE],
        vec![EXAMPLE, "--url", &url, "-f", "json"],
    ] {
        let o = malgeum(&args);
        assert_ok(&o, "json");
        let v: Value = serde_json::from_str(&stdout(&o)).expect("stdout is one JSON document");
        let t = truth();
        assert_eq!(v["schema"], "malgeum.article/1");
        assert_eq!(v["url"], t["url"]);
        assert_eq!(v["title"], t["title"]);
        assert_eq!(v["readerable"], true);
        assert!(v["contentHtml"].as_str().unwrap().contains("<p>"));
        assert!(fold(v["text"].as_str().unwrap()).contains(&body_start()));
        assert!(
            v["markdown"].is_string(),
            "the JSON export carries the Markdown"
        );
        assert!(
            stderr(&o).is_empty(),
            "a readerable page prints nothing on stderr: {}",
            stderr(&o)
        );
    }
}

#[test]
fn format_markdown() {
    let url = url();
    for f in ["markdown", "md"] {
        let o = malgeum(&[EXAMPLE, "--url", &url, "--format", f]);
        assert_ok(&o, f);
        let out = stdout(&o);
        let title = truth()["title"].as_str().unwrap().to_string();
        // YAML front matter (title, published, url), then the title as a heading.
        let front = out
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n\n"))
            .map(|(front, _)| front.to_string())
            .unwrap_or_else(|| panic!("{f}: opens with front matter: {out:.200}"));
        let published = truth()["published"].as_str().unwrap().to_string();
        for line in [
            format!("title: \"{title}\""),
            format!("published: {published}"),
        ] {
            assert!(front.lines().any(|l| l == line), "{f}: {line} in {front}");
        }
        assert!(
            front.lines().any(|l| l.starts_with("url: \"http")),
            "{f}: url in {front}"
        );
        assert!(
            out.contains(&format!("\n---\n\n# {title}\n\n")),
            "{f}: the title as a heading after the front matter"
        );
        // Markdown escapes the brackets of "[비즈니스포스트]".
        assert!(
            fold(&out.replace('\\', "")).contains(&body_start()),
            "{f}: holds the body"
        );
        assert!(
            !out.contains("<p>") && !out.contains("</"),
            "{f}: Markdown, not HTML"
        );
        assert!(
            serde_json::from_str::<Value>(&out).is_err(),
            "{f}: not JSON"
        );
    }
}

#[test]
fn format_html() {
    let url = url();
    let o = malgeum(&[EXAMPLE, "--url", &url, "--format", "html"]);
    assert_ok(&o, "html");
    let out = stdout(&o);
    assert!(out.trim_start().starts_with('<'), "HTML: {out:.100}");
    assert!(out.contains("<p>"));
    assert!(fold(&out).contains(&body_start()));
    assert!(!out.to_ascii_lowercase().contains("<script"));
    // The same as the export's contentHtml (plus the final newline).
    let json: Value = serde_json::from_str(&stdout(&malgeum(&[EXAMPLE, "--url", &url]))).unwrap();
    assert_eq!(out, format!("{}\n", json["contentHtml"].as_str().unwrap()));
}

#[test]
fn format_text() {
    let url = url();
    for f in ["text", "txt"] {
        let o = malgeum(&[EXAMPLE, "--url", &url, "--format", f]);
        assert_ok(&o, f);
        let out = stdout(&o);
        assert!(fold(&out).contains(&body_start()), "{f}: holds the body");
        assert!(!out.contains("<p>"), "{f}: no markup");
        let json: Value =
            serde_json::from_str(&stdout(&malgeum(&[EXAMPLE, "--url", &url]))).unwrap();
        assert_eq!(out, format!("{}\n", json["text"].as_str().unwrap()));
    }
}

#[test]
fn without_url_the_page_still_reads() {
    let o = malgeum(&[EXAMPLE]);
    assert_ok(&o, "no --url");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["url"], "");
    assert!(fold(v["text"].as_str().unwrap()).contains(&body_start()));
}

#[test]
fn help_and_version() {
    let o = malgeum(&["--help"]);
    assert_ok(&o, "--help");
    assert!(stdout(&o).contains("usage: malgeum"));
    let o = malgeum(&["-h"]);
    assert_ok(&o, "-h");
    let o = malgeum(&["--version"]);
    assert_ok(&o, "--version");
    assert_eq!(
        stdout(&o).trim(),
        format!("malgeum {}", env!("CARGO_PKG_VERSION"))
    );
}

// ------------------------------------------------------------------------------ stdin

#[test]
fn dash_reads_standard_input() {
    let url = url();
    let bytes = std::fs::read(EXAMPLE).unwrap();
    for format in ["json", "markdown", "html", "text"] {
        let from_file = malgeum(&[EXAMPLE, "--url", &url, "--format", format]);
        let from_stdin = malgeum_stdin(&["-", "--url", &url, "--format", format], &bytes);
        assert_ok(&from_stdin, "stdin");
        assert_eq!(
            stdout(&from_stdin),
            stdout(&from_file),
            "{format}: stdin and the file give the same export"
        );
    }
}

#[test]
fn dash_with_empty_standard_input() {
    let o = malgeum_stdin(&["-"], b"");
    assert!(!stderr(&o).contains("panicked"));
    // An empty page is readable HTML with no article: exit 0, the reason on stderr.
    assert_ok(&o, "empty stdin");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["readerable"], false);
    assert!(
        stderr(&o).contains("not an article"),
        "says so: {}",
        stderr(&o)
    );
}

#[test]
fn dash_with_binary_standard_input() {
    let o = malgeum_stdin(&["-"], &png_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

// ------------------------------------------------------------------------------ --jsonl

#[test]
fn jsonl_one_object_per_line_with_source() {
    let dir = scratch("jsonl");
    let small = write(
        &dir,
        "small.html",
        format!(
            "<html lang=en><head><title>Small page</title></head><body><article><h1>Small page</h1>{}</article></body></html>",
            "<p>A paragraph of an article, long enough to count, with commas, clauses, and a point.</p>"
                .repeat(4)
        )
        .as_bytes(),
    );
    let euc = write(
        &dir,
        "euc-kr.html",
        &encoding_rs::EUC_KR
            .encode(&format!(
                "<meta charset=euc-kr><article><h1>한국어 기사</h1>{}</article>",
                "<p>네이버가 정부의 국가대표 인공지능 모델 개발 사업에 도전장을 내밀었다, 업계의 관심이 크다.</p>"
                    .repeat(3)
            ))
            .0,
    );
    let files = [EXAMPLE.to_string(), small.clone(), euc.clone()];
    let mut args = vec!["--jsonl"];
    args.extend(files.iter().map(String::as_str));
    let o = malgeum(&args);
    assert_ok(&o, "--jsonl");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        files.len(),
        "one line per file:\n{}",
        out.chars().take(500).collect::<String>()
    );
    for (line, file) in lines.iter().zip(&files) {
        let v: Value = serde_json::from_str(line).expect("each line is one JSON object");
        assert_eq!(v["source"].as_str(), Some(file.as_str()), "source as given");
        assert_eq!(v["schema"], "malgeum.article/1");
        assert!(v["markdown"].is_string(), "--jsonl exports carry Markdown");
    }
    let small_v: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(small_v["title"], "Small page");
    let euc_v: Value = serde_json::from_str(lines[2]).unwrap();
    assert!(euc_v["text"]
        .as_str()
        .unwrap()
        .contains("네이버가 정부의 국가대표"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jsonl_with_url_map() {
    let dir = scratch("urlmap");
    let url = url();
    let map = write(
        &dir,
        "map.json",
        serde_json::json!({ EXAMPLE: url }).to_string().as_bytes(),
    );
    let o = malgeum(&["--jsonl", "--url-map", &map, EXAMPLE]);
    assert_ok(&o, "--url-map");
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["url"].as_str(), Some(url.as_str()));
    assert!(
        v["extractor"]["rule"]
            .as_str()
            .is_some_and(|r| r.contains("businesspost.co.kr")),
        "the mapped URL selects the site rule: {}",
        v["extractor"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jsonl_keeps_going_past_a_bad_file() {
    let dir = scratch("jsonl-bad");
    let missing = dir.join("missing.html").to_string_lossy().into_owned();
    let binary = write(&dir, "image.png", &png_bytes());
    let o = malgeum(&["--jsonl", &missing, EXAMPLE, &binary]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed file makes the run fail: {}",
        stderr(&o)
    );
    let out = stdout(&o);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3, "a line for every file, failed or not");
    assert_eq!(lines[0]["source"].as_str(), Some(missing.as_str()));
    assert!(lines[0]["error"].is_string(), "{}", lines[0]);
    assert_eq!(lines[1]["title"], truth()["title"]);
    assert_eq!(lines[2]["source"].as_str(), Some(binary.as_str()));
    assert!(lines[2]["error"].as_str().unwrap().contains("binary"));
    let err = stderr(&o);
    assert!(
        err.contains(&missing) && err.contains(&binary),
        "each failure named on stderr: {err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn jsonl_with_a_missing_url_map() {
    let o = malgeum(&["--jsonl", "--url-map", "/nonexistent/map.json", EXAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/map.json"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
}

// ------------------------------------------------------------------------------ failures

fn png_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    let mut x = 0x1234_5678u32;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b.push((x & 0x1f) as u8); // control bytes, as compressed data is full of
    }
    b
}

#[test]
fn missing_file_is_a_clear_error() {
    let o = malgeum(&["/nonexistent/page.html"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("malgeum: /nonexistent/page.html: "),
        "names the file: {err}"
    );
    assert!(
        err.to_lowercase().contains("no such file"),
        "says why: {err}"
    );
    assert!(o.stdout.is_empty());
    assert!(!err.contains("panicked"));
}

#[test]
fn binary_file_is_a_clear_error() {
    let dir = scratch("binary");
    let png = write(&dir, "image.png", &png_bytes());
    let o = malgeum(&[&png]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("malgeum: {png}: ")), "{err}");
    assert!(err.contains("binary"), "says it is binary: {err}");
    assert!(o.stdout.is_empty());
    // A NUL-heavy file too (not only control bytes).
    let zeros = write(&dir, "zeros.bin", &[0u8; 10_000]);
    let o = malgeum(&[&zeros]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn directory_is_a_clear_error() {
    let dir = scratch("dir");
    let d = dir.to_string_lossy().into_owned();
    let o = malgeum(&[&d]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("malgeum: {d}: ")), "{err}");
    assert!(!err.contains("panicked"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn not_an_article_exits_zero_and_says_why() {
    let dir = scratch("nonarticle");
    let p = write(
        &dir,
        "login.html",
        b"<html><body><form><input name=user><input type=password><button>Log in</button></form></body></html>",
    );
    let o = malgeum(&[&p]);
    assert_ok(&o, "a page that is not an article");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["readerable"], false);
    assert!(v["reason"].is_string());
    assert!(stderr(&o).contains("not an article"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------------------ bad flags

#[test]
fn unknown_flag_exits_2() {
    assert_usage_error(&malgeum(&["--bogus", EXAMPLE]), "--bogus");
    assert_usage_error(&malgeum(&["-z", EXAMPLE]), "-z");
}

#[test]
fn unknown_format_exits_2() {
    assert_usage_error(
        &malgeum(&[EXAMPLE, "--format", "pdf"]),
        "unknown format 'pdf'",
    );
}

#[test]
fn missing_flag_value_exits_2() {
    assert_usage_error(&malgeum(&[EXAMPLE, "--format"]), "--format");
    assert_usage_error(&malgeum(&[EXAMPLE, "--url"]), "--url");
    assert_usage_error(&malgeum(&["--jsonl", EXAMPLE, "--url-map"]), "--url-map");
}

#[test]
fn no_input_exits_2() {
    assert_usage_error(&malgeum(&[]), "no input file");
    assert_usage_error(&malgeum(&["--format", "text"]), "no input file");
}

#[test]
fn several_files_without_jsonl_exit_2() {
    assert_usage_error(&malgeum(&[EXAMPLE, EXAMPLE]), "--jsonl");
}

#[test]
fn flag_with_unexpected_value_exits_2() {
    assert_usage_error(&malgeum(&["--jsonl=yes", EXAMPLE]), "--jsonl");
}

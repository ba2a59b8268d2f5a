//! Hostile pages: huge, deep, wide, random, empty, mis-declared. Each must not panic, not hang
//! and not exhaust memory, and must come back as a best-effort export (`Ok`) or a clear error.
//!
//! Every case runs in a child process of its own, so that a stack overflow or an abort fails
//! that case only (instead of killing the whole test binary), a hang is cut off at a deadline,
//! and the peak resident memory (`VmHWM`, sampled from /proc while the child runs; the `lib_*`
//! children also report their own at the end) belongs to that case alone:
//!
//! - `lib_*` cases re-run this test binary filtered to the case, with `MALGEUM_HOSTILE_CASE`
//!   set; the child generates the page and calls the library.
//! - `cli_*` cases write the page to a temporary file and run the `malgeum` binary on it.
//!
//! Each prints `hostile <case> <elapsed> peak <MiB> <result>` (run with `--nocapture` to see
//! them). Timing is printed, never asserted. Memory is asserted loosely: under 1 GiB for the
//! 60 MB page, under 1 GiB for the rest too.
//!
//! Inputs that crashed the fuzzers are kept in `tests/fixtures/fuzz/` and replayed here
//! (`fuzz_regressions`), with the invariants the fuzz targets check.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const URL: &str = "https://news.example.com/2025/05/hostile";
const GIB: u64 = 1 << 30;
/// Beyond this a case counts as hung (debug builds on a shared 2-core machine are slow).
const DEADLINE: Duration = Duration::from_secs(120);
const CASE_ENV: &str = "MALGEUM_HOSTILE_CASE";

const PROSE: [&str; 4] = [
    "For more than a century, the keepers of the Inchcape light lived on a rock no larger than a \
     tennis court, trimming wicks, winding the clockwork and logging every passing ship.",
    "The ledgers are terse, but they are not dull. One keeper noted the arrival of a seal colony, \
     another the loss of a supply boat, and a third, the night the lamp failed.",
    "Historians say the books are a rare record of ordinary working lives at sea, written by \
     people who expected no reader, and therefore free of the varnish of memoirs.",
    "The archive plans to digitise all forty volumes by next spring, with volunteers \
     transcribing the handwriting page by page, and to publish them online.",
];

const KOREAN: [&str; 3] = [
    "네이버가 정부의 국가대표 인공지능 모델 개발 사업에 도전장을 내밀었다. 이해진 창업자가 오랫동안 강조해 온 인공지능 주권론이 다시 주목받고 있다.",
    "업계에서는 국내 기업이 자체 기술로 초거대 인공지능을 개발해야 한다는 목소리가 커지고 있으며, 정부도 관련 예산을 크게 늘리기로 했다.",
    "전문가들은 데이터와 반도체, 인재 확보가 성패를 가를 것이라고 내다봤다. 경쟁사들도 잇따라 컨소시엄을 꾸리며 사업 참여를 준비하고 있다.",
];

fn article(body: &str) -> String {
    let ps: String = PROSE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Hostile page</title></head>\
         <body><header><nav><a href=/>Home</a></nav></header>{body}<article><h1>Hostile page</h1>\n{ps}</article>\
         <footer>&copy; 2025 Example News</footer></body></html>"
    )
}

fn prose_article() -> String {
    let ps: String = PROSE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!("<article><h1>Hostile page</h1>\n{ps}</article>")
}

fn page_shell(body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Hostile page</title></head>\
         <body>{body}</body></html>"
    )
}

/// A tiny seeded PRNG (xorshift64*): the same "random" bytes on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n + 8);
        while out.len() < n {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        out.truncate(n);
        out
    }
}

// ------------------------------------------------------------------------------ the pages

fn deep_nesting_closed() -> String {
    let n = 300_000;
    page_shell(&format!(
        "{}{}{}",
        "<div>".repeat(n),
        prose_article(),
        "</div>".repeat(n)
    ))
}

fn deep_nesting_unclosed_blocks() -> String {
    let tags = ["<div>", "<section>", "<blockquote>", "<ul><li>", "<dl><dd>"];
    let mut s = String::new();
    for i in 0..300_000 {
        s.push_str(tags[i % tags.len()]);
    }
    page_shell(&format!("{s}{}", prose_article()))
}

fn deep_nesting_inline() -> String {
    let tags = ["<span>", "<b>", "<i>", "<em>", "<font>", "<a href=/x>"];
    let mut open = String::new();
    let mut close = String::new();
    for i in 0..300_000 {
        open.push_str(tags[i % tags.len()]);
    }
    for i in (0..300_000).rev() {
        let t = tags[i % tags.len()];
        let name = &t[1..t.find([' ', '>']).unwrap()];
        close.push_str(&format!("</{name}>"));
    }
    article(&format!("<div>{open}deep text{close}</div>"))
}

fn deep_nesting_tables() -> String {
    page_shell(&format!(
        "{}{}",
        "<table><tr><td>".repeat(100_000),
        prose_article()
    ))
}

/// About 60 MB of article-like markup (every block a candidate).
fn page_60mb() -> String {
    let mut s = String::with_capacity(61 << 20);
    s.push_str(
        "<!doctype html><html><head><meta charset=utf-8><title>Huge</title></head><body><article>",
    );
    let mut i = 0;
    while s.len() < 60 << 20 {
        s.push_str(&format!(
            "<div class=\"story\"><h2>Section {i}</h2><p>Paragraph {i}: the keepers logged every \
             ship, storm and shift of the wind, and the ledgers survive, page after page, in the \
             county archive.</p><p>Another paragraph with <a href=\"/link/{i}\">a link</a>, \
             <b>bold</b> and <em>emphasis</em>, and a comma, or two.</p>\
             <img src=\"/img/{i}.jpg\" alt=\"photo {i}\"></div>\n"
        ));
        i += 1;
    }
    s.push_str("</article></body></html>");
    s
}

fn attrs(n: usize) -> String {
    let mut s = String::with_capacity(n * 16);
    for i in 0..n {
        s.push_str(&format!(" data-a{i}=\"v{i}\""));
    }
    s
}

fn attrs_200k_on_container() -> String {
    page_shell(&format!("<div{}>{}</div>", attrs(200_000), prose_article()))
}

fn attrs_200k_on_img_and_link() -> String {
    let a = attrs(200_000);
    article(&format!(
        "<p>Intro with <a href=\"/x\"{a}>a link</a>.</p><figure><img src=\"/a.jpg\"{a}></figure>"
    ))
}

fn attrs_200k_same_name() -> String {
    let a = " class=\"x\"".repeat(200_000);
    page_shell(&format!("<div{a}>{}</div>", prose_article()))
}

fn random_1mb() -> Vec<u8> {
    Rng(0x5EED_1234_ABCD_0001).bytes(1 << 20)
}

/// 1 MB of tag soup over an HTML-ish alphabet: random, but mostly parsed as markup.
fn random_tag_soup_1mb() -> String {
    const ALPHABET: &[u8] = b"<<<>>>///===\"\"''!!--  \n\tabcdipsvgmathtrlu&#;x1";
    const WORDS: &[&str] = &[
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<a href=",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<table>",
        "<td>",
        "<svg>",
        "<math>",
        "<noscript>",
        "<style>",
        "<template>",
        "<br>",
        "<img src=",
        "<li>",
        "<ul>",
        "<h1>",
        "&amp;",
        "&#",
        "<textarea>",
        "<title>",
        "<plaintext",
    ];
    let mut rng = Rng(0x5EED_1234_ABCD_0002);
    let mut s = String::with_capacity((1 << 20) + 16);
    while s.len() < 1 << 20 {
        let r = rng.next();
        if r.is_multiple_of(4) {
            s.push_str(WORDS[(r >> 8) as usize % WORDS.len()]);
        } else {
            s.push(ALPHABET[(r >> 8) as usize % ALPHABET.len()] as char);
        }
    }
    s
}

/// A page with no article markup whose script holds a state literal that never ends, with a
/// literal's opening (`=[`) every few bytes inside: the CLI's reading of hydration state
/// tries those openings and must stop within its budget.
fn state_script_unterminated_10mb() -> String {
    let state = format!(
        "<script>window.s = {{\"contentHtml\":\"<p>{}</script>",
        "=[\\\"x ".repeat(10 << 18)
    );
    page_shell(&state)
}

fn comment_5mb_closed() -> String {
    article(&format!("<!--{}-->", "x-".repeat(5 << 19)))
}

fn comment_5mb_unclosed() -> String {
    format!(
        "{}<!--{}",
        article(""),
        "a <p>b</p> ".repeat((5 << 20) / 11)
    )
}

fn comment_5mb_in_head() -> String {
    format!(
        "<!doctype html><html><head><!--{}--><title>T</title></head><body>{}</body></html>",
        "-".repeat(5 << 20),
        prose_article()
    )
}

fn unclosed_inline_40k() -> String {
    article(&format!("<div>{}text</div>", "<b>".repeat(40_000)))
}

fn unclosed_inline_40k_between_paragraphs() -> String {
    let mut s = String::new();
    for i in 0..40_000 {
        s.push_str(&format!("<p><b>Bold paragraph {i}, with a comma"));
    }
    page_shell(&format!("<article>{s}</article>"))
}

fn unclosed_links_40k() -> String {
    let mut s = String::new();
    for i in 0..40_000 {
        s.push_str(&format!("<a href=\"/a/{i}\"><i>link {i}"));
    }
    article(&format!("<div>{s}</div>"))
}

fn korean_page(meta: &str) -> String {
    let ps: String = KOREAN.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=ko><head>{meta}<title>네이버 국가대표 AI</title></head><body>\
         <article><h1>네이버 국가대표 AI 경쟁에서 빛 볼까</h1>\n{ps}</article></body></html>"
    )
}

fn euc_kr(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(s);
    assert!(!unmappable);
    bytes.into_owned()
}

// ------------------------------------------------------------------------------ running

struct Outcome {
    elapsed: Duration,
    /// Peak resident set of the child, in bytes (None where /proc is not available).
    peak: Option<u64>,
    /// Exit code, or the signal that ended the child.
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The peak resident set (`VmHWM`) of a live process, in bytes (None once it has exited, or
/// where there is no /proc). `VmHWM` belongs to the process's current memory map, so it starts
/// afresh at `exec`: unlike `ru_maxrss` from `wait4`, which also counts the parent's memory
/// inherited across the fork.
fn vm_hwm(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Runs `cmd` to completion (killing it at the deadline), sampling its peak memory every few
/// milliseconds while it runs.
fn run(mut cmd: Command, label: &str) -> Outcome {
    use std::os::unix::process::ExitStatusExt;
    let dir = std::env::temp_dir();
    let tag = format!("malgeum-hostile-{}-{label}", std::process::id());
    let out_path = dir.join(format!("{tag}.out"));
    let err_path = dir.join(format!("{tag}.err"));
    cmd.stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let pid = child.id().to_string();
    let mut peak: Option<u64> = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if let Some(p) = vm_hwm(&pid) {
            peak = Some(peak.unwrap_or(0).max(p));
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_file(&out_path);
            let _ = std::fs::remove_file(&err_path);
            panic!(
                "{label}: still running after {DEADLINE:?} (peak so far {}): a hang",
                mib(peak)
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    // A child that reports its own peak at its end (the `lib_*` cases) is exact.
    if let Some(own) = stdout
        .split("@@peak ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|v| v.parse::<u64>().ok())
    {
        peak = Some(peak.unwrap_or(0).max(own));
    }
    Outcome {
        elapsed,
        peak,
        code: status.code(),
        signal: status.signal(),
        stdout,
        stderr,
    }
}

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or("n/a".into(), |b| {
        format!("{:.1} MiB", b as f64 / (1 << 20) as f64)
    })
}

/// What a library call came back with, for the report line.
fn describe(result: &Result<malgeum::Article, malgeum::Error>) -> String {
    match result {
        Ok(a) => format!(
            "Ok(readerable={}, {} chars of text, {} bytes of html{})",
            a.readerable,
            a.text.chars().count(),
            a.content_html.len(),
            a.reason
                .as_deref()
                .map(|r| format!(", reason {r:?}"))
                .unwrap_or_default()
        ),
        Err(e) => format!("Err({e})"),
    }
}

/// A clear error: says what is wrong, in a sentence.
fn assert_clear_error(case: &str, e: &malgeum::Error) {
    let msg = e.to_string();
    assert!(
        msg.len() > 15 && !msg.contains("panicked") && !msg.contains("RUST_BACKTRACE"),
        "{case}: unclear error message {msg:?}"
    );
}

/// Runs `body` (which makes the page and calls the library, returning its result) in a child
/// process: the test passes if the child exits cleanly within the deadline and memory bound.
fn isolated(
    case: &str,
    max_peak: u64,
    body: impl FnOnce() -> Result<malgeum::Article, malgeum::Error>,
    check: impl FnOnce(&Result<malgeum::Article, malgeum::Error>),
) {
    if std::env::var(CASE_ENV).as_deref() == Ok(case) {
        let start = Instant::now();
        let result = body();
        let elapsed = start.elapsed();
        println!(
            "\n@@report {:.2?} {}",
            elapsed,
            describe(&result).replace('\n', " ")
        );
        if let Some(p) = vm_hwm("self") {
            println!("@@peak {p}");
        }
        check(&result);
        if let Err(e) = &result {
            assert_clear_error(case, e);
        }
        return;
    }
    if std::env::var(CASE_ENV).is_ok() {
        return; // a child running some other case
    }
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([case, "--exact", "--nocapture", "--test-threads=1"])
        .env(CASE_ENV, case);
    let o = run(cmd, case);
    let report = o
        .stdout
        .lines()
        .find_map(|l| l.split_once("@@report ").map(|(_, r)| r))
        .unwrap_or("(no report)")
        .to_string();
    println!(
        "hostile {case:<44} lib   {:>9.2?}  peak {:>10}  extract {report}",
        o.elapsed,
        mib(o.peak)
    );
    for line in o.stdout.lines().filter(|l| l.starts_with("  ")) {
        println!("{line}");
    }
    assert!(
        o.code == Some(0) && o.signal.is_none(),
        "{case}: the child failed (exit {:?}, signal {:?}){}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        o.code,
        o.signal,
        match o.signal {
            Some(6) => " — SIGABRT: a stack overflow or an abort",
            Some(9) => " — SIGKILL: out of memory?",
            Some(11) => " — SIGSEGV",
            _ => "",
        },
        tail(&o.stdout),
        tail(&o.stderr)
    );
    if let Some(p) = o.peak {
        assert!(
            p < max_peak,
            "{case}: peak memory {} is over the bound {}",
            mib(Some(p)),
            mib(Some(max_peak))
        );
    }
}

fn tail(s: &str) -> &str {
    let mut start = s.len().saturating_sub(4000);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Runs the CLI on `bytes` (written to a temporary file): exit 0 with an export, or exit 1
/// with a one-line `malgeum: …` message; never a panic, a signal or a hang.
fn cli(case: &str, bytes: &[u8], max_peak: u64) -> Outcome {
    let path: PathBuf = std::env::temp_dir().join(format!(
        "malgeum-hostile-{}-{case}.html",
        std::process::id()
    ));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    // GNU time, where there is one, measures the peak exactly (it forks a small child, so
    // nothing of this process's memory is inherited); sampling /proc covers the rest.
    let rss_path = path.with_extension("rss");
    let time = std::path::Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "@@maxrss %M", "-o"])
            .arg(&rss_path)
            .arg(env!("CARGO_BIN_EXE_malgeum"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_malgeum"))
    };
    cmd.arg(&path).args(["--url", URL]);
    let mut o = run(cmd, case);
    let _ = std::fs::remove_file(&path);
    if let Ok(report) = std::fs::read_to_string(&rss_path) {
        let _ = std::fs::remove_file(&rss_path);
        if let Some(sig) = report
            .split("terminated by signal ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|v| v.parse::<i32>().ok())
        {
            o.signal = Some(sig);
            o.code = None;
        }
        if let Some(kib) = report
            .split("@@maxrss ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|v| v.parse::<u64>().ok())
        {
            o.peak = Some(o.peak.unwrap_or(0).max(kib * 1024));
        }
    }
    let first_err = o.stderr.lines().next().unwrap_or("").to_string();
    println!(
        "hostile {case:<44} cli   {:>9.2?}  peak {:>10}  exit {:?} {}",
        o.elapsed,
        mib(o.peak),
        o.code,
        first_err
    );
    assert!(
        o.signal.is_none(),
        "{case}: the CLI died of signal {:?}\n{}",
        o.signal,
        tail(&o.stderr)
    );
    assert!(
        !o.stderr.contains("panicked"),
        "{case}: the CLI panicked\n{}",
        tail(&o.stderr)
    );
    match o.code {
        Some(0) => assert!(
            o.stdout.trim_start().starts_with('{'),
            "{case}: exit 0 without a JSON export"
        ),
        Some(1) => assert!(
            first_err.starts_with("malgeum: ") && first_err.len() > 20,
            "{case}: exit 1 without a clear message: {:?}",
            tail(&o.stderr)
        ),
        other => panic!("{case}: unexpected exit {other:?}\n{}", tail(&o.stderr)),
    }
    if let Some(p) = o.peak {
        assert!(
            p < max_peak,
            "{case}: CLI peak memory {} is over the bound {}",
            mib(Some(p)),
            mib(Some(max_peak))
        );
    }
    o
}

fn options() -> malgeum::Options {
    malgeum::Options { markdown: true }
}

/// An `Ok` export of a page whose article is [`PROSE`] must hold that prose.
fn keeps_prose(case: &str) -> impl FnOnce(&Result<malgeum::Article, malgeum::Error>) + '_ {
    move |r| {
        if let Ok(a) = r {
            let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
            for p in PROSE {
                let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    text.contains(&p),
                    "{case}: Ok, but the article's prose is lost: {p:?}\n--- text (start) ---\n{}",
                    a.text.chars().take(2000).collect::<String>()
                );
            }
        }
    }
}

fn anything(_: &Result<malgeum::Article, malgeum::Error>) {}

/// One hostile page as two tests: the library (in a child) and the CLI.
macro_rules! hostile {
    ($lib:ident, $cli:ident, $page:expr, $check:expr, $max:expr) => {
        #[test]
        fn $lib() {
            isolated(
                stringify!($lib),
                $max,
                || malgeum::extract(&$page, URL, &options()),
                $check(stringify!($lib)),
            );
        }

        #[test]
        fn $cli() {
            if std::env::var(CASE_ENV).is_ok() {
                return;
            }
            let page = $page;
            cli(stringify!($cli), page.as_bytes(), $max);
        }
    };
}

fn any(_: &str) -> fn(&Result<malgeum::Article, malgeum::Error>) {
    anything
}

// ------------------------------------------------------------------------------ the cases

hostile!(
    lib_deep_nesting_300k_closed,
    cli_deep_nesting_300k_closed,
    deep_nesting_closed(),
    keeps_prose,
    GIB
);
hostile!(
    lib_deep_nesting_300k_unclosed_blocks,
    cli_deep_nesting_300k_unclosed_blocks,
    deep_nesting_unclosed_blocks(),
    keeps_prose,
    GIB
);
hostile!(
    lib_deep_nesting_300k_inline,
    cli_deep_nesting_300k_inline,
    deep_nesting_inline(),
    keeps_prose,
    GIB
);
hostile!(
    lib_deep_nesting_100k_tables,
    cli_deep_nesting_100k_tables,
    deep_nesting_tables(),
    keeps_prose,
    GIB
);
hostile!(lib_page_60mb, cli_page_60mb, page_60mb(), any, GIB);
hostile!(
    lib_attrs_200k_on_container,
    cli_attrs_200k_on_container,
    attrs_200k_on_container(),
    keeps_prose,
    GIB
);
hostile!(
    lib_attrs_200k_on_img_and_link,
    cli_attrs_200k_on_img_and_link,
    attrs_200k_on_img_and_link(),
    keeps_prose,
    GIB
);
hostile!(
    lib_attrs_200k_same_name,
    cli_attrs_200k_same_name,
    attrs_200k_same_name(),
    keeps_prose,
    GIB
);
hostile!(
    lib_random_tag_soup_1mb,
    cli_random_tag_soup_1mb,
    random_tag_soup_1mb(),
    any,
    GIB
);
hostile!(
    lib_state_script_unterminated_10mb,
    cli_state_script_unterminated_10mb,
    state_script_unterminated_10mb(),
    any,
    GIB
);
hostile!(
    lib_comment_5mb_closed,
    cli_comment_5mb_closed,
    comment_5mb_closed(),
    keeps_prose,
    GIB
);
hostile!(
    lib_comment_5mb_unclosed,
    cli_comment_5mb_unclosed,
    comment_5mb_unclosed(),
    keeps_prose,
    GIB
);
hostile!(
    lib_comment_5mb_in_head,
    cli_comment_5mb_in_head,
    comment_5mb_in_head(),
    keeps_prose,
    GIB
);
hostile!(
    lib_unclosed_inline_40k,
    cli_unclosed_inline_40k,
    unclosed_inline_40k(),
    keeps_prose,
    GIB
);
hostile!(
    lib_unclosed_inline_40k_between_paragraphs,
    cli_unclosed_inline_40k_between_paragraphs,
    unclosed_inline_40k_between_paragraphs(),
    any,
    GIB
);
hostile!(
    lib_unclosed_links_40k,
    cli_unclosed_links_40k,
    unclosed_links_40k(),
    keeps_prose,
    GIB
);

#[test]
fn lib_random_1mb_bytes() {
    isolated(
        "lib_random_1mb_bytes",
        GIB,
        || malgeum::extract_bytes(&random_1mb(), URL, &options()),
        |_| {},
    );
}

#[test]
fn cli_random_1mb_bytes() {
    if std::env::var(CASE_ENV).is_ok() {
        return;
    }
    cli("cli_random_1mb_bytes", &random_1mb(), GIB);
}

/// Random bytes that pass the binary check (no NUL or C0 controls): they reach the decoder
/// and the parser.
#[test]
fn lib_random_1mb_text_bytes() {
    isolated(
        "lib_random_1mb_text_bytes",
        GIB,
        || {
            let bytes: Vec<u8> = random_1mb()
                .into_iter()
                .map(|b| if b < 32 { b' ' + (b & 0x1f) } else { b })
                .collect();
            malgeum::extract_bytes(&bytes, URL, &options())
        },
        |_| {},
    );
}

#[test]
fn lib_empty_inputs() {
    isolated(
        "lib_empty_inputs",
        GIB,
        || {
            for (name, bytes) in [
                ("empty", &b""[..]),
                ("space", b" "),
                ("newlines", b"\n\n\n"),
                ("lt", b"<"),
                ("amp", b"&"),
                ("doctype", b"<!doctype html>"),
                ("bom", b"\xEF\xBB\xBF"),
                ("utf16 bom", b"\xFF\xFE"),
                ("empty document", b"<html><head></head><body></body></html>"),
                ("nul", b"\0"),
            ] {
                for result in [
                    malgeum::extract_bytes(bytes, URL, &options()),
                    malgeum::extract(&String::from_utf8_lossy(bytes), "", &options()),
                ] {
                    println!("  {name:?}: {}", describe(&result));
                    match result {
                        Ok(a) => assert!(
                            !a.readerable && a.reason.is_some(),
                            "{name:?}: an empty page is not an article, and says why"
                        ),
                        Err(e) => assert_clear_error(name, &e),
                    }
                }
            }
            malgeum::extract("", "", &options())
        },
        |_| {},
    );
}

#[test]
fn cli_empty_file() {
    if std::env::var(CASE_ENV).is_ok() {
        return;
    }
    let o = cli("cli_empty_file", b"", GIB);
    assert!(
        o.stderr.contains("not an article") || o.code == Some(1),
        "an empty file says it holds no article: {:?}",
        o.stderr
    );
}

// ------------------------------------------------------------------------------ charsets

/// (case, bytes, a phrase the decoded article must hold)
fn charset_cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let utf8_meta = korean_page("<meta charset=\"utf-8\">");
    let euc_meta = korean_page("<meta charset=\"euc-kr\">");
    let no_meta = korean_page("");
    let http_equiv = korean_page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">",
    );
    let bogus = korean_page("<meta charset=\"x-no-such-charset\">");
    let late_meta = korean_page(&format!(
        "<script>{}</script><meta charset=\"euc-kr\">",
        "/* padding */ ".repeat(2000)
    ));
    let phrase = "네이버가 정부의 국가대표 인공지능 모델";
    let mut latin_declared_utf8 = b"<meta charset=utf-8><article>".to_vec();
    for p in PROSE {
        latin_declared_utf8.extend(b"<p>");
        latin_declared_utf8.extend(
            encoding_rs::WINDOWS_1252
                .encode(&p.replace("For", "F\u{f6}r"))
                .0
                .iter(),
        );
        latin_declared_utf8.extend(b"</p>");
    }
    let mut utf8_with_garbage = utf8_meta.clone().into_bytes();
    // Broken bytes between two tags near the middle: the text around them must survive.
    let half = utf8_with_garbage.len() / 2;
    let at = half
        + utf8_with_garbage[half..]
            .iter()
            .position(|b| *b == b'<')
            .unwrap_or(0);
    utf8_with_garbage.splice(at..at, b"\xFF\xFE\xC3\x28\xA0\xA1\xE2\x82".iter().copied());
    let mut utf16le = vec![0xFF, 0xFE];
    for u in no_meta.encode_utf16() {
        utf16le.extend(u.to_le_bytes());
    }
    let mut utf16be = vec![0xFE, 0xFF];
    for u in no_meta.encode_utf16() {
        utf16be.extend(u.to_be_bytes());
    }
    let mut bom_then_euc_meta = b"\xEF\xBB\xBF".to_vec();
    bom_then_euc_meta.extend(euc_meta.as_bytes());
    let japanese = korean_page("<meta charset=shift_jis>").replace(
        KOREAN[0],
        "日本語の記事の本文です。東京の天気は晴れ、気温は二十度でした。",
    );
    let sjis = encoding_rs::SHIFT_JIS.encode(&japanese).0.into_owned();
    vec![
        ("euc_kr_bytes_under_utf8_meta", euc_kr(&utf8_meta), phrase),
        ("euc_kr_bytes_declared_euc_kr", euc_kr(&euc_meta), phrase),
        ("euc_kr_bytes_no_meta", euc_kr(&no_meta), phrase),
        (
            "euc_kr_bytes_http_equiv_ks_c_5601",
            euc_kr(&http_equiv),
            phrase,
        ),
        ("euc_kr_bytes_bogus_charset", euc_kr(&bogus), phrase),
        ("euc_kr_bytes_meta_after_8kb", euc_kr(&late_meta), phrase),
        (
            "utf8_bytes_declared_euc_kr",
            euc_meta.clone().into_bytes(),
            phrase,
        ),
        ("utf8_bytes_no_meta", no_meta.clone().into_bytes(), phrase),
        ("utf8_bom_with_euc_kr_meta", bom_then_euc_meta, phrase),
        (
            "utf8_with_invalid_sequences",
            utf8_with_garbage,
            "업계에서는 국내 기업이",
        ),
        ("utf16le_with_bom", utf16le, phrase),
        ("utf16be_with_bom", utf16be, phrase),
        (
            "windows_1252_bytes_under_utf8_meta",
            latin_declared_utf8,
            "F\u{f6}r more than a century",
        ),
        ("shift_jis_declared", sjis, "東京の天気は晴れ"),
    ]
}

#[test]
fn lib_charsets() {
    isolated(
        "lib_charsets",
        GIB,
        || {
            let mut failures = Vec::new();
            println!();
            for (case, bytes, phrase) in charset_cases() {
                let result = malgeum::extract_bytes(&bytes, URL, &options());
                println!("  {case}: {}", describe(&result));
                match &result {
                    Ok(a) if a.text.contains(phrase) => {}
                    Ok(a) => failures.push(format!(
                        "{case}: decoded text lacks {phrase:?}; text starts {:?}",
                        a.text.chars().take(120).collect::<String>()
                    )),
                    Err(e) => failures.push(format!("{case}: {e}")),
                }
            }
            assert!(failures.is_empty(), "{}", failures.join("\n"));
            Ok(malgeum::Article::default())
        },
        |_| {},
    );
}

#[test]
fn cli_charsets() {
    if std::env::var(CASE_ENV).is_ok() {
        return;
    }
    let mut failures = Vec::new();
    for (case, bytes, phrase) in charset_cases() {
        let o = cli(&format!("cli_charset_{case}"), &bytes, GIB);
        if !o.stdout.contains(phrase) {
            failures.push(format!(
                "{case}: the CLI's export lacks {phrase:?} (exit {:?}, {})",
                o.code,
                o.stderr.trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------------------------------ fuzz findings

#[path = "common/fuzz_rules.rs"]
mod fuzz_rules;

/// Every input under `tests/fixtures/fuzz/` (crashes the fuzzers found), through both entry
/// points, read the way the fuzz targets read them (first byte: URL and options).
#[test]
fn fuzz_regressions() {
    isolated(
        "fuzz_regressions",
        GIB,
        || {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.sort();
            for path in files {
                if path.extension().is_some_and(|e| e == "md") {
                    continue;
                }
                let data = std::fs::read(&path).unwrap();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                let (url, options, page) = fuzz_rules::split(&data);
                let start = Instant::now();
                if let Ok(a) = malgeum::extract(&String::from_utf8_lossy(page), url, &options) {
                    fuzz_rules::check(&name, &a);
                }
                if let Ok(a) = malgeum::extract_bytes(page, url, &options) {
                    fuzz_rules::check(&name, &a);
                }
                println!("  {name}: ok in {:.2?}", start.elapsed());
            }
            Ok(malgeum::Article::default())
        },
        |_| {},
    );
}

/// A JSON-LD block that names 160,000 authors: the export lists a bounded number, and the
/// byline stays a line (it was 3.4 MB).
#[test]
fn a_flood_of_authors_is_bounded() {
    let names: Vec<String> = (0..160_000)
        .map(|i| format!("{{\"@type\":\"Person\",\"name\":\"Writer Number{i}\"}}"))
        .collect();
    let ld = format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Hostile page\",\"author\":[{}]}}</script>",
        names.join(",")
    );
    let page = article(&prose_article()).replace("</head>", &format!("{ld}</head>"));
    assert!(page.contains("Writer Number159999"));
    let a = malgeum::extract(&page, URL, &options()).unwrap();
    assert!(
        !a.authors.is_empty() && a.authors.len() <= malgeum::MAX_AUTHORS,
        "{}",
        a.authors.len()
    );
    let byline = a.byline.unwrap_or_default();
    assert!(
        byline.chars().count() <= malgeum::MAX_BYLINE_CHARS + 1,
        "{}",
        byline.len()
    );
}

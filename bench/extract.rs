//! Native throughput of the engine next to bare lol_html passes over the same corpus pages.
//!
//!     cargo bench --bench extract                 all of ../shared/corpus (222 pages)
//!     cargo bench --bench extract -- yahoo        only pages whose name contains "yahoo"
//!     MALGEUM_BENCH_ROUNDS=15 cargo bench --bench extract
//!
//! Variants, timed page by page and interleaved (every round runs each variant on a page before
//! moving to the next page, in an order that rotates between rounds):
//!   extract  `malgeum::extract(html, url, &Options::default())`
//!   noop     a lol_html pass (strict off) with a no-op handler on every element (`*`), a no-op
//!            end-tag handler on every element that can have one, and a no-op document text
//!            handler: the floor for a design that looks at every element, end tag and text chunk
//!   bare     a lol_html pass with no handlers at all (it skips most tokenizing: not a fair floor,
//!            shown for scale)
//! Per page the median over the rounds is kept; throughput = corpus bytes / sum of per-page
//! medians. Ratios are times: extract/noop has a bar (≤ 2.5).
//! Pages: ../shared/corpus (MALGEUM_CORPUS=DIR overrides); scrapinghub's .html.gz are read with
//! `gzip -dc` so that the bench needs no dependency beyond the crate's own.
//! Writes bench-out/native.json.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};

struct Page {
    name: String,
    url: String,
    html: String,
}

fn corpus_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("MALGEUM_CORPUS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn read_text(path: &Path) -> String {
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let out = Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .unwrap_or_else(|e| panic!("gzip -dc {}: {e}", path.display()));
        assert!(out.status.success(), "gzip -dc {} failed", path.display());
        out.stdout
    } else {
        std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn json_file(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default())
        .unwrap_or(serde_json::Value::Null)
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

fn load_pages(filter: &[String]) -> Vec<Page> {
    let root = corpus_dir();
    let mut pages = Vec::new();

    let sh = root.join("scrapinghub-dev");
    let truth = json_file(&sh.join("ground-truth.json"));
    for p in sorted_dir(&sh.join("html")) {
        let file = p.file_name().unwrap().to_string_lossy().into_owned();
        let Some(id) = file.strip_suffix(".html.gz") else {
            continue;
        };
        let url = truth[id]["url"].as_str().unwrap_or("").to_string();
        pages.push((format!("scrapinghub-dev/{id}"), url, p));
    }
    for d in sorted_dir(&root.join("readability-test-pages")) {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        let url = "http://fakehost/test/page.html".to_string();
        pages.push((
            format!("readability-test-pages/{name}"),
            url,
            d.join("source.html"),
        ));
    }
    for d in sorted_dir(&root.join("seed")) {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        let url = json_file(&d.join("truth.json"))["url"]
            .as_str()
            .unwrap_or("")
            .to_string();
        pages.push((format!("seed/{name}"), url, d.join("source.html")));
    }

    pages
        .into_iter()
        .filter(|(name, _, path)| {
            path.exists() && (filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str())))
        })
        .map(|(name, url, path)| Page {
            html: read_text(&path),
            name,
            url,
        })
        .collect()
}

fn run_extract(page: &Page, options: &malgeum::Options) {
    let result = malgeum::extract(black_box(&page.html), &page.url, options);
    black_box(&result);
}

fn run_noop(page: &Page) {
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el: &mut Element| {
            if let Some(handlers) = el.end_tag_handlers() {
                handlers.push(end_tag!(|end: &mut EndTag| {
                    black_box(end);
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t: &mut TextChunk| {
            black_box(t);
            Ok(())
        }))
        .with_strict(false);
    let mut rw = HtmlRewriter::new(settings, |c: &[u8]| {
        black_box(c);
    });
    // Hostile or odd input may fail the pass; it is timed all the same.
    let _ = rw.write(black_box(page.html.as_bytes()));
    let _ = rw.end();
}

fn run_bare(page: &Page) {
    let settings = Settings::new().with_strict(false);
    let mut rw = HtmlRewriter::new(settings, |c: &[u8]| {
        black_box(c);
    });
    let _ = rw.write(black_box(page.html.as_bytes()));
    let _ = rw.end();
}

const VARIANTS: [&str; 3] = ["extract", "noop", "bare"];

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n == 0 {
        0.0
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn main() {
    // cargo passes `--bench`; anything not starting with `-` filters pages by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let rounds: usize = std::env::var("MALGEUM_BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7)
        .max(1);

    let pages = load_pages(&filter);
    if pages.is_empty() {
        eprintln!(
            "no pages found under {} (set MALGEUM_CORPUS)",
            corpus_dir().display()
        );
        std::process::exit(1);
    }
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let options = malgeum::Options::default();
    println!(
        "{} pages, {:.1} MB, {} rounds (+1 warm-up), medians per page",
        pages.len(),
        bytes as f64 / 1e6,
        rounds
    );

    // times[variant][page] = seconds per round
    let mut times: Vec<Vec<Vec<f64>>> = vec![vec![Vec::with_capacity(rounds); pages.len()]; 3];
    let mut failed = 0usize;
    for round in 0..=rounds {
        for (i, page) in pages.iter().enumerate() {
            for k in 0..3 {
                let v = (k + round + i) % 3;
                let t0 = Instant::now();
                match v {
                    0 => {
                        if round == 0 {
                            // Warm-up round: also count pages the engine refuses.
                            let r = malgeum::extract(&page.html, &page.url, &options);
                            failed += r.is_err() as usize;
                            black_box(&r);
                        } else {
                            run_extract(page, &options)
                        }
                    }
                    1 => run_noop(page),
                    _ => run_bare(page),
                }
                let dt = t0.elapsed().as_secs_f64();
                if round > 0 {
                    times[v][i].push(dt);
                }
            }
        }
    }

    let per_page: Vec<Vec<f64>> = times
        .iter_mut()
        .map(|v| v.iter_mut().map(|t| median(t)).collect())
        .collect();
    let total: Vec<f64> = per_page.iter().map(|v| v.iter().sum()).collect();
    let mbs: Vec<f64> = total.iter().map(|t| bytes as f64 / 1e6 / t).collect();

    println!("{:<10} {:>10} {:>10}", "variant", "MB/s", "total ms");
    for k in 0..3 {
        println!(
            "{:<10} {:>10.1} {:>10.1}",
            VARIANTS[k],
            mbs[k],
            total[k] * 1e3
        );
    }
    let r_noop = total[0] / total[1];
    let r_bare = total[0] / total[2];
    println!(
        "extract/noop time ratio: {r_noop:.2}x   (bar: <= 2.5x)\nextract/bare time ratio: {r_bare:.2}x"
    );
    let mut ratios: Vec<(f64, usize)> = (0..pages.len())
        .map(|i| (per_page[0][i] / per_page[1][i], i))
        .collect();
    let mut rs: Vec<f64> = ratios.iter().map(|r| r.0).collect();
    println!(
        "median per-page extract/noop ratio: {:.2}x",
        median(&mut rs)
    );
    if failed > 0 {
        println!("note: extract returned Err on {failed} page(s)");
    }
    ratios.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    println!("highest per-page extract/noop ratios:");
    for &(r, i) in ratios.iter().take(5) {
        println!(
            "  {r:5.2}x  {:>8.3} ms  {:>7.1} KB  {}",
            per_page[0][i] * 1e3,
            pages[i].html.len() as f64 / 1e3,
            pages[i].name
        );
    }

    let out = serde_json::json!({
        "pages": pages.len(),
        "bytes": bytes,
        "rounds": rounds,
        "filter": filter,
        "mb_per_s": { "extract": mbs[0], "noop": mbs[1], "bare": mbs[2] },
        "total_ms": { "extract": total[0] * 1e3, "noop": total[1] * 1e3, "bare": total[2] * 1e3 },
        "ratio_extract_noop": r_noop,
        "ratio_extract_bare": r_bare,
        "extract_errors": failed,
        "per_page_ms": pages.iter().enumerate().map(|(i, p)| serde_json::json!({
            "page": p.name, "bytes": p.html.len(),
            "extract": per_page[0][i] * 1e3, "noop": per_page[1][i] * 1e3, "bare": per_page[2][i] * 1e3,
        })).collect::<Vec<_>>(),
    });
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-out");
    if std::fs::create_dir_all(&dir).is_ok() {
        let path = dir.join("native.json");
        if std::fs::write(&path, serde_json::to_string_pretty(&out).unwrap()).is_ok() {
            println!("wrote {}", path.display());
        }
    }
}

//! `malgeum`: the engine on the command line.
//!
//! ```text
//! malgeum FILE [--url URL] [--format json|markdown|html|text]   one page ('-' reads stdin)
//! malgeum --jsonl [--url-map MAP.json] FILE...                   one JSON object per line
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: malgeum FILE [--url URL] [--format json|markdown|html|text]
       malgeum --jsonl [--url-map MAP.json] FILE...
FILE '-' reads standard input. --url-map maps each FILE (as given) to its page URL.";

#[derive(PartialEq)]
enum Format {
    Json,
    Markdown,
    Html,
    Text,
}

struct Args {
    files: Vec<String>,
    url: String,
    format: Format,
    jsonl: bool,
    url_map: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args {
        files: Vec::new(),
        url: String::new(),
        format: Format::Json,
        jsonl: false,
        url_map: None,
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("url") => {
                args.url = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|_| "--url is not UTF-8")?
            }
            Long("format") | Short('f') => {
                let v = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|_| "--format is not UTF-8")?;
                args.format = match v.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    "html" => Format::Html,
                    "text" | "txt" => Format::Text,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' (json, markdown, html, text)"
                        ))
                    }
                };
            }
            Long("jsonl") => args.jsonl = true,
            Long("url-map") => {
                args.url_map = Some(
                    parser
                        .value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|_| "--url-map is not UTF-8")?,
                )
            }
            Long("help") | Short('h') => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Long("version") | Short('V') => {
                println!("malgeum {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            Value(v) => args
                .files
                .push(v.string().map_err(|_| "file name is not UTF-8")?),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    if args.files.is_empty() {
        return Err("no input file".into());
    }
    if !args.jsonl && args.files.len() > 1 {
        return Err("one FILE at a time, or --jsonl for several".into());
    }
    Ok(args)
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn run(args: Args) -> Result<bool, String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.jsonl {
        let map: serde_json::Map<String, serde_json::Value> = match &args.url_map {
            Some(p) => serde_json::from_slice(&std::fs::read(p).map_err(|e| format!("{p}: {e}"))?)
                .map_err(|e| format!("{p}: {e}"))?,
            None => serde_json::Map::new(),
        };
        let mut all_ok = true;
        for file in &args.files {
            let url = map.get(file).and_then(|v| v.as_str()).unwrap_or(&args.url);
            let line = match read_input(file).and_then(|b| {
                malgeum::decode_page(b)
                    .and_then(|html| {
                        malgeum::extract(&html, url, &malgeum::Options { markdown: true })
                    })
                    .map_err(|e| e.to_string())
            }) {
                Ok(article) => {
                    let mut v: serde_json::Value =
                        serde_json::from_str(&article.to_json(false)).map_err(|e| e.to_string())?;
                    v["source"] = serde_json::Value::String(file.clone());
                    v
                }
                Err(e) => {
                    all_ok = false;
                    eprintln!("malgeum: {file}: {e}");
                    serde_json::json!({ "source": file, "error": e })
                }
            };
            writeln!(out, "{line}").map_err(|e| e.to_string())?;
        }
        return Ok(all_ok);
    }
    let file = &args.files[0];
    let bytes = read_input(file)?;
    let options = malgeum::Options {
        markdown: args.format == Format::Markdown || args.format == Format::Json,
    };
    // The bytes are handed over: a UTF-8 page becomes its text without a second copy.
    let html = malgeum::decode_page(bytes).map_err(|e| format!("{file}: {e}"))?;
    let article =
        malgeum::extract(&html, &args.url, &options).map_err(|e| format!("{file}: {e}"))?;
    drop(html);
    match args.format {
        Format::Json => {
            writeln!(out, "{}", article.to_json(true)).map_err(|e| e.to_string())?;
        }
        Format::Markdown => {
            // The one Markdown document (front matter, title, body), as the extension saves it.
            let doc = article.markdown_document().unwrap_or_default();
            write!(out, "{doc}").map_err(|e| e.to_string())?;
        }
        Format::Html => writeln!(out, "{}", article.content_html).map_err(|e| e.to_string())?,
        Format::Text => writeln!(out, "{}", article.text).map_err(|e| e.to_string())?,
    }
    if !article.readerable {
        eprintln!(
            "malgeum: {file}: not an article ({})",
            article.reason.unwrap_or_default()
        );
    }
    Ok(true)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("malgeum: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("malgeum: {e}");
            ExitCode::from(1)
        }
    }
}

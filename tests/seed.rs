//! The seed page (businesspost.co.kr, bundled in examples/) exported field by field against its
//! hand-made truth.json.

use serde_json::Value;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/businesspost-naver-sovereign-ai"
);

fn truth() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/truth.json")).unwrap()).unwrap()
}

fn export() -> malgeum::Article {
    let bytes = std::fs::read(format!("{DIR}/source.html")).unwrap();
    let url = truth()["url"].as_str().unwrap().to_string();
    malgeum::extract_bytes(&bytes, &url, &malgeum::Options { markdown: true }).unwrap()
}

/// The corpus scorer's body metric: F1 of token 4-gram multisets (one page).
fn shingle_f1(truth: &str, pred: &str) -> f64 {
    fn shingles(s: &str) -> std::collections::HashMap<Vec<String>, usize> {
        let tokens: Vec<String> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        let mut m = std::collections::HashMap::new();
        if tokens.len() < 4 {
            *m.entry(tokens).or_insert(0) += 1;
        } else {
            for w in tokens.windows(4) {
                *m.entry(w.to_vec()).or_insert(0) += 1;
            }
        }
        m
    }
    let (t, p) = (shingles(truth), shingles(pred));
    let tp: usize = t
        .iter()
        .map(|(k, n)| (*n).min(*p.get(k).unwrap_or(&0)))
        .sum();
    let (nt, np): (usize, usize) = (t.values().sum(), p.values().sum());
    if tp == 0 {
        return 0.0;
    }
    let (precision, recall) = (tp as f64 / np as f64, tp as f64 / nt as f64);
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn seed_title_site_and_section() {
    let a = export();
    assert_eq!(
        a.title,
        "네이버 국가대표 AI 경쟁에서 빛 볼까, 이해진 지켜온 AI 주권론 주목"
    );
    assert_eq!(a.site_name.as_deref(), Some("비즈니스포스트"));
    assert_eq!(a.lang.as_deref(), Some("ko"));
    assert!(
        a.section.iter().any(|s| s.contains("인터넷·게임·콘텐츠")),
        "{:?}",
        a.section
    );
    assert_eq!(a.extractor.rule, "site:businesspost.co.kr");
    assert!(a.readerable);
}

#[test]
fn seed_byline_authors_and_date() {
    let a = export();
    let t = truth();
    assert_eq!(a.authors.len(), 1);
    assert_eq!(a.authors[0].name, "정희경");
    assert_eq!(a.authors[0].role.as_deref(), Some("기자"));
    assert_eq!(a.authors[0].email.as_deref(), t["email"].as_str());
    assert_eq!(a.byline.as_deref(), t["signoff"].as_str());
    assert_eq!(a.published.as_deref(), t["published"].as_str());
    assert_eq!(a.dateline.as_deref(), Some("비즈니스포스트"));
}

#[test]
fn seed_person_links_are_unwrapped_and_listed() {
    let a = export();
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    let t = truth();
    let want: Vec<&str> = t["person_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, want);
    assert!(a.people.iter().all(|p| p
        .url
        .starts_with("https://www.businesspost.co.kr/BP?command=article_view")));
    assert!(!a.content_html.contains("human_link"));
    assert!(
        a.text.contains("이날 성낙호 네이버클라우드"),
        "the name stays in the text"
    );
}

#[test]
fn seed_images_and_captions() {
    let a = export();
    let t = truth();
    let want = t["images"].as_array().unwrap();
    assert_eq!(a.images.len(), want.len());
    for (got, want) in a.images.iter().zip(want) {
        assert_eq!(got.src, want["src"].as_str().unwrap());
        assert_eq!(got.caption.as_deref(), want["caption"].as_str());
        let alt = got.alt.as_deref().unwrap_or("");
        assert!(
            !alt.contains("<a") && !alt.contains("&lt;"),
            "alt keeps leaked markup: {alt}"
        );
    }
    assert_eq!(a.images[0].credit.as_deref(), Some("네이버"));
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!(lead.src, t["lead_image"]["src"].as_str().unwrap());
    assert_eq!(lead.caption.as_deref(), t["lead_image"]["caption"].as_str());
    assert!(a.content_html.contains("<figcaption>이해진 의장이 네이버벤처스 네트워킹 행사에서 발표하고 있다. &lt;네이버&gt;</figcaption>"));
}

#[test]
fn seed_text_matches_truth_without_noise_or_signoff() {
    let a = export();
    let t = truth();
    let f1 = shingle_f1(t["text"].as_str().unwrap(), &a.text);
    assert!(f1 >= 0.99, "text F1 {f1}");
    for noise in t["noise"].as_array().unwrap() {
        let n = noise.as_str().unwrap();
        assert!(!a.text.contains(n), "text leaks {n:?}");
        assert!(!a.title.contains(n), "title leaks {n:?}");
    }
    assert!(!a.text.trim_end().ends_with(t["signoff"].as_str().unwrap()));
    assert!(
        a.related_articles
            .iter()
            .any(|r| r.title.starts_with("항공우주연구원과 한화에어로")),
        "latest list kept aside"
    );
    assert!(
        a.copyright
            .as_deref()
            .is_some_and(|c| c.contains("무단전재")),
        "{:?}",
        a.copyright
    );
}

#[test]
fn seed_markdown_and_html_are_clean() {
    let a = export();
    let md = a.markdown.unwrap();
    assert!(md.contains("![네이버 국가대표 AI 경쟁에서 빛 볼까, 이해진 지켜온 AI 주권론 주목](https://www.businesspost.co.kr/news/photo/202507/20250722165811_241337.jpg)"));
    assert!(
        md.contains("[비즈니스포스트] 국가 차원의")
            || md.contains("\\[비즈니스포스트\\] 국가 차원의")
    );
    for bad in [
        "<script",
        "onclick",
        "javascript:",
        "style=",
        "class=",
        "공유하기",
        "댓글",
    ] {
        assert!(!a.content_html.contains(bad), "contentHtml has {bad}");
    }
}

/// The seed's links write `&num=` without escaping the ampersand, as many CMSs do: HTML reads
/// that as text (`num` is no legacy reference), so every exported URL is the page's own.
#[test]
fn seed_urls_are_the_pages_own_byte_for_byte() {
    let a = export();
    let source = std::fs::read_to_string(format!("{DIR}/source.html")).unwrap();
    let hrefs: Vec<&str> = source
        .split("href=")
        .skip(1)
        .filter_map(|s| {
            let quote = s.chars().next()?;
            s[1..].split(quote).next()
        })
        .collect();
    let on_page = |url: &str| {
        hrefs
            .iter()
            .any(|h| *h == url || url.strip_prefix("https://www.businesspost.co.kr") == Some(*h))
    };
    let canonical = a.canonical_url.as_deref().unwrap();
    assert_eq!(
        canonical,
        "https://www.businesspost.co.kr/BP?command=article_view&num=362900"
    );
    let urls = std::iter::once(canonical)
        .chain(a.people.iter().map(|p| p.url.as_str()))
        .chain(a.related_articles.iter().map(|r| r.url.as_str()));
    let mut count = 0;
    for url in urls {
        assert!(url.contains("&num="), "{url}");
        assert!(on_page(url), "{url} is not a link of the page");
        count += 1;
    }
    assert!(count > 5, "{count}");
}

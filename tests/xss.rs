//! Nothing executable in the output: a battery of XSS vectors, each embedded in an otherwise
//! real-looking article (so that the article is chosen and rendered), each a named test.
//!
//! `content_html` is checked by tokenizing it with lol_html (the same HTML tokenizer family a
//! browser uses), not by substring search alone: no `<script>`, no `on*` attribute, no
//! `style`/`srcdoc`/`action`-like attribute, no `javascript:`/`vbscript:`/`data:` URL in any
//! URL-valued attribute (after decoding character references and dropping the whitespace and
//! control characters browsers ignore), no iframe/object/embed/svg/math/base/meta/form/style/...
//! element, no comment, and no raw `<` in text. The article's prose must be kept.
//!
//! Every vector is run twice: with a page URL (links resolve to absolute URLs) and without one
//! (links stay as the page wrote them), since the two take different paths through `resolve`.
//!
//! The other string fields a reader may turn into markup (people, images, lead image,
//! canonical, related articles) are checked for script URLs too, and Markdown (an export that
//! markdown renderers turn back into HTML) for raw HTML and script links.

use lol_html::{doc_comments, doc_text, element, HtmlRewriter, Settings};
use std::cell::RefCell;

const PAGE_URL: &str = "https://news.example.com/2025/05/lighthouse-keepers";

/// The article's prose: long, comma-rich paragraphs, so the article is readerable and chosen.
const PROSE: [&str; 5] = [
    "For more than a century, the keepers of the Inchcape light lived on a rock no larger than a \
     tennis court, trimming wicks, winding the clockwork and logging every passing ship, storm \
     and shift of the wind in ledgers that still survive in the county archive.",
    "The ledgers are terse, but they are not dull. One keeper noted the arrival of a seal colony, \
     another the loss of a supply boat, and a third, in a cramped hand, the night in 1881 when \
     the lamp failed for eleven minutes and nobody, as far as anyone knows, noticed.",
    "Historians who have read them say the books are a rare record of ordinary working lives at \
     sea, written by people who expected no reader, and therefore free of the varnish that \
     coats most memoirs, letters and official reports from the period.",
    "The archive plans to digitise all forty volumes by next spring, with volunteers transcribing \
     the handwriting page by page, and to publish them online alongside tide tables, weather \
     records and the service histories of the keepers themselves.",
    "Until then, the originals can be seen by appointment in the reading room, where the \
     archivist keeps a magnifying glass, a box of cotton gloves and, she admits, a soft spot for \
     the keeper who wrote mostly about his cat.",
];

/// A plausible news page with `vector` between the second and third paragraphs and `inline`
/// inside the fourth.
fn page(vector: &str, inline: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>The lighthouse keepers who wrote everything down | Example News</title>
<meta property="og:title" content="The lighthouse keepers who wrote everything down">
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/culture">Culture</a></nav></header>
<main><article class="article-body">
<h1>The lighthouse keepers who wrote everything down</h1>
<p class="byline">By Morag Campbell</p>
<p>{p0}</p>
<p>{p1}</p>
{vector}
<p>{p2}</p>
<p>{p3} {inline}</p>
<p>{p4}</p>
</article>
<aside class="related"><h2>More from Culture</h2><ul><li><a href="/culture/1">A short history of fog horns</a></li></ul></aside>
</main>
<footer class="site-footer">&copy; 2025 Example News. All rights reserved.</footer>
</body></html>"#,
        p0 = PROSE[0],
        p1 = PROSE[1],
        p2 = PROSE[2],
        p3 = PROSE[3],
        p4 = PROSE[4],
    )
}

// ------------------------------------------------------------------------------ the checker

#[path = "common/forbidden_tags.rs"]
mod forbidden_tags;
use forbidden_tags::FORBIDDEN_TAGS;

/// Attributes that must never reach the reader (besides every `on*`).
const FORBIDDEN_ATTRS: &[&str] = &[
    "style",
    "srcdoc",
    "action",
    "formaction",
    "xmlns",
    "xlink:href",
    "xml:base",
    "is",
    "autofocus",
    "contenteditable",
    "popover",
    "popovertarget",
    "http-equiv",
    "attributename",
    "to",
    "from",
    "values",
    "by",
    "begin",
    "nonce",
    "integrity",
    "target",
    "download",
    "ping",
];

/// Attributes whose value is a URL a browser may load or navigate to.
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "data",
    "codebase",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "manifest",
    "icon",
    "xlink:href",
    "srcset",
    "ping",
    "itemtype",
    "profile",
];

/// A deliberately independent character-reference decoder (numeric references of any length,
/// with or without `;`, and the named ones that spell URL syntax): what a browser would see.
fn decode_refs(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let b = rest.as_bytes();
        if b.get(1) == Some(&b'#') {
            let hex = matches!(b.get(2), Some(b'x') | Some(b'X'));
            let start = if hex { 3 } else { 2 };
            let end = b[start..]
                .iter()
                .position(|c| {
                    if hex {
                        !c.is_ascii_hexdigit()
                    } else {
                        !c.is_ascii_digit()
                    }
                })
                .map_or(b.len(), |p| start + p);
            if end > start {
                let digits = rest[start..end].trim_start_matches('0');
                let n = if digits.is_empty() {
                    Some(0)
                } else if digits.len() > 8 {
                    None
                } else {
                    u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok()
                };
                out.push(n.and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                rest = &rest[end + usize::from(b.get(end) == Some(&b';'))..];
                continue;
            }
        }
        let named = [
            ("&amp;", "&"),
            ("&quot;", "\""),
            ("&apos;", "'"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&colon;", ":"),
            ("&Tab;", "\t"),
            ("&NewLine;", "\n"),
            ("&sol;", "/"),
            ("&lpar;", "("),
            ("&rpar;", ")"),
            ("&nbsp;", "\u{a0}"),
            ("&amp", "&"),
            ("&lt", "<"),
            ("&gt", ">"),
            ("&quot", "\""),
        ];
        if let Some((n, v)) = named.iter().find(|(n, _)| rest.starts_with(n)) {
            out.push_str(v);
            rest = &rest[n.len()..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The scheme a browser would read from a URL attribute value, lowercased (None: relative).
fn browser_scheme(value: &str) -> Option<String> {
    // Browsers strip leading/trailing C0 controls and spaces, and remove tabs and newlines
    // anywhere; be stricter and drop every whitespace and control character. (U+FEFF and
    // U+FFFD are neither, and not scheme characters either: browsers read such a URL as
    // relative, and so does this.)
    let v: String = decode_refs(value)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let colon = v.find(':')?;
    let s = &v[..colon];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| v[..colon].to_string())
}

/// Whether a URL may stand in the reader: relative, http(s) or mailto, as a browser parses it.
/// (An absolute http URL whose path happens to contain `javascript:` is harmless and passes.)
fn url_is_safe(value: &str) -> bool {
    matches!(
        browser_scheme(value).as_deref(),
        None | Some("http") | Some("https") | Some("mailto")
    )
}

/// Every executable construct found in `html` (empty: clean).
fn violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    // Script URLs are judged per attribute below, by the scheme a browser would read: the
    // bare substring also matches harmless relative paths ("/2025/\u{feff}javascript:x").
    for needle in ["<script", "<!--", "<![cdata[", "<?"] {
        if lower.contains(needle) {
            found.push(format!("raw text contains {needle:?}"));
        }
    }
    let found = RefCell::new(found);
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
            let tag = el.tag_name().to_ascii_lowercase();
            let mut f = found.borrow_mut();
            if FORBIDDEN_TAGS.contains(&tag.as_str()) || tag.contains(':') {
                f.push(format!("forbidden element <{tag}>"));
            }
            for attr in el.attributes() {
                let name = attr.name().to_ascii_lowercase();
                // The value as written (lol_html's decoded value drops a leading U+FEFF, which
                // a browser keeps).
                let value = attr
                    .value_source_location()
                    .and_then(|l| html.get(l.bytes()))
                    .map_or_else(|| attr.value(), str::to_string);
                if name.starts_with("on") {
                    f.push(format!("event handler {name}={value:?} on <{tag}>"));
                }
                if FORBIDDEN_ATTRS.contains(&name.as_str()) || name.contains(':') {
                    f.push(format!("forbidden attribute {name}={value:?} on <{tag}>"));
                }
                if URL_ATTRS.contains(&name.as_str()) {
                    let urls: Vec<String> = if name == "srcset" {
                        decode_refs(&value)
                            .split(',')
                            .filter_map(|c| c.split_whitespace().next().map(str::to_string))
                            .collect()
                    } else {
                        vec![value.clone()]
                    };
                    for u in urls {
                        if !url_is_safe(&u) {
                            f.push(format!("unsafe URL {name}={u:?} on <{tag}>"));
                        }
                    }
                }
                // Any attribute at all that a browser could read as a script URL.
                if matches!(
                    browser_scheme(&value).as_deref(),
                    Some("javascript") | Some("vbscript") | Some("livescript") | Some("data")
                ) {
                    f.push(format!(
                        "script URL in attribute {name}={value:?} on <{tag}>"
                    ));
                }
                if decode_refs(&value)
                    .to_ascii_lowercase()
                    .contains("expression(")
                {
                    f.push(format!(
                        "CSS expression in attribute {name}={value:?} on <{tag}>"
                    ));
                }
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|t| {
            // The serializer escapes '<' in text: a raw one means markup leaked into text
            // (or the tokenizer sees a construct the serializer did not write).
            if t.as_str().contains('<') {
                found
                    .borrow_mut()
                    .push(format!("raw '<' in text: {:?}", t.as_str()));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|c| {
            found
                .borrow_mut()
                .push(format!("comment in output: {:?}", c.text()));
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).unwrap();
    rewriter.end().unwrap();
    found.into_inner()
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs one vector: extraction succeeds, nothing executable survives, the prose is kept.
fn check_page(name: &str, html: &str) {
    for url in [PAGE_URL, ""] {
        let article = malgeum::extract(html, url, &malgeum::Options { markdown: true })
            .unwrap_or_else(|e| panic!("{name} (url {url:?}): extract failed: {e}"));
        let bad = violations(&article.content_html);
        assert!(
            bad.is_empty(),
            "{name} (url {url:?}): executable markup survived:\n  {}\n--- content_html ---\n{}",
            bad.join("\n  "),
            article.content_html
        );
        let text = fold(&article.text);
        let html_text = fold(&article.content_html);
        for p in PROSE {
            let p = fold(p);
            assert!(
                text.contains(&p),
                "{name} (url {url:?}): prose lost from text: {p:?}\n--- text ---\n{}",
                article.text
            );
            assert!(
                html_text.contains(&p),
                "{name} (url {url:?}): prose lost from content_html: {p:?}\n--- content_html ---\n{}",
                article.content_html
            );
        }
        assert!(
            article.readerable,
            "{name} (url {url:?}): not readerable: {:?}",
            article.reason
        );
        check_fields(name, url, &article);
    }
}

/// The URL-valued fields of the export: a reader turns them into links and images.
fn check_fields(name: &str, url: &str, a: &malgeum::Article) {
    let mut urls: Vec<(&str, &str)> = Vec::new();
    if let Some(c) = &a.canonical_url {
        urls.push(("canonicalUrl", c));
    }
    if let Some(i) = &a.lead_image {
        urls.push(("leadImage.src", &i.src));
    }
    for i in &a.images {
        urls.push(("images[].src", &i.src));
    }
    for p in &a.people {
        urls.push(("people[].url", &p.url));
    }
    for r in &a.related_articles {
        urls.push(("relatedArticles[].url", &r.url));
    }
    for (field, u) in urls {
        assert!(
            url_is_safe(u),
            "{name} (url {url:?}): unsafe URL in {field}: {u:?}"
        );
    }
}

/// A vector placed once between paragraphs and once inside one.
fn check(name: &str, vector: &str) {
    check_page(name, &page(vector, vector));
}

/// A vector placed after the last paragraph: one that swallows the rest of the document in a
/// browser too (rawtext never closed, an unclosed quote, `<plaintext>`), so only the prose
/// before it can be expected.
fn check_tail(name: &str, vector: &str) {
    let html = page("", "").replace(
        &format!("<p>{}</p>\n</article>", PROSE[4]),
        &format!("<p>{}</p>\n{vector}\n</article>", PROSE[4]),
    );
    assert!(html.contains(vector), "{name}: template changed");
    check_page(name, &html);
}

macro_rules! vectors {
    ($($name:ident: $vector:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name), $vector);
            }
        )*
    };
}

macro_rules! tail_vectors {
    ($($name:ident: $vector:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check_tail(stringify!($name), $vector);
            }
        )*
    };
}

// ------------------------------------------------------------------------------ the vectors

vectors! {
    script_plain: "<script>alert(1)</script>";
    script_uppercase: "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>";
    script_with_attrs_and_slash: "<script/src=\"//evil.example/x.js\" async></script>";
    script_in_paragraph_text_escaped: "&lt;script&gt;alert(1)&lt;/script&gt;";
    script_double_escaped: "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;";
    script_unterminated_quote_trick: "<scr<script>ipt>alert(1)</script>";
    script_in_svg: "<svg><script>alert(1)</script></svg>";
    script_in_svg_href: "<svg><script href=\"data:text/javascript,alert(1)\"></script></svg>";
    script_nested_in_inline: "<b><i><script>alert(1)</script></i></b>";
    script_type_module: "<script type=\"module\">import('//evil.example/x.js')</script>";

    img_onerror: "<img src=x onerror=alert(1)>";
    img_onerror_quoted: "<img src=\"/photo.jpg\" onerror=\"alert(1)\" alt=\"A keeper\">";
    img_onload_uppercase: "<IMG SRC=\"/photo.jpg\" ONLOAD=\"alert(1)\">";
    img_onerror_slash_separator: "<img/src=\"x\"/onerror=\"alert(1)\">";
    img_onerror_no_space_after_quote: "<img src=\"x\"onerror=\"alert(1)\">";
    img_src_javascript: "<img src=\"javascript:alert(1)\" alt=\"x\">";
    img_src_javascript_mixed_case: "<img src=\"JaVaScRiPt:alert(1)\" alt=\"x\">";
    img_lazy_data_src_javascript: "<img src=\"/placeholder.gif\" data-src=\"javascript:alert(1)\" alt=\"x\">";
    img_lazy_data_original_vbscript: "<img data-original=\"vbscript:msgbox(1)\" alt=\"x\">";
    img_srcset_javascript: "<img srcset=\"javascript:alert(1) 2x, /a.jpg 1x\" alt=\"x\">";
    img_data_srcset_javascript: "<img data-srcset=\"javascript:alert(1) 900w\" alt=\"x\">";
    img_src_data_text_html: "<img src=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\" alt=\"x\">";
    img_src_data_svg: "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"x\">";
    img_alt_attribute_breakout: "<img src=\"/a.jpg\" alt='\"><script>alert(1)</script>'>";
    img_alt_escaped_markup: "<img src=\"/a.jpg\" alt=\"&lt;img src=x onerror=alert(1)&gt;\">";
    img_dynsrc_lowsrc: "<img dynsrc=\"javascript:alert(1)\" lowsrc=\"javascript:alert(1)\" src=\"/a.jpg\">";
    image_tag_alias: "<image src=x onerror=alert(1)>";

    a_href_javascript: "<a href=\"javascript:alert(1)\">a link</a>";
    a_href_javascript_uppercase: "<a href=\"JAVASCRIPT:alert(1)\">a link</a>";
    a_href_javascript_unquoted: "<a href=javascript:alert(1)>a link</a>";
    a_href_javascript_single_quoted: "<a href='javascript:alert(1)'>a link</a>";
    a_href_javascript_leading_space: "<a href=\"   javascript:alert(1)\">a link</a>";
    a_href_javascript_leading_newline: "<a href=\"\njavascript:alert(1)\">a link</a>";
    a_href_javascript_inner_tab: "<a href=\"java\tscript:alert(1)\">a link</a>";
    a_href_javascript_inner_newline: "<a href=\"java\nscript:alert(1)\">a link</a>";
    a_href_javascript_inner_cr: "<a href=\"java\rscript:alert(1)\">a link</a>";
    a_href_javascript_entity_tab: "<a href=\"java&#x09;script:alert(1)\">a link</a>";
    a_href_javascript_entity_newline: "<a href=\"java&#10;script:alert(1)\">a link</a>";
    a_href_javascript_named_tab: "<a href=\"java&Tab;script:alert(1)\">a link</a>";
    a_href_javascript_decimal_j: "<a href=\"&#106;avascript:alert(1)\">a link</a>";
    a_href_javascript_decimal_no_semicolon: "<a href=\"&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)\">a link</a>";
    a_href_javascript_padded_decimal: "<a href=\"&#0000106&#0000097vascript:alert(1)\">a link</a>";
    a_href_javascript_long_padded_decimal: "<a href=\"&#00000000000106avascript:alert(1)\">a link</a>";
    a_href_javascript_hex_j: "<a href=\"&#x6A;avascript:alert(1)\">a link</a>";
    a_href_javascript_hex_uppercase_x: "<a href=\"&#X6a;avascript&#X3A;alert(1)\">a link</a>";
    a_href_javascript_colon_entity: "<a href=\"javascript&#58;alert(1)\">a link</a>";
    a_href_javascript_named_colon: "<a href=\"javascript&colon;alert(1)\">a link</a>";
    a_href_javascript_leading_control: "<a href=\"&#14;javascript:alert(1)\">a link</a>";
    a_href_javascript_leading_nul_entity: "<a href=\"&#0;javascript:alert(1)\">a link</a>";
    a_href_javascript_comment_url: "<a href=\"javascript://%0aalert(1)\">a link</a>";
    a_href_vbscript: "<a href=\"vbscript:msgbox(1)\">a link</a>";
    a_href_vbscript_mixed_case: "<a href=\"VbScRiPt:msgbox(1)\">a link</a>";
    a_href_data_text_html: "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">a link</a>";
    a_href_data_uppercase: "<a href=\"DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">a link</a>";
    a_href_data_entity_encoded: "<a href=\"&#100;ata:text/html,x\">a link</a>";
    a_href_livescript: "<a href=\"livescript:alert(1)\">a link</a>";
    a_duplicate_href_second_javascript: "<a href=\"/ok\" href=\"javascript:alert(1)\">a link</a>";
    a_duplicate_href_first_javascript: "<a href=\"javascript:alert(1)\" href=\"/ok\">a link</a>";
    a_href_attribute_breakout: "<a href='/x\"onmouseover=\"alert(1)'>a link</a>";
    a_href_angle_breakout: "<a href=\"/x\"><script>alert(1)</script></a>";
    a_onclick_safe_href: "<a href=\"/story\" onclick=\"alert(1)\" onmouseover=\"alert(1)\">a link</a>";
    a_target_formaction: "<a href=\"/story\" target=\"_top\" ping=\"https://evil.example/\">a link</a>";
    a_person_link_javascript: "<a class=\"human_link\" href=\"javascript:alert(1)\">Morag Campbell</a>";
    a_person_link_vbscript_entities: "<a class=\"person_link\" href=\"&#118;bscript:msgbox(1)\">Morag Campbell</a>";
    area_href_javascript: "<map name=m><area shape=rect coords=0,0,9,9 href=\"javascript:alert(1)\"></map>";

    iframe_src_javascript: "<iframe src=\"javascript:alert(1)\"></iframe>";
    iframe_srcdoc: "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>";
    iframe_srcdoc_img: "<iframe srcdoc=\"<img src=x onerror=alert(1)>\"></iframe>";
    iframe_data_url: "<iframe src=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>";
    iframe_self_closing_trick: "<iframe/src=\"//evil.example\" onload=alert(1)></iframe>";
    frameset_onload: "<frameset onload=alert(1)><frame src=\"javascript:alert(1)\"></frameset>";
    object_data_javascript: "<object data=\"javascript:alert(1)\"></object>";
    object_data_base64: "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>";
    object_param: "<object type=\"application/x-shockwave-flash\"><param name=\"movie\" value=\"javascript:alert(1)\"></object>";
    embed_src_javascript: "<embed src=\"javascript:alert(1)\">";
    embed_src_data: "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" type=\"image/svg+xml\">";
    applet_code: "<applet code=\"Evil.class\" codebase=\"javascript:alert(1)\"></applet>";

    svg_onload: "<svg onload=alert(1)></svg>";
    svg_self_closing_onload: "<svg/onload=alert(1)>";
    svg_unclosed_then_prose: "<svg viewBox=\"0 0 10 10\"><circle r=\"4\" onclick=alert(1)>";
    math_unclosed_then_prose: "<math><mi>x</mi>";
    svg_a_xlink_href: "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a></svg>";
    svg_a_href: "<svg><a href=\"javascript:alert(1)\"><text>click</text></a></svg>";
    svg_animate_onbegin: "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>";
    svg_set_href: "<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>click</text></a></svg>";
    svg_foreignobject_iframe: "<svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg>";
    svg_use_data: "<svg><use href=\"data:image/svg+xml;base64,PHN2ZyBpZD0ieCI+PC9zdmc+#x\"/></svg>";
    svg_style_img_mutation: "<svg><style><img src=x onerror=alert(1)></style></svg>";
    svg_p_style_breakout: "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\"></svg>";
    svg_title_breakout: "<svg><title><img src=x onerror=alert(1)></title></svg>";
    svg_desc_style: "<svg><desc><style><img src=x onerror=alert(1)></style></desc></svg>";
    svg_cdata: "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>";
    math_mtext_mglyph_style_closed: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>";
    math_style_img: "<math><style><img src=x onerror=alert(1)></style></math>";
    math_xlink_href: "<math><mi xlink:href=\"javascript:alert(1)\" href=\"javascript:alert(1)\">x</mi></math>";
    math_maction: "<math><maction actiontype=\"statusline#http://x\" xlink:href=\"javascript:alert(1)\">click</maction></math>";
    math_annotation_xml: "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>";

    base_href_javascript: "<base href=\"javascript:alert(1)//\"><a href=\"more.html\">a relative link</a> <img src=\"photo.jpg\" alt=\"x\">";
    base_href_javascript_authority: "<base href=\"javascript://%0aalert(1)//\"><a href=\"more.html\">a relative link</a> <img src=\"photo.jpg\" alt=\"x\">";
    base_href_vbscript_authority: "<base href=\"vbscript://x/\"><a href=\"more.html\">a relative link</a>";
    base_href_data: "<base href=\"data:text/html,x//\"><a href=\"more.html\">a relative link</a>";
    base_href_evil_host: "<base href=\"https://evil.example/\"><a href=\"more.html\">a relative link</a>";
    meta_refresh: "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">";
    meta_refresh_data: "<meta http-equiv=\"refresh\" content=\"0; url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">";
    link_import: "<link rel=\"import\" href=\"data:text/html,x\"><link rel=stylesheet href=\"javascript:alert(1)\">";

    form_action_javascript: "<form action=\"javascript:alert(1)\"><input type=submit value=Go></form>";
    form_button_formaction: "<form><button formaction=\"javascript:alert(1)\">Go</button></form>";
    input_autofocus_onfocus: "<input autofocus onfocus=alert(1)>";
    input_image_src: "<input type=image src=x onerror=alert(1)>";
    textarea_breakout: "<textarea></textarea><img src=x onerror=alert(1)>";
    select_keygen: "<select autofocus onfocus=alert(1)><option>x</option></select><keygen autofocus onfocus=alert(1)>";
    isindex_action: "<isindex action=\"javascript:alert(1)\" type=image>";

    style_element: "<style>body{background:url(javascript:alert(1))}</style>";
    style_element_import: "<style>@import 'javascript:alert(1)';</style>";
    style_attr_url_javascript: "<span style=\"background:url(javascript:alert(1))\">styled words</span>";
    style_attr_expression: "<span style=\"width:expression(alert(1))\">styled words</span>";
    style_attr_behavior: "<span style=\"behavior:url(x.htc);-moz-binding:url(x.xml#x)\">styled words</span>";
    style_attr_on_paragraph: "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay words</p>";
    style_attr_entity_escaped: "<span style=\"background:url(&#106;avascript:alert(1))\">styled words</span>";

    noscript_title_breakout: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>";
    noscript_style_breakout: "<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>";
    noscript_img_onerror: "<noscript><img src=\"/real.jpg\" onerror=alert(1) alt=\"x\"></noscript>";
    noscript_img_javascript: "<noscript><img src=\"javascript:alert(1)\" alt=\"x\"></noscript>";
    noscript_script: "<noscript><script>alert(1)</script></noscript>";
    template_script: "<template><script>alert(1)</script><img src=x onerror=alert(1)></template>";
    xmp_breakout: "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>";
    noembed_breakout: "<noembed><p title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>";
    noframes_breakout: "<noframes><p title=\"</noframes><img src=x onerror=alert(1)>\"></noframes>";
    title_in_body_breakout: "<title><img src=x onerror=alert(1)></title>";
    comment_breakout: "<!--<img src=\"--><img src=x onerror=alert(1)//\">-->";
    conditional_comment: "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->";
    cdata_in_html: "<![CDATA[<img src=x onerror=alert(1)>]]>";
    processing_instruction: "<?xml-stylesheet href=\"javascript:alert(1)\"?>";

    details_ontoggle: "<details open ontoggle=alert(1)><summary>Summary words</summary>Details words</details>";
    time_datetime_breakout: "<time datetime='2025\" onmouseover=\"alert(1)'>May</time>";
    td_colspan_breakout: "<table><tr><th>Year</th><th>Ships</th></tr><tr><td colspan=\"2 onmouseover=alert(1)\" background=\"javascript:alert(1)\">1881</td><td>40</td></tr><tr><td>1882</td><td>41</td></tr></table>";
    table_background: "<table background=\"javascript:alert(1)\"><tr><th>Year</th><th>Ships</th></tr><tr><td>1881</td><td>40</td></tr></table>";
    blockquote_cite: "<blockquote cite=\"javascript:alert(1)\">A quotation from a keeper.</blockquote>";
    q_cite: "<q cite=\"javascript:alert(1)\">a quote</q>";
    ins_del_cite: "<ins cite=\"javascript:alert(1)\">inserted</ins> <del cite=\"vbscript:x\">deleted</del>";
    video_poster_onerror: "<video poster=\"javascript:alert(1)\" src=x onerror=alert(1)><source onerror=alert(1)></video>";
    audio_onerror: "<audio src=x onerror=alert(1)></audio>";
    body_onload: "<body onload=alert(1)>";
    marquee_onstart: "<marquee onstart=alert(1)>scrolling words</marquee>";
    custom_element_is: "<p is=\"evil-para\" contenteditable autofocus onfocus=alert(1)>custom words</p>";
    popover_attrs: "<button popovertarget=x>x</button><div popover id=x onbeforetoggle=alert(1)>pop</div>";
    html_namespace_attr: "<p xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"javascript:alert(1)\">namespaced words</p>";
    dialog_open: "<dialog open onclose=alert(1)>dialog words</dialog>";
    unicode_escape_in_url: "<a href=\"\\u006aavascript:alert(1)\">a link</a>";
    fullwidth_scheme: "<a href=\"\u{FF4A}avascript:alert(1)\">a link</a>";
    bom_in_scheme: "<a href=\"\u{FEFF}javascript:alert(1)\">a link</a>";
    nul_in_tag_name: "<scr\u{0}ipt>alert(1)</scr\u{0}ipt>";
    nul_in_attr_name: "<img src=x on\u{0}error=alert(1)>";
}

tail_vectors! {
    plaintext_swallows_rest: "<plaintext><img src=x onerror=alert(1)></plaintext>";
    unclosed_attribute_quote: "<img src=\"/a.jpg\" alt=\"unclosed><img src=x onerror=alert(1)>";
    unclosed_script: "<script>alert(1)";
    unclosed_style: "<style><img src=x onerror=alert(1)>";
    unclosed_iframe: "<iframe><img src=x onerror=alert(1)>";
    unclosed_textarea: "<textarea><img src=x onerror=alert(1)>";
    unclosed_comment: "<!-- <img src=x onerror=alert(1)>";
    math_mtext_table_mglyph_style: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>";
    form_math_mglyph_dompurify: "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>";
}

/// Every common event handler, on each element the allowlist keeps.
#[test]
fn every_event_handler_on_allowlisted_elements() {
    const HANDLERS: &[&str] = &[
        "onabort",
        "onafterprint",
        "onanimationend",
        "onanimationiteration",
        "onanimationstart",
        "onauxclick",
        "onbeforeinput",
        "onbeforeprint",
        "onbeforeunload",
        "onbegin",
        "onblur",
        "oncanplay",
        "onchange",
        "onclick",
        "onclose",
        "oncontextmenu",
        "oncopy",
        "oncut",
        "ondblclick",
        "ondrag",
        "ondragend",
        "ondragenter",
        "ondragleave",
        "ondragover",
        "ondragstart",
        "ondrop",
        "onend",
        "onerror",
        "onfocus",
        "onfocusin",
        "onfocusout",
        "onhashchange",
        "oninput",
        "oninvalid",
        "onkeydown",
        "onkeypress",
        "onkeyup",
        "onload",
        "onmessage",
        "onmousedown",
        "onmouseenter",
        "onmouseleave",
        "onmousemove",
        "onmouseout",
        "onmouseover",
        "onmouseup",
        "onpageshow",
        "onpaste",
        "onpointerdown",
        "onpointerenter",
        "onpointerover",
        "onpointerrawupdate",
        "onpopstate",
        "onrepeat",
        "onreset",
        "onresize",
        "onscroll",
        "onscrollend",
        "onsearch",
        "onselect",
        "onselectionchange",
        "onselectstart",
        "onstart",
        "onsubmit",
        "ontoggle",
        "ontouchstart",
        "ontransitionend",
        "ontransitionrun",
        "onunload",
        "onwheel",
        "onContentVisibilityAutoStateChange",
        "ONCLICK",
        "OnMouseOver",
    ];
    let mut failures = Vec::new();
    for h in HANDLERS {
        let vector = format!(
            "<p {h}=\"alert(1)\">Handler paragraph.</p>\
             <p>Words <a href=\"/next\" {h}=alert(1)>link</a> <b {h}='alert(1)'>bold</b> \
             <em {h}=alert(1)>em</em> <code {h}=alert(1)>code</code> \
             <img src=\"/photo.jpg\" alt=\"x\" {h}=alert(1)> <time datetime=2025 {h}=alert(1)>May</time></p>\
             <blockquote {h}=alert(1)>Quoted words.</blockquote>\
             <ul {h}=alert(1)><li {h}=alert(1)>one item</li><li>two items</li></ul>\
             <table {h}=alert(1)><tr {h}=alert(1)><th {h}=alert(1)>Year</th><th>Ships</th></tr>\
             <tr><td {h}=alert(1)>1881</td><td>40</td></tr><tr><td>1882</td><td>41</td></tr></table>\
             <figure {h}=alert(1)><img src=\"/fig.jpg\" alt=\"y\" {h}=alert(1)><figcaption {h}=alert(1)>A caption.</figcaption></figure>\
             <h2 {h}=alert(1)>A heading</h2><pre {h}=alert(1)>pre text</pre>"
        );
        let result = std::panic::catch_unwind(|| check(&format!("handler {h}"), &vector));
        if let Err(e) = result {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "panic".into());
            failures.push(msg);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The checker itself must catch what it claims to catch (a checker that sees nothing would
/// make every case above pass).
#[test]
fn checker_catches_executable_markup() {
    for (bad, why) in [
        ("<p>x</p><script>alert(1)</script>", "script"),
        ("<p onclick=\"alert(1)\">x</p>", "on*"),
        ("<p ONMOUSEOVER=alert(1)>x</p>", "on* uppercase"),
        (
            "<a href=\"java&#x09;script:alert(1)\">x</a>",
            "entity javascript",
        ),
        ("<a href=\"&#106avascript:alert(1)\">x</a>", "numeric j"),
        (
            "<a href=\"&#0000000000106;avascript:alert(1)\">x</a>",
            "padded",
        ),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", "named colon"),
        ("<a href=\" VBScript:x\">x</a>", "vbscript"),
        ("<img src=\"data:text/html,x\">", "data"),
        ("<span style=\"color:red\">x</span>", "style attr"),
        ("<svg></svg>", "svg"),
        ("<math></math>", "math"),
        ("<iframe></iframe>", "iframe"),
        ("<object></object>", "object"),
        ("<embed>", "embed"),
        ("<base href=/>", "base"),
        ("<meta http-equiv=refresh>", "meta"),
        ("<form></form>", "form"),
        ("<style></style>", "style"),
        ("<p>a <b>x</p>", "nothing: should pass"),
    ] {
        let v = violations(bad);
        if why.starts_with("nothing") {
            assert!(v.is_empty(), "{bad}: {v:?}");
        } else {
            assert!(!v.is_empty(), "checker missed {why}: {bad}");
        }
    }
    assert!(url_is_safe("/a/b?c=d&amp;e"));
    assert!(url_is_safe("https://x.example/y"));
    assert!(url_is_safe("mailto:a@b.example"));
    assert!(!url_is_safe("javascript://%0aalert(1)"));
}

/// The page itself, with no vector, is chosen and kept whole (the baseline every case relies on).
#[test]
fn baseline_page_keeps_its_prose() {
    check("baseline", "");
}

// ------------------------------------------------------------------------------ Markdown

/// Markdown is an export that renderers turn back into HTML (inline HTML passes through most of
/// them): text must not carry raw tags, and links must not carry script URLs.
fn markdown_violations(md: &str) -> Vec<String> {
    let mut found = Vec::new();
    // Link and image destinations: CommonMark decodes character references in them, and a
    // destination ends at whitespace (or is an <...> one).
    let mut rest = md;
    while let Some(pos) = rest.find("](") {
        let dest = rest[pos + 2..].trim_start_matches('<');
        let end = dest
            .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
            .unwrap_or(dest.len());
        if !url_is_safe(&dest[..end]) {
            found.push(format!("script link in markdown: {:?}", &dest[..end]));
        }
        rest = &rest[pos + 2..];
    }
    // Raw HTML: '<' followed by a tag-name start, '/', '!' or '?', not backslash-escaped and
    // not inside a code span.
    let chars: Vec<char> = md.chars().collect();
    let mut in_code = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if c == '`' && (i == 0 || chars[i - 1] != '\\') {
            in_code = !in_code;
        }
        if in_code || c != '<' || (i > 0 && chars[i - 1] == '\\') {
            continue;
        }
        if let Some(n) = chars.get(i + 1) {
            if n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?') {
                let snippet: String = chars[i..(i + 40).min(chars.len())].iter().collect();
                found.push(format!("raw HTML in markdown: {snippet:?}"));
            }
        }
    }
    found
}

fn check_markdown(name: &str, vector: &str) {
    let html = page(vector, vector);
    for url in [PAGE_URL, ""] {
        let article = malgeum::extract(&html, url, &malgeum::Options { markdown: true })
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let md = article.markdown.clone().unwrap_or_default();
        let bad = markdown_violations(&md);
        assert!(
            bad.is_empty(),
            "{name} (url {url:?}): {}\n--- markdown ---\n{md}",
            bad.join("\n  ")
        );
        for p in PROSE {
            // Markdown escapes some punctuation; compare on the words.
            let first_words: String = p.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            assert!(
                fold(&md).contains(&first_words),
                "{name} (url {url:?}): prose lost from markdown: {first_words:?}\n{md}"
            );
        }
    }
}

macro_rules! markdown_vectors {
    ($($name:ident: $vector:expr;)*) => {
        $(
            #[test]
            fn $name() {
                check_markdown(stringify!($name), $vector);
            }
        )*
    };
}

markdown_vectors! {
    markdown_escaped_img_in_text: "the tag &lt;img src=x onerror=alert(1)&gt; in prose";
    markdown_escaped_script_in_text: "&lt;script&gt;alert(1)&lt;/script&gt;";
    markdown_escaped_comment_in_text: "&lt;!-- hidden --&gt; text";
    markdown_link_named_colon_entity: "<a href=\"javascript&colon;alert(1)\">a link</a>";
    markdown_link_numeric_entity_in_scheme: "<a href=\"&amp;#106;avascript:alert(1)\">a link</a>";
    markdown_link_with_space_and_tag: "<a href=\"/a b<img src=x onerror=alert(1)>\">a link</a>";
    markdown_link_with_angle_brackets: "<a href=\"/a<img/src=x/onerror=alert(1)>\">a link</a>";
    markdown_image_alt_with_tag: "<img src=\"/a.jpg\" alt=\"&lt;img src=x onerror=alert(1)&gt;\">";
    markdown_code_with_backticks: "<code>`<img src=x onerror=alert(1)>`</code>";
    markdown_script_element: "<script>alert(1)</script>";
    markdown_base_javascript: "<base href=\"javascript://%0aalert(1)//\"><a href=\"more.html\">a relative link</a>";
}

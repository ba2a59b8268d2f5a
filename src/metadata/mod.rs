//! Metadata, one function per export field, each reading its sources best first: JSON-LD
//! (`jsonld`), the `<meta>` tags (`meta`), then the visible page (`byline`, `dates`,
//! `visible`) and the site rule. A field's rules live in one place so that fixing a title
//! means reading `title` alone; the few fields that depend on others (the title is cut
//! against the site's declared name, a byline must not be the title, an outlet named as the
//! author is the site's name) say so in [`extract`], in the order they are computed.

mod byline;
mod dates;
mod jsonld;
mod meta;
mod title;
mod visible;

use crate::article::{Image, Related};
use crate::korean;
use crate::markup::{clean_leaked_markup, fold_whitespace, FoldCase};
use crate::polish::Polished;
use crate::rules::SiteRule;
use crate::scan::Scan;
use crate::url;
pub use byline::Credits;
use jsonld::LinkedData;

/// What the metadata stage hands over: the export's fields of the same names (`leadImage` as
/// its address, `related` as `relatedArticles`; `byline` and `authors` in `credits`), each
/// as [`extract`] found it, before the body's polish adds what only its text shows.
#[derive(Debug, Default)]
pub struct Metadata {
    pub title: String,
    /// The label the declared title brackets before the headline and the title drops (a
    /// program's `[뉴스데스크]`): a line of it above the story is no line of the story.
    pub title_label: Option<String>,
    pub subtitle: Option<String>,
    pub site_name: Option<String>,
    /// Whether the page declares its site's name (`og:site_name` and its kin): the name then
    /// stands as declared.
    pub site_declared: bool,
    pub credits: Credits,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub section: Vec<String>,
    pub tags: Vec<String>,
    pub excerpt: Option<String>,
    pub canonical_url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub lead_image: Option<String>,
    pub related: Vec<Related>,
    pub copyright: Option<String>,
    /// Whether the page is Korean (`<html lang>` or `content-language` says so, or the
    /// declared title is in Hangul): decided once, here, for every stage after.
    pub korean: bool,
}

/// What every field reads: the scan and where the article is in it, and what is decided once
/// per page.
struct Page<'a, 'h> {
    scan: &'a Scan<'h>,
    url: &'a str,
    /// The article's body (its root in the arena).
    article: Option<u32>,
    rule: Option<&'static SiteRule>,
    ld: LinkedData,
    /// The `<title>` element, leaked markup cleaned.
    title_tag: String,
    /// The title as the page declares it ([`title::declared`]).
    declared_title: String,
    /// Whether that is the `<title>` element's (no JSON-LD or meta title).
    title_element_declared: bool,
    /// Whether the page is Korean: Korean pages have conventions of their own (the outlet in
    /// the title, reporter lines, dates in Korean time).
    korean: bool,
    /// Whether a Korean outlet publishes it, in Korean or in English (`koreaherald.com`, a
    /// `.kr` host, a site named `Korea JoongAng Daily`): its dates are in Korean time, printed
    /// ones read as on Korean pages, and its outlet is never a person.
    korean_outlet: bool,
    /// The heading above the body that prints the title, once the title is known: the
    /// article's header starts there when it sits above the body's closest ancestors.
    headline: Option<u32>,
}

impl<'a, 'h> Page<'a, 'h> {
    fn new(
        scan: &'a Scan<'h>,
        url: &'a str,
        article: Option<u32>,
        rule: Option<&'static SiteRule>,
    ) -> Self {
        let ld = jsonld::linked_data(scan);
        let title_tag = scan
            .meta
            .title
            .as_deref()
            .map(clean_leaked_markup)
            .unwrap_or_default();
        let (declared_title, title_element_declared) = title::declared(scan, &ld, &title_tag);
        let korean = is_korean_page(scan, &declared_title);
        let korean_outlet = korean || is_korean_outlet(scan, url, &ld);
        Page {
            scan,
            url,
            article,
            rule,
            ld,
            title_tag,
            declared_title,
            title_element_declared,
            korean,
            korean_outlet,
            headline: None,
        }
    }
}

/// The page's metadata, field by field. The order is the fields' dependencies: the site's
/// declared name before the title (which loses it), the title before the byline (which must
/// not be it), the byline before the site's name is final (an outlet named as the author).
pub fn extract(
    scan: &Scan,
    page_url: &str,
    article: Option<u32>,
    rule: Option<&'static SiteRule>,
) -> Metadata {
    let mut page = Page::new(scan, page_url, article, rule);
    let declared_site = declared_site_name(&page);
    // A Korean outlet's page that declares no name (its English edition's too): its logo's
    // (`<a href="/"><img alt="프레시안">`).
    let logo = declared_site
        .is_none()
        .then(|| page.korean_outlet.then(|| visible::home_logo_name(scan)))
        .flatten()
        .flatten()
        .map(|name| korean::wire_name(&name).to_string());
    let title = title::title(&page, declared_site.as_deref().or(logo.as_deref()));
    page.headline = article.and_then(|root| visible::headline_above(scan, root, &title));
    // A Korean outlet's page without og:site_name: the outlet its <title> ends with (the
    // logo's name there is one: 스포츠한국's `… - 스포츠한국` under `<img alt="스포츠한국">`, The
    // Korea Times 2012's `… | The Korea Times` under `<img alt="The Korea Times">`).
    let from_title = (declared_site.is_none() && page.korean_outlet)
        .then(|| title::title_site_suffix(&page.title_tag, logo.as_deref()))
        .flatten();
    let site_so_far = declared_site.clone().or(from_title.clone());
    let visible = byline::visible_byline(scan, article, &title);
    let found = byline::credits(&page, site_so_far.as_deref(), visible.as_ref());
    let site_declared = declared_site.is_some();
    let names = SiteNames {
        declared: declared_site,
        from_title,
        outlet: found.outlet,
        logo,
    };
    Metadata {
        site_name: site_name(&page, names),
        site_declared,
        lang: lang(&page),
        dir: scan.meta.dir.clone().filter(|d| d == "rtl" || d == "ltr"),
        // (A writer's name alone under the headline is the byline, no deck: `<strong
        // class="tit-name">Kim Na-young</strong>`.)
        subtitle: subtitle(&page, &title)
            .filter(|s| !found.credits.authors.iter().any(|a| a.name == *s)),
        excerpt: excerpt(&page),
        canonical_url: canonical_url(&page),
        credits: found.credits,
        published: dates::published(&page, visible.as_ref(), &title),
        modified: dates::modified(&page),
        section: section(&page),
        tags: tags(&page),
        lead_image: lead_image(&page),
        related: visible::related_links(scan, page_url),
        copyright: visible::copyright_notice(scan),
        title_label: title_label(&page.declared_title, &title),
        title,
        korean: page.korean,
    }
}

/// The nodes of the article's header, in document order: from the article's closest block
/// ancestors (up to three levels above it), or from its headline when that sits higher
/// (ndsoft's `<header class="article-header-wrap">` and its byline list far from the body's
/// box), down to where its story's text begins ([`story_text_start`]), the lines inside the
/// article before its first paragraph included (대전일보 mobile's `이용민 기자 | 2020-03-04
/// 16:52:59` inside the `<article>`).
fn header_lines(page: &Page, root: u32) -> std::ops::Range<u32> {
    let scan = page.scan;
    let top = closest_ancestors_top(scan, root);
    let start = page.headline.map_or(top, |h| h.min(top));
    start..story_text_start(scan, root).max(root) + 1
}

/// The highest of the article's closest block ancestors (up to three levels above `root`):
/// where the metadata readers look for the article's header, deck and writer around it.
fn closest_ancestors_top(scan: &Scan, root: u32) -> u32 {
    scan.ancestors(root).take(3).last().unwrap_or(root)
}

/// Where the story's text begins in the article `root`: the element that holds its first
/// run of text long enough to be the story's (a date or byline line is shorter); `root` when
/// none. What comes before it in document order is the article's header.
fn story_text_start(scan: &Scan, root: u32) -> u32 {
    // (A long headline is no story: newsis's `<h1>` above its date line, inside the root.)
    let in_heading = |k: u32| {
        let n = &scan.nodes[k as usize];
        n.tag.is_heading()
            || n.parent != crate::scan::NONE && scan.nodes[n.parent as usize].tag.is_heading()
    };
    scan.texts_in(root)
        .iter()
        .find(|t| {
            t.end - t.start >= STORY_TEXT_MIN_BYTES
                && scan.nodes[t.owner as usize].flags & crate::scan::IN_NEVER == 0
                && !in_heading(t.owner)
        })
        .map_or(root, |t| t.owner)
}

/// A run of text this long is the story's (a date line is shorter).
const STORY_TEXT_MIN_BYTES: u32 = 100;

/// The label a declared title opens with in brackets (`[뉴스데스크]도심 공원에…`), where the
/// title is the rest.
fn title_label(declared: &str, title: &str) -> Option<String> {
    let (label, headline) = declared.trim().strip_prefix('[')?.split_once(']')?;
    (headline.trim() == title && !label.trim().is_empty()).then(|| label.trim().to_string())
}

fn is_korean_page(scan: &Scan, title: &str) -> bool {
    scan.meta
        .lang
        .as_deref()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("ko"))
        || meta::value(scan, &["content-language"])
            .is_some_and(|l| l.to_ascii_lowercase().starts_with("ko"))
        || korean::has_hangul(title)
}

/// The hosts of the page's address and of the one it declares (canonical, else `og:url`): a
/// saved copy has only the second.
fn page_hosts<'s>(scan: &'s Scan, page_url: &'s str) -> impl Iterator<Item = String> + 's {
    let canonical = scan
        .meta
        .canonical
        .as_deref()
        .or_else(|| meta::value(scan, &["og:url"]));
    [Some(page_url), canonical]
        .into_iter()
        .flatten()
        .filter_map(url::host)
}

/// Whether the page's address (or its canonical one) is on a Korean host (`….kr`) or a Korean
/// outlet's own (`koreaherald.com`), or the site's declared name is a Korean outlet's
/// (`Korea JoongAng Daily`, `Yonhap News Agency`).
fn is_korean_outlet(scan: &Scan, page_url: &str, ld: &LinkedData) -> bool {
    let on_korean_host = page_hosts(scan, page_url).any(|h| {
        h.ends_with(".kr")
            || korean::vocab::OUTLET_HOSTS.iter().any(|o| {
                h.strip_suffix(o)
                    .is_some_and(|r| r.is_empty() || r.ends_with('.'))
            })
    });
    // (A saved copy with no address nor metadata names its outlet by its logo: The Korea Times
    // 2009's `<a href="http://www.koreatimes.co.kr/"><img alt="The Korea Times">`.)
    on_korean_host
        || meta::text(scan, &["og:site_name", "application-name"])
            .or_else(|| ld.publisher.clone())
            .or_else(|| visible::home_logo_name(scan))
            .is_some_and(|site| {
                site.fold_case()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| korean::vocab::OUTLET_NAME_WORDS.contains(&w))
            })
}

/// The site's name as the page declares it: the outlet a portal's copy names
/// (`article:media_name`, Daum's, where `og:site_name` is the portal's), `og:site_name` and
/// its kin, then JSON-LD's publisher. A meta name written as the host's word (`koreatimes`)
/// gives way to the publisher it abbreviates (`The Korea Times`).
fn declared_site_name(page: &Page) -> Option<String> {
    let declared = meta::text(
        page.scan,
        &[
            "article:media_name",
            "og:site_name",
            "application-name",
            "twitter:site:name",
        ],
    );
    let publisher = page.ld.publisher.clone();
    match (declared, publisher) {
        (Some(word), Some(publisher)) if spells_out(&word, &publisher) => Some(publisher),
        (declared, publisher) => declared.or(publisher),
    }
}

/// Whether `name` is one lowercase word that `full`, its letters and digits run together,
/// holds (`koreatimes` in `The Korea Times`).
fn spells_out(name: &str, full: &str) -> bool {
    let joined: String = full
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    name.len() >= 3
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && joined.len() > name.len()
        && crate::markup::contains(&joined, name)
}

/// `siteName`, from the names the page gives (see [`SiteNames`]): the declared name, cleaned
/// of its slogan, or the `<title>`'s; then the outlet a meta author named; on a Korean page
/// then the copyright line's outlet and the logo's. A portal's copy names the outlet that
/// wrote it.
fn site_name(page: &Page, names: SiteNames) -> Option<String> {
    let SiteNames {
        declared,
        from_title,
        outlet,
        logo,
    } = names;
    // Read only where no earlier name will do: it walks the story's ancestors.
    let holder = || {
        page.korean
            .then(|| {
                page.article
                    .and_then(|root| visible::copyright_holder(page.scan, root))
            })
            .flatten()
    };
    let undeclared = declared.is_none();
    let so_far = declared.map(without_slogan).or(from_title);
    // A portal's copy (`ZUM 뉴스`, `… : 네이버 뉴스`, `머니투데이 | 네이버`): the outlet a meta author
    // names or the copyright line's (else the wire's in the lead, see [`site_name_with_story`]).
    if let Some(site) = so_far
        .as_deref()
        .filter(|s| korean::names_portal(&s.fold_case()))
    {
        let wrote_it = outlet
            .or_else(|| visible::portal_press_name(page.scan))
            .or_else(|| {
                holder().filter(|h| korean::has_hangul(h) && !korean::names_portal(&h.fold_case()))
            });
        return wrote_it.or_else(|| Some(site.to_string()));
    }
    // An old page's <title> names its web site (`chosun.com : …`), the line beside the story
    // the paper (`- Copyright 조선일보 & chosun.com -`).
    if undeclared && so_far.as_deref().is_some_and(names_web_site) {
        if let Some(paper) = holder().filter(|h| korean::has_hangul(h)) {
            return Some(paper);
        }
    }
    // A <title> naming the web edition by the logo's name and a Latin word or `뉴스` (`시사IN
    // Live`, `JTBC 뉴스` beside the logo `시사IN`, `JTBC`): the logo's name, the outlet's.
    if let (true, Some(site), Some(logo)) = (undeclared, so_far.as_deref(), logo.as_deref()) {
        let edition = site
            .strip_prefix(logo)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|word| {
                word == "뉴스" || !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic())
            });
        if edition {
            return Some(logo.to_string());
        }
    }
    // A meta author's Latin brand (`MoneyS`) gives way to the Korean name the copyright line
    // prints (`ⓒ … 머니S`).
    let outlet = match outlet {
        Some(o) if page.korean && !korean::has_hangul(&o) => {
            holder().filter(|h| korean::has_hangul(h)).or(Some(o))
        }
        o => o,
    };
    // The copyright line's Korean name (`ⓒ 경향신문`, under a section site's logo `경향비즈`)
    // names the outlet; a Latin brand there (`ⓒ PRESSian`) gives way to the logo's Korean.
    so_far.or(outlet).or_else(|| match holder() {
        Some(h) if korean::has_hangul(&h) => Some(h),
        h => logo.or(h),
    })
}

/// The site's name once the story is read: a web site's name the page does not declare gives
/// way to the paper's in the story's copyright line; a portal's copy that names no outlet otherwise
/// names the wire that wrote it in its dateline (`[서울=뉴시스]최서진 기자 = …` on MSN: `뉴시스`).
/// Of `place=outlet`, the side with Latin letters (`OSEN=대전`), else the one after the `=`.
pub fn site_name_with_story(
    site: Option<String>,
    declared: bool,
    dateline: Option<&str>,
    copyright: Option<&str>,
) -> Option<String> {
    let portal = site
        .as_deref()
        .is_some_and(|s| korean::names_portal(&s.fold_case()));
    // An old page names its web site (`한경닷컴`, `Joins.com`, in its <title> or logo: a
    // declared name stands) and the paper only in the copyright line (`ⓒ 한국경제 &
    // Hankyung.com`): the paper. A portal's copy names the outlet there too (`〈ⓒ … -
    // 서울신문(www.seoul.co.kr) …〉` on Daum).
    let web_site = !declared && site.as_deref().is_some_and(names_web_site);
    if let Some(paper) = copyright
        .filter(|_| web_site || portal)
        .and_then(korean::copyright_holder)
        .filter(|h| korean::has_hangul(h) && !korean::names_portal(&h.fold_case()))
    {
        return Some(paper);
    }
    let wire = dateline.filter(|_| portal).and_then(|line| {
        let outlet = match line.split_once('=') {
            Some((place, outlet)) if !place.bytes().any(|b| b.is_ascii_alphabetic()) => outlet,
            Some((outlet, _)) => outlet,
            None => line,
        }
        .trim();
        (!outlet.is_empty() && !outlet.contains(' ')).then(|| outlet.to_string())
    });
    wire.or(site)
}

/// A paper's web site rather than the paper (`한경닷컴`, `Joins.com`).
fn names_web_site(name: &str) -> bool {
    let name = name.fold_case();
    name.ends_with("닷컴") || name.ends_with(".com")
}

/// The names a page gives its site, each where it gives it.
struct SiteNames {
    /// `og:site_name` and its kin (see [`declared_site_name`]).
    declared: Option<String>,
    /// The outlet a Korean `<title>` ends with (`… - 한국아이닷컴`).
    from_title: Option<String>,
    /// The outlet a meta author names instead of a person (`머니투데이 | 네이버`).
    outlet: Option<String>,
    /// The `alt` of the logo linked to the front page.
    logo: Option<String>,
}

/// A declared site name without its slogan: a short name before ` - ` and more words
/// (`Aktuálně.cz - Víte, co se právě děje`, `NK News - North Korea News`, `경북일보 - 굿데이
/// 굿뉴스`), a Korean name without its Latin one in brackets (`디지털투데이 (DigitalToday)`), a
/// broadcaster's acronym without what it describes itself as (`서울특별시 미디어재단 TBS`).
fn without_slogan(site: String) -> String {
    if let Some((name, slogan)) = site.split_once(" - ") {
        let (name_words, slogan_words) = (title::word_count(name), title::word_count(slogan));
        if title::looks_like_site(name.trim())
            || name_words <= SITE_NAME_MAX_WORDS && slogan_words > name_words
        {
            return name.trim().to_string();
        }
    }
    if let Some((name, latin)) = site.split_once(" (") {
        if korean::has_hangul(name) && latin.ends_with(')') && !korean::has_hangul(latin) {
            return name.trim().to_string();
        }
    }
    match korean::described_acronym(&site) {
        Some(acronym) => acronym.to_string(),
        None => site,
    }
}

/// A site's own name is a few words; a slogan after it has more.
const SITE_NAME_MAX_WORDS: usize = 3;

/// `lang`: `<html lang>`, the meta language keys, JSON-LD's `inLanguage`, `og:locale`; `ko`
/// on a Korean page that declares none.
fn lang(page: &Page) -> Option<String> {
    let scan = page.scan;
    scan.meta
        .lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| meta::text(scan, &["content-language", "dc.language", "language"]))
        .or(page.ld.lang.clone())
        .or_else(|| meta::text(scan, &["og:locale"]).map(|l| l.replace('_', "-")))
        .or_else(|| page.korean.then(|| "ko".to_string()))
        .or_else(|| (page.korean_outlet && summary_reads_as_english(scan)).then(|| "en".into()))
}

/// Whether the page's description (or title) is an English sentence: on a Korean outlet's page
/// that declares no language (The Korea Times 2021), the English edition.
fn summary_reads_as_english(scan: &Scan) -> bool {
    let summary = meta::text(scan, &["og:description", "description"])
        .or_else(|| scan.meta.title.clone())
        .unwrap_or_default()
        .fold_case();
    let words = summary.split(|c: char| !c.is_ascii_alphabetic());
    summary.is_ascii()
        && words
            .filter(|w| crate::rules::ENGLISH_FUNCTION_WORDS.contains(w))
            .count()
            >= ENGLISH_MIN_FUNCTION_WORDS
}

/// An English sentence of a summary's length has a few function words.
const ENGLISH_MIN_FUNCTION_WORDS: usize = 3;

/// `subtitle`: `og:subtitle`; on a Korean outlet's page (in Korean or English) the deck printed
/// above the story.
fn subtitle(page: &Page, title: &str) -> Option<String> {
    meta::text(page.scan, &["og:subtitle", "subtitle"]).or_else(|| {
        page.korean_outlet
            .then(|| {
                page.article.and_then(|root| {
                    visible::deck(page.scan, root, page.rule, title, page.headline)
                })
            })
            .flatten()
    })
}

/// `excerpt`: JSON-LD's description, then the meta descriptions.
fn excerpt(page: &Page) -> Option<String> {
    page.ld.description.clone().or_else(|| {
        meta::text(
            page.scan,
            &[
                "og:description",
                "description",
                "dc.description",
                "twitter:description",
            ],
        )
    })
}

/// `canonicalUrl`: `<link rel=canonical>`, then `og:url`, made absolute; only a safe link.
fn canonical_url(page: &Page) -> Option<String> {
    page.scan
        .meta
        .canonical
        .clone()
        .or_else(|| meta::text(page.scan, &["og:url"]))
        .map(|c| url::resolve(page.url, &c))
        .filter(|c| url::is_safe_link(c))
}

/// `section`: `article:section` split at its breadcrumb marks, else JSON-LD's
/// `articleSection`.
fn section(page: &Page) -> Vec<String> {
    let section = meta::value(page.scan, &["article:section"])
        .map(|s| split_section(&clean_leaked_markup(s)))
        .unwrap_or_default();
    if section.is_empty() {
        return page.ld.section.clone();
    }
    section
}

/// `tags`: the `article:tag` metas, else JSON-LD's keywords; none empty or over 50
/// characters, no repeat in a row.
fn tags(page: &Page) -> Vec<String> {
    let mut tags: Vec<String> = page
        .scan
        .meta
        .metas
        .iter()
        .filter(|(k, _)| k == "article:tag")
        .map(|(_, v)| clean_leaked_markup(v))
        .collect();
    if tags.is_empty() {
        tags = page.ld.keywords.clone();
    }
    tags.retain(|t| !t.is_empty() && t.chars().count() <= 50);
    tags.dedup();
    tags
}

/// `images` and `leadImage`, once the body has been polished.
#[derive(Debug, Default)]
pub struct Images {
    /// Every image of the body, in order, with its caption and credit.
    pub all: Vec<Image>,
    /// The page's lead image (`og:image` and its kin), described as the body's figure of the
    /// same address describes it; without one, the body's first image.
    pub lead: Option<Image>,
}

/// The body's images (as `polish` found them) and the lead image the metadata names
/// (`lead_src`).
pub fn images(story: &Polished, lead_src: Option<String>) -> Images {
    let all = story.images.clone();
    let lead = match lead_src {
        Some(src) => Some(all.iter().find(|i| i.src == src).cloned().unwrap_or(Image {
            src,
            ..Image::default()
        })),
        None => all.first().cloned(),
    };
    Images { all, lead }
}

/// `leadImage`'s address: the OpenGraph and Twitter images, then JSON-LD's, made absolute;
/// only a safe link.
fn lead_image(page: &Page) -> Option<String> {
    meta::value(
        page.scan,
        &[
            "og:image",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ],
    )
    .map(|s| s.trim().to_string())
    .or(page.ld.image.clone())
    .map(|s| url::resolve(page.url, &s))
    .filter(|s| url::is_safe_link(s))
}

fn split_section(s: &str) -> Vec<String> {
    let parts: Vec<String> = if s.contains('>') {
        s.split('>').map(fold_whitespace).collect()
    } else if s.contains('|') {
        s.split('|').map(fold_whitespace).collect()
    } else if s.contains('-') && s.split('-').all(korean::has_hangul) {
        s.split('-').map(fold_whitespace).collect()
    } else {
        vec![fold_whitespace(s)]
    };
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A web site's name gives way to the paper the copyright line names beside it; a
    /// paper's own name, or a Latin holder, does not.
    #[test]
    fn a_web_sites_name_gives_way_to_the_papers_in_the_copyright_line() {
        let named = |site: &str, line: &str| {
            site_name_with_story(Some(site.to_string()), false, None, Some(line))
        };
        let line = "ⓒ 한국경제 & Hankyung.com, 무단전재 및 재배포 금지";
        assert_eq!(named("한경닷컴", line).as_deref(), Some("한국경제"));
        // A declared name stands.
        let declared = site_name_with_story(Some("경향닷컴".into()), true, None, Some(line));
        assert_eq!(declared.as_deref(), Some("경향닷컴"));
        // A portal's copy: the outlet in the copyright line, after its slogan.
        assert_eq!(
            named(
                "Daum 미디어다음",
                "〈ⓒ 세상을 보는 눈, 글로벌 미디어 - 서울신문(www.seoul.co.kr)〉"
            )
            .as_deref(),
            Some("서울신문")
        );
        assert_eq!(
            named("Joins.com", "ⓒ 중앙일보 & Joins.com").as_deref(),
            Some("중앙일보")
        );
        assert_eq!(
            named("매일경제", "ⓒ 매경미디어").as_deref(),
            Some("매일경제")
        );
        assert_eq!(
            named("Joins.com", "ⓒ JoongAng Ilbo").as_deref(),
            Some("Joins.com")
        );
    }

    /// Neither a picture's caption over the wire lead (뉴스1's `<figure>` opening the body), nor
    /// the header's line of reporter and dates (Daum's `박재헌 / 입력 … / 수정 …`), nor a byline
    /// in Latin letters is the deck.
    #[test]
    fn a_caption_or_a_date_line_is_never_the_deck() {
        let lead = "(서울=뉴스1) 윤주영 기자 = 올해 국내 인공지능 스타트업에 대한 투자가 지난해의 두 배 수준으로 늘어난 것으로 나타났다. 생성형 AI 서비스가 실제 매출로 이어지기 시작하면서 투자가 몰렸다는 분석이다.";
        let page = |above: &str| {
            format!(
                "<html lang=ko><head><title>AI 스타트업 투자 1년 새 두 배</title></head><body>\
                 <h1>AI 스타트업 투자 1년 새 두 배</h1>{above}<div class=article_body>\
                 <figure><img src=/a.jpg><figcaption>서울 강남구의 한 스타트업 지원센터에서 \
                 관계자들이 회의를 하고 있다. 2024.11.19/뉴스1 © News1 김진환 기자</figcaption>\
                 </figure><p>{lead}</p><p>{lead}</p><p>{lead}</p></div></body></html>"
            )
        };
        let url = "https://www.news1.kr/it-science/general-it/5606000";
        for above in [
            "",
            "<p>박재헌 / 입력 2021. 09. 21. 15:30 / 수정 2021. 09. 21. 15:42</p>",
            "<p>By Kim Se-jin, The Korea Herald</p>",
            // A portal header's outlet and time; a kicker of labels; a picture's caption with a
            // deck's class right after the picture; a teaser cutting the lead short.
            "<p>연합뉴스<br>기사전송 2019-08-23 12:00</p>",
            "<h2 class=sub_subject>[명퇴의 정석] (종합)</h2>",
            "<div><span class=thumb><img src=/b.jpg width=640></span>\
             <span class=sub_tit>서울의 한 스타트업 지원센터 회의실 풍경</span></div>",
            "<div class=photo_sub>(서울=뉴스1) 윤주영 기자 = 올해 국내 인공지능 스타트업에 대한 \
             투자가...</div>",
        ] {
            let a = crate::extract(&page(above), url, &crate::Options::default()).unwrap();
            assert_eq!(a.subtitle, None, "{above}");
        }
    }

    #[test]
    fn a_site_name_written_as_the_hosts_word_is_the_publishers() {
        assert!(spells_out("koreatimes", "The Korea Times"));
        assert!(!spells_out("The Korea Times", "The Korea Times"));
        assert!(!spells_out("nytimes", "The New York Times"));
    }

    /// An old Korean page declares no name: its `<title>` is the outlet's, its logo prints it
    /// in Korean, its copyright line in Latin letters; the headline is a titled table cell.
    #[test]
    fn a_logo_names_a_korean_page_that_declares_no_name() {
        let story = "정부가 새 제도를 다음 달부터 시행한다고 밝혔다. 관계 부처는 세부 지침을 곧 내놓을 계획이다. ";
        let html = format!(
            "<html><head><title>어느신문</title></head><body>\
             <a href=\"/\"><img src=\"/logo.gif\" alt=\"어느신문 로고\"></a>\
             <table><tr><td class=\"art_title\">새 제도 다음 달 시행…세부 지침 곧 발표</td></tr>\
             <tr><td id=\"article_body\">{}</td></tr>\
             <tr><td class=\"copyright\">ⓒ 2001-2008 EONEU. All rights reserved.</td></tr>\
             </table></body></html>",
            story.repeat(6)
        );
        let article = crate::extract(
            &html,
            "http://www.eoneu.co.kr/a.asp?n=1",
            &Default::default(),
        )
        .unwrap();
        assert_eq!(article.title, "새 제도 다음 달 시행…세부 지침 곧 발표");
        assert_eq!(article.site_name.as_deref(), Some("어느신문"));
    }

    #[test]
    fn a_declared_site_name_loses_its_slogan() {
        let cleaned = |s: &str| without_slogan(s.to_string());
        assert_eq!(cleaned("NK News - North Korea News"), "NK News");
        assert_eq!(
            cleaned("Aktuálně.cz - Víte, co se právě děje"),
            "Aktuálně.cz"
        );
        assert_eq!(cleaned("BBC News - Home"), "BBC News - Home");
        assert_eq!(cleaned("디지털투데이 (DigitalToday)"), "디지털투데이");
        assert_eq!(cleaned("서울특별시 미디어재단 TBS"), "TBS");
    }

    #[test]
    fn sections_split_on_breadcrumb_marks() {
        assert_eq!(
            split_section("기업과산업-인터넷·게임·콘텐츠"),
            vec!["기업과산업", "인터넷·게임·콘텐츠"]
        );
        assert_eq!(split_section("op-ed"), vec!["op-ed"]);
        assert_eq!(split_section("News > World"), vec!["News", "World"]);
    }
}

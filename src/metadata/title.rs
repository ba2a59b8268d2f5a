//! The title: a page names its article in several places, and each adds noise of its own
//! (the outlet's name after a separator, markup a CMS leaked, quotes written as ″). Each is
//! cleaned here, where the noise of each source is known, so that the export's title is the
//! headline as printed.

use super::jsonld::LinkedData;
use super::{meta, Page};
use crate::korean::{self, vocab};
use crate::markup::{clean_leaked_markup, fold_whitespace, FoldCase};
use crate::scan::Scan;
use crate::tags::Tag;

/// The title as the page declares it, before any suffix is cut: JSON-LD's headline, then the
/// meta titles in Readability's order, then the `<title>` element cut at its last separator.
/// The second part says whether it is the `<title>` element's.
pub(super) fn declared(scan: &Scan, ld: &LinkedData, title_tag: &str) -> (String, bool) {
    let declared = ld.headline.as_deref().map(clean_leaked_markup).or_else(|| {
        meta::text(
            scan,
            &[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ],
        )
    });
    match declared {
        Some(d) => (d, false),
        None => (title_from_title_element(scan, title_tag), true),
    }
}

/// `title`: the declared title without the outlet's name (on Korean pages its ` - 매체명`
/// suffix; on a Korean outlet's English edition its ` | Site Name` tail), with the quotes the
/// `<title>` element prints where a meta title wrote them as ″.
pub(super) fn title(page: &Page, site_name: Option<&str>) -> String {
    let mut title = if page.korean {
        // A Korean `<title>` is cut by the outlet's conventions, not Readability's (which keeps
        // the breadcrumbs of `제목 : 사회일반 : 사회 : 뉴스 : 한겨레` and drops the headline).
        let declared = if page.title_element_declared {
            &page.title_tag
        } else {
            &page.declared_title
        };
        let cut = strip_title_suffix(declared, site_name);
        let printed = strip_title_suffix(&page.title_tag, site_name);
        // A label the meta title puts before the headline (`[리뷰] 바닷가 …`, a program's
        // `[뉴스데스크]…`), where the page prints the headline without it in its `<title>` or
        // alone (a heading that does is read below).
        let unlabelled = cut
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .map(|(_, headline)| headline.trim_start())
            .filter(|h| {
                printed == *h || prints_alone(page.scan, h) && !prints_alone(page.scan, &cut)
            })
            .map(str::to_string);
        let cut = unlabelled.unwrap_or(cut);
        // A meta title cut short where its attribute's quotes end (`content="… 잇따라…"구제
        // 기준 너무 좁아" | 연합뉴스"`, unescaped): the headline the `<title>` and a heading print.
        // Or another headline than the meta title's, where the `<title>` element and a heading
        // print the same one (매일경제 2012, 머니S 2025): two of the page's own against the one
        // written for sharing.
        let cut = if (printed.len() > cut.len() && printed.starts_with(cut.as_str())
            || !page.title_element_declared && printed != cut && !printed.is_empty())
            && is_printed_heading(page.scan, &printed)
        {
            printed.clone()
        } else {
            cut
        };
        cut
    } else if page.korean_outlet {
        // An English edition of a Korean outlet (`en.yna.co.kr`): the outlet's name goes too
        // (a slogan after a separator goes below, where the page prints the headline without
        // it: The Korea Bizwire's `제목 | Be Korea-savvy` over its `<h1>`).
        strip_site_name_tail(&page.declared_title, site_name)
    } else {
        page.declared_title.clone()
    };
    // A page whose every title names only the outlet (a rendered app's `<title>가톨릭평화신문`,
    // an old page's slogan `대구·경북 대표신문 대구일보`): the headline printed above the story.
    let declared = if page.title_element_declared {
        &page.title_tag
    } else {
        &title
    };
    if page.korean && names_only_the_site(declared, site_name) {
        if let Some(printed) = page
            .article
            .and_then(|root| headline_box_above(page.scan, root))
        {
            title = printed;
        }
    }
    // Some CMSs write a headline's quotes as ″ in their meta titles (`″꽉 닫힌 지갑 열어라″`,
    // escaping nothing): the <title> element keeps the quotes the headline has.
    if title.contains('″') {
        let quoted = title.replace('″', "\"");
        if fold_whitespace(&page.title_tag).contains(&quoted) {
            title = quoted;
        }
    }
    // A Korean outlet's headline as the page prints it, where the metadata's is another
    // writing of it: shortened for sharing, a label before it, other words (`초등생 20% '밤 11시
    // 넘어 취침'` for the printed `초등생 5명 중 1명 '밤 11시 넘어 잔다'…`).
    if page.korean_outlet {
        if let Some(printed) = printed_rewrite(page, &title) {
            title = printed;
        }
    }
    title
}

/// Whether a title is the outlet's name, or a slogan ending with it (`대구·경북 대표신문
/// 대구일보`, no separator before the name).
fn names_only_the_site(title: &str, site_name: Option<&str>) -> bool {
    let last = title.split_whitespace().last().unwrap_or("");
    // The outlet and its section or program (전주MBC 2010's `전주MBC :: 뉴스데스크`).
    let site_and_section = || {
        site_then_rest(title).is_some_and(|(_, section)| {
            section.split_whitespace().count() <= 2
                && section.chars().count() <= SITE_SECTION_MAX_CHARS
        })
    };
    site_name.is_some_and(|s| title == s.trim())
        || site_and_section()
        || title.chars().count() <= SITE_SLOGAN_MAX_CHARS
            && (site_name.is_some_and(|s| last == s.trim()) || looks_like_site(last))
            // (A headline then the outlet after a separator is no slogan: 경향신문 2009's
            // `자전거 전용도로 생겼지만… 출근길엔 '텅텅' - 경향신문`.)
            && !KOREAN_TITLE_SEPARATORS.iter().any(|sep| title.contains(sep))
}

/// A section or program's name after the outlet's in a `<title>` is a word or two.
const SITE_SECTION_MAX_CHARS: usize = 8;

/// A slogan with the outlet's name is a few words (`대한민국 오후를 여는 유일석간 문화일보 munhwa.com`).
const SITE_SLOGAN_MAX_CHARS: usize = 32;

/// The headline printed above the story, nearest first: a heading, or a box whose class says
/// title (`<h3 class="ah_big_title">`, `<td class="view_title"><font …>`), of a headline's
/// length, no date, no link.
fn headline_box_above(scan: &Scan, root: u32) -> Option<String> {
    let skip = crate::scan::IN_HIDDEN
        | crate::scan::IN_NEVER
        | crate::scan::IN_HEAD
        | crate::scan::IN_LINK;
    // The story's box may hold its headline (an old table layout chosen whole: `<td
    // class="news_title">` in its first row).
    let inside = (root + 1..scan.subtree_end(root)).take(HEADLINE_BOX_INSIDE_NODES);
    let mut candidates = inside
        .chain((0..root).rev().take(HEADLINE_BOX_SEARCH_NODES))
        .filter(|&k| {
            let n = &scan.nodes[k as usize];
            // (By its class, or its id: KCTV제주's `<div id="view_title">`.)
            let titled = || {
                let named = [scan.attr(k, "class"), scan.attr(k, "id")];
                named.into_iter().flatten().any(|c| {
                    c.fold_case()
                        .split_ascii_whitespace()
                        // (Or a board's `p.subject`, 국악방송's.)
                        // (Or shortened: CMB's `td.news_tit`.)
                        .any(|t| {
                            t.contains("title") && !t.contains("sub")
                                || t.contains("subject")
                                || t.ends_with("_tit")
                        })
                })
            };
            n.flags & skip == 0
                && (10..=150).contains(&n.chars)
                && (k > root || !scan.is_inside(root, k))
                && (matches!(n.tag, Tag::H1 | Tag::H2 | Tag::H3) || titled())
        })
        .map(|k| (k, scan.text_of(k)))
        .filter(|(_, t)| !crate::date::is_date_like(t) && !t.ends_with("다."));
    // Of headings stacked above the story, a headline over its deck's (`<h1>` then `<h2>`
    // lines, `<h2 class="article_title">` then `<h3 class="article_subtitle">`), the highest
    // rank: the nearest is the deck's last line.
    let rank = |k: u32| match scan.nodes[k as usize].tag {
        Tag::H1 => 1,
        Tag::H2 => 2,
        Tag::H3 => 3,
        _ => 4,
    };
    let (nearest, mut text) = candidates.next()?;
    let mut best = nearest;
    for (k, t) in candidates.take(HEADING_STACK_MAX - 1) {
        let n = &scan.nodes[k as usize];
        if n.parent != scan.nodes[nearest as usize].parent || !n.tag.is_heading() {
            break;
        }
        if rank(k) < rank(best) {
            (best, text) = (k, t);
        }
    }
    Some(text)
}

/// A headline and its deck's lines are at most this many headings one above the other.
const HEADING_STACK_MAX: usize = 3;

/// The headline is looked for among this many elements above the story…
const HEADLINE_BOX_SEARCH_NODES: usize = 300;
/// … and first among this many at the top of the story's box.
const HEADLINE_BOX_INSIDE_NODES: usize = 8;

/// The separators a Korean title puts before its outlet's name (donga.com's `｜` with or
/// without spaces).
const KOREAN_TITLE_SEPARATORS: [&str; 10] = [
    " - ", " | ", " – ", " — ", " :: ", " : ", " » ", " · ", " ｜ ", "｜",
];

/// Separators a title puts before its outlet's name that a headline uses too (`제목 / 테스트일보`,
/// `제목 l 테스트일보` with a lowercase L for a bar, hankookilbo.com's `제목-정치ㅣ한국일보` with
/// the vowel ㅣ for one): cut only before the site's own name.
const SITE_ONLY_SEPARATORS: [&str; 3] = [" / ", " l ", "ㅣ"];

/// Whether the part after a title's last separator names an outlet: it ends as outlet names
/// do ([`vocab::TITLE_SITE_ENDINGS`], `뉴스1`, `아이뉴스24`), is an acronym (`YTN`, `SBS`), or a
/// short name ending in `경제` or `.com`.
pub(super) fn looks_like_site(tail: &str) -> bool {
    let n = tail.chars().count();
    let no_digits = tail.trim_end_matches(|c: char| c.is_ascii_digit());
    let acronym = (2..=5).contains(&tail.len()) && tail.bytes().all(|b| b.is_ascii_uppercase());
    // A regional station: a city's name then the network's (`전주MBC`, `대구MBC`).
    let letters = tail.trim_start_matches(|c: char| !c.is_ascii());
    let station = letters.len() < tail.len()
        && (2..=5).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase());
    n <= 12
        && (vocab::TITLE_SITE_ENDINGS
            .iter()
            .any(|e| tail.ends_with(e) || no_digits.len() < tail.len() && no_digits.ends_with(e))
            || acronym
            || station
            || tail.ends_with("경제") && n <= 6
            || tail.fold_case().ends_with(".com"))
}

/// Whether an element of the page prints `headline` and nothing else (데일리팜 2014's `<font><b>[약사
/// 칼럼] 단골은 …</b></font>` under a `<title>` that adds `[데일리팜]` before it; where another
/// prints the title whole, a list's teaser is the one without the label).
fn prints_alone(scan: &Scan, headline: &str) -> bool {
    let chars = headline.chars().count() as u32;
    (0..scan.nodes.len() as u32).any(|k| {
        let n = &scan.nodes[k as usize];
        n.chars.abs_diff(chars) <= 2
            && n.flags & (crate::scan::IN_HEAD | crate::scan::IN_NEVER) == 0
            && fold_whitespace(&scan.text_of(k)) == headline
    })
}

/// Whether one of the page's first visible `<h1>` to `<h3>` headings prints `title` as is.
fn is_printed_heading(scan: &Scan, title: &str) -> bool {
    first_headings(scan).any(|k| scan.text_of(k) == title)
}

/// The heading (or the headline's box above the story) that prints another writing of
/// `title`, when none prints it as is: the one sharing the most of its words, at least half
/// of the shorter's and two. A deck shares fewer of them than the headline. One rule for the
/// ways a page's metadata writes its headline otherwise: other quotes or brackets (hankookilbo's
/// JSON-LD `왜 경상도, …` for the printed `"왜 경상도, …"`, zum's `[2보]` for `(2보)`), a part cut
/// with the site's name (`청년 월세 지원 확대 | 재테크 뉴스`, printed whole), a share title
/// (매일경제 2012's `중소 조선사 벌크선 수주로 숨통` for `중소 조선사, 벌크선 수주로 숨통 트이나`),
/// a label (`[종합]`, `[리뷰]`), a hashtag after it (`#MoneyS`), a slogan or the outlet after
/// marks no separator list knows (`제목 | Be Korea-savvy`, `제목 ::: 테스트일보 :::`), other
/// words.
fn printed_rewrite(page: &Page, title: &str) -> Option<String> {
    fn words(s: &str) -> Vec<&str> {
        let mut distinct = Vec::new();
        for w in s.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() && !distinct.contains(&w) {
                distinct.push(w);
            }
        }
        distinct
    }
    let ours = words(title);
    let box_above = page
        .article
        .and_then(|root| headline_box_above(page.scan, root));
    // (The `<h1>` first: a deck under it may share more of a share title's words.)
    let mut best: Option<(bool, usize, String)> = None;
    for (h1, h) in first_headings(page.scan)
        .map(|k| {
            let h1 = page.scan.nodes[k as usize].tag == Tag::H1;
            (h1, fold_whitespace(&page.scan.text_of(k)))
        })
        .chain(box_above.map(|h| (false, h)))
    {
        if h == title {
            return None;
        }
        // (The headline the `<title>` element opens with, a separator after it: the page's
        // own two agree against a JSON-LD or share headline of other words.)
        let opens_title = page.title_tag.strip_prefix(h.as_str()).is_some_and(|rest| {
            rest.starts_with(' ')
                && rest
                    .trim_start()
                    .starts_with(|c: char| !c.is_alphanumeric())
        });
        if opens_title && h.contains(' ') && !h.contains(&['|', '>'][..]) {
            return Some(h);
        }
        // (A box holding the headline and more is no writing of it, unless it goes on after
        // an ellipsis, `제목…부제` for the meta's `제목`, or goes on with the sentence's next
        // word in lowercase, an English share title cut short (`… 12th straight month` + ` in
        // May …`; a byline, a date, a deck or a button starts anew), or the `<title>` element
        // prints it.)
        // (A kicker in brackets before it is the headline's own: `[단독] 제목…` for `제목`.)
        let holds_more = h.find(title).is_some_and(|at| {
            let rest = h[at + title.len()..].trim_start();
            let goes_on = rest.starts_with(&['…', '.'][..])
                || rest.starts_with(|c: char| c.is_ascii_lowercase()) && !rest.starts_with("by ");
            let kicker = h[..at].trim_end();
            let kicker_only = kicker.is_empty() || kicker.starts_with('[') && kicker.ends_with(']');
            (!kicker_only || !goes_on) && !page.title_tag.contains(&h)
        });
        let theirs = words(&h);
        let n = theirs.iter().filter(|w| ours.contains(w)).count();
        if n >= 2
            && 2 * n >= theirs.len().min(ours.len())
            && !holds_more
            && best
                .as_ref()
                .is_none_or(|(was_h1, most, _)| (h1, n) > (*was_h1, *most))
        {
            best = Some((h1, n, h));
        }
    }
    best.map(|(_, _, h)| h)
}

/// The page's first visible `<h1>` to `<h3>` headings with text.
fn first_headings<'s>(scan: &'s Scan<'_>) -> impl Iterator<Item = u32> + 's {
    let skip = crate::scan::IN_HIDDEN | crate::scan::IN_NEVER | crate::scan::IN_HEAD;
    (0..scan.nodes.len() as u32)
        .filter(move |&k| {
            let n = &scan.nodes[k as usize];
            matches!(n.tag, Tag::H1 | Tag::H2 | Tag::H3) && n.flags & skip == 0 && n.chars > 0
        })
        .take(MAX_HEADINGS)
}

/// How many headings a title is compared with.
const MAX_HEADINGS: usize = 8;

/// Drops a ` - Site`, ` | Site`, ` : 네이버 뉴스`, ` < 섹션 < 기사본문 - 매체` tail.
pub(super) fn strip_title_suffix(title: &str, site_name: Option<&str>) -> String {
    // The site's own name opening the title (`한겨레 - 청계천 두 달…`), where the word alone
    // does not read as a site's.
    let named = site_name
        .and_then(|site| title.trim().strip_prefix(site))
        .and_then(|rest| rest.strip_prefix(" - "));
    let mut t = match title_site_prefix(title) {
        // And the section after the outlet (`chosun.com : 경제 > 서울 아파트 …`).
        Some((_, rest)) => rest
            .split_once(" > ")
            .filter(|(section, headline)| {
                section.chars().count() <= 8 && headline.chars().count() >= 5
            })
            .map_or(rest, |(_, headline)| headline)
            .to_string(),
        None => named.unwrap_or(title).trim().to_string(),
    };
    // newsis.com: `제목 :: 공감언론 뉴시스 ::`
    if let Some(open) = t.strip_suffix(" ::") {
        t = open.trim_end().to_string();
    }
    // hani.co.kr: `제목 : 사회일반 : 사회 : 뉴스 : 한겨레`, breadcrumbs and the outlet.
    if let Some(first) = t.find(" : ") {
        let parts: Vec<&str> = t[first + 3..].split(" : ").collect();
        if parts.len() >= 3 && parts.iter().all(|p| p.chars().count() <= 10) {
            t.truncate(first);
        }
    }
    // ndsoft CMS: "제목 < 섹션 < 기사본문 - 매체"
    if let Some(pos) = t.find(" < ") {
        if t[pos..].contains("기사본문") || t[pos..].matches(" < ").count() >= 2 {
            t.truncate(pos);
        }
    }
    // The whole name, separators in it too (`… - 시사저널e - 온라인 저널리즘의 미래`).
    t = strip_site_name_tail(&t, site_name);
    let names_site = |part: &str| {
        site_name.is_some_and(|s| {
            let s = s.trim().fold_case();
            let part = part.trim().fold_case();
            !s.is_empty() && (part == s || part.contains(&s) || s.contains(&part))
        })
    };
    for sep in KOREAN_TITLE_SEPARATORS.iter().chain(&SITE_ONLY_SEPARATORS) {
        if let Some(pos) = t.rfind(sep) {
            let tail = t[pos + sep.len()..].trim();
            let before = t[..pos].trim_end();
            // The site may be followed by its section (`제목 - 테스트일보 - 사회`).
            let site_then_section = before
                .rfind(sep)
                .filter(|&at| {
                    tail.chars().count() <= SITE_SECTION_MAX_CHARS
                        && names_site(&before[at + sep.len()..])
                })
                .map(|at| before[..at].trim_end());
            let head = match site_then_section {
                Some(head) => head,
                None if names_site(tail)
                    || looks_like_site(tail) && !SITE_ONLY_SEPARATORS.contains(sep) =>
                {
                    before
                }
                None => continue,
            };
            if head.chars().count() >= 5 {
                t = head.to_string();
            }
        }
    }
    // A board's name after the headline (그누보드's `제목 > WBS뉴스 : 원음방송`, the site cut).
    if let Some((head, board)) = t.rsplit_once(" > ") {
        if board.split_whitespace().count() <= 2
            && board.chars().count() <= 10
            && head.chars().count() >= 5
        {
            t.truncate(head.len());
        }
    }
    t
}

/// A meta title whose last ` | ` or ` - ` part is the site's name and nothing else (`… |
/// Yonhap News Agency` with og:site_name `Yonhap News Agency`) loses that part.
fn strip_site_name_tail(title: &str, site_name: Option<&str>) -> String {
    let t = title.trim();
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return t.to_string();
    };
    for sep in [" | ", " - "] {
        if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if word_count(head) >= 3 {
                return head.trim_end().to_string();
            }
        }
    }
    t.to_string()
}

/// The outlet an old Korean `<title>` opens with (`문화일보 : 청계천 복원 막바지…`, `무등일보 -
/// 광주 도심 …`, `전자신문 :: 키코 손실에…`): one word that reads as a site's name, a
/// separator, and the headline.
fn title_site_prefix(title: &str) -> Option<(&str, &str)> {
    site_then_rest(title).filter(|(_, rest)| rest.chars().count() >= 5)
}

/// A `<title>` split after the outlet that opens it: one word that reads as a site's name,
/// a separator, and the rest (a headline, or a section: `안동MBC - 뉴스`).
fn site_then_rest(title: &str) -> Option<(&str, &str)> {
    let (site, rest) = [" : ", " - ", " | ", " :: "]
        .iter()
        .find_map(|sep| title.trim().split_once(sep))?;
    let site = without_section_word(site);
    // (Or the network's acronym and the station's name, each a site's: `CMB 대전방송 :: 뉴스`.)
    let words = site.split(' ').count();
    (words <= 2 && site.split(' ').all(looks_like_site)).then_some((site, rest.trim()))
}

/// The outlet a Korean `<title>` ends with (`… - 매일경제`, `… : 네이버 뉴스`, `… < 기사본문 -
/// 어느뉴스`), for a page without `og:site_name`: the last part of what
/// [`strip_title_suffix`] cuts off; or the one an old title opens with (`문화일보 : …`).
pub(super) fn title_site_suffix(title: &str, logo: Option<&str>) -> Option<String> {
    if let Some((site, _)) = site_then_rest(title) {
        return Some(site.to_string());
    }
    let title = title.trim();
    // A `<title>` that is the outlet's name alone (`<title>포항MBC</title>`).
    if !title.contains(' ') && looks_like_site(title) {
        return Some(title.to_string());
    }
    let head = strip_title_suffix(title, logo);
    let tail = title.get(head.len()..)?;
    let site = KOREAN_TITLE_SEPARATORS
        .iter()
        .chain([" < "].iter())
        .filter_map(|sep| tail.rfind(sep).map(|p| &tail[p + sep.len()..]))
        .min_by_key(|rest| rest.len())?
        .trim();
    // The site before its section (`… - 1등 인터넷뉴스 조선닷컴 - 교육ㆍ시험`): the part that
    // names the logo's site.
    let site = match logo.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) if !site.contains(l) => KOREAN_TITLE_SEPARATORS
            .iter()
            .flat_map(|sep| tail.split(sep))
            // (Split at one separator, a part may keep another: `: 한겨레` of `… : 한겨레 -
            // 인쇄하기` split at ` - `.)
            .map(|part| part.trim_matches(&[' ', '-', '|', ':', '–', '—', '»', '·', '｜', '<'][..]))
            .filter(|part| part.contains(l))
            .min_by_key(|part| part.len())
            .unwrap_or(site),
        _ => site,
    };
    // A section path (`사회 > 카드뉴스`) or a slogan (`1등 인터넷뉴스 조선닷컴`) is no name: the
    // copyright line under the story names the outlet then.
    // (Or longer where the logo says it too: `… | The Korea Times` under its `<img alt="The
    // Korea Times">`.)
    let named = !site.is_empty() && !site.contains(" > ") && site.split_whitespace().count() <= 2
        || logo.is_some_and(|l| l.trim() == site);
    named.then(|| without_section_word(site).to_string())
}

/// A site's name without its news section or mobile site after it (`한경닷컴 뉴스`, `대전일보
/// 모바일`, `… - 머니투데이 뉴스`). A broadcaster's news brand keeps it: `MBC 뉴스`, `KBS 뉴스 -
/// …`.
fn without_section_word(site: &str) -> &str {
    vocab::SITE_SECTION_WORDS
        .iter()
        .find_map(|w| site.strip_suffix(w))
        .filter(|name| looks_like_site(name) && korean::has_hangul(name))
        .unwrap_or(site)
}

const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count().max(1)
}

/// Byte offsets of " X " separators in a title.
fn separator_positions(title: &str, separators: &[char]) -> Vec<usize> {
    title
        .char_indices()
        .filter(|(i, c)| {
            separators.contains(c)
                && title[..*i].ends_with(' ')
                && title[*i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i - 1)
        .collect()
}

/// Readability's `_getArticleTitle`: the `<title>` cut at its last " | " / " - " separator (or
/// after the first one when too little is left), or after a ": " prefix; a one-`<h1>` page
/// with a very long or short title takes the `<h1>`; a cut that leaves four words or fewer is
/// undone.
fn title_from_title_element(scan: &Scan, orig: &str) -> String {
    let orig = fold_whitespace(orig);
    let mut cur = orig.clone();
    let mut hierarchical = false;
    let seps = separator_positions(&orig, TITLE_SEPARATORS);
    let heading_text = |tags: &[Tag]| -> Vec<String> {
        scan.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| tags.contains(&n.tag))
            .map(|(i, _)| scan.text_of(i as u32))
            .collect()
    };
    if let Some(&last) = seps.last() {
        hierarchical = !separator_positions(&orig, &['\\', '/', '>', '»']).is_empty();
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            let first = seps[0];
            let sep_len = orig[first + 1..].chars().next().map_or(1, char::len_utf8);
            cur = orig[first + 1 + sep_len..].to_string();
        }
    } else if orig.contains(": ") {
        let trimmed = orig.trim();
        if !heading_text(&[Tag::H1, Tag::H2])
            .iter()
            .any(|h| h == trimmed)
        {
            let after_last = &orig[orig.rfind(':').unwrap() + 1..];
            cur = after_last.to_string();
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').unwrap() + 1..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap()]) > 5 {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s = heading_text(&[Tag::H1]);
        if h1s.len() == 1 {
            cur = h1s[0].clone();
        }
    }
    let cur = fold_whitespace(&cur);
    let words = word_count(&cur);
    let without_separators: String = orig
        .chars()
        .filter(|c| !TITLE_SEPARATORS.contains(c))
        .collect();
    if words <= 4 && (!hierarchical || words != word_count(&without_separators) - 1) {
        return orig;
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes_go() {
        assert_eq!(
            strip_title_suffix("삼성전자 신고가 - 매일경제", Some("매일경제")),
            "삼성전자 신고가"
        );
        assert_eq!(
            strip_title_suffix("제목입니다 여기 < 산업 < 기사본문 - 어느뉴스", None),
            "제목입니다 여기"
        );
        assert_eq!(
            title_site_suffix("제목입니다 여기 < 산업 < 기사본문 - 어느뉴스", None).as_deref(),
            Some("어느뉴스")
        );
        assert_eq!(
            title_site_suffix("문화일보 : 청계천 복원 막바지…10월 시민품으로", None).as_deref(),
            Some("문화일보")
        );
        // The site's news section before the headline.
        assert_eq!(
            title_site_suffix("한경닷컴 뉴스 - 중기 10곳 중 6곳 자금사정 악화", None).as_deref(),
            Some("한경닷컴")
        );
        // A broadcaster's news brand keeps its word (KBS 2012).
        assert_eq!(
            title_site_suffix("KBS 뉴스 - 도심 옥상 위 '꿀벌' 열풍", None).as_deref(),
            Some("KBS 뉴스")
        );
        assert_eq!(title_site_suffix("오늘의 뉴스 - 금리 동결", None), None);
        assert_eq!(
            strip_title_suffix("문화일보 : 청계천 복원 막바지…10월 시민품으로", None),
            "청계천 복원 막바지…10월 시민품으로"
        );
        assert_eq!(
            strip_title_suffix("무등일보 - 광주 도심 '빈집' 3천여채 방치", None),
            "광주 도심 '빈집' 3천여채 방치"
        );
        assert!(names_only_the_site(
            "가톨릭평화신문",
            Some("가톨릭평화신문")
        ));
        assert!(names_only_the_site("대구·경북 대표신문 대구일보", None));
        assert!(!names_only_the_site("동성로 차 없는 거리 확대", None));
        // A subject before a colon is the headline's own.
        assert_eq!(
            strip_title_suffix("중국 경제 : 성장률 둔화 뚜렷", None),
            "중국 경제 : 성장률 둔화 뚜렷"
        );
        assert_eq!(
            title_site_suffix("삼성전자 신고가 - 매일경제", None).as_deref(),
            Some("매일경제")
        );
        assert_eq!(title_site_suffix("삼성전자 신고가", None), None);
        assert_eq!(
            strip_title_suffix("네이버 주목 : 네이버 뉴스", None),
            "네이버 주목"
        );
        assert_eq!(
            strip_title_suffix("Why A - B testing works", None),
            "Why A - B testing works"
        );
        assert_eq!(
            strip_title_suffix("Story title | The Site", Some("The Site")),
            "Story title"
        );
        for title in [
            "청년 월세 지원 확대 : 부동산 : 경제 : 뉴스 : 한겨레",
            "청년 월세 지원 확대｜동아일보",
            "청년 월세 지원 확대 - 뉴스1",
            "청년 월세 지원 확대 | YTN",
            "청년 월세 지원 확대 - 머니투데이",
        ] {
            assert_eq!(
                strip_title_suffix(title, None),
                "청년 월세 지원 확대",
                "{title}"
            );
        }
        // newsis.com's closing `::` goes; its outlet is cut where the page prints the headline.
        assert_eq!(
            strip_title_suffix("청년 월세 지원 확대 :: 공감언론 뉴시스 ::", None),
            "청년 월세 지원 확대 :: 공감언론 뉴시스"
        );
        assert_eq!(
            strip_title_suffix("반도체 : 메모리 : 파운드리 모두 살아났다", None),
            "반도체 : 메모리 : 파운드리 모두 살아났다"
        );
        // The site's name after a slash or a lowercase L, or before its section, goes; a
        // headline's own slash stays.
        for title in [
            "청년 월세 지원 확대 / 테스트일보",
            "청년 월세 지원 확대 l 테스트일보",
            "청년 월세 지원 확대 - 테스트일보 - 사회",
        ] {
            assert_eq!(
                strip_title_suffix(title, Some("테스트일보")),
                "청년 월세 지원 확대",
                "{title}"
            );
        }
        assert_eq!(
            strip_title_suffix("청년 월세 지원 확대 / 사회", Some("테스트일보")),
            "청년 월세 지원 확대 / 사회"
        );
    }
}

//! Publication and modification dates. A machine-readable timestamp wins over the minute
//! printed on the page: it is exact, and printed dates come in many formats with other dates
//! near them (latest-article lists, each with its time). Korean pages often print their date
//! only, so on them the page is read further, and their dates are always in Korean time; and
//! there the time printed after a publication label above the story (`입력 …`) wins over a
//! timestamp of another minute, which is another event's (the last edit, a feed's).

use super::byline::VisibleByline;
use super::{meta, Page};
use crate::date;
use crate::korean::vocab;
use crate::rules::SiteRule;
use crate::scan::{self, Scan, NONE};
use crate::tags::Tag;

/// `published`: JSON-LD, then `article:published_time` as Readability finds it, then other
/// keys (a `name` is read with its dots as colons: `DC.date.issued` is `dc:date:issued`),
/// then a `<time>` or `itemprop=datePublished` element. A Korean outlet's page (in Korean or
/// in English) without one reads a timestamp attribute, then the dates printed by the byline,
/// above the body, or after a label anywhere.
pub(super) fn published(
    page: &Page,
    visible: Option<&VisibleByline>,
    title: &str,
) -> Option<String> {
    let (scan, korean_page) = (page.scan, page.korean_outlet);
    let published_raw = page
        .ld
        .published
        .clone()
        .or_else(|| meta::property(scan, "article:published_time").map(str::to_string))
        .or_else(|| {
            meta::value(
                scan,
                &[
                    "og:published_time",
                    "datepublished",
                    "parsely-pub-date",
                    "dc:date:issued",
                    "dc:date",
                    "dcterms:created",
                    "dc.date.issued",
                    "dc.date",
                    "dcterms.created",
                    // Plone's (RFA's `DC.date.created`).
                    "dc:date:created",
                    "pubdate",
                    "publishdate",
                    "sailthru.date",
                    "date",
                ],
            )
            .map(str::to_string)
        })
        .or_else(|| meta::value(scan, vocab::PUBLISHED_META_KEYS).map(str::to_string))
        .or_else(|| {
            scan.meta
                .dated
                .iter()
                .find(|(_, kind, _)| kind.contains("datepublished") || kind == "time")
                .map(|(_, _, v)| v.clone())
        });
    let mut published = published_raw
        .as_deref()
        .and_then(|d| published_date(d, korean_page));
    if korean_page {
        if let Some(printed) = printed_over_meta(page, published.as_deref()) {
            published = Some(printed);
        }
    }
    // Looked for only where it could win: no time yet, or one given to the minute.
    if korean_page && published.as_deref().is_none_or(is_to_the_minute) {
        published = with_stamp(page, published);
    }
    // A day alone (인사이트's `<meta itemprop="datePublished" content="2018-11-13">`) gives
    // way to the time printed on that day (`입력 2018.11.13 07:45`).
    let day_alone = published.take_if(|d| korean_page && !d.contains('T'));
    if published.is_none() && korean_page {
        // Visible dates: the byline area first, then anywhere near the top.
        // (The byline's line: its parent, when that is a line and not the whole story a
        // reporter's card sits in, with the dates of the lists after it.)
        published = visible.and_then(|v| {
            let parent = scan.nodes[v.node as usize].parent;
            if parent == NONE {
                None
            } else if scan.nodes[parent as usize].chars <= BYLINE_LINE_MAX_CHARS {
                // (Or the line above it, when the byline's box holds no date: 오마이뉴스 2012's
                // `<div class="info_data"><div class="fl"><span class="reporter">…</span>
                // 구독하기</div><div class="fr">12.05.14 11:28 …</div></div>`.)
                korean_date_in(&scan.text_of(parent)).or_else(|| {
                    let above = scan.nodes[parent as usize].parent;
                    (above != NONE && scan.nodes[above as usize].chars <= DATE_LINE_MAX_CHARS)
                        .then(|| korean_date_in(&scan.text_of(above)))
                        .flatten()
                })
            } else {
                // A labelled line first (`입력시간 : …` under a print edition's `2024.06.10
                // (월) 00:00 1면`).
                let lines = parent..scan.subtree_end(parent);
                first_date_line(scan, lines.clone(), true)
                    .or_else(|| first_date_line(scan, lines, false))
            }
        });
    }
    if published.is_none() && korean_page {
        published = page.article.and_then(|root| date_line_above(page, root));
    }
    if published.is_none() && korean_page {
        published = date_beside_headline(scan, title);
    }
    if published.is_none() && korean_page {
        // (Else a day alone after its label, where no time is printed anywhere: 가톨릭신문's
        // `발행일2016-05-15 [제2991호, 11면]`, a weekly's only date.)
        published = labelled_date_line(scan, false).or_else(|| labelled_date_line(scan, true));
    }
    if let Some(day) = day_alone {
        published = published.filter(|p| p.starts_with(&day)).or(Some(day));
    }
    if let Some(p) = published
        .as_deref()
        .filter(|p| korean_page && is_to_the_minute(p))
    {
        if let Some(finer) = script_stamp(scan, p) {
            published = Some(finer);
        }
    }
    published.map(|d| in_korean_time(d, korean_page))
}

/// The seconds of the minute found, where the page gives them only in an inline script's
/// data (메디칼타임즈's `var newsViewData = {…"Publish_date":"2024-09-23 11:48:37"…}`): a
/// published key's value that is `coarse` to the second.
fn script_stamp(scan: &Scan, coarse: &str) -> Option<String> {
    scan.nodes
        .iter()
        .filter(|n| n.tag == Tag::Script && n.flags & scan::LD_JSON == 0)
        .find_map(|n| {
            let text = scan.html.get(n.tag_end as usize..n.end as usize)?;
            let mut head = text.len().min(SCRIPT_READ_MAX_BYTES);
            while !text.is_char_boundary(head) {
                head -= 1;
            }
            let lower = text[..head].to_ascii_lowercase();
            vocab::SCRIPT_PUBLISHED_KEYS.iter().find_map(|key| {
                lower.match_indices(key).find_map(|(at, _)| {
                    let value = script_value(&text[at..head])?;
                    published_date(value, true).filter(|d| is_finer(d, coarse))
                })
            })
        })
}

/// A script's data is read in its first bytes (a CMS's article data opens it; a bundle is
/// never read whole).
const SCRIPT_READ_MAX_BYTES: usize = 16 * 1024;

/// The value after a key in a script's data (`Publish_date":"2024-09-23 11:48:37"` →
/// `2024-09-23 11:48:37`): the key's name, `:` or `=` between quotes, then the quoted value.
fn script_value(from_key: &str) -> Option<&str> {
    let key_end = from_key.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let rest = from_key[key_end..].trim_start_matches(&['"', '\'', ' '][..]);
    let rest = rest.strip_prefix(&[':', '='][..])?.trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &rest[1..];
    value.get(..value.find(quote)?.min(40))
}

/// A Korean outlet's publication time, `published` given to the minute or none, with a
/// machine's timestamp of the same minute where one gives its seconds: an attribute's (seconds
/// and all) before the minute printed beside it, a meta key's, or the microdata's, JSON-LD's or
/// `article:published_time`'s where the printed time won over one of another minute (SBS's
/// `<meta itemprop="datePublished" content="…20:31:27…">` by `작성 … 20:31`). With no time
/// yet, the attribute's or the meta key's.
fn with_stamp(page: &Page, published: Option<String>) -> Option<String> {
    let scan = page.scan;
    let stamp = timestamp_attr(scan, page.rule, vocab::PUBLISHED_ATTRS, true)
        .and_then(|d| published_date(&d, true))
        .or_else(|| {
            meta::value(scan, vocab::PUBLISHED_META_KEYS).and_then(|d| published_date(d, true))
        })
        // A day alone (`data-date="2024-03-05"`) gives way to the minute printed beside it.
        .filter(|d| d.contains('T'));
    // (뉴스1's `article:published_time` gives the seconds under a JSON-LD time of the edit's.)
    let machine = [
        meta::value(scan, &["datepublished"]),
        page.ld.published.as_deref(),
        meta::property(scan, "article:published_time"),
    ];
    match (published, stamp) {
        (Some(p), Some(s)) if is_finer(&s, &p) => Some(s),
        (Some(p), _) => machine
            .into_iter()
            .flatten()
            .filter_map(|d| published_date(d, true))
            .find(|s| is_finer(s, &p))
            .or(Some(p)),
        (p, s) => p.or(s),
    }
}

/// Whether `finer` is `coarse` with its seconds: the same minute, where `coarse` gives none
/// (or `:00`, a minute written out) and `finer` does.
fn is_finer(finer: &str, coarse: &str) -> bool {
    let (Some(f), Some(c)) = (date::in_kst(finer), date::in_kst(coarse)) else {
        return false;
    };
    f.get(..16) == c.get(..16)
        && seconds_of(&c).is_none_or(|s| s == ":00")
        && seconds_of(&f).is_some_and(|s| s != ":00")
}

/// Whether a time is given to the minute (no seconds, or `:00`), in Korean time.
fn is_to_the_minute(d: &str) -> bool {
    date::in_kst(d).is_some_and(|k| seconds_of(&k).is_none_or(|s| s == ":00"))
}

/// The `:ss` of an ISO 8601 time (`2024-03-05T10:21:37+09:00` → `:37`).
fn seconds_of(iso: &str) -> Option<&str> {
    iso.get(16..19).filter(|s| s.starts_with(':'))
}

/// `modified`: JSON-LD, then the meta keys; on a Korean page a timestamp attribute.
pub(super) fn modified(page: &Page) -> Option<String> {
    let (scan, korean_page) = (page.scan, page.korean_outlet);
    let modified_raw = page.ld.modified.clone().or_else(|| {
        meta::value(
            scan,
            &[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "dc.date.modified",
            ],
        )
        .map(str::to_string)
    });
    let modified_raw = modified_raw.or_else(|| {
        korean_page
            .then(|| timestamp_attr(scan, None, vocab::MODIFIED_ATTRS, false))
            .flatten()
    });
    // Or as the header prints it (`입력 2024.03.05 14:22 | 수정 2024.03.06 09:00`).
    let modified_raw = modified_raw.or_else(|| {
        page.article
            .filter(|_| korean_page)
            .and_then(|root| modified_date_above(page, root))
    });
    modified_raw
        .as_deref()
        .and_then(|d| date::normalize(d, korean_page && !d.contains('+') && !d.ends_with('Z')))
        .map(|d| in_korean_time(d, korean_page))
}

/// On a Korean page a date is given in Korean time (+09:00), a UTC one converted, to the
/// second as the page prints it (Arc XP's `06:47:22.318Z` → `15:47:22+09:00`).
fn in_korean_time(d: String, korean_page: bool) -> String {
    if !korean_page {
        return d;
    }
    let mut d = date::in_kst(&d).unwrap_or(d);
    // A day alone (`게재 일자 : 2010년 05월 12일(水)`, an old page's only date): that day in
    // Korean time, so that it is an instant like every other Korean date.
    if d.len() == 10 && d.as_bytes()[4] == b'-' {
        d.push_str("T00:00+09:00");
    }
    let b = d.as_bytes();
    if b.len() > 20 && b[16] == b':' && b[19] == b'.' {
        let digits = b[20..].iter().take_while(|c| c.is_ascii_digit()).count();
        d.replace_range(19..20 + digits, "");
    }
    d
}

/// The first date with a time in a line of a Korean page: after a label (`입력 …`) if one is
/// there, else anywhere.
fn korean_date_in(text: &str) -> Option<String> {
    // A wire's filing stamp prints its label after the date (`정혜민 기자 | 2019-05-13 11:27
    // 송고 | … 최종수정`), and so may a header (파이낸셜뉴스 2016's `2016.03.28 11:02 입력 |
    // 2016.03.28 17:46 수정`, where the label first would read the edit's time after it).
    let filed = vocab::LABELS_AFTER_THE_DATE.iter().find_map(|label| {
        let at = text.find(label)?;
        let stamp = text[..at].rsplit('|').next().unwrap_or_default();
        // (Not another label's date just before: `업데이트 2025.12.06 17:18 입력 … 16:43`.)
        let labelled = vocab::MODIFIED_LABELS
            .iter()
            .chain(vocab::PUBLISHED_LABELS)
            .any(|l| stamp.contains(l));
        (!labelled).then(|| date::find_in_text(stamp, &[], true))?
    });
    filed
        .or_else(|| date::find_in_text(text, vocab::PUBLISHED_LABELS, true))
        .or_else(|| date::find_in_text(text, &[], true))
        // The print edition's day beside the byline (경인일보 2016's `김대현·강기정기자 발행일
        // 2016-06-14 제23면`, the day after the story went online) is not when it was published:
        // the line with the time is looked for next.
        .filter(|d| {
            d.contains('T') || !vocab::PRINT_EDITION_LABELS.iter().any(|l| text.contains(l))
        })
}

/// The article's date when no byline carries it (old Naver pages: `2019.11.02. 오전 8:09` in a
/// `span.t11` of the article header): the first short visible line with a date and a time,
/// from the article's closest block ancestors down to the start of its body. Lines after the
/// body (latest-article lists with their own times) and links are not read; unlikely
/// containers are (Naver's date sits in a `div.sponsor`).
fn date_line_above(page: &Page, root: u32) -> Option<String> {
    let scan = page.scan;
    let lines = super::header_lines(page, root);
    // A labelled line first (뉴데일리 2011's `최종편집 2011.11.08 17:42:15` over `기사입력 2011.11.08
    // 15:20`), when it gives the time.
    first_date_line(scan, lines.clone(), true)
        .filter(|d| d.contains('T'))
        .or_else(|| first_date_line(scan, lines, false))
}

/// The time the page prints after its publication label above the story, where the metadata's
/// time (`meta_time`) is of another minute: the printed one is the reader's, the metadata's
/// another event's (the last edit, the feed's).
fn printed_over_meta(page: &Page, meta_time: Option<&str>) -> Option<String> {
    let meta_time = meta_time?;
    let minute = |d: &str| date::in_kst(d).and_then(|k| k.get(..16).map(str::to_string));
    let root = page.article?;
    // (Or the unlabelled time above the story, where the page prints the metadata's time
    // after an edit's label: Yonhap English's `16:09 August 12, 2024` over `Updated 2024.08.12
    // 17:40`, the `article:published_time` 17:40:02.)
    let printed = labelled_date_above(page, root).or_else(|| {
        let edited = modified_date_above(page, root)?;
        (minute(&edited) == minute(meta_time))
            .then(|| first_date_line(page.scan, super::header_lines(page, root), false))
            .flatten()
            .filter(|d| d.contains('T') && minute(d) < minute(meta_time))
    })?;
    // (A page abroad prints its own clock's time: 한호일보's `승인 2017.06.22 16:10` for
    // `16:10:37+10:00`. A `.kr` host's prints Korean time, whatever offset its CMS wrote:
    // 디지털타임스 2019's `입력: 2019-12-12 14:25` for `14:25:00+08:00`.)
    let as_written = meta_time.get(..16) == printed.get(..16) && !on_kr_host(page);
    // (A page may round the metadata's time up to the next minute: ndsoft's `승인 2017.08.30
    // 07:53` for `07:52:39`. A minute later is the same time one minute west of Korea.)
    let next_minute = minute(meta_time).and_then(|mut m| {
        m.push_str("+08:59");
        date::in_kst(&m)
    });
    let rounded = next_minute.as_deref().and_then(|m| m.get(..16)) == printed.get(..16);
    (minute(meta_time).is_some()
        && minute(meta_time) != minute(&printed)
        && !as_written
        && !rounded)
        .then_some(printed)
}

/// Whether the page's address or the one it declares is on a `.kr` host.
fn on_kr_host(page: &Page) -> bool {
    super::page_hosts(page.scan, page.url).any(|h| h.ends_with(".kr"))
}

/// The time after a publication label on a line above the story (`입력 2024.03.05 14:22`).
fn labelled_date_above(page: &Page, root: u32) -> Option<String> {
    first_date_line(page.scan, super::header_lines(page, root), true).filter(|d| d.contains('T'))
}

/// The time printed with an edit's label on a line above the story: after it (`수정
/// 2024.03.06 09:00`), or before it in a wire's stamp (`2019-05-13 14:05 최종수정`).
#[inline(never)] // two readers: one copy keeps the .wasm small
fn modified_date_above(page: &Page, root: u32) -> Option<String> {
    let scan = page.scan;
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    super::header_lines(page, root).find_map(|i| {
        let n = &scan.nodes[i as usize];
        if n.flags & skip != 0 || !(10..=DATE_LINE_MAX_CHARS).contains(&n.chars) {
            return None;
        }
        let text = scan.text_of(i);
        let at = vocab::MODIFIED_LABELS.iter().find_map(|l| text.find(l))?;
        date::find_in_text(&text, vocab::MODIFIED_LABELS, true)
            .or_else(|| {
                let stamp = text[..at].rsplit('|').next().unwrap_or_default();
                date::find_in_text(stamp, &[], true)
            })
            .filter(|d| d.contains('T'))
    })
}

/// The date in the headline's box, after the headline (머니투데이방송's `<div id="subject"><h4>
/// 제목</h4><h5>…</h5><p><span>유찬 기자</span><span>2019/01/16 13:59</span></p></div>`, a box
/// apart from the story's).
fn date_beside_headline(scan: &Scan, title: &str) -> Option<String> {
    if title.is_empty() {
        return None;
    }
    let headline = (0..scan.nodes.len() as u32).find(|&k| {
        let n = &scan.nodes[k as usize];
        n.tag.is_heading()
            && n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) == 0
            && crate::markup::fold_whitespace(&scan.text_of(k)) == title
    })?;
    let parent = scan.nodes[headline as usize].parent;
    (parent != NONE)
        .then(|| first_date_line(scan, headline..scan.subtree_end(parent), false))
        .flatten()
}

/// The first short visible line among `nodes` with a date (and its time, printed beside it),
/// with a publication label (`labelled`) or any; no link's, no listed article's.
/// A line with a date is at most this long (`(서울=뉴스1) 정혜민 기자 | 2019-05-13 11:27 송고 |
/// 2019-05-13 14:05 최종수정`, a labelled date line under a print edition's).
const DATE_LINE_MAX_CHARS: u32 = 80;

/// A day alone (a header's `2019.05.13(월)`, today's date) gives way to a later line with its
/// time.
fn first_date_line(scan: &Scan, nodes: std::ops::Range<u32>, labelled: bool) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    let mut day_alone = None;
    for i in nodes {
        let n = &scan.nodes[i as usize];
        if n.flags & skip != 0
            || !(10..=DATE_LINE_MAX_CHARS).contains(&n.chars)
            || n.element_children > MAX_DATE_LINE_CHILDREN
                && worded_children(scan, i) > MAX_DATE_LINE_CHILDREN
            || beside_a_headline_link(scan, i)
            || in_comment(scan, i)
        {
            continue;
        }
        let text = scan.text_of(i);
        if labelled && !vocab::PUBLISHED_LABELS.iter().any(|l| text.contains(l)) {
            continue;
        }
        let Some(day) = korean_date_in(&text) else {
            continue;
        };
        if day.contains('T') {
            return Some(day);
        }
        // A day alone may have its time printed beside it (`<span class="date">2025-11-05
        // </span> <span class="time">19:42</span>`): the line they share gives both.
        let parent = n.parent;
        let with_time = (parent != NONE && scan.nodes[parent as usize].chars <= 60)
            .then(|| korean_date_in(&scan.text_of(parent)))
            .flatten()
            .filter(|d| d.starts_with(&day) && d.contains('T'));
        if with_time.is_some() {
            return with_time;
        }
        day_alone.get_or_insert(day);
    }
    day_alone
}

/// Whether a line is a reader's comment's, or in one (Naver's `<li class="u_cbox_comment">…<span
/// class="u_cbox_date">2021.06.08. 17:02</span>`, under the story): its date is the comment's.
fn in_comment(scan: &Scan, i: u32) -> bool {
    std::iter::once(i)
        .chain(scan.ancestors(i).take(COMMENT_DEPTH))
        .any(|a| scan.nodes[a as usize].flags & scan::COMMENT_HINT != 0)
}

/// A comment's date is a few elements inside the comment's box.
const COMMENT_DEPTH: usize = 3;

/// A byline's line (names, roles, emails, dates, buttons) is at most this long.
const BYLINE_LINE_MAX_CHARS: u32 = 300;

/// Whether a line shares its parent with a headline's link: a listed article's date (`<li><a
/// href=…>경기도 ‘기후행동 기회소득’ 시범사업…</a> <span>2024.04.03</span>`), not the story's.
/// (A reporter's linked email is no headline: 점프볼's `<dl><dt><a>권도윤</a> 기자 (<a
/// href="mailto:…">dykwon@jumpball.co.kr</a>)</dt><dd>입력 : 2024-12-14 16:31:07</dd>`.)
fn beside_a_headline_link(scan: &Scan, i: u32) -> bool {
    let listed = |k: u32| {
        let n = &scan.nodes[k as usize];
        n.chars <= LISTED_LINE_MAX_CHARS
            && n.link_chars >= HEADLINE_LINK_MIN_CHARS
            && !scan.text_of(k).contains('@')
            && holds_headline_link(scan, k)
    };
    let parent = scan.nodes[i as usize].parent;
    listed(i) || parent != NONE && listed(parent)
}

/// Whether a line holds one link a headline's length (old Naver's `div.sponsor` holds a date and
/// many short buttons: `기사원문`, `스크랩`, a reader's voice menu), among its first elements. A
/// mail link is the reporter's (노컷뉴스 2015's `<a href="mailto:…"><span>CBS노컷뉴스 박은혜·유도현
/// 기자</span></a>` beside `<li>2015-05-18 06:00</li>`).
fn holds_headline_link(scan: &Scan, k: u32) -> bool {
    (k..scan.subtree_end(k))
        .take(LISTED_LINE_MAX_ELEMENTS)
        .any(|i| {
            let n = &scan.nodes[i as usize];
            n.tag == Tag::A
                && n.link_chars >= HEADLINE_LINK_MIN_CHARS
                && !scan
                    .attr(i, "href")
                    .is_some_and(|h| crate::url::is_mail_link(&h))
        })
}

/// A listed article's line is read in its first elements.
const LISTED_LINE_MAX_ELEMENTS: usize = 64;

/// A listed article's line: its headline and its date.
const LISTED_LINE_MAX_CHARS: u32 = 120;

/// A link of this many characters is a headline (a reporter's name linked is shorter).
const HEADLINE_LINK_MIN_CHARS: f32 = 15.0;

/// How many of an element's children hold text (a share button's icons hold none: 대전일보's
/// `<div><span>이용민 기자 | </span> 2020-03-04 16:52:59 <img …><img …></div>`).
fn worded_children(scan: &Scan, i: u32) -> u32 {
    // Child to child over their subtrees: a hostile nesting is never walked whole.
    let (mut k, end, mut worded) = (i + 1, scan.subtree_end(i), 0);
    while k < end && worded <= MAX_DATE_LINE_CHILDREN {
        // (A bar between fields is no word: 오마이뉴스's `<span class="bar">l</span>`.)
        worded += u32::from(scan.nodes[k as usize].chars > 1);
        k = scan.subtree_end(k);
    }
    worded
}

/// A date line holds at most this many elements: an icon before the label (`<li><i
/// class="icon-clock-o"></i> 승인 2024.03.05 10:21</li>`), a label and a date in spans of
/// their own, twice (Naver's `<span>기사입력</span> <em>…</em> <span>최종수정</span> <em>…</em>`).
const MAX_DATE_LINE_CHILDREN: u32 = 4;

/// A date as the page wrote it when that is already ISO 8601 (fractional seconds and all),
/// else read into ISO 8601; Korean pages without an offset get +09:00.
fn published_date(raw: &str, korean: bool) -> Option<String> {
    let d = raw.trim();
    let b = d.as_bytes();
    let iso_like = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .all(|c| c.is_ascii_digit() || "-:T .Z+".contains(c));
    let has_offset = iso_like
        && (d.ends_with('Z')
            || d.get(10..)
                .is_some_and(|t| t.contains('+') || t.rfind('-').is_some_and(|p| p > 3)));
    if iso_like && (has_offset || !korean) {
        // `+0900` → `+09:00`: the extended form throughout.
        let tail = &b[b.len().saturating_sub(5)..];
        if has_offset
            && b.len() > 15
            && (tail[0] == b'+' || tail[0] == b'-')
            && tail[1..].iter().all(u8::is_ascii_digit)
        {
            let cut = d.len() - 2;
            return Some(format!("{}:{}", &d[..cut], &d[cut..]));
        }
        return Some(d.to_string());
    }
    date::normalize(d, korean)
}

/// A timestamp held in an attribute: the site rule's `published` elements first (when
/// `with_rule`), then any element with a date hint carrying one of `attrs`.
fn timestamp_attr(
    scan: &Scan,
    rule: Option<&'static SiteRule>,
    attrs: &[&str],
    with_rule: bool,
) -> Option<String> {
    let n = scan.nodes.len() as u32;
    let from_rule = rule.filter(|_| with_rule).and_then(|r| {
        r.published.iter().find_map(|(s, attr)| {
            crate::rules::find(scan, s, 0, n).and_then(|k| scan.attr(k, attr))
        })
    });
    from_rule
        .or_else(|| {
            scan.nodes.iter().enumerate().find_map(|(i, node)| {
                if node.flags & scan::DATE_HINT == 0 || node.flags & scan::IN_HEAD != 0 {
                    return None;
                }
                let raw = scan.raw_start_tag(i as u32);
                attrs
                    .iter()
                    .filter(|a| raw.contains(*a))
                    .find_map(|a| scan.attr(i as u32, a))
            })
        })
        .filter(|d| !d.trim().is_empty())
}

/// The first short visible line anywhere on a Korean page with a publication label and a
/// date (`입력 : 2016.09.17 18:59`, `2012/07/02 08:34 송고`), for a page that gives its date
/// nowhere else; or with `day_alone` the first day after a label ([`labelled_day`]).
fn labelled_date_line(scan: &Scan, day_alone: bool) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    scan.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.flags & skip == 0
                && n.element_children <= MAX_DATE_LINE_CHILDREN
                && (10..=DATE_LINE_MAX_CHARS).contains(&n.chars)
        })
        .find_map(|(i, _)| {
            let text = scan.text_of(i as u32);
            if day_alone {
                return labelled_day(&text);
            }
            // (Or before it: a wire's filing stamp, `2012/07/02 08:34 송고`.)
            vocab::PUBLISHED_LABELS
                .iter()
                .any(|l| text.contains(l))
                .then(|| korean_date_in(&text))
                .flatten()
        })
}

/// The day after a date's label (`발행일2016-05-15 [제2991호, 11면]` → `2016-05-15`).
fn labelled_day(text: &str) -> Option<String> {
    let mut labels = vocab::PRINT_EDITION_LABELS
        .iter()
        .chain(vocab::PUBLISHED_LABELS);
    // (Each label found is tried: `작성` opens `작성자 : 문희정 | 날짜 : 20140521` too.)
    labels.find_map(|l| {
        let day = text.split_once(l)?.1.trim_start_matches(&[' ', ':'][..]);
        let end = day
            .find(|c: char| !(c.is_ascii_digit() || "-./ 년월일".contains(c)))
            .unwrap_or(day.len());
        let day = day[..end].trim();
        // (Or its digits alone: KCTV제주's `날짜 : 20140521`.)
        match day.get(4..6).zip(day.get(6..)) {
            Some((month, date)) if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) => {
                published_date(&format!("{}-{month}-{date}", &day[..4]), true)
            }
            _ => published_date(day, true),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_time_is_given_to_the_second() {
        assert_eq!(
            in_korean_time("2024-05-10T06:47:22.318Z".into(), true),
            "2024-05-10T15:47:22+09:00"
        );
        assert_eq!(
            in_korean_time("2024-05-10T15:47+09:00".into(), true),
            "2024-05-10T15:47+09:00"
        );
        assert_eq!(
            in_korean_time("2015-03-27T13:07:55.096Z".into(), false),
            "2015-03-27T13:07:55.096Z"
        );
    }

    #[test]
    fn published_dates_keep_their_iso_form() {
        assert_eq!(
            published_date("2025-07-22T17:02:49+0900", false).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            published_date("2015-03-27T13:07:55.096Z", false).as_deref(),
            Some("2015-03-27T13:07:55.096Z")
        );
        assert_eq!(
            published_date("2018-04-05T06:00", false).as_deref(),
            Some("2018-04-05T06:00")
        );
        assert_eq!(
            published_date("2025-07-22 17:02:49", true).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            published_date("2020-01-02", false).as_deref(),
            Some("2020-01-02")
        );
    }

    #[test]
    fn a_scripts_data_gives_the_value_after_a_key() {
        assert_eq!(
            script_value(r#"Publish_date":"2024-09-23 11:48:37","Modify_date":"x"}"#),
            Some("2024-09-23 11:48:37")
        );
        assert_eq!(
            script_value("pubDate = '2024-09-23T11:48:37+09:00';"),
            Some("2024-09-23T11:48:37+09:00")
        );
        assert_eq!(script_value("publishArticle(id);"), None);
        assert_eq!(script_value("publish_date: null"), None);
    }
}

//! Byline and authors: the byline as printed (`By Jane Doe`, `정희경 기자`) for the reader to
//! show, the persons it names for the export. A byline is found in more places than any other
//! field and is wrong in more (a date, the outlet's name, the headline of a sticky header), so
//! each source is read together with what its byline must not be.

use super::{meta, Page};
use crate::article::Author;
use crate::date;
use crate::korean::{self, vocab};
use crate::markup::{clean_leaked_markup, fold_whitespace, FoldCase};
use crate::polish::Polished;
use crate::scan::{self, Scan, NONE};
use crate::tags::Tag;

/// The byline printed on the page, and the element it was read from.
pub(super) struct VisibleByline {
    /// The element (its parent's text is where a Korean page prints the date beside it).
    pub(super) node: u32,
    pub(super) text: String,
}

/// `byline` and `authors`: the byline as printed and the persons it names.
#[derive(Debug, Default)]
pub struct Credits {
    /// The byline as printed (`By Jane Doe`, `정희경 기자`).
    pub byline: Option<String>,
    /// The persons it names, with role and email where the page gives them.
    pub authors: Vec<Author>,
}

impl From<korean::Byline> for Credits {
    fn from(b: korean::Byline) -> Self {
        Credits {
            byline: Some(b.printed),
            authors: b.authors,
        }
    }
}

impl Credits {
    /// The credits once the story's text has been read (`polish`): a page whose metadata
    /// names no reporter (none, or on a Korean page none with a role: `아시아경제 | 네이버`
    /// from the meta author) takes the one the story names: its sign-off, the reporter where
    /// it opens, or a bare name signing off with the photo's source (`박노준 / 사진출처 …`).
    /// The sign-off's email goes to the reporter of that name (`김지훈 기자
    /// watchdog@hani.co.kr` under the story, `김지훈 기자` in the header), or a lone email
    /// to the only author. Then both are cut to [`crate::MAX_AUTHORS`] and
    /// [`crate::MAX_BYLINE_CHARS`] (a cut byline ends with `…`).
    pub fn with_story(mut self, story: &Polished, korean_page: bool) -> Credits {
        let mut no_reporter =
            self.authors.is_empty() || korean_page && self.authors.iter().all(|a| a.role.is_none());
        let signed = story
            .signoff
            .as_deref()
            .filter(|s| !korean::is_end_mark(s))
            .and_then(|s| {
                korean::parse_byline(s).or_else(|| {
                    // A sign-off in Latin letters (`BY PARK EUN-JEE [park.eunjee@…]`).
                    let authors = authors_named_in(s, |_| false);
                    (!authors.is_empty()).then(|| korean::Byline {
                        printed: authors
                            .iter()
                            .map(|a| a.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        authors,
                    })
                })
            });
        // An English page's printed byline over its metadata's names in Hangul (Yonhap
        // English's `By Kim Soo-yeon` under `<meta name="author" content="김수연">`): the name
        // as the reader reads it.
        let in_hangul = |b: &[Author]| b.iter().any(|a| korean::has_hangul(&a.name));
        if !korean_page && in_hangul(&self.authors) {
            no_reporter |= signed.as_ref().is_some_and(|s| !in_hangul(&s.authors));
        }
        if no_reporter {
            if let Some(found) = signed
                .clone()
                .or_else(|| story.lead_byline.clone())
                .or_else(|| {
                    let name = story.signoff_name.clone()?;
                    Some(korean::Byline {
                        authors: vec![Author {
                            name: name.clone(),
                            role: None,
                            email: None,
                        }],
                        printed: name,
                    })
                })
            {
                self = found.into();
            }
        }
        // A sign-off naming every reporter the metadata named, and more (`김희민·이시명기자`
        // under a card that named only the first), or else the lead's dateline (`(세종=뉴스1)
        // 김태환 기자,박정윤 기자 = …`): that list, emails kept.
        let names_more = |s: &&korean::Byline| {
            korean_page
                && s.authors.len() > self.authors.len()
                && self
                    .authors
                    .iter()
                    .all(|a| s.authors.iter().any(|b| b.name == a.name))
        };
        let fuller = signed
            .as_ref()
            .filter(names_more)
            .or_else(|| story.lead_byline.as_ref().filter(names_more));
        if let Some(all) = fuller {
            let before = std::mem::replace(&mut self, all.clone().into());
            for a in &mut self.authors {
                let known = before.authors.iter().find(|b| b.name == a.name);
                if let Some(email) = known.and_then(|b| b.email.clone()) {
                    a.email = Some(email);
                }
            }
        }
        if let Some(signed) = signed {
            for a in self.authors.iter_mut().filter(|a| a.email.is_none()) {
                a.email = signed
                    .authors
                    .iter()
                    .find(|s| s.name == a.name)
                    .and_then(|s| s.email.clone());
            }
        }
        // The reporters who signed the parts of a package (머니투데이's [MT리포트], a line
        // `조성훈 기자, 김은령 기자, 정혜윤 기자` under each story), after the header's.
        if korean_page && !self.authors.is_empty() {
            for line in &story.inner_bylines {
                if let Some(more) = korean::parse_byline(line) {
                    add_reporters(&mut self, more.authors, &more.printed);
                }
            }
        }
        if let ([only], Some(email)) = (self.authors.as_mut_slice(), &story.signoff_email) {
            only.email.get_or_insert_with(|| email.clone());
        }
        self.authors.truncate(crate::MAX_AUTHORS);
        self.byline = self
            .byline
            .map(|b| match b.char_indices().nth(crate::MAX_BYLINE_CHARS) {
                Some((cut, _)) => format!("{}…", b[..cut].trim_end()),
                None => b,
            });
        self
    }
}

impl Credits {
    /// A contributed piece that names nobody as its writer (뉴스1's `[기고]` on Naver): the
    /// deck's line of a person's name and title (`김승룡 소방청장 직무대행`) names the writer,
    /// or else the caption of the writer's portrait (의협신문's `이정훈 원장(경기 부천
    /// 밝은내과의원)`: a name, a contributor's title, the affiliation in brackets).
    pub fn or_contributor<'a>(
        mut self,
        title: &str,
        deck: Option<&str>,
        mut captions: impl Iterator<Item = &'a str>,
        profile: Option<&(String, String)>,
        korean_page: bool,
    ) -> Self {
        if !korean_page
            || !self.authors.is_empty()
            || !title.split('[').skip(1).any(|r| {
                r.split_once(']').is_some_and(|(label, _)| {
                    vocab::CONTRIBUTED_LABELS.iter().any(|l| label.ends_with(l))
                })
            })
        {
            return self;
        }
        let writer = deck.into_iter().flat_map(str::lines).find_map(|line| {
            let line = line.trim();
            let (name, title) = line.split_once(' ')?;
            ((2..=CONTRIBUTOR_LINE_MAX_WORDS).contains(&line.split_whitespace().count())
                && korean::is_person_name(name)
                && !line.ends_with(&['.', '다'][..]))
            .then(|| (line.to_string(), name.to_string(), title.trim().to_string()))
        });
        let portrait = || {
            captions.find_map(|c| {
                let line = c.split('(').next()?.trim();
                let found = korean::parse_byline(line)?;
                let [author] = found.authors.as_slice() else {
                    return None;
                };
                let role = author.role.clone()?;
                Some((found.printed.clone(), author.name.clone(), role))
            })
        };
        // Or the profile box under or over the piece (`<b>박성훈</b><br>동국대 … 연구교수`).
        let profiled = || {
            profile.map(|(name, title)| (format!("{name} {title}"), name.clone(), title.clone()))
        };
        if let Some((line, name, title)) = writer.or_else(portrait).or_else(profiled) {
            self.byline = Some(line);
            self.authors.push(Author {
                name,
                role: Some(title),
                email: None,
            });
        }
        self
    }
}

/// A writer's line under a headline: a name and a title of a few words.
// (Four: `홍길동 법무법인 세종 변호사`; a deck's line of six words is its sentence, `인근 의원
// 순번제·인건비 지원 함께 설계해야`, which no name opens.)
const CONTRIBUTOR_LINE_MAX_WORDS: usize = 4;

/// What the page's byline sources give: the credits, and the outlet a meta author turned
/// out to be.
pub(super) struct Found {
    pub(super) credits: Credits,
    /// On a Korean page, the outlet or portal a meta author names instead of a person (`YTN`,
    /// `머니투데이 | 네이버`): at most the site's name.
    pub(super) outlet: Option<String>,
}

/// `byline` and `authors`: the site rule's byline or a Korean reporter line first; then
/// JSON-LD authors, the meta author keys, and the first visible element that says it is a
/// byline (Readability's order), then JSON-LD's `creator`; on a Korean page with no reporter
/// yet, a reporter line near the body. The byline keeps its printed form ("By Jane Doe");
/// authors hold the names. A date is never a byline, wherever it comes from. `site_name` is
/// the site's name as known so far: on a Korean page a byline that is the outlet is not one.
pub(super) fn credits(
    page: &Page,
    site_name: Option<&str>,
    visible: Option<&VisibleByline>,
) -> Found {
    let (scan, korean_page) = (page.scan, page.korean);
    let mut c = Credits::default();
    if let Some(v) = visible
        .filter(|_| korean_page || scan.nodes.iter().any(|n| n.flags & scan::RULE_BYLINE != 0))
    {
        // Its parts apart where the page glues them (`<span>안동=권오석 기자</span><button>기자
        // 구독</button><span>입력 …</span>`).
        let found = korean::parse_byline(&v.text).or_else(|| {
            korean_page
                .then(|| korean::parse_byline(&scan.text_of(v.node)))
                .flatten()
        });
        if let Some(found) = found {
            c = found.into();
            add_card_reporters(&mut c, scan, v.node);
            // A card under the story may name only the first of the header's reporters
            // (노컷뉴스 2015's `<strong>박은혜 기자</strong>` under a header mail link
            // `CBS노컷뉴스 박은혜·유도현 기자`).
            if let Some(more) = page.article.and_then(|root| header_byline(scan, root, &c)) {
                c = more.into();
            }
        }
    }
    let from_meta = meta_author(page);
    if korean_page && !c.authors.is_empty() {
        if let Some(listed) = from_meta.as_deref() {
            add_listed_reporters(&mut c, listed);
        }
    }
    // On a Korean outlet's page an organisation is never a person: a meta author that is
    // the outlet or the portal (`YTN`, `머니투데이 | 네이버`, `Korea JoongAng Daily`) is at
    // most the site's name.
    let is_org_name = |n: &str| page.korean_outlet && korean::is_organisation(n, site_name);
    let is_org = |b: &String| {
        if !page.korean_outlet {
            return false;
        }
        // (A reporter's byline with the outlet's name in it is a person's: `테스트일보 홍길동
        // 기자`, `[테스트일보 홍길동 기자]`.)
        if korean::parse_byline(b).is_some_and(|found| {
            found
                .authors
                .iter()
                .any(|a| a.role.is_some() && korean::is_person_name(&a.name))
        }) {
            return false;
        }
        let names = split_names(&clean_byline(b));
        !names.is_empty()
            && names
                .iter()
                .all(|n| without_title_words(n).is_none_or(|n| is_org_name(&n)))
    };
    let outlet = from_meta
        .as_ref()
        .filter(|b| is_org(b))
        .and_then(|b| korean::outlet_of(b));
    // On a portal's copy a one-word meta author that is none of the byline's reporters (Daum's
    // `og:article:author` `한겨레` over `<span class="txt_info">권민지</span>`) is the outlet.
    let portal = site_name.is_some_and(|s| korean::names_portal(&s.fold_case()));
    let outlet = outlet.or_else(|| {
        from_meta
            .as_deref()
            .filter(|b| portal && !b.contains(' ') && !c.authors.iter().any(|a| a.name == *b))
            .and_then(korean::outlet_of)
    });
    if c.byline.is_none() {
        let candidates = [
            from_meta.filter(|b| !date::is_date_like(b) && !is_org(b)),
            visible.map(|v| v.text.clone()).filter(|t| !is_org(t)),
            Some(page.ld.creators.join(", ")).filter(|c| !is_org(c)),
        ];
        // (A label alone, `By`, names nobody.) The first that names someone; on a Korean page
        // the next one when it names no person (Daum's `og:article:author` `데일리안`, an outlet
        // no list knows, over the header's `<span class="txt_info">박상우</span>`).
        for b in candidates
            .into_iter()
            .flatten()
            .filter(|b| !clean_byline(b).is_empty() && !date::is_date_like(b))
        {
            c = credits_of(page, b, &is_org_name);
            if !korean_page || !c.authors.is_empty() {
                break;
            }
        }
    }

    // The site's own name between a reporter's name and the role reads as a second name
    // (`한지우 신동아 기자`: 신 is a family name); on a Korean outlet it is the outlet.
    if page.korean_outlet {
        if let Some(site) = site_name {
            c.authors.retain(|a| a.name != site);
        }
    }

    if korean_page && c.authors.is_empty() {
        credits_elsewhere(page, visible, &mut c);
    }
    // A Latin-letter byline in no element that says so (a Korean outlet's English edition's
    // `<span>By Kim Hyo-jin and Park Ji-won</span>` under the headline).
    if !korean_page && c.authors.is_empty() {
        if let Some(line) = page.article.and_then(|root| latin_byline_above(page, root)) {
            c = credits_of(page, line, &is_org_name);
        }
    }
    if !korean_page && !c.authors.is_empty() {
        c = fuller_by_closing_signoff(page, c, &is_org_name);
    }
    Found { credits: c, outlet }
}

/// A Korean page whose byline elements hold no reporter (only dates, or nothing): the
/// reporters printed elsewhere, in that order: a line of its own near the body, the member
/// names beside the byline, the reporter a "more by" link names, an editor's credit, a
/// reporter field.
fn credits_elsewhere(page: &Page, visible: Option<&VisibleByline>, c: &mut Credits) {
    let scan = page.scan;
    // A line that reads as a byline (`최지숙 기자 truth173@seoul.co.kr`, `박상훈 기자 | 입력 :
    // 2016.09.17 18:59`).
    if let Some((line, found)) = page.article.and_then(|root| reporter_line_near(page, root)) {
        *c = found.into();
        // Each reporter may have a line of their own (경향신문 2020's `<span
        // class="name"><a>창원=김정혜 기자</a></span><span class="name"><a>이수현 기자</a>…`).
        add_card_reporters(c, scan, line);
    }
    if c.authors.is_empty() {
        if let Some(v) = visible {
            add_member_names(c, scan, v.node);
        }
    }
    if c.authors.is_empty() {
        let found = reporter_of_more_link(scan)
            .map(|name| (name, "기자".to_string()))
            .or_else(|| credited_editor(scan))
            .or_else(|| reporter_field(scan));
        if let Some((name, role)) = found {
            c.byline = Some(format!("{name} {role}"));
            c.authors.push(Author {
                name,
                role: Some(role),
                email: None,
            });
        }
    }
}

/// The credits one byline source gives (`b`: the meta author, the visible byline or JSON-LD's
/// creators): on a Korean page a reporter line, with the header's line when it prints more;
/// else the names in it, on a Korean page persons only.
fn credits_of(page: &Page, b: String, is_org_name: &impl Fn(&str) -> bool) -> Credits {
    let (scan, korean_page) = (page.scan, page.korean);
    // (Or once its label is off: a writer's `글 | 홍길동 변호사`; or its date: `홍길동 객원기자 ·
    // 2024.03.05`.)
    let read = korean::parse_byline(&b)
        .or_else(|| korean::labelled_byline(&b))
        .or_else(|| korean::parse_byline(&clean_byline(&b)))
        .or_else(|| korean::parse_byline(&without_date_fields(&b)?));
    let mut c = match read.filter(|_| korean_page) {
        Some(found) => found.into(),
        None => {
            let mut c = Credits {
                byline: None,
                authors: authors_named_in(&b, is_org_name),
            };
            // On a Korean page a name in Hangul is a name's word (`기자의 다른 기사`, a
            // reporter card's link, names nobody) with a family name first (`뉴스타파
            // webmaster@newstapa.org` names the outlet).
            if korean_page {
                c.authors
                    .retain(|a| !korean::has_hangul(&a.name) || korean::is_person_name(&a.name));
            }
            if !korean_page || !c.authors.is_empty() {
                c.byline = Some(b);
            }
            c
        }
    };
    // The header's line may print the reporters the byline left out, or a bare name
    // (머니투데이's `dable:author` `조성훈`) with its role.
    if korean_page {
        if let Some(more) = page.article.and_then(|root| header_byline(scan, root, &c)) {
            c = more.into();
        }
    }
    c
}

/// Each reporter in a card of their own after the byline's (mk.co.kr's `<dl class="author">`
/// ×4), or each in another element the site rule names (Naver's two
/// `media_end_head_journalist_name` boxes): added to the byline's.
fn add_card_reporters(c: &mut Credits, scan: &Scan, byline: u32) {
    for card in reporter_cards(scan, byline) {
        let Some(more) = korean::parse_byline(&scan.text_of(card)) else {
            break;
        };
        add_reporters(c, more.authors, &more.printed);
    }
}

/// The other reporters' cards beside the byline's: its like after it, else the site rule's
/// other bylines, else the cards after the first inside it.
fn reporter_cards(scan: &Scan, byline: u32) -> Vec<u32> {
    let mut cards = sibling_cards(scan, byline);
    if cards.is_empty() {
        cards = other_rule_bylines(scan, byline);
    }
    if cards.is_empty() {
        cards = inner_cards(scan, byline);
    }
    cards
}

/// The names with the member ID a citizen-journalism site prints after them (오마이뉴스's `<a
/// class="name">정하늘 (skyjung)</a>` in a profile box, beside a line about the writer), or linking
/// to the writer's page: the byline box's, then those of the other writers' cards beside it
/// (뉴스타파's `journalist-item` per reporter: a linked name, a date).
fn add_member_names(c: &mut Credits, scan: &Scan, byline: u32) {
    let cards = std::iter::once(byline).chain(reporter_cards(scan, byline));
    for name in cards.map_while(|card| member_named_in(scan, card)) {
        let author = Author {
            name: name.clone(),
            role: None,
            email: None,
        };
        if c.byline.is_none() {
            c.byline = Some(name);
            c.authors.push(author);
        } else {
            add_reporters(c, vec![author], &name);
        }
    }
}

/// Reporters the byline did not name yet join it (at most [`crate::MAX_AUTHORS`]), their
/// printed form after a `·` when any joined.
fn add_reporters(c: &mut Credits, more: Vec<Author>, printed: &str) {
    let before = c.authors.len();
    for a in more {
        if c.authors.len() < crate::MAX_AUTHORS && !c.authors.iter().any(|b| b.name == a.name) {
            c.authors.push(a);
        }
    }
    if let Some(b) = c.byline.as_mut().filter(|_| c.authors.len() > before) {
        b.push('·');
        b.push_str(printed);
    }
}

/// The line above the story that prints the reporter the meta author names and more
/// (머니투데이 2018's `dable:author` `한지수 기자` over `<div class="infobox1"><a>한지수 기자</a>,
/// <a>오세린 기자</a> | 입력 …`): its reporters.
fn header_byline(scan: &Scan, root: u32, found: &Credits) -> Option<korean::Byline> {
    let first = found.authors.first()?.name.as_str();
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD;
    let root_start = scan.nodes[root as usize].start;
    // Only the text runs above the story that print the name are read, and the lines they
    // stand in (no text is built for the page's other elements).
    scan.texts
        .iter()
        .take_while(|t| t.start < root_start)
        .filter(|t| scan.raw_text(t).contains(first))
        .find_map(|t| {
            std::iter::once(t.owner)
                .chain(scan.ancestors(t.owner))
                .take(3)
                .filter(|&i| {
                    let n = &scan.nodes[i as usize];
                    n.flags & skip == 0 && (8..=HEADER_BYLINE_MAX_CHARS).contains(&n.chars)
                })
                .find_map(|i| {
                    let text = scan.text_of(i);
                    korean::parse_byline(&text).filter(|b| {
                        starts_with_reporter(&text, first)
                            && (b.authors.len() > found.authors.len()
                                || b.authors.len() == found.authors.len()
                                    && found.authors.iter().all(|a| a.role.is_none()))
                            && b.authors[0].name == first
                    })
                })
        })
}

/// Whether a header line starts with the reporter's name, or with the outlet's one word
/// before it (`CBS노컷뉴스 박은혜·유도현 기자`).
fn starts_with_reporter(line: &str, name: &str) -> bool {
    line.strip_prefix(name)
        .or_else(|| {
            let (outlet, rest) = line.split_once(' ')?;
            rest.strip_prefix(name)
                .filter(|_| korean::is_organisation(outlet, None))
        })
        .is_some()
}

/// A header's byline line, with its dates, is short.
const HEADER_BYLINE_MAX_CHARS: u32 = 120;

/// The reporters of the meta author list the visible byline left out, when that list names
/// every reporter the byline did (머니투데이's `김하늘,이재원` where the byline read was the
/// first of two reporter cards): each in Hangul, with the first author's role.
fn add_listed_reporters(c: &mut Credits, listed: &str) {
    // A Korean name is one word: the desk before the first one goes (`제약산업팀 김민지·이준혁`).
    let names: Vec<String> = split_names(&clean_byline(listed))
        .iter()
        .filter_map(|n| {
            let n = without_title_words(n)?;
            let mut words = n.split(' ').filter(|w| !vocab::ROLES.contains(w));
            words.next_back().map(str::to_string)
        })
        .filter(|n| korean::is_korean_name(n))
        .collect();
    if !c.authors.iter().all(|a| names.contains(&a.name)) {
        return;
    }
    let role = c.authors[0].role.clone();
    for name in names {
        let printed = match &role {
            Some(r) => format!("{name} {r}"),
            None => name.clone(),
        };
        let author = Author {
            name,
            role: role.clone(),
            email: None,
        };
        add_reporters(c, vec![author], &printed);
    }
}

/// The texts of the elements right after `node` that are its like (the same tag and class,
/// under the same parent): the other cards of a list of reporters. A byline wrapped alone in
/// a link or a box (Naver's `<a class=…journalist_box><em>이름 기자</em></a>` per reporter)
/// is compared as its wrapper.
fn sibling_cards(scan: &Scan, node: u32) -> Vec<u32> {
    let mut node = node;
    for _ in 0..2 {
        match scan.nodes[node as usize].parent {
            p if p != NONE
                && scan.nodes[p as usize].element_children == 1
                && !matches!(
                    scan.nodes[p as usize].tag,
                    Tag::Html | Tag::Body | Tag::Main | Tag::Article | Tag::Section | Tag::Header
                ) =>
            {
                node = p
            }
            _ => break,
        }
    }
    alike_after(scan, node)
}

/// The cards after the first inside a byline box that lists its reporters (한국일보 2020's `<div
/// class="writer"><ul><li><span class="name">박지윤 기자</span> <a class="mail">…</a>…</li><li>…`):
/// the box's line reads the first card only.
fn inner_cards(scan: &Scan, byline: u32) -> Vec<u32> {
    let mut node = byline;
    for _ in 0..3 {
        match (node + 1..scan.subtree_end(node)).find(|&k| scan.nodes[k as usize].parent == node) {
            Some(child) if scan.nodes[node as usize].element_children == 1 => node = child,
            Some(child) => return alike_after(scan, child),
            None => break,
        }
    }
    Vec::new()
}

/// The elements right after `node` with its tag and class, under its parent.
fn alike_after(scan: &Scan, node: u32) -> Vec<u32> {
    let n = &scan.nodes[node as usize];
    let class = scan.attr(node, "class");
    let mut out = Vec::new();
    let mut k = scan.subtree_end(node);
    while let Some(next) = scan.nodes.get(k as usize) {
        if next.parent != n.parent
            || next.tag != n.tag
            || scan.attr(k, "class") != class
            || out.len() >= crate::MAX_AUTHORS
        {
            break;
        }
        out.push(k);
        k = scan.subtree_end(k);
    }
    out
}

/// The site rule's byline elements after `first` (each outside the others).
fn other_rule_bylines(scan: &Scan, first: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut k = scan.subtree_end(first);
    while let Some(n) = scan.nodes.get(k as usize) {
        if out.len() >= crate::MAX_AUTHORS {
            break;
        }
        if n.flags & scan::RULE_BYLINE != 0 && n.flags & scan::IN_HIDDEN == 0 {
            out.push(k);
            k = scan.subtree_end(k);
        } else {
            k += 1;
        }
    }
    out
}

/// The author as JSON-LD and the meta tags name them: JSON-LD's authors, else the meta
/// author keys, else `article:author` when it is not a profile URL.
fn meta_author(page: &Page) -> Option<String> {
    if !page.ld.authors.is_empty() {
        return Some(page.ld.authors.join(", "));
    }
    meta::text(
        page.scan,
        &[
            "dc:creator",
            "dcterm:creator",
            "author",
            "parsely-author",
            "dable:author",
        ],
    )
    .or_else(|| {
        meta::property(page.scan, "article:author")
            .map(clean_leaked_markup)
            .filter(|a| !a.is_empty() && !a.starts_with("http"))
    })
}

/// The persons a byline that is not a Korean reporter line names (`By Jane Doe and John Roe`),
/// not the organisations (`By Kim Se-jin, Korea JoongAng Daily`) nor the writers' titles
/// (`Staff reporter`). An email printed with the name (`By PARK EUN-JEE [park.eunjee@…]`) is
/// the author's, not part of the name.
pub(crate) fn authors_named_in(b: &str, is_organisation: impl Fn(&str) -> bool) -> Vec<Author> {
    let email = korean::email_in(b);
    let cleaned = clean_byline(b);
    let names = match &email {
        // (A reporter card's links after its email name nobody: `Kim Ha-rin harinkim@… More
        // articles by this writer`; a second name after it is kept.)
        Some(e) => cleaned
            .split_once(e.as_str())
            .filter(|(before, after)| {
                before.contains(char::is_alphabetic)
                    && !after.contains(&[',', '·'][..])
                    && !after.contains(" and ")
            })
            .map_or(cleaned.as_str(), |(before, _)| {
                before.trim_end_matches(&['[', '(', '<', ' ', ':'][..])
            })
            .replace(e.as_str(), "")
            .replace("[]", "")
            .replace("()", "")
            .replace("<>", ""),
        None => cleaned,
    };
    // A contact line's words around the names (`Write to Da-sol Kim at dasol@…`).
    let names = names.trim();
    let names = names.strip_prefix("Write to ").unwrap_or(names);
    let names = names.strip_suffix(" at").unwrap_or(names);
    let mut authors: Vec<Author> = split_names(names)
        .iter()
        .filter_map(|name| without_title_words(name))
        // An address without its user (연합인포맥스's empty writer card: `@yna.co.kr`) names
        // nobody, nor does a date beside the names (`… · 2024.03.05`).
        .filter(|name| !is_organisation(name) && !name.contains('@') && !date::is_date_like(name))
        .map(|name| Author {
            name: name_case(without_member_id(&name)),
            role: None,
            email: None,
        })
        .collect();
    if let ([only], Some(e)) = (authors.as_mut_slice(), email) {
        only.email = Some(e);
    }
    authors
}

/// A byline a site rule names is a line of names, roles and emails.
const RULE_BYLINE_MAX_CHARS: usize = 80;
/// The elements a site rule names as the byline are read up to this many.
const RULE_BYLINE_CANDIDATES: usize = 8;

/// The byline printed on the page: a site rule's byline element, else an element whose
/// class, id, `rel` or `itemprop` says author (short text only).
pub(super) fn visible_byline(
    scan: &Scan,
    article: Option<u32>,
    title: &str,
) -> Option<VisibleByline> {
    // The first element the site rule names that reads as a byline: short, no sentence, no
    // date (Daum's `txt_info` names a search box's tooltip too, and the header's date field).
    let by_rule = (0..scan.nodes.len() as u32)
        .filter(|&i| scan.nodes[i as usize].flags & scan::RULE_BYLINE != 0)
        // (Only a few, and only short ones get their text built: a hostile page may name
        // thousands, nested.)
        .take(RULE_BYLINE_CANDIDATES)
        .filter(|&i| scan.nodes[i as usize].chars as usize <= 4 * RULE_BYLINE_MAX_CHARS)
        .map(|i| (i, scan.text_of(i)))
        .find(|(_, text)| {
            !text.is_empty()
                && text.chars().count() <= RULE_BYLINE_MAX_CHARS
                && !text.ends_with('.')
                && !date::is_date_like(text)
        });
    if let Some((node, text)) = by_rule {
        return Some(VisibleByline { node, text });
    }
    // Readability's rule: the first visible element, in document order, whose rel, itemprop,
    // class or id says byline/author, with under 100 characters of text; its itemprop=name
    // part if it has one. Elements inside an unlikely container are never reached (unless the
    // container holds the article: Readability then retries without that filter), except in
    // the article's own header: an unlikely container (`entry-header`, a share bar) inside the
    // same <article> element as the body and before it.
    let skipped = |i: u32| behind_unlikely_container(scan, article, i);
    let candidate = |k: u32| {
        let n = &scan.nodes[k as usize];
        n.flags & scan::BYLINE_HINT != 0
            && n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) == 0
            && n.tag != Tag::Meta
            && n.chars > 0
            && n.chars < 100
    };
    for (i, n) in scan.nodes.iter().enumerate() {
        let i = i as u32;
        if !candidate(i) || skipped(i) {
            continue;
        }
        let name_part = scan
            .meta
            .itemprops
            .iter()
            .find(|(k, prop)| *k > i && scan.is_inside(*k, i) && prop == "name")
            .map(|(k, _)| *k);
        // Without such a part, a container of byline parts (an author part on a line of its
        // own above the author's title or the date; an author part and, besides it, only a
        // date: `James Akinaka • 8h`) is not the byline: its first part is, and comes next in
        // document order.
        let end = scan.subtree_end(i);
        let on_lines = || {
            (i + 1..end).any(|k| {
                let m = &scan.nodes[k as usize];
                m.tag.is_block() && m.chars > 0 && m.chars < n.chars
            })
        };
        let beside_a_date = |k: u32| {
            let (whole, part) = (scan.text_content(i), scan.text_content(k));
            !part.is_empty() && date::is_date_like(&whole.replacen(&part, " ", 1))
        };
        if name_part.is_none() {
            if let Some(first) = (i + 1..end).find(|&k| candidate(k)) {
                if on_lines() || beside_a_date(first) {
                    continue;
                }
            }
        }
        // Its text as the DOM's textContent (Readability's), but parts on lines of their own
        // stay apart (`<p class=name>박은비 기자</p><p class=mail>…`).
        let node = name_part.unwrap_or(i);
        let has_lines =
            (node + 1..scan.subtree_end(node)).any(|k| scan.nodes[k as usize].tag.is_block());
        let text = if has_lines {
            without_bio(scan, node)
        } else {
            scan.text_content(node)
        };
        // A date is never a byline (a `dateline` is often just the date), nor the headline (a
        // sticky mini header whose class says journalist: `div.simplejournalist`).
        let is_title = !title.is_empty() && fold_whitespace(&text).contains(title);
        if !text.is_empty() && !date::is_date_like(&text) && !is_title {
            return Some(VisibleByline { node: i, text });
        }
    }
    None
}

/// A writer's card's text up to its bio, a sentence on a line of its own (`<strong>Lee
/// Jae-ho</strong><p>Covers labor and welfare for the Hankyoreh national desk.</p>`): the name,
/// not the bio's words.
fn without_bio(scan: &Scan, card: u32) -> String {
    let text = scan.text_of(card);
    let bio = (card + 1..scan.subtree_end(card))
        .filter(|&k| scan.nodes[k as usize].tag.is_block())
        .map(|k| scan.text_of(k))
        .find(|line| line.ends_with('.') && line.split(' ').count() >= BIO_MIN_WORDS);
    match bio.and_then(|line| text.find(&line)) {
        Some(at) if at > 0 => text[..at].trim_end().to_string(),
        _ => text,
    }
}

/// A bio's sentence is this many words at least (`Covers labor and welfare …`; a name line
/// with a period, `Jane Doe, Ph.D.`, is fewer).
const BIO_MIN_WORDS: usize = 4;

/// Whether a byline candidate lies in an unlikely container that Readability never reaches
/// (unless the container holds the article, or is the article's own header: an unlikely
/// container, `entry-header` or a share bar, inside the same <article> element as the body
/// and before it). (Out of [`visible_byline`], which reads the candidates.)
fn behind_unlikely_container(scan: &Scan, article: Option<u32>, i: u32) -> bool {
    let mut a = scan.nodes[i as usize].parent;
    let mut steps = 0;
    while a != NONE && scan.nodes[a as usize].flags & scan::IN_UNLIKELY != 0 {
        steps += 1;
        if steps > 256 {
            return true; // a hostile nesting: not a byline worth the walk
        }
        if scan.nodes[a as usize].flags & scan::UNLIKELY != 0 {
            let holds_article = article.is_some_and(|root| scan.is_inside(root, a));
            // The <article> element the body is (or is in).
            let scope = article.and_then(|root| {
                std::iter::once(root)
                    .chain(scan.ancestors(root))
                    .find(|a| scan.nodes[*a as usize].tag == Tag::Article)
                    .map(|a| (a, root))
            });
            // (Or a header before the body, beside it: `div.art_header`.)
            let article_header = scope.is_some_and(|(s, root)| {
                a < root && !scan.is_inside(root, a) && scan.is_inside(a, s)
            }) || article.is_some_and(|root| {
                a < root
                    && scan.nodes[a as usize].parent == scan.nodes[root as usize].parent
                    && scan.attr(a, "class").is_some_and(|c| c.contains("header"))
            }) || article.is_some_and(|root| {
                // (Or an <article>'s own header where the story's box holds the whole
                // <article>: 블로터 2016's `<header class="entry-header">` in `div.content-area`.)
                scan.is_inside(a, root)
                    && scan
                        .ancestors(a)
                        .find(|&x| scan.nodes[x as usize].tag == Tag::Article)
                        .is_some_and(|x| x == root || scan.is_inside(x, root))
                    && scan.attr(a, "class").is_some_and(|c| c.contains("header"))
            });
            return !holds_article && !article_header;
        }
        a = scan.nodes[a as usize].parent;
    }
    false
}

/// A reporter line of its own near the body: above it in the article's header
/// ([`super::header_lines`]), or just below it, or last a reporter's card inside it. The line must be short,
/// read as a byline, and carry an email or a date label, or be the byline and nothing else.
/// The line's element, and its reporters.
fn reporter_line_near(page: &Page, root: u32) -> Option<(u32, korean::Byline)> {
    let scan = page.scan;
    // The article's header (its closest block ancestors, or its headline), then below it.
    let header = super::header_lines(page, root);
    let top = super::closest_ancestors_top(scan, root);
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    let body_end = scan.subtree_end(root);
    let below_end = scan.subtree_end(top).min(body_end + 40);
    // Last, inside the body: a reporter's card that polish took as chrome, not as the sign-off,
    // its name line over its email (조선일보 2008's `<b class="j_name">이태호 기자</b><br><a
    // href="mailto:…">…</a><br><a>기자의 다른 기사 보기</a>`, above the related stories).
    let card_line = |i: u32, text: &str| {
        let parent = scan.nodes[i as usize].parent;
        // (The card's box, not the body: a picture's caption naming its subject, `박채규 대표`,
        // sits in a body the sign-off's email closes.)
        text.split_whitespace().count() <= 2
            && parent != scan::NONE
            && scan.nodes[parent as usize].chars <= CARD_MAX_CHARS
            && korean::email_in(&scan.text_of(parent)).is_some()
    };
    // (The article's own header first, inside it above the story's text: MBC 2018's page
    // stacks the next report, byline and all, right below the first.)
    let story = super::story_text_start(scan, root);
    (header.start..root)
        .chain(root + 1..story)
        .chain(body_end..below_end)
        .chain(story..body_end)
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            // (Or a link that is the line: 사이언스타임즈' `<a href="…?searchWriter=…">윤하늘
            // 객원기자</a>`.)
            let shown =
                n.flags & skip == 0 || n.tag == Tag::A && n.flags & (skip & !scan::IN_LINK) == 0;
            // (A short line may link each name: 동아일보 2017's `<span class="report"><a>김서영</a>·
            // <a>박민호</a> 기자</span>`.)
            shown
                && (n.element_children <= 1 || n.chars <= SHORT_LINE_CHARS)
                && (4..=80).contains(&n.chars)
        })
        .find_map(|i| {
            let text = scan.text_of(i);
            let found = korean::parse_byline(&text)?;
            // (Asked after the line reads as a byline: the parent's text may be the whole body.)
            if (story..body_end).contains(&i) && !card_line(i, &text) {
                return None;
            }
            // A date printed in the line counts as a label (전주MBC 2010's `정태후 기자 |
            // 2010/10/26 20:35 | 조회 : 418`, `2024.03.05 14:22 | 홍길동 기자`, `[테스트일보=홍길동
            // 기자] 2024-03-05 14:22`).
            let labelled = vocab::PUBLISHED_LABELS.iter().any(|l| text.contains(l))
                || date::holds_printed_date(&text);
            let line = vocab::REPORTER_PAGE_LINKS
                .iter()
                .find_map(|l| text.trim_end().strip_suffix(l))
                .unwrap_or(&text);
            let line = line.replace(" · ", "·");
            // The names and role, and at most one short word before them: the outlet's name
            // or a credit's label (`테스트일보 홍길동 기자`, `[글·사진 홍길동 기자]`).
            let printed: Vec<&str> = found.printed.split_whitespace().collect();
            let mut others = line
                .split_whitespace()
                .map(|w| w.trim_matches(&['[', ']'][..]))
                .filter(|w| !w.is_empty() && !printed.contains(w));
            let only_byline = line.split_whitespace().count() <= 2
                || match (others.next(), others.next()) {
                    (None, _) => true,
                    (Some(w), None) => {
                        w.chars().count() <= LINE_LABEL_MAX_CHARS
                            && line.trim_start().trim_start_matches('[').starts_with(w)
                            && !w.ends_with(&['다', '.'][..])
                    }
                    _ => false,
                };
            // A caption's credit after its sentence (`… 붙어 있다. /김호웅기자 diverkim@…`)
            // names the photographer: the reporter's line opens with the name.
            // (Or after the sentence in the line's box: 서울신문 2011's `<td class="img_txt">…
            // 살펴보고 있다.<br><span class="img_cp">정연호기자 tpgod@…</span>`.)
            // `ended`: the words before the name must end a sentence (in the box, not the line).
            // (A date and its label before the name are the header's fields, no sentence:
            // `입력 2024.03.05 14:22 | 홍길동 기자`.)
            let is_field = |w: &str| {
                let w = w.trim_end_matches(':');
                w.chars()
                    .all(|c| c.is_ascii_digit() || ".:/-|·".contains(c))
                    || vocab::PUBLISHED_LABELS.contains(&w)
            };
            let follows_sentence = |text: &str, ended: bool| {
                text.find(found.authors[0].name.as_str()).is_some_and(|at| {
                    text[..at]
                        .split_whitespace()
                        .filter(|w| !is_field(w))
                        .count()
                        > 3
                        && (!ended || text[..at].trim_end().ends_with('.'))
                })
            };
            let parent = scan.nodes[i as usize].parent;
            let after_sentence = follows_sentence(&text, false)
                || parent != scan::NONE
                    && scan.nodes[parent as usize].chars <= CAPTION_BOX_MAX_CHARS
                    && follows_sentence(&scan.text_of(parent), true);
            (!after_sentence && (korean::email_in(&text).is_some() || labelled || only_byline))
                .then_some((i, found))
        })
}

/// A reporter's card (name, email, a link to more stories) is this short.
const CARD_MAX_CHARS: u32 = 200;

/// A word before a byline's names (an outlet's name, a credit's label) is this short.
const LINE_LABEL_MAX_CHARS: usize = 8;

/// A short line above the story that is `By ` and names only (`By Kim Hyo-jin and Park
/// Ji-won`): an English byline printed in no element named for one.
fn latin_byline_above(page: &Page, root: u32) -> Option<String> {
    first_latin_by_line(page.scan, super::header_lines(page, root))
}

/// The first of `lines` that is shown, short, and a `By` line naming writers only.
fn first_latin_by_line(scan: &Scan, lines: impl Iterator<Item = u32>) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    lines
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            n.flags & skip == 0 && (5..=LATIN_BYLINE_MAX_CHARS).contains(&n.chars)
        })
        .map(|i| crate::markup::fold_whitespace(&scan.text_of(i)))
        .find(|t| t.starts_with("By ") && crate::polish::is_latin_signoff(t))
}

/// The story's closing `By` line where it names the byline's writers and more (Hankyoreh
/// English's `By Lee Jae-ho and Park Go-eun, staff reporters` under a card for the first
/// writer); else the credits as they were.
fn fuller_by_closing_signoff(
    page: &Page,
    c: Credits,
    is_org_name: &impl Fn(&str) -> bool,
) -> Credits {
    let Some(line) = page
        .article
        .and_then(|root| latin_signoff_closing(page.scan, root))
    else {
        return c;
    };
    let signed = credits_of(page, line, is_org_name);
    let names_more = signed.authors.len() > c.authors.len()
        && c.authors
            .iter()
            .all(|a| signed.authors.iter().any(|s| s.name == a.name));
    if names_more {
        signed
    } else {
        c
    }
}

/// A `By` line among the story's last blocks that is a sign-off (`By Lee Jae-ho and Park
/// Go-eun, staff reporters`).
fn latin_signoff_closing(scan: &Scan, root: u32) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;
    let last = (root + 1..scan.subtree_end(root))
        .rev()
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            n.flags & skip == 0 && n.chars > 0
        })
        .take(CLOSING_SIGNOFF_NODES);
    first_latin_by_line(scan, last)
}

/// The closing sign-off is looked for among this many last elements of the story.
const CLOSING_SIGNOFF_NODES: usize = 8;

/// An English byline line (`By Kim Hyo-jin and Park Ji-won`) is this short.
const LATIN_BYLINE_MAX_CHARS: u32 = 80;

/// A line of a few names and their role is this short.
const SHORT_LINE_CHARS: u32 = 30;

/// A picture's caption box, sentence and credit, is at most this long.
const CAPTION_BOX_MAX_CHARS: u32 = 300;

/// The editor a magazine's credit list names, where no byline named anyone (에스콰이어's
/// `<li><span>EDITOR</span><span>김준호</span></li>`, 보그's `<li>에디터</li><li>손혜린</li>`), or a
/// public board's writer field (`작성자`): the name beside or right after the label, and the
/// label as the role. A writer's label in the list names the writer, not the editor who
/// commissioned the piece (마리끌레르's `에디터 김보미⏎글 윤서하(소설가)`).
fn credited_editor(scan: &Scan) -> Option<(String, String)> {
    credited(scan, vocab::WRITER_LABELS).or_else(|| credited(scan, vocab::EDITOR_LABELS))
}

/// The name a credit list gives after one of `labels` (see [`credited_editor`]).
fn credited(scan: &Scan, labels: &[&str]) -> Option<(String, String)> {
    let shown = |k: u32| {
        scan.nodes[k as usize].flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) == 0
    };
    (0..scan.nodes.len() as u32).find_map(|k| {
        let n = &scan.nodes[k as usize];
        if !(1..=EDITOR_LABEL_MAX_CHARS).contains(&n.chars) || !shown(k) {
            return None;
        }
        let label = scan.text_of(k);
        if !labels.iter().any(|l| label.trim().eq_ignore_ascii_case(l)) {
            return None;
        }
        // The name in the element after the label's, or beside the label in its parent (다이내믹
        // 부산's `<li><span>작성자</span> 김혜린</li>`).
        let next = scan.subtree_end(k);
        let parent = n.parent;
        let beside = (parent != NONE)
            .then(|| fold_whitespace(&scan.text_of(parent)))
            .and_then(|t| t.strip_prefix(label.trim()).map(|r| r.trim().to_string()));
        let after = (next < scan.nodes.len() as u32 && shown(next))
            .then(|| fold_whitespace(&scan.text_of(next)));
        // (A writer's title may follow in brackets: `윤서하(소설가)`.)
        [beside, after]
            .into_iter()
            .flatten()
            .map(|name| {
                name.split('(')
                    .next()
                    .unwrap_or_default()
                    .trim_end()
                    .to_string()
            })
            .find(|name| korean::is_person_name(name))
            .map(|name| (name, label.trim().to_string()))
    })
}

/// The reporter a header's line of fields names by a label (원주MBC's `방송일 20240312 / 조회수
/// 128 / 취재기자 한승우`, a board's `작성자 김혜린 | 등록일 …`): the name after the label in one
/// of the fields, and the label as the role.
fn reporter_field(scan: &Scan) -> Option<(String, String)> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD;
    (0..scan.nodes.len() as u32)
        .filter(|&k| {
            let n = &scan.nodes[k as usize];
            n.flags & skip == 0 && (10..=FIELD_LINE_MAX_CHARS).contains(&n.chars)
        })
        .find_map(|k| {
            let text = scan.text_of(k);
            let fields: Vec<&str> = text.split(&['/', '|'][..]).map(str::trim).collect();
            if fields.len() < 2 {
                return None;
            }
            fields.iter().find_map(|field| {
                let (label, name) = field.split_once(' ')?;
                (vocab::REPORTER_FIELD_LABELS.contains(&label)
                    && korean::is_korean_name(name.trim()))
                .then(|| (name.trim().to_string(), label.to_string()))
            })
        })
}

/// A header's line of fields is short.
const FIELD_LINE_MAX_CHARS: u32 = 100;

/// An editor's label in a credit list is a word (`EDITOR`, `에디터`).
const EDITOR_LABEL_MAX_CHARS: u32 = 8;

/// The reporter a link to their other articles names (오마이뉴스 2008's `<p
/// class="writer_name"><a>김동혁</a> 기자의 최신기사</p>`), where no byline named one.
fn reporter_of_more_link(scan: &Scan) -> Option<String> {
    let skip = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD;
    (0..scan.nodes.len() as u32)
        .filter(|&i| {
            let n = &scan.nodes[i as usize];
            n.flags & skip == 0 && n.tag != Tag::A && (8..=30).contains(&n.chars)
        })
        .find_map(|i| {
            let text = scan.text_of(i);
            let (name, more) = text.split_once(" 기자의")?;
            let more = more.trim_start();
            (korean::is_korean_name(name)
                && vocab::MORE_BY_REPORTER.iter().any(|m| more.starts_with(m)))
            .then(|| name.to_string())
        })
}

/// The first link in a byline box that is a Korean name and a member ID (`정하늘 (skyjung)`),
/// or a Korean name linking to the writer's page (프레시안 2015's column: `<a
/// href="…/news/writer?name=…">이정민</a> <em class="position">…교수</em>`).
fn member_named_in(scan: &Scan, byline: u32) -> Option<String> {
    (byline + 1..scan.subtree_end(byline))
        .filter(|&k| scan.nodes[k as usize].tag == Tag::A && scan.nodes[k as usize].chars < 40)
        .find_map(|k| {
            let text = scan.text_of(k);
            let name = without_member_id(&text);
            let writers_page = || {
                scan.attr(k, "href").is_some_and(|href| {
                    let href = href.to_ascii_lowercase();
                    crate::rules::BYLINE_HINTS.iter().any(|w| href.contains(w))
                })
            };
            (korean::is_korean_name(name) && (name.len() < text.trim().len() || writers_page()))
                .then(|| name.to_string())
        })
}

/// A Korean name without the site member ID a citizen-journalism page adds in brackets
/// (오마이뉴스's `정명희(heeyami)`), or a game site its writer's pen name (`안정훈(루덴스)`).
fn without_member_id(name: &str) -> &str {
    match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.split_once('('))
    {
        Some((korean, id))
            if korean::has_hangul(korean)
                && !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) =>
        {
            korean.trim_end()
        }
        // Or a writer's pen name in Hangul after the name (디스이즈게임's `안정훈(루덴스)`).
        Some((korean, pen_name))
            if korean::is_korean_name(korean.trim_end())
                && korean::has_hangul(pen_name)
                && pen_name.chars().count() <= 8
                && !pen_name.contains(' ') =>
        {
            korean.trim_end()
        }
        _ => name,
    }
}

/// A name printed in capitals as typography (`LEE YOON-SEO`) in the case it is written in
/// (`Lee Yoon-seo`: a romanized given name's second syllable stays lowercase after the hyphen);
/// any other name as printed.
fn name_case(name: &str) -> String {
    // Latin letters only (ASCII case mapping: Unicode's tables would weigh on the .wasm).
    let shouting = name.is_ascii()
        && !name.bytes().any(|c| c.is_ascii_lowercase())
        && name.bytes().filter(u8::is_ascii_uppercase).count() > 3;
    if !shouting {
        return name.to_string();
    }
    // Every letter after the first of its word in lowercase.
    let mut prev = b' ';
    name.bytes()
        .map(|c| {
            let out = if prev == b' ' {
                c
            } else {
                c.to_ascii_lowercase()
            };
            prev = c;
            char::from(out)
        })
        .collect()
}

/// A byline without the fields that are dates (`홍길동 객원기자 · 2024.03.05`, `… | 2024-03-05
/// 14:22`, `홍길동 기자, 2024-03-05`), if it has any.
fn without_date_fields(byline: &str) -> Option<String> {
    let fields: Vec<&str> = byline.split(&['·', '|', ','][..]).map(str::trim).collect();
    let kept: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|f| !f.is_empty() && !date::is_date_like(f))
        .collect();
    (kept.len() < fields.len() && !kept.is_empty()).then(|| kept.join("·"))
}

fn clean_byline(text: &str) -> String {
    let t = fold_whitespace(text);
    let t = t.trim_start_matches(|c: char| c == '|' || c == '-' || c.is_whitespace());
    let lower = t.fold_case();
    // `By` alone (a label whose name link went with the page's header) names nobody.
    let t = if lower.starts_with("by ") || lower == "by" {
        &t[2..]
    } else {
        t
    };
    // A Korean writer's label (씨네21's `글 이서윤`), and the next credit after the name
    // (오마이뉴스's `글: 김은주(silverjoo) 편집: 이주영(jylee)`: the label `편집` is the last word
    // before its colon, or glued to the member ID's bracket by a bar drawn as a letter:
    // `정은주(ejjung77)l편집:`).
    let t = match t.strip_prefix("글 ").or_else(|| t.strip_prefix("글:")) {
        Some(rest) => {
            let rest = rest.trim_start_matches(&[' ', ':', '|'][..]);
            match rest.split_once(':') {
                Some((before, _)) => {
                    let before = before.trim_end();
                    match before.rsplit_once(' ') {
                        Some((name, _)) => name,
                        None => before.rfind(')').map_or(before, |at| &before[..=at]),
                    }
                }
                // (The photographer's credit after a slash: `글 홍길동 / 사진 김철수`.)
                None => rest.split(&['/', '|'][..]).next().unwrap_or(rest),
            }
        }
        None => t,
    };
    t.trim()
        .trim_end_matches(&[',', '|', '-'][..])
        .trim()
        .to_string()
}

/// A name without the writer's title after it (`Kim Se-jin Staff reporter` → `Kim Se-jin`);
/// none when the title is all there is (`Staff Writer`). A name keeps two words at least.
fn without_title_words(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_title = |w: &&str| crate::polish::is_title_word(w);
    if words.iter().all(is_title) {
        return None;
    }
    // A title or a card's label before the name too (`Reporter Profile LEE YOON-SEO`).
    let mut from = 0;
    while words.len() - from > 2 && is_title(&words[from]) {
        from += 1;
    }
    let mut keep = words.len();
    while keep - from > 2 && is_title(&words[keep - 1]) {
        keep -= 1;
    }
    Some(words[from..keep].join(" "))
}

/// A writer's title whose fields an `&` joins (`Kim Bo-kyoung Business & economy
/// correspondent`, `Jane Doe Arts & Culture Editor`) names no second writer: the word before the
/// `&` and the title after it go.
fn without_joined_title(byline: &str) -> String {
    let mut kept = byline.to_string();
    if let Some((before, after)) = byline.split_once(" & ") {
        let title = after.split(',').next().unwrap_or(after);
        let is_title = crate::polish::is_title_word;
        let fields = title.split_whitespace().filter(|w| !is_title(w)).count();
        if fields <= 1 && title.split_whitespace().last().is_some_and(is_title) {
            if let Some((name, _)) = before.rsplit_once(' ') {
                kept = name.to_string();
                kept.push_str(&after[title.len()..]);
            }
        }
    }
    kept
}

fn split_names(byline: &str) -> Vec<String> {
    without_joined_title(byline)
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split(&[',', ';', '·'][..])
        .map(fold_whitespace)
        .filter(|n| !n.is_empty() && n.chars().count() <= 60)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_capitals_is_written_in_its_case() {
        assert_eq!(name_case("LEE YOON-SEO"), "Lee Yoon-seo");
        assert_eq!(name_case("Park Eun-jee"), "Park Eun-jee");
        assert_eq!(name_case("AP"), "AP");
        assert_eq!(name_case("홍길동"), "홍길동");
    }

    #[test]
    fn a_title_joined_by_an_ampersand_names_no_second_writer() {
        assert_eq!(
            split_names("Kim Bo-kyoung Business & economy correspondent"),
            ["Kim Bo-kyoung"]
        );
        assert_eq!(
            split_names("Jane Doe Arts & Culture Editor, The Times"),
            ["Jane Doe", "The Times"]
        );
        assert_eq!(split_names("Jane Doe & John Roe"), ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn a_bylines_labels_name_nobody() {
        assert_eq!(clean_byline("By"), "");
        assert_eq!(clean_byline("By Jane Doe"), "Jane Doe");
        assert_eq!(
            clean_byline("글: 김은주(silverjoo) 편집: 이주영(jylee)"),
            "김은주(silverjoo)"
        );
        assert_eq!(
            clean_byline("글: 정은주(ejjung77)l편집: 김예지(yeji0512)"),
            "정은주(ejjung77)"
        );
        assert_eq!(clean_byline("글로벌 경제부"), "글로벌 경제부");
        // Without a colon, or with one after a space (ko-tpl18-cine21).
        assert_eq!(clean_byline("글 이서윤"), "이서윤");
        assert_eq!(clean_byline("글 : 이서윤"), "이서윤");
        assert_eq!(clean_byline("글 홍길동 / 사진 김철수"), "홍길동");
        assert_eq!(clean_byline("글 | 홍길동 변호사"), "홍길동 변호사");
    }

    #[test]
    fn a_writers_title_is_no_part_of_the_name() {
        assert_eq!(
            without_title_words("Kim Se-jin Staff Reporter").as_deref(),
            Some("Kim Se-jin")
        );
        assert_eq!(
            without_title_words("Reporter Profile LEE YOON-SEO").as_deref(),
            Some("LEE YOON-SEO")
        );
        assert_eq!(without_title_words("Staff Writer"), None);
    }

    #[test]
    fn a_date_beside_the_names_is_no_name() {
        assert_eq!(
            without_date_fields("홍길동 객원기자 · 2024.03.05").as_deref(),
            Some("홍길동 객원기자")
        );
        assert_eq!(without_date_fields("홍길동·김철수 기자"), None);
        assert_eq!(
            without_date_fields("홍길동 기자, 2024-03-05").as_deref(),
            Some("홍길동 기자")
        );
        assert!(authors_named_in("Jane Doe · 2024.03.05", |_| false)
            .iter()
            .all(|a| a.name == "Jane Doe"));
    }

    #[test]
    fn a_contact_line_names_its_reporters() {
        let names: Vec<String> = authors_named_in(
            "Write to Da-sol Kim and Jin-ho Lee at dasol@testherald.com",
            |_| false,
        )
        .into_iter()
        .map(|a| a.name)
        .collect();
        assert_eq!(names, ["Da-sol Kim", "Jin-ho Lee"]);
    }
}

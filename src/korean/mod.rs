//! Recognizers for Korean news conventions: reporter bylines with role and email, the
//! sign-off glued to the last paragraph, datelines opening the story, caption pointers and
//! photo credits, copyright notices; organisations named as authors, broadcast crew
//! credits, tip-line promos and reaction prompts. The words they read are in [`vocab`].

use crate::article::Author;
use crate::markup::FoldCase;

pub mod vocab;

pub use vocab::ROLES;

pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

pub fn has_hangul(s: &str) -> bool {
    s.chars().any(is_hangul_syllable)
}

/// Whether a word may be a person's name: two to four syllables, and not ending in an object
/// or genitive particle, as a sentence's words do (`현장을 취재합니다` on a reporter card).
#[inline(never)] // called from many readers: one copy keeps the .wasm small
pub(crate) fn is_korean_name(s: &str) -> bool {
    has_name_shape(s) && !s.ends_with(&['을', '를', '의'][..])
}

/// Two to four syllables: a name's shape. Right before a role it is a name, whatever its last
/// syllable (`김노을 기자`).
fn has_name_shape(s: &str) -> bool {
    (2..=4).contains(&s.chars().count()) && s.chars().all(is_hangul_syllable)
}

fn find_email(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || "()[]<>,;:|/".contains(c))
        // An address glued to the name before it (`홍길동hong@…`, a name and a mail link in
        // one box): the address starts after the name.
        .map(|w| {
            let at = w.find('@').unwrap_or(0);
            let user_start = w[..at]
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_ascii())
                .map_or(0, |(i, c)| i + c.len_utf8());
            &w[user_start..]
        })
        .find(|w| {
            let Some((user, domain)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty()
                && domain.contains('.')
                && !domain.ends_with('.')
                && user
                    .chars()
                    .chain(domain.chars())
                    .all(|c| c.is_ascii_alphanumeric() || "._-+".contains(c))
        })
        .map(|w| w.to_string())
}

/// The first email address in a text (`hong@yna.co.kr`).
pub fn email_in(text: &str) -> Option<String> {
    find_email(text)
}

/// A line that is an email address and nothing else (`esshin@yna.co.kr`).
pub fn is_bare_email(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace) && find_email(t).is_some_and(|e| e == t)
}

/// A reporter line, read: the persons it names and the line as the export prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct Byline {
    /// The reporters, each with the role (`기자`) and, for the first, the email the line gives.
    pub authors: Vec<Author>,
    /// The line cleaned to names and role (`정희경 기자`, `홍길동·김철수 기자`).
    pub printed: String,
}

/// Whether a word opens with a family name (`김`, `남궁`): a card's `다른기사 보기 기자` names
/// nobody.
fn opens_with_family_name(w: &str) -> bool {
    vocab::SURNAMES.split(' ').any(|s| w.starts_with(s))
}

/// A word that may be a person's name beside others (`홍길동, 김철수 기자`): two to four
/// syllables, a family name first, and not the name of an outlet or a desk (`서울경제`, `사회부`).
pub(crate) fn is_person_name(w: &str) -> bool {
    is_korean_name(w)
        && opens_with_family_name(w)
        && !vocab::ORGANISATION_ENDINGS.iter().any(|e| w.ends_with(e))
        && !vocab::DESK_ENDINGS.iter().any(|e| w.ends_with(e))
        // A byline's label (`기자명 김희민 기자, 이시명 기자`) names nobody.
        && !w.starts_with("기자")
        // Nor does a contact's label (`이메일`, `전화`).
        && !vocab::CONTACT_WORDS.contains(&w)
        // Nor a title after the name, shaped like a name as many are (`홍길동 시인`, `고문`).
        && !ROLES.contains(&w)
        && !vocab::CONTRIBUTOR_TITLES.contains(&w)
        // Nor a piece's label (`기고`, `기획`).
        && !vocab::CONTRIBUTED_LABELS.contains(&w)
        && !vocab::SERIES_LABELS.contains(&w)
        && !vocab::NEWSROOM_JOBS.contains(&w)
}

/// A broadcaster's acronym after what it describes itself as (`서울특별시 미디어재단 TBS`,
/// `부산경남대표방송 KNN`): the acronym (capitals), the name its viewers know. The description
/// has no Latin letters and says broadcaster or foundation ([`vocab::SITE_DESCRIPTIONS`]).
pub fn described_acronym(site: &str) -> Option<&str> {
    let (description, acronym) = site.trim().rsplit_once(' ')?;
    let is_acronym = (2..=5).contains(&acronym.len())
        && acronym.bytes().all(|b| b.is_ascii_uppercase())
        && !vocab::GENERIC_SITE_WORDS.contains(&acronym);
    let described = !description.bytes().any(|b| b.is_ascii_alphanumeric())
        && vocab::SITE_DESCRIPTIONS
            .iter()
            .any(|d| description.contains(d));
    (is_acronym && described).then_some(acronym)
}

/// A word of four syllables after a reporter's name (`윤서진 주간조선 기자`, `조선비즈`,
/// `한국경제`): an outlet, unless it opens with a two-syllable family name (`남궁민수`). A
/// name of four syllables behind a one-syllable family name is rarer than an outlet there.
fn reads_as_outlet_after_name(w: &str) -> bool {
    w.chars().count() == 4
        && w.chars().all(is_hangul_syllable)
        && !vocab::SURNAMES
            .split(' ')
            .any(|s| s.chars().count() == 2 && w.starts_with(s))
}

/// Reads `정희경 기자 huiky@businesspost.co.kr`, `[서울경제 홍길동 기자]`, `홍길동·김철수 기자`,
/// `홍길동, 김철수 기자`, `홍길동 선임기자 (hong@x.com)`, `홍길동 의학전문기자`,
/// `윤서연 기자·강민호 기자`.
pub fn parse_byline(text: &str) -> Option<Byline> {
    // (Names linked one by one read with spaces around their separator: 동아일보 2017's
    // `<a>김서영</a>·<a>박민호</a> 기자`.)
    if text.contains(" · ") {
        return parse_reporters(&text.replace(" · ", "·"), false);
    }
    parse_reporters(text, false)
}

/// A byline element that labels the reporter's name instead of giving a role after it
/// (`기자명 홍길동`, `작성자 : 홍길동`, a broadcast's `취재 홍길동, 영상 김철수` with the crew after
/// the reporter). Read for a whole element only: at the end of a line the label may be a crew
/// credit's last word (`[영상취재 기자 : 박태범]`).
pub fn labelled_byline(text: &str) -> Option<Byline> {
    // (A colon may follow the label, glued or apart, and a comma the name.)
    let words: Vec<&str> = text
        .trim()
        .trim_matches(|c| BYLINE_BRACKETS.contains(c))
        .split_whitespace()
        .map(|w| w.trim_end_matches(&[':', '：', ','][..]))
        .filter(|w| !w.is_empty())
        .collect();
    let [label, name, crew @ ..] = words.as_slice() else {
        return None;
    };
    // (The role may follow the name: `취재 홍길동 기자`.)
    let crew = match crew {
        [role, rest @ ..] if ROLES.contains(role) => rest,
        _ => crew,
    };
    let labelled = vocab::REPORTER_FIELD_LABELS.contains(label);
    let crew_after = crew
        .chunks(2)
        .all(|pair| matches!(pair, [role, name] if is_crew_role(role) && is_person_name(name)));
    (labelled && crew_after && is_person_name(name) && name.chars().count() == 3).then(|| Byline {
        authors: vec![Author {
            name: name.to_string(),
            role: Some("기자".to_string()),
            email: None,
        }],
        printed: format!("{name} 기자"),
    })
}

/// [`parse_byline`]; `spaced`: the names before the role may be separated by spaces alone
/// (`홍길동 김철수 기자`, as wires print them where the story opens), where they are all names.
fn parse_reporters(text: &str, spaced: bool) -> Option<Byline> {
    // A place in brackets after a name or a role (`홍길동(세종)·김철수(서울) 기자`, `홍길동
    // 기자(세종), 김철수 기자(서울)`) is the dateline's, no name.
    let placeless;
    let text = match without_bracketed_places(text) {
        Some(t) => {
            placeless = t;
            placeless.as_str()
        }
        None => text,
    };
    let text = without_more_by_link(text.trim().trim_matches(|c| BYLINE_BRACKETS.contains(c)));
    // The outlet after a slash (헤드라인제주's `<강민혁 기자/헤드라인제주>`): one word, no role.
    let text = match text.rsplit_once('/') {
        Some((reporter, outlet))
            if ROLES.iter().any(|r| reporter.trim_end().ends_with(r))
                && !outlet.trim().is_empty()
                && !outlet.trim().contains(&[' ', '='][..])
                && !ROLES.iter().any(|r| outlet.contains(r)) =>
        {
            reporter
        }
        _ => text,
    };
    // A role's prefix written apart from `기자` (Daum's `김수아 인턴 기자`): one role.
    let glued;
    let text = match text.find(" 기자") {
        Some(at)
            if vocab::ROLES.iter().any(|r| {
                r.strip_suffix("기자").is_some_and(|prefix| {
                    !prefix.is_empty()
                        && text[..at].ends_with(prefix)
                        && text[..at - prefix.len()].ends_with(' ')
                })
            }) =>
        {
            glued = format!("{}{}", &text[..at], &text[at + 1..]);
            glued.as_str()
        }
        _ => text,
    };
    let apart;
    let text = if text.contains('@') {
        apart = emails_apart(text);
        &apart
    } else {
        text
    };
    // Reporters each with their role (`윤서연 기자·강민호 기자`) are read part by part; a
    // photographer's part names no author (불교신문's `정리=박봉영 기자│사진=김형주 기자`).
    let mut parts = parts_after_roles(text);
    if parts.len() > 1 {
        let credits_a_photo = |part: &&str| {
            let part = part.trim_start_matches(&[' ', '|', '│', '·', ',', '/'][..]);
            vocab::CREDIT_LABELS.iter().any(|l| {
                part.strip_prefix(l)
                    .is_some_and(|rest| rest.starts_with(&['=', ' ', ':'][..]))
            })
        };
        if parts.iter().any(|p| !credits_a_photo(p)) {
            parts.retain(|p| !credits_a_photo(p));
        }
    }
    let mut read: Vec<(Vec<String>, &str)> =
        match parts.iter().map(|p| reporters_in(p, spaced)).collect() {
            Some(read) if parts.len() > 1 => read,
            // (One part left once a photographer's went: that part.)
            _ if parts.len() == 1 => vec![reporters_in(parts[0], spaced)?],
            _ => vec![reporters_in(text, spaced)?],
        };
    // A contributor's title after a newsroom role is the same person's other post
    // (`홍길동 객원논설위원·서울대 교수`: 서울대 is no second writer).
    let mut k = 1;
    while k < read.len() {
        let (names, role) = &read[k];
        if names.len() == 1 && !ROLES.contains(role) && ROLES.contains(&read[k - 1].1) {
            read.remove(k);
        } else {
            k += 1;
        }
    }
    let mut authors = Vec::new();
    let mut printed = Vec::new();
    for (names, role) in read {
        printed.push(format!("{} {}", names.join("·"), role));
        authors.extend(names.into_iter().map(|name| Author {
            name,
            role: Some(role.to_string()),
            email: None,
        }));
    }
    authors[0].email = find_email(text);
    Some(Byline {
        authors,
        printed: printed.join("·"),
    })
}

/// A byline without a reporter card's link to their other stories after it (`송민석 기자 기자의
/// 다른 기사 보기 기자 구독`), which names nobody more.
pub fn without_more_by_link(text: &str) -> &str {
    match text.find("기자의") {
        Some(at)
            if vocab::MORE_BY_REPORTER
                .iter()
                .any(|m| text[at + "기자의".len()..].trim_start().starts_with(m)) =>
        {
            &text[..at]
        }
        _ => text,
    }
}

/// The text without the places in brackets glued to the word before them (`김철수(서울)`), if
/// it has any: a few syllables of Hangul, no email, no name with a role.
fn without_bracketed_places(text: &str) -> Option<String> {
    if !text.contains('(') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut cut = false;
    while let Some(open) = rest.find('(') {
        let glued = rest[..open]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        let place = rest[open + 1..].split_once(')').map(|(inner, _)| inner);
        match place {
            Some(inner)
                if glued
                    && (1..=4).contains(&inner.chars().count())
                    && inner.chars().all(is_hangul_syllable)
                    && !ROLES.iter().any(|r| inner.ends_with(r)) =>
            {
                out.push_str(&rest[..open]);
                rest = &rest[open + inner.len() + 2..];
                cut = true;
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    cut.then_some(out)
}

/// The text with a space on each side of an email glued to the words around it (울산신문's
/// `유은경기자usyek@`, `김응태 기자yes@edaily.co.kr이정훈 기자`).
fn emails_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for w in text.split_inclusive(char::is_whitespace) {
        if !w.contains('@') {
            out.push_str(w);
            continue;
        }
        let mut before = ' ';
        for c in w.chars() {
            // (Not at a bracket: `한지훈 기자(hjh@…),` is apart already.)
            if before.is_ascii() != c.is_ascii()
                && (before.is_ascii_alphanumeric() || c.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            out.push(c);
            before = c;
        }
    }
    out
}

/// Brackets a byline or its email is printed in.
const BYLINE_BRACKETS: &str = "()[]<>〈〉";

/// The reporters a line names and their role (`홍길동·김철수 기자`, `홍길동, 김철수 기자`);
/// `None` for a line that names none, or credits a photo. `spaced` as for [`parse_reporters`].
fn reporters_in(text: &str, spaced: bool) -> Option<(Vec<String>, &'static str)> {
    // An email glued to the role in brackets (`김도윤 기자(kdy@donga.com)`) is a word apart,
    // and no word of the list, as before the names (`kwkim@fnnews.com 김경원 최경식기자`).
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || BYLINE_BRACKETS.contains(c))
        .filter(|w| !w.is_empty() && !w.contains('@'))
        .collect();
    for i in 0..words.len() {
        let Some((name_part, role)) = name_and_role(&words, i) else {
            continue;
        };
        // A place before the name (`제주=홍길동 기자`) is the dateline's, not the name's; a
        // credit's label (`사진=홍길동 기자`) says the line credits a photo, not the story.
        // (The label may come with the place, a word before: 엑스포츠뉴스' `사진=잠실, 박지영 기자`.)
        let place_before = i
            .checked_sub(if words[i] == role { 2 } else { 1 })
            .map(|k| words[k]);
        for labelled in std::iter::once(name_part).chain(place_before) {
            if let Some((label, _)) = labelled.split_once('=') {
                if vocab::CREDIT_LABELS.contains(&label) {
                    return None;
                }
            }
        }
        let name_part = without_place(name_part);
        // Names joined by a separator are names all (`홍길동·김철수`): a desk's name so joined
        // (`IT·과학부 기자`, a reporter card's department) names nobody.
        let joined: Vec<&str> = name_part
            .split(REPORTER_SEPARATORS)
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if joined.len() > 1
            && joined
                .iter()
                .any(|n| !is_korean_name(n) && !ROLES.contains(n))
        {
            continue;
        }
        let mut names: Vec<String> = joined
            .into_iter()
            .filter(|n| {
                has_name_shape(n)
                    && opens_with_family_name(n)
                    && !ROLES.contains(n)
                    // A reporter card's desk with the role again (`한동훈 기자 사회부 기자 …`).
                    && !vocab::DESK_ENDINGS.iter().any(|e| n.ends_with(e))
                    // A wire's short name in the reporter's place (`연합 기자`), or a desk's
                    // job (`편집에디터`).
                    && !vocab::WIRE_SHORT_NAMES.contains(n)
                    && !vocab::NEWSROOM_JOBS.contains(n)
            })
            .map(str::to_string)
            .collect();
        if let Some(name) = name_before_outlet(&words, i, role) {
            return Some((vec![name], role));
        }
        if names.is_empty() {
            continue;
        }
        // The reporters listed before it (`홍길동, 김철수 기자`, `홍길동 · 김철수 기자`), or
        // names alone from the line's start (`김태호 이승륜 기자`: each of three syllables, a
        // family name first).
        let mut first = if words[i] == role { i - 1 } else { i };
        // A crew credit's name on a reporter card (`영상취재 김준택 기자`) is no author's.
        let label = words[..first]
            .iter()
            .rev()
            .find(|w| !matches!(**w, ":" | "："));
        if label.is_some_and(|w| is_crew_role(w)) {
            continue;
        }
        // A one-syllable family name written apart from the given name (`홍 길동 기자`).
        if let [given] = names.as_slice() {
            let family = first.checked_sub(1).map(|k| words[k]);
            if let Some(family) = family
                .filter(|f| f.chars().count() == 1 && vocab::SURNAMES.split(' ').any(|s| s == *f))
            {
                if given.chars().count() == 2 {
                    names[0] = format!("{family}{given}");
                    first -= 1;
                }
            }
        }
        let spaced = spaced
            || (1..=crate::MAX_AUTHORS).contains(&first)
                && words[..first]
                    .iter()
                    .all(|w| is_person_name(w) && w.chars().count() == 3);
        add_listed_before(&words, first, spaced, &mut names);
        return Some((names, role));
    }
    // The lines below name one person and nothing else but an email.
    let words: Vec<&str> = words
        .into_iter()
        .filter(|w| find_email(w).is_none())
        .collect();
    // (The affiliation may follow in brackets: `김수진 공인노무사 (노무법인 일터)`.)
    let before_brackets =
        || -> Option<Vec<&str>> { Some(text.split('(').next()?.split_whitespace().collect()) };
    role_first(&words)
        .or_else(|| contributor_in(&words))
        .or_else(|| contributor_in(&before_brackets()?))
}

/// The name before an outlet between it and the role (`이남경 MK스포츠 기자`, `이해나 헬스조선
/// 기자`): after a person's name, a word that names an outlet or no person. A foreign name in
/// Hangul under its label comes whole, given name first (뉴스위크 한국판's `글=케이틀린 모리슨
/// 뉴스위크 기자`).
fn name_before_outlet(words: &[&str], i: usize, role: &str) -> Option<String> {
    let outlet_between = words[i] == role
        && i >= 2
        && is_person_name(words[i - 2])
        // (A name after a separator is the list's next: 동아일보's `편지윤 pjy@donga.com·석호준
        // 기자`, its email left out.)
        && !words[i - 1].starts_with(REPORTER_SEPARATORS)
        && (is_outlet_word(words[i - 1])
            || !is_person_name(words[i - 1]) && !ROLES.iter().any(|r| words[i - 1].contains(r))
            || reads_as_outlet_after_name(words[i - 1]));
    if !outlet_between {
        return None;
    }
    let given = (i >= 3)
        .then(|| words[i - 3].strip_prefix("글="))
        .flatten()
        .filter(|g| !g.is_empty() && g.chars().all(is_hangul_syllable));
    Some(match given {
        Some(given) => format!("{given} {}", words[i - 2]),
        None => words[i - 2].to_string(),
    })
}

/// A role before a name of three syllables, and nothing else but an email (`기자 홍길동`, a
/// byline box that prints its label first).
fn role_first(words: &[&str]) -> Option<(Vec<String>, &'static str)> {
    match words {
        [role, name] => {
            let role = ROLES.iter().find(|r| **r == *role)?;
            // Three syllables: `기자 구독` (subscribe to the reporter) is a button, not a name.
            (is_person_name(name) && name.chars().count() == 3)
                .then(|| (vec![name.to_string()], *role))
        }
        _ => None,
    }
}

/// A contributor's line: a name, a few words of affiliation and a title
/// ([`vocab::CONTRIBUTOR_TITLES`], a field glued before it or not: `홍길동 서울대 교수`, `홍길동
/// 법무법인 세종 변호사`, `윤재민 교육평론가`), and
/// nothing else but an email; an op-ed's byline or sign-off.
fn contributor_in(words: &[&str]) -> Option<(Vec<String>, &'static str)> {
    // (A sign-off's slash before it: `/양혜림 제주문화포럼 연구위원`, `/ 이정호 울산대 …`; or the
    // piece's label: `[기고] 홍길동 서울대 교수`.)
    let words = words.strip_prefix(&["/"]).unwrap_or(words);
    let words = match words.split_first() {
        Some((label, rest)) if vocab::CONTRIBUTED_LABELS.contains(label) => rest,
        _ => words,
    };
    let (first, rest) = words.split_first()?;
    let first = first.strip_prefix('/').unwrap_or(first);
    let (last, between) = rest.split_last()?;
    // A field may be glued before the title (`교육평론가`, `정신건강의학과전문의`), or after it
    // (`교수·사회학`).
    let last = last.split('·').next().unwrap_or(last);
    let title = contributor_title(last)?;
    (is_person_name(first) && between.len() <= CONTRIBUTOR_AFFILIATION_MAX_WORDS)
        .then(|| (vec![first.to_string()], title))
}

/// The contributor's title a word ends with ([`vocab::CONTRIBUTOR_TITLES`]; a field may be
/// glued before it: `교육평론가`, `연구교수`).
fn contributor_title(word: &str) -> Option<&'static str> {
    vocab::CONTRIBUTOR_TITLES
        .iter()
        .find(|t| word.ends_with(**t))
        .copied()
}

/// A profile box: a person's name on a line of its own (or with a title and a topic's
/// particle: `윤태경 이사장은`), then one or two lines of an affiliation ending in a title
/// (`대한한의사협회 … 위원⏎(서울 마포 소담한의원 원장)`, `동국대 불교학술원 연구교수`) or of a
/// biography (`경북대 의대를 졸업하고 …`, `도시계획가. 일산에서 …`). Gives the name and the first
/// line after it.
pub fn profile_box(text: &str) -> Option<(String, String)> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let head = lines.next()?;
    let name = match head.split_once(' ') {
        Some((name, title)) if title.ends_with(&['은', '는'][..]) => name,
        Some(_) => return None,
        None => head,
    };
    let rest: Vec<&str> = lines.collect();
    let is_detail = |line: &str| {
        let titled = line
            .trim_matches(&['(', ')'][..])
            .split(' ')
            .next_back()
            .is_some_and(|w| contributor_title(w).is_some());
        line.chars().count() <= PROFILE_LINE_MAX_CHARS && titled
            || vocab::BIOGRAPHY_WORDS.iter().any(|w| line.contains(w))
            || is_titled_bio(line)
    };
    let first = rest.first()?;
    (is_person_name(name) && rest.len() <= 2 && rest.iter().all(|l| is_detail(l)))
        .then(|| (name.to_string(), first.to_string()))
}

/// A biography that opens with the person's title as a sentence of its own (`소설가. 장편소설
/// …을 썼다.`, `도시계획가. 일산에서 …`): one Korean word, a full stop, more. (Not an answer
/// or a sentence: `네. …`, `맞습니다. …`, `그렇죠. …`, `정말 그럴까. …`.)
fn is_titled_bio(text: &str) -> bool {
    text.split_once(". ").is_some_and(|(title, _)| {
        (2..=8).contains(&title.chars().count())
            && title.chars().all(is_hangul_syllable)
            && !title.ends_with(&['다', '요', '죠', '까'][..])
    })
}

/// A photo shoot's credits, a line to each (`에디터: 조혜진⏎포토: 김치윤⏎의상: …`): three lines or
/// more, each a label of [`vocab::SHOOT_LABELS`], a colon and a few words.
pub fn is_shoot_credits(text: &str) -> bool {
    let mut lines = 0;
    text.lines().filter(|l| !l.trim().is_empty()).all(|l| {
        lines += 1;
        l.split_once(&[':', '：'][..])
            .is_some_and(|(label, value)| {
                vocab::SHOOT_LABELS.contains(&label.trim()) && value.chars().count() <= 40
            })
    }) && lines >= 3
}

/// An affiliation's line in a profile box is a few words.
const PROFILE_LINE_MAX_CHARS: usize = 60;

/// A contributor's affiliation is a few words (`전주 예수병원 내과`, and a second title before
/// a slash: `장로/전주 …`).
const CONTRIBUTOR_AFFILIATION_MAX_WORDS: usize = 3;

/// A word that names an outlet, not a person: Latin letters in it (`MK스포츠`, `OSEN`) or an
/// outlet's ending (`스포츠조선일보`, `헤럴드경제신문`).
fn is_outlet_word(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_alphabetic())
        || vocab::ORGANISATION_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The reporters listed before the one at `first` (`홍길동, 김철수 기자`, `홍길동 · 김철수
/// 기자`, or names alone from the line's start when `spaced`), put before `names`.
fn add_listed_before(words: &[&str], first: usize, spaced: bool, names: &mut Vec<String>) {
    let mut k = first;
    let mut separated = false;
    while k > 0 && names.len() < crate::MAX_AUTHORS {
        let w = words[k - 1];
        let bare = w.trim_end_matches(REPORTER_SEPARATORS);
        let marked = bare.len() < w.len() || words[k].starts_with(REPORTER_SEPARATORS);
        if bare.is_empty() {
            separated = true;
            k -= 1;
            continue;
        }
        // (Not the place of an outlet's dateline, `(엑스포츠뉴스 구로, 윤다희 기자)`: a word of
        // two syllables between the outlet and a comma.)
        let place =
            k >= 2 && is_outlet_word(words[k - 2]) && w.ends_with(',') && bare.chars().count() == 2;
        // The list's first name may come with the place (한겨레 2009's `부산/김광수, 이정민 기자`):
        // it opens the list.
        let (bare, opens_list) = match without_place(bare) {
            name if name.len() < bare.len() => (name, true),
            _ => (bare, false),
        };
        if !(marked || separated || spaced)
            || !is_person_name(bare)
            || place
            || names.iter().any(|n| n == bare)
        {
            return;
        }
        names.insert(0, bare.to_string());
        if opens_list {
            return;
        }
        separated = false;
        k -= 1;
    }
}

/// What separates the reporters of one line (`홍길동·김철수 기자`, 헤럴드경제's `정세훈ㆍ박지영 기자`
/// with the Hangul letter araea for a dot).
const REPORTER_SEPARATORS: [char; 6] = ['·', ',', '/', '・', 'ㆍ', '│'];

/// A line cut after each role a separator follows (`윤서연 기자·강민호 기자` → two parts), or
/// a space where another reporter with a role follows (`권광순 기자 오로라 기자`, a list of
/// links).
fn parts_after_roles(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        // (The role's email in brackets may come between: `한지훈 기자(hjh@…), 박하은 객원기자`.)
        let after_role = |head: &str| {
            let head = match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
                Some((role, email)) if email.contains('@') => role.trim_end(),
                _ => head,
            };
            ROLES.iter().any(|r| head.ends_with(r))
        };
        let cut = if REPORTER_SEPARATORS.contains(&c) {
            after_role(text[..at].trim_end())
        } else {
            c.is_whitespace()
                && after_role(&text[..at])
                && ROLES.iter().any(|r| text[at..].contains(r))
        };
        if cut && !text[start..at].trim().is_empty() {
            parts.push(&text[start..at]);
            start = at + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The reporter a word names with its role: `홍길동기자` (glued, a name before the role) or
/// `기자` after the name word. Returns the name part as written and the role.
fn name_and_role<'a>(words: &[&'a str], i: usize) -> Option<(&'a str, &'static str)> {
    // A place before the name (`제주=홍길동기자`, `이스탄불｜변지형특파원`) is not part of it (as
    // [`without_place`] drops it from a name written apart from its role).
    let w = words[i].rsplit(PLACE_MARKS).next().unwrap_or(words[i]);
    let role_of = |r: &&&str| w.ends_with(**r) && (w == **r || !vocab::RANKS.contains(r));
    // A desk's head signing an interview, the desk glued to the rank (세계일보's `대담=김용출
    // 정치부장`, `… 사회부차장`): the name is the word before.
    let desk_rank = vocab::RANKS.iter().find(|r| {
        w.len() > r.len()
            && w.ends_with(**r)
            && (**r == "부장"
                || vocab::DESK_ENDINGS
                    .iter()
                    .any(|d| w[..w.len() - r.len()].ends_with(d)))
    });
    let name_before = |k: usize| {
        let name = words[k].rsplit(PLACE_MARKS).next().unwrap_or(words[k]);
        is_person_name(name)
    };
    if let Some(rank) = desk_rank.filter(|_| i > 0 && w == words[i] && name_before(i - 1)) {
        return Some((words[i - 1], rank));
    }
    match ROLES.iter().find(role_of) {
        // A role with its field glued before it (`홍길동 의학전문기자`): the name is the word
        // before.
        Some(role)
            if *role != "기자"
                && w.len() > role.len()
                && i > 0
                && is_person_name(words[i - 1])
                && w == words[i] =>
        {
            Some((words[i - 1], *role))
        }
        // Names glued to the role, one or several joined (`홍길동기자`, `김희민·이시명기자`).
        // A slash may join them too (`김태호/기자`, an old page's byline), or open a
        // sign-off (`/이정규기자`).
        Some(role) if w.len() > role.len() => {
            slashed_names(&w[..w.len() - role.len()]).map(|names| (names, *role))
        }
        Some(role) if w == *role && i > 0 => Some((words[i - 1], *role)),
        _ => None,
    }
}

/// What ends a place written before a reporter's name: `=`, a bar full-width (경향신문's
/// `이스탄불｜변지형`) or in ASCII (경향신문 2007's `〈대전|김태완·정유미기자 …〉`).
const PLACE_MARKS: [char; 3] = ['=', '｜', '|'];

/// The names without the place before them: after a `=` (`제주=홍길동`) or a full-width bar
/// (경향신문's `이스탄불｜변지형`), or a slash (한겨레's
/// `창원/김영동 기자`, `대전/최예린`) where a city's two syllables come before a full
/// three-syllable name (two reporters joined by a slash are both full names: `홍길동/김철수`),
/// or a list of them (한겨레 2009's `부산/김광수, 이정민 기자`).
fn without_place(name_part: &str) -> &str {
    let name_part = name_part.rsplit(PLACE_MARKS).next().unwrap_or(name_part);
    let full_names = |names: &str| {
        let mut names = names.split(&[',', '·', '・', 'ㆍ'][..]).map(str::trim);
        names
            .next()
            .is_some_and(|first| first.chars().count() == 3 && is_korean_name(first))
            && names.all(is_korean_name)
    };
    match name_part.split_once('/') {
        Some((place, names))
            if place.chars().count() == 2 && has_name_shape(place) && full_names(names) =>
        {
            names
        }
        _ => name_part,
    }
}

/// Names glued before a role (`홍길동`, `김희민·이시명`), a slash before or after them
/// (`/이정규`, `김태호/`) taken off: the names, when every one is a Korean name.
fn slashed_names(glued: &str) -> Option<&str> {
    let names = glued.strip_prefix('/').unwrap_or(glued);
    let names = names.strip_suffix('/').unwrap_or(names);
    names
        .split(REPORTER_SEPARATORS)
        .all(is_korean_name)
        .then_some(names)
}

/// Splits a sign-off from the end of the last paragraph: `… 말했다. 정희경 기자`,
/// `… 밝혔다./연합뉴스`, `(끝)`, a trailing reporter email. Returns (text without it, sign-off).
pub fn split_signoff(paragraph: &str) -> Option<(String, String)> {
    // (An end mark is given back as the sign-off, `/` taken off: `(END)`, `연합뉴스`; see
    // [`is_end_mark`].)
    let p = paragraph.trim_end();
    for end_mark in vocab::END_MARKS {
        if let Some(rest) = p.strip_suffix(end_mark) {
            return Some((
                rest.trim_end().to_string(),
                end_mark.trim_start_matches('/').to_string(),
            ));
        }
    }
    // The last few words: `이름 기자`, `이름 기자 email`, `이름기자`.
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    for take in (1..=3).rev() {
        if words.len() <= take {
            continue;
        }
        let tail = words[words.len() - take..].join(" ");
        if tail.chars().count() > 60 {
            continue;
        }
        if let Some(Byline {
            printed: byline, ..
        }) = parse_byline(&tail)
        {
            // The tail must be the byline and nothing else (no sentence ending inside it).
            if !tail.contains('.') || find_email(&tail).is_some() {
                let first = words[words.len() - take];
                let head = p
                    .rmatch_indices(first)
                    .find(|(pos, _)| crate::markup::fold_whitespace(&p[*pos..]) == tail)
                    .map_or_else(
                        || words[..words.len() - take].join(" "),
                        |(pos, _)| p[..pos].trim_end().to_string(),
                    );
                return Some((head, byline));
            }
        }
    }
    // A bare name after a slash closing the last sentence (중부매일 2014's `… 말했다. / 김정하`).
    let (name, rest) = words.split_last()?;
    let (name, rest) = match name.strip_prefix('/') {
        Some(glued) => (glued, rest),
        None => (*name, rest.strip_suffix(&["/"])?),
    };
    (rest.last()?.ends_with('.') && name.chars().count() == 3 && is_person_name(name)).then(|| {
        let at = p.rfind('/').unwrap_or(p.len());
        (p[..at].trim_end().to_string(), name.to_string())
    })
}

/// A dateline opening the story: `[비즈니스포스트]` → `비즈니스포스트`, `(서울=연합뉴스)` →
/// `서울=연합뉴스`, `[엔터미디어=홍길동]`.
pub fn dateline(first_paragraph: &str) -> Option<String> {
    let p = first_paragraph.trim_start();
    let (open, close) = match p.chars().next()? {
        '[' => ('[', ']'),
        '(' => ('(', ')'),
        '【' => ('【', '】'),
        _ => return None,
    };
    let inner_end = p.find(close)?;
    let inner = &p[open.len_utf8()..inner_end];
    let n = inner.chars().count();
    if (2..=30).contains(&n)
        && has_hangul(inner)
        && !inner.contains("사진")
        && !is_series_label(inner.trim())
    {
        Some(without_reporter(inner.trim()).to_string())
    } else {
        None
    }
}

/// A dateline without the reporter it names (`세종=아시아경제 주상돈 기자` → `세종=아시아경제`):
/// the reporter belongs to the byline. A bracket that is only a reporter stays as it is.
fn without_reporter(inner: &str) -> &str {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    // `OSEN=박준형 기자`: the reporter glued to the outlet by `=`.
    if let [.., glued, role] = words.as_slice() {
        if let Some((outlet, name)) = glued.rsplit_once('=') {
            if ROLES.contains(role) && is_korean_name(name) && !outlet.is_empty() {
                let cut = inner.rfind(*glued).unwrap_or(0) + outlet.len();
                return inner[..cut].trim_end();
            }
        }
    }
    let cut = match words.last().and_then(|_| name_and_role(&words, last)) {
        // `… 이름 기자`
        Some((name, role)) if words[last] == role && is_korean_name(name) => 2,
        // `… 이름기자`
        Some((_, role)) if words[last] != role => 1,
        _ => 0,
    };
    if cut == 0 || cut >= words.len() {
        return inner;
    }
    // The removed words are the last ones: the first of them starts where the reporter does.
    let reporter_at = inner.rfind(words[words.len() - cut]).unwrap_or(inner.len());
    // `[OSEN=대전, 지형준 기자]`: the comma before the reporter goes with them.
    inner[..reporter_at]
        .trim_end()
        .trim_end_matches(',')
        .trim_end()
}

/// A label of a kind of story (`[단독]`, `[속보]`, `[이슈+]`, `[포토]`), not a place or outlet.
fn is_series_label(inner: &str) -> bool {
    let core = inner.trim_end_matches(&['+', '…', '.', ' '][..]);
    inner.contains('+') || vocab::SERIES_LABELS.contains(&core) || core.starts_with("종합")
}

/// The reporters a TV anchor hands the report to, in the transcript's first lines (SBS's `…
/// 한지연 기자입니다.`, KBS's `이정훈, 김세희 기자가 차례로 보도합니다.`): the names just before
/// the hand-off's words.
pub fn anchor_handoff(text: &str) -> Option<Byline> {
    let mut end = text.len().min(HANDOFF_SEARCH_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let at = vocab::HANDOFF_PHRASES
        .iter()
        .filter_map(|p| head.find(p))
        .min()?;
    // The last name, and the names listed before it with a comma where they open the
    // sentence (`이정훈, 김세희 기자가 …`; not a clause's end: `… 하는데, 윤상훈 기자가 …`).
    let mut words = head[..at].split_whitespace().rev().peekable();
    let mut names = vec![words.next().filter(|w| is_person_name(w))?];
    let mut listed = Vec::new();
    while let Some(w) =
        words.next_if(|w| w.strip_suffix(&[',', '·'][..]).is_some_and(is_person_name))
    {
        listed.push(w);
    }
    let opens_sentence = words
        .next()
        .is_none_or(|w| w.ends_with(&['.', '?', '!', '"', '”', '>', ']', '▶'][..]));
    if opens_sentence {
        names.extend(listed);
    }
    names.reverse();
    let mut line = names.join(" ");
    line.push_str(" 기자");
    parse_byline(&line)
}

/// The hand-off is looked for in the transcript's first bytes (the anchor's lead).
const HANDOFF_SEARCH_BYTES: usize = 1500;

/// The reporter named where the story opens: `(서울=연합뉴스) 홍길동 기자 = …`,
/// `[서울=뉴시스]홍길동 기자 = …`, `[세종=아시아경제 주상돈 기자] …`, `[이데일리 홍길동 기자] …`.
pub fn lead_byline(first_paragraph: &str) -> Option<Byline> {
    let p = first_paragraph.trim_start();
    let (close, rest) = match p.chars().next()? {
        '[' => (']', &p[1..]),
        '(' => (')', &p[1..]),
        '【' => ('】', &p['【'.len_utf8()..]),
        _ => return reporter_before_lead(p),
    };
    let end = rest.find(close)?;
    let inner = &rest[..end];
    if inner.chars().count() <= 40 {
        // The outlet before a `=`, a `|` or a `ㅣ` (`[더팩트ㅣ최승현 기자]`) is no name; nor the
        // place after it (`[OSEN=인천공항, 민경태 기자]`: not a three-syllable name).
        let names = inner.rsplit(&['=', '|', 'ㅣ'][..]).next().unwrap_or(inner);
        let names = match names.split_once(',') {
            // (A reporter before the comma is one of the list: `[시사저널e=김도형 기자, 이서연
            // 인턴기자]`.)
            Some((place, rest))
                if inner.contains('=')
                    && place.trim().chars().count() != 3
                    && !ROLES.iter().any(|r| place.ends_with(r)) =>
            {
                rest
            }
            _ => names,
        };
        // (Names a space apart before one role, the outlet's name first: `[이데일리 이윤화 정두리
        // 기자]`; not after a `=` or a comma, where places come first: `[OSEN=서울 구로 …]`.)
        let spaced = || {
            let (_, named) = names.trim_start().split_once(' ')?;
            (!inner.contains(&['=', ','][..]))
                .then(|| parse_reporters(named, true))?
                .filter(|found| found.authors.len() > 1)
        };
        if let Some(found) = spaced().or_else(|| parse_byline(names)) {
            return Some(found);
        }
    }
    // After the bracket: `홍길동 기자 =` (the `=` within a few words).
    let after = rest[end + close.len_utf8()..].trim_start();
    let eq = after.find('=')?;
    let head = &after[..eq];
    if head.chars().count() > 30 || head.contains(&['.', '"', '“'][..]) {
        return None;
    }
    parse_reporters(head, true).or_else(|| {
        // An English lead in the wire's Korean form (뉴시스 2014's `【Seoul=Newsis】Yoon Hae-jin =
        // …`): a romanized name, its given name hyphenated.
        let name = head.trim();
        let words: Vec<&str> = name.split(' ').collect();
        let romanized = (2..=3).contains(&words.len())
            && name.contains('-')
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            });
        romanized.then(|| Byline {
            authors: vec![Author {
                name: name.to_string(),
                role: None,
                email: None,
            }],
            printed: name.to_string(),
        })
    })
}

/// A wire's reporter opening the lead without its dateline (`홍길동 기자 = 서울 지하철 …`, the
/// dateline printed apart or left out by a copy): a few words that end with a role, then `=`.
fn reporter_before_lead(p: &str) -> Option<Byline> {
    let (head, _) = p.split_once('=')?;
    let head = head.trim_end();
    (head.chars().count() <= 30
        && !head.contains(&['.', '"', '“', '['][..])
        && ROLES.iter().any(|r| head.ends_with(r)))
    .then(|| parse_reporters(head, false))
    .flatten()
}

/// Whether a name from the page's metadata (`og:article:author`, JSON-LD) is an organisation
/// rather than a person: the outlet (`YTN`, `한겨레`, the site's own name), a portal copy
/// (`머니투데이 | 네이버`), an acronym of capitals (`MBC`, `JTBC`), a name ending as
/// outlets do (`연합뉴스TV`, `서울신문`), or one in Latin letters with an outlet's word
/// (`Korea JoongAng Daily`).
pub fn is_organisation(name: &str, site_name: Option<&str>) -> bool {
    let n = name.trim();
    if n.is_empty() {
        return false;
    }
    let lower = n.fold_case();
    let same_as_site = site_name.is_some_and(|s| {
        let s = s.trim().fold_case();
        !s.is_empty() && (s == lower || s.contains(&lower) || lower.contains(&s))
    });
    if vocab::WIRE_SHORT_NAMES.contains(&n) {
        return true;
    }
    let acronym = (2..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_uppercase());
    // A single Latin word (`Newsis`, `Yonhap`, `News1`): an outlet's name; a person's
    // romanized name has two words at least (`Kim Se-jin`).
    let latin_word = n.len() >= 3
        && n.bytes().all(|b| b.is_ascii_alphanumeric())
        && n.starts_with(|c: char| c.is_ascii_uppercase());
    // A name in Latin letters with an outlet's word (`Korea JoongAng Daily`, `The Korea
    // Herald`); a romanized person's name has none.
    let latin_outlet = n.is_ascii()
        && lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| vocab::ORGANISATION_WORDS.contains(&w));
    let desk = n.chars().count() >= 4
        && n.chars().all(is_hangul_syllable)
        && vocab::DESK_PREFIXES.iter().any(|p| n.starts_with(p));
    same_as_site
        || acronym
        || desk
        || latin_word
        || latin_outlet
        || n.contains('|')
        || names_portal(&lower)
        || vocab::ORGANISATION_ENDINGS.iter().any(|e| {
            // (On a portal's copy a name-shaped one too: `국민일보` under `미디어다음`.)
            n.ends_with(e)
                && (!is_korean_name(n) || site_name.is_some_and(|s| names_portal(&s.fold_case())))
        })
}

/// A line that is only the outlet's name in brackets (`[서울신문]` opening 네이트's copy of a
/// story): its tag, no word of the story.
pub fn is_outlet_tag(line: &str) -> bool {
    let t = line.trim();
    let inner = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .or_else(|| t.strip_prefix('【').and_then(|r| r.strip_suffix('】')))
        .unwrap_or_default();
    !inner.is_empty()
        && inner.chars().count() <= 12
        && inner.chars().all(char::is_alphanumeric)
        && (is_organisation(inner, None)
            || vocab::ORGANISATION_ENDINGS
                .iter()
                .any(|e| inner.ends_with(e)))
}

/// Whether a lowercased name holds a portal's name as a word (`네이버 뉴스`, `머니투데이 |
/// 네이버`, `다음뉴스`, `미디어다음`).
pub fn names_portal(lower: &str) -> bool {
    // Daum's own label for the outlets' stories it carries (`og:site_name` `언론사 뷰`).
    vocab::PORTAL_SITE_LABELS.contains(&lower.trim())
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let w = w.strip_prefix("미디어").unwrap_or(w);
            // (Or its sports section's: `다음스포츠`.)
            let w = w
                .strip_suffix("뉴스")
                .or_else(|| w.strip_suffix("스포츠"))
                .unwrap_or(w);
            vocab::PORTALS.contains(&w)
        })
}

/// The outlet an organisation author names (`머니투데이 | 네이버` → `머니투데이`), for a page
/// that does not say its site name otherwise.
pub fn outlet_of(author: &str) -> Option<String> {
    let first = author.split('|').next()?.trim();
    (!first.is_empty() && !vocab::PORTALS.contains(&first.fold_case().as_str()))
        .then(|| first.to_string())
}

/// A broadcast's crew credits (`[영상취재 홍길동 / 영상편집 김철수]`, `영상취재: 이준호 /
/// 영상편집: 최서연`, `(촬영기자: 김민수)`, `영상취재: 변성중⏎영상편집: 송지영`, `화면출처 :
/// 유튜브 ‘어느채널’`): every part a crew role and a name (or a source). Parts are split by `/`, `,`, lines, or where the next role begins.
pub fn is_crew_credit(text: &str) -> bool {
    let bracketed = text.trim().starts_with('[') && text.trim().ends_with(']');
    let t = text
        .trim()
        .trim_matches(|c: char| "[]()<>【】".contains(c) || c.is_whitespace());
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    // A bracketed credit may name a larger crew (JTBC's `[영상취재 이학진 조용희 이완근 유연경
    // 영상편집 김지훈]`); a bare line, a few.
    let max_names = if bracketed { 6 } else { 3 };
    let (mut after_crew, mut crew) = (false, false);
    // Each credit may be in square brackets of its own (`[영상취재기자 : 정창훈] [영상편집 : 김동현]`),
    // or on a line in parentheses of its own (JTBC's `(화면제공 : …)⏎(영상디자인 : 김정은)`).
    // (Lines joined by a space: `(화면제공 : …) (영상디자인 : 김정은)`.)
    let t = if t.contains(") (") {
        std::borrow::Cow::Owned(t.replace(") (", ")\n("))
    } else {
        std::borrow::Cow::Borrowed(t)
    };
    let credits = t
        .split(&['/', ',', '·', '|', '\n', '[', ']'][..])
        .all(|part| {
            let part = part.trim();
            let part = match (part.strip_prefix('('), part.strip_suffix(')')) {
                (Some(inner), _) if !inner.contains(')') => inner,
                (_, Some(inner)) if !inner.contains('(') => inner,
                _ => part,
            };
            if part.is_empty() {
                return true;
            }
            // The reporter's line above the crew's (채널A's `김태우 기자 taewoo@donga.com⏎영상취재 :
            // 이승헌`).
            if !crew && part.len() <= 80 && !part.ends_with('.') && parse_byline(part).is_some() {
                return true;
            }
            // A name after `·` is one more of the role before it (`영상취재 : 김현상·윤형`).
            if after_crew && part.split_whitespace().all(is_korean_name) {
                return true;
            }
            // `영상취재: 변성중 영상편집: 송지영` (lines folded into one): a segment per role word.
            let (mut start, mut end) = (None, 0);
            for w in part.split_whitespace() {
                let at = w.as_ptr() as usize - part.as_ptr() as usize;
                match start {
                    Some(from) if is_crew_role(w) => {
                        let segment = &part[from..end];
                        // (Or the reporter's line the crew's follow on one line.)
                        let reporter = from == 0 && !crew && parse_byline(segment).is_some();
                        if !crew_part(segment, max_names) && !reporter {
                            return false;
                        }
                        start = Some(at);
                    }
                    None => start = Some(at),
                    _ => {}
                }
                end = at + w.len();
            }
            after_crew = start.is_some_and(|from| crew_part(&part[from..end], max_names));
            crew |= after_crew;
            after_crew
        });
    credits && crew
}

/// A crew role's word, its colon glued or not (`영상취재`, `영상편집:`).
fn is_crew_role(word: &str) -> bool {
    vocab::CREW_ROLES.contains(&word.trim_end_matches(&[':', '：'][..]))
}

/// One crew credit: a role and one or a few names, `max_names` at most (`영상취재 홍길동 김민수`,
/// `촬영기자: 김민수`).
fn crew_part(part: &str, max_names: usize) -> bool {
    let part = part.trim();
    vocab::CREW_ROLES.iter().any(|r| {
        part.strip_prefix(r).is_some_and(|rest| {
            let rest = rest.trim_start_matches(&[':', '：', '=', ' '][..]).trim();
            !rest.is_empty()
                && rest.split_whitespace().count() <= max_names
                && rest.split_whitespace().all(|w| {
                    // A place after the name (`박용준(워싱턴)`, a correspondent's cameraman).
                    let w = w
                        .strip_suffix(')')
                        .and_then(|r| r.split_once('('))
                        .map_or(w, |(name, _)| name);
                    is_korean_name(w)
                        || w.chars()
                            .all(|c| c.is_alphabetic() || "‘’'\"“”".contains(c))
                            && w.chars().count() <= CREW_WORD_MAX_CHARS
                })
        })
    })
}

/// A crew credit's word that is no name is a source's (`전국물류센터노동조합`) at most this long.
const CREW_WORD_MAX_CHARS: usize = 12;

/// A line of a tip-line promo (`▷ 전화 02-398-3000`, `▷ 이메일 jebo@yna.co.kr`, `▷ 카카오톡
/// @jebo`, `제보는 카카오톡 okjebo`): a pointer or a contact word first, and a way to reach the
/// newsroom (a number, an address, a link, a messenger ID).
pub fn is_tip_promo_line(text: &str) -> bool {
    tip_line(text, true)
}

/// A tip line (`need_pointer`), or a contact line under a promo's slogan, which needs no
/// pointer (`이메일 : jebo@cbs.co.kr`, `사이트 : https://…`).
fn tip_line(text: &str, need_pointer: bool) -> bool {
    let t = text.trim();
    // A line about tips says how to send them in a sentence at most (`▶제보는 카카오톡 '…' 채널
    // 추가 후 메시지, 전화 064-…, 이메일 jebo@…로 보내주시면 적극 취재하겠습니다.`).
    let limit = if t
        .trim_start_matches(|c| vocab::TIP_POINTERS.contains(&c) || c == ' ')
        .starts_with("제보")
    {
        TIP_SENTENCE_MAX_CHARS
    } else {
        TIP_LINE_MAX_CHARS
    };
    if t.is_empty() || t.chars().count() > limit {
        return false;
    }
    // A pointer, or a contact word in brackets (`[전화] 02-398-8585`, `[메일] social@ytn.co.kr`).
    let bracketed = t.strip_prefix('[').is_some_and(|r| {
        vocab::CONTACT_WORDS
            .iter()
            .any(|w| r.strip_prefix(w).is_some_and(|r| r.starts_with(']')))
    });
    // A press release's contact line is wrapped in angle brackets (`<문의 : 행정안전부 …>`).
    // (Or labelled: a public office's `문의 : 미래한강본부 한강공원보전과 02-3780-0765`.)
    let labelled = t
        .strip_prefix("문의")
        .is_some_and(|r| r.trim_start().starts_with(&[':', '：'][..]));
    let pointed = bracketed || labelled || t.starts_with(vocab::TIP_POINTERS) || t.starts_with('<');
    let body = t
        .trim_start_matches(|c| vocab::TIP_POINTERS.contains(&c) || c == '<' || c == ' ')
        .trim();
    let body = body.trim_start_matches(&['[', '('][..]);
    // The contact word first, or after the outlet's name (`※ SBS 뉴스 제보 : 카카오톡 …`).
    let contact_first = body
        .split_whitespace()
        .take(3)
        .any(|word| vocab::CONTACT_WORDS.iter().any(|w| word.starts_with(w)));
    let reachable = body.contains('@')
        || body.contains("http")
        || has_phone_number(body)
        || body.contains("카카오톡")
        || body.contains("카톡");
    // `제보` as a word of its own after the outlet's name (`스타뉴스 단독 제보 star@…`, `[위키트리
    // 제보] 카카오톡 …`) heads the line as a pointer does; a story says `제보를`, `제보가`.
    let tip_label = body
        .split_whitespace()
        .take(3)
        .any(|w| w.trim_end_matches(&[']', ':'][..]) == "제보");
    (pointed || body.starts_with("제보") || tip_label || !need_pointer)
        && contact_first
        && reachable
}

/// Whether a text holds a phone number as printed: digits, a `-` or `)`, three digits or more
/// (`02-398-3000`, `1588-1234`, `02)784-4000`); a year (`2023년`) is none.
fn has_phone_number(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len()).any(|i| {
        matches!(b[i], b'-' | b')')
            && b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count()
                >= 2
            && b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count() >= 3
    })
}

/// A slogan is a sentence or two (`※CBS노컷뉴스는 여러분의 제보로 함께 세상을 바꿉니다. 각종 비리와
/// 부당대우, 사건사고와 미담 등 모든 얘깃거리를 알려주세요.`).
const TIP_SLOGAN_MAX_CHARS: usize = 100;

/// A tip line is short (`▷ 전화 02-398-8585`) …
const TIP_LINE_MAX_CHARS: usize = 60;
/// … or, when it opens with `제보`, one sentence.
const TIP_SENTENCE_MAX_CHARS: usize = 150;

/// A slogan heading a tip-line promo (`MBC 뉴스는 24시간 여러분의 제보를 기다립니다.`, `※
/// '당신의 제보가 뉴스가 됩니다'`): a short line with one of [`vocab::TIP_SLOGANS`].
#[inline(never)] // two readers: one copy keeps the .wasm small
pub fn is_tip_slogan(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= TIP_SLOGAN_MAX_CHARS
        && vocab::TIP_SLOGANS
            .iter()
            .any(|s| crate::markup::contains(t, s))
}

/// A block of tip-line promo lines (`▷ 전화 …▷ 이메일 …▷ 카카오톡 …`, the lines joined or on
/// lines of their own, under a slogan or not: `※ '당신의 제보가 뉴스가 됩니다' [카카오톡] … [전화]
/// 02-398-8585 [메일] social@ytn.co.kr`): every part a tip line or a slogan, one at least a way
/// to reach the newsroom.
pub fn is_tip_promo_block(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 300 {
        return false;
    }
    // A slogan, in a sentence of its own or not, and where to send the tip (뉴시스's `… 소중한
    // 제보를 기다립니다. … 사진영상부(n-photo@newsis.com, 02-721-7470)로 보내주시면 …`, YTN's `※
    // '당신의 제보가 뉴스가 됩니다' YTN 사이언스 제보 : science@ytn.co.kr, 02-398-8934`).
    let (slogan, how) = t.find(". ").map_or((t, t), |at| t.split_at(at));
    if is_tip_slogan(slogan) && (how.contains('@') || has_phone_number(how)) {
        return true;
    }
    // A desk's call for claims to check, asking for them at its address in its last sentence.
    let request = how.trim_end_matches('.');
    if how.contains('@') && vocab::TIP_REQUESTS.iter().any(|r| request.ends_with(r)) {
        return true;
    }
    let parts = promo_parts(t);
    if parts.len() <= 1 {
        return is_tip_promo_line(t);
    }
    // Under a slogan, a contact line needs no pointer.
    let need_pointer = !parts.iter().any(|l| is_tip_slogan(l));
    let tips = parts.iter().filter(|l| tip_line(l, need_pointer)).count();
    // Two ways to reach the newsroom or more make the block a promo whatever else its short
    // lines say (`☞더팩트 뉴스 제보 ▶ 카카오톡: … ▶ 이메일: … - 네이버 메인 더팩트 구독하고
    // [특종보자▶]`), so long as none is a sentence of a story.
    let other =
        |l: &&str| tips >= 2 && l.chars().count() <= TIP_LINE_MAX_CHARS + 20 && !l.contains("다.");
    parts.len() <= 8
        && tips >= 1
        && parts
            .iter()
            .all(|l| tip_line(l, need_pointer) || is_tip_slogan(l) || other(l))
}

/// A tip box under its label (`[중도일보 독자 제보] 카카오톡 채널 '중도일보' / 전화 042-…`,
/// `민중의소리 기사제보 카카오톡 … · 이메일 jebo@…`, `데일리NK 제보 … 제보를 기다립니다. …
/// 이메일 …`): it opens with a label naming tips (see [`tip_box_label`]), and in a few short
/// lines gives a way to reach the newsroom, by a contact word and an address or a number.
pub fn is_tip_box(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= TIP_BOX_MAX_CHARS
        && tip_box_label(t).is_some()
        && vocab::CONTACT_WORDS
            .iter()
            .any(|w| *w != "제보" && t.contains(w))
        && (t.contains('@') || has_phone_number(t))
}

/// A line that is only a tip box's label (`민중의소리 기사제보`, `[무등일보 독자 제보]`).
pub fn is_tip_label(text: &str) -> bool {
    let t = text.trim();
    tip_box_label(t).is_some_and(|label| {
        label.len() + 2 >= t.len() // the brackets around it
    })
}

/// The label a tip box opens with: `[… 제보]` in brackets, or up to three words the last of
/// which is `제보` or ends with it (`기사제보`, `독자제보`; a story writes `제보를`, `제보가`).
fn tip_box_label(t: &str) -> Option<&str> {
    // (After a mark opening the box: `■ 보안 사건사고 제보 하기`.)
    let t = t.trim_start_matches(vocab::TIP_POINTERS).trim_start();
    if let Some((inner, _)) = t.strip_prefix('[').and_then(|r| r.split_once(']')) {
        let inner = inner.trim();
        return (inner.ends_with("제보") && inner.chars().count() <= TIP_LABEL_MAX_CHARS)
            .then_some(inner);
    }
    let mut end = 0;
    for word in t.split_whitespace().take(3) {
        let at = end + t[end..].find(word)?;
        end = at + word.len();
        // The label's link glued to the contacts after it (`SBS 뉴스에 제보하기카카오톡 @…`).
        if let Some(label_end) = word.find("제보하기") {
            end = at + label_end + "제보하기".len();
        }
        if t[..end].ends_with("제보") || t[..end].ends_with("제보하기") {
            return (t[..end].chars().count() <= TIP_LABEL_MAX_CHARS).then_some(&t[..end]);
        }
    }
    None
}

/// A tip box's label is the outlet's name and a word or two.
const TIP_LABEL_MAX_CHARS: usize = 20;
/// A tip box is a label, a slogan and a few contacts.
const TIP_BOX_MAX_CHARS: usize = 250;

/// A promo split where each of its lines begins: a line break, a pointer (`▷`, `※`), or a
/// contact word in brackets (`[전화]`). Each part keeps its pointer.
fn promo_parts(t: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    for (i, c) in t.char_indices() {
        let starts = match c {
            c if vocab::TIP_POINTERS.contains(&c) => true,
            '[' => vocab::CONTACT_WORDS.iter().any(|w| {
                t[i + 1..]
                    .strip_prefix(w)
                    .is_some_and(|r| r.starts_with(']'))
            }),
            // A labelled way to reach the newsroom after a line's words (`… 알려주세요. 이메일
            // : jebo@…`), the lines of a `<br>`-split block read as one (`제보 :` is the
            // topic, not a way: `※ SBS 뉴스 제보 : 카카오톡 …` is one line; `▷ 전화 : …` is
            // one line too).
            _ if t[..i].ends_with(' ')
                && cuts
                    .last()
                    .is_some_and(|&from| t[from..i].chars().any(char::is_alphanumeric)) =>
            {
                // After a sentence, a contact word begins a line of its own (`… 제보를
                // 기다립니다. 제보 055-250-0100, 카카오톡 …`).
                let after_sentence = t[..i].trim_end().ends_with(&['.', '!'][..]);
                vocab::CONTACT_WORDS.iter().any(|w| {
                    t[i..].strip_prefix(w).is_some_and(|r| {
                        after_sentence
                            || *w != "제보" && r.trim_start().starts_with(&[':', '：'][..])
                    })
                })
            }
            _ => false,
        };
        if starts && i > 0 {
            cuts.push(i);
        }
        if c == '\n' {
            cuts.push(i + 1);
        }
    }
    cuts.push(t.len());
    cuts.windows(2)
        .map(|w| t[w[0]..w[1]].trim())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A line of the print edition (`발행일 2024-06-28 제3면`, `신문게재 2023-06-20 12면`): one of
/// [`vocab::PRINT_EDITION_LABELS`], then a date and the page (`제3면`, `A12면`) only.
#[inline(never)] // rare: keeps the date-line check it joins small enough to inline
pub fn is_print_edition_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let label = words.next().unwrap_or("").trim_end_matches(':');
    let is_page = |w: &str| {
        let digits = w
            .trim_start_matches('제')
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .trim_end_matches('면');
        w.ends_with('면') && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let rest: Vec<&str> = words.filter(|w| !is_page(w)).collect();
    vocab::PRINT_EDITION_LABELS.contains(&label)
        && (rest.is_empty() || crate::date::is_date_like(&rest.join(" ")))
        || is_issue_line(text)
}

/// A print issue's line: the paper's name, the date, the issue and the page (`가톨릭평화신문
/// 2024-05-19 [제1764호, 5면]`): a short line with a date and an issue number (`제…호`), or all
/// in brackets with the page (`[한국일보 2015.09.03 19면]`, `[동아일보] 2020년 10월 13일 A12면`).
fn is_issue_line(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "[](),".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let name_words = words
        .iter()
        .take_while(|w| !w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    // Or the paper's name in brackets and the page (`[한국일보 2015.09.03 19면]`).
    let bracketed_page = text.trim().starts_with('[') && words.iter().any(|w| is_numbered(w, "면"));
    let numbered = words.iter().any(|w| is_numbered(w, "호"));
    let issue = numbered || bracketed_page;
    let date: Vec<&str> = words[name_words..]
        .iter()
        .filter(|w| !is_numbered(w, "호") && !is_numbered(w, "면"))
        .copied()
        .collect();
    // A magazine's issue number alone (한겨레21's `제1522호` beside the byline).
    if let [only] = words.as_slice() {
        return only.starts_with('제') && is_numbered(only, "호");
    }
    issue
        && name_words <= 2
        && text.chars().count() <= ISSUE_LINE_MAX_CHARS
        && !date.is_empty()
        // (A link may follow an issue's date: `202111호 (2021.10.17) 목차보기`.)
        && (crate::date::is_date_like(&date.join(" "))
            || numbered && crate::date::is_date_like(date[0]))
}

/// The outlet's box on asking for a correction (see [`vocab::OMBUDSMAN_MARKS`]), a short one.
pub fn is_ombudsman_notice(text: &str) -> bool {
    text.len() <= 600 && vocab::OMBUDSMAN_MARKS.iter().any(|m| text.contains(m))
}

/// A machine summary's note, wherever it stands (`TP AI 유의사항: TokenPost.ai 기반 언어 모델을
/// 사용하여 기사를 요약했습니다. …`): a short line that says, as a notice does, that the
/// article was summarized. Quoted words are a story's.
pub fn is_summary_notice(text: &str) -> bool {
    text.len() < 300
        && !text.contains(&['"', '“', '”'][..])
        && vocab::SUMMARY_NOTICE_VERBS.iter().any(|v| text.contains(v))
}

/// A machine summary's note under its points (`AI가 기사 내용을 요약했습니다.`, `※ 이 요약은 AI가
/// 기사 본문을 바탕으로 작성했으며 …`): a short line naming AI and a summary.
pub fn is_generated_summary_note(line: &str) -> bool {
    // (A Korean outlet's English edition: `This summary was generated by AI …`.)
    line.len() < 300 && line.contains("AI") && (line.contains("요약") || line.contains("ummar"))
}

/// A number as a print edition writes it, `제` or a section's letter before it or not, and its
/// unit after it (`제1764호`, `5면`, `A12면`).
fn is_numbered(word: &str, unit: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c == '제' || c.is_ascii_uppercase());
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    n > 0 && &digits[n..] == unit
}

/// An issue's line is a few words.
const ISSUE_LINE_MAX_CHARS: usize = 50;

/// A summary box a machine wrote, by the label it opens with (`AI 요약`, see
/// [`vocab::GENERATED_SUMMARY_LABELS`]): neither the outlet's deck nor the story.
pub fn is_generated_summary(text: &str) -> bool {
    // Compared in place: the article's every small box is asked (no lowercased copy).
    let t = text.trim_start().as_bytes();
    vocab::GENERATED_SUMMARY_LABELS.iter().any(|label| {
        t.get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label.as_bytes()))
    })
}

/// A note the outlet adds about the article itself, where it was printed, who paid for it,
/// how it was written (`※ 이 기사는 전자신문 지면 3면에 게재됐습니다.`, `※ 이 기사는 AI 기술을
/// 활용해 작성했습니다.`): `※` and [`vocab::ARTICLE_NOTICE_OPENINGS`], in a sentence or two.
pub fn is_article_notice(text: &str) -> bool {
    // 오마이뉴스 labels it (`덧붙이는 글 | 이 기사는 필자의 브런치에도 실립니다.`).
    let t = text.trim();
    // Under its label, whatever the author adds is a note, in as many sentences as it takes.
    if let Some(note) = vocab::ARTICLE_NOTE_LABELS
        .iter()
        .find_map(|l| t.trim_start_matches(&['※', '*'][..]).strip_prefix(l))
        .map(|rest| rest.trim_start_matches(&[' ', '|', ':'][..]))
    {
        return !note.is_empty() && note.chars().count() <= ARTICLE_NOTICE_MAX_CHARS;
    }
    // In brackets (`[본 기사는 매경이코노미 제2235호 (…) 기사입니다]`, `<본 기사는 …>`).
    let t = [('[', ']'), ('<', '>'), ('〈', '〉'), ('(', ')')]
        .iter()
        .find_map(|&(open, close)| t.strip_prefix(open)?.strip_suffix(close))
        .map_or(t, str::trim);
    // Without its `※` (or `*`), a note is one sentence that says where the article ran (`이
    // 기사는 2024년 06월 10일 07:35 thebell에 표출된 기사입니다.`).
    let (note, marked) = match t.strip_prefix(&['※', '*'][..]) {
        Some(note) => (note.trim_start(), true),
        None => (t, false),
    };
    let sentence = note.trim_end_matches('.');
    let disclaimer = || {
        vocab::EDITORIAL_LINE_WORDS.iter().any(|w| note.contains(w))
            && vocab::DISCLAIMER_ENDINGS
                .iter()
                .any(|e| sentence.ends_with(e))
    };
    let investment = || {
        vocab::INVESTMENT_NOTICE_WORDS
            .iter()
            .any(|w| note.contains(w))
    };
    let marked_note = || vocab::MARKED_NOTE_WORDS.iter().any(|w| note.contains(w));
    t.chars().count() <= ARTICLE_NOTICE_MAX_CHARS
        && (disclaimer()
            || marked && marked_note()
            || vocab::ARTICLE_NOTICE_OPENINGS
                .iter()
                .any(|o| note.starts_with(o))
                && (marked || investment() || says_where_it_ran(sentence)))
}

/// Whether an unmarked note says where the article ran, in one sentence (`이 기사는 … thebell에
/// 표출된 기사입니다`) or with more said as politely, as a story never is (뉴스핌's `이 기사는 …
/// GAM에 출고된 프리미엄 기사입니다. GAM에서 회원 가입을 하면 … 보실 수 있습니다`).
fn says_where_it_ran(note: &str) -> bool {
    let (first, more) = note.split_once(". ").unwrap_or((note, ""));
    vocab::ARTICLE_NOTICE_ENDINGS
        .iter()
        .any(|e| first.ends_with(e.trim_end_matches('.')))
        && more
            .split(". ")
            .all(|s| s.is_empty() || s.trim_end_matches('.').ends_with("니다"))
}

const ARTICLE_NOTICE_MAX_CHARS: usize = 200;

/// A credit printed alone as a line (`(사진=연합뉴스)`, `[자료사진=뉴스1]`, `(사진 제공:
/// 국토부)`, `사진=백승철 기자`): a credit label, `=` or `:` (in brackets; `=` without), and
/// a short source.
pub fn is_credit_line(text: &str) -> bool {
    // (A slash may open it, as it opens sign-offs: `/사진=테스트일보 DB`; or a note's mark,
    // under a table: `※ 자료 : 한국은행`.)
    let t = text.trim();
    let t = t.trim_start_matches(&['/', '※'][..]).trim_start();
    // A credit shaped as a hashtag (점프볼's `#사진_KBL 제공`, `#사진_점프볼 DB(유용우 기자)`).
    if let Some((label, source)) = t.strip_prefix('#').and_then(|r| r.split_once('_')) {
        let source = source.trim();
        return vocab::CREDIT_LABELS.contains(&label)
            && !source.is_empty()
            && source.chars().count() <= CREDIT_SOURCE_MAX_CHARS;
    }
    // A picture's few words before its credit (`가수 하윤슬 / 사진 제공 = 블루웨이브…`).
    if let Some((caption, credit)) = t.rsplit_once(" / ") {
        // (Not the reporters' sign-off before the graphic's credit: `홍길동·김철수 기자 /
        // 그래픽=이영희 기자`.)
        if caption.chars().count() <= CREDIT_SOURCE_MAX_CHARS
            && !caption.contains(&['.', '/'][..])
            && is_credit_line(credit)
            && parse_byline(caption).is_none()
        {
            return true;
        }
    }
    // A bracketed label, then the source (OSEN's `[사진] tvN 제공, 방송화면 캡처`).
    if let Some((_, source)) = t
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .filter(|(label, _)| vocab::CREDIT_LABELS.contains(&label.trim()))
    {
        let source = source.trim();
        // (Or a picture's caption after `[사진]`: a press release's `[사진] 2019년 … 생태 쉼터`.)
        let max = if label_is_picture(t) {
            CAPTION_MAX_CHARS
        } else {
            CREDIT_SOURCE_MAX_CHARS
        };
        return !source.is_empty() && source.chars().count() <= max && !source.ends_with('.');
    }
    let inner = match (t.chars().next(), t.chars().last()) {
        (Some('('), Some(')')) | (Some('['), Some(']')) | (Some('<'), Some('>')) => {
            &t[1..t.len() - 1]
        }
        // Unbracketed with `=` or `:` (`사진=백승철 기자` under an SBS entertainment story,
        // `출처: 금융투자협회` under a table).
        _ if vocab::CREDIT_LABELS.iter().any(|l| {
            t.strip_prefix(l)
                .is_some_and(|r| r.trim_start().starts_with(&['=', ':'][..]))
        }) =>
        {
            t
        }
        _ => return false,
    };
    let Some(pos) = inner.find(&['=', ':'][..]) else {
        return false;
    };
    let (label, source) = (inner[..pos].trim(), inner[pos + 1..].trim());
    // The source's period or scope after it (`자료=한국거래소(8월 1~22일 기준)`).
    let source = source
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .map_or(source, |(s, _)| s.trim_end());
    vocab::CREDIT_LABELS.contains(&label)
        && !source.is_empty()
        && source.chars().count() <= CREDIT_SOURCE_MAX_CHARS
        && !source.contains(&['(', '[', '.'][..])
}

/// A CMS's placeholder for a picture, left unreplaced in the text (`#그림2오른쪽#`, `#사진1#`):
/// between hashes, the picture's word, its number and at most a position.
pub fn is_picture_placeholder(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('#')
        .and_then(|t| t.strip_suffix('#'))
    else {
        return false;
    };
    inner.chars().count() <= 12
        && vocab::PLACEHOLDER_WORDS.iter().any(|w| {
            inner
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// A credit's source is a few words (`연합뉴스`, `tvN 제공, 방송화면 캡처`).
const CREDIT_SOURCE_MAX_CHARS: usize = 30;

/// A wire service's note to editors opening the story (`(ATTN: ADDS more details …)`).
pub fn is_editor_note(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 400
        && t.ends_with(')')
        && vocab::EDITOR_NOTE_PREFIXES
            .iter()
            .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// Whether a bracketed line opens with the picture's label (`[사진] …`).
fn label_is_picture(line: &str) -> bool {
    line.strip_prefix("[사진]").is_some()
}

/// A picture's caption in a line of its own is a sentence's length at most.
const CAPTION_MAX_CHARS: usize = 80;

/// Whether a line lists a press release's attachments (`붙임 1. … 명단 1부.`, `붙임: …`).
pub fn is_attachment_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= CAPTION_MAX_CHARS
        && line
            .strip_prefix("붙임")
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(|c| c.is_ascii_digit() || c == ':')
}

/// Whether a line is a press release's contact field (`담당부서 자연환경생태정책과`, `연락처
/// 064-710-6781`): one of [`vocab::CONTACT_FIELD_LABELS`], a colon or not, and a short value.
pub fn is_contact_field(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= CONTACT_FIELD_MAX_CHARS
        && vocab::CONTACT_FIELD_LABELS.iter().any(|label| {
            line.strip_prefix(label)
                .map(|rest| rest.trim_start_matches(&[' ', ':', '：'][..]))
                .is_some_and(|value| !value.is_empty() && value.len() < line.len() - label.len())
        })
}

/// A contact field is a label and a department's name or a number.
const CONTACT_FIELD_MAX_CHARS: usize = 40;

/// Whether a line is two or more labels in brackets (`[명퇴의 정석] (종합)`): a kicker and a
/// story's kind, never a sentence. (One label alone may be a series' deck: 동아일보's
/// `[커버스토리/ 씨름, 부활의 샅바]`.)
pub fn is_bracketed_labels(line: &str) -> bool {
    let (mut labels, mut closer) = (0, None);
    for c in line.chars() {
        match closer {
            Some(end) if c == end => {
                closer = None;
                labels += 1;
            }
            Some(_) => {}
            None if c.is_whitespace() => {}
            None => {
                closer = Some(match c {
                    '[' => ']',
                    '(' => ')',
                    '【' => '】',
                    '<' => '>',
                    '〈' => '〉',
                    _ => return false,
                })
            }
        }
    }
    closer.is_none() && labels > 1
}

/// An email alone in brackets or as is (`[jang.gahui@mbn.co.kr]`, `(trigger@yna.co.kr)`).
fn bracketed_email(word: &str) -> Option<String> {
    let w = word.trim();
    let inner = w
        .strip_prefix(&['[', '(', '<'][..])
        .and_then(|r| r.strip_suffix(&[']', ')', '>'][..]))
        .unwrap_or(w);
    is_bare_email(inner).then(|| inner.trim().to_string())
}

/// A reporter's email closing a text, on its line or after the last sentence (`MBN뉴스
/// 안진우입니다. [tgar1@mbn.co.kr]`), or a photo desk's trailer after the caption sentence,
/// the date and the email after a slash (`… 시구를 하고 있다. 2023.04.07 /jpnews@osen.co.kr`):
/// the text before it and the email.
pub fn split_trailing_email(text: &str) -> Option<(String, String)> {
    let t = text.trim_end();
    // Spaces inside the brackets (`MBN뉴스 민경호입니다. [ min.kh@mbn.co.kr ]`).
    if let Some(open) = t.strip_suffix(" ]").and_then(|r| r.rfind("[ ")) {
        let inner = t[open + 1..t.len() - 1].trim();
        if is_bare_email(inner) {
            return Some((t[..open].trim_end().to_string(), inner.to_string()));
        }
    }
    let start = t
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |p| p + t[p..].chars().next().map_or(1, char::len_utf8));
    let word = &t[start..];
    let glued = word.strip_prefix('/');
    let email = match glued {
        Some(e) if is_bare_email(e) => e.to_string(),
        Some(_) => return None,
        // An email alone on the block's last line (한겨레's `…보고 싶다.<br>hrjung@hani.co.kr`).
        None if start == 0 && is_bare_email(word) => word.to_string(),
        None => bracketed_email(word)?,
    };
    let rest = t[..start].trim_end();
    // The photo desk's `2023.04.07 /` before the email goes with it.
    let desk = match glued {
        Some(_) => Some(rest),
        None => rest.strip_suffix('/').map(str::trim_end),
    }
    .and_then(|before| {
        let date_at = before.rfind(char::is_whitespace).map_or(0, |p| p + 1);
        is_dotted_date(&before[date_at..]).then(|| before[..date_at].trim_end())
    });
    match (desk, glued) {
        (Some(rest), _) => Some((rest.to_string(), email)),
        (None, None) => Some((rest.to_string(), email)),
        // Or after the last sentence (OSEN's `… 아쉽기도 하다. /seon@osen.co.kr`).
        (None, Some(_)) => rest
            .ends_with(&['.', '”', '"'][..])
            .then(|| (rest.to_string(), email)),
    }
}

/// A caption without the photo desk's date stamp that ends it (`… 만끽하고 있다. 2024.4.4`).
#[inline(never)] // two readers: one copy keeps the .wasm small
pub fn without_desk_date(caption: &str) -> Option<String> {
    let (text, stamp) = caption.trim_end().rsplit_once(' ')?;
    (stamp.contains('.') && crate::date::is_date_like(stamp)).then(|| text.trim_end().to_string())
}

/// `2023.04.07` (a day as a photo desk stamps it; a closing dot allowed).
fn is_dotted_date(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len())
            && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// Whether a sign-off is only an end mark (`(끝)`, `(END)`) or a wire's closing name
/// (`/연합뉴스`, given back without its slash): it names no reporter.
pub fn is_end_mark(signoff: &str) -> bool {
    let s = signoff.trim();
    vocab::END_MARKS
        .iter()
        .any(|m| *m == s || m.strip_prefix('/') == Some(s))
}

/// A block that only closes a story: emails and end marks (`kyongae.choi@yna.co.kr⏎(END)`,
/// `pkw4@newsis.com, kdh@newsis.com`). Returns the first email, if one is there.
pub fn closing_lines(text: &str) -> Option<Option<String>> {
    let mut email = None;
    let mut any = false;
    for line in text.split_whitespace() {
        any = true;
        if vocab::END_MARKS.contains(&line) {
            continue;
        }
        // OSEN signs `/nyc@osen.co.kr`.
        let e = bracketed_email(
            line.trim_start_matches('/')
                .trim_end_matches(&[',', ';', '·', '/'][..]),
        )?;
        email.get_or_insert(e);
    }
    any.then_some(email)
}

/// A sign-off line naming the reporter with an email and at most an outlet (`YTN 조예진
/// (choyj0622@ytn.co.kr)`, `홍길동 (hong@x.com)`): returns the email and the name, if the
/// line names a person.
pub fn signoff_with_email(text: &str) -> Option<(String, Option<String>)> {
    let t = text.trim();
    if t.chars().count() > 60 || t.contains('\n') {
        return None;
    }
    let email = find_email(t)?;
    let rest = t.replace(email.as_str(), " ");
    // (Every reporter's address goes: `◎공감언론 뉴시스 jaeheon@newsis.com, cys@newsis.com`.)
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || "()[]<>/|,".contains(c))
        .filter(|w| !w.is_empty() && !w.contains('@'))
        .collect();
    // (A contact line's label is no name: `◇ 이메일 : kbs1234@kbs.co.kr`.)
    let named = words
        .iter()
        .any(|w| is_korean_name(w) && !vocab::CONTACT_WORDS.contains(w));
    // The name, where a word is a person's (`◎공감언론 뉴시스 hong@newsis.com` names none); the
    // last before the email, after an outlet's words (`[YTN 사이언스 이동은 (dongeun@…)]`).
    let name = words
        .iter()
        .rev()
        .find(|w| is_person_name(w))
        .map(|w| w.to_string());
    let short = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            is_korean_name(w)
                || ROLES.contains(w)
                || w.chars().count() <= 8 && !w.contains(&['.', '?', '!', '"'][..])
        });
    (named && short).then_some((email, name))
}

/// A broadcast story's spoken sign-off closing its transcript (`KBS 뉴스 김수연입니다.`,
/// `MBC뉴스 구민지입니다.`, `YTN 조예진입니다.`, in English `Kim Ji-yeon, Arirang News.`): the
/// reporter's name. The sentence stays in
/// the text (the reporter says it); the outlet before the name is one or two words, each with
/// a capital letter or ending in `뉴스`, so `저는 홍길동입니다` is no sign-off.
#[inline(never)] // two readers: one copy keeps the .wasm small
pub fn spoken_signoff(text: &str) -> Option<String> {
    let t = text.trim_end().strip_suffix('.')?.trim_end();
    // The reporter's email in brackets after the name (`YTN 강민서[kangms@ytn.co.kr]입니다.`).
    let without_email;
    let t = match (t.rfind('['), t.rfind(']')) {
        (Some(open), Some(close)) if open < close && t[open..close].contains('@') => {
            without_email = format!("{}{}", &t[..open], &t[close + 1..]);
            &without_email
        }
        _ => t,
    };
    let sentence = t
        .rfind(&['.', '?', '!', '\n'][..])
        .map_or(t, |at| &t[at + 1..])
        .trim();
    // In English: the name, then the programme's (`Kim Ji-yeon, Arirang News.`).
    if let Some((name, programme)) = sentence.split_once(',') {
        let capitalized = name.split(' ').all(|w| {
            w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        });
        return (programme.ends_with(" News") && capitalized && name.contains(' '))
            .then(|| name.to_string());
    }
    // (A live report's closing names where it comes from first: YTN's `지금까지 사회부에서 YTN
    // 김종균입니다.`)
    let words: Vec<&str> = sentence
        .split_whitespace()
        .skip_while(|w| *w == "지금까지" || w.ends_with("에서"))
        .collect();
    let (last, outlet) = words.split_last()?;
    let name = last.strip_suffix("입니다")?;
    // (The outlet's name in Hangul before its `뉴스`: UBC's `유비씨 뉴스 이돈욱입니다.`)
    let outlet_word = |w: &&str| w.chars().any(|c| c.is_ascii_uppercase()) || w.ends_with("뉴스");
    ((1..=2).contains(&outlet.len())
        && outlet.last().is_some_and(outlet_word)
        && is_korean_name(name))
    .then(|| name.to_string())
}

/// A sign-off of the reporter's bare name and the photo's source (`박노준 / 사진출처 송중기
/// 인스타그램`, `홍길동 기자 / 사진=뉴스1`): returns the name.
pub fn signoff_with_credit(text: &str) -> Option<String> {
    let t = text.trim();
    if t.chars().count() > 60 || t.contains('\n') {
        return None;
    }
    let mut parts = t.split(&['/', '|'][..]).map(str::trim);
    let first = parts.next()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let name = match words.as_slice() {
        [name] if is_korean_name(name) => *name,
        [name, role] if is_korean_name(name) && ROLES.contains(role) => *name,
        _ => return None,
    };
    let rest: Vec<&str> = parts.collect();
    // (Or a reader's place: 양산시민신문's `박미경 / 물금읍 범어리`; or a title and a biography:
    // 위클리서울's `김선우 / 문화평론가. 서울시립대 강사. …`.)
    let credits = !rest.is_empty()
        && rest.iter().all(|p| {
            vocab::CREDIT_LABELS.iter().any(|l| {
                p.strip_prefix(l)
                    .is_some_and(|r| r.starts_with(&[' ', '=', ':'][..]))
            }) || is_place(p)
                || is_titled_bio(p)
        });
    credits.then(|| name.to_string())
}

/// A place in a word or two of Korean, the last a district's (`물금읍 범어리`, `마포구`).
fn is_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=2).contains(&words)
        && text.chars().all(|c| is_hangul_syllable(c) || c == ' ')
        && text.ends_with(&['읍', '면', '동', '리', '구', '시', '군'][..])
}

/// A sign-off of the outlet, the reporter's name and the handle of an email printed without
/// its domain (뉴스엔's `뉴스엔 황혜진 blossom@`): returns the name.
pub fn signoff_with_handle(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (name, handle) = match words.as_slice() {
        [_, name, handle] | [name, handle] => (*name, *handle),
        _ => return None,
    };
    let user = handle.strip_suffix('@')?;
    let is_handle = !user.is_empty()
        && user
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    (is_handle && is_person_name(name)).then(|| name.to_string())
}

/// A block a broadcast interview's transcript or its page wraps around the interview: the
/// program's credits (two fields or more, `■ 방송 : … ■ 진행 : … ■ 출연 : …`), the notices
/// asking to name the program when quoting and saying the broadcast is what counts, or a
/// note that the picture is unrelated.
pub fn is_program_notice(text: &str) -> bool {
    let t = text.trim();
    if t.chars().count() > 200 {
        return false;
    }
    let fields: Vec<&str> = t
        .split('■')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let program_block = fields.len() >= 2
        && t.starts_with('■')
        && fields.iter().all(|f| {
            f.split_once(&[':', '：'][..])
                .is_some_and(|(label, _)| vocab::PROGRAM_LABELS.contains(&label.trim()))
        });
    let picture_note = t.chars().count() <= 80
        && (t.contains("사진") || t.contains("이미지"))
        && vocab::UNRELATED_PICTURE_PHRASES
            .iter()
            .any(|p| t.contains(p));
    let marked = t.starts_with('※');
    let quoting = (marked || t.contains("프로그램"))
        && vocab::QUOTING_NOTICE_WORDS.iter().all(|w| t.contains(w));
    // How to watch the video (`※ 동영상이 보이지 않으면 Windows Media Player 11 이상을
    // 설치하세요.`, `※ 영상은 PC에서 크롬 브라우저 사용을 권장합니다.`).
    let player_note =
        marked && t.contains("영상") && vocab::PLAYER_NOTICE_WORDS.iter().any(|w| t.contains(w));
    program_block
        || picture_note
        || quoting
        || player_note
        || marked && t.contains(vocab::TRANSCRIPT_NOTICE)
}

/// A prompt for a reaction (`이 기사가 마음에 들었다면, 좋아요를 눌러 주세요`): a short line
/// with a prompt phrase and a reaction word (an outlet's appeal of two sentences at most: `여성신문은
/// … 여성언론입니다. 여성신문은 … 독자님들의 후원이 필요합니다.`).
pub fn is_reaction_prompt(text: &str) -> bool {
    let t = text.trim();
    // (A quotation is someone's words: `“팬 여러분 응원해주세요”라고 말했다`.)
    t.chars().count() <= REACTION_PROMPT_MAX_CHARS
        && vocab::REACTION_PROMPTS.iter().any(|p| t.contains(p))
        && (vocab::REACTION_WORDS.iter().any(|w| t.contains(w))
            // Or the prompt's condition alone over its buttons (아주경제's `이 기사가 마음에
            // 드셨다면`): no sentence ends with it.
            || t.ends_with("다면")
                && vocab::READER_QUESTION_OPENINGS
                    .iter()
                    .any(|o| t.starts_with(o)))
        && !t.contains(&['"', '“', '”', '‘', '’', '\''][..])
}

/// A reaction prompt is a line or two.
const REACTION_PROMPT_MAX_CHARS: usize = 120;

/// A transcript's speaker label in KTV's style (`김나연 앵커>`, `박지훈 기자>`, `인터뷰> 이정호 /
/// 산림청 산불방지과장`): a short line that a `>` closes, or whose first word it closes, with no
/// `<` to open it. The label is the transcript's, as `[앵커]` is.
pub fn is_speaker_label(text: &str) -> bool {
    let t = text.trim();
    let first_word = t.split_whitespace().next().unwrap_or("");
    t.chars().count() <= SPEAKER_LABEL_MAX_CHARS
        && !t.contains('<')
        && !t.contains('〈')
        && (t.ends_with('>') || first_word.len() > 1 && first_word.ends_with('>'))
}

/// A broadcast transcript's mark on a line of its own: a part's (`[앵커]`, `[리포트]`, `◀ANC▶`,
/// `◀ 앵커 ▶`) or a speaker's (`[박성훈 / 화물차 운전기사]`, `◀INT▶박정호/구룡포 어민`): a short
/// bracket alone, or `◀…▶` then a name and a role at most; no sentence.
pub fn is_transcript_mark(line: &str) -> bool {
    let t = line.trim();
    if t.chars().count() > TRANSCRIPT_MARK_MAX_CHARS || t.ends_with(&['.', '?', '!', '다'][..]) {
        return false;
    }
    if let Some(rest) = t.strip_prefix('◀') {
        return rest.contains('▶');
    }
    t.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(&['[', ']', '='][..]))
}

/// A transcript's mark is a few words.
const TRANSCRIPT_MARK_MAX_CHARS: usize = 40;

/// A speaker's label names a person and a role, or a label and an interviewee.
const SPEAKER_LABEL_MAX_CHARS: usize = 40;

/// A sign-off with the photos' credit after a slash (`[티브이데일리 최하나 기자
/// news@tvdaily.co.kr/사진=블루문엔터테인먼트, JTBC]`): the sign-off without it (its bracket left
/// open: a byline is read without its brackets).
pub fn without_credit_tail(text: &str) -> Option<&str> {
    let t = text.trim();
    // A magazine's credits, the writer's then the photographer's (`/ 글 박성민 기자 park@… 사진
    // 전민규 기자`): the writer's.
    if let Some(at) = t.rfind(" 사진 ") {
        if parse_byline(&t[at + " 사진 ".len()..]).is_some() {
            return Some(t[..at].trim_start_matches(&['/', ' '][..]));
        }
    }
    // Or any photographer after a writer labelled `글` (`글 김다은 나라경제 기자⏎사진 박상현(Studio
    // Lumen)`, `/글 한지원 … /사진 오상민 기자 …`, `글=김다은 기자, 사진=오상민 기자`).
    if let Some(at) = t.rfind("사진") {
        let writer = t[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '/' || c == ',');
        let photographer = &t[at + "사진".len()..];
        let labelled = writer.trim_start_matches(&['/', ' '][..]).starts_with('글');
        if labelled
            && writer.len() < at
            && photographer.starts_with(&[' ', '=', ':'][..])
            && photographer.chars().count() <= PHOTOGRAPHER_CREDIT_MAX_CHARS
        {
            return Some(writer.trim_start_matches(&['/', ' '][..]));
        }
    }
    let at = t.rfind('/')?;
    let credit = &t[at + 1..];
    is_credit_line(credit.strip_suffix(']').unwrap_or(credit)).then(|| &t[..at])
}

/// A photographer's credit after the writer's is a name, a role or a studio and an email.
const PHOTOGRAPHER_CREDIT_MAX_CHARS: usize = 50;

/// A reaction box's question to the reader about the article (`이 기사, 어떠셨나요?`, `이 기사에
/// 대해 어떻게 생각하시나요?`, `이 뉴스가 도움이 되셨나요?`): a short question that opens by
/// pointing at the article ([`vocab::READER_QUESTION_OPENINGS`]).
pub fn is_reader_question(text: &str) -> bool {
    let t = text.trim();
    vocab::READER_QUESTION_OPENINGS
        .iter()
        .any(|o| t.starts_with(o))
        && t.ends_with('?')
        && t.chars().count() <= READER_QUESTION_MAX_CHARS
}

/// A reader's question is a few words.
const READER_QUESTION_MAX_CHARS: usize = 30;

/// A line that opens with a pointer at the picture above it (`▲ …`, `↑ …`): a caption.
pub fn points_at_picture(text: &str) -> bool {
    text.trim_start().starts_with(vocab::CAPTION_POINTERS_UP)
}

/// A short line ending with a photo's credit (`배우 한도윤(왼쪽)과 문채린 ⓒ YTN star 김태욱
/// 기자`, `… 걷고 있다. /사진=뉴스1`): under a bare picture, its caption.
pub fn ends_with_photo_credit(text: &str) -> bool {
    // (A line that is all a bracketed word is no caption: a transcript's `<앵커>`.)
    text.chars().count() <= CREDITED_CAPTION_MAX_CHARS
        && photo_credit(text).is_some()
        && !text.trim_start().starts_with('<')
}

/// A caption is a sentence or two: a longer line is a paragraph of the story.
const CREDITED_CAPTION_MAX_CHARS: usize = 150;

/// A caption without its `▲`/`△` pointer, and the photo credit it names (`<네이버>`,
/// `[사진=네이버]`, `/사진=뉴스1`, `ⓒ뉴스1`, `(사진=…)`). The credit stays in the caption text.
pub fn clean_caption(text: &str) -> (String, Option<String>) {
    let caption = text
        .trim()
        .trim_start_matches(&['▲', '△', '▶', '■', '▷', '↑'][..])
        .trim()
        .to_string();
    let credit = photo_credit(&caption);
    (caption, credit)
}

fn photo_credit(caption: &str) -> Option<String> {
    let c = caption.trim_end();
    if let Some(rest) = c.strip_suffix('>') {
        if let Some(open) = rest.rfind('<') {
            let inner = &rest[open + 1..];
            if !inner.is_empty() && inner.chars().count() <= 30 {
                return Some(inner.trim().to_string());
            }
        }
    }
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(rest) = c.strip_suffix(close) {
            if let Some(pos) = rest.rfind(open) {
                let inner = &rest[pos + open.len_utf8()..];
                if let Some(v) = inner
                    .strip_prefix("사진=")
                    .or_else(|| inner.strip_prefix("사진 ="))
                    .or_else(|| inner.strip_prefix("사진제공="))
                {
                    return Some(v.trim().to_string());
                }
            }
        }
    }
    // After a slash, maybe with the words saying it holds for the pictures below (`/ 이하
    // 사진=김은비 기자`).
    if let Some(pos) = c.rfind('/') {
        let tail = c[pos + 1..].trim_start();
        let tail = tail.strip_prefix("이하 ").unwrap_or(tail);
        if let Some(v) = tail
            .strip_prefix("사진=")
            .or_else(|| tail.strip_prefix("사진 ="))
        {
            return Some(v.trim().to_string());
        }
    }
    // The source before the credit's word (`… 축사 모습. /새전북신문 자료사진`, `/시청 제공`).
    if let Some(pos) = c.rfind('/') {
        let tail = c[pos + 1..].trim();
        if tail.chars().count() <= 20
            && !tail.contains('.')
            && tail.contains(' ')
            && vocab::CREDIT_TAIL_WORDS.iter().any(|w| tail.ends_with(w))
        {
            return Some(tail.to_string());
        }
    }
    if let Some(pos) = c.rfind(&['ⓒ', '©'][..]) {
        let v = c[pos..].trim_start_matches(&['ⓒ', '©'][..]).trim();
        if !v.is_empty() && v.chars().count() <= 30 {
            return Some(v.to_string());
        }
    }
    None
}

/// The holder a copyright notice names (`Copyrights ⓒ TV조선. 무단전재 및 재배포 금지` → `TV조선`,
/// `<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>` → `비즈니스포스트`).
pub fn copyright_holder(notice: &str) -> Option<String> {
    let marked = notice.char_indices().find_map(|(at, c)| match c {
        'ⓒ' | '©' => Some(at + c.len_utf8()),
        '(' if notice[at..]
            .get(..3)
            .is_some_and(|m| m.eq_ignore_ascii_case("(c)")) =>
        {
            Some(at + 3)
        }
        _ => None,
    });
    // The word alone (`- Copyright 조선일보 & chosun.com -`).
    let at = marked.or_else(|| {
        let line = after_copyright_lead(notice);
        line.get(..10)
            .filter(|w| w.eq_ignore_ascii_case("copyright "))
            .map(|_| notice.len() - line.len() + 10)
    })?;
    let rest = notice.get(at..)?.trim_start();
    // A slogan before the outlet (`ⓒ 세상을 보는 눈, 글로벌 미디어 - 서울신문(www.seoul.co.kr)`).
    let rest = match rest.split_once(" - ") {
        Some((_, outlet)) if outlet.starts_with(is_hangul_syllable) => outlet,
        _ => rest,
    };
    // A quoted slogan before the outlet (`ⓒ ‘성공을 꿈꾸는 사람들의 경제 뉴스’ 머니S`).
    let rest = match rest.chars().next() {
        Some(open @ ('‘' | '“')) => {
            let close = if open == '‘' { '’' } else { '”' };
            rest[open.len_utf8()..]
                .split_once(close)
                .map_or(rest, |(_, outlet)| outlet.trim_start())
        }
        _ => rest,
    };
    // A slogan with a comma before the outlet, named last (`ⓒ 세상을 보는 눈, 글로벌 미디어
    // 세계일보`): a part before the comma that ends as no outlet's name does is no holder.
    let ends_as_outlet = |s: &str| vocab::TITLE_SITE_ENDINGS.iter().any(|e| s.ends_with(e));
    let rest = match rest.split_once(", ") {
        Some((slogan, after)) if !ends_as_outlet(slogan.trim()) && slogan.contains(' ') => after
            .split_whitespace()
            .last()
            .filter(|outlet| ends_as_outlet(outlet))
            .unwrap_or(rest),
        _ => rest,
    };
    // A year first (`ⓒ 2023 TV조선`, `(c) Since 1996, MBC&iMBC`).
    let rest = rest
        .strip_prefix("Since ")
        .unwrap_or(rest)
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | ' ' | ','))
        .trim_start();
    // Two holders (`ⓒ 경향신문 & 경향닷컴`, `ⓒ 조선일보 & Chosun.com`): the outlet comes first.
    // (A colon ends it too: `ⓒ 한겨레신문 : 무단전재 및 재배포 금지`; and the site's address:
    // `ⓒ 일다 www.ildaro.com 무단전재 …`.)
    let end = rest
        .char_indices()
        .find(|&(at, c)| {
            ".,&＆|<>(:".contains(c)
                || rest[at..].starts_with("무단")
                || rest[at..].starts_with("www.")
                || rest[at..]
                    .get(..10)
                    .is_some_and(|w| w.eq_ignore_ascii_case("all rights"))
        })
        .map_or(rest.len(), |(at, _)| at);
    let holder = rest[..end].trim();
    let holder = wire_name(holder);
    let n = holder.chars().count();
    ((2..=20).contains(&n) && holder.split_whitespace().count() <= 3).then(|| holder.to_string())
}

/// A wire's name where its company's is printed after its slogan (`공감언론 뉴시스통신사`):
/// `뉴시스`. Any other name as it is.
pub fn wire_name(name: &str) -> &str {
    let company = match name.rsplit_once(' ') {
        Some((_, company)) if company.ends_with("통신사") => company,
        _ => name,
    };
    company
        .strip_suffix("통신사")
        .filter(|wire| !wire.is_empty())
        .unwrap_or(name)
}

/// A copyright line from its word or mark, past what may open it (`- Copyright 조선일보 -`).
fn after_copyright_lead(line: &str) -> &str {
    line.trim_start_matches(&[' ', '-', '<', '〈', '[', '('][..])
}

/// A copyright notice (`<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>`, `ⓒ 연합뉴스`).
pub fn is_copyright(text: &str) -> bool {
    let t = after_copyright_lead(text.trim());
    let chars = t.chars().count();
    if chars >= 250 {
        return false;
    }
    // Case-insensitive for ASCII (the markers are lowercase). This runs on every short block:
    // one lowercased copy searched beats comparing every window.
    let lower = t.to_ascii_lowercase();
    crate::rules::COPYRIGHT_MARKERS
        .iter()
        .any(|m| crate::markup::contains(&lower, m))
        // `저작권자` names the holder in a notice (`<저작권자 ⓒ 아이뉴스24>`); a story's sentence
        // may be about one (`저작권자용 안내서에는 … 예정이다.`).
        || crate::markup::contains(&lower, "저작권자") && !t.ends_with("다.")
        || (t.starts_with('ⓒ')
            || t.starts_with('©')
            || t.as_bytes()
                .get(..9)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"copyright")))
            && chars < 120
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names a byline reading gives, none for none.
    fn names_of(b: Option<Byline>) -> Vec<String> {
        b.map(|b| b.authors.into_iter().map(|a| a.name).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_desk_rank_is_a_role_only_as_a_word_of_its_own() {
        // (동아일보's column: `정세진 산업1부 차장`; a car park, `공영주차장`, is no rank.)
        let b = parse_byline("정세진 산업1부 차장 mint4a@donga.com").unwrap();
        assert_eq!(b.authors[0].name, "정세진");
        assert_eq!(b.authors[0].role.as_deref(), Some("차장"));
        assert!(parse_byline("대전 원도심 공영주차장").is_none());
    }

    #[test]
    fn a_press_releases_contact_fields_are_fields() {
        assert!(is_contact_field("담당부서 자연환경생태정책과"));
        assert!(is_contact_field("연락처 : 064-710-6781"));
        assert!(!is_contact_field("연락처"));
        assert!(is_attachment_line(
            "붙임 1. 2020년 학교 숲 가꾸기 선정 학교 명단 1부."
        ));
        assert!(!is_attachment_line("붙임성 좋은 아이들은 금세 친해졌다."));
        assert!(is_credit_line(
            "[사진] 2019년 학교 숲 가꾸기 사업으로 조성된 ○○초등학교 생태 쉼터"
        ));
        assert!(!is_contact_field(
            "담당부서는 올해 곶자왈 보전을 위한 기금 모금을 확대해 50억 원을 목표로 한다고 밝혔다."
        ));
    }

    #[test]
    fn two_labels_in_brackets_are_a_kicker() {
        assert!(is_bracketed_labels("[명퇴의 정석] (종합)"));
        assert!(is_bracketed_labels("【단독】 <속보>"));
        // One label alone may be a series' deck; a sentence after labels is a deck.
        assert!(!is_bracketed_labels("[커버스토리/ 씨름, 부활의 샅바]"));
        assert!(!is_bracketed_labels("[단독] 정부, 새 제도 시행"));
    }

    #[test]
    fn transcript_marks() {
        for mark in [
            "[앵커]",
            "[박성훈 / 화물차 운전기사]",
            "◀ANC▶",
            "◀ 앵커 ▶",
            "◀INT▶박정호/구룡포 어민",
        ] {
            assert!(is_transcript_mark(mark), "{mark}");
        }
        for line in [
            "[서울=뉴시스]",
            "[앵커] 오늘 날씨입니다.",
            "밤 11시입니다",
            "[]",
        ] {
            assert!(!is_transcript_mark(line), "{line}");
        }
    }

    #[test]
    fn shoot_credits_and_a_readers_place_sign_off() {
        assert!(is_shoot_credits(
            "에디터: 조혜진\n포토: 김치윤\n헤어: 순수 청담 은지 실장"
        ));
        // Two lines, or a label that is no shoot's, are not.
        assert!(!is_shoot_credits("에디터: 조혜진\n포토: 김치윤"));
        assert!(!is_shoot_credits(
            "에디터: 조혜진\n포토: 김치윤\n일시: 3월 5일"
        ));
        assert_eq!(
            signoff_with_credit("박미경 / 물금읍 범어리").as_deref(),
            Some("박미경")
        );
        assert_eq!(signoff_with_credit("박미경 / 그날의 기억"), None);
        assert!(profile_box("한정민\n도시계획가. 일산에서 30년째 살며 활동하고 있다.").is_some());
        assert!(profile_box("김현정\n네. 그렇게 말씀하셨습니다.").is_none());
    }

    #[test]
    fn a_reporter_cards_more_link_names_nobody() {
        let card = parse_byline("송민석 기자 기자의 다른 기사 보기 기자 구독").unwrap();
        assert_eq!(card.printed, "송민석 기자");
        assert_eq!(parse_byline("기자의 다른 기사 보기 기자 구독"), None);
    }

    #[test]
    fn profile_boxes_name_a_person_over_a_title_or_a_biography() {
        let name = |t: &str| profile_box(t).map(|(n, _)| n);
        assert_eq!(
            name("박성훈\n동국대 불교학술원 연구교수").as_deref(),
            Some("박성훈")
        );
        assert_eq!(
            name("윤태경 이사장은\n경북대 의대를 졸업하고 … 수련이사를 지냈다.").as_deref(),
            Some("윤태경")
        );
        // A story's lines, an intertitle over a paragraph, and a name over a sentence are not.
        assert_eq!(name("망원동 빵집\n주말이면 줄을 선다."), None);
        assert_eq!(name("김철수\n그는 매일 아침 약국 문을 연다."), None);
        assert_eq!(
            name("박성훈 교수가 말했다\n동국대 불교학술원 연구교수"),
            None
        );
        assert_eq!(name("박성훈"), None);
    }

    #[test]
    fn print_edition_lines_are_dates_and_pages() {
        assert!(is_print_edition_line("발행일 2024-06-28 제3면"));
        assert!(is_print_edition_line("신문게재 2023-06-20 12면"));
        assert!(is_print_edition_line("지면 A12면"));
        assert!(is_print_edition_line("[동아일보] 2020년 10월 13일 A12면"));
        assert!(is_article_notice(
            "이 기사는 새로운 소식이 들어오는 대로 업데이트됩니다."
        ));
        assert!(!is_print_edition_line(
            "[단독] 2020년 10월 13일 국회 본회의 A12면 기사"
        ));
        assert!(is_print_edition_line("[한국일보 2015.09.03 19면]"));
        assert!(!is_print_edition_line("[2015.09.03 19면 참조]"));
        assert!(!is_print_edition_line("발행일 2024-06-28 제3면 기사 보기"));
        assert!(!is_print_edition_line("입력 2024-06-28 10:05"));
        assert!(is_print_edition_line("제1522호"));
        assert!(!is_print_edition_line("3호"));
        assert!(is_generated_summary_note(
            "AI가 기사 내용을 요약했습니다. 일부 표현이 정확하지 않을 수 있습니다."
        ));
    }

    #[test]
    fn tip_boxes_under_their_label() {
        // A box under a tip label: the label, a slogan or none, and contacts.
        assert!(is_tip_box(
            "[중도일보 독자 제보] 카카오톡 채널 '중도일보' / 전화 042-220-1111 / 이메일 jebo@joongdo.co.kr"
        ));
        assert!(is_tip_box(
            "데일리NK 제보 북한 내부 소식이나 탈북민 관련 제보를 기다립니다. 이메일 dailynk@dailynk.com · 텔레그램 @dailynk_tip"
        ));
        assert!(is_tip_label("민중의소리 기사제보"));
        assert!(is_tip_label("[무등일보 독자 제보]"));
        assert!(!is_tip_label("시민 제보를 받았다"));
        // A story's line about a tip gives no contact, or says `제보를`.
        assert!(!is_tip_box("경찰 제보 전화가 걸려온 것은 오후 3시였다."));
        assert!(!is_tip_box(
            "시민 제보를 받은 경찰은 02-123-4567로 전화해 확인했다."
        ));
    }

    #[test]
    fn print_issue_lines_and_reader_questions() {
        assert!(is_print_edition_line(
            "가톨릭평화신문 2024-05-19 [제1764호, 5면]"
        ));
        assert!(!is_print_edition_line("제1764호 특집은 다음 주에 나온다."));
        assert!(is_reader_question("이 기사, 어떠셨나요?"));
        assert!(is_reader_question("이 기사에 대해 어떻게 생각하시나요?"));
        assert!(!is_reader_question("이 기사는 2024년에 처음 실렸다."));
        assert!(is_reader_question("이 뉴스가 도움이 되셨나요?"));
        assert_eq!(
            without_credit_tail("[티브이 최하나 기자 news@tv.co.kr/사진=블루문, JTBC]"),
            Some("[티브이 최하나 기자 news@tv.co.kr")
        );
        assert_eq!(without_credit_tail("최하나 기자 news@tv.co.kr"), None);
        assert_eq!(
            without_credit_tail("/ 글 박성민 기자 park@joongang.co.kr 사진 전민규 기자"),
            Some("글 박성민 기자 park@joongang.co.kr")
        );
        assert_eq!(
            without_credit_tail("글 김다은 나라경제 기자\n사진 박상현(Studio Lumen)"),
            Some("글 김다은 나라경제 기자")
        );
        assert_eq!(
            without_credit_tail("글=김다은 기자, 사진=오상민 기자"),
            Some("글=김다은 기자")
        );
        assert_eq!(without_credit_tail("김다은 기자, 사진=오상민 기자"), None);
        assert_eq!(without_credit_tail("글 김다은 기자 사진가"), None);
        assert!(is_speaker_label("김나연 앵커>"));
        assert_eq!(
            without_desk_date("시민들이 걷고 있다. 2024.4.4").as_deref(),
            Some("시민들이 걷고 있다.")
        );
        assert_eq!(without_desk_date("2024년 4월 4일 걷고 있다."), None);
        assert!(is_speaker_label("인터뷰> 이정호 / 산림청 산불방지과장"));
        assert!(!is_speaker_label("<김정연 기자>"));
        assert!(!is_speaker_label("김나연 앵커"));
        assert!(!is_reader_question(
            "이 뉴스를 처음 전한 사람은 누구였고, 그는 왜 그 소식을 알리기로 마음먹었을까?"
        ));
        assert!(is_article_notice(
            "*이 기사는 한경비즈니스 제1472호(2024.05.13 ~ 2024.05.19) 기사입니다."
        ));
        assert!(is_article_notice(
            "[본 기사는 매경이코노미 제2235호 (2023.11.22~2023.11.28일자) 기사입니다]"
        ));
        assert!(is_reaction_prompt("cpbc 후원회원이 되어 주세요"));
        assert!(!is_reaction_prompt("선수들은 팬들에게 함께해 달라고 했다."));
    }

    #[test]
    fn reads_a_byline_in_angle_brackets_before_its_email() {
        let b = parse_byline("<김정연 기자>jykim@byline.network").unwrap();
        assert_eq!(b.printed, "김정연 기자");
        assert_eq!(b.authors[0].email.as_deref(), Some("jykim@byline.network"));
    }

    #[test]
    fn reads_a_place_before_a_slash_as_no_name() {
        let names = |line: &str| names_of(parse_byline(line));
        assert_eq!(names("창원/김영동 기자 ydkim@hani.co.kr"), ["김영동"]);
        assert_eq!(names("창원/김영동기자"), ["김영동"]);
        // (A list with the place before its first name.)
        assert_eq!(
            names("부산/김광수, 이정민 기자 kskim@hani.co.kr"),
            ["김광수", "이정민"]
        );
        assert_eq!(names("부산/김광수·이정민 기자"), ["김광수", "이정민"]);
        assert_eq!(
            names("〈대전|김태완·정유미기자 twkim@kyunghyang.com〉"),
            ["김태완", "정유미"]
        );
        // (Or with the `=` of a dateline, and an email between: 동아일보 2008.)
        assert_eq!(
            names("괴산=장기우 straw@donga.com·이혜진 기자 hyejin@donga.com"),
            ["장기우", "이혜진"]
        );
        // Two reporters joined by a slash stay two.
        assert_eq!(names("홍길동/김철수 기자"), ["홍길동", "김철수"]);
        // The email before the names is no word of the list.
        assert_eq!(
            names("kwkim@fnnews.com 김경원 최경식기자"),
            ["김경원", "최경식"]
        );
    }

    #[test]
    fn a_labelled_byline_names_its_reporter_not_the_crew() {
        let names = |t: &str| names_of(labelled_byline(t));
        assert_eq!(names("기자명 홍길동"), ["홍길동"]);
        assert_eq!(names("작성자 : 홍길동"), ["홍길동"]);
        assert_eq!(names("취재 홍길동, 영상 김철수"), ["홍길동"]);
        assert!(names("영상 김철수").is_empty());
        assert!(names("기자 구독").is_empty());
        assert!(names("취재 홍길동, 서울시청 앞").is_empty());
        assert_eq!(names("취재 홍길동 기자"), ["홍길동"]);
        assert_eq!(names("취재 홍길동 기자 영상 김철수"), ["홍길동"]);
    }

    #[test]
    fn a_pieces_label_and_a_second_post_name_nobody() {
        let names = |t: &str| names_of(parse_byline(t));
        assert_eq!(names("[기고] 홍길동 서울대 교수"), ["홍길동"]);
        assert_eq!(names("홍길동 객원논설위원·서울대 교수"), ["홍길동"]);
        // Two reporters, each with a newsroom role, stay two.
        assert_eq!(names("홍길동 기자·김철수 기자"), ["홍길동", "김철수"]);
        assert!(!is_person_name("기고") && !is_person_name("기획"));
        // A place in brackets after each reporter is no name.
        assert_eq!(
            names("홍길동(세종)·김철수(서울) 기자"),
            ["홍길동", "김철수"]
        );
        assert_eq!(
            names("홍길동 기자(세종), 김철수 기자(서울)"),
            ["홍길동", "김철수"]
        );
    }

    #[test]
    fn a_title_shaped_like_a_name_is_no_reporter() {
        // Two syllables that open with a family name (`사진`, `주재`, `시인`, `고문`) after the
        // name are its title.
        for line in [
            "홍길동 사진기자",
            "홍길동 주재기자",
            "홍길동 국장",
            "홍길동 시인",
            "홍길동 고문",
        ] {
            let names: Vec<String> = parse_byline(line)
                .map(|b| b.authors.into_iter().map(|a| a.name).collect())
                .unwrap_or_default();
            assert_eq!(names, ["홍길동"], "{line}");
        }
        assert_eq!(
            signoff_with_email("홍길동 시인 hong@test.co.kr").and_then(|(_, name)| name),
            Some("홍길동".to_string())
        );
        assert!(!is_person_name("목사") && !is_person_name("사진기자"));
    }

    #[test]
    fn an_email_glued_to_the_name_before_it_starts_after_the_name() {
        assert_eq!(
            email_in("홍길동hong@testilbo.co.kr").as_deref(),
            Some("hong@testilbo.co.kr")
        );
        assert_eq!(
            email_in("문의 kim.cs@x.co.kr").as_deref(),
            Some("kim.cs@x.co.kr")
        );
        assert!(!is_bare_email("홍길동hong@testilbo.co.kr"));
    }

    #[test]
    fn reads_bylines_with_role_and_email() {
        let Byline {
            authors,
            printed: byline,
        } = parse_byline("정희경 기자\u{a0}huiky@businesspost.co.kr").unwrap();
        assert_eq!(
            authors,
            vec![Author {
                name: "정희경".into(),
                role: Some("기자".into()),
                email: Some("huiky@businesspost.co.kr".into())
            }]
        );
        assert_eq!(byline, "정희경 기자");
        // A reporter card's introduction names nobody.
        let card = parse_byline("안세진 기자 ahnsj@newdaily.co.kr 경제부 산업팀 기자입니다. 기업과 무역 현장을 취재합니다.");
        let names: Vec<String> = card
            .map(|b| b.authors.into_iter().map(|a| a.name).collect())
            .unwrap_or_default();
        assert_eq!(names, ["안세진"]);
        let one = parse_byline("이해나 헬스조선 기자").unwrap();
        assert_eq!(one.authors.len(), 1);
        assert_eq!(one.authors[0].name, "이해나");
        // Names joined and glued to the role (`김희민·이시명기자`); a card's link is no name.
        let two = parse_byline("김희민·이시명기자").unwrap();
        let names: Vec<&str> = two.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["김희민", "이시명"]);
        // Names linked one by one, their separator spaced.
        let linked = parse_byline("김서영 · 박민호 기자").unwrap();
        let names: Vec<&str> = linked.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["김서영", "박민호"]);
        let card = parse_byline("고경호 기자 경제부 담당 kkh@jejunews.com 다른기사 보기 기자 구독")
            .unwrap();
        assert_eq!(card.authors.len(), 1);
        let labelled = parse_byline("기자명 김희민 기자, 이시명 기자").unwrap();
        let names: Vec<&str> = labelled.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["김희민", "이시명"]);
        // A family name written apart (`홍 길동 기자`).
        assert_eq!(
            parse_byline("홍 길동 기자").unwrap().authors[0].name,
            "홍길동"
        );
        assert_eq!(parse_byline("경제부 김 기자"), None);
        // A name ending as a particle does is a name before its role (`김노을 기자`).
        assert_eq!(
            parse_byline("김노을 기자").unwrap().authors[0].name,
            "김노을"
        );
        // An outlet of four syllables that opens like a family name (`주`) is still the outlet.
        let one = parse_byline("윤서진 주간조선 기자").unwrap();
        let names: Vec<&str> = one.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["윤서진"]);
        let two = parse_byline("김태호 이승륜 기자 kth@kookje.co.kr").unwrap();
        let names: Vec<&str> = two.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["김태호", "이승륜"]);
        // A reporter card's department is no second reporter.
        let card = parse_byline("윤주영 기자 IT·과학부 기자 페이지 구독하기").unwrap();
        let names: Vec<&str> = card.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["윤주영"]);
        let Byline { authors, .. } = parse_byline("[서울경제 홍길동 선임기자]").unwrap();
        assert_eq!(authors[0].name, "홍길동");
        assert_eq!(authors[0].role.as_deref(), Some("선임기자"));
        let Byline { authors, .. } = parse_byline("홍길동·김철수 기자").unwrap();
        assert_eq!(authors.len(), 2);
        assert!(parse_byline("기자회견에서 밝혔다").is_none());
    }

    #[test]
    fn reads_the_reporter_where_the_story_opens() {
        let name = |p: &str| lead_byline(p).map(|b| b.authors[0].name.clone());
        assert_eq!(
            name("(서울=연합인포맥스) 신은실 기자 = 삼성선물이 밝혔다.").as_deref(),
            Some("신은실")
        );
        assert_eq!(
            name("[서울=뉴시스]홍길동 기자 = 정부가").as_deref(),
            Some("홍길동")
        );
        assert_eq!(
            name("[세종=아시아경제 주상돈 기자] 지난달").as_deref(),
            Some("주상돈")
        );
        assert_eq!(name("[비즈니스포스트] 국가 차원의"), None);
        assert_eq!(name("(서울=연합뉴스) 정부는 \"a=b\"라고 기자에게"), None);
        assert_eq!(
            name("【Seoul=Newsis】Yoon Hae-jin = Organizers said").as_deref(),
            Some("Yoon Hae-jin")
        );
        assert_eq!(name("【Seoul=Newsis】Prices Rose = up"), None);
    }

    #[test]
    fn splits_the_signoff_from_the_last_paragraph() {
        let (rest, signoff) = split_signoff("경쟁에 나설 것”이라고 말했다. 정희경 기자").unwrap();
        assert_eq!(rest, "경쟁에 나설 것”이라고 말했다.");
        assert_eq!(signoff, "정희경 기자");
        let (rest, _) = split_signoff("밝혔다. 홍길동 기자 hong@yna.co.kr").unwrap();
        assert_eq!(rest, "밝혔다.");
        assert_eq!(split_signoff("밝혔다./연합뉴스").unwrap().0, "밝혔다.");
        assert!(split_signoff("기자들이 모였다. 그리고 말했다.").is_none());
    }

    #[test]
    fn reads_a_broadcast_sign_off() {
        let name = |t: &str| spoken_signoff(t);
        assert_eq!(
            name("계획입니다. KBS 뉴스 김수연입니다."),
            Some("김수연".into())
        );
        assert_eq!(name("MBC뉴스 구민지입니다."), Some("구민지".into()));
        assert_eq!(name("보입니다.\nYTN 조예진입니다. "), Some("조예진".into()));
        assert_eq!(name("채널A 뉴스 홍길동입니다."), Some("홍길동".into()));
        assert_eq!(name("저는 홍길동입니다."), None);
        assert_eq!(name("KBS 뉴스 김수연입니다. 다음 소식입니다."), None);
        assert_eq!(name("지금까지 KBS 뉴스 김수연이었습니다."), None);
    }

    #[test]
    fn reads_reporters_each_with_a_role_and_a_bracketed_email() {
        let names = |t: &str| {
            parse_byline(t).map(|b| b.authors.into_iter().map(|a| a.name).collect::<Vec<_>>())
        };
        assert_eq!(
            names("윤서연 기자·강민호 기자"),
            Some(vec!["윤서연".to_string(), "강민호".to_string()])
        );
        assert_eq!(
            names("권광순 기자  오로라 기자"),
            Some(vec!["권광순".to_string(), "오로라".to_string()])
        );
        assert_eq!(
            parse_byline("윤서연 기자, 강민호 특파원").map(|b| b.printed),
            Some("윤서연 기자·강민호 특파원".to_string())
        );
        // The first reporter's email in the place of a role (동아일보's sign-off).
        assert_eq!(
            names("편지윤 pjy@donga.com·석호준 기자 stone@donga.com"),
            Some(vec!["편지윤".to_string(), "석호준".to_string()])
        );
        let b = parse_byline("김도윤 기자(kdy@donga.com)").unwrap();
        assert_eq!(b.authors[0].name, "김도윤");
        assert_eq!(b.authors[0].email.as_deref(), Some("kdy@donga.com"));
        // A photo's credit names its photographer, not the story's reporter.
        assert_eq!(parse_byline("사진=김도윤 기자"), None);
        assert_eq!(parse_byline("사진=잠실, 박지영 기자"), None);
        assert_eq!(
            parse_byline("(엑스포츠뉴스 구로, 윤다희 기자)").map(|b| b.printed),
            Some("윤다희 기자".to_string())
        );
        assert_eq!(names("제주=홍길동 기자"), Some(vec!["홍길동".to_string()]));
        assert_eq!(
            names("홍길동 서울대 교수"),
            Some(vec!["홍길동".to_string()])
        );
        assert_eq!(
            names("정민우 한양대 교수·사회학"),
            Some(vec!["정민우".to_string()])
        );
        assert_eq!(names("기자 홍길동"), Some(vec!["홍길동".to_string()]));
        assert_eq!(names("윤재민 교육평론가"), Some(vec!["윤재민".to_string()]));
        assert_eq!(
            names("이남경 MK스포츠 기자(mkculture3@mkculture.com)"),
            Some(vec!["이남경".to_string()])
        );
        assert_eq!(names("기자 정치부"), None);
        assert_eq!(
            names("홍길동 기자 기자 구독"),
            Some(vec!["홍길동".to_string()])
        );
        assert_eq!(names("서울대 홍길동 교수님 말씀"), None);
        // Reporters listed before the role, by a comma or a spaced dot; a field glued to it.
        let two = Some(vec!["홍길동".to_string(), "김철수".to_string()]);
        assert_eq!(names("홍길동, 김철수 기자"), two);
        assert_eq!(names("홍길동 · 김철수 기자"), two);
        assert_eq!(
            names("홍길동 의학전문기자"),
            Some(vec!["홍길동".to_string()])
        );
        // An outlet or a desk before the reporter is neither.
        assert_eq!(
            names("[서울경제 홍길동 기자]"),
            Some(vec!["홍길동".to_string()])
        );
        assert_eq!(
            names("사회부 홍길동 기자"),
            Some(vec!["홍길동".to_string()])
        );
        assert_eq!(names("산업부 홍길동기자"), Some(vec!["홍길동".to_string()]));
        assert_eq!(names("김태호/기자"), Some(vec!["김태호".to_string()]));
        assert_eq!(names("/이정규기자"), Some(vec!["이정규".to_string()]));
        // Where a wire's story opens, names separated by spaces alone are reporters.
        assert_eq!(
            lead_byline("(서울=연합뉴스) 홍길동 김철수 기자 = 정부가").map(|b| b
                .authors
                .into_iter()
                .map(|a| a.name)
                .collect::<Vec<_>>()),
            two
        );
        // The outlet before a `ㅣ` (a Hangul vowel drawn as a bar) is no name.
        assert_eq!(
            lead_byline("[더팩트ㅣ최승현 기자] 김하성이").map(|b| b.authors[0].name.clone()),
            Some("최승현".to_string())
        );
        // The place after the `=` is no name; two reporters after it are two.
        let names = |lead: &str| names_of(lead_byline(lead));
        assert_eq!(names("[OSEN=인천공항, 민경태 기자] 그룹"), ["민경태"]);
        assert_eq!(
            names("[OSEN=김보라, 이승훈 기자] 그룹"),
            ["김보라", "이승훈"]
        );
        // Without the dateline: the reporter and the `=` alone open the lead.
        assert_eq!(names("홍길동 기자 = 서울 지하철 2호선이"), ["홍길동"]);
        assert!(names("서울시는 3일 요금을 A=B로 바꾼다고 밝혔다").is_empty());
    }

    #[test]
    fn splits_a_photo_desk_trailer_from_the_caption_sentence() {
        assert_eq!(
            split_trailing_email("시구를 하고 있다. 2023.04.07 /jpnews@osen.co.kr"),
            Some(("시구를 하고 있다.".into(), "jpnews@osen.co.kr".into()))
        );
        assert_eq!(
            split_trailing_email("참석하고 있다.  2023.04.07 / soul1014@osen.co.kr"),
            Some(("참석하고 있다.".into(), "soul1014@osen.co.kr".into()))
        );
        // A slash and an email without the desk's date are not its trailer.
        assert_eq!(split_trailing_email("문의 /help@x.com"), None);
        assert_eq!(wire_name("공감언론 뉴시스통신사"), "뉴시스");
        assert_eq!(wire_name("연합뉴스"), "연합뉴스");
        // Spaces inside the brackets.
        assert_eq!(
            split_trailing_email("아쉽기도 하다. /seon@osen.co.kr"),
            Some(("아쉽기도 하다.".into(), "seon@osen.co.kr".into()))
        );
        assert_eq!(split_trailing_email("매출 /seon@osen.co.kr"), None);
        assert_eq!(
            split_trailing_email("MBN뉴스 민경호입니다. [ min.kh@mbn.co.kr ]"),
            Some(("MBN뉴스 민경호입니다.".into(), "min.kh@mbn.co.kr".into()))
        );
        assert_eq!(split_trailing_email("목록 [ 1 ]"), None);
        assert_eq!(split_trailing_email("2023.04.07 /x"), None);
    }

    #[test]
    fn finds_datelines() {
        assert_eq!(
            dateline("[비즈니스포스트] 국가 차원의").as_deref(),
            Some("비즈니스포스트")
        );
        assert_eq!(
            dateline("(서울=연합뉴스) 홍길동 기자 =").as_deref(),
            Some("서울=연합뉴스")
        );
        assert_eq!(dateline("[사진=네이버] 설명"), None);
        // The reporter goes to the byline, not the dateline.
        assert_eq!(
            dateline("[세종=아시아경제 주상돈 기자] 지난달").as_deref(),
            Some("세종=아시아경제")
        );
        assert_eq!(
            dateline("[이데일리 홍길동기자] 정부가").as_deref(),
            Some("이데일리")
        );
        assert_eq!(
            dateline("[OSEN=대전, 지형준 기자] 7일 오후").as_deref(),
            Some("OSEN=대전")
        );
        assert_eq!(dateline("[OSEN=박준형 기자] 가수").as_deref(), Some("OSEN"));
        assert_eq!(dateline("그냥 문장"), None);
        assert_eq!(dateline("[이슈+] 고물가에"), None);
        assert_eq!(dateline("[단독] 검찰"), None);
    }

    #[test]
    fn reads_a_broadcasters_acronym_after_its_description() {
        assert_eq!(described_acronym("서울특별시 미디어재단 TBS"), Some("TBS"));
        assert_eq!(described_acronym("부산경남대표방송 KNN"), Some("KNN"));
        assert_eq!(described_acronym("한국경제 TV"), None);
        assert_eq!(described_acronym("SBS NEWS"), None);
        assert_eq!(described_acronym("경인일보 KIN"), None);
    }

    #[test]
    fn cleans_captions_and_reads_credits() {
        assert_eq!(
            clean_caption("▲ 네이버가 주목된다."),
            ("네이버가 주목된다.".to_string(), None)
        );
        let (c, credit) = clean_caption("발표하고 있다. <네이버>");
        assert_eq!(c, "발표하고 있다. <네이버>");
        assert_eq!(credit.as_deref(), Some("네이버"));
        assert_eq!(
            clean_caption("사진 설명 [사진=연합뉴스]").1.as_deref(),
            Some("연합뉴스")
        );
        assert_eq!(
            clean_caption("사진 설명 /사진=뉴스1").1.as_deref(),
            Some("뉴스1")
        );
    }

    #[test]
    fn organisations_are_not_people() {
        assert!(is_organisation("YTN", Some("YTN")));
        assert!(is_organisation("머니투데이 | 네이버", None));
        assert!(is_organisation("MBC", None));
        assert!(is_organisation("연합뉴스TV", None));
        assert!(is_organisation("한겨레", Some("한겨레")));
        assert!(!is_organisation("홍길동", Some("한겨레")));
        assert!(!is_organisation("이경제", None));
        assert!(!is_organisation("PARK EUN-JEE", None));
        assert!(is_organisation("Newsis", None));
        assert!(is_organisation("디지털뉴스부", None));
        assert!(is_organisation("영문경제", None));
        assert!(!is_organisation("영문희", None));
        assert!(is_end_mark("(END)") && is_end_mark("연합뉴스") && !is_end_mark("홍길동 기자"));
        assert!(!is_organisation("Kim Se-jin", None));
        assert!(is_organisation("Korea JoongAng Daily", None));
        assert!(is_organisation("The Korea Herald", None));
        assert!(!is_organisation("Park Eun-jee", Some("The Korea Herald")));
        assert_eq!(
            outlet_of("머니투데이 | 네이버").as_deref(),
            Some("머니투데이")
        );
    }

    #[test]
    fn entertainment_outlets_credit_and_sign_off_lines() {
        assert!(is_credit_line("[사진] tvN 제공, 방송화면 캡처"));
        assert!(is_credit_line("#사진_KBL 제공"));
        assert!(is_credit_line("/사진=테스트일보 DB"));
        assert!(!is_credit_line("/홍길동 기자"));
        assert!(is_credit_line("#사진_점프볼 DB(유용우 기자)"));
        assert!(!is_credit_line("#오늘의_사진"));
        assert!(!is_credit_line(
            "[사진] 배우 김태리가 5일 서울 강남구에서 열린 행사에 참석했다."
        ));
        assert_eq!(
            closing_lines("/nyc@osen.co.kr"),
            Some(Some("nyc@osen.co.kr".into()))
        );
        assert_eq!(
            signoff_with_handle("뉴스엔 황혜진 blossom@").as_deref(),
            Some("황혜진")
        );
        assert_eq!(
            signoff_with_handle("뉴스엔 황혜진 blossom@newsen.com"),
            None
        );
        assert_eq!(signoff_with_handle("많은 관심 부탁@"), None);
    }

    #[test]
    fn notes_about_the_article() {
        assert!(is_article_notice(
            "※ 본 기사는 한국언론진흥재단의 지원을 받아 작성되었습니다."
        ));
        assert!(!is_article_notice("이 기사는 그가 쓴 마지막 기사였다."));
        assert!(is_article_notice(
            "이 기사는 6월17일 오전 10시49분 GAM에 출고된 프리미엄 기사입니다. GAM에서 회원 가입을 하면 기사를 보실 수 있습니다."
        ));
        assert!(!is_article_notice(
            "이 기사는 지난해 그가 쓴 기사입니다. 그는 이 기사로 상을 받았다."
        ));
        assert!(is_article_notice(
            "덧붙이는 글 | 이 기사는 필자의 브런치에도 실립니다. 학생의 이름은 가명으로 썼습니다."
        ));
        assert!(is_article_notice(
            "※ 외부 필진 기고는 중앙일보의 편집 방향과 다를 수 있습니다."
        ));
        assert!(is_article_notice(
            "이 칼럼은 본지의 편집 방향과 다를 수 있습니다."
        ));
        assert!(!is_article_notice("이 글은 그의 마지막 편지였다."));
        assert!(is_article_notice(
            "이 기사는 2024년 06월 10일 07:35 thebell에 표출된 기사입니다."
        ));
        assert!(is_article_notice(
            "덧붙이는 글 | 이 기사는 필자의 브런치에도 실립니다."
        ));
        assert!(!is_article_notice(
            "이 기사는 독자 제보로 시작된 기사입니다. 취재팀은 석 달을 쫓았다. 결과는 이렇다."
        ));
        assert!(!is_article_notice("이 기사는 한국어"));
        // Unmarked, in angle brackets or none, saying how it was written or paid for.
        assert!(is_article_notice(
            "<본 기사는 한국언론진흥재단의 지원을 받아 작성되었습니다.>"
        ));
        assert!(is_article_notice(
            "이 기사는 AI가 요약한 내용을 기자가 검수했습니다."
        ));
        assert!(is_article_notice("※ 본문과 관련 없는 사진입니다."));
    }

    #[test]
    fn crew_credits_of_every_shape() {
        assert!(is_crew_credit("[영상취재 김철수 / 영상편집 박민지]"));
        assert!(is_crew_credit(
            "[영상취재 이학진 조용희 이완근 유연경 영상편집 김지훈]"
        ));
        assert!(!is_crew_credit("영상취재 이학진 조용희 이완근 유연경"));
        assert!(is_crew_credit("영상기자 : 박경태 이영재"));
        assert!(is_crew_credit(
            "촬영기자 : 김철수 영상편집 : 이영희 자막뉴스 : 박민지"
        ));
        assert!(is_crew_credit(
            "(화면제공 : 전국물류센터노동조합)\n(영상디자인 : 김정은)"
        ));
        assert!(is_crew_credit(
            "(화면제공 : 전국물류센터노동조합) (영상디자인 : 김정은)"
        ));
        assert!(is_crew_credit(
            "김태우 기자 taewoo@donga.com\n영상취재 : 이승헌\n영상편집 : 김민정"
        ));
        assert!(!is_crew_credit("김태우 기자 taewoo@donga.com"));
        assert!(is_crew_credit(
            "김태우 기자 taewoo@donga.com 영상취재 : 이승헌 영상편집 : 김민정"
        ));
        assert!(is_crew_credit("영상취재: 이준호 / 영상편집: 최서연"));
        assert!(is_crew_credit(
            "촬영:오대성/편집:이태희/그래픽:김지훈/자료조사:서호정"
        ));
        assert!(is_crew_credit(
            "영상취재: 박용준(워싱턴) / 영상편집: 김하은"
        ));
        assert!(is_crew_credit(
            "(영상취재 : 김현상·윤형, 영상편집 : 이승희, 디자인 : 조수인)"
        ));
        assert!(!is_crew_credit("김현상·윤형"));
        // Each in brackets of its own, lines folded; a live report's 현장진행.
        assert!(is_crew_credit(
            "[영상취재기자 : 정창훈] [영상편집 : 김동현] [그래픽 : 김두태]"
        ));
        assert!(is_crew_credit(
            "(현장진행 : 김세경, 영상취재 : 박현철, 영상편집 : 최혜영)"
        ));
        // A reporter card's crew names no author (`영상취재 김준택 기자`).
        assert!(parse_byline("영상취재 김준택 기자").is_none());
    }

    #[test]
    fn broadcast_chrome_lines() {
        assert!(!is_crew_credit("편집국은 이날 회의를 열었다"));
        assert!(is_tip_promo_block(
            "▷ 전화 02-784-4000 ▷ 이메일 a@b.co.kr ▷ 카카오톡 @mbc제보"
        ));
        assert!(!is_tip_promo_line("전화 통화에서 그는 2023년 일을 말했다"));
        assert!(is_tip_promo_line(
            "<문의 : 행정안전부 지역경제지원관 지역금융지원과(044-205-3423)>"
        ));
        assert!(!is_tip_promo_line("문의 전화는 02-123-4567로 하면 된다."));
        assert!(is_tip_promo_block(
            "※ 연합뉴스 팩트체크팀은 팩트체크 소재에 대한 독자들의 제안을 받습니다. 이메일(factcheck@yna.co.kr)로 제안해 주십시오."
        ));
        assert!(is_tip_promo_line(
            "☞ JTBC 뉴스 제보하기 (https://bit.ly/1krluzF)"
        ));
        assert!(is_tip_promo_line(
            "▶제보는 카카오톡 '헤드라인제주' 채널 추가 후 메시지, 전화 064-727-1919, \
             이메일 jebo@headlinejeju.co.kr로 보내주시면 적극 취재하겠습니다."
        ));
        // A story's sentence about tips is no promo.
        assert!(!is_tip_promo_line(
            "제보를 받은 경찰은 2023년 3월 현장에 출동해 주변을 수색했지만 아무것도 찾지 못했다."
        ));
        assert!(is_tip_promo_line(
            "※ SBS 뉴스 제보 : 카카오톡 sbs8news, 전화 02-2113-6000"
        ));
        assert!(is_crew_credit("영상취재: 변성중\n영상편집: 송지영"));
        assert!(is_crew_credit("영상취재 : 안동균 기자\n영상편집 : 김경준"));
        assert!(is_tip_promo_block(
            "※ '당신의 제보가 뉴스가 됩니다'\n[카카오톡] YTN 검색해 채널 추가\n[전화] 02-398-8585\n[메일] social@ytn.co.kr"
        ));
        assert!(is_tip_slogan(
            "MBC 뉴스는 24시간 여러분의 제보를 기다립니다."
        ));
        assert!(!is_tip_promo_block("첫 문장입니다.\n두 번째 문장입니다."));
        assert!(is_crew_credit("영상취재: 변성중 영상편집: 송지영"));
        assert!(!is_crew_credit(
            "영상취재: 변성중 영상편집: 송지영은 말했다."
        ));
        assert!(is_tip_promo_block(
            "※ '당신의 제보가 뉴스가 됩니다' [카카오톡] YTN 검색해 채널 추가 [전화] 02-398-8585 [메일] social@ytn.co.kr"
        ));
        assert!(!is_tip_promo_block("※ 제보를 기다립니다"));
        assert!(is_tip_promo_block(
            "※CBS노컷뉴스는 여러분의 제보로 함께 세상을 바꿉니다. 각종 비리와 부당대우, \
             사건사고와 미담 등 모든 얘깃거리를 알려주세요.\n이메일 : jebo@cbs.co.kr\n\
             카카오톡 : @노컷뉴스\n사이트 : https://url.kr/b71afn"
        ));
        assert!(is_tip_promo_block(
            "※CBS노컷뉴스는 여러분의 제보로 함께 세상을 바꿉니다. 이메일 : jebo@cbs.co.kr \
             카카오톡 : @노컷뉴스"
        ));
        assert!(is_tip_promo_block("▷ 전화 : 02-781-1234, 4444"));
        assert!(is_tip_promo_block(
            "☞더팩트 뉴스 제보 ▶ 카카오톡: '더팩트제보' 검색 ▶ 이메일: jebo@tf.co.kr ▶ 뉴스 \
             홈페이지: http://talk.tf.co.kr/bbs/report/write - 네이버 메인 더팩트 구독하고 \
             [특종보자▶] - 그곳이 알고싶냐? [영상보기▶]"
        ));
        // A story that lists two ways to reach an office is no promo.
        assert!(!is_tip_promo_block(
            "▷ 전화 02-123-4567 ▷ 이메일 a@b.kr ▷ 시는 이날 접수 창구를 새로 열었다고 밝혔다."
        ));
        assert!(is_tip_promo_block(
            "경남도민일보는 독자 여러분의 제보를 기다립니다. 제보 055-250-0100, 카카오톡 '경남도민일보'"
        ));
        // Without a slogan, a line that opens with a contact word is the story's.
        assert!(!is_tip_promo_block(
            "이메일로 문의가 왔다.\n전화 02-123-4567로 연락했다."
        ));
        assert!(ends_with_photo_credit(
            "배우 한도윤(왼쪽)과 문채린 ⓒ YTN star 김태욱 기자"
        ));
    }

    #[test]
    fn picture_credits() {
        assert!(ends_with_photo_credit("시민들이 걷고 있다. /사진=뉴스1"));
        assert!(!ends_with_photo_credit("영화는 오는 26일 개봉한다."));
        assert!(is_credit_line("(사진=연합뉴스)"));
        assert!(is_credit_line("출처: 금융투자협회"));
        assert!(!is_credit_line(
            "출처: 이 통계는 금융투자협회가 매달 집계해 발표하는 자료를 바탕으로 한 것이다."
        ));
        // A table's source with its scope (매일경제).
        assert!(is_credit_line("자료=한국거래소(8월 1~22일 기준)"));
        assert!(!is_credit_line(
            "자료=한국거래소(8월 기준). 외국인은 순매수했다"
        ));
        assert_eq!(
            signoff_with_credit("박노준 / 사진출처 송중기 인스타그램").as_deref(),
            Some("박노준")
        );
        assert_eq!(signoff_with_credit("사진 / 영상 / 그래픽"), None);
        assert!(is_credit_line("[사진 제공: 국토교통부]"));
        assert!(is_credit_line(
            "가수 하윤슬 / 사진 제공 = 블루웨이브엔터테인먼트"
        ));
        assert!(!is_credit_line("그는 말했다. 다시 / 사진 = 연합뉴스"));
        assert!(!is_credit_line("홍길동·김철수 기자 / 그래픽=이영희 기자"));
        assert!(!is_credit_line("(서울=연합뉴스)"));
        assert!(is_editor_note("(ATTN: ADDS more details in paras 9-11)"));
        assert!(!is_editor_note("(LEAD) S. Korea fires warning shots"));
        assert_eq!(
            split_trailing_email("MBN뉴스 안진우입니다. [tgar1@mbn.co.kr]"),
            Some(("MBN뉴스 안진우입니다.".into(), "tgar1@mbn.co.kr".into()))
        );
        assert_eq!(split_trailing_email("그는 말했다."), None);
        assert_eq!(
            closing_lines("kyongae.choi@yna.co.kr\n(END)"),
            Some(Some("kyongae.choi@yna.co.kr".into()))
        );
        assert_eq!(closing_lines("(END) 이후"), None);
        assert_eq!(
            closing_lines("pkw4@newsis.com, kdh@newsis.com"),
            Some(Some("pkw4@newsis.com".into()))
        );
        assert_eq!(
            signoff_with_email("YTN 조예진 (choyj0622@ytn.co.kr)"),
            Some(("choyj0622@ytn.co.kr".into(), Some("조예진".into())))
        );
        assert_eq!(
            signoff_with_email("문의는 help@x.com 으로 보내 주시기 바랍니다."),
            None
        );
        // A wire's slogan over two reporters' addresses (Daum/뉴시스 2021).
        assert_eq!(
            signoff_with_email("◎공감언론 뉴시스 jaeheon@newsis.com, cys@newsis.com"),
            Some(("jaeheon@newsis.com".into(), None))
        );
        assert!(is_reaction_prompt(
            "이 기사가 마음에 들었다면, 좋아요를 눌러 주세요."
        ));
        assert!(!is_reaction_prompt("선수들은 팬들의 응원에 감사했다."));
        // The condition alone over its buttons (아주경제 2021); a story's condition is no prompt.
        assert!(is_reaction_prompt("이 기사가 마음에 드셨다면"));
        assert!(!is_reaction_prompt("공약이 마음에 드셨다면"));
        assert!(is_reaction_prompt(
            "미디어오늘을 응원해주세요 열심히 일하는 기자들에게 힘이 됩니다. 후원하기"
        ));
        assert!(!is_reaction_prompt(
            "그는 “팬 여러분 많이 응원해주세요”라고 말했다."
        ));
    }

    #[test]
    fn a_wire_signs_off_in_its_own_ways() {
        // A slogan, then where to send the tip in a sentence (ko-tpl20-newsis-2017).
        assert!(is_tip_promo_block(
            "공감언론 뉴시스가 독자 여러분의 소중한 제보를 기다립니다. 사진 또는 영상을 사진영상부(n-photo@newsis.com)로 보내주시면 적극 반영하겠습니다."
        ));
        // The reporter's email in brackets in a spoken sign-off (ko-tpl20-ytn-2018).
        assert_eq!(
            spoken_signoff("YTN 강민서[kangms@ytn.co.kr]입니다."),
            Some("강민서".to_string())
        );
        assert_eq!(
            spoken_signoff("YTN 강민서입니다."),
            Some("강민서".to_string())
        );
        assert_eq!(
            spoken_signoff("Kim Ji-yeon, Arirang News.").as_deref(),
            Some("Kim Ji-yeon")
        );
        assert_eq!(spoken_signoff("Asked why, he cited Yonhap News."), None);
    }

    #[test]
    fn places_before_names_are_not_names() {
        let Byline {
            authors: a,
            printed: b,
        } = parse_byline("제주=고현준기자").unwrap();
        assert_eq!((a[0].name.as_str(), b.as_str()), ("고현준", "고현준 기자"));
        let Byline { authors: a, .. } = parse_byline("제주=고현준 기자").unwrap();
        assert_eq!(a[0].name, "고현준");
    }

    #[test]
    fn recognizes_copyright() {
        assert!(is_copyright(
            "<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>"
        ));
        assert!(is_copyright(
            "Copyright © 2024 Example. All rights reserved."
        ));
        assert!(!is_copyright("저작권 분쟁에 대한 긴 기사 본문입니다"));
        // A sentence about copyright holders is the story's (아이뉴스24 2023).
        assert!(!is_copyright(
            "저작권자용 안내서에는 자신의 저작물이 AI 학습에 쓰이지 않도록 거부 의사를 밝히는 방법이 포함된다."
        ));
        assert!(is_copyright(
            "<저작권자 ⓒ 아이뉴스24 무단전재 및 재배포 금지>"
        ));
        assert_eq!(
            copyright_holder("Copyrights ⓒ TV조선. 무단전재 및 재배포 금지").as_deref(),
            Some("TV조선")
        );
        assert_eq!(
            copyright_holder("<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>").as_deref(),
            Some("비즈니스포스트")
        );
        assert_eq!(
            copyright_holder("Copyright © 2024 Example. All rights reserved.").as_deref(),
            Some("Example")
        );
        assert_eq!(
            copyright_holder("Copyright(c) Since 1996, MBC&iMBC All rights reserved.").as_deref(),
            Some("MBC")
        );
        // A quoted slogan before the outlet.
        assert_eq!(
            copyright_holder(
                "<저작권자 ⓒ ‘성공을 꿈꾸는 사람들의 경제 뉴스’ 머니S, 무단전재 및 재배포 금지>"
            )
            .as_deref(),
            Some("머니S")
        );
        // The word without a mark, on an old page: the paper before its web site.
        assert_eq!(
            copyright_holder("- Copyright 조선일보 & chosun.com -").as_deref(),
            Some("조선일보")
        );
        assert!(is_copyright("- Copyright 조선일보 & chosun.com -"));
        assert_eq!(
            copyright_holder("ⓒ 한겨레신문 : 무단전재 및 재배포 금지").as_deref(),
            Some("한겨레신문")
        );
        // A slogan with a comma, the outlet named last.
        assert_eq!(
            copyright_holder("ⓒ 세상을 보는 눈, 글로벌 미디어 세계일보").as_deref(),
            Some("세계일보")
        );
        assert_eq!(
            copyright_holder("ⓒ 경향신문, 무단전재 및 재배포 금지").as_deref(),
            Some("경향신문")
        );
        assert_eq!(
            copyright_holder("ⓒ 일다 www.ildaro.com 무단전재 및 재배포금지").as_deref(),
            Some("일다")
        );
        assert_eq!(copyright_holder("Copyrighted works are protected"), None);
        // is_copyright lowercases the text only: the markers must be lowercase already.
        let markers = crate::rules::COPYRIGHT_MARKERS;
        assert!(markers.iter().all(|m| m.to_ascii_lowercase() == *m));
    }

    #[test]
    fn a_pictures_placeholder_is_no_text() {
        assert!(is_picture_placeholder("#그림2오른쪽#"));
        assert!(is_picture_placeholder(" #사진1# "));
        assert!(!is_picture_placeholder("#그림책#"));
        assert!(!is_picture_placeholder("#해시태그#"));
        assert!(!is_picture_placeholder(
            "#사진1 속 인물은 누구인가 그리고 무엇을 했나#"
        ));
    }

    #[test]
    fn a_columns_disclaimer_is_a_note_however_it_opens() {
        assert!(is_article_notice(
            "※ 외부 필자의 칼럼은 미디어스의 편집 방향과 다를 수 있습니다."
        ));
        assert!(is_article_notice("기고 내용은 본지 편집방향과 무관합니다."));
        assert!(!is_article_notice(
            "위원회는 편집 방향을 두고 의견이 다를 수 있다고 말했다."
        ));
    }

    #[test]
    fn a_source_then_a_credit_word_ends_a_caption() {
        assert!(ends_with_photo_credit(
            "익산시 왕궁면 정착농원 일대의 축사 모습. /새전북신문 자료사진"
        ));
        assert!(ends_with_photo_credit("시민들이 걷고 있다. / 전주시 제공"));
        assert!(!ends_with_photo_credit("매출은 1/2 수준이다"));
    }

    #[test]
    fn notices_of_a_summary_and_of_investment_are_notes() {
        assert!(is_summary_notice(
            "TP AI 유의사항: TokenPost.ai 기반 언어 모델을 사용하여 기사를 요약했습니다. 본문의 주요 내용이 제외되거나 사실과 다를 수 있습니다."
        ));
        assert!(!is_summary_notice("회사는 AI로 기사를 요약했다고 밝혔다."));
        assert!(is_article_notice(
            "본 기사는 정보 제공을 목적으로 하며 투자 권유가 아닙니다. 투자에 대한 최종 판단과 책임은 투자자 본인에게 있습니다."
        ));
        assert!(!is_article_notice(
            "금융당국은 투자 권유 규제를 강화한다. 투자자 본인의 책임도 커진다."
        ));
    }
}

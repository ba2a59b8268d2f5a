//! Recognizers for Korean news conventions: reporter bylines with role and email, the
//! sign-off glued to the last paragraph, datelines opening the story, caption pointers and
//! photo credits, copyright notices; organisations named as authors, broadcast crew
//! credits, tip-line promos and reaction prompts. The words they read are in [`vocab`].

use crate::article::Author;

pub mod vocab;

pub use vocab::ROLES;

pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

pub fn has_hangul(s: &str) -> bool {
    s.chars().any(is_hangul_syllable)
}

fn is_korean_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_hangul_syllable)
}

fn find_email(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || "()[]<>,;:|/".contains(c))
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

/// Reads `정희경 기자 huiky@businesspost.co.kr`, `[서울경제 홍길동 기자]`, `홍길동·김철수 기자`,
/// `홍길동 선임기자 (hong@x.com)`. Returns the authors and the cleaned byline as printed.
pub fn parse_byline(text: &str) -> Option<(Vec<Author>, String)> {
    let text = text
        .trim()
        .trim_matches(|c| c == '[' || c == ']' || c == '(' || c == ')');
    let email = find_email(text);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        let Some((name_part, role)) = name_and_role(&words, i) else {
            continue;
        };
        // A place before the name (`제주=홍길동 기자`) is the dateline's, not the name's.
        let name_part = name_part.rsplit('=').next().unwrap_or(name_part);
        let names: Vec<String> = name_part
            .split(['·', ',', '/', '・'])
            .map(|n| n.trim().to_string())
            .filter(|n| is_korean_name(n))
            .collect();
        if names.is_empty() {
            continue;
        }
        let authors = names
            .iter()
            .enumerate()
            .map(|(k, n)| Author {
                name: n.clone(),
                role: Some(role.to_string()),
                email: if k == 0 { email.clone() } else { None },
            })
            .collect();
        let byline = format!("{} {}", names.join("·"), role);
        return Some((authors, byline));
    }
    None
}

/// The reporter a word names with its role: `홍길동기자` (glued, a name before the role) or
/// `기자` after the name word. Returns the name part as written and the role.
fn name_and_role<'a>(words: &[&'a str], i: usize) -> Option<(&'a str, &'static str)> {
    // A place before the name (`제주=홍길동기자`) is not part of it.
    let w = words[i].rsplit('=').next().unwrap_or(words[i]);
    match ROLES.iter().find(|r| w.ends_with(*r)) {
        Some(role) if w.len() > role.len() && is_korean_name(&w[..w.len() - role.len()]) => {
            Some((&w[..w.len() - role.len()], *role))
        }
        Some(role) if w == *role && i > 0 => Some((words[i - 1], *role)),
        _ => None,
    }
}

/// Splits a sign-off from the end of the last paragraph: `… 말했다. 정희경 기자`,
/// `… 밝혔다./연합뉴스`, `(끝)`, a trailing reporter email. Returns (text without it, sign-off).
pub fn split_signoff(paragraph: &str) -> Option<(String, String)> {
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
        if let Some((_, byline)) = parse_byline(&tail) {
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
    None
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
    inner[..reporter_at].trim_end()
}

/// A label of a kind of story (`[단독]`, `[속보]`, `[이슈+]`, `[포토]`), not a place or outlet.
fn is_series_label(inner: &str) -> bool {
    let core = inner.trim_end_matches(['+', '…', '.', ' ']);
    inner.contains('+') || vocab::SERIES_LABELS.contains(&core) || core.starts_with("종합")
}

/// The reporter named where the story opens: `(서울=연합뉴스) 홍길동 기자 = …`,
/// `[서울=뉴시스]홍길동 기자 = …`, `[세종=아시아경제 주상돈 기자] …`, `[이데일리 홍길동 기자] …`.
pub fn lead_byline(first_paragraph: &str) -> Option<(Vec<Author>, String)> {
    let p = first_paragraph.trim_start();
    let (close, rest) = match p.chars().next()? {
        '[' => (']', &p[1..]),
        '(' => (')', &p[1..]),
        '【' => ('】', &p['【'.len_utf8()..]),
        _ => return None,
    };
    let end = rest.find(close)?;
    let inner = &rest[..end];
    if inner.chars().count() <= 40 {
        if let Some(found) = parse_byline(inner.rsplit('=').next().unwrap_or(inner)) {
            return Some(found);
        }
    }
    // After the bracket: `홍길동 기자 =` (the `=` within a few words).
    let after = rest[end + close.len_utf8()..].trim_start();
    let eq = after.find('=')?;
    let head = &after[..eq];
    if head.chars().count() > 30 || head.contains(['.', '"', '“']) {
        return None;
    }
    parse_byline(head)
}

/// Whether a name from the page's metadata (`og:article:author`, JSON-LD) is an organisation
/// rather than a person: the outlet (`YTN`, `한겨레`, the site's own name), a portal copy
/// (`머니투데이 | 네이버`), an acronym of capitals (`MBC`, `JTBC`), or a name ending as
/// outlets do (`연합뉴스TV`, `서울신문`).
pub fn is_organisation(name: &str, site_name: Option<&str>) -> bool {
    let n = name.trim();
    if n.is_empty() {
        return false;
    }
    let lower = n.to_lowercase();
    let same_as_site = site_name.is_some_and(|s| {
        let s = s.trim().to_lowercase();
        !s.is_empty() && (s == lower || s.contains(&lower) || lower.contains(&s))
    });
    let acronym = (2..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_uppercase());
    same_as_site
        || acronym
        || n.contains('|')
        || vocab::PORTALS
            .iter()
            .any(|p| lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == *p))
        || vocab::ORGANISATION_ENDINGS
            .iter()
            .any(|e| n.ends_with(e) && !is_korean_name(n))
}

/// The outlet an organisation author names (`머니투데이 | 네이버` → `머니투데이`), for a page
/// that does not say its site name otherwise.
pub fn outlet_of(author: &str) -> Option<String> {
    let first = author.split('|').next()?.trim();
    (!first.is_empty() && !vocab::PORTALS.contains(&first.to_lowercase().as_str()))
        .then(|| first.to_string())
}

/// A broadcast's crew credits (`[영상취재 홍길동 / 영상편집 김철수]`, `영상취재: 이준호 /
/// 영상편집: 최서연`, `(촬영기자: 김민수)`): every part a crew role and a name.
pub fn is_crew_credit(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| "[]()<>【】".contains(c) || c.is_whitespace());
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    t.split(['/', ',', '·', '|']).all(|part| {
        let part = part.trim();
        vocab::CREW_ROLES.iter().any(|r| {
            part.strip_prefix(r).is_some_and(|rest| {
                let rest = rest.trim_start_matches([':', '：', '=', ' ']).trim();
                // A role and one or a few names (`영상취재 홍길동 김민수`).
                !rest.is_empty()
                    && rest.split_whitespace().count() <= 3
                    && rest.split_whitespace().all(|w| {
                        is_korean_name(w) || w.chars().all(|c| c.is_alphabetic()) && w.len() <= 20
                    })
            })
        })
    })
}

/// A line of a tip-line promo (`▷ 전화 02-398-3000`, `▷ 이메일 jebo@yna.co.kr`, `▷ 카카오톡
/// @jebo`, `제보는 카카오톡 okjebo`): a pointer or a contact word first, and a way to reach the
/// newsroom (a number, an address, a messenger ID).
pub fn is_tip_promo_line(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let pointed = t.starts_with(['▷', '▶', '※', '☞', '■', '□', '◆']);
    let body = t
        .trim_start_matches(['▷', '▶', '※', '☞', '■', '□', '◆', ' '])
        .trim();
    let body = body.trim_start_matches(['[', '(']);
    let contact_first = vocab::CONTACT_WORDS.iter().any(|w| body.starts_with(w));
    let reachable = body.contains('@')
        || body
            .as_bytes()
            .windows(3)
            .any(|w| w.iter().all(u8::is_ascii_digit))
        || body.contains("카카오톡")
        || body.contains("카톡");
    (pointed || body.starts_with("제보")) && contact_first && reachable
}

/// A block of tip-line promo lines (`▷ 전화 …▷ 이메일 …▷ 카카오톡 …`, the lines joined).
pub fn is_tip_promo_block(text: &str) -> bool {
    let t = text.trim();
    if !t.starts_with(['▷', '▶', '※', '☞']) || t.chars().count() > 200 {
        return is_tip_promo_line(t);
    }
    t.split(['▷', '▶', '※', '☞'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .all(|l| is_tip_promo_line(&format!("▷ {l}")))
}

/// A prompt for a reaction (`이 기사가 마음에 들었다면, 좋아요를 눌러 주세요`): a short line
/// with a prompt phrase and a reaction word.
pub fn is_reaction_prompt(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 100
        && vocab::REACTION_PROMPTS.iter().any(|p| t.contains(p))
        && vocab::REACTION_WORDS.iter().any(|w| t.contains(w))
}

/// A caption without its `▲`/`△` pointer, and the photo credit it names (`<네이버>`,
/// `[사진=네이버]`, `/사진=뉴스1`, `ⓒ뉴스1`, `(사진=…)`). The credit stays in the caption text.
pub fn clean_caption(text: &str) -> (String, Option<String>) {
    let caption = text
        .trim()
        .trim_start_matches(['▲', '△', '▶', '■', '▷'])
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
    if let Some(pos) = c.rfind("/사진=") {
        return Some(c[pos + "/사진=".len()..].trim().to_string());
    }
    if let Some(pos) = c.rfind(['ⓒ', '©']) {
        let v = c[pos..].trim_start_matches(['ⓒ', '©']).trim();
        if !v.is_empty() && v.chars().count() <= 30 {
            return Some(v.to_string());
        }
    }
    None
}

/// A copyright notice (`<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>`, `ⓒ 연합뉴스`).
pub fn is_copyright(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    if chars >= 250 {
        return false;
    }
    // Case-insensitive for ASCII (the markers are lowercase). This runs on every short block:
    // one lowercased copy and the standard substring search beat comparing every window.
    let lower = t.to_ascii_lowercase();
    crate::rules::COPYRIGHT_MARKERS
        .iter()
        .any(|m| lower.contains(m))
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

    #[test]
    fn reads_bylines_with_role_and_email() {
        let (authors, byline) = parse_byline("정희경 기자\u{a0}huiky@businesspost.co.kr").unwrap();
        assert_eq!(
            authors,
            vec![Author {
                name: "정희경".into(),
                role: Some("기자".into()),
                email: Some("huiky@businesspost.co.kr".into())
            }]
        );
        assert_eq!(byline, "정희경 기자");
        let (authors, _) = parse_byline("[서울경제 홍길동 선임기자]").unwrap();
        assert_eq!(authors[0].name, "홍길동");
        assert_eq!(authors[0].role.as_deref(), Some("선임기자"));
        let (authors, _) = parse_byline("홍길동·김철수 기자").unwrap();
        assert_eq!(authors.len(), 2);
        assert!(parse_byline("기자회견에서 밝혔다").is_none());
    }

    #[test]
    fn reads_the_reporter_where_the_story_opens() {
        let name = |p: &str| lead_byline(p).map(|(a, _)| a[0].name.clone());
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
        assert_eq!(dateline("그냥 문장"), None);
        assert_eq!(dateline("[이슈+] 고물가에"), None);
        assert_eq!(dateline("[단독] 검찰"), None);
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
        assert_eq!(
            outlet_of("머니투데이 | 네이버").as_deref(),
            Some("머니투데이")
        );
    }

    #[test]
    fn broadcast_chrome_lines() {
        assert!(is_crew_credit("[영상취재 김철수 / 영상편집 박민지]"));
        assert!(is_crew_credit("영상취재: 이준호 / 영상편집: 최서연"));
        assert!(!is_crew_credit("편집국은 이날 회의를 열었다"));
        assert!(is_tip_promo_block(
            "▷ 전화 02-784-4000 ▷ 이메일 a@b.co.kr ▷ 카카오톡 @mbc제보"
        ));
        assert!(!is_tip_promo_line("전화 통화에서 그는 2023년 일을 말했다"));
        assert!(is_reaction_prompt(
            "이 기사가 마음에 들었다면, 좋아요를 눌러 주세요."
        ));
        assert!(!is_reaction_prompt("선수들은 팬들의 응원에 감사했다."));
    }

    #[test]
    fn places_before_names_are_not_names() {
        let (a, b) = parse_byline("제주=고현준기자").unwrap();
        assert_eq!((a[0].name.as_str(), b.as_str()), ("고현준", "고현준 기자"));
        let (a, _) = parse_byline("제주=고현준 기자").unwrap();
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
        // is_copyright lowercases the text only: the markers must be lowercase already.
        let markers = crate::rules::COPYRIGHT_MARKERS;
        assert!(markers.iter().all(|m| m.to_ascii_lowercase() == *m));
    }
}

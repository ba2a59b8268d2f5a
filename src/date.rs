//! Dates as ISO 8601 with an offset: from metadata (`2025-07-22T17:02:49+0900`, RFC 2822-ish
//! `Tue, 22 Jul 2025 08:02:49 GMT`) and from visible Korean formats (`2025-07-22 17:02:49`,
//! `입력 2024.01.29 15:17`, `2020.07.13. 오후 5:04`). Korean pages without an offset are KST.
//! A small hand parser: no date crate parses these Korean forms, and the wasm budget is tight.

use crate::markup::FoldCase;
use std::fmt::Write;

/// The parts of a date and time as read.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Parts {
    year: u32,
    month: u32,
    day: u32,
    time: Option<(u32, u32, Option<u32>)>,
    /// Offset in minutes, if the text gave one.
    offset: Option<i32>,
}

fn format(p: Parts, default_offset: Option<i32>) -> Option<String> {
    if !(1970..=2200).contains(&p.year)
        || !(1..=12).contains(&p.month)
        || !(1..=31).contains(&p.day)
    {
        return None;
    }
    let mut s = format!("{:04}-{:02}-{:02}", p.year, p.month, p.day);
    let offset = p.offset.or(default_offset);
    if let Some((h, m, sec)) = p.time {
        if h > 23 || m > 59 || sec.unwrap_or(0) > 60 {
            return None;
        }
        _ = write!(s, "T{h:02}:{m:02}");
        if let Some(sec) = sec {
            _ = write!(s, ":{sec:02}");
        }
        if let Some(o) = offset {
            if o == 0 && p.offset == Some(0) {
                s.push('Z');
            } else {
                let sign = if o < 0 { '-' } else { '+' };
                _ = write!(s, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60);
            }
        }
    }
    Some(s)
}

/// Numbers in order with what separates them, reading `2025-07-22 17:02:49+09:00`.
fn numbers(s: &str) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start <= 9 {
                if let Ok(n) = s[start..i].parse() {
                    out.push((n, start, i));
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

fn month_from_name(s: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = s.to_ascii_lowercase();
    MONTHS
        .iter()
        .enumerate()
        .filter_map(|(i, m)| lower.find(m).map(|pos| (pos, i as u32 + 1)))
        .filter(|(pos, _)| {
            // A whole word: not inside another word.
            let before = lower[..*pos].chars().last();
            before.is_none_or(|c| !c.is_ascii_alphabetic())
        })
        .min_by_key(|(pos, _)| *pos)
        .map(|(_, m)| m)
}

/// Reads an offset (`+09:00`, `+0900`, `Z`, `GMT`, `UTC`, `KST`) after byte `from`.
fn offset_after(s: &str, from: usize) -> Option<i32> {
    let rest = s[from..].trim_start();
    let b = rest.as_bytes();
    if rest.starts_with('Z') || rest.starts_with("GMT") || rest.starts_with("UTC") {
        if let Some(after) = rest
            .get(3..)
            .filter(|_| rest.starts_with("GMT") || rest.starts_with("UTC"))
        {
            if after.starts_with('+') || after.starts_with('-') {
                return offset_after(after, 0);
            }
        }
        return Some(0);
    }
    if rest.starts_with("KST") {
        return Some(540);
    }
    if b.first().is_some_and(|c| *c == b'+' || *c == b'-') {
        let sign = if b[0] == b'-' { -1 } else { 1 };
        let digits: String = rest[1..]
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == ':')
            .take(5)
            .collect::<String>()
            .replace(':', "");
        let (h, m) = match digits.len() {
            4 => (
                digits[..2].parse::<i32>().ok()?,
                digits[2..].parse::<i32>().ok()?,
            ),
            2 => (digits.parse::<i32>().ok()?, 0),
            _ => return None,
        };
        return Some(sign * (h * 60 + m));
    }
    None
}

/// Normalizes a date string to ISO 8601. `korean` supplies +09:00 when the text gives no
/// offset. Returns None when no date can be read.
pub fn normalize(raw: &str, korean: bool) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let default_offset = korean.then_some(540);
    // Compact digits with the time (Daum's `og:regDate`: `20240129151703`, `202401291517`).
    if (s.len() == 12 || s.len() == 14) && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
        return format(
            Parts {
                year: n(0..4)?,
                month: n(4..6)?,
                day: n(6..8)?,
                time: Some((
                    n(8..10)?,
                    n(10..12)?,
                    n(12..s.len()).filter(|_| s.len() == 14),
                )),
                offset: None,
            },
            default_offset,
        );
    }
    let nums = numbers(s);
    if nums.is_empty() {
        return None;
    }
    // Year first: 2025-07-22, 2025.07.22., 2025/07/22, 2025년 7월 22일, 20250722.
    let (year, month, day, next) =
        if nums[0].0 >= 1000 && nums[0].2 - nums[0].1 == 4 && nums.len() >= 3 {
            (nums[0].0, nums[1].0, nums[2].0, 3)
        } else if nums[0].2 - nums[0].1 == 8 {
            let n = nums[0].0;
            (n / 10000, n / 100 % 100, n % 100, 1)
        } else if let Some(month) = month_from_name(s) {
            // "Jul 22, 2025", "22 July 2025", "Tue, 22 Jul 2025 08:02:49 GMT"; the time may come
            // first (Yonhap English's `14:22 March 05, 2024`): its numbers are no day.
            let year_pos = nums.iter().position(|n| n.0 >= 1000 && n.2 - n.1 == 4)?;
            let in_time =
                |n: &(u32, usize, usize)| s[n.2..].starts_with(':') || s[..n.1].ends_with(':');
            let day = nums
                .iter()
                .take(year_pos.max(1))
                .find(|n| n.0 >= 1 && n.0 <= 31 && !in_time(n))
                .map(|n| n.0)
                .or_else(|| nums.get(year_pos + 1).map(|n| n.0))?;
            // (The time before the date is read from its first number.)
            let time_first = nums.len() == year_pos + 1 && year_pos >= 3 && in_time(&nums[0]);
            let next = if time_first { 0 } else { year_pos + 1 };
            (nums[year_pos].0, month, day, next)
        } else if nums.len() >= 3 && nums[2].0 >= 1000 {
            // 07/22/2025 (US order)
            (nums[2].0, nums[0].0, nums[1].0, 3)
        } else {
            return None;
        };
    let (time, offset) = if nums.len() >= next + 2 {
        time_after(s, &nums, next)
    } else {
        (None, None)
    };
    format(
        Parts {
            year,
            month,
            day,
            time,
            offset,
        },
        default_offset,
    )
}

/// A time of day (hour, minute, second if given) and its offset in minutes, if given.
type Time = (Option<(u32, u32, Option<u32>)>, Option<i32>);

/// The time (and its offset) whose hour is the `next`-th number of `s`: minutes, seconds if
/// any, the half of the day before the hour or after the time, a zone after it.
fn time_after(s: &str, nums: &[(u32, usize, usize)], next: usize) -> Time {
    let (h, _, _) = nums[next];
    let (m, _, m_end) = nums[next + 1];
    let mut end = m_end;
    let mut sec = None;
    if let Some(&(sv, ss, se)) = nums.get(next + 2) {
        // `18:42:37`, or old chosun.com's `18:42 37'`.
        let primed = s[m_end..ss].trim().is_empty() && s[se..].starts_with(&['\'', '′'][..]);
        if (s[m_end..ss].trim() == ":" || primed) && sv < 60 {
            sec = Some(sv);
            end = se
                + if primed {
                    s[se..].chars().next().map_or(0, char::len_utf8)
                } else {
                    0
                };
        }
    }
    // Skip fractional seconds.
    if s[end..].starts_with('.') {
        end += 1 + s[end + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .count();
    }
    // The half of the day before the hour (`오후 5:04`, `2015.03.12 / PM 04:21`) or after it.
    let before_hour = &s[..nums[next].1];
    let marked = |korean: &str, latin: &str| {
        before_hour.contains(korean)
            || before_hour.trim_end().ends_with(latin)
            || s[end..]
                .trim_start()
                .get(..latin.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(latin))
    };
    let pm = marked("오후", "PM");
    let am = marked("오전", "AM");
    let h = if pm && h < 12 {
        h + 12
    } else if am && h == 12 {
        0
    } else {
        h
    };
    let time = Some((h, m, sec));
    let after = s[end..].trim_start();
    let after = after
        .strip_prefix("PM")
        .or_else(|| after.strip_prefix("AM"))
        .or_else(|| after.strip_prefix("pm"))
        .or_else(|| after.strip_prefix("am"))
        .unwrap_or(after);
    (time, offset_after(after, 0))
}

/// Finds the first date with a time in visible text (`입력 2024.01.29 15:17 수정 …`), after a
/// label when one is given. Without a label the date may come after other text with numbers
/// in it (a headline's `최대 24개월` above the date line): it is read from each place a date
/// can begin ([`date_starts`]) until one reads.
pub fn find_in_text(text: &str, labels: &[&str], korean: bool) -> Option<String> {
    let mut starts: Vec<usize> = labels
        .iter()
        .filter_map(|l| text.find(l).map(|p| p + l.len()))
        .collect();
    if labels.is_empty() {
        starts.push(0);
    }
    let tries = if labels.is_empty() {
        MAX_DATE_STARTS
    } else {
        1
    };
    for start in starts {
        let rest = &text[start..];
        // A label's date may print its year in two digits (`입력 24.03.05 10:21`), and so
        // may a line that opens with the date and its time (`25.11.05 14:32 l 최종 …`): this
        // century's.
        // (Without a label, such a date and its time may come after a byline's words: `글:
        // 김은주 24.06.11 14:35`.)
        let widened;
        let b = rest.as_bytes();
        let short = (0..b.len().saturating_sub(7))
            .filter(|&i| i == 0 || labels.is_empty() && b[i - 1] == b' ' && b[i].is_ascii_digit())
            .find_map(|i| short_year_date(&rest[i..]).map(|at| i + at));
        let rest = match short {
            Some(at) if !labels.is_empty() || time_follows(&rest[at + 8..]) => {
                widened = format!("{}20{}", &rest[..at], &rest[at..]);
                widened.as_str()
            }
            _ => rest,
        };
        for pos in date_starts(rest).take(tries) {
            let candidate: String = rest[pos..].chars().take(40).collect();
            // Cut at the next label ("수정", "|") so two dates are not read as one.
            // (A `|` before the time splits nothing: `입력 2024.06.11 | 10:05`.)
            let cut = crate::korean::vocab::DATE_LINE_CUTS
                .iter()
                .filter_map(|m| candidate.find(m))
                .filter(|&p| {
                    p > 8 && !(candidate[p..].starts_with('|') && time_follows(&candidate[p + 1..]))
                })
                .min()
                .unwrap_or(candidate.len());
            let candidate = &candidate[..cut];
            // (A month by its name counts as a number: JoongAng Daily 2014's `Jun 20,2014`.)
            let named_month = month_from_name(candidate).is_some() as usize;
            if numbers(candidate).len() + named_month >= 3 {
                if let Some(d) = normalize(candidate, korean) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Where a date with a two-digit year begins right after a label (`: 24.03.05 10:21`, not
/// `2024.03.05`): two digits, a `.`, `-` or `/`, two digits, the same mark, two digits.
fn short_year_date(rest: &str) -> Option<usize> {
    let at = rest.len() - rest.trim_start_matches(&[' ', ':', '\u{a0}'][..]).len();
    let b = rest.as_bytes().get(at..at + 8)?;
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let mark = b[2];
    (digits(0..2)
        && matches!(mark, b'.' | b'-' | b'/')
        && digits(3..5)
        && b[5] == mark
        && digits(6..8)
        && !rest.as_bytes().get(at + 8).is_some_and(u8::is_ascii_digit))
    .then_some(at)
}

/// Whether a text prints a date in numbers (`2020.06.15`, `2019-08-23`) or a time of day
/// (`14:33`): what a line of page furniture holds and a sentence of prose rarely does.
pub fn holds_printed_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let clock = b.get(i + 2) == Some(&b':') && digit(i + 3) && digit(i + 4) && !digit(i + 5);
        let mark = b.get(i + 4).filter(|m| matches!(m, b'.' | b'-' | b'/'));
        let day_at = if digit(i + 6) { i + 7 } else { i + 6 };
        let numeric_date = mark.is_some()
            && digit(i + 2)
            && digit(i + 3)
            && digit(i + 5)
            && b.get(day_at) == mark
            && digit(day_at + 1);
        (i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && (clock || numeric_date)
    })
}

/// Whether a time of day (`14:32`) follows, after a space.
fn time_follows(rest: &str) -> bool {
    let b = rest.trim_start().as_bytes();
    rest.starts_with(' ')
        && b.len() >= 5
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b':'
        && b[3..5].iter().all(u8::is_ascii_digit)
}

/// How many places a date might begin are tried in a text without a label.
const MAX_DATE_STARTS: usize = 8;

/// Where a printed date can begin: a year of four digits (`2024.03.05`, `2024년`), compact
/// digits (`20240305`), a month's name before its day (`Mar. 5, 2024`), a day before a month's
/// name (`05 Mar. 2024`).
fn date_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let month_at = |i: usize| {
        text.get(i..i + 3).is_some_and(|w| {
            month_from_name(w).is_some() && w.bytes().all(|c| c.is_ascii_alphabetic())
        })
    };
    (0..b.len()).filter(move |&i| {
        let after_digit = i > 0 && b[i - 1].is_ascii_digit();
        if b[i].is_ascii_digit() && !after_digit {
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            let after = text[i + run..].trim_start_matches(&[' ', '.', ','][..]);
            // (A time before a month's name opens the date too: `14:22 March 05, 2024`; the
            // minutes before it are no day.)
            let time_first = run <= 2
                && text[i + run..].starts_with(':')
                && text[i + run + 1..].get(2..).is_some_and(|rest| {
                    let rest = rest.trim_start();
                    let rest = ["AM ", "PM ", "am ", "pm "]
                        .iter()
                        .find_map(|h| rest.strip_prefix(h))
                        .unwrap_or(rest);
                    rest.len() >= 3 && month_at(text.len() - rest.len())
                });
            let minutes = i > 0 && b[i - 1] == b':';
            matches!(run, 4 | 8 | 12 | 14)
                || time_first
                || run <= 2 && !minutes && after.len() >= 3 && month_at(text.len() - after.len())
        } else if b[i].is_ascii_alphabetic() && (i == 0 || !b[i - 1].is_ascii_alphabetic()) {
            let word = b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let after = text[i + word..].trim_start_matches(&[' ', '.', ','][..]);
            month_at(i) && after.starts_with(|c: char| c.is_ascii_digit())
        } else {
            false
        }
    })
}

/// Words that a printed date is made of besides its numbers, lowercase: month and weekday
/// names (English, Portuguese, Spanish, French, German, Italian), times and zones, labels and
/// connectors, and the words of relative dates (Korean date labels: `korean::vocab`).
const DATE_WORDS: [&str; 5] = [
    "jan january feb february mar march apr april may jun june jul july aug august sep sept \
     september oct october nov november dec december fev abr mai ago set out dez janeiro \
     fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro ene dic \
     enero febrero marzo mayo junio julio septiembre setiembre octubre noviembre diciembre \
     janv févr fév mars avr juin juil août déc janvier février avril juillet septembre octobre \
     novembre décembre mär okt januar februar märz juni juli oktober dezember gen mag giu lug \
     ott gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre",
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday \
     sun sunday domingo segunda terça quarta quinta sexta sábado feira lunes martes miércoles \
     jueves viernes lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag \
     mittwoch donnerstag freitag samstag sonntag",
    "am pm a p m h utc gmt est edt cst cdt mst mdt pst pdt bst cet cest ist jst kst aest aedt \
     brt 오전 오후 일시 월 화 수 목 금 토 일 월요일 화요일 수요일 목요일 금요일 토요일 일요일",
    "published updated posted modified created last first on at of the às as em de del do da \
     el le à um den publicado atualizado actualizado publié mis jour veröffentlicht \
     aktualisiert pubblicato aggiornato",
    "ago today yesterday min mins minute minutes hr hrs hour hours day days week weeks month \
     months year years",
];

/// Whether a text is only a date or time as printed (`Sunday, Feb 1, 2015 11:57 AM UTC`,
/// `21.dez.2018 às 10h55`, `Updated 3 hours ago`, `입력 2024.01.29 15:17`): numbers and date
/// words, nothing else. A name is never date-like, even one with digits in it (`CC7567`).
pub fn is_date_like(text: &str) -> bool {
    const NUMBER_SUFFIXES: &[&str] = &[
        "", "st", "nd", "rd", "th", "h", "t", "z", "tz", "am", "pm", "년", "월", "일", "시", "분",
        "초",
    ];
    let mut numbers = 0;
    // (`ㅣ`, a Hangul vowel alone, is drawn as a bar between fields: `15:48:27ㅣ수정 : …`.)
    for token in text
        .split(|c: char| !c.is_alphanumeric() || c == 'ㅣ')
        .filter(|t| !t.is_empty())
    {
        let lower = token.fold_case();
        if lower.chars().any(|c| c.is_ascii_digit()) {
            let letters: String = lower.chars().filter(|c| !c.is_ascii_digit()).collect();
            // A label glued to the time before it (`오전 8:41발행 …`, two spans side by side).
            // (Or a Korean date printed without spaces: `2022년05월12일`.)
            let korean_units =
                !letters.is_empty() && letters.chars().all(|c| "년월일시분초".contains(c));
            if !NUMBER_SUFFIXES.contains(&letters.as_str())
                && !korean_units
                && !is_date_label(&letters)
            {
                return false;
            }
            numbers += 1;
        } else if !DATE_WORDS
            .iter()
            .any(|l| l.split_whitespace().any(|w| w == lower))
            && !is_date_label(&lower)
        {
            return false;
        }
    }
    numbers > 0
}

/// A Korean page's label of a printed date (`입력`, `수정`, `Updated`, the print edition's `지면`), in
/// any ASCII case.
pub(crate) fn is_date_label(word: &str) -> bool {
    use crate::korean::vocab::{MODIFIED_LABELS, PRINT_EDITION_LABELS, PUBLISHED_LABELS};
    // (A print edition's label too: 전자신문's `발행일 : 2024-05-21 16:00 지면 : 2024-05-22 2면`.)
    PUBLISHED_LABELS
        .iter()
        .chain(MODIFIED_LABELS)
        .chain(PRINT_EDITION_LABELS)
        .any(|l| l.eq_ignore_ascii_case(word))
}

/// The same moment on Korean time (`2023-04-18T06:04:06Z` → `2023-04-18T15:04:06+09:00`), for
/// a Korean page whose metadata gives the time in UTC or another zone: Korean readers and the
/// page itself print KST. None when `iso` is not a date with a time and an offset.
pub fn in_kst(iso: &str) -> Option<String> {
    const KST: i64 = 9 * 60;
    let b = iso.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let d = b.get(r)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0i64, |n, c| n * 10 + i64::from(c - b'0')))
    };
    if b.len() < 17 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute) = (num(11..13)?, num(14..16)?);
    // Seconds and fractions as written, up to the offset.
    let zone_at = iso[16..].find(&['Z', '+', '-'][..]).map(|p| p + 16)?;
    let seconds = &iso[16..zone_at];
    if !seconds
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b':' || c == b'.')
    {
        return None;
    }
    let offset = match &iso[zone_at..] {
        "Z" => 0,
        z if z.len() == 6 && z.as_bytes()[3] == b':' => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            sign * (num(zone_at + 1..zone_at + 3)? * 60 + num(zone_at + 4..zone_at + 6)?)
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    if offset == KST {
        return Some(iso.to_string());
    }
    let minutes = days_from_civil(year, month, day) * 1440 + hour * 60 + minute - offset + KST;
    let (y, m, d) = civil_from_days(minutes.div_euclid(1440));
    let of_day = minutes.rem_euclid(1440);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}{seconds}+09:00",
        of_day / 60,
        of_day % 60
    ))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_date_is_numbers_with_marks_or_a_clock() {
        for d in [
            "2020.06.15 조회 842",
            "기사전송 2019-08-23 12:00",
            "All News 14:33",
            "2024/5/1",
        ] {
            assert!(holds_printed_date(d), "{d}");
        }
        for n in [
            "2024년도 레지던트 1년차",
            "8만8천명→4만1천명",
            "3:1로 이겼다",
            "12345.6.7",
        ] {
            assert!(!holds_printed_date(n), "{n}");
        }
    }

    #[test]
    fn korean_time_of_a_utc_moment() {
        assert_eq!(
            in_kst("2023-04-18T06:04:06Z").as_deref(),
            Some("2023-04-18T15:04:06+09:00")
        );
        // Across midnight, a month end and a leap day; fractions kept.
        assert_eq!(
            in_kst("2024-02-28T20:30:00.5-05:00").as_deref(),
            Some("2024-02-29T10:30:00.5+09:00")
        );
        assert_eq!(
            in_kst("2024-12-31T15:00+00:00").as_deref(),
            Some("2025-01-01T00:00+09:00")
        );
        assert_eq!(
            in_kst("2025-07-22T17:02:49+09:00").as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(in_kst("2025-07-22 17:02:49"), None);
        assert_eq!(in_kst("2025-07-22"), None);
    }

    #[test]
    fn normalizes_meta_dates() {
        assert_eq!(
            normalize("2025-07-22T17:02:49+0900", false).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            normalize("2018-04-05T06:00", false).as_deref(),
            Some("2018-04-05T06:00")
        );
        assert_eq!(
            normalize("2019-01-02T03:04:05.123Z", false).as_deref(),
            Some("2019-01-02T03:04:05Z")
        );
        assert_eq!(
            normalize("Tue, 22 Jul 2025 08:02:49 GMT", false).as_deref(),
            Some("2025-07-22T08:02:49Z")
        );
        assert_eq!(
            normalize("July 22, 2025", false).as_deref(),
            Some("2025-07-22")
        );
        assert_eq!(normalize("2025-07-22", true).as_deref(), Some("2025-07-22"));
        assert_eq!(normalize("not a date", false), None);
        assert_eq!(
            normalize("20240129151703", true).as_deref(),
            Some("2024-01-29T15:17:03+09:00")
        );
        assert_eq!(normalize("2025-13-40", false), None);
    }

    #[test]
    fn date_like_texts_are_only_dates() {
        for d in [
            "Sunday, Feb 1, 2015 11:57 AM UTC",
            "21.dez.2018 às 10h55",
            "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
            "May 20, 2019",
            "2019-04-28T06:01:07+09:00",
            "입력 2024.01.29 15:17",
            "2024년 1월 29일 오후 3:17",
            "Updated 3 hours ago",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019",
            // Two spans side by side, the second label glued to the first time.
            "업데이트 2024.11.20 오전 8:41발행 2024.11.20 오전 7:05",
            // A Hangul vowel drawn as the bar between the fields (경향신문 2014).
            "입력 : 2014-06-23 15:48:27ㅣ수정 : 2014-06-23 22:05:10",
            // `일시`, date and time, after the label (뉴시스 2014).
            "기사등록 일시 [2014-09-17 15:42:11]",
            // A weekday in brackets after the day (정책브리핑).
            "보도시점 2022. 8. 19.(금) 11:00",
            // A Korean date without spaces (뉴스핌).
            "기사입력 : 2022년05월12일 14:35",
            // The web's and the print edition's dates side by side (전자신문 2024).
            "발행일 : 2024-05-21 16:00 지면 : 2024-05-22",
        ] {
            assert!(is_date_like(d), "{d}");
        }
        for n in [
            "By Joshua Sokol",
            "CC7567",
            "Mario",
            "By Jane Doe, May 20, 2019",
            "정희경 기자",
            "8시41분발표",
            "",
        ] {
            assert!(!is_date_like(n), "{n}");
        }
    }

    #[test]
    fn reads_korean_visible_dates_as_kst() {
        assert_eq!(
            normalize("2025-07-22 17:02:49", true).as_deref(),
            Some("2025-07-22T17:02:49+09:00")
        );
        assert_eq!(
            normalize("2020.07.13. 오후 5:04", true).as_deref(),
            Some("2020-07-13T17:04+09:00")
        );
        assert_eq!(
            normalize("2015.03.12 / PM 04:21", true).as_deref(),
            Some("2015-03-12T16:21+09:00")
        );
        // Old chosun.com printed the seconds after the minute with a prime.
        assert_eq!(
            normalize("2003.07.14 18:42 37' / 수정 : 2003.07.14 19:05 12'", true).as_deref(),
            Some("2003-07-14T18:42:37+09:00")
        );
        assert_eq!(
            normalize("2024.01.29 15:17 12면", true).as_deref(),
            Some("2024-01-29T15:17+09:00")
        );
        assert_eq!(
            normalize("2025년 7월 22일 오전 12:30", true).as_deref(),
            Some("2025-07-22T00:30+09:00")
        );
        assert_eq!(
            find_in_text(
                "입력 2024.01.29 15:17 수정 2024.01.30 09:00",
                &["입력"],
                true
            )
            .as_deref(),
            Some("2024-01-29T15:17+09:00")
        );
        assert_eq!(
            find_in_text(
                "입력 2024.01.29 15:17 수정 2024.01.30 09:00",
                &["수정"],
                true
            )
            .as_deref(),
            Some("2024-01-30T09:00+09:00")
        );
    }

    #[test]
    fn finds_a_date_after_other_numbers() {
        // The line above the date holds numbers too (a headline's `최대 24개월`).
        assert_eq!(
            find_in_text("청년 월세…최대 24개월 Mar. 5, 2024 10:21 AM", &[], true).as_deref(),
            Some("2024-03-05T10:21+09:00")
        );
        assert_eq!(
            find_in_text("최대 24개월 입력 2024.03.05 10:21", &[], true).as_deref(),
            Some("2024-03-05T10:21+09:00")
        );
        assert_eq!(
            find_in_text("Published : Mar 5, 2024 - 10:21", &["Published"], true).as_deref(),
            Some("2024-03-05T10:21+09:00")
        );
        assert_eq!(
            find_in_text("Published: 05 Mar. 2024, 10:21", &[], true).as_deref(),
            Some("2024-03-05T10:21+09:00")
        );
        assert_eq!(find_in_text("3년 24개월 10명", &[], true), None);
    }

    #[test]
    fn a_time_may_come_before_the_date() {
        // Yonhap English prints `Culture 14:22 March 05, 2024`: the minutes are no day.
        for (line, iso) in [
            ("Culture 14:22 March 05, 2024", "2024-03-05T14:22+09:00"),
            ("2:22 PM March 5, 2024", "2024-03-05T14:22+09:00"),
        ] {
            assert_eq!(
                find_in_text(line, &[], true).as_deref(),
                Some(iso),
                "{line}"
            );
        }
        assert_eq!(
            normalize("09:00 November 14, 2023", true).as_deref(),
            Some("2023-11-14T09:00+09:00")
        );
    }

    #[test]
    fn a_labelled_date_may_print_its_year_in_two_digits() {
        assert_eq!(
            find_in_text("입력 24.03.05 10:21", &["입력"], true).as_deref(),
            Some("2024-03-05T10:21+09:00")
        );
        // Without a label, two-digit groups are a date only with the time after them.
        assert_eq!(
            find_in_text("25.11.05 14:32 l 최종 업데이트 25.11.05 14:32", &[], true).as_deref(),
            Some("2025-11-05T14:32+09:00")
        );
        assert_eq!(find_in_text("24.03.05 기준", &[], true), None);
    }

    #[test]
    fn a_bar_between_the_day_and_its_time_splits_nothing() {
        assert_eq!(
            find_in_text("입력 2024.06.11 | 10:05", &["입력"], true).as_deref(),
            Some("2024-06-11T10:05+09:00")
        );
        assert_eq!(
            find_in_text(
                "입력 2024.06.11 10:05 | 수정 2024.06.12 09:00",
                &["입력"],
                true
            )
            .as_deref(),
            Some("2024-06-11T10:05+09:00")
        );
        assert_eq!(find_in_text("입력 24.03.051", &["입력"], true), None);
    }
}

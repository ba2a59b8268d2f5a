//! After rendering: the clean tree loses what only text can reveal as chrome. Button and list
//! headings (`공유하기`, `Share this`), copyright notices (moved to `copyright`), the reporter's
//! sign-off at the end (kept for the byline), a heading that repeats the title, a line of
//! metadata fields that opens the body, a blog's line that files the post, the lines of links
//! and the prompts (subscribe, follow us, log in to comment) that end the body with what is
//! under them; caption and credit lines printed as paragraphs become their picture's caption
//! or go; captions lose their `▲` pointers and give up their photo credits.

use crate::article::Image;
use crate::korean;
use crate::markup::{fold_whitespace, FoldCase};
use crate::render::{Content, Element};
use crate::rules;
use crate::tags::Tag;

#[derive(Debug, Default)]
pub struct Polished {
    pub copyright: Option<String>,
    pub signoff: Option<String>,
    pub dateline: Option<String>,
    /// The reporter named where the story opens (`(서울=연합뉴스) 홍길동 기자 = …`).
    pub lead_byline: Option<korean::Byline>,
    /// A reporter's email left alone on the last line.
    pub signoff_email: Option<String>,
    /// The reporter's bare name signing off with the photo's source (`박노준 / 사진출처 …`).
    pub signoff_name: Option<String>,
    /// Byline lines inside the story, each closing one part of a package of stories
    /// (`조성훈 기자, 김은령 기자, 정혜윤 기자`): not the text; their reporters are the
    /// article's too.
    pub inner_bylines: Vec<String>,
    /// The outlet's notes about the article (`※ 이 기사는 AI 기술을 활용해 작성했습니다.`).
    pub notes: Vec<String>,
    /// Tags from a line of hashtags under the story (`#고물가 #짠테크`), without the `#`.
    pub hashtags: Vec<String>,
    /// Every image of the body, in order, with the caption and credit of its figure.
    pub images: Vec<Image>,
    /// A profile box's person and the line under the name (`이서진⏎대한한의사협회 … 위원`).
    pub profile: Option<(String, String)>,
    /// The deck where only the story's opening line prints it, after the wire's tag (see
    /// [`take_tagged_deck`]).
    pub deck: Option<String>,
}

/// `deck`: the subtitle the page prints above the story (its lines joined by newlines), which
/// leaves the body where the body repeats it.
#[inline(always)]
pub fn polish(
    body: &mut Element,
    title: &str,
    title_label: Option<&str>,
    deck: Option<&str>,
) -> Polished {
    let mut out = Polished::default();
    // Before the chrome goes: a related box is known by its heading, a chrome line.
    if korean::has_hangul(title) {
        drop_leaked_line_breaks(body, 0);
        drop_related_boxes(body, 0);
    }
    drop_chrome(body, &mut out, 0);
    if korean::has_hangul(title) {
        drop_promo_link_lines(body, 0);
        drop_pull_quotes(body);
        drop_address_lines(body, 0);
    }
    drop_header_lines(body, title);
    if let Some(label) = title_label {
        drop_label_line(body, label);
    }
    drop_truncated_copies(body, title);
    drop_title_heading(body, title);
    if let Some(deck) = deck {
        // Pages print it twice at most (above the body and at its top).
        let key = title_key(deck);
        if drop_deck(body, &key, 0) {
            drop_deck(body, &key, 0);
        }
    }
    drop_after_end_mark(body, 0);
    drop_board_fields(body);
    let opening_byline = drop_opening_meta_lines(body);
    take_signoff(body, &mut out);
    drop_trailing_chrome(body);
    if out.signoff.is_none() && out.signoff_email.is_none() && out.signoff_name.is_none() {
        // The sign-off above a button row's leftovers (`[신윤재 기자]` then a like count).
        take_signoff(body, &mut out);
    }
    out.signoff = out.signoff.or(opening_byline);
    take_inner_bylines(body, &mut out.inner_bylines, 0);
    // A photo story told in its captions: they are its text, and its sign-off is theirs.
    if !has_story_text(body, 0) && captions_as_story(body) {
        take_signoff(body, &mut out);
    }
    drop_dangling_lead_ins(body);
    if korean::has_hangul(title) {
        split_transcript_marks(body, 0);
    }
    let tagged = deck
        .is_none()
        .then(|| take_tagged_deck(body).or_else(|| take_line_over_wire_lead(body)))
        .flatten();
    let lead = first_paragraph_text(body);
    out.dateline = lead.as_deref().and_then(korean::dateline);
    out.lead_byline = lead.as_deref().and_then(korean::lead_byline);
    // (Or the reporters a TV anchor hands the report to, on a Korean story.)
    if out.lead_byline.is_none() && korean::has_hangul(title) {
        out.lead_byline = korean::anchor_handoff(&body.text());
    }
    if let Some((byline, deck)) = tagged {
        out.lead_byline = out.lead_byline.or(Some(byline));
        out.deck = Some(deck);
    }
    collect_images(body, &mut out, 0);
    out
}

/// A line break a copy escaped into a paragraph's text, at its start or end (Daum's copy of a
/// 뉴시스 story: `<p>&lt;br&gt; [세종=뉴시스]박지현 이동우 기자 = …`): no text. (Only at a
/// paragraph's edges, and on a Korean story: a story about HTML may write a tag in a sentence.)
fn drop_leaked_line_breaks(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    for c in el.children.iter_mut() {
        if let Content::Element(e) = c {
            if e.tag == Tag::P {
                for end in [0, e.children.len().saturating_sub(1)] {
                    if let Some(Content::Text(t)) = e.children.get_mut(end) {
                        let kept = without_leaked_breaks(t);
                        if kept.len() < t.len() {
                            *t = kept.to_string();
                        }
                    }
                }
            } else if e.tag != Tag::Pre {
                drop_leaked_line_breaks(e, depth + 1);
            }
        }
    }
}

/// A text without the `<br>`s (`<br/>`, `<BR />`) written as text at its start and end; the
/// whitespace of an end without one is kept (an element may follow).
fn without_leaked_breaks(text: &str) -> &str {
    const BREAKS: [&str; 3] = ["<br>", "<br/>", "<br />"];
    let opens = |t: &str| {
        BREAKS
            .iter()
            .find(|b| t.get(..b.len()).is_some_and(|h| h.eq_ignore_ascii_case(b)))
    };
    let closes = |t: &str| {
        BREAKS.iter().find(|b| {
            t.len() >= b.len()
                && t.get(t.len() - b.len()..)
                    .is_some_and(|h| h.eq_ignore_ascii_case(b))
        })
    };
    let mut t = text;
    while let Some(b) = opens(t.trim_start()) {
        t = t.trim_start()[b.len()..].trim_start();
    }
    while let Some(b) = closes(t.trim_end()) {
        let end = t.trim_end();
        t = end[..end.len() - b.len()].trim_end();
    }
    t
}

/// A line of bare text over a wire story's lead, the body's first (연합뉴스 on Naver 2020:
/// `은행·관공서 개방 늘리고 '거리두기 쉼터' 도입…"…"<br><br>(대구=연합뉴스) 김선형 박혜린 기자 =
/// …`): the deck, a line without a sentence's end, taken out of the text. (In an element of its
/// own the page's reading finds it: `metadata::visible`'s `line_over_wire_lead`.)
fn take_line_over_wire_lead(body: &mut Element) -> Option<(korean::Byline, String)> {
    let leaves = header_leaves(body, 2);
    let [line_path, lead_path] = leaves.as_slice() else {
        return None;
    };
    let line = element_at(body, line_path).short_text(TAGGED_DECK_MAX_BYTES)?;
    let line = line.trim();
    let lead = element_at(body, lead_path).text();
    let byline = korean::lead_byline(&lead)?;
    let reads_as_deck = (10..=200).contains(&line.chars().count())
        && !line.ends_with('.')
        && !line.contains('\n')
        && korean::has_hangul(line)
        && korean::lead_byline(line).is_none()
        && !korean::is_bracketed_labels(line)
        && korean::dateline(&lead).is_some_and(|d| d.contains('='));
    if !reads_as_deck {
        return None;
    }
    let deck = line.to_string();
    remove_leaf(body, line_path);
    Some((byline, deck))
}

/// The outlet's tag and the deck in brackets, the story's first line (머니투데이 2012's
/// `[머니투데이 민재홍기자][접수 87건 … 속수무책⏎업계 … 목소리]`): the byline and the deck's lines,
/// the line taken out of the text.
fn take_tagged_deck(body: &mut Element) -> Option<(korean::Byline, String)> {
    let path = header_leaves(body, 1).into_iter().next()?;
    let line = element_at(body, &path);
    line.short_text(TAGGED_DECK_MAX_BYTES)?;
    let text = crate::article::to_text(line);
    let (tag, deck) = text.trim().strip_prefix('[')?.split_once("][")?;
    let deck = deck.strip_suffix(']')?;
    let byline = korean::lead_byline(&format!("[{tag}]"))?;
    let lines: Vec<&str> = deck
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() || deck.contains(&['[', ']'][..]) {
        return None;
    }
    remove_leaf(body, &path);
    Some((byline, lines.join("\n")))
}

/// The tag and a deck of two or three lines.
const TAGGED_DECK_MAX_BYTES: usize = 400;

/// A photo story told in its captions (a wire's picture on a portal: the caption under it,
/// no paragraph; the story's text came out empty): each caption of a sentence or more becomes
/// a paragraph under its picture. True when one did.
fn captions_as_story(body: &mut Element) -> bool {
    fn walk(el: &mut Element, depth: usize) -> bool {
        let mut any = false;
        let mut i = 0;
        while i < el.children.len() {
            if let Content::Element(e) = &mut el.children[i] {
                let caption = e.children.iter().position(|c| {
                    matches!(c, Content::Element(f) if f.tag == Tag::Figcaption
                        && f.text().chars().count() >= CAPTION_STORY_MIN_CHARS)
                });
                match caption {
                    Some(at) if e.tag == Tag::Figure => {
                        if let Content::Element(mut paragraph) = e.children.remove(at) {
                            paragraph.tag = Tag::P;
                            paragraph.attrs.clear();
                            desk_stamp_off(&mut paragraph);
                            el.children.insert(i + 1, Content::Element(paragraph));
                            any = true;
                        }
                    }
                    _ if depth < 64 => any |= walk(e, depth + 1),
                    _ => {}
                }
            }
            i += 1;
        }
        any
    }
    walk(body, 0)
}

/// Whether any text stands outside the captions (the first found ends the walk).
fn has_story_text(el: &Element, depth: usize) -> bool {
    el.children.iter().any(|c| match c {
        Content::Text(t) => !t.trim().is_empty(),
        Content::Element(e) => {
            e.tag != Tag::Figcaption && depth < 64 && has_story_text(e, depth + 1)
        }
    })
}

/// A caption's photo desk's date stamp goes, and the photographer's email after it
/// (`… 심었다. 2019.4.5 kimjh@yna.co.kr`, a caption's lines run together; the dateline that
/// opens it names the reporter).
fn desk_stamp_off(caption: &mut Element) {
    if let [Content::Text(text)] = caption.children.as_mut_slice() {
        let rest = match text.trim_end().rsplit_once(' ') {
            Some((rest, last)) if last.contains('@') => rest,
            _ => text.as_str(),
        };
        if let Some(kept) = korean::without_desk_date(rest) {
            *text = kept;
        }
    }
}

/// A caption that tells a story is a sentence or more.
const CAPTION_STORY_MIN_CHARS: usize = 40;

/// A pull quote in Korean (read on a page whose title is Korean: the story's whole text is
/// gathered for it): a block that is only a quotation (`<div class="ab_quote"><p>“아이
/// 학교 문제 때문에 이사할 곳도 찾지 못했다”</p>`) the story itself quotes elsewhere: the story
/// keeps its sentence, the repeat leaves.
fn drop_pull_quotes(body: &mut Element) {
    fn quoted(text: &str) -> Option<&str> {
        let inner = text
            .trim()
            .strip_prefix(&['“', '"', '‘', '\''][..])?
            .strip_suffix(&['”', '"', '’', '\''][..])?
            .trim();
        // Korean pages only: the English benchmarks' truths keep pull quotes.
        (inner.chars().count() >= PULL_QUOTE_MIN_CHARS && korean::has_hangul(inner))
            .then_some(inner)
    }
    fn walk(el: &mut Element, story: &str, depth: usize) {
        if depth > 64 {
            return;
        }
        el.children.retain_mut(|c| match c {
            Content::Element(e) => {
                let repeated = e.tag.is_block()
                    && !is_crosshead(e)
                    && e.short_text(PULL_QUOTE_MAX_BYTES)
                        .is_some_and(|t| quoted(&t).is_some_and(|q| story.matches(q).count() >= 2));
                if !repeated {
                    walk(e, story, depth + 1);
                }
                !repeated
            }
            Content::Text(_) => true,
        });
    }
    let story = body.text();
    if korean::has_hangul(&story) && story.contains(&['“', '"', '‘', '\''][..]) {
        walk(body, &story, 0);
    }
}

/// A promotion link on a line of a paragraph, after a `<br>` (중앙일보 2008's sign-off `김동욱 기자
/// <kdw@…><br><a>▶ 김동욱 기자의 블로그 http://…</a>`): the line goes, so the paragraph reads as
/// what it is without it (here the sign-off).
fn drop_promo_link_lines(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    for c in el.children.iter_mut() {
        let Content::Element(e) = c else { continue };
        if e.tag != Tag::P {
            if e.tag.is_block() {
                drop_promo_link_lines(e, depth + 1);
            }
            continue;
        }
        let promo = |c: &Content| {
            matches!(c, Content::Element(a) if a.tag == Tag::A
                && a.text().trim_start().starts_with(&['▶', '☞'][..]))
        };
        // A line that is a pointer and a link, the pointer outside it (`<p>☞ <a>서울시 버스 노선
        // 개편안 공개</a></p>`), wherever in the story: another story's headline.
        let pointer_then_link = {
            let mut line = parts(e);
            matches!(
                (line.next(), line.next(), line.next()),
                (Some(Content::Text(t)), Some(Content::Element(a)), None)
                    if a.tag == Tag::A && matches!(t.trim(), "▶" | "☞" | "▷")
            )
        };
        if pointer_then_link {
            e.children.clear();
            continue;
        }
        let mut k = 1;
        while k < e.children.len() {
            let after_br = matches!(&e.children[k - 1], Content::Element(b) if b.tag == Tag::Br);
            // (The next thing but blank text is a `<br>` or nothing.)
            let line_ends = e.children[k + 1..]
                .iter()
                .find(|c| !matches!(c, Content::Text(t) if t.trim().is_empty()))
                .is_none_or(|c| matches!(c, Content::Element(b) if b.tag == Tag::Br));
            if after_br && line_ends && promo(&e.children[k]) {
                e.children.drain(k - 1..=k);
            } else {
                k += 1;
            }
        }
    }
}

/// A broadcast transcript's marks on lines of their own, split from the lines they head by a
/// single `<br>` (`[리포트]<br>밤 11시, …`, `◀INT▶박정호/구룡포 어민<br>"새벽 …"`): each mark
/// becomes a paragraph of its own, as the transcript's other marks are (see
/// [`korean::is_transcript_mark`]).
fn split_transcript_marks(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    let mut i = 0;
    while i < el.children.len() {
        let Content::Element(e) = &mut el.children[i] else {
            i += 1;
            continue;
        };
        if e.tag != Tag::P {
            if e.tag.is_block() {
                split_transcript_marks(e, depth + 1);
            }
            i += 1;
            continue;
        }
        match paragraphs_at_marks(e) {
            Some(paragraphs) => {
                let n = paragraphs.len();
                el.children
                    .splice(i..=i, paragraphs.into_iter().map(Content::Element));
                i += n.max(1);
            }
            None => i += 1,
        }
    }
}

/// A paragraph's lines (split at its `<br>`s), each transcript mark in a paragraph of its own
/// and the lines between them together as they were; None when it has no mark (nothing to
/// split, nothing copied).
fn paragraphs_at_marks(p: &Element) -> Option<Vec<Element>> {
    let lines: Vec<&[Content]> = p
        .children
        .split(|c| matches!(c, Content::Element(e) if e.tag == Tag::Br))
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let texts: Vec<String> = lines
        .iter()
        .map(|line| {
            line.iter()
                .map(|c| match c {
                    Content::Text(t) => t.clone(),
                    Content::Element(e) => e.text(),
                })
                .collect()
        })
        .collect();
    let marks: Vec<bool> = texts
        .iter()
        .map(|t| korean::is_transcript_mark(t))
        .collect();
    if !marks.contains(&true) {
        return None;
    }
    let mut out: Vec<Element> = Vec::new();
    let mut after_mark = true;
    for ((line, text), mark) in lines.iter().zip(&texts).zip(marks) {
        if text.trim().is_empty() {
            continue;
        }
        if mark || after_mark {
            out.push(Element {
                tag: Tag::P,
                attrs: p.attrs.clone(),
                children: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.children.push(Content::Element(Element::new(Tag::Br)));
        }
        if let Some(last) = out.last_mut() {
            last.children.extend(line.iter().cloned());
        }
        after_mark = mark;
    }
    Some(out)
}

/// An element's children but the blank text between them.
fn parts(e: &Element) -> impl Iterator<Item = &Content> {
    e.children
        .iter()
        .filter(|c| !matches!(c, Content::Text(t) if t.trim().is_empty()))
}

/// A crosshead: a heading, or a paragraph that is one bold run (시사IN's `<p><strong>“병원
/// 가는 날은 이웃 눈치부터 본다”</strong></p>`). Quoting the section under it, it is the
/// story's, not a pull quote.
fn is_crosshead(e: &Element) -> bool {
    let mut parts = parts(e);
    e.tag.is_heading()
        || e.tag == Tag::P
            && matches!(
                (parts.next(), parts.next()),
                (Some(Content::Element(b)), None) if matches!(b.tag, Tag::Strong | Tag::B)
            )
}

/// A pull quote is a line (at most this many bytes) …
const PULL_QUOTE_MAX_BYTES: usize = 300;
/// … of a quotation this long at least (a word or two quoted twice is no pull quote).
const PULL_QUOTE_MIN_CHARS: usize = 10;

fn is_chrome_text(text: &str) -> bool {
    // Every chrome phrase and rule below is short (40 characters at most): a paragraph is
    // never chrome by these words.
    if text.len() > 160 {
        return false;
    }
    if is_link_bar(text) || is_original_link_line(text) || is_share_bar(text) {
        return true;
    }
    let t = text.trim().trim_matches(|c: char| {
        c.is_ascii_punctuation()
            || c.is_whitespace()
            || matches!(
                c,
                '·' | '•' | '▶' | '▷' | '■' | '□' | '◆' | '◇' | '★' | '☆' | '※'
            )
    });
    // A player's time or a button's count glued after its label (`기사를 읽어드립니다0:00 /
    // 0:00`), or after a colon (`조회수 : 1,482`).
    let count = t
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_digit() || b":, /".contains(b))
        .count();
    let t = t[..t.len() - count].trim_end();
    // Lowercasing never makes fewer characters: text longer than every phrase (a test keeps
    // them within 40 characters) is none of them, and the rules below read 30 at most.
    let chars = t.chars().count();
    if t.is_empty() {
        // What a broken comment or script leaves as text (`-->`, `*/`) is none of the story,
        // nor is a gallery's or a player's counter alone (`1 / 3`, `0:00 / 0:00`).
        return text.contains("-->") || text.contains("*/") || text.contains(" / ");
    }
    if chars > 40 {
        return false;
    }
    let lower = t.fold_case();
    if rules::CHROME_PHRASES.contains(&lower.as_str())
        || rules::PICTURE_LINK_LABELS.contains(&lower.as_str())
    {
        return true;
    }
    // (Or 연합뉴스 2010's mobile promo: `<모바일로 보는 연합뉴스 7070+NATE/OZ/ⓝ/show/ez-i>`; or a
    // portal's line naming who gave it the story, Naver's `기사제공 스포츠조선`.)
    if is_tip_line(&lower)
        || is_toolbar_line(&lower)
        || lower.starts_with("모바일로 보는")
        || is_source_credit(&lower)
    {
        return true;
    }
    // "댓글 (0)", "관련기사 더보기", "정희경 기자의 다른기사보기"
    chars <= 30
        && (lower.starts_with("댓글")
            && lower.chars().filter(|c| c.is_ascii_digit()).count() <= 6
            && lower.len() < 20
            || lower.ends_with("다른기사보기")
            || lower.ends_with("다른 기사 보기")
            || lower.ends_with("기사 더보기")
            || lower.starts_with("관련기사")
            || lower == "공유"
            || lower.starts_with("share on ")
            || lower.starts_with("follow ") && lower.contains(" on "))
}

/// A bar of links in brackets under a short label (한겨레's `◎ 공식 SNS [페이스북] [트위터] |
/// [인기화보] [인기만화] [핫이슈]`): three or more, and a few characters besides.
fn is_link_bar(text: &str) -> bool {
    let (mut links, mut outside, mut depth) = (0, 0, 0);
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => {
                depth -= 1;
                links += 1;
            }
            _ if depth == 0 && !c.is_whitespace() && c != '|' => outside += 1,
            _ => {}
        }
    }
    links >= 3 && outside <= LINK_BAR_MAX_LABEL_CHARS
}

/// A bar of share buttons apart by `|`, each a few words, most naming a service or an action of
/// [`rules::TOOLBAR_WORDS`] (한겨레 2009's `이 기사를 트위터로 보내기 | 싸이월드 공감 | 미투데이 |
/// 네이버 북마크`).
fn is_share_bar(text: &str) -> bool {
    // (This runs on every short line: one without a bar is none, and is not lowercased.)
    if !text.contains('|') {
        return false;
    }
    let lower = text.fold_case();
    let parts: Vec<&str> = lower.split('|').map(str::trim).collect();
    let named = parts
        .iter()
        .filter(|p| rules::TOOLBAR_WORDS.iter().any(|w| p.contains(w)))
        .count();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= SHARE_PART_MAX_CHARS)
        && named * 2 >= parts.len()
}

/// A share button's label is a few words.
const SHARE_PART_MAX_CHARS: usize = 16;

/// A link bar's label is a few characters (`◎ 공식 SNS`).
const LINK_BAR_MAX_LABEL_CHARS: usize = 8;

/// A portal copy's link to the story on its outlet's site (KBS on Daum's `▣ KBS 기사 원문보기 :
/// http://news.kbs.co.kr/…`): a label of [`korean::vocab::ORIGINAL_LINK_LABELS`], then the address.
fn is_original_link_line(text: &str) -> bool {
    text.len() <= ORIGINAL_LINK_LINE_MAX_BYTES
        && text.split_once(" : ").is_some_and(|(label, link)| {
            link.trim_start().starts_with("http")
                && korean::vocab::ORIGINAL_LINK_LABELS
                    .iter()
                    .any(|l| label.trim_end().ends_with(l))
        })
}

/// A label and an article's address.
const ORIGINAL_LINK_LINE_MAX_BYTES: usize = 200;

/// A portal's line naming the outlet that gave it the story: a label of
/// [`korean::vocab::SOURCE_CREDIT_LABELS`] and a name of a word or two.
fn is_source_credit(lower: &str) -> bool {
    korean::vocab::SOURCE_CREDIT_LABELS.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|name| {
            (1..=2).contains(&name.split_whitespace().count())
                && !name.trim_end().ends_with(&['다', '.'][..])
        })
    })
}

/// A row of buttons: two or more of [`rules::TOOLBAR_WORDS`], with counts and separators, and
/// nothing else (`좋아요 0 싫어요 0 후속기사원해요 0`, `페이스북 | 트위터 | URL복사`, `A+ A-
/// E-mail`).
fn is_toolbar_line(lower: &str) -> bool {
    let mut words = 0;
    for word in
        lower.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "·•".contains(c))
    {
        // (`e-mail`'s `e`, split off.)
        let word = if word == "e" { "mail" } else { word };
        let word = word.trim_matches(|c: char| c.is_ascii_digit());
        if word.is_empty() {
            continue;
        }
        if !rules::TOOLBAR_WORDS.contains(&word) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// Promotion links under the story: every line a `▶` link (`▶ 초간단 퀴즈 풀고, 아이패드 받자!`).
fn is_promo_links(e: &Element, text: &str) -> bool {
    e.tag != Tag::A
        && text.trim_start().starts_with('▶')
        && mostly_links(e)
        && text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim().starts_with('▶'))
}

/// Drops the lines of a Korean story that are one link and nothing else, to another page: one
/// printing its own address (einfomax's morning brief, under each item `<a href="…?idxno=
/// 4296491">https://news.einfomax.co.kr/…?idxno=4296491</a>`), or another story's headline
/// (머니투데이's `<a href="…mtview.php?no=…">[단독]338개 공공기관, 명예퇴직 활성화…청년 일자리
/// 늘린다</a>` between two paragraphs): pointers, not the story's words. (Not on other pages:
/// an English page's bare addresses are often its references, kept by their truths.)
fn drop_address_lines(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    el.children.retain_mut(|c| match c {
        Content::Element(e) => {
            if e.tag != Tag::A && e.short_text(400).is_some_and(|t| is_link_line(e, &t)) {
                return false;
            }
            drop_address_lines(e, depth + 1);
            true
        }
        Content::Text(_) => true,
    });
}

/// A box of other stories' headlines inside the story (파이낸셜뉴스's `<td><b>관련기사</b><br>▶
/// …<br>▶ …</td>`): a block of short lines only, a related list's heading
/// ([`rules::RELATED_HEADINGS`]) over two or more lines opened by `▶` or `ㆍ`. (The heading is needed:
/// a story may list its own points after `▶`.)
fn drop_related_boxes(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    el.children.retain_mut(|c| match c {
        Content::Element(e) => {
            if is_related_box(e) {
                return false;
            }
            drop_related_boxes(e, depth + 1);
            true
        }
        Content::Text(_) => true,
    });
}

/// A block's lines as its `<br>`s break them, joined by newlines (a newline in the source's
/// text is a space, as a browser shows it); `None` when it holds a block or is one line. A bold
/// run that opens the block is a line of its own (고양신문's `<p><strong>한정민</strong>
/// 도시계획가. …</p>`, a profile's name).
fn br_lines(block: &Element) -> Option<String> {
    // (Without a break or a bold run the block is one line: no caller reads one line, and this
    // runs on every short line of the body.)
    let breaks = |c: &Content| matches!(c, Content::Element(e) if matches!(e.tag, Tag::Br | Tag::Strong | Tag::B));
    if !block.children.iter().any(breaks) {
        return None;
    }
    let mut lines = String::new();
    for c in &block.children {
        match c {
            // (`str::lines` splits at `\n` alone: a lone `\r` breaks no line.)
            Content::Text(t) => lines.extend(t.chars().map(|c| if c == '\n' { ' ' } else { c })),
            Content::Element(e) if e.tag == Tag::Br => lines.push('\n'),
            Content::Element(e) if e.tag.is_block() => return None,
            Content::Element(e)
                if matches!(e.tag, Tag::Strong | Tag::B) && lines.trim().is_empty() =>
            {
                lines.push_str(&e.text());
                lines.push('\n');
            }
            Content::Element(e) => lines.push_str(&e.text()),
        }
    }
    Some(lines)
}

fn is_related_box(block: &Element) -> bool {
    if !block.tag.is_block() || block.short_text(RELATED_BOX_MAX_BYTES).is_none() {
        return false;
    }
    let Some(lines) = br_lines(block) else {
        return false;
    };
    let mut lines = lines.lines().map(str::trim).filter(|l| !l.is_empty());
    // (The outlet's name may come first: 한겨레 2009's `[한겨레 주요기사]` over `ㆍ` links.)
    let heading = lines.next().is_some_and(|h| {
        let h = without_label_brackets(h).fold_case();
        rules::RELATED_HEADINGS.iter().any(|r| {
            h.strip_suffix(r)
                .is_some_and(|outlet| outlet.is_empty() || outlet.ends_with(' '))
        })
    });
    let mut headlines = 0;
    heading
        && lines.all(|l| {
            headlines += 1;
            l.starts_with(&['▶', 'ㆍ'][..])
        })
        && headlines >= 2
}

/// A label without the brackets around it, nor the spaces inside them (`[ 관련기사 ]`,
/// `【관련기사】`).
fn without_label_brackets(label: &str) -> &str {
    label.trim_matches(&['[', ']', '<', '>', '【', '】', ' '][..])
}

/// A related box is a few lines.
const RELATED_BOX_MAX_BYTES: usize = 800;

/// Whether the line `e` is one link and nothing else (its `text`), to another page, printing
/// its address or a headline (no sentence's end).
fn is_link_line(e: &Element, text: &str) -> bool {
    let t = text.trim();
    let mut line = e;
    while line.tag != Tag::A {
        let mut parts = parts(line);
        match (parts.next(), parts.next()) {
            (Some(Content::Element(only)), None) => line = only,
            _ => return false,
        }
    }
    let Some(href) = line.attr("href").map(str::trim) else {
        return false;
    };
    let headline = korean::has_hangul(t)
        && t.chars().count() >= LINKED_HEADLINE_MIN_CHARS
        && !t.ends_with(&['.', ':', '?', '!'][..]);
    href.starts_with("http") && (href == t || headline)
}

/// A linked headline is a dozen characters or more (a shorter link is a label: `더보기`).
const LINKED_HEADLINE_MIN_CHARS: usize = 12;

/// An outlet's tip line: `기사문의 및 제보 : 카톡/라인 jebo23`, `제보는 카카오톡 okjebo`,
/// `제보 전화 02-398-3000`. Words alone are not enough: a short sentence of the story may
/// mention a 제보 by 전화 ("경찰은 전화 제보를 받고 출동했다"), so a tip line must give a way
/// to reach the newsroom: a messenger, an email address or a number.
fn is_tip_line(lower: &str) -> bool {
    let has_contact = || {
        ["카톡", "카카오톡", "@"].iter().any(|w| lower.contains(w))
            || lower
                .as_bytes()
                .windows(3)
                .any(|w| w.iter().all(u8::is_ascii_digit))
    };
    lower.contains("기사문의")
        || lower.contains("제보") && has_contact()
        || korean::is_tip_slogan(lower)
}

/// A caption or a credit printed as a line of the story: it opens with a label of
/// [`rules::CREDIT_LABELS`] and a colon (`Foto: MDR/Bernd Cramer`, `(Credit: … / Grist)`,
/// `Abbildung: Vergleich …`, `Quelle: Landesregierung`), or a `©` follows a `|` or such a
/// label (`Lee Elder … | © Getty Images`, `… Foto © Jörg Gemsch`). A short line only (a
/// caption, not a paragraph); the label within its first 24 bytes.
fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 240 || !t.contains(&[':', '©'][..]) {
        return false;
    }
    let t = t.strip_prefix('(').unwrap_or(t).trim_start();
    let lower = t.fold_case();
    let is_label = |words: &str| {
        let w = words
            .trim_end()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end();
        rules::CREDIT_LABELS.contains(&w)
    };
    if let Some(colon) = lower.find(':').filter(|&c| c <= 24) {
        if is_label(&lower[..colon]) && !lower[colon + 1..].trim().is_empty() {
            return true;
        }
    }
    lower.match_indices('©').any(|(i, _)| {
        let before = lower[..i].trim_end();
        !before.is_empty()
            && (before.ends_with('|') || is_label(before.rsplit(' ').next().unwrap_or(before)))
    })
}

/// A credit line (see [`is_credit_line`]) right after a bare picture (`<img alt="Lee Elder
/// …">` then `<p>Lee Elder … | © Getty Images</p>`), or a line that points up at it (`↑
/// ‘비밀의 여자’ 신고은 사진=KBS2 …`, a picture and its caption in a layout table's rows), is
/// its caption: the two become one figure. (A line that merely repeats the alt text is not
/// enough: a lead may be the alt too.)
fn attach_captions(el: &mut Element) {
    let mut img_at = None;
    let mut i = 0;
    while i < el.children.len() {
        let caption = match &el.children[i] {
            Content::Text(t) if t.trim().is_empty() => {
                i += 1;
                continue;
            }
            Content::Element(e) if e.tag == Tag::Img || is_lone_picture(e) || is_bare_figure(e) => {
                img_at = Some(i);
                i += 1;
                continue;
            }
            Content::Element(e) if matches!(e.tag, Tag::P | Tag::Div) && img_at.is_some() => {
                // Under a picture in a line of its own (`<p><img></p>`), a Korean caption's
                // marks only: a line that ends with a title in brackets (`Performance <The
                // Palace: Jang Noksu>`) may be the story's.
                let bare = img_at.is_some_and(
                    |j| matches!(&el.children[j], Content::Element(p) if p.tag == Tag::Img),
                );
                e.short_text(400)
                    .filter(|text| {
                        is_credit_line(text)
                            || (bare || korean::has_hangul(text))
                                && (korean::points_at_picture(text)
                                    || korean::ends_with_photo_credit(text))
                            || is_plain_label(e, text)
                    })
                    .or_else(|| label_then_credit(&mut el.children, i))
            }
            _ => None,
        };
        let at = img_at.take();
        if let (Some(text), Some(j)) = (caption, at) {
            let picture = match el.children.remove(j) {
                // A figure without a caption takes this one.
                Content::Element(mut figure) if figure.tag == Tag::Figure => {
                    figure
                        .children
                        .retain(|c| matches!(c, Content::Element(e) if e.tag != Tag::Figcaption));
                    figure
                        .children
                        .extend(captioned_figure(Vec::new(), text).children);
                    el.children[i - 1] = Content::Element(figure);
                    el.children.drain(j..i - 1);
                    i = j + 1;
                    continue;
                }
                // The line's picture, out of the line (its other parts are blank text).
                Content::Element(mut line) if line.tag != Tag::Img => {
                    line.children.retain(|c| matches!(c, Content::Element(_)));
                    match line.children.pop() {
                        Some(picture) => picture,
                        None => Content::Element(line),
                    }
                }
                picture => picture,
            };
            let figure = captioned_figure(vec![picture], text);
            // The caption moved one place up with the removal.
            el.children[i - 1] = Content::Element(figure);
            el.children.drain(j..i - 1);
            i = j + 1;
            continue;
        }
        i += 1;
    }
}

/// A figure of pictures whose caption is missing or empty (einfomax's `<figure><img><figcaption>
/// </figcaption></figure>`, the caption printed in the lines under it).
fn is_bare_figure(e: &Element) -> bool {
    e.tag == Tag::Figure
        && e.children.iter().all(|c| match c {
            Content::Text(t) => t.trim().is_empty(),
            Content::Element(x) => x.tag == Tag::Img || crate::render::is_empty(x),
        })
        && e.children
            .iter()
            .any(|c| matches!(c, Content::Element(x) if x.tag == Tag::Img))
}

/// Under a picture, a few words with no sentence then a credit line of their own (einfomax's
/// `<center><font size=2>이라크에 주둔한 미군</font></center><center><font size=2>[출처: 연합뉴스
/// 자료사진]</font></center>`): the two lines are the picture's caption. The credit's line is
/// taken out of `lines` (the words' line, at `at`, becomes the caption by the caller).
fn label_then_credit(lines: &mut Vec<Content>, at: usize) -> Option<String> {
    let Content::Element(label) = &lines[at] else {
        return None;
    };
    let label = label
        .short_text(4 * PICTURE_LABEL_MAX_CHARS)
        .filter(|t| t.chars().count() <= PICTURE_LABEL_MAX_CHARS)
        .filter(|t| !t.trim_end().ends_with(&['.', '!', '?', '다', '"', '”'][..]))?;
    let next = (at + 1..lines.len().min(at + 3))
        .find(|&k| !matches!(&lines[k], Content::Text(t) if t.trim().is_empty()))?;
    let credit = match &lines[next] {
        Content::Element(e) if matches!(e.tag, Tag::P | Tag::Div) => e.short_text(400)?,
        _ => return None,
    };
    if !(korean::is_credit_line(&credit) || is_credit_line(&credit)) {
        return None;
    }
    lines.drain(at + 1..=next);
    Some(format!("{} {}", label.trim(), credit.trim()))
}

/// Whether a line holds a picture and nothing else (`<p style="text-align:center"><img></p>`).
fn is_lone_picture(line: &Element) -> bool {
    let mut parts = parts(line);
    matches!(line.tag, Tag::P | Tag::Div)
        && matches!(
            (parts.next(), parts.next()),
            (Some(Content::Element(img)), None) if img.tag == Tag::Img
        )
}

/// A picture's label in its own line: the picture first, then a few words (as text, or in
/// an emphasis) and nothing else, no sentence (인사이트's `<p><img><span>gettyimagesBank</span>`,
/// `<span>서울교통공사 고객센터 게시판 캡처</span>`): the picture's caption.
fn is_picture_label(line: &Element, text: &str) -> bool {
    let mut parts = parts(line);
    // (The reader's tree keeps no `<span>`: its words are the line's own text then.)
    let shape = match (parts.next(), parts.next(), parts.next()) {
        (Some(Content::Element(img)), Some(label), None) if img.tag == Tag::Img => match label {
            Content::Text(_) => true,
            Content::Element(e) => matches!(e.tag, Tag::Em | Tag::I | Tag::Small),
        },
        _ => false,
    };
    shape
        && text.chars().count() <= PICTURE_LABEL_MAX_CHARS
        && !text.trim_end().ends_with(&['.', '!', '?', '다'][..])
}

/// Under a picture, a line of a few Korean words in plain text, no sentence and no mark
/// (위키트리's `<div style="text-align:center"><img></div><div style="color:#888">갓 구운 천연발효
/// 빵</div>`): the picture's caption. A crosshead is bold or opens with a mark (`■ …`); a
/// reporter's line is a sign-off (`화강윤 기자(hwaky@sbs.co.kr)` under a TV story's still).
fn is_plain_label(line: &Element, text: &str) -> bool {
    let text = text.trim();
    parts(line).all(|c| matches!(c, Content::Text(_)))
        && text.chars().count() <= PICTURE_LABEL_MAX_CHARS
        && korean::has_hangul(text)
        && text.starts_with(korean::is_hangul_syllable)
        && !text.ends_with(&['.', '!', '?', '다', '요', '"', '”', ':'][..])
        && !text.contains('@')
        && korean::parse_byline(text).is_none()
}

/// A line that opens with its picture, then a break and a Korean caption's marks: a pointer
/// up at it or a photo's credit at its end (an old CMS's `<p><img><br>▲ 서울 시내버스가 …</p>`,
/// `<p><img><br>… 서 있다. ⓒ테스트일보</p>`): the picture's caption.
fn is_caption_under_picture(line: &Element, text: &str) -> bool {
    let mut parts = parts(line);
    let shape = matches!(
        (parts.next(), parts.next()),
        (Some(Content::Element(img)), Some(Content::Element(br)))
            if img.tag == Tag::Img && br.tag == Tag::Br
    );
    shape
        && korean::has_hangul(text)
        && (korean::points_at_picture(text) || korean::ends_with_photo_credit(text))
}

/// A picture's label is a source or a few words.
const PICTURE_LABEL_MAX_CHARS: usize = 40;

/// A caption line that holds its picture (`<p><img><br><em>(Credit: …)</em></p>`) becomes
/// that picture's figure, the line its caption; false when the line holds no picture (then
/// the line is left empty, to be dropped).
fn into_figure(e: &mut Element, text: String) -> bool {
    fn take_images(e: &mut Element, out: &mut Vec<Content>, depth: usize) {
        for c in std::mem::take(&mut e.children) {
            if let Content::Element(mut x) = c {
                if x.tag == Tag::Img {
                    out.push(Content::Element(x));
                } else if depth < 64 {
                    take_images(&mut x, out, depth + 1);
                }
            }
        }
    }
    // A line without a picture is dropped: its children may go.
    let mut images = Vec::new();
    take_images(e, &mut images, 0);
    if images.is_empty() {
        return false;
    }
    *e = captioned_figure(images, text);
    true
}

/// A figure of `pictures` with `caption` as its figcaption.
fn captioned_figure(mut pictures: Vec<Content>, caption: String) -> Element {
    let mut figcaption = Element::new(Tag::Figcaption);
    figcaption.children.push(Content::Text(caption));
    pictures.push(Content::Element(figcaption));
    let mut figure = Element::new(Tag::Figure);
    figure.children = pictures;
    figure
}

/// The tags of a line that is hashtags and nothing else (`#고물가 #짠테크 #거지방`): two or
/// more words, each a `#` and a word.
fn hashtag_line(text: &str) -> Option<Vec<String>> {
    // Most blocks are not: no words are split for them.
    if !text.trim_start().starts_with('#') {
        return None;
    }
    // Each tag is a `#` and a word; tags printed side by side without a space
    // (`<span>#네이버</span><span>#AI</span>`) are read apart.
    let tags: Vec<&str> = text.trim().split('#').skip(1).map(str::trim).collect();
    let tag = |t: &&str| {
        !t.is_empty() && !t.contains(char::is_whitespace) && t.chars().any(char::is_alphanumeric)
    };
    (tags.len() >= 2 && tags.iter().all(tag)).then(|| tags.iter().map(|t| t.to_string()).collect())
}

/// Drops the chrome among `el`'s lines, depth first.
fn drop_chrome(el: &mut Element, out: &mut Polished, depth: usize) {
    if depth > 64 {
        return;
    }
    drop_related_lists(el);
    drop_fact_box(el);
    drop_tip_boxes(el);
    attach_captions(el);
    // Where a prompt went, the line kept just above it: its box's title, when short (`<p
    // class="title">한겨레는 타협하지 않겠습니다</p>` over a support appeal, the box unwrapped).
    let mut above_prompts: Vec<usize> = Vec::new();
    let mut kept = 0;
    let mut last_kept_line = None;
    el.children.retain_mut(|c| {
        let mut prompt = false;
        let keep = keep_line(c, out, depth, &mut prompt);
        if prompt {
            above_prompts.extend(last_kept_line);
        }
        if keep {
            if matches!(c, Content::Element(_)) {
                last_kept_line = Some(kept);
            }
            kept += 1;
        }
        keep
    });
    above_prompts.dedup();
    for &i in above_prompts.iter().rev() {
        if matches!(&el.children[i], Content::Element(e) if is_box_title(e)) {
            el.children.remove(i);
        }
    }
}

/// A newsletter's pitch, its link gone (경향신문's `점심시간 10분, 뉴스레터 ‘점선면’으로 오늘의
/// 이슈를 정리하세요.`): a short line naming a newsletter and asking the reader to do something.
fn is_newsletter_pitch(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= NEWSLETTER_PITCH_MAX_CHARS
        && t.contains("뉴스레터")
        && t.ends_with("세요.")
}

/// A newsletter's pitch is a sentence.
const NEWSLETTER_PITCH_MAX_CHARS: usize = 60;

/// A link holding pictures only, each with a button's label for its alt text.
fn is_button_picture(a: &Element) -> bool {
    let mut pictures = 0;
    a.children.iter().all(|c| match c {
        Content::Text(t) => t.trim().is_empty(),
        Content::Element(img) => {
            pictures += 1;
            img.tag == Tag::Img && img.attr("alt").is_some_and(is_chrome_text)
        }
    }) && pictures > 0
}

/// Whether a line of the body stays (a chrome line goes; a caption becomes its picture's
/// figure); `prompt` is set when it went as a prompt.
fn keep_line(c: &mut Content, out: &mut Polished, depth: usize, prompt: &mut bool) -> bool {
    match c {
        Content::Text(t) => {
            !(is_chrome_text(t) && t.trim().chars().count() <= 12 && korean::has_hangul(t)
                || korean::is_picture_placeholder(t))
        }
        Content::Element(e) => {
            // Chrome and copyright lines are short (under 400 bytes): longer ones are not read.
            // A button's picture (a board's `<a href="./good.php…"><img alt="추천하기"></a>`).
            if e.tag == Tag::A && is_button_picture(e) {
                return false;
            }
            if e.tag.is_block() || e.tag == Tag::A {
                if let Some(text) = e.short_text(400) {
                    if matches!(e.tag, Tag::P | Tag::Div) && cut_to_signoff(e, &text, out) {
                        return true;
                    }
                    if is_chrome_text(&text)
                        || is_promo_links(e, &text)
                        || korean::is_picture_placeholder(&text)
                    {
                        return false;
                    }
                    // Broadcast crew credits, tip-line promos, reaction prompts, a program's
                    // credits and notices.
                    if e.tag != Tag::A && korean::has_hangul(&text) {
                        // Or a subscribe box between paragraphs (`<div><strong>조선비즈
                        // 뉴스레터</strong> … 받아보세요. <a>구독하기 ›</a></div>`).
                        let prompt_box = matches!(e.tag, Tag::Div | Tag::P)
                            && matches!(
                                e.children.iter().rev().find(|c| !matches!(c, Content::Text(t) if t.trim().is_empty())),
                                Some(Content::Element(a)) if a.tag == Tag::A
                            )
                            && is_closing_prompt(&text);
                        if prompt_box
                            || korean::is_reaction_prompt(&text)
                            || is_newsletter_pitch(&text)
                        {
                            *prompt = true;
                            return false;
                        }
                        // A writer's or an interviewee's profile box: not the story.
                        // Or a photo shoot's credits (`에디터: 조혜진⏎포토: 김치윤⏎…`).
                        if let Some(lines) = br_lines(e) {
                            if let Some(profile) = korean::profile_box(&lines) {
                                out.profile.get_or_insert(profile);
                                return false;
                            }
                            if korean::is_shoot_credits(&lines) {
                                return false;
                            }
                        }
                        // (A tip box's title above its promo goes with it: 뉴시스' `<p
                        // class="tit">사진 영상 제보받습니다</p>`.)
                        if is_tip_promo(&text) {
                            *prompt = true;
                            return false;
                        }
                        if korean::is_crew_credit(&text)
                            || korean::is_program_notice(&text)
                            || korean::is_ombudsman_notice(&text)
                        {
                            return false;
                        }
                    }
                    // A credit alone (`(사진=연합뉴스)`), a wire note to editors (`(ATTN: …)`), a
                    // press release's list of attachments (`붙임 1. …`);
                    // a figure keeps its picture and the credit as its caption.
                    if !matches!(e.tag, Tag::A | Tag::Figcaption | Tag::Figure)
                        && (korean::is_credit_line(&text)
                            || korean::is_editor_note(&text)
                            || korean::is_attachment_line(&text))
                    {
                        return false;
                    }
                    if e.tag != Tag::A && is_filing_line(&text) {
                        return false;
                    }
                    if e.tag != Tag::A
                        && (korean::is_article_notice(&text)
                            || is_views_disclaimer(&text)
                            || korean::is_summary_notice(&text))
                    {
                        out.notes.push(text);
                        return false;
                    }
                    // A caption or a credit printed as a paragraph: beside its picture it
                    // becomes the figure's caption, alone it goes.
                    // (Or a caption whose picture a script was to load: pointing up at it and
                    // ending with its credit, `▲ 서울 지하철 2호선 열차. [사진=테스트일보 DB]`.)
                    if matches!(e.tag, Tag::P | Tag::Div)
                        && (is_credit_line(&text)
                            || is_picture_label(e, &text)
                            || is_caption_under_picture(e, &text)
                            || korean::points_at_picture(&text)
                                && korean::ends_with_photo_credit(&text))
                    {
                        return into_figure(e, text);
                    }
                    if let Some(tags) = hashtag_line(&text).filter(|_| e.tag != Tag::A) {
                        out.hashtags.extend(tags);
                        return false;
                    }
                    if e.tag != Tag::A && korean::is_copyright(&text) && e.tag != Tag::Figcaption {
                        out.copyright.get_or_insert(text);
                        return false;
                    }
                }
            }
            drop_chrome(e, out, depth + 1);
            !crate::render::is_empty(e)
        }
    }
}

/// A sign-off sharing its line with the chrome after it (`홍길동 기자 hong@…<br>[저작권자 ⓒ
/// …]`, `홍길동 기자 ▶제보하기 tip@…`, `… ▶ 네이버 구독하기`), or under the copyright: the
/// chrome goes, the sign-off stays to be read as the closing byline. True when the block was
/// cut to its sign-off.
fn cut_to_signoff(block: &mut Element, text: &str, out: &mut Polished) -> bool {
    if !text.contains("기자") {
        return false;
    }
    let lines = br_lines(block);
    let first_line = lines.as_deref().and_then(|lines| {
        let (head, tail) = lines.trim().split_once('\n')?;
        Some((fold_whitespace(head), tail.trim().to_string()))
    });
    let marks = text
        .char_indices()
        .filter(|&(i, c)| i > 0 && SIGNOFF_TAIL_MARKS.contains(&c))
        .map(|(i, _)| (fold_whitespace(&text[..i]), text[i..].trim().to_string()));
    let is_chrome = |line: &str| {
        korean::is_copyright(line)
            || is_tip_promo(line)
            || korean::is_tip_promo_line(line)
            || is_closing_prompt(line)
            || is_chrome_text(line)
    };
    for (head, tail) in first_line.into_iter().chain(marks) {
        if is_chrome(&tail) && is_byline_paragraph(&head) {
            if korean::is_copyright(&tail) {
                out.copyright.get_or_insert(tail);
            }
            block.children = vec![Content::Text(head)];
            return true;
        }
    }
    // Or the copyright above the sign-off, a break apart (`<저작권자 ⓒ …><br>홍길동 기자`).
    let last_line = lines.as_deref().and_then(|lines| {
        let (head, tail) = lines.trim().rsplit_once('\n')?;
        Some((head.trim().to_string(), fold_whitespace(tail)))
    });
    if let Some((head, signoff)) = last_line {
        if korean::is_copyright(&head) && is_byline_paragraph(&signoff) {
            out.copyright.get_or_insert(head);
            block.children = vec![Content::Text(signoff)];
            return true;
        }
    }
    false
}

/// Marks opening the chrome after a sign-off on its line.
const SIGNOFF_TAIL_MARKS: &[char] = &['[', '<', '▶', '☞', '※', '■', '|', 'ⓒ', '©'];

/// Takes the byline lines left inside the story once its opening and closing ones went: each
/// closes one part of a package of stories (머니투데이's [MT리포트]: 12 stories in one body,
/// each signed `조성훈 기자, 김은령 기자, 정혜윤 기자`). Pictures' captions are not read.
fn take_inner_bylines(el: &mut Element, out: &mut Vec<String>, depth: usize) {
    if depth > 64 || matches!(el.tag, Tag::Figure | Tag::Figcaption | Tag::Table) {
        return;
    }
    el.children.retain_mut(|c| match c {
        Content::Element(e) if matches!(e.tag, Tag::P | Tag::Div) => {
            match e.short_text(BYLINE_LINE_MAX_BYTES) {
                Some(text) if is_signing_line(&text) => {
                    out.push(text);
                    false
                }
                _ => {
                    take_inner_bylines(e, out, depth + 1);
                    true
                }
            }
        }
        _ => true,
    });
}

/// A reporters' line and nothing else: it ends with the role or an email, no speaker's or
/// label's mark (a transcript's `김나연 앵커>`, `김이영 기자!`, `▶ 스탠딩 : 윤지호 / 기자`).
fn is_signing_line(text: &str) -> bool {
    let t = text.trim();
    let last = t.rsplit(' ').next().unwrap_or(t);
    (t.ends_with("기자") || korean::is_bare_email(last))
        && !t.contains(&['!', '>', ':', '▶', '(', '[', '/'][..])
        && is_byline_paragraph(t)
}

/// A byline line is short: a few reporters' names, roles and emails.
const BYLINE_LINE_MAX_BYTES: usize = 300;

/// An op-ed's closing note on its writer, disclaiming the outlet's views (`Lee Seung-hwan is
/// a professor … He can be reached at …. The views expressed here are the author's own.`,
/// `… are the author's own and do not necessarily reflect those of The Korea Times.`), or the
/// writer's line alone (`Choi Yoon-seo is a professor … She can be reached at …@….`).
/// Or a translation's note.
fn is_views_disclaimer(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 400
        && (t.contains("views expressed") && (t.contains("own") || t.ends_with("Ed."))
            || t.contains(" can be reached at ") && t.contains('@')
            // A translation's note (Korea JoongAng Daily: `This article was originally written
            // in Korean and translated by a bilingual reporter with the help of generative AI…`).
            || t.contains("originally written in") && t.contains("translated")
            // A partner's note (`This article from the JoongAng Ilbo is published under an
            // agreement with the Korea JoongAng Daily.`).
            || t.starts_with("This article") && t.contains("under an agreement with")
            // A reader's contact note (The Hankyoreh's `Please direct comments or questions
            // to [english@hani.co.kr]`).
            || t.starts_with("Please direct") && t.contains('@'))
}

/// The title of a prompt's box: a short line, no sentence, no reporter's line (a sign-off
/// may sit right above a reaction prompt).
fn is_box_title(e: &Element) -> bool {
    (e.tag.is_heading() || matches!(e.tag, Tag::P | Tag::Div | Tag::Strong | Tag::B))
        && e.short_text(BOX_TITLE_MAX_BYTES).is_some_and(|t| {
            !t.trim_end().ends_with(&['.', '?', '!', '"', '”', '’'][..])
                && !t.contains('@')
                && korean::parse_byline(&t).is_none()
                // (A list's item is no box's title: a personnel notice's last `▲ … 최홍석`
                // over the wire's tip line.)
                && !t.trim_start().starts_with(LIST_ITEM_MARKS)
        })
}

/// Marks that open a list's items in a Korean story (a personnel notice's `▲ 실장 홍길동`).
const LIST_ITEM_MARKS: [char; 2] = ['▲', '◇'];

/// A box's title is a few words.
const BOX_TITLE_MAX_BYTES: usize = 90;

/// A tip-line slogan and the list of contact lines right after it (노컷뉴스's `<div
/// class="jebo"><p>※CBS노컷뉴스는 여러분의 제보로 …</p><ul><li>이메일 : jebo@cbs.co.kr</li>…`,
/// the box unwrapped): one promo, read together.
fn drop_tip_boxes(el: &mut Element) {
    let mut i = 0;
    while i + 1 < el.children.len() {
        let promo = match (&el.children[i], &el.children[i + 1]) {
            (Content::Element(slogan), Content::Element(list))
                if matches!(list.tag, Tag::Ul | Tag::Ol) =>
            {
                slogan
                    .short_text(TIP_SLOGAN_MAX_BYTES)
                    .filter(|t| korean::is_tip_slogan(t))
                    .zip(list.short_text(TIP_SLOGAN_MAX_BYTES))
                    .is_some_and(|(s, l)| korean::is_tip_promo_block(&format!("{s} {l}")))
            }
            _ => false,
        };
        if promo {
            el.children.drain(i..i + 2);
        } else if let Some(end) = labelled_tip_lines(el, i).or_else(|| program_lines(el, i)) {
            el.children.drain(i..=end);
        } else {
            i += 1;
        }
    }
}

/// A broadcast interview's program credits printed a field a line (MBC강원영동's `<p>■ 방송 :
/// …</p><p>■ 진행 : …</p><p>■ 출연 : …</p>`, the box unwrapped): read together, as one block
/// (see [`korean::is_program_notice`]); the place of its last line.
fn program_lines(el: &Element, at: usize) -> Option<usize> {
    let mut joined = String::new();
    let mut end = None;
    for (j, c) in el.children.iter().enumerate().skip(at).take(TIP_BOX_LINES) {
        match c {
            Content::Text(t) if t.trim().is_empty() => continue,
            Content::Element(e) => match e.short_text(TIP_SLOGAN_MAX_BYTES) {
                Some(t) if t.trim_start().starts_with('■') => {
                    joined.push_str(&t);
                    joined.push(' ');
                    end = Some(j);
                }
                _ => break,
            },
            _ => break,
        }
    }
    end.filter(|_| korean::is_program_notice(&joined))
}

/// A tip box's label or slogan on a line of its own (`<strong>민중의소리 기사제보</strong>`,
/// `<p>시사저널e는 독자 여러분의 소중한 제보를 기다립니다.</p>`, the box unwrapped) and the lines
/// under it that make the box (see [`is_tip_promo`]): the place of the last of them.
fn labelled_tip_lines(el: &Element, at: usize) -> Option<usize> {
    let line = |c: &Content| match c {
        Content::Element(e) if e.tag != Tag::A => e.short_text(TIP_SLOGAN_MAX_BYTES),
        _ => None,
    };
    // (A slogan alone: a line holding it among others is not the box's head.)
    let head = line(&el.children[at]).filter(|t| {
        korean::is_tip_label(t)
            || korean::is_tip_slogan(t) && t.len() <= TIP_HEAD_MAX_BYTES && !t.contains('@')
    })?;
    let mut joined = head;
    for (j, c) in el
        .children
        .iter()
        .enumerate()
        .skip(at + 1)
        .take(TIP_BOX_LINES)
    {
        if matches!(c, Content::Text(t) if t.trim().is_empty()) {
            continue;
        }
        joined.push(' ');
        joined.push_str(&line(c)?);
        if is_tip_promo(&joined) {
            return Some(j);
        }
    }
    None
}

/// A tip-line promo: its lines (see [`korean::is_tip_promo_block`]) or a box under its label
/// (see [`korean::is_tip_box`]).
fn is_tip_promo(text: &str) -> bool {
    korean::is_tip_promo_block(text) || korean::is_tip_box(text)
}

/// A tip box's slogan is a sentence (`시사저널e는 독자 여러분의 소중한 제보를 기다립니다.`).
const TIP_HEAD_MAX_BYTES: usize = 180;

/// Lines under a tip box's label, whitespace between them counted.
const TIP_BOX_LINES: usize = 6;

/// A tip-line slogan, and the contact list under it, are each at most this many bytes.
const TIP_SLOGAN_MAX_BYTES: usize = 400;

/// A short heading like "You may also like" and the list of links right after it, or a
/// bold label and its link in a line of text (`<b>[관련기사]</b><a>…</a><br>`).
fn drop_related_lists(el: &mut Element) {
    let mut i = 0;
    while i < el.children.len() {
        let is_heading = match &el.children[i] {
            // A list under its label in one line (`<p>[관련기사]<br><a>…</a><br><a>…</a></p>`).
            Content::Element(e) if matches!(e.tag, Tag::P | Tag::Div) && labels_its_links(e) => {
                el.children.remove(i);
                continue;
            }
            Content::Element(e)
                if e.tag.is_heading()
                    || matches!(e.tag, Tag::P | Tag::Div | Tag::B | Tag::Strong) =>
            {
                let t = e.short_text(160).unwrap_or_default().fold_case();
                let t = t.trim().trim_end_matches(&[':', '.', '…'][..]);
                let t = t.trim_matches(&['[', ']'][..]).trim();
                // (The outlet's name may come first: 네이트's copy of 서울신문, `<strong>서울신문
                // 주요뉴스</strong>` over its list.)
                let after_outlet = |h: &str| {
                    t.strip_suffix(h)
                        .is_some_and(|outlet| outlet.ends_with(' ') && outlet.len() <= 30)
                };
                !t.is_empty()
                    && t.chars().count() <= 40
                    && rules::RELATED_HEADINGS.iter().any(|h| {
                        t == *h || t.starts_with(h) && t.len() < h.len() + 12 || after_outlet(h)
                    })
            }
            _ => false,
        };
        if !is_heading {
            i += 1;
            continue;
        }
        el.children.remove(i);
        // The list that follows (ignoring whitespace).
        while i < el.children.len()
            && matches!(&el.children[i], Content::Text(t) if t.trim().is_empty())
        {
            i += 1;
        }
        if let Some(Content::Element(e)) = el.children.get(i) {
            if matches!(e.tag, Tag::Ul | Tag::Ol | Tag::A) || mostly_links(e) {
                el.children.remove(i);
            }
        }
    }
}

/// Whether a line is a related heading's label, then links each after a break and nothing
/// else (`[관련기사]<br><a>…</a><br><a>…</a>`).
fn labels_its_links(line: &Element) -> bool {
    let mut parts = parts(line);
    let label = match parts.next() {
        Some(Content::Text(t)) => t.trim().fold_case(),
        Some(Content::Element(b)) if matches!(b.tag, Tag::B | Tag::Strong) => {
            b.text().trim().fold_case()
        }
        _ => return false,
    };
    let label = without_label_brackets(&label);
    let mut links = 0;
    let rest_are_links = parts.all(|c| match c {
        Content::Element(a) if a.tag == Tag::A => {
            links += 1;
            true
        }
        Content::Element(br) => br.tag == Tag::Br,
        Content::Text(_) => false,
    });
    rules::RELATED_HEADINGS.contains(&label) && rest_are_links && links > 0
}

/// A work's card closing the story under its label (게임메카's `이 기사의 게임`, then the
/// game's picture, title, release date, maker: see [`korean::vocab::FACT_BOX_LABELS`]): the
/// label and what follows it go, where that is less than half of what comes before.
fn drop_fact_box(el: &mut Element) {
    let label = el.children.iter().position(|c| {
        matches!(c, Content::Element(e) if e.short_text(40).is_some_and(|t| {
            korean::vocab::FACT_BOX_LABELS.contains(&t.trim())
        }))
    });
    if let Some(at) = label {
        let chars = |part: &[Content]| {
            part.iter()
                .map(|c| match c {
                    Content::Text(t) => t.len(),
                    Content::Element(e) => e.text().len(),
                })
                .sum::<usize>()
        };
        if chars(&el.children[at..]) * 2 < chars(&el.children[..at]) {
            el.children.truncate(at);
        }
    }
}

/// Whether nearly all of an element's text is inside links.
fn mostly_links(e: &Element) -> bool {
    fn link_text(e: &Element, inside: bool, acc: &mut (usize, usize)) {
        for c in &e.children {
            match c {
                Content::Text(t) => {
                    let n = t.trim().chars().count();
                    acc.0 += n;
                    if inside {
                        acc.1 += n;
                    }
                }
                Content::Element(x) => link_text(x, inside || x.tag == Tag::A, acc),
            }
        }
    }
    let mut acc = (0, 0);
    link_text(e, false, &mut acc);
    acc.0 > 0 && acc.1 * 10 >= acc.0 * 8
}

/// A menu of links in brackets under a short label (`공식 SNS [페이스북][트위터] | [인기화보]
/// [인기만화]`): three links or more, and outside them only separators and one or two words.
fn is_link_menu(e: &Element) -> bool {
    fn walk(e: &Element, links: &mut usize, outside: &mut String, depth: usize) {
        if depth > 64 {
            return;
        }
        for c in &e.children {
            match c {
                Content::Text(t) => outside.push_str(t),
                Content::Element(a) if a.tag == Tag::A => *links += 1,
                Content::Element(x) => walk(x, links, outside, depth + 1),
            }
        }
    }
    let (mut links, mut outside) = (0, String::new());
    walk(e, &mut links, &mut outside, 0);
    let label = outside.replace(['[', ']', '|', '/', '·', ':'], " ");
    links >= LINK_MENU_MIN_LINKS && label.split_whitespace().count() <= 2
}

/// A menu has three links or more (two links and a word may be a sentence's).
const LINK_MENU_MIN_LINKS: usize = 3;

/// What two titles are compared by: their letters and digits, lowercased.
fn title_key(s: &str) -> String {
    fold_whitespace(s)
        .fold_case()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn same_title(a: &str, b: &str) -> bool {
    let (a, b) = (title_key(a), title_key(b));
    !a.is_empty() && (a == b || b.len() > 10 && a.contains(&b) && b.len() * 10 >= a.len() * 8)
}

fn drop_title_heading(body: &mut Element, title: &str) {
    let first_heading = body.children.iter().take(3).position(
        |c| matches!(c, Content::Element(e) if e.tag.is_heading() && same_title(&e.text(), title)),
    );
    if let Some(i) = first_heading {
        body.children.remove(i);
        return;
    }
    // A broadcast transcript opens with the headline as a plain line: the first block that
    // is the title and nothing else goes too.
    let t = title_key(title);
    if t.chars().count() < 8 {
        return;
    }
    let first_block = body.children.iter().position(|c| match c {
        Content::Element(e) => has_text(e) || e.tag == Tag::Img,
        Content::Text(t) => !t.trim().is_empty(),
    });
    if let Some(i) = first_block {
        if let Content::Element(e) = &body.children[i] {
            if e.tag == Tag::P && title_key(&e.text()) == t {
                body.children.remove(i);
            }
        }
    }
}

/// Among the first lines, a copy of the headline or of the lead cut short with `...` (OSEN
/// mobile's photo overlay: `"투기 NO"..아이유, 정면 반박에도 이미지...` over `[OSEN=선미경 기자]
/// 가수 아이유가 … 의혹이...`): a teaser, no line of the story.
fn drop_truncated_copies(body: &mut Element, title: &str) {
    let leaves = header_leaves(body, HEADER_FIRST_BLOCKS);
    let mut whole = None;
    for path in leaves.iter().rev() {
        let Some(text) = element_at(body, path).short_text(TEASER_MAX_BYTES) else {
            continue;
        };
        let stem = text.trim_end();
        if !stem.ends_with("...") && !stem.ends_with('…') {
            continue;
        }
        let stem = title_key(stem.trim_end_matches(&['.', '…'][..]));
        if stem.chars().count() < 8 {
            continue;
        }
        let whole = whole.get_or_insert_with(|| title_key(&body.text()));
        if title_key(title).starts_with(&stem) || whole.matches(stem.as_str()).nth(1).is_some() {
            remove_leaf(body, path);
        }
    }
}

/// The paths of the body's first `n` blocks, where a header it took in would be.
fn header_leaves(body: &Element, n: usize) -> Vec<Vec<usize>> {
    let mut leaves = Vec::new();
    edge_leaves(body, &mut Vec::new(), &mut leaves, n, false, 0);
    leaves
}

/// A teaser cut short is a line or two.
const TEASER_MAX_BYTES: usize = 400;

/// What is left of the article's header where the body took it in (imbc.com: the section
/// label, the headline and its copy for phones; tvchosun.com: the section tag over the
/// headline): among the first lines, one that is the title and nothing else goes, with a copy
/// right after it and the short lines above it. Before [`drop_title_heading`], which would
/// take the headline alone.
fn drop_header_lines(body: &mut Element, title: &str) {
    let key = title_key(title);
    if key.chars().count() < 8 {
        return;
    }
    let leaves = header_leaves(body, HEADER_FIRST_BLOCKS);
    // (The headline's line may end with the byline: 경향신문 2009's `<dl><dt>headline</dt><dd>
    // 이보람 기자 boram@…</dd></dl>`, read as the byline already.)
    let is_title = |path: &Vec<usize>| {
        element_at(body, path)
            .short_text(title.len() * 2 + 40)
            .is_some_and(|t| {
                title_key(&t) == key
                    || t.strip_prefix(title.trim())
                        .is_some_and(|byline| korean::parse_byline(byline).is_some())
            })
    };
    let Some(at) = leaves.iter().position(is_title) else {
        return;
    };
    // A picture above the headline is the story's lead picture: the lines above stay then.
    let header_line = |p: &Vec<usize>| {
        let line = element_at(body, p);
        !holds_picture(line, 0)
            && line
                .short_text(HEADER_LINE_MAX_BYTES)
                .is_some_and(|t| !t.is_empty())
    };
    let first = if leaves[..at].iter().all(header_line) {
        0
    } else {
        at
    };
    let last = if leaves.get(at + 1).is_some_and(is_title) {
        at + 1
    } else {
        at
    };
    // From the last: taking a block leaves the places of those before it as they were.
    for path in leaves[first..=last].iter().rev() {
        remove_leaf(body, path);
    }
}

/// Among the body's first lines, one that is only the label the title brackets before the
/// headline (the program's name, `뉴스데스크`, left of the header's program-date-reporter line).
fn drop_label_line(body: &mut Element, label: &str) {
    let leaves = header_leaves(body, HEADER_FIRST_BLOCKS);
    if let Some(path) = leaves.iter().find(|p| {
        element_at(body, p)
            .short_text(label.len() + 8)
            .is_some_and(|t| t.trim() == label)
    }) {
        remove_leaf(body, path);
    }
}

/// Whether an element holds a picture.
fn holds_picture(el: &Element, depth: usize) -> bool {
    depth < 64
        && el.children.iter().any(|c| match c {
            Content::Element(e) => e.tag == Tag::Img || holds_picture(e, depth + 1),
            Content::Text(_) => false,
        })
}

/// The header's lines are among the body's first this many.
const HEADER_FIRST_BLOCKS: usize = 4;
/// A header line above the headline (a section, a kicker) is at most this many bytes.
const HEADER_LINE_MAX_BYTES: usize = 60;

/// The deck where the body repeats it (Naver's `<strong class="media_end_summary">` at the
/// top of `#dic_area`, a daily's `<div class="subtitle">`): the first element among the first
/// blocks whose text is the deck and nothing else.
fn drop_deck(el: &mut Element, key: &str, depth: usize) -> bool {
    if key.is_empty() || depth > 8 {
        return false;
    }
    let mut seen = 0;
    for i in 0..el.children.len() {
        let Content::Element(e) = &el.children[i] else {
            continue;
        };
        if !has_text(e) {
            continue;
        }
        let own = e.short_text(1200).map(|t| title_key(&t));
        // (Its box may open with its label: 뉴시스's `<strong>기사내용 요약</strong><br>…`.)
        let unlabelled = own.as_deref().map(|o| {
            korean::vocab::DECK_LABELS
                .iter()
                .find_map(|l| o.strip_prefix(title_key(l).as_str()))
                .unwrap_or(o)
        });
        if unlabelled == Some(key) {
            el.children.remove(i);
            return true;
        }
        // The deck's lines as blocks of their own (a deck `<div>` of `<p>` lines, unwrapped).
        if let Some(own) = own.filter(|o| !o.is_empty() && key.starts_with(o.as_str())) {
            if let Some(n) = lines_of(&el.children[i + 1..], &key[own.len()..]) {
                el.children.drain(i..=i + n);
                return true;
            }
        }
        let Content::Element(e) = &mut el.children[i] else {
            continue;
        };
        if drop_deck(e, key, depth + 1) {
            return true;
        }
        seen += 1;
        if seen >= 3 {
            return false;
        }
    }
    false
}

/// How many of `blocks` (whitespace between them aside) spell `rest` of a deck's key, line
/// after line (at most a deck's few lines); the count includes the whitespace passed.
fn lines_of(blocks: &[Content], rest: &str) -> Option<usize> {
    let mut rest = rest;
    for (n, c) in blocks.iter().enumerate().take(12) {
        match c {
            Content::Text(t) if t.trim().is_empty() => continue,
            Content::Text(_) => return None,
            Content::Element(e) => {
                let own = title_key(&e.short_text(400)?);
                rest = rest
                    .strip_prefix(own.as_str())
                    .filter(|_| !own.is_empty())?;
                if rest.is_empty() {
                    return Some(n + 1);
                }
            }
        }
    }
    None
}

/// Wire copy ends with `(끝)`: what follows it in the same container is a service trailer
/// (`본 기사는 인포맥스 금융정보 단말기로 … 서비스된 기사입니다.`), dropped when short.
fn drop_after_end_mark(el: &mut Element, depth: usize) {
    if depth > 64 {
        return;
    }
    // short_text stops reading at a few bytes: every block is looked at, none is read whole.
    let end = el.children.iter().position(|c| {
        matches!(c, Content::Element(e) if e.tag.is_block()
            && e.short_text(8).is_some_and(|t| t.trim() == "(끝)"))
    });
    if let Some(i) = end {
        let trailer: usize = el.children[i + 1..]
            .iter()
            .map(|c| match c {
                Content::Element(e) => e.text().trim().chars().count(),
                Content::Text(t) => t.trim().chars().count(),
            })
            .sum();
        if trailer <= 300 {
            el.children.truncate(i);
        }
        return;
    }
    for c in &mut el.children {
        if let Content::Element(e) = c {
            if e.tag.is_block() {
                drop_after_end_mark(e, depth + 1);
            }
        }
    }
}

/// Whether an element has any non-space text (stops at the first).
fn has_text(e: &Element) -> bool {
    e.children.iter().any(|c| match c {
        Content::Text(t) => !t.trim().is_empty(),
        Content::Element(x) => has_text(x),
    })
}

/// The last block with text, as a path of child indices.
fn last_text_block(el: &Element, path: &mut Vec<usize>, depth: usize) -> bool {
    for (i, c) in el.children.iter().enumerate().rev() {
        if let Content::Element(e) = c {
            if e.tag == Tag::Figure || e.tag == Tag::Figcaption || e.tag == Tag::Img {
                continue;
            }
            if !has_text(e) {
                continue;
            }
            path.push(i);
            if e.tag.is_block()
                && depth < 64
                && e.children
                    .iter()
                    .any(|c| matches!(c, Content::Element(x) if x.tag.is_block()))
            {
                return last_text_block(e, path, depth + 1);
            }
            return true;
        } else if let Content::Text(t) = c {
            if !t.trim().is_empty() {
                return false;
            }
        }
    }
    false
}

/// The reporter's sign-off and email after the last paragraph, on lines of their own or at
/// the end of it (`/정민호 기자` then `minho@…`: both lines go).
fn take_signoff(body: &mut Element, out: &mut Polished) {
    // (A line at a time: a TV crew's three credits and the email above them are four.)
    for _ in 0..6 {
        let had_email = out.signoff_email.is_some();
        let stacked = take_signoff_once(body, out);
        // Only an email line taken, or one reporter's line of several: the line before it
        // may be the sign-off.
        if !stacked && (out.signoff.is_some() || out.signoff_email.is_some() == had_email) {
            return;
        }
    }
}

/// True when it took one reporter's line of a sign-off that gives one line to each.
fn take_signoff_once(body: &mut Element, out: &mut Polished) -> bool {
    let mut path = Vec::new();
    if !last_text_block(body, &mut path, 0) {
        return false;
    }
    let mut parent: &mut Element = body;
    for &i in &path[..path.len() - 1] {
        match &mut parent.children[i] {
            Content::Element(e) => parent = e,
            Content::Text(_) => return false,
        }
    }
    let last = *path.last().unwrap();
    let Content::Element(block) = &mut parent.children[last] else {
        return false;
    };
    // A picture's credit on the block's last line (`… 기자 (email)⏎[사진제공 = …]`): the
    // line goes and the sign-off above it is read again.
    if drop_trailing_credit_line(block) || drop_trailing_headlines(block) {
        return true;
    }
    let whole = block.text();
    // A reporter's email alone on the last line, or with an end mark (`…@yna.co.kr⏎(END)`).
    if let Some(email) = korean::closing_lines(&whole) {
        // Each reporter's email on a line of its own (뉴스1's `<p>icef08@news1.kr</p><p>
        // iron@news1.kr</p>`): the lines go, the first reporter's email is the sign-off's.
        // (Read from the last line up: the upper line's email replaces the lower's.)
        let another = out.signoff_email.is_some() && email.is_some();
        if email.is_some() {
            out.signoff_email = email;
        }
        parent.children.remove(last);
        return another;
    }
    // A wire credited on a line of its own (`Yonhap`), or a byline in Latin letters signing
    // off (`BY PARK EUN-JEE [park.eunjee@joongang.co.kr]`, `Lee Hyo-jin hyojin@…`).
    if rules::WIRE_CREDITS.contains(&whole.trim())
        || korean::vocab::WIRE_CREDITS.contains(&whole.trim())
    {
        parent.children.remove(last);
        return false;
    }
    // The reporters' contact line (`Write to Chae-Yeon Kim at why29@hankyung.com`).
    if out.signoff.is_none() && is_write_to_line(&whole) {
        out.signoff_email = korean::email_in(&whole);
        out.signoff = Some(fold_whitespace(&whole));
        parent.children.remove(last);
        return false;
    }
    if out.signoff.is_none()
        && (is_latin_signoff(&whole) || names_the_email_below(&whole, &out.signoff_email))
    {
        out.signoff = Some(fold_whitespace(&whole));
        parent.children.remove(last);
        return false;
    }
    // One line per reporter, the email's handle without its domain (`뉴스엔 황혜진 blossom@`).
    if let Some(name) = korean::signoff_with_handle(&whole) {
        out.signoff_name = Some(name);
        parent.children.remove(last);
        return true;
    }
    // The reporter's bare name and the photo's source (`박노준 / 사진출처 송중기 인스타그램`).
    if let Some(name) = korean::signoff_with_credit(&whole) {
        out.signoff_name = Some(name);
        parent.children.remove(last);
        return false;
    }
    // A sign-off line of a name and an email (`YTN 조예진 (choyj0622@ytn.co.kr)`).
    if let Some((email, name)) = korean::signoff_with_email(&whole) {
        if korean::parse_byline(&whole).is_none() {
            if out.signoff_email.is_some() {
                return false;
            }
            out.signoff_email = Some(email);
            if out.signoff_name.is_none() {
                out.signoff_name = name;
            }
            parent.children.remove(last);
            return false;
        }
    }
    // A paragraph that is only the byline goes entirely, or one of bylines each with its email
    // (`최정혁 기자 jhchoi@…⏎한지수 기자 jisu.han@…`, `[조수현 기자 …@mk.co.kr, 편은지 기자 …]`);
    // and the reporters' paragraphs above it, one to each (`<p>남궁현 더스쿠프 기자⏎email</p>`
    // under `<p>최아름 더스쿠프 기자⏎email</p>`).
    // As printed, email and all: the byline is read from it again.
    // (A magazine's writer's line over the photographer's: the writer's.)
    let byline = korean::without_credit_tail(&whole).unwrap_or(&whole);
    if is_byline_paragraph(byline) || is_byline_list(&whole) {
        out.signoff = Some(take_byline_paragraphs(parent, last, byline));
        return false;
    }
    // Otherwise the sign-off is at the end of the block's last text.
    let split = split_signoff_at_end(block, out);
    // What is left of a line that was only the sign-off is the outlet's name before it
    // (`YTN star 윤현지 기자`): a word or two, no sentence.
    if crate::render::is_empty(block) || split && is_name_fragment(&block.text()) {
        parent.children.remove(last);
    }
    false
}

/// The sign-off at the end of a block's last text (`… 말했다. 정희경 기자`, a byline on the
/// block's last line, an email after the last sentence): taken into `out`. True when a
/// sign-off was cut from the text.
fn split_signoff_at_end(block: &mut Element, out: &mut Polished) -> bool {
    let mut split = false;
    let mut lines = block
        .children
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| !matches!(c, Content::Text(t) if t.trim().is_empty()))
        .map(|(i, _)| i);
    let (last, above) = (lines.next(), lines.nth(1));
    // The reporter's email linked on the block's last line (한겨레's `…보고 싶다.<br><a
    // href="mailto:…">hrjung@hani.co.kr</a>`).
    if let (Some(at), None) = (last, &out.signoff_email) {
        if let Content::Element(a) = &block.children[at] {
            let email = a.text();
            let after_break = at > 0
                && matches!(&block.children[at - 1], Content::Element(br) if br.tag == Tag::Br);
            if a.tag == Tag::A && after_break && korean::is_bare_email(&email) {
                out.signoff_email = Some(email.trim().to_string());
                block.children.truncate(at - 1);
                return true;
            }
        }
    }
    if let Some(Content::Text(t)) = last.map(|i| &mut block.children[i]) {
        // A byline on the block's last line (`글. 바이라인네트워크⏎<김정연 기자>jykim@…`), the
        // photos' credit after it or not (`[… 최하나 기자 news@…/사진=블루문엔터테인먼트]`).
        let byline = korean::without_credit_tail(t).unwrap_or(t);
        if is_byline_paragraph(byline) {
            out.signoff = Some(fold_whitespace(byline));
            t.clear();
            split = true;
        }
        // The reporter's email after the last sentence (`MBN뉴스 안진우입니다. [tgar1@…]`).
        if out.signoff_email.is_none() {
            if let Some((rest, email)) = korean::split_trailing_email(t) {
                *t = rest;
                out.signoff_email = Some(email);
                // A photo desk's email on a line of its own, under the caption that its
                // date stamp ends (`… 만끽하고 있다. 2024.4.4⏎superdoo82@yna.co.kr`): the
                // stamp goes with it.
                // Or a broadcast's spoken sign-off above the email's line (`MBN뉴스
                // 윤석진입니다.⏎[ ysj@mbn.co.kr ]`) names the reporter.
                if t.is_empty() {
                    if let Some(Content::Text(above)) = above.map(|i| &mut block.children[i]) {
                        if let Some(kept) = korean::without_desk_date(above) {
                            *above = kept;
                        } else if out.signoff_name.is_none() {
                            out.signoff_name = korean::spoken_signoff(above);
                        }
                    }
                    return split;
                }
            }
        }
        if let Some((rest, signoff)) = korean::split_signoff(t) {
            *t = rest;
            out.signoff = Some(signoff);
            split = true;
        } else if out.signoff_name.is_none() {
            // A broadcast sign-off names the reporter and stays: the reporter says it.
            out.signoff_name = korean::spoken_signoff(t);
        }
    }
    split
}

/// A word or two without a sentence's end: the outlet's name left of a sign-off's line.
fn is_name_fragment(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 16 && t.split_whitespace().count() <= 2 && !t.ends_with(&['.', '다'][..])
}

/// Drops a credit line that ends a block after a line break (`[사진제공 = 바람엔터테인먼트]`
/// under a sign-off in `<br>`-split text; 채널A 2020's `rin@donga.com⏎영상취재 : 김기열⏎영상편집 :
/// 이승근`, a crew's lines under the reporter's email). True when it dropped one.
fn drop_trailing_credit_line(block: &mut Element) -> bool {
    let mut lines = block
        .children
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| !matches!(c, Content::Text(t) if t.trim().is_empty()));
    let (Some((text_at, Content::Text(line))), Some((br_at, Content::Element(br)))) =
        (lines.next(), lines.next())
    else {
        return false;
    };
    if br.tag != Tag::Br
        || !(korean::is_credit_line(line)
            || is_credit_line(line)
            || korean::is_crew_credit(line)
            || is_tip_promo(line))
    {
        return false;
    }
    block.children.truncate(text_at);
    block.children.remove(br_at);
    true
}

/// Headlines closing a story's text, each on a line opened by `▶` or `•` (its text, or a link
/// after the mark) or by `■` or `·` (a link after it), two or more or under their bracketed
/// label (국민일보's `[인기 기사]⏎▶ …⏎▶ …`, in the text a portal copied, and `[인기 기사]⏎·
/// <a>…</a>` on its own site in 2012; 한겨레's `[한겨레 주요기사]⏎• <a>…</a>`): other stories'
/// links. True when it dropped them.
fn drop_trailing_headlines(block: &mut Element) -> bool {
    let (mut cut, mut headlines, mut labelled) = (None, 0, false);
    let is_br = |c: &Content| matches!(c, Content::Element(e) if e.tag == Tag::Br);
    let mut end = block.children.len();
    'lines: while end > 0 {
        let start = block.children[..end]
            .iter()
            .rposition(is_br)
            .map_or(0, |p| p + 1);
        let (mut line, mut linked) = (String::new(), String::new());
        for c in &block.children[start..end] {
            match c {
                Content::Text(t) => line.push_str(t),
                Content::Element(e) if !e.tag.is_block() => {
                    let text = e.text();
                    if e.tag == Tag::A {
                        linked.push_str(&text);
                    }
                    line.push_str(&text);
                }
                Content::Element(_) => break 'lines,
            }
        }
        let line = line.trim();
        // `■` also opens a story's subheadings, and `·` its points: only a link after them
        // is a headline.
        let marked_link = line
            .strip_prefix(&['■', '·', 'ㆍ'][..])
            .is_some_and(|rest| !linked.trim().is_empty() && rest.trim() == linked.trim());
        if !line.is_empty() {
            if (line.starts_with(&['▶', '•'][..]) || marked_link)
                && line.len() <= TRAILING_LINE_MAX_BYTES
            {
                headlines += 1;
            } else {
                labelled = headlines > 0 && is_bracketed_label(line);
                if !labelled {
                    break;
                }
            }
            cut = Some(start);
            if labelled {
                break;
            }
        }
        end = start.saturating_sub(1);
    }
    match cut {
        Some(at) if headlines >= 2 || labelled => {
            block.children.truncate(at);
            true
        }
        _ => false,
    }
}

/// Takes the byline paragraph at `last` (its text `whole`) and the reporters' paragraphs right
/// above it, one to each: the sign-off they print together.
fn take_byline_paragraphs(parent: &mut Element, last: usize, whole: &str) -> String {
    let mut signoff = whole.trim().to_string();
    parent.children.remove(last);
    let mut end = last;
    for _ in 0..MAX_SIGNOFF_PARAGRAPHS {
        let Some(above) = parent.children[..end]
            .iter()
            .rposition(|c| !matches!(c, Content::Text(t) if t.trim().is_empty()))
        else {
            break;
        };
        let Content::Element(e) = &parent.children[above] else {
            break;
        };
        let text = e.text();
        if !is_byline_paragraph(&text) {
            break;
        }
        signoff = format!("{} {signoff}", text.trim());
        parent.children.remove(above);
        end = above;
    }
    signoff
}

/// A paragraph of bylines each closed by its email (`최정혁 기자 jhchoi@… 한지수 기자
/// jisu.han@…`, `[조수현 기자 cho.suhyun@mk.co.kr, 편은지 기자 pyun.ej@mk.co.kr]`): two or more,
/// each a byline paragraph of its own.
fn is_byline_list(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(t);
    let mut bylines = 0;
    let mut from = 0;
    for (at, _) in t.match_indices('@') {
        // The email ends at the next space (or the text's end).
        let end = t[at..].find(' ').map_or(t.len(), |e| at + e);
        let byline = t[from..end].trim().trim_start_matches(&[',', '·', '/'][..]);
        if !is_byline_paragraph(byline.trim_end_matches(&[',', '·'][..])) {
            return false;
        }
        bylines += 1;
        from = end;
    }
    bylines >= 2 && t[from..].trim().is_empty()
}

/// Reporters sign off in a paragraph each: this many are read above the last.
const MAX_SIGNOFF_PARAGRAPHS: usize = 4;

/// A paragraph that is only a Korean byline (`홍길동 기자`, `홍길동·김철수 기자
/// hong@x.com`): a few words, no sentence.
fn is_byline_paragraph(text: &str) -> bool {
    let text = korean::without_more_by_link(text);
    // An email in the line is not counted (JIBS's `JIBS 제주방송 고아라( ara0317@jibs.co.kr )
    // 기자`): one reporter's line with an email is as long as its words.
    // (Counted in one pass that stops past the limit: every paragraph of a story is asked.)
    let (mut chars, mut words) = (0, 0);
    for w in text.split_whitespace() {
        if !w.contains('@') && w.chars().any(char::is_alphanumeric) {
            chars += w.chars().count() + 1;
            words += 1;
            if chars > 60 {
                return false;
            }
        }
    }
    !text.contains(". ")
        && !text.trim_end().ends_with('다')
        && korean::parse_byline(text).is_some_and(|b| {
            // Two reporters' bylines or more in one line (`세종=김혜원 기자, 이광수 박세환 기자
            // email`) take more words, a photo's credit none (`… 사진 전민규 기자`); one
            // reporter's takes four at most.
            // A contributor's, with an affiliation, a few more (`<정하윤 장로/전주 예수병원 내과
            // 전문의>`).
            let contributor = || {
                b.authors
                    .first()
                    .and_then(|a| a.role.as_deref())
                    .is_some_and(|r| korean::vocab::CONTRIBUTOR_TITLES.contains(&r))
            };
            (words <= 4 || words <= 6 && contributor()) && chars <= 40
                || words <= 8
                    && b.authors.len() >= 2
                    && !text
                        .split_whitespace()
                        .any(|w| korean::vocab::CREDIT_LABELS.contains(&w))
        })
}

/// The reporters' contact line closing a story (Korea Economic Daily's and WSJ's `Write to
/// Chae-Yeon Kim and Eui-Myung Park at why29@hankyung.com`): `Write to`, names, `at` and an
/// email that ends the line.
fn is_write_to_line(text: &str) -> bool {
    let t = fold_whitespace(text);
    t.len() <= WRITE_TO_MAX_BYTES
        && t.starts_with("Write to ")
        && t.rsplit_once(" at ")
            .is_some_and(|(_, email)| korean::is_bare_email(email.trim_end_matches('.')))
}

/// A contact line names a few reporters: at most this many bytes.
const WRITE_TO_MAX_BYTES: usize = 160;

/// An editor's credit under the story (`In-Soo Nam edited this article.`, `Edited by Thomas
/// Hale`): a name and the phrase, nothing else.
fn is_editor_credit(text: &str) -> bool {
    let t = text.trim();
    t.strip_suffix(" edited this article.")
        .or_else(|| t.strip_prefix("Edited by "))
        .is_some_and(|name| {
            (1..=4).contains(&name.split_whitespace().count())
                && name
                    .split_whitespace()
                    .all(|w| w.as_bytes()[0].is_ascii_uppercase())
        })
}

/// A bare romanized name over the email line just taken (The Korea Times' `Lee Hyo-jin⏎
/// hyojin@…`, `Kim Arin⏎arin@…`): a Korean name as an English page writes it, its given name
/// hyphenated or in the address.
fn names_the_email_below(line: &str, email: &Option<String>) -> bool {
    let Some(user) = email.as_deref().and_then(|e| e.split('@').next()) else {
        return false;
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        })
        && (line.contains('-')
            || words[1..]
                .iter()
                .any(|w| user.contains(w.to_ascii_lowercase().as_str())))
}

/// A sign-off in Latin letters: `By` and names, or names and an email (`BY PARK EUN-JEE,
/// KIM SE-JIN [park.eunjee@…]`, `Lee Hyo-jin hyojin@koreatimes.co.kr`); each name two to
/// four capitalized words (hyphens and apostrophes kept), nothing else on the line.
pub(crate) fn is_latin_signoff(text: &str) -> bool {
    let t = fold_whitespace(text);
    if t.len() > 100 {
        return false;
    }
    let email = korean::email_in(&t);
    let mut rest = match &email {
        Some(e) => t.replace(e.as_str(), " "),
        None => t.clone(),
    };
    rest.retain(|c| !"[]()<>".contains(c));
    let rest = rest.trim();
    let (by, names) = match rest.get(..3) {
        Some(b) if b.eq_ignore_ascii_case("by ") => (true, &rest[3..]),
        _ => (false, rest),
    };
    let is_name = |n: &str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars()
                        .all(|c| c.is_ascii_alphabetic() || "-'".contains(c))
            })
    };
    let mut names: Vec<&str> = names
        .split(&[',', '&'][..])
        .flat_map(|n| n.split(" and "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    // The reporters' role after them (`By Kim Ga-yoon and Lee Jun-hyeok, staff reporters`).
    if names.len() > 1 && names.last().is_some_and(|r| is_role_words(r)) {
        names.pop();
    }
    (by || email.is_some()) && !names.is_empty() && names.iter().all(|n| is_name(n))
}

/// A reporter's role in English words after the name (`staff reporters`, `Senior
/// Correspondent`): words of [`rules::BYLINE_TITLE_WORDS`] only.
fn is_role_words(text: &str) -> bool {
    text.split_whitespace().all(is_title_word)
}

/// A word of a writer's title ([`rules::BYLINE_TITLE_WORDS`]), with a period after it or not.
#[inline(never)] // four readers: one copy keeps the .wasm small
pub(crate) fn is_title_word(w: &str) -> bool {
    rules::BYLINE_TITLE_WORDS.contains(&w.fold_case().trim_end_matches('.'))
}

/// A line of metadata fields is at most this many bytes (`Freitag | 14. Juni 2019 | 15:49 VON
/// Sina Giebel IN Fashion | 0 COMMENTS`).
const META_LINE_MAX_BYTES: usize = 140;
/// Such a line is looked for among this many first blocks of the body.
const META_LINE_FIRST_BLOCKS: usize = 3;

/// The lines of metadata that open the body, among its first three: a line of metadata
/// fields (`2021-10-16 | Botschaft`, `Verfasst von: mitundvoneinander | 31. Dezember 2008`,
/// `Le Monde | 04.05.2015 à 13h36 • Mis à jour …`: two fields or more, one of them a date
/// and nothing else, [`crate::date::is_date_like`]), and a breadcrumb (`<p
/// class="category"><a>사회</a><a>사회일반</a></p>`, `<a>경제</a> &gt; <a>부동산</a>`, where a
/// page's header joined the body: a short line of short links, two or more or split by a
/// breadcrumb's marks, and nothing else), and a Korean date line (`입력 2024.11.20 오전 7:05`,
/// `업데이트 … 발행 …`, and on a Korean story `Published 2024.06.11 22:05`), and a Korean
/// byline alone (`안세진 기자`, the header's, where the body took the header in). The story
/// starts below. (Any other bare date line is left alone: WCEB's pages keep it as text.) A
/// byline in Latin letters (`By Park Sae-yeon`) leaves too, and so does a Korean one that names a
/// reporter (`글 | 김도윤 에디터`); either is given back: the story's sign-off where none closes it.
/// The byline of a header line that prints the dates after it (`홍길동 기자 입력 2024.03.05
/// 14:22`, `홍길동 기자 | 2024-03-05 14:22`).
fn byline_then_dates(line: &str) -> Option<&str> {
    if !crate::date::holds_printed_date(line) {
        return None;
    }
    let starts = line
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| i);
    for at in starts {
        let (head, dates) = line.split_at(at);
        let head = head.trim_end().trim_end_matches('|').trim_end();
        if crate::date::is_date_like(dates.trim().trim_start_matches('|').trim_start()) {
            return is_byline_paragraph(head).then_some(head);
        }
    }
    None
}

fn drop_opening_meta_lines(body: &mut Element) -> Option<String> {
    let mut by = None;
    let mut leaves = Vec::new();
    edge_leaves(
        body,
        &mut Vec::new(),
        &mut leaves,
        META_LINE_FIRST_BLOCKS,
        false,
        0,
    );
    // A byline line opening the body, unbracketed (`안세진 기자`: the header's, taken in with
    // it, or a program's crew, `CBS 김현정의 뉴스쇼 제작진`), or in brackets on a line of its
    // own (`<p>[팍스경제TV 김효선 기자]</p>`); a lead bracket before the lead's words (`[OBS
    // 홍길동 기자] …`) is the story's first words, and so is a transcript's speaker label
    // (`김나연 앵커>`).
    let is_byline = |text: &str| {
        // (Bars left where the header's dates went: `(부산=뉴스1) 박성훈 기자 | |`.)
        let t = text.trim().trim_end_matches(&['|', ' '][..]);
        let bracketed = t
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .is_some_and(is_byline_paragraph);
        // A wire's dateline and the reporter, and nothing after (뉴스1 2016's header line
        // `(부산=뉴스1) 박성훈 기자`): no lead, which goes on after a `=`.
        // (Or with the `=` whose lead is the next paragraph: `(서울=뉴스1) 홍길동 기자 =`; or
        // the dateline alone: `【서울=테스트통신】`.)
        let dateline_byline = korean::dateline(t).is_some()
            && t.split_once([')', ']', '】']).is_some_and(|(_, rest)| {
                let rest = rest.trim().trim_end_matches('=').trim_end();
                rest.is_empty() && t.contains('=')
                    || !rest.contains('=') && is_byline_paragraph(rest)
            });
        bracketed
            || dateline_byline
            || !t.starts_with(&['[', '('][..])
                && !korean::is_speaker_label(text)
                && (is_byline_paragraph(text)
                    || text.trim_end().ends_with("제작진") && text.split_whitespace().count() <= 5
                    || byline_then_dates(t).is_some())
    };
    let line_text =
        |body: &Element, path: &[usize]| element_at(body, path).short_text(META_LINE_MAX_BYTES);
    // Under such a byline, a bare date is the header's too (`2023-07-27 10:13`).
    let signed = leaves
        .iter()
        .any(|path| line_text(body, path).is_some_and(|t| is_byline(&t)));
    // From the last: taking a block leaves the places of those before it as they were.
    for path in leaves.iter().rev() {
        let line = element_at(body, path);
        let Some(text) = line_text(body, path) else {
            continue;
        };
        // (A quote's speaker under it is the quote's: 한국일보's `<blockquote>…</blockquote><p
        // class="who">박정우 한국방재학회 수해대책위원장</p>` opening the story.)
        let byline = is_byline(&text) && !follows_quote(body, path);
        // A deck box's label left over where the deck's lines left the body (`핵심요약`).
        let label = korean::vocab::DECK_LABELS.contains(&text.trim());
        // The caption of the picture above the body, pointing up at it from the body's first
        // line (SBS's `<div><strong>▲ 지난해 11월 … 한미 정상회담</strong></div>`).
        let caption_above = Some(path) == leaves.first()
            && korean::points_at_picture(&text)
            && text.chars().count() <= CAPTION_ABOVE_MAX_CHARS;
        let is_latin_byline = |t: &str| t.trim_start().starts_with("By ") && is_latin_signoff(t);
        let latin_byline = is_latin_byline(&text);
        // (A Korean byline is given back too: a magazine's `글 | 김도윤 에디터` may be its only one.)
        if latin_byline || byline && korean::parse_byline(&text).is_some() {
            by = Some(fold_whitespace(&text));
        }
        // A wire's note to editors and the byline a break apart (Yonhap English's `<p>(ATTN:
        // UPDATES …)<br/>By Kang Yoon-seung</p>`).
        let note_then_byline = br_lines(line).is_some_and(|lines| {
            let mut lines = lines.lines().map(str::trim).filter(|l| !l.is_empty());
            match (lines.next(), lines.next(), lines.next()) {
                (Some(note), Some(name), None)
                    if korean::is_editor_note(note) && is_latin_byline(name) =>
                {
                    by = Some(fold_whitespace(name));
                    true
                }
                _ => false,
            }
        });
        // Separators left between header fields that went (`<span class="bar">|</span>`).
        let bar = text.trim().chars().all(|c| c == '|' || c == ' ');
        let meta = (is_meta_line(&text)
            || note_then_byline
            || caption_above
            || bar
            || byline
            || latin_byline
            || label
            || korean_date_line(&text)
            || dates_then_byline(&text)
            || source_date_line(&text)
            || date_labels_only(&text)
            || labelled_date_line(&text)
            || korean::is_contact_field(&text)
            // (The header's reporter email on a line of its own: 이데일리 2023's `<p
            // class="email">` beside its byline.)
            || korean::is_bare_email(&text)
            || korean::is_outlet_tag(&text)
            || signed && is_printed_date(text.trim()) && korean::has_hangul(&body.text()))
            && body.short_text(text.len() + 1).is_none();
        let breadcrumb = text.len() <= BREADCRUMB_MAX_BYTES
            && (is_breadcrumb(line)
                || is_text_breadcrumb(&text)
                || is_section_link(line) && korean::has_hangul(&text))
            && body.short_text(text.len() * 4).is_none();
        if meta || breadcrumb {
            remove_leaf(body, path);
        }
    }
    by
}

/// A caption on the body's first line is a sentence's length at most.
const CAPTION_ABOVE_MAX_CHARS: usize = 80;

/// A breadcrumb is at most this many bytes (`홈 > 뉴스 > 경제 > 부동산`, `Home › News › World`).
const BREADCRUMB_MAX_BYTES: usize = 80;

/// Whether a line is links and breadcrumb marks only (see [`drop_opening_meta_lines`]).
fn is_breadcrumb(line: &Element) -> bool {
    fn walk(el: &Element, links: &mut usize, marks: &mut bool, depth: usize) -> bool {
        el.children.iter().all(|c| match c {
            Content::Text(t) => t.chars().all(|c| {
                let mark = ">›»/|·".contains(c);
                *marks |= mark;
                mark || c.is_whitespace()
            }),
            Content::Element(a) if a.tag == Tag::A => {
                *links += 1;
                a.short_text(BREADCRUMB_LINK_MAX_BYTES).is_some()
            }
            Content::Element(e) => depth < 8 && walk(e, links, marks, depth + 1),
        })
    }
    let (mut links, mut marks) = (0, false);
    walk(line, &mut links, &mut marks, 0) && (links >= 2 || links == 1 && marks)
}

/// A line that is one short link, a crumb of the header (TV조선's program link `<span
/// class="program"><a>뉴스9</a></span>` beside the byline that left): on a Korean page's first
/// lines, no story's.
fn is_section_link(line: &Element) -> bool {
    let mut parts = parts(line);
    matches!(
        (parts.next(), parts.next()),
        (Some(Content::Element(a)), None)
            if a.tag == Tag::A && a.short_text(BREADCRUMB_LINK_MAX_BYTES).is_some()
    )
}

/// A breadcrumb printed without links, from the home page down (점프볼's `<div
/// class="location">HOME &gt; 뉴스 &gt; <strong>KBL</strong></div>`).
fn is_text_breadcrumb(text: &str) -> bool {
    let mut parts = text.split(&['>', '›', '»'][..]).map(str::trim);
    let home = parts.next().unwrap_or_default();
    rules::BREADCRUMB_HOMES.contains(&home.fold_case().as_str())
        && parts.clone().next().is_some()
        && parts.all(|p| !p.is_empty() && p.len() <= BREADCRUMB_LINK_MAX_BYTES)
}

/// A breadcrumb's link names a section in a few words (`사회일반`, `Politics`).
const BREADCRUMB_LINK_MAX_BYTES: usize = 30;

/// Whether a short line is metadata fields split by `|`, `·` or `•`, one of them a date (see
/// [`drop_opening_meta_lines`]).
fn is_meta_line(text: &str) -> bool {
    let mut fields = 0;
    let mut date = false;
    for field in text.split(&['|', '·', '•'][..]) {
        let field = field.trim();
        if !field.is_empty() {
            fields += 1;
            date |= is_printed_date(field);
        }
    }
    fields >= 2 && date
}

/// A date line that opens with a label (`Published 2024.06.11 22:05`, a Korean outlet's
/// English label; read on a Korean story only: English pages' truths keep such lines).
fn labelled_date_line(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    crate::date::is_date_label(first.trim_end_matches(':')) && crate::date::is_date_like(text)
}

/// A field that is a date as printed: date words and numbers only ([`crate::date::is_date_like`]),
/// with a month or weekday name or three numbers joined by `.`, `-` or `/` (`23.10.2018`,
/// `2021-10-16`); a phone number (`+49 (0)40 890 85-433`) or a time alone is not one.
fn is_printed_date(field: &str) -> bool {
    crate::date::is_date_like(field)
        && (field.chars().any(char::is_alphabetic)
            || field.split_whitespace().any(|word| {
                let word = word.trim_matches(|c: char| !c.is_ascii_digit());
                let digits =
                    |p: &str| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
                word.split(&['.', '-', '/'][..]).all(digits)
                    && word.split(&['.', '-', '/'][..]).count() == 3
            }))
}

/// A lead-in at the very end of the body is at most this many bytes: a label (`Mehr Themen:`,
/// `Kontakt:`), never a paragraph of the story.
const DANGLING_MAX_BYTES: usize = 120;
/// Lead-ins are taken off the end one after another at most this many times (a label over a
/// label over a list the engine dropped).
const DANGLING_MAX_ROUNDS: usize = 3;

/// A label ending in a colon that closes the body introduces nothing: what it announced (a
/// related list, a map, a contact box, links) was not article and was left out, so the label
/// goes too. A figure or a table after it is what it announces: it stays. (A bare heading at
/// the end is left alone: Readability's expected pages keep headings over hidden or dropped
/// sections, and readability-test-pages lost more than trafilatura's set gained.)
fn drop_dangling_lead_ins(body: &mut Element) {
    for _ in 0..DANGLING_MAX_ROUNDS {
        let Some((path, text)) = last_short_line(body, DANGLING_MAX_BYTES) else {
            return;
        };
        let leaf = element_at(body, &path);
        let lead_in = (leaf.tag.is_heading()
            || matches!(leaf.tag, Tag::P | Tag::Div | Tag::Li | Tag::Dt))
            && text.trim().ends_with(':');
        // A Korean crosshead with nothing under it heads no section: the outlet's slogan
        // (스포츠Q's bold `도전과 열정, 위로와 영감 그리고 스포츠큐(Q)` closing every story).
        let slogan = leaf.tag == Tag::P
            && is_crosshead(leaf)
            && korean::has_hangul(&text)
            && !text
                .trim_end()
                .ends_with(&['.', '다', '?', '!', '"', '”', '’'][..]);
        if !lead_in && !slogan {
            return;
        }
        remove_leaf(body, &path);
    }
}

/// The block the body ends with, as its path and its text, when that text is at most
/// `max_bytes` and the body holds more than it (the story above it: a body that is nothing
/// else keeps its last line). `None` ends a loop that takes lines off the end.
fn last_short_line(body: &Element, max_bytes: usize) -> Option<(Vec<usize>, String)> {
    let mut path = Vec::new();
    if !last_leaf_block(body, &mut path, 0) || path.is_empty() {
        return None;
    }
    let text = element_at(body, &path).short_text(max_bytes)?;
    if text.trim().is_empty() || body.short_text(text.len() + 1).is_some() {
        return None;
    }
    Some((path, text))
}

/// A line of links or a prompt that ends the body is at most this many bytes: a related
/// headline, `zurück zur Listenansicht`, `Subscribe to our newsletter`; never a paragraph of
/// the story.
const TRAILING_LINE_MAX_BYTES: usize = 200;
/// Such lines are taken off the end one after another at most this many times (a list of
/// related headlines, one line each, under a newsletter prompt).
const TRAILING_LINE_MAX_ROUNDS: usize = 8;

/// The lines that end the body and point away from the story, which ended above them: lines
/// made of links (related headlines, "back to the list", "all dates"), prompts that send the
/// reader elsewhere ([`rules::CLOSING_PROMPTS`]: subscribe, follow our channel, log in to
/// comment, rate this article) with the short lines under them, a wire's filing stamp (a
/// Korean line that is a date), a button's count left alone and a heading with nothing under
/// it. A line with a link in a sentence is prose (a fifth of it or
/// more outside links, see [`mostly_links`]), and a body that is nothing else keeps its last
/// line.
fn drop_trailing_chrome(body: &mut Element) {
    for _ in 0..TRAILING_LINE_MAX_ROUNDS {
        let Some((path, text)) = last_short_line(body, TRAILING_LINE_MAX_BYTES) else {
            return;
        };
        let leaf = element_at(body, &path);
        // A wire's filing stamp under the story (`2024/03/05 10:21 송고`) is no line of it.
        if mostly_links(leaf)
            || is_link_menu(leaf)
            || is_closing_prompt(&text)
            || korean_date_line(&text)
            || is_bare_count(&text)
            // A heading over nothing: its list was chrome, or is filled by script.
            || leaf.tag.is_heading()
            || is_bracketed_label(&text)
            || is_editor_credit(&text)
            // The outlet's slogan between stars (`★정보보안 대표 미디어 데일리시큐 …★`).
            || text.starts_with('★') && text.ends_with('★')
            // A line pointing elsewhere (`▶ 다시 뜨거운 카타르 월드컵, 이번엔 SBS가
            // 보여드립니다`), no sentence of the story.
            || text.starts_with(&['▶', '☞', '▣'][..])
                && !text.ends_with('.')
                && (text.chars().count() <= 60
                    // (Or the story's own page: `▣ KBS 기사 원문보기 : http://…`.)
                    || text.split_whitespace().last().is_some_and(|w| w.starts_with("http")))
        {
            remove_leaf(body, &path);
        } else if !drop_prompt_tail(body) {
            return;
        }
    }
}

/// A banner: a picture linked to a page of the site, no text (`<a href="…/photo/"><img
/// alt="연합뉴스 포토 - 역사의 현장을 사진으로"></a>` under a story); a picture linked to its own
/// larger file is the story's.
fn is_banner(line: &Element) -> bool {
    let mut links = line.children.iter().filter_map(|c| match c {
        Content::Element(a) if a.tag == Tag::A => Some(a),
        _ => None,
    });
    // (The links first: the text is read only for a line that holds one.)
    links.next().is_some_and(|a| {
        let href = a.attr("href").unwrap_or("").to_ascii_lowercase();
        a.children
            .iter()
            .any(|c| matches!(c, Content::Element(img) if img.tag == Tag::Img))
            && ![".jpg", ".jpeg", ".png", ".gif", ".webp"]
                .iter()
                .any(|ext| href.ends_with(ext))
    }) && links.next().is_none()
        && line.text().trim().is_empty()
}

/// A counter left from a button row whose words went (`<span>좋아요 <em>0</em></span>`): a
/// short line of numbers and marks, no word.
fn is_bare_count(text: &str) -> bool {
    text.len() <= 20
        && text.chars().any(|c| c.is_ascii_digit())
        && !text.chars().any(char::is_alphabetic)
}

/// A Korean label in square brackets ending the body (`[SBS 김태현의 정치쇼]` under an
/// interview): the program's or the series' name, no line of the story. (A reporter in brackets,
/// `[신윤재 기자]`, was read as the sign-off before.)
fn is_bracketed_label(text: &str) -> bool {
    let t = text.trim();
    // (Or in angle brackets: 한겨레 2013's `<한겨레 인기기사>` over its ■ headlines.)
    let bracketed = |open: char, close: char| {
        t.starts_with(open) && t.ends_with(close) && t.matches(open).count() == 1
    };
    t.len() <= 60
        && (bracketed('[', ']') || bracketed('<', '>') || bracketed('〈', '〉'))
        && korean::has_hangul(t)
}

/// A prompt this many lines from the end at most takes the lines under it along.
const PROMPT_TAIL_LINES: usize = 3;

/// A prompt a line or two above the end of the body, and the short lines under it: what the
/// prompt's box holds besides (a newsletter form's fine print, a comment form's messages, a
/// rating's score, print and embed buttons). Each line at most
/// [`TRAILING_LINE_MAX_BYTES`]; the body keeps more than them. True when they went.
fn drop_prompt_tail(body: &mut Element) -> bool {
    let mut leaves = Vec::new();
    edge_leaves(
        body,
        &mut Vec::new(),
        &mut leaves,
        PROMPT_TAIL_LINES,
        true,
        0,
    );
    let (mut bytes, mut story_below) = (0, false);
    for (k, path) in leaves.iter().enumerate() {
        let Some(text) = element_at(body, path).short_text(TRAILING_LINE_MAX_BYTES) else {
            return false;
        };
        bytes += text.len() + 1;
        if k > 0 && is_closing_prompt(&text) && !is_story_sentence(&text) {
            // A sentence of a Korean story (plain style, `…밝혔다.`) under it: the prompt sits
            // inside the story (a channel's promo between paragraphs), which goes on below
            // it; the prompt alone goes.
            if story_below {
                let alone = text.chars().count() <= PROMPT_LINE_MAX_CHARS;
                if alone {
                    remove_leaf(body, path);
                }
                return alone;
            }
            if body.short_text(bytes).is_some() {
                return false;
            }
            // The last first: taking a block leaves the places of those before it as they were.
            for path in &leaves[..=k] {
                remove_leaf(body, path);
            }
            return true;
        }
        story_below |= is_story_sentence(&text);
    }
    false
}

/// A prompt on a line of its own is at most this long (`▶ 테스트일보 네이버 구독하기`).
const PROMPT_LINE_MAX_CHARS: usize = 60;

/// A Korean story's sentence: it ends in the plain style (`…밝혔다.`, `…나온다.`), where notices
/// and prompts are polite (`…습니다.`).
fn is_story_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = t.strip_suffix('.').unwrap_or(t);
    t.ends_with('다') && !t.ends_with("니다") && t.split_whitespace().count() >= 4
}

/// The first or the last `n` blocks of the body, as paths of child indices, in the order
/// walked (from the end: the last first, as [`last_leaf_block`] finds the last one). A block
/// holding text or inline content is one; a figure, an image, a table, a quote or code is
/// skipped from the start and ends the walk from the end. False once the walk must stop.
fn edge_leaves(
    el: &Element,
    path: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    n: usize,
    from_end: bool,
    depth: usize,
) -> bool {
    let holds_inline = el.children.iter().any(|c| match c {
        Content::Text(t) => !t.trim().is_empty(),
        Content::Element(e) => {
            !e.tag.is_block() && !matches!(e.tag, Tag::Br | Tag::Img) && !crate::render::is_empty(e)
        }
    });
    // A short list of fields is one line (매일경제's `<dl><dt>입력 :</dt><dd>2026-03-23
    // 12:07:33</dd></dl>`).
    let field_line = el.tag == Tag::Dl && el.short_text(META_LINE_MAX_BYTES).is_some();
    if (holds_inline || field_line) && !path.is_empty() {
        out.push(path.clone());
        return out.len() < n;
    }
    let len = el.children.len();
    for k in 0..len {
        let i = if from_end { len - 1 - k } else { k };
        let Content::Element(e) = &el.children[i] else {
            continue;
        };
        if matches!(e.tag, Tag::Br | Tag::Hr) || crate::render::is_empty(e) {
            continue;
        }
        // A small layout table opening the body is read through: an old page's header row
        // (`<td>권윤수 기자</td><td>등록일 : 2011-06-21 20:14 조회수 : 412</td>`).
        let header_row =
            || !from_end && e.tag == Tag::Table && e.short_text(META_LINE_MAX_BYTES).is_some();
        if matches!(
            e.tag,
            Tag::Figure | Tag::Img | Tag::Table | Tag::Pre | Tag::Blockquote
        ) && !header_row()
            || !e.tag.is_block()
            || depth >= 64
        {
            if from_end {
                return false;
            }
            continue;
        }
        path.push(i);
        let more = edge_leaves(e, path, out, n, from_end, depth + 1);
        path.pop();
        if !more {
            return false;
        }
    }
    true
}

/// The fields of a board-like header opening the body, label then value (포항MBC's `<th>기자
/// </th><td>장미쁨</td><th>등록일</th><td>2020-09-03 20:21</td>` rows, read as lines): each
/// label of [`korean::vocab::BOARD_FIELD_LABELS`] goes with the line after it, and a bare count
/// among them (a view count whose label went as chrome).
fn drop_board_fields(body: &mut Element) {
    let leaves = header_leaves(body, BOARD_FIELDS_MAX_LINES);
    let texts: Vec<String> = leaves
        .iter()
        .map(|path| {
            element_at(body, path)
                .short_text(META_LINE_MAX_BYTES)
                .unwrap_or_default()
        })
        .collect();
    let is_label = |t: &str| korean::vocab::BOARD_FIELD_LABELS.contains(&t.trim());
    let mut taken = 0;
    while taken < texts.len() {
        let t = texts[taken].trim();
        if is_label(t) && taken + 1 < texts.len() && !is_label(&texts[taken + 1]) {
            taken += 2;
        } else if taken > 0 && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            taken += 1;
        } else {
            break;
        }
    }
    // Two fields at least: a lone `기자` line may be the story's.
    if taken >= 4 {
        for path in leaves[..taken].iter().rev() {
            remove_leaf(body, path);
        }
    }
}

/// A board-like header's fields are read among this many first lines.
const BOARD_FIELDS_MAX_LINES: usize = 12;

/// A date line printed in Korean: dates, times and their labels only (`입력 2024.11.20 오전
/// 7:05` over the story, a wire's filing stamp `2024/03/05 10:21 송고` under it). A bare
/// date elsewhere may be the story's (the date of an event, a post's time). Also the print
/// edition's line (`발행일 2024-06-28 제3면`).
fn korean_date_line(text: &str) -> bool {
    // A view count after the date (`등록일 : 2011-06-21 20:14 조회수 : 412`) is the header's too.
    let text = match text.rfind("조회") {
        Some(at)
            if text[at..]
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',') =>
        {
            &text[..at]
        }
        _ => text,
    };
    korean::has_hangul(text)
        && (crate::date::is_date_like(text) || korean::is_print_edition_line(text))
}

/// A header's line of dates with the byline after them (서울경제 2020's `<div
/// class="article_info"><span>입력2020-08-19 17:32:08</span><span>수정…</span><span><a>한지수
/// 기자</a></span>`), taken into the body with it.
fn dates_then_byline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=BYLINE_TAIL_MAX_WORDS.min(words.len().saturating_sub(1))).any(|n| {
        let (dates, byline) = words.split_at(words.len() - n);
        korean_date_line(&dates.join(" ")) && korean::parse_byline(&byline.join(" ")).is_some()
    })
}

/// A byline after a header's dates is a few words (`홍길동·김철수 기자 email`).
const BYLINE_TAIL_MAX_WORDS: usize = 4;

/// A header's line of who published and when, in Korean (1boon's `<div class="info_view"><a
/// class="link_cp">무비노트</a> <span class="txt_time">2018.07.12 10:20</span></div>`, ZUM's
/// `뉴스1 입력 2020.08.09 07:01 수정 …`): a name of a word or two, no byline, then a printed
/// date (one that reads as a date: no phone number, `연락처 064-710-6781`) or a date line.
fn source_date_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=SOURCE_MAX_WORDS.min(words.len().saturating_sub(1))).any(|n| {
        let (source, date) = (words[..n].join(" "), words[n..].join(" "));
        // (A Korean outlet's English page prints it in Latin letters, with the time: Yonhap's
        // `All News 14:33 April 12, 2019`.)
        let latin_stamp = || {
            source.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
                && crate::date::holds_printed_date(&date)
        };
        (korean::has_hangul(&source) || latin_stamp())
            && korean::parse_byline(&source).is_none()
            && (is_printed_date(&date) && crate::date::normalize(&date, true).is_some()
                || korean_date_line(&date))
    })
}

/// What is left of a header's date line whose dates went as metadata: its labels and bars
/// only (동아일보 2014's `|입력 |수정`).
fn date_labels_only(text: &str) -> bool {
    let mut labels = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ':' | '·'))
        .filter(|w| !w.is_empty())
        .peekable();
    labels.peek().is_some() && labels.all(crate::date::is_date_label)
}

/// A header's source is named in a word or two.
const SOURCE_MAX_WORDS: usize = 2;

/// Whether a short line holds one of [`rules::CLOSING_PROMPTS`] as whole words (compared at
/// each word's start: no substring searcher for a line this short), or asks the reader about
/// the article (see [`korean::is_reader_question`]).
pub(crate) fn is_closing_prompt(text: &str) -> bool {
    has_phrase(&text.fold_case(), rules::CLOSING_PROMPTS) || korean::is_reader_question(text)
}

/// Whether a lowercase line holds one of `phrases` as whole words.
fn has_phrase(lower: &str, phrases: &[&str]) -> bool {
    let mut word_start = true;
    for (i, c) in lower.char_indices() {
        if word_start {
            let rest = &lower[i..];
            if phrases.iter().any(|phrase| {
                rest.starts_with(phrase)
                    && !rest[phrase.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            }) {
                return true;
            }
        }
        word_start = !c.is_alphanumeric();
    }
    false
}

/// A blog's line that files the post (`This entry was posted in … Bookmark the permalink.`,
/// `Filed under: Khawarij |`, `Permalien https://p.dw.com/p/RPYx`): it opens with one of
/// [`rules::FILING_LINE_OPENINGS`] or names the permalink. Lines of 250 bytes at most.
fn is_filing_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 250 {
        return false;
    }
    // Every short element of the body is asked: its opening is lowercased as it is compared,
    // and the whole line only where `perma` (which every permalink word begins with) occurs.
    // Every opening begins with an ASCII letter: a line that begins otherwise (every Korean
    // line) is compared with none.
    let first = t.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    let opens_with = |o: &str| {
        let mut lower = t.chars().map(crate::markup::fold_char);
        o.as_bytes()[0] == first && o.chars().all(|c| lower.next() == Some(c))
    };
    rules::FILING_LINE_OPENINGS.iter().any(|o| opens_with(o))
        || t.as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"perma"))
            && has_phrase(&t.fold_case(), rules::PERMALINK_WORDS)
}

/// Takes the block at `path`, then every ancestor it leaves empty.
fn remove_leaf(body: &mut Element, path: &[usize]) {
    for depth in (0..path.len()).rev() {
        let Some(parent) = element_at_mut(body, &path[..depth]) else {
            return;
        };
        let i = path[depth];
        let emptied = match &parent.children[i] {
            Content::Element(e) => depth + 1 == path.len() || crate::render::is_empty(e),
            Content::Text(_) => false,
        };
        if !emptied {
            break;
        }
        parent.children.remove(i);
    }
}

/// The block the body ends with, as a path of child indices: descends through blocks whose
/// last content is a block; stops on a block whose last content is text or inline (empty path:
/// the element itself). False when the body ends with a figure, an image, a table or nothing.
fn last_leaf_block(el: &Element, path: &mut Vec<usize>, depth: usize) -> bool {
    for (i, c) in el.children.iter().enumerate().rev() {
        match c {
            Content::Text(t) if t.trim().is_empty() => {}
            Content::Text(_) => return true,
            Content::Element(e) => {
                // (A banner closing the body is passed over: the lines above it are read.)
                if matches!(e.tag, Tag::Br | Tag::Hr) || crate::render::is_empty(e) || is_banner(e)
                {
                    continue;
                }
                if matches!(
                    e.tag,
                    Tag::Figure | Tag::Img | Tag::Table | Tag::Pre | Tag::Blockquote
                ) {
                    return false;
                }
                if !e.tag.is_block() {
                    return true;
                }
                path.push(i);
                return depth >= 64 || last_leaf_block(e, path, depth + 1);
            }
        }
    }
    false
}

/// Whether the element at `path` comes right after a `<blockquote>` (blank text between).
fn follows_quote(body: &Element, path: &[usize]) -> bool {
    let Some((&at, parent)) = path.split_last() else {
        return false;
    };
    element_at(body, parent).children[..at]
        .iter()
        .rev()
        .find(|c| !matches!(c, Content::Text(t) if t.trim().is_empty()))
        .is_some_and(|c| matches!(c, Content::Element(e) if e.tag == Tag::Blockquote))
}

fn element_at<'a>(mut el: &'a Element, path: &[usize]) -> &'a Element {
    for &i in path {
        if let Content::Element(e) = &el.children[i] {
            el = e;
        }
    }
    el
}

fn element_at_mut<'a>(mut el: &'a mut Element, path: &[usize]) -> Option<&'a mut Element> {
    for &i in path {
        match el.children.get_mut(i) {
            Some(Content::Element(e)) => el = e,
            _ => return None,
        }
    }
    Some(el)
}

fn first_paragraph_text(body: &Element) -> Option<String> {
    first_paragraph_in(body, 0)
}

/// The first `<p>` in document order, in the body or a box of it (OSEN mobile's `<dl>`).
fn first_paragraph_in(el: &Element, depth: usize) -> Option<String> {
    el.children.iter().find_map(|c| match c {
        Content::Element(e) if e.tag == Tag::P => Some(e.text()),
        Content::Element(e)
            if depth < 8 && matches!(e.tag, Tag::Div | Tag::Dl | Tag::Section | Tag::Article) =>
        {
            first_paragraph_in(e, depth + 1)
        }
        _ => None,
    })
}

/// An `<img>` of the body as the export lists it (no caption, no credit).
fn image_of(img: &Element) -> Image {
    Image {
        src: img.attr("src").unwrap_or_default().to_string(),
        alt: img
            .attr("alt")
            .filter(|a| !a.is_empty())
            .map(str::to_string),
        ..Image::default()
    }
}

fn collect_images(el: &mut Element, out: &mut Polished, depth: usize) {
    if depth > 64 {
        return;
    }
    if el.tag == Tag::Figure {
        let caption = el.children.iter_mut().find_map(|c| match c {
            Content::Element(e) if e.tag == Tag::Figcaption => Some(e),
            _ => None,
        });
        let (caption, credit) = match caption {
            Some(fc) => {
                let (text, credit) = korean::clean_caption(&fc.text());
                fc.children = vec![Content::Text(text.clone())];
                (Some(text).filter(|t| !t.is_empty()), credit)
            }
            None => (None, None),
        };
        let mut first = true;
        for c in &el.children {
            if let Content::Element(img) = c {
                if img.tag == Tag::Img {
                    let image = image_of(img);
                    out.images.push(if first {
                        Image {
                            caption: caption.clone(),
                            credit: credit.clone(),
                            ..image
                        }
                    } else {
                        image
                    });
                    first = false;
                }
            }
        }
        return;
    }
    for c in &mut el.children {
        if let Content::Element(e) = c {
            if e.tag == Tag::Img {
                out.images.push(image_of(e));
            } else {
                collect_images(e, out, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::render::paragraph as p;

    #[test]
    fn the_filing_line_checks_hold_for_every_listed_word() {
        assert!(rules::FILING_LINE_OPENINGS
            .iter()
            .all(|o| o.fold_case() == *o && o.as_bytes()[0].is_ascii_alphabetic()));
        assert!(is_filing_line("SCHLAGWÖRTER: Berlin"));
        assert!(rules::PERMALINK_WORDS
            .iter()
            .all(|w| w.starts_with("perma")));
        assert!(is_filing_line("Filed under: Khawarij |"));
        assert!(is_filing_line("Bookmark the PERMALINK."));
        assert!(!is_filing_line("The permanent collection opens in May."));
    }

    #[test]
    fn a_line_break_written_as_text_at_a_paragraphs_edge_is_no_text() {
        assert_eq!(without_leaked_breaks("&lt;br&gt; x"), "&lt;br&gt; x");
        assert_eq!(
            without_leaked_breaks("<br> [세종=뉴시스]박지현 기자 = …"),
            "[세종=뉴시스]박지현 기자 = …"
        );
        assert_eq!(without_leaked_breaks("끝났다.<BR /> "), "끝났다.");
        // (Whitespace at an end without one is kept: an element may follow.)
        assert_eq!(without_leaked_breaks("<br/>첫 문장 "), "첫 문장 ");
        // A tag in a sentence is the story's.
        assert_eq!(
            without_leaked_breaks("줄바꿈은 <br> 태그로 쓴다"),
            "줄바꿈은 <br> 태그로 쓴다"
        );
    }

    #[test]
    fn an_outlet_tag_opening_the_body_and_a_list_headed_by_the_outlet_leave_it() {
        // (네이트's copy of 서울신문: `[서울신문]` on its own line, a sign-off, then
        // `<strong>서울신문 주요뉴스</strong>` over its list.)
        let mut list = Element::new(Tag::Ul);
        list.children = vec![linked("", "다른 기사의 제목", "")];
        let mut heading = Element::new(Tag::Strong);
        heading.children = vec![Content::Text("서울신문 주요뉴스".into())];
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("[서울신문]"),
            p("첫 문단입니다. 정부는 대책을 발표했다."),
            p("마지막 문단이라고 말했다."),
            p("세종 김지수 기자 jisoo@seoul.co.kr"),
            Content::Element(heading),
            Content::Element(list),
        ];
        let out = polish(&mut body, "제목", None, None);
        assert_eq!(
            crate::article::to_text(&body),
            "첫 문단입니다. 정부는 대책을 발표했다.\n\n마지막 문단이라고 말했다."
        );
        assert!(out.signoff.is_some_and(|s| s.contains("김지수 기자")));
        assert!(korean::is_outlet_tag("【연합뉴스】"));
        assert!(!korean::is_outlet_tag("[앵커]"));
        assert!(!korean::is_outlet_tag("[단독]"));
    }

    #[test]
    fn removes_chrome_copyright_and_signoff() {
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("[비즈니스포스트] 첫 문단입니다."),
            p("공유하기"),
            p("마지막 문단이라고 말했다. 정희경 기자"),
            p("<저작권자(c) 비즈니스포스트 무단전재 및 재배포금지>"),
        ];
        let out = polish(&mut body, "제목", None, None);
        assert_eq!(
            crate::article::to_text(&body),
            "[비즈니스포스트] 첫 문단입니다.\n\n마지막 문단이라고 말했다."
        );
        assert_eq!(out.signoff.as_deref(), Some("정희경 기자"));
        assert_eq!(out.dateline.as_deref(), Some("비즈니스포스트"));
        assert!(out.copyright.unwrap().contains("무단전재"));
    }

    #[test]
    fn a_deck_printed_line_by_line_leaves_the_body() {
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("첫째 줄입니다"),
            p("둘째 줄입니다"),
            p("본문 첫 문단입니다."),
        ];
        polish(
            &mut body,
            "제목",
            None,
            Some("첫째 줄입니다\n둘째 줄입니다"),
        );
        assert_eq!(crate::article::to_text(&body), "본문 첫 문단입니다.");
        // A first line alone is not the deck.
        let mut body = Element::new(Tag::Div);
        body.children = vec![p("첫째 줄입니다"), p("본문 첫 문단입니다.")];
        polish(
            &mut body,
            "제목",
            None,
            Some("첫째 줄입니다\n둘째 줄입니다"),
        );
        assert!(crate::article::to_text(&body).starts_with("첫째 줄입니다"));
    }

    /// A `<p>` of lines split by `<br>`.
    fn lines(lines: &[&str]) -> Content {
        let mut e = Element::new(Tag::P);
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                e.children.push(Content::Element(Element::new(Tag::Br)));
            }
            e.children.push(Content::Text((*line).into()));
        }
        Content::Element(e)
    }

    #[test]
    fn a_sign_off_under_a_credit_line_and_after_the_outlet_name_is_read() {
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("영화는 오는 26일 개봉한다."),
            lines(&[
                "YTN star 윤현지 기자 (yhj@ytnplus.co.kr)",
                "[사진제공 = 바람엔터테인먼트]",
            ]),
        ];
        let out = polish(&mut body, "제목", None, None);
        assert_eq!(crate::article::to_text(&body), "영화는 오는 26일 개봉한다.");
        // The reporter and the email, whichever form the line is kept in.
        let signed = korean::parse_byline(out.signoff.as_deref().unwrap_or("")).unwrap();
        assert_eq!(signed.authors.len(), 1);
        assert_eq!(signed.authors[0].name, "윤현지");
        let email = out.signoff_email.or(signed.authors[0].email.clone());
        assert_eq!(email.as_deref(), Some("yhj@ytnplus.co.kr"));
        // A last line that is no credit stays, and a story's short line is no outlet name.
        let mut body = Element::new(Tag::Div);
        body.children = vec![lines(&["첫 문장이다.", "다음 줄도 본문이다."])];
        polish(&mut body, "제목", None, None);
        assert_eq!(
            crate::article::to_text(&body),
            "첫 문장이다.\n다음 줄도 본문이다."
        );
        assert!(is_name_fragment("YTN star"));
        assert!(!is_name_fragment("그렇게 끝났다."));
    }

    #[test]
    fn a_romanized_name_over_the_email_is_the_sign_off() {
        let email = Some("hyojin@koreatimes.co.kr".to_string());
        assert!(names_the_email_below("Lee Hyo-jin", &email));
        assert!(names_the_email_below(
            "Kim Arin",
            &Some("arin@heraldcorp.com".into())
        ));
        assert!(!names_the_email_below(
            "Thank You",
            &Some("info@test.com".into())
        ));
        assert!(!names_the_email_below("Lee Hyo-jin", &None));
    }

    #[test]
    fn sign_off_lines_under_the_story() {
        assert!(is_byline_list(
            "최정혁 기자 jhchoi@chosunbiz.com 한지수 기자 jisu.han@chosunbiz.com"
        ));
        assert!(is_byline_list(
            "[조수현 기자 cho.suhyun@mk.co.kr, 편은지 기자 pyun.ej@mk.co.kr]"
        ));
        // A sentence of the story with an address in it is none.
        assert!(!is_byline_list(
            "문의는 a@b.kr로 하면 된다. 홍길동 기자 hong@x.com"
        ));
        assert!(!is_byline_list("홍길동 기자 hong@x.com"));
        assert!(is_latin_signoff(
            "By Kim Ga-yoon and Lee Jun-hyeok, staff reporters"
        ));
        assert!(!is_latin_signoff("By the way, staff reporters"));
        // A tip box unwrapped: its label, then its lines.
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("첫 문단이다."),
            p("민중의소리 기사제보"),
            p("카카오톡 '민중의소리' 채널 추가 후 제보 · 이메일 jebo@vop.co.kr"),
        ];
        drop_tip_boxes(&mut body);
        assert_eq!(crate::article::to_text(&body), "첫 문단이다.");
        // Or under its slogan.
        body.children = vec![
            p("첫 문단이다."),
            p("시사저널e는 독자 여러분의 소중한 제보를 기다립니다."),
            p("이메일 jebo@sisajournal-e.com · 카카오톡 채널 ‘시사저널e 제보’"),
        ];
        drop_tip_boxes(&mut body);
        assert_eq!(crate::article::to_text(&body), "첫 문단이다.");
    }

    #[test]
    fn a_support_box_title_goes_with_its_appeal() {
        let story = "이제 질문을 바꿔야 한다.";
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p(story),
            p("한겨레는 타협하지 않겠습니다"),
            p("진실을 응원해 주세요. 맑은 뉴스를 만드는 힘이 됩니다."),
        ];
        polish(&mut body, "제목", None, None);
        assert_eq!(crate::article::to_text(&body), story);
        // A reporter's line above the appeal is the sign-off's, not a title.
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p("첫 문단이다."),
            p("둘째 문단이다."),
            p(story),
            p("홍길동 기자 hong@example.com"),
            p("기사가 마음에 들었다면 좋아요를 눌러 주세요"),
        ];
        let out = polish(&mut body, "제목", None, None);
        assert!(crate::article::to_text(&body).ends_with(story));
        assert!(out.signoff.is_some_and(|s| s.starts_with("홍길동 기자")));
    }

    /// A `<p>` holding `before`, then a link to `link`, then `after`.
    fn linked(before: &str, link: &str, after: &str) -> Content {
        let mut a = Element::new(Tag::A);
        a.children.push(Content::Text(link.into()));
        let mut e = Element::new(Tag::P);
        e.children = vec![
            Content::Text(before.into()),
            Content::Element(a),
            Content::Text(after.into()),
        ];
        Content::Element(e)
    }

    #[test]
    fn lines_of_links_leave_the_end_of_the_body() {
        let story = "The story ends here, as stories do, with a sentence of its own.";
        let mut body = Element::new(Tag::Div);
        body.children = vec![
            p(story),
            linked("More in ", "our archive", " of older stories."),
            linked("", "A related headline", ""),
            linked("", "zurück zur Listenansicht", ""),
        ];
        drop_trailing_chrome(&mut body);
        assert_eq!(
            crate::article::to_text(&body),
            format!("{story}\n\nMore in our archive of older stories.")
        );
        // An editor's credit.
        assert!(is_editor_credit("Edited by Thomas Hale"));
        assert!(is_editor_credit("In-Soo Nam edited this article."));
        assert!(!is_editor_credit(
            "Edited by hand, the photos were cropped."
        ));
        // Prompts, as whole words.
        assert!(is_closing_prompt("Subscribe now to our eNATION edition."));
        assert!(is_closing_prompt(
            "[테스트일보 바로가기] [카카오톡 친구추가]"
        ));
        assert!(is_closing_prompt("¡Únete a nuestro canal de Telegram!"));
        assert!(!is_closing_prompt(
            "The service now has two million subscribers."
        ));
        assert!(is_closing_prompt("▶ 어느일보 네이버 구독하기"));
        assert!(is_closing_prompt("카카오톡에서 어느일보 채널을 추가하세요"));
        assert!(!is_closing_prompt("구독자가 100만명을 넘었다."));
        assert!(is_closing_prompt(
            "- 대한민국 희망언론! 경향신문, 구독신청하기 -"
        ));
        assert!(is_chrome_text("A+ A- E-mail"));
        assert!(!is_chrome_text("A new e-mail"));
        // A body of links alone keeps its last one.
        let mut links = Element::new(Tag::Div);
        links.children = vec![linked("", "One", ""), linked("", "Two", "")];
        drop_trailing_chrome(&mut links);
        assert_eq!(crate::article::to_text(&links), "One");
    }

    #[test]
    fn a_transcript_mark_is_a_paragraph_of_its_own() {
        let br = || Content::Element(Element::new(Tag::Br));
        let text = |t: &str| Content::Text(t.into());
        let mut p = Element::new(Tag::P);
        p.children = vec![
            text("[리포트]"),
            br(),
            text("밤 11시입니다."),
            br(),
            text("쉼터가 찼습니다."),
            br(),
            text("◀INT▶박정호/구룡포 어민"),
            br(),
            text("\"넘어와요.\""),
        ];
        let mut body = Element::new(Tag::Div);
        body.children = vec![Content::Element(p)];
        split_transcript_marks(&mut body, 0);
        assert_eq!(
            crate::article::to_text(&body),
            "[리포트]\n\n밤 11시입니다.\n쉼터가 찼습니다.\n\n◀INT▶박정호/구룡포 어민\n\n\"넘어와요.\""
        );
        // Lines without a mark stay one paragraph.
        let mut plain = Element::new(Tag::P);
        plain.children = vec![text("하나"), br(), text("둘")];
        assert_eq!(paragraphs_at_marks(&plain), None);
    }

    #[test]
    fn a_header_line_of_source_and_date_is_read_on_its_own() {
        assert!(source_date_line("무비노트 2018.07.12 10:20"));
        assert!(source_date_line("[채널A] 2022-10-16 19:41"));
        assert!(source_date_line(
            "뉴스1 입력 2020.08.09 07:01 수정 2020.08.09 09:12"
        ));
        // A phone number is no date; a byline's is read as a byline; a sentence is no source.
        assert!(source_date_line("All News 14:33 April 12, 2019"));
        assert!(!source_date_line("Updated April 12, 2019"));
        assert!(!source_date_line("연락처 064-710-6781"));
        assert!(!source_date_line("홍길동 기자 2018.07.12 10:20"));
        assert!(!source_date_line("서울시는 2018.07.12 10시에 발표했다."));
        assert!(date_labels_only("|입력 |수정"));
        assert!(!date_labels_only("입력하세요"));
        assert!(!date_labels_only("|"));
    }

    #[test]
    fn credit_meta_and_filing_lines() {
        assert!(is_credit_line("(Credit: Clayton Aldern / Grist)"));
        assert!(is_credit_line("Crédits photos : Bestimage"));
        assert!(is_credit_line(
            "Bild2: ©Geert Pieters bestimmte Rechte vorbehalten."
        ));
        assert!(is_credit_line(
            "Lee Elder sprach Tiger Woods Mut zu. | © Getty Images"
        ));
        assert!(is_credit_line(
            "Der Hirschkäfer. Foto © Jörg Gemsch, Heidi Jost"
        ));
        assert!(!is_credit_line(
            "The photo: a man, a dog and a boat at dawn."
        ));
        assert!(!is_credit_line(
            "The Canadian Postal Code Directory© contains codes."
        ));
        assert!(!is_credit_line(
            "linux usability. © 2002, 2003 Jamie Zawinski"
        ));
        assert!(is_meta_line("24. März 2004, 19:49 | Genesis"));
        assert!(is_meta_line("2021-10-16 | Botschaft"));
        assert!(is_meta_line(
            "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015"
        ));
        assert!(!is_meta_line("23.10.2018"));
        assert!(!is_meta_line(
            "More info: www.earbooks.net/en | +49 (0)40 890 85-433"
        ));
        assert!(!is_meta_line(
            "Hofheim am Taunus | Wiesbaden, 11. November 2021"
        ));
    }

    #[test]
    fn chrome_words_inside_prose_stay() {
        assert!(!is_chrome_text("그는 공유하기 어려운 이야기를 꺼냈다"));
        // A text-to-speech player's and a text size menu's buttons.
        assert!(is_chrome_text("기사 읽어주기 재생"));
        assert!(is_chrome_text("본문 듣기 시작"));
        assert!(is_chrome_text("글자크기 설정"));
        assert!(!is_chrome_text("재생에너지 보급 정지"));
        assert!(is_chrome_text("댓글 (0)"));
        assert!(is_chrome_text("좋아요 0화나요 0슬퍼요 0공감 0"));
        assert!(!is_chrome_text("공감 능력이 떨어진다"));
        assert!(is_chrome_text("Share this"));
        assert!(is_chrome_text(
            "◎ 공식 SNS [페이스북] [트위터] | [인기화보] [인기만화] [핫이슈]"
        ));
        assert!(!is_chrome_text(
            "[앵커] [리포트] 오늘 국회에서는 예산안 처리를 두고 여야가 맞섰습니다."
        ));
        assert!(is_chrome_text(
            "▣ KBS 기사 원문보기 : http://news.kbs.co.kr/news/view.do?ncd=5021834"
        ));
        assert!(is_chrome_text(
            "이 기사를 트위터로 보내기 | 싸이월드 공감 | 미투데이 | 네이버 북마크"
        ));
        assert!(!is_chrome_text("서울 | 부산 | 대구 | 광주"));
        assert!(is_chrome_text("기사제공 스포츠조선"));
        assert!(!is_chrome_text("기사제공 업체가 밝혔다"));
        // A view count, glued or after a colon (ko-tpl17-busanmbc, ko-tpl17-inven).
        assert!(is_chrome_text("조회수 : 1,482"));
        assert!(is_chrome_text("조회수 4,812"));
        assert!(!is_chrome_text("조회수 1,482회를 넘겼다"));
        // A byline in Latin letters opening the story (ko-tpl17-yna-en).
        assert!(is_latin_signoff("By Park Sae-yeon"));
        assert_eq!(
            hashtag_line("#고물가 #짠테크  #거지방"),
            Some(vec!["고물가".into(), "짠테크".into(), "거지방".into()])
        );
        assert_eq!(hashtag_line("#1 주제는 #AI 였다"), None);
        assert_eq!(hashtag_line("#단독"), None);
        // Tags printed side by side without a space.
        assert_eq!(
            hashtag_line("#네이버#하이퍼클로바X#AI"),
            Some(vec!["네이버".into(), "하이퍼클로바X".into(), "AI".into()])
        );
        assert_eq!(hashtag_line("# 제목 #"), None);
        // Rows of buttons, in any order; a sentence that names them is not one.
        assert!(is_chrome_text("좋아요 0 싫어요 0 후속기사원해요 0"));
        assert!(is_chrome_text("페이스북 | 트위터 | 카카오톡 | URL복사"));
        assert!(is_chrome_text("가 가 글자크기 인쇄"));
        assert!(!is_chrome_text("페이스북과 트위터가 인쇄를 추천했다"));
        assert!(!is_chrome_text("좋아요 버튼을 누른 사람"));
        // Tip lines give a way to reach the newsroom; a sentence about a tip does not.
        assert!(is_chrome_text("제보는 카카오톡 okjebo"));
        assert!(is_chrome_text("제보 전화 02-398-3000"));
        assert!(!is_chrome_text("경찰은 전화 제보를 받고 출동했다."));
        assert!(!is_chrome_text("온라인 제보가 이어졌다."));
        // is_chrome_text reads no text longer than 40 characters.
        assert!(rules::CHROME_PHRASES
            .iter()
            .all(|p| p.chars().count() <= 40));
    }
}

//! What only the visible page gives: the deck printed above the story, the copyright line
//! and the related-article lists. No key names them, so they are found by class hints and by
//! their place beside the article's body.

use crate::article::Related;
use crate::charref;
use crate::korean::{self, vocab};
use crate::markup::fold_whitespace;
use crate::rules::{self, SiteRule};
use crate::scan::{self, Scan};
use crate::tags::Tag;
use crate::url;

/// The deck: summary lines printed above the story (a site rule's deck element, else an
/// element with a deck class: `<h3 class="sub_tit">`, `<div class="subtitle">`, else a line
/// of a deck's length right under the headline), above the body within its closest ancestors
/// or at the very start of it. Lines split by `<br>` or blocks are joined by a newline.
pub(super) fn deck(
    scan: &Scan,
    root: u32,
    rule: Option<&'static SiteRule>,
    title: &str,
    headline: Option<u32>,
) -> Option<String> {
    let top = super::closest_ancestors_top(scan, root);
    let end = scan.subtree_end(top);
    // (A body of bare text begins with its first paragraph too, before any `<p>`: 중앙일보
    // 2016's `<div id="article_body">편의점 도시락 매출이 …<br><br>…<div
    // class="ab_sub_heading"><h2>` has its crossheads after it.)
    let first_text = story_start(scan, root, end, title).min(first_bare_paragraph(scan, root));
    // `by_class`: found by its class. The headline is no deck, whatever its class
    // (`h2.tit_subject`) or place (머니투데이방송's `<h4>` over its `<h5>` deck).
    // `min_chars`: a deck's first line says something; a twin line under it may be short
    // (`<h3>버스 노선 120개 조정</h3><h3>환승 할인도 확대</h3>`).
    let placed_as = |k: u32, by_class: bool, min_chars: u32| {
        let n = &scan.nodes[k as usize];
        n.flags & NOT_SHOWN == 0
            && (min_chars..=400).contains(&n.chars)
            && !is_caption(scan, k)
            // A deck is no list of links (ytn.co.kr's `sub_header_bnr` of top headlines); one
            // a class names may be a link, to the article itself (오마이뉴스 2008's `<h4
            // class="tit_subtit"><a href="…at_pg.aspx?CNTN_CD=…">`).
            && (n.link_chars * 2.0 < n.chars as f32 || by_class && one_link(scan, k))
            && n.start < first_text
            && (scan.is_inside(k, root) || k < root && !scan.is_inside(root, k))
            && text_can_be_deck(scan, k, title)
    };
    let placed = |k: u32| placed_as(k, false, DECK_MIN_CHARS);
    let found_by_place_can_be_deck = |k: u32| {
        !is_caption(scan, k)
            && !recurs_in_story(scan, k, root, first_text)
            && text_can_be_deck(scan, k, title)
    };
    let by_rule = rule.and_then(|r| {
        r.deck
            .iter()
            .find_map(|s| crate::rules::find(scan, s, top, end).filter(|&k| placed(k)))
    });
    // The headline may sit above those ancestors, with the deck under it (ndsoft's
    // `<header class="article-view-header"><h1 class="heading">…<h2 class="subheading">`, or
    // an `<h3>` and an `<h4>`): the last heading above the body that prints the title, else
    // the last `<h1>` ([`headline_above`] found it).
    let from = headline
        .or_else(|| {
            (0..top)
                .rev()
                .find(|&k| scan.nodes[k as usize].tag == Tag::H1)
        })
        .unwrap_or(top)
        .min(top);
    // (A deck is under the headline: a section's label above it is none, `<div
    // class="article-head-sub">산업 · 조선·해운</div>` over `<h3 class="heading">`.)
    let k = by_rule.or_else(|| {
        (from..end).find(|&k| {
            has_deck_class(scan, k)
                && placed_as(k, true, DECK_MIN_CHARS)
                && headline.is_none_or(|h| k > h)
        })
    });
    let k = k
        .or_else(|| headline.and_then(|h| line_under_headline(scan, h).filter(|&k| placed(k))))
        .or_else(|| {
            let after = headline.map_or(from, |h| scan.subtree_end(h));
            // Nor past the first paragraph of a body of bare text: a bold crosshead after it
            // (오마이뉴스' `…<br><br><strong>싫은 것부터 쓰는 시</strong>`) is the story's.
            (after..end)
                .take_while(|&k| scan.nodes[k as usize].start < first_text)
                .find(|&k| {
                    is_lead_heading(scan, k, headline.is_some())
                        && placed(k)
                        && !recurs_in_story(scan, k, root, first_text)
                })
        })
        // (A bold first line or one over a wire lead is found by its place alone: what it
        // says must still be a deck's, not a caption's credit over the lead.)
        .or_else(|| bold_lead(scan, root).filter(|&k| found_by_place_can_be_deck(k)))
        .or_else(|| line_over_wire_lead(scan, root).filter(|&k| found_by_place_can_be_deck(k)))?;
    // A deck of lines each in an element of its own, alike (`<h2>…</h2><h2>…</h2>`, a table's
    // `<td class="sub_title1">` row after row): its twins that follow with nothing between.
    // (A bold first line's twin shares its paragraph, where the story is taken to begin:
    // `<p><b>…</b><br><b>…</b></p>`.)
    let bold_lines = k >= root && bold_lead(scan, root) == Some(k);
    let twin_placed = |t: u32| {
        placed_as(t, false, DECK_TWIN_MIN_CHARS)
            || bold_lines
                && scan.nodes[t as usize].parent == scan.nodes[k as usize].parent
                && scan.nodes[t as usize].chars >= DECK_TWIN_MIN_CHARS
                && found_by_place_can_be_deck(t)
    };
    let mut lines = deck_lines(scan, k)?;
    let mut at = k;
    while let Some(twin) = next_twin(scan, at).filter(|&t| twin_placed(t)) {
        lines.push('\n');
        lines.push_str(&deck_lines(scan, twin)?);
        at = twin;
    }
    Some(lines)
}

/// A deck's first line is this long at least; a twin line under it, this.
const DECK_MIN_CHARS: u32 = 10;
const DECK_TWIN_MIN_CHARS: u32 = 4;

/// A line that is a wire's dateline and nothing else (`[서울=테스트일보]`, `(부산=뉴스1)`).
fn is_bare_dateline(text: &str) -> bool {
    let t = text.trim();
    t.contains('=')
        && korean::dateline(t).is_some()
        && t.ends_with(&[']', ')', '】'][..])
        && t.chars().count() <= 32
}

/// Whether an element's text can be a deck, wherever it was found: a machine's summary, a
/// caption's credit, the header's date fields, a sign-off or the headline itself are none.
fn text_can_be_deck(scan: &Scan, k: u32, title: &str) -> bool {
    let text = scan.text_of(k);
    let parent = scan.nodes[k as usize].parent;
    // A share bar's label is none (`<div class="social-group"><strong>이 기사를 공유합니다`; its
    // own class only: a body's box is named for its font size, `article-text-font-size`).
    !(scan.nodes[k as usize].flags & scan::SHARE_HINT != 0
        // Nor a machine's summary box (`AI 요약`), nor its points under that label (토큰포스트's
        // `<div class="view_summary"><div>AI 요약</div><ul class="view_summary_list">`), nor
        // its notice (Daum's `기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.`).
        || korean::is_generated_summary(&text)
            || korean::is_summary_notice(&text)
            || holds_summary_note(scan, k)
            // (Nor a picture's caption in a cell a deck's class names: Nate's `<td
            // class="sub_tit">… /사진=뉴스1</td>`.)
            || korean::ends_with_photo_credit(&text)
            // (Nor a caption pointing up at the picture above it, set in bold where a deck
            // would be: SBS's `<strong>▲ 지난해 11월 … 한미 정상회담</strong>` opening the body.)
            || korean::points_at_picture(&text)
            // (Nor a line with a date in numbers or a time: the header's fields, Daum's `박재헌
            // / 입력 2021. 09. 21. 15:30 / 수정 …`, a portal header's `연합뉴스 기사전송
            // 2019-08-23 12:00`, a board's `민주시민생활교육과 2020.06.15 조회 842`.)
            || crate::date::holds_printed_date(&text)
            // (Nor a line with an email or a copyright mark, a caption's credit or
            // a sign-off: `… 2021.10.19/뉴스1 © News1 김진환 기자`, `… photo@newsis.com`;
            // nor a byline in Latin letters, `By Kim Se-jin, The Korea Herald`.)
            || text.contains(&['@', '©', 'ⓒ'][..])
            || text.trim_start().starts_with("By ")
            // (Nor the headline's box: 한의신문's `<h2 id="bo_v_title"><span>오피니언</span><span
            // class="bo_v_tit">제목</span>`.)
            || headline_box(&text, title)
            // (Nor a kicker of labels in brackets only: 머니투데이's `[명퇴의 정석] (종합)`.)
            || korean::is_bracketed_labels(&text)
            // (Nor a wire's dateline on a line of its own over the lead: `[서울=테스트일보]`.)
            || is_bare_dateline(&text)
            // (Nor a teaser that cuts the story's lead short: OSEN's `<div
            // id="phototext_sub">[OSEN=… 기자] 가수 … 의혹이...</div>` by the lead picture.)
            || teases_the_lead(scan, k, &text)
            || parent != scan::NONE
                && korean::is_generated_summary(&scan.text_of(parent)))
}

/// Whether a box prints the headline and only a short label besides (`오피니언`); a deck that
/// repeats the headline over its own lines is still one (뉴시스' `summury_view`).
fn headline_box(text: &str, title: &str) -> bool {
    let folded = fold_whitespace(text);
    !title.is_empty()
        && folded.split_once(title).is_some_and(|(before, after)| {
            before.chars().count() + after.chars().count() <= HEADLINE_LABEL_MAX_CHARS
        })
}

/// A label beside the headline in its box (a section's name) is this short.
const HEADLINE_LABEL_MAX_CHARS: usize = 12;

/// Whether a line cut short (`…`, `...`) repeats the start of a paragraph of the page.
fn teases_the_lead(scan: &Scan, k: u32, text: &str) -> bool {
    let folded = fold_whitespace(text);
    let Some(cut) = folded
        .strip_suffix("...")
        .or_else(|| folded.strip_suffix('…'))
        .map(str::trim_end)
        .filter(|c| !c.is_empty())
    else {
        return false;
    };
    let end = scan.subtree_end(k);
    (end..scan.nodes.len() as u32)
        .take(TEASER_LOOKAHEAD)
        .any(|i| fold_whitespace(&scan.text_of(i)).contains(cut))
}

/// A teaser's paragraph is among this many elements after it.
const TEASER_LOOKAHEAD: usize = 64;

/// Whether a box holds a machine summary's note under its points (매일경제's `본문 요약` layer:
/// `<p class="notice">※ 본문 요약은 인공지능(AI)이 작성한 것으로 …</p>`).
fn holds_summary_note(scan: &Scan, k: u32) -> bool {
    (k + 1..scan.subtree_end(k)).any(|i| {
        scan.nodes[i as usize].chars <= SUMMARY_NOTE_MAX_CHARS
            && korean::is_generated_summary_note(&scan.text_of(i))
    })
}

/// A machine summary's note is a sentence.
const SUMMARY_NOTE_MAX_CHARS: u32 = 100;

/// Whether the element holds exactly one link (a deck is a few elements: a bigger one is not
/// walked).
fn one_link(scan: &Scan, k: u32) -> bool {
    let end = scan.subtree_end(k);
    end - k <= DECK_MAX_ELEMENTS
        && (k..end)
            .filter(|&i| scan.nodes[i as usize].tag == Tag::A)
            .count()
            == 1
}

/// A deck that is one link holds at most this many elements.
const DECK_MAX_ELEMENTS: u32 = 16;

/// What no deck and no story text sits in.
const NOT_SHOWN: u32 = scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_LINK;

/// Where the story's own text begins (its first paragraph within those ancestors, else
/// the body's first text): a deck comes before it.
/// (A hidden `<p>` is not the story, a machine summary's notice folded away; nor is a date
/// or byline line in a `<p>`: `<p class="date-time">`, `<p
/// class="txt">기사등록 2024/05/01 10:12:34</p>`; nor is the headline printed as one, `<p
/// class="titxt">`.)
fn story_start(scan: &Scan, root: u32, end: u32, title: &str) -> u32 {
    (root..end)
        .find(|&k| {
            let n = &scan.nodes[k as usize];
            n.tag == Tag::P
                && n.flags & NOT_SHOWN == 0
                && n.chars >= 20
                && n.flags & (scan::DATE_HINT | scan::BYLINE_HINT) == 0
                && !has_deck_class(scan, k)
                // Nor a picture's caption over the story (경향신문 2019's `p.caption`).
                && !is_caption(scan, k)
                // Nor a machine's summary in a box above the story (매일경제's `뉴스 요약쏙`).
                && !in_generated_summary(scan, k, root)
                && {
                    let text = scan.text_of(k);
                    !crate::date::is_date_like(&text) && fold_whitespace(&text) != title
                }
        })
        .map(|k| {
            deck_opening(scan, k)
                .map_or(scan.nodes[k as usize].start, |d| scan.nodes[d as usize].end)
        })
        .or_else(|| {
            // (Past a date line the body holds: 조선일보 2017's `<p id="date_text">입력 : …` over
            // its deck; and past a header of table cells, its path, headline, deck and dates
            // over a body of bare text: 부산일보 2009's.)
            scan.texts_in(root)
                .iter()
                .find(|t| {
                    let text = scan.raw_text(t).trim();
                    scan.nodes[t.owner as usize].flags & (scan::DATE_HINT | scan::BYLINE_HINT) == 0
                        && text.chars().count() >= 20
                        && !has_deck_class(scan, t.owner)
                        && !crate::date::holds_printed_date(text)
                        && fold_whitespace(text) != title
                })
                .map(|t| t.start)
        })
        .unwrap_or(u32::MAX)
}

/// A deck that opens the paragraph `p` (경향신문 2019's `<p class="content_text"><strong
/// class="art_subtit">…<br>…</strong><br><br>경기 양평군 …`): its first child, holding its first
/// text, with a deck's class.
fn deck_opening(scan: &Scan, p: u32) -> Option<u32> {
    let first_child = (p + 1..scan.subtree_end(p)).find(|&c| scan.nodes[c as usize].parent == p)?;
    let first_text = scan.texts_in(p).iter().find(|t| !scan.is_blank(t))?;
    (scan.is_inside(first_text.owner, first_child) && has_deck_class(scan, first_child))
        .then_some(first_child)
}

/// Whether an element is in a machine's summary box within the body (매일경제's `뉴스 요약쏙`,
/// its `<div class="locked_txt">… 읽을 수 있습니다.</div>`).
fn in_generated_summary(scan: &Scan, k: u32, root: u32) -> bool {
    scan.ancestors(k)
        .take_while(|&a| a > root)
        .take(3)
        .any(|a| korean::is_generated_summary(&scan.text_of(a)))
}

/// Where the body's first paragraph of bare text begins (text right in a `<div>`, `<td>`,
/// `<article>` or `<span>` that is no caption: a sentence of a paragraph's length), if any.
fn first_bare_paragraph(scan: &Scan, root: u32) -> u32 {
    scan.texts_in(root)
        .iter()
        .find(|t| {
            let owner = &scan.nodes[t.owner as usize];
            // (The run's own shape first: the caption and summary checks walk ancestors and read
            // their text.)
            // (Or in a span of its own: 네이버 포스트's `<span>서점 매대의 풍경이 …</span><br>`.)
            (matches!(owner.tag, Tag::Div | Tag::Td | Tag::Article)
                || owner.tag == Tag::Span
                    && !has_deck_class(scan, t.owner)
                    && !has_deck_class(scan, owner.parent))
                && owner.flags & NOT_SHOWN == 0
                && {
                    // (A sentence, not a deck's line of bare text under the headline:
                    // `<div class="view_sub_headline">City adds 14 routes, …</div>`.)
                    // (Its trailing no-break spaces too: 중앙일보 2020's `… 시간이다.&nbsp;`.)
                    let run = scan
                        .raw_text(t)
                        .trim()
                        .trim_end_matches("&nbsp;")
                        .trim_end();
                    run.len() >= BARE_PARAGRAPH_MIN_BYTES
                        && run
                            .trim_end_matches(&['"', '\'', '”', '’', ')'][..])
                            .ends_with(&['.', '!', '?'][..])
                }
                && !is_caption(scan, t.owner)
                && !in_generated_summary(scan, t.owner, root)
        })
        .map_or(u32::MAX, |t| t.start)
}

/// The element after `k` with its tag, class and id, when only the elements that hold it come
/// between (a table's next row around its cell), and no text.
fn next_twin(scan: &Scan, k: u32) -> Option<u32> {
    let after = scan.subtree_end(k);
    let n = &scan.nodes[k as usize];
    let twin = (after..scan.nodes.len() as u32)
        .take(TWIN_MAX_WRAPPERS + 1)
        .find(|&t| scan.nodes[t as usize].tag == n.tag)?;
    // (Or a line break apart: 경향신문 2007's `<b>ㆍ…</b><br><b>ㆍ…</b>`.)
    let wrapped = (after..twin).all(|w| {
        scan.is_inside(twin, w) && scan.nodes[w as usize].chars == scan.nodes[twin as usize].chars
    }) || twin == after + 1 && scan.nodes[after as usize].tag == Tag::Br;
    // (Its id too: 스포츠한국's `div#GS_SubTitle` has no twin in `div#GS_Datetime`; but ids
    // numbered line by line are a pair, SBS 2018's `h4#subNewsTitle1` and `h4#subNewsTitle2`.)
    let unnumbered = |i: u32| {
        scan.attr(i, "id").map(|id| {
            id.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string()
        })
    };
    (wrapped
        && scan.attr(twin, "class") == scan.attr(k, "class")
        && unnumbered(twin) == unnumbered(k))
    .then_some(twin)
}

/// A twin is wrapped in a few elements at most (`<tr>`).
const TWIN_MAX_WRAPPERS: usize = 2;

/// The deck element's lines: its text runs, split where a `<br>` or a block breaks them,
/// joined by newlines; the box's label over them left out.
fn deck_lines(scan: &Scan, k: u32) -> Option<String> {
    // Text runs and line breaks (`<br>`, blocks) in document order.
    let sub_end = scan.subtree_end(k);
    // A box whose text is all in its spans prints a line in each (약업신문's `<div
    // class="sub_title_con"><span>…</span><span>…</span>`).
    let spans_are_lines = scan.texts_in(k).iter().all(|t| t.owner != k);
    let mut marks: Vec<(u32, Option<&str>)> = (k + 1..sub_end)
        .filter(|&b| {
            let n = &scan.nodes[b as usize];
            n.tag == Tag::Br
                || n.tag.is_block()
                || spans_are_lines && n.tag == Tag::Span && n.parent == k
        })
        .map(|b| (scan.nodes[b as usize].start, None))
        .collect();
    // A block ends a line too (뉴시스' `<p class="tit">기사내용 요약</p>환경부, …`).
    let block_ends: Vec<(u32, Option<&str>)> = (k + 1..sub_end)
        .filter(|&b| scan.nodes[b as usize].tag.is_block())
        .map(|b| (scan.nodes[b as usize].end, None))
        .collect();
    marks.extend(block_ends);
    for t in scan.texts_in(k) {
        if scan.nodes[t.owner as usize].flags & (scan::IN_NEVER | scan::IN_HIDDEN) == 0 {
            marks.push((t.start, Some(scan.raw_text(t))));
        }
    }
    // (Unstable, so the stable sort's code is not linked: a block's end and the text after it
    // may share a byte, and the break goes first.)
    marks.sort_unstable_by_key(|m| (m.0, m.1.is_some()));
    let mut raw = String::new();
    for (_, text) in marks {
        match text {
            Some(t) => raw.push_str(&charref::decode_text(t)),
            None => raw.push('\n'),
        }
    }
    let mut lines: Vec<String> = raw
        .lines()
        .map(fold_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    // The box's label over the lines (`핵심요약`, `기사내용 요약`) is not the deck's.
    if lines.len() > 1 && vocab::DECK_LABELS.contains(&lines[0].as_str()) {
        lines.remove(0);
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The last heading above the body (outside it) whose text is the title.
pub(super) fn headline_above(scan: &Scan, root: u32, title: &str) -> Option<u32> {
    let title = fold_whitespace(title);
    if title.is_empty() {
        return None;
    }
    let prints_title = |k: u32| {
        let n = &scan.nodes[k as usize];
        !scan.is_inside(root, k)
            && n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) == 0
            && n.chars as usize <= title.len()
            && scan.text_of(k) == title
    };
    let near = || (0..root).rev().take(HEADLINE_SEARCH_NODES);
    // A heading first; else a box printing the title (ndsoft's `<div
    // class="article-head-title">`), or its bold line (헤드라인제주's `<div
    // class="View_Title"><strong>…</strong><span>deck</span>`), no link's.
    let bold = |k: u32| {
        let n = &scan.nodes[k as usize];
        matches!(n.tag, Tag::Strong | Tag::B) && n.flags & scan::IN_LINK == 0
    };
    near()
        .find(|&k| scan.nodes[k as usize].tag.is_heading() && prints_title(k))
        .or_else(|| near().find(|&k| scan.nodes[k as usize].tag.is_block() && prints_title(k)))
        .or_else(|| near().find(|&k| bold(k) && prints_title(k)))
}

/// The headline is looked for among this many elements above the body.
const HEADLINE_SEARCH_NODES: usize = 400;

/// A deck with no class of its own: the element right after the headline, beside it (ZDNet
/// Korea's `<div class="news_head"><h1>…</h1><p>HBM3E 12단 양산 앞당겨…</p>`), a paragraph, a
/// lower heading or a box of bare lines, of a deck's length, that is no sentence, no byline and
/// no date.
fn line_under_headline(scan: &Scan, headline: u32) -> Option<u32> {
    let k = scan.subtree_end(headline);
    let n = scan.nodes.get(k as usize)?;
    let beside = n.parent == scan.nodes[headline as usize].parent;
    // (Or a box of bare lines: 광주일보's `<div class="rtitle1">…</div><div class="rtitle2">…<br>…`;
    // not the header's fields, `방송일 20240312 / 조회수 128 / 취재기자 한승우`.)
    let bare_lines = |k: u32| {
        (k + 1..scan.subtree_end(k)).all(|c| scan.nodes[c as usize].tag == Tag::Br)
            && !scan.text_of(k).contains(&['|', '/'][..])
    };
    let is_line = |k: u32| {
        (matches!(
            scan.nodes[k as usize].tag,
            Tag::P | Tag::H2 | Tag::H3 | Tag::H4 | Tag::Span
        ) || scan.nodes[k as usize].tag == Tag::Div && bare_lines(k))
            && reads_as_deck(scan, k)
    };
    // Or a box of such lines and nothing else (법률신문's `<div><h2>…</h2><h2>…</h2></div>`).
    let box_of_lines = || {
        let children: Vec<u32> = (k + 1..scan.subtree_end(k))
            .filter(|&c| scan.nodes[c as usize].parent == k)
            .collect();
        n.tag == Tag::Div
            && (1..=DECK_MAX_LINES).contains(&children.len())
            && children.iter().all(|&c| is_line(c))
            && children
                .iter()
                .map(|&c| scan.nodes[c as usize].chars)
                .sum::<u32>()
                == n.chars
    };
    (beside && (is_line(k) || box_of_lines())).then_some(k)
}

/// A run of text directly in a block this long is a paragraph of a body of bare text.
const BARE_PARAGRAPH_MIN_BYTES: usize = 60;

/// A deck is a line to three.
const DECK_MAX_LINES: usize = 3;

/// A heading or an emphasis of its own that reads as a deck, for the place between the
/// headline and the story (`<div class="article_head"><h4>…`, `<h3 class="news-h3">`, `<em
/// class="precis">`).
fn is_lead_heading(scan: &Scan, k: u32, under_headline: bool) -> bool {
    // (A box its style sets in bold, under a headline found: 메디컬투데이 2017's `<div
    // style="…font-weight:bold…">`; without one, such a box may be the headline itself.)
    (matches!(
        scan.nodes[k as usize].tag,
        Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::Em | Tag::Strong | Tag::B
    ) || under_headline && styled_bold(scan, k))
        && reads_as_deck(scan, k)
}

/// A line of a deck's length that is no sentence of the story, no byline, no date and no
/// picture's caption (nothing in a box with a picture: `<span class=end_photo_org><img><em>`).
fn reads_as_deck(scan: &Scan, k: u32) -> bool {
    let n = &scan.nodes[k as usize];
    let in_picture_box = scan.ancestors(k).take(2).any(|a| {
        let box_ = &scan.nodes[a as usize];
        box_.images > 0 && box_.chars <= n.chars + 20
    });
    if n.flags & (scan::DATE_HINT | scan::BYLINE_HINT | scan::CAPTION_HINT) != 0
        || in_picture_box
        || !(10..=200).contains(&n.chars)
    {
        return false;
    }
    // (A line whose class says it is a name: 경향신문's `<span class="name">최윤정 국립산림과학원
    // 도시숲연구센터 연구관</span>`, a contributor's name and post under the headline.)
    let names_someone = scan.attr(k, "class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("name") || t.to_ascii_lowercase().ends_with("_name"))
    });
    let text = scan.text_of(k);
    !names_someone
        && !text.ends_with("다.")
        && !crate::date::is_date_like(&text)
        && korean::parse_byline(&text).is_none()
}

/// A deck printed in bold where the body begins, on a line of its own (donga.com: `<div
/// class="article_txt"><strong>총 수령액서 … 정점</strong><br><br>…`): the body's first text is
/// in a `<strong>` or `<b>` of a deck's length that is no sentence (`…했다.`), a line break
/// follows it, and the story goes on for much longer after it.
fn bold_lead(scan: &Scan, root: u32) -> Option<u32> {
    let first = first_visible_text(scan, root)?;
    let k = std::iter::once(first.owner)
        .chain(scan.ancestors(first.owner))
        .take_while(|&a| a != root)
        .find(|&a| matches!(scan.nodes[a as usize].tag, Tag::Strong | Tag::B))?;
    let node = &scan.nodes[k as usize];
    let text = scan.text_of(k);
    let after = scan.subtree_end(k);
    let line_break_after = scan
        .nodes
        .get(after as usize)
        .is_some_and(|n| n.tag == Tag::Br || n.tag.is_block())
        && only_end_tags(&scan.html[node.end as usize..scan.nodes[after as usize].start as usize]);
    ((10..=200).contains(&node.chars)
        && !text.ends_with("다.")
        && line_break_after
        && scan.nodes[root as usize].chars > 4 * node.chars)
        .then_some(k)
}

/// Whether markup between two elements only closes elements (`</p>`, whitespace): the second
/// starts a new line after the first, nothing printed between.
fn only_end_tags(between: &str) -> bool {
    let mut rest = between.trim_start();
    while let Some(tag) = rest.strip_prefix("</") {
        match tag.find('>') {
            Some(end) => rest = tag[end + 1..].trim_start(),
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether a line's box (its closest ancestor in the body with a class) comes back once the
/// story has begun: a crosshead over each part of it (머니투데이's `<div
/// class="highlightBlock"><b>…</b></div>`), not a deck (whose lines may be twins above the story,
/// 연합뉴스' two `<h2 class="tit01">`).
fn recurs_in_story(scan: &Scan, k: u32, root: u32, story_start: u32) -> bool {
    std::iter::once(k)
        .chain(scan.ancestors(k))
        .take_while(|&a| a != root)
        .find(|&a| scan.attr(a, "class").is_some())
        .is_some_and(|a| {
            let tag = scan.nodes[a as usize].tag;
            (scan.subtree_end(a)..scan.subtree_end(root)).any(|t| {
                let n = &scan.nodes[t as usize];
                n.tag == tag
                    && n.start > story_start
                    && scan.attr(t, "class") == scan.attr(a, "class")
            })
        })
}

/// Whether an element's own style sets its text in bold.
fn styled_bold(scan: &Scan, k: u32) -> bool {
    scan.attr(k, "style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        style.contains("font-weight:bold") || style.contains("font-weight:700")
    })
}

/// A line of its own opening the body over a wire story's lead (zum's `<p class="keyword">작년
/// 실업자 107만3천명으로 …</p>` over `(세종=연합뉴스) 이세원 … 기자 = …`), or over a lead that
/// opens with its reporter in brackets (헤럴드경제 2016's `<p style="font-weight:bold;">- … <br>-
/// …</p>` over `[헤럴드경제=정윤희 기자] …`): the deck, a line without a sentence's end.
fn line_over_wire_lead(scan: &Scan, root: u32) -> Option<u32> {
    let first = first_visible_text(scan, root)?;
    let k = std::iter::once(first.owner)
        .chain(scan.ancestors(first.owner))
        .take_while(|&a| a != root)
        .find(|&a| scan.nodes[a as usize].tag.is_block())?;
    let after = scan.nodes[k as usize].end;
    let lead = scan.texts_in(root).iter().find(|t| {
        t.start >= after
            && scan.nodes[t.owner as usize].flags & NOT_SHOWN == 0
            // (Past a picture's caption: a short one, `취업 (CG)`, or one that reads as a
            // caption, 헤럴드경제 2019's `<td class="view_img_caption">` between deck and lead.)
            && scan.raw_text(t).trim().len() >= WIRE_LEAD_MIN_BYTES
            && !is_caption(scan, t.owner)
    })?;
    let lead = charref::decode_text(&scan.html[lead.start as usize..lead.end as usize]);
    let text = scan.text_of(k);
    ((10..=200).contains(&scan.nodes[k as usize].chars)
        && !text.ends_with("다.")
        && !is_caption(scan, first.owner)
        && (korean::dateline(&lead).is_some_and(|d| d.contains('='))
            || korean::lead_byline(&lead).is_some()))
    .then_some(k)
}

/// A picture's caption, never a deck (뉴스1's `<figure><img><figcaption>` over the wire lead
/// that opens the body): in a figure, or a caption's class, or right after a picture with no
/// text between, whatever its class (동아일보's `<span class="thumb"><img></span><span
/// class="sub_tit">…</span>`, a table's cell under the picture's cell, `<p><img><span>`).
fn is_caption(scan: &Scan, k: u32) -> bool {
    std::iter::once(k)
        .chain(scan.ancestors(k).take(3))
        .any(|a| {
            let n = &scan.nodes[a as usize];
            matches!(n.tag, Tag::Figure | Tag::Figcaption) || n.flags & scan::CAPTION_HINT != 0
        })
        || follows_picture(scan, k)
}

/// Whether a picture comes right before the element's text: the element opens with one, or
/// the last elements before it (past the boxes that hold it) end with one, and no text comes
/// between.
fn follows_picture(scan: &Scan, k: u32) -> bool {
    let n = &scan.nodes[k as usize];
    let first_child = Some(k + 1).filter(|&c| c < scan.subtree_end(k));
    let before = (k.saturating_sub(PICTURE_LOOKBACK)..k)
        .rev()
        .find(|&i| !scan.is_inside(k, i));
    [first_child, before]
        .into_iter()
        .flatten()
        .find(|&i| scan.nodes[i as usize].is_image())
        .filter(|&i| is_picture(scan, i))
        .is_some_and(|i| {
            let picture = &scan.nodes[i as usize];
            let between = if picture.start > n.start {
                n.tag_end..picture.start
            } else {
                picture.end.min(n.start)..n.start
            };
            crate::markup::strip_tags(&scan.html[between.start as usize..between.end as usize])
                .trim()
                .is_empty()
        })
}

/// Whether an image is a picture, not a control's icon (한겨레's share and print buttons'
/// `<img width="24">` over the deck): in no button, link or heading, and not drawn small.
fn is_picture(scan: &Scan, img: u32) -> bool {
    let small = scan
        .attr(img, "width")
        .and_then(|w| w.trim_end_matches("px").parse::<u32>().ok())
        .is_some_and(|w| w < ICON_MAX_WIDTH);
    !small
        && !scan.ancestors(img).take(3).any(|a| {
            let tag = scan.nodes[a as usize].tag;
            // (Nor a headline's mark: 서울신문's `<h1>…<img class="ico_photo"></h1>`.)
            matches!(tag, Tag::Button | Tag::A) || tag.is_heading()
        })
}

/// An image drawn narrower than this is an icon.
const ICON_MAX_WIDTH: u32 = 100;

/// A picture is looked for among this many elements before a caption (a table's row and cell
/// come between).
const PICTURE_LOOKBACK: u32 = 4;

/// A wire lead's dateline and reporters are this long at least.
const WIRE_LEAD_MIN_BYTES: usize = 40;

/// The first text under `root` that shows and is not blank, past a header's line of byline
/// and dates the body holds (동아일보 2014's `<p class='title_foot'><span class='repoter'>…
/// </span>|입력 <span class='date'>…</span></p>` over its bold deck), and past its share bar.
fn first_visible_text<'s>(scan: &'s Scan, root: u32) -> Option<&'s scan::TextRun> {
    let header_line = |block: u32| {
        block != scan::NONE
            && block != root
            && scan.nodes[block as usize].chars <= HEADER_LINE_MAX_CHARS
            && (block..scan.subtree_end(block))
                .any(|k| scan.nodes[k as usize].flags & (scan::DATE_HINT | scan::BYLINE_HINT) != 0)
    };
    // (Or a share bar's: `<div class='t_sns'><span>글자크기 <button>+</button>…`.)
    let in_bar = |owner: u32| {
        std::iter::once(owner)
            .chain(scan.ancestors(owner))
            .take_while(|&a| a != root)
            .any(|a| scan.nodes[a as usize].flags & (scan::SHARE_HINT | scan::AD_HINT) != 0)
    };
    scan.texts_in(root).iter().find(|t| {
        let owner = &scan.nodes[t.owner as usize];
        owner.flags & (scan::IN_NEVER | scan::IN_HIDDEN) == 0
            && !scan.is_blank(t)
            && !header_line(owner.block)
            && !in_bar(t.owner)
    })
}

/// A header's line of byline and dates is short.
const HEADER_LINE_MAX_CHARS: u32 = 100;

/// Whether an element has a deck's class or id (see [`is_deck_class`]; the raw tag is looked at
/// first, most have none).
fn has_deck_class(scan: &Scan, k: u32) -> bool {
    let raw = scan.raw_start_tag(k);
    let holds = |c: &&str| crate::markup::contains_any_case(raw, c);
    (vocab::DECK_CLASSES.iter().any(holds)
        || vocab::DECK_CLASS_PARTS.iter().any(holds)
        || holds(&"sub_t")
        || holds(&"_sub"))
        // Or its id (한국일보 2008's `<div id="GS_SubTitle">`, 충남일보's `<td id="font_subtitle"
        // class="view_subt">`).
        && [scan.attr(k, "class"), scan.attr(k, "id")]
            .into_iter()
            .flatten()
            .any(|names| {
                names
                    .to_ascii_lowercase()
                    .split_ascii_whitespace()
                    .any(is_deck_class)
            })
        && !scan.attr(k, "class").is_some_and(|names| {
            names
                .to_ascii_lowercase()
                .split_ascii_whitespace()
                .any(names_no_deck)
        })
}

/// A deck's class token: one of [`vocab::DECK_CLASSES`], or one holding a part of
/// [`vocab::DECK_CLASS_PARTS`] that is no header's (`sub_header_bnr`).
fn is_deck_class(token: &str) -> bool {
    vocab::DECK_CLASSES.contains(&token)
        // An old ndsoft skin's `<td class="view_sub_t">` under `td.view_t`.
        || token.ends_with("sub_t")
        // Or the headline's `_sub` (신동아's `div.article_sub` under `h2.article_tit`).
        || token.ends_with("_sub")
        // A lead under the headline (위키트리's `div.news_lead`).
        || token.ends_with("_lead")
        || vocab::DECK_CLASS_PARTS.iter().any(|p| token.contains(p)) && !token.contains("header")
}

/// Whether a class token names what no deck is, whatever part of a deck's class it holds: the
/// logo's motto (한의신문's `span.logo_sub`).
fn names_no_deck(token: &str) -> bool {
    token.contains("logo")
}

/// The copyright notice, from an element whose class says so: its smallest part that reads as
/// a notice (not the "other articles" link beside it).
pub(super) fn copyright_notice(scan: &Scan) -> Option<String> {
    let hinted = scan.nodes.iter().position(|n| {
        n.flags & scan::COPYRIGHT_HINT != 0 && n.flags & (scan::IN_HEAD | scan::IN_NEVER) == 0
    })? as u32;
    (hinted..scan.subtree_end(hinted))
        .filter(|&k| scan.nodes[k as usize].chars < 250)
        .map(|k| scan.text_of(k))
        .filter(|t| korean::is_copyright(t))
        .min_by_key(|t| t.len())
}

/// Links in related/latest/popular lists, for `relatedArticles`.
pub(super) fn related_links(scan: &Scan, page_url: &str) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    let base = url::Base::new(page_url);
    let mut i = 0u32;
    let n = scan.nodes.len() as u32;
    while i < n && out.len() < 30 {
        let node = &scan.nodes[i as usize];
        if node.flags & scan::RELATED_HINT == 0
            || node.flags & scan::IN_HIDDEN != 0
            || node.tag == Tag::A
        {
            i += 1;
            continue;
        }
        let end = scan.subtree_end(i);
        for a in i + 1..end {
            if scan.nodes[a as usize].tag != Tag::A
                || scan.nodes[a as usize].flags & scan::PERSON_LINK != 0
            {
                continue;
            }
            let title = scan.text_of(a);
            let Some(href) = scan.attr(a, "href") else {
                continue;
            };
            if title.chars().count() < 8 || !url::is_safe_link(&href) || href.starts_with('#') {
                continue;
            }
            let url = base.resolve(&href);
            if !out.iter().any(|r| r.url == url) {
                out.push(Related { title, url });
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// The outlet's name as its logo prints it: the `alt` of the first picture of the page linked
/// to the site's front page (`<a href="/"><img alt="프레시안 로고">`), without the words that
/// say it is a logo; a short name or none.
pub(super) fn home_logo_name(scan: &Scan) -> Option<String> {
    let skip = scan::IN_HEAD | scan::IN_NEVER | scan::IN_HIDDEN;
    // The front page: `/`, or a site's `scheme://host` with or without its `/`. Any site's,
    // not only the page address's: a saved copy has no address, a mirror another one.
    // Or an old site's front page file (The Korea Times 2012's `/www/index.asp`, 채널A's
    // `/main/main.do`).
    let is_front_page = |href: &str| {
        let href = href.trim();
        href == "/" || url::is_site_root(href) || is_front_page_file(href)
    };
    let k = (0..scan.nodes.len() as u32).find(|&k| {
        let n = &scan.nodes[k as usize];
        n.tag == Tag::Img
            && n.flags & skip == 0
            && scan
                .ancestors(k)
                .take(LOGO_LINK_DEPTH)
                .find(|&a| scan.nodes[a as usize].tag == Tag::A)
                .and_then(|a| scan.attr(a, "href"))
                .is_some_and(|href| is_front_page(&href))
    })?;
    let alt = scan.attr(k, "alt")?;
    let mut name = without_logo_words(&alt);
    // The site's address after its name (`전자신문 etnews.co.kr`).
    if let Some((head, address)) = name.rsplit_once(' ') {
        if address.contains('.') && address.is_ascii() {
            name = head.trim_end();
        }
    }
    (2..=LOGO_NAME_MAX_CHARS)
        .contains(&name.chars().count())
        .then(|| name.to_string())
}

/// A logo's `alt` without the words that say it is a logo (`프레시안 로고`).
fn without_logo_words(alt: &str) -> &str {
    let mut name = alt.trim();
    for word in vocab::LOGO_WORDS {
        name = name.strip_suffix(word).unwrap_or(name).trim_end();
    }
    name
}

/// On a portal's copy, the outlet as the portal's header labels it: the first element whose
/// class is one of [`rules::PORTAL_PRESS_CLASSES`] (ZUM's `<span class="media"><a>뉴스1</a>`,
/// Nate's `<a class="medium"><img alt="스포츠조선"></a>`), its text or its one picture's
/// `alt`, a name of a word or two. Not in a list: a related list labels each story's outlet.
pub(super) fn portal_press_name(scan: &Scan) -> Option<String> {
    let skip = scan::IN_HEAD | scan::IN_NEVER | scan::IN_HIDDEN;
    (0..scan.nodes.len() as u32)
        .filter(|&k| scan.nodes[k as usize].flags & skip == 0)
        .filter(|&k| {
            scan.attr(k, "class").is_some_and(|class| {
                class
                    .split_ascii_whitespace()
                    .any(|c| rules::PORTAL_PRESS_CLASSES.contains(&c))
            })
        })
        .filter(|&k| {
            !scan
                .ancestors(k)
                .any(|a| scan.nodes[a as usize].tag == Tag::Li)
        })
        .find_map(|k| {
            let text = scan.text_content(k);
            let name = match text.trim() {
                "" => (scan.nodes[k as usize].images == 1)
                    .then(|| {
                        (k + 1..scan.subtree_end(k)).find(|&i| scan.nodes[i as usize].is_image())
                    })
                    .flatten()
                    .and_then(|i| scan.attr(i, "alt"))?,
                t => t.to_string(),
            };
            let name = without_logo_words(&name);
            ((2..=LOGO_NAME_MAX_CHARS).contains(&name.chars().count())
                && name.split_whitespace().count() <= 2
                && !crate::date::is_date_like(name))
            .then(|| name.to_string())
        })
}

/// A site-relative path to a front page's file, a folder deep at most (`/index.html`,
/// `/www/index.asp`, `/main/main.do`).
fn is_front_page_file(href: &str) -> bool {
    let Some(path) = href.strip_prefix('/') else {
        return false;
    };
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.split('.').next().unwrap_or(file);
    path.matches('/').count() <= 1
        && file.contains('.')
        && !path.contains(&['?', '#'][..])
        && ["index", "main", "default", "home"].contains(&stem)
}

/// A logo is the link's picture, or its child's (`<a href="/"><span><img>`).
const LOGO_LINK_DEPTH: usize = 3;

/// An outlet's name is a few words.
const LOGO_NAME_MAX_CHARS: usize = 20;

/// The outlet a Korean page names in the copyright line under its story (`Copyrights ⓒ
/// TV조선. 무단전재 및 재배포 금지`), looked for in the story's closest ancestors (up to three
/// levels): the line is beside the body.
pub(super) fn copyright_holder(scan: &Scan, root: u32) -> Option<String> {
    // The story's own bare line first (한국경제 2012's `ⓒ 한국경제 & hankyung.com, …` after its
    // last paragraph, over the footer's `Copyright ⓒ 한국경제신문 & 한경닷컴`: the company).
    let own = scan.texts_in(root).iter().find_map(|t| {
        let line = scan.html.get(t.start as usize..t.end as usize)?.trim();
        (line.len() < COPYRIGHT_LINE_MAX_BYTES && korean::is_copyright(line))
            .then(|| korean::copyright_holder(&crate::charref::decode_text(line)))
            .flatten()
    });
    if own.is_some() {
        return own;
    }
    let top = super::closest_ancestors_top(scan, root);
    (top..scan.subtree_end(top))
        .filter(|&k| (8..120).contains(&scan.nodes[k as usize].chars))
        .map(|k| scan.text_of(k))
        .find(|t| korean::is_copyright(t))
        .and_then(|t| korean::copyright_holder(&t))
}

/// A copyright line is short.
const COPYRIGHT_LINE_MAX_BYTES: usize = 360;

#[cfg(test)]
mod tests {
    use super::is_front_page_file;

    #[test]
    fn a_front_page_file_is_an_index_a_folder_deep_at_most() {
        for front in [
            "/index.html",
            "/www/index.asp",
            "/main/main.do",
            "/default.aspx",
        ] {
            assert!(is_front_page_file(front), "{front}");
        }
        for other in [
            "/news/2012/index.html",
            "/index.asp?id=3",
            "/www/news/print.asp",
            "/main",
            "index.html",
        ] {
            assert!(!is_front_page_file(other), "{other}");
        }
    }
}

//! Choosing the article: a site rule's container when the page has one, else Readability-grade
//! scoring over the scan's arena. Paragraph scores (1 + commas + length) flow to their
//! container and its ancestors, candidates are discounted by link density, the best one may
//! give way to an ancestor shared by its rivals (an inline element to its block), siblings
//! that look like part of the story join it, and the standfirst printed between the headline
//! and the body leads it. Then chrome (share, related, comment blocks, unless the article is
//! itself the thread; author boxes) and, by conditional cleaning, low-content blocks inside the
//! article are marked for removal. When the result is too short the scoring runs again with
//! its filters relaxed.

use crate::rules::{RuleUsed, SiteRule};
use crate::scan::{self, Scan, NONE};
use crate::tags::Tag;

/// What the render stage should emit: the article's top-level elements, in order, and
/// the elements inside them to drop.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub roots: Vec<u32>,
    pub dropped: Vec<bool>,
    /// The rule whose container this is, or none (scoring chose).
    pub rule: RuleUsed,
    /// The article's visible text length, for the readerable verdict.
    pub chars: u32,
    /// The best candidate's content score, before it grew into the article (0 for a site
    /// rule's container or the fallback).
    pub score: f32,
    /// Where the body is in `roots`: the block that won the scoring (or the rule's first
    /// container). The roots before it are the story's lead paragraphs printed above it (its
    /// standfirst) and the siblings that joined it from above.
    pub main: usize,
}

impl Plan {
    /// The article's body: the root that won, after the lead and the siblings above it.
    pub fn main_root(&self) -> Option<u32> {
        self.roots.get(self.main).or(self.roots.first()).copied()
    }
}

#[derive(Clone, Copy)]
struct Attempt {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

const CHAR_THRESHOLD: u32 = 500;

/// A first (strict) pass that kept this much text found the article, only too short: the
/// relaxed passes may grow it, or replace it with a better-scoring candidate, not with a
/// weaker one elsewhere on the page.
const MIN_TRUSTED_CHARS: u32 = 140;

/// Whether one plan's roots contain or lie inside the other's.
/// Whether plan `a`'s roots hold all of plan `b`'s, and more.
fn surrounds(scan: &Scan, a: &Plan, b: &Plan) -> bool {
    b.roots
        .iter()
        .all(|&y| a.roots.iter().any(|&x| x != y && scan.is_inside(y, x)))
}

fn overlaps(scan: &Scan, a: &Plan, b: &Plan) -> bool {
    a.roots.iter().any(|&x| {
        b.roots
            .iter()
            .any(|&y| scan.is_inside(x, y) || scan.is_inside(y, x))
    })
}

const FIRST_ATTEMPT: Attempt = Attempt {
    strip_unlikely: true,
    weight_classes: true,
    clean_conditionally: true,
};

pub fn choose(scan: &Scan, site: Option<&'static SiteRule>) -> Plan {
    if let Some(plan) = choose_by_rule(scan, site) {
        return plan;
    }
    let attempts = [
        Attempt {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Attempt {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Attempt {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Attempt {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let repeated = repeated_paragraphs(scan);
    let mut best: Option<Plan> = None;
    let mut first: Option<Plan> = None;
    for attempt in attempts {
        let plan = score_and_pick(scan, attempt, &repeated);
        if let Some(first) = &first {
            if first.chars >= MIN_TRUSTED_CHARS
                && plan.score <= first.score
                && (!overlaps(scan, &plan, first) || surrounds(scan, &plan, first))
            {
                // The relaxed filters found something else and no stronger: what the strict
                // pass kept out (a sidebar, a widget), not more of what it found; or what
                // it found with the page around it (a short story: a wire photo's caption),
                // a weaker block only because nothing was cleaned from it.
                continue;
            }
        }
        if plan.chars >= CHAR_THRESHOLD {
            return plan;
        }
        if first.is_none() {
            first = Some(plan.clone());
        }
        if best.as_ref().is_none_or(|b| plan.chars > b.chars) {
            best = Some(plan);
        }
    }
    best.unwrap_or_default()
}

/// A site rule's (or a known CMS's) content container, when the page has one with text.
fn choose_by_rule(scan: &Scan, site: Option<&'static SiteRule>) -> Option<Plan> {
    let root = scan.nodes.iter().enumerate().find(|(_, n)| {
        n.flags & scan::RULE_CONTENT != 0 && n.flags & scan::IN_HIDDEN == 0 && n.chars >= 100
    })?;
    let root = root.0 as u32;
    let mut plan = Plan {
        roots: vec![root],
        dropped: vec![false; scan.nodes.len()],
        // The scan flags the site rule's containers and the CMS families' alike: on an
        // outlet's page the outlet's rule is named.
        rule: site.map_or_else(|| RuleUsed::cms_of(scan, root), |s| RuleUsed::Site(s.name)),
        chars: 0,
        score: 0.0,
        main: 0,
    };
    mark_noise(scan, &mut plan, FIRST_ATTEMPT);
    plan.chars = kept_chars(scan, &plan);
    Some(plan)
}

fn tag_base_score(tag: Tag) -> f32 {
    use Tag::*;
    match tag {
        Div | Article | Main | Section => 5.0,
        Pre | Td | Blockquote => 3.0,
        Address | Ol | Ul | Dl | Dd | Dt | Li | Form => -3.0,
        H1 | H2 | H3 | H4 | H5 | H6 | Th => -5.0,
        _ => 0.0,
    }
}

fn link_density(scan: &Scan, node: u32) -> f32 {
    let n = &scan.nodes[node as usize];
    if n.chars == 0 {
        0.0
    } else {
        (n.link_chars / n.chars as f32).min(1.0)
    }
}

fn excluded(flags: u32, attempt: Attempt) -> bool {
    flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_REMOVED) != 0
        || attempt.strip_unlikely && flags & scan::IN_UNLIKELY != 0
}

/// Shortest paragraph that scores: shorter runs are captions, labels and buttons.
const MIN_PARAGRAPH_CHARS: u32 = scan::MIN_PARAGRAPH_CHARS;
/// How many ancestors of a paragraph's container share its score (level 0 is the container).
const SCORE_LEVELS: u32 = 5;
/// Characters per length point of a paragraph's score, and the most such points it can earn.
const CHARS_PER_POINT: u32 = 100;
const MAX_LENGTH_POINTS: u32 = 3;
/// How many of the best candidates are kept to compare.
const TOP_CANDIDATES: usize = 5;
/// A rival scores at least this share of the top candidate's score.
const RIVAL_SHARE: f32 = 0.75;
/// Rivals inside one ancestor that make it the article.
const RIVALS_FOR_ANCESTOR: usize = 2;
/// While climbing, a parent scoring under this share of the start is no longer the story.
const CLIMB_FLOOR_SHARE: f32 = 1.0 / 3.0;
/// A sibling joins the article when its score reaches this share of the top's score …
const SIBLING_SHARE: f32 = 0.2;
/// … and at least this score.
const SIBLING_MIN_SCORE: f32 = 10.0;
/// A sibling with the top's class gets this share of the top's score as a bonus.
const SAME_CLASS_BONUS_SHARE: f32 = 0.2;
/// A same-class sibling section joins with this much text and under this link density.
const SECTION_MIN_CHARS: u32 = 100;
const SECTION_MAX_LINK_DENSITY: f32 = 0.3;
/// A lone sibling paragraph: longer than this is prose when under the link density below;
/// shorter, it must have no links and read as a sentence.
const LONG_PARAGRAPH_CHARS: u32 = 80;
const PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;

/// One scoring pass: paragraph scores flow up, the best candidates are compared, and the
/// winner grows by its shared ancestor, its parents and its siblings into the plan.
fn score_and_pick(scan: &Scan, attempt: Attempt, repeated: &Counts) -> Plan {
    let mut scores = score_paragraphs(scan, attempt, repeated);
    let candidates = top_candidates(scan, attempt, &mut scores);
    let mut plan = Plan {
        roots: Vec::new(),
        dropped: vec![false; scan.nodes.len()],
        rule: RuleUsed::Generic,
        chars: 0,
        score: 0.0,
        main: 0,
    };
    match candidates.first() {
        None => plan.roots = fallback_roots(scan),
        Some(&(top, top_score)) => {
            plan.score = top_score;
            let (top, top_score) = shared_ancestor(scan, &scores, &candidates, top, top_score);
            let top = climb(scan, &scores, top, top_score);
            let top = only_child_parent(scan, top);
            let top = block_around(scan, top);
            let top_score = score_or(&scores, top, top_score);
            let roots = merge_siblings(scan, attempt, &scores, top, top_score);
            let roots = sections_of_one_shape(scan, attempt, top).unwrap_or(roots);
            let lead = roots
                .first()
                .map_or_else(Vec::new, |&f| lead_above(scan, attempt, f));
            // The body is the block that won, not a sibling joined above it (the article's
            // header, scored for its headline, holds the byline and the dates).
            plan.main = lead.len() + roots.iter().position(|&r| r == top).unwrap_or(0);
            plan.roots = lead;
            plan.roots.extend(roots);
        }
    }
    mark_noise(scan, &mut plan, attempt);
    plan.chars = kept_chars(scan, &plan);
    plan
}

/// The element's score, or `fallback` when it has none.
fn score_or(scores: &[f32], i: u32, fallback: f32) -> f32 {
    let s = scores[i as usize];
    if s.is_nan() {
        fallback
    } else {
        s
    }
}

/// Readability's content scores: each paragraph (1 + commas + length) flows to its container
/// and up to four ancestors, divided more the farther it goes. Elements no paragraph reaches
/// stay NaN; a scored element starts from its tag's base score and (optionally) class weight.
fn score_paragraphs(scan: &Scan, attempt: Attempt, repeated: &Counts) -> Vec<f32> {
    let nodes = &scan.nodes;
    let mut scores: Vec<f32> = vec![f32::NAN; nodes.len()];
    for p in &scan.paragraphs {
        if p.chars < MIN_PARAGRAPH_CHARS
            || p.container == NONE
            || excluded(p.flags, attempt)
            || repeated.get(paragraph_key(p.container, p.chars, p.commas)) > 0
        {
            continue;
        }
        let content_score =
            1.0 + (p.commas + 1) as f32 + (p.chars / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f32;
        let mut ancestor = p.container;
        let mut level = 0u32;
        while ancestor != NONE && level < SCORE_LEVELS {
            let n = &nodes[ancestor as usize];
            if matches!(n.tag, Tag::Html | Tag::Body) && level > 0 || n.tag == Tag::Html {
                break;
            }
            if matches!(n.tag, Tag::Tbody | Tag::Thead | Tag::Tfoot) {
                // A row group is the table's own structure (browsers insert the <tbody> a page
                // leaves out): the score passes through it to the table, a step it does not
                // count, so a table scores alike with or without it.
                ancestor = n.parent;
                continue;
            }
            let s = &mut scores[ancestor as usize];
            if s.is_nan() {
                let weight = if attempt.weight_classes {
                    f32::from(n.class_weight)
                } else {
                    0.0
                };
                *s = tag_base_score(n.tag) + weight;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            *s += content_score / divider;
            ancestor = n.parent;
            level += 1;
        }
    }
    scores
}

/// A sentence printed this many times on one page is a template's (a rating widget under
/// every photo of a gallery, "Add to basket" under every product), not the story's …
const REPEAT_MIN_COPIES: u32 = 3;
/// … when it is this short: only short blocks are worth looking at (and hashing).
const REPEAT_MAX_CHARS: u32 = 300;

/// 64-bit hashes with a count each, by open addressing (a few lines where std's `HashMap`
/// cost the wasm build about 3 KB gzipped). A slot is chosen by the hash rehashed with a seed
/// random per process (foldhash, as the scan's class cache): a page cannot choose texts whose
/// hashes pile up in one run of slots and make the probing quadratic.
struct Counts {
    slots: Vec<(u64, u32)>,
    mask: usize,
    seed: foldhash::fast::RandomState,
}

impl Counts {
    fn with_room_for(n: usize) -> Counts {
        let size = (n * 2).next_power_of_two().max(8);
        Counts {
            slots: vec![(0, 0); size],
            mask: size - 1,
            seed: foldhash::fast::RandomState::default(),
        }
    }

    fn slot(&self, hash: u64) -> usize {
        use std::hash::BuildHasher;
        let mut i = self.seed.hash_one(hash) as usize & self.mask;
        while self.slots[i].1 != 0 && self.slots[i].0 != hash {
            i = (i + 1) & self.mask;
        }
        i
    }

    fn add(&mut self, hash: u64) {
        let i = self.slot(hash);
        self.slots[i] = (hash, self.slots[i].1 + 1);
    }

    fn get(&self, hash: u64) -> u32 {
        self.slots[self.slot(hash)].1
    }
}

/// FNV-1a, continued from `hash` over `bytes`.
fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// A paragraph's scan key (its container, length and commas) as one hash.
fn paragraph_key(container: u32, chars: u32, commas: u32) -> u64 {
    let mut bytes = [0u8; 12];
    bytes[..4].copy_from_slice(&container.to_le_bytes());
    bytes[4..8].copy_from_slice(&chars.to_le_bytes());
    bytes[8..].copy_from_slice(&commas.to_le_bytes());
    fnv(FNV_START, &bytes)
}

/// The paragraphs whose text the page prints `REPEAT_MIN_COPIES` times or more, by
/// [`paragraph_key`], as the scan keys its paragraphs: a paragraph-like element's flows to
/// its parent, a text-only block's to itself.
fn repeated_paragraphs(scan: &Scan) -> Counts {
    let nodes = &scan.nodes;
    let mut blocks: Vec<(u64, u64)> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        if !(MIN_PARAGRAPH_CHARS..=REPEAT_MAX_CHARS).contains(&n.chars) {
            continue;
        }
        let container = if n.tag.is_paragraph_like() {
            n.parent
        } else if n.element_children == 0 && n.tag.is_block() {
            i as u32
        } else {
            continue;
        };
        // The text runs, each trimmed and ended by a byte no UTF-8 text holds.
        let text = scan.texts_in(i as u32).iter().fold(FNV_START, |h, t| {
            let run = scan.raw_text(t).trim();
            fnv(fnv(h, run.as_bytes()), &[0xff])
        });
        blocks.push((text, paragraph_key(container, n.chars, n.commas)));
    }
    let mut copies = Counts::with_room_for(blocks.len());
    for &(text, _) in &blocks {
        copies.add(text);
    }
    let mut repeated = Counts::with_room_for(blocks.len());
    for &(text, key) in &blocks {
        if copies.get(text) >= REPEAT_MIN_COPIES {
            repeated.add(key);
        }
    }
    repeated
}

/// Discounts every scored element by its link density (in `scores` too) and returns the best
/// few, best first.
fn top_candidates(scan: &Scan, attempt: Attempt, scores: &mut [f32]) -> Vec<(u32, f32)> {
    let nodes = &scan.nodes;
    // The best few, best first, the earlier of two equals first (as a stable sort would put
    // them), kept as they come: no sort routine for this one list.
    let mut best: Vec<(u32, f32)> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for i in 0..scores.len() {
        let s = scores[i];
        if s.is_nan() || excluded(nodes[i].flags, attempt) {
            continue;
        }
        let s = s * (1.0 - link_density(scan, i as u32));
        scores[i] = s;
        let at = best
            .iter()
            .position(|b| s.total_cmp(&b.1).is_gt())
            .unwrap_or(best.len());
        if at < TOP_CANDIDATES {
            best.insert(at, (i as u32, s));
            best.truncate(TOP_CANDIDATES);
        }
    }
    best
}

/// Nothing scored: the body, or failing that every top-level element.
fn fallback_roots(scan: &Scan) -> Vec<u32> {
    let nodes = &scan.nodes;
    if let Some(body) = nodes.iter().position(|n| n.tag == Tag::Body) {
        vec![body as u32]
    } else {
        (0..nodes.len() as u32)
            .filter(|&i| nodes[i as usize].parent == NONE)
            .collect()
    }
}

/// When several strong rivals of the top candidate share an ancestor of it, the article is
/// probably that ancestor.
fn shared_ancestor(
    scan: &Scan,
    scores: &[f32],
    candidates: &[(u32, f32)],
    top: u32,
    top_score: f32,
) -> (u32, f32) {
    let nodes = &scan.nodes;
    let rivals: Vec<u32> = candidates[1..]
        .iter()
        .filter(|(_, s)| *s >= top_score * RIVAL_SHARE)
        .map(|(i, _)| *i)
        .collect();
    if rivals.len() < RIVALS_FOR_ANCESTOR {
        return (top, top_score);
    }
    let mut top = top;
    let mut parent = nodes[top as usize].parent;
    while parent != NONE && !matches!(nodes[parent as usize].tag, Tag::Body | Tag::Html) {
        let containing = rivals
            .iter()
            .filter(|&&r| scan.is_inside(r, parent))
            .count();
        if containing >= RIVALS_FOR_ANCESTOR {
            top = parent;
            break;
        }
        parent = nodes[parent as usize].parent;
    }
    (top, score_or(scores, top, top_score))
}

/// Climbs while the parent scores about as well (the story is split across children): stops
/// at a parent scoring under the floor, takes one scoring better than the last.
fn climb(scan: &Scan, scores: &[f32], top: u32, top_score: f32) -> u32 {
    let nodes = &scan.nodes;
    let mut top = top;
    let mut parent = nodes[top as usize].parent;
    let mut last = top_score;
    let threshold = last * CLIMB_FLOOR_SHARE;
    while parent != NONE && !matches!(nodes[parent as usize].tag, Tag::Body | Tag::Html) {
        let ps = scores[parent as usize];
        if ps.is_nan() {
            parent = nodes[parent as usize].parent;
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = nodes[parent as usize].parent;
    }
    top
}

/// An only child says nothing: its parent is the same block of content.
fn only_child_parent(scan: &Scan, top: u32) -> u32 {
    let nodes = &scan.nodes;
    let mut top = top;
    loop {
        let p = nodes[top as usize].parent;
        if p == NONE
            || matches!(nodes[p as usize].tag, Tag::Body | Tag::Html)
            || nodes[p as usize].element_children != 1
        {
            return top;
        }
        top = p;
    }
}

/// An inline element is never the article: a `<font>` or `<b>` left open around a page's
/// text (old pages do) only wraps part of the story its block holds.
fn block_around(scan: &Scan, top: u32) -> u32 {
    let nodes = &scan.nodes;
    let mut top = top;
    loop {
        let tag = nodes[top as usize].tag;
        let p = nodes[top as usize].parent;
        if tag.is_block()
            || tag == Tag::Other
            || p == NONE
            || matches!(nodes[p as usize].tag, Tag::Body | Tag::Html)
        {
            return top;
        }
        top = p;
    }
}

/// The top and the siblings that belong to the story, in document order.
fn merge_siblings(
    scan: &Scan,
    attempt: Attempt,
    scores: &[f32],
    top: u32,
    top_score: f32,
) -> Vec<u32> {
    let nodes = &scan.nodes;
    let parent = nodes[top as usize].parent;
    if parent == NONE {
        return vec![top];
    }
    let mut roots = Vec::new();
    let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let top_class = scan.attr(top, "class").unwrap_or_default();
    let top_headline = holds_own_headline(scan, top);
    let mut i = parent + 1;
    let end = scan.subtree_end(parent);
    while i < end {
        let n = &nodes[i as usize];
        let next = scan.subtree_end(i);
        if n.parent == parent {
            let keep = if i == top {
                true
            } else if excluded(n.flags, attempt)
                || n.tag.is_never_content()
                || attempt.strip_unlikely && class_is_unlikely(scan, i)
                || top_headline && holds_own_headline(scan, i)
            {
                false
            } else {
                let mut bonus = 0.0;
                let same_class = !top_class.is_empty()
                    && scan.attr(i, "class").as_deref() == Some(top_class.as_str());
                if same_class {
                    bonus += top_score * SAME_CLASS_BONUS_SHARE;
                }
                let s = scores[i as usize];
                if !s.is_nan() && s + bonus >= threshold {
                    true
                } else if same_class
                    && n.chars >= SECTION_MIN_CHARS
                    && link_density(scan, i) < SECTION_MAX_LINK_DENSITY
                {
                    // A story split into sections of one kind: the next one, even when its
                    // paragraphs sit too deep to lend it much score.
                    true
                } else if n.tag == Tag::P || n.tag == Tag::Div && n.element_children == 0 {
                    reads_as_paragraph(scan, i)
                } else {
                    false
                }
            };
            if keep {
                roots.push(i);
            }
        }
        i = next.max(i + 1);
    }
    prose_between_roots(scan, attempt, parent, top, &mut roots);
    roots
}

/// Whether a block holds a story's header of its own: an `<h1>` and a byline or a date. Two
/// such siblings are two stories stacked on one page (MBC 2018's `div.news_content` per report,
/// the next one loaded under the first), not two sections of one (Medium's sections each open
/// with an `<h1>`, under one byline).
fn holds_own_headline(scan: &Scan, i: u32) -> bool {
    let inside = i + 1..scan.subtree_end(i);
    inside
        .clone()
        .any(|d| scan.nodes[d as usize].tag == Tag::H1)
        && inside
            .into_iter()
            .any(|d| scan.nodes[d as usize].flags & (scan::BYLINE_HINT | scan::DATE_HINT) != 0)
}

/// Prose between two parts of the story is story: a lead printed under the lead image and
/// above the body (`<figure>`, `<h2 class="excerpt">`, then the body) scores too little to be
/// kept as a sibling, and would read above the first root only. A sibling between two roots
/// that reads as a lead (sentence prose, few links, no chrome class) joins them.
fn prose_between_roots(scan: &Scan, attempt: Attempt, parent: u32, top: u32, roots: &mut Vec<u32>) {
    if roots.len() < 2 {
        return;
    }
    let (from, to) = (roots[0], roots[roots.len() - 1]);
    if !roots.windows(2).all(|w| w[0] < w[1]) {
        return;
    }
    // The siblings from the first root to the last, in order: roots and prose between them.
    let mut merged = Vec::with_capacity(roots.len());
    let mut i = from;
    while i <= to {
        if roots.contains(&i)
            || scan.nodes[i as usize].parent == parent
                && reads_as_lead(scan, attempt, i, top, parent)
        {
            merged.push(i);
        }
        i = scan.subtree_end(i).max(i + 1);
    }
    if merged.len() > roots.len() {
        *roots = merged;
    }
}

/// How far above the chosen block a section of the story is looked for: the block's parent
/// (`<li>` around `<blockquote>`) and grandparent (`<section>` around `<div>` around `<p>`s).
const SHAPE_LEVELS: usize = 2;

/// A long story printed as a list of sections (one `<li>` or `<section>` per sub-heading,
/// the prose at the same depth in each) scores best in its longest section, and neither the
/// shared ancestor (the rivals are smaller) nor the siblings (they are the section's own)
/// bring the rest. The sections are the siblings of an ancestor of the chosen block, of its
/// tag and class, that hold prose at the same place: a block of the chosen one's tag, as deep
/// below them, with text and few links.
fn sections_of_one_shape(scan: &Scan, attempt: Attempt, top: u32) -> Option<Vec<u32>> {
    let nodes = &scan.nodes;
    let top_node = &nodes[top as usize];
    let mut a = top;
    for _ in 0..SHAPE_LEVELS {
        a = nodes[a as usize].parent;
        if a == NONE || matches!(nodes[a as usize].tag, Tag::Body | Tag::Html) {
            return None;
        }
        let p = nodes[a as usize].parent;
        if p == NONE {
            return None;
        }
        let an = &nodes[a as usize];
        let class = scan.attr(a, "class").unwrap_or_default();
        if crate::rules::is_layout_class(&class) {
            continue;
        }
        let offset = top_node.depth - an.depth;
        let holds_prose = |s: u32| {
            let end = scan.subtree_end(s);
            (s + 1..end).any(|d| {
                let dn = &nodes[d as usize];
                dn.tag == top_node.tag
                    && dn.depth == nodes[s as usize].depth + offset
                    && dn.chars >= SECTION_MIN_CHARS
                    && link_density(scan, d) < SECTION_MAX_LINK_DENSITY
                    && !excluded(dn.flags, attempt)
            })
        };
        let mut sections = Vec::new();
        let end = scan.subtree_end(p);
        let mut i = p + 1;
        while i < end {
            let n = &nodes[i as usize];
            if n.parent == p
                && n.tag == an.tag
                && !excluded(n.flags, attempt)
                && scan.attr(i, "class").unwrap_or_default() == class
                && holds_prose(i)
            {
                sections.push(i);
            }
            i = scan.subtree_end(i).max(i + 1);
        }
        if sections.len() >= 2 && sections.contains(&a) {
            // (Unless they are stories stacked on one page, each with its headline.)
            if sections
                .iter()
                .filter(|&&s| holds_own_headline(scan, s))
                .count()
                >= 2
            {
                return None;
            }
            return Some(sections);
        }
    }
    None
}

/// A sibling `<p>` (or childless `<div>`) that is prose: long with few links, or short, with
/// no links, reading as a sentence.
fn reads_as_paragraph(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    let ld = link_density(scan, i);
    if n.chars > LONG_PARAGRAPH_CHARS {
        return ld < PARAGRAPH_MAX_LINK_DENSITY;
    }
    if n.chars == 0 || n.chars == LONG_PARAGRAPH_CHARS || ld != 0.0 {
        return false;
    }
    let text = scan.text_of(i);
    text.contains(". ") || text.ends_with('.')
}

/// A lead paragraph (standfirst) is this long …
const LEAD_MIN_CHARS: u32 = 60;
const LEAD_MAX_CHARS: u32 = 1000;
const LEAD_MAX_LINK_DENSITY: f32 = 0.2;
/// … and separated from the body by at most this much other text (byline, date, caption).
const LEAD_MAX_GAP_CHARS: u32 = 300;
/// How far above the body a lead is looked for: within its closest ancestors.
const LEAD_SCOPE_LEVELS: usize = 4;
/// More prose blocks than this above the body are no lead but a story of their own.
const LEAD_MAX_PARAGRAPHS: usize = 4;

/// The story's lead: prose paragraphs printed above its body, in the article's header or in
/// a block of their own (`<p class="standfirst">`, `<h2 class="deck">`), which score too
/// little to join it as siblings. Read backwards from the body within its closest ancestors,
/// past bylines, dates and captions, up to the headline.
fn lead_above(scan: &Scan, attempt: Attempt, first: u32) -> Vec<u32> {
    let nodes = &scan.nodes;
    let Some(scope) = scan
        .ancestors(first)
        .take_while(|&a| !matches!(nodes[a as usize].tag, Tag::Body | Tag::Html))
        .take(LEAD_SCOPE_LEVELS)
        .last()
    else {
        return Vec::new();
    };
    let from = scan
        .texts
        .partition_point(|t| t.start < nodes[scope as usize].tag_end);
    let to = scan
        .texts
        .partition_point(|t| t.start < nodes[first as usize].start);
    let mut leads: Vec<u32> = Vec::new();
    let mut gap = 0u32;
    let mut last_block = NONE;
    let mut headline = false;
    let mut deck: Option<u32> = None;
    for t in scan.texts[from..to.max(from)].iter().rev() {
        let owner = &nodes[t.owner as usize];
        if owner.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD) != 0 {
            continue;
        }
        let (chars, _) = scan::measure(scan.raw_text(t));
        let block = owner.block;
        if chars == 0 || block == NONE || block == last_block {
            continue;
        }
        last_block = block;
        if scan.is_inside(first, block) || leads.iter().any(|&l| scan.is_inside(block, l)) {
            continue;
        }
        if let Some(deck) = deck.take() {
            // The heading read last was prose-long: right under the headline it is the deck,
            // under anything else a section's heading (and what is above it no lead).
            if outranks(nodes[block as usize].tag, nodes[deck as usize].tag) {
                leads.push(deck);
            }
            headline = true;
            break;
        }
        if in_page_chrome(scan, block, first, scope) {
            // An ad slot's label ("Advertisement"), a share bar: between the lead and the body,
            // never the headline.
            gap += chars;
            if gap > LEAD_MAX_GAP_CHARS {
                break;
            }
            continue;
        }
        if reads_as_lead(scan, attempt, block, first, scope) {
            if leads.len() == LEAD_MAX_PARAGRAPHS {
                return Vec::new();
            }
            leads.push(block);
            continue;
        }
        if nodes[block as usize].tag.is_heading() {
            if reads_as_deck(scan, block) && leads.len() < LEAD_MAX_PARAGRAPHS {
                deck = Some(block);
                continue;
            }
            // The headline (or the heading of whatever is above): the lead is below it.
            headline = true;
            break;
        }
        gap += chars;
        if gap > LEAD_MAX_GAP_CHARS {
            break;
        }
    }
    if deck.is_some() {
        // The walk ended on a long heading with nothing above it in scope: a headline of its
        // own.
        headline = true;
    }
    if !headline {
        // Without the headline above it, a block of prose there may be anything the page
        // prints before the story (a cookie notice, a site's motto).
        return Vec::new();
    }
    leads.reverse();
    leads
}

/// A block of prose fit to be the story's lead: a paragraph, a deck heading or a bare block
/// of sentence text, with no links to speak of, in nothing that says it is chrome.
fn reads_as_lead(scan: &Scan, attempt: Attempt, block: u32, first: u32, scope: u32) -> bool {
    let n = &scan.nodes[block as usize];
    let fit_tag = matches!(n.tag, Tag::P | Tag::Div | Tag::Section | Tag::Header)
        || matches!(n.tag, Tag::H2 | Tag::H3);
    if !fit_tag
        || !(LEAD_MIN_CHARS..=LEAD_MAX_CHARS).contains(&n.chars)
        || link_density(scan, block) >= LEAD_MAX_LINK_DENSITY
        || n.images > 0
        || n.flags
            & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_HEAD | scan::IN_REMOVED | scan::IN_LINK)
            != 0
    {
        return false;
    }
    let chrome = scan::HIDDEN
        | scan::UNLIKELY
        | scan::NOISE_ROLE
        | scan::RULE_REMOVE
        | scan::SHARE_HINT
        | scan::COMMENT_HINT
        | scan::RELATED_HINT
        | scan::COPYRIGHT_HINT
        | scan::FIGURE_HINT
        | scan::CAPTION_HINT
        | scan::AD_HINT
        | scan::BYLINE_HINT
        | scan::DATE_HINT
        | scan::EMBED_HINT;
    // Nothing around it, up to the article's scope, is chrome; an unlikely class there is only
    // the article's own header (`entry-header`). What holds the body too says nothing of it.
    let mut a = block;
    while a != scope && a != NONE && !scan.is_inside(first, a) {
        let an = &scan.nodes[a as usize];
        if matches!(
            an.tag,
            Tag::Figure | Tag::Figcaption | Tag::Aside | Tag::Nav | Tag::Form
        ) || an.flags & (chrome & !scan::UNLIKELY) != 0
            || attempt.strip_unlikely && an.flags & scan::UNLIKELY != 0 && !is_header_class(scan, a)
            || is_labelled_box(scan, a)
        {
            return false;
        }
        a = an.parent;
    }
    let text = scan.text_of(block);
    let text = text.trim();
    let ends_sentence =
        text.ends_with(&['.', '!', '?', '…', ':', '"', '”', '“', '»', ')', '。'][..]);
    ends_sentence || text.contains(". ") && n.chars >= 100
}

/// Whether a block lies in page chrome that is never the headline nor the lead (an ad slot, a
/// share bar, a related box, an aside), below what holds the body too and the article's scope.
fn in_page_chrome(scan: &Scan, block: u32, first: u32, scope: u32) -> bool {
    let chrome = scan::HIDDEN
        | scan::NOISE_ROLE
        | scan::RULE_REMOVE
        | scan::SHARE_HINT
        | scan::COMMENT_HINT
        | scan::RELATED_HINT
        | scan::AD_HINT;
    let mut a = block;
    while a != scope && a != NONE && !scan.is_inside(first, a) {
        let an = &scan.nodes[a as usize];
        if matches!(an.tag, Tag::Aside | Tag::Nav | Tag::Form) || an.flags & chrome != 0 {
            return true;
        }
        a = an.parent;
    }
    false
}

/// A deck (dek) is a sub-heading this many words long at least: a section's heading is shorter.
const DECK_MIN_WORDS: usize = 8;

/// A sub-heading long enough to be a deck printed under the headline (`<h2>` of a whole
/// sentence without its full stop): the caller takes it when the headline is right above it.
fn reads_as_deck(scan: &Scan, block: u32) -> bool {
    let n = &scan.nodes[block as usize];
    matches!(n.tag, Tag::H2 | Tag::H3)
        && (LEAD_MIN_CHARS..=LEAD_MAX_CHARS).contains(&n.chars)
        && link_density(scan, block) < LEAD_MAX_LINK_DENSITY
        && n.flags & (scan::IN_HIDDEN | scan::IN_NEVER | scan::IN_LINK) == 0
        && scan.text_of(block).split_whitespace().count() >= DECK_MIN_WORDS
}

/// Whether heading `a` ranks above heading `b` (`<h1>` above `<h2>`); false for non-headings.
fn outranks(a: Tag, b: Tag) -> bool {
    let rank = |t: Tag| match t {
        Tag::H1 => 1,
        Tag::H2 => 2,
        Tag::H3 => 3,
        Tag::H4 => 4,
        Tag::H5 => 5,
        Tag::H6 => 6,
        _ => 0,
    };
    rank(a) != 0 && rank(b) != 0 && rank(a) < rank(b)
}

/// Whether an element's class alone says it is no content (`<div class="popup-alert"
/// id="article-sympathy-exist-popup">` on hankookilbo.com: Readability reads class and id
/// together, and the id's `article` saves the popup). A sibling so named does not join the
/// story, whatever its score.
fn class_is_unlikely(scan: &Scan, i: u32) -> bool {
    scan.attr(i, "class").is_some_and(|c| {
        let bits = crate::rules::hint_bits(&c.to_ascii_lowercase());
        bits & crate::rules::hint::UNLIKELY != 0 && bits & crate::rules::hint::MAYBE == 0
    })
}

/// Whether an element's class or id names a header (`entry-header`, `article__header`).
fn is_header_class(scan: &Scan, i: u32) -> bool {
    let has = |name| {
        scan.attr(i, name)
            .is_some_and(|v| v.to_ascii_lowercase().contains("header"))
    };
    has("class") || has("id")
}

/// Marks what inside the article is not article: hidden and never-content elements, site-rule
/// removals, share/comment/related/ad chrome, and (when `conditionally`) low-content blocks by
/// Readability's conditional cleaning.
fn mark_noise(scan: &Scan, plan: &mut Plan, attempt: Attempt) {
    let nodes = &scan.nodes;
    // The roots but the lead are siblings: what holds them is looked at once.
    let in_thread = plan.main_root().is_some_and(|r| in_thread(scan, r));
    for &root in &plan.roots.clone() {
        let thread = in_thread || nodes[root as usize].flags & scan::COMMENT_HINT != 0;
        // A sibling taken in beside the story may be a player's box (`<div class="article_video">`
        // right above the transcript).
        // Or a machine's summary box right above it (뉴스핌's `div.ai-summary`), or the
        // reporter's card under it (머니S's `div.article-reporter`), or the outlet's pitch.
        let main = plan.main_root();
        if main.is_some_and(|m| {
            root != m
                && (is_player_box(scan, root)
                    || is_labelled_box(scan, root)
                    || is_prompt_box(scan, root)
                    || is_author_box(scan, root, m))
        }) {
            plan.dropped[root as usize] = true;
            continue;
        }
        let end = scan.subtree_end(root);
        let mut i = root + 1;
        while i < end {
            let n = &nodes[i as usize];
            if n.flags & (scan::HIDDEN | scan::NOISE_ROLE | scan::RULE_REMOVE) != 0
                || n.tag.is_never_content() && n.tag != Tag::Noscript
                || is_chrome(scan, i, thread)
                || is_author_box(scan, i, root)
                || is_teaser_link(scan, i)
                || is_labelled_box(scan, i)
                || is_player_box(scan, i)
                || is_script_button(scan, i)
                || is_prompt_box(scan, i)
                || is_date_fields_line(scan, i)
                || is_pull_quote(scan, i)
                || is_quote_chip(scan, i)
                || attempt.strip_unlikely && n.flags & scan::UNLIKELY != 0
                || attempt.clean_conditionally && should_clean(scan, i, thread)
            {
                plan.dropped[i as usize] = true;
                i = scan.subtree_end(i).max(i + 1);
                continue;
            }
            i += 1;
        }
        drop_orphaned_titles(scan, plan, root);
    }
}

/// A box's title left alone, the rest of its box gone as chrome (이투데이's `<div
/// class="card-container"><div class="card_tit">기업 네임카드</div><div class="card">…`): the
/// label of nothing. A few words, no sentence, and no text in the box beside them.
fn drop_orphaned_titles(scan: &Scan, plan: &mut Plan, root: u32) {
    let nodes = &scan.nodes;
    for b in root + 1..scan.subtree_end(root) {
        let title = b + 1;
        let b_end = scan.subtree_end(b);
        if plan.dropped[b as usize]
            || !matches!(nodes[b as usize].tag, Tag::Div | Tag::Section)
            || title >= b_end
            || plan.dropped[title as usize]
            || !(1..=ORPHAN_TITLE_MAX_CHARS).contains(&nodes[title as usize].chars)
        {
            continue;
        }
        let mut rest = scan.subtree_end(title);
        if rest >= b_end {
            continue;
        }
        while rest < b_end && plan.dropped[rest as usize] {
            rest = scan.subtree_end(rest);
        }
        let loose_text = scan
            .texts_in(b)
            .iter()
            .any(|t| t.owner == b && !scan.is_blank(t));
        let label = scan.text_of(title);
        if rest == b_end && !loose_text && !label.trim_end().ends_with(&['.', '?', '!', '다'][..])
        {
            plan.dropped[b as usize] = true;
        }
    }
}

/// A box's title is a few words.
const ORPHAN_TITLE_MAX_CHARS: u32 = 20;

/// A line of the header's fields around its date (채널A's `<div class="public"><span
/// class="cp">[채널A]</span> <span class="date">2022-10-16 19:41</span> <span
/// class="cata">뉴스A</span></div>`): where the date goes as metadata, the fields beside it
/// (an outlet's name, a program's) are no text either. A few words at most beside the date, no
/// sentence and no byline (the body's opening byline is read as a sign-off).
fn is_date_fields_line(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    if !matches!(n.tag, Tag::Div | Tag::P | Tag::Li)
        || n.chars > DATE_FIELDS_LINE_MAX_CHARS
        || n.images > 0
        || n.flags & (scan::DATE_HINT | scan::BYLINE_HINT | scan::RULE_CONTENT | scan::PERSON_LINK)
            != 0
    {
        return false;
    }
    let Some(date) = (i + 1..scan.subtree_end(i)).find(|&c| {
        let child = &scan.nodes[c as usize];
        child.parent == i && child.flags & scan::DATE_HINT != 0 && child.chars > 0
    }) else {
        return false;
    };
    let date = scan.text_of(date);
    if !crate::date::is_date_like(&date) {
        return false;
    }
    let line = scan.text_of(i);
    let fields = line.replacen(&date, " ", 1);
    let words = fields
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let fields = fields.trim();
    words <= DATE_FIELDS_MAX_WORDS
        && !fields.ends_with(&['.', '?', '!', '다'][..])
        && crate::korean::parse_byline(fields).is_none()
        && !fields.starts_with("By ")
}

/// A date's line of fields is short …
const DATE_FIELDS_LINE_MAX_CHARS: u32 = 60;
/// … with a few words beside the date.
const DATE_FIELDS_MAX_WORDS: usize = 3;

/// A picture that is a script's button (원음방송's `<a href="javascript:aod_pop(…)"><img
/// alt="뉴스 다시듣기"></a>` over the transcript): a link the reader would not keep (see
/// [`crate::url::is_safe_link`]), with no text.
fn is_script_button(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    n.tag == Tag::A
        && n.chars == 0
        && scan
            .attr(i, "href")
            .is_some_and(|h| !crate::url::is_safe_link(&h))
}

/// A box that pitches the outlet to the reader over its button (한겨레 2024's `<div
/// class="…support…"><p>한겨레는 타협하지 않겠습니다</p><p>진실을 향해 …</p><a>한겨레
/// 후원하기</a></div>` under the story): a short block whose last element is a link that
/// prompts ([`crate::polish::is_closing_prompt`]: donate, subscribe, follow), or whose last
/// links, a row of buttons, hold one (한겨레21's `<a>후원하기</a><a>정기구독 신청</a>`).
fn is_prompt_box(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    if !matches!(n.tag, Tag::Div | Tag::Section | Tag::Aside)
        || n.link_chars == 0.0
        || n.chars > PROMPT_BOX_MAX_CHARS
        || n.paragraphs > 2
    {
        return false;
    }
    (i + 1..scan.subtree_end(i))
        .rev()
        .filter(|&k| scan.nodes[k as usize].parent == i)
        .take_while(|&a| scan.nodes[a as usize].tag == Tag::A)
        .any(|a| crate::polish::is_closing_prompt(&scan.text_of(a)))
}

/// A prompt's box is a line or two and its button.
const PROMPT_BOX_MAX_CHARS: u32 = 200;

/// Whether the article lies in a comment thread: what holds its root has a comment class (the
/// root's own class is read by the caller). On a page whose content is the thread (a forum, a
/// live commentary) there is no story for the comments to be under: they are the text.
fn in_thread(scan: &Scan, root: u32) -> bool {
    scan.ancestors(root)
        .any(|a| scan.nodes[a as usize].flags & scan::COMMENT_HINT != 0)
}

/// Share buttons, comment sections, related lists, ads: by class/id hint, with care not to
/// drop a large block of prose that merely carries such a class. In a thread, comments are
/// content: only a comment form is chrome.
fn is_chrome(scan: &Scan, i: u32, thread: bool) -> bool {
    let n = &scan.nodes[i as usize];
    let ld = link_density(scan, i);
    let small = n.chars < 200 || n.paragraphs == 0 && n.chars < 400;
    if n.flags & scan::PERSON_LINK != 0 {
        return false;
    }
    if n.flags & (scan::SHARE_HINT | scan::AD_HINT) != 0
        && (small || ld > 0.5)
        && n.tag != Tag::Body
    {
        return !(n.flags & scan::FIGURE_HINT != 0
            && n.images > 0
            && n.chars < 200
            && n.flags & scan::AD_HINT == 0);
    }
    if n.flags & scan::COMMENT_HINT != 0 && (!thread && small || n.inputs > 0 || ld > 0.3) {
        return true;
    }
    if n.flags & scan::RELATED_HINT != 0 && (ld > 0.3 || small) {
        return true;
    }
    if n.flags & scan::COPYRIGHT_HINT != 0 && n.chars < 300 {
        return false; // kept: the render stage moves it into `copyright`
    }
    // The byline and the date line are metadata: read by `metadata`, not repeated in the body.
    if n.flags & (scan::BYLINE_HINT | scan::DATE_HINT) != 0
        && n.chars < 200
        && n.paragraphs <= 1
        && n.flags & scan::RULE_CONTENT == 0
    {
        return true;
    }
    if matches!(n.tag, Tag::Form | Tag::Fieldset) && n.inputs > 0 {
        return true;
    }
    false
}

/// An author box holds at most this much text …
const AUTHOR_BOX_MAX_CHARS: u32 = 1500;
/// … in at most this many paragraphs (a blog's posts may carry their author's name in
/// their class: `serendipity_entry_author_Mark`) …
const AUTHOR_BOX_MAX_PARAGRAPHS: u32 = 2;
/// … and at most this share of the article's.
const AUTHOR_BOX_MAX_SHARE: f32 = 1.0 / 3.0;

/// The author's box (a photo, a bio, links to their other posts): a block with a byline
/// class too long to be the byline line itself, which `is_chrome` keeps as prose.
fn is_author_box(scan: &Scan, i: u32, root: u32) -> bool {
    let n = &scan.nodes[i as usize];
    n.flags & scan::BYLINE_HINT != 0
        && n.flags & (scan::RULE_CONTENT | scan::PERSON_LINK | scan::RULE_BYLINE) == 0
        && !n.tag.is_paragraph_like()
        && n.chars <= AUTHOR_BOX_MAX_CHARS
        && n.paragraphs <= AUTHOR_BOX_MAX_PARAGRAPHS
        && (n.chars as f32) < scan.nodes[root as usize].chars as f32 * AUTHOR_BOX_MAX_SHARE
}

/// A machine's summary box is this long at most (three points and a note).
const GENERATED_SUMMARY_MAX_CHARS: u32 = 600;

/// A small box known by its first line (or, for a summary, its last): a summary a machine
/// wrote (newspim's `<div class="ai_summary"><strong>AI 요약</strong><ul>…`:
/// [`korean::is_generated_summary`]),
/// neither story nor the outlet's deck; or a support or reaction appeal under its prompt
/// (`<div class="ab_support"><p>cpbc 후원회원이 되어 주세요</p><p>여러분의 정성이 …</p><a>후원회원
/// 가입하기</a>`: [`korean::is_reaction_prompt`]).
fn is_labelled_box(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    matches!(n.tag, Tag::Div | Tag::Section | Tag::Aside)
        && n.chars <= GENERATED_SUMMARY_MAX_CHARS
        && {
            let texts = scan.texts_in(i);
            let mut lines = texts
                .iter()
                .map(|t| scan.raw_text(t))
                .filter(|t| !t.trim().is_empty());
            lines.next().is_some_and(|first| {
                crate::korean::is_generated_summary(first)
                    || crate::korean::is_reaction_prompt(first)
            })
            // Or one that says so under its label (매일경제's `<p class="sum_news">뉴스 요약쏙</p><p
            // class="ttl_sub">AI 요약은 OpenAI의 …</p>`) or under its points (매일신문's `AI가 기사
            // 내용을 요약했습니다.`).
            || lines.next().is_some_and(crate::korean::is_generated_summary_note)
            || lines.next_back().is_some_and(crate::korean::is_generated_summary_note)
        }
}

/// A video player's box as the page was saved, the player not yet drawn: its labels alone
/// (`<div class="w_player"><div class="video_area">…</div><p>동영상 고정 취소</p></div>`,
/// `<p class="video_notice">동영상을 재생하려면 …</p>`): a box whose class or id names a
/// player or a video, with a few words and no picture but the video's poster.
fn is_player_box(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    let names_player = || {
        ["class", "id"].iter().any(|a| {
            scan.attr(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                PLAYER_WORDS.iter().any(|w| v.contains(w))
            })
        })
    };
    matches!(n.tag, Tag::Div | Tag::Section)
        && n.chars <= PLAYER_LABEL_MAX_CHARS
        // (At most the video's poster: `<div class="w_vod_area"><div class="vod_player"><img>`.)
        && n.images <= 1
        && names_player()
}

/// A magazine's pull quote, by its class (`blockquote.atc_quote`, `div.quote_box`,
/// `blockquote.is-style-large`, `.pullquote`): one short line set large beside the text, which it
/// repeats or paraphrases (a paraphrase is not caught by the story's repeat in `polish`).
fn is_pull_quote(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    let pull = |t: &str| {
        t.contains("pull") && t.contains("quote")
            || t.ends_with("_quote")
            || t.starts_with("quote") && t.ends_with("box")
            || t == "is-style-large"
    };
    matches!(n.tag, Tag::Blockquote | Tag::Div | Tag::Aside)
        && n.chars <= PULL_QUOTE_MAX_CHARS
        && n.images == 0
        && scan
            .attr(i, "class")
            .is_some_and(|c| c.to_ascii_lowercase().split_ascii_whitespace().any(pull))
}

/// A stock's quote a site prints after the company's name (머니투데이 2017's `<a
/// class="stock_link">GS리테일</a><span class="up">(38,450원 ▲350 +0.92%)</span>`): an element
/// of its own holding, in brackets, a price, its move (an arrow or a sign) and a percentage.
fn is_quote_chip(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    n.element_children == 0
        && (6..=QUOTE_CHIP_MAX_CHARS).contains(&n.chars)
        && scan
            .text_of(i)
            .trim()
            .strip_prefix('(')
            .and_then(|q| q.strip_suffix(')'))
            .is_some_and(|q| {
                q.contains('%')
                    && q.contains(&['▲', '▼', '△', '▽', '+', '-'][..])
                    && q.split_whitespace().count() >= 2
                    && q.chars()
                        .all(|c| c.is_ascii_digit() || " ,.%+-원▲▼△▽".contains(c))
            })
}

/// A quote chip is a few numbers.
const QUOTE_CHIP_MAX_CHARS: u32 = 40;

/// A pull quote is one line.
const PULL_QUOTE_MAX_CHARS: u32 = 80;

/// Words of a player's class or id.
// (`movie`: JTBC 2020's `<div id="id_movie_area">` of the player and its `방송 : 뉴스룸 …` line.)
const PLAYER_WORDS: [&str; 4] = ["player", "video", "vod", "movie"];
/// A player's labels are a few words.
const PLAYER_LABEL_MAX_CHARS: u32 = 40;

/// A teaser paragraph this long at most: a label and one headline.
const TEASER_MAX_CHARS: u32 = 250;
/// Share of a teaser's text inside its link.
const TEASER_MIN_LINK_SHARE: f32 = 0.5;
/// A teaser's label ("Read more", "Lea también", "VEA TAMBIÉN") is this short …
const TEASER_MAX_LABEL_CHARS: usize = 40;
const TEASER_MAX_LABEL_WORDS: usize = 5;

/// A related-story teaser set into the text: a short label, a colon, then a link to another
/// story and nothing else ("Read more: <a>…</a>", "LE PUEDE INTERESAR: <a>…</a>").
fn is_teaser_link(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    if !(n.tag == Tag::P || n.tag.is_heading())
        || n.chars > TEASER_MAX_CHARS
        || n.link_chars < n.chars as f32 * TEASER_MIN_LINK_SHARE
    {
        return false;
    }
    let text = scan.text_of(i);
    let Some(colon) = text.find(':') else {
        return false;
    };
    let label = text[..colon].trim();
    let label_chars = label.chars().count();
    if !(2..=TEASER_MAX_LABEL_CHARS).contains(&label_chars)
        || label.split_whitespace().count() > TEASER_MAX_LABEL_WORDS
        || label.contains(&['.', '!', '?'][..])
    {
        return false;
    }
    // The label (and the colon, a space or two) is all the text outside the link.
    let unlinked = n.chars as f32 - n.link_chars;
    unlinked >= label_chars as f32 && unlinked <= label_chars as f32 + 3.0
}

/// Readability's `_cleanConditionally` for tables, lists, divs, sections, forms and asides.
fn should_clean(scan: &Scan, i: u32, thread: bool) -> bool {
    let n = &scan.nodes[i as usize];
    if !is_cleaned_tag(n.tag) {
        return false;
    }
    if n.flags & (scan::RULE_CONTENT | scan::PERSON_LINK) != 0 {
        return false;
    }
    // Inside a figure, images with little text are the point.
    if n.flags & scan::FIGURE_HINT != 0 && n.images > 0 && n.chars < 300 {
        return false;
    }
    // An embed's box around a frame the reader leaves out keeps at most the frame's title
    // (`<p>[울산매일 UTV] 태화강 국가정원 가을 풍경</p>` over a video): the two go together.
    if n.flags & scan::EMBED_HINT != 0 && n.embeds > 0 && n.chars < EMBED_TITLE_MAX_CHARS {
        return true;
    }
    // A block around one paragraph and nothing else is that paragraph, and paragraphs are not
    // cleaned: a story whose every paragraph sits in its own <div> keeps those with a link.
    if is_paragraph_wrapper(scan, i) && link_density(scan, i) < WRAPPED_PARAGRAPH_MAX_LINK_DENSITY {
        return false;
    }
    // Embedded posts (a tweet quoted in the story) are content, links and all.
    if n.flags & scan::EMBED_HINT != 0 {
        return n.chars == 0;
    }
    let weight = i32::from(n.class_weight);
    if weight < 0 && n.chars < 1000 && !(thread && n.flags & scan::COMMENT_HINT != 0) {
        return true;
    }
    if n.commas >= 10 {
        return false;
    }
    let is_list = matches!(n.tag, Tag::Ul | Tag::Ol);
    let p = n.paragraphs as f32;
    let img = n.images as f32;
    let li = n.list_items as f32 - 100.0;
    let input = n.inputs as f32;
    let ld = link_density(scan, i);
    let chars = n.chars;
    let heading_density = if chars == 0 {
        0.0
    } else {
        n.heading_chars as f32 / chars as f32
    };
    let has_figure_context = scan
        .nodes
        .get(n.parent as usize)
        .is_some_and(|p| p.tag == Tag::Figure);
    (img > 1.0 && p / img < 0.5 && !has_figure_context)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list
            && heading_density < 0.9
            && chars < 25
            && (img == 0.0 || img > 2.0)
            && ld > 0.0)
        || (weight < 25 && ld > 0.2 && chars > 0)
        || (weight >= 25 && ld > 0.5)
        || embeds_condemn(scan, i)
        || (is_list && ld > 0.5 && chars > 0)
}

/// Readability's embed test (one embed and little text, or several), counting the embeds its
/// bottom-up cleaning would still find in the box: not those in a box of their own that goes
/// first (two ads' `<div class="ad-view"><iframe></div>` between a story's paragraphs, which
/// would otherwise take the story with them).
fn embeds_condemn(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    let condemns = |embeds: u32, chars: u32| embeds == 1 && chars < 75 || embeds > 1;
    if !condemns(n.embeds, n.chars) {
        return false;
    }
    let goes_first = |k: u32| {
        let b = &scan.nodes[k as usize];
        is_cleaned_tag(b.tag) && b.chars == 0 && condemns(b.embeds, b.chars)
    };
    let loose = (i + 1..scan.subtree_end(i))
        .filter(|&k| {
            matches!(
                scan.nodes[k as usize].tag,
                Tag::Embed | Tag::Object | Tag::Iframe
            )
        })
        .filter(|&k| {
            let mut a = scan.nodes[k as usize].parent;
            while a > i && a != NONE {
                if goes_first(a) {
                    return false;
                }
                a = scan.nodes[a as usize].parent;
            }
            true
        })
        .count() as u32;
    condemns(loose, n.chars)
}

/// The boxes Readability's conditional cleaning looks at.
fn is_cleaned_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Table
            | Tag::Ul
            | Tag::Ol
            | Tag::Div
            | Tag::Section
            | Tag::Form
            | Tag::Fieldset
            | Tag::Aside
            | Tag::Header
            | Tag::Footer
    )
}

/// The text beside an embedded frame that is only the frame's title (as Readability's
/// conditional cleaning counts it for any box with one embed).
const EMBED_TITLE_MAX_CHARS: u32 = 75;

/// A paragraph in a wrapper of its own is kept with links up to this share of its text (a
/// sentence with a link or two); more is a link with a few words around it.
const WRAPPED_PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;

/// Whether a block holds one `<p>` and nothing else (no other element, no text of its own).
fn is_paragraph_wrapper(scan: &Scan, i: u32) -> bool {
    let n = &scan.nodes[i as usize];
    let Some(child) = scan.nodes.get(i as usize + 1) else {
        return false;
    };
    n.element_children == 1 && child.parent == i && child.tag == Tag::P && child.chars == n.chars
}

fn kept_chars(scan: &Scan, plan: &Plan) -> u32 {
    let mut total = 0u32;
    for &root in &plan.roots {
        let n = &scan.nodes[root as usize];
        let mut chars = n.chars;
        let end = scan.subtree_end(root);
        let mut i = root + 1;
        while i < end {
            if plan.dropped[i as usize] {
                chars = chars.saturating_sub(scan.nodes[i as usize].chars);
                i = scan.subtree_end(i).max(i + 1);
            } else {
                i += 1;
            }
        }
        total += chars;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn prose(n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>Paragraph {i} of the story, long enough to count, with commas, clauses, and detail.</p>"))
            .collect()
    }

    fn chosen_text(html: &str) -> String {
        let s = scan(html, None).unwrap();
        let plan = choose(&s, None);
        plan.roots
            .iter()
            .map(|&r| s.text_of(r))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_prose_wins_over_navigation() {
        let nav: String = (0..30)
            .map(|i| format!("<li><a href=/s{i}>Section number {i}</a></li>"))
            .collect();
        let html = format!(
            "<body><div id=menu><ul>{nav}</ul></div><div class=main>{}</div></body>",
            prose(6)
        );
        let text = chosen_text(&html);
        assert!(text.contains("Paragraph 5"));
        assert!(!text.contains("Section number"));
    }

    #[test]
    fn link_heavy_lists_inside_the_article_are_cleaned() {
        let links: String = (0..8)
            .map(|i| format!("<li><a href=/r{i}>Another story {i}</a></li>"))
            .collect();
        // Enough prose that the first attempt clears Readability's 500 characters without it.
        let html = format!(
            "<body><article>{}<ul>{links}</ul>{}</article></body>",
            prose(5),
            prose(5)
        );
        let s = scan(&html, None).unwrap();
        let plan = choose(&s, None);
        let ul = s.nodes.iter().position(|n| n.tag == Tag::Ul).unwrap();
        assert!(plan.dropped[ul]);
        assert_eq!(plan.rule, RuleUsed::Generic);
    }

    #[test]
    fn a_site_rule_names_the_container() {
        let html = format!(
            "<body><div class=detail_editor>{}</div><div class=other>{}</div></body>",
            prose(2),
            prose(8)
        );
        let rule = crate::rules::site_rule_for("https://www.businesspost.co.kr/x");
        let s = scan(&html, rule).unwrap();
        let plan = choose(&s, rule);
        assert_eq!(plan.rule, RuleUsed::Site("businesspost.co.kr"));
        assert_eq!(s.nodes[plan.roots[0] as usize].tag, Tag::Div);
        assert!(s.text_of(plan.roots[0]).contains("Paragraph 1"));
        assert!(plan.roots.len() == 1);
    }
}

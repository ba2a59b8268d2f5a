//! The attributes the scan reads from each start tag, straight from its bytes: class and id
//! hints, roles, hidden styles, links, and the head's `<meta>`, `<link>`, `<base>` and
//! `<html lang dir>`, and the element's flags they set.

use super::*;

/// Whether an inline style says `display: none` or `visibility: hidden` (read in place: inline
/// styles can be long, and most elements have one on some sites).
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((name, value)) = decl.split_once(':') else {
            return false;
        };
        let (name, value) = (name.trim(), value.trim_start());
        let starts = |v: &str, w: &str| {
            v.len() >= w.len() && v.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        };
        name.eq_ignore_ascii_case("display") && starts(value, "none")
            || name.eq_ignore_ascii_case("visibility") && starts(value, "hidden")
    })
}

/// Whether an `itemprop` names the story's body (schema.org's `articleBody`, among other
/// properties the attribute may list).
fn is_article_body(itemprop: &str) -> bool {
    itemprop
        .split_ascii_whitespace()
        .any(|p| p.eq_ignore_ascii_case("articleBody"))
}

/// The attributes the scan reads; every other attribute is passed over.
#[derive(Clone, Copy)]
enum AttrKind {
    Id,
    Class,
    Rel,
    Href,
    Name,
    HttpEquiv,
    Role,
    Lang,
    Dir,
    Type,
    Style,
    Hidden,
    Content,
    Property,
    Itemprop,
    Datetime,
    AriaHidden,
}

impl AttrKind {
    fn of(name: &str) -> Option<AttrKind> {
        const KINDS: [(&str, AttrKind); 17] = [
            ("id", AttrKind::Id),
            ("class", AttrKind::Class),
            ("rel", AttrKind::Rel),
            ("href", AttrKind::Href),
            ("name", AttrKind::Name),
            ("http-equiv", AttrKind::HttpEquiv),
            ("role", AttrKind::Role),
            ("lang", AttrKind::Lang),
            ("dir", AttrKind::Dir),
            ("type", AttrKind::Type),
            ("style", AttrKind::Style),
            ("hidden", AttrKind::Hidden),
            ("content", AttrKind::Content),
            ("property", AttrKind::Property),
            ("itemprop", AttrKind::Itemprop),
            ("datetime", AttrKind::Datetime),
            ("aria-hidden", AttrKind::AriaHidden),
        ];
        // Most attributes on real pages are none of these: the length rules them out cheaply.
        if !(2..=11).contains(&name.len()) {
            return None;
        }
        KINDS
            .iter()
            .find(|(n, _)| n.len() == name.len() && n.eq_ignore_ascii_case(name))
            .map(|(_, k)| *k)
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The class cache's table, by open addressing (std's `HashMap` cost the .wasm about 1 KB
/// gzipped, as it did in `choose`): a slot is chosen by the class's hash under foldhash's
/// seed, random per process, so a page cannot choose classes that pile up in one run of slots.
/// The table doubles when half full.
#[derive(Default)]
pub(super) struct ClassCache<'h> {
    slots: Vec<Option<(&'h str, (u32, u32))>>,
    len: usize,
    seed: foldhash::fast::RandomState,
}

impl<'h> ClassCache<'h> {
    /// The slot of `class`, or the empty one where it would go (the table is never full).
    fn slot(&self, class: &str) -> usize {
        use std::hash::BuildHasher;
        let mask = self.slots.len() - 1;
        let mut i = self.seed.hash_one(class) as usize & mask;
        while let Some((key, _)) = self.slots[i] {
            if key == class {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    pub(super) fn get(&self, class: &str) -> Option<(u32, u32)> {
        if self.slots.is_empty() {
            return None;
        }
        self.slots[self.slot(class)].map(|(_, bits)| bits)
    }

    pub(super) fn insert(&mut self, class: &'h str, bits: (u32, u32)) {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![None; (old.len() * 2).max(CLASS_CACHE_MIN_SLOTS)];
            for (key, bits) in old.into_iter().flatten() {
                let i = self.slot(key);
                self.slots[i] = Some((key, bits));
            }
        }
        let i = self.slot(class);
        if self.slots[i].is_none() {
            self.len += 1;
        }
        self.slots[i] = Some((class, bits));
    }
}

/// A page's distinct classes are a few hundred at most, usually.
const CLASS_CACHE_MIN_SLOTS: usize = 64;

impl<'h> State<'h> {
    /// The hint bits of a class or id, read case-insensitively.
    fn lowercase_hint_bits(&mut self, value: &str) -> u32 {
        self.hints.clear();
        self.hints.push_str(value);
        self.hints.make_ascii_lowercase();
        rules::hint_bits(&self.hints)
            | if rules::is_ad_hint(&self.hints) {
                hint::AD
            } else {
                0
            }
    }

    /// Reads the attributes the stages use, straight from the raw start tag: the start tag's
    /// attributes once, in order, then what its class and id hint, then what it says about
    /// the page (`<meta>`, `<link>`, `<base>`, microdata).
    pub(super) fn read_attributes(
        &mut self,
        index: u32,
        raw: &'h str,
        tag: Tag,
        name: &str,
        node: &mut Node,
    ) -> u32 {
        let (read, mut flags) = self.collect_attributes(raw, tag);
        if !read.class.is_empty() || !read.id.is_empty() {
            flags |= self.class_and_id_flags(tag, name, read.class, read.id, node);
            // The page's own microdata names its story's body: a chrome word in the same
            // element's class or id (`id="gigya-share-btns-2"`) does not make it unlikely.
            if flags & UNLIKELY != 0 && read.itemprop.is_some_and(is_article_body) {
                flags &= !UNLIKELY;
            }
        }
        // Only the CLI reads hydration state (a browser has rendered the story already): the
        // wasm build neither flags nor keeps those scripts.
        if cfg!(feature = "hydration")
            && tag == Tag::Script
            && rules::HYDRATION_SCRIPT_IDS.contains(&read.id)
        {
            flags |= HYDRATION;
        }
        flags | self.note_page_meta(index, tag, &read)
    }

    /// One pass over the start tag's attributes: the values later phases read, and the flags
    /// an attribute sets by itself.
    fn collect_attributes(&mut self, raw: &'h str, tag: Tag) -> (Read<'h>, u32) {
        let mut flags = 0;
        let mut read = Read::default();
        let mut aria_hidden = false;
        // As in browsers, the first of two attributes with one name is the one that counts.
        let mut seen = 0u32;
        for (attr, value) in markup::attributes(raw) {
            let Some(kind) = AttrKind::of(attr) else {
                continue;
            };
            if seen & kind.bit() != 0 {
                continue;
            }
            seen |= kind.bit();
            match kind {
                AttrKind::Id => read.id = value,
                AttrKind::Class => read.class = value,
                AttrKind::Rel => read.rel = Some(value),
                AttrKind::Href => {
                    read.href = Some(value);
                    flags |= HAS_HREF;
                    if value.starts_with('#') {
                        flags |= HASH_LINK;
                    }
                }
                AttrKind::Name | AttrKind::HttpEquiv => {
                    read.meta_name = read.meta_name.or(Some(value));
                }
                AttrKind::Role => {
                    if rules::NOISE_ROLES
                        .iter()
                        .any(|r| value.eq_ignore_ascii_case(r))
                    {
                        flags |= NOISE_ROLE;
                    }
                }
                AttrKind::Lang if tag == Tag::Html => {
                    self.meta.lang = Some(charref::decode_attribute(value).trim().to_string())
                }
                AttrKind::Dir if tag == Tag::Html => {
                    self.meta.dir = Some(value.trim().to_ascii_lowercase())
                }
                AttrKind::Type => {
                    let value = value.trim();
                    if tag == Tag::Script && value.eq_ignore_ascii_case("application/ld+json") {
                        flags |= LD_JSON;
                    }
                    if tag == Tag::Input
                        && (value.eq_ignore_ascii_case("radio")
                            || value.eq_ignore_ascii_case("checkbox"))
                    {
                        flags |= CHOICE_INPUT;
                    }
                }
                AttrKind::Style => {
                    if style_hides(value) {
                        flags |= HIDDEN;
                    }
                }
                AttrKind::Hidden => flags |= HIDDEN,
                AttrKind::Content => read.meta_content = Some(value),
                AttrKind::Property => read.meta_property = Some(value),
                AttrKind::Itemprop => read.itemprop = Some(value),
                AttrKind::Datetime => read.datetime = Some(value),
                AttrKind::AriaHidden => aria_hidden = value.trim().eq_ignore_ascii_case("true"),
                AttrKind::Lang | AttrKind::Dir => {}
            }
        }
        // A fallback image (`<figure aria-hidden=true class=fallback-image>`) is the page's
        // only copy of its picture: hidden from screen readers, not from the reader.
        if aria_hidden && !read.class.contains("fallback-image") {
            flags |= HIDDEN;
        }
        (read, flags)
    }

    /// The flags an element's class and id hint: chrome, bylines, dates, comments, ads, person
    /// links, and the containers and removals of the site rule and the CMS families.
    fn class_and_id_flags(
        &mut self,
        tag: Tag,
        name: &str,
        class: &'h str,
        id: &str,
        node: &mut Node,
    ) -> u32 {
        let mut flags = 0;
        let (class_bits, signature_class_bits) = match self.class_hints.get(class) {
            Some(bits) => bits,
            None => {
                let bits = (
                    self.lowercase_hint_bits(class),
                    rules::signature_class_bits(class),
                );
                self.class_hints.insert(class, bits);
                bits
            }
        };
        if self.rule.is_none() {
            self.signatures |= rules::signature_bits(name, signature_class_bits, id);
        }
        let id_bits = if id.is_empty() {
            0
        } else {
            self.lowercase_hint_bits(id)
        };
        let bits = class_bits | id_bits;
        node.class_weight = rules::class_weight(class_bits, id_bits) as i16;
        let has = |b: u32| bits & b != 0;
        // (A heading is the story's whatever its class says: Editor.js writes its section
        // heads as `<h3 class="ce-header">`.)
        if has(hint::UNLIKELY)
            && !has(hint::MAYBE)
            && !matches!(
                tag,
                Tag::Body | Tag::A | Tag::Html | Tag::Main | Tag::Article
            )
            && !tag.is_heading()
        {
            flags |= UNLIKELY;
        }
        for (hint_bit, flag) in [
            (hint::BYLINE, BYLINE_HINT),
            (hint::DATE, DATE_HINT),
            (hint::COMMENT, COMMENT_HINT),
            (hint::RELATED, RELATED_HINT),
            (hint::COPYRIGHT, COPYRIGHT_HINT),
            (hint::CAPTION, CAPTION_HINT),
            (hint::FIGURE, FIGURE_HINT),
            (hint::EMBED, EMBED_HINT),
        ] {
            if has(hint_bit) {
                flags |= flag;
            }
        }
        if has(hint::SHARE) && !has(hint::EMBED) {
            flags |= SHARE_HINT;
        }
        if has(hint::AD) {
            flags |= AD_HINT;
        }
        if class_bits & hint::SCREEN_READER != 0 {
            flags |= HIDDEN;
        }
        if tag == Tag::A
            && rules::PERSON_LINK_CLASSES.iter().any(|c| {
                class
                    .split_ascii_whitespace()
                    .any(|k| k.eq_ignore_ascii_case(c))
            })
        {
            flags |= PERSON_LINK;
        }
        if let Some(rule) = self.rule {
            let tag_name = name;
            if rule.content.iter().any(|s| s.matches(tag_name, class, id)) {
                flags |= RULE_CONTENT;
            }
            if rule.remove.iter().any(|s| s.matches(tag_name, class, id)) {
                flags |= RULE_REMOVE;
            }
            if rule
                .person_links
                .iter()
                .any(|s| s.matches(tag_name, class, id))
            {
                flags |= PERSON_LINK;
            }
            if rule.byline.iter().any(|s| s.matches(tag_name, class, id)) {
                flags |= RULE_BYLINE;
            }
        }
        // A CMS family's containers and the chrome it always puts in them, on any page.
        for rule in rules::generic_content_rules() {
            if rule.content.iter().any(|s| s.matches(name, class, id)) {
                flags |= RULE_CONTENT;
            }
            if rule.remove.iter().any(|s| s.matches(name, class, id)) {
                flags |= RULE_REMOVE;
            }
        }
        flags
    }

    /// What the start tag says about the page: `<meta>` keys, the canonical link, `<base>`,
    /// microdata properties and machine-readable dates (and a `rel=author` link's flag).
    fn note_page_meta(&mut self, index: u32, tag: Tag, read: &Read<'h>) -> u32 {
        let Read {
            meta_name,
            meta_property,
            meta_content,
            rel,
            href,
            itemprop,
            datetime,
            ..
        } = *read;
        let mut flags = 0;
        if let Some(rel) = rel {
            if rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
            {
                flags |= BYLINE_HINT;
            }
        }
        match tag {
            Tag::Meta => {
                // As Readability reads them: every word of `property` is a key; `name` is
                // lowercased with spaces dropped and dots read as colons (`DC.title`).
                if let Some(content) = meta_content {
                    let content = charref::decode_attribute(content);
                    for key in meta_property
                        .into_iter()
                        .flat_map(str::split_ascii_whitespace)
                    {
                        self.meta
                            .metas
                            .push((key.to_ascii_lowercase(), content.to_string()));
                    }
                    if let Some(name) = meta_name.or(itemprop) {
                        let key: String = name
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .map(|c| {
                                if c == '.' {
                                    ':'
                                } else {
                                    c.to_ascii_lowercase()
                                }
                            })
                            .collect();
                        self.meta.metas.push((key, content.to_string()));
                    }
                }
            }
            Tag::Link => {
                if let (Some(rel), Some(href)) = (rel, href) {
                    if rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                        && self.meta.canonical.is_none()
                    {
                        self.meta.canonical =
                            Some(charref::decode_attribute(href).trim().to_string());
                    }
                }
            }
            Tag::Base => {
                if let Some(href) = href {
                    self.meta
                        .base_href
                        .get_or_insert_with(|| charref::decode_attribute(href).trim().to_string());
                }
            }
            _ => {}
        }
        if let Some(prop) = itemprop {
            let prop = prop.trim().to_ascii_lowercase();
            if tag != Tag::Meta {
                if let Some(content) = meta_content {
                    let content = charref::decode_attribute(content).into_owned();
                    self.meta.metas.push((prop.clone(), content));
                }
                if prop.contains("author") {
                    flags |= BYLINE_HINT;
                }
                self.meta.itemprops.push((index, prop));
            }
        }
        if let Some(dt) = datetime {
            let kind = itemprop
                .unwrap_or(if tag == Tag::Time { "time" } else { "" })
                .to_ascii_lowercase();
            self.meta.dated.push((
                index,
                kind,
                charref::decode_attribute(dt).trim().to_string(),
            ));
        }
        flags
    }
}

/// The attribute values [`State::read_attributes`] hands from its first phase to the others.
#[derive(Clone, Copy, Default)]
struct Read<'h> {
    class: &'h str,
    id: &'h str,
    meta_name: Option<&'h str>,
    meta_property: Option<&'h str>,
    meta_content: Option<&'h str>,
    rel: Option<&'h str>,
    href: Option<&'h str>,
    itemprop: Option<&'h str>,
    datetime: Option<&'h str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_class_cache_keeps_every_class_it_is_given() {
        let classes: Vec<String> = (0..1000).map(|i| format!("c{i} box")).collect();
        let mut cache = ClassCache::default();
        assert_eq!(cache.get("c1 box"), None);
        for (i, c) in classes.iter().enumerate() {
            cache.insert(c, (i as u32, 1));
        }
        cache.insert(&classes[7], (70, 2));
        for (i, c) in classes.iter().enumerate() {
            let want = if i == 7 { (70, 2) } else { (i as u32, 1) };
            assert_eq!(cache.get(c), Some(want));
        }
        assert_eq!(cache.get("c1000 box"), None);
        assert_eq!(cache.len, 1000);
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(style_hides("color: red; DISPLAY : None !important"));
        assert!(style_hides("visibility:hidden"));
        assert!(!style_hides("display: block; background: url(none.png)"));
        assert!(!style_hides("font-family: none-such"));
    }
}

//! What the stages know about HTML elements: a compact tag id, which tags are void, block,
//! phrasing or never content, and which open elements a new start tag closes implicitly
//! (lol_html reports tokens, not a tree: the HTML tree-building rules are ours to apply).

macro_rules! tags {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// The elements the engine treats specially; everything else is `Other`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Tag { $($variant,)* Other }

        impl Tag {
            pub fn from_name(name: &str) -> Tag {
                let bytes = name.as_bytes();
                // Most pages write their tags in lowercase: match the name as it is.
                if !bytes.iter().any(u8::is_ascii_uppercase) {
                    return Tag::from_lowercase(name);
                }
                let mut buf = [0u8; 12];
                if bytes.len() > buf.len() {
                    return Tag::Other;
                }
                for (dst, src) in buf.iter_mut().zip(bytes) {
                    *dst = src.to_ascii_lowercase();
                }
                Tag::from_lowercase(std::str::from_utf8(&buf[..bytes.len()]).unwrap_or(""))
            }

            fn from_lowercase(name: &str) -> Tag {
                // A perfect hash: the slot of a known name holds its index, and one compare
                // tells a known name from another that lands there. (A `match` on the strings
                // was 3.4 KB of the .wasm; this is a table of 1 KB that gzips to little.)
                if name.is_empty() {
                    return Tag::Other;
                }
                let index = TAG_SLOTS[tag_slot(name.as_bytes())] as usize;
                match TAGS.get(index) {
                    Some(&tag) if NAMES[index] == name => tag,
                    _ => Tag::Other,
                }
            }

            pub fn name(self) -> &'static str {
                // A table indexed by the discriminant: one load, where a match is a branch
                // per tag in the .wasm.
                NAMES[self as usize]
            }
        }

        const TAGS: &[Tag] = &[$(Tag::$variant,)*];
        const NAMES: &[&str] = &[$($name,)* ""];

        /// Each known name's index at its slot; `u8::MAX` where no name lands. Built when the
        /// crate compiles, which fails if two names ever share a slot.
        const TAG_SLOTS: [u8; 1 << TAG_SLOT_BITS] = {
            let mut slots = [u8::MAX; 1 << TAG_SLOT_BITS];
            let mut index = 0;
            while index < TAGS.len() {
                let slot = tag_slot(NAMES[index].as_bytes());
                assert!(slots[slot] == u8::MAX, "two tag names share a slot: pick another multiplier");
                slots[slot] = index as u8;
                index += 1;
            }
            slots
        };
    };
}

const TAG_SLOT_BITS: u32 = 10;

/// A lowercase tag name's slot: its first two bytes, last byte and length, multiplied by a
/// constant found by search so that the known names land in distinct slots.
const fn tag_slot(name: &[u8]) -> usize {
    let len = name.len();
    let second = if len > 1 { name[1] } else { 0 };
    let key =
        name[0] as u32 | (second as u32) << 8 | (name[len - 1] as u32) << 16 | (len as u32) << 24;
    (key.wrapping_mul(0x6d56_e341) >> (32 - TAG_SLOT_BITS)) as usize
}

tags! {
    A = "a", Abbr = "abbr", Address = "address", Article = "article", Aside = "aside",
    Audio = "audio", B = "b", Base = "base", Bdi = "bdi", Bdo = "bdo", Blockquote = "blockquote",
    Body = "body", Br = "br", Button = "button", Canvas = "canvas", Caption = "caption",
    Center = "center", Cite = "cite", Code = "code", Col = "col", Colgroup = "colgroup",
    Dd = "dd", Del = "del", Details = "details", Dfn = "dfn", Dialog = "dialog", Div = "div",
    Dl = "dl", Dt = "dt", Em = "em", Embed = "embed", Fieldset = "fieldset",
    Figcaption = "figcaption", Figure = "figure", Font = "font", Footer = "footer", Form = "form",
    Frame = "frame", Frameset = "frameset", H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4", H5 = "h5",
    H6 = "h6", Head = "head", Header = "header", Hgroup = "hgroup", Hr = "hr", Html = "html",
    I = "i", Iframe = "iframe", Img = "img", Input = "input", Ins = "ins", Kbd = "kbd",
    Label = "label", Legend = "legend", Li = "li", Link = "link", Main = "main", Map = "map",
    Mark = "mark", Math = "math", Menu = "menu", Meta = "meta", Nav = "nav", Noscript = "noscript",
    Object = "object", Ol = "ol", Optgroup = "optgroup", Option = "option", Output = "output",
    P = "p", Param = "param", Picture = "picture", Pre = "pre", Q = "q", S = "s", Samp = "samp",
    Script = "script", Section = "section", Select = "select", Small = "small", Source = "source",
    Span = "span", Strike = "strike", Strong = "strong", Style = "style", Sub = "sub",
    Summary = "summary", Sup = "sup", Svg = "svg", Table = "table", Tbody = "tbody", Td = "td",
    Template = "template", Textarea = "textarea", Tfoot = "tfoot", Th = "th", Thead = "thead",
    Time = "time", Title = "title", Tr = "tr", Track = "track", Tt = "tt", U = "u", Ul = "ul",
    Var = "var", Video = "video", Wbr = "wbr", Area = "area", Area2 = "keygen", Applet = "applet",
    Marquee = "marquee", Nobr = "nobr", Big = "big", Xmp = "xmp", Plaintext = "plaintext",
    Noembed = "noembed", Noframes = "noframes", Data = "data", Ruby = "ruby", Rt = "rt", Rp = "rp",
    Slot = "slot", Search = "search",
}

impl Tag {
    /// Elements with no end tag and no content.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Area2
                | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// A form's controls: what Readability's conditional cleaning counts as inputs.
    pub fn is_form_control(self) -> bool {
        matches!(self, Tag::Input | Tag::Textarea | Tag::Select | Tag::Button)
    }

    /// Elements whose content is never article text.
    pub fn is_never_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Template
                | Head
                | Title
                | Meta
                | Link
                | Base
                | Noscript
                | Select
                | Textarea
                | Button
                | Input
                | Option
                | Optgroup
                | Iframe
                | Frame
                | Frameset
                | Object
                | Embed
                | Applet
                | Canvas
                | Dialog
                | Noembed
                | Noframes
                | Svg
                | Math
                | Map
                | Area
                | Audio
                | Video
                | Source
                | Track
                | Param
                | Output
                | Label
                | Legend
                | Slot
                | Nav
        )
    }

    /// Block-level elements: text on either side of one belongs to different paragraphs.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Search
                | Xmp
                | Plaintext
        ) || self.holds_no_flow()
    }

    /// Elements whose content is not running text (embedded, raw, or form content): blocks
    /// for the paragraph rules, yet never closing a `<p>`.
    fn holds_no_flow(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Noscript
                | Select
                | Textarea
                | Iframe
                | Object
                | Video
                | Audio
                | Canvas
                | Svg
                | Math
                | Template
                | Frameset
                | Noframes
        )
    }

    /// Blocks that hold a paragraph of text themselves (their text scores their parent).
    pub fn is_paragraph_like(self) -> bool {
        use Tag::*;
        matches!(
            self,
            P | Pre | Td | Th | Li | Dd | Dt | Blockquote | Figcaption | Caption
        ) || self.is_heading()
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Start tags that close an open `<p>` (HTML's "close a p element" rule).
    pub fn closes_p(self) -> bool {
        use Tag::*;
        // Every block but the table parts, the document's frame and the non-flow elements.
        self.is_block()
            && !self.holds_no_flow()
            && !matches!(
                self,
                Body | Html | Caption | Tbody | Thead | Tfoot | Tr | Td | Th
            )
    }

    /// HTML's "special" category: an end tag for a phrasing element does not close past one.
    pub fn is_special(self) -> bool {
        use Tag::*;
        self.is_block() && !matches!(self, Video | Audio | Canvas | Svg | Math)
            || matches!(self, Html | Body | Head | Applet | Marquee | Button)
    }

    /// HTML's formatting elements: the ones the list of active formatting elements keeps, so
    /// that a block's end does not end their formatting (`<p><i>a<p>b`: b is italic too).
    pub fn is_formatting(self) -> bool {
        use Tag::*;
        matches!(
            self,
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U
        )
    }

    /// Elements that put a marker on the list of active formatting elements: formatting
    /// opened outside one is not reopened inside it.
    pub fn is_formatting_marker(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Applet | Marquee | Object | Td | Th | Caption | Template
        )
    }

    /// A table, a row group or a row: where the current node is one of these, a table
    /// expects rows (or cells) there, not content.
    pub fn expects_rows(self) -> bool {
        use Tag::*;
        matches!(self, Table | Tbody | Thead | Tfoot | Tr)
    }

    /// Start tags a table takes where it expects rows ("in table" and its row modes): the
    /// others are moved out in front of the table ("foster parenting"). A form in a table
    /// is an empty element; a hidden input is taken, and any input counts for nothing here.
    pub fn belongs_in_table(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Caption
                | Colgroup
                | Col
                | Tbody
                | Thead
                | Tfoot
                | Tr
                | Td
                | Th
                | Table
                | Style
                | Script
                | Template
                | Form
                | Input
        )
    }

    /// Whether the body's start tag for this element reopens the formatting a block cut short
    /// ("reconstruct the active formatting elements"): phrasing content does, blocks and the
    /// head's elements do not. `name` is read for the tags the enum leaves as `Other`.
    pub fn reconstructs_formatting(self, name: &str) -> bool {
        use Tag::*;
        match self {
            Html | Base | Link | Meta | Noframes | Script | Style | Template | Title | Body
            | Frameset | Address | Article | Aside | Blockquote | Center | Details | Dialog
            | Div | Dl | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main
            | Menu | Nav | Ol | P | Search | Section | Summary | Ul | H1 | H2 | H3 | H4 | H5
            | H6 | Pre | Form | Li | Dd | Dt | Plaintext | Table | Param | Source | Track | Hr
            | Textarea | Iframe | Noembed | Noscript | Rt | Rp | Caption | Col | Colgroup
            | Frame | Head | Tbody | Td | Tfoot | Th | Thead | Tr => false,
            Other => !["dir", "listing", "rb", "rtc", "basefont", "bgsound"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n)),
            _ => true,
        }
    }

    /// Elements whose text is raw or escapable text, read in the tokenizer's text modes: their
    /// text reopens no formatting.
    pub fn holds_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Title
                | Textarea
                | Style
                | Script
                | Xmp
                | Iframe
                | Noembed
                | Noframes
                | Noscript
                | Plaintext
        )
    }

    /// Tags at which a search for an open element to close stops (HTML's scope boundaries).
    pub fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Table | Td | Th | Caption | Template | Applet | Marquee | Object
        )
    }
}

/// Void elements the `Tag` enum leaves as `Other` (obsolete, but still void in browsers).
pub fn is_void_name(name: &str) -> bool {
    ["basefont", "bgsound"]
        .iter()
        .any(|v| name.eq_ignore_ascii_case(v))
}

/// Whether a DOCTYPE puts the document in quirks mode (HTML's "initial" insertion mode; a page
/// without one is in quirks mode too). Of quirks mode, the scan needs one rule: a `<table>`
/// does not end an open `<p>`.
pub fn doctype_quirks(
    name: Option<&str>,
    public_id: Option<&str>,
    system_id: Option<&str>,
    force_quirks: bool,
) -> bool {
    const PUBLIC_EXACT: [&str; 3] = [
        "-//w3o//dtd w3 html strict 3.0//en//",
        "-/w3c/dtd html 4.0 transitional/en",
        "html",
    ];
    const PUBLIC_PREFIXES: [&str; 55] = [
        "+//silmaril//dtd html pro v0r11 19970101//",
        "-//as//dtd html 3.0 aswedit + extensions//",
        "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
        "-//ietf//dtd html 2.0 level 1//",
        "-//ietf//dtd html 2.0 level 2//",
        "-//ietf//dtd html 2.0 strict level 1//",
        "-//ietf//dtd html 2.0 strict level 2//",
        "-//ietf//dtd html 2.0 strict//",
        "-//ietf//dtd html 2.0//",
        "-//ietf//dtd html 2.1e//",
        "-//ietf//dtd html 3.0//",
        "-//ietf//dtd html 3.2 final//",
        "-//ietf//dtd html 3.2//",
        "-//ietf//dtd html 3//",
        "-//ietf//dtd html level 0//",
        "-//ietf//dtd html level 1//",
        "-//ietf//dtd html level 2//",
        "-//ietf//dtd html level 3//",
        "-//ietf//dtd html strict level 0//",
        "-//ietf//dtd html strict level 1//",
        "-//ietf//dtd html strict level 2//",
        "-//ietf//dtd html strict level 3//",
        "-//ietf//dtd html strict//",
        "-//ietf//dtd html//",
        "-//metrius//dtd metrius presentational//",
        "-//microsoft//dtd internet explorer 2.0 html strict//",
        "-//microsoft//dtd internet explorer 2.0 html//",
        "-//microsoft//dtd internet explorer 2.0 tables//",
        "-//microsoft//dtd internet explorer 3.0 html strict//",
        "-//microsoft//dtd internet explorer 3.0 html//",
        "-//microsoft//dtd internet explorer 3.0 tables//",
        "-//netscape comm. corp.//dtd html//",
        "-//netscape comm. corp.//dtd strict html//",
        "-//o'reilly and associates//dtd html 2.0//",
        "-//o'reilly and associates//dtd html extended 1.0//",
        "-//o'reilly and associates//dtd html extended relaxed 1.0//",
        "-//sq//dtd html 2.0 hotmetal + extensions//",
        "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
        "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
        "-//spyglass//dtd html 2.0 extended//",
        "-//sun microsystems corp.//dtd hotjava html//",
        "-//sun microsystems corp.//dtd hotjava strict html//",
        "-//w3c//dtd html 3 1995-03-24//",
        "-//w3c//dtd html 3.2 draft//",
        "-//w3c//dtd html 3.2 final//",
        "-//w3c//dtd html 3.2//",
        "-//w3c//dtd html 3.2s draft//",
        "-//w3c//dtd html 4.0 frameset//",
        "-//w3c//dtd html 4.0 transitional//",
        "-//w3c//dtd html experimental 19960712//",
        "-//w3c//dtd html experimental 970421//",
        "-//w3c//dtd w3 html//",
        "-//w3o//dtd w3 html 3.0//",
        "-//webtechs//dtd mozilla html 2.0//",
        "-//webtechs//dtd mozilla html//",
    ];
    const PUBLIC_PREFIXES_WITHOUT_SYSTEM: [&str; 2] = [
        "-//w3c//dtd html 4.01 frameset//",
        "-//w3c//dtd html 4.01 transitional//",
    ];
    if force_quirks || !name.is_some_and(|n| n.eq_ignore_ascii_case("html")) {
        return true;
    }
    if system_id.is_some_and(|s| {
        s.eq_ignore_ascii_case("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")
    }) {
        return true;
    }
    let Some(public) = public_id.map(str::to_ascii_lowercase) else {
        return false;
    };
    PUBLIC_EXACT.contains(&public.as_str())
        || PUBLIC_PREFIXES.iter().any(|p| public.starts_with(p))
        || system_id.is_none()
            && PUBLIC_PREFIXES_WITHOUT_SYSTEM
                .iter()
                .any(|p| public.starts_with(p))
}

/// Whether an element may stand in the head ("in head" insertion mode): any other start tag
/// ends the head. `name` is read for the tags the `Tag` enum leaves as `Other`.
pub fn belongs_in_head(tag: Tag, name: &str) -> bool {
    match tag {
        Tag::Base | Tag::Link | Tag::Meta | Tag::Title | Tag::Noscript | Tag::Noframes => true,
        Tag::Style | Tag::Script | Tag::Template | Tag::Head | Tag::Html => true,
        Tag::Other => name.eq_ignore_ascii_case("basefont") || name.eq_ignore_ascii_case("bgsound"),
        _ => false,
    }
}

/// Whether a start tag could close anything implicitly, given which tags are open: lets the
/// scan skip the stack search for most tags.
pub fn may_close_implicitly(tag: Tag, is_open: &dyn Fn(Tag) -> bool) -> bool {
    use Tag::*;
    let any = |tags: &[Tag]| tags.iter().any(|t| is_open(*t));
    tag.is_heading()
        || tag.closes_p() && is_open(P)
        || match tag {
            Li => is_open(Li),
            Dd | Dt => any(&[Dd, Dt]),
            Td | Th => any(&[Td, Th]),
            Tr => is_open(Tr),
            Tbody | Thead | Tfoot => any(&[Tbody, Thead, Tfoot]),
            Table => is_open(Table),
            Option => is_open(Option),
            Optgroup => any(&[Option, Optgroup]),
            A => is_open(A),
            Rt | Rp => any(&[Rt, Rp]),
            _ => false,
        }
}

/// HTML start tags that end `<svg>`/`<math>` content (the HTML standard's list for foreign
/// content).
pub fn breaks_out_of_foreign_content(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        B | Big
            | Blockquote
            | Body
            | Br
            | Center
            | Code
            | Dd
            | Div
            | Dl
            | Dt
            | Em
            | Embed
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Head
            | Hr
            | I
            | Img
            | Li
            | Menu
            | Meta
            | Nobr
            | Ol
            | P
            | Pre
            | Ruby
            | S
            | Small
            | Span
            | Strong
            | Strike
            | Sub
            | Sup
            | Table
            | Tt
            | U
            | Ul
            | Var
    )
}

/// How far down the stack a search for an element to close goes: HTML sets no limit, but a
/// hostile page nested 300,000 deep would make every search a walk of the whole stack.
const MAX_SEARCH: usize = 1024;

/// How many open elements (from the top of the stack) a new start tag closes implicitly.
/// `open` lists the open elements' tags, outermost first.
pub fn implied_closes(open: &[Tag], tag: Tag) -> usize {
    use Tag::*;
    let depth = open.len();
    // Closes everything from the top down to and including the nearest element for which
    // `target` holds, if it is found before an element for which `stop` holds.
    let close_to = |target: &dyn Fn(Tag) -> bool, stop: &dyn Fn(Tag) -> bool| -> usize {
        for (i, t) in open.iter().enumerate().rev().take(MAX_SEARCH) {
            if target(*t) {
                return depth - i;
            }
            if stop(*t) {
                return 0;
            }
        }
        0
    };
    let mut closes = 0;
    match tag {
        Li => {
            closes = close_to(&|t| t == Li, &|t| {
                matches!(t, Ul | Ol | Menu) || t.is_scope_boundary()
            })
        }
        Dd | Dt => {
            closes = close_to(&|t| matches!(t, Dd | Dt), &|t| {
                t == Dl || t.is_scope_boundary()
            })
        }
        Td | Th => closes = close_to(&|t| matches!(t, Td | Th), &|t| matches!(t, Tr | Table)),
        Tr => {
            closes = close_to(&|t| t == Tr, &|t| {
                matches!(t, Table | Tbody | Thead | Tfoot)
            })
        }
        Tbody | Thead | Tfoot => {
            closes = close_to(&|t| matches!(t, Tbody | Thead | Tfoot), &|t| t == Table)
        }
        // A table where a table expects rows ends the open one ("in table": `<table><table>`
        // is two tables side by side); in a cell it nests.
        Table if open.last().is_some_and(|t| t.expects_rows()) => {
            closes = close_to(&|t| t == Table, &|_| false)
        }
        Option => closes = close_to(&|t| t == Option, &|t| t != Option),
        Optgroup => {
            closes = close_to(&|t| matches!(t, Option | Optgroup), &|t| {
                !matches!(t, Option | Optgroup)
            })
        }
        A => closes = close_to(&|t| t == A, &|t| t.is_special()),
        Rt | Rp => closes = close_to(&|t| matches!(t, Rt | Rp), &|t| t == Ruby),
        _ => {}
    }
    if tag.is_heading() && closes == 0 {
        if let Some(top) = open.last() {
            if top.is_heading() {
                closes = 1;
            }
        }
    }
    if tag.closes_p() {
        let p_closes = close_to(&|t| t == P, &|t| t.is_scope_boundary() || t == Button);
        closes = closes.max(p_closes);
    }
    closes
}

/// How many open elements an end tag `</tag>` closes (0 when it matches nothing: ignored).
/// `same_other(i)` tells whether the open element `i`, of a tag we have no id for, has the end
/// tag's name.
pub fn end_tag_closes(open: &[Tag], tag: Tag, same_other: &dyn Fn(usize) -> bool) -> usize {
    let depth = open.len();
    for (i, t) in open.iter().enumerate().rev().take(MAX_SEARCH) {
        let same = if tag == Tag::Other {
            *t == Tag::Other && same_other(i)
        } else if tag.is_heading() {
            // Any of `</h1>`…`</h6>` ends whichever heading is open.
            t.is_heading()
        } else {
            *t == tag
        };
        if same {
            return depth - i;
        }
        if tag.is_special() {
            let boundary = if tag == Tag::Table {
                matches!(t, Tag::Html | Tag::Template)
            } else {
                t.is_scope_boundary()
            };
            if boundary {
                return 0;
            }
        } else if t.is_special() {
            return 0;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::Tag::*;
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(Tag::from_name("DIV"), Div);
        assert_eq!(Tag::from_name("figcaption"), Figcaption);
        assert_eq!(Tag::from_name("custom-element"), Other);
        assert_eq!(Tag::from_name("averyveryverylongname"), Other);
        assert_eq!(Blockquote.name(), "blockquote");
        for &tag in TAGS {
            assert_eq!(Tag::from_name(tag.name()), tag, "{}", tag.name());
            assert_eq!(Tag::from_name(&tag.name().to_uppercase()), tag);
        }
        // Names that share a known name's slot (same ends and length) are still other names.
        for name in ["", "x", "dav", "fxxxxxxxxn", "bxxxxxxxxe", "tbxdy", "c-l"] {
            assert_eq!(Tag::from_name(name), Other, "{name}");
        }
    }

    #[test]
    fn a_heading_end_tag_ends_any_open_heading() {
        assert_eq!(end_tag_closes(&[Body, H2, Span], H3, &|_| false), 2);
        assert_eq!(end_tag_closes(&[Body, Div, H3], H2, &|_| false), 1);
        assert_eq!(end_tag_closes(&[Body, H2, Div], H3, &|_| false), 2);
        assert_eq!(end_tag_closes(&[Body, H2, Table], H3, &|_| false), 0);
    }

    #[test]
    fn implied_end_tags_follow_html() {
        assert_eq!(implied_closes(&[Body, P], P), 1);
        assert_eq!(implied_closes(&[Body, P, Span], Div), 2);
        assert_eq!(implied_closes(&[Body, Ul, Li, P], Li), 2);
        assert_eq!(implied_closes(&[Body, Ul, Li, Ul, Li], Li), 1);
        assert_eq!(implied_closes(&[Table, Tbody, Tr, Td], Td), 1);
        assert_eq!(implied_closes(&[Table, Tbody, Tr, Td], Tr), 2);
        assert_eq!(implied_closes(&[Body, Dl, Dt], Dd), 1);
        assert_eq!(implied_closes(&[Body, Div], Span), 0);
        assert_eq!(implied_closes(&[Body, P, Table, Td], P), 0);
        assert_eq!(implied_closes(&[Body, A, Span], A), 2);
    }

    #[test]
    fn doctypes_choose_quirks_mode_as_the_standard_lists() {
        assert!(!doctype_quirks(Some("html"), None, None, false));
        assert!(doctype_quirks(Some("html"), None, None, true));
        assert!(doctype_quirks(Some("svg"), None, None, false));
        let html4 = Some("-//W3C//DTD HTML 4.0 Transitional//EN");
        assert!(doctype_quirks(Some("html"), html4, None, false));
        let html401 = Some("-//W3C//DTD HTML 4.01 Transitional//EN");
        assert!(doctype_quirks(Some("HTML"), html401, None, false));
        let dtd = Some("http://www.w3.org/TR/html4/loose.dtd");
        assert!(!doctype_quirks(Some("html"), html401, dtd, false));
        let xhtml = Some("-//W3C//DTD XHTML 1.0 Transitional//EN");
        assert!(!doctype_quirks(Some("html"), xhtml, None, false));
        assert!(doctype_quirks(Some("html"), Some("HTML"), None, false));
    }

    #[test]
    fn end_tags_close_through_phrasing_but_not_blocks() {
        let none = |_| false;
        assert_eq!(end_tag_closes(&[Body, Div, Span], Div, &none), 2);
        assert_eq!(end_tag_closes(&[Body, Span, Div], Span, &none), 0);
        assert_eq!(end_tag_closes(&[Body, Div], P, &none), 0);
        assert_eq!(end_tag_closes(&[Body, Table, Td, Div], Table, &none), 3);
    }
}

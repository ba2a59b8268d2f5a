//! Rules as data: the class/id hints of generic extraction (English and Korean CMSs), the
//! words of page chrome, and site rules that add precision for known outlets. No site gets a
//! code path of its own: a site rule only names selectors.

/// A simple selector: optional tag, optional class token, optional id (`div.detail_editor`,
/// `.author_info`, `#dic_area`, `a.human_link`).
#[derive(Clone, Copy, Debug)]
pub struct Selector {
    pub tag: Option<&'static str>,
    pub class: Option<&'static str>,
    pub id: Option<&'static str>,
}

impl Selector {
    pub const fn parse_const(
        tag: Option<&'static str>,
        class: Option<&'static str>,
        id: Option<&'static str>,
    ) -> Self {
        Selector { tag, class, id }
    }

    pub fn matches(&self, tag: &str, class: &str, id: &str) -> bool {
        // Every element with a class or an id meets every CMS family's selectors: the cheap
        // comparisons first, the class last.
        self.tag.is_none_or(|t| t.eq_ignore_ascii_case(tag))
            && self.id.is_none_or(|i| i == id)
            && self.class_matches(class)
    }

    /// Whether a class attribute satisfies the selector's class part: one of its tokens, walked
    /// without building a substring searcher (which costs more than the walk on class lists
    /// this short).
    pub fn class_matches(&self, class: &str) -> bool {
        self.class
            .is_none_or(|c| class.split_ascii_whitespace().any(|k| k == c))
    }
}

const fn sel(
    tag: Option<&'static str>,
    class: Option<&'static str>,
    id: Option<&'static str>,
) -> Selector {
    Selector::parse_const(tag, class, id)
}

/// Precision for one outlet or template. Adding an outlet is one entry here and one fixture
/// folder in `tests/pages/`. Every field is a list of simple selectors ([`Selector`]):
///
/// - `name`: reported as `extractor.rule` = `site:<name>` (`cms:<name>` for a CMS family).
/// - `domains`: hosts the rule applies to (and their subdomains). A rule with none is a CMS
///   family: its `content` and `remove` apply on every page where they match.
/// - `signature`: elements that identify the template on a page from any address (a saved
///   copy, a mirror): the rule applies when one of them is on the page and, when
///   `signature_attr` is set, its markup (its own tag or its content's) holds that text: an
///   attribute of an element inside (Daum's `dmcf-ptype`) or its own (MBC's `articleBody`).
/// - `content`: the body container; `remove`: what to drop inside it; `person_links`: links
///   to unwrap as people; `byline`: where the reporter is printed.
/// - `deck`: the summary lines above the story (the `subtitle`), besides the generic deck
///   classes of [`crate::korean::vocab::DECK_CLASSES`].
/// - `published`: elements whose attribute holds the publication timestamp, `(selector,
///   attribute)`, read before any date printed on the page.
pub struct SiteRule {
    pub name: &'static str,
    pub domains: &'static [&'static str],
    pub signature: &'static [Selector],
    pub signature_attr: Option<&'static str>,
    pub content: &'static [Selector],
    pub remove: &'static [Selector],
    pub person_links: &'static [Selector],
    pub byline: &'static [Selector],
    pub deck: &'static [Selector],
    pub published: &'static [(Selector, &'static str)],
}

pub static SITE_RULES: &[SiteRule] = &[
    SiteRule {
        name: "businesspost.co.kr",
        domains: &["businesspost.co.kr"],
        signature: &[],
        signature_attr: None,
        content: &[sel(Some("div"), Some("detail_editor"), None)],
        remove: &[
            sel(None, Some("detail_control"), None),
            sel(None, Some("copyright"), None),
            sel(None, Some("related_article"), None),
        ],
        person_links: &[sel(Some("a"), Some("human_link"), None)],
        byline: &[sel(None, Some("author_info"), None)],
        deck: &[],
        published: &[],
    },
    SiteRule {
        name: "news.naver.com",
        domains: &["n.news.naver.com", "news.naver.com", "m.news.naver.com"],
        signature: &[
            sel(None, None, Some("dic_area")),
            sel(None, None, Some("newsct_article")),
            sel(None, None, Some("articleBodyContents")),
            sel(None, Some("_article_content"), None),
        ],
        signature_attr: None,
        // Sports and entertainment (`m.sports.naver.com`) hold the story in `._article_content`,
        // with the source, copyright and section notice after it in the same box.
        content: &[
            sel(None, None, Some("dic_area")),
            sel(None, None, Some("articleBodyContents")),
            sel(None, Some("_article_content"), None),
        ],
        remove: &[],
        person_links: &[],
        byline: &[
            sel(None, Some("media_end_head_journalist_name"), None),
            sel(None, Some("byline_s"), None),
        ],
        deck: &[sel(None, Some("media_end_summary"), None)],
        published: &[(
            sel(None, Some("_ARTICLE_DATE_TIME"), None),
            "data-date-time",
        )],
    },
    SiteRule {
        name: "v.daum.net",
        domains: &["v.daum.net"],
        signature: &[sel(None, Some("article_view"), None)],
        signature_attr: Some("dmcf-ptype"),
        content: &[sel(None, Some("article_view"), None)],
        remove: &[],
        person_links: &[],
        // The header's first field (`<div class="info_view"><span class="txt_info">박상우
        // </span><span class="txt_info"><span class="num_date">…`): the reporter, often a
        // bare name.
        byline: &[sel(None, Some("txt_info"), None)],
        deck: &[],
        published: &[],
    },
    SiteRule {
        name: "hankyung.com",
        domains: &["hankyung.com"],
        signature: &[sel(None, None, Some("articletxt"))],
        signature_attr: None,
        content: &[sel(None, None, Some("articletxt"))],
        remove: &[],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
    // Broadcasters: the page prints the transcript twice (a hidden print copy after the
    // body: `div.hide > #mailHtmlContents`), and lists of other stories right after it.
    SiteRule {
        name: "news.kbs.co.kr",
        domains: &["news.kbs.co.kr"],
        signature: &[sel(None, None, Some("cont_newstext"))],
        signature_attr: None,
        content: &[sel(None, None, Some("cont_newstext"))],
        remove: &[],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
    // The story's container holds the reporter's photo, section and share buttons above the
    // body, and reaction and comment prompts below it.
    SiteRule {
        name: "imnews.imbc.com",
        domains: &["imnews.imbc.com"],
        signature: &[sel(Some("div"), Some("news_txt"), None)],
        signature_attr: Some("articleBody"),
        content: &[sel(Some("div"), Some("news_txt"), None)],
        remove: &[],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
    // The body opens with the video player and its notice for old browsers (hidden unless the
    // browser is IE 10): neither is the story.
    SiteRule {
        name: "mbn.co.kr",
        domains: &["mbn.co.kr"],
        signature: &[sel(None, None, Some("newsViewArea"))],
        signature_attr: None,
        content: &[sel(None, None, Some("newsViewArea"))],
        remove: &[sel(None, None, Some("player"))],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
    // A list story (`[인사]`, `[부고]`: lines of posts and names, no sentence) scores too
    // little to be chosen by its text alone.
    SiteRule {
        name: "yna.co.kr",
        domains: &["yna.co.kr"],
        signature: &[sel(Some("div"), Some("story-news"), None)],
        signature_attr: None,
        content: &[sel(Some("div"), Some("story-news"), None)],
        remove: &[],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
    SiteRule {
        name: "ndsoft",
        domains: &[],
        signature: &[sel(None, None, Some("article-view-content-div"))],
        signature_attr: None,
        content: &[sel(None, None, Some("article-view-content-div"))],
        // The reporter box at the end of the body (name, email, "다른기사 보기"): the byline
        // is read from the page, not from the body.
        remove: &[sel(None, Some("view-editors"), None)],
        person_links: &[],
        byline: &[],
        deck: &[],
        published: &[],
    },
];

/// The rule an article was read by, as the export names it in `extractor.rule`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleUsed {
    /// The outlet's site rule, found by the page's address or its markup: `site:<name>`.
    Site(&'static str),
    /// A CMS family's rule (one with no domains) whose container holds the article:
    /// `cms:<name>`.
    Cms(&'static str),
    /// No rule's container: Readability-grade scoring chose the article: `generic`.
    #[default]
    Generic,
}

impl RuleUsed {
    /// The CMS family whose content selector `node` (a container a rule flagged) matches.
    pub fn cms_of(scan: &crate::scan::Scan, node: u32) -> RuleUsed {
        let tag = scan.nodes[node as usize].tag;
        let class = scan.attr(node, "class").unwrap_or_default();
        let id = scan.attr(node, "id").unwrap_or_default();
        generic_content_rules()
            .find(|r| r.content.iter().any(|s| s.matches(tag.name(), &class, &id)))
            .map_or(RuleUsed::Generic, |r| RuleUsed::Cms(r.name))
    }
}

impl std::fmt::Display for RuleUsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleUsed::Site(name) => write!(f, "site:{name}"),
            RuleUsed::Cms(name) => write!(f, "cms:{name}"),
            RuleUsed::Generic => f.write_str("generic"),
        }
    }
}

/// The first element a selector matches (the start tag is searched for the class or id
/// first: most elements have neither).
pub fn find(scan: &crate::scan::Scan, s: &Selector, from: u32, to: u32) -> Option<u32> {
    let needle = s.class.or(s.id)?;
    (from..to.min(scan.nodes.len() as u32)).find(|&i| {
        let raw = scan.raw_start_tag(i);
        raw.contains(needle) && {
            let class = scan.attr(i, "class").unwrap_or_default();
            let id = scan.attr(i, "id").unwrap_or_default();
            s.matches(scan.nodes[i as usize].tag.name(), &class, &id)
        }
    })
}

/// How many signature selectors the scan can note (the bits of a `u32`); a test keeps
/// [`SITE_RULES`] within it.
const MAX_SIGNATURES: usize = 32;

/// Every site rule's signature selectors with their rule, in order: bit k of
/// [`signature_bits`] and of the scan's `signatures` stands for the k-th.
fn signatures() -> impl Iterator<Item = (&'static SiteRule, &'static Selector)> {
    SITE_RULES
        .iter()
        .filter(|r| !r.domains.is_empty())
        .flat_map(|r| r.signature.iter().map(move |s| (r, s)))
        .take(MAX_SIGNATURES)
}

/// The signature selectors whose class part a class attribute satisfies (the scan keeps this
/// per class string, as it keeps the hint bits).
pub fn signature_class_bits(class: &str) -> u32 {
    signatures().enumerate().fold(0, |bits, (k, (_, s))| {
        bits | u32::from(s.class_matches(class)) << k
    })
}

/// The signature selectors an element matches, given its tag, [`signature_class_bits`] of
/// its class and its id.
pub fn signature_bits(tag: &str, class_bits: u32, id: &str) -> u32 {
    signatures().enumerate().fold(0, |bits, (k, (_, s))| {
        let ok = class_bits & 1 << k != 0
            && s.tag.is_none_or(|t| t.eq_ignore_ascii_case(tag))
            && s.id.is_none_or(|i| i == id);
        bits | u32::from(ok) << k
    })
}

/// The rule whose markup signature a page bears, for a page whose address names no rule (a
/// saved copy or a mirror of a Naver or Daum page). Rules without domains apply anyway.
pub fn site_rule_by_markup(scan: &crate::scan::Scan) -> Option<&'static SiteRule> {
    let n = scan.nodes.len() as u32;
    signatures()
        .enumerate()
        // The scan noted which signatures some element matches: most pages bear none, and
        // the element is looked for only on a page that bears one.
        .filter(|(k, _)| scan.signatures & 1 << k != 0)
        .find(|(_, (r, s))| {
            find(scan, s, 0, n).is_some_and(|found| {
                r.signature_attr.is_none_or(|a| {
                    let node = &scan.nodes[found as usize];
                    scan.html[node.start as usize..node.end as usize].contains(a)
                })
            })
        })
        .map(|(_, (r, _))| r)
}

/// The rule for a URL's host (a rule with no domains applies wherever its selectors match).
pub fn site_rule_for(url: &str) -> Option<&'static SiteRule> {
    let host = crate::url::host(url)?;
    SITE_RULES.iter().find(|r| {
        r.domains
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    })
}

/// Rules that apply on every page: containers some CMS families always use, and what those
/// families always put inside them.
pub fn generic_content_rules() -> impl Iterator<Item = &'static SiteRule> {
    SITE_RULES.iter().filter(|r| r.domains.is_empty())
}

/// `<script id>`s in which a CMS family hands its story to the browser as hydration state:
/// Arc XP's `fusion-metadata` (`Fusion.globalContent = {…}`: chosun.com and Arc sites
/// worldwide). A page whose server sent no article markup (chosun.com serves `Could not
/// render component [layouts:article]` to some clients) is read from it (`crate::hydration`).
pub const HYDRATION_SCRIPT_IDS: &[&str] = &["fusion-metadata"];

/// Person links on any page: anchors whose class says they link to a person's profile.
pub const PERSON_LINK_CLASSES: &[&str] =
    &["human_link", "person_link", "people_link", "tag_person"];

// Class/id hints (Readability's lists, extended with Korean CMS names). Matched as substrings
// of the lowercased `class` + `id`.
pub const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "reply",
    "foot_box",
    "detail_control",
    "control_box",
    "news_relation",
    "ad_area",
    "copyright",
    "sns",
    "share",
    "newsletter",
    "subscribe",
    // A reader-support box (pressian's `box_donation`: `이 기사의 구독료를 내고 싶습니다`).
    "donat",
];
pub const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", "editor", "view",
    "embed",
];
pub const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "reply",
    "copyright",
    "relation",
    "ad_area",
    "control",
    "sns",
    "byline",
    "recommend",
    "popular",
    "newsletter",
];
pub const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
    "editor",
    "news_view",
    "article_view",
    "articletxt",
    "dic_area",
    "view_con",
];
/// Classes a portal's header gives the label of the outlet that wrote the story (ZUM's
/// `<span class="media">`, Nate's `<a class="medium">`, Naver's old `<span class="press">`,
/// MSN's `<a class="provider-logo"><img alt="뉴시스 로고">`).
pub const PORTAL_PRESS_CLASSES: &[&str] = &["media", "medium", "press", "provider-logo"];
/// Hints that an element holds the byline.
pub const BYLINE_HINTS: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "writtenby",
    "p-author",
    "reporter",
    // Korean CMSs' spelling (donga.com's `<p class='repoter'>`).
    "repoter",
    "writer",
    "journalist",
];
/// Hints that an element holds the article's date.
pub const DATE_HINTS: &[&str] = &[
    "date",
    "timestamp",
    "pubdate",
    "published",
    "updated",
    "posted-on",
    "entry-meta",
    "article-meta",
    "post-meta",
    "meta-info",
    "article__meta",
];
/// Roles whose elements are never article content.
pub const NOISE_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// A picture's link to its larger copy, by its label (한국경제 2011's `<div class="articleImg"><img>
/// <a class="ico_imgMore">사진 크게보기</a><p class="txt">…`, 이데일리 2013's `<a class="gal">`): no
/// text of the story, and no text of the picture's box beside its caption.
pub const PICTURE_LINK_LABELS: &[&str] = &[
    "사진 크게보기",
    "이미지 크게보기",
    "크게보기",
    "사진 확대",
    "사진확대",
    "확대보기",
    "원본보기",
    "사진 원본보기",
    // (오마이뉴스's row under a picture's caption: `<td class="photo_tag">관련사진보기</td>`.)
    "관련사진보기",
];

/// How a breadcrumb printed as text opens (lowercased): the home page (`HOME > 뉴스 > KBL`).
pub const BREADCRUMB_HOMES: &[&str] = &["home", "홈", "홈으로", "메인"];

/// Short blocks made only of these words are page chrome (buttons, headings of lists, comment
/// forms, ad labels, an embed's consent placeholder), in English, Korean, German, French and
/// Spanish.
pub const CHROME_PHRASES: &[&str] = &[
    // 뉴시스's line under its pictures and stories (`*재판매 및 DB 금지`).
    "재판매 및 db 금지",
    // An audio player's label (its time `0:00` beside it is trimmed as a count).
    "기사를 읽어드립니다",
    "기사 읽어주기",
    "기사 듣기",
    "음성으로 듣기",
    "본문 듣기",
    // A view count (`조회수 : 1,482`: the count trimmed).
    "조회수",
    "조회",
    // A reaction box's heading over its buttons (경향신문's `이 기사에 대한 반응`).
    "이 기사에 대한 반응",
    "공유하기",
    "기사보내기",
    "url복사",
    "url 복사",
    // A comment box's prompt (서울경제's `이 기사에 댓글을 남겨보세요`).
    "이 기사에 댓글을 남겨보세요",
    "인쇄하기",
    "인쇄",
    "스크랩",
    // A toolbar's mail button (전자신문 2012's `<a href="javascript:mailArticle();">메일</a>`).
    "메일",
    "확대",
    "축소",
    "글자크기",
    "글씨크기",
    "좋아요",
    // A board's vote button and its count (`추천 : 0`).
    "추천",
    "추천하기",
    "후속기사 원해요",
    "관련기사",
    "관련 기사",
    "인기기사",
    "최신기사",
    "많이 본 뉴스",
    "많이 본 기사",
    // A recommendation widget's heading (Dable's `당신이 좋아할 만한 기사`).
    "당신이 좋아할 만한 기사",
    "함께 보면 좋은 기사",
    "추천 기사",
    "추천기사",
    "댓글",
    "로그인 후 댓글을 작성하실 수 있습니다",
    "다른기사보기",
    "다른 기사 보기",
    "기사 더보기",
    "구독",
    "구독하기",
    "구독중",
    // A story page's buttons and box headings, alone on a line (`이 기사를 공유합니다`, `기사
    // 원문 보기`, `신고하기`, `맨 위로`, `이전 기사`).
    "이 기사를 공유합니다",
    "번역하기",
    "sns 공유",
    "url 복사하기",
    "기사 원문 보기",
    "원문 보기",
    "기사원문보기",
    "신고하기",
    "독자의견",
    "포토뉴스",
    "오늘의 운세",
    "많이 본 기사 top",
    "많이 본 뉴스 top",
    "기사 목록",
    "목록",
    "맨 위로",
    "맨위로",
    "이전 기사",
    "다음 기사",
    "이전기사",
    "다음기사",
    "share",
    "share this",
    "share this article",
    "tweet",
    "print",
    "email",
    "comments",
    "related articles",
    "related stories",
    "most viewed",
    "most read",
    "most popular",
    "top stories",
    "font size",
    "previous article",
    "next article",
    "report an error",
    "read more",
    "advertisement",
    "광고",
    "sponsored",
    "subscribe",
    "sign up",
    "follow us",
    "more stories",
    "advert",
    "ad",
    "this slideshow requires javascript.",
    "tell us what you think...",
    // A reaction box's prompt over its buttons (The Korea Times' `How do you feel about this
    // article?` over `Like 12`, `Sad 31`).
    "how do you feel about this article",
    "was this article helpful",
    "updated",
    "skip advert",
    "story continues below advertisement",
    "continue reading below",
    "article continues below advertisement",
    "scroll to continue with content",
    // German, French, Spanish: buttons, toggles, ad labels.
    "teilen",
    "drucken",
    "einbetten",
    "kommentare",
    "weiterlesen",
    "zurück",
    "nach oben",
    "werbung",
    "anzeige",
    "quellen ausblenden",
    "quellen anzeigen",
    "empfohlener redaktioneller inhalt",
    "partager",
    "imprimer",
    "commentaires",
    "lire la suite",
    "publicité",
    "compartir",
    "imprimir",
    "comentarios",
    "leer más",
    "seguir leyendo",
    "publicidad",
];

/// What a short line that ends the body says when it sends the reader elsewhere rather than
/// telling the story: subscriptions and memberships, the outlet's own channels and apps,
/// log-in and comment prompts, rating and sharing prompts (English, German, Spanish, French).
/// Lowercase, matched as whole words (`subscribe`, not `subscribers`) in a line of at most
/// 200 bytes among the last lines of the body.
pub const CLOSING_PROMPTS: &[&str] = &[
    // Subscriptions and memberships.
    "subscribe",
    "sign up",
    "newsletter",
    "newsletters",
    "suscríbete",
    "hazte miembro",
    "abonnieren",
    "abonnez-vous",
    "inscrivez-vous",
    "registrieren",
    // The outlet's channels and apps.
    "download the",
    "get the latest",
    "follow us",
    "canal de telegram",
    "canal de youtube",
    "canal de whatsapp",
    "únete",
    "síguenos",
    "folgen sie uns",
    "suivez-nous",
    // Log-in and comment prompts.
    "log in to comment",
    "leave a comment",
    "questions or comments to",
    "eingeloggt",
    "einloggen",
    "keine kommentare",
    "in den kommentaren",
    // Rating and sharing prompts.
    "was this article helpful",
    "rate this article",
    "diesen artikel",
    "artikel teilen",
    "artikel nützlich",
    "artikel hilfreich",
    // Korean: subscribe to the outlet or the reporter, add its channel, get its app, support it.
    "구독하기",
    "구독신청하기",
    "구독 신청하기",
    "구독하세요",
    "구독해주세요",
    "구독해 주세요",
    "기자 구독",
    "네이버 구독",
    "채널을 추가하세요",
    "채널 추가하세요",
    // A messenger's or the outlet's link labels (`[테스트일보 바로가기] [카카오톡 친구추가]`).
    "친구추가",
    "친구 추가",
    "바로가기",
    "앱 다운로드",
    "앱 설치",
    "앱설치",
    "앱 설치하기",
    "뉴스레터 신청",
    "뉴스레터 구독",
    "후원하기",
    "정기후원",
    "후원해 주세요",
    "후원해주세요",
    "후원으로 만듭니다",
    "후원으로 만들어집니다",
    "구독료로 만듭니다",
    // A portal's (`《포털에서 '주간동아' 구독하시면 더 많은 기사를 보실 수 있습니다.》`).
    "구독하시면",
    // A portal's comment policy (`이 기사의 댓글 정책을 결정한 곳은 테스트일보입니다.`).
    "댓글 정책을 결정한 곳은",
    // A public page's survey (`이 기사에 대해 평가해 주세요.`, `이 페이지에서 제공하는 정보에 대하여
    // 만족하십니까?`).
    "평가해 주세요",
    "만족하십니까",
    // A paywall's (`이어지는 내용이 궁금하신가요?`).
    "이어지는 내용이 궁금하신가요",
    // A social account's (`GOAL 한국어 최신 소식은 팔로우하고 받아보세요!`).
    "팔로우하고",
    "팔로우하세요",
    // Korean: a paywall's teaser (`이 기사는 한경 회원에게만 전문이 공개됩니다.`).
    "회원에게만 전문이 공개됩니다",
    // Korean: a recommendation button's line (a reaction box's question is
    // `korean::is_reader_question`).
    "이 기사를 추천합니다",
    // A newsletter's prompt (`… 뉴스레터를 구독하고 매일 아침 … 받아보세요.`).
    "뉴스레터를 구독하고",
    "뉴스레터를 구독하세요",
    // (`*‘오늘의 한겨레21’ 뉴스레터를 신청하시면 매주 표지이야기를 먼저 받아보실 수 있습니다.`)
    "뉴스레터를 신청하시면",
    "뉴스레터를 신청하세요",
    // Korean: a comment form's log-in prompt (`의사 회원만 댓글을 작성할 수 있습니다. … 로그인
    // 해주세요.`).
    "댓글을 작성할 수 있습니다",
    "댓글을 작성하려면",
    "로그인 해주세요",
    "로그인해주세요",
    "로그인해 주세요",
    "로그인 후 이용",
    "로그인 후 의견",
    "로그인 후 댓글",
    "의견을 남길 수 있습니다",
    "댓글을 남길 수 있습니다",
];

/// Labels that open a caption or a credit printed as a line of the body: a picture's
/// (`Foto: MDR/Bernd Cramer`, `(Credit: Clayton Aldern / Grist)`, `Abbildung: Vergleich …`,
/// `Crédits photos : Bestimage`) or the source of a chart, a table or a release (`Source: The
/// Treasury`, `Quelle: Landesregierung`); also the words a credit's `©` follows inside a
/// caption (`… Foto © Jörg Gemsch`). Lowercase, compared with the words before the first colon
/// (a figure's number dropped: `Bild2:`); English, German, French, Spanish.
pub const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photo credit",
    "photo credits",
    "photograph",
    "image",
    "images",
    "image credit",
    "image source",
    "picture",
    "credit",
    "credits",
    "foto",
    "fotos",
    "fotocredit",
    "bild",
    "bilder",
    "bildquelle",
    "fotoquelle",
    "bildnachweis",
    "fotonachweis",
    "abbildung",
    "abb.",
    "crédit",
    "crédits",
    "crédit photo",
    "crédits photo",
    "crédits photos",
    "crédito",
    "créditos",
    "imagen",
    // Sources.
    "source",
    "sources",
    "quelle",
    "quellen",
    "fuente",
    "fuentes",
];

/// How a blog's line that files the post opens (`This entry was posted in Podcast and tagged
/// …`, `Filed under: …`, `Tags: …`): English, German, French, Spanish. Lowercase, compared with
/// the start of a line of 250 bytes at most.
pub const FILING_LINE_OPENINGS: &[&str] = &[
    "this entry was posted",
    "filed under",
    "tagged with",
    "tags:",
    "tagged:",
    "category:",
    "categories:",
    "dieser eintrag wurde",
    "abgelegt unter",
    "kategorie:",
    "kategorien:",
    "schlagwörter:",
    "schlagworte:",
    "publié dans",
    "catégorie :",
    "catégories :",
    "etiquetas:",
    "categoría:",
    "categorías:",
];

/// A wire service credited on a line of its own under the story (`Yonhap` under a Korea
/// JoongAng Daily story; Korean wires in [`crate::korean::vocab::WIRE_CREDITS`]): the
/// source, not the text.
pub const WIRE_CREDITS: &[&str] = &[
    "Yonhap",
    "(Yonhap)",
    "AFP-Yonhap",
    "AP",
    "(AP)",
    "AFP",
    "(AFP)",
    "Reuters",
    "(Reuters)",
    "Xinhua",
];

/// English's commonest function words: a few in a sentence say it is English.
pub const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "for", "on", "with", "is", "was", "that", "said",
];

/// A writer's title printed after the name in a byline (`By Kim Se-jin Staff reporter`, `Jane
/// Doe, Senior Editor`), or a card's label before it (`Reporter Profile LEE YOON-SEO`):
/// lowercase words, not part of the name.
pub const BYLINE_TITLE_WORDS: &[&str] = &[
    "staff",
    "senior",
    "chief",
    "contributing",
    "special",
    "reporter",
    "writer",
    "correspondent",
    "editor",
    "columnist",
    "contributor",
    // Two reporters signing together (`…, staff reporters`).
    "reporters",
    "writers",
    "correspondents",
    // A reporter card's labels and buttons (`Reporter Profile`, `Kim Ji-yeon Email jiyeon@…`,
    // `Kim Na-young Follow`).
    "profile",
    "email",
    "follow",
];

/// The post's permanent link, named on a line that files the post (`… | Permalink`,
/// `Permalien https://p.dw.com/p/RPYx`). Lowercase, matched as whole words.
pub const PERMALINK_WORDS: &[&str] = &["permalink", "permanentlink", "permalien"];

/// Words of the button rows around a story (share, print, font size, reactions): a short
/// line made of these and numbers only is a toolbar, whatever order the buttons come in
/// (`좋아요 0 싫어요 0 후속기사원해요 0`, `페이스북 트위터 카카오톡 URL복사`).
pub const TOOLBAR_WORDS: &[&str] = &[
    "공유",
    "공유하기",
    "페이스북",
    "트위터",
    "카카오톡",
    "카카오스토리",
    "카카오",
    "밴드",
    "네이버블로그",
    "블로그",
    "링크복사",
    "url복사",
    "url",
    "복사",
    "인쇄",
    "인쇄하기",
    "스크랩",
    "북마크",
    "저장",
    "기사저장",
    "좋아요",
    "싫어요",
    "슬퍼요",
    "화나요",
    "놀라워요",
    "놀랐어요",
    "공감",
    "공감해요",
    "훈훈해요",
    "감동이에요",
    "최고예요",
    "최고에요",
    "추천",
    "추천해요",
    "응원해요",
    "후속기사원해요",
    "후속기사",
    "원해요",
    // Naver's reaction buttons (`훈훈해요 0 … 후속요청 0`, `쏠쏠정보 0 흥미진진 0 공감백배 0 분석탁월
    // 0 후속강추 0`) and its reporter card's (`기자 프로필 구독 구독중`).
    "후속요청",
    "쏠쏠정보",
    "흥미진진",
    "공감백배",
    "분석탁월",
    "후속강추",
    "기자",
    "프로필",
    "구독중",
    "구독자",
    "응원",
    "응원수",
    "구독",
    "구독하기",
    "글자크기",
    "글씨크기",
    "글자",
    "크기",
    "설정",
    // A text-to-speech player's (`기사 읽어주기 재생`, `본문 듣기 시작`).
    "기사",
    "본문",
    "읽어주기",
    "듣기",
    "재생",
    "일시정지",
    "정지",
    "시작",
    "종료",
    "확대",
    "축소",
    // (한국일보 2010's `글자 크게 글자 작게 인쇄하기 이메일 보내기 스크랩`.)
    "크게",
    "작게",
    "이메일",
    "메일",
    "보내기",
    "가",
    // (An English toolbar's `A+ A-`.)
    "a",
    "닫기",
    "번역",
    "번역하기",
    "조절",
    "글씨",
    "댓글",
    "facebook",
    "twitter",
    "x",
    "kakao",
    "kakaotalk",
    "line",
    "band",
    "share",
    "print",
    "email",
    "mail",
    "copy",
    "link",
    "like",
    "comments",
];

/// Class names of a layout grid's boxes (`row`, `col-md-8`, `container`, `panel`): they repeat
/// by design, whatever they hold, so boxes of one of these classes are no sections of one
/// story. Matched as a whole class token or its first part before `-`.
pub const LAYOUT_CLASSES: &[&str] = &[
    "row",
    "col",
    "column",
    "container",
    "panel",
    "grid",
    "wrapper",
];

/// Whether a class attribute names a layout grid's box ([`LAYOUT_CLASSES`]).
pub fn is_layout_class(class: &str) -> bool {
    class.split_ascii_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        let head = token.split(&['-', '_'][..]).next().unwrap_or_default();
        LAYOUT_CLASSES.contains(&token.as_str()) || LAYOUT_CLASSES.contains(&head)
    })
}

/// Headings of lists that are not the story ("You may also like", "관련기사"); the list that
/// follows such a heading goes with it.
pub const RELATED_HEADINGS: &[&str] = &[
    "you may also like",
    "don't miss",
    "see more",
    "read more",
    "related",
    "more from",
    "recommended",
    "most popular",
    "trending",
    "more stories",
    "you might also like",
    "also read",
    "read next",
    "more on this",
    "popular",
    "latest",
    "관련기사",
    "관련 기사",
    "많이 본 뉴스",
    "인기기사",
    "최신기사",
    "추천기사",
    "함께 보면 좋은 기사",
    "주요기사",
    "주요뉴스",
    // (`오늘의 핫뉴스`, `[테스트일보 핫이슈]`.)
    "핫뉴스",
    "핫이슈",
    "화제의 뉴스",
];

/// Copyright notices (moved out of the body into `copyright`).
pub const COPYRIGHT_MARKERS: &[&str] = &[
    "무단전재",
    "무단 전재",
    "재배포금지",
    "재배포 금지",
    "all rights reserved",
    "ai 학습 이용 금지",
    "ai학습 이용 금지",
    "copyright ©",
    "copyright (c)",
    "© copyright",
    // A public office's licence (`… 공공누리 제1유형에 따라 출처표시 후 자유롭게 이용할 수 있습니다.`).
    "공공누리",
];

pub const SHARE_HINTS: &[&str] = &[
    "share",
    "sns",
    "social",
    "sharing",
    "print",
    "font-size",
    "fontsize",
    "zoom",
    "scrap",
    "bookmark",
    "tool",
];
pub const COMMENT_HINTS: &[&str] = &["comment", "reply", "disqus", "captcha"];
pub const RELATED_HINTS: &[&str] = &[
    "related",
    "relation",
    "recommend",
    "popular",
    "most-read",
    "mostread",
    "latest",
    "more-stories",
    "ranking",
    "best_news",
    "hot_news",
    "list_news",
];
pub const COPYRIGHT_HINTS: &[&str] = &["copyright", "license"];
pub const CAPTION_HINTS: &[&str] = &[
    "caption",
    "credit",
    "figcaption",
    "photo_desc",
    "img_desc",
    // (조선일보 2010's `<dd class="img_cap">` under its picture.)
    "img_cap",
    "photo_cap",
    // (오마이뉴스's `<div class="pic_txt">` of a title, a line and a credit, beside its picture.)
    "pic_txt",
];
pub const FIGURE_HINTS: &[&str] = &["figure", "photo", "image", "img", "thum"];
pub const EMBED_HINTS: &[&str] = &["embed"];

/// One bit per hint list: which lists have a word inside a lowercased class or id.
pub mod hint {
    pub const UNLIKELY: u32 = 1;
    pub const MAYBE: u32 = 1 << 1;
    pub const NEGATIVE: u32 = 1 << 2;
    pub const POSITIVE: u32 = 1 << 3;
    pub const BYLINE: u32 = 1 << 4;
    pub const DATE: u32 = 1 << 5;
    pub const SHARE: u32 = 1 << 6;
    pub const COMMENT: u32 = 1 << 7;
    pub const RELATED: u32 = 1 << 8;
    pub const COPYRIGHT: u32 = 1 << 9;
    pub const CAPTION: u32 = 1 << 10;
    pub const FIGURE: u32 = 1 << 11;
    pub const EMBED: u32 = 1 << 12;
    /// Set by [`super::is_ad_hint`], not by the word table (ads need whole words).
    pub const AD: u32 = 1 << 13;
    pub const SCREEN_READER: u32 = 1 << 14;
}

/// Every hint word with the lists it belongs to, bucketed by first byte, so that one walk over
/// a class string answers all lists at once (the scan does this for every element with a
/// class or id: separate `contains` calls per list were a third of the engine's time).
/// Hint words grouped by their first two bytes: `starts[key]..starts[key + 1]` indexes the
/// words whose first two bytes are `key`, each with its list bits.
struct HintTable {
    starts: Vec<u16>,
    words: Vec<(&'static [u8], u32)>,
}

fn two_bytes(b: &[u8]) -> usize {
    (usize::from(b[0]) << 8) | usize::from(b[1])
}

fn hint_table() -> &'static HintTable {
    static TABLE: std::sync::OnceLock<HintTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u32); 14] = [
            (UNLIKELY, hint::UNLIKELY),
            (MAYBE_CANDIDATE, hint::MAYBE),
            (NEGATIVE, hint::NEGATIVE),
            (POSITIVE, hint::POSITIVE),
            (BYLINE_HINTS, hint::BYLINE),
            (DATE_HINTS, hint::DATE),
            (SHARE_HINTS, hint::SHARE),
            (COMMENT_HINTS, hint::COMMENT),
            (RELATED_HINTS, hint::RELATED),
            (COPYRIGHT_HINTS, hint::COPYRIGHT),
            (CAPTION_HINTS, hint::CAPTION),
            (FIGURE_HINTS, hint::FIGURE),
            (EMBED_HINTS, hint::EMBED),
            (SCREEN_READER_CLASSES, hint::SCREEN_READER),
        ];
        let mut words: Vec<(&'static [u8], u32)> = Vec::new();
        for (list, bit) in lists {
            for w in list {
                assert!(w.len() >= 2, "hint words have two bytes or more: {w}");
                match words.iter_mut().find(|(k, _)| *k == w.as_bytes()) {
                    Some(entry) => entry.1 |= bit,
                    None => words.push((w.as_bytes(), bit)),
                }
            }
        }
        let mut starts = vec![0u16; (1 << 16) + 1];
        for (w, _) in &words {
            starts[two_bytes(w) + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        // Each word into its first two bytes' bucket, in list order: a counting sort, which
        // adds no sort routine to the .wasm.
        let mut next = starts.clone();
        let mut bucketed = vec![(&b""[..], 0); words.len()];
        for (w, bit) in words {
            let slot = &mut next[two_bytes(w)];
            bucketed[usize::from(*slot)] = (w, bit);
            *slot += 1;
        }
        HintTable {
            starts,
            words: bucketed,
        }
    })
}

/// Which hint lists have a word inside `lower` (an already lowercased class or id); a short
/// word inside a hashed id does not count ([`by_chance`]).
// Always inlined: it runs for every class and id of the page, and a second caller (choose's
// sibling check) made LLVM keep it out of line (the scan's hint lookups 1.3% slower in wasm).
#[inline(always)]
pub fn hint_bits(lower: &str) -> u32 {
    let table = hint_table();
    let b = lower.as_bytes();
    let mut bits = 0;
    for i in 0..b.len().saturating_sub(1) {
        let key = two_bytes(&b[i..]);
        let (from, to) = (table.starts[key], table.starts[key + 1]);
        for (word, bit) in &table.words[usize::from(from)..usize::from(to)] {
            if b[i..].starts_with(word) && !by_chance(b, i, word.len()) {
                bits |= bit;
            }
        }
    }
    bits
}

/// Hint words this short (`sns`, `rss`) occur by chance inside generated ids …
const CHANCE_HINT_MAX_LEN: usize = 3;

/// … so one is no hint inside a run of letters and digits (`…-long-term-NbsNS8`) unless it
/// starts the run (`sns2`, `sns_box3`, `btn-sns`): a hashed suffix is no word.
fn by_chance(b: &[u8], at: usize, len: usize) -> bool {
    if len > CHANCE_HINT_MAX_LEN || at == 0 || !b[at - 1].is_ascii_alphanumeric() {
        return false;
    }
    let start = b[..at]
        .iter()
        .rposition(|c| !c.is_ascii_alphanumeric())
        .map_or(0, |p| p + 1);
    let end = b[at..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len(), |p| at + p);
    b[start..end].iter().any(u8::is_ascii_digit)
}

/// Classes of text only screen readers read, hidden on screen by the site's style sheet
/// (`<h3 class="blind">섹션기사</h3>` on Korean sites, Bootstrap's `sr-only`, WordPress's
/// `screen-reader-text`): parts of a class, read by the hint table with the other lists.
pub const SCREEN_READER_CLASSES: &[&str] = &[
    "blind",
    "screen_out",
    "sr-only",
    "show-for-sr",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
];

/// Whether a lowercased class or id names an ad slot: whole words like `ad`, `ads`,
/// `advert`, `dfp`, `taboola`, or `ad_`/`-ad-`/`ad-` parts (not "head", "shadow", "add",
/// "read_txt").
pub fn is_ad_hint(lower: &str) -> bool {
    // Split bytes, not chars: every byte of a non-ASCII character separates words, as the
    // character would.
    lower
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|w| {
            matches!(
                w,
                b"ad"
                    | b"ads"
                    | b"advert"
                    | b"advertisement"
                    | b"adsense"
                    | b"dfp"
                    | b"banner"
                    | b"sponsored"
                    | b"taboola"
                    | b"outbrain"
            )
        })
        || starts_word(lower, "ad_")
        || crate::markup::contains(lower, "-ad-")
        || lower.starts_with("ad-")
}

/// Whether `part` opens a word of `lower` (`ad_` in `top_ad_area`, not in 매일경제's
/// `read_txt` or a `head_tit`).
fn starts_word(lower: &str, part: &str) -> bool {
    lower
        .match_indices(part)
        .any(|(at, _)| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
}

/// Readability's class weight from the hint bits of the class and of the id: +25 for a
/// positive hint, -25 for a negative one, per attribute.
pub fn class_weight(class_bits: u32, id_bits: u32) -> i32 {
    let mut weight = 0;
    for bits in [class_bits, id_bits] {
        if bits & hint::NEGATIVE != 0 {
            weight -= 25;
        }
        if bits & hint::POSITIVE != 0 {
            weight += 25;
        }
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ad_slots_are_named_by_whole_words_or_word_openings() {
        for ad in [
            "ad",
            "top-ads",
            "ad_area",
            "top_ad_area",
            "ad-slot",
            "box-ad-1",
        ] {
            assert!(is_ad_hint(ad), "{ad}");
        }
        for not_ad in [
            "read_txt",
            "head_tit",
            "thread_list",
            "shadow",
            "add-comment",
        ] {
            assert!(!is_ad_hint(not_ad), "{not_ad}");
        }
    }

    #[test]
    fn selectors_match_class_tokens_not_substrings() {
        let s = sel(Some("div"), Some("detail_editor"), None);
        assert!(s.matches("DIV", "x detail_editor y", ""));
        assert!(!s.matches("div", "detail_editor2", ""));
        assert!(!s.matches("span", "detail_editor", ""));
        assert!(sel(None, None, Some("dic_area")).matches("article", "", "dic_area"));
    }

    #[test]
    fn site_rules_are_found_by_host() {
        let rule = site_rule_for("https://www.businesspost.co.kr/BP?command=article_view&num=1");
        assert_eq!(rule.map(|r| r.name), Some("businesspost.co.kr"));
        assert!(site_rule_for("https://example.com/a").is_none());
        assert!(site_rule_for("https://notbusinesspost.co.kr/").is_none());
    }

    #[test]
    fn class_weight_reads_hints() {
        let w = |c: &str, i: &str| class_weight(hint_bits(c), hint_bits(i));
        assert_eq!(w("article-body", ""), 25);
        assert_eq!(w("share-buttons", "comments"), -50);
        assert_eq!(w("", ""), 0);
    }

    #[test]
    fn every_signature_has_a_bit_in_the_scan() {
        let n: usize = SITE_RULES
            .iter()
            .filter(|r| !r.domains.is_empty())
            .map(|r| r.signature.len())
            .sum();
        assert!(n <= MAX_SIGNATURES, "{n} signature selectors");
    }

    #[test]
    fn layout_classes_are_whole_tokens_or_their_first_part() {
        for c in [
            "row",
            "col-xs-12",
            "panel panel-default",
            "x Container",
            "column-wrapper",
        ] {
            assert!(is_layout_class(c), "{c}");
        }
        for c in [
            "",
            "post",
            "story-body",
            "arrow",
            "rowing-club",
            "post-grid",
        ] {
            assert!(!is_layout_class(c), "{c}");
        }
    }

    #[test]
    fn short_hints_inside_hashed_ids_are_chance() {
        assert_eq!(
            hint_bits("monitoring-for-the-long-term-nbsns8") & hint::SHARE,
            0
        );
        for s in [
            "sns",
            "btn_sns",
            "sns_box3",
            "sns2",
            "icon-snsfb",
            "sharesns",
        ] {
            assert_ne!(hint_bits(s) & hint::SHARE, 0, "{s}");
        }
    }

    /// The plain definition `hint_bits` must agree with: does `hints` contain any word?
    fn hints_match(hints: &str, words: &[&str]) -> bool {
        words.iter().any(|w| hints.contains(w))
    }

    #[test]
    fn hint_bits_agree_with_the_word_lists() {
        for s in [
            "comments-area",
            "article__meta",
            "social-media-embed",
            "photo_desc x",
            "ad-slot",
            "detail_editor",
            // Words longer than eight bytes, whole and cut at the end.
            "advertisement-box",
            "x-advertisemen",
            "footer_copyright",
            "copyrigh",
            "related-articles sidebar",
            "screen-reader-text",
        ] {
            let bits = hint_bits(s);
            for (list, bit) in [
                (UNLIKELY, hint::UNLIKELY),
                (MAYBE_CANDIDATE, hint::MAYBE),
                (NEGATIVE, hint::NEGATIVE),
                (POSITIVE, hint::POSITIVE),
                (DATE_HINTS, hint::DATE),
                (SHARE_HINTS, hint::SHARE),
                (CAPTION_HINTS, hint::CAPTION),
            ] {
                assert_eq!(bits & bit != 0, hints_match(s, list), "{s} {bit}");
            }
        }
    }
}

//! Each real page that taught the engine something, reduced to a small fixture.

use malgeum::{extract, Options};

fn para(n: usize, word: &str) -> String {
    (0..n)
        .map(|i| format!("<p>{word} paragraph {i} tells the story, with enough words, commas, and detail to count as prose.</p>"))
        .collect()
}

fn run(html: &str) -> malgeum::Article {
    extract(html, "https://news.example.com/story", &Options::default()).unwrap()
}

/// nbcsports: reader comments are `<article class="comment-body">` inside `#comments`.
#[test]
fn comment_threads_stay_out_even_when_they_are_articles() {
    let html = format!(
        "<body><div class=story>{}</div><div id=comments class=comments-area><ol class=comment-list><li class=comment><article class=comment-body><div class=comment-content><p>Rivers is done, get a new quarterback, this is what I think about it all.</p></div></article></li></ol></div></body>",
        para(6, "Story")
    );
    let a = run(&html);
    assert!(a.text.contains("Story paragraph 5"));
    assert!(!a.text.contains("Rivers is done"), "{}", a.text);
}

/// nj.com: tweets quoted in the story sit in `div.social-media-embed`.
#[test]
fn embedded_posts_are_kept() {
    let html = format!(
        "<body><div class=article-body>{}<div class=social-media-embed><blockquote class=twitter-tweet><p>Yes this is real and the state spent half a million on it <a href=https://t.co/x>https://t.co/x</a></p>— Someone (@someone) <a href=https://twitter.com/x>November 18, 2019</a></blockquote></div>{}</div></body>",
        para(3, "Before"),
        para(3, "After")
    );
    let a = run(&html);
    assert!(a.text.contains("Yes this is real"), "{}", a.text);
}

/// express.co.uk, chron.com: the date line and byline inside the body are metadata.
#[test]
fn date_and_byline_lines_leave_the_body() {
    let html = format!(
        "<body><article><div class=article-body><div class=byline>By Robert Burns, AP National Security Writer</div><div class=date-published>PUBLISHED: 10:48, Tue, Nov 19, 2019</div>{}</div></article></body>",
        para(5, "Body")
    );
    let a = run(&html);
    assert!(!a.text.contains("PUBLISHED"), "{}", a.text);
    assert!(!a.text.contains("Robert Burns"), "{}", a.text);
    assert_eq!(
        a.byline.as_deref(),
        Some("By Robert Burns, AP National Security Writer")
    );
    assert_eq!(
        a.authors.first().map(|x| x.name.as_str()),
        Some("Robert Burns")
    );
}

/// express.co.uk: `<span class="caption">` under images is a caption, not prose.
#[test]
fn caption_classes_become_figcaptions() {
    let html = format!(
        "<body><div class=article-body>{}<div><img src=/a.jpg alt=A><span class=newsCaption>China has warned them (Image: GETTY)</span></div>{}</div></body>",
        para(3, "One"),
        para(3, "Two")
    );
    let a = run(&html);
    assert!(!a.text.contains("Image: GETTY"), "{}", a.text);
    assert!(
        a.content_html
            .contains("<figcaption>China has warned them (Image: GETTY)</figcaption>"),
        "{}",
        a.content_html
    );
}

/// cleveland.com: "You may also like..." and the list after it.
#[test]
fn related_headings_take_their_list() {
    let html = format!(
        "<body><div class=article-body>{}<h3>You may also like...</h3><ul><li><a href=/1>Who will make the Rock Hall in 2020?</a></li><li><a href=/2>Fans really want them in the Rock Hall</a></li></ul></div></body>",
        para(5, "Main")
    );
    let a = run(&html);
    assert!(!a.text.contains("You may also like"), "{}", a.text);
    assert!(!a.text.contains("Rock Hall"), "{}", a.text);
}

/// quantamagazine: the story is split into sibling sections of one class whose paragraphs sit
/// several levels down.
#[test]
fn sibling_sections_of_one_kind_are_one_story() {
    let section = |word: &str, n: usize| {
        format!("<section class='outer outer--content'><div class=container><div class=post__section><div class=post__content>{}</div></div></div></section>", para(n, word))
    };
    let html = format!(
        "<body>{}<figure><img src=/x.jpg></figure>{}<aside class=sidebar><a href=/t>tag</a></aside></body>",
        section("First", 2),
        section("Second", 9)
    );
    let a = run(&html);
    assert!(a.text.contains("First paragraph 0"), "{}", a.text);
    assert!(a.text.contains("Second paragraph 8"));
}

/// Readability's metadata rules (its test pages 003/004): `DC.title` is `dc:title`; a
/// `property` may name several keys; the last occurrence wins.
#[test]
fn meta_keys_are_read_as_readability_reads_them() {
    let html = format!(
        "<head><title>Title Element</title><meta name=DC.title content='Name title'><meta property='x:title dc:title' content='Property title'><meta property='dc:creator twitter:site_name' content='Creator Name'><meta name=author content=FAIL></head><body>{}</body>",
        para(5, "Text")
    );
    let a = run(&html);
    assert_eq!(a.title, "Property title");
    assert_eq!(a.byline.as_deref(), Some("Creator Name"));
}

/// The <title> of a page without metadata is cut at its last separator.
#[test]
fn title_element_loses_the_site_part() {
    let html = format!(
        "<head><title>Lorem ipsum dolor sit amet – My website</title></head><body>{}</body>",
        para(5, "Text")
    );
    assert_eq!(run(&html).title, "Lorem ipsum dolor sit amet");
    let short = format!(
        "<head><title>New Zealand - Wikipedia</title></head><body>{}</body>",
        para(5, "Text")
    );
    assert_eq!(
        run(&short).title,
        "New Zealand - Wikipedia",
        "a cut leaving two words is undone"
    );
}

/// breitbart: the byline is the element's textContent, runs joined without added spaces, as
/// Readability prints it.
#[test]
fn visible_bylines_read_as_text_content() {
    let html = format!(
        "<body><div class=byline>by <a href=/a>Lucas Nolan</a><time>22 Dec 2016</time></div><div class=entry-content>{}</div></body>",
        para(5, "Text")
    );
    assert_eq!(
        run(&html).byline.as_deref(),
        Some("by Lucas Nolan22 Dec 2016")
    );
}

/// folha: the JSON-LD `@type` is `ReportageNewsArticle`. Readability's type regex anchors only
/// its first and last alternatives, so `NewsArticle` matches inside it; the JSON-LD author and
/// date (with its `Z`) win over the meta date without an offset and the visible date line.
#[test]
fn json_ld_article_types_match_inside_longer_types() {
    let html = format!(
        "<head><script type=application/ld+json><![CDATA[{{\"@context\":\"http://schema.org\",\"@type\":\"ReportageNewsArticle\",\"headline\":\"Tite diz que errou\",\"datePublished\":\"2018-12-21T12:55:00Z\",\"author\":[{{\"@type\":\"Person\",\"name\":\"Bruno Rodrigues \"}}]}}]]></script><meta property=article:published_time content='2018-12-21 12:55:00'></head><body><div class=c-signature__author><time>21.dez.2018 às 10h55</time></div><article>{}</article></body>",
        para(5, "Text")
    );
    let a = run(&html);
    assert_eq!(a.byline.as_deref(), Some("Bruno Rodrigues"));
    assert_eq!(a.published.as_deref(), Some("2018-12-21T12:55:00Z"));
}

/// salon, spiceworks, seattletimes: a `dateline` or `author-date` element that holds only the
/// date is not a byline; nor is a date in an author `<meta>`.
#[test]
fn dates_are_never_bylines() {
    let html = format!(
        "<body><div class=articleInner><span class=dateline><span class=toLocalTime>Sunday, Feb 1, 2015 11:57 AM UTC</span></span><h1>The sharing economy is a lie</h1><span class=byline><a rel=author href=/w/eskow>Richard Eskow</a></span>{}</div></body>",
        para(5, "Text")
    );
    assert_eq!(run(&html).byline.as_deref(), Some("Richard Eskow"));
    let only_dates = format!(
        "<head><meta name=author content='April 28, 2019 at 6:01 am'></head><body><div class=author-date>Last Updated: January 7, 2025</div><article>{}</article></body>",
        para(5, "Text")
    );
    let a = run(&only_dates);
    assert_eq!(a.byline, None);
    assert!(a.authors.is_empty());
}

/// quanta, yahoo, wikia: an author element that holds the byline's parts (the byline above the
/// date, the author's link above their title, the name and beside it only `• 8h`) gives its
/// first part. One with an `itemprop=name` part gives that part, as Readability does.
#[test]
fn byline_containers_give_their_author_part() {
    let cases = [
        (
            "<div class=post__title__author-date><h6 class=byline><em class=byline__by>By</em> <a href=/authors/js><span class=byline__author>Joshua Sokol</span></a></h6><p><em>May 20, 2019</em></p></div>",
            "By Joshua Sokol",
        ),
        (
            "<div class=author><a class=author-link href=/author/ben>Ben Silverman</a><div class=author-title>Games Editor</div></div>",
            "Ben Silverman",
        ),
        (
            "<div class=byline><a href=/u/CC7567><img src=/a.png><span class='author vcard'><span class='author-name fn'>James Akinaka</span></span></a><span class=posted-time> • <time datetime=2017-02-23>8h</time></span></div>",
            "James Akinaka",
        ),
        (
            "<div class=author itemprop=author><span itemprop=name>By <span class=article-reporter>POST STAFF</span></span><div itemprop=name>NOVEMBER 20, 2019 10:43</div></div>",
            "By POST STAFF",
        ),
    ];
    for (byline, want) in cases {
        let html = format!(
            "<body><article><h1>A headline</h1>{byline}<div class=story>{}</div></article></body>",
            para(5, "Text")
        );
        assert_eq!(run(&html).byline.as_deref(), Some(want), "{byline}");
    }
}

/// firefox-nightly-blog, independent.co.uk: the byline sits in the article's own header
/// (`header.entry-header`, a header whose id names a share bar), which the unlikely-container
/// filter drops; inside the same <article> as the body and before it, it is the byline.
/// Bylines in a sidebar or in the comments stay out.
#[test]
fn the_article_header_keeps_its_byline() {
    let html = format!(
        "<body><aside class=sidebar><span class=byline>Sidebar Writer</span></aside><article class=post><header class=entry-header><h1>These Weeks in Firefox</h1><div class=entry-info><address class=vcard><a href=/author/mc rel=author>Mike Conley</a></address><time class='date published' datetime=2020-12-18T16:09:48+00:00>December 18, 2020</time></div></header><div class=entry-content>{}</div></article><section id=comments><ol class=comment-list><li class=comment><cite class='author fn'>John Doe</cite><p>Nice post.</p></li></ol></section></body>",
        para(6, "Text")
    );
    assert_eq!(run(&html).byline.as_deref(), Some("Mike Conley"));
    let no_header = format!(
        "<body><aside class=sidebar><span class=byline>Sidebar Writer</span></aside><article class=post><div class=entry-content>{}</div></article><section id=comments><ol class=comment-list><li class=comment><cite class='author fn'>John Doe</cite><p>Nice post.</p></li></ol></section></body>",
        para(6, "Text")
    );
    assert_eq!(run(&no_header).byline, None);
}

/// bbc: `property="og:article:author"` is `article:author` to Readability (the key is found
/// anywhere in the property). ietf: `name="DC.date.issued"` is read as `dc:date:issued`.
#[test]
fn meta_author_and_date_keys_are_found_as_readability_finds_them() {
    let html = format!(
        "<head><meta property=og:article:author content='BBC News'><meta name=DC.date.issued content=2014-12-15></head><body><article>{}</article></body>",
        para(5, "Text")
    );
    let a = run(&html);
    assert_eq!(a.byline.as_deref(), Some("BBC News"));
    assert_eq!(a.published.as_deref(), Some("2014-12-15"));
}

/// wikia: JSON-LD `creator` is the CMS account (`CC7567`); Readability reads only `author`.
/// The printed byline wins; `creator` is the last resort.
#[test]
fn json_ld_creator_is_the_last_resort() {
    let ld = "<script type=application/ld+json>{\"@context\":\"http://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Star Wars cuts\",\"creator\":\"CC7567\"}</script>";
    let with_byline = format!(
        "<head>{ld}</head><body><article><span class=author-name>James Akinaka</span>{}</article></body>",
        para(5, "Text")
    );
    assert_eq!(run(&with_byline).byline.as_deref(), Some("James Akinaka"));
    let without = format!(
        "<head>{ld}</head><body><article>{}</article></body>",
        para(5, "Text")
    );
    assert_eq!(run(&without).byline.as_deref(), Some("CC7567"));
}

fn korean_para(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>정부는 {i}일 이번 조치가 시장의 변동성을 낮추고 투자자 보호를 강화하기 위한 것이라고 설명했으며, 관계 부처와 함께 후속 대책을 마련하겠다고 밝혔다.</p>"))
        .collect()
}

/// Naver news (old `#articleBodyContents`, 아시아경제 copy): the meta author is the outlet
/// (`아시아경제 | 네이버`), the reporter line is followed by `▶` promotion links.
#[test]
fn korean_reporter_beats_an_outlet_meta_author_and_promo_links_go() {
    let html = format!(
        "<html lang=ko><head><title>수출 감소</title><meta property=og:article:author content=\"아시아경제 | 네이버\"></head><body><div id=articleBodyContents>[세종=아시아경제 주상돈 기자] 지난달 수출이 또 줄었다.<br><br>{}<br><br>주상돈 기자 don@asiae.co.kr<br><br><a href=/a><b>▶ 신강재강 해야 부자사주라고? 나는?</b></a><br><a href=/b><b>▶ 초간단 퀴즈 풀고, 아이패드 받자! </b></a><br><br>&lt;ⓒ아시아경제 무단전재 배포금지&gt;</div></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert_eq!(a.byline.as_deref(), Some("주상돈 기자"));
    assert_eq!(a.authors[0].email.as_deref(), Some("don@asiae.co.kr"));
    assert!(!a.text.contains("▶"), "{}", a.text);
    assert!(!a.text.contains("don@"), "{}", a.text);
}

/// 연합인포맥스 (ndsoft CMS, `#article-view-content-div`): the reporter is named only where
/// the story opens (`(서울=연합인포맥스) 신은실 기자 = …`), the email sits alone on the last
/// line, and after `(끝)` comes a service trailer that is not the story.
#[test]
fn wire_copy_lead_byline_email_line_and_trailer_after_the_end_mark() {
    let html = format!(
        "<html lang=ko><head><title>수수료 무료 이벤트</title></head><body><div id=article-view-content-div itemprop=articleBody>(서울=연합인포맥스) 신은실 기자 = 삼성선물이 미국 증시 3대 지수의 마이크로 상품에 대해 수수료 무료 이벤트를 진행한다고 5일 밝혔다.<br><br>{}<br><br>esshin@yna.co.kr<br><br>(끝)<br><br>본 기사는 인포맥스 금융정보 단말기로 16시 28분에 서비스된 기사입니다.<br>인포맥스 금융정보 서비스 문의 (398-5209)</div></body></html>",
        "오는 8월 말까지 거래하는 고객들은 다우존스 30 산업평균지수와 나스닥 지수 등 미국의 3대 지수 상품에 대해 무료 수수료가 적용된다.<br><br>".repeat(4)
    );
    let a = run(&html);
    assert_eq!(a.byline.as_deref(), Some("신은실 기자"));
    assert_eq!(a.authors[0].email.as_deref(), Some("esshin@yna.co.kr"));
    assert_eq!(a.dateline.as_deref(), Some("서울=연합인포맥스"));
    for gone in ["esshin@", "(끝)", "본 기사는", "서비스 문의"] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
    assert!(!a.content_html.contains("<p></p>"), "{}", a.content_html);
}

/// 연합뉴스TV: a broadcast transcript opens with the headline as a plain line, its series label
/// `[이슈+]` is not a dateline, and its tip line (`기사문의 및 제보 : 카톡/라인 jebo23`) is chrome.
#[test]
fn transcript_headline_line_series_label_and_tip_line() {
    let html = format!(
        "<html lang=ko><head><title>연합뉴스TV</title><meta property=og:title content=\"[이슈+] 고물가에 '짠테크' 인기…오픈채팅 '거지방' 유행\"></head><body><div id=articleBody class=detail itemprop=articleBody>[이슈+] 고물가에 '짠테크' 인기…오픈채팅 '거지방' 유행<br><br>{}연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23<br><br>(끝)<br><br></div></body></html>",
        "고물가 현상이 장기화하는 가운데, 소비문화가 바뀌고 있다는 평가가 나오고 있습니다. 최근 2030세대 사이에선 '짠테크'가 확산하고 있는데요.<br><br>".repeat(5)
    );
    let a = run(&html);
    assert!(a.text.starts_with("고물가 현상이"), "{}", a.text);
    assert_eq!(a.dateline, None);
    assert!(!a.text.contains("jebo23"), "{}", a.text);
    assert!(!a.content_html.contains("<p></p>"), "{}", a.content_html);
}

/// Naver news, old template: the date (`2019.11.02. 오전 8:09`) sits in a `div.sponsor` of the
/// article header above the body, with no byline element near it; the bracketed dateline names
/// the reporter, who belongs to the byline, not to the dateline.
#[test]
fn korean_date_line_above_the_body_and_dateline_without_the_reporter() {
    let html = format!(
        "<html lang=ko><head><title>수출 감소</title></head><body><div id=main_content><div class=article_header><div class=article_info><h3 id=articleTitle>11개월 연속 줄어든 수출</h3><div class=sponsor><span class=t11>2019.11.02. 오전 8:09</span> <a href=/original>기사원문</a></div></div></div><div id=articleBody><div id=articleBodyContents>[세종=아시아경제 주상돈 기자] 지난달 수출이 또 줄었다.<br><br>{}</div></div><ul class=latest><li>다른 기사 2025.01.01. 오후 3:00</li></ul></div></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert_eq!(a.published.as_deref(), Some("2019-11-02T08:09+09:00"));
    assert_eq!(a.dateline.as_deref(), Some("세종=아시아경제"));
    assert_eq!(a.byline.as_deref(), Some("주상돈 기자"));
}

/// 연합뉴스TV: `article:published_time` is given in UTC (`2023-04-18T06:04:06Z`); a Korean page
/// exports the same moment on Korean time, as the page prints it.
#[test]
fn korean_pages_give_their_dates_on_korean_time() {
    let html = format!(
        "<html lang=ko><head><title>짠테크</title><meta property=article:published_time content=2023-04-18T06:04:06Z><meta property=article:modified_time content=2023-04-18T23:30:00+00:00></head><body><article>{}</article></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert_eq!(a.published.as_deref(), Some("2023-04-18T15:04:06+09:00"));
    assert_eq!(a.modified.as_deref(), Some("2023-04-19T08:30:00+09:00"));
}

/// 연합뉴스TV: a line of hashtags closes the story (`#고물가 #짠테크 #거지방`); it is the
/// story's tags, not its text.
#[test]
fn hashtag_lines_become_tags() {
    let html = format!(
        "<html lang=ko><head><title>짠테크</title><meta name=keywords content=고물가></head><body><article>{}<p>#고물가 #짠테크 #거지방</p></article></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert_eq!(a.tags, ["고물가", "짠테크", "거지방"]);
    assert!(!a.text.contains('#'), "{}", a.text);
}

/// Old Naver and ndsoft pages have no `og:site_name`: the outlet the `<title>` ends with is the
/// site's name (and leaves the title).
#[test]
fn korean_site_name_from_the_title_suffix() {
    let html = format!(
        "<html lang=ko><head><title>수출 또 줄었다 &lt; 경제 &lt; 기사본문 - 어느뉴스</title></head><body><article>{}</article></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert_eq!(a.site_name.as_deref(), Some("어느뉴스"));
    assert_eq!(a.title, "수출 또 줄었다");
}

/// Old Naver: a photo is `<span class=end_photo_org><img><em class=img_desc>caption</em></span>`;
/// the caption-classed element becomes a figcaption in one figure with the image before it.
#[test]
fn a_caption_after_an_image_shares_its_figure() {
    let html = format!(
        "<html lang=ko><head><title>수출</title></head><body><div id=articleBodyContents><span class=end_photo_org><img src=https://img.example.com/photo.jpg alt=\"\"><em class=img_desc>(자료사진) [이미지출처=연합뉴스]</em></span><br><br>{}</div></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert!(
        a.content_html.contains("<figure><img src=\"https://img.example.com/photo.jpg\" alt=\"\"><figcaption>(자료사진)"),
        "{}",
        a.content_html
    );
    assert_eq!(
        a.images[0].caption.as_deref(),
        Some("(자료사진) [이미지출처=연합뉴스]")
    );
}

/// ndsoft CMS (연합인포맥스 and many small outlets): the reporter box `div.view-editors` closes
/// the body (name, email, "다른기사 보기"); it is not the story.
#[test]
fn ndsoft_reporter_box_leaves_the_body() {
    let html = format!(
        "<html lang=ko><head><title>수수료 이벤트 - 어느뉴스</title></head><body><article id=article-view-content-div>{}<div class=view-editors><div class=names>신은실 기자</div><div class=email>esshin@example.co.kr</div><a href=/list>다른기사 보기</a></div></article></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    assert!(!a.text.contains("esshin@"), "{}", a.text);
    assert!(!a.text.contains("다른기사"), "{}", a.text);
}

/// Korean outlets put rows of buttons inside the article container, in their own order and with
/// counts (`좋아요 0 싫어요 0 후속기사원해요 0`, `페이스북 | 트위터 | URL복사`): none of it is the
/// story, whatever the exact wording.
#[test]
fn rows_of_buttons_are_chrome_in_any_order() {
    let html = format!(
        "<html lang=ko><head><title>수출</title></head><body><article><p>가 가 글자크기 인쇄</p>{}<p>좋아요 <b>0</b> 싫어요 <b>0</b> 후속기사원해요 <b>3</b></p><p>페이스북 | 트위터 | 카카오톡 | URL복사</p></article></body></html>",
        korean_para(5)
    );
    let a = run(&html);
    for gone in ["좋아요", "후속기사", "페이스북", "글자크기", "URL복사"] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
    assert!(a.text.contains("후속 대책을 마련하겠다고"), "{}", a.text);
}

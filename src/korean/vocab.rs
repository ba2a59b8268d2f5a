//! The words of Korean news pages, as data: every list the Korean recognizers read lives here
//! (site and template rules live in [`crate::rules`]). Adding a word is one line here; the
//! unit tests at the end keep the lists in the form their readers expect.

/// Reporter roles, longest first so `선임기자` wins over `기자`.
pub const ROLES: &[&str] = &[
    "선임기자",
    "취재기자",
    "수석기자",
    "전문기자",
    "객원기자",
    "인턴기자",
    // A reporter's kind glued before the role: read whole, or the kind (two syllables that open
    // with a family name: `사진`, `주재`) reads as a second reporter (`홍길동 사진기자`).
    "사진기자",
    "주재기자",
    "수습기자",
    "특임기자",
    "명예기자",
    // OhmyNews's citizen reporters (`김은정(ejkim77) 시민기자`).
    "시민기자",
    "편집위원",
    "논설위원",
    "해설위원",
    "전문위원",
    "논설주간",
    "대기자",
    "특파원",
    "통신원",
    "칼럼니스트",
    "에디터",
    "앵커",
    "캐스터",
    "리포터",
    "기자",
    "PD",
    // The newsroom's heads, signing a column (`남궁현 편집국장`).
    "편집국장",
    "편집장",
    "주필",
    // A desk's ranks, signing a column after the desk (`정세진 산업1부 차장`): words of their
    // own only ([`RANKS`]).
    "부장",
    "차장",
    "부국장",
    "국장",
    "논설실장",
];

/// The roles of [`ROLES`] that end common words (`공영주차장`, `지부장`): a role only as a word of
/// their own.
pub const RANKS: &[&str] = &["부장", "차장", "부국장", "국장", "논설실장"];

/// The label of the writer in a magazine's credit list (`EDITOR 김준호 / PHOTOGRAPHER …`) or a
/// public board's fields (`작성자 김혜린`).
pub const EDITOR_LABELS: &[&str] = &["에디터", "editor", "작성자"];

/// The label before the reporter's name in a header's line of fields (`방송일 … / 조회수 … /
/// 취재기자 한승우`), or in a byline (`기자명 홍길동`).
pub const REPORTER_FIELD_LABELS: &[&str] = &["취재기자", "기자", "작성자", "취재", "기자명"];

/// The labels of a press release's contact fields over or under its text (`담당부서 …`, `연락처
/// 064-…`).
pub const CONTACT_FIELD_LABELS: &[&str] = &["담당부서", "담당자", "연락처", "문의처", "전화번호"];

/// The label of an outside writer in a magazine's credit list (`에디터 김보미⏎글 윤서하(소설가)`):
/// read before [`EDITOR_LABELS`].
pub const WRITER_LABELS: &[&str] = &["글", "글쓴이"];

/// The labels of a photo shoot's credits under a magazine's interview (`에디터: 조혜진⏎포토:
/// 김치윤⏎의상: 렉토, 오르(OR)⏎…⏎메이크업: 순수 청담 유리 원장`).
pub const SHOOT_LABELS: &[&str] = &[
    "에디터",
    "포토",
    "포토그래퍼",
    "의상",
    "주얼리",
    "헤어",
    "메이크업",
    "스타일리스트",
    "스타일링",
    "슈즈",
    "액세서리",
    "네일",
    "장소",
];

/// Titles a contributor signs an op-ed with, after the name and an affiliation (`홍길동 서울대
/// 교수`): the writer is the author.
pub const CONTRIBUTOR_TITLES: &[&str] = &[
    "교수",
    "명예교수",
    "변호사",
    "노무사",
    "세무사",
    "회계사",
    "변리사",
    "연구위원",
    "선임연구위원",
    "연구원",
    // A public institute's researcher and head (`… 도시숲연구센터 연구관`, `… 센터장`).
    "연구관",
    "센터장",
    "소장",
    "원장",
    "이사장",
    "평론가",
    "작가",
    "전문의",
    "박사",
    "객원논설위원",
    "위원",
    "약사",
    "총장",
    // Writers, clergy, officials and executives signing a column (`홍길동 시인`, `… 목사`).
    "시인",
    "소설가",
    "목사",
    "신부",
    "스님",
    "의원",
    "고문",
    "이사",
    "사장",
    "회장",
    "대표",
    "교사",
    // A Buddhist school's chaplain (불교신문's `이학주 동국대학부속영석고등학교 교법사`).
    "교법사",
    "애널리스트",
    "이코노미스트",
];

/// Words of a writer's or an interviewee's short biography (`경북대 의대를 졸업하고 … 수련이사를
/// 지냈다.`).
pub const BIOGRAPHY_WORDS: &[&str] = &["졸업", "역임", "지냈다", "거쳐"];

/// Pointers a caption opens with to show the picture above it (`▲ 사진설명`, `↑ 사진설명`).
pub const CAPTION_POINTERS_UP: [char; 3] = ['▲', '△', '↑'];

/// Labels of the date a story was published (`입력 2024.01.29 15:17`, `입력 : …`).
/// Broadcasters and wires print `작성` and `송고` (`작성 2024.03.05 10:21`, `송고시간`); Korean
/// outlets' English editions `Published` and `Posted`.
pub const PUBLISHED_LABELS: &[&str] = &[
    "기사입력",
    "기사등록",
    "최초입력",
    // A board-like template's field names (`등록일 : 2011-06-21 20:14`).
    "등록일",
    "작성일",
    "입력일",
    "입력",
    "등록",
    "승인",
    "게재",
    "작성",
    "송고",
    "발행",
    // A press release's embargo (정책브리핑's `보도시점 2022. 8. 19.(금) 11:00`).
    "보도시점",
    // A broadcaster's air date, a board's date field (`방송일 20240312`, `날짜 : 20140521`).
    "방송일",
    "날짜",
    "Published",
    "Posted",
    // Arirang's and KBS WORLD's English pages (`Written : 2025-06-01 17:04:26 KST`).
    "Written",
];

/// Publication labels a header may print after the time (`2019-05-13 11:27 송고`, `2016.03.28
/// 11:02 입력`), each with the space before it.
pub const LABELS_AFTER_THE_DATE: &[&str] = &[" 송고", " 입력", " 등록"];

/// An anchor's words handing a TV report to its reporters, after their names (`한지연
/// 기자입니다.`, `이정훈, 김세희 기자가 차례로 보도합니다.`).
pub const HANDOFF_PHRASES: &[&str] = &[
    " 기자입니다.",
    " 기자가 보도합니다.",
    " 기자가 차례로 보도합니다.",
    " 기자가 전합니다.",
    " 기자의 보도입니다.",
    " 기자가 취재했습니다.",
];

/// Labels of the date a story was last changed.
pub const MODIFIED_LABELS: &[&str] = &["최종수정", "최종편집", "수정", "업데이트", "Updated"];

/// Labels of the print edition's date and page (`발행일 2024-06-28 제3면`, `신문게재 2023-06-20
/// 12면`): when and where the paper printed the story, never its published time online.
pub const PRINT_EDITION_LABELS: &[&str] = &[
    "발행일",
    "신문게재",
    "지면게재",
    "게재일",
    "지면",
    "지면정보",
];

/// Where a printed date ends when another label follows it on the same line.
pub const DATE_LINE_CUTS: &[&str] = &[
    "수정",
    "|",
    "  ",
    "입력",
    "기사",
    "최종",
    "업데이트",
    "작성",
    "Updated",
    "Posted",
];

/// Attributes that carry an element's date as a machine-readable timestamp (Naver:
/// `<span class="… _ARTICLE_DATE_TIME" data-date-time="2024-01-29 15:17:03">`).
pub const PUBLISHED_ATTRS: &[&str] = &[
    "data-date-time",
    "data-published-time",
    "data-published",
    "data-date",
];
pub const MODIFIED_ATTRS: &[&str] = &["data-modify-date-time", "data-modified-time"];

/// `<meta>` keys (lowercased) with the publication moment that Korean portals and CMSs use
/// besides the standard ones (Daum: `og:regDate` = `20240129151703`).
pub const PUBLISHED_META_KEYS: &[&str] = &[
    "og:regdate",
    "article:published",
    "dable:published_time",
    "nv:news:date",
    // 한국일보 2019's (`<meta name="hk:nw_newsoutdt" content="20191213131148">`).
    "hk:nw_newsoutdt",
];

/// What an old `<title>` adds after the outlet that opens it: its news section or its mobile
/// site (`한경닷컴 뉴스 - …`, `대전일보 모바일 :: …`).
pub const SITE_SECTION_WORDS: &[&str] = &[" 뉴스", " 모바일"];

/// What a link to a reporter's other articles says after `기자의` (`김동혁 기자의 최신기사`,
/// `홍길동 기자의 다른 기사 보기`): on a page whose byline names nobody, it names the reporter.
pub const MORE_BY_REPORTER: &[&str] = &["최신기사", "최신 기사", "다른기사", "다른 기사"];

/// A link to the reporter's stories after a byline line (뉴데일리 2011's `<li class="name">안종현
/// 기자 <a>기사모음</a></li>`): no word of the line.
pub const REPORTER_PAGE_LINKS: &[&str] = &["기사모음", "기사 모음", "기사보기"];

/// How an inline script's data names the publication moment (lowercased, the start of the
/// key: 메디칼타임즈's `"Publish_date":"2024-09-23 11:48:37"`, analytics' `publishDate`,
/// `pubDate`).
pub const SCRIPT_PUBLISHED_KEYS: &[&str] = &["publish", "pubdate"];

/// Hosts of Korean outlets outside `.kr` (their English editions and portals): a page on one
/// (or a subdomain) is a Korean outlet's, whatever its language.
pub const OUTLET_HOSTS: &[&str] = &[
    "koreaherald.com",
    "koreatimes.com",
    "joins.com",
    "chosun.com",
    "donga.com",
    "hankyung.com",
    "imbc.com",
    "newsis.com",
    "etnews.com",
    "bloter.net",
    "inews24.com",
    "hankookilbo.com",
    "segye.com",
    "munhwa.com",
    "ohmynews.com",
    "pressian.com",
    "sedaily.com",
    "fnnews.com",
    "heraldcorp.com",
    "koreabizwire.com",
    "arirang.com",
    "kedglobal.com",
    "pulsenews.co.kr",
    "daum.net",
    "naver.com",
    "nate.com",
];

/// Words (lowercased) of Korean outlets' names in Latin letters (`Korea JoongAng Daily`,
/// `Yonhap News Agency`, `The Dong-A Ilbo`): a site so named is a Korean outlet's. (Not the
/// broadcasters' acronyms: SBS is also Australia's; their sites are on `.kr`.)
pub const OUTLET_NAME_WORDS: &[&str] = &[
    "korea",
    "korean",
    "yonhap",
    "joongang",
    "chosun",
    "donga",
    "hankyoreh",
    "kyunghyang",
    "hankyung",
    "arirang",
    "newsis",
    "news1",
];

/// Words (lowercased) of an outlet's or a desk's name in Latin letters (`Korea JoongAng
/// Daily`, `Yonhap News Agency`, `Korea Times`): a byline holding one names no person.
pub const ORGANISATION_WORDS: &[&str] = &[
    "daily",
    "herald",
    "times",
    "news",
    "agency",
    "ilbo",
    "shinmun",
    "broadcasting",
    "media",
    "press",
    "journal",
    "newswire",
    "bizwire",
    "desk",
    "newsroom",
    "korea",
    "yonhap",
];

/// A wire's short name printed where a reporter's name goes (아시아투데이's `연합 기자` on a
/// Yonhap story): no person.
pub const WIRE_SHORT_NAMES: &[&str] = &["연합", "뉴시스"];

/// Ends of an outlet's or organisation's name (`한겨레신문`, `YTN뉴스`, `연합뉴스TV`): a
/// meta author ending so is the outlet, not a person.
pub const ORGANISATION_ENDINGS: &[&str] = &[
    "뉴스",
    "신문",
    "일보",
    "방송",
    "경제",
    "통신",
    "미디어",
    "닷컴",
    "타임스",
    "저널",
    "투데이",
    "데일리",
    "신문사",
    "TV",
    "tv",
    "뉴스룸",
    "편집국",
    "취재팀",
    "보도국",
    "연예",
    "데스크",
    "뉴스팀",
    "온라인팀",
    "편집부",
    "뉴스부",
    "비즈",
];

/// Korean family names (the common ones, two-syllable ones first): a word of two to four
/// syllables that begins with one may be a reporter's name where a line lists several
/// (`홍길동, 김철수 기자`, `(서울=연합뉴스) 홍길동 김철수 기자 =`). One string, split by
/// spaces: a slice of 130 strings costs the wasm build more than their letters.
pub const SURNAMES: &str = "남궁 황보 제갈 선우 독고 사공 서문 김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 은 편 용 예 경 봉 사 부 가 복 태 목 형 계 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 시 갈 단 견 당 화 창 옹 순 나 라";

/// Ends of a newsroom desk's name (`사회부`, `디지털뉴스팀`): never a reporter's name.
pub const DESK_ENDINGS: &[&str] = &["부", "팀"];

/// Starts of a newsroom desk's name of four syllables or more, which no name begins with:
/// Yonhap English's desks sign as `영문경제`, `영문정치` ("English economy", "English politics")
/// in its `author` meta where no reporter signed.
pub const DESK_PREFIXES: &[&str] = &["영문"];

/// A portal's site names that name no portal (Daum's `언론사 뷰`, "the outlets' view").
pub const PORTAL_SITE_LABELS: &[&str] = &["언론사 뷰"];

/// Portals that republish stories (`매체명 | 네이버`): a name holding one is no person.
pub const PORTALS: &[&str] = &[
    "네이버",
    "다음",
    "naver",
    "daum",
    "네이트",
    "nate",
    "zum",
    "줌",
    "뉴스줌",
    "뉴스zum",
    "msn",
];

/// Title tails that name an outlet (` - 매일경제`, ` : 네이버 뉴스`), read with a length limit.
pub const TITLE_SITE_ENDINGS: &[&str] = &[
    "뉴스",
    "신문",
    "일보",
    "닷컴",
    "데일리",
    "투데이",
    "타임스",
    "통신",
    "방송",
    "미디어",
    "TV",
    "저널",
];

/// Stories end with these marks; what follows is the sign-off (`… 밝혔다./연합뉴스`).
pub const END_MARKS: &[&str] = &["(끝)", "(END)", "/연합뉴스", "/뉴스1", "/뉴시스"];

/// A Korean wire credited on a line of its own under the story (`연합뉴스` under a hani.co.kr
/// story): the source, not the text.
pub const WIRE_CREDITS: &[&str] = &["연합뉴스", "(연합뉴스)", "뉴시스", "뉴스1", "포커스뉴스"];

/// Notes of a wire service to its editors, opening or closing a story (`(ATTN: ADDS more details
/// in paras 9-11)`, `(ADDS details in paras 6-7)` on Yonhap's English wire): not the story's text.
pub const EDITOR_NOTE_PREFIXES: &[&str] = &[
    "(ATTN:",
    "(ATTN :",
    "(EDS:",
    "(EDITORS:",
    "(ADDS ",
    "(UPDATES ",
];

/// Labels of a credit printed alone under a story (`(사진=연합뉴스)`, `[자료사진=뉴스1]`,
/// `(사진 제공: 국토부)`): the photo's, not the story's.
/// What a CMS's picture placeholder names, left unreplaced in the text (`#그림2오른쪽#`).
pub const PLACEHOLDER_WORDS: &[&str] = &["그림", "사진", "이미지", "표"];

/// Words that end a caption's credit after its source (`/새전북신문 자료사진`, `/전주시 제공`).
pub const CREDIT_TAIL_WORDS: &[&str] = &["자료사진", "사진", "제공"];

pub const CREDIT_LABELS: &[&str] = &[
    "사진",
    "자료사진",
    "사진제공",
    "사진 제공",
    "사진출처",
    "사진 출처",
    "영상",
    "영상제공",
    // A translated story's translator (`번역=정경민` under the writer's line).
    "번역",
    "그래픽",
    "자료",
    "출처",
    "화면캡처",
    "화면 캡처",
    "캡처",
    "화면출처",
    "화면 출처",
    "영상출처",
    "영상 출처",
];

/// What a broadcaster calls itself before its acronym (`서울특별시 미디어재단 TBS`,
/// `부산경남대표방송 KNN`).
pub const SITE_DESCRIPTIONS: &[&str] = &["방송", "재단", "미디어"];

/// Latin words a site's name ends with that are no acronym of it (`SBS NEWS`, `한국경제 TV`).
pub const GENERIC_SITE_WORDS: &[&str] = &["TV", "NEWS", "FM", "AM", "DMB"];

/// Field names of a board-like article header (`<th>기자</th><td>장미쁨</td><th>등록일</th>…`).
pub const BOARD_FIELD_LABELS: &[&str] = &[
    "기자",
    "작성자",
    "글쓴이",
    "등록일",
    "작성일",
    "입력일",
    "날짜",
    "분야",
    "분류",
    "조회수",
    "조회",
    "출처",
];

/// What a notice on how to watch a broadcast's video names (`※ 동영상이 보이지 않으면 Windows
/// Media Player 11 이상을 설치하세요.`): the player or the browser.
pub const PLAYER_NOTICE_WORDS: &[&str] = &["Player", "플레이어", "브라우저"];

/// How the bracketed label of a contributed piece in its headline ends (`[기고]`, `[특별기고]`,
/// `[시론]`, `[약사 칼럼]`): its writer is not on the staff, and may be named only under the
/// headline, with a title (`김승룡 소방청장 직무대행`).
pub const CONTRIBUTED_LABELS: &[&str] = &["기고", "시론", "칼럼", "기고문"];

/// A newsroom's jobs, shaped like names (`편`, `교` are family names): a desk's credit before a
/// role (전남일보's `편집에디터` over a wire's story) names nobody.
pub const NEWSROOM_JOBS: &[&str] = &["편집", "교열"];

/// Labels of a kind of story (`[단독]`, `[속보]`, `[포토]`): never a place or an outlet.
pub const SERIES_LABELS: &[&str] = &[
    "단독",
    "속보",
    "종합",
    "포토",
    "사설",
    "칼럼",
    "인터뷰",
    "기획",
    "르포",
    "영상",
    "현장",
    "이슈",
    "분석",
    "해설",
    "오피니언",
    "시론",
    "기고",
    "팩트체크",
    "카드뉴스",
    "그래픽",
];

/// The crew a broadcast credits under its story (`[영상취재 홍길동 / 영상편집 김철수]`,
/// `영상취재: …`): production credits, not authors and not text.
pub const CREW_ROLES: &[&str] = &[
    "영상",
    "영상취재",
    "영상취재기자",
    "영상기자",
    "현장진행",
    "영상편집",
    "영상촬영",
    "촬영기자",
    "촬영",
    "편집",
    "그래픽",
    "구성",
    "영상디자인",
    "영상자막",
    "자막",
    "CG",
    "VJ",
    "드론촬영",
    "화면제공",
    "화면출처",
    "취재",
    "제작",
    "연출",
    "디자인",
    "영상출처",
    "자료제공",
    "영상그래픽",
    "영상구성",
    "영상제공",
    "자료조사",
    // A subtitled clip's editor and writer (YTN's `자막뉴스 : 박민지`, `작가 : …`).
    "자막뉴스",
    "작가",
    "영상제작",
    "촬영감독",
];

/// The labels of a broadcast interview's program block (`■ 방송 : SBS 김태현의 정치쇼 ■ 진행 :
/// 김태현 ■ 출연 : 김현욱`): the program's credits, not the interview.
pub const PROGRAM_LABELS: &[&str] = &[
    "방송",
    "방송일",
    "방송일시",
    "일시",
    "일자",
    "날짜",
    "진행",
    "출연",
    "대담",
];

/// Notices around a radio interview's transcript that ask for the program to be named when
/// quoted (`… 인용 보도 시, … 정확한 프로그램명을 밝혀주시기 바랍니다.`, `※ 인터뷰 내용 인용 시
/// KBS 1라디오 <전격시사>로 출처를 밝혀주시기 바랍니다.`): all of these words, and `프로그램` or a
/// `※` first.
pub const QUOTING_NOTICE_WORDS: &[&str] = &["인용", "밝혀"];

/// A transcript's notice that the broadcast is what counts (`※ 아래 텍스트는 실제 방송 내용과
/// 차이가 있을 수 있으니 …`), after a `※`.
pub const TRANSCRIPT_NOTICE: &str = "실제 방송 내용과";

/// How a notice says the picture has nothing to do with the story (`▲위 사진은 기사 내용과
/// 직접적인 관련이 없습니다.`).
pub const UNRELATED_PICTURE_PHRASES: &[&str] = &[
    "기사 내용과 직접적인 관련이 없",
    "기사 내용과 직접 관련이 없",
    "기사 내용과 관련이 없",
    "기사 내용과 관련 없",
    "기사와 직접적인 관련이 없",
    "기사와 관련이 없",
    "기사와 관련 없",
    "기사 내용과 무관",
    "기사와 무관",
];

/// Labels of a portal copy's link to the story on its outlet's site (`KBS 기사 원문보기 : http://…`).
pub const ORIGINAL_LINK_LABELS: &[&str] = &["원문보기", "원문 보기"];

/// Labels of a portal's line naming the outlet that gave it the story (Naver's `기사제공
/// 스포츠조선`).
pub const SOURCE_CREDIT_LABELS: &[&str] = &["기사제공", "기사 제공"];

/// Marks a tip-line promo's lines open with (`▷ 전화 …`, KBS's `▣ 제보 하기` over `◇ 전화 : …`).
pub const TIP_POINTERS: [char; 9] = ['▷', '▶', '※', '☞', '■', '□', '◆', '◇', '▣'];

/// Ways to reach a newsroom that a tip-line promo offers (`▷ 전화 02-…`, `▷ 카카오톡 …`), or a
/// press release's contact line (`<문의 : 행정안전부 …(044-…)>`).
pub const CONTACT_WORDS: &[&str] = &[
    "전화",
    "이메일",
    "메일",
    "카카오톡",
    "카톡",
    "텔레그램",
    "문자",
    "홈페이지",
    "사이트",
    "유튜브",
    "제보",
    "문의",
];

/// How a reaction box's question, or its prompt's condition (`이 기사가 마음에 드셨다면`),
/// points at the article it follows (`이 기사, 어떠셨나요?`, `이 뉴스가 도움이 되셨나요?`).
pub const READER_QUESTION_OPENINGS: &[&str] =
    &["이 기사", "이 뉴스", "이 콘텐츠", "이 사진", "기사가 "];

/// Words a logo's `alt` says after the outlet's name (`프레시안 로고`, `경향비즈 홈으로`), each
/// taken off the end in this order.
pub const LOGO_WORDS: &[&str] = &[
    "바로가기",
    "가기",
    "이동",
    "홈으로",
    "홈",
    "메인으로",
    "메인",
    "로고",
    "logo",
    "LOGO",
    "Logo",
];

/// Slogans that head a tip-line promo (`MBC 뉴스는 24시간 여러분의 제보를 기다립니다.`, `※ '당신의
/// 제보가 뉴스가 됩니다'`): a short line holding one is the promo's, not the story's.
pub const TIP_SLOGANS: &[&str] = &[
    "제보를 기다립니다",
    // `제보가 뉴스가 됩니다`, `제보가 뉴스로 만들어집니다`
    "제보가 뉴스",
    "제보를 받습니다",
    "제보해 주세요",
    "제보해주세요",
    "여러분의 제보로",
    // 연합뉴스TV's (`당신이 담은 순간이 뉴스입니다!` over its tip line).
    "순간이 뉴스입니다",
    // A fact-check desk's call for topics (`※ 연합뉴스 팩트체크팀은 … 독자들의 제안을 받습니다.`).
    "제안을 받습니다",
];

/// How a desk's call for tips or claims to check asks for them, in the sentence with its
/// address (`검증이 필요한 내용을 factcheck@jtbc.co.kr로 보내주세요.`).
pub const TIP_REQUESTS: &[&str] = &[
    "보내주세요",
    "보내 주세요",
    "보내주십시오",
    "보내 주십시오",
    // A series' call for its next guests (`인터뷰를 원하는 스타트업은 editor@…으로 연락주세요.`).
    "연락주세요",
    "연락 주세요",
];

/// Phrases of a reaction prompt (`이 기사가 마음에 들었다면, 좋아요를 눌러 주세요`), each with
/// one of [`REACTION_WORDS`] in the same short line.
pub const REACTION_PROMPTS: &[&str] = &[
    "마음에 들었다면",
    "마음에 드셨다면",
    "유익했다면",
    "도움이 됐다면",
    "도움이 되셨다면",
    "눌러 주세요",
    "눌러주세요",
    "부탁드립니다",
    // A support box (`미디어오늘을 응원해주세요 … 후원으로 지켜주세요. 후원하기`).
    "응원해주세요",
    "응원해 주세요",
    "지켜주세요",
    "지켜 주세요",
    "후원해 주세요",
    "후원해주세요",
    "함께해 주세요",
    "함께해주세요",
    "후원이 필요합니다",
    // (A cooperative's: `프레시안 조합원이 되어주세요!`.)
    "되어주세요",
    "되어 주세요",
    // (`뉴스민은 독자회원의 후원으로 운영됩니다.`)
    "후원으로 운영됩니다",
];
pub const REACTION_WORDS: &[&str] = &[
    "좋아요",
    "구독",
    "추천",
    "응원",
    "공감",
    "후원",
    "회원",
    "조합원",
];

/// Class tokens of a deck (the summary lines above a story): `<div class="subtitle">`,
/// `<h3 class="sub_tit">`, `<strong class="summary">`, Naver's `media_end_summary`.
pub const DECK_CLASSES: &[&str] = &[
    "subtitle",
    // MBN's summary lines (`<div class="sum_tit"><ul><li>…`).
    "sum_tit",
    "sub_title",
    "sub_tit",
    "subtit",
    "sub-title",
    "summary",
    "article_summary",
    "art_summary",
    "media_end_summary",
    "summary_area",
    "sub_head",
    "subhead",
    "subheading",
    "deck",
    "stit",
    // The Korea Herald's (`<div class="stitle_sec">` under `div.title_sec`).
    "stitle_sec",
    "lead",
    // 메디게이트뉴스's (`<p class="subtxt">` over the body's first picture).
    "subtxt",
    // An old ndsoft skin's (통일뉴스' `<td class="view_sub">` under `td.view_t`).
    "view_sub",
    "sub_txt",
];

/// Parts of a deck's class token (`subheadline`, `article-subtitle`, `art_subtit`,
/// `mid_title`, `editor_mid_tit`, ndsoft's `subheading`, `article-summary`): a token holding one is a deck's,
/// read only above the story's first paragraph.
pub const DECK_CLASS_PARTS: &[&str] = &[
    "subtit",
    "sub_tit",
    "sub-tit",
    "subhead",
    "sub_head",
    "sub-head",
    "summary",
    // WordPress themes' standfirst (`p.entry-excerpt`, `p.post-excerpt`).
    "excerpt",
    // Newsis's own spelling (`<div class="summury_view">`).
    "summury",
    // (And 전자신문 2024's `div.editor_mid_tit` opening the body.)
    "mid_tit",
    "title_sub",
    "tit_sub",
    // 매일경제's (`<div class="news_ttl_sub">` under `h2.news_ttl`).
    "ttl_sub",
    // Where the headline's class is `subject` (머니투데이 2018's `h2.sub_subject` under
    // `h1.subject`).
    "sub_subject",
    // 한국경제 2012's (`<div class="article_stit">`, its lines in `<strong>`s apart by `<br>`).
    "_stit",
    // ndsoft's newer header (`article-head-sub` under `article-head-title`).
    "head-sub",
    "head_sub",
    // 경남신문's (`div.sub_tex` under the headline), and a `sub_text`.
    "sub_tex",
    "standfirst",
    // A CSS module's (골닷컴's `p.article_teaser__Lx8dN` under the headline).
    "teaser",
];

/// Labels a fact box prints over a work's card under a story (게임메카's `이 기사의 게임`, a
/// game's, a film's or a book's title, release date, maker, a link to its page).
pub const FACT_BOX_LABELS: &[&str] = &[
    "이 기사의 게임",
    "게임 정보",
    "게임정보",
    "영화 정보",
    "영화정보",
    "작품 정보",
    "작품정보",
    "도서 정보",
    "도서정보",
    "공연 정보",
    "공연정보",
];

/// Labels a deck's box prints over its lines (노컷뉴스's `핵심요약`, 뉴시스's `기사내용 요약`).
pub const DECK_LABELS: &[&str] = &[
    "핵심요약",
    "핵심 요약",
    "기사내용 요약",
    "기사 요약",
    "요약",
    // 아시아타임즈's `3줄 요약` box.
    "3줄 요약",
    "3줄요약",
    "세 줄 요약",
    "세줄 요약",
];

/// How a machine-written summary box opens (newspim's `<div class="ai_summary"><strong>AI
/// 요약</strong>`): a summary class, but no deck the outlet wrote. Lower case.
pub const GENERATED_SUMMARY_LABELS: &[&str] = &[
    "ai 요약",
    "ai요약",
    "ai 핵심 요약",
    "요약봇",
    // Naver's layer (`<strong>본문 요약봇</strong>` over `자동 추출 기술로 요약된 내용입니다. …`).
    "본문 요약봇",
    "ai summary",
    "뉴스 요약쏙",
    // Daum's summary layer (`자동요약` … `기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.`).
    "자동요약",
    "자동 요약",
    // A summary box of the outlet's own, at the top of the body (머니S's `<div
    // class="key-point"><strong>핵심 포인트</strong><ul>…`): no deck, no story.
    "핵심 포인트",
    "핵심포인트",
    "key points",
];

/// How an outlet's note about the article itself opens, after its `※` (`※ 이 기사는 AI 기술을
/// 활용해 작성했습니다.`, `※ 본 기사는 한국언론진흥재단의 지원을 받아 작성되었습니다.`).
pub const ARTICLE_NOTICE_OPENINGS: &[&str] = &[
    "이 기사는",
    "본 기사는",
    "이 자료는",
    "이 기사의",
    "본 기사의",
    "이 콘텐츠는",
    "본 콘텐츠는",
    // An opinion page's disclaimer (`※ 외부 필진 기고는 중앙일보의 편집 방향과 다를 수 있습니다.`).
    "이 글은",
    "본 글은",
    "이 칼럼은",
    "본 칼럼은",
    "칼럼 내용은",
    "외부 필진",
    "외부 기고",
];

/// A column's disclaimer, however it opens (`※ 외부 필자의 칼럼은 미디어스의 편집 방향과 다를
/// 수 있습니다.`): it names the outlet's editorial line …
/// (Or its owner's position: 사이언스타임즈' `기사 내용은 재단의 공식 입장과 다를 수 있습니다.`)
pub const EDITORIAL_LINE_WORDS: &[&str] = &[
    "편집 방향",
    "편집방향",
    "편집 방침",
    "편집방침",
    "공식 입장",
    "공식입장",
];

/// … and ends by setting the column apart from it.
pub const DISCLAIMER_ENDINGS: &[&str] = &["다를 수 있습니다", "않을 수 있습니다", "무관합니다"];

/// What makes a `※` line the outlet's note, not the story: a helpline's notice under a story of
/// a suicide (`※ 우울감 등 말하기 어려운 고민으로 … 자살예방상담전화 1393 …`, as the reporting
/// guidelines ask), a market story's note on its quotes (`※ 본문 종목 시세는 기사 작성 시점
/// 기준이며 20분 지연 정보입니다.`).
pub const MARKED_NOTE_WORDS: &[&str] = &[
    "자살예방",
    "생명의 전화",
    "생명의전화",
    "종목 시세",
    "지연 정보",
    // The columnist's line (`*필자 윤하진님은 … 기록하고 있습니다.`).
    "필자",
    // A note on the pictures (`※ 본문과 관련 없는 사진입니다.`).
    "관련 없는 사진",
    "관련없는 사진",
    "무관한 사진",
];

/// An investment disclaimer under a market story (`본 기사는 정보 제공을 목적으로 하며 투자
/// 권유가 아닙니다. …`): a note about the article that says one of these.
pub const INVESTMENT_NOTICE_WORDS: &[&str] = &[
    "투자 권유",
    "투자권유",
    "투자 참고",
    "투자자 본인",
    "투자 판단",
];

/// How a machine summary's note says what the machine did, politely (`… 기사를
/// 요약했습니다.`): a story's sentences end in `했다`, a notice's in `했습니다`.
pub const SUMMARY_NOTICE_VERBS: &[&str] = &[
    "요약했습니다",
    "요약하였습니다",
    "요약한 것입니다",
    // Daum's `기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.`
    "요약한 결과입니다",
    // Naver's `자동 추출 기술로 요약된 내용입니다.`
    "요약된 내용입니다",
];

/// A Korean outlet's box on how to ask for a correction, under every story (머니투데이방송's
/// `…의 기사에 대해 반론·정정·추후 보도를 청구하실 분은 …`, `고충처리인 : …`): no story's words.
pub const OMBUDSMAN_MARKS: &[&str] = &["고충처리인", "반론·정정·추후", "반론·정정 보도를 청구"];

/// Labels a note about the article may open with (오마이뉴스's `덧붙이는 글 | …`).
pub const ARTICLE_NOTE_LABELS: &[&str] = &[
    "덧붙이는 글",
    // The columnist's line (`*필자/박태수. 정치평론가. …`); a column's own sentence says `필자는`.
    "필자/",
    "필자 /",
    "필자:",
    "필자 :",
    "필자 약력",
    "필자 소개",
];

/// How a note about the article ends when no `※` marks it: it says where the article ran.
pub const ARTICLE_NOTICE_ENDINGS: &[&str] = &[
    "기사입니다.",
    // A paywall's note (`이 기사는 팍스넷뉴스 프라임 회원에게 먼저 공개된 유료콘텐츠입니다.`).
    "콘텐츠입니다.",
    "게재됐습니다.",
    "게재되었습니다.",
    // A paid service's first run (`<이 기사는 … 유료 뉴스서비스 '…'에 먼저 출고됐습니다>`).
    "출고됐습니다.",
    "출고되었습니다.",
    "공개됐습니다.",
    "공개되었습니다.",
    // A portal's note on its sections (`이 기사의 카테고리는 언론사의 분류를 따릅니다.`).
    "따릅니다.",
    "실렸습니다.",
    "실립니다.",
    "다를 수 있습니다.",
    // A government briefing's copy of a ministry's release (`이 자료는 농림축산식품부의
    // 보도자료를 전재하여 제공함을 알려드립니다.`).
    "알려드립니다.",
    // A live story's (`이 기사는 새로운 소식이 들어오는 대로 업데이트됩니다.`).
    "업데이트됩니다.",
    "업데이트합니다.",
    "보강됩니다.",
    // How it was written or paid for (`본 기사는 한국언론진흥재단의 지원을 받아
    // 작성되었습니다.`, `이 기사는 AI가 요약한 내용을 기자가 검수했습니다.`).
    "작성되었습니다.",
    "작성됐습니다.",
    "작성했습니다.",
    "제작되었습니다.",
    "제작됐습니다.",
    "검수했습니다.",
    "검수를 거쳤습니다.",
    "지원받았습니다.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_longest_first_where_one_ends_another() {
        for (i, a) in ROLES.iter().enumerate() {
            for b in &ROLES[i + 1..] {
                assert!(!b.ends_with(a) || b == a, "{b} must come before {a}");
            }
        }
        for (i, a) in PUBLISHED_LABELS.iter().enumerate() {
            for b in &PUBLISHED_LABELS[i + 1..] {
                assert!(!b.contains(a), "{b} must come before {a}");
            }
        }
    }

    #[test]
    fn the_ranks_are_roles() {
        // Kept apart to be read as words of their own, not a second list of roles.
        assert!(RANKS.iter().all(|r| ROLES.contains(r)));
    }

    #[test]
    fn class_tokens_are_lowercase() {
        assert!(DECK_CLASSES.iter().all(|c| c.to_ascii_lowercase() == *c));
        assert!(DECK_CLASS_PARTS
            .iter()
            .all(|c| c.to_ascii_lowercase() == *c));
        assert!(PUBLISHED_META_KEYS
            .iter()
            .all(|c| c.to_ascii_lowercase() == *c));
    }
}

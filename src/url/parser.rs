//! The URL Standard's basic URL parser (<https://url.spec.whatwg.org/#concept-basic-url-parser>)
//! without a state override, and the href serializer.
use std::fmt::Write;

/// Why a string is no URL.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// Not a URL by the standard.
    Invalid,
    /// A non-ASCII domain: it needs IDNA's Unicode tables, which the build leaves out.
    Idna,
}

/// A parsed URL, its components already serialized.
#[derive(Clone, Debug, Default)]
pub(crate) struct Url {
    pub(crate) scheme: String,
    username: String,
    password: String,
    /// The serialized host (IPv6 in brackets); `None` when the URL has no host.
    pub(crate) host: Option<String>,
    port: Option<u16>,
    /// Path segments, or the one opaque path.
    pub(crate) path: Vec<String>,
    opaque: bool,
    pub(crate) query: Option<String>,
    pub(crate) fragment: Option<String>,
}

fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file")
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

// Percent-encode sets, for ASCII bytes (every set holds all non-ASCII).
fn c0_control(b: u8) -> bool {
    !(0x20..=0x7e).contains(&b)
}
fn fragment_set(b: u8) -> bool {
    c0_control(b) || matches!(b, b' ' | b'"' | b'<' | b'>' | b'`')
}
fn query_set(b: u8) -> bool {
    c0_control(b) || matches!(b, b' ' | b'"' | b'#' | b'<' | b'>')
}
fn special_query_set(b: u8) -> bool {
    query_set(b) || b == b'\''
}
fn path_set(b: u8) -> bool {
    query_set(b) || matches!(b, b'?' | b'^' | b'`' | b'{' | b'}')
}
fn userinfo_set(b: u8) -> bool {
    path_set(b) || matches!(b, b'/' | b':' | b';' | b'=' | b'@' | b'['..=b'^' | b'|')
}

fn encode(out: &mut String, c: char, set: fn(u8) -> bool) {
    let mut buf = [0; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        if set(b) {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        } else {
            out.push(char::from(b));
        }
    }
}

fn is_windows_drive_letter(s: &[char]) -> bool {
    s.len() == 2 && s[0].is_ascii_alphabetic() && matches!(s[1], ':' | '|')
}

fn is_normalized_drive_letter(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

fn starts_with_drive_letter(s: &[char]) -> bool {
    s.len() >= 2
        && is_windows_drive_letter(&s[..2])
        && (s.len() == 2 || matches!(s[2], '/' | '\\' | '?' | '#'))
}

fn is_single_dot(s: &str) -> bool {
    s == "." || s.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        ".." | ".%2e" | "%2e." | "%2e%2e"
    )
}

impl Url {
    fn special(&self) -> bool {
        is_special(&self.scheme)
    }

    fn shorten_path(&mut self) {
        if self.scheme == "file"
            && self.path.len() == 1
            && is_normalized_drive_letter(&self.path[0])
        {
            return;
        }
        self.path.pop();
    }

    /// The URL's href.
    pub(crate) fn href(&self) -> String {
        let mut out = String::with_capacity(64);
        out.push_str(&self.scheme);
        out.push(':');
        if let Some(host) = &self.host {
            out.push_str("//");
            if !self.username.is_empty() || !self.password.is_empty() {
                out.push_str(&self.username);
                if !self.password.is_empty() {
                    out.push(':');
                    out.push_str(&self.password);
                }
                out.push('@');
            }
            out.push_str(host);
            if let Some(port) = self.port {
                out.push(':');
                out.push_str(&port.to_string());
            }
        }
        if self.opaque {
            out.push_str(&self.path[0]);
        } else {
            if self.host.is_none() && self.path.len() > 1 && self.path[0].is_empty() {
                out.push_str("/.");
            }
            for segment in &self.path {
                out.push('/');
                out.push_str(segment);
            }
        }
        if let Some(q) = &self.query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = &self.fragment {
            out.push('#');
            out.push_str(f);
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    SchemeStart,
    Scheme,
    NoScheme,
    SpecialRelativeOrAuthority,
    PathOrAuthority,
    Relative,
    RelativeSlash,
    SpecialAuthoritySlashes,
    SpecialAuthorityIgnoreSlashes,
    Authority,
    Host,
    Port,
    File,
    FileSlash,
    FileHost,
    PathStart,
    Path,
    OpaquePath,
    Query,
    Fragment,
}

/// The basic URL parser: `input` against an optional `base`.
///
/// One function, as long as it is, on purpose: it is the URL Standard's state machine, one
/// `match` arm per state in the standard's order, so that it can be read side by side with
/// the standard; split up, the states' shared buffer and pointer would have to be threaded
/// through every piece.
pub(crate) fn parse(input: &str, base: Option<&Url>) -> Result<Url, Error> {
    let input: Vec<char> = input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let len = input.len() as isize;
    let at = |p: isize| -> Option<char> {
        if (0..len).contains(&p) {
            Some(input[p as usize])
        } else {
            None
        }
    };
    let remaining = |p: isize| -> &[char] {
        let start = (p + 1).clamp(0, len) as usize;
        &input[start..]
    };
    let mut url = Url::default();
    let mut state = State::SchemeStart;
    let mut buffer = String::new();
    let (mut at_sign_seen, mut inside_brackets, mut password_token_seen) = (false, false, false);
    let mut p: isize = 0;
    loop {
        let c = at(p);
        match state {
            State::SchemeStart => {
                if let Some(c) = c.filter(char::is_ascii_alphabetic) {
                    buffer.push(c.to_ascii_lowercase());
                    state = State::Scheme;
                } else {
                    state = State::NoScheme;
                    p -= 1;
                }
            }
            State::Scheme => match c {
                Some(c) if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                    buffer.push(c.to_ascii_lowercase());
                }
                Some(':') => {
                    url.scheme = std::mem::take(&mut buffer);
                    if url.scheme == "file" {
                        state = State::File;
                    } else if url.special() && base.is_some_and(|b| b.scheme == url.scheme) {
                        state = State::SpecialRelativeOrAuthority;
                    } else if url.special() {
                        state = State::SpecialAuthoritySlashes;
                    } else if remaining(p).first() == Some(&'/') {
                        state = State::PathOrAuthority;
                        p += 1;
                    } else {
                        url.path = vec![String::new()];
                        url.opaque = true;
                        state = State::OpaquePath;
                    }
                }
                _ => {
                    buffer.clear();
                    state = State::NoScheme;
                    p = -1;
                }
            },
            State::NoScheme => {
                let base = base.ok_or(Error::Invalid)?;
                if base.opaque && c != Some('#') {
                    return Err(Error::Invalid);
                } else if base.opaque {
                    url.scheme = base.scheme.clone();
                    url.path = base.path.clone();
                    url.opaque = true;
                    url.query = base.query.clone();
                    url.fragment = Some(String::new());
                    state = State::Fragment;
                } else if base.scheme != "file" {
                    state = State::Relative;
                    p -= 1;
                } else {
                    state = State::File;
                    p -= 1;
                }
            }
            State::SpecialRelativeOrAuthority => {
                if c == Some('/') && remaining(p).first() == Some(&'/') {
                    state = State::SpecialAuthorityIgnoreSlashes;
                    p += 1;
                } else {
                    state = State::Relative;
                    p -= 1;
                }
            }
            State::PathOrAuthority => {
                if c == Some('/') {
                    state = State::Authority;
                } else {
                    state = State::Path;
                    p -= 1;
                }
            }
            State::Relative => {
                let base = base.ok_or(Error::Invalid)?;
                url.scheme = base.scheme.clone();
                if c == Some('/') || (url.special() && c == Some('\\')) {
                    state = State::RelativeSlash;
                } else {
                    url.username = base.username.clone();
                    url.password = base.password.clone();
                    url.host = base.host.clone();
                    url.port = base.port;
                    url.path = base.path.clone();
                    url.query = base.query.clone();
                    match c {
                        Some('?') => {
                            url.query = Some(String::new());
                            state = State::Query;
                        }
                        Some('#') => {
                            url.fragment = Some(String::new());
                            state = State::Fragment;
                        }
                        Some(_) => {
                            url.query = None;
                            url.shorten_path();
                            state = State::Path;
                            p -= 1;
                        }
                        None => {}
                    }
                }
            }
            State::RelativeSlash => {
                if url.special() && matches!(c, Some('/' | '\\')) {
                    state = State::SpecialAuthorityIgnoreSlashes;
                } else if c == Some('/') {
                    state = State::Authority;
                } else {
                    let base = base.ok_or(Error::Invalid)?;
                    url.username = base.username.clone();
                    url.password = base.password.clone();
                    url.host = base.host.clone();
                    url.port = base.port;
                    state = State::Path;
                    p -= 1;
                }
            }
            State::SpecialAuthoritySlashes => {
                if c == Some('/') && remaining(p).first() == Some(&'/') {
                    p += 1;
                } else {
                    p -= 1;
                }
                state = State::SpecialAuthorityIgnoreSlashes;
            }
            State::SpecialAuthorityIgnoreSlashes => {
                if !matches!(c, Some('/' | '\\')) {
                    state = State::Authority;
                    p -= 1;
                }
            }
            State::Authority => match c {
                Some('@') => {
                    if at_sign_seen {
                        buffer.insert_str(0, "%40");
                    }
                    at_sign_seen = true;
                    for ch in buffer.chars() {
                        if ch == ':' && !password_token_seen {
                            password_token_seen = true;
                            continue;
                        }
                        if password_token_seen {
                            encode(&mut url.password, ch, userinfo_set);
                        } else {
                            encode(&mut url.username, ch, userinfo_set);
                        }
                    }
                    buffer.clear();
                }
                None | Some('/' | '?' | '#') => {
                    if at_sign_seen && buffer.is_empty() {
                        return Err(Error::Invalid);
                    }
                    p -= buffer.chars().count() as isize + 1;
                    buffer.clear();
                    state = State::Host;
                }
                Some('\\') if url.special() => {
                    if at_sign_seen && buffer.is_empty() {
                        return Err(Error::Invalid);
                    }
                    p -= buffer.chars().count() as isize + 1;
                    buffer.clear();
                    state = State::Host;
                }
                Some(c) => buffer.push(c),
            },
            State::Host => {
                let end =
                    matches!(c, None | Some('/' | '?' | '#')) || (url.special() && c == Some('\\'));
                if c == Some(':') && !inside_brackets {
                    if buffer.is_empty() {
                        return Err(Error::Invalid);
                    }
                    url.host = Some(parse_host(&buffer, !url.special())?);
                    buffer.clear();
                    state = State::Port;
                } else if end {
                    p -= 1;
                    if url.special() && buffer.is_empty() {
                        return Err(Error::Invalid);
                    }
                    url.host = Some(parse_host(&buffer, !url.special())?);
                    buffer.clear();
                    state = State::PathStart;
                } else if let Some(c) = c {
                    if c == '[' {
                        inside_brackets = true;
                    } else if c == ']' {
                        inside_brackets = false;
                    }
                    buffer.push(c);
                }
            }
            State::Port => match c {
                Some(d) if d.is_ascii_digit() => buffer.push(d),
                None | Some('/' | '?' | '#') => {
                    port(&mut url, &buffer)?;
                    buffer.clear();
                    state = State::PathStart;
                    p -= 1;
                }
                Some('\\') if url.special() => {
                    port(&mut url, &buffer)?;
                    buffer.clear();
                    state = State::PathStart;
                    p -= 1;
                }
                Some(_) => return Err(Error::Invalid),
            },
            State::File => {
                url.scheme = "file".to_string();
                url.host = Some(String::new());
                if matches!(c, Some('/' | '\\')) {
                    state = State::FileSlash;
                } else if let Some(base) = base.filter(|b| b.scheme == "file") {
                    url.host = base.host.clone();
                    url.path = base.path.clone();
                    url.query = base.query.clone();
                    match c {
                        Some('?') => {
                            url.query = Some(String::new());
                            state = State::Query;
                        }
                        Some('#') => {
                            url.fragment = Some(String::new());
                            state = State::Fragment;
                        }
                        Some(_) => {
                            url.query = None;
                            if !starts_with_drive_letter(&input[p as usize..]) {
                                url.shorten_path();
                            } else {
                                url.path.clear();
                            }
                            state = State::Path;
                            p -= 1;
                        }
                        None => {}
                    }
                } else {
                    state = State::Path;
                    p -= 1;
                }
            }
            State::FileSlash => {
                if matches!(c, Some('/' | '\\')) {
                    state = State::FileHost;
                } else {
                    if let Some(base) = base.filter(|b| b.scheme == "file") {
                        url.host = base.host.clone();
                        let rest = &input[p.clamp(0, len) as usize..];
                        if !starts_with_drive_letter(rest)
                            && base
                                .path
                                .first()
                                .is_some_and(|s| is_normalized_drive_letter(s))
                        {
                            url.path.push(base.path[0].clone());
                        }
                    }
                    state = State::Path;
                    p -= 1;
                }
            }
            State::FileHost => {
                if matches!(c, None | Some('/' | '\\' | '?' | '#')) {
                    p -= 1;
                    let chars: Vec<char> = buffer.chars().collect();
                    if is_windows_drive_letter(&chars) {
                        state = State::Path;
                    } else if buffer.is_empty() {
                        url.host = Some(String::new());
                        state = State::PathStart;
                    } else {
                        let mut host = parse_host(&buffer, false)?;
                        if host == "localhost" {
                            host.clear();
                        }
                        url.host = Some(host);
                        buffer.clear();
                        state = State::PathStart;
                    }
                } else if let Some(c) = c {
                    buffer.push(c);
                }
            }
            State::PathStart => {
                if url.special() {
                    state = State::Path;
                    if !matches!(c, Some('/' | '\\')) {
                        p -= 1;
                    }
                } else if c == Some('?') {
                    url.query = Some(String::new());
                    state = State::Query;
                } else if c == Some('#') {
                    url.fragment = Some(String::new());
                    state = State::Fragment;
                } else if c.is_some() {
                    state = State::Path;
                    if c != Some('/') {
                        p -= 1;
                    }
                }
            }
            State::Path => {
                let slash = c == Some('/') || (url.special() && c == Some('\\'));
                if c.is_none() || slash || matches!(c, Some('?' | '#')) {
                    if is_double_dot(&buffer) {
                        url.shorten_path();
                        if !slash {
                            url.path.push(String::new());
                        }
                    } else if is_single_dot(&buffer) && !slash {
                        url.path.push(String::new());
                    } else if !is_single_dot(&buffer) {
                        if url.scheme == "file" && url.path.is_empty() {
                            let chars: Vec<char> = buffer.chars().collect();
                            if is_windows_drive_letter(&chars) {
                                buffer = format!("{}:", chars[0]);
                            }
                        }
                        url.path.push(std::mem::take(&mut buffer));
                    }
                    buffer.clear();
                    if c == Some('?') {
                        url.query = Some(String::new());
                        state = State::Query;
                    } else if c == Some('#') {
                        url.fragment = Some(String::new());
                        state = State::Fragment;
                    }
                } else if let Some(c) = c {
                    encode(&mut buffer, c, path_set);
                }
            }
            State::OpaquePath => match c {
                Some('?') => {
                    url.query = Some(String::new());
                    state = State::Query;
                }
                Some('#') => {
                    url.fragment = Some(String::new());
                    state = State::Fragment;
                }
                Some(' ') => {
                    if matches!(remaining(p).first(), Some('?' | '#')) {
                        url.path[0].push_str("%20");
                    } else {
                        url.path[0].push(' ');
                    }
                }
                Some(c) => encode(&mut url.path[0], c, c0_control),
                None => {}
            },
            State::Query => match c {
                Some('#') => {
                    url.fragment = Some(String::new());
                    state = State::Fragment;
                }
                Some(c) => {
                    let set = if url.special() {
                        special_query_set
                    } else {
                        query_set
                    };
                    encode(url.query.get_or_insert_with(String::new), c, set);
                }
                None => {}
            },
            State::Fragment => {
                if let Some(c) = c {
                    encode(
                        url.fragment.get_or_insert_with(String::new),
                        c,
                        fragment_set,
                    );
                }
            }
        }
        if p >= len {
            break;
        }
        p += 1;
    }
    Ok(url)
}

fn port(url: &mut Url, digits: &str) -> Result<(), Error> {
    if digits.is_empty() {
        return Ok(());
    }
    let mut n: u32 = 0;
    for d in digits.bytes() {
        n = n * 10 + u32::from(d - b'0');
        if n > 65535 {
            return Err(Error::Invalid);
        }
    }
    let n = n as u16;
    url.port = (default_port(&url.scheme) != Some(n)).then_some(n);
    Ok(())
}

fn is_forbidden_host(c: char) -> bool {
    matches!(
        c,
        '\0' | '\t'
            | '\n'
            | '\r'
            | ' '
            | '#'
            | '/'
            | ':'
            | '<'
            | '>'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '^'
            | '|'
    )
}

fn is_forbidden_domain(c: char) -> bool {
    is_forbidden_host(c) || c <= '\u{1f}' || c == '%' || c == '\u{7f}'
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            let hex = |x: u8| (x as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The host parser; the result serialized.
fn parse_host(input: &str, opaque: bool) -> Result<String, Error> {
    if let Some(inner) = input.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(Error::Invalid)?;
        return Ok(format!("[{}]", serialize_ipv6(&parse_ipv6(inner)?)));
    }
    if opaque {
        if input.chars().any(is_forbidden_host) {
            return Err(Error::Invalid);
        }
        let mut out = String::with_capacity(input.len());
        for c in input.chars() {
            encode(&mut out, c, c0_control);
        }
        return Ok(out);
    }
    let decoded = percent_decode(input);
    let mut domain = String::from_utf8_lossy(&decoded).into_owned();
    // IDNA maps these to nothing: a domain ASCII without them needs no tables.
    domain.retain(|c| {
        !matches!(c, '\u{ad}' | '\u{34f}' | '\u{180b}'..='\u{180f}' | '\u{200b}' | '\u{2060}' | '\u{2064}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}')
    });
    if !domain.is_ascii() {
        return Err(Error::Idna);
    }
    let domain = domain.to_ascii_lowercase();
    if domain.is_empty() || domain.chars().any(is_forbidden_domain) {
        return Err(Error::Invalid);
    }
    if domain.split('.').any(|label| label.starts_with("xn--")) {
        // A Punycode label is checked against IDNA's tables.
        return Err(Error::Idna);
    }
    if ends_in_number(&domain) {
        return parse_ipv4(&domain).map(|a| {
            let [a, b, c, d] = a.to_be_bytes();
            format!("{a}.{b}.{c}.{d}")
        });
    }
    Ok(domain)
}

fn ends_in_number(domain: &str) -> bool {
    let mut parts: Vec<&str> = domain.split('.').collect();
    if parts.last() == Some(&"") {
        if parts.len() == 1 {
            return false;
        }
        parts.pop();
    }
    let last = parts.last().copied().unwrap_or("");
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_some()
}

/// An IPv4 part: decimal, `0x` hex or `0` octal; `None` when it is no number.
fn ipv4_number(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (h, 16)
    } else if s.len() >= 2 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let mut n: u64 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix)?;
        // Saturates well above any valid part.
        n = (n * u64::from(radix) + u64::from(d)).min(1 << 40);
    }
    Some(n)
}

fn parse_ipv4(s: &str) -> Result<u32, Error> {
    let mut parts: Vec<&str> = s.split('.').collect();
    if parts.last() == Some(&"") && parts.len() > 1 {
        parts.pop();
    }
    if parts.len() > 4 {
        return Err(Error::Invalid);
    }
    let numbers = parts
        .iter()
        .map(|p| ipv4_number(p).ok_or(Error::Invalid))
        .collect::<Result<Vec<u64>, Error>>()?;
    let (last, rest) = numbers.split_last().ok_or(Error::Invalid)?;
    if rest.iter().any(|&n| n > 255) || *last >= 1u64 << (8 * (5 - numbers.len())) {
        return Err(Error::Invalid);
    }
    let mut ip = *last;
    for (i, n) in rest.iter().enumerate() {
        ip += n << (8 * (3 - i));
    }
    Ok(ip as u32)
}

fn parse_ipv6(s: &str) -> Result<[u16; 8], Error> {
    let input: Vec<char> = s.chars().collect();
    let at = |p: usize| input.get(p).copied();
    let mut address = [0u16; 8];
    let mut piece = 0usize;
    let mut compress: Option<usize> = None;
    let mut p = 0usize;
    if at(p) == Some(':') {
        if at(p + 1) != Some(':') {
            return Err(Error::Invalid);
        }
        p += 2;
        piece += 1;
        compress = Some(piece);
    }
    while let Some(c) = at(p) {
        if piece == 8 {
            return Err(Error::Invalid);
        }
        if c == ':' {
            if compress.is_some() {
                return Err(Error::Invalid);
            }
            p += 1;
            piece += 1;
            compress = Some(piece);
            continue;
        }
        let (mut value, mut length) = (0u32, 0usize);
        while length < 4 {
            let Some(d) = at(p).and_then(|c| c.to_digit(16)) else {
                break;
            };
            value = value * 16 + d;
            p += 1;
            length += 1;
        }
        match at(p) {
            Some('.') => {
                if length == 0 {
                    return Err(Error::Invalid);
                }
                p -= length;
                if piece > 6 {
                    return Err(Error::Invalid);
                }
                let mut numbers_seen = 0;
                while let Some(c) = at(p) {
                    if numbers_seen > 0 {
                        if c == '.' && numbers_seen < 4 {
                            p += 1;
                        } else {
                            return Err(Error::Invalid);
                        }
                    }
                    if !at(p).is_some_and(|c| c.is_ascii_digit()) {
                        return Err(Error::Invalid);
                    }
                    let mut v: Option<u32> = None;
                    while let Some(d) = at(p).and_then(|c| c.to_digit(10)) {
                        v = match v {
                            None => Some(d),
                            Some(0) => return Err(Error::Invalid),
                            Some(n) => Some(n * 10 + d),
                        };
                        if v > Some(255) {
                            return Err(Error::Invalid);
                        }
                        p += 1;
                    }
                    address[piece] = address[piece] * 0x100 + v.unwrap_or(0) as u16;
                    numbers_seen += 1;
                    if numbers_seen == 2 || numbers_seen == 4 {
                        piece += 1;
                    }
                }
                if numbers_seen != 4 {
                    return Err(Error::Invalid);
                }
                break;
            }
            Some(':') => {
                p += 1;
                if at(p).is_none() {
                    return Err(Error::Invalid);
                }
            }
            Some(_) => return Err(Error::Invalid),
            None => {}
        }
        address[piece] = value as u16;
        piece += 1;
    }
    if let Some(compress) = compress {
        let mut swaps = piece - compress;
        piece = 7;
        while piece != 0 && swaps > 0 {
            address.swap(piece, compress + swaps - 1);
            piece -= 1;
            swaps -= 1;
        }
    } else if piece != 8 {
        return Err(Error::Invalid);
    }
    Ok(address)
}

fn serialize_ipv6(address: &[u16; 8]) -> String {
    // The first longest run of two or more zero pieces is compressed.
    let (mut best, mut best_len) = (None, 1);
    let mut i = 0;
    while i < 8 {
        if address[i] == 0 {
            let start = i;
            while i < 8 && address[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                best = Some(start);
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let mut out = String::new();
    let mut ignore0 = false;
    for (i, &piece) in address.iter().enumerate() {
        if ignore0 && piece == 0 {
            continue;
        }
        ignore0 = false;
        if best == Some(i) {
            out.push_str(if i == 0 { "::" } else { ":" });
            ignore0 = true;
            continue;
        }
        _ = write!(out, "{piece:x}");
        if i != 7 {
            out.push(':');
        }
    }
    out
}

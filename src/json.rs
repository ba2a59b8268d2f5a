//! JSON (RFC 8259) read into a small tree (the JSON-LD a page declares about its article), and
//! written field by field (the export).
//!
//! Read here rather than with serde_json: the .wasm has a size budget, and serde_json's value
//! deserializer, its map and the serde machinery behind them cost about 6 KB of it (gzip) for
//! one use. What it accepts and rejects is serde_json's, case for case (a test holds the two
//! to JSONTestSuite's cases and to every JSON-LD block of the corpora): the same grammar, no
//! control character inside a string, a `\u` escape of a surrogate only as a pair, nothing
//! after the value but whitespace, and nesting to serde_json's depth. Numbers are checked, not
//! kept: no field the engine reads is a number.
//!
//! Written here rather than through serde: the derive, and serde-wasm-bindgen's serializer to
//! JavaScript objects, cost 4.1 KB of the .wasm's gzip; this writer and the export's fields cost
//! a fraction of that, and JavaScript reads the text with `JSON.parse`. It writes what
//! serde_json writes (a test holds the two to each other): the same escapes, compact or indented
//! as `to_string_pretty` indents.

/// A JSON value. An object keeps its members in order; [`Object::get`] finds a key's last
/// value, as a map that a repeated key overwrites does.
#[derive(Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, checked and not kept.
    Number,
    /// A string, its escapes decoded.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
}

/// A JSON object's members, in document order.
#[derive(Debug, PartialEq, Default)]
pub struct Object(pub Vec<(String, Value)>);

impl Object {
    /// The value of `key` (its last, when repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Value {
    /// The value of `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The text when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// The value a whole text holds (whitespace around it allowed); none when it is no JSON.
pub fn parse(text: &str) -> Option<Value> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth_left: MAX_DEPTH,
    };
    let value = reader.value()?;
    reader.skip_whitespace();
    (reader.at == reader.bytes.len()).then_some(value)
}

/// Arrays and objects nest this deep at most (serde_json's recursion limit): deeper input is
/// refused, and the reader's recursion stays bounded.
const MAX_DEPTH: usize = 128;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth_left: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `word` (a literal's letters) if it is next.
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end) == Some(word)).then(|| self.at = end)
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_whitespace();
        match self.peek()? {
            b'n' => self.literal(b"null").map(|()| Value::Null),
            b't' => self.literal(b"true").map(|()| Value::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            b'-' | b'0'..=b'9' => self.number().map(|()| Value::Number),
            _ => None,
        }
    }

    /// Reads an array or an object one level deeper.
    fn nested(&mut self, read: fn(&mut Self) -> Option<Value>) -> Option<Value> {
        self.depth_left = self.depth_left.checked_sub(1).filter(|&d| d > 0)?;
        let value = read(self);
        self.depth_left += 1;
        value
    }

    fn array(&mut self) -> Option<Value> {
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(Value::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self) -> Option<Value> {
        self.at += 1; // {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(Value::Object(Object(members)));
        }
        loop {
            self.skip_whitespace();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            members.push((key, self.value()?));
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(Value::Object(Object(members)));
                }
                _ => return None,
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    /// One digit or more.
    fn some_digits(&mut self) -> Option<()> {
        let from = self.at;
        self.digits();
        (self.at > from).then_some(())
    }

    /// A string, from its opening quote; its escapes decoded.
    fn string(&mut self) -> Option<String> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // The run up to the next quote, escape or control character is copied as is (the
            // input is a `str`: a run between ASCII bytes is whole characters).
            let run = self.bytes[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
            let text = std::str::from_utf8(&self.bytes[self.at..self.at + run]).ok()?;
            out.push_str(text);
            self.at += run;
            match self.bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                _ => return None, // a control character
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    // A surrogate is only half of a character: its other half must follow.
                    0xD800..=0xDBFF => {
                        self.literal(b"\\u")?;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => char::from_u32(first)?,
                }
            }
            _ => return None,
        })
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.at += 4;
        Some(n)
    }
}

// ------------------------------------------------------------------------------------ writing

/// What the export writes as a JSON value.
pub trait ToJson {
    fn write_json(&self, w: &mut Writer);
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

/// JSON text written member by member: compact, or indented two spaces per level.
pub struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Whether the object or array just opened has no member yet.
    empty: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            empty: false,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Opens an object (`{`) or an array (`[`).
    pub fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes what [`open`](Self::open) opened (`}` or `]`).
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the open object's next member: its key, then the caller writes its value.
    pub fn key(&mut self, key: &str) {
        self.element();
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// Starts the open array's next element.
    pub fn element(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            self.out.extend(std::iter::repeat_n(' ', 2 * self.depth));
        }
    }

    /// A string, escaped: `"` and `\`, and control characters (`\n`, `\u001f`, …).
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut from = 0;
        for (at, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => '"',
                b'\\' => '\\',
                b'\n' => 'n',
                b'\r' => 'r',
                b'\t' => 't',
                0x08 => 'b',
                0x0C => 'f',
                0..=0x1F => 'u',
                _ => continue,
            };
            self.out.push_str(&s[from..at]);
            self.out.push('\\');
            self.out.push(short);
            if short == 'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
            }
            from = at + 1;
        }
        self.out.push_str(&s[from..]);
        self.out.push('"');
    }

    /// A member whose value is a string.
    pub fn str_field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    /// A member whose value is a whole number.
    pub fn number_field(&mut self, key: &str, mut n: usize) {
        self.key(key);
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend(digits[at..].iter().map(|&d| char::from(d)));
    }

    /// A member whose value is `true` or `false`.
    pub fn bool_field(&mut self, key: &str, b: bool) {
        self.key(key);
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// A member, written.
    pub fn field(&mut self, key: &str, value: &impl ToJson) {
        self.key(key);
        value.write_json(self);
    }

    /// A member when there is a value: none is left out.
    pub fn opt_field(&mut self, key: &str, value: &Option<impl ToJson>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    /// A member when the list has elements: an empty list is left out.
    pub fn list_field<T: ToJson>(&mut self, key: &str, list: &[T]) {
        if list.is_empty() {
            return;
        }
        self.key(key);
        self.open('[');
        for item in list {
            self.element();
            item.write_json(self);
        }
        self.close(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_ld_holds() {
        let v =
            parse(r#" {"@type":["NewsArticle"],"a":1.5e3,"a":"b\u00e9\ud83d\ude00","n":null} "#)
                .unwrap();
        assert_eq!(v.get("a").and_then(Value::as_str), Some("bé😀"));
        assert_eq!(v.get("n"), Some(&Value::Null));
        assert!(matches!(v.get("@type"), Some(Value::Array(a)) if a.len() == 1));
        // Refused as serde_json refuses them.
        for bad in [
            "{\"a\":1,}",
            "[1,]",
            "\"tab\tinside\"",
            "\"\\ud800\"",
            "01",
            "1.",
            "[1] x",
            "{'a':1}",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        // Nesting is bounded: refused, not a deep recursion.
        assert_eq!(parse(&"[".repeat(100_000)), None);
        assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_some());
    }
    #[test]
    fn writes_strings_as_serde_json_does() {
        let mut s: String = (0u8..0x20).map(char::from).collect();
        s.push_str("\"quote\" back\\slash / \u{7f} é 한글 \u{2028} 😀 end");
        let mut w = Writer::new(false);
        w.string(&s);
        assert_eq!(w.finish(), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn writes_members_compact_or_indented() {
        struct Pair(&'static str, usize);
        impl ToJson for Pair {
            fn write_json(&self, w: &mut Writer) {
                w.open('{');
                w.str_field("name", self.0);
                w.number_field("n", self.1);
                w.close('}');
            }
        }
        let write = |pretty| {
            let mut w = Writer::new(pretty);
            w.open('{');
            w.opt_field("none", &None::<String>);
            w.opt_field("some", &Some("x".to_string()));
            w.list_field("empty", &Vec::<String>::new());
            w.list_field(
                "pairs",
                &[Pair("a", 0), Pair("b", 18_446_744_073_709_551_615)],
            );
            w.bool_field("ok", true);
            w.close('}');
            w.finish()
        };
        assert_eq!(
            write(false),
            r#"{"some":"x","pairs":[{"name":"a","n":0},{"name":"b","n":18446744073709551615}],"ok":true}"#
        );
        let pretty = "{\n  \"some\": \"x\",\n  \"pairs\": [\n    {\n      \"name\": \"a\",\n      \
                      \"n\": 0\n    },\n    {\n      \"name\": \"b\",\n      \"n\": \
                      18446744073709551615\n    }\n  ],\n  \"ok\": true\n}";
        assert_eq!(write(true), pretty);
        let mut empty = Writer::new(true);
        empty.open('{');
        empty.close('}');
        assert_eq!(empty.finish(), "{}");
    }
}

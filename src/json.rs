//! JSON (RFC 8259) read into a small tree: the JSON-LD a page declares about its article.
//!
//! Read here rather than with serde_json: the .wasm has a size budget, and serde_json's value
//! deserializer, its map and the serde machinery behind them cost about 6 KB of it (gzip) for
//! one use. What it accepts and rejects is serde_json's, case for case (a test holds the two
//! to JSONTestSuite's cases and to every JSON-LD block of the corpora): the same grammar, no
//! control character inside a string, a `\u` escape of a surrogate only as a pair, nothing
//! after the value but whitespace, and nesting to serde_json's depth. Numbers are checked, not
//! kept: no field the engine reads is a number.

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
}

//! Text from files made safe for the sink it is written to.
//!
//! Any string a file supplies (a name, a clause, a case name, a path) may hold
//! newlines, terminal escapes or bidi overrides. Written raw, it can forge lines
//! of output, drive the terminal, reorder what a reader sees, or run GitHub
//! Actions workflow commands (`::error::…` at the start of a line, `##[error]`
//! anywhere in one). Two layers stop that:
//!
//! - [`escape`] wraps each piece of file text put into human output, showing
//!   every unsafe character as an escape (`\n`, `\u{1b}`), so file text stays on
//!   its line;
//! - [`guard`] is applied to the whole of human output on its way out: whatever
//!   an interpolation missed, no control or bidi character is written raw and no
//!   line can be read as a workflow command.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// Whether a character must never reach a terminal or a CI log raw: control
/// characters (C0, DEL, C1), bidi embeddings, overrides and isolates, and the
/// Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// Writes one character as people read escapes: `\n`, `\r`, `\t`, else `\u{1b}`.
fn push_escaped(out: &mut impl fmt::Write, c: char) -> fmt::Result {
    match c {
        '\n' => out.write_str("\\n"),
        '\r' => out.write_str("\\r"),
        '\t' => out.write_str("\\t"),
        c => write!(out, "{}", c.escape_unicode()),
    }
}

/// File text for human output: shown with every unsafe character escaped.
#[derive(Debug, Clone, Copy)]
pub struct Escaped<T>(pub T);

/// Wraps file text (anything `Display`) so it prints escaped.
pub fn escape<T: fmt::Display>(text: T) -> Escaped<T> {
    Escaped(text)
}

/// `s` with every unsafe character escaped; borrowed when there is none.
pub fn escaped(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_unsafe) {
        Cow::Owned(escape(s).to_string())
    } else {
        Cow::Borrowed(s)
    }
}

impl<T: fmt::Display> fmt::Display for Escaped<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Escaper<'a, 'b>(&'a mut fmt::Formatter<'b>);
        impl fmt::Write for Escaper<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let mut rest = s;
                while let Some(i) = rest.find(is_unsafe) {
                    self.0.write_str(&rest[..i])?;
                    let c = rest[i..].chars().next().unwrap_or_default();
                    push_escaped(self.0, c)?;
                    rest = &rest[i + c.len_utf8()..];
                }
                self.0.write_str(rest)
            }
        }
        write!(Escaper(f), "{}", self.0)
    }
}

/// Makes a whole piece of human output safe to write. Newlines and tabs are kept
/// (they are the output's own layout); with `styled`, so are the colour
/// sequences (`ESC [ … m`) tor writes to a terminal. Every other unsafe
/// character is escaped, a line that would start a workflow command (`::` after
/// any leading white space) has its first `:` escaped, and `##[` anywhere has
/// its `[` escaped.
pub fn guard(text: &str, styled: bool) -> Cow<'_, str> {
    if !needs_guard(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        guard_line(&mut out, line, styled);
    }
    Cow::Owned(out)
}

/// The first line of `text` that breaks what [`guard`] promises (a raw control
/// or bidi character other than a tab, or, when `styled`, a colour sequence; a
/// workflow command), if any. For tests and fuzzing.
pub fn violation(text: &str, styled: bool) -> Option<&str> {
    text.split('\n').find(|line| {
        let mut rest = *line;
        let mut raw = false;
        while let Some(i) = rest.find(|c: char| c != '\t' && is_unsafe(c)) {
            if let Some(len) = sgr_len(&rest[i..]).filter(|_| styled) {
                rest = &rest[i + len..];
            } else {
                raw = true;
                break;
            }
        }
        raw || line.trim_start().starts_with("::") || line.contains("##[")
    })
}

fn needs_guard(text: &str) -> bool {
    text.contains("##[")
        || text.contains("::")
        || text.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c))
}

fn guard_line(out: &mut String, line: &str, styled: bool) {
    let indent = line.len() - line.trim_start().len();
    let command_at = line[indent..].starts_with("::").then_some(indent);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if Some(i) == command_at || (c == '[' && line[..i].ends_with("##")) {
            let _ = push_escaped(out, c);
        } else if c == '\x1b' && styled && sgr_len(&line[i..]).is_some() {
            let len = sgr_len(&line[i..]).unwrap_or(1);
            out.push_str(&line[i..i + len]);
            while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                chars.next();
            }
        } else if c != '\t' && is_unsafe(c) {
            let _ = push_escaped(out, c);
        } else {
            out.push(c);
        }
    }
}

/// The length of a colour sequence (`ESC [ digits/semicolons m`) at the start of
/// `s`, if there is one.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// Makes JSON text safe to write where a CI log may read it, without changing
/// a value: characters serde leaves raw in strings (DEL, C1, bidi, line
/// separators) become `\uXXXX`, and `##[` becomes `##\u005b`. Outside strings
/// JSON has none of these, and its lines start with white space and a quote, a
/// bracket or a brace, never `::`.
pub fn guard_json(json: &str) -> Cow<'_, str> {
    if !json.contains("##[") && !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for (i, c) in json.char_indices() {
        if (c != '\n' && is_unsafe(c)) || (c == '[' && json[..i].ends_with("##")) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// GitHub workflow-command data (the message after `::`): `%`, CR and LF are
/// percent-encoded, as GitHub's toolkit does; unsafe characters are escaped first
/// so the annotation shows them.
pub fn github_data(s: &str) -> String {
    escaped(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A GitHub workflow-command property value (`file=…`, `title=…`): as data, and
/// `:` and `,` too, which would end the value.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One GitHub workflow command (`::error file=…,line=…,col=…,title=…::message`),
/// a line of its own: no file text can end the command or start another line.
pub fn github_command(
    level: &str,
    file: &str,
    (line, col): (usize, usize),
    title: &str,
    message: &str,
) -> String {
    format!(
        "::{level} file={},line={line},col={col},title={}::{}\n",
        github_property(file),
        github_property(title),
        github_data(message),
    )
}

/// A relative URI reference for a file path (RFC 3986): `\` becomes `/`, and
/// every byte that is not unreserved, a sub-delim, `:`, `@` or `/` is
/// percent-encoded, so `p q#r.toml` is `p%20q%23r.toml`, never a fragment.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let b = if b == b'\\' { b'/' } else { b };
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    // A first segment with `:` would read as a scheme (`c:/x` is a URI of
    // scheme `c`); `./` keeps it a relative path.
    let first = out.split('/').next().unwrap_or_default();
    if first.contains(':') {
        out.insert_str(0, "./");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_shows_control_and_bidi_characters() {
        assert_eq!(
            escape("a\nb\x1b]0;x\x07\u{202E}c\u{85}").to_string(),
            "a\\nb\\u{1b}]0;x\\u{7}\\u{202e}c\\u{85}"
        );
        assert_eq!(escaped("plain é text"), Cow::Borrowed("plain é text"));
    }

    #[test]
    fn guard_defuses_workflow_commands() {
        assert_eq!(
            guard("ok\n  ::error::x\nsee ##[error]y", false),
            "ok\n  \\u{3a}:error::x\nsee ##\\u{5b}error]y"
        );
        assert_eq!(guard("a::b\n", false), Cow::Borrowed("a::b\n"));
    }

    #[test]
    fn guard_keeps_colour_only_when_styled() {
        assert_eq!(guard("\x1b[1;31mX\x1b[0m", true), "\x1b[1;31mX\x1b[0m");
        assert_eq!(guard("\x1b[1;31mX", false), "\\u{1b}[1;31mX");
        assert_eq!(guard("\x1b]8;;x\x07", true), "\\u{1b}]8;;x\\u{7}");
    }

    #[test]
    fn guard_json_keeps_values() {
        let value = "a\u{7f}\u{85}\u{202e}##[x]\u{2028}";
        let json =
            serde_json::to_string_pretty(&serde_json::json!({ "k": value })).unwrap_or_default();
        let guarded = guard_json(&json);
        assert!(
            !guarded.contains("##[") && !guarded.contains('\u{202e}'),
            "{guarded}"
        );
        let back: serde_json::Value = serde_json::from_str(&guarded).unwrap_or_default();
        assert_eq!(back["k"], value);
    }

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(github_data("50%\r\nx"), "50%25\\r\\nx");
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn uri_encodes_per_rfc_3986() {
        assert_eq!(uri("p q#r.toml"), "p%20q%23r.toml");
        assert_eq!(uri("a\\b%c?.toml"), "a/b%25c%3F.toml");
        assert_eq!(uri("dir/é.toml"), "dir/%C3%A9.toml");
        assert_eq!(uri("c:x.toml"), "./c:x.toml");
    }
}

#[cfg(test)]
pub(crate) mod props {
    use proptest::prelude::*;

    use super::*;

    /// Text rich in what attacks output: line breaks, colons, `##[`, escapes,
    /// bidi controls, percent signs and commas, with any character besides.
    pub(crate) fn hostile() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            Just('\n'),
            Just('\r'),
            Just(':'),
            Just('#'),
            Just('['),
            Just(' '),
            Just('\t'),
            Just('\x1b'),
            Just('\x07'),
            Just('\u{85}'),
            Just('\u{202e}'),
            Just('\u{2066}'),
            Just('\u{2028}'),
            Just('%'),
            Just(','),
            Just('m'),
            Just('1'),
            Just('a'),
            any::<char>(),
        ];
        prop::collection::vec(c, 0..48).prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn guarded_output_is_safe(text in hostile(), styled in any::<bool>()) {
            let out = guard(&text, styled);
            prop_assert_eq!(violation(&out, styled), None);
        }

        #[test]
        fn escaped_text_has_no_unsafe_character(text in hostile()) {
            let shown = escape(&text).to_string();
            prop_assert!(!shown.chars().any(is_unsafe));
            prop_assert_eq!(escaped(&text), shown);
        }

        #[test]
        fn a_github_command_is_one_line_with_its_own_properties(
            path in hostile(),
            message in hostile(),
        ) {
            let line = github_command("error", &path, (3, 4), "tor x", &message);
            prop_assert!(line.starts_with("::error file="), "{}", line);
            prop_assert_eq!(line.find('\n'), Some(line.len() - 1));
            prop_assert!(!line.chars().any(|c| c != '\n' && is_unsafe(c)));
            // The properties end at the first `::` after the command name.
            let end = line[2..].find("::").map(|i| i + 2);
            let props = format!("::error file={},line=3,col=4,title=tor x", github_property(&path));
            prop_assert_eq!(end, Some(props.len()));
            prop_assert_eq!(props.matches(',').count(), 3);
        }

        #[test]
        fn guarded_json_keeps_the_value(text in hostile()) {
            let json = serde_json::to_string_pretty(&serde_json::json!({ "k": text })).unwrap_or_default();
            let guarded = guard_json(&json);
            prop_assert_eq!(violation(&guarded, false), None);
            let back: serde_json::Value = serde_json::from_str(&guarded).unwrap_or_default();
            prop_assert_eq!(back["k"].as_str(), Some(text.as_str()));
        }

        #[test]
        fn a_uri_is_plain_ascii_without_fragment_or_query(path in hostile()) {
            let u = uri(&path);
            prop_assert!(u.bytes().all(|b| b.is_ascii_graphic() && !b"#?[]%".contains(&b)
                || b == b'%'), "{}", u);
            prop_assert!(!u.contains('#') && !u.contains('?') && !u.contains(' '));
        }
    }
}

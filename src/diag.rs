//! Diagnostics about a file: what is wrong, where, and how to fix it.

use std::ops::Range;

use serde::Serialize;

use crate::model::Keyword;

mod code;
pub use code::{ALIASES, Code};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in a file. `code` is stable: scripts may match on it.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// Byte range in the file, where the problem has a place.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// A short label under the caret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(code.severity(), Severity::Error, "{code} is a warning");
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(code.severity(), Severity::Warning, "{code} is an error");
        Self {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds "did you mean" help when one candidate is close to `got`.
    #[must_use]
    pub fn suggest<'a>(self, got: &str, candidates: impl IntoIterator<Item = &'a str>) -> Self {
        match nearest(got, candidates) {
            Some(best) => self.help(format!("did you mean `{best}`?")),
            None => self,
        }
    }
}

/// Text longer than this gets no suggestion: it is not a mistyped id.
const SUGGEST_MAX_LEN: usize = 80;
/// At most this many candidates are compared, so a file naming thousands of
/// unknown ids against a huge membership costs a bounded time per id. Every real
/// list (members, keys, time zones) is far shorter.
const SUGGEST_MAX_CANDIDATES: usize = 1000;

/// The candidate nearest to `got`, if it is near enough to be a likely typo.
/// Candidates of very different length are never near, and are not compared.
pub fn nearest<'a>(got: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if got.len() > SUGGEST_MAX_LEN {
        return None;
    }
    candidates
        .into_iter()
        .filter(|c| c.len() <= 2 * got.len() + 4 && got.len() <= 2 * c.len() + 4)
        .take(SUGGEST_MAX_CANDIDATES)
        .map(|c| (strsim::jaro_winkler(got, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// How many diagnostics with the same code one file shows; the rest are counted,
/// not shown, so a file repeating one mistake thousands of times gives a short,
/// readable report in time and space linear in its size.
pub const SHOWN_PER_CODE: usize = 10;

/// Diagnostics of one code that a file had beyond [`SHOWN_PER_CODE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppressed {
    pub code: Code,
    pub severity: Severity,
    pub count: usize,
}

/// The diagnostics of one file as reported: in line order, at most
/// [`SHOWN_PER_CODE`] of each code, with the true totals.
#[derive(Debug, Clone, Default)]
pub struct Reported {
    pub shown: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
    pub errors: usize,
    pub warnings: usize,
}

impl Reported {
    pub fn new(mut all: Vec<Diagnostic>) -> Self {
        // Stable: diagnostics at one place keep the order they were found in;
        // those without a place (about the whole file) come first.
        all.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
        let warnings = all.len() - errors;
        let mut seen: std::collections::HashMap<(Code, Severity), usize> =
            std::collections::HashMap::new();
        let mut suppressed: Vec<Suppressed> = Vec::new();
        let mut shown = Vec::new();
        for d in all {
            let n = seen.entry((d.code, d.severity)).or_default();
            *n += 1;
            if *n <= SHOWN_PER_CODE {
                shown.push(d);
            } else if let Some(s) = suppressed
                .iter_mut()
                .find(|s| s.code == d.code && s.severity == d.severity)
            {
                s.count += 1;
            } else {
                suppressed.push(Suppressed {
                    code: d.code,
                    severity: d.severity,
                    count: 1,
                });
            }
        }
        Self {
            shown,
            suppressed,
            errors,
            warnings,
        }
    }
}

impl Suppressed {
    /// The one line a human reads in place of the diagnostics not shown.
    pub fn line(&self) -> String {
        let what = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "note: … and {} more {what}(s) [{}] like this (only the first {SHOWN_PER_CODE} are shown)",
            self.count, self.code
        )
    }
}

/// 1-based line and column (in characters) of a byte offset. Scans the text:
/// for many offsets into one text, build a [`LineIndex`] once.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(text, offset)
}

/// Where each line of a text starts, so that finding the line of an offset costs
/// a binary search rather than a scan (a file with thousands of diagnostics
/// would otherwise be read once per diagnostic).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The 0-based line holding `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// 1-based line and column (in characters) of a byte offset into `text`,
    /// the text this index was built from.
    pub fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset);
        let line = self.line(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }

    /// The whole lines of `text` that `span` touches: their byte range and the
    /// 1-based number of the first.
    fn lines_of(&self, text: &str, span: &Range<usize>) -> (Range<usize>, usize) {
        let first = self.line(span.start);
        let last = self.line(span.end.saturating_sub(1).max(span.start));
        let start = self.starts.get(first).copied().unwrap_or(0);
        // The line end is kept, so a CRLF file's CR stays part of its line end.
        let end = self.starts.get(last + 1).copied().unwrap_or(text.len());
        (start..end.max(start).min(text.len()), first + 1)
    }
}

/// The largest character boundary at or before `i`, within the text.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders a diagnostic the way rustc does: the message, `path:line:column`, the
/// source line and a caret under the place. Returns text; the caller prints it.
///
/// The file's own text is shown, so everything from it (the source line, the
/// path, messages quoting it) is escaped: no control or bidi character in the
/// file reaches the terminal raw.
pub fn render(path: &str, text: &str, diagnostic: &Diagnostic, styled: bool) -> String {
    render_in(path, text, &LineIndex::new(text), diagnostic, styled)
}

/// [`render`] with the text's line index built once by the caller. Only the
/// lines the diagnostic points at are handed to the renderer (and escaped), so
/// the cost does not grow with the size of the file.
pub fn render_in(
    path: &str,
    text: &str,
    lines: &LineIndex,
    diagnostic: &Diagnostic,
    styled: bool,
) -> String {
    use crate::report::safe::escaped;
    use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let path = escaped(path);
    let message = escaped(&diagnostic.message);
    let label = diagnostic.label.as_deref().map(escaped);
    let help = diagnostic.help.as_deref().map(escaped);
    let source;
    let title = level
        .primary_title(message.as_ref())
        .id(diagnostic.code.as_str());
    let mut group = match &diagnostic.span {
        Some(span) if !text.is_empty() => {
            let span = clamp(text, span.clone());
            let (window, first_line) = lines.lines_of(text, &span);
            let local = span.start - window.start..span.end.min(window.end) - window.start;
            source = SafeSource::new(&text[window]);
            let mut annotation = AnnotationKind::Primary.span(source.span(local));
            if let Some(label) = &label {
                annotation = annotation.label(label.as_ref());
            }
            title.element(
                Snippet::source(source.text.as_ref())
                    .line_start(first_line)
                    .path(path.as_ref())
                    .annotation(annotation),
            )
        }
        _ => title.element(Origin::path(path.as_ref()).line(1).char_column(1)),
    };
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// A file's text with its unsafe characters escaped but its lines kept, and the
/// way back from a byte offset in the file to one in the escaped text.
struct SafeSource<'a> {
    text: std::borrow::Cow<'a, str>,
    /// For each escaped character: its offset in the file, and how many bytes
    /// longer the escaped text is once past it.
    shifts: Vec<(usize, usize)>,
}

impl<'a> SafeSource<'a> {
    fn new(text: &'a str) -> Self {
        use crate::report::safe::{escape, is_unsafe};
        // Line ends are the snippet's own layout; a lone CR is not.
        let keep = |i: usize, c: char| {
            c == '\n' || c == '\t' || (c == '\r' && text[i + 1..].starts_with('\n'))
        };
        let unsafe_at = |(i, c): &(usize, char)| is_unsafe(*c) && !keep(*i, *c);
        if !text.char_indices().any(|ic| unsafe_at(&ic)) {
            return Self {
                text: std::borrow::Cow::Borrowed(text),
                shifts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        for (i, c) in text.char_indices() {
            if unsafe_at(&(i, c)) {
                let shown = escape(c).to_string();
                out.push_str(&shown);
                let before = shifts.last().map_or(0, |&(_, s)| s);
                shifts.push((i, before + shown.len() - c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        Self {
            text: std::borrow::Cow::Owned(out),
            shifts,
        }
    }

    /// A span of the file as a span of the escaped text.
    fn span(&self, span: Range<usize>) -> Range<usize> {
        let at = |offset: usize| {
            let n = self.shifts.partition_point(|&(i, _)| i < offset);
            offset + n.checked_sub(1).map_or(0, |k| self.shifts[k].1)
        };
        at(span.start)..at(span.end)
    }
}

/// Keeps a span inside the text and on character boundaries, so rendering a
/// diagnostic about a strange file can never fail.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, span.start);
    let end = floor_boundary(text, span.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_index_finds_lines_and_renders_only_them() {
        let text = "a = 1\r\nb = 2\nc = 3";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_column(text, 7), (2, 1));
        assert_eq!(lines.line_column(text, 13), (3, 1));
        assert_eq!(lines.lines_of(text, &(7..8)), (7..13, 2));
        let d = Diagnostic::error(Code::Syntax, "bad").at(13..14);
        let shown = render_in("f.toml", text, &lines, &d, false);
        assert!(
            shown.contains("f.toml:3:1") && shown.contains("3 | c = 3"),
            "{shown}"
        );
        assert!(!shown.contains("a = 1"), "{shown}");
    }

    #[test]
    fn reported_sorts_by_place_caps_each_code_and_keeps_totals() {
        let mut all: Vec<Diagnostic> = (0..25)
            .rev()
            .map(|i| Diagnostic::error(Code::UnknownMember, "again").at(i * 10 + 10..i * 10 + 11))
            .collect();
        all.push(Diagnostic::warning(Code::ReviewOverdue, "whole file"));
        all.push(Diagnostic::error(Code::MissingKey, "once").at(5..6));
        let r = Reported::new(all);
        assert_eq!((r.errors, r.warnings), (26, 1));
        assert_eq!(r.shown.len(), SHOWN_PER_CODE + 2);
        assert_eq!(r.shown[0].code, Code::ReviewOverdue);
        let starts: Vec<usize> = r.shown[1..]
            .iter()
            .map(|d| d.span.clone().unwrap().start)
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        assert_eq!(
            r.suppressed,
            [Suppressed {
                code: Code::UnknownMember,
                severity: Severity::Error,
                count: 15
            }]
        );
        assert!(
            r.suppressed[0]
                .line()
                .contains("… and 15 more error(s) [unknown-member]")
        );
    }

    #[test]
    fn nearest_skips_long_text_and_far_lengths() {
        assert_eq!(nearest(&"x".repeat(81), ["x"]), None);
        assert_eq!(nearest("police", ["police-force"]), Some("police-force"));
    }

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 3));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn render_escapes_the_file_and_keeps_the_caret_in_place() {
        let text = "a = 1\nname = \"x\u{1b}[2J\u{202e}y\"\n";
        let at = text.find("y\"").unwrap_or_default();
        let d = Diagnostic::error(Code::InvalidValue, "bad `\u{7}`\nname")
            .at(at..at + 1)
            .label("here");
        let out = render("p\nq.toml", text, &d, false);
        assert!(
            !out.chars()
                .any(|c| c != '\n' && crate::report::safe::is_unsafe(c)),
            "{out}"
        );
        assert!(out.contains("x\\u{1b}[2J\\u{202e}y"), "{out}");
        assert!(out.contains("p\\nq.toml:2:"), "{out}");
        assert!(out.contains("bad `\\u{7}`\\nname"), "{out}");
        let line = out
            .lines()
            .find(|l| l.contains("name = "))
            .unwrap_or_default();
        let caret = out
            .lines()
            .find(|l| l.contains("^ here"))
            .unwrap_or_default();
        let col = |l: &str, s: &str| l.find(s).map(|b| l[..b].chars().count());
        assert_eq!(col(line, "y\""), col(caret, "^"), "{out}");
    }

    #[test]
    fn nearest_suggests_close_names_only() {
        assert_eq!(nearest("qorum", ["quorum", "chair"]), Some("quorum"));
        assert_eq!(nearest("zzz", ["quorum", "chair"]), None);
    }
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;
    use crate::report::safe::props::hostile;
    use crate::report::safe::{guard, is_unsafe, violation};

    proptest! {
        #[test]
        fn a_rendered_diagnostic_is_safe(
            path in hostile(),
            text in hostile(),
            message in hostile(),
            at in 0usize..64,
            styled in any::<bool>(),
        ) {
            let d = Diagnostic::error(Code::Syntax, message.clone())
                .at(at..at + 2)
                .label(message.clone())
                .help(message);
            let plain = render(&path, &text, &d, false);
            prop_assert!(!plain.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c)), "{}", plain);
            let out = render(&path, &text, &d, styled);
            let guarded = guard(&out, styled);
            prop_assert_eq!(violation(&guarded, styled), None);
        }
    }
}

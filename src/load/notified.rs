//! `--notified ORG[@DATETIME]` (and a meeting file's `notified`): the member
//! that told the secretariat who would stand in, and when, where it says.

use std::collections::HashMap;

use std::ops::Range;

use toml::Spanned;

use crate::calendar::{DateTimeError, parse_datetime};
use crate::diag::{Code, Diagnostic};
use crate::engine::{InputError, resolve_member};
use crate::model::{MemberId, Tor};

/// `ORG` or `ORG@DATETIME` split at the `@`: the id and the time as typed.
pub fn split(typed: &str) -> (&str, Option<&str>) {
    match typed.split_once('@') {
        Some((org, at)) => (org.trim(), Some(at.trim())),
        None => (typed.trim(), None),
    }
}

/// Why a notified list cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum NotifiedError {
    #[error(transparent)]
    Member(#[from] InputError),
    /// `ORG@…` with a time that does not read (the parser's message).
    #[error("`notified`: `{0}@…`: {1}")]
    When(String, String),
}

pub use crate::engine::attendance::NoticeTimes;

/// The members notified, each once in the order typed, and the time each gave
/// notice where it was typed (the last one typed for a member named twice).
pub fn resolve(tor: &Tor, typed: &[String]) -> Result<(Vec<MemberId>, NoticeTimes), NotifiedError> {
    let mut ids = Vec::new();
    let mut at = HashMap::new();
    for t in typed.iter().filter(|s| !s.trim().is_empty()) {
        let (org, when) = split(t);
        let id = resolve_member(tor, org)?;
        if let Some(when) = when {
            let time = parse_datetime(when, tor.timezone)
                .map_err(|e: DateTimeError| NotifiedError::When(org.to_owned(), e.to_string()))?;
            at.insert(id.clone(), time);
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok((ids, at))
}

/// A file's `notified` list: the members with their spans (unknown ids become
/// diagnostics, as for every list of members), and the times given.
pub(crate) fn from_file(
    tor: &Tor,
    typed: &[Spanned<String>],
    problems: &mut Vec<Diagnostic>,
) -> (Vec<(MemberId, Range<usize>)>, NoticeTimes) {
    let mut at = HashMap::new();
    let mut ids = Vec::new();
    for t in typed {
        let (org, when) = split(t.get_ref());
        let org = Spanned::new(t.span(), org.to_owned());
        let Some((id, span)) =
            super::values::members(tor, std::slice::from_ref(&org), problems).pop()
        else {
            continue;
        };
        if let Some(when) = when {
            match parse_datetime(when, tor.timezone) {
                Ok(time) => {
                    at.insert(id.clone(), time);
                }
                Err(e) => problems.push(
                    Diagnostic::error(Code::InvalidDate, format!("`notified`: {e}"))
                        .at(t.span())
                        .help("write ORG@YYYY-MM-DDTHH:MM, e.g. \"lep@2025-10-14T10:00\""),
                ),
            }
        }
        ids.push((id, span));
    }
    (ids, at)
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn an_id_without_a_time_is_the_id() {
        assert_eq!(split(" lep "), ("lep", None));
    }

    #[test]
    fn a_time_follows_the_at_sign() {
        assert_eq!(
            split("northvale@2025-10-14T10:00"),
            ("northvale", Some("2025-10-14T10:00"))
        );
    }
}

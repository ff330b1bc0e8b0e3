//! Reading dates, date-times and member ids out of TOML files (meeting files and
//! the record of held meetings), with a diagnostic pointing at the value.

use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use toml::Spanned;

use crate::calendar::{DateOrTime, parse_date, parse_date_or_datetime, parse_datetime};
use crate::diag::{Code, Diagnostic};
use crate::model::{MemberId, Tor};

pub(crate) type Value = Spanned<toml::Value>;

/// The JSON Schema of a [`Value`] holding a date-time (`#[schemars(with)]`):
/// to taplo a TOML date-time is a string.
pub(crate) struct DateTimeSchema;

impl JsonSchema for DateTimeSchema {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "DateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A TOML local date-time, local time of the partnership (2012-12-06T14:00:00), or a string with an offset (\"2026-10-25T14:00+00:00\")"
        })
    }
}

/// The JSON Schema of a [`Value`] holding a date or a date-time.
pub(crate) struct DateOrTimeSchema;

impl JsonSchema for DateOrTimeSchema {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "DateOrTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A TOML date (2012-11-29) or local date-time (2012-11-29T09:00:00), or a string with an offset"
        })
    }
}

/// The text of a TOML date/date-time, or of a string holding one.
fn text(v: &Value, expected: &str) -> Result<String, Diagnostic> {
    match v.get_ref() {
        toml::Value::Datetime(dt) => Ok(dt.to_string()),
        toml::Value::String(s) => Ok(s.clone()),
        other => Err(Diagnostic::error(
            Code::WrongType,
            format!("expected {expected}, found a {}", other.type_str()),
        )
        .at(v.span())),
    }
}

fn bad(v: &Value, e: &impl ToString) -> Diagnostic {
    Diagnostic::error(Code::InvalidDate, e.to_string()).at(v.span())
}

/// A plain date, `2012-03-01`.
pub(crate) fn date(v: &Value) -> Result<NaiveDate, Diagnostic> {
    parse_date(&text(v, "a date (YYYY-MM-DD)")?).map_err(|e| bad(v, &e))
}

/// A date-time; without an offset it is local time in `tz`.
pub(crate) fn datetime(v: &Value, tz: Tz) -> Result<DateTime<Tz>, Diagnostic> {
    parse_datetime(&text(v, "a date-time (YYYY-MM-DDTHH:MM)")?, tz).map_err(|e| bad(v, &e))
}

/// A date or a date-time.
pub(crate) fn date_or_time(v: &Value, tz: Tz) -> Result<DateOrTime, Diagnostic> {
    parse_date_or_datetime(&text(v, "a date or a date-time")?, tz).map_err(|e| bad(v, &e))
}

/// A member id of `tor`, or an `unknown-member` diagnostic, suggesting the
/// nearest id when `suggest`.
fn lookup(tor: &Tor, id: &Spanned<String>, suggest: bool) -> Result<MemberId, Diagnostic> {
    let typed = id.get_ref().trim();
    match tor.member(typed) {
        Some(m) => Ok(m.id.clone()),
        None if typed.is_empty() => Err(Diagnostic::error(
            Code::EmptyValue,
            format!("an empty member id: name a member of {}", tor.id),
        )
        .at(id.span())
        .label("empty id")),
        None => {
            let d = Diagnostic::error(
                Code::UnknownMember,
                format!(
                    "`{}` is not a member of {}",
                    crate::text::excerpt(typed),
                    tor.id
                ),
            )
            .at(id.span())
            .label("unknown member");
            Err(if suggest {
                d.suggest(typed, tor.members.iter().map(|m| m.id.as_str()))
            } else {
                d
            })
        }
    }
}

/// A file with more problems than this gets no more "did you mean" searches:
/// only the first few of a kind are shown, and each search costs a scan of
/// the membership.
const SUGGEST_WITHIN: usize = 1000;

/// Each list of ids resolved, with the span of every id kept; unknown ids become
/// diagnostics.
pub(crate) fn members(
    tor: &Tor,
    ids: &[Spanned<String>],
    problems: &mut Vec<Diagnostic>,
) -> Vec<(MemberId, Range<usize>)> {
    ids.iter()
        .filter_map(
            |id| match lookup(tor, id, problems.len() < SUGGEST_WITHIN) {
                Ok(m) => Some((m, id.span())),
                Err(d) => {
                    problems.push(d);
                    None
                }
            },
        )
        .collect()
}

/// Attendees as `ORG` or `ORG:N` (N people of ORG), resolved with their spans;
/// unknown ids and impossible counts become diagnostics.
pub(crate) fn attendees(
    tor: &Tor,
    ids: &[Spanned<String>],
    problems: &mut Vec<Diagnostic>,
) -> Vec<(MemberId, u32, Range<usize>)> {
    let mut out = Vec::new();
    for id in ids {
        let (typed, n) = match id.get_ref().rsplit_once(':') {
            Some((typed, n)) => (typed, Some(n)),
            None => (id.get_ref().as_str(), None),
        };
        let bare = Spanned::new(id.span(), typed.to_owned());
        let member = match lookup(tor, &bare, problems.len() < SUGGEST_WITHIN) {
            Ok(m) => m,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        match n.map(|n| crate::engine::people(tor, &member, n)) {
            None => out.push((member, 1, id.span())),
            Some(Ok(n)) => out.push((member, n, id.span())),
            Some(Err(message)) => problems.push(
                Diagnostic::error(Code::InvalidValue, message)
                    .at(id.span())
                    .label("more than its seats"),
            ),
        }
    }
    out
}

//! The subjects of audit and deadlines cases: a year on a record, a meeting's
//! start.

use chrono::NaiveDate;

use super::check::{first_line, history};
use super::*;
use crate::calendar::{FIRST_YEAR, LAST_YEAR};

pub(super) fn audit(
    tor: &Tor,
    text: &str,
    raw: &Spanned<RawAuditCase>,
    record: Option<&Spanned<RawRecord>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Subject> {
    let a = raw.get_ref();
    let year = a.year.get_ref();
    let year = match i32::try_from(*year) {
        Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Some(y),
        _ => {
            problems.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    format!("`year` = {year} is out of range: {FIRST_YEAR} to {LAST_YEAR}"),
                )
                .at(a.year.span()),
            );
            None
        }
    };
    let as_of = a
        .as_of
        .as_ref()
        .and_then(|v| values::date(v).map_err(|d| problems.push(d)).ok());
    let Some(record) = record else {
        problems.push(
            Diagnostic::error(
                Code::MissingKey,
                "an audit case needs a `[case.record]`: the meetings of the year it audits",
            )
            .at(first_line(text, raw.span()))
            .help("add `[[case.record.meeting]]` tables, or an empty `[case.record]` for a year without meetings"),
        );
        return None;
    };
    let record = history(tor, record, problems)?;
    let year = year?;
    // A partnership year starting in `year` has ended by 1 January two years
    // on, so by default every period is judged and the case never ages.
    let after = NaiveDate::from_ymd_opt(year + 2, 1, 1)?;
    Some(Subject::Audit {
        record,
        year,
        as_of: match a.as_of {
            Some(_) => as_of?,
            None => after,
        },
    })
}

pub(super) fn deadlines(
    tor: &Tor,
    raw: &RawDeadlinesCase,
    problems: &mut Vec<Diagnostic>,
) -> Option<Subject> {
    let at = values::date_or_time(&raw.at, tor.timezone)
        .map_err(|d| problems.push(d))
        .ok()?;
    Some(Subject::Deadlines { at })
}

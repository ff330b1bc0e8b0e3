//! Newly proclaimed bank holidays added without a new release: `bank-holidays.toml`
//! in the ToR folder applies to every partnership; a ToR's own `extra_holidays`
//! to that partnership only.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::calendar::{Calendar, Region};
use crate::diag::{Code, Diagnostic};
use crate::load::structure;

/// The file name, in the ToR folder, of days proclaimed for everyone.
pub const FILE: &str = "bank-holidays.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProclaimedDay {
    pub date: chrono::NaiveDate,
    pub name: String,
    /// Empty: every region.
    pub regions: Vec<Region>,
}

impl ProclaimedDay {
    pub fn applies_to(&self, region: Region) -> bool {
        self.regions.is_empty() || self.regions.contains(&region)
    }
}

/// Adds the days that apply to `calendar`'s region.
pub fn add_to(calendar: Calendar, days: &[ProclaimedDay]) -> Calendar {
    let region = calendar.region();
    calendar.with_extra_holidays(
        days.iter()
            .filter(|d| d.applies_to(region))
            .map(|d| (d.date, d.name.clone())),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    holiday: Vec<RawDay>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    date: Spanned<Datetime>,
    name: String,
    #[serde(default)]
    regions: Vec<Spanned<String>>,
}

/// A file that could not be read as what it should be, with every problem found.
#[derive(Debug, thiserror::Error)]
#[error("{}", render_all(path, text, diagnostics))]
pub struct FileError {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Plain rustc-style text of the diagnostics (for stderr, exit 2): in line
/// order, with repeats of one code counted rather than shown.
pub fn render_all(path: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let reported = crate::diag::Reported::new(diagnostics.to_vec());
    let lines = crate::diag::LineIndex::new(text);
    let mut parts: Vec<String> = reported
        .shown
        .iter()
        .map(|d| crate::diag::render_in(path, text, &lines, d, false))
        .collect();
    parts.extend(reported.suppressed.iter().map(|s| s.line()));
    parts.join("\n\n")
}

pub fn parse(path: &str, bytes: &[u8]) -> Result<Vec<ProclaimedDay>, FileError> {
    let fail = |diagnostics| FileError {
        path: path.to_owned(),
        text: String::from_utf8_lossy(bytes).into_owned(),
        diagnostics,
    };
    let text = structure::as_text(bytes).map_err(|d| fail(vec![d]))?;
    let raw: RawFile = structure::parse(text).map_err(fail)?;
    let mut problems = Vec::new();
    let mut days = Vec::new();
    for day in raw.holiday {
        let d = day.date.get_ref();
        let date = match (d.date, d.time, d.offset) {
            (Some(x), None, None) => {
                chrono::NaiveDate::from_ymd_opt(x.year.into(), x.month.into(), x.day.into())
            }
            _ => None,
        };
        let mut regions = Vec::new();
        for r in &day.regions {
            match r.get_ref().parse::<Region>() {
                Ok(region) => regions.push(region),
                Err(e) => problems
                    .push(Diagnostic::error(Code::UnknownRegion, e.to_string()).at(r.span())),
            }
        }
        match date {
            Some(date) => days.push(ProclaimedDay {
                date,
                name: day.name,
                regions,
            }),
            None => problems.push(
                Diagnostic::error(
                    Code::InvalidDate,
                    format!("`{d}` is not a date: write YYYY-MM-DD"),
                )
                .at(day.date.span()),
            ),
        }
    }
    if problems.is_empty() {
        Ok(days)
    } else {
        Err(fail(problems))
    }
}

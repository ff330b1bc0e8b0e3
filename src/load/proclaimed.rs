//! A proclaimed-holidays file (`bank-holidays.toml`, see [`crate::proclaimed`]).

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::input::{Input, OnEmpty};
use crate::calendar::Region;
use crate::diag::{Code, Diagnostic};
use crate::proclaimed::ProclaimedDay;

/// The days of a proclaimed-holidays file, in the order written.
#[derive(Debug, Clone, Default)]
pub struct ProclaimedDays(pub Vec<ProclaimedDay>);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    holiday: Vec<RawDay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    date: Spanned<Datetime>,
    name: String,
    #[serde(default)]
    regions: Vec<Spanned<String>>,
}

impl Input for ProclaimedDays {
    type Raw = RawFile;
    type Context<'a> = ();

    fn on_empty((): ()) -> OnEmpty<Self> {
        OnEmpty::Help(super::structure::TOR_HELP)
    }

    fn check(raw: &RawFile, _: &str, (): (), problems: &mut Vec<Diagnostic>) -> Option<Self> {
        let mut days = Vec::new();
        for day in &raw.holiday {
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
                    name: day.name.clone(),
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
        Some(Self(days))
    }
}

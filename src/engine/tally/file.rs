//! A vote's record as a TOML file (`tor tally ID --votes FILE`). Every problem is
//! reported with its line and column.

use crate::model::Keyword;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::input::{Item, Lists, build};
use super::{Choice, VoteInput};
use crate::calendar::{DateOrTime, parse_date_or_datetime};
use crate::diag::Diagnostic;
use crate::engine::InputError;
use crate::load::structure;
use crate::model::{DecisionKind, Tor};
use crate::proclaimed::FileError;

type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVotes {
    /// The day (or local date-time) of the vote.
    at: Option<S<Datetime>>,
    #[serde(default)]
    kinds: Vec<S<String>>,
    #[serde(default, rename = "for")]
    votes_for: Vec<S<String>>,
    #[serde(default)]
    against: Vec<S<String>>,
    #[serde(default)]
    abstain: Vec<S<String>>,
    #[serde(default)]
    present: Vec<S<String>>,
    /// `{ org = "for" }`
    #[serde(default)]
    proxies: BTreeMap<S<String>, S<String>>,
    #[serde(default)]
    conflicts: Vec<S<String>>,
    #[serde(default)]
    opt_out: Vec<S<String>>,
    #[serde(default)]
    substitutes: Vec<S<String>>,
    #[serde(default)]
    deputies: Vec<S<String>>,
    #[serde(default)]
    notified: Vec<S<String>>,
    casting: Option<S<String>>,
}

fn item(s: &S<String>) -> Item<'_> {
    Item {
        text: s.get_ref(),
        span: Some(s.span()),
    }
}

fn items(list: &[S<String>]) -> Vec<Item<'_>> {
    list.iter().map(item).collect()
}

/// Reads a votes file for `tor`. `default_date` is the day of the vote when the
/// file has no `at`.
pub fn parse_votes(
    tor: &Tor,
    path: &str,
    bytes: &[u8],
    default_date: NaiveDate,
) -> Result<VoteInput, FileError> {
    let fail = |diagnostics| FileError {
        path: path.to_owned(),
        text: String::from_utf8_lossy(bytes).into_owned(),
        diagnostics,
    };
    // An empty file is more likely a mistake than a vote nobody took part in.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(vec![
            Diagnostic::error("empty-file", "the votes file is empty")
                .help("give at least one of `for`, `against` or `abstain`"),
        ]));
    }
    let text = structure::as_text(bytes).map_err(|d| fail(vec![d]))?;
    let raw: RawVotes = structure::parse(text).map_err(fail)?;
    let mut problems = Vec::new();

    let date = match &raw.at {
        None => default_date,
        Some(at) => match parse_date_or_datetime(&at.get_ref().to_string(), tor.timezone) {
            Ok(DateOrTime::Date(d)) => d,
            Ok(DateOrTime::DateTime(t)) => t.date_naive(),
            Err(e) => {
                problems.push(Diagnostic::error("invalid-date", e.to_string()).at(at.span()));
                default_date
            }
        },
    };

    let mut kinds = Vec::new();
    for k in &raw.kinds {
        match DecisionKind::from_keyword(k.get_ref()) {
            Some(k) => kinds.push(k),
            None => problems.push(
                Diagnostic::error(
                    "unknown-kind",
                    format!("`{}` is not a kind of decision", k.get_ref()),
                )
                .at(k.span())
                .suggest(k.get_ref(), DecisionKind::NAMES.iter().copied())
                .help(format!("kinds are {}", DecisionKind::NAMES.join(", "))),
            ),
        }
    }

    let mut proxies = Vec::new();
    for (org, vote) in &raw.proxies {
        match vote.get_ref().parse::<Choice>() {
            Ok(choice) => proxies.push((item(org), choice)),
            Err(e) => {
                problems.push(Diagnostic::error("invalid-vote", e.to_string()).at(vote.span()))
            }
        }
    }

    let casting = match &raw.casting {
        None => None,
        Some(c) => match c.get_ref().as_str() {
            "for" => Some(Choice::For),
            "against" => Some(Choice::Against),
            other => {
                problems.push(
                    Diagnostic::error(
                        "invalid-vote",
                        format!("`{other}` is not a casting vote: use for or against"),
                    )
                    .at(c.span()),
                );
                None
            }
        },
    };

    let lists = Lists {
        kinds,
        votes_for: items(&raw.votes_for),
        against: items(&raw.against),
        abstain: items(&raw.abstain),
        present: items(&raw.present),
        proxies,
        conflicts: items(&raw.conflicts),
        opt_out: items(&raw.opt_out),
        substitutes: items(&raw.substitutes),
        deputies: items(&raw.deputies),
        notified: items(&raw.notified),
        casting,
    };
    let built = build(tor, date, lists);
    if let Err(found) = &built {
        problems.extend(found.iter().map(|(e, span)| {
            let code = match e {
                InputError::UnknownMember { .. } => "unknown-member",
                InputError::Contradiction { .. } => "contradiction",
                InputError::Invalid(_) => "invalid-value",
            };
            let d = Diagnostic::error(code, e.to_string());
            match span {
                Some(span) => d.at(span.clone()),
                None => d,
            }
        }));
    }
    match built {
        Ok(input) if problems.is_empty() => Ok(input),
        _ => Err(fail(problems)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn reads_every_key() {
        let tor = Catalog::Bundled
            .load("oxfordshire-business-group")
            .expect("bundled");
        let text = r#"
at = 2012-03-01T18:00
kinds = ["major", "funding"]
for = ["cherwell", "oxford-city", "cherwell"]
against = ["daat"]
abstain = ["probation"]
present = ["safer-communities-unit"]
proxies = { thames-valley-police = "for" }
conflicts = ["oxford-city"]
opt_out = ["daat"]
deputies = ["probation"]
notified = ["probation"]
casting = "against"
"#;
        let input =
            parse_votes(&tor, "v.toml", text.as_bytes(), day(2020, 1, 1)).expect("a good file");
        assert_eq!(input.date, day(2012, 3, 1));
        assert_eq!(input.kinds, [DecisionKind::Major, DecisionKind::Funding]);
        assert_eq!(input.votes_for.len(), 2);
        assert_eq!(input.proxies.len(), 1);
        assert_eq!(input.casting, Some(Choice::Against));
    }

    #[test]
    fn reports_every_problem_with_its_place() {
        let tor = Catalog::Bundled.load("sefton-scp").expect("bundled");
        let text = "for = [\"polic-force\"]\nagainst = [\"probation\"]\nabstain = [\"probation\"]\nkinds = [\"majr\"]\n";
        let err =
            parse_votes(&tor, "v.toml", text.as_bytes(), day(2012, 3, 1)).expect_err("a bad file");
        let codes: Vec<&str> = err.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unknown-kind", "unknown-member", "contradiction"]);
        assert!(err.diagnostics.iter().all(|d| d.span.is_some()));
        assert!(
            err.to_string().contains("did you mean `police-force`"),
            "{err}"
        );
    }

    #[test]
    fn a_time_the_clocks_skip_is_refused() {
        let tor = Catalog::Bundled.load("sefton-scp").expect("bundled");
        let err = parse_votes(&tor, "v.toml", b"at = 2026-03-29T01:30\n", day(2012, 3, 1))
            .expect_err("a gap");
        assert_eq!(err.diagnostics[0].code, "invalid-date");
    }
}

//! A vote's record as a TOML file (`tor tally ID --votes FILE`). Every problem is
//! reported with its line and column.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::agenda::{self, with_agenda};
use super::input::{Input, OnEmpty};
use super::values::{self, DateOrTimeSchema, Value};
use super::vote_lists::{Item, Lists, build, notified};
use crate::calendar::DateOrTime;
use crate::diag::{Code, Diagnostic, nearest};
use crate::engine::InputError;
use crate::engine::meeting::ChairPresence;
use crate::engine::meeting::{self, MeetingInput};
use crate::engine::same_item;
use crate::engine::tally::{Away, Choice, ProxyVote, VoteInput};
use crate::model::{DecisionKind, MemberId, Tor};

type S<T> = Spanned<T>;

with_agenda! {
/// A votes file as written. A cases file's `[case.vote]` table has the same keys.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVotes {
    /// The day of the vote: a TOML date, or a local date-time (or a string with
    /// an offset). Memberships are judged on this day.
    #[schemars(with = "Option<DateOrTimeSchema>")]
    at: Option<Value>,
    /// The kinds of decision; none means an ordinary decision.
    #[serde(default)]
    /// Built-in kinds (ordinary, major, financial, funding) or the ToR's own.
    #[schemars(
        with = "Vec<String>",
        extend("items" = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
    )]
    kinds: Vec<S<String>>,
    /// Members voting for.
    #[serde(default, rename = "for")]
    #[schemars(with = "Vec<String>")]
    votes_for: Vec<S<String>>,
    /// Members voting against.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    against: Vec<S<String>>,
    /// Members abstaining.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    abstain: Vec<S<String>>,
    /// Members present but not voting (they count for the quorum).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    present: Vec<S<String>>,
    /// Proxy votes of absent members: `{ org = "for" }`, or with its holder
    /// and whether it is open: `{ org = "for@holder:open" }`.
    #[serde(default)]
    #[schemars(
        with = "BTreeMap<String, String>",
        extend("additionalProperties" = {"type": "string", "pattern": "^\\s*(for|against|abstain)\\s*(@[^:]+)?(:open)?$"})
    )]
    proxies: BTreeMap<S<String>, S<String>>,
    /// Members declaring a conflict of interest.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    conflicts: Vec<S<String>>,
    /// Members opting out of the decision.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    opt_out: Vec<S<String>>,
    /// Members represented by their substitute (listed under the member's id).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    substitutes: Vec<S<String>>,
    /// Members represented by their deputy (listed under the member's id).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    deputies: Vec<S<String>>,
    /// A decision by written procedure: `at` is the day it was sent, and for,
    /// against and abstain are the replies received in time.
    #[serde(default)]
    written: bool,
    /// Written-procedure replies received after the response period.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    late: Vec<S<String>>,
    /// Members that told the secretariat beforehand who would stand in.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    notified: Vec<S<String>>,
    /// Members of whom some took part remotely, `ORG` or `ORG:N`: people named
    /// in for, against, abstain or present. Whether they count for the quorum
    /// or vote is the ToR's `[attendance.remote]`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    remote: Vec<S<String>>,
    /// The chair's casting vote on equal votes.
    #[schemars(with = "Option<String>", extend("enum" = ["for", "against"]))]
    casting: Option<S<String>>,
    /// Who presided over the vote: `present` (the chair), `deputy` (the
    /// vice-chair), `chosen` (a member chosen by the meeting) or `absent`. The
    /// casting vote is theirs, and lost where they have a conflict.
    #[schemars(with = "Option<String>", extend("enum" = ["present", "deputy", "chosen", "absent"]))]
    chair: Option<ChairPresence>,
    /// The member whose representative presided.
    #[schemars(with = "Option<String>")]
    chair_member: Option<S<String>>,
    /// The agenda item the vote was taken on, one of `items`: the quorum is
    /// counted as the room stood for it. Needs `at` with the meeting's start.
    #[schemars(with = "Option<String>")]
    item: Option<S<String>>,
    /// The vote was taken at a meeting let continue though inquorate: where
    /// the ToR's `[quorum.fallback.continue]` allows it, the quorum is a
    /// `warn` that the decision must be ratified.
    #[serde(default)]
    continued: bool,
    /// The vote was taken at a meeting reconvened after an adjournment:
    /// quorate with those present where `[quorum.fallback.adjourned]` says so.
    #[serde(default)]
    adjourned: bool,
}
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

/// What a vote's checks need: the ToR, and the day of the vote when the file
/// has no `at` (without one, `at` is required).
#[derive(Debug, Clone, Copy)]
pub struct VoteContext<'a> {
    pub tor: &'a Tor,
    pub default_date: Option<NaiveDate>,
}

impl Input for VoteInput {
    type Raw = RawVotes;
    type Context<'a> = VoteContext<'a>;

    // An empty file is more likely a mistake than a vote nobody took part in.
    fn on_empty(_: VoteContext<'_>) -> OnEmpty<Self> {
        OnEmpty::Error(
            "the votes file is empty",
            "give at least one of `for`, `against` or `abstain`",
        )
    }

    fn check(
        raw: &RawVotes,
        _: &str,
        ctx: VoteContext<'_>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        from_raw(ctx.tor, raw, ctx.default_date)
            .map_err(|found| diags.extend(found))
            .ok()
    }
}

/// The day of the vote: `at`, else `default_date`. Where neither gives one,
/// a stand-in day lets every other problem be found.
fn vote_date(
    tor: &Tor,
    raw: &RawVotes,
    default_date: Option<NaiveDate>,
    problems: &mut Vec<Diagnostic>,
) -> NaiveDate {
    let fallback = default_date.unwrap_or(NaiveDate::MIN);
    match (&raw.at, default_date) {
        (Some(at), _) => match values::date_or_time(at, tor.timezone) {
            Ok(DateOrTime::Date(d)) => d,
            Ok(DateOrTime::Instant(t)) => t.date_naive(),
            Err(d) => {
                problems.push(d);
                fallback
            }
        },
        (None, Some(date)) => date,
        (None, None) => {
            problems.push(
                Diagnostic::error(Code::MissingKey, "missing required key `at`")
                    .label("`at` is required in this table")
                    .help("give the day of the vote, e.g. at = 2012-12-06"),
            );
            fallback
        }
    }
}

/// Checks a vote as written against `tor`, reporting every problem with its
/// place in the text `raw` was read from. Without `default_date`, `at` is
/// required (its diagnostic then has no place: the caller knows the table's).
pub(crate) fn from_raw(
    tor: &Tor,
    raw: &RawVotes,
    default_date: Option<NaiveDate>,
) -> Result<VoteInput, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let date = vote_date(tor, raw, default_date, &mut problems);

    let mut kinds = Vec::new();
    let known = tor.decision_kinds();
    for k in &raw.kinds {
        match known.iter().find(|d| d.as_str() == k.get_ref()) {
            Some(d) => kinds.push(d.clone()),
            None => problems.push(
                Diagnostic::error(
                    Code::UnknownKeyword,
                    format!("`{}` is not a kind of decision", k.get_ref()),
                )
                .at(k.span())
                .help(
                    match nearest(k.get_ref(), known.iter().map(DecisionKind::as_str)) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => format!("kinds are {}", kind_names(&known)),
                    },
                ),
            ),
        }
    }

    let mut proxies = Vec::new();
    // In the file's order, not the table's sorted keys: where a holder has
    // more proxies than the ToR allows, the first ones given count.
    let mut given: Vec<_> = raw.proxies.iter().collect();
    given.sort_by_key(|(org, _)| org.span().start);
    for (org, vote) in given {
        match vote.get_ref().parse::<ProxyVote>() {
            Ok(proxy) => proxies.push((item(org), proxy)),
            Err(e) => problems
                .push(Diagnostic::error(Code::UnknownKeyword, e.to_string()).at(vote.span())),
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
                        Code::UnknownKeyword,
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
        notified: notified(items(&raw.notified)),
        casting,
        written: raw.written,
        late: items(&raw.late),
        remote: items(&raw.remote),
    };
    let chair_member = raw
        .chair_member
        .as_ref()
        .and_then(|m| values::members(tor, std::slice::from_ref(m), &mut problems).pop())
        .map(|(id, _)| id);
    let built = build(tor, date, lists);
    if let Err(found) = &built {
        problems.extend(found.iter().map(|(e, span)| {
            let code = match e {
                InputError::UnknownMember { .. } => Code::UnknownMember,
                InputError::Contradiction { .. } => Code::Contradiction,
                InputError::Invalid(_) => Code::InvalidValue,
            };
            let d = Diagnostic::error(code, e.to_string());
            match span {
                Some(span) => d.at(span.clone()),
                None => d,
            }
        }));
    }
    let moment = match &built {
        Ok(input) => at_item(tor, raw, input, &mut problems),
        Err(_) => None,
    };
    match built {
        Ok(input) if problems.is_empty() => {
            let (item, away) = moment.unzip();
            Ok(VoteInput {
                as_of_today: raw.at.is_none() && default_date.is_some(),
                chair: raw.chair,
                chair_member,
                held: crate::engine::Held {
                    continued: raw.continued,
                    adjourned: raw.adjourned,
                },
                item,
                away: away.unwrap_or_default(),
                ..input
            })
        }
        _ => Err(problems),
    }
}

/// The item the vote was taken on and who, named at the vote, was out of the
/// room for it; `None` where the file names no item.
fn at_item(
    tor: &Tor,
    raw: &RawVotes,
    input: &VoteInput,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, BTreeMap<MemberId, Away>)> {
    let Some(named) = &raw.item else {
        if !(raw.items.is_empty() && raw.arrivals.is_empty() && raw.departures.is_empty()) {
            problems.push(
                Diagnostic::error(
                    Code::MissingKey,
                    "items, arrivals and departures need `item`: the item the vote was taken on",
                )
                .help("add e.g. item = \"Budget\""),
            );
        }
        return None;
    };
    let start = match raw
        .at
        .as_ref()
        .map(|at| (at, values::date_or_time(at, tor.timezone)))
    {
        Some((_, Ok(DateOrTime::Instant(t)))) => t,
        Some((at, Ok(DateOrTime::Date(_)))) => {
            problems.push(
                Diagnostic::error(
                    Code::NeedsTime,
                    "a vote on an item needs the meeting's start time, to place the item",
                )
                .at(at.span())
                .help("give the start, e.g. at = 2026-03-05T18:00"),
            );
            return None;
        }
        Some((_, Err(_))) => return None,
        None => {
            problems.push(
                Diagnostic::error(
                    Code::MissingKey,
                    "a vote on an item needs `at`, the meeting's start",
                )
                .at(named.span()),
            );
            return None;
        }
    };
    // At the start: everyone named at the vote but those listed as arriving.
    let arriving: Vec<MemberId> = raw
        .arrivals
        .iter()
        .filter_map(|a| tor.member(a.member().trim()).map(|m| m.id.clone()))
        .collect();
    let mut meeting = MeetingInput::new(start);
    meeting.attendance = input.attendance.clone();
    for list in [
        &mut meeting.attendance.in_person,
        &mut meeting.attendance.substitutes,
        &mut meeting.attendance.deputies,
    ] {
        list.retain(|id| !arriving.contains(id));
    }
    let agenda = agenda::resolve(
        tor,
        start,
        &meeting
            .attendance
            .lists()
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        raw.agenda(),
        problems,
    );
    let Some(item) = agenda
        .items
        .iter()
        .find(|i| same_item(&i.title, named.get_ref()))
    else {
        let titles: Vec<String> = agenda.titles.iter().map(|t| format!("`{t}`")).collect();
        problems.push(
            Diagnostic::error(
                Code::InvalidValue,
                format!("`{}` is not one of the items", named.get_ref().trim()),
            )
            .at(named.span())
            .help(if titles.is_empty() {
                "list the meeting's items as [[items]] tables with `title` (and `at`, `conflicts`)"
                    .to_owned()
            } else {
                format!("the items are {}", titles.join(", "))
            }),
        );
        return None;
    };
    meeting.movements = agenda.movements;
    let (room, _) = meeting::at_item(&meeting, item);
    let away = input
        .attendance
        .lists()
        .into_iter()
        .flatten()
        .filter(|id| !room.attendance.attends(id))
        .map(|id| {
            let why = if item.conflicts.contains(id) {
                Away::Conflict
            } else if arriving.contains(id) {
                Away::NotArrived
            } else {
                Away::Left
            };
            (id.clone(), why)
        })
        .collect();
    Some((item.title.clone(), away))
}

fn kind_names(kinds: &[DecisionKind]) -> String {
    let names: Vec<&str> = kinds.iter().map(DecisionKind::as_str).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::load::FileError;
    use crate::model::Keyword;

    fn parse_votes(
        tor: &Tor,
        path: &str,
        bytes: &[u8],
        default_date: NaiveDate,
    ) -> Result<VoteInput, FileError> {
        let ctx = VoteContext {
            tor,
            default_date: Some(default_date),
        };
        crate::load::read::<VoteInput>(path, bytes, ctx)
    }

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
        assert_eq!(input.kinds, [DecisionKind::MAJOR, DecisionKind::FUNDING]);
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
        let codes: Vec<&str> = err.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            ["unknown-keyword", "unknown-member", "contradiction"]
        );
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
        assert_eq!(err.diagnostics[0].code, Code::InvalidDate);
    }
}

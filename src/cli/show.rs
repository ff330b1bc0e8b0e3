//! `tor show ID`: the ToR in force on a date, as tables.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use tor::engine::life::{in_force, life_on};
use tor::model::{Amendment, ChairHolder, ChangeKind, Holds, Member, RuleFamily, Tor};
use tor::report::{RuleSummary, summarise};

use super::dates;
use super::output::{Report, Status, clause_label, emit, esc, table};
use super::{Global, catalog, parse_date_arg, today};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    /// Show the ToR in force on this date (2012-12-06 or day first, 6/12/2012) [default: today]
    #[arg(long, value_parser = parse_date_arg)]
    pub as_of: Option<NaiveDate>,
    /// List the ToR's dated amendments in order instead
    #[arg(long, conflicts_with = "as_of")]
    pub history: bool,
}

/// A rule of the version shown, with when that version of it holds (only for a
/// ToR with amendments: from the amendment that set it, until the day before the
/// next that changed it).
#[derive(Serialize)]
struct RuleRow {
    #[serde(flatten)]
    rule: RuleSummary,
    #[serde(flatten)]
    holds: Holds,
}

/// What `tor show --history` reports: the amendments in order.
#[derive(Serialize)]
struct History<'a> {
    id: &'a str,
    adopted: Option<NaiveDate>,
    amendments: &'a [Amendment],
    #[serde(skip)]
    tor: &'a Tor,
}

impl Report for History<'_> {
    fn human(&self) -> String {
        history(self.tor)
    }

    fn status(&self) -> Status {
        Status::Valid
    }
}

#[derive(Serialize)]
struct MemberRow<'a> {
    #[serde(flatten)]
    member: &'a Member,
    in_force: bool,
}

/// What `tor show` reports: the ToR in force on a day.
#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    name: &'a str,
    as_of: NaiveDate,
    source: Option<&'a str>,
    region: String,
    timezone: &'a str,
    members: Vec<MemberRow<'a>>,
    rules: Vec<RuleRow>,
    standing_items: Vec<&'a str>,
    /// Who the ToR records as holding the chair on `as_of`; left out where it
    /// records no one that day.
    #[serde(skip_serializing_if = "Option::is_none")]
    chair_holder: Option<&'a ChairHolder>,
    history: &'a [tor::model::HistoryEvent],
    /// Whether the ToR is in force on `as_of` (the body's life).
    in_force: tor::engine::Finding,
    #[serde(skip)]
    tor: &'a Tor,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        human(self.tor, self.as_of, &self.rules)
    }

    fn status(&self) -> Status {
        Status::Valid
    }
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let tor = catalog(g)?.load(&args.id)?;
    if args.history {
        return emit(
            g.format,
            &History {
                id: tor.id.as_str(),
                adopted: tor.adopted,
                amendments: &tor.amendments,
                tor: &tor,
            },
        );
    }
    let as_of = args.as_of.unwrap_or_else(today);
    // Before adoption or after a succession no membership is in force.
    let alive = life_on(&tor, as_of).in_force();
    let all = &tor;
    let version = all.as_of(as_of);
    let tor = &*version;
    emit(
        g.format,
        &Out {
            id: tor.id.as_str(),
            name: tor.name_on(as_of),
            as_of,
            source: tor.source.as_deref(),
            region: tor.region.to_string(),
            timezone: tor.timezone.name(),
            members: tor
                .members
                .iter()
                .map(|m| MemberRow {
                    member: m,
                    in_force: alive && m.holds_on(as_of),
                })
                .collect(),
            rules: summarise(tor)
                .into_iter()
                .map(|rule| RuleRow {
                    holds: RuleFamily::of_summary(rule.rule)
                        .map(|family| all.holds(family, as_of))
                        .unwrap_or_default(),
                    rule,
                })
                .collect(),
            standing_items: tor
                .standing_items
                .iter()
                .flat_map(|s| s.items.iter().map(String::as_str))
                .collect(),
            chair_holder: tor.chair.as_ref().and_then(|c| c.holder_on(as_of)),
            history: &tor.history,
            in_force: in_force(all, as_of),
            tor,
        },
    )
}

fn human(tor: &Tor, as_of: NaiveDate, rules: &[RuleRow]) -> String {
    let mut out = format!(
        "{} ({})\nas of {}",
        esc(tor.name_on(as_of)),
        tor.id,
        dates::day(as_of)
    );
    if let Some(adopted) = tor.adopted.filter(|a| *a > as_of) {
        out.push_str(&format!(
            " (not yet adopted: adopted {})",
            dates::day(adopted)
        ));
    }
    let alive = life_on(tor, as_of).in_force();
    if let Some(end) =
        tor::engine::life::ending(tor).filter(|_| !alive && tor.adopted.is_none_or(|a| a <= as_of))
    {
        out.push_str(&format!(
            " (not in force: ended {}; no member is in force)",
            dates::day(end.date)
        ));
    }
    out.push_str(&format!(
        "\nbank holidays: {}, time zone: {}\n",
        tor.region,
        tor.timezone.name()
    ));
    if let Some(source) = &tor.source {
        out.push_str(&format!("source: {}\n", esc(source)));
    }
    for h in &tor.history {
        let verb = match h.event {
            tor::model::HistoryKind::Renamed => "renamed",
            tor::model::HistoryKind::Succeeded => "succeeded by",
            tor::model::HistoryKind::Abolished => "abolished:",
        };
        let when = if h.date <= as_of { "" } else { " (later)" };
        out.push_str(&format!(
            "{}: {verb} {}{when}\n",
            dates::day(h.date),
            esc(&h.name)
        ));
    }

    let mut members = table(["member", "name", "class", "vote", "membership", "clause"]);
    for m in &tor.members {
        let day = dates::day;
        let span = match (m.from, m.until) {
            _ if !alive => "not in force".to_owned(),
            (_, Some(u)) if u < as_of => format!("ended {}", day(u)),
            (Some(f), _) if f > as_of => format!("from {}", day(f)),
            (Some(f), Some(u)) => format!("{} to {}", day(f), day(u)),
            (None, Some(u)) => format!("until {}", day(u)),
            (Some(f), None) => format!("since {}", day(f)),
            (None, None) => "member".to_owned(),
        };
        members.add_row([
            m.id.to_string(),
            esc(&m.name).to_string(),
            m.class.to_string(),
            if m.voting { "yes" } else { "no" }.to_owned(),
            span,
            m.clause
                .as_ref()
                .map(|c| esc(c).to_string())
                .unwrap_or_default(),
        ]);
    }
    out.push_str(&format!("\nMembers\n{members}\n"));

    let mut t = table(["rule", "clause", "says"]);
    for RuleRow { rule: r, .. } in rules {
        t.add_row([
            r.rule.to_owned(),
            clause_label(r.clause.as_ref()),
            esc(&r.summary).to_string(),
        ]);
    }
    out.push_str(&format!("\nRules\n{t}\n"));
    if let Some(h) = tor.chair.as_ref().and_then(|c| c.holder_on(as_of)) {
        out.push_str(&holder_line(tor, h));
    }
    if !tor.amendments.is_empty() {
        out.push_str("\nAmendments\n");
        for a in &tor.amendments {
            let when = if a.from <= as_of { "" } else { " (later)" };
            out.push_str(&format!("  {}{when}\n", amendment_line(a)));
        }
    }

    if let Some(s) = &tor.standing_items {
        out.push_str(&format!("\nStanding items ({})\n", esc(&s.clause)));
        for item in &s.items {
            out.push_str(&format!("  - {}\n", esc(item)));
        }
    }
    out
}

/// The chair's holder on the day shown: who, since and until when, and where
/// the record of it comes from.
fn holder_line(tor: &Tor, h: &ChairHolder) -> String {
    let name = tor
        .member(h.member.as_str())
        .map(|m| format!(" ({})", esc(&m.name)))
        .unwrap_or_default();
    let until = h
        .until
        .map(|u| format!(" to {}", dates::day(u)))
        .unwrap_or_default();
    let source = h
        .source
        .as_ref()
        .map(|s| format!("; {}", esc(s)))
        .unwrap_or_default();
    format!(
        "\nChair held by {}{name} from {}{until} (clause {}{source})\n",
        h.member,
        dates::day(h.from),
        esc(&h.clause)
    )
}

/// One amendment in a line: its date, what it changed, its clause and minute.
pub(super) fn amendment_line(a: &Amendment) -> String {
    let changes: Vec<String> = a
        .changes
        .iter()
        .map(|c| {
            let verb = match c.change {
                ChangeKind::Replaced => "replaced",
                ChangeKind::Added => "added",
                ChangeKind::Removed => "removed",
            };
            format!("{} {verb}", c.rule)
        })
        .collect();
    let mut line = format!(
        "{}: {} (clause {})",
        dates::day(a.from),
        changes.join(", "),
        esc(&a.clause)
    );
    if let Some(minute) = &a.minute {
        line.push_str(&format!(", {}", esc(minute)));
    }
    if let Some(note) = &a.note {
        line.push_str(&format!(": {}", esc(note)));
    }
    line
}

/// `tor show ID --history`: the amendments in the order they took effect.
fn history(tor: &Tor) -> String {
    let mut out = format!("{} ({})\n", esc(&tor.name), tor.id);
    match tor.adopted {
        Some(adopted) => out.push_str(&format!("{}: adopted\n", dates::day(adopted))),
        None => out.push_str("as adopted\n"),
    }
    if tor.amendments.is_empty() {
        out.push_str("no amendments recorded\n");
    }
    for a in &tor.amendments {
        out.push_str(&format!("{}\n", amendment_line(a)));
    }
    out
}

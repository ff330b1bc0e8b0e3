//! `tor audit ID --year Y`: whether a year's recorded meetings kept the ToR,
//! clause by clause, optionally as an HTML page for a scrutiny committee.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;
use tor::calendar::DateOrTime;
use tor::catalog::Catalog;
use tor::engine::audit::{AuditReport, PeriodShape, audit};
use tor::engine::record::{COMPANION, Record};
use tor::engine::{FindingStatus, Rule};
use tor::fileio::{is_std_stream, read_file, shown_name};
use tor::load;
use tor::model::Tor;
use tor::report::html::audit_page;

use comfy_table::Cell;

use super::dates;
use super::files::{check_output, write_output};
use super::output::{
    Grid, Report, Status, Tone, clause_label, emit, esc, paint, status_cell, status_label, table,
};
use super::unchecked::{Source, label, not_checked, strict_status};
use super::{Global, catalog, parse_date_arg, today};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    /// The year to audit: a calendar year, or the partnership's year that starts
    /// in it where the ToR sets `year_starts`
    #[arg(long)]
    pub year: i32,
    /// The record of held meetings (`-`: stdin) [default:
    /// <dir>/<ID>.meetings.toml]
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Also write the report as a self-contained HTML page (`-`: to stdout,
    /// instead of the report)
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Overwrite FILE if it exists
    #[arg(long, requires = "html")]
    pub force: bool,
    /// Judge the year as it stood on this date [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Exit 1 if a rule the ToR states could not be judged from the record
    #[arg(long)]
    pub strict: bool,
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    if let Some(path) = &args.html {
        check_output(path, args.force)?;
    }
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let calendar = catalog.calendar(&tor)?;
    let record = record(&catalog, &tor, args)?;
    let report = audit(
        &tor,
        &calendar,
        &record,
        args.year,
        args.as_of.unwrap_or_else(today),
    )?;
    if let Some(path) = &args.html {
        write_output(path, &audit_page(&report, chrono::Utc::now()), args.force)?;
        if is_std_stream(path) {
            // stdout carries the page alone; the verdict is the exit code.
            return Ok(Status::from_valid(report.valid));
        }
    }
    emit(
        g.format,
        &Out {
            report: &report,
            strict: args.strict,
            wrote: args.html.as_deref(),
        },
    )
}

/// What `tor audit` reports: the audit as it is, in JSON; in words, with the
/// page it wrote named at the end.
#[derive(Serialize)]
#[serde(transparent)]
struct Out<'a> {
    report: &'a AuditReport,
    #[serde(skip)]
    strict: bool,
    #[serde(skip)]
    wrote: Option<&'a Path>,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let mut text = human(self.report, self.strict);
        if let Some(path) = self.wrote {
            text.push_str(&format!("wrote {}\n", esc(path.display())));
        }
        text
    }

    fn status(&self) -> Status {
        strict_status(self.report.valid, &self.report.unchecked, self.strict)
    }
}

/// `--record FILE`, else the record beside the ToR; an audit without one cannot
/// be made.
fn record(catalog: &Catalog, tor: &Tor, args: &Args) -> Result<Record> {
    let beside = || catalog.companion(tor.id.as_str(), COMPANION);
    let path = match (
        &args.record,
        args.record.is_none().then(beside).transpose()?.flatten(),
    ) {
        (Some(path), _) => path.clone(),
        (None, Some(path)) if path.exists() => path,
        (None, Some(path)) => anyhow::bail!(
            "no record of meetings for {}: expected `{}`; give one with --record FILE",
            tor.id,
            path.display()
        ),
        (None, None) => anyhow::bail!(
            "no record of meetings for {}: the built-in partnerships have none; give one with --record FILE (or --dir with `{}.{COMPANION}.toml` in it)",
            tor.id,
            tor.id
        ),
    };
    let bytes = read_file(&path)?;
    Ok(load::read::<Record>(&shown_name(&path), &bytes, tor)?)
}

fn human(r: &AuditReport, strict: bool) -> String {
    let mut out = verdict(r, strict);
    let mut clauses = table(["rule", "clause", "status", "finding"]);
    for f in &r.findings {
        clauses.add_row([
            Cell::new(f.rule),
            Cell::new(clause_label(f.clause.as_ref())),
            status_cell(f.status),
            Cell::new(esc(&dates::message(&f.message))),
        ]);
    }
    out.push_str(&format!("{clauses}\n"));
    if !r.periods.is_empty() {
        out.push_str(&format!("Frequency\n{}\n", periods(r)));
    }
    if !r.meetings.is_empty() {
        out.push_str(&format!("Meetings\n{}\n", meetings(r)));
    }
    out
}

/// The verdict, the year and its meetings in one line, and whether it is over.
fn verdict(r: &AuditReport, strict: bool) -> String {
    let failing = r.failing();
    let open = not_checked(&r.unchecked, Source::Record);
    let mut out = match (failing.is_empty(), &open) {
        (true, None) => format!(
            "{}: {} ({}) kept every rule checked in {}\n",
            paint("COMPLIED", Tone::Good),
            esc(&r.name),
            r.partnership,
            r.label
        ),
        (true, Some(open)) => format!(
            "{}: {} ({}) in {}: {open}\n",
            label("COMPLIED", "DID NOT COMPLY", &r.unchecked, strict),
            esc(&r.name),
            r.partnership,
            r.label
        ),
        (false, _) => {
            format!(
                "{}: {} ({}) in {}: {} ({})\n",
                paint("DID NOT COMPLY", Tone::Bad),
                esc(&r.name),
                r.partnership,
                r.label,
                if failing.len() == 1 {
                    "1 rule fails".to_owned()
                } else {
                    format!("{} rules fail", failing.len())
                },
                Rule::join(&failing)
            ) + &open
                .as_ref()
                .map(|o| format!("also {o}\n"))
                .unwrap_or_default()
        }
    };
    out.push_str(&format!(
        "{} to {}; {} recorded, {} cancelled\n",
        dates::day(r.from),
        dates::day(r.to),
        match r.meetings.len() {
            1 => "1 meeting".to_owned(),
            n => format!("{n} meetings"),
        },
        r.cancelled.len()
    ));
    for a in &r.amendments {
        let frequency = if r
            .frequency_phases
            .iter()
            .any(|p| p.amendment.as_ref().is_some_and(|p| p.from == a.from))
        {
            ", and each period of the frequency rule by the ToR of its last day"
        } else {
            ""
        };
        out.push_str(&format!(
            "amended {}; each meeting is judged by the ToR of its day{frequency}\n",
            super::show::amendment_line(a)
        ));
    }
    if !r.complete {
        out.push_str(&format!(
            "note: the year is not over on {}; later periods are not judged\n",
            dates::day(r.as_of)
        ));
    }
    out
}

/// The frequency rule's periods, each judged.
fn periods(r: &AuditReport) -> Grid {
    let mut periods = table(["period", "held", "status", "detail"]);
    // A year across an amendment of the rule: a row names each version, above
    // the periods it judged (none, where it judged none).
    let mut headed = 0;
    let mut head = |periods: &mut Grid, upto: usize| {
        for about in r.frequency_phases.iter().take(upto).skip(headed) {
            periods.add_row([
                Cell::new(dates::message(&about.words())),
                Cell::new(""),
                Cell::new(""),
                Cell::new(esc(&about.summary())),
            ]);
        }
        headed = headed.max(upto);
    };
    for p in &r.periods {
        if let Some(ph) = p.phase {
            head(&mut periods, ph + 1);
        }
        periods.add_row([
            Cell::new(match p.shape {
                PeriodShape::Gap => format!("{} to {}", dates::day(p.from), dates::day(p.to)),
                PeriodShape::Calendar => p.label.clone(),
            }),
            Cell::new(p.held),
            status_cell(p.status),
            Cell::new(esc(&dates::message(&p.message))),
        ]);
    }
    head(&mut periods, r.frequency_phases.len());
    periods
}

/// The meetings of the year, each with its deadlines and its problems.
fn meetings(r: &AuditReport) -> Grid {
    let mut meetings = table([
        "date",
        "kind",
        "papers out",
        "minutes",
        "status",
        "problems",
    ]);
    for m in &r.meetings {
        let kind = match (m.kind, m.public) {
            (tor::engine::record::MeetingKind::Extraordinary, _) => "extraordinary",
            (_, true) => "public",
            _ => "ordinary",
        };
        let given = m.circulated_at.map(|g| match g {
            DateOrTime::Date(d) => dates::day(d),
            DateOrTime::Instant(t) => dates::instant(t),
        });
        let papers = match (given, m.circulate_by.map(dates::when)) {
            (Some(c), Some(by)) => format!("{c} (by {by})"),
            (Some(c), None) => c,
            (None, Some(by)) => format!("not recorded (by {by})"),
            (None, None) => "not recorded".to_owned(),
        };
        let minutes = match (m.minutes.map(dates::day), m.minutes_by.map(dates::day)) {
            (Some(d), Some(by)) => format!("{d} (by {by})"),
            (Some(d), None) => d,
            (None, Some(by)) => format!("not recorded (by {by})"),
            (None, None) => "—".to_owned(),
        };
        let problems: Vec<String> = m
            .problems()
            .into_iter()
            .map(|f| {
                format!(
                    "{} {} ({}){}: {}",
                    status_label(f.status),
                    f.rule,
                    clause_label(f.clause.as_ref()),
                    f.item
                        .as_ref()
                        .map(|i| format!(" from {}", esc(&i.to_string())))
                        .unwrap_or_default(),
                    esc(&dates::message(&f.message))
                )
            })
            .collect();
        meetings.add_row([
            Cell::new(dates::day(m.date)),
            Cell::new(kind),
            Cell::new(papers),
            Cell::new(minutes),
            status_cell(if m.valid {
                FindingStatus::Pass
            } else {
                FindingStatus::Fail
            }),
            Cell::new(problems.join("\n")),
        ]);
    }
    meetings
}

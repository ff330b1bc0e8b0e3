//! `tor schedule ID --year Y`: a year of meetings that keeps the ToR, optionally
//! written as an iCalendar file.

use std::path::Path;

use anyhow::Result;
use chrono::{NaiveTime, Weekday};
use serde::Serialize;
use tor::engine::FindingStatus;
use tor::engine::schedule::{Options, Schedule, schedule, weekday_name};
use tor::fileio::is_std_stream;
use tor::load::bounds::LOCATION_CHARS;
use tor::model::Keyword;
use tor::report::ics::{IcsOptions, MAX_REMIND, to_ics};

use super::dates;
use super::files::{check_output, write_output};
use super::output::{Report, Status, Tone, clause_label, emit, esc, paint, table};
use super::{Global, catalog};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    /// The year to plan: a calendar year, or the partnership's year that starts in
    /// it where the ToR sets `year_starts`
    #[arg(long)]
    pub year: i32,
    /// The day of the week to meet on, where it is a working day
    #[arg(long, value_enum, default_value_t = Day::Thursday)]
    pub weekday: Day,
    /// Start time, local to the partnership (HH:MM)
    #[arg(long, value_name = "HH:MM", default_value = "14:00", value_parser = parse_time)]
    pub time: NaiveTime,
    /// Write the plan as an iCalendar file (RFC 5545; `-`: to stdout, instead of
    /// the plan)
    #[arg(long, value_name = "FILE")]
    pub ics: Option<std::path::PathBuf>,
    /// Length of each meeting in the iCalendar file, in minutes
    #[arg(long, value_name = "MINUTES", default_value_t = 120,
          value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub duration: u32,
    /// Remind of each papers deadline this many working days before it, at 09:00
    /// (0: on the day), in the iCalendar file
    #[arg(long, value_name = "DAYS", default_value_t = 2, requires = "ics",
          value_parser = clap::value_parser!(u32).range(0..=i64::from(MAX_REMIND)))]
    pub remind: u32,
    /// Leave reminders out of the iCalendar file
    #[arg(long, conflicts_with = "remind", requires = "ics")]
    pub no_remind: bool,
    /// Where the meetings are held, for the iCalendar file (instead of the ToR's
    /// `location`)
    #[arg(long, value_name = "TEXT", value_parser = parse_location, requires = "ics")]
    pub location: Option<String>,
    /// Overwrite FILE if it exists
    #[arg(long, requires = "ics")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Day {
    #[value(alias = "mon")]
    Monday,
    #[value(alias = "tue")]
    Tuesday,
    #[value(alias = "wed")]
    Wednesday,
    #[value(alias = "thu")]
    Thursday,
    #[value(alias = "fri")]
    Friday,
}

impl From<Day> for Weekday {
    fn from(d: Day) -> Self {
        match d {
            Day::Monday => Weekday::Mon,
            Day::Tuesday => Weekday::Tue,
            Day::Wednesday => Weekday::Wed,
            Day::Thursday => Weekday::Thu,
            Day::Friday => Weekday::Fri,
        }
    }
}

fn parse_location(s: &str) -> Result<String, String> {
    let n = s.chars().count();
    if n > LOCATION_CHARS {
        return Err(format!(
            "a location of {n} characters is too long (at most {LOCATION_CHARS})"
        ));
    }
    if s.trim().is_empty() {
        return Err("the location is empty".to_owned());
    }
    Ok(s.trim().to_owned())
}

fn parse_time(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| format!("`{s}` is not a time: write HH:MM, e.g. 14:00"))
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    if let Some(path) = &args.ics {
        check_output(path, args.force)?;
    }
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let calendar = catalog.calendar(&tor)?;
    let opts = Options {
        year: args.year,
        weekday: args.weekday.into(),
        time: args.time,
    };
    let plan = schedule(&tor, &calendar, &opts)?;
    let wrote = match &args.ics {
        Some(path) => {
            let text = to_ics(
                &plan,
                &calendar,
                &IcsOptions {
                    minutes: args.duration,
                    stamp: chrono::Utc::now(),
                    remind: (!args.no_remind).then_some(args.remind),
                    location: args.location.clone().or_else(|| tor.location.clone()),
                },
            );
            write_output(path, &text, args.force)?;
            if is_std_stream(path) {
                // stdout carries the calendar alone; the verdict is the exit code.
                return Ok(Status::from_valid(plan.valid));
            }
            Some(path.as_path())
        }
        None => None,
    };
    emit(g.format, &Out { plan: &plan, wrote })
}

/// What `tor schedule` reports: the plan as it is, in JSON; in words, with the
/// calendar file it wrote named at the end.
#[derive(Serialize)]
#[serde(transparent)]
struct Out<'a> {
    plan: &'a Schedule,
    #[serde(skip)]
    wrote: Option<&'a Path>,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        human(self.plan, self.wrote)
    }

    fn status(&self) -> Status {
        Status::from_valid(self.plan.valid)
    }
}

fn human(plan: &Schedule, wrote: Option<&Path>) -> String {
    // The first few shortfalls say where; a rule no calendar can hold would list hundreds.
    const SHOWN: usize = 5;
    let mut out = format!(
        "{} ({}): proposed meetings for {}, {} to {}\n",
        esc(&plan.name),
        plan.partnership,
        plan.year,
        dates::day(plan.from),
        dates::day(plan.to)
    );
    out.push_str(&format!(
        "Frequency: {}{}; {}s at {} ({})\n",
        plan.rule,
        plan.clause
            .as_ref()
            .map(|c| format!(" ({})", esc(c)))
            .unwrap_or_default(),
        weekday_name(plan.weekday),
        plan.time.format("%H:%M"),
        plan.timezone
    ));
    for a in plan.phases.iter().filter_map(|p| p.amendment.as_ref()) {
        out.push_str(&format!(
            "amended {}; the meetings from that day are planned by it\n",
            super::show::amendment_line(a)
        ));
    }
    for w in &plan.warnings {
        out.push_str(&format!(
            "{}: {}\n",
            paint("warning", Tone::Warn),
            esc(dates::message(w))
        ));
    }
    let mut t = table([
        "date",
        "time",
        "kind",
        "papers by",
        "minutes by",
        "agenda and notes",
    ]);
    for m in &plan.meetings {
        let mut notes: Vec<String> = m
            .notes
            .iter()
            .map(|n| esc(dates::message(n)).to_string())
            .collect();
        if !m.items.is_empty() {
            notes.push(format!("agenda: {}", esc(m.items.join("; "))));
        }
        for f in &m.failures {
            notes.push(format!(
                "FAILS {} ({}): {}",
                f.rule,
                clause_label(f.clause.as_ref()),
                esc(&dates::message(&f.message))
            ));
        }
        t.add_row([
            dates::day(m.at.date_naive()),
            m.at.format("%H:%M").to_string(),
            m.kind.label().to_owned(),
            m.circulate_by
                .map_or_else(|| "not stated".to_owned(), dates::when),
            m.minutes_by
                .map_or_else(|| "not stated".to_owned(), dates::day),
            notes.join("\n"),
        ]);
    }
    out.push_str(&format!("{t}\n"));
    for s in plan.shortfalls.iter().take(SHOWN) {
        out.push_str(&format!("FAILS frequency: {}\n", dates::message(s)));
    }
    if plan.shortfalls.len() > SHOWN {
        out.push_str(&format!(
            "FAILS frequency: … and {} more (all in --format json)\n",
            plan.shortfalls.len() - SHOWN
        ));
    }
    let failing = plan.meetings.iter().filter(|m| !m.valid).count();
    if !plan.shortfalls.is_empty() {
        out.push_str(&format!(
            "NOT VALID: the plan cannot keep the frequency rule ({}{}): {} shortfall(s), each listed above\n",
            plan.rule,
            plan.clause
                .as_ref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default(),
            plan.shortfalls.len()
        ));
    }
    if failing == 0 && plan.shortfalls.is_empty() {
        out.push_str(&format!(
            "{} meetings; each passes check-meeting with every member present, the chair presiding and papers out on the deadline\n",
            plan.meetings.len()
        ));
    } else if failing > 0 {
        let rules: Vec<&str> = plan
            .meetings
            .iter()
            .flat_map(|m| &m.failures)
            .filter(|f| f.status == FindingStatus::Fail)
            .map(|f| f.rule.as_str())
            .collect();
        let mut rules = rules;
        rules.sort_unstable();
        rules.dedup();
        out.push_str(&format!(
            "{}: {failing} of {} proposed meetings fail a rule even with every member present ({})\n",
            paint("NOT VALID", Tone::Bad),
            plan.meetings.len(),
            rules.join(", ")
        ));
    }
    if let Some(path) = wrote {
        out.push_str(&format!("wrote {}\n", esc(path.display())));
    }
    out
}

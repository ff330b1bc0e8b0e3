//! Running audit and deadlines cases on the kernels of `tor audit` and
//! `tor deadlines`.

use chrono::NaiveDate;

use super::run::{Difference, compare_clauses, compare_findings, compare_valid};
use super::*;
use crate::engine::audit::audit;
use crate::engine::deadlines::{When, deadlines, deadlines_on_day};
use crate::engine::life::in_force;

pub(super) fn audit_case(
    tor: &Tor,
    calendar: &Calendar,
    record: &Record,
    year: i32,
    as_of: NaiveDate,
    e: &Expect,
    out: &mut Vec<Difference>,
) {
    let report = match audit(tor, calendar, record, year, as_of) {
        Ok(report) => report,
        Err(err) => {
            out.push(Difference::new("audit", "a report", err.to_string()));
            return;
        }
    };
    compare_valid(e.valid, report.valid, &report.findings, out);
    compare_findings(&e.findings, &report.findings, "audit", out);
    compare_clauses(&e.clauses, &report.findings, out);
    if let Some(want) = &e.inquorate_from {
        // The year's first meeting that lost its quorum at an item.
        let got = report
            .meetings
            .iter()
            .find_map(|m| m.inquorate_from.as_ref().map(|i| (m.date, i)));
        if !super::run::same_body(want.as_deref(), got.map(|(_, i)| i.title.as_str())) {
            let mut d = Difference::new(
                "inquorate_from",
                want.as_deref().unwrap_or("none"),
                got.map_or("none", |(_, i)| i.title.as_str()),
            );
            if let Some((date, item)) = got {
                d = d.detail(format!("the meeting of {date}, from {item}"));
            }
            out.push(d);
        }
    }
    // A year no amendment divided lists no phases: one version judged it.
    let phases = report.frequency_phases.len().max(1);
    if let Some(want) = e.frequency_phases.filter(|w| *w != phases) {
        let detail: Vec<String> = report
            .frequency_phases
            .iter()
            .map(crate::engine::phase::FrequencyPhase::summary)
            .collect();
        let mut d = Difference::new("frequency_phases", want, phases);
        if !detail.is_empty() {
            d = d.detail(detail.join("; "));
        }
        out.push(d);
    }
}

pub(super) fn deadlines_case(
    tor: &Tor,
    calendar: &Calendar,
    at: DateOrTime,
    e: &Expect,
    out: &mut Vec<Difference>,
) {
    let due = match at {
        DateOrTime::Instant(start) => deadlines(tor, start, calendar),
        DateOrTime::Date(day) => deadlines_on_day(tor, day, calendar).0,
    };
    if let Err(err) = due.within_calendar() {
        out.push(Difference::new(
            "deadlines",
            "within the calendar",
            err.to_string(),
        ));
        return;
    }
    let x = &e.deadlines;
    let moments = [
        ("circulate_by", x.circulate_by, due.circulate_by),
        (
            "extraordinary_notice_by",
            x.extraordinary_notice_by,
            due.extraordinary_notice_by,
        ),
    ];
    for (field, want, got) in moments {
        if let Some(want) = want
            && !same_when(want, got)
        {
            out.push(Difference::new(field, When(want).to_string(), shown(got)));
        }
    }
    if let Some(want) = x.minutes_by
        && due.minutes_by != Some(want)
    {
        let got = due
            .minutes_by
            .map_or_else(|| "none".to_owned(), |d| d.to_string());
        out.push(Difference::new("minutes_by", want.to_string(), got));
    }
    if let Some(want) = e.in_force {
        let found = in_force(tor, at.day());
        let got = !found.failed();
        if want != got {
            out.push(Difference::new("in_force", want, got).detail(super::run::describe(&found)));
        }
    }
}

/// A date expects the deadline's day; a moment, the moment itself.
fn same_when(want: DateOrTime, got: Option<When>) -> bool {
    match (want, got) {
        (DateOrTime::Date(d), Some(w)) => w.day() == d,
        (DateOrTime::Instant(t), Some(When(DateOrTime::Instant(u)))) => t == u,
        _ => false,
    }
}

fn shown(got: Option<When>) -> String {
    got.map_or_else(|| "none".to_owned(), |w| w.to_string())
}

//! The year at a glance: twelve month grids marking meetings, papers, holidays,
//! cancellations and the periods that broke the frequency rule.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::{day, escape};
use crate::engine::FindingStatus;
use crate::engine::audit::{AuditReport, PeriodShape};
use crate::engine::period::Span;
use crate::engine::record::MeetingKind;
use crate::model::Period;

/// What happens on one day of the year, for the calendar.
#[derive(Default)]
struct DayMarks {
    meeting: Option<bool>,
    public: bool,
    papers: Vec<NaiveDate>,
    holiday: Option<String>,
    cancelled: bool,
    titles: Vec<String>,
}

fn marks(r: &AuditReport) -> BTreeMap<NaiveDate, DayMarks> {
    let mut by_day: BTreeMap<NaiveDate, DayMarks> = BTreeMap::new();
    for m in &r.meetings {
        let e = by_day.entry(m.date).or_default();
        e.meeting = Some(m.valid);
        e.public = m.public;
        let what = match (m.kind, m.public) {
            (MeetingKind::Extraordinary, _) => "extraordinary meeting",
            (_, true) => "public meeting",
            _ => "meeting",
        };
        e.titles.push(if m.valid {
            what.to_owned()
        } else {
            format!("{what}: a rule failed")
        });
        if let Some(by) = m.circulate_by {
            let d = by.0.day();
            let e = by_day.entry(d).or_default();
            e.papers.push(m.date);
            e.titles
                .push(format!("papers due out for the meeting of {}", day(m.date)));
        }
    }
    for hol in &r.holidays {
        let e = by_day.entry(hol.date).or_default();
        e.holiday = Some(hol.name.clone());
        e.titles.push(hol.name.clone());
    }
    for c in &r.cancelled {
        let e = by_day.entry(c.date).or_default();
        e.cancelled = true;
        e.titles.push(format!(
            "meeting cancelled{}",
            if c.consulted {
                " after consulting members"
            } else {
                ""
            }
        ));
    }
    by_day
}

/// Failing frequency periods, as (first day, last day, text).
fn gaps(r: &AuditReport) -> Vec<(NaiveDate, NaiveDate, String)> {
    r.periods
        .iter()
        .filter(|p| p.status == FindingStatus::Fail)
        .map(|p| {
            let text = match p.shape {
                PeriodShape::Gap => "✗ too long without a meeting".to_owned(),
                PeriodShape::Calendar if p.held == 0 => format!("✗ {}: no meeting", p.label),
                PeriodShape::Calendar => format!("✗ {}: too few meetings", p.label),
            };
            (p.from, p.to, text)
        })
        .collect()
}

fn legend(h: &mut String) {
    let keys = [
        ("meet", "M", "meeting held"),
        ("meet", "M★", "public meeting"),
        ("bad", "M✗", "meeting where a rule failed"),
        ("papers", "P", "papers due out"),
        ("hol", "H", "bank holiday or closure"),
        ("cancel", "C", "meeting cancelled"),
        ("gapkey", "✗", "period that broke the frequency rule"),
    ];
    h.push_str("<ul class=\"legend\">\n");
    for (class, key, text) in keys {
        h.push_str(&format!(
            "<li><span class=\"key {class}\">{key}</span>{text}</li>\n"
        ));
    }
    h.push_str("</ul>\n");
}

pub(super) fn year(h: &mut String, r: &AuditReport) {
    h.push_str("<section>\n<h2>The year at a glance</h2>\n");
    legend(h);
    let by_day = marks(r);
    let gaps = gaps(r);
    let quarters = r.periods.iter().any(|p| p.shape == PeriodShape::Calendar);
    h.push_str("<div class=\"months\">\n");
    let months = Span::of(Period::Month, None, r.from)
        .walk()
        .take(12)
        .collect::<Vec<_>>();
    for month in months {
        let hits: Vec<&String> = gaps
            .iter()
            .filter(|(a, b, _)| *a <= month.last() && month.start <= *b)
            .map(|(_, _, t)| t)
            .collect();
        let period = if quarters {
            format!("Q{}", month.start.month0() / 3 + 1)
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<div class=\"month{}\">\n<h3>{}<span class=\"period\">{period}</span></h3>\n",
            if hits.is_empty() { "" } else { " gap" },
            month.start.format("%B %Y")
        ));
        if let Some(t) = hits.first() {
            h.push_str(&format!("<p class=\"gapnote\">{}</p>\n", escape(t)));
        }
        month_table(h, month, &by_day);
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n</section>\n");
}

fn month_table(h: &mut String, month: Span, by_day: &BTreeMap<NaiveDate, DayMarks>) {
    h.push_str("<table>\n<thead><tr>");
    for d in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
        h.push_str(&format!("<th>{d}</th>"));
    }
    h.push_str("</tr></thead>\n<tbody>\n<tr>");
    let lead = month.start.weekday().num_days_from_monday();
    for _ in 0..lead {
        h.push_str("<td class=\"out\"></td>");
    }
    let mut col = lead;
    let mut d = month.start;
    while d < month.end {
        if col == 7 {
            h.push_str("</tr>\n<tr>");
            col = 0;
        }
        cell(h, d, by_day.get(&d));
        col += 1;
        match d.checked_add_days(Days::new(1)) {
            Some(next) => d = next,
            None => break,
        }
    }
    while col < 7 {
        h.push_str("<td class=\"out\"></td>");
        col += 1;
    }
    h.push_str("</tr>\n</tbody>\n</table>\n");
}

fn cell(h: &mut String, d: NaiveDate, m: Option<&DayMarks>) {
    let mut classes = Vec::new();
    if d.weekday().num_days_from_monday() >= 5 {
        classes.push("we");
    }
    let mut inner = format!("<span class=\"n\">{}</span>", d.day());
    let mut title = d.format("%a %-d %b %Y").to_string();
    if let Some(m) = m {
        if m.holiday.is_some() {
            classes.push("hol");
            inner.push_str("<span class=\"mk h\">H</span>");
        }
        match m.meeting {
            Some(true) => {
                classes.push("meet");
                inner.push_str(&format!(
                    "<span class=\"mk m\">M{}</span>",
                    if m.public { "★" } else { "" }
                ));
            }
            Some(false) => {
                classes.push("bad");
                inner.push_str(&format!(
                    "<span class=\"mk m\">M{}✗</span>",
                    if m.public { "★" } else { "" }
                ));
            }
            None => {}
        }
        if !m.papers.is_empty() {
            inner.push_str("<span class=\"mk p\">P</span>");
        }
        if m.cancelled {
            classes.push("cancel");
            inner.push_str("<span class=\"mk c\">C</span>");
        }
        if !m.titles.is_empty() {
            title.push_str(": ");
            title.push_str(&m.titles.join("; "));
        }
    }
    h.push_str(&format!(
        "<td class=\"{}\" title=\"{}\">{inner}</td>",
        classes.join(" "),
        escape(&title)
    ));
}

//! The audit as one self-contained HTML page for a scrutiny committee: the
//! verdict, the clause-by-clause table, a picture of the year and the meetings.
//!
//! No scripts and no external assets, so it opens anywhere and archives as one
//! file. Every mark in the calendar is a letter as well as a colour, and colours
//! are kept when printing, so it reads in print and in greyscale. All text from
//! the ToR and the record is escaped.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::Deadline;
use crate::engine::audit::{AuditReport, MeetingAudit, PeriodShape};
use crate::engine::period::Span;
use crate::engine::record::MeetingKind;
use crate::engine::{Finding, FindingStatus};
use crate::model::Period;

const STYLE: &str = r#"
:root { --ink:#1d2329; --muted:#5b6570; --line:#d5dbe1; --pass:#1b6e34; --pass-bg:#e5f3e8;
  --fail:#a4161a; --fail-bg:#fbe7e7; --warn:#7a4d00; --warn-bg:#fdf2d6; --skip:#4f5962;
  --skip-bg:#eef1f4; --meet:#1f4e96; --meet-bg:#dbe6f7; --hol-bg:#e9e9e9; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f6f7f9; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 32px 40px; background: #fff; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 20px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); font-weight: 600; }
h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta { margin: 0; color: var(--muted); font-size: 13px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.verdict { display: flex; gap: 22px; align-items: center; padding: 16px 20px; border-radius: 6px; border-left: 8px solid; }
.verdict.pass { background: var(--pass-bg); border-color: var(--pass); }
.verdict.fail { background: var(--fail-bg); border-color: var(--fail); }
.verdict .badge { font-size: 22px; font-weight: 700; white-space: nowrap; }
.verdict.pass .badge { color: var(--pass); } .verdict.fail .badge { color: var(--fail); }
.verdict p { margin: 0; }
.stats { display: flex; gap: 26px; list-style: none; margin: 10px 0 0; padding: 0; font-size: 13px; color: var(--muted); }
.stats b { display: block; font-size: 20px; color: var(--ink); }
table.data { width: 100%; border-collapse: collapse; font-size: 13.5px; }
table.data th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid var(--ink); padding: 6px 8px; }
table.data td { border-bottom: 1px solid var(--line); padding: 7px 8px; vertical-align: top; }
table.data tr.fail td { background: #fff6f6; }
td.nowrap, th.nowrap { white-space: nowrap; }
.pill { display: inline-block; min-width: 58px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
  text-align: center; white-space: nowrap; border: 1px solid; }
.pill.pass { color: var(--pass); background: var(--pass-bg); } .pill.fail { color: var(--fail); background: var(--fail-bg); }
.pill.warn { color: var(--warn); background: var(--warn-bg); } .pill.skip { color: var(--skip); background: var(--skip-bg); }
.legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 0 0 14px; padding: 0; list-style: none; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.key { display: inline-block; min-width: 30px; height: 22px; line-height: 20px; text-align: center; font-size: 11px;
  font-weight: 700; border: 1px solid var(--line); border-radius: 3px; }
.months { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; }
.month { border: 1px solid var(--line); border-radius: 6px; padding: 8px 8px 6px; break-inside: avoid; }
.month.gap { border: 2px dashed var(--fail); background: #fffafa; }
.month h3 { margin: 0 0 2px; font-size: 14px; display: flex; justify-content: space-between; }
.month .period { font-weight: 400; color: var(--muted); font-size: 12px; }
.month .gapnote { margin: 0 0 4px; color: var(--fail); font-size: 11.5px; font-weight: 700; }
.month table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.month th { font-size: 10px; color: var(--muted); font-weight: 600; padding: 2px 0; }
.month td { height: 38px; border: 1px solid #eef0f2; vertical-align: top; padding: 1px 2px; font-size: 11px; }
.month td.out { border-color: transparent; }
.month td.we .n { color: #9aa3ab; }
.n { display: block; font-size: 10px; color: var(--muted); }
.mk { display: block; font-weight: 800; font-size: 10.5px; line-height: 1.15; letter-spacing: .02em; }
.key.meet, td.meet { background: var(--meet-bg); } td.meet .mk.m, .key.meet { color: var(--meet); }
td.meet { box-shadow: inset 0 0 0 2px var(--meet); }
.key.bad, td.bad { background: var(--fail); color: #fff; } td.bad .n, td.bad .mk { color: #fff; }
td.bad { box-shadow: inset 0 0 0 2px #5c0b0d; }
.key.hol, td.hol { background: repeating-linear-gradient(135deg, var(--hol-bg) 0 4px, #fff 4px 8px); }
.key.papers, td .mk.p { color: var(--warn); } .key.papers { background: var(--warn-bg); }
.key.cancel, td .mk.c { color: var(--skip); } td.cancel, .key.cancel { outline: 2px dotted var(--skip); outline-offset: -3px; }
.key.gapkey { border: 2px dashed var(--fail); color: var(--fail); background: #fffafa; }
.note { color: var(--muted); font-size: 13px; }
ul.problems { margin: 0; padding-left: 18px; }
footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { .months { grid-template-columns: repeat(2, minmax(0, 1fr)); } main { padding: 16px; } }
@media print { body { background: #fff; font-size: 11pt; } main { padding: 0; max-width: none; }
  .months { grid-template-columns: repeat(3, minmax(0, 1fr)); } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"#;

/// Escapes text for HTML element content and attribute values. Control and
/// bidi characters are shown as escapes (`\u{1b}`): HTML forbids the first, and
/// the second would reorder what a reader sees.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in super::safe::escaped(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // `##[` anywhere in a line is a legacy GitHub workflow command.
            '[' if out.ends_with("##") => out.push_str("&#91;"),
            c => out.push(c),
        }
    }
    out
}

fn pill(s: FindingStatus) -> String {
    let (class, text) = match s {
        FindingStatus::Pass => ("pass", "✓ pass"),
        FindingStatus::Fail => ("fail", "✗ fail"),
        FindingStatus::Warn => ("warn", "! warn"),
        FindingStatus::Skip => ("skip", "– skip"),
    };
    format!(r#"<span class="pill {class}">{text}</span>"#)
}

fn clause(f: &Finding) -> String {
    f.clause
        .as_ref()
        .map_or_else(|| "—".to_owned(), |c| escape(&c.0))
}

fn rule_name(rule: &str) -> String {
    let words = rule.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// A finding's message with its days written as in the rest of the report.
fn message(m: &crate::engine::Message) -> String {
    m.render(day, |t| t.format("%a %-d %b %Y %H:%M").to_string())
}

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

/// The whole page. `made` is when it is written, which the footer shows beside
/// the day the year was judged as of: a page read months later says both.
pub fn audit_page(r: &AuditReport, made: chrono::DateTime<chrono::Utc>) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = format!("{}: terms of reference audit, {}", r.name, r.label);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&title)
    ));
    header(&mut h, r);
    verdict(&mut h, r);
    findings(&mut h, r);
    year(&mut h, r);
    periods(&mut h, r);
    meetings(&mut h, r);
    h.push_str(&format!(
        "<footer>Made by <code>tor audit {} --year {}</code> on {}, judging the year as of {}. Each finding cites the clause of the terms of reference that decides it. \
         pass: the rule was kept; fail: it was broken; warn: worth a look; skip: the ToR states no such rule or the record does not say.</footer>\n",
        escape(&r.partnership),
        r.year,
        made.format("%a %-d %b %Y %H:%M UTC"),
        day(r.as_of)
    ));
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn header(h: &mut String, r: &AuditReport) {
    h.push_str("<header>\n");
    h.push_str(&format!(
        "<p class=\"eyebrow\">Terms of reference audit · {}</p>\n<h1>{}</h1>\n",
        escape(&r.label),
        escape(&r.name)
    ));
    let mut meta = vec![format!("{} to {}", day(r.from), day(r.to))];
    if let Some(s) = &r.source {
        meta.push(format!("source: {}", escape(s)));
    }
    meta.push(format!(
        "partnership <code>{}</code>",
        escape(&r.partnership)
    ));
    h.push_str(&format!(
        "<p class=\"meta\">{}</p>\n</header>\n",
        meta.join(" · ")
    ));
}

fn verdict(h: &mut String, r: &AuditReport) {
    let failing: Vec<&Finding> = r.findings.iter().filter(|f| f.failed()).collect();
    let (class, badge, text) = if failing.is_empty() {
        (
            "pass",
            if r.unchecked.is_empty() {
                "✓ Complied"
            } else {
                "✓ Complied so far"
            },
            format!(
                "The record shows the partnership kept every rule of its terms of reference that could be checked for {}.",
                escape(&r.label)
            ),
        )
    } else {
        let list: Vec<String> = failing
            .iter()
            .map(|f| format!("<b>{}</b> ({})", escape(&rule_name(f.rule)), clause(f)))
            .collect();
        (
            "fail",
            "✗ Did not comply",
            format!(
                "{} of {} rules checked failed in {}: {}.",
                failing.len(),
                r.findings.len(),
                escape(&r.label),
                list.join(", ")
            ),
        )
    };
    let count = |s: FindingStatus| r.findings.iter().filter(|f| f.status == s).count();
    h.push_str(&format!(
        "<section class=\"verdict {class}\" aria-label=\"verdict\">\n<div class=\"badge\">{badge}</div>\n<div>\n<p>{text}</p>\n"
    ));
    if !r.complete {
        h.push_str(&format!(
            "<p class=\"note\">The year was not over on {}: later periods are not judged yet.</p>\n",
            day(r.as_of)
        ));
    }
    if !r.unchecked.is_empty() {
        let rules: Vec<String> = r
            .unchecked
            .rules
            .iter()
            .map(|rule| escape(&rule_name(rule)))
            .collect();
        h.push_str(&format!(
            "<p class=\"note\">Not checked, because the record does not say enough: {}.</p>\n",
            rules.join(", ")
        ));
    }
    h.push_str(&format!(
        "<ul class=\"stats\"><li><b>{}</b>meetings</li><li><b>{}</b>cancelled</li><li><b>{}</b>rules passed</li><li><b>{}</b>failed</li><li><b>{}</b>warnings</li><li><b>{}</b>not judged</li></ul>\n</div>\n</section>\n",
        r.meetings.len(),
        r.cancelled.len(),
        count(FindingStatus::Pass),
        count(FindingStatus::Fail),
        count(FindingStatus::Warn),
        count(FindingStatus::Skip)
    ));
}

fn findings(h: &mut String, r: &AuditReport) {
    h.push_str("<section>\n<h2>Clause by clause</h2>\n<table class=\"data\">\n<thead><tr><th>Rule</th><th class=\"nowrap\">Clause</th><th>Status</th><th>Finding</th></tr></thead>\n<tbody>\n");
    for f in &r.findings {
        h.push_str(&format!(
            "<tr class=\"{}\"><td class=\"nowrap\"><b>{}</b></td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td></tr>\n",
            if f.failed() { "fail" } else { "" },
            escape(&rule_name(f.rule)),
            clause(f),
            pill(f.status),
            escape(&message(&f.message))
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
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
            let d = match by.0 {
                Deadline::Date(d) => d,
                Deadline::Instant(t) => t.date_naive(),
            };
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

fn year(h: &mut String, r: &AuditReport) {
    h.push_str("<section>\n<h2>The year at a glance</h2>\n");
    legend(h);
    let by_day = marks(r);
    let gaps = gaps(r);
    let quarters = r.periods.iter().any(|p| p.shape == PeriodShape::Calendar);
    h.push_str("<div class=\"months\">\n");
    let months = Span::of(Period::Month, None, r.from).next_n(12);
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

fn periods(h: &mut String, r: &AuditReport) {
    if r.periods.is_empty() {
        return;
    }
    h.push_str("<section>\n<h2>Frequency, period by period</h2>\n<table class=\"data\">\n<thead><tr><th>Period</th><th>Held</th><th>Status</th><th>Detail</th></tr></thead>\n<tbody>\n");
    for p in &r.periods {
        h.push_str(&format!(
            "<tr class=\"{}\"><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            if p.status == FindingStatus::Fail {
                "fail"
            } else {
                ""
            },
            escape(&match p.shape {
                PeriodShape::Gap => format!("{} to {}", day(p.from), day(p.to)),
                PeriodShape::Calendar => p.label.clone(),
            }),
            p.held,
            pill(p.status),
            escape(&message(&p.message))
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn meetings(h: &mut String, r: &AuditReport) {
    h.push_str("<section>\n<h2>Meetings</h2>\n");
    if r.meetings.is_empty() {
        h.push_str(&format!(
            "<p>The record holds no meeting in {}.</p>\n</section>\n",
            escape(&r.label)
        ));
        return;
    }
    h.push_str("<table class=\"data\">\n<thead><tr><th>Date</th><th>Kind</th><th>Papers out</th><th>Minutes out</th><th>Status</th><th>Findings to note</th></tr></thead>\n<tbody>\n");
    for m in &r.meetings {
        meeting_row(h, m);
    }
    h.push_str("</tbody>\n</table>\n");
    if !r.cancelled.is_empty() {
        let list: Vec<String> = r
            .cancelled
            .iter()
            .map(|c| {
                format!(
                    "{}{}{}",
                    day(c.date),
                    if c.consulted {
                        " (members consulted)"
                    } else {
                        " (members not recorded as consulted)"
                    },
                    c.note
                        .as_ref()
                        .map(|n| format!(": {}", escape(n)))
                        .unwrap_or_default()
                )
            })
            .collect();
        h.push_str(&format!(
            "<p class=\"note\">Cancelled: {}.</p>\n",
            list.join("; ")
        ));
    }
    h.push_str("</section>\n");
}

fn meeting_row(h: &mut String, m: &MeetingAudit) {
    let kind = match (m.kind, m.public) {
        (MeetingKind::Extraordinary, _) => "extraordinary",
        (_, true) => "public",
        _ => "ordinary",
    };
    let papers = match (&m.circulated, m.circulate_by) {
        (Some(c), Some(by)) => format!("{} <span class=\"note\">(due by {by})</span>", escape(c)),
        (Some(c), None) => escape(c),
        (None, Some(by)) => format!("not recorded <span class=\"note\">(due by {by})</span>"),
        (None, None) => "not recorded".to_owned(),
    };
    let minutes = match (m.minutes, m.minutes_by) {
        (Some(d), Some(by)) => format!("{d} <span class=\"note\">(due by {by})</span>"),
        (Some(d), None) => d.to_string(),
        (None, Some(by)) => format!("not recorded <span class=\"note\">(due by {by})</span>"),
        (None, None) => "—".to_owned(),
    };
    let notable: Vec<String> = m
        .findings
        .iter()
        .filter(|f| matches!(f.status, FindingStatus::Fail | FindingStatus::Warn))
        .map(|f| {
            format!(
                "<li>{} <b>{}</b> ({}): {}</li>",
                pill(f.status),
                escape(&rule_name(f.rule)),
                clause(f),
                escape(&message(&f.message))
            )
        })
        .collect();
    let mut notes = if notable.is_empty() {
        "<span class=\"note\">none</span>".to_owned()
    } else {
        format!("<ul class=\"problems\">{}</ul>", notable.join(""))
    };
    if let Some(n) = &m.note {
        notes.push_str(&format!("<div class=\"note\">{}</div>", escape(n)));
    }
    h.push_str(&format!(
        "<tr class=\"{}\"><td class=\"nowrap\">{}{}</td><td>{kind}</td><td>{papers}</td><td>{minutes}</td><td>{}</td><td>{notes}</td></tr>\n",
        if m.valid { "" } else { "fail" },
        day(m.date),
        m.at
            .as_ref()
            .and_then(|a| a.get(11..16))
            .map(|t| format!("<br><span class=\"note\">{}</span>", escape(t)))
            .unwrap_or_default(),
        pill(if m.valid {
            FindingStatus::Pass
        } else {
            FindingStatus::Fail
        })
    ));
}

impl Span {
    /// This period and the `n - 1` after it.
    fn next_n(self, n: usize) -> Vec<Span> {
        let mut out = Vec::with_capacity(n);
        let mut p = self;
        for _ in 0..n {
            out.push(p);
            let next = p.next();
            if next.start <= p.start {
                break;
            }
            p = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }
}

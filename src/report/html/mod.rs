//! The audit as one self-contained HTML page for a scrutiny committee: the
//! verdict, the clause-by-clause table, a picture of the year and the meetings.
//!
//! No scripts and no external assets, so it opens anywhere and archives as one
//! file. Every mark in the calendar is a letter as well as a colour, and colours
//! are kept when printing, so it reads in print and in greyscale. All text from
//! the ToR and the record is escaped.

mod calendar;
mod style;

use chrono::NaiveDate;

use crate::engine::audit::{AuditReport, MeetingAudit, PeriodShape};
use crate::engine::record::MeetingKind;
use crate::engine::{Finding, FindingStatus, Rule};
use crate::model::Keyword;
use style::STYLE;

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

/// A rule's keyword as a heading: `casting-vote` is "Casting vote".
fn rule_name(rule: Rule) -> String {
    let words = rule.as_str().replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// A finding's message with its days written as in the rest of the report.
fn message(m: &crate::engine::Message) -> String {
    m.render(day, |t| t.format("%a %-d %b %Y %H:%M").to_string())
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
    calendar::year(&mut h, r);
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
            .map(|&rule| escape(&rule_name(rule)))
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

fn periods(h: &mut String, r: &AuditReport) {
    if r.periods.is_empty() {
        return;
    }
    h.push_str("<section>\n<h2>Frequency, period by period</h2>\n<table class=\"data\">\n<thead><tr><th>Period</th><th>Held</th><th>Status</th><th>Detail</th></tr></thead>\n<tbody>\n");
    // Where an amendment changed the rule within the year, a heading row names
    // each version above the periods it judged (none, where it judged none).
    let mut headed = 0;
    let mut head = |h: &mut String, upto: usize| {
        for about in r.frequency_phases.iter().take(upto).skip(headed) {
            h.push_str(&format!(
                "<tr class=\"phase\"><th colspan=\"4\">{}: {}</th></tr>\n",
                escape(&message(&about.words())),
                escape(&about.summary())
            ));
        }
        headed = headed.max(upto);
    };
    for p in &r.periods {
        if let Some(ph) = p.phase {
            head(h, ph + 1);
        }
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
    head(h, r.frequency_phases.len());
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
        .problems()
        .into_iter()
        .map(|f| {
            format!(
                "<li>{} <b>{}</b> ({}){}: {}</li>",
                pill(f.status),
                escape(&rule_name(f.rule)),
                clause(f),
                f.item
                    .as_ref()
                    .map(|i| format!(" from {}", escape(&i.to_string())))
                    .unwrap_or_default(),
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
        m.start
            .map(|t| format!("<br><span class=\"note\">{}</span>", t.format("%H:%M")))
            .unwrap_or_default(),
        pill(if m.valid {
            FindingStatus::Pass
        } else {
            FindingStatus::Fail
        })
    ));
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

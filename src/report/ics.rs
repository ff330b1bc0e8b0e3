//! A plan as an iCalendar file (RFC 5545): one event per meeting, and an
//! all-day event for each papers deadline and minutes due date.
//!
//! Lines end in CRLF and are folded at 75 octets; TEXT values are escaped. UIDs
//! are the partnership id and the meeting's date, so a calendar that imports a
//! revised plan updates the same events. Times are local to Europe/London with a
//! VTIMEZONE; a zone tor has no VTIMEZONE for (or a year whose clock changes the
//! modern rule does not give) is written in UTC instead, which every reader knows.
//!
//! Each "papers out" event carries the reminder (a VALARM), since that deadline is
//! what someone has to act on: it fires at 09:00 local time a number of working
//! days (of the partnership's calendar) before the deadline day, or at the
//! deadline itself where that is earlier.

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;

use crate::calendar::{Calendar, DateOrTime};
use crate::engine::schedule::{MeetingKind, ProposedMeeting, Schedule};

/// The most working days ahead a reminder may be set.
pub const MAX_REMIND: u32 = 60;

const LONDON_VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// How the calendar is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsOptions {
    /// Length of each meeting, in minutes.
    pub minutes: u32,
    /// The DTSTAMP of every event: when the file was made.
    pub stamp: DateTime<Utc>,
    /// Working days before each papers deadline to remind; `None`: no reminders.
    pub remind: Option<u32>,
    /// Where the meetings are held, if known.
    pub location: Option<String>,
}

/// "Thursday 4 February 2027": the one spelling of a date in event text.
pub fn uk_date(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// The end of meeting `m`, `minutes` later in absolute time (chrono-tz gives the
/// local clock reading across a clock change).
fn end_of(m: &ProposedMeeting, minutes: u32) -> DateTime<Tz> {
    m.at + TimeDelta::minutes(i64::from(minutes))
}

/// The calendar text of `plan`; working days for reminders are those of `cal`.
pub fn to_ics(plan: &Schedule, cal: &Calendar, opts: &IcsOptions) -> String {
    let fits = |t: DateTime<Tz>| london_offset(t.naive_utc()) == t.offset().fix().local_minus_utc();
    let london = plan.timezone == "Europe/London"
        && plan
            .meetings
            .iter()
            .all(|m| fits(m.at) && fits(end_of(m, opts.minutes)));
    let mut out = Ics::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!(
        "PRODID:-//tor//tor schedule {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", &format!("{} {}", plan.name, plan.year));
    if london {
        for l in LONDON_VTIMEZONE {
            out.line(l);
        }
        out.line("END:VTIMEZONE");
    }
    let stamp = opts.stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for m in &plan.meetings {
        meeting(&mut out, plan, m, london, &stamp, opts);
        deadline_events(&mut out, plan, m, &stamp, cal, opts.remind);
    }
    out.line("END:VCALENDAR");
    out.0
}

fn meeting(
    out: &mut Ics,
    plan: &Schedule,
    m: &ProposedMeeting,
    london: bool,
    stamp: &str,
    opts: &IcsOptions,
) {
    let date = m.date();
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}-{date}@tor", plan.partnership));
    out.line(&format!("DTSTAMP:{stamp}"));
    for (name, t) in [("DTSTART", m.at), ("DTEND", end_of(m, opts.minutes))] {
        if london {
            out.line(&format!(
                "{name};TZID=Europe/London:{}",
                t.naive_local().format("%Y%m%dT%H%M%S")
            ));
        } else {
            out.line(&format!(
                "{name}:{}",
                t.naive_utc().format("%Y%m%dT%H%M%SZ")
            ));
        }
    }
    if let Some(place) = &opts.location {
        out.text("LOCATION", place);
    }
    let what = match m.kind {
        MeetingKind::Ordinary => "meeting",
        MeetingKind::Public => "public meeting",
        MeetingKind::MayMeeting => "May meeting (chair elected)",
    };
    out.text("SUMMARY", &format!("{}: {what}", plan.name));
    let mut description = vec![format!(
        "{} on {}. Proposed by tor schedule: {}{}.",
        capitalise(what),
        uk_date(date),
        plan.rule,
        plan.clause
            .as_ref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default()
    )];
    // Notes carry their dates typed, so the event text says them as it says the rest.
    let note = |n: &crate::engine::Message| {
        n.render(uk_date, |t| {
            format!("{} on {}", t.format("%H:%M"), uk_date(t.date_naive()))
        })
    };
    description.extend(m.notes.iter().map(|n| format!("{}.", capitalise(&note(n)))));
    if !m.items.is_empty() {
        description.push(format!("Agenda: {}.", m.items.join("; ")));
    }
    if let Some(by) = m.circulate_by {
        description.push(format!("Papers out {}.", by_when(by.0)));
    }
    if let Some(by) = m.minutes_by {
        description.push(format!("Minutes due by {}.", uk_date(by)));
    }
    out.text("DESCRIPTION", &description.join("\n"));
    if m.public {
        out.line("CLASS:PUBLIC");
    }
    out.line("STATUS:TENTATIVE");
    out.line("TRANSP:OPAQUE");
    out.line("END:VEVENT");
}

/// "by Thursday 4 February 2027", or "by 14:00 on Thursday 4 February 2027".
fn by_when(d: DateOrTime) -> String {
    match d {
        DateOrTime::Date(d) => format!("by {}", uk_date(d)),
        DateOrTime::Instant(t) => {
            format!("by {} on {}", t.format("%H:%M"), uk_date(t.date_naive()))
        }
    }
}

/// When to remind of papers deadline `d` of a meeting at `at`: 09:00 local,
/// `n` working days before the deadline day, and never after the deadline itself.
fn reminder(d: DateOrTime, at: DateTime<Tz>, n: u32, cal: &Calendar) -> DateTime<Utc> {
    let on = cal.working_days_before(d.day(), n);
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    let local = at
        .timezone()
        .from_local_datetime(&on.and_time(nine))
        .earliest()
        // 09:00 falls in no clock change of a zone tor accepts; if one did, the
        // reminder moves to the start of the day in UTC rather than vanishing.
        .map_or_else(|| on.and_time(NaiveTime::MIN).and_utc(), |t| t.to_utc());
    match d {
        DateOrTime::Instant(t) if t.to_utc() < local => t.to_utc(),
        _ => local,
    }
}

fn deadline_events(
    out: &mut Ics,
    plan: &Schedule,
    m: &ProposedMeeting,
    stamp: &str,
    cal: &Calendar,
    remind: Option<u32>,
) {
    let date = m.date();
    let papers = m.circulate_by.map(|w| (w.0.day(), by_when(w.0), Some(w.0)));
    let events = [
        ("papers", "Papers out", papers),
        (
            "minutes",
            "Minutes due",
            m.minutes_by
                .map(|d| (d, by_when(DateOrTime::Date(d)), None)),
        ),
    ];
    let meeting_day = uk_date(date);
    for (key, what, when) in events {
        let Some((day, by, alarm)) = when else {
            continue;
        };
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:{}-{date}-{key}@tor", plan.partnership));
        out.line(&format!("DTSTAMP:{stamp}"));
        out.line(&format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
        let next = day.succ_opt().unwrap_or(day);
        out.line(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        out.text(
            "SUMMARY",
            &format!("{what}: {} meeting of {meeting_day}", plan.name),
        );
        out.text(
            "DESCRIPTION",
            &format!("{what} {by} for the meeting on {meeting_day}, under the terms of reference."),
        );
        out.line("TRANSP:TRANSPARENT");
        if let (Some(deadline), Some(n)) = (alarm, remind) {
            let at = reminder(deadline, m.at, n, cal);
            out.line("BEGIN:VALARM");
            out.line("ACTION:DISPLAY");
            out.text(
                "DESCRIPTION",
                &format!("{what} {by} for the {} meeting on {meeting_day}", plan.name),
            );
            out.line(&format!(
                "TRIGGER;VALUE=DATE-TIME:{}",
                at.format("%Y%m%dT%H%M%SZ")
            ));
            out.line("END:VALARM");
        }
        out.line("END:VEVENT");
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// UK clock rule since 1996, as the VTIMEZONE states it: summer time from 01:00
/// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
fn london_offset(utc: NaiveDateTime) -> i32 {
    let y = utc.year();
    let change = |month| last_sunday(y, month).and_then(|d| d.and_hms_opt(1, 0, 0));
    match (change(3), change(10)) {
        (Some(on), Some(off)) if on <= utc && utc < off => 3600,
        _ => 0,
    }
}

fn last_sunday(y: i32, month: u32) -> Option<NaiveDate> {
    let first_next = NaiveDate::from_ymd_opt(y, month + 1, 1)?;
    let last = first_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(chrono::Days::new(u64::from(back)))
        .filter(|d| d.weekday() == Weekday::Sun)
}

/// The file being built: content lines folded and ended as RFC 5545 asks.
#[derive(Default)]
struct Ics(String);

impl Ics {
    /// One content line, folded so no physical line exceeds 75 octets.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        // Where the current physical line's text starts.
        let mut start = self.0.len();
        for (i, c) in line.char_indices() {
            let n = c.len_utf8();
            // Fold before a character that would overflow; a continuation line
            // starts with a space, which counts towards its 75.
            if width + n > 75 {
                let at = self.fold_point(start, &line[i..]);
                self.0.insert_str(at, "\r\n ");
                start = at + 3;
                width = 1 + self.0.len() - start;
            }
            self.0.push(c);
            width += n;
        }
        self.0.push_str("\r\n");
    }

    /// Where to fold before `rest`: here, unless the continuation line would
    /// start (after white space) with `::`, which GitHub Actions runs as a
    /// workflow command when the file is written to a CI log (`--ics -`). Then
    /// the fold moves back before the colons and white space, onto a character
    /// that is neither, if the physical line has one and the run is short.
    fn fold_point(&self, start: usize, rest: &str) -> usize {
        let here = self.0.len();
        let tail = &self.0[start..];
        let kept = tail.trim_end_matches(|c: char| c == ':' || c.is_whitespace());
        let moved = format!("{}{rest}", &tail[kept.len()..]);
        if !moved.trim_start().starts_with("::") {
            return here;
        }
        match kept.char_indices().next_back() {
            // What moves, a space and the next character must fit in 75.
            Some((i, _)) if i > 0 && tail.len() - i <= 70 => start + i,
            _ => here,
        }
    }

    /// A property whose value is TEXT.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }
}

/// The longest run of colons and white space kept in calendar text. A fold
/// must land before such a run so that no continuation line starts with `::`
/// (a workflow command when `--ics -` reaches a CI log); a longer run could
/// not be folded safely, and no real name or note holds one.
const MAX_COLON_RUN: usize = 32;

/// TEXT escaping: backslash, semicolon, comma and newline; and, since TEXT has
/// no escape for them, the two shapes a CI log would run as a command are
/// broken up: `##[` gets a space (`## [`) and a run of colons and white space
/// is cut to [`MAX_COLON_RUN`] characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for c in s.chars() {
        if c == ':' || c.is_whitespace() {
            run += 1;
            if run > MAX_COLON_RUN {
                continue;
            }
        } else {
            run = 0;
        }
        if c == '[' && out.ends_with("##") {
            out.push(' ');
        }
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // Other control characters are not allowed in TEXT, and bidi
            // controls would reorder what a reader sees: both are shown escaped.
            c if super::safe::is_unsafe(c) => {
                out.push_str(&super::safe::escape(c).to_string().replace('\\', "\\\\"));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_colon_runs_and_legacy_commands_never_reach_a_line_start() {
        for name in [
            format!("A{}::error::pwned", " ".repeat(73)),
            ":".repeat(300),
            format!("x{}", " :".repeat(200)),
            "##[error]hi".to_owned(),
        ] {
            let mut ics = Ics::default();
            ics.text("SUMMARY", &name);
            for line in ics.0.split("\r\n") {
                assert!(!line.trim_start().starts_with("::"), "{line:?}");
                assert!(!line.contains("##["), "{line:?}");
            }
        }
    }

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let mut ics = Ics::default();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        ics.line(&long);
        for l in ics.0.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = ics.0.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }

    #[test]
    fn no_continuation_line_starts_a_workflow_command() {
        for pad in 60..80 {
            let mut ics = Ics::default();
            let line = format!("SUMMARY:{}x  ::error::forged", "a".repeat(pad));
            ics.line(&line);
            for l in ics.0.split("\r\n") {
                assert!(l.len() <= 75, "{l}");
                assert!(!l.trim_start().starts_with("::"), "{pad}: {l:?}");
            }
            assert_eq!(ics.0.replace("\r\n ", "").trim_end(), line);
        }
    }

    #[test]
    fn dates_are_spelt_the_uk_way() {
        let d = NaiveDate::from_ymd_opt(2027, 2, 4).expect("a date");
        assert_eq!(uk_date(d), "Thursday 4 February 2027");
    }

    #[test]
    fn a_reminder_never_comes_after_an_early_deadline() {
        let tz = chrono_tz::Europe::London;
        let cal = Calendar::new(crate::calendar::Region::EnglandAndWales);
        let at = tz
            .with_ymd_and_hms(2027, 2, 11, 14, 0, 0)
            .single()
            .expect("a time");
        let early = tz
            .with_ymd_and_hms(2027, 2, 4, 8, 0, 0)
            .single()
            .expect("a time");
        assert_eq!(
            reminder(DateOrTime::Instant(early), at, 0, &cal),
            early.to_utc()
        );
        let day = NaiveDate::from_ymd_opt(2027, 2, 4).expect("a date");
        let r = reminder(DateOrTime::Date(day), at, 2, &cal);
        assert_eq!(r.format("%Y-%m-%d %H:%M").to_string(), "2027-02-02 09:00");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn the_uk_rule_matches_chrono_tz_since_1996() {
        use chrono::TimeZone;
        let tz = chrono_tz::Europe::London;
        for y in 1996..2100 {
            for (m, d) in [
                (3, 20),
                (3, 31),
                (4, 1),
                (10, 20),
                (10, 31),
                (11, 1),
                (7, 1),
            ] {
                let t = tz
                    .with_ymd_and_hms(y, m, d, 14, 0, 0)
                    .single()
                    .expect("an afternoon");
                assert_eq!(
                    london_offset(t.naive_utc()),
                    t.offset().fix().local_minus_utc(),
                    "{t}"
                );
            }
        }
    }
}

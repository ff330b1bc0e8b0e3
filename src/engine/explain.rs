//! The working behind deadlines and notice verdicts (`--explain`): which rule,
//! what it counts, and every day between the two dates. Typed data only; the
//! command line words and lays it out.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use super::deadlines::{DeadlineKind, When, notice_deadline};
use super::meeting::MeetingInput;
use crate::calendar::{
    Calendar, Convention, DateOrTime, DayCount, count_minutes, count_notice, day_deadline,
    minutes_due,
};
use crate::model::{Clause, Notice, Tor};

/// One step of the working: a rule and the days it counted.
#[derive(Debug, Clone, Serialize)]
pub struct Working {
    pub deadline: DeadlineKind,
    pub clause: Clause,
    pub convention: Convention,
    pub n: u32,
    /// The meeting's day in the partnership's zone.
    pub meeting: NaiveDate,
    /// `None` for an hours rule when only the meeting's day is known.
    pub due: Option<When>,
    /// The day notice was given, where the working is of a given notice rather
    /// than of the deadline.
    pub given: Option<NaiveDate>,
    /// `None` for an hours rule, which counts elapsed time, not days.
    pub count: Option<DayCount>,
}

/// The working of every deadline the ToR states, for a meeting on `meeting`
/// (starting at `start` where the time is known).
pub fn explain_deadlines(
    tor: &Tor,
    meeting: NaiveDate,
    start: Option<DateTime<Tz>>,
    cal: &Calendar,
) -> Vec<Working> {
    let mut out = Vec::new();
    let notices = [
        (DeadlineKind::CirculateBy, &tor.notice.agenda),
        (
            DeadlineKind::ExtraordinaryNoticeBy,
            &tor.notice.extraordinary,
        ),
    ];
    for (kind, rule) in notices {
        let Some(rule) = rule else { continue };
        let due = match start {
            Some(start) => Some(notice_deadline(rule, start, cal)),
            None => day_deadline(rule.convention, rule.n, meeting, cal)
                .map(|d| When(DateOrTime::Date(d))),
        };
        let count = due.and_then(|w| match w.0 {
            DateOrTime::Date(d) => count_notice(rule.convention, d, meeting, cal),
            DateOrTime::Instant(_) => None,
        });
        out.push(working(kind, rule, meeting, due, None, count));
    }
    if let Some(rule) = &tor.notice.minutes {
        let due = minutes_due(meeting, rule.n, cal);
        let count = Some(count_minutes(meeting, due, cal));
        let due = Some(When(DateOrTime::Date(due)));
        out.push(working(
            DeadlineKind::MinutesBy,
            rule,
            meeting,
            due,
            None,
            count,
        ));
    }
    out
}

/// The working of the notice finding of `check-meeting`: the rule it judged
/// (the urgent-meeting rule for an extraordinary meeting, where stated) and the
/// days from the day notice was given to the meeting. `None` where the ToR
/// states no notice rule that applies.
pub fn explain_meeting_notice(tor: &Tor, m: &MeetingInput, cal: &Calendar) -> Option<Working> {
    let (kind, rule) = match (&tor.notice.extraordinary, &tor.notice.agenda) {
        (Some(rule), _) if m.extraordinary => (DeadlineKind::ExtraordinaryNoticeBy, rule),
        (_, Some(rule)) => (DeadlineKind::CirculateBy, rule),
        _ => return None,
    };
    let meeting = m.at.with_timezone(&tor.timezone).date_naive();
    let due = Some(notice_deadline(rule, m.at, cal));
    // The day that counts is the one in the meeting's own zone, as in the verdict.
    let given = m.circulated.map(|g| match g {
        DateOrTime::Date(d) => d,
        DateOrTime::Instant(t) => t.with_timezone(&m.at.timezone()).date_naive(),
    });
    let count = given.and_then(|g| count_notice(rule.convention, g, meeting, cal));
    Some(working(kind, rule, meeting, due, given, count))
}

fn working(
    deadline: DeadlineKind,
    rule: &Notice,
    meeting: NaiveDate,
    due: Option<When>,
    given: Option<NaiveDate>,
    count: Option<DayCount>,
) -> Working {
    Working {
        deadline,
        clause: rule.clause.clone(),
        convention: rule.convention,
        n: rule.n,
        meeting,
        due,
        given,
        count,
    }
}

//! `tor schedule`: a year of meetings that keeps the ToR — its frequency rule, the
//! May meeting where the chair is elected then, the yearly public meeting(s) —
//! on working days, each with its papers deadline and minutes due date.
//!
//! Every proposed meeting is checked with [`check_meeting`] as it would be held
//! (all members present, the chair presiding, papers out on the deadline, the
//! previous proposed meeting as history), and the failures are part of the plan:
//! a ToR that cannot be kept (an unreachable quorum, say) gives a plan that says so.
//!
//! A ToR without a frequency rule is planned quarterly, with a warning: a plan
//! needs some rhythm, and a quarter is the longest period any bundled ToR allows.

mod dates;
mod marks;
mod phases;
mod yearend;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use super::deadlines::{When, deadlines, format_instant};
use super::meeting::{History, check_meeting};
use super::{Finding, Message};
use crate::calendar::{Calendar, FIRST_YEAR, LAST_YEAR};
use crate::engine::period::Span;
use crate::engine::phase::FrequencyPhase;
use crate::model::{Clause, HistoryKind, Period, RuleFamily, Tor};
use crate::msg;
use phases::Dated;

/// What the plan is asked for besides the ToR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The calendar year, or the partnership's year that starts in it.
    pub year: i32,
    /// The preferred day of the week.
    pub weekday: Weekday,
    /// The start time, local to the partnership.
    pub time: NaiveTime,
}

impl Options {
    /// Thursdays at 14:00, the defaults of `tor schedule`.
    pub fn new(year: i32) -> Self {
        Self {
            year,
            weekday: Weekday::Thu,
            time: NaiveTime::from_hms_opt(14, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("{0} is a weekend day: meetings are held on working days, Monday to Friday")]
    Weekend(Weekday),
    #[error(
        "{year} is outside the years tor knows bank holidays for ({FIRST_YEAR} to {LAST_YEAR})"
    )]
    YearOutOfRange { year: i32 },
    #[error("nothing to schedule in {label}: {reason}")]
    Empty { label: String, reason: String },
    #[error(transparent)]
    OutsideCalendar(#[from] crate::engine::deadlines::OutsideCalendar),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    Ordinary,
    /// A yearly public meeting the ToR asks for.
    Public,
    /// The May meeting, where the chair is elected.
    MayMeeting,
}

impl MeetingKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Ordinary => "ordinary",
            Self::Public => "public",
            Self::MayMeeting => "May meeting (AGM)",
        }
    }
}

/// One meeting of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct ProposedMeeting {
    #[serde(serialize_with = "ser_instant")]
    pub at: DateTime<Tz>,
    pub kind: MeetingKind,
    pub public: bool,
    /// Suggested agenda: an election or review where due, and standing items.
    pub items: Vec<String>,
    /// Why the meeting is there or what it must have, with clauses.
    pub notes: Vec<Message>,
    pub circulate_by: Option<When>,
    pub minutes_by: Option<NaiveDate>,
    /// `check_meeting` finds no rule failing.
    pub valid: bool,
    /// The failing findings, if any.
    pub failures: Vec<Finding>,
}

impl ProposedMeeting {
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }
}

/// A year's plan.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub partnership: String,
    pub name: String,
    pub year: i32,
    /// First and last day planned (the year, less any part before the ToR was
    /// adopted or after the body was succeeded).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The frequency followed, in words.
    pub rule: String,
    /// The clause of the frequency rule; null when the ToR states none.
    pub clause: Option<Clause>,
    #[serde(serialize_with = "ser_weekday")]
    pub weekday: Weekday,
    #[serde(serialize_with = "ser_time")]
    pub time: NaiveTime,
    pub timezone: String,
    /// Every meeting passes `check_meeting` and no meeting the frequency rule
    /// needs is missing.
    pub valid: bool,
    pub warnings: Vec<Message>,
    /// Meetings the frequency rule needs that no free working day could hold:
    /// a plan with any cannot keep the rule, however valid each meeting is.
    pub shortfalls: Vec<Message>,
    pub meetings: Vec<ProposedMeeting>,
    /// Where an amendment changes the frequency rule within the plan: the
    /// versions in order, each planning the days it holds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<FrequencyPhase>,
}

fn ser_instant<S: Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_instant(*t))
}

// serde's `serialize_with` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn ser_weekday<S: Serializer>(d: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(weekday_name(*d))
}

// serde's `serialize_with` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn ser_time<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%H:%M"))
}

pub fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// How the plan spaces meetings.
#[derive(Debug, Clone, Copy)]
enum Rhythm {
    /// `n` in every period of `per`.
    Periodic { n: u32, per: Period },
    /// Each meeting within `months` of the one before.
    Every { months: u32 },
}

/// Plans the meetings of `opts.year` under `tor`.
pub fn schedule(tor: &Tor, cal: &Calendar, opts: &Options) -> Result<Schedule, ScheduleError> {
    if matches!(opts.weekday, Weekday::Sat | Weekday::Sun) {
        return Err(ScheduleError::Weekend(opts.weekday));
    }
    // The year's own rules (chair, public meetings, review) and its bounds are
    // those of the version in force on its first day; the dates of each phase
    // of the frequency rule are planned by that phase's version.
    let base = tor;
    let version = NaiveDate::from_ymd_opt(opts.year, 1, 1).map(|d| tor.as_of(d));
    let tor = version.as_deref().unwrap_or(tor);
    let requested = opts;
    let opts = &preferred_day(tor, opts);
    let planner = Planner::new(tor, cal, opts)?;
    let mut warnings = planner.warnings.clone();
    let mut shortfalls = Vec::new();
    let end = planner.to.succ_opt().unwrap_or(planner.to);
    let cuts = base.phases(RuleFamily::Frequency, planner.from, end);
    let (plan, phases) = if cuts.len() > 1 {
        planner.phased(base, requested, &cuts, &mut shortfalls, &mut warnings)?
    } else {
        let plan = planner.plan(true, true, None, &mut shortfalls, &mut warnings);
        (plan, Vec::new())
    };
    let Dated {
        seed,
        dates,
        may,
        rule,
        clause,
    } = plan;
    if dates.is_empty() {
        return Err(ScheduleError::Empty {
            label: planner.label.clone(),
            reason: "no working day could be found for any meeting".to_owned(),
        });
    }
    let mut meetings: Vec<ProposedMeeting> = dates
        .iter()
        .filter_map(|d| planner.start(*d))
        .map(|at| ProposedMeeting {
            at,
            kind: MeetingKind::Ordinary,
            public: false,
            items: Vec::new(),
            notes: Vec::new(),
            circulate_by: None,
            minutes_by: None,
            valid: true,
            failures: Vec::new(),
        })
        .collect();
    if let (Some(first), Some(seed)) = (meetings.first_mut(), seed) {
        first.notes.push(msg![
            "follows the meeting this plan gives for the year before, on ",
            seed
        ]);
    }
    for phase in phases.iter().skip(1) {
        if let Some(m) = meetings.iter_mut().find(|m| m.date() >= phase.from) {
            m.notes.push(msg![
                phase.words(),
                format!(": the first meeting planned by {}", phase.summary())
            ]);
        }
    }
    planner.mark_chair(&mut meetings, may);
    planner.mark_public(&mut meetings, &mut warnings);
    planner.mark_review(&mut meetings, &mut warnings);
    planner.add_standing_items(&mut meetings);
    let mut previous = seed;
    for m in &mut meetings {
        let due = deadlines(tor, m.at, cal);
        due.within_calendar()?;
        m.circulate_by = due.circulate_by;
        m.minutes_by = due.minutes_by;
        let report = check_meeting(
            tor,
            cal,
            &planner.as_held(m),
            previous.map_or(History::Nothing, History::Previous),
        );
        m.failures = report
            .findings
            .into_iter()
            .filter(Finding::failed)
            .collect();
        m.valid = m.failures.is_empty();
        previous = Some(m.date());
    }
    Ok(Schedule {
        partnership: tor.id.to_string(),
        name: tor.name_on(planner.from).to_owned(),
        year: opts.year,
        from: planner.from,
        to: planner.to,
        rule,
        clause,
        weekday: opts.weekday,
        time: opts.time,
        timezone: tor.timezone.name().to_owned(),
        valid: shortfalls.is_empty() && meetings.iter().all(|m| m.valid),
        warnings,
        shortfalls,
        meetings,
        phases,
    })
}

/// `opts`, its weekday replaced by the ToR's first where the ToR fixes the
/// days of the week and the preferred one is not among them.
fn preferred_day(tor: &Tor, opts: &Options) -> Options {
    let fixed = tor
        .frequency
        .as_ref()
        .map_or(&[][..], |f| f.weekdays.as_slice());
    Options {
        weekday: match fixed.first() {
            Some(first) if !fixed.iter().any(|d| d.chrono() == opts.weekday) => first.chrono(),
            _ => opts.weekday,
        },
        ..*opts
    }
}

/// The facts of a proposed meeting as it would be held: every member present,
/// the chair presiding, papers out on the deadline.
struct Planner<'a> {
    tor: &'a Tor,
    cal: &'a Calendar,
    opts: &'a Options,
    year: Span,
    label: String,
    /// First and last day that can be planned.
    from: NaiveDate,
    to: NaiveDate,
    warnings: Vec<Message>,
    /// For the planner of one phase of the frequency rule: the first and last
    /// day of the whole plan, which `from` and `to` are a part of.
    whole: Option<(NaiveDate, NaiveDate)>,
}

impl<'a> Planner<'a> {
    fn new(tor: &'a Tor, cal: &'a Calendar, opts: &'a Options) -> Result<Self, ScheduleError> {
        let ys = tor.frequency.as_ref().and_then(|f| f.year_starts);
        let year = Span::year(ys, opts.year);
        // A municipal year runs into the next calendar year, which must be known too.
        if !(FIRST_YEAR..=LAST_YEAR).contains(&opts.year) || year.last().year() > LAST_YEAR {
            return Err(ScheduleError::YearOutOfRange { year: opts.year });
        }
        let label = year.label();
        let mut warnings = Vec::new();
        let mut from = year.start;
        let mut to = year.last();
        if let Some(adopted) = tor.adopted.filter(|a| *a > from) {
            from = adopted;
            if adopted <= to {
                warnings.push(msg![
                    "the ToR was adopted on ",
                    adopted,
                    ": the plan starts then"
                ]);
            }
        }
        let succeeded = tor
            .history
            .iter()
            .filter(|h| h.event == HistoryKind::Succeeded)
            .min_by_key(|h| h.date);
        if let Some(h) = succeeded.filter(|h| h.date <= to) {
            to = h.date.pred_opt().unwrap_or(h.date);
            if from <= to {
                warnings.push(msg![
                    format!("the body was succeeded by the {} on ", h.name),
                    h.date,
                    ": the plan ends the day before"
                ]);
            }
        }
        if from > to {
            let reason = match (tor.adopted, succeeded) {
                (Some(a), _) if a > year.last() => format!("the ToR was adopted on {a}"),
                (_, Some(h)) => format!("the body was succeeded by the {} on {}", h.name, h.date),
                _ => "the year is empty".to_owned(),
            };
            return Err(ScheduleError::Empty { label, reason });
        }
        Ok(Self {
            tor,
            cal,
            opts,
            year,
            label,
            from,
            to,
            warnings,
            whole: None,
        })
    }

    /// The dates of the plan, the May meeting among them, with every gap the
    /// rule sets closed from `before` (the meeting before the plan, where a
    /// count rule's previous year gives one). Returns the meeting before the
    /// plan, the dates and the May meeting.
    fn dates(
        &self,
        rhythm: Rhythm,
        exact: bool,
        before: Option<NaiveDate>,
        shortfalls: &mut Vec<Message>,
        warnings: &mut Vec<Message>,
    ) -> (Option<NaiveDate>, Vec<NaiveDate>, Option<NaiveDate>) {
        let mut seed = before;
        let mut dates = match rhythm {
            Rhythm::Periodic { n, per } => self.periodic(n, per, shortfalls),
            Rhythm::Every { months } => {
                let (before, dates) = self.every(months, shortfalls);
                seed = before;
                dates
            }
        };
        let may = self.may_meeting(&mut dates, exact, warnings);
        dates.sort();
        dates.dedup();
        if let Some(gap) = self.tor.frequency.as_ref().and_then(|f| f.max_gap) {
            let per = match rhythm {
                Rhythm::Periodic { per, .. } => Some(per),
                Rhythm::Every { .. } => None,
            };
            dates = self.close_gaps(dates, seed, gap, per, shortfalls);
        }
        (seed, dates, may)
    }

    /// The meeting's start on `d`, where that local time exists once.
    fn start(&self, d: NaiveDate) -> Option<DateTime<Tz>> {
        self.tor
            .timezone
            .from_local_datetime(&d.and_time(self.opts.time))
            .single()
    }
}

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

pub mod ics;

use crate::model::Keyword;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use super::deadlines::{When, deadlines, format_instant};
use super::meeting::{ChairPresence, History, MeetingInput, check_meeting};
use super::{Finding, Message};
use crate::calendar::{Calendar, Deadline, FIRST_YEAR, Given, LAST_YEAR};
use crate::engine::period::{Span, add_months, gap_end, gap_words, window_phrase};
use crate::model::{ChairAppointment, Clause, FrequencyRule, Gap, HistoryKind, Period, Tor};
use crate::msg;

/// The agenda item that records the chair's election; `tor audit` looks for it.
pub const ELECTION_ITEM: &str = "Election of chair";
/// The agenda item for the review of the terms of reference.
pub const REVIEW_ITEM: &str = "Review of the terms of reference";

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
}

fn ser_instant<S: Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_instant(*t))
}

fn ser_weekday<S: Serializer>(d: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(weekday_name(*d))
}

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
    let planner = Planner::new(tor, cal, opts)?;
    let mut warnings = planner.warnings.clone();
    let (rhythm, rule, clause, exact) = match &tor.frequency {
        Some(f) => {
            let (rhythm, rule, exact) = match f.rule {
                FrequencyRule::EveryMonths { months } => (
                    Rhythm::Every {
                        months: months.max(1),
                    },
                    format!("every {months} months"),
                    false,
                ),
                FrequencyRule::AtLeast { n, per } => (
                    Rhythm::Periodic { n, per },
                    format!("at least {n} a {}", per.as_str()),
                    false,
                ),
                FrequencyRule::Exactly { n, per } => (
                    Rhythm::Periodic { n, per },
                    format!("{n} a {}", per.as_str()),
                    true,
                ),
            };
            let rule = format!("{rule}{}", window_phrase(f));
            (rhythm, rule, Some(f.clause.clone()), exact)
        }
        None => {
            warnings.push(
                "the ToR states no meeting frequency: planned quarterly, which no rule requires"
                    .into(),
            );
            (
                Rhythm::Periodic {
                    n: 1,
                    per: Period::Quarter,
                },
                "quarterly (no frequency stated)".to_owned(),
                None,
                false,
            )
        }
    };
    let mut seed = None;
    let mut shortfalls = Vec::new();
    let mut dates = match rhythm {
        Rhythm::Periodic { n, per } => planner.periodic(n, per, &mut shortfalls),
        Rhythm::Every { months } => {
            let (before, dates) = planner.every(months, &mut shortfalls);
            seed = before;
            dates
        }
    };
    let may = planner.may_meeting(&mut dates, exact, &mut warnings);
    dates.sort();
    dates.dedup();
    if let Some(gap) = tor.frequency.as_ref().and_then(|f| f.max_gap) {
        let per = match rhythm {
            Rhythm::Periodic { per, .. } => Some(per),
            Rhythm::Every { .. } => None,
        };
        dates = planner.close_gaps(dates, seed, gap, per, &mut shortfalls);
    }
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
    })
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
        })
    }

    /// The meeting's start on `d`, where that local time exists once.
    fn start(&self, d: NaiveDate) -> Option<DateTime<Tz>> {
        self.tor
            .timezone
            .from_local_datetime(&d.and_time(self.opts.time))
            .single()
    }

    /// The good day in `lo..=hi` nearest `target` (earlier on a tie), on the
    /// preferred weekday where one is free, else on any working day.
    fn pick(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        target: NaiveDate,
        taken: &[NaiveDate],
    ) -> Option<NaiveDate> {
        self.pick_among(lo.max(self.from), hi.min(self.to), target, taken)
    }

    /// As [`Self::pick`], where `in_plan` is false for days before the plan.
    fn pick_in(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        target: NaiveDate,
        in_plan: bool,
    ) -> Option<NaiveDate> {
        if in_plan {
            self.pick(lo, hi, target, &[])
        } else {
            self.pick_among(lo, hi, target, &[])
        }
    }

    fn pick_among(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        target: NaiveDate,
        taken: &[NaiveDate],
    ) -> Option<NaiveDate> {
        if lo > hi {
            return None;
        }
        let target = target.clamp(lo, hi);
        let span = (hi - lo).num_days().max(0) as u64;
        let ok = |d: &NaiveDate| {
            lo <= *d
                && *d <= hi
                && !taken.contains(d)
                && self.cal.is_working_day(*d)
                && self.start(*d).is_some()
                && self.tor.frequency.as_ref().is_none_or(|f| f.in_window(*d))
        };
        for preferred in [true, false] {
            for off in 0..=span {
                let near = [
                    target.checked_sub_days(Days::new(off)),
                    target.checked_add_days(Days::new(off)),
                ];
                for d in near.into_iter().flatten() {
                    if ok(&d) && (!preferred || d.weekday() == self.opts.weekday) {
                        return Some(d);
                    }
                }
            }
        }
        None
    }

    /// `n` meetings in every period of `per` that overlaps the plan.
    fn periodic(&self, n: u32, per: Period, shortfalls: &mut Vec<Message>) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = Vec::new();
        for p in self.year.periods(per) {
            let (lo, hi) = (p.start.max(self.from), p.last().min(self.to));
            if lo > hi {
                continue;
            }
            let slots = self.spread_in_window(lo, hi, n);
            if slots.is_empty() {
                // The month window leaves this period no month to meet in.
                shortfalls.push(msg![
                    "no month from ",
                    lo,
                    " to ",
                    hi,
                    " is one the ToR lets meetings be held in"
                ]);
            }
            for (a, b, target) in slots {
                match self.pick(a, b, target, &dates) {
                    Some(d) => dates.push(d),
                    None => {
                        shortfalls.push(msg![
                            "no free working day from ",
                            a,
                            " to ",
                            b,
                            " for a meeting"
                        ]);
                    }
                }
            }
        }
        dates
    }

    /// `dates` (in order) with none following the one before by more than
    /// `gap`: a meeting too late moves earlier within its own period of `per`
    /// where a good day allows, else one is added on the last day the gap allows.
    fn close_gaps(
        &self,
        dates: Vec<NaiveDate>,
        seed: Option<NaiveDate>,
        gap: Gap,
        per: Option<Period>,
        shortfalls: &mut Vec<Message>,
    ) -> Vec<NaiveDate> {
        let ys = self.tor.frequency.as_ref().and_then(|f| f.year_starts);
        let mut out: Vec<NaiveDate> = Vec::with_capacity(dates.len());
        let mut prev = seed;
        for mut d in dates {
            // Bounded: each added meeting moves `prev` on by at least a day, and
            // the plan is at most a year long.
            while let Some(p) = prev {
                let end = gap_end(gap, p);
                if d <= end {
                    break;
                }
                let lo = p.succ_opt().unwrap_or(p);
                let floor = per.map_or(lo, |per| lo.max(Span::of(per, ys, d).start));
                if let Some(moved) = self.pick(floor, end, end, &out).filter(|m| *m > p) {
                    d = moved;
                    break;
                }
                match self.pick(lo, end, end, &out) {
                    Some(extra) if extra > p => {
                        out.push(extra);
                        prev = Some(extra);
                    }
                    _ => {
                        shortfalls.push(msg![
                            "no working day from ",
                            lo,
                            " to ",
                            end,
                            " for a meeting within ",
                            gap_words(gap),
                            " of the one on ",
                            p
                        ]);
                        break;
                    }
                }
            }
            out.push(d);
            prev = Some(d);
        }
        out
    }

    /// [`spread`] over the months of `lo..=hi` the ToR lets meetings be held
    /// in, each taking its share of the `n` meetings.
    fn spread_in_window(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        n: u32,
    ) -> Vec<(NaiveDate, NaiveDate, NaiveDate)> {
        let Some(f) = self.tor.frequency.as_ref().filter(|f| !f.months.is_empty()) else {
            return spread(lo, hi, n);
        };
        let months: Vec<(NaiveDate, NaiveDate)> = Span::of(Period::Month, None, lo)
            .periods_until(hi)
            .into_iter()
            .filter(|m| f.in_window(m.start))
            .map(|m| (m.start.max(lo), m.last().min(hi)))
            .collect();
        let k = months.len() as u64;
        let n = u64::from(n);
        months
            .iter()
            .enumerate()
            .flat_map(|(i, (a, b))| {
                let i = i as u64;
                // Month i's share: the meetings whose even spacing falls in it.
                let share = ((i + 1) * n / k - i * n / k) as u32;
                spread(*a, *b, share)
            })
            .collect()
    }

    /// Meetings each within `months` of the one before: a fixed cycle of whole
    /// weeks on the preferred weekday, as long as `months` months always allow,
    /// counted from 1970. Being fixed, the plans of consecutive years join up.
    /// Returns the meeting before the plan (under this ToR) and the plan's dates.
    fn every(
        &self,
        months: u32,
        shortfalls: &mut Vec<Message>,
    ) -> (Option<NaiveDate>, Vec<NaiveDate>) {
        let step = cycle_days(months);
        let epoch = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let shift = (i64::from(self.opts.weekday.num_days_from_monday())
            - i64::from(epoch.weekday().num_days_from_monday()))
        .rem_euclid(7);
        let first = epoch + chrono::TimeDelta::days(shift);
        // Start two cycles before the plan so the meeting before it is known.
        let back = (self.from - first).num_days() / step - 2;
        let mut k = back.max(0);
        let earliest = self.tor.adopted.unwrap_or(NaiveDate::MIN);
        let (mut seed, mut dates, mut prev) = (None, Vec::new(), None::<NaiveDate>);
        while let Some(grid) = first.checked_add_signed(chrono::TimeDelta::days(k * step)) {
            if grid > self.to || k > back.max(0) + 400 {
                break;
            }
            k += 1;
            let hi = prev.map_or(grid, |p| grid.min(add_months(p, months)));
            let lo = prev
                .and_then(|p| p.succ_opt())
                .unwrap_or(earliest)
                .max(earliest);
            let week = hi.checked_sub_days(Days::new(6)).unwrap_or(hi).max(lo);
            let before = hi < self.from;
            let picked = self
                .pick_in(week, hi, hi, !before)
                .or_else(|| self.pick_in(lo, hi, hi, !before));
            match picked {
                Some(d) if d < self.from => seed = Some(d),
                Some(d) => dates.push(d),
                None if before => {}
                None => shortfalls.push(msg![
                    "no working day from ",
                    lo,
                    " to ",
                    hi,
                    " for the meeting due by then"
                ]),
            }
            if picked.is_some() {
                prev = picked;
            }
        }
        (seed, dates)
    }

    /// Where the chair is elected at the May meeting, makes sure there is one:
    /// an extra meeting, or (where the ToR fixes the number) the nearest one moved.
    fn may_meeting(
        &self,
        dates: &mut Vec<NaiveDate>,
        exact: bool,
        warnings: &mut Vec<Message>,
    ) -> Option<NaiveDate> {
        let chair = self.tor.chair.as_ref()?;
        if chair.appointment != ChairAppointment::ElectedAtMayMeeting {
            return None;
        }
        let may = self
            .year
            .periods(Period::Month)
            .into_iter()
            .find(|m| m.start.month() == 5)
            .map(|m| (m.start.max(self.from), m.last().min(self.to)))
            .filter(|(lo, hi)| lo <= hi);
        let Some((lo, hi)) = may else {
            warnings.push(
                format!(
                    "the plan holds no May, so the May meeting where the chair is elected ({}) is not planned",
                    chair.clause
                )
                .into(),
            );
            return None;
        };
        if let Some(d) = dates.iter().find(|d| lo <= **d && **d <= hi) {
            return Some(*d);
        }
        let target = lo.checked_add_days(Days::new(14)).unwrap_or(lo).min(hi);
        if exact && !dates.is_empty() {
            let nearest = dates
                .iter()
                .enumerate()
                .min_by_key(|(_, d)| (**d - target).num_days().abs())
                .map(|(i, _)| i);
            if let Some(i) = nearest {
                dates.remove(i);
            }
        }
        let picked = self.pick(lo, hi, target, dates);
        match picked {
            Some(d) => dates.push(d),
            None => warnings.push(
                format!(
                    "no working day in May for the meeting where the chair is elected ({})",
                    chair.clause
                )
                .into(),
            ),
        }
        picked
    }

    fn mark_chair(&self, meetings: &mut [ProposedMeeting], may: Option<NaiveDate>) {
        let Some(chair) = &self.tor.chair else {
            return;
        };
        let item = if chair.deputy.is_some() {
            format!("{ELECTION_ITEM} and vice-chair")
        } else {
            ELECTION_ITEM.to_owned()
        };
        match chair.appointment {
            ChairAppointment::ElectedAtMayMeeting => {
                if let Some(m) = meetings.iter_mut().find(|m| Some(m.date()) == may) {
                    m.kind = MeetingKind::MayMeeting;
                    m.items.push(item);
                    m.notes.push(
                        format!("the May meeting: the chair is elected ({})", chair.clause).into(),
                    );
                }
            }
            ChairAppointment::ElectedAnnually => {
                if let Some(m) = meetings.first_mut() {
                    m.items.push(item);
                    m.notes.push(
                        format!(
                            "the chair is elected annually ({}): elect for the year",
                            chair.clause
                        )
                        .into(),
                    );
                }
            }
            ChairAppointment::Rotating { .. } | ChairAppointment::Named => {}
        }
    }

    /// Marks the yearly public meeting(s), spread through the year and not on
    /// the May meeting, which has the election to get through.
    fn mark_public(&self, meetings: &mut [ProposedMeeting], warnings: &mut Vec<Message>) {
        let Some(pm) = &self.tor.public.meetings else {
            return;
        };
        let k = pm.at_least_per_year as usize;
        if k == 0 {
            return;
        }
        let mut candidates: Vec<usize> = (0..meetings.len())
            .filter(|i| meetings[*i].kind != MeetingKind::MayMeeting)
            .collect();
        if candidates.len() < k {
            candidates = (0..meetings.len()).collect();
        }
        let n = candidates.len();
        let chosen: Vec<usize> = if n <= k {
            candidates
        } else {
            (0..k)
                .filter_map(|j| candidates.get((2 * j * n + n - k) / (2 * k)).copied())
                .collect()
        };
        if chosen.len() < k {
            warnings.push(
                format!(
                    "the ToR asks for {k} public meetings a year ({}), but the plan has only {} meetings",
                    pm.clause,
                    chosen.len()
                )
                .into(),
            );
        }
        let mut note = format!("the yearly public meeting ({})", pm.clause);
        if let Some(class) = &pm.required_class {
            let name = self
                .tor
                .class(class)
                .map_or_else(|| class.to_string(), |c| c.name.to_lowercase());
            note.push_str(&format!(": every {name} must attend"));
        }
        if let Some(joint) = &pm.joint_with {
            note.push_str(&format!("; held jointly with the {joint}"));
        }
        for i in chosen {
            if let Some(m) = meetings.get_mut(i) {
                m.public = true;
                if m.kind == MeetingKind::Ordinary {
                    m.kind = MeetingKind::Public;
                }
                m.notes.push(note.as_str().into());
            }
        }
    }

    fn mark_review(&self, meetings: &mut [ProposedMeeting], warnings: &mut Vec<Message>) {
        let Some(review) = &self.tor.review else {
            return;
        };
        let Some(next) = review.next else {
            return;
        };
        if next > self.to {
            return;
        }
        let idx = if next < self.from {
            warnings.push(msg![
                "the ToR was due for review by ",
                next,
                format!(" ({}): review it at the first meeting", review.clause)
            ]);
            Some(0)
        } else {
            meetings.iter().rposition(|m| m.date() <= next).or(Some(0))
        };
        if let Some(m) = idx.and_then(|i| meetings.get_mut(i)) {
            m.items.push(REVIEW_ITEM.to_owned());
            m.notes.push(if next < self.from {
                msg![
                    "review the ToR: it was due by ",
                    next,
                    format!(" ({})", review.clause)
                ]
            } else {
                msg![
                    "the ToR is due for review by ",
                    next,
                    format!(" ({})", review.clause)
                ]
            });
        }
    }

    /// Standing items: all at every meeting, or spread evenly when staggered.
    fn add_standing_items(&self, meetings: &mut [ProposedMeeting]) {
        let Some(si) = &self.tor.standing_items else {
            return;
        };
        let n = meetings.len();
        let k = si.items.len();
        for (i, m) in meetings.iter_mut().enumerate() {
            if si.staggered {
                let (a, b) = (i * k / n.max(1), (i + 1) * k / n.max(1));
                m.items.extend(si.items[a.min(k)..b.min(k)].iter().cloned());
            } else {
                m.items.extend(si.items.iter().cloned());
            }
        }
    }

    fn as_held(&self, m: &ProposedMeeting) -> MeetingInput {
        let mut input = MeetingInput::new(m.at);
        input.circulated = m.circulate_by.map(|w| match w.0 {
            Deadline::Date(d) => Given::Date(d),
            Deadline::Instant(t) => Given::Instant(t),
        });
        input.attendees = self
            .tor
            .members_on(m.date())
            .map(|mem| mem.id.clone())
            .collect();
        input.chair = Some(ChairPresence::Present);
        input.public = m.public;
        input.items = m.items.clone();
        input
    }
}

/// The longest whole number of weeks that `months` months always span, so a
/// meeting that long after the last is never late (28 days for one month).
fn cycle_days(months: u32) -> i64 {
    let months = months.clamp(1, 1200);
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    // Four years hold every pattern of month lengths, leap day included.
    let shortest = (0..1461u64)
        .filter_map(|i| base.checked_add_days(Days::new(i)))
        .map(|d| (add_months(d, months) - d).num_days())
        .min()
        .unwrap_or(28);
    (shortest / 7).max(1) * 7
}

/// `n` windows over `lo..=hi` with a target day in each: whole months, centred
/// in the span, where there are at least `n` months; else equal runs of days.
fn spread(lo: NaiveDate, hi: NaiveDate, n: u32) -> Vec<(NaiveDate, NaiveDate, NaiveDate)> {
    let mid = |a: NaiveDate, b: NaiveDate| {
        a.checked_add_days(Days::new(((b - a).num_days() / 2).max(0) as u64))
            .unwrap_or(a)
    };
    let months: Vec<(NaiveDate, NaiveDate)> = Span::of(Period::Month, None, lo)
        .periods_until(hi)
        .into_iter()
        .map(|m| (m.start.max(lo), m.last().min(hi)))
        .collect();
    let (k, n) = (months.len(), n as usize);
    if n == 0 {
        return Vec::new();
    }
    if n <= k {
        return (0..n)
            .filter_map(|i| months.get((2 * i * k + k - n) / (2 * n)))
            .map(|(a, b)| (*a, *b, mid(*a, *b)))
            .collect();
    }
    let len = (hi - lo).num_days().max(0) as usize + 1;
    // More meetings than days cannot be held: one a day at most.
    (0..n.min(len))
        .filter_map(|j| {
            let a = lo.checked_add_days(Days::new((j * len / n.min(len)) as u64))?;
            let b = lo
                .checked_add_days(Days::new(((j + 1) * len / n.min(len)) as u64))?
                .pred_opt()?
                .max(a);
            Some((a, b, mid(a, b)))
        })
        .collect()
}

impl Span {
    /// This period and the ones after it, up to the one holding `last`.
    fn periods_until(&self, last: NaiveDate) -> Vec<Span> {
        let mut out = Vec::new();
        let mut p = *self;
        while p.start <= last && out.len() < 400 {
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

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn ten_a_year_skips_june_and_december() {
        let months: Vec<u32> = spread(ymd(2009, 1, 1), ymd(2009, 12, 31), 10)
            .iter()
            .map(|(a, _, _)| a.month())
            .collect();
        assert_eq!(months, [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
        let one: Vec<u32> = spread(ymd(2009, 4, 1), ymd(2009, 6, 30), 1)
            .iter()
            .map(|(a, _, _)| a.month())
            .collect();
        assert_eq!(one, [5]);
    }

    #[test]
    fn more_meetings_than_months_split_the_days() {
        let w = spread(ymd(2009, 3, 1), ymd(2009, 3, 31), 2);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].0, w[0].1), (ymd(2009, 3, 1), ymd(2009, 3, 15)));
        assert_eq!((w[1].0, w[1].1), (ymd(2009, 3, 16), ymd(2009, 3, 31)));
        assert_eq!(spread(ymd(2009, 3, 1), ymd(2009, 3, 2), 5).len(), 2);
        assert!(spread(ymd(2009, 3, 1), ymd(2009, 3, 2), 0).is_empty());
    }
}

//! Choosing the dates: per period, every N months, gaps closed, the May meeting.

use super::Planner;
use crate::calendar::FIRST_YEAR;
use crate::engine::Message;
use crate::engine::period::{Span, add_months, gap_end, gap_words};
use crate::model::{ChairAppointment, Gap, Period};
use crate::msg;
use chrono::{Datelike, Days, NaiveDate};

impl Planner<'_> {
    /// The good day in `lo..=hi` nearest `target` (earlier on a tie), on the
    /// preferred weekday where one is free, else on any working day.
    pub(super) fn pick(
        &self,
        lo: NaiveDate,
        hi: NaiveDate,
        target: NaiveDate,
        taken: &[NaiveDate],
    ) -> Option<NaiveDate> {
        self.pick_among(lo.max(self.from), hi.min(self.to), target, taken)
    }

    /// As [`Self::pick`], where `in_plan` is false for days before the plan.
    pub(super) fn pick_in(
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

    pub(super) fn pick_among(
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
        let span = (hi - lo).num_days().max(0).unsigned_abs();
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
    pub(super) fn periodic(
        &self,
        n: u32,
        per: Period,
        shortfalls: &mut Vec<Message>,
    ) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = Vec::new();
        for p in self.year.periods(per) {
            // A week across the turn of the year is planned by the year that
            // holds its Thursday, as ISO 8601 numbers weeks: the other year's
            // few days may hold no good day at all.
            let thursday = p.start.checked_add_days(Days::new(3)).unwrap_or(p.start);
            if per == Period::Week && !self.year.contains(thursday) {
                continue;
            }
            if self.later_phase(p.last()) {
                continue;
            }
            let (lo, hi) = (p.start.max(self.from), p.last().min(self.to));
            if lo > hi {
                continue;
            }
            let slots = if per == Period::Week {
                spread_days(lo, hi, n as usize)
            } else {
                self.spread_in_window(lo, hi, n)
            };
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
    pub(super) fn close_gaps(
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
                    // A window wholly before the plan is the previous year's
                    // plan's to fill, and it says so.
                    _ if end < self.from => break,
                    _ => {
                        shortfalls.push(no_day_within(lo, end, gap, p));
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
    pub(super) fn spread_in_window(
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
            .filter(|m| f.in_months(m.start))
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
                let share = u32::try_from((i + 1) * n / k - i * n / k).unwrap_or(u32::MAX);
                spread(*a, *b, share)
            })
            .collect()
    }

    /// Meetings each within `months` of the one before: a fixed cycle of whole
    /// weeks on the preferred weekday, as long as `months` months always allow,
    /// counted from 1970. Being fixed, the plans of consecutive years join up.
    /// Returns the meeting before the plan (under this ToR) and the plan's dates.
    pub(super) fn every(
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
    pub(super) fn may_meeting(
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
        // Another phase of the plan holds May: its planner plans the meeting.
        let elsewhere = |(from, to): (NaiveDate, NaiveDate)| {
            self.year
                .periods(Period::Month)
                .into_iter()
                .any(|m| m.start.month() == 5 && m.start <= to && from <= m.last())
        };
        if may.is_none() && self.whole.is_some_and(elsewhere) {
            return None;
        }
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
}

/// The longest whole number of weeks that `months` months always span, so a
/// meeting that long after the last is never late (28 days for one month).
/// The shortfall of a gap no working day can keep: the one wording for the
/// planner's own gaps and those at the turn of the year.
pub(super) fn no_day_within(lo: NaiveDate, end: NaiveDate, gap: Gap, after: NaiveDate) -> Message {
    msg![
        "no working day from ",
        lo,
        " to ",
        end,
        " for a meeting within ",
        gap_words(gap),
        " of the one on ",
        after
    ]
}

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
    spread_days(lo, hi, n)
}

/// `n` equal runs of days over `lo..=hi`, each with its middle day as target:
/// for more meetings than months, and for a week, which months do not divide.
fn spread_days(lo: NaiveDate, hi: NaiveDate, n: usize) -> Vec<(NaiveDate, NaiveDate, NaiveDate)> {
    let len = usize::try_from((hi - lo).num_days().max(0))
        .unwrap_or(usize::MAX)
        .saturating_add(1);
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

/// The day halfway from `a` to `b` (the earlier of two).
fn mid(a: NaiveDate, b: NaiveDate) -> NaiveDate {
    a.checked_add_days(Days::new(((b - a).num_days() / 2).max(0).unsigned_abs()))
        .unwrap_or(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    pub(super) fn ten_a_year_skips_june_and_december() {
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
    pub(super) fn more_meetings_than_months_split_the_days() {
        let w = spread(ymd(2009, 3, 1), ymd(2009, 3, 31), 2);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].0, w[0].1), (ymd(2009, 3, 1), ymd(2009, 3, 15)));
        assert_eq!((w[1].0, w[1].1), (ymd(2009, 3, 16), ymd(2009, 3, 31)));
        assert_eq!(spread(ymd(2009, 3, 1), ymd(2009, 3, 2), 5).len(), 2);
        assert!(spread(ymd(2009, 3, 1), ymd(2009, 3, 2), 0).is_empty());
    }
}

//! The turn of the year under a gap rule. A count rule ("at least six a year")
//! plans each year on its own, so a plan kept year after year would break a
//! gap rule ("each within two calendar months of the last") at every turn of
//! the year. The plan therefore reaches the next year's first meeting and
//! starts from the previous year's last, as those years' plans give them.

use super::dates::no_day_within;
use super::{Options, Planner, Rhythm};
use crate::calendar::Calendar;
use crate::engine::Message;
use crate::engine::period::gap_end;
use crate::model::{Gap, Tor};
use chrono::NaiveDate;

/// The meetings either side of a year's plan, as the plans of those years give them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Neighbours {
    /// The last meeting of the previous year's plan.
    pub before: Option<NaiveDate>,
    /// The first meeting of the next year's plan.
    pub after: Option<NaiveDate>,
}

impl Neighbours {
    pub(super) fn of(
        tor: &Tor,
        cal: &Calendar,
        opts: &Options,
        rhythm: Rhythm,
        exact: bool,
        gap: Gap,
    ) -> Self {
        // Each neighbour is planned without its own neighbours, which keeps
        // this bounded (three years planned, not a chain of them); the
        // previous year still reaches this year's first meeting, as its own
        // plan would.
        let planned = |year: i32, next: Option<NaiveDate>| -> Option<Vec<NaiveDate>> {
            let o = Options { year, ..*opts };
            let p = Planner::new(tor, cal, &o).ok()?;
            let (_, mut dates, _) = p.dates(rhythm, exact, None, &mut Vec::new(), &mut Vec::new());
            if let Some(next) = next {
                p.reach(&mut dates, next, gap, &mut Vec::new());
            }
            Some(dates)
        };
        let first = planned(opts.year, None).and_then(|d| d.first().copied());
        Self {
            before: opts
                .year
                .checked_sub(1)
                .and_then(|y| planned(y, first))
                .and_then(|d| d.last().copied()),
            after: opts
                .year
                .checked_add(1)
                .and_then(|y| planned(y, None))
                .and_then(|d| d.first().copied()),
        }
    }
}

impl Planner<'_> {
    /// Adds meetings at the end of `dates` (in order) until `next`, the next
    /// year's first meeting, follows the last within `gap`, as far as the
    /// plan's last days allow. Where they do not, the next year's plan closes
    /// the gap at its start (it starts from this plan's last meeting), and says
    /// so there if it cannot.
    pub(super) fn reach(
        &self,
        dates: &mut Vec<NaiveDate>,
        next: NaiveDate,
        gap: Gap,
        shortfalls: &mut Vec<Message>,
    ) {
        // A body that ends within the year has no next year to reach.
        if self.to < self.year.last() {
            return;
        }
        let Some(mut prev) = dates.last().copied() else {
            return;
        };
        // Bounded: each added meeting is later than the one before, within the plan.
        loop {
            let end = gap_end(gap, prev);
            let Some(lo) = prev.succ_opt() else { return };
            if next <= end {
                return;
            }
            // Halfway to the next year's first meeting, so neither gap is
            // stretched, where the rule allows that long.
            let half = lo + (next - lo) / 2;
            match self.pick(lo, end, half.min(end), dates) {
                Some(extra) if extra > prev => {
                    dates.push(extra);
                    prev = extra;
                }
                // Only a window wholly within this plan is this plan's to
                // fill: one that runs into the next year may still be filled there.
                _ if end <= self.to => {
                    shortfalls.push(no_day_within(lo, end, gap, prev));
                    return;
                }
                _ => return,
            }
        }
    }
}

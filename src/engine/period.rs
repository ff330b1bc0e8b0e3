//! Periods of a partnership's calendar (SPEC §3): calendar months and quarters, and
//! years that start on 1 January or on the partnership's own day (municipal year).
//! The meeting rules, the year's schedule and the audit all count in these.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::{Frequency, Gap, Period};

/// One whole period: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: Period,
    year_starts: Option<(u32, u32)>,
}

impl Span {
    /// The period of `kind` holding `date`.
    pub(crate) fn of(kind: Period, year_starts: Option<(u32, u32)>, date: NaiveDate) -> Self {
        let (start, end) = match kind {
            // Weeks run Monday to Sunday, as ISO 8601 numbers them.
            Period::Week => {
                let back = u64::from(date.weekday().num_days_from_monday());
                let start = date.checked_sub_days(Days::new(back)).unwrap_or(date);
                (
                    start,
                    start
                        .checked_add_days(Days::new(7))
                        .unwrap_or(NaiveDate::MAX),
                )
            }
            Period::Month => {
                let start = date.with_day(1).unwrap_or(date);
                (start, add_months(start, 1))
            }
            Period::Quarter => {
                let month = (date.month0() / 3) * 3 + 1;
                let start = NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
                (start, add_months(start, 3))
            }
            Period::Year => {
                let this = year_start(date.year(), year_starts);
                if date >= this {
                    (this, year_start(date.year().saturating_add(1), year_starts))
                } else {
                    (year_start(date.year().saturating_sub(1), year_starts), this)
                }
            }
        };
        Self {
            start,
            end,
            kind,
            year_starts,
        }
    }

    /// The partnership's year that starts in calendar year `y`.
    pub(crate) fn year(year_starts: Option<(u32, u32)>, y: i32) -> Self {
        Self::of(Period::Year, year_starts, year_start(y, year_starts))
    }

    /// The period after this one.
    pub(crate) fn next(&self) -> Self {
        Self::of(self.kind, self.year_starts, self.end)
    }

    pub(crate) fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }

    /// The last day of the period.
    pub(crate) fn last(&self) -> NaiveDate {
        self.end.pred_opt().unwrap_or(self.end)
    }

    /// This period and the ones after it, in order. The walk ends where a
    /// period would not advance (at the end of chrono's range), and takes at
    /// most 400 steps: no caller needs more than a few years of months.
    pub(crate) fn walk(self) -> impl Iterator<Item = Span> {
        std::iter::successors(Some(self), |p| {
            let next = p.next();
            (next.start > p.start).then_some(next)
        })
        .take(400)
    }

    /// Periods of `kind` that overlap this one, in order.
    pub(crate) fn periods(&self, kind: Period) -> Vec<Span> {
        let end = self.end;
        Self::of(kind, self.year_starts, self.start)
            .walk()
            .take_while(|p| p.start < end)
            .collect()
    }

    /// This period and the ones after it, up to the one holding `last`.
    pub(crate) fn periods_until(self, last: NaiveDate) -> Vec<Span> {
        self.walk().take_while(|p| p.start <= last).collect()
    }

    /// `2012-07`, `2012-Q3`, `2012`, or `2012/13` for a year that does not start
    /// on 1 January.
    pub(crate) fn label(&self) -> String {
        let y = self.start.year();
        match self.kind {
            Period::Week => {
                let w = self.start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => self.start.format("%Y-%m").to_string(),
            Period::Quarter => format!("{y}-Q{}", self.start.month0() / 3 + 1),
            Period::Year if self.start.month() == 1 && self.start.day() == 1 => y.to_string(),
            Period::Year => format!("{y}/{:02}", (y + 1).rem_euclid(100)),
        }
    }
}

/// `date` plus `n` months: the same day, or that month's last day where the day
/// does not exist (SPEC §3). Saturates at the end of chrono's range.
pub(crate) fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day a meeting may follow one held on `prev` under `gap`: calendar
/// months by the month-end rule (31 January + 1 month = 28/29 February).
pub(crate) fn gap_end(gap: Gap, prev: NaiveDate) -> NaiveDate {
    let days = |n: u32| prev.checked_add_days(Days::new(u64::from(n)));
    match gap {
        Gap::Months(n) => add_months(prev, n),
        Gap::Weeks(n) => days(n.saturating_mul(7)).unwrap_or(NaiveDate::MAX),
        Gap::Days(n) => days(n).unwrap_or(NaiveDate::MAX),
    }
}

/// Why a meeting on `next` follows one on `prev` too late under `gap`; `None`
/// when it is in time.
pub(crate) fn gap_too_long(
    gap: Gap,
    prev: NaiveDate,
    next: NaiveDate,
) -> Option<crate::engine::Message> {
    let end = gap_end(gap, prev);
    (next > end).then(|| {
        crate::msg![
            "held on ",
            next,
            ", more than ",
            gap_words(gap),
            " after the meeting on ",
            prev,
            ": the next was due by ",
            end
        ]
    })
}

/// `2 calendar months`, `4 weeks`, `60 days`.
pub(crate) fn gap_words(gap: Gap) -> String {
    use crate::engine::words::plural;
    match gap {
        Gap::Months(n) => plural(n as usize, "calendar month", "calendar months"),
        Gap::Weeks(n) => plural(n as usize, "week", "weeks"),
        Gap::Days(n) => plural(n as usize, "day", "days"),
    }
}

/// The frequency rule in words, window and gap included: "at least 1 a
/// quarter", "every 3 months, in October or November".
pub(crate) fn rule_words(f: &Frequency) -> String {
    use crate::model::{FrequencyRule, Keyword};
    let rule = match f.rule {
        FrequencyRule::EveryMonths { months } => format!("every {months} months"),
        FrequencyRule::AtLeast { n, per } => format!("at least {n} a {}", per.as_str()),
        FrequencyRule::Exactly { n, per } => format!("{n} a {}", per.as_str()),
    };
    rule + &window_phrase(f)
}

/// `, in October or November` for a ToR with a month window, `, on Thursdays`
/// with fixed days of the week, and `; at most 2
/// calendar months apart` with a maximum gap; empty without either.
pub(crate) fn window_phrase(f: &Frequency) -> String {
    let gap = f
        .max_gap
        .map(|g| format!("; at most {} apart", gap_words(g)))
        .unwrap_or_default();
    let window = match f.months.as_slice() {
        [] => String::new(),
        [one] => format!(", in {}", one.title()),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|m| m.title()).collect();
            format!(", in {} or {}", init.join(", "), last.title())
        }
    };
    let days = match f.weekdays.as_slice() {
        [] => String::new(),
        [one] => format!(", on {}", one.plural_title()),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|d| d.plural_title()).collect();
            format!(", on {} or {}", init.join(", "), last.plural_title())
        }
    };
    window + &days + &gap
}

/// Why a meeting on `date` breaks the ToR's month window ("in October or
/// November") or its days of the week ("on Thursdays").
pub(crate) fn outside_window(f: &Frequency, date: NaiveDate) -> crate::engine::Message {
    if f.in_months(date) {
        let days: Vec<&str> = f.weekdays.iter().map(|d| d.plural_title()).collect();
        return crate::msg![
            "held on ",
            date,
            format!(", a {}: meetings are held on ", date.format("%A")),
            crate::engine::words::and_list(&days)
        ];
    }
    let months: Vec<&str> = f.months.iter().map(|m| m.title()).collect();
    crate::msg![
        "held on ",
        date,
        ", outside the months meetings are held in: ",
        crate::engine::words::and_list(&months)
    ]
}

/// The first day of the partnership's year that starts in calendar year `y`.
fn year_start(y: i32, starts: Option<(u32, u32)>) -> NaiveDate {
    let jan1 = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(if y < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    });
    let Some((month, day)) = starts else {
        return jan1;
    };
    // A start on 29 February falls back to the month's last day in other years.
    NaiveDate::from_ymd_opt(y, month, day)
        .or_else(|| {
            NaiveDate::from_ymd_opt(y, month, 1)
                .and_then(|first| first.checked_add_months(Months::new(1)))
                .and_then(|next| next.pred_opt())
        })
        .unwrap_or(jan1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn a_municipal_year_and_its_quarters() {
        let y = Span::year(Some((5, 1)), 2012);
        assert_eq!((y.start, y.end), (ymd(2012, 5, 1), ymd(2013, 5, 1)));
        assert_eq!(y.label(), "2012/13");
        let labels: Vec<String> = y.periods(Period::Quarter).iter().map(Span::label).collect();
        assert_eq!(
            labels,
            ["2012-Q2", "2012-Q3", "2012-Q4", "2013-Q1", "2013-Q2"]
        );
        assert_eq!(y.periods(Period::Month).len(), 12);
        assert_eq!(Span::year(None, 2027).label(), "2027");
        assert_eq!(Span::year(Some((2, 29)), 2013).start, ymd(2013, 2, 28));
    }

    #[test]
    fn the_end_of_time_does_not_loop() {
        let y = Span::year(None, 262_143);
        assert!(y.periods(Period::Month).len() <= 400);
    }

    #[test]
    fn quarters_and_months() {
        let q = Span::of(Period::Quarter, None, ymd(2012, 8, 15));
        assert_eq!((q.start, q.end), (ymd(2012, 7, 1), ymd(2012, 10, 1)));
        assert_eq!(q.label(), "2012-Q3");
        assert_eq!(q.next().label(), "2012-Q4");
        assert_eq!(q.next().next().label(), "2013-Q1");
        let m = Span::of(Period::Month, None, ymd(2012, 12, 31));
        assert_eq!(m.label(), "2012-12");
        assert_eq!(m.next().label(), "2013-01");
    }

    #[test]
    fn municipal_year() {
        let before = Span::of(Period::Year, Some((5, 1)), ymd(2013, 4, 30));
        assert_eq!(
            (before.start, before.end),
            (ymd(2012, 5, 1), ymd(2013, 5, 1))
        );
        assert_eq!(before.label(), "2012/13");
        let on = Span::of(Period::Year, Some((5, 1)), ymd(2013, 5, 1));
        assert_eq!(on.start, ymd(2013, 5, 1));
        assert_eq!(
            Span::of(Period::Year, None, ymd(2013, 5, 1)).label(),
            "2013"
        );
    }

    #[test]
    fn a_month_window_reads_as_prose_and_holds_its_months() {
        use crate::model::{FrequencyRule, MonthName, WeekdayName};
        let mut f = Frequency {
            clause: crate::model::Clause("6".to_owned()),
            rule: FrequencyRule::EveryMonths { months: 1 },
            year_starts: None,
            months: Vec::new(),
            weekdays: Vec::new(),
            max_gap: None,
            cancellation: None,
        };
        assert_eq!(window_phrase(&f), "");
        assert!(f.in_window(ymd(2026, 3, 1)));
        f.months = vec![MonthName::October, MonthName::November];
        assert_eq!(window_phrase(&f), ", in October or November");
        f.max_gap = Some(Gap::Weeks(4));
        assert_eq!(
            window_phrase(&f),
            ", in October or November; at most 4 weeks apart"
        );
        assert!(f.in_window(ymd(2026, 10, 1)) && f.in_window(ymd(2026, 11, 30)));
        assert!(!f.in_window(ymd(2026, 9, 30)) && !f.in_window(ymd(2026, 12, 1)));
        assert!(
            outside_window(&f, ymd(2026, 12, 1))
                .to_string()
                .contains("October and November")
        );
        f.weekdays = vec![WeekdayName::Tuesday, WeekdayName::Thursday];
        assert_eq!(
            window_phrase(&f),
            ", in October or November, on Tuesdays or Thursdays; at most 4 weeks apart"
        );
        // Thursday 1 October 2026 is in the window; Friday 2 October is not.
        assert!(f.in_window(ymd(2026, 10, 1)) && !f.in_window(ymd(2026, 10, 2)));
        assert_eq!(
            outside_window(&f, ymd(2026, 10, 2)).to_string(),
            "held on 2026-10-02, a Friday: meetings are held on Tuesdays and Thursdays"
        );
    }

    #[test]
    fn weeks_run_monday_to_sunday_with_iso_labels() {
        let w = Span::of(Period::Week, None, ymd(2026, 1, 1));
        assert_eq!((w.start, w.end), (ymd(2025, 12, 29), ymd(2026, 1, 5)));
        assert_eq!(w.label(), "2026-W01");
        assert_eq!(w.next().label(), "2026-W02");
        assert_eq!(Span::year(None, 2026).periods(Period::Week).len(), 53);
        assert!(Span::of(Period::Week, None, ymd(2026, 3, 15)).contains(ymd(2026, 3, 9)));
    }

    #[test]
    fn gaps_in_months_keep_the_month_end_rule() {
        assert_eq!(gap_end(Gap::Months(1), ymd(2027, 1, 31)), ymd(2027, 2, 28));
        assert_eq!(gap_end(Gap::Months(1), ymd(2028, 1, 31)), ymd(2028, 2, 29));
        assert_eq!(gap_end(Gap::Months(2), ymd(2026, 12, 31)), ymd(2027, 2, 28));
        assert_eq!(gap_end(Gap::Weeks(4), ymd(2027, 1, 1)), ymd(2027, 1, 29));
        assert_eq!(gap_end(Gap::Days(60), ymd(2027, 1, 1)), ymd(2027, 3, 2));
        assert_eq!(gap_end(Gap::Days(3660), NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(gap_words(Gap::Months(2)), "2 calendar months");
        assert_eq!(gap_words(Gap::Weeks(1)), "1 week");
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(add_months(ymd(2012, 12, 31), 2), ymd(2013, 2, 28));
        assert_eq!(add_months(ymd(2012, 1, 15), 2), ymd(2012, 3, 15));
        let leap = Span::of(Period::Year, Some((2, 29)), ymd(2013, 3, 1));
        assert_eq!(leap.start, ymd(2013, 2, 28));
    }
}

//! A ToR's `[[ordinary_elections]]` and `[[event_deadlines]]`.

use super::super::events::{bundled, check_year};
use super::*;

/// The longest amount an event deadline counts in weeks and in months: a year.
const WEEKS: std::ops::RangeInclusive<u32> = 0..=52;
const MONTHS: std::ops::RangeInclusive<u32> = 0..=12;

impl Checker<'_> {
    pub(super) fn ordinary_elections(&mut self, raw: &[RawElectionYear]) -> Vec<ElectionYear> {
        let mut out: Vec<ElectionYear> = Vec::new();
        for r in raw {
            let mut problems = Vec::new();
            let checked = check_year(r, &mut |d| self.date(d), &mut |d| problems.push(d));
            self.diagnostics.extend(problems);
            let Some(year) = checked else { continue };
            if out.iter().any(|y| y.year == year.year) {
                self.error(
                    Code::DuplicateValue,
                    format!("the ordinary elections of {} are listed twice", year.year),
                    r.year.span(),
                );
                continue;
            }
            out.push(year);
        }
        out
    }

    /// The table the engine reads: the bundled years with the ToR's over them
    /// (the bundled ones parsed on the first look-up, not on every load).
    pub(super) fn elections(own: &[ElectionYear]) -> Elections {
        Elections::new(bundled, own)
    }

    pub(super) fn event_deadlines(&mut self, raw: &[RawEventDeadline]) -> Vec<EventDeadline> {
        raw.iter().filter_map(|r| self.event_deadline(r)).collect()
    }

    fn event_deadline(&mut self, raw: &RawEventDeadline) -> Option<EventDeadline> {
        let what = match MarkId::parse(raw.what.get_ref()) {
            Ok(m) => Some(m),
            Err(e) => {
                self.error(Code::InvalidId, e.to_string(), raw.what.span());
                None
            }
        };
        let (side, event) = match (&raw.before, &raw.after) {
            (Some(e), None) => (Side::Before, e),
            (None, Some(e)) => (Side::After, e),
            _ => {
                self.error(
                    Code::ConflictingKeys,
                    "an event deadline needs exactly one of `before` or `after`",
                    raw.clause.span(),
                );
                return None;
            }
        };
        let event = self.event(event);
        let (bound, amount) = match (&raw.at_least, &raw.within) {
            (None, None) => (Bound::AtLeast, None),
            (Some(a), None) => (Bound::AtLeast, Some(self.amount(a)?)),
            (None, Some(a)) => (Bound::Within, Some(self.amount(a)?)),
            (Some(_), Some(w)) => {
                self.error(
                    Code::ConflictingKeys,
                    "give `at_least` or `within`, not both",
                    w.span(),
                );
                return None;
            }
        };
        let (what, event) = (what?, event?);
        if event.mark() == Some(what.as_str()) {
            self.error(
                Code::ImpossibleRule,
                format!("`{what}` cannot be held {side:?} itself").to_lowercase(),
                raw.what.span(),
            );
            return None;
        }
        Some(EventDeadline {
            clause: clause(&raw.clause),
            what,
            side,
            event,
            bound,
            amount,
        })
    }

    /// `annual-meeting`, `may-meeting`, `ordinary-elections` or `meeting:<mark>`.
    pub(super) fn event(&mut self, raw: &S<String>) -> Option<Event> {
        let got = raw.get_ref().as_str();
        if let Some(mark) = got.strip_prefix(MEETING_PREFIX) {
            return match MarkId::parse(mark) {
                Ok(m) => Some(Event::Meeting(m)),
                Err(e) => {
                    self.error(Code::InvalidId, e.to_string(), raw.span());
                    None
                }
            };
        }
        let mut names: Vec<&str> = NamedEvent::NAMES.to_vec();
        names.push("meeting:<mark>");
        let found = self.keyword("event", raw, &names)?;
        found.parse::<NamedEvent>().ok().map(Event::from)
    }

    fn amount(&mut self, raw: &S<RawAmount>) -> Option<Amount> {
        let a = raw.get_ref();
        let given: Vec<(Unit, &S<u32>)> = [
            (Unit::Days, &a.days),
            (Unit::WorkingDays, &a.working_days),
            (Unit::ClearWorkingDays, &a.clear_working_days),
            (Unit::ClearDays, &a.clear_days),
            (Unit::Weeks, &a.weeks),
            (Unit::Months, &a.months),
        ]
        .into_iter()
        .filter_map(|(u, n)| Some((u, n.as_ref()?)))
        .collect();
        let [(unit, n)] = given[..] else {
            self.error(
                Code::ConflictingKeys,
                "an amount needs exactly one of `days`, `working_days`, `clear_working_days`, `clear_days`, `weeks` or `months`",
                raw.span(),
            );
            return None;
        };
        let (key, range, what) = match unit {
            Unit::Days => ("days", &bounds::CLEAR_DAYS, "days"),
            Unit::WorkingDays => ("working_days", &bounds::WORKING_DAYS, "working days"),
            Unit::ClearWorkingDays => ("clear_working_days", &bounds::WORKING_DAYS, "working days"),
            Unit::ClearDays => ("clear_days", &bounds::CLEAR_DAYS, "days"),
            Unit::Weeks => ("weeks", &WEEKS, "weeks"),
            Unit::Months => ("months", &MONTHS, "months"),
        };
        Some(Amount {
            unit,
            n: self.bounded(key, n, range, what)?,
        })
    }
}

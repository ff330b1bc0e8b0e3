//! The working of deadlines relative to events (`deadlines --explain`): which
//! occurrence of the event a meeting is timed by, how its day was found (a
//! marked meeting, the first meeting in May, the elections table and its
//! source) and the days counted from it. Typed data only; the command line
//! words and lays it out.

use chrono::NaiveDate;
use serde::Serialize;

use super::events::{Found, Known, Window, day_count, step, window};
use super::record::Record;
use crate::calendar::{Calendar, Convention, DayCount, count_event};
use crate::model::{EventDeadline, Tor};

/// One event rule's working for a meeting on `meeting`.
#[derive(Debug, Clone, Serialize)]
pub struct EventWorking {
    pub rule: EventDeadline,
    pub meeting: NaiveDate,
    /// The event's day and what follows from it; `None` where it is not known.
    pub event: Option<EventCount>,
}

/// The occurrence of the event counted from, and the counting.
#[derive(Debug, Clone, Serialize)]
pub struct EventCount {
    pub on: NaiveDate,
    pub found: Found,
    pub window: Window,
    /// How the rule's amount is counted in days; `None` for calendar months
    /// or a rule with no amount.
    pub convention: Option<Convention>,
    /// The days between the event and the window's far end (the last or
    /// first day the meeting may be held), where counted in days.
    pub count: Option<DayCount>,
}

/// The working of each of `tor`'s event rules for a meeting on `meeting`,
/// counted from the same occurrences as [`super::events::around`].
pub fn explain_events(
    tor: &Tor,
    cal: &Calendar,
    meeting: NaiveDate,
    record: Option<&Record>,
) -> Vec<EventWorking> {
    let known = Known::new(tor, record, None);
    tor.event_deadlines
        .iter()
        .map(|rule| EventWorking {
            rule: rule.clone(),
            meeting,
            event: known.occurrence(rule, meeting).map(|on| {
                let window = window(rule, on, cal);
                let convention = rule.amount.and_then(day_count).map(|(c, _)| c);
                // The count runs from the event to the window's far end.
                let far = step(rule.amount, rule.side, on, cal);
                let count = convention.map(|c| count_event(c, far, on, cal));
                EventCount {
                    on,
                    found: known.found(&rule.event, on),
                    window,
                    convention,
                    count,
                }
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;
    use crate::catalog::Catalog;

    #[test]
    fn the_elections_are_found_in_the_table_and_sixty_days_counted() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships");
        let tor = Catalog::Dir(dir)
            .load("harbourside-joint-committee")
            .expect("example");
        let cal = Calendar::new(Region::EnglandAndWales);
        let day = NaiveDate::from_ymd_opt(2026, 6, 18).expect("a day");
        let all = explain_events(&tor, &cal, day, None);
        let first = all
            .iter()
            .find(|w| w.rule.what.as_str() == "first-meeting")
            .and_then(|w| w.event.as_ref())
            .expect("the elections are known");
        assert_eq!(
            first.on,
            NaiveDate::from_ymd_opt(2026, 5, 7).expect("a day")
        );
        assert_eq!(first.count.as_ref().map(|c| c.counted), Some(60));
        assert!(
            all.iter()
                .filter(|w| w.rule.what.as_str() != "first-meeting")
                .all(|w| w.event.is_none())
        );
    }
}

//! Stand-ins (substitutes and deputies): who may send one, how many, whether
//! they count for the quorum and vote, and the notice they need. One model for
//! `[attendance.substitutes]` and the older `[decisions.substitutes]`, so the
//! meeting rules and the tally judge a stand-in the same way.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Capacity, ClassId, Clause, Event, Member, MemberId};
use crate::engine::words::and_list;

/// Deputies or substitutes standing in for a member.
#[derive(Debug, Clone, Serialize)]
pub struct StandIns {
    pub clause: Clause,
    pub holds_vote: bool,
    /// A stand-in counts for the quorum (`[decisions]` stand-ins always do).
    #[serde(skip_serializing_if = "is_true")]
    pub counts_for_quorum: bool,
    /// The notice the member must give of who stands in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<StandInNotice>,
    /// At most N stand-ins for one member.
    pub per_member: Option<u32>,
    /// No more stand-ins than the member's absent seats (one for an absent
    /// organisation).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub one_per_absent: bool,
    /// Who may send one; everyone, if `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who: Option<Who>,
    /// The first day the rule holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The last day the rule holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_true(b: &bool) -> bool {
    *b
}

/// The notice a stand-in needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StandInNotice {
    /// Beforehand, the ToR not saying how long.
    Beforehand,
    /// At least N hours before the meeting starts.
    Hours(u32),
    /// Registered before a day, or before an event each year.
    RegisteredBefore(RegisteredBy),
}

/// What a registration must come before: a fixed day, or the latest
/// occurrence of an event on or before the meeting (Richmond 3.3: the May
/// meeting of each year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RegisteredBy {
    Day(NaiveDate),
    Event(Event),
}

impl RegisteredBy {
    /// The event, where the registration is counted from one.
    pub fn event(&self) -> Option<&Event> {
        match self {
            Self::Day(_) => None,
            Self::Event(e) => Some(e),
        }
    }
}

impl std::fmt::Display for RegisteredBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Day(d) => d.fmt(f),
            Self::Event(e) => f.write_str(&e.describe()),
        }
    }
}

/// The members who may send a stand-in: those named, and those of the classes
/// named.
#[derive(Debug, Clone, Serialize)]
pub struct Who {
    pub members: Vec<MemberId>,
    pub classes: Vec<ClassId>,
}

/// What the input says of a member's notice of its stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notified {
    No,
    /// Given, the time not said.
    Yes,
    At(DateTime<Tz>),
}

/// Whether a stand-in counts, and if not, why (in words for a finding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Allowed; `unchecked` says what about the notice tor could not see.
    Allowed {
        unchecked: Option<String>,
    },
    Refused(String),
}

impl StandIns {
    /// Whether `member` is one of those who may send a stand-in.
    pub fn may_send(&self, member: &Member) -> bool {
        self.who
            .as_ref()
            .is_none_or(|w| w.members.contains(&member.id) || w.classes.contains(&member.class))
    }

    fn in_period(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    fn period(&self) -> String {
        match (self.from, self.until) {
            (Some(f), Some(u)) => format!("from {f} to {u}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => "at any time".to_owned(),
        }
    }

    /// The event a registration is counted from, if the notice is one.
    pub fn registration_event(&self) -> Option<&Event> {
        match &self.notice {
            Some(StandInNotice::RegisteredBefore(by)) => by.event(),
            _ => None,
        }
    }

    /// Judges one member's stand-in at a meeting starting at `start` (`None`:
    /// only the day is known) on `date`. `event_day` is the day of the
    /// [`Self::registration_event`] that governs this meeting (its latest
    /// occurrence on or before `date`), where the caller found it.
    pub fn judge(
        &self,
        kind: Capacity,
        member: &Member,
        date: NaiveDate,
        start: Option<DateTime<Tz>>,
        notified: Notified,
        event_day: Option<NaiveDate>,
    ) -> Standing {
        let noun = kind.noun();
        if let Some(who) = self.who.as_ref().filter(|_| !self.may_send(member)) {
            let mut names: Vec<String> = who.members.iter().map(ToString::to_string).collect();
            names.extend(
                who.classes
                    .iter()
                    .map(|c| format!("members of class `{c}`")),
            );
            return Standing::Refused(format!(
                "only {} may send a {noun} ({})",
                and_list(&names),
                self.clause
            ));
        }
        if !self.in_period(date) {
            return Standing::Refused(format!(
                "{} are allowed only {} ({})",
                kind.plural(),
                self.period(),
                self.clause
            ));
        }
        self.notice_standing(noun, (date, start), notified, event_day)
    }

    fn notice_standing(
        &self,
        noun: &str,
        (date, start): (NaiveDate, Option<DateTime<Tz>>),
        notified: Notified,
        event_day: Option<NaiveDate>,
    ) -> Standing {
        let allowed = |unchecked: Option<String>| Standing::Allowed { unchecked };
        let Some(notice) = &self.notice else {
            return allowed(None);
        };
        let clause = &self.clause;
        let needs = match notice {
            StandInNotice::Beforehand => "advance notice".to_owned(),
            StandInNotice::Hours(h) => format!("notice {h} hours before the meeting starts"),
            StandInNotice::RegisteredBefore(by @ RegisteredBy::Day(_)) => {
                format!("registering before {by}")
            }
            StandInNotice::RegisteredBefore(by @ RegisteredBy::Event(_)) => {
                format!("registering with the secretariat before {by}")
            }
        };
        let at = match notified {
            Notified::No => {
                return allowed(Some(format!(
                    "{noun} needs {needs}, which is not recorded as given"
                )));
            }
            // A registration each year before an event: an untimed `notified`
            // records this year's registration, as advance notice is taken
            // (Richmond 3.3 was encoded as advance notice before it could be
            // counted from the May meeting, and judged so).
            Notified::Yes
                if *notice == StandInNotice::Beforehand
                    || matches!(
                        notice,
                        StandInNotice::RegisteredBefore(RegisteredBy::Event(_))
                    ) =>
            {
                return allowed(None);
            }
            Notified::Yes => {
                return allowed(Some(format!(
                    "{noun} needs {needs}; notice is recorded but not when it was given (ORG@DATETIME)"
                )));
            }
            Notified::At(at) => at,
        };
        let shown = at.format("%Y-%m-%d %H:%M");
        match notice {
            StandInNotice::Beforehand => allowed(None),
            &StandInNotice::Hours(h) => {
                let Some(start) = start else {
                    return allowed(Some(format!(
                        "{noun} needs {needs}; the meeting's time is not given"
                    )));
                };
                let before = start.signed_duration_since(at);
                if before >= chrono::Duration::hours(i64::from(h)) {
                    allowed(None)
                } else if before <= chrono::Duration::zero() {
                    Standing::Refused(format!(
                        "not notified {h} hours before (notified {shown}, after the meeting began) ({clause})"
                    ))
                } else {
                    Standing::Refused(format!(
                        "not notified {h} hours before (notified {shown}, {} before the meeting) ({clause})",
                        span_words(before)
                    ))
                }
            }
            StandInNotice::RegisteredBefore(RegisteredBy::Day(d)) => {
                if at.date_naive() < *d {
                    allowed(None)
                } else {
                    Standing::Refused(format!(
                        "not registered before {d} (notified {shown}) ({clause})"
                    ))
                }
            }
            StandInNotice::RegisteredBefore(RegisteredBy::Event(e)) => {
                let what = e.describe();
                let Some(d) = event_day else {
                    return allowed(Some(format!(
                        "{noun} needs {needs}; tor could not find {what} on or before {date} (give the record of meetings)"
                    )));
                };
                if at.date_naive() < d {
                    allowed(None)
                } else {
                    Standing::Refused(format!(
                        "not registered before {what} on {d} (notified {shown}) ({clause})"
                    ))
                }
            }
        }
    }

    /// Why some of `sent` stand-ins for one member do not count, given the
    /// member's own people present and its seats: `Some((counted, why))`.
    pub fn limit(
        &self,
        kind: Capacity,
        sent: u32,
        present: u32,
        seats: u32,
    ) -> Option<(u32, String)> {
        let noun = kind.noun();
        let mut allowed = sent;
        let mut why = None;
        if self.one_per_absent {
            let absent = seats.saturating_sub(present);
            if allowed > absent {
                allowed = absent;
                why = Some(format!("one {noun} per absent member ({})", self.clause));
            }
        }
        if let Some(n) = self.per_member
            && allowed > n
        {
            allowed = n;
            why = Some(format!(
                "at most {n} {} per member ({})",
                kind.plural(),
                self.clause
            ));
        }
        why.map(|w| (allowed, w))
    }
}

/// A length of time in whole hours and minutes: "23 hours", "1 hour 30 minutes".
fn span_words(d: chrono::Duration) -> String {
    let h = d.num_hours();
    let m = d.num_minutes() - h * 60;
    let hours = if h == 1 {
        "1 hour".to_owned()
    } else {
        format!("{h} hours")
    };
    match m {
        0 => hours,
        1 => format!("{hours} 1 minute"),
        m => format!("{hours} {m} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn member(id: &str, class: &str) -> Member {
        Member {
            id: MemberId::parse(id).unwrap(),
            name: id.to_owned(),
            class: ClassId::parse(class).unwrap(),
            voting: true,
            seats: None,
            from: None,
            until: None,
            body: None,
            clause: None,
            note: None,
        }
    }

    fn rule(notice: Option<StandInNotice>) -> StandIns {
        StandIns {
            clause: Clause("6".into()),
            holds_vote: true,
            counts_for_quorum: true,
            notice,
            per_member: None,
            one_per_absent: false,
            who: None,
            from: None,
            until: None,
        }
    }

    fn at(d: u32, h: u32, m: u32) -> DateTime<Tz> {
        chrono_tz::Europe::London
            .with_ymd_and_hms(2025, 10, d, h, m, 0)
            .unwrap()
    }

    fn judge(r: &StandIns, notified: Notified) -> Standing {
        let start = at(15, 18, 0);
        r.judge(
            Capacity::Substitute,
            &member("north", "council"),
            start.date_naive(),
            Some(start),
            notified,
            None,
        )
    }

    #[test]
    fn notice_exactly_the_hours_before_is_in_time_a_minute_less_is_not() {
        let r = rule(Some(StandInNotice::Hours(24)));
        assert_eq!(
            judge(&r, Notified::At(at(14, 18, 0))),
            Standing::Allowed { unchecked: None }
        );
        let Standing::Refused(why) = judge(&r, Notified::At(at(14, 18, 1))) else {
            panic!("a minute late is refused");
        };
        assert!(why.starts_with("not notified 24 hours before"), "{why}");
        assert!(why.contains("23 hours 59 minutes before"), "{why}");
        let Standing::Refused(why) = judge(&r, Notified::At(at(15, 19, 0))) else {
            panic!("after the start is refused");
        };
        assert!(why.contains("after the meeting began"), "{why}");
    }

    #[test]
    fn notice_not_recorded_is_unchecked_not_refused() {
        let r = rule(Some(StandInNotice::Hours(24)));
        assert!(matches!(
            judge(&r, Notified::No),
            Standing::Allowed { unchecked: Some(_) }
        ));
        let r = rule(Some(StandInNotice::Beforehand));
        assert_eq!(
            judge(&r, Notified::Yes),
            Standing::Allowed { unchecked: None }
        );
    }

    #[test]
    fn registration_must_fall_before_the_day() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
        let r = rule(Some(StandInNotice::RegisteredBefore(RegisteredBy::Day(d))));
        assert_eq!(
            judge(
                &r,
                Notified::At(
                    at(1, 0, 0).with_timezone(&chrono_tz::Europe::London)
                        - chrono::Duration::minutes(1)
                )
            ),
            Standing::Allowed { unchecked: None }
        );
        assert!(matches!(
            judge(&r, Notified::At(at(1, 9, 0))),
            Standing::Refused(_)
        ));
    }

    #[test]
    fn registration_before_an_event_counts_from_its_day_and_warns_without_it() {
        let r = rule(Some(StandInNotice::RegisteredBefore(RegisteredBy::Event(
            Event::MayMeeting,
        ))));
        let start = at(15, 18, 0);
        let may = NaiveDate::from_ymd_opt(2025, 5, 8).unwrap();
        let on = |notified: DateTime<Tz>, day| {
            r.judge(
                Capacity::Substitute,
                &member("north", "council"),
                start.date_naive(),
                Some(start),
                Notified::At(notified),
                day,
            )
        };
        let before = chrono_tz::Europe::London
            .with_ymd_and_hms(2025, 5, 7, 23, 59, 0)
            .unwrap();
        assert_eq!(on(before, Some(may)), Standing::Allowed { unchecked: None });
        let Standing::Refused(why) = on(at(1, 9, 0), Some(may)) else {
            panic!("registered after the May meeting is late");
        };
        assert_eq!(
            why,
            "not registered before the May meeting on 2025-05-08 (notified 2025-10-01 09:00) (6)"
        );
        let Standing::Allowed {
            unchecked: Some(why),
        } = on(before, None)
        else {
            panic!("no May meeting known is unchecked");
        };
        assert!(
            why.ends_with("tor could not find the May meeting on or before 2025-10-15 (give the record of meetings)"),
            "{why}"
        );
    }

    #[test]
    fn only_named_members_or_classes_may_send_one() {
        let mut r = rule(None);
        r.who = Some(Who {
            members: vec![MemberId::parse("lep").unwrap()],
            classes: vec![ClassId::parse("agency").unwrap()],
        });
        assert!(r.may_send(&member("lep", "business")));
        assert!(r.may_send(&member("fire", "agency")));
        let Standing::Refused(why) = judge(&r, Notified::No) else {
            panic!("north is neither named nor of the class");
        };
        assert_eq!(
            why,
            "only lep and members of class `agency` may send a substitute (6)"
        );
    }

    #[test]
    fn one_per_absent_member_caps_at_the_absent_seats() {
        let mut r = rule(None);
        r.one_per_absent = true;
        assert_eq!(r.limit(Capacity::Substitute, 1, 5, 6), None);
        let (counted, why) = r.limit(Capacity::Substitute, 2, 5, 6).unwrap();
        assert_eq!(counted, 1);
        assert_eq!(why, "one substitute per absent member (6)");
        r.per_member = Some(1);
        assert_eq!(r.limit(Capacity::Substitute, 2, 0, 6).unwrap().0, 1);
    }
}

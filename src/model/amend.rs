//! Dated amendments: from a date, a rule is replaced, added or removed. The ToR
//! in force on a date is the adopted rules with every amendment up to that date
//! applied, in order ([`Tor::as_of`]).

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::keyword::keywords;
use super::{
    Chair, Clause, Decisions, Frequency, Notices, PublicRules, Quorum, Review, StandingItems, Tor,
};

/// The unit an amendment changes: a rule family, or one rule of the notice and
/// public families (each of which holds independent rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RuleFamily {
    #[serde(rename = "chair")]
    Chair,
    #[serde(rename = "quorum")]
    Quorum,
    #[serde(rename = "notice.agenda")]
    AgendaNotice,
    #[serde(rename = "notice.extraordinary")]
    ExtraordinaryNotice,
    #[serde(rename = "notice.minutes")]
    MinutesNotice,
    #[serde(rename = "frequency")]
    Frequency,
    #[serde(rename = "public.access")]
    PublicAccess,
    #[serde(rename = "public.meetings")]
    PublicMeetings,
    #[serde(rename = "decisions")]
    Decisions,
    #[serde(rename = "standing-items")]
    StandingItems,
    #[serde(rename = "review")]
    Review,
}

keywords!(RuleFamily {
    Chair = "chair",
    Quorum = "quorum",
    AgendaNotice = "notice.agenda",
    ExtraordinaryNotice = "notice.extraordinary",
    MinutesNotice = "notice.minutes",
    Frequency = "frequency",
    PublicAccess = "public.access",
    PublicMeetings = "public.meetings",
    Decisions = "decisions",
    StandingItems = "standing-items",
    Review = "review",
});

impl RuleFamily {
    /// The family of a rule name in `tor show` (`deputy-chair` is the chair's).
    pub fn of_summary(rule: &str) -> Option<Self> {
        Some(match rule {
            "chair" | "deputy-chair" | "casting-vote" => Self::Chair,
            "quorum" => Self::Quorum,
            "notice" => Self::AgendaNotice,
            "extraordinary-notice" => Self::ExtraordinaryNotice,
            "minutes" => Self::MinutesNotice,
            "frequency" | "cancellation" | "gap" | "month-window" => Self::Frequency,
            "public-access" => Self::PublicAccess,
            "public-meeting" => Self::PublicMeetings,
            "standing-items" => Self::StandingItems,
            "review" => Self::Review,
            "decision"
            | "majority"
            | "proxy"
            | "deputies"
            | "substitutes"
            | "opt-out"
            | "conflict-of-interest"
            | "disputes"
            | "one-vote-per-organisation" => Self::Decisions,
            _ => return None,
        })
    }
}

/// What an amendment did to a rule, judged against the version before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Replaced,
    Added,
    Removed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub rule: RuleFamily,
    pub change: ChangeKind,
}

/// Every rule an amendment can change: the rules in force from a date.
#[derive(Debug, Clone, Default)]
pub struct RuleState {
    pub chair: Option<Chair>,
    pub quorum: Option<Quorum>,
    pub notice: Notices,
    pub frequency: Option<Frequency>,
    pub public: PublicRules,
    pub decisions: Option<Decisions>,
    pub standing_items: Option<StandingItems>,
    pub review: Option<Review>,
}

impl RuleState {
    pub fn of(tor: &Tor) -> Self {
        Self {
            chair: tor.chair.clone(),
            quorum: tor.quorum.clone(),
            notice: tor.notice.clone(),
            frequency: tor.frequency.clone(),
            public: tor.public.clone(),
            decisions: tor.decisions.clone(),
            standing_items: tor.standing_items.clone(),
            review: tor.review.clone(),
        }
    }

    fn install(&self, tor: &mut Tor) {
        tor.chair.clone_from(&self.chair);
        tor.quorum.clone_from(&self.quorum);
        tor.notice.clone_from(&self.notice);
        tor.frequency.clone_from(&self.frequency);
        tor.public.clone_from(&self.public);
        tor.decisions.clone_from(&self.decisions);
        tor.standing_items.clone_from(&self.standing_items);
        tor.review.clone_from(&self.review);
    }

    /// Whether `rule` is stated in this version.
    pub fn has(&self, rule: RuleFamily) -> bool {
        match rule {
            RuleFamily::Chair => self.chair.is_some(),
            RuleFamily::Quorum => self.quorum.is_some(),
            RuleFamily::AgendaNotice => self.notice.agenda.is_some(),
            RuleFamily::ExtraordinaryNotice => self.notice.extraordinary.is_some(),
            RuleFamily::MinutesNotice => self.notice.minutes.is_some(),
            RuleFamily::Frequency => self.frequency.is_some(),
            RuleFamily::PublicAccess => self.public.access.is_some(),
            RuleFamily::PublicMeetings => self.public.meetings.is_some(),
            RuleFamily::Decisions => self.decisions.is_some(),
            RuleFamily::StandingItems => self.standing_items.is_some(),
            RuleFamily::Review => self.review.is_some(),
        }
    }

    /// Drops `rule` from this version.
    pub fn remove(&mut self, rule: RuleFamily) {
        match rule {
            RuleFamily::Chair => self.chair = None,
            RuleFamily::Quorum => self.quorum = None,
            RuleFamily::AgendaNotice => self.notice.agenda = None,
            RuleFamily::ExtraordinaryNotice => self.notice.extraordinary = None,
            RuleFamily::MinutesNotice => self.notice.minutes = None,
            RuleFamily::Frequency => self.frequency = None,
            RuleFamily::PublicAccess => self.public.access = None,
            RuleFamily::PublicMeetings => self.public.meetings = None,
            RuleFamily::Decisions => self.decisions = None,
            RuleFamily::StandingItems => self.standing_items = None,
            RuleFamily::Review => self.review = None,
        }
    }
}

/// One dated change to the ToR, with the resolution that made it.
#[derive(Debug, Clone, Serialize)]
pub struct Amendment {
    /// The first day the amended rules are in force.
    pub from: NaiveDate,
    /// The clause of the ToR the amendment changes.
    pub clause: Clause,
    /// The resolution or minute that made it, e.g. "minute 12/22".
    pub minute: Option<String>,
    pub note: Option<String>,
    /// The rules it replaced, added or removed, in family order.
    pub changes: Vec<Change>,
    /// The rules in force from `from` (the previous version with this applied).
    #[serde(skip)]
    pub state: RuleState,
}

/// When a rule's version holds: from the amendment that set it (none: as
/// adopted) until the day before the next amendment that changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Holds {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// A run of days over which one version of a rule holds.
#[derive(Debug, Clone, Copy)]
pub struct Phase<'a> {
    /// The first day.
    pub from: NaiveDate,
    /// The day after the last.
    pub end: NaiveDate,
    /// The amendment that started the phase, where one did within the span.
    pub amendment: Option<&'a Amendment>,
}

impl Phase<'_> {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.end
    }

    /// The last day.
    pub fn last(&self) -> NaiveDate {
        self.end.pred_opt().unwrap_or(self.end)
    }
}

impl Tor {
    /// The ToR in force on `date`: the adopted rules with every amendment from
    /// that day or before applied. Membership dates are the members' own.
    pub fn as_of(&self, date: NaiveDate) -> Cow<'_, Tor> {
        let Some(adopted) = self.adopted_rules.as_deref() else {
            return Cow::Borrowed(self);
        };
        let state = self
            .amendments
            .iter()
            .take_while(|a| a.from <= date)
            .last()
            .map_or(adopted, |a| &a.state);
        let mut tor = self.clone();
        state.install(&mut tor);
        Cow::Owned(tor)
    }

    /// The amendments in force by `date` that changed something after `after`:
    /// those with `after < from <= date`.
    pub fn amendments_between(
        &self,
        after: NaiveDate,
        date: NaiveDate,
    ) -> impl Iterator<Item = &Amendment> {
        self.amendments
            .iter()
            .filter(move |a| after < a.from && a.from <= date)
    }

    /// The phases of `rule` over the days `from..end`: a new phase starts on
    /// each amendment in that span that changed `rule`, with that amendment;
    /// the first phase has the amendment in force on `from`, if any, as `None`
    /// (it did not start within the span). Always at least one phase where the
    /// span holds a day.
    pub fn phases(&self, rule: RuleFamily, from: NaiveDate, end: NaiveDate) -> Vec<Phase<'_>> {
        if from >= end {
            return Vec::new();
        }
        let mut out = vec![Phase {
            from,
            end,
            amendment: None,
        }];
        let cuts = self
            .amendments
            .iter()
            .filter(|a| from < a.from && a.from < end)
            .filter(|a| a.changes.iter().any(|c| c.rule == rule));
        for a in cuts {
            if let Some(last) = out.last_mut() {
                last.end = a.from;
            }
            out.push(Phase {
                from: a.from,
                end,
                amendment: Some(a),
            });
        }
        out
    }

    /// When the version of `rule` in force on `date` holds.
    pub fn holds(&self, rule: RuleFamily, date: NaiveDate) -> Holds {
        let touches = |a: &&Amendment| a.changes.iter().any(|c| c.rule == rule);
        Holds {
            from: self
                .amendments
                .iter()
                .filter(touches)
                .take_while(|a| a.from <= date)
                .last()
                .map(|a| a.from),
            until: self
                .amendments
                .iter()
                .filter(touches)
                .find(|a| a.from > date)
                .and_then(|a| a.from.pred_opt()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::model::QuorumRule;
    use crate::model::quorum::Rounding;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().expect("a date")
    }

    fn panel() -> crate::model::Tor {
        Catalog::Dir("examples/partnerships".into())
            .load("police-and-crime-panel")
            .expect("the example panel")
    }

    fn quorum_on(tor: &crate::model::Tor, date: &str) -> QuorumRule {
        tor.as_of(day(date))
            .quorum
            .clone()
            .and_then(|q| q.rule)
            .expect("a quorum")
    }

    #[test]
    fn the_version_changes_on_the_day_of_the_amendment() {
        let tor = panel();
        let third = QuorumRule::Fraction {
            numerator: 1,
            denominator: 3,
            rounding: Rounding::Up,
        };
        let quarter = QuorumRule::Fraction {
            numerator: 1,
            denominator: 4,
            rounding: Rounding::Up,
        };
        assert_eq!(quorum_on(&tor, "2022-07-04"), third);
        assert_eq!(quorum_on(&tor, "2022-07-05"), quarter);
        assert_eq!(quorum_on(&tor, "2022-07-06"), quarter);
    }

    #[test]
    fn a_rule_holds_from_its_amendment_until_the_day_before_the_next() {
        let tor = panel();
        let rule = super::RuleFamily::Quorum;
        assert_eq!(
            tor.holds(rule, day("2022-07-04")).until,
            Some(day("2022-07-04"))
        );
        assert_eq!(tor.holds(rule, day("2022-07-04")).from, None);
        assert_eq!(
            tor.holds(rule, day("2022-07-05")).from,
            Some(day("2022-07-05"))
        );
        assert_eq!(tor.holds(rule, day("2022-07-05")).until, None);
    }

    #[test]
    fn a_year_across_an_amendment_has_a_phase_on_each_side() {
        let tor = Catalog::Dir("examples/partnerships".into())
            .load("town-board")
            .expect("the example board");
        let rule = super::RuleFamily::Frequency;
        let phases = tor.phases(rule, day("2021-01-01"), day("2022-01-01"));
        let bounds: Vec<_> = phases.iter().map(|p| (p.from, p.end)).collect();
        assert_eq!(
            bounds,
            [
                (day("2021-01-01"), day("2021-04-01")),
                (day("2021-04-01"), day("2022-01-01"))
            ]
        );
        assert!(phases[0].amendment.is_none());
        assert_eq!(phases[1].amendment.map(|a| a.from), Some(day("2021-04-01")));
        // The quorum was never amended: one phase.
        assert_eq!(
            tor.phases(
                super::RuleFamily::Quorum,
                day("2021-01-01"),
                day("2022-01-01")
            )
            .len(),
            1
        );
        // A year after the change: one phase, started before it.
        let later = tor.phases(rule, day("2022-01-01"), day("2023-01-01"));
        assert_eq!(later.len(), 1);
        assert!(later[0].amendment.is_none());
    }

    #[test]
    fn a_tor_without_amendments_is_its_own_version() {
        let tor = Catalog::Bundled.load("sefton-scp").expect("bundled");
        assert!(matches!(
            tor.as_of(day("2013-01-01")),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

//! The rules, one method each, one file per rule family. Messages name who and
//! what decided the verdict.

mod chair;
mod frequency;
mod membership;
mod notice;
mod public;
mod quorum;
mod standing_items;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use std::collections::{HashMap, HashSet};

use super::{History, MeetingInput};
use crate::calendar::Calendar;
use crate::engine::events::Known;
use crate::engine::record::Record;
use crate::engine::{Finding, attendance};

use crate::model::{Capacity, Member, MemberId, Notified, Side, StandIns, Standing, Tor};

/// How the ToR takes a member's attendance in one capacity.
enum Admit<'a> {
    InPerson,
    /// A stand-in the ToR makes no provision for.
    NoRule,
    Rule(&'a StandIns, Standing),
}

/// What is known before this meeting, in a form every rule can use.
pub(super) struct Past<'a> {
    /// Days of earlier meetings, oldest first.
    dates: Vec<NaiveDate>,
    record: Option<&'a Record>,
}

pub(super) struct Ctx<'a> {
    tor: &'a Tor,
    cal: &'a Calendar,
    m: &'a MeetingInput,
    at: DateTime<Tz>,
    date: NaiveDate,
    history: History<'a>,
    /// Capacity each member named at the meeting is there (in person first, then by
    /// substitute, then by deputy), looked up once per member of a large ToR.
    presence: HashMap<&'a MemberId, Capacity>,
    notified: HashSet<&'a MemberId>,
    /// Per stand-in capacity whose registration counts from an event, the
    /// day of that event governing this meeting, where found.
    registration_days: Vec<(Capacity, Option<NaiveDate>)>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        tor: &'a Tor,
        cal: &'a Calendar,
        m: &'a MeetingInput,
        history: History<'a>,
    ) -> Self {
        let at = m.at.with_timezone(&tor.timezone);
        let presence = m.attendance.capacities();
        let registration_days = registration_days(tor, m, at.date_naive(), history);
        Self {
            tor,
            cal,
            m,
            at,
            date: at.date_naive(),
            history,
            presence,
            notified: m.attendance.notified.iter().collect(),
            registration_days,
        }
    }

    /// The context of one agenda item: `m` is the meeting as it stood at the
    /// item. The registration days are the meeting's (its day and record, not
    /// who is in the room), so a meeting of many items does not look through
    /// the record again for each.
    pub(super) fn at_item<'b>(&'b self, m: &'b MeetingInput) -> Ctx<'b> {
        Ctx {
            tor: self.tor,
            cal: self.cal,
            m,
            at: self.at,
            date: self.date,
            history: self.history,
            presence: m.attendance.capacities(),
            notified: m.attendance.notified.iter().collect(),
            registration_days: self.registration_days.clone(),
        }
    }

    /// Every rule, in a fixed order.
    pub(super) fn findings(&self) -> Vec<Finding> {
        let [notice, extraordinary] = self.notice();
        vec![
            notice,
            extraordinary,
            self.quorum(),
            self.membership(),
            self.chair(),
            self.public_access(),
            self.public_meeting(),
            self.frequency(),
            self.standing_items(),
        ]
    }

    fn how(&self, id: &MemberId) -> Option<Capacity> {
        self.presence.get(id).copied()
    }

    /// What the input says of `id`'s notice of its stand-in.
    fn notified(&self, id: &MemberId) -> Notified {
        match self.m.attendance.notified_at.get(id) {
            Some(at) => Notified::At(*at),
            None if self.notified.contains(id) => Notified::Yes,
            None => Notified::No,
        }
    }

    /// How the ToR takes `member` being there in capacity `how`.
    fn admit(&self, member: &Member, how: Capacity) -> Admit<'a> {
        if how == Capacity::Member {
            return Admit::InPerson;
        }
        match self.tor.stand_ins(how) {
            None => Admit::NoRule,
            Some(rule) => {
                let at = Some(self.at);
                let event_day = self
                    .registration_days
                    .iter()
                    .find(|(c, _)| *c == how)
                    .and_then(|(_, d)| *d);
                let standing = rule.judge(
                    how,
                    member,
                    self.date,
                    at,
                    self.notified(&member.id),
                    event_day,
                );
                Admit::Rule(rule, standing)
            }
        }
    }

    /// Whether `member` is represented on the day: in person, or by a stand-in the
    /// ToR allows, while its membership holds.
    fn represented(&self, member: &Member) -> bool {
        let how = self.how(&member.id);
        attendance::represented(self.tor, self.date, member, how)
            && how.is_some_and(|h| {
                !matches!(self.admit(member, h), Admit::Rule(_, Standing::Refused(_)))
            })
    }

    /// Members named at the meeting, in the ToR's order (so input order never
    /// changes a message).
    fn named(&self) -> impl Iterator<Item = (&'a Member, Capacity)> + '_ {
        self.tor
            .members
            .iter()
            .filter_map(|m| self.how(&m.id).map(|h| (m, h)))
    }

    fn label(member: &Member, how: Capacity) -> String {
        match how {
            Capacity::Member => member.id.to_string(),
            other => format!("{} (by {})", member.id, other.noun()),
        }
    }

    fn past(&self) -> Option<Past<'a>> {
        match self.history {
            History::Nothing => None,
            History::Previous(d) => Some(Past {
                dates: (d < self.date).then_some(d).into_iter().collect(),
                record: None,
            }),
            History::Record(r) => Some(Past {
                dates: r.before(self.date).map(|m| m.date).collect(),
                record: Some(r),
            }),
        }
    }

    fn record(&self) -> Option<&'a Record> {
        match self.history {
            History::Record(r) => Some(r),
            _ => None,
        }
    }

    fn year_starts(&self) -> Option<(u32, u32)> {
        self.tor.frequency.as_ref().and_then(|f| f.year_starts)
    }
}

/// For each stand-in rule registered before an event, the occurrence that
/// governs a meeting on `date`: the latest on or before it ("each year"),
/// found as the event deadlines find it, from the record and this meeting's
/// own marks. Found once here, not once per member judged.
fn registration_days(
    tor: &Tor,
    m: &MeetingInput,
    date: NaiveDate,
    history: History<'_>,
) -> Vec<(Capacity, Option<NaiveDate>)> {
    let events: Vec<_> = [Capacity::Substitute, Capacity::Deputy]
        .into_iter()
        .filter_map(|kind| Some((kind, tor.stand_ins(kind)?.registration_event()?)))
        .collect();
    if events.is_empty() {
        return Vec::new();
    }
    let record = match history {
        History::Record(r) => Some(r),
        History::Nothing | History::Previous(_) => None,
    };
    let known = Known::new(tor, record, Some((date, &m.marks)));
    events
        .into_iter()
        .map(|(kind, event)| (kind, known.around(event, Side::After, date)))
        .collect()
}

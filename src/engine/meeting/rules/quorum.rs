//! Quorum: enough members represented on the day.

use super::{Admit, Ctx};
use crate::engine::Rule;
use crate::engine::quorum::{self, Here, Present};
use crate::engine::{Fact, Finding};
use std::collections::HashMap;

use crate::model::{Capacity, Counting, Member, MemberId, QuorumRule, RemoteStanding, Standing};

impl Ctx<'_> {
    pub(in crate::engine::meeting) fn quorum(&self) -> Finding {
        const R: Rule = Rule::Quorum;
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated(R, "quorum");
        };
        if !self.m.attendance.is_given() {
            return Finding::unjudged(
                R,
                Some(&q.clause),
                Fact::Attendance,
                "who attended was not given",
            );
        }
        let counting = self.tor.counts;
        let mut here = Vec::new();
        let mut counted = Vec::new();
        let mut not_counted = Vec::new();
        for (member, how) in self.named() {
            let people = self.m.attendance.people_of(&member.id);
            let mut label = Self::label(member, how);
            if counting == Counting::People {
                label = format!("{label} ×{people}");
            }
            if !member.holds_on(self.date) {
                not_counted.push(format!("{label}: not a member on {}", self.date));
                continue;
            }
            let Some(people) =
                self.noted_people(member, how, (people, 0), &label, &mut not_counted)
            else {
                continue;
            };
            here.push(Here { member, people });
            match &q.rule {
                Some(rule) if !rule.counts(member) => {
                    let why = match rule {
                        QuorumRule::AtLeast { class: Some(_), .. } => member.class.to_string(),
                        _ => "no vote".to_owned(),
                    };
                    not_counted.push(format!("{label}: {why}"));
                }
                _ => counted.push(label),
            }
        }
        self.shared_quorum(&mut here, &mut counted, &mut not_counted);
        self.remote_quorum(&mut here, &mut counted, &mut not_counted);
        let present = Present {
            here,
            counted,
            not_counted,
        };
        quorum::judge(
            self.tor,
            q,
            present,
            self.m.presiding.as_ref(),
            self.date,
            None,
        )
        .finding(q, self.m.held)
    }
}

impl<'a> Ctx<'a> {
    /// [`Self::quorum_people`] for the finding: the people `member` brings
    /// (`people` sent, `present` of its own already in the room), with why any
    /// are not counted noted under `label`; `None` where none count.
    fn noted_people(
        &self,
        member: &Member,
        how: Capacity,
        (people, present): (u32, u32),
        label: &str,
        not_counted: &mut Vec<String>,
    ) -> Option<u32> {
        match self.quorum_people(member, how, people, present) {
            Ok((people, limited)) => {
                not_counted.extend(limited.map(|why| format!("{label}: {why}")));
                Some(people)
            }
            Err(why) => {
                not_counted.push(format!("{label}: {why}"));
                None
            }
        }
    }

    /// The `people` of `member` there in capacity `how` who count for the
    /// quorum, beside `present` of its own in person, with why some do not (a
    /// stand-in limit, or more than its seats); `Err(why)` where none do.
    fn quorum_people(
        &self,
        member: &Member,
        how: Capacity,
        people: u32,
        present: u32,
    ) -> Result<(u32, Option<String>), String> {
        match self.admit(member, how) {
            Admit::InPerson => Ok((people, None)),
            Admit::NoRule => Err(format!("the ToR allows no {}s", how.noun())),
            Admit::Rule(_, Standing::Refused(why)) => Err(why),
            Admit::Rule(rule, Standing::Allowed { .. }) if !rule.counts_for_quorum => Err(format!(
                "{} do not count for the quorum ({})",
                how.plural(),
                rule.clause
            )),
            Admit::Rule(rule, Standing::Allowed { .. }) => {
                let seats = member.seats.unwrap_or(1);
                let (n, why) = rule
                    .limit(how, people, present, seats)
                    .map_or((people, None), |(n, why)| (n, Some(why)));
                // A stand-in takes an absent member's seat: never more than the seats.
                let room = seats.saturating_sub(present);
                let (n, why) = if n > room {
                    let s = if seats == 1 { "" } else { "s" };
                    (room, Some(format!("more than its {seats} seat{s}")))
                } else {
                    (n, why)
                };
                match why {
                    Some(why) if n == 0 => Err(why),
                    Some(why) => Ok((n, Some(format!("{} not counted: {why}", people - n)))),
                    None => Ok((n, None)),
                }
            }
        }
    }

    /// The stand-ins of members also there in person, for their absent seats,
    /// in the ToR's member order: added to the member's people where the ToR
    /// admits them, up to its absent seats, else listed with the reason.
    fn shared_quorum(
        &self,
        here: &mut Vec<Here<'a>>,
        counted: &mut Vec<String>,
        not_counted: &mut Vec<String>,
    ) {
        let shared: HashMap<&MemberId, (Capacity, u32)> = self
            .m
            .attendance
            .shared()
            .into_iter()
            .map(|(id, how, n)| (id, (how, n)))
            .collect();
        if shared.is_empty() {
            return;
        }
        let rule = self.tor.quorum.as_ref().and_then(|q| q.rule.as_ref());
        let mut index: HashMap<MemberId, usize> = here
            .iter()
            .enumerate()
            .map(|(i, h)| (h.member.id.clone(), i))
            .collect();
        // Those attending remotely hold seats too: a stand-in may take only a
        // seat that no one of the member's own fills, in the room or remotely.
        let mut remote: HashMap<&MemberId, u32> = HashMap::new();
        for (id, n) in &self.m.attendance.remote {
            let e = remote.entry(id).or_default();
            *e = e.saturating_add(*n);
        }
        for member in &self.tor.members {
            let Some(&(how, sent)) = shared.get(&member.id) else {
                continue;
            };
            // Not a member on the day: said once, of those in person.
            if !member.holds_on(self.date) {
                continue;
            }
            let label = format!("{} ×{sent}", Self::label(member, how));
            let present = self
                .m
                .attendance
                .people_of(&member.id)
                .saturating_add(remote.get(&member.id).copied().unwrap_or(0));
            let Some(people) = self.noted_people(member, how, (sent, present), &label, not_counted)
            else {
                continue;
            };
            if let Some(&i) = index.get(&member.id) {
                here[i].people += people;
            } else {
                index.insert(member.id.clone(), here.len());
                here.push(Here { member, people });
            }
            if rule.is_none_or(|r| r.counts(member)) {
                counted.push(format!("{} ×{people}", Self::label(member, how)));
            }
        }
    }

    /// Those attending remotely, in the ToR's member order: added to `here`
    /// where the ToR (on this date) lets them count, else listed with the reason.
    fn remote_quorum(
        &self,
        here: &mut Vec<Here<'a>>,
        counted: &mut Vec<String>,
        not_counted: &mut Vec<String>,
    ) {
        let rule = self.tor.attendance.remote.as_ref();
        let rule_counts = self.tor.quorum.as_ref().and_then(|q| q.rule.as_ref());
        for member in &self.tor.members {
            let Some(&(_, people)) = self
                .m
                .attendance
                .remote
                .iter()
                .find(|(id, _)| *id == member.id)
            else {
                continue;
            };
            let label = match self.tor.counts {
                Counting::People => format!("{} ×{people} (remote)", member.id),
                Counting::Organisations => format!("{} (remote)", member.id),
            };
            let why = match rule.map(|r| (r, r.quorum_on(self.date))) {
                _ if !member.holds_on(self.date) => Some(format!("not a member on {}", self.date)),
                None => Some("the ToR does not provide for remote attendance".to_owned()),
                Some((r, RemoteStanding::Never)) => Some(format!(
                    "remote attendance does not count for the quorum ({})",
                    r.clause
                )),
                Some((r, RemoteStanding::OutsidePeriod)) => Some(format!(
                    "remote attendance counts for the quorum only {} ({})",
                    r.period(),
                    r.clause
                )),
                Some((_, RemoteStanding::Counts)) => None,
            };
            if let Some(why) = why {
                not_counted.push(format!("{label}: {why}"));
                continue;
            }
            match here.iter_mut().find(|h| h.member.id == member.id) {
                Some(h) => h.people += people,
                None => here.push(Here { member, people }),
            }
            if rule_counts.is_none_or(|r| r.counts(member)) {
                counted.push(label);
            }
        }
    }
}

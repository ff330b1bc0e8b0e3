//! Marking the proposed meetings: chair election, public meetings, review, standing items.

use super::{MeetingKind, Planner, ProposedMeeting};
use crate::engine::Message;
use crate::engine::meeting::{ChairPresence, MeetingInput};
use crate::engine::{ELECTION_ITEM, REVIEW_ITEM};
use crate::model::ChairAppointment;
use crate::msg;
use chrono::NaiveDate;

impl Planner<'_> {
    pub(super) fn mark_chair(&self, meetings: &mut [ProposedMeeting], may: Option<NaiveDate>) {
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
    pub(super) fn mark_public(
        &self,
        meetings: &mut [ProposedMeeting],
        warnings: &mut Vec<Message>,
    ) {
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

    pub(super) fn mark_review(
        &self,
        meetings: &mut [ProposedMeeting],
        warnings: &mut Vec<Message>,
    ) {
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
    pub(super) fn add_standing_items(&self, meetings: &mut [ProposedMeeting]) {
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

    pub(super) fn as_held(&self, m: &ProposedMeeting) -> MeetingInput {
        let mut input = MeetingInput::new(m.at);
        input.circulated = m.circulate_by.map(|w| w.0);
        input.attendance.in_person = self
            .tor
            .members_on(m.date())
            .map(|mem| mem.id.clone())
            .collect();
        // Everyone there means every seat filled.
        input.attendance.people = self
            .tor
            .members_on(m.date())
            .filter_map(|mem| Some((mem.id.clone(), mem.seats?)))
            .collect();
        input.chair = Some(ChairPresence::Present);
        input.public = m.public.then_some(true);
        // A proposed public meeting is planned as the ToR's, joint where it says.
        if m.public {
            input.joint_with = self
                .tor
                .public
                .meetings
                .as_ref()
                .and_then(|pm| pm.joint_with.clone())
                .into_iter()
                .collect();
        }
        input.items.clone_from(&m.items);
        input
    }
}

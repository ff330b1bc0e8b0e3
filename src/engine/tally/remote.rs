//! Members who took part remotely: whether their votes and their presence
//! count is the ToR's `[attendance.remote]` rule, by date (SPEC §5a).

use super::{Choice, Tally};
use crate::engine::{Finding, FindingStatus, Rule};
use crate::model::{Clause, Counting, Member, RemoteStanding};

impl<'a> Tally<'a> {
    /// Why remote attendance does not count on the day (for the quorum, or for
    /// voting), with the clause to cite; `None` where it counts.
    pub(super) fn remote_refused(&self, for_quorum: bool) -> Option<(Option<&'a Clause>, String)> {
        let date = self.input.date;
        let Some(rule) = self.tor.attendance.remote.as_ref() else {
            return Some((
                None,
                "the ToR does not provide for remote attendance".to_owned(),
            ));
        };
        let (standing, what) = if for_quorum {
            (rule.quorum_on(date), "count for the quorum")
        } else {
            (rule.votes_on(date), "vote")
        };
        match standing {
            RemoteStanding::Counts => None,
            RemoteStanding::Never => Some((
                Some(&rule.clause),
                format!("members attending remotely may not {what}"),
            )),
            RemoteStanding::OutsidePeriod => Some((
                Some(&rule.clause),
                format!(
                    "members attending remotely may {what} only {}",
                    rule.period()
                ),
            )),
        }
    }

    /// The people of `m` who took part remotely: their votes are left out where
    /// the ToR does not let them vote that day. The input keeps a member with
    /// remote people in one list, so the remote votes are of that one kind.
    pub(super) fn remote_votes(&mut self, m: &Member, counted: &mut Vec<(Choice, u32)>) {
        let Some(&remote) = self.input.remote.get(&m.id) else {
            return;
        };
        let id = &m.id;
        let Some(slot) = counted.first_mut() else {
            return;
        };
        let Some((clause, why)) = self.remote_refused(false) else {
            let clause = self.tor.attendance.remote.as_ref().map(|r| &r.clause);
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Pass,
                format!(
                    "`{id}`: {} voted remotely, which the ToR allows on {}",
                    people(remote),
                    self.input.date
                ),
            ));
            return;
        };
        // Counting organisations, a member's vote is one: remote, it is out.
        let off = match self.tor.counts {
            Counting::People => remote.min(slot.1),
            Counting::Organisations => slot.1,
        };
        let vote = slot.0;
        slot.1 -= off;
        if slot.1 == 0 {
            counted.clear();
        }
        self.eligibility.push(Finding::new(
            Rule::Eligibility,
            clause,
            FindingStatus::Fail,
            format!(
                "`{id}`: {} voted remotely, but {why}: left out",
                people(off)
            ),
        ));
        self.exclude(m, (vote, off), format!("voted remotely: {why}"));
    }
}

fn people(n: u32) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

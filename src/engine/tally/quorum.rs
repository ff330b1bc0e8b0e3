//! Quorum at the time of the vote, on the one quorum count of
//! [`crate::engine::quorum`].

use super::Tally;
use crate::engine::Finding;
use crate::engine::Rule;
use crate::engine::quorum::{self, Here, Present};
use crate::model::Counting;

impl Tally<'_> {
    /// Quorum at the time of the vote: members at the meeting whose membership
    /// holds that day. Proxy givers are absent unless the ToR counts them.
    pub(super) fn quorum(&self) -> Finding {
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated(Rule::Quorum, "quorum");
        };
        let counting = self.tor.counts;
        let refused = self.remote_refused(true);
        let mut not_counted = Vec::new();
        let mut here: Vec<Here> = self
            .present
            .iter()
            .filter_map(|m| {
                let mut people = self.input.people_at(&m.id);
                if let (Some(&remote), Some((clause, why))) =
                    (self.input.remote.get(&m.id), &refused)
                {
                    // Counting organisations, a member partly remote is not here.
                    let off = match counting {
                        Counting::People => remote.min(people),
                        Counting::Organisations => people,
                    };
                    people -= off;
                    let cite = clause.map(|c| format!(" ({c})")).unwrap_or_default();
                    not_counted.push(format!("{} ×{off} (remote): {why}{cite}", m.id));
                }
                (people > 0).then_some(Here { member: m, people })
            })
            .collect();
        // Only where the ToR counts proxies towards the quorum; one each.
        here.extend(
            self.by_proxy
                .iter()
                .map(|&member| Here { member, people: 1 }),
        );
        let label = |h: &Here| match (counting, h.people) {
            (Counting::People, n) if n != 1 => format!("{} ×{n}", h.member.id),
            _ => h.member.id.to_string(),
        };
        let counted = here
            .iter()
            .filter(|h| q.rule.as_ref().is_none_or(|rule| rule.counts(h.member)))
            .map(label)
            .collect();
        let present = Present {
            here,
            counted,
            not_counted,
        };
        let item = self.input.item.as_deref();
        quorum::judge(self.tor, q, present, None, self.input.date, item).finding(q, self.input.held)
    }
}

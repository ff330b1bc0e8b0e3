//! Conflicts of interest and opting out of a decision.

use super::{Tally, a_kinds, kinds_text};
use crate::engine::Rule;
use crate::engine::{Finding, FindingStatus, SkipReason};

impl Tally<'_> {
    /// A conflicted member's vote is left out where the ToR's rule covers the decision.
    pub(super) fn conflicts(&mut self) {
        let kinds = &self.input.kinds;
        let rule = self.kind_rule(|d| d.conflicts_of_interest.as_ref());
        for m in &self.tor.members {
            if !self.input.conflicts.contains(&m.id) {
                continue;
            }
            let id = &m.id;
            let finding = match rule {
                Some(r) if r.applies_to(kinds) => {
                    // Every way its people voted is left out, not just the first.
                    let (out, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.votes)
                        .into_iter()
                        .partition(|v| &v.org == id);
                    self.votes = kept;
                    if out.is_empty() {
                        Finding::pass(
                            Rule::ConflictOfInterest,
                            &r.clause,
                            format!(
                                "`{id}` declared a conflict of interest and took no part in the vote"
                            ),
                        )
                    } else {
                        for v in out {
                            self.exclude(
                                m,
                                (v.vote, v.people),
                                format!(
                                    "declared a conflict of interest on {} decision",
                                    a_kinds(kinds)
                                ),
                            );
                        }
                        Finding::fail(
                            Rule::ConflictOfInterest,
                            &r.clause,
                            format!(
                                "`{id}` declared a conflict of interest on {} decision and may not take part: its vote is left out",
                                a_kinds(kinds)
                            ),
                        )
                    }
                }
                Some(r) => Finding::new(
                    Rule::ConflictOfInterest,
                    Some(&r.clause),
                    FindingStatus::Skip,
                    format!(
                        "the conflict-of-interest rule covers {} decisions and this is {} decision: `{id}`'s vote counts",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => Finding::new(
                    Rule::ConflictOfInterest,
                    None,
                    FindingStatus::Skip,
                    format!("the ToR states no conflict-of-interest rule: `{id}`'s vote counts"),
                )
                .because(SkipReason::NotStated),
            };
            self.conflict.push(finding);
        }
    }

    /// Opting out of a decision is allowed only where the ToR says so.
    pub(super) fn opt_outs(&mut self) {
        let kinds = &self.input.kinds;
        let rule = self.kind_rule(|d| d.opt_out.as_ref());
        for m in &self.tor.members {
            if !self.input.opt_out.contains(&m.id) {
                continue;
            }
            let id = &m.id;
            let finding = match rule {
                Some(r) if r.applies_to(kinds) => {
                    self.not_bound.push(id.clone());
                    Finding::pass(
                        Rule::OptOut,
                        &r.clause,
                        format!(
                            "`{id}` opted out of this {} decision and is not bound by it; its vote still counts",
                            kinds_text(kinds)
                        ),
                    )
                }
                Some(r) => Finding::fail(
                    Rule::OptOut,
                    &r.clause,
                    format!(
                        "members may opt out only of {} decisions and this is {} decision: `{id}` is bound",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => Finding::new(
                    Rule::OptOut,
                    self.decisions_clause(),
                    FindingStatus::Fail,
                    format!("the ToR lets no member opt out of a decision: `{id}` is bound"),
                ),
            };
            self.opt_out.push(finding);
        }
    }
}

//! A finding for each rule the vote did not touch.

use super::{Tally, a_kinds, kinds_text};
use crate::engine::Rule;
use crate::engine::{Finding, FindingStatus, SkipReason};
use crate::model::{Counting, KindRule, Proxies};

impl Tally<'_> {
    /// One finding for each rule the input did not touch, so every rule is reported.
    pub(super) fn summaries(&mut self) {
        let kinds = &self.input.kinds;
        if self.eligibility.is_empty() {
            let clause = self
                .decisions
                .and_then(|d| d.one_vote_per_organisation.as_ref().or(Some(&d.clause)));
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Pass,
                match self.tor.counts {
                    Counting::Organisations => crate::msg![
                        "every vote is from a member with a vote on ",
                        self.input.date,
                        ", one per organisation"
                    ],
                    Counting::People => crate::msg![
                        "every vote is from a member with a vote on ",
                        self.input.date,
                        ", one per person in its seats"
                    ],
                },
            ));
        }
        // `rule` names the finding and the rule alike ("proxy", "opt-out", ...).
        let untouched = |rule: Rule, found: Option<&KindRule>, nobody: &str| {
            let (clause, message) = match found {
                Some(r) if r.applies_to(kinds) => (Some(&r.clause), nobody.to_owned()),
                Some(r) => (
                    Some(&r.clause),
                    format!(
                        "the {rule} rule covers {} decisions and this is {} decision",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => (None, format!("the ToR states no {rule} rule")),
            };
            let reason = match found {
                Some(_) => SkipReason::NotApplicable,
                None => SkipReason::NotStated,
            };
            Finding::new(rule, clause, FindingStatus::Skip, message).because(reason)
        };
        if self.proxy.is_empty() {
            let finding = match self.decisions.and_then(|d| d.proxies.as_ref()) {
                Some(Proxies::Refused(clause)) => Finding::new(
                    Rule::Proxy,
                    Some(clause),
                    FindingStatus::Skip,
                    "the ToR allows no proxy votes and none were given".to_owned(),
                )
                .because(SkipReason::NotApplicable),
                found => untouched(
                    Rule::Proxy,
                    found.and_then(|p| p.allowed()).map(|r| &r.kinds),
                    "no proxy votes were given",
                ),
            };
            self.proxy.push(finding);
        }
        if self.conflict.is_empty() {
            let r = self.kind_rule(|d| d.conflicts_of_interest.as_ref());
            self.conflict.push(untouched(
                Rule::ConflictOfInterest,
                r,
                "no conflict of interest was declared",
            ));
        }
        if self.opt_out.is_empty() {
            let r = self.kind_rule(|d| d.opt_out.as_ref());
            self.opt_out
                .push(untouched(Rule::OptOut, r, "no member opted out"));
        }
    }
}

//! Decisions by written procedure between meetings: the replies received within
//! the response period, judged against a share of all voting members in post.

use chrono::NaiveDate;

use super::{Counts, Decided, Excluded, Outcome, Tally};
use crate::engine::{Finding, FindingStatus, Rule, SkipReason};
use crate::model::{Base, Comparison, Threshold, WrittenProcedure};

pub(super) const METHOD: &str = "written-procedure";

impl Tally<'_> {
    fn procedure(&self) -> Option<&WrittenProcedure> {
        self.decisions.and_then(|d| d.written.as_ref())
    }

    /// The last day a reply is in time: the response period counted in working
    /// days from the day the proposal was sent.
    fn replies_due(&self, w: &WrittenProcedure) -> NaiveDate {
        self.tor
            .calendar()
            .working_days_after(self.input.date, w.working_days)
    }

    /// Late replies are left out, whatever they say.
    pub(super) fn written_late(&mut self) {
        let due = self.procedure().map(|w| self.replies_due(w));
        for id in &self.input.late {
            let reason = match due {
                Some(due) => {
                    format!("replied after the response period (replies were due by {due})")
                }
                None => "replied after the response period".to_owned(),
            };
            self.excluded.push(Excluded {
                org: id.clone(),
                vote: None,
                people: 1,
                reason,
            });
        }
    }

    /// A written procedure has no meeting, so no quorum.
    pub(super) fn written_quorum(&self) -> Finding {
        Finding::new(
            Rule::Quorum,
            self.procedure().map(|w| &w.clause),
            FindingStatus::Skip,
            "a decision by written procedure is not taken at a meeting: no quorum applies",
        )
        .because(SkipReason::NotApplicable)
    }

    pub(super) fn decide_written(&mut self, c: Counts) -> Decided {
        let casting = self.casting_not_used("a written procedure has no casting vote");
        let Some(w) = self.procedure().cloned() else {
            let message =
                "the ToR makes no provision for decisions by written procedure: nothing is carried"
                    .to_owned();
            self.explain("decision", self.decisions_clause(), message.clone());
            return Decided {
                outcome: Outcome::Lost,
                method: METHOD.to_owned(),
                casting_vote: None,
                referral: None,
                decision: Finding::new(
                    Rule::Decision,
                    self.decisions_clause(),
                    FindingStatus::Fail,
                    message,
                ),
                casting,
            };
        };
        let due = self.replies_due(&w);
        let t = Threshold {
            base: Base::Membership,
            fraction: w.fraction,
            comparison: w.comparison,
        };
        let in_post = self
            .tor
            .members_on(self.input.date)
            .filter(|m| m.voting)
            .count() as u64;
        let need = t.needed(in_post);
        let comparison = match w.comparison {
            Comparison::MoreThan => "more than",
            Comparison::AtLeast => "at least",
        };
        self.explain(
            "decision",
            Some(&w.clause),
            format!(
                "sent on {}; replies are due within {} working days, by {due}; {} late repl{} left out",
                self.input.date,
                w.working_days,
                self.input.late.len(),
                if self.input.late.len() == 1 { "y" } else { "ies" }
            ),
        );
        self.explain(
            "base",
            Some(&w.clause),
            format!(
                "the base is every voting member in post on {}: {in_post}",
                self.input.date
            ),
        );
        let need_text = match need {
            Some(need) => format!("{comparison} {} of {in_post} = {need}", w.fraction.words()),
            None => format!(
                "{comparison} {} of {in_post} can never be reached",
                w.fraction.words()
            ),
        };
        self.explain(
            "threshold",
            Some(&w.clause),
            format!("{need_text}; {} replied in favour in time", c.votes_for),
        );
        let carried = need.is_some_and(|n| u64::from(c.votes_for) >= n);
        let outcome = if carried {
            Outcome::Carried
        } else {
            Outcome::Lost
        };
        let message = format!(
            "{} by written procedure: {} in favour, {} against, {} abstaining in time ({need_text} needed; replies were due by {due})",
            outcome.as_str(),
            c.votes_for,
            c.against,
            c.abstain
        );
        self.explain("decision", Some(&w.clause), message.clone());
        Decided {
            outcome,
            method: METHOD.to_owned(),
            casting_vote: None,
            referral: None,
            decision: Finding::pass(Rule::Decision, &w.clause, message),
            casting,
        }
    }
}

//! Quorum at the time of the vote, on the one quorum count of
//! [`crate::engine::quorum`].

use super::{Tally, list};
use crate::engine::Finding;
use crate::engine::Rule;
use crate::engine::quorum::{self, Here};
use crate::model::{MemberId, QuorumRule};

impl<'a> Tally<'a> {
    /// Quorum at the time of the vote: members at the meeting whose membership
    /// holds that day. Proxy givers are absent.
    pub(super) fn quorum(&self) -> Finding {
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated(Rule::Quorum, "quorum");
        };
        let counting = self.tor.counts;
        let here: Vec<Here> = self
            .present
            .iter()
            .map(|m| Here {
                member: m,
                people: 1,
            })
            .collect();
        let shortfalls = quorum::shortfalls(self.tor, q, &here, None, self.input.date);
        let in_post = quorum::voting_in_post(self.tor, self.input.date);
        let (counted, got, need, of) = match &q.rule {
            Some(rule) => {
                let counted: Vec<&MemberId> = self
                    .present
                    .iter()
                    .filter(|m| rule.counts(m))
                    .map(|m| &m.id)
                    .collect();
                let of = match rule {
                    QuorumRule::AtLeast { class: Some(c), .. } => {
                        format!("members of class `{c}`")
                    }
                    QuorumRule::AtLeast { class: None, .. } => "voting members".to_owned(),
                    QuorumRule::Fraction {
                        numerator,
                        denominator,
                        ..
                    } => format!("voting members ({numerator}/{denominator} of {in_post} in post)"),
                };
                let got = quorum::counted(rule, &here, counting);
                (counted, got, rule.needed(in_post), of)
            }
            None => {
                let all: Vec<&MemberId> = self.present.iter().map(|m| &m.id).collect();
                (all, 0, 0, "members".to_owned())
            }
        };
        let quorate = got >= need && shortfalls.is_empty();
        let mut message = format!(
            "{}: {got} {of} present ({}), at least {need} needed",
            if quorate { "quorate" } else { "inquorate" },
            list(&counted)
        );
        if q.rule.is_none() {
            message = format!(
                "{}: present {}",
                if quorate { "quorate" } else { "inquorate" },
                list(&counted)
            );
        }
        for s in &shortfalls {
            message.push_str(&format!("; {s}"));
        }
        if quorate {
            Finding::pass(Rule::Quorum, &q.clause, message)
        } else {
            Finding::fail(Rule::Quorum, &q.clause, message)
        }
    }
}

//! Quorum at the time of the vote, on the one quorum count of
//! [`crate::engine::quorum`].

use super::Tally;
use crate::engine::Finding;
use crate::engine::Rule;
use crate::engine::quorum::{self, Here};
use crate::model::{Counting, QuorumRule};

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
        let shortfalls = quorum::shortfalls(self.tor, q, &here, None, self.input.date);
        let in_post = quorum::voting_in_post(self.tor, self.input.date);
        let (counted, got, need, of) = if let Some(rule) = &q.rule {
            let counted: Vec<String> = here
                .iter()
                .filter(|h| rule.counts(h.member))
                .map(label)
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
        } else {
            let all: Vec<String> = here.iter().map(label).collect();
            (all, 0, 0, "members".to_owned())
        };
        let quorate = got >= need && shortfalls.is_empty();
        let verdict = if quorate { "quorate" } else { "inquorate" };
        let verdict = match &self.input.item {
            Some(item) => format!("{verdict} at item `{item}`"),
            None => verdict.to_owned(),
        };
        let mut message = format!(
            "{verdict}: {got} {of} present ({}), at least {need} needed",
            names(&counted)
        );
        if q.rule.is_none() {
            message = format!("{verdict}: present {}", names(&counted));
        }
        for s in &shortfalls {
            message.push_str(&format!("; {s}"));
        }
        if !not_counted.is_empty() {
            message.push_str(&format!("; not counted: {}", not_counted.join("; ")));
        }
        if quorate {
            Finding::pass(Rule::Quorum, &q.clause, message)
        } else {
            Finding::fail(Rule::Quorum, &q.clause, message)
        }
    }
}

fn names(ids: &[String]) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.join(", ")
    }
}

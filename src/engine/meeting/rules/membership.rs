//! Membership: who attends is a member on the day, in a capacity the ToR allows.

use std::collections::HashMap;

use crate::engine::words::plural;

use super::{Admit, Ctx};
use crate::engine::Rule;
use crate::engine::record::tenure;
use crate::engine::{Fact, Finding, FindingStatus, Message, abolished_membership};
use crate::model::{Capacity, Clause, MemberId, Standing};
use crate::msg;

impl Ctx<'_> {
    pub(super) fn membership(&self) -> Finding {
        const R: Rule = Rule::Membership;
        if !self.m.attendance.is_given() {
            return Finding::unjudged(R, None, Fact::Attendance, "who attended was not given");
        }
        let decisions_clause = self.tor.decisions.as_ref().map(|d| &d.clause);
        let mut fails: Vec<(Message, Option<&Clause>)> = Vec::new();
        let mut warns: Vec<(String, Option<&Clause>)> = Vec::new();
        let mut first_clause = None;
        let mut count = 0;
        // A member there in person and by stand-ins: its stand-ins are judged too.
        let shared: HashMap<&MemberId, Capacity> = self
            .m
            .attendance
            .shared()
            .into_iter()
            .map(|(id, how, _)| (id, how))
            .collect();
        for (member, how) in self.named() {
            count += 1;
            first_clause = first_clause.or(member.clause.as_ref());
            if !member.holds_on(self.date) {
                let why = abolished_membership(self.tor, member, self.date).unwrap_or_else(|| {
                    format!(
                        "{} was not a member on {}: {}",
                        member.id,
                        self.date,
                        tenure(member)
                    )
                    .into()
                });
                fails.push((why, member.clause.as_ref()));
            }
            let how = match how {
                Capacity::Member => match shared.get(&member.id) {
                    Some(&stand_ins) => stand_ins,
                    None => continue,
                },
                stand_ins => stand_ins,
            };
            match self.admit(member, how) {
                Admit::InPerson | Admit::Rule(_, Standing::Allowed { unchecked: None }) => {}
                Admit::NoRule => fails.push((
                    format!(
                        "{} sent a {}, but the ToR allows no {}s",
                        member.id,
                        how.noun(),
                        how.noun()
                    )
                    .into(),
                    decisions_clause,
                )),
                Admit::Rule(rule, Standing::Refused(why)) => fails.push((
                    format!("{}'s {} is not accepted: {why}", member.id, how.noun()).into(),
                    Some(&rule.clause),
                )),
                Admit::Rule(
                    rule,
                    Standing::Allowed {
                        unchecked: Some(why),
                    },
                ) => {
                    warns.push((format!("{}'s {why}", member.id), Some(&rule.clause)));
                }
            }
        }
        let join = |v: &[(String, Option<&Clause>)]| {
            v.iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        if let Some((_, clause)) = fails.first() {
            let mut message = Message::join(fails.iter().map(|(m, _)| m.clone()), "; ");
            if !warns.is_empty() {
                message = message.then(format!("; also {}", join(&warns)));
            }
            return Finding::new(R, *clause, FindingStatus::Fail, message);
        }
        if let Some((_, clause)) = warns.first() {
            return Finding::warn(R, *clause, join(&warns));
        }
        Finding::new(
            R,
            first_clause,
            FindingStatus::Pass,
            msg![
                plural(count, "organisation", "organisations"),
                " named, each a member on ",
                self.date
            ],
        )
    }
}

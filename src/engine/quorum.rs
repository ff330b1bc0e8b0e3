//! The quorum count, one for `check-meeting` and `tally`: who counts toward the
//! simple rule is [`QuorumRule::counts`], how many are needed is
//! [`QuorumRule::needed`] of the voting membership in post, and the further
//! conditions of a combined quorum are judged here. Each command words its own
//! finding from the result.

use chrono::NaiveDate;

use super::words::and_list;
use crate::model::{Condition, Counting, Member, MemberId, Quorum, QuorumRule, Tor};

/// A member counted as present, with the people it brings (1 for an
/// organisation).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Here<'a> {
    pub member: &'a Member,
    pub people: u32,
}

impl Here<'_> {
    /// The units this attendance counts for: one organisation, or its people.
    pub(crate) fn units(self, counting: Counting) -> u64 {
        match counting {
            Counting::Organisations => 1,
            Counting::People => u64::from(self.people),
        }
    }
}

/// The voting membership in post on `date`, in the units the ToR counts.
pub(crate) fn voting_in_post(tor: &Tor, date: NaiveDate) -> u64 {
    tor.members_on(date)
        .filter(|m| m.voting)
        .map(|m| tor.counts.capacity(m))
        .sum()
}

/// The units of `here` that count toward `rule`.
pub(crate) fn counted(rule: &QuorumRule, here: &[Here], counting: Counting) -> u64 {
    here.iter()
        .filter(|h| rule.counts(h.member))
        .map(|h| h.units(counting))
        .sum()
}

/// The further conditions of `q` that `here` fails, each in words naming what
/// is missing and how many ("needs 1 more from southmere"). Whoever presides
/// is judged only where it is known.
pub(crate) fn shortfalls(
    tor: &Tor,
    q: &Quorum,
    here: &[Here],
    presiding: Option<&MemberId>,
    date: NaiveDate,
) -> Vec<String> {
    let counting = tor.counts;
    let is_here = |id: &MemberId| here.iter().any(|h| &h.member.id == id);
    let unit = match counting {
        Counting::Organisations => "member",
        Counting::People => "person",
    };
    let mut out = Vec::new();
    for c in &q.all {
        match c {
            Condition::Count(rule) => {
                let needed = rule.needed(voting_in_post(tor, date));
                let got = counted(rule, here, counting);
                if got < needed {
                    let of = match rule {
                        QuorumRule::AtLeast { class: Some(c), .. } => format!(" of class `{c}`"),
                        _ => " with a vote".to_owned(),
                    };
                    out.push(format!(
                        "needs {} more{of} (at least {needed}, {got} present)",
                        needed - got
                    ));
                }
            }
            Condition::EachOf { n, from } => {
                for g in from {
                    let got: u64 = here
                        .iter()
                        .filter(|h| g.contains(h.member))
                        .map(|h| h.units(counting))
                        .sum();
                    let n = u64::from(*n);
                    if got < n {
                        let more = n - got;
                        out.push(format!(
                            "needs {more} more from {g} (at least {n} from each, {got} present)"
                        ));
                    }
                }
            }
            Condition::Members { members } => {
                let missing: Vec<&str> = members
                    .iter()
                    .filter(|m| !is_here(m))
                    .map(MemberId::as_str)
                    .collect();
                if !missing.is_empty() {
                    out.push(format!("needs {} present", and_list(&missing)));
                }
            }
            Condition::AnyOf { members } => {
                if !members.iter().any(is_here) {
                    let names: Vec<&str> = members.iter().map(MemberId::as_str).collect();
                    out.push(format!(
                        "needs one of {} present",
                        and_list(&names).replacen(" and ", " or ", 1)
                    ));
                }
            }
            Condition::Presiding => {
                if let Some(p) = presiding.filter(|p| !is_here(p)) {
                    out.push(format!(
                        "needs whoever presides ({p}) among the {unit}s counted"
                    ));
                }
            }
        }
    }
    out
}

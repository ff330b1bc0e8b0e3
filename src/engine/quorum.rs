//! The quorum count, one for `check-meeting` and `tally`: who counts toward the
//! simple rule is [`QuorumRule::counts`], how many are needed is
//! [`QuorumRule::needed`] of the voting membership in post, and the further
//! conditions of a combined quorum are judged here, and the finding worded
//! once: each command only says who is here.

use chrono::NaiveDate;

use super::words::and_list;
use super::{Finding, FindingStatus, Rule};
use crate::model::{
    AdjournedQuorum, Condition, Counting, Member, MemberId, Quorum, QuorumRule, Tor,
};

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

/// How the meeting was held, where the ToR's quorum fallbacks bear on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Held {
    /// The meeting was let continue though inquorate (`--continued`).
    pub continued: bool,
    /// It was reconvened after an adjournment for want of a quorum
    /// (`--adjourned`).
    pub adjourned: bool,
}

/// Who is at a meeting for its quorum, as the command has sorted them: those
/// counted with the units they bring, and the labels it reports.
#[derive(Debug, Default)]
pub(crate) struct Present<'a> {
    pub here: Vec<Here<'a>>,
    /// Labels of those the simple rule counts, in report order.
    pub counted: Vec<String>,
    /// Labels of those present who do not count, each with why.
    pub not_counted: Vec<String>,
}

/// The quorum judged: one judgement for `check-meeting` and `tally`, so the
/// same attendance fails alike, and is worded alike, in both.
#[derive(Debug)]
pub(crate) struct Judgement<'a> {
    pub quorate: bool,
    /// The simple rule, where the quorum has one, with its count and need.
    pub rule: Option<&'a QuorumRule>,
    pub got: u64,
    pub needed: u64,
    /// The voting membership in post (a fraction's base).
    pub in_post: u64,
    pub counting: Counting,
    /// The further conditions not met, each in words.
    pub shortfalls: Vec<String>,
    pub counted: Vec<String>,
    pub not_counted: Vec<String>,
    /// The agenda item the vote was taken on, where the message must name it
    /// (a `tally` finding has no item field).
    pub item: Option<&'a str>,
}

/// Judges `q` for those `present`, on `date`, with `presiding` (where known)
/// for a condition that needs whoever presides.
pub(crate) fn judge<'a>(
    tor: &Tor,
    q: &'a Quorum,
    present: Present,
    presiding: Option<&MemberId>,
    date: NaiveDate,
    item: Option<&'a str>,
) -> Judgement<'a> {
    let counting = tor.counts;
    let in_post = voting_in_post(tor, date);
    let shortfalls = shortfalls(tor, q, &present.here, presiding, date);
    let (got, needed) = q.rule.as_ref().map_or((0, 0), |rule| {
        (counted(rule, &present.here, counting), rule.needed(in_post))
    });
    Judgement {
        quorate: got >= needed && shortfalls.is_empty(),
        rule: q.rule.as_ref(),
        got,
        needed,
        in_post,
        counting,
        shortfalls,
        counted: present.counted,
        not_counted: present.not_counted,
        item,
    }
}

impl Judgement<'_> {
    /// The one wording of the verdict: "not quorate: 3 voting members present
    /// (…), at least 5 needed; needs …; not counted: …".
    pub(crate) fn message(&self) -> String {
        let verdict = if self.quorate {
            "quorate"
        } else {
            "not quorate"
        };
        let verdict = match self.item {
            Some(item) => format!("{verdict} at item `{item}`"),
            None => verdict.to_owned(),
        };
        let mut message = if let Some(rule) = self.rule {
            let what = match rule {
                QuorumRule::AtLeast { class: Some(c), .. } => format!("{c} members"),
                QuorumRule::AtLeast { class: None, .. } => "voting members".to_owned(),
                QuorumRule::Fraction {
                    numerator,
                    denominator,
                    ..
                } => format!(
                    "voting members ({numerator}/{denominator} of {} in post)",
                    self.in_post
                ),
            };
            let what = match self.counting {
                Counting::People => what.replacen("members", "people", 1),
                Counting::Organisations => what,
            };
            let names = if self.counted.is_empty() {
                String::new()
            } else {
                format!(" ({})", self.counted.join(", "))
            };
            format!(
                "{verdict}: {} {what} present{names}, at least {} needed",
                self.got, self.needed
            )
        } else {
            let names = if self.counted.is_empty() {
                "none".to_owned()
            } else {
                self.counted.join(", ")
            };
            format!("{verdict}: present {names}")
        };
        for s in &self.shortfalls {
            message.push_str(&format!("; {s}"));
        }
        if !self.not_counted.is_empty() {
            message.push_str(&format!("; not counted: {}", self.not_counted.join("; ")));
        }
        message
    }

    /// The finding: `pass` where quorate, else `fail`, unless the meeting was
    /// held under one of the ToR's fallbacks. Then the fallback's clause
    /// decides: a reconvened adjourned meeting is quorate with those present,
    /// and a continued one is a `warn` that its decisions need ratifying. A
    /// fallback the ToR lacks changes nothing, and the message says so.
    pub(crate) fn finding(&self, q: &Quorum, held: Held) -> Finding {
        let mut message = self.message();
        if self.quorate {
            return Finding::new(Rule::Quorum, Some(&q.clause), FindingStatus::Pass, message);
        }
        if held.adjourned {
            if let Some(a) = &q.fallback.adjourned {
                let AdjournedQuorum::ThosePresent = a.quorum;
                let message = format!(
                    "quorate with those present, as a reconvened adjourned meeting ({}); \
                     otherwise {message}",
                    a.clause
                );
                return Finding::new(Rule::Quorum, Some(&a.clause), FindingStatus::Pass, message);
            }
            message.push_str(
                "; the ToR does not make a reconvened adjourned meeting quorate with those \
                 present, so the adjournment changes nothing",
            );
        }
        if held.continued {
            if let Some(c) = &q.fallback.continued {
                message.push_str(&format!(
                    "; continued inquorate at the discretion of {} ({}): its decisions must be \
                     ratified at {}",
                    c.by.who(),
                    c.clause,
                    c.ratify.at()
                ));
                return Finding::new(Rule::Quorum, Some(&c.clause), FindingStatus::Warn, message);
            }
            message.push_str("; the ToR does not allow an inquorate meeting to continue");
        }
        Finding::new(Rule::Quorum, Some(&q.clause), FindingStatus::Fail, message)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClassId;

    fn judgement(rule: Option<&QuorumRule>, got: u64, needed: u64) -> Judgement<'_> {
        Judgement {
            quorate: got >= needed,
            rule,
            got,
            needed,
            in_post: 12,
            counting: Counting::Organisations,
            shortfalls: Vec::new(),
            counted: vec!["a".to_owned(), "b (substitute)".to_owned()],
            not_counted: Vec::new(),
            item: None,
        }
    }

    #[test]
    fn a_class_count_is_worded_by_its_class() {
        let rule = QuorumRule::AtLeast {
            n: 3,
            class: Some(ClassId::parse("responsible-authority").expect("a class")),
        };
        assert_eq!(
            judgement(Some(&rule), 2, 3).message(),
            "not quorate: 2 responsible-authority members present (a, b (substitute)), at least 3 needed"
        );
    }

    #[test]
    fn people_are_counted_as_people_and_a_fraction_names_its_base() {
        let rule = QuorumRule::Fraction {
            numerator: 1,
            denominator: 3,
            rounding: crate::model::Rounding::Up,
        };
        let mut j = judgement(Some(&rule), 4, 4);
        j.counting = Counting::People;
        assert_eq!(
            j.message(),
            "quorate: 4 voting people (1/3 of 12 in post) present (a, b (substitute)), at least 4 needed"
        );
    }

    #[test]
    fn shortfalls_the_uncounted_and_the_item_are_all_said() {
        let rule = QuorumRule::AtLeast { n: 5, class: None };
        let mut j = judgement(Some(&rule), 5, 5);
        j.quorate = false;
        j.counted.clear();
        j.shortfalls = vec!["needs council present".to_owned()];
        j.not_counted = vec!["c: no vote".to_owned(), "d: left".to_owned()];
        j.item = Some("Budget");
        assert_eq!(
            j.message(),
            "not quorate at item `Budget`: 5 voting members present, at least 5 needed; \
             needs council present; not counted: c: no vote; d: left"
        );
    }

    fn quorum(continued: bool, adjourned: bool) -> Quorum {
        use crate::model::{Adjourned, Clause, Continuation, Discretion, QuorumFallback, Ratify};
        Quorum {
            clause: Clause("3.1".to_owned()),
            rule: None,
            all: Vec::new(),
            fallback: QuorumFallback {
                continued: continued.then(|| Continuation {
                    clause: Clause("3.2".to_owned()),
                    by: Discretion::Chair,
                    ratify: Ratify::NextQuorateMeeting,
                }),
                adjourned: adjourned.then(|| Adjourned {
                    clause: Clause("3.3".to_owned()),
                    quorum: AdjournedQuorum::ThosePresent,
                }),
            },
        }
    }

    fn held(continued: bool, adjourned: bool) -> Held {
        Held {
            continued,
            adjourned,
        }
    }

    fn verdict(f: &Finding) -> (FindingStatus, String) {
        (
            f.status,
            f.clause
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        )
    }

    #[test]
    fn a_continued_inquorate_meeting_warns_under_the_fallbacks_clause() {
        let mut j = judgement(None, 0, 0);
        j.quorate = false;
        let f = j.finding(&quorum(true, false), held(true, false));
        assert_eq!(verdict(&f), (FindingStatus::Warn, "3.2".to_owned()));
        assert!(
            f.message.to_string().ends_with(
                "; continued inquorate at the discretion of the chair (3.2): its decisions \
                 must be ratified at the next quorate meeting"
            ),
            "{}",
            f.message
        );
        // Without the fallback, continuing changes only the message.
        let f = j.finding(&quorum(false, true), held(true, false));
        assert_eq!(verdict(&f), (FindingStatus::Fail, "3.1".to_owned()));
        assert!(
            f.message
                .to_string()
                .ends_with("does not allow an inquorate meeting to continue")
        );
    }

    #[test]
    fn an_adjourned_meeting_is_quorate_with_those_present_only_where_the_tor_says_so() {
        let mut j = judgement(None, 0, 0);
        j.quorate = false;
        let f = j.finding(&quorum(true, true), held(true, true));
        assert_eq!(verdict(&f), (FindingStatus::Pass, "3.3".to_owned()));
        assert!(
            f.message
                .to_string()
                .starts_with("quorate with those present")
        );
        // No adjourned fallback: the continued one still applies.
        let f = j.finding(&quorum(true, false), held(true, true));
        assert_eq!(verdict(&f), (FindingStatus::Warn, "3.2".to_owned()));
    }

    #[test]
    fn a_quorate_meeting_passes_whatever_the_flags() {
        let j = judgement(None, 0, 0);
        for (c, a) in [(false, false), (true, false), (false, true), (true, true)] {
            let f = j.finding(&quorum(true, true), held(c, a));
            assert_eq!(verdict(&f), (FindingStatus::Pass, "3.1".to_owned()));
            assert_eq!(f.message.to_string(), j.message());
        }
    }

    #[test]
    fn a_combination_alone_lists_who_is_present() {
        let mut j = judgement(None, 0, 0);
        assert_eq!(j.message(), "quorate: present a, b (substitute)");
        j.counted.clear();
        j.quorate = false;
        assert_eq!(j.message(), "not quorate: present none");
    }
}

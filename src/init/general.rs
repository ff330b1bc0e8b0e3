//! The general shapes `tor init` writes beyond the simple rules: seats, what is
//! counted, a compound quorum, the chair's vice-chair, fallbacks, class, term and
//! alternation, remote attendance, and how decisions are made. Checked against the
//! members before anything is written, so each refusal names the answer at fault.

use chrono::NaiveDate;
use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, value};

use super::member::{MemberAnswer, Stated, classes};
use super::shapes::{
    AlternationAnswer, BaseAnswer, ConditionAnswer, CountsAnswer, EscalationAnswer, FallbackAnswer,
    MethodAnswer, RemoteAnswer, SeatsAnswer, ShareAnswer, SubstitutesAnswer, TermAnswer,
    WrittenAnswer,
};
use super::{ChairAnswer, InitError};
use crate::model::{
    AdjournedQuorum, ClassId, Condition, Counting, Discretion, Group, Keyword, Member, MemberId,
    Ratify,
};

/// The chair's keys beyond its appointment.
#[derive(Debug, Clone, Default)]
pub struct ChairExtra {
    pub vice_chair: Option<MemberId>,
    pub fallbacks: Vec<FallbackAnswer>,
    pub class: Option<ClassId>,
    pub term: Option<TermAnswer>,
    pub alternation: Option<(AlternationAnswer, NaiveDate)>,
}

/// How decisions are made, beyond the method.
#[derive(Debug, Clone, Default)]
pub struct DecisionAnswer {
    /// `None`: the ToR states no method (the outcome of a vote is assumed).
    pub method: Option<MethodAnswer>,
    pub base: Option<BaseAnswer>,
    pub share: Option<ShareAnswer>,
    pub escalate: Vec<EscalationAnswer>,
    /// `Some(false)`: the ToR says there is none; `None`: it is silent.
    pub casting_vote: Option<bool>,
}

impl DecisionAnswer {
    pub fn method(method: MethodAnswer) -> Self {
        Self {
            method: Some(method),
            ..Self::default()
        }
    }
}

/// Everything beyond the simple answers.
#[derive(Debug, Clone, Default)]
pub struct General {
    pub seats: Vec<SeatsAnswer>,
    /// `None` with seats given: people, since seats count nothing otherwise.
    pub counts: Option<CountsAnswer>,
    /// `[[quorum.all]]`, under the quorum's clause.
    pub quorum_all: Vec<ConditionAnswer>,
    pub chair: ChairExtra,
    pub remote: Option<Stated<RemoteAnswer>>,
    pub substitutes: Option<Stated<SubstitutesAnswer>>,
    pub written: Option<Stated<WrittenAnswer>>,
    /// `[quorum.fallback]`: the clauses letting the chair continue an inquorate
    /// meeting, and making a reconvened adjourned one quorate with those present.
    pub quorum_fallback: FallbackClauses,
}

/// The clauses of the quorum's fallbacks, where the ToR states them.
#[derive(Debug, Clone, Default)]
pub struct FallbackClauses {
    pub continued: Option<String>,
    pub adjourned: Option<String>,
}

impl General {
    /// What quorum and votes count, where it must be written.
    pub fn counts(&self) -> Option<CountsAnswer> {
        self.counts
            .or_else(|| (!self.seats.is_empty()).then_some(CountsAnswer::People))
    }

    pub(super) fn seats_of(&self, member: &MemberId) -> u32 {
        self.seats
            .iter()
            .find(|s| &s.member == member)
            .map_or(1, |s| s.seats)
    }

    /// Every id named is a member or class given, and no condition asks for more
    /// than the members could ever bring.
    pub(super) fn check(
        &self,
        members: &[MemberAnswer],
        chair: Option<&ChairAnswer>,
        decision: Option<&DecisionAnswer>,
    ) -> Result<(), InitError> {
        let member = |id: &MemberId, role: &'static str| {
            if members.iter().any(|m| &m.id == id) {
                Ok(())
            } else {
                Err(InitError::UnknownMember {
                    id: id.as_str().to_owned(),
                    role,
                })
            }
        };
        let class = |id: &ClassId, role: &'static str| {
            if members.iter().any(|m| &m.class == id) {
                Ok(())
            } else {
                Err(InitError::UnknownClass {
                    class: id.clone(),
                    role,
                    known: classes(members),
                })
            }
        };
        let mut seen = Vec::new();
        for s in &self.seats {
            member(&s.member, "--seats")?;
            if seen.contains(&&s.member) {
                return Err(InitError::DuplicateMember(s.member.clone()));
            }
            seen.push(&s.member);
        }
        for c in &self.quorum_all {
            self.check_condition(c, members, &member)?;
        }
        let x = &self.chair;
        if let Some(v) = &x.vice_chair {
            member(v, "--vice-chair")?;
            if matches!(chair, Some(ChairAnswer::Named(Some(m))) if m == v) {
                return Err(InitError::Shape {
                    what: "vice-chair",
                    input: v.as_str().to_owned(),
                    reason: "it is the member that provides the chair".to_owned(),
                });
            }
        }
        if let Some(c) = &x.class {
            class(c, "--chair-class")?;
            if let Some(ChairAnswer::Named(Some(m))) = chair
                && members.iter().any(|a| &a.id == m && &a.class != c)
            {
                return Err(InitError::Shape {
                    what: "chair class",
                    input: c.as_str().to_owned(),
                    reason: format!("the chair's member `{m}` is not of it"),
                });
            }
        }
        if let Some((AlternationAnswer(list), _)) = &x.alternation {
            for m in list {
                member(m, "--chair-alternation")?;
            }
            if matches!(chair, Some(ChairAnswer::Named(Some(_)))) {
                return Err(InitError::Shape {
                    what: "chair alternation",
                    input: list.iter().map(MemberId::as_str).collect::<Vec<_>>().join(","),
                    reason: "a chair that alternates among members is not named:MEMBER; write --chair named".to_owned(),
                });
            }
        }
        if let Some(subs) = &self.substitutes {
            for m in &subs.rule.senders {
                member(m, "--substitutes")?;
            }
        }
        if let Some(d) = decision {
            if let Some(BaseAnswer::Class(c)) = &d.base {
                class(c, "--majority-of")?;
            }
            for e in &d.escalate {
                if let Some(c) = &e.among {
                    class(c, "--escalate")?;
                }
            }
        }
        Ok(())
    }

    fn check_condition(
        &self,
        c: &ConditionAnswer,
        members: &[MemberAnswer],
        member: &impl Fn(&MemberId, &'static str) -> Result<(), InitError>,
    ) -> Result<(), InitError> {
        match c {
            ConditionAnswer::All(list) | ConditionAnswer::AnyOf(list) => {
                list.iter().try_for_each(|m| member(m, "--quorum-also"))
            }
            ConditionAnswer::Presiding => Ok(()),
            ConditionAnswer::Each { n, from } => {
                let people = self.counts() == Some(CountsAnswer::People);
                let counting = if people {
                    Counting::People
                } else {
                    Counting::Organisations
                };
                let as_members: Vec<Member> = members
                    .iter()
                    .map(|m| m.as_member(self.seats_of(&m.id)))
                    .collect();
                for id in from {
                    // As the loader reads the file written: a member, else a class.
                    let group = members
                        .iter()
                        .find(|m| m.id.as_str() == id)
                        .map(|m| Group::Member(m.id.clone()))
                        .or_else(|| {
                            members
                                .iter()
                                .find(|m| m.class.as_str() == id)
                                .map(|m| Group::Class(m.class.clone()))
                        });
                    let Some(group) = group else {
                        return Err(InitError::Shape {
                            what: "quorum condition",
                            input: c.to_string(),
                            reason: format!("`{id}` is neither a member nor a class given"),
                        });
                    };
                    let each = Condition::EachOf {
                        n: *n,
                        from: vec![group],
                    };
                    if let Some(u) = each.unreachable(as_members.iter(), counting) {
                        let available = u.available;
                        return Err(InitError::Shape {
                            what: "quorum condition",
                            input: c.to_string(),
                            reason: format!(
                                "`{id}` can bring at most {available} {}, never {n}",
                                match (people, available) {
                                    (true, 1) => "person",
                                    (true, _) => "people",
                                    (false, 1) => "organisation",
                                    (false, _) => "organisations",
                                }
                            ),
                        });
                    }
                }
                Ok(())
            }
        }
    }

    /// `[quorum.fallback]`, where a fallback is stated: the chair's discretion
    /// to continue (ratified at the next quorate meeting), and the adjourned
    /// meeting quorate with those present.
    pub(super) fn quorum_fallback(&self) -> Option<Table> {
        let f = &self.quorum_fallback;
        if f.continued.is_none() && f.adjourned.is_none() {
            return None;
        }
        let mut out = Table::new();
        out.set_implicit(true);
        if let Some(clause) = &f.continued {
            let mut t = Table::new();
            t.insert("clause", value(clause.as_str()));
            t.insert("by", value(Discretion::Chair.as_str()));
            t.insert("ratify", value(Ratify::NextQuorateMeeting.as_str()));
            out.insert("continue", Item::Table(t));
        }
        if let Some(clause) = &f.adjourned {
            let mut t = Table::new();
            t.insert("clause", value(clause.as_str()));
            t.insert("quorum", value(AdjournedQuorum::ThosePresent.as_str()));
            out.insert("adjourned", Item::Table(t));
        }
        Some(out)
    }

    /// `[[quorum.all]]` entries, one per condition.
    pub(super) fn quorum_all(&self) -> Option<ArrayOfTables> {
        if self.quorum_all.is_empty() {
            return None;
        }
        let mut out = ArrayOfTables::new();
        for c in &self.quorum_all {
            let mut t = Table::new();
            match c {
                ConditionAnswer::Each { n, from } => {
                    t.insert("at_least_each", value(i64::from(*n)));
                    t.insert("from", value(strings(from.iter().map(String::as_str))));
                }
                ConditionAnswer::All(list) => {
                    t.insert("members", value(strings(list.iter().map(MemberId::as_str))));
                }
                ConditionAnswer::AnyOf(list) => {
                    t.insert("any_of", value(strings(list.iter().map(MemberId::as_str))));
                }
                ConditionAnswer::Presiding => {
                    t.insert("presiding", value(true));
                }
            }
            out.push(t);
        }
        Some(out)
    }

    /// The chair's keys beyond its appointment, each extra rule under `clause`.
    pub(super) fn fill_chair(&self, t: &mut Table, clause: &str) {
        let x = &self.chair;
        // A vice-chair, or a fallback to one, is the ToR's deputy.
        if x.vice_chair.is_some() || x.fallbacks.contains(&FallbackAnswer::ViceChair) {
            t.insert("deputy", value(clause_table(clause)));
        }
        if let Some(v) = &x.vice_chair {
            t.insert("vice_chair", value(v.as_str()));
        }
        if !x.fallbacks.is_empty() {
            t.insert(
                "fallbacks",
                value(strings(x.fallbacks.iter().map(|f| f.as_str()))),
            );
        }
        if let Some(c) = &x.class {
            t.insert("class", value(c.as_str()));
        }
        if let Some((AlternationAnswer(list), starts)) = &x.alternation {
            let mut a = clause_table(clause);
            a.insert("members", strings(list.iter().map(MemberId::as_str)).into());
            a.insert("starts", toml_date(*starts).into());
            t.insert("alternation", value(a));
        }
        if let Some(term) = &x.term {
            let mut a = clause_table(clause);
            a.insert("years", i64::from(term.years).into());
            if let Some(m) = term.max_consecutive {
                a.insert("max_consecutive", i64::from(m).into());
            }
            t.insert("term", value(a));
        }
    }

    /// The keys of `[attendance.remote]`.
    pub(super) fn fill_remote(remote: RemoteAnswer, t: &mut Table) {
        let (counts, votes) = match remote {
            RemoteAnswer::SpeakOnly => (false, false),
            RemoteAnswer::Counts => (true, false),
            RemoteAnswer::CountsAndVotes => (true, true),
        };
        t.insert("counts_for_quorum", value(counts));
        t.insert("votes", value(votes));
    }

    /// The keys of `[attendance.substitutes]`.
    pub(super) fn fill_substitutes(subs: &SubstitutesAnswer, t: &mut Table) {
        if !subs.senders.is_empty() {
            t.insert(
                "members",
                value(strings(subs.senders.iter().map(MemberId::as_str))),
            );
        }
        Self::fill_remote(subs.may, t);
        if subs.one_per_absent_member {
            t.insert("one_per_absent_member", value(true));
        }
        if let Some(h) = subs.notice_hours {
            t.insert("notice_hours", value(i64::from(h)));
        }
    }

    /// The keys of `[decisions.written]`.
    pub(super) fn fill_written(w: WrittenAnswer, t: &mut Table) {
        t.insert("working_days", value(i64::from(w.working_days)));
        t.insert("fraction", value(w.share.fraction.to_string()));
        t.insert("comparison", value(w.share.comparison.as_str()));
    }
}

impl DecisionAnswer {
    /// The keys of `[decisions]` after `clause`.
    pub(super) fn fill(&self, t: &mut Table, clause: &str) {
        if let Some(m) = self.method {
            t.insert("method", value(m.as_str()));
        }
        if let Some(b) = &self.base {
            t.insert("base", value(b.to_string()));
        }
        if let Some(s) = &self.share {
            t.insert("fraction", value(s.fraction.to_string()));
            t.insert("comparison", value(s.comparison.as_str()));
        }
        if let Some(c) = self.casting_vote {
            t.insert("casting_vote", value(c));
        }
        if !self.escalate.is_empty() {
            let mut steps = Array::new();
            for e in &self.escalate {
                let mut s = clause_table(clause);
                s.insert("method", e.method.as_str().into());
                if let Some(c) = &e.among {
                    s.insert("among", c.as_str().into());
                }
                steps.push(s);
            }
            t.insert("then", Item::Value(steps.into()));
        }
    }
}

fn strings<'a>(items: impl Iterator<Item = &'a str>) -> Array {
    items.collect()
}

fn clause_table(clause: &str) -> InlineTable {
    let mut t = InlineTable::new();
    t.insert("clause", clause.into());
    t
}

/// A date as a TOML date value (not a string).
pub(super) fn toml_date(d: chrono::NaiveDate) -> toml_edit::Datetime {
    use chrono::Datelike;
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or_default(),
            month: u8::try_from(d.month()).unwrap_or_default(),
            day: u8::try_from(d.day()).unwrap_or_default(),
        }),
        time: None,
        offset: None,
    }
}

//! Dated amendments: each one checked as the rule tables it carries, then as a
//! version of the ToR (in date order, not before adoption, removing only what is
//! in force, naming only members on its date, one change per rule and day).

use std::collections::BTreeMap;

use super::*;
use crate::diag::Code;
use crate::engine::record::tenure;

impl Checker<'_> {
    /// The amendments in date order, each with the rules in force from its date.
    /// `base` is the ToR as adopted.
    pub(super) fn amendments(&mut self, raw: &[S<RawAmendment>], base: &Tor) -> Vec<Amendment> {
        let mut previous = RuleState::of(base);
        let mut out: Vec<Amendment> = Vec::new();
        // The rules each day's amendments changed, to catch two changing one rule.
        let mut by_day: BTreeMap<NaiveDate, Vec<RuleFamily>> = BTreeMap::new();
        for entry in raw {
            let a = entry.get_ref();
            let Some(from) = self.date(&a.from) else {
                continue;
            };
            if let Some(last) = out.last().map(|l| l.from)
                && from < last
            {
                self.error(
                    Code::AmendmentOrder,
                    format!("this amendment (from {from}) is written after one from {last}"),
                    a.from.span(),
                )
                .help = Some("write the amendments oldest first".into());
            }
            if let Some(adopted) = base.adopted.filter(|d| from <= *d) {
                self.error(
                    Code::AmendmentOrder,
                    format!(
                        "an amendment from {from} is not after the ToR's adoption on {adopted}"
                    ),
                    a.from.span(),
                );
            }
            let mut state = previous.clone();
            let given = self.amended_rules(a, base, &mut state);
            let mut changes: Vec<Change> = given
                .iter()
                .map(|&rule| Change {
                    rule,
                    change: if previous.has(rule) {
                        ChangeKind::Replaced
                    } else {
                        ChangeKind::Added
                    },
                })
                .collect();
            for r in &a.remove {
                let Some(rule) = self.keyword_of::<RuleFamily>("rule", r) else {
                    continue;
                };
                if given.contains(&rule) {
                    self.error(
                        Code::ConflictingKeys,
                        format!("`{rule}` is both given and removed by this amendment"),
                        r.span(),
                    );
                } else if !previous.has(rule) {
                    self.error(
                        Code::NotInForce,
                        format!("`{rule}` is not in force on {from}, so it cannot be removed then"),
                        r.span(),
                    );
                } else {
                    state.remove(rule);
                    changes.push(Change {
                        rule,
                        change: ChangeKind::Removed,
                    });
                }
            }
            if changes.is_empty() && a.remove.is_empty() {
                self.error(
                    Code::MissingKey,
                    format!("the amendment from {from} changes no rule"),
                    header(entry.span()),
                )
                .help = Some(
                    "give the rule tables it replaces or adds (e.g. [amendments.quorum]) or `remove`"
                        .into(),
                );
            }
            changes.sort_by_key(|c| c.rule);
            let day = by_day.entry(from).or_default();
            for c in &changes {
                if day.contains(&c.rule) {
                    self.error(
                        Code::AmendmentOverlap,
                        format!("`{}` is changed twice on {from}", c.rule),
                        a.from.span(),
                    )
                    .help = Some("make it one amendment, or date them apart".into());
                }
                day.push(c.rule);
            }
            self.members_on(&state, base, from, a);
            out.push(Amendment {
                from,
                clause: clause(&a.clause),
                minute: a.minute.clone(),
                note: a.note.clone(),
                changes,
                state: state.clone(),
            });
            previous = state;
        }
        out
    }

    /// Checks the rule tables `a` gives and writes them into `state`; gives the
    /// rules it carries (checked or not, so a bad table is not also "no change").
    fn amended_rules(
        &mut self,
        a: &RawAmendment,
        base: &Tor,
        state: &mut RuleState,
    ) -> Vec<RuleFamily> {
        let (classes, members) = (&base.classes, &base.members);
        let mut given = Vec::new();
        if let Some(c) = &a.chair {
            given.push(RuleFamily::Chair);
            state.chair = self.chair(c, classes, members);
        }
        if let Some(q) = &a.quorum {
            given.push(RuleFamily::Quorum);
            state.quorum = self.quorum(q, classes, members, base.counts);
        }
        if let Some(n) = &a.notice {
            let checked = self.notices(n);
            let parts = [
                (n.agenda.is_some(), RuleFamily::AgendaNotice, checked.agenda),
                (
                    n.extraordinary.is_some(),
                    RuleFamily::ExtraordinaryNotice,
                    checked.extraordinary,
                ),
                (
                    n.minutes.is_some(),
                    RuleFamily::MinutesNotice,
                    checked.minutes,
                ),
            ];
            for (written, rule, value) in parts {
                if written {
                    given.push(rule);
                    match rule {
                        RuleFamily::AgendaNotice => state.notice.agenda = value,
                        RuleFamily::ExtraordinaryNotice => state.notice.extraordinary = value,
                        _ => state.notice.minutes = value,
                    }
                }
            }
        }
        if let Some(f) = &a.frequency {
            given.push(RuleFamily::Frequency);
            state.frequency = self.frequency(f);
        }
        if let Some(p) = &a.public {
            let checked = self.public(p, classes);
            if p.access.is_some() {
                given.push(RuleFamily::PublicAccess);
                state.public.access = checked.access;
            }
            if p.meetings.is_some() {
                given.push(RuleFamily::PublicMeetings);
                state.public.meetings = checked.meetings;
            }
        }
        if let Some(d) = &a.decisions {
            given.push(RuleFamily::Decisions);
            state.decisions = self.decisions(d, classes, members, state.chair.as_ref());
        }
        if let Some(s) = &a.standing_items {
            given.push(RuleFamily::StandingItems);
            state.standing_items = Some(self.standing_items(s));
        }
        if let Some(r) = &a.review {
            given.push(RuleFamily::Review);
            state.review = Some(self.review(r));
        }
        given
    }

    /// A member a version names (the chair's or vice-chair's provider, a member
    /// the quorum requires) must be a member on the version's first day: valid
    /// as adopted is not valid once it has left.
    fn members_on(&mut self, state: &RuleState, base: &Tor, from: NaiveDate, a: &RawAmendment) {
        let mut named: Vec<(&MemberId, &str)> = Vec::new();
        if let Some(chair) = &state.chair {
            named.extend(chair.member.iter().map(|m| (m, "the chair is provided by")));
            named.extend(
                chair
                    .vice_chair
                    .iter()
                    .map(|m| (m, "the vice-chair is provided by")),
            );
        }
        for condition in state.quorum.iter().flat_map(|q| &q.all) {
            match condition {
                Condition::Members { members } | Condition::AnyOf { members } => {
                    named.extend(members.iter().map(|m| (m, "the quorum names")));
                }
                Condition::EachOf { from: groups, .. } => {
                    named.extend(groups.iter().filter_map(|g| match g {
                        Group::Member(m) => Some((m, "the quorum names")),
                        Group::Class(_) => None,
                    }));
                }
                Condition::Count(_) | Condition::Presiding => {}
            }
        }
        let mut reported = HashSet::new();
        for (id, role) in named {
            let Some(member) = base.members.iter().find(|m| &m.id == id) else {
                continue;
            };
            if !member.holds_on(from) && reported.insert(id) {
                self.error(
                    Code::NotInForce,
                    format!(
                        "from {from} {role} `{id}`, which is not a member on that date ({})",
                        tenure(member)
                    ),
                    a.from.span(),
                );
            }
        }
    }
}

/// The first line of a table's span, e.g. `[[amendments]]`.
fn header(span: Range<usize>) -> Range<usize> {
    span.start..span.end.min(span.start + "[[amendments]]".len())
}

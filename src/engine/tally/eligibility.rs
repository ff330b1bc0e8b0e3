//! Who may vote: membership on the day, the voting right, and stand-ins.

use super::{Choice, ProxyVote, Tally, Vote, a_kinds, member_clause};
use crate::engine::Rule;
use crate::engine::{Finding, FindingStatus, abolished_membership};
use crate::model::{Capacity, Clause, Keyword, Member, Notified, StandInNotice, Standing};

impl<'a> Tally<'a> {
    /// One member's vote and attendance: membership on the day, voting right,
    /// stand-in, proxy. The first problem leaves the vote out.
    pub(super) fn ballot(&mut self, m: &'a Member) {
        let input = self.input;
        let (id, date) = (&m.id, input.date);
        let in_person = input.in_person(id);
        let proxy = input.proxies.get(id);
        let attends = input.attends(id);
        if !attends && proxy.is_none() {
            return;
        }
        // The input never holds both: voting in person and by proxy is refused.
        let mut counted: Vec<(Choice, u32)> = if in_person.is_empty() {
            proxy.map(|p| (p.vote, 1)).into_iter().collect()
        } else {
            in_person.clone()
        };
        if let (Some(title), Some(&away)) = (&input.item, input.away.get(id)) {
            self.away(m, title, away, &in_person);
            return;
        }

        if !m.holds_on(date) {
            self.not_a_member(m, counted);
            return;
        }
        self.voting_right(m, &mut counted);
        let mut by = if in_person.is_empty() {
            Capacity::Proxy
        } else {
            Capacity::Member
        };
        let mut at_meeting = attends;
        let stand_in = self
            .capacity
            .get(id)
            .copied()
            .filter(|c| *c != Capacity::Member);
        if attends && let Some(kind) = stand_in {
            by = kind;
            at_meeting = self.stand_in_admitted(m, kind, &mut counted);
        }
        if at_meeting {
            self.present.push(m);
            self.remote_votes(m, &mut counted);
        }

        if let Some(proxy) = proxy {
            self.proxy_vote(m, proxy, attends, &mut counted);
        }

        for (vote, people) in counted {
            self.votes.push(Vote {
                org: id.clone(),
                vote,
                by,
                people,
            });
        }
    }

    /// A vote or attendance of a member whose membership does not hold on the
    /// day: left out, with why (and what replaced an abolished body).
    fn not_a_member(&mut self, m: &'a Member, counted: Vec<(Choice, u32)>) {
        let (id, date) = (&m.id, self.input.date);
        let why = match (m.from, m.until) {
            (Some(from), _) if date < from => format!("its membership begins on {from}"),
            (_, Some(until)) => format!("its membership ended on {until}"),
            _ => "its membership does not hold".to_owned(),
        };
        let clause = member_clause(self.tor, m);
        if let Some(why) = abolished_membership(self.tor, m, date) {
            let (status, then) = if counted.is_empty() {
                (FindingStatus::Warn, "not counted as present")
            } else {
                (FindingStatus::Fail, "its vote is left out")
            };
            for vote in counted {
                self.exclude(m, vote, why.to_string());
            }
            let message = why.then(format!("; {then}"));
            self.eligibility
                .push(Finding::new(Rule::Eligibility, clause, status, message));
            return;
        }
        if counted.is_empty() {
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Warn,
                format!("`{id}` is not a member on {date} ({why}): not counted as present"),
            ));
        } else {
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Fail,
                format!("`{id}` is not a member on {date} ({why}): its vote is left out"),
            ));
            for vote in counted {
                self.exclude(m, vote, format!("not a member on {date}: {why}"));
            }
        }
    }

    /// A member without a voting right: its vote is left out.
    fn voting_right(&mut self, m: &Member, counted: &mut Vec<(Choice, u32)>) {
        let id = &m.id;
        if !counted.is_empty() && !m.voting {
            let class = self
                .tor
                .class(&m.class)
                .map_or(m.class.as_str(), |c| c.name.as_str());
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                member_clause(self.tor, m),
                FindingStatus::Fail,
                format!("`{id}` ({class}) has no vote: its vote is left out"),
            ));
            for vote in counted.drain(..) {
                self.exclude(m, vote, format!("has no vote ({class})"));
            }
        }
    }

    /// Whether the ToR admits `m`'s stand-in of this kind to the meeting; if
    /// not, the member is not present and its vote is left out.
    fn stand_in_admitted(
        &mut self,
        m: &Member,
        kind: Capacity,
        counted: &mut Vec<(Choice, u32)>,
    ) -> bool {
        let id = &m.id;
        let Err((clause, why)) = self.stand_in(m, kind) else {
            return true;
        };
        if counted.is_empty() {
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Warn,
                format!(
                    "`{id}` was represented by a {} but {why}: not counted as present",
                    kind.as_str()
                ),
            ));
        } else {
            self.eligibility.push(Finding::new(
                Rule::Eligibility,
                clause,
                FindingStatus::Fail,
                format!(
                    "`{id}` was represented by a {} but {why}: its vote is left out",
                    kind.as_str()
                ),
            ));
            for vote in counted.drain(..) {
                self.exclude(m, vote, format!("cast by a {}: {why}", kind.as_str()));
            }
        }
        false
    }

    /// An absent member's proxy vote: counted where the ToR allows it (and
    /// present for the quorum where it says so), else left out.
    fn proxy_vote(
        &mut self,
        m: &'a Member,
        proxy: &ProxyVote,
        attends: bool,
        counted: &mut Vec<(Choice, u32)>,
    ) {
        let id = &m.id;
        let Some(&(vote, _)) = counted.first() else {
            return;
        };
        match self.proxy_allowed(id, proxy, attends, true) {
            Err((clause, why)) => {
                self.proxy.push(Finding::new(
                    Rule::Proxy,
                    clause,
                    FindingStatus::Fail,
                    format!("`{id}` voted {vote} by proxy, but {why}: the vote is left out"),
                ));
                for vote in counted.drain(..) {
                    self.exclude(m, vote, format!("proxy vote not allowed: {why}"));
                }
            }
            Ok(rule) => {
                let held = proxy
                    .holder
                    .as_ref()
                    .map(|h| format!(" held by `{h}`"))
                    .unwrap_or_default();
                let quorum = if rule.counts_for_quorum {
                    self.by_proxy.push(m);
                    "and present for the quorum"
                } else {
                    "but not present for the quorum"
                };
                self.proxy.push(Finding::pass(
                    Rule::Proxy,
                    &rule.kinds.clause,
                    format!(
                        "`{id}` was absent and voted {vote} by proxy{held} on {} decision: counted, {quorum}",
                        a_kinds(&self.input.kinds)
                    ),
                ));
            }
        }
    }

    /// Whether the ToR lets this kind of stand-in hold the member's vote; a
    /// finding on the notice where the ToR asks for it.
    pub(super) fn stand_in(
        &mut self,
        m: &Member,
        kind: Capacity,
    ) -> Result<(), (Option<&'a Clause>, String)> {
        let Some(rule) = self.tor.stand_ins(kind) else {
            return Err((
                self.decisions.map(|d| &d.clause),
                format!("the ToR makes no provision for {}s", kind.as_str()),
            ));
        };
        if !rule.holds_vote {
            return Err((
                Some(&rule.clause),
                format!("a {} does not hold the member's vote", kind.as_str()),
            ));
        }
        let id = &m.id;
        let notified = if self.notified.contains(id) {
            Notified::Yes
        } else {
            Notified::No
        };
        let unchecked = match rule.judge(kind, m, self.input.date, None, notified, None) {
            Standing::Refused(why) => return Err((Some(&rule.clause), why)),
            Standing::Allowed { unchecked } => unchecked,
        };
        let finding = match (&rule.notice, unchecked) {
            (None, _) => Finding::pass(
                Rule::Eligibility,
                &rule.clause,
                format!(
                    "`{id}` was represented by its {}, who holds its vote",
                    kind.as_str()
                ),
            ),
            (Some(_), None) => Finding::pass(
                Rule::Eligibility,
                &rule.clause,
                format!(
                    "`{id}` was represented by its {}, who holds its vote; the secretariat was told beforehand",
                    kind.as_str()
                ),
            ),
            // Not a breach tor can see: the notice happens outside the meeting.
            (Some(StandInNotice::Beforehand), Some(_)) => Finding::new(
                Rule::Eligibility,
                Some(&rule.clause),
                FindingStatus::Warn,
                format!(
                    "`{id}` was represented by its {}, who holds its vote; tor cannot see that the secretariat was told beforehand (add --notified {id} if it was)",
                    kind.as_str()
                ),
            ),
            (Some(_), Some(why)) => Finding::new(
                Rule::Eligibility,
                Some(&rule.clause),
                FindingStatus::Warn,
                format!(
                    "`{id}` was represented by its {}, who holds its vote; its {why}",
                    kind.as_str()
                ),
            ),
        };
        self.eligibility.push(finding);
        Ok(())
    }
}

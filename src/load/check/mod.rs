//! From the raw structs to the checked model: every reference resolved, every rule
//! coherent. Problems are collected, never thrown, so one run reports them all.

use std::collections::HashSet;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;

mod amend;
mod attendance;
mod bodies;
mod chair;
mod decisions;
mod events;
mod members;
mod proxies;
mod quorum;
mod rules;
mod scalars;
mod succession;

use super::bounds;
use super::raw::*;
use crate::calendar::{Convention, Region};
use crate::diag::{Code, Diagnostic};
use crate::model::*;

/// What the checker found beyond the model: the spans warnings point at.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    pub id: Range<usize>,
    pub review_next: Option<Range<usize>>,
    pub quorum: Option<Range<usize>>,
    /// The first rule clause left as the `tor init` placeholder ("TODO").
    pub placeholder: Option<Range<usize>>,
    /// Each member's `body`, where given.
    pub bodies: Vec<(MemberId, Range<usize>)>,
}

pub(super) struct Checker<'a> {
    expected_id: Option<&'a str>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the first clause of a rule `tor init` writes reads "TODO", so the
/// warning about placeholders points at the line to edit.
fn placeholder_span(raw: &RawTor) -> Option<Range<usize>> {
    let notices = raw.notice.as_ref();
    [
        raw.chair.as_ref().map(|r| &r.clause),
        raw.quorum.as_ref().map(|r| &r.clause),
        notices.and_then(|n| n.agenda.as_ref()).map(|r| &r.clause),
        notices
            .and_then(|n| n.extraordinary.as_ref())
            .map(|r| &r.clause),
        notices.and_then(|n| n.minutes.as_ref()).map(|r| &r.clause),
        raw.frequency.as_ref().map(|r| &r.clause),
        raw.decisions.as_ref().map(|r| &r.clause),
        raw.standing_items.as_ref().map(|r| &r.clause),
        raw.review.as_ref().map(|r| &r.clause),
    ]
    .into_iter()
    .flatten()
    .filter(|c| c.get_ref().trim().eq_ignore_ascii_case("todo"))
    .map(|c| c.span())
    .min_by_key(|span| span.start)
}

fn clause(raw: &S<String>) -> Clause {
    Clause(raw.get_ref().clone())
}

impl<'a> Checker<'a> {
    pub(super) fn new(expected_id: Option<&'a str>) -> Self {
        Self {
            expected_id,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        message: impl Into<String>,
        span: Range<usize>,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, message).at(span));
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn review(&mut self, r: &RawReview) -> Review {
        Review {
            clause: clause(&r.clause),
            annually: r.annually,
            next: r.next.as_ref().and_then(|n| self.date(n)),
        }
    }

    /// Builds the model; `None` when any error was found.
    pub(super) fn check(&mut self, raw: &RawTor) -> Option<(Tor, Spans)> {
        let spans = spans(raw);
        let id = self.partnership_id(&raw.id);
        if raw.name.get_ref().trim().is_empty() {
            self.error(Code::EmptyValue, "`name` is empty", raw.name.span());
        }
        let location = raw.location.as_ref().and_then(|l| self.location(l));
        let adopted = raw.adopted.as_ref().and_then(|d| self.date(d));
        let region = raw
            .region
            .as_ref()
            .map_or(Some(Region::default()), |r| self.region(r));
        let timezone = raw
            .timezone
            .as_ref()
            .map_or(Some(chrono_tz::Europe::London), |t| self.timezone(t));
        let closures = raw.closures.iter().filter_map(|d| self.date(d)).collect();
        let extra_holidays = raw
            .extra_holidays
            .iter()
            .filter_map(|h| {
                Some(ExtraHoliday {
                    date: self.date(&h.date)?,
                    name: h.name.clone(),
                })
            })
            .collect();
        let classes = self.classes(&raw.classes);
        let own_bodies = self.statutory_bodies(&raw.statutory_bodies);
        let table = super::statutory::Table::new(&own_bodies);
        let members = self.members(&raw.members, &classes, &table);
        self.succession(&raw.members, &members);
        let statutory_bodies = bodies::named(&members, &table);
        let rules = self.rules(raw, &classes, &members);
        let history = raw.history.iter().filter_map(|h| self.history(h)).collect();
        let ordinary_elections = self.ordinary_elections(&raw.ordinary_elections);
        let event_deadlines = self.event_deadlines(&raw.event_deadlines);
        let elections = Self::elections(&ordinary_elections);

        if self.has_errors() {
            return None;
        }
        let RuleSections {
            state,
            counts,
            attendance,
        } = rules;
        let mut tor = Tor {
            id: id?,
            name: raw.name.get_ref().clone(),
            source: raw.source.clone(),
            location,
            adopted,
            region: region?,
            timezone: timezone?,
            closures,
            extra_holidays,
            classes,
            members,
            chair: state.chair,
            quorum: state.quorum,
            counts: counts?,
            notice: state.notice,
            frequency: state.frequency,
            public: state.public,
            decisions: state.decisions,
            attendance,
            standing_items: state.standing_items,
            review: state.review,
            history,
            statutory_bodies,
            amendments: Vec::new(),
            event_deadlines,
            elections,
            ordinary_elections,
            adopted_rules: None,
            member_index: std::collections::HashMap::default(),
        }
        .index_members();
        if !raw.amendments.is_empty() {
            tor.amendments = self.amendments(&raw.amendments, &tor);
            tor.adopted_rules = Some(Box::new(RuleState::of(&tor)));
            if self.has_errors() {
                return None;
            }
        }
        Some((tor, spans))
    }

    /// The rule sections, in the file's order so diagnostics keep theirs.
    fn rules(&mut self, raw: &RawTor, classes: &[Class], members: &[Member]) -> RuleSections {
        let chair = raw
            .chair
            .as_ref()
            .and_then(|c| self.chair(c, classes, members));
        let counts = raw
            .counts
            .as_ref()
            .map_or(Some(Counting::default()), |c| self.keyword_of("count", c));
        let quorum = raw
            .quorum
            .as_ref()
            .and_then(|q| self.quorum(q, classes, members, counts.unwrap_or_default()));
        let notice = raw
            .notice
            .as_ref()
            .map(|n| self.notices(n))
            .unwrap_or_default();
        let frequency = raw.frequency.as_ref().and_then(|f| self.frequency(f));
        let public = raw
            .public
            .as_ref()
            .map(|p| self.public(p, classes))
            .unwrap_or_default();
        let decisions = raw
            .decisions
            .as_ref()
            .and_then(|d| self.decisions(d, classes, members, chair.as_ref()));
        let attendance = raw
            .attendance
            .as_ref()
            .map(|a| self.attendance(a, raw.decisions.as_ref(), classes, members))
            .unwrap_or_default();
        let standing_items = raw.standing_items.as_ref().map(|s| self.standing_items(s));
        let review = raw.review.as_ref().map(|r| self.review(r));
        RuleSections {
            state: RuleState {
                chair,
                quorum,
                notice,
                frequency,
                public,
                decisions,
                standing_items,
                review,
            },
            counts,
            attendance,
        }
    }

    fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error)
    }
}

/// The checked rule sections before they join the model: the amendable rules,
/// and the two that sit beside them.
struct RuleSections {
    state: RuleState,
    counts: Option<Counting>,
    attendance: Attendance,
}

/// Where the warnings after checking will point.
fn spans(raw: &RawTor) -> Spans {
    Spans {
        id: raw.id.span(),
        review_next: raw
            .review
            .as_ref()
            .and_then(|r| r.next.as_ref())
            .map(|n| n.span()),
        quorum: raw.quorum.as_ref().map(|q| q.clause.span()),
        placeholder: placeholder_span(raw),
        bodies: raw
            .members
            .iter()
            .filter_map(|m| {
                let id = MemberId::parse(m.id.get_ref()).ok()?;
                Some((id, m.body.as_ref()?.span()))
            })
            .collect(),
    }
}

/// Without a near match, help by listing what is defined (a few, at most).
fn or_list<'a>(d: Diagnostic, what: &str, ids: impl Iterator<Item = &'a str>) -> Diagnostic {
    if d.help.is_some() {
        return d;
    }
    let ids: Vec<&str> = ids.collect();
    match ids.len() {
        0 => d.help(format!("no {what} yet")),
        1..=12 => d.help(format!("{what}: {}", ids.join(", "))),
        n => d.help(format!("{what}: {}, … ({n} in all)", ids[..12].join(", "))),
    }
}

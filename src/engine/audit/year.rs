//! Rules about the year as a whole: public meeting, standing items, chair, review.

use super::Auditor;
use crate::engine::Rule;
use crate::engine::public_meeting::{Shortfall, held_shortfalls};
use crate::engine::record::HeldMeeting;
use crate::engine::review::review_chain;
use crate::engine::words::plural;
use crate::engine::{Fact, Finding, Message, is_election, is_review, takes_standing_item};
use crate::model::{ChairAppointment, Period, Review};
use crate::msg;
use chrono::NaiveDate;

impl Auditor<'_> {
    // ---- the year as a whole -------------------------------------------------------

    pub(super) fn public_meeting(&self) -> Finding {
        const R: Rule = Rule::PublicMeeting;
        let Some(pm) = &self.tor.public.meetings else {
            return Finding::not_stated(R, "rule on public meetings");
        };
        let needed = pm.at_least_per_year as usize;
        let mut counted = Vec::new();
        let mut short = Vec::new();
        for m in self.held().filter(|m| m.public) {
            let short_of = held_shortfalls(self.tor, pm, m);
            if short_of.is_empty() {
                counted.push(Message::from(m.date));
            } else {
                let why: Vec<String> = short_of.iter().map(Shortfall::describe).collect();
                short.push(msg![m.date, format!(" ({})", why.join("; "))]);
            }
        }
        let class = pm
            .required_class
            .as_ref()
            .map(|c| {
                let name = self
                    .tor
                    .class(c)
                    .map_or_else(|| c.to_string(), |k| k.name.to_lowercase());
                format!(" with every {name} present")
            })
            .unwrap_or_default()
            + &pm
                .joint_with
                .as_ref()
                .map(|j| format!(" held jointly with the {j}"))
                .unwrap_or_default();
        let lacking = if short.is_empty() {
            Message::default()
        } else {
            msg!["; not counted: ", Message::join(short, ", ")]
        };
        let n = counted.len();
        if n >= needed {
            return Finding::pass(
                R,
                &pm.clause,
                msg![
                    format!(
                        "{} in {}{class}: ",
                        plural(n, "public meeting", "public meetings"),
                        self.span.label(),
                    ),
                    Message::and_list(counted),
                    lacking
                ],
            );
        }
        let message = msg![
            format!(
                "{n} of at least {needed} public meeting(s){class} in {}",
                self.span.label()
            ),
            if counted.is_empty() {
                Message::default()
            } else {
                msg![" (", Message::and_list(counted), ")"]
            },
            lacking
        ];
        if self.over(self.span.last()) {
            Finding::fail(R, &pm.clause, message)
        } else {
            Finding::skip(
                R,
                Some(&pm.clause),
                msg!["the year is not over: ", message, " so far"],
            )
        }
    }

    pub(super) fn standing_items(&self) -> Finding {
        const R: Rule = Rule::StandingItems;
        let Some(si) = &self.tor.standing_items else {
            return Finding::not_stated(R, "standing agenda items");
        };
        let listed: Vec<&HeldMeeting> = self.held().filter(|m| !m.items.is_empty()).collect();
        if listed.is_empty() {
            return Finding::unjudged(
                R,
                Some(&si.clause),
                Fact::Items,
                format!("the record lists no agenda items in {}", self.span.label()),
            );
        }
        let on = |m: &HeldMeeting, item: &str| m.items.iter().any(|i| takes_standing_item(i, item));
        let unlisted = self.held().count() - listed.len();
        let unlisted = if unlisted > 0 {
            format!(
                "; {} list no agenda",
                plural(unlisted, "meeting", "meetings")
            )
        } else {
            String::new()
        };
        if si.staggered {
            let missing: Vec<String> = si
                .items
                .iter()
                .filter(|item| !listed.iter().any(|m| on(m, item)))
                .map(|i| format!("\"{i}\""))
                .collect();
            if missing.is_empty() {
                return Finding::pass(
                    R,
                    &si.clause,
                    format!(
                        "each of the {} standing items was taken at least once in {}{unlisted}",
                        si.items.len(),
                        self.span.label()
                    ),
                );
            }
            let message = format!(
                "not taken in {}: {} (staggered: each at least once a year){unlisted}",
                self.span.label(),
                missing.join(", ")
            );
            return if self.over(self.span.last()) {
                Finding::fail(R, &si.clause, message)
            } else {
                Finding::warn(R, Some(&si.clause), format!("so far {message}"))
            };
        }
        let short: Vec<String> = listed
            .iter()
            .filter_map(|m| {
                let missing: Vec<String> = si
                    .items
                    .iter()
                    .filter(|i| !on(m, i))
                    .map(|i| format!("\"{i}\""))
                    .collect();
                (!missing.is_empty()).then(|| format!("{} lacked {}", m.date, missing.join(", ")))
            })
            .collect();
        if short.is_empty() {
            Finding::pass(
                R,
                &si.clause,
                format!("every listed agenda had every standing item{unlisted}"),
            )
        } else {
            Finding::fail(R, &si.clause, format!("{}{unlisted}", short.join("; ")))
        }
    }

    pub(super) fn chair_election(&self) -> Finding {
        const R: Rule = Rule::ChairElection;
        let Some(chair) = &self.tor.chair else {
            return Finding::not_stated(R, "rule on the chair");
        };
        let c = Some(&chair.clause);
        let any_items = self.held().any(|m| !m.items.is_empty());
        let elected: Vec<NaiveDate> = self
            .held()
            .filter(|m| m.items.iter().any(|i| is_election(i)))
            .map(|m| m.date)
            .collect();
        let hint = "record it as an agenda item such as \"Election of chair\"";
        match &chair.appointment {
            ChairAppointment::Named => {
                Finding::skip(R, c, "a named office holds the chair: no election")
            }
            ChairAppointment::Rotating { years, .. } => Finding::skip(
                R,
                c,
                format!(
                    "the chair rotates every {years} years; the record does not say who held it"
                ),
            ),
            ChairAppointment::ElectedAnnually => match (elected.first(), any_items) {
                (Some(d), _) => {
                    Finding::pass(R, &chair.clause, format!("the chair was elected on {d}"))
                }
                (None, false) => Finding::unjudged(
                    R,
                    c,
                    Fact::Items,
                    "the record lists no agenda items, so it cannot show the election",
                ),
                (None, true) if !self.over(self.span.last()) => {
                    Finding::skip(R, c, "no election of the chair recorded yet this year")
                }
                (None, true) => Finding::warn(
                    R,
                    c,
                    format!(
                        "no election of the chair is recorded in {} (elected annually); {hint}",
                        self.span.label()
                    ),
                ),
            },
            ChairAppointment::ElectedAtMayMeeting => {
                let may = self.span.periods(Period::Month).into_iter().find(|p| {
                    use chrono::Datelike;
                    p.start.month() == 5
                });
                let Some(may) = may else {
                    return Finding::skip(R, c, "the year holds no May");
                };
                let Some(meeting) = self.held().find(|m| may.contains(m.date)) else {
                    return if self.over(may.last()) {
                        Finding::fail(
                            R,
                            &chair.clause,
                            format!(
                                "no meeting in May {}: the chair is elected at the May meeting",
                                {
                                    use chrono::Datelike;
                                    may.start.year()
                                }
                            ),
                        )
                    } else {
                        Finding::skip(R, c, "May is not over yet")
                    };
                };
                if meeting.items.iter().any(|i| is_election(i)) {
                    return Finding::pass(
                        R,
                        &chair.clause,
                        format!(
                            "the chair was elected at the May meeting on {}",
                            meeting.date
                        ),
                    );
                }
                if meeting.items.is_empty() {
                    return Finding::unjudged(
                        R,
                        c,
                        Fact::Items,
                        format!(
                            "the agenda of the May meeting on {} is not recorded",
                            meeting.date
                        ),
                    );
                }
                match elected.first() {
                    Some(d) => Finding::fail(
                        R,
                        &chair.clause,
                        format!(
                            "the chair was elected on {d}, not at the May meeting on {}",
                            meeting.date
                        ),
                    ),
                    None => Finding::warn(
                        R,
                        c,
                        format!(
                            "the recorded agenda of the May meeting on {} has no election of the chair; {hint}",
                            meeting.date
                        ),
                    ),
                }
            }
        }
    }

    pub(super) fn review(&self) -> Finding {
        const R: Rule = Rule::Review;
        let Some(review) = &self.tor.review else {
            return Finding::not_stated(R, "review of the terms of reference");
        };
        let recorded: Vec<NaiveDate> = self
            .held()
            .filter(|m| m.items.iter().any(|i| is_review(i)))
            .map(|m| m.date)
            .collect();
        let Some(next) = review.next else {
            return match (review.annually, recorded.is_empty()) {
                (true, false) => Finding::pass(
                    R,
                    &review.clause,
                    msg![
                        "reviewed annually: a review is recorded on ",
                        Message::and_list(recorded.into_iter().map(Message::from).collect())
                    ],
                ),
                (true, true) => Finding::warn(
                    R,
                    Some(&review.clause),
                    format!(
                        "reviewed annually, but no review is recorded in {} and the ToR sets no review date",
                        self.span.label()
                    ),
                ),
                (false, _) => Finding::skip(R, Some(&review.clause), "the ToR sets no review date"),
            };
        };
        // Reviews after the audited year do not change its verdict.
        let reviews: Vec<NaiveDate> = self
            .record
            .meetings
            .iter()
            .filter(|m| m.date <= self.span.last() && m.items.iter().any(|i| is_review(i)))
            .map(|m| m.date)
            .collect();
        let chain = review_chain(next, review.annually, &reviews);
        let Some(&(met_due, met_on)) = chain.met.last() else {
            return self.review_not_met(review, next, recorded);
        };
        let reviewed = msg!["reviewed on ", met_on, " (due by ", met_due, ")"];
        match chain.due {
            Some(due) if due <= self.span.last() && due < self.as_of => Finding::fail(
                R,
                &review.clause,
                msg![
                    "the review was due by ",
                    due,
                    ", a year after the last review, on ",
                    met_on,
                    format!(
                        " (reviewed annually), and none is recorded by then in {}",
                        self.span.label()
                    )
                ],
            ),
            Some(due) => Finding::pass(
                R,
                &review.clause,
                msg![
                    reviewed,
                    "; the next review is due by ",
                    due,
                    if due > self.span.last() {
                        format!(", after {} ends", self.span.label())
                    } else {
                        String::new()
                    }
                ],
            ),
            None => Finding::pass(
                R,
                &review.clause,
                msg![reviewed, "; the ToR sets no later review date"],
            ),
        }
    }

    /// The ToR's first review date, with no review recorded by it.
    fn review_not_met(
        &self,
        review: &Review,
        next: NaiveDate,
        recorded: Vec<NaiveDate>,
    ) -> Finding {
        const R: Rule = Rule::Review;
        if next <= self.span.last() && next < self.as_of {
            let mut message = msg![
                "the review was due by ",
                next,
                format!(
                    ", before {} ended, and the ToR sets no later date",
                    self.span.label()
                )
            ];
            if !recorded.is_empty() {
                message = msg![
                    message,
                    "; a review is recorded on ",
                    Message::and_list(recorded.into_iter().map(Message::from).collect()),
                    ": set `review.next` in the ToR file"
                ];
            }
            return Finding::fail(R, &review.clause, message);
        }
        Finding::pass(
            R,
            &review.clause,
            if next <= self.span.last() {
                msg!["the next review is due by ", next]
            } else {
                msg![
                    "the next review is due by ",
                    next,
                    format!(", after {} ends", self.span.label())
                ]
            },
        )
    }
}

//! Notice of ordinary and extraordinary meetings: agenda circulation and urgent notice.

use super::Ctx;
use crate::calendar::{Convention, DateOrTime, elapsed_hours, in_time};
use crate::engine::Rule;
use crate::engine::deadlines::notice_deadline;
use crate::engine::{Fact, Finding, FindingStatus, Message, Part, SkipReason};
use crate::model::Notice;
use crate::msg;

impl Ctx<'_> {
    pub(super) fn notice(&self) -> [Finding; 2] {
        let n = &self.tor.notice;
        let agenda_clause = n.agenda.as_ref().map(|r| &r.clause);
        match (self.m.extraordinary, &n.extraordinary) {
            (true, Some(rule)) => [
                Finding::skip(
                    Rule::Notice,
                    agenda_clause,
                    format!(
                        "an extraordinary meeting: the urgent-meeting notice rule ({}) applies instead",
                        rule.clause
                    ),
                ),
                self.judge_notice(Rule::ExtraordinaryNotice, rule),
            ],
            (extraordinary, ex_rule) => {
                let notice = match &n.agenda {
                    Some(rule) => self.judge_notice(Rule::Notice, rule),
                    None => Finding::not_stated(Rule::Notice, "notice rule for agenda and papers"),
                };
                let ex = match ex_rule {
                    _ if extraordinary => Finding::skip(
                        Rule::ExtraordinaryNotice,
                        None,
                        "the ToR states no notice rule for extraordinary meetings, so the ordinary notice rule applies",
                    )
                    .because(SkipReason::NotStated),
                    Some(rule) => Finding::skip(
                        Rule::ExtraordinaryNotice,
                        Some(&rule.clause),
                        "not an extraordinary meeting",
                    ),
                    None => Finding::not_stated(
                        Rule::ExtraordinaryNotice,
                        "notice rule for extraordinary meetings",
                    ),
                };
                [notice, ex]
            }
        }
    }

    pub(super) fn judge_notice(&self, name: Rule, rule: &Notice) -> Finding {
        let due = notice_deadline(rule, self.at, self.cal);
        let what = if name == Rule::Notice {
            "agenda and papers"
        } else {
            "notice"
        };
        let period = rule.describe();
        let Some(given) = self.m.circulated else {
            return Finding::unjudged(
                name,
                Some(&rule.clause),
                Fact::Circulated,
                msg![
                    "when the ",
                    what,
                    " went out was not given; due by ",
                    due,
                    format!(" ({period} before)")
                ],
            );
        };
        let verdict = match in_time(rule.convention, rule.n, self.at, given, self.cal) {
            Ok(v) => v,
            // Input building refuses this; a library caller gets a skip, not a guess.
            Err(e) => {
                return Finding::unjudged(
                    name,
                    Some(&rule.clause),
                    Fact::Circulated,
                    e.to_string(),
                );
            }
        };
        let message: Message = match (rule.convention, given) {
            (Convention::Hours, DateOrTime::Instant(t)) => {
                let h = elapsed_hours(t, self.at);
                if h < 0.0 {
                    format!(
                        "notice given {} hours after the start; at least {} hours needed",
                        hours(-h),
                        rule.n
                    )
                    .into()
                } else {
                    msg![
                        format!("notice given {} hours before the start (at ", hours(h)),
                        t,
                        format!("); at least {} hours needed, by ", rule.n),
                        due
                    ]
                }
            }
            (_, given) => {
                let when = match given {
                    DateOrTime::Date(d) => Part::Date(d),
                    DateOrTime::Instant(t) => Part::Instant(t),
                };
                let verb = if verdict { "by" } else { "after" };
                msg![
                    format!("{what} out "),
                    when,
                    format!(", {verb} the deadline "),
                    due,
                    format!(" ({period} before)")
                ]
            }
        };
        let status = if verdict {
            FindingStatus::Pass
        } else {
            FindingStatus::Fail
        };
        Finding::new(name, Some(&rule.clause), status, message)
    }
}

/// Hours to at most two decimals, without trailing zeros: 48, 48.5, 47.25.
fn hours(h: f64) -> String {
    let rounded = (h * 100.0).round() / 100.0;
    format!("{}", rounded + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_naturally() {
        assert_eq!(hours(48.5), "48.5");
        assert_eq!(hours(47.25), "47.25");
        assert_eq!(hours(48.0), "48");
        assert_eq!(hours(1.0 / 3.0), "0.33");
        assert_eq!(hours(-0.0), "0");
    }
}

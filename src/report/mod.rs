//! The output side: renderers from typed reports to text, none of which prints.
//! `html` is the audit page, `ics` a plan as iCalendar, `ci` validate's GitHub
//! workflow commands, SARIF and JUnit; below, the plain-language summaries of a
//! ToR (`tor show`); `safe`, the escaping every output shares. Renderers read
//! typed fields, never message text, and the engine imports nothing from here.
//! The terminal (tables, colour, writing to stdout and files) is the binary's:
//! `src/cli`, whose `emit` is the one path a command's report takes out.

pub mod ci;
mod decision;
pub mod html;
pub mod ics;
pub mod safe;
mod stand_ins;

use serde::Serialize;

use crate::model::*;

/// One rule in words, with the clause that states it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSummary {
    pub rule: &'static str,
    /// `None` where the ToR states no such rule.
    pub clause: Option<Clause>,
    pub summary: String,
}

fn stated(rule: &'static str, clause: &Clause, summary: String) -> RuleSummary {
    RuleSummary {
        rule,
        clause: Some(clause.clone()),
        summary,
    }
}

fn not_stated(rule: &'static str) -> RuleSummary {
    RuleSummary {
        rule,
        clause: None,
        summary: "not stated".to_owned(),
    }
}

fn class_name(tor: &Tor, id: &ClassId) -> String {
    tor.class(id)
        .map_or_else(|| id.to_string(), |c| c.name.to_lowercase())
}

/// Every rule family in a fixed order, stated or not.
pub fn summarise(tor: &Tor) -> Vec<RuleSummary> {
    let mut out = Vec::new();
    chair_rules(tor, &mut out);
    out.push(match &tor.quorum {
        Some(q) => stated("quorum", &q.clause, describe_quorum(tor, q)),
        None => not_stated("quorum"),
    });
    if let Some(q) = &tor.quorum {
        quorum_fallbacks(&q.fallback, &mut out);
    }
    notice_rules(tor, &mut out);
    frequency_rules(tor, &mut out);
    public_rules(tor, &mut out);
    decision::summaries(tor, &mut out);
    out.extend(stand_ins::summaries(tor));
    standing_and_review(tor, &mut out);
    out
}

/// The chair, its deputy and casting vote.
fn chair_rules(tor: &Tor, out: &mut Vec<RuleSummary>) {
    out.push(match &tor.chair {
        Some(c) => {
            let mut s = match &c.appointment {
                ChairAppointment::ElectedAnnually => "elected annually".to_owned(),
                ChairAppointment::ElectedAtMayMeeting => {
                    "elected each year at the May meeting".to_owned()
                }
                ChairAppointment::Rotating { class, years } => {
                    format!(
                        "rotates among each {} every {years} years",
                        class_name(tor, class)
                    )
                }
                ChairAppointment::Named => "held by a named office".to_owned(),
            };
            if let Some(m) = &c.member {
                s.push_str(&format!("; provided by `{m}`"));
            }
            stated("chair", &c.clause, s)
        }
        None => not_stated("chair"),
    });
    if let Some(c) = tor.chair.as_ref() {
        if let Some(clause) = &c.deputy {
            out.push(stated(
                "deputy-chair",
                clause,
                "a deputy may chair in the chair's absence".into(),
            ));
        }
        if let Some(clause) = &c.casting_vote {
            out.push(stated(
                "casting-vote",
                clause,
                "the chair has a casting vote on equal votes".into(),
            ));
        }
    }
}

/// Notice of meetings (ordinary, extraordinary) and of the minutes.
fn notice_rules(tor: &Tor, out: &mut Vec<RuleSummary>) {
    out.push(match &tor.notice.agenda {
        Some(n) => stated(
            "notice",
            &n.clause,
            format!("agenda and papers {} before the meeting", n.describe()),
        ),
        None => not_stated("notice"),
    });
    out.push(match &tor.notice.extraordinary {
        Some(n) => stated(
            "extraordinary-notice",
            &n.clause,
            format!("urgent extraordinary meetings on {} notice", n.describe()),
        ),
        None => not_stated("extraordinary-notice"),
    });
    out.push(match &tor.notice.minutes {
        Some(n) => stated(
            "minutes",
            &n.clause,
            format!("minutes within {} after the meeting", n.describe()),
        ),
        None => not_stated("minutes"),
    });
}

/// How often the body meets, and who may cancel a meeting.
fn frequency_rules(tor: &Tor, out: &mut Vec<RuleSummary>) {
    out.push(match &tor.frequency {
        Some(f) => {
            let per = |p: &Period| match p {
                Period::Week => "week",
                Period::Month => "month",
                Period::Quarter => "quarter",
                Period::Year => "year",
            };
            let mut s = match &f.rule {
                FrequencyRule::EveryMonths { months } => format!("every {months} months"),
                FrequencyRule::AtLeast { n, per: p } => format!("at least {n} a {}", per(p)),
                FrequencyRule::Exactly { n, per: p } => format!("{n} times a {}", per(p)),
            };
            s.push_str(&crate::engine::period::window_phrase(f));
            if let Some((m, d)) = f.year_starts {
                s.push_str(&format!("; the year starts on {m:02}-{d:02}"));
            }
            stated("frequency", &f.clause, s)
        }
        None => not_stated("frequency"),
    });
    if let Some(c) = tor.frequency.as_ref().and_then(|f| f.cancellation.as_ref()) {
        let s = if c.consult_members {
            "the chair may cancel a meeting after consulting the members, and must hold it if they ask"
        } else {
            "the chair may cancel a meeting"
        };
        out.push(stated("cancellation", &c.clause, s.into()));
    }
}

/// Whether the public may attend, and the public meetings owed.
fn public_rules(tor: &Tor, out: &mut Vec<RuleSummary>) {
    out.push(match &tor.public.access {
        Some(a) => stated(
            "public-access",
            &a.clause,
            match a.mode {
                AccessMode::Closed => "meetings are not open to the public",
                AccessMode::OpenExceptRestricted => {
                    "meetings are open to the public except for restricted items"
                }
                AccessMode::Open => "meetings are open to the public",
            }
            .into(),
        ),
        // As check-meeting judges it: the public-meetings rule lets the public in
        // to those meetings, and is the clause it cites.
        None => match &tor.public.meetings {
            Some(p) => stated(
                "public-access",
                &p.clause,
                format!(
                    "no general rule; the public attend the public meeting(s) ({} a year)",
                    p.at_least_per_year
                ),
            ),
            None => not_stated("public-access"),
        },
    });
    out.push(match &tor.public.meetings {
        Some(p) => {
            let mut s = format!("at least {} public meeting(s) a year", p.at_least_per_year);
            if let Some(class) = &p.required_class {
                s.push_str(&format!(", with every {} present", class_name(tor, class)));
            }
            if let Some(j) = &p.joint_with {
                s.push_str(&format!(", held jointly with the {j}"));
            }
            stated("public-meeting", &p.clause, s)
        }
        None => not_stated("public-meeting"),
    });
}

/// The standing items of every agenda, and the ToR's own review.
fn standing_and_review(tor: &Tor, out: &mut Vec<RuleSummary>) {
    out.push(match &tor.standing_items {
        Some(s) => stated(
            "standing-items",
            &s.clause,
            format!(
                "{} standing items{}",
                s.items.len(),
                if s.staggered {
                    ", staggered across agendas"
                } else {
                    " at every meeting"
                }
            ),
        ),
        None => not_stated("standing-items"),
    });
    out.push(match &tor.review {
        Some(r) => {
            let mut s = if r.annually {
                "reviewed annually".to_owned()
            } else {
                "reviewed".to_owned()
            };
            if let Some(next) = r.next {
                s.push_str(&format!("; next review {next}"));
            }
            stated("review", &r.clause, s)
        }
        None => not_stated("review"),
    });
}

/// The quorum's fallbacks, each under its own clause; only where stated, as
/// most ToRs have none.
fn quorum_fallbacks(f: &crate::model::QuorumFallback, out: &mut Vec<RuleSummary>) {
    use crate::model::AdjournedQuorum;
    if let Some(c) = &f.continued {
        out.push(stated(
            "quorum-continued",
            &c.clause,
            format!(
                "if inquorate, the meeting may continue at the discretion of {}; its decisions \
                 must be ratified at {}",
                c.by.who(),
                c.ratify.at()
            ),
        ));
    }
    if let Some(a) = &f.adjourned {
        let AdjournedQuorum::ThosePresent = a.quorum;
        out.push(stated(
            "quorum-adjourned",
            &a.clause,
            "a meeting reconvened after an adjournment is quorate with those present".to_owned(),
        ));
    }
}

/// A quorum in words: its simple form, then each further condition.
fn describe_quorum(tor: &Tor, q: &crate::model::Quorum) -> String {
    use crate::model::{Condition, Counting, Rounding};
    let unit = match tor.counts {
        Counting::Organisations => "members",
        Counting::People => "people",
    };
    let rule = |r: &QuorumRule| match r {
        QuorumRule::AtLeast {
            n,
            class: Some(class),
        } => {
            let total = tor.members.iter().filter(|m| &m.class == class).count();
            format!("at least {n} of the {total} members of class `{class}`")
        }
        QuorumRule::AtLeast { n, class: None } => format!("at least {n} voting {unit}"),
        QuorumRule::Fraction {
            numerator,
            denominator,
            rounding,
        } => {
            let down = if *rounding == Rounding::Down {
                ", rounded down"
            } else {
                ""
            };
            format!("at least {numerator}/{denominator} of the voting {unit}{down}")
        }
    };
    let mut parts: Vec<String> = q.rule.iter().map(rule).collect();
    for c in &q.all {
        parts.push(match c {
            Condition::Count(r) => rule(r),
            Condition::EachOf { n, from } => {
                let groups: Vec<String> = from.iter().map(ToString::to_string).collect();
                format!("at least {n} from each of {}", groups.join(", "))
            }
            Condition::Members { members } => {
                let ids: Vec<&str> = members.iter().map(crate::model::MemberId::as_str).collect();
                format!("{} present", ids.join(" and "))
            }
            Condition::AnyOf { members } => {
                let ids: Vec<&str> = members.iter().map(crate::model::MemberId::as_str).collect();
                format!("one of {} present", ids.join(" or "))
            }
            Condition::Presiding => "whoever presides among them".to_owned(),
        });
    }
    parts.join("; ")
}

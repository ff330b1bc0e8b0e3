//! The rules, one method each. Messages name who and what decided the verdict.

use crate::engine::words::{and_list, plural};
use crate::model::Keyword;
use chrono::{DateTime, Months, NaiveDate};
use chrono_tz::Tz;
use std::collections::{HashMap, HashSet};

use super::{ChairPresence, History, MeetingInput};
use crate::calendar::{Calendar, Convention, Given, elapsed_hours, in_time};
use crate::engine::deadlines::notice_deadline;
use crate::engine::period::{Span, add_months, gap_too_long, outside_window};
use crate::engine::record::{CancelledMeeting, Record, tenure};
use crate::engine::{Fact, Finding, FindingStatus, Message, Part, SkipReason};
use crate::msg;

/// Days as a list in words, each kept a date.
fn dates(days: impl IntoIterator<Item = NaiveDate>) -> Message {
    Message::and_list(days.into_iter().map(Message::from).collect())
}
use crate::model::{
    AccessMode, Clause, Frequency, FrequencyRule, Member, MemberId, Notice, Period, QuorumRule,
    StandIns, Tor,
};
use crate::report::describe_notice;

/// How an organisation is represented at the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    InPerson,
    Substitute,
    Deputy,
}

impl How {
    fn noun(self) -> &'static str {
        match self {
            Self::InPerson => "representative",
            Self::Substitute => "substitute",
            Self::Deputy => "deputy",
        }
    }
}

/// What is known before this meeting, in a form every rule can use.
struct Past<'a> {
    /// Days of earlier meetings, oldest first.
    dates: Vec<NaiveDate>,
    record: Option<&'a Record>,
}

pub(super) struct Ctx<'a> {
    tor: &'a Tor,
    cal: &'a Calendar,
    m: &'a MeetingInput,
    at: DateTime<Tz>,
    date: NaiveDate,
    history: History<'a>,
    /// How each member named at the meeting is there (in person first, then by
    /// substitute, then by deputy), looked up once per member of a large ToR.
    presence: HashMap<&'a MemberId, How>,
    notified: HashSet<&'a MemberId>,
}

/// Hours to at most two decimals, without trailing zeros: 48, 48.5, 47.25.
fn hours(h: f64) -> String {
    let rounded = (h * 100.0).round() / 100.0;
    format!("{}", rounded + 0.0)
}

/// Agenda items quoted, as they may themselves contain commas or "and".
fn item_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    quoted.join(", ")
}

/// Agenda items match ignoring case and runs of spaces: an item's key.
fn item_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        tor: &'a Tor,
        cal: &'a Calendar,
        m: &'a MeetingInput,
        history: History<'a>,
    ) -> Self {
        let at = m.at.with_timezone(&tor.timezone);
        let mut presence = HashMap::new();
        for (list, how) in [
            (&m.attendees, How::InPerson),
            (&m.substitutes, How::Substitute),
            (&m.deputies, How::Deputy),
        ] {
            for id in list {
                presence.entry(id).or_insert(how);
            }
        }
        Self {
            tor,
            cal,
            m,
            at,
            date: at.date_naive(),
            history,
            presence,
            notified: m.notified.iter().collect(),
        }
    }

    /// Every rule, in a fixed order.
    pub(super) fn findings(&self) -> Vec<Finding> {
        let [notice, extraordinary] = self.notice();
        vec![
            notice,
            extraordinary,
            self.quorum(),
            self.membership(),
            self.chair(),
            self.public_access(),
            self.public_meeting(),
            self.frequency(),
            self.standing_items(),
        ]
    }

    fn how(&self, id: &MemberId) -> Option<How> {
        self.presence.get(id).copied()
    }

    fn stand_in_rule(&self, how: How) -> Option<&'a StandIns> {
        let d = self.tor.decisions.as_ref()?;
        match how {
            How::InPerson => None,
            How::Substitute => d.substitutes.as_ref(),
            How::Deputy => d.deputies.as_ref(),
        }
    }

    fn allowed(&self, how: How) -> bool {
        how == How::InPerson || self.stand_in_rule(how).is_some()
    }

    /// Whether `member` is represented on the day: in person, or by a stand-in the
    /// ToR allows, while its membership holds.
    fn represented(&self, member: &Member) -> bool {
        member.holds_on(self.date) && self.how(&member.id).is_some_and(|h| self.allowed(h))
    }

    /// Members named at the meeting, in the ToR's order (so input order never
    /// changes a message).
    fn named(&self) -> impl Iterator<Item = (&'a Member, How)> + '_ {
        self.tor
            .members
            .iter()
            .filter_map(|m| self.how(&m.id).map(|h| (m, h)))
    }

    fn label(member: &Member, how: How) -> String {
        match how {
            How::InPerson => member.id.to_string(),
            other => format!("{} (by {})", member.id, other.noun()),
        }
    }

    fn past(&self) -> Option<Past<'a>> {
        match self.history {
            History::Nothing => None,
            History::Previous(d) => Some(Past {
                dates: (d < self.date).then_some(d).into_iter().collect(),
                record: None,
            }),
            History::Record(r) => Some(Past {
                dates: r.before(self.date).map(|m| m.date).collect(),
                record: Some(r),
            }),
        }
    }

    fn record(&self) -> Option<&'a Record> {
        match self.history {
            History::Record(r) => Some(r),
            _ => None,
        }
    }

    fn year_starts(&self) -> Option<(u32, u32)> {
        self.tor.frequency.as_ref().and_then(|f| f.year_starts)
    }

    // ---- notice -------------------------------------------------------------

    fn notice(&self) -> [Finding; 2] {
        let n = &self.tor.notice;
        let agenda_clause = n.agenda.as_ref().map(|r| &r.clause);
        match (self.m.extraordinary, &n.extraordinary) {
            (true, Some(rule)) => [
                Finding::skip(
                    "notice",
                    agenda_clause,
                    format!(
                        "an extraordinary meeting: the urgent-meeting notice rule ({}) applies instead",
                        rule.clause
                    ),
                ),
                self.judge_notice("extraordinary-notice", rule),
            ],
            (extraordinary, ex_rule) => {
                let notice = match &n.agenda {
                    Some(rule) => self.judge_notice("notice", rule),
                    None => Finding::not_stated("notice", "notice rule for agenda and papers"),
                };
                let ex = match ex_rule {
                    _ if extraordinary => Finding::skip(
                        "extraordinary-notice",
                        None,
                        "the ToR states no notice rule for extraordinary meetings, so the ordinary notice rule applies",
                    )
                    .because(SkipReason::NotStated),
                    Some(rule) => Finding::skip(
                        "extraordinary-notice",
                        Some(&rule.clause),
                        "not an extraordinary meeting",
                    ),
                    None => Finding::not_stated(
                        "extraordinary-notice",
                        "notice rule for extraordinary meetings",
                    ),
                };
                [notice, ex]
            }
        }
    }

    fn judge_notice(&self, name: &'static str, rule: &Notice) -> Finding {
        let due = notice_deadline(rule, self.at, self.cal);
        let what = if name == "notice" {
            "agenda and papers"
        } else {
            "notice"
        };
        let period = describe_notice(rule);
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
            (Convention::Hours, Given::Instant(t)) => {
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
                    Given::Date(d) => Part::Date(d),
                    Given::Instant(t) => Part::Instant(t),
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

    // ---- quorum ---------------------------------------------------------------

    fn quorum(&self) -> Finding {
        const R: &str = "quorum";
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated(R, "quorum");
        };
        if !self.m.attendance_given() {
            return Finding::unjudged(
                R,
                Some(&q.clause),
                Fact::Attendance,
                "who attended was not given",
            );
        }
        let voting_in_post = self.tor.members_on(self.date).filter(|m| m.voting).count() as u64;
        let (class, needed, what) = match &q.rule {
            QuorumRule::AtLeast { n, class: Some(c) } => {
                (Some(c), u64::from(*n), format!("{c} members"))
            }
            QuorumRule::AtLeast { n, class: None } => {
                (None, u64::from(*n), "voting members".to_owned())
            }
            QuorumRule::Fraction {
                numerator,
                denominator,
            } => {
                let needed = (u64::from(*numerator) * voting_in_post)
                    .div_ceil(u64::from((*denominator).max(1)));
                (
                    None,
                    needed,
                    format!(
                        "voting members ({numerator}/{denominator} of {voting_in_post} in post)"
                    ),
                )
            }
        };
        let mut counted = Vec::new();
        let mut not_counted = Vec::new();
        for (member, how) in self.named() {
            let label = Self::label(member, how);
            if !member.holds_on(self.date) {
                not_counted.push(format!("{label}: not a member on {}", self.date));
            } else if !self.allowed(how) {
                not_counted.push(format!("{label}: the ToR allows no {}s", how.noun()));
            } else if class.is_some_and(|c| &member.class != c) {
                not_counted.push(format!("{label}: {}", member.class));
            } else if class.is_none() && !member.voting {
                not_counted.push(format!("{label}: no vote"));
            } else {
                counted.push(label);
            }
        }
        let n = counted.len() as u64;
        let names = if counted.is_empty() {
            String::new()
        } else {
            format!(" ({})", counted.join(", "))
        };
        let mut message = format!(
            "{}: {n} {what} present{names}, at least {needed} needed",
            if n >= needed {
                "quorate"
            } else {
                "not quorate"
            }
        );
        if !not_counted.is_empty() {
            message.push_str(&format!("; not counted: {}", not_counted.join("; ")));
        }
        let status = if n >= needed {
            FindingStatus::Pass
        } else {
            FindingStatus::Fail
        };
        Finding::new(R, Some(&q.clause), status, message)
    }

    // ---- membership -----------------------------------------------------------

    fn membership(&self) -> Finding {
        const R: &str = "membership";
        if !self.m.attendance_given() {
            return Finding::unjudged(R, None, Fact::Attendance, "who attended was not given");
        }
        let decisions_clause = self.tor.decisions.as_ref().map(|d| &d.clause);
        let mut fails: Vec<(String, Option<&Clause>)> = Vec::new();
        let mut warns: Vec<(String, Option<&Clause>)> = Vec::new();
        let mut first_clause = None;
        let mut count = 0;
        for (member, how) in self.named() {
            count += 1;
            first_clause = first_clause.or(member.clause.as_ref());
            if !member.holds_on(self.date) {
                fails.push((
                    format!(
                        "{} was not a member on {}: {}",
                        member.id,
                        self.date,
                        tenure(member)
                    ),
                    member.clause.as_ref(),
                ));
            }
            if how == How::InPerson {
                continue;
            }
            match self.stand_in_rule(how) {
                None => fails.push((
                    format!(
                        "{} sent a {}, but the ToR allows no {}s",
                        member.id,
                        how.noun(),
                        how.noun()
                    ),
                    decisions_clause,
                )),
                Some(rule) if rule.advance_notice && !self.notified.contains(&member.id) => {
                    warns.push((
                        format!(
                            "{}'s {} needs advance notice, which is not recorded as given",
                            member.id,
                            how.noun()
                        ),
                        Some(&rule.clause),
                    ));
                }
                Some(_) => {}
            }
        }
        let join = |v: &[(String, Option<&Clause>)]| {
            v.iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        if let Some((_, clause)) = fails.first() {
            let mut message = join(&fails);
            if !warns.is_empty() {
                message.push_str(&format!("; also {}", join(&warns)));
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

    // ---- chair ----------------------------------------------------------------

    fn chair(&self) -> Finding {
        const R: &str = "chair";
        let Some(chair) = &self.tor.chair else {
            return Finding::not_stated(R, "rule on the chair");
        };
        match self.m.chair {
            None => Finding::unjudged(
                R,
                Some(&chair.clause),
                Fact::Chair,
                "who chaired was not given",
            ),
            Some(ChairPresence::Present) => Finding::pass(R, &chair.clause, "the chair presided"),
            Some(ChairPresence::Deputy) => match &chair.deputy {
                Some(clause) => Finding::pass(R, clause, "a deputy chaired, as the ToR allows"),
                None => Finding::fail(
                    R,
                    &chair.clause,
                    "a deputy chaired, but the ToR provides no deputy or vice-chair",
                ),
            },
            Some(ChairPresence::Absent) => Finding::fail(
                R,
                &chair.clause,
                if chair.deputy.is_some() {
                    "neither the chair nor a deputy presided"
                } else {
                    "the chair was absent and the ToR provides no deputy"
                },
            ),
        }
    }

    // ---- public access and public meetings ---------------------------------------

    fn public_access(&self) -> Finding {
        const R: &str = "public-access";
        let p = &self.tor.public;
        match (self.m.public, &p.access, &p.meetings) {
            (true, Some(a), _) => match a.mode {
                AccessMode::Closed => Finding::fail(
                    R,
                    &a.clause,
                    "a public meeting, but the ToR closes meetings to the public",
                ),
                AccessMode::Open => Finding::pass(R, &a.clause, "meetings are open to the public"),
                AccessMode::OpenExceptRestricted => Finding::pass(
                    R,
                    &a.clause,
                    "meetings are open to the public except for restricted items",
                ),
            },
            (true, None, Some(pm)) => Finding::pass(
                R,
                &pm.clause,
                format!(
                    "the ToR provides for public meetings (at least {} a year)",
                    pm.at_least_per_year
                ),
            ),
            (false, Some(a), _) => Finding::pass(
                R,
                &a.clause,
                match a.mode {
                    AccessMode::Closed => "not a public meeting, as the ToR requires",
                    _ => "not stated to be a public meeting; the ToR allows the public in",
                },
            ),
            (false, None, Some(pm)) => Finding::pass(
                R,
                &pm.clause,
                format!(
                    "not a public meeting; the ToR asks for at least {} public meeting(s) a year",
                    pm.at_least_per_year
                ),
            ),
            (_, None, None) => Finding::not_stated(R, "rule on public access"),
        }
    }

    fn public_meeting(&self) -> Finding {
        const R: &str = "public-meeting";
        let Some(pm) = &self.tor.public.meetings else {
            return Finding::not_stated(R, "rule on public meetings");
        };
        let clause = Some(&pm.clause);
        let year = Span::of(Period::Year, self.year_starts(), self.date);
        let held: Option<Vec<NaiveDate>> = self.record().map(|r| {
            r.before(self.date)
                .filter(|m| m.public && year.contains(m.date))
                .map(|m| m.date)
                .collect()
        });
        let needed = pm.at_least_per_year as usize;
        if self.m.public {
            let mut message = "a public meeting".to_owned();
            if let Some(class) = &pm.required_class {
                if !self.m.attendance_given() {
                    return Finding::unjudged(
                        R,
                        clause,
                        Fact::Attendance,
                        format!(
                            "a public meeting, but who attended was not given: every {class} member must be present"
                        ),
                    );
                }
                let absent: Vec<&str> = self
                    .tor
                    .members_on(self.date)
                    .filter(|m| &m.class == class && !self.represented(m))
                    .map(|m| m.id.as_str())
                    .collect();
                if !absent.is_empty() {
                    return Finding::fail(
                        R,
                        &pm.clause,
                        format!(
                            "a public meeting without every {class} member present: {} absent",
                            and_list(&absent)
                        ),
                    );
                }
                message.push_str(&format!(" with every {class} member present"));
            }
            if let Some(held) = &held {
                message.push_str(&format!(
                    "; public meeting {} of at least {needed} in {}",
                    held.len() + 1,
                    year.label()
                ));
            }
            return Finding::pass(R, &pm.clause, message);
        }
        match held {
            None => Finding::unjudged(
                R,
                clause,
                Fact::History,
                "not a public meeting; whether the year has had its public meeting needs the record of meetings",
            ),
            Some(held) if held.len() >= needed => {
                let days: Vec<String> = held.iter().map(ToString::to_string).collect();
                Finding::pass(
                    R,
                    &pm.clause,
                    format!(
                        "{} already held in {}: {}",
                        plural(held.len(), "public meeting", "public meetings"),
                        year.label(),
                        and_list(&days)
                    ),
                )
            }
            Some(held) => Finding::warn(
                R,
                clause,
                format!(
                    "{} of at least {needed} public meeting(s) held so far in {}; still needed by {}",
                    held.len(),
                    year.label(),
                    year.end.pred_opt().unwrap_or(year.end)
                ),
            ),
        }
    }

    // ---- frequency ----------------------------------------------------------------

    fn frequency(&self) -> Finding {
        const R: &str = "frequency";
        let Some(f) = &self.tor.frequency else {
            return Finding::not_stated(R, "meeting frequency");
        };
        if !f.in_window(self.date) {
            return Finding::fail(R, &f.clause, outside_window(f, self.date));
        }
        let Some(past) = self.past() else {
            return Finding::unjudged(
                R,
                Some(&f.clause),
                Fact::History,
                "needs the record of meetings, or the previous meeting's date",
            );
        };
        let too_long = f
            .max_gap
            .zip(past.dates.last())
            .and_then(|(gap, &prev)| gap_too_long(gap, prev, self.date));
        if let Some(message) = too_long {
            return Finding::fail(R, &f.clause, message);
        }
        match f.rule {
            FrequencyRule::EveryMonths { months } => self.every_months(f, months, &past),
            FrequencyRule::AtLeast { n, per } => self.at_least(f, n, per, &past),
            FrequencyRule::Exactly { n, per } => self.exactly(f, n, per, &past),
        }
    }

    /// A cancellation the ToR's cancellation rule accepts.
    fn cancellation_ok(f: &Frequency, c: &CancelledMeeting) -> bool {
        f.cancellation
            .as_ref()
            .is_some_and(|rule| c.consulted || !rule.consult_members)
    }

    fn every_months(&self, f: &Frequency, months: u32, past: &Past) -> Finding {
        const R: &str = "frequency";
        let Some(&prev) = past.dates.last() else {
            return Finding::skip(
                R,
                Some(&f.clause),
                "the record holds no meeting before this one",
            );
        };
        let cancelled: &[CancelledMeeting] = past.record.map_or(&[], |r| &r.cancelled);
        // Each cancelled meeting that was due restarts the clock from its day.
        let (mut anchor, mut due) = (prev, add_months(prev, months));
        let mut used: Vec<&CancelledMeeting> = Vec::new();
        while self.date > due {
            let next = cancelled
                .iter()
                .find(|c| anchor < c.date && c.date <= due && c.date < self.date);
            let Some(c) = next else { break };
            used.push(c);
            anchor = c.date;
            due = add_months(c.date, months);
        }
        let gap = format!("every {months} months");
        if self.date > due {
            let mut message = msg![
                "too late: the previous meeting was on ",
                prev,
                format!(" and meetings are {gap}, so the next was due by "),
                due
            ];
            if !used.is_empty() {
                message = message
                    .then(" even counting the cancelled meeting(s) of ")
                    .then(dates(used.iter().map(|c| c.date)));
            }
            return Finding::fail(R, &f.clause, message);
        }
        if used.is_empty() {
            return Finding::pass(
                R,
                &f.clause,
                msg![
                    "held by ",
                    due,
                    format!(", within {months} months of the previous meeting on "),
                    prev
                ],
            );
        }
        let days = dates(used.iter().map(|c| c.date));
        match &f.cancellation {
            None => Finding::fail(
                R,
                &f.clause,
                msg![
                    format!("more than {months} months after the previous meeting on "),
                    prev,
                    "; the meeting(s) of ",
                    days,
                    " were cancelled, but the ToR provides no cancellation"
                ],
            ),
            Some(rule) if used.iter().any(|c| !Self::cancellation_ok(f, c)) => Finding::fail(
                R,
                &rule.clause,
                msg![
                    format!("more than {months} months after the previous meeting on "),
                    prev,
                    "; the meeting(s) of ",
                    days,
                    " were cancelled without consulting members first"
                ],
            ),
            Some(rule) => Finding::pass(
                R,
                &rule.clause,
                msg![
                    format!("more than {months} months after the previous meeting on "),
                    prev,
                    ", but the meeting(s) of ",
                    days,
                    " were cancelled",
                    if rule.consult_members {
                        " after consulting members"
                    } else {
                        ""
                    },
                    "; the next was then due by ",
                    due
                ],
            ),
        }
    }

    fn at_least(&self, f: &Frequency, n: u32, per: Period, past: &Past) -> Finding {
        const R: &str = "frequency";
        let Some(&prev) = past.dates.last() else {
            return Finding::skip(
                R,
                Some(&f.clause),
                "the record holds no meeting before this one",
            );
        };
        let ys = self.year_starts();
        let this = Span::of(per, ys, self.date);
        let mut p = Span::of(per, ys, prev);
        // With only a date, how many met in its own period is unknown: start after it.
        if past.record.is_none() {
            p = p.next();
        }
        let cancelled: &[CancelledMeeting] = past.record.map_or(&[], |r| &r.cancelled);
        let needed = n as usize;
        let mut short = Vec::new();
        let mut short_count = 0usize;
        let mut excused = false;
        let mut unconsulted = Vec::new();
        // Bounded: a ToR year range is small, but input dates need not be.
        for _ in 0..100_000 {
            if p.start >= this.start {
                break;
            }
            let held = past.dates.iter().filter(|d| p.contains(**d)).count();
            let in_p: Vec<&CancelledMeeting> =
                cancelled.iter().filter(|c| p.contains(c.date)).collect();
            let ok = in_p.iter().filter(|c| Self::cancellation_ok(f, c)).count();
            if held + ok < needed {
                short_count += 1;
                if short.len() < 6 {
                    short.push(if needed == 1 {
                        p.label()
                    } else {
                        format!("{} ({held} held)", p.label())
                    });
                }
                unconsulted.extend(
                    in_p.iter()
                        .filter(|c| !Self::cancellation_ok(f, c))
                        .map(|c| c.date),
                );
            } else if held < needed {
                excused = true;
            }
            p = p.next();
        }
        let rule = format!("at least {n} a {}", per.as_str());
        if short_count > 0 {
            let more = short_count - short.len();
            let mut list = and_list(&short);
            if more > 0 {
                list.push_str(&format!(" and {more} more"));
            }
            let mut message = if needed == 1 {
                msg![
                    format!("no meeting in {list} since the previous meeting on "),
                    prev,
                    format!(" ({rule})")
                ]
            } else {
                format!("too few meetings in {list} ({rule})").into()
            };
            if !unconsulted.is_empty() {
                let days = dates(unconsulted);
                match &f.cancellation {
                    None => {
                        message = msg![
                            message,
                            "; the meeting(s) of ",
                            days,
                            " were cancelled, but the ToR provides no cancellation"
                        ];
                    }
                    Some(rule) => {
                        message = msg![
                            message,
                            "; the meeting(s) of ",
                            days,
                            " were cancelled without consulting members first"
                        ];
                        return Finding::fail(R, &rule.clause, message);
                    }
                }
            }
            return Finding::fail(R, &f.clause, message);
        }
        let so_far = past.dates.iter().filter(|d| this.contains(**d)).count() + 1;
        let message = msg![
            format!(
                "{rule}: every {} since the previous meeting on ",
                per.as_str()
            ),
            prev,
            format!(
                " had its meeting(s); {so_far} in {} with this one",
                this.label()
            )
        ];
        match (&f.cancellation, excused) {
            (Some(c), true) => Finding::pass(
                R,
                &c.clause,
                format!("{message} (counting meetings cancelled as the ToR allows)"),
            ),
            _ => Finding::pass(R, &f.clause, message),
        }
    }

    fn exactly(&self, f: &Frequency, n: u32, per: Period, past: &Past) -> Finding {
        const R: &str = "frequency";
        let this = Span::of(per, self.year_starts(), self.date);
        let per = per.as_str();
        let Some(record) = past.record else {
            return Finding::unjudged(
                R,
                Some(&f.clause),
                Fact::History,
                format!("counting this {per}'s meetings needs the record of meetings"),
            );
        };
        let k = record
            .before(self.date)
            .filter(|m| this.contains(m.date))
            .count()
            + 1;
        if k > n as usize {
            Finding::fail(
                R,
                &f.clause,
                format!(
                    "this would be meeting {k} in {}: the ToR sets {n} a {per}",
                    this.label()
                ),
            )
        } else {
            Finding::pass(
                R,
                &f.clause,
                format!("{k} of {n} this {per} ({})", this.label()),
            )
        }
    }

    // ---- standing items ----------------------------------------------------------------

    fn standing_items(&self) -> Finding {
        const R: &str = "standing-items";
        let Some(si) = &self.tor.standing_items else {
            return Finding::not_stated(R, "standing agenda items");
        };
        let clause = Some(&si.clause);
        let record = self.record();
        let items = &self.m.items;
        let agenda: HashSet<String> = items.iter().map(|i| item_key(i)).collect();
        let on = |item: &str| agenda.contains(&item_key(item));
        if !si.staggered {
            if items.is_empty() {
                return Finding::unjudged(
                    R,
                    clause,
                    Fact::Items,
                    "the agenda items were not given",
                );
            }
            let missing: Vec<&str> = si
                .items
                .iter()
                .filter(|i| !on(i))
                .map(String::as_str)
                .collect();
            return if missing.is_empty() {
                Finding::pass(R, &si.clause, "every standing item is on the agenda")
            } else {
                Finding::fail(
                    R,
                    &si.clause,
                    format!(
                        "standing items missing from the agenda: {}",
                        item_list(&missing)
                    ),
                )
            };
        }
        if items.is_empty() && record.is_none() {
            return Finding::unjudged(R, clause, Fact::Items, "the agenda items were not given");
        }
        let since = self
            .date
            .checked_sub_months(Months::new(12))
            .unwrap_or(NaiveDate::MIN);
        let earlier: HashSet<String> = record
            .map(|r| {
                r.before(self.date)
                    .filter(|m| m.date > since)
                    .flat_map(|m| &m.items)
                    .map(|i| item_key(i))
                    .collect()
            })
            .unwrap_or_default();
        let uncovered: Vec<&str> = si
            .items
            .iter()
            .filter(|i| !on(i) && !earlier.contains(&item_key(i)))
            .map(String::as_str)
            .collect();
        match (uncovered.is_empty(), record) {
            (true, Some(_)) => Finding::pass(
                R,
                &si.clause,
                "every standing item was taken in the 12 months to this meeting",
            ),
            (true, None) => Finding::pass(R, &si.clause, "every standing item is on this agenda"),
            (false, Some(_)) => Finding::warn(
                R,
                clause,
                format!(
                    "standing items not taken in the 12 months to this meeting: {} (staggered: plan them for coming agendas)",
                    item_list(&uncovered)
                ),
            ),
            (false, None) => Finding::unjudged(
                R,
                clause,
                Fact::History,
                format!(
                    "staggered items not on this agenda: {}; judging them needs the record of earlier agendas",
                    item_list(&uncovered)
                ),
            ),
        }
    }
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

    #[test]
    fn lists_and_items() {
        assert_eq!(and_list::<&str>(&[]), "none");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(item_key("Hate  crime"), item_key(" hate CRIME"));
        assert_ne!(item_key("Hate crime"), item_key("Hate crimes"));
        assert_eq!(item_list(&["A, B", "C"]), "\"A, B\", \"C\"");
    }
}

//! From the raw structs to the checked model: every reference resolved, every rule
//! coherent. Problems are collected, never thrown, so one run reports them all.

use std::collections::HashSet;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::bounds;
use super::raw::*;
use crate::calendar::{Convention, Region};
use crate::diag::Diagnostic;
use crate::model::*;

/// What the checker found beyond the model: the spans warnings point at.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    pub id: Range<usize>,
    pub review_next: Option<Range<usize>>,
    pub quorum: Option<Range<usize>>,
    /// The first rule clause left as the `tor init` placeholder ("TODO").
    pub placeholder: Option<Range<usize>>,
}

pub struct Checker<'a> {
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
    pub fn new(expected_id: Option<&'a str>) -> Self {
        Self {
            expected_id,
            diagnostics: Vec::new(),
        }
    }

    fn error(
        &mut self,
        code: &'static str,
        message: impl Into<String>,
        span: Range<usize>,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::error(code, message).at(span));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Builds the model; `None` when any error was found.
    pub fn check(&mut self, raw: RawTor) -> Option<(Tor, Spans)> {
        let spans = Spans {
            id: raw.id.span(),
            review_next: raw
                .review
                .as_ref()
                .and_then(|r| r.next.as_ref())
                .map(|n| n.span()),
            quorum: raw.quorum.as_ref().map(|q| q.clause.span()),
            placeholder: placeholder_span(&raw),
        };
        let id = self.partnership_id(&raw.id);
        if raw.name.get_ref().trim().is_empty() {
            self.error("empty-value", "`name` is empty", raw.name.span());
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
        let members = self.members(&raw.members, &classes);
        let chair = raw
            .chair
            .as_ref()
            .and_then(|c| self.chair(c, &classes, &members));
        let quorum = raw
            .quorum
            .as_ref()
            .and_then(|q| self.quorum(q, &classes, &members));
        let notice = raw
            .notice
            .as_ref()
            .map(|n| self.notices(n))
            .unwrap_or_default();
        let frequency = raw.frequency.as_ref().and_then(|f| self.frequency(f));
        let public = raw
            .public
            .as_ref()
            .map(|p| self.public(p, &classes))
            .unwrap_or_default();
        let decisions = raw.decisions.as_ref().and_then(|d| self.decisions(d));
        let standing_items = raw.standing_items.as_ref().map(|s| self.standing_items(s));
        let review = raw.review.as_ref().map(|r| Review {
            clause: clause(&r.clause),
            annually: r.annually,
            next: r.next.as_ref().and_then(|n| self.date(n)),
        });
        let history = raw.history.iter().filter_map(|h| self.history(h)).collect();

        if self
            .diagnostics
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error)
        {
            return None;
        }
        let tor = Tor {
            id: id?,
            name: raw.name.into_inner(),
            source: raw.source,
            location,
            adopted,
            region: region?,
            timezone: timezone?,
            closures,
            extra_holidays,
            classes,
            members,
            chair,
            quorum,
            notice,
            frequency,
            public,
            decisions,
            standing_items,
            review,
            history,
            member_index: Default::default(),
        }
        .index_members();
        Some((tor, spans))
    }

    fn partnership_id(&mut self, raw: &S<String>) -> Option<PartnershipId> {
        let id = match PartnershipId::parse(raw.get_ref()) {
            Ok(id) => id,
            Err(e) => {
                self.error("invalid-id", e.to_string(), raw.span());
                return None;
            }
        };
        if let Some(expected) = self.expected_id
            && expected != id.as_str()
        {
            self.error(
                "id-mismatch",
                format!("`id` is `{id}` but the file is named `{expected}.toml`"),
                raw.span(),
            )
            .help = Some(format!(
                "set `id = \"{expected}\"` or rename the file to `{id}.toml`"
            ));
        }
        Some(id)
    }

    /// The meeting place, trimmed: not empty, and at most
    /// [`bounds::LOCATION_CHARS`] characters.
    fn location(&mut self, raw: &S<String>) -> Option<String> {
        let text = raw.get_ref().trim();
        let n = text.chars().count();
        if text.is_empty() {
            self.error("empty-value", "`location` is empty", raw.span());
            return None;
        }
        if n > bounds::LOCATION_CHARS {
            self.error(
                "out-of-range",
                format!(
                    "`location` is {n} characters long: at most {}",
                    bounds::LOCATION_CHARS
                ),
                raw.span(),
            );
            return None;
        }
        Some(text.to_owned())
    }

    /// `n` where it lies in `range`; otherwise an `out-of-range` error at it.
    fn bounded(
        &mut self,
        key: &str,
        n: &S<u32>,
        range: &std::ops::RangeInclusive<u32>,
        unit: &str,
    ) -> Option<u32> {
        match bounds::outside(key, *n.get_ref(), range, unit) {
            None => Some(*n.get_ref()),
            Some(message) => {
                self.error("out-of-range", message, n.span());
                None
            }
        }
    }

    /// A TOML date with no time and no offset.
    fn date(&mut self, raw: &S<TomlDate>) -> Option<NaiveDate> {
        let value = raw.get_ref();
        let (Some(d), None, None) = (value.date, value.time, value.offset) else {
            self.error(
                "invalid-date",
                format!("`{value}` is not a plain date: write YYYY-MM-DD"),
                raw.span(),
            );
            return None;
        };
        let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
        match date {
            None => {
                self.error(
                    "invalid-date",
                    format!("{value} is not a date in the calendar"),
                    raw.span(),
                );
            }
            Some(day) if !bounds::YEARS.contains(&chrono::Datelike::year(&day)) => {
                self.error(
                    "out-of-range",
                    format!(
                        "{value} is out of range: dates run from {} to {}",
                        bounds::YEARS.start(),
                        bounds::YEARS.end()
                    ),
                    raw.span(),
                );
                return None;
            }
            Some(_) => {}
        }
        date
    }

    fn region(&mut self, raw: &S<String>) -> Option<Region> {
        let found = Region::from_str(raw.get_ref()).ok();
        if found.is_none() {
            let names: Vec<String> = Region::ALL.iter().map(ToString::to_string).collect();
            let d = Diagnostic::error(
                "unknown-region",
                format!("unknown region `{}`", raw.get_ref()),
            )
            .at(raw.span())
            .suggest(raw.get_ref(), names.iter().map(String::as_str));
            let d = if d.help.is_none() {
                d.help(format!("expected one of: {}", names.join(", ")))
            } else {
                d
            };
            self.diagnostics.push(d);
        }
        found
    }

    fn timezone(&mut self, raw: &S<String>) -> Option<Tz> {
        // Only UK zones (and UTC) are built in: see .cargo/config.toml.
        let found = Tz::from_str(raw.get_ref()).ok();
        if found.is_none() {
            let d = Diagnostic::error(
                "unknown-timezone",
                format!(
                    "unknown time zone `{}`: tor keeps UK time (Europe/London, or UTC)",
                    crate::text::excerpt(raw.get_ref()),
                ),
            )
            .at(raw.span())
            .suggest(
                raw.get_ref(),
                chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()),
            );
            self.diagnostics.push(d);
        }
        found
    }

    /// Parses a keyword into one of `names`, reporting the nearest on failure.
    /// Parses a keyword enum, reporting the nearest keyword on failure.
    fn keyword_of<T: Keyword>(&mut self, what: &str, raw: &S<String>) -> Option<T> {
        self.keyword(what, raw, T::NAMES).and_then(T::from_keyword)
    }

    fn keyword<'n>(&mut self, what: &str, raw: &S<String>, names: &[&'n str]) -> Option<&'n str> {
        let got = raw.get_ref().as_str();
        if let Some(found) = names.iter().find(|n| **n == got) {
            return Some(found);
        }
        let d = Diagnostic::error("unknown-keyword", format!("unknown {what} `{got}`"))
            .at(raw.span())
            .suggest(got, names.iter().copied());
        let d = if d.help.is_none() {
            d.help(format!("expected one of: {}", names.join(", ")))
        } else {
            d
        };
        self.diagnostics.push(d);
        None
    }

    fn classes(&mut self, raw: &[RawClass]) -> Vec<Class> {
        let mut seen = HashSet::new();
        let mut classes = Vec::new();
        for c in raw {
            let Ok(id) = ClassId::parse(c.id.get_ref()) else {
                self.error(
                    "invalid-id",
                    format!("class id `{}` is not kebab-case", c.id.get_ref()),
                    c.id.span(),
                );
                continue;
            };
            if !seen.insert(id.clone()) {
                self.error(
                    "duplicate-id",
                    format!("class `{id}` is defined twice"),
                    c.id.span(),
                );
                continue;
            }
            classes.push(Class {
                id,
                name: c.name.clone(),
                voting: c.voting,
                clause: c.clause.as_ref().map(clause),
            });
        }
        classes
    }

    fn class_ref(&mut self, raw: &S<String>, classes: &[Class]) -> Option<ClassId> {
        let got = raw.get_ref().as_str();
        if let Some(c) = classes.iter().find(|c| c.id.as_str() == got) {
            return Some(c.id.clone());
        }
        let d = Diagnostic::error("unknown-class", format!("no class `{got}` is defined"))
            .at(raw.span())
            .label("not in [[classes]]")
            .suggest(got, classes.iter().map(|c| c.id.as_str()));
        let d = or_list(d, "defined classes", classes.iter().map(|c| c.id.as_str()));
        self.diagnostics.push(d);
        None
    }

    fn member_ref(&mut self, raw: &S<String>, members: &[Member]) -> Option<MemberId> {
        let got = raw.get_ref().as_str();
        if let Some(m) = members.iter().find(|m| m.id.as_str() == got) {
            return Some(m.id.clone());
        }
        let d = Diagnostic::error("unknown-member", format!("no member `{got}` is defined"))
            .at(raw.span())
            .label("not in [[members]]")
            .suggest(got, members.iter().map(|m| m.id.as_str()));
        let d = or_list(d, "defined members", members.iter().map(|m| m.id.as_str()));
        self.diagnostics.push(d);
        None
    }

    fn members(&mut self, raw: &[RawMember], classes: &[Class]) -> Vec<Member> {
        let mut seen = HashSet::new();
        let mut members = Vec::new();
        for m in raw {
            let id = match MemberId::parse(m.id.get_ref()) {
                Ok(id) => id,
                Err(e) => {
                    self.error("invalid-id", e.to_string(), m.id.span());
                    continue;
                }
            };
            if !seen.insert(id.clone()) {
                self.error(
                    "duplicate-id",
                    format!("member `{id}` is defined twice"),
                    m.id.span(),
                )
                .label = Some("already defined above".into());
                continue;
            }
            let class = self.class_ref(&m.class, classes);
            let from = m.from.as_ref().and_then(|d| self.date(d));
            let until = m.until.as_ref().and_then(|d| self.date(d));
            if let (Some(f), Some(u), Some(span)) =
                (from, until, m.until.as_ref().map(|u| u.span()))
                && u < f
            {
                self.error(
                    "inverted-dates",
                    format!("member `{id}`: `until` {u} is before `from` {f}"),
                    span,
                );
            }
            let Some(class) = class else { continue };
            let class_votes = classes
                .iter()
                .find(|c| c.id == class)
                .is_some_and(|c| c.voting);
            members.push(Member {
                id,
                name: m.name.clone(),
                voting: m.voting.unwrap_or(class_votes),
                class,
                from,
                until,
                clause: m.clause.as_ref().map(clause),
                note: m.note.clone(),
            });
        }
        members
    }

    fn chair(&mut self, raw: &RawChair, classes: &[Class], members: &[Member]) -> Option<Chair> {
        let kind = self.keyword(
            "chair appointment",
            &raw.appointment,
            &ChairAppointment::NAMES,
        )?;
        let appointment = match kind {
            "elected-annually" => ChairAppointment::ElectedAnnually,
            "elected-at-may-meeting" => ChairAppointment::ElectedAtMayMeeting,
            "named" => ChairAppointment::Named,
            _ => {
                let (Some(class), Some(years)) = (&raw.rotation_class, &raw.rotation_years) else {
                    self.error(
                        "missing-key",
                        "a rotating chair needs `rotation_class` and `rotation_years`",
                        raw.appointment.span(),
                    );
                    return None;
                };
                ChairAppointment::Rotating {
                    class: self.class_ref(class, classes)?,
                    years: self.bounded(
                        "rotation_years",
                        years,
                        &bounds::ROTATION_YEARS,
                        "years",
                    )?,
                }
            }
        };
        let member = match &raw.member {
            Some(m) => Some(self.member_ref(m, members)?),
            None => None,
        };
        Some(Chair {
            clause: clause(&raw.clause),
            appointment,
            member,
            deputy: raw.deputy.as_ref().map(|d| clause(&d.clause)),
            casting_vote: raw.casting_vote.as_ref().map(|c| clause(&c.clause)),
        })
    }

    fn quorum(&mut self, raw: &RawQuorum, classes: &[Class], members: &[Member]) -> Option<Quorum> {
        let rule = match (&raw.at_least, &raw.fraction) {
            (Some(n), None) => {
                let class = match &raw.class {
                    Some(c) => Some(self.class_ref(c, classes)?),
                    None => None,
                };
                let eligible = members
                    .iter()
                    .filter(|m| class.as_ref().map_or(m.voting, |c| &m.class == c))
                    .count();
                let n_value = *n.get_ref();
                if n_value > *bounds::QUORUM.end() {
                    self.bounded("at_least", n, &bounds::QUORUM, "members");
                } else if n_value == 0 {
                    self.error(
                        "impossible-rule",
                        "a quorum of 0 is no quorum: leave `[quorum]` out instead",
                        n.span(),
                    );
                } else if n_value as usize > eligible {
                    let of = class.as_ref().map_or("voting members".to_owned(), |c| {
                        format!("members of class `{c}`")
                    });
                    self.error(
                        "impossible-rule",
                        format!("quorum of {n_value} is more than the {eligible} {of} defined"),
                        n.span(),
                    )
                    .label = Some(format!("at most {eligible}"));
                }
                QuorumRule::AtLeast { n: n_value, class }
            }
            (None, Some(f)) => {
                let parsed = f.get_ref().split_once('/').and_then(|(a, b)| {
                    Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?))
                });
                match parsed {
                    Some((_, den)) if den > *bounds::FRACTION_TERM.end() => {
                        self.error(
                            "out-of-range",
                            format!(
                                "`fraction` = \"{}\" is out of range: the denominator is at most {}",
                                f.get_ref(),
                                bounds::FRACTION_TERM.end()
                            ),
                            f.span(),
                        );
                        return None;
                    }
                    Some((num, den)) if num > 0 && den > 0 && num <= den => QuorumRule::Fraction {
                        numerator: num,
                        denominator: den,
                    },
                    _ => {
                        self.error(
                            "invalid-value",
                            "`fraction` must be like \"1/3\": a proper fraction above 0",
                            f.span(),
                        );
                        return None;
                    }
                }
            }
            _ => {
                self.error(
                    "conflicting-keys",
                    "`[quorum]` needs exactly one of `at_least` or `fraction`",
                    raw.clause.span(),
                );
                return None;
            }
        };
        Some(Quorum {
            clause: clause(&raw.clause),
            rule,
        })
    }

    fn notices(&mut self, raw: &RawNotices) -> Notices {
        Notices {
            agenda: raw.agenda.as_ref().and_then(|n| self.notice(n, false)),
            extraordinary: raw
                .extraordinary
                .as_ref()
                .and_then(|n| self.notice(n, false)),
            minutes: raw.minutes.as_ref().and_then(|n| self.notice(n, true)),
        }
    }

    fn notice(&mut self, raw: &RawNotice, working_only: bool) -> Option<Notice> {
        let given: Vec<(Convention, &S<u32>)> = [
            (Convention::Working, &raw.working_days),
            (Convention::ClearWorking, &raw.clear_working_days),
            (Convention::Clear, &raw.clear_days),
            (Convention::Days, &raw.days),
            (Convention::StatutoryDays, &raw.statutory_days),
            (Convention::Hours, &raw.hours),
        ]
        .into_iter()
        .filter_map(|(c, n)| Some((c, n.as_ref()?)))
        .collect();
        let [(convention, n)] = given[..] else {
            self.error(
                "conflicting-keys",
                "a notice rule needs exactly one of `working_days`, `clear_working_days`, `clear_days`, `days`, `statutory_days` or `hours`",
                raw.clause.span(),
            );
            return None;
        };
        if working_only && convention != Convention::Working {
            self.error(
                "invalid-value",
                "minutes are due within `working_days` of the meeting",
                n.span(),
            );
            return None;
        }
        let (key, range, unit) = match convention {
            Convention::Working => ("working_days", &bounds::WORKING_DAYS, "working days"),
            Convention::ClearWorking => {
                ("clear_working_days", &bounds::WORKING_DAYS, "working days")
            }
            Convention::Clear => ("clear_days", &bounds::CLEAR_DAYS, "days"),
            Convention::Days => ("days", &bounds::CLEAR_DAYS, "days"),
            Convention::StatutoryDays => ("statutory_days", &bounds::CLEAR_DAYS, "days"),
            Convention::Hours => ("hours", &bounds::HOURS, "hours"),
        };
        Some(Notice {
            clause: clause(&raw.clause),
            convention,
            n: self.bounded(key, n, range, unit)?,
        })
    }

    fn frequency(&mut self, raw: &RawFrequency) -> Option<Frequency> {
        let per = match &raw.per {
            Some(p) => Some(self.keyword_of::<Period>("period", p)?),
            None => None,
        };
        let rule = match (&raw.every_months, &raw.at_least, &raw.times, per) {
            (Some(m), None, None, None) if *m.get_ref() > 0 => FrequencyRule::EveryMonths {
                months: *m.get_ref(),
            },
            (None, Some(n), None, Some(per)) if *n.get_ref() > 0 => FrequencyRule::AtLeast {
                n: *n.get_ref(),
                per,
            },
            (None, None, Some(n), Some(per)) if *n.get_ref() > 0 => FrequencyRule::Exactly {
                n: *n.get_ref(),
                per,
            },
            _ => {
                self.error(
                    "conflicting-keys",
                    "`[frequency]` needs `every_months`, or `at_least` or `times` (above 0) with `per`",
                    raw.clause.span(),
                );
                return None;
            }
        };
        let year_starts = match &raw.year_starts {
            Some(s) => Some(self.month_day(s)?),
            None => None,
        };
        let in_range = match &rule {
            FrequencyRule::EveryMonths { .. } => {
                let m = raw.every_months.as_ref()?;
                self.bounded("every_months", m, &bounds::EVERY_MONTHS, "months")
            }
            FrequencyRule::AtLeast { per, .. } | FrequencyRule::Exactly { per, .. } => {
                let (key, n) = match (&raw.at_least, &raw.times) {
                    (Some(n), _) => ("at_least", n),
                    (_, Some(n)) => ("times", n),
                    _ => return None,
                };
                let (range, unit) = match per {
                    Period::Month => (&bounds::PER_MONTH, "a month"),
                    Period::Quarter => (&bounds::PER_QUARTER, "a quarter"),
                    Period::Year => (&bounds::PER_YEAR, "a year"),
                };
                self.bounded(key, n, range, unit)
            }
        };
        in_range?;
        let months = match &raw.months {
            Some(m) => self.month_window(m)?,
            None => Vec::new(),
        };
        let max_gap = match &raw.max_gap {
            Some(g) => Some(self.gap(g)?),
            None => None,
        };
        Some(Frequency {
            clause: clause(&raw.clause),
            rule,
            year_starts,
            months,
            max_gap,
            cancellation: raw.cancellation.as_ref().map(|c| Cancellation {
                clause: clause(&c.clause),
                consult_members: c.consult_members,
            }),
        })
    }

    /// `max_gap`: exactly one of `months`, `weeks`, `days`, in range.
    fn gap(&mut self, raw: &S<RawGap>) -> Option<Gap> {
        let g = raw.get_ref();
        match (&g.months, &g.weeks, &g.days) {
            (Some(n), None, None) => self
                .bounded("months", n, &bounds::GAP_MONTHS, "months")
                .map(Gap::Months),
            (None, Some(n), None) => self
                .bounded("weeks", n, &bounds::GAP_WEEKS, "weeks")
                .map(Gap::Weeks),
            (None, None, Some(n)) => self
                .bounded("days", n, &bounds::GAP_DAYS, "days")
                .map(Gap::Days),
            _ => {
                self.error(
                    "conflicting-keys",
                    "`max_gap` needs exactly one of `months`, `weeks` or `days`",
                    raw.span(),
                );
                None
            }
        }
    }

    /// The months of `[frequency] months`: at least one, each once.
    fn month_window(&mut self, raw: &S<Vec<S<String>>>) -> Option<Vec<MonthName>> {
        if raw.get_ref().is_empty() {
            self.error(
                "empty-value",
                "`months` lists no month: leave it out to allow meetings in any month",
                raw.span(),
            );
            return None;
        }
        let mut months: Vec<MonthName> = Vec::new();
        for m in raw.get_ref() {
            let month = self.keyword_of::<MonthName>("month", m)?;
            if months.contains(&month) {
                self.error(
                    "duplicate-value",
                    format!("`months` lists `{month}` twice"),
                    m.span(),
                );
                return None;
            }
            months.push(month);
        }
        months.sort_by_key(|m| m.number());
        Some(months)
    }

    fn month_day(&mut self, raw: &S<String>) -> Option<(u32, u32)> {
        let parsed = raw.get_ref().split_once('-').and_then(|(m, d)| {
            let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
            // 2024 is a leap year, so 29 February is accepted.
            NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
        });
        if parsed.is_none() {
            self.error(
                "invalid-value",
                "`year_starts` must be a month and day as MM-DD, e.g. \"05-01\"",
                raw.span(),
            );
        }
        parsed
    }

    fn public(&mut self, raw: &RawPublic, classes: &[Class]) -> PublicRules {
        let access = raw.access.as_ref().and_then(|a| {
            let mode = self.keyword_of::<AccessMode>("public access mode", &a.mode)?;
            Some(PublicAccess {
                clause: clause(&a.clause),
                mode,
            })
        });
        let meetings = raw.meetings.as_ref().and_then(|m| {
            if *m.at_least.get_ref() == 0 {
                self.error(
                    "impossible-rule",
                    "at least 0 public meetings is no rule: leave it out",
                    m.at_least.span(),
                );
            } else {
                self.bounded("at_least", &m.at_least, &bounds::PER_YEAR, "a year")?;
            }
            let required_class = match &m.required_class {
                Some(c) => Some(self.class_ref(c, classes)?),
                None => None,
            };
            Some(PublicMeetings {
                clause: clause(&m.clause),
                at_least_per_year: *m.at_least.get_ref(),
                required_class,
                joint_with: m.joint_with.clone(),
            })
        });
        PublicRules { access, meetings }
    }

    fn kinds(&mut self, raw: &RawKinds) -> Option<KindRule> {
        let mut kinds = Vec::new();
        for k in &raw.kinds {
            kinds.push(self.keyword_of::<DecisionKind>("decision kind", k)?);
        }
        if kinds.is_empty() {
            self.error(
                "empty-value",
                "`kinds` lists no decision kind",
                raw.clause.span(),
            );
        }
        Some(KindRule {
            clause: clause(&raw.clause),
            kinds,
        })
    }

    fn decisions(&mut self, raw: &RawDecisions) -> Option<Decisions> {
        let method = self.keyword_of::<DecisionMethod>("decision method", &raw.method)?;
        let majority = match &raw.majority {
            Some(m) => self.keyword_of::<Majority>("majority", m)?,
            None => Majority::default(),
        };
        for s in [&raw.deputies, &raw.substitutes].into_iter().flatten() {
            if let Some(p) = &s.per_member {
                self.bounded("per_member", p, &bounds::PER_MEMBER, "stand-ins")?;
            }
        }
        let stand_ins = |s: &RawStandIns| StandIns {
            clause: clause(&s.clause),
            holds_vote: s.holds_vote,
            advance_notice: s.advance_notice,
            per_member: s.per_member.as_ref().map(|p| *p.get_ref()),
        };
        Some(Decisions {
            clause: clause(&raw.clause),
            method,
            majority,
            one_vote_per_organisation: raw
                .one_vote_per_organisation
                .as_ref()
                .map(|c| clause(&c.clause)),
            proxies: raw.proxies.as_ref().and_then(|k| self.kinds(k)),
            deputies: raw.deputies.as_ref().map(stand_ins),
            substitutes: raw.substitutes.as_ref().map(stand_ins),
            opt_out: raw.opt_out.as_ref().and_then(|k| self.kinds(k)),
            conflicts_of_interest: raw
                .conflicts_of_interest
                .as_ref()
                .and_then(|k| self.kinds(k)),
            disputes: raw.disputes.as_ref().map(|d| Disputes {
                clause: clause(&d.clause),
                referred_to: d.referred_to.clone(),
            }),
        })
    }

    fn standing_items(&mut self, raw: &RawStandingItems) -> StandingItems {
        let mut seen = HashSet::new();
        for item in &raw.items {
            if !seen.insert(item.get_ref().to_lowercase()) {
                self.error(
                    "duplicate-id",
                    format!("standing item `{}` is listed twice", item.get_ref()),
                    item.span(),
                );
            }
        }
        if raw.items.is_empty() {
            self.error(
                "empty-value",
                "`items` lists no standing item",
                raw.clause.span(),
            );
        }
        StandingItems {
            clause: clause(&raw.clause),
            items: raw.items.iter().map(|i| i.get_ref().clone()).collect(),
            staggered: raw.staggered,
        }
    }

    fn history(&mut self, raw: &RawHistory) -> Option<HistoryEvent> {
        let event = self.keyword_of::<HistoryKind>("history event", &raw.event)?;
        Some(HistoryEvent {
            date: self.date(&raw.date)?,
            event,
            name: raw.name.clone(),
            source: raw.source.clone(),
        })
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

//! Meeting rules: notices, frequency, public meetings, kinds, decisions, standing items, history.

use super::*;

impl Checker<'_> {
    pub(super) fn notices(&mut self, raw: &RawNotices) -> Notices {
        Notices {
            agenda: raw.agenda.as_ref().and_then(|n| self.notice(n, false)),
            extraordinary: raw
                .extraordinary
                .as_ref()
                .and_then(|n| self.notice(n, false)),
            minutes: raw.minutes.as_ref().and_then(|n| self.notice(n, true)),
        }
    }

    pub(super) fn notice(&mut self, raw: &RawNotice, working_only: bool) -> Option<Notice> {
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
                Code::ConflictingKeys,
                "a notice rule needs exactly one of `working_days`, `clear_working_days`, `clear_days`, `days`, `statutory_days` or `hours`",
                raw.clause.span(),
            );
            return None;
        };
        if working_only && convention != Convention::Working {
            self.error(
                Code::InvalidValue,
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

    pub(super) fn frequency(&mut self, raw: &RawFrequency) -> Option<Frequency> {
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
                    Code::ConflictingKeys,
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
                    Period::Week => (&bounds::PER_WEEK, "a week"),
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
        let weekdays = match &raw.weekdays {
            Some(d) => self.weekday_window(d)?,
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
            weekdays,
            max_gap,
            cancellation: raw.cancellation.as_ref().map(|c| Cancellation {
                clause: clause(&c.clause),
                consult_members: c.consult_members,
            }),
        })
    }

    /// `max_gap`: exactly one of `months`, `weeks`, `days`, in range.
    pub(super) fn gap(&mut self, raw: &S<RawGap>) -> Option<Gap> {
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
                    Code::ConflictingKeys,
                    "`max_gap` needs exactly one of `months`, `weeks` or `days`",
                    raw.span(),
                );
                None
            }
        }
    }

    /// The months of `[frequency] months`: at least one, each once.
    pub(super) fn month_window(&mut self, raw: &S<Vec<S<String>>>) -> Option<Vec<MonthName>> {
        let mut months = self.keyword_set::<MonthName>("months", "month", raw)?;
        months.sort_by_key(|m| m.number());
        Some(months)
    }

    /// The days of `[frequency] weekdays`: at least one, each once.
    pub(super) fn weekday_window(&mut self, raw: &S<Vec<S<String>>>) -> Option<Vec<WeekdayName>> {
        let mut days = self.keyword_set::<WeekdayName>("weekdays", "day", raw)?;
        days.sort_by_key(|d| d.chrono().num_days_from_monday());
        Some(days)
    }

    /// The keywords of list `key`, each a `what`: at least one, each once.
    fn keyword_set<K: Keyword + PartialEq + std::fmt::Display>(
        &mut self,
        key: &str,
        what: &str,
        raw: &S<Vec<S<String>>>,
    ) -> Option<Vec<K>> {
        if raw.get_ref().is_empty() {
            self.error(
                Code::EmptyValue,
                format!("`{key}` lists no {what}: leave it out to allow meetings in any {what}"),
                raw.span(),
            );
            return None;
        }
        let mut out: Vec<K> = Vec::new();
        for m in raw.get_ref() {
            let k = self.keyword_of::<K>(what, m)?;
            if out.contains(&k) {
                self.error(
                    Code::DuplicateValue,
                    format!("`{key}` lists `{k}` twice"),
                    m.span(),
                );
                return None;
            }
            out.push(k);
        }
        Some(out)
    }

    pub(super) fn month_day(&mut self, raw: &S<String>) -> Option<(u32, u32)> {
        let parsed = raw.get_ref().split_once('-').and_then(|(m, d)| {
            let (m, d) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
            // 2024 is a leap year, so 29 February is accepted.
            NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
        });
        if parsed.is_none() {
            self.error(
                Code::InvalidValue,
                "`year_starts` must be a month and day as MM-DD, e.g. \"05-01\"",
                raw.span(),
            );
        }
        parsed
    }

    pub(super) fn public(&mut self, raw: &RawPublic, classes: &[Class]) -> PublicRules {
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
                    Code::ImpossibleRule,
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

    pub(super) fn standing_items(&mut self, raw: &RawStandingItems) -> StandingItems {
        let mut seen = HashSet::new();
        for item in &raw.items {
            if !seen.insert(item.get_ref().to_lowercase()) {
                self.error(
                    Code::DuplicateId,
                    format!("standing item `{}` is listed twice", item.get_ref()),
                    item.span(),
                );
            }
        }
        if raw.items.is_empty() {
            self.error(
                Code::EmptyValue,
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

    pub(super) fn history(&mut self, raw: &RawHistory) -> Option<HistoryEvent> {
        let event = self.keyword_of::<HistoryKind>("history event", &raw.event)?;
        Some(HistoryEvent {
            date: self.date(&raw.date)?,
            event,
            name: raw.name.clone(),
            source: raw.source.clone(),
        })
    }
}

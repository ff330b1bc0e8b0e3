//! The dates of a plan under one version of the frequency rule, and a plan
//! across an amendment of it: each phase's days are planned by the version in
//! force on them, so no meeting falls where that version forbids it. As in
//! `audit`, a period (month, quarter) is the phase's that holds its last day:
//! a phase that ends before a period does leaves it to the next phase.

use chrono::NaiveDate;

use super::yearend::Neighbours;
use super::{Options, Planner, Rhythm, ScheduleError, preferred_day};
use crate::engine::Message;
use crate::engine::period::{gap_words, window_phrase};
use crate::engine::phase::FrequencyPhase;
use crate::model::{Clause, FrequencyRule, Gap, Keyword, Period, Phase, Tor};
use crate::msg;

/// The dates a plan proposes, with the rule they follow.
pub(super) struct Dated {
    /// The meeting before the plan, where one is known.
    pub seed: Option<NaiveDate>,
    pub dates: Vec<NaiveDate>,
    /// The May meeting, where the chair is elected at it.
    pub may: Option<NaiveDate>,
    /// The frequency followed, in words.
    pub rule: String,
    pub clause: Option<Clause>,
}

/// How a version's frequency rule spaces meetings, in words, with its clause
/// and whether it fixes the number.
fn rhythm_of(tor: &Tor, warnings: &mut Vec<Message>) -> (Rhythm, String, Option<Clause>, bool) {
    let Some(f) = &tor.frequency else {
        let note: Message =
            "the ToR states no meeting frequency: planned quarterly, which no rule requires".into();
        if !warnings.contains(&note) {
            warnings.push(note);
        }
        return (
            Rhythm::Periodic {
                n: 1,
                per: Period::Quarter,
            },
            "quarterly (no frequency stated)".to_owned(),
            None,
            false,
        );
    };
    let (rhythm, rule, exact) = match f.rule {
        FrequencyRule::EveryMonths { months } => (
            Rhythm::Every {
                months: months.max(1),
            },
            format!("every {months} months"),
            false,
        ),
        FrequencyRule::AtLeast { n, per } => (
            Rhythm::Periodic { n, per },
            format!("at least {n} a {}", per.as_str()),
            false,
        ),
        FrequencyRule::Exactly { n, per } => (
            Rhythm::Periodic { n, per },
            format!("{n} a {}", per.as_str()),
            true,
        ),
    };
    let rule = format!("{rule}{}", window_phrase(f));
    (rhythm, rule, Some(f.clause.clone()), exact)
}

impl Planner<'_> {
    /// The dates from `self.from` to `self.to` under this planner's ToR.
    /// `first`: the plan starts here, so the previous year's plan gives the
    /// meeting before; else `before` (the previous phase's last) does.
    /// `last`: the plan ends here, so it reaches the next year's plan.
    pub(super) fn plan(
        &self,
        first: bool,
        last: bool,
        before: Option<NaiveDate>,
        shortfalls: &mut Vec<Message>,
        warnings: &mut Vec<Message>,
    ) -> Dated {
        let (rhythm, rule, clause, exact) = rhythm_of(self.tor, warnings);
        let gap = self.tor.frequency.as_ref().and_then(|f| f.max_gap);
        // A count rule plans each year on its own, so a gap rule must also be
        // kept against the meetings the plans of the years either side give.
        let neighbours = match (rhythm, gap) {
            (Rhythm::Periodic { .. }, Some(gap)) if first || last => {
                Neighbours::of(self.tor, self.cal, self.opts, rhythm, exact, gap)
            }
            _ => Neighbours::default(),
        };
        let before = if first { neighbours.before } else { before };
        let (seed, mut dates, may) = self.dates(rhythm, exact, before, shortfalls, warnings);
        if let (true, Some(gap), Some(next)) = (last, gap, neighbours.after) {
            self.reach(&mut dates, next, gap, shortfalls);
        }
        if let (Rhythm::Periodic { n, per }, true, Some(gap)) = (rhythm, exact, gap) {
            self.over_count(&dates, n, per, gap, shortfalls);
        }
        Dated {
            // A later phase follows the meeting the phase before planned,
            // whatever its own rhythm would have put before it.
            seed: if first { seed } else { before.or(seed) },
            dates,
            may,
            rule,
            clause,
        }
    }

    /// The plan's dates across the amendments of the frequency rule, phase by
    /// phase, with each phase's version described.
    pub(super) fn phased(
        &self,
        base: &Tor,
        requested: &Options,
        cuts: &[Phase<'_>],
        shortfalls: &mut Vec<Message>,
        warnings: &mut Vec<Message>,
    ) -> Result<(Dated, Vec<FrequencyPhase>), ScheduleError> {
        let mut all = Dated {
            seed: None,
            dates: Vec::new(),
            may: None,
            rule: String::new(),
            clause: None,
        };
        let mut rules: Vec<String> = Vec::with_capacity(cuts.len());
        let mut about = Vec::with_capacity(cuts.len());
        let mut before = None;
        for (i, cut) in cuts.iter().enumerate() {
            let version = base.as_of(cut.from);
            let opts = preferred_day(&version, requested);
            let mut p = Planner::new(&version, self.cal, &opts)?;
            p.from = p.from.max(cut.from);
            p.to = p.to.min(cut.last());
            p.whole = Some((self.from, self.to));
            let (first, last) = (i == 0, i + 1 == cuts.len());
            let d = p.plan(first, last, before, shortfalls, warnings);
            if first {
                all.seed = d.seed;
                all.clause = d.clause;
                rules.push(format!("{} until {}", d.rule, cut.last()));
            } else {
                rules.push(format!("{} from {}", d.rule, cut.from));
            }
            before = d.dates.last().copied().or(before);
            all.may = all.may.or(d.may);
            all.dates.extend(d.dates);
            about.push(FrequencyPhase::of(&version, cut));
        }
        all.dates.sort_unstable();
        all.dates.dedup();
        all.rule = rules.join(", then ");
        Ok((all, about))
    }

    /// A gap rule can need more meetings than a rule that fixes the number
    /// allows ("2 a year", at most 5 months apart): the meetings the gaps
    /// (and the join with the next year) added make the plan break the count,
    /// which is a shortfall, not a valid plan.
    fn over_count(
        &self,
        dates: &[NaiveDate],
        n: u32,
        per: Period,
        gap: Gap,
        shortfalls: &mut Vec<Message>,
    ) {
        for p in self.year.periods(per) {
            let held = dates.iter().filter(|d| p.contains(**d)).count();
            if held > n as usize {
                shortfalls.push(msg![
                    format!("{held} meetings from "),
                    p.start.max(self.from),
                    " to ",
                    p.last().min(self.to),
                    format!(
                        " keep the gap rule (at most {} apart), more than the {n} a {} the ToR sets",
                        gap_words(gap),
                        per.as_str()
                    )
                ]);
            }
        }
    }

    /// Whether `p` is left to the next phase: it ends after this phase, which
    /// is not the plan's last.
    pub(super) fn later_phase(&self, last: NaiveDate) -> bool {
        self.whole
            .is_some_and(|(_, end)| self.to < end && last > self.to)
    }
}

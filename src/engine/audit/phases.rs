//! A year across an amendment of the frequency rule: each version judges its
//! own part of the year. A calendar period (month, quarter, year) is judged by
//! the version in force on its last day, counting every meeting in it: the
//! rule a period ends under is the one it had to keep. A gap between meetings
//! is judged by the version in force on the day the next meeting fell due.

use super::{Auditor, PeriodAudit, PeriodShape};
use crate::engine::phase::FrequencyPhase;
use crate::engine::{Finding, FindingStatus, Message};
use crate::model::{Phase, RuleFamily};
use crate::msg;

impl Auditor<'_> {
    /// The frequency finding and periods, phase by phase where an amendment
    /// changed the rule within the year; the phases are empty otherwise.
    pub(super) fn frequency_by_phase(&self) -> (Finding, Vec<PeriodAudit>, Vec<FrequencyPhase>) {
        let phases = self
            .tor
            .phases(RuleFamily::Frequency, self.span.start, self.span.end);
        if phases.len() <= 1 {
            let (finding, periods) = self.frequency();
            return (finding, periods, Vec::new());
        }
        let mut periods: Vec<PeriodAudit> = Vec::new();
        let mut out = Vec::with_capacity(phases.len());
        let mut findings = Vec::with_capacity(phases.len());
        for (i, phase) in phases.iter().enumerate() {
            let (finding, judged, about) = self.one_phase(phase);
            for mut p in judged {
                // A gap one version's clock started and the next closed is
                // reported once, by the first version that judged it.
                let seen = |q: &PeriodAudit| q.shape == PeriodShape::Gap && q.from == p.from;
                if p.shape == PeriodShape::Gap && periods.iter().any(seen) {
                    continue;
                }
                p.phase = Some(i);
                periods.push(p);
            }
            findings.push(finding);
            out.push(about);
        }
        (combine(&findings, &out), periods, out)
    }

    fn one_phase(&self, phase: &Phase<'_>) -> (Finding, Vec<PeriodAudit>, FrequencyPhase) {
        let version = self.tor.as_of(phase.from);
        let (finding, periods) = self.under(&version, (phase.from, phase.end)).frequency();
        let about = FrequencyPhase::of(&version, phase);
        (finding, periods, about)
    }
}

/// One finding for the year: the worst phase's verdict, with every phase's
/// message after the days it covers.
fn combine(findings: &[Finding], phases: &[FrequencyPhase]) -> Finding {
    let worst = [
        FindingStatus::Fail,
        FindingStatus::Warn,
        FindingStatus::Pass,
    ]
    .into_iter()
    .find_map(|s| findings.iter().find(|f| f.status == s))
    .or(findings.last());
    let Some(worst) = worst else {
        return Finding::skip(crate::engine::Rule::Frequency, None, "no phase to judge");
    };
    let parts = findings
        .iter()
        .zip(phases)
        .map(|(f, p)| msg![p.words(), ": ", f.message.clone()]);
    let mut finding = worst.clone();
    finding.message = Message::join(parts, "; ");
    finding
}

//! `[decisions]`: the general rule, the ToR's own decision kinds with theirs, the
//! casting vote, written procedure, and the kind-limited rules (proxies, opt-out,
//! conflicts). A threshold no vote can ever meet is an error here, not a surprise
//! at the tally.

use std::collections::HashSet;

use super::super::bounds;
use super::super::raw::*;
use super::{Checker, clause};
use crate::diag::Code;
use crate::model::*;

/// The keys every rule and every step of a chain may state.
struct RuleKeys<'r> {
    clause: &'r S<String>,
    method: &'r S<String>,
    among: Option<&'r S<String>>,
    base: Option<&'r S<String>>,
    fraction: Option<&'r S<String>>,
    comparison: Option<&'r S<String>>,
}

/// `method` as written: the three older names and `unanimity`.
const METHODS: [&str; 4] = [
    "consensus",
    "consensus-then-majority",
    "majority",
    "unanimity",
];

impl Checker<'_> {
    pub(super) fn error_help(
        &mut self,
        code: Code,
        message: impl Into<String>,
        span: std::ops::Range<usize>,
        help: &str,
    ) {
        let d = crate::diag::Diagnostic::error(code, message)
            .at(span)
            .help(help.to_owned());
        self.diagnostics.push(d);
    }

    pub(super) fn kinds(&mut self, raw: &RawKinds, declared: &[DecisionKind]) -> Option<KindRule> {
        Some(KindRule {
            clause: clause(&raw.clause),
            kinds: self.kind_list(&raw.kinds, &raw.clause, declared)?,
        })
    }

    /// A rule's `kinds`: each one known, and at least one (an empty list is
    /// reported at the rule's clause).
    pub(super) fn kind_list(
        &mut self,
        raw: &[S<String>],
        rule: &S<String>,
        declared: &[DecisionKind],
    ) -> Option<Vec<DecisionKind>> {
        let mut kinds = Vec::new();
        for k in raw {
            kinds.push(self.kind_ref(k, declared)?);
        }
        if kinds.is_empty() {
            self.error(
                Code::EmptyValue,
                "`kinds` lists no decision kind",
                rule.span(),
            );
        }
        Some(kinds)
    }

    /// A kind named in a rule: a built-in one or one `[[decisions.kinds]]` declares.
    pub(super) fn kind_ref(
        &mut self,
        raw: &S<String>,
        declared: &[DecisionKind],
    ) -> Option<DecisionKind> {
        let names: Vec<&str> = declared.iter().map(DecisionKind::as_str).collect();
        let got = self.keyword("decision kind", raw, &names)?;
        declared.iter().find(|k| k.as_str() == got).cloned()
    }

    pub(super) fn decisions(
        &mut self,
        raw: &RawDecisions,
        classes: &[Class],
        members: &[Member],
        chair: Option<&Chair>,
    ) -> Option<Decisions> {
        let mut registered = [None, None];
        for (s, by) in [&raw.deputies, &raw.substitutes]
            .into_iter()
            .zip(&mut registered)
        {
            let Some(s) = s else { continue };
            if let Some(p) = &s.per_member {
                self.bounded("per_member", p, &bounds::PER_MEMBER, "stand-ins")?;
            }
            if let Some(r) = &s.registered_before {
                if s.advance_notice {
                    self.error(
                        Code::ConflictingKeys,
                        "give `advance_notice` or `registered_before`, not both",
                        r.span(),
                    );
                    return None;
                }
                *by = Some(self.registered_by(r)?);
            }
        }
        let [deputies_by, substitutes_by] = registered;
        // The older form: always counts for the quorum, anyone may send one.
        let stand_ins = |s: &RawStandIns, by: Option<RegisteredBy>| StandIns {
            clause: clause(&s.clause),
            holds_vote: s.holds_vote,
            counts_for_quorum: true,
            notice: by.map_or_else(
                || s.advance_notice.then_some(StandInNotice::Beforehand),
                |by| Some(StandInNotice::RegisteredBefore(by)),
            ),
            per_member: s.per_member.as_ref().map(|p| *p.get_ref()),
            one_per_absent: false,
            who: None,
            from: None,
            until: None,
        };
        let general_casting = match &raw.casting_vote {
            Some(b) => Self::casting(b, &raw.clause),
            None => chair
                .and_then(|c| c.casting_vote.clone())
                .map_or(CastingVote::Silent, CastingVote::Given),
        };
        let ctx = Ctx { classes, members };
        let rule = if let Some(method) = &raw.method {
            self.general_rule(raw, method, general_casting.clone(), &ctx)
        } else {
            for (key, value) in [
                ("majority", raw.majority.as_ref()),
                ("base", raw.base.as_ref()),
                ("fraction", raw.fraction.as_ref()),
                ("among", raw.among.as_ref()),
            ] {
                if let Some(v) = value {
                    self.error_help(
                        Code::MissingKey,
                        format!("`{key}` is set but `method` is not"),
                        v.span(),
                        "add `method = \"majority\"` (or consensus, unanimity)",
                    );
                }
            }
            None
        };
        let declared = self.declared_kinds(&raw.kinds, &general_casting, &ctx);
        let names = declared_names(&declared);
        Some(Decisions {
            clause: clause(&raw.clause),
            rule,
            kinds: declared,
            written: raw.written.as_ref().and_then(|w| self.written(w)),
            one_vote_per_organisation: raw
                .one_vote_per_organisation
                .as_ref()
                .map(|c| clause(&c.clause)),
            proxies: raw.proxies.as_ref().and_then(|p| self.proxies(p, &names)),
            deputies: raw.deputies.as_ref().map(|s| stand_ins(s, deputies_by)),
            substitutes: raw
                .substitutes
                .as_ref()
                .map(|s| stand_ins(s, substitutes_by)),
            opt_out: raw.opt_out.as_ref().and_then(|k| self.kinds(k, &names)),
            conflicts_of_interest: raw
                .conflicts_of_interest
                .as_ref()
                .and_then(|k| self.kinds(k, &names)),
            disputes: raw.disputes.as_ref().map(|d| Disputes {
                clause: clause(&d.clause),
                referred_to: d.referred_to.clone(),
            }),
        })
    }

    fn casting(raw: &S<bool>, rule: &S<String>) -> CastingVote {
        if *raw.get_ref() {
            CastingVote::Given(clause(rule))
        } else {
            CastingVote::None(clause(rule))
        }
    }

    /// `[decisions]`'s own rule. The older `majority` keyword maps onto a
    /// threshold, so the ToRs written with it decide exactly as before.
    fn general_rule(
        &mut self,
        raw: &RawDecisions,
        method: &S<String>,
        casting_vote: CastingVote,
        ctx: &Ctx<'_>,
    ) -> Option<DecisionRule> {
        if raw.majority.is_some()
            && let Some(other) = [&raw.base, &raw.fraction, &raw.comparison]
                .into_iter()
                .flatten()
                .next()
        {
            self.error_help(
                Code::ConflictingKeys,
                "`majority` and `base`/`fraction`/`comparison` both state the majority",
                other.span(),
                "keep one: `majority` is the short form of the other three",
            );
            return None;
        }
        let legacy_majority = match &raw.majority {
            Some(m) => Some(self.keyword_of::<Majority>("majority", m)?),
            None => None,
        };
        let keys = RuleKeys {
            clause: &raw.clause,
            method,
            among: raw.among.as_ref(),
            base: raw.base.as_ref(),
            fraction: raw.fraction.as_ref(),
            comparison: raw.comparison.as_ref(),
        };
        let mut steps = self.steps_of(&keys, legacy_majority, ctx)?;
        for step in &raw.then {
            steps.push(self.then_step(step, &raw.clause, ctx)?);
        }
        Some(DecisionRule {
            clause: clause(&raw.clause),
            steps,
            casting_vote,
        })
    }

    /// The steps one set of keys states: `consensus-then-majority` is two.
    fn steps_of(
        &mut self,
        keys: &RuleKeys<'_>,
        legacy_majority: Option<Majority>,
        ctx: &Ctx<'_>,
    ) -> Option<Vec<Step>> {
        let name = self.keyword("decision method", keys.method, &METHODS)?;
        let among = match keys.among {
            Some(c) => Some(self.class_ref(c, ctx.classes)?),
            None => None,
        };
        let threshold = match legacy_majority {
            Some(m) => Threshold::from(m),
            None => self.threshold(keys, ctx)?,
        };
        let step = |method, threshold| Step {
            method,
            among: among.clone(),
            threshold,
            clause: clause(keys.clause),
        };
        let steps = match name {
            "consensus" => vec![step(Method::Consensus, None)],
            "unanimity" => vec![step(Method::Unanimity, None)],
            "majority" => vec![step(Method::Majority, Some(threshold))],
            _ => vec![
                step(Method::Consensus, None),
                step(Method::Majority, Some(threshold)),
            ],
        };
        if let Some(class) = &among {
            self.some_vote(class, keys.among.map(|a| a.span()), ctx);
        }
        Some(steps)
    }

    fn then_step(&mut self, raw: &RawStep, parent: &S<String>, ctx: &Ctx<'_>) -> Option<Step> {
        let keys = RuleKeys {
            clause: raw.clause.as_ref().unwrap_or(parent),
            method: &raw.method,
            among: raw.among.as_ref(),
            base: raw.base.as_ref(),
            fraction: raw.fraction.as_ref(),
            comparison: raw.comparison.as_ref(),
        };
        let mut steps = self.steps_of(&keys, None, ctx)?;
        if steps.len() > 1 {
            self.error(
                Code::InvalidValue,
                "a step of `then` is one method: consensus, unanimity or majority",
                raw.method.span(),
            );
            return None;
        }
        steps.pop()
    }

    /// A majority's base, fraction and comparison; without a fraction, more
    /// than half. A stated fraction needs its comparison: "two thirds" alone does
    /// not say whether exactly two thirds is enough.
    fn threshold(&mut self, keys: &RuleKeys<'_>, ctx: &Ctx<'_>) -> Option<Threshold> {
        let base = match keys.base {
            Some(b) => self.base(b, ctx)?,
            None => Base::VotesCast,
        };
        let (fraction, comparison) = match (keys.fraction, keys.comparison) {
            (None, None) => (Fraction::HALF, Comparison::MoreThan),
            (None, Some(c)) => (
                Fraction::HALF,
                self.keyword_of::<Comparison>("comparison", c)?,
            ),
            (Some(f), None) => {
                self.error_help(
                    Code::MissingKey,
                    format!("`fraction` = \"{}\" needs a `comparison`", f.get_ref()),
                    f.span(),
                    "add `comparison = \"at-least\"` or `comparison = \"more-than\"`",
                );
                return None;
            }
            (Some(f), Some(c)) => (
                self.decision_fraction(f)?,
                self.keyword_of::<Comparison>("comparison", c)?,
            ),
        };
        let t = Threshold {
            base,
            fraction,
            comparison,
        };
        if let Some(f) = keys.fraction
            && t.needed(u64::from(u32::MAX)).is_none()
        {
            self.error(
                Code::ImpossibleRule,
                format!(
                    "{} {} of the {} can never be reached",
                    comparison.as_str().replace('-', " "),
                    f.get_ref(),
                    t.base
                ),
                f.span(),
            );
            return None;
        }
        Some(t)
    }

    fn decision_fraction(&mut self, raw: &S<String>) -> Option<Fraction> {
        let f = Fraction::parse(raw.get_ref())
            .filter(|f| bounds::FRACTION_TERM.contains(&f.denominator) && f.numerator > 0);
        if f.is_none() {
            self.error_help(
                Code::InvalidValue,
                format!("`{}` is not a fraction like \"2/3\"", raw.get_ref()),
                raw.span(),
                "a whole number over a whole number, each 1 to 1000",
            );
        }
        f
    }

    fn base(&mut self, raw: &S<String>, ctx: &Ctx<'_>) -> Option<Base> {
        let got = raw.get_ref().as_str();
        if let Some(class) = got.strip_prefix("class:") {
            let class = S(toml::Spanned::new(raw.span(), class.to_owned()));
            let id = self.class_ref(&class, ctx.classes)?;
            self.some_vote(&id, Some(raw.span()), ctx);
            return Some(Base::Class(id));
        }
        let names = ["votes-cast", "present", "present-and-voting", "membership"];
        Some(match self.keyword("majority base", raw, &names)? {
            "votes-cast" => Base::VotesCast,
            "present" => Base::Present,
            "present-and-voting" => Base::PresentAndVoting,
            _ => Base::Membership,
        })
    }

    /// A rule decided among a class none of whose members vote can never carry.
    fn some_vote(&mut self, class: &ClassId, span: Option<std::ops::Range<usize>>, ctx: &Ctx<'_>) {
        let votes = ctx.members.iter().any(|m| &m.class == class && m.voting);
        if !votes && let Some(span) = span {
            self.error(
                Code::ImpossibleRule,
                format!("no member of class `{class}` has a vote, so this rule can never be met"),
                span,
            );
        }
    }

    fn declared_kinds(
        &mut self,
        raw: &[RawDecisionKind],
        general_casting: &CastingVote,
        ctx: &Ctx<'_>,
    ) -> Vec<DeclaredKind> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for k in raw {
            let Ok(kind) = DecisionKind::parse(k.id.get_ref()) else {
                self.error(
                    Code::InvalidValue,
                    format!(
                        "`{}` is not a valid kind id: use lower-case letters, digits and single hyphens",
                        k.id.get_ref()
                    ),
                    k.id.span(),
                );
                continue;
            };
            if !seen.insert(kind.clone()) {
                self.error(
                    Code::DuplicateId,
                    format!("decision kind `{kind}` is declared twice"),
                    k.id.span(),
                );
                continue;
            }
            let casting_vote = match &k.casting_vote {
                Some(b) => Self::casting(b, &k.clause),
                None => general_casting.clone(),
            };
            let rule = match &k.method {
                None => {
                    if let Some(t) = k.then.first() {
                        self.error(
                            Code::MissingKey,
                            "`then` is set but `method` is not",
                            t.method.span(),
                        );
                    }
                    None
                }
                Some(method) => {
                    let keys = RuleKeys {
                        clause: &k.clause,
                        method,
                        among: k.among.as_ref(),
                        base: k.base.as_ref(),
                        fraction: k.fraction.as_ref(),
                        comparison: k.comparison.as_ref(),
                    };
                    let mut steps = self.steps_of(&keys, None, ctx);
                    for step in &k.then {
                        let next = self.then_step(step, &k.clause, ctx);
                        if let (Some(steps), Some(next)) = (steps.as_mut(), next) {
                            steps.push(next);
                        }
                    }
                    steps.map(|steps| DecisionRule {
                        clause: clause(&k.clause),
                        steps,
                        casting_vote,
                    })
                }
            };
            out.push(DeclaredKind {
                kind,
                clause: clause(&k.clause),
                rule,
            });
        }
        out
    }

    fn written(&mut self, raw: &RawWritten) -> Option<WrittenProcedure> {
        let working_days = self.bounded(
            "working_days",
            &raw.working_days,
            &bounds::WRITTEN_DAYS,
            "working days",
        )?;
        let keys = RuleKeys {
            clause: &raw.clause,
            method: &raw.clause,
            among: None,
            base: None,
            fraction: raw.fraction.as_ref(),
            comparison: raw.comparison.as_ref(),
        };
        let t = self.threshold(
            &keys,
            &Ctx {
                classes: &[],
                members: &[],
            },
        )?;
        Some(WrittenProcedure {
            clause: clause(&raw.clause),
            working_days,
            fraction: t.fraction,
            comparison: t.comparison,
        })
    }
}

struct Ctx<'a> {
    classes: &'a [Class],
    members: &'a [Member],
}

/// Every kind a rule may name: the built-ins, then the declared ones.
fn declared_names(declared: &[DeclaredKind]) -> Vec<DecisionKind> {
    let mut names = vec![
        DecisionKind::ORDINARY,
        DecisionKind::MAJOR,
        DecisionKind::FINANCIAL,
        DecisionKind::FUNDING,
    ];
    for k in declared {
        if !names.contains(&k.kind) {
            names.push(k.kind.clone());
        }
    }
    names
}

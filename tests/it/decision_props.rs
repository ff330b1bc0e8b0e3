//! Properties of decision thresholds and of the decision rules of the SPEC §7
//! bodies, over random votes: exact arithmetic, order independence, and that a
//! vote for never loses a decision.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use tor::catalog::Catalog;
use tor::engine::tally::{Choice, Outcome, VoteArgs, VoteInput, tally};
use tor::model::{Base, ClassId, Comparison, Fraction, Threshold, Tor};

fn example(id: &str) -> Tor {
    Catalog::Dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships"))
        .load(id)
        .unwrap_or_else(|e| panic!("example {id}: {e}"))
}

static BODIES: LazyLock<Vec<Tor>> = LazyLock::new(|| {
    [
        "safeguarding-executive",
        "town-board",
        "police-and-crime-panel",
        "northvale-southmere-joint-scrutiny",
    ]
    .into_iter()
    .map(example)
    .collect()
});

fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        Just(Base::VotesCast),
        Just(Base::Present),
        Just(Base::PresentAndVoting),
        Just(Base::Membership),
        Just(Base::Class(ClassId::parse("council").unwrap())),
    ]
}

fn comparison() -> impl Strategy<Value = Comparison> {
    prop_oneof![Just(Comparison::MoreThan), Just(Comparison::AtLeast)]
}

/// Whether `count` out of `total` meets `n/d` under `comparison`, by exact
/// cross-multiplication.
fn meets(count: u64, total: u64, n: u32, d: u32, comparison: Comparison) -> bool {
    let lhs = u128::from(count) * u128::from(d);
    let rhs = u128::from(n) * u128::from(total);
    match comparison {
        Comparison::MoreThan => lhs > rhs,
        Comparison::AtLeast => lhs >= rhs,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The threshold is the smallest count that meets the fraction, for every
    /// base, fraction and comparison; `None` exactly when no count can.
    #[test]
    fn the_threshold_is_the_smallest_count_that_meets_it(
        base in base(),
        n in 1u32..=30,
        d in 1u32..=30,
        comparison in comparison(),
        total in 0u64..=400,
    ) {
        let t = Threshold { base, fraction: Fraction { numerator: n, denominator: d }, comparison };
        let smallest = (0..=total).find(|k| meets(*k, total, n, d, comparison));
        prop_assert_eq!(t.needed(total), smallest);
        for k in 0..=total {
            prop_assert_eq!(t.met(k, total), meets(k, total, n, d, comparison));
        }
    }

    /// "More than half" of an even number is never met by exactly half.
    #[test]
    fn more_than_half_of_an_even_number_needs_more_than_half(half in 1u64..=100_000) {
        let t = Threshold::SIMPLE;
        prop_assert!(!t.met(half, 2 * half));
        prop_assert!(t.met(half + 1, 2 * half));
    }
}

/// What one member does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Absent,
    Vote(Choice),
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        1 => Just(Role::Absent),
        3 => prop_oneof![Just(Choice::For), Just(Choice::Against), Just(Choice::Abstain)].prop_map(Role::Vote),
    ]
}

#[derive(Debug, Clone)]
struct Scenario {
    body: usize,
    roles: Vec<Role>,
    casting: Option<Choice>,
    /// Which of the body's own kinds (or ordinary) the vote is.
    kind: usize,
    seed: u64,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0..4usize,
        prop::collection::vec(role(), 10),
        prop_oneof![
            Just(None),
            Just(Some(Choice::For)),
            Just(Some(Choice::Against))
        ],
        0..2usize,
        any::<u64>(),
    )
        .prop_map(|(body, roles, casting, kind, seed)| Scenario {
            body,
            roles,
            casting,
            kind,
            seed,
        })
}

impl Scenario {
    fn tor(&self) -> &'static Tor {
        &BODIES[self.body]
    }

    fn args(&self, roles: &[Role], reversed: bool) -> VoteArgs {
        let tor = self.tor();
        let mut args = VoteArgs {
            casting: self.casting,
            ..VoteArgs::default()
        };
        let declared: Vec<String> = tor
            .decisions
            .iter()
            .flat_map(|d| &d.kinds)
            .map(|k| k.kind.to_string())
            .collect();
        if self.kind == 1
            && let Some(k) = declared.first()
        {
            args.kinds.push(k.clone());
        }
        for (member, role) in tor.members.iter().zip(roles) {
            if !member.voting {
                continue;
            }
            let id = member.id.to_string();
            match role {
                Role::Absent => {}
                Role::Vote(Choice::For) => args.votes_for.push(id),
                Role::Vote(Choice::Against) => args.against.push(id),
                Role::Vote(Choice::Abstain) => args.abstain.push(id),
            }
        }
        if reversed {
            // A different order of the same facts, chosen by the seed.
            let rotate = |v: &mut Vec<String>, by: u64| {
                if !v.is_empty() {
                    let n = (by as usize) % v.len();
                    v.rotate_left(n);
                    v.reverse();
                }
            };
            rotate(&mut args.votes_for, self.seed);
            rotate(&mut args.against, self.seed >> 8);
            rotate(&mut args.abstain, self.seed >> 16);
        }
        args
    }

    fn outcome(&self, roles: &[Role], reversed: bool) -> Option<(Outcome, String)> {
        let args = self.args(roles, reversed);
        if args.votes_for.is_empty() && args.against.is_empty() && args.abstain.is_empty() {
            return None;
        }
        let day = NaiveDate::from_ymd_opt(2025, 11, 12).unwrap();
        let input = VoteInput::new(self.tor(), day, &args).expect("every id is a member");
        let report = tally(self.tor(), &input);
        let json = serde_json::to_string(&report).unwrap();
        Some((report.outcome, json))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The order the votes are given in never changes anything.
    #[test]
    fn the_outcome_does_not_depend_on_input_order(s in scenario()) {
        prop_assert_eq!(s.outcome(&s.roles, false), s.outcome(&s.roles, true));
    }

    /// Turning one member's vote (or absence) into a vote for never turns a
    /// carried decision into a lost one.
    #[test]
    fn a_vote_for_never_loses_a_carried_decision(s in scenario(), which in 0usize..10) {
        let Some((before, _)) = s.outcome(&s.roles, false) else { return Ok(()) };
        let mut roles = s.roles.clone();
        roles[which] = Role::Vote(Choice::For);
        let (after, _) = s.outcome(&roles, false).expect("at least one vote");
        if before == Outcome::Carried {
            prop_assert_eq!(after, Outcome::Carried, "{:?}", s);
        }
    }
}

/// How one member's people voted, for the bodies that count people:
/// (for, against, abstain), together at most its seats; the rest absent.
type Split = (u32, u32, u32);

#[derive(Debug, Clone)]
struct PeopleScenario {
    /// The panel or the joint scrutiny committee (both count people).
    body: usize,
    splits: Vec<Split>,
    casting: Option<Choice>,
    kind: usize,
    seed: u64,
}

fn people_scenario() -> impl Strategy<Value = PeopleScenario> {
    (
        2..4usize,
        prop::collection::vec((0u32..=10, 0u32..=10, 0u32..=10), 7),
        prop_oneof![
            Just(None),
            Just(Some(Choice::For)),
            Just(Some(Choice::Against))
        ],
        0..2usize,
        any::<u64>(),
    )
        .prop_map(|(body, raw, casting, kind, seed)| {
            let tor = &BODIES[body];
            let splits = tor
                .members
                .iter()
                .zip(raw)
                .map(|(m, (f, a, ab))| {
                    let seats = m.seats.unwrap_or(1);
                    let f = f.min(seats);
                    let a = a.min(seats - f);
                    (f, a, ab.min(seats - f - a))
                })
                .collect();
            PeopleScenario {
                body,
                splits,
                casting,
                kind,
                seed,
            }
        })
}

impl PeopleScenario {
    fn tor(&self) -> &'static Tor {
        &BODIES[self.body]
    }

    fn outcome(&self, splits: &[Split], reordered: bool) -> Option<(Outcome, String)> {
        let tor = self.tor();
        let mut args = VoteArgs {
            casting: self.casting,
            ..VoteArgs::default()
        };
        if self.kind == 1
            && let Some(k) = tor.decisions.iter().flat_map(|d| &d.kinds).next()
        {
            args.kinds.push(k.kind.to_string());
        }
        for (m, &(f, a, ab)) in tor.members.iter().zip(splits) {
            for (n, list) in [
                (f, &mut args.votes_for),
                (a, &mut args.against),
                (ab, &mut args.abstain),
            ] {
                if n > 0 {
                    list.push(format!("{}:{n}", m.id));
                }
            }
        }
        if args.votes_for.is_empty() && args.against.is_empty() && args.abstain.is_empty() {
            return None;
        }
        if reordered {
            for (list, by) in [
                (&mut args.votes_for, self.seed),
                (&mut args.against, self.seed >> 8),
                (&mut args.abstain, self.seed >> 16),
            ] {
                let n = (by as usize) % list.len().max(1);
                list.rotate_left(n);
                list.reverse();
            }
        }
        let day = NaiveDate::from_ymd_opt(2025, 11, 12).unwrap();
        let input = VoteInput::new(tor, day, &args).expect("within every member's seats");
        let report = tally(tor, &input);
        Some((report.outcome, serde_json::to_string(&report).unwrap()))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Counting people, the order the votes are given in never changes anything.
    #[test]
    fn counting_people_the_order_does_not_matter(s in people_scenario()) {
        prop_assert_eq!(s.outcome(&s.splits, false), s.outcome(&s.splits, true));
    }

    /// Counting people, one more person voting for (an absent one, else one
    /// who voted against or abstained) never turns carried into lost.
    #[test]
    fn counting_people_a_vote_for_never_loses_a_carried_decision(
        s in people_scenario(),
        which in 0usize..7,
    ) {
        let Some((before, _)) = s.outcome(&s.splits, false) else { return Ok(()) };
        let mut splits = s.splits.clone();
        let which = which % splits.len();
        let seats = s.tor().members[which].seats.unwrap_or(1);
        let (f, a, ab) = &mut splits[which];
        if *f + *a + *ab < seats {
            *f += 1;
        } else if *a > 0 {
            *a -= 1;
            *f += 1;
        } else if *ab > 0 {
            *ab -= 1;
            *f += 1;
        }
        let (after, _) = s.outcome(&splits, false).expect("at least one vote");
        if before == Outcome::Carried {
            prop_assert_eq!(after, Outcome::Carried, "{:?}", s);
        }
    }
}

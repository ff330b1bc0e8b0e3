//! Properties of the vote engine on the bundled sefton-scp and
//! oxfordshire-business-group ToRs, over random votes, dates and options.

use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tor::catalog::Catalog;
use tor::engine::Rule;
use tor::engine::tally::{Choice, Outcome, ProxyVote, TallyReport, VoteArgs, VoteInput, tally};
use tor::model::Tor;

static SEFTON: LazyLock<Tor> = LazyLock::new(|| {
    Catalog::Bundled
        .load("sefton-scp")
        .expect("bundled sefton-scp")
});
static OXON: LazyLock<Tor> = LazyLock::new(|| {
    Catalog::Bundled
        .load("oxfordshire-business-group")
        .expect("bundled oxfordshire-business-group")
});

/// What one member does in a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Absent,
    Vote(Choice),
    Present,
    Proxy(Choice),
}

fn role() -> impl Strategy<Value = Role> {
    let choice = prop_oneof![
        Just(Choice::For),
        Just(Choice::Against),
        Just(Choice::Abstain)
    ];
    prop_oneof![
        3 => Just(Role::Absent),
        6 => choice.clone().prop_map(Role::Vote),
        1 => Just(Role::Present),
        1 => choice.prop_map(Role::Proxy),
    ]
}

/// A random vote on one ToR. The per-member flags are bits: conflict, opt-out,
/// stand-in (only for members at the meeting), deputy rather than substitute,
/// notified.
#[derive(Debug, Clone)]
struct Scenario {
    oxon: bool,
    day: u64,
    roles: Vec<Role>,
    flags: Vec<u8>,
    kinds: Vec<bool>,
    casting: Option<Choice>,
    /// Seed for shuffling the lists.
    seed: u64,
}

impl Scenario {
    fn tor(&self) -> &'static Tor {
        if self.oxon { &OXON } else { &SEFTON }
    }

    /// 2011 to 2013: either side of the end of sefton's police authority.
    fn date(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(2011, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(self.day)))
            .expect("a real date")
    }

    fn args(&self) -> VoteArgs {
        let tor = self.tor();
        let mut args = VoteArgs {
            casting: self.casting,
            ..VoteArgs::default()
        };
        let all = ["ordinary", "major", "financial", "funding"];
        args.kinds = all
            .iter()
            .zip(&self.kinds)
            .filter(|(_, on)| **on)
            .map(|(k, _)| (*k).to_owned())
            .collect();
        for ((member, role), flags) in tor.members.iter().zip(&self.roles).zip(&self.flags) {
            let id = member.id.to_string();
            match role {
                Role::Absent => {}
                Role::Vote(Choice::For) => args.votes_for.push(id.clone()),
                Role::Vote(Choice::Against) => args.against.push(id.clone()),
                Role::Vote(Choice::Abstain) => args.abstain.push(id.clone()),
                Role::Present => args.present.push(id.clone()),
                Role::Proxy(choice) => args
                    .proxies
                    .push((id.clone(), ProxyVote::directed(*choice))),
            }
            let at_meeting = matches!(role, Role::Vote(_) | Role::Present);
            let bit = |n: u8| flags & (1 << n) != 0;
            if bit(0) {
                args.conflicts.push(id.clone());
            }
            if bit(1) {
                args.opt_out.push(id.clone());
            }
            if bit(2) && at_meeting {
                if bit(3) {
                    args.deputies.push(id.clone());
                } else {
                    args.substitutes.push(id.clone());
                }
            }
            if bit(4) {
                args.notified.push(id);
            }
        }
        args
    }

    fn report(&self) -> TallyReport {
        report(self.tor(), self.date(), &self.args())
    }
}

fn report(tor: &Tor, date: NaiveDate, args: &VoteArgs) -> TallyReport {
    let input = VoteInput::new(tor, date, args).expect("scenarios are never contradictory");
    tally(tor, &input)
}

fn scenario() -> impl Strategy<Value = Scenario> {
    any::<bool>().prop_flat_map(|oxon| {
        let n = if oxon {
            OXON.members.len()
        } else {
            SEFTON.members.len()
        };
        (
            0u64..1095,
            prop::collection::vec(role(), n),
            prop::collection::vec(any::<u8>(), n),
            prop::collection::vec(any::<bool>(), 4),
            prop_oneof![
                Just(None),
                Just(Some(Choice::For)),
                Just(Some(Choice::Against))
            ],
            any::<u64>(),
        )
            .prop_map(move |(day, roles, flags, kinds, casting, seed)| Scenario {
                oxon,
                day,
                roles,
                flags,
                kinds,
                casting,
                seed,
            })
    })
}

/// Fisher-Yates with a small xorshift generator: the same seed, the same order.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The same vote with every list reordered and some entries repeated.
fn reordered(args: &VoteArgs, seed: u64) -> VoteArgs {
    let mut seed = seed | 1;
    let mut args = args.clone();
    for list in [
        &mut args.votes_for,
        &mut args.against,
        &mut args.abstain,
        &mut args.present,
        &mut args.conflicts,
        &mut args.opt_out,
        &mut args.substitutes,
        &mut args.deputies,
        &mut args.notified,
    ] {
        if let Some(first) = list.first().cloned()
            && seed.is_multiple_of(3)
        {
            list.push(first);
        }
        shuffle(list, &mut seed);
    }
    shuffle(&mut args.proxies, &mut seed);
    args.kinds.reverse();
    args
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_more_vote_for_never_turns_carried_into_lost(s in scenario(), pick in any::<prop::sample::Index>()) {
        let before = s.report();
        let absent: Vec<usize> = s.roles.iter().enumerate()
            .filter(|(_, r)| **r == Role::Absent)
            .map(|(i, _)| i)
            .collect();
        prop_assume!(!absent.is_empty());
        let mut more = s.clone();
        more.roles[absent[pick.index(absent.len())]] = Role::Vote(Choice::For);
        let after = more.report();
        prop_assert!(after.counts.votes_for >= before.counts.votes_for);
        prop_assert_eq!(after.counts.against, before.counts.against);
        if before.outcome == Outcome::Carried {
            prop_assert_eq!(after.outcome, Outcome::Carried, "{:?} then {:?}", before, after);
        }
    }

    #[test]
    fn casting_vote_is_used_only_on_equal_votes(s in scenario()) {
        let r = s.report();
        if r.casting_vote.is_some() {
            prop_assert_eq!(r.counts.votes_for, r.counts.against);
            prop_assert!(r.counts.votes_for > 0);
            prop_assert_eq!(r.casting_vote, s.casting);
        }
        if r.outcome == Outcome::Tied {
            prop_assert_eq!(r.counts.votes_for, r.counts.against);
            prop_assert!(!r.valid);
        }
        // A casting vote given and not used is always reported as a failure.
        if s.casting.is_some() && r.casting_vote.is_none() {
            prop_assert!(r.findings.iter().any(|f| f.rule == Rule::CastingVote && f.failed()));
        }
    }

    #[test]
    fn left_out_votes_never_count(s in scenario()) {
        let r = s.report();
        for e in &r.excluded {
            prop_assert!(!r.votes.iter().any(|v| v.org == e.org), "{} both counted and left out", e.org);
        }
        let (mut f, mut a, mut ab) = (0, 0, 0);
        for v in &r.votes {
            match v.vote {
                Choice::For => f += 1,
                Choice::Against => a += 1,
                Choice::Abstain => ab += 1,
            }
        }
        prop_assert_eq!((r.counts.votes_for, r.counts.against, r.counts.abstain), (f, a, ab));
        // Every vote cast is either counted or left out, once.
        let cast = s.roles.iter().filter(|r| matches!(r, Role::Vote(_) | Role::Proxy(_))).count();
        prop_assert_eq!(r.votes.len() + r.excluded.len(), cast);
        // A left-out vote is always a failing finding.
        if !r.excluded.is_empty() {
            prop_assert!(!r.valid);
        }
        prop_assert_eq!(r.valid, !r.findings.iter().any(tor::engine::Finding::failed));
    }

    #[test]
    fn the_order_of_the_input_never_changes_the_result(s in scenario()) {
        let args = s.args();
        let first = report(s.tor(), s.date(), &args);
        let second = report(s.tor(), s.date(), &reordered(&args, s.seed));
        let as_json = |r: &TallyReport| serde_json::to_value(r).expect("serializes");
        prop_assert_eq!(as_json(&first), as_json(&second));
    }
}

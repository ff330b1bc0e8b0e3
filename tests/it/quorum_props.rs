//! Properties of who counts, over random ToRs and random meetings taken item by
//! item (issue 14): adding an attendee never makes a quorate meeting (or item)
//! inquorate, removing one never makes an inquorate one quorate, and the
//! verdict never depends on the order the input names anyone in. The quorum is
//! a simple count or fraction, or a compound `[[quorum.all]]` of counts,
//! fractions, `at_least_each`, named members and `any_of`.

use chrono::{DateTime, TimeDelta, TimeZone};
use chrono_tz::Tz;
use proptest::prelude::*;
use tor::calendar::Calendar;
use tor::engine::meeting::{
    AgendaItem, History, MeetingInput, MeetingReport, Movement, MovementKind, check_meeting,
};
use tor::engine::{Finding, FindingStatus, Rule};
use tor::load::load_tor;
use tor::model::{MemberId, Tor};

/// A random body: up to 8 members in up to 3 classes (the first voting), and
/// a quorum of some of one class, of all voting members, a fraction, or
/// conditions that must all hold.
#[derive(Debug, Clone)]
struct Body {
    classes: Vec<bool>,
    members: Vec<(usize, Option<bool>)>,
    quorum: QuorumShape,
    substitutes: bool,
}

#[derive(Debug, Clone)]
enum QuorumShape {
    Of { n: u32, class: Option<usize> },
    Fraction(u32, u32),
    All(Vec<Cond>),
}

/// One condition of a compound quorum. Member and class indices are taken
/// modulo the body's, so every one names something defined.
#[derive(Debug, Clone)]
enum Cond {
    Count { n: u32, class: Option<usize> },
    Fraction(u32, u32),
    Each { n: u32, from: Vec<Ref> },
    Members(Vec<usize>),
    AnyOf(Vec<usize>),
}

#[derive(Debug, Clone)]
enum Ref {
    Member(usize),
    Class(usize),
}

fn cond(classes: usize) -> impl Strategy<Value = Cond> {
    let group = prop_oneof![
        (0usize..8).prop_map(Ref::Member),
        (0..classes).prop_map(Ref::Class),
    ];
    prop_oneof![
        (1u32..=4, proptest::option::of(0..classes))
            .prop_map(|(n, class)| Cond::Count { n, class }),
        (1u32..=3, 2u32..=4).prop_map(|(a, b)| Cond::Fraction(a.min(b), b)),
        (1u32..=2, proptest::collection::vec(group, 1..=3))
            .prop_map(|(n, from)| Cond::Each { n, from }),
        proptest::collection::vec(0usize..8, 1..=2).prop_map(Cond::Members),
        proptest::collection::vec(0usize..8, 1..=3).prop_map(Cond::AnyOf),
    ]
}

fn body() -> impl Strategy<Value = Body> {
    (1usize..=3).prop_flat_map(|classes| {
        (
            proptest::collection::vec(any::<bool>(), classes),
            proptest::collection::vec((0..classes, proptest::option::of(any::<bool>())), 1..=8),
            prop_oneof![
                (1u32..=4, proptest::option::of(0..classes))
                    .prop_map(|(n, class)| QuorumShape::Of { n, class }),
                (1u32..=3, 2u32..=4).prop_map(|(a, b)| QuorumShape::Fraction(a.min(b), b)),
                proptest::collection::vec(cond(classes), 1..=3).prop_map(QuorumShape::All),
            ],
            any::<bool>(),
        )
            .prop_map(|(mut votes, members, quorum, substitutes)| {
                votes[0] = true;
                Body {
                    classes: votes,
                    members,
                    quorum,
                    substitutes,
                }
            })
    })
}

fn toml_of(b: &Body) -> String {
    let mut s = String::from("id = \"random\"\nname = \"Random\"\n");
    for (i, voting) in b.classes.iter().enumerate() {
        s += &format!("[[classes]]\nid = \"c{i}\"\nname = \"C{i}\"\nvoting = {voting}\n");
    }
    for (i, (class, voting)) in b.members.iter().enumerate() {
        s += &format!("[[members]]\nid = \"m{i}\"\nname = \"M{i}\"\nclass = \"c{class}\"\n");
        if let Some(v) = voting {
            s += &format!("voting = {v}\n");
        }
    }
    s += "[quorum]\nclause = \"1\"\n";
    match &b.quorum {
        QuorumShape::Of { n, class } => s += &count(b, *n, *class),
        QuorumShape::Fraction(a, d) => s += &format!("fraction = \"{a}/{d}\"\n"),
        QuorumShape::All(conds) => {
            for c in conds {
                s += "[[quorum.all]]\n";
                s += &condition(b, c);
            }
        }
    }
    s += "[chair]\nclause = \"2\"\nappointment = \"elected-annually\"\nfallbacks = [\"vice-chair\", \"chosen\"]\n";
    s += "[decisions]\nclause = \"3\"\nmethod = \"majority\"\n";
    if b.substitutes {
        s += "[decisions.substitutes]\nclause = \"3\"\n";
    }
    s
}

/// `at_least` (of a class), no more than the members who could meet it.
fn count(b: &Body, n: u32, class: Option<usize>) -> String {
    let eligible = b
        .members
        .iter()
        .filter(|(c, v)| match class {
            Some(k) => *c == k,
            None => v.unwrap_or(b.classes[*c]),
        })
        .count() as u32;
    let mut s = format!("at_least = {}\n", n.min(eligible.max(1)));
    if let Some(k) = class {
        s += &format!("class = \"c{k}\"\n");
    }
    s
}

/// The keys of one `[[quorum.all]]` table, each id named once.
fn condition(b: &Body, c: &Cond) -> String {
    let size = b.members.len();
    let ids = |list: &[usize]| -> String {
        let set: std::collections::BTreeSet<usize> = list.iter().map(|i| i % size).collect();
        let quoted: Vec<String> = set.iter().map(|i| format!("\"m{i}\"")).collect();
        format!("[{}]", quoted.join(", "))
    };
    match c {
        Cond::Count { n, class } => count(b, *n, *class),
        Cond::Fraction(a, d) => format!("fraction = \"{a}/{d}\"\n"),
        Cond::Each { n: each, from } => {
            let set: std::collections::BTreeSet<String> = from
                .iter()
                .map(|r| match r {
                    Ref::Member(i) => format!("\"m{}\"", i % size),
                    Ref::Class(k) => format!("\"c{}\"", k % b.classes.len()),
                })
                .collect();
            let from: Vec<String> = set.into_iter().collect();
            format!("at_least_each = {each}\nfrom = [{}]\n", from.join(", "))
        }
        Cond::Members(list) => format!("members = {}\n", ids(list)),
        Cond::AnyOf(list) => format!("any_of = {}\n", ids(list)),
    }
}

/// The body as a ToR, or `None` where the random shape is one `validate`
/// rightly refuses (a quorum above the members who could meet it).
fn load(b: &Body) -> Option<(Tor, Calendar)> {
    let loaded = load_tor("random.toml", Some("random"), toml_of(b).as_bytes(), None);
    let tor = loaded.tor?;
    let cal = Calendar::new(tor.region);
    Some((tor, cal))
}

fn start(tor: &Tor) -> DateTime<Tz> {
    tor.timezone
        .with_ymd_and_hms(2026, 3, 5, 18, 0, 0)
        .single()
        .expect("unambiguous")
}

/// A meeting: who is there at the start (in person or by substitute), three
/// items, some members leaving or arriving, some with conflicts.
#[derive(Debug, Clone)]
struct Shape {
    /// Per member: 0 absent, 1 in person, 2 by substitute.
    attend: Vec<u8>,
    /// Per member: the item (1-3) before which it leaves (0: stays).
    leaves: Vec<u8>,
    /// Per member: the item (1-3) before which an absent member arrives.
    arrives: Vec<u8>,
    /// Per item: bit i set when member i has a conflict on it.
    conflicts: [u8; 3],
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        proptest::collection::vec(0u8..3, 8),
        proptest::collection::vec(0u8..4, 8),
        proptest::collection::vec(0u8..4, 8),
        any::<[u8; 3]>(),
    )
        .prop_map(|(attend, leaves, arrives, conflicts)| Shape {
            attend,
            leaves,
            arrives,
            conflicts,
        })
}

fn id(i: usize) -> MemberId {
    MemberId::parse(&format!("m{i}")).expect("an id")
}

fn meeting(tor: &Tor, s: &Shape) -> MeetingInput {
    let at = start(tor);
    let n = tor.members.len();
    let item_at = |k: u8| at + TimeDelta::minutes(30 * i64::from(k));
    let mut m = MeetingInput::new(at);
    m.chair = Some(tor::engine::meeting::ChairPresence::Present);
    for i in 0..n {
        match s.attend[i] {
            1 => m.attendance.in_person.push(id(i)),
            2 => m.attendance.substitutes.push(id(i)),
            _ if s.arrives[i] > 0 => m.movements.push(Movement {
                member: id(i),
                at: item_at(s.arrives[i]) - TimeDelta::minutes(5),
                kind: MovementKind::Arrives,
            }),
            _ => {}
        }
        if s.attend[i] > 0 && s.leaves[i] > 0 {
            m.movements.push(Movement {
                member: id(i),
                at: item_at(s.leaves[i]) - TimeDelta::minutes(5),
                kind: MovementKind::Leaves,
            });
        }
    }
    m.movements.sort_by_key(|mv| mv.at);
    m.agenda = (0..3u8)
        .map(|k| AgendaItem {
            title: format!("Item {}", k + 1),
            at: item_at(k + 1),
            conflicts: (0..n)
                .filter(|i| s.conflicts[usize::from(k)] & (1 << i) != 0)
                .map(id)
                .collect(),
        })
        .collect();
    m.items = m.agenda.iter().map(|i| i.title.clone()).collect();
    m
}

/// The quorum findings: the meeting's, then each item's.
fn quorums(r: &MeetingReport) -> Vec<FindingStatus> {
    r.findings
        .iter()
        .filter(|f| f.rule == Rule::Quorum)
        .map(|f: &Finding| f.status)
        .collect()
}

fn check(tor: &Tor, cal: &Calendar, m: &MeetingInput) -> MeetingReport {
    check_meeting(tor, cal, m, History::Nothing)
}

/// `before` → `after` never goes from pass to fail, finding by finding.
/// Where nobody is named at the start the quorum is not judged at all (one
/// `skip`); otherwise there is one finding for the meeting and one per item.
fn never_worse(before: &[FindingStatus], after: &[FindingStatus]) -> Result<(), TestCaseError> {
    if before.len() != after.len() {
        let shorter = if before.len() < after.len() {
            before
        } else {
            after
        };
        prop_assert_eq!(shorter, &[FindingStatus::Skip][..]);
        return Ok(());
    }
    for (b, a) in before.iter().zip(after) {
        if *b == FindingStatus::Pass {
            prop_assert_eq!(*a, FindingStatus::Pass);
        }
    }
    Ok(())
}

/// The ToR's `[quorum.fallback.continue]`, appended to a random body.
const CONTINUE: &str = "\n[quorum.fallback.continue]\nclause = \"9\"\nby = \"chair\"\nratify = \"next-quorate-meeting\"\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// `--continued`, over compound quorums and meetings taken item by item:
    /// a quorate meeting or item stays quorate, a failing one never passes,
    /// and only the ToR's fallback turns a failure into a warning.
    #[test]
    fn continued_never_makes_a_quorate_meeting_inquorate_nor_a_failing_one_pass(
        b in body(),
        s in shape(),
        fallback in any::<bool>(),
    ) {
        let mut text = toml_of(&b);
        if fallback {
            text.push_str(CONTINUE);
        }
        let loaded = load_tor("random.toml", Some("random"), text.as_bytes(), None);
        let Some(tor) = loaded.tor else { return Ok(()) };
        // The fallback is read, so the warn branch below is exercised.
        prop_assert_eq!(
            tor.quorum.as_ref().is_some_and(|q| q.fallback.continued.is_some()),
            fallback
        );
        let cal = Calendar::new(tor.region);
        let plain = meeting(&tor, &s);
        let mut continued = plain.clone();
        continued.held.continued = true;
        let before = quorums(&check(&tor, &cal, &plain));
        let after = quorums(&check(&tor, &cal, &continued));
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            match b {
                FindingStatus::Fail if fallback => {
                    prop_assert!(matches!(a, FindingStatus::Warn | FindingStatus::Fail));
                }
                _ => prop_assert_eq!(b, a),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_an_attendee_never_makes_a_quorate_meeting_inquorate(
        b in body(),
        s in shape(),
        who in 0usize..8,
    ) {
        let Some((tor, cal)) = load(&b) else { return Ok(()) };
        let who = who % tor.members.len();
        let mut s = s;
        s.attend[who] = 0;
        s.arrives[who] = 0;
        let before = check(&tor, &cal, &meeting(&tor, &s));
        let mut more = s.clone();
        more.attend[who] = 1;
        more.leaves[who] = 0;
        let after = check(&tor, &cal, &meeting(&tor, &more));
        never_worse(&quorums(&before), &quorums(&after))?;
    }

    #[test]
    fn removing_an_attendee_never_makes_an_inquorate_meeting_quorate(
        b in body(),
        s in shape(),
        who in 0usize..8,
    ) {
        let Some((tor, cal)) = load(&b) else { return Ok(()) };
        let who = who % tor.members.len();
        let mut s = s;
        s.attend[who] = s.attend[who].max(1);
        let before = check(&tor, &cal, &meeting(&tor, &s));
        let mut fewer = s.clone();
        fewer.attend[who] = 0;
        fewer.arrives[who] = 0;
        let after = check(&tor, &cal, &meeting(&tor, &fewer));
        // Removing is adding the other way round.
        never_worse(&quorums(&after), &quorums(&before))?;
    }

    #[test]
    fn a_conflict_on_an_item_never_makes_it_quorate(
        b in body(),
        s in shape(),
        who in 0usize..8,
        item in 0usize..3,
    ) {
        let Some((tor, cal)) = load(&b) else { return Ok(()) };
        let who = who % tor.members.len();
        let before = check(&tor, &cal, &meeting(&tor, &s));
        let mut more = s.clone();
        more.conflicts[item] |= 1 << who;
        let after = check(&tor, &cal, &meeting(&tor, &more));
        // Its quorum is finding 1 + item + 1 among the quorum findings.
        let (b, a) = (quorums(&before), quorums(&after));
        if b.len() == 4 && b[item + 1] == FindingStatus::Fail {
            prop_assert_eq!(a[item + 1], FindingStatus::Fail);
        }
    }

    #[test]
    fn the_verdict_never_depends_on_input_order(
        b in body(),
        s in shape(),
        order in Just((0..8usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let Some((tor, cal)) = load(&b) else { return Ok(()) };
        let m = meeting(&tor, &s);
        let first = check(&tor, &cal, &m);
        let mut shuffled = m.clone();
        let reorder = |list: &mut Vec<MemberId>| {
            let picked: Vec<MemberId> = order
                .iter()
                .filter(|&&i| i < list.len())
                .map(|&i| list[i].clone())
                .collect();
            *list = picked;
        };
        reorder(&mut shuffled.attendance.in_person);
        reorder(&mut shuffled.attendance.substitutes);
        for item in &mut shuffled.agenda {
            reorder(&mut item.conflicts);
        }
        // Movements at one time may come in any order.
        shuffled.movements.sort_by_key(|mv| (mv.at, order.iter().position(|&i| id(i) == mv.member)));
        let second = check(&tor, &cal, &shuffled);
        prop_assert_eq!(first.valid, second.valid);
        prop_assert_eq!(&first.inquorate_from, &second.inquorate_from);
        let statuses = |r: &MeetingReport| -> Vec<(String, FindingStatus)> {
            r.findings.iter().map(|f| (f.rule.to_string(), f.status)).collect()
        };
        prop_assert_eq!(statuses(&first), statuses(&second));
    }
}

#[test]
fn the_generator_makes_bodies_that_load() {
    let b = Body {
        classes: vec![true, false],
        members: vec![(0, None), (0, None), (1, None)],
        quorum: QuorumShape::Of { n: 2, class: None },
        substitutes: true,
    };
    let (tor, cal) = load(&b).expect("a well-formed body");
    let s = Shape {
        attend: vec![1, 1, 1, 0, 0, 0, 0, 0],
        leaves: vec![0, 2, 0, 0, 0, 0, 0, 0],
        arrives: vec![0; 8],
        conflicts: [0, 0, 0b001],
    };
    let r = check(&tor, &cal, &meeting(&tor, &s));
    assert_eq!(
        quorums(&r),
        [
            FindingStatus::Pass,
            FindingStatus::Pass,
            FindingStatus::Fail,
            FindingStatus::Fail
        ]
    );
    assert_eq!(r.inquorate_from.map(|i| i.number), Some(2));
}

#[test]
fn the_generator_makes_compound_quorums_that_load_and_decide() {
    let b = Body {
        classes: vec![true, false],
        members: vec![(0, None), (0, None), (1, None), (1, None)],
        quorum: QuorumShape::All(vec![
            Cond::Count { n: 2, class: None },
            Cond::Each {
                n: 1,
                from: vec![Ref::Class(0), Ref::Class(1)],
            },
            Cond::Members(vec![0]),
            Cond::AnyOf(vec![2, 3]),
            Cond::Fraction(1, 2),
        ]),
        substitutes: false,
    };
    let (tor, cal) = load(&b).expect("a well-formed compound quorum");
    let quorate = |attend: [u8; 4]| {
        let mut a = attend.to_vec();
        a.resize(8, 0);
        let s = Shape {
            attend: a,
            leaves: vec![0; 8],
            arrives: vec![0; 8],
            conflicts: [0; 3],
        };
        quorums(&check(&tor, &cal, &meeting(&tor, &s)))[0]
    };
    assert_eq!(quorate([1, 1, 1, 0]), FindingStatus::Pass);
    // Without m0, whom the quorum names.
    assert_eq!(quorate([0, 1, 1, 1]), FindingStatus::Fail);
    // Without anyone of the second class.
    assert_eq!(quorate([1, 1, 0, 0]), FindingStatus::Fail);
}

/// Most random compound quorums are ones the loader accepts, so the
/// properties above are not vacuously true of them.
#[test]
fn most_generated_compound_quorums_load() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut compound, mut loaded) = (0, 0);
    for _ in 0..300 {
        let b = body().new_tree(&mut runner).expect("a body").current();
        if matches!(b.quorum, QuorumShape::All(_)) {
            compound += 1;
            loaded += usize::from(load(&b).is_some());
        }
    }
    assert!(compound >= 50, "{compound} compound bodies of 300");
    assert!(loaded * 2 >= compound, "{loaded} of {compound} loaded");
}

/// The joint scrutiny example (SPEC §7): Northvale's 10 seats and
/// Southmere's 6, each council in person and by substitutes for its absent
/// seats, one per absent member (clause 6).
mod shared_seats {
    use std::collections::HashMap;

    use super::*;

    const SCRUTINY: &str =
        include_str!("../../examples/partnerships/northvale-southmere-joint-scrutiny.toml");
    const SEATS: [(&str, u32); 2] = [("northvale", 10), ("southmere", 6)];

    fn scrutiny() -> (Tor, Calendar) {
        let loaded = load_tor(
            "northvale-southmere-joint-scrutiny.toml",
            Some("northvale-southmere-joint-scrutiny"),
            SCRUTINY.as_bytes(),
            None,
        );
        let tor = loaded.tor.expect("the example loads");
        let cal = Calendar::new(tor.region);
        (tor, cal)
    }

    /// Per council: (in person, substitutes).
    fn meeting(tor: &Tor, sent: [(u32, u32); 2]) -> MeetingInput {
        let at = tor
            .timezone
            .with_ymd_and_hms(2025, 10, 15, 18, 0, 0)
            .single()
            .expect("unambiguous");
        let mut m = MeetingInput::new(at);
        let mut people = HashMap::new();
        let mut subs = HashMap::new();
        for ((org, _), (here, by_sub)) in SEATS.iter().zip(sent) {
            let org = MemberId::parse(org).expect("an id");
            if here > 0 {
                m.attendance.in_person.push(org.clone());
                people.insert(org.clone(), here);
            }
            if by_sub > 0 {
                m.attendance.substitutes.push(org.clone());
                if here > 0 {
                    subs.insert(org, by_sub);
                } else {
                    people.insert(org, by_sub);
                }
            }
        }
        m.attendance.people = people;
        m.attendance.stand_in_people = subs;
        m
    }

    /// The quorum finding's status and the people it counted.
    fn quorum(tor: &Tor, cal: &Calendar, sent: [(u32, u32); 2]) -> (FindingStatus, u32) {
        let r = check_meeting(tor, cal, &meeting(tor, sent), History::Nothing);
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == Rule::Quorum)
            .expect("a quorum finding");
        let text = f.message.to_string();
        let n = text
            .split_once(": ")
            .and_then(|(_, rest)| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        (f.status, n)
    }

    fn council() -> impl Strategy<Value = [(u32, u32); 2]> {
        ((0u32..=10, 0u32..=4), (0u32..=6, 0u32..=4)).prop_map(|(n, s)| [n, s])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn adding_a_substitute_never_makes_a_quorate_meeting_inquorate(
            sent in council(),
            which in 0usize..2,
        ) {
            let (tor, cal) = scrutiny();
            let (before, _) = quorum(&tor, &cal, sent);
            let mut more = sent;
            more[which].1 += 1;
            let (after, _) = quorum(&tor, &cal, more);
            if before == FindingStatus::Pass {
                prop_assert_eq!(after, FindingStatus::Pass);
            }
        }

        #[test]
        fn the_count_never_exceeds_a_councils_seats(sent in council()) {
            let (tor, cal) = scrutiny();
            let (status, n) = quorum(&tor, &cal, sent);
            prop_assume!(status != FindingStatus::Skip);
            // Each council: those in person, and a substitute per empty seat at most.
            let expected: u32 = SEATS
                .iter()
                .zip(sent)
                .map(|((_, seats), (here, by_sub))| here + by_sub.min(seats - here))
                .sum();
            prop_assert_eq!(n, expected);
            prop_assert!(n <= SEATS.iter().map(|(_, s)| s).sum::<u32>());
        }
    }
}

//! Properties of the meeting engine on the bundled ToRs: notice is monotone in
//! when papers go out, quorum is monotone in who attends, and the order in which
//! attendees are named never matters.

use std::sync::OnceLock;

use chrono::{DateTime, Days, NaiveDate, TimeDelta, TimeZone};
use chrono_tz::Tz;
use proptest::prelude::*;
use tor::calendar::{Calendar, Convention, DateOrTime};
use tor::catalog::Catalog;
use tor::engine::meeting::{History, MeetingInput, MeetingReport, check_meeting};
use tor::engine::{FindingStatus, InputError, resolve_member};
use tor::model::{Keyword, MemberId, Tor};

const IDS: [&str; 4] = [
    "sefton-scp",
    "richmond-strategy-group",
    "oxfordshire-business-group",
    "oxfordshire-board",
];

fn tors() -> &'static [(Tor, Calendar)] {
    static TORS: OnceLock<Vec<(Tor, Calendar)>> = OnceLock::new();
    TORS.get_or_init(|| {
        IDS.iter()
            .map(|id| {
                let tor = Catalog::Bundled.load(id).expect("bundled ToR loads");
                let cal = Catalog::Bundled.calendar(&tor).expect("calendar");
                (tor, cal)
            })
            .collect()
    })
}

/// 14:00 local on `days` after 2008-01-01: never in a clock-change gap.
fn afternoon(tor: &Tor, days: u64) -> DateTime<Tz> {
    let day = NaiveDate::from_ymd_opt(2008, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(days)))
        .expect("date in range");
    tor.timezone
        .from_local_datetime(&day.and_hms_opt(14, 0, 0).expect("valid time"))
        .single()
        .expect("14:00 is unambiguous")
}

fn status(report: &MeetingReport, rule: &str) -> FindingStatus {
    report
        .findings
        .iter()
        .find(|f| f.rule.as_str() == rule)
        .map(|f| f.status)
        .expect("every rule reports")
}

fn members(tor: &Tor, mask: u32) -> Vec<MemberId> {
    tor.members
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, m)| m.id.clone())
        .collect()
}

fn check(tor: &Tor, cal: &Calendar, m: &MeetingInput) -> MeetingReport {
    check_meeting(tor, cal, m, History::Nothing)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn circulating_earlier_never_turns_pass_into_fail(
        which in 0..IDS.len(),
        day in 0u64..20 * 365,
        extraordinary in any::<bool>(),
        as_date in any::<bool>(),
        before_minutes in 0i64..20 * 24 * 60,
        earlier_minutes in 0i64..15 * 24 * 60,
    ) {
        let (tor, cal) = &tors()[which];
        let at = afternoon(tor, day);
        let governing = match (extraordinary, &tor.notice.extraordinary) {
            (true, Some(rule)) => Some(rule),
            _ => tor.notice.agenda.as_ref(),
        };
        // A bare date cannot be judged against an hours rule.
        let hours = governing.is_some_and(|r| r.convention == Convention::Hours);
        let given = |minutes: i64| {
            let t = at - TimeDelta::minutes(minutes);
            if as_date && !hours { DateOrTime::Date(t.date_naive()) } else { DateOrTime::Instant(t) }
        };
        let mut m = MeetingInput::new(at);
        m.extraordinary = extraordinary;
        m.circulated = Some(given(before_minutes));
        let later = check(tor, cal, &m);
        m.circulated = Some(given(before_minutes + earlier_minutes));
        let earlier = check(tor, cal, &m);
        for rule in ["notice", "extraordinary-notice"] {
            if status(&later, rule) == FindingStatus::Pass {
                prop_assert_eq!(status(&earlier, rule), FindingStatus::Pass, "{}", rule);
            }
        }
    }

    #[test]
    fn adding_an_attendee_never_turns_quorum_pass_into_fail(
        which in 0..IDS.len(),
        // Around the end of Sefton's police authority (2012-11-21).
        day in 1700u64..1900,
        mask in any::<u32>(),
        extra in 0usize..32,
    ) {
        let (tor, cal) = &tors()[which];
        let mut m = MeetingInput::new(afternoon(tor, day));
        m.attendance.in_person = members(tor, mask);
        let before = check(tor, cal, &m);
        let added = &tor.members[extra % tor.members.len()].id;
        if !m.attendance.in_person.contains(added) {
            m.attendance.in_person.push(added.clone());
        }
        let after = check(tor, cal, &m);
        if status(&before, "quorum") == FindingStatus::Pass {
            prop_assert_eq!(status(&after, "quorum"), FindingStatus::Pass);
        }
    }

    #[test]
    fn the_order_of_attendees_never_changes_the_findings(
        which in 0..IDS.len(),
        day in 0u64..20 * 365,
        mask in any::<u32>(),
        stand_ins in any::<u32>(),
        order in Just((0..32usize).collect::<Vec<_>>()).prop_shuffle(),
        public in any::<bool>(),
    ) {
        let (tor, cal) = &tors()[which];
        let mut m = MeetingInput::new(afternoon(tor, day));
        m.public = public.then_some(true);
        m.attendance.in_person = members(tor, mask);
        // Stand-ins from the members not attending, so no one is named twice.
        let others: Vec<MemberId> = members(tor, !mask & stand_ins);
        let (subs, deps) = others.split_at(others.len() / 2);
        m.attendance.substitutes = subs.to_vec();
        m.attendance.deputies = deps.to_vec();
        let first = serde_json::to_string(&check(tor, cal, &m).findings).expect("JSON");
        for list in [&mut m.attendance.in_person, &mut m.attendance.substitutes, &mut m.attendance.deputies] {
            // The shuffled order of 0..32, cut down to this list's positions.
            let shuffled: Vec<MemberId> = order
                .iter()
                .filter(|&&i| i < list.len())
                .map(|&i| list[i].clone())
                .collect();
            *list = shuffled;
        }
        let second = serde_json::to_string(&check(tor, cal, &m).findings).expect("JSON");
        prop_assert_eq!(first, second);
    }
}

#[test]
fn resolve_member_suggests_for_the_property_inputs() {
    let (tor, _) = &tors()[0];
    assert!(matches!(
        resolve_member(tor, "polise-force"),
        Err(InputError::UnknownMember { suggestion: Some(s), .. }) if s == "police-force"
    ));
}

//! Properties of every day-counting notice convention: circulating on the
//! deadline is in time and the day after is late; the deadline's own working
//! counts exactly N; the explanation's reasons agree with the count.

use chrono::{Days, NaiveDate, TimeZone};
use chrono_tz::Europe::London;
use proptest::prelude::*;
use tor::calendar::daycount::counts;
use tor::calendar::{
    Calendar, Convention, DateOrTime, DayReason, Region, count_notice, day_deadline, in_time,
};

const DAY_CONVENTIONS: [Convention; 5] = [
    Convention::Working,
    Convention::ClearWorking,
    Convention::Clear,
    Convention::Days,
    Convention::StatutoryDays,
];

fn calendar(region: usize, closure: u64, meeting: NaiveDate) -> Calendar {
    let region = Region::ALL[region % Region::ALL.len()];
    // A closure somewhere in the fortnight before the meeting.
    let closed = meeting.checked_sub_days(Days::new(closure % 14 + 1));
    Calendar::new(region).with_closures(closed)
}

fn meeting_day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1972, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset)))
        .expect("date in range")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_deadline_is_in_time_and_the_day_after_is_late(
        conv in 0..DAY_CONVENTIONS.len(),
        offset in 0u64..(125 * 365),
        n in 1u32..30,
        region in 0usize..3,
        closure in 0u64..14,
    ) {
        let convention = DAY_CONVENTIONS[conv];
        let meeting = meeting_day(offset);
        let cal = calendar(region, closure, meeting);
        let start = London
            .from_local_datetime(&meeting.and_hms_opt(10, 0, 0).expect("time"))
            .earliest()
            .expect("10:00 exists");
        let due = day_deadline(convention, n, meeting, &cal).expect("a day convention");
        let after = due.succ_opt().expect("a next day");
        prop_assert_eq!(in_time(convention, n, start, DateOrTime::Date(due), &cal), Ok(true));
        prop_assert_eq!(in_time(convention, n, start, DateOrTime::Date(after), &cal), Ok(false));

        // Stepping back N and counting forward gives N again; a day later, less.
        let on_time = count_notice(convention, due, meeting, &cal).expect("days");
        prop_assert_eq!(on_time.counted, u64::from(n));
        let late = count_notice(convention, after, meeting, &cal).expect("days");
        prop_assert!(late.counted < u64::from(n));

        // A clear period starts counting the day after notice; the others count
        // the notice day itself, so it is never a day they exclude.
        let first_counted = if convention.is_clear() { after } else { due };
        prop_assert!(counts(convention, first_counted, &cal), "{convention:?} {first_counted}");

        for day in &on_time.days {
            prop_assert_eq!(day.counted, day.reason == DayReason::Counted, "{:?}", day);
        }
        prop_assert_eq!(
            on_time.days.iter().filter(|d| d.counted).count() as u64,
            on_time.counted
        );
    }
}

#[test]
fn a_notice_years_early_lists_only_the_days_nearest_the_meeting() {
    let cal = Calendar::new(Region::EnglandAndWales);
    let meeting = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
    let notice = NaiveDate::from_ymd_opt(1980, 1, 1).expect("date");
    let count = count_notice(Convention::Days, notice, meeting, &cal).expect("days");
    assert_eq!(
        count.counted,
        u64::try_from((meeting - notice).num_days()).expect("positive")
    );
    assert_eq!(count.days.len() as u64, tor::calendar::daycount::MAX_LISTED);
    assert_eq!(count.days.last().map(|d| d.date), Some(meeting));
    assert_eq!(count.unlisted + count.days.len() as u64, count.counted + 1);
}

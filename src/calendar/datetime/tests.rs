use super::*;
use chrono::Utc;
use chrono_tz::Europe::London;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

#[test]
fn accepted_forms() {
    let want = utc("2026-10-25T14:00:00Z");
    for s in [
        "2026-10-25T14:00",
        "2026-10-25 14:00",
        "2026-10-25T14:00:00",
        " 2026-10-25t14:00 ",
        "2026-10-25T14:00Z",
        "2026-10-25T14:00:00+00:00",
        "2026-10-25T09:00-05:00",
    ] {
        let t = parse_datetime(s, London).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(t.with_timezone(&Utc), want, "{s}");
        assert_eq!(t.timezone(), London);
    }
    let bst = parse_datetime("2026-07-01T09:30", London).expect("valid date-time");
    assert_eq!(bst.with_timezone(&Utc), utc("2026-07-01T08:30:00Z"));
}

#[test]
fn spring_forward_gap_is_refused() {
    let err = parse_datetime("2026-03-29T01:30", London).expect_err("must be refused");
    assert!(matches!(err, DateTimeError::NonExistent { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("clocks go forward") && msg.contains("+00:00") && msg.contains("+01:00"),
        "{msg}"
    );
}

#[test]
fn autumn_overlap_is_refused_and_names_both_offsets() {
    let err = parse_datetime("2026-10-25T01:30", London).expect_err("must be refused");
    match &err {
        DateTimeError::Ambiguous { earlier, later, .. } => {
            assert_eq!(
                (earlier.as_str(), later.as_str()),
                ("2026-10-25T01:30+01:00", "2026-10-25T01:30+00:00")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("2026-10-25T01:30+01:00"));
}

#[test]
fn a_leap_second_is_refused_with_or_without_an_offset() {
    for s in [
        "2012-12-06T23:59:60",
        "2016-12-31T23:59:60Z",
        "2012-12-06 14:00:60+00:00",
        "31/12/2016 23:59:60",
    ] {
        let err = parse_datetime(s, London).expect_err(s);
        assert!(
            matches!(err, DateTimeError::OutOfRange { .. }),
            "{s}: {err:?}"
        );
    }
    assert!(parse_datetime("2012-12-06T23:59:59", London).is_ok());
}

#[test]
fn an_offset_settles_the_overlap() {
    let first = parse_datetime("2026-10-25T01:30+01:00", London).expect("valid date-time");
    let second = parse_datetime("2026-10-25T01:30+00:00", London).expect("valid date-time");
    assert_eq!(first.with_timezone(&Utc), utc("2026-10-25T00:30:00Z"));
    assert_eq!((second - first).num_minutes(), 60);
}

#[test]
fn malformed_and_impossible_inputs() {
    for s in [
        "",
        "2026-10-25",
        "25-10-2026 14:00",
        "25/10/2026 14",
        "25/10/2026 14:00 tomorrow",
        "25 Foo 2026",
        "2026-10-25T14",
        "2026-10-25T14:00+1",
        "2026-10-25T14:00:00.5",
        "2026-10-25X14:00",
    ] {
        assert!(
            matches!(
                parse_datetime(s, London),
                Err(DateTimeError::Malformed { .. })
            ),
            "{s}"
        );
    }
    for s in [
        "2026-02-30T10:00",
        "2026-10-25T24:00",
        "2026-10-25T10:00+01:75",
        "2026-10-25T10:00+25:00",
    ] {
        assert!(
            matches!(
                parse_datetime(s, London),
                Err(DateTimeError::OutOfRange { .. })
            ),
            "{s}"
        );
    }
}

#[test]
fn dates() {
    assert_eq!(
        parse_date("2012-12-06"),
        Ok(NaiveDate::from_ymd_opt(2012, 12, 6).expect("real date"))
    );
    assert!(matches!(
        parse_date("2012-2-6"),
        Err(DateTimeError::Malformed { .. })
    ));
    assert!(matches!(
        parse_date("+2012-12-06"),
        Err(DateTimeError::Malformed { .. })
    ));
    assert!(matches!(
        parse_date("2023-02-29"),
        Err(DateTimeError::OutOfRange { .. })
    ));
}

#[test]
fn date_or_datetime() {
    assert_eq!(
        parse_date_or_datetime("2026-10-23", London),
        Ok(DateOrTime::Date(
            NaiveDate::from_ymd_opt(2026, 10, 23).expect("real date")
        ))
    );
    assert!(matches!(
        parse_date_or_datetime("2026-10-23T14:30", London),
        Ok(DateOrTime::Instant(_))
    ));
    let err = parse_date_or_datetime("tomorrow", London).expect_err("must be refused");
    assert!(err.to_string().contains("a date (2012-12-06,"), "{err}");
    assert!(matches!(
        parse_date_or_datetime("2026-10-25T01:30", London),
        Err(DateTimeError::Ambiguous { .. })
    ));
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("real date")
}

#[test]
fn uk_day_first_dates() {
    for s in [
        "6/12/2012",
        "06/12/2012",
        "6 Dec 2012",
        "6 dec 2012",
        "6 December 2012",
        "6th December 2012",
        "Thu 6 Dec 2012",
        "Thursday, 6 December 2012",
    ] {
        assert_eq!(parse_date(s), Ok(day(2012, 12, 6)), "{s}");
    }
    assert_eq!(parse_date("12/06/2012"), Ok(day(2012, 6, 12)));
    assert_eq!(parse_date("30 Sept 2012"), Ok(day(2012, 9, 30)));
}

#[test]
fn uk_day_first_date_times() {
    let want = utc("2012-12-06T14:00:00Z");
    for s in [
        "06/12/2012 14:00",
        "6/12/2012 14:00:00",
        "6 Dec 2012 2pm",
        "6 December 2012 2 PM",
        "6 December 2012 14:00",
        "Thu 6 Dec 2012, 2:00pm",
        "6 Dec 2012 2.00pm",
        "6/12/2012 14:00Z",
    ] {
        let t = parse_datetime(s, London).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(t.with_timezone(&Utc), want, "{s}");
    }
    let half = parse_datetime("6 December 2012 14:30", London).expect("valid");
    assert_eq!(half.with_timezone(&Utc), utc("2012-12-06T14:30:00Z"));
    let midnight = parse_datetime("6 Dec 2012 12am", London).expect("valid");
    assert_eq!(midnight.with_timezone(&Utc), utc("2012-12-06T00:00:00Z"));
    let noon = parse_datetime("6 Dec 2012 12pm", London).expect("valid");
    assert_eq!(noon.with_timezone(&Utc), utc("2012-12-06T12:00:00Z"));
    assert!(matches!(
        parse_date_or_datetime("6/12/2012", London),
        Ok(DateOrTime::Date(d)) if d == day(2012, 12, 6)
    ));
    assert!(matches!(
        parse_date_or_datetime("6 Dec 2012 9am", London),
        Ok(DateOrTime::Instant(_))
    ));
}

#[test]
fn unclear_forms_are_refused_with_the_iso_date() {
    for (s, iso) in [
        ("12/31/2012", "2012-12-31"),
        ("6/12/12", "2012-12-06"),
        ("6 Dec 12", "2012-12-06"),
        ("Dec 6 2012", "2012-12-06"),
        ("December 6, 2012", "2012-12-06"),
        ("2012/12/06", "2012-12-06"),
        ("Fri 6 Dec 2012", "2012-12-06"),
    ] {
        match parse_date(s) {
            Err(DateTimeError::Unclear { iso: got, .. }) => assert_eq!(got, iso, "{s}"),
            other => panic!("{s}: {other:?}"),
        }
    }
    let msg = parse_date("12/31/2012")
        .expect_err("month first")
        .to_string();
    assert_eq!(
        msg,
        "`12/31/2012` reads month first; dates here are day first: write 2012-12-31 to be sure"
    );
    let err = parse_datetime("12/31/2012 14:00", London).expect_err("month first");
    assert!(err.to_string().contains("write 2012-12-31"), "{err}");
}

#[test]
fn uk_forms_refuse_what_iso_refuses() {
    assert!(matches!(
        parse_date("31/2/2012"),
        Err(DateTimeError::OutOfRange { .. })
    ));
    assert!(matches!(
        parse_datetime("6 Dec 2012 13pm", London),
        Err(DateTimeError::OutOfRange { .. })
    ));
    assert!(matches!(
        parse_datetime("29/3/2026 1:30", London),
        Err(DateTimeError::NonExistent { .. })
    ));
    assert!(matches!(
        parse_datetime("25 Oct 2026 1:30am", London),
        Err(DateTimeError::Ambiguous { .. })
    ));
    assert!(matches!(
        parse_date("6 Dec 1066"),
        Err(DateTimeError::YearOutOfRange { .. })
    ));
    assert!(matches!(
        parse_date("6 Dec 2012 2pm"),
        Err(DateTimeError::Malformed { .. })
    ));
    assert!(matches!(
        parse_datetime("6 Dec 2012", London),
        Err(DateTimeError::Malformed { .. })
    ));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every UK form of a date reads as the same day as its ISO form.
        #[test]
        fn iso_and_uk_forms_agree(offset in 0u64..(365 * 40), hour in 0u32..24, minute in 0u32..60) {
            let date = day(FIRST_YEAR, 1, 1) + Days::new(offset);
            prop_assume!(date.year() <= LAST_YEAR);
            let iso = parse_date(&date.format("%Y-%m-%d").to_string());
            prop_assert_eq!(iso, Ok(date));
            for uk in ["%-d/%-m/%Y", "%d/%m/%Y", "%-d %b %Y", "%-d %B %Y", "%a %-d %b %Y"] {
                let typed = date.format(uk).to_string();
                prop_assert_eq!(parse_date(&typed), Ok(date), "{}", typed);
            }
            let iso_t = parse_datetime(&format!("{}T{hour:02}:{minute:02}", date.format("%Y-%m-%d")), London);
            let h12 = match hour % 12 { 0 => 12, h => h };
            let meridiem = if hour < 12 { "am" } else { "pm" };
            for typed in [
                format!("{} {hour:02}:{minute:02}", date.format("%d/%m/%Y")),
                format!("{} {h12}:{minute:02}{meridiem}", date.format("%-d %B %Y")),
            ] {
                // Errors quote the input, so compare the instant, or the kind of refusal
                // (the clocks' gap or overlap).
                let uk_t = parse_datetime(&typed, London);
                prop_assert_eq!(uk_t.as_ref().ok(), iso_t.as_ref().ok(), "{}", typed);
                prop_assert_eq!(
                    uk_t.as_ref().err().map(std::mem::discriminant),
                    iso_t.as_ref().err().map(std::mem::discriminant),
                    "{}", typed
                );
            }
        }
    }
}

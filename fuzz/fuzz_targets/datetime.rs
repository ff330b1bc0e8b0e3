//! The date and date-time parsers on arbitrary text, in a zone with clock changes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tor::calendar::{parse_date, parse_date_or_datetime, parse_datetime};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let zone = chrono_tz::Europe::London;
    let _ = parse_date(text);
    let _ = parse_date_or_datetime(text, zone);
    if let Ok(t) = parse_datetime(text, zone) {
        // A parsed time must print back to something that parses to the same instant.
        let again = parse_datetime(&t.to_rfc3339(), zone).expect("round trip");
        assert_eq!(again, t);
    }
});

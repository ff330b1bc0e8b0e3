//! A --votes file on arbitrary bytes, then the tally on whatever parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tor::engine::tally::{VoteInput, tally};
use tor::load::votes::VoteContext;

/// Loaded once: the fuzzer calls the target millions of times.
fn tors() -> &'static [tor::model::Tor] {
    static TORS: std::sync::OnceLock<Vec<tor::model::Tor>> = std::sync::OnceLock::new();
    TORS.get_or_init(|| {
        ["sefton-scp", "oxfordshire-business-group", "richmond-strategy-group"].iter().map(|id| tor::catalog::Catalog::Bundled.load(id).expect("bundled")).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let day = chrono::NaiveDate::from_ymd_opt(2012, 12, 6).expect("a date");
    for tor in tors() {
        if let Ok(input) = tor::load::read::<VoteInput>("v.toml", data, VoteContext { tor, default_date: Some(day) }) {
            let report = tally(tor, &input);
            assert_eq!(report.valid, report.findings.iter().all(|f| !f.failed()));
        }
    }
});

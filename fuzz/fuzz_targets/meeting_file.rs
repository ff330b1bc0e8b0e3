//! A --meeting file on arbitrary bytes, then the engine on whatever parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tor::engine::meeting::{History, MeetingInput, check_meeting};

/// Loaded once: the fuzzer calls the target millions of times.
fn tors() -> &'static [tor::model::Tor] {
    static TORS: std::sync::OnceLock<Vec<tor::model::Tor>> = std::sync::OnceLock::new();
    TORS.get_or_init(|| {
        ["sefton-scp", "oxfordshire-business-group"].iter().map(|id| tor::catalog::Catalog::Bundled.load(id).expect("bundled")).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    for tor in tors() {
        if let Ok(input) = tor::load::read::<MeetingInput>("m.toml", data, tor) {
            let report = check_meeting(tor, &tor.calendar(), &input, History::Nothing);
            assert_eq!(report.valid, report.findings.iter().all(|f| !f.failed()));
        }
    }
});

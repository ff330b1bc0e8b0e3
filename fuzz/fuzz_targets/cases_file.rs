//! A cases file on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Loaded once: the fuzzer calls the target millions of times.
fn tors() -> &'static [tor::model::Tor] {
    static TORS: std::sync::OnceLock<Vec<tor::model::Tor>> = std::sync::OnceLock::new();
    TORS.get_or_init(|| {
        ["sefton-scp"].iter().map(|id| tor::catalog::Catalog::Bundled.load(id).expect("bundled")).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let tor = &tors()[0];
    let _ = tor::load::analyse::<tor::engine::cases::Cases>(data, tor);
});

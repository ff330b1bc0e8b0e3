//! A record of held meetings on arbitrary bytes.
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
    let diagnostics = tor::load::analyse::<tor::engine::record::Record>(data, tor).1;
    let text = String::from_utf8_lossy(data);
    for d in &diagnostics {
        let _ = tor::diag::render("r.toml", &text, d, false);
    }
    let _ = tor::load::read::<tor::engine::record::Record>("r.toml", data, tor);
});

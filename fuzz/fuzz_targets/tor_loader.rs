//! The ToR loader on arbitrary bytes: never panics, and renders every diagnostic
//! safely.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = tor::load::load_tor("fuzz.toml", Some("fuzz"), data, chrono::NaiveDate::from_ymd_opt(2026, 1, 1));
    for d in &loaded.diagnostics {
        let shown = tor::diag::render(&loaded.path, &loaded.text, d, false);
        // The file's text is shown escaped: no control or bidi character raw.
        let unsafe_char = |c: char| c != '\n' && c != '\t' && tor::report::safe::is_unsafe(c);
        assert!(!shown.chars().any(unsafe_char), "{shown:?}");
    }
    assert_eq!(loaded.tor.is_some(), loaded.errors() == 0);
});

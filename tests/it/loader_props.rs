//! Property tests of the loader: whatever the bytes, loading never panics, every
//! diagnostic points inside the file, and a file either loads or says why not.

use proptest::prelude::*;
use tor::bundled::PARTNERSHIPS;
use tor::diag::Severity;
use tor::load::load_tor;

fn check_invariants(bytes: &[u8]) {
    let loaded = load_tor(
        "x.toml",
        Some("x"),
        bytes,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
    );
    for d in &loaded.diagnostics {
        if let Some(span) = &d.span {
            assert!(span.start <= loaded.text.len(), "{d:?} outside the file");
        }
        // Rendering must not panic either.
        let _ = tor::diag::render(&loaded.path, &loaded.text, d, false);
    }
    let has_errors = loaded
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    assert_eq!(
        loaded.tor.is_some(),
        !has_errors,
        "a model only when there are no errors"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_invariants(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_invariants(text.as_bytes());
    }

    /// Deleting a line or splicing in junk anywhere in a real file.
    #[test]
    fn mutated_bundled_files_never_panic(
        which in 0..PARTNERSHIPS.len(),
        cut in any::<prop::sample::Index>(),
        junk in "[\\[\\]=\"a-z0-9 .,{}#\n-]{0,20}",
    ) {
        let text = PARTNERSHIPS[which].1;
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let spliced = format!("{}{}{}", &text[..at], junk, &text[at..]);
        check_invariants(spliced.as_bytes());
        let lines: Vec<&str> = text.lines().collect();
        let skip = cut.index(lines.len());
        let without: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| *l).collect();
        check_invariants(without.join("\n").as_bytes());
    }
}

#[test]
fn every_bundled_file_loads_clean() {
    for (id, text) in PARTNERSHIPS {
        let loaded = load_tor(id, Some(id), text.as_bytes(), None);
        assert!(loaded.tor.is_some(), "{id}: {:?}", loaded.diagnostics);
        assert!(
            loaded.diagnostics.is_empty(),
            "{id}: {:?}",
            loaded.diagnostics
        );
    }
}

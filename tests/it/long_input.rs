//! A huge argument is refused with a short message: the echo of what was typed
//! is cut to an excerpt that says how long the input was.

use crate::common::tor;

fn refused_briefly(args: &[&str]) {
    let out = tor().args(args).output().expect("tor runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bytes in all)"), "{stderr}");
    assert!(stderr.len() < 600, "echo not cut: {} bytes", stderr.len());
}

#[test]
fn long_ids_and_dates_are_echoed_as_excerpts() {
    let long = "x".repeat(5000);
    refused_briefly(&["show", &long]);
    refused_briefly(&["tally", "sefton-scp", "--at", "2013-01-10", "--for", &long]);
    refused_briefly(&["check-meeting", "sefton-scp", "--at", &long]);
    refused_briefly(&["holidays", "--from", &long, "--to", "2013-01-01"]);
    refused_briefly(&[&format!("--{long}")]);
}

#[test]
fn an_ambiguous_time_is_answered_with_a_form_that_can_be_typed_back() {
    let padded = format!("Sunday,{} 25 October 2026, 1:30 am", " ".repeat(60));
    let out = tor()
        .args(["deadlines", "sefton-scp", "--at", &padded])
        .output()
        .expect("tor runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("write `2026-10-25T01:30+01:00` for the first or `2026-10-25T01:30+00:00`"),
        "{stderr}"
    );
}

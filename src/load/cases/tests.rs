use super::*;
use crate::catalog::Catalog;
use crate::engine::cases::{run_case, run_cases};
use crate::load::{analyse, read};
use crate::model::Keyword;

fn sefton() -> Tor {
    Catalog::Bundled.load("sefton-scp").expect("bundled ToR")
}

fn codes(text: &str) -> Vec<&'static str> {
    analyse::<Cases>(text.as_bytes(), &sefton())
        .1
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

const MEETING: &str = "[[case]]\nname = \"m\"\n[case.meeting]\nat = 2012-12-06T14:00:00\nattendees = [\"local-authority\", \"police-force\"]\n";

#[test]
fn the_bundled_cases_pass() {
    for (id, text) in crate::bundled::CASES {
        let tor = Catalog::Bundled.load(id).expect("bundled ToR");
        let cases = read::<Cases>(id, text.as_bytes(), &tor).expect("valid cases");
        for result in run_cases(&tor, &tor.calendar(), &cases) {
            assert!(result.passed, "{id}: {result:?}");
        }
    }
}

#[test]
fn a_rule_with_several_findings_takes_the_most_severe() {
    // Two substitutes, one named beforehand (pass) and one not (warn).
    let tor = Catalog::Bundled
        .load("richmond-strategy-group")
        .expect("bundled ToR");
    let case = |status: &str| {
        format!(
            "[[case]]\nname = \"v\"\n[case.vote]\nat = 2009-06-11\nfor = [\"primary-care-trust\", \"london-fire-brigade\"]\nsubstitutes = [\"primary-care-trust\", \"london-fire-brigade\"]\nnotified = [\"primary-care-trust\"]\n[case.expect]\nvalid = true\nfindings = {{ eligibility = \"{status}\" }}\n"
        )
    };
    let run = |status: &str| {
        let cases = read::<Cases>("c.toml", case(status).as_bytes(), &tor).expect("valid");
        run_case(&tor, &tor.calendar(), &cases.cases[0])
    };
    assert!(run("warn").passed);
    let failed = run("pass");
    assert!(!failed.passed);
    assert_eq!(failed.differences[0].actual, "warn");
}

#[test]
fn history_is_a_record_or_a_previous_date_not_both() {
    let text = format!(
        "{MEETING}previous = 2012-09-13\n[[case.record.meeting]]\ndate = 2012-09-13\n[case.expect]\nvalid = false\n"
    );
    assert_eq!(codes(&text), ["conflicting-keys"]);
}

#[test]
fn vote_expectations_on_a_meeting_are_refused() {
    let text =
        format!("{MEETING}[case.expect]\nvalid = false\noutcome = \"lost\"\nexcluded = []\n");
    assert_eq!(codes(&text), ["conflicting-keys", "conflicting-keys"]);
    let text = "[[case]]\nname = \"v\"\n[case.vote]\nat = 2013-01-10\n[case.record]\n[case.expect]\nvalid = true\n";
    assert_eq!(codes(text), ["conflicting-keys"]);
}

#[test]
fn every_problem_has_a_place() {
    let text = format!(
        "{MEETING}[case.expect]\nvalid = true\nfindings = {{ quorum = \"ok\" }}\n\n[[case]]\nname = \"m\"\n[case.expect]\nvalid = true\n"
    );
    let found = analyse::<Cases>(text.as_bytes(), &sefton()).1;
    let got: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(got, ["unknown-keyword", "duplicate-case", "missing-key"]);
    assert!(found.iter().all(|d| d.span.is_some()), "{found:?}");
}

#[test]
fn empty_and_caseless_files_are_refused() {
    assert_eq!(codes(" \n"), ["empty-file"]);
    assert_eq!(codes("# only a comment\n"), ["no-cases"]);
    assert_eq!(codes("[[case]\n"), ["syntax"]);
}

#[test]
fn a_findings_key_that_names_no_rule_is_refused_where_it_stands() {
    let text = "[[case]]\nname = \"n\"\n[case.meeting]\nat = 2012-12-06T14:00:00\n[case.expect]\nvalid = true\nfindings = { quorom = \"pass\", notice = \"pass\" }\n";
    let found = analyse::<Cases>(text.as_bytes(), &sefton()).1;
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d.code, Code::UnknownKeyword);
    assert_eq!(d.span.clone().map(|s| &text[s]), Some("quorom"));
    assert_eq!(d.help.as_deref(), Some("did you mean `quorum`?"));
}

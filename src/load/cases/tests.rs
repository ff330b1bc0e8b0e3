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

const AUDIT: &str = "[[case]]\nname = \"a\"\n[case.audit]\nyear = 2012\n";
const DEADLINES: &str = "[[case]]\nname = \"d\"\n[case.deadlines]\nat = 2012-12-06T14:00:00\n";

#[test]
fn an_audit_case_reads_its_year_and_inline_record() {
    let text = format!(
        "{AUDIT}[[case.record.meeting]]\ndate = 2012-06-07\npresent = [\"local-authority\", \"police-force\", \"fire-rescue\"]\n[case.expect]\nvalid = false\nfrequency_phases = 1\nfindings = {{ frequency = \"fail\" }}\n"
    );
    let cases = read::<Cases>("c.toml", text.as_bytes(), &sefton()).expect("valid");
    let case = &cases.cases[0];
    let Subject::Audit {
        record,
        year,
        as_of,
    } = &case.subject
    else {
        panic!("not an audit: {case:?}");
    };
    assert_eq!((*year, record.meetings.len()), (2012, 1));
    // By default the year is judged whole, whatever the day the case runs.
    assert_eq!(as_of.to_string(), "2014-01-01");
    assert_eq!(case.expect.frequency_phases, Some(1));
    assert!(run_case(&sefton(), &sefton().calendar(), case).passed);
}

#[test]
fn an_audit_case_needs_a_record_and_a_year_tor_can_audit() {
    let text = format!("{AUDIT}[case.expect]\nvalid = true\n");
    assert_eq!(codes(&text), ["missing-key"]);
    let text = "[[case]]\nname = \"a\"\n[case.audit]\nyear = 1066\n[case.record]\n[case.expect]\nvalid = true\n";
    assert_eq!(codes(text), ["out-of-range"]);
    let text = format!("{AUDIT}[case.record]\n[case.expect]\nvalid = true\nfrequency_phases = 0\n");
    assert_eq!(codes(&text), ["out-of-range"]);
}

#[test]
fn a_deadlines_case_compares_days_and_moments() {
    let tor = sefton();
    let run = |expect: &str| {
        let text = format!("{DEADLINES}[case.expect]\n{expect}\n");
        let cases = read::<Cases>("c.toml", text.as_bytes(), &tor).expect("valid");
        run_case(&tor, &tor.calendar(), &cases.cases[0])
    };
    let due = crate::engine::deadlines::deadlines(
        &tor,
        crate::calendar::parse_datetime("2012-12-06T14:00", tor.timezone).expect("a time"),
        &tor.calendar(),
    );
    let day = due.circulate_by.expect("Sefton states papers").day();
    assert!(run(&format!("circulate_by = {day}\nin_force = true")).passed);
    let wrong = run(&format!(
        "circulate_by = {}",
        day.succ_opt().expect("a day")
    ));
    assert_eq!(wrong.differences[0].field, "circulate_by");
    assert_eq!(wrong.differences[0].actual, day.to_string());
    assert!(!run("in_force = false").passed);
}

#[test]
fn a_case_has_exactly_one_subject() {
    let text = format!("{MEETING}[case.deadlines]\nat = 2012-12-06\n[case.expect]\nvalid = true\n");
    let found = analyse::<Cases>(text.as_bytes(), &sefton()).1;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, Code::ConflictingKeys);
    assert_eq!(
        found[0].span.clone().map(|s| &text[s]),
        Some("[case.deadlines]")
    );
    let text = "[[case]]\nname = \"n\"\n[case.expect]\nvalid = true\n";
    let found = analyse::<Cases>(text.as_bytes(), &sefton()).1;
    assert!(
        found[0].message.contains("`audit` or `deadlines`"),
        "{found:?}"
    );
}

#[test]
fn keys_of_other_kinds_of_case_are_refused_where_they_stand() {
    let text = format!(
        "{DEADLINES}[case.record]\n[case.expect]\nvalid = true\nfindings = {{ notice = \"pass\" }}\n"
    );
    assert_eq!(
        codes(&text),
        ["conflicting-keys", "conflicting-keys", "conflicting-keys"]
    );
    let text = format!(
        "{AUDIT}[case.record]\n[case.expect]\nvalid = true\ncirculate_by = 2012-11-29\noutcome = \"lost\"\n"
    );
    let found = analyse::<Cases>(text.as_bytes(), &sefton()).1;
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`outcome` is for vote cases: this case audits a year",
            "`circulate_by` is for deadlines cases: this case audits a year",
        ]
    );
    // `valid` is required of a verdict, which a deadlines case has none of.
    let text = format!("{AUDIT}[case.record]\n[case.expect]\nfrequency_phases = 1\n");
    assert_eq!(codes(&text), ["missing-key"]);
}

//! `tor holidays` through the binary.

use crate::common::{dir_with, json, tor};

fn dates(args: &[&str]) -> Vec<String> {
    let out = tor()
        .arg("holidays")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn england_2022_has_ten_days_with_the_jubilee_and_state_funeral() {
    let days = dates(&["--region", "england-and-wales", "--year", "2022"]);
    assert_eq!(days.len(), 10, "{days:?}");
    for d in ["2022-06-02", "2022-06-03", "2022-09-19"] {
        assert!(days.contains(&d.to_owned()), "{d} missing");
    }
}

#[test]
fn json_rows_have_date_name_region() {
    let out = tor()
        .args([
            "holidays", "--year", "2026", "--region", "scotland", "--format", "json",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = json(&out);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["date"] == "2026-06-15")
        .expect("2026-06-15");
    assert_eq!(row["region"], "scotland");
    assert!(row["name"].as_str().unwrap().len() > 3);
}

#[test]
fn northern_ireland_has_st_patricks_and_the_twelfth() {
    let days = dates(&["--region", "northern-ireland", "--year", "2027"]);
    assert!(days.contains(&"2027-03-17".to_owned()));
    assert!(days.contains(&"2027-07-12".to_owned()));
}

#[test]
fn a_range_is_inclusive() {
    assert_eq!(
        dates(&["--from", "2012-12-25", "--to", "2012-12-26"]),
        ["2012-12-25", "2012-12-26"]
    );
}

#[test]
fn proclaimed_days_file_adds_days_for_everyone() {
    let dir = dir_with(&[(
        "bank-holidays.toml",
        b"[[holiday]]\ndate = 2027-06-14\nname = \"A newly proclaimed day\"\nregions = [\"england-and-wales\"]\n",
    )]);
    let out = tor()
        .args(["holidays", "--year", "2027", "--format", "json", "--dir"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["date"] == "2027-06-14")
    );
}

#[test]
fn bad_input_is_exit_2() {
    tor()
        .args(["holidays", "--region", "wales", "--year", "2022"])
        .assert()
        .code(2);
    tor().args(["holidays", "--year", "1900"]).assert().code(2);
    // Half a range (no arguments at all is this year: small_truths.rs).
    tor()
        .args(["holidays", "--to", "2022-01-01"])
        .assert()
        .code(2);
    tor()
        .args(["holidays", "--from", "2022-02-01", "--to", "2022-01-01"])
        .assert()
        .code(2);
    let dir = dir_with(&[(
        "bank-holidays.toml",
        b"[[holiday]]\ndate = 2027-02-30\nname = \"x\"\n",
    )]);
    tor()
        .args(["holidays", "--year", "2027", "--dir"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bank-holidays.toml:2:8"));
}

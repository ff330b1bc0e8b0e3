//! Every command's JSON and exit code on every bundled and example ToR, pinned
//! byte for byte by snapshots. Refactorings of the rule kernels must leave these
//! untouched; a deliberate change of output shows up here as a reviewed diff.

use std::path::Path;

use crate::common::{json, tor};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `(folder, ToR id, member ids)` for every ToR the repository ships.
fn tors() -> Vec<(&'static str, String, Vec<String>)> {
    let mut out = Vec::new();
    for dir in ["partnerships", "examples/partnerships"] {
        let list = tor()
            .current_dir(repo())
            .args(["--dir", dir, "list", "--format", "json"])
            .output()
            .expect("list runs");
        for entry in json(&list.stdout).as_array().expect("a list") {
            let id = entry["id"].as_str().expect("id").to_owned();
            let shown = tor()
                .current_dir(repo())
                .args(["--dir", dir, "show", &id, "--format", "json"])
                .output()
                .expect("show runs");
            let members = json(&shown.stdout)["members"]
                .as_array()
                .map(|ms| {
                    ms.iter()
                        .filter_map(|m| m["id"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            out.push((dir, id, members));
        }
    }
    out
}

/// The command lines pinned for one ToR.
fn commands(id: &str, members: &[String]) -> Vec<Vec<String>> {
    let all = members.join(",");
    let half = members[..members.len().div_ceil(2)].join(",");
    let rest = members[members.len().div_ceil(2)..].join(",");
    let mut lines = vec![
        vec!["show", id, "--as-of", "2013-01-10"],
        vec!["deadlines", id, "--at", "2027-03-04T14:00"],
        vec!["deadlines", id, "--at", "2012-12-20T10:00"],
        vec!["schedule", id, "--year", "2027"],
        vec!["audit", id, "--year", "2012"],
        vec![
            "check-meeting",
            id,
            "--at",
            "2027-03-04T14:00",
            "--circulated",
            "2027-02-01",
        ],
        vec![
            "check-meeting",
            id,
            "--at",
            "2027-03-04T14:00",
            "--circulated",
            "2027-03-03",
            "--attendees",
            &all,
        ],
        vec![
            "check-meeting",
            id,
            "--at",
            "2013-02-07T10:00",
            "--attendees",
            &half,
            "--extraordinary",
            "--circulated",
            "2013-02-06",
        ],
        vec!["tally", id, "--at", "2013-01-10", "--for", &all],
        vec![
            "tally",
            id,
            "--at",
            "2013-01-10",
            "--for",
            &half,
            "--against",
            &rest,
        ],
        vec![
            "tally",
            id,
            "--at",
            "2027-01-10",
            "--for",
            &rest,
            "--against",
            &half,
            "--kind",
            "major",
        ],
    ]
    .into_iter()
    .map(|l| l.into_iter().map(str::to_owned).collect::<Vec<_>>())
    .collect::<Vec<_>>();
    let record = format!("examples/records/{id}.meetings.toml");
    if repo().join(&record).is_file() {
        for year in ["2011", "2012", "2013"] {
            lines.push(
                ["audit", id, "--year", year, "--record", &record]
                    .map(str::to_owned)
                    .to_vec(),
            );
        }
    }
    lines
}

fn slug(words: &[String]) -> String {
    words
        .iter()
        .map(|w| w.rsplit('/').next().unwrap_or(w))
        .collect::<Vec<_>>()
        .join("_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect()
}

#[test]
fn every_command_on_every_shipped_tor_answers_as_pinned() {
    let mut pinned = 0;
    for (dir, id, members) in tors() {
        if members.is_empty() {
            continue;
        }
        for (i, line) in commands(&id, &members).into_iter().enumerate() {
            let mut argv = vec!["--dir".to_owned(), dir.to_owned()];
            argv.extend(line.iter().cloned());
            argv.extend(["--format".to_owned(), "json".to_owned()]);
            let out = tor()
                .current_dir(repo())
                .args(&argv)
                .output()
                .expect("tor runs");
            // An audit without `--as-of` is as of today.
            let today = chrono::Local::now().date_naive().to_string();
            let body = format!(
                "exit: {}\n{}{}",
                out.status.code().expect("exit code"),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
            .replace(&today, "[today]");
            let name = format!("{i:02}_{}", slug(&line));
            insta::with_settings!({ description => argv.join(" "), omit_expression => true }, {
                insta::assert_snapshot!(name, body);
            });
            pinned += 1;
        }
    }
    assert!(pinned >= 100, "only {pinned} commands pinned");
}

#[test]
fn every_shipped_case_file_reports_as_pinned() {
    for dir in ["partnerships", "examples/partnerships"] {
        let out = tor()
            .current_dir(repo())
            .args(["--dir", dir, "test", "--format", "json"])
            .output()
            .expect("tor test runs");
        let body = format!(
            "exit: {}\n{}",
            out.status.code().expect("exit code"),
            String::from_utf8_lossy(&out.stdout)
        );
        insta::with_settings!({ description => dir, omit_expression => true }, {
            insta::assert_snapshot!(format!("test_{}", dir.replace('/', "_")), body);
        });
    }
}

//! Real examples of each command, shown at the end of its `--help` and in the
//! man page's EXAMPLES. They run on the built-in partnerships; the few files
//! they name are ones a user keeps (a record of meetings, a vote), and the
//! tests run every one of them against copies of such files.

/// One example: what it shows, and the command line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Example {
    pub what: &'static str,
    pub line: &'static str,
}

/// A struct literal, so each list is a promoted `'static` constant.
macro_rules! ex {
    ($what:expr, $line:expr $(,)?) => {
        Example {
            what: $what,
            line: $line,
        }
    };
}

/// Each command's examples, by the name it is typed as.
const BY_COMMAND: &[(&str, &[Example])] = &[
    (
        "list",
        &[
            ex!(
                "Every partnership tor knows, with its review date",
                "tor list"
            ),
            ex!("The same for a script", "tor list --format json"),
        ],
    ),
    (
        "show",
        &[
            ex!(
                "The rules of a partnership, each with its clause",
                "tor show sefton-scp"
            ),
            ex!(
                "As they stood on an earlier date (members who left since are back)",
                "tor show sefton-scp --as-of 2012-06-01",
            ),
        ],
    ),
    (
        "validate",
        &[
            ex!("Check the ToR files of the folder in use", "tor validate"),
            ex!(
                "Check a folder, failing on warnings too",
                "tor validate partnerships/ --deny-warnings",
            ),
            ex!(
                "In CI: a SARIF file for code scanning",
                "tor validate --format sarif > tor.sarif",
            ),
        ],
    ),
    (
        "holidays",
        &[
            ex!(
                "The bank holidays of Scotland in 2026",
                "tor holidays --year 2026 --region scotland",
            ),
            ex!(
                "Those between two dates, in England and Wales",
                "tor holidays --from 2026-12-01 --to 2027-01-31",
            ),
        ],
    ),
    (
        "deadlines",
        &[
            ex!(
                "When the papers must go out for a meeting",
                "tor deadlines sefton-scp --at 2012-12-06T14:00",
            ),
            ex!(
                "For a script",
                "tor deadlines oxfordshire-business-group --at 2026-10-26T14:00 --format json",
            ),
        ],
    ),
    (
        "check-meeting",
        &[
            ex!(
                "Is this meeting quorate, with papers out in time?",
                "tor check-meeting sefton-scp --at 2012-12-06T14:00 --circulated 2012-11-29 --attendees local-authority,police-force,fire-rescue --chair present",
            ),
            ex!(
                "An extraordinary meeting called at short notice",
                "tor check-meeting oxfordshire-business-group --extraordinary --at 2026-10-25T14:00 --circulated 2026-10-23T14:30",
            ),
            ex!(
                "The facts from a file you keep",
                "tor check-meeting sefton-scp --meeting meeting.toml",
            ),
        ],
    ),
    (
        "tally",
        &[
            ex!(
                "Three for, one against: carried?",
                "tor tally sefton-scp --at 2012-12-06 --for local-authority,police-force,fire-rescue --against probation",
            ),
            ex!(
                "A major decision with a proxy vote",
                "tor tally oxfordshire-business-group --kind major --proxy probation=for --for cherwell,oxford-city",
            ),
            ex!(
                "The vote from a file you keep",
                "tor tally richmond-strategy-group --votes votes.toml",
            ),
        ],
    ),
    (
        "schema",
        &[
            ex!(
                "The schema of ToR files, for an editor",
                "tor schema > tor.schema.json",
            ),
            ex!("The schema of a record of meetings", "tor schema meetings",),
        ],
    ),
    (
        "test",
        &[
            ex!("Run every worked case of the folder in use", "tor test",),
            ex!(
                "One partnership's cases",
                "tor test partnerships/sefton-scp.cases.toml",
            ),
        ],
    ),
    (
        "schedule",
        &[
            ex!(
                "A year of meetings that keeps the ToR",
                "tor schedule sefton-scp --year 2027",
            ),
            ex!(
                "On Thursdays at 2pm, as a calendar file",
                "tor schedule sefton-scp --year 2027 --weekday thursday --time 14:00 --ics sefton-2027.ics",
            ),
        ],
    ),
    (
        "audit",
        &[
            ex!(
                "Did 2013's meetings keep the ToR? (a record you keep)",
                "tor audit sefton-scp --year 2013 --record sefton-scp.meetings.toml",
            ),
            ex!(
                "The same as a page to share",
                "tor audit sefton-scp --year 2013 --record sefton-scp.meetings.toml --html audit-2013.html",
            ),
        ],
    ),
    (
        "init",
        &[
            ex!(
                "A new ToR file, safer-town.toml, from what you know",
                "tor init safer-town --name \"Safer Town Partnership\" --member council:responsible-authority --member police:responsible-authority --quorum 2 --quorum-clause 5 --out safer-town.toml",
            ),
            ex!(
                "Printed instead of written",
                "tor init safer-town --name \"Safer Town Partnership\" --member council:responsible-authority --frequency 1-per-quarter --out -",
            ),
        ],
    ),
    (
        "completions",
        &[
            ex!(
                "Completion for bash, ids included",
                "tor completions bash > ~/.local/share/bash-completion/completions/tor",
            ),
            ex!(
                "For fish",
                "tor completions fish > ~/.config/fish/completions/tor.fish",
            ),
        ],
    ),
    (
        "man",
        &[
            ex!("The man page, to install", "tor man > tor.1"),
            ex!(
                "One command's page",
                "tor man check-meeting > tor-check-meeting.1",
            ),
        ],
    ),
];

/// The examples of a command, by the name it is typed as.
pub(super) fn of(command: &str) -> &'static [Example] {
    BY_COMMAND
        .iter()
        .find(|(name, _)| *name == command)
        .map_or(&[], |(_, examples)| examples)
}

/// The text that ends a command's `--help`.
pub(super) fn after_help(examples: &[Example]) -> String {
    let mut text = String::from("Examples:\n");
    for e in examples {
        text.push_str(&format!("  # {}\n  {}\n", e.what, e.line));
    }
    text.truncate(text.trim_end().len());
    text
}

//! A corpus of bad input, each run through the binary: the exit code of SPEC §4,
//! a clear message with the position where there is a file, no panic, no
//! backtrace, and nothing written.

use crate::common;

use crate::common::{MINIMAL, tor};

/// One bad input: files to create, the arguments, the exit code, and text the
/// output must contain (`{dir}` is replaced by the temp folder).
pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) files: Vec<(&'static str, Vec<u8>)>,
    pub(crate) args: Vec<String>,
    pub(crate) stdin: Option<&'static str>,
    pub(crate) code: i32,
    /// Expected in stdout+stderr, e.g. `x.toml:3:1` or `did you mean`.
    pub(crate) says: &'static str,
}

fn sefton() -> Vec<u8> {
    common::bundled_text("sefton-scp").as_bytes().to_vec()
}

pub(crate) fn tor_file(name: &'static str, body: String, says: &'static str) -> Case {
    Case {
        name,
        files: vec![("test-group.toml", body.into_bytes())],
        args: vec![
            "validate".into(),
            "--as-of".into(),
            "2020-01-01".into(),
            "{dir}/test-group.toml".into(),
        ],
        stdin: None,
        code: 1,
        says,
    }
}

fn flags(name: &'static str, args: &[&str], says: &'static str) -> Case {
    Case {
        name,
        files: vec![],
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        stdin: None,
        code: 2,
        says,
    }
}

/// A file given to a sefton-scp command with `--dir` holding the real ToR.
fn sefton_file(
    name: &'static str,
    file: &'static str,
    body: &str,
    args: &[&str],
    says: &'static str,
) -> Case {
    Case {
        name,
        files: vec![
            ("sefton-scp.toml", sefton()),
            (file, body.as_bytes().to_vec()),
        ],
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        stdin: None,
        code: 2,
        says,
    }
}

pub(crate) fn replace(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "{from}");
    MINIMAL.replacen(from, to, 1)
}

/// Hostile text (issue 17): control characters, terminal escapes, bidi
/// overrides and GitHub workflow commands in names, clauses, case names and paths.
fn hostile() -> Vec<Case> {
    const EVIL: &str =
        r"x\u001b]0;t\u0007\u001b[2J\u202e\n::error file=a,line=1::forged\n##[warning]w";
    let evil_tor = || MINIMAL.replacen("Test Group", EVIL, 1).into_bytes();
    let cases = String::from(
        "[[case]]\nname = \"ok\\n::error file=x,line=1::forged\\n::stop-commands::p\"\n[case.meeting]\nat = 2020-01-02T10:00:00\nattendees = [\"council\", \"police\"]\n[case.expect]\nvalid = true\nfindings = { quorum = \"pass\" }\n",
    );
    let with = |files: Vec<(&'static str, Vec<u8>)>, args: &[&str], code, says| Case {
        name: "",
        files,
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        stdin: None,
        code,
        says,
    };
    let named = |name, case: Case| Case { name, ..case };
    vec![
        named(
            "workflow commands in a case name (tor test)",
            with(
                vec![
                    ("test-group.toml", MINIMAL.as_bytes().to_vec()),
                    ("test-group.cases.toml", cases.into_bytes()),
                ],
                &["test", "--dir", "{dir}"],
                0,
                r"ok\n::error file=x,line=1::forged\n::stop-commands::p",
            ),
        ),
        named(
            "terminal escapes in a name (show)",
            with(
                vec![("test-group.toml", evil_tor())],
                &["show", "test-group", "--dir", "{dir}"],
                0,
                r"x\u{1b}]0;t\u{7}\u{1b}[2J\u{202e}\n::error",
            ),
        ),
        named(
            "terminal escapes in a name (list)",
            with(
                vec![("test-group.toml", evil_tor())],
                &["list", "--dir", "{dir}"],
                0,
                r"\u{1b}]0;t",
            ),
        ),
        named(
            "terminal escapes in a name (schedule)",
            with(
                vec![("test-group.toml", evil_tor())],
                &["schedule", "test-group", "--dir", "{dir}", "--year", "2020"],
                0,
                r"\u{1b}]0;t",
            ),
        ),
        named(
            "terminal escapes in a name (validate)",
            with(
                vec![("test-group.toml", evil_tor())],
                &["validate", "--dir", "{dir}", "--deny-warnings"],
                1,
                "warning[control-character]: the value of `name` holds a control character (U+001B",
            ),
        ),
        named(
            "terminal escapes in a name (validate --format github)",
            with(
                vec![("test-group.toml", evil_tor())],
                &["validate", "--dir", "{dir}", "--format", "github"],
                0,
                "title=tor control-character::",
            ),
        ),
        named(
            "workflow commands in a file name (validate --format github)",
            with(
                vec![(
                    "a,b:c%d\n::error::e##[warning]f.toml",
                    MINIMAL.as_bytes().to_vec(),
                )],
                &[
                    "validate",
                    "--format",
                    "github",
                    "{dir}/a,b:c%d\n::error::e##[warning]f.toml",
                ],
                1,
                r"a%2Cb%3Ac%25d\n%3A%3Aerror%3A%3Ae##[warning]f.toml,",
            ),
        ),
        named(
            "a space and a # in a file name (validate --format sarif)",
            with(
                vec![("p q#r.toml", MINIMAL.as_bytes().to_vec())],
                &["validate", "--format", "sarif", "p q#r.toml"],
                1,
                "\"uri\":\"p%20q%23r.toml\"",
            ),
        ),
    ]
}

fn corpus() -> Vec<Case> {
    let m = MINIMAL;
    let mut corpus = hostile();
    corpus.extend(crate::bad_bounds::corpus());
    corpus.extend(vec![
        // ToR files through `tor validate`: checked and not valid (exit 1).
        tor_file(
            "unclosed string",
            replace("name = \"Test Group\"", "name = \"Test Group"),
            "test-group.toml:2:",
        ),
        tor_file(
            "duplicate key",
            format!("{m}at_least = 2\n"),
            "test-group.toml:",
        ),
        tor_file(
            "broken table header",
            replace("[quorum]", "[quorum"),
            "test-group.toml:18:",
        ),
        tor_file(
            "unknown top-level key",
            format!("colour = 1\n{m}"),
            "test-group.toml:1:1",
        ),
        tor_file(
            "unknown key in a member",
            replace("name = \"The Police\"", "name = \"The Police\"\nvotes = 2"),
            "test-group.toml:16:1",
        ),
        tor_file(
            "string for a number",
            replace("at_least = 2", "at_least = \"2\""),
            "test-group.toml:20:12",
        ),
        tor_file(
            "string for an array",
            format!("{m}closures = \"2012-12-24\"\n"),
            "test-group.toml:",
        ),
        tor_file(
            "negative number",
            replace("at_least = 2", "at_least = -1"),
            "test-group.toml:20:12",
        ),
        tor_file(
            "huge number",
            replace("at_least = 2", "at_least = 99999999999999999999"),
            "test-group.toml:20:",
        ),
        tor_file(
            "impossible date",
            replace(
                "name = \"The Police\"",
                "name = \"The Police\"\nfrom = 2013-02-30",
            ),
            "test-group.toml:16:",
        ),
        tor_file(
            "date-time for a date",
            replace(
                "name = \"The Police\"",
                "name = \"The Police\"\nuntil = 2012-11-21T10:00:00",
            ),
            "test-group.toml:16:9",
        ),
        tor_file(
            "quorum above the class",
            replace("at_least = 2", "at_least = 7"),
            "test-group.toml:20:12",
        ),
        tor_file(
            "quorum of zero",
            replace("at_least = 2", "at_least = 0"),
            "test-group.toml:20:12",
        ),
        tor_file(
            "quorum with two rules",
            replace("at_least = 2", "at_least = 2\nfraction = \"1/2\""),
            "test-group.toml:19:",
        ),
        tor_file(
            "improper fraction",
            replace(
                "at_least = 2\nclass = \"responsible-authority\"",
                "fraction = \"3/2\"",
            ),
            "test-group.toml:20:12",
        ),
        tor_file(
            "undefined class",
            replace(
                "class = \"responsible-authority\"\n\n[[members]]\nid = \"police\"",
                "class = \"statutory\"\n\n[[members]]\nid = \"police\"",
            ),
            "defined classes: responsible-authority",
        ),
        tor_file(
            "undefined member",
            format!("{m}\n[chair]\nclause = \"1\"\nappointment = \"named\"\nmember = \"councl\"\n"),
            "did you mean `council`?",
        ),
        tor_file(
            "id not the file name",
            replace("id = \"test-group\"", "id = \"other-group\""),
            "test-group.toml:1:6",
        ),
        tor_file(
            "id not kebab-case",
            replace("id = \"test-group\"", "id = \"Test_Group\""),
            "test-group.toml:1:6",
        ),
        tor_file(
            "duplicate member",
            replace("id = \"police\"", "id = \"council\""),
            "test-group.toml:14:6",
        ),
        tor_file(
            "duplicate class",
            replace(
                "[[members]]\nid = \"council\"",
                "[[classes]]\nid = \"responsible-authority\"\nname = \"Again\"\n\n[[members]]\nid = \"council\"",
            ),
            "test-group.toml:",
        ),
        tor_file(
            "inverted membership",
            replace(
                "name = \"The Police\"",
                "name = \"The Police\"\nfrom = 2012-01-01\nuntil = 2011-01-01",
            ),
            "test-group.toml:17:9",
        ),
        tor_file(
            "unknown region",
            format!("region = \"wales\"\n{m}"),
            "test-group.toml:1:10",
        ),
        tor_file(
            "unknown time zone",
            format!("timezone = \"Europe/Londn\"\n{m}"),
            "did you mean `Europe/London`?",
        ),
        tor_file(
            "a time zone outside the UK",
            format!("timezone = \"America/New_York\"\n{m}"),
            "tor keeps UK time (Europe/London, or UTC)",
        ),
        tor_file(
            "two notice conventions",
            format!("{m}\n[notice.agenda]\nclause = \"6\"\nworking_days = 5\nclear_days = 5\n"),
            "test-group.toml:",
        ),
        tor_file(
            "no notice convention",
            format!("{m}\n[notice.agenda]\nclause = \"6\"\n"),
            "test-group.toml:",
        ),
        tor_file(
            "minutes in hours",
            format!("{m}\n[notice.minutes]\nclause = \"8\"\nhours = 48\n"),
            "test-group.toml:25:9",
        ),
        tor_file(
            "every zero months",
            format!("{m}\n[frequency]\nclause = \"7\"\nevery_months = 0\n"),
            "test-group.toml:",
        ),
        tor_file(
            "unknown period",
            format!("{m}\n[frequency]\nclause = \"7\"\nat_least = 1\nper = \"fortnight\"\n"),
            "test-group.toml:26:7",
        ),
        tor_file(
            "bad year start",
            format!(
                "{m}\n[frequency]\nclause = \"7\"\nat_least = 1\nper = \"year\"\nyear_starts = \"13-01\"\n"
            ),
            "test-group.toml:27:15",
        ),
        tor_file(
            "unknown decision method",
            format!("{m}\n[decisions]\nclause = \"4\"\nmethod = \"vote\"\n"),
            "test-group.toml:25:10",
        ),
        tor_file(
            "unknown decision kind",
            format!(
                "{m}\n[decisions]\nclause = \"4\"\nmethod = \"majority\"\nproxies = {{ clause = \"5\", kinds = [\"majr\"] }}\n"
            ),
            "did you mean `major`?",
        ),
        tor_file(
            "rotating chair without a class",
            format!("{m}\n[chair]\nclause = \"1\"\nappointment = \"rotating\"\n"),
            "test-group.toml:25:15",
        ),
        tor_file(
            "unknown chair appointment",
            format!("{m}\n[chair]\nclause = \"1\"\nappointment = \"elected\"\n"),
            "test-group.toml:25:15",
        ),
        tor_file(
            "duplicate standing item",
            format!("{m}\n[standing_items]\nclause = \"8\"\nitems = [\"ASB\", \"asb\"]\n"),
            "test-group.toml:25:17",
        ),
        tor_file(
            "unknown history event",
            format!("{m}\n[[history]]\ndate = 2016-03-01\nevent = \"merged\"\nname = \"X\"\n"),
            "test-group.toml:25:9",
        ),
        tor_file(
            "missing name",
            replace("name = \"Test Group\"\n", ""),
            "missing required key `name`",
        ),
        tor_file("empty file", String::new(), "test-group.toml:1:1"),
        tor_file(
            "only comments",
            "# nothing here\n".into(),
            "test-group.toml:1:1",
        ),
        Case {
            name: "binary file",
            files: vec![("test-group.toml", b"\x7fELF\x02\x01\x01\0\0\0\xff".to_vec())],
            ..tor_file("", String::new(), "test-group.toml:1:")
        },
        Case {
            name: "UTF-16 file",
            files: vec![("test-group.toml", b"\xff\xfei\0d\0 \0=\0".to_vec())],
            ..tor_file("", String::new(), "test-group.toml:1:")
        },
        tor_file(
            "deeply nested arrays",
            format!(
                "{m}closures = {}{}\n",
                "[".repeat(20_000),
                "]".repeat(20_000)
            ),
            "test-group.toml:",
        ),
        tor_file(
            "deeply nested tables",
            format!("{m}x = {}1{}\n", "{a=".repeat(20_000), "}".repeat(20_000)),
            "test-group.toml:",
        ),
        // Flags, dates and ids: could not check (exit 2).
        flags(
            "unknown partnership",
            &["show", "sefton"],
            "did you mean `sefton-scp`?",
        ),
        flags(
            "unknown attendee",
            &[
                "check-meeting",
                "sefton-scp",
                "--at",
                "2012-12-06T14:00",
                "--attendees",
                "local-authorty",
            ],
            "did you mean `local-authority`?",
        ),
        flags(
            "month-first date-time",
            &["check-meeting", "sefton-scp", "--at", "12/31/2012 14:00"],
            "write 2012-12-31",
        ),
        flags(
            "time in the spring gap",
            &["check-meeting", "sefton-scp", "--at", "2026-03-29T01:30"],
            "does not exist",
        ),
        flags(
            "time in the autumn overlap",
            &["deadlines", "sefton-scp", "--at", "2026-10-25T01:30"],
            "twice",
        ),
        flags(
            "malformed circulation",
            &[
                "check-meeting",
                "sefton-scp",
                "--at",
                "2012-12-06T14:00",
                "--circulated",
                "last week",
            ],
            "last week",
        ),
        flags(
            "bare date for an hours rule",
            &[
                "check-meeting",
                "oxfordshire-business-group",
                "--extraordinary",
                "--at",
                "2026-10-25T14:00",
                "--circulated",
                "2026-10-23",
            ],
            "hours",
        ),
        flags(
            "for and against",
            &[
                "tally",
                "sefton-scp",
                "--for",
                "probation",
                "--against",
                "probation",
            ],
            "probation",
        ),
        flags(
            "proxy without a vote",
            &[
                "tally",
                "oxfordshire-business-group",
                "--proxy",
                "probation",
            ],
            "probation",
        ),
        flags(
            "proxy with a bad vote",
            &[
                "tally",
                "oxfordshire-business-group",
                "--proxy",
                "probation=maybe",
            ],
            "maybe",
        ),
        flags(
            "casting abstain",
            &[
                "tally",
                "sefton-scp",
                "--for",
                "cvs",
                "--casting",
                "abstain",
            ],
            "abstain",
        ),
        flags(
            "unknown voter",
            &["tally", "richmond-strategy-group", "--for", "richmond"],
            "did you mean `richmond-council`?",
        ),
        flags(
            "unknown kind",
            &["tally", "sefton-scp", "--for", "cvs", "--kind", "urgent"],
            "urgent",
        ),
        flags(
            "unknown region",
            &["holidays", "--region", "mars", "--year", "2022"],
            "mars",
        ),
        flags("year out of range", &["holidays", "--year", "1969"], "1969"),
        flags(
            "impossible as-of date",
            &["show", "sefton-scp", "--as-of", "2013-13-01"],
            "2013-13-01",
        ),
        flags(
            "missing folder",
            &["list", "--dir", "/nonexistent/tor-partnerships"],
            "/nonexistent/tor-partnerships",
        ),
        flags("unknown format", &["list", "--format", "xml"], "xml"),
        flags(
            "CI format elsewhere",
            &["show", "sefton-scp", "--format", "junit"],
            "possible values: human, json",
        ),
        flags("unknown command", &["frobnicate"], "frobnicate"),
        flags("missing --at", &["deadlines", "sefton-scp"], "--at"),
        // Meeting, votes and record files: could not check (exit 2), with positions.
        sefton_file(
            "meeting file unknown key",
            "m.toml",
            "at = 2012-12-06T14:00:00\nattendes = []\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/m.toml",
            ],
            "m.toml:2:1",
        ),
        sefton_file(
            "meeting file bad time",
            "m.toml",
            "at = \"tomorrow\"\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/m.toml",
            ],
            "m.toml:1:6",
        ),
        sefton_file(
            "meeting file unknown attendee",
            "m.toml",
            "at = 2012-12-06T14:00:00\nattendees = [\"polce-force\"]\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/m.toml",
            ],
            "m.toml:2:14",
        ),
        sefton_file(
            "meeting file empty",
            "m.toml",
            "",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/m.toml",
            ],
            "m.toml",
        ),
        sefton_file(
            "meeting file two capacities",
            "m.toml",
            "at = 2012-12-06T14:00:00\nattendees = [\"cvs\"]\nsubstitutes = [\"cvs\"]\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/m.toml",
            ],
            "m.toml:3:",
        ),
        sefton_file(
            "missing meeting file",
            "unused.toml",
            "",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--meeting",
                "{dir}/absent.toml",
            ],
            "absent.toml",
        ),
        sefton_file(
            "votes file unknown key",
            "v.toml",
            "for = [\"cvs\"]\nagainst = []\nabstainers = []\n",
            &[
                "tally",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--votes",
                "{dir}/v.toml",
            ],
            "v.toml:3:1",
        ),
        sefton_file(
            "votes file unknown org",
            "v.toml",
            "for = [\"cvss\"]\n",
            &[
                "tally",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--votes",
                "{dir}/v.toml",
            ],
            "v.toml:1:8",
        ),
        sefton_file(
            "votes file bad kind",
            "v.toml",
            "kinds = [\"urgent\"]\nfor = [\"cvs\"]\n",
            &[
                "tally",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--votes",
                "{dir}/v.toml",
            ],
            "v.toml:1:",
        ),
        sefton_file(
            "votes file syntax",
            "v.toml",
            "for = [\"cvs\"\n",
            &[
                "tally",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--votes",
                "{dir}/v.toml",
            ],
            "v.toml:",
        ),
        Case {
            stdin: Some("for = [\"cvs\"]\nagainst = \"x\"\n"),
            ..sefton_file(
                "votes on stdin, wrong type",
                "unused.toml",
                "",
                &["tally", "sefton-scp", "--dir", "{dir}", "--votes", "-"],
                ":2:11",
            )
        },
        sefton_file(
            "record unknown member",
            "sefton-scp.meetings.toml",
            "[[meeting]]\ndate = 2012-09-06\npresent = [\"cvss\"]\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--at",
                "2012-12-06T14:00",
            ],
            "sefton-scp.meetings.toml:3:",
        ),
        sefton_file(
            "record bad date",
            "sefton-scp.meetings.toml",
            "[[meeting]]\ndate = 2012-02-30\n",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--at",
                "2012-12-06T14:00",
            ],
            "sefton-scp.meetings.toml:",
        ),
        sefton_file(
            "proclaimed days bad region",
            "bank-holidays.toml",
            "[[holiday]]\ndate = 2027-06-14\nname = \"x\"\nregions = [\"wales\"]\n",
            &[
                "deadlines",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--at",
                "2027-06-17T14:00",
            ],
            "bank-holidays.toml:4:",
        ),
        sefton_file(
            "invalid ToR for a command",
            "sefton-scp.toml",
            "id = ",
            &[
                "check-meeting",
                "sefton-scp",
                "--dir",
                "{dir}",
                "--at",
                "2012-12-06T14:00",
            ],
            "sefton-scp.toml",
        ),
        // Files in: only regular files, never more than the limit.
        flags(
            "endless device as a ToR",
            &["validate", "/dev/zero"],
            "it is a device, not a regular file",
        ),
        flags(
            "device as --votes",
            &["tally", "sefton-scp", "--votes", "/dev/zero"],
            "it is a device, not a regular file",
        ),
        flags(
            "folder as --meeting",
            &["check-meeting", "sefton-scp", "--meeting", "{dir}"],
            "it is a folder, not a regular file",
        ),
        flags(
            "missing --record",
            &[
                "audit",
                "sefton-scp",
                "--year",
                "2013",
                "--record",
                "{dir}/none.toml",
            ],
            "none.toml`: no such file or folder",
        ),
        Case {
            name: "ToR over the size limit",
            files: vec![("test-group.toml", vec![b'#'; 17 * 1024 * 1024])],
            args: vec!["validate".into(), "{dir}/test-group.toml".into()],
            stdin: None,
            code: 2,
            says: "larger than the limit of 16 MiB",
        },
        Case {
            name: "endless answer to init --interactive",
            files: vec![],
            args: vec![
                "init".into(),
                "board".into(),
                "--interactive".into(),
                "--out".into(),
                "-".into(),
            ],
            stdin: Some(Box::leak("x".repeat(10_000).into_boxed_str())),
            code: 2,
            says: "longer than 4096 bytes",
        },
        // Folder walks and companion files: checked by name, by their own rules.
        Case {
            name: "ToR named with a dot, given directly",
            files: vec![("test.group.toml", common::MINIMAL.as_bytes().to_vec())],
            args: vec!["validate".into(), "{dir}/test.group.toml".into()],
            stdin: None,
            code: 1,
            says: "error[file-name]",
        },
        Case {
            name: "ToR named with a stem that is not an id",
            files: vec![("Test_Group.toml", common::MINIMAL.as_bytes().to_vec())],
            args: vec!["validate".into(), "{dir}".into()],
            stdin: None,
            code: 1,
            says: "does not start with a partnership id",
        },
        Case {
            name: "broken bank-holidays.toml in a folder",
            files: vec![
                ("sefton-scp.toml", sefton()),
                ("bank-holidays.toml", b"[[holiday]]\nname = 1\n".to_vec()),
            ],
            args: vec!["validate".into(), "{dir}".into()],
            stdin: None,
            code: 1,
            says: "bank-holidays.toml:",
        },
        Case {
            name: "only skipped files in a folder",
            files: vec![("notes.old.toml", common::MINIMAL.as_bytes().to_vec())],
            args: vec!["validate".into(), "{dir}".into()],
            stdin: None,
            code: 2,
            says: "not a name tor reads",
        },
        flags(
            "both --meeting and --record from stdin",
            &[
                "check-meeting",
                "sefton-scp",
                "--meeting",
                "-",
                "--record",
                "-",
            ],
            "cannot both read stdin",
        ),
    ]);
    corpus
}

#[test]
fn corpus_has_at_least_sixty_inputs() {
    assert!(corpus().len() >= 60, "{}", corpus().len());
}

#[test]
fn every_bad_input_fails_cleanly() {
    let mut failures = Vec::new();
    for case in corpus() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, body) in &case.files {
            std::fs::write(dir.path().join(name), body).expect("write input");
        }
        let before = listing(dir.path());
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| a.replace("{dir}", &dir.path().display().to_string()))
            .collect();
        let mut cmd = tor();
        cmd.current_dir(dir.path()).args(&args);
        if let Some(input) = case.stdin {
            cmd.write_stdin(input);
        }
        let out = cmd.output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let all = format!("{stdout}{stderr}");
        let mut problems = Vec::new();
        if out.status.code() != Some(case.code) {
            problems.push(format!(
                "exit {:?}, expected {}",
                out.status.code(),
                case.code
            ));
        }
        if !all.contains(case.says) {
            problems.push(format!("output lacks {:?}", case.says));
        }
        if all.contains("panicked")
            || all.contains("RUST_BACKTRACE")
            || all.contains("stack backtrace")
        {
            problems.push("panicked".to_owned());
        }
        if case.code == 2 && stderr.trim().is_empty() {
            problems.push("no message on stderr".to_owned());
        }
        let github = args.iter().any(|a| a == "github");
        if let Err(line) = safe_output(&all, github) {
            problems.push(format!("unsafe output line {line:?}"));
        }
        if listing(dir.path()) != before {
            problems.push("wrote a file".to_owned());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {}\n  args: {args:?}\n  stdout: {stdout}\n  stderr: {stderr}",
                case.name,
                problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        corpus().len(),
        failures.join("\n")
    );
}

/// No raw control or bidi character, no line GitHub Actions would run (only
/// `--format github` writes workflow commands, one per line, and nothing else).
fn safe_output(all: &str, github: bool) -> Result<(), String> {
    for line in all.lines() {
        // A workflow command of ours is parsed as one; `##[` in it is data.
        let ours = github && (line.starts_with("::error ") || line.starts_with("::warning "));
        let command = line.trim_start().starts_with("::") || line.contains("##[");
        if (command && !ours) || line.chars().any(tor::report::safe::is_unsafe) {
            return Err(line.to_owned());
        }
    }
    Ok(())
}

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

//! `tor check-meeting ID --at DATETIME ...`: a proposed meeting against every rule
//! of the ToR, and against the record of held meetings where a rule needs history.

use std::path::PathBuf;

use anyhow::Result;
use tor::catalog::Catalog;
use tor::engine::Rule;
use tor::engine::explain::{Working, explain_meeting_notice};
use tor::engine::meeting::{ChairPresence, History, MeetingInput, MeetingReport, check_meeting};
use tor::engine::record::{COMPANION, Record};
use tor::fileio::{is_std_stream, read_file, shown_name};
use tor::load::{self, meeting::MeetingFacts};
use tor::model::Tor;

use super::output::{Report, Status, Tone, deadlines_table, emit, esc, findings_table, paint};
use super::unchecked::{Source, label, not_checked, strict_status};
use super::{Global, catalog};
use super::{dates, explain};

/// The flags that state facts of the meeting; `--meeting FILE` replaces them all.
/// (With the shared attendance flags, `super::attendance::FLAGS`.)
const FACT_FLAGS: [&str; 10] = [
    "at",
    "circulated",
    "attendees",
    "chair",
    "extraordinary",
    "public",
    "private",
    "joint_with",
    "items",
    "previous",
];

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    // Boxed: the facts would make this the largest variant of `Command` by far.
    #[command(flatten)]
    pub facts: Box<Facts>,
    /// The meeting's facts as a TOML file instead of the flags above (`-`:
    /// stdin): the same names (at, circulated, attendees, chair, ...), as TOML
    /// values
    #[arg(long, value_name = "FILE", conflicts_with_all = FACT_FLAGS, conflicts_with_all = super::attendance::FLAGS, conflicts_with_all = super::held::FLAGS)]
    pub meeting: Option<PathBuf>,
    /// The record of held meetings (`-`: stdin) [default: <dir>/<ID>.meetings.toml
    /// if it exists]
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Exit 1 if a rule the ToR states could not be judged from what was given
    #[arg(long)]
    pub strict: bool,
    /// Show the working of the notice finding: every day from the day notice
    /// was given to the meeting, counted or skipped, and why
    #[arg(long)]
    pub explain: bool,
}

/// What `tor check-meeting` reports: the checked meeting, and with `--explain`
/// the working of its notice (as `explanation` in JSON, a table in words).
#[derive(serde::Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    report: &'a MeetingReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Vec<explain::Step<'a>>>,
    #[serde(skip)]
    workings: Option<&'a [Working]>,
    #[serde(skip)]
    tor: &'a Tor,
    #[serde(skip)]
    source: Source,
    #[serde(skip)]
    strict: bool,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let working = self.workings.map(explain::human).unwrap_or_default();
        format!(
            "{}{working}",
            human(self.tor, self.report, self.source, self.strict)
        )
    }

    fn status(&self) -> Status {
        strict_status(self.report.valid, &self.report.unchecked, self.strict)
    }
}

/// The facts of the meeting, given as flags.
#[derive(Debug, clap::Args)]
pub(crate) struct Facts {
    /// When the meeting starts: 2012-12-06T14:00 or day first (06/12/2012 14:00,
    /// 6 Dec 2012 2pm), local time of the partnership,
    /// or with an offset (+01:00, Z)
    #[arg(long, value_name = "DATETIME", required_unless_present = "meeting")]
    pub at: Option<String>,
    /// When the agenda and papers go out (for --extraordinary, when notice is
    /// given): a date, or a date-time where the rule counts hours
    #[arg(long, value_name = "DATETIME|DATE")]
    pub circulated: Option<String>,
    /// Members present in person
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub attendees: Vec<String>,
    #[command(flatten)]
    pub attendance: super::attendance::Attendance,
    /// Who chaired
    #[arg(long, value_enum)]
    pub chair: Option<ChairArg>,
    #[command(flatten)]
    pub held: super::held::HeldFlags,
    /// An urgent, extraordinary meeting (judged by the ToR's short-notice rule)
    #[arg(long)]
    pub extraordinary: bool,
    /// The meeting is held in public
    #[arg(long, conflicts_with = "private")]
    pub public: bool,
    /// The meeting is held in private
    #[arg(long)]
    pub private: bool,
    /// A body the meeting is held jointly with, by name or member id (repeat
    /// for each), as the ToR's yearly public meeting may need
    #[arg(long = "joint-with", value_name = "BODY")]
    pub joint_with: Vec<String>,
    /// An agenda item (repeat for each)
    #[arg(long = "item", value_name = "TEXT")]
    pub items: Vec<String>,
    /// What the meeting is, for deadlines relative to events: annual-meeting,
    /// may-meeting, or a mark the ToR's [[event_deadlines]] name
    #[arg(long = "mark", value_name = "MARK,...", value_delimiter = ',')]
    pub marks: Vec<String>,
    /// Date of the previous meeting, standing in for the record of meetings
    /// (the record beside the ToR is then not read)
    #[arg(long, value_name = "DATE", conflicts_with = "record")]
    pub previous: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ChairArg {
    /// The chair presided
    Present,
    /// A deputy or vice-chair presided
    Deputy,
    /// A member chosen by the meeting (or the chair's nominee) presided
    Chosen,
    /// No one entitled to chair presided
    Absent,
}

impl From<ChairArg> for ChairPresence {
    fn from(c: ChairArg) -> Self {
        match c {
            ChairArg::Present => Self::Present,
            ChairArg::Deputy => Self::Deputy,
            ChairArg::Chosen => Self::Chosen,
            ChairArg::Absent => Self::Absent,
        }
    }
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let calendar = catalog.calendar(&tor)?;
    let meeting = meeting(&tor, args)?;
    let record = record(&catalog, &tor, args, &meeting)?;
    let history = History::choose(record.as_ref(), &meeting)?;
    let report = check_meeting(&tor, &calendar, &meeting, history);
    report.deadlines.within_calendar()?;
    let source = if args.meeting.is_some() {
        Source::MeetingFile
    } else {
        Source::Flags
    };
    let workings: Option<Vec<_>> = args.explain.then(|| {
        explain_meeting_notice(&tor, &meeting, &calendar)
            .into_iter()
            .collect()
    });
    emit(
        g.format,
        &Out {
            report: &report,
            explanation: workings.as_deref().map(explain::json),
            workings: workings.as_deref(),
            tor: &tor,
            source,
            strict: args.strict,
        },
    )
}

fn meeting(tor: &Tor, args: &Args) -> Result<MeetingInput> {
    if let (Some(m), Some(r)) = (&args.meeting, &args.record)
        && is_std_stream(m)
        && is_std_stream(r)
    {
        anyhow::bail!("--meeting and --record cannot both read stdin (`-`)");
    }
    if let Some(path) = &args.meeting {
        let bytes = read_file(path)?;
        return Ok(load::read::<MeetingInput>(&shown_name(path), &bytes, tor)?);
    }
    let f = &args.facts;
    let facts = MeetingFacts {
        at: f.at.clone().unwrap_or_default(),
        circulated: f.circulated.clone(),
        attendees: f.attendees.clone(),
        remote: f.attendance.remote.clone(),
        substitutes: f.attendance.substitute.clone(),
        deputies: f.attendance.deputy.clone(),
        notified: f.attendance.notified.clone(),
        chair: f.chair.map(Into::into),
        chair_member: None,
        chair_since: None,
        extraordinary: f.extraordinary,
        public: (f.public || f.private).then_some(f.public),
        joint_with: f.joint_with.clone(),
        items: f.items.clone(),
        previous: f.previous.clone(),
        marks: f.marks.clone(),
        held: (&f.held).into(),
    };
    Ok(facts.resolve(tor)?)
}

/// `--record FILE`, else the record beside the ToR if there is one. A previous
/// meeting date stands in for the record found by default, not for one named.
fn record(
    catalog: &Catalog,
    tor: &Tor,
    args: &Args,
    meeting: &MeetingInput,
) -> Result<Option<Record>> {
    let path = match &args.record {
        Some(path) => path.clone(),
        None if meeting.previous.is_some() => return Ok(None),
        None => match catalog.companion(tor.id.as_str(), COMPANION)? {
            Some(path) if path.exists() => path,
            _ => return Ok(None),
        },
    };
    let bytes = read_file(&path)?;
    Ok(Some(load::read::<Record>(&shown_name(&path), &bytes, tor)?))
}

fn human(tor: &Tor, report: &MeetingReport, source: Source, strict: bool) -> String {
    let failing = report.failing();
    let open = not_checked(&report.unchecked, source);
    let when = dates::instant(report.at);
    let verdict = match (failing.as_slice(), open) {
        ([], None) => format!(
            "{}: {} meeting at {when} meets every rule checked",
            paint("VALID", Tone::Good),
            tor.id,
        ),
        ([], Some(open)) => format!(
            "{}: {} meeting at {when}: {open}",
            label("VALID", "NOT VALID", &report.unchecked, strict),
            tor.id,
        ),
        (failing, open) => {
            let line = format!(
                "{}: {} meeting at {when}: {} {} ({})",
                paint("NOT VALID", Tone::Bad),
                tor.id,
                failing.len(),
                if failing.len() == 1 {
                    "rule fails"
                } else {
                    "rules fail"
                },
                Rule::join(failing)
            );
            let line = match &report.inquorate_from {
                Some(item) => format!(
                    "{line}; not quorate from {item}",
                    item = esc(&item.to_string())
                ),
                None => line,
            };
            match open {
                Some(open) => format!("{line}\nalso {open}"),
                None => line,
            }
        }
    };
    let findings = findings_table(&report.findings);
    let deadlines = deadlines_table(tor, &report.deadlines);
    format!("{verdict}\n{findings}\nDeadlines\n{deadlines}\n")
}

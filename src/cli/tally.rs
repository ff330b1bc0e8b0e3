//! `tor tally ID ...`: the outcome of a vote and whether it is valid.

use anyhow::Result;
use tor::calendar::parse_date_or_datetime;
use tor::engine::tally::{Choice, Outcome, ProxyVote, TallyReport, VoteArgs, VoteInput, tally};
use tor::fileio::{read_file, shown_name};
use tor::load::{self, votes::VoteContext};

use tor::model::Capacity;

use super::dates;
use super::output::{Report, Status, Tone, emit, esc, findings_table, paint};
use super::unchecked::{Source, label, not_checked, strict_status};
use super::{Global, catalog, today};

/// The flags that describe the vote; `--votes FILE` replaces them all.
/// (With the shared attendance flags, `super::attendance::FLAGS`.)
const VOTE_FLAGS: [&str; 12] = [
    "at",
    "votes_for",
    "against",
    "abstain",
    "present",
    "proxy",
    "conflict",
    "opt_out",
    "casting",
    "kind",
    "written",
    "late",
];

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    // Boxed: the vote flags would make this the largest command by far.
    #[command(flatten)]
    pub vote: Box<VoteFlags>,
    /// Read the vote from a TOML file instead of the flags (`-` for stdin)
    #[arg(long, value_name = "FILE", conflicts_with_all = VOTE_FLAGS, conflicts_with_all = super::attendance::FLAGS, conflicts_with_all = super::held::FLAGS)]
    pub votes: Option<String>,
    /// Exit 1 if a rule the ToR states could not be judged from what was given
    #[arg(long)]
    pub strict: bool,
    /// Show the working: who was eligible and why, the base, the threshold with
    /// its rounding, the casting vote, and the clause for each
    #[arg(long)]
    pub explain: bool,
}

/// One step of the JSON explanation (SPEC §5a), with the finding rule it belongs to.
#[derive(serde::Serialize)]
struct ExplainStep<'a> {
    step: usize,
    rule: &'a str,
    clause: Option<&'a str>,
    detail: &'a str,
}

#[derive(Debug, clap::Args)]
// The shared attendance flags, worded for a vote: voters are named by member.
#[command(
    mut_arg("remote", |a| a.help("Of the people in --for etc., those who took part remotely (ORG or ORG:N); whether they count for quorum and vote is the ToR's [attendance.remote]")),
    mut_arg("substitute", |a| a.help("Members represented by their substitute (list them under the member's id in --for etc.)")),
    mut_arg("deputy", |a| a.help("Members represented by their deputy (list them under the member's id in --for etc.)")),
    mut_arg("notified", |a| a.help("Members that told the secretariat beforehand who would stand in for them")),
)]
pub(crate) struct VoteFlags {
    /// Day of the vote (2012-12-06 or 6/12/2012), or a local date-time (2012-12-06T14:00,
    /// 6 Dec 2012 2pm) [default: today]
    #[arg(long, value_name = "DATETIME|DATE")]
    pub at: Option<String>,
    /// Members voting for (comma-separated ids; ORG:N for N people of a member with seats)
    #[arg(add = super::complete::member(), long = "for", value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub votes_for: Vec<String>,
    /// Members voting against (ORG:N for N people)
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub against: Vec<String>,
    /// Members abstaining (ORG:N for N people)
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub abstain: Vec<String>,
    /// Members present but not voting (they count for the quorum; ORG:N for N people)
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub present: Vec<String>,
    /// A proxy vote from an absent member (repeatable): `@HOLDER` names who
    /// holds it, `:open` that the holder decides the vote
    #[arg(long, value_name = "ORG=VOTE[@HOLDER][:open]", value_parser = parse_proxy)]
    pub proxy: Vec<(String, ProxyVote)>,
    /// Members declaring a conflict of interest
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub conflict: Vec<String>,
    /// Members opting out of the decision
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id)]
    pub opt_out: Vec<String>,
    #[command(flatten)]
    pub attendance: super::attendance::Attendance,
    /// The chair's casting vote on equal votes
    #[arg(long, value_enum)]
    pub casting: Option<CastingArg>,
    /// Who presided over the vote: the casting vote is theirs, and lost where
    /// they declared a conflict
    #[arg(long, value_enum)]
    pub chair: Option<super::check_meeting::ChairArg>,
    #[command(flatten)]
    pub held: super::held::HeldFlags,
    /// A decision by written procedure sent on --at: --for, --against and --abstain are
    /// the replies received in time
    #[arg(long)]
    pub written: bool,
    /// Written-procedure replies received after the response period (left out)
    #[arg(add = super::complete::member(), long, value_name = "ORG,...", value_delimiter = ',', value_parser = super::org_id, requires = "written")]
    pub late: Vec<String>,
    /// Kind of decision: ordinary, major, financial, funding or one the ToR declares
    /// (repeatable) [default: ordinary]
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub kind: Vec<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum CastingArg {
    For,
    Against,
}

fn parse_proxy(s: &str) -> Result<(String, ProxyVote), String> {
    let (org, vote) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not ORG=VOTE, e.g. probation=for"))?;
    let vote = vote.parse::<ProxyVote>().map_err(|e| e.to_string())?;
    Ok((super::org_id(org)?, vote))
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let input = if let Some(path) = &args.votes {
        let (label, bytes) = read_votes(path)?;
        let ctx = VoteContext {
            tor: &tor,
            default_date: Some(today()),
        };
        load::read::<VoteInput>(&label, &bytes, ctx)?
    } else {
        let date = match &args.vote.at {
            None => today(),
            Some(at) => parse_date_or_datetime(at, tor.timezone)?.day(),
        };
        VoteInput {
            as_of_today: args.vote.at.is_none(),
            ..VoteInput::new(&tor, date, &vote_args(&args.vote))?
        }
    };
    // Like an empty votes file: a tally of no votes is a slip, not a vote lost.
    if input.votes_for.is_empty()
        && input.against.is_empty()
        && input.abstain.is_empty()
        && input.proxies.is_empty()
    {
        anyhow::bail!(
            "no votes to count: give at least one of --for, --against, --abstain or --proxy \
             (in a votes file: for, against, abstain or proxies)"
        );
    }
    let report = tally(&tor, &input);
    let explanation = args.explain.then(|| {
        report
            .working
            .iter()
            .enumerate()
            .map(|(i, w)| ExplainStep {
                step: i + 1,
                rule: w.rule,
                clause: w.clause.as_ref().map(|c| c.0.as_str()),
                detail: &w.detail,
            })
            .collect()
    });
    emit(
        g.format,
        &Out {
            report: &report,
            explanation,
            strict: args.strict,
        },
    )
}

/// What `tor tally` reports: the counted vote, and with `--explain` its working.
#[derive(serde::Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    report: &'a TallyReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Vec<ExplainStep<'a>>>,
    #[serde(skip)]
    strict: bool,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let mut out = human(self.report, self.strict);
        if self.explanation.is_some() {
            out.push_str(&working(self.report));
        }
        out
    }

    fn status(&self) -> Status {
        strict_status(self.report.valid, &self.report.unchecked, self.strict)
    }
}

fn read_votes(path: &str) -> Result<(String, Vec<u8>)> {
    let path = std::path::Path::new(path);
    Ok((shown_name(path), read_file(path)?))
}

fn vote_args(args: &VoteFlags) -> VoteArgs {
    VoteArgs {
        kinds: args.kind.clone(),
        votes_for: args.votes_for.clone(),
        against: args.against.clone(),
        abstain: args.abstain.clone(),
        present: args.present.clone(),
        proxies: args.proxy.clone(),
        conflicts: args.conflict.clone(),
        opt_out: args.opt_out.clone(),
        substitutes: args.attendance.substitute.clone(),
        deputies: args.attendance.deputy.clone(),
        notified: args.attendance.notified.clone(),
        remote: args.attendance.remote.clone(),
        casting: args.casting.map(|c| match c {
            CastingArg::For => Choice::For,
            CastingArg::Against => Choice::Against,
        }),
        written: args.written,
        late: args.late.clone(),
        chair: args.chair.map(Into::into),
        held: (&args.held).into(),
    }
}

/// The working as numbered steps, each with its clause.
fn working(r: &TallyReport) -> String {
    let mut out = String::from("Working\n");
    for (i, w) in r.working.iter().enumerate() {
        let clause = match &w.clause {
            Some(c) => format!("clause {}", esc(&c.0)),
            None => "not stated".to_owned(),
        };
        out.push_str(&format!(
            "{}. {} ({clause}): {}\n",
            i + 1,
            w.rule,
            esc(&w.detail)
        ));
    }
    out
}

/// The outcome in one line, the counts, the findings, what was left out.
fn human(r: &TallyReport, strict: bool) -> String {
    let c = r.counts;
    let counts = format!(
        "{} for, {} against, {} abstain",
        c.votes_for, c.against, c.abstain
    );
    let how = match (r.outcome, r.casting_by) {
        (Outcome::Carried | Outcome::Lost, Some(by)) => {
            format!(" by {} on {} casting vote", r.method, by.whose())
        }
        (Outcome::Carried | Outcome::Lost, None) => format!(" by {}", r.method),
        (Outcome::NoConsensus | Outcome::Tied, _) => String::new(),
    };
    let outcome = paint(
        &r.outcome.as_str().replace('-', " ").to_uppercase(),
        match r.outcome {
            Outcome::Carried => Tone::Good,
            Outcome::Lost => Tone::Bad,
            Outcome::NoConsensus | Outcome::Tied => Tone::Warn,
        },
    );
    let valid = if r.valid {
        label("valid", "NOT VALID", &r.unchecked, strict)
    } else {
        paint("NOT VALID", Tone::Bad)
    };
    let mut out = format!("{outcome}{how} ({counts}): {valid}\n");
    if let Some(open) = not_checked(&r.unchecked, Source::Flags) {
        out.push_str(&format!("{open}\n"));
    }
    if r.as_of_today {
        out.push_str(&format!(
            "note: no date was given, so the vote is judged as of today, {}: give the day of the vote with --at (or `at` in a votes file)\n",
            dates::day(r.at)
        ));
    }
    if let Some(referral) = &r.referral {
        out.push_str(&format!(
            "Referred to the {} ({})\n",
            esc(&referral.to),
            esc(&referral.clause)
        ));
    }

    let kinds: Vec<&str> = r
        .kinds
        .iter()
        .map(tor::model::DecisionKind::as_str)
        .collect();
    let voters = |choice: Choice| -> String {
        let ids: Vec<String> = r
            .votes
            .iter()
            .filter(|v| v.vote == choice)
            .map(|v| {
                let who = match v.people {
                    1 => v.org.to_string(),
                    n => format!("{} ×{n}", v.org),
                };
                match v.by {
                    Capacity::Member => who,
                    Capacity::Substitute => format!("{who} (substitute)"),
                    Capacity::Deputy => format!("{who} (deputy)"),
                    Capacity::Proxy => format!("{who} (proxy)"),
                }
            })
            .collect();
        if ids.is_empty() {
            "—".to_owned()
        } else {
            ids.join(", ")
        }
    };
    out.push_str(&format!(
        "{} on {}, {} decision. Counted: for: {}; against: {}; abstain: {}\n",
        r.partnership,
        dates::day(r.at),
        kinds.join(" and "),
        voters(Choice::For),
        voters(Choice::Against),
        voters(Choice::Abstain),
    ));

    let t = findings_table(&r.findings);
    out.push_str(&format!("{t}\n"));

    if !r.excluded.is_empty() {
        let left: Vec<String> = r
            .excluded
            .iter()
            .map(|e| esc(&e.describe()).to_string())
            .collect();
        out.push_str(&format!("Left out: {}\n", left.join("; ")));
    }
    if !r.not_bound.is_empty() {
        let ids: Vec<&str> = r
            .not_bound
            .iter()
            .map(tor::model::MemberId::as_str)
            .collect();
        out.push_str(&format!("Not bound: {}\n", ids.join(", ")));
    }
    out
}

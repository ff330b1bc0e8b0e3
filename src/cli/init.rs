//! `tor init ID`: write a new ToR file, valid by construction, from flags or from
//! answers typed on stdin.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Result, bail};
use serde::Serialize;
use tor::calendar::Region;
use tor::catalog::DEFAULT_DIR;
use tor::init::{
    AlternationAnswer, Answers, BaseAnswer, CastingAnswer, ChairAnswer, ChairExtra,
    ConditionAnswer, CountsAnswer, DecisionAnswer, EscalationAnswer, FallbackAnswer,
    FallbackClauses, FrequencyAnswer, General, MemberAnswer, MethodAnswer, QuorumAnswer,
    RemoteAnswer, SeatsAnswer, SendersAnswer, ShareAnswer, Stated, SubstitutesAnswer, TermAnswer,
    WrittenAnswer, render,
};
use tor::model::{ClassId, MemberId, PartnershipId};

mod prompt;

use prompt::{Guarded, Prompt};

use super::output::{Report, Status, emit, print_document};
use super::{Global, keyword_parser};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The new partnership's id: lower-case words joined by hyphens; the file is ID.toml
    pub id: String,
    // Boxed: the answers are many, and every other command's arguments are small.
    #[command(flatten)]
    pub answers: Box<AnswerArgs>,
    /// Write here instead of DIR/ID.toml (`-`: stdout); the file must be named ID.toml
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
    /// Ask for the answers on stdin (the default without --name when stdin is a terminal)
    #[arg(long)]
    pub interactive: bool,
}

/// The answers as flags; in interactive mode, the defaults of the questions (the
/// general shapes, from `--seats` on, are flags only).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("quorum_rule").multiple(true).args(["quorum", "quorum_also"])))]
#[command(group(clap::ArgGroup::new("decision_rule").multiple(true).args(["decision", "casting_vote"])))]
pub(crate) struct AnswerArgs {
    /// The body's name [asked for when stdin is a terminal]
    #[arg(long)]
    pub name: Option<String>,
    /// The source document and its date
    #[arg(long)]
    pub source: Option<String>,
    /// Bank-holiday region [default: england-and-wales]
    #[arg(long, value_parser = region_parser())]
    pub region: Option<Region>,
    /// A member organisation (repeat for each); its class is created
    #[arg(long = "member", value_name = "ID:CLASS[:NAME]")]
    pub members: Vec<MemberAnswer>,
    /// The clause on membership, written on every class and member
    #[arg(long, value_name = "CLAUSE")]
    pub members_clause: Option<String>,
    /// Quorum: N members, N of a class (N:CLASS), or a fraction such as 1/3
    #[arg(long, value_name = "N[:CLASS]")]
    pub quorum: Option<QuorumAnswer>,
    /// The quorum's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "quorum_rule")]
    pub quorum_clause: Option<String>,
    /// Papers go out this many working days before a meeting
    #[arg(long, value_name = "N")]
    pub notice_working_days: Option<u32>,
    /// The notice rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "notice_working_days")]
    pub notice_clause: Option<String>,
    /// How decisions are made
    #[arg(long, value_parser = keyword_parser::<MethodAnswer>())]
    pub decision: Option<MethodAnswer>,
    /// The decision rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "decision_rule")]
    pub decision_clause: Option<String>,
    /// How often it meets: every-N-months, N-per-PERIOD (at least) or
    /// exactly-N-per-PERIOD, PERIOD being week, month, quarter or year
    #[arg(long, value_name = "FREQUENCY")]
    pub frequency: Option<FrequencyAnswer>,
    /// The frequency rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "frequency")]
    pub frequency_clause: Option<String>,
    /// How the chair is appointed: elected-annually, elected-at-may-meeting,
    /// named[:MEMBER] or rotating:CLASS:YEARS
    #[arg(long, value_name = "APPOINTMENT")]
    pub chair: Option<ChairAnswer>,
    /// The chair rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "chair")]
    pub chair_clause: Option<String>,
    /// The date of the ToR's next review
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub review_date: Option<chrono::NaiveDate>,
    /// The review rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "review_date")]
    pub review_clause: Option<String>,
    #[command(flatten)]
    pub general: GeneralArgs,
}

/// The general shapes: seats, a compound quorum, the chair's fallbacks, remote
/// attendance, thresholds, escalation, the casting vote and written procedure.
#[derive(Debug, clap::Args)]
pub(crate) struct GeneralArgs {
    /// A member holding several seats (repeat): MEMBER:N; quorum and votes then count people
    #[arg(long = "seats", value_name = "MEMBER:N")]
    pub seats: Vec<SeatsAnswer>,
    /// What quorum and votes count [default: people with --seats, else organisations]
    #[arg(long, value_parser = keyword_parser::<CountsAnswer>())]
    pub counts: Option<CountsAnswer>,
    /// One more quorum condition (repeat): each:N:IDS (N from each member or class),
    /// all:MEMBERS (every one present), any-of:MEMBERS (one present) or presiding
    #[arg(long = "quorum-also", value_name = "CONDITION")]
    pub quorum_also: Vec<ConditionAnswer>,
    /// The member that provides the vice-chair
    #[arg(long, value_name = "MEMBER", requires = "chair", value_parser = member_id)]
    pub vice_chair: Option<MemberId>,
    /// Who presides when the chair is absent, in order (comma-separated)
    #[arg(long, value_delimiter = ',', requires = "chair", value_parser = keyword_parser::<FallbackAnswer>())]
    pub chair_fallbacks: Vec<FallbackAnswer>,
    /// The class the chair comes from
    #[arg(long, value_name = "CLASS", requires = "chair", value_parser = class_id)]
    pub chair_class: Option<ClassId>,
    /// The chair's term in years, and the most terms in a row (1: no consecutive terms)
    #[arg(long, value_name = "YEARS[:MAX_IN_A_ROW]", requires = "chair")]
    pub chair_term: Option<TermAnswer>,
    /// Chair and vice-chair taken in turn by these members, a year each
    #[arg(long, value_name = "MEMBER,MEMBER", requires_all = ["chair", "chair_alternation_starts"])]
    pub chair_alternation: Option<AlternationAnswer>,
    /// The day the first member of --chair-alternation takes the chair
    #[arg(long, value_name = "DATE", requires = "chair_alternation", value_parser = super::parse_date_arg)]
    pub chair_alternation_starts: Option<chrono::NaiveDate>,
    /// What members attending remotely may do
    #[arg(long, value_parser = keyword_parser::<RemoteAnswer>())]
    pub remote: Option<RemoteAnswer>,
    /// The remote-attendance rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "remote")]
    pub remote_clause: Option<String>,
    /// Who may send a substitute for an absent member: all, or MEMBER,...
    #[arg(long, value_name = "all|MEMBER,...")]
    pub substitutes: Option<SendersAnswer>,
    /// What a substitute may do [default: counts-and-votes]
    #[arg(long, requires = "substitutes", value_parser = keyword_parser::<RemoteAnswer>())]
    pub substitutes_may: Option<RemoteAnswer>,
    /// No more substitutes for a member than its absent seats
    #[arg(long, requires = "substitutes")]
    pub substitutes_one_per_absent: bool,
    /// Substitutes notified to the secretariat at least N hours before the meeting
    #[arg(long, value_name = "N", requires = "substitutes")]
    pub substitutes_notice_hours: Option<u32>,
    /// The substitutes rule's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "substitutes")]
    pub substitutes_clause: Option<String>,
    /// What a majority is taken of: votes-cast, present, present-and-voting, membership or class:ID
    #[arg(long, value_name = "BASE", requires = "decision")]
    pub majority_of: Option<BaseAnswer>,
    /// The share a majority needs: A/B:more-than or A/B:at-least [default: 1/2:more-than]
    #[arg(long, value_name = "SHARE", requires = "decision")]
    pub majority_share: Option<ShareAnswer>,
    /// Where the method reaches no decision, the next step (repeat): METHOD[:CLASS]
    #[arg(long, value_name = "METHOD[:CLASS]", requires = "decision")]
    pub escalate: Vec<EscalationAnswer>,
    /// Whoever presides has a casting vote (given), or the ToR says there is none
    #[arg(long, value_parser = keyword_parser::<CastingAnswer>())]
    pub casting_vote: Option<CastingAnswer>,
    /// Decisions in writing between meetings: DAYS:A/B:COMPARISON (replies within DAYS working days)
    #[arg(long, value_name = "DAYS:SHARE")]
    pub written: Option<WrittenAnswer>,
    /// The written procedure's clause in the ToR [default: a TODO placeholder]
    #[arg(long, value_name = "CLAUSE", requires = "written")]
    pub written_clause: Option<String>,
    /// The clause letting the chair continue an inquorate meeting, its
    /// decisions ratified at the next quorate meeting
    #[arg(long, value_name = "CLAUSE", requires = "quorum_rule")]
    pub quorum_continue: Option<String>,
    /// The clause making a reconvened adjourned meeting quorate with those present
    #[arg(long, value_name = "CLAUSE", requires = "quorum_rule")]
    pub quorum_adjourned: Option<String>,
}

fn member_id(s: &str) -> Result<MemberId, String> {
    MemberId::parse(s).map_err(|e| e.to_string())
}

fn class_id(s: &str) -> Result<ClassId, String> {
    ClassId::parse(s).map_err(|e| e.to_string())
}

impl GeneralArgs {
    fn general(&self, quorum_clause: Option<&String>) -> (General, String) {
        let g = General {
            seats: self.seats.clone(),
            counts: self.counts,
            quorum_all: self.quorum_also.clone(),
            chair: ChairExtra {
                vice_chair: self.vice_chair.clone(),
                fallbacks: self.chair_fallbacks.clone(),
                class: self.chair_class.clone(),
                term: self.chair_term,
                alternation: self
                    .chair_alternation
                    .clone()
                    .zip(self.chair_alternation_starts),
            },
            remote: self
                .remote
                .map(|r| Stated::new(r, self.remote_clause.clone())),
            substitutes: self.substitutes.clone().map(|senders| {
                let rule = SubstitutesAnswer {
                    senders: senders.0,
                    may: self.substitutes_may.unwrap_or(RemoteAnswer::CountsAndVotes),
                    one_per_absent_member: self.substitutes_one_per_absent,
                    notice_hours: self.substitutes_notice_hours,
                };
                Stated::new(rule, self.substitutes_clause.clone())
            }),
            written: self
                .written
                .map(|w| Stated::new(w, self.written_clause.clone())),
            quorum_fallback: FallbackClauses {
                continued: self.quorum_continue.clone(),
                adjourned: self.quorum_adjourned.clone(),
            },
        };
        let clause = quorum_clause.map_or_else(|| tor::init::PLACEHOLDER.to_owned(), Clone::clone);
        (g, clause)
    }

    /// The decision rule: the method (from the flag or the question) with the
    /// threshold, escalation and casting vote the flags give.
    fn decision(&self, method: Option<MethodAnswer>) -> Option<DecisionAnswer> {
        if method.is_none() && self.casting_vote.is_none() {
            return None;
        }
        Some(DecisionAnswer {
            method,
            base: self.majority_of.clone(),
            share: self.majority_share,
            escalate: self.escalate.clone(),
            casting_vote: self.casting_vote.map(|c| c == CastingAnswer::Given),
        })
    }
}

fn region_parser() -> impl clap::builder::TypedValueParser<Value = Region> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Region::ALL.map(Region::as_str))
        .try_map(|s| s.parse::<Region>())
}

enum Target {
    Stdout,
    File(PathBuf),
}

/// What `tor init` reports once the file is written: where it is, and what is
/// left for the user to do.
#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    path: String,
    /// Clauses left as the placeholder, for the user to replace.
    placeholders: usize,
    /// Made here, ./partnerships hides the built-in partnerships from now on.
    #[serde(skip)]
    hides_built_in: bool,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let shown = &self.path;
        let next = match self.placeholders {
            0 => String::new(),
            n => format!(
                "replace the {n} \"{}\" clause(s) with the ToR's clause numbers, then ",
                tor::init::PLACEHOLDER
            ),
        };
        let note = if self.hides_built_in {
            format!(
                "note: tor now reads ./{DEFAULT_DIR} in this folder; the built-in partnerships are read from folders without one\n"
            )
        } else {
            String::new()
        };
        format!("created {shown}\nnext: {next}run `tor validate {shown}`\n{note}")
    }

    fn status(&self) -> Status {
        Status::Valid
    }
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let id = PartnershipId::parse(&args.id)?;
    let target = target(g, args, &id)?;
    // Before any question: answers typed for a file that cannot be written are lost.
    if let Target::File(path) = &target {
        super::files::check_output(path, args.force)?;
    }
    let flags = &*args.answers;
    let interactive = args.interactive || (flags.name.is_none() && std::io::stdin().is_terminal());
    let answers = if interactive {
        let input = std::io::stdin().lock();
        let mut prompt = Prompt {
            echo: !input.is_terminal(),
            input,
            out: Guarded(std::io::stderr()),
        };
        prompt.answers(flags, id)?
    } else {
        let Some(name) = flags.name.clone() else {
            bail!("give the body's name with --name, or answer the questions with --interactive");
        };
        from_flags(flags, id, name)
    };
    let text = render(&answers)?;
    let path = match target {
        Target::Stdout => {
            print_document(&text)?;
            return Ok(Status::Valid);
        }
        Target::File(path) => path,
    };
    // Made here, ./partnerships hides the built-in partnerships from now on.
    let hides_built_in =
        g.dir.is_none() && args.out.is_none() && !std::path::Path::new(DEFAULT_DIR).exists();
    super::files::write_new_file(&path, &text, args.force)?;
    emit(
        g.format,
        &Out {
            id: answers.id.as_str(),
            path: path.display().to_string(),
            placeholders: answers.placeholders(),
            hides_built_in,
        },
    )
}

/// Where the file goes: `--out`, else `ID.toml` in `--dir` or `./partnerships`.
fn target(g: &Global, args: &Args, id: &PartnershipId) -> Result<Target> {
    let file_name = format!("{id}.toml");
    match &args.out {
        Some(out) if out.as_os_str() == "-" => Ok(Target::Stdout),
        Some(out) => {
            // validate requires the id to equal the file stem; refuse a name it would reject.
            if out.file_name().is_none_or(|n| *n != *file_name) {
                bail!(
                    "`{}`: the file must be named `{file_name}`, since the id equals the file name",
                    out.display()
                );
            }
            Ok(Target::File(out.clone()))
        }
        None => {
            let dir = g.dir.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
            Ok(Target::File(dir.join(file_name)))
        }
    }
}

fn from_flags(args: &AnswerArgs, id: PartnershipId, name: String) -> Answers {
    let mut a = Answers::new(id, name);
    a.source.clone_from(&args.source);
    a.region = args.region.unwrap_or_default();
    a.members.clone_from(&args.members);
    a.members_clause.clone_from(&args.members_clause);
    a.quorum = args
        .quorum
        .clone()
        .map(|q| Stated::new(q, args.quorum_clause.clone()));
    a.notice_working_days = args
        .notice_working_days
        .map(|n| Stated::new(n, args.notice_clause.clone()));
    a.decision = args
        .general
        .decision(args.decision)
        .map(|d| Stated::new(d, args.decision_clause.clone()));
    (a.general, a.conditions_clause) = args.general.general(args.quorum_clause.as_ref());
    a.frequency = args
        .frequency
        .map(|f| Stated::new(f, args.frequency_clause.clone()));
    a.chair = args
        .chair
        .clone()
        .map(|c| Stated::new(c, args.chair_clause.clone()));
    a.review = args
        .review_date
        .map(|d| Stated::new(d, args.review_clause.clone()));
    a
}

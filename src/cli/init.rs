//! `tor init ID`: write a new ToR file, valid by construction, from flags or from
//! answers typed on stdin.

use std::io::{BufRead, IsTerminal, Write};

use std::path::PathBuf;
use tor::fileio::read_bounded_line;

use anyhow::{Result, bail};
use serde::Serialize;
use tor::calendar::Region;
use tor::catalog::DEFAULT_DIR;
use tor::init::{
    AlternationAnswer, Answers, BaseAnswer, CastingAnswer, ChairAnswer, ChairExtra,
    ConditionAnswer, CountsAnswer, DecisionAnswer, EscalationAnswer, FallbackAnswer,
    FallbackClauses, FrequencyAnswer, General, MemberAnswer, MethodAnswer, QuorumAnswer,
    RemoteAnswer, SeatsAnswer, ShareAnswer, Stated, TermAnswer, WrittenAnswer, check_chair,
    check_quorum, render,
};
use tor::model::{ClassId, Keyword, MemberId, PartnershipId};

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

/// A terminal writer that escapes what it is given as all human output is: an
/// answer echoed back, or a default taken from a flag, is text the user (or a
/// pipe in CI) supplied, and must not carry control characters or start a
/// workflow command line.
struct Guarded<W>(W);

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(super::output::guard_stderr(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Questions on `out` (stderr, so `--out -` keeps stdout for the file), answers
/// from `input`, one line each. The flags give the defaults.
struct Prompt<R, W> {
    input: R,
    out: W,
    /// Repeat each answer, so a transcript of piped answers reads as a dialogue.
    echo: bool,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    fn answers(&mut self, args: &AnswerArgs, id: PartnershipId) -> Result<Answers> {
        let mut a = from_flags(args, id, args.name.clone().unwrap_or_default());
        a.name = self.name(args.name.as_deref())?;
        let shown = args.source.as_deref().unwrap_or("none");
        a.source = self.ask(
            "Source document and its date, e.g. \"Terms of Reference, March 2024\" (none: not given)",
            shown,
            args.source.clone(),
            |s| optional(s, |s| Ok(s.to_owned())),
        )?;
        let region = a.region.as_str();
        a.region = self.ask(
            "Bank-holiday region (england-and-wales, scotland, northern-ireland)",
            region,
            a.region,
            |s| s.parse::<Region>().map_err(|e| e.to_string()),
        )?;
        self.members(&mut a)?;

        let shown = args
            .quorum
            .as_ref()
            .map_or("none".to_owned(), ToString::to_string);
        let general = a.general.clone();
        let members = a.members.clone();
        let quorum = self.ask(
            "Quorum: N members, N:CLASS, or a fraction such as 1/3 (none: no quorum)",
            &shown,
            args.quorum.clone(),
            |s| {
                optional(s, |s| {
                    let q = s.parse::<QuorumAnswer>().map_err(|e| e.to_string())?;
                    check_quorum(&q, &members, &general).map_err(|e| e.to_string())?;
                    Ok(q)
                })
            },
        )?;
        a.quorum = self.stated("quorum", quorum, args.quorum_clause.as_ref())?;

        let shown = args
            .notice_working_days
            .map_or("none".to_owned(), |n| n.to_string());
        let notice = self.ask(
            "Working days' notice for agenda and papers (none: not stated)",
            &shown,
            args.notice_working_days,
            |s| {
                optional(s, |s| {
                    s.parse::<u32>()
                        .map_err(|_| format!("`{s}` is not a number of days"))
                })
            },
        )?;
        a.notice_working_days = self.stated("notice", notice, args.notice_clause.as_ref())?;

        let shown = args.decision.map_or("none", MethodAnswer::as_str);
        let decision = self.ask(
            "Decision method (consensus, unanimity, consensus-then-majority, majority; none: not stated)",
            shown,
            args.decision,
            |s| optional(s, |s| s.parse::<MethodAnswer>().map_err(|e| e.to_string())),
        )?;
        let decision = args.general.decision(decision);
        a.decision = self.stated("decisions", decision, args.decision_clause.as_ref())?;

        let shown = args.frequency.map_or("none".to_owned(), |f| f.to_string());
        let frequency = self.ask(
            "Frequency: every-N-months, N-per-PERIOD or exactly-N-per-PERIOD (none: not stated)",
            &shown,
            args.frequency,
            |s| {
                optional(s, |s| {
                    s.parse::<FrequencyAnswer>().map_err(|e| e.to_string())
                })
            },
        )?;
        a.frequency = self.stated("frequency", frequency, args.frequency_clause.as_ref())?;

        let shown = args
            .chair
            .as_ref()
            .map_or("none".to_owned(), ToString::to_string);
        let members = a.members.clone();
        let chair = self.ask(
            "Chair: elected-annually, elected-at-may-meeting, named[:MEMBER] or rotating:CLASS:YEARS (none: not stated)",
            &shown,
            args.chair.clone(),
            |s| {
                optional(s, |s| {
                    let c = s.parse::<ChairAnswer>().map_err(|e| e.to_string())?;
                    check_chair(&c, &members).map_err(|e| e.to_string())?;
                    Ok(c)
                })
            },
        )?;
        a.chair = self.stated("chair", chair, args.chair_clause.as_ref())?;

        let shown = args
            .review_date
            .map_or("none".to_owned(), |d| d.to_string());
        let review = self.ask(
            "Date of the next review, e.g. 2026-04-30 (none: not stated)",
            &shown,
            args.review_date,
            |s| optional(s, super::parse_date_arg),
        )?;
        a.review = self.stated("review", review, args.review_clause.as_ref())?;
        Ok(a)
    }

    /// A rule answered, with its clause asked for next; an empty answer keeps
    /// the clause the flags gave, else the placeholder.
    fn stated<T>(
        &mut self,
        what: &str,
        rule: Option<T>,
        given: Option<&String>,
    ) -> Result<Option<Stated<T>>> {
        let Some(rule) = rule else {
            return Ok(None);
        };
        let shown = given.map_or(tor::init::PLACEHOLDER, String::as_str);
        let clause = self.ask(
            &format!("  the clause of the ToR on the {what}, e.g. 4.2 or \"Meetings\""),
            shown,
            given.cloned(),
            |s| Ok(Some(s.to_owned())),
        )?;
        Ok(Some(Stated::new(rule, clause)))
    }

    fn name(&mut self, default: Option<&str>) -> Result<String> {
        loop {
            let answer = self.line("Name of the body", default.unwrap_or(""))?;
            match (answer, default) {
                (Some(a), _) if !a.is_empty() => return Ok(a),
                (_, Some(d)) if !d.trim().is_empty() => return Ok(d.to_owned()),
                (Some(_), _) => writeln!(self.out, "  a name is needed")?,
                (None, _) => bail!("no name given: stdin ended before the name"),
            }
        }
    }

    /// Members one per line, added to those given as flags; an empty line ends.
    fn members(&mut self, a: &mut Answers) -> Result<()> {
        writeln!(
            self.out,
            "Members, one per line as ID:CLASS[:NAME] (e.g. police:responsible-authority:Merseyside Police); an empty line ends the list"
        )?;
        if !a.members.is_empty() {
            let ids: Vec<&str> = a.members.iter().map(|m| m.id.as_str()).collect();
            writeln!(self.out, "  given: {}", ids.join(", "))?;
        }
        loop {
            let Some(line) = self.line("  member", "")? else {
                return Ok(());
            };
            if line.is_empty() {
                return Ok(());
            }
            match line.parse::<MemberAnswer>() {
                Ok(m) if a.members.iter().any(|x| x.id == m.id) => {
                    writeln!(self.out, "  member `{}` is already given", m.id)?;
                }
                Ok(m) => a.members.push(m),
                Err(e) => writeln!(self.out, "  {e}")?,
            }
        }
    }

    /// Asks until `parse` accepts the answer; an empty answer, or the end of
    /// stdin, takes `default` (shown as `shown`).
    fn ask<T>(
        &mut self,
        question: &str,
        shown: &str,
        default: T,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T> {
        loop {
            match self.line(question, shown)? {
                None => return Ok(default),
                Some(answer) if answer.is_empty() => return Ok(default),
                Some(answer) => match parse(&answer) {
                    Ok(v) => return Ok(v),
                    Err(e) => writeln!(self.out, "  {e}")?,
                },
            }
        }
    }

    /// One answer, trimmed; `None` once stdin has ended.
    fn line(&mut self, question: &str, shown: &str) -> Result<Option<String>> {
        if shown.is_empty() {
            write!(self.out, "{question}: ")?;
        } else {
            write!(self.out, "{question} [{shown}]: ")?;
        }
        self.out.flush()?;
        // Bounded: an endless stdin (`< /dev/zero`) is an error, not an abort.
        let Some(line) = read_bounded_line(&mut self.input).map_err(|e| {
            anyhow::anyhow!(
                "cannot read the answer from stdin: {}",
                tor::fileio::plain(&e)
            )
        })?
        else {
            // Piped answers leave no newline of their own after the last question.
            writeln!(self.out)?;
            return Ok(None);
        };
        let answer = line.trim().to_owned();
        if self.echo {
            writeln!(self.out, "{answer}")?;
        }
        Ok(Some(answer))
    }
}

/// `none` clears an answer the flags gave.
fn optional<T>(s: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    if s.eq_ignore_ascii_case("none") {
        Ok(None)
    } else {
        parse(s).map(Some)
    }
}

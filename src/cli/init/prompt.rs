//! `tor init --interactive`: the questions, each with the flags' answer as its
//! default, on a terminal writer that escapes what it echoes.

use std::io::{BufRead, Write};

use anyhow::{Result, bail};
use tor::calendar::Region;
use tor::fileio::read_bounded_line;
use tor::init::{
    Answers, ChairAnswer, FrequencyAnswer, MemberAnswer, MethodAnswer, QuorumAnswer, Stated,
    check_chair, check_quorum,
};
use tor::model::{Keyword, PartnershipId};

use super::{AnswerArgs, from_flags};

/// A terminal writer that escapes what it is given as all human output is: an
/// answer echoed back, or a default taken from a flag, is text the user (or a
/// pipe in CI) supplied, and must not carry control characters or start a
/// workflow command line.
pub(super) struct Guarded<W>(pub(super) W);

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(crate::cli::output::guard_stderr(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Questions on `out` (stderr, so `--out -` keeps stdout for the file), answers
/// from `input`, one line each. The flags give the defaults.
pub(super) struct Prompt<R, W> {
    pub(super) input: R,
    pub(super) out: W,
    /// Repeat each answer, so a transcript of piped answers reads as a dialogue.
    pub(super) echo: bool,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    pub(super) fn answers(&mut self, args: &AnswerArgs, id: PartnershipId) -> Result<Answers> {
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
            |s| optional(s, crate::cli::parse_date_arg),
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

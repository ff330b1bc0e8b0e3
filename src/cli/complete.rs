//! Dynamic shell completion: partnership ids after the commands that take one,
//! member ids after the flags that name members. The shell runs
//! `COMPLETE=SHELL tor -- WORDS...` (clap_complete's protocol) and tor answers
//! from the catalog the command line selects.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use tor::catalog::Catalog;

/// The environment variable that asks tor for completions.
pub(super) const VAR: &str = "COMPLETE";

/// Answers a completion request and exits, when the shell made one.
pub(super) fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(super::command)
        .var(VAR)
        .complete();
}

/// Completes a partnership id.
pub(super) fn partnership() -> ArgValueCompleter {
    ArgValueCompleter::new(partnership_ids)
}

/// Completes a member id of the partnership named on the command line.
pub(super) fn member() -> ArgValueCompleter {
    ArgValueCompleter::new(member_ids)
}

fn partnership_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let line = Line::read();
    let Ok(catalog) = Catalog::discover(line.dir.as_deref()) else {
        return Vec::new();
    };
    catalog
        .ids()
        .unwrap_or_default()
        .into_iter()
        .filter(|id| id.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

fn member_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let line = Line::read();
    let Some(id) = line.id else {
        return Vec::new();
    };
    let Ok(tor) = Catalog::discover(line.dir.as_deref()).and_then(|c| c.load(&id)) else {
        return Vec::new();
    };
    tor.members
        .iter()
        .filter(|m| m.id.as_str().starts_with(current))
        .map(|m| CompletionCandidate::new(m.id.as_str()).help(Some(m.name.clone().into())))
        .collect()
}

/// What a completer needs from the rest of the command line being completed.
#[derive(Debug, Default)]
struct Line {
    dir: Option<PathBuf>,
    id: Option<String>,
}

impl Line {
    /// The words the shell passed after `--`, parsed as far as they go: a
    /// command line being typed is seldom complete.
    fn read() -> Self {
        let words: Vec<std::ffi::OsString> = std::env::args_os()
            .skip_while(|w| w != "--")
            .skip(1)
            .collect();
        let Ok(matches) = super::command()
            .ignore_errors(true)
            .try_get_matches_from(words)
        else {
            return Self::default();
        };
        let dir = matches.get_one::<PathBuf>("dir").cloned();
        let sub = matches.subcommand().map(|(_, m)| m);
        let id = sub.and_then(|m| m.try_get_one::<String>("id").ok().flatten().cloned());
        let dir = dir
            .or_else(|| sub.and_then(|m| m.try_get_one::<PathBuf>("dir").ok().flatten().cloned()));
        Self { dir, id }
    }
}

//! `tor validate`: are the ToR files (and the meeting records beside them) well
//! formed and coherent? Results stream out file by file.

mod sink;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use tor::catalog::Catalog;
use tor::validate::{Plan, Validator, plan_bundled, plan_dir, plan_file};

use super::output::{OutputFormat, Status};
use super::{Global, catalog, parse_date_arg, today};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or folders to check (`-`: a ToR read from stdin) [default: the --dir
    /// folder]
    pub paths: Vec<PathBuf>,
    /// Judge date-dependent warnings (review overdue) as of this date [default: today]
    #[arg(long, value_parser = parse_date_arg)]
    pub as_of: Option<NaiveDate>,
    /// Treat warnings as errors (exit 1)
    #[arg(long)]
    pub deny_warnings: bool,
    /// Follow symbolic links in a folder to files outside it [default: such
    /// links are skipped]
    #[arg(long)]
    pub follow: bool,
}

pub(super) fn run(g: &Global, args: &Args, format: OutputFormat) -> Result<Status> {
    let as_of = args.as_of.unwrap_or_else(today);
    let (Plan { jobs, skipped }, origin) = plan(g, args)?;
    if jobs.is_empty() {
        let why = skipped
            .first()
            .map(|s| format!(" (skipped `{}`: {})", s.path.display(), s.reason))
            .unwrap_or_default();
        anyhow::bail!("no ToR files (*.toml) to check in {origin}{why}");
    }
    let mut validator = Validator::new(as_of, &jobs);
    let mut sink = sink::Sink::new(format, args.deny_warnings);
    let mut progress = Progress::new(jobs.len());
    for job in &jobs {
        let report = validator.check(job)?;
        progress.tick();
        sink.file(&report)?;
    }
    progress.finish();
    for s in &skipped {
        sink.skipped(s)?;
    }
    let totals = sink.finish()?;
    Ok(Status::from_valid(
        totals.errors == 0 && !(args.deny_warnings && totals.warnings > 0),
    ))
}

/// The files to check and a description of where they came from.
fn plan(g: &Global, args: &Args) -> Result<(Plan, String)> {
    if args.paths.is_empty() {
        let catalog = catalog(g)?;
        let plan = match &catalog {
            Catalog::Dir(dir) => plan_dir(dir, args.follow)?,
            Catalog::Bundled => plan_bundled(),
        };
        return Ok((plan, catalog.origin()));
    }
    let mut jobs = Plan::default();
    for path in &args.paths {
        if tor::fileio::is_std_stream(path) {
            jobs.jobs.push(plan_file(path));
        } else if path.is_dir() {
            jobs.extend(plan_dir(path, args.follow)?);
        } else if path.exists() {
            jobs.jobs.push(plan_file(path));
        } else {
            anyhow::bail!("cannot read `{}`: no such file or folder", path.display());
        }
    }
    let origin = args
        .paths
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect::<Vec<_>>()
        .join(", ");
    Ok((jobs, origin))
}

/// "checked 120/10000 files" on a terminal for long runs; nothing otherwise.
struct Progress {
    total: usize,
    done: usize,
    shown: bool,
    last: std::time::Instant,
}

impl Progress {
    /// Below this many files a run is quick enough not to need progress.
    const MIN_FILES: usize = 200;

    fn new(total: usize) -> Self {
        Self {
            total,
            done: 0,
            shown: total >= Self::MIN_FILES && std::io::stderr().is_terminal(),
            last: std::time::Instant::now(),
        }
    }

    fn tick(&mut self) {
        self.done += 1;
        if self.shown && self.last.elapsed().as_millis() >= 100 {
            self.last = std::time::Instant::now();
            eprint(&format!("\rchecked {}/{} files", self.done, self.total));
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint("\r\x1b[2K");
        }
    }
}

fn eprint(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

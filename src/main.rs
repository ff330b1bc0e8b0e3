//! The `tor` command line: parse the arguments, run the command, map to an exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::parse();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            // One clear message; never a backtrace (SPEC §4).
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{}", cli::guard_stderr(&cli::error_message(&err)));
            }
            ExitCode::from(2)
        }
    }
}

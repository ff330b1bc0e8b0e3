//! One integration test crate: one link step for every test of the binary.

mod audit;
mod bad_input;
mod calendar;
mod check_meeting;
mod common;
mod complete_ids;
mod completions;
mod deadlines;
mod files;
mod help;
mod holidays;
mod init;
mod list;
mod loader_props;
mod meeting_props;
mod output_safety;
mod schedule;
mod schema;
mod show;
mod style;
mod tally;
mod tally_props;
mod test_cmd;
mod uk_dates;
mod validate;
mod verdicts;

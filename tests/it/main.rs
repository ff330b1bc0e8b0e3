//! One integration test crate: one link step for every test of the binary.

// Tests build inputs by arithmetic on small known numbers (casts), assemble text
// with `format!` in iterators, keep helpers beside the one test that uses them,
// and read best as one long scenario: the pedantic lints against these guard
// production code, not fixtures.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::format_collect,
    clippy::items_after_statements,
    clippy::too_many_lines
)]

mod amendments;
mod attendance;
mod audit;
mod bad_bounds;
mod bad_input;
mod calendar;
mod chair_holders;
mod check_meeting;
mod codes;
mod common;
mod complete_ids;
mod completions;
mod deadlines;
mod decision_props;
mod decisions;
mod event_deadlines;
mod event_explain;
mod explain;
mod files;
mod help;
mod holidays;
mod imports;
mod init;
mod init_guidance;
mod init_shapes;
mod item_cases;
mod items;
mod life;
mod limits;
mod list;
mod loader_props;
mod long_input;
mod max_gap;
mod meeting_props;
mod member_dates;
mod message_dates;
mod month_window;
mod new_keys;
mod notice_props;
mod ordinary_cycle;
mod output_safety;
mod packaging;
mod phases;
mod pinned;
mod presiding;
mod proxies;
mod quorum_fallback;
mod quorum_props;
mod quorum_reach;
mod readings;
mod readme;
mod records;
mod registration;
mod schedule;
mod schedule_ics;
mod schema;
mod shared_seats;
mod show;
mod small_truths;
mod stand_ins;
mod style;
mod tally;
mod tally_people;
mod tally_props;
mod test_cmd;
mod uk_dates;
mod validate;
mod verdicts;
mod vote_items;
mod walk;

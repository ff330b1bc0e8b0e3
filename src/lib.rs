//! `tor`: terms of reference for UK statutory partnerships, as rules a machine checks.
//!
//! The library owns the domain (model, loader, calendar, rules engines, reports) and
//! never prints; the `tor` binary renders what it returns.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod bundled;
pub mod calendar;
pub mod catalog;
pub mod diag;
pub mod engine;
pub mod fileio;
pub mod init;
pub mod load;
pub mod model;
pub mod proclaimed;
pub mod report;
pub mod schema;
pub mod text;
pub mod validate;

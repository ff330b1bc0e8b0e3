//! The cases files of the bundled partnerships, built into the binary as their
//! ToR files are (`crate::bundled`), so `tor test` runs them from any directory.

/// `(id, file text)` of every `partnerships/<id>.cases.toml`, sorted by id.
pub const CASES: &[(&str, &str)] = &[
    (
        "oxfordshire-board",
        include_str!("../../../partnerships/oxfordshire-board.cases.toml"),
    ),
    (
        "oxfordshire-business-group",
        include_str!("../../../partnerships/oxfordshire-business-group.cases.toml"),
    ),
    (
        "richmond-strategy-group",
        include_str!("../../../partnerships/richmond-strategy-group.cases.toml"),
    ),
    (
        "sefton-scp",
        include_str!("../../../partnerships/sefton-scp.cases.toml"),
    ),
];

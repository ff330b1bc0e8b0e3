//! The partnerships built into the binary, with their worked cases, so `tor`
//! works from any directory.

/// `(id, file text)` of every file in `partnerships/`, sorted by id.
pub const PARTNERSHIPS: &[(&str, &str)] = &[
    (
        "oxfordshire-board",
        include_str!("../partnerships/oxfordshire-board.toml"),
    ),
    (
        "oxfordshire-business-group",
        include_str!("../partnerships/oxfordshire-business-group.toml"),
    ),
    (
        "richmond-strategy-group",
        include_str!("../partnerships/richmond-strategy-group.toml"),
    ),
    (
        "sefton-scp",
        include_str!("../partnerships/sefton-scp.toml"),
    ),
];

/// `(id, file text)` of every `partnerships/<id>.cases.toml`, sorted by id.
pub const CASES: &[(&str, &str)] = &[
    (
        "oxfordshire-board",
        include_str!("../partnerships/oxfordshire-board.cases.toml"),
    ),
    (
        "oxfordshire-business-group",
        include_str!("../partnerships/oxfordshire-business-group.cases.toml"),
    ),
    (
        "richmond-strategy-group",
        include_str!("../partnerships/richmond-strategy-group.cases.toml"),
    ),
    (
        "sefton-scp",
        include_str!("../partnerships/sefton-scp.cases.toml"),
    ),
];

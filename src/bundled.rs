//! The partnerships built into the binary, so `tor` works from any directory.

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

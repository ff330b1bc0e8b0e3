//! The README's table of diagnostic codes is the code's own list: a code added,
//! renamed or re-described without the README fails here.

use tor::diag::{ALIASES, Code, Severity};
use tor::model::Keyword;

const START: &str = "<!-- codes:start -->\n";
const END: &str = "<!-- codes:end -->";

fn table() -> String {
    let mut out = String::from("| code | severity | meaning |\n|---|---|---|\n");
    for code in Code::all() {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let aliases: Vec<String> = code.aliases().map(|a| format!("`{a}`")).collect();
        let formerly = if aliases.is_empty() {
            String::new()
        } else {
            format!(" Formerly also {}.", aliases.join(", "))
        };
        out.push_str(&format!(
            "| `{}` | {severity} | {}{formerly} |\n",
            code.as_str(),
            code.description()
        ));
    }
    out
}

#[test]
fn the_readme_lists_every_diagnostic_code_with_its_description() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme.find(START).expect("the codes table start marker") + START.len();
    let end = readme.find(END).expect("the codes table end marker");
    // `UPDATE_README=1 cargo test --test it codes::` rewrites the table.
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..start], table(), &readme[end..]);
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), updated)
            .expect("README.md written");
        return;
    }
    assert_eq!(
        readme[start..end],
        table(),
        "the README's codes table differs; it should read:\n{}",
        table()
    );
    for (alias, _) in ALIASES {
        assert!(
            readme[start..end].contains(&format!("`{alias}`")),
            "{alias}"
        );
    }
}

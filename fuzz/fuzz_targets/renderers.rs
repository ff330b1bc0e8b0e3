//! The human and GitHub renderers on arbitrary text: nothing from a file may
//! start a line of output as a workflow command or carry a control character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tor::diag::{Diagnostic, render};
use tor::report::safe::{escape, github_command, guard, guard_json, is_unsafe, uri, violation};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line stands for a path or a name, the rest for a file.
    let (name, body) = text.split_once('\n').unwrap_or((&text, ""));

    for styled in [false, true] {
        let out = guard(&text, styled);
        assert_eq!(violation(&out, styled), None, "guard");
    }
    assert!(!escape(&*text).to_string().chars().any(is_unsafe), "escape");

    let line = github_command("warning", name, (1, 1), body, &text);
    assert!(line.starts_with("::warning file="), "{line:?}");
    assert_eq!(line.find('\n'), Some(line.len() - 1), "{line:?}");
    assert!(!line.chars().any(|c| c != '\n' && is_unsafe(c)), "{line:?}");

    let json = serde_json::to_string_pretty(&serde_json::json!({ "name": &*text }))
        .expect("a string serializes");
    let guarded = guard_json(&json);
    assert_eq!(violation(&guarded, false), None, "json");
    let back: serde_json::Value = serde_json::from_str(&guarded).expect("still JSON");
    assert_eq!(back["name"].as_str(), Some(&*text));

    let u = uri(name);
    assert!(!u.contains(['#', '?', ' ']) && u.is_ascii(), "{u}");

    // Every diagnostic the loader gives on the rest as a ToR file, and one made
    // of the raw text, rendered as `validate` shows them.
    let loaded = tor::load::load_tor(name, None, body.as_bytes(), chrono::NaiveDate::from_ymd_opt(2026, 1, 1));
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(tor::load::control_characters(&loaded.text));
    let at = data.first().map_or(0, |b| usize::from(*b));
    diagnostics.push(Diagnostic::warning("fuzz", name).at(at..at + 3).label(body).help(name));
    for d in &diagnostics {
        let plain = render(name, &loaded.text, d, false);
        assert!(!plain.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c)), "{plain:?}");
        for styled in [false, true] {
            let out = render(name, &loaded.text, d, styled);
            let out = guard(&out, styled);
            assert_eq!(violation(&out, styled), None, "{out:?}");
        }
    }
});

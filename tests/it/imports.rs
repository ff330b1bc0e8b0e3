//! The shape of `src/` (issue 12): no module imports a module that imports it
//! back, and the engine imports nothing from the loader's structure parse, the
//! renderers or the CLI. A module here is a top-level module or one of its
//! submodules (`engine::meeting`, `calendar::notice`); deeper files and inline
//! test modules count as the module they sit in, and a module's own parent or
//! children are not "another module". Paths are read from the text (`use`
//! trees and `crate::`/`super::` paths in code), with comments and string
//! literals left out; a path through a parent's re-export counts as the parent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Who imports whom: for each module, the modules it names and in which files.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// What the engine still takes from the loader, each with why it is not gone
/// yet; anything else from `load` (and all of `load::structure`, `report`,
/// `cli`) fails.
const ENGINE_FROM_LOAD_YET: &[(&str, &str)] = &[];

#[test]
fn no_module_of_src_imports_one_that_imports_it_back() {
    let graph = graph(&src());
    assert!(graph.len() > 20, "too few modules read: {graph:?}");
    let cycles = cycles(&graph);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_engine_imports_neither_the_structure_parse_nor_the_renderers_nor_the_cli() {
    let graph = graph(&src());
    let mut wrong = Vec::new();
    for (from, to) in graph.iter().filter(|(m, _)| m.starts_with("engine")) {
        for (target, files) in to {
            let top = target.split("::").next().unwrap_or_default();
            if !matches!(top, "load" | "report" | "cli") {
                continue;
            }
            for file in files {
                let known = ENGINE_FROM_LOAD_YET
                    .iter()
                    .any(|(f, t)| f == file && t == target);
                if !known {
                    wrong.push(format!("{from} ({file}) imports {target}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_planted_cycle_is_found_through_groups_and_super_but_not_in_comments_or_strings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        ("lib.rs", "mod a;\nmod b;\n"),
        ("a/mod.rs", "mod x;\nmod y;\npub use x::Thing;\n"),
        // A group names `a::y` among others.
        (
            "a/x.rs",
            "use crate::{a::{y::Other, x}, b};\npub struct Thing;\n",
        ),
        // Back to `a::x` through `super`, inside an inline test module.
        (
            "a/y.rs",
            "pub struct Other;\n#[cfg(test)]\nmod tests {\n    use super::super::x::Thing;\n}\n",
        ),
        // Neither a comment nor a string is an import.
        (
            "b.rs",
            "// use crate::a::x;\nconst S: &str = \"crate::a::y {\";\nfn f() { let _ = '{'; }\n",
        ),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, text).expect("write");
    }
    let graph = graph(dir.path());
    assert_eq!(cycles(&graph), ["a::x <-> a::y (a/x.rs; a/y.rs)"]);
    assert!(!graph.contains_key("b"), "b imports nothing: {graph:?}");
    // `a/x.rs` names `b` and its parent `a` re-exports `x`: neither is a cycle.
    assert!(graph["a::x"].contains_key("b"));
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every pair of modules that reach each other, once, with a file of each
/// that makes the first step.
fn cycles(graph: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for (a, targets) in graph {
        for b in targets.keys() {
            if a < b && reaches(graph, b, a) {
                let back = graph
                    .get(b)
                    .and_then(|t| t.iter().find(|(c, _)| reaches(graph, c, a) || *c == a))
                    .and_then(|(_, files)| files.iter().next())
                    .cloned()
                    .unwrap_or_default();
                let there = targets[b].iter().next().cloned().unwrap_or_default();
                out.push(format!("{a} <-> {b} ({there}; {back})"));
            }
        }
    }
    out
}

fn reaches(graph: &Graph, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(m) = stack.pop() {
        if m == to {
            return true;
        }
        if seen.insert(m.clone())
            && let Some(next) = graph.get(&m)
        {
            stack.extend(next.keys().cloned());
        }
    }
    false
}

fn graph(root: &Path) -> Graph {
    let mut graph = Graph::new();
    for file in rust_files(root) {
        let rel = file
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(home) = module_of(&rel) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("utf-8 source");
        let from = key(root, &home);
        for path in paths(&code_only(&text), &home) {
            let to = key(root, &path);
            let related = to.is_empty()
                || from == to
                || from.starts_with(&format!("{to}::"))
                || to.starts_with(&format!("{from}::"));
            if !related {
                graph
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_default()
                    .insert(rel.clone());
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `engine/meeting/mod.rs` is `engine::meeting`; the crate roots are none.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let mut segs: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if segs.last().is_some_and(|s| s == "mod") {
        segs.pop();
    }
    if matches!(segs.as_slice(), [one] if one == "lib" || one == "main") {
        return None;
    }
    Some(segs)
}

/// The module a path falls in: its first one or two segments that are modules.
fn key(root: &Path, path: &[String]) -> String {
    let mut k: Vec<&str> = Vec::new();
    for seg in path.iter().take(2) {
        let mut at = root.to_path_buf();
        at.extend(k.iter().copied());
        at.push(seg);
        if at.is_dir() || at.with_extension("rs").is_file() {
            k.push(seg);
        } else {
            break;
        }
    }
    k.join("::")
}

/// The text with comments and the insides of string and character literals
/// removed, so that only code is read (and braces balance).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) == Some(&'"') {
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                i += 2 + hashes;
                while i < chars.len() && !chars[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            } else {
                out.push(c);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'), else a lifetime.
            let len = match next {
                Some('\\') => chars[i + 2..]
                    .iter()
                    .position(|c| *c == '\'')
                    .map(|p| p + 3),
                Some(_) if chars.get(i + 2) == Some(&'\'') => Some(3),
                _ => None,
            };
            if let Some(len) = len {
                i += len;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Tokens: identifiers, `::`, and single punctuation.
fn tokens(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(&code[start..i]);
        } else if b == b':' && bytes.get(i + 1) == Some(&b':') {
            out.push("::");
            i += 2;
        } else if b.is_ascii_whitespace() || !b.is_ascii() {
            i += 1;
        } else {
            out.push(&code[i..=i]);
            i += 1;
        }
    }
    out
}

/// Every module path the code names, resolved from `home` (the file's
/// module), inline `mod name { .. }` blocks included.
fn paths(code: &str, home: &[String]) -> Vec<Vec<String>> {
    let toks = tokens(code);
    let mut out = Vec::new();
    // The inline modules open around the current token: (name, brace depth).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here = || {
            let mut m = home.to_vec();
            m.extend(inline.iter().map(|(n, _)| n.clone()));
            m
        };
        match toks[i] {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            "mod" if toks.get(i + 2) == Some(&"{") => {
                inline.push((toks[i + 1].to_owned(), depth));
                depth += 1;
                i += 3;
                continue;
            }
            "use" => {
                let end = toks[i..]
                    .iter()
                    .position(|t| *t == ";")
                    .map_or(toks.len(), |p| i + p);
                use_tree(&toks[i + 1..end], &[], &here(), &mut out);
                i = end;
                continue;
            }
            "crate" | "super" | "self" | "tor" if toks.get(i + 1) == Some(&"::") => {
                let mut segs = vec![toks[i]];
                let mut j = i + 1;
                while toks.get(j) == Some(&"::") && toks.get(j + 1).is_some_and(|t| is_ident(t)) {
                    segs.push(toks[j + 1]);
                    j += 2;
                }
                out.extend(resolve(&segs, &here()));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn is_ident(t: &str) -> bool {
    t.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// A `use` tree: `a::b::{c, d::{e, f}, g as h}`, each leaf joined to `prefix`.
fn use_tree(toks: &[&str], prefix: &[String], home: &[String], out: &mut Vec<Vec<String>>) {
    let mut path: Vec<String> = prefix.to_vec();
    for (i, t) in toks.iter().enumerate() {
        match *t {
            "{" => {
                // The group's items, split at its own commas.
                let mut level = 0;
                let mut start = i + 1;
                for (j, t) in toks.iter().enumerate().skip(i) {
                    match *t {
                        "{" => level += 1,
                        "}" => level -= 1,
                        "," if level == 1 => {
                            use_tree(&toks[start..j], &path, home, out);
                            start = j + 1;
                        }
                        _ => {}
                    }
                    if level == 0 {
                        use_tree(&toks[start..j], &path, home, out);
                        break;
                    }
                }
                return;
            }
            "as" | "*" => break,
            "::" => {}
            t => path.push(t.to_owned()),
        }
    }
    if path.len() > prefix.len() {
        let segs: Vec<&str> = path.iter().map(String::as_str).collect();
        out.extend(resolve(&segs, home));
    }
}

/// A path from `crate`, `tor` (the library, from the binary), `super` or
/// `self`, as segments from the crate root; other paths (std, other crates)
/// are none.
fn resolve(segs: &[&str], home: &[String]) -> Option<Vec<String>> {
    let (first, rest) = segs.split_first()?;
    let mut at: Vec<String> = match *first {
        "crate" | "tor" => Vec::new(),
        "super" | "self" => home.to_vec(),
        _ => return None,
    };
    let mut rest = rest;
    if *first == "super" {
        at.pop();
    }
    while let Some((s, more)) = rest.split_first() {
        match *s {
            "super" => {
                at.pop();
            }
            "self" => {}
            _ => break,
        }
        rest = more;
    }
    at.extend(rest.iter().map(|s| (*s).to_owned()));
    Some(at)
}

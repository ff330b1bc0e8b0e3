//! The package `cargo install` builds from: licences, metadata, nothing test-only.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn cargo_package_lists_the_licences_and_warns_about_nothing() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let files = String::from_utf8_lossy(&out.stdout);
    let files: Vec<&str> = files.lines().collect();
    for want in [
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "README.md",
        "partnerships/sefton-scp.toml",
    ] {
        assert!(files.contains(&want), "{want} missing from {files:?}");
    }
    assert!(!files.iter().any(|f| f.starts_with("tests/")), "{files:?}");
}

#[test]
fn the_build_script_reruns_only_when_it_changes() {
    let script = std::fs::read_to_string(root().join("build.rs")).expect("build.rs");
    assert!(script.contains("cargo:rerun-if-changed=build.rs"));
    // Position-independent, so the executable is placed at a random address.
    assert!(!script.contains("no-pie"));
}

#[test]
fn the_ci_example_installs_from_a_placeholder_that_says_so() {
    let ci =
        std::fs::read_to_string(root().join("examples/ci/github-workflow.yml")).expect("workflow");
    let install = ci
        .lines()
        .find(|l| l.contains("cargo install"))
        .expect("an install step");
    assert!(install.contains("--locked"), "{install}");
    assert!(
        ci.contains("PLACEHOLDER") && ci.contains(".invalid/"),
        "{ci}"
    );
}

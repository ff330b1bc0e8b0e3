//! Build script: none of tor's build depends on the files around it.

fn main() {
    // Without this line cargo reruns the script, and so rebuilds the crate, when
    // any file in the package changes (a new example, a scratch file); with it,
    // only an edit to this script does. The bundled ToR files are tracked by
    // rustc itself through `include_str!`.
    println!("cargo:rerun-if-changed=build.rs");
}

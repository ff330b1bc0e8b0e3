//! Link options for the `tor` binary.

fn main() {
    // A position-dependent executable needs no start-up relocation by the dynamic
    // loader, which was a third of a single check's time (BENCHMARKS.md). tor is
    // started many times a second by scripts; the price is no address-space
    // randomisation of the executable itself, which a tool that reads local files
    // and opens no sockets can afford.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

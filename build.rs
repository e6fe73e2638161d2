//! Tells the tests whether the evaluation data (`../shared/data`, beside the repository) is
//! there: tests that need it are marked ignored without it (`cfg(shared_data)`), so that a test
//! run says what it did not check instead of passing silently.

fn main() {
    println!("cargo:rustc-check-cfg=cfg(shared_data)");
    let shared = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../shared");
    println!("cargo:rerun-if-changed={}", shared.display());
    println!("cargo:rerun-if-changed=build.rs");
    if shared.join("data").is_dir() && shared.join("eval").is_dir() {
        println!("cargo:rustc-cfg=shared_data");
    }
}

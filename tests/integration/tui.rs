//! The terminal browser end to end: the real `resolex` binary in a real terminal (tmux),
//! driven by keys, read back from the screen.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(cwd: &Path) -> Tmux {
        let socket = format!("resolex-test-{}-{:?}", std::process::id(), std::thread::current().id());
        let socket = socket.replace(['(', ')'], "");
        let t = Tmux { socket };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "30",
                "-c",
                cwd.to_str().unwrap(),
                "bash --norc --noprofile",
            ])
            .status()
            .expect("tmux must be installed (.ci/run installs it)")
            .success();
        assert!(ok, "tmux new-session failed");
        t.cmd(&["set-option", "-g", "allow-rename", "on"]).status().unwrap();
        t
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        c.env_remove("TMUX");
        c
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    fn type_text(&self, text: &str) {
        assert!(self.cmd(&["send-keys", "-t", "0", "-l", text]).status().unwrap().success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "0"]).output().unwrap().stdout).into_owned()
    }

    /// The screen with its attributes as escape sequences (`capture-pane -e`).
    fn screen_with_attributes(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-e", "-t", "0"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn pane_title(&self) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", "0", "#{pane_title}"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the screen holds `text`; panics with the screen after 20 s.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until `ready` holds for the screen; panics with `what` and the screen after 20 s.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "waited for {what}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

fn resolex_path() -> String {
    let cmd = resolex_tests::resolex();
    cmd.get_program().to_string_lossy().into_owned()
}

#[test]
fn search_open_follow_back_languages_help_quit_in_tmux() {
    let t = Tmux::start(&resolex_tests::workspace_root());
    let title = t.pane_title();
    t.type_text(&format!("{} ; echo exited-$?\n", resolex_path()));
    t.wait_for("1 Search");
    t.type_text("\"police cooperation\" doc:79/136");
    t.wait_for("2 hits");
    t.keys(&["Enter", "Enter"]);
    // The reader replaces the hits: the search box and the hit count are gone, the paragraph shows.
    t.wait_until("the reader at 79/136 pp6", |s| {
        !s.contains("2 hits") && s.contains("Acknowledging that INTERPOL has been a key actor")
    });
    // 79/136 pp1 cites 51/1 (outside) and 71/19 (inside): select 71/19 and follow it.
    t.keys(&["4"]);
    t.wait_for("Documents:");
    t.keys(&["Enter"]);
    t.wait_for("Recalling its resolution 51/1");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("→ A/RES/51/1");
    t.keys(&["Enter"]);
    t.wait_for("A/RES/71/19 · zh");
    t.keys(&["b"]);
    t.wait_for("Recalling its resolution 51/1");
    t.keys(&["l"]);
    t.wait_for("pp1 in every language");
    t.wait_for("[ar]");
    t.keys(&["?"]);
    t.wait_for("Keys — Esc or ? to close");
    t.keys(&["Escape"]);
    t.wait_for("/ search · Enter open");
    t.keys(&["q"]);
    t.wait_for("exited-0");
    t.type_text("echo prompt-$((40+2))\n");
    t.wait_for("prompt-42");
    assert_eq!(t.pane_title(), title, "the pane title changed");
}

/// The browser under tmux on copies of files of the hostile corpus (`tests/hostile/`, which the
/// CLI and the explorer are tested with too), at its documents view; `close` quits it and checks
/// that the screen before it and the pane title survived.
struct HostileRun {
    t: Tmux,
    dir: std::path::PathBuf,
    title: String,
}

impl HostileRun {
    fn start(name: &str, files: &[&str]) -> HostileRun {
        let dir = std::env::temp_dir().join(format!("resolex-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in files {
            std::fs::copy(resolex_tests::workspace_root().join("tests/hostile").join(f), dir.join(f)).unwrap();
        }
        let t = Tmux::start(&dir);
        let title = t.pane_title();
        t.type_text("echo before-marker\n");
        t.wait_for("before-marker");
        t.type_text(&format!("{} --corpus . ; echo exited-$?\n", resolex_path()));
        t.wait_for("1 Search");
        // Escape and a key at once read as Alt+key: wait for the box to let go first.
        t.keys(&["Escape"]);
        t.wait_for("/ to type");
        t.keys(&["4"]);
        t.wait_for("Documents:");
        HostileRun { t, dir, title }
    }

    fn close(self) {
        assert_ne!(self.t.pane_title(), "PWNED");
        self.t.keys(&["q"]);
        let screen = self.t.wait_for("exited-0");
        assert!(screen.contains("before-marker"), "the screen was cleared:\n{screen}");
        assert_eq!(self.t.pane_title(), self.title);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn hostile_document_is_inert_in_a_real_terminal() {
    let run = HostileRun::start("hostile", &["hostile.en.txt"]);
    run.t.keys(&["Enter"]);
    let screen = run.t.wait_for("end-of-escapes");
    assert!(screen.contains("␛[2J") && screen.contains("␛]0;PWNED"), "escapes shown as text:\n{screen}");
    run.close();
}

#[test]
fn the_terminal_is_restored_when_the_browser_cannot_start() {
    let t = Tmux::start(&resolex_tests::workspace_root());
    // Standard output that refuses every write: set-up fails after raw mode is on.
    t.type_text(&format!(
        "{} >/dev/full ; echo exited-$? ; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e -echo -e echo\n",
        resolex_path()
    ));
    t.wait_for("exited-");
    let screen = t.wait_until("stty's answer", |s| s.lines().any(|l| l.trim() == "echo" || l.trim() == "-echo"));
    assert!(screen.contains("exited-2"), "set-up failure is an error:\n{screen}");
    let modes: Vec<&str> =
        screen.lines().map(str::trim).filter(|l| ["icanon", "-icanon", "echo", "-echo"].contains(l)).collect();
    assert!(
        modes.contains(&"icanon") && modes.contains(&"echo"),
        "the terminal was left in raw mode: {modes:?}\n{screen}"
    );
}

#[test]
fn the_comparison_with_the_previous_resolution_marks_changes_without_colour_in_tmux() {
    let t = Tmux::start(&resolex_tests::workspace_root());
    t.type_text(&format!("NO_COLOR=1 {} ; echo exited-$?\n", resolex_path()));
    t.wait_for("1 Search");
    t.keys(&["Escape"]);
    t.wait_for("/ to type");
    t.keys(&["4"]);
    t.wait_for("Documents:");
    t.keys(&["Enter"]);
    t.wait_for("Recalling its resolution 51/1");
    t.keys(&["d"]);
    t.wait_for("A/RES/77/20 → A/RES/79/136 (en)");
    t.wait_for("12 added, 2 removed");
    // Without colour, removed words are struck through (SGR 9) and added ones underlined (SGR 4).
    let styled = t.screen_with_attributes();
    assert!(!styled.contains("\u{1b}[31m") && !styled.contains("\u{1b}[32m"), "NO_COLOR still colours:\n{styled}");
    let sgr = |n: &str| {
        styled.contains(&format!("\u{1b}[{n}m"))
            || styled.contains(&format!(";{n}m"))
            || styled.contains(&format!("[{n};"))
    };
    assert!(sgr("9"), "no struck-through text:\n{styled}");
    assert!(sgr("4"), "no underlined text:\n{styled}");
    t.keys(&["n"]);
    t.wait_for("preambular para. 6");
    t.keys(&["b"]);
    t.wait_for("Recalling its resolution 51/1");
    t.keys(&["q"]);
    t.wait_for("exited-0");
}

#[test]
fn a_hostile_series_is_compared_inert_in_a_real_terminal() {
    let run = HostileRun::start("hostile-diff", &["hostile-series-89.en.txt", "hostile-series-90.en.txt"]);
    run.t.keys(&["j", "Enter"]);
    run.t.wait_for("Recalling its resolution 89/1");
    run.t.keys(&["d"]);
    let screen = run.t.wait_for("A/RES/89/1 → A/RES/90/1 (en)");
    assert!(screen.contains("␛[2J"), "escapes shown as text:\n{screen}");
    run.close();
}

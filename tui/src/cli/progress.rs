//! What `resolex build` shows while it works: on a terminal, an `indicatif` bar (reading files)
//! or spinner (indexing, writing) on stderr that clears as each step ends; elsewhere (a log, a
//! pipe), plain lines — one per thousand files and one per step — that a log keeps readable.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// One step of a build.
pub struct Step {
    bar: Option<ProgressBar>,
    label: String,
    total: u64,
    done: u64,
}

impl Step {
    /// A step of `total` items (0: a step without a count); `quiet` shows nothing.
    pub fn start(label: &str, total: u64, quiet: bool) -> Step {
        let terminal = !quiet && std::io::stderr().is_terminal();
        let bar = terminal.then(|| bar(label, total));
        if !quiet && !terminal {
            super::output::warn(&format!("{label}…"));
        }
        Step { bar, label: if quiet { String::new() } else { label.to_owned() }, total, done: 0 }
    }

    /// One more item done.
    pub fn tick(&mut self) {
        self.done += 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None if !self.label.is_empty() && self.done % 1000 == 0 => {
                super::output::warn(&format!("{} {}/{}", self.label, self.done, self.total));
            }
            None => {}
        }
    }

    /// The step is over: the bar clears; a log gets the closing line.
    pub fn finish(self) {
        match self.bar {
            Some(bar) => bar.finish_and_clear(),
            None if !self.label.is_empty() => super::output::warn(&format!("{}: done", self.label)),
            None => {}
        }
    }
}

fn bar(label: &str, total: u64) -> ProgressBar {
    let bar = if total == 0 {
        ProgressBar::new_spinner()
            .with_style(ProgressStyle::with_template("resolex: {msg} {spinner} {elapsed}").expect("a valid template"))
    } else {
        ProgressBar::new(total).with_style(
            ProgressStyle::with_template("resolex: {msg} [{bar:30}] {pos}/{len} ({eta})")
                .expect("a valid template")
                .progress_chars("=> "),
        )
    };
    bar.set_message(label.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

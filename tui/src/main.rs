//! `resolex`: the command-line interface and terminal browser of Resolex (SPEC §5).

use std::process::ExitCode;

fn main() -> ExitCode {
    resolex_tui::cli::run()
}

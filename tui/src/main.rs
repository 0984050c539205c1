//! `resolex`: the command-line interface to a Resolex corpus (SPEC §5). `main` parses the
//! arguments and dispatches to one module per subcommand under `cli/`.

mod browser;
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}

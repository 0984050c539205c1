//! Everything the CLI writes goes through here, made safe for the terminal by the core's one
//! policy ([`resolex_core::display`]): document text, titles, file names and queries can hold
//! escape sequences, and none of them may reach the user's terminal. JSON stays exact (what
//! could drive a terminal is escaped as `\uXXXX`); plain text shows such characters as
//! visible symbols. A reader that closes the pipe early (`resolex export | head`) ends the
//! command quietly.

use super::Outcome;
use resolex_core::display::{escape_json, inert_lines};
use std::io::Write as _;

/// `println!` for the command's output, through [`line`]: on a failed write the command
/// returns what [`closed`] says.
macro_rules! out {
    () => {
        out!("")
    };
    ($($arg:tt)*) => {{
        if let Err(e) = $crate::cli::output::line(&format!($($arg)*)) {
            return $crate::cli::output::closed(&e);
        }
    }};
}

/// Writes `text` and a line break to standard output, made inert.
pub fn line(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{}", inert_lines(text))
}

/// Writes `text` (which ends with its own line break) to standard output, made inert.
pub fn text(text: &str) -> std::io::Result<()> {
    std::io::stdout().lock().write_all(inert_lines(text).as_bytes())
}

/// Prints JSON to stdout, exact and safe to print.
pub fn json(value: &impl serde::Serialize) -> Result<Outcome, String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    out!("{}", escape_json(&text));
    Ok(Outcome::Found)
}

/// A message on standard error, prefixed `resolex: ` and made inert (it may quote a file name,
/// a query or a line of a document).
pub fn warn(message: &str) {
    eprintln!("resolex: {}", inert_lines(message));
}

/// What a failed write to standard output means: a closed pipe is not an error.
pub fn closed(e: &std::io::Error) -> Result<Outcome, String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe { Ok(Outcome::Found) } else { Err(format!("standard output: {e}")) }
}

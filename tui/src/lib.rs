//! Resolex in a terminal: the `resolex` command line (`cli`) and the keyboard-driven browser
//! (`browser`). The binary in `main.rs` only calls [`cli::run`].

pub mod browser;
pub mod cli;

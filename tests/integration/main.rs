//! Resolex integration tests: one binary, one module per area (as ripgrep does).

mod analysis;
mod bad_input;
mod bundle;
mod cli;
mod ground_truth;
mod hostile;
mod html;
mod languages;
mod markers;
mod printed;
mod roundtrip;
mod search;
mod series;
mod tui;
mod unxml;

//! `esm-assistant-window`: the same program as `esm-assistant`, built as a
//! windowed program on Windows, so that opening it from the Start menu or
//! the desktop shows no console beside the window. Commands belong to
//! `esm-assistant.exe`, whose output a terminal shows and waits for.

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

#[path = "../launch.rs"]
mod launch;

fn main() -> ExitCode {
    launch::main()
}

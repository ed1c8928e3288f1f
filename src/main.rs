//! `esm-assistant`: the window, or `check` and `records` on the command line.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use esm_assistant::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = cli::run(&cli) {
        return code;
    }
    // Until the window exists, no command means: show what the commands are.
    let _ = Cli::command().print_help();
    ExitCode::SUCCESS
}

//! `esm-assistant`: the window, or `check` and `records` on the command line.

use std::process::ExitCode;

use clap::Parser;
use esm_assistant::cli::{self, Cli};
use esm_assistant::gui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = cli::run(&cli) {
        return code;
    }
    let provider = match cli.common.load_provider(cli.common.language()) {
        Ok(p) => p,
        Err(message) => {
            // The error may quote the profile: shown, never acted on.
            eprintln!(
                "esm-assistant: {}",
                esm_assistant::safe_text::visible_lines(&message)
            );
            return ExitCode::from(2);
        }
    };
    let mut options = gui::Options::new(cli.common.resolver(), provider);
    options.lang = cli.common.lang_choice();
    options.authoritative = cli.authoritative;
    // The window follows the system's light or dark theme; this forces one.
    options.theme = match std::env::var("ESM_ASSISTANT_THEME").as_deref() {
        Ok("dark") => Some(iced::Theme::Dark),
        Ok("light") => Some(iced::Theme::Light),
        _ => None,
    };
    match gui::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "esm-assistant: {}",
                esm_assistant::safe_text::visible_lines(&e.to_string())
            );
            ExitCode::FAILURE
        }
    }
}

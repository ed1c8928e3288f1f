//! What both programs do: run a command, or open the window.
//!
//! Included by `main.rs` (the terminal's program) and by
//! `bin/esm-assistant-window.rs` (the windowed one, for Windows' Start menu),
//! so that both take the same options.

use std::process::ExitCode;

use clap::Parser;
use esm_assistant::cli::{self, Cli};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = cli::run(&cli) {
        return code;
    }
    window(&cli)
}

#[cfg(feature = "gui")]
fn window(cli: &Cli) -> ExitCode {
    use esm_assistant::gui;
    use esm_assistant::safe_text::visible_lines;

    let lang = cli.common.language();
    if !display_available() {
        eprintln!("{}", esm_assistant::fl!(lang, "launch-no-display"));
        eprintln!("{}", esm_assistant::fl!(lang, "launch-commands"));
        return ExitCode::from(2);
    }
    let provider = match cli.common.load_provider(lang) {
        Ok(p) => p,
        Err(message) => {
            // The error may quote the profile: shown, never acted on.
            eprintln!("esm-assistant: {}", visible_lines(&message));
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
    // Another address for the DNS host's API (development), as the
    // `publish` command's hidden --api-base.
    options.api_base = std::env::var("ESM_ASSISTANT_API_BASE").ok();
    match gui::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esm-assistant: {}", visible_lines(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// Built without the window (`--no-default-features`): say so, and name the
/// commands, rather than do nothing.
#[cfg(not(feature = "gui"))]
fn window(cli: &Cli) -> ExitCode {
    let lang = cli.common.language();
    eprintln!("{}", esm_assistant::fl!(lang, "launch-no-window-built"));
    eprintln!("{}", esm_assistant::fl!(lang, "launch-commands"));
    ExitCode::from(2)
}

/// Whether a window can open. On X11 and Wayland desktops the session names
/// its display in the environment; without one (a server over SSH, a
/// container) the window system's event loop cannot start, and the toolkit
/// panics rather than say so. Windows and macOS always have a desktop.
#[cfg(feature = "gui")]
fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

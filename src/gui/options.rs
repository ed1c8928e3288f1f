//! What the window is started with.

use std::path::PathBuf;

use crate::dns::ResolverChoice;
use crate::localize::Lang;
use crate::progress;
use crate::provider::{Provider, PublicResolver};

/// What the window is started with.
#[derive(Debug, Clone)]
pub struct Options {
    pub resolver: ResolverChoice,
    pub provider: Provider,
    /// Language forced on the command line; else the saved one, else the system's.
    pub lang: Option<Lang>,
    /// Folder of the saved progress; `None` keeps nothing.
    pub config_dir: Option<PathBuf>,
    /// Use an in-memory clipboard (tests).
    pub memory_clipboard: bool,
    /// Force a theme; `None` follows the system's light or dark setting.
    pub theme: Option<iced::Theme>,
    /// Save exports straight into this folder, without a dialog (tests).
    pub export_dir: Option<PathBuf>,
    /// "Open an .eml file…" opens this file, without a dialog (tests).
    pub message_file: Option<PathBuf>,
    /// The port the lock-down test tries (25; tests change it).
    pub smtp_port: u16,
    /// The resolvers the MX step compares with the domain's own servers;
    /// `None` takes the profile's public ones, and only when the system's
    /// resolver is used (a given resolver means development or tests).
    pub propagation_resolvers: Option<Vec<PublicResolver>>,
    /// Ask the domain's own name servers even with a given resolver (the
    /// window always does with the system's).
    pub authoritative: bool,
    /// Another address for the DNS host's API (development and tests).
    pub api_base: Option<String>,
    /// Keep credentials in an in-memory keychain instead of the system's
    /// (tests).
    pub memory_keychain: bool,
    /// Folder of the publishing journal; `None` takes the usual one.
    pub data_dir: Option<PathBuf>,
}

impl Options {
    pub fn new(resolver: ResolverChoice, provider: Provider) -> Options {
        Options {
            resolver,
            provider,
            lang: None,
            config_dir: progress::default_dir(),
            memory_clipboard: false,
            theme: None,
            export_dir: None,
            message_file: None,
            smtp_port: 25,
            propagation_resolvers: None,
            authoritative: false,
            api_base: None,
            memory_keychain: false,
            data_dir: None,
        }
    }
}

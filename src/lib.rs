//! The e-securemail setup assistant's engine: the records the filtering
//! gateway needs, what DNS holds now, and precisely what is wrong.
//!
//! Nothing here knows of the window: the engine returns codes and
//! arguments, and the callers render them in the user's language.

#![forbid(unsafe_code)]

pub mod check;
pub mod checklist;
pub mod cli;
pub mod content;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnshost;
pub mod domain;
pub mod excerpt;
pub mod files;
pub mod fonts;
#[cfg(feature = "gui")]
pub mod gui;
pub mod localize;
pub mod lockdown;
pub mod lookalike;
pub mod message;
pub mod mtasts;
pub mod platform;
pub mod progress;
pub mod propagation_text;
pub mod provider;
pub mod publish;
pub mod records;
pub mod render;
pub mod safe_text;
pub mod spf;
pub mod step;

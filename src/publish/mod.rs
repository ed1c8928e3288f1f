//! Publishing the records for the admin, through their DNS host's API,
//! with their own credentials: the change shown as a before and after,
//! applied only once confirmed, written to a local journal and undone
//! from it.
//!
//! Stalwart's `dns-update` crate (0.6.1) was weighed first. It is not used:
//! - its providers' API addresses are fixed (`with_endpoint` is private to
//!   the crate), so they cannot be played by a local server in tests;
//! - its `ring` feature turns on reqwest's `native-tls` (OpenSSL and its
//!   `-dev` package), and its default, `aws-lc-rs`, needs cmake, which this
//!   project's builders do not have;
//! - it reads whole response bodies with no size limit, and reports a
//!   refused token, a rate limit and a server error all as one
//!   `Error::Api(String)` that quotes the body, where the admin must be
//!   told which one it is.
//!
//! So each host has a thin client of its own here, written from the host's
//! public API documentation, that replaces a whole record set at a time.

pub mod cloudflare;
pub mod credentials;
pub mod error;
pub mod gandi;
pub mod host;
pub mod http;
pub mod ionos;
pub mod journal;
pub mod ovh;
pub mod plan;
pub mod run;
pub mod values;

pub use error::HostError;
pub use host::{Client, Host};
pub use plan::{Change, ChangeKind, PlanRefusal, PublishStep, RType, plan_step};

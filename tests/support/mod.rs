//! Shared by the integration tests.

#![allow(dead_code)]

pub mod dns_server;
pub mod host_api;
pub mod hostile_dns;
pub mod https_server;
pub mod mail;
pub mod world;

use std::net::SocketAddr;
use std::process::{Command, Output};
use std::time::Duration;

use esm_assistant::check::{self, CheckId, CheckInput, CheckResult, Report};
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::provider::Provider;

/// Options that ask only `server`, with short timeouts.
pub fn options(server: SocketAddr) -> DnsOptions {
    DnsOptions {
        resolver: ResolverChoice::Servers(vec![server]),
        query_timeout: Duration::from_secs(2),
        ..DnsOptions::default()
    }
}

pub fn input(domain: &str) -> CheckInput {
    CheckInput::new(DomainName::parse(domain).expect("domain"), Provider::esm())
}

/// Runs every check of `input` against `server`.
pub async fn run(input: &CheckInput, server: SocketAddr) -> Report {
    let dns = Dns::new(input.domain.ascii(), &options(server))
        .await
        .expect("resolver");
    check::run(input, &dns).await.0
}

/// One check of a report.
pub fn get(report: &Report, id: CheckId) -> &CheckResult {
    report
        .get(id)
        .unwrap_or_else(|| panic!("no {} in {report:#?}", id.as_str()))
}

/// The problem codes of one check.
pub fn codes(report: &Report, id: CheckId) -> Vec<&'static str> {
    get(report, id)
        .problems
        .iter()
        .map(|p| p.code.as_str())
        .collect()
}

/// Runs the `esm-assistant` binary as an admin or a script would, in an
/// English locale.
pub fn esm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("run esm-assistant")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

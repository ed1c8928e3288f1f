//! The checks: what DNS must hold for the gateway, compared with what it holds.
//!
//! [`gather`] asks DNS; the check functions are pure functions of the
//! answers, so that they can be tested and re-rendered without DNS.

mod auth;
mod code;
pub mod codes;
mod gather;
mod model;
mod mtasts;
mod mx;
pub mod propagation;
mod spf;

pub use code::Code;
pub use gather::{CheckInput, Destination, MtaStsFetch, Snapshot, gather};
pub use model::{Arg, CheckId, CheckResult, Problem, Report, Status};
pub use mtasts::mtasts_policy;
pub use spf::SpfTexts;

use crate::dns::Dns;

/// Evaluates every check on gathered answers.
pub fn evaluate(input: &CheckInput, snap: &Snapshot) -> Report {
    let mut checks = vec![mx::domain_dns(input, snap)];
    checks.extend(mx::destination_host(input, snap));
    checks.push(mx::mx_gateway(input, snap));
    checks.push(spf::spf_record(input, snap));
    checks.push(spf::spf_gateway(input, snap));
    checks.push(spf::spf_lookups(input, snap));
    checks.push(spf::spf_all(input, snap));
    checks.push(auth::dkim_record(input, snap));
    checks.extend(auth::dkim_match(input, snap));
    checks.push(auth::dmarc_record(input, snap));
    checks.push(auth::dmarc_reports(input, snap));
    checks.push(mtasts::mtasts_policy(input, snap));
    Report {
        domain: input.domain.ascii().to_string(),
        checks,
    }
}

/// Gathers and evaluates.
pub async fn run(input: &CheckInput, dns: &Dns) -> (Report, Snapshot) {
    let snap = gather(input, dns).await;
    (evaluate(input, &snap), snap)
}

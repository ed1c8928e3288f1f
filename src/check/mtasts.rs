//! `mtasts.policy`: a domain's MTA-STS policy lets senders deliver to the
//! gateway's hosts, before the MX records are switched to them.

use super::gather::{CheckInput, Snapshot};
use super::model::{CheckId, CheckResult, Problem, Status};
use super::mx::lookup_failed;
use crate::check::Code;
use crate::dns::QType;
use crate::mtasts::{self, Mode, RecordError};

/// The check, from the TXT answers and the fetched policy in `snap`.
pub fn mtasts_policy(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let name = input.mta_sts_name();
    let answer = snap.get(&name, QType::Txt);
    let tls_rpt =
        mtasts::tls_rpt_destinations(&snap.get(&input.tls_rpt_name(), QType::Txt).txt_joined());
    let with_details = |result: CheckResult, mode: &str| {
        let destinations = tls_rpt.clone().unwrap_or_default();
        result
            .detail("mode", mode)
            .detail("tls_rpt_count", destinations.len())
            .detail("tls_rpt", destinations)
    };
    if let Some(p) = lookup_failed(&name, QType::Txt, &answer) {
        return CheckResult::new(CheckId::MtaStsPolicy, Vec::new(), Vec::new(), vec![p]);
    }
    let texts = answer.txt_joined();
    let record = match mtasts::parse_record(&texts) {
        Ok(record) => record,
        Err(RecordError::Absent) => {
            return with_details(
                CheckResult::new(CheckId::MtaStsPolicy, Vec::new(), Vec::new(), Vec::new()),
                "absent",
            );
        }
        Err(e) => {
            let code = match e {
                RecordError::Multiple => "multiple",
                _ => "bad-id",
            };
            let problem = Problem::warn(Code::RecordInvalid)
                .arg("name", name.as_str())
                .arg("reason", code);
            return with_details(
                CheckResult::new(CheckId::MtaStsPolicy, texts, Vec::new(), vec![problem]),
                "absent",
            );
        }
    };
    let url = mtasts::policy_url(input.domain.ascii());
    let mut found = texts;
    let fetched = match &snap.mta_sts {
        Some(fetched) => fetched,
        None => {
            // The record exists but its policy was not fetched (no time left).
            let p = Problem::unknown(Code::PolicyUnreachable)
                .arg("url", url.as_str())
                .arg("reason", "timeout");
            return with_details(
                CheckResult::new(CheckId::MtaStsPolicy, found, Vec::new(), vec![p]),
                "unknown",
            );
        }
    };
    let text = match &fetched.result {
        Ok(text) => text,
        Err(e) => {
            // Senders that cached the policy before keep applying it.
            let p = Problem::warn(Code::PolicyUnreachable)
                .arg("url", url.as_str())
                .arg("reason", e.code())
                .arg(
                    "status",
                    match e {
                        mtasts::FetchError::Status(code) => *code,
                        _ => 0u16,
                    },
                );
            return with_details(
                CheckResult::new(CheckId::MtaStsPolicy, found, Vec::new(), vec![p]),
                "unknown",
            );
        }
    };
    let policy = match mtasts::parse_policy(text) {
        Ok(policy) => policy,
        Err(e) => {
            let p = Problem::warn(Code::PolicyInvalid)
                .arg("url", url.as_str())
                .arg("reason", e.code());
            return with_details(
                CheckResult::new(CheckId::MtaStsPolicy, found, Vec::new(), vec![p]),
                "unknown",
            );
        }
    };
    found.extend(policy.mx.iter().map(|p| format!("mx: {p}")));
    let gateway: Vec<String> = input
        .provider
        .mx
        .hosts
        .iter()
        .map(|h| crate::domain::normalise_name(&h.host))
        .collect();
    let missing: Vec<String> = policy.unmatched(&gateway).into_iter().cloned().collect();
    if missing.is_empty() || policy.mode == Mode::None {
        return with_details(
            CheckResult::new(CheckId::MtaStsPolicy, found, Vec::new(), Vec::new()),
            policy.mode.as_str(),
        );
    }
    let severity = if policy.mode == Mode::Enforce {
        Status::Fail
    } else {
        Status::Warn
    };
    let new_policy = policy.with_hosts(&gateway);
    let until = chrono::DateTime::from_timestamp(fetched.fetched_at, 0)
        .map(|t| t + chrono::Duration::seconds(i64::try_from(policy.max_age).unwrap_or(0)))
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    let new_id = chrono::DateTime::from_timestamp(fetched.fetched_at, 0)
        .map(mtasts::new_id)
        .unwrap_or_else(|| record.id.clone());
    let problem = Problem::new(Code::GatewayNotListed, severity)
        .arg("mode", policy.mode.as_str())
        .arg("hosts", missing)
        .arg("url", url.as_str())
        .arg("name", name.as_str())
        .arg("id", new_id.as_str())
        .arg("until", until)
        .arg(
            "max_age_days",
            usize::try_from(policy.max_age / 86_400).unwrap_or(0),
        );
    let expected: Vec<String> = new_policy.lines().map(str::to_string).collect();
    with_details(
        CheckResult::new(CheckId::MtaStsPolicy, found, expected, vec![problem]),
        policy.mode.as_str(),
    )
}

//! What test messages proved, kept with the progress: for each direction,
//! the verdicts and the message's date, never its headers. A proof counts
//! only for the domain and platform it was made for.

use chrono::{DateTime, Local};
use serde::{Deserialize, Serialize};

use super::{Direction, MessageReport, Verdict};
use crate::check::{CheckId, Status};
use crate::platform::Platform;

/// Most verdicts one proof keeps: a message has ten checks at most.
pub const MAX_VERDICTS: usize = 16;
/// Longest domain kept, in bytes (a DNS name's limit).
const MAX_DOMAIN_BYTES: usize = 253;

/// The proofs kept: the last inbound and the last outbound test message,
/// and the last read-back of the Microsoft 365 tenant's connectors.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Proofs {
    #[serde(deserialize_with = "lenient")]
    pub inbound: Option<Proof>,
    #[serde(deserialize_with = "lenient")]
    pub outbound: Option<Proof>,
    #[serde(deserialize_with = "lenient")]
    pub tenant: Option<Proof>,
}

/// What one test message proved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    /// The domain (ASCII) it was judged for.
    pub domain: String,
    pub platform: Platform,
    /// The message's `Date`, as RFC 3339.
    pub date: Option<DateTime<chrono::FixedOffset>>,
    /// When it was analysed.
    pub analysed: DateTime<chrono::FixedOffset>,
    #[serde(deserialize_with = "known_verdicts")]
    pub verdicts: Vec<Verdict>,
}

impl Proof {
    /// The proof of `report`, analysed at `analysed`.
    pub fn new(report: &MessageReport, platform: Platform, analysed: DateTime<Local>) -> Proof {
        let mut verdicts = report.verdicts();
        verdicts.truncate(MAX_VERDICTS);
        Proof {
            domain: report.domain.clone(),
            platform,
            date: report
                .date
                .as_deref()
                .and_then(|d| DateTime::parse_from_rfc3339(d).ok()),
            analysed: analysed.fixed_offset(),
            verdicts,
        }
    }

    /// The proof of the tenant's read-back for `domain` (ASCII), read at
    /// `analysed`: it has no date of its own.
    pub fn of_tenant(
        domain: &str,
        checks: &[crate::check::CheckResult],
        analysed: DateTime<Local>,
    ) -> Proof {
        Proof {
            domain: domain.to_string(),
            platform: Platform::Microsoft365,
            date: None,
            analysed: analysed.fixed_offset(),
            verdicts: checks
                .iter()
                .take(MAX_VERDICTS)
                .map(|c| Verdict {
                    id: c.id,
                    status: c.status,
                })
                .collect(),
        }
    }

    /// Whether it was made for this domain (ASCII) and platform.
    pub fn is_for(&self, domain: &str, platform: Platform) -> bool {
        self.platform == platform && self.domain.eq_ignore_ascii_case(domain)
    }

    /// When the message was sent, in local time; when it was analysed if
    /// it has no date, or a date after that (a wrong clock).
    pub fn at(&self) -> DateTime<Local> {
        match self.date {
            Some(d) if d <= self.analysed => d.with_timezone(&Local),
            _ => self.analysed.with_timezone(&Local),
        }
    }

    pub fn status(&self, id: CheckId) -> Option<Status> {
        self.verdicts.iter().find(|v| v.id == id).map(|v| v.status)
    }

    /// Whether the saved proof is one this program could have written.
    fn is_sound(&self) -> bool {
        !self.domain.is_empty()
            && self.domain.len() <= MAX_DOMAIN_BYTES
            && self
                .domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    }
}

/// What the proofs say of an action: the worst status of its checks and
/// the time of the latest message that judged them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub status: Status,
    pub at: DateTime<Local>,
    /// Judged from the tenant's read-back, not from a test message.
    pub by_tenant: bool,
}

impl Proofs {
    pub fn get(&self, direction: Direction) -> Option<&Proof> {
        match direction {
            Direction::Inbound => self.inbound.as_ref(),
            Direction::Outbound => self.outbound.as_ref(),
        }
    }

    pub fn set(&mut self, direction: Direction, proof: Option<Proof>) {
        match direction {
            Direction::Inbound => self.inbound = proof,
            Direction::Outbound => self.outbound = proof,
        }
    }

    /// The proofs made for this domain and platform.
    pub fn for_setup(&self, domain: &str, platform: Platform) -> Proofs {
        let keep = |p: &Option<Proof>| p.clone().filter(|p| p.is_for(domain, platform));
        Proofs {
            inbound: keep(&self.inbound),
            outbound: keep(&self.outbound),
            tenant: keep(&self.tenant),
        }
    }

    /// What the proofs say of `checks`, all of which must hold: the worst
    /// of them, once each was judged by a message; a failure as soon as
    /// one failed. `None` when that cannot be said yet.
    pub fn judge(&self, checks: &[CheckId]) -> Option<Judged> {
        let mut statuses = Vec::new();
        let mut latest: Option<DateTime<Local>> = None;
        let mut by_tenant = false;
        for id in checks {
            let Some((status, at, tenant)) = self.verdict(*id) else {
                continue;
            };
            statuses.push(status);
            by_tenant |= tenant;
            latest = Some(latest.map_or(at, |l| l.max(at)));
        }
        let status = if statuses.contains(&Status::Fail) {
            Status::Fail
        } else if statuses.len() < checks.len() {
            return None;
        } else {
            Status::worst(statuses)?
        };
        Some(Judged {
            status,
            at: latest?,
            by_tenant,
        })
    }

    /// What the proofs say of an action proven by any one of `groups`
    /// (each a set of checks that must all hold) and shown not done by a
    /// failure of any of `disproven`: a failure rules, then a pass.
    pub fn judge_any(&self, groups: &[&[CheckId]], disproven: &[CheckId]) -> Option<Judged> {
        let mut judged: Vec<Judged> = groups.iter().filter_map(|g| self.judge(g)).collect();
        judged.extend(
            disproven
                .iter()
                .filter_map(|id| self.judge(&[*id]))
                .filter(|j| j.status == Status::Fail),
        );
        let pick = |status: Status| {
            judged
                .iter()
                .filter(|j| j.status == status)
                .max_by_key(|j| j.at)
                .copied()
        };
        pick(Status::Fail)
            .or_else(|| pick(Status::Pass))
            .or_else(|| judged.iter().max_by_key(|j| j.at).copied())
    }

    /// The verdict of one check, when its message was sent (or the
    /// tenant read), and whether the tenant's read-back gave it.
    fn verdict(&self, id: CheckId) -> Option<(Status, DateTime<Local>, bool)> {
        [
            (&self.inbound, false),
            (&self.outbound, false),
            (&self.tenant, true),
        ]
        .into_iter()
        .find_map(|(p, tenant)| {
            let p = p.as_ref()?;
            p.status(id).map(|s| (s, p.at(), tenant))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.inbound.is_none() && self.outbound.is_none() && self.tenant.is_none()
    }
}

/// A proof that cannot be read, or that this program could not have
/// written, is dropped: the admin sends a new test message.
fn lenient<'de, D>(deserializer: D) -> Result<Option<Proof>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value::<Proof>(value)
        .ok()
        .filter(Proof::is_sound))
}

/// The verdicts of checks this version knows, at most [`MAX_VERDICTS`].
fn known_verdicts<'de, D>(deserializer: D) -> Result<Vec<Verdict>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let values = Vec::<serde_json::Value>::deserialize(deserializer)?;
    Ok(values
        .into_iter()
        .take(MAX_VERDICTS)
        .filter_map(|v| serde_json::from_value::<Verdict>(v).ok())
        .filter(|v| CheckId::MESSAGE.contains(&v.id) || CheckId::TENANT.contains(&v.id))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proof(json: &str) -> Proofs {
        serde_json::from_str(json).unwrap()
    }

    const SAVED: &str = r#"{"inbound": {"domain": "example.fr", "platform": "microsoft-365",
        "date": "2026-11-28T14:05:00+01:00", "analysed": "2026-11-28T14:07:00+01:00",
        "verdicts": [{"id": "message.inbound.gateway", "status": "pass"},
                     {"id": "message.inbound.destination", "status": "fail"},
                     {"id": "dns.future-check", "status": "pass"},
                     {"id": "mx.gateway", "status": "pass"}]}}"#;

    #[test]
    fn keeps_known_message_verdicts_only() {
        let p = proof(SAVED);
        let inbound = p.inbound.as_ref().unwrap();
        // Unknown ids and DNS checks are dropped, not trusted.
        assert_eq!(inbound.verdicts.len(), 2);
        assert_eq!(
            inbound.status(CheckId::MessageInboundGateway),
            Some(Status::Pass)
        );
        assert_eq!(inbound.status(CheckId::MxGateway), None);
        let judged = p.judge(&[CheckId::MessageInboundGateway]).unwrap();
        assert_eq!(judged.status, Status::Pass);
        assert_eq!(
            judged.at,
            DateTime::parse_from_rfc3339("2026-11-28T14:05:00+01:00").unwrap()
        );
        let judged = p
            .judge(&[
                CheckId::MessageInboundGateway,
                CheckId::MessageInboundDestination,
            ])
            .unwrap();
        assert_eq!(judged.status, Status::Fail);
        assert_eq!(p.judge(&[CheckId::MessageDkim]), None);
    }

    #[test]
    fn any_group_proves_and_a_failure_disproves() {
        let p = proof(SAVED);
        let gateway: &[CheckId] = &[CheckId::MessageInboundGateway];
        let both: &[CheckId] = &[CheckId::MessageInboundGateway, CheckId::MessageDkim];
        // One group holds: proven.
        let j = p.judge_any(&[both, gateway], &[]).unwrap();
        assert_eq!(j.status, Status::Pass);
        // A group with a check no message judged says nothing.
        assert_eq!(p.judge_any(&[both], &[]), None);
        // A failure of a disproving check rules over a pass.
        let j = p
            .judge_any(&[gateway], &[CheckId::MessageInboundDestination])
            .unwrap();
        assert_eq!(j.status, Status::Fail);
        // A disproving check that passed proves nothing.
        assert_eq!(p.judge_any(&[], &[CheckId::MessageInboundGateway]), None);
    }

    #[test]
    fn counts_only_for_its_domain_and_platform() {
        let p = proof(SAVED);
        assert!(
            p.for_setup("EXAMPLE.fr", Platform::Microsoft365)
                .inbound
                .is_some()
        );
        assert!(p.for_setup("other.fr", Platform::Microsoft365).is_empty());
        assert!(
            p.for_setup("example.fr", Platform::GoogleWorkspace)
                .is_empty()
        );
    }

    #[test]
    fn damaged_or_forged_proofs_are_dropped() {
        for json in [
            r#"{"inbound": 3}"#,
            r#"{"inbound": {"domain": "x\u001b[31m.fr", "platform": "microsoft-365", "date": null, "analysed": "2026-11-28T14:07:00Z", "verdicts": []}}"#,
            r#"{"inbound": {"domain": "example.fr", "platform": "microsoft-365", "date": null, "analysed": "yesterday", "verdicts": []}}"#,
            r#"{"outbound": {"domain": "example.fr", "platform": "mars", "date": null, "analysed": "2026-11-28T14:07:00Z", "verdicts": []}}"#,
        ] {
            assert!(proof(json).is_empty(), "{json}");
        }
        let many: Vec<String> = (0..1000)
            .map(|_| r#"{"id": "message.outbound.dkim", "status": "pass"}"#.to_string())
            .collect();
        let json = format!(
            r#"{{"outbound": {{"domain": "example.fr", "platform": "microsoft-365", "date": null, "analysed": "2026-11-28T14:07:00Z", "verdicts": [{}]}}}}"#,
            many.join(",")
        );
        assert_eq!(proof(&json).outbound.unwrap().verdicts.len(), MAX_VERDICTS);
    }

    #[test]
    fn a_date_after_the_analysis_is_not_believed() {
        let p = proof(
            r#"{"inbound": {"domain": "example.fr", "platform": "microsoft-365",
            "date": "2030-01-01T00:00:00Z", "analysed": "2026-11-28T14:07:00Z", "verdicts": []}}"#,
        );
        let at = p.inbound.unwrap().at();
        assert_eq!(
            at,
            DateTime::parse_from_rfc3339("2026-11-28T14:07:00Z").unwrap()
        );
    }
}

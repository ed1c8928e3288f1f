//! The change one step makes to the zone, as a before and after per
//! record set, computed from what the domain's own name servers hold and
//! from [`records::plan`].

use serde::{Deserialize, Serialize};

use crate::check::{CheckInput, Report, Snapshot, Status};
use crate::dns::{Answer, QType, Rec};
use crate::records::{self, Action, Purpose};
use crate::step::Step;

use super::values::{mx_value, normal_mx};

/// The record types the assistant writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RType {
    #[serde(rename = "TXT")]
    Txt,
    #[serde(rename = "MX")]
    Mx,
}

impl RType {
    pub fn as_str(self) -> &'static str {
        match self {
            RType::Txt => "TXT",
            RType::Mx => "MX",
        }
    }

    /// A value as a host gave it, in the form the assistant compares.
    pub fn normal(self, value: &str) -> String {
        match self {
            RType::Txt => value.to_string(),
            RType::Mx => normal_mx(value),
        }
    }
}

/// The steps whose records can be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishStep {
    Spf,
    Dkim,
    Dmarc,
    Mx,
}

impl PublishStep {
    pub const ALL: [PublishStep; 4] = [
        PublishStep::Spf,
        PublishStep::Dkim,
        PublishStep::Dmarc,
        PublishStep::Mx,
    ];

    pub fn id(self) -> &'static str {
        self.step().id()
    }

    /// The assistant's step of the same name.
    pub fn step(self) -> Step {
        match self {
            PublishStep::Spf => Step::Spf,
            PublishStep::Dkim => Step::Dkim,
            PublishStep::Dmarc => Step::Dmarc,
            PublishStep::Mx => Step::Mx,
        }
    }

    fn purpose(self) -> Purpose {
        match self {
            PublishStep::Spf => Purpose::Spf,
            PublishStep::Dkim => Purpose::Dkim,
            PublishStep::Dmarc => Purpose::Dmarc,
            PublishStep::Mx => Purpose::Mx,
        }
    }
}

/// One record set changed: every value at a name and type, before and
/// after. Values are in the assistant's form (TXT strings joined, MX as
/// `PREF HOST.`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Relative to the zone: `@` for the domain itself.
    pub name: String,
    /// The full name, without its final dot.
    pub fqdn: String,
    #[serde(rename = "type")]
    pub rtype: RType,
    pub ttl: u32,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// What a change does to its record set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Add,
    Replace,
    Delete,
}

impl ChangeKind {
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Add => "add",
            ChangeKind::Replace => "replace",
            ChangeKind::Delete => "delete",
        }
    }
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        if self.before.is_empty() {
            ChangeKind::Add
        } else if self.after.is_empty() {
            ChangeKind::Delete
        } else {
            ChangeKind::Replace
        }
    }

    /// Values removed by the change.
    pub fn removed(&self) -> Vec<&String> {
        self.before
            .iter()
            .filter(|v| !self.after.contains(v))
            .collect()
    }

    /// Values added by the change.
    pub fn added(&self) -> Vec<&String> {
        self.after
            .iter()
            .filter(|v| !self.before.contains(v))
            .collect()
    }
}

/// Why a step's records cannot be published now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRefusal {
    /// What is published could not be read: nothing is changed blind.
    Unreadable { name: String },
    /// The DKIM step needs the key generated in the console.
    NoDkimKey,
    /// The name is an alias (CNAME): a record beside it is not allowed,
    /// and whoever owns the target manages it.
    Alias { name: String },
    /// The MX records point to the gateway only once these steps are green.
    MxNotReady { steps: Vec<Step> },
}

impl PlanRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            PlanRefusal::Unreadable { .. } => "unreadable",
            PlanRefusal::NoDkimKey => "no-dkim-key",
            PlanRefusal::Alias { .. } => "alias",
            PlanRefusal::MxNotReady { .. } => "mx-not-ready",
        }
    }
}

/// The steps that must be green before the MX records move to the
/// gateway: the gateway must know where to deliver (destination), and the
/// domain's own mail must pass SPF, DKIM and DMARC through it.
pub const MX_PREREQUISITES: [Step; 4] = [Step::Destination, Step::Spf, Step::Dkim, Step::Dmarc];

/// The change `step` makes: empty when everything is already in place.
/// `report` is the check of the same snapshot.
pub fn plan_step(
    input: &CheckInput,
    snap: &Snapshot,
    report: &Report,
    step: PublishStep,
) -> Result<Vec<Change>, PlanRefusal> {
    let publication = records::plan(input, snap);
    let wanted: Vec<&records::PublishRecord> = publication
        .records
        .iter()
        .filter(|r| r.purpose == step.purpose())
        .collect();
    let Some(first) = wanted.first() else {
        return Ok(Vec::new());
    };
    let fqdn = crate::domain::normalise_name(&first.fqdn);
    let qtype = if step == PublishStep::Mx {
        QType::Mx
    } else {
        QType::Txt
    };
    let answer = snap.get(&fqdn, qtype);
    if wanted.iter().any(|r| r.action == Action::Unknown) || answer.failure().is_some() {
        return Err(PlanRefusal::Unreadable { name: fqdn });
    }
    if is_alias(&answer, &fqdn) {
        return Err(PlanRefusal::Alias { name: fqdn });
    }
    if step == PublishStep::Mx {
        let waiting: Vec<Step> = MX_PREREQUISITES
            .into_iter()
            .filter(|s| s.status(Some(report)) != Some(Status::Pass))
            .collect();
        if !waiting.is_empty() {
            return Err(PlanRefusal::MxNotReady { steps: waiting });
        }
        let before: Vec<String> = answer.mx().iter().map(|(p, h)| mx_value(*p, h)).collect();
        let after: Vec<String> = input
            .provider
            .mx
            .hosts
            .iter()
            .map(|m| mx_value(m.preference, &m.host))
            .collect();
        if same_set(&before, &after) {
            return Ok(Vec::new());
        }
        return Ok(vec![Change {
            name: first.name.clone(),
            fqdn,
            rtype: RType::Mx,
            ttl: input.provider.mx.ttl,
            before,
            after,
        }]);
    }
    let record = first;
    if record.action == Action::Keep {
        return Ok(Vec::new());
    }
    let Some(value) = record.value.clone() else {
        return Err(PlanRefusal::NoDkimKey);
    };
    let before = answer.txt_joined();
    // Only the values the plan replaces go: other TXT values at the same
    // name (site verifications, other services) stay as they are.
    let mut after: Vec<String> = before
        .iter()
        .filter(|t| !record.replaces.contains(t))
        .cloned()
        .collect();
    if !after.contains(&value) {
        after.push(value);
    }
    if same_set(&before, &after) {
        return Ok(Vec::new());
    }
    Ok(vec![Change {
        name: record.name.clone(),
        fqdn,
        rtype: RType::Txt,
        ttl: record.ttl,
        before,
        after,
    }])
}

/// Is `name` itself an alias in `answer`?
fn is_alias(answer: &Answer, name: &str) -> bool {
    matches!(answer, Answer::Records(recs) if recs.iter().any(|r| matches!(r, Rec::Cname(owner, _) if owner == name)))
}

/// Do `a` and `b` hold the same values, whatever their order?
pub fn same_set(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

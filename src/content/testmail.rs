//! "Test with a real message": what to send, how to take its headers in
//! each mail client, and what the last test messages proved. A proof also
//! rules over the hand tick of the actions DNS cannot see (the
//! destination saved in the console, DKIM signing, the connectors).

use chrono::{DateTime, Local};

use super::build::check_content;
use super::{ActionItem, CheckContent, Input};
use crate::check::{CheckId, CheckResult, Status};
use crate::fl;
use crate::localize::{Lang, text};
use crate::message::proof::{Judged, Proof, Proofs};
use crate::message::{Direction, MessageReport};
use crate::platform::Platform;
use crate::step::Step;

/// What the test messages give the content.
#[derive(Debug, Clone, Copy)]
pub struct TestInput<'a> {
    /// The proofs kept with the progress.
    pub proofs: &'a Proofs,
    /// The reports of the messages analysed since the window opened, with
    /// their problems in full.
    pub inbound: Option<&'a MessageReport>,
    pub outbound: Option<&'a MessageReport>,
    /// The checks of the tenant's read-back pasted this session.
    pub tenant: Option<&'a [CheckResult]>,
}

static NO_PROOFS: Proofs = Proofs {
    inbound: None,
    outbound: None,
    tenant: None,
};

impl TestInput<'_> {
    /// No test message.
    pub fn none() -> TestInput<'static> {
        TestInput {
            proofs: &NO_PROOFS,
            inbound: None,
            outbound: None,
            tenant: None,
        }
    }
}

/// The page's words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TestMailContent {
    pub title: String,
    pub explanation: Vec<String>,
    /// Nothing leaves this computer.
    pub privacy: String,
    pub sides: Vec<SideContent>,
    pub clients: Vec<ClientHelp>,
    /// Microsoft 365 only: the tenant's read-back.
    pub tenant: Option<SideContent>,
}

impl TestMailContent {
    /// Whether a test message judged anything.
    pub fn any_judged(&self) -> bool {
        self.parts().any(|s| s.judged.is_some())
    }

    /// The messages' parts, then the tenant's.
    pub fn parts(&self) -> impl Iterator<Item = &SideContent> {
        self.sides.iter().chain(self.tenant.as_ref())
    }

    /// Every sentence, for tests and searches.
    pub fn all_text(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str(), self.privacy.as_str()];
        out.extend(self.explanation.iter().map(String::as_str));
        for s in self.parts() {
            out.push(&s.heading);
            out.extend(s.how.iter().map(String::as_str));
            out.extend(s.judged.as_deref());
            out.extend(s.details_not_kept.as_deref());
            for c in &s.checks {
                out.push(&c.title);
                out.extend(c.details.as_deref());
                for p in &c.problems {
                    out.push(&p.message);
                    out.push(&p.fix);
                }
            }
        }
        for c in &self.clients {
            out.extend([c.name.as_str(), c.headers.as_str(), c.save.as_str()]);
        }
        out
    }
}

/// What a part of the page is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Message(Direction),
    /// The Microsoft 365 tenant's read-back.
    Tenant,
}

/// One part: what to send or run, and what it proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideContent {
    pub part: Part,
    pub heading: String,
    pub how: Vec<String>,
    /// "Message sent at …, analysed at …", once one was.
    pub judged: Option<String>,
    /// The checks; without status until a message is analysed.
    pub checks: Vec<CheckContent>,
    /// The problems of a message analysed in an earlier session are not
    /// kept (only its verdicts): said when some did not pass.
    pub details_not_kept: Option<String>,
}

/// How to take a message's headers in one mail client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientHelp {
    pub id: &'static str,
    pub name: String,
    /// How to show the full headers, to copy them.
    pub headers: String,
    /// How to save the message as `.eml`.
    pub save: String,
}

/// The mail clients whose steps are given, in the order shown.
pub const CLIENTS: &[&str] = &[
    "outlook-web",
    "outlook",
    "gmail",
    "apple-mail",
    "thunderbird",
];

/// The checks that prove an action done by hand (any one group, every
/// check of it), and those whose failure shows it is not done (a message
/// that reached the server around the gateway proves the lock-down is not
/// in place, but one that came through it does not prove others are
/// refused).
type Proven = (
    &'static str,
    &'static [&'static [CheckId]],
    &'static [CheckId],
);

const PROVEN: &[Proven] = &[
    (
        "destination-save",
        &[&[CheckId::MessageInboundDestination]],
        &[],
    ),
    ("dkim-enable", &[&[CheckId::MessageDkim]], &[]),
    // Enhanced Filtering is set on the inbound connector: a message judged
    // by its original sender proves the connector is there.
    (
        "m365-inbound",
        &[
            &[CheckId::MessageEnhancedFiltering],
            &[CheckId::TenantInboundConnector],
        ],
        &[],
    ),
    (
        "m365-inbound-ranges",
        &[&[CheckId::TenantInboundRestricted]],
        &[],
    ),
    (
        "m365-enhanced-filtering",
        &[
            &[CheckId::MessageEnhancedFiltering],
            &[CheckId::TenantEnhancedFiltering],
        ],
        &[],
    ),
    (
        "m365-outbound",
        &[
            &[CheckId::MessageOutboundGateway],
            &[
                CheckId::TenantOutboundConnector,
                CheckId::TenantOutboundSmartHost,
                CheckId::TenantOutboundTls,
                CheckId::TenantOutboundScope,
            ],
        ],
        &[],
    ),
    ("google-gateway", &[&[CheckId::MessageGoogleGateway]], &[]),
    (
        "m365-inbound-reject",
        &[&[CheckId::TenantInboundRestricted, CheckId::TenantInboundTls]],
        &[CheckId::MessageInboundBypass],
    ),
    ("server-rules", &[], &[CheckId::MessageInboundBypass]),
];

/// The proofs that count: made for this domain and platform.
fn proofs(input: &Input) -> Option<Proofs> {
    let domain = input.domain?;
    Some(input.tests.proofs.for_setup(domain.ascii(), input.platform))
}

/// What the test messages say of the action `id`, if anything.
pub(super) fn judge(input: &Input, id: &str) -> Option<Judged> {
    let (_, proven, disproven) = PROVEN.iter().find(|(a, _, _)| *a == id)?;
    proofs(input)?.judge_any(proven, disproven)
}

/// Why a test message does not confirm an action, when it does not.
pub(super) fn proof_note(input: &Input, action: &ActionItem) -> Option<String> {
    let p = action.proof?;
    let time = when(input, p.at);
    let key = match (p.status, p.by_tenant) {
        (Status::Pass, _) => return None,
        (Status::Fail, false) => "content-proof-failed",
        (Status::Fail, true) => "content-proof-failed-tenant",
        (_, false) => "content-proof-unsure",
        (_, true) => "content-proof-unsure-tenant",
    };
    text(input.lang, key, &[("time".to_string(), time.into())])
}

/// A time as the admin reads it: "at 14:05" today, with the date
/// otherwise (written day first in French, year first in English).
pub(super) fn when(input: &Input, at: DateTime<Local>) -> String {
    let lang = input.lang;
    let time = at.format("%H:%M").to_string();
    if at.date_naive() == input.today {
        return fl!(lang, "testmail-time-today", time = time);
    }
    let date = match lang {
        Lang::Fr => at.format("%d/%m/%Y"),
        Lang::En => at.format("%Y-%m-%d"),
    }
    .to_string();
    fl!(lang, "testmail-time-day", date = date, time = time)
}

/// The checks a message of this direction gives on this platform.
fn ids(direction: Direction, platform: Platform) -> Vec<CheckId> {
    match direction {
        Direction::Inbound => {
            let mut ids = vec![
                CheckId::MessageInboundGateway,
                CheckId::MessageInboundBypass,
                CheckId::MessageInboundDestination,
            ];
            match platform {
                Platform::Microsoft365 => ids.push(CheckId::MessageEnhancedFiltering),
                Platform::GoogleWorkspace => ids.push(CheckId::MessageGoogleGateway),
                Platform::OwnServer | Platform::Other => {}
            }
            ids
        }
        Direction::Outbound => vec![
            CheckId::MessageOutboundGateway,
            CheckId::MessageDkim,
            CheckId::MessageSpf,
            CheckId::MessageDmarc,
            CheckId::MessageReceiver,
        ],
    }
}

/// The step a message check speaks for.
fn step_of(id: CheckId) -> Step {
    match id {
        CheckId::MessageInboundDestination => Step::Destination,
        CheckId::MessageDkim => Step::Dkim,
        CheckId::MessageSpf => Step::Spf,
        CheckId::MessageDmarc => Step::Dmarc,
        _ => Step::Lockdown,
    }
}

pub fn build(input: &Input) -> TestMailContent {
    let lang = input.lang;
    let domain = input.domain.map_or_else(
        || fl!(lang, "testmail-your-domain"),
        |d| d.ascii().to_string(),
    );
    let proofs = proofs(input).unwrap_or_default();
    let sides = [Direction::Inbound, Direction::Outbound]
        .into_iter()
        .map(|direction| {
            let report = match direction {
                Direction::Inbound => input.tests.inbound,
                Direction::Outbound => input.tests.outbound,
            }
            .filter(|r| input.domain.is_some_and(|d| d.ascii() == r.domain));
            side(input, direction, &domain, report, proofs.get(direction))
        })
        .collect();
    TestMailContent {
        title: fl!(lang, "testmail-title"),
        explanation: vec![fl!(lang, "testmail-why"), fl!(lang, "testmail-when")],
        privacy: fl!(lang, "testmail-privacy"),
        sides,
        clients: CLIENTS.iter().map(|id| client(lang, id)).collect(),
        tenant: (input.platform == Platform::Microsoft365).then(|| tenant(input, &proofs)),
    }
}

/// What the tenant's read-back proved.
fn tenant(input: &Input, proofs: &Proofs) -> SideContent {
    let lang = input.lang;
    let proof = proofs.tenant.as_ref();
    let (checks, details_not_kept) =
        judged_checks(lang, &CheckId::TENANT, input.tests.tenant, proof);
    SideContent {
        part: Part::Tenant,
        heading: fl!(lang, "tenant-title"),
        how: vec![
            fl!(lang, "tenant-why"),
            fl!(lang, "tenant-how-run"),
            fl!(lang, "tenant-how-paste"),
        ],
        judged: proof.map(|p| {
            fl!(
                lang,
                "tenant-judged",
                analysed = when(input, p.analysed.with_timezone(&Local))
            )
        }),
        checks,
        details_not_kept,
    }
}

fn side(
    input: &Input,
    direction: Direction,
    domain: &str,
    report: Option<&MessageReport>,
    proof: Option<&Proof>,
) -> SideContent {
    let lang = input.lang;
    let key = match direction {
        Direction::Inbound => "inbound",
        Direction::Outbound => "outbound",
    };
    let heading = text(lang, &format!("testmail-{key}-title"), &[]).unwrap_or_default();
    let how = vec![
        text(
            lang,
            &format!("testmail-{key}-send"),
            &[("domain".to_string(), domain.to_string().into())],
        )
        .unwrap_or_default(),
        text(lang, &format!("testmail-{key}-take"), &[]).unwrap_or_default(),
    ];
    let (checks, details_not_kept) = judged_checks(
        lang,
        &ids(direction, input.platform),
        report.map(|r| r.checks.as_slice()),
        proof,
    );
    let judged = proof.map(|p| {
        fl!(
            lang,
            "testmail-judged",
            sent = when(input, p.at()),
            analysed = when(input, p.analysed.with_timezone(&Local))
        )
    });
    SideContent {
        part: Part::Message(direction),
        heading,
        how,
        judged,
        checks,
        details_not_kept,
    }
}

/// The checks `ids` in words: in full from this session's `results`, else
/// with the verdicts of the saved `proof` only; and, then, that the
/// details of those that did not pass are not kept.
fn judged_checks(
    lang: Lang,
    ids: &[CheckId],
    results: Option<&[CheckResult]>,
    proof: Option<&Proof>,
) -> (Vec<CheckContent>, Option<String>) {
    let checks: Vec<CheckContent> = ids
        .iter()
        .map(|id| {
            let result = results.and_then(|r| r.iter().find(|c| c.id == *id));
            let mut c = check_content(lang, *id, step_of(*id), result);
            if results.is_none() {
                c.status = proof.and_then(|p| p.status(*id));
            }
            c
        })
        .collect();
    let not_kept = (results.is_none()
        && checks
            .iter()
            .any(|c| c.status.is_some_and(|s| s != Status::Pass)))
    .then(|| fl!(lang, "testmail-details-not-kept"));
    (checks, not_kept)
}

fn client(lang: Lang, id: &'static str) -> ClientHelp {
    let words =
        |part: &str| text(lang, &format!("testmail-client-{id}{part}"), &[]).unwrap_or_default();
    ClientHelp {
        id,
        name: words(""),
        headers: words("-headers"),
        save: words("-save"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_proven_is_one_done_by_hand() {
        for (id, proven, disproven) in PROVEN {
            assert!(super::super::BY_HAND.contains(id), "{id}");
            for c in proven.iter().flat_map(|g| g.iter()).chain(disproven.iter()) {
                assert!(
                    CheckId::MESSAGE.contains(c) || CheckId::TENANT.contains(c),
                    "{id}: {c:?}"
                );
            }
        }
    }
}

//! What each step says, built once as data from what the window and the
//! printed checklist both know: titles, explanations, where to go, the
//! actions a person does (each with its own tick), the records, the checks
//! with their problems, and the lock-down artefacts. The window and the PDF
//! only draw it, so that they never say different things.

mod build;
pub use build::step_name;
pub mod lockdown;
pub mod testmail;

use std::collections::BTreeSet;

use crate::check::{CheckId, Report, Status};
use crate::domain::DomainName;
use crate::localize::Lang;
use crate::platform::Platform;
use crate::provider::Provider;
use crate::records::{Publication, PublishRecord};
use crate::step::{Step, StepState};

pub use lockdown::{Artefact, LockdownContent, LockdownInput, Setting};
pub use testmail::{ClientHelp, SideContent, TestInput, TestMailContent};

/// Everything the content is built from.
pub struct Input<'a> {
    /// `None` while the domain typed is not valid: only what does not
    /// depend on it is built.
    pub domain: Option<&'a DomainName>,
    pub platform: Platform,
    pub lang: Lang,
    pub provider: &'a Provider,
    pub report: Option<&'a Report>,
    pub publication: Option<&'a Publication>,
    /// The destination server, as entered.
    pub destination: Option<String>,
    /// Steps marked done by hand.
    pub done: &'a BTreeSet<Step>,
    /// Actions ticked by hand, by id.
    pub ticked: &'a BTreeSet<String>,
    /// The platform's own DKIM selectors found published; `None` when not
    /// looked for.
    pub existing_dkim: Option<&'a [String]>,
    /// When the report's checks were made.
    pub checked_at: Option<chrono::DateTime<chrono::Local>>,
    pub lockdown: LockdownInput<'a>,
    /// What test messages proved, and those analysed this session.
    pub tests: TestInput<'a>,
    /// The date written into generated scripts.
    pub today: chrono::NaiveDate,
}

/// The ids of every action ticked by hand: what a saved tick may name.
pub const BY_HAND: &[&str] = &[
    "destination-save",
    "dkim-generate",
    "dkim-enable",
    "m365-inbound",
    "m365-inbound-ranges",
    "m365-inbound-reject",
    "m365-enhanced-filtering",
    "m365-outbound",
    "m365-arc",
    "google-gateway",
    "server-rules",
];

/// How an action is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tick {
    /// DNS says whether it is done: the worst status of these checks.
    Verified {
        checks: &'static [CheckId],
        status: Option<Status>,
        at: Option<chrono::DateTime<chrono::Local>>,
    },
    /// Only the admin knows: ticked by hand.
    ByHand { ticked: bool },
}

/// One thing a person does, with its own box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// Stable id, for the window's tick box and the saved ticks.
    pub id: &'static str,
    pub text: String,
    pub tick: Tick,
    /// Ticking this action confirms the whole step (the destination saved
    /// in the console): the window binds its box to the step.
    pub confirms_step: bool,
    /// "verified at 14:02" or "ticked by hand" when ticked; `None` otherwise.
    pub ticked_note: Option<String>,
    /// What a test message showed of it, when one did: it then rules over
    /// the hand tick.
    pub proof: Option<crate::message::proof::Judged>,
    /// Why a test message does not confirm it, when it does not.
    pub proof_note: Option<String>,
}

impl ActionItem {
    pub fn is_ticked(&self) -> bool {
        if let Some(p) = self.decisive_proof() {
            return p.status == Status::Pass;
        }
        match &self.tick {
            Tick::Verified { status, .. } => *status == Some(Status::Pass),
            Tick::ByHand { ticked } => *ticked,
        }
    }

    /// A test message's verdict that settles the action: passed or
    /// failed. One that could not tell leaves the hand tick as it was.
    pub fn decisive_proof(&self) -> Option<crate::message::proof::Judged> {
        self.proof
            .filter(|p| matches!(p.status, Status::Pass | Status::Fail))
    }

    pub fn is_verified(&self) -> bool {
        self.decisive_proof().is_some() || matches!(self.tick, Tick::Verified { .. })
    }
}

/// One field of a record card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// `name`, `fqdn`, `type`, `ttl`, `priority` or `value`: keys the
    /// window's Copy buttons.
    pub key: &'static str,
    pub label: String,
    pub value: String,
    /// The value is to be typed as is (monospace, with a Copy button);
    /// otherwise it is words saying why there is no value yet.
    pub literal: bool,
}

/// A record to publish, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordCard {
    pub record: PublishRecord,
    /// What the record is for.
    pub heading: String,
    /// Create, replace, keep.
    pub action: String,
    pub fields: Vec<Field>,
    /// The value is stored as several strings: said once.
    pub strings_note: Option<String>,
    /// The merge's warnings, the MTA-STS file to publish first.
    pub notes: Vec<String>,
}

/// A problem of a check: what is wrong, and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemText {
    pub severity: Status,
    pub message: String,
    pub fix: String,
}

/// One check, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckContent {
    pub id: CheckId,
    /// The step it verifies.
    pub step: Step,
    pub title: String,
    pub status: Option<Status>,
    pub details: Option<String>,
    pub problems: Vec<ProblemText>,
}

/// A label and a value shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub literal: bool,
}

/// A record to delete, on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteLine {
    pub line: String,
}

/// One step's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepContent {
    pub step: Step,
    pub title: String,
    pub state: StepState,
    /// Why the step waits, in words.
    pub waiting: Option<String>,
    pub explanation: Vec<String>,
    pub where_to_go: Vec<String>,
    /// Framed reminders: an order of operations, a trap.
    pub notes: Vec<String>,
    /// Smaller remarks.
    pub hints: Vec<String>,
    pub facts: Vec<Fact>,
    pub actions: Vec<ActionItem>,
    pub checks: Vec<CheckContent>,
    /// Records found now (the current SPF record), escaped when drawn.
    pub current: Vec<String>,
    pub records: Vec<RecordCard>,
    pub deletes: Vec<DeleteLine>,
    /// The heading above the records to delete.
    pub deletes_title: String,
    pub lockdown: Option<LockdownContent>,
    /// What is left to do (the summary).
    pub left: Vec<String>,
    /// The way back, in the order that keeps mail flowing.
    pub rollback: Vec<String>,
}

impl StepContent {
    fn new(step: Step, title: String, state: StepState) -> StepContent {
        StepContent {
            step,
            title,
            state,
            waiting: None,
            explanation: Vec::new(),
            where_to_go: Vec::new(),
            notes: Vec::new(),
            hints: Vec::new(),
            facts: Vec::new(),
            actions: Vec::new(),
            checks: Vec::new(),
            current: Vec::new(),
            records: Vec::new(),
            deletes: Vec::new(),
            deletes_title: String::new(),
            lockdown: None,
            left: Vec::new(),
            rollback: Vec::new(),
        }
    }

    /// Every sentence of the step, for tests and searches.
    pub fn all_text(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![self.title.as_str()];
        out.extend(self.waiting.as_deref());
        for list in [
            &self.explanation,
            &self.where_to_go,
            &self.notes,
            &self.hints,
            &self.left,
            &self.rollback,
        ] {
            out.extend(list.iter().map(String::as_str));
        }
        for f in &self.facts {
            out.push(&f.label);
            out.push(&f.value);
        }
        for a in &self.actions {
            out.push(&a.text);
            out.extend(a.ticked_note.as_deref());
            out.extend(a.proof_note.as_deref());
        }
        for c in &self.checks {
            out.push(&c.title);
            out.extend(c.details.as_deref());
            for p in &c.problems {
                out.push(&p.message);
                out.push(&p.fix);
            }
        }
        for r in &self.records {
            out.push(&r.heading);
            out.push(&r.action);
            for f in &r.fields {
                out.push(&f.label);
                out.push(&f.value);
            }
            out.extend(r.strings_note.as_deref());
            out.extend(r.notes.iter().map(String::as_str));
        }
        if let Some(l) = &self.lockdown {
            out.extend(l.all_text());
        }
        out
    }
}

/// Every step's content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Content {
    pub lang: Lang,
    pub steps: Vec<StepContent>,
    /// "Test with a real message".
    pub testmail: TestMailContent,
}

impl Content {
    pub fn step(&self, step: Step) -> Option<&StepContent> {
        self.steps.iter().find(|s| s.step == step)
    }
}

/// Builds every step's content.
pub fn build(input: &Input) -> Content {
    Content {
        lang: input.lang,
        steps: Step::ALL
            .into_iter()
            .map(|s| build::step(input, s))
            .collect(),
        testmail: testmail::build(input),
    }
}

/// Builds one step's content.
pub fn build_step(input: &Input, step: Step) -> StepContent {
    build::step(input, step)
}

/// The platform's own DKIM selectors that hold a DKIM key in `snap`.
pub fn existing_dkim(
    input: &crate::check::CheckInput,
    snap: &crate::check::Snapshot,
) -> Vec<String> {
    input
        .extra_selectors
        .iter()
        .filter(|s| {
            snap.get(&input.selector_name(s), crate::dns::QType::Txt)
                .txt_joined()
                .iter()
                .any(|t| crate::dkim::looks_like_dkim(t))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckResult, Problem};
    use crate::lockdown::firewall::Format;
    use crate::lockdown::{GatewayRanges, Source};

    fn report(status: Status) -> Report {
        Report {
            domain: "exemple.fr".into(),
            checks: Step::ALL
                .iter()
                .flat_map(|s| s.checks().iter().copied())
                .map(|id| {
                    let problems = match status {
                        Status::Pass => Vec::new(),
                        s => vec![
                            Problem::new(crate::check::Code::LookupFailed, s)
                                .arg("name", "exemple.fr")
                                .arg("type", "TXT")
                                .arg("reason", "timeout"),
                        ],
                    };
                    CheckResult::new(id, Vec::new(), Vec::new(), problems)
                })
                .collect(),
        }
    }

    fn ranges() -> GatewayRanges {
        GatewayRanges::new(
            &["198.51.100.0/24".parse().unwrap()],
            Source::Spf {
                include: "includespf.security-mail.net".into(),
            },
        )
        .unwrap()
    }

    struct World {
        domain: DomainName,
        provider: Provider,
        report: Report,
        done: BTreeSet<Step>,
        ticked: BTreeSet<String>,
        ranges: GatewayRanges,
        host: DomainName,
    }

    impl World {
        fn new(status: Status) -> World {
            World {
                domain: DomainName::parse("exemple.fr").unwrap(),
                provider: Provider::esm(),
                report: report(status),
                done: BTreeSet::new(),
                ticked: BTreeSet::new(),
                ranges: ranges(),
                host: DomainName::parse_host("relay.example.net").unwrap(),
            }
        }

        fn input(&self, lang: Lang, platform: Platform) -> Input<'_> {
            Input {
                domain: Some(&self.domain),
                platform,
                lang,
                provider: &self.provider,
                report: Some(&self.report),
                publication: None,
                destination: None,
                done: &self.done,
                ticked: &self.ticked,
                existing_dkim: Some(&[]),
                checked_at: Some(chrono::Local::now()),
                lockdown: LockdownInput {
                    ranges: Some(&self.ranges),
                    smart_host: Some(&self.host),
                    arc: false,
                    format: Format::Nftables,
                },
                tests: crate::content::TestInput::none(),
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            }
        }
    }

    fn lockdown_ids(content: &Content) -> Vec<&'static str> {
        content
            .step(Step::Lockdown)
            .unwrap()
            .actions
            .iter()
            .map(|a| a.id)
            .collect()
    }

    /// Every step, language and platform: a title, an action wherever a
    /// person has something to do, and nothing left unfilled.
    #[test]
    fn every_step_has_a_title_and_its_words_filled_in_both_languages() {
        let world = World::new(Status::Fail);
        for lang in Lang::ALL {
            for platform in Platform::ALL {
                let mut input = world.input(lang, platform);
                for with_domain in [true, false] {
                    if !with_domain {
                        input.domain = None;
                        input.report = None;
                    }
                    let content = build(&input);
                    assert_eq!(content.steps.len(), Step::ALL.len());
                    for step in &content.steps {
                        assert!(!step.title.trim().is_empty(), "{lang:?} {:?}", step.step);
                        let has_actions = !matches!(step.step, Step::Start | Step::Summary);
                        assert_eq!(!step.actions.is_empty(), has_actions, "{:?}", step.step);
                        for t in step.all_text() {
                            assert!(!t.contains('{') && !t.contains('…'), "{t}");
                        }
                        for a in step.actions.iter().filter(|a| !a.is_verified()) {
                            assert!(BY_HAND.contains(&a.id), "{} is not in BY_HAND", a.id);
                        }
                        let mut ids: Vec<_> = step.actions.iter().map(|a| a.id).collect();
                        ids.sort();
                        ids.dedup();
                        assert_eq!(ids.len(), step.actions.len(), "ids are unique");
                    }
                }
            }
        }
    }

    #[test]
    fn the_lockdown_actions_follow_the_platform_and_arc_only_when_chosen() {
        let world = World::new(Status::Pass);
        let input = world.input(Lang::En, Platform::Microsoft365);
        let content = build(&input);
        assert_eq!(
            lockdown_ids(&content),
            [
                "m365-inbound",
                "m365-inbound-ranges",
                "m365-inbound-reject",
                "m365-enhanced-filtering",
                "m365-outbound"
            ]
        );
        let l = content
            .step(Step::Lockdown)
            .unwrap()
            .lockdown
            .clone()
            .unwrap();
        // The ARC choice is offered, its step shown only once chosen.
        assert!(l.arc_label.is_some());
        let mut with_arc = world.input(Lang::En, Platform::Microsoft365);
        with_arc.lockdown.arc = true;
        assert!(lockdown_ids(&build(&with_arc)).contains(&"m365-arc"));
        assert_eq!(
            lockdown_ids(&build(&world.input(Lang::En, Platform::GoogleWorkspace))),
            ["google-gateway"]
        );
        assert_eq!(
            lockdown_ids(&build(&world.input(Lang::En, Platform::OwnServer))),
            ["server-rules"]
        );
    }

    #[test]
    fn lockdown_artefacts_are_there_when_the_ranges_are_known() {
        let world = World::new(Status::Pass);
        for platform in Platform::ALL {
            let content = build(&world.input(Lang::Fr, platform));
            let l = content
                .step(Step::Lockdown)
                .unwrap()
                .lockdown
                .clone()
                .unwrap();
            assert_eq!(l.ranges, ["198.51.100.0/24"]);
            assert!(
                l.ranges_source
                    .unwrap()
                    .contains("includespf.security-mail.net")
            );
            assert!(
                l.ask_support.is_none(),
                "no 'ask support' with ranges listed"
            );
            match platform {
                Platform::GoogleWorkspace => {
                    assert!(l.artefact.is_none());
                    assert_eq!(l.settings.len(), 4);
                    // Only the addresses are values to copy.
                    let copyable: Vec<_> = l.settings.iter().filter(|s| s.copyable).collect();
                    assert_eq!(copyable.len(), 1);
                    assert_eq!(copyable[0].value, "198.51.100.0/24");
                }
                _ => {
                    let artefact = l.artefact.unwrap().unwrap();
                    assert!(artefact.text.contains("198.51.100.0/24"), "{platform:?}");
                    assert!(artefact.file_name.contains("exemple.fr"));
                }
            }
        }
        // Without ranges: support is asked, nothing is generated.
        let mut input = world.input(Lang::Fr, Platform::OwnServer);
        input.lockdown.ranges = None;
        let l = build(&input).steps[6].lockdown.clone().unwrap();
        assert!(l.ranges.is_empty() && l.ask_support.is_some() && l.artefact.is_none());
    }

    #[test]
    fn without_a_smart_host_the_steps_say_what_to_type() {
        let world = World::new(Status::Pass);
        for lang in Lang::ALL {
            let mut input = world.input(lang, Platform::Microsoft365);
            input.lockdown.smart_host = None;
            let content = build(&input);
            let step = content.step(Step::Lockdown).unwrap();
            let outbound = step
                .actions
                .iter()
                .find(|a| a.id == "m365-outbound")
                .unwrap();
            assert!(!outbound.text.contains('…'), "{}", outbound.text);
            assert!(
                outbound
                    .text
                    .contains(world.provider.consoles.management.as_str())
            );
            let l = step.lockdown.as_ref().unwrap();
            assert!(l.artefact.is_none());
            assert!(!l.smart_host.as_ref().unwrap().literal);
        }
    }

    /// The note on whether SPF, DKIM and DMARC can wait is said once.
    #[test]
    fn the_dkim_note_of_the_platform_is_said_on_the_dkim_step_only() {
        let world = World::new(Status::Pass);
        let content = build(&world.input(Lang::En, Platform::Microsoft365));
        let note = crate::fl!(Lang::En, "gui-can-wait", platform = "Microsoft 365");
        let steps: Vec<Step> = content
            .steps
            .iter()
            .filter(|s| s.all_text().contains(&note.as_str()))
            .map(|s| s.step)
            .collect();
        assert_eq!(steps, [Step::Dkim]);
    }

    #[test]
    fn actions_are_ticked_by_dns_or_by_hand_and_say_which() {
        let mut world = World::new(Status::Pass);
        world.ticked.insert("dkim-enable".into());
        let content = build(&world.input(Lang::En, Platform::Microsoft365));
        let dkim = content.step(Step::Dkim).unwrap();
        let publish = dkim
            .actions
            .iter()
            .find(|a| a.id == "dkim-publish")
            .unwrap();
        assert!(publish.is_verified() && publish.is_ticked());
        assert!(
            publish
                .ticked_note
                .as_ref()
                .unwrap()
                .starts_with("verified at ")
        );
        let enable = dkim.actions.iter().find(|a| a.id == "dkim-enable").unwrap();
        assert_eq!(enable.ticked_note.as_deref(), Some("ticked by hand"));
        let generate = dkim
            .actions
            .iter()
            .find(|a| a.id == "dkim-generate")
            .unwrap();
        assert!(!generate.is_ticked() && generate.ticked_note.is_none());
        // A failing check leaves its action's box empty.
        let failing = World::new(Status::Fail);
        let content = build(&failing.input(Lang::En, Platform::Microsoft365));
        let spf = content.step(Step::Spf).unwrap();
        assert!(!spf.actions[0].is_ticked() && spf.actions[0].ticked_note.is_none());
    }
}

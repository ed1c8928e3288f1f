//! The lock-down step's content: the gateway's ranges and where they come
//! from, the smart host, what to configure on the platform, and the script
//! or rules generated from them.

use crate::domain::DomainName;
use crate::fl;
use crate::localize::text;
use crate::lockdown::firewall::Format;
use crate::lockdown::{self, GatewayRanges, Source};
use crate::platform::Platform;
use crate::step::Step;

use super::build::by_hand;
use super::{Fact, Input, StepContent};

/// What the admin chose or gave for the lock-down.
#[derive(Debug, Clone, Copy)]
pub struct LockdownInput<'a> {
    /// The ranges to use, when known and usable.
    pub ranges: Option<&'a GatewayRanges>,
    /// The smart host, when typed and valid.
    pub smart_host: Option<&'a DomainName>,
    /// Trust the gateway's ARC seals.
    pub arc: bool,
    pub format: Format,
}

impl LockdownInput<'_> {
    pub fn none() -> LockdownInput<'static> {
        LockdownInput {
            ranges: None,
            smart_host: None,
            arc: false,
            format: Format::Nftables,
        }
    }
}

/// A generated script or set of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artefact {
    /// The file name to save it under.
    pub file_name: String,
    pub text: String,
}

/// One Google Workspace setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// Stable id (the message id of its name), for the Copy button.
    pub id: &'static str,
    pub label: String,
    pub value: String,
    /// A value to type (the addresses); otherwise a box to tick, which is
    /// not copied.
    pub copyable: bool,
}

/// What the lock-down step shows beyond its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockdownContent {
    pub ranges_title: String,
    /// The ranges, one per line.
    pub ranges: Vec<String>,
    /// Where they come from; `None` when there are none.
    pub ranges_source: Option<String>,
    /// Said only while no usable range is known.
    pub ask_support: Option<String>,
    /// The platform's heading and its introduction.
    pub platform_title: String,
    pub platform_intro: Vec<String>,
    /// The smart host (Microsoft 365).
    pub smart_host: Option<Fact>,
    /// The ARC choice, in words (Microsoft 365 with a known sealer).
    pub arc_label: Option<String>,
    /// Google Workspace's settings.
    pub settings: Vec<Setting>,
    /// The format chosen for the rules, in words.
    pub format_name: Option<String>,
    /// The heading above the artefact.
    pub artefact_title: Option<String>,
    pub artefact: Option<Result<Artefact, String>>,
    /// What to do to make the artefact appear, when it cannot be made yet.
    pub artefact_missing: Option<String>,
    /// Heading of the numbered steps (the Exchange admin centre).
    pub steps_title: Option<String>,
    pub rollback_title: String,
}

impl LockdownContent {
    pub(super) fn all_text(&self) -> Vec<&str> {
        let mut out = vec![self.ranges_title.as_str(), self.platform_title.as_str()];
        out.extend(self.ranges.iter().map(String::as_str));
        out.extend(self.ranges_source.as_deref());
        out.extend(self.ask_support.as_deref());
        out.extend(self.platform_intro.iter().map(String::as_str));
        if let Some(f) = &self.smart_host {
            out.push(&f.label);
            out.push(&f.value);
        }
        out.extend(self.arc_label.as_deref());
        for s in &self.settings {
            out.push(&s.label);
            out.push(&s.value);
        }
        out.extend(self.format_name.as_deref());
        out.extend(self.artefact_title.as_deref());
        out.extend(self.artefact_missing.as_deref());
        out.extend(self.steps_title.as_deref());
        out.push(&self.rollback_title);
        out
    }
}

/// What the script or rules are made from.
pub struct ArtefactInput<'a> {
    pub domain: &'a DomainName,
    pub platform: Platform,
    pub provider: &'a crate::provider::Provider,
    pub lang: crate::localize::Lang,
    pub ranges: &'a lockdown::GatewayRanges,
    pub smart_host: Option<&'a DomainName>,
    pub arc: bool,
    pub format: lockdown::firewall::Format,
    pub today: chrono::NaiveDate,
}

/// The script (Microsoft 365) or rules (own server) for the platform, or
/// why it cannot be made; `None` while an input is missing (Google needs
/// no file). The one place both the window and the checklist get it from.
pub fn make(a: &ArtefactInput) -> Option<Result<Artefact, lockdown::microsoft::ScriptError>> {
    let gateway_mx = lockdown::guard::gateway_hosts(a.provider);
    match a.platform {
        Platform::Microsoft365 => {
            let smart_host = a.smart_host?;
            let arc = if a.arc {
                lockdown::arc_sealer(a.provider)
            } else {
                None
            };
            let script = lockdown::microsoft::script(&lockdown::microsoft::ScriptInput {
                domain: a.domain,
                smart_host,
                gateway_mx: &gateway_mx,
                ranges: a.ranges,
                arc_sealer: arc.as_ref(),
                support_email: &a.provider.support_email,
                date: a.today,
                lang: a.lang,
            });
            Some(script.map(|text| Artefact {
                file_name: format!("esm-exchange-online-{}.ps1", a.domain.ascii()),
                text,
            }))
        }
        Platform::GoogleWorkspace => None,
        Platform::OwnServer | Platform::Other => {
            let guard = lockdown::guard::MxGuard {
                domain: a.domain,
                gateway_mx: &gateway_mx,
            };
            Some(Ok(Artefact {
                file_name: format!(
                    "esm-{}-{}.{}",
                    a.format.id(),
                    a.domain.ascii(),
                    a.format.extension()
                ),
                text: lockdown::firewall::rules(
                    a.lang,
                    a.format,
                    &guard,
                    a.ranges,
                    &a.provider.support_email,
                ),
            }))
        }
    }
}

/// [`make`] from the content's input, its error in words.
pub fn artefact(input: &Input) -> Option<Result<Artefact, String>> {
    let made = make(&ArtefactInput {
        domain: input.domain?,
        platform: input.platform,
        provider: input.provider,
        lang: input.lang,
        ranges: input.lockdown.ranges?,
        smart_host: input.lockdown.smart_host,
        arc: input.lockdown.arc,
        format: input.lockdown.format,
        today: input.today,
    })?;
    Some(made.map_err(|e| crate::render::script_error(input.lang, &e)))
}

pub(super) fn step(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    let provider = input.provider;
    let ranges = input.lockdown.ranges;
    c.explanation.push(fl!(lang, "gui-lockdown-why"));
    let mut l = LockdownContent {
        ranges_title: fl!(lang, "lockdown-ranges-title"),
        ranges: ranges
            .map(|r| r.networks().iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
        ranges_source: ranges.map(|r| match r.source() {
            Source::Spf { include } => fl!(
                lang,
                "lockdown-ranges-derived",
                include = crate::safe_text::visible(include.as_str()).into_owned()
            ),
            Source::Support => fl!(lang, "lockdown-ranges-pasted"),
        }),
        ask_support: ranges.is_none().then(|| {
            fl!(
                lang,
                "gui-lockdown-ask",
                email = provider.support_email.as_str()
            )
        }),
        platform_title: String::new(),
        platform_intro: Vec::new(),
        smart_host: None,
        arc_label: None,
        settings: Vec::new(),
        format_name: None,
        artefact_title: None,
        artefact: artefact(input),
        artefact_missing: None,
        steps_title: None,
        rollback_title: fl!(lang, "rollback-title"),
    };
    match input.platform {
        Platform::Microsoft365 => microsoft(input, c, &mut l),
        Platform::GoogleWorkspace => google(input, c, &mut l),
        Platform::OwnServer | Platform::Other => server(input, c, &mut l),
    }
    c.rollback = crate::render::rollback_steps(lang, input.platform, provider.mx.ttl);
    c.lockdown = Some(l);
}

fn microsoft(input: &Input, c: &mut StepContent, l: &mut LockdownContent) {
    let lang = input.lang;
    let provider = input.provider;
    l.platform_title = fl!(lang, "lockdown-m365-title");
    l.platform_intro.push(fl!(lang, "lockdown-m365-intro"));
    c.notes.push(fl!(lang, "gui-m365-dns-trap"));
    let url = provider.consoles.management.as_str();
    l.smart_host = Some(match input.lockdown.smart_host {
        Some(host) => Fact {
            label: fl!(lang, "lockdown-smart-host-label"),
            value: host.ascii().to_string(),
            literal: true,
        },
        None => Fact {
            label: fl!(lang, "lockdown-smart-host-label"),
            value: fl!(lang, "lockdown-smart-host-hint", url = url),
            literal: false,
        },
    });
    let sealer = lockdown::arc_sealer(provider);
    l.arc_label = sealer
        .as_ref()
        .map(|d| fl!(lang, "lockdown-arc", domain = d.ascii()));
    l.artefact_title = Some(fl!(lang, "lockdown-script-title"));
    if l.artefact.is_none() {
        l.artefact_missing = Some(if input.lockdown.ranges.is_none() {
            fl!(lang, "lockdown-nothing-made")
        } else {
            fl!(lang, "lockdown-smart-host-needed")
        });
    }
    l.steps_title = Some(fl!(lang, "lockdown-eac-title"));
    let ranges = input
        .lockdown
        .ranges
        .and_then(|r| lockdown::microsoft::exchange_ranges(r).ok())
        .map(|r| {
            r.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        });
    let inbound = lockdown::microsoft::INBOUND;
    let outbound = lockdown::microsoft::OUTBOUND;
    let step = Step::Lockdown;
    // Without the ranges or the smart host, each step says where to find
    // them rather than leaving a blank to fill.
    let texts: Vec<(&'static str, String)> = vec![
        (
            "m365-inbound",
            fl!(lang, "lockdown-eac-1", inbound = inbound),
        ),
        (
            "m365-inbound-ranges",
            match ranges {
                Some(ranges) => fl!(lang, "lockdown-eac-2", ranges = ranges),
                None => fl!(
                    lang,
                    "lockdown-eac-2-no-ranges",
                    email = provider.support_email.as_str()
                ),
            },
        ),
        ("m365-inbound-reject", fl!(lang, "lockdown-eac-3")),
        (
            "m365-enhanced-filtering",
            fl!(lang, "lockdown-eac-4", inbound = inbound),
        ),
        (
            "m365-outbound",
            match input.lockdown.smart_host {
                Some(host) => fl!(
                    lang,
                    "lockdown-eac-5",
                    outbound = outbound,
                    host = host.ascii()
                ),
                None => fl!(
                    lang,
                    "lockdown-eac-5-no-host",
                    outbound = outbound,
                    url = url
                ),
            },
        ),
    ];
    for (id, text) in texts {
        c.actions.push(by_hand(input, step, id, text));
    }
    // The ARC step only when ARC was chosen.
    if input.lockdown.arc
        && let Some(d) = sealer
    {
        c.actions.push(by_hand(
            input,
            step,
            "m365-arc",
            fl!(lang, "lockdown-eac-6", domain = d.ascii()),
        ));
    }
}

fn google(input: &Input, c: &mut StepContent, l: &mut LockdownContent) {
    let lang = input.lang;
    l.platform_title = fl!(lang, "lockdown-google-title");
    c.where_to_go.push(fl!(lang, "lockdown-google-where"));
    c.hints.push(fl!(lang, "lockdown-google-note"));
    c.notes.push(fl!(lang, "lockdown-google-mx"));
    match input.lockdown.ranges {
        Some(ranges) => {
            l.settings = lockdown::google::settings(ranges)
                .into_iter()
                .map(|s| {
                    let on = s.value == "on";
                    Setting {
                        id: s.label,
                        label: text(lang, s.label, &[]).unwrap_or_default(),
                        value: if on {
                            fl!(lang, "lockdown-google-on")
                        } else {
                            s.value
                        },
                        copyable: !on,
                    }
                })
                .collect();
        }
        None => l.artefact_missing = Some(fl!(lang, "lockdown-nothing-made")),
    }
    c.actions.push(by_hand(
        input,
        Step::Lockdown,
        "google-gateway",
        fl!(lang, "action-google-gateway"),
    ));
}

fn server(input: &Input, c: &mut StepContent, l: &mut LockdownContent) {
    let lang = input.lang;
    l.platform_title = fl!(lang, "lockdown-server-title");
    l.platform_intro.push(fl!(lang, "gui-lockdown-how"));
    let format = input.lockdown.format;
    let name = text(lang, &format!("lockdown-format-{}", format.id()), &[]).unwrap_or_default();
    l.format_name = Some(name.clone());
    if l.artefact.is_none() {
        l.artefact_missing = Some(fl!(lang, "lockdown-nothing-made"));
    }
    c.actions.push(by_hand(
        input,
        Step::Lockdown,
        "server-rules",
        fl!(lang, "action-server-rules", format = name),
    ));
}

//! What the lock-down step holds: the gateway's ranges (read from DNS or
//! pasted from support), the smart host, the chosen firewall format, the
//! port 25 test, and the script or rules made from them. The script is made
//! here, when an input changes, so that drawing the step costs nothing.

use crate::localize::Lang;
use std::time::Duration;

use iced::Task;
use iced::widget::text_editor;

use crate::domain::{DomainError, DomainName};
use crate::lockdown::firewall::Format;
use crate::lockdown::microsoft::ScriptError;
use crate::lockdown::probe::Probe;
use crate::lockdown::ranges::{DeriveError, ListError};
use crate::lockdown::{self, GatewayRanges};
use crate::platform::Platform;
use crate::progress;
use crate::provider::Provider;

/// How long the port 25 test waits for each address.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub enum Message {
    /// The gateway's ranges were read from its SPF record (or why not).
    RangesDerived(Result<GatewayRanges, DeriveError>),
    /// The official list from support was edited.
    RangesEdited(text_editor::Action),
    /// The smart host field changed.
    SmartHostChanged(String),
    /// Trust the gateway's ARC seals, or not.
    ArcToggled(bool),
    /// A firewall format was chosen.
    FormatSelected(Format),
    /// The generated script was selected or scrolled.
    ArtefactAction(text_editor::Action),
    /// Save the generated script or rules.
    SaveArtefact,
    /// Try port 25 of the destination server.
    ProbePort25,
    /// The port test finished.
    Probed(Probe),
}

/// What the root does for the step: what the step cannot do alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Something kept between runs changed: save the progress.
    ProgressChanged,
    /// Save this file (name, content) where the admin chooses.
    SaveFile { name: String, content: String },
}

/// The port 25 test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeState {
    Running,
    Done(Probe),
}

/// What the script depends on outside the step.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub domain: Option<&'a DomainName>,
    pub platform: Platform,
    pub provider: &'a Provider,
    /// The destination server, as the port test tries it.
    pub destination: Option<&'a str>,
    pub smtp_port: u16,
    /// The language of the scripts' comments.
    pub lang: Lang,
}

/// A generated file: its name and its text.
pub type Artefact = (String, String);

pub struct Lockdown {
    /// The gateway's ranges from its SPF record; `None` until read.
    pub ranges_derived: Option<Result<GatewayRanges, DeriveError>>,
    pub ranges_editor: text_editor::Content,
    /// The last edit of the list was refused: it would have been longer
    /// than [`lockdown::ranges::MAX_LIST_BYTES`].
    pub ranges_too_long: bool,
    pub ranges_pasted: Option<Result<GatewayRanges, ListError>>,
    pub smart_host_input: String,
    pub arc: bool,
    pub firewall_format: Format,
    /// The generated script or rules, selectable.
    pub artefact: text_editor::Content,
    /// The script or rules made from the inputs; `None` while some are missing.
    made: Option<Result<Artefact, ScriptError>>,
    pub probe: Option<ProbeState>,
}

impl Lockdown {
    /// The step as saved: the support list and the smart host.
    pub fn new(ranges: &str, smart_host: &str) -> Lockdown {
        let mut step = Lockdown {
            ranges_derived: None,
            ranges_editor: text_editor::Content::with_text(ranges),
            ranges_too_long: false,
            ranges_pasted: None,
            smart_host_input: smart_host.to_string(),
            arc: false,
            firewall_format: Format::Nftables,
            artefact: text_editor::Content::new(),
            made: None,
            probe: None,
        };
        step.ranges_pasted = step.parse_ranges();
        step
    }

    pub fn update(
        &mut self,
        message: Message,
        inputs: Inputs<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let changed = Some(Event::ProgressChanged);
        match message {
            Message::RangesDerived(result) => {
                self.ranges_derived = Some(result);
                self.refresh(inputs);
                (Task::none(), None)
            }
            Message::RangesEdited(action) => {
                if !action.is_edit() {
                    self.ranges_editor.perform(action);
                    return (Task::none(), None);
                }
                let limit = usize::try_from(lockdown::ranges::MAX_LIST_BYTES).unwrap_or(usize::MAX);
                self.ranges_too_long =
                    !super::super::edit_within(&mut self.ranges_editor, action, limit);
                if self.ranges_too_long {
                    return (Task::none(), None);
                }
                self.ranges_pasted = self.parse_ranges();
                self.refresh(inputs);
                (Task::none(), changed)
            }
            // One-line fields take no more than a line can sensibly hold.
            Message::SmartHostChanged(text) if text.len() > progress::MAX_LINE_BYTES => {
                (Task::none(), None)
            }
            Message::SmartHostChanged(text) => {
                self.smart_host_input = text;
                self.refresh(inputs);
                (Task::none(), changed)
            }
            Message::ArcToggled(on) => {
                self.arc = on;
                self.refresh(inputs);
                (Task::none(), None)
            }
            Message::FormatSelected(format) => {
                self.firewall_format = format;
                self.refresh(inputs);
                (Task::none(), None)
            }
            Message::ArtefactAction(action) => {
                // The script can be selected and copied, never changed.
                if !action.is_edit() {
                    self.artefact.perform(action);
                }
                (Task::none(), None)
            }
            Message::SaveArtefact => match self.artefact_text() {
                Some(Ok((name, content))) => (
                    Task::none(),
                    Some(Event::SaveFile {
                        name: name.clone(),
                        content: content.clone(),
                    }),
                ),
                _ => (Task::none(), None),
            },
            Message::ProbePort25 => {
                let Some(host) = inputs.destination.map(str::to_string) else {
                    return (Task::none(), None);
                };
                self.probe = Some(ProbeState::Running);
                let port = inputs.smtp_port;
                let task = Task::perform(
                    async move { lockdown::probe::probe(&host, port, PROBE_TIMEOUT).await },
                    Message::Probed,
                );
                (task, None)
            }
            Message::Probed(result) => {
                self.probe = Some(ProbeState::Done(result));
                (Task::none(), None)
            }
        }
    }

    /// Reads the gateway's ranges once, when the step first opens.
    pub fn opened(
        &self,
        provider: &Provider,
        resolver: crate::dns::ResolverChoice,
    ) -> Task<Message> {
        if self.ranges_derived.is_some() {
            return Task::none();
        }
        let include = provider.spf.include.clone();
        let options = crate::dns::DnsOptions {
            resolver,
            ..crate::dns::DnsOptions::default()
        };
        Task::perform(
            async move { lockdown::ranges::derive_with(&options, &include).await },
            Message::RangesDerived,
        )
    }

    /// Forgets what was typed and tested ("Start over"); the ranges read
    /// from DNS stay, they are the gateway's, not the domain's.
    pub fn clear(&mut self, inputs: Inputs<'_>) {
        self.smart_host_input.clear();
        self.ranges_editor = text_editor::Content::new();
        self.ranges_too_long = false;
        self.ranges_pasted = None;
        self.probe = None;
        self.refresh(inputs);
    }

    fn parse_ranges(&self) -> Option<Result<GatewayRanges, ListError>> {
        let text = self.ranges_editor.text();
        (!text.trim().is_empty()).then(|| lockdown::ranges::parse_list(&text))
    }

    /// The ranges the generated artefacts use: support's list when one was
    /// pasted, else those read from DNS. A pasted list that cannot be used
    /// gives none: rules from another list than the admin's would mislead.
    pub fn gateway_ranges(&self) -> Option<&GatewayRanges> {
        match &self.ranges_pasted {
            Some(r) => r.as_ref().ok(),
            None => self.ranges_derived.as_ref().and_then(|r| r.as_ref().ok()),
        }
    }

    /// Whether the ranges to use were given or read but cannot be used:
    /// nothing is generated, and the step says why.
    pub fn ranges_refused(&self) -> bool {
        match &self.ranges_pasted {
            Some(r) => r.is_err(),
            None => matches!(self.ranges_derived, Some(Err(DeriveError::Refused { .. }))),
        }
    }

    /// The smart host typed, checked.
    pub fn smart_host(&self) -> Option<Result<DomainName, DomainError>> {
        let t = self.smart_host_input.trim();
        (!t.is_empty()).then(|| DomainName::parse_host(t))
    }

    /// The script or rules for the chosen platform, with its file name, or
    /// why it cannot be made; `None` while inputs are missing. Made when the
    /// inputs last changed, not here.
    pub fn artefact_text(&self) -> Option<Result<&Artefact, &ScriptError>> {
        self.made.as_ref().map(Result::as_ref)
    }

    /// Makes the script or rules again from the inputs. Called by every
    /// change of what they depend on, in this step or outside it.
    pub fn refresh(&mut self, inputs: Inputs<'_>) {
        self.made = self.make(inputs);
        let text = match &self.made {
            Some(Ok((_, text))) => text.as_str(),
            _ => "",
        };
        if self.artefact.text() != text {
            self.artefact = text_editor::Content::with_text(text);
        }
    }

    fn make(&self, inputs: Inputs<'_>) -> Option<Result<Artefact, ScriptError>> {
        let smart_host = self.smart_host().and_then(Result::ok);
        let made = crate::content::lockdown::make(&crate::content::lockdown::ArtefactInput {
            domain: inputs.domain?,
            platform: inputs.platform,
            provider: inputs.provider,
            lang: inputs.lang,
            ranges: self.gateway_ranges()?,
            smart_host: smart_host.as_ref(),
            arc: self.arc,
            format: self.firewall_format,
            today: chrono::Local::now().date_naive(),
        })?;
        Some(made.map(|a| (a.file_name, a.text)))
    }
}

//! What "Test with a real message" holds: for each direction, the headers
//! pasted or the `.eml` opened, the analysis under way, and its report;
//! and the proofs kept with the progress. The message is analysed off the
//! window's thread; the newest analysis of a direction only is kept.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::widget::text_editor;

use crate::check::{CheckId, CheckResult, Status};
use crate::dns::{DnsOptions, ResolverChoice};
use crate::domain::DomainName;
use crate::files::{self, Accept, ReadError};
use crate::lockdown::GatewayRanges;
use crate::message::proof::{Proof, Proofs};
use crate::message::{self, Direction, InputError, MAX_MESSAGE_BYTES, MessageReport, Setup};
use crate::platform::Platform;
use crate::provider::Provider;
use crate::tenant::{self, ReadbackError};

/// The most a paste may hold: a real header block is a few tens of KB.
pub const MAX_PASTE_BYTES: usize = 256 * 1024;

/// A file chosen and read: its name and bytes; `None` if cancelled.
pub type Picked = Option<Result<(String, Arc<Vec<u8>>), Arc<ReadError>>>;

#[derive(Debug, Clone)]
pub enum Message {
    /// Show the page (over the step it was opened from).
    Open,
    /// Back to the steps.
    Close,
    /// The headers box of a direction was edited.
    Edited(Direction, text_editor::Action),
    /// "Open an .eml file…".
    OpenFile(Direction),
    /// The file chosen was read (its name and bytes), `None` if cancelled.
    FileRead(Direction, Picked),
    /// "Check this message".
    Analyse(Direction),
    /// An analysis finished: its direction, its generation, what it found.
    Analysed(Direction, u64, Result<MessageReport, InputError>),
    /// "Clear": forget the message of a direction, and its proof.
    Clear(Direction),
    /// The mail client whose steps are shown.
    ClientSelected(&'static str),
    /// The tenant's read-back box was edited.
    TenantEdited(text_editor::Action),
    /// The read-back script was selected or scrolled.
    TenantScriptAction(text_editor::Action),
    /// "Open the saved file…" for the read-back.
    TenantOpenFile,
    /// The read-back file chosen was read.
    TenantFileRead(Picked),
    /// "Check the connectors".
    TenantCheck,
    /// Forget the read-back and its proof.
    TenantClear,
    /// Save the read-back script.
    SaveTenantScript,
}

/// What the root does for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The proofs changed: save the progress.
    ProofsChanged,
    /// A message proved (`true`) or disproved the destination saved in
    /// the console: the step is confirmed, or no longer.
    Destination(bool),
    /// Save this file (name, content) where the admin chooses.
    SaveFile { name: String, content: String },
}

/// Where the message of a direction comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Typed or pasted in the box.
    Pasted,
    /// A file opened: its name and size; its bytes are kept out of the
    /// box, which could not lay out 25 MB.
    File { name: String, bytes: Arc<Vec<u8>> },
}

/// What was given for a part: the box's text, or a file opened in its
/// place, and why a file could not be read.
pub struct Given {
    pub editor: text_editor::Content,
    pub source: Source,
    pub file_error: Option<Arc<ReadError>>,
}

impl Given {
    fn new() -> Given {
        Given {
            editor: text_editor::Content::new(),
            source: Source::Pasted,
            file_error: None,
        }
    }

    /// Whether there is something to read.
    pub fn has_input(&self) -> bool {
        match &self.source {
            Source::File { .. } => true,
            Source::Pasted => !self.editor.text().trim().is_empty(),
        }
    }

    /// The file's bytes, or the box's text.
    fn bytes(&self) -> Arc<Vec<u8>> {
        match &self.source {
            Source::File { bytes, .. } => bytes.clone(),
            Source::Pasted => Arc::new(self.editor.text().into_bytes()),
        }
    }

    /// An action in the box: `None` when it only moved or selected;
    /// `Some(false)` when an edit was refused, the text then over `limit`
    /// bytes. Typing replaces an opened file.
    fn edit(&mut self, action: text_editor::Action, limit: usize) -> Option<bool> {
        if !action.is_edit() {
            self.editor.perform(action);
            return None;
        }
        self.source = Source::Pasted;
        self.file_error = None;
        Some(super::super::edit_within(&mut self.editor, action, limit))
    }

    /// A file chosen and read: `true` when its bytes now stand in the
    /// box's place.
    fn file_read(&mut self, picked: Picked) -> bool {
        match picked {
            None => false,
            Some(Err(e)) => {
                self.file_error = Some(e);
                false
            }
            Some(Ok((name, bytes))) => {
                *self = Given::new();
                self.source = Source::File { name, bytes };
                true
            }
        }
    }
}

/// One direction's box and result.
pub struct Side {
    pub given: Given,
    pub analysing: bool,
    generation: u64,
    /// The last report, with its problems, for this session.
    pub report: Option<MessageReport>,
    /// Why the last input could not be read as a message.
    pub refused: Option<InputError>,
}

impl Side {
    fn new() -> Side {
        Side {
            given: Given::new(),
            analysing: false,
            generation: 0,
            report: None,
            refused: None,
        }
    }
}

/// The Microsoft 365 tenant's read-back: the script to run, the box for
/// what it printed, and the checks made of it.
pub struct Tenant {
    /// The script, selectable; made when the page opens.
    pub script: text_editor::Content,
    /// Its file name and text, for Copy and Save.
    pub script_file: Option<(String, String)>,
    pub given: Given,
    pub checks: Option<Vec<CheckResult>>,
    pub refused: Option<ReadbackError>,
}

impl Tenant {
    fn new() -> Tenant {
        Tenant {
            script: text_editor::Content::new(),
            script_file: None,
            given: Given::new(),
            checks: None,
            refused: None,
        }
    }
}

/// What an analysis depends on outside the page.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub domain: Option<&'a DomainName>,
    pub lang: crate::localize::Lang,
    /// The gateway's smart host, as typed on the lock-down step.
    pub smart_host: Option<&'a DomainName>,
    pub platform: Platform,
    pub provider: &'a Provider,
    pub destination: Option<&'a str>,
    pub ranges: Option<&'a GatewayRanges>,
    pub resolver: &'a ResolverChoice,
    /// Open files straight from this folder's `message.eml` (tests).
    pub forced_file: Option<&'a PathBuf>,
}

pub struct TestMail {
    /// The page is shown.
    pub open: bool,
    pub inbound: Side,
    pub outbound: Side,
    pub client: &'static str,
    pub tenant: Tenant,
    /// The proofs kept with the progress.
    pub proofs: Proofs,
}

impl TestMail {
    pub fn new(proofs: Proofs) -> TestMail {
        TestMail {
            open: false,
            inbound: Side::new(),
            outbound: Side::new(),
            client: crate::content::testmail::CLIENTS[0],
            tenant: Tenant::new(),
            proofs,
        }
    }

    pub fn side(&self, direction: Direction) -> &Side {
        match direction {
            Direction::Inbound => &self.inbound,
            Direction::Outbound => &self.outbound,
        }
    }

    fn side_mut(&mut self, direction: Direction) -> &mut Side {
        match direction {
            Direction::Inbound => &mut self.inbound,
            Direction::Outbound => &mut self.outbound,
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        inputs: Inputs<'_>,
    ) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Open => {
                self.open = true;
                self.refresh_script(inputs.domain, inputs.lang);
                (Task::none(), None)
            }
            Message::Close => {
                self.open = false;
                (Task::none(), None)
            }
            Message::Edited(direction, action) => {
                let side = self.side_mut(direction);
                if let Some(made) = side.given.edit(action, MAX_PASTE_BYTES) {
                    side.refused = (!made).then_some(InputError::HeadersTooLarge {
                        limit: MAX_PASTE_BYTES,
                    });
                }
                (Task::none(), None)
            }
            Message::OpenFile(direction) => {
                let forced = inputs.forced_file.cloned();
                let limit = u64::try_from(MAX_MESSAGE_BYTES).unwrap_or(u64::MAX);
                (
                    Task::perform(pick_and_read(forced, limit), move |r| {
                        Message::FileRead(direction, r)
                    }),
                    None,
                )
            }
            Message::FileRead(direction, picked) => {
                let side = self.side_mut(direction);
                if !side.given.file_read(picked) {
                    return (Task::none(), None);
                }
                side.refused = None;
                self.analyse(direction, inputs)
            }
            Message::Analyse(direction) => self.analyse(direction, inputs),
            Message::Analysed(direction, generation, result) => {
                self.analysed(direction, generation, result, inputs)
            }
            Message::Clear(direction) => {
                *self.side_mut(direction) = Side::new();
                self.proofs.set(direction, None);
                (Task::none(), Some(Event::ProofsChanged))
            }
            Message::TenantEdited(action) => {
                let t = &mut self.tenant;
                if let Some(made) = t.given.edit(action, tenant::MAX_READBACK_BYTES) {
                    t.refused = (!made).then_some(ReadbackError::TooLarge {
                        size: tenant::MAX_READBACK_BYTES + 1,
                        limit: tenant::MAX_READBACK_BYTES,
                    });
                }
                (Task::none(), None)
            }
            Message::TenantScriptAction(action) => {
                // The script can be selected and copied, never changed.
                if !action.is_edit() {
                    self.tenant.script.perform(action);
                }
                (Task::none(), None)
            }
            Message::TenantOpenFile => {
                let forced = inputs.forced_file.cloned();
                let limit = u64::try_from(tenant::MAX_READBACK_BYTES).unwrap_or(u64::MAX);
                (
                    Task::perform(pick_and_read(forced, limit), Message::TenantFileRead),
                    None,
                )
            }
            Message::TenantFileRead(picked) => {
                if !self.tenant.given.file_read(picked) {
                    return (Task::none(), None);
                }
                self.tenant.refused = None;
                self.check_tenant(inputs)
            }
            Message::TenantCheck => self.check_tenant(inputs),
            Message::TenantClear => {
                let script =
                    std::mem::replace(&mut self.tenant.script, text_editor::Content::new());
                let file = self.tenant.script_file.take();
                self.tenant = Tenant::new();
                self.tenant.script = script;
                self.tenant.script_file = file;
                self.proofs.tenant = None;
                (Task::none(), Some(Event::ProofsChanged))
            }
            Message::SaveTenantScript => match &self.tenant.script_file {
                Some((name, content)) => (
                    Task::none(),
                    Some(Event::SaveFile {
                        name: name.clone(),
                        content: content.clone(),
                    }),
                ),
                None => (Task::none(), None),
            },
            Message::ClientSelected(id) => {
                if let Some(known) = crate::content::testmail::CLIENTS.iter().find(|c| **c == id) {
                    self.client = known;
                }
                (Task::none(), None)
            }
        }
    }

    fn analyse(
        &mut self,
        direction: Direction,
        inputs: Inputs<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let Some(domain) = inputs.domain else {
            return (Task::none(), None);
        };
        let side = self.side_mut(direction);
        if !side.given.has_input() {
            return (Task::none(), None);
        }
        side.generation += 1;
        side.analysing = true;
        side.refused = None;
        let generation = side.generation;
        let bytes = side.given.bytes();
        let mut setup = Setup::new(inputs.platform, inputs.provider.clone());
        setup.domain = Some(domain.clone());
        setup.direction = Some(direction);
        setup.destination = inputs.destination.map(str::to_string);
        setup.ranges = inputs.ranges.cloned();
        let options = DnsOptions {
            resolver: inputs.resolver.clone(),
            ..DnsOptions::default()
        };
        let task = Task::perform(
            async move { analyse(bytes, setup, options).await },
            move |r| Message::Analysed(direction, generation, r),
        );
        (task, None)
    }

    fn analysed(
        &mut self,
        direction: Direction,
        generation: u64,
        result: Result<MessageReport, InputError>,
        inputs: Inputs<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let side = self.side_mut(direction);
        if generation != side.generation {
            return (Task::none(), None);
        }
        side.analysing = false;
        match result {
            Err(e) => {
                side.refused = Some(e);
                side.report = None;
                (Task::none(), None)
            }
            Ok(report) => {
                let proof = Proof::new(&report, inputs.platform, chrono::Local::now());
                let event = match proof.status(CheckId::MessageInboundDestination) {
                    Some(Status::Pass) => Event::Destination(true),
                    Some(Status::Fail) => Event::Destination(false),
                    _ => Event::ProofsChanged,
                };
                side.report = Some(report);
                self.proofs.set(direction, Some(proof));
                (Task::none(), Some(event))
            }
        }
    }

    /// Makes the read-back script again: for the domain, with comments in
    /// the window's language.
    pub fn refresh_script(&mut self, domain: Option<&DomainName>, lang: crate::localize::Lang) {
        let text = tenant::readback_script(&tenant::ReadbackInput { domain, lang });
        let name = match domain {
            Some(d) => format!("esm-tenant-readback-{}.ps1", d.ascii()),
            None => "esm-tenant-readback.ps1".to_string(),
        };
        if self.tenant.script.text() != text {
            self.tenant.script = text_editor::Content::with_text(&text);
        }
        self.tenant.script_file = Some((name, text));
    }

    /// Reads the tenant's read-back and checks it: no lookup, at once.
    fn check_tenant(&mut self, inputs: Inputs<'_>) -> (Task<Message>, Option<Event>) {
        let Some(domain) = inputs.domain else {
            return (Task::none(), None);
        };
        let t = &mut self.tenant;
        let pasted;
        let text = match &t.given.source {
            Source::File { bytes, .. } => tenant::text_of(bytes),
            Source::Pasted => {
                pasted = t.given.editor.text();
                Ok(pasted.as_str())
            }
        };
        let setup = tenant::TenantSetup {
            smart_host: inputs.smart_host.cloned(),
            ranges: inputs.ranges.cloned(),
        };
        match text.and_then(tenant::parse) {
            Err(e) => {
                t.refused = Some(e);
                t.checks = None;
                (Task::none(), None)
            }
            Ok(readback) => {
                let checks = tenant::checks(&readback, &setup);
                self.proofs.tenant = Some(Proof::of_tenant(
                    domain.ascii(),
                    &checks,
                    chrono::Local::now(),
                ));
                t.refused = None;
                t.checks = Some(checks);
                (Task::none(), Some(Event::ProofsChanged))
            }
        }
    }

    /// Forgets every message and proof ("Start over").
    pub fn clear(&mut self) {
        *self = TestMail::new(Proofs::default());
    }
}

/// Analyses a message with the window's resolver. Without a resolver the
/// checks that need DNS say they could not be made.
async fn analyse(
    bytes: Arc<Vec<u8>>,
    setup: Setup,
    options: DnsOptions,
) -> Result<MessageReport, InputError> {
    let domain = setup
        .domain
        .as_ref()
        .map_or(String::new(), |d| d.ascii().to_string());
    let Ok(dns) = crate::gui::checking::resolver_or_none(&domain, options).await else {
        // Nothing can be looked up: what the headers alone show.
        return message::analyse_offline(&bytes, &setup);
    };
    message::analyse(&bytes, &setup, &dns).await
}

/// Asks for a file (a message's `.eml`, the read-back's text) and reads
/// it, within `limit` bytes.
async fn pick_and_read(forced: Option<PathBuf>, limit: u64) -> Picked {
    let path = match forced {
        Some(path) => path,
        None if crate::gui::export::dialog_available() => rfd::AsyncFileDialog::new()
            .add_filter("eml, txt", &["eml", "txt"])
            .pick_file()
            .await?
            .path()
            .to_path_buf(),
        None => return None,
    };
    let name = path
        .file_name()
        .map(|n| crate::safe_text::visible(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    // Reading 25 MB is not for the window's thread.
    let read =
        tokio::task::spawn_blocking(move || files::read_limited(&path, limit, Accept::Files))
            .await
            .unwrap_or(Err(ReadError::NotAFile));
    Some(read.map(|bytes| (name, Arc::new(bytes))).map_err(Arc::new))
}

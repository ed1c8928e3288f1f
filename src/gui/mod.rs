//! The assistant's window: a stepper over the onboarding guide, every record
//! ready to copy, every step verified live.
//!
//! State changes only in [`App::update`]; DNS checks, saving and timers are
//! Tasks and Subscriptions; [`App::view`] is a pure function of the state.

mod clipboard;
pub mod export;
pub mod identity;
mod steps;
mod style;
mod widgets;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use iced::widget::text_editor;
use iced::{Element, Size, Subscription, Task, keyboard};

pub use crate::step::Step;
pub use clipboard::Clipboard;
pub use widgets::{copy_id, value_key};

use crate::check::propagation::{self, PropagationView};
use crate::check::{self, CheckInput, Destination, Report};
use crate::dkim::{self, ConsoleKey, InvalidKey};
use crate::dns::{Dns, DnsOptions, QType, ResolverChoice, ZoneServers};
use crate::domain::{DomainError, DomainName};
use crate::localize::Lang;
use crate::lockdown;
use crate::platform::Platform;
use crate::progress::{self, Loaded, Progress};
use crate::provider::{Provider, PublicResolver};
use crate::records::{self, Publication};

/// How often a step that is not all green checks again by itself.
pub const RECHECK_EVERY: Duration = Duration::from_secs(20);
/// How long "Copied" stays on screen.
const COPIED_FOR: Duration = Duration::from_secs(2);
/// Quiet time after typing before a field is checked.
const TYPING_PAUSE: Duration = Duration::from_millis(800);

/// What the window is started with.
#[derive(Debug, Clone)]
pub struct Options {
    pub resolver: ResolverChoice,
    pub provider: Provider,
    /// Language forced on the command line; else the saved one, else the system's.
    pub lang: Option<Lang>,
    /// Folder of the saved progress; `None` keeps nothing.
    pub config_dir: Option<PathBuf>,
    /// Use an in-memory clipboard (tests).
    pub memory_clipboard: bool,
    /// Force a theme; `None` follows the system's light or dark setting.
    pub theme: Option<iced::Theme>,
    /// Save exports straight into this folder, without a dialog (tests).
    pub export_dir: Option<PathBuf>,
    /// The port the lock-down test tries (25; tests change it).
    pub smtp_port: u16,
    /// The resolvers the MX step compares with the domain's own servers;
    /// `None` takes the profile's public ones, and only when the system's
    /// resolver is used (a given resolver means development or tests).
    pub propagation_resolvers: Option<Vec<PublicResolver>>,
    /// Ask the domain's own name servers even with a given resolver (the
    /// window always does with the system's).
    pub authoritative: bool,
}

impl Options {
    pub fn new(resolver: ResolverChoice, provider: Provider) -> Options {
        Options {
            resolver,
            provider,
            lang: None,
            config_dir: progress::default_dir(),
            memory_clipboard: false,
            theme: None,
            export_dir: None,
            smtp_port: 25,
            propagation_resolvers: None,
            authoritative: false,
        }
    }
}

/// What one check run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The domain (ASCII) this is about.
    pub domain: String,
    pub report: Report,
    pub publication: Publication,
    pub name_servers: Vec<String>,
    pub dns_host: Option<&'static str>,
    /// The platform's own DKIM selectors found published.
    pub existing_dkim: Vec<String>,
    /// The domain's own name servers, kept for the next check.
    pub zone_servers: Option<ZoneServers>,
    /// The MX records as the domain's servers and resolvers see them; `None`
    /// outside authoritative mode.
    pub propagation: Option<PropagationView>,
}

/// A notice shown above the content until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The saved progress could not be used and was moved aside.
    ProgressMovedAside {
        moved_to: PathBuf,
        problem: progress::LoadProblem,
    },
    /// The saved progress could not be used and is still where it was:
    /// nothing is saved this session, so that it is not overwritten.
    ProgressLeftInPlace {
        path: PathBuf,
        problem: progress::LoadProblem,
        move_error: Option<String>,
    },
    /// The progress could not be saved.
    SaveFailed(String),
}

#[derive(Debug, Clone)]
pub enum Message {
    /// The language was chosen.
    LangSelected(Lang),
    /// The domain field changed.
    DomainChanged(String),
    /// The mail platform was chosen.
    PlatformSelected(Platform),
    /// The destination server field changed.
    DestinationChanged(String),
    /// The proposed destination server was accepted.
    UseSuggestedDestination,
    /// The DKIM key field was edited.
    DkimKeyEdited(text_editor::Action),
    /// A read-only value was selected or scrolled (key of the value).
    ValueAction(String, text_editor::Action),
    /// A step of the step list was opened.
    GoTo(Step),
    /// "Next".
    Next,
    /// "Back".
    Back,
    /// A step was marked done (or not) by hand.
    MarkDone(Step, bool),
    /// "Check now".
    CheckNow,
    /// Typing paused in a field: check it if nothing was typed since.
    TypingPaused(u64),
    /// A check run finished (its generation, and what it found).
    Checked(u64, Box<Outcome>),
    /// Time to check a step that is not all green again.
    Recheck,
    /// A second passed (refreshes "checked 12 s ago" and the spinner).
    Tick(Instant),
    /// Copy a value to the clipboard; the key names the button.
    Copy { key: String, value: String },
    /// The "Copied" confirmation has been seen long enough.
    CopiedShown(u64),
    /// Show or hide the records' full names.
    ToggleFullNames,
    /// "Start over" was pressed: ask for confirmation.
    StartOver,
    /// The answer to "Start over?".
    ConfirmStartOver(bool),
    /// The progress was saved (or not).
    Saved(Result<(), String>),
    /// The window's close button was pressed.
    CloseRequested,
    /// Close the notice.
    DismissNotice,
    /// Tab or Shift+Tab.
    FocusNext(bool),
    /// Save the checklist (PDF) or the records (zone file, text).
    Export(export::Kind),
    /// A save finished: the file written, `None` if cancelled, or the error.
    Exported(Result<Option<export::Saved>, String>),
    /// Copy every record to publish, as zone-file lines.
    CopyAllRecords,
    /// Close the message about the last save.
    DismissExport,
    /// The gateway's ranges were read from its SPF record (or why not).
    RangesDerived(Result<lockdown::GatewayRanges, lockdown::ranges::DeriveError>),
    /// The official list from support was edited.
    RangesEdited(text_editor::Action),
    /// The smart host field changed.
    SmartHostChanged(String),
    /// Trust the gateway's ARC seals, or not.
    ArcToggled(bool),
    /// A firewall format was chosen.
    FormatSelected(lockdown::firewall::Format),
    /// The generated script was selected or scrolled.
    ArtefactAction(text_editor::Action),
    /// Save the generated script or rules.
    SaveArtefact,
    /// Try port 25 of the destination server.
    ProbePort25,
    /// The port test finished.
    Probed(lockdown::probe::Probe),
}

/// The port 25 test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeState {
    Running,
    Done(lockdown::probe::Probe),
}

/// Where a save stands, shown until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStatus {
    Saving,
    Saved(export::Saved),
    Failed(String),
}

/// The assistant's state.
pub struct App {
    options: Options,
    pub lang: Lang,
    pub step: Step,
    pub domain_input: String,
    pub domain: Result<DomainName, DomainError>,
    pub platform: Platform,
    pub destination_input: String,
    pub dkim_editor: text_editor::Content,
    pub dkim_key: Option<Result<ConsoleKey, InvalidKey>>,
    /// The last edit of the key was refused: the key would have been longer
    /// than [`dkim::MAX_KEY_BYTES`].
    pub dkim_too_long: bool,
    pub done: BTreeSet<Step>,
    pub outcome: Option<Outcome>,
    pub checking: bool,
    generation: u64,
    typing: u64,
    pub checked_at: Option<Instant>,
    pub checked_at_wall: Option<chrono::DateTime<chrono::Local>>,
    pub check_started: Instant,
    pub now: Instant,
    pub clipboard: Clipboard,
    pub copied: Option<(String, u64)>,
    copies: u64,
    pub copy_error: Option<String>,
    pub show_full_names: bool,
    pub values: HashMap<String, text_editor::Content>,
    /// Where the progress is saved; `None` saves nothing.
    store: Option<Arc<progress::Store>>,
    /// The number of the newest state given to a save.
    save_number: u64,
    /// A save is under way; at most one is.
    saving: bool,
    /// The state changed while a save was under way: save again when it ends.
    save_dirty: bool,
    /// Saving when the window was closed failed, and the admin was told:
    /// closing again closes.
    close_anyway: bool,
    pub notice: Option<Notice>,
    pub confirm_start_over: bool,
    pub export: Option<ExportStatus>,
    /// The gateway's ranges from its SPF record; `None` until read.
    pub ranges_derived: Option<Result<lockdown::GatewayRanges, lockdown::ranges::DeriveError>>,
    pub ranges_editor: text_editor::Content,
    /// The last edit of the list was refused: it would have been longer
    /// than [`lockdown::ranges::MAX_LIST_BYTES`].
    pub ranges_too_long: bool,
    pub ranges_pasted: Option<Result<lockdown::GatewayRanges, lockdown::ranges::ListError>>,
    pub smart_host_input: String,
    pub arc: bool,
    pub firewall_format: lockdown::firewall::Format,
    /// The generated script or rules, selectable.
    pub artefact: text_editor::Content,
    pub probe: Option<ProbeState>,
    /// The domain's name servers found by the last check: re-checks ask
    /// them without looking for them again.
    pub known_servers: Option<ZoneServers>,
    /// The old MX records as the domain's servers last gave them before
    /// the switch, for the domain they were seen for: they bound how long
    /// caches not asked may keep them.
    pub old_mx: Option<(String, propagation::OldRecords)>,
}

impl App {
    /// The state at start: saved progress restored, first checks started.
    pub fn new(options: Options) -> (App, Task<Message>) {
        let mut progress_path = options.config_dir.as_deref().map(progress::file_in);
        let (saved, notice) = match progress_path.as_deref().map(progress::load) {
            Some(Loaded::Restored(p)) => (p.made_visible(), None),
            Some(Loaded::MovedAside { moved_to, problem }) => (
                Progress::default(),
                Some(Notice::ProgressMovedAside { moved_to, problem }),
            ),
            Some(Loaded::LeftInPlace {
                path,
                problem,
                move_error,
            }) => {
                // Saving would replace the file that could not be read.
                progress_path = None;
                (
                    Progress::default(),
                    Some(Notice::ProgressLeftInPlace {
                        path,
                        problem,
                        move_error,
                    }),
                )
            }
            Some(Loaded::Fresh) | None => (Progress::default(), None),
        };
        let lang = options
            .lang
            .or(saved.lang)
            .unwrap_or_else(Lang::from_system);
        let clipboard = if options.memory_clipboard {
            Clipboard::Memory(String::new())
        } else {
            Clipboard::system()
        };
        let mut app = App {
            lang,
            step: Step::from_id(&saved.step).unwrap_or_default(),
            domain: DomainName::parse(&saved.domain),
            domain_input: saved.domain.clone(),
            platform: saved.platform,
            destination_input: saved.destination.clone(),
            dkim_editor: text_editor::Content::with_text(&saved.dkim_key),
            dkim_key: None,
            dkim_too_long: false,
            done: saved
                .done
                .iter()
                .filter_map(|id| Step::from_id(id))
                .collect(),
            outcome: None,
            checking: false,
            generation: 0,
            typing: 0,
            checked_at: None,
            checked_at_wall: None,
            check_started: Instant::now(),
            now: Instant::now(),
            clipboard,
            copied: None,
            copies: 0,
            copy_error: None,
            show_full_names: false,
            values: HashMap::new(),
            store: progress_path.map(|p| Arc::new(progress::Store::new(p))),
            save_number: 0,
            saving: false,
            save_dirty: false,
            close_anyway: false,
            notice,
            confirm_start_over: false,
            export: None,
            ranges_derived: None,
            ranges_editor: text_editor::Content::with_text(&saved.ranges),
            ranges_too_long: false,
            ranges_pasted: None,
            smart_host_input: saved.smart_host.clone(),
            arc: false,
            firewall_format: lockdown::firewall::Format::Nftables,
            artefact: text_editor::Content::new(),
            probe: None,
            known_servers: None,
            old_mx: None,
            options,
        };
        app.dkim_key = app.parse_dkim_key();
        app.ranges_pasted = app.parse_ranges();
        if app.domain.is_err() {
            app.step = Step::Start;
        }
        let task = Task::batch([app.start_check(), app.step_opened()]);
        app.refresh_artefact();
        (app, task)
    }

    pub fn title(&self) -> String {
        let name = crate::fl!(self.lang, "app-name");
        match &self.domain {
            Ok(d) => format!("{name} — {d}"),
            Err(_) => name,
        }
    }

    /// The forced theme, or `None` to follow the system.
    pub fn theme(&self) -> Option<iced::Theme> {
        self.options.theme.clone()
    }

    pub fn provider(&self) -> &Provider {
        &self.options.provider
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::LangSelected(lang) => self.set_lang(lang),
            Message::DomainChanged(text) => self.set_domain(text),
            Message::PlatformSelected(p) => self.set_platform(p),
            Message::DestinationChanged(text) => self.set_destination(text),
            Message::UseSuggestedDestination => self.use_suggested_destination(),
            Message::DkimKeyEdited(action) => self.edit_dkim_key(action),
            Message::ValueAction(key, action) => self.value_action(&key, action),
            Message::GoTo(step) => self.go_to(step),
            Message::Next => self.step.next().map_or(Task::none(), |s| self.go_to(s)),
            Message::Back => self.step.previous().map_or(Task::none(), |s| self.go_to(s)),
            Message::MarkDone(step, done) => self.mark_done(step, done),
            Message::CheckNow | Message::Recheck => self.start_check(),
            Message::TypingPaused(n) => self.typing_paused(n),
            Message::Checked(generation, outcome) => self.checked(generation, *outcome),
            Message::Tick(now) => {
                self.now = now;
                Task::none()
            }
            Message::Copy { key, value } => self.copy(key, &value),
            Message::CopiedShown(n) => {
                if self.copied.as_ref().is_some_and(|(_, c)| *c == n) {
                    self.copied = None;
                }
                Task::none()
            }
            Message::ToggleFullNames => {
                self.show_full_names = !self.show_full_names;
                Task::none()
            }
            Message::StartOver => {
                self.confirm_start_over = true;
                Task::none()
            }
            Message::ConfirmStartOver(yes) => self.start_over(yes),
            Message::Saved(result) => {
                self.saving = false;
                if let Err(e) = result {
                    self.notice = Some(Notice::SaveFailed(e));
                }
                if self.save_dirty {
                    return self.start_save();
                }
                Task::none()
            }
            Message::CloseRequested => self.close(),
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::Export(kind) => self.start_export(kind),
            Message::Exported(result) => {
                self.export = match result {
                    Ok(Some(saved)) => Some(ExportStatus::Saved(saved)),
                    Ok(None) => None,
                    Err(e) => Some(ExportStatus::Failed(e)),
                };
                Task::none()
            }
            Message::DismissExport => {
                self.export = None;
                Task::none()
            }
            Message::CopyAllRecords => match self.current_outcome() {
                Some(o) => {
                    let zone = o.publication.to_zone(self.lang);
                    self.copy("all-records".into(), &zone)
                }
                None => Task::none(),
            },
            Message::RangesDerived(result) => {
                self.ranges_derived = Some(result);
                self.refresh_artefact();
                Task::none()
            }
            Message::RangesEdited(action) => {
                if !action.is_edit() {
                    self.ranges_editor.perform(action);
                    return Task::none();
                }
                let limit = usize::try_from(lockdown::ranges::MAX_LIST_BYTES).unwrap_or(usize::MAX);
                self.ranges_too_long = !edit_within(&mut self.ranges_editor, action, limit);
                if !self.ranges_too_long {
                    self.ranges_pasted = self.parse_ranges();
                    self.refresh_artefact();
                    return self.save();
                }
                Task::none()
            }
            // One-line fields take no more than a line can sensibly hold.
            Message::SmartHostChanged(text) if text.len() > progress::MAX_LINE_BYTES => {
                Task::none()
            }
            Message::SmartHostChanged(text) => {
                self.smart_host_input = text;
                self.refresh_artefact();
                self.save()
            }
            Message::ArcToggled(on) => {
                self.arc = on;
                self.refresh_artefact();
                Task::none()
            }
            Message::FormatSelected(format) => {
                self.firewall_format = format;
                self.refresh_artefact();
                Task::none()
            }
            Message::ArtefactAction(action) => {
                if !action.is_edit() {
                    self.artefact.perform(action);
                }
                Task::none()
            }
            Message::SaveArtefact => self.save_artefact(),
            Message::ProbePort25 => self.probe_port25(),
            Message::Probed(result) => {
                self.probe = Some(ProbeState::Done(result));
                Task::none()
            }
            Message::FocusNext(backwards) => {
                if backwards {
                    iced::widget::operation::focus_previous()
                } else {
                    iced::widget::operation::focus_next()
                }
            }
        }
    }

    fn set_lang(&mut self, lang: Lang) -> Task<Message> {
        self.lang = lang;
        self.save()
    }

    fn set_domain(&mut self, text: String) -> Task<Message> {
        if text.len() > progress::MAX_LINE_BYTES {
            return Task::none();
        }
        self.domain = DomainName::parse(&text);
        self.domain_input = text;
        self.refresh_artefact();
        Task::batch([self.save(), self.after_typing()])
    }

    fn set_platform(&mut self, platform: Platform) -> Task<Message> {
        self.platform = platform;
        self.refresh_artefact();
        Task::batch([self.save(), self.start_check()])
    }

    fn set_destination(&mut self, text: String) -> Task<Message> {
        if text.len() > progress::MAX_LINE_BYTES {
            return Task::none();
        }
        self.destination_input = text;
        Task::batch([self.save(), self.after_typing()])
    }

    fn use_suggested_destination(&mut self) -> Task<Message> {
        match self.suggested_destination() {
            Some(s) => {
                self.destination_input = s;
                Task::batch([self.save(), self.start_check()])
            }
            None => Task::none(),
        }
    }

    fn edit_dkim_key(&mut self, action: text_editor::Action) -> Task<Message> {
        let edit = action.is_edit();
        let limit = usize::try_from(dkim::MAX_KEY_BYTES).unwrap_or(usize::MAX);
        if !edit {
            self.dkim_editor.perform(action);
            return Task::none();
        }
        self.dkim_too_long = !edit_within(&mut self.dkim_editor, action, limit);
        if self.dkim_too_long {
            return Task::none();
        }
        self.dkim_key = self.parse_dkim_key();
        Task::batch([self.save(), self.after_typing()])
    }

    fn value_action(&mut self, key: &str, action: text_editor::Action) -> Task<Message> {
        // Values can be selected and copied, never changed.
        if !action.is_edit()
            && let Some(content) = self.values.get_mut(key)
        {
            content.perform(action);
        }
        Task::none()
    }

    fn go_to(&mut self, step: Step) -> Task<Message> {
        if step != Step::Start && self.domain.is_err() {
            // No step makes sense without a domain.
            self.step = Step::Start;
            return Task::none();
        }
        self.step = step;
        self.confirm_start_over = false;
        Task::batch([
            self.save(),
            self.start_check(),
            self.step_opened(),
            self.focus_first_field(),
        ])
    }

    /// Puts the keyboard in the step's field, if it has one.
    fn focus_first_field(&self) -> Task<Message> {
        let id = match self.step {
            Step::Start => steps::DOMAIN_INPUT,
            Step::Destination => steps::DESTINATION_INPUT,
            Step::Dkim => steps::DKIM_INPUT,
            Step::Lockdown if self.platform == Platform::Microsoft365 => steps::SMART_HOST_INPUT,
            _ => return Task::none(),
        };
        iced::widget::operation::focus(id)
    }

    /// What a step needs when it opens: the lock-down step reads the
    /// gateway's ranges once.
    fn step_opened(&mut self) -> Task<Message> {
        if self.step != Step::Lockdown || self.ranges_derived.is_some() {
            return Task::none();
        }
        let include = self.options.provider.spf.include.clone();
        let options = DnsOptions {
            resolver: self.options.resolver.clone(),
            ..DnsOptions::default()
        };
        Task::perform(
            async move { lockdown::ranges::derive_with(&options, &include).await },
            Message::RangesDerived,
        )
    }

    fn parse_ranges(&self) -> Option<Result<lockdown::GatewayRanges, lockdown::ranges::ListError>> {
        let text = self.ranges_editor.text();
        (!text.trim().is_empty()).then(|| lockdown::ranges::parse_list(&text))
    }

    /// The ranges the generated artefacts use: support's list when one was
    /// pasted, else those read from DNS. A pasted list that cannot be used
    /// gives none: rules from another list than the admin's would mislead.
    pub fn gateway_ranges(&self) -> Option<&lockdown::GatewayRanges> {
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
            None => matches!(
                self.ranges_derived,
                Some(Err(lockdown::ranges::DeriveError::Refused { .. }))
            ),
        }
    }

    /// The smart host typed, checked.
    pub fn smart_host(&self) -> Option<Result<DomainName, DomainError>> {
        let t = self.smart_host_input.trim();
        (!t.is_empty()).then(|| DomainName::parse_host(t))
    }

    /// The script or rules for the chosen platform, with its file name; an
    /// error in words when it cannot be made; `None` while inputs are missing.
    pub fn artefact_text(&self) -> Option<Result<(String, String), String>> {
        let domain = self.domain.as_ref().ok()?;
        let ranges = self.gateway_ranges()?;
        let provider = &self.options.provider;
        match self.platform {
            Platform::Microsoft365 => {
                let smart_host = self.smart_host()?.ok()?;
                let arc = if self.arc {
                    lockdown::arc_sealer(provider)
                } else {
                    None
                };
                let gateway_mx = lockdown::guard::gateway_hosts(provider);
                let script = lockdown::microsoft::script(&lockdown::microsoft::ScriptInput {
                    domain,
                    smart_host: &smart_host,
                    gateway_mx: &gateway_mx,
                    ranges,
                    arc_sealer: arc.as_ref(),
                    support_email: &provider.support_email,
                    date: chrono::Local::now().date_naive(),
                });
                Some(
                    script
                        .map(|s| (format!("esm-exchange-online-{}.ps1", domain.ascii()), s))
                        .map_err(|e| e.to_string()),
                )
            }
            Platform::GoogleWorkspace => None,
            Platform::OwnServer | Platform::Other => {
                let format = self.firewall_format;
                let gateway_mx = lockdown::guard::gateway_hosts(provider);
                let guard = lockdown::guard::MxGuard {
                    domain,
                    gateway_mx: &gateway_mx,
                };
                Some(Ok((
                    format!(
                        "esm-{}-{}.{}",
                        format.id(),
                        domain.ascii(),
                        format.extension()
                    ),
                    lockdown::firewall::rules(format, &guard, ranges, &provider.support_email),
                )))
            }
        }
    }

    fn refresh_artefact(&mut self) {
        let text = match self.artefact_text() {
            Some(Ok((_, text))) => text,
            _ => String::new(),
        };
        if self.artefact.text() != text {
            self.artefact = text_editor::Content::with_text(&text);
        }
    }

    fn save_artefact(&mut self) -> Task<Message> {
        let Some(Ok((name, content))) = self.artefact_text() else {
            return Task::none();
        };
        self.export = Some(ExportStatus::Saving);
        let dir = self.options.export_dir.clone();
        Task::perform(
            export::save_script(name, content, self.lang, dir),
            Message::Exported,
        )
    }

    fn probe_port25(&mut self) -> Task<Message> {
        let Some(Ok(destination)) = self.destination() else {
            return Task::none();
        };
        self.probe = Some(ProbeState::Running);
        let host = destination.display();
        let port = self.options.smtp_port;
        Task::perform(
            async move { lockdown::probe::probe(&host, port, Duration::from_secs(3)).await },
            Message::Probed,
        )
    }

    fn mark_done(&mut self, step: Step, done: bool) -> Task<Message> {
        // Lock-down cannot be marked done before the MX step is green.
        if done && !self.can_mark_done(step) {
            return Task::none();
        }
        if done {
            self.done.insert(step);
        } else {
            self.done.remove(&step);
        }
        self.save()
    }

    fn after_typing(&mut self) -> Task<Message> {
        self.typing += 1;
        let n = self.typing;
        Task::perform(after(TYPING_PAUSE), move |_| Message::TypingPaused(n))
    }

    fn typing_paused(&mut self, n: u64) -> Task<Message> {
        if n == self.typing {
            self.start_check()
        } else {
            Task::none()
        }
    }

    fn copy(&mut self, key: String, value: &str) -> Task<Message> {
        match self.clipboard.set(value) {
            Ok(()) => {
                self.copy_error = None;
                self.copies += 1;
                let n = self.copies;
                self.copied = Some((key, n));
                Task::perform(after(COPIED_FOR), move |_| Message::CopiedShown(n))
            }
            Err(e) => {
                self.copy_error = Some(e);
                Task::none()
            }
        }
    }

    fn start_over(&mut self, yes: bool) -> Task<Message> {
        self.confirm_start_over = false;
        if !yes {
            return Task::none();
        }
        if let Some(store) = &self.store {
            // Saves of what was there before, still under way, are skipped.
            self.save_number += 1;
            self.save_dirty = false;
            if let Err(e) = store.clear(self.save_number) {
                self.notice = Some(Notice::SaveFailed(e.to_string()));
            }
        }
        self.step = Step::Start;
        self.domain_input.clear();
        self.domain = DomainName::parse("");
        self.platform = Platform::default();
        self.destination_input.clear();
        self.dkim_editor = text_editor::Content::new();
        self.dkim_too_long = false;
        self.dkim_key = None;
        self.done.clear();
        self.outcome = None;
        self.checked_at = None;
        self.checked_at_wall = None;
        self.values.clear();
        self.smart_host_input.clear();
        self.ranges_editor = text_editor::Content::new();
        self.ranges_too_long = false;
        self.ranges_pasted = None;
        self.probe = None;
        self.refresh_artefact();
        self.generation += 1;
        self.checking = false;
        Task::none()
    }

    /// What an export needs, when the checks have run.
    pub fn export_snapshot(&self) -> Option<export::Snapshot> {
        let outcome = self.current_outcome()?;
        Some(export::Snapshot {
            domain: self.domain.as_ref().ok()?.clone(),
            platform: self.platform,
            lang: self.lang,
            provider: self.options.provider.clone(),
            report: outcome.report.clone(),
            publication: outcome.publication.clone(),
            destination: self.destination().and_then(Result::ok).map(|d| d.display()),
            done: self.done.clone(),
        })
    }

    fn start_export(&mut self, kind: export::Kind) -> Task<Message> {
        if matches!(self.export, Some(ExportStatus::Saving)) {
            return Task::none();
        }
        let Some(snapshot) = self.export_snapshot() else {
            return Task::none();
        };
        self.export = Some(ExportStatus::Saving);
        let dir = self.options.export_dir.clone();
        Task::perform(export::save(snapshot, kind, dir), Message::Exported)
    }

    /// The destination server typed, if it can be used.
    pub fn destination(&self) -> Option<Result<Destination, DomainError>> {
        let t = self.destination_input.trim();
        (!t.is_empty()).then(|| Destination::parse(t))
    }

    /// The destination to propose for the chosen platform.
    pub fn suggested_destination(&self) -> Option<String> {
        self.domain
            .as_ref()
            .ok()
            .and_then(|d| self.platform.suggested_destination(d))
    }

    fn parse_dkim_key(&self) -> Option<Result<ConsoleKey, InvalidKey>> {
        let text = self.dkim_editor.text();
        (!text.trim().is_empty()).then(|| dkim::normalise_console_key(&text))
    }

    /// The check results, if they are about the domain now entered.
    pub fn report(&self) -> Option<&Report> {
        self.current_outcome().map(|o| &o.report)
    }

    /// Whether some resolver still gives other MX records than the
    /// domain's own servers: senders may still deliver directly, so the
    /// server is not locked down yet.
    pub fn mx_still_propagating(&self) -> bool {
        self.current_outcome()
            .and_then(|o| o.propagation.as_ref())
            .is_some_and(|view| view.differing() > 0)
    }

    /// Can `step` be marked done now: its prerequisites are green and,
    /// for lock-down, the MX change has reached every resolver asked.
    pub fn can_mark_done(&self, step: Step) -> bool {
        step.can_mark_done(self.report(), &self.done)
            && !(step == Step::Lockdown && self.mx_still_propagating())
    }

    pub fn current_outcome(&self) -> Option<&Outcome> {
        let domain = self.domain.as_ref().ok()?;
        self.outcome.as_ref().filter(|o| o.domain == domain.ascii())
    }

    /// Whether the open step is still waiting for something to turn green.
    pub fn watching(&self) -> bool {
        if self.domain.is_err() {
            return false;
        }
        // A step none of whose checks applies yet (no destination typed)
        // has nothing to watch.
        matches!(self.step.status(self.report()), Some(s) if s != check::Status::Pass)
    }

    fn check_input(&self) -> Option<CheckInput> {
        let domain = self.domain.as_ref().ok()?.clone();
        let mut input = CheckInput::new(domain, self.options.provider.clone());
        input.destination = self.destination().and_then(Result::ok);
        input.dkim_key = self.dkim_key.clone().and_then(Result::ok);
        input.extra_selectors = self
            .platform
            .dkim_selectors()
            .iter()
            .map(|s| s.to_string())
            .collect();
        Some(input)
    }

    /// Starts a check run of everything; a run still under way is superseded.
    fn start_check(&mut self) -> Task<Message> {
        let Some(input) = self.check_input() else {
            return Task::none();
        };
        self.generation += 1;
        self.checking = true;
        self.check_started = Instant::now();
        self.now = self.check_started;
        let generation = self.generation;
        let options = DnsOptions {
            authoritative: self.options.resolver == ResolverChoice::System
                || self.options.authoritative,
            resolver: self.options.resolver.clone(),
            known_servers: self.known_servers.clone(),
            ..DnsOptions::default()
        };
        let propagation = Propagation {
            resolvers: self.propagation_resolvers(),
            old: self
                .old_mx
                .as_ref()
                .filter(|(domain, _)| *domain == input.domain.ascii())
                .map(|(_, old)| *old),
        };
        Task::perform(run_checks(input, options, propagation), move |outcome| {
            Message::Checked(generation, Box::new(outcome))
        })
    }

    fn checked(&mut self, generation: u64, outcome: Outcome) -> Task<Message> {
        if generation != self.generation {
            return Task::none();
        }
        self.checking = false;
        self.now = Instant::now();
        self.checked_at = Some(self.now);
        self.checked_at_wall = Some(chrono::Local::now());
        self.values = outcome
            .publication
            .records
            .iter()
            .filter_map(|r| {
                let value = r.value.as_ref()?;
                Some((
                    widgets::value_key(r),
                    text_editor::Content::with_text(&crate::safe_text::visible(value)),
                ))
            })
            .collect();
        self.known_servers = outcome.zone_servers.clone();
        if let Some(old) = outcome
            .propagation
            .as_ref()
            .and_then(propagation::old_records)
        {
            self.old_mx = Some((outcome.domain.clone(), old));
        }
        self.outcome = Some(outcome);
        Task::none()
    }

    /// The resolvers the MX step compares with (see [`Options`]).
    fn propagation_resolvers(&self) -> Vec<PublicResolver> {
        match &self.options.propagation_resolvers {
            Some(list) => list.clone(),
            None if self.options.resolver == ResolverChoice::System => {
                self.options.provider.propagation.resolvers.clone()
            }
            None => Vec::new(),
        }
    }

    /// What is saved between runs.
    pub fn progress(&self) -> Progress {
        Progress {
            domain: self.domain_input.clone(),
            platform: self.platform,
            destination: self.destination_input.clone(),
            dkim_key: self.dkim_editor.text(),
            smart_host: self.smart_host_input.clone(),
            ranges: self.ranges_editor.text(),
            lang: Some(self.lang),
            done: self.done.iter().map(|s| s.id().to_string()).collect(),
            step: self.step.id().to_string(),
        }
    }

    /// Saves the state, or if a save is under way, has it saved again when
    /// that one ends: one write at a time, however fast the admin types,
    /// and the last one holds the newest state.
    fn save(&mut self) -> Task<Message> {
        if self.store.is_none() {
            return Task::none();
        }
        if self.saving {
            self.save_dirty = true;
            return Task::none();
        }
        self.start_save()
    }

    fn start_save(&mut self) -> Task<Message> {
        let Some(store) = self.store.clone() else {
            return Task::none();
        };
        self.saving = true;
        self.save_dirty = false;
        self.save_number += 1;
        let number = self.save_number;
        let progress = self.progress();
        let lang = self.lang;
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || store.save(number, &progress))
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|r| {
                        r.map(|_| ())
                            .map_err(|e| crate::render::write_error(lang, &e))
                    })
            },
            Message::Saved,
        )
    }

    /// Whether what was entered is not on disk yet (a save under way or
    /// to come).
    pub fn unsaved(&self) -> bool {
        self.store.is_some() && (self.saving || self.save_dirty)
    }

    /// The window is being closed: what is not saved yet is saved now,
    /// before the assistant exits, rather than lost with a save under way.
    fn close(&mut self) -> Task<Message> {
        if let Some(store) = self.store.clone()
            && self.unsaved()
            && !self.close_anyway
        {
            self.save_number += 1;
            match store.save(self.save_number, &self.progress()) {
                Ok(_) => {
                    self.saving = false;
                    self.save_dirty = false;
                }
                Err(e) => {
                    // Said, and the window stays open: closing again closes.
                    self.notice = Some(Notice::SaveFailed(crate::render::write_error(
                        self.lang, &e,
                    )));
                    self.close_anyway = true;
                    return Task::none();
                }
            }
        }
        iced::exit()
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(keyboard::key::Named::Tab),
                modifiers,
                ..
            } => Some(Message::FocusNext(modifiers.shift())),
            _ => None,
        });
        // Closing waits for the last save (see `close`).
        let closing = iced::window::close_requests().map(|_| Message::CloseRequested);
        let mut subscriptions = vec![keys, closing];
        if self.watching() {
            subscriptions.push(iced::time::every(RECHECK_EVERY).map(|_| Message::Recheck));
        }
        if self.checking {
            subscriptions.push(iced::time::every(Duration::from_millis(150)).map(Message::Tick));
        } else if self.watching() {
            subscriptions.push(iced::time::every(Duration::from_secs(1)).map(Message::Tick));
        }
        Subscription::batch(subscriptions)
    }

    pub fn view(&self) -> Element<'_, Message> {
        widgets::layout(self)
    }
}

/// Performs the edit `action` on `content` unless the text would then be
/// longer than `limit` bytes; `false` when it was refused, `content` as it
/// was. A paste is measured before it is made, so that megabytes pasted are
/// never laid out.
fn edit_within(
    content: &mut text_editor::Content,
    action: text_editor::Action,
    limit: usize,
) -> bool {
    let before = content.text();
    if let text_editor::Action::Edit(text_editor::Edit::Paste(pasted)) = &action
        && before.len().saturating_add(pasted.len()) > limit
    {
        return false;
    }
    content.perform(action);
    if content.text().len() > limit {
        *content = text_editor::Content::with_text(&before);
        return false;
    }
    true
}

/// Waits `duration` (the timer is made when the task first runs, inside the
/// runtime, not when `update` returns it).
async fn after(duration: Duration) {
    tokio::time::sleep(duration).await;
}

/// What the propagation view of a check run needs.
#[derive(Debug, Clone, Default)]
pub struct Propagation {
    pub resolvers: Vec<PublicResolver>,
    /// The old MX records seen before the switch (see [`propagation::compare`]).
    pub old: Option<propagation::OldRecords>,
}

/// Runs every check and prepares the records to publish; in authoritative
/// mode, the propagation view is asked at the same time.
pub async fn run_checks(input: CheckInput, options: DnsOptions, request: Propagation) -> Outcome {
    let domain = input.domain.ascii().to_string();
    let dns = match Dns::new(&domain, &options).await {
        Ok(dns) => dns,
        Err(_) => {
            // Without a resolver nothing can be looked up: every check says so.
            let failing = DnsOptions {
                resolver: ResolverChoice::Servers(Vec::new()),
                ..options
            };
            match Dns::new(&domain, &failing).await {
                Ok(dns) => dns,
                Err(e) => panic!("a resolver without servers cannot fail: {e}"),
            }
        }
    };
    let view = async {
        if !dns.is_authoritative() {
            return None;
        }
        let mut resolvers = request.resolvers;
        resolvers.truncate(crate::provider::MAX_PUBLIC_RESOLVERS);
        Some(propagation::observe(&input, &dns, &resolvers, request.old).await)
    };
    let ((report, snap), propagation) = futures::join!(check::run(&input, &dns), view);
    let publication = records::plan(&input, &snap);
    let name_servers = snap.get(&domain, QType::Ns).ns();
    let existing_dkim = input
        .extra_selectors
        .iter()
        .filter(|s| {
            snap.get(&input.selector_name(s), QType::Txt)
                .txt_joined()
                .iter()
                .any(|t| dkim::looks_like_dkim(t))
        })
        .cloned()
        .collect();
    Outcome {
        domain,
        report,
        publication,
        dns_host: crate::dnshost::identify(&name_servers),
        name_servers,
        existing_dkim,
        zone_servers: dns.zone_servers(),
        propagation,
    }
}

/// The embedded fonts, for the window and for headless tests.
pub fn fonts() -> Vec<std::borrow::Cow<'static, [u8]>> {
    vec![
        crate::fonts::SANS.into(),
        crate::fonts::SANS_BOLD.into(),
        crate::fonts::MONO.into(),
    ]
}

/// The font text is drawn with unless told otherwise.
pub const DEFAULT_FONT: iced::Font = style::SANS;

/// The window's settings: size, minimum size, embedded fonts.
pub fn application(
    options: Options,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = iced::Theme>> {
    iced::application(move || App::new(options.clone()), App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .font(crate::fonts::SANS)
        .font(crate::fonts::SANS_BOLD)
        .font(crate::fonts::MONO)
        .default_font(style::SANS)
        .window(iced::window::Settings {
            size: Size::new(1280.0, 800.0),
            min_size: Some(Size::new(900.0, 650.0)),
            // The window closes once the progress is saved: see `App::close`.
            exit_on_close_request: false,
            icon: identity::icon(),
            platform_specific: identity::platform_specific(),
            ..iced::window::Settings::default()
        })
}

/// Opens the window and runs until it is closed.
pub fn run(options: Options) -> iced::Result {
    application(options).run()
}

//! The assistant's window: a stepper over the onboarding guide, every record
//! ready to copy, every step verified live.
//!
//! The root holds what every step shares (language, domain, platform,
//! destination, check results) and dispatches the rest: each step that
//! keeps state of its own owns it with its messages and its `update`, and
//! tells the root through an event what it cannot do alone (save the
//! progress, write a file). DNS checks, saving and timers are Tasks and
//! Subscriptions; [`App::view`] only reads the state.

mod checking;
mod clipboard;
mod content_input;
mod content_view;
pub mod export;
mod exporting;
mod focus;
pub mod identity;
mod layout;
mod navigation;
mod options;
mod saving;
mod steps;
mod style;
mod widgets;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use iced::widget::text_editor;
use iced::{Element, Size, Subscription, Task};

pub use crate::step::Step;
pub use checking::{Outcome, Propagation, run_checks};
pub use clipboard::Clipboard;
pub use layout::CONTENT_SCROLL;
pub use options::Options;
pub use steps::dkim_state as dkim_step;
pub use steps::lockdown_state as lockdown_step;
pub use steps::lockdown_state::ProbeState;
pub use steps::publish_field_id;
pub use steps::publish_state as publish_part;
pub use steps::testmail_state as testmail_page;
pub use widgets::{copy_id, value_key};

use crate::check::Destination;
use crate::check::propagation;
use crate::dns::ZoneServers;
use crate::domain::{DomainError, DomainName};
use crate::localize::Lang;
use crate::platform::Platform;
use crate::progress;
use crate::provider::Provider;

/// How often a step that is not all green checks again by itself.
pub const RECHECK_EVERY: Duration = Duration::from_secs(20);
/// How long "Copied" stays on screen.
const COPIED_FOR: Duration = Duration::from_secs(2);
/// Quiet time after typing before a field is checked.
const TYPING_PAUSE: Duration = Duration::from_millis(800);

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
        move_error: Option<crate::files::SystemError>,
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
    /// Something happened in the DKIM step.
    Dkim(dkim_step::Message),
    /// Something happened in the lock-down step.
    Lockdown(lockdown_step::Message),
    /// Something happened in "Test with a real message".
    TestMail(testmail_page::Message),
    /// Something happened in "Publish for me".
    Publish(publish_part::Message),
    /// An action done by hand was ticked (or not): its id.
    ActionTicked(&'static str, bool),
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
    /// The progress was saved (or not, in words).
    Saved(saving::SaveResult),
    /// The window's close button was pressed.
    CloseRequested,
    /// Close the notice.
    DismissNotice,
    /// Save the checklist (PDF) or the records (zone file, text).
    Export(export::Kind),
    /// A save finished: the file written, `None` if cancelled, or the error.
    Exported(Result<Option<export::Saved>, String>),
    /// Copy every record to publish, as zone-file lines.
    CopyAllRecords,
    /// Close the message about the last save.
    DismissExport,
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
    pub dkim: dkim_step::Dkim,
    pub lockdown: lockdown_step::Lockdown,
    /// "Test with a real message", and the proofs kept.
    pub testmail: testmail_page::TestMail,
    /// "Publish for me" on the DNS steps.
    pub publish: publish_part::Publish,
    pub done: BTreeSet<Step>,
    pub outcome: Option<Outcome>,
    pub checking: bool,
    generation: u64,
    typing: u64,
    pub checked_at: Option<Instant>,
    pub checked_at_wall: Option<chrono::DateTime<chrono::Local>>,
    pub check_started: Instant,
    /// The time as of the last message: `view` reads it, never the clock.
    pub now: Instant,
    pub clipboard: Clipboard,
    pub copied: Option<(String, u64)>,
    copies: u64,
    pub copy_error: Option<String>,
    pub show_full_names: bool,
    pub values: HashMap<String, text_editor::Content>,
    saver: saving::Saver,
    pub notice: Option<Notice>,
    pub confirm_start_over: bool,
    pub export: Option<ExportStatus>,
    /// The domain's name servers found by the last check: re-checks ask
    /// them without looking for them again.
    pub known_servers: Option<ZoneServers>,
    /// The old MX records as the domain's servers last gave them before
    /// the switch, for the domain they were seen for: they bound how long
    /// caches not asked may keep them.
    pub old_mx: Option<(String, propagation::OldRecords)>,
    /// Actions ticked by hand, by id.
    pub ticked: BTreeSet<String>,
    /// What every step says, built when the state changes: `view` only
    /// reads it.
    pub content: crate::content::Content,
}

impl App {
    /// The state at start: saved progress restored, first checks started.
    pub fn new(options: Options) -> (App, Task<Message>) {
        let (saved, notice, progress_path) = saving::restore(&options);
        let lang = options
            .lang
            .or(saved.lang)
            .unwrap_or_else(Lang::from_system);
        let clipboard = if options.memory_clipboard {
            Clipboard::Memory(String::new())
        } else {
            Clipboard::system()
        };
        let now = Instant::now();
        let mut app = App {
            lang,
            step: Step::from_id(&saved.step).unwrap_or_default(),
            domain: DomainName::parse(&saved.domain),
            domain_input: saved.domain.clone(),
            platform: saved.platform,
            destination_input: saved.destination.clone(),
            dkim: dkim_step::Dkim::new(&saved.dkim_key),
            lockdown: lockdown_step::Lockdown::new(&saved.ranges, &saved.smart_host),
            testmail: testmail_page::TestMail::new(saved.proofs.clone()),
            publish: publish_part::Publish::new(keychain(&options)),
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
            check_started: now,
            now,
            clipboard,
            copied: None,
            copies: 0,
            copy_error: None,
            show_full_names: false,
            values: HashMap::new(),
            saver: saving::Saver::new(progress_path),
            notice,
            confirm_start_over: false,
            export: None,
            known_servers: None,
            old_mx: None,
            // Only the ids of actions ticked by hand are kept.
            ticked: saved
                .ticked
                .iter()
                .filter(|id| crate::content::BY_HAND.contains(&id.as_str()))
                .cloned()
                .collect(),
            content: crate::content::Content::default(),
            options,
        };
        if app.domain.is_err() {
            app.step = Step::Start;
        }
        app.refresh_lockdown();
        app.refresh_content();
        let task = Task::batch([app.start_check(), app.step_opened()]);
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

    /// Every message goes to the one part of the state it is about.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        // The clock ticks often and changes no words.
        let rebuild = !matches!(message, Message::Tick(_));
        let task = self.dispatch(message);
        if rebuild {
            self.refresh_content();
        }
        task
    }

    fn dispatch(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::LangSelected(lang) => self.set_lang(lang),
            Message::DomainChanged(text) => self.set_domain(text),
            Message::PlatformSelected(p) => self.set_platform(p),
            Message::DestinationChanged(text) => self.set_destination(text),
            Message::UseSuggestedDestination => self.use_suggested_destination(),
            Message::Dkim(message) => match self.dkim.update(message) {
                Some(dkim_step::Event::KeyChanged) => {
                    Task::batch([self.save(), self.after_typing()])
                }
                None => Task::none(),
            },
            Message::Lockdown(message) => self.lockdown_update(message),
            Message::TestMail(message) => self.testmail_update(message),
            Message::Publish(message) => self.publish_update(message),
            Message::ActionTicked(id, on) => self.tick_action(id, on),
            Message::ValueAction(key, action) => self.value_action(&key, action),
            Message::GoTo(step) => self.go_to(step),
            Message::Next => self.next(),
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
            Message::Saved(result) => self.saved(result),
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
        }
    }

    fn lockdown_update(&mut self, message: lockdown_step::Message) -> Task<Message> {
        let destination = self.destination().and_then(Result::ok).map(|d| d.display());
        let inputs = lockdown_step::Inputs {
            domain: self.domain.as_ref().ok(),
            platform: self.platform,
            provider: &self.options.provider,
            destination: destination.as_deref(),
            smtp_port: self.options.smtp_port,
            lang: self.lang,
        };
        let (task, event) = self.lockdown.update(message, inputs);
        let task = task.map(Message::Lockdown);
        let then = match event {
            None => Task::none(),
            Some(lockdown_step::Event::ProgressChanged) => self.save(),
            Some(lockdown_step::Event::SaveFile { name, content }) => {
                self.save_script(name, content)
            }
        };
        Task::batch([task, then])
    }

    /// The DNS host found from the NS records, when the assistant can
    /// publish there.
    pub fn publish_host(&self) -> Option<crate::publish::Host> {
        let outcome = self.current_outcome()?;
        let found = crate::dnshost::identify(&outcome.name_servers)?;
        crate::publish::Host::from_id(found.id)
    }

    fn publish_update(&mut self, message: publish_part::Message) -> Task<Message> {
        let inputs = publish_part::Inputs {
            host: self.publish_host(),
            step: self.step,
            check_input: self.check_input(),
            // Read as the window's checks read.
            dns: crate::dns::DnsOptions {
                authoritative: self.options.resolver == crate::dns::ResolverChoice::System
                    || self.options.authoritative,
                resolver: self.options.resolver.clone(),
                ..crate::dns::DnsOptions::default()
            },
            api_base: self.options.api_base.as_deref(),
            journal_dir: self.options.data_dir.as_deref(),
        };
        let (task, event) = self.publish.update(message, inputs);
        let task = task.map(Message::Publish);
        let then = match event {
            None => Task::none(),
            // The records written, read back as every check reads them.
            Some(publish_part::Event::Recheck) => self.start_check(),
        };
        Task::batch([task, then])
    }

    fn testmail_update(&mut self, message: testmail_page::Message) -> Task<Message> {
        let destination = self.destination().and_then(Result::ok).map(|d| d.display());
        let opens = matches!(message, testmail_page::Message::Open);
        let smart_host = self.lockdown.smart_host().and_then(Result::ok);
        let inputs = testmail_page::Inputs {
            domain: self.domain.as_ref().ok(),
            lang: self.lang,
            smart_host: smart_host.as_ref(),
            platform: self.platform,
            provider: &self.options.provider,
            destination: destination.as_deref(),
            ranges: self.lockdown.gateway_ranges(),
            resolver: &self.options.resolver,
            forced_file: self.options.message_file.as_ref(),
        };
        let (task, event) = self.testmail.update(message, inputs);
        let task = task.map(Message::TestMail);
        let then = match event {
            None => Task::none(),
            Some(testmail_page::Event::ProofsChanged) => self.save(),
            Some(testmail_page::Event::Destination(proven)) => {
                // The message reached the server set up (the admin saved it
                // in the console), or another one.
                if proven {
                    self.done.insert(Step::Destination);
                } else {
                    self.done.remove(&Step::Destination);
                }
                self.save()
            }
            Some(testmail_page::Event::SaveFile { name, content }) => {
                self.save_script(name, content)
            }
        };
        let top = if opens {
            // The page opens at its top; the gateway's ranges help tell
            // its hops.
            Task::batch([
                iced::widget::operation::snap_to(
                    CONTENT_SCROLL,
                    iced::widget::operation::RelativeOffset::START,
                ),
                self.lockdown
                    .opened(&self.options.provider, self.options.resolver.clone())
                    .map(Message::Lockdown),
            ])
        } else {
            Task::none()
        };
        Task::batch([task, then, top])
    }

    /// Makes the tenant's read-back script again (language or domain).
    fn refresh_readback_script(&mut self) {
        self.testmail
            .refresh_script(self.domain.as_ref().ok(), self.lang);
    }

    /// Makes the lock-down script again after a change outside the step.
    fn refresh_lockdown(&mut self) {
        self.lockdown.refresh(lockdown_step::Inputs {
            domain: self.domain.as_ref().ok(),
            platform: self.platform,
            provider: &self.options.provider,
            destination: None,
            smtp_port: self.options.smtp_port,
            lang: self.lang,
        });
    }

    fn set_lang(&mut self, lang: Lang) -> Task<Message> {
        self.lang = lang;
        // The scripts' comments follow the window's language.
        self.refresh_lockdown();
        self.refresh_readback_script();
        self.save()
    }

    fn set_domain(&mut self, text: String) -> Task<Message> {
        if text.len() > progress::MAX_LINE_BYTES {
            return Task::none();
        }
        self.domain = DomainName::parse(&text);
        self.domain_input = text;
        self.refresh_lockdown();
        self.refresh_readback_script();
        Task::batch([self.save(), self.after_typing()])
    }

    fn set_platform(&mut self, platform: Platform) -> Task<Message> {
        self.platform = platform;
        self.refresh_lockdown();
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

    fn value_action(&mut self, key: &str, action: text_editor::Action) -> Task<Message> {
        // Values can be selected and copied, never changed.
        if !action.is_edit()
            && let Some(content) = self.values.get_mut(key)
        {
            content.perform(action);
        }
        Task::none()
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

    pub fn subscription(&self) -> Subscription<Message> {
        // Closing waits for the last save (see `close`).
        let closing = iced::window::close_requests().map(|_| Message::CloseRequested);
        // Tab moves the focus inside the widget tree: see `focus::Scope`.
        let mut subscriptions = vec![closing];
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
        layout::window(self)
    }
}

/// An in-memory keychain for tests; `None` leaves the system's to be
/// asked for when first needed.
fn keychain(options: &Options) -> Option<crate::publish::credentials::Keychain> {
    if !options.memory_keychain {
        return None;
    }
    let store: std::sync::Arc<keyring_core::CredentialStore> =
        keyring_core::mock::Store::new().ok()?;
    Some(crate::publish::credentials::Keychain::with_store(store))
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

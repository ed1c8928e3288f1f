//! "Publish for me" on the DNS steps: the admin's credentials for the
//! domain's DNS host (in memory only), the change read and planned by the
//! same engine as `esm-assistant publish`, applied once confirmed, undone
//! from the journal. Every call to the host is a Task.

use std::sync::Arc;

use iced::Task;

use crate::check::{self, CheckInput};
use crate::dns::{Dns, DnsOptions};
use crate::publish::credentials::{self, Keychain, KeychainError, MAX_SECRET_LEN, Secrets};
use crate::publish::http::Base;
use crate::publish::journal::{Journal, JournalError};
use crate::publish::run::{self, Outcome};
use crate::publish::{Change, Client, Host, HostError, PlanRefusal, PublishStep, plan_step};
use crate::step::Step;

#[derive(Debug, Clone)]
pub enum Message {
    /// Open or close the part.
    Toggle,
    /// A credential field changed: its index in [`credentials::fields`].
    FieldChanged(usize, String),
    /// Keep the credentials in the system keychain after a success.
    RememberToggled(bool),
    /// Remove the credentials kept in the keychain, and those typed.
    Forget,
    /// Read the records and show the change.
    ShowChange,
    /// The change for this step, or why there is none.
    Planned(PublishStep, Result<Vec<Change>, PlanProblem>),
    /// "Apply": asks for confirmation first.
    Apply,
    /// The answer to the confirmation.
    Confirm(bool),
    /// What the host did.
    Applied(Result<Arc<Outcome>, Failure>),
    /// "Undo the last change".
    Undo,
    Undone(Result<Arc<Outcome>, Failure>),
    /// OVHcloud: ask for a consumer key limited to this domain's records.
    RequestConsumerKey,
    /// The key to validate and its page, or why not.
    ConsumerKey(Result<Pending, Failure>),
    /// Open OVHcloud's validation page in the browser.
    OpenValidationPage,
    /// The browser opened, or not.
    PageOpened(bool),
}

/// An OVHcloud consumer key waiting for the admin to validate it on its
/// page. `Debug` leaves the key out.
#[derive(Clone)]
pub struct Pending {
    pub validation_url: String,
    key: String,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("validation_url", &self.validation_url)
            .finish_non_exhaustive()
    }
}

/// What the root does for the part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Records were written: read them back through the normal check.
    Recheck,
}

/// Why no change could be planned.
#[derive(Debug, Clone)]
pub enum PlanProblem {
    Refused(PlanRefusal),
    /// The domain's name servers could not be asked (the resolver's words).
    Dns(String),
}

/// Why nothing was sent to the host.
#[derive(Debug, Clone)]
pub enum Failure {
    /// A field the host needs is empty.
    MissingCredentials,
    /// The API address given for tests cannot be used.
    BadBase,
    Host(HostError),
    Journal(Arc<JournalError>),
    /// The journal holds no change to undo for the domain.
    NothingToUndo,
    /// The last change was made at another host.
    OtherHost(Host),
    /// OVHcloud's consumer key is asked for with the application's key
    /// and secret.
    NeedsApplication,
}

/// The result shown under the buttons.
#[derive(Debug, Clone)]
pub enum Done {
    Applied(Arc<Outcome>),
    Undone(Arc<Outcome>),
    Failed(Failure),
    Keychain(Result<KeychainNote, KeychainError>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainNote {
    Remembered,
    Forgotten,
    NoneKept,
}

/// What the part needs from outside.
pub struct Inputs<'a> {
    pub host: Option<Host>,
    pub step: Step,
    pub check_input: Option<CheckInput>,
    pub dns: DnsOptions,
    pub api_base: Option<&'a str>,
    /// The journal's folder; `None` takes the usual one.
    pub journal_dir: Option<&'a std::path::Path>,
}

pub struct Publish {
    pub open: bool,
    /// The host the fields are for; typed fields are dropped when it changes.
    pub host: Option<Host>,
    /// The credentials typed, one per field of the host.
    pub fields: Vec<String>,
    pub remember: bool,
    pub busy: bool,
    pub planned: Option<(PublishStep, Result<Vec<Change>, PlanProblem>)>,
    pub confirming: bool,
    pub done: Option<Done>,
    /// OVHcloud's page to validate the consumer key asked for.
    pub validation_url: Option<String>,
    /// The browser could not be opened on that page.
    pub open_failed: bool,
    /// The keychain, once first needed: the system's is not asked for
    /// until the admin uses the part.
    keychain: Option<Option<Keychain>>,
}

/// The step's part of the records, for the DNS steps.
pub fn publish_step(step: Step) -> Option<PublishStep> {
    match step {
        Step::Spf => Some(PublishStep::Spf),
        Step::Dkim => Some(PublishStep::Dkim),
        Step::Dmarc => Some(PublishStep::Dmarc),
        Step::Mx => Some(PublishStep::Mx),
        _ => None,
    }
}

impl Publish {
    /// `keychain` is given for tests; `None` takes the system's when needed.
    pub fn new(keychain: Option<Keychain>) -> Publish {
        Publish {
            open: false,
            host: None,
            fields: Vec::new(),
            remember: false,
            busy: false,
            planned: None,
            confirming: false,
            done: None,
            validation_url: None,
            open_failed: false,
            keychain: keychain.map(Some),
        }
    }

    /// Follows the DNS host found: the fields are the new host's, empty.
    fn follow(&mut self, host: Option<Host>) {
        if self.host != host {
            self.host = host;
            self.fields = host.map_or_else(Vec::new, |h| {
                vec![String::new(); credentials::fields(h).len()]
            });
            self.planned = None;
            self.confirming = false;
            self.done = None;
            self.validation_url = None;
        }
    }

    /// The change planned for `step`, if it is the one shown.
    pub fn planned_for(&self, step: Step) -> Option<&Result<Vec<Change>, PlanProblem>> {
        let wanted = publish_step(step)?;
        self.planned
            .as_ref()
            .filter(|(s, _)| *s == wanted)
            .map(|(_, p)| p)
    }

    pub fn update(
        &mut self,
        message: Message,
        inputs: Inputs<'_>,
    ) -> (Task<Message>, Option<Event>) {
        self.follow(inputs.host);
        let none = (Task::none(), None);
        match message {
            Message::Toggle => {
                self.open = !self.open;
                none
            }
            Message::FieldChanged(i, value) => {
                if value.len() <= MAX_SECRET_LEN
                    && let Some(field) = self.fields.get_mut(i)
                {
                    *field = value;
                    // Other credentials may give another change or none.
                    self.confirming = false;
                }
                none
            }
            Message::RememberToggled(on) => {
                self.remember = on;
                none
            }
            Message::Forget => {
                self.fields.iter_mut().for_each(String::clear);
                if let Some(host) = self.host {
                    let result = match self.keychain() {
                        Some(k) => k.forget(host).map(|n| {
                            if n > 0 {
                                KeychainNote::Forgotten
                            } else {
                                KeychainNote::NoneKept
                            }
                        }),
                        None => Err(KeychainError::Unavailable),
                    };
                    self.done = Some(Done::Keychain(result));
                }
                none
            }
            Message::ShowChange => {
                let (Some(step), Some(input)) = (publish_step(inputs.step), inputs.check_input)
                else {
                    return none;
                };
                self.busy = true;
                self.confirming = false;
                self.done = None;
                let options = inputs.dns;
                let task = Task::perform(plan(input, options, step), move |r| {
                    Message::Planned(step, r)
                });
                (task, None)
            }
            Message::Planned(step, result) => {
                self.busy = false;
                self.planned = Some((step, result));
                none
            }
            Message::Apply => {
                if matches!(self.planned_for(inputs.step), Some(Ok(c)) if !c.is_empty()) {
                    self.confirming = true;
                }
                none
            }
            Message::Confirm(false) => {
                self.confirming = false;
                none
            }
            Message::Confirm(true) => {
                self.confirming = false;
                let Some(Ok(changes)) = self.planned_for(inputs.step).cloned() else {
                    return none;
                };
                let Some(domain) = inputs.check_input.map(|i| i.domain.ascii().to_string()) else {
                    return none;
                };
                let dir = inputs.journal_dir.map(std::path::Path::to_path_buf);
                match self.client(inputs.api_base) {
                    Ok(client) => {
                        self.busy = true;
                        let task = Task::perform(
                            async move {
                                let journal = journal(dir)?;
                                Ok(Arc::new(
                                    run::apply(&client, &domain, &changes, &journal).await,
                                ))
                            },
                            Message::Applied,
                        );
                        (task, None)
                    }
                    Err(f) => {
                        self.done = Some(Done::Failed(f));
                        none
                    }
                }
            }
            Message::Applied(result) => {
                self.busy = false;
                // What was planned is spent: the next change is read anew.
                self.planned = None;
                match result {
                    Ok(outcome) => {
                        let written = !outcome.written().is_empty();
                        if outcome.stopped.is_none() && self.remember {
                            self.keep();
                        }
                        self.done = Some(Done::Applied(outcome));
                        (Task::none(), written.then_some(Event::Recheck))
                    }
                    Err(f) => {
                        self.done = Some(Done::Failed(f));
                        none
                    }
                }
            }
            Message::Undo => {
                let Some(domain) = inputs.check_input.map(|i| i.domain.ascii().to_string()) else {
                    return none;
                };
                let Some(host) = self.host else {
                    return none;
                };
                let dir = inputs.journal_dir.map(std::path::Path::to_path_buf);
                match self.client(inputs.api_base) {
                    Ok(client) => {
                        self.busy = true;
                        self.confirming = false;
                        let task = Task::perform(undo(client, host, domain, dir), Message::Undone);
                        (task, None)
                    }
                    Err(f) => {
                        self.done = Some(Done::Failed(f));
                        none
                    }
                }
            }
            Message::OpenValidationPage => {
                // The address comes from the host's answer: only a web page
                // over https is handed to the browser.
                let Some(url) = self
                    .validation_url
                    .clone()
                    .filter(|u| u.starts_with("https://") && !u.chars().any(char::is_control))
                else {
                    return none;
                };
                self.open_failed = false;
                let task = Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || open::that_detached(url).is_ok())
                            .await
                            .unwrap_or(false)
                    },
                    Message::PageOpened,
                );
                (task, None)
            }
            Message::PageOpened(opened) => {
                self.open_failed = !opened;
                none
            }
            Message::RequestConsumerKey => {
                let Some(domain) = inputs.check_input.map(|i| i.domain.ascii().to_string()) else {
                    return none;
                };
                if self.host != Some(Host::Ovh) {
                    return none;
                }
                let secrets = self.secrets(Host::Ovh);
                if secrets.get("application-key").is_none()
                    || secrets.get("application-secret").is_none()
                {
                    self.done = Some(Done::Failed(Failure::NeedsApplication));
                    return none;
                }
                let base = match Base::parse(inputs.api_base.unwrap_or(Host::Ovh.default_base())) {
                    Some(b) => b,
                    None => {
                        self.done = Some(Done::Failed(Failure::BadBase));
                        return none;
                    }
                };
                let client = match crate::publish::ovh::Ovh::new(base, &secrets) {
                    Ok(c) => c,
                    Err(e) => {
                        self.done = Some(Done::Failed(Failure::Host(e)));
                        return none;
                    }
                };
                self.busy = true;
                self.done = None;
                let task = Task::perform(
                    async move {
                        client
                            .request_consumer_key(&domain)
                            .await
                            .map(|p| Pending {
                                validation_url: p.validation_url,
                                key: p.consumer_key,
                            })
                            .map_err(Failure::Host)
                    },
                    Message::ConsumerKey,
                );
                (task, None)
            }
            Message::ConsumerKey(result) => {
                self.busy = false;
                match result {
                    Ok(pending) => {
                        let at = credentials::fields(Host::Ovh)
                            .iter()
                            .position(|f| f.name == "consumer-key");
                        if let Some(field) = at.and_then(|i| self.fields.get_mut(i)) {
                            *field = pending.key;
                        }
                        self.validation_url = Some(pending.validation_url);
                    }
                    Err(f) => self.done = Some(Done::Failed(f)),
                }
                none
            }
            Message::Undone(result) => {
                self.busy = false;
                self.planned = None;
                match result {
                    Ok(outcome) => {
                        let written = !outcome.written().is_empty();
                        self.done = Some(Done::Undone(outcome));
                        (Task::none(), written.then_some(Event::Recheck))
                    }
                    Err(f) => {
                        self.done = Some(Done::Failed(f));
                        none
                    }
                }
            }
        }
    }

    fn keychain(&mut self) -> Option<&Keychain> {
        self.keychain.get_or_insert_with(Keychain::native).as_ref()
    }

    /// The credentials typed, completed from the keychain.
    fn secrets(&mut self, host: Host) -> Secrets {
        let mut secrets = Secrets::default();
        for (field, value) in credentials::fields(host).iter().zip(&self.fields) {
            if let Some(v) = credentials::clean(value) {
                secrets.set(field.name, v);
            }
        }
        if !secrets.complete(host)
            && let Some(k) = self.keychain()
        {
            // A keychain that cannot be read leaves the fields to the admin.
            let _ = k.fill(host, &mut secrets);
        }
        secrets
    }

    fn client(&mut self, api_base: Option<&str>) -> Result<Client, Failure> {
        let host = self.host.ok_or(Failure::MissingCredentials)?;
        let secrets = self.secrets(host);
        if !secrets.complete(host) {
            return Err(Failure::MissingCredentials);
        }
        let base = match api_base {
            Some(text) => Some(Base::parse(text).ok_or(Failure::BadBase)?),
            None => None,
        };
        Client::new(host, base, &secrets).map_err(Failure::Host)
    }

    /// "Remember": the credentials that worked, kept in the keychain.
    fn keep(&mut self) {
        let Some(host) = self.host else { return };
        let secrets = self.secrets(host);
        let result = match self.keychain() {
            Some(k) => k.save(host, &secrets).map(|()| KeychainNote::Remembered),
            None => Err(KeychainError::Unavailable),
        };
        if let Err(e) = result {
            self.done = Some(Done::Keychain(Err(e)));
        }
    }
}

/// Reads the domain's records as the window's checks read them (from its
/// own name servers, unless a resolver was given for tests) and plans the
/// step's change, as `esm-assistant publish` does.
async fn plan(
    input: CheckInput,
    options: DnsOptions,
    step: PublishStep,
) -> Result<Vec<Change>, PlanProblem> {
    let dns = Dns::new(input.domain.ascii(), &options)
        .await
        .map_err(|e| PlanProblem::Dns(e.to_string()))?;
    let (report, snap) = check::run(&input, &dns).await;
    plan_step(&input, &snap, &report, step).map_err(PlanProblem::Refused)
}

fn journal(dir: Option<std::path::PathBuf>) -> Result<Journal, Failure> {
    match dir {
        Some(dir) => Ok(Journal::in_dir(&dir)),
        None => Journal::open_default().map_err(|e| Failure::Journal(Arc::new(e))),
    }
}

async fn undo(
    client: Client,
    host: Host,
    domain: String,
    dir: Option<std::path::PathBuf>,
) -> Result<Arc<Outcome>, Failure> {
    let journal = journal(dir)?;
    let last = journal
        .last_change(&domain)
        .map_err(|e| Failure::Journal(Arc::new(e)))?;
    let Some((entry, sets)) = last else {
        return Err(Failure::NothingToUndo);
    };
    match Host::from_id(&entry.host) {
        Some(h) if h == host => {}
        Some(h) => return Err(Failure::OtherHost(h)),
        None => return Err(Failure::NothingToUndo),
    }
    Ok(Arc::new(
        run::undo(&client, &domain, &entry, &sets, &journal).await,
    ))
}

//! Checking: one run of everything a step verifies, off the window's
//! thread, started when a field rests or a step opens; the newest run
//! only is kept.

use std::time::Instant;

use iced::Task;
use iced::widget::text_editor;

use super::{App, Message, TYPING_PAUSE, after, widgets};
use crate::check::propagation::{self, PropagationView};
use crate::check::{self, CheckInput, Report};
use crate::dkim;
use crate::dns::{Dns, DnsOptions, QType, ResolverChoice, ZoneServers};
use crate::provider::PublicResolver;
use crate::records::{self, Publication};

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

/// What the propagation view of a check run needs.
#[derive(Debug, Clone, Default)]
pub struct Propagation {
    pub resolvers: Vec<PublicResolver>,
    /// The old MX records seen before the switch (see [`propagation::compare`]).
    pub old: Option<propagation::OldRecords>,
}

/// A resolver for `domain` as `options` say; when it cannot be made, one
/// without any server, so that every lookup says it could not be made.
pub(super) async fn resolver_or_none(
    domain: &str,
    options: DnsOptions,
) -> Result<Dns, crate::dns::ResolverSetupError> {
    match Dns::new(domain, &options).await {
        Ok(dns) => Ok(dns),
        Err(_) => {
            let failing = DnsOptions {
                resolver: ResolverChoice::Servers(Vec::new()),
                ..options
            };
            Dns::new(domain, &failing).await
        }
    }
}

/// Runs every check and prepares the records to publish; in authoritative
/// mode, the propagation view is asked at the same time.
pub async fn run_checks(input: CheckInput, options: DnsOptions, request: Propagation) -> Outcome {
    let domain = input.domain.ascii().to_string();
    let dns = match resolver_or_none(&domain, options.clone()).await {
        Ok(dns) => dns,
        Err(e) => panic!("a resolver without servers cannot fail: {e}"),
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
        dns_host: crate::dnshost::identify(&name_servers).map(|h| h.name),
        name_servers,
        existing_dkim,
        zone_servers: dns.zone_servers(),
        propagation,
    }
}

impl App {
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

    pub(super) fn check_input(&self) -> Option<CheckInput> {
        let domain = self.domain.as_ref().ok()?.clone();
        let mut input = CheckInput::new(domain, self.options.provider.clone());
        input.destination = self.destination().and_then(Result::ok);
        input.dkim_key = self.dkim.key.clone().and_then(Result::ok);
        input.extra_selectors = self
            .platform
            .dkim_selectors()
            .iter()
            .map(|s| s.to_string())
            .collect();
        Some(input)
    }

    /// Starts a check run of everything; a run still under way is superseded.
    pub(super) fn start_check(&mut self) -> Task<Message> {
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

    pub(super) fn checked(&mut self, generation: u64, outcome: Outcome) -> Task<Message> {
        if generation != self.generation {
            return Task::none();
        }
        self.checking = false;
        self.now = Instant::now();
        self.checked_at = Some(self.now);
        self.checked_at_wall = Some(chrono::Local::now());
        // The values as the DNS host wants them typed, as the cards show
        // and copy them.
        let guide = crate::dnshost::identify(&outcome.name_servers).and_then(|h| h.guide());
        self.values = outcome
            .publication
            .records
            .iter()
            .filter_map(|r| {
                let presented = crate::dnshost::present(r, guide, self.lang);
                let value = presented.fields.into_iter().find_map(|f| match f.value {
                    crate::dnshost::Shown::Typed(v) if f.key == "value" => Some(v),
                    _ => None,
                })?;
                Some((
                    widgets::value_key(r),
                    text_editor::Content::with_text(&crate::safe_text::visible(&value)),
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
    pub(super) fn propagation_resolvers(&self) -> Vec<PublicResolver> {
        match &self.options.propagation_resolvers {
            Some(list) => list.clone(),
            None if self.options.resolver == ResolverChoice::System => {
                self.options.provider.propagation.resolvers.clone()
            }
            None => Vec::new(),
        }
    }

    pub(super) fn after_typing(&mut self) -> Task<Message> {
        self.typing += 1;
        let n = self.typing;
        Task::perform(after(TYPING_PAUSE), move |_| Message::TypingPaused(n))
    }

    pub(super) fn typing_paused(&mut self, n: u64) -> Task<Message> {
        if n == self.typing {
            self.start_check()
        } else {
            Task::none()
        }
    }
}

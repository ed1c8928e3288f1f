//! What every step says, built from the window's state when it changes:
//! the same content the checklist draws, so `view` only reads it.

use iced::Task;

use super::{App, Message};
use crate::content::{self, Content};
use crate::domain::DomainName;

impl App {
    /// What the content of every step is built from.
    pub(super) fn content_input<'a>(
        &'a self,
        smart_host: Option<&'a DomainName>,
    ) -> content::Input<'a> {
        let outcome = self.current_outcome();
        content::Input {
            domain: self.domain.as_ref().ok(),
            platform: self.platform,
            lang: self.lang,
            provider: &self.options.provider,
            report: outcome.map(|o| &o.report),
            publication: outcome.map(|o| &o.publication),
            destination: self.destination().and_then(Result::ok).map(|d| d.display()),
            done: &self.done,
            ticked: &self.ticked,
            existing_dkim: outcome.map(|o| o.existing_dkim.as_slice()),
            checked_at: outcome.and(self.checked_at_wall),
            lockdown: content::LockdownInput {
                ranges: self.lockdown.gateway_ranges(),
                smart_host,
                arc: self.lockdown.arc,
                format: self.lockdown.firewall_format,
            },
            tests: content::TestInput {
                proofs: &self.testmail.proofs,
                inbound: self.testmail.inbound.report.as_ref(),
                outbound: self.testmail.outbound.report.as_ref(),
                tenant: self.testmail.tenant.checks.as_deref(),
            },
            today: chrono::Local::now().date_naive(),
        }
    }

    /// Builds what every step says again.
    pub(super) fn refresh_content(&mut self) {
        let smart_host = self.lockdown.smart_host().and_then(Result::ok);
        self.content = content::build(&self.content_input(smart_host.as_ref()));
    }

    /// An action done by hand was ticked, or not.
    pub(super) fn tick_action(&mut self, id: &str, on: bool) -> Task<Message> {
        // Only the actions ticked by hand take a tick.
        if !content::BY_HAND.contains(&id) {
            return Task::none();
        }
        if on {
            self.ticked.insert(id.to_string());
        } else {
            self.ticked.remove(id);
        }
        self.save()
    }

    /// The content built last.
    pub fn content(&self) -> &Content {
        &self.content
    }
}

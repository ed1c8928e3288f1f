//! Saving files the admin asks for: the checklist, the records, the
//! lock-down script; one at a time, said in a banner until the next.

use iced::Task;

use super::{App, ExportStatus, Message, export};

impl App {
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
            ticked: self.ticked.clone(),
            existing_dkim: outcome.existing_dkim.clone(),
            checked_at: self.checked_at_wall,
            ranges: self.lockdown.gateway_ranges().cloned(),
            smart_host: self.lockdown.smart_host().and_then(Result::ok),
            arc: self.lockdown.arc,
            format: self.lockdown.firewall_format,
            proofs: self.testmail.proofs.clone(),
            inbound: self.testmail.inbound.report.clone(),
            outbound: self.testmail.outbound.report.clone(),
            tenant: self.testmail.tenant.checks.clone(),
        })
    }

    pub(super) fn start_export(&mut self, kind: export::Kind) -> Task<Message> {
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

    /// Saves the lock-down script or rules, named `name`.
    pub(super) fn save_script(&mut self, name: String, content: String) -> Task<Message> {
        if matches!(self.export, Some(ExportStatus::Saving)) {
            return Task::none();
        }
        self.export = Some(ExportStatus::Saving);
        let dir = self.options.export_dir.clone();
        Task::perform(
            export::save_script(name, content, self.lang, dir),
            Message::Exported,
        )
    }
}

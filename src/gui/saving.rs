//! Saving the progress: one save in flight at a time, and when the state
//! changes during it, one more save of the newest state once it ends (the
//! shape of iced's `todos` example, with a dirty flag).

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::widget::operation;

use super::{App, CONTENT_SCROLL, Message, Notice, dkim_step, lockdown_step};
use crate::domain::DomainName;
use crate::localize::Lang;
use crate::platform::Platform;
use crate::progress::{self, Loaded, Progress};
use crate::step::Step;

/// Why a save failed, in words of the window's language when it failed.
pub type SaveResult = Result<(), String>;

pub struct Saver {
    /// Where the progress is saved; `None` saves nothing.
    store: Option<Arc<progress::Store>>,
    /// The number of the newest state given to a save.
    number: u64,
    /// A save is under way; at most one is.
    saving: bool,
    /// The state changed while a save was under way: save again when it ends.
    dirty: bool,
    /// Saving when the window was closed failed, and the admin was told:
    /// closing again closes.
    close_anyway: bool,
}

impl Saver {
    pub fn new(path: Option<PathBuf>) -> Saver {
        Saver {
            store: path.map(|p| Arc::new(progress::Store::new(p))),
            number: 0,
            saving: false,
            dirty: false,
            close_anyway: false,
        }
    }

    /// Saves `progress`, or if a save is under way, has the state saved
    /// again when that one ends: one write at a time, however fast the
    /// admin types, and the last one holds the newest state.
    pub fn save(&mut self, progress: Progress, lang: Lang) -> Task<SaveResult> {
        if self.store.is_none() {
            return Task::none();
        }
        if self.saving {
            self.dirty = true;
            return Task::none();
        }
        self.start(progress, lang)
    }

    /// A save ended: `true` when the state changed meanwhile and must be
    /// saved again.
    pub fn saved(&mut self) -> bool {
        self.saving = false;
        self.dirty
    }

    /// Starts a save of `progress` now.
    pub fn start(&mut self, progress: Progress, lang: Lang) -> Task<SaveResult> {
        let Some(store) = self.store.clone() else {
            return Task::none();
        };
        self.saving = true;
        self.dirty = false;
        self.number += 1;
        let number = self.number;
        Task::perform(
            async move {
                match tokio::task::spawn_blocking(move || store.save(number, &progress)).await {
                    Ok(Ok(_)) => Ok(()),
                    Ok(Err(e)) => Err(crate::render::write_error(lang, &e)),
                    // The save's thread stopped without an answer.
                    Err(_) => Err(crate::fl!(lang, "gui-save-interrupted")),
                }
            },
            |result| result,
        )
    }

    /// Whether what was entered is not on disk yet (a save under way or
    /// to come).
    pub fn unsaved(&self) -> bool {
        self.store.is_some() && (self.saving || self.dirty)
    }

    /// The window is closing: what is not saved yet is saved now, before
    /// the assistant exits. `Err` (in words): said, and the window stays
    /// open; closing again closes.
    pub fn save_before_closing(&mut self, progress: Progress, lang: Lang) -> Result<(), String> {
        let Some(store) = self.store.clone() else {
            return Ok(());
        };
        if !self.unsaved() || self.close_anyway {
            return Ok(());
        }
        self.number += 1;
        match store.save(self.number, &progress) {
            Ok(_) => {
                self.saving = false;
                self.dirty = false;
                Ok(())
            }
            Err(e) => {
                self.close_anyway = true;
                Err(crate::render::write_error(lang, &e))
            }
        }
    }

    /// Removes the saved progress ("Start over"); saves of what was there
    /// before, still under way, are skipped.
    pub fn clear(&mut self, lang: Lang) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        self.number += 1;
        self.dirty = false;
        store
            .clear(self.number)
            .map_err(|e| crate::render::write_error(lang, &crate::files::WriteError::Io(e)))
    }
}

/// The progress saved last time, if it can be used; the notice to show
/// when it cannot; where to save from now on (`None`: nowhere).
pub fn restore(options: &super::Options) -> (Progress, Option<Notice>, Option<PathBuf>) {
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
    (saved, notice, progress_path)
}

impl App {
    /// What is saved between runs.
    pub fn progress(&self) -> Progress {
        Progress {
            domain: self.domain_input.clone(),
            platform: self.platform,
            destination: self.destination_input.clone(),
            dkim_key: self.dkim.editor.text(),
            smart_host: self.lockdown.smart_host_input.clone(),
            ranges: self.lockdown.ranges_editor.text(),
            lang: Some(self.lang),
            done: self.done.iter().map(|s| s.id().to_string()).collect(),
            step: self.step.id().to_string(),
            ticked: self.ticked.clone(),
            proofs: self.testmail.proofs.clone(),
        }
    }

    /// Saves the progress: one save in flight, the newest state last.
    pub(super) fn save(&mut self) -> Task<Message> {
        let progress = self.progress();
        self.saver.save(progress, self.lang).map(Message::Saved)
    }

    pub(super) fn saved(&mut self, result: SaveResult) -> Task<Message> {
        if let Err(e) = result {
            self.notice = Some(Notice::SaveFailed(e));
        }
        if self.saver.saved() {
            return self
                .saver
                .start(self.progress(), self.lang)
                .map(Message::Saved);
        }
        Task::none()
    }

    /// Whether what was entered is not on disk yet (a save under way or
    /// to come).
    pub fn unsaved(&self) -> bool {
        self.saver.unsaved()
    }

    /// The window is being closed: what is not saved yet is saved now,
    /// before the assistant exits, rather than lost with a save under way.
    pub(super) fn close(&mut self) -> Task<Message> {
        match self.saver.save_before_closing(self.progress(), self.lang) {
            Ok(()) => iced::exit(),
            Err(e) => {
                // Said, and the window stays open: closing again closes.
                self.notice = Some(Notice::SaveFailed(e));
                Task::none()
            }
        }
    }

    pub(super) fn start_over(&mut self, yes: bool) -> Task<Message> {
        self.confirm_start_over = false;
        if !yes {
            return Task::none();
        }
        if let Err(e) = self.saver.clear(self.lang) {
            self.notice = Some(Notice::SaveFailed(e));
        }
        self.step = Step::Start;
        self.domain_input.clear();
        self.domain = DomainName::parse("");
        self.platform = Platform::default();
        self.destination_input.clear();
        self.dkim = dkim_step::Dkim::new("");
        self.done.clear();
        self.ticked.clear();
        self.testmail.clear();
        self.outcome = None;
        self.checked_at = None;
        self.checked_at_wall = None;
        self.values.clear();
        self.lockdown.clear(lockdown_step::Inputs {
            domain: None,
            platform: self.platform,
            provider: &self.options.provider,
            destination: None,
            smtp_port: self.options.smtp_port,
            lang: self.lang,
        });
        self.generation += 1;
        self.checking = false;
        Task::batch([
            operation::snap_to(CONTENT_SCROLL, operation::RelativeOffset::START),
            self.focus_first_field(),
        ])
    }
}

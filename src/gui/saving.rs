//! Saving the progress: one save in flight at a time, and when the state
//! changes during it, one more save of the newest state once it ends (the
//! shape of iced's `todos` example, with a dirty flag).

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;

use crate::localize::Lang;
use crate::progress::{self, Progress};

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

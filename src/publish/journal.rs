//! The local journal of what was published: one JSON line per change or
//! undo, with what each record set held before and what was written, when,
//! at which host, for which domain. No credential is ever in it.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::{self, Accept, ReadError, WriteError};

use super::plan::RType;

/// Where the journal lives instead of the data folder (tests, portable use).
pub const DATA_DIR_ENV: &str = "ESM_ASSISTANT_DATA_DIR";

pub const FILE_NAME: &str = "publish-journal.jsonl";

/// The journal never grows past this: the oldest lines go first.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The folder the journal lives in.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("net", "e-securemail", "esm-assistant")
        .map(|d| d.data_dir().to_path_buf())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Publish,
    Undo,
}

/// One record set in an entry, values in the host's own form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetEntry {
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: RType,
    pub ttl: u32,
    pub before: Vec<String>,
    pub after: Vec<String>,
    /// The host confirmed the write.
    pub written: bool,
    /// The write was sent and failed: the host may or may not have kept it.
    #[serde(default)]
    pub failed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// RFC 3339, local time with its offset.
    pub at: String,
    pub kind: Kind,
    pub host: String,
    pub domain: String,
    /// For an undo: the entry it undoes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<String>,
    pub sets: Vec<SetEntry>,
    /// Every set was written (and, at OVHcloud, the zone refreshed).
    pub complete: bool,
}

impl Entry {
    pub fn new(kind: Kind, host: &str, domain: &str) -> Entry {
        let now = chrono::Local::now();
        Entry {
            id: format!("{}-{}", now.format("%Y%m%dT%H%M%S%.6f"), std::process::id()),
            at: now.to_rfc3339(),
            kind,
            host: host.to_string(),
            domain: domain.to_string(),
            undoes: None,
            sets: Vec::new(),
            complete: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("no folder for the journal")]
    NoFolder,
}

pub struct Journal {
    path: PathBuf,
}

impl Journal {
    pub fn in_dir(dir: &Path) -> Journal {
        Journal {
            path: dir.join(FILE_NAME),
        }
    }

    pub fn open_default() -> Result<Journal, JournalError> {
        default_dir()
            .map(|d| Journal::in_dir(&d))
            .ok_or(JournalError::NoFolder)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every entry, oldest first; lines that are not entries are skipped.
    pub fn entries(&self) -> Result<Vec<Entry>, JournalError> {
        let text = match files::read_text_limited(&self.path, MAX_BYTES, Accept::Files) {
            Ok(t) => t,
            Err(ReadError::NotFound) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        Ok(text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect())
    }

    /// Adds `entry`; when the journal would grow past [`MAX_BYTES`], the
    /// oldest lines are dropped to keep it to half of that.
    pub fn append(&self, entry: &Entry) -> Result<(), JournalError> {
        let line = serde_json::to_string(entry).map_err(|e| WriteError::Io(e.into()))?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(WriteError::Io)?;
        }
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        if size + (line.len() as u64) < MAX_BYTES {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .map_err(WriteError::Io)?;
            file.write_all(format!("{line}\n").as_bytes())
                .and_then(|()| file.sync_all())
                .map_err(WriteError::Io)?;
            return Ok(());
        }
        let text =
            files::read_text_limited(&self.path, MAX_BYTES, Accept::Files).unwrap_or_default();
        let budget = (MAX_BYTES / 2) as usize;
        let mut kept: Vec<&str> = Vec::new();
        let mut used = line.len() + 1;
        for old in text.lines().rev() {
            if used + old.len() + 1 > budget {
                break;
            }
            used += old.len() + 1;
            kept.push(old);
        }
        kept.reverse();
        let mut out = String::with_capacity(used);
        for old in kept {
            out.push_str(old);
            out.push('\n');
        }
        out.push_str(&line);
        out.push('\n');
        files::write_atomic(&self.path, out.as_bytes())?;
        Ok(())
    }

    /// The last change published for `domain`, and its sets still to undo
    /// (written or failed, and not restored by an undo since). `None` when
    /// there is nothing to undo.
    pub fn last_change(
        &self,
        domain: &str,
    ) -> Result<Option<(Entry, Vec<SetEntry>)>, JournalError> {
        let entries = self.entries()?;
        let Some(last) = entries
            .iter()
            .rev()
            .find(|e| e.kind == Kind::Publish && e.domain == domain)
        else {
            return Ok(None);
        };
        let restored: Vec<&SetEntry> = entries
            .iter()
            .filter(|e| e.kind == Kind::Undo && e.undoes.as_deref() == Some(last.id.as_str()))
            .flat_map(|e| e.sets.iter().filter(|s| s.written))
            .collect();
        let remaining: Vec<SetEntry> = last
            .sets
            .iter()
            .filter(|s| s.written || s.failed)
            .filter(|s| {
                !restored
                    .iter()
                    .any(|r| r.name == s.name && r.rtype == s.rtype)
            })
            .cloned()
            .collect();
        if remaining.is_empty() {
            return Ok(None);
        }
        Ok(Some((last.clone(), remaining)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(name: &str, written: bool) -> SetEntry {
        SetEntry {
            name: name.into(),
            rtype: RType::Txt,
            ttl: 300,
            before: vec!["\"old\"".into()],
            after: vec!["\"new\"".into()],
            written,
            failed: false,
        }
    }

    #[test]
    fn the_last_change_is_found_until_undone() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(dir.path());
        assert_eq!(journal.last_change("a.test").unwrap(), None);
        let mut first = Entry::new(Kind::Publish, "gandi", "a.test");
        first.id = "1".into();
        first.sets = vec![set("@", true)];
        let mut second = Entry::new(Kind::Publish, "gandi", "a.test");
        second.id = "2".into();
        second.sets = vec![set("@", true), set("_dmarc", false)];
        journal.append(&first).unwrap();
        journal.append(&second).unwrap();
        let (entry, sets) = journal.last_change("a.test").unwrap().unwrap();
        assert_eq!(entry.id, "2");
        assert_eq!(sets, vec![set("@", true)]);
        let mut undo = Entry::new(Kind::Undo, "gandi", "a.test");
        undo.undoes = Some("2".into());
        undo.sets = vec![set("@", true)];
        journal.append(&undo).unwrap();
        assert_eq!(journal.last_change("a.test").unwrap(), None);
        assert_eq!(journal.last_change("b.test").unwrap(), None);
    }

    #[test]
    fn the_journal_keeps_to_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(dir.path());
        let mut entry = Entry::new(Kind::Publish, "gandi", "a.test");
        entry.sets = vec![SetEntry {
            before: vec!["x".repeat(100_000)],
            ..set("@", true)
        }];
        for i in 0..60 {
            entry.id = i.to_string();
            journal.append(&entry).unwrap();
        }
        let size = std::fs::metadata(journal.path()).unwrap().len();
        assert!(size <= MAX_BYTES, "{size}");
        let entries = journal.entries().unwrap();
        assert_eq!(entries.last().unwrap().id, "59");
        assert!(entries.len() < 60);
    }
}

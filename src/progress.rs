//! What the admin has entered and done, kept between runs in the user's
//! configuration folder: written atomically, and a file that cannot be used
//! is moved aside, or left where it is when it cannot even be read, never
//! overwritten.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use crate::files::{self, Accept, ReadError, WriteError};
use crate::localize::Lang;
use crate::platform::Platform;

/// Environment variable that overrides the folder (tests, portable use).
pub const CONFIG_DIR_ENV: &str = "ESM_ASSISTANT_CONFIG_DIR";
const FILE_NAME: &str = "progress.json";

/// The most the progress file may hold. Each field has a limit of its own
/// (see [`Progress::oversized_field`]); together, even with every character
/// escaped in JSON, they stay under this.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The most a one-line field (domain, destination, smart host) may hold:
/// a pasted address or web address, with room to spare.
pub const MAX_LINE_BYTES: usize = 2048;
/// The test messages' verdicts: two proofs of a few hundred bytes each.
pub const MAX_PROOFS_BYTES: usize = 8 * 1024;

/// The saved progress. Every field has a default and is read on its own,
/// so that an older or partly damaged file still loads field by field.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    #[serde(deserialize_with = "lenient")]
    pub domain: String,
    #[serde(deserialize_with = "lenient")]
    pub platform: Platform,
    #[serde(deserialize_with = "lenient")]
    pub destination: String,
    #[serde(deserialize_with = "lenient")]
    pub dkim_key: String,
    /// The gateway's outgoing relay, typed from the console.
    #[serde(deserialize_with = "lenient")]
    pub smart_host: String,
    /// The gateway's ranges as pasted from support.
    #[serde(deserialize_with = "lenient")]
    pub ranges: String,
    #[serde(deserialize_with = "lenient")]
    pub lang: Option<Lang>,
    /// Steps the admin marked as done by hand, by id.
    #[serde(deserialize_with = "lenient")]
    pub done: BTreeSet<String>,
    /// The step open when the assistant was closed, by id.
    #[serde(deserialize_with = "lenient")]
    pub step: String,
    /// Actions the admin ticked by hand, by id.
    #[serde(deserialize_with = "lenient")]
    pub ticked: BTreeSet<String>,
    /// What the last test messages proved: verdicts and dates, no headers.
    #[serde(deserialize_with = "lenient")]
    pub proofs: crate::message::proof::Proofs,
}

impl Progress {
    /// The first field longer than it can sensibly be, with its limit in
    /// bytes: a file within [`MAX_FILE_BYTES`] still cannot hold a key of
    /// megabytes.
    pub fn oversized_field(&self) -> Option<(&'static str, usize)> {
        let key_limit = usize::try_from(crate::dkim::MAX_KEY_BYTES).unwrap_or(usize::MAX);
        let ranges_limit =
            usize::try_from(crate::lockdown::ranges::MAX_LIST_BYTES).unwrap_or(usize::MAX);
        let done: usize = self.done.iter().map(|d| d.len() + 1).sum();
        let ticked: usize = self.ticked.iter().map(|t| t.len() + 1).sum();
        let proofs = serde_json::to_string(&self.proofs).map_or(usize::MAX, |s| s.len());
        [
            ("domain", self.domain.len(), MAX_LINE_BYTES),
            ("destination", self.destination.len(), MAX_LINE_BYTES),
            ("smart_host", self.smart_host.len(), MAX_LINE_BYTES),
            ("step", self.step.len(), MAX_LINE_BYTES),
            ("done", done, MAX_LINE_BYTES),
            ("ticked", ticked, MAX_LINE_BYTES),
            ("proofs", proofs, MAX_PROOFS_BYTES),
            ("dkim_key", self.dkim_key.len(), key_limit),
            ("ranges", self.ranges.len(), ranges_limit),
        ]
        .into_iter()
        .find(|(_, len, limit)| len > limit)
        .map(|(field, _, limit)| (field, limit))
    }
}

/// A field's value, or its default when the saved value is not of its type.
fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned + Default,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// Why a saved file was not restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Not JSON, or not UTF-8.
    Damaged,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// A field longer than its limit (in bytes).
    FieldTooLarge { field: &'static str, limit: usize },
    /// No permission to read it.
    PermissionDenied,
    /// A folder, a device or a pipe has its name.
    NotAFile,
    /// Reading failed: what the system said.
    Unreadable(files::SystemError),
}

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// No saved progress.
    Fresh,
    Restored(Box<Progress>),
    /// The file could be read but not used, and was moved to `moved_to`.
    MovedAside {
        moved_to: PathBuf,
        problem: LoadProblem,
    },
    /// The file could not be used and was left where it is, at `path`:
    /// it could not be read (so it is not touched), or moving it aside
    /// failed (`move_error`). Saving over it would lose it: do not save.
    LeftInPlace {
        path: PathBuf,
        problem: LoadProblem,
        move_error: Option<files::SystemError>,
    },
}

/// The folder the progress lives in.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("net", "e-securemail", "esm-assistant")
        .map(|d| d.config_dir().to_path_buf())
}

/// The progress file in `dir`.
pub fn file_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Reads the progress at `path`: a regular file of at most
/// [`MAX_FILE_BYTES`], a UTF-8 byte-order mark allowed.
pub fn load(path: &Path) -> Loaded {
    let bytes = match files::read_limited(path, MAX_FILE_BYTES, Accept::Files) {
        Ok(b) => b,
        Err(ReadError::NotFound) => return Loaded::Fresh,
        Err(ReadError::TooLarge { .. }) => return move_aside(path, LoadProblem::TooLarge),
        Err(ReadError::NotText) => return move_aside(path, LoadProblem::Damaged),
        // What cannot be read is not ours to move: it stays, untouched.
        Err(e) => {
            let problem = match e {
                ReadError::PermissionDenied => LoadProblem::PermissionDenied,
                ReadError::NotAFile => LoadProblem::NotAFile,
                ReadError::Io(e) => LoadProblem::Unreadable(files::SystemError::from(&e)),
                // The others are handled above; said as a refusal if one
                // ever reaches here.
                _ => LoadProblem::Unreadable(files::SystemError {
                    kind: std::io::ErrorKind::Other,
                    code: None,
                }),
            };
            return Loaded::LeftInPlace {
                path: path.to_path_buf(),
                problem,
                move_error: None,
            };
        }
    };
    let progress = match serde_json::from_slice::<Progress>(files::without_bom(&bytes)) {
        Ok(p) => p,
        Err(_) => return move_aside(path, LoadProblem::Damaged),
    };
    match progress.oversized_field() {
        Some((field, limit)) => move_aside(path, LoadProblem::FieldTooLarge { field, limit }),
        None => Loaded::Restored(Box::new(progress)),
    }
}

fn move_aside(path: &Path, problem: LoadProblem) -> Loaded {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    move_aside_as(path, problem, &format!("{FILE_NAME}.unreadable-{stamp}"))
}

/// Moves `path` to `name` in its folder (`name (2)`… if taken), or says
/// that it was left in place and why.
fn move_aside_as(path: &Path, problem: LoadProblem, name: &str) -> Loaded {
    let dir = path.parent().unwrap_or(Path::new("."));
    let moved_to = files::unused_path(dir, name);
    match std::fs::rename(path, &moved_to) {
        Ok(()) => Loaded::MovedAside { moved_to, problem },
        Err(e) => Loaded::LeftInPlace {
            path: path.to_path_buf(),
            problem,
            move_error: Some(files::SystemError::from(&e)),
        },
    }
}

/// Writes `progress` to `path` atomically (see [`crate::files::write_atomic`]).
pub fn save(path: &Path, progress: &Progress) -> Result<(), WriteError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(progress).map_err(std::io::Error::other)?;
    crate::files::write_atomic(path, &json)
}

impl Progress {
    /// The saved text fields with their controls visible, for the fields
    /// they are shown in again: a file edited by hand (or by anyone) cannot
    /// bring a control or a bidirectional override into the window. The
    /// line breaks and tabs of the pasted key and ranges stay, as pasted.
    pub fn made_visible(mut self) -> Progress {
        for field in [
            &mut self.domain,
            &mut self.destination,
            &mut self.smart_host,
        ] {
            *field = crate::safe_text::visible(field).into_owned();
        }
        for field in [&mut self.dkim_key, &mut self.ranges] {
            *field = crate::safe_text::visible_except(field, &['\n', '\r', '\t']).into_owned();
        }
        self
    }
}

/// The saves of one progress file, in the order of the states they hold.
/// Each state gets a number; a save of a state older than the one already
/// written is skipped, so that whatever order concurrent saves end in, the
/// newest state is the one left on disk.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The number of the state on disk (0: none written yet).
    written: Mutex<u64>,
}

impl Store {
    pub fn new(path: PathBuf) -> Store {
        Store {
            path,
            written: Mutex::new(0),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `progress`, state number `number`, unless a newer state is on
    /// disk already: `Ok(false)` then.
    pub fn save(&self, number: u64, progress: &Progress) -> Result<bool, WriteError> {
        // Held while writing: one write at a time, in order.
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        if number <= *written {
            return Ok(false);
        }
        save(&self.path, progress)?;
        *written = number;
        Ok(true)
    }

    /// Removes the file ("Start over"), as state number `number`: saves of
    /// older states still under way are then skipped.
    pub fn clear(&self, number: u64) -> std::io::Result<()> {
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        clear(&self.path)?;
        *written = (*written).max(number);
        Ok(())
    }
}

/// Removes the saved progress ("Start over").
pub fn clear(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("esm-progress-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn saves_and_restores() {
        let dir = temp_dir("roundtrip");
        let path = file_in(&dir);
        assert_eq!(load(&path), Loaded::Fresh);
        let progress = Progress {
            domain: "exemple.fr".into(),
            platform: Platform::GoogleWorkspace,
            destination: "mail.exemple.fr".into(),
            dkim_key: "MIIB…".into(),
            smart_host: "relay.example.net".into(),
            ranges: "198.51.100.0/24".into(),
            lang: Some(Lang::Fr),
            done: ["lockdown".to_string()].into(),
            step: "spf".into(),
            ticked: ["dkim-enable".to_string()].into(),
            proofs: serde_json::from_str(
                r#"{"outbound": {"domain": "exemple.fr", "platform": "google-workspace",
                "date": "2026-11-28T14:05:00+01:00", "analysed": "2026-11-28T14:07:00+01:00",
                "verdicts": [{"id": "message.outbound.dkim", "status": "pass"}]}}"#,
            )
            .unwrap(),
        };
        save(&path, &progress).unwrap();
        assert_eq!(load(&path), Loaded::Restored(Box::new(progress)));
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        clear(&path).unwrap();
        assert_eq!(load(&path), Loaded::Fresh);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn concurrent_saves_leave_the_newest_state_and_nothing_else() {
        let dir = temp_dir("concurrent");
        let path = file_in(&dir);
        let state = |n: u64| Progress {
            domain: format!("exemple-{n}.fr"),
            ranges: "198.51.100.0/24\n".repeat(500),
            ..Progress::default()
        };
        // Without numbers, 64 saves at once: each has a temporary file of
        // its own, so every one succeeds and the file is always whole.
        let barrier = std::sync::Barrier::new(64);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (1..=64)
                .map(|n| {
                    let (barrier, path) = (&barrier, &path);
                    scope.spawn(move || {
                        barrier.wait();
                        save(path, &state(n))
                    })
                })
                .collect();
            for h in handles {
                h.join().unwrap().unwrap();
            }
        });
        assert!(matches!(load(&path), Loaded::Restored(_)));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);

        // Through a store, started in any order: the newest state stays.
        for round in 0..20u64 {
            let store = Store::new(path.clone());
            let newest = 32;
            let barrier = std::sync::Barrier::new(newest as usize);
            std::thread::scope(|scope| {
                for n in 1..=newest {
                    // Newest first in odd rounds, oldest first in even ones.
                    let n = if round % 2 == 1 { newest + 1 - n } else { n };
                    let (barrier, store) = (&barrier, &store);
                    scope.spawn(move || {
                        barrier.wait();
                        store.save(n, &state(n)).unwrap();
                    });
                }
            });
            let Loaded::Restored(on_disk) = load(&path) else {
                panic!("round {round}")
            };
            assert_eq!(*on_disk, state(newest), "round {round}");
            // An older state that finishes last changes nothing.
            assert!(!store.save(newest - 1, &state(newest - 1)).unwrap());
            assert_eq!(load(&path), Loaded::Restored(Box::new(state(newest))));
        }
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn an_older_file_loads_field_by_field() {
        let dir = temp_dir("partial");
        let path = file_in(&dir);
        std::fs::write(
            &path,
            r#"{"domain": "exemple.fr", "unknown_field": 3, "platform": "mainframe", "lang": "fr", "done": 7}"#,
        )
        .unwrap();
        let Loaded::Restored(p) = load(&path) else {
            panic!()
        };
        assert_eq!(p.domain, "exemple.fr");
        assert_eq!(p.lang, Some(Lang::Fr));
        // A value that is not of its field's type falls back to the default.
        assert_eq!(p.platform, Platform::Microsoft365);
        assert!(p.done.is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn restored_text_has_its_controls_visible() {
        let progress = Progress {
            domain: "exa\u{1b}[2Jmple.fr".into(),
            destination: "mail\u{202e}rf.elpmexe".into(),
            smart_host: "relay\n.example.net".into(),
            dkim_key: "MIIB\r\nAQAB\u{7}\tX".into(),
            ranges: "198.51.100.0/24\n\u{1b}]0;t\u{7}\n".into(),
            ..Progress::default()
        }
        .made_visible();
        assert_eq!(progress.domain, "exa\\u{1b}[2Jmple.fr");
        assert_eq!(progress.destination, "mail\\u{202e}rf.elpmexe");
        assert_eq!(progress.smart_host, "relay\\u{a}.example.net");
        assert_eq!(progress.dkim_key, "MIIB\r\nAQAB\\u{7}\tX");
        assert_eq!(progress.ranges, "198.51.100.0/24\n\\u{1b}]0;t\\u{7}\n");
        let plain = Progress {
            domain: "exemple.fr".into(),
            ranges: "198.51.100.0/24\r\n203.0.113.0/24".into(),
            ..Progress::default()
        };
        assert_eq!(plain.clone().made_visible(), plain);
    }

    #[test]
    fn a_damaged_file_is_moved_aside_not_lost() {
        let dir = temp_dir("broken");
        let path = file_in(&dir);
        for (content, problem) in [
            (b"{ this is not json".to_vec(), LoadProblem::Damaged),
            (b"{\"domain\": \"\xff\xfe\"}".to_vec(), LoadProblem::Damaged),
        ] {
            std::fs::write(&path, &content).unwrap();
            let Loaded::MovedAside {
                moved_to,
                problem: found,
            } = load(&path)
            else {
                panic!()
            };
            assert_eq!(found, problem);
            assert!(!path.exists());
            // Two in the same second: the first is not overwritten.
            assert_eq!(std::fs::read(&moved_to).unwrap(), content);
        }
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = temp_dir("bom");
        let path = file_in(&dir);
        std::fs::write(&path, "\u{feff}{\"domain\": \"exemple.fr\"}").unwrap();
        let Loaded::Restored(p) = load(&path) else {
            panic!()
        };
        assert_eq!(p.domain, "exemple.fr");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn oversized_files_and_fields_are_moved_aside() {
        let dir = temp_dir("oversized");
        let path = file_in(&dir);
        // Over the file's limit: not even parsed.
        let huge = format!(
            "{{\"domain\": \"{}\"}}",
            "a".repeat(MAX_FILE_BYTES as usize)
        );
        std::fs::write(&path, &huge).unwrap();
        let Loaded::MovedAside { moved_to, problem } = load(&path) else {
            panic!()
        };
        assert_eq!(problem, LoadProblem::TooLarge);
        assert_eq!(
            std::fs::metadata(&moved_to).unwrap().len(),
            huge.len() as u64
        );
        // Within it, but a key far longer than any key.
        let key = format!("{{\"dkim_key\": \"{}\"}}", "A".repeat(100_000));
        std::fs::write(&path, &key).unwrap();
        let Loaded::MovedAside { problem, .. } = load(&path) else {
            panic!()
        };
        assert_eq!(
            problem,
            LoadProblem::FieldTooLarge {
                field: "dkim_key",
                limit: 64 * 1024
            }
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn every_field_at_its_limit_fits_in_the_file_even_escaped() {
        // The worst case for JSON: control characters, six bytes each.
        let fill = |n: usize| "\u{1}".repeat(n);
        let key = usize::try_from(crate::dkim::MAX_KEY_BYTES).unwrap();
        let ranges = usize::try_from(crate::lockdown::ranges::MAX_LIST_BYTES).unwrap();
        let progress = Progress {
            domain: fill(MAX_LINE_BYTES),
            destination: fill(MAX_LINE_BYTES),
            smart_host: fill(MAX_LINE_BYTES),
            step: fill(MAX_LINE_BYTES),
            dkim_key: fill(key),
            ranges: fill(ranges),
            ..Progress::default()
        };
        assert_eq!(progress.oversized_field(), None);
        let json = serde_json::to_vec_pretty(&progress).unwrap();
        assert!((json.len() as u64) < MAX_FILE_BYTES, "{}", json.len());
    }

    #[test]
    fn a_file_that_cannot_be_read_or_moved_is_left_in_place_and_said_so() {
        let dir = temp_dir("left");
        // A folder where the file should be: not read, not moved.
        let path = file_in(&dir);
        std::fs::create_dir(&path).unwrap();
        assert_eq!(
            load(&path),
            Loaded::LeftInPlace {
                path: path.clone(),
                problem: LoadProblem::NotAFile,
                move_error: None
            }
        );
        assert!(path.is_dir());
        std::fs::remove_dir(&path).unwrap();
        // A damaged file that cannot be moved (here, to a folder that does
        // not exist; for a user, a folder they may not write in): it is
        // said to be where it is, not "kept aside".
        std::fs::write(&path, b"{ damaged").unwrap();
        let Loaded::LeftInPlace {
            path: left,
            problem,
            move_error: Some(_),
        } = move_aside_as(&path, LoadProblem::Damaged, "no-such-folder/aside")
        else {
            panic!()
        };
        assert_eq!((left, problem), (path.clone(), LoadProblem::Damaged));
        assert_eq!(std::fs::read(&path).unwrap(), b"{ damaged");
        std::fs::remove_dir_all(&dir).ok();
    }
}

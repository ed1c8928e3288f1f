//! What the admin has entered and done, kept between runs in the user's
//! configuration folder: written atomically, and a file that cannot be read
//! is moved aside, never overwritten.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files::WriteError;
use crate::localize::Lang;
use crate::platform::Platform;

/// Environment variable that overrides the folder (tests, portable use).
pub const CONFIG_DIR_ENV: &str = "ESM_ASSISTANT_CONFIG_DIR";
const FILE_NAME: &str = "progress.json";

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

/// What loading found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// No saved progress.
    Fresh,
    Restored(Progress),
    /// The file could not be read; it was moved to `moved_to`.
    MovedAside {
        moved_to: PathBuf,
        reason: String,
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

/// Reads the progress at `path`.
pub fn load(path: &Path) -> Loaded {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::Fresh,
        Err(e) => return move_aside(path, e.to_string()),
    };
    match serde_json::from_slice::<Progress>(&bytes) {
        Ok(p) => Loaded::Restored(p),
        Err(e) => move_aside(path, e.to_string()),
    }
}

fn move_aside(path: &Path, reason: String) -> Loaded {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let moved_to = path.with_file_name(format!("{FILE_NAME}.unreadable-{stamp}"));
    match std::fs::rename(path, &moved_to) {
        Ok(()) => Loaded::MovedAside { moved_to, reason },
        // Could not move it: leave it where it is, and say so; saving will
        // then fail too rather than overwrite it.
        Err(e) => Loaded::MovedAside {
            moved_to: path.to_path_buf(),
            reason: format!("{reason}; {e}"),
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
        };
        save(&path, &progress).unwrap();
        assert_eq!(load(&path), Loaded::Restored(progress));
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        clear(&path).unwrap();
        assert_eq!(load(&path), Loaded::Fresh);
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
    fn an_unreadable_file_is_moved_aside_not_lost() {
        let dir = temp_dir("broken");
        let path = file_in(&dir);
        std::fs::write(&path, b"{ this is not json").unwrap();
        let Loaded::MovedAside { moved_to, .. } = load(&path) else {
            panic!()
        };
        assert!(!path.exists());
        assert_eq!(std::fs::read(&moved_to).unwrap(), b"{ this is not json");
        std::fs::remove_dir_all(&dir).ok();
    }
}

//! Files read and written safely. Reads stop at a limit that fits what the
//! file holds (a key, a profile, a list of ranges), so that `/dev/zero` or a
//! file of gigabytes is refused at once. Writes leave nothing half-written:
//! a temporary file of its own in the same folder, flushed to disk, then
//! renamed over the target; only a regular file or a new name is replaced.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not found")]
    NotFound,
    /// A folder, or where only files will do, a device or a pipe.
    #[error("not a regular file")]
    NotAFile,
    /// Larger than `limit` bytes: what it should hold is never that large.
    #[error("larger than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("permission denied")]
    PermissionDenied,
    /// Not UTF-8 text.
    #[error("not UTF-8 text")]
    NotText,
    #[error(transparent)]
    Io(std::io::Error),
}

/// A refusal of the system, kept as a code rather than the system's words,
/// so that it can be said in the window's language (see
/// [`crate::render::system_error`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemError {
    pub kind: std::io::ErrorKind,
    /// The system's error number, when it gave one.
    pub code: Option<i32>,
}

impl From<&std::io::Error> for SystemError {
    fn from(e: &std::io::Error) -> SystemError {
        SystemError {
            kind: e.kind(),
            code: e.raw_os_error(),
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> ReadError {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::NotAFile,
            _ => ReadError::Io(e),
        }
    }
}

/// What a read accepts besides regular files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Regular files only: a pipe without a writer would block for ever.
    Files,
    /// Also pipes and devices (`<(command)`, `/dev/stdin`), read up to the
    /// limit like a file.
    Streams,
}

/// The bytes of `path`, refused when there are more than `limit`: at most
/// `limit + 1` bytes are ever read.
pub fn read_limited(path: &Path, limit: u64, accept: Accept) -> Result<Vec<u8>, ReadError> {
    let acceptable = |meta: &std::fs::Metadata| {
        if meta.is_dir() || (accept == Accept::Files && !meta.is_file()) {
            Err(ReadError::NotAFile)
        } else if meta.is_file() && meta.len() > limit {
            Err(ReadError::TooLarge { limit })
        } else {
            Ok(())
        }
    };
    // Looked at before opening: opening a pipe waits for a writer.
    acceptable(&std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    // And what was opened, should the name have changed hands since.
    acceptable(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// [`read_limited`], as UTF-8 text without a leading byte-order mark.
pub fn read_text_limited(path: &Path, limit: u64, accept: Accept) -> Result<String, ReadError> {
    let bytes = read_limited(path, limit, accept)?;
    String::from_utf8(without_bom(&bytes).to_vec()).map_err(|_| ReadError::NotText)
}

/// `bytes` without the UTF-8 byte-order mark some editors put first.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Something other than a regular file has the name (a device such as
    /// `/dev/null`, a folder, a pipe, or a link to one): renaming over it
    /// would replace it, so it is left alone.
    #[error("not a regular file")]
    NotAFile,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Longest part of the target's name kept in the temporary file's name, so
/// that a long name cannot make the temporary one too long.
const NAME_IN_TEMP: usize = 40;

/// Writes `bytes` to `path` atomically, if `path` is a regular file (or a
/// link to one) or does not exist. On failure the temporary file is removed
/// and `path` is untouched. A link is replaced by the new file, never
/// written through. An existing file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // Follows links: a link to a device is refused like the device.
    let existing = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(_) => return Err(WriteError::NotAFile),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name: String = path
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(NAME_IN_TEMP).collect())
        .unwrap_or_else(|| "file".into());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` would make it (less the umask), or as it was.
        let mode = existing
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = existing;
    // The temporary file is removed when dropped, whatever fails below.
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `dir/name`, or `dir/stem (2).ext`, `(3)`… if that file already exists.
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let candidate = dir.join(name);
    if !candidate.exists() {
        return candidate;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s.to_string(), format!(".{e}")),
        None => (name.to_string(), String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("esm-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let dir = temp_dir("read");
        let path = dir.join("key.txt");
        std::fs::write(&path, b"\xef\xbb\xbfMIIB").unwrap();
        assert_eq!(read_text_limited(&path, 7, Accept::Files).unwrap(), "MIIB");
        assert!(matches!(
            read_limited(&path, 6, Accept::Files),
            Err(ReadError::TooLarge { limit: 6 })
        ));
        assert!(matches!(
            read_limited(&dir.join("none"), 6, Accept::Files),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_limited(&dir, 6, Accept::Streams),
            Err(ReadError::NotAFile)
        ));
        std::fs::write(&path, b"\xff\xfe").unwrap();
        assert!(matches!(
            read_text_limited(&path, 6, Accept::Files),
            Err(ReadError::NotText)
        ));
        #[cfg(unix)]
        {
            // An endless device: refused where only files will do, cut at
            // the limit where streams are read.
            let zero = Path::new("/dev/zero");
            assert!(matches!(
                read_limited(zero, 1024, Accept::Files),
                Err(ReadError::NotAFile)
            ));
            let start = std::time::Instant::now();
            assert!(matches!(
                read_limited(zero, 1024 * 1024, Accept::Streams),
                Err(ReadError::TooLarge { .. })
            ));
            assert!(start.elapsed() < std::time::Duration::from_secs(2));
            // A pipe without a writer is not opened, so nothing waits.
            let fifo = dir.join("fifo");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap();
            assert!(made.success());
            assert!(matches!(
                read_limited(&fifo, 1024, Accept::Files),
                Err(ReadError::NotAFile)
            ));
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn writes_whole_files_and_leaves_nothing_on_failure() {
        let dir = temp_dir("whole");
        let path = dir.join("a.pdf");
        write_atomic(&path, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
        write_atomic(&path, b"%PDF-2.0").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-2.0");
        assert_eq!(unused_path(&dir, "a.pdf"), dir.join("a (2).pdf"));
        assert_eq!(unused_path(&dir, "b.pdf"), dir.join("b.pdf"));
        // A folder that does not exist: an error, and no stray file.
        let missing = dir.join("no/such/folder/c.pdf");
        assert!(write_atomic(&missing, b"x").is_err());
        // A name too long for a temporary file built from it whole.
        let long = dir.join(format!("{}.pdf", "é".repeat(100)));
        write_atomic(&long, b"x").unwrap();
        std::fs::remove_file(&long).unwrap();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn only_regular_files_are_replaced() {
        let dir = temp_dir("regular");
        let folder = dir.join("folder.pdf");
        std::fs::create_dir(&folder).unwrap();
        assert!(matches!(
            write_atomic(&folder, b"x"),
            Err(WriteError::NotAFile)
        ));
        assert!(folder.is_dir());
        #[cfg(unix)]
        {
            let fifo = dir.join("fifo.pdf");
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap();
            assert!(made.success());
            assert!(matches!(
                write_atomic(&fifo, b"x"),
                Err(WriteError::NotAFile)
            ));
            // A link to something that is not a file is refused like it.
            let link = dir.join("link.pdf");
            std::os::unix::fs::symlink(&folder, &link).unwrap();
            assert!(matches!(
                write_atomic(&link, b"x"),
                Err(WriteError::NotAFile)
            ));
            assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
            // A link to a file is replaced, its target left as it was.
            let target = dir.join("target.pdf");
            std::fs::write(&target, b"old").unwrap();
            let link2 = dir.join("link2.pdf");
            std::os::unix::fs::symlink(&target, &link2).unwrap();
            write_atomic(&link2, b"new").unwrap();
            assert_eq!(std::fs::read(&target).unwrap(), b"old");
            assert_eq!(std::fs::read(&link2).unwrap(), b"new");
            assert!(!std::fs::symlink_metadata(&link2).unwrap().is_symlink());
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("mode");
        let path = dir.join("progress.json");
        std::fs::write(&path, b"{}").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"{\"domain\": \"exemple.fr\"}").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        std::fs::remove_dir_all(&dir).ok();
    }
}

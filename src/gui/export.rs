//! Saving what the window shows: the checklist (PDF) and the records (zone
//! file or text). A save dialog when one can open; otherwise the user's
//! Documents folder, and the window says where.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::check::Report;
use crate::checklist::{self, ChecklistInput, Paper};
use crate::domain::DomainName;
use crate::localize::Lang;
use crate::platform::Platform;
use crate::provider::Provider;
use crate::records::Publication;
use crate::step::Step;

/// What is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Checklist,
    Zone,
    Text,
}

impl Kind {
    fn extension(self) -> &'static str {
        match self {
            Kind::Checklist => "pdf",
            Kind::Zone => "zone",
            Kind::Text => "txt",
        }
    }
}

/// What a saved file holds, for the message that says where it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    Checklist,
    Records,
    /// A lock-down script or rules.
    Script,
}

impl From<Kind> for Contents {
    fn from(kind: Kind) -> Contents {
        match kind {
            Kind::Checklist => Contents::Checklist,
            Kind::Zone | Kind::Text => Contents::Records,
        }
    }
}

/// A file that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub contents: Contents,
    pub path: PathBuf,
    /// No save dialog could open: the file went to the Documents folder.
    pub fallback: bool,
}

/// Everything needed to make the files, owned, so it can leave the window's
/// thread.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub domain: DomainName,
    pub platform: Platform,
    pub lang: Lang,
    pub provider: Provider,
    pub report: Report,
    pub publication: Publication,
    pub destination: Option<String>,
    pub done: BTreeSet<Step>,
    /// Actions ticked by hand.
    pub ticked: BTreeSet<String>,
    pub existing_dkim: Vec<String>,
    pub checked_at: Option<chrono::DateTime<chrono::Local>>,
    /// The lock-down inputs, as the window has them.
    pub ranges: Option<crate::lockdown::GatewayRanges>,
    pub smart_host: Option<DomainName>,
    pub arc: bool,
    pub format: crate::lockdown::firewall::Format,
    /// What test messages proved, and those analysed this session.
    pub proofs: crate::message::proof::Proofs,
    pub inbound: Option<crate::message::MessageReport>,
    pub outbound: Option<crate::message::MessageReport>,
    pub tenant: Option<Vec<crate::check::CheckResult>>,
}

impl Snapshot {
    fn file_name(&self, kind: Kind) -> String {
        let today = chrono::Local::now().date_naive();
        match kind {
            Kind::Checklist => checklist::file_name(&self.domain, today),
            Kind::Zone | Kind::Text => format!(
                "esm-records-{}-{}.{}",
                self.domain.ascii(),
                today.format("%Y-%m-%d"),
                kind.extension()
            ),
        }
    }

    /// The file's content.
    pub fn bytes(&self, kind: Kind) -> Result<Vec<u8>, String> {
        match kind {
            Kind::Checklist => {
                let now = chrono::Local::now();
                checklist::export(&ChecklistInput {
                    domain: &self.domain,
                    report: &self.report,
                    content: crate::content::Input {
                        domain: Some(&self.domain),
                        platform: self.platform,
                        lang: self.lang,
                        provider: &self.provider,
                        report: Some(&self.report),
                        publication: Some(&self.publication),
                        destination: self.destination.clone(),
                        done: &self.done,
                        ticked: &self.ticked,
                        existing_dkim: Some(&self.existing_dkim),
                        checked_at: self.checked_at,
                        lockdown: crate::content::LockdownInput {
                            ranges: self.ranges.as_ref(),
                            smart_host: self.smart_host.as_ref(),
                            arc: self.arc,
                            format: self.format,
                        },
                        tests: crate::content::TestInput {
                            proofs: &self.proofs,
                            inbound: self.inbound.as_ref(),
                            outbound: self.outbound.as_ref(),
                            tenant: self.tenant.as_deref(),
                        },
                        today: now.date_naive(),
                    },
                    generated_at: now,
                    paper: Paper::A4,
                })
            }
            Kind::Zone => Ok(self.publication.to_zone(self.lang).into_bytes()),
            Kind::Text => {
                // Typed as the domain's DNS host wants, as the cards are.
                let guide =
                    crate::dnshost::identify(&crate::dnshost::name_servers_in(&self.report))
                        .and_then(|h| h.guide());
                Ok(crate::render::records_text_for(
                    self.lang,
                    &self.publication,
                    &self.provider,
                    guide,
                )
                .into_bytes())
            }
        }
    }
}

/// Whether a save dialog can open here. On Linux it needs the desktop
/// portal (over D-Bus) or zenity; elsewhere the system always has one.
pub fn dialog_available() -> bool {
    #[cfg(target_os = "linux")]
    {
        linux::portal_available() || linux::zenity_available()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

#[cfg(target_os = "linux")]
mod linux {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";

    pub fn portal_available() -> bool {
        let Ok(connection) = zbus::blocking::Connection::session() else {
            return false;
        };
        let Ok(dbus) = zbus::blocking::fdo::DBusProxy::new(&connection) else {
            return false;
        };
        let Ok(name) = zbus::names::BusName::try_from(PORTAL) else {
            return false;
        };
        dbus.name_has_owner(name).unwrap_or(false)
            || dbus
                .list_activatable_names()
                .is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL))
    }

    pub fn zenity_available() -> bool {
        std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        })
    }
}

/// The folder files go to when no dialog can open.
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| {
            d.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_else(std::env::temp_dir)
}

/// Where to write `name`: asked with a save dialog when one can open, else
/// the Documents folder (`true`: no dialog could open), or `forced_dir`.
/// `None`: the user cancelled.
async fn choose_path(
    name: &str,
    extension: &str,
    forced_dir: Option<PathBuf>,
) -> Option<(PathBuf, bool)> {
    match forced_dir {
        Some(dir) => Some((crate::files::unused_path(&dir, name), false)),
        None if dialog_available() => rfd::AsyncFileDialog::new()
            .set_file_name(name)
            .add_filter(extension, &[extension])
            .save_file()
            .await
            .map(|h| (h.path().to_path_buf(), false)),
        None => Some((crate::files::unused_path(&documents_dir(), name), true)),
    }
}

/// Writes what `make` produces to `path`, whole or not at all; an error
/// in words of `lang`.
async fn write(
    path: PathBuf,
    lang: Lang,
    make: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
) -> Result<(), String> {
    tokio::task::spawn_blocking(move || {
        let bytes = make()?;
        crate::files::write_atomic(&path, &bytes).map_err(|e| crate::render::write_error(lang, &e))
    })
    .await
    // The writing thread stopped without an answer.
    .map_err(|_| crate::fl!(lang, "gui-save-interrupted"))?
}

/// Saves the checklist or the records. `Ok(None)`: the user cancelled.
pub async fn save(
    snapshot: Snapshot,
    kind: Kind,
    forced_dir: Option<PathBuf>,
) -> Result<Option<Saved>, String> {
    let name = snapshot.file_name(kind);
    let Some((path, fallback)) = choose_path(&name, kind.extension(), forced_dir).await else {
        return Ok(None);
    };
    let lang = snapshot.lang;
    write(path.clone(), lang, move || snapshot.bytes(kind)).await?;
    Ok(Some(Saved {
        contents: kind.into(),
        path,
        fallback,
    }))
}

/// Saves a generated script or rules as `name`.
pub async fn save_script(
    name: String,
    content: String,
    lang: Lang,
    forced_dir: Option<PathBuf>,
) -> Result<Option<Saved>, String> {
    let extension = name.rsplit_once('.').map_or("txt", |(_, e)| e).to_string();
    let Some((path, fallback)) = choose_path(&name, &extension, forced_dir).await else {
        return Ok(None);
    };
    let bytes = crate::lockdown::words::file_bytes(&extension, content);
    write(path.clone(), lang, move || Ok(bytes)).await?;
    Ok(Some(Saved {
        contents: Contents::Script,
        path,
        fallback,
    }))
}

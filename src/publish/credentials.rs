//! The admin's credentials for a DNS host: from environment variables, or
//! kept in the operating system's keychain (through `keyring`). They are
//! held only here, never written to the progress file, the journal, a log
//! or a message; `Debug` shows their names alone.

use std::collections::BTreeMap;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};

use super::host::Host;

/// Longest credential accepted: the hosts' tokens and keys are far shorter.
pub const MAX_SECRET_LEN: usize = 512;

/// One credential a host needs: its name here, and the environment
/// variable that can give it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub env: &'static str,
}

/// What `host` needs.
pub fn fields(host: Host) -> &'static [Field] {
    match host {
        Host::Gandi => &[Field {
            name: "token",
            env: "ESM_GANDI_TOKEN",
        }],
        Host::Cloudflare => &[Field {
            name: "token",
            env: "ESM_CLOUDFLARE_TOKEN",
        }],
        Host::Ionos => &[Field {
            name: "api-key",
            env: "ESM_IONOS_API_KEY",
        }],
        Host::Ovh => &[
            Field {
                name: "application-key",
                env: "ESM_OVH_APPLICATION_KEY",
            },
            Field {
                name: "application-secret",
                env: "ESM_OVH_APPLICATION_SECRET",
            },
            Field {
                name: "consumer-key",
                env: "ESM_OVH_CONSUMER_KEY",
            },
        ],
    }
}

/// Credentials by field name.
#[derive(Clone, Default)]
pub struct Secrets {
    values: BTreeMap<&'static str, String>,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.values.keys()).finish()
    }
}

impl Secrets {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn set(&mut self, name: &'static str, value: String) {
        self.values.insert(name, value);
    }

    /// Has every field of `host` a value?
    pub fn complete(&self, host: Host) -> bool {
        fields(host)
            .iter()
            .all(|f| self.values.contains_key(f.name))
    }
}

/// A credential as given: surrounding spaces removed; refused when empty,
/// too long, or holding a character no header can carry.
pub fn clean(value: &str) -> Option<String> {
    let value = value.trim();
    let usable = !value.is_empty()
        && value.len() <= MAX_SECRET_LEN
        && value.bytes().all(|b| (0x21..=0x7e).contains(&b));
    usable.then(|| value.to_string())
}

/// The credentials for `host` found in the environment.
pub fn from_env(host: Host) -> Secrets {
    let mut secrets = Secrets::default();
    for field in fields(host) {
        if let Some(value) = std::env::var(field.env).ok().and_then(|v| clean(&v)) {
            secrets.set(field.name, value);
        }
    }
    secrets
}

/// The keychain entries' service name.
pub const SERVICE: &str = "net.e-securemail.esm-assistant";

/// Set to `off`, the keychain is never asked (tests, servers without one).
pub const KEYCHAIN_ENV: &str = "ESM_ASSISTANT_KEYCHAIN";

/// Why the keychain could not be used. The platform's own words are not
/// kept: they are in English and say nothing the admin can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainError {
    /// There is no keychain here, or it is locked or refused access.
    Unavailable,
    /// It holds something under our name that is not a usable credential.
    Damaged,
}

impl KeychainError {
    pub fn code(self) -> &'static str {
        match self {
            KeychainError::Unavailable => "unavailable",
            KeychainError::Damaged => "damaged",
        }
    }
}

fn keychain_error(error: keyring_core::Error) -> KeychainError {
    match error {
        keyring_core::Error::BadEncoding(_) | keyring_core::Error::BadDataFormat(..) => {
            KeychainError::Damaged
        }
        _ => KeychainError::Unavailable,
    }
}

/// The credentials kept for each host, one keychain entry per field.
pub struct Keychain {
    store: Arc<CredentialStore>,
}

impl Keychain {
    /// The operating system's keychain; `None` when there is none, or
    /// [`KEYCHAIN_ENV`] is `off`.
    pub fn native() -> Option<Keychain> {
        if std::env::var(KEYCHAIN_ENV).is_ok_and(|v| v.trim().eq_ignore_ascii_case("off")) {
            return None;
        }
        keyring::Entry::store_status().as_ref().ok()?;
        keyring_core::get_default_store().map(|store| Keychain { store })
    }

    /// A keychain over `store` (tests give the in-memory mock store).
    pub fn with_store(store: Arc<CredentialStore>) -> Keychain {
        Keychain { store }
    }

    fn entry(&self, host: Host, field: &Field) -> Result<Entry, KeychainError> {
        let user = format!("{}:{}", host.id(), field.name);
        Entry::new_in_store(&self.store, SERVICE, &user).map_err(keychain_error)
    }

    /// Adds to `secrets` the fields of `host` it lacks and the keychain has.
    pub fn fill(&self, host: Host, secrets: &mut Secrets) -> Result<(), KeychainError> {
        for field in fields(host) {
            if secrets.get(field.name).is_some() {
                continue;
            }
            match self.entry(host, field)?.get_password() {
                Ok(value) => {
                    let value = clean(&value).ok_or(KeychainError::Damaged)?;
                    secrets.set(field.name, value);
                }
                Err(keyring_core::Error::NoEntry) => {}
                Err(e) => return Err(keychain_error(e)),
            }
        }
        Ok(())
    }

    /// Keeps every field of `host` that `secrets` has.
    pub fn save(&self, host: Host, secrets: &Secrets) -> Result<(), KeychainError> {
        for field in fields(host) {
            if let Some(value) = secrets.get(field.name) {
                self.entry(host, field)?
                    .set_password(value)
                    .map_err(keychain_error)?;
            }
        }
        Ok(())
    }

    /// Removes what is kept for `host`; how many entries there were.
    pub fn forget(&self, host: Host) -> Result<usize, KeychainError> {
        let mut removed = 0;
        for field in fields(host) {
            match self.entry(host, field)?.delete_credential() {
                Ok(()) => removed += 1,
                Err(keyring_core::Error::NoEntry) => {}
                Err(e) => return Err(keychain_error(e)),
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mock() -> Keychain {
        Keychain::with_store(keyring_core::mock::Store::new().unwrap())
    }

    #[test]
    fn credentials_are_kept_found_and_forgotten_in_the_keychain() {
        let keychain = mock();
        let mut given = Secrets::default();
        given.set("token", "pat-KEPT-SECRET".into());
        keychain.save(Host::Gandi, &given).unwrap();
        let mut found = Secrets::default();
        keychain.fill(Host::Gandi, &mut found).unwrap();
        assert_eq!(found.get("token"), Some("pat-KEPT-SECRET"));
        assert!(found.complete(Host::Gandi));
        // A value given for this run wins over the kept one.
        let mut env = Secrets::default();
        env.set("token", "pat-FROM-ENV".into());
        keychain.fill(Host::Gandi, &mut env).unwrap();
        assert_eq!(env.get("token"), Some("pat-FROM-ENV"));
        assert_eq!(keychain.forget(Host::Gandi).unwrap(), 1);
        assert_eq!(keychain.forget(Host::Gandi).unwrap(), 0);
        let mut after = Secrets::default();
        keychain.fill(Host::Gandi, &mut after).unwrap();
        assert!(!after.complete(Host::Gandi));
    }

    #[test]
    fn a_damaged_keychain_entry_is_not_used() {
        let keychain = mock();
        let entry = keychain
            .entry(Host::Gandi, &fields(Host::Gandi)[0])
            .unwrap();
        entry.set_password("two words").unwrap();
        let mut found = Secrets::default();
        assert_eq!(
            keychain.fill(Host::Gandi, &mut found),
            Err(KeychainError::Damaged)
        );
        assert_eq!(found.get("token"), None);
    }

    #[test]
    fn debug_output_names_fields_but_never_values() {
        let mut s = Secrets::default();
        s.set("token", "pat-SECRET-1234".into());
        let shown = format!("{s:?}");
        assert!(shown.contains("token"));
        assert!(!shown.contains("SECRET"));
    }

    #[test]
    fn credentials_are_trimmed_and_bounded() {
        assert_eq!(clean("  abc \n").as_deref(), Some("abc"));
        assert_eq!(clean(""), None);
        assert_eq!(clean("a b"), None);
        assert_eq!(clean(&"x".repeat(MAX_SECRET_LEN + 1)), None);
        assert_eq!(clean("é"), None);
    }
}

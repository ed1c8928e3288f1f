//! The admin's credentials for a DNS host: from environment variables.
//! They are held only here, never written to the progress file, the
//! journal, a log or a message; `Debug` shows their names alone.

use std::collections::BTreeMap;

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

#[cfg(test)]
mod tests {
    use super::*;

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

//! The mail platforms an admin can be on, and what each implies.

use serde::{Deserialize, Serialize};

use crate::domain::DomainName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Platform {
    #[default]
    #[serde(rename = "microsoft-365")]
    Microsoft365,
    #[serde(rename = "google-workspace")]
    GoogleWorkspace,
    /// An Exchange server or another server of the admin's own.
    #[serde(rename = "own-server")]
    OwnServer,
    #[serde(rename = "other")]
    Other,
}

impl Platform {
    pub const ALL: [Platform; 4] = [
        Platform::Microsoft365,
        Platform::GoogleWorkspace,
        Platform::OwnServer,
        Platform::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Microsoft365 => "microsoft-365",
            Platform::GoogleWorkspace => "google-workspace",
            Platform::OwnServer => "own-server",
            Platform::Other => "other",
        }
    }

    /// The DKIM selectors the platform publishes when its own signing is set
    /// up: finding one means the domain "already has a DKIM entry".
    pub fn dkim_selectors(self) -> &'static [&'static str] {
        match self {
            Platform::Microsoft365 => &["selector1", "selector2"],
            Platform::GoogleWorkspace => &["google"],
            Platform::OwnServer | Platform::Other => &[],
        }
    }

    /// The destination server to propose: for Microsoft 365, the tenant's
    /// `<domain with dots as dashes>.mail.protection.outlook.com`.
    pub fn suggested_destination(self, domain: &DomainName) -> Option<String> {
        match self {
            Platform::Microsoft365 => Some(format!(
                "{}.mail.protection.outlook.com",
                domain.ascii().replace('.', "-")
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_names_are_the_ids() {
        for p in Platform::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.id())
            );
        }
    }

    #[test]
    fn microsoft_destination_replaces_dots_with_dashes() {
        let d = DomainName::parse("Mon-Cabinet.fr").unwrap();
        assert_eq!(
            Platform::Microsoft365.suggested_destination(&d).as_deref(),
            Some("mon-cabinet-fr.mail.protection.outlook.com")
        );
        assert_eq!(Platform::GoogleWorkspace.suggested_destination(&d), None);
    }
}

//! The gateway's values, as data: a provider profile read from TOML.
//!
//! The e-securemail profile is embedded at build time; `--provider FILE` loads
//! another one of the same schema (a reseller's, another gateway's).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::{DomainName, normalise_name};
use crate::{dmarc, excerpt, files, spf};

/// The embedded e-securemail profile.
pub const ESM_PROFILE: &str = include_str!("../assets/providers/esm.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub support_email: String,
    pub consoles: Consoles,
    pub mx: MxProfile,
    pub spf: SpfProfile,
    pub dkim: DkimProfile,
    pub dmarc: DmarcProfile,
    pub menu_paths: MenuPaths,
    pub help: Help,
    /// The resolvers the MX step compares with the domain's own servers.
    #[serde(default)]
    pub propagation: PropagationProfile,
}

/// Public resolvers to compare with the domain's own name servers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropagationProfile {
    #[serde(default)]
    pub resolvers: Vec<PublicResolver>,
}

/// One public resolver, by name and address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicResolver {
    pub name: String,
    /// `IP:PORT`.
    pub address: std::net::SocketAddr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consoles {
    pub management: String,
    pub support: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxProfile {
    pub ttl: u32,
    pub hosts: Vec<MxHost>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MxHost {
    pub host: String,
    pub preference: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpfProfile {
    pub include: String,
    pub default_record: String,
    pub ttl: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimProfile {
    pub selector: String,
    pub ttl: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DmarcProfile {
    pub report_address: String,
    pub default_record: String,
    pub advanced_record: String,
    pub ttl: u32,
}

/// A menu path in the vendor's console, in each language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuPath {
    pub fr: String,
    pub en: String,
}

impl MenuPath {
    /// The path in `lang` ("fr" or anything else for English).
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("fr") {
            &self.fr
        } else {
            &self.en
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuPaths {
    pub destination: MenuPath,
    pub dkim: MenuPath,
    pub dmarc: MenuPath,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Help {
    pub url: String,
    #[serde(default)]
    pub articles: BTreeMap<String, u32>,
}

/// Most public resolvers a profile may list.
pub const MAX_PUBLIC_RESOLVERS: usize = 16;
/// Longest name of a public resolver.
pub const MAX_RESOLVER_NAME_CHARS: usize = 40;

/// The most a profile file may hold: the e-securemail one is under 2 KiB.
pub const MAX_PROFILE_BYTES: u64 = 256 * 1024;

/// How much of a parser's message an error repeats: enough to name a field
/// and a value, never the whole file.
const MESSAGE_CHARS: usize = 200;

/// A profile that cannot be used, naming the field at fault. What is
/// quoted from the file is short and printable.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("cannot read the file: {0}")]
    Read(crate::files::ReadError),
    #[error(
        "TOML parse error at line {line}, column {column}: {message}; the line reads: {excerpt}"
    )]
    Toml {
        line: usize,
        column: usize,
        message: String,
        /// The line around the error.
        excerpt: String,
    },
    #[error("field `{field}`: {reason}")]
    Field { field: String, reason: String },
}

fn field_error(field: impl Into<String>, reason: impl Into<String>) -> ProviderError {
    ProviderError::Field {
        field: field.into(),
        reason: excerpt::excerpt(&reason.into(), MESSAGE_CHARS),
    }
}

/// A TOML error with its place in `text`, and a short quote of the line
/// there rather than the whole line, which may be the whole file.
fn toml_error(text: &str, error: &toml::de::Error) -> ProviderError {
    let start = error.span().map_or(0, |s| s.start).min(text.len());
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count();
    let line_text = text[line_start..].lines().next().unwrap_or("");
    // From a little before the error, so that the quote shows it.
    let skip = column.saturating_sub(excerpt::QUOTE_CHARS / 2);
    let rest: String = line_text.chars().skip(skip).collect();
    let quoted = excerpt::quote(&rest);
    ProviderError::Toml {
        line: before.matches('\n').count() + 1,
        column: column + 1,
        message: excerpt::excerpt(error.message(), MESSAGE_CHARS),
        excerpt: if skip > 0 {
            format!("…{quoted}")
        } else {
            quoted
        },
    }
}

/// `local@domain` with nothing but letters, digits and `.-_+` around one `@`.
fn is_plain_address(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
        && DomainName::parse_host(domain).is_ok_and(|d| d.ascii() == domain.to_ascii_lowercase())
}

impl Provider {
    /// The embedded e-securemail profile.
    pub fn esm() -> Provider {
        // The embedded profile is checked by a unit test; failing here would
        // mean the binary was built from a broken asset.
        Provider::from_toml(ESM_PROFILE).unwrap_or_else(|e| panic!("embedded profile: {e}"))
    }

    /// Reads a profile file, of at most [`MAX_PROFILE_BYTES`].
    pub fn load(path: &Path) -> Result<Provider, ProviderError> {
        let text = files::read_text_limited(path, MAX_PROFILE_BYTES, files::Accept::Streams)
            .map_err(ProviderError::Read)?;
        Provider::from_toml(&text)
    }

    /// Parses and validates a profile; host names are kept in their
    /// normal form (lower case, no final dot).
    pub fn from_toml(text: &str) -> Result<Provider, ProviderError> {
        let mut provider: Provider = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        provider.validate()?;
        // Proposed in records as they are: in their ASCII form, as DNS
        // holds them (validate() has parsed them already).
        let ascii = |name: &str| {
            DomainName::parse_host(name)
                .map(|d| d.ascii().to_string())
                .unwrap_or_else(|_| normalise_name(name))
        };
        provider.spf.include = ascii(&provider.spf.include);
        for mx in &mut provider.mx.hosts {
            mx.host = ascii(&mx.host);
        }
        Ok(provider)
    }

    fn validate(&self) -> Result<(), ProviderError> {
        // Profile text reaches the window, the checklist, the terminal and
        // the records: none of it may act instead of showing.
        for (field, text) in self.text_fields()? {
            if crate::safe_text::has_hidden(&text) {
                return Err(field_error(field, "holds a control or invisible character"));
            }
        }
        if self.mx.hosts.is_empty() {
            return Err(field_error("mx.hosts", "at least one MX host is needed"));
        }
        // All of them are asked at once on every check of the MX step.
        if self.propagation.resolvers.len() > MAX_PUBLIC_RESOLVERS {
            return Err(field_error(
                "propagation.resolvers",
                format!("at most {MAX_PUBLIC_RESOLVERS} resolvers"),
            ));
        }
        for (i, r) in self.propagation.resolvers.iter().enumerate() {
            if r.name.is_empty() || r.name.chars().count() > MAX_RESOLVER_NAME_CHARS {
                return Err(field_error(
                    format!("propagation.resolvers[{i}].name"),
                    format!("1 to {MAX_RESOLVER_NAME_CHARS} characters"),
                ));
            }
            if crate::safe_text::has_hidden(&r.name) {
                return Err(field_error(
                    format!("propagation.resolvers[{i}].name"),
                    "holds a control or invisible character",
                ));
            }
        }
        for (i, mx) in self.mx.hosts.iter().enumerate() {
            DomainName::parse_host(&mx.host)
                .map_err(|e| field_error(format!("mx.hosts[{i}].host"), e.to_string()))?;
        }
        DomainName::parse_host(&self.spf.include)
            .map_err(|e| field_error("spf.include", e.to_string()))?;
        let default_spf = spf::parse::parse_record(&self.spf.default_record)
            .map_err(|e| field_error("spf.default_record", e.to_string()))?;
        if !default_spf.includes(&self.spf.include) {
            return Err(field_error(
                "spf.default_record",
                format!("does not include {}", self.spf.include),
            ));
        }
        if self.dkim.selector.is_empty()
            || !self
                .dkim
                .selector
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        {
            return Err(field_error("dkim.selector", "not a valid DNS label"));
        }
        // These addresses end up in generated scripts' comments: nothing but
        // a plain address may get there.
        for (field, address) in [
            ("support_email", &self.support_email),
            ("dmarc.report_address", &self.dmarc.report_address),
        ] {
            if !is_plain_address(address) {
                return Err(field_error(field, "not an e-mail address"));
            }
        }
        for (field, record) in [
            ("dmarc.default_record", &self.dmarc.default_record),
            ("dmarc.advanced_record", &self.dmarc.advanced_record),
        ] {
            // Proposed as it is: printable ASCII only, as every record.
            if !crate::safe_text::is_record_text(record) {
                return Err(field_error(
                    field,
                    "holds a character outside printable ASCII",
                ));
            }
            let parsed =
                dmarc::parse_record(record).map_err(|e| field_error(field, e.to_string()))?;
            if !parsed.has_report_address(&self.dmarc.report_address) {
                return Err(field_error(
                    field,
                    format!("rua does not name {}", self.dmarc.report_address),
                ));
            }
        }
        for (field, ttl) in [
            ("mx.ttl", self.mx.ttl),
            ("spf.ttl", self.spf.ttl),
            ("dkim.ttl", self.dkim.ttl),
            ("dmarc.ttl", self.dmarc.ttl),
        ] {
            if ttl == 0 || ttl > 604_800 {
                return Err(field_error(
                    field,
                    "TTL must be between 1 and 604800 seconds",
                ));
            }
        }
        Ok(())
    }

    /// Every text of the profile, map keys included, with where it is
    /// (`menu_paths.dkim.fr`).
    fn text_fields(&self) -> Result<Vec<(String, String)>, ProviderError> {
        fn walk(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
            let child = |key: &str| {
                if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                }
            };
            match value {
                serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, &format!("{path}[{i}]"), out);
                    }
                }
                serde_json::Value::Object(map) => {
                    for (key, item) in map {
                        out.push((child(key), key.clone()));
                        walk(item, &child(key), out);
                    }
                }
                _ => {}
            }
        }
        let value =
            serde_json::to_value(self).map_err(|e| field_error("profile", e.to_string()))?;
        let mut out = Vec::new();
        walk(&value, "", &mut out);
        Ok(out)
    }

    /// Is `host` one of the gateway's MX hosts?
    pub fn is_gateway_host(&self, host: &str) -> bool {
        let host = normalise_name(host);
        self.mx
            .hosts
            .iter()
            .any(|mx| normalise_name(&mx.host) == host)
    }

    /// The best (lowest) preference among the gateway's MX hosts.
    pub fn best_preference(&self) -> u16 {
        self.mx
            .hosts
            .iter()
            .map(|mx| mx.preference)
            .min()
            .unwrap_or(0)
    }

    /// The DKIM record's name relative to the domain.
    pub fn dkim_relative_name(&self) -> String {
        format!("{}._domainkey", self.dkim.selector)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_profile_has_the_published_values() {
        let p = Provider::esm();
        assert_eq!(
            p.mx.hosts,
            vec![
                MxHost {
                    host: "france.security-mail.net".into(),
                    preference: 10
                },
                MxHost {
                    host: "europe.security-mail.net".into(),
                    preference: 20
                },
            ]
        );
        assert_eq!(p.spf.include, "includespf.security-mail.net");
        assert_eq!(
            p.spf.default_record,
            "v=spf1 include:includespf.security-mail.net -all"
        );
        assert_eq!(p.dkim.selector, "sec-sig-email");
        assert_eq!(p.dkim.ttl, 3600);
        assert_eq!(p.dmarc.report_address, "dmarc@secuserve.com");
        assert_eq!(
            p.dmarc.default_record,
            "v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com"
        );
        assert_eq!(p.dmarc.ttl, 3600);
        assert_eq!(p.support_email, "support@secuserve.com");
        assert_eq!(
            p.menu_paths.destination.get("fr"),
            "Configuration > Paramètres du domaine > Livraison/SMTP"
        );
        assert_eq!(p.menu_paths.dmarc.get("en"), "Reports > DMARC");
        assert!(p.is_gateway_host("France.Security-Mail.NET."));
        let upper = Provider::from_toml(&ESM_PROFILE.replace(
            "include = \"includespf.security-mail.net\"",
            "include = \"IncludeSPF.security-mail.net.\"",
        ))
        .unwrap();
        assert_eq!(upper.spf.include, "includespf.security-mail.net");
        assert_eq!(p.best_preference(), 10);
        let unicode = Provider::from_toml(&ESM_PROFILE.replace(
            "host = \"europe.security-mail.net\"",
            "host = \"europe.sécurité.example\"",
        ))
        .unwrap();
        assert_eq!(unicode.mx.hosts[1].host, "europe.xn--scurit-bvaf.example");
    }

    fn broken(replace: &str, with: &str) -> String {
        assert!(ESM_PROFILE.contains(replace), "{replace}");
        let text = ESM_PROFILE.replacen(replace, with, 1);
        Provider::from_toml(&text).unwrap_err().to_string()
    }

    #[test]
    fn bad_profile_errors_name_the_field() {
        let e = broken("preference = 10", "preference = \"ten\"");
        assert!(e.contains("preference"), "{e}");
        let e = broken("host = \"france.security-mail.net\"", "host = \"bad host\"");
        assert!(e.contains("mx.hosts[0].host"), "{e}");
        let e = broken("selector = \"sec-sig-email\"", "selector = \"\"");
        assert!(e.contains("dkim.selector"), "{e}");
        let e = broken(
            "report_address = \"dmarc@secuserve.com\"",
            "report_address = \"x\"",
        );
        assert!(e.contains("dmarc.report_address"), "{e}");
        let e = broken(
            "support_email = \"support@secuserve.com\"",
            "support_email = \"support@secuserve.com\\nRemove-Item C:\\\\\"",
        );
        assert!(e.contains("support_email"), "{e}");
        let e = broken("[spf]\n", "[spf]\ncolour = \"blue\"\n");
        assert!(e.contains("colour"), "{e}");
        let e = broken("ttl = 10800", "ttl = 0");
        assert!(e.contains("spf.ttl"), "{e}");
        let e = broken(
            "default_record = \"v=spf1 include:includespf.security-mail.net -all\"",
            "default_record = \"v=spf1 -all\"",
        );
        assert!(e.contains("spf.default_record"), "{e}");
        let e = broken("support_email = \"support@secuserve.com\"", "");
        assert!(e.contains("support_email"), "{e}");
    }

    #[test]
    fn public_resolvers_are_read_and_bounded() {
        let esm = Provider::esm();
        assert_eq!(esm.propagation.resolvers.len(), 4);
        assert_eq!(esm.propagation.resolvers[0].name, "Cloudflare");
        let e = broken(
            "name = \"Quad9\"",
            &format!("name = \"{}\"", "Q".repeat(41)),
        );
        assert!(e.contains("propagation.resolvers[2].name"), "{e}");
        let e = broken("address = \"9.9.9.9:53\"", "address = \"quad9\"");
        assert!(e.contains("address"), "{e}");
        let many =
            "[[propagation.resolvers]]\nname = \"r\"\naddress = \"127.0.0.1:53\"\n".repeat(17);
        let e = broken(
            "[[propagation.resolvers]]\nname = \"Cloudflare\"",
            &format!("{many}[[propagation.resolvers]]\nname = \"Cloudflare\""),
        );
        assert!(e.contains("at most 16"), "{e}");
        // A profile without the table has no public resolver.
        let without = ESM_PROFILE
            .split("\n# Well-known public resolvers")
            .next()
            .unwrap();
        let none = Provider::from_toml(without).unwrap();
        assert!(none.propagation.resolvers.is_empty());
    }

    #[test]
    fn profile_text_may_not_hold_control_characters() {
        let path = ESM_PROFILE
            .lines()
            .find(|l| l.starts_with("fr = ") && l.contains("DKIM"))
            .expect("a French DKIM menu path");
        let e = broken(path, &path.replacen("fr = \"", "fr = \"\\u001b[2J", 1));
        assert!(e.contains("menu_paths.dkim.fr"), "{e}");
        let e = broken(
            "default_record = \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com\"",
            "default_record = \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com; n=café\"",
        );
        assert!(e.contains("dmarc.default_record"), "{e}");
        let e = broken(
            "default_record = \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com\"",
            "default_record = \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com; n=\\u202e\"",
        );
        assert!(e.contains("dmarc.default_record"), "{e}");
    }

    #[test]
    fn errors_quote_little_of_a_huge_or_hostile_profile() {
        // One line of 200,000 characters, wrong far along it.
        let line = format!("id = \"{}\u{1b}[2J\" x", "a".repeat(200_000));
        let e = Provider::from_toml(&line).unwrap_err().to_string();
        assert!(e.len() < 600, "{} bytes", e.len());
        assert!(!e.contains('\u{1b}'), "{e}");
        assert!(e.contains("line 1, column 200"), "{e}");
        let e = broken("[spf]\n", &format!("[spf]\n{} = 1\n", "k".repeat(100_000)));
        assert!(e.len() < 600 && e.contains("unknown field"), "{e}");
    }
}

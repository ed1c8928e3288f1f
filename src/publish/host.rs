//! The DNS hosts the assistant can publish at, and one client type over
//! their APIs, each replacing a whole record set at a time.

use serde::{Deserialize, Serialize};

use super::credentials::Secrets;
use super::error::HostError;
use super::http::Base;
use super::plan::RType;
use super::{cloudflare, gandi, ionos, ovh};

/// A DNS host with an API the assistant can publish through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Host {
    Gandi,
    Cloudflare,
    Ovh,
    Ionos,
}

impl Host {
    pub const ALL: [Host; 4] = [Host::Gandi, Host::Cloudflare, Host::Ovh, Host::Ionos];

    /// Stable id, for the command line, the journal and message ids.
    pub fn id(self) -> &'static str {
        match self {
            Host::Gandi => "gandi",
            Host::Cloudflare => "cloudflare",
            Host::Ovh => "ovh",
            Host::Ionos => "ionos",
        }
    }

    pub fn from_id(id: &str) -> Option<Host> {
        Host::ALL.into_iter().find(|h| h.id() == id)
    }

    /// The host's name as its customers know it.
    pub fn display_name(self) -> &'static str {
        match self {
            Host::Gandi => "Gandi",
            Host::Cloudflare => "Cloudflare",
            Host::Ovh => "OVHcloud",
            Host::Ionos => "IONOS",
        }
    }

    /// The API's documented address.
    pub fn default_base(self) -> &'static str {
        match self {
            Host::Gandi => gandi::DEFAULT_BASE,
            Host::Cloudflare => cloudflare::DEFAULT_BASE,
            Host::Ovh => ovh::DEFAULT_BASE,
            Host::Ionos => ionos::DEFAULT_BASE,
        }
    }
}

/// The values of one record set as the host holds them, in its own form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSet {
    pub values: Vec<String>,
}

/// A client for one host, with the admin's credentials.
pub enum Client {
    Gandi(gandi::Gandi),
    Cloudflare(cloudflare::Cloudflare),
    Ovh(ovh::Ovh),
    Ionos(ionos::Ionos),
}

impl Client {
    /// A client for `host` at `base` (its documented address if `None`).
    pub fn new(host: Host, base: Option<Base>, secrets: &Secrets) -> Result<Client, HostError> {
        let base = match base {
            Some(b) => b,
            None => Base::parse(host.default_base()).ok_or(HostError::BadResponse)?,
        };
        match host {
            Host::Gandi => Ok(Client::Gandi(gandi::Gandi::new(base, secrets)?)),
            Host::Cloudflare => Ok(Client::Cloudflare(cloudflare::Cloudflare::new(
                base, secrets,
            )?)),
            Host::Ovh => Ok(Client::Ovh(ovh::Ovh::new(base, secrets)?)),
            Host::Ionos => Ok(Client::Ionos(ionos::Ionos::new(base, secrets)?)),
        }
    }

    pub fn host(&self) -> Host {
        match self {
            Client::Gandi(_) => Host::Gandi,
            Client::Cloudflare(_) => Host::Cloudflare,
            Client::Ovh(_) => Host::Ovh,
            Client::Ionos(_) => Host::Ionos,
        }
    }

    /// Does the host manage `zone` for these credentials?
    pub async fn check_zone(&self, zone: &str) -> Result<(), HostError> {
        match self {
            Client::Gandi(c) => c.check_zone(zone).await,
            Client::Cloudflare(c) => c.check_zone(zone).await,
            Client::Ovh(c) => c.check_zone(zone).await,
            Client::Ionos(c) => c.check_zone(zone).await,
        }
    }

    /// The record set at `name` (relative, `@` for the zone itself).
    pub async fn read(&self, zone: &str, name: &str, rtype: RType) -> Result<RawSet, HostError> {
        match self {
            Client::Gandi(c) => c.read(zone, name, rtype).await,
            Client::Cloudflare(c) => c.read(zone, name, rtype).await,
            Client::Ovh(c) => c.read(zone, name, rtype).await,
            Client::Ionos(c) => c.read(zone, name, rtype).await,
        }
    }

    /// Replaces the whole record set with `values` (the host's form);
    /// none deletes it.
    pub async fn write(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
        ttl: u32,
        values: &[String],
    ) -> Result<(), HostError> {
        match self {
            Client::Gandi(c) => c.write(zone, name, rtype, ttl, values).await,
            Client::Cloudflare(c) => c.write(zone, name, rtype, ttl, values).await,
            Client::Ovh(c) => c.write(zone, name, rtype, ttl, values).await,
            Client::Ionos(c) => c.write(zone, name, rtype, ttl, values).await,
        }
    }

    /// What must follow the writes for them to be served.
    pub async fn finish(&self, zone: &str) -> Result<(), HostError> {
        match self {
            Client::Gandi(_) | Client::Cloudflare(_) | Client::Ionos(_) => Ok(()),
            Client::Ovh(c) => c.refresh(zone).await,
        }
    }

    /// A value in the host's form, in the assistant's.
    pub fn normal(&self, rtype: RType, raw: &str) -> String {
        match rtype {
            // Both hosts may hold TXT values quoted or not.
            RType::Txt => super::values::joined_txt(raw),
            RType::Mx => rtype.normal(raw),
        }
    }

    /// A value in the assistant's form, in the host's.
    pub fn encode(&self, rtype: RType, value: &str) -> String {
        match (self, rtype) {
            (_, RType::Txt) => super::values::quoted_txt(value),
            // OVHcloud needs the MX target's final dot.
            (Client::Gandi(_) | Client::Ovh(_), RType::Mx) => value.to_string(),
            // Cloudflare keeps the target without its final dot.
            (Client::Cloudflare(_) | Client::Ionos(_), RType::Mx) => {
                value.trim_end_matches('.').to_string()
            }
        }
    }
}

/// `text` as one path segment: names come from the plan, but a name is
/// never allowed to reach another part of the API.
pub fn segment(text: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'@');
    utf8_percent_encode(text, KEEP).to_string()
}

//! One question asked of several resolvers at once, to compare what the
//! domain's own servers publish with what the caches senders use hold.

use std::net::SocketAddr;

use futures::future::join_all;

use super::{Answer, Dns, QType, build_resolver};
use crate::domain::normalise_name;

/// What one server answered, with the lowest TTL of its records: the TTL
/// as published from the domain's own servers, what remains of it from a
/// resolver's cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub answer: Answer,
    pub ttl: Option<u32>,
}

/// The answers to one question from every side.
#[derive(Debug, Clone)]
pub struct Asked {
    /// From the domain's own servers; `None` outside authoritative mode.
    pub authoritative: Option<Seen>,
    /// From the resolver the check uses (this computer's, or the one given).
    pub own_resolver: Seen,
    /// From each of the listed resolvers, in the order given.
    pub listed: Vec<Seen>,
}

impl Dns {
    /// Asks `name` of the domain's own servers, of the check's resolver and
    /// of every resolver of `resolvers`, all at the same time: one round
    /// trip, within the check's deadline.
    pub async fn ask_everywhere(
        &self,
        name: &str,
        qtype: QType,
        resolvers: &[SocketAddr],
    ) -> Asked {
        let name = normalise_name(name);
        let authoritative = async {
            match &self.zone {
                Some((_, zone)) => {
                    let (answer, _, ttl) = self.ask_ttl(zone, &name, qtype).await;
                    Some(Seen { answer, ttl })
                }
                None => None,
            }
        };
        let own = async {
            let (answer, _, ttl) = self.ask_ttl(&self.general, &name, qtype).await;
            Seen { answer, ttl }
        };
        // A fresh resolver each, with an empty cache of its own, so that
        // the TTL read is what remains in the listed resolver's cache.
        let listed = join_all(resolvers.iter().map(|addr| {
            let resolver = build_resolver(&[*addr], self.query_timeout, true);
            let name = name.clone();
            async move {
                let (answer, _, ttl) = self.ask_ttl(&resolver, &name, qtype).await;
                Seen { answer, ttl }
            }
        }));
        let (authoritative, own_resolver, listed) = futures::join!(authoritative, own, listed);
        Asked {
            authoritative,
            own_resolver,
            listed,
        }
    }
}

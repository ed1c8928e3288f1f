//! The propagation view of the MX step: what the domain's own servers
//! publish beside what public resolvers hold in their caches, until when
//! the old server must keep accepting mail, and whether to lower the TTL
//! before the switch.

use std::net::SocketAddr;

use serde::Serialize;

use super::CheckInput;
use crate::dns::{Dns, QType, Seen};
use crate::provider::PublicResolver;

/// Above this MX TTL, the switch is worth preparing by lowering it.
pub const LONG_TTL: u32 = 3600;
/// The TTL to set ahead of the switch: short enough that caches follow
/// within minutes, long enough not to burden the domain's servers.
pub const SHORT_TTL: u32 = 300;
/// How long ahead to lower it, at least: the old TTL must run out in every
/// cache before the switch for the short one to count.
pub const LOWER_AHEAD_HOURS: u32 = 24;

/// One side's MX records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MxSide {
    /// (preference, host), sorted; empty when the domain has none.
    pub mx: Vec<(u16, String)>,
    /// The lowest TTL of the records (what remains of it from a cache).
    pub ttl: Option<u32>,
    /// Why there is no answer (`timeout`, `servfail`…), when there is none.
    pub failure: Option<&'static str>,
}

impl MxSide {
    fn from_seen(seen: &Seen) -> MxSide {
        let mut mx = seen.answer.mx();
        mx.sort();
        mx.dedup();
        MxSide {
            mx,
            ttl: seen.ttl,
            failure: seen.answer.failure().map(|f| f.reason),
        }
    }
}

/// What one resolver holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolverView {
    /// The resolver's name; `None` for the one the check uses (this
    /// computer's, or the one given with `--nameserver`).
    pub name: Option<String>,
    pub address: Option<SocketAddr>,
    #[serde(flatten)]
    pub side: MxSide,
    /// Whether it holds the same MX records as the domain's own servers;
    /// `None` when either side gave no answer.
    pub agrees: Option<bool>,
}

/// Advice to lower the MX TTL ahead of the switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TtlAdvice {
    pub current: u32,
    pub set: u32,
    pub hours_ahead: u32,
}

/// The old MX records as the domain's own servers last gave them before
/// the switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OldRecords {
    /// When they were last seen (seconds since 1970, UTC).
    pub seen_at: i64,
    /// The TTL they were published with.
    pub ttl: u32,
}

/// The whole view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PropagationView {
    /// When it was seen (seconds since 1970, UTC).
    pub checked_at: i64,
    /// The domain's own servers' answer; `None` when they could not be found.
    pub authoritative: Option<MxSide>,
    pub resolvers: Vec<ResolverView>,
    /// Whether the domain's MX records already lead to the gateway.
    pub at_gateway: bool,
    /// Until when (seconds since 1970, UTC) some senders may still deliver
    /// to the old server.
    pub keep_old_until: Option<i64>,
    pub lower_ttl: Option<TtlAdvice>,
}

/// Asks the domain's MX records everywhere at once and compares them.
///
/// `resolvers` is always given by the caller: the profile's public ones,
/// or local servers in tests and development.
pub async fn observe(
    input: &CheckInput,
    dns: &Dns,
    resolvers: &[PublicResolver],
    old: Option<OldRecords>,
) -> PropagationView {
    let addresses: Vec<SocketAddr> = resolvers.iter().map(|r| r.address).collect();
    let asked = dns
        .ask_everywhere(input.domain.ascii(), QType::Mx, &addresses)
        .await;
    let now = chrono::Utc::now().timestamp();
    let mut seen = vec![(None, asked.own_resolver)];
    seen.extend(
        resolvers
            .iter()
            .zip(asked.listed)
            .map(|(r, s)| (Some(r.clone()), s)),
    );
    compare(input, now, asked.authoritative.as_ref(), &seen, old)
}

/// The view from the answers, at `now`.
///
/// The old server must keep accepting mail as long as a cache may still
/// hand out the old MX records: each resolver still holding them does so
/// for the TTL remaining in its cache, so the latest of those ends it for
/// the resolvers asked. Caches not asked may have fetched the old records
/// at the last moment the domain's servers still gave them, and keep them
/// for their whole TTL from then: when the caller saw them (`old`), that
/// moment plus their TTL bounds every cache.
pub fn compare(
    input: &CheckInput,
    now: i64,
    authoritative: Option<&Seen>,
    seen: &[(Option<PublicResolver>, Seen)],
    old: Option<OldRecords>,
) -> PropagationView {
    let reference = authoritative.map(MxSide::from_seen);
    let usable = |side: &MxSide| side.failure.is_none();
    let resolvers: Vec<ResolverView> = seen
        .iter()
        .map(|(resolver, s)| {
            let side = MxSide::from_seen(s);
            let agrees = match &reference {
                Some(r) if usable(r) && usable(&side) => Some(r.mx == side.mx),
                _ => None,
            };
            ResolverView {
                name: resolver.as_ref().map(|r| r.name.clone()),
                address: resolver.as_ref().map(|r| r.address),
                side,
                agrees,
            }
        })
        .collect();
    let gateway = &input.provider.mx.hosts;
    let current = reference.as_ref().filter(|r| usable(r));
    let at_gateway = current.is_some_and(|r| {
        !r.mx.is_empty()
            && r.mx
                .iter()
                .all(|(_, h)| gateway.iter().any(|g| g.host == *h))
    });
    let keep_old_until = if at_gateway {
        let held = resolvers
            .iter()
            .filter(|r| r.agrees == Some(false))
            .map(|r| now.saturating_add(i64::from(r.side.ttl.unwrap_or(0))));
        let unasked = old.map(|o| o.seen_at.saturating_add(i64::from(o.ttl)));
        held.chain(unasked).max().filter(|until| *until > now)
    } else {
        None
    };
    let lower_ttl = match current.and_then(|r| r.ttl) {
        Some(ttl) if !at_gateway && ttl > LONG_TTL => Some(TtlAdvice {
            current: ttl,
            set: SHORT_TTL,
            // A TTL over a day needs as long to run out of the caches.
            hours_ahead: LOWER_AHEAD_HOURS.max(ttl.div_ceil(3600)),
        }),
        _ => None,
    };
    PropagationView {
        checked_at: now,
        authoritative: reference,
        resolvers,
        at_gateway,
        keep_old_until,
        lower_ttl,
    }
}

/// The old records as this view saw them, for a caller that keeps them
/// from before the switch (see [`compare`]); `None` after it.
pub fn old_records(view: &PropagationView) -> Option<OldRecords> {
    let ttl = view.authoritative.as_ref().and_then(|a| a.ttl)?;
    (!view.at_gateway).then_some(OldRecords {
        seen_at: view.checked_at,
        ttl,
    })
}

impl PropagationView {
    /// Resolvers that still hold other MX records than the domain's servers.
    pub fn differing(&self) -> usize {
        self.resolvers
            .iter()
            .filter(|r| r.agrees == Some(false))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::{Answer, Rec};
    use crate::domain::DomainName;
    use crate::provider::Provider;

    fn input() -> CheckInput {
        CheckInput::new(DomainName::parse("exemple.fr").unwrap(), Provider::esm())
    }

    fn seen(hosts: &[(u16, &str)], ttl: u32) -> Seen {
        Seen {
            answer: Answer::Records(
                hosts
                    .iter()
                    .map(|(p, h)| Rec::Mx(*p, h.to_string()))
                    .collect(),
            ),
            ttl: Some(ttl),
        }
    }

    fn public(name: &str, port: u16) -> Option<PublicResolver> {
        Some(PublicResolver {
            name: name.into(),
            address: SocketAddr::from(([127, 0, 0, 1], port)),
        })
    }

    const GATEWAY: &[(u16, &str)] = &[
        (10, "france.security-mail.net"),
        (20, "europe.security-mail.net"),
    ];
    const OLD: &[(u16, &str)] = &[(10, "mail.exemple.fr")];

    #[test]
    fn keep_until_is_the_latest_cache_still_holding_the_old_records() {
        let auth = seen(GATEWAY, 3600);
        let answers = vec![
            (None, seen(GATEWAY, 3600)),
            (public("a", 1), seen(OLD, 1200)),
            (public("b", 2), seen(OLD, 2400)),
        ];
        let view = compare(&input(), 1_000, Some(&auth), &answers, None);
        assert!(view.at_gateway);
        assert_eq!(view.differing(), 2);
        assert_eq!(view.keep_old_until, Some(1_000 + 2400));
        assert_eq!(view.lower_ttl, None);
        // The old records, last seen before the switch, bound the caches
        // not asked: from when they were seen, not from each check.
        let old = OldRecords {
            seen_at: 900,
            ttl: 86_400,
        };
        let view = compare(&input(), 1_000, Some(&auth), &answers, Some(old));
        assert_eq!(view.keep_old_until, Some(900 + 86_400));
        let later = compare(&input(), 90_000, Some(&auth), &[], Some(old));
        assert_eq!(later.keep_old_until, None, "their TTL has run out");
    }

    #[test]
    fn before_the_switch_a_long_ttl_is_to_be_lowered() {
        let auth = seen(OLD, 86_400);
        let view = compare(&input(), 0, Some(&auth), &[(None, seen(OLD, 500))], None);
        assert!(!view.at_gateway);
        assert_eq!(view.keep_old_until, None);
        assert_eq!(
            view.lower_ttl,
            Some(TtlAdvice {
                current: 86_400,
                set: 300,
                hours_ahead: 24
            })
        );
        let two_days = compare(&input(), 0, Some(&seen(OLD, 172_800)), &[], None);
        assert_eq!(two_days.lower_ttl.map(|a| a.hours_ahead), Some(48));
        let short = compare(&input(), 0, Some(&seen(OLD, 3600)), &[], None);
        assert_eq!(short.lower_ttl, None);
    }

    #[test]
    fn a_resolver_that_fails_neither_agrees_nor_differs() {
        let auth = seen(GATEWAY, 300);
        let failed = Seen {
            answer: Answer::Failed(crate::dns::Failure::timeout()),
            ttl: None,
        };
        let view = compare(&input(), 0, Some(&auth), &[(public("a", 1), failed)], None);
        assert_eq!(view.resolvers[0].agrees, None);
        assert_eq!(view.resolvers[0].side.failure, Some("timeout"));
        assert_eq!(view.keep_old_until, None);
        // Without the domain's own answer nothing can be compared.
        let view = compare(&input(), 0, None, &[(None, seen(OLD, 10))], None);
        assert_eq!(view.resolvers[0].agrees, None);
        assert!(!view.at_gateway);
    }
}

//! Whether address ranges can be a filtering gateway's: a lock-down rule
//! "from the gateway only" made from `0.0.0.0/0` lets everyone in, one made
//! from an empty list lets nobody in, and one made from a private or
//! loopback range lets anyone on the local network past the filter.

use ipnet::IpNet;

/// The widest IPv4 prefix accepted. The gateway's own ranges are /24s; the
/// largest senders publish /16s in their SPF records (Google's
/// `74.125.0.0/16`), so a /16 is the widest a sending range can sensibly
/// be, and anything wider is a mistake or a catch-all.
pub const WIDEST_IPV4: u8 = 16;
/// The widest IPv6 prefix accepted. Sites get a /48 and the largest senders
/// publish /36s (Google's `2001:4860:4000::/36`); /32 is a whole provider's
/// allocation, the widest a sending range can sensibly be.
pub const WIDEST_IPV6: u8 = 32;

/// Why a range cannot be a gateway's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// `0.0.0.0/0` or `::/0`: every address.
    DefaultRoute,
    /// Wider than [`WIDEST_IPV4`] or [`WIDEST_IPV6`].
    TooWide,
    Loopback,
    /// RFC 1918, or IPv6 unique local (and the old site-local).
    Private,
    /// `100.64.0.0/10`, carrier-grade NAT (RFC 6598).
    Shared,
    LinkLocal,
    Multicast,
    /// `0.0.0.0/8` ("this network") or `::`.
    Unspecified,
    Broadcast,
    /// `240.0.0.0/4`, benchmarking `198.18.0.0/15`, and the rest of `::/8`.
    Reserved,
    /// `::ffff:0:0/96`: an IPv4 address written as IPv6.
    Ipv4Mapped,
}

impl Unfit {
    pub const ALL: [Unfit; 11] = [
        Unfit::DefaultRoute,
        Unfit::TooWide,
        Unfit::Loopback,
        Unfit::Private,
        Unfit::Shared,
        Unfit::LinkLocal,
        Unfit::Multicast,
        Unfit::Unspecified,
        Unfit::Broadcast,
        Unfit::Reserved,
        Unfit::Ipv4Mapped,
    ];

    /// Stable code, used in message ids (`ranges-unfit-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Unfit::DefaultRoute => "default-route",
            Unfit::TooWide => "too-wide",
            Unfit::Loopback => "loopback",
            Unfit::Private => "private",
            Unfit::Shared => "shared",
            Unfit::LinkLocal => "link-local",
            Unfit::Multicast => "multicast",
            Unfit::Unspecified => "unspecified",
            Unfit::Broadcast => "broadcast",
            Unfit::Reserved => "reserved",
            Unfit::Ipv4Mapped => "ipv4-mapped",
        }
    }
}

/// A range refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfitRange {
    pub network: IpNet,
    pub reason: Unfit,
}

/// Why a list of ranges cannot be used for a lock-down.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// No address at all: the rules would let nobody in.
    #[error("no address")]
    Empty,
    /// Ranges that cannot be the gateway's, in the order of the list.
    #[error("unfit ranges")]
    Unfit(Vec<UnfitRange>),
}

/// Blocks no gateway range can lie in, most specific first: a range inside
/// one of them is refused with its reason.
const BLOCKS: &[(&str, Unfit)] = &[
    ("255.255.255.255/32", Unfit::Broadcast),
    ("0.0.0.0/8", Unfit::Unspecified),
    ("10.0.0.0/8", Unfit::Private),
    ("100.64.0.0/10", Unfit::Shared),
    ("127.0.0.0/8", Unfit::Loopback),
    ("169.254.0.0/16", Unfit::LinkLocal),
    ("172.16.0.0/12", Unfit::Private),
    ("192.168.0.0/16", Unfit::Private),
    ("198.18.0.0/15", Unfit::Reserved),
    ("224.0.0.0/4", Unfit::Multicast),
    ("240.0.0.0/4", Unfit::Reserved),
    ("::/128", Unfit::Unspecified),
    ("::1/128", Unfit::Loopback),
    ("::ffff:0:0/96", Unfit::Ipv4Mapped),
    ("::/8", Unfit::Reserved),
    ("fc00::/7", Unfit::Private),
    ("fe80::/10", Unfit::LinkLocal),
    ("fec0::/10", Unfit::Private),
    ("ff00::/8", Unfit::Multicast),
];

/// Why `network` cannot be a gateway's range, if it cannot.
pub fn unfit(network: &IpNet) -> Option<Unfit> {
    if network.prefix_len() == 0 {
        return Some(Unfit::DefaultRoute);
    }
    let inside = BLOCKS.iter().find_map(|(block, reason)| {
        let block: IpNet = block.parse().ok()?;
        block.contains(network).then_some(*reason)
    });
    if inside.is_some() {
        return inside;
    }
    let widest = match network {
        IpNet::V4(_) => WIDEST_IPV4,
        IpNet::V6(_) => WIDEST_IPV6,
    };
    (network.prefix_len() < widest).then_some(Unfit::TooWide)
}

/// Refuses an empty list, and names every range that cannot be a gateway's.
pub fn vet(networks: &[IpNet]) -> Result<(), Refusal> {
    if networks.is_empty() {
        return Err(Refusal::Empty);
    }
    let unfit: Vec<UnfitRange> = networks
        .iter()
        .filter_map(|n| {
            unfit(n).map(|reason| UnfitRange {
                network: *n,
                reason,
            })
        })
        .collect();
    if unfit.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Unfit(unfit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> Option<Unfit> {
        unfit(&text.parse::<IpNet>().unwrap())
    }

    #[test]
    fn every_block_parses() {
        for (block, _) in BLOCKS {
            assert!(block.parse::<IpNet>().is_ok(), "{block}");
        }
    }

    #[test]
    fn wide_and_special_ranges_are_named() {
        assert_eq!(reason("0.0.0.0/0"), Some(Unfit::DefaultRoute));
        assert_eq!(reason("::/0"), Some(Unfit::DefaultRoute));
        assert_eq!(reason("10.1.0.0/16"), Some(Unfit::Private));
        assert_eq!(reason("172.20.0.0/24"), Some(Unfit::Private));
        assert_eq!(reason("100.100.0.0/16"), Some(Unfit::Shared));
        assert_eq!(reason("127.0.0.1/32"), Some(Unfit::Loopback));
        assert_eq!(reason("::1/128"), Some(Unfit::Loopback));
        assert_eq!(reason("169.254.1.0/24"), Some(Unfit::LinkLocal));
        assert_eq!(reason("fe80::/64"), Some(Unfit::LinkLocal));
        assert_eq!(reason("239.1.1.1/32"), Some(Unfit::Multicast));
        assert_eq!(reason("ff02::1/128"), Some(Unfit::Multicast));
        assert_eq!(reason("0.0.0.0/32"), Some(Unfit::Unspecified));
        assert_eq!(reason("::/128"), Some(Unfit::Unspecified));
        assert_eq!(reason("255.255.255.255/32"), Some(Unfit::Broadcast));
        assert_eq!(reason("250.0.0.0/8"), Some(Unfit::Reserved));
        assert_eq!(reason("198.18.0.0/24"), Some(Unfit::Reserved));
        assert_eq!(reason("::ffff:198.51.100.1/128"), Some(Unfit::Ipv4Mapped));
        assert_eq!(reason("fd12:3456::/48"), Some(Unfit::Private));
        assert_eq!(reason("1.0.0.0/8"), Some(Unfit::TooWide));
        assert_eq!(reason("85.0.0.0/15"), Some(Unfit::TooWide));
        assert_eq!(reason("2a00::/16"), Some(Unfit::TooWide));
    }

    #[test]
    fn real_sending_ranges_and_documentation_ranges_are_accepted() {
        for ok in [
            "85.31.212.0/24",
            "74.125.0.0/16",
            "198.51.100.7/32",
            "192.0.2.0/24",
            "203.0.113.0/24",
            "2001:db8::/32",
            "2001:db8:100::/48",
            "2001:4860:4000::/36",
            "2a01:111:f400::/48",
        ] {
            assert_eq!(reason(ok), None, "{ok}");
        }
    }

    #[test]
    fn an_empty_list_is_refused_and_every_unfit_range_is_named() {
        assert_eq!(vet(&[]), Err(Refusal::Empty));
        let list: Vec<IpNet> = ["85.31.212.0/24", "10.0.0.0/8", "0.0.0.0/0"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let Err(Refusal::Unfit(unfit)) = vet(&list) else {
            panic!("accepted")
        };
        let named: Vec<(String, Unfit)> = unfit
            .iter()
            .map(|u| (u.network.to_string(), u.reason))
            .collect();
        assert_eq!(
            named,
            [
                ("10.0.0.0/8".to_string(), Unfit::Private),
                ("0.0.0.0/0".to_string(), Unfit::DefaultRoute)
            ]
        );
        assert_eq!(vet(&list[..1]), Ok(()));
    }
}

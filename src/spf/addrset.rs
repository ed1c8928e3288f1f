//! Sets of IP addresses as sorted, disjoint intervals, so that an SPF
//! policy can be evaluated for a whole range at once: "is every address of
//! the gateway's /24 authorised?" rather than "is its first address?".

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::{IpNet, Ipv4Net, Ipv6Net};

/// Inclusive intervals of one address family, sorted and disjoint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Intervals(Vec<(u128, u128)>);

impl Intervals {
    fn full(max: u128) -> Intervals {
        Intervals(vec![(0, max)])
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds an interval, keeping the list sorted and merged.
    fn insert(&mut self, lo: u128, hi: u128) {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let (mut lo, mut hi) = (lo, hi);
        let mut placed = false;
        for &(a, b) in &self.0 {
            if b.saturating_add(1) < lo {
                out.push((a, b));
            } else if hi.saturating_add(1) < a {
                if !placed {
                    out.push((lo, hi));
                    placed = true;
                }
                out.push((a, b));
            } else {
                lo = lo.min(a);
                hi = hi.max(b);
            }
        }
        if !placed {
            out.push((lo, hi));
            out.sort_unstable();
        }
        self.0 = out;
    }

    /// The part of `self` inside `[lo, hi]`.
    fn within(&self, lo: u128, hi: u128) -> Intervals {
        Intervals(
            self.0
                .iter()
                .filter(|&&(a, b)| b >= lo && a <= hi)
                .map(|&(a, b)| (a.max(lo), b.min(hi)))
                .collect(),
        )
    }

    /// `self` without `[lo, hi]`.
    fn without(&self, lo: u128, hi: u128) -> Intervals {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        for &(a, b) in &self.0 {
            if b < lo || a > hi {
                out.push((a, b));
                continue;
            }
            if a < lo {
                out.push((a, lo - 1));
            }
            if b > hi {
                out.push((hi + 1, b));
            }
        }
        Intervals(out)
    }

    fn intersect(&self, other: &Intervals) -> Intervals {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < self.0.len() && j < other.0.len() {
            let (a, b) = self.0[i];
            let (c, d) = other.0[j];
            let lo = a.max(c);
            let hi = b.min(d);
            if lo <= hi {
                out.push((lo, hi));
            }
            if b < d {
                i += 1;
            } else {
                j += 1;
            }
        }
        Intervals(out)
    }

    fn subtract(&self, other: &Intervals) -> Intervals {
        let mut out = self.clone();
        for &(lo, hi) in &other.0 {
            if out.is_empty() {
                break;
            }
            out = out.without(lo, hi);
        }
        out
    }

    fn union(&mut self, other: &Intervals) {
        for &(lo, hi) in &other.0 {
            self.insert(lo, hi);
        }
    }

    /// The smallest list of CIDR blocks covering exactly these addresses,
    /// at most `limit` of them (the rest are counted, not listed).
    fn blocks(&self, bits: u32, limit: usize) -> (Vec<(u128, u8)>, usize) {
        let mut out = Vec::new();
        let mut more = 0;
        for &(lo, hi) in &self.0 {
            let mut start = lo;
            loop {
                // The largest aligned block starting at `start` within `hi`.
                let align = if start == 0 {
                    bits
                } else {
                    start.trailing_zeros().min(bits)
                };
                let mut size = align;
                while size > 0 && block_end(start, size).is_none_or(|end| end > hi) {
                    size -= 1;
                }
                if out.len() < limit {
                    out.push((start, (bits - size) as u8));
                } else {
                    more += 1;
                }
                match block_end(start, size) {
                    Some(end) if end < hi => start = end + 1,
                    _ => break,
                }
            }
        }
        (out, more)
    }
}

/// The last address of the block of `2^size` addresses from `start`.
fn block_end(start: u128, size: u32) -> Option<u128> {
    if size >= 128 {
        return (start == 0).then_some(u128::MAX);
    }
    start.checked_add((1u128 << size) - 1)
}

const V4_MAX: u128 = u32::MAX as u128;

/// A set of IPv4 and IPv6 addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddrSet {
    v4: Intervals,
    v6: Intervals,
}

impl AddrSet {
    pub fn empty() -> AddrSet {
        AddrSet::default()
    }

    /// Every IPv4 and every IPv6 address.
    pub fn everything() -> AddrSet {
        AddrSet {
            v4: Intervals::full(V4_MAX),
            v6: Intervals::full(u128::MAX),
        }
    }

    pub fn from_net(net: IpNet) -> AddrSet {
        let mut set = AddrSet::empty();
        set.insert_net(net);
        set
    }

    pub fn from_nets(nets: &[IpNet]) -> AddrSet {
        let mut set = AddrSet::empty();
        for net in nets {
            set.insert_net(*net);
        }
        set
    }

    pub fn insert_net(&mut self, net: IpNet) {
        match net {
            IpNet::V4(n) => self.v4.insert(
                u128::from(u32::from(n.network())),
                u128::from(u32::from(n.broadcast())),
            ),
            IpNet::V6(n) => self
                .v6
                .insert(u128::from(n.network()), u128::from(n.broadcast())),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.v4.is_empty() && self.v6.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (list, value) = match ip {
            IpAddr::V4(a) => (&self.v4, u128::from(u32::from(a))),
            IpAddr::V6(a) => (&self.v6, u128::from(a)),
        };
        list.0.iter().any(|&(lo, hi)| lo <= value && value <= hi)
    }

    /// Does the set hold every IPv4 address, or every IPv6 address?
    pub fn covers_a_whole_family(&self) -> bool {
        self.v4 == Intervals::full(V4_MAX) || self.v6 == Intervals::full(u128::MAX)
    }

    /// The addresses of `self` inside `net`.
    pub fn within_net(&self, net: IpNet) -> AddrSet {
        match net {
            IpNet::V4(n) => AddrSet {
                v4: self.v4.within(
                    u128::from(u32::from(n.network())),
                    u128::from(u32::from(n.broadcast())),
                ),
                v6: Intervals::default(),
            },
            IpNet::V6(n) => AddrSet {
                v4: Intervals::default(),
                v6: self
                    .v6
                    .within(u128::from(n.network()), u128::from(n.broadcast())),
            },
        }
    }

    /// `self` without the addresses of `net`.
    pub fn without_net(&self, net: IpNet) -> AddrSet {
        match net {
            IpNet::V4(n) => AddrSet {
                v4: self.v4.without(
                    u128::from(u32::from(n.network())),
                    u128::from(u32::from(n.broadcast())),
                ),
                v6: self.v6.clone(),
            },
            IpNet::V6(n) => AddrSet {
                v4: self.v4.clone(),
                v6: self
                    .v6
                    .without(u128::from(n.network()), u128::from(n.broadcast())),
            },
        }
    }

    pub fn intersect(&self, other: &AddrSet) -> AddrSet {
        AddrSet {
            v4: self.v4.intersect(&other.v4),
            v6: self.v6.intersect(&other.v6),
        }
    }

    pub fn subtract(&self, other: &AddrSet) -> AddrSet {
        AddrSet {
            v4: self.v4.subtract(&other.v4),
            v6: self.v6.subtract(&other.v6),
        }
    }

    pub fn union(&mut self, other: &AddrSet) {
        self.v4.union(&other.v4);
        self.v6.union(&other.v6);
    }

    /// The set as CIDR blocks, at most `limit` listed; the second value
    /// counts the blocks left out.
    pub fn to_nets(&self, limit: usize) -> (Vec<IpNet>, usize) {
        let (v4, more4) = self.v4.blocks(32, limit);
        let mut nets: Vec<IpNet> = v4
            .into_iter()
            .filter_map(|(start, prefix)| {
                let addr = Ipv4Addr::from(u32::try_from(start).ok()?);
                Ipv4Net::new(addr, prefix).ok().map(IpNet::V4)
            })
            .collect();
        let (v6, more6) = self.v6.blocks(128, limit.saturating_sub(nets.len()));
        nets.extend(v6.into_iter().filter_map(|(start, prefix)| {
            Ipv6Net::new(Ipv6Addr::from(start), prefix)
                .ok()
                .map(IpNet::V6)
        }));
        (nets, more4 + more6)
    }
}

impl AddrSet {
    /// The set for a person to read: one item per run of consecutive
    /// addresses, written as a CIDR block when it is one, as a single
    /// address, or as "first–last"; at most `limit` items, and the count of
    /// the rest.
    pub fn describe(&self, limit: usize) -> (Vec<String>, usize) {
        let v4 = self.v4.0.iter().map(|&(lo, hi)| {
            let ip = |v: u128| Ipv4Addr::from(u32::try_from(v).unwrap_or(u32::MAX)).to_string();
            describe_run(lo, hi, 32, ip)
        });
        let v6 = self
            .v6
            .0
            .iter()
            .map(|&(lo, hi)| describe_run(lo, hi, 128, |v| Ipv6Addr::from(v).to_string()));
        let all: Vec<String> = v4.chain(v6).collect();
        let more = all.len().saturating_sub(limit);
        (all.into_iter().take(limit).collect(), more)
    }
}

fn describe_run(lo: u128, hi: u128, bits: u32, show: impl Fn(u128) -> String) -> String {
    if lo == hi {
        return show(lo);
    }
    let span = hi - lo;
    let is_block = span.checked_add(1).is_none_or(|n| n.is_power_of_two())
        && (span == u128::MAX || lo & span == 0);
    if is_block {
        let size = if span == u128::MAX {
            128
        } else {
            (span + 1).trailing_zeros()
        };
        return format!("{}/{}", show(lo), bits - size);
    }
    format!("{}–{}", show(lo), show(hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn nets(set: &AddrSet) -> Vec<String> {
        set.to_nets(100).0.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_network_minus_one_address_is_listed_as_blocks() {
        let set = AddrSet::from_net(net("198.51.100.0/24")).without_net(net("198.51.100.7/32"));
        assert!(!set.contains("198.51.100.7".parse().unwrap()));
        assert!(set.contains("198.51.100.8".parse().unwrap()));
        assert_eq!(
            nets(&set),
            [
                "198.51.100.0/30",
                "198.51.100.4/31",
                "198.51.100.6/32",
                "198.51.100.8/29",
                "198.51.100.16/28",
                "198.51.100.32/27",
                "198.51.100.64/26",
                "198.51.100.128/25"
            ]
        );
    }

    #[test]
    fn whole_families_and_their_blocks() {
        let all = AddrSet::everything();
        assert!(all.covers_a_whole_family());
        assert_eq!(nets(&all), ["0.0.0.0/0", "::/0"]);
        let half = AddrSet::from_net(net("0.0.0.0/1"));
        assert!(!half.covers_a_whole_family());
        let mut both = half.clone();
        both.union(&AddrSet::from_net(net("128.0.0.0/1")));
        assert!(both.covers_a_whole_family());
        assert_eq!(nets(&both), ["0.0.0.0/0"]);
    }

    #[test]
    fn intersection_and_subtraction_agree() {
        let a = AddrSet::from_nets(&[net("10.0.0.0/8"), net("2001:db8::/32")]);
        let b = AddrSet::from_nets(&[net("10.1.0.0/16"), net("10.3.0.0/16")]);
        let inside = a.intersect(&b);
        assert_eq!(nets(&inside), ["10.1.0.0/16", "10.3.0.0/16"]);
        let mut back = a.subtract(&b);
        back.union(&inside);
        assert_eq!(back, a);
        assert_eq!(
            a.within_net(net("10.2.0.0/15")),
            AddrSet::from_net(net("10.2.0.0/15"))
        );
    }

    #[test]
    fn runs_are_described_for_people() {
        let set = AddrSet::from_nets(&[net("198.51.100.0/24"), net("2001:db8:100::/48")])
            .without_net(net("198.51.100.0/32"));
        assert_eq!(
            set.describe(10).0,
            ["198.51.100.1–198.51.100.255", "2001:db8:100::/48"]
        );
        let one = AddrSet::from_net(net("198.51.100.7/32"));
        assert_eq!(one.describe(10).0, ["198.51.100.7"]);
        assert_eq!(AddrSet::everything().describe(10).0, ["0.0.0.0/0", "::/0"]);
    }

    #[test]
    fn listing_is_capped() {
        let mut set = AddrSet::empty();
        for i in 0..50u8 {
            set.insert_net(net(&format!("192.0.2.{}/32", i * 2)));
        }
        let (listed, more) = set.to_nets(10);
        assert_eq!(listed.len(), 10);
        assert_eq!(more, 40);
    }
}

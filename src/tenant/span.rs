//! Address ranges as Exchange Online writes them (an address, a network
//! `a.b.c.d/n`, or a range `a.b.c.d-e.f.g.h`), compared as intervals: the
//! script splits wide networks into /24s, and an admin may have typed a
//! range, so only the addresses covered can say whether two lists agree.

use std::net::IpAddr;

use ipnet::IpNet;

/// A closed interval of addresses of one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Span {
    v6: bool,
    start: u128,
    end: u128,
}

fn number(ip: IpAddr) -> (bool, u128) {
    match ip {
        IpAddr::V4(v4) => (false, u128::from(u32::from(v4))),
        IpAddr::V6(v6) => (true, u128::from(v6)),
    }
}

impl Span {
    /// The interval of one entry, or `None` when it is none of the forms.
    pub fn parse(text: &str) -> Option<Span> {
        let text = text.trim();
        if let Ok(net) = text.parse::<IpNet>() {
            return Some(Span::of(&net));
        }
        if let Ok(ip) = text.parse::<IpAddr>() {
            let (v6, n) = number(ip);
            return Some(Span {
                v6,
                start: n,
                end: n,
            });
        }
        let (a, b) = text.split_once('-')?;
        let (v6, start) = number(a.trim().parse().ok()?);
        let (v6_end, end) = number(b.trim().parse().ok()?);
        (v6 == v6_end && start <= end).then_some(Span { v6, start, end })
    }

    pub fn of(net: &IpNet) -> Span {
        let (v6, start) = number(net.network());
        let (_, end) = number(net.broadcast());
        Span { v6, start, end }
    }
}

/// The spans merged where they touch or overlap, sorted.
pub(super) fn union(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut all: Vec<Span> = spans.into_iter().collect();
    all.sort();
    let mut out: Vec<Span> = Vec::with_capacity(all.len());
    for s in all {
        match out.last_mut() {
            Some(last) if last.v6 == s.v6 && s.start <= last.end.saturating_add(1) => {
                last.end = last.end.max(s.end);
            }
            _ => out.push(s),
        }
    }
    out
}

/// Is `span` wholly inside the merged `union`?
pub(super) fn covered(union: &[Span], span: Span) -> bool {
    union
        .iter()
        .any(|u| u.v6 == span.v6 && u.start <= span.start && span.end <= u.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_addresses_and_ranges_are_compared_by_what_they_cover() {
        let a = Span::parse("85.31.212.0/24").unwrap();
        let b = Span::parse("85.31.213.0-85.31.213.255").unwrap();
        let u = union([a, b]);
        assert_eq!(u.len(), 1);
        let whole = Span::of(&"85.31.212.0/23".parse().unwrap());
        assert!(covered(&u, whole));
        assert!(covered(&u, Span::parse("85.31.213.7").unwrap()));
        assert!(!covered(&u, Span::parse("85.31.214.0/24").unwrap()));
        assert!(!covered(&u, Span::parse("2001:db8::/48").unwrap()));
        assert_eq!(Span::parse("85.31.213.9-85.31.213.1"), None);
        assert_eq!(Span::parse("gateway"), None);
    }
}

//! What one DNS question got back, reduced to what the checks need.
//!
//! NXDOMAIN and "no records" are answers; a timeout, SERVFAIL or REFUSED is
//! a failure, which makes a check `unknown`, never `fail`.

use std::net::IpAddr;

use serde::Serialize;

/// The record types the engine asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum QType {
    A,
    Aaaa,
    Mx,
    Txt,
    Ns,
    /// Reverse lookups, for SPF's `ptr` mechanism and `%{p}` macro.
    Ptr,
}

impl QType {
    pub fn as_str(self) -> &'static str {
        match self {
            QType::A => "A",
            QType::Aaaa => "AAAA",
            QType::Mx => "MX",
            QType::Txt => "TXT",
            QType::Ns => "NS",
            QType::Ptr => "PTR",
        }
    }
}

/// One record of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rec {
    /// A TXT record: its character-strings, as sent (not joined).
    Txt(Vec<Vec<u8>>),
    /// An MX record: preference and exchange (lower case, no trailing dot).
    Mx(u16, String),
    /// An address.
    Ip(IpAddr),
    /// A name server (lower case, no trailing dot).
    Ns(String),
    /// The name an address points back to (lower case, no trailing dot).
    Ptr(String),
    /// An alias met on the way (owner, target), both lower case without dot.
    Cname(String, String),
}

/// Why a lookup gave no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// `timeout`, `servfail`, `refused` or `error`.
    pub reason: &'static str,
    /// Detail for the curious (the resolver's own words).
    pub detail: String,
}

impl Failure {
    pub fn timeout() -> Failure {
        Failure {
            reason: "timeout",
            detail: String::new(),
        }
    }
}

/// The outcome of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Records(Vec<Rec>),
    /// The name exists but has no record of this type.
    NoData,
    /// The name does not exist.
    NxDomain,
    /// No answer could be had.
    Failed(Failure),
}

impl Answer {
    pub fn failure(&self) -> Option<&Failure> {
        match self {
            Answer::Failed(f) => Some(f),
            _ => None,
        }
    }

    /// No answer at all: NXDOMAIN or no records of the type. A "void lookup"
    /// in the sense of RFC 7208 §4.6.4.
    pub fn is_void(&self) -> bool {
        match self {
            Answer::NoData | Answer::NxDomain => true,
            Answer::Records(recs) => recs.iter().all(|r| matches!(r, Rec::Cname(..))),
            Answer::Failed(_) => false,
        }
    }

    fn records(&self) -> &[Rec] {
        match self {
            Answer::Records(recs) => recs,
            _ => &[],
        }
    }

    /// TXT records, each with its strings joined without separator (RFC 7208 §3.3).
    pub fn txt_joined(&self) -> Vec<String> {
        self.records()
            .iter()
            .filter_map(|r| match r {
                Rec::Txt(strings) => Some(String::from_utf8_lossy(&strings.concat()).into_owned()),
                _ => None,
            })
            .collect()
    }

    /// MX records as (preference, exchange).
    pub fn mx(&self) -> Vec<(u16, String)> {
        self.records()
            .iter()
            .filter_map(|r| match r {
                Rec::Mx(p, h) => Some((*p, h.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn ips(&self) -> Vec<IpAddr> {
        self.records()
            .iter()
            .filter_map(|r| match r {
                Rec::Ip(ip) => Some(*ip),
                _ => None,
            })
            .collect()
    }

    pub fn ns(&self) -> Vec<String> {
        self.records()
            .iter()
            .filter_map(|r| match r {
                Rec::Ns(n) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }

    /// The names of a reverse (PTR) answer, in the order received.
    pub fn ptr(&self) -> Vec<String> {
        self.records()
            .iter()
            .filter_map(|r| match r {
                Rec::Ptr(n) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }

    /// The names the alias chain starting at `name` leads to, in order;
    /// empty when `name` is not an alias. A loop ends the chain.
    pub fn alias_chain(&self, name: &str) -> Vec<String> {
        let mut chain: Vec<String> = Vec::new();
        let mut current = name.to_string();
        for _ in 0..self.records().len() {
            let next = self.records().iter().find_map(|r| match r {
                Rec::Cname(owner, target) if *owner == current => Some(target.clone()),
                _ => None,
            });
            match next {
                Some(next) if next != name && !chain.contains(&next) => {
                    current = next.clone();
                    chain.push(next);
                }
                _ => break,
            }
        }
        chain
    }

    /// The first alias target, when the name asked for is an alias.
    pub fn cname_target(&self) -> Option<&str> {
        self.records().iter().find_map(|r| match r {
            Rec::Cname(_, target) => Some(target.as_str()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_an_alias_chain_to_its_end() {
        let answer = Answer::Records(vec![
            Rec::Cname("b.test".into(), "c.test".into()),
            Rec::Cname("mx.example.com".into(), "b.test".into()),
            Rec::Ip("192.0.2.10".parse().unwrap()),
        ]);
        assert_eq!(answer.alias_chain("mx.example.com"), ["b.test", "c.test"]);
        assert!(answer.alias_chain("c.test").is_empty());
        let looped = Answer::Records(vec![
            Rec::Cname("a.test".into(), "b.test".into()),
            Rec::Cname("b.test".into(), "a.test".into()),
        ]);
        assert_eq!(looped.alias_chain("a.test"), ["b.test"]);
    }
}

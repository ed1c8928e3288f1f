//! Which records of an answer speak for the name asked.
//!
//! A server, a middlebox or a resolver's cache may put records of other
//! owners in an answer section (the gateway's include name next to the
//! domain's own SPF record, for one). Only the name asked and the names its
//! alias chain leads to say anything about it.

use hickory_resolver::proto::rr::{RData, Record};

use crate::domain::normalise_name;

/// Longest alias chain followed; resolvers give up well before (RFC 1034
/// §3.6.2 asks them to detect loops, and hickory stops at 8 hops).
const MAX_ALIASES: usize = 16;

/// The names that answer for `name`: itself, then each alias target in turn.
fn chain(name: &str, records: &[Record]) -> Vec<String> {
    let mut chain = vec![normalise_name(name)];
    for _ in 0..MAX_ALIASES {
        let Some(current) = chain.last() else {
            break;
        };
        let next = records.iter().find_map(|r| match &r.data {
            RData::CNAME(target) if normalise_name(&r.name.to_ascii()) == *current => {
                Some(normalise_name(&target.0.to_ascii()))
            }
            _ => None,
        });
        match next {
            Some(next) if !chain.contains(&next) => chain.push(next),
            _ => break,
        }
    }
    chain
}

/// The records owned by `name` or by a name of its alias chain, in the
/// order of the answer.
pub fn owned_by<'a>(name: &str, records: &'a [Record]) -> Vec<&'a Record> {
    let chain = chain(name, records);
    records
        .iter()
        .filter(|r| chain.contains(&normalise_name(&r.name.to_ascii())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::Name;
    use hickory_resolver::proto::rr::rdata::{CNAME, TXT};

    fn txt(owner: &str, text: &str) -> Record {
        Record::from_rdata(
            Name::from_ascii(owner).unwrap(),
            300,
            RData::TXT(TXT::new(vec![text.to_string()])),
        )
    }

    fn cname(owner: &str, target: &str) -> Record {
        Record::from_rdata(
            Name::from_ascii(owner).unwrap(),
            300,
            RData::CNAME(CNAME(Name::from_ascii(target).unwrap())),
        )
    }

    fn owners(records: Vec<&Record>) -> Vec<String> {
        records.iter().map(|r| r.name.to_ascii()).collect()
    }

    #[test]
    fn keeps_the_name_and_its_alias_chain_only() {
        let answer = vec![
            txt(
                "includespf.security-mail.net.",
                "v=spf1 ip4:192.0.2.0/24 -all",
            ),
            cname("_dmarc.Example.com.", "_dmarc.hosted.test."),
            cname("_dmarc.hosted.test.", "policy.hosted.test."),
            txt("policy.hosted.test.", "v=DMARC1; p=none"),
            txt("_dmarc.other.test.", "v=DMARC1; p=reject"),
        ];
        assert_eq!(
            owners(owned_by("_dmarc.example.com", &answer)),
            [
                "_dmarc.Example.com.",
                "_dmarc.hosted.test.",
                "policy.hosted.test."
            ]
        );
        assert!(owned_by("example.com", &answer).is_empty());
    }

    #[test]
    fn an_alias_loop_ends() {
        let answer = vec![cname("a.test.", "b.test."), cname("b.test.", "a.test.")];
        assert_eq!(owned_by("a.test.", &answer).len(), 2);
    }
}

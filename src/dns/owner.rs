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

/// The names that answer for `name`: itself, then each alias target in
/// turn; `answered`, the name the resolver says it answered for, is one of
/// them even when the aliases that lead to it are not in the answer.
fn chain(name: &str, answered: &str, records: &[Record]) -> Vec<String> {
    let mut chain = vec![normalise_name(name)];
    let answered = normalise_name(answered);
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
        let next = match next {
            Some(next) => next,
            None if !chain.contains(&answered) => answered.clone(),
            None => break,
        };
        if chain.contains(&next) {
            break;
        }
        chain.push(next);
    }
    chain
}

/// The records owned by `name` or by a name of its alias chain, in the
/// order of the answer. `answered` is the name the resolver answered for.
pub fn owned_by<'a>(name: &str, answered: &str, records: &'a [Record]) -> Vec<&'a Record> {
    let chain = chain(name, answered, records);
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
            owners(owned_by(
                "_dmarc.example.com",
                "_dmarc.example.com",
                &answer
            )),
            [
                "_dmarc.Example.com.",
                "_dmarc.hosted.test.",
                "policy.hosted.test."
            ]
        );
        assert!(owned_by("example.com", "example.com", &answer).is_empty());
    }

    #[test]
    fn the_name_answered_for_counts_when_the_aliases_are_left_out() {
        // A resolver's cache answers for the alias's target, without the alias.
        let answer = vec![
            txt("france.security-mail.net.", "192.0.2.10"),
            txt("other.test.", "192.0.2.99"),
        ];
        assert_eq!(
            owners(owned_by(
                "mx.example.com",
                "france.security-mail.net.",
                &answer
            )),
            ["france.security-mail.net."]
        );
    }

    #[test]
    fn an_alias_loop_ends() {
        let answer = vec![cname("a.test.", "b.test."), cname("b.test.", "a.test.")];
        assert_eq!(owned_by("a.test.", "a.test.", &answer).len(), 2);
    }
}

//! SPF `check_host()` and the `spf` command against a real DNS server
//! (hickory-server on 127.0.0.1): one situation per behaviour of RFC 7208.
//!
//! Addresses are documentation ranges (RFC 5737, RFC 3849).

mod support;

use support::{esm, stdout};

use std::time::{Duration, Instant};

use esm_assistant::dns::{Dns, DnsOptions};
use esm_assistant::spf::check_host::{SpfOutcome, SpfQuery, SpfResult, check_host};
use support::dns_server::{SilentDns, TestDns, txt, zone};

const LONG_LABEL: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

/// The policies under test, one name each, in the zone `spf.test`.
fn spf_zone() -> String {
    let mut body = String::new();
    let mut rec = |name: &str, value: &str| {
        body.push_str(&format!("{name} IN TXT {}\n", txt(value)));
    };
    rec("ranges", "v=spf1 ip4:192.0.2.0/28 ip6:2001:db8:1::/48 -all");
    rec("anyv6", "v=spf1 ip6:::/0 -all");
    rec("a", "v=spf1 a:host.spf.test/24//64 -all");
    rec("self", "v=spf1 a -all");
    rec("mx", "v=spf1 mx -all");
    rec("nomx", "v=spf1 mx ?all");
    rec("manymx", "v=spf1 mx -all");
    rec("ptr", "v=spf1 ptr -all");
    rec("ptrother", "v=spf1 ptr:elsewhere.test -all");
    rec("exists", "v=spf1 exists:%{ir}.%{l1r-}.u.%{d} -all");
    rec("exists6", "v=spf1 exists:%{ir}.%{v}.x.spf.test -all");
    rec("incpass", "v=spf1 include:ranges.spf.test -all");
    rec("incsoft", "v=spf1 include:deny.spf.test ~all");
    rec("deny", "v=spf1 -all exp=inner.spf.test");
    rec("incnone", "v=spf1 include:nothing.spf.test -all");
    rec("redir", "v=spf1 ip4:203.0.113.200 redirect=ranges.spf.test");
    rec("redirall", "v=spf1 ?all redirect=ranges.spf.test");
    rec("redirnone", "v=spf1 redirect=nothing.spf.test");
    rec("exp", "v=spf1 ip4:192.0.2.0/28 -all exp=why.spf.test");
    rec(
        "why",
        "Mail from %{i} is refused: see https://exemple.fr/spf?who=%{L}&d=%{d}",
    );
    rec(
        "expinc",
        "v=spf1 include:deny.spf.test -all exp=outer.spf.test",
    );
    rec(
        "expredir",
        "v=spf1 exp=outer.spf.test redirect=deny.spf.test",
    );
    rec("outer", "Refused by %{d}");
    rec("inner", "Refused by the included %{d}");
    rec("expbad", "v=spf1 -all exp=whybad.spf.test");
    rec("whybad", "The %{x} files");
    rec("syntax", "v=spf1 ip4:192.0.2.5 -all bogus");
    rec("two", "v=spf1 -all");
    rec("two", "v=spf1 +all");
    rec("nospf", "just some text");
    let tenfold = ["a"; 10].join(" ");
    rec("deep", &format!("v=spf1 {tenfold} ip4:192.0.2.5 -all"));
    rec("deeper", &format!("v=spf1 {tenfold} a ip4:192.0.2.5 -all"));
    rec("voids2", "v=spf1 a:gone1.spf.test mx:gone2.spf.test ?all");
    rec(
        "voids3",
        "v=spf1 a:gone1.spf.test a:gone2.spf.test exists:gone3.spf.test ?all",
    );
    rec("loop1", "v=spf1 include:loop2.spf.test -all");
    rec("loop2", "v=spf1 include:loop1.spf.test -all");
    rec("broken", "v=spf1 ip4:192.0.2.1 a:down.spf.test -all");
    rec("helo", "v=spf1 a:%{h} -all");
    rec("pmacro", "v=spf1 exists:%{p}.names.spf.test -all");
    rec(
        "long",
        "v=spf1 exists:%{l}.%{l}.%{l}.%{l}.%{l}.long.spf.test -all",
    );
    rec("colon", "v=spf1 a:mail1.spf.test:25 -all");
    rec("hidden", "v=spf1 a:x\u{202e}y.spf.test -all");
    rec("zero", "v=spf1 a:host.spf.test/0 a:gone1.spf.test/0 -all");
    rec("nullmx", "v=spf1 mx ?all");
    rec(
        "expvoid",
        "v=spf1 a:gone1.spf.test a:gone2.spf.test -all exp=gone3.spf.test",
    );
    rec("expascii", "v=spf1 -all exp=whyaccent.spf.test");
    rec("whyaccent", "Refusé");
    rec("exptwo", "v=spf1 -all exp=whytwo.spf.test");
    rec("whytwo", "one");
    rec("whytwo", "two");
    rec("redirdot", "v=spf1 redirect=ranges.%{d2}.");
    rec("modifier", "v=spf1 note=%{d} ?all");
    rec("inchelo", "v=spf1 include:%{h} -all");
    for i in 1..=11 {
        body.push_str(&format!("manymx IN MX {i} mail1.spf.test.\n"));
    }
    body.push_str(&format!(
        "host IN A 198.51.100.10\n\
         host IN AAAA 2001:db8:2::10\n\
         self IN A 198.51.100.20\n\
         deep IN A 198.51.100.30\n\
         deeper IN A 198.51.100.30\n\
         mx IN MX 10 mail1.spf.test.\n\
         mx IN MX 20 mail2.spf.test.\n\
         mail1 IN A 203.0.113.1\n\
         mail2 IN A 203.0.113.2\n\
         nomx IN A 203.0.113.9\n\
         nullmx IN MX 0 .\n\
         nullmx IN A 203.0.113.9\n\
         mx.pmacro IN A 192.0.2.69\n\
         mx.other IN A 192.0.2.69\n\
         mx.pmacro.spf.test.names IN A 127.0.0.2\n\
         out.ptr IN A 192.0.2.65\n\
         forged.ptr IN A 192.0.2.99\n\
         7.2.0.192.anne.u.exists IN A 127.0.0.2\n\
         5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.x IN A 127.0.0.2\n\
         out.ptr.spf.test.names IN A 127.0.0.2\n\
         {LONG_LABEL}.{LONG_LABEL}.{LONG_LABEL}.long IN A 127.0.0.2\n"
    ));
    zone("spf.test", &body)
}

fn zones() -> Vec<String> {
    vec![
        zone("test", ""),
        spf_zone(),
        zone(
            "2.0.192.in-addr.arpa",
            "65 IN PTR out.ptr.spf.test.\n66 IN PTR forged.ptr.spf.test.\n\
             69 IN PTR mx.other.spf.test.\n69 IN PTR mx.pmacro.spf.test.\n",
        ),
    ]
}

async fn outcome_from(
    server: &TestDns,
    domain: &str,
    ip: &str,
    sender: &str,
    helo: &str,
) -> SpfOutcome {
    let dns = Dns::new(domain, &support::options(server.addr))
        .await
        .expect("resolver");
    let query = SpfQuery {
        ip: ip.parse().expect("test address"),
        domain,
        sender,
        helo,
    };
    check_host(&dns, &query).await
}

/// The outcome for mail from `ip` claiming `domain`, on a fresh server.
async fn spf(domain: &str, ip: &str) -> SpfOutcome {
    let server = TestDns::start(&zones());
    outcome_from(&server, domain, ip, "", "mail.example.org").await
}

fn decided(o: &SpfOutcome) -> Option<(&str, &str)> {
    o.decided_by
        .as_ref()
        .map(|t| (t.term.as_str(), t.domain.as_str()))
}

fn code(o: &SpfOutcome) -> Option<&str> {
    o.problem.as_ref().map(|p| p.code.as_str())
}

#[tokio::test]
async fn ip4_and_ip6_ranges_match_their_own_family_only() {
    let server = TestDns::start(&zones());
    let run = |ip: &'static str| outcome_from(&server, "ranges.spf.test", ip, "", "x.example");
    let o = run("192.0.2.5").await;
    assert_eq!(o.result, SpfResult::Pass);
    assert_eq!(decided(&o), Some(("ip4:192.0.2.0/28", "ranges.spf.test")));
    assert_eq!(o.lookups, 0);
    assert_eq!(run("192.0.2.20").await.result, SpfResult::Fail);
    assert_eq!(run("2001:db8:1:ffff::9").await.result, SpfResult::Pass);
    assert_eq!(run("2001:db8:2::9").await.result, SpfResult::Fail);
    // An IPv4-mapped IPv6 client is the IPv4 client (RFC 7208 §5).
    let mapped = run("::ffff:192.0.2.5").await;
    assert_eq!(mapped.result, SpfResult::Pass);
    assert_eq!(mapped.ip.to_string(), "192.0.2.5");
    // ip6:::/0 matches every IPv6 client and no IPv4 one.
    let v4 = outcome_from(&server, "anyv6.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(decided(&v4), Some(("-all", "anyv6.spf.test")));
    let v6 = outcome_from(&server, "anyv6.spf.test", "2001:db8:9::1", "", "x.example").await;
    assert_eq!(decided(&v6), Some(("ip6:::/0", "anyv6.spf.test")));
}

#[tokio::test]
async fn a_uses_the_dual_cidr_lengths_and_the_current_domain() {
    let server = TestDns::start(&zones());
    let run = |ip: &'static str| outcome_from(&server, "a.spf.test", ip, "", "x.example");
    // host.spf.test has 198.51.100.10 and 2001:db8:2::10; /24 and /64 apply.
    assert_eq!(run("198.51.100.77").await.result, SpfResult::Pass);
    assert_eq!(run("198.51.101.10").await.result, SpfResult::Fail);
    assert_eq!(run("2001:db8:2::ffff").await.result, SpfResult::Pass);
    assert_eq!(run("2001:db8:2:1::10").await.result, SpfResult::Fail);
    let o = run("198.51.100.77").await;
    assert_eq!(decided(&o), Some(("a:host.spf.test/24//64", "a.spf.test")));
    assert_eq!(o.lookups, 1);
    // `a` alone asks for the domain's own address.
    let own = outcome_from(&server, "self.spf.test", "198.51.100.20", "", "x.example").await;
    assert_eq!(own.result, SpfResult::Pass);
    assert_eq!(decided(&own), Some(("a", "self.spf.test")));
    assert_eq!(
        outcome_from(&server, "self.spf.test", "198.51.100.21", "", "x.example")
            .await
            .result,
        SpfResult::Fail
    );
    // /0 matches any client of the family, but only if an address exists.
    let o = outcome_from(&server, "zero.spf.test", "192.0.2.200", "", "x.example").await;
    assert_eq!(decided(&o), Some(("a:host.spf.test/0", "zero.spf.test")));
    let o = outcome_from(&server, "zero.spf.test", "2001:db8:5::1", "", "x.example").await;
    assert_eq!(decided(&o), Some(("-all", "zero.spf.test")));
}

#[tokio::test]
async fn mx_matches_the_hosts_and_never_falls_back_to_the_address() {
    let server = TestDns::start(&zones());
    let o = outcome_from(&server, "mx.spf.test", "203.0.113.2", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass);
    assert_eq!(decided(&o), Some(("mx", "mx.spf.test")));
    assert_eq!(
        outcome_from(&server, "mx.spf.test", "203.0.113.3", "", "x.example")
            .await
            .result,
        SpfResult::Fail
    );
    // nomx.spf.test has an address but no MX: mx does not match its address.
    let o = outcome_from(&server, "nomx.spf.test", "203.0.113.9", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Neutral);
    assert_eq!(decided(&o), Some(("?all", "nomx.spf.test")));
    assert_eq!(o.void_lookups, 1);
    // A null MX (`.`) names no host to look up.
    let o = outcome_from(&server, "nullmx.spf.test", "203.0.113.9", "", "x.example").await;
    assert_eq!(decided(&o), Some(("?all", "nullmx.spf.test")));
}

#[tokio::test]
async fn an_mx_with_more_than_ten_hosts_is_a_permanent_error() {
    let o = spf("manymx.spf.test", "203.0.113.1").await;
    assert_eq!(o.result, SpfResult::PermError);
    let problem = o.problem.as_ref().expect("problem");
    assert_eq!(problem.code, "too-many-mx-names");
    assert_eq!(problem.args["count"], 11usize.into());
    assert_eq!(decided(&o), Some(("mx", "manymx.spf.test")));
}

#[tokio::test]
async fn ptr_matches_validated_names_only() {
    let server = TestDns::start(&zones());
    // 192.0.2.65 points back to out.ptr.spf.test, whose address it is.
    let o = outcome_from(&server, "ptr.spf.test", "192.0.2.65", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass);
    assert_eq!(decided(&o), Some(("ptr", "ptr.spf.test")));
    // 192.0.2.66 points to forged.ptr.spf.test, which does not point back.
    let o = outcome_from(&server, "ptr.spf.test", "192.0.2.66", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Fail);
    // A validated name outside the target domain does not match.
    let o = outcome_from(&server, "ptrother.spf.test", "192.0.2.65", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Fail);
    // No reverse name at all: no match, and not an error.
    let o = outcome_from(&server, "ptr.spf.test", "192.0.2.67", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Fail);
}

#[tokio::test]
async fn exists_expands_the_sender_and_address_into_the_name() {
    let server = TestDns::start(&zones());
    // %{ir}.%{l1r-}.u.%{d}: 7.2.0.192 . anne . u . exists.spf.test
    let o = outcome_from(
        &server,
        "exists.spf.test",
        "192.0.2.7",
        "anne-marie@exists.spf.test",
        "x.example",
    )
    .await;
    assert_eq!(o.result, SpfResult::Pass, "{o:#?}");
    assert_eq!(o.sender, "anne-marie@exists.spf.test");
    let o = outcome_from(
        &server,
        "exists.spf.test",
        "192.0.2.8",
        "anne-marie@exists.spf.test",
        "x.example",
    )
    .await;
    assert_eq!(o.result, SpfResult::Fail);
    assert_eq!(o.void_lookups, 1);
    // An IPv6 client: dotted nibbles and "ip6"; exists still asks for A.
    let o = outcome_from(
        &server,
        "exists6.spf.test",
        "2001:db8:1::5",
        "",
        "x.example",
    )
    .await;
    assert_eq!(o.result, SpfResult::Pass, "{o:#?}");
}

#[tokio::test]
async fn helo_and_validated_name_macros() {
    let server = TestDns::start(&zones());
    let o = outcome_from(
        &server,
        "helo.spf.test",
        "203.0.113.1",
        "",
        "mail1.spf.test",
    )
    .await;
    assert_eq!(o.result, SpfResult::Pass);
    let o = outcome_from(
        &server,
        "helo.spf.test",
        "203.0.113.1",
        "",
        "mail2.spf.test",
    )
    .await;
    assert_eq!(o.result, SpfResult::Fail);
    // %{p}: the validated reverse name, else "unknown".
    let o = outcome_from(&server, "pmacro.spf.test", "192.0.2.65", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass, "{o:#?}");
    let o = outcome_from(&server, "pmacro.spf.test", "192.0.2.66", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Fail);
    // Of two validated names, the one inside the domain is chosen,
    // whatever order the reverse answer gives them in.
    let o = outcome_from(&server, "pmacro.spf.test", "192.0.2.69", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass, "{o:#?}");
}

#[tokio::test]
async fn expanded_names_longer_than_dns_allows_lose_labels_on_the_left() {
    let server = TestDns::start(&zones());
    // Five 60-character labels and the domain make 318 bytes: the two
    // leftmost labels go, and the name asked exists.
    let sender = format!("{LONG_LABEL}@long.spf.test");
    let o = outcome_from(&server, "long.spf.test", "192.0.2.1", &sender, "x.example").await;
    assert_eq!(o.result, SpfResult::Pass, "{o:#?}");
}

#[tokio::test]
async fn include_matches_only_on_pass() {
    let server = TestDns::start(&zones());
    let o = outcome_from(&server, "incpass.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass);
    assert_eq!(
        decided(&o),
        Some(("include:ranges.spf.test", "incpass.spf.test"))
    );
    let path: Vec<(&str, &str)> = o
        .path
        .iter()
        .map(|t| (t.term.as_str(), t.domain.as_str()))
        .collect();
    assert_eq!(
        path,
        [
            ("include:ranges.spf.test", "incpass.spf.test"),
            ("ip4:192.0.2.0/28", "ranges.spf.test"),
        ]
    );
    assert_eq!(o.lookups, 1);
    // The included record fails: the include does not match, ~all decides.
    let o = outcome_from(&server, "incsoft.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::SoftFail);
    assert_eq!(decided(&o), Some(("~all", "incsoft.spf.test")));
    // An include of a domain without a record is a permanent error.
    let o = outcome_from(&server, "incnone.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("include-no-record"));
    assert_eq!(
        decided(&o),
        Some(("include:nothing.spf.test", "incnone.spf.test"))
    );
}

#[tokio::test]
async fn redirect_applies_only_when_nothing_matched() {
    let server = TestDns::start(&zones());
    let o = outcome_from(&server, "redir.spf.test", "192.0.2.20", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Fail);
    // The target's term decides; the path shows the redirect.
    assert_eq!(decided(&o), Some(("-all", "ranges.spf.test")));
    assert_eq!(o.path[0].term, "redirect=ranges.spf.test");
    let o = outcome_from(&server, "redir.spf.test", "203.0.113.200", "", "x.example").await;
    assert_eq!(decided(&o), Some(("ip4:203.0.113.200", "redir.spf.test")));
    // With an `all`, redirect is never reached.
    let o = outcome_from(&server, "redirall.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Neutral);
    assert_eq!(o.lookups, 0);
    // A macro target may end with a dot.
    let o = outcome_from(&server, "redirdot.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(decided(&o), Some(("ip4:192.0.2.0/28", "ranges.spf.test")));
    let o = outcome_from(&server, "redirnone.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("redirect-no-record"));
}

#[tokio::test]
async fn the_explanation_comes_from_the_record_that_failed() {
    let server = TestDns::start(&zones());
    let o = outcome_from(
        &server,
        "exp.spf.test",
        "198.51.100.1",
        "jo+news@exp.spf.test",
        "x.example",
    )
    .await;
    assert_eq!(o.result, SpfResult::Fail);
    // Upper-case macros are URL-escaped.
    assert_eq!(
        o.explanation.as_deref(),
        Some(
            "Mail from 198.51.100.1 is refused: see https://exemple.fr/spf?who=jo%2Bnews&d=exp.spf.test"
        )
    );
    // No explanation for other results.
    let o = outcome_from(&server, "exp.spf.test", "192.0.2.1", "", "x.example").await;
    assert_eq!((o.result, o.explanation), (SpfResult::Pass, None));
    // An included record's exp= is not used...
    let o = outcome_from(&server, "expinc.spf.test", "192.0.2.1", "", "x.example").await;
    assert_eq!(o.explanation.as_deref(), Some("Refused by expinc.spf.test"));
    // ...but a redirect's target's is, and replaces the first record's.
    let o = outcome_from(&server, "expredir.spf.test", "192.0.2.1", "", "x.example").await;
    assert_eq!(
        o.explanation.as_deref(),
        Some("Refused by the included deny.spf.test")
    );
    // An explanation that is not a valid macro-string, not ASCII, or not
    // one record, is left out; the result stays fail.
    for domain in ["expbad.spf.test", "expascii.spf.test", "exptwo.spf.test"] {
        let o = outcome_from(&server, domain, "192.0.2.1", "", "x.example").await;
        assert_eq!(
            (o.result, o.explanation),
            (SpfResult::Fail, None),
            "{domain}"
        );
    }
    // Looking up the explanation is not one of the counted lookups.
    let o = outcome_from(&server, "expvoid.spf.test", "192.0.2.1", "", "x.example").await;
    assert_eq!((o.result, o.void_lookups), (SpfResult::Fail, 2));
}

#[tokio::test]
async fn ten_lookups_are_allowed_and_the_eleventh_is_a_permanent_error() {
    let o = spf("deep.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::Pass);
    assert_eq!(o.lookups, 10);
    let o = spf("deeper.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("too-many-lookups"));
    assert_eq!(decided(&o), Some(("a", "deeper.spf.test")));
    // An include loop stops at the limit, not by running forever.
    let o = spf("loop1.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("too-many-lookups"));
    assert_eq!(o.path.len(), 11);
}

#[tokio::test]
async fn two_void_lookups_are_allowed_and_the_third_is_a_permanent_error() {
    let o = spf("voids2.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::Neutral);
    assert_eq!(o.void_lookups, 2);
    let o = spf("voids3.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("too-many-void-lookups"));
    assert_eq!(
        decided(&o),
        Some(("exists:gone3.spf.test", "voids3.spf.test"))
    );
}

#[tokio::test]
async fn records_that_cannot_be_used() {
    let server = TestDns::start(&zones());
    // A syntax error anywhere is found before anything matches.
    let o = outcome_from(&server, "syntax.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::PermError);
    let problem = o.problem.as_ref().expect("problem");
    assert_eq!(problem.code, "syntax");
    assert_eq!(problem.text_arg("term"), Some("bogus"));
    assert_eq!(problem.text_arg("reason"), Some("unknown-mechanism"));
    let o = outcome_from(&server, "colon.spf.test", "203.0.113.1", "", "x.example").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(
        o.problem.as_ref().unwrap().text_arg("reason"),
        Some("invalid-domain")
    );
    let o = outcome_from(&server, "two.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("multiple-records"));
    // An include whose name, once expanded, is not a domain.
    let o = outcome_from(&server, "inchelo.spf.test", "192.0.2.5", "", "localhost").await;
    assert_eq!(o.result, SpfResult::PermError);
    assert_eq!(code(&o), Some("invalid-target"));
    assert_eq!(
        o.problem.as_ref().unwrap().text_arg("term"),
        Some("include:%{h}")
    );
    // An unknown modifier is ignored.
    let o = outcome_from(&server, "modifier.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Neutral);
}

#[tokio::test]
async fn text_from_dns_is_shown_with_its_hidden_characters_visible() {
    let o = spf("hidden.spf.test", "192.0.2.5").await;
    assert_eq!(o.result, SpfResult::PermError);
    let term = o.problem.as_ref().unwrap().text_arg("term").unwrap();
    assert_eq!(term, "a:x\\u{202e}y.spf.test");
    assert!(!serde_json::to_string(&o).unwrap().contains('\u{202e}'));
}

#[tokio::test]
async fn no_policy_gives_none() {
    let server = TestDns::start(&zones());
    let o = outcome_from(&server, "nospf.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!((o.result, code(&o)), (SpfResult::None, Some("no-record")));
    let o = outcome_from(&server, "missing.spf.test", "192.0.2.5", "", "x.example").await;
    assert_eq!((o.result, code(&o)), (SpfResult::None, Some("no-record")));
    // A name that is not a domain is not looked up at all (RFC 7208 §4.3).
    for bad in ["localhost", "a..spf.test", "[192.0.2.5]"] {
        let o = outcome_from(&server, bad, "192.0.2.5", "", "x.example").await;
        assert_eq!(
            (o.result, code(&o)),
            (SpfResult::None, Some("invalid-domain")),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_servfail_is_a_temporary_error() {
    let server = TestDns::start_failing(&zones(), &["down.spf.test"]);
    let o = outcome_from(&server, "broken.spf.test", "198.51.100.1", "", "x.example").await;
    assert_eq!(o.result, SpfResult::TempError);
    let problem = o.problem.as_ref().expect("problem");
    assert_eq!(problem.code, "lookup-failed");
    assert_eq!(problem.text_arg("reason"), Some("servfail"));
    assert_eq!(problem.text_arg("name"), Some("down.spf.test"));
    assert_eq!(decided(&o), Some(("a:down.spf.test", "broken.spf.test")));
    // A term before the broken one still decides.
    let o = outcome_from(&server, "broken.spf.test", "192.0.2.1", "", "x.example").await;
    assert_eq!(o.result, SpfResult::Pass);
}

#[tokio::test]
async fn a_server_that_never_answers_gives_temperror_within_the_deadline() {
    let silent = SilentDns::start();
    let options = DnsOptions {
        query_timeout: Duration::from_millis(300),
        deadline: Duration::from_secs(1),
        ..support::options(silent.addr)
    };
    let dns = Dns::new("example.org", &options).await.expect("resolver");
    let started = Instant::now();
    let query = SpfQuery {
        ip: "192.0.2.1".parse().unwrap(),
        domain: "example.org",
        sender: "",
        helo: "x.example",
    };
    let o = check_host(&dns, &query).await;
    assert_eq!(o.result, SpfResult::TempError);
    assert_eq!(
        o.problem.as_ref().unwrap().text_arg("reason"),
        Some("timeout")
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

// The command, run as an admin or a script would.

#[test]
fn spf_command_json_and_exit_codes() {
    let server = TestDns::start_failing(&zones(), &["down.spf.test"]);
    let ns = server.addr.to_string();
    let run =
        |domain: &str, ip: &str| esm(&["spf", domain, "--ip", ip, "--json", "--nameserver", &ns]);
    let out = run("incpass.spf.test", "192.0.2.5");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["result"], "pass");
    assert_eq!(json["domain"], "incpass.spf.test");
    assert_eq!(json["ip"], "192.0.2.5");
    assert_eq!(json["sender"], "postmaster@incpass.spf.test");
    assert_eq!(json["decided_by"]["term"], "include:ranges.spf.test");
    assert_eq!(json["decided_by"]["domain"], "incpass.spf.test");
    assert_eq!(json["path"][1]["term"], "ip4:192.0.2.0/28");
    assert_eq!(json["lookups"], 1);
    assert_eq!(json["void_lookups"], 0);
    assert!(json["explanation"].is_null());

    let out = run("ranges.spf.test", "192.0.2.20");
    assert_eq!(out.status.code(), Some(1));
    let out = run("syntax.spf.test", "192.0.2.5");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["result"], "permerror");
    assert_eq!(json["problem"]["code"], "syntax");
    assert_eq!(json["problem"]["term"], "bogus");
    let out = run("nospf.spf.test", "192.0.2.5");
    assert_eq!(out.status.code(), Some(1));
    // A lookup without an answer: could not be checked.
    let out = run("broken.spf.test", "198.51.100.1");
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["result"], "temperror");
}

#[test]
fn spf_command_text_in_english_and_french() {
    let server = TestDns::start(&zones());
    let ns = server.addr.to_string();
    let args = |lang: &'static str| {
        vec![
            "spf".to_string(),
            "redir.spf.test".into(),
            "--ip".into(),
            "192.0.2.20".into(),
            "--sender".into(),
            "jo@redir.spf.test".into(),
            "--helo".into(),
            "mail1.spf.test".into(),
            "--nameserver".into(),
            ns.clone(),
            "--lang".into(),
            lang.into(),
        ]
    };
    let en_args = args("en");
    let en = esm(&en_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(en.status.code(), Some(1));
    let en = stdout(&en);
    assert!(
        en.contains("SPF for redir.spf.test, mail sent from 192.0.2.20"),
        "{en}"
    );
    assert!(
        en.contains("Sender: jo@redir.spf.test · HELO: mail1.spf.test"),
        "{en}"
    );
    assert!(en.contains("Result: fail"), "{en}");
    assert!(en.contains("may not send mail for redir.spf.test"), "{en}");
    assert!(
        en.contains("Decided by: -all (record of ranges.spf.test)"),
        "{en}"
    );
    assert!(
        en.contains("Path: redirect=ranges.spf.test (redir.spf.test) → -all (ranges.spf.test)"),
        "{en}"
    );
    assert!(en.contains("DNS lookups: 1 of 10"), "{en}");
    let fr_args = args("fr");
    let fr = stdout(&esm(&fr_args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()));
    assert!(fr.contains("Résultat\u{a0}: fail"), "{fr}");
    assert!(
        fr.contains("n’est pas autorisé à envoyer du courrier pour redir.spf.test"),
        "{fr}"
    );
    assert!(
        fr.contains("Décidé par\u{a0}: -all (enregistrement de ranges.spf.test)"),
        "{fr}"
    );

    // A permanent error says why, in words.
    let out = esm(&[
        "spf",
        "voids3.spf.test",
        "--ip",
        "192.0.2.5",
        "--nameserver",
        &ns,
    ]);
    let text = stdout(&out);
    assert!(text.contains("Result: permerror"), "{text}");
    assert!(
        text.contains("Stopped at: exists:gone3.spf.test (record of voids3.spf.test)"),
        "{text}"
    );
    assert!(
        text.contains("Why: More than 2 lookups of the evaluation find nothing."),
        "{text}"
    );
    let out = esm(&[
        "spf",
        "syntax.spf.test",
        "--ip",
        "192.0.2.5",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("le terme «\u{a0}bogus\u{a0}» est incorrect (mécanisme inconnu)"),
        "{text}"
    );
}

#[test]
fn spf_command_refuses_unusable_input_with_exit_2() {
    let long_sender = format!("{}@exemple.fr", "a".repeat(600));
    for (args, needle) in [
        (
            vec!["spf", "exemple.fr", "--ip", "192.0.2.300"],
            "not an IP address",
        ),
        (
            vec!["spf", "exemple.fr", "--ip", "mail.exemple.fr"],
            "not an IP address",
        ),
        (vec!["spf", "exa mple.fr", "--ip", "192.0.2.1"], "spaces"),
        (vec!["spf", "exemple.fr"], "--ip"),
        (
            vec![
                "spf",
                "exemple.fr",
                "--ip",
                "192.0.2.1",
                "--sender",
                &long_sender,
            ],
            "--sender is longer than 512",
        ),
    ] {
        let mut args = args.clone();
        args.extend(["--nameserver", "127.0.0.1:9"]);
        let out = esm(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}");
    }
}

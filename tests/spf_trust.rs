//! SPF verdicts that must hold on any zone: whole gateway ranges evaluated,
//! terms that could block the gateway named, `+all` found wherever it
//! hides, and bounded work on zones built to make the evaluation explode.
//! Every test asks a real DNS server on 127.0.0.1.

mod support;

use std::time::Duration;

use esm_assistant::check::{self, CheckId, Status};
use esm_assistant::dns::Dns;
use esm_assistant::records::{self, Action, Purpose};
use esm_assistant::spf::MAX_QUERIES;
use support::dns_server::{TestDns, txt, zone};
use support::hostile_dns::{EverNewDns, wide_deep_zone};
use support::{codes, get, input, options, world};

const GW: &str = "include:includespf.security-mail.net";

fn trust_zones() -> Vec<String> {
    let dmarc = "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com\"\n";
    let spf = |origin: &str, record: &str, extra: &str| {
        zone(origin, &format!("@ IN TXT {}\n{dmarc}{extra}", txt(record)))
    };
    let mut zones = vec![
        world::tld_zone(),
        world::gateway_zone(),
        spf("firstaddr.test", "v=spf1 ip4:198.51.100.0 -all", ""),
        spf("slash30.test", "v=spf1 ip4:198.51.100.0/30 -all", ""),
        spf(
            "minusip.test",
            &format!("v=spf1 -ip4:198.51.100.7 {GW} -all"),
            "",
        ),
        spf(
            "minusexists.test",
            &format!("v=spf1 -exists:%{{i}}.bl.minusexists.test {GW} -all"),
            "",
        ),
        spf(
            "minusa.test",
            &format!("v=spf1 -a:relay.minusa.test {GW} -all"),
            "relay IN A 198.51.100.7\n",
        ),
        spf(
            "openinclude.test",
            &format!("v=spf1 include:open.openinclude.test {GW} -all"),
            "open IN TXT \"v=spf1 +all\"\n",
        ),
        spf(
            "openredirect.test",
            "v=spf1 redirect=open.openinclude.test",
            "",
        ),
        wide_deep_zone("wide.test"),
    ];
    let mut chain = String::new();
    for i in 0..15 {
        chain.push_str(&format!(
            "r{i} IN TXT \"v=spf1 redirect=r{}.chain.test\"\n",
            i + 1
        ));
    }
    chain.push_str(&format!("r15 IN TXT \"v=spf1 {GW} -all\"\n"));
    zones.push(spf("chain.test", "v=spf1 redirect=r0.chain.test", &chain));
    zones
}

async fn check(dns: &TestDns, domain: &str) -> (check::Report, check::Snapshot) {
    let i = input(domain);
    let resolver = Dns::new(i.domain.ascii(), &options(dns.addr))
        .await
        .expect("resolver");
    check::run(&i, &resolver).await
}

#[tokio::test]
async fn the_first_address_of_the_gateway_range_is_not_the_range() {
    let dns = TestDns::start(&trust_zones());
    for (domain, first_missing) in [
        ("firstaddr.test", "198.51.100.1–198.51.100.255"),
        ("slash30.test", "198.51.100.4–198.51.100.255"),
    ] {
        let (r, snap) = check(&dns, domain).await;
        let g = get(&r, CheckId::SpfGateway);
        assert_eq!(g.status, Status::Fail, "{domain}: {g:#?}");
        let p = &g.problems[0];
        assert_eq!(p.text_arg("reason"), Some("partial"), "{domain}");
        let esm_assistant::check::Arg::List(ranges) = &p.args["ranges"] else {
            panic!("ranges are a list: {p:#?}");
        };
        assert_eq!(ranges[0], first_missing, "{domain}");
        assert!(
            ranges.iter().any(|r| r == "2001:db8:100::/48"),
            "{ranges:?}"
        );
        // The records to publish add the gateway's include.
        let plan = records::plan(&input(domain), &snap);
        let spf = plan
            .records
            .iter()
            .find(|r| r.purpose == Purpose::Spf)
            .expect("an SPF record");
        assert_ne!(spf.action, Action::Keep, "{domain}: {spf:#?}");
        assert!(spf.value.as_deref().unwrap_or("").contains(GW));
    }
}

#[tokio::test]
async fn a_term_that_takes_a_gateway_address_first_fails_and_is_moved() {
    let dns = TestDns::start(&trust_zones());
    let (r, snap) = check(&dns, "minusip.test").await;
    let g = get(&r, CheckId::SpfGateway);
    assert_eq!(g.status, Status::Fail);
    let p = &g.problems[0];
    assert_eq!(p.text_arg("reason"), Some("overridden"));
    assert_eq!(p.text_arg("term"), Some("-ip4:198.51.100.7"));
    assert_eq!(
        p.args["ranges"],
        esm_assistant::check::Arg::List(vec!["198.51.100.7".into()])
    );
    let plan = records::plan(&input("minusip.test"), &snap);
    let spf = plan
        .records
        .iter()
        .find(|r| r.purpose == Purpose::Spf)
        .expect("an SPF record");
    assert_eq!(
        spf.value.as_deref(),
        Some("v=spf1 include:includespf.security-mail.net -ip4:198.51.100.7 -all")
    );
}

#[tokio::test]
async fn sender_dependent_terms_before_the_include_are_a_warning() {
    let dns = TestDns::start(&trust_zones());
    for (domain, term) in [
        ("minusexists.test", "-exists:%{i}.bl.minusexists.test"),
        ("minusa.test", "-a:relay.minusa.test"),
    ] {
        let (r, snap) = check(&dns, domain).await;
        let g = get(&r, CheckId::SpfGateway);
        assert_eq!(g.status, Status::Warn, "{domain}: {g:#?}");
        assert_eq!(codes(&r, CheckId::SpfGateway), ["could-block"]);
        assert_eq!(g.problems[0].text_arg("term"), Some(term));
        let plan = records::plan(&input(domain), &snap);
        let spf = plan
            .records
            .iter()
            .find(|r| r.purpose == Purpose::Spf)
            .expect("an SPF record");
        assert!(
            spf.value
                .as_deref()
                .is_some_and(|v| v.starts_with(&format!("v=spf1 {GW} "))),
            "{spf:#?}"
        );
    }
}

#[tokio::test]
async fn plus_all_behind_an_include_or_a_redirect_authorises_everyone() {
    let dns = TestDns::start(&trust_zones());
    let (r, _) = check(&dns, "openinclude.test").await;
    let all = get(&r, CheckId::SpfAll);
    assert_eq!(all.status, Status::Fail);
    assert_eq!(codes(&r, CheckId::SpfAll), ["everyone-authorised"]);
    assert_eq!(
        all.problems[0].args["terms"],
        esm_assistant::check::Arg::List(vec!["include:open.openinclude.test".into()])
    );
    let (r, _) = check(&dns, "openredirect.test").await;
    assert_eq!(codes(&r, CheckId::SpfAll), ["plus-all"]);
}

#[tokio::test]
async fn a_long_redirect_chain_is_too_many_lookups() {
    let dns = TestDns::start(&trust_zones());
    let (r, _) = check(&dns, "chain.test").await;
    assert_eq!(codes(&r, CheckId::SpfLookups), ["too-many-lookups"]);
    let g = get(&r, CheckId::SpfGateway);
    assert_eq!(g.problems[0].text_arg("reason"), Some("lookup-limit"));
    assert_eq!(codes(&r, CheckId::SpfAll), ["lookup-limit"]);
}

#[tokio::test]
async fn spf_saved_with_quote_marks_has_one_diagnosis() {
    let dns = TestDns::start(&world::zones());
    let (r, _) = check(&dns, "quoted.test").await;
    assert_eq!(codes(&r, CheckId::SpfRecord), ["quoted-value"]);
    for id in [CheckId::SpfGateway, CheckId::SpfLookups, CheckId::SpfAll] {
        assert_eq!(codes(&r, id), ["no-record"], "{}", id.as_str());
        assert_eq!(get(&r, id).status, Status::Unknown);
    }
}

/// Ten includes per name over twelve levels: a receiver stops after ten
/// lookups, and so does the check, asking a bounded number of questions.
#[tokio::test]
async fn a_wide_and_deep_zone_is_checked_with_bounded_work() {
    let dns = TestDns::start(&[
        world::tld_zone(),
        world::gateway_zone(),
        wide_deep_zone("wide.test"),
    ]);
    let (r, _) = tokio::time::timeout(Duration::from_secs(20), check(&dns, "d.wide.test"))
        .await
        .expect("the check ends");
    let l = get(&r, CheckId::SpfLookups);
    assert_eq!(
        codes(&r, CheckId::SpfLookups),
        ["too-many-lookups"],
        "{l:#?}"
    );
    assert_eq!(l.details["lookups"], 11usize.into());
    assert!(
        dns.queries() <= MAX_QUERIES + 20,
        "{} questions asked",
        dns.queries()
    );
}

/// Every name includes ten names never seen before.
#[tokio::test]
async fn an_ever_new_zone_is_checked_with_bounded_work() {
    let dns = EverNewDns::start();
    let domain = dns.domain();
    let i = input(&domain);
    let resolver = Dns::new(i.domain.ascii(), &options(dns.addr))
        .await
        .expect("resolver");
    let (r, _) = tokio::time::timeout(Duration::from_secs(20), check::run(&i, &resolver))
        .await
        .expect("the check ends");
    assert_eq!(codes(&r, CheckId::SpfLookups), ["too-many-lookups"]);
    assert!(
        dns.queries() <= MAX_QUERIES + 20,
        "{} questions asked",
        dns.queries()
    );
}

/// The lock-down step derives the gateway's ranges from a profile's
/// include: an include built to explode ends too, with no range.
#[tokio::test]
async fn deriving_ranges_from_an_ever_new_include_is_bounded() {
    let dns = EverNewDns::start();
    let include = dns.domain();
    let resolver = Dns::new(&include, &options(dns.addr))
        .await
        .expect("resolver");
    let derived = tokio::time::timeout(
        Duration::from_secs(20),
        esm_assistant::lockdown::ranges::derive(&resolver, &include),
    )
    .await
    .expect("the derivation ends");
    assert!(derived.is_err(), "{derived:?}");
    assert!(
        dns.queries() <= MAX_QUERIES,
        "{} questions asked",
        dns.queries()
    );
}

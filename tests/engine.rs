//! The checks against a real DNS server (hickory-server on 127.0.0.1),
//! one situation per problem code, and healthy domains.

mod support;

use std::time::{Duration, Instant};

use esm_assistant::check::{CheckId, Destination, Status};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::{Dns, DnsOptions};
use hickory_server::proto::rr::RecordType;
use support::dns_server::{SilentDns, TestDns};
use support::{codes, get, input, run, world};

fn server() -> TestDns {
    TestDns::start(&world::zones())
}

async fn report(domain: &str) -> esm_assistant::check::Report {
    let dns = server();
    run(&input(domain), dns.addr).await
}

#[tokio::test]
async fn a_configured_domain_passes_everything() {
    let dns = server();
    let mut i = input("good.test");
    i.destination = Some(Destination::parse("mail.good.test").unwrap());
    i.dkim_key = Some(normalise_console_key(world::RSA_2048).unwrap());
    let r = run(&i, dns.addr).await;
    for check in &r.checks {
        assert_eq!(check.status, Status::Pass, "{check:#?}");
    }
    assert_eq!(r.checks.len(), CheckId::ALL.len());
    assert_eq!(
        get(&r, CheckId::SpfLookups).details["lookups"],
        2usize.into()
    );
    assert_eq!(
        get(&r, CheckId::DkimRecord).details["key_bits"],
        2048usize.into()
    );
    assert!(!r.has_failure());
}

#[tokio::test]
async fn nxdomain() {
    let r = report("missing.test").await;
    assert_eq!(get(&r, CheckId::DomainDns).status, Status::Fail);
    assert_eq!(codes(&r, CheckId::DomainDns), ["nxdomain"]);
}

#[tokio::test]
async fn destination_without_address_or_looping() {
    let dns = server();
    let mut i = input("good.test");
    i.destination = Some(Destination::parse("nohost.good.test").unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(codes(&r, CheckId::DestinationHost), ["no-address"]);
    assert_eq!(get(&r, CheckId::DestinationHost).status, Status::Fail);

    i.destination = Some(Destination::parse("France.Security-Mail.net.").unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(codes(&r, CheckId::DestinationHost), ["loop"]);

    // The gateway's address typed instead of its name loops too.
    i.destination = Some(Destination::parse("192.0.2.20").unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(codes(&r, CheckId::DestinationHost), ["loop"]);

    i.destination = Some(Destination::parse("198.51.100.7").unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(get(&r, CheckId::DestinationHost).status, Status::Pass);
}

#[tokio::test]
async fn no_mx() {
    let r = report("nomx.test").await;
    assert_eq!(codes(&r, CheckId::MxGateway), ["no-mx"]);
    assert_eq!(get(&r, CheckId::MxGateway).status, Status::Fail);
}

/// After the switch, Microsoft 365's admin centre may put its own MX back:
/// that MX is named as such (not as a generic leftover) when it takes the
/// mail, and stays a plain leftover when the gateway still outranks it.
#[tokio::test]
async fn an_mx_reset_to_microsoft_is_named_with_its_cause() {
    let mut zones = world::zones();
    zones.push(support::dns_server::zone(
        "m365reset.test",
        "@ IN MX 0 example-test.mail.protection.outlook.com.\n",
    ));
    zones.push(support::dns_server::zone(
        "m365behind.test",
        "@ IN MX 10 france.security-mail.net.\n\
         @ IN MX 20 europe.security-mail.net.\n\
         @ IN MX 30 example-test.mail.protection.outlook.com.\n",
    ));
    let dns = TestDns::start(&zones);

    let r = run(&input("m365reset.test"), dns.addr).await;
    let mx = get(&r, CheckId::MxGateway);
    assert_eq!(mx.status, Status::Fail);
    let reset: Vec<_> = mx
        .problems
        .iter()
        .filter(|p| p.code == "mx-reset-to-microsoft")
        .collect();
    assert_eq!(reset.len(), 1, "{mx:#?}");
    assert_eq!(
        reset[0].args["host"],
        "example-test.mail.protection.outlook.com".into()
    );
    assert_eq!(reset[0].args["preference"], 0u16.into());
    assert!(!codes(&r, CheckId::MxGateway).contains(&"leftover-mx"));

    let r = run(&input("m365behind.test"), dns.addr).await;
    assert_eq!(codes(&r, CheckId::MxGateway), ["leftover-mx"]);
}

#[tokio::test]
async fn leftover_mx_names_each_and_says_which_bypasses() {
    let r = report("leftover.test").await;
    let mx = get(&r, CheckId::MxGateway);
    assert_eq!(mx.status, Status::Fail);
    let leftovers: Vec<_> = mx
        .problems
        .iter()
        .filter(|p| p.code == "leftover-mx")
        .collect();
    assert_eq!(leftovers.len(), 2);
    let low = leftovers
        .iter()
        .find(|p| p.text_arg("host") == Some("mx1.oldhost.test"))
        .unwrap();
    assert_eq!(low.args["bypass"], true.into());
    assert_eq!(low.args["preference"], 5u16.into());
    let high = leftovers
        .iter()
        .find(|p| p.text_arg("host") == Some("mx-alias.mailhost.test"))
        .unwrap();
    assert_eq!(high.args["bypass"], false.into());
}

#[tokio::test]
async fn mx_target_that_is_an_alias() {
    let r = report("leftover.test").await;
    let alias = get(&r, CheckId::MxGateway)
        .problems
        .iter()
        .find(|p| p.code == "mx-cname")
        .expect("mx-cname");
    assert_eq!(alias.text_arg("host"), Some("mx-alias.mailhost.test"));
    assert_eq!(alias.text_arg("target"), Some("mx.mailhost.test"));
    assert_eq!(alias.severity, Status::Warn);
}

#[tokio::test]
async fn an_mx_that_is_an_alias_of_the_gateway_is_not_an_old_mx() {
    let r = report("mxalias.test").await;
    let mx = get(&r, CheckId::MxGateway);
    assert_eq!(codes(&r, CheckId::MxGateway), ["mx-cname"], "{mx:#?}");
    assert_eq!(mx.status, Status::Warn);
    let p = &mx.problems[0];
    assert_eq!(p.text_arg("host"), Some("mx.mxalias.test"));
    assert_eq!(p.text_arg("target"), Some("france.security-mail.net"));
    assert_eq!(p.args["gateway"], true.into());
    // An alias of someone else's host stays an old MX.
    let r = report("leftover.test").await;
    let alias = get(&r, CheckId::MxGateway)
        .problems
        .iter()
        .find(|p| p.code == "mx-cname")
        .unwrap();
    assert_eq!(alias.args["gateway"], false.into());
}

#[tokio::test]
async fn gateway_host_with_the_domain_appended() {
    let r = report("appended.test").await;
    let mx = get(&r, CheckId::MxGateway);
    assert_eq!(codes(&r, CheckId::MxGateway), ["domain-appended"]);
    assert_eq!(
        mx.problems[0].text_arg("host"),
        Some("france.security-mail.net.appended.test")
    );
    assert_eq!(
        mx.problems[0].text_arg("expected"),
        Some("france.security-mail.net.")
    );
}

#[tokio::test]
async fn missing_backup_warns() {
    let r = report("nobackup.test").await;
    assert_eq!(codes(&r, CheckId::MxGateway), ["missing-backup"]);
    assert_eq!(get(&r, CheckId::MxGateway).status, Status::Warn);
}

#[tokio::test]
async fn spf_missing() {
    let r = report("nospf.test").await;
    assert_eq!(codes(&r, CheckId::SpfRecord), ["missing"]);
    assert_eq!(
        get(&r, CheckId::SpfGateway).problems[0].text_arg("reason"),
        Some("no-record")
    );
    assert_eq!(get(&r, CheckId::SpfLookups).status, Status::Unknown);
}

#[tokio::test]
async fn spf_multiple_records() {
    let r = report("twospf.test").await;
    assert_eq!(codes(&r, CheckId::SpfRecord), ["multiple-records"]);
    assert_eq!(
        get(&r, CheckId::SpfRecord).problems[0].args["count"],
        2usize.into()
    );
    assert_eq!(get(&r, CheckId::SpfGateway).status, Status::Fail);
}

#[tokio::test]
async fn spf_syntax_names_the_term() {
    let r = report("badspf.test").await;
    let p = &get(&r, CheckId::SpfRecord).problems[0];
    assert_eq!(p.code, "syntax");
    assert_eq!(p.text_arg("term"), Some("ip4:192.0.2.300"));
    assert_eq!(p.text_arg("reason"), Some("invalid-address"));
}

#[tokio::test]
async fn spf_saved_with_quote_marks() {
    let r = report("quoted.test").await;
    let spf = get(&r, CheckId::SpfRecord);
    assert_eq!(codes(&r, CheckId::SpfRecord), ["quoted-value"]);
    assert_eq!(spf.status, Status::Fail);
    assert_eq!(
        spf.problems[0].text_arg("value"),
        Some("\"v=spf1 include:includespf.security-mail.net -all\"")
    );
}

#[tokio::test]
async fn include_after_all_does_not_authorise() {
    let r = report("afterall.test").await;
    let g = get(&r, CheckId::SpfGateway);
    assert_eq!(g.status, Status::Fail);
    assert_eq!(g.problems[0].code, "gateway-not-authorised");
    assert_eq!(g.problems[0].text_arg("reason"), Some("after-all"));
}

#[tokio::test]
async fn include_through_another_include_or_redirect_authorises() {
    for domain in ["nested.test", "redirect.test"] {
        let r = report(domain).await;
        assert_eq!(
            get(&r, CheckId::SpfGateway).status,
            Status::Pass,
            "{domain}: {r:#?}"
        );
    }
    // The redirect target's -all is the one that counts.
    let r = report("redirect.test").await;
    assert_eq!(get(&r, CheckId::SpfAll).status, Status::Pass);
}

#[tokio::test]
async fn too_many_lookups_counted_recursively() {
    let r = report("lookups.test").await;
    let l = get(&r, CheckId::SpfLookups);
    assert_eq!(
        codes(&r, CheckId::SpfLookups),
        ["too-many-lookups"],
        "{l:#?}"
    );
    // Receivers stop at the eleventh lookup: the gateway's include.
    let p = &l.problems[0];
    assert_eq!(
        p.text_arg("term"),
        Some("include:includespf.security-mail.net")
    );
    assert_eq!(p.text_arg("domain"), Some("lookups.test"));
    assert_eq!(l.details["lookups"], 11usize.into());
    // So the gateway is not authorised, for that reason.
    let g = get(&r, CheckId::SpfGateway);
    assert_eq!(g.status, Status::Fail);
    assert_eq!(g.problems[0].text_arg("reason"), Some("lookup-limit"));
}

#[tokio::test]
async fn too_many_void_lookups() {
    let r = report("voids.test").await;
    let l = get(&r, CheckId::SpfLookups);
    assert_eq!(codes(&r, CheckId::SpfLookups), ["too-many-void-lookups"]);
    assert_eq!(l.problems[0].args["count"], 3usize.into());
    assert_eq!(l.details["lookups"], 4usize.into());
}

#[tokio::test]
async fn all_qualifiers() {
    let expect = [
        ("soft.test", "soft-all", Status::Warn),
        ("noall.test", "no-all", Status::Warn),
        ("plusall.test", "plus-all", Status::Fail),
    ];
    let dns = server();
    for (domain, code, status) in expect {
        let r = run(&input(domain), dns.addr).await;
        assert_eq!(codes(&r, CheckId::SpfAll), [code], "{domain}");
        assert_eq!(get(&r, CheckId::SpfAll).status, status, "{domain}");
    }
}

#[tokio::test]
async fn dkim_problems() {
    let dns = server();
    let expect = [
        ("nodkim.test", "missing"),
        ("revoked.test", "revoked-key"),
        ("badkey.test", "invalid-key"),
        ("dkimsyntax.test", "syntax"),
        ("dkimappended.test", "domain-appended"),
    ];
    for (domain, code) in expect {
        let r = run(&input(domain), dns.addr).await;
        assert_eq!(codes(&r, CheckId::DkimRecord), [code], "{domain}");
        assert_eq!(
            get(&r, CheckId::DkimRecord).status,
            Status::Fail,
            "{domain}"
        );
    }
    let r = run(&input("dkimappended.test"), dns.addr).await;
    let p = &get(&r, CheckId::DkimRecord).problems[0];
    assert_eq!(
        p.text_arg("name"),
        Some("sec-sig-email._domainkey.dkimappended.test.dkimappended.test.")
    );
    assert_eq!(p.text_arg("expected"), Some("sec-sig-email._domainkey"));
}

#[tokio::test]
async fn dkim_key_from_the_console_must_match() {
    let dns = server();
    let mut i = input("good.test");
    i.dkim_key = Some(normalise_console_key(world::RSA_1024).unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(codes(&r, CheckId::DkimMatch), ["key-mismatch"]);
    // Pasted with quotes, p= and line breaks: the same key.
    let pasted = format!(
        "\"p={}\"\n",
        world::RSA_2048.trim().replace('A', "A\n").trim_end()
    );
    i.dkim_key = Some(normalise_console_key(&pasted).unwrap());
    let r = run(&i, dns.addr).await;
    assert_eq!(get(&r, CheckId::DkimMatch).status, Status::Pass);
}

#[tokio::test]
async fn dmarc_problems() {
    let dns = server();
    let expect = [
        ("nodmarc.test", "missing", Status::Fail),
        ("twodmarc.test", "multiple-records", Status::Fail),
        ("baddmarc.test", "syntax", Status::Fail),
        ("unknowntag.test", "unknown-tag", Status::Warn),
    ];
    for (domain, code, status) in expect {
        let r = run(&input(domain), dns.addr).await;
        assert_eq!(codes(&r, CheckId::DmarcRecord), [code], "{domain}");
        assert_eq!(get(&r, CheckId::DmarcRecord).status, status, "{domain}");
    }
    let r = run(&input("baddmarc.test"), dns.addr).await;
    assert_eq!(
        get(&r, CheckId::DmarcRecord).problems[0].text_arg("tag"),
        Some("p")
    );
}

#[tokio::test]
async fn dmarc_reports_address() {
    let dns = server();
    let r = run(&input("norua.test"), dns.addr).await;
    assert_eq!(codes(&r, CheckId::DmarcReports), ["missing-report-address"]);
    let r = run(&input("severalrua.test"), dns.addr).await;
    assert_eq!(get(&r, CheckId::DmarcReports).status, Status::Pass);
}

#[tokio::test]
async fn a_refused_lookup_is_unknown_not_fail() {
    // The server holds no zone for this name: it answers REFUSED.
    let r = report("elsewhere.example").await;
    for check in &r.checks {
        assert_ne!(check.status, Status::Fail, "{check:#?}");
    }
    let mx = get(&r, CheckId::MxGateway);
    assert_eq!(mx.status, Status::Unknown);
    assert_eq!(mx.problems[0].code, "lookup-failed");
    assert_eq!(mx.problems[0].text_arg("reason"), Some("refused"));
}

#[tokio::test]
async fn a_resolver_that_never_answers_gives_a_full_unknown_report_quickly() {
    let silent = SilentDns::start();
    let options = DnsOptions {
        resolver: esm_assistant::dns::ResolverChoice::Servers(vec![silent.addr]),
        ..DnsOptions::default()
    };
    let started = Instant::now();
    let i = input("good.test");
    let dns = Dns::new(i.domain.ascii(), &options).await.unwrap();
    let (r, _) = esm_assistant::check::run(&i, &dns).await;
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    for check in &r.checks {
        // Without the console's key, the key match waits for the admin,
        // whatever DNS does.
        let expected = if check.id == CheckId::DkimMatch {
            Status::Waiting
        } else {
            Status::Unknown
        };
        assert_eq!(check.status, expected, "{check:#?}");
    }
    assert_eq!(
        get(&r, CheckId::SpfRecord).problems[0].text_arg("reason"),
        Some("timeout")
    );
}

#[tokio::test]
async fn authoritative_mode_asks_the_domain_servers_and_sees_changes_at_once() {
    let dns = server();
    let mut options = support::options(dns.addr);
    options.authoritative = true;
    options.authoritative_port = dns.addr.port();
    let i = input("nodkim.test");
    let resolver = Dns::new(i.domain.ascii(), &options).await.unwrap();
    assert!(resolver.is_authoritative());
    let (r, _) = esm_assistant::check::run(&i, &resolver).await;
    assert_eq!(get(&r, CheckId::DkimRecord).status, Status::Fail);

    // The admin saves the record: the next check sees it.
    let mut zones = world::zones();
    let dkim = format!(
        "sec-sig-email._domainkey IN TXT {}\n",
        support::dns_server::txt(&format!("v=DKIM1; k=rsa; p={}", world::RSA_2048.trim()))
    );
    let body = world::situations()
        .into_iter()
        .find(|(n, _)| *n == "nodkim.test")
        .map(|(_, b)| b)
        .unwrap();
    zones.retain(|z| !z.contains("$ORIGIN nodkim.test."));
    zones.push(support::dns_server::zone(
        "nodkim.test",
        &format!("{body}{dkim}"),
    ));
    dns.set_zones(&zones);
    let resolver = Dns::new(i.domain.ascii(), &options).await.unwrap();
    let (r, _) = esm_assistant::check::run(&i, &resolver).await;
    assert_eq!(get(&r, CheckId::DkimRecord).status, Status::Pass);
}

#[tokio::test]
async fn the_broken_domain_shows_every_kind_of_problem() {
    let r = report("broken.test").await;
    assert!(r.has_failure());
    let mx = codes(&r, CheckId::MxGateway);
    assert!(
        mx.contains(&"leftover-mx") && mx.contains(&"missing-backup"),
        "{mx:?}"
    );
    assert_eq!(
        get(&r, CheckId::SpfGateway).problems[0].text_arg("reason"),
        Some("after-all")
    );
    assert_eq!(codes(&r, CheckId::SpfAll), ["soft-all"]);
    assert_eq!(codes(&r, CheckId::DkimRecord), ["domain-appended"]);
    assert_eq!(codes(&r, CheckId::DmarcReports), ["missing-report-address"]);
}

#[tokio::test]
async fn a_policy_that_depends_on_the_sender_is_unknown_not_pass() {
    let r = report("macro.test").await;
    let g = get(&r, CheckId::SpfGateway);
    assert_eq!(g.status, Status::Unknown, "{g:#?}");
    assert_eq!(codes(&r, CheckId::SpfGateway), ["not-evaluable"]);
}

#[tokio::test]
async fn redirect_applies_after_the_mechanisms_wherever_it_is_written() {
    let r = report("redirectfirst.test").await;
    assert_eq!(get(&r, CheckId::SpfGateway).status, Status::Pass);
    assert_eq!(get(&r, CheckId::SpfAll).status, Status::Pass);
}

#[tokio::test]
async fn an_unreadable_redirect_target_makes_the_all_check_unknown() {
    let r = report("redirectfail.test").await;
    let all = get(&r, CheckId::SpfAll);
    assert_eq!(all.status, Status::Unknown, "{all:#?}");
    assert_eq!(all.problems[0].text_arg("reason"), Some("refused"));
}

#[tokio::test]
async fn authoritative_mode_follows_aliases_out_of_the_zone() {
    // The "domain's servers" hold only its zone; the resolver knows everything.
    let everything = {
        let mut zones = world::zones();
        zones.push(support::dns_server::zone(
            "alias.test",
            "@ IN MX 10 france.security-mail.net.\n_dmarc IN CNAME _dmarc.good.test.\n",
        ));
        zones
    };
    let resolver = TestDns::start(&everything);
    let own = TestDns::start(&[support::dns_server::zone(
        "alias.test",
        "@ IN MX 10 france.security-mail.net.\n_dmarc IN CNAME _dmarc.good.test.\n",
    )]);
    let mut options = support::options(resolver.addr);
    options.authoritative = true;
    options.authoritative_port = own.addr.port();
    let i = input("alias.test");
    let dns = Dns::new(i.domain.ascii(), &options).await.unwrap();
    assert!(dns.is_authoritative());
    let (r, _) = esm_assistant::check::run(&i, &dns).await;
    assert_eq!(
        get(&r, CheckId::DmarcRecord).status,
        Status::Pass,
        "{:#?}",
        get(&r, CheckId::DmarcRecord)
    );
}

#[tokio::test]
async fn records_of_other_owners_in_an_answer_are_not_the_domains() {
    let dns = server();
    // foreign.test has no MX, an SPF record without the gateway, and a DMARC
    // record behind an alias; each answer also carries someone else's record.
    dns.add_to_answer(
        "foreign.test.",
        RecordType::TXT,
        "includespf.security-mail.net. IN TXT \"v=spf1 include:includespf.security-mail.net -all\"",
    );
    dns.add_to_answer(
        "foreign.test.",
        RecordType::MX,
        "good.test. IN MX 10 france.security-mail.net.\ngood.test. IN MX 20 europe.security-mail.net.",
    );
    dns.add_to_answer(
        "_dmarc.foreign.test.",
        RecordType::TXT,
        "_dmarc.good.test. IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@secuserve.com\"",
    );
    let r = run(&input("foreign.test"), dns.addr).await;
    assert_eq!(codes(&r, CheckId::MxGateway), ["no-mx"]);
    assert!(get(&r, CheckId::MxGateway).found.is_empty());
    assert_eq!(
        get(&r, CheckId::SpfRecord).found,
        ["v=spf1 include:_spf.mailhost.test -all"]
    );
    assert_eq!(
        get(&r, CheckId::SpfGateway).problems[0].text_arg("reason"),
        Some("absent")
    );
    // The alias chain's record counts, the other owner's does not.
    let dmarc = get(&r, CheckId::DmarcRecord);
    assert_eq!(dmarc.status, Status::Pass, "{dmarc:#?}");
    assert_eq!(dmarc.details["policy"], "none".into());
}

#[tokio::test]
async fn dkim_records_that_verifiers_skip_fail_with_their_own_code() {
    let dns = server();
    let mut i = input("dkimservice.test");
    i.dkim_key = Some(normalise_console_key(world::RSA_2048).unwrap());
    let resolver = Dns::new(i.domain.ascii(), &support::options(dns.addr))
        .await
        .unwrap();
    let (r, snap) = esm_assistant::check::run(&i, &resolver).await;
    let dkim = get(&r, CheckId::DkimRecord);
    assert_eq!(codes(&r, CheckId::DkimRecord), ["not-for-email"]);
    assert_eq!(dkim.status, Status::Fail);
    assert_eq!(dkim.problems[0].text_arg("services"), Some("tlsrpt"));
    // The key is the console's: only the record around it is wrong.
    assert_eq!(get(&r, CheckId::DkimMatch).status, Status::Pass);
    // So the record to publish replaces it rather than keeping it.
    let plan = esm_assistant::records::plan(&i, &snap);
    let record = plan
        .records
        .iter()
        .find(|r| r.purpose == esm_assistant::records::Purpose::Dkim)
        .unwrap();
    assert_eq!(record.action, esm_assistant::records::Action::Replace);

    let r = run(&input("dkimsha1.test"), dns.addr).await;
    assert_eq!(codes(&r, CheckId::DkimRecord), ["no-sha256"]);
    assert_eq!(get(&r, CheckId::DkimRecord).status, Status::Fail);
    assert_eq!(
        get(&r, CheckId::DkimRecord).problems[0].text_arg("hashes"),
        Some("sha1")
    );
}

#[tokio::test]
async fn a_key_over_4096_bits_warns() {
    let r = report("dkimlarge.test").await;
    let dkim = get(&r, CheckId::DkimRecord);
    assert_eq!(codes(&r, CheckId::DkimRecord), ["large-key"]);
    assert_eq!(dkim.status, Status::Warn);
    assert_eq!(dkim.problems[0].args["bits"], 4608usize.into());
    assert_eq!(dkim.details["key_bits"], 4608usize.into());
}

#[tokio::test]
async fn a_dmarc_record_whose_version_is_not_first_is_named_and_replaced() {
    let dns = server();
    let i = input("dmarclate.test");
    let resolver = Dns::new(i.domain.ascii(), &support::options(dns.addr))
        .await
        .unwrap();
    let (r, snap) = esm_assistant::check::run(&i, &resolver).await;
    let dmarc = get(&r, CheckId::DmarcRecord);
    assert_eq!(codes(&r, CheckId::DmarcRecord), ["syntax"], "{dmarc:#?}");
    assert_eq!(dmarc.problems[0].text_arg("tag"), Some("v"));
    assert_eq!(
        dmarc.problems[0].text_arg("reason"),
        Some("version-not-first")
    );
    assert_eq!(
        dmarc.found,
        ["p=none; v=DMARC1; rua=mailto:reports@dmarclate.test"]
    );
    // The record to publish replaces it, keeping its policy and reports.
    let plan = esm_assistant::records::plan(&i, &snap);
    let record = plan
        .records
        .iter()
        .find(|r| r.purpose == esm_assistant::records::Purpose::Dmarc)
        .unwrap();
    assert_eq!(record.action, esm_assistant::records::Action::Replace);
    assert_eq!(
        record.value.as_deref(),
        Some("v=DMARC1; p=none; rua=mailto:reports@dmarclate.test,mailto:dmarc@secuserve.com")
    );
    assert_eq!(
        record.replaces,
        ["p=none; v=DMARC1; rua=mailto:reports@dmarclate.test"]
    );
}

/// Every problem the test world gives is in the list of codes with the
/// arguments it carries, and its words are complete in both languages with
/// the arguments it really has: what the list-based test cannot see.
#[tokio::test]
async fn every_problem_the_world_gives_is_listed_and_reads_in_both_languages() {
    use esm_assistant::check::codes::{ArgKind, note_spec, problem_spec};
    use esm_assistant::check::{Arg, Problem};
    use esm_assistant::localize::{Lang, StrictBundle};
    use esm_assistant::render::problem_words_strict;

    fn matches(kind: ArgKind, value: &Arg) -> bool {
        match (kind, value) {
            (ArgKind::Text, Arg::Text(_)) | (ArgKind::Int, Arg::Int(_)) => true,
            (ArgKind::Bool, Arg::Bool(_)) | (ArgKind::List, Arg::List(_)) => true,
            (ArgKind::OneOf(codes), Arg::Text(t)) => codes.contains(&t.as_str()),
            _ => false,
        }
    }
    fn compare(
        what: &str,
        specs: &[esm_assistant::check::codes::ArgSpec],
        p: &Problem,
        errors: &mut Vec<String>,
    ) {
        for spec in specs.iter().filter(|s| s.always) {
            if !p.args.contains_key(spec.name) {
                errors.push(format!("{what}: no {}", spec.name));
            }
        }
        for (name, value) in &p.args {
            match specs.iter().find(|s| s.name == *name) {
                Some(spec) if matches(spec.kind, value) => {}
                Some(_) => errors.push(format!("{what}: {name} = {value:?} not as listed")),
                None => errors.push(format!("{what}: {name} is not listed")),
            }
        }
    }

    let dns = server();
    dns.add_to_answer(
        "foreign.test.",
        RecordType::TXT,
        "includespf.security-mail.net. IN TXT \"v=spf1 -all\"",
    );
    let mut domains: Vec<&str> = world::situations().iter().map(|(d, _)| *d).collect();
    domains.extend([
        "good.test",
        "broken.test",
        "missing.test",
        "elsewhere.example",
    ]);
    let bundles = Lang::ALL.map(|lang| (lang, StrictBundle::new(lang).unwrap()));
    let mut errors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for domain in domains {
        let mut i = input(domain);
        i.dkim_key = Some(normalise_console_key(world::RSA_1024).unwrap());
        i.destination = Some(Destination::parse(&format!("nohost.{domain}")).unwrap());
        let resolver = Dns::new(i.domain.ascii(), &support::options(dns.addr))
            .await
            .unwrap();
        let (r, snap) = esm_assistant::check::run(&i, &resolver).await;
        for check in &r.checks {
            for p in &check.problems {
                let what = format!("{domain} {} {}", check.id.as_str(), p.code);
                seen.insert((check.id, p.code));
                match problem_spec(check.id, p.code) {
                    None => errors.push(format!("{what}: not in ALL_PROBLEMS")),
                    Some(specs) => compare(&what, specs, p, &mut errors),
                }
                for (lang, bundle) in &bundles {
                    if let Err(e) = problem_words_strict(bundle, Some(check.id), p) {
                        errors.push(format!("{what} ({}): {e}", lang.code()));
                    }
                }
            }
        }
        let plan = esm_assistant::records::plan(&i, &snap);
        for note in plan.records.iter().flat_map(|r| &r.notes) {
            let what = format!("{domain} note {}", note.code);
            match note_spec(note.code) {
                None => errors.push(format!("{what}: not in RECORD_NOTES")),
                Some(specs) => compare(&what, specs, note, &mut errors),
            }
            for (lang, bundle) in &bundles {
                if let Err(e) = problem_words_strict(bundle, None, note) {
                    errors.push(format!("{what} ({}): {e}", lang.code()));
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The world gives most of the codes: a test that met none would prove nothing.
    assert!(seen.len() > 40, "{} codes met: {seen:?}", seen.len());
}

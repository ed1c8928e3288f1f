//! Proof from a real message: test messages built here, for each platform,
//! inbound and outbound, through the test gateway or around it; outbound
//! ones signed with a key made in the test and published in a real DNS
//! server on 127.0.0.1. Every problem code of the message checks is met,
//! and hostile inputs end quickly with a clear message.

mod support;

use std::time::{Duration, Instant};

use esm_assistant::check::codes::problem_spec;
use esm_assistant::check::{CheckId, Code, Status};
use esm_assistant::dns::Dns;
use esm_assistant::domain::DomainName;
use esm_assistant::localize::{Lang, StrictBundle};
use esm_assistant::message::{self, Direction, InputError, MessageReport, Setup};
use esm_assistant::platform::Platform;
use esm_assistant::provider::Provider;
use esm_assistant::render::problem_words_strict;
use support::dns_server::TestDns;
use support::mail::{DATE, GATEWAY_IP, Key, Outbound, body, m365_inbound, received, zones};
use support::{esm, options, stderr, stdout};

fn setup(platform: Platform, domain: &str) -> Setup {
    let mut s = Setup::new(platform, Provider::esm());
    s.domain = Some(DomainName::parse(domain).unwrap());
    s
}

async fn analyse(server: &TestDns, setup: &Setup, message: &str) -> MessageReport {
    let dns = Dns::new("proof.test", &options(server.addr)).await.unwrap();
    let report = message::analyse(message.as_bytes(), setup, &dns)
        .await
        .unwrap();
    assert_listed_and_worded(&report);
    report
}

/// Every problem given is listed with its arguments, as given, and reads
/// in both languages with nothing left unfilled.
fn assert_listed_and_worded(report: &MessageReport) {
    let mut errors = Vec::new();
    for check in &report.checks {
        assert!(CheckId::MESSAGE.contains(&check.id));
        for p in &check.problems {
            let what = format!("{} {}", check.id.as_str(), p.code);
            let Some(specs) = problem_spec(check.id, p.code) else {
                errors.push(format!("{what}: not in ALL_PROBLEMS"));
                continue;
            };
            for spec in specs.iter().filter(|s| s.always) {
                if !p.args.contains_key(spec.name) {
                    errors.push(format!("{what}: no {}", spec.name));
                }
            }
            for name in p.args.keys() {
                if !specs.iter().any(|s| s.name == *name) {
                    errors.push(format!("{what}: {name} is not listed"));
                }
            }
            for lang in Lang::ALL {
                let bundle = StrictBundle::new(lang).unwrap();
                if let Err(e) = problem_words_strict(&bundle, Some(check.id), p) {
                    errors.push(format!("{what} ({}): {e}", lang.code()));
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

fn status(r: &MessageReport, id: CheckId) -> Status {
    r.get(id)
        .unwrap_or_else(|| panic!("no {} in {r:#?}", id.as_str()))
        .status
}

fn codes(r: &MessageReport, id: CheckId) -> Vec<Code> {
    r.get(id)
        .unwrap_or_else(|| panic!("no {} in {r:#?}", id.as_str()))
        .problems
        .iter()
        .map(|p| p.code)
        .collect()
}

fn arg<'a>(r: &'a MessageReport, id: CheckId, name: &str) -> &'a str {
    r.get(id)
        .and_then(|c| c.problems.iter().find_map(|p| p.text_arg(name)))
        .unwrap_or_else(|| panic!("no {name} in {r:#?}"))
}

// ---- Inbound ------------------------------------------------------------

#[tokio::test]
async fn m365_inbound_through_the_gateway_with_enhanced_filtering_is_all_green() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let mut s = setup(Platform::Microsoft365, "proof.test");
    s.destination = Some("proof-test.mail.protection.outlook.com".into());
    let r = analyse(&dns, &s, &m365_inbound("203.0.113.50", true)).await;
    assert_eq!(r.direction, Direction::Inbound);
    assert_eq!(r.hops, 4);
    for id in [
        CheckId::MessageInboundGateway,
        CheckId::MessageInboundBypass,
        CheckId::MessageInboundDestination,
        CheckId::MessageEnhancedFiltering,
    ] {
        assert_eq!(status(&r, id), Status::Pass, "{}: {r:#?}", id.as_str());
    }
    assert!(!r.has_failure() && !r.has_unknown());
    // The verdicts saved with the progress hold no header and no time.
    let saved = serde_json::to_string(&r.verdicts()).unwrap();
    assert!(
        !saved.contains("sender.example") && !saved.contains("2026"),
        "{saved}"
    );
    assert!(
        saved.contains("\"message.inbound.enhanced-filtering\""),
        "{saved}"
    );
}

#[tokio::test]
async fn m365_inbound_around_the_gateway_is_a_bypass() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let mut s = setup(Platform::Microsoft365, "proof.test");
    s.destination = Some("proof-test.mail.protection.outlook.com".into());
    let r = analyse(&dns, &s, &m365_inbound("203.0.113.50", false)).await;
    assert_eq!(
        codes(&r, CheckId::MessageInboundGateway),
        [Code::NoGatewayHop]
    );
    assert_eq!(
        codes(&r, CheckId::MessageInboundBypass),
        [Code::BypassedGateway]
    );
    assert_eq!(
        arg(&r, CheckId::MessageInboundBypass, "host"),
        "mail.sender.example"
    );
    assert_eq!(arg(&r, CheckId::MessageInboundBypass, "ip"), "203.0.113.50");
    assert_eq!(
        codes(&r, CheckId::MessageInboundDestination),
        [Code::DestinationNotSeen]
    );
    // Microsoft judged the real sender because nothing stood between them:
    // that proves nothing of Enhanced Filtering on the connector.
    assert_eq!(
        codes(&r, CheckId::MessageEnhancedFiltering),
        [Code::NotThroughGateway]
    );
    assert_eq!(
        status(&r, CheckId::MessageEnhancedFiltering),
        Status::Unknown
    );
    assert!(r.has_failure());
}

#[tokio::test]
async fn google_inbound_around_the_gateway_proves_nothing_of_the_gateway_setting() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::GoogleWorkspace, "proof.test");
    let straight = format!(
        "Authentication-Results: mx.google.com;\r\n spf=pass (google.com: domain of alice@sender.example designates 203.0.113.50 as permitted sender) smtp.mailfrom=alice@sender.example\r\n{}{}",
        received("mail.sender.example", "203.0.113.50", "mx.google.com"),
        body("alice@sender.example", "bob@proof.test")
    );
    let r = analyse(&dns, &s, &straight).await;
    assert_eq!(
        codes(&r, CheckId::MessageGoogleGateway),
        [Code::NotThroughGateway]
    );
    assert_eq!(
        codes(&r, CheckId::MessageInboundGateway),
        [Code::NoGatewayHop]
    );
}

#[tokio::test]
async fn m365_judging_the_gateway_means_enhanced_filtering_is_off() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::Microsoft365, "proof.test");
    let r = analyse(&dns, &s, &m365_inbound(GATEWAY_IP, true)).await;
    assert_eq!(
        codes(&r, CheckId::MessageEnhancedFiltering),
        [Code::EnhancedFilteringOff]
    );
    assert_eq!(arg(&r, CheckId::MessageEnhancedFiltering, "ip"), GATEWAY_IP);
    // Passing through the gateway is still proven.
    assert_eq!(status(&r, CheckId::MessageInboundGateway), Status::Pass);
    // Without Microsoft's results, nothing is said either way.
    let stripped: String =
        m365_inbound(GATEWAY_IP, true).replace("Authentication-Results:", "X-Old-Results:");
    let r = analyse(&dns, &s, &stripped).await;
    assert_eq!(
        codes(&r, CheckId::MessageEnhancedFiltering),
        [Code::NoPlatformResults]
    );
    assert_eq!(
        status(&r, CheckId::MessageEnhancedFiltering),
        Status::Unknown
    );
}

#[tokio::test]
async fn the_gateway_delivering_elsewhere_than_the_destination_set_up_fails() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let mut s = setup(Platform::OwnServer, "proof.test");
    s.destination = Some("mail.proof.test".into());
    let m = format!(
        "{}{}{}",
        received(
            "france.security-mail.net",
            GATEWAY_IP,
            "mx1.oldhost.example"
        ),
        received(
            "mail.sender.example",
            "203.0.113.50",
            "france.security-mail.net"
        ),
        body("alice@sender.example", "bob@proof.test")
    );
    let r = analyse(&dns, &s, &m).await;
    assert_eq!(
        codes(&r, CheckId::MessageInboundDestination),
        [Code::DestinationMismatch]
    );
    assert_eq!(
        arg(&r, CheckId::MessageInboundDestination, "host"),
        "mx1.oldhost.example"
    );
    // The same message delivered to the server set up passes.
    let good = m.replace("mx1.oldhost.example", "mail.proof.test");
    let r = analyse(&dns, &s, &good).await;
    assert_eq!(status(&r, CheckId::MessageInboundDestination), Status::Pass);
    assert_eq!(status(&r, CheckId::MessageInboundBypass), Status::Pass);
}

/// Through the gateway into Gmail, with Google's results naming the
/// address it judged.
fn google_inbound(judgement: &str) -> String {
    format!(
        "Received: by 2002:a05:6a10:8d0a:b0:5c1:1111:2222 with SMTP id abc; {DATE}\r\n\
         Authentication-Results: mx.google.com;\r\n spf={judgement} smtp.mailfrom=alice@sender.example\r\n\
         {}{}{}",
        received("france.security-mail.net", GATEWAY_IP, "mx.google.com"),
        received(
            "mail.sender.example",
            "203.0.113.50",
            "france.security-mail.net"
        ),
        body("alice@sender.example", "bob@proof.test")
    )
}

#[tokio::test]
async fn google_inbound_gateway_recognised_or_not() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::GoogleWorkspace, "proof.test");
    let r = analyse(
        &dns,
        &s,
        &google_inbound("pass (google.com: domain of alice@sender.example designates 203.0.113.50 as permitted sender)"),
    )
    .await;
    assert_eq!(
        status(&r, CheckId::MessageGoogleGateway),
        Status::Pass,
        "{r:#?}"
    );
    assert_eq!(status(&r, CheckId::MessageInboundGateway), Status::Pass);
    assert_eq!(status(&r, CheckId::MessageInboundBypass), Status::Pass);
    let r = analyse(
        &dns,
        &s,
        &google_inbound(&format!("softfail (google.com: domain of transitioning alice@sender.example does not designate {GATEWAY_IP} as permitted sender)")),
    )
    .await;
    assert_eq!(
        codes(&r, CheckId::MessageGoogleGateway),
        [Code::InboundGatewayNotRecognised]
    );
    let r = analyse(
        &dns,
        &s,
        &google_inbound("none").replace("mx.google.com;", "other.example;"),
    )
    .await;
    assert_eq!(
        codes(&r, CheckId::MessageGoogleGateway),
        [Code::NoPlatformResults]
    );
}

#[tokio::test]
async fn own_server_inbound_through_the_gateway_and_around_it() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::OwnServer, "proof.test");
    let through = format!(
        "{}{}{}{}",
        received("localhost", "127.0.0.1", "mail.proof.test"),
        received("france.security-mail.net", GATEWAY_IP, "mail.proof.test"),
        received(
            "mail.sender.example",
            "203.0.113.50",
            "france.security-mail.net"
        ),
        body("alice@sender.example", "bob@proof.test")
    );
    let r = analyse(&dns, &s, &through).await;
    assert!(!r.has_failure() && !r.has_unknown(), "{r:#?}");
    // No platform check for an own server.
    assert_eq!(r.checks.len(), 2);
    let around = format!(
        "{}{}",
        received("mail.sender.example", "203.0.113.50", "mail.proof.test"),
        body("alice@sender.example", "bob@proof.test")
    );
    let r = analyse(&dns, &s, &around).await;
    assert_eq!(
        codes(&r, CheckId::MessageInboundBypass),
        [Code::BypassedGateway]
    );
    // A message with no hop at all cannot show who delivered it.
    let r = analyse(&dns, &s, &body("alice@sender.example", "bob@proof.test")).await;
    assert_eq!(
        codes(&r, CheckId::MessageInboundBypass),
        [Code::NoReceivingHop]
    );
    assert_eq!(
        codes(&r, CheckId::MessageInboundGateway),
        [Code::NoGatewayHop]
    );
}

// ---- Outbound -----------------------------------------------------------

#[tokio::test]
async fn outbound_through_the_gateway_signed_and_aligned_is_all_green_on_every_platform() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    for platform in [
        Platform::Microsoft365,
        Platform::GoogleWorkspace,
        Platform::OwnServer,
    ] {
        let s = setup(platform, "proof.test");
        let m = Outbound::new("proof.test", platform).build(&key);
        let r = analyse(&dns, &s, &m).await;
        assert_eq!(r.direction, Direction::Outbound);
        for c in &r.checks {
            assert_eq!(
                c.status,
                Status::Pass,
                "{platform:?} {}: {r:#?}",
                c.id.as_str()
            );
        }
        assert_eq!(r.checks.len(), 5);
        assert!(
            r.date
                .as_deref()
                .unwrap()
                .starts_with("2026-11-02T10:00:00")
        );
    }
}

#[tokio::test]
async fn outbound_straight_from_the_platform_fails_gateway_dkim_spf_and_dmarc() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::Microsoft365, "proof.test");
    let mut o = Outbound::new("proof.test", Platform::Microsoft365);
    // The platform's own hops, then straight to the receiver.
    o.platform_hops = "Received: from AM4PR04MB1.eurprd04.prod.outlook.com ([fe80::1]) by AM4PR04MB1.eurprd04.prod.outlook.com with mapi; Mon, 2 Nov 2026 10:00:00 +0000\r\n".into();
    o.out_of = (
        "mail-db8eur05on2100.outbound.protection.outlook.com",
        "40.107.20.100",
    );
    o.signed = false;
    o.receiver_results = Some(
        "Authentication-Results: mx.receiver.example; spf=fail smtp.mailfrom=proof.test; dmarc=fail header.from=proof.test\r\n".into(),
    );
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(
        codes(&r, CheckId::MessageOutboundGateway),
        [Code::NotThroughGateway]
    );
    assert_eq!(arg(&r, CheckId::MessageOutboundGateway, "missing"), "both");
    assert_eq!(codes(&r, CheckId::MessageDkim), [Code::DkimNotSigned]);
    assert_eq!(codes(&r, CheckId::MessageSpf), [Code::SpfNotPassing]);
    assert_eq!(arg(&r, CheckId::MessageSpf, "result"), "fail");
    assert_eq!(arg(&r, CheckId::MessageSpf, "ip"), "40.107.20.100");
    assert_eq!(codes(&r, CheckId::MessageDmarc), [Code::DmarcNotPassing]);
    assert_eq!(arg(&r, CheckId::MessageDmarc, "reason"), "not-aligned");
    // The receiver saw the same: no disagreement.
    assert_eq!(status(&r, CheckId::MessageReceiver), Status::Pass, "{r:#?}");
}

#[tokio::test]
async fn a_changed_body_or_a_missing_key_fails_dkim_with_the_reason() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::Microsoft365, "proof.test");
    let mut o = Outbound::new("proof.test", Platform::Microsoft365);
    o.body_edit = Some((
        "Hello, this is a test.",
        "Hello, this is a test. -- Disclaimer",
    ));
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(codes(&r, CheckId::MessageDkim), [Code::DkimInvalid]);
    assert_eq!(arg(&r, CheckId::MessageDkim, "reason"), "body-hash");
    // The receiver said pass, the signature fails now: they disagree.
    assert_eq!(
        codes(&r, CheckId::MessageReceiver),
        [Code::ReceiverDisagrees]
    );
    assert_eq!(arg(&r, CheckId::MessageReceiver, "method"), "dkim");

    // Signed by a key that was never published, without a DMARC record.
    let s = setup(Platform::OwnServer, "nokey.test");
    let o = Outbound::new("nokey.test", Platform::OwnServer);
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(codes(&r, CheckId::MessageDkim), [Code::DkimInvalid]);
    assert_eq!(arg(&r, CheckId::MessageDkim, "reason"), "no-key");
    assert_eq!(status(&r, CheckId::MessageSpf), Status::Pass);
    assert_eq!(codes(&r, CheckId::MessageDmarc), [Code::DmarcNotPassing]);
    assert_eq!(arg(&r, CheckId::MessageDmarc, "reason"), "no-record");
}

#[tokio::test]
async fn another_key_in_dns_fails_the_signature() {
    let key = Key::new();
    let other = Key::new();
    let dns = TestDns::start(&zones(&other));
    let s = setup(Platform::GoogleWorkspace, "proof.test");
    let r = analyse(
        &dns,
        &s,
        &Outbound::new("proof.test", Platform::GoogleWorkspace).build(&key),
    )
    .await;
    assert_eq!(codes(&r, CheckId::MessageDkim), [Code::DkimInvalid]);
    assert_eq!(arg(&r, CheckId::MessageDkim, "reason"), "signature");
}

#[tokio::test]
async fn pasted_headers_check_the_key_but_say_the_body_is_missing() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::Microsoft365, "proof.test");
    let mut o = Outbound::new("proof.test", Platform::Microsoft365);
    o.headers_only = true;
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert!(r.headers_only);
    assert_eq!(codes(&r, CheckId::MessageDkim), [Code::DkimHeadersOnly]);
    assert_eq!(status(&r, CheckId::MessageDkim), Status::Warn);
    assert_eq!(status(&r, CheckId::MessageSpf), Status::Pass);
}

#[tokio::test]
async fn a_gateway_name_outside_its_ranges_and_missing_legs_are_told() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::OwnServer, "proof.test");
    let mut o = Outbound::new("proof.test", Platform::OwnServer);
    o.out_of = ("relay9.security-mail.net", "192.0.2.99");
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(
        codes(&r, CheckId::MessageOutboundGateway),
        [Code::OutsideGatewayRanges]
    );
    assert_eq!(status(&r, CheckId::MessageOutboundGateway), Status::Warn);
    // The gateway received it but it reached the receiver from elsewhere.
    let mut o = Outbound::new("proof.test", Platform::OwnServer);
    o.out_of = ("mail.proof.test", "192.0.2.25");
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(arg(&r, CheckId::MessageOutboundGateway, "missing"), "out");
    // Out from the gateway with no hop from the platform into it.
    let mut o = Outbound::new("proof.test", Platform::OwnServer);
    o.platform_hops = String::new();
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(arg(&r, CheckId::MessageOutboundGateway, "missing"), "into");
}

#[tokio::test]
async fn without_the_receivers_results_or_a_delivering_hop_it_says_so() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let s = setup(Platform::OwnServer, "proof.test");
    let mut o = Outbound::new("proof.test", Platform::OwnServer);
    o.receiver_results = None;
    let r = analyse(&dns, &s, &o.build(&key)).await;
    assert_eq!(
        codes(&r, CheckId::MessageReceiver),
        [Code::NoReceiverResults]
    );
    // No Received header: nothing says which server delivered it.
    let mut s = setup(Platform::OwnServer, "proof.test");
    s.direction = Some(Direction::Outbound);
    let r = analyse(&dns, &s, &body("bob@proof.test", "alice@receiver.example")).await;
    assert_eq!(codes(&r, CheckId::MessageSpf), [Code::NoReceivingHop]);
    assert_eq!(status(&r, CheckId::MessageDmarc), Status::Unknown);
}

#[tokio::test]
async fn a_dns_failure_makes_the_checks_unknown_not_failed() {
    let key = Key::new();
    let dns = TestDns::start_failing(
        &zones(&key),
        &[
            "sec-sig-email._domainkey.proof.test",
            "proof.test",
            "_dmarc.proof.test",
        ],
    );
    let s = setup(Platform::OwnServer, "proof.test");
    let r = analyse(
        &dns,
        &s,
        &Outbound::new("proof.test", Platform::OwnServer).build(&key),
    )
    .await;
    for id in [
        CheckId::MessageDkim,
        CheckId::MessageSpf,
        CheckId::MessageDmarc,
    ] {
        assert_eq!(
            codes(&r, id),
            [Code::LookupFailed],
            "{}: {r:#?}",
            id.as_str()
        );
        assert_eq!(status(&r, id), Status::Unknown);
    }
}

#[tokio::test]
async fn the_domain_and_direction_come_from_the_message_when_not_given() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let mut s = Setup::new(Platform::OwnServer, Provider::esm());
    s.direction = Some(Direction::Outbound);
    let m = Outbound::new("proof.test", Platform::OwnServer).build(&key);
    let r = analyse(&dns, &s, &m).await;
    assert_eq!(r.domain, "proof.test");
    s.direction = Some(Direction::Inbound);
    let r = analyse(&dns, &s, &m).await;
    assert_eq!(r.domain, "receiver.example");
    // Neither the domain nor the direction: the domain must be given.
    let s = Setup::new(Platform::OwnServer, Provider::esm());
    assert_eq!(
        message::analyse_offline(m.as_bytes(), &s).unwrap_err(),
        InputError::NoDomain
    );
}

// ---- Hostile input ------------------------------------------------------

#[test]
fn hostile_inputs_end_quickly_with_a_clear_refusal() {
    let s = setup(Platform::Microsoft365, "proof.test");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "10 MB paste",
            "Received: from a by b; x\r\n"
                .repeat(10 * 1024 * 1024 / 26)
                .into_bytes(),
            "headers-too-large",
        ),
        (
            "binary data",
            (0..200_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "binary",
        ),
        (
            "10,000 Received headers",
            format!(
                "{}{}",
                "Received: from a.example ([203.0.113.1]) by b.example; x\r\n".repeat(10_000),
                body("a@a.example", "b@proof.test")
            )
            .into_bytes(),
            "too-many-hops",
        ),
        ("30 MB .eml", vec![b'a'; 30 * 1024 * 1024], "too-large"),
        (
            "Latin-1 header",
            b"From: a@b.test\r\nSubject: caf\xe9\r\n".to_vec(),
            "not-text",
        ),
        (
            "prose",
            b"Dear admin,\nplease find attached\n".to_vec(),
            "broken-header",
        ),
    ];
    for (what, input, code) in cases {
        let t = Instant::now();
        let e = message::analyse_offline(&input, &s).unwrap_err();
        let took = t.elapsed();
        assert_eq!(e.code(), code, "{what}: {e:?}");
        assert!(took < Duration::from_secs(1), "{what}: {took:?}");
    }
}

#[test]
fn the_command_refuses_what_is_not_a_message_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binary.eml");
    std::fs::write(&path, b"From: a@b.test\r\nX: \x00\x01\x02\r\n").unwrap();
    let out = esm(&[
        "message",
        path.to_str().unwrap(),
        "--domain",
        "proof.test",
        "--nameserver",
        "127.0.0.1:9",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Line 2 holds binary data"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn the_command_gives_findings_and_exit_codes_as_check_does() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let ns = dns.addr.to_string();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.eml");
    std::fs::write(
        &good,
        Outbound::new("proof.test", Platform::OwnServer).build(&key),
    )
    .unwrap();
    let out = esm(&[
        "message",
        good.to_str().unwrap(),
        "--domain",
        "proof.test",
        "--platform",
        "server",
        "--nameserver",
        &ns,
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["direction"], "outbound");
    assert_eq!(json["checks"].as_array().unwrap().len(), 5);
    assert_eq!(json["checks"][1]["id"], "message.outbound.dkim");

    let bypass = dir.path().join("bypass.eml");
    std::fs::write(
        &bypass,
        format!(
            "{}{}",
            received(
                "mail.sender.example\u{1b}[2J",
                "203.0.113.50",
                "mail.proof.test"
            ),
            body("alice@sender.example", "bob@proof.test")
        ),
    )
    .unwrap();
    let out = esm(&[
        "message",
        bypass.to_str().unwrap(),
        "--domain",
        "proof.test",
        "--platform",
        "server",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]);
    // An escape in a header is binary data: refused, not shown.
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    std::fs::write(
        &bypass,
        format!(
            "{}{}",
            received(
                "mail.sender.example\u{202e}",
                "203.0.113.50",
                "mail.proof.test"
            ),
            body("alice@sender.example", "bob@proof.test")
        ),
    )
    .unwrap();
    let out = esm(&[
        "message",
        bypass.to_str().unwrap(),
        "--domain",
        "proof.test",
        "--platform",
        "server",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("contourner le filtrage"), "{text}");
    // The bidirectional override from the header is shown, not obeyed.
    assert!(
        text.contains("\\u{202e}") && !text.contains('\u{202e}'),
        "{text}"
    );

    // Through the gateway, but DNS does not answer: nothing failed, yet
    // the signature, SPF and DMARC could not be verified.
    let failing = TestDns::start_failing(
        &zones(&key),
        &[
            "sec-sig-email._domainkey.proof.test",
            "proof.test",
            "_dmarc.proof.test",
        ],
    );
    let out = esm(&[
        "message",
        good.to_str().unwrap(),
        "--domain",
        "proof.test",
        "--platform",
        "server",
        "--nameserver",
        &failing.addr.to_string(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains("Could not check"), "{}", stdout(&out));
}

#[test]
fn a_10_mb_paste_on_standard_input_is_refused_at_once() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args([
            "message",
            "-",
            "--domain",
            "proof.test",
            "--nameserver",
            "127.0.0.1:9",
            "--lang",
            "en",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let paste = "Received: from a by b; x\n".repeat(10 * 1024 * 1024 / 25);
        // The reader may stop before the end: a closed pipe is expected.
        let _ = stdin.write_all(paste.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("The headers are over 1024 KB"),
        "{}",
        stderr(&out)
    );
}

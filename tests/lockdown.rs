//! The lock-down artefacts: golden files for fixed inputs, hostile inputs,
//! range derivation against a DNS server on 127.0.0.1, and the port test.
//!
//! `UPDATE_GOLDEN=1 cargo test --test lockdown` rewrites the golden files;
//! read the diff before committing it.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use esm_assistant::dns::Dns;
use esm_assistant::domain::DomainName;
use esm_assistant::localize::Lang;
use esm_assistant::lockdown::firewall::{self, Format};
use esm_assistant::lockdown::guard;
use esm_assistant::lockdown::microsoft::{self, ScriptInput};
use esm_assistant::lockdown::probe::{Probe, probe};
use esm_assistant::lockdown::ranges::{self, DeriveError, ListError, Source};
use esm_assistant::lockdown::rollback;
use esm_assistant::lockdown::vet::{Refusal, Unfit, UnfitRange};
use esm_assistant::platform::Platform;
use esm_assistant::provider::Provider;
use esm_assistant::render;
use support::dns_server::{TestDns, zone};
use support::world;

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

fn support_ranges() -> ranges::GatewayRanges {
    ranges::parse_list("85.31.212.0/23\n2001:db8:100::/48\n").unwrap()
}

fn date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

#[test]
fn exchange_online_script() {
    let provider = Provider::esm();
    let domain = DomainName::parse("exemple.fr").unwrap();
    let smart_host = DomainName::parse_host("relay.example.net").unwrap();
    let sealer = esm_assistant::lockdown::arc_sealer(&provider).unwrap();
    assert_eq!(sealer.ascii(), "security-mail.net");
    let ranges = support_ranges();
    let script = microsoft::script(&ScriptInput {
        domain: &domain,
        smart_host: &smart_host,
        gateway_mx: &esm_assistant::lockdown::guard::gateway_hosts(&provider),
        ranges: &ranges,
        arc_sealer: Some(&sealer),
        support_email: &provider.support_email,
        date: date(),
        lang: Lang::En,
    })
    .unwrap();
    golden("exchange-online.ps1", &script);
    // The same script for a French admin: the comments and the message that
    // stops it are in French, the cmdlets are the same.
    let french = microsoft::script(&ScriptInput {
        domain: &domain,
        smart_host: &smart_host,
        gateway_mx: &esm_assistant::lockdown::guard::gateway_hosts(&provider),
        ranges: &ranges,
        arc_sealer: Some(&sealer),
        support_email: &provider.support_email,
        date: date(),
        lang: Lang::Fr,
    })
    .unwrap();
    golden("exchange-online-fr.ps1", &french);
    let code = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.contains("throw ("))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(code(&script), code(&french));
    assert!(french.contains("# 1. Entrant"), "{french}");
    assert!(!french.contains("Inbound: mail is accepted"), "{french}");

    // The MX check comes before any connector is touched, and lists exactly
    // the profile's MX hosts.
    let check = script
        .find("Resolve-DnsName -Name $Domain -Type MX -DnsOnly")
        .unwrap();
    assert!(check < script.find("Connect-ExchangeOnline").unwrap());
    assert!(check < script.find("InboundConnector").unwrap());
    let listed = script
        .lines()
        .find_map(|l| l.strip_prefix("$GatewayMx = @("))
        .and_then(|l| l.strip_suffix(')'))
        .unwrap();
    let listed: Vec<&str> = listed.split(", ").map(|h| h.trim_matches('\'')).collect();
    let profile: Vec<&str> = provider.mx.hosts.iter().map(|h| h.host.as_str()).collect();
    assert_eq!(listed, profile);
    assert!(script.contains("$Domain = 'exemple.fr'"), "{script}");

    // Ranges read from the SPF record say so, and the ARC line is optional.
    let derived = ranges::GatewayRanges::new(
        ranges.networks(),
        Source::Spf {
            include: "includespf.security-mail.net".into(),
        },
    )
    .unwrap();
    let script = microsoft::script(&ScriptInput {
        domain: &domain,
        smart_host: &smart_host,
        gateway_mx: &esm_assistant::lockdown::guard::gateway_hosts(&provider),
        ranges: &derived,
        arc_sealer: None,
        support_email: &provider.support_email,
        date: date(),
        lang: Lang::En,
    })
    .unwrap();
    golden("exchange-online-derived.ps1", &script);
}

#[test]
fn firewall_rules_in_every_format() {
    let ranges = support_ranges();
    let domain = DomainName::parse("exemple.fr").unwrap();
    let gateway_mx = guard::gateway_hosts(&Provider::esm());
    let guard = guard::MxGuard {
        domain: &domain,
        gateway_mx: &gateway_mx,
    };
    for format in Format::ALL {
        let rules = firewall::rules(Lang::En, format, &guard, &ranges, "support@secuserve.com");
        golden(
            &format!("firewall-fr.{}", format.id()),
            &firewall::rules(Lang::Fr, format, &guard, &ranges, "support@secuserve.com"),
        );
        // The condition comes first, after a shebang at most.
        let top: String = rules
            .lines()
            .filter(|l| !l.starts_with("#!"))
            .take(8)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            top.contains("Apply only once the MX records of exemple.fr point only to")
                && top.contains("dig MX exemple.fr")
                && top.contains("nslookup -type=MX exemple.fr"),
            "{}: {top}",
            format.id()
        );
        for host in &gateway_mx {
            assert!(top.contains(host.ascii()), "{}: {top}", format.id());
        }
        golden(&format!("firewall.{}", format.id()), &rules);
    }
}

#[test]
fn google_workspace_settings_in_both_languages() {
    let ranges = ranges::parse_list("85.31.212.0/24 2001:db8:100::/48").unwrap();
    golden("google-fr.txt", &render::google_settings(Lang::Fr, &ranges));
    golden("google-en.txt", &render::google_settings(Lang::En, &ranges));
}

/// The rollback plans: the restriction is always lifted before the MX goes
/// back, then the old MX, then the wait for the gateway MX's TTL.
#[test]
fn rollback_plans_for_every_platform() {
    let ttl = Provider::esm().mx.ttl;
    let plan = |lang, platform| {
        let mut s = render::rollback_steps(lang, platform, ttl).join("\n");
        s.push('\n');
        s
    };
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let m365 = plan(lang, Platform::Microsoft365);
        golden(&format!("rollback-m365-{code}.txt"), &m365);
        assert!(
            m365.starts_with("1. ") && m365.contains("550 5.7.51"),
            "{m365}"
        );
        golden(
            &format!("rollback-google-{code}.txt"),
            &plan(lang, Platform::GoogleWorkspace),
        );
        golden(
            &format!("rollback-server-{code}.txt"),
            &plan(lang, Platform::OwnServer),
        );
    }
    // The order, in the words' ids rather than their text.
    let ids = |platform| -> Vec<&str> {
        rollback::steps(platform, ttl)
            .0
            .iter()
            .map(|step| step.id)
            .collect()
    };
    assert_eq!(
        ids(Platform::Microsoft365),
        [
            "rollback-m365-connectors",
            "rollback-m365-mx",
            "rollback-wait"
        ]
    );
    assert_eq!(
        ids(Platform::GoogleWorkspace),
        [
            "rollback-google-reject",
            "rollback-google-mx",
            "rollback-google-gateway"
        ]
    );
    assert_eq!(
        ids(Platform::OwnServer),
        [
            "rollback-server-rules",
            "rollback-server-mx",
            "rollback-wait"
        ]
    );

    let domain = DomainName::parse("exemple.fr").unwrap();
    let script = rollback::exchange_online(Lang::En, &domain, ttl, date());
    golden("rollback-exchange-online.ps1", &script);
    golden(
        "rollback-exchange-online-fr.ps1",
        &rollback::exchange_online(Lang::Fr, &domain, ttl, date()),
    );
    let lift = script
        .find("Set-InboundConnector -Identity $Inbound -RestrictDomainsToIPAddresses $false")
        .unwrap();
    assert!(lift < script.find("put the domain's MX back").unwrap());
    assert!(lift < script.find("Remove-InboundConnector").unwrap());

    for format in Format::ALL {
        golden(
            &format!("rollback.{}", format.id()),
            &rollback::server(Lang::En, format),
        );
        golden(
            &format!("rollback-fr.{}", format.id()),
            &rollback::server(Lang::Fr, format),
        );
    }
}

#[test]
fn rollback_on_the_command_line() {
    let run = |args: &[&str]| {
        let mut all = vec![
            "--lang",
            "en",
            "--nameserver",
            "127.0.0.1:9",
            "lockdown",
            "exemple.fr",
        ];
        all.extend_from_slice(args);
        std::process::Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
            .args(&all)
            .output()
            .unwrap()
    };
    let ttl = Provider::esm().mx.ttl;
    // No smart host and no ranges are needed to go back.
    let out = run(&["--platform", "m365", "--rollback"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let steps = render::rollback_steps(Lang::En, Platform::Microsoft365, ttl);
    assert!(stdout.starts_with("If you need to go back\n\n"), "{stdout}");
    assert!(
        stdout.ends_with(&format!("{}\n", steps.join("\n"))),
        "{stdout}"
    );

    let out = run(&["--platform", "m365", "--rollback", "--format", "powershell"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("-RestrictDomainsToIPAddresses $false"),
        "{stdout}"
    );

    for format in Format::ALL {
        let out = run(&[
            "--platform",
            "server",
            "--rollback",
            "--format",
            format.id(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            rollback::server(Lang::En, format)
        );
    }
    let out = run(&["--platform", "google", "--rollback"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // A format the platform has no rules in is a usage error, as without
    // --rollback.
    for args in [
        ["--platform", "google", "--rollback", "--format", "nftables"],
        ["--platform", "m365", "--rollback", "--format", "iptables"],
        [
            "--platform",
            "server",
            "--rollback",
            "--format",
            "powershell",
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?} {out:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn hostile_inputs_are_refused() {
    for host in [
        "relay.example.net'; Stop-Computer",
        "relay.example.net\"; rm -rf /",
        "$(whoami).example.net",
        "relay.example.net\nStop-Computer",
        "relay example.net",
    ] {
        assert!(DomainName::parse_host(host).is_err(), "{host:?}");
    }
    for list in [
        "85.31.212.0/24; rm -rf /",
        "$(whoami)",
        "85.31.212.0/24 `id`",
        "'85.31.212.0/24'",
    ] {
        assert!(ranges::parse_list(list).is_err(), "{list:?}");
    }
}

#[test]
fn hostile_command_line_values_exit_2() {
    let dir = std::env::temp_dir().join(format!("esm-lockdown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("ranges.txt");
    std::fs::write(&list, "85.31.212.0/24\n").unwrap();
    let bad_list = dir.join("bad.txt");
    std::fs::write(&bad_list, "85.31.212.0/24\n$(reboot)\n").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
            .args(args)
            .env("LANG", "en_GB.UTF-8")
            .output()
            .unwrap()
    };
    let l = list.to_str().unwrap();
    for args in [
        vec![
            "lockdown",
            "exemple.fr",
            "--platform",
            "m365",
            "--ranges",
            l,
            "--smart-host",
            "relay.example.net'; Stop-Computer",
        ],
        vec![
            "lockdown",
            "exemple.fr",
            "--platform",
            "m365",
            "--ranges",
            l,
        ],
        vec![
            "lockdown",
            "exemple.fr",
            "--platform",
            "server",
            "--ranges",
            bad_list.to_str().unwrap(),
        ],
        vec![
            "lockdown",
            "exemple.fr",
            "--platform",
            "google",
            "--ranges",
            l,
            "--format",
            "nftables",
        ],
        vec![
            "lockdown",
            "exe'mple.fr",
            "--platform",
            "server",
            "--ranges",
            l,
        ],
    ] {
        let o = run(&args);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        assert!(o.stdout.is_empty(), "{args:?}: nothing is printed on error");
    }
    let o = run(&[
        "lockdown",
        "exemple.fr",
        "--platform",
        "m365",
        "--ranges",
        l,
        "--smart-host",
        "relay.example.net",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("$SmartHost = 'relay.example.net'"));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn ranges_are_derived_through_nested_includes_with_ipv6_and_duplicates() {
    let mut zones = world::zones();
    zones.push(zone(
        "gateway.test",
        "_spf IN TXT \"v=spf1 ip4:192.0.2.0/25 include:_a.gateway.test include:_b.gateway.test -all\"\n\
         _a IN TXT \"v=spf1 ip4:192.0.2.128/25 ip6:2001:db8:5::/48 -all\"\n\
         _b IN TXT \"v=spf1 ip4:198.51.100.10 ip6:2001:db8:5::/48 ip4:192.0.2.0/25 redirect=_c.gateway.test\"\n\
         _c IN TXT \"v=spf1 ip4:203.0.113.0/24 -ip4:203.0.114.0/24 -all\"\n",
    ));
    let dns = TestDns::start(&zones);
    let resolver = Dns::new("gateway.test", &support::options(dns.addr))
        .await
        .unwrap();
    let derived = ranges::derive(&resolver, "_spf.gateway.test")
        .await
        .unwrap();
    let shown: Vec<String> = derived.networks().iter().map(|n| n.to_string()).collect();
    assert_eq!(
        shown,
        [
            "192.0.2.0/24",
            "198.51.100.10/32",
            "203.0.113.0/24",
            "2001:db8:5::/48"
        ]
    );
    assert_eq!(
        derived.source(),
        &Source::Spf {
            include: "_spf.gateway.test".into()
        }
    );

    // The gateway of the test world.
    let derived = ranges::derive(&resolver, "includespf.security-mail.net")
        .await
        .unwrap();
    let shown: Vec<String> = derived.networks().iter().map(|n| n.to_string()).collect();
    assert_eq!(shown, ["198.51.100.0/24", "2001:db8:100::/48"]);

    // No record: said plainly.
    assert!(
        ranges::derive(&resolver, "nothing.gateway.test")
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_port_test_tells_open_from_closed() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let open = listener.local_addr().unwrap().port();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    assert!(matches!(
        probe("127.0.0.1", open, Duration::from_secs(2)).await,
        Probe::Open(_)
    ));
    assert_eq!(
        probe("127.0.0.1", closed, Duration::from_secs(2)).await,
        Probe::Refused
    );
    drop(listener);
}

/// Ranges no gateway can have, each with the reason it is refused.
const UNFIT: &[(&str, Unfit)] = &[
    ("0.0.0.0/0", Unfit::DefaultRoute),
    ("::/0", Unfit::DefaultRoute),
    ("1.0.0.0/8", Unfit::TooWide),
    ("2a00::/24", Unfit::TooWide),
    ("10.0.0.0/8", Unfit::Private),
    ("192.168.1.0/24", Unfit::Private),
    ("fd00::/8", Unfit::Private),
    ("127.0.0.1/32", Unfit::Loopback),
    ("::1/128", Unfit::Loopback),
    ("fe80::/10", Unfit::LinkLocal),
    ("169.254.0.0/16", Unfit::LinkLocal),
    ("224.0.0.0/4", Unfit::Multicast),
    ("0.0.0.0/32", Unfit::Unspecified),
    ("255.255.255.255/32", Unfit::Broadcast),
    ("100.64.0.0/10", Unfit::Shared),
    ("240.0.0.0/4", Unfit::Reserved),
    ("::ffff:198.51.100.1/128", Unfit::Ipv4Mapped),
];

#[test]
fn ranges_that_would_open_or_close_everything_are_refused_and_named() {
    for (range, reason) in UNFIT {
        let network: ipnet::IpNet = range.parse().unwrap();
        // Alone, and beside a good range (an IPv6 one, so that the two are
        // never merged into one).
        for list in [
            format!("{range}\n"),
            format!("2001:db8:100::/48, {range}\n"),
        ] {
            match ranges::parse_list(&list) {
                Err(ListError::Refused(Refusal::Unfit(unfit))) if network.addr().is_ipv4() => {
                    assert_eq!(
                        unfit,
                        [UnfitRange {
                            network,
                            reason: *reason
                        }],
                        "{list:?}"
                    );
                }
                Err(ListError::Refused(Refusal::Unfit(unfit))) => {
                    assert!(
                        unfit.contains(&UnfitRange {
                            network,
                            reason: *reason
                        }),
                        "{list:?}: {unfit:?}"
                    );
                }
                other => panic!("{list:?}: {other:?}"),
            }
        }
    }
    // Nothing to allow: refused rather than a rule that drops all mail.
    for empty in ["", "\n\n", "# e-securemail\n# to be confirmed\n", " ; , "] {
        assert_eq!(
            ranges::parse_list(empty),
            Err(ListError::Refused(Refusal::Empty)),
            "{empty:?}"
        );
    }
    // The test world's documentation ranges, and real senders' widest
    // ranges, stay accepted.
    let ok = ranges::parse_list(
        "192.0.2.0/24 198.51.100.0/24 203.0.113.0/24 2001:db8::/32 74.125.0.0/16 2001:4860:4000::/36",
    )
    .unwrap();
    assert_eq!(ok.networks().len(), 6);
}

#[tokio::test]
async fn a_gateway_spf_record_that_allows_everyone_is_refused_and_named() {
    let mut zones = world::zones();
    zones.push(zone(
        "wide.test",
        "_all IN TXT \"v=spf1 ip4:0.0.0.0/0 -all\"\n\
         _mixed IN TXT \"v=spf1 ip4:198.51.100.0/24 include:_local.wide.test -all\"\n\
         _local IN TXT \"v=spf1 ip4:10.0.0.0/8 ip6:fe80::/10 ip6:::/0 -all\"\n\
         _none IN TXT \"v=spf1 -all\"\n",
    ));
    let dns = TestDns::start(&zones);
    let resolver = Dns::new("wide.test", &support::options(dns.addr))
        .await
        .unwrap();
    let refused = |include: &str, list: &[(&str, Unfit)]| DeriveError::Refused {
        include: include.to_string(),
        refusal: Refusal::Unfit(
            list.iter()
                .map(|(n, reason)| UnfitRange {
                    network: n.parse().unwrap(),
                    reason: *reason,
                })
                .collect(),
        ),
    };
    assert_eq!(
        ranges::derive(&resolver, "_all.wide.test").await,
        Err(refused(
            "_all.wide.test",
            &[("0.0.0.0/0", Unfit::DefaultRoute)]
        ))
    );
    // Only the unfit ranges are named, wherever in the includes they are.
    assert_eq!(
        ranges::derive(&resolver, "_mixed.wide.test").await,
        Err(refused(
            "_mixed.wide.test",
            &[
                ("10.0.0.0/8", Unfit::Private),
                ("::/0", Unfit::DefaultRoute)
            ]
        ))
    );
    assert_eq!(
        ranges::derive(&resolver, "_none.wide.test").await,
        Err(DeriveError::NoRanges {
            include: "_none.wide.test".into()
        })
    );
}

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
use esm_assistant::lockdown::microsoft::{self, ScriptInput};
use esm_assistant::lockdown::probe::{Probe, probe};
use esm_assistant::lockdown::ranges::{self, Source};
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
        ranges: &ranges,
        arc_sealer: Some(&sealer),
        support_email: &provider.support_email,
        date: date(),
    })
    .unwrap();
    golden("exchange-online.ps1", &script);

    // Ranges read from the SPF record say so, and the ARC line is optional.
    let derived = ranges::GatewayRanges {
        networks: ranges.networks.clone(),
        source: Source::Spf {
            include: "includespf.security-mail.net".into(),
        },
    };
    let script = microsoft::script(&ScriptInput {
        domain: &domain,
        smart_host: &smart_host,
        ranges: &derived,
        arc_sealer: None,
        support_email: &provider.support_email,
        date: date(),
    })
    .unwrap();
    golden("exchange-online-derived.ps1", &script);
}

#[test]
fn firewall_rules_in_every_format() {
    let ranges = support_ranges();
    for format in Format::ALL {
        let rules = firewall::rules(format, &ranges, "support@secuserve.com");
        golden(&format!("firewall.{}", format.id()), &rules);
    }
}

#[test]
fn google_workspace_settings_in_both_languages() {
    let ranges = ranges::parse_list("85.31.212.0/24 10.0.0.0/8 2001:db8:100::/48").unwrap();
    golden("google-fr.txt", &render::google_settings(Lang::Fr, &ranges));
    golden("google-en.txt", &render::google_settings(Lang::En, &ranges));
    // Private addresses, which Google refuses, are left out.
    assert!(!render::google_settings(Lang::En, &ranges).contains("10.0.0.0"));
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
    let shown: Vec<String> = derived.networks.iter().map(|n| n.to_string()).collect();
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
        derived.source,
        Source::Spf {
            include: "_spf.gateway.test".into()
        }
    );

    // The gateway of the test world.
    let derived = ranges::derive(&resolver, "includespf.security-mail.net")
        .await
        .unwrap();
    let shown: Vec<String> = derived.networks.iter().map(|n| n.to_string()).collect();
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

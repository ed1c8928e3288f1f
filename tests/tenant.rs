//! Microsoft 365: what the tenant says. The read-back script in both
//! languages (golden files); read-backs written from Microsoft's
//! documentation of the connector cmdlets' properties (golden inputs under
//! `tests/golden/tenant/`), each judged item by item; pastes that are not
//! the script's output refused with the reason; every problem code met;
//! the command's exit codes.
//!
//! `UPDATE_GOLDEN=1 cargo test --test tenant` rewrites the script's golden
//! files; read the diff before committing it.

mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use esm_assistant::check::codes::problem_spec;
use esm_assistant::check::{CheckId, CheckResult, Code, Status};
use esm_assistant::domain::DomainName;
use esm_assistant::localize::{Lang, StrictBundle};
use esm_assistant::lockdown::ranges::{self, GatewayRanges};
use esm_assistant::render::{problem_fix, problem_message, problem_words_strict};
use esm_assistant::tenant::{
    self, MAX_CONNECTORS, ReadbackError, ReadbackInput, TenantSetup, readback_script,
};
use support::dns_server::TestDns;
use support::{esm, stderr, stdout, world};

const SMART_HOST: &str = "relay.security-mail.net";

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

/// A read-back written from the cmdlets' documented properties.
fn input(name: &str) -> String {
    std::fs::read_to_string(golden_path(&format!("tenant/{name}"))).unwrap()
}

/// Support's list: one /23, which the lock-down script splits into two
/// /24s, and an IPv6 range that connectors do not take.
fn support_ranges() -> GatewayRanges {
    ranges::parse_list("85.31.212.0/23\n2001:db8:100::/48\n").unwrap()
}

fn setup() -> TenantSetup {
    TenantSetup {
        smart_host: Some(DomainName::parse_host(SMART_HOST).unwrap()),
        ranges: Some(support_ranges()),
    }
}

/// The checks of a read-back, each problem listed with its arguments and
/// worded in both languages.
fn judge(text: &str, setup: &TenantSetup) -> Vec<CheckResult> {
    let readback = tenant::parse(text).unwrap();
    let checks = tenant::checks(&readback, setup);
    assert_eq!(
        checks.iter().map(|c| c.id).collect::<Vec<_>>(),
        CheckId::TENANT
    );
    let mut errors = Vec::new();
    for lang in Lang::ALL {
        let bundle = StrictBundle::new(lang).unwrap();
        for check in &checks {
            for p in &check.problems {
                let what = format!("{} {} {}", lang.code(), check.id.as_str(), p.code);
                let Some(specs) = problem_spec(check.id, p.code) else {
                    errors.push(format!("{what}: not in ALL_PROBLEMS"));
                    continue;
                };
                let given: Vec<&str> = p.args.keys().copied().collect();
                let listed: Vec<&str> = specs.iter().map(|s| s.name).collect();
                if given.iter().any(|g| !listed.contains(g))
                    || specs.iter().any(|s| s.always && !given.contains(&s.name))
                {
                    errors.push(format!("{what}: {given:?} against {listed:?}"));
                }
                if let Err(e) = problem_words_strict(&bundle, Some(check.id), p) {
                    errors.push(format!("{what}: {e}"));
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    checks
}

fn get(checks: &[CheckResult], id: CheckId) -> &CheckResult {
    checks.iter().find(|c| c.id == id).unwrap()
}

fn status(checks: &[CheckResult], id: CheckId) -> Status {
    get(checks, id).status
}

fn codes(checks: &[CheckResult], id: CheckId) -> Vec<Code> {
    get(checks, id).problems.iter().map(|p| p.code).collect()
}

/// `text` with one line replaced: the line count stays that of the script.
fn with(text: &str, line: &str, replacement: &str) -> String {
    assert!(text.contains(line), "{line} not in the read-back");
    text.replacen(line, replacement, 1)
}

// ---- The script ----------------------------------------------------------

#[test]
fn the_script_in_both_languages() {
    let domain = DomainName::parse("exemple.fr").unwrap();
    let en = readback_script(&ReadbackInput {
        domain: Some(&domain),
        lang: Lang::En,
    });
    let fr = readback_script(&ReadbackInput {
        domain: Some(&domain),
        lang: Lang::Fr,
    });
    golden("tenant/readback-en.ps1", &en);
    golden("tenant/readback-fr.ps1", &fr);
    // The same code in both languages: only the comments differ.
    let code = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(code(&en), code(&fr));
    assert!(fr.contains("l’assistant") && fr.contains("Domaine configuré\u{a0}: exemple.fr"));
}

#[test]
fn the_script_only_reads() {
    let script = readback_script(&ReadbackInput {
        domain: None,
        lang: Lang::En,
    });
    let mut cmdlets = std::collections::BTreeSet::new();
    for line in script.lines().filter(|l| !l.starts_with('#')) {
        for word in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if let Some((verb, noun)) = word.split_once('-')
                && verb.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && noun.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            {
                cmdlets.insert(word.to_string());
            }
        }
    }
    let expected: std::collections::BTreeSet<String> = [
        "Connect-ExchangeOnline",
        "ConvertTo-EsmFlag",
        "ConvertTo-EsmValue",
        "ForEach-Object",
        "Get-InboundConnector",
        "Get-Location",
        "Get-OutboundConnector",
        "Install-Module",
        "Join-Path",
        "Where-Object",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // `Install-Module` is in a comment; the set lists the code's words.
    let code: std::collections::BTreeSet<String> = expected
        .into_iter()
        .filter(|c| c != "Install-Module")
        .collect();
    assert_eq!(cmdlets, code);
    for verb in ["Set-", "New-", "Remove-", "Enable-", "Disable-", "Add-"] {
        assert!(
            !script
                .lines()
                .filter(|l| !l.starts_with('#'))
                .any(|l| l.contains(verb)),
            "{verb}"
        );
    }
}

#[test]
fn a_hostile_domain_never_reaches_the_script() {
    for domain in [
        "exemple.fr'; Remove-InboundConnector x",
        "exemple.fr\nRemove-InboundConnector x",
        "exemple.fr$(Stop-Computer)",
        "exemple.fr`n#",
    ] {
        let out = esm(&["tenant", "script", "--domain", domain, "--lang", "en"]);
        assert_eq!(out.status.code(), Some(2), "{domain}: {}", stdout(&out));
        assert!(stdout(&out).is_empty());
    }
    // A valid international name is written in its ASCII form, in a comment.
    let domain = DomainName::parse("exémple.fr").unwrap();
    let script = readback_script(&ReadbackInput {
        domain: Some(&domain),
        lang: Lang::En,
    });
    let line = script.lines().find(|l| l.contains("xn--")).unwrap();
    assert!(line.starts_with("# "), "{line}");
}

#[test]
fn the_script_is_saved_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readback.ps1");
    let out = esm(&[
        "tenant",
        "script",
        "--lang",
        "fr",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf# Relecture"));
    assert!(stdout(&out).contains("esm-assistant tenant check esm-tenant-readback.txt"));
}

// ---- Read-backs judged ---------------------------------------------------

#[test]
fn a_tenant_set_up_by_the_lockdown_script_is_all_green() {
    let checks = judge(&input("all-good.txt"), &setup());
    for c in &checks {
        assert_eq!(c.status, Status::Pass, "{c:?}");
    }
}

#[test]
fn no_connector_at_all() {
    let checks = judge(&input("no-connector.txt"), &setup());
    for c in &checks {
        assert_eq!(c.status, Status::Fail);
        assert_eq!(codes(&checks, c.id), [Code::NoConnector]);
    }
    let p = &get(&checks, CheckId::TenantOutboundConnector).problems[0];
    let m = problem_message(Lang::En, CheckId::TenantOutboundConnector, p);
    assert!(m.contains("no outbound connector"), "{m}");
}

#[test]
fn a_connector_that_does_not_restrict_senders() {
    let checks = judge(&input("not-restricted.txt"), &setup());
    assert_eq!(
        codes(&checks, CheckId::TenantInboundRestricted),
        [Code::NotRestricted, Code::GatewayRangesMissing]
    );
    let p = &get(&checks, CheckId::TenantInboundRestricted).problems[1];
    assert_eq!(
        p.args["ranges"],
        esm_assistant::check::Arg::List(vec!["85.31.212.0/23".into()])
    );
    let fix = problem_fix(
        Lang::Fr,
        CheckId::TenantInboundRestricted,
        &get(&checks, CheckId::TenantInboundRestricted).problems[0],
    );
    assert!(
        fix.contains(
            "Set-InboundConnector -Identity 'e-securemail inbound' -RestrictDomainsToIPAddresses $true"
        ),
        "{fix}"
    );
    assert_eq!(
        status(&checks, CheckId::TenantInboundConnector),
        Status::Pass
    );
}

#[test]
fn enhanced_filtering_left_off() {
    let checks = judge(&input("efskip-missing.txt"), &setup());
    assert_eq!(
        codes(&checks, CheckId::TenantEnhancedFiltering),
        [Code::EnhancedFilteringOff]
    );
    let others: Vec<_> = checks
        .iter()
        .filter(|c| c.id != CheckId::TenantEnhancedFiltering)
        .map(|c| c.status)
        .collect();
    assert!(others.iter().all(|s| *s == Status::Pass), "{others:?}");
}

#[test]
fn outbound_by_mx_records_instead_of_the_smart_host() {
    let checks = judge(&input("outbound-mx.txt"), &setup());
    assert_eq!(
        codes(&checks, CheckId::TenantOutboundSmartHost),
        [Code::UsesMxRecord]
    );
    assert_eq!(
        status(&checks, CheckId::TenantOutboundSmartHost),
        Status::Fail
    );
}

#[test]
fn tls_off_both_ways() {
    let checks = judge(&input("tls-off.txt"), &setup());
    assert_eq!(
        codes(&checks, CheckId::TenantInboundTls),
        [Code::TlsNotRequired]
    );
    assert_eq!(
        codes(&checks, CheckId::TenantOutboundTls),
        [Code::OutboundTlsOff]
    );
}

#[test]
fn of_two_inbound_connectors_ours_is_found_by_its_addresses() {
    // Another partner's connector comes first, with Enhanced Filtering off
    // and other addresses: it is not the gateway's and is not judged. Ours
    // has another name than the script's and a range where the script
    // writes networks; a prompt surrounds the output.
    let checks = judge(&input("two-inbound.txt"), &setup());
    for c in &checks {
        assert_eq!(c.status, Status::Pass, "{c:?}");
    }
    // Without the ranges, two connectors cannot be told apart.
    let unknown = TenantSetup {
        ranges: None,
        ..setup()
    };
    let checks = judge(&input("two-inbound.txt"), &unknown);
    assert_eq!(
        codes(&checks, CheckId::TenantInboundConnector),
        [Code::NoConnector]
    );
    let m = problem_message(
        Lang::Fr,
        CheckId::TenantInboundConnector,
        &get(&checks, CheckId::TenantInboundConnector).problems[0],
    );
    assert!(m.contains("Aucun des 2 connecteurs entrants"), "{m}");
}

#[test]
fn a_name_with_a_line_break_stays_one_value_and_is_shown_escaped() {
    let text = input("name-with-newline.txt");
    let readback = tenant::parse(&text).unwrap();
    assert_eq!(
        readback.inbound[0].name,
        "e-securemail inbound\nrestrict-domains-to-ip-addresses: true"
    );
    // Not the script's connector by name, but by its addresses.
    let mut s = setup();
    let tls_off = with(&text, "require-tls: true", "require-tls: false");
    let checks = judge(&tls_off, &s);
    let p = &get(&checks, CheckId::TenantInboundTls).problems[0];
    let m = problem_message(Lang::En, CheckId::TenantInboundTls, p);
    assert!(m.contains("inbound\\u{a}restrict"), "{m}");
    assert!(!m.contains('\n'));
    let fix = problem_fix(Lang::En, CheckId::TenantInboundTls, p);
    assert!(!fix.contains('\n'), "{fix}");
    s.ranges = None;
    assert_eq!(tenant::checks(&readback, &s).len(), 8);
}

/// Every problem code of the tenant's checks, met by a read-back changed
/// one line at a time.
#[test]
fn every_problem_code_is_met() {
    let good = input("all-good.txt");
    let mut met = std::collections::BTreeSet::new();
    let mut meet = |text: &str, setup: &TenantSetup, id: CheckId, code: Code, severity: Status| {
        let checks = judge(text, setup);
        let c = get(&checks, id);
        let p = c
            .problems
            .iter()
            .find(|p| p.code == code)
            .unwrap_or_else(|| panic!("{} {code}: {c:?}", id.as_str()));
        assert_eq!(p.severity, severity, "{} {code}", id.as_str());
        met.insert((id, code));
    };
    let s = setup();
    let inbound = CheckId::TenantInboundConnector;
    let outbound = CheckId::TenantOutboundConnector;
    let disabled = with(&good, "enabled: true", "enabled: false");
    meet(
        &disabled,
        &s,
        inbound,
        Code::ConnectorDisabled,
        Status::Fail,
    );
    let on_premises = with(
        &good,
        "connector-type: Partner",
        "connector-type: OnPremises",
    );
    meet(
        &on_premises,
        &s,
        inbound,
        Code::ConnectorNotPartner,
        Status::Fail,
    );
    let out_disabled = good.replacen("enabled: true", "enabled: x", 1).replacen(
        "enabled: true",
        "enabled: false",
        1,
    );
    let out_disabled = out_disabled.replacen("enabled: x", "enabled: true", 1);
    meet(
        &out_disabled,
        &s,
        outbound,
        Code::ConnectorDisabled,
        Status::Fail,
    );
    let out_on_premises = good
        .replacen("connector-type: Partner", "connector-type: x", 1)
        .replacen("connector-type: Partner", "connector-type: OnPremises", 1)
        .replacen("connector-type: x", "connector-type: Partner", 1);
    meet(
        &out_on_premises,
        &s,
        outbound,
        Code::ConnectorNotPartner,
        Status::Fail,
    );

    let restricted = CheckId::TenantInboundRestricted;
    let outside = with(
        &good,
        "sender-ip-addresses: 85.31.212.0%2F24 85.31.213.0%2F24",
        "sender-ip-addresses: 85.31.212.0%2F24 85.31.213.0%2F24 203.0.113.9 nonsense",
    );
    meet(
        &outside,
        &s,
        restricted,
        Code::AddressesOutsideGateway,
        Status::Fail,
    );
    let checks = judge(&outside, &s);
    let p = &get(&checks, restricted).problems[0];
    assert_eq!(p.args["count"], esm_assistant::check::Arg::Int(2));
    let partial = with(
        &good,
        "sender-ip-addresses: 85.31.212.0%2F24 85.31.213.0%2F24",
        "sender-ip-addresses: 85.31.212.0%2F24",
    );
    meet(
        &partial,
        &s,
        restricted,
        Code::GatewayRangesMissing,
        Status::Fail,
    );
    let domains = with(
        &good,
        "sender-domains: smtp%3A%2A%3B1",
        "sender-domains: smtp%3Acontoso.com%3B1",
    );
    meet(
        &domains,
        &s,
        restricted,
        Code::SenderDomainsPartial,
        Status::Warn,
    );
    let no_ranges = TenantSetup {
        ranges: None,
        ..setup()
    };
    meet(
        &good,
        &no_ranges,
        restricted,
        Code::RangesUnknown,
        Status::Unknown,
    );
    let open = with(
        &good,
        "restrict-domains-to-ip-addresses: true",
        "restrict-domains-to-ip-addresses: false",
    );
    meet(&open, &s, restricted, Code::NotRestricted, Status::Fail);
    meet(
        &with(&good, "require-tls: true", "require-tls: false"),
        &s,
        CheckId::TenantInboundTls,
        Code::TlsNotRequired,
        Status::Fail,
    );

    let ef = CheckId::TenantEnhancedFiltering;
    let no_ef = with(&good, "ef-skip-last-ip: true", "ef-skip-last-ip: false");
    meet(&no_ef, &s, ef, Code::EnhancedFilteringOff, Status::Fail);
    let skip_some = with(&no_ef, "ef-skip-ips:", "ef-skip-ips: 85.31.213.0%2F24");
    meet(&skip_some, &s, ef, Code::EfSkipIpsPartial, Status::Fail);
    meet(
        &skip_some,
        &no_ranges,
        ef,
        Code::RangesUnknown,
        Status::Unknown,
    );
    let skip_all = with(
        &no_ef,
        "ef-skip-ips:",
        "ef-skip-ips: 85.31.212.0%2F24 85.31.213.0%2F24",
    );
    assert_eq!(status(&judge(&skip_all, &s), ef), Status::Pass);
    let some_users = with(
        &good,
        "ef-users:",
        "ef-users: alice%40exemple.fr bob%40exemple.fr",
    );
    meet(&some_users, &s, ef, Code::EfSomeUsers, Status::Warn);

    let smart = CheckId::TenantOutboundSmartHost;
    meet(
        &with(&good, "use-mx-record: false", "use-mx-record: true"),
        &s,
        smart,
        Code::UsesMxRecord,
        Status::Fail,
    );
    let other_host = with(
        &good,
        "smart-hosts: relay.security-mail.net",
        "smart-hosts: relay.security-mail.net smtp.other.example",
    );
    meet(
        &other_host,
        &s,
        smart,
        Code::SmartHostMismatch,
        Status::Fail,
    );
    let no_host = TenantSetup {
        smart_host: None,
        ..setup()
    };
    meet(
        &good,
        &no_host,
        smart,
        Code::SmartHostUnknown,
        Status::Unknown,
    );

    let tls = CheckId::TenantOutboundTls;
    meet(
        &with(&good, "tls-settings: DomainValidation", "tls-settings:"),
        &s,
        tls,
        Code::OutboundTlsOff,
        Status::Fail,
    );
    meet(
        &with(
            &good,
            "tls-settings: DomainValidation",
            "tls-settings: EncryptionOnly",
        ),
        &s,
        tls,
        Code::TlsNotValidated,
        Status::Warn,
    );
    meet(
        &with(
            &good,
            "tls-domain: relay.security-mail.net",
            "tls-domain: mail.other.example",
        ),
        &s,
        tls,
        Code::TlsDomainMismatch,
        Status::Warn,
    );
    let wildcard = with(
        &good,
        "tls-domain: relay.security-mail.net",
        "tls-domain: %2A.security-mail.net",
    );
    assert_eq!(status(&judge(&wildcard, &s), tls), Status::Pass);

    let scope = CheckId::TenantOutboundScope;
    meet(
        &with(
            &good,
            "recipient-domains: %2A",
            "recipient-domains: contoso.com",
        ),
        &s,
        scope,
        Code::ScopeNotAll,
        Status::Fail,
    );
    meet(
        &with(
            &good,
            "is-transport-rule-scoped: false",
            "is-transport-rule-scoped: true",
        ),
        &s,
        scope,
        Code::TransportRuleScoped,
        Status::Warn,
    );
    meet(
        &with(
            &good,
            "all-accepted-domains: false",
            "all-accepted-domains: true",
        ),
        &s,
        scope,
        Code::AllAcceptedDomains,
        Status::Warn,
    );
    // No connector either way: every check says so.
    for id in CheckId::TENANT {
        meet(
            &input("no-connector.txt"),
            &s,
            id,
            Code::NoConnector,
            Status::Fail,
        );
    }

    // Every (check, code) of the tenant listed is met above.
    let listed: std::collections::BTreeSet<(CheckId, Code)> =
        esm_assistant::check::codes::ALL_PROBLEMS
            .iter()
            .filter(|(id, _, _)| CheckId::TENANT.contains(id))
            .map(|(id, code, _)| (*id, *code))
            .collect();
    let unmet: Vec<_> = listed.difference(&met).collect();
    assert!(unmet.is_empty(), "{unmet:?}");
}

#[test]
fn a_hostile_connector_name_cannot_escape_its_quotes_in_a_fix() {
    let good = input("all-good.txt");
    let hostile = with(
        &good,
        "name: e-securemail%20inbound",
        "name: x%27%3B%20Remove-InboundConnector%20y%20%23",
    );
    let hostile = with(&hostile, "require-tls: true", "require-tls: false");
    let checks = judge(&hostile, &setup());
    let p = &get(&checks, CheckId::TenantInboundTls).problems[0];
    let fix = problem_fix(Lang::En, CheckId::TenantInboundTls, p);
    assert!(
        fix.contains("-Identity 'x''; Remove-InboundConnector y #' -RequireTls $true"),
        "{fix}"
    );
}

// ---- Refused -------------------------------------------------------------

#[test]
fn what_is_not_the_scripts_output_is_refused_with_the_reason() {
    let good = input("all-good.txt");
    let lockdown = std::fs::read_to_string(golden_path("exchange-online.ps1")).unwrap();
    let script = readback_script(&ReadbackInput {
        domain: None,
        lang: Lang::En,
    });
    let cut = good.lines().take(15).collect::<Vec<_>>().join("\n");
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty paste", "  \r\n\n".into(), "empty"),
        (
            "Get-InboundConnector | Format-List",
            input("other-command.txt"),
            "other-command",
        ),
        (
            "Get-OutboundConnector as a table",
            input("other-command-table.txt"),
            "other-command",
        ),
        ("the lock-down script", lockdown, "script"),
        ("the read-back script itself", script, "script"),
        (
            "prose",
            "Hello,\nplease find the output.\n".into(),
            "not-readback",
        ),
        ("output cut before its end line", cut, "truncated"),
        (
            "another version",
            good.replace("read-back v1", "read-back v2"),
            "unknown-version",
        ),
        ("pasted twice", format!("{good}{good}"), "repeated"),
        (
            "a line lost",
            good.replacen("require-tls: true\r\n", "", 1),
            "altered",
        ),
        (
            "a forged line from a raw line break",
            good.replacen(
                "name: e-securemail%20inbound\r\n",
                "name: evil\r\nrestrict-domains-to-ip-addresses: true\r\n",
                1,
            )
            .replace("end: 23", "end: 24"),
            "repeated-key",
        ),
        (
            "an edited value",
            good.replacen(
                "name: e-securemail%20inbound",
                "name: e-securemail inbound",
                1,
            ),
            "bad-value",
        ),
        (
            "an unknown key",
            good.replacen("ef-users:", "ef-test-mode: false", 1),
            "unknown-key",
        ),
        (
            "a control character",
            good.replacen("%20inbound", "%20in\u{1b}[2Jbound", 1),
            "binary",
        ),
    ];
    for (what, text, code) in cases {
        let e = tenant::parse(&text).unwrap_err();
        assert_eq!(e.code(), code, "{what}: {e:?}");
    }
}

#[test]
fn every_refusal_reads_in_both_languages() {
    let errors = [
        ReadbackError::Empty,
        ReadbackError::TooLarge {
            size: 10 * 1024 * 1024,
            limit: tenant::MAX_READBACK_BYTES,
        },
        ReadbackError::Binary { line: 7 },
        ReadbackError::NotText { line: 7 },
        ReadbackError::OtherCommand,
        ReadbackError::Script,
        ReadbackError::NotReadback,
        ReadbackError::UnknownVersion {
            version: "v2".into(),
        },
        ReadbackError::Repeated { line: 40 },
        ReadbackError::Truncated,
        ReadbackError::Altered {
            expected: 22,
            found: 21,
        },
        ReadbackError::BrokenLine {
            line: 7,
            text: "garbage".into(),
        },
        ReadbackError::UnknownKey {
            line: 7,
            key: "ef-test-mode".into(),
        },
        ReadbackError::RepeatedKey {
            line: 7,
            key: "name".into(),
        },
        ReadbackError::MissingKey {
            line: 7,
            key: "require-tls".into(),
        },
        ReadbackError::BadValue {
            line: 7,
            key: "enabled".into(),
        },
        ReadbackError::TooManyConnectors {
            limit: MAX_CONNECTORS,
        },
    ];
    for lang in Lang::ALL {
        let bundle = StrictBundle::new(lang).unwrap();
        for error in &errors {
            let args: Vec<(String, esm_assistant::localize::FluentValue<'static>)> = error
                .args()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.into()))
                .collect();
            let id = format!("tenant-error-{}", error.code());
            let words = bundle.format(&id, &args).unwrap();
            for (_, value) in error.args() {
                assert!(words.contains(&value), "{id}: {words}");
            }
            assert_eq!(
                esm_assistant::cli::tenant::readback_error(lang, error),
                words
            );
        }
    }
    // The version line the words name is the script's.
    let m = esm_assistant::cli::tenant::readback_error(Lang::En, &ReadbackError::NotReadback);
    assert!(m.contains(tenant::VERSION_LINE), "{m}");
}

#[test]
fn hostile_pastes_end_quickly() {
    let good = input("all-good.txt");
    let block: String = good
        .lines()
        .skip(1)
        .take(12)
        .map(|l| format!("{l}\n"))
        .collect();
    let many = format!(
        "{}\n{}end: {}\n",
        tenant::VERSION_LINE,
        block.repeat(MAX_CONNECTORS + 1),
        12 * (MAX_CONNECTORS + 1)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "10 MB paste",
            good.repeat(10 * 1024 * 1024 / good.len() + 1).into_bytes(),
            "too-large",
        ),
        (
            "binary data",
            (0..200_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "not-text",
        ),
        (
            "NUL bytes",
            good.replace("true", "\0").into_bytes(),
            "binary",
        ),
        (
            "too many connectors",
            many.into_bytes(),
            "too-many-connectors",
        ),
    ];
    for (what, bytes, code) in cases {
        let t = Instant::now();
        let e = tenant::text_of(&bytes).and_then(tenant::parse).unwrap_err();
        assert!(t.elapsed() < Duration::from_secs(1), "{what}");
        assert_eq!(e.code(), code, "{what}: {e:?}");
    }
}

// ---- The command ---------------------------------------------------------

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_command_gives_items_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let ranges = write(&dir, "ranges.txt", "85.31.212.0/23\n");
    let run = |file: &str, extra: &[&str]| {
        let mut args = vec![
            "tenant",
            "check",
            file,
            "--ranges",
            &ranges,
            "--nameserver",
            "127.0.0.1:9",
        ];
        args.extend_from_slice(extra);
        esm(&args)
    };
    let good = write(&dir, "good.txt", &input("all-good.txt"));
    let out = run(&good, &["--smart-host", SMART_HOST, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["inbound_connectors"], 1);
    assert_eq!(json["checks"].as_array().unwrap().len(), 8);
    assert_eq!(json["checks"][3]["id"], "tenant.inbound.enhanced-filtering");

    // Without the smart host, it cannot be confirmed: exit 3.
    let out = run(&good, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(
        stdout(&out)
            .starts_with("Microsoft 365 tenant: 1 inbound connector and 1 outbound connector read"),
        "{}",
        stdout(&out)
    );

    let bad = write(&dir, "bad.txt", &input("not-restricted.txt"));
    let out = run(&bad, &["--smart-host", SMART_HOST, "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("RestrictDomainsToIPAddresses est désactivé"),
        "{}",
        stdout(&out)
    );

    let other = write(&dir, "other.txt", &input("other-command.txt"));
    let out = run(&other, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another command's output"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // A smart host that is not a host name is a usage error.
    let out = run(&good, &["--smart-host", "relay'; Stop-Computer"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_10_mb_paste_on_standard_input_is_refused_at_once() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args([
            "tenant",
            "check",
            "-",
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
        let paste = "name: x\n".repeat(10 * 1024 * 1024 / 8);
        // The reader stops at the limit: a closed pipe is expected.
        let _ = stdin.write_all(paste.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("more than the 256 KB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_ranges_given_they_are_read_from_the_gateways_spf_record() {
    let dns = TestDns::start(&[world::tld_zone(), world::gateway_zone()]);
    let dir = tempfile::tempdir().unwrap();
    // The test gateway's SPF include admits 198.51.100.0/24.
    let text = input("all-good.txt").replacen(
        "sender-ip-addresses: 85.31.212.0%2F24 85.31.213.0%2F24",
        "sender-ip-addresses: 198.51.100.0%2F24",
        1,
    );
    let file = write(&dir, "readback.txt", &text);
    let ns = dns.addr.to_string();
    let out = esm(&[
        "tenant",
        "check",
        &file,
        "--smart-host",
        SMART_HOST,
        "--nameserver",
        &ns,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // With support's list, the same connector admits none of its ranges.
    let ranges = write(&dir, "ranges.txt", "85.31.212.0/23\n");
    let out = esm(&[
        "tenant",
        "check",
        &file,
        "--smart-host",
        SMART_HOST,
        "--ranges",
        &ranges,
        "--nameserver",
        &ns,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<&str> = json["checks"][1]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["addresses-outside-gateway", "gateway-ranges-missing"]
    );
}

/// The largest read-back accepted (50 connectors, 256 KB) is read and
/// judged well within what a paste in the window may take.
#[test]
fn the_largest_readback_is_judged_quickly() {
    let good = input("all-good.txt");
    let inbound: Vec<&str> = good.lines().skip(1).take(12).collect();
    let addresses: Vec<String> = (0..340)
        .map(|i| format!("85.31.{}.{}", 212 + i / 200, i % 200))
        .collect();
    let mut lines = Vec::new();
    for n in 0..MAX_CONNECTORS {
        for line in &inbound {
            lines.push(match *line {
                l if l.starts_with("name:") => format!("name: connector{n}"),
                l if l.starts_with("sender-ip-addresses:") => {
                    format!("sender-ip-addresses: {}", addresses.join(" "))
                }
                l => l.to_string(),
            });
        }
    }
    let text = format!(
        "{}\n{}\nend: {}\n",
        tenant::VERSION_LINE,
        lines.join("\n"),
        lines.len()
    );
    assert!(text.len() <= tenant::MAX_READBACK_BYTES, "{}", text.len());
    assert!(text.len() > 200 * 1024, "{}", text.len());
    let t = Instant::now();
    let readback = tenant::parse(&text).unwrap();
    let checks = tenant::checks(&readback, &setup());
    let took = t.elapsed();
    eprintln!("{} KB, 50 connectors: {took:?}", text.len() / 1024);
    assert_eq!(readback.inbound.len(), MAX_CONNECTORS);
    // No connector is named as the script names it: one admitting the
    // gateway's addresses is judged. Its single addresses are all the
    // gateway's, but leave out .200 to .255 of each /24.
    assert_eq!(
        codes(&checks, CheckId::TenantInboundRestricted),
        [Code::GatewayRangesMissing]
    );
    assert!(took < Duration::from_millis(500), "{took:?}");
}

//! The `esm-assistant` binary, run as an admin or a script would run it,
//! against a real DNS server on 127.0.0.1.

mod support;

use support::{esm, stderr, stdout};

use std::process::{Command, Output};

use support::dns_server::{SilentDns, TestDns};
use support::world;

#[test]
fn check_json_has_the_documented_shape_and_exit_code() {
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let out = esm(&["check", "Broken.TEST.", "--nameserver", &ns, "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["domain"], "broken.test");
    let checks = json["checks"].as_array().unwrap();
    let mx = checks.iter().find(|c| c["id"] == "mx.gateway").unwrap();
    assert_eq!(mx["status"], "fail");
    assert!(
        mx["found"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "5 mx1.oldhost.test.")
    );
    assert_eq!(mx["expected"][0], "10 france.security-mail.net.");
    let leftover = mx["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "leftover-mx")
        .unwrap();
    assert_eq!(leftover["host"], "mx1.oldhost.test");
    assert_eq!(leftover["bypass"], true);
    for check in checks {
        for key in ["id", "status", "found", "expected", "problems"] {
            assert!(check.get(key).is_some(), "{key} missing in {check}");
        }
    }

    let out = esm(&["check", "good.test", "--nameserver", &ns, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn check_text_in_french_and_english() {
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let en = stdout(&esm(&[
        "check",
        "broken.test",
        "--nameserver",
        &ns,
        "--lang",
        "en",
    ]));
    assert!(en.contains("✗ Failed"), "{en}");
    assert!(en.contains("Delete the MX record mx1.oldhost.test"), "{en}");
    let fr = stdout(&esm(&[
        "check",
        "broken.test",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]));
    assert!(fr.contains("✗ Échec"), "{fr}");
    assert!(
        fr.contains("Supprimez l’enregistrement MX mx1.oldhost.test"),
        "{fr}"
    );
    assert!(!fr.contains('\u{2068}'), "isolation marks leaked");
}

#[test]
fn language_follows_the_system_locale_by_default() {
    let dns = TestDns::start(&world::zones());
    let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(["check", "good.test", "--nameserver", &dns.addr.to_string()])
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("Vérifications pour good.test"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_input_exits_2_with_a_message_and_no_panic() {
    for (args, needle) in [
        (vec!["check", "exa mple.com"], "spaces"),
        (vec!["check", "-bad.com"], "hyphen"),
        (vec!["check", "example..com"], "two dots"),
        (vec!["check", ""], "Enter a domain name"),
        (vec!["check", "1.2.3.4"], "IP address"),
        (vec!["check", "[2001:db8::1]"], "IP address"),
        (vec!["records", "https://192.0.2.1/"], "IP address"),
        (vec!["check", "exa\u{7}mple.com"], "“U+0007”"),
        (vec!["check", "example.com\u{200b}"], "“U+200B”"),
        (
            vec!["check", "example.com", "--destination", "bad host"],
            "destination server",
        ),
        (
            vec!["check", "example.com", "--dkim-key", "not-a-key"],
            "DKIM key",
        ),
        (
            vec![
                "check",
                "example.com",
                "--dkim-key",
                "@/nonexistent/key.txt",
            ],
            "Cannot read",
        ),
        (
            vec!["check", "example.com", "--nameserver", "not-an-ip"],
            "not-an-ip",
        ),
        (
            vec!["check", "example.com", "--provider", "/nonexistent.toml"],
            "provider profile",
        ),
        (vec!["frobnicate"], "unrecognized"),
    ] {
        let out = esm(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_pasted_web_address_checks_the_site_domain() {
    let dns = TestDns::start(&world::zones());
    let out = esm(&[
        "check",
        "https://www.good.test/contact",
        "--nameserver",
        &dns.addr.to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["domain"], "good.test");
}

#[test]
fn a_lookalike_name_is_shown_with_its_ascii_form_and_a_warning() {
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let en = stdout(&esm(&[
        "check",
        "xn--80ak6aa92e.com",
        "--nameserver",
        &ns,
        "--lang",
        "en",
    ]));
    assert!(
        en.contains("Checks for аррӏе.com (xn--80ak6aa92e.com)"),
        "{en}"
    );
    assert!(
        en.contains("! “аррӏе.com” is written in letters of another alphabet"),
        "{en}"
    );
    let fr = stdout(&esm(&[
        "records",
        "аррӏе.com",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]));
    assert!(
        fr.contains("Enregistrements à publier pour аррӏе.com (xn--80ak6aa92e.com)"),
        "{fr}"
    );
    assert!(
        fr.contains("dans le DNS, ce domaine s’écrit xn--80ak6aa92e.com"),
        "{fr}"
    );
    // For programs, the output stays JSON and the warning goes to stderr.
    let out = esm(&["check", "xn--80ak6aa92e.com", "--nameserver", &ns, "--json"]);
    assert!(serde_json::from_str::<serde_json::Value>(&stdout(&out)).is_ok());
    assert!(
        stderr(&out).contains("xn--80ak6aa92e.com"),
        "{}",
        stderr(&out)
    );
    // An ordinary international name is shown with its ASCII form, no warning.
    let out = stdout(&esm(&["check", "café.test", "--nameserver", &ns]));
    assert!(
        out.contains("Checks for café.test (xn--caf-dma.test)"),
        "{out}"
    );
    assert!(!out.contains("alphabet"), "{out}");
}

#[test]
fn a_bad_provider_profile_names_the_field() {
    let dir = std::env::temp_dir().join(format!("esm-provider-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    let text = esm_assistant::provider::ESM_PROFILE.replace("preference = 20", "preference = -1");
    std::fs::write(&path, text).unwrap();
    let out = esm(&["check", "example.com", "--provider", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("preference"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn records_text_json_and_zone() {
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let key = world::RSA_2048.trim();
    let out = esm(&[
        "records",
        "broken.test",
        "--nameserver",
        &ns,
        "--json",
        "--dkim-key",
        key,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let records = json["records"].as_array().unwrap();
    let spf = records.iter().find(|r| r["purpose"] == "spf").unwrap();
    assert_eq!(
        spf["value"],
        "v=spf1 mx include:_spf.mailhost.test include:includespf.security-mail.net ~all"
    );
    assert_eq!(spf["name"], "@");
    assert_eq!(spf["ttl"], 10800);
    let dkim = records.iter().find(|r| r["purpose"] == "dkim").unwrap();
    assert_eq!(dkim["name"], "sec-sig-email._domainkey");
    assert_eq!(dkim["fqdn"], "sec-sig-email._domainkey.broken.test.");
    assert_eq!(dkim["value"], format!("v=DKIM1; k=rsa; p={key}"));
    let strings: Vec<&str> = dkim["strings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(strings.iter().all(|s| s.len() <= 255));
    assert_eq!(strings.concat(), format!("v=DKIM1; k=rsa; p={key}"));
    let dmarc = records.iter().find(|r| r["purpose"] == "dmarc").unwrap();
    assert_eq!(
        dmarc["value"],
        "v=DMARC1; p=none; rua=mailto:reports@broken.test,mailto:dmarc@secuserve.com"
    );
    assert_eq!(json["delete"][0]["value"], "mx1.oldhost.test.");

    let zone = stdout(&esm(&[
        "records",
        "nospf.test",
        "--nameserver",
        &ns,
        "--zone",
    ]));
    assert!(
        zone.contains(
            "nospf.test. 10800 IN TXT \"v=spf1 include:includespf.security-mail.net -all\""
        ),
        "{zone}"
    );
    assert!(
        zone.contains("nospf.test. 3600 IN MX 10 france.security-mail.net."),
        "{zone}"
    );
    // The DKIM record has no value until the console's key is given: a
    // comment says so, in the language asked for.
    let zone_fr = stdout(&esm(&[
        "records",
        "nodkim.test",
        "--nameserver",
        &ns,
        "--zone",
        "--lang",
        "fr",
    ]));
    let comment = zone_fr
        .lines()
        .find(|l| l.starts_with("; sec-sig-email._domainkey.nodkim.test."))
        .unwrap_or_else(|| panic!("{zone_fr}"));
    assert!(
        comment.ends_with(
            " IN TXT\u{a0}: sa valeur est la clé générée dans la console, encore à fournir"
        ),
        "{comment}"
    );

    let text = stdout(&esm(&[
        "records",
        "nospf.test",
        "--nameserver",
        &ns,
        "--lang",
        "fr",
    ]));
    assert!(
        text.contains("Enregistrements à publier pour nospf.test"),
        "{text}"
    );
}

#[test]
fn records_that_cannot_be_read_are_not_proposed() {
    let dns = TestDns::start(&world::zones());
    // The server holds no zone for this domain: every lookup is refused.
    let out = esm(&[
        "records",
        "elsewhere.example",
        "--nameserver",
        &dns.addr.to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for r in json["records"].as_array().unwrap() {
        assert_eq!(r["action"], "unknown", "{r}");
        if r["purpose"] == "spf" || r["purpose"] == "dmarc" {
            assert!(r["value"].is_null(), "{r}");
        }
    }
    assert!(json["delete"].as_array().unwrap().is_empty());
}

#[test]
fn check_exits_3_when_nothing_failed_but_something_could_not_be_checked() {
    // A resolver that never answers: nothing checked, nothing failed.
    let silent = SilentDns::start();
    let out = esm(&[
        "check",
        "good.test",
        "--nameserver",
        &silent.addr.to_string(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 failed"), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 OK"), "{}", stdout(&out));

    // Lookups refused for the domain: the same.
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let out = esm(&["check", "elsewhere.example", "--nameserver", &ns, "--json"]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));

    // A failure wins over what could not be checked; all checked and
    // nothing failed is 0; a warning alone is still 0.
    let out = esm(&["check", "broken.test", "--nameserver", &ns]);
    assert_eq!(out.status.code(), Some(1));
    let out = esm(&["check", "good.test", "--nameserver", &ns]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = esm(&["check", "soft.test", "--nameserver", &ns]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn help_gives_the_exit_codes() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["records", "--help"],
    ] {
        let out = esm(&args);
        assert_eq!(out.status.code(), Some(0));
        let help = stdout(&out);
        assert!(help.contains("Exit codes:"), "{args:?}: {help}");
        assert!(
            help.contains("3  nothing failed, but something could not be checked"),
            "{help}"
        );
    }
}

/// A folder of its own for a test's files.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("esm-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every lock-down artefact the command line makes.
const LOCKDOWN_TARGETS: &[&[&str]] = &[
    &["--platform", "server", "--format", "nftables"],
    &["--platform", "server", "--format", "iptables"],
    &["--platform", "server", "--format", "windows"],
    &["--platform", "server", "--format", "exchange"],
    &["--platform", "server", "--format", "postfix"],
    &["--platform", "google"],
    &["--platform", "m365", "--smart-host", "relay.example.net"],
];

#[test]
fn lockdown_refuses_ranges_files_that_would_open_or_close_everything() {
    let dir = temp_dir("unfit-ranges");
    for (i, (content, named)) in [
        ("0.0.0.0/0\n", "0.0.0.0/0 (every address)"),
        ("::/0\n", "::/0 (every address)"),
        ("85.31.212.0/24\n1.0.0.0/8\n", "1.0.0.0/8 (wider than /16)"),
        ("10.0.0.0/8\n", "10.0.0.0/8 (a private network)"),
        (
            "127.0.0.1/32\n",
            "127.0.0.1/32 (this computer's own addresses)",
        ),
        ("fe80::/10\n", "fe80::/10 (link-local addresses"),
        ("224.0.0.0/4\n", "224.0.0.0/4 (multicast addresses)"),
        ("", "holds no address or range"),
        (
            "# e-securemail\n# to be confirmed\n",
            "holds no address or range",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let path = dir.join(format!("ranges-{i}.txt"));
        std::fs::write(&path, content).unwrap();
        let path = path.to_str().unwrap();
        for target in LOCKDOWN_TARGETS {
            let mut args = vec!["lockdown", "exemple.fr", "--ranges", path];
            args.extend_from_slice(target);
            let out = esm(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
            assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(&out));
            let err = stderr(&out);
            assert!(err.contains(named), "{args:?}: {err}");
            assert!(err.contains("Nothing was generated"), "{args:?}: {err}");
        }
    }
    // In French too.
    let path = dir.join("ranges-0.txt");
    let out = esm(&[
        "lockdown",
        "exemple.fr",
        "--platform",
        "server",
        "--ranges",
        path.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "Cette plage ne peut pas être celle de la passerelle\u{a0}: 0.0.0.0/0 (toutes les adresses)."
        ),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn lockdown_refuses_a_gateway_spf_record_that_allows_everyone() {
    let mut zones: Vec<String> = world::zones()
        .into_iter()
        .filter(|z| !z.starts_with("$ORIGIN security-mail.net."))
        .collect();
    zones.push(support::dns_server::zone(
        "security-mail.net",
        "includespf IN TXT \"v=spf1 ip4:198.51.100.0/24 ip4:0.0.0.0/0 ip6:::/0 -all\"\n",
    ));
    let dns = TestDns::start(&zones);
    let ns = dns.addr.to_string();
    for target in LOCKDOWN_TARGETS {
        let mut args = vec!["lockdown", "exemple.fr", "--nameserver", &ns];
        args.extend_from_slice(target);
        let out = esm(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("includespf.security-mail.net")
                && err.contains("0.0.0.0/0 (every address), ::/0 (every address)")
                && err.contains("--ranges FILE"),
            "{args:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn checklist_out_replaces_only_regular_files_and_dash_is_standard_output() {
    use std::os::unix::fs::FileTypeExt;
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let dir = temp_dir("out");
    let checklist = |out: &str| esm(&["checklist", "good.test", "--nameserver", &ns, "--out", out]);

    // A pipe and a folder are refused, and left as they were.
    let fifo = dir.join("fifo.pdf");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let folder = dir.join("folder.pdf");
    std::fs::create_dir(&folder).unwrap();
    for target in [&fifo, &folder] {
        let o = checklist(target.to_str().unwrap());
        assert_eq!(o.status.code(), Some(2), "{target:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("something other than a file has this name"),
            "{}",
            stderr(&o)
        );
    }
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(folder.is_dir() && std::fs::read_dir(&folder).unwrap().count() == 0);

    // The same refusal keeps /dev/null a device, even for root (these tests
    // run as root in the build container: the rename would succeed).
    let o = checklist("/dev/null");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device(), "/dev/null was replaced");
    assert_eq!(null.len(), 0);

    // `-`: the PDF on standard output, and nothing else.
    let o = checklist("-");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        o.stdout.starts_with(b"%PDF-"),
        "{:?}",
        &o.stdout[..16.min(o.stdout.len())]
    );
    let pdf = lopdf::Document::load_mem(&o.stdout).expect("a whole PDF");
    assert!(!pdf.get_pages().is_empty());
    assert!(o.stderr.is_empty(), "{}", stderr(&o));

    // A regular file is replaced, whole; nothing else is left in the folder.
    let file = dir.join("list.pdf");
    std::fs::write(&file, b"old").unwrap();
    let o = checklist(file.to_str().unwrap());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF-"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3);
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs the binary with its address space capped at 256 MiB: reading an
/// endless input whole would fail there instead of exiting 2 with a message.
#[cfg(unix)]
fn esm_in_256_mib(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 262144; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("run esm-assistant")
}

#[cfg(unix)]
#[test]
fn endless_and_huge_input_files_are_refused_at_once_in_bounded_memory() {
    let dir = temp_dir("huge");
    // A profile of 1 GiB (sparse: it takes no room on disk).
    let huge = dir.join("huge.toml");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let huge = huge.to_str().unwrap();
    for (args, said) in [
        (
            vec!["check", "example.com", "--dkim-key", "@/dev/zero"],
            "Cannot read the DKIM key file /dev/zero: it is larger than 64 KiB",
        ),
        (
            vec!["check", "example.com", "--provider", "/dev/zero"],
            "Cannot read the provider profile /dev/zero: it is larger than 256 KiB",
        ),
        (
            vec!["check", "example.com", "--provider", huge],
            "it is larger than 256 KiB",
        ),
        (
            vec![
                "lockdown",
                "exemple.fr",
                "--platform",
                "server",
                "--ranges",
                "/dev/zero",
            ],
            "Cannot read /dev/zero: it is larger than 64 KiB",
        ),
    ] {
        let mut args = args.clone();
        // Never asked: the input is refused before any lookup.
        args.extend(["--nameserver", "127.0.0.1:9"]);
        let start = std::time::Instant::now();
        let out = esm_in_256_mib(&args);
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).len() < 300, "{args:?}: {}", stderr(&out));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_damaged_profile_is_quoted_briefly_and_printably() {
    let dir = temp_dir("long-profile");
    let path = dir.join("long.toml");
    // One line of 200 KiB, with an escape sequence where it goes wrong.
    let text = format!(
        "{}\nid = \"{}\u{1b}]0;owned\u{7}\"\n",
        esm_assistant::provider::ESM_PROFILE,
        "a".repeat(200 * 1024)
    );
    std::fs::write(&path, text).unwrap();
    let out = esm(&["check", "example.com", "--provider", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("provider profile"), "{err}");
    assert!(err.len() < 800, "{} bytes of error", err.len());
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_byte_order_mark_is_accepted_in_ranges_key_and_profile_files() {
    let dns = TestDns::start(&world::zones());
    let ns = dns.addr.to_string();
    let dir = temp_dir("bom");
    let bom = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
        path.to_str().unwrap().to_string()
    };
    let ranges = bom("ranges.txt", "85.31.212.0/24\r\n2001:db8:100::/48\r\n");
    let out = esm(&[
        "lockdown",
        "exemple.fr",
        "--platform",
        "server",
        "--ranges",
        &ranges,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("85.31.212.0/24"), "{}", stdout(&out));

    let key = bom("key.txt", world::RSA_2048);
    let profile = bom("esm.toml", esm_assistant::provider::ESM_PROFILE);
    let out = esm(&[
        "records",
        "good.test",
        "--nameserver",
        &ns,
        "--json",
        "--dkim-key",
        &format!("@{key}"),
        "--provider",
        &profile,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let dkim = json["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["purpose"] == "dkim")
        .unwrap();
    assert_eq!(
        dkim["value"],
        format!("v=DKIM1; k=rsa; p={}", world::RSA_2048.trim())
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// With no command, the program opens the window; where it cannot (no
/// display, or built without the window), it says so in words, names the
/// commands, and exits 2, rather than panic in the window system.
#[test]
fn no_window_possible_says_so_and_points_to_the_commands() {
    for (lang, needle) in [("en", "esm-assistant check"), ("fr", "Les commandes")] {
        let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
            .args(["--lang", lang])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(err.contains("--help"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        // Plain lines: no escaped control characters.
        assert!(!err.contains("\\u{"), "{err}");
        assert_eq!(err.lines().count(), 2, "{err}");
        let why = if cfg!(feature = "gui") {
            ["DISPLAY", "DISPLAY"]
        } else {
            ["without the window", "sans la fenêtre"]
        };
        assert!(err.contains(why[usize::from(lang == "fr")]), "{err}");
    }
}

//! `esm-assistant publish`: the change shown as a before and after, written
//! through the DNS host's API (played on 127.0.0.1 from its public
//! documentation), read back from the domain's own name servers (the
//! in-process DNS server, fed by the played host), journaled and undone;
//! and each failure, the part-way one included. The admin's credential
//! never shows anywhere.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use support::dns_server::{TestDns, zone};
use support::host_api::{Api, Failure, FakeHost};
use support::world::{gateway_zone, mailhost_zone, tld_zone};

/// A credential no output may ever hold.
const TOKEN: &str = "pat-ESM-FAKE-SECRET-7f3a9c1d";

const DOMAIN: &str = "pub.test";
const SPF: &str = "\"v=spf1 include:_spf.mailhost.test -all\"";
const VERIFICATION: &str = "\"google-site-verification=abc\"";
const DMARC: &str = "\"v=DMARC1; p=none; rua=mailto:reports@pub.test\"";

fn others() -> Vec<String> {
    vec![tld_zone(), gateway_zone(), mailhost_zone()]
}

/// The domain at a played Gandi, its name servers fed by it.
struct World {
    dns: Arc<TestDns>,
    host: FakeHost,
    data: tempfile::TempDir,
    config: tempfile::TempDir,
}

fn world() -> World {
    world_at(Api::Gandi)
}

/// OVHcloud's application key (not a secret) and secret (one).
const OVH_APPLICATION_KEY: &str = "7kbG7Bk7S9Nt7ZSV";
const OVH_SECRET: &str = "ovh-SECRET-FAKE-4c2e8b1a";

fn world_at(api: Api) -> World {
    world_of(
        api,
        DOMAIN,
        &[
            ("@", "TXT", &[SPF, VERIFICATION]),
            ("@", "MX", &["10 mx.mailhost.test."]),
            ("_dmarc", "TXT", &[DMARC]),
        ],
    )
}

fn world_of(api: Api, domain: &str, records: &[(&str, &str, &[&str])]) -> World {
    let mut zones = others();
    zones.push(zone(domain, ""));
    let dns = Arc::new(TestDns::start(&zones));
    let ovh_keys = format!("{OVH_APPLICATION_KEY}|{OVH_SECRET}|{TOKEN}");
    let host = FakeHost::start(
        api,
        if api == Api::Ovh { &ovh_keys } else { TOKEN },
        domain,
        records,
        Arc::clone(&dns),
        others(),
    );
    World {
        dns,
        host,
        data: tempfile::tempdir().unwrap(),
        config: tempfile::tempdir().unwrap(),
    }
}

impl World {
    fn run(&self, args: &[&str], stdin: &str) -> Output {
        self.run_with(args, stdin, Some(TOKEN))
    }

    fn run_with(&self, args: &[&str], stdin: &str, token: Option<&str>) -> Output {
        let ns = self.dns.addr.to_string();
        let base = self.host.base();
        let mut all: Vec<&str> = vec!["publish"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--nameserver", &ns, "--api-base", &base]);
        let mut command = Command::new(env!("CARGO_BIN_EXE_esm-assistant"));
        command
            .args(&all)
            .env("LANG", "en_GB.UTF-8")
            .env(
                "ESM_ASSISTANT_AUTHORITATIVE_PORT",
                self.dns.addr.port().to_string(),
            )
            .env("ESM_ASSISTANT_DATA_DIR", self.data.path())
            .env("ESM_ASSISTANT_CONFIG_DIR", self.config.path())
            .env_remove("ESM_GANDI_TOKEN")
            .env_remove("ESM_CLOUDFLARE_TOKEN")
            .env_remove("ESM_OVH_APPLICATION_KEY")
            .env_remove("ESM_OVH_APPLICATION_SECRET")
            .env_remove("ESM_OVH_CONSUMER_KEY")
            .env_remove("ESM_IONOS_API_KEY")
            // Never this machine's real keychain.
            .env("ESM_ASSISTANT_KEYCHAIN", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(token) = token {
            match self.host.api {
                Api::Gandi => {
                    command.env("ESM_GANDI_TOKEN", token);
                }
                Api::Cloudflare => {
                    command.env("ESM_CLOUDFLARE_TOKEN", token);
                }
                Api::Ionos => {
                    command.env("ESM_IONOS_API_KEY", token);
                }
                Api::Ovh => {
                    command
                        .env("ESM_OVH_APPLICATION_KEY", OVH_APPLICATION_KEY)
                        .env("ESM_OVH_APPLICATION_SECRET", OVH_SECRET)
                        .env("ESM_OVH_CONSUMER_KEY", token);
                }
            }
        }
        let mut child = command.spawn().expect("run esm-assistant");
        {
            use std::io::Write;
            let mut input = child.stdin.take().unwrap();
            let _ = input.write_all(stdin.as_bytes());
        }
        let out = child.wait_with_output().expect("wait");
        // The credential is in no output, whatever happened.
        for text in [&out.stdout, &out.stderr] {
            let text_ = String::from_utf8_lossy(text);
            assert!(
                !text_.contains(OVH_SECRET),
                "the OVHcloud secret was shown: {text_}"
            );
            assert!(
                !String::from_utf8_lossy(text).contains(TOKEN),
                "the credential was shown: {}",
                String::from_utf8_lossy(text)
            );
        }
        out
    }

    fn journal(&self) -> String {
        std::fs::read_to_string(self.data.path().join("publish-journal.jsonl")).unwrap_or_default()
    }

    /// No file the assistant wrote holds the credential.
    fn assert_no_secret_in_files(&self) {
        for dir in [self.data.path(), self.config.path()] {
            for file in files_in(dir) {
                let bytes = std::fs::read(&file).unwrap();
                assert!(!String::from_utf8_lossy(&bytes).contains(OVH_SECRET));
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(TOKEN),
                    "{} holds the credential",
                    file.display()
                );
            }
        }
    }
}

fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn written_requests(host: &FakeHost) -> Vec<String> {
    host.seen()
        .iter()
        .filter(|s| s.method == "PUT" || s.method == "DELETE")
        .map(|s| format!("{} {}", s.method, s.path))
        .collect()
}

#[test]
fn a_dry_run_shows_the_change_and_sends_nothing() {
    let w = world();
    let out = w.run_with(&[DOMAIN, "--host", "gandi", "--dry-run"], "", None);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Changes at Gandi for pub.test:"), "{text}");
    assert!(text.contains("Replace pub.test TXT"), "{text}");
    assert!(text.contains("Replace _dmarc.pub.test TXT"), "{text}");
    // The other TXT value at the apex stays; the SPF record is merged.
    assert!(text.contains("= google-site-verification=abc"), "{text}");
    assert!(
        text.contains("- v=spf1 include:_spf.mailhost.test -all"),
        "{text}"
    );
    let added_spf = text
        .lines()
        .find(|l| l.trim_start().starts_with("+ v=spf1"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        added_spf.contains("include:includespf.security-mail.net"),
        "{added_spf}"
    );
    assert!(
        added_spf.contains("include:_spf.mailhost.test"),
        "{added_spf}"
    );
    let added_dmarc = text
        .lines()
        .find(|l| l.trim_start().starts_with("+ v=DMARC1"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        added_dmarc.contains("mailto:reports@pub.test"),
        "{added_dmarc}"
    );
    assert!(added_dmarc.contains("p=none"), "{added_dmarc}");
    // DKIM without the console's key is left out, and said so.
    assert!(text.contains("DKIM is left out"), "{text}");
    // MX records are not part of it without --step mx.
    assert!(!text.contains(" MX"), "{text}");
    assert!(text.contains("Dry run: nothing was written."), "{text}");
    assert!(w.host.seen().is_empty(), "{:?}", w.host.seen());
    assert_eq!(w.journal(), "");
}

#[test]
fn a_change_is_applied_read_back_journaled_and_undone() {
    let w = world();
    let out = w.run(&[DOMAIN, "--host", "gandi", "--yes"], "");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Written at Gandi:"), "{text}");
    assert!(text.contains("written: pub.test TXT"), "{text}");
    assert!(text.contains("written: _dmarc.pub.test TXT"), "{text}");
    // Read back from the domain's own name servers, which now serve it.
    assert!(text.contains("✓ SPF authorises the gateway: OK"), "{text}");
    assert!(text.contains("✓ DMARC record: OK"), "{text}");
    // The other TXT value is left byte for byte; every request carried the
    // token, as Gandi's documentation asks.
    let apex = w.host.values("@", "TXT");
    assert_eq!(apex.len(), 2, "{apex:?}");
    assert!(apex.contains(&VERIFICATION.to_string()), "{apex:?}");
    assert!(
        apex.iter()
            .any(|v| v.contains("include:includespf.security-mail.net"))
    );
    assert_eq!(w.host.values("@", "MX"), ["10 mx.mailhost.test."]);
    assert!(
        w.host
            .seen()
            .iter()
            .all(|s| s.authorization.as_deref() == Some(&format!("Bearer {TOKEN}")))
    );
    assert_eq!(
        written_requests(&w.host),
        [
            "PUT /v5/livedns/domains/pub.test/records/@/TXT",
            "PUT /v5/livedns/domains/pub.test/records/_dmarc/TXT"
        ]
    );
    // The journal: what was there, what was written, when, where.
    let journal = w.journal();
    let lines: Vec<serde_json::Value> = journal
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{journal}");
    let entry = &lines[0];
    assert_eq!(entry["kind"], "publish");
    assert_eq!(entry["host"], "gandi");
    assert_eq!(entry["domain"], DOMAIN);
    assert_eq!(entry["complete"], true);
    assert!(entry["at"].as_str().unwrap().contains('T'));
    assert_eq!(entry["sets"][0]["name"], "@");
    assert_eq!(
        entry["sets"][0]["before"],
        serde_json::json!([SPF, VERIFICATION])
    );
    assert_eq!(entry["sets"][1]["before"], serde_json::json!([DMARC]));
    assert_eq!(entry["sets"][1]["written"], true);

    // A second run has nothing to do.
    let again = w.run(&[DOMAIN, "--host", "gandi", "--yes"], "");
    assert!(
        stdout(&again).contains("Nothing to change"),
        "{}",
        stdout(&again)
    );

    // Undo puts back exactly what was there, and says so.
    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    let undo_text = stdout(&undo);
    assert!(undo.status.success(), "{undo_text}{}", stderr(&undo));
    assert!(
        undo_text.contains("Undo the last change at Gandi for pub.test"),
        "{undo_text}"
    );
    assert!(undo_text.contains("Put back as they were:"), "{undo_text}");
    assert_eq!(w.host.values("@", "TXT"), [SPF, VERIFICATION]);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
    let journal = w.journal();
    assert_eq!(journal.lines().count(), 2, "{journal}");
    assert!(
        journal
            .lines()
            .nth(1)
            .unwrap()
            .contains("\"kind\":\"undo\"")
    );
    // Nothing more to undo.
    let nothing = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(
        stdout(&nothing).contains("Nothing to undo for pub.test"),
        "{}",
        stdout(&nothing)
    );
    // And the domain's own name servers serve the old records again.
    let check = support::esm(&[
        "check",
        DOMAIN,
        "--nameserver",
        &w.dns.addr.to_string(),
        "--json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let gateway = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "spf.gateway")
        .unwrap();
    assert_eq!(gateway["status"], "fail", "{gateway}");
    w.assert_no_secret_in_files();
}

#[test]
fn without_yes_the_admin_is_asked_and_a_no_writes_nothing() {
    let w = world();
    let out = w.run(&[DOMAIN, "--host", "gandi", "--step", "spf"], "n\n");
    let text = stdout(&out);
    assert!(
        text.contains("Write these changes at your DNS host now? [y/N]"),
        "{text}"
    );
    assert!(text.contains("Nothing was written."), "{text}");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(w.host.writes(), 0);
    assert_eq!(w.journal(), "");

    let yes = w.run(
        &[DOMAIN, "--host", "gandi", "--step", "spf", "--lang", "fr"],
        "oui\n",
    );
    let text = stdout(&yes);
    assert!(yes.status.success(), "{text}{}", stderr(&yes));
    assert!(
        text.contains("Écrire ces modifications chez votre hébergeur DNS maintenant\u{a0}? [o/N]"),
        "{text}"
    );
    assert!(text.contains("Écrit chez Gandi\u{a0}:"), "{text}");
    // Only the SPF step's record set.
    assert_eq!(
        written_requests(&w.host),
        ["PUT /v5/livedns/domains/pub.test/records/@/TXT"]
    );
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
}

/// Runs a change against a host that fails so, and returns the output.
fn failing(failure: Failure, lang: &str) -> (World, Output) {
    let w = world();
    w.host.state.lock().unwrap().always = Some(failure);
    let out = w.run(&[DOMAIN, "--host", "gandi", "--yes", "--lang", lang], "");
    (w, out)
}

#[test]
fn refused_credentials_and_missing_rights_are_said_and_nothing_is_written() {
    let (w, out) = failing(Failure::status(401), "en");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("The DNS host refused the credentials"),
        "{text}"
    );
    assert!(
        text.contains("Nothing was written: your records are as they were."),
        "{text}"
    );
    assert_eq!(w.host.values("@", "TXT"), [SPF, VERIFICATION]);
    assert_eq!(w.journal(), "");

    let (_, fr) = failing(Failure::status(401), "fr");
    let text = stdout(&fr);
    assert!(
        text.contains("L’hébergeur DNS a refusé les identifiants\u{a0}:"),
        "{text}"
    );

    let (_, out) = failing(Failure::status(403), "en");
    let text = stdout(&out);
    assert!(
        text.contains("do not have the right to change this domain's DNS records"),
        "{text}"
    );

    // A wrong token, refused by the host as its documentation says.
    let w = world();
    let out = w.run_with(&[DOMAIN, "--host", "gandi", "--yes"], "", Some("pat-wrong"));
    assert!(
        stdout(&out).contains("refused the credentials"),
        "{}",
        stdout(&out)
    );
    assert_eq!(w.host.writes(), 0);

    // No credential at all: the variable to set is named, nothing is sent.
    let w = world();
    let out = w.run_with(&[DOMAIN, "--host", "gandi", "--yes"], "", None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("No credentials for Gandi: set ESM_GANDI_TOKEN."),
        "{}",
        stderr(&out)
    );
    assert!(w.host.seen().is_empty());
}

#[test]
fn rate_limits_and_server_errors_are_said() {
    let mut limited = Failure::status(429);
    limited.retry_after = Some(30);
    let (_, out) = failing(limited, "en");
    assert!(
        stdout(&out)
            .contains("The DNS host is receiving too many requests: try again in 30 seconds."),
        "{}",
        stdout(&out)
    );
    let (_, out) = failing(Failure::status(429), "fr");
    assert!(
        stdout(&out).contains("attendez quelques minutes"),
        "{}",
        stdout(&out)
    );
    let (w, out) = failing(Failure::status(503), "en");
    assert!(
        stdout(&out).contains("The DNS host's service failed (error 503): this is on its side"),
        "{}",
        stdout(&out)
    );
    assert_eq!(w.host.writes(), 0);
}

#[test]
fn a_host_refusal_is_quoted_cut_and_visible() {
    let mut odd = Failure::status(400);
    odd.body = format!(
        "{{\"message\":\"bad\u{1b}[2J value {}\"}}",
        "x".repeat(1000)
    );
    let (_, out) = failing(odd, "en");
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("refused the change (error 400)"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("bad\\u{1b}[2J value"), "{line}");
    assert!(!text.contains('\u{1b}'));
    assert!(line.chars().count() < 400, "{line}");
}

#[test]
fn a_change_that_fails_part_way_says_what_was_written_and_undoes_it() {
    let w = world();
    w.host.state.lock().unwrap().fail_write = Some((2, Failure::status(500)));
    let out = w.run(&[DOMAIN, "--host", "gandi", "--yes"], "");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("The change stopped at Gandi:"), "{text}");
    assert!(text.contains("written: pub.test TXT"), "{text}");
    assert!(
        text.contains("not confirmed: _dmarc.pub.test TXT"),
        "{text}"
    );
    assert!(text.contains("(error 500)"), "{text}");
    assert!(
        text.contains(
            "To put those records back as they were: esm-assistant publish --undo pub.test"
        ),
        "{text}"
    );
    // The journal holds exactly that.
    let entry: serde_json::Value =
        serde_json::from_str(w.journal().lines().next().unwrap()).unwrap();
    assert_eq!(entry["complete"], false);
    assert_eq!(entry["sets"][0]["written"], true);
    assert_eq!(entry["sets"][1]["written"], false);
    assert_eq!(entry["sets"][1]["failed"], true);
    assert_ne!(w.host.values("@", "TXT"), [SPF, VERIFICATION]);

    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    assert_eq!(w.host.values("@", "TXT"), [SPF, VERIFICATION]);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
    // The DMARC set was never changed: only the apex was written back.
    assert_eq!(
        written_requests(&w.host),
        [
            "PUT /v5/livedns/domains/pub.test/records/@/TXT",
            "PUT /v5/livedns/domains/pub.test/records/_dmarc/TXT",
            "PUT /v5/livedns/domains/pub.test/records/@/TXT"
        ]
    );
    w.assert_no_secret_in_files();
}

#[test]
fn forgetting_and_remembering_say_when_there_is_no_keychain() {
    let w = world();
    let out = w.run_with(&["--forget", "--host", "gandi"], "", None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("This computer's keychain cannot be used"),
        "{}",
        stderr(&out)
    );
    // The change is made all the same; only keeping the token fails.
    let out = w.run(
        &[
            DOMAIN,
            "--host",
            "gandi",
            "--step",
            "dmarc",
            "--yes",
            "--remember",
        ],
        "",
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("written: _dmarc.pub.test TXT"), "{text}");
    assert!(
        text.contains("This computer's keychain cannot be used"),
        "{text}"
    );
    w.assert_no_secret_in_files();
}

#[test]
fn the_mx_step_waits_for_its_prerequisites() {
    let w = world();
    let out = w.run(&[DOMAIN, "--host", "gandi", "--step", "mx", "--yes"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("The MX records move to the gateway only once these steps are green: Destination server, SPF, DKIM, DMARC."),
        "{err}"
    );
    assert!(w.host.seen().is_empty());
    assert_eq!(w.host.values("@", "MX"), ["10 mx.mailhost.test."]);
}

#[test]
fn every_host_error_is_said_in_both_languages() {
    use esm_assistant::localize::{Lang, StrictBundle};
    use esm_assistant::publish::HostError;
    let errors = [
        HostError::Refused,
        HostError::Forbidden,
        HostError::RateLimited { retry_after: None },
        HostError::RateLimited {
            retry_after: Some(60),
        },
        HostError::Server { status: 502 },
        HostError::Rejected {
            status: 422,
            detail: "bad value".into(),
        },
        HostError::ZoneNotFound {
            zone: "pub.test".into(),
        },
        HostError::Network,
        HostError::Timeout,
        HostError::BadResponse,
        HostError::TooLarge,
        HostError::NotFound,
    ];
    for lang in [Lang::En, Lang::Fr] {
        let bundle = StrictBundle::new(lang).unwrap();
        for error in &errors {
            let args: Vec<(String, fluent::FluentValue<'static>)> = error
                .args()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.into()))
                .collect();
            let id = format!("publish-error-{}", error.code());
            let text = bundle
                .format(&id, &args)
                .unwrap_or_else(|e| panic!("{lang:?}: {e}"));
            assert!(!text.contains('\n'), "{text}");
            if lang == Lang::Fr {
                assert!(!text.contains(" :") && !text.contains('\''), "{text}");
            }
        }
    }
}

#[test]
fn at_cloudflare_a_change_is_one_batch_per_record_set_and_is_undone() {
    let w = world_at(Api::Cloudflare);
    let out = w.run(&[DOMAIN, "--host", "cloudflare", "--yes"], "");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Written at Cloudflare:"), "{text}");
    assert!(text.contains("✓ SPF authorises the gateway: OK"), "{text}");
    assert!(text.contains("✓ DMARC record: OK"), "{text}");
    let apex = w.host.values("@", "TXT");
    assert!(apex.contains(&VERIFICATION.to_string()), "{apex:?}");
    assert!(
        apex.iter()
            .any(|v| v.contains("include:includespf.security-mail.net"))
    );
    assert!(!apex.contains(&SPF.to_string()), "{apex:?}");
    let seen = w.host.seen();
    let batches: Vec<&support::host_api::Seen> =
        seen.iter().filter(|s| s.method == "POST").collect();
    assert_eq!(batches.len(), 2, "{seen:?}");
    assert!(
        batches
            .iter()
            .all(|b| b.path.ends_with("/dns_records/batch"))
    );
    // Only the SPF record goes: the verification record keeps its id.
    let first: serde_json::Value = serde_json::from_str(&batches[0].body).unwrap();
    assert_eq!(first["deletes"].as_array().unwrap().len(), 1, "{first}");
    assert_eq!(first["posts"].as_array().unwrap().len(), 1, "{first}");
    assert_eq!(first["posts"][0]["name"], DOMAIN);
    assert_eq!(first["posts"][0]["type"], "TXT");
    assert!(
        seen.iter()
            .all(|s| s.authorization.as_deref() == Some(&format!("Bearer {TOKEN}")))
    );

    let entry: serde_json::Value =
        serde_json::from_str(w.journal().lines().next().unwrap()).unwrap();
    assert_eq!(entry["host"], "cloudflare");
    assert_eq!(
        entry["sets"][0]["before"],
        serde_json::json!([SPF, VERIFICATION])
    );

    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    let mut apex = w.host.values("@", "TXT");
    apex.sort();
    let mut was = vec![SPF.to_string(), VERIFICATION.to_string()];
    was.sort();
    assert_eq!(apex, was);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
    w.assert_no_secret_in_files();
}

#[test]
fn at_cloudflare_an_unknown_token_and_missing_rights_are_told_apart() {
    // Cloudflare answers 403 to both; its error code says which.
    let w = world_at(Api::Cloudflare);
    let out = w.run_with(
        &[DOMAIN, "--host", "cloudflare", "--yes"],
        "",
        Some("wrong-token"),
    );
    assert!(
        stdout(&out).contains("The DNS host refused the credentials"),
        "{}",
        stdout(&out)
    );
    let w = world_at(Api::Cloudflare);
    w.host.state.lock().unwrap().always = Some(Failure {
        status: 403,
        retry_after: None,
        body: r#"{"success":false,"errors":[{"code":9109,"message":"Unauthorized to access requested resource"}],"messages":[],"result":null}"#.into(),
    });
    let out = w.run(&[DOMAIN, "--host", "cloudflare", "--yes"], "");
    assert!(
        stdout(&out).contains("do not have the right to change this domain's DNS records"),
        "{}",
        stdout(&out)
    );
    assert_eq!(w.host.writes(), 0);
}

#[test]
fn at_cloudflare_a_failed_second_batch_is_said_and_undone() {
    let w = world_at(Api::Cloudflare);
    let mut limited = Failure::status(429);
    limited.retry_after = Some(12);
    w.host.state.lock().unwrap().fail_write = Some((2, limited));
    let out = w.run(&[DOMAIN, "--host", "cloudflare", "--yes"], "");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("written: pub.test TXT"), "{text}");
    assert!(
        text.contains("not confirmed: _dmarc.pub.test TXT"),
        "{text}"
    );
    assert!(text.contains("try again in 12 seconds"), "{text}");
    assert!(
        text.contains("esm-assistant publish --undo pub.test"),
        "{text}"
    );
    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    let mut apex = w.host.values("@", "TXT");
    apex.sort();
    let mut was = vec![SPF.to_string(), VERIFICATION.to_string()];
    was.sort();
    assert_eq!(apex, was);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
}

#[test]
fn at_ovhcloud_signed_writes_are_served_once_the_zone_is_refreshed_and_undone() {
    let w = world_at(Api::Ovh);
    let out = w.run(&[DOMAIN, "--host", "ovh", "--yes"], "");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Written at OVHcloud:"), "{text}");
    // The played name servers serve the zone only once refreshed: the
    // read-back shows the refresh was asked for.
    assert!(text.contains("✓ SPF authorises the gateway: OK"), "{text}");
    assert!(text.contains("✓ DMARC record: OK"), "{text}");
    assert_eq!(w.host.state.lock().unwrap().refreshes, 1);
    let seen = w.host.seen();
    assert_eq!(
        seen.last().map(|s| s.path.as_str()),
        Some("/1.0/domain/zone/pub.test/refresh")
    );
    // Record by record: the old SPF record deleted, the merged one added,
    // the verification record never touched.
    let writes: Vec<String> = seen
        .iter()
        .filter(|s| s.method == "POST" || s.method == "DELETE")
        .map(|s| {
            format!(
                "{} {}",
                s.method,
                s.path
                    .split("/record")
                    .nth(1)
                    .map_or("refresh", |_| "record")
            )
        })
        .collect();
    assert_eq!(
        writes,
        [
            "DELETE record",
            "POST record",
            "DELETE record",
            "POST record",
            "POST refresh"
        ],
        "{seen:?}"
    );
    let apex = w.host.values("@", "TXT");
    assert!(apex.contains(&VERIFICATION.to_string()), "{apex:?}");
    assert!(!apex.contains(&SPF.to_string()), "{apex:?}");

    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    let mut apex = w.host.values("@", "TXT");
    apex.sort();
    let mut was = vec![SPF.to_string(), VERIFICATION.to_string()];
    was.sort();
    assert_eq!(apex, was);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);
    assert_eq!(w.host.state.lock().unwrap().refreshes, 2);
    w.assert_no_secret_in_files();
}

#[test]
fn at_ovhcloud_a_failure_inside_a_record_set_is_journaled_and_undone() {
    // The second write is the new SPF record, after the old one was
    // deleted: the apex is left without an SPF record until undone.
    let w = world_at(Api::Ovh);
    w.host.state.lock().unwrap().fail_write = Some((2, Failure::status(500)));
    let out = w.run(&[DOMAIN, "--host", "ovh", "--yes"], "");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("not confirmed: pub.test TXT"), "{text}");
    assert!(
        text.contains("esm-assistant publish --undo pub.test"),
        "{text}"
    );
    assert_eq!(w.host.values("@", "TXT"), [VERIFICATION]);
    // Refreshed all the same: the name servers serve what the journal says.
    assert_eq!(w.host.state.lock().unwrap().refreshes, 1);
    let entry: serde_json::Value =
        serde_json::from_str(w.journal().lines().next().unwrap()).unwrap();
    assert_eq!(entry["sets"][0]["failed"], true);
    assert_eq!(
        entry["sets"][0]["before"],
        serde_json::json!([SPF, VERIFICATION])
    );
    assert_eq!(entry["sets"].as_array().unwrap().len(), 1);

    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    let mut apex = w.host.values("@", "TXT");
    apex.sort();
    let mut was = vec![SPF.to_string(), VERIFICATION.to_string()];
    was.sort();
    assert_eq!(apex, was);
}

#[test]
fn at_ovhcloud_a_refused_key_and_an_ungranted_call_are_told_apart() {
    let w = world_at(Api::Ovh);
    let out = w.run_with(&[DOMAIN, "--host", "ovh", "--yes"], "", Some("ck-unknown"));
    assert!(
        stdout(&out).contains("The DNS host refused the credentials"),
        "{}",
        stdout(&out)
    );
    let w = world_at(Api::Ovh);
    w.host.state.lock().unwrap().always = Some(Failure {
        status: 403,
        retry_after: None,
        body: r#"{"class":"Client::Forbidden","message":"This call has not been granted","httpCode":"403 Forbidden","errorCode":"NOT_GRANTED_CALL"}"#.into(),
    });
    let out = w.run(&[DOMAIN, "--host", "ovh", "--yes"], "");
    assert!(
        stdout(&out).contains("do not have the right to change this domain's DNS records"),
        "{}",
        stdout(&out)
    );
    assert_eq!(w.host.writes(), 0);
}

#[test]
fn an_ovhcloud_consumer_key_is_asked_for_this_zone_only() {
    use esm_assistant::publish::credentials::Secrets;
    use esm_assistant::publish::http::Base;
    use esm_assistant::publish::ovh::Ovh;
    let w = world_at(Api::Ovh);
    let mut secrets = Secrets::default();
    secrets.set("application-key", OVH_APPLICATION_KEY.into());
    secrets.set("application-secret", OVH_SECRET.into());
    let client = Ovh::new(Base::parse(&w.host.base()).unwrap(), &secrets).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let pending = rt.block_on(client.request_consumer_key(DOMAIN)).unwrap();
    assert!(
        pending
            .validation_url
            .starts_with("https://eu.api.ovh.com/auth/?credentialToken=")
    );
    assert_eq!(pending.consumer_key, "ck-FRESH-FAKE-KEY-0123456789");
    let request = w
        .host
        .seen()
        .into_iter()
        .find(|s| s.path == "/1.0/auth/credential")
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
    let rules = body["accessRules"].as_array().unwrap();
    assert!(
        rules.iter().all(|r| r["path"]
            .as_str()
            .unwrap()
            .starts_with("/domain/zone/pub.test")),
        "{body}"
    );
    let methods: Vec<&str> = rules
        .iter()
        .map(|r| r["method"].as_str().unwrap())
        .collect();
    assert!(methods.contains(&"POST") && methods.contains(&"DELETE") && methods.contains(&"GET"));
    assert!(
        body["redirection"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    assert!(!request.body.contains(OVH_SECRET));

    // Without a keychain the key is not asked for (it would have nowhere to go).
    let out = w.run_with(
        &[DOMAIN, "--host", "ovh", "--request-consumer-key"],
        "",
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("createToken"), "{}", stderr(&out));
}

#[test]
fn the_dkim_record_is_added_from_the_console_key() {
    let w = world();
    let key = support::world::RSA_2048.trim();
    let out = w.run(
        &[
            DOMAIN,
            "--host",
            "gandi",
            "--step",
            "dkim",
            "--dkim-key",
            key,
            "--yes",
        ],
        "",
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(
        text.contains("Add sec-sig-email._domainkey.pub.test TXT"),
        "{text}"
    );
    assert!(text.contains("✓ DKIM key published: OK"), "{text}");
    assert!(
        text.contains("✓ DKIM key matches the console: OK"),
        "{text}"
    );
    // Longer than 255 bytes: sent as several quoted strings.
    let values = w.host.values("sec-sig-email._domainkey", "TXT");
    assert_eq!(values.len(), 1, "{values:?}");
    assert!(values[0].starts_with("\"v=DKIM1; k=rsa; p="), "{values:?}");
    assert!(values[0].contains("\" \""), "{values:?}");
    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    assert!(w.host.values("sec-sig-email._domainkey", "TXT").is_empty());
    assert!(written_requests(&w.host).last().is_some_and(
        |r| r == "DELETE /v5/livedns/domains/pub.test/records/sec-sig-email._domainkey/TXT"
    ));
}

#[test]
fn the_mx_records_move_to_the_gateway_once_everything_else_is_green() {
    let dkim = support::dns_server::txt(&format!(
        "v=DKIM1; k=rsa; p={}",
        support::world::RSA_2048.trim()
    ));
    let w = world_of(
        Api::Gandi,
        "ready.test",
        &[
            (
                "@",
                "TXT",
                &["\"v=spf1 include:includespf.security-mail.net -all\""],
            ),
            (
                "@",
                "MX",
                &["10 mx.mailhost.test.", "20 mx-backup.mailhost.test."],
            ),
            ("sec-sig-email._domainkey", "TXT", &[dkim.as_str()]),
            (
                "_dmarc",
                "TXT",
                &["\"v=DMARC1; p=quarantine; rua=mailto:dmarc@secuserve.com\""],
            ),
            ("mail", "A", &["192.0.2.25"]),
        ],
    );
    let key = support::world::RSA_2048.trim();
    let args = [
        "ready.test",
        "--host",
        "gandi",
        "--step",
        "mx",
        "--dkim-key",
        key,
        "--destination",
        "mail.ready.test",
        "--yes",
    ];
    let out = w.run(&args, "");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Replace ready.test MX"), "{text}");
    assert!(text.contains("- 10 mx.mailhost.test."), "{text}");
    assert!(text.contains("+ 10 france.security-mail.net."), "{text}");
    assert!(
        text.contains("✓ MX records point to the gateway: OK"),
        "{text}"
    );
    let mut mx = w.host.values("@", "MX");
    mx.sort();
    assert_eq!(
        mx,
        [
            "10 france.security-mail.net.",
            "20 europe.security-mail.net."
        ]
    );
    // Without the destination, the same step is refused.
    let w2 = world_of(
        Api::Gandi,
        "ready.test",
        &[("@", "MX", &["10 mx.mailhost.test."])],
    );
    let out = w2.run(
        &["ready.test", "--host", "gandi", "--step", "mx", "--yes"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(w2.host.writes(), 0);
}

#[test]
fn a_record_set_changed_since_it_was_shown_is_not_overwritten() {
    use esm_assistant::publish::host::Client;
    use esm_assistant::publish::http::Base;
    use esm_assistant::publish::journal::Journal;
    use esm_assistant::publish::run::{self, StopReason};
    use esm_assistant::publish::{Host, PublishStep, credentials::Secrets, plan_step};
    let w = world();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let input = support::input(DOMAIN);
    let (report, snap) = rt.block_on(async {
        let dns = esm_assistant::dns::Dns::new(DOMAIN, &support::options(w.dns.addr))
            .await
            .unwrap();
        esm_assistant::check::run(&input, &dns).await
    });
    let changes = plan_step(&input, &snap, &report, PublishStep::Spf).unwrap();
    assert_eq!(changes.len(), 1);
    // Meanwhile, someone adds a record at the apex in the host's panel.
    w.host.state.lock().unwrap().records.insert(
        ("@".into(), "TXT".into()),
        (
            300,
            vec![SPF.into(), VERIFICATION.into(), "\"ms=ms123\"".into()],
        ),
    );
    let mut secrets = Secrets::default();
    secrets.set("token", TOKEN.into());
    let client = Client::new(Host::Gandi, Base::parse(&w.host.base()), &secrets).unwrap();
    let journal = Journal::in_dir(w.data.path());
    let outcome = rt.block_on(run::apply(&client, DOMAIN, &changes, &journal));
    assert!(
        matches!(&outcome.stopped, Some((_, StopReason::Changed { name })) if name == DOMAIN),
        "{outcome:?}"
    );
    assert!(!outcome.part_way());
    assert_eq!(w.host.writes(), 0);
    assert_eq!(w.journal(), "");
}

#[test]
fn at_ionos_records_are_added_then_deleted_and_undone() {
    let w = world_at(Api::Ionos);
    let out = w.run(&[DOMAIN, "--host", "ionos", "--yes"], "");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.contains("Written at IONOS:"), "{text}");
    assert!(text.contains("✓ SPF authorises the gateway: OK"), "{text}");
    assert!(text.contains("✓ DMARC record: OK"), "{text}");
    let apex = w.host.values("@", "TXT");
    assert!(apex.contains(&VERIFICATION.to_string()), "{apex:?}");
    assert!(!apex.contains(&SPF.to_string()), "{apex:?}");
    assert!(
        w.host
            .seen()
            .iter()
            .all(|s| s.authorization.as_deref() == Some(TOKEN))
    );
    // Added first, deleted after: a failure in between leaves more, not less.
    let writes: Vec<String> = w
        .host
        .seen()
        .iter()
        .filter(|s| s.method != "GET")
        .map(|s| s.method.clone())
        .collect();
    assert_eq!(writes, ["POST", "DELETE", "POST", "DELETE"]);
    let undo = w.run(&["--undo", DOMAIN, "--yes"], "");
    assert!(undo.status.success(), "{}{}", stdout(&undo), stderr(&undo));
    let mut apex = w.host.values("@", "TXT");
    apex.sort();
    let mut was = vec![SPF.to_string(), VERIFICATION.to_string()];
    was.sort();
    assert_eq!(apex, was);
    assert_eq!(w.host.values("_dmarc", "TXT"), [DMARC]);

    let w = world_at(Api::Ionos);
    let out = w.run_with(
        &[DOMAIN, "--host", "ionos", "--yes"],
        "",
        Some("prefix.wrong"),
    );
    assert!(
        stdout(&out).contains("The DNS host refused the credentials"),
        "{}",
        stdout(&out)
    );
    assert_eq!(w.host.writes(), 0);
    w.assert_no_secret_in_files();
}

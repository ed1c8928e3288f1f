//! Text from DNS that holds terminal controls, line breaks and
//! bidirectional overrides, served by a real DNS server on 127.0.0.1:
//! no proposed record carries it, and nothing of it reaches the command
//! line, the zone file or the checklist raw.

mod support;

use support::esm;

use esm_assistant::check::{CheckId, Problem};
use esm_assistant::records::{self, Action, Purpose};
use esm_assistant::safe_text::{has_hidden, is_hidden, is_record_text};
use support::dns_server::TestDns;
use support::world;

fn zones() -> Vec<String> {
    let mut zones = world::zones();
    zones.push(world::hostile_zone());
    zones
}

/// The output as text, after checking that no line of it holds a raw
/// control character (ESC, BEL, NUL, CR, DEL, C1) or a bidirectional mark.
fn shown(bytes: &[u8], what: &str) -> String {
    let text = std::str::from_utf8(bytes).expect("UTF-8 output");
    for (i, line) in text.split('\n').enumerate() {
        let raw: Vec<char> = line.chars().filter(|c| is_hidden(*c)).collect();
        assert!(
            raw.is_empty(),
            "{what}, line {}: {raw:?} in {line:?}",
            i + 1
        );
    }
    text.to_string()
}

#[test]
fn check_prints_text_from_dns_visibly() {
    let dns = TestDns::start(&zones());
    let ns = dns.addr.to_string();
    let key = world::RSA_2048.trim();
    for lang in ["en", "fr"] {
        let out = esm(&[
            "check",
            "hostile.test",
            "--nameserver",
            &ns,
            "--lang",
            lang,
            "--dkim-key",
            key,
        ]);
        assert_eq!(out.status.code(), Some(1), "{lang}");
        let text = shown(&out.stdout, "check");
        shown(&out.stderr, "check stderr");
        // The found SPF record and the term at fault, escapes visible.
        assert!(text.contains("v=spf1 mx\\u{1b}[2J ip4:192.0.2.1"), "{text}");
        let term = if lang == "en" {
            "“mx\\u{1b}[2J”"
        } else {
            "«\u{a0}mx\\u{1b}[2J\u{a0}»"
        };
        assert!(text.contains(term), "{text}");
        assert!(text.contains("\\u{1b}]0;title\\u{7}"), "{text}");
        assert!(text.contains("\\u{202e}moc.example\\u{0}"), "{text}");
        // DMARC: each tag holding such a character is named.
        assert!(
            text.contains("x\\u{a}evil.hostile.test. 60 IN A 6.6.6.6"),
            "{text}"
        );
        assert!(text.contains("\\u{7f}\\u{9b}"), "{text}");
        // DKIM: the key matches, but a tag holds controls.
        assert!(text.contains("\\u{1b}[2J\\u{a}\\u{202e}"), "{text}");
        // Nothing printed starts a line of its own from inside a value.
        assert!(!text.lines().any(|l| l.starts_with("evil")), "{text}");
    }
}

#[test]
fn check_json_keeps_the_text_exact_and_escaped() {
    let dns = TestDns::start(&zones());
    let out = esm(&[
        "check",
        "hostile.test",
        "--nameserver",
        &dns.addr.to_string(),
        "--json",
    ]);
    let raw = shown(&out.stdout, "check --json");
    // DEL, C1 controls and the override are JSON escapes, not raw characters.
    assert!(raw.contains("\\u202e") && raw.contains("\\u007f") && raw.contains("\\u009b"));
    let json: serde_json::Value = serde_json::from_str(&raw).expect("valid JSON");
    let checks = json["checks"].as_array().unwrap();
    let spf = checks.iter().find(|c| c["id"] == "spf.record").unwrap();
    // Read back, the value is exactly what DNS serves.
    assert!(
        spf["found"][0]
            .as_str()
            .unwrap()
            .starts_with("v=spf1 mx\u{1b}[2J ip4:192.0.2.1 a:x\u{1b}]0;title\u{7}.hostile.test"),
        "{spf}"
    );
    let syntax = &spf["problems"][0];
    assert_eq!(syntax["code"], "syntax");
    assert_eq!(syntax["reason"], "invalid-character");
    let dmarc = checks.iter().find(|c| c["id"] == "dmarc.record").unwrap();
    let tags: Vec<&str> = dmarc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "invalid-character")
        .map(|p| p["tag"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["rua", "foo", "bar", "baz"], "{dmarc}");
    let dkim = checks.iter().find(|c| c["id"] == "dkim.record").unwrap();
    assert_eq!(dkim["status"], "warn", "{dkim}");
    assert_eq!(dkim["problems"][0]["code"], "invalid-character", "{dkim}");
    assert_eq!(dkim["problems"][0]["tag"], "n", "{dkim}");
}

#[test]
fn records_propose_clean_values_as_replacements_in_every_form() {
    let dns = TestDns::start(&zones());
    let ns = dns.addr.to_string();
    let key = world::RSA_2048.trim();
    let args = |extra: &str| {
        let mut a = vec![
            "records",
            "hostile.test",
            "--nameserver",
            &ns,
            "--dkim-key",
            key,
        ];
        if !extra.is_empty() {
            a.push(extra);
        }
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |extra: &str| {
        let a = args(extra);
        esm(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };

    let out = run("--json");
    assert_eq!(out.status.code(), Some(0));
    let raw = shown(&out.stdout, "records --json");
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    for r in json["records"].as_array().unwrap() {
        let value = r["value"].as_str().expect("every value is known");
        assert!(is_record_text(value), "{r}");
        for s in r["strings"].as_array().into_iter().flatten() {
            assert!(is_record_text(s.as_str().unwrap()), "{r}");
        }
        if r["purpose"] != "mx" {
            // What is published holds a control character: never "keep".
            assert_eq!(r["action"], "replace", "{r}");
        }
    }
    let by = |p: &str| {
        json["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["purpose"] == p)
            .unwrap()
            .clone()
    };
    assert_eq!(
        by("spf")["value"],
        "v=spf1 ip4:192.0.2.1 include:includespf.security-mail.net -all"
    );
    assert_eq!(
        by("dmarc")["value"],
        "v=DMARC1; p=quarantine; rua=mailto:dmarc@secuserve.com"
    );
    assert_eq!(by("dkim")["value"], format!("v=DKIM1; k=rsa; p={key}"));
    let notes = by("dmarc")["notes"].clone();
    assert_eq!(notes[0]["code"], "dropped-characters", "{notes}");
    assert_eq!(
        notes[0]["terms"][1], "foo=x\nevil.hostile.test. 60 IN A 6.6.6.6",
        "{notes}"
    );

    let out = run("--zone");
    let zone = shown(&out.stdout, "records --zone");
    for line in zone.lines() {
        assert!(is_record_text(line), "{line:?}");
        assert!(
            line.starts_with("hostile.test. ")
                || line.starts_with("_dmarc.hostile.test. ")
                || line.starts_with("sec-sig-email._domainkey.hostile.test. ")
                || line.starts_with("; "),
            "a line of its own: {line}\n{zone}"
        );
    }
    assert!(!zone.contains("6.6.6.6"), "{zone}");

    for lang in ["en", "fr"] {
        let out = run(&format!("--lang={lang}"));
        let text = shown(&out.stdout, "records");
        assert!(!text.lines().any(|l| l.starts_with("evil")), "{text}");
        // The left-out tags are named, visibly.
        assert!(
            text.contains("foo=x\\u{a}evil.hostile.test. 60 IN A 6.6.6.6"),
            "{text}"
        );
        assert!(text.contains("bar=\\u{1b}[5mblink\\u{7}"), "{text}");
        assert!(text.contains("mx\\u{1b}[2J"), "{text}");
        let keep = if lang == "en" {
            "Already published"
        } else {
            "Déjà publié"
        };
        assert_eq!(text.matches(keep).count(), 2, "only the two MX: {text}");
    }
}

#[tokio::test]
async fn the_engine_names_what_it_leaves_out() {
    let dns = TestDns::start(&zones());
    let mut input = support::input("hostile.test");
    input.dkim_key = Some(esm_assistant::dkim::normalise_console_key(world::RSA_2048).unwrap());
    let resolver = esm_assistant::dns::Dns::new("hostile.test", &support::options(dns.addr))
        .await
        .unwrap();
    let (report, snap) = esm_assistant::check::run(&input, &resolver).await;
    let spf = support::get(&report, CheckId::SpfRecord);
    assert_eq!(spf.problems[0].code, "syntax");
    assert_eq!(spf.problems[0].text_arg("term"), Some("mx\u{1b}[2J"));
    let dmarc_values: Vec<(&str, &str)> = support::get(&report, CheckId::DmarcRecord)
        .problems
        .iter()
        .filter(|p| p.code == "invalid-character")
        .map(|p: &Problem| (p.text_arg("tag").unwrap(), p.text_arg("value").unwrap()))
        .collect();
    assert_eq!(
        dmarc_values,
        [
            ("rua", "https://r.example/\u{1b}[2J"),
            ("foo", "x\nevil.hostile.test. 60 IN A 6.6.6.6"),
            ("bar", "\u{1b}[5mblink\u{7}"),
            ("baz", "\u{202e}gnp.exe\u{7f}\u{9b}"),
        ]
    );
    let publication = records::plan(&input, &snap);
    for r in &publication.records {
        assert!(r.value.as_deref().is_some_and(is_record_text), "{r:?}");
        if r.purpose != Purpose::Mx {
            assert_eq!(r.action, Action::Replace, "{r:?}");
            assert!(r.replaces.iter().all(|t| has_hidden(t)), "{r:?}");
        }
    }
    let spf_notes = &publication
        .records
        .iter()
        .find(|r| r.purpose == Purpose::Spf)
        .unwrap()
        .notes;
    assert!(
        spf_notes.iter().any(|n| n.code == "dropped-terms"),
        "{spf_notes:?}"
    );
}

#[tokio::test]
async fn the_checklist_shows_text_from_dns_visibly() {
    use esm_assistant::checklist::{self, ChecklistInput, Paper};
    use esm_assistant::localize::Lang;
    let dns = TestDns::start(&zones());
    let input = support::input("hostile.test");
    let resolver = esm_assistant::dns::Dns::new("hostile.test", &support::options(dns.addr))
        .await
        .unwrap();
    let (report, snap) = esm_assistant::check::run(&input, &resolver).await;
    let publication = records::plan(&input, &snap);
    let done = std::collections::BTreeSet::new();
    for lang in Lang::ALL {
        let pdf = checklist::export(&ChecklistInput {
            domain: &input.domain,
            report: &report,
            content: esm_assistant::content::Input {
                domain: Some(&input.domain),
                platform: esm_assistant::platform::Platform::Microsoft365,
                lang,
                provider: &input.provider,
                report: Some(&report),
                publication: Some(&publication),
                destination: None,
                done: &done,
                ticked: &std::collections::BTreeSet::new(),
                existing_dkim: None,
                checked_at: Some(chrono::Local::now()),
                lockdown: esm_assistant::content::LockdownInput::none(),
                tests: esm_assistant::content::TestInput::none(),
                today: chrono::Local::now().date_naive(),
            },
            generated_at: chrono::Local::now(),
            paper: Paper::A4,
        })
        .expect("PDF");
        let doc = lopdf::Document::load_mem(&pdf).expect("a PDF lopdf can read");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).expect("text");
        // The extractor ends lines with "\n"; nothing else may be hidden.
        let hidden: Vec<char> = text
            .chars()
            .filter(|c| *c != '\n' && is_hidden(*c))
            .collect();
        assert!(hidden.is_empty(), "{lang:?}: {hidden:?}\n{text}");
        let flat = text.replace(" \n", "").replace('\n', "");
        assert!(flat.contains("mx\\u{1b}[2J"), "{lang:?}: {text}");
        assert!(flat.contains("\\u{1b}[5mblink\\u{7}"), "{lang:?}: {text}");
    }
}

mod properties {
    //! For random DNS text (any bytes, control sequences, line breaks,
    //! bidirectional marks, mixed with real terms) in the SPF, DMARC and
    //! DKIM records: no proposed value, no zone line and no line of the
    //! command line's text output carries a hidden character. The text
    //! goes through the functions the command line uses, before its last
    //! output pass, so that pass is not what makes this hold.

    use std::collections::HashMap;

    use esm_assistant::check::{self, CheckInput, Snapshot};
    use esm_assistant::cli::{CommonArgs, text};
    use esm_assistant::dkim::{looks_like_dkim, normalise_console_key};
    use esm_assistant::dmarc::is_dmarc;
    use esm_assistant::dns::{Answer, QType, Rec};
    use esm_assistant::localize::Lang;
    use esm_assistant::records;
    use esm_assistant::render;
    use esm_assistant::safe_text::{has_hidden, is_record_text};
    use esm_assistant::spf::SpfTree;
    use esm_assistant::spf::{is_spf, unquote_spf};
    use proptest::prelude::*;

    use super::support::{self, world};

    /// One piece of hostile or ordinary record text, as bytes.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        let known = prop_oneof![
            Just("\u{1b}[2J"),
            Just("\u{1b}]0;title\u{7}"),
            Just("\n"),
            Just("\r\n"),
            Just("\t"),
            Just("\0"),
            Just("\u{7f}"),
            Just("\u{9b}"),
            Just("\u{85}"),
            Just("\u{202e}"),
            Just("\u{2066}"),
            Just("\u{2028}"),
            Just("\u{200f}"),
            Just("\"\\"),
            Just("évil.example"),
            Just("evil.example. 60 IN A 6.6.6.6"),
            Just("mx"),
            Just("a"),
            Just("-all"),
            Just("~all"),
            Just("ip4:192.0.2.1"),
            Just("include:_spf.example.com"),
            Just("include:includespf.security-mail.net"),
            Just("redirect=_spf.example.com"),
            Just("p=reject"),
            Just("sp=none"),
            Just("rua=mailto:a@example.com"),
            Just("ruf=mailto:f@example.com"),
            Just("https://r.example/"),
            Just("mailto:dmarc@secuserve.com"),
            Just("foo="),
            Just("pct=50"),
            Just("k=rsa"),
            Just("n="),
            Just("t=y"),
        ]
        .prop_map(|s| s.as_bytes().to_vec());
        prop_oneof![
            4 => known,
            1 => proptest::collection::vec(any::<u8>(), 0..6),
            1 => "\\PC{0,4}".prop_map(String::into_bytes),
            1 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
        ]
    }

    fn separator() -> impl Strategy<Value = &'static [u8]> {
        prop_oneof![
            Just(&b" "[..]),
            Just(&b"; "[..]),
            Just(&b";"[..]),
            Just(&b","[..]),
            Just(&b""[..])
        ]
    }

    /// A record's text: its version tag, then pieces.
    fn record(start: &'static str) -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec((piece(), separator()), 0..10).prop_map(move |parts| {
            let mut text = start.as_bytes().to_vec();
            for (p, sep) in parts {
                text.extend_from_slice(&p);
                text.extend_from_slice(sep);
            }
            text
        })
    }

    fn txt(texts: &[Vec<u8>]) -> Answer {
        Answer::Records(
            texts
                .iter()
                .map(|t| Rec::Txt(t.chunks(255).map(<[u8]>::to_vec).collect()))
                .collect(),
        )
    }

    fn snapshot(input: &CheckInput, spf: &[Vec<u8>], dmarc: &[u8], dkim: &[u8]) -> Snapshot {
        let domain = input.domain.ascii().to_string();
        let answers = HashMap::from([
            ((domain.clone(), QType::Txt), txt(spf)),
            (
                (domain.clone(), QType::Mx),
                Answer::Records(vec![
                    Rec::Mx(10, "france.security-mail.net".into()),
                    Rec::Mx(5, "mx1.oldhost.test".into()),
                ]),
            ),
            ((input.dmarc_name(), QType::Txt), txt(&[dmarc.to_vec()])),
            ((input.dkim_name(), QType::Txt), txt(&[dkim.to_vec()])),
            (
                ("includespf.security-mail.net".to_string(), QType::Txt),
                txt(&[b"v=spf1 ip4:198.51.100.0/24 -all".to_vec()]),
            ),
        ]);
        Snapshot {
            mta_sts: None,
            answers: SpfTree::from_answers(answers),
            authoritative: false,
        }
    }

    fn no_hidden_line(what: &str, text: &str) -> Result<(), TestCaseError> {
        for line in text.split('\n') {
            prop_assert!(!has_hidden(line), "{what}: {line:?}");
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn nothing_from_dns_reaches_a_proposed_value_a_zone_line_or_the_cli_raw(
            spf in proptest::collection::vec(record("v=spf1 "), 1..3),
            dmarc in record("v=DMARC1; p=none; "),
            dkim in record("v=DKIM1; "),
            with_key in any::<bool>(),
            french in any::<bool>(),
        ) {
            let mut input = support::input("example.test");
            if with_key {
                input.dkim_key = normalise_console_key(world::RSA_2048).ok();
            }
            // The DKIM record holds the console's key, so that only what
            // surrounds it can stop the record from being kept as it is.
            let mut dkim = dkim;
            dkim.extend_from_slice(format!("; p={}", world::RSA_2048.trim()).as_bytes());
            let snap = snapshot(&input, &spf, &dmarc, &dkim);
            let report = check::evaluate(&input, &snap);
            let publication = records::plan(&input, &snap);

            let lossy = |b: &Vec<u8>| String::from_utf8_lossy(b).into_owned();
            for r in &publication.records {
                if let Some(value) = &r.value {
                    prop_assert!(is_record_text(value), "{value:?}");
                }
                for s in &r.strings {
                    prop_assert!(is_record_text(s), "{s:?}");
                }
                // What is published holds a hidden character: never kept.
                let published: Vec<String> = match r.purpose {
                    records::Purpose::Spf => spf
                        .iter()
                        .map(lossy)
                        .filter(|t| is_spf(t) || unquote_spf(t).is_some())
                        .collect(),
                    records::Purpose::Dmarc => {
                        [lossy(&dmarc)].into_iter().filter(|t| is_dmarc(t)).collect()
                    }
                    records::Purpose::Dkim => {
                        [lossy(&dkim)].into_iter().filter(|t| looks_like_dkim(t)).collect()
                    }
                    records::Purpose::Mx | records::Purpose::MtaSts => Vec::new(),
                };
                if published.iter().any(|t| has_hidden(t)) {
                    prop_assert_ne!(r.action, records::Action::Keep, "{:?}", r);
                }
            }
            for line in publication.to_zone(esm_assistant::localize::Lang::En).lines() {
                prop_assert!(is_record_text(line), "zone: {line:?}");
            }

            let lang = if french { Lang::Fr } else { Lang::En };
            let common = CommonArgs { nameservers: Vec::new(), lang: None, provider: None };
            no_hidden_line("check", &text::report(lang, &report, &common, false))?;
            no_hidden_line("records", &render::records_text(lang, &publication, &input.provider))?;
        }
    }
}

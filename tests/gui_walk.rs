//! Every step of the window, in both languages and for every platform,
//! drawn headless against a real DNS server on 127.0.0.1: no message is
//! left with an unfilled placeable, no message id is shown instead of its
//! words, and no step is nameless.

#[path = "gui_support/mod.rs"]
mod gui_support;
mod support;

use std::path::{Path, PathBuf};

use esm_assistant::dns::ResolverChoice;
use esm_assistant::gui::{self, App, Message, Options, Step};
use esm_assistant::localize::Lang;
use esm_assistant::platform::Platform;
use esm_assistant::provider::Provider;
use gui_support::{send, settle, texts};
use support::dns_server::TestDns;
use support::world;

fn options(dns: std::net::SocketAddr, lang: Lang, dir: &Path) -> Options {
    let mut options = Options::new(ResolverChoice::Servers(vec![dns]), Provider::esm());
    options.lang = Some(lang);
    options.config_dir = Some(dir.to_path_buf());
    options.memory_clipboard = true;
    options.export_dir = Some(dir.join("exports"));
    options
}

fn config_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esm-walk-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What is wrong with one text drawn, if anything.
fn fault(text: &str) -> Option<&'static str> {
    if text.contains("{$") || text.contains("{ $") {
        return Some("unfilled placeable");
    }
    if text.contains('\u{2068}') || text.contains('\u{2069}') {
        return Some("bidi isolation marks");
    }
    let word = text.trim();
    let id_like = word.matches('-').count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if id_like {
        return Some("a message id instead of its words");
    }
    None
}

async fn walk(domain: &str, platform: Platform, lang: Lang, dns: &TestDns) -> Vec<String> {
    let dir = config_dir(&format!("{domain}-{}-{lang:?}", platform.id()));
    let (mut app, task) = App::new(options(dns.addr, lang, &dir));
    settle(&mut app, task).await;
    send(&mut app, Message::PlatformSelected(platform)).await;
    send(&mut app, Message::DomainChanged(domain.to_string())).await;
    send(&mut app, Message::CheckNow).await;
    let mut errors = Vec::new();
    // Every step, then "Test with a real message" over the summary.
    let pages = Step::ALL
        .into_iter()
        .map(|s| (s, false))
        .chain([(Step::Summary, true)]);
    for (step, testmail) in pages {
        send(&mut app, Message::GoTo(step)).await;
        if testmail {
            send(
                &mut app,
                Message::TestMail(gui::testmail_page::Message::Open),
            )
            .await;
        }
        let shown = texts(&app);
        let page = if testmail { "testmail" } else { step.id() };
        let what = format!("{domain} {} {lang:?} {page}", platform.id());
        assert!(shown.len() > 5, "{what}: almost nothing drawn: {shown:?}");
        for text in &shown {
            if let Some(fault) = fault(text) {
                errors.push(format!("{what}: {fault}: {text:?}"));
            }
        }
        // Every step is named in the step list: "3. SPF".
        for listed in Step::ALL {
            let prefix = format!("{}. ", listed.number());
            let named = shown.iter().any(|t| {
                t.strip_prefix(&prefix)
                    .is_some_and(|n| !n.trim().is_empty())
            });
            if !named {
                errors.push(format!("{what}: step {} has no name", listed.id()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    errors
}

#[tokio::test]
async fn every_step_in_both_languages_and_every_platform_is_fully_worded() {
    let dns = TestDns::start(&world::zones());
    let mut errors = Vec::new();
    // A domain where all is well, and one where much is wrong: the second
    // draws problems and fixes.
    for domain in ["good.test", "broken.test"] {
        for platform in Platform::ALL {
            for lang in [Lang::En, Lang::Fr] {
                errors.extend(walk(domain, platform, lang, &dns).await);
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_walk_sees_what_it_looks_for() {
    assert_eq!(fault("Hello { $name }"), Some("unfilled placeable"));
    assert_eq!(
        fault("lockdown-format-label"),
        Some("a message id instead of its words")
    );
    assert_eq!(fault("v=spf1 include:spf.example -all"), None);
    assert_eq!(fault("e-securemail"), None);
}

//! "Publish for me" in the window, headless: the domain's DNS host (Gandi,
//! found from its NS records) played on 127.0.0.1 from its public API
//! documentation, feeding the in-process DNS server; the change shown as a
//! before and after, applied once confirmed, read back by the window's own
//! check, undone from the journal; a refused credential told in words. The
//! credential never shows in the window, the progress file or the journal.

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use esm_assistant::check::{CheckId, Status};
use esm_assistant::dns::ResolverChoice;
use esm_assistant::fl;
use esm_assistant::gui::publish_part::Message as Part;
use esm_assistant::gui::{self, App, Message, Options, Step};
use esm_assistant::localize::Lang;
use esm_assistant::provider::Provider;
use futures::StreamExt;
use iced::Task;
use iced_test::Simulator;
use iced_test::runtime::task::into_stream;
use iced_test::selector::Candidate;
use support::dns_server::{TestDns, zone};
use support::host_api::{Api, FakeHost};
use support::world::{gateway_zone, mailhost_zone, tld_zone};

/// A credential nothing may ever show or keep.
const TOKEN: &str = "pat-ESM-FAKE-SECRET-5b7e2d90";
const SPF: &str = "\"v=spf1 include:_spf.mailhost.test -all\"";
const VERIFICATION: &str = "\"google-site-verification=abc\"";

fn others() -> Vec<String> {
    // gandi.net answers for the name server the domain delegates to.
    vec![
        tld_zone(),
        gateway_zone(),
        mailhost_zone(),
        zone("gandi.net", "ns-1 IN A 127.0.0.1\n"),
        zone("ovh.net", "dns200 IN A 127.0.0.1\n"),
    ]
}

struct World {
    dns: Arc<TestDns>,
    host: FakeHost,
    data: tempfile::TempDir,
    config: tempfile::TempDir,
}

/// `domain` at a played Gandi, delegated to one of Gandi's name servers.
fn world(domain: &str) -> World {
    world_at(Api::Gandi, TOKEN, domain, "ns-1.gandi.net.")
}

fn world_at(api: Api, token: &str, domain: &str, ns: &str) -> World {
    let mut zones = others();
    zones.push(zone(domain, ""));
    let dns = Arc::new(TestDns::start(&zones));
    let host = FakeHost::start(
        api,
        token,
        domain,
        &[
            ("@", "NS", &[ns]),
            ("@", "TXT", &[SPF, VERIFICATION]),
            ("@", "MX", &["10 mx.mailhost.test."]),
        ],
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
    fn options(&self, lang: Lang) -> Options {
        let mut options = Options::new(
            ResolverChoice::Servers(vec![self.dns.addr]),
            Provider::esm(),
        );
        options.lang = Some(lang);
        options.config_dir = Some(self.config.path().to_path_buf());
        options.memory_clipboard = true;
        options.api_base = Some(self.host.base());
        options.memory_keychain = true;
        options.data_dir = Some(self.data.path().to_path_buf());
        options
    }

    /// No file the window wrote holds the credential.
    fn assert_no_secret_in_files(&self) {
        for dir in [self.data.path(), self.config.path()] {
            for file in files_in(dir) {
                let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
                assert!(
                    !text.contains(TOKEN),
                    "{} holds the credential",
                    file.display()
                );
            }
        }
    }

    fn journal(&self) -> String {
        std::fs::read_to_string(self.data.path().join("publish-journal.jsonl")).unwrap_or_default()
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

async fn settle(app: &mut App, task: Task<Message>) {
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(mut stream) = into_stream(task) else {
            continue;
        };
        while let Ok(Some(action)) =
            tokio::time::timeout(Duration::from_secs(15), stream.next()).await
        {
            if let iced_test::runtime::Action::Output(message) = action {
                pending.push(app.update(message));
            }
        }
    }
}

async fn send(app: &mut App, message: Message) {
    let task = app.update(message);
    settle(app, task).await;
}

async fn part(app: &mut App, message: Part) {
    send(app, Message::Publish(message)).await;
}

/// Every text the window draws now, joined by lines.
fn texts(app: &App) -> String {
    let mut sim = Simulator::with_size(
        iced::Settings {
            fonts: gui::fonts(),
            default_font: gui::DEFAULT_FONT,
            ..iced::Settings::default()
        },
        (1280.0, 6000.0),
        app.view(),
    );
    let mut all = Vec::new();
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Text { content, .. } = c {
            all.push(content.replace('\u{2060}', ""));
        }
        None::<()>
    });
    all.join("\n")
}

/// The window on the SPF step of `domain`, the part open, `token` typed.
async fn spf_step(w: &World, domain: &str, lang: Lang, token: &str) -> App {
    let (mut app, task) = App::new(w.options(lang));
    settle(&mut app, task).await;
    send(&mut app, Message::DomainChanged(domain.into())).await;
    send(&mut app, Message::GoTo(Step::Spf)).await;
    send(&mut app, Message::CheckNow).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(lang, "gui-publish-open", host = "Gandi")),
        "{shown}"
    );
    part(&mut app, Part::Toggle).await;
    part(&mut app, Part::FieldChanged(0, token.into())).await;
    app
}

fn spf_status(app: &App) -> Option<Status> {
    app.report()?.get(CheckId::SpfGateway).map(|c| c.status)
}

#[tokio::test]
async fn the_change_is_shown_applied_read_back_and_undone() {
    let domain = "window-pub.test";
    let w = world(domain);
    let mut app = spf_step(&w, domain, Lang::En, TOKEN).await;
    assert_ne!(spf_status(&app), Some(Status::Pass));

    part(&mut app, Part::ShowChange).await;
    let shown = texts(&app);
    assert!(shown.contains(&format!("Replace {domain} TXT")), "{shown}");
    // Merged: the old SPF goes, the new one keeps its include and adds the
    // gateway's; the other TXT value at the apex is left as it is.
    assert!(
        shown.contains("- v=spf1 include:_spf.mailhost.test -all"),
        "{shown}"
    );
    assert!(shown.contains("= google-site-verification=abc"), "{shown}");
    let added = shown
        .lines()
        .find(|l| l.trim_start().starts_with("+ v=spf1"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(
        added.contains("include:includespf.security-mail.net"),
        "{added}"
    );
    assert!(added.contains("include:_spf.mailhost.test"), "{added}");
    assert_eq!(w.host.writes(), 0, "nothing is written before confirmation");

    // "Apply" only asks; nothing is written until the admin says yes.
    part(&mut app, Part::Apply).await;
    assert!(texts(&app).contains(&fl!(Lang::En, "gui-publish-confirm", host = "Gandi")));
    assert_eq!(w.host.writes(), 0);
    part(&mut app, Part::Confirm(true)).await;

    let values = w.host.values("@", "TXT");
    assert!(
        values
            .iter()
            .any(|v| v.contains("includespf.security-mail.net")),
        "{values:?}"
    );
    assert!(values.iter().any(|v| v == VERIFICATION), "{values:?}");
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::En, "publish-done", host = "Gandi")),
        "{shown}"
    );
    assert!(shown.contains(&format!("written: {domain} TXT")), "{shown}");
    // Read back by the window's own check: the step turns green.
    assert_eq!(spf_status(&app), Some(Status::Pass));
    assert!(w.journal().contains("includespf.security-mail.net"));

    part(&mut app, Part::Undo).await;
    let values = w.host.values("@", "TXT");
    assert!(values.iter().any(|v| v == SPF), "{values:?}");
    assert!(
        !values
            .iter()
            .any(|v| v.contains("includespf.security-mail.net")),
        "{values:?}"
    );
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::En, "publish-undo-done")),
        "{shown}"
    );
    assert_ne!(spf_status(&app), Some(Status::Pass));

    assert!(!shown.contains(TOKEN));
    assert!(!w.journal().contains(TOKEN));
    w.assert_no_secret_in_files();
}

#[tokio::test]
async fn a_refused_credential_is_told_in_words_in_both_languages() {
    for (lang, domain) in [(Lang::En, "refused-en.test"), (Lang::Fr, "refused-fr.test")] {
        let w = world(domain);
        let wrong = "pat-WRONG-FAKE-SECRET-0c1d";
        let mut app = spf_step(&w, domain, lang, wrong).await;
        part(&mut app, Part::ShowChange).await;
        part(&mut app, Part::Apply).await;
        part(&mut app, Part::Confirm(true)).await;
        let shown = texts(&app);
        assert!(
            shown.contains(&fl!(lang, "publish-error-refused")),
            "{shown}"
        );
        assert!(
            shown.contains(&fl!(lang, "publish-nothing-written")),
            "{shown}"
        );
        assert_eq!(w.host.writes(), 0);
        let values = w.host.values("@", "TXT");
        assert!(values.iter().any(|v| v == SPF), "{values:?}");
        assert!(!shown.contains(wrong), "{shown}");
        // The right credential, tried next, is not kept anywhere either.
        part(&mut app, Part::FieldChanged(0, TOKEN.into())).await;
        let shown = texts(&app);
        assert!(!shown.contains(TOKEN) && !shown.contains(wrong));
        for file in files_in(w.data.path())
            .iter()
            .chain(&files_in(w.config.path()))
        {
            let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
            assert!(
                !text.contains(wrong),
                "{} holds the credential",
                file.display()
            );
        }
        w.assert_no_secret_in_files();
    }
}

/// OVHcloud's application key (not a secret), secret, and the consumer
/// key the played API hands out.
const OVH_APPLICATION_KEY: &str = "7kbG7Bk7S9Nt7ZSV";
const OVH_SECRET: &str = "ovh-SECRET-FAKE-4c2e8b1a";
const OVH_FRESH_KEY: &str = "ck-FRESH-FAKE-KEY-0123456789";

#[tokio::test]
async fn an_ovhcloud_consumer_key_is_asked_for_and_its_page_shown() {
    let domain = "window-ovh.test";
    let keys = format!("{OVH_APPLICATION_KEY}|{OVH_SECRET}|{OVH_FRESH_KEY}");
    let w = world_at(Api::Ovh, &keys, domain, "dns200.ovh.net.");
    let (mut app, task) = App::new(w.options(Lang::Fr));
    settle(&mut app, task).await;
    send(&mut app, Message::DomainChanged(domain.into())).await;
    send(&mut app, Message::GoTo(Step::Spf)).await;
    send(&mut app, Message::CheckNow).await;
    part(&mut app, Part::Toggle).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::Fr, "gui-publish-field-application-secret")),
        "{shown}"
    );
    // Without the application's key and secret, the admin is told so.
    part(&mut app, Part::RequestConsumerKey).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::Fr, "gui-publish-consumer-key-needs-application")),
        "{shown}"
    );
    part(&mut app, Part::FieldChanged(0, OVH_APPLICATION_KEY.into())).await;
    part(&mut app, Part::FieldChanged(1, OVH_SECRET.into())).await;
    part(&mut app, Part::RequestConsumerKey).await;
    let shown = texts(&app);
    assert!(
        shown.contains("https://eu.api.ovh.com/auth/?credentialToken=fIDK6KCVHfEMuSTP3LV84D3C"),
        "{shown}"
    );
    // The page can be opened in the browser from there (not pressed here:
    // a test opens no browser).
    assert!(
        shown.contains(&fl!(Lang::Fr, "gui-publish-open-page")),
        "{shown}"
    );
    assert!(
        !shown.contains(OVH_FRESH_KEY) && !shown.contains(OVH_SECRET),
        "{shown}"
    );
    // The key handed out is the one used: the change goes through with it.
    part(&mut app, Part::ShowChange).await;
    part(&mut app, Part::Apply).await;
    part(&mut app, Part::Confirm(true)).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::Fr, "publish-done", host = "OVHcloud")),
        "{shown}"
    );
    let values = w.host.values("@", "TXT");
    assert!(
        values
            .iter()
            .any(|v| v.contains("includespf.security-mail.net")),
        "{values:?}"
    );
    for file in files_in(w.data.path())
        .iter()
        .chain(&files_in(w.config.path()))
    {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        assert!(
            !text.contains(OVH_FRESH_KEY) && !text.contains(OVH_SECRET),
            "{}",
            file.display()
        );
    }
}

#[tokio::test]
async fn the_hosts_failures_are_told_in_words() {
    let domain = "window-fail.test";
    let w = world(domain);
    let mut app = spf_step(&w, domain, Lang::Fr, TOKEN).await;
    let mut limited = support::host_api::Failure::status(429);
    limited.retry_after = Some(30);
    for (failure, said) in [
        (
            support::host_api::Failure::status(503),
            fl!(Lang::Fr, "publish-error-server", status = "503"),
        ),
        (
            limited,
            fl!(Lang::Fr, "publish-error-rate-limited-wait", seconds = "30"),
        ),
        (
            support::host_api::Failure::status(403),
            fl!(Lang::Fr, "publish-error-forbidden"),
        ),
    ] {
        let before = w.host.writes();
        w.host.state.lock().unwrap().fail_write = Some((before + 1, failure));
        part(&mut app, Part::ShowChange).await;
        part(&mut app, Part::Apply).await;
        part(&mut app, Part::Confirm(true)).await;
        let shown = texts(&app);
        assert!(shown.contains(&said), "{said} not in {shown}");
        assert!(
            shown.contains(&fl!(Lang::Fr, "publish-stopped", host = "Gandi")),
            "{shown}"
        );
        assert!(w.host.values("@", "TXT").iter().any(|v| v == SPF));
        assert!(!shown.contains(TOKEN));
    }
    w.assert_no_secret_in_files();
}

#[tokio::test]
async fn the_mx_switch_is_refused_in_words_until_the_other_steps_are_green() {
    let domain = "window-mx.test";
    let w = world(domain);
    let mut app = spf_step(&w, domain, Lang::En, TOKEN).await;
    send(&mut app, Message::GoTo(Step::Mx)).await;
    part(&mut app, Part::ShowChange).await;
    let shown = texts(&app);
    let refusal = fl!(Lang::En, "gui-publish-mx-not-ready", steps = "STEPS");
    let head = refusal.split("STEPS").next().unwrap();
    assert!(shown.contains(head), "{head} not in {shown}");
    assert!(
        !shown.contains(&fl!(Lang::En, "gui-publish-apply")),
        "{shown}"
    );
    assert_eq!(w.host.writes(), 0);
    assert_eq!(w.host.values("@", "MX"), ["10 mx.mailhost.test."]);
}

#[tokio::test]
async fn remembered_credentials_are_used_then_forgotten() {
    let domain = "window-keychain.test";
    let w = world(domain);
    let mut app = spf_step(&w, domain, Lang::Fr, TOKEN).await;
    part(&mut app, Part::RememberToggled(true)).await;
    part(&mut app, Part::ShowChange).await;
    part(&mut app, Part::Apply).await;
    part(&mut app, Part::Confirm(true)).await;
    assert_eq!(w.host.writes(), 1);
    // The field emptied, the keychain gives the token: undo goes through.
    part(&mut app, Part::FieldChanged(0, String::new())).await;
    part(&mut app, Part::Undo).await;
    assert!(w.host.values("@", "TXT").iter().any(|v| v == SPF));
    part(&mut app, Part::Forget).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::Fr, "publish-forgotten", host = "Gandi")),
        "{shown}"
    );
    part(&mut app, Part::Forget).await;
    assert!(texts(&app).contains(&fl!(Lang::Fr, "publish-forgotten-none", host = "Gandi")));
    // Forgotten: without the field, nothing can be sent any more.
    part(&mut app, Part::ShowChange).await;
    part(&mut app, Part::Apply).await;
    part(&mut app, Part::Confirm(true)).await;
    let shown = texts(&app);
    assert!(
        shown.contains(&fl!(Lang::Fr, "gui-publish-missing", host = "Gandi")),
        "{shown}"
    );
    assert!(!shown.contains(TOKEN));
    w.assert_no_secret_in_files();
}

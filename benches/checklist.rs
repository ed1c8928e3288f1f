//! How long exporting a full checklist takes (the PDF only, the checks
//! being done). Run with `cargo bench --bench checklist`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/world.rs"]
mod world;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use esm_assistant::check::{self, CheckInput, Destination};
use esm_assistant::checklist::{self, ChecklistInput, Paper};
use esm_assistant::content;
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::localize::Lang;
use esm_assistant::lockdown::firewall::Format;
use esm_assistant::lockdown::{GatewayRanges, Source};
use esm_assistant::platform::Platform;
use esm_assistant::provider::Provider;
use esm_assistant::records;
use esm_assistant::step::Step;

const RUNS: usize = 20;

fn main() {
    let server = dns_server::TestDns::start(&world::zones());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut input = CheckInput::new(
        DomainName::parse("broken.test").expect("domain"),
        Provider::esm(),
    );
    input.destination = Some(Destination::parse("mail.broken.test").expect("destination"));
    input.dkim_key = Some(normalise_console_key(world::RSA_2048).expect("key"));
    let options = DnsOptions {
        resolver: ResolverChoice::Servers(vec![server.addr]),
        ..DnsOptions::default()
    };
    let (report, snap) = runtime.block_on(async {
        let dns = Dns::new(input.domain.ascii(), &options)
            .await
            .expect("resolver");
        check::run(&input, &dns).await
    });
    let publication = records::plan(&input, &snap);
    let done: BTreeSet<Step> = [Step::Lockdown].into();
    let ticked: BTreeSet<String> = BTreeSet::new();
    // The lock-down section with everything the window can give it.
    let ranges = GatewayRanges::new(
        &["198.51.100.0/24".parse().expect("range")],
        Source::Spf {
            include: "includespf.security-mail.net".into(),
        },
    )
    .expect("ranges");
    let smart_host = DomainName::parse_host("relay.example.net").expect("smart host");
    for lang in [Lang::Fr, Lang::En] {
        let mut times: Vec<Duration> = Vec::new();
        let mut size = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let pdf = checklist::export(&ChecklistInput {
                domain: &input.domain,
                report: &report,
                content: content::Input {
                    domain: Some(&input.domain),
                    platform: Platform::Microsoft365,
                    lang,
                    provider: &input.provider,
                    report: Some(&report),
                    publication: Some(&publication),
                    destination: Some("mail.broken.test".into()),
                    done: &done,
                    ticked: &ticked,
                    existing_dkim: Some(&[]),
                    checked_at: Some(chrono::Local::now()),
                    lockdown: content::LockdownInput {
                        ranges: Some(&ranges),
                        smart_host: Some(&smart_host),
                        arc: true,
                        format: Format::Nftables,
                    },
                    tests: esm_assistant::content::TestInput::none(),
                    today: chrono::Local::now().date_naive(),
                },
                generated_at: chrono::Local::now(),
                paper: Paper::A4,
            })
            .expect("PDF");
            times.push(started.elapsed());
            size = pdf.len();
        }
        times.sort();
        println!(
            "checklist export ({lang:?}, {size} bytes): median {:.1} ms, max {:.1} ms over {RUNS} runs",
            times[RUNS / 2].as_secs_f64() * 1000.0,
            times[RUNS - 1].as_secs_f64() * 1000.0,
        );
    }
}

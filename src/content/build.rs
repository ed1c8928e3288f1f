//! The words of each step, composed here and nowhere else.

use crate::check::{CheckId, Status};
use crate::dnshost::Shown;
use crate::fl;
use crate::localize::{Lang, text};
use crate::platform::Platform;
use crate::records::{Action, Purpose};
use crate::render;
use crate::step::{Step, Wait};

use super::{
    ActionItem, CheckContent, DeleteLine, Fact, Field, Input, ProblemText, RecordCard, StepContent,
    Tick,
};

pub(super) fn step(input: &Input, step: Step) -> StepContent {
    let lang = input.lang;
    let state = step.state(input.report, input.done);
    let title = match step {
        Step::Start => fl!(lang, "gui-start-title"),
        Step::Summary => fl!(lang, "gui-summary-title"),
        _ => step_name(lang, step),
    };
    let mut c = StepContent::new(step, title, state);
    c.waiting = state.waiting.map(|wait| match wait {
        Wait::Step(other) => render::wait_for_step(lang, other),
        Wait::Confirmation => fl!(lang, "pdf-wait-confirmation"),
    });
    c.checks = checks(input, step.checks());
    match step {
        Step::Start => c.explanation.push(fl!(lang, "gui-start-intro")),
        Step::Destination => destination(input, &mut c),
        Step::Spf => spf(input, &mut c),
        Step::Dkim => dkim(input, &mut c),
        Step::Dmarc => dmarc(input, &mut c),
        Step::Mx => mx(input, &mut c),
        Step::Lockdown => super::lockdown::step(input, &mut c),
        Step::Summary => summary(input, &mut c),
    }
    c
}

/// The step's name as the step list shows it.
pub fn step_name(lang: Lang, step: Step) -> String {
    text(lang, &format!("step-{}", step.id()), &[]).unwrap_or_default()
}

/// The worst status of `checks` in the report.
fn worst(input: &Input, checks: &[CheckId]) -> Option<Status> {
    let report = input.report?;
    Status::worst(
        checks
            .iter()
            .filter_map(|id| report.get(*id).map(|c| c.status)),
    )
}

/// "verified at 14:02" or "ticked by hand", when ticked.
fn ticked_note(input: &Input, action: &ActionItem) -> Option<String> {
    let lang = input.lang;
    if !action.is_ticked() {
        return None;
    }
    if let Some(p) = &action.decisive_proof() {
        let time = super::testmail::when(input, p.at);
        return Some(if p.by_tenant {
            fl!(lang, "content-proven-tenant", time = time)
        } else {
            fl!(lang, "content-proven-at", time = time)
        });
    }
    Some(match &action.tick {
        Tick::Verified { at: Some(at), .. } => {
            fl!(
                lang,
                "content-verified-at",
                time = at.format("%H:%M").to_string()
            )
        }
        Tick::Verified { at: None, .. } => fl!(lang, "content-verified"),
        Tick::ByHand { .. } => fl!(lang, "content-ticked-by-hand"),
    })
}

/// An action DNS verifies through `checks`.
pub(super) fn verified(
    input: &Input,
    id: &'static str,
    text: String,
    checks: &'static [CheckId],
) -> ActionItem {
    let mut a = ActionItem {
        id,
        text,
        tick: Tick::Verified {
            checks,
            status: worst(input, checks),
            at: input.checked_at,
        },
        confirms_step: false,
        ticked_note: None,
        proof: None,
        proof_note: None,
    };
    a.ticked_note = ticked_note(input, &a);
    a
}

/// An action only the admin can tick; those of a step done by hand are
/// ticked with it.
pub(super) fn by_hand(input: &Input, step: Step, id: &'static str, text: String) -> ActionItem {
    let ticked = input.ticked.contains(id)
        || (step.is_manual() && step.state(input.report, input.done).status == Some(Status::Pass));
    let mut a = ActionItem {
        id,
        text,
        tick: Tick::ByHand { ticked },
        confirms_step: false,
        ticked_note: None,
        proof: super::testmail::judge(input, id),
        proof_note: None,
    };
    a.proof_note = super::testmail::proof_note(input, &a);
    a.ticked_note = ticked_note(input, &a);
    a
}

/// The checks, those not made yet included (without a status).
fn checks(input: &Input, ids: &[CheckId]) -> Vec<CheckContent> {
    ids.iter()
        .map(|id| {
            let step = Step::ALL
                .into_iter()
                .find(|s| s.checks().contains(id))
                .unwrap_or_default();
            check_content(input.lang, *id, step, input.report.and_then(|r| r.get(*id)))
        })
        .collect()
}

/// One check in words; without a result, its title only.
pub(super) fn check_content(
    lang: Lang,
    id: CheckId,
    step: Step,
    result: Option<&crate::check::CheckResult>,
) -> CheckContent {
    CheckContent {
        id,
        step,
        title: render::check_title(lang, id),
        status: result.map(|r| r.status),
        details: result.and_then(|r| render::details(lang, r)),
        problems: result
            .map(|r| {
                r.problems
                    .iter()
                    .map(|p| ProblemText {
                        severity: p.severity,
                        message: render::problem_message(lang, r.id, p),
                        fix: render::problem_fix(lang, r.id, p),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The name servers the check found, and the DNS host they name when it
/// is a known one.
fn dns_host(input: &Input) -> (Vec<String>, Option<crate::dnshost::Identified>) {
    let servers = input
        .report
        .map(crate::dnshost::name_servers_in)
        .unwrap_or_default();
    let host = crate::dnshost::identify(&servers);
    (servers, host)
}

/// Where to type a record: the DNS host named from the NS records when
/// known, with its panel's own menu path and direct link when its guide
/// gives them.
fn dns_where(input: &Input, rtype: &str) -> Vec<String> {
    let lang = input.lang;
    let (servers, host) = dns_host(input);
    let Some(host) = host else {
        return vec![if servers.is_empty() {
            fl!(lang, "gui-dns-where", rtype = rtype)
        } else {
            fl!(
                lang,
                "gui-dns-where-servers",
                servers = servers.join(", "),
                rtype = rtype
            )
        }];
    };
    let guide = host.guide();
    let mut lines = vec![match guide.and_then(|g| g.where_to_go.as_ref()) {
        Some(path) => fl!(
            lang,
            "gui-dns-where-guide",
            host = host.name,
            rtype = rtype,
            path = path.get(lang)
        ),
        None => fl!(lang, "gui-dns-where-host", host = host.name, rtype = rtype),
    }];
    if let Some(link) = guide.and_then(|g| g.deep_link.as_ref()) {
        lines.push(fl!(
            lang,
            "gui-dns-where-link",
            host = host.name,
            url = link.url.as_str()
        ));
    }
    lines
}

fn records(input: &Input, purpose: Purpose) -> Vec<RecordCard> {
    let lang = input.lang;
    let Some(publication) = input.publication else {
        return Vec::new();
    };
    let guide = dns_host(input).1.and_then(|h| h.guide());
    publication
        .records
        .iter()
        .filter(|r| r.purpose == purpose)
        .map(|r| {
            let presented = crate::dnshost::present(r, guide, lang);
            let mut fields: Vec<Field> = presented
                .fields
                .into_iter()
                .map(|f| match f.value {
                    Shown::Typed(value) => Field {
                        key: f.key,
                        label: f.label,
                        value,
                        literal: true,
                    },
                    Shown::Blank => Field {
                        key: f.key,
                        label: f.label,
                        value: fl!(lang, "guide-leave-blank"),
                        literal: false,
                    },
                })
                .collect();
            if r.value.is_none() {
                fields.push(Field {
                    key: "value",
                    label: fl!(lang, "record-value"),
                    value: if r.action == Action::Unknown {
                        fl!(lang, "record-action-unknown")
                    } else {
                        fl!(
                            lang,
                            "pdf-dkim-needs-key",
                            path = input.provider.menu_paths.dkim.get(lang.code())
                        )
                    },
                    literal: false,
                });
            }
            let mut notes: Vec<String> = r
                .notes
                .iter()
                .map(|n| render::record_note(lang, n))
                .collect();
            notes.extend(presented.notes);
            RecordCard {
                record: r.clone(),
                heading: text(lang, &format!("record-purpose-{}", r.purpose.as_str()), &[])
                    .unwrap_or_default(),
                action: render::action_word(lang, r.action),
                fields,
                strings_note: (r.value.is_some() && r.strings.len() > 1)
                    .then(|| fl!(lang, "gui-value-strings", count = r.strings.len())),
                notes,
            }
        })
        .collect()
}

fn destination(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    let provider = input.provider;
    let path = provider.menu_paths.destination.get(lang.code());
    c.explanation.push(fl!(lang, "gui-destination-why"));
    c.where_to_go.push(fl!(
        lang,
        "gui-destination-where",
        url = provider.consoles.management.as_str(),
        path = path
    ));
    c.facts.push(match &input.destination {
        Some(d) => Fact {
            label: fl!(lang, "pdf-destination-value"),
            value: d.clone(),
            literal: true,
        },
        None => Fact {
            label: fl!(lang, "pdf-destination-value"),
            value: fl!(lang, "pdf-not-given"),
            literal: false,
        },
    });
    // Only the admin knows it is saved in the console: this tick is the
    // step's confirmation.
    let mut save = by_hand(
        input,
        Step::Destination,
        "destination-save",
        fl!(lang, "action-destination-save"),
    );
    save.confirms_step = true;
    let confirmed = input.done.contains(&Step::Destination);
    save.tick = Tick::ByHand { ticked: confirmed };
    save.ticked_note = ticked_note(input, &save);
    c.actions.push(save);
}

/// Whether SPF, DKIM and DMARC may wait until after the MX switch: only
/// when the domain has no DKIM entry of its platform (the guide's
/// condition). Said once, on the DKIM step.
fn can_wait(input: &Input) -> Option<String> {
    let lang = input.lang;
    let platform =
        text(lang, &format!("platform-{}", input.platform.id()), &[]).unwrap_or_default();
    if input.platform.dkim_selectors().is_empty() {
        return Some(fl!(lang, "gui-can-wait-unknown"));
    }
    let existing = input.existing_dkim?;
    Some(if existing.is_empty() {
        fl!(lang, "gui-can-wait", platform = platform)
    } else {
        fl!(
            lang,
            "gui-cannot-wait",
            platform = platform,
            selectors = existing.join(", ")
        )
    })
}

fn spf(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    c.explanation.push(fl!(lang, "gui-spf-why"));
    c.where_to_go.extend(dns_where(input, "TXT"));
    c.hints.push(fl!(lang, "gui-spf-one-record"));
    c.current = input
        .report
        .and_then(|r| r.get(CheckId::SpfRecord))
        .map(|r| r.found.clone())
        .unwrap_or_default();
    c.records = records(input, Purpose::Spf);
    c.actions.push(verified(
        input,
        "spf-publish",
        fl!(lang, "action-spf-publish"),
        Step::Spf.checks(),
    ));
}

fn dkim(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    let provider = input.provider;
    let path = provider.menu_paths.dkim.get(lang.code());
    c.explanation.push(fl!(lang, "gui-dkim-why"));
    c.where_to_go.push(fl!(
        lang,
        "pdf-dkim-where",
        url = provider.consoles.management.as_str(),
        path = path
    ));
    c.where_to_go.extend(dns_where(input, "TXT"));
    c.notes.extend(can_wait(input));
    let ready = [CheckId::DkimRecord, CheckId::DkimMatch].iter().all(|id| {
        input
            .report
            .and_then(|r| r.get(*id))
            .is_some_and(|r| r.status == Status::Pass)
    });
    c.notes.push(if ready {
        fl!(lang, "gui-dkim-ready")
    } else {
        fl!(lang, "gui-dkim-warning")
    });
    c.records = records(input, Purpose::Dkim);
    c.actions.push(by_hand(
        input,
        Step::Dkim,
        "dkim-generate",
        fl!(lang, "action-dkim-generate"),
    ));
    c.actions.push(verified(
        input,
        "dkim-publish",
        fl!(lang, "action-dkim-publish"),
        Step::Dkim.checks(),
    ));
    c.actions.push(by_hand(
        input,
        Step::Dkim,
        "dkim-enable",
        fl!(lang, "action-dkim-enable"),
    ));
}

fn dmarc(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    let provider = input.provider;
    c.explanation.push(fl!(
        lang,
        "gui-dmarc-why",
        address = provider.dmarc.report_address.as_str()
    ));
    c.where_to_go.push(fl!(
        lang,
        "gui-dmarc-where-console",
        url = provider.consoles.support.as_str(),
        path = provider.menu_paths.dmarc.get(lang.code())
    ));
    c.where_to_go.extend(dns_where(input, "TXT"));
    if let Some(crate::check::Arg::Text(policy)) = input
        .report
        .and_then(|r| r.get(CheckId::DmarcRecord))
        .and_then(|c| c.details.get("policy"))
    {
        c.hints.push(fl!(
            lang,
            "gui-dmarc-kept-policy",
            policy = crate::safe_text::visible(policy.as_str()).into_owned()
        ));
    }
    c.records = records(input, Purpose::Dmarc);
    c.actions.push(verified(
        input,
        "dmarc-publish",
        fl!(lang, "action-dmarc-publish"),
        Step::Dmarc.checks(),
    ));
}

fn mx(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    c.explanation.push(fl!(lang, "gui-mx-why"));
    c.where_to_go.extend(dns_where(input, "MX"));
    c.notes.push(fl!(lang, "gui-mx-order"));
    c.hints.push(fl!(lang, "gui-mx-dot"));
    match input.platform {
        Platform::GoogleWorkspace => c.notes.push(fl!(lang, "gui-mx-google")),
        // The admin centre's DNS trap is said once, on the lock-down step.
        Platform::Microsoft365 => c.notes.push(fl!(lang, "gui-mx-microsoft")),
        _ => {}
    }
    let mut records = records(input, Purpose::Mx);
    records.extend(self::records(input, Purpose::MtaSts));
    c.records = records;
    c.deletes_title = fl!(lang, "gui-mx-delete");
    if let Some(p) = input.publication {
        c.deletes = p
            .delete
            .iter()
            .map(|d| {
                let priority = d.priority.map(|p| format!("{p} ")).unwrap_or_default();
                DeleteLine {
                    line: format!("{} {} {priority}{}", d.name, d.rtype, d.value),
                }
            })
            .collect();
    }
    let mtasts_fix = input
        .report
        .and_then(|r| r.get(CheckId::MtaStsPolicy))
        .is_some_and(|r| r.problems.iter().any(|p| p.code == "gateway-not-listed"));
    if mtasts_fix {
        c.actions.push(verified(
            input,
            "mtasts-publish",
            fl!(lang, "action-mtasts-publish"),
            &[CheckId::MtaStsPolicy],
        ));
    }
    c.actions.push(verified(
        input,
        "mx-create",
        fl!(lang, "action-mx-create"),
        &[CheckId::MxGateway],
    ));
    if !c.deletes.is_empty() {
        c.actions.push(verified(
            input,
            "mx-delete",
            fl!(lang, "action-mx-delete", count = c.deletes.len()),
            &[CheckId::MxGateway],
        ));
    }
}

fn summary(input: &Input, c: &mut StepContent) {
    let lang = input.lang;
    let all: Vec<CheckId> = Step::ALL
        .iter()
        .flat_map(|s| s.checks().iter().copied())
        .collect();
    c.checks = checks(input, &all);
    for step in Step::ALL {
        for check in c.checks.iter().filter(|k| k.step == step) {
            if check.status != Some(Status::Pass)
                && let Some(p) = check.problems.first()
            {
                c.left.push(format!("{} — {}", check.title, p.message));
            }
        }
        if step.is_manual() && step.state(input.report, input.done).status != Some(Status::Pass) {
            c.left.push(fl!(
                lang,
                "gui-summary-manual",
                step = step_name(lang, step)
            ));
        }
    }
    if c.left.is_empty() && input.report.is_some() {
        c.explanation.push(fl!(lang, "gui-summary-all-done"));
    }
    c.rollback = render::rollback_steps(lang, input.platform, input.provider.mx.ttl);
}

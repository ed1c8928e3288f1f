//! "Publish for me" on the DNS steps: drawn from the part's state only.

use iced::widget::{Column, checkbox, container, row, text, text_input};
use iced::{Element, Fill};

use super::publish_state::{Done, Failure, KeychainNote, Message as PartMessage, PlanProblem};
use crate::fl;
use crate::gui::widgets::{copy_button, heading, hint, para};
use crate::gui::{App, Message, style};
use crate::localize::{self, Lang};
use crate::publish::credentials::{self, KeychainError};
use crate::publish::run::{Outcome, StopReason};
use crate::publish::{Host, PlanRefusal};
use crate::safe_text::{visible, visible_lines};

/// Id of a credential field, by index.
pub fn field_id(i: usize) -> String {
    format!("publish-field-{i}")
}

fn msg(m: PartMessage) -> Message {
    Message::Publish(m)
}

fn action<'a>(label: String, m: Option<PartMessage>) -> Element<'a, Message> {
    // Reached with Tab and pressed with Enter, like every button.
    crate::gui::widgets::action_button(label, m.map(msg), false)
}

fn error<'a>(s: String) -> Element<'a, Message> {
    text(visible_lines(&s).into_owned())
        .size(style::BODY_SIZE)
        .style(style::error_text)
        .width(Fill)
        .into()
}

/// The part, on a DNS step whose DNS host has an API; `None` elsewhere.
pub fn part(app: &App) -> Option<Element<'_, Message>> {
    let host = app.publish_host()?;
    super::publish_state::publish_step(app.step)?;
    let lang = app.lang;
    let p = &app.publish;
    let name = host.display_name();
    let mut col = Column::new().spacing(10);
    let toggle = if p.open {
        fl!(lang, "gui-publish-close")
    } else {
        fl!(lang, "gui-publish-open", host = name)
    };
    col = col.push(action(toggle, Some(PartMessage::Toggle)));
    if !p.open {
        return Some(frame(col));
    }
    col = col.push(heading(fl!(lang, "gui-publish-title", host = name)));
    col = col.push(hint(fl!(lang, "gui-publish-intro")));
    let how =
        localize::text(lang, &format!("gui-publish-how-{}", host.id()), &[]).unwrap_or_default();
    for line in how.split(" | ") {
        col = col.push(para(line.to_string()));
    }
    for (i, field) in credentials::fields(host).iter().enumerate() {
        let label = localize::text(lang, &format!("gui-publish-field-{}", field.name), &[])
            .unwrap_or_default();
        let value = p.fields.get(i).map(String::as_str).unwrap_or_default();
        col = col.push(text(label).size(style::BODY_SIZE).font(style::BOLD));
        col = col.push(
            text_input("", value)
                .id(field_id(i))
                .secure(true)
                .on_input(move |v| msg(PartMessage::FieldChanged(i, v)))
                .padding(8)
                .size(style::BODY_SIZE),
        );
    }
    if host == Host::Ovh {
        col = col.push(action(
            fl!(lang, "gui-publish-consumer-key"),
            (!p.busy).then_some(PartMessage::RequestConsumerKey),
        ));
        if let Some(url) = &p.validation_url {
            let url = visible(url).into_owned();
            col = col.push(para(fl!(lang, "gui-publish-consumer-key-validate")));
            col = col.push(
                row![
                    text(url.clone())
                        .font(style::MONO)
                        .size(style::SMALL_SIZE)
                        .width(Fill),
                    copy_button(app, "ovh-validation".into(), url),
                    action(
                        fl!(lang, "gui-publish-open-page"),
                        Some(PartMessage::OpenValidationPage)
                    ),
                ]
                .spacing(10),
            );
            if p.open_failed {
                col = col.push(
                    text(fl!(lang, "gui-publish-open-failed"))
                        .size(style::BODY_SIZE)
                        .style(style::error_text),
                );
            }
        }
    }
    col = col.push(
        row![
            checkbox(p.remember)
                .label(fl!(lang, "gui-publish-remember"))
                .on_toggle(|on| msg(PartMessage::RememberToggled(on)))
                .text_size(style::BODY_SIZE),
            action(fl!(lang, "gui-publish-forget"), Some(PartMessage::Forget)),
        ]
        .spacing(16),
    );
    let idle = !p.busy;
    col = col.push(
        row![
            action(
                fl!(lang, "gui-publish-show"),
                idle.then_some(PartMessage::ShowChange)
            ),
            action(
                fl!(lang, "gui-publish-undo"),
                idle.then_some(PartMessage::Undo)
            ),
        ]
        .spacing(10),
    );
    if p.busy {
        col = col.push(hint(fl!(lang, "gui-publish-busy", host = name)));
    }
    match p.planned_for(app.step) {
        None => {}
        Some(Err(problem)) => col = col.push(error(plan_problem(lang, problem))),
        Some(Ok(changes)) if changes.is_empty() => {
            col = col.push(para(fl!(lang, "publish-nothing-to-do")));
        }
        Some(Ok(changes)) => {
            let domain = app.domain.as_ref().map(|d| d.ascii()).unwrap_or_default();
            col = col.push(heading(fl!(
                lang,
                "publish-title",
                host = name,
                domain = visible(domain)
            )));
            let shown = crate::cli::publish::change_text(lang, changes);
            col = col.push(
                text(visible_lines(&shown).trim_end().to_string())
                    .font(style::MONO)
                    .size(style::SMALL_SIZE)
                    .width(Fill),
            );
            if p.confirming {
                col = col.push(para(fl!(lang, "gui-publish-confirm", host = name)));
                col = col.push(
                    row![
                        action(
                            fl!(lang, "gui-publish-confirm-yes"),
                            idle.then_some(PartMessage::Confirm(true))
                        ),
                        action(
                            fl!(lang, "gui-publish-confirm-no"),
                            Some(PartMessage::Confirm(false))
                        ),
                    ]
                    .spacing(10),
                );
            } else {
                col = col.push(action(
                    fl!(lang, "gui-publish-apply"),
                    idle.then_some(PartMessage::Apply),
                ));
            }
        }
    }
    if let Some(done) = &p.done {
        col = col.push(done_view(lang, host, done));
    }
    Some(frame(col))
}

fn frame(col: Column<'_, Message>) -> Element<'_, Message> {
    container(col)
        .padding(14)
        .width(Fill)
        .style(style::card)
        .into()
}

fn done_view<'a>(lang: Lang, host: Host, done: &Done) -> Element<'a, Message> {
    let name = host.display_name();
    match done {
        Done::Applied(o) => outcome(lang, host, o, false),
        Done::Undone(o) => outcome(lang, host, o, true),
        Done::Failed(f) => error(failure(lang, host, f)),
        Done::Keychain(Ok(note)) => {
            let id = match note {
                KeychainNote::Remembered => "publish-remembered",
                KeychainNote::Forgotten => "publish-forgotten",
                KeychainNote::NoneKept => "publish-forgotten-none",
            };
            para(localize::text(lang, id, &[("host".into(), name.into())]).unwrap_or_default())
        }
        Done::Keychain(Err(e)) => error(keychain_error(lang, *e)),
    }
}

fn keychain_error(lang: Lang, e: KeychainError) -> String {
    localize::text(lang, &format!("publish-keychain-{}", e.code()), &[]).unwrap_or_default()
}

fn failure(lang: Lang, host: Host, f: &Failure) -> String {
    match f {
        Failure::MissingCredentials => {
            fl!(lang, "gui-publish-missing", host = host.display_name())
        }
        Failure::BadBase => fl!(lang, "gui-publish-bad-base"),
        Failure::Host(e) => crate::cli::publish::host_error(lang, e),
        Failure::Journal(e) => crate::cli::publish::journal_error(lang, e),
        Failure::NothingToUndo => fl!(lang, "gui-publish-undo-nothing"),
        Failure::OtherHost(h) => fl!(lang, "gui-publish-undo-other", host = h.display_name()),
        Failure::NeedsApplication => fl!(lang, "gui-publish-consumer-key-needs-application"),
    }
}

fn plan_problem(lang: Lang, problem: &PlanProblem) -> String {
    match problem {
        PlanProblem::Dns(e) => fl!(lang, "gui-publish-dns", error = visible(e)),
        PlanProblem::Refused(PlanRefusal::Unreadable { name }) => {
            fl!(lang, "publish-refused-unreadable", name = visible(name))
        }
        PlanProblem::Refused(PlanRefusal::Alias { name }) => {
            fl!(lang, "publish-refused-alias", name = visible(name))
        }
        PlanProblem::Refused(PlanRefusal::NoDkimKey) => fl!(lang, "gui-publish-no-dkim-key"),
        PlanProblem::Refused(PlanRefusal::MxNotReady { steps }) => {
            let names: Vec<String> = steps
                .iter()
                .map(|s| localize::text(lang, &format!("step-{}", s.id()), &[]).unwrap_or_default())
                .collect();
            fl!(lang, "gui-publish-mx-not-ready", steps = names.join(", "))
        }
    }
}

/// What was written, set by set; why it stopped; how to put it back.
fn outcome<'a>(lang: Lang, host: Host, o: &Outcome, undo: bool) -> Element<'a, Message> {
    let name = host.display_name();
    let domain = o.entry.domain.as_str();
    let mut col = Column::new().spacing(6);
    let head = match (&o.stopped, undo) {
        (None, false) => fl!(lang, "publish-done", host = name),
        (None, true) => fl!(lang, "publish-undo-done"),
        (Some(_), _) => fl!(lang, "publish-stopped", host = name),
    };
    col = col.push(text(head).size(style::BODY_SIZE).font(style::BOLD));
    for set in &o.entry.sets {
        let id = match (set.written, set.failed) {
            (true, _) => "publish-set-written",
            (false, true) => "publish-set-failed",
            _ => continue,
        };
        let full = if set.name == "@" {
            domain.to_string()
        } else {
            format!("{}.{domain}", set.name)
        };
        let line = localize::text(
            lang,
            id,
            &[
                ("name".into(), visible(&full).into_owned().into()),
                ("rtype".into(), set.rtype.as_str().into()),
            ],
        )
        .unwrap_or_default();
        col = col.push(text(line).font(style::MONO).size(style::SMALL_SIZE));
    }
    if let Some((_, reason)) = &o.stopped {
        let why = match reason {
            StopReason::Host(e) => crate::cli::publish::host_error(lang, e),
            StopReason::Changed { name } => {
                fl!(lang, "gui-publish-changed", name = visible(name))
            }
        };
        col = col.push(error(why));
        let then = match (o.part_way(), undo) {
            (true, false) => fl!(lang, "gui-publish-part-way"),
            (true, true) => fl!(lang, "gui-publish-undo-part-way"),
            (false, _) => fl!(lang, "publish-nothing-written"),
        };
        col = col.push(para(then));
    } else if !undo {
        col = col.push(hint(fl!(lang, "gui-publish-read-back")));
    }
    if let Some(e) = &o.journal_error {
        col = col.push(error(crate::cli::publish::journal_error(lang, e)));
    }
    col.into()
}

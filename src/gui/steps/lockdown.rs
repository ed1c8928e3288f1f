//! Step 6: only the gateway should reach the mail server. The gateway's
//! ranges, then what to configure on the admin's platform.

use iced::widget::{
    Column, button, checkbox, column, container, radio, row, text, text_editor, text_input,
};
use iced::{Alignment, Element, Fill};

use crate::content::{LockdownContent, StepContent};
use crate::fl;
use crate::gui::content_view;
use crate::gui::lockdown_step::{Message as StepMessage, ProbeState};
use crate::gui::widgets::{copy_button, done_by_hand, heading, hint, note, para};
use crate::gui::{App, Message, focus, style};
use crate::lockdown;
use crate::lockdown::firewall::Format;
use crate::lockdown::probe::Probe;
use crate::lockdown::ranges::{DeriveError, ListError};
use crate::platform::Platform;
use crate::render;
use crate::step::Step;

/// Id of the smart host field.
pub const SMART_HOST_INPUT: &str = "smart-host";

pub fn view(app: &App) -> Element<'_, Message> {
    let c = content_view::content(app, Step::Lockdown);
    let mut col = content_view::top(&c);
    if let Some(l) = &c.lockdown {
        col = col.push(ranges(app, l));
        col = col.push(heading(l.platform_title.clone()));
        for p in &l.platform_intro {
            col = col.push(para(p.clone()));
        }
        col = col.push(match app.platform {
            Platform::Microsoft365 => microsoft(app, &c, l),
            Platform::GoogleWorkspace => google(app, &c, l),
            Platform::OwnServer | Platform::Other => server(app, &c, l),
        });
    }
    col = col.push(done_by_hand(app, Step::Lockdown));
    // What DNS cannot see, a real message proves.
    col = col.push(hint(fl!(app.lang, "gui-testmail-lockdown-hint")));
    col = col.push(super::testmail::open_button(app));
    col.into()
}

fn ranges<'a>(app: &'a App, l: &LockdownContent) -> Element<'a, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(8);
    col = col.push(heading(l.ranges_title.clone()));
    match &app.lockdown.ranges_derived {
        None => col = col.push(hint(fl!(lang, "lockdown-ranges-loading"))),
        Some(Err(DeriveError::NoRanges { .. })) => {
            col = col.push(note(fl!(lang, "lockdown-ranges-none")))
        }
        Some(Err(DeriveError::Refused { include, refusal })) => {
            col = col.push(note(fl!(
                lang,
                "lockdown-ranges-refused",
                include = include.as_str(),
                reason = render::range_refusal(lang, refusal)
            )))
        }
        Some(Err(e)) => col = col.push(note(render::derive_error(lang, e))),
        Some(Ok(_)) => {}
    }
    if !l.ranges.is_empty() {
        let list = l.ranges.join("\n");
        col = col.push(
            container(
                row![
                    text(list.clone())
                        .font(style::MONO)
                        .size(style::BODY_SIZE)
                        .width(Fill),
                    copy_button(app, "gateway-ranges".into(), list),
                ]
                .spacing(10),
            )
            .padding(10)
            .width(Fill)
            .style(style::card),
        );
    }
    if let Some(source) = &l.ranges_source {
        col = col.push(hint(source.clone()));
    }
    // Asking support is said only while no usable range is known.
    if let Some(ask) = &l.ask_support {
        let email = app.provider().support_email.clone();
        col = col.push(
            row![
                text(ask.clone()).size(style::BODY_SIZE).width(Fill),
                copy_button(app, "support-email".into(), email),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
    }
    col = col.push(
        text(fl!(lang, "lockdown-ranges-paste-label"))
            .size(style::BODY_SIZE)
            .font(style::BOLD),
    );
    col = col.push(
        text_editor(&app.lockdown.ranges_editor)
            .placeholder(fl!(lang, "lockdown-ranges-placeholder"))
            .on_action(|x| Message::Lockdown(StepMessage::RangesEdited(x)))
            .font(style::MONO)
            .size(style::SMALL_SIZE)
            .height(70),
    );
    if app.lockdown.ranges_too_long {
        let size = render::size(lang, lockdown::ranges::MAX_LIST_BYTES);
        col = col.push(
            text(fl!(lang, "lockdown-ranges-too-long", size = size))
                .size(style::BODY_SIZE)
                .style(style::error_text),
        );
    }
    match &app.lockdown.ranges_pasted {
        Some(Err(e)) => {
            let message = match e {
                ListError::NotARange { line, text: quoted } => {
                    let line: usize = *line;
                    fl!(
                        lang,
                        "lockdown-ranges-invalid",
                        line = line,
                        text = quoted.as_str()
                    )
                }
                ListError::Refused(refusal) => fl!(
                    lang,
                    "lockdown-ranges-list-refused",
                    reason = render::range_refusal(lang, refusal)
                ),
            };
            col = col.push(
                text(message)
                    .size(style::BODY_SIZE)
                    .style(style::error_text),
            );
        }
        _ => col = col.push(hint(fl!(lang, "lockdown-ranges-paste-hint"))),
    }
    col.into()
}

/// What to do before the script or rules can appear: an error while no
/// usable range is known, a hint otherwise.
fn missing<'a>(l: &LockdownContent) -> Option<Element<'a, Message>> {
    let m = l.artefact_missing.clone()?;
    Some(if l.ranges.is_empty() {
        text(m)
            .size(style::BODY_SIZE)
            .style(style::error_text)
            .into()
    } else {
        hint(m)
    })
}

/// The generated text, selectable, with Copy and Save.
fn artefact<'a>(app: &'a App, name: String) -> Element<'a, Message> {
    let lang = app.lang;
    let content = app.lockdown.artefact.text();
    column![
        row![
            text(name)
                .size(style::SMALL_SIZE)
                .style(style::muted)
                .width(Fill),
            copy_button(app, "lockdown-artefact".into(), content),
            focus::press(
                button(text(fl!(lang, "lockdown-save")).size(style::SMALL_SIZE))
                    .padding([4, 10])
                    .style(button::secondary),
                Some(Message::Lockdown(StepMessage::SaveArtefact))
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
        text_editor(&app.lockdown.artefact)
            .on_action(|x| Message::Lockdown(StepMessage::ArtefactAction(x)))
            .font(style::MONO)
            .size(style::SMALL_SIZE)
            .height(340),
    ]
    .spacing(6)
    .into()
}

fn microsoft<'a>(app: &'a App, c: &StepContent, l: &LockdownContent) -> Element<'a, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = Column::new().spacing(10);
    if let Some(host) = &l.smart_host {
        col = col.push(
            text(host.label.clone())
                .size(style::BODY_SIZE)
                .font(style::BOLD),
        );
    }
    col = col.push(
        text_input(
            &fl!(lang, "lockdown-smart-host-placeholder"),
            &app.lockdown.smart_host_input,
        )
        .id(SMART_HOST_INPUT)
        .on_input(|x| Message::Lockdown(StepMessage::SmartHostChanged(x)))
        .padding(8)
        .size(style::BODY_SIZE),
    );
    match app.lockdown.smart_host() {
        Some(Err(e)) => {
            col = col.push(
                text(fl!(
                    lang,
                    "lockdown-smart-host-invalid",
                    reason = render::domain_error(lang, &e)
                ))
                .size(style::BODY_SIZE)
                .style(style::error_text),
            );
        }
        _ => {
            col = col.push(hint(fl!(
                lang,
                "lockdown-smart-host-hint",
                url = provider.consoles.management.as_str()
            )))
        }
    }
    if let Some(label) = &l.arc_label {
        col = col.push(focus::focus(
            checkbox(app.lockdown.arc)
                .label(label.clone())
                .on_toggle(|x| Message::Lockdown(StepMessage::ArcToggled(x)))
                .text_size(style::BODY_SIZE),
            Some(Message::Lockdown(StepMessage::ArcToggled(
                !app.lockdown.arc,
            ))),
        ));
    }
    if let Some(t) = &l.artefact_title {
        col = col.push(text(t.clone()).size(style::BODY_SIZE).font(style::BOLD));
    }
    match &l.artefact {
        Some(Ok(a)) => col = col.push(artefact(app, a.file_name.clone())),
        Some(Err(e)) => {
            col = col.push(
                text(fl!(lang, "lockdown-script-error", error = e.as_str()))
                    .size(style::BODY_SIZE)
                    .style(style::error_text),
            )
        }
        None => col = col.extend(missing(l)),
    }
    if let Some(t) = &l.steps_title {
        col = col.push(text(t.clone()).size(style::BODY_SIZE).font(style::BOLD));
    }
    col = col.push(content_view::actions(app, c));
    col.into()
}

fn google<'a>(app: &'a App, c: &StepContent, l: &LockdownContent) -> Element<'a, Message> {
    let mut col = Column::new().spacing(10);
    for setting in &l.settings {
        let value_text = if setting.copyable {
            text(setting.value.clone())
                .font(style::MONO)
                .size(style::BODY_SIZE)
        } else {
            text(setting.value.clone()).size(style::BODY_SIZE)
        };
        let mut line = row![
            column![
                text(setting.label.clone())
                    .size(style::SMALL_SIZE)
                    .style(style::muted),
                value_text,
            ]
            .spacing(4)
            .width(Fill),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        // Boxes to tick are not values: nothing to copy.
        if setting.copyable {
            line = line.push(copy_button(
                app,
                format!("google:{}", setting.id),
                setting.value.clone(),
            ));
        }
        col = col.push(container(line).padding(10).width(Fill).style(style::card));
    }
    col = col.extend(missing(l));
    col = col.push(content_view::actions(app, c));
    col.into()
}

fn server<'a>(app: &'a App, c: &StepContent, l: &LockdownContent) -> Element<'a, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(10);
    let mut formats = row![text(fl!(lang, "lockdown-format-label")).size(style::BODY_SIZE)]
        .spacing(16)
        .align_y(Alignment::Center);
    for f in Format::ALL {
        let name = crate::localize::text(lang, &format!("lockdown-format-{}", f.id()), &[])
            .unwrap_or_default();
        formats = formats.push(focus::focus(
            radio(name, f, Some(app.lockdown.firewall_format), |x| {
                Message::Lockdown(StepMessage::FormatSelected(x))
            })
            .text_size(style::BODY_SIZE),
            Some(Message::Lockdown(StepMessage::FormatSelected(f))),
        ));
    }
    col = col.push(formats.wrap());
    match &l.artefact {
        Some(Ok(a)) => col = col.push(artefact(app, a.file_name.clone())),
        _ => col = col.extend(missing(l)),
    }
    col = col.push(content_view::actions(app, c));
    col = col.push(heading(fl!(lang, "lockdown-probe-title")));
    col = col.push(para(fl!(lang, "lockdown-probe-intro")));
    match app.destination() {
        Some(Ok(dest)) => {
            let host = dest.display();
            let running = matches!(app.lockdown.probe, Some(ProbeState::Running));
            col = col.push(focus::press(
                button(
                    text(fl!(lang, "lockdown-probe-button", host = host.as_str()))
                        .size(style::BODY_SIZE),
                )
                .padding([6, 14])
                .style(button::secondary),
                (!running).then_some(Message::Lockdown(StepMessage::ProbePort25)),
            ));
            if let Some(state) = &app.lockdown.probe {
                let (message, status) = match state {
                    ProbeState::Running => (fl!(lang, "lockdown-probe-running"), None),
                    ProbeState::Done(Probe::Open(addr)) => (
                        fl!(
                            lang,
                            "lockdown-probe-open",
                            host = host.as_str(),
                            addr = addr.to_string()
                        ),
                        Some(crate::check::Status::Warn),
                    ),
                    ProbeState::Done(Probe::Refused) => (
                        fl!(lang, "lockdown-probe-refused", host = host.as_str()),
                        Some(crate::check::Status::Pass),
                    ),
                    ProbeState::Done(Probe::Silent) => (
                        fl!(lang, "lockdown-probe-silent", host = host.as_str()),
                        Some(crate::check::Status::Pass),
                    ),
                    ProbeState::Done(Probe::Failed(reason)) => (
                        fl!(
                            lang,
                            "lockdown-probe-failed",
                            reason = render::probe_failure(lang, *reason)
                        ),
                        Some(crate::check::Status::Unknown),
                    ),
                };
                let badge = match status {
                    Some(s) => format!(
                        "{} {}",
                        render::status_mark(s),
                        render::status_word(lang, s)
                    ),
                    None => fl!(lang, "gui-checking"),
                };
                col = col.push(
                    row![
                        container(text(badge).size(style::SMALL_SIZE))
                            .padding([3, 10])
                            .style(style::badge(status)),
                        text(message).size(style::BODY_SIZE).width(Fill),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center),
                );
            }
        }
        _ => col = col.push(hint(fl!(lang, "lockdown-probe-needs-destination"))),
    }
    col.into()
}

//! Step 6: only the gateway should reach the mail server. The gateway's
//! ranges, then what to configure on the admin's platform.

use iced::widget::{
    Column, button, checkbox, column, container, radio, row, text, text_editor, text_input,
};
use iced::{Alignment, Element, Fill};

use crate::fl;
use crate::gui::lockdown_step::{Message as StepMessage, ProbeState};
use crate::gui::widgets::{copy_button, done_by_hand, heading, hint, note, para, title};
use crate::gui::{App, Message, focus, style};
use crate::lockdown::firewall::Format;
use crate::lockdown::probe::Probe;
use crate::lockdown::ranges::{DeriveError, ListError};
use crate::lockdown::{self, Source};
use crate::platform::Platform;
use crate::render;
use crate::step::Step;

/// Id of the smart host field.
pub const SMART_HOST_INPUT: &str = "smart-host";

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = Column::new().spacing(14);
    col = col.push(title(fl!(lang, "step-lockdown")));
    col = col.push(para(fl!(lang, "gui-lockdown-why")));
    col = col.push(ranges(app));
    col = col.push(match app.platform {
        Platform::Microsoft365 => microsoft(app),
        Platform::GoogleWorkspace => google(app),
        Platform::OwnServer | Platform::Other => server(app),
    });
    col = col.push(
        row![
            text(fl!(
                lang,
                "gui-lockdown-ask",
                email = provider.support_email.as_str()
            ))
            .size(style::BODY_SIZE)
            .width(Fill),
            copy_button(app, "support-email".into(), provider.support_email.clone()),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    );
    col = col.push(done_by_hand(app, Step::Lockdown));
    col.into()
}

fn ranges(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(8);
    col = col.push(heading(fl!(lang, "lockdown-ranges-title")));
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
    if let Some(r) = app.lockdown.gateway_ranges() {
        let list = r
            .networks()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
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
        col = col.push(hint(match r.source() {
            Source::Spf { include } => {
                fl!(lang, "lockdown-ranges-derived", include = include.as_str())
            }
            Source::Support => fl!(lang, "lockdown-ranges-pasted"),
        }));
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

/// Said where the script, rules or settings would be, when the ranges
/// cannot be used.
fn nothing_made<'a>(lang: crate::localize::Lang) -> Element<'a, Message> {
    text(fl!(lang, "lockdown-nothing-made"))
        .size(style::BODY_SIZE)
        .style(style::error_text)
        .into()
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

fn microsoft(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = Column::new().spacing(10);
    col = col.push(heading(fl!(lang, "lockdown-m365-title")));
    col = col.push(para(fl!(lang, "lockdown-m365-intro")));
    col = col.push(note(fl!(lang, "gui-m365-dns-trap")));
    col = col.push(
        text(fl!(lang, "lockdown-smart-host-label"))
            .size(style::BODY_SIZE)
            .font(style::BOLD),
    );
    col = col.push(
        text_input("smtp.example.net", &app.lockdown.smart_host_input)
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
    if let Some(domain) = lockdown::arc_sealer(provider) {
        col = col.push(focus::focus(
            checkbox(app.lockdown.arc)
                .label(fl!(lang, "lockdown-arc", domain = domain.ascii()))
                .on_toggle(|x| Message::Lockdown(StepMessage::ArcToggled(x)))
                .text_size(style::BODY_SIZE),
            Some(Message::Lockdown(StepMessage::ArcToggled(
                !app.lockdown.arc,
            ))),
        ));
    }
    col = col.push(
        text(fl!(lang, "lockdown-script-title"))
            .size(style::BODY_SIZE)
            .font(style::BOLD),
    );
    match app.lockdown.artefact_text() {
        Some(Ok((name, _))) => col = col.push(artefact(app, name.clone())),
        Some(Err(e)) => {
            col = col.push(
                text(fl!(
                    lang,
                    "lockdown-script-error",
                    error = render::script_error(lang, e)
                ))
                .size(style::BODY_SIZE)
                .style(style::error_text),
            )
        }
        None if app.lockdown.ranges_refused() => col = col.push(nothing_made(lang)),
        None => col = col.push(hint(fl!(lang, "lockdown-smart-host-needed"))),
    }
    col = col.push(
        text(fl!(lang, "lockdown-eac-title"))
            .size(style::BODY_SIZE)
            .font(style::BOLD),
    );
    let ranges = app
        .lockdown
        .gateway_ranges()
        .and_then(|r| lockdown::microsoft::exchange_ranges(r).ok())
        .map(|r| {
            r.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_else(|| "…".into());
    let host = app
        .lockdown
        .smart_host()
        .and_then(Result::ok)
        .map(|h| h.ascii().to_string())
        .unwrap_or_else(|| "…".into());
    let arc = lockdown::arc_sealer(provider)
        .map(|d| d.ascii().to_string())
        .unwrap_or_default();
    let steps = [
        fl!(
            lang,
            "lockdown-eac-1",
            inbound = lockdown::microsoft::INBOUND
        ),
        fl!(lang, "lockdown-eac-2", ranges = ranges),
        fl!(lang, "lockdown-eac-3"),
        fl!(
            lang,
            "lockdown-eac-4",
            inbound = lockdown::microsoft::INBOUND
        ),
        fl!(
            lang,
            "lockdown-eac-5",
            outbound = lockdown::microsoft::OUTBOUND,
            host = host.as_str()
        ),
        fl!(lang, "lockdown-eac-6", domain = arc),
    ];
    for (i, s) in steps.into_iter().enumerate() {
        col = col.push(text(format!("{}. {s}", i + 1)).size(style::BODY_SIZE));
    }
    col.into()
}

fn google(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(10);
    col = col.push(heading(fl!(lang, "lockdown-google-title")));
    col = col.push(note(fl!(lang, "lockdown-google-where")));
    if let Some(ranges) = app.lockdown.gateway_ranges() {
        for setting in lockdown::google::settings(ranges) {
            let label = crate::localize::text(lang, setting.label, &[]).unwrap_or_default();
            let value = if setting.value == "on" {
                fl!(lang, "lockdown-google-on")
            } else {
                setting.value.clone()
            };
            col = col.push(
                container(
                    row![
                        column![
                            text(label).size(style::SMALL_SIZE).style(style::muted),
                            text(value.clone()).font(style::MONO).size(style::BODY_SIZE),
                        ]
                        .spacing(4)
                        .width(Fill),
                        copy_button(app, format!("google:{}", setting.label), value),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center),
                )
                .padding(10)
                .width(Fill)
                .style(style::card),
            );
        }
    } else if app.lockdown.ranges_refused() {
        col = col.push(nothing_made(lang));
    }
    col = col.push(hint(fl!(lang, "lockdown-google-note")));
    col = col.push(note(fl!(lang, "lockdown-google-mx")));
    col.into()
}

fn server(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(10);
    col = col.push(heading(fl!(lang, "lockdown-server-title")));
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
    if let Some(Ok((name, _))) = app.lockdown.artefact_text() {
        col = col.push(artefact(app, name.clone()));
    } else if app.lockdown.ranges_refused() {
        col = col.push(nothing_made(lang));
    }
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

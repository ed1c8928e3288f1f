//! The pieces every step is made of: the frame, badges, problems, record
//! cards with their Copy buttons.

use iced::widget::{
    Column, Space, button, checkbox, column, container, rich_text, row, span, text, text_editor,
};
use iced::{Alignment, Element, Fill, Length};

use super::focus::{focus, press};
use super::style;
use super::{App, Message};
use crate::check::Status;
use crate::content::{CheckContent, ProblemText, RecordCard};
use crate::fl;
use crate::localize::Lang;
use crate::records::PublishRecord;
use crate::render;
use crate::safe_text::visible;
use crate::step::{Step, Wait};

/// Frames of the "checking" spinner, one every 150 ms.
const SPINNER: [&str; 4] = ["◐", "◓", "◑", "◒"];

/// The product's name kept whole where a line breaks: a word joiner after
/// its hyphen ("e-" at the end of a line reads as a typo).
pub fn unbroken(s: String) -> String {
    if s.contains("e-securemail") {
        s.replace("e-securemail", "e-\u{2060}securemail")
    } else {
        s
    }
}

pub fn title(s: String) -> Element<'static, Message> {
    text(unbroken(s))
        .size(style::TITLE_SIZE)
        .font(style::BOLD)
        .into()
}

pub fn heading(s: String) -> Element<'static, Message> {
    text(unbroken(s))
        .size(style::HEADING_SIZE)
        .font(style::BOLD)
        .into()
}

pub fn para(s: String) -> Element<'static, Message> {
    text(unbroken(s)).size(style::BODY_SIZE).width(Fill).into()
}

pub fn hint(s: String) -> Element<'static, Message> {
    text(unbroken(s))
        .size(style::SMALL_SIZE)
        .style(style::muted)
        .width(Fill)
        .into()
}

/// A framed note: an order of operations, a reminder.
pub fn note(s: String) -> Element<'static, Message> {
    container(text(unbroken(s)).size(style::BODY_SIZE).width(Fill))
        .padding(12)
        .width(Fill)
        .style(style::note)
        .into()
}

/// A status badge: mark and word on the status colour, or a spinner.
pub fn badge<'a>(app: &App, status: Option<Status>) -> Element<'a, Message> {
    let lang = app.lang;
    if app.checking {
        let frame = (app
            .now
            .saturating_duration_since(app.check_started)
            .as_millis()
            / 150) as usize;
        let spinner = SPINNER[frame % SPINNER.len()];
        return container(
            text(format!("{spinner} {}", fl!(lang, "gui-checking"))).size(style::SMALL_SIZE),
        )
        .padding([3, 10])
        .style(style::badge_checking)
        .into();
    }
    let label = match status {
        Some(s) => format!(
            "{} {}",
            render::status_mark(s),
            render::status_word(lang, s)
        ),
        None => format!("? {}", fl!(lang, "gui-not-checked")),
    };
    container(text(label).size(style::SMALL_SIZE))
        .padding([3, 10])
        .style(style::badge(status))
        .into()
}

/// One check: its title and badge, its figures, its problems with fixes.
pub fn check_block<'a>(app: &App, check: &CheckContent) -> Element<'a, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(6);
    col = col.push(
        row![
            text(check.title.clone())
                .size(style::BODY_SIZE)
                .font(style::BOLD)
                .width(Fill),
            badge(app, check.status),
        ]
        .align_y(Alignment::Center)
        .spacing(10),
    );
    if let Some(details) = &check.details {
        col = col.push(hint(details.clone()));
    }
    for problem in &check.problems {
        col = col.push(problem_box(lang, problem));
    }
    container(col)
        .padding(12)
        .width(Fill)
        .style(style::card)
        .into()
}

fn problem_box<'a>(lang: Lang, problem: &ProblemText) -> Element<'a, Message> {
    // The badge already says "could not check": the mark alone leads the reason.
    let prefix = render::status_mark(problem.severity);
    let fix_line: Element<'a, Message> = rich_text([
        span(format!("{} ", fl!(lang, "cli-fix"))).font(style::BOLD),
        span(problem.fix.clone()),
    ])
    .on_link_click(iced::never)
    .size(style::BODY_SIZE)
    .into();
    container(
        column![
            text(format!("{prefix} {}", problem.message)).size(style::BODY_SIZE),
            fix_line
        ]
        .spacing(4),
    )
    .padding(10)
    .width(Fill)
    .style(style::problem(problem.severity))
    .into()
}

/// Key of a record's value, for its selectable view and its Copy button.
pub fn value_key(record: &PublishRecord) -> String {
    format!(
        "{}:{}:{}",
        record.purpose.as_str(),
        record.name,
        record.priority.map(|p| p.to_string()).unwrap_or_default()
    )
}

/// A Copy button that says "Copied" for a moment after use.
pub fn copy_button<'a>(app: &App, key: String, value: String) -> Element<'a, Message> {
    copy_button_labelled(app, key, value, fl!(app.lang, "gui-copy"))
}

/// A button of a page's actions, primary or not; `None` disables it.
pub fn action_button<'a>(
    label: String,
    message: Option<Message>,
    primary: bool,
) -> Element<'a, Message> {
    super::focus::press(
        button(text(label).size(style::BODY_SIZE))
            .padding([8, 14])
            .style(if primary {
                button::primary
            } else {
                button::secondary
            }),
        message,
    )
}

/// The id of the Copy button of `key` (for tests and accessibility tools).
pub fn copy_id(key: &str) -> String {
    format!("copy:{key}")
}

fn field_row<'a>(app: &App, label: String, value: String, key: String) -> Element<'a, Message> {
    let value = visible(&value).into_owned();
    row![
        text(label)
            .size(style::SMALL_SIZE)
            .width(Length::Fixed(110.0))
            .style(style::muted),
        text(value.clone())
            .font(style::MONO)
            .size(style::BODY_SIZE)
            .width(Fill),
        copy_button(app, key, value),
    ]
    .spacing(10)
    .align_y(Alignment::Center)
    .into()
}

/// A record to publish: each field with its own Copy button, and Copy all.
pub fn record_card<'a>(app: &'a App, card: &RecordCard) -> Element<'a, Message> {
    let lang = app.lang;
    let record = &card.record;
    let key = value_key(record);
    let mut col = Column::new().spacing(8);
    col = col.push(
        row![
            text(card.heading.clone())
                .size(style::BODY_SIZE)
                .font(style::BOLD)
                .width(Fill),
            text(card.action.clone())
                .size(style::SMALL_SIZE)
                .style(style::muted),
        ]
        .spacing(10),
    );
    for field in &card.fields {
        if field.key == "fqdn" && !app.show_full_names {
            continue;
        }
        if field.key != "value" && !field.literal {
            // Words, not a value ("leave this field empty"): nothing to copy.
            col = col.push(
                row![
                    text(field.label.clone())
                        .size(style::SMALL_SIZE)
                        .width(Length::Fixed(110.0))
                        .style(style::muted),
                    text(field.value.clone()).size(style::BODY_SIZE).width(Fill),
                ]
                .spacing(10),
            );
            continue;
        }
        if field.key != "value" {
            col = col.push(field_row(
                app,
                field.label.clone(),
                field.value.clone(),
                format!("{key}/{}", field.key),
            ));
            continue;
        }
        if !field.literal {
            continue;
        }
        // Proposed values are printable ASCII; this keeps it so on screen
        // and in the clipboard whatever happens upstream.
        let value = visible(&field.value).into_owned();
        let view: Element<'a, Message> = match app.values.get(&key) {
            Some(content) => {
                let k = key.clone();
                text_editor(content)
                    .font(style::MONO)
                    .size(style::BODY_SIZE)
                    .wrapping(text::Wrapping::WordOrGlyph)
                    .on_action(move |a| Message::ValueAction(k.clone(), a))
                    .into()
            }
            None => text(value.clone())
                .font(style::MONO)
                .size(style::BODY_SIZE)
                .width(Fill)
                .into(),
        };
        col = col.push(
            row![
                text(field.label.clone())
                    .size(style::SMALL_SIZE)
                    .width(Length::Fixed(110.0))
                    .style(style::muted),
                container(view).width(Fill),
                copy_button(app, format!("{key}/value"), value.clone()),
            ]
            .spacing(10)
            .align_y(Alignment::Start),
        );
    }
    if let Some(n) = &card.strings_note {
        col = col.push(hint(n.clone()));
    }
    for n in &card.notes {
        col = col.push(note(n.clone()));
    }
    let full = row![
        press(
            button(
                text(if app.show_full_names {
                    fl!(lang, "gui-hide-full-name")
                } else {
                    fl!(lang, "gui-show-full-name")
                })
                .size(style::SMALL_SIZE)
            )
            .padding([4, 10])
            .style(button::text),
            Some(Message::ToggleFullNames)
        ),
        Space::new().width(Fill),
    ];
    let mut footer = full;
    if let Some(line) = zone_line(record) {
        footer = footer.push(copy_button_labelled(
            app,
            format!("{key}/all"),
            line,
            fl!(lang, "gui-copy-all"),
        ));
    }
    col = col.push(footer.spacing(10).align_y(Alignment::Center));
    container(col)
        .padding(14)
        .width(Fill)
        .style(style::card)
        .into()
}

fn copy_button_labelled<'a>(
    app: &App,
    key: String,
    value: String,
    label: String,
) -> Element<'a, Message> {
    let copied = app.copied.as_ref().is_some_and(|(k, _)| *k == key);
    let label = if copied {
        fl!(app.lang, "gui-copied")
    } else {
        label
    };
    let id = copy_id(&key);
    container(press(
        button(text(label).size(style::SMALL_SIZE))
            .padding([4, 10])
            .style(if copied {
                button::success
            } else {
                button::secondary
            }),
        Some(Message::Copy { key, value }),
    ))
    .id(id)
    .into()
}

/// The record as one zone-file line (for DNS hosts with a text editor),
/// escaped as the zone file of `records --zone` is.
fn zone_line(record: &PublishRecord) -> Option<String> {
    crate::records::zone_line(record)
}

/// "I have done this step", for what DNS cannot verify; for lock-down,
/// only once the step it needs is green.
pub fn done_by_hand<'a>(app: &App, step: Step) -> Element<'a, Message> {
    let label = match step {
        Step::Destination => fl!(app.lang, "gui-confirm-destination"),
        _ => fl!(app.lang, "gui-done-by-hand"),
    };
    let allowed = app.can_mark_done(step);
    let ticked = allowed && app.done.contains(&step);
    let mut b = checkbox(ticked)
        .label(label)
        .size(18)
        .text_size(style::BODY_SIZE);
    if allowed {
        b = b.on_toggle(move |v| Message::MarkDone(step, v));
        focus(b, Some(Message::MarkDone(step, !ticked)))
    } else {
        let why = if step.can_mark_done(app.report(), &app.done) {
            fl!(app.lang, "gui-done-after-propagation")
        } else {
            fl!(app.lang, "gui-done-after-mx")
        };
        column![b, hint(why)].spacing(4).into()
    }
}

/// What a waiting step must wait for, said at its top.
pub fn waiting_banner<'a>(app: &App, step: Step) -> Option<Element<'a, Message>> {
    let lang = app.lang;
    if step == Step::Lockdown
        && step.state(app.report(), &app.done).waiting.is_none()
        && app.mx_still_propagating()
    {
        return Some(note(fl!(lang, "gui-wait-lockdown-propagation")));
    }
    let wait = step.state(app.report(), &app.done).waiting?;
    let text = match (step, wait) {
        (Step::Lockdown, _) => fl!(lang, "gui-wait-lockdown"),
        (Step::Mx, Wait::Step(Step::Destination)) => fl!(lang, "gui-wait-mx"),
        (_, Wait::Confirmation) => fl!(lang, "gui-wait-confirmation"),
        (_, Wait::Step(other)) => render::wait_for_step(lang, other),
    };
    Some(note(text))
}

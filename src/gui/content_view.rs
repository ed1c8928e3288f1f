//! Drawing a step's content model: the words come built from
//! `crate::content`; this only lays them out and binds the tick boxes.

use iced::widget::{Column, checkbox, column, container, row, text};
use iced::{Alignment, Element, Fill};

use super::widgets::{check_block, hint, note, para, record_card, title};
use super::{App, Message, style};
use crate::check::Status;
use crate::content::{ActionItem, StepContent, Tick};
use crate::fl;
use crate::safe_text::visible;
use crate::step::Step;

/// The step's content, as built when the state last changed; built here
/// only if it never was.
pub fn content(app: &App, step: Step) -> std::borrow::Cow<'_, StepContent> {
    match app.content.step(step) {
        Some(c) => std::borrow::Cow::Borrowed(c),
        None => std::borrow::Cow::Owned(crate::content::build_step(
            &crate::content::Input {
                domain: None,
                platform: app.platform,
                lang: app.lang,
                provider: app.provider(),
                report: None,
                publication: None,
                destination: None,
                done: &app.done,
                ticked: &app.ticked,
                existing_dkim: None,
                checked_at: None,
                lockdown: crate::content::LockdownInput::none(),
                tests: crate::content::TestInput::none(),
                today: chrono::Local::now().date_naive(),
            },
            step,
        )),
    }
}

/// Title, explanation, where to go, the framed notes and the hints.
pub fn top<'a>(c: &StepContent) -> Column<'a, Message> {
    let mut col = Column::new().spacing(14);
    col = col.push(title(c.title.clone()));
    for p in &c.explanation {
        col = col.push(para(p.clone()));
    }
    for w in &c.where_to_go {
        col = col.push(note(w.clone()));
    }
    for n in &c.notes {
        col = col.push(note(n.clone()));
    }
    for h in &c.hints {
        col = col.push(hint(h.clone()));
    }
    col
}

/// The actions, each with its box: verified ones show what DNS says and
/// cannot be ticked; the others are ticked by hand.
pub fn actions<'a>(app: &App, c: &StepContent) -> Element<'a, Message> {
    let mut col = Column::new().spacing(8);
    for a in &c.actions {
        col = col.push(action(app, c.step, a));
    }
    container(col)
        .padding(12)
        .width(Fill)
        .style(style::card)
        .into()
}

fn action<'a>(app: &App, step: Step, a: &ActionItem) -> Element<'a, Message> {
    let mut b = checkbox(a.is_ticked())
        .label(super::widgets::unbroken(a.text.clone()))
        .size(18)
        .text_size(style::BODY_SIZE);
    let mut blocked = None;
    match &a.tick {
        // DNS or a test message ticks it; the box only shows it.
        _ if a.decisive_proof().is_some() => {}
        Tick::Verified { .. } => {}
        Tick::ByHand { .. } if a.confirms_step => {
            if app.can_mark_done(step) {
                b = b.on_toggle(move |v| Message::MarkDone(step, v));
            } else {
                blocked = Some(fl!(app.lang, "gui-done-after-mx"));
            }
        }
        Tick::ByHand { .. } => {
            let id = a.id;
            b = b.on_toggle(move |v| Message::ActionTicked(id, v));
        }
    }
    let mut col = column![b].spacing(2);
    let status = match (&a.decisive_proof(), &a.tick) {
        (Some(p), _) => Some(p.status),
        (None, Tick::Verified { status, .. }) => *status,
        (None, Tick::ByHand { .. }) => None,
    };
    if let Some(n) = &a.ticked_note {
        col = col.push(
            container(
                text(format!("✓ {n}"))
                    .size(style::SMALL_SIZE)
                    .color(style::status_color(Some(Status::Pass))),
            )
            .padding([0, 28]),
        );
    } else if let (Some(s), true) = (status, a.is_verified()) {
        col = col.push(
            container(
                text(format!(
                    "{} {}",
                    crate::render::status_mark(s),
                    crate::render::status_word(app.lang, s)
                ))
                .size(style::SMALL_SIZE)
                .color(style::status_color(Some(s))),
            )
            .padding([0, 28]),
        );
    }
    if let Some(why) = &a.proof_note {
        col = col.push(
            container(
                text(why.clone())
                    .size(style::SMALL_SIZE)
                    .color(style::status_color(a.proof.map(|p| p.status))),
            )
            .padding([0, 28]),
        );
    }
    if let Some(why) = blocked {
        col = col.push(container(hint(why)).padding([0, 28]));
    }
    col.into()
}

/// The step's checks.
pub fn checks<'a>(app: &App, c: &StepContent) -> Vec<Element<'a, Message>> {
    c.checks.iter().map(|k| check_block(app, k)).collect()
}

/// The step's record cards.
pub fn records<'a>(app: &'a App, c: &StepContent) -> Vec<Element<'a, Message>> {
    c.records.iter().map(|r| record_card(app, r)).collect()
}

/// Records found now, escaped.
pub fn current<'a>(c: &StepContent) -> Vec<Element<'a, Message>> {
    c.current
        .iter()
        .map(|record| {
            container(
                text(visible(record).into_owned())
                    .font(style::MONO)
                    .size(style::BODY_SIZE)
                    .width(Fill),
            )
            .padding(10)
            .width(Fill)
            .style(style::card)
            .into()
        })
        .collect()
}

/// Records to delete, each marked so.
pub fn deletes<'a>(app: &App, c: &StepContent) -> Vec<Element<'a, Message>> {
    let lang = app.lang;
    c.deletes
        .iter()
        .map(|d| {
            container(
                row![
                    text(visible(&d.line).into_owned())
                        .font(style::MONO)
                        .size(style::BODY_SIZE)
                        .width(Fill),
                    container(
                        text(format!("✗ {}", fl!(lang, "gui-mx-to-delete")))
                            .size(style::SMALL_SIZE)
                    )
                    .padding([3, 10])
                    .style(style::badge(Some(Status::Fail))),
                ]
                .align_y(Alignment::Center),
            )
            .padding(10)
            .width(Fill)
            .style(style::card)
            .into()
        })
        .collect()
}

//! The window's frame around the open step: header, step list, footer,
//! banners and notices. The reusable pieces steps are made of are in
//! [`super::widgets`]; this module uses them and the steps, and neither of
//! them uses it.

use iced::widget::{Column, button, column, container, row, rule, scrollable, text};
use iced::{Alignment, Element, Fill, Length};

use super::focus::{self, press};
use super::style;
use super::widgets::hint;
use super::{App, ExportStatus, Message, Notice, steps};
use crate::check::Status;
use crate::fl;
use crate::localize::Lang;
use crate::render;
use crate::safe_text::visible;
use crate::step::{Step, Wait};

/// Id of the scrollable that holds the open step: changing step puts it
/// back at its top.
pub const CONTENT_SCROLL: &str = "step-content";

fn step_list<'a>(app: &App) -> Element<'a, Message> {
    let lang = app.lang;
    let mut col = Column::new()
        .spacing(4)
        .padding(12)
        .width(Length::Fixed(230.0));
    for (i, step) in Step::ALL.into_iter().enumerate() {
        let state = step.state(app.report(), &app.done);
        let status = state.status;
        let mark = match status {
            Some(s) => render::status_mark(s),
            None => "·",
        };
        let dot = container(
            text(mark)
                .size(style::SMALL_SIZE)
                .align_x(Alignment::Center)
                .width(Fill),
        )
        .width(Length::Fixed(24.0))
        .style(style::badge(status));
        let name =
            crate::localize::text(lang, &format!("step-{}", step.id()), &[]).unwrap_or_default();
        let mut label =
            Column::new().push(text(format!("{}. {name}", i + 1)).size(style::BODY_SIZE));
        if let Some(wait) = state.waiting {
            let reason = match wait {
                Wait::Step(other) => fl!(lang, "gui-wait-short-step", number = other.number()),
                Wait::Confirmation => fl!(lang, "gui-wait-short-confirmation"),
            };
            label = label.push(text(reason).size(style::SMALL_SIZE).style(style::muted));
        }
        let entry = row![dot, label].spacing(10).align_y(Alignment::Center);
        let b = button(entry)
            .width(Fill)
            .padding([6, 8])
            .style(style::step_entry(step == app.step));
        let open = (step == Step::Start || app.domain.is_ok()).then_some(Message::GoTo(step));
        col = col.push(press(b, open));
    }
    // What the marks mean, the grey ones above all: they are not failures.
    col = col.push(
        container(hint(fl!(lang, "gui-step-list-legend"))).padding(iced::Padding::ZERO.top(12)),
    );
    container(col).height(Fill).style(style::sidebar).into()
}

fn header<'a>(app: &App) -> Element<'a, Message> {
    let lang = app.lang;
    let lang_button = |l: Lang, label: &'static str| {
        let b = button(text(label).size(style::SMALL_SIZE))
            .padding([4, 10])
            .style(if app.lang == l {
                button::primary
            } else {
                button::secondary
            });
        press(b, Some(Message::LangSelected(l)))
    };
    let domain = app
        .domain
        .as_ref()
        .map(|d| visible(d.unicode()).into_owned())
        .unwrap_or_default();
    // The name and the domain share what the buttons leave, the domain
    // wrapping (a long name breaks anywhere) and clipped rather than drawn
    // under the buttons when the window is narrow.
    let name = crate::gui::widgets::unbroken(fl!(lang, "app-name"));
    let names = column![
        text(name)
            .size(style::HEADING_SIZE)
            .font(style::BOLD)
            .wrapping(text::Wrapping::WordOrGlyph),
        text(domain)
            .size(style::BODY_SIZE)
            .wrapping(text::Wrapping::WordOrGlyph),
    ]
    .spacing(2)
    .width(Fill);
    row![
        container(names).width(Fill).clip(true),
        lang_button(Lang::Fr, "Français"),
        lang_button(Lang::En, "English"),
        press(
            button(text(fl!(lang, "gui-export-short")).size(style::SMALL_SIZE))
                .padding([4, 10])
                .style(button::secondary),
            app.current_outcome()
                .is_some()
                .then_some(Message::Export(super::export::Kind::Checklist))
        ),
        press(
            button(text(fl!(lang, "gui-start-over")).size(style::SMALL_SIZE))
                .padding([4, 10])
                .style(button::secondary),
            Some(Message::StartOver)
        ),
    ]
    .spacing(12)
    .padding([10, 16])
    .align_y(Alignment::Center)
    .into()
}

fn checked_line(app: &App) -> String {
    let lang = app.lang;
    if app.checking {
        return fl!(lang, "gui-checking");
    }
    let Some(at) = app.checked_at else {
        return String::new();
    };
    let ago = app.now.saturating_duration_since(at).as_secs();
    if app.watching() {
        let next = super::RECHECK_EVERY
            .as_secs()
            .saturating_sub(ago % super::RECHECK_EVERY.as_secs());
        fl!(lang, "gui-checked-ago", seconds = ago, next = next)
    } else {
        fl!(lang, "gui-checked-recently", time = clock(app))
    }
}

/// The time of the last check, on the local clock.
fn clock(app: &App) -> String {
    app.checked_at_wall
        .map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_default()
}

fn footer<'a>(app: &App) -> Element<'a, Message> {
    let lang = app.lang;
    let back = press(
        button(text(fl!(lang, "gui-back")).size(style::BODY_SIZE))
            .padding([8, 18])
            .style(button::secondary),
        app.step.previous().map(|_| Message::Back),
    );
    let next = press(
        button(text(fl!(lang, "gui-next")).size(style::BODY_SIZE))
            .padding([8, 18])
            .style(button::primary),
        app.can_go_on().then_some(Message::Next),
    );
    let check_now = press(
        button(text(fl!(lang, "gui-check-now")).size(style::BODY_SIZE))
            .padding([8, 18])
            .style(button::secondary),
        (app.domain.is_ok() && !app.checking).then_some(Message::CheckNow),
    );
    row![
        back,
        text(checked_line(app))
            .size(style::SMALL_SIZE)
            .style(style::muted)
            .width(Fill)
            .align_x(Alignment::Center),
        check_now,
        next,
    ]
    .spacing(12)
    .padding([10, 16])
    .align_y(Alignment::Center)
    .into()
}

fn notice<'a>(app: &App) -> Option<Element<'a, Message>> {
    let lang = app.lang;
    let message = match app.notice.as_ref()? {
        Notice::ProgressMovedAside { moved_to, problem } => fl!(
            lang,
            "gui-progress-moved",
            path = moved_to.display().to_string(),
            reason = render::progress_problem(lang, problem)
        ),
        Notice::ProgressLeftInPlace {
            path,
            problem,
            move_error: None,
        } => fl!(
            lang,
            "gui-progress-left",
            path = path.display().to_string(),
            reason = render::progress_problem(lang, problem)
        ),
        Notice::ProgressLeftInPlace {
            path,
            problem,
            move_error: Some(error),
        } => fl!(
            lang,
            "gui-progress-not-moved",
            path = path.display().to_string(),
            reason = render::progress_problem(lang, problem),
            error = render::system_error(lang, *error)
        ),
        Notice::SaveFailed(e) => fl!(lang, "gui-save-failed", error = e.as_str()),
    };
    Some(banner(
        lang,
        message,
        Status::Warn,
        Some(Message::DismissNotice),
    ))
}

/// A message above the step, tinted with `status`, with a Close button
/// when `dismiss` is given.
fn banner<'a>(
    lang: Lang,
    message: String,
    status: Status,
    dismiss: Option<Message>,
) -> Element<'a, Message> {
    container(
        row![
            text(message).size(style::BODY_SIZE).width(Fill),
            press(
                button(text(fl!(lang, "gui-dismiss")).size(style::SMALL_SIZE))
                    .style(button::secondary),
                dismiss
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    )
    .padding(10)
    .width(Fill)
    .style(style::problem(status))
    .into()
}

/// Where the last save stands: saving, saved where, or why not.
fn export_status<'a>(app: &App) -> Option<Element<'a, Message>> {
    use super::export::Contents;
    let lang = app.lang;
    let (message, status) = match app.export.as_ref()? {
        ExportStatus::Saving => (fl!(lang, "gui-saving"), Status::Unknown),
        ExportStatus::Saved(saved) => {
            let kind = match saved.contents {
                Contents::Checklist => "checklist",
                Contents::Records => "records",
                Contents::Script => "script",
            };
            let path = saved.path.display().to_string();
            let message = if saved.fallback {
                fl!(lang, "gui-saved-no-dialog", kind = kind, path = path)
            } else {
                fl!(lang, "gui-saved", kind = kind, path = path)
            };
            (message, Status::Pass)
        }
        ExportStatus::Failed(e) => (
            fl!(lang, "gui-save-file-failed", error = e.as_str()),
            Status::Fail,
        ),
    };
    let saving = matches!(app.export, Some(ExportStatus::Saving));
    Some(banner(
        lang,
        message,
        status,
        (!saving).then_some(Message::DismissExport),
    ))
}

fn confirm_start_over<'a>(app: &App) -> Element<'a, Message> {
    let lang = app.lang;
    container(
        row![
            text(fl!(lang, "gui-start-over-question"))
                .size(style::BODY_SIZE)
                .width(Fill),
            press(
                button(text(fl!(lang, "gui-start-over-yes")).size(style::SMALL_SIZE))
                    .style(button::danger),
                Some(Message::ConfirmStartOver(true))
            ),
            press(
                button(text(fl!(lang, "gui-cancel")).size(style::SMALL_SIZE))
                    .style(button::secondary),
                Some(Message::ConfirmStartOver(false))
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    )
    .padding(10)
    .width(Fill)
    .style(style::problem(Status::Fail))
    .into()
}

/// The whole window: header, step list, the open step, navigation. Notices
/// stay above the step, visible however far it is scrolled.
pub fn window(app: &App) -> Element<'_, Message> {
    let mut banners = Column::new().spacing(8).padding([0, 28]).max_width(900);
    let mut any = false;
    if app.confirm_start_over {
        banners = banners.push(confirm_start_over(app));
        any = true;
    }
    if let Some(n) = notice(app) {
        banners = banners.push(n);
        any = true;
    }
    if let Some(status) = export_status(app) {
        banners = banners.push(status);
        any = true;
    }
    if let Some(e) = &app.copy_error {
        any = true;
        banners = banners.push(
            container(
                text(fl!(app.lang, "gui-copy-failed", error = e.as_str())).size(style::BODY_SIZE),
            )
            .padding(10)
            .width(Fill)
            .style(style::problem(Status::Fail)),
        );
    }
    let content = Column::new()
        .spacing(16)
        .padding([20, 28])
        .max_width(900)
        .push(steps::view(app));
    let mut main = Column::new().width(Fill);
    if any {
        main = main.push(
            container(banners)
                .width(Fill)
                .align_x(Alignment::Center)
                .padding([10, 0]),
        );
    }
    let main = main
        .push(
            scrollable(container(content).width(Fill).align_x(Alignment::Center))
                .id(CONTENT_SCROLL)
                .height(Fill),
        )
        .push(rule::horizontal(1))
        .push(footer(app));
    focus::scope(
        column![
            header(app),
            rule::horizontal(1),
            row![step_list(app), main].height(Fill),
        ]
        .width(Fill)
        .height(Fill),
    )
}

//! Every colour and shape of the window, in one place.

use iced::widget::{button, container, text};
use iced::{Background, Border, Color, Font, Theme, color};

use crate::check::Status;

/// The embedded fonts: DejaVu Sans for text, DejaVu Sans Mono for values.
pub const SANS: Font = Font::with_name("DejaVu Sans");
pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..Font::with_name("DejaVu Sans")
};
pub const MONO: Font = Font::with_name("DejaVu Sans Mono");

pub const TITLE_SIZE: u32 = 24;
pub const HEADING_SIZE: u32 = 18;
pub const BODY_SIZE: u32 = 15;
pub const SMALL_SIZE: u32 = 13;

/// The colour that stands for a status; `None` for "not checked yet".
pub fn status_color(status: Option<Status>) -> Color {
    match status {
        Some(Status::Pass) => color!(0x1b7a34),
        Some(Status::Warn) => color!(0x9a5b00),
        Some(Status::Fail) => color!(0xb3261e),
        Some(Status::Waiting) => color!(0x28589a),
        Some(Status::Unknown) | None => color!(0x5f6368),
    }
}

/// A badge: white text on the status colour.
pub fn badge(status: Option<Status>) -> impl Fn(&Theme) -> container::Style {
    move |_theme| container::Style {
        background: Some(Background::Color(status_color(status))),
        text_color: Some(Color::WHITE),
        border: Border::default().rounded(10),
        ..container::Style::default()
    }
}

/// A badge while its check runs.
pub fn badge_checking(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.primary.weak.color)),
        text_color: Some(palette.primary.weak.text),
        border: Border::default().rounded(10),
        ..container::Style::default()
    }
}

/// A card around a record or a group of facts.
pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weakest.color)),
        border: Border::default()
            .rounded(8)
            .width(1)
            .color(palette.background.strong.color),
        ..container::Style::default()
    }
}

/// A problem, tinted with its severity.
pub fn problem(status: Status) -> impl Fn(&Theme) -> container::Style {
    move |theme| {
        let palette = theme.extended_palette();
        let tint = status_color(Some(status));
        let base = palette.background.base.color;
        let mix = |a: f32, b: f32| a * 0.88 + b * 0.12;
        container::Style {
            background: Some(Background::Color(Color::from_rgb(
                mix(base.r, tint.r),
                mix(base.g, tint.g),
                mix(base.b, tint.b),
            ))),
            border: Border::default().rounded(6).width(1).color(tint),
            ..container::Style::default()
        }
    }
}

/// A note (information, warning about order of operations).
pub fn note(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(
            palette.primary.weak.color.scale_alpha(0.25),
        )),
        border: Border::default()
            .rounded(6)
            .width(1)
            .color(palette.primary.base.color),
        ..container::Style::default()
    }
}

/// The step list's background.
pub fn sidebar(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(Background::Color(palette.background.weak.color)),
        ..container::Style::default()
    }
}

/// An entry of the step list; the current one stands out.
pub fn step_entry(current: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        let background = if current {
            Some(Background::Color(palette.primary.weak.color))
        } else if matches!(status, button::Status::Hovered | button::Status::Pressed) {
            Some(Background::Color(palette.background.strong.color))
        } else {
            None
        };
        button::Style {
            background,
            text_color: if current {
                palette.primary.weak.text
            } else {
                palette.background.weak.text
            },
            border: Border::default().rounded(6),
            ..button::Style::default()
        }
    }
}

/// Secondary text (hints, full names).
pub fn muted(theme: &Theme) -> text::Style {
    let palette = theme.extended_palette();
    let text_color = palette.background.base.text;
    text::Style {
        color: Some(text_color.scale_alpha(0.68)),
    }
}

/// Text that must be noticed (an invalid entry).
pub fn error_text(theme: &Theme) -> text::Style {
    let dark = theme.extended_palette().is_dark;
    text::Style {
        color: Some(if dark {
            color!(0xff8a80)
        } else {
            color!(0xb3261e)
        }),
    }
}

//! Drawing laid-out pages into a PDF with krilla: real text with its
//! Unicode map, embedded (subset) TrueType fonts.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};

use super::layout::{FontKind, Geometry, Item, Page, Rgb};

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

struct Fonts {
    sans: Font,
    bold: Font,
    mono: Font,
}

impl Fonts {
    fn load() -> Result<Fonts, String> {
        let load = |kind: FontKind| {
            Font::new(kind.bytes().into(), 0).ok_or_else(|| format!("font {kind:?} cannot be read"))
        };
        Ok(Fonts {
            sans: load(FontKind::Sans)?,
            bold: load(FontKind::Bold)?,
            mono: load(FontKind::Mono)?,
        })
    }

    fn get(&self, kind: FontKind) -> Font {
        match kind {
            FontKind::Sans => self.sans.clone(),
            FontKind::Bold => self.bold.clone(),
            FontKind::Mono => self.mono.clone(),
        }
    }
}

/// Document-level facts.
pub struct Info {
    pub title: String,
    /// BCP 47 language (`fr`, `en`).
    pub language: String,
    pub creator: String,
}

/// Draws `pages`, each with the footer `footer(page number, page count)`.
pub fn render(
    pages: &[Page],
    geometry: Geometry,
    info: Info,
    footer: impl Fn(usize, usize) -> Vec<Item>,
) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(info.title)
            .language(info.language)
            .creator(info.creator),
    );
    let settings = PageSettings::from_wh(geometry.width, geometry.height)
        .ok_or_else(|| "invalid page size".to_string())?;
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        let footer_items = footer(i + 1, count);
        for item in page.items.iter().chain(footer_items.iter()) {
            match item {
                Item::Text {
                    x,
                    y,
                    font,
                    size,
                    color: c,
                    text,
                } => {
                    if text.is_empty() {
                        continue;
                    }
                    surface.set_fill(Some(fill(*c)));
                    surface.set_stroke(None);
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        fonts.get(*font),
                        *size,
                        text,
                        false,
                        TextDirection::LeftToRight,
                    );
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: f,
                    stroke,
                } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    let Some(path) = pb.finish() else { continue };
                    surface.set_fill(f.map(fill));
                    surface.set_stroke(stroke.map(|c| Stroke {
                        paint: color(c).into(),
                        width: 0.8,
                        ..Default::default()
                    }));
                    surface.draw_path(&path);
                }
                Item::CheckBox { x, y, size, ticked } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, *size, *size) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    let Some(path) = pb.finish() else { continue };
                    surface.set_fill(Some(fill([255, 255, 255])));
                    surface.set_stroke(Some(Stroke {
                        paint: color([0, 0, 0]).into(),
                        width: 0.8,
                        ..Default::default()
                    }));
                    surface.draw_path(&path);
                    if !*ticked {
                        continue;
                    }
                    let mut pb = PathBuilder::new();
                    pb.move_to(x + size * 0.2, y + size * 0.55);
                    pb.line_to(x + size * 0.42, y + size * 0.78);
                    pb.line_to(x + size * 0.82, y + size * 0.22);
                    let Some(path) = pb.finish() else { continue };
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: color([27, 122, 52]).into(),
                        width: 1.6,
                        ..Default::default()
                    }));
                    surface.draw_path(&path);
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

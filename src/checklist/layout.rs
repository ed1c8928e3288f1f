//! Placing text on pages: measuring with the fonts' own shaping, wrapping,
//! and breaking into pages. Produces positioned items; `pdf.rs` draws them.

use std::sync::LazyLock;

use crate::fonts;
use crate::safe_text::visible;

/// Which embedded font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontKind {
    Sans,
    Bold,
    Mono,
}

impl FontKind {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontKind::Sans => fonts::SANS,
            FontKind::Bold => fonts::SANS_BOLD,
            FontKind::Mono => fonts::MONO,
        }
    }
}

/// Faces for measuring, parsed once.
struct Faces {
    sans: rustybuzz::Face<'static>,
    bold: rustybuzz::Face<'static>,
    mono: rustybuzz::Face<'static>,
}

static FACES: LazyLock<Option<Faces>> = LazyLock::new(|| {
    Some(Faces {
        sans: rustybuzz::Face::from_slice(fonts::SANS, 0)?,
        bold: rustybuzz::Face::from_slice(fonts::SANS_BOLD, 0)?,
        mono: rustybuzz::Face::from_slice(fonts::MONO, 0)?,
    })
});

/// Width of `text` in points, shaped as the PDF will shape it.
pub fn text_width(font: FontKind, size: f32, text: &str) -> f32 {
    let Some(faces) = FACES.as_ref() else {
        // Cannot happen with the embedded fonts; a generous estimate keeps
        // text inside the page anyway.
        return text.chars().count() as f32 * size * 0.65;
    };
    let face = match font {
        FontKind::Sans => &faces.sans,
        FontKind::Bold => &faces.bold,
        FontKind::Mono => &faces.mono,
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    units as f32 * size / face.units_per_em() as f32
}

/// Cuts `text` into lines no wider than `width`, at spaces; a word wider
/// than a line is cut between characters, nothing being added to it.
pub fn wrap(font: FontKind, size: f32, width: f32, text: &str) -> Vec<String> {
    wrap_after(font, size, width, width, text)
}

/// Like [`wrap`], the first line being only `first_width` wide (it follows
/// a label).
pub fn wrap_after(
    font: FontKind,
    size: f32,
    first_width: f32,
    width: f32,
    text: &str,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        // Text from DNS or a profile is drawn with its controls visible.
        let paragraph = visible(paragraph);
        let mut line = String::new();
        // The line's width, measured or summed from its words.
        let mut line_width = 0.0;
        for word in paragraph.split(' ') {
            let width = if lines.is_empty() { first_width } else { width };
            // Shaping the whole line again for every word costs the square
            // of its length: the width is summed word by word, and shaped
            // whole only near the limit, where kerning could matter.
            let (candidate, estimate) = if line.is_empty() {
                (word.to_string(), text_width(font, size, word))
            } else {
                let added = text_width(font, size, &format!(" {word}"));
                (format!("{line} {word}"), line_width + added)
            };
            let measured = if estimate < width - NEAR_LIMIT || estimate > width + NEAR_LIMIT {
                estimate
            } else {
                text_width(font, size, &candidate)
            };
            if measured <= width {
                line = candidate;
                line_width = measured;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let word_width = text_width(font, size, word);
            if word_width <= width {
                line = word.to_string();
                line_width = word_width;
            } else {
                let mut pieces = break_chars(font, size, width, word);
                line = pieces.pop().unwrap_or_default();
                line_width = text_width(font, size, &line);
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

/// How close to a line's width a summed width is checked by shaping the
/// whole line, in points.
const NEAR_LIMIT: f32 = 4.0;

/// Cuts a string between characters into pieces no wider than `width`.
pub fn break_chars(font: FontKind, size: f32, width: f32, text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        piece.push(c);
        if text_width(font, size, &piece) > width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    if !piece.is_empty() || pieces.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// An RGB colour.
pub type Rgb = [u8; 3];

pub const BLACK: Rgb = [0, 0, 0];
pub const GREY: Rgb = [90, 90, 90];
pub const LIGHT: Rgb = [244, 244, 244];
pub const BORDER: Rgb = [200, 200, 200];
pub const WHITE: Rgb = [255, 255, 255];

/// Something drawn at a position; `y` grows downwards from the page top.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        font: FontKind,
        size: f32,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
    },
    /// A tick box at (x, y) of side `size`, ticked or empty: one per
    /// action a person does.
    CheckBox {
        x: f32,
        y: f32,
        size: f32,
        ticked: bool,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Room kept at the bottom for the footer.
    pub footer: f32,
}

impl Geometry {
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

/// Lays items out top to bottom, starting a page when one is full.
pub struct Writer {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub y: f32,
}

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.35;

impl Writer {
    pub fn new(geometry: Geometry) -> Writer {
        Writer {
            geometry,
            pages: vec![Page::default()],
            y: geometry.margin,
        }
    }

    fn bottom(&self) -> f32 {
        self.geometry.height - self.geometry.margin - self.geometry.footer
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.margin;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        let fresh = self.y <= self.geometry.margin + 0.5;
        if self.y + height > self.bottom() && !fresh {
            self.new_page();
        }
    }

    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// Height of `lines` lines of text at `size`.
    pub fn lines_height(lines: usize, size: f32) -> f32 {
        lines as f32 * size * LEADING
    }

    /// Lines of text from the current position, each line kept on one page.
    pub fn lines(&mut self, lines: &[String], x: f32, font: FontKind, size: f32, color: Rgb) {
        for line in lines {
            // Wrapped lines are visible already; this catches the others.
            let line = visible(line);
            self.ensure(size * LEADING);
            self.y += size * LEADING;
            self.push(Item::Text {
                x,
                y: self.y - size * (LEADING - 1.0) - size * 0.22,
                font,
                size,
                color,
                text: line.into_owned(),
            });
        }
    }

    /// A wrapped paragraph, indented by `indent` from the margin.
    pub fn paragraph(&mut self, text: &str, indent: f32, font: FontKind, size: f32, color: Rgb) {
        let width = self.geometry.content_width() - indent;
        let lines = wrap(font, size, width, text);
        let x = self.geometry.margin + indent;
        self.lines(&lines, x, font, size, color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_character() {
        let text = "L’enregistrement SPF nécessite 14 requêtes DNS ; la limite est de 10. Les destinataires s’arrêtent sur une erreur permanente.";
        let lines = wrap(FontKind::Sans, 10.0, 150.0, text);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(text_width(FontKind::Sans, 10.0, l) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    /// Summing word widths never lets a line out of its width, on many
    /// widths and both fonts used for words.
    #[test]
    fn summed_widths_keep_every_line_inside() {
        let text = "Dans la console e-securemail (https://www.security-mail.net/), allez dans Configuration > Paramètres du domaine > Livraison/SMTP et saisissez votre serveur de destination. Ne laissez pas le centre d’administration Microsoft 365 configurer vos enregistrements DNS automatiquement.".repeat(3);
        for font in [FontKind::Sans, FontKind::Bold] {
            for width in (60..500).step_by(7) {
                let width = width as f32;
                let lines = wrap(font, 9.5, width, &text);
                // Words wider than a line are cut between characters.
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
                for l in &lines {
                    let w = text_width(font, 9.5, l);
                    assert!(w <= width, "{width}: {w} {l}");
                }
            }
        }
    }

    #[test]
    fn long_values_break_between_characters_with_nothing_added() {
        let key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(6);
        let lines = wrap(FontKind::Mono, 9.0, 200.0, &key);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), key);
        for l in &lines {
            assert!(text_width(FontKind::Mono, 9.0, l) <= 200.0);
        }
    }

    #[test]
    fn a_full_page_breaks() {
        let mut w = Writer::new(Geometry {
            width: 300.0,
            height: 200.0,
            margin: 20.0,
            footer: 20.0,
        });
        let lines: Vec<String> = (0..30).map(|i| format!("line {i}")).collect();
        w.lines(&lines, 20.0, FontKind::Sans, 10.0, BLACK);
        assert!(w.pages.len() > 2);
        for page in &w.pages {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= 160.0, "{y}");
                }
            }
        }
    }
}

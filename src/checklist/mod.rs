//! The printable checklist: every step of the setup with what to do, where,
//! the exact records, and their status at export time, as a PDF.

pub mod layout;
mod pdf;

use layout::{
    BLACK, BORDER, FontKind, GREY, Geometry, Item, LIGHT, WHITE, Writer, text_width, wrap,
};

use crate::check::Status;
use crate::content::{self, ActionItem, CheckContent, Content, Fact, RecordCard, StepContent};
use crate::domain::DomainName;
use crate::fl;
use crate::localize::{Lang, text};
use crate::render;
use crate::step::Step;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    fn geometry(self) -> Geometry {
        let (width, height) = match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            margin: 48.0,
            footer: 22.0,
        }
    }
}

/// Everything the checklist shows: the same content the window draws,
/// with the report the checklist is about.
pub struct ChecklistInput<'a> {
    pub domain: &'a DomainName,
    pub report: &'a crate::check::Report,
    /// What the steps are built from; its domain and report are those above.
    pub content: content::Input<'a>,
    pub generated_at: chrono::DateTime<chrono::Local>,
    pub paper: Paper,
}

/// `esm-checklist-<domain>-<date>.pdf`.
pub fn file_name(domain: &DomainName, date: chrono::NaiveDate) -> String {
    format!(
        "esm-checklist-{}-{}.pdf",
        domain.ascii(),
        date.format("%Y-%m-%d")
    )
}

const BODY: f32 = 9.5;
const SMALL: f32 = 8.5;
const VALUE: f32 = 8.5;
const HEADING: f32 = 12.5;
const TITLE: f32 = 18.0;
const LABEL_WIDTH: f32 = 92.0;
const PAD: f32 = 8.0;

fn status_rgb(status: Option<Status>) -> layout::Rgb {
    match status {
        Some(Status::Pass) => [27, 122, 52],
        Some(Status::Warn) => [154, 91, 0],
        Some(Status::Fail) => [179, 38, 30],
        Some(Status::Waiting) => [40, 88, 150],
        Some(Status::Unknown) | None => [95, 99, 104],
    }
}

fn status_label(lang: Lang, status: Option<Status>) -> String {
    match status {
        Some(s) => format!(
            "{} {}",
            render::status_mark(s),
            render::status_word(lang, s)
        ),
        None => format!("? {}", fl!(lang, "gui-not-checked")),
    }
}

/// Cuts a value into lines that fit, never next to a space, so that the text
/// copied out of the PDF, line breaks removed, is exactly the value.
fn value_lines(value: &str, width: f32) -> Vec<String> {
    let value = crate::safe_text::visible(value);
    let chars: Vec<char> = value.chars().collect();
    let fits = |a: usize, b: usize| {
        let piece: String = chars[a..b].iter().collect();
        text_width(FontKind::Mono, VALUE, &piece) <= width
    };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start + 1;
        while end < chars.len() && fits(start, end + 1) {
            end += 1;
        }
        if end < chars.len() {
            // Break between two non-space characters when the line has one.
            let mut e = end;
            while e > start + 1 && (chars[e - 1] == ' ' || chars[e] == ' ') {
                e -= 1;
            }
            if chars[e - 1] != ' ' && chars[e] != ' ' {
                end = e;
            }
        }
        lines.push(chars[start..end].iter().collect());
        start = end;
    }
    lines
}

struct Doc<'a> {
    w: Writer,
    input: &'a ChecklistInput<'a>,
    lang: Lang,
}

/// Side of an action's tick box.
pub const ACTION_BOX: f32 = 10.0;

impl Doc<'_> {
    fn margin(&self) -> f32 {
        self.w.geometry.margin
    }

    fn width(&self) -> f32 {
        self.w.geometry.content_width()
    }

    fn text(&mut self, s: &str, indent: f32) {
        self.w.paragraph(s, indent, FontKind::Sans, BODY, BLACK);
    }

    fn small(&mut self, s: &str, indent: f32) {
        self.w.paragraph(s, indent, FontKind::Sans, SMALL, GREY);
    }

    fn bold(&mut self, s: &str, indent: f32) {
        self.w.paragraph(s, indent, FontKind::Bold, BODY, BLACK);
    }

    /// A heading inside a step, never left alone at the bottom of a page.
    fn subheading(&mut self, s: &str) {
        self.w.ensure(BODY * layout::LEADING * 4.0);
        self.bold(s, 0.0);
    }

    /// A badge: white status word on the status colour, at (x, baseline y).
    fn badge(&mut self, x: f32, baseline: f32, status: Option<Status>) -> f32 {
        let label = status_label(self.lang, status);
        let w = text_width(FontKind::Bold, SMALL, &label) + 10.0;
        self.w.push(Item::Rect {
            x,
            y: baseline - SMALL - 1.0,
            w,
            h: SMALL + 5.0,
            fill: Some(status_rgb(status)),
            stroke: None,
        });
        self.w.push(Item::Text {
            x: x + 5.0,
            y: baseline,
            font: FontKind::Bold,
            size: SMALL,
            color: WHITE,
            text: label,
        });
        w
    }

    fn title(&mut self) {
        let lang = self.lang;
        let m = self.margin();
        self.w
            .lines(&[fl!(lang, "pdf-title")], m, FontKind::Bold, TITLE, BLACK);
        self.small(&fl!(lang, "pdf-subtitle"), 0.0);
        self.w.gap(8.0);
        let domain = self.input.domain;
        let domain_text = if domain.ascii() == domain.unicode() {
            domain.ascii().to_string()
        } else {
            format!("{} ({})", domain.unicode(), domain.ascii())
        };
        let platform = text(
            lang,
            &format!("platform-{}", self.input.content.platform.id()),
            &[],
        )
        .unwrap_or_default();
        let date = match lang {
            Lang::Fr => self.input.generated_at.format("%d/%m/%Y %H:%M"),
            Lang::En => self.input.generated_at.format("%Y-%m-%d %H:%M"),
        }
        .to_string();
        for (label, value) in [
            (fl!(lang, "pdf-domain"), domain_text),
            (fl!(lang, "pdf-platform"), platform),
            (fl!(lang, "pdf-date"), date),
        ] {
            self.field(&label, &value, FontKind::Sans, 0.0);
        }
        let overall = Status::worst(self.input.report.checks.iter().map(|c| c.status));
        self.w.ensure(BODY * 2.0);
        self.w.gap(BODY * layout::LEADING);
        let baseline = self.w.y - BODY * 0.5;
        self.w.push(Item::Text {
            x: m,
            y: baseline,
            font: FontKind::Bold,
            size: BODY,
            color: BLACK,
            text: fl!(lang, "pdf-overall"),
        });
        self.badge(m + LABEL_WIDTH, baseline, overall);
        self.w.gap(10.0);
    }

    /// Width of a field's value column.
    fn value_width(&self, indent: f32) -> f32 {
        self.width() - indent - LABEL_WIDTH - 2.0 * PAD
    }

    /// `label` in a narrow column, then `value` wrapped beside it.
    fn field(&mut self, label: &str, value: &str, font: FontKind, indent: f32) {
        let m = self.margin() + indent;
        let value_width = self.value_width(indent);
        let lines = if font == FontKind::Mono {
            value_lines(value, value_width)
        } else {
            wrap(font, BODY, value_width, value)
        };
        let labels = wrap(FontKind::Sans, SMALL, LABEL_WIDTH - 6.0, label);
        let size = if font == FontKind::Mono { VALUE } else { BODY };
        let height = Writer::lines_height(lines.len().max(labels.len()), BODY);
        self.w.ensure(height);
        let top = self.w.y;
        self.w.lines(&labels, m, FontKind::Sans, SMALL, GREY);
        self.w.y = top;
        self.w.lines(&lines, m + LABEL_WIDTH, font, size, BLACK);
        self.w.y = self.w.y.max(top + height);
    }

    fn fact(&mut self, fact: &Fact, indent: f32) {
        let font = if fact.literal {
            FontKind::Mono
        } else {
            FontKind::Sans
        };
        self.field(&fact.label, &fact.value, font, indent);
    }

    /// A bold label, then text wrapped after it and below it.
    fn labelled(&mut self, label: &str, body: &str, indent: f32) {
        let m = self.margin() + indent;
        let width = self.width() - indent;
        let label = format!("{label} ");
        let label_width = text_width(FontKind::Bold, BODY, &label);
        let lines = layout::wrap_after(FontKind::Sans, BODY, width - label_width, width, body);
        self.w.ensure(BODY * layout::LEADING);
        let top = self.w.y;
        self.w.lines(&[label], m, FontKind::Bold, BODY, BLACK);
        self.w.y = top;
        if let Some((first, rest)) = lines.split_first() {
            self.w.lines(
                std::slice::from_ref(first),
                m + label_width,
                FontKind::Sans,
                BODY,
                BLACK,
            );
            self.w.lines(rest, m, FontKind::Sans, BODY, BLACK);
        }
    }

    /// The step's number and name, and its badge when DNS verifies it. No
    /// box here: the boxes are the actions'.
    fn step_heading(&mut self, number: usize, content: &StepContent) {
        let m = self.margin();
        // A heading is never left alone at the bottom of a page.
        self.w.ensure(HEADING * 4.0 + 70.0);
        self.w.gap(10.0);
        self.w.push(Item::Rect {
            x: m,
            y: self.w.y,
            w: self.width(),
            h: 0.8,
            fill: Some(BORDER),
            stroke: None,
        });
        self.w.gap(6.0);
        let top = self.w.y;
        self.w.lines(
            &[format!("{number}. {}", content.title)],
            m,
            FontKind::Bold,
            HEADING,
            BLACK,
        );
        if !content.step.checks().is_empty() || content.state.waiting.is_some() {
            let label = status_label(self.lang, content.state.status);
            let w = text_width(FontKind::Bold, SMALL, &label) + 10.0;
            self.badge(m + self.width() - w, top + HEADING, content.state.status);
        }
        self.w.gap(4.0);
    }

    /// One action: its box, ticked when verified or ticked by hand, its
    /// words beside it, and how it was ticked below them.
    fn action(&mut self, action: &ActionItem) {
        let m = self.margin();
        let indent = ACTION_BOX + 8.0;
        let lines = wrap(FontKind::Sans, BODY, self.width() - indent, &action.text);
        let height = Writer::lines_height(lines.len() + 1, BODY);
        self.w.ensure(height);
        self.w.gap(3.0);
        let top = self.w.y;
        self.w.push(Item::CheckBox {
            x: m,
            y: top + 2.0,
            size: ACTION_BOX,
            ticked: action.is_ticked(),
        });
        self.w
            .lines(&lines, m + indent, FontKind::Sans, BODY, BLACK);
        if let Some(note) = &action.ticked_note {
            self.w.paragraph(
                note,
                indent,
                FontKind::Sans,
                SMALL,
                status_rgb(Some(Status::Pass)),
            );
        }
        if let Some(note) = &action.proof_note {
            let status = action.proof.map(|p| p.status);
            self.w
                .paragraph(note, indent, FontKind::Sans, SMALL, status_rgb(status));
        }
    }

    /// What the test messages proved, when one was analysed: each
    /// direction's date and checks.
    fn test_messages(&mut self, t: &content::TestMailContent) {
        if !t.any_judged() {
            return;
        }
        // A heading is never left alone at the bottom of a page.
        self.w.ensure(HEADING * 4.0 + 40.0);
        self.w.gap(10.0);
        self.w.lines(
            &[fl!(self.lang, "pdf-testmail-title")],
            self.margin(),
            FontKind::Bold,
            HEADING,
            BLACK,
        );
        self.w.gap(4.0);
        for side in t.parts().filter(|s| s.judged.is_some()) {
            self.w.ensure(BODY * 6.0);
            self.w.gap(6.0);
            self.subheading(&side.heading);
            if let Some(j) = &side.judged {
                self.small(j, 0.0);
            }
            self.checks(&side.checks);
            if let Some(n) = &side.details_not_kept {
                self.small(n, 0.0);
            }
        }
    }

    fn record_card(&mut self, card: &RecordCard) {
        let value_width = self.value_width(PAD);
        let heading = format!("{} — {}", card.heading, card.action);
        let heading_lines = wrap(FontKind::Bold, BODY, self.width() - 2.0 * PAD, &heading).len();
        let lines: usize = heading_lines
            + card
                .fields
                .iter()
                .map(|f| {
                    if f.literal {
                        value_lines(&f.value, value_width).len()
                    } else {
                        wrap(FontKind::Sans, BODY, value_width, &f.value).len()
                    }
                })
                .sum::<usize>();
        let height = Writer::lines_height(lines, BODY) + 2.0 * PAD;
        self.w.ensure(height.min(400.0));
        self.w.gap(4.0);
        let top = self.w.y;
        self.w.push(Item::Rect {
            x: self.margin(),
            y: top,
            w: self.width(),
            h: height,
            fill: Some(LIGHT),
            stroke: Some(BORDER),
        });
        self.w.gap(PAD);
        self.w.paragraph(&heading, PAD, FontKind::Bold, BODY, BLACK);
        for f in &card.fields {
            let font = if f.literal {
                FontKind::Mono
            } else {
                FontKind::Sans
            };
            self.field(&f.label, &f.value, font, PAD);
        }
        self.w.y = self.w.y.max(top + height);
        self.w.gap(2.0);
        for note in card.strings_note.iter().chain(&card.notes) {
            self.small(&format!("! {note}"), PAD);
        }
    }

    fn checks(&mut self, checks: &[CheckContent]) {
        let lang = self.lang;
        for c in checks {
            self.w.ensure(BODY * 3.0);
            self.w.gap(4.0);
            let baseline = self.w.y + BODY + 1.0;
            let w = self.badge(self.margin(), baseline, c.status);
            self.w.push(Item::Text {
                x: self.margin() + w + 6.0,
                y: baseline,
                font: FontKind::Bold,
                size: BODY,
                color: BLACK,
                text: c.title.clone(),
            });
            self.w.y = baseline + 6.0;
            if let Some(d) = &c.details {
                self.small(d, 14.0);
            }
            for p in &c.problems {
                let mark = render::status_mark(p.severity);
                self.text(&format!("{mark} {}", p.message), 14.0);
                self.labelled(&fl!(lang, "cli-fix"), &p.fix, 14.0);
            }
        }
    }

    fn lockdown(&mut self, l: &content::LockdownContent) {
        self.w.gap(4.0);
        self.subheading(&l.ranges_title);
        if !l.ranges.is_empty() {
            self.w
                .paragraph(&l.ranges.join("\n"), 8.0, FontKind::Mono, VALUE, BLACK);
        }
        if let Some(source) = &l.ranges_source {
            self.small(source, 8.0);
        }
        if let Some(ask) = &l.ask_support {
            self.text(ask, 8.0);
        }
        self.w.gap(4.0);
        self.subheading(&l.platform_title);
        for p in &l.platform_intro {
            self.text(p, 0.0);
        }
        if let Some(host) = &l.smart_host {
            self.fact(host, 0.0);
        }
        for s in &l.settings {
            let font = if s.copyable {
                FontKind::Mono
            } else {
                FontKind::Sans
            };
            self.field(&s.label, &s.value, font, 0.0);
        }
    }

    /// The rules for the chosen format, as the window shows them.
    fn rules(&mut self, l: &content::LockdownContent) {
        if let Some(Ok(artefact)) = &l.artefact
            && let Some(name) = &l.format_name
        {
            self.w.gap(4.0);
            self.subheading(name);
            let width = self.width() - 8.0;
            for line in artefact.text.lines() {
                // Kept as written, indentation included; a tab would be
                // drawn as its escape, and spaces read the same.
                let line = line.replace('\t', "    ");
                let pieces = layout::break_chars(FontKind::Mono, SMALL, width, &line);
                self.w
                    .lines(&pieces, self.margin() + 8.0, FontKind::Mono, SMALL, BLACK);
            }
        } else if let Some(missing) = &l.artefact_missing
            && l.format_name.is_some()
        {
            self.text(missing, 0.0);
        }
    }

    fn step(&mut self, number: usize, c: &StepContent) {
        self.step_heading(number, c);
        if let Some(reason) = &c.waiting {
            self.small(reason, 0.0);
        }
        for p in &c.explanation {
            self.text(p, 0.0);
        }
        for p in &c.where_to_go {
            self.text(p, 0.0);
        }
        for p in &c.notes {
            self.text(p, 0.0);
        }
        for p in &c.hints {
            self.small(p, 0.0);
        }
        for f in &c.facts {
            self.w.gap(4.0);
            self.fact(f, 0.0);
        }
        if let Some(l) = &c.lockdown {
            self.lockdown(l);
            self.rules(l);
        }
        // What to do, one box each; then the checks and their problems;
        // then the records (the fixes say "below").
        if !c.actions.is_empty() {
            self.w.gap(4.0);
            for a in &c.actions {
                self.action(a);
            }
        }
        if !c.checks.is_empty() {
            self.w.gap(4.0);
            self.checks(&c.checks);
        }
        for card in &c.records {
            self.record_card(card);
        }
        if !c.deletes.is_empty() {
            self.w.gap(4.0);
            self.subheading(&c.deletes_title);
            for d in &c.deletes {
                self.w.paragraph(
                    &format!("✗ {}", d.line),
                    8.0,
                    FontKind::Mono,
                    VALUE,
                    status_rgb(Some(Status::Fail)),
                );
            }
        }
        // The way back, in the order that keeps mail flowing.
        if let Some(l) = &c.lockdown
            && !c.rollback.is_empty()
        {
            self.w.gap(4.0);
            self.subheading(&l.rollback_title);
            for line in &c.rollback {
                self.text(line, 8.0);
            }
        }
    }
}

/// The steps the checklist prints: the title block stands for the start,
/// the document for the summary.
pub fn printed_steps(content: &Content) -> impl Iterator<Item = &StepContent> {
    content
        .steps
        .iter()
        .filter(|s| !matches!(s.step, Step::Start | Step::Summary))
}

/// The checklist laid out, with the content it was drawn from.
pub fn layout(input: &ChecklistInput) -> (Content, Vec<layout::Page>) {
    let content = content::build(&input.content);
    let mut doc = Doc {
        w: Writer::new(input.paper.geometry()),
        input,
        lang: input.content.lang,
    };
    doc.title();
    for (i, step) in printed_steps(&content).enumerate() {
        doc.step(i + 1, step);
    }
    doc.test_messages(&content.testmail);
    let pages = doc.w.pages;
    (content, pages)
}

/// The checklist as PDF bytes.
pub fn export(input: &ChecklistInput) -> Result<Vec<u8>, String> {
    let lang = input.content.lang;
    let geometry = input.paper.geometry();
    let (_, pages) = layout(input);
    let provider = input.content.provider;
    let support = fl!(
        lang,
        "pdf-support",
        email = provider.support_email.as_str(),
        url = provider.consoles.support.as_str()
    );
    let domain = input.domain.ascii().to_string();
    pdf::render(
        &pages,
        geometry,
        pdf::Info {
            title: format!("{} — {}", fl!(lang, "pdf-title"), input.domain.unicode()),
            language: lang.code().to_string(),
            creator: fl!(lang, "app-name"),
        },
        |page, count| {
            let y = geometry.height - geometry.margin + 6.0;
            let page_text = fl!(lang, "pdf-page", page = page, count = count);
            let page_width = text_width(FontKind::Sans, SMALL, &page_text);
            vec![
                Item::Text {
                    x: geometry.margin,
                    y,
                    font: FontKind::Sans,
                    size: SMALL,
                    color: GREY,
                    text: format!("{domain} · {support}"),
                },
                Item::Text {
                    x: geometry.width - geometry.margin - page_width,
                    y,
                    font: FontKind::Sans,
                    size: SMALL,
                    color: GREY,
                    text: page_text,
                },
            ]
        },
    )
    // The PDF library's own error is technical: said in the admin's words,
    // with its detail for support.
    .map_err(|detail| {
        fl!(
            lang,
            "pdf-error",
            detail = crate::safe_text::visible(&detail)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_break_only_between_non_space_characters() {
        let value = "v=spf1 mx include:_spf.mailhost.test include:includespf.security-mail.net include:spf.protection.outlook.com ~all";
        for width in [60.0, 90.0, 150.0, 230.0] {
            let lines = value_lines(value, width);
            assert_eq!(lines.concat(), value, "{width}");
            for l in &lines {
                assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
            }
        }
    }

    #[test]
    fn file_name_has_domain_and_date() {
        let d = DomainName::parse("exemple.fr").unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(
            file_name(&d, date),
            "esm-checklist-exemple.fr-2026-11-27.pdf"
        );
    }
}

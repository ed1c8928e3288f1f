//! The printable checklist: every step of the setup with what to do, where,
//! the exact records, and their status at export time, as a PDF.

pub mod layout;
mod pdf;

use std::collections::BTreeSet;

use layout::{
    BLACK, BORDER, FontKind, GREY, Geometry, Item, LIGHT, WHITE, Writer, text_width, wrap,
};

use crate::check::{CheckResult, Report, Status};
use crate::domain::DomainName;
use crate::fl;
use crate::localize::{Lang, text};
use crate::platform::Platform;
use crate::provider::Provider;
use crate::records::{Publication, Purpose};
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

/// Everything the checklist shows.
pub struct ChecklistInput<'a> {
    pub domain: &'a DomainName,
    pub platform: Platform,
    pub lang: Lang,
    pub provider: &'a Provider,
    pub report: &'a Report,
    pub publication: &'a Publication,
    /// The destination server, as entered.
    pub destination: Option<String>,
    /// Steps marked done by hand.
    pub done: &'a BTreeSet<Step>,
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
        let platform =
            text(lang, &format!("platform-{}", self.input.platform.id()), &[]).unwrap_or_default();
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

    fn step_heading(&mut self, number: usize, step: Step, status: Option<Status>, checked: bool) {
        let lang = self.lang;
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
        let box_size = 12.0;
        self.w.push(Item::Rect {
            x: m,
            y: top + 3.0,
            w: box_size,
            h: box_size,
            fill: Some(WHITE),
            stroke: Some(BLACK),
        });
        if checked {
            self.w.push(Item::Tick {
                x: m,
                y: top + 3.0,
                size: box_size,
            });
        }
        let name = text(lang, &format!("step-{}", step.id()), &[]).unwrap_or_default();
        self.w.lines(
            &[format!("{number}. {name}")],
            m + box_size + 8.0,
            FontKind::Bold,
            HEADING,
            BLACK,
        );
        if !step.checks().is_empty() {
            let label = status_label(lang, status);
            let w = text_width(FontKind::Bold, SMALL, &label) + 10.0;
            self.badge(m + self.width() - w, top + HEADING, status);
        }
        self.w.gap(4.0);
    }

    fn record_card(&mut self, purpose: Purpose) {
        let lang = self.lang;
        let records: Vec<_> = self
            .input
            .publication
            .records
            .iter()
            .filter(|r| r.purpose == purpose)
            .cloned()
            .collect();
        for r in records {
            let value_width = self.value_width(PAD);
            let mut fields: Vec<(String, String, FontKind)> = vec![
                (fl!(lang, "record-name"), r.name.clone(), FontKind::Mono),
                (
                    fl!(lang, "record-full-name"),
                    r.fqdn.clone(),
                    FontKind::Mono,
                ),
                (
                    fl!(lang, "record-type"),
                    r.rtype.to_string(),
                    FontKind::Mono,
                ),
                (fl!(lang, "record-ttl"), r.ttl.to_string(), FontKind::Mono),
            ];
            if let Some(p) = r.priority {
                fields.push((fl!(lang, "record-priority"), p.to_string(), FontKind::Mono));
            }
            match &r.value {
                Some(v) => fields.push((fl!(lang, "record-value"), v.clone(), FontKind::Mono)),
                None if r.action == crate::records::Action::Unknown => fields.push((
                    fl!(lang, "record-value"),
                    fl!(lang, "record-action-unknown"),
                    FontKind::Sans,
                )),
                None => fields.push((
                    fl!(lang, "record-value"),
                    fl!(
                        lang,
                        "pdf-dkim-needs-key",
                        path = self.input.provider.menu_paths.dkim.get(lang.code())
                    ),
                    FontKind::Sans,
                )),
            }
            let action = render::action_word(lang, r.action);
            let purpose_text = text(lang, &format!("record-purpose-{}", r.purpose.as_str()), &[])
                .unwrap_or_default();
            let heading = format!("{purpose_text} — {action}");
            let heading_lines =
                wrap(FontKind::Bold, BODY, self.width() - 2.0 * PAD, &heading).len();
            let lines: usize = heading_lines
                + fields
                    .iter()
                    .map(|(_, v, f)| {
                        if *f == FontKind::Mono {
                            value_lines(v, value_width).len()
                        } else {
                            wrap(*f, BODY, value_width, v).len()
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
            for (label, value, font) in fields {
                self.field(&label, &value, font, PAD);
            }
            self.w.y = self.w.y.max(top + height);
            self.w.gap(2.0);
            // What the window and `records` say beside the card: the
            // warnings of the merge, the MTA-STS file to publish first.
            for note in &r.notes {
                self.small(&format!("! {}", render::record_note(lang, note)), PAD);
            }
        }
    }

    fn checks(&mut self, results: &[&CheckResult]) {
        let lang = self.lang;
        for r in results {
            self.w.ensure(BODY * 3.0);
            self.w.gap(4.0);
            let baseline = self.w.y + BODY + 1.0;
            let w = self.badge(self.margin(), baseline, Some(r.status));
            self.w.push(Item::Text {
                x: self.margin() + w + 6.0,
                y: baseline,
                font: FontKind::Bold,
                size: BODY,
                color: BLACK,
                text: render::check_title(lang, r.id),
            });
            self.w.y = baseline + 6.0;
            if let Some(d) = render::details(lang, r) {
                self.small(&d, 14.0);
            }
            for p in &r.problems {
                let mark = render::status_mark(p.severity);
                self.text(
                    &format!("{mark} {}", render::problem_message(lang, r.id, p)),
                    14.0,
                );
                self.labelled(
                    &fl!(lang, "cli-fix"),
                    &render::problem_fix(lang, r.id, p),
                    14.0,
                );
            }
        }
    }

    fn step_checks(&self, step: Step) -> Vec<&'_ CheckResult> {
        step.checks()
            .iter()
            .filter_map(|id| self.input.report.get(*id))
            .collect()
    }

    fn step(&mut self, number: usize, step: Step) {
        let lang = self.lang;
        let provider = self.input.provider;
        let results: Vec<CheckResult> = self.step_checks(step).into_iter().cloned().collect();
        // The same state as the window: a step waiting for another is
        // never ticked, even if it was ticked by hand before.
        let state = step.state(Some(self.input.report), self.input.done);
        let status = state.status;
        let checked = status == Some(Status::Pass);
        self.step_heading(number, step, status, checked);
        if let Some(wait) = state.waiting {
            let reason = match wait {
                crate::step::Wait::Step(other) => render::wait_for_step(lang, other),
                crate::step::Wait::Confirmation => fl!(lang, "pdf-wait-confirmation"),
            };
            self.small(&reason, 20.0);
        } else if checked && self.input.done.contains(&step) {
            self.small(&fl!(lang, "pdf-checked-by-hand"), 20.0);
        }
        let dns_where = |rtype: &str| {
            let servers: Vec<String> = self
                .input
                .report
                .get(crate::check::CheckId::DomainDns)
                .map(|c| {
                    c.found
                        .iter()
                        .filter_map(|f| f.rsplit(' ').next())
                        .map(|s| s.trim_end_matches('.').to_string())
                        .collect()
                })
                .unwrap_or_default();
            match crate::dnshost::identify(&servers) {
                Some(host) => fl!(lang, "gui-dns-where-host", host = host, rtype = rtype),
                None if !servers.is_empty() => {
                    fl!(
                        lang,
                        "gui-dns-where-servers",
                        servers = servers.join(", "),
                        rtype = rtype
                    )
                }
                None => fl!(lang, "gui-dns-where", rtype = rtype),
            }
        };
        // What to do and where; then the status and its problems; then the
        // records (the fixes say "below").
        match step {
            Step::Destination => {
                self.text(&fl!(lang, "gui-destination-why"), 0.0);
                self.text(
                    &fl!(
                        lang,
                        "gui-destination-where",
                        url = provider.consoles.management.as_str(),
                        path = provider.menu_paths.destination.get(lang.code())
                    ),
                    0.0,
                );
                let value = self
                    .input
                    .destination
                    .clone()
                    .unwrap_or_else(|| fl!(lang, "pdf-not-given"));
                let font = if self.input.destination.is_some() {
                    FontKind::Mono
                } else {
                    FontKind::Sans
                };
                self.w.gap(4.0);
                self.field(&fl!(lang, "pdf-destination-value"), &value, font, 0.0);
            }
            Step::Spf => {
                self.text(&fl!(lang, "gui-spf-why"), 0.0);
                self.text(&dns_where("TXT"), 0.0);
                self.small(&fl!(lang, "gui-spf-one-record"), 0.0);
            }
            Step::Dkim => {
                self.text(&fl!(lang, "gui-dkim-why"), 0.0);
                self.text(
                    &fl!(
                        lang,
                        "pdf-dkim-where",
                        url = provider.consoles.management.as_str(),
                        path = provider.menu_paths.dkim.get(lang.code())
                    ),
                    0.0,
                );
                self.text(&dns_where("TXT"), 0.0);
                self.w.paragraph(
                    &fl!(lang, "pdf-dkim-warning"),
                    0.0,
                    FontKind::Bold,
                    BODY,
                    BLACK,
                );
            }
            Step::Dmarc => {
                self.text(
                    &fl!(
                        lang,
                        "gui-dmarc-why",
                        address = provider.dmarc.report_address.as_str()
                    ),
                    0.0,
                );
                self.text(
                    &fl!(
                        lang,
                        "gui-dmarc-where-console",
                        url = provider.consoles.support.as_str(),
                        path = provider.menu_paths.dmarc.get(lang.code())
                    ),
                    0.0,
                );
                self.text(&dns_where("TXT"), 0.0);
            }
            Step::Mx => {
                self.text(&fl!(lang, "gui-mx-why"), 0.0);
                self.text(&fl!(lang, "gui-mx-order"), 0.0);
                self.text(&dns_where("MX"), 0.0);
                self.small(&fl!(lang, "gui-mx-dot"), 0.0);
                match self.input.platform {
                    Platform::GoogleWorkspace => self.text(&fl!(lang, "gui-mx-google"), 0.0),
                    Platform::Microsoft365 => self.text(&fl!(lang, "gui-mx-microsoft"), 0.0),
                    _ => {}
                }
            }
            Step::Lockdown => {
                self.text(&fl!(lang, "gui-lockdown-why"), 0.0);
                self.text(
                    &match self.input.platform {
                        Platform::Microsoft365 => fl!(lang, "gui-lockdown-m365"),
                        Platform::GoogleWorkspace => fl!(lang, "gui-lockdown-google"),
                        _ => fl!(lang, "gui-lockdown-how"),
                    },
                    0.0,
                );
                self.text(&fl!(lang, "gui-lockdown-ranges"), 0.0);
                self.text(
                    &fl!(
                        lang,
                        "gui-lockdown-ask",
                        email = provider.support_email.as_str()
                    ),
                    0.0,
                );
                if self.input.platform == Platform::Microsoft365 {
                    self.text(&fl!(lang, "gui-m365-dns-trap"), 0.0);
                }
                // The way back, in the order that keeps mail flowing.
                self.w.gap(4.0);
                self.w.paragraph(
                    &fl!(lang, "rollback-title"),
                    0.0,
                    FontKind::Bold,
                    BODY,
                    BLACK,
                );
                for line in
                    crate::render::rollback_steps(lang, self.input.platform, provider.mx.ttl)
                {
                    self.text(&line, 8.0);
                }
            }
            Step::Start | Step::Summary => {}
        }
        let refs: Vec<&CheckResult> = results.iter().collect();
        if !refs.is_empty() {
            self.w.gap(4.0);
            self.checks(&refs);
        }
        match step {
            Step::Spf => self.record_card(Purpose::Spf),
            Step::Dkim => self.record_card(Purpose::Dkim),
            Step::Dmarc => self.record_card(Purpose::Dmarc),
            Step::Mx => {
                self.record_card(Purpose::Mx);
                self.record_card(Purpose::MtaSts);
                let deletes = self.input.publication.delete.clone();
                if !deletes.is_empty() {
                    self.w.gap(4.0);
                    self.w.paragraph(
                        &fl!(lang, "gui-mx-delete"),
                        0.0,
                        FontKind::Bold,
                        BODY,
                        BLACK,
                    );
                    for d in deletes {
                        let priority = d.priority.map(|p| format!("{p} ")).unwrap_or_default();
                        let line = format!("✗ {} {} {priority}{}", d.name, d.rtype, d.value);
                        self.w.paragraph(
                            &line,
                            8.0,
                            FontKind::Mono,
                            VALUE,
                            status_rgb(Some(Status::Fail)),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

/// The checklist as PDF bytes.
pub fn export(input: &ChecklistInput) -> Result<Vec<u8>, String> {
    let lang = input.lang;
    let geometry = input.paper.geometry();
    let mut doc = Doc {
        w: Writer::new(geometry),
        input,
        lang,
    };
    doc.title();
    // The title block stands for the start, the document for the summary.
    let steps = Step::ALL
        .into_iter()
        .filter(|s| !matches!(s, Step::Start | Step::Summary));
    for (i, step) in steps.enumerate() {
        doc.step(i + 1, step);
    }
    let support = fl!(
        lang,
        "pdf-support",
        email = input.provider.support_email.as_str(),
        url = input.provider.consoles.support.as_str()
    );
    let domain = input.domain.ascii().to_string();
    let pages = doc.w.pages;
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

//! A DNS host's guide: how its zone editor wants a record typed, as data
//! (one TOML file per host under `assets/dns-hosts/`, embedded).
//!
//! Every fact carries the public address it comes from. A fact that could
//! not be sourced is simply absent, and the record card then keeps the
//! generic text for it: a guide never guesses.

use std::sync::LazyLock;

use rust_embed::RustEmbed;
use serde::Deserialize;

use crate::localize::Lang;
use crate::safe_text::has_hidden;

#[derive(RustEmbed)]
#[folder = "assets/dns-hosts/"]
struct GuideFiles;

/// The most a guide file may hold: the fullest one is under 4 KiB.
pub const MAX_GUIDE_BYTES: usize = 32 * 1024;
/// Longest text of a fact, in characters: a menu path or a trap in a few
/// sentences, never a page.
pub const MAX_TEXT_CHARS: usize = 400;
/// Longest source address.
pub const MAX_SOURCE_CHARS: usize = 300;
/// Most traps a guide may list.
pub const MAX_TRAPS: usize = 8;

/// A text in both languages, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Said {
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub source: String,
}

impl Said {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// A stable address in the host's panel.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeepLink {
    pub url: String,
    #[serde(default)]
    pub source: String,
}

/// The panel's own names for the fields of a record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub name: Option<Said>,
    #[serde(rename = "type")]
    pub rtype: Option<Said>,
    pub ttl: Option<Said>,
    pub priority: Option<Said>,
    /// The value field of a TXT record.
    pub value_txt: Option<Said>,
    /// The target field of an MX record.
    pub value_mx: Option<Said>,
}

/// What to type in the name field for the domain itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApexForm {
    /// Leave the field empty.
    Blank,
    /// Type `@`.
    At,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apex {
    pub form: ApexForm,
    #[serde(default)]
    pub source: String,
}

/// Whether the panel adds the domain to the name typed (a relative name is
/// typed) or wants the full name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub appends_domain: bool,
    #[serde(default)]
    pub source: String,
}

/// Whether an MX target needs its final dot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalDot {
    pub required: bool,
    #[serde(default)]
    pub source: String,
}

/// Whether the quotes around a TXT value are typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TxtQuotes {
    pub typed: bool,
    #[serde(default)]
    pub source: String,
}

/// How a TXT value longer than 255 bytes is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TxtSplitMode {
    /// Whole, in one field: the panel cuts it.
    Whole,
    /// As quoted strings of at most 255 bytes, one after the other.
    Strings,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TxtSplit {
    pub split: TxtSplitMode,
    #[serde(default)]
    pub source: String,
}

/// The longest TXT value the panel's form takes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TxtMax {
    pub chars: usize,
    #[serde(default)]
    pub source: String,
    /// What to do for a longer value, said only on the cards it concerns.
    pub beyond: Option<Said>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinTtl {
    pub seconds: u32,
    #[serde(default)]
    pub source: String,
}

/// A known trap, for records of some types (all when none is named).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    #[serde(default)]
    pub types: Vec<String>,
    #[serde(flatten)]
    pub text: Said,
}

impl Trap {
    pub fn applies_to(&self, rtype: &str) -> bool {
        self.types.is_empty() || self.types.iter().any(|t| t == rtype)
    }
}

/// One DNS host's guide.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// The id `identify` gives and `--dns-host` takes.
    pub id: String,
    pub name: String,
    /// The menu path to the form that adds a record.
    pub where_to_go: Option<Said>,
    pub deep_link: Option<DeepLink>,
    #[serde(default)]
    pub labels: Labels,
    pub apex: Option<Apex>,
    pub names: Option<Names>,
    pub mx_final_dot: Option<FinalDot>,
    pub txt_quotes: Option<TxtQuotes>,
    pub txt_split: Option<TxtSplit>,
    pub txt_max: Option<TxtMax>,
    pub min_ttl: Option<MinTtl>,
    #[serde(default)]
    pub traps: Vec<Trap>,
}

/// A guide that cannot be used, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuideError {
    #[error("the guide is {bytes} bytes, more than the {max} allowed")]
    TooLarge { bytes: usize, max: usize },
    #[error("the guide is not valid TOML: {0}")]
    Toml(String),
    #[error("`{field}` has no {lang} text")]
    MissingLanguage { field: String, lang: &'static str },
    #[error("`{field}` has no source: a fact without one is left out")]
    MissingSource { field: String },
    #[error("`{field}`: {reason}")]
    Invalid { field: String, reason: &'static str },
}

fn invalid(field: &str, reason: &'static str) -> GuideError {
    GuideError::Invalid {
        field: field.to_string(),
        reason,
    }
}

/// A source is a public https address, on one line.
fn check_source(field: &str, source: &str) -> Result<(), GuideError> {
    if source.trim().is_empty() {
        return Err(GuideError::MissingSource {
            field: field.to_string(),
        });
    }
    if !source.starts_with("https://") || source.len() <= "https://".len() {
        return Err(invalid(field, "the source is not an https address"));
    }
    if source.chars().count() > MAX_SOURCE_CHARS
        || source
            .chars()
            .any(|c| c.is_whitespace() || has_hidden(&c.to_string()))
    {
        return Err(invalid(field, "the source is not a single short address"));
    }
    Ok(())
}

fn check_text(field: &str, lang: &'static str, text: &str) -> Result<(), GuideError> {
    if text.trim().is_empty() {
        return Err(GuideError::MissingLanguage {
            field: field.to_string(),
            lang,
        });
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(field, "the text is too long"));
    }
    if has_hidden(text) {
        return Err(invalid(
            field,
            "the text holds a control or hidden character",
        ));
    }
    Ok(())
}

fn check_said(field: &str, said: &Said) -> Result<(), GuideError> {
    check_text(field, "French", &said.fr)?;
    check_text(field, "English", &said.en)?;
    check_source(field, &said.source)
}

impl Guide {
    /// Parses and checks a guide file's text.
    pub fn parse(text: &str) -> Result<Guide, GuideError> {
        if text.len() > MAX_GUIDE_BYTES {
            return Err(GuideError::TooLarge {
                bytes: text.len(),
                max: MAX_GUIDE_BYTES,
            });
        }
        let guide: Guide = toml::from_str(text).map_err(|e| {
            GuideError::Toml(crate::excerpt::excerpt(&e.to_string(), MAX_TEXT_CHARS))
        })?;
        guide.check()?;
        Ok(guide)
    }

    /// Every fact in both languages, with its source, and every value in
    /// bounds.
    fn check(&self) -> Result<(), GuideError> {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 32
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            return Err(invalid(
                "id",
                "an id is 1 to 32 lower-case letters, digits or -",
            ));
        }
        if self.name.trim().is_empty() || self.name.chars().count() > 40 || has_hidden(&self.name) {
            return Err(invalid("name", "a name is 1 to 40 visible characters"));
        }
        if let Some(w) = &self.where_to_go {
            check_said("where_to_go", w)?;
        }
        if let Some(link) = &self.deep_link {
            check_source("deep_link.url", &link.url)?;
            check_source("deep_link", &link.source)?;
        }
        let labels = [
            ("labels.name", &self.labels.name),
            ("labels.type", &self.labels.rtype),
            ("labels.ttl", &self.labels.ttl),
            ("labels.priority", &self.labels.priority),
            ("labels.value_txt", &self.labels.value_txt),
            ("labels.value_mx", &self.labels.value_mx),
        ];
        for (field, label) in labels {
            if let Some(label) = label {
                check_said(field, label)?;
            }
        }
        let sources = [
            ("apex", self.apex.as_ref().map(|f| &f.source)),
            ("names", self.names.as_ref().map(|f| &f.source)),
            (
                "mx_final_dot",
                self.mx_final_dot.as_ref().map(|f| &f.source),
            ),
            ("txt_quotes", self.txt_quotes.as_ref().map(|f| &f.source)),
            ("txt_split", self.txt_split.as_ref().map(|f| &f.source)),
            ("txt_max", self.txt_max.as_ref().map(|f| &f.source)),
            ("min_ttl", self.min_ttl.as_ref().map(|f| &f.source)),
        ];
        for (field, source) in sources {
            if let Some(source) = source {
                check_source(field, source)?;
            }
        }
        if self
            .txt_max
            .as_ref()
            .is_some_and(|m| m.chars == 0 || m.chars > 65_535)
        {
            return Err(invalid("txt_max.chars", "a limit is between 1 and 65535"));
        }
        if self.min_ttl.as_ref().is_some_and(|m| m.seconds > 86_400) {
            return Err(invalid("min_ttl.seconds", "a minimum TTL is at most a day"));
        }
        if self.traps.len() > MAX_TRAPS {
            return Err(invalid("traps", "too many traps"));
        }
        for trap in &self.traps {
            check_said("traps", &trap.text)?;
            if trap.types.iter().any(|t| t != "TXT" && t != "MX") {
                return Err(invalid("traps.types", "a trap is for TXT or MX records"));
            }
        }
        Ok(())
    }
}

/// Every embedded guide that passes its checks, by file name order. The
/// tests prove that all of them do; one that did not would be left out
/// rather than shown half-checked.
pub fn all() -> &'static [Guide] {
    static GUIDES: LazyLock<Vec<Guide>> = LazyLock::new(|| {
        let mut names: Vec<_> = GuideFiles::iter().collect();
        names.sort();
        names
            .iter()
            .filter_map(|name| GuideFiles::get(name))
            .filter_map(|file| std::str::from_utf8(&file.data).ok().map(Guide::parse))
            .filter_map(Result::ok)
            .collect()
    });
    &GUIDES
}

/// The embedded guide files, name and text, for the tests that check them.
pub fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = GuideFiles::iter()
        .filter_map(|name| {
            let file = GuideFiles::get(&name)?;
            Some((
                name.to_string(),
                String::from_utf8_lossy(&file.data).into_owned(),
            ))
        })
        .collect();
    out.sort();
    out
}

/// The guide of the host with this id.
pub fn find(id: &str) -> Option<&'static Guide> {
    all().iter().find(|g| g.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of a guide's facts, with their field.
    fn texts(g: &Guide) -> Vec<(&'static str, &Said)> {
        let mut out: Vec<(&'static str, &Said)> = Vec::new();
        out.extend(g.where_to_go.as_ref().map(|s| ("where_to_go", s)));
        for (f, l) in [
            ("labels.name", &g.labels.name),
            ("labels.type", &g.labels.rtype),
            ("labels.ttl", &g.labels.ttl),
            ("labels.priority", &g.labels.priority),
            ("labels.value_txt", &g.labels.value_txt),
            ("labels.value_mx", &g.labels.value_mx),
        ] {
            out.extend(l.as_ref().map(|s| (f, s)));
        }
        out.extend(g.traps.iter().map(|t| ("traps", &t.text)));
        out.extend(
            g.txt_max
                .as_ref()
                .and_then(|m| m.beyond.as_ref())
                .map(|s| ("txt_max.beyond", s)),
        );
        out
    }

    #[test]
    fn every_guide_parses_has_both_languages_and_a_source_per_fact() {
        let files = files();
        assert_eq!(files.len(), 10, "one file per host: {files:?}");
        for (name, text) in &files {
            let guide = Guide::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(format!("{}.toml", guide.id), *name);
            assert!(
                crate::dnshost::by_id(&guide.id).is_some(),
                "{name}: its id names no host identify() knows"
            );
            for (field, said) in texts(&guide) {
                for lang in Lang::ALL {
                    assert!(!said.get(lang).trim().is_empty(), "{name} {field} {lang:?}");
                }
                assert!(said.source.starts_with("https://"), "{name} {field}");
                // French as a French admin writes it: typographic
                // apostrophes, a non-breaking space before : ; ! ? and
                // inside « ».
                let fr = &said.fr;
                assert!(!fr.contains('\''), "{name} {field}: {fr}");
                for bad in [" :", " ;", " !", " ?", "« ", " »"] {
                    assert!(!fr.contains(bad), "{name} {field}: {bad:?} in {fr}");
                }
            }
            let sources = [
                guide.apex.as_ref().map(|f| &f.source),
                guide.names.as_ref().map(|f| &f.source),
                guide.mx_final_dot.as_ref().map(|f| &f.source),
                guide.txt_quotes.as_ref().map(|f| &f.source),
                guide.txt_split.as_ref().map(|f| &f.source),
                guide.txt_max.as_ref().map(|f| &f.source),
                guide.min_ttl.as_ref().map(|f| &f.source),
                guide.deep_link.as_ref().map(|f| &f.source),
            ];
            for source in sources.into_iter().flatten() {
                assert!(source.starts_with("https://"), "{name}: {source}");
            }
        }
        // None is left out of the guides the cards use.
        assert_eq!(all().len(), files.len());
        assert_eq!(find("ovh").map(|g| g.name.as_str()), Some("OVHcloud"));
    }

    const MINIMAL: &str = "id = \"test\"\nname = \"Test host\"\n";

    fn with(extra: &str) -> Result<Guide, GuideError> {
        Guide::parse(&format!("{MINIMAL}{extra}"))
    }

    #[test]
    fn a_guide_over_the_size_limit_is_refused_before_parsing() {
        let padding = "# padding\n".repeat(MAX_GUIDE_BYTES / 10 + 1);
        let text = format!("{MINIMAL}{padding}");
        assert_eq!(
            Guide::parse(&text),
            Err(GuideError::TooLarge {
                bytes: text.len(),
                max: MAX_GUIDE_BYTES
            })
        );
        assert!(
            Guide::parse(&text)
                .unwrap_err()
                .to_string()
                .contains("more than the 32768 allowed")
        );
    }

    #[test]
    fn a_fact_missing_a_language_is_refused_naming_the_field() {
        let err =
            with("[labels.name]\nen = \"Name\"\nsource = \"https://example.org/a\"\n").unwrap_err();
        assert_eq!(
            err,
            GuideError::MissingLanguage {
                field: "labels.name".into(),
                lang: "French"
            }
        );
        assert_eq!(err.to_string(), "`labels.name` has no French text");
        let err =
            with("[[traps]]\nfr = \"Piège\"\nsource = \"https://example.org/a\"\n").unwrap_err();
        assert_eq!(err.to_string(), "`traps` has no English text");
    }

    #[test]
    fn a_fact_without_an_https_source_is_refused() {
        let err = with("[apex]\nform = \"at\"\n").unwrap_err();
        assert_eq!(
            err,
            GuideError::MissingSource {
                field: "apex".into()
            }
        );
        let err = with("[min_ttl]\nseconds = 60\nsource = \"http://example.org/\"\n").unwrap_err();
        assert!(err.to_string().contains("not an https address"), "{err}");
        let err = with("[apex]\nform = \"at\"\nsource = \"https://a.example/ b\"\n").unwrap_err();
        assert!(err.to_string().contains("single short address"), "{err}");
    }

    #[test]
    fn hidden_characters_unknown_fields_and_bad_values_are_refused() {
        let err = with(
            "[where_to_go]\nfr = \"a\\u001b[2Jb\"\nen = \"a\"\nsource = \"https://example.org/\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("hidden"), "{err}");
        let err = with("colour = \"red\"\n").unwrap_err();
        assert!(matches!(err, GuideError::Toml(_)), "{err}");
        assert!(err.to_string().contains("colour"), "{err}");
        let err = with("[apex]\nform = \"dot\"\nsource = \"https://example.org/\"\n").unwrap_err();
        assert!(matches!(err, GuideError::Toml(_)), "{err}");
        let err = Guide::parse("id = \"../etc\"\nname = \"x\"\n").unwrap_err();
        assert!(err.to_string().contains("`id`"), "{err}");
        let err = with("[txt_max]\nchars = 0\nsource = \"https://example.org/\"\n").unwrap_err();
        assert!(err.to_string().contains("txt_max.chars"), "{err}");
        let err = with(
            "[[traps]]\ntypes = [\"A\"]\nfr = \"x\"\nen = \"x\"\nsource = \"https://example.org/\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("traps.types"), "{err}");
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let err = with(&format!(
            "[where_to_go]\nfr = \"{long}\"\nen = \"x\"\nsource = \"https://example.org/\"\n"
        ))
        .unwrap_err();
        assert!(err.to_string().contains("too long"), "{err}");
    }
}

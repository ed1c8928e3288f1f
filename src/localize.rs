//! French and English text, from the Fluent files under `i18n/`, embedded.
//!
//! Each language has its own loader, so that two renderings in different
//! languages (a test, a window switching language) never disturb each other.

use std::collections::HashMap;
use std::sync::LazyLock;

pub use fluent::FluentValue;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::unic_langid::LanguageIdentifier;
use i18n_embed::{LanguageLoader, LanguageRequester};
use rust_embed::RustEmbed;
use serde::{Deserialize, Serialize};

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The assistant's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr`, `fr-FR`, `en_GB.UTF-8`… to a language of the assistant.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The system's preferred language among ours; English otherwise.
    pub fn from_system() -> Lang {
        i18n_embed::DesktopLanguageRequester::new()
            .requested_languages()
            .iter()
            .find_map(|l| Lang::from_code(l.language.as_str()))
            .unwrap_or(Lang::En)
    }
}

fn build_loader(lang: Lang) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    let requested: Vec<LanguageIdentifier> = match lang {
        Lang::Fr => vec!["fr".parse().unwrap_or_default()],
        Lang::En => vec![],
    };
    let fallback = loader.fallback_language().clone();
    let mut languages = requested;
    languages.push(fallback);
    // The files are embedded and checked by tests: loading cannot fail at run
    // time unless the binary itself is damaged.
    if let Err(e) = loader.load_languages(&Localizations, &languages) {
        panic!("embedded translations: {e}");
    }
    loader.set_use_isolating(false);
    // Every argument of every message is shown with its controls visible:
    // arguments carry text from DNS, profiles and files.
    loader.with_bundles_mut(|bundle| bundle.set_formatter(Some(visible_argument)));
    loader
}

/// Fluent's hook for writing an argument: text holding a hidden character
/// is written visibly; everything else as Fluent writes it.
fn visible_argument<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::String(s) if crate::safe_text::has_hidden(s) => {
            Some(crate::safe_text::visible(s).into_owned())
        }
        _ => None,
    }
}

static FR: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build_loader(Lang::Fr));
static EN: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build_loader(Lang::En));

/// The loader of one language, for `fl!`.
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// `fl!(lang, "id", arg = value)`: a message, checked at compile time.
#[macro_export]
macro_rules! fl {
    ($lang:expr, $id:literal) => {
        i18n_embed_fl::fl!($crate::localize::loader($lang), $id)
    };
    ($lang:expr, $id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::localize::loader($lang), $id, $($args)*)
    };
}

/// A message whose id is known only at run time (problem codes).
pub fn text(lang: Lang, id: &str, args: &[(String, FluentValue<'static>)]) -> Option<String> {
    let loader = loader(lang);
    if !loader.has(id) {
        return None;
    }
    let map: HashMap<&str, FluentValue> =
        args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    Some(loader.get_args_concrete(id, map))
}

/// The text of a language's own file, embedded.
fn file_text(lang: Lang) -> Option<String> {
    let file = format!("{}/{}.ftl", lang.code(), loader(lang).domain());
    Localizations::get(&file).map(|content| String::from_utf8_lossy(&content.data).into_owned())
}

/// One language's messages from its own file alone, with no other language
/// to fall back on, formatted so as to say what is wrong: a message that is
/// missing, a variable not given, a selector without its value. For checking
/// that every message a code can produce is complete in every language.
pub struct StrictBundle {
    bundle: fluent::FluentBundle<fluent::FluentResource>,
}

impl StrictBundle {
    /// The bundle of `lang`; `Err` lists the file's syntax errors.
    pub fn new(lang: Lang) -> Result<StrictBundle, String> {
        let text = file_text(lang).ok_or_else(|| format!("no file for {}", lang.code()))?;
        let resource = fluent::FluentResource::try_new(text.clone()).map_err(|(_, errors)| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    let before = text.get(..e.pos.start).unwrap_or(&text);
                    let line = before.lines().count() + 1;
                    format!("line {line}: {:?}", e.kind)
                })
                .collect();
            format!(
                "{}/{}.ftl: {}",
                lang.code(),
                loader(lang).domain(),
                lines.join("; ")
            )
        })?;
        let id: LanguageIdentifier = lang
            .code()
            .parse()
            .map_err(|e| format!("{}: {e}", lang.code()))?;
        let mut bundle = fluent::FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("{}: {errors:?}", lang.code()))?;
        Ok(StrictBundle { bundle })
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args`; `Err` says what went wrong.
    pub fn format(
        &self,
        id: &str,
        args: &[(String, FluentValue<'static>)],
    ) -> Result<String, String> {
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("no message {id}"))?;
        let mut fluent_args = fluent::FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name.as_str(), value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if !errors.is_empty() {
            return Err(format!("{id}: {errors:?}"));
        }
        // Fluent writes what it could not fill in as `{$name}`.
        if text.trim().is_empty() || text.contains("{$") || text.contains("{ $") {
            return Err(format!("{id}: “{text}”"));
        }
        Ok(text)
    }
}

/// Every message id of a language's file.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let file = format!("{}/{}.ftl", lang.code(), loader(lang).domain());
    let Some(content) = Localizations::get(&file) else {
        return Vec::new();
    };
    String::from_utf8_lossy(&content.data)
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages() {
        let mut fr = message_ids(Lang::Fr);
        let mut en = message_ids(Lang::En);
        assert!(en.len() > 100, "{}", en.len());
        fr.sort();
        en.sort();
        let only_fr: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(
            only_fr.is_empty() && only_en.is_empty(),
            "only fr: {only_fr:?}, only en: {only_en:?}"
        );
    }

    #[test]
    fn renders_each_language_without_isolation_marks() {
        let en = crate::fl!(Lang::En, "cli-report-title", domain = "example.com");
        let fr = crate::fl!(Lang::Fr, "cli-report-title", domain = "example.com");
        assert_eq!(en, "Checks for example.com");
        assert_eq!(fr, "Vérifications pour example.com");
        assert!(!en.contains('\u{2068}') && !fr.contains('\u{2068}'));
    }

    #[test]
    fn arguments_are_shown_with_their_controls_visible() {
        for lang in Lang::ALL {
            let text = crate::fl!(lang, "cli-report-title", domain = "evil\u{1b}[2J\n.test");
            assert!(text.contains("evil\\u{1b}[2J\\u{a}.test"), "{text}");
            assert!(!crate::safe_text::has_hidden(&text), "{text:?}");
            let args = [("domain".to_string(), FluentValue::from("a\u{202e}b"))];
            let text = super::text(lang, "cli-report-title", &args).unwrap_or_default();
            assert!(text.contains("a\\u{202e}b"), "{text}");
        }
    }

    #[test]
    fn each_file_parses_without_error() {
        for lang in Lang::ALL {
            if let Err(e) = StrictBundle::new(lang) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn a_strict_bundle_says_what_is_missing() {
        let fr = StrictBundle::new(Lang::Fr).unwrap();
        let args = vec![("domain".to_string(), FluentValue::from("example.com"))];
        assert_eq!(
            fr.format("cli-report-title", &args).as_deref(),
            Ok("Vérifications pour example.com")
        );
        assert!(fr.format("cli-report-title", &[]).is_err());
        assert!(fr.format("no-such-message", &args).is_err());
    }

    #[test]
    fn reads_locale_codes() {
        assert_eq!(Lang::from_code("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}

//! International names that imitate others: `xn--80ak6aa92e.com` shows as
//! "аррӏе.com", in Cyrillic letters that read as "apple". Detected with the
//! Unicode security mechanisms (UTS #39): mixed scripts, and confusable
//! skeletons.

use unicode_script::{Script, UnicodeScript};
use unicode_security::{MixedScript, skeleton};

use crate::domain::DomainName;

/// Why a name may not be the one it looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookalike {
    /// A label mixes letters of several scripts (`pаypal`, one `а` Cyrillic).
    MixedScripts,
    /// A label in another script reads as Latin letters, under a Latin
    /// top-level domain, where a reader expects a Latin name.
    LatinLookalike,
}

impl Lookalike {
    /// Stable code, for messages.
    pub fn code(self) -> &'static str {
        match self {
            Lookalike::MixedScripts => "mixed",
            Lookalike::LatinLookalike => "latin",
        }
    }
}

/// Letters of a script other than Latin (digits, hyphens and marks belong
/// to none in particular).
fn has_non_latin_letter(label: &str) -> bool {
    label.chars().any(|c| {
        !matches!(
            c.script(),
            Script::Latin | Script::Common | Script::Inherited
        )
    })
}

/// Whether `name` may imitate another name, and how.
pub fn check(name: &DomainName) -> Option<Lookalike> {
    let unicode = name.unicode();
    if unicode.is_ascii() {
        return None;
    }
    let labels: Vec<&str> = unicode.split('.').collect();
    let latin_tld = labels.last().is_some_and(|tld| tld.is_ascii());
    let mut found = None;
    for label in labels.iter().filter(|l| !l.is_ascii()) {
        if !label.is_single_script() {
            return Some(Lookalike::MixedScripts);
        }
        if latin_tld && has_non_latin_letter(label) && skeleton(label).all(|c| c.is_ascii()) {
            found = Some(Lookalike::LatinLookalike);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str) -> Option<Lookalike> {
        check(&DomainName::parse(name).unwrap())
    }

    #[test]
    fn names_that_imitate_latin_ones() {
        let apple = DomainName::parse("xn--80ak6aa92e.com").unwrap();
        assert_eq!(apple.unicode(), "аррӏе.com");
        assert_eq!(check(&apple), Some(Lookalike::LatinLookalike));
        // One Cyrillic letter among Latin ones.
        assert_eq!(of("p\u{430}ypal.com"), Some(Lookalike::MixedScripts));
        assert_eq!(of("www.p\u{430}ypal.com"), Some(Lookalike::MixedScripts));
    }

    #[test]
    fn ordinary_international_names_are_not_flagged() {
        for name in [
            "example.com",
            "café-crème.fr",
            "bücher.de",
            "żółw.pl",
            "пример.рф",
            "例え.jp",
            "ελληνικά.gr",
        ] {
            assert_eq!(of(name), None, "{name}");
        }
    }
}

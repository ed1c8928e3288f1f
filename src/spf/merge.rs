//! The SPF record to publish: the domain's existing record with the gateway's
//! include added before `all`, never a second record.

use super::parse::{Mechanism, Qualifier, SpfRecord, Term, parse_record};
use super::unquote_spf;
use crate::safe_text::has_hidden;

/// The merged record, and what had to be left out to make it valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub record: String,
    /// Terms of the existing records that were not valid SPF and were dropped.
    pub dropped: Vec<String>,
    /// Whether the published record must change.
    pub changed: bool,
}

/// Parses a record term by term, keeping the valid terms.
fn parse_lenient(text: &str) -> (Vec<Term>, Vec<String>) {
    let mut terms = Vec::new();
    let mut dropped = Vec::new();
    for word in text.split(' ').skip(1).filter(|w| !w.is_empty()) {
        match parse_record(&format!("v=spf1 {word}")) {
            Ok(mut r) if r.terms.len() == 1 => terms.append(&mut r.terms),
            _ => dropped.push(word.to_string()),
        }
    }
    (terms, dropped)
}

/// Merges the gateway's `include` into the SPF records found (`existing`:
/// their texts, possibly several, possibly saved with quote marks).
/// `already_authorised` is the evaluated verdict on the current record.
pub fn merge_include(
    existing: &[String],
    include: &str,
    default_record: &str,
    already_authorised: bool,
) -> Merged {
    let texts: Vec<String> = existing
        .iter()
        .map(|t| unquote_spf(t).unwrap_or_else(|| t.trim().to_string()))
        .collect();
    if texts.is_empty() {
        return Merged {
            record: default_record.to_string(),
            dropped: Vec::new(),
            changed: true,
        };
    }
    let quoted = existing.iter().any(|t| unquote_spf(t).is_some());
    // A record holding a hidden character (even one trimmed off above, such
    // as a final line break) is published again, clean.
    let hidden = existing.iter().any(|t| has_hidden(t));
    if texts.len() == 1
        && !quoted
        && !hidden
        && already_authorised
        && let Ok(record) = parse_record(&texts[0])
        && record.all() != Some(Qualifier::Pass)
    {
        return Merged {
            record: record.to_text(),
            dropped: Vec::new(),
            changed: false,
        };
    }

    let default_all = parse_record(default_record)
        .ok()
        .and_then(|r| r.all())
        .unwrap_or(Qualifier::Fail);
    let mut all: Option<Qualifier> = None;
    let mut redirect: Option<Term> = None;
    let mut middle: Vec<Term> = Vec::new();
    let mut modifiers: Vec<Term> = Vec::new();
    let mut dropped = Vec::new();
    for text in &texts {
        let (terms, mut bad) = parse_lenient(text);
        dropped.append(&mut bad);
        for term in terms {
            match &term {
                Term::Mechanism {
                    mechanism: Mechanism::All,
                    qualifier,
                    ..
                } => {
                    all.get_or_insert(*qualifier);
                }
                Term::Mechanism {
                    mechanism: Mechanism::Include(d),
                    ..
                } if d == include => {}
                Term::Mechanism { mechanism, .. } => {
                    // Terms after `all` were never evaluated; they move before
                    // it, once each.
                    let duplicate = middle.iter().any(
                        |t| matches!(t, Term::Mechanism { mechanism: m, .. } if m == mechanism),
                    );
                    if !duplicate {
                        middle.push(term.clone());
                    }
                }
                Term::Redirect(_) => {
                    redirect.get_or_insert(term.clone());
                }
                Term::Explanation(_) => {
                    // One `exp=` only (a second is a permanent error).
                    if !modifiers.iter().any(|m| matches!(m, Term::Explanation(_))) {
                        modifiers.push(term.clone());
                    }
                }
                Term::Unknown { .. } => {
                    if !modifiers.contains(&term) {
                        modifiers.push(term.clone());
                    }
                }
            }
        }
    }
    // A `redirect=` from one record beside an `all` from another would be
    // ignored: its servers stay authorised through an include instead.
    if all.is_some()
        && let Some(Term::Redirect(target)) = redirect.take()
        && !middle.iter().any(|t| matches!(t, Term::Mechanism { mechanism: Mechanism::Include(d), .. } if *d == target))
    {
        middle.push(Term::Mechanism {
            qualifier: Qualifier::Pass,
            mechanism: Mechanism::Include(target.clone()),
            text: format!("include:{target}"),
        });
    }
    let gateway = Term::Mechanism {
        qualifier: Qualifier::Pass,
        mechanism: Mechanism::Include(include.to_string()),
        text: format!("include:{include}"),
    };
    // A term that does not authorise (`-ip4:`, `~a`, `-exists:`…) can match
    // one of the gateway's servers and decide against it: the gateway's
    // include then comes first, where nothing can decide before it.
    let blocks = middle
        .iter()
        .any(|t| matches!(t, Term::Mechanism { qualifier, .. } if *qualifier != Qualifier::Pass));
    if blocks {
        middle.insert(0, gateway);
    } else {
        middle.push(gateway);
    }
    let mut terms = middle;
    // `+all` lets anyone send as the domain: replaced by the gateway's default.
    let all = match all {
        Some(Qualifier::Pass) => Some(default_all),
        other => other,
    };
    match (all, redirect) {
        (Some(q), _) => terms.push(Term::Mechanism {
            qualifier: q,
            mechanism: Mechanism::All,
            text: format!("{}all", if q == Qualifier::Pass { "" } else { q.prefix() }),
        }),
        (None, Some(r)) => terms.push(r),
        (None, None) => terms.push(Term::Mechanism {
            qualifier: default_all,
            mechanism: Mechanism::All,
            text: format!("{}all", default_all.prefix()),
        }),
    }
    terms.extend(modifiers);
    let record = SpfRecord { terms }.to_text();
    let changed = texts.len() != 1 || quoted || hidden || texts[0] != record;
    Merged {
        record,
        dropped,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GW: &str = "includespf.security-mail.net";
    const DEFAULT: &str = "v=spf1 include:includespf.security-mail.net -all";

    fn merged(existing: &[&str]) -> Merged {
        let existing: Vec<String> = existing.iter().map(|s| s.to_string()).collect();
        merge_include(&existing, GW, DEFAULT, false)
    }

    #[test]
    fn no_record_gives_the_default() {
        assert_eq!(merged(&[]).record, DEFAULT);
    }

    #[test]
    fn adds_the_include_before_all_keeping_mechanisms() {
        assert_eq!(
            merged(&["v=spf1 mx include:spf.protection.outlook.com ~all"]).record,
            "v=spf1 mx include:spf.protection.outlook.com include:includespf.security-mail.net ~all"
        );
        assert_eq!(
            merged(&["v=spf1 ip4:192.0.2.1 redirect=_spf.example.com"]).record,
            "v=spf1 ip4:192.0.2.1 include:includespf.security-mail.net redirect=_spf.example.com"
        );
        assert_eq!(
            merged(&["v=spf1 a"]).record,
            "v=spf1 a include:includespf.security-mail.net -all"
        );
    }

    #[test]
    fn moves_an_include_placed_after_all() {
        assert_eq!(
            merged(&["v=spf1 mx -all include:includespf.security-mail.net"]).record,
            "v=spf1 mx include:includespf.security-mail.net -all"
        );
    }

    #[test]
    fn joins_several_records_into_one() {
        let m = merged(&[
            "v=spf1 include:_spf.google.com ~all",
            "v=spf1 include:spf.protection.outlook.com -all",
        ]);
        assert_eq!(
            m.record,
            "v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:includespf.security-mail.net ~all"
        );
        assert!(m.changed);
    }

    #[test]
    fn several_records_keep_one_exp_and_turn_a_lone_redirect_into_an_include() {
        let m = merged(&[
            "v=spf1 redirect=_spf.example.com exp=a.example.com",
            "v=spf1 mx -all exp=b.example.com",
        ]);
        assert_eq!(
            m.record,
            "v=spf1 mx include:_spf.example.com include:includespf.security-mail.net -all exp=a.example.com"
        );
        assert!(parse_record(&m.record).is_ok());
    }

    #[test]
    fn strips_literal_quotes_and_plus_all() {
        assert_eq!(
            merged(&["\"v=spf1 mx +all\""]).record,
            "v=spf1 mx include:includespf.security-mail.net -all"
        );
    }

    #[test]
    fn drops_invalid_terms_and_says_so() {
        let m = merged(&["v=spf1 mx ip4:300.1.1.1 ~all"]);
        assert_eq!(
            m.record,
            "v=spf1 mx include:includespf.security-mail.net ~all"
        );
        assert_eq!(m.dropped, vec!["ip4:300.1.1.1".to_string()]);
    }

    #[test]
    fn terms_with_control_characters_are_dropped_and_named() {
        let m = merged(&["v=spf1 mx\u{1b}[2J a:x\u{7}.example.com ip4:192.0.2.1 ~all"]);
        assert_eq!(
            m.record,
            "v=spf1 ip4:192.0.2.1 include:includespf.security-mail.net ~all"
        );
        assert_eq!(
            m.dropped,
            vec![
                "mx\u{1b}[2J".to_string(),
                "a:x\u{7}.example.com".to_string()
            ]
        );
        assert!(m.changed);
    }

    #[test]
    fn a_record_with_a_trailing_control_character_is_published_again() {
        let existing = vec!["v=spf1 include:includespf.security-mail.net -all\r\n".to_string()];
        let m = merge_include(&existing, GW, DEFAULT, true);
        assert!(m.changed);
        assert_eq!(m.record, DEFAULT);
    }

    #[test]
    fn leaves_an_authorising_record_alone() {
        let existing = vec!["v=spf1 include:includespf.security-mail.net -all".to_string()];
        let m = merge_include(&existing, GW, DEFAULT, true);
        assert!(!m.changed);
        assert_eq!(m.record, existing[0]);
    }
}

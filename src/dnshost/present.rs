//! A record to publish, field by field, the way a DNS host's zone editor
//! wants it typed: the panel's own labels, the name as the panel expects
//! it, the MX target with or without its final dot, the TXT value quoted
//! and cut as the panel wants. Without a guide, or for a fact the guide
//! does not give, the generic form.
//!
//! The window, the PDF and the `records` command all take their fields
//! from here, so that they never disagree.

use crate::fl;
use crate::localize::Lang;
use crate::records::PublishRecord;

use super::guide::{ApexForm, Guide, Said, TxtSplitMode};

/// What goes in a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Type this.
    Typed(String),
    /// Leave the field empty.
    Blank,
}

/// One field of a record, as the host names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentedField {
    /// `name`, `fqdn`, `type`, `ttl`, `priority` or `value`: the same keys
    /// whatever the host, for the window's Copy buttons.
    pub key: &'static str,
    pub label: String,
    pub value: Shown,
}

/// A record's fields, and what the host's guide warns about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presented {
    pub fields: Vec<PresentedField>,
    pub notes: Vec<String>,
}

/// `record` as `guide`'s host wants it typed; the generic form without a
/// guide. A record without a value yet (DKIM before its key) has no value
/// field: the caller says why.
pub fn present(record: &PublishRecord, guide: Option<&Guide>, lang: Lang) -> Presented {
    let label = |generic: String, host: Option<&Option<Said>>| -> String {
        host.and_then(Option::as_ref)
            .map(|s| s.get(lang).to_string())
            .unwrap_or(generic)
    };
    let labels = guide.map(|g| &g.labels);
    let field = |key, label, value| PresentedField { key, label, value };

    let mut fields = vec![
        field(
            "name",
            label(fl!(lang, "record-name"), labels.map(|l| &l.name)),
            name(record, guide),
        ),
        field(
            "fqdn",
            fl!(lang, "record-full-name"),
            Shown::Typed(record.fqdn.clone()),
        ),
        field(
            "type",
            label(fl!(lang, "record-type"), labels.map(|l| &l.rtype)),
            Shown::Typed(record.rtype.to_string()),
        ),
        field(
            "ttl",
            label(fl!(lang, "record-ttl"), labels.map(|l| &l.ttl)),
            Shown::Typed(ttl(record, guide).to_string()),
        ),
    ];
    if let Some(p) = record.priority {
        fields.push(field(
            "priority",
            label(fl!(lang, "record-priority"), labels.map(|l| &l.priority)),
            Shown::Typed(p.to_string()),
        ));
    }
    let mut notes = Vec::new();
    if let Some(v) = &record.value {
        let host_label = match record.rtype {
            "TXT" => labels.map(|l| &l.value_txt),
            "MX" => labels.map(|l| &l.value_mx),
            _ => None,
        };
        let typed = value(record, v, guide);
        if let (Some(g), Some(max)) = (guide, guide.and_then(|g| g.txt_max.as_ref()))
            && record.rtype == "TXT"
            && typed.chars().count() > max.chars
        {
            notes.push(fl!(
                lang,
                "guide-txt-too-long",
                host = g.name.as_str(),
                max = max.chars,
                length = typed.chars().count()
            ));
            notes.extend(max.beyond.as_ref().map(|b| b.get(lang).to_string()));
        }
        fields.push(field(
            "value",
            label(fl!(lang, "record-value"), host_label),
            Shown::Typed(typed),
        ));
    }
    if let Some(g) = guide {
        notes.extend(
            g.traps
                .iter()
                .filter(|t| t.applies_to(record.rtype))
                .map(|t| t.text.get(lang).to_string()),
        );
    }
    Presented { fields, notes }
}

/// The name as the panel wants it: the full name where the panel does not
/// add the domain, the apex blank or `@`, else the relative name.
fn name(record: &PublishRecord, guide: Option<&Guide>) -> Shown {
    if guide
        .and_then(|g| g.names.as_ref())
        .is_some_and(|n| !n.appends_domain)
    {
        return Shown::Typed(record.fqdn.trim_end_matches('.').to_string());
    }
    if record.name == "@" {
        return match guide.and_then(|g| g.apex.as_ref()).map(|a| a.form) {
            Some(ApexForm::Blank) => Shown::Blank,
            Some(ApexForm::At) | None => Shown::Typed(record.name.clone()),
        };
    }
    Shown::Typed(record.name.clone())
}

/// The record's TTL, raised to the panel's minimum.
fn ttl(record: &PublishRecord, guide: Option<&Guide>) -> u32 {
    let min = guide
        .and_then(|g| g.min_ttl.as_ref())
        .map_or(0, |m| m.seconds);
    record.ttl.max(min)
}

/// The value as the panel wants it typed.
fn value(record: &PublishRecord, v: &str, guide: Option<&Guide>) -> String {
    match record.rtype {
        "MX" => match guide.and_then(|g| g.mx_final_dot.as_ref()) {
            Some(dot) if !dot.required => v.trim_end_matches('.').to_string(),
            Some(_) if !v.ends_with('.') => format!("{v}."),
            _ => v.to_string(),
        },
        "TXT" => {
            let split = guide.and_then(|g| g.txt_split.as_ref()).map(|s| s.split);
            let quoted = guide
                .and_then(|g| g.txt_quotes.as_ref())
                .is_some_and(|q| q.typed);
            if split == Some(TxtSplitMode::Strings) && !record.strings.is_empty() {
                record
                    .strings
                    .iter()
                    .map(|s| quote(s))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else if quoted {
                quote(v)
            } else {
                v.to_string()
            }
        }
        _ => v.to_string(),
    }
}

/// A TXT character-string in quotes, its own quotes and backslashes
/// escaped as zone files write them.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dnshost::guide::find;
    use crate::records::{Action, Purpose, split_txt};

    fn txt(name: &str, value: &str) -> PublishRecord {
        PublishRecord {
            purpose: Purpose::Dmarc,
            name: name.into(),
            fqdn: if name == "@" {
                "example.com.".into()
            } else {
                format!("{name}.example.com.")
            },
            rtype: "TXT",
            ttl: 3600,
            priority: None,
            value: Some(value.into()),
            strings: split_txt(value),
            action: Action::Create,
            replaces: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn mx() -> PublishRecord {
        PublishRecord {
            purpose: Purpose::Mx,
            name: "@".into(),
            fqdn: "example.com.".into(),
            rtype: "MX",
            ttl: 30,
            priority: Some(10),
            value: Some("france.security-mail.net.".into()),
            strings: Vec::new(),
            action: Action::Create,
            replaces: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn get<'a>(p: &'a Presented, key: &str) -> &'a PresentedField {
        p.fields
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("no {key} in {p:?}"))
    }

    fn typed(s: &str) -> Shown {
        Shown::Typed(s.into())
    }

    #[test]
    fn without_a_guide_the_fields_are_the_generic_ones() {
        let p = present(&mx(), None, Lang::En);
        let keys: Vec<_> = p.fields.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["name", "fqdn", "type", "ttl", "priority", "value"]);
        let labels: Vec<_> = p.fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Name", "Full name", "Type", "TTL", "Priority", "Value"]
        );
        assert_eq!(get(&p, "name").value, typed("@"));
        assert_eq!(get(&p, "ttl").value, typed("30"));
        assert_eq!(get(&p, "value").value, typed("france.security-mail.net."));
        assert!(p.notes.is_empty());
    }

    #[test]
    fn ovhcloud_wants_a_blank_apex_its_own_labels_and_the_final_dot() {
        let ovh = find("ovh");
        let p = present(&txt("_dmarc", "v=DMARC1; p=none"), ovh, Lang::Fr);
        assert_eq!(get(&p, "name").label, "Sous-domaine");
        assert_eq!(get(&p, "name").value, typed("_dmarc"));
        let p = present(&mx(), ovh, Lang::Fr);
        assert_eq!(get(&p, "name").value, Shown::Blank);
        assert_eq!(get(&p, "value").label, "Cible");
        assert_eq!(get(&p, "priority").label, "Priorité");
        assert_eq!(get(&p, "value").value, typed("france.security-mail.net."));
        assert!(p.notes.iter().any(|n| n.contains("point final")), "{p:?}");
        let p = present(&mx(), ovh, Lang::En);
        assert_eq!(get(&p, "value").label, "Target");
        // A DKIM key is longer than the form's 255 characters: said, with
        // the way round it.
        let key = format!("v=DKIM1; k=rsa; p={}", "A".repeat(392));
        let p = present(&txt("sel._domainkey", &key), ovh, Lang::En);
        assert!(
            p.notes
                .iter()
                .any(|n| n.contains("at most 255 characters") && n.contains("410")),
            "{p:?}"
        );
        assert!(
            p.notes.iter().any(|n| n.contains("Change in text format")),
            "{p:?}"
        );
    }

    #[test]
    fn gandi_wants_at_for_the_apex_and_names_the_txt_field_text() {
        let gandi = find("gandi");
        let p = present(&txt("@", "v=spf1 -all"), gandi, Lang::Fr);
        assert_eq!(get(&p, "name").value, typed("@"));
        assert_eq!(get(&p, "name").label, "Nom");
        assert_eq!(get(&p, "value").label, "Texte");
        assert_eq!(get(&p, "value").value, typed("v=spf1 -all"));
        let p = present(&mx(), gandi, Lang::En);
        assert_eq!(get(&p, "value").value, typed("france.security-mail.net."));
        // No MX label sourced: the generic one.
        assert_eq!(get(&p, "value").label, "Value");
    }

    #[test]
    fn cloudflare_raises_the_ttl_to_its_minimum_and_takes_long_values_whole() {
        let cf = find("cloudflare");
        let p = present(&mx(), cf, Lang::En);
        assert_eq!(get(&p, "ttl").value, typed("60"));
        let key = format!("v=DKIM1; k=rsa; p={}", "A".repeat(392));
        let p = present(&txt("sel._domainkey", &key), cf, Lang::En);
        assert_eq!(get(&p, "value").value, typed(&key));
        assert_eq!(get(&p, "value").label, "Content");
        assert!(p.notes.is_empty());
    }

    #[test]
    fn godaddy_takes_up_to_1024_characters() {
        let gd = find("godaddy");
        let key = format!("v=DKIM1; k=rsa; p={}", "A".repeat(392));
        let p = present(&txt("sel._domainkey", &key), gd, Lang::En);
        assert!(!p.notes.iter().any(|n| n.contains("form takes")), "{p:?}");
        let p = present(&txt("sel._domainkey", &"A".repeat(1100)), gd, Lang::En);
        assert!(
            p.notes
                .iter()
                .any(|n| n.contains("form takes at most 1024") && n.contains("1100")),
            "{p:?}"
        );
    }

    /// A host's rules the shipped guides do not use yet: full names, no
    /// final dot, quotes typed, values cut into strings.
    #[test]
    fn each_rule_of_a_guide_changes_the_typed_value() {
        let src = "source = \"https://example.org/doc\"\n";
        let full = Guide::parse(&format!(
            "id = \"full\"\nname = \"Full\"\n[names]\nappends_domain = false\n{src}\
             [mx_final_dot]\nrequired = false\n{src}[txt_quotes]\ntyped = true\n{src}"
        ))
        .unwrap();
        let p = present(&txt("_dmarc", "v=DMARC1; p=\"x\""), Some(&full), Lang::En);
        assert_eq!(get(&p, "name").value, typed("_dmarc.example.com"));
        assert_eq!(get(&p, "value").value, typed("\"v=DMARC1; p=\\\"x\\\"\""));
        let p = present(&mx(), Some(&full), Lang::En);
        assert_eq!(get(&p, "name").value, typed("example.com"));
        assert_eq!(get(&p, "value").value, typed("france.security-mail.net"));

        let strings = Guide::parse(&format!(
            "id = \"cut\"\nname = \"Cut\"\n[txt_split]\nsplit = \"strings\"\n{src}"
        ))
        .unwrap();
        let long = "B".repeat(300);
        let p = present(&txt("sel._domainkey", &long), Some(&strings), Lang::En);
        assert_eq!(
            get(&p, "value").value,
            Shown::Typed(format!("\"{}\" \"{}\"", "B".repeat(255), "B".repeat(45)))
        );
    }
}

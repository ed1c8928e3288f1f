//! The records to publish: exact values to type into a DNS host's zone
//! editor, merged with what the domain already publishes.

use crate::check::Code;
use std::collections::HashMap;

use serde::Serialize;

use crate::check::{CheckInput, Problem, Snapshot, SpfTexts};
use crate::dmarc;
use crate::dns::{Answer, QType, Rec};
use crate::domain::normalise_name;
use crate::fl;
use crate::localize::Lang;
use crate::safe_text::has_hidden;
use crate::spf::{self, merge::merge_include};

/// Longest character-string in a TXT record (RFC 1035 §3.3).
pub const TXT_STRING_MAX: usize = 255;

/// What a record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    Mx,
    Spf,
    Dkim,
    Dmarc,
    /// The `_mta-sts` record's new id, once the policy lists the gateway.
    #[serde(rename = "mta-sts")]
    MtaSts,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Mx => "mx",
            Purpose::Spf => "spf",
            Purpose::Dkim => "dkim",
            Purpose::Dmarc => "dmarc",
            Purpose::MtaSts => "mta-sts",
        }
    }
}

/// What to do with the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Nothing like it is published.
    Create,
    /// A record of the same purpose exists and must be changed to this value.
    Replace,
    /// Already published as it should be.
    Keep,
    /// What is published could not be read (a lookup failed): nothing
    /// should be changed before checking again.
    Unknown,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Replace => "replace",
            Action::Keep => "keep",
            Action::Unknown => "unknown",
        }
    }
}

/// One record to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishRecord {
    pub purpose: Purpose,
    /// The name as most DNS hosts want it: relative to the domain, `@` for
    /// the domain itself.
    pub name: String,
    /// The full name, with its final dot.
    pub fqdn: String,
    #[serde(rename = "type")]
    pub rtype: &'static str,
    pub ttl: u32,
    /// MX priority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u16>,
    /// The value to type; `None` for DKIM until the console's key is given.
    pub value: Option<String>,
    /// For TXT: the value cut into strings of at most 255 bytes, for DNS
    /// hosts that want them one by one, and for zone files.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub strings: Vec<String>,
    pub action: Action,
    /// The published records this one replaces.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
    /// Warnings about this value (codes and arguments, rendered by callers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Problem>,
}

/// A record to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteRecord {
    pub name: String,
    pub fqdn: String,
    #[serde(rename = "type")]
    pub rtype: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u16>,
    pub value: String,
}

/// Everything to publish and delete for one domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub domain: String,
    pub records: Vec<PublishRecord>,
    pub delete: Vec<DeleteRecord>,
}

/// Cuts a TXT value into strings of at most 255 bytes, never inside a
/// character.
pub fn split_txt(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in value.chars() {
        if current.len() + c.len_utf8() > TXT_STRING_MAX {
            out.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() || out.is_empty() {
        out.push(current);
    }
    out
}

fn txt_record(
    purpose: Purpose,
    name: &str,
    fqdn: String,
    ttl: u32,
    value: Option<String>,
    published: &[String],
) -> PublishRecord {
    let action = match &value {
        Some(v) if published.len() == 1 && published[0] == *v => Action::Keep,
        _ if published.is_empty() => Action::Create,
        _ => Action::Replace,
    };
    PublishRecord {
        purpose,
        name: name.to_string(),
        fqdn,
        rtype: "TXT",
        ttl,
        priority: None,
        strings: value.as_deref().map(split_txt).unwrap_or_default(),
        value,
        action,
        replaces: if action == Action::Replace {
            published.to_vec()
        } else {
            Vec::new()
        },
        notes: Vec::new(),
    }
}

/// A published record holding a hidden character is never "nothing to do":
/// what the admin sees of it is not what DNS serves, and what receivers
/// make of it is anyone's guess.
fn replace_if_hidden(record: &mut PublishRecord, published: &[String]) {
    if record.action == Action::Keep && published.iter().any(|t| has_hidden(t)) {
        record.action = Action::Replace;
        record.replaces = published.to_vec();
    }
}

/// At most this many characters of a left-out value are quoted in a note.
const QUOTED_MAX: usize = 80;

/// `text` cut to [`QUOTED_MAX`] characters, for quoting in a message.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTED_MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// At most this many left-out items are named one by one.
pub const NAMED_MAX: usize = 10;

/// `items` for quoting in a message: each cut short, at most
/// [`NAMED_MAX`] of them, and `…` when more were left unnamed.
pub fn quoted_list<S: AsRef<str>>(items: &[S]) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .take(NAMED_MAX)
        .map(|t| shorten(t.as_ref()))
        .collect();
    if items.len() > NAMED_MAX {
        out.push("…".to_string());
    }
    out
}

/// The records for `input`'s domain, given what DNS holds (`snap`).
pub fn plan(input: &CheckInput, snap: &Snapshot) -> Publication {
    let domain = input.domain.ascii();
    let apex = format!("{domain}.");
    let provider = &input.provider;
    let mut records = Vec::new();
    let mut delete = Vec::new();

    // MX: the gateway's hosts; every other MX is to be deleted.
    let mx_answer = snap.get(domain, QType::Mx);
    let mx_unknown = mx_answer.failure().is_some();
    let current_mx = mx_answer.mx();
    for mx in &provider.mx.hosts {
        let host = normalise_name(&mx.host);
        let published = current_mx
            .iter()
            .any(|(p, h)| *h == host && *p == mx.preference);
        records.push(PublishRecord {
            purpose: Purpose::Mx,
            name: "@".into(),
            fqdn: apex.clone(),
            rtype: "MX",
            ttl: provider.mx.ttl,
            priority: Some(mx.preference),
            value: Some(format!("{host}.")),
            strings: Vec::new(),
            action: if mx_unknown {
                Action::Unknown
            } else if published {
                Action::Keep
            } else {
                Action::Create
            },
            replaces: Vec::new(),
            notes: Vec::new(),
        });
    }
    for (pref, host) in current_mx.iter().filter(|_| !mx_unknown) {
        let wanted = provider
            .mx
            .hosts
            .iter()
            .any(|mx| normalise_name(&mx.host) == *host && mx.preference == *pref);
        if !wanted {
            delete.push(DeleteRecord {
                name: "@".into(),
                fqdn: apex.clone(),
                rtype: "MX",
                priority: Some(*pref),
                value: format!("{host}."),
            });
        }
    }

    // SPF: the existing record with the gateway's include merged in.
    let texts = SpfTexts::of(input, snap);
    let include = &provider.spf.include;
    let verdict = snap.answers.evaluate_gateway(domain, include);
    // A term that could decide against the gateway before its include is
    // reached is a reason to move the include first.
    let authorised = verdict.authorised() && verdict.evaluation.could_block.is_empty();
    let merged = merge_include(
        &texts.all_texts(),
        include,
        &provider.spf.default_record,
        authorised,
    );
    let mut spf_record = txt_record(
        Purpose::Spf,
        "@",
        apex.clone(),
        provider.spf.ttl,
        Some(merged.record.clone()),
        &texts.all_texts(),
    );
    if texts.failure.is_some() {
        // The current record is unknown: nothing to merge with, so nothing
        // to propose that could not become a second SPF record.
        spf_record.value = None;
        spf_record.strings.clear();
        spf_record.action = Action::Unknown;
        spf_record.replaces.clear();
    } else if merged.changed {
        let mut with_merged = snap.answers.clone();
        with_merged.extend(HashMap::from([(
            (domain.to_string(), QType::Txt),
            Answer::Records(vec![Rec::Txt(vec![merged.record.clone().into_bytes()])]),
        )]));
        let count = with_merged.count_lookups(domain).terms;
        if count > spf::MAX_LOOKUPS {
            spf_record
                .notes
                .push(Problem::warn(Code::MergeTooManyLookups).arg("count", count));
        }
    } else {
        spf_record.action = Action::Keep;
    }
    replace_if_hidden(&mut spf_record, &texts.all_texts());
    if !merged.dropped.is_empty() {
        spf_record
            .notes
            .push(Problem::warn(Code::DroppedTerms).arg("terms", quoted_list(&merged.dropped)));
    }
    records.push(spf_record);

    // DKIM: the console's key, once given.
    let dkim_relative = provider.dkim_relative_name();
    let dkim_name = input.dkim_name();
    let dkim_answer = snap.get(&dkim_name, QType::Txt);
    let dkim_published: Vec<String> = dkim_answer
        .txt_joined()
        .into_iter()
        .filter(|t| crate::dkim::looks_like_dkim(t))
        .collect();
    let dkim_value = input.dkim_key.as_ref().map(|k| k.record_value());
    let mut dkim_record = txt_record(
        Purpose::Dkim,
        &dkim_relative,
        format!("{dkim_name}."),
        provider.dkim.ttl,
        dkim_value.clone(),
        &dkim_published,
    );
    if let (Some(key), [published]) = (&input.dkim_key, dkim_published.as_slice())
        && crate::dkim::parse_record(published)
            .is_ok_and(|r| key.matches(&r) && r.usable_for_mail())
    {
        dkim_record.action = Action::Keep;
    }
    if dkim_value.is_none() {
        dkim_record.action = if dkim_published.is_empty() {
            Action::Create
        } else {
            Action::Keep
        };
    }
    replace_if_hidden(&mut dkim_record, &dkim_published);
    if dkim_answer.failure().is_some() {
        dkim_record.action = Action::Unknown;
        dkim_record.replaces.clear();
    }
    records.push(dkim_record);

    // DMARC: the existing policy kept, the gateway's report address added.
    let dmarc_name = input.dmarc_name();
    let dmarc_answer = snap.get(&dmarc_name, QType::Txt);
    // A record whose version is misplaced is one to replace, not to add to.
    let dmarc_published: Vec<String> = dmarc_answer
        .txt_joined()
        .into_iter()
        .filter(|t| dmarc::is_dmarc(t) || dmarc::has_late_version(t))
        .collect();
    // A damaged record keeps what receivers keep of it: its policy above all.
    let existing = dmarc_published.iter().find_map(|t| {
        dmarc::parse_record(t)
            .map(|r| (r, Vec::new()))
            .ok()
            .or_else(|| dmarc::parse_lenient(t))
    });
    // Tags holding a control or non-ASCII character are not carried over:
    // a proposed record holds printable ASCII only.
    let (dmarc_value, dmarc_dropped, dmarc_unsafe) = match existing {
        Some((r, dropped)) => {
            let (clean, left_out) = r.without_unsafe();
            (
                clean.with_report_address(&provider.dmarc.report_address),
                dropped,
                left_out,
            )
        }
        None => (
            provider.dmarc.default_record.clone(),
            Vec::new(),
            Vec::new(),
        ),
    };
    let mut dmarc_record = txt_record(
        Purpose::Dmarc,
        "_dmarc",
        format!("{dmarc_name}."),
        provider.dmarc.ttl,
        Some(dmarc_value),
        &dmarc_published,
    );
    if dmarc_answer.failure().is_some() {
        dmarc_record.value = None;
        dmarc_record.strings.clear();
        dmarc_record.action = Action::Unknown;
    }
    if !dmarc_dropped.is_empty() {
        dmarc_record
            .notes
            .push(Problem::warn(Code::DroppedTerms).arg("terms", quoted_list(&dmarc_dropped)));
    }
    if !dmarc_unsafe.is_empty() {
        let tags: Vec<String> = dmarc_unsafe
            .iter()
            .map(|(tag, value)| format!("{tag}={value}"))
            .collect();
        dmarc_record
            .notes
            .push(Problem::warn(Code::DroppedCharacters).arg("terms", quoted_list(&tags)));
    }
    records.push(dmarc_record);

    // MTA-STS: a policy that does not list the gateway gets a new id, to
    // publish once the new policy file (in the note) is in place.
    let sts = crate::check::mtasts_policy(input, snap);
    if let Some(p) = sts.problems.iter().find(|p| p.code == "gateway-not-listed") {
        let id = p.text_arg("id").unwrap_or_default();
        let published = snap.get(&input.mta_sts_name(), QType::Txt).txt_joined();
        let mut record = txt_record(
            Purpose::MtaSts,
            "_mta-sts",
            format!("{}.", input.mta_sts_name()),
            provider.dmarc.ttl,
            Some(format!("v=STSv1; id={id};")),
            &published,
        );
        record.notes.push(
            Problem::warn(Code::MtaStsPolicyFirst)
                .arg("url", p.text_arg("url").unwrap_or_default())
                .arg("policy", sts.expected.clone()),
        );
        records.push(record);
    }

    Publication {
        domain: domain.to_string(),
        records,
        delete,
    }
}

/// `byte` as RFC 1035 §5.1 writes a byte in a zone file: `\DDD`, decimal.
fn zone_byte(out: &mut String, byte: u8) {
    out.push_str(&format!("\\{byte:03}"));
}

/// A TXT string in zone-file form (RFC 1035 §5.1): quoted, `"` and `\`
/// escaped by a backslash, every byte outside printable ASCII as `\DDD`,
/// so that no value can end its line or its string.
pub fn zone_string(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => zone_byte(&mut out, b),
        }
    }
    out.push('"');
    out
}

/// A domain name in zone-file form: the characters a zone file gives a
/// meaning to, and every byte outside printable ASCII, as `\DDD`. Names
/// come from validated input; this keeps a damaged one on its own line.
pub fn zone_name(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        match b {
            b'"' | b'\\' | b'(' | b')' | b';' | b'$' | b'@' => zone_byte(&mut out, b),
            0x21..=0x7e => out.push(char::from(b)),
            _ => zone_byte(&mut out, b),
        }
    }
    out
}

/// Text for a zone-file comment, which runs to the end of its line:
/// nothing in it may end the line.
fn zone_comment(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(char::from(b)),
            _ => zone_byte(&mut out, b),
        }
    }
    out
}

/// The record as one zone-file line, without its line break; `None` while
/// its value is unknown (DKIM before the console's key is given).
pub fn zone_line(r: &PublishRecord) -> Option<String> {
    let value = r.value.as_ref()?;
    let data = match r.priority {
        Some(p) => format!("{p} {}", zone_name(value)),
        None => r
            .strings
            .iter()
            .map(|s| zone_string(s))
            .collect::<Vec<_>>()
            .join(" "),
    };
    Some(format!(
        "{} {} IN {} {}",
        zone_name(&r.fqdn),
        r.ttl,
        r.rtype,
        data
    ))
}

impl Publication {
    /// Whether every record could be planned from what DNS holds.
    pub fn is_complete(&self) -> bool {
        self.records.iter().all(|r| r.action != Action::Unknown)
    }

    /// A BIND zone-file snippet of the records to publish; comments, in
    /// `lang`, stand for the records without a value and those to delete.
    pub fn to_zone(&self, lang: Lang) -> String {
        let mut out = String::new();
        for r in &self.records {
            match zone_line(r) {
                Some(line) => {
                    out.push_str(&line);
                    out.push('\n');
                }
                None => {
                    let reason = match r.action {
                        Action::Unknown => "unknown",
                        Action::Keep => "keep",
                        Action::Create | Action::Replace => "key",
                    };
                    let comment = fl!(
                        lang,
                        "record-zone-no-value",
                        name = zone_comment(&r.fqdn),
                        ttl = r.ttl,
                        rtype = r.rtype,
                        reason = reason
                    );
                    out.push_str(&format!("; {comment}\n"));
                }
            }
        }
        for d in &self.delete {
            let data = match d.priority {
                Some(p) => format!("{p} {}", d.value),
                None => d.value.clone(),
            };
            let comment = fl!(
                lang,
                "record-zone-delete",
                name = zone_comment(&d.fqdn),
                rtype = d.rtype,
                value = zone_comment(&data)
            );
            out.push_str(&format!("; {comment}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_long_values_at_255_bytes() {
        let value = "a".repeat(600);
        let parts = split_txt(&value);
        assert_eq!(
            parts.iter().map(String::len).collect::<Vec<_>>(),
            vec![255, 255, 90]
        );
        assert_eq!(parts.concat(), value);
        assert_eq!(split_txt("short"), vec!["short".to_string()]);
        assert_eq!(split_txt(""), vec![String::new()]);
        let accented = "é".repeat(200);
        assert!(split_txt(&accented).iter().all(|s| s.len() <= 255));
        assert_eq!(split_txt(&accented).concat(), accented);
    }

    #[test]
    fn zone_strings_are_escaped() {
        assert_eq!(zone_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(
            zone_string("x\nevil. 60 IN A 6.6.6.6\u{1b}[2J"),
            r#""x\010evil. 60 IN A 6.6.6.6\027[2J""#
        );
        // Each byte of a character outside ASCII, and DEL.
        assert_eq!(
            zone_string("é\u{202e}\u{7f}"),
            r#""\195\169\226\128\174\127""#
        );
        assert_eq!(zone_string("\0"), r#""\000""#);
    }

    #[test]
    fn zone_names_and_comments_stay_on_their_line() {
        assert_eq!(zone_name("_dmarc.example.com."), "_dmarc.example.com.");
        assert_eq!(zone_name("a b;c\n.example."), "a\\032b\\059c\\010.example.");
        assert_eq!(
            zone_comment("mx\n.example. 60 IN A 6.6.6.6"),
            "mx\\010.example. 60 IN A 6.6.6.6"
        );
    }

    #[test]
    fn quoted_values_are_cut_short() {
        assert_eq!(shorten("short"), "short");
        let long = "é".repeat(200);
        assert_eq!(shorten(&long), format!("{}…", "é".repeat(80)));
        let many: Vec<String> = (0..25).map(|i| format!("t{i}={long}")).collect();
        let quoted = quoted_list(&many);
        assert_eq!(quoted.len(), NAMED_MAX + 1);
        assert_eq!(quoted[NAMED_MAX], "…");
        assert!(quoted.iter().all(|q| q.chars().count() <= 81));
        assert_eq!(quoted_list(&["a", "b"]), ["a", "b"]);
    }

    fn record(rtype: &'static str, value: Option<&str>, action: Action) -> PublishRecord {
        PublishRecord {
            purpose: Purpose::Dkim,
            name: "sel._domainkey".into(),
            fqdn: "sel._domainkey.example.com.".into(),
            rtype,
            ttl: 3600,
            priority: None,
            value: value.map(str::to_string),
            strings: value.map(split_txt).unwrap_or_default(),
            action,
            replaces: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn zone_comments_are_in_the_chosen_language() {
        let publication = Publication {
            domain: "example.com".into(),
            records: vec![
                record("TXT", None, Action::Create),
                record("TXT", None, Action::Unknown),
                record("TXT", Some("v=DKIM1; p=AAAA"), Action::Create),
            ],
            delete: vec![DeleteRecord {
                name: "@".into(),
                fqdn: "example.com.".into(),
                rtype: "MX",
                priority: Some(5),
                value: "mx1.oldhost.test.".into(),
            }],
        };
        let fr = publication.to_zone(Lang::Fr);
        let en = publication.to_zone(Lang::En);
        for zone in [&fr, &en] {
            assert!(!zone.contains("TXT IN TXT"), "{zone}");
            assert!(
                zone.contains("sel._domainkey.example.com. 3600 IN TXT \"v=DKIM1; p=AAAA\"\n"),
                "{zone}"
            );
            // Every line that is not a record is a comment.
            for line in zone.lines().filter(|l| !l.contains("\"v=DKIM1")) {
                assert!(line.starts_with("; "), "{line}");
            }
        }
        assert!(
            fr.contains("; sel._domainkey.example.com. 3600 IN TXT\u{a0}: sa valeur est la clé générée dans la console"),
            "{fr}"
        );
        assert!(fr.contains("n’a pas pu être lu"), "{fr}");
        assert!(
            fr.contains("; à supprimer\u{a0}: example.com. IN MX 5 mx1.oldhost.test."),
            "{fr}"
        );
        assert!(
            en.contains("; sel._domainkey.example.com. 3600 IN TXT: its value is the key generated in the console"),
            "{en}"
        );
        assert!(
            en.contains("; to delete: example.com. IN MX 5 mx1.oldhost.test."),
            "{en}"
        );
    }
}

//! `dkim.record`, `dkim.match`, `dmarc.record`, `dmarc.reports`.

use super::gather::{CheckInput, Snapshot};
use super::model::{Arg, CheckId, CheckResult, Problem, Status};
use super::mx::lookup_failed;
use crate::check::Code;
use crate::dkim::{self, DkimKey, DkimRecord};
use crate::dmarc::{self, DmarcRecord};
use crate::dns::QType;

fn starts_with_quote(text: &str) -> bool {
    text.trim_start().starts_with(['"', '\'', '\u{201c}'])
}

/// The DKIM key records at the gateway's selector.
struct DkimTexts {
    records: Vec<String>,
    appended: Vec<String>,
    failure: Option<Problem>,
}

impl DkimTexts {
    fn of(input: &CheckInput, snap: &Snapshot) -> DkimTexts {
        let name = input.dkim_name();
        let answer = snap.get(&name, QType::Txt);
        let appended_name = input.appended(&name);
        let appended = snap.get(&appended_name, QType::Txt);
        DkimTexts {
            records: answer
                .txt_joined()
                .into_iter()
                .filter(|t| dkim::looks_like_dkim(t))
                .collect(),
            appended: appended
                .txt_joined()
                .into_iter()
                .filter(|t| dkim::looks_like_dkim(t))
                .collect(),
            failure: lookup_failed(&name, QType::Txt, &answer),
        }
    }

    /// The one published record, parsed.
    fn single(&self) -> Option<DkimRecord> {
        match self.records.as_slice() {
            [one] if !starts_with_quote(one) => dkim::parse_record(one).ok(),
            _ => None,
        }
    }
}

/// `dkim.record`: a valid key at `<selector>._domainkey.<domain>`.
pub fn dkim_record(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let name = input.dkim_name();
    let texts = DkimTexts::of(input, snap);
    let expected = match &input.dkim_key {
        Some(k) => vec![k.record_value()],
        None => vec![format!("{name}. TXT v=DKIM1; k=rsa; p=…")],
    };
    let found = texts.records.clone();
    if let Some(p) = texts.failure {
        return CheckResult::new(CheckId::DkimRecord, found, expected, vec![p]);
    }
    let mut details = Vec::new();
    let problems = match texts.records.as_slice() {
        [] => {
            if texts.appended.is_empty() {
                vec![Problem::fail(Code::Missing).arg("name", format!("{name}."))]
            } else {
                vec![
                    Problem::fail(Code::DomainAppended)
                        .arg("name", format!("{}.", input.appended(&name)))
                        .arg("expected", input.provider.dkim_relative_name()),
                ]
            }
        }
        [one] if starts_with_quote(one) => vec![Problem::fail(Code::QuotedValue).arg("value", one)],
        [one] => match dkim::parse_record(one) {
            Err(e) => vec![
                Problem::fail(Code::Syntax)
                    .arg("tag", e.tag.as_str())
                    .arg("reason", e.reason),
            ],
            Ok(record) => {
                let mut problems = Vec::new();
                match record.key() {
                    Ok(DkimKey::Revoked) => problems.push(Problem::fail(Code::RevokedKey)),
                    Ok(DkimKey::Rsa { bits }) => {
                        details.push(("key_type", Arg::from("rsa")));
                        details.push(("key_bits", Arg::from(bits)));
                        if bits > dkim::MAX_VERIFIED_BITS {
                            problems.push(Problem::warn(Code::LargeKey).arg("bits", bits));
                        }
                    }
                    Ok(DkimKey::Ed25519) => details.push(("key_type", Arg::from("ed25519"))),
                    Err(e) => {
                        let mut p = Problem::fail(Code::InvalidKey).arg("reason", e.reason);
                        if let Some(bits) = e.bits {
                            p = p.arg("bits", bits);
                        }
                        problems.push(p);
                    }
                }
                // Verifiers skip such a record as if it were absent.
                if record.excludes_email() {
                    problems.push(
                        Problem::fail(Code::NotForEmail)
                            .arg("services", Arg::shown(record.tag("s").unwrap_or_default())),
                    );
                }
                if record.excludes_sha256() {
                    problems.push(
                        Problem::fail(Code::NoSha256)
                            .arg("hashes", Arg::shown(record.tag("h").unwrap_or_default())),
                    );
                }
                if record.is_testing() {
                    problems.push(Problem::warn(Code::TestingMode));
                }
                // What the admin sees of such a tag is not what verifiers
                // read; the record to publish is the console's key alone.
                let hidden = record
                    .tags
                    .iter()
                    .filter(|(_, value)| crate::safe_text::has_hidden(value));
                for (tag, value) in hidden.take(crate::records::NAMED_MAX) {
                    problems.push(
                        Problem::warn(Code::InvalidCharacter)
                            .arg("tag", tag)
                            .arg("value", crate::records::shorten(value)),
                    );
                }
                problems
            }
        },
        several => vec![Problem::fail(Code::MultipleRecords).arg("count", several.len())],
    };
    let mut result = CheckResult::new(CheckId::DkimRecord, found, expected, problems);
    result.details.extend(details);
    result
}

/// `dkim.match`: the published key is the one the console generated;
/// waiting until that key is given.
pub fn dkim_match(input: &CheckInput, snap: &Snapshot) -> Option<CheckResult> {
    let Some(console) = input.dkim_key.as_ref() else {
        return Some(CheckResult::new(
            CheckId::DkimMatch,
            Vec::new(),
            Vec::new(),
            vec![Problem::new(Code::WaitingConsoleKey, Status::Waiting)],
        ));
    };
    let texts = DkimTexts::of(input, snap);
    let expected = vec![console.base64.clone()];
    let published = texts.single();
    let found: Vec<String> = published
        .as_ref()
        .and_then(|r| r.tag("p"))
        .map(|p| vec![p.to_string()])
        .unwrap_or_default();
    let problems = match (&texts.failure, published) {
        (Some(p), _) => vec![p.clone()],
        (None, None) => vec![Problem::unknown(Code::NoRecord).arg("check", "dkim.record")],
        (None, Some(record)) if console.matches(&record) => Vec::new(),
        (None, Some(_)) => vec![Problem::fail(Code::KeyMismatch)],
    };
    Some(CheckResult::new(
        CheckId::DkimMatch,
        found,
        expected,
        problems,
    ))
}

/// The DMARC records at `_dmarc.<domain>`.
struct DmarcTexts {
    records: Vec<String>,
    /// Records whose `v=DMARC1` is not the first tag: ignored by receivers.
    misordered: Vec<String>,
    quoted: Vec<String>,
    appended: Vec<String>,
    failure: Option<Problem>,
}

impl DmarcTexts {
    fn of(input: &CheckInput, snap: &Snapshot) -> DmarcTexts {
        let name = input.dmarc_name();
        let answer = snap.get(&name, QType::Txt);
        let texts = answer.txt_joined();
        let appended = snap.get(&input.appended(&name), QType::Txt);
        DmarcTexts {
            records: texts
                .iter()
                .filter(|t| dmarc::is_dmarc(t))
                .cloned()
                .collect(),
            misordered: texts
                .iter()
                .filter(|t| dmarc::has_late_version(t))
                .cloned()
                .collect(),
            quoted: texts
                .iter()
                .filter(|t| {
                    starts_with_quote(t)
                        && dmarc::is_dmarc(
                            t.trim_start().trim_start_matches(['"', '\'', '\u{201c}']),
                        )
                })
                .cloned()
                .collect(),
            appended: appended
                .txt_joined()
                .into_iter()
                .filter(|t| dmarc::is_dmarc(t))
                .collect(),
            failure: lookup_failed(&name, QType::Txt, &answer),
        }
    }

    fn single(&self) -> Option<DmarcRecord> {
        match self.records.as_slice() {
            [one] => dmarc::parse_record(one).ok(),
            _ => None,
        }
    }
}

/// `dmarc.record`: exactly one valid record.
pub fn dmarc_record(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let name = input.dmarc_name();
    let texts = DmarcTexts::of(input, snap);
    let expected = vec![input.provider.dmarc.default_record.clone()];
    let found: Vec<String> = texts
        .records
        .iter()
        .chain(&texts.misordered)
        .chain(&texts.quoted)
        .cloned()
        .collect();
    if let Some(p) = texts.failure {
        return CheckResult::new(CheckId::DmarcRecord, found, expected, vec![p]);
    }
    let mut problems = Vec::new();
    match texts.records.as_slice() {
        [] if !texts.quoted.is_empty() => {
            problems.push(Problem::fail(Code::QuotedValue).arg("value", &texts.quoted[0]));
        }
        [] if !texts.misordered.is_empty() => problems.push(
            Problem::fail(Code::Syntax)
                .arg("tag", "v")
                .arg("reason", "version-not-first"),
        ),
        [] if !texts.appended.is_empty() => problems.push(
            Problem::fail(Code::DomainAppended)
                .arg("name", format!("{}.", input.appended(&name)))
                .arg("expected", "_dmarc"),
        ),
        [] => problems.push(Problem::fail(Code::Missing).arg("name", format!("{name}."))),
        [one] => match dmarc::parse_record(one) {
            Err(e) => problems.push(
                Problem::fail(Code::Syntax)
                    .arg("tag", e.tag.as_str())
                    .arg("reason", e.reason),
            ),
            Ok(record) => {
                for tag in &record.unknown_tags {
                    problems.push(Problem::warn(Code::UnknownTag).arg("tag", tag));
                }
                // Receivers may make anything of these; the record to
                // publish leaves them out.
                let unsafe_parts = record.unsafe_parts();
                for (tag, value) in unsafe_parts.into_iter().take(crate::records::NAMED_MAX) {
                    problems.push(
                        Problem::warn(Code::InvalidCharacter)
                            .arg("tag", tag)
                            .arg("value", crate::records::shorten(&value)),
                    );
                }
            }
        },
        several => problems.push(Problem::fail(Code::MultipleRecords).arg("count", several.len())),
    }
    let policy = texts
        .single()
        .and_then(|r| r.tag("p").map(str::to_ascii_lowercase));
    let mut result = CheckResult::new(CheckId::DmarcRecord, found, expected, problems);
    if let Some(p) = policy {
        result = result.detail("policy", p);
    }
    result
}

/// `dmarc.reports`: aggregate reports go to the gateway's address.
pub fn dmarc_reports(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let address = &input.provider.dmarc.report_address;
    let texts = DmarcTexts::of(input, snap);
    let expected = vec![format!("rua=mailto:{address}")];
    let record = texts.single();
    let found = record
        .as_ref()
        .map(|r| {
            r.report_addresses()
                .iter()
                .map(|a| format!("mailto:{a}"))
                .collect()
        })
        .unwrap_or_default();
    let problems = match (&texts.failure, record) {
        (Some(p), _) => vec![p.clone()],
        (None, None) => {
            vec![Problem::new(Code::NoRecord, Status::Unknown).arg("check", "dmarc.record")]
        }
        (None, Some(r)) if r.has_report_address(address) => Vec::new(),
        (None, Some(_)) => vec![Problem::fail(Code::MissingReportAddress).arg("address", address)],
    };
    CheckResult::new(CheckId::DmarcReports, found, expected, problems)
}

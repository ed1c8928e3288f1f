//! The read-back as the admin pastes it back: refused, with the reason,
//! unless it is the whole output of our script, in the version this build
//! reads.
//!
//! The form, line by line: the version line, then one block per connector
//! (`[inbound]` or `[outbound]` and its `key: value` lines, each key once),
//! then `end: N` where N counts the lines between the two. Every value is
//! percent-encoded by the script (RFC 3986, as .NET's `EscapeDataString`),
//! list items separated by a space, so no name or comment can hold a line
//! break, a colon or a space of the form: a value with anything else was
//! not written by the script.

use serde::Serialize;

/// The first line of the script's output, for this version of the form.
pub const VERSION_LINE: &str = "esm-assistant tenant read-back v1";
/// What every version's first line starts with.
const VERSION_PREFIX: &str = "esm-assistant tenant read-back v";
const END_KEY: &str = "end";
pub(super) const INBOUND_MARK: &str = "[inbound]";
pub(super) const OUTBOUND_MARK: &str = "[outbound]";

/// The most a pasted read-back may weigh: fifty connectors with a thousand
/// address ranges each stay well under it.
pub const MAX_READBACK_BYTES: usize = 256 * 1024;
/// The most connectors read: a tenant has a handful.
pub const MAX_CONNECTORS: usize = 50;
/// The most items in one list (addresses, domains): Exchange Online
/// itself takes far fewer.
pub const MAX_LIST_ITEMS: usize = 2048;

/// The keys of an inbound connector's block, in the script's order.
pub(super) const INBOUND_KEYS: [&str; 11] = [
    "name",
    "enabled",
    "connector-type",
    "sender-domains",
    "restrict-domains-to-ip-addresses",
    "sender-ip-addresses",
    "require-tls",
    "tls-sender-certificate-name",
    "ef-skip-last-ip",
    "ef-skip-ips",
    "ef-users",
];

/// The keys of an outbound connector's block, in the script's order.
pub(super) const OUTBOUND_KEYS: [&str; 10] = [
    "name",
    "enabled",
    "connector-type",
    "smart-hosts",
    "use-mx-record",
    "tls-settings",
    "tls-domain",
    "recipient-domains",
    "is-transport-rule-scoped",
    "all-accepted-domains",
];

/// What `Get-InboundConnector` says of one connector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InboundConnector {
    pub name: String,
    pub enabled: bool,
    /// `Partner` or `OnPremises`.
    pub connector_type: String,
    /// As Exchange writes them: `smtp:*;1` for every domain.
    pub sender_domains: Vec<String>,
    pub restrict_domains_to_ip_addresses: bool,
    /// Addresses, networks (`a.b.c.d/n`) or ranges (`a.b.c.d-e.f.g.h`).
    pub sender_ip_addresses: Vec<String>,
    pub require_tls: bool,
    pub tls_sender_certificate_name: String,
    pub ef_skip_last_ip: bool,
    pub ef_skip_ips: Vec<String>,
    pub ef_users: Vec<String>,
}

/// What `Get-OutboundConnector` says of one connector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboundConnector {
    pub name: String,
    pub enabled: bool,
    pub connector_type: String,
    pub smart_hosts: Vec<String>,
    pub use_mx_record: bool,
    /// `EncryptionOnly`, `CertificateValidation`, `DomainValidation`, or
    /// empty when TLS is off.
    pub tls_settings: String,
    pub tls_domain: String,
    pub recipient_domains: Vec<String>,
    pub is_transport_rule_scoped: bool,
    pub all_accepted_domains: bool,
}

/// What the tenant reports, as the script printed it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Readback {
    pub inbound: Vec<InboundConnector>,
    pub outbound: Vec<OutboundConnector>,
}

/// Why a paste is not a read-back this build can use. `line` counts from 1
/// in the text as given; texts quoted back are already made visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ReadbackError {
    #[error("empty")]
    Empty,
    #[error("read-back over {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("binary data at line {line}")]
    Binary { line: usize },
    #[error("not UTF-8 at line {line}")]
    NotText { line: usize },
    /// A connector listing such as `Get-InboundConnector | Format-List`.
    #[error("another command's output")]
    OtherCommand,
    /// The lock-down script or this read-back script, not what it printed.
    #[error("a script, not its output")]
    Script,
    /// No version line at all.
    #[error("not the read-back's output")]
    NotReadback,
    #[error("read-back version {version}")]
    UnknownVersion { version: String },
    /// The output pasted more than once.
    #[error("version line again at line {line}")]
    Repeated { line: usize },
    /// Cut before its end line.
    #[error("no end line")]
    Truncated,
    /// The end line counts other lines than those given.
    #[error("{found} lines where the end line counts {expected}")]
    Altered { expected: usize, found: usize },
    #[error("line {line} is not a key and a value: {text}")]
    BrokenLine { line: usize, text: String },
    #[error("unknown key {key} at line {line}")]
    UnknownKey { line: usize, key: String },
    #[error("key {key} twice at line {line}")]
    RepeatedKey { line: usize, key: String },
    #[error("key {key} missing before line {line}")]
    MissingKey { line: usize, key: String },
    #[error("value of {key} at line {line} not as the script writes it")]
    BadValue { line: usize, key: String },
    #[error("more than {limit} connectors")]
    TooManyConnectors { limit: usize },
}

impl ReadbackError {
    /// The code its words are found by: `tenant-error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadbackError::Empty => "empty",
            ReadbackError::TooLarge { .. } => "too-large",
            ReadbackError::Binary { .. } => "binary",
            ReadbackError::NotText { .. } => "not-text",
            ReadbackError::OtherCommand => "other-command",
            ReadbackError::Script => "script",
            ReadbackError::NotReadback => "not-readback",
            ReadbackError::UnknownVersion { .. } => "unknown-version",
            ReadbackError::Repeated { .. } => "repeated",
            ReadbackError::Truncated => "truncated",
            ReadbackError::Altered { .. } => "altered",
            ReadbackError::BrokenLine { .. } => "broken-line",
            ReadbackError::UnknownKey { .. } => "unknown-key",
            ReadbackError::RepeatedKey { .. } => "repeated-key",
            ReadbackError::MissingKey { .. } => "missing-key",
            ReadbackError::BadValue { .. } => "bad-value",
            ReadbackError::TooManyConnectors { .. } => "too-many-connectors",
        }
    }

    /// The arguments of its words.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ReadbackError::Empty
            | ReadbackError::OtherCommand
            | ReadbackError::Script
            | ReadbackError::NotReadback
            | ReadbackError::Truncated => Vec::new(),
            ReadbackError::TooLarge { size, limit } => vec![
                ("size_kb", (size / 1024).to_string()),
                ("limit_kb", (limit / 1024).to_string()),
            ],
            ReadbackError::Binary { line }
            | ReadbackError::NotText { line }
            | ReadbackError::Repeated { line } => vec![("line", line.to_string())],
            ReadbackError::UnknownVersion { version } => vec![("version", version.clone())],
            ReadbackError::Altered { expected, found } => vec![
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            ReadbackError::BrokenLine { line, text } => {
                vec![("line", line.to_string()), ("text", text.clone())]
            }
            ReadbackError::UnknownKey { line, key }
            | ReadbackError::RepeatedKey { line, key }
            | ReadbackError::MissingKey { line, key }
            | ReadbackError::BadValue { line, key } => {
                vec![("line", line.to_string()), ("key", key.clone())]
            }
            ReadbackError::TooManyConnectors { limit } => vec![("limit", limit.to_string())],
        }
    }
}

/// The longest part of a refused line quoted back.
const QUOTED_CHARS: usize = 40;

fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(QUOTED_CHARS).collect();
    if text.chars().count() > QUOTED_CHARS {
        shown.push('…');
    }
    crate::safe_text::visible(&shown).into_owned()
}

/// The bytes as text, or the line that is not UTF-8.
pub fn text_of(bytes: &[u8]) -> Result<&str, ReadbackError> {
    if bytes.len() > MAX_READBACK_BYTES {
        return Err(ReadbackError::TooLarge {
            size: bytes.len(),
            limit: MAX_READBACK_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| ReadbackError::NotText {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
    })
}

/// What a paste that is not the read-back most likely is, to say so.
fn what_else(lines: &[&str]) -> ReadbackError {
    let mut listing = 0;
    let mut previous = String::new();
    for line in lines.iter().take(200) {
        let t = line.trim_start().to_ascii_lowercase();
        // `Format-Table`, the default view: a heading row, then dashes.
        if t.starts_with("---")
            && (previous.starts_with("identity") || previous.starts_with("name"))
        {
            return ReadbackError::OtherCommand;
        }
        previous.clone_from(&t);
        if t.starts_with("connect-exchangeonline")
            || t.starts_with("new-inboundconnector")
            || t.starts_with("set-inboundconnector")
            || t.starts_with("$inbound")
            || t.starts_with("foreach (")
        {
            return ReadbackError::Script;
        }
        // `Format-List` and `Format-Table` print property names with
        // padding before the colon.
        if let Some((key, _)) = t.split_once(':')
            && [
                "name",
                "identity",
                "enabled",
                "connectortype",
                "senderipaddresses",
                "smarthosts",
            ]
            .contains(&key.trim_end())
        {
            listing += 1;
        }
    }
    if listing >= 2 {
        ReadbackError::OtherCommand
    } else {
        ReadbackError::NotReadback
    }
}

/// Reads the script's output. Lines before the version line and after the
/// end line (a prompt, a banner) are left aside; everything between must
/// be exactly as the script writes it.
pub fn parse(text: &str) -> Result<Readback, ReadbackError> {
    if text.len() > MAX_READBACK_BYTES {
        return Err(ReadbackError::TooLarge {
            size: text.len(),
            limit: MAX_READBACK_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadbackError::Empty);
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if line.chars().any(|c| c.is_control() && c != '\t') {
            return Err(ReadbackError::Binary { line: i + 1 });
        }
    }
    let Some(start) = lines
        .iter()
        .position(|l| l.trim().starts_with(VERSION_PREFIX))
    else {
        return Err(what_else(&lines));
    };
    let version = lines[start].trim();
    if version != VERSION_LINE {
        return Err(ReadbackError::UnknownVersion {
            version: quoted(&version[VERSION_PREFIX.len() - 1..]),
        });
    }
    if let Some(again) = lines[start + 1..]
        .iter()
        .position(|l| l.trim().starts_with(VERSION_PREFIX))
    {
        return Err(ReadbackError::Repeated {
            line: start + again + 2,
        });
    }
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            l.trim()
                .split_once(':')
                .is_some_and(|(k, _)| k.trim() == END_KEY)
        })
        .map(|i| start + 1 + i)
        .ok_or(ReadbackError::Truncated)?;
    let body = &lines[start + 1..end];
    let counted = lines[end]
        .split_once(':')
        .and_then(|(_, n)| n.trim().parse::<usize>().ok())
        .ok_or_else(|| ReadbackError::BrokenLine {
            line: end + 1,
            text: quoted(lines[end]),
        })?;
    // Blank lines are not the script's: a paste may add them, never remove.
    let given = body.iter().filter(|l| !l.trim().is_empty()).count();
    if counted != given {
        return Err(ReadbackError::Altered {
            expected: counted,
            found: given,
        });
    }
    blocks(body, start + 2)
}

/// One connector's lines, keyed, before they become a connector.
struct Block {
    inbound: bool,
    values: Vec<(&'static str, usize, String)>,
}

fn blocks(body: &[&str], first_line: usize) -> Result<Readback, ReadbackError> {
    let mut out = Readback::default();
    let mut current: Option<Block> = None;
    for (i, raw) in body.iter().enumerate() {
        let line_no = first_line + i;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line == INBOUND_MARK || line == OUTBOUND_MARK {
            if let Some(block) = current.take() {
                finish(block, line_no, &mut out)?;
            }
            if out.inbound.len() + out.outbound.len() >= MAX_CONNECTORS {
                return Err(ReadbackError::TooManyConnectors {
                    limit: MAX_CONNECTORS,
                });
            }
            current = Some(Block {
                inbound: line == INBOUND_MARK,
                values: Vec::new(),
            });
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(ReadbackError::BrokenLine {
                line: line_no,
                text: quoted(line),
            });
        };
        let key = key.trim();
        let Some(block) = current.as_mut() else {
            return Err(ReadbackError::BrokenLine {
                line: line_no,
                text: quoted(line),
            });
        };
        let keys: &[&'static str] = if block.inbound {
            &INBOUND_KEYS
        } else {
            &OUTBOUND_KEYS
        };
        let Some(known) = keys.iter().find(|k| **k == key) else {
            return Err(ReadbackError::UnknownKey {
                line: line_no,
                key: quoted(key),
            });
        };
        if block.values.iter().any(|(k, _, _)| k == known) {
            return Err(ReadbackError::RepeatedKey {
                line: line_no,
                key: known.to_string(),
            });
        }
        block
            .values
            .push((known, line_no, value.trim().to_string()));
    }
    if let Some(block) = current.take() {
        finish(block, first_line + body.len(), &mut out)?;
    }
    Ok(out)
}

/// A value as the script writes it: percent-encoded items, a space between.
/// `*!'()` are taken raw too: .NET escapes them only since RFC 3986, and
/// none of them can break a line of the form.
fn decode_list(value: &str, line: usize, key: &str) -> Result<Vec<String>, ReadbackError> {
    let bad = || ReadbackError::BadValue {
        line,
        key: key.to_string(),
    };
    let mut out = Vec::new();
    for item in value.split(' ').filter(|i| !i.is_empty()) {
        if !item
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%*!'()".contains(&b))
        {
            return Err(bad());
        }
        let decoded = percent_encoding::percent_decode_str(item)
            .decode_utf8()
            .map_err(|_| bad())?;
        out.push(decoded.into_owned());
        if out.len() > MAX_LIST_ITEMS {
            return Err(bad());
        }
    }
    Ok(out)
}

/// The values of one block, by key.
struct Values<'a> {
    block: &'a Block,
    end_line: usize,
}

impl Values<'_> {
    fn raw(&self, key: &str) -> Result<(usize, &str), ReadbackError> {
        self.block
            .values
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, line, v)| (*line, v.as_str()))
            .ok_or_else(|| ReadbackError::MissingKey {
                line: self.end_line,
                key: key.to_string(),
            })
    }

    fn list(&self, key: &str) -> Result<Vec<String>, ReadbackError> {
        let (line, value) = self.raw(key)?;
        decode_list(value, line, key)
    }

    fn text(&self, key: &str) -> Result<String, ReadbackError> {
        let (line, _) = self.raw(key)?;
        let mut list = self.list(key)?;
        match list.len() {
            0 => Ok(String::new()),
            1 => Ok(list.remove(0)),
            _ => Err(ReadbackError::BadValue {
                line,
                key: key.to_string(),
            }),
        }
    }

    fn flag(&self, key: &str) -> Result<bool, ReadbackError> {
        match self.raw(key)? {
            (_, "true") => Ok(true),
            (_, "false") => Ok(false),
            (line, _) => Err(ReadbackError::BadValue {
                line,
                key: key.to_string(),
            }),
        }
    }
}

fn finish(block: Block, end_line: usize, out: &mut Readback) -> Result<(), ReadbackError> {
    let v = Values {
        block: &block,
        end_line,
    };
    if block.inbound {
        out.inbound.push(InboundConnector {
            name: v.text("name")?,
            enabled: v.flag("enabled")?,
            connector_type: v.text("connector-type")?,
            sender_domains: v.list("sender-domains")?,
            restrict_domains_to_ip_addresses: v.flag("restrict-domains-to-ip-addresses")?,
            sender_ip_addresses: v.list("sender-ip-addresses")?,
            require_tls: v.flag("require-tls")?,
            tls_sender_certificate_name: v.text("tls-sender-certificate-name")?,
            ef_skip_last_ip: v.flag("ef-skip-last-ip")?,
            ef_skip_ips: v.list("ef-skip-ips")?,
            ef_users: v.list("ef-users")?,
        });
    } else {
        out.outbound.push(OutboundConnector {
            name: v.text("name")?,
            enabled: v.flag("enabled")?,
            connector_type: v.text("connector-type")?,
            smart_hosts: v.list("smart-hosts")?,
            use_mx_record: v.flag("use-mx-record")?,
            tls_settings: v.text("tls-settings")?,
            tls_domain: v.text("tls-domain")?,
            recipient_domains: v.list("recipient-domains")?,
            is_transport_rule_scoped: v.flag("is-transport-rule-scoped")?,
            all_accepted_domains: v.flag("all-accepted-domains")?,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readback(body: &[&str]) -> String {
        let lines: Vec<&str> = body.iter().copied().filter(|l| !l.is_empty()).collect();
        format!(
            "{VERSION_LINE}\n{}\nend: {}\n",
            body.join("\n"),
            lines.len()
        )
    }

    const OUTBOUND: [&str; 11] = [
        "[outbound]",
        "name: e-securemail%20outbound",
        "enabled: true",
        "connector-type: Partner",
        "smart-hosts: relay.example.net",
        "use-mx-record: false",
        "tls-settings: DomainValidation",
        "tls-domain: relay.example.net",
        "recipient-domains: %2A",
        "is-transport-rule-scoped: false",
        "all-accepted-domains: false",
    ];

    #[test]
    fn reads_values_percent_encoded_and_lists_split_on_spaces() {
        let mut body = OUTBOUND.to_vec();
        body[4] = "smart-hosts: a.example b.example%3A25";
        let r = parse(&readback(&body)).unwrap();
        assert_eq!(r.outbound[0].name, "e-securemail outbound");
        assert_eq!(r.outbound[0].smart_hosts, ["a.example", "b.example:25"]);
        assert_eq!(r.outbound[0].recipient_domains, ["*"]);
        assert!(!r.outbound[0].use_mx_record);
        // Older .NET leaves `*` unescaped.
        body[8] = "recipient-domains: *";
        let r = parse(&readback(&body)).unwrap();
        assert_eq!(r.outbound[0].recipient_domains, ["*"]);
    }

    #[test]
    fn refuses_what_the_script_does_not_write() {
        let mut body = OUTBOUND.to_vec();
        body[1] = "name: e-securemail outbound: forged";
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::BadValue { line: 3, .. })
        ));
        let mut body = OUTBOUND.to_vec();
        body[2] = "enabled: yes";
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::BadValue { .. })
        ));
        let mut body = OUTBOUND.to_vec();
        body[1] = "nom: x";
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::UnknownKey { .. })
        ));
        let mut body = OUTBOUND.to_vec();
        body.remove(3);
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::MissingKey { key, .. }) if key == "connector-type"
        ));
        let mut body = OUTBOUND.to_vec();
        body.push("enabled: false");
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::RepeatedKey { .. })
        ));
        // Invalid UTF-8 once decoded.
        let mut body = OUTBOUND.to_vec();
        body[1] = "name: %FF";
        assert!(matches!(
            parse(&readback(&body)),
            Err(ReadbackError::BadValue { .. })
        ));
    }

    #[test]
    fn an_added_or_lost_line_is_told_by_the_count() {
        let text = readback(&OUTBOUND).replace("end: 11", "end: 12");
        assert_eq!(
            parse(&text),
            Err(ReadbackError::Altered {
                expected: 12,
                found: 11
            })
        );
        let cut = readback(&OUTBOUND).replace("end: 11\n", "");
        assert_eq!(parse(&cut), Err(ReadbackError::Truncated));
    }

    #[test]
    fn a_prompt_around_the_output_is_left_aside() {
        let text = format!(
            "PS C:\\> .\\readback.ps1\n{}PS C:\\>\n",
            readback(&OUTBOUND)
        );
        assert_eq!(parse(&text).unwrap().outbound.len(), 1);
    }
}

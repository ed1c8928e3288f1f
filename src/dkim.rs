//! DKIM key records (RFC 6376 §3.6.1, RFC 8463): tags, and the public key
//! they carry, decoded far enough to say what it is.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::pkcs8::der::Decode;
use rsa::traits::PublicKeyParts;

/// OID of rsaEncryption, the algorithm of an RSA SubjectPublicKeyInfo.
const RSA_ENCRYPTION_OID: &str = "1.2.840.113549.1.1.1";

/// Largest RSA key verifiers must handle (RFC 8301 §3.2); larger keys are
/// accepted here up to what the `rsa` crate decodes, with a warning.
pub const MAX_VERIFIED_BITS: usize = 4096;

/// A parsed key record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimRecord {
    /// Tags in order, names lower-cased, values with folding whitespace removed
    /// for `p`, trimmed for the others.
    pub tags: Vec<(String, String)>,
}

/// The key a record carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DkimKey {
    Rsa {
        bits: usize,
    },
    Ed25519,
    /// `p=` is empty: the key was revoked.
    Revoked,
}

/// What is wrong with a record's tags.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("tag `{tag}`: {reason}")]
pub struct DkimSyntaxError {
    pub tag: String,
    /// `malformed-tag`, `duplicate-tag`, `version-not-first`, `bad-version`,
    /// `missing-key`, `unknown-key-type`.
    pub reason: &'static str,
}

/// Why the key itself is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct InvalidKey {
    /// `base64`, `not-rsa`, `malformed`, `too-short`, `too-long`, `ed25519-length`, `ed25519-point`.
    pub reason: &'static str,
    /// Key size in bits, when known.
    pub bits: Option<usize>,
}

fn syntax(tag: &str, reason: &'static str) -> DkimSyntaxError {
    DkimSyntaxError {
        tag: tag.to_string(),
        reason,
    }
}

/// Does a TXT text look like a DKIM key record (rather than some other TXT)?
pub fn looks_like_dkim(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['"', '\'']);
    let lower = t.to_ascii_lowercase();
    lower.starts_with("v=dkim1") || lower.split(';').any(|tag| tag.trim().starts_with("p="))
}

/// Parses `tag=value; ...`.
pub fn parse_record(text: &str) -> Result<DkimRecord, DkimSyntaxError> {
    let mut tags: Vec<(String, String)> = Vec::new();
    for (i, part) in text.split(';').enumerate() {
        let part = part.trim_matches(|c: char| c.is_ascii_whitespace());
        if part.is_empty() {
            continue;
        }
        let Some((name, value)) = part.split_once('=') else {
            return Err(syntax(part, "malformed-tag"));
        };
        let name = name.trim().to_ascii_lowercase();
        let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid_name {
            return Err(syntax(part, "malformed-tag"));
        }
        if tags.iter().any(|(n, _)| *n == name) {
            return Err(syntax(&name, "duplicate-tag"));
        }
        let value = if name == "p" {
            value.chars().filter(|c| !c.is_ascii_whitespace()).collect()
        } else {
            value.trim().to_string()
        };
        if name == "v" {
            if i != 0 || !tags.is_empty() {
                return Err(syntax("v", "version-not-first"));
            }
            if value != "DKIM1" {
                return Err(syntax("v", "bad-version"));
            }
        }
        tags.push((name, value));
    }
    let record = DkimRecord { tags };
    if record.tag("p").is_none() {
        return Err(syntax("p", "missing-key"));
    }
    match record.tag("k").map(str::to_ascii_lowercase).as_deref() {
        None | Some("rsa") | Some("ed25519") => {}
        Some(_) => return Err(syntax("k", "unknown-key-type")),
    }
    Ok(record)
}

impl DkimRecord {
    pub fn tag(&self, name: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The key type named by `k=` (RSA when absent).
    pub fn is_ed25519(&self) -> bool {
        self.tag("k")
            .is_some_and(|k| k.eq_ignore_ascii_case("ed25519"))
    }

    /// The items of a colon-separated tag (`s=`, `h=`, `t=`), trimmed.
    fn items(&self, name: &str) -> Option<Vec<&str>> {
        self.tag(name)
            .map(|v| v.split(':').map(str::trim).collect::<Vec<_>>())
    }

    /// `s=` names services and neither `*` nor `email`: mail verifiers
    /// skip the key (RFC 6376 §3.6.1).
    pub fn excludes_email(&self) -> bool {
        self.items("s").is_some_and(|services| {
            !services
                .iter()
                .any(|s| *s == "*" || s.eq_ignore_ascii_case("email"))
        })
    }

    /// `h=` lists hash algorithms without sha256, the only one verifiers
    /// accept (RFC 8301 §3.1): they skip the key.
    pub fn excludes_sha256(&self) -> bool {
        self.items("h")
            .is_some_and(|hashes| !hashes.iter().any(|h| h.eq_ignore_ascii_case("sha256")))
    }

    /// Would a mail verifier use this key at all?
    pub fn usable_for_mail(&self) -> bool {
        !self.excludes_email() && !self.excludes_sha256()
    }

    /// `t=y`: the domain is testing DKIM.
    pub fn is_testing(&self) -> bool {
        self.tag("t")
            .is_some_and(|t| t.split(':').any(|f| f.trim().eq_ignore_ascii_case("y")))
    }

    /// Decodes and checks the key in `p=`.
    pub fn key(&self) -> Result<DkimKey, InvalidKey> {
        let p = self.tag("p").unwrap_or("");
        if p.is_empty() {
            return Ok(DkimKey::Revoked);
        }
        let bytes = STANDARD.decode(p).map_err(|_| InvalidKey {
            reason: "base64",
            bits: None,
        })?;
        if self.is_ed25519() {
            decode_ed25519(&bytes)
        } else {
            decode_rsa(&bytes)
        }
    }
}

fn decode_ed25519(bytes: &[u8]) -> Result<DkimKey, InvalidKey> {
    let array: [u8; 32] = bytes.try_into().map_err(|_| InvalidKey {
        reason: "ed25519-length",
        bits: None,
    })?;
    // What a verifier does with the key first: decompress the point.
    curve25519_dalek::edwards::CompressedEdwardsY(array)
        .decompress()
        .ok_or(InvalidKey {
            reason: "ed25519-point",
            bits: None,
        })?;
    Ok(DkimKey::Ed25519)
}

/// Accepts a SubjectPublicKeyInfo (what every signer publishes) or a bare
/// PKCS#1 RSAPublicKey (what RFC 6376 literally describes).
fn decode_rsa(bytes: &[u8]) -> Result<DkimKey, InvalidKey> {
    let pkcs1: Vec<u8> = match rsa::pkcs8::spki::SubjectPublicKeyInfoRef::from_der(bytes) {
        Ok(spki) => {
            if spki.algorithm.oid.to_string() != RSA_ENCRYPTION_OID {
                return Err(InvalidKey {
                    reason: "not-rsa",
                    bits: None,
                });
            }
            spki.subject_public_key.raw_bytes().to_vec()
        }
        Err(_) => bytes.to_vec(),
    };
    let parsed = rsa::pkcs1::RsaPublicKeyRef::from_der(&pkcs1).map_err(|_| InvalidKey {
        reason: "malformed",
        bits: None,
    })?;
    let modulus = parsed.modulus.as_bytes();
    let leading = modulus.iter().take_while(|b| **b == 0).count();
    let significant = &modulus[leading..];
    let bits = match significant.first() {
        Some(first) => significant.len() * 8 - first.leading_zeros() as usize,
        None => 0,
    };
    if bits < rsa::PublicKey::MIN_SIZE {
        return Err(InvalidKey {
            reason: "too-short",
            bits: Some(bits),
        });
    }
    if bits > rsa::PublicKey::MAX_SIZE {
        return Err(InvalidKey {
            reason: "too-long",
            bits: Some(bits),
        });
    }
    let key = rsa::PublicKey::from_public_key_der(bytes)
        .or_else(|_| rsa::PublicKey::from_pkcs1_der(bytes))
        .map_err(|_| InvalidKey {
            reason: "malformed",
            bits: Some(bits),
        })?;
    Ok(DkimKey::Rsa {
        bits: key.n().bit_width() as usize,
    })
}

/// The most a key file (or the window's key field) may hold. An RSA key of
/// 16384 bits is under 3 KiB of base64; 64 KiB leaves room for a whole
/// record with comments, and no more.
pub const MAX_KEY_BYTES: u64 = 64 * 1024;

/// What an admin pasted from the console, reduced to the key: spaces, line
/// breaks, quote marks and a leading `p=` (or a whole `v=DKIM1; ...` record)
/// removed. Returns the base64 text and whether it is an Ed25519 key.
pub fn normalise_console_key(input: &str) -> Result<ConsoleKey, InvalidKey> {
    let cleaned: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '\u{201c}' | '\u{201d}'))
        .collect();
    let (base64_text, ed25519) =
        if cleaned.contains(';') || cleaned.to_ascii_lowercase().starts_with("v=") {
            let record = parse_record(&cleaned).map_err(|_| InvalidKey {
                reason: "malformed",
                bits: None,
            })?;
            (
                record.tag("p").unwrap_or("").to_string(),
                record.is_ed25519(),
            )
        } else {
            let text = cleaned
                .strip_prefix("p=")
                .or_else(|| cleaned.strip_prefix("P="))
                .unwrap_or(&cleaned);
            let ed25519 = STANDARD.decode(text).is_ok_and(|b| b.len() == 32);
            (text.to_string(), ed25519)
        };
    let record = DkimRecord {
        tags: vec![
            ("k".into(), if ed25519 { "ed25519" } else { "rsa" }.into()),
            ("p".into(), base64_text.clone()),
        ],
    };
    match record.key()? {
        DkimKey::Revoked => Err(InvalidKey {
            reason: "base64",
            bits: None,
        }),
        key => Ok(ConsoleKey {
            base64: base64_text,
            key,
        }),
    }
}

/// A key pasted from the console, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleKey {
    pub base64: String,
    pub key: DkimKey,
}

impl ConsoleKey {
    /// The record value to publish.
    pub fn record_value(&self) -> String {
        let k = if self.key == DkimKey::Ed25519 {
            "ed25519"
        } else {
            "rsa"
        };
        format!("v=DKIM1; k={k}; p={}", self.base64)
    }

    /// Is this the key published in `record`? Compared as decoded bytes.
    pub fn matches(&self, record: &DkimRecord) -> bool {
        let published = record.tag("p").unwrap_or("");
        match (STANDARD.decode(&self.base64), STANDARD.decode(published)) {
            (Ok(a), Ok(b)) => a == b,
            _ => self.base64 == published,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A 2048-bit RSA key in SubjectPublicKeyInfo form (generated for tests).
    pub const RSA_2048: &str = include_str!("../tests/data/dkim-rsa-2048.b64");
    /// A 1024-bit key, the size the gateway's console has been seen to issue.
    pub const RSA_1024: &str = include_str!("../tests/data/dkim-rsa-1024.b64");
    /// A 4608-bit key: more than RFC 8301 verifiers must handle.
    pub const RSA_4608: &str = include_str!("../tests/data/dkim-rsa-4608.b64");
    /// A 512-bit key: too short for RFC 8301.
    pub const RSA_512: &str = include_str!("../tests/data/dkim-rsa-512.b64");

    #[test]
    fn parses_tags_and_reports_key_size() {
        let r = parse_record(&format!("v=DKIM1; k=rsa; p={}", RSA_2048.trim())).unwrap();
        assert_eq!(r.key(), Ok(DkimKey::Rsa { bits: 2048 }));
        let r = parse_record(&format!("v=DKIM1;p={};", RSA_1024.trim())).unwrap();
        assert_eq!(r.key(), Ok(DkimKey::Rsa { bits: 1024 }));
        // Folding whitespace inside p= is allowed.
        let folded: String = RSA_2048
            .trim()
            .as_bytes()
            .chunks(60)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" \t ");
        let r = parse_record(&format!("v=DKIM1; p={folded}")).unwrap();
        assert_eq!(r.key(), Ok(DkimKey::Rsa { bits: 2048 }));
    }

    #[test]
    fn ed25519_keys() {
        // RFC 8463 appendix A.2 example key.
        let r = parse_record("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
            .unwrap();
        assert_eq!(r.key(), Ok(DkimKey::Ed25519));
        let r = parse_record("v=DKIM1; k=ed25519; p=AAAA").unwrap();
        assert_eq!(r.key().unwrap_err().reason, "ed25519-length");
        // y = 2 has no x on the curve: 32 bytes, but not a point.
        let mut not_a_point = [0u8; 32];
        not_a_point[0] = 2;
        let p = base64::engine::general_purpose::STANDARD.encode(not_a_point);
        let r = parse_record(&format!("v=DKIM1; k=ed25519; p={p}")).unwrap();
        assert_eq!(r.key().unwrap_err().reason, "ed25519-point");
    }

    #[test]
    fn services_and_hashes_that_verifiers_skip() {
        let record = |tags: &str| parse_record(&format!("v=DKIM1; {tags}; p=AAAA")).unwrap();
        for usable in [
            "k=rsa",
            "s=email",
            "s=*",
            "s=tlsrpt:Email",
            "h=sha1:sha256",
            "h=SHA256",
        ] {
            assert!(record(usable).usable_for_mail(), "{usable}");
        }
        let r = record("s=tlsrpt");
        assert!(r.excludes_email() && !r.excludes_sha256());
        let r = record("h=sha1");
        assert!(r.excludes_sha256() && !r.excludes_email());
        assert!(!record("s=; h=sha256").usable_for_mail());
    }

    #[test]
    fn keys_over_4096_bits_are_decoded_with_their_size() {
        let r = parse_record(&format!("v=DKIM1; p={}", RSA_4608.trim())).unwrap();
        assert_eq!(r.key(), Ok(DkimKey::Rsa { bits: 4608 }));
    }

    #[test]
    fn revoked_and_invalid_keys() {
        assert_eq!(
            parse_record("v=DKIM1; p=").unwrap().key(),
            Ok(DkimKey::Revoked)
        );
        assert_eq!(
            parse_record("v=DKIM1; p=!!!")
                .unwrap()
                .key()
                .unwrap_err()
                .reason,
            "base64"
        );
        assert_eq!(
            parse_record("v=DKIM1; p=AAAA")
                .unwrap()
                .key()
                .unwrap_err()
                .reason,
            "malformed"
        );
        let short = parse_record(&format!("p={}", RSA_512.trim()))
            .unwrap()
            .key()
            .unwrap_err();
        assert_eq!((short.reason, short.bits), ("too-short", Some(512)));
    }

    #[test]
    fn syntax_errors_name_the_tag() {
        assert_eq!(
            parse_record("k=rsa; v=DKIM1; p=AAAA").unwrap_err(),
            syntax("v", "version-not-first")
        );
        assert_eq!(
            parse_record("v=DKIM2; p=AAAA").unwrap_err(),
            syntax("v", "bad-version")
        );
        assert_eq!(
            parse_record("v=DKIM1; k=rsa").unwrap_err(),
            syntax("p", "missing-key")
        );
        assert_eq!(
            parse_record("v=DKIM1; k=dsa; p=AAAA").unwrap_err(),
            syntax("k", "unknown-key-type")
        );
        assert_eq!(
            parse_record("v=DKIM1; p=AAAA; p=BBBB").unwrap_err(),
            syntax("p", "duplicate-tag")
        );
        assert_eq!(
            parse_record("v=DKIM1; garbage; p=AAAA").unwrap_err(),
            syntax("garbage", "malformed-tag")
        );
    }

    #[test]
    fn console_key_in_every_pasted_form() {
        let key = RSA_2048.trim();
        let wrapped: String = key
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\r\n");
        for pasted in [
            key.to_string(),
            format!("p={key}"),
            format!("\"p={key}\""),
            format!("\"v=DKIM1; k=rsa; \" \"p={key}\""),
            format!("  {wrapped}\n"),
            format!("v=DKIM1; k=rsa; p={wrapped}"),
        ] {
            let k = normalise_console_key(&pasted).unwrap();
            assert_eq!(k.base64, key, "{pasted}");
            assert_eq!(k.key, DkimKey::Rsa { bits: 2048 });
            assert_eq!(k.record_value(), format!("v=DKIM1; k=rsa; p={key}"));
        }
        assert!(normalise_console_key("not a key").is_err());
        assert!(normalise_console_key("").is_err());
    }

    #[test]
    fn match_compares_keys_not_text() {
        let console = normalise_console_key(RSA_2048).unwrap();
        let published = parse_record(&format!("v=DKIM1; p={}", RSA_2048.trim())).unwrap();
        assert!(console.matches(&published));
        let other = parse_record(&format!("v=DKIM1; p={}", RSA_1024.trim())).unwrap();
        assert!(!console.matches(&other));
    }
}

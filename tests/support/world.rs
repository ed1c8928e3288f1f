//! The DNS world the tests check against: the gateway's zone, another mail
//! provider, and one domain per situation an admin can be in.
//!
//! Addresses are documentation ranges (RFC 5737, RFC 3849).

#![allow(dead_code)]

use super::dns_server::{txt, zone};

pub const RSA_2048: &str = include_str!("../data/dkim-rsa-2048.b64");
pub const RSA_1024: &str = include_str!("../data/dkim-rsa-1024.b64");
/// More than the 4096 bits RFC 8301 verifiers must handle.
pub const RSA_4608: &str = include_str!("../data/dkim-rsa-4608.b64");

/// The gateway, as a test stands in for it.
pub fn gateway_zone() -> String {
    zone(
        "security-mail.net",
        "france IN A 192.0.2.10\n\
         europe IN A 192.0.2.20\n\
         includespf IN TXT \"v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:100::/48 -all\"\n",
    )
}

/// Another mail provider a domain may also include.
pub fn mailhost_zone() -> String {
    zone(
        "mailhost.test",
        "_spf IN TXT \"v=spf1 ip4:203.0.113.0/24 -all\"\n\
         mx IN A 203.0.113.25\n\
         mx-alias IN CNAME mx.mailhost.test.\n",
    )
}

/// The parent zone, so that names that exist nowhere get NXDOMAIN.
pub fn tld_zone() -> String {
    zone("test", "")
}

fn dkim(key: &str) -> String {
    txt(&format!("v=DKIM1; k=rsa; p={}", key.trim()))
}

const GOOD_MX: &str =
    "@ IN MX 10 france.security-mail.net.\n@ IN MX 20 europe.security-mail.net.\n";
const GOOD_DMARC: &str =
    "_dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@secuserve.com\"\n";

/// A domain with everything in place, whose SPF also includes another provider.
pub fn good_zone() -> String {
    zone(
        "good.test",
        &format!(
            "{GOOD_MX}\
             @ IN TXT \"v=spf1 include:includespf.security-mail.net include:_spf.mailhost.test -all\"\n\
             @ IN TXT \"google-site-verification=abc\"\n\
             sec-sig-email._domainkey IN TXT {}\n\
             {GOOD_DMARC}\
             mail IN A 192.0.2.25\n",
            dkim(RSA_2048)
        ),
    )
}

/// A domain where nothing has been done yet, and a few things are wrong.
pub fn broken_zone() -> String {
    zone(
        "broken.test",
        "@ IN MX 5 mx1.oldhost.test.\n\
         @ IN MX 10 france.security-mail.net.\n\
         @ IN TXT \"v=spf1 mx include:_spf.mailhost.test ~all include:includespf.security-mail.net\"\n\
         sec-sig-email._domainkey.broken.test IN TXT \"v=DKIM1; k=rsa; p=AAAA\"\n\
         _dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:reports@broken.test\"\n",
    )
}

/// A domain whose records hold what a terminal, a zone file or a reader
/// could be fooled by: ESC[2J (clear screen), ESC]0;…BEL (window title,
/// in SPF: its `;` would split a DMARC tag), ESC[5m (blink),
/// line breaks followed by a zone-file line, NUL, DEL, a C1 control and
/// right-to-left overrides. Its DKIM key is RSA_2048's. Not part of
/// `zones()`: tests that want it add it.
///
/// The characters are written raw inside the quoted strings: the zone
/// parser of hickory 0.26 keeps them as they are, but reads `\DDD` as
/// `(d1 << 16) + (d2 << 8) + d3` rather than a decimal byte.
pub fn hostile_zone() -> String {
    zone(
        "hostile.test",
        &format!(
            "{GOOD_MX}\
             @ IN TXT \"v=spf1 mx\u{1b}[2J ip4:192.0.2.1 a:x\u{1b}]0;title\u{7}.hostile.test include:_spf.mailhost.test\nevil.hostile.test. include:\u{202e}moc.example\u{0} include:includespf.security-mail.net -all\"\n\
             _dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@secuserve.com,https://r.example/\u{1b}[2J; foo=x\nevil.hostile.test. 60 IN A 6.6.6.6; bar=\u{1b}[5mblink\u{7}; baz=\u{202e}gnp.exe\u{7f}\u{9b}\"\n\
             sec-sig-email._domainkey IN TXT \"v=DKIM1; k=rsa; n=\u{1b}[2J\n\u{202e}; \" {}\n",
            txt(&format!("p={}", RSA_2048.trim()))
        ),
    )
}

/// One domain per situation: (name, zone body).
pub fn situations() -> Vec<(&'static str, String)> {
    let spf_ok = "@ IN TXT \"v=spf1 include:includespf.security-mail.net -all\"\n";
    let dkim_ok = format!("sec-sig-email._domainkey IN TXT {}\n", dkim(RSA_2048));
    let rest = format!("{dkim_ok}{GOOD_DMARC}");
    let mut lookups = String::from("v=spf1");
    let mut lookup_targets = String::new();
    for i in 1..=10 {
        lookups.push_str(&format!(" include:s{i}._spf.lookups.test"));
        lookup_targets.push_str(&format!(
            "s{i}._spf IN TXT \"v=spf1 ip4:192.0.2.{i} -all\"\n"
        ));
    }
    lookups.push_str(" include:includespf.security-mail.net -all");
    let lookups = format!("@ IN TXT {}\n", txt(&lookups));
    vec![
        ("nomx.test", format!("{spf_ok}{rest}")),
        (
            "leftover.test",
            format!(
                "{GOOD_MX}@ IN MX 5 mx1.oldhost.test.\n@ IN MX 50 mx-alias.mailhost.test.\n{spf_ok}{rest}"
            ),
        ),
        (
            "appended.test",
            format!(
                "@ IN MX 10 france.security-mail.net.appended.test.\n@ IN MX 20 europe.security-mail.net.\n{spf_ok}{rest}"
            ),
        ),
        (
            "mxalias.test",
            format!(
                "@ IN MX 10 mx.mxalias.test.\n@ IN MX 20 europe.security-mail.net.\nmx IN CNAME france.security-mail.net.\n{spf_ok}{rest}"
            ),
        ),
        (
            "nobackup.test",
            format!("@ IN MX 10 france.security-mail.net.\n{spf_ok}{rest}"),
        ),
        ("nospf.test", format!("{GOOD_MX}{rest}")),
        (
            "twospf.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:includespf.security-mail.net -all\"\n@ IN TXT \"v=spf1 include:_spf.mailhost.test ~all\"\n{rest}"
            ),
        ),
        (
            "badspf.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 ip4:192.0.2.300 include:includespf.security-mail.net -all\"\n{rest}"
            ),
        ),
        (
            "quoted.test",
            format!(
                "{GOOD_MX}@ IN TXT \"\\\"v=spf1 include:includespf.security-mail.net -all\\\"\"\n{rest}"
            ),
        ),
        (
            "afterall.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 mx -all include:includespf.security-mail.net\"\n{rest}"
            ),
        ),
        (
            "nested.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:_spf.nested.test -all\"\n_spf IN TXT \"v=spf1 include:includespf.security-mail.net ~all\"\n{rest}"
            ),
        ),
        (
            "redirect.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 redirect=_spf.redirect.test\"\n_spf IN TXT \"v=spf1 include:includespf.security-mail.net -all\"\n{rest}"
            ),
        ),
        (
            "lookups.test",
            format!("{GOOD_MX}{lookups}{lookup_targets}{rest}"),
        ),
        (
            "voids.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 a:none1.voids.test a:none2.voids.test mx:none3.voids.test include:includespf.security-mail.net -all\"\n{rest}"
            ),
        ),
        (
            "soft.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:includespf.security-mail.net ~all\"\n{rest}"
            ),
        ),
        (
            "noall.test",
            format!("{GOOD_MX}@ IN TXT \"v=spf1 include:includespf.security-mail.net\"\n{rest}"),
        ),
        (
            "plusall.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:includespf.security-mail.net +all\"\n{rest}"
            ),
        ),
        ("nodkim.test", format!("{GOOD_MX}{spf_ok}{GOOD_DMARC}")),
        (
            "revoked.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT \"v=DKIM1; p=\"\n{GOOD_DMARC}"
            ),
        ),
        (
            "badkey.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtruncated\"\n{GOOD_DMARC}"
            ),
        ),
        (
            "dkimsyntax.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT \"v=DKIM1; k=dsa; p=AAAA\"\n{GOOD_DMARC}"
            ),
        ),
        (
            "dkimservice.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT {}\n{GOOD_DMARC}",
                txt(&format!("v=DKIM1; k=rsa; s=tlsrpt; p={}", RSA_2048.trim()))
            ),
        ),
        (
            "dkimsha1.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT {}\n{GOOD_DMARC}",
                txt(&format!("v=DKIM1; k=rsa; h=sha1; p={}", RSA_2048.trim()))
            ),
        ),
        (
            "dkimlarge.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey IN TXT {}\n{GOOD_DMARC}",
                dkim(RSA_4608)
            ),
        ),
        (
            "dkimappended.test",
            format!(
                "{GOOD_MX}{spf_ok}sec-sig-email._domainkey.dkimappended.test IN TXT {}\n{GOOD_DMARC}",
                dkim(RSA_2048)
            ),
        ),
        ("nodmarc.test", format!("{GOOD_MX}{spf_ok}{dkim_ok}")),
        (
            "twodmarc.test",
            format!("{GOOD_MX}{spf_ok}{dkim_ok}{GOOD_DMARC}_dmarc IN TXT \"v=DMARC1; p=none\"\n"),
        ),
        (
            "baddmarc.test",
            format!(
                "{GOOD_MX}{spf_ok}{dkim_ok}_dmarc IN TXT \"v=DMARC1; p=block; rua=mailto:dmarc@secuserve.com\"\n"
            ),
        ),
        (
            "dmarclate.test",
            format!(
                "{GOOD_MX}{spf_ok}{dkim_ok}_dmarc IN TXT \"p=none; v=DMARC1; rua=mailto:reports@dmarclate.test\"\n"
            ),
        ),
        (
            "unknowntag.test",
            format!(
                "{GOOD_MX}{spf_ok}{dkim_ok}_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com; foo=bar\"\n"
            ),
        ),
        (
            "norua.test",
            format!(
                "{GOOD_MX}{spf_ok}{dkim_ok}_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:reports@norua.test,mailto:Other@example.org\"\n"
            ),
        ),
        (
            "macro.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:%{{i}}._ip.%{{h}}._ehlo.%{{d}}._spf.vali.email include:includespf.security-mail.net -all\"\n{rest}"
            ),
        ),
        (
            "redirectfirst.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 redirect=_spf.redirectfirst.test include:includespf.security-mail.net\"\n_spf IN TXT \"v=spf1 -all\"\n{rest}"
            ),
        ),
        (
            "redirectfail.test",
            format!(
                "{GOOD_MX}@ IN TXT \"v=spf1 include:includespf.security-mail.net redirect=_spf.elsewhere.example\"\n{rest}"
            ),
        ),
        (
            "foreign.test",
            format!(
                "@ IN TXT \"v=spf1 include:_spf.mailhost.test -all\"\n\
                 {dkim_ok}\
                 _dmarc IN CNAME _dmarc.policy.foreign.test.\n\
                 _dmarc.policy IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com\"\n"
            ),
        ),
        (
            "severalrua.test",
            format!(
                "{GOOD_MX}{spf_ok}{dkim_ok}_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:reports@example.org!10m, mailto:DMARC@SecuServe.com\"\n"
            ),
        ),
    ]
}

/// Every zone of the world.
pub fn zones() -> Vec<String> {
    let mut zones = vec![
        tld_zone(),
        gateway_zone(),
        mailhost_zone(),
        good_zone(),
        broken_zone(),
    ];
    zones.extend(
        situations()
            .into_iter()
            .map(|(name, body)| zone(name, &body)),
    );
    zones
}

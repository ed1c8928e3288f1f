//! Test messages: a signing key published in the test DNS, the zones it
//! lives in, and messages with `Received` chains through the gateway or
//! around it, as Microsoft, Google and own servers write them.

use base64::Engine as _;
use esm_assistant::platform::Platform;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;

use super::dns_server::{txt, zone};
use super::world;

pub const SELECTOR: &str = "sec-sig-email";
pub const GATEWAY_IP: &str = "198.51.100.5";
pub const DATE: &str = "Mon, 2 Nov 2026 10:00:00 +0000";

/// A signing key made for this run, with its public half in DKIM form.
pub struct Key {
    pub signer: Vec<u8>,
    pub public_b64: String,
}

impl Key {
    pub fn new() -> Key {
        let pkcs8 = Ed25519Key::generate_pkcs8().unwrap();
        let key = Ed25519Key::from_pkcs8_der(&pkcs8).unwrap();
        Key {
            public_b64: base64::engine::general_purpose::STANDARD.encode(key.public_key()),
            signer: pkcs8,
        }
    }

    pub fn record(&self) -> String {
        txt(&format!("v=DKIM1; k=ed25519; p={}", self.public_b64))
    }

    /// The `DKIM-Signature` header the gateway adds to `message`.
    pub fn sign(&self, domain: &str, message: &str) -> String {
        let key = Ed25519Key::from_pkcs8_der(&self.signer).unwrap();
        DkimSigner::from_key(key)
            .domain(domain)
            .selector(SELECTOR)
            .headers(["From", "To", "Subject", "Date", "Message-ID"])
            .sign(message.as_bytes())
            .unwrap()
            .to_header()
    }
}

/// The domains the messages are about: `proof.test` set up fully,
/// `nokey.test` with no DKIM key and no DMARC record.
pub fn zones(key: &Key) -> Vec<String> {
    let spf = "@ IN TXT \"v=spf1 include:includespf.security-mail.net -all\"\n";
    vec![
        world::tld_zone(),
        world::gateway_zone(),
        zone(
            "proof.test",
            &format!(
                "@ IN MX 10 france.security-mail.net.\n{spf}\
                 {SELECTOR}._domainkey IN TXT {}\n\
                 _dmarc IN TXT \"v=DMARC1; p=reject\"\n",
                key.record()
            ),
        ),
        zone("nokey.test", spf),
    ]
}

pub fn body(from: &str, to: &str) -> String {
    format!(
        "From: Test <{from}>\r\nTo: <{to}>\r\nSubject: Test message\r\nDate: {DATE}\r\nMessage-ID: <t1@{}>\r\n\r\nHello, this is a test.\r\n",
        from.rsplit_once('@').unwrap().1
    )
}

pub fn received(from: &str, ip: &str, by: &str) -> String {
    format!("Received: from {from} ({from} [{ip}]) by {by} with ESMTPS id 4AbC; {DATE}\r\n")
}

/// From an outside sender through the gateway into Microsoft 365, as
/// Microsoft writes its hops (internal addresses, names in outlook.com)
/// and its `Authentication-Results` (no server name, "sender IP is").
pub fn m365_inbound(judged: &str, via_gateway: bool) -> String {
    let mut m = String::new();
    m.push_str("Received: from AM4PR04MB1.eurprd04.prod.outlook.com (2603:10a6:20b:1::12) by DB5PR04MB2.eurprd04.prod.outlook.com with HTTPS; Mon, 2 Nov 2026 10:00:03 +0000\r\n");
    m.push_str("Received: from DB5PEPF00014B8E.eurprd04.prod.outlook.com (10.167.8.201) by AM4PR04MB1.eurprd04.prod.outlook.com (2603:10a6:20b:1::12) with Microsoft SMTP Server; Mon, 2 Nov 2026 10:00:02 +0000\r\n");
    m.push_str(&format!("Authentication-Results: spf=pass (sender IP is {judged})\r\n smtp.mailfrom=sender.example; dkim=none (message not signed)\r\n header.d=none;dmarc=none action=none header.from=sender.example;compauth=pass\r\n reason=100\r\n"));
    if via_gateway {
        m.push_str(&format!("Received: from france.security-mail.net ({GATEWAY_IP}) by DB5PEPF00014B8E.mail.protection.outlook.com (10.167.8.201) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8 via Frontend Transport; Mon, 2 Nov 2026 10:00:01 +0000\r\n"));
        m.push_str(&received(
            "mail.sender.example",
            "203.0.113.50",
            "france.security-mail.net",
        ));
    } else {
        m.push_str("Received: from mail.sender.example (203.0.113.50) by DB5PEPF00014B8E.mail.protection.outlook.com (10.167.8.201) with Microsoft SMTP Server id 15.20.8 via Frontend Transport; Mon, 2 Nov 2026 10:00:01 +0000\r\n");
    }
    m.push_str(&body("alice@sender.example", "bob@proof.test"));
    m
}

/// What the platform hands to the gateway, then the gateway signs and
/// sends to the receiver, whose own hop and results are on top.
pub struct Outbound {
    pub domain: &'static str,
    pub platform_hops: String,
    /// The hop into the receiver: (sender name, sender address).
    pub out_of: (&'static str, &'static str),
    pub receiver_results: Option<String>,
    pub signed: bool,
    pub body_edit: Option<(&'static str, &'static str)>,
    pub headers_only: bool,
}

impl Outbound {
    pub fn new(domain: &'static str, platform: Platform) -> Outbound {
        let platform_hops = match platform {
            Platform::Microsoft365 => format!(
                "{}Received: from AM4PR04MB1.eurprd04.prod.outlook.com ([fe80::1]) by AM4PR04MB1.eurprd04.prod.outlook.com ([fe80::1%5]) with mapi id 15.20.8; {DATE}\r\n",
                received(
                    "mail-db8eur05on2100.outbound.protection.outlook.com",
                    "40.107.20.100",
                    "france.security-mail.net"
                )
            ),
            Platform::GoogleWorkspace => format!(
                "{}Received: by 2002:a17:907:1234:b0:a9e:1:2 with SMTP id xyz; {DATE}\r\n",
                received(
                    "mail-sor-f41.google.com",
                    "209.85.220.41",
                    "france.security-mail.net"
                )
            ),
            _ => format!(
                "{}{}",
                received("mail.proof.test", "192.0.2.25", "france.security-mail.net"),
                received("localhost", "127.0.0.1", "mail.proof.test")
            ),
        };
        Outbound {
            domain,
            platform_hops,
            out_of: ("france.security-mail.net", GATEWAY_IP),
            receiver_results: Some(format!(
                "Authentication-Results: mx.receiver.example;\r\n dkim=pass header.d={domain} header.s={SELECTOR};\r\n spf=pass smtp.mailfrom={domain};\r\n dmarc=pass header.from={domain}\r\n"
            )),
            signed: true,
            body_edit: None,
            headers_only: false,
        }
    }

    pub fn build(&self, key: &Key) -> String {
        let inner = body(&format!("bob@{}", self.domain), "alice@receiver.example");
        let signed = format!("{}{inner}", self.platform_hops);
        let signature = if self.signed {
            key.sign(self.domain, &signed)
        } else {
            String::new()
        };
        let mut m = format!("Return-Path: <bob@{}>\r\n", self.domain);
        if let Some(results) = &self.receiver_results {
            m.push_str(results);
        }
        m.push_str(&received(
            self.out_of.0,
            self.out_of.1,
            "mx.receiver.example",
        ));
        m.push_str(&signature);
        m.push_str(&signed);
        if let Some((from, to)) = self.body_edit {
            m = m.replace(from, to);
        }
        if self.headers_only {
            let end = m.find("\r\n\r\n").unwrap();
            m.truncate(end + 2);
        }
        m
    }
}

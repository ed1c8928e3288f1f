//! MTA-STS (RFC 8461) and TLS reporting (RFC 8460): a domain whose policy
//! does not list the gateway's hosts loses mail from every sender that
//! honours it as soon as the MX records point to the gateway.

pub mod fetch;
pub mod policy;

pub use fetch::{FetchError, fetch_policy, policy_host, policy_url};
pub use policy::{
    Mode, PolicyError, RecordError, StsPolicy, StsRecord, mx_matches, parse_policy, parse_record,
};

/// The `rua=` of a TLS-RPT record (`v=TLSRPTv1; rua=mailto:…`), if the
/// texts hold exactly one.
pub fn tls_rpt_destinations(texts: &[String]) -> Option<Vec<String>> {
    let records: Vec<&String> = texts
        .iter()
        .filter(|t| t.trim_start().starts_with("v=TLSRPTv1"))
        .collect();
    let [one] = records.as_slice() else {
        return None;
    };
    let rua = one
        .split(';')
        .filter_map(|f| f.trim().split_once('='))
        .find(|(k, _)| k.trim() == "rua")?
        .1;
    Some(
        rua.split(',')
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .take(8)
            .collect(),
    )
}

/// A new policy id: letters and digits from the time, so that it sorts
/// after ids made the same way and changes at every publication.
pub fn new_id(now: chrono::DateTime<chrono::Utc>) -> String {
    now.format("%Y%m%dT%H%M%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_rpt_destinations_are_read() {
        let t = |s: &str| vec![s.to_string()];
        assert_eq!(
            tls_rpt_destinations(&t(
                "v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example/x"
            )),
            Some(vec![
                "mailto:tls@example.com".into(),
                "https://r.example/x".into()
            ])
        );
        assert_eq!(tls_rpt_destinations(&t("v=spf1 -all")), None);
    }

    #[test]
    fn ids_are_letters_and_digits() {
        let id = new_id(chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap());
        assert_eq!(id, "20270115T080000");
        assert!(parse_record(&[format!("v=STSv1; id={id}")]).is_ok());
    }
}

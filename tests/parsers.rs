//! Property tests: no input makes a parser panic, and what they accept
//! holds together.

use esm_assistant::domain::DomainName;
use esm_assistant::spf::merge::merge_include;
use esm_assistant::{dkim, dmarc, spf};
use proptest::prelude::*;

const GW: &str = "includespf.security-mail.net";
const DEFAULT: &str = "v=spf1 include:includespf.security-mail.net -all";

fn spf_like() -> impl Strategy<Value = String> {
    let term = prop_oneof![
        Just("a".to_string()),
        Just("mx".to_string()),
        Just("-all".to_string()),
        Just("~all".to_string()),
        Just("+all".to_string()),
        Just("include:_spf.example.com".to_string()),
        Just("include:includespf.security-mail.net".to_string()),
        Just("redirect=_spf.example.com".to_string()),
        Just("exp=explain.example.com".to_string()),
        "ip4:[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(/[0-9]{1,2})?",
        "[a-z:=/%{}.0-9-]{0,20}",
    ];
    proptest::collection::vec(term, 0..8).prop_map(|terms| format!("v=spf1 {}", terms.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn domain_parser_never_panics(s in "\\PC{0,80}") {
        if let Ok(d) = DomainName::parse(&s) {
            prop_assert!(d.ascii().len() <= 253);
            prop_assert!(d.ascii().split('.').all(|l| !l.is_empty() && l.len() <= 63));
            prop_assert!(d.ascii().is_ascii());
        }
    }

    #[test]
    fn spf_parser_never_panics(s in "\\PC{0,120}") {
        let _ = spf::parse_record(&s);
        let _ = spf::unquote_spf(&s);
    }

    #[test]
    fn spf_records_round_trip(s in spf_like()) {
        if let Ok(r) = spf::parse_record(&s) {
            prop_assert_eq!(spf::parse_record(&r.to_text()), Ok(r));
        }
    }

    #[test]
    fn merge_gives_one_valid_record_that_includes_the_gateway(a in spf_like(), b in spf_like(), two in any::<bool>()) {
        let existing = if two { vec![a, b] } else { vec![a] };
        let merged = merge_include(&existing, GW, DEFAULT, false);
        let record = spf::parse_record(&merged.record);
        prop_assert!(record.is_ok(), "{} -> {}", existing.join(" | "), merged.record);
        let record = record.unwrap();
        prop_assert!(record.includes(GW));
        // The include comes before any `all`.
        let include_pos = record.terms.iter().position(|t| t.text() == format!("include:{GW}"));
        let all_pos = record.terms.iter().position(|t| t.text().ends_with("all") && !t.text().contains(':'));
        if let (Some(i), Some(a)) = (include_pos, all_pos) {
            prop_assert!(i < a, "{}", merged.record);
        }
        prop_assert!(record.all() != Some(spf::Qualifier::Pass));
    }

    #[test]
    fn dkim_parser_never_panics(s in "\\PC{0,200}") {
        if let Ok(r) = dkim::parse_record(&s) {
            let _ = r.key();
        }
        let _ = dkim::normalise_console_key(&s);
    }

    #[test]
    fn dkim_base64_noise_never_panics(s in "[A-Za-z0-9+/=]{0,400}") {
        if let Ok(r) = dkim::parse_record(&format!("v=DKIM1; p={s}")) {
            let _ = r.key();
        }
    }

    #[test]
    fn dmarc_parser_never_panics(s in "\\PC{0,160}") {
        if let Ok(r) = dmarc::parse_record(&s) {
            let with = r.with_report_address("dmarc@secuserve.com");
            let again = dmarc::parse_record(&with);
            prop_assert!(again.is_ok(), "{with}");
            prop_assert!(again.unwrap().has_report_address("dmarc@secuserve.com"));
        }
    }
}

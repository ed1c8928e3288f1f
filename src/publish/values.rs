//! Record values between the forms hosts use and the one the assistant
//! compares: a TXT value as its strings joined, an MX as `PREF HOST.`.

use crate::records::split_txt;

/// A TXT value as zone files and most APIs write it: quoted strings of at
/// most 255 bytes, `"` and `\` escaped, separated by spaces.
pub fn quoted_txt(value: &str) -> String {
    split_txt(value)
        .iter()
        .map(|s| {
            let mut out = String::with_capacity(s.len() + 2);
            out.push('"');
            for c in s.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A TXT value as a host returns it, joined: quoted strings are unquoted
/// and put end to end; a value that does not start with a quote is taken
/// as it is (some hosts store TXT values unquoted).
pub fn joined_txt(raw: &str) -> String {
    let trimmed = raw.trim();
    if !trimmed.starts_with('"') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut inside = false;
    let mut chars = trimmed.chars();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (false, '"') => inside = true,
            (false, _) => {} // the spaces between strings
            (true, '"') => inside = false,
            (true, '\\') => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            (true, c) => out.push(c),
        }
    }
    out
}

/// An MX value as `PREF HOST.`, the host in lower case with its final dot.
pub fn mx_value(preference: u16, host: &str) -> String {
    let host = crate::domain::normalise_name(host);
    format!("{preference} {host}.")
}

/// The preference and host (no final dot) of an MX value `PREF HOST`.
pub fn mx_parts(value: &str) -> Option<(u16, String)> {
    let (pref, host) = value.trim().split_once(char::is_whitespace)?;
    let pref = pref.parse().ok()?;
    let host = crate::domain::normalise_name(host);
    (!host.is_empty()).then_some((pref, host))
}

/// An MX value from a host, in the assistant's form, so that `10 a.b`
/// and `10 A.B.` compare equal.
pub fn normal_mx(raw: &str) -> String {
    match mx_parts(raw) {
        Some((pref, host)) => mx_value(pref, &host),
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_values_round_trip_through_the_quoted_form() {
        let long = format!("v=DKIM1; p={}", "A".repeat(400));
        for value in ["v=spf1 -all", r#"a "quoted" \ value"#, long.as_str(), ""] {
            assert_eq!(joined_txt(&quoted_txt(value)), value);
        }
        assert_eq!(quoted_txt(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quoted_txt(&long).matches('"').count(), 4);
        assert_eq!(joined_txt("v=spf1 -all"), "v=spf1 -all");
        assert_eq!(joined_txt(r#""v=spf1 " "-all""#), "v=spf1 -all");
    }

    #[test]
    fn mx_values_compare_in_one_form() {
        assert_eq!(
            normal_mx("10 France.Security-Mail.net"),
            "10 france.security-mail.net."
        );
        assert_eq!(
            mx_parts("20 europe.example."),
            Some((20, "europe.example".into()))
        );
        assert_eq!(mx_parts("x host"), None);
        assert_eq!(normal_mx("nonsense"), "nonsense");
    }
}

//! Quoting for generated scripts. Every value is validated before it gets
//! here (host names, parsed networks); quoting makes sure that even so,
//! nothing can change a script's meaning.

/// A PowerShell single-quoted string: nothing inside is expanded; a quote
/// (any of PowerShell's quote characters) is doubled.
pub fn ps(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        if !c.is_control() {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// A POSIX shell single-quoted word.
pub fn sh(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_values_stay_inert() {
        assert_eq!(ps("a'b"), "'a''b'");
        assert_eq!(ps("$(Remove-Item C:\\)"), "'$(Remove-Item C:\\)'");
        assert_eq!(
            ps("x\u{2019}; Stop-Computer"),
            "'x\u{2019}\u{2019}; Stop-Computer'"
        );
        assert_eq!(ps("line\nbreak"), "'linebreak'");
        assert_eq!(sh("a'b"), "'a'\\''b'");
        assert_eq!(sh("$(rm -rf /)"), "'$(rm -rf /)'");
    }
}

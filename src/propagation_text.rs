//! The propagation view in words, for the terminal and the window.

use std::fmt::Write;

use chrono::TimeZone;

use crate::check::propagation::{MxSide, PropagationView};
use crate::fl;
use crate::localize::Lang;
use crate::safe_text::visible;

/// MX records in one line, most preferred first.
pub fn mx_list(lang: Lang, side: &MxSide) -> String {
    if side.mx.is_empty() {
        return fl!(lang, "propagation-no-mx");
    }
    let hosts: Vec<String> = side.mx.iter().map(|(p, h)| format!("{p} {h}")).collect();
    visible(&hosts.join(", ")).into_owned()
}

/// A moment as the admin reads a clock: the time alone today, with the date
/// on another day.
pub fn local_time(seconds: i64) -> String {
    let Some(when) = chrono::Local.timestamp_opt(seconds, 0).single() else {
        return seconds.to_string();
    };
    if when.date_naive() == chrono::Local::now().date_naive() {
        when.format("%H:%M").to_string()
    } else {
        when.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The view as plain text under its title, for the terminal.
pub fn view(lang: Lang, view: &PropagationView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", fl!(lang, "propagation-title"));
    for line in lines(lang, view) {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// The view's lines: the domain's own servers, each resolver with a mark
/// (✓ same, ✗ other records, ? no answer), then what to do.
pub fn lines(lang: Lang, view: &PropagationView) -> Vec<String> {
    let mut out = Vec::new();
    match &view.authoritative {
        Some(side) if side.failure.is_none() => {
            out.push(fl!(
                lang,
                "propagation-authoritative",
                mx = mx_list(lang, side),
                ttl = side.ttl.unwrap_or(0)
            ));
        }
        _ => {
            out.push(fl!(lang, "propagation-no-authoritative"));
        }
    }
    for r in &view.resolvers {
        let resolver = match (&r.name, r.address) {
            // A resolver given on the command line is named by its address.
            (Some(name), Some(addr)) if *name == addr.ip().to_string() => addr.to_string(),
            (Some(name), Some(addr)) => format!("{} ({addr})", visible(name)),
            _ => fl!(lang, "propagation-resolver-own"),
        };
        let (mark, state) = match (r.agrees, r.side.failure) {
            (_, Some(reason)) => ("?", fl!(lang, "propagation-no-answer", reason = reason)),
            (Some(true), None) => ("✓", fl!(lang, "propagation-agrees")),
            (Some(false), None) => ("✗", fl!(lang, "propagation-differs")),
            (None, None) => ("?", String::new()),
        };
        let mut line = fl!(
            lang,
            "propagation-line",
            resolver = resolver,
            mx = mx_list(lang, &r.side),
            state = state
        );
        if let (Some(false), Some(ttl)) = (r.agrees, r.side.ttl) {
            line.push_str(", ");
            line.push_str(&fl!(lang, "propagation-ttl-left", ttl = ttl));
        }
        out.push(format!("{mark} {line}"));
    }
    if let Some(until) = view.keep_old_until {
        out.push(fl!(
            lang,
            "propagation-keep-until",
            time = local_time(until)
        ));
    } else if view.at_gateway && view.differing() == 0 {
        out.push(fl!(lang, "propagation-all-agree"));
    }
    if let Some(advice) = view.lower_ttl {
        out.push(fl!(
            lang,
            "propagation-lower-ttl",
            current = advice.current,
            set = advice.set,
            hours = advice.hours_ahead
        ));
    }
    out
}

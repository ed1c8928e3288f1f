//! `esm-assistant`: the window, or `check`, `records`, `checklist`,
//! `lockdown` and `spf` on the command line.

use std::process::ExitCode;

mod launch;

fn main() -> ExitCode {
    launch::main()
}

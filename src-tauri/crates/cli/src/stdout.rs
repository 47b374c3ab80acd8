//! Standard output as Unix tools write it: when the reader has gone (`courtier client list |
//! head -1`), the command stops quietly with status 141 (128 + SIGPIPE, what the shell reports
//! for `ls` or `cat` in the same place) instead of panicking on the broken pipe. Everything the
//! command had to save is saved before it prints; nothing is left half-written by stopping here.

use std::fmt;
use std::io::{ErrorKind, Write};

/// The status of a command whose reader closed its standard output.
pub const BROKEN_PIPE_STATUS: i32 = 141;

/// Writes `args` (and a newline when `newline`) to standard output; a closed pipe ends the
/// process quietly, any other failure is said in French on standard error (status 1).
pub fn write(args: fmt::Arguments<'_>, newline: bool) {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(BROKEN_PIPE_STATUS),
        Err(e) => {
            eprintln!("Erreur : écriture sur la sortie standard impossible ({e}).");
            eprintln!("(code : io)");
            std::process::exit(1);
        }
    }
}

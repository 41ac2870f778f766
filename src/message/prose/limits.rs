//! Limits, always with their values.

use crate::message::Message;
use crate::probe::limits::{self, Table};

/// EMFILE: the per-process limit and how many are open.
pub fn too_many_open_files(m: &mut Message) {
    m.because();
    let Some((soft, hard)) = limits::open_files_limit() else {
        return m.text("the process has reached its limit on open file descriptors (RLIMIT_NOFILE)");
    };
    // EMFILE means no descriptor below the limit was free. Whether that is still so is
    // one open away; the free descriptor it finds shows the state has changed since.
    // Written piece by piece rather than with format_args: EMFILE is explained in loops.
    if soft == 0 {
        m.text("the process's limit on open file descriptors (RLIMIT_NOFILE) is 0: it may open none");
        if hard > 0 {
            m.text("; the limit may be raised up to ");
            m.unsigned(hard);
            m.text(" (ulimit -n)");
        }
        return;
    }
    match limits::descriptor_table(soft) {
        Table::Full => {
            m.text("every file descriptor the process may have, 0 to ");
            m.unsigned(soft.saturating_sub(1));
            m.text(", is in use: its limit (RLIMIT_NOFILE) is ");
            m.unsigned(soft);
        }
        Table::Free(free) => {
            m.text("the process had used up its limit (RLIMIT_NOFILE) of ");
            m.unsigned(soft);
            m.text(" file descriptors; descriptor ");
            m.number(free as i64);
            m.text(" is free now, so some were closed since the call, or the limit was raised");
        }
        Table::Unknown => {
            m.text("the process has used up its limit (RLIMIT_NOFILE) of ");
            m.unsigned(soft);
            m.text(" file descriptors");
        }
    }
    if hard > soft {
        m.text("; the limit may be raised up to ");
        m.unsigned(hard);
        m.text(" (ulimit -n)");
    }
    m.text("; perhaps descriptors are being leaked (opened and never closed)");
}

/// ENFILE: the system-wide table.
pub fn too_many_files_in_system(m: &mut Message) {
    m.because();
    match limits::system_files() {
        Some((used, max)) => {
            let _ = core::fmt::write(
                m,
                format_args!("the system-wide table of open files is full: {used} of the limit of {max} (/proc/sys/fs/file-max) are in use"),
            );
        }
        None => {
            m.text("the system-wide table of open files is full (/proc/sys/fs/file-max)");
            if let Some((soft, _)) = limits::open_files_limit() {
                let open = limits::open_descriptors(soft);
                let _ = core::fmt::write(m, format_args!("; this process holds {open} descriptors of its own limit of {soft}"));
            }
        }
    }
}

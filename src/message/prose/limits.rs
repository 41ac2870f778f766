//! Limits, always with their values.

use crate::message::Message;
use crate::probe::limits;

/// EMFILE: the per-process limit and how many are open.
pub fn too_many_open_files(m: &mut Message) {
    m.because();
    match limits::open_files_limit() {
        Some((soft, hard)) => {
            let open = limits::open_descriptors(soft);
            let _ = core::fmt::write(
                m,
                format_args!(
                    "the process already has {open} file descriptors open, and its limit (RLIMIT_NOFILE) is {soft}"
                ),
            );
            if hard > soft {
                let _ = core::fmt::write(m, format_args!("; the limit may be raised up to {hard} (ulimit -n)"));
            }
            m.text("; perhaps descriptors are being leaked (opened and never closed)");
        }
        None => m.text("the process has reached its limit on open file descriptors (RLIMIT_NOFILE)"),
    }
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

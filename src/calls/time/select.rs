//! select(2): ERRORS EBADF (which descriptor of which set is not open, read from the
//! sets without faulting), EINTR, EINVAL (nfds negative or over RLIMIT_NOFILE, with the
//! limit; a timeout field out of range), ENOMEM.

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::{clock as probe, limits};

pub fn explain(m: &mut Message, errnum: i32, nfds: i32, readfds: usize, writefds: usize, exceptfds: usize, timeout: usize) {
    match errnum {
        libc::EBADF => {
            let sets = [("readfds", readfds), ("writefds", writefds), ("exceptfds", exceptfds)];
            let culprit = sets.iter().find_map(|&(name, addr)| Some((name, probe::first_closed(&probe::fd_set(addr)?, nfds)?)));
            match culprit {
                Some((set, fd)) => clock::closed_in_set(m, set, fd),
                None => clock::all_open_now(m),
            }
        }
        libc::EINVAL if nfds < 0 => clock::negative(m, "nfds", nfds as i64),
        libc::EINVAL => invalid(m, errnum, nfds, timeout),
        libc::EINTR => clock::wait_interrupted(m, "select", probe::pending_signals()),
        libc::ENOMEM => clock::no_kernel_memory(m, "descriptors of the sets", nfds as i64),
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL with nfds not negative: the timeout's fields, else the limit.
fn invalid(m: &mut Message, errnum: i32, nfds: i32, timeout: usize) {
    if let Some(t) = probe::stamp(timeout) {
        if t.sec < 0 {
            return clock::field_out_of_range(m, "timeout", "tv_sec", t.sec, 0, i64::MAX);
        }
        if !(0..1_000_000).contains(&t.frac) {
            return clock::field_out_of_range(m, "timeout", "tv_usec", t.frac, 0, 999_999);
        }
    }
    match limits::open_files_limit() {
        Some((soft, _)) if nfds as u64 > soft => clock::over_nofile(m, "nfds", nfds as i64, Some(soft)),
        limit if nfds > libc::FD_SETSIZE as i32 => clock::over_nofile(m, "nfds", nfds as i64, limit.map(|(s, _)| s)),
        _ => generic::meaning(m, errnum),
    }
}

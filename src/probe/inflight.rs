//! Descriptors in flight: what the kernel weighs when
//! sendmsg passing SCM_RIGHTS fails with ETOOMANYREFS. The kernel counts, per real user
//! (its user_struct), the descriptors sent over AF_UNIX sockets and not yet received,
//! and refuses more once that count exceeds the sender's RLIMIT_NOFILE, unless the
//! sender has CAP_SYS_RESOURCE or CAP_SYS_ADMIN. The count itself is published nowhere
//! (neither /proc nor sock_diag), so these are the facts around it. Also the other
//! queue of AF_UNIX datagrams a sender waits on: the receiver's.

use crate::sys;

const CAP_SYS_ADMIN: u32 = 21;
const CAP_SYS_RESOURCE: u32 = 24;

pub struct InFlight {
    /// RLIMIT_NOFILE's soft value, which the count is held against.
    pub limit: Option<u64>,
    /// The real user whose count it is.
    pub user: u32,
    /// CAP_SYS_RESOURCE and CAP_SYS_ADMIN in the effective set: either lifts the limit.
    pub resource: bool,
    pub admin: bool,
}

pub fn in_flight() -> InFlight {
    let caps = sys::capabilities().unwrap_or(0);
    InFlight {
        limit: super::limits::open_files_limit().map(|(soft, _)| soft),
        user: sys::uids().0,
        resource: caps & (1 << CAP_SYS_RESOURCE) != 0,
        admin: caps & (1 << CAP_SYS_ADMIN) != 0,
    }
}

/// How many descriptors the SCM_RIGHTS messages of `h` pass.
pub fn passed(h: &super::msghdr::MsgHdr) -> usize {
    let mut n = 0;
    super::msghdr::for_each_passed_fd(h, |_, _| {
        n += 1;
        true
    });
    n
}

/// net.unix.max_dgram_qlen: how many datagrams an AF_UNIX socket's receive queue holds
/// before senders that are not its peer must wait.
pub fn max_dgram_qlen() -> Option<u64> {
    let mut b = [0u8; 16];
    let n = sys::read_file(b"/proc/sys/net/unix/max_dgram_qlen", &mut b).ok()?;
    super::lines::number(&b[..n])
}

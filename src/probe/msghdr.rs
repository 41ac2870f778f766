//! A `struct msghdr` of sendmsg(2)/recvmsg(2) read from the caller's memory without
//! trusting it, and the descriptors its SCM_RIGHTS control messages pass.

use crate::sys;

/// The fields of a struct msghdr (x86_64: msg_name 0, msg_namelen 8, msg_iov 16,
/// msg_iovlen 24, msg_control 32, msg_controllen 40, msg_flags 48).
#[derive(Clone, Copy, Debug)]
pub struct MsgHdr {
    pub name: usize,
    pub namelen: u32,
    pub iov: usize,
    pub iovlen: usize,
    pub control: usize,
    pub controllen: usize,
}

/// The msghdr at `addr`; None when its 56 bytes cannot all be read.
pub fn read_msghdr(addr: usize) -> Option<MsgHdr> {
    let mut b = [0u8; 56];
    if addr == 0 || sys::read_memory(addr, &mut b) != b.len() {
        return None;
    }
    let word = |o: usize| u64::from_ne_bytes(b[o..o + 8].try_into().unwrap_or([0; 8])) as usize;
    Some(MsgHdr { name: word(0), namelen: word(8) as u32, iov: word(16), iovlen: word(24), control: word(32), controllen: word(40) })
}

/// The total length of the message's data: the sum of its iovec lengths (what can be
/// read of them, at most 1024 elements).
pub fn data_length(h: &MsgHdr) -> u64 {
    let mut total = 0u64;
    for i in 0..h.iovlen.min(1024) {
        let mut b = [0u8; 8];
        if sys::read_memory(h.iov + i * 16 + 8, &mut b) != 8 {
            break;
        }
        total = total.saturating_add(u64::from_ne_bytes(b));
    }
    total
}

/// Calls `f(level, type, data address, data length)` for each control message, until it
/// returns false. Walks the control buffer as the kernel does (cmsg_len, then the data,
/// aligned to 8 bytes) and stops at anything that cannot be read or does not fit.
fn for_each_cmsg(h: &MsgHdr, mut f: impl FnMut(i32, i32, usize, usize) -> bool) {
    let mut off = 0usize;
    while off + 16 <= h.controllen {
        let mut head = [0u8; 16];
        if sys::read_memory(h.control + off, &mut head) != 16 {
            return;
        }
        let len = u64::from_ne_bytes(head[..8].try_into().unwrap_or([0; 8])) as usize;
        let level = i32::from_ne_bytes(head[8..12].try_into().unwrap_or([0; 4]));
        let kind = i32::from_ne_bytes(head[12..16].try_into().unwrap_or([0; 4]));
        if len < 16 || off + len > h.controllen {
            return;
        }
        if !f(level, kind, h.control + off + 16, len - 16) {
            return;
        }
        off += (len + 7) & !7;
    }
}

/// Calls `f(index, fd)` for each descriptor passed in the SCM_RIGHTS control messages,
/// numbered from 0 across them all, until it returns false.
pub fn for_each_passed_fd(h: &MsgHdr, mut f: impl FnMut(usize, i32) -> bool) {
    let mut index = 0usize;
    for_each_cmsg(h, |level, kind, data, len| {
        if level != libc::SOL_SOCKET || kind != libc::SCM_RIGHTS {
            return true;
        }
        for i in 0..len / 4 {
            let mut b = [0u8; 4];
            if sys::read_memory(data + i * 4, &mut b) != 4 || !f(index, i32::from_ne_bytes(b)) {
                return false;
            }
            index += 1;
        }
        true
    });
}

/// The (pid, uid, gid) of the first SCM_CREDENTIALS control message, when there is one.
pub fn credentials(h: &MsgHdr) -> Option<(i32, u32, u32)> {
    let mut found = None;
    for_each_cmsg(h, |level, kind, data, len| {
        if level == libc::SOL_SOCKET && kind == libc::SCM_CREDENTIALS && len >= 12 {
            let mut b = [0u8; 12];
            if sys::read_memory(data, &mut b) == 12 {
                let w = |o: usize| u32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
                found = Some((w(0) as i32, w(4), w(8)));
            }
            return false;
        }
        true
    });
    found
}

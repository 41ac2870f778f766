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

/// Calls `f(index, fd)` for each descriptor passed in the SCM_RIGHTS control messages,
/// numbered from 0 across them all, until it returns false. Walks the control buffer as
/// the kernel does (cmsg_len, then the data, aligned to 8 bytes) and stops at anything
/// that cannot be read or does not fit.
pub fn for_each_passed_fd(h: &MsgHdr, mut f: impl FnMut(usize, i32) -> bool) {
    let mut off = 0usize;
    let mut index = 0usize;
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
        if level == libc::SOL_SOCKET && kind == libc::SCM_RIGHTS {
            for i in 0..(len - 16) / 4 {
                let mut b = [0u8; 4];
                if sys::read_memory(h.control + off + 16 + i * 4, &mut b) != 4 {
                    return;
                }
                if !f(index, i32::from_ne_bytes(b)) {
                    return;
                }
                index += 1;
            }
        }
        off += (len + 7) & !7;
    }
}

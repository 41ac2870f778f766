//! shmat(2): ERRORS EACCES (the segment's owner and mode), EIDRM, EINVAL (no such
//! segment, a misaligned address without SHM_RND), ENOMEM.

use crate::message::prose::{generic, memory};
use crate::message::Message;
use crate::probe::vm;

pub fn explain(m: &mut Message, errnum: i32, shmid: i32, shmaddr: usize, shmflg: i32) {
    let seg = vm::segment(shmid);
    let page = vm::page_size();
    match (errnum, seg) {
        (libc::EACCES, Some(s)) => {
            let want = if shmflg & libc::SHM_RDONLY != 0 { "read" } else { "read and write" };
            memory::segment_denied(m, &s, want, false)
        }
        (libc::EINVAL | libc::EIDRM, None) => memory::no_segment(m, "shmid", shmid),
        (libc::EIDRM, Some(s)) if s.destroyed => memory::segment_destroyed(m),
        (libc::EINVAL, Some(_)) if shmaddr != 0 && shmflg & libc::SHM_RND == 0 && shmaddr as u64 % page != 0 => {
            memory::shm_misaligned(m, shmaddr, page)
        }
        (libc::ENOMEM, Some(s)) => super::malloc::out_of_memory(m, "the segment's size", s.size),
        _ => generic::meaning(m, errnum),
    }
}

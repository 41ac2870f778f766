//! shmctl(2): ERRORS EACCES (IPC_STAT without read permission), EFAULT, EIDRM, EINVAL
//! (no such segment, an unknown command), ENOMEM (SHM_LOCK), EPERM (IPC_SET or IPC_RMID
//! by neither owner nor creator), with the segment's owner and mode.

use crate::decode::memory::shmctl_command_name;
use crate::message::prose::{fd, generic, memory};
use crate::message::Message;
use crate::probe::vm;

pub fn explain(m: &mut Message, errnum: i32, shmid: i32, command: i32, data: usize) {
    let seg = vm::segment(shmid);
    match (errnum, seg) {
        (libc::EINVAL, _) if shmctl_command_name(command as i64).is_none() => memory::unknown_value(m, "command", command as i64),
        (libc::EINVAL | libc::EIDRM, None) if !matches!(command, libc::IPC_INFO | 14) => memory::no_segment(m, "shmid", shmid),
        (libc::EACCES, Some(s)) => memory::segment_denied(m, &s, "read", false),
        (libc::EPERM, Some(s)) => {
            let want = if command == libc::IPC_RMID { "remove" } else if command == libc::IPC_SET { "change" } else { "lock" };
            memory::segment_denied(m, &s, want, true)
        }
        (libc::EFAULT, _) => fd::bad_pointer(m, "data", data, core::mem::size_of::<libc::shmid_ds>()),
        (libc::ENOMEM, Some(s)) => super::malloc::out_of_memory(m, "the locked segment", s.size),
        (libc::ENOSPC | libc::ENOMEM, None) => memory::shm_limits(m, &vm::shm_limits()),
        _ => generic::meaning(m, errnum),
    }
}

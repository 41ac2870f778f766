//! mmap(2): ERRORS EACCES (the descriptor's access mode against prot and flags), EBADF,
//! EEXIST, EINVAL (alignment, length 0, no mapping type), ENODEV, ENOMEM (limits, the
//! number of mappings), EOVERFLOW, EPERM (PROT_EXEC on a noexec mount), ETXTBSY.

use crate::decode::memory::map_type_name;
use crate::message::prose::{fd, generic, memory};
use crate::message::Message;
use crate::probe::{self, vm};

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize, prot: i32, flags: i32, fildes: i32, offset: i64) {
    let page = vm::page_size();
    let anonymous = flags & libc::MAP_ANONYMOUS != 0;
    let shared = flags & 0x0f != libc::MAP_PRIVATE;
    match errnum {
        libc::EINVAL if data_size == 0 => memory::zero_length(m, "data_size"),
        libc::EINVAL if map_type_name(flags as i64).is_none() => memory::no_map_type(m, "flags"),
        libc::EINVAL if !anonymous && offset as u64 % page != 0 => memory::misaligned(m, "offset", offset as u64, page),
        libc::EINVAL if flags & libc::MAP_FIXED != 0 && data as u64 % page != 0 => memory::misaligned(m, "data", data as u64, page),
        libc::EBADF if !anonymous => fd::bad_fd(m, "fildes", fildes, None),
        libc::EACCES | libc::ENODEV if !anonymous => access(m, errnum, prot, shared, fildes),
        libc::EPERM if prot & libc::PROT_EXEC != 0 && !anonymous => match vm::noexec_mount(fildes) {
            Some(mount) => memory::noexec(m, fildes, Some(&mount)),
            None => generic::meaning(m, errnum),
        },
        libc::ENOMEM => match vm::map_count() {
            (Some(n), Some(max)) if n + 1 >= max => memory::too_many_mappings(m, n, max),
            _ => super::malloc::out_of_memory(m, "data_size", data_size as u64),
        },
        _ => generic::meaning(m, errnum),
    }
}

/// EACCES and ENODEV: what the descriptor is, and its access mode against prot.
fn access(m: &mut Message, errnum: i32, prot: i32, shared: bool, fildes: i32) {
    let Some(f) = probe::fd::facts(fildes) else { return fd::bad_fd(m, "fildes", fildes, None) };
    let mode = f.stat.map(|st| st.st_mode).unwrap_or(libc::S_IFREG);
    if matches!(mode & libc::S_IFMT, libc::S_IFIFO | libc::S_IFSOCK | libc::S_IFDIR) {
        return memory::cannot_map(m, fildes, probe::fd::type_name(mode));
    }
    let acc = f.flags & libc::O_ACCMODE;
    let refused = acc == libc::O_WRONLY || (shared && prot & libc::PROT_WRITE != 0 && acc != libc::O_RDWR);
    if refused || f.flags & libc::O_PATH != 0 {
        return memory::access_mode_forbids(m, fildes, acc, prot, shared);
    }
    generic::meaning(m, errnum)
}

//! Reading the caller's memory without faulting and without signal handlers.
//!
//! `process_vm_readv(2)` on our own pid copies bytes the way the kernel copies a system
//! call's arguments: an address that is not mapped readable gives EFAULT instead of
//! SIGSEGV. That is exactly the question EFAULT asks.

/// Copies up to `buf.len()` bytes from `addr`; returns how many were readable.
pub fn read_memory(addr: usize, buf: &mut [u8]) -> usize {
    if addr == 0 || buf.is_empty() {
        return 0;
    }
    let local = libc::iovec { iov_base: buf.as_mut_ptr() as *mut _, iov_len: buf.len() };
    let remote = libc::iovec { iov_base: addr as *mut _, iov_len: buf.len() };
    let pid = super::getpid();
    match super::raw!(libc::SYS_process_vm_readv, pid, &local as *const libc::iovec, 1, &remote as *const libc::iovec, 1, 0) {
        Ok(n) => n as usize,
        // A partial copy stops at the first unreadable page: retry up to that page.
        Err(libc::EFAULT) => {
            // Bytes up to the end of addr's page (the last page of the address space too).
            let in_page = 4096 - (addr & 4095);
            if in_page < buf.len() {
                read_memory(addr, &mut buf[..in_page])
            } else {
                0
            }
        }
        // Refused (a seccomp filter, say): ask /proc/self/mem, which also answers EIO
        // for an unmapped address instead of faulting. Never touch the pointer itself.
        Err(_) => read_proc_mem(addr, buf),
    }
}

fn read_proc_mem(addr: usize, buf: &mut [u8]) -> usize {
    let Ok(fd) = super::open_read(b"/proc/self/mem") else { return 0 };
    super::raw!(libc::SYS_pread64, fd.raw(), buf.as_mut_ptr(), buf.len(), addr).map_or(0, |n| n as usize)
}

/// Whether `len` bytes at `addr` can be read (len 0 asks about the address itself).
/// Checks the first byte of every page the range touches, up to 256 pages, and the last.
pub fn readable(addr: usize, len: usize) -> bool {
    if addr == 0 {
        return false;
    }
    let Some(last) = addr.checked_add(len.max(1) - 1) else { return false };
    let mut probe = [0u8; 1];
    let mut page = addr;
    for _ in 0..256 {
        if read_memory(page, &mut probe) != 1 {
            return false;
        }
        page = (page | 4095).wrapping_add(1);
        if page == 0 || page > last {
            break;
        }
    }
    read_memory(last, &mut probe) == 1
}

//! The process id, asked of the kernel once per process rather than at each use (the
//! kernel copy of caller memory when the page check is refused, and telling our own
//! locks and files from other processes').
//!
//! The cache lives in a page marked MADV_WIPEONFORK: a forked child sees the page
//! zeroed and asks again, whether it was forked by fork(3), _Fork, or a raw clone, with
//! no pthread_atfork handler to register. Where the kernel lacks MADV_WIPEONFORK (before
//! Linux 4.14) or the page cannot be had, every call asks the kernel, as before.

use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, AtomicPtr, Ordering};

/// The page's first word is the cached pid (0: not known). `NO_PAGE` means there is none.
static PAGE: AtomicPtr<AtomicI32> = AtomicPtr::new(null_mut());
const NO_PAGE: *mut AtomicI32 = 1 as *mut AtomicI32;
const MADV_WIPEONFORK: libc::c_long = 18;

pub fn getpid() -> i32 {
    match page() {
        Some(slot) => match slot.load(Ordering::Relaxed) {
            0 => {
                let pid = ask();
                slot.store(pid, Ordering::Relaxed);
                pid
            }
            pid => pid,
        },
        None => ask(),
    }
}

fn ask() -> i32 {
    super::raw!(libc::SYS_getpid).unwrap_or(0) as i32
}

fn page() -> Option<&'static AtomicI32> {
    let mut p = PAGE.load(Ordering::Acquire);
    if p.is_null() {
        let made = make_page();
        p = match PAGE.compare_exchange(null_mut(), made, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => made,
            Err(other) => {
                // Another thread won the race: give back ours.
                if made != NO_PAGE {
                    let _ = super::raw!(libc::SYS_munmap, made, 4096);
                }
                other
            }
        };
    }
    // SAFETY: a page we mapped read-write and never unmap; zero is a valid AtomicI32.
    (p != NO_PAGE).then(|| unsafe { &*p })
}

fn make_page() -> *mut AtomicI32 {
    let prot = libc::PROT_READ | libc::PROT_WRITE;
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS;
    let Ok(addr) = super::raw!(libc::SYS_mmap, 0, 4096, prot, flags, -1, 0) else { return NO_PAGE };
    if super::raw!(libc::SYS_madvise, addr, 4096, MADV_WIPEONFORK).is_err() {
        let _ = super::raw!(libc::SYS_munmap, addr, 4096);
        return NO_PAGE;
    }
    // The slot is read and written only as an atomic (each thread that finds it 0
    // stores the same pid); Helgrind would report those plain loads and stores as races.
    super::valgrind::atomics_only(addr as usize, core::mem::size_of::<AtomicI32>());
    addr as *mut AtomicI32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forked_child_sees_its_own_pid() {
        let parent = getpid();
        assert_eq!(parent, unsafe { libc::getpid() });
        // SAFETY: the child only computes and exits.
        match unsafe { libc::fork() } {
            0 => {
                let ok = getpid() == unsafe { libc::getpid() } && getpid() != parent;
                unsafe { libc::_exit(if ok { 0 } else { 1 }) }
            }
            child => {
                let mut status = 0;
                unsafe { libc::waitpid(child, &mut status, 0) };
                assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
            }
        }
    }
}

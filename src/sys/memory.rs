//! Reading the caller's memory without faulting and without signal handlers.
//!
//! A page is asked whether it can be read by `rt_sigprocmask(2)` with an invalid `how`:
//! the kernel copies the 8-byte set from the pointer before it looks at `how`, so the
//! call answers EFAULT for memory the process may not read (unmapped, PROT_NONE, beyond
//! the end of a mapped file, kernel addresses) and EINVAL otherwise, and changes
//! nothing. Protection is per page, so a page that answers EINVAL is then read directly.
//! That costs one cheap system call per page, where `process_vm_readv(2)` costs a
//! page-table walk under the address-space lock (about 1.2 µs a call against 0.15 µs
//! on the machines we measure), and a daemon explains every string argument this way.
//!
//! The one thing the direct read gives up: a page unmapped by another thread between
//! the question and the read would fault. That is a page the caller is passing to us
//! while freeing it, a use-after-free in the caller that no copy could make sound.
//! Where rt_sigprocmask answers neither EFAULT nor EINVAL (a seccomp filter, say),
//! `process_vm_readv` does the copy, and /proc/self/mem after it. So it does under
//! Valgrind, whose Memcheck would report the 8 bytes the question reads at the page's
//! start as someone else's memory: a daemon run under Valgrind must not see errors of
//! ours.

use core::sync::atomic::{AtomicU8, Ordering};

const PAGE: usize = 4096;

/// Whether the page holding `addr` is readable; None when the kernel would not say, or
/// under Valgrind.
fn page_readable(addr: usize) -> Option<bool> {
    if super::valgrind::running_on_valgrind() || !question_answered_as_linux_does() {
        return None;
    }
    let page = addr & !(PAGE - 1);
    if known_readable(page) {
        return Some(true);
    }
    let answer = ask(addr);
    if answer == Some(true) {
        remember_readable(page);
    }
    answer
}

/// The pages found readable during the explanation under way on this thread. A call's
/// arguments stay mapped while it is explained (a page unmapped meanwhile is the
/// caller's use-after-free, as above), so the argv array and its strings, which share
/// a page or two, cost one question each page instead of one each (execve's echo asked
/// nine times). Kept only inside an explanation (`Explaining`): between two calls a
/// page may be unmapped, and a bad pointer must then be caught.
struct Known {
    depth: u32,
    pages: [usize; 4],
    next: usize,
}

std::thread_local! {
    static KNOWN: core::cell::RefCell<Known> = const { core::cell::RefCell::new(Known { depth: 0, pages: [0; 4], next: 0 }) };
}

fn known_readable(page: usize) -> bool {
    // 0 marks an empty slot: page 0 is never readable, and never taken for known.
    page != 0 && KNOWN.try_with(|k| k.try_borrow().is_ok_and(|k| k.depth > 0 && k.pages.contains(&page))).unwrap_or(false)
}

fn remember_readable(page: usize) {
    let _ = KNOWN.try_with(|k| {
        if let Ok(mut k) = k.try_borrow_mut() {
            if k.depth > 0 {
                let i = k.next;
                k.pages[i] = page;
                k.next = (i + 1) % 4;
            }
        }
    });
}

/// While it lives, an explanation is under way on this thread: readable pages are
/// remembered, and forgotten when the outermost one ends.
pub struct Explaining(());

impl Explaining {
    pub fn begin() -> Explaining {
        let _ = KNOWN.try_with(|k| {
            if let Ok(mut k) = k.try_borrow_mut() {
                k.depth += 1;
            }
        });
        Explaining(())
    }
}

impl Drop for Explaining {
    fn drop(&mut self) {
        let _ = KNOWN.try_with(|k| {
            if let Ok(mut k) = k.try_borrow_mut() {
                k.depth = k.depth.saturating_sub(1);
                if k.depth == 0 {
                    k.pages = [0; 4];
                }
            }
        });
    }
}

/// None for page 0 too: a NULL set asks nothing of the kernel.
fn ask(addr: usize) -> Option<bool> {
    let page = addr & !(PAGE - 1);
    match super::raw!(libc::SYS_rt_sigprocmask, -1, page, 0, 8) {
        Err(libc::EINVAL) => Some(true),
        Err(libc::EFAULT) => Some(false),
        _ => None,
    }
}

/// Whether the kernel copies the set before it checks `how`, as Linux does: asked once,
/// of a kernel address (which must fault) and of our own data (which must not). A
/// kernel that checked `how` first (an emulation of Linux, say) would call every page
/// readable, and the direct read would fault; there the kernel copy is used instead.
fn question_answered_as_linux_does() -> bool {
    const UNKNOWN: u8 = 0;
    const YES: u8 = 1;
    const NO: u8 = 2;
    static VERDICT: AtomicU8 = AtomicU8::new(UNKNOWN);
    match VERDICT.load(Ordering::Relaxed) {
        YES => true,
        NO => false,
        _ => {
            let ours = &VERDICT as *const AtomicU8 as usize;
            let linux = ask(0xffff_ffff_ffff_f000) == Some(false) && ask(ours) == Some(true);
            VERDICT.store(if linux { YES } else { NO }, Ordering::Relaxed);
            linux
        }
    }
}

/// Copies up to `buf.len()` bytes from `addr`; returns how many were readable (the
/// copy stops at the first page that is not).
pub fn read_memory(addr: usize, buf: &mut [u8]) -> usize {
    if addr == 0 {
        return 0;
    }
    let mut done = 0;
    while done < buf.len() {
        let Some(at) = addr.checked_add(done) else { break };
        let n = (buf.len() - done).min(PAGE - (at & (PAGE - 1)));
        match page_readable(at) {
            Some(true) => {
                // SAFETY: the page holding at..at+n was just found readable, and the
                // range does not leave it.
                unsafe { core::ptr::copy_nonoverlapping(at as *const u8, buf[done..].as_mut_ptr(), n) };
                done += n;
            }
            Some(false) => break,
            None => return done + copy_through_kernel(at, &mut buf[done..]),
        }
    }
    done
}

/// Walks the NUL-terminated string at `addr` a page at a time, handing `chunk` each
/// readable piece (without the NUL), until the NUL, an unreadable page, or `limit`
/// bytes. Returns the length seen, or None when not even the first byte is readable.
pub fn read_c_string(addr: usize, limit: usize, mut chunk: impl FnMut(&[u8])) -> Option<usize> {
    if addr == 0 {
        return None;
    }
    // Only the rare fallback copies into it; it is zeroed there, not on every call.
    let mut scratch = core::mem::MaybeUninit::<[u8; 512]>::uninit();
    let (mut at, mut len) = (addr, 0);
    loop {
        let in_page = PAGE - (at & (PAGE - 1));
        let piece: &[u8] = match page_readable(at) {
            // SAFETY: the page was just found readable and the piece does not leave it.
            Some(true) => unsafe { core::slice::from_raw_parts(at as *const u8, in_page) },
            Some(false) => return (at != addr).then_some(len),
            None => {
                let scratch = scratch.write([0; 512]);
                match copy_through_kernel(at, &mut scratch[..in_page.min(512)]) {
                    0 => return (at != addr).then_some(len),
                    n => &scratch[..n],
                }
            }
        };
        if let Some(end) = piece.iter().position(|&c| c == 0) {
            chunk(&piece[..end]);
            return Some(len + end);
        }
        chunk(piece);
        len += piece.len();
        match at.checked_add(piece.len()) {
            Some(next) if len < limit => at = next,
            _ => return Some(len),
        }
    }
}

/// Whether `len` bytes at `addr` can be read (len 0 asks about the address itself).
/// Asks the first page the range touches, every page after it up to 256 pages, and the
/// last.
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
        page = (page | (PAGE - 1)).wrapping_add(1);
        if page == 0 || page > last {
            break;
        }
    }
    read_memory(last, &mut probe) == 1
}

/// The copy when rt_sigprocmask cannot answer: `process_vm_readv(2)` on our own pid
/// copies the way the kernel copies a system call's arguments, EFAULT instead of SIGSEGV.
fn copy_through_kernel(addr: usize, buf: &mut [u8]) -> usize {
    if buf.is_empty() {
        return 0;
    }
    let local = libc::iovec { iov_base: buf.as_mut_ptr() as *mut _, iov_len: buf.len() };
    let remote = libc::iovec { iov_base: addr as *mut _, iov_len: buf.len() };
    let pid = super::getpid();
    match super::raw!(libc::SYS_process_vm_readv, pid, &local as *const libc::iovec, 1, &remote as *const libc::iovec, 1, 0) {
        Ok(n) => n as usize,
        // A partial copy stops at the first unreadable page: retry up to that page.
        Err(libc::EFAULT) => {
            let in_page = PAGE - (addr & (PAGE - 1));
            if in_page < buf.len() {
                copy_through_kernel(addr, &mut buf[..in_page])
            } else {
                0
            }
        }
        // Refused too: ask /proc/self/mem, which also answers EIO for an unmapped
        // address instead of faulting.
        Err(_) => read_proc_mem(addr, buf),
    }
}

fn read_proc_mem(addr: usize, buf: &mut [u8]) -> usize {
    let Ok(fd) = super::open_read(b"/proc/self/mem") else { return 0 };
    super::raw!(libc::SYS_pread64, fd.raw(), buf.as_mut_ptr(), buf.len(), addr).map_or(0, |n| n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(prot: i32) -> usize {
        let p = unsafe { libc::mmap(core::ptr::null_mut(), 2 * PAGE, prot, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
        assert_ne!(p, libc::MAP_FAILED);
        p as usize
    }

    #[test]
    fn reads_up_to_an_unreadable_page_and_not_beyond() {
        let base = map(libc::PROT_READ | libc::PROT_WRITE);
        unsafe { core::ptr::write_bytes(base as *mut u8, b'x', 2 * PAGE) };
        // The second page becomes unreadable: a read across the boundary stops there.
        unsafe { libc::mprotect((base + PAGE) as *mut _, PAGE, libc::PROT_NONE) };
        let mut buf = [0u8; 64];
        assert_eq!(read_memory(base + PAGE - 10, &mut buf), 10);
        assert_eq!(&buf[..10], b"xxxxxxxxxx");
        assert_eq!(read_memory(base + PAGE, &mut buf), 0);
        assert!(readable(base, PAGE));
        assert!(!readable(base, PAGE + 1));
        // Unmapped pages and kernel addresses are unreadable too.
        unsafe { libc::munmap((base + PAGE) as *mut _, PAGE) };
        assert_eq!(read_memory(base + PAGE, &mut buf), 0);
        assert_eq!(read_memory(usize::MAX - 3, &mut buf), 0);
        assert_eq!(read_memory(0xffff_8000_0000_0000, &mut buf), 0);
    }

    #[test]
    fn linux_answers_the_page_question_so_the_direct_read_is_used() {
        assert!(question_answered_as_linux_does());
        let none = map(libc::PROT_NONE);
        assert_eq!(page_readable(none), Some(false));
        assert_eq!(page_readable(0xffff_ffff_ffff_f000), Some(false));
        // Page 0's question would pass NULL, which asks nothing: the kernel copy decides.
        assert_eq!(page_readable(0x10), None);
        assert_eq!(read_memory(0x10, &mut [0u8; 4]), 0);
        assert_eq!(page_readable(&PAGE as *const usize as usize), Some(true));
    }

    #[test]
    fn the_kernel_copy_agrees() {
        let s = b"/etc/passwd\0";
        let mut a = [0u8; 12];
        let mut b = [0u8; 12];
        assert_eq!(read_memory(s.as_ptr() as usize, &mut a), 12);
        assert_eq!(copy_through_kernel(s.as_ptr() as usize, &mut b), 12);
        assert_eq!(a, b);
    }
}

/// The machine word at `addr` (a `size_t`, or a pointer's value), when that memory
/// can be read: iconv's `*inbytesleft` and `*inbuf`, the environment's table.
pub fn read_word(addr: usize) -> Option<usize> {
    let mut b = [0u8; core::mem::size_of::<usize>()];
    (read_memory(addr, &mut b) == b.len()).then(|| usize::from_ne_bytes(b))
}

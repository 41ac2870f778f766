//! A NUL-terminated path on the stack, for passing to the kernel without allocating.
//!
//! The buffer is left uninitialised beyond the bytes written: a path is built on nearly
//! every explanation, and zeroing (or cloning) the whole PATH_MAX buffer each time cost
//! more than the system calls it feeds.

use core::mem::MaybeUninit;
use libc::c_char;

/// Room for PATH_MAX bytes and a NUL, plus slack for joining a name onto a directory.
const CAP: usize = 4096 + 256 + 1;

pub struct CPath {
    /// `buf[..len]` are the path's bytes and `buf[len]` is a NUL once anything was pushed.
    buf: MaybeUninit<[u8; CAP]>,
    len: usize,
}

impl CPath {
    pub fn new() -> Self {
        // Only `len` is written. A struct literal with an uninitialised array lets LLVM
        // merge the "undefined" bytes with the stores around them into one zeroing
        // memset of the whole buffer, which is what this type exists to avoid.
        let mut p = MaybeUninit::<CPath>::uninit();
        // SAFETY: `buf` may stay uninitialised (MaybeUninit); `len` is written here.
        unsafe {
            core::ptr::addr_of_mut!((*p.as_mut_ptr()).len).write(0);
            p.assume_init()
        }
    }

    /// None when the bytes (and the NUL) do not fit, or contain a NUL.
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        let mut p = CPath::new();
        p.push(b)?;
        Some(p)
    }

    /// Appends bytes; None (and no change) when they would not fit.
    pub fn push(&mut self, b: &[u8]) -> Option<()> {
        if self.len + b.len() + 1 > CAP || b.contains(&0) {
            return None;
        }
        // SAFETY: the range was checked to fit; MaybeUninit<u8> and u8 share a layout.
        unsafe {
            let at = (self.buf.as_mut_ptr() as *mut u8).add(self.len);
            core::ptr::copy_nonoverlapping(b.as_ptr(), at, b.len());
            *at.add(b.len()) = 0;
        }
        self.len += b.len();
        Some(())
    }

    /// Appends `/name`, or just `name` when empty or already ending in '/'.
    pub fn push_component(&mut self, name: &[u8]) -> Option<()> {
        let saved = self.len;
        if self.len > 0 && self.as_bytes()[self.len - 1] != b'/' {
            self.push(b"/")?;
        }
        self.push(name).or_else(|| {
            self.truncate(saved);
            None
        })
    }

    /// A path the kernel writes: `fill` gets the buffer and its room, and returns the
    /// number of bytes it wrote (not counting a NUL). The kernel never sees an
    /// initialised buffer, and nothing is zeroed first.
    pub fn filled_by(fill: impl FnOnce(*mut u8, usize) -> super::Result<usize>) -> super::Result<CPath> {
        let mut p = CPath::new();
        let at = p.buf.as_mut_ptr() as *mut u8;
        let n = fill(at, CAP - 1)?;
        if n >= CAP {
            return Err(libc::ENAMETOOLONG);
        }
        // SAFETY: the kernel wrote `n` bytes at `at`, and n < CAP.
        unsafe { *at.add(n) = 0 };
        p.len = n;
        if p.as_bytes().contains(&0) {
            return Err(libc::EINVAL);
        }
        Ok(p)
    }

    pub fn truncate(&mut self, len: usize) {
        self.len = len.min(self.len);
        // SAFETY: len < CAP.
        unsafe { *(self.buf.as_mut_ptr() as *mut u8).add(self.len) = 0 };
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written by `push`.
        unsafe { core::slice::from_raw_parts(self.buf.as_ptr() as *const u8, self.len) }
    }

    /// The path for the kernel: "." when empty, so an empty prefix means the start directory.
    pub fn as_ptr(&self) -> *const c_char {
        if self.len == 0 {
            b".\0".as_ptr() as *const c_char
        } else {
            self.buf.as_ptr() as *const c_char
        }
    }
}

impl Clone for CPath {
    /// Copies only the bytes in use.
    fn clone(&self) -> Self {
        let mut p = CPath::new();
        let _ = p.push(self.as_bytes());
        p
    }
}

impl Default for CPath {
    fn default() -> Self {
        Self::new()
    }
}

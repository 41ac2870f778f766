//! A NUL-terminated path on the stack, for passing to the kernel without allocating.

use libc::c_char;

/// Room for PATH_MAX bytes and a NUL, plus slack for joining a name onto a directory.
const CAP: usize = 4096 + 256 + 1;

#[derive(Clone)]
pub struct CPath {
    buf: [u8; CAP],
    len: usize,
}

impl CPath {
    pub fn new() -> Self {
        CPath { buf: [0; CAP], len: 0 }
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
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        self.buf[self.len] = 0;
        Some(())
    }

    /// Appends `/name`, or just `name` when empty or already ending in '/'.
    pub fn push_component(&mut self, name: &[u8]) -> Option<()> {
        let saved = self.len;
        if self.len > 0 && self.buf[self.len - 1] != b'/' {
            self.push(b"/")?;
        }
        self.push(name).or_else(|| {
            self.truncate(saved);
            None
        })
    }

    pub fn truncate(&mut self, len: usize) {
        self.len = len.min(self.len);
        self.buf[self.len] = 0;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
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

impl Default for CPath {
    fn default() -> Self {
        Self::new()
    }
}

//! Reading a directory with getdents64(2) into a stack buffer: no opendir, no heap.

use super::{getdents, CPath, Result};

/// Calls `f(name, d_type)` for each entry of the directory `dir` (relative to
/// `start_fd`) until it returns false.
pub fn for_each_entry(start_fd: i32, dir: &CPath, f: impl FnMut(&[u8], u8) -> bool) -> Result<()> {
    let fd = super::open_at(start_fd, dir, libc::O_RDONLY | libc::O_DIRECTORY)?;
    for_each_entry_fd(fd.raw(), f)
}

/// The same, for a directory already open on `fd` (read from its current offset).
pub fn for_each_entry_fd(fd: i32, mut f: impl FnMut(&[u8], u8) -> bool) -> Result<()> {
    let mut buf = [0u8; 16384];
    loop {
        let n = getdents(fd, &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        // struct linux_dirent64: d_ino u64, d_off i64, d_reclen u16, d_type u8, d_name[].
        let mut off = 0;
        while off + 19 <= n {
            let reclen = u16::from_ne_bytes([buf[off + 16], buf[off + 17]]) as usize;
            if reclen < 19 || off + reclen > n {
                return Ok(());
            }
            let raw = &buf[off + 19..off + reclen];
            let name = &raw[..raw.iter().position(|&c| c == 0).unwrap_or(raw.len())];
            if !f(name, buf[off + 18]) {
                return Ok(());
            }
            off += reclen;
        }
    }
}

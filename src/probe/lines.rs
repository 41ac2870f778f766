//! Reading system files (/etc/passwd, /proc/self/mountinfo, /proc/locks) line by line
//! through a fixed buffer: no heap, any file length.

use crate::sys;

/// Calls `f` with each line of the file (without the newline) until it returns false.
/// A line longer than the buffer is passed cut at the buffer's length.
pub fn for_each_line(path: &[u8], mut f: impl FnMut(&[u8]) -> bool) -> sys::Result<()> {
    let fd = sys::open_read(path)?;
    let mut buf = [0u8; 8192];
    let mut have = 0;
    let mut skipping = false;
    loop {
        let n = sys::read(fd.raw(), &mut buf[have..])?;
        let eof = n == 0;
        have += n;
        let mut start = 0;
        while let Some(nl) = buf[start..have].iter().position(|&c| c == b'\n') {
            if !skipping && !f(&buf[start..start + nl]) {
                return Ok(());
            }
            skipping = false;
            start += nl + 1;
        }
        if eof {
            if start < have && !skipping {
                f(&buf[start..have]);
            }
            return Ok(());
        }
        buf.copy_within(start..have, 0);
        have -= start;
        if have == buf.len() {
            if !skipping && !f(&buf[..have]) {
                return Ok(());
            }
            skipping = true;
            have = 0;
        }
    }
}

/// The `n`th field of a line split on `sep` (0-based).
pub fn field(line: &[u8], sep: u8, n: usize) -> Option<&[u8]> {
    line.split(|&c| c == sep).nth(n)
}

/// Parses a decimal number at the start of `b`.
pub fn number(b: &[u8]) -> Option<u64> {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    core::str::from_utf8(&b[..digits]).ok()?.parse().ok()
}

/// Parses a hexadecimal number (no 0x) at the start of `b`, as /proc shows masks.
pub fn hex(b: &[u8]) -> Option<u64> {
    let digits = b.iter().take_while(|c| c.is_ascii_hexdigit()).count();
    if digits == 0 || digits > 16 {
        return None;
    }
    u64::from_str_radix(core::str::from_utf8(&b[..digits]).ok()?, 16).ok()
}

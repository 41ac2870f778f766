//! A program file as execve(2) sees it: what it starts with (a `#!` line naming an
//! interpreter, an ELF header naming its loader in PT_INTERP, or something else), the
//! command search PATH of execvp(3), and the size of the argument area against its limit.

use super::lines;
use crate::sys::{self, CPath};

/// How many bytes of a program are read: the ELF header, the program headers and
/// PT_INTERP's string all lie in the first page of any ordinary binary.
const HEAD: usize = 4096;

/// What a program file starts with.
pub enum Start {
    /// `#!INTERPRETER`: the path on the `#!` line.
    Script(CPath),
    /// An ELF file; its loader (PT_INTERP) when it has one (a static binary has none).
    Elf(Option<CPath>),
    /// Anything else: its first bytes.
    Other { head: [u8; 16], len: usize },
}

/// Reads the start of the program at `path` (relative to the cwd). None when it cannot
/// be opened for reading (execute-only files, for one).
pub fn start(path: &[u8]) -> Option<Start> {
    let fd = sys::open_read(path).ok()?;
    let mut buf = [0u8; HEAD];
    let mut len = 0;
    while len < HEAD {
        match sys::read(fd.raw(), &mut buf[len..]) {
            Ok(0) | Err(_) => break,
            // A regular file reads short only at its end: no second read to find it.
            Ok(n) if n < HEAD - len => {
                len += n;
                break;
            }
            Ok(n) => len += n,
        }
    }
    let head = &buf[..len];
    if let Some(rest) = head.strip_prefix(b"#!") {
        let line = rest.split(|&c| c == b'\n').next().unwrap_or(b"");
        let interp = line.trim_ascii_start().split(|c| c.is_ascii_whitespace()).next().unwrap_or(b"");
        return Some(Start::Script(CPath::from_bytes(interp).unwrap_or_default()));
    }
    if head.starts_with(b"\x7fELF") {
        return Some(Start::Elf(elf_interpreter(head)));
    }
    let mut first = [0u8; 16];
    let n = len.min(16);
    first[..n].copy_from_slice(&head[..n]);
    Some(Start::Other { head: first, len: n })
}

/// PT_INTERP of an ELF image's first page (32- or 64-bit, little-endian).
fn elf_interpreter(head: &[u8]) -> Option<CPath> {
    const PT_INTERP: u32 = 3;
    let wide = *head.get(4)? == 2;
    if *head.get(5)? != 1 {
        return None;
    }
    let (phoff, phentsize, phnum) = if wide {
        (word(head, 32, 8)?, word(head, 54, 2)?, word(head, 56, 2)?)
    } else {
        (word(head, 28, 4)?, word(head, 42, 2)?, word(head, 44, 2)?)
    };
    for i in 0..phnum.min(64) {
        let at = (phoff + i * phentsize) as usize;
        if word(head, at, 4)? as u32 != PT_INTERP {
            continue;
        }
        let (off, size) = if wide { (word(head, at + 8, 8)?, word(head, at + 32, 8)?) } else { (word(head, at + 4, 4)?, word(head, at + 16, 4)?) };
        let s = head.get(off as usize..(off + size) as usize)?;
        let s = s.split(|&c| c == 0).next().unwrap_or(s);
        return CPath::from_bytes(s);
    }
    None
}

/// The little-endian number of `n` bytes at `at`.
fn word(b: &[u8], at: usize, n: usize) -> Option<u64> {
    let bytes = b.get(at..at.checked_add(n)?)?;
    Some(bytes.iter().rev().fold(0u64, |v, &c| (v << 8) | c as u64))
}

/// Whether `path` names something (following links).
pub fn exists(path: &CPath) -> bool {
    sys::stat_at(libc::AT_FDCWD, path, true).is_ok()
}

/// The command search path execvp(3) walks: $PATH, or glibc's default when unset.
pub fn search_path() -> &'static [u8] {
    sys::secure_var(c"PATH").unwrap_or(b"/bin:/usr/bin")
}

/// Calls `f` with each directory of the search path ("" is the current directory).
pub fn for_each_search_dir(mut f: impl FnMut(&[u8])) {
    for dir in search_path().split(|&c| c == b':') {
        f(dir);
    }
}

/// The limit on the bytes of arguments plus environment (the kernel's: a quarter of
/// RLIMIT_STACK, never below 32 pages), with RLIMIT_STACK's soft value.
pub fn argument_limit() -> (u64, Option<u64>) {
    const FLOOR: u64 = 32 * 4096;
    match sys::rlimit(libc::RLIMIT_STACK as i32) {
        Ok((soft, _)) if soft != u64::MAX => ((soft / 4).max(FLOOR), Some(soft)),
        Ok(_) => (u64::MAX, None),
        Err(_) => (FLOOR, None),
    }
}

/// The longest single argument or environment string the kernel takes (MAX_ARG_STRLEN).
pub const MAX_ARG_STRLEN: u64 = 32 * 4096;

/// The longest string of the array at `argv`, in bytes.
pub fn longest_string(argv: usize) -> u64 {
    let mut longest = 0;
    let mut i = 0;
    while let Some(p) = crate::decode::process::element(argv, i) {
        if p == 0 {
            break;
        }
        longest = longest.max(sys::read_c_string(p, usize::MAX, |_| {}).unwrap_or(0) as u64);
        i += 1;
    }
    longest
}

/// The number in a /proc/sys file.
pub fn sysctl(path: &[u8]) -> Option<u64> {
    let mut b = [0u8; 32];
    let n = sys::read_file(path, &mut b).ok()?;
    lines::number(&b[..n])
}

/// The file capabilities of a program (its security.capability attribute, as
/// linux/capability.h lays out vfs_cap_data): the sets it grants and whether it is
/// marked effective, which makes the kernel refuse to run it without all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileCaps {
    pub permitted: u64,
    pub inheritable: u64,
    pub effective: bool,
}

/// The file capabilities of the program at `path`; None when it has none (or the
/// attribute cannot be read or is of a revision this code does not know).
pub fn file_capabilities(path: &CPath) -> Option<FileCaps> {
    const VFS_CAP_REVISION_MASK: u32 = 0xFF00_0000;
    const VFS_CAP_FLAGS_EFFECTIVE: u32 = 0x1;
    const REVISION_1: u32 = 0x0100_0000;
    let mut b = [0u8; 24];
    let n = sys::xattr(path, b"security.capability\0", &mut b).ok()?;
    let word = |i: usize| Some(u32::from_le_bytes(b.get(i * 4..i * 4 + 4)?.try_into().ok()?));
    let magic = word(0)?;
    // Revision 1 has one 32-bit pair; revisions 2 and 3 two, and 3 a root id after them.
    let (permitted, inheritable) = match (magic & VFS_CAP_REVISION_MASK, n) {
        (REVISION_1, 12..) => (word(1)? as u64, word(2)? as u64),
        (_, 20..) => (word(1)? as u64 | (word(3)? as u64) << 32, word(2)? as u64 | (word(4)? as u64) << 32),
        _ => return None,
    };
    Some(FileCaps { permitted, inheritable, effective: magic & VFS_CAP_FLAGS_EFFECTIVE != 0 })
}

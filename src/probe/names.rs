//! Facts for the calls that make names: hard links (protected_hardlinks, link counts),
//! device nodes, file size limits, temporary-file templates and temporary directories.

use super::creds::{decide, Creds, Decision, CAP_FOWNER, READ, WRITE};
use super::lines::number;
use super::mounts::Mount;
use super::path::{resolve_bytes, Outcome, Start};
use crate::sys::{self, CPath, Stat};

/// Why protected_hardlinks (proc(5)) refuses a hard link to a file the caller does not
/// own, in the order the kernel's safe_hardlink_source checks (fs/namei.c).
#[derive(Clone, Copy)]
pub enum UnsafeSource {
    /// Not a regular file: device files and FIFOs must not be pinned.
    NotRegular,
    /// A set-user-ID file.
    SetUid,
    /// A set-group-ID file that is group-executable.
    SetGidExecutable,
    /// The caller may not both read and write it.
    NoReadWrite(Decision),
}

/// Whether /proc/sys/fs/protected_hardlinks is on; None when it cannot be read.
pub fn protected_hardlinks() -> Option<bool> {
    let mut buf = [0u8; 16];
    let n = sys::read_file(b"/proc/sys/fs/protected_hardlinks", &mut buf).ok()?;
    number(&buf[..n]).map(|v| v != 0)
}

/// The refusal of a hard link to the file `st` under protected_hardlinks: None when the
/// sysctl is off, the caller owns the file or has CAP_FOWNER, or the file is a safe source.
pub fn hardlink_refused(st: &Stat, creds: &Creds) -> Option<UnsafeSource> {
    if protected_hardlinks() != Some(true) || creds.uid == st.st_uid || creds.has_cap(CAP_FOWNER) {
        return None;
    }
    let mode = st.st_mode;
    if mode & libc::S_IFMT != libc::S_IFREG {
        return Some(UnsafeSource::NotRegular);
    }
    if mode & libc::S_ISUID != 0 {
        return Some(UnsafeSource::SetUid);
    }
    if mode & (libc::S_ISGID | libc::S_IXGRP) == libc::S_ISGID | libc::S_IXGRP {
        return Some(UnsafeSource::SetGidExecutable);
    }
    let d = decide(st, READ | WRITE, creds);
    (!d.granted).then_some(UnsafeSource::NoReadWrite(d))
}

/// The largest file the file system of `mnt` holds (the kernel's s_maxbytes), by its
/// type; None when the type is not known here.
pub fn max_file_size(mnt: &Mount) -> Option<u64> {
    let s = mnt.stat?;
    const MAX_LFS_FILESIZE: u64 = i64::MAX as u64;
    match s.f_type as u64 {
        // ext4 with extents: 2^32 - 1 blocks.
        0xEF53 if mnt.fstype() == b"ext4" => Some(((1u64 << 32) - 1) * s.f_bsize as u64),
        0x4d44 => Some(u32::MAX as u64), // vfat: a 32-bit size
        0x0102_1994 | 0x5846_5342 | 0x9123_683E => Some(MAX_LFS_FILESIZE), // tmpfs, xfs, btrfs
        _ => None,
    }
}

/// What glibc's temporary name functions make of a template.
pub const SUFFIX_LEN: usize = 6;
/// Letters and digits used for each X: A-Z, a-z, 0-9.
pub const LETTERS: u64 = 62;
/// glibc tries at most 62^3 names before giving up with EEXIST (tempname.c ATTEMPTS_MIN).
pub const ATTEMPTS: u64 = LETTERS * LETTERS * LETTERS;

/// The number of distinct names six X's can become: 62^6.
pub fn names_possible() -> u64 {
    LETTERS.pow(SUFFIX_LEN as u32)
}

/// A template's shape: its length, how many X's end it, and its last bytes.
pub struct Template {
    pub len: usize,
    pub trailing_x: usize,
    /// Up to the last six bytes, to say what it ends in.
    pub tail: [u8; SUFFIX_LEN],
    pub tail_len: usize,
}

impl Template {
    pub fn of(b: &[u8]) -> Template {
        let trailing_x = b.iter().rev().take_while(|&&c| c == b'X').count();
        let tail_len = b.len().min(SUFFIX_LEN);
        let mut tail = [0u8; SUFFIX_LEN];
        tail[..tail_len].copy_from_slice(&b[b.len() - tail_len..]);
        Template { len: b.len(), trailing_x, tail, tail_len }
    }

    /// Whether glibc accepts it: at least six bytes, the last six all 'X'.
    pub fn valid(&self) -> bool {
        self.trailing_x >= SUFFIX_LEN
    }

    pub fn tail(&self) -> &[u8] {
        &self.tail[..self.tail_len]
    }
}

fn name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// How many entries of the directory `dir` could have come from a template whose final
/// component is `prefix` followed by six X's: the names already taken. Bounded count.
pub fn taken_names(start: Start, dir: &CPath, prefix: &[u8]) -> Option<usize> {
    let mut n = 0;
    let d = if dir.is_empty() { CPath::from_bytes(b".")? } else { dir.clone() };
    sys::for_each_entry(start.fd(), &d, |name, _| {
        if name.len() == prefix.len() + SUFFIX_LEN && name.starts_with(prefix) && name[prefix.len()..].iter().all(|&c| name_char(c)) {
            n += 1;
        }
        n < 1_000_000
    })
    .ok()?;
    Some(n)
}

/// Where a temporary directory came from, in glibc's order (__path_search).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TmpSource {
    /// The TMPDIR environment variable (tempnam only).
    Env,
    /// The dir argument of tempnam.
    Argument,
    /// P_tmpdir of <stdio.h>, "/tmp".
    PTmpdir,
}

/// Why a candidate directory was passed over: stat failed with this errno, or it is not
/// a directory (its mode).
#[derive(Clone, Copy)]
pub enum Passed {
    Failed(i32),
    NotDir(u32),
}

/// The directory glibc used for a temporary name, and the candidates it passed over.
pub struct TmpChoice {
    /// None when no candidate was a directory (glibc fails with ENOENT).
    pub used: Option<(TmpSource, CPath)>,
    pub passed: [Option<(TmpSource, CPath, Passed)>; 3],
}

/// P_tmpdir as glibc defines it.
pub const P_TMPDIR: &[u8] = b"/tmp";

fn candidate(p: &[u8]) -> Result<CPath, (CPath, Passed)> {
    let path = CPath::from_bytes(p).unwrap_or_default();
    match sys::stat_at(libc::AT_FDCWD, &path, true) {
        Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFDIR => Ok(path),
        Ok(st) => Err((path, Passed::NotDir(st.st_mode))),
        Err(e) => Err((path, Passed::Failed(e))),
    }
}

/// The directory tmpfile, tmpnam (`dir` None, `try_tmpdir` false) or tempnam (`dir`, and
/// `try_tmpdir` true: $TMPDIR first) use, following glibc's __path_search.
pub fn temp_dir(dir: Option<&[u8]>, try_tmpdir: bool) -> TmpChoice {
    let mut c = TmpChoice { used: None, passed: [None, None, None] };
    let mut k = 0;
    if try_tmpdir {
        let env = sys::secure_var(c"TMPDIR");
        for (source, value) in [(TmpSource::Env, env), (TmpSource::Argument, dir)] {
            let Some(v) = value else { continue };
            match candidate(v) {
                Ok(p) => {
                    c.used = Some((source, p));
                    return c;
                }
                Err((p, why)) => {
                    c.passed[k] = Some((source, p, why));
                    k += 1;
                }
            }
        }
    } else if let Some(d) = dir.and_then(CPath::from_bytes) {
        c.used = Some((TmpSource::Argument, d));
        return c;
    }
    // P_tmpdir is "/tmp" on Linux, so glibc's second fallback to "/tmp" is the same.
    match candidate(P_TMPDIR) {
        Ok(p) => c.used = Some((TmpSource::PTmpdir, p)),
        Err((p, why)) => c.passed[k] = Some((TmpSource::PTmpdir, p, why)),
    }
    c
}

/// Walks `dir/name` for the creation of a temporary file, so that the walk's facts
/// (missing or unsearchable directories) and the directory's stat are at hand.
pub fn walk_in(dir: &CPath, name: &[u8]) -> Outcome {
    let mut p = dir.clone();
    if p.push_component(name).is_none() {
        return resolve_bytes(Start::Cwd, dir.as_bytes(), true, &Creds::current());
    }
    resolve_bytes(Start::Cwd, p.as_bytes(), false, &Creds::current())
}

/// The file a descriptor refers to, for linkat's AT_EMPTY_PATH.
pub struct FdFile {
    pub stat: Stat,
    /// Its path from /proc/self/fd (ends in " (deleted)" once unlinked).
    pub path: CPath,
}

/// None when `fd` is not open.
pub fn empty_path_file(fd: i32) -> Option<FdFile> {
    let stat = sys::stat_fd(fd).ok()?;
    let mut path = CPath::new();
    super::fd::path_of(fd, &mut path);
    Some(FdFile { stat, path })
}

/// Whether the file open on `fd` is append-only (chattr +a), by its /proc/self/fd path.
pub fn fd_append_only(fd: i32) -> bool {
    let mut path = CPath::new();
    let Ok(st) = sys::stat_fd(fd) else { return false };
    super::fd::path_of(fd, &mut path)
        && super::dirent_ops::inode_flags(Start::Cwd, &path, &st).append_only
}

//! File system facts: which mount, what type, how full.

use crate::message::Message;
use super::{generic, ids};
use crate::probe::files;
use crate::probe::mounts::{mount_of, Mount};
use crate::probe::path::Found;
use crate::sys::Stat;

fn size(m: &mut Message, bytes: u64) {
    const UNITS: [&str; 6] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut v = bytes as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        let _ = core::fmt::write(m, format_args!("{} bytes", bytes));
    } else {
        let _ = core::fmt::write(m, format_args!("{:.1} {}", v, UNITS[u]));
    }
}

/// `the "tmpfs" file system mounted on "/mnt/x"`.
pub fn mount(m: &mut Message, mnt: &Mount) {
    m.text("the ");
    m.quoted(mnt.fstype());
    m.text(" file system mounted on ");
    m.quoted(mnt.point.as_bytes());
}

/// How full: blocks and inodes, with what an unprivileged user may still use.
pub fn fullness(m: &mut Message, mnt: &Mount) {
    let Some(s) = mnt.stat else { return };
    let bsize = s.f_frsize as u64;
    let total = s.f_blocks as u64 * bsize;
    let avail = s.f_bavail as u64 * bsize;
    let free = s.f_bfree as u64 * bsize;
    m.text(" (");
    size(m, total);
    m.text(" in all, ");
    size(m, avail);
    m.text(" available");
    if free > avail {
        m.text(", ");
        size(m, free - avail);
        m.text(" more reserved for privileged users");
    }
    if s.f_files > 0 {
        let _ = core::fmt::write(m, format_args!("; {} of {} inodes free", s.f_ffree, s.f_files));
    }
    m.text(")");
}

/// Whether the blocks or the inodes ran out.
pub fn out_of_inodes(mnt: &Mount) -> bool {
    mnt.stat.map_or(false, |s| s.f_files > 0 && s.f_ffree == 0)
}

/// EROFS, ENOSPC, EDQUOT: the mount of the file (or of its directory when missing).
pub fn file_system(m: &mut Message, errnum: i32, found: &Found) {
    file_system_of(m, errnum, &found.stat.unwrap_or(found.dir_stat));
}

/// The same for a file known by its status (an open descriptor's fstat).
pub fn file_system_of(m: &mut Message, errnum: i32, st: &Stat) {
    let Some(mnt) = mount_of(st) else {
        return generic::meaning(m, errnum);
    };
    m.because();
    match errnum {
        libc::EROFS => {
            mount(m, &mnt);
            m.text(" is read-only");
            if !mnt.read_only {
                m.text(" (the mount's options say otherwise, so the file system itself refused the write)");
            }
        }
        libc::EDQUOT => {
            m.text("the user's disk quota on ");
            mount(m, &mnt);
            m.text(" is used up");
            fullness(m, &mnt);
            deleted_but_open(m, st.st_dev);
        }
        _ => {
            mount(m, &mnt);
            m.text(if out_of_inodes(&mnt) { " has no free inodes left" } else { " has no free space left" });
            fullness(m, &mnt);
            deleted_but_open(m, st.st_dev);
        }
    }
}

/// EPERM from a file system that does not support an operation at all (vfat has no
/// hard links, some FUSE and network file systems no directories…): names it.
pub fn refuses(m: &mut Message, found: &Found, operation: &str) {
    m.because();
    match mount_of(&found.dir_stat) {
        Some(mnt) => {
            mount(m, &mnt);
            m.text(" refused ");
            m.text(operation);
            m.text(" here: the file system does not support it, or a security module forbids it");
        }
        None => generic::meaning(m, libc::EPERM),
    }
}

/// EIO: the device under the file, and where to look.
pub fn io_error(m: &mut Message, found: &Found) {
    generic::meaning(m, libc::EIO);
    if let Some(mnt) = mount_of(&found.stat.unwrap_or(found.dir_stat)) {
        m.text("; the file is on ");
        mount(m, &mnt);
    }
}

/// EINVAL for a name the file system refuses (vfat's forbidden characters, say).
pub fn invalid_name(m: &mut Message, found: &Found) {
    m.because();
    m.text("the name ");
    m.quoted(found.name());
    m.text(" is not valid on ");
    match mount_of(&found.dir_stat) {
        Some(mnt) => mount(m, &mnt),
        None => m.text("this file system"),
    }
    m.text(" (some file systems, like vfat, refuse characters such as : * ? \" < > | or a trailing dot)");
}

/// ENOSPC, EDQUOT: space that removing files did not give back, because a process still
/// has them open: `; 2 deleted files still open hold 1.0 MiB of it: 1.0 MiB by process
/// 123 "daemon" (descriptor 3, was "/var/log/x")…`.
fn deleted_but_open(m: &mut Message, dev: u64) {
    let held = files::deleted_open_on(dev);
    if held.files == 0 {
        return;
    }
    let _ = core::fmt::write(m, format_args!("; {} deleted file{} still open hold{} ", held.files, if held.files == 1 { "" } else { "s" }, if held.files == 1 { "s" } else { "" }));
    size(m, held.bytes);
    m.text(if held.files == 1 { " of it, in use until the last descriptor on it is closed: " } else { " of it, each in use until the last descriptor on it is closed: " });
    let mut first = true;
    for d in held.largest.iter().flatten() {
        if !std::mem::replace(&mut first, false) {
            m.text(", ");
        }
        size(m, d.bytes);
        m.text(" by process ");
        ids::process(m, d.pid);
        let _ = core::fmt::write(m, format_args!(" (descriptor {}", d.fd));
        if let Some(name) = files::deleted_name(d) {
            m.text(", once ");
            m.quoted(name.as_bytes());
        }
        m.text(")");
    }
    if held.files > held.largest.len() {
        m.text(", and smaller ones");
    }
}

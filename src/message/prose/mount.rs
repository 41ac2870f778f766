//! mount(2) in words: file system types, devices and mount points.

use super::{fs, location};
use crate::message::Message;
use crate::probe::filesystems::{self, FsType};
use crate::probe::mounts::Mount;
use crate::probe::path::Found;

/// ENODEV: the type is not one the kernel knows; offers the nearest known type.
pub fn unknown_type(m: &mut Message, fstype: &[u8]) {
    m.because();
    m.text("the kernel does not know the file system type ");
    m.quoted(fstype);
    m.text(": it is not listed in /proc/filesystems, and no module for it could be loaded");
    if let Some(t) = filesystems::nearest(fstype) {
        m.text("; perhaps ");
        m.quoted(t.name());
        m.text(" was meant");
    }
}

/// `the "ext4" file system type needs a block device as its source`.
pub fn needs_device(m: &mut Message, t: &FsType) {
    m.text("the ");
    m.quoted(t.name());
    m.text(" file system type needs a block device as its source");
}

/// `source "/dev/sdb1" is already mounted on "/mnt" (the "ext4" file system …)`.
pub fn already_mounted(m: &mut Message, what: impl FnOnce(&mut Message), mnt: &Mount, same_target: bool) {
    m.because();
    what(m);
    m.text(" is already mounted");
    m.text(if same_target { " there: " } else { ": " });
    fs::mount(m, mnt);
}

/// The source found by the walk is not a block device: says what it is.
pub fn not_a_device(m: &mut Message, source: &Found, st: &crate::sys::Stat, t: Option<&FsType>) {
    m.because();
    m.text("source ");
    location::path(m, source.start, source.path.as_bytes());
    m.text(" is a ");
    m.text(crate::probe::fd::type_name(st.st_mode));
    m.text(", not a block device, and ");
    match t {
        Some(t) => needs_device(m, t),
        None => m.text("this file system type needs one"),
    }
    if st.st_mode & libc::S_IFMT == libc::S_IFREG {
        m.text(" (a file holding a file system image is mounted through a loop device: mount -o loop)");
    }
}

//! mount(2): ERRORS EACCES, EBUSY, EFAULT, EINVAL, ELOOP, EMFILE, ENAMETOOLONG, ENODEV,
//! ENOENT, ENOMEM, ENOTBLK, ENOTDIR, ENXIO, EPERM, EROFS. The target is walked like any
//! path; the source is walked when it names a file (a block device, or a bind or move).

use crate::decode::{Text, TextState};
use crate::message::prose::{access, dirent, fs, generic, mount, path};
use crate::message::Message;
use crate::probe::creds::CAP_SYS_ADMIN;
use crate::probe::filesystems::{self, FsType};
use crate::probe::mounts::{device_read_only, mount_of, mount_of_device, mounted_on};
use crate::probe::path::{is_dir, Found, Start};

const PROPAGATION: u64 = libc::MS_SHARED | libc::MS_PRIVATE | libc::MS_SLAVE | libc::MS_UNBINDABLE;

fn is_block(st: &crate::sys::Stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFBLK
}

pub fn explain(m: &mut Message, errnum: i32, source: &Text, target: &Text, file_system_type: &Text, flags: u64, data: &Text) {
    let creds = m.creds();
    if errnum == libc::EPERM {
        m.because();
        return access::lacks_capability(m, &creds, CAP_SYS_ADMIN, "mounting and changing mounts");
    }
    if errnum == libc::EFAULT {
        for (name, t) in [("source", source), ("target", target), ("file_system_type", file_system_type), ("data", data)] {
            if t.state == TextState::Unreadable {
                m.because();
                m.text(name);
                return m.text(" does not point to readable memory in the process's address space");
            }
        }
    }
    if errnum == libc::EINVAL && explain_flags(m, flags) {
        return;
    }
    let new_mount = flags & (libc::MS_REMOUNT | libc::MS_BIND | libc::MS_MOVE | PROPAGATION) == 0;
    let fstype: Option<FsType> = if new_mount && file_system_type.is_ok() { filesystems::find(file_system_type.bytes()) } else { None };
    if errnum == libc::ENODEV && new_mount {
        return match file_system_type.state {
            TextState::Ok if fstype.is_none() => mount::unknown_type(m, file_system_type.bytes()),
            TextState::Null => {
                m.because();
                m.text("file_system_type is NULL, and a new mount needs a file system type");
            }
            _ => generic::meaning(m, errnum),
        };
    }
    let Ok(t) = &path::resolve_or_explain(m, "target", target, Start::Cwd, true) else { return };
    // The source names a file for a bind or a move, and for a type that needs a device.
    let source_is_path = flags & (libc::MS_BIND | libc::MS_MOVE) != 0 || fstype.is_some_and(|f| !f.nodev);
    let walk_source = |m: &mut Message| -> Option<Found> {
        if source.state == TextState::Null && source_is_path {
            m.because();
            m.text("source is NULL, where this mount needs the path of ");
            m.text(if flags & (libc::MS_BIND | libc::MS_MOVE) != 0 { "the file or directory to mount" } else { "a block device" });
            return None;
        }
        path::resolve_or_explain(m, "source", source, Start::Cwd, true).ok()
    };
    match errnum {
        libc::ENOENT | libc::ENOTDIR | libc::EACCES | libc::ELOOP | libc::ENAMETOOLONG if t.stat.is_none() => path::missing_final(m, t),
        libc::ENOTDIR if new_mount && t.stat.is_some_and(|st| !is_dir(&st)) => {
            m.because();
            dirent::final_type(m, t, &t.stat.unwrap_or(t.dir_stat), ", not a directory, and a file system is mounted on a directory");
        }
        libc::ENOENT | libc::ENOTDIR | libc::ELOOP | libc::ENAMETOOLONG | libc::EACCES | libc::ENOTBLK | libc::ENXIO | libc::EROFS
            if source_is_path =>
        {
            let Some(s) = walk_source(m) else { return };
            source_problem(m, errnum, &s, t, fstype.as_ref(), flags);
        }
        libc::EBUSY => busy(m, t, source, fstype.as_ref(), flags),
        libc::EINVAL => invalid(m, t, fstype.as_ref(), flags, data),
        libc::ELOOP if flags & libc::MS_MOVE != 0 => {
            m.because();
            m.text("target is inside the mount being moved (source), and a mount cannot be moved under itself");
        }
        libc::EMFILE => {
            m.because();
            m.text("no free device number was left for a file system without a block device (the kernel's table of anonymous devices, or of loop devices, is full)");
        }
        libc::EROFS => fs::file_system(m, errnum, t),
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL that the flags alone explain; false when they are consistent.
fn explain_flags(m: &mut Message, flags: u64) -> bool {
    let prop = flags & PROPAGATION;
    if prop.count_ones() > 1 {
        m.because();
        m.text("flags holds more than one of MS_SHARED, MS_PRIVATE, MS_SLAVE and MS_UNBINDABLE; a mount's propagation is changed to one type at a time");
        return true;
    }
    if prop != 0 && flags & !(PROPAGATION | libc::MS_REC | libc::MS_SILENT | libc::MS_MGC_MSK) != 0 {
        m.because();
        m.text("a propagation flag (MS_SHARED, MS_PRIVATE, MS_SLAVE or MS_UNBINDABLE) may be combined only with MS_REC and MS_SILENT");
        return true;
    }
    if flags & libc::MS_MOVE != 0 && flags & (libc::MS_BIND | libc::MS_REMOUNT) != 0 {
        m.because();
        m.text("MS_MOVE moves an existing mount and cannot be combined with MS_BIND or MS_REMOUNT");
        return true;
    }
    false
}

fn source_problem(m: &mut Message, errnum: i32, s: &Found, t: &Found, fstype: Option<&FsType>, flags: u64) {
    let Some(st) = s.stat else { return path::missing_final(m, s) };
    let bind_or_move = flags & (libc::MS_BIND | libc::MS_MOVE) != 0;
    match errnum {
        libc::ENOTBLK if !is_block(&st) => mount::not_a_device(m, s, &st, fstype),
        libc::ENOTDIR if bind_or_move && t.stat.is_some_and(|ts| is_dir(&ts) != is_dir(&st)) => {
            m.because();
            m.text("source is a ");
            m.text(crate::probe::fd::type_name(st.st_mode));
            m.text(" and target a ");
            m.text(crate::probe::fd::type_name(t.stat.map_or(0, |ts| ts.st_mode)));
            m.text(": a directory can be mounted only on a directory, and a file only on a file");
        }
        libc::EACCES if is_block(&st) => match mount_of(&st) {
            Some(mnt) if mnt.nodev => {
                m.because();
                m.text("the block device source is on ");
                fs::mount(m, &mnt);
                m.text(", which is mounted with nodev: device files there cannot be used");
            }
            _ => read_only_device(m, s, &st, flags),
        },
        libc::EROFS if is_block(&st) => read_only_device(m, s, &st, flags),
        libc::ENXIO if is_block(&st) => {
            m.because();
            let _ = core::fmt::write(m, format_args!("source is a block device with major number {} (minor {}), for which no driver is present", libc::major(st.st_rdev), libc::minor(st.st_rdev)));
        }
        _ => generic::meaning(m, errnum),
    }
}

fn read_only_device(m: &mut Message, s: &Found, st: &crate::sys::Stat, flags: u64) {
    m.because();
    if device_read_only(st.st_rdev) == Some(true) && flags & libc::MS_RDONLY == 0 {
        m.text("the block device source ");
        crate::message::prose::location::path(m, s.start, s.path.as_bytes());
        let _ = core::fmt::write(m, format_args!(" ({}:{}) is read-only, and MS_RDONLY was not given", libc::major(st.st_rdev), libc::minor(st.st_rdev)));
    } else {
        m.text("the block device source could not be opened for the mount (read-only media, or a security module refused it)");
    }
}

fn busy(m: &mut Message, t: &Found, source: &Text, fstype: Option<&FsType>, flags: u64) {
    if flags & libc::MS_REMOUNT != 0 && flags & libc::MS_RDONLY != 0 {
        m.because();
        m.text("files on the mount are still open for writing (or deleted but still open), so it cannot be made read-only");
        return;
    }
    let target_mount = t.stat.and_then(|st| mounted_on(&st));
    if fstype.is_some_and(|f| !f.nodev) {
        let dev = crate::probe::path::resolve(Start::Cwd, source, true).ok().and_then(|s| s.stat).filter(is_block);
        if let Some(mnt) = dev.and_then(|st| mount_of_device(st.st_rdev)) {
            let same = target_mount.as_ref().is_some_and(|tm| tm.point.as_bytes() == mnt.point.as_bytes());
            return mount::already_mounted(m, |m| { m.text("the block device source "); m.quoted(source.bytes()); }, &mnt, same);
        }
        if dev.is_some() {
            m.because();
            m.text("the block device source is in use: held open exclusively by another program (a file system, a RAID or LVM volume, or fsck)");
            return;
        }
    }
    match target_mount {
        Some(mnt) => {
            m.because();
            path::final_is(m, t, "already a mount point, of ");
            fs::mount(m, &mnt);
            m.text(", and the same file system is already mounted there");
        }
        None => generic::meaning(m, libc::EBUSY),
    }
}

fn invalid(m: &mut Message, t: &Found, fstype: Option<&FsType>, flags: u64, data: &Text) {
    let target_is_mount = t.stat.is_some_and(|st| mounted_on(&st).is_some());
    m.because();
    if flags & libc::MS_REMOUNT != 0 && !target_is_mount {
        path::final_is(m, t, "not a mount point, and MS_REMOUNT changes an existing mount");
    } else if flags & libc::MS_MOVE != 0 {
        m.text("MS_MOVE needs source to be a mount point, and target's mount not to be shared");
    } else if flags & PROPAGATION != 0 && !target_is_mount {
        path::final_is(m, t, "not a mount point, and propagation is changed on a mount");
    } else if let Some(f) = fstype.filter(|f| !f.nodev) {
        m.text("source does not hold a valid ");
        m.quoted(f.name());
        m.text(" file system (its superblock is not recognised), or data holds options that file system refuses; the kernel log (dmesg) says which");
    } else if data.is_ok() && data.len > 0 {
        m.text("the file system refused the options in data (");
        m.quoted_text(data);
        m.text("); the kernel log (dmesg) names the one it did not accept");
    } else {
        m.text("an argument has a value mount does not accept (see the kernel log, dmesg)");
    }
}

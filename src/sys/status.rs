//! A file's status with its inode attributes, in one system call.

use super::{raw, stat_at, CPath, Result, Stat};
use libc::c_int;

/// What `status_at` reports: the status, and the inode attributes (STATX_ATTR_*) with
/// the mask of those the file system reports at all.
#[derive(Clone, Copy)]
pub struct Status {
    pub stat: Stat,
    pub attributes: u64,
    pub attributes_mask: u64,
}

/// `statx(2)`: what `stat_at` gives plus the inode attributes, at the same cost, so the
/// path walk learns whether a component is immutable or append-only without asking
/// again. Without statx (before Linux 4.11, or refused with EPERM by a container's
/// seccomp profile written before it existed), the status alone.
pub fn status_at(dirfd: c_int, path: &CPath, follow: bool) -> Result<Status> {
    let mut x: libc::statx = unsafe { core::mem::zeroed() };
    let flags = libc::AT_STATX_SYNC_AS_STAT | if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    match raw!(libc::SYS_statx, dirfd, path.as_ptr(), flags, libc::STATX_BASIC_STATS, &mut x as *mut libc::statx) {
        Ok(_) => Ok(Status { stat: from_statx(&x), attributes: x.stx_attributes, attributes_mask: x.stx_attributes_mask }),
        Err(libc::ENOSYS | libc::EPERM) => Ok(Status { stat: stat_at(dirfd, path, follow)?, attributes: 0, attributes_mask: 0 }),
        Err(e) => Err(e),
    }
}

/// The id of the mount a file is on (statx STATX_MNT_ID, Linux 5.8): two paths on one
/// file system may still be on two mounts of it (bind mounts), which rename(2) and
/// link(2) cannot cross. None when the kernel does not say.
pub fn mount_id(dirfd: c_int, path: &CPath, follow: bool) -> Option<u64> {
    let mut x: libc::statx = unsafe { core::mem::zeroed() };
    let flags = libc::AT_STATX_SYNC_AS_STAT | if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    raw!(libc::SYS_statx, dirfd, path.as_ptr(), flags, libc::STATX_MNT_ID, &mut x as *mut libc::statx).ok()?;
    (x.stx_mask & libc::STATX_MNT_ID != 0).then_some(x.stx_mnt_id)
}

/// A statx as stat(2) would have filled it; device numbers in the kernel's encoding
/// for stat (new_encode_dev), so they compare equal with those of fstat.
fn from_statx(x: &libc::statx) -> Stat {
    let dev = |major: u32, minor: u32| (minor as u64 & 0xff) | ((major as u64) << 8) | ((minor as u64 & !0xff) << 12);
    let mut st: Stat = unsafe { core::mem::zeroed() };
    st.st_dev = dev(x.stx_dev_major, x.stx_dev_minor);
    st.st_ino = x.stx_ino;
    st.st_nlink = x.stx_nlink as _;
    st.st_mode = x.stx_mode as _;
    st.st_uid = x.stx_uid;
    st.st_gid = x.stx_gid;
    st.st_rdev = dev(x.stx_rdev_major, x.stx_rdev_minor);
    st.st_size = x.stx_size as _;
    st.st_blksize = x.stx_blksize as _;
    st.st_blocks = x.stx_blocks as _;
    st.st_atime = x.stx_atime.tv_sec;
    st.st_atime_nsec = x.stx_atime.tv_nsec as _;
    st.st_mtime = x.stx_mtime.tv_sec;
    st.st_mtime_nsec = x.stx_mtime.tv_nsec as _;
    st.st_ctime = x.stx_ctime.tv_sec;
    st.st_ctime_nsec = x.stx_ctime.tv_nsec as _;
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_at_gives_what_stat_gives() {
        for p in [&b"/"[..], b"/dev/null", b"/proc/self", b"/usr/include/stdio.h"] {
            let c = CPath::from_bytes(p).unwrap();
            for follow in [false, true] {
                let (a, b) = (stat_at(libc::AT_FDCWD, &c, follow).unwrap(), status_at(libc::AT_FDCWD, &c, follow).unwrap().stat);
                assert_eq!(
                    (a.st_dev, a.st_ino, a.st_mode, a.st_nlink, a.st_uid, a.st_gid, a.st_rdev, a.st_size, a.st_blocks),
                    (b.st_dev, b.st_ino, b.st_mode, b.st_nlink, b.st_uid, b.st_gid, b.st_rdev, b.st_size, b.st_blocks),
                    "{}", String::from_utf8_lossy(p)
                );
                assert_eq!((a.st_mtime, a.st_mtime_nsec, a.st_ctime, a.st_ctime_nsec), (b.st_mtime, b.st_mtime_nsec, b.st_ctime, b.st_ctime_nsec));
            }
        }
    }
}

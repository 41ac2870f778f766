//! The inode attributes that refuse changes whatever the permissions (chattr +i, +a).

use crate::sys::{self, CPath, Stat};

/// The attributes of ioctl_iflags(2) that matter to a refusal.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct InodeFlags {
    /// chattr +i: nothing may change, not even by root.
    pub immutable: bool,
    /// chattr +a: only appending; no removal, rename, mode, owner or explicit times.
    pub append_only: bool,
}

impl InodeFlags {
    /// The flags from a statx's attributes, when the file system reports both.
    pub fn reported(status: &sys::Status) -> Option<InodeFlags> {
        let wanted = (libc::STATX_ATTR_IMMUTABLE | libc::STATX_ATTR_APPEND) as u64;
        (status.attributes_mask & wanted == wanted).then(|| InodeFlags {
            immutable: status.attributes & libc::STATX_ATTR_IMMUTABLE as u64 != 0,
            append_only: status.attributes & libc::STATX_ATTR_APPEND as u64 != 0,
        })
    }
}

const FS_IMMUTABLE_FL: u32 = 0x10;
const FS_APPEND_FL: u32 = 0x20;

/// The attributes of the file at `path` from `dirfd` (`at_flags` as for statx:
/// AT_SYMLINK_NOFOLLOW, or AT_EMPTY_PATH for `dirfd` itself). statx reports them without
/// opening the file (no read permission needed, no lease broken); where the file system
/// does not, FS_IOC_GETFLAGS is asked, on regular files and directories only, since
/// opening a device or a FIFO may have side effects.
pub fn inode_flags(dirfd: i32, path: &CPath, at_flags: i32, st: &Stat) -> InodeFlags {
    let wanted = (libc::STATX_ATTR_IMMUTABLE | libc::STATX_ATTR_APPEND) as u64;
    if let Ok((attrs, mask)) = sys::statx_attributes(dirfd, path, at_flags) {
        if mask & wanted == wanted {
            return InodeFlags {
                immutable: attrs & libc::STATX_ATTR_IMMUTABLE as u64 != 0,
                append_only: attrs & libc::STATX_ATTR_APPEND as u64 != 0,
            };
        }
    }
    let kind = st.st_mode & libc::S_IFMT;
    if (kind != libc::S_IFREG && kind != libc::S_IFDIR) || at_flags & libc::AT_EMPTY_PATH != 0 {
        return InodeFlags::default();
    }
    let bits = sys::inode_flags(dirfd, path).unwrap_or(0);
    InodeFlags { immutable: bits & FS_IMMUTABLE_FL != 0, append_only: bits & FS_APPEND_FL != 0 }
}

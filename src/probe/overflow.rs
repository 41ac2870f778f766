//! EOVERFLOW from the stat and statfs families: which of a file's or a file system's
//! numbers do not fit the narrower structure of a program built without large file
//! support (`_FILE_OFFSET_BITS=64`), where sizes, inode numbers and block counts are 32
//! bits wide.

use crate::sys::Stat;

/// One number, and the largest value its 32-bit field can hold.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub value: u64,
    pub max: u64,
}

impl Field {
    pub fn overflows(&self) -> bool {
        self.value > self.max
    }
}

const I32: u64 = i32::MAX as u64;
const U32: u64 = u32::MAX as u64;

/// The fields of a 32-bit `struct stat`, with this file's values.
pub fn stat_fields(st: &Stat) -> [Field; 4] {
    [
        Field { name: "st_size", value: st.st_size as u64, max: I32 },
        Field { name: "st_ino", value: st.st_ino, max: U32 },
        Field { name: "st_blocks", value: st.st_blocks as u64, max: U32 },
        Field { name: "st_nlink", value: st.st_nlink, max: u16::MAX as u64 },
    ]
}

/// The fields of a 32-bit `struct statfs` / `struct statvfs`, with this file system's
/// values.
pub fn statfs_fields(s: &libc::statfs) -> [Field; 5] {
    [
        Field { name: "f_blocks", value: s.f_blocks, max: U32 },
        Field { name: "f_bfree", value: s.f_bfree, max: U32 },
        Field { name: "f_bavail", value: s.f_bavail, max: U32 },
        Field { name: "f_files", value: s.f_files, max: U32 },
        Field { name: "f_ffree", value: s.f_ffree, max: U32 },
    ]
}

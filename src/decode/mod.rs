//! How arguments are represented: strings copied safely from the caller, and the echo of
//! each argument kind the way strace prints it.

mod flags;
mod mode;
mod text;
mod value;

pub use flags::{access_mode_name, write_flags, write_open_flags};
pub use mode::write_mode;
pub use text::{Text, TextState};
pub use value::{
    write_acl_type, write_dir, write_dirfd, write_fd, write_mode_arg, write_mount_flags, write_open_flags_arg, write_pointer,
    write_signed, write_unsigned, Arg, Role, Value,
};

/// One row of a generated table: a constant's value, its name, and (for errno) its text.
#[derive(Debug)]
pub struct Entry {
    pub value: i64,
    pub name: &'static str,
    pub text: &'static str,
}

/// The open(2) flags after the access mode (generated from open_flags.in).
pub static OPEN_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/open_flags.rs"));

/// The mount(2) flags (generated from mount_flags.in).
pub static MOUNT_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/mount_flags.rs"));

/// The two types of ACL a file may have (acl_get_file(3)).
pub static ACL_TYPES: &[(&str, u32)] =
    &[("ACL_TYPE_ACCESS", crate::sys::acl::ACL_TYPE_ACCESS), ("ACL_TYPE_DEFAULT", crate::sys::acl::ACL_TYPE_DEFAULT)];

//! How arguments are represented: strings copied safely from the caller, and the echo of
//! each argument kind the way strace prints it.

mod fdio;
mod flags;
mod mode;
mod text;
mod value;

pub use fdio::{
    fcntl_takes_arg, is_lock_command, lock_type_name, name_of, write_bits, write_fcntl_arg, write_fcntl_cmd, write_flock,
    write_flock_op, write_iovec, write_lock, write_pipe_flags, write_whence, FCNTL_COMMANDS, FLOCK_OPS, PIPE_FLAGS, SEALS, WHENCE,
};
pub use flags::{access_mode_name, write_open_flags};
pub use mode::write_mode;
pub use text::{Text, TextState};
pub use value::{
    write_dirfd, write_fd, write_mode_arg, write_open_flags_arg, write_pointer, write_signed, write_unsigned, Arg, Role, Value,
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

//! How arguments are represented: strings copied safely from the caller, and the echo of
//! each argument kind the way strace prints it.

pub mod calendar;
mod decimal;
mod fdio;
mod flags;
mod ids;
mod mode;
mod node;
mod symbols;
mod text;
mod times;
mod value;

pub use decimal::decimal;
pub use fdio::{
    fcntl_takes_arg, is_lock_command, lock_type_name, name_of, write_bits, write_fcntl_arg, write_fcntl_cmd, write_flock,
    write_flock_op, write_iovec, write_lock, write_pipe_flags, write_whence, FCNTL_COMMANDS, FLOCK_OPS, PIPE_FLAGS, SEALS, WHENCE,
};
pub use flags::{access_mode_name, write_open_flags};
pub use ids::{write_gid, write_uid};
pub use mode::write_mode;
pub use symbols::{
    fs_magic, pathconf_name, unknown_bits, write_access_mode, write_at_flags, write_dev, write_flags, write_pathconf_name,
};
pub use node::{file_type_name, write_mknod_mode, write_mkostemp_flags};
pub use text::{Text, TextState};
pub use times::{write_timespec_pair, write_timeval_pair, write_times, write_utimbuf};
pub use value::{
    fd_name, write_acl, write_acl_type, write_dir, write_dirfd, write_dirfd_plain, write_fd, write_mode_arg, write_mount_flags, write_open_flags_arg, write_pointer,
    write_hex, write_signed, write_unsigned, Arg, Role, Value,
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

/// The AT_* flags of the *at calls (generated from at_flags.in).
pub static AT_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/at_flags.rs"));

/// The AT_* flags the stat family accepts (generated from stat_at_flags.in).
pub static STAT_AT_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/stat_at_flags.rs"));
/// access(2) mode bits (generated from access_mode.in).
pub static ACCESS_MODES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/access_mode.rs"));

/// pathconf(3) names (generated from pathconf_names.in).
pub static PATHCONF_NAMES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/pathconf_names.rs"));

/// statfs(2) f_type magic numbers with file system names (generated from fs_magic.in).
pub static FS_MAGIC: &[Entry] = include!(concat!(env!("OUT_DIR"), "/fs_magic.rs"));

/// The file types of a mode's S_IFMT field (generated from file_types.in).
pub static FILE_TYPES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/file_types.rs"));

/// The mount(2) flags (generated from mount_flags.in).
pub static MOUNT_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/mount_flags.rs"));

/// The two types of ACL a file may have (acl_get_file(3)).
pub static ACL_TYPES: &[(&str, u32)] =
    &[("ACL_TYPE_ACCESS", crate::sys::acl::ACL_TYPE_ACCESS), ("ACL_TYPE_DEFAULT", crate::sys::acl::ACL_TYPE_DEFAULT)];

// Memory, conversion and character-set arguments (issue 11): mmap, shm, strto*, iconv.
pub mod memory;
// printf and its family (issue 11): the variadic arguments, decoded by the format.
pub mod format;
// --- stdio (issue 11): the echo of a FILE * argument.
mod stream;
pub use stream::{write_char, write_stream};
// The rest of the stream calls.
pub use stream::{signal, write_setvbuf_mode, SETVBUF_MODES, SIGNALS};
// stream I/O and positions
pub use stream::{write_byte, write_fpos, write_stream_path};
// --- the environment and character sets (issue 11, environ): iconv's size_t pointers.
pub mod iconv;
// --- credentials, limits and host names: rlimit resources,
// rusage who, getgrouplist's int pointer, sethostname's sized name.
pub mod creds;
// --- terminals and ioctl: tc* actions, ioctl requests and data;
// getaddrinfo's hints and error codes, gethostbyname's h_errno.
pub mod term;
pub use term::{write_ioctl_data_alone, write_ioctl_request, write_tcflow_action, write_tcflush_selector, write_tcsetattr_options};
pub mod netdb;
pub use netdb::write_addrinfo_hints;

// Time, event descriptors and waiting for descriptors.
pub mod clock;
// --- sockets: families, types, protocols, options, addresses.
pub mod sock;
pub use sock::{
    write_accept4_flags, write_family, write_level, write_msg_flags, write_protocol, write_shutdown_how, write_socket_type,
    write_socklen_ptr, write_sockaddr, write_sockopt_name, write_sockopt_value,
};
// --- processes, signals and waiting: pids with their program,
// signals, wait options, ptrace requests, priorities, argv and envp arrays.
pub mod process;
pub use process::{
    write_argv, write_envp, write_exec_rest, write_pid, write_priority_which, write_wait_pid, write_ptrace_request, write_signal, write_wait_options,
};

//! Questions asked of the running system. Probes return facts; they write no prose.

pub mod attributes;
pub mod acl;
pub mod creds;
pub mod devices;
pub mod cwd;
pub mod dirent_ops;
pub mod dirstream;
pub mod fd;
pub mod files;
pub mod filesystems;
pub mod io;
pub mod iov;
pub mod limits;
pub mod charset_cache;
pub mod file_version;
pub mod listing_cache;
pub mod lines;
pub mod locks;
pub mod memory;
pub mod mounts;
pub mod ownership;
pub mod overflow;
pub mod names;
pub mod path;
pub mod seek;
// stdio (issue 11).
pub mod stream;
pub mod suggest;
pub mod times;
pub mod users;

// Memory, System V shared memory.
pub mod vm;
// popen and pclose: fork limits, child reaping, wait statuses.
pub mod children;

// The environment and character sets (issue 11, environ).
pub mod charsets;
pub mod environ;
pub mod iconv;
// printf's wide characters and strcoll's collation.
pub mod locale;
pub mod number;
// Credentials and host names: the process's ids, its user
// namespace's maps, the groups of a user; the host's names.
pub mod host;
pub mod identity;
// --- name resolution: /etc/hosts, services, resolv.conf.
pub mod netdb;
// terminals: EIO's cause, a termios's speeds.
pub mod term;

// Clocks, sleeping and waiting for descriptors.
pub mod clock;
pub mod zone;
// Sockets: /etc/services and /etc/protocols; who holds an address.
pub mod sockets;
pub mod msghdr;
// Processes, signals and waiting: other processes as /proc shows
// them; program files, the command search PATH and the argument area.
pub mod process;
pub mod program;
// Sockets' holders: the holders found last, confirmed on use.
pub mod holder_cache;
// Sockets in depth: the route to a destination.
pub mod routes;
pub mod inflight;
pub mod netlink;
// User and group names held while /etc/passwd and /etc/group are unchanged (kill EPERM's
// bench scenario named two users per call).
pub mod name_cache;

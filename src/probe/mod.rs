//! Questions asked of the running system. Probes return facts; they write no prose.

pub mod creds;
pub mod dirent_ops;
pub mod fd;
pub mod files;
pub mod io;
pub mod iov;
pub mod limits;
pub mod lines;
pub mod locks;
pub mod mounts;
pub mod path;
pub mod seek;
pub mod suggest;
pub mod users;

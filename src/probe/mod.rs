//! Questions asked of the running system. Probes return facts; they write no prose.

pub mod creds;
pub mod dirent_ops;
pub mod fd;
pub mod files;
pub mod io;
pub mod limits;
pub mod lines;
pub mod mounts;
pub mod names;
pub mod path;
pub mod suggest;
pub mod users;

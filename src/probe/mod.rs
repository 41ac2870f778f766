//! Questions asked of the running system. Probes return facts; they write no prose.

pub mod creds;
pub mod fd;
pub mod files;
pub mod limits;
pub mod lines;
pub mod memory;
pub mod mounts;
pub mod overflow;
pub mod path;
pub mod suggest;
pub mod users;

//! Questions asked of the running system. Probes return facts; they write no prose.

pub mod creds;
pub mod fd;
pub mod files;
pub mod limits;
pub mod listing_cache;
pub mod lines;
pub mod mounts;
pub mod path;
pub mod suggest;
pub mod users;

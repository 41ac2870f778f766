//! Files and directories.

include!(concat!(env!("OUT_DIR"), "/calls_fs.rs"));

//! getc(3): fgetc(3) as a macro; fails as read(2) does, and is explained as fgetc is.

pub use super::fgetc::explain;

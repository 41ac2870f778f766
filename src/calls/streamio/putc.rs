//! putc(3): fputc(3) as a macro; fails as write(2) does, and is explained as fputc is.

pub use super::fputc::explain;

//! putchar(3): putc on stdout (the `fp` libexplain echoes); explained as fputc is.

pub use super::fputc::explain;

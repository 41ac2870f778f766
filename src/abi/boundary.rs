//! The generated C functions of every call (see build.rs and src/calls/*/calls.in).
#![allow(clippy::missing_safety_doc)]
// The boundary performs every call libexplain covers, obsolete ones (tmpnam) included.
#![allow(deprecated)]

#[allow(unused_imports)]
use libc::{c_char, c_double, c_float, c_int, c_long, c_longlong, c_uint, c_ulong, c_ulonglong, c_void};

include!(concat!(env!("OUT_DIR"), "/boundary.rs"));


//! A symbol only this library exports, so a program (and our C tests) can tell it loaded
//! the Rust libexplain and not Debian's, which shares its soname.

use libc::c_char;

static VERSION: &str = concat!("libexplain-rs ", env!("CARGO_PKG_VERSION"), "\0");

/// Returns the name and version of this implementation ("libexplain-rs 1.4.0"), a
/// static string. Debian's libexplain has no such function.
#[no_mangle]
pub extern "C" fn explain_rs_version() -> *const c_char {
    VERSION.as_ptr() as *const c_char
}

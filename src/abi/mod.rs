//! The C boundary: buffers, the panic guard, errno, and printing for _or_die/_on_error.
//! Knows nothing of any particular call; the per-call functions are generated (build.rs)
//! into `boundary`, and each is: guard, convert, explain, render.

pub mod boundary;
pub mod context;
pub mod exit_status;
pub mod journal;
pub mod output;
pub mod outputs;
pub mod program_name;
// The extra functions of pclose.h and filename.h.
pub mod streams;
// The extra functions of system.h.
pub mod programs;
pub mod syslog;
pub mod version;

use crate::message::Message;
use core::cell::UnsafeCell;
use libc::{c_char, c_int};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Size of the shared buffer and of the stack buffer used when printing.
pub const MESSAGE_SIZE: usize = 4096;

pub fn errno() -> i32 {
    // SAFETY: __errno_location always returns the calling thread's errno.
    unsafe { *libc::__errno_location() }
}

pub fn set_errno(e: i32) {
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = e }
}

/// Runs `explain` on `buf`; a panic inside is caught and replaced by the plain message
/// `name(...) failed, text (n, ENAME)`. errno is restored whatever happens.
/// `explain` is a trait object, not a generic: with some 500 generated entry points,
/// one copy of this function (and of the unwinding machinery) instead of one per call
/// keeps the library smaller than Debian's.
fn guarded(name: &str, errnum: i32, buf: &mut [u8], explain: &mut dyn FnMut(&mut Message)) -> usize {
    let saved = errno();
    let ok = catch_unwind(AssertUnwindSafe(|| {
        let _scope = crate::sys::Explaining::begin();
        let mut m = Message::new(&mut *buf);
        explain(&mut m);
        m.finish()
    }));
    let len = match ok {
        Ok(len) => len,
        Err(_) => {
            let mut m = Message::new(buf);
            m.text(name);
            m.text("(...) failed, ");
            m.error(errnum);
            m.finish()
        }
    };
    set_errno(saved);
    len
}

struct Shared(UnsafeCell<[u8; MESSAGE_SIZE]>);
// SAFETY: documented as not thread-safe in every header that returns it; the
// thread-safe variants never touch it.
unsafe impl Sync for Shared {}
static SHARED: Shared = Shared(UnsafeCell::new([0; MESSAGE_SIZE]));

/// Explains into the one shared buffer and returns it (explain_NAME, explain_errno_NAME).
pub fn into_shared_buffer(name: &str, errnum: i32, explain: &mut dyn FnMut(&mut Message)) -> *const c_char {
    // SAFETY: see `Shared`: callers of the shared-buffer functions accept the race.
    let buf = unsafe { &mut *SHARED.0.get() };
    guarded(name, errnum, buf, explain);
    buf.as_ptr() as *const c_char
}

/// Explains into the caller's buffer (explain_message_NAME…). A NULL buffer or a
/// size of 0 or less writes nothing.
///
/// # Safety
/// `message` must be NULL or point to `message_size` writable bytes.
pub unsafe fn into_caller_buffer(
    name: &str,
    message: *mut c_char,
    message_size: c_int,
    errnum: i32,
    explain: &mut dyn FnMut(&mut Message),
) {
    if message.is_null() || message_size <= 0 {
        return;
    }
    // SAFETY: the caller promises message_size writable bytes at message.
    let buf = unsafe { core::slice::from_raw_parts_mut(message as *mut u8, message_size as usize) };
    guarded(name, errnum, buf, explain);
}

/// Prints the explanation through the registered output (explain_NAME_on_error) and
/// leaves errno as the failed call set it.
pub fn print(name: &'static str, errnum: i32, explain: &mut dyn FnMut(&mut Message)) {
    let mut buf = [0u8; MESSAGE_SIZE];
    let len = guarded(name, errnum, &mut buf, explain);
    journal::printing(journal::Printing { call: name, errnum, warning: false }, || output::report(&buf[..len], false));
    set_errno(errnum);
}

/// Prints the explanation and exits with EXIT_FAILURE (explain_NAME_or_die).
pub fn print_and_exit(name: &'static str, errnum: i32, explain: &mut dyn FnMut(&mut Message)) -> ! {
    print(name, errnum, explain);
    output::exit(libc::EXIT_FAILURE)
}

/// Where the generated C functions of the printf family (build/variadic.rs) send an
/// explanation, by the `how` of src/abi/format_cursor.h: the shared buffer (returned),
/// the caller's buffer, printed, or printed before exiting. Returns NULL but for the
/// shared buffer.
///
/// # Safety
/// For `how` 1, `message` must be NULL or point to `message_size` writable bytes.
pub unsafe fn deliver(
    how: c_int,
    name: &'static str,
    message: *mut c_char,
    message_size: c_int,
    errnum: i32,
    explain: &mut dyn FnMut(&mut Message),
) -> *const c_char {
    match how {
        0 => return into_shared_buffer(name, errnum, explain),
        // SAFETY: passed on from the caller.
        1 => unsafe { into_caller_buffer(name, message, message_size, errnum, explain) },
        2 => print(name, errnum, explain),
        _ => print_and_exit(name, errnum, explain),
    }
    core::ptr::null()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_an_explanation_gives_the_plain_message_and_keeps_errno() {
        set_errno(libc::EINTR);
        let mut buf = [0u8; 256];
        let len = guarded("open", libc::ENOENT, &mut buf, &mut |m| {
            m.text("partial text that must not survive");
            panic!("a bug in a probe");
        });
        let text = core::str::from_utf8(&buf[..len]).unwrap();
        assert!(text.starts_with("open(...) failed, "), "{text}");
        assert!(text.ends_with("(2, ENOENT)"), "{text}");
        assert!(!text.contains("partial"), "{text}");
        assert_eq!(errno(), libc::EINTR);
    }
}

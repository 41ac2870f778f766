//! libexplain's exit.h: the exit status of the program printed through the output when it
//! ends (by exit(3) or by returning from main), always or only when it is not
//! EXIT_SUCCESS. The last of the three calls decides; the handler is registered once and
//! prints at most once.

use core::sync::atomic::{AtomicU8, Ordering::Relaxed};
use libc::{c_int, c_void};
use std::sync::Once;

const NEVER: u8 = 0;
const ALWAYS: u8 = 1;
const ON_FAILURE: u8 = 2;

static WHEN: AtomicU8 = AtomicU8::new(NEVER);
static REGISTERED: Once = Once::new();

extern "C" {
    /// glibc's on_exit(3): unlike atexit, the handler is given the exit status.
    fn on_exit(handler: extern "C" fn(c_int, *mut c_void), arg: *mut c_void) -> c_int;
}

extern "C" fn at_exit(status: c_int, _arg: *mut c_void) {
    let when = WHEN.swap(NEVER, Relaxed);
    if when == ALWAYS || when == ON_FAILURE && status != libc::EXIT_SUCCESS {
        let mut buf = [0u8; 64];
        let mut m = crate::message::Message::new(&mut buf);
        m.text("exit status ");
        match status {
            libc::EXIT_SUCCESS => m.text("EXIT_SUCCESS"),
            libc::EXIT_FAILURE => m.text("EXIT_FAILURE"),
            // As libexplain prints it: any other status is a failure, with its value.
            n => {
                let _ = core::fmt::write(&mut m, format_args!("EXIT_FAILURE ({})", n & 0xff));
            }
        }
        let n = m.finish();
        let _ = std::panic::catch_unwind(|| super::output::report(&buf[..n], false));
    }
}

fn print_on_exit(when: u8) {
    WHEN.store(when, Relaxed);
    REGISTERED.call_once(|| {
        // SAFETY: at_exit is a plain function that stays valid for the process's life.
        unsafe { on_exit(at_exit, core::ptr::null_mut()) };
    });
}

/// Prints the program's exit status through the output when it exits.
#[no_mangle]
pub extern "C" fn explain_exit_on_exit() {
    print_on_exit(ALWAYS);
}

/// Prints the program's exit status through the output when it exits with a status
/// other than EXIT_SUCCESS.
#[no_mangle]
pub extern "C" fn explain_exit_on_error() {
    print_on_exit(ON_FAILURE);
}

/// Prints nothing when the program exits (the default), undoing the other two.
#[no_mangle]
pub extern "C" fn explain_exit_cancel() {
    WHEN.store(NEVER, Relaxed);
}

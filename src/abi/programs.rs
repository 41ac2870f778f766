//! libexplain's public functions of system(3) beyond the six generated per call:
//! system.h's explain_system_success and explain_system_success_or_die.

use libc::{c_char, c_int};

/// system's echo, and for a failure its explanation, as explain_system writes them.
fn system_message(m: &mut crate::message::Message, errnum: i32, command: &crate::decode::Text) {
    use crate::decode::{Arg, Value};
    m.call("system", &[Arg { name: "command", value: Value::Text(command) }], errnum);
    if errnum != 0 {
        crate::calls::proc::system::explain(m, errnum, command);
    }
}

/// Calls system(3) and, when it fails or the command did not exit with status 0, prints
/// why through the registered output (by default stderr with the program name): the
/// errno explained, or the command's exit status, or the signal that killed it (by name,
/// and whether it dumped core), as a shell user reads `$?`. Returns system's result
/// (the command's wait status, or -1); `errno` is left as system left it.
///
/// # Safety
/// `command` is a C string or NULL, as for system(3).
#[no_mangle]
pub unsafe extern "C" fn explain_system_success(command: *const c_char) -> c_int {
    // SAFETY: the caller's string, passed on as C would.
    let status = unsafe { libc::system(command) };
    let errnum = super::errno();
    let text = crate::decode::Text::copy(command as usize);
    if status < 0 {
        super::print("system", errnum, &mut |m| system_message(m, errnum, &text));
    } else if status != 0 && !command.is_null() {
        super::print("system", 0, &mut |m| {
            system_message(m, 0, &text);
            crate::calls::proc::system::ended(m, status);
        });
        super::set_errno(errnum);
    }
    status
}

/// Calls system(3); when it fails or the command did not exit with status 0, prints why
/// (as explain_system_success) and exits with `EXIT_FAILURE`.
///
/// # Safety
/// `command` is a C string or NULL, as for system(3).
#[no_mangle]
pub unsafe extern "C" fn explain_system_success_or_die(command: *const c_char) {
    // SAFETY: as above.
    let status = unsafe { explain_system_success(command) };
    if status != 0 && !command.is_null() {
        super::output::exit(libc::EXIT_FAILURE);
    }
}

//! putenv(3): ERRORS ENOMEM (the environment's table could not grow: the limit that
//! refused it, and the environment's size). EINVAL, which glibc's putenv does not
//! return but other C libraries do, for a string with an empty name or no '=' at all.

use crate::decode::Text;
use crate::message::prose::{environ, generic, memory};
use crate::message::Message;
use crate::probe::environ::{self as env, NameFault};
use crate::probe::vm;

pub fn explain(m: &mut Message, errnum: i32, string: &Text) {
    match errnum {
        libc::EINVAL => match (string.is_ok(), string.bytes().iter().position(|&c| c == b'=')) {
            (false, _) => environ::bad_name(m, "string", env::name_fault(string).unwrap_or(NameFault::Null), string, None),
            (true, _) if string.len == 0 => environ::bad_name(m, "string", NameFault::Empty, string, None),
            (true, Some(0)) => environ::putenv_empty_name(m),
            (true, Some(_)) => generic::meaning(m, errnum),
            (true, None) => environ::putenv_without_equals(m, string, env::is_set(string.bytes())),
        },
        libc::ENOMEM => {
            // putenv keeps the caller's string: only the table of pointers grows.
            let table = (env::size().variables as u64 + 2) * core::mem::size_of::<usize>() as u64;
            out_of_memory(m, "(variables + 2) * sizeof(char *)", table);
        }
        _ => generic::meaning(m, errnum),
    }
}

/// ENOMEM for `request` bytes of the environment, shared by setenv and putenv: the
/// limit that refused them, then the environment's present size.
pub fn out_of_memory(m: &mut Message, arg: &str, request: u64) {
    let mem = vm::memory();
    memory::out_of_memory(m, arg, request, &mem, vm::culprit(&mem, request));
    environ::size(m, &env::size());
}

//! The environment (setenv, unsetenv, putenv): names that cannot be variable names,
//! a putenv string that is not `NAME=value`, and the environment's size for ENOMEM.
//! Written without the heap.

use crate::decode::Text;
use crate::message::prose::fd;
use crate::message::Message;
use crate::probe::environ::{NameFault, Size};
use core::fmt::Write as _;

/// EINVAL: why `name` cannot name a variable. `value` is setenv's, when the call has one.
pub fn bad_name(m: &mut Message, arg: &str, fault: NameFault, name: &Text, value: Option<&Text>) {
    match fault {
        NameFault::Null => {
            m.because();
            let _ = write!(m, "{arg} is the NULL pointer; a variable needs a name");
        }
        NameFault::Unreadable => fd::bad_pointer(m, arg, name.addr, 1),
        NameFault::Empty => {
            m.because();
            let _ = write!(m, "{arg} is the empty string; a variable's name needs at least one character");
        }
        NameFault::Equals { at } => {
            m.because();
            let _ = write!(m, "{arg} contains an equals sign ('=') at byte {at} (counting from 0), and the environment keeps each variable as NAME=value, so a name cannot contain one");
            if at == 0 {
                return;
            }
            // `A=B` given as a name: the user meant the variable before the '='.
            let bytes = name.bytes();
            m.text("; to set ");
            m.quoted(&bytes[..at]);
            m.text(" to ");
            match value {
                Some(v) if v.is_ok() => {
                    m.quoted_text(v);
                    m.text(", pass ");
                    m.quoted(&bytes[..at]);
                    m.text(" alone as the name");
                }
                _ => {
                    m.quoted(&bytes[at + 1..]);
                    m.text(", call setenv(");
                    m.quoted(&bytes[..at]);
                    m.text(", ");
                    m.quoted(&bytes[at + 1..]);
                    m.text(", 1) or putenv(");
                    m.quoted(bytes);
                    m.text(")");
                }
            }
        }
    }
}

/// putenv(3) was given a string without '=': glibc takes it as a name to remove.
/// `set` says whether a variable of that name exists now.
pub fn putenv_without_equals(m: &mut Message, string: &Text, set: bool) {
    m.because();
    m.text("string ");
    m.quoted_text(string);
    m.text(" contains no equals sign ('='): putenv takes NAME=value, and given a name alone it removes that variable instead (as unsetenv does)");
    m.text(if set { "; a variable of that name is set at present" } else { "; no variable of that name is set at present" });
}

/// putenv(3) was given `=value`: the name before the '=' is empty.
pub fn putenv_empty_name(m: &mut Message) {
    m.because();
    m.text("string starts with an equals sign ('='), so the variable it would set has an empty name");
}

/// `; the environment holds 38 variables in 2917 bytes of strings, plus a table of
/// 39 pointers (312 bytes)`.
pub fn size(m: &mut Message, s: &Size) {
    let table = (s.variables + 1) * core::mem::size_of::<usize>();
    let _ = write!(
        m,
        "; the environment holds {} variable{} in {} bytes of NAME=value strings, plus a table of {} pointers ({table} bytes)",
        s.variables,
        if s.variables == 1 { "" } else { "s" },
        s.bytes,
        s.variables + 1
    );
}

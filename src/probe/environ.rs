//! The process's environment: what is wrong with a variable's name, and how large the
//! environment is. Read in place through the safe-copy probes (another thread may be
//! changing it), without the heap: ENOMEM is explained here.

use crate::decode::Text;
use crate::sys;

/// Why a name cannot be given to setenv(3) or unsetenv(3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameFault {
    Null,
    Unreadable,
    Empty,
    /// The first '=' is at this byte offset.
    Equals { at: usize },
}

/// What is wrong with `name` as a variable name, if anything.
pub fn name_fault(name: &Text) -> Option<NameFault> {
    match name.state {
        crate::decode::TextState::Null => Some(NameFault::Null),
        crate::decode::TextState::Unreadable => Some(NameFault::Unreadable),
        _ if name.len == 0 => Some(NameFault::Empty),
        _ => name.bytes().iter().position(|&c| c == b'=').map(|at| NameFault::Equals { at }),
    }
}

/// The environment as it is now: its variables and the bytes of their strings
/// (NUL included), not counting the table of pointers (`variables + 1` of them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Size {
    pub variables: usize,
    pub bytes: usize,
}

/// More variables than any real environment holds: the walk stops there.
const MAX_VARIABLES: usize = 1 << 20;

/// Counts the environment's variables and bytes.
pub fn size() -> Size {
    let mut s = Size::default();
    each_entry(|p| {
        s.variables += 1;
        s.bytes += sys::read_c_string(p, 1 << 20, |_| {}).unwrap_or(0) + 1;
        true
    });
    s
}

/// Whether a variable named `name` is set now.
pub fn is_set(name: &[u8]) -> bool {
    let mut want = [0u8; 256];
    if name.is_empty() || name.len() >= want.len() {
        return false;
    }
    want[..name.len()].copy_from_slice(name);
    want[name.len()] = b'=';
    let want = &want[..=name.len()];
    let mut found = false;
    each_entry(|p| {
        let mut head = [0u8; 256];
        // A shorter string is cut by its NUL (or an unreadable page): no match.
        found = sys::read_memory(p, &mut head[..want.len()]) == want.len() && &head[..want.len()] == want;
        !found
    });
    found
}

/// Calls `f` with the address of each `NAME=value` string of the environment until it
/// returns false.
fn each_entry(mut f: impl FnMut(usize) -> bool) {
    let table = sys::environ_table();
    if table == 0 {
        return;
    }
    for i in 0..MAX_VARIABLES {
        match sys::read_word(table + i * core::mem::size_of::<usize>()) {
            Some(p) if p != 0 => {
                if !f(p) {
                    return;
                }
            }
            _ => return,
        }
    }
}

/// The whole length of a string argument: a Text measures at most about 1 MiB, but a
/// value larger than that is the very thing ENOMEM is about. Walked page by page.
pub fn full_length(t: &Text) -> usize {
    if !t.is_ok() || t.len < 1 << 20 {
        return t.len;
    }
    sys::read_c_string(t.addr, usize::MAX, |_| {}).unwrap_or(t.len)
}

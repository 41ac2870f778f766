//! getrlimit(2)'s resource and getrusage(2)'s who: a value the
//! kernel does not know, with the ones it does.

use crate::decode::Entry;
use crate::message::Message;

fn known(m: &mut Message, table: &[Entry]) {
    for (i, e) in table.iter().enumerate() {
        m.text(if i == 0 { "" } else if i + 1 == table.len() { " or " } else { ", " });
        m.text(e.name);
        let _ = core::fmt::write(m, format_args!(" ({})", e.value));
    }
}

/// EINVAL: `arg` is not one of `table`'s values; when it is, the value was another then.
pub fn unknown_value(m: &mut Message, arg: &str, value: i64, table: &[Entry], what: &str) {
    m.because();
    match table.iter().find(|e| e.value == value) {
        Some(e) => {
            let _ = core::fmt::write(m, format_args!("{arg} {} ({value}) is one the kernel knows, {}, so the call was given another value", e.name, e.text));
        }
        None => {
            let _ = core::fmt::write(m, format_args!("{arg} is {value}, which is not {what} this kernel knows: it takes "));
            known(m, table);
        }
    }
}

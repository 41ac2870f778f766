//! The per-thread context stack: labels a program pushes on its way down ("reload
//! configuration", "load map /etc/app/map.conf") and pops on its way back, shown,
//! outermost first, before every message printed through the output and given to the
//! journal as a field of its own. The discipline is Plan 9's waserror/poperror: every
//! push has its pop on every path out of the code it labels, the error paths included.
//!
//! Labels are copied (the caller's string may be a stack buffer) into a fixed stack of
//! the thread's own: no heap, no lock. A push beyond `DEPTH` is counted, not stored, so
//! that its pop still matches; a label longer than `LABEL_MAX` bytes is cut.

use crate::message::{quote, Message};
use core::cell::RefCell;
use libc::c_char;

/// The deepest context kept; pushes past it are counted only.
pub const DEPTH: usize = 8;
/// The longest label kept, in bytes.
pub const LABEL_MAX: usize = 120;

struct Stack {
    labels: [[u8; LABEL_MAX]; DEPTH],
    lens: [u8; DEPTH],
    /// Pushes not yet popped, those beyond DEPTH included.
    depth: usize,
}

thread_local! {
    static STACK: RefCell<Stack> = const {
        RefCell::new(Stack { labels: [[0; LABEL_MAX]; DEPTH], lens: [0; DEPTH], depth: 0 })
    };
}

fn push(label: &[u8]) {
    let _ = STACK.try_with(|s| {
        let mut s = s.borrow_mut();
        let d = s.depth;
        if d < DEPTH {
            let n = cut_between_characters(label, LABEL_MAX);
            s.labels[d][..n].copy_from_slice(&label[..n]);
            s.lens[d] = n as u8;
        }
        s.depth = d.saturating_add(1);
    });
}

fn cut_between_characters(b: &[u8], max: usize) -> usize {
    if b.len() <= max {
        return b.len();
    }
    let mut n = max;
    while n > 0 && b[n] & 0xC0 == 0x80 {
        n -= 1;
    }
    n
}

/// Whether the calling thread has a context to show.
pub fn is_set() -> bool {
    STACK.try_with(|s| s.borrow().depth > 0).unwrap_or(false)
}

/// Writes the labels, outermost first, each followed by `separator`, C-escaped so that a
/// label cannot forge a line of its own; "(N more)" for pushes beyond the bound.
pub fn write(m: &mut Message, separator: &str) {
    let _ = STACK.try_with(|s| {
        let s = s.borrow();
        for i in 0..s.depth.min(DEPTH) {
            quote::escape(m, &s.labels[i][..s.lens[i] as usize]);
            m.text(separator);
        }
        if s.depth > DEPTH {
            let _ = core::fmt::write(m, format_args!("({} more){separator}", s.depth - DEPTH));
        }
    });
}

/// Pushes a copy of `label` on the calling thread's context stack; it is shown before
/// every message printed through the output until the matching
/// `explain_context_pop`. A NULL label pushes an empty one, so the pops still match.
#[no_mangle]
pub unsafe extern "C" fn explain_context_push(label: *const c_char) {
    let t = crate::decode::Text::copy(label as usize);
    push(t.bytes());
}

/// Pops the innermost label pushed by `explain_context_push` or `explain_context_pushf`
/// on the calling thread; popping an empty stack does nothing.
#[no_mangle]
pub extern "C" fn explain_context_pop() {
    let _ = STACK.try_with(|s| {
        let mut s = s.borrow_mut();
        s.depth = s.depth.saturating_sub(1);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown() -> String {
        crate::message::written(|m| write(m, ": "))
    }

    #[test]
    fn labels_show_outermost_first_and_pops_match_pushes_beyond_the_bound() {
        push(b"reload configuration");
        push(b"load map \"/etc/app/map.conf\"\n");
        assert_eq!(shown(), "reload configuration: load map \\\"/etc/app/map.conf\\\"\\n: ");
        for _ in 0..DEPTH + 3 {
            push(b"deep");
        }
        assert!(shown().ends_with("deep: (5 more): "), "{}", shown());
        for _ in 0..DEPTH + 3 {
            explain_context_pop();
        }
        assert_eq!(shown(), "reload configuration: load map \\\"/etc/app/map.conf\\\"\\n: ");
        explain_context_pop();
        explain_context_pop();
        explain_context_pop();
        assert!(!is_set());
        push(&[b'x'; 500]);
        assert_eq!(shown().len(), LABEL_MAX + 2);
        explain_context_pop();
    }
}

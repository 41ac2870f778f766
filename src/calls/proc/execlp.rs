//! execlp(3): execvp(3) with the arguments listed in the call; its errors are execvp's.
//! `rest` is the NULL-ended array of the strings after `arg` (gathered by the C side).

use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, arg: &Text, rest: usize) {
    // The argument list execvp was given starts with arg: `rest` is its second element.
    let argv = if arg.addr == 0 { 0 } else { rest.saturating_sub(core::mem::size_of::<usize>()) };
    super::execvp::explain(m, errnum, pathname, argv);
}

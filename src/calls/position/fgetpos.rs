//! fgetpos(3): stores the stream's position in `pos`; the ERRORS of ftell(3)
//! (explained by ftell::tell), and EFAULT or EINVAL for a `pos` the call cannot write.

use crate::message::prose::fd;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, pos: usize) {
    const SIZE: usize = core::mem::size_of::<libc::fpos_t>();
    match errnum {
        libc::EFAULT | libc::EINVAL if pos == 0 => fd::bad_pointer(m, "pos", 0, SIZE),
        libc::EFAULT | libc::EINVAL if fd::bad_output_buffer(m, "pos", pos, SIZE) => {}
        _ => super::ftell::tell(m, errnum, fp, "fpos_t", libc::off_t::MAX),
    }
}

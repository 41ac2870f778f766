//! fprintf(3): ERRORS — it fails as write(2) does, through the stream (diagnosed by
//! streamio's `transfer`: a NULL or closed stream, one opened for reading, a full file
//! system, EFBIG, EPIPE), and with EOVERFLOW (more than INT_MAX bytes of output), EILSEQ
//! (a wide character the locale cannot write), EINVAL (a NULL format) and ENOMEM.
//! `output` is the diagnosis of the whole family; the others call it.

use crate::calls::streamio::fread::transfer_as;
use crate::decode::format::Items;
use crate::decode::{Text, TextState};
use crate::message::prose::{fd, format, generic};
use crate::message::Message;
use crate::probe::locale;

/// Where a printf-style call writes.
pub enum Target {
    /// A stream, and how the message names it and its descriptor (`fp`, `fp's
    /// descriptor`; printf's `stdout`).
    Stream(usize, (&'static str, &'static str)),
    /// sprintf's and snprintf's buffer (`size` None: sprintf's, of unknown size).
    Buffer { data: usize, size: Option<usize> },
    /// asprintf's: a buffer it allocates, its address stored at `data`.
    Allocated { data: usize },
}

pub fn explain(m: &mut Message, errnum: i32, fp: usize, format: &Text, args: &Items) {
    output(m, errnum, Target::Stream(fp, ("fp", "fp's descriptor")), format, args);
}

pub fn output(m: &mut Message, errnum: i32, target: Target, fmt: &Text, args: &Items) {
    if fmt.state != TextState::Ok && matches!(errnum, libc::EINVAL | libc::EFAULT) {
        return fd::bad_pointer(m, "format", fmt.addr, 1);
    }
    match (errnum, &target) {
        (libc::EOVERFLOW, _) => format::too_long(m, args.length, args.widest.as_ref()),
        (libc::EILSEQ, _) => {
            let l = locale::of(libc::LC_CTYPE);
            match locale::unconvertible(args) {
                Some(u) => format::unconvertible(m, &u, &l),
                None => format::no_culprit_seen(m, has_wide_conversion(fmt.bytes()), &l),
            }
        }
        (libc::ENOMEM, Target::Allocated { .. }) => {
            crate::calls::mem::malloc::out_of_memory(m, "*data", args.length.saturating_add(1));
            if !args.seen {
                format::format_only(m);
            }
        }
        (_, Target::Allocated { data: 0 }) | (_, Target::Buffer { data: 0, size: None }) => fd::bad_pointer(m, "data", 0, 1),
        (libc::EFAULT, Target::Buffer { data, size }) => {
            let len = size.unwrap_or(args.length.saturating_add(1) as usize);
            if !fd::bad_output_buffer(m, "data", *data, len) {
                generic::meaning(m, errnum);
            }
        }
        (_, Target::Stream(fp, names)) => transfer_as(m, errnum, *names, *fp, true, 0, args.length as usize),
        _ => generic::meaning(m, errnum),
    }
}

/// Whether a format has a conversion of wide characters: %lc, %ls, %C, %S.
fn has_wide_conversion(f: &[u8]) -> bool {
    f.windows(2).any(|w| w[0] == b'%' && matches!(w[1], b'C' | b'S')) || f.windows(2).any(|w| w == b"lc" || w == b"ls")
}

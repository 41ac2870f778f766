//! acl_from_text(3): ERRORS EINVAL (the text is not an ACL: the entry refused is shown),
//! ENOMEM.

use crate::decode::{Text, TextState};
use crate::message::prose::{acl, generic};
use crate::message::Message;
use crate::probe::acl::text_fault;

pub fn explain(m: &mut Message, errnum: i32, text: &Text) {
    match (errnum, text.state) {
        (_, TextState::Null) => {
            m.because();
            m.text("text is the NULL pointer, where the text form of an ACL was expected");
        }
        (_, TextState::Unreadable) => {
            m.because();
            m.text("text does not point to readable memory in the process's address space");
        }
        (libc::EINVAL, TextState::Ok) => match text_fault(text.bytes()) {
            Some(bad) => acl::text_fault(m, text.bytes(), &bad),
            None => generic::meaning(m, errnum),
        },
        _ => generic::meaning(m, errnum),
    }
}

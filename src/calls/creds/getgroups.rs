//! getgroups(2): ERRORS EFAULT, EINVAL (ENOMEM, EPERM are setgroups'). EINVAL names how
//! many supplementary groups the process has against data_size.

use crate::message::prose::{credentials, fd, generic};
use crate::message::Message;
use crate::probe::identity;

pub fn explain(m: &mut Message, errnum: i32, data_size: i32, data: usize) {
    let mut list = [0u32; 0];
    let have = identity::supplementary_groups(&mut list);
    match errnum {
        libc::EINVAL => credentials::groups_dont_fit(m, data_size, have, identity::ngroups_max()),
        libc::EFAULT if data_size > 0 && fd::bad_output_buffer(m, "data", data, data_size as usize * 4) => {}
        _ => generic::meaning(m, errnum),
    }
}

//! getdomainname(2): ERRORS EFAULT, EINVAL (the name and its NUL do not fit in
//! data_size), as gethostname's.

use crate::message::Message;
use crate::probe::host::Which;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize) {
    super::gethostname::explain_for(m, errnum, Which::Domain, data, data_size);
}

//! setdomainname(2): ERRORS EFAULT, EINVAL, EPERM, as sethostname's.

use crate::message::Message;
use crate::probe::host::Which;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize) {
    super::sethostname::explain_for(m, errnum, Which::Domain, ("data", data), ("data_size", data_size));
}

//! ioctl(2): EBADF, EFAULT (data, with the size the request reads or fills), EINVAL
//! (the request or its argument refused by the driver), ENOTTY (the request does not
//! apply to that kind of file: which kind it is for, which the descriptor is, and the
//! driver of a device, from /proc/devices).

use crate::decode::term::{ioctl_class, ioctl_data, ioctl_data_size, ioctl_request, write_ioctl_request_on, IoctlData};
use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, request: i32, data: usize) {
    let request = request as i64;
    let name = |m: &mut Message| write_ioctl_request_on(m, request, fildes as i64);
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::EFAULT if matches!(ioctl_data(request), IoctlData::Pointer(_) | IoctlData::Pair | IoctlData::Unknown) => {
            fd::bad_pointer(m, "data", data, ioctl_data_size(request))
        }
        libc::ENOTTY => term::request_does_not_apply(m, &name, ioctl_class(request), ioctl_request(request).is_none(), fildes, probe::fd::kind(fildes)),
        libc::EINVAL => term::request_refused(m, &name, fildes, probe::fd::kind(fildes)),
        _ => generic::meaning(m, errnum),
    }
}

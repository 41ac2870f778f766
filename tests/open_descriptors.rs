//! The count of open descriptors read from /proc agrees with asking each descriptor
//! (F_GETFD), the way it is counted when no descriptor is free. One test in this file:
//! no other thread opens or closes descriptors meanwhile.
use explain::probe::limits::open_descriptors;

fn counted_with_fcntl(cap: i32) -> u64 {
    (0..cap).filter(|&fd| unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0).count() as u64
}

#[test]
fn open_descriptors_counts_what_fcntl_sees() {
    let files: Vec<_> = (0..10).map(|_| std::fs::File::open("/dev/null").unwrap()).collect();
    assert_eq!(open_descriptors(4096), counted_with_fcntl(4096));
    // Below a limit that excludes some of them.
    use std::os::fd::AsRawFd;
    let cut = files[5].as_raw_fd() as u64;
    assert_eq!(open_descriptors(cut), counted_with_fcntl(cut as i32));
    drop(files);
    assert_eq!(open_descriptors(4096), counted_with_fcntl(4096));
}

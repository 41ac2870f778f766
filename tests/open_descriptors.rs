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

    // Out of descriptors for real: the soft limit lowered and every descriptor taken.
    let mut saved = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut saved) };
    let low = libc::rlimit { rlim_cur: 48, rlim_max: saved.rlim_max };
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &low) }, 0);
    let mut taken = Vec::new();
    while let Ok(f) = std::fs::File::open("/dev/null") {
        taken.push(f);
    }
    let (counted, asked) = (open_descriptors(48), counted_with_fcntl(48));
    // A limit above the current soft one cannot be answered from EMFILE alone.
    let (counted_above, asked_above) = (open_descriptors(100), counted_with_fcntl(100));
    drop(taken);
    unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &saved) };
    assert_eq!((counted, asked), (48, 48));
    assert_eq!(counted_above, asked_above);
}

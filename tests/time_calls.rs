//! The time family (issue 12) explained on real failing states: settimeofday, stime,
//! adjtimex and an alarm timer refused to user 65534 (CAP_SYS_TIME, CAP_WAKE_ALARM and
//! who the caller is), nanosleep with tv_nsec = 2e9 and one interrupted by a real signal
//! (the time left), select with a closed descriptor in readfds, poll over a lowered
//! RLIMIT_NOFILE, eventfd and timerfd_create with every descriptor in use, timerfd_create
//! on clock 99, signalfd on a pipe; and the echo of each, as libexplain writes it.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int};

/// In a forked child: RLIMIT_NOFILE lowered to `n`, and every descriptor below it used.
fn exhaust_descriptors(n: u64) {
    let lim = libc::rlimit { rlim_cur: n, rlim_max: n };
    // SAFETY: plain system calls in the child.
    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &lim), 0);
        while libc::dup(0) >= 0 {}
    }
}

#[test]
fn settimeofday_eperm_as_nobody_names_cap_sys_time_and_the_user() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        let tv = libc::timeval { tv_sec: 1_700_000_000, tv_usec: 500_000 };
        // SAFETY: a timeval of our own; the call is refused (no CAP_SYS_TIME).
        let r = unsafe { libc::settimeofday(&tv, core::ptr::null()) };
        let e = errno();
        if r == 0 {
            return;
        }
        unsafe { b::explain_message_errno_settimeofday(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, &tv, core::ptr::null()) };
    });
    assert_facts(
        &msg,
        &[
            "settimeofday(tv = { 1.7e+09 seconds }, tz = NULL)",
            "(1, EPERM)",
            "CAP_SYS_TIME capability, which the process does not have",
            "effective user 65534 \"nobody\"",
            "not as root",
        ],
    );
}

#[test]
fn stime_and_adjtimex_eperm_as_nobody_name_the_capability_and_the_modes() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        let mut tx: libc::timex = unsafe { core::mem::zeroed() };
        tx.modes = libc::ADJ_FREQUENCY | libc::ADJ_TICK;
        tx.freq = 0;
        tx.tick = 10000;
        // SAFETY: a timex of our own; refused without CAP_SYS_TIME.
        let r = unsafe { libc::adjtimex(&mut tx) };
        let e = errno();
        if r >= 0 {
            return;
        }
        unsafe { b::explain_message_errno_adjtimex(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, &mut tx) };
    });
    assert_facts(
        &msg,
        &[
            "adjtimex(data = { modes = ADJ_FREQUENCY | ADJ_TICK, freq = 0, tick = 10000 })",
            "EPERM",
            "CAP_SYS_TIME",
            "65534 \"nobody\"",
            "modes ADJ_FREQUENCY | ADJ_TICK sets the clock",
        ],
    );
    let t: libc::time_t = 1_700_000_000;
    let msg = explained!(explain_message_errno_stime(libc::EPERM, &t));
    // The date is local: only its year and month are the same in every zone.
    assert_facts(&msg, &["stime(t = { 1700000000 \"", "2023-Nov-1", "CAP_SYS_TIME"]);
}

#[test]
fn settimeofday_einval_names_the_field_and_its_value() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        let tv = libc::timeval { tv_sec: 5, tv_usec: 2_000_000 };
        // SAFETY: the kernel refuses the microseconds before anything else.
        let r = unsafe { libc::settimeofday(&tv, core::ptr::null()) };
        let e = errno();
        if r == 0 || e != libc::EINVAL {
            return;
        }
        unsafe { b::explain_message_errno_settimeofday(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, &tv, core::ptr::null()) };
    });
    assert_facts(&msg, &["tv = { tv_sec = 5, tv_usec = 2000000 }", "EINVAL", "tv->tv_usec is 2000000, outside the range 0 to 999999"]);
}

#[test]
fn settimeofday_einval_before_boot_names_the_monotonic_clock() {
    let tv = libc::timeval { tv_sec: 1, tv_usec: 0 };
    let msg = explained!(explain_message_errno_settimeofday(libc::EINVAL, &tv, core::ptr::null()));
    assert_facts(&msg, &["tv = { 1 seconds }", "tv asks for 1 seconds after the epoch", "CLOCK_MONOTONIC", "before the system booted"]);
    let tz: [c_int; 2] = [-2000, 0];
    let msg = explained!(explain_message_errno_settimeofday(libc::EINVAL, core::ptr::null(), tz.as_ptr() as *const _));
    assert_facts(&msg, &["tz = { tz_minuteswest = -2000, tz_dsttime = 0 }", "tz->tz_minuteswest is -2000"]);
}

#[test]
fn nanosleep_einval_names_tv_nsec_and_its_value() {
    let req = libc::timespec { tv_sec: 0, tv_nsec: 2_000_000_000 };
    // SAFETY: the kernel refuses the nanoseconds at once.
    let r = unsafe { libc::nanosleep(&req, core::ptr::null_mut()) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_nanosleep(libc::EINVAL, &req, core::ptr::null_mut()));
    assert_facts(&msg, &["nanosleep(req = { tv_sec = 0", "tv_nsec = 2000000000 }, rem = NULL)", "req->tv_nsec is 2000000000, outside the range 0 to 999999999"]);
}

extern "C" fn on_alarm(_: c_int) {}

#[test]
fn nanosleep_eintr_says_a_signal_arrived_and_how_long_was_left() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: a handler and a timer of the child's own; then an interrupted sleep.
        unsafe {
            let mut sa: libc::sigaction = core::mem::zeroed();
            sa.sa_sigaction = on_alarm as *const () as usize;
            libc::sigaction(libc::SIGALRM, &sa, core::ptr::null_mut());
            let it = libc::itimerval { it_interval: libc::timeval { tv_sec: 0, tv_usec: 0 }, it_value: libc::timeval { tv_sec: 0, tv_usec: 20_000 } };
            libc::setitimer(libc::ITIMER_REAL, &it, core::ptr::null_mut());
            let req = libc::timespec { tv_sec: 30, tv_nsec: 0 };
            let mut rem = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            let r = libc::nanosleep(&req, &mut rem);
            let e = errno();
            if r == 0 {
                return;
            }
            b::explain_message_errno_nanosleep(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, &req, &mut rem);
        }
    });
    assert_facts(&msg, &["nanosleep(req = { 30 seconds }, rem = { 29.", "EINTR", "a signal was delivered", "seconds of the interval were left (rem)"]);
    assert!(joined(&msg).contains("; 29."), "the time left is named: {msg}");
}

#[test]
fn select_ebadf_names_the_closed_descriptor_and_its_set() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: descriptors and sets of the child's own.
        unsafe {
            let fd = libc::dup(0);
            libc::close(fd);
            let mut r: libc::fd_set = core::mem::zeroed();
            let mut w: libc::fd_set = core::mem::zeroed();
            libc::FD_SET(0, &mut r);
            libc::FD_SET(fd, &mut r);
            libc::FD_SET(1, &mut w);
            let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
            let (mut r2, mut w2, mut tv2) = (r, w, tv);
            let n = libc::select(fd + 1, &mut r2, &mut w2, core::ptr::null_mut(), &mut tv2);
            let e = errno();
            if n >= 0 {
                return;
            }
            b::explain_message_errno_select(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, fd + 1, &mut r, &mut w, core::ptr::null_mut(), &mut tv);
            let text = common::text(buf);
            let wanted = format!(", {fd} }}, writefds = {{ 1");
            assert!(text.contains(&wanted), "{text}");
            let culprit = format!("descriptor {fd} is in readfds, and is not an open file descriptor");
            if !joined(&text).contains(&culprit) {
                buf[0] = 0;
            }
        }
    });
    assert_facts(&msg, &["select(nfds = ", "exceptfds = NULL, timeout = { 0 seconds })", "EBADF", "is in readfds, and is not an open file descriptor"]);
}

#[test]
fn select_einval_negative_nfds_and_a_bad_timeout() {
    let mut tv = libc::timeval { tv_sec: 1, tv_usec: 0 };
    // The kernel may write the time left into the timeout even on failure: a copy.
    let mut given = tv;
    // SAFETY: the kernel refuses a negative nfds at once.
    let r = unsafe { libc::select(-1, core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut(), &mut given) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_select(libc::EINVAL, -1, core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut(), &mut tv));
    assert_facts(&msg, &["select(nfds = -1, readfds = NULL", "timeout = { 1 seconds }", "nfds is -1, and must not be negative"]);
    let mut bad = libc::timeval { tv_sec: 0, tv_usec: 1_500_000 };
    let msg = explained!(explain_message_errno_select(libc::EINVAL, 3, core::ptr::null_mut(), core::ptr::null_mut(), core::ptr::null_mut(), &mut bad));
    assert_facts(&msg, &["timeout = { tv_sec = 0, tv_usec = 1500000 }", "timeout->tv_usec is 1500000, outside the range 0 to 999999"]);
}

#[test]
fn poll_einval_over_rlimit_nofile_prints_the_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        let lim = libc::rlimit { rlim_cur: 16, rlim_max: 16 };
        let mut fds = [libc::pollfd { fd: -1, events: libc::POLLIN, revents: 0 }; 40];
        // SAFETY: plain calls in the child, on an array of its own.
        unsafe {
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
            let r = libc::poll(fds.as_mut_ptr(), 40, 0);
            let e = errno();
            if r >= 0 {
                return;
            }
            b::explain_message_errno_poll(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, fds.as_mut_ptr(), 40, 0);
        }
    });
    assert_facts(&msg, &["poll(data = { { fd = -1, events = POLLIN }, ", "data_size = 40, timeout = 0)", "EINVAL", "data_size is 40, more than", "RLIMIT_NOFILE), which is 16"]);
}

#[test]
fn poll_efault_names_the_array() {
    let msg = explained!(explain_message_errno_poll(libc::EFAULT, 0x1000 as *mut libc::pollfd, 2, 0));
    assert_facts(&msg, &["poll(data = 0x00001000, data_size = 2, timeout = 0)", "data (0x1000, 16 bytes) is not entirely within"]);
}

#[test]
fn eventfd_and_timerfd_emfile_name_the_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        exhaust_descriptors(12);
        // SAFETY: plain calls in the child.
        let r = unsafe { libc::eventfd(3, libc::EFD_CLOEXEC) };
        let e = errno();
        if r >= 0 {
            return;
        }
        unsafe { b::explain_message_errno_eventfd(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, 3, libc::EFD_CLOEXEC) };
    });
    assert_facts(&msg, &["eventfd(initval = 3, flags = EFD_CLOEXEC)", "EMFILE", "0 to 11, is in use: its limit (RLIMIT_NOFILE) is 12"]);
    let msg = in_child(|buf| {
        exhaust_descriptors(10);
        // SAFETY: plain calls in the child.
        let r = unsafe { libc::timerfd_create(libc::CLOCK_MONOTONIC, libc::TFD_NONBLOCK) };
        let e = errno();
        if r >= 0 {
            return;
        }
        unsafe { b::explain_message_errno_timerfd_create(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, libc::CLOCK_MONOTONIC, libc::TFD_NONBLOCK) };
    });
    assert_facts(&msg, &["timerfd_create(clockid = CLOCK_MONOTONIC, flags = TFD_NONBLOCK)", "EMFILE", "RLIMIT_NOFILE) is 10"]);
}

#[test]
fn timerfd_create_unknown_clock_names_the_clocks_a_timer_may_use() {
    // SAFETY: the kernel refuses the clock.
    let r = unsafe { libc::timerfd_create(99, 0) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_timerfd_create(libc::EINVAL, 99, 0));
    assert_facts(&msg, &["timerfd_create(clockid = 99, flags = 0)", "there is no clock with id 99", "CLOCK_BOOTTIME, CLOCK_REALTIME_ALARM"]);
    // SAFETY: as above.
    let r = unsafe { libc::timerfd_create(libc::CLOCK_PROCESS_CPUTIME_ID, 0) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_timerfd_create(libc::EINVAL, libc::CLOCK_PROCESS_CPUTIME_ID, 0));
    assert_facts(&msg, &["clockid = 2", "CLOCK_PROCESS_CPUTIME_ID (the CPU time of the calling process), a clock a timer cannot use"]);
    let msg = explained!(explain_message_errno_timerfd_create(libc::EINVAL, 0, 0x100));
    assert_facts(&msg, &["flags = 0x100", "flags contains 0x100", "TFD_NONBLOCK, TFD_CLOEXEC"]);
}

#[test]
fn timerfd_create_alarm_clock_as_nobody_names_cap_wake_alarm() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: plain calls in the child.
        let r = unsafe { libc::timerfd_create(libc::CLOCK_BOOTTIME_ALARM, 0) };
        let e = errno();
        if r >= 0 || e != libc::EPERM {
            return;
        }
        unsafe { b::explain_message_errno_timerfd_create(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, libc::CLOCK_BOOTTIME_ALARM, 0) };
    });
    assert_facts(&msg, &["timerfd_create(clockid = 9, flags = 0)", "EPERM", "CAP_WAKE_ALARM capability, which the process does not have", "65534"]);
}

#[test]
fn signalfd_on_a_pipe_says_what_the_descriptor_is() {
    let _serial = serial();
    let msg = in_child(|buf| {
        let mut p = [0; 2];
        // SAFETY: a pipe and a signal set of the child's own.
        unsafe {
            libc::pipe(p.as_mut_ptr());
            let mut mask: libc::sigset_t = core::mem::zeroed();
            libc::sigemptyset(&mut mask);
            libc::sigaddset(&mut mask, libc::SIGUSR1);
            libc::sigaddset(&mut mask, libc::SIGRTMIN() + 2);
            let r = libc::signalfd(p[0], &mask, libc::SFD_CLOEXEC);
            let e = errno();
            if r >= 0 {
                return;
            }
            b::explain_message_errno_signalfd(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, p[0], &mask, libc::SFD_CLOEXEC);
        }
    });
    assert_facts(&msg, &["mask = { SIGUSR1, SIGRTMIN + 2 }, flags = SFD_CLOEXEC)", "EINVAL", "\"pipe\" is a named pipe (FIFO), not a signalfd descriptor"]);
}

#[test]
fn usleep_einval_and_eventfd_flags_name_the_values() {
    let msg = explained!(explain_message_errno_usleep(libc::EINVAL, 1_000_000));
    assert_facts(&msg, &["usleep(usec = 1000000)", "usec is 1000000, and must be less than 1000000"]);
    let msg = explained!(explain_message_errno_eventfd(libc::EINVAL, 0, 0x100 | libc::EFD_NONBLOCK));
    assert_facts(&msg, &["eventfd(initval = 0, flags = EFD_NONBLOCK | 0x100)", "flags contains 0x100", "EFD_SEMAPHORE"]);
}

#[test]
fn the_command_takes_seconds_dates_clock_names_and_signal_names() {
    let out = explain(&["-e", "EPERM", "settimeofday", "1.5", "0"]);
    assert_facts(&out, &["settimeofday(tv = { 1.5 seconds }, tz = NULL)", "CAP_SYS_TIME"]);
    for (tz, t, date) in [("UTC", "1577872800", "Wed, 2020-Jan-01 10:00:00 +0000"), ("Asia/Kolkata", "1577853000", "Wed, 2020-Jan-01 10:00:00 +0530")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain")).args(["-e", "EPERM", "stime", "2020-01-01 10:00"]).env("TZ", tz).output().unwrap();
        assert_facts(&String::from_utf8_lossy(&out.stdout), &[&format!("stime(t = {{ {t} \"{date}\" }})")]);
    }
    let out = explain(&["-e", "EINVAL", "timerfd_create", "CLOCK_TAI", "TFD_CLOEXEC|TFD_NONBLOCK"]);
    assert_facts(&out, &["timerfd_create(clockid = 11, flags = TFD_NONBLOCK | TFD_CLOEXEC)", "CLOCK_TAI (international atomic time)"]);
    let out = explain(&["-e", "EINVAL", "signalfd", "0", "SIGTERM"]);
    assert_facts(&out, &["mask = { SIGTERM }", "not a signalfd descriptor"]);
    let out = explain(&["-e", "EBADF", "select", "8", "{ 0, 7 }"]);
    assert_facts(&out, &["select(nfds = 8, readfds = { 0", ", 7 }, writefds = { 1", "descriptor 7 is in readfds"]);
    let out = explain_as_nobody(&["-e", "EPERM", "adjtimex"]);
    assert_facts(&out, &["adjtimex(data = { modes = 0 })", "CAP_SYS_TIME", "65534"]);
}

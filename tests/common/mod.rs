//! Shared helpers for the integration tests: scratch directories, tmpfs mounts, running
//! the explain command as another user, and explaining in-process.
#![allow(dead_code)]

pub mod sockets;

use std::ffi::CString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh directory under /tmp, removed (with everything in it) on drop. Mode 0755 so
/// that an unprivileged user can search it.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path = PathBuf::from(format!("/tmp/explain-test-{}-{}-{}", tag, std::process::id(), n));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        chmod(&path, 0o755);
        Scratch { path }
    }

    pub fn join(&self, p: &str) -> PathBuf {
        self.path.join(p)
    }

    /// The path as a string, for building arguments.
    pub fn s(&self, p: &str) -> String {
        self.join(p).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Undo anything a test made unremovable, then unmount what is still mounted.
        let _ = Command::new("chmod").args(["-R", "u+rwx"]).arg(&self.path).status();
        let _ = Command::new("chattr").args(["-R", "-i", "-a"]).arg(&self.path).output();
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

pub fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A tmpfs mounted on `dir` (created if needed), unmounted on drop.
pub struct Tmpfs {
    pub dir: PathBuf,
}

impl Tmpfs {
    /// `options` as for mount -o, e.g. "size=64k" or "size=1m,ro" or "nr_inodes=4".
    pub fn mount(dir: &Path, options: &str) -> Tmpfs {
        std::fs::create_dir_all(dir).unwrap();
        let st = Command::new("mount").args(["-t", "tmpfs", "-o", options, "tmpfs"]).arg(dir).status().unwrap();
        assert!(st.success(), "mount tmpfs on {}", dir.display());
        Tmpfs { dir: dir.to_path_buf() }
    }

    pub fn remount(&self, options: &str) {
        let st = Command::new("mount").args(["-o", &format!("remount,{options}")]).arg(&self.dir).status().unwrap();
        assert!(st.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

/// Runs the explain command (this crate's binary) with `args`; returns stdout.
pub fn explain(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_explain")).args(args).output().unwrap();
    assert!(out.status.success(), "explain {:?}: {}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The explain command, at a path the user nobody may execute: the build's own binary
/// when every directory above it lets others search it, else a copy under /var/tmp
/// (a CI clone may live in a directory only root may enter).
pub fn explain_bin_for_others() -> String {
    use std::os::unix::fs::PermissionsExt;
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let own = Path::new(env!("CARGO_BIN_EXE_explain"));
        let reachable = own.ancestors().skip(1).all(|d| d.metadata().map_or(false, |m| m.permissions().mode() & 0o001 != 0));
        if reachable {
            return own.to_string_lossy().into_owned();
        }
        let dir = PathBuf::from("/var/tmp/explain-test-bin");
        std::fs::create_dir_all(&dir).unwrap();
        chmod(&dir, 0o755);
        let copy = dir.join(format!("explain-{}", std::process::id()));
        // cp, not fs::copy: a descriptor open for writing in this (multi-threaded)
        // process could leak into another test's fork and make exec fail with ETXTBSY.
        assert!(Command::new("cp").arg(own).arg(&copy).status().unwrap().success());
        chmod(&copy, 0o755);
        copy.to_string_lossy().into_owned()
    })
    .clone()
}

/// Runs `cmd args` as the unprivileged user nobody (no groups, no capabilities).
pub fn as_nobody(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", cmd])
        .args(args)
        .output()
        .unwrap()
}

/// The explain command run as nobody; returns stdout.
pub fn explain_as_nobody(args: &[&str]) -> String {
    let out = as_nobody(&explain_bin_for_others(), args);
    assert!(out.status.success(), "explain {:?}: {}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs a shell command as nobody and returns the errno name its failure printed, by
/// running the real call: used to prove that the failing state is real.
pub fn sh_as_nobody(script: &str) -> std::process::Output {
    as_nobody("sh", &["-c", script])
}

pub fn cstr(p: &Path) -> CString {
    CString::new(p.as_os_str().as_encoded_bytes()).unwrap()
}

/// The errno of the last failed call in this thread.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Asserts that `text` contains every one of `facts`, showing the message if not. A
/// line break (with the indent after it) matches a space: what the library prints on
/// stderr is laid out in 75-column lines, as libexplain lays it out.
#[track_caller]
pub fn assert_facts(text: &str, facts: &[&str]) {
    let flat = joined(text);
    for f in facts {
        assert!(flat.contains(&joined(f)), "expected {f:?} in:\n{text}");
    }
}

/// `text` with every run of blanks and line breaks made one space.
pub fn joined(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Copies the program `from` to `to` (with cp, so no descriptor open for writing exists
/// in this process) and starts it with `args`. exec can still meet ETXTBSY while another
/// test's forked child holds some writer briefly: retry for a while.
pub fn copy_and_spawn(from: &str, to: &Path, args: &[&str]) -> std::process::Child {
    assert!(Command::new("cp").arg(from).arg(to).status().unwrap().success());
    chmod(to, 0o755);
    for _ in 0..100 {
        match Command::new(to).args(args).spawn() {
            Ok(child) => return child,
            Err(e) if e.raw_os_error() == Some(libc::ETXTBSY) => std::thread::sleep(std::time::Duration::from_millis(20)),
            Err(e) => panic!("spawn {}: {e}", to.display()),
        }
    }
    panic!("spawn {}: still busy", to.display());
}

/// The NUL-terminated text an explain_message_* function wrote into `buf`.
pub fn text(buf: &[u8]) -> String {
    let n = buf.iter().position(|&c| c == 0).unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

/// `explained!(explain_message_errno_NAME(args…))`: calls an explain_message_* function
/// of the boundary with a 4 KiB buffer and returns the text it wrote.
#[macro_export]
macro_rules! explained {
    ($f:ident($($a:expr),*)) => {{
        let mut out = [0u8; 4096];
        // SAFETY: out is writable for its length; pointer arguments are only examined
        // through the library's probes, never dereferenced.
        unsafe { explain::abi::boundary::$f(out.as_mut_ptr() as *mut libc::c_char, out.len() as libc::c_int, $($a),*) };
        common::text(&out)
    }};
}

/// Runs `child` in a forked process, which writes its message into the 4 KiB buffer it
/// is given; returns that message. For failures that must not touch the test process
/// (a lowered RLIMIT_AS). The child leaves with _exit, running no destructors.
#[allow(dead_code)]
pub fn in_child(child: impl FnOnce(&mut [u8])) -> String {
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: the child calls the library under test, malloc (whose locks glibc resets
    // in the child) and plain system calls, then _exit.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0);
    if pid == 0 {
        let mut buf = [0u8; 4096];
        child(&mut buf);
        let n = buf.iter().position(|&c| c == 0).unwrap_or(0);
        // SAFETY: writing our own buffer to the pipe, then leaving at once.
        unsafe {
            libc::write(fds[1], buf.as_ptr() as *const libc::c_void, n);
            libc::_exit(0);
        }
    }
    reap(pid, fds).0
}

/// The tests of a binary that forks run one at a time (`let _serial = serial();` first):
/// a child forked while another test thread is inside the library could inherit one of
/// its locks held, and wait for it forever.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

// --- The hostile sweep ---

/// The parent's side of a forked child `pid` that writes its report into the pipe
/// `fds`: closes the write end, reads the report to its end, then waits for the child;
/// returns the report and the wait status.
pub fn reap(pid: libc::pid_t, fds: [libc::c_int; 2]) -> (String, libc::c_int) {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    // SAFETY: the write end is the child's; the read end is ours alone.
    unsafe { libc::close(fds[1]) };
    let mut r = unsafe { std::fs::File::from_raw_fd(fds[0]) };
    let mut s = String::new();
    r.read_to_string(&mut s).unwrap();
    let mut status = 0;
    // SAFETY: waiting for our own child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    (s, status)
}

// --- user namespaces (the dups branch: one copy of the creds tests' setup) ---

/// Runs `child` as in_child does, in a new user namespace of its own (no id mapped
/// there until the child writes a map). None, said on stderr, where the system refuses
/// one (a container's seccomp filter may refuse unshare(CLONE_NEWUSER)): the test then
/// has nothing to explain.
#[allow(dead_code)]
pub fn in_user_namespace_child(child: impl FnOnce(&mut [u8])) -> Option<String> {
    const REFUSED: &str = "unshare(CLONE_NEWUSER) refused here";
    let msg = in_child(|buf| {
        // SAFETY: a new user namespace for this single-threaded child.
        if unsafe { libc::unshare(libc::CLONE_NEWUSER) } != 0 {
            buf[..REFUSED.len()].copy_from_slice(REFUSED.as_bytes());
            return;
        }
        child(buf)
    });
    if msg == REFUSED {
        eprintln!("{REFUSED}: no user namespace to test in");
        return None;
    }
    Some(msg)
}

/// In a forked child: becomes user and group 65534 (nobody) for good, all three ids and
/// no supplementary groups, which clears every capability.
#[allow(dead_code)]
pub fn drop_to_nobody() {
    // SAFETY: plain system calls, in the child.
    unsafe {
        assert_eq!(libc::setgroups(0, std::ptr::null()), 0);
        assert_eq!(libc::setresgid(65534, 65534, 65534), 0);
        assert_eq!(libc::setresuid(65534, 65534, 65534), 0);
    }
}

/// Writes `text` as the child's whole report (a setup step that failed).
pub fn report(buf: &mut [u8], text: &str) {
    let n = text.len().min(buf.len() - 1);
    buf[..n].copy_from_slice(&text.as_bytes()[..n]);
    buf[n] = 0;
}

//! The hostile sweep (issue 14): every exported `explain_message_errno_NAME` and
//! `explain_errno_NAME`, from the table build/sweep.rs generates out of the call tables,
//! called with what a buggy caller passes: one argument at a time made hostile from a
//! sane baseline, then all of them at once; every errno Linux defines and some it does
//! not; message sizes 0, 1, 2, 16, 4096 (and negative) ending right at a PROT_NONE page.
//!
//! Each export runs in a child process (a crash is counted, not fatal); when a child dies
//! or leaks a descriptor, its batch runs again one call per child to name the culprit.
//! Every call must: not crash, not hang (alarm), leave errno alone, write nothing
//! outside its buffer, NUL-terminate it and never leave it empty; a batch must leave as
//! many descriptors open as it found. The figures print with `--nocapture`.
#[macro_use]
mod common;
use common::*;
use libc::{c_char, c_int};

/// What kind of hostile value an argument gets (build/sweep.rs chooses, from the C type
/// and the argument kind of the call table).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Text,
    Pointer,
    Stream,
    Fd,
    Int,
    Long,
    Size,
    Varargs,
}

struct Export {
    name: &'static str,
    args: &'static [Kind],
    message: unsafe fn(*mut c_char, c_int, c_int, &[u64]),
    shared: unsafe fn(c_int, &[u64]) -> *const c_char,
}

mod table {
    use super::{Export, Kind};
    use libc::{c_char, c_int};
    include!(concat!(env!("OUT_DIR"), "/sweep_table.rs"));
}

const PAGE: usize = 4096;
const ERRNO_SENTINEL: c_int = 4242;

/// The hostile values, made once in the parent and inherited by every child.
struct World {
    /// The last writable page before a PROT_NONE page: a message of size n starts n bytes
    /// before the guard, so one byte too many is a SIGSEGV.
    before_guard: *mut u8,
    guard: *mut u8,
    values: Vec<(Kind, u64, Vec<(u64, &'static str)>)>,
}

fn map(prot: c_int, pages: usize) -> *mut u8 {
    // SAFETY: a fresh anonymous mapping.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), pages * PAGE, prot, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
    assert_ne!(p, libc::MAP_FAILED);
    p as *mut u8
}

fn leak_c(bytes: &[u8]) -> u64 {
    let mut v = bytes.to_vec();
    v.push(0);
    Box::leak(v.into_boxed_slice()).as_ptr() as u64
}

impl World {
    fn new() -> World {
        let region = map(libc::PROT_READ | libc::PROT_WRITE, 2);
        // SAFETY: the second page of our own mapping.
        assert_eq!(unsafe { libc::mprotect(region.add(PAGE) as *mut _, PAGE, libc::PROT_NONE) }, 0);
        let unmapped = map(libc::PROT_NONE, 1) as u64;
        let zeros = map(libc::PROT_READ | libc::PROT_WRITE, 1) as u64;
        let junk = map(libc::PROT_READ | libc::PROT_WRITE, 1);
        // SAFETY: our own page.
        unsafe { std::ptr::write_bytes(junk, 0xff, PAGE) };
        let junk = junk as u64;
        // 100,000 bytes of every byte value but NUL: control characters, ESC, above 0x7f.
        let long: Vec<u8> = (0..100_000u32).map(|i| (i % 255 + 1) as u8).collect();
        let long = leak_c(&long);
        let empty = leak_c(b"");
        let percent = leak_c(b"%s%n");
        let base_text = leak_c(b"/nonexistent/sweep/file");
        // SAFETY: plain opens; the closed descriptor's number stays free in the parent.
        let devnull = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) } as i64;
        let closed = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
        unsafe { libc::close(closed) };
        let closed = closed as i64;
        let stream = unsafe { libc::fopen(c"/dev/null".as_ptr(), c"re".as_ptr()) } as u64;
        assert!(devnull >= 0 && stream != 0);
        let int = |v: i64| v as u64;
        let ptrs = vec![(0, "NULL"), (1, "(void *)1"), (unmapped, "an unmapped page"), (junk, "a page of 0xff"), (u64::MAX, "(void *)-1")];
        let values = vec![
            (
                Kind::Text,
                base_text,
                vec![(0, "NULL"), (1, "(void *)1"), (unmapped, "an unmapped page"), (empty, "\"\""), (long, "100,000 bytes"), (percent, "\"%s%n\"")],
            ),
            (Kind::Pointer, zeros, ptrs.clone()),
            (Kind::Stream, stream, vec![(0, "NULL"), (1, "(void *)1"), (unmapped, "an unmapped page"), (junk, "a page of 0xff"), (zeros, "a page of zeros")]),
            (
                Kind::Fd,
                int(devnull),
                vec![(int(-1), "-1"), (0, "0"), (int(i32::MAX as i64), "INT_MAX"), (int(i32::MIN as i64), "INT_MIN"), (int(closed), "a closed descriptor"), (int(-100), "AT_FDCWD")],
            ),
            (
                Kind::Int,
                0,
                vec![(int(-1), "-1"), (int(i32::MAX as i64), "INT_MAX"), (int(i32::MIN as i64), "INT_MIN"), (int(closed), "a closed descriptor"), (int(devnull), "/dev/null")],
            ),
            (
                Kind::Long,
                0,
                vec![(int(-1), "-1"), (int(i32::MAX as i64), "INT_MAX"), (int(i32::MIN as i64), "INT_MIN"), (int(i64::MAX), "LONG_MAX"), (int(i64::MIN), "LONG_MIN")],
            ),
            (Kind::Size, 16, vec![(0, "0"), (1, "1"), (u64::MAX, "SIZE_MAX")]),
            (
                Kind::Varargs,
                zeros,
                vec![(0, "NULL"), (1, "(void *)1"), (unmapped, "an unmapped page"), (long, "100,000 bytes"), (percent, "\"%s%n\""), (int(i64::MIN), "LONG_MIN")],
            ),
        ];
        World { before_guard: region, guard: unsafe { region.add(PAGE) }, values }
    }

    fn of(&self, k: Kind) -> &(Kind, u64, Vec<(u64, &'static str)>) {
        self.values.iter().find(|v| v.0 == k).unwrap()
    }
}

/// Every errno Linux defines, and some it does not.
fn all_errnos() -> Vec<c_int> {
    (1..=133).chain([0, -1, 4096, i32::MAX, i32::MIN]).collect()
}

/// A few errnos for the shared-buffer form, whose body is the message form's.
const FEW_ERRNOS: &[c_int] = &[0, libc::ENOENT, libc::EACCES, libc::EBADF, libc::EINVAL, libc::EFAULT, libc::ENOMEM, -1, 4096];

#[derive(Clone, Copy, Debug)]
enum Args {
    Baseline,
    /// Argument `.0` gets hostile value `.1` of its kind.
    One(usize, usize),
    /// Every argument gets hostile value `.0` of its kind (modulo their number).
    All(usize),
}

#[derive(Clone, Copy, Debug)]
enum Form {
    /// explain_message_errno_NAME into a buffer of this size ending at the guard page.
    Message(c_int),
    /// explain_message_errno_NAME with a NULL message of this size.
    NullMessage(c_int),
    /// explain_errno_NAME.
    Shared,
}

#[derive(Clone, Copy, Debug)]
struct Case {
    form: Form,
    errnum: c_int,
    args: Args,
}

fn cases(e: &Export, w: &World) -> Vec<Case> {
    let mut v = Vec::new();
    let errnos = all_errnos();
    let widest = e.args.iter().map(|k| w.of(*k).2.len()).max().unwrap_or(0);
    let mut arg_sets = vec![Args::Baseline];
    for (i, k) in e.args.iter().enumerate() {
        arg_sets.extend((0..w.of(*k).2.len()).map(|j| Args::One(i, j)));
    }
    arg_sets.extend((0..widest).map(Args::All));
    for &args in &arg_sets {
        for &errnum in &errnos {
            v.push(Case { form: Form::Message(4096), errnum, args });
        }
        for &errnum in FEW_ERRNOS {
            v.push(Case { form: Form::Shared, errnum, args });
        }
    }
    for &errnum in &errnos {
        v.push(Case { form: Form::Shared, errnum, args: Args::Baseline });
        for size in [0, 1, 2, 16, -1, i32::MIN] {
            v.push(Case { form: Form::Message(size), errnum, args: Args::Baseline });
        }
    }
    for &errnum in FEW_ERRNOS {
        for size in [0, 4096] {
            v.push(Case { form: Form::NullMessage(size), errnum, args: Args::Baseline });
        }
    }
    v
}

fn words(e: &Export, w: &World, args: Args) -> [u64; 8] {
    let mut a = [0u64; 8];
    assert!(e.args.len() <= a.len(), "{}: more arguments than the sweep holds", e.name);
    for (i, k) in e.args.iter().enumerate() {
        let (_, base, hostile) = w.of(*k);
        a[i] = match args {
            Args::One(j, h) if j == i => hostile[h].0,
            Args::All(h) => hostile[h % hostile.len()].0,
            _ => *base,
        };
    }
    a
}

fn describe(e: &Export, w: &World, c: &Case) -> String {
    let args = match c.args {
        Args::Baseline => "baseline arguments".to_string(),
        Args::One(i, h) => format!("argument {} = {}", i + 1, w.of(e.args[i]).2[h].1),
        Args::All(h) => format!("every argument hostile ({h})"),
    };
    let form = match c.form {
        Form::Message(n) => format!("explain_message_errno_{}(message_size = {n})", e.name),
        Form::NullMessage(n) => format!("explain_message_errno_{}(message = NULL, message_size = {n})", e.name),
        Form::Shared => format!("explain_errno_{}", e.name),
    };
    format!("{form}, errnum {}, {args}", c.errnum)
}

fn errno_ptr() -> *mut c_int {
    // SAFETY: this thread's errno.
    unsafe { libc::__errno_location() }
}

fn open_descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Runs one case in the child; returns the violations it shows.
fn run(e: &Export, w: &World, c: &Case, out: &mut Vec<String>) {
    let a = words(e, w, c.args);
    let args = &a[..e.args.len()];
    // SAFETY: the pages are ours; the export gets the hostile words a buggy caller passes.
    unsafe {
        std::ptr::write_bytes(w.before_guard, 0xAA, PAGE);
        libc::alarm(10);
        *errno_ptr() = ERRNO_SENTINEL;
        let mut shared = std::ptr::null();
        match c.form {
            Form::Message(n) => {
                let start = w.guard.sub((n.max(0) as usize).min(PAGE));
                (e.message)(start as *mut c_char, n, c.errnum, args);
            }
            Form::NullMessage(n) => (e.message)(std::ptr::null_mut(), n, c.errnum, args),
            Form::Shared => shared = (e.shared)(c.errnum, args),
        }
        let errno = *errno_ptr();
        libc::alarm(0);
        let mut bad = |what: &str| out.push(format!("{what}: {}", describe(e, w, c)));
        if errno != ERRNO_SENTINEL {
            bad(&format!("errno changed to {errno}"));
        }
        match c.form {
            Form::Message(n) => {
                let n = (n.max(0) as usize).min(PAGE);
                let page = std::slice::from_raw_parts(w.before_guard, PAGE);
                if page[..PAGE - n].iter().any(|&b| b != 0xAA) {
                    bad("written outside the message");
                }
                let msg = &page[PAGE - n..];
                if n >= 1 && !msg.contains(&0) {
                    bad("not NUL-terminated");
                }
                if n >= 2 && msg[0] == 0 {
                    bad("empty explanation");
                }
            }
            Form::NullMessage(_) => {}
            Form::Shared => {
                if shared.is_null() {
                    bad("NULL returned");
                } else {
                    let len = libc::strnlen(shared, 1 << 20);
                    if len == 0 {
                        bad("empty explanation");
                    } else if len == 1 << 20 {
                        bad("not NUL-terminated");
                    }
                }
            }
        }
    }
}

/// How a child running a batch ended.
struct Outcome {
    calls: usize,
    violations: Vec<String>,
    leaked: bool,
    /// The signal that ended the child, if one did.
    signal: Option<c_int>,
}

/// Runs `cases` in a forked child.
fn in_a_child(e: &Export, w: &World, cases: &[Case]) -> Outcome {
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: the child calls the library, malloc and plain system calls, then _exit.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0);
    if pid == 0 {
        // SAFETY: the child's copy of the read end.
        unsafe { libc::close(fds[0]) };
        let before = open_descriptors();
        let mut out = Vec::new();
        for c in cases {
            run(e, w, c, &mut out);
        }
        let leaked = open_descriptors() != before;
        let mut report = format!("{} {}\n", cases.len(), leaked as u8);
        for v in &out {
            report.push_str(&v.replace('\n', " "));
            report.push('\n');
        }
        let mut rest = report.as_bytes();
        while !rest.is_empty() {
            // SAFETY: writing our own bytes to the pipe.
            let n = unsafe { libc::write(fds[1], rest.as_ptr() as *const _, rest.len()) };
            if n <= 0 {
                break;
            }
            rest = &rest[n as usize..];
        }
        // SAFETY: leaving at once, running no destructors.
        unsafe { libc::_exit(0) };
    }
    let (s, status) = reap(pid, fds);
    let signal = if libc::WIFSIGNALED(status) { Some(libc::WTERMSIG(status)) } else { None };
    let mut lines = s.lines();
    let head = lines.next().unwrap_or("0 0");
    let (calls, leaked) = head.split_once(' ').unwrap_or(("0", "0"));
    Outcome { calls: calls.parse().unwrap_or(0), leaked: leaked == "1", violations: lines.map(String::from).collect(), signal }
}

#[derive(Default)]
struct Figures {
    exports: usize,
    calls: usize,
    crashes: usize,
    hangs: usize,
    leaks: usize,
    violations: Vec<String>,
}

fn sweep_export(e: &Export, w: &World, f: &mut Figures) {
    let all = cases(e, w);
    let batch = in_a_child(e, w, &all);
    f.exports += 2;
    if batch.signal.is_none() && !batch.leaked {
        f.calls += batch.calls;
        f.violations.extend(batch.violations);
        return;
    }
    // Name the culprit: one call per child.
    for c in &all {
        let one = in_a_child(e, w, std::slice::from_ref(c));
        f.calls += 1;
        f.violations.extend(one.violations);
        match one.signal {
            Some(libc::SIGALRM) => {
                f.hangs += 1;
                f.violations.push(format!("hang: {}", describe(e, w, c)));
            }
            Some(sig) => {
                f.crashes += 1;
                f.violations.push(format!("crash (signal {sig}): {}", describe(e, w, c)));
            }
            None if one.leaked => {
                f.leaks += 1;
                f.violations.push(format!("descriptor leaked: {}", describe(e, w, c)));
            }
            None => {}
        }
    }
}

// SAFETY: the World's pointers are to mappings made once and never unmapped or written
// by the parent after it is made; the children write their own copies.
unsafe impl Sync for World {}

/// Sweeps `exports` with two children at a time (make check runs on two cores).
fn sweep(exports: &[Export], w: &World) -> Figures {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let parts: Vec<Figures> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let mut f = Figures::default();
                    while let Some(e) = exports.get(next.fetch_add(1, std::sync::atomic::Ordering::SeqCst)) {
                        sweep_export(e, w, &mut f);
                    }
                    f
                })
            })
            .collect();
        workers.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut f = Figures::default();
    for p in parts {
        f.exports += p.exports;
        f.calls += p.calls;
        f.crashes += p.crashes;
        f.hangs += p.hangs;
        f.leaks += p.leaks;
        f.violations.extend(p.violations);
    }
    f
}

impl Figures {
    fn count(&self, what: &str) -> usize {
        self.violations.iter().filter(|v| v.starts_with(what)).count()
    }
}

#[test]
fn every_export_survives_hostile_arguments() {
    let _serial = serial();
    let w = World::new();
    let f = sweep(table::EXPORTS, &w);
    println!(
        "hostile sweep: {} exports ({} calls), {} calls made; crashes {}, hangs {}, errno changed {}, \
         written outside the message {}, not NUL-terminated {}, empty {}, NULL returned {}, descriptors leaked {}",
        f.exports,
        table::EXPORTS.len(),
        f.calls,
        f.crashes,
        f.hangs,
        f.count("errno changed"),
        f.count("written outside"),
        f.count("not NUL-terminated"),
        f.count("empty explanation"),
        f.count("NULL returned"),
        f.leaks
    );
    assert!(table::EXPORTS.len() > 150, "the generated table lost calls: {}", table::EXPORTS.len());
    assert!(
        f.violations.is_empty(),
        "{} violations, the first:\n{}",
        f.violations.len(),
        f.violations.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// A deliberately broken export, each errnum a different fault: the sweep must see them.
unsafe fn broken(m: *mut c_char, size: c_int, errnum: c_int, _a: &[u64]) {
    // SAFETY: m has `size` bytes, except where the fault is the point.
    unsafe {
        if !m.is_null() && size >= 2 {
            *m = b'x' as c_char;
            *m.add(1) = 0;
        } else if !m.is_null() && size == 1 {
            *m = 0;
        }
        match errnum {
            5 if !m.is_null() && size > 0 => *m.add(size as usize) = 0,
            6 => *errno_ptr() = libc::EPERM,
            7 => drop(libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY)),
            8 if !m.is_null() && size > 0 => *m = 0,
            _ => {}
        }
    }
}

unsafe fn broken_shared(_errnum: c_int, _a: &[u64]) -> *const c_char {
    c"x".as_ptr()
}

#[test]
fn the_sweep_counts_each_fault_it_is_shown() {
    let _serial = serial();
    let w = World::new();
    let f = sweep(&[Export { name: "broken", args: &[], message: broken, shared: broken_shared }], &w);
    assert!(f.crashes >= 1, "the write past message_size was not counted: {:?}", f.violations);
    assert!(f.count("errno changed") >= 1, "{:?}", f.violations);
    assert!(f.leaks >= 1, "{:?}", f.violations);
    assert!(f.count("empty explanation") >= 1, "{:?}", f.violations);
    assert!(f.violations.iter().any(|v| v.contains("explain_message_errno_broken(message_size = 4096), errnum 5")), "{:?}", f.violations);
}

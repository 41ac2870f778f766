//! Where printed explanations go: by default stderr, prefixed with the program name and
//! laid out in lines as libexplain lays them out; or an output the program registered
//! (libexplain's vtable).

use crate::message::{options, set_hanging_indent, wrap::wrap};
use crate::sys;
use core::cell::UnsafeCell;
use libc::{c_char, c_int, c_uint};

/// libexplain's output object: a vtable pointer and whether exit was used.
#[repr(C)]
pub struct explain_output_t {
    pub vtable: *const explain_output_vtable_t,
    pub exit_has_been_used: c_int,
}

/// The methods of an output; `size` is the size of the object `explain_output_new`
/// allocates (at least sizeof(explain_output_t)).
#[repr(C)]
pub struct explain_output_vtable_t {
    pub destructor: Option<unsafe extern "C" fn(op: *mut explain_output_t)>,
    pub message: Option<unsafe extern "C" fn(op: *mut explain_output_t, text: *const c_char)>,
    pub exit: Option<unsafe extern "C" fn(op: *mut explain_output_t, status: c_int)>,
    pub size: c_uint,
}

/// The registered output and its lock, which a thread holds for as long as it prints
/// through the output: `explain_output_register` in another thread waits for it, and so
/// never destroys an output a thread is printing through. A recursive pthread mutex: an
/// output method that itself prints an explanation does not wait on itself, and
/// Helgrind sees the order it gives (it cannot see std's futex-based Mutex).
struct Registered {
    lock: UnsafeCell<libc::pthread_mutex_t>,
    op: UnsafeCell<*mut explain_output_t>,
}
// SAFETY: `op` is only read or written with `lock` held; the pointer is only handed back
// to the program's own methods.
unsafe impl Sync for Registered {}
static OUTPUT: Registered = Registered {
    lock: UnsafeCell::new(libc::PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP),
    op: UnsafeCell::new(core::ptr::null_mut()),
};

/// The registered output (NULL: stderr), held until the guard is dropped.
struct Held(());

impl Held {
    fn output() -> Held {
        // SAFETY: a statically initialised mutex, never destroyed.
        unsafe { libc::pthread_mutex_lock(OUTPUT.lock.get()) };
        Held(())
    }

    fn op(&self) -> *mut explain_output_t {
        // SAFETY: the lock is held.
        unsafe { *OUTPUT.op.get() }
    }

    fn replace(&self, op: *mut explain_output_t) -> *mut explain_output_t {
        // SAFETY: the lock is held.
        unsafe { core::mem::replace(&mut *OUTPUT.op.get(), op) }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // SAFETY: locked by this thread in `output`.
        unsafe { libc::pthread_mutex_unlock(OUTPUT.lock.get()) };
    }
}

/// Sends `text` (without newline) as `explain_output_message` does: as it is, but for
/// the thread's context (src/abi/context.rs), which comes first.
pub fn message(text: &[u8]) {
    let held = Held::output();
    if !super::context::is_set() {
        return deliver(&held, text);
    }
    let mut buf = [0u8; super::MESSAGE_SIZE];
    let mut m = crate::message::Message::new(&mut buf);
    super::context::write(&mut m, ": ");
    m.raw(text);
    let n = m.finish();
    deliver(&held, &buf[..n]);
}

/// Sends an explanation, error or warning: "PROGRAM: " first (as libexplain does, unless
/// the program turned the option off or the output names the program itself, as syslog
/// does with its identifier), then the thread's context, then "warning: " for a warning,
/// then `text`.
pub fn report(text: &[u8], warning: bool) {
    let held = Held::output();
    let mut buf = [0u8; super::MESSAGE_SIZE];
    let mut m = crate::message::Message::new(&mut buf);
    if options().program_name && !super::outputs::names_the_program(held.op()) {
        let mut name = [0u8; 1024];
        let n = super::program_name::get_escaped(&mut name);
        if n > 0 {
            m.raw(&name[..n]);
            m.text(": ");
        }
    }
    super::context::write(&mut m, ": ");
    if warning {
        m.text("warning: ");
    }
    m.raw(text);
    // Cut, when too long, between characters, never inside one.
    let n = m.finish();
    deliver(&held, &buf[..n]);
}

/// Hands `text` to the registered output, or lays it out on stderr.
fn deliver(held: &Held, text: &[u8]) {
    let op = held.op();
    if !op.is_null() {
        let mut buf = [0u8; super::MESSAGE_SIZE + 1];
        let n = text.len().min(super::MESSAGE_SIZE);
        buf[..n].copy_from_slice(&text[..n]);
        // SAFETY: a registered output's methods accept a NUL-terminated string.
        unsafe { explain_output_method_message(op, buf.as_ptr() as *const c_char) };
        return;
    }
    to_stderr(text);
}

/// Room for a message, the program's name and the newlines and indents of its layout.
const LINE_SIZE: usize = super::MESSAGE_SIZE + 1024;

/// Bytes being assembled for one write, cut when full.
struct Line {
    buf: [u8; LINE_SIZE],
    len: usize,
}

impl Line {
    fn put(&mut self, b: &[u8]) {
        let n = b.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }

    fn write_to(&self, fd: c_int) {
        let mut at = 0;
        while at < self.len {
            match sys::write(fd, &self.buf[at..self.len]) {
                Ok(0) | Err(_) => break,
                Ok(n) => at += n,
            }
        }
    }
}

/// Prints `text` on stderr laid out as libexplain lays it out (see `wrap`), with the
/// hanging indent the program set, in one write.
pub fn to_stderr(text: &[u8]) {
    let mut out = Line { buf: [0; LINE_SIZE], len: 0 };
    wrap(text, options().hanging_indent.max(0) as usize, |b| out.put(b));
    out.write_to(2);
}

/// Writes `text` and a newline to `fd` in one write: one line per explanation, so that
/// a log file can be searched line by line.
pub fn to_fd(fd: c_int, text: &[u8]) {
    let mut out = Line { buf: [0; LINE_SIZE], len: 0 };
    out.put(text);
    out.put(b"\n");
    out.write_to(fd);
}

/// Ends the process through the registered output's exit method, or exit(3).
pub fn exit(status: c_int) -> ! {
    // Not held while exiting: atexit handlers may print.
    let op = Held::output().op();
    if !op.is_null() {
        // SAFETY: the registered object's method; it is expected not to return.
        unsafe { explain_output_method_exit(op, status) }
    }
    // SAFETY: exit(3) runs atexit handlers and flushes stdio, as the program expects.
    unsafe { libc::exit(status) }
}

/// Prints `text` through the registered output (default: stderr), as it is: no program
/// name, as libexplain prints it.
/// A NULL or unreadable `text` prints nothing.
#[no_mangle]
pub unsafe extern "C" fn explain_output_message(text: *const c_char) {
    if text.is_null() {
        return;
    }
    let t = crate::decode::Text::copy(text as usize);
    message(t.bytes());
}

/// Called by the printf-style functions of `variadic.c` with the formatted text:
/// prints it through the registered output, then exits with EXIT_FAILURE when `die`
/// is non-zero. A warning (`warning` non-zero) is prefixed with "warning: ".
/// Internal: the version script keeps it local, and it is not in the headers.
///
/// cbindgen:ignore
#[no_mangle]
pub unsafe extern "C" fn libexplain_rs_output_formatted(text: *const c_char, warning: c_int, die: c_int) {
    let t = crate::decode::Text::copy(text as usize);
    let printing = super::journal::Printing { call: "", errnum: 0, warning: warning != 0 };
    super::journal::printing(printing, || report(t.bytes(), warning != 0));
    if die != 0 {
        exit(libc::EXIT_FAILURE)
    }
}

/// Exits through the registered output's exit method (default: exit(3)).
#[no_mangle]
pub extern "C" fn explain_output_exit(status: c_int) -> ! {
    exit(status)
}

/// explain_output_exit(EXIT_FAILURE).
#[no_mangle]
pub extern "C" fn explain_output_exit_failure() -> ! {
    exit(libc::EXIT_FAILURE)
}

/// Calls the message method of `op`; NULL does nothing.
#[no_mangle]
pub unsafe extern "C" fn explain_output_method_message(op: *mut explain_output_t, text: *const c_char) {
    // SAFETY: op is NULL or an object from explain_output_new with a valid vtable.
    unsafe {
        if op.is_null() || (*op).vtable.is_null() {
            return;
        }
        if let Some(f) = (*(*op).vtable).message {
            f(op, text);
        }
    }
}

/// Calls the exit method of `op` (or exit(3) if it has none); never returns.
#[no_mangle]
pub unsafe extern "C" fn explain_output_method_exit(op: *mut explain_output_t, status: c_int) -> ! {
    // SAFETY: op is NULL or an object from explain_output_new with a valid vtable.
    unsafe {
        if !op.is_null() && !(*op).vtable.is_null() {
            (*op).exit_has_been_used = 1;
            if let Some(f) = (*(*op).vtable).exit {
                f(op, status);
            }
        }
        libc::exit(status)
    }
}

/// Calls the destructor of `op` and frees it; NULL does nothing.
#[no_mangle]
pub unsafe extern "C" fn explain_output_method_destructor(op: *mut explain_output_t) {
    if op.is_null() {
        return;
    }
    // SAFETY: op came from explain_output_new (malloc'd) with a valid vtable.
    unsafe {
        if !(*op).vtable.is_null() {
            if let Some(f) = (*(*op).vtable).destructor {
                f(op);
            }
        }
        libc::free(op as *mut libc::c_void);
    }
}

/// Allocates an output object of `vtable->size` bytes (malloc) bound to `vtable`.
/// Returns NULL when out of memory or when the vtable is NULL or too small.
#[no_mangle]
pub unsafe extern "C" fn explain_output_new(vtable: *const explain_output_vtable_t) -> *mut explain_output_t {
    // SAFETY: vtable is NULL or points to the program's vtable, which outlives the object.
    unsafe {
        if vtable.is_null() || ((*vtable).size as usize) < core::mem::size_of::<explain_output_t>() {
            return core::ptr::null_mut();
        }
        let op = libc::calloc(1, (*vtable).size as usize) as *mut explain_output_t;
        if !op.is_null() {
            (*op).vtable = vtable;
        }
        op
    }
}

/// Routes printed explanations to `op` (taking ownership; the previous output is
/// destroyed). NULL restores the default, stderr.
#[no_mangle]
pub unsafe extern "C" fn explain_output_register(op: *mut explain_output_t) {
    // Waits for any thread printing through the old output.
    let old = Held::output().replace(op);
    if !old.is_null() && old != op {
        // SAFETY: the previous output was registered by the program and is ours to destroy.
        unsafe { explain_output_method_destructor(old) };
    }
}

/// Sets the hanging indent, in columns, of the continuation lines of what is printed on
/// stderr (at most 8). 0 (the default) means no indent.
#[no_mangle]
pub extern "C" fn explain_option_hanging_indent_set(columns: c_int) {
    set_hanging_indent(columns);
}

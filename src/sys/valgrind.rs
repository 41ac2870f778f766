//! Valgrind's client requests: whether the process runs under Valgrind, which must see
//! no error of ours, and what Helgrind needs told about the places where we order
//! threads with std's futex-based locks and atomics, which it cannot see.
//!
//! Natively a client request is a few rotations of a register and an `xchg rbx, rbx`:
//! some cycles, no branch, no memory written, so the annotations cost the fast paths
//! nothing measurable.

/// Sends `request` with its arguments (valgrind.h's VALGRIND_DO_CLIENT_REQUEST_EXPR,
/// amd64): rotations of rdi that add up to nothing and an `xchg rbx, rbx`, which
/// natively leave every register but the flags as they were (rdx keeps `default`), and
/// which Valgrind recognises, reading the request from the block rax points to and
/// answering in rdx.
fn client_request(default: u64, request: u64, arg1: u64, arg2: u64) -> u64 {
    let block: [u64; 6] = [request, arg1, arg2, 0, 0, 0];
    let mut answer: u64 = default;
    // SAFETY: natively a no-op; under Valgrind it reads `block` and writes rdx.
    unsafe {
        core::arch::asm!(
            "rol rdi, 3", "rol rdi, 13", "rol rdi, 61", "rol rdi, 51", "xchg rbx, rbx",
            inout("rdx") answer,
            in("rax") block.as_ptr(),
            inout("rdi") 0u64 => _,
            options(nostack),
        );
    }
    answer
}

/// Valgrind's RUNNING_ON_VALGRIND.
pub fn running_on_valgrind() -> bool {
    const RUNNING_ON_VALGRIND: u64 = 0x1001;
    client_request(0, RUNNING_ON_VALGRIND, 0, 0) != 0
}

/// helgrind.h's request numbers: VG_USERREQ_TOOL_BASE('H','G') + 256 + their place in
/// its enum (an ABI Valgrind keeps).
const HG_USERSO_SEND_PRE: u64 = 0x4847_0121;
const HG_USERSO_RECV_POST: u64 = 0x4847_0122;
const HG_ARANGE_MAKE_UNTRACKED: u64 = 0x4847_0127;

/// Helgrind's VALGRIND_HG_DISABLE_CHECKING for the `len` bytes at `addr`: for memory
/// only ever accessed through atomics, whose every access is one atomic instruction and
/// cannot race, but whose plain loads and stores Helgrind cannot tell from unordered
/// ones. Call it before the memory is shared. Other tools ignore it.
pub fn atomics_only(addr: usize, len: usize) {
    client_request(0, HG_ARANGE_MAKE_UNTRACKED, addr as u64, len as u64);
}

/// Shows Helgrind the order a std lock (futex-based, which it cannot see) gives to the
/// data it guards: made just after the lock is taken, dropped just before it is
/// released (declare it after the lock's guard, so that it is dropped first). Helgrind's
/// ANNOTATE_HAPPENS_AFTER(lock) when made and ANNOTATE_HAPPENS_BEFORE(lock) when
/// dropped: what one holder wrote happens before what a later holder reads, and what
/// one holder read happens before what a later holder writes.
pub struct LockShown(u64);

impl LockShown {
    pub fn taken<T: ?Sized>(lock: &T) -> LockShown {
        let tag = lock as *const T as *const u8 as u64;
        client_request(0, HG_USERSO_RECV_POST, tag, 0);
        LockShown(tag)
    }
}

impl Drop for LockShown {
    fn drop(&mut self) {
        client_request(0, HG_USERSO_SEND_PRE, self.0, 0);
    }
}

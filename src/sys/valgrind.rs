//! Whether the process runs under Valgrind, which must see no error of ours.

/// Valgrind's RUNNING_ON_VALGRIND client request (valgrind.h, amd64): rotations of rdi
/// that add up to nothing and an `xchg rbx, rbx`, which natively leave every register
/// but the flags as they were (rdx keeps its 0), and which Valgrind recognises and
/// answers in rdx.
pub fn running_on_valgrind() -> bool {
    const RUNNING_ON_VALGRIND: u64 = 0x1001;
    let request: [u64; 6] = [RUNNING_ON_VALGRIND, 0, 0, 0, 0, 0];
    let mut answer: u64 = 0;
    // SAFETY: natively a no-op; under Valgrind it reads `request` and writes rdx.
    unsafe {
        core::arch::asm!(
            "rol rdi, 3", "rol rdi, 13", "rol rdi, 61", "rol rdi, 51", "xchg rbx, rbx",
            inout("rdx") answer,
            in("rax") request.as_ptr(),
            inout("rdi") 0u64 => _,
            options(nostack),
        );
    }
    answer != 0
}

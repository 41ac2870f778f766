//! The variadic arguments of a printf-style call, taken one by one from the cursor the
//! generated C entry points hold (src/abi/format_cursor.h): only C can call va_arg.

/// The C type of the next argument, as the format gives it (the numbers of
/// `enum libexplain_rs_class` in src/abi/format_cursor.h).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(i32)]
pub enum Class {
    Int = 0,
    Long = 1,
    LongLong = 2,
    Double = 3,
    /// Narrowed to double by the C side.
    LongDouble = 4,
    Pointer = 5,
    Size = 6,
    IntMax = 7,
    PtrDiff = 8,
    WInt = 9,
}

extern "C" {
    // src/abi/format_args.c
    fn libexplain_rs_va_next(cursor: *mut libc::c_void, class: libc::c_int) -> u64;
}

/// The next argument's bits (a double's IEEE bits; an int sign-extended).
///
/// # Safety
/// `cursor` is the cursor of a generated entry point, over the caller's arguments, and
/// the caller passed at least one more argument, of a type compatible with `class`;
/// else this reads what the ABI leaves there, as va_arg would.
pub unsafe fn next(cursor: usize, class: Class) -> u64 {
    // SAFETY: as promised by the caller.
    unsafe { libexplain_rs_va_next(cursor as *mut libc::c_void, class as libc::c_int) }
}

/// The fixed start of `struct libexplain_rs_cursor` (src/abi/format_cursor.h).
#[repr(C)]
struct Head {
    address: *const libc::c_void,
    usable: libc::c_int,
}

fn head(cursor: usize) -> Option<&'static Head> {
    // SAFETY: a non-zero cursor is the address of a struct libexplain_rs_cursor that the
    // generated C entry point holds on its stack for the whole explanation.
    (cursor != 0).then(|| unsafe { &*(cursor as *const Head) })
}

/// The caller's va_list as its echo prints it (a va_list form's `ap`).
pub fn address(cursor: usize) -> usize {
    head(cursor).map_or(0, |h| h.address as usize)
}

/// Whether the cursor's arguments may be taken: a copy made before the call.
pub fn usable(cursor: usize) -> bool {
    head(cursor).is_some_and(|h| h.usable != 0)
}

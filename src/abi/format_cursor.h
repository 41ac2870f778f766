/*
 * The variadic arguments of a printf-style call, as the generated C entry points
 * (OUT_DIR/format_entries.c, from build/variadic.rs) hand them to Rust: a copy of the
 * caller's va_list that Rust walks, one argument at a time, as the format says
 * (src/decode/format.rs), through libexplain_rs_va_next (src/abi/format_args.c).
 * Held in a struct so that a va_list of any ABI (an array on x86_64, a struct
 * elsewhere) travels by one pointer; its first two fields are read by Rust
 * (crate::sys::varargs::Head).
 */
#ifndef LIBEXPLAIN_RS_FORMAT_CURSOR_H
#define LIBEXPLAIN_RS_FORMAT_CURSOR_H

#include <stdarg.h>

struct libexplain_rs_cursor {
    /* For a va_list form, the caller's va_list as its echo prints it (`ap = 0x…`). */
    const void *address;
    /* Whether `ap` may be walked: a copy taken before the call (or a `...` form's own
     * list), never the caller's va_list after the call used it. */
    int usable;
    va_list ap;
};

/* The C type of the next argument; the same numbers as crate::sys::varargs::Class. */
enum libexplain_rs_class {
    LIBEXPLAIN_RS_INT = 0,
    LIBEXPLAIN_RS_LONG = 1,
    LIBEXPLAIN_RS_LONG_LONG = 2,
    LIBEXPLAIN_RS_DOUBLE = 3,
    LIBEXPLAIN_RS_LONG_DOUBLE = 4,
    LIBEXPLAIN_RS_POINTER = 5,
    LIBEXPLAIN_RS_SIZE = 6,
    LIBEXPLAIN_RS_INTMAX = 7,
    LIBEXPLAIN_RS_PTRDIFF = 8,
    LIBEXPLAIN_RS_WINT = 9
};

/* What the generated entry points ask of Rust (crate::abi::Delivery). */
enum libexplain_rs_how {
    LIBEXPLAIN_RS_SHARED = 0,
    LIBEXPLAIN_RS_CALLER = 1,
    LIBEXPLAIN_RS_PRINT = 2,
    LIBEXPLAIN_RS_DIE = 3
};

__attribute__((visibility("hidden")))
unsigned long long libexplain_rs_va_next(struct libexplain_rs_cursor *cursor, int cls);

/*
 * A va_list parameter as the call echo prints it (`ap = 0x7ffd…`): on x86_64 it is a
 * pointer to the caller's register save area; elsewhere the parameter's own address.
 */
#if defined(__x86_64__)
#define LIBEXPLAIN_RS_AP_ADDRESS(ap) ((const void *)(ap))
#else
#define LIBEXPLAIN_RS_AP_ADDRESS(ap) ((const void *)&(ap))
#endif

#endif

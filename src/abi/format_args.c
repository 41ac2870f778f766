/*
 * Takes the next variadic argument of a printf-style call for Rust, which cannot call
 * va_arg: the class says the C type the format gives it, the bits come back in an
 * unsigned long long (a double's as its IEEE bits). A long double is narrowed to double,
 * the widest floating type Rust has. Compiled by build.rs with the cc crate.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include "format_cursor.h"

static unsigned long long
bits_of_double(double d)
{
    unsigned long long bits;

    memcpy(&bits, &d, sizeof(bits));
    return bits;
}

unsigned long long
libexplain_rs_va_next(struct libexplain_rs_cursor *cursor, int cls)
{
    switch (cls) {
    case LIBEXPLAIN_RS_LONG:
        return (unsigned long long)va_arg(cursor->ap, long);
    case LIBEXPLAIN_RS_LONG_LONG:
        return (unsigned long long)va_arg(cursor->ap, long long);
    case LIBEXPLAIN_RS_DOUBLE:
        return bits_of_double(va_arg(cursor->ap, double));
    case LIBEXPLAIN_RS_LONG_DOUBLE:
        return bits_of_double((double)va_arg(cursor->ap, long double));
    case LIBEXPLAIN_RS_POINTER:
        return (unsigned long long)(uintptr_t)va_arg(cursor->ap, void *);
    case LIBEXPLAIN_RS_SIZE:
        return (unsigned long long)va_arg(cursor->ap, size_t);
    case LIBEXPLAIN_RS_INTMAX:
        return (unsigned long long)va_arg(cursor->ap, intmax_t);
    case LIBEXPLAIN_RS_PTRDIFF:
        return (unsigned long long)va_arg(cursor->ap, ptrdiff_t);
    case LIBEXPLAIN_RS_WINT:
        return (unsigned long long)va_arg(cursor->ap, wint_t);
    default:
        return (unsigned long long)(long long)va_arg(cursor->ap, int);
    }
}

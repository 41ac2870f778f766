/*
 * strtold(3)'s _or_die and _on_error: Rust has no long double to return through the C
 * ABI, so these two are C; they perform the call and, when it set errno, call the
 * generated Rust function (build/boundary.rs, libexplain_rs_failed_strtold) to print
 * the explanation (and exit). Compiled by build.rs with the cc crate.
 */
#include <errno.h>
#include <stdlib.h>

__attribute__((visibility("hidden")))
void libexplain_rs_failed_strtold(int errnum, int die, const char *nptr, char **endptr);

long double explain_strtold_or_die(const char *nptr, char **endptr);
long double explain_strtold_on_error(const char *nptr, char **endptr);

/* Performs strtold, told from success by errno alone: cleared before, the caller's put
 * back when the call set none. Returns the errno it set, or 0. */
static int
perform(const char *nptr, char **endptr, long double *result)
{
    int saved = errno;
    int err;

    errno = 0;
    if (nptr == NULL)
    {
        /* glibc would fault; refused as the invalid argument it is, and explained. */
        errno = EINVAL;
        *result = 0;
    }
    else
        *result = strtold(nptr, endptr);
    err = errno;
    if (err == 0)
        errno = saved;
    return err;
}

long double
explain_strtold_or_die(const char *nptr, char **endptr)
{
    long double result;
    int err = perform(nptr, endptr, &result);

    if (err != 0)
        libexplain_rs_failed_strtold(err, 1, nptr, endptr);
    return result;
}

long double
explain_strtold_on_error(const char *nptr, char **endptr)
{
    long double result;
    int err = perform(nptr, endptr, &result);

    if (err != 0)
    {
        libexplain_rs_failed_strtold(err, 0, nptr, endptr);
        errno = err;
    }
    return result;
}

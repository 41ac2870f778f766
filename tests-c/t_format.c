/*
 * The formatted output functions' variadic and va_list forms, and the conversions,
 * from a user's program: explain_printf_or_die, explain_fprintf_on_error,
 * explain_snprintf_or_die and explain_vfprintf_or_die with real arguments, on success
 * (the output written, nothing printed) and on real failures (a closed stdout,
 * /dev/full, a width beyond INT_MAX), checking the echo of the arguments and the
 * explanation; explain_strtol_or_die and explain_strtold_on_error on overflowing text.
 */
#define _GNU_SOURCE
#include <libexplain/libexplain.h>

#include <stdarg.h>
#include <wchar.h>

#include "check.h"

struct outcome {
    long result;
    int err;
};

static void
printf_to_closed_stdout(void *arg)
{
    (void)arg;
    setvbuf(stdout, NULL, _IONBF, 0);
    close(1);
    explain_printf_or_die("%d apples and %s\n", 5, "pears");
}

static void
fprintf_to_dev_full(void *arg)
{
    struct outcome *o = arg;
    FILE *fp = fopen("/dev/full", "w");

    setvbuf(fp, NULL, _IONBF, 0);
    errno = 0;
    o->result = explain_fprintf_on_error(fp, "%s=%d\n", "key", 3);
    o->err = errno;
    fclose(fp);
}

static void
fprintf_to_null(void *arg)
{
    struct outcome *o = arg;
    FILE *none = NULL;

    errno = 0;
    o->result = explain_fprintf_on_error(none, "%d\n", 1);
    o->err = errno;
}

/* A logging function of the program's own, passing its arguments on as a va_list. */
static void log_line(FILE *fp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
log_line(FILE *fp, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    explain_vfprintf_or_die(fp, fmt, ap);
    va_end(ap);
}

static void
vfprintf_to_dev_full(void *arg)
{
    FILE *fp = fopen("/dev/full", "w");

    (void)arg;
    setvbuf(fp, NULL, _IONBF, 0);
    log_line(fp, "%s: %d\n", "count", 12);
}

static void
vfprintf_unwritable_wide_character(void *arg)
{
    FILE *fp = fopen("/dev/null", "w");

    (void)arg;
    /* The program never calls setlocale: LC_CTYPE is "C", which has no é. */
    log_line(fp, "%s %lc\n", "name", (wint_t)0xe9);
}

static void
snprintf_too_wide(void *arg)
{
    /* Not a literal: the compiler would refuse the width itself. */
    static char fmt[] = "id %2147483648d";
    char buf[16];

    (void)arg;
    explain_snprintf_or_die(buf, sizeof(buf), fmt, 3);
}

static void
strtol_overflow(void *arg)
{
    (void)arg;
    explain_strtol_or_die("99999999999999999999", NULL, 10);
}

static void
strtold_overflow(void *arg)
{
    struct outcome *o = arg;

    errno = 0;
    o->result = explain_strtold_on_error("1e5000", NULL) > 0;
    o->err = errno;
}

int
main(void)
{
    struct outcome o;
    const char *text;
    char buf[32];
    int status;
    int n;

    /* Success: the call's result and output, nothing printed. */
    n = explain_snprintf_or_die(buf, sizeof(buf), "%s-%d-%c", "ab", 7, 'z');
    CHECK("explain_snprintf_or_die returns the length", n == 6, "%d", n);
    CHECK("explain_snprintf_or_die formats", strcmp(buf, "ab-7-z") == 0, "%s", buf);

    text = capture_child(printf_to_closed_stdout, NULL, &status);
    CHECK("explain_printf_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
          "status %d", status);
    CHECK("explain_printf_or_die echoes the format and its arguments",
          strstr(text, "printf(format = \"%d apples and %s\\n\", 5, \"pears\") failed, Bad file descriptor") != NULL, "%s",
          text);

    text = capture_stderr(fprintf_to_dev_full, &o);
    CHECK("explain_fprintf_on_error returns the call's result and errno", o.result < 0 && o.err == ENOSPC, "%ld %d",
          o.result, o.err);
    CHECK("explain_fprintf_on_error echoes the stream and the arguments",
          strstr(text, "\"/dev/full\", format = \"%s=%d\\n\", \"key\", 3) failed, No space left on device") != NULL,
          "%s", text);

    text = capture_stderr(fprintf_to_null, &o);
    CHECK("explain_fprintf_on_error refuses a NULL stream with EINVAL", o.result == -1 && o.err == EINVAL, "%ld %d",
          o.result, o.err);
    CHECK("explain_fprintf_on_error says the stream is NULL", strstr(text, "fp is the NULL pointer") != NULL, "%s",
          text);

    text = capture_child(vfprintf_to_dev_full, NULL, &status);
    CHECK("explain_vfprintf_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
          "status %d", status);
    CHECK("explain_vfprintf_or_die echoes the va_list's address",
          strstr(text, "vfprintf(fp = ") != NULL && strstr(text, "format = \"%s: %d\\n\", ap = 0x") != NULL, "%s", text);
    CHECK("explain_vfprintf_or_die explains ENOSPC", strstr(text, "ENOSPC") != NULL, "%s", text);

    text = capture_child(vfprintf_unwritable_wide_character, NULL, &status);
    CHECK("explain_vfprintf_or_die exits on EILSEQ", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
          "status %d", status);
    CHECK("explain_vfprintf_or_die reads its copy of the va_list for the culprit",
          strstr(text, "EILSEQ") != NULL && strstr(text, "variadic argument 2 (%lc)") != NULL &&
              strstr(text, "U+00E9") != NULL,
          "%s", text);

    text = capture_child(snprintf_too_wide, NULL, &status);
    CHECK("explain_snprintf_or_die exits on EOVERFLOW", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
          "status %d", status);
    CHECK("explain_snprintf_or_die names the field and INT_MAX",
          strstr(text, "EOVERFLOW") != NULL && strstr(text, "\"%2147483648d\"") != NULL && strstr(text, "INT_MAX") != NULL,
          "%s", text);

    text = capture_child(strtol_overflow, NULL, &status);
    CHECK("explain_strtol_or_die exits on ERANGE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d",
          status);
    CHECK("explain_strtol_or_die names the text and LONG_MAX",
          strstr(text, "strtol(nptr = \"99999999999999999999\", endptr = NULL, base = 10) failed") != NULL &&
              strstr(text, "LONG_MAX (9223372036854775807)") != NULL,
          "%s", text);

    text = capture_stderr(strtold_overflow, &o);
    CHECK("explain_strtold_on_error returns HUGE_VALL with ERANGE", o.result == 1 && o.err == ERANGE, "%ld %d", o.result,
          o.err);
    CHECK("explain_strtold_on_error names LDBL_MAX", strstr(text, "LDBL_MAX") != NULL, "%s", text);

    return finish("t_format");
}

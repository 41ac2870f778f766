/*
 * explain_open and its five siblings, from a user's program: what is printed and
 * where, errno, the caller's buffer at every size, NULL and bad pointers, the
 * program name, and which library was loaded.
 */
#include <libexplain/libexplain.h>

#include "check.h"

#define MISSING "/nonexistent-tests-c/file"

/* A short path (so it is never shortened by quoting) with 2-, 3- and 4-byte UTF-8. */
#define MULTIBYTE "/tmp/\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e-x/\xc3\xa9\xc3\xa9"

static void
or_die(void *arg)
{
    (void)arg;
    explain_open_or_die(MISSING, O_RDONLY, 0);
}

static void
on_error(void *arg)
{
    int *result = arg;

    errno = 0;
    result[0] = explain_open_on_error(MISSING, O_RDONLY, 0);
    result[1] = errno;
}

/* Whether the n bytes at s are valid UTF-8 (no sequence cut short). */
static int
valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t len = s[i] < 0x80 ? 1 : (s[i] >> 5) == 6 ? 2 : (s[i] >> 4) == 14 ? 3 : (s[i] >> 3) == 30 ? 4 : 0;
        size_t k;

        if (len == 0 || i + len > n)
            return 0;
        for (k = 1; k < len; k++)
            if ((s[i + k] & 0xc0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

static void
test_version(void)
{
    const char *v = explain_rs_version();

    CHECK("explain_rs_version names this implementation", v && starts_with(v, "libexplain-rs "), "got %s", v ? v : "NULL");
}

static void
test_or_die(void)
{
    int status;
    const char *err = capture_child(or_die, NULL, &status);

    CHECK("open_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("open_or_die prints program name then the call", starts_with(err, "t_open: open(pathname = \"" MISSING "\""), "stderr: %s", err);
    CHECK("open_or_die names ENOENT", strstr(err, "ENOENT") != NULL, "stderr: %s", err);
    CHECK("open_or_die ends its line", strlen(err) > 0 && err[strlen(err) - 1] == '\n', "stderr: %s", err);
}

static void
test_on_error(void)
{
    int result[2];
    const char *err = capture_stderr(on_error, result);

    CHECK("open_on_error returns -1", result[0] == -1, "got %d", result[0]);
    CHECK("open_on_error leaves errno ENOENT", result[1] == ENOENT, "errno %d", result[1]);
    CHECK("open_on_error prints the explanation", starts_with(err, "t_open: open(pathname = ") && strstr(err, "ENOENT"), "stderr: %s", err);
}

static void
test_message_sizes(void)
{
    char full[4096];
    char buf[4096 + 16];
    size_t len;
    int n;
    int bad = 0;

    explain_message_errno_open(full, sizeof(full), ENOENT, MULTIBYTE, O_RDONLY, 0);
    len = strlen(full);
    CHECK("message carries the multibyte path unchanged", strstr(full, MULTIBYTE) != NULL, "got %s", full);

    memset(buf, 'Z', sizeof(buf));
    explain_message_errno_open(buf, 0, ENOENT, MULTIBYTE, O_RDONLY, 0);
    CHECK("message_size 0 writes nothing", buf[0] == 'Z', "buf[0] = %#x", buf[0]);
    explain_message_errno_open(buf, -1, ENOENT, MULTIBYTE, O_RDONLY, 0);
    CHECK("message_size -1 writes nothing", buf[0] == 'Z', "buf[0] = %#x", buf[0]);
    explain_message_errno_open(buf, -100000, ENOENT, MULTIBYTE, O_RDONLY, 0);
    CHECK("message_size -100000 writes nothing", buf[0] == 'Z', "buf[0] = %#x", buf[0]);
    errno = EXDEV;
    explain_message_errno_open(NULL, 100, ENOENT, MULTIBYTE, O_RDONLY, 0);
    CHECK("NULL message with a size is ignored", errno == EXDEV, "errno %d", errno);
    explain_message_errno_open(buf, 1, ENOENT, MULTIBYTE, O_RDONLY, 0);
    CHECK("message_size 1 writes only the NUL", buf[0] == '\0' && buf[1] == 'Z', "buf = %#x %#x", buf[0], buf[1]);

    /* Every size from 1 to the full length + 1: NUL-terminated within the size, nothing
     * written past it, a prefix of the full message, never a cut UTF-8 sequence, and no
     * more than a partial character dropped. */
    for (n = 1; n <= (int)len + 1; n++) {
        size_t got;

        memset(buf, 'Z', sizeof(buf));
        explain_message_errno_open(buf, n, ENOENT, MULTIBYTE, O_RDONLY, 0);
        got = strnlen(buf, n);
        size_t want = (size_t)n - 1 < len ? (size_t)n - 1 : len;

        if (got >= (size_t)n || buf[n] != 'Z' || strncmp(buf, full, got) != 0 || !valid_utf8((unsigned char *)buf, got) ||
            got + 3 < want) {
            if (bad++ < 3)
                printf("  size %d: got %zu bytes: %s\n", n, got, buf);
        }
        if (n == (int)len + 1 && strcmp(buf, full) != 0)
            bad++;
    }
    CHECK("every message_size truncates safely", bad == 0, "%d sizes wrong", bad);
}

static void
test_errno_preserved(void)
{
    char buf[1024];
    const char *m;

    errno = EXDEV;
    m = explain_open(MISSING, O_RDONLY, 0);
    CHECK("explain_open leaves errno alone", errno == EXDEV, "errno %d", errno);
    CHECK("explain_open explains the current errno", strstr(m, "EXDEV") != NULL, "got %s", m);
    errno = EXDEV;
    m = explain_errno_open(ENOENT, MISSING, O_RDONLY, 0);
    CHECK("explain_errno_open leaves errno alone", errno == EXDEV, "errno %d", errno);
    CHECK("explain_errno_open explains errnum", strstr(m, "ENOENT") != NULL, "got %s", m);
    errno = EXDEV;
    explain_message_open(buf, sizeof(buf), MISSING, O_RDONLY, 0);
    CHECK("explain_message_open leaves errno alone", errno == EXDEV, "errno %d", errno);
    errno = EXDEV;
    explain_message_errno_open(buf, sizeof(buf), ENOENT, MISSING, O_RDONLY, 0);
    CHECK("explain_message_errno_open leaves errno alone", errno == EXDEV, "errno %d", errno);
}

static void
test_bad_pointers(void)
{
    char buf[1024];

    explain_message_errno_open(buf, sizeof(buf), EFAULT, NULL, O_RDONLY, 0);
    CHECK("NULL pathname is shown as NULL", starts_with(buf, "open(pathname = NULL"), "got %s", buf);
    CHECK("NULL pathname message names EFAULT", strstr(buf, "EFAULT") != NULL, "got %s", buf);
    explain_message_errno_open(buf, sizeof(buf), EFAULT, (const char *)16, O_RDONLY, 0);
    CHECK("pointer 16 is shown as an address", starts_with(buf, "open(pathname = 0x10"), "got %s", buf);
    CHECK("pointer 16 message names EFAULT", strstr(buf, "EFAULT") != NULL, "got %s", buf);
}

static void
print_missing(void *arg)
{
    (void)arg;
    if (explain_open_on_error(MISSING, O_RDONLY, 0) >= 0)
        fprintf(stderr, "unexpected success\n");
}

static void
test_program_name(void)
{
    const char *err;

    err = capture_stderr(print_missing, NULL);
    CHECK("default prefix is the program's own name", starts_with(err, "t_open: open("), "stderr: %s", err);
    explain_program_name_set("/some/dir/prog");
    CHECK("program_name_get gives the last component", strcmp(explain_program_name_get(), "prog") == 0, "got %s", explain_program_name_get());
    err = capture_stderr(print_missing, NULL);
    CHECK("program_name_set keeps the last component", starts_with(err, "prog: open("), "stderr: %s", err);
    explain_program_name_assemble(0);
    err = capture_stderr(print_missing, NULL);
    CHECK("program_name_assemble(0) drops the prefix", starts_with(err, "open(pathname"), "stderr: %s", err);
    explain_program_name_assemble(1);
    explain_program_name_set(NULL);
    err = capture_stderr(print_missing, NULL);
    CHECK("program_name_set(NULL) restores the own name", starts_with(err, "t_open: open("), "stderr: %s", err);
}

static void
test_hanging_indent(void)
{
    const char *err;
    const char *nl;
    int lines = 0;
    int ok = 1;

    explain_option_hanging_indent_set(4);
    err = capture_stderr_lines(print_missing, NULL);
    explain_option_hanging_indent_set(0);
    for (nl = strchr(err, '\n'); nl && nl[1]; nl = strchr(nl + 1, '\n')) {
        lines++;
        if (strncmp(nl + 1, "    ", 4) != 0 || nl[5] == ' ')
            ok = 0;
    }
    CHECK("hanging indent wraps the message", lines >= 1, "stderr: %s", err);
    CHECK("continuation lines start with 4 spaces", ok, "stderr: %s", err);
    for (nl = err; *nl; nl = strchr(nl, '\n') + 1)
        if (strchr(nl, '\n') - nl > 75)
            ok = 0;
    CHECK("wrapped lines fit in 75 columns, as libexplain fills them", ok, "stderr: %s", err);
}

int
main(void)
{
    test_version();
    test_or_die();
    test_on_error();
    test_message_sizes();
    test_errno_preserved();
    test_bad_pointers();
    test_program_name();
    test_hanging_indent();
    return finish("t_open");
}

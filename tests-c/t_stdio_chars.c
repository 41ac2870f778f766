/*
 * The inline forms of <libexplain/getc.h>, <libexplain/putc.h>, <libexplain/getchar.h>
 * and <libexplain/putchar.h>, as a user's program uses them: the call is made in the
 * program, and only a failure reaches the library (explain_NAME_FORM_failed), which
 * prints the explanation and exits (or_die) or returns (on_error).
 */
#define _GNU_SOURCE
#include <libexplain/libexplain.h>

#include <dlfcn.h>

#include "check.h"

static char path[] = "/tmp/t_stdio_chars-XXXXXX";

static void
getc_on_write_only(void *arg)
{
    FILE *fp = fopen(path, "w");

    (void)arg;
    (void)explain_getc_or_die(fp);
    _exit(0);
}

static void
getchar_on_write_only_stdin(void *arg)
{
    int fd = open(path, O_WRONLY);

    (void)arg;
    dup2(fd, 0);
    (void)explain_getchar_or_die();
    _exit(0);
}

static void
putchar_to_dev_full(void *arg)
{
    int fd = open("/dev/full", O_WRONLY);

    (void)arg;
    dup2(fd, 1);
    setvbuf(stdout, NULL, _IONBF, 0);
    explain_putchar_or_die('x');
    _exit(0);
}

static void
putc_on_read_only(void *arg)
{
    int *result = arg;
    FILE *fp = fopen(path, "r");

    errno = 0;
    result[0] = explain_putc_on_error('q', fp);
    result[1] = errno;
    fclose(fp);
}

int
main(void)
{
    int status, c1, c2, c3, result[2];
    const char *err;
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w+");

    /* The inline forms are the header's: the library exports only their failure half. */
    CHECK("explain_getc_or_die is not a library symbol", dlsym(RTLD_DEFAULT, "explain_getc_or_die") == NULL, "found");
    CHECK("explain_putc_on_error_failed is a library symbol", dlsym(RTLD_DEFAULT, "explain_putc_on_error_failed") != NULL, "missing");

    /* Success prints nothing and returns what getc and putc return. */
    explain_putc_or_die('a', fp);
    CHECK("putc_on_error returns the character", explain_putc_on_error('b', fp) == 'b', "not b");
    rewind(fp);
    c1 = explain_getc_or_die(fp);
    c2 = explain_getc_or_die(fp);
    c3 = explain_getc_or_die(fp);
    CHECK("getc_or_die reads back what putc_or_die wrote, and EOF at the end", c1 == 'a' && c2 == 'b' && c3 == EOF, "%d %d %d", c1, c2, c3);
    fclose(fp);

    err = capture_child(getc_on_write_only, NULL, &status);
    CHECK("getc_or_die on a write-only stream exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("getc_or_die explains getc", strstr(err, "getc(fp = 0x") != NULL && strstr(err, "opened for writing only") != NULL, "stderr: %s", err);

    err = capture_child(getchar_on_write_only_stdin, NULL, &status);
    CHECK("getchar_or_die on a write-only stdin exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("getchar_or_die echoes stdin's path", strstr(err, "getchar( \"/tmp/t_stdio_chars-") != NULL && strstr(err, "stdin is a stream on file descriptor 0") != NULL, "stderr: %s", err);

    err = capture_child(putchar_to_dev_full, NULL, &status);
    CHECK("putchar_or_die to /dev/full exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("putchar_or_die echoes stdout", strstr(err, "putchar(c = 'x', fp = stdout \"/dev/full\") failed") != NULL && strstr(err, "ENOSPC") != NULL, "stderr: %s", err);

    err = capture_stderr(putc_on_read_only, result);
    CHECK("putc_on_error returns EOF with the call's EBADF", result[0] == EOF && result[1] == EBADF, "%d %d", result[0], result[1]);
    CHECK("putc_on_error says the stream is read-only", strstr(err, "putc(c = 'q', fp = 0x") != NULL && strstr(err, "opened for reading only") != NULL, "stderr: %s", err);

    unlink(path);
    return finish("t_stdio_chars");
}

/*
 * A minimal test harness for the C tests: CHECK prints one line per assertion and
 * counts; finish() prints "NAME: N passed, N failed" (read by run.sh) and returns the
 * exit status.
 */
#ifndef TESTS_C_CHECK_H
#define TESTS_C_CHECK_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int check_passed, check_failed;

#define CHECK(name, cond, ...)                                                  \
    do {                                                                        \
        if (cond) {                                                             \
            check_passed++;                                                     \
            printf("ok   %s\n", (name));                                        \
        } else {                                                                \
            check_failed++;                                                     \
            printf("FAIL %s (%s:%d): ", (name), __FILE__, __LINE__);            \
            printf(__VA_ARGS__);                                                \
            printf("\n");                                                       \
        }                                                                       \
        fflush(stdout);                                                         \
    } while (0)

__attribute__((unused)) static int
finish(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* Whether s starts with prefix. */
__attribute__((unused)) static int
starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * The library lays out what it prints on stderr in 75-column lines, as libexplain does:
 * joins each line break and the indent after it back into one space, so that tests can
 * look for a phrase wherever the lines were broken (the layout has a test of its own).
 */
__attribute__((unused)) static const char *
joined(char *text)
{
    char *from = text, *to = text;

    while (*from) {
        if (*from == '\n' && from[1] != '\0') {
            *to++ = ' ';
            for (from++; *from == ' '; from++)
                ;
        } else {
            *to++ = *from++;
        }
    }
    *to = '\0';
    return text;
}

/*
 * Runs fn(arg) with stderr redirected to a temporary file; returns what was written
 * there as it was laid out (static buffer, NUL-terminated).
 */
__attribute__((unused)) static char *
capture_stderr_lines(void (*fn)(void *), void *arg)
{
    static char text[16384];
    char name[] = "/tmp/tests-c-stderr-XXXXXX";
    int fd = mkstemp(name);
    int saved = dup(2);
    ssize_t n;

    if (fd < 0 || saved < 0) {
        perror("capture_stderr");
        exit(2);
    }
    unlink(name);
    fflush(stderr);
    dup2(fd, 2);
    fn(arg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    n = pread(fd, text, sizeof(text) - 1, 0);
    text[n > 0 ? n : 0] = '\0';
    close(fd);
    return text;
}

/* The same, lines joined. */
__attribute__((unused)) static const char *
capture_stderr(void (*fn)(void *), void *arg)
{
    return joined(capture_stderr_lines(fn, arg));
}

/*
 * Runs fn(arg) in a child process with stderr captured (lines joined); stores the
 * child's wait status.
 */
__attribute__((unused)) static const char *
capture_child(void (*fn)(void *), void *arg, int *status)
{
    static char text[16384];
    char name[] = "/tmp/tests-c-child-XXXXXX";
    int fd = mkstemp(name);
    pid_t pid;
    ssize_t n;

    if (fd < 0) {
        perror("capture_child");
        exit(2);
    }
    unlink(name);
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        dup2(fd, 2);
        fn(arg);
        _exit(99);
    }
    waitpid(pid, status, 0);
    n = pread(fd, text, sizeof(text) - 1, 0);
    text[n > 0 ? n : 0] = '\0';
    close(fd);
    return joined(text);
}

#endif

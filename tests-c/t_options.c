/*
 * EXPLAIN_OPTIONS, read once per process: each case re-runs this program with the
 * variable set and checks what it printed.
 */
#include <libexplain/libexplain.h>

#include "check.h"

#define MISSING "/nonexistent-tests-c/file"

/* The child's part: print one explanation on stderr. */
static int
child(const char *which)
{
    int fd = -1;

    if (strcmp(which, "missing") == 0)
        fd = explain_open_on_error(MISSING, O_RDONLY, 0);
    else if (strcmp(which, "create") == 0)
        fd = explain_open_on_error(MISSING, O_WRONLY | O_CREAT, 0600);
    if (fd >= 0)
        fprintf(stderr, "unexpected success\n");
    return 0;
}

/* Runs "self CASE" with EXPLAIN_OPTIONS=options; returns its stderr. */
static const char *
run(const char *options, const char *which)
{
    static char text[16384];
    char name[] = "/tmp/tests-c-options-XXXXXX";
    int fd = mkstemp(name);
    int status;
    ssize_t n;
    pid_t pid;

    unlink(name);
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        char *argv[] = { "t_options", (char *)which, NULL };

        dup2(fd, 2);
        alarm(60); /* a deadlock fails the case instead of hanging the run */
        setenv("EXPLAIN_OPTIONS", options, 1);
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    n = pread(fd, text, sizeof(text) - 1, 0);
    text[n > 0 ? n : 0] = '\0';
    close(fd);
    return text;
}

static int
count(const char *hay, const char *needle)
{
    int n = 0;

    for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
        n++;
    return n;
}

int
main(int argc, char **argv)
{
    const char *err;

    if (argc > 1)
        return child(argv[1]);

    err = run("", "missing");
    CHECK("by default the errno number is shown", strstr(err, "(2, ENOENT)") != NULL, "stderr: %s", err);
    err = run("numeric-errno=no", "missing");
    CHECK("numeric-errno=no gives (ENOENT)", strstr(err, "(ENOENT)") != NULL && !strstr(err, "(2, ENOENT)"), "stderr: %s", err);
    err = run("program-name=no", "missing");
    CHECK("program-name=no drops the prefix", starts_with(err, "open(pathname"), "stderr: %s", err);
    err = run("", "create");
    CHECK("by default the mode is octal", strstr(err, "mode = 0600") != NULL, "stderr: %s", err);
    err = run("symbolic-mode-bits=yes", "create");
    CHECK("symbolic-mode-bits=yes prints S_IRUSR | S_IWUSR", strstr(err, "mode = S_IRUSR | S_IWUSR") != NULL, "stderr: %s", err);
    err = run("no-such-option=1,numeric-errno=no", "missing");
    CHECK("an unknown option is reported once", count(err, "no-such-option") == 1, "stderr: %s", err);
    CHECK("the other options still apply", strstr(err, "(ENOENT)") != NULL && !strstr(err, "(2, ENOENT)"), "stderr: %s", err);
    err = run("hanging-indent=4", "missing");
    {
        const char *nl = strchr(err, '\n');

        CHECK("hanging-indent=4 wraps with 4-space continuation lines", nl && nl[1] && strncmp(nl + 1, "    ", 4) == 0 && nl[5] != ' ', "stderr: %s", err);
    }
    return finish("t_options");
}

/*
 * The stream calls' extras and _or_die forms as a program uses them: a command run with
 * popen whose status explain_pclose_success_or_die reads (exit 3, SIGTERM, success), and
 * explain_fdopen_or_die on a pipe's read end asked for writing.
 */
#define _GNU_SOURCE
#include <libexplain/libexplain.h>

#include <signal.h>

#include "check.h"

static void
pclose_exit_3(void *arg)
{
    (void)arg;
    explain_pclose_success_or_die(explain_popen_or_die("exit 3", "r"));
}

static void
pclose_sigterm(void *arg)
{
    (void)arg;
    explain_pclose_success_or_die(explain_popen_or_die("kill -TERM $$", "r"));
}

static void
pclose_ok(void *arg)
{
    (void)arg;
    explain_pclose_success_or_die(explain_popen_or_die("true", "r"));
}

static void
pclose_sigchld_ignored(void *arg)
{
    (void)arg;
    signal(SIGCHLD, SIG_IGN);
    explain_pclose_success_or_die(explain_popen_or_die("true", "r"));
}

static void
fdopen_read_end_for_writing(void *arg)
{
    int fds[2];

    (void)arg;
    if (pipe(fds) != 0)
        _exit(2);
    explain_fdopen_or_die(fds[0], "w");
}

static void
fdopen_ok(void *arg)
{
    int fds[2];
    FILE *fp;

    (void)arg;
    if (pipe(fds) != 0)
        _exit(2);
    fp = explain_fdopen_or_die(fds[1], "w");
    explain_fclose_or_die(fp);
}

int
main(void)
{
    int status;
    const char *text;

    text = capture_child(pclose_exit_3, NULL, &status);
    CHECK("pclose_success_or_die exits on a command's status 3", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("pclose_success_or_die reads exit status 3", strstr(text, "pclose(fp = 0x") && strstr(text, "exited with status 3") != NULL, "%s", text);

    text = capture_child(pclose_sigterm, NULL, &status);
    CHECK("pclose_success_or_die exits on a killed command", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("pclose_success_or_die names the signal", strstr(text, "SIGTERM (15") != NULL, "%s", text);

    text = capture_child(pclose_ok, NULL, &status);
    CHECK("pclose_success_or_die is silent on status 0", WIFEXITED(status) && WEXITSTATUS(status) == 99 && text[0] == '\0', "status %d: %s", status, text);

    text = capture_child(pclose_sigchld_ignored, NULL, &status);
    CHECK("pclose_success_or_die dies of ECHILD", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("pclose ECHILD says SIGCHLD is ignored", strstr(text, "ECHILD") && strstr(text, "ignores SIGCHLD") != NULL, "%s", text);

    text = capture_child(fdopen_read_end_for_writing, NULL, &status);
    CHECK("fdopen_or_die exits on a mode the descriptor lacks", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("fdopen_or_die says the descriptor is read-only", strstr(text, "fdopen(fildes = ") && strstr(text, "is open O_RDONLY") != NULL, "%s", text);

    text = capture_child(fdopen_ok, NULL, &status);
    CHECK("fdopen_or_die succeeds silently", WIFEXITED(status) && WEXITSTATUS(status) == 99 && text[0] == '\0', "status %d: %s", status, text);

    return finish("t_streams");
}

/*
 * The per-thread context stack (context.h) shown before printed messages, and the exit
 * status printed at exit (exit.h).
 */
#include <libexplain/libexplain.h>
#include <pthread.h>

#include "check.h"

#define MISSING "/nonexistent-tests-c/map.conf"

static void
open_missing(void *arg)
{
    (void)arg;
    if (explain_open_on_error(MISSING, O_RDONLY, 0) >= 0)
        fprintf(stderr, "unexpected success\n");
}

static void
plain_message(void *arg)
{
    explain_output_message(arg);
}

static void *
other_thread(void *arg)
{
    static char seen[4096];

    (void)arg;
    explain_context_push("worker");
    snprintf(seen, sizeof(seen), "%s", capture_stderr(plain_message, "tick"));
    explain_context_pop();
    return seen;
}

static void
exit_with(void *arg)
{
    const int *how = arg;

    if (how[0] == 1)
        explain_exit_on_exit();
    else if (how[0] == 2)
        explain_exit_on_error();
    else {
        explain_exit_on_exit();
        explain_exit_cancel();
    }
    exit(how[1]);
}

static void
check_exit(const char *name, int mode, int code, const char *want)
{
    int how[2] = { mode, code };
    int status;
    const char *err = capture_child(exit_with, how, &status);

    CHECK(name, WIFEXITED(status) && WEXITSTATUS(status) == code && strcmp(err, want) == 0, "status %#x, stderr \"%s\"", status, err);
}

int
main(void)
{
    const char *err;
    void *seen;
    pthread_t t;

    explain_context_push("reload configuration");
    explain_context_pushf("load map %s", "/etc/app/map.conf");
    err = capture_stderr(open_missing, NULL);
    CHECK("an explanation shows the labels, outermost first, after the program name",
          starts_with(err, "t_context: reload configuration: load map /etc/app/map.conf: open(pathname = \"" MISSING "\""), "stderr: %s", err);
    err = capture_stderr(plain_message, "plain text");
    CHECK("explain_output_message shows them too", strcmp(err, "reload configuration: load map /etc/app/map.conf: plain text\n") == 0, "stderr: %s", err);

    pthread_create(&t, NULL, other_thread, NULL);
    pthread_join(t, &seen);
    CHECK("another thread shows only its own labels", strcmp(seen, "worker: tick\n") == 0, "stderr: %s", (char *)seen);

    explain_context_pop();
    err = capture_stderr(plain_message, "after one pop");
    CHECK("a pop removes the innermost label", strcmp(err, "reload configuration: after one pop\n") == 0, "stderr: %s", err);
    explain_context_pop();
    explain_context_pop();
    err = capture_stderr(plain_message, "none");
    CHECK("popping an empty stack does nothing", strcmp(err, "none\n") == 0, "stderr: %s", err);

    {
        char message[4096];

        explain_context_push("not in returned text");
        explain_message_errno_open(message, sizeof(message), ENOENT, MISSING, O_RDONLY, 0);
        CHECK("explain_message_* text has no context", starts_with(message, "open(pathname"), "%s", message);
        explain_context_pop();
    }

    check_exit("exit_on_exit prints EXIT_SUCCESS", 1, 0, "t_context: exit status EXIT_SUCCESS\n");
    check_exit("exit_on_exit prints another status with its value", 1, 3, "t_context: exit status EXIT_FAILURE (3)\n");
    check_exit("exit_on_error is silent on success", 2, 0, "");
    check_exit("exit_on_error prints EXIT_FAILURE", 2, 1, "t_context: exit status EXIT_FAILURE\n");
    check_exit("exit_cancel undoes exit_on_exit", 3, 2, "");
    return finish("t_context");
}

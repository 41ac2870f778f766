/*
 * The process calls as a daemon uses them: fork, waitpid,
 * execvp and system through their _or_die forms, and getgrouplist's, which glibc fails
 * without setting errno. Success returns the call's result and
 * prints nothing; each failure is a real failing state built in a forked child whose
 * stderr is captured: the child exits with EXIT_FAILURE and the text names the culprit.
 */
#define _GNU_SOURCE
/* The call headers one by one, as a program that uses only these includes them. */
#include <libexplain/execvp.h>
#include <libexplain/fork.h>
#include <libexplain/getgrouplist.h>
#include <libexplain/system.h>
#include <libexplain/waitpid.h>

#include <sys/resource.h>

#include "check.h"

/* As user 65534 with RLIMIT_NPROC 1: that user already has this process. */
static void
fork_over_nproc(void *arg)
{
    struct rlimit one = { 1, 1 };

    (void)arg;
    if (setrlimit(RLIMIT_NPROC, &one) != 0 || setresuid(65534, 65534, 65534) != 0) {
        perror("setting up the limit");
        _exit(98);
    }
    if (explain_fork_or_die() == 0)
        _exit(97); /* the fork was not refused: the check on the status fails */
}

/* Pid 1 is nobody's child but the kernel's. */
static void
waitpid_init(void *arg)
{
    int status;

    (void)arg;
    explain_waitpid_or_die(1, &status, 0);
}

/* A program name that is on no PATH directory, with a PATH of our choosing. */
static void
execvp_missing(void *arg)
{
    char *argv[] = { "no-such-program-tests-c", NULL };

    (void)arg;
    setenv("PATH", "/usr/bin:/bin", 1);
    explain_execvp_or_die(argv[0], argv);
}

/* Room for no group: glibc returns -1 and leaves errno alone. */
static void
grouplist_no_room(void *arg)
{
    gid_t groups[1];
    int ngroups = 0;

    (void)arg;
    errno = 0;
    explain_getgrouplist_or_die("root", 0, groups, &ngroups);
}

static void
system_command(void *arg)
{
    explain_system_success_or_die(arg);
}

static void
system_success(void *arg)
{
    int *status = arg;

    *status = explain_system_success("exit 3");
}

int
main(void)
{
    const char *text;
    int status = 0;
    pid_t pid, waited;

    /* Success: fork returns the child's pid in the parent and 0 in the child; waitpid
     * returns that pid and the child's status. */
    fflush(NULL);
    pid = explain_fork_or_die();
    if (pid == 0)
        _exit(7);
    CHECK("fork returns the child's pid", pid > 0, "pid %d", (int)pid);
    waited = explain_waitpid_or_die(pid, &status, 0);
    CHECK("waitpid returns the child's pid", waited == pid, "waited %d, pid %d", (int)waited, (int)pid);
    CHECK("waitpid stores the child's status", WIFEXITED(status) && WEXITSTATUS(status) == 7,
        "status %#x", status);

    /* Success: execvp replaces the child with the program found on PATH. */
    fflush(NULL);
    pid = explain_fork_or_die();
    if (pid == 0) {
        char *argv[] = { "sh", "-c", "exit 5", NULL };

        explain_execvp_or_die("sh", argv);
        _exit(99);
    }
    waited = explain_waitpid_or_die(pid, &status, 0);
    CHECK("execvp runs the program found on PATH", waited == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
        "waited %d, status %#x", (int)waited, status);

    /* Success: system_success_or_die on a command that exits 0 returns, silent. */
    text = capture_stderr(system_command, "exit 0");
    CHECK("system_success_or_die(\"exit 0\") returns and prints nothing", text[0] == '\0', "stderr: %s", text);
    text = capture_stderr(system_success, &status);
    CHECK("system_success returns the command's wait status", WIFEXITED(status) && WEXITSTATUS(status) == 3,
        "status %#x", status);
    CHECK("  and says why it was not a success", strstr(text, "success, but the command exited with status 3"),
        "%s", text);

    /* fork refused by RLIMIT_NPROC. */
    text = capture_child(fork_over_nproc, NULL, &status);
    CHECK("fork_or_die over RLIMIT_NPROC exits EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
        "status %#x, stderr: %s", status, text);
    CHECK("  and says fork failed with EAGAIN", strstr(text, "fork() failed,") && strstr(text, "EAGAIN"), "%s", text);
    CHECK("  names the user", strstr(text, "the real user") && strstr(text, "(uid 65534)"), "%s", text);
    CHECK("  names the limit and its value", strstr(text, "RLIMIT_NPROC is 1"), "%s", text);

    /* waitpid on a process that is not our child. */
    text = capture_child(waitpid_init, NULL, &status);
    CHECK("waitpid_or_die(1) exits EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
        "status %#x, stderr: %s", status, text);
    CHECK("  with ECHILD", strstr(text, "waitpid(pid = 1") && strstr(text, "ECHILD"), "%s", text);
    CHECK("  says pid 1 is not our child and names its parent",
        strstr(text, "is not a child of this process: its parent is the kernel (pid 0)"), "%s", text);

    /* execvp of a name on no PATH directory. */
    text = capture_child(execvp_missing, NULL, &status);
    CHECK("execvp_or_die of a missing program exits EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
        "status %#x, stderr: %s", status, text);
    CHECK("  with ENOENT", strstr(text, "execvp(pathname = \"no-such-program-tests-c\"") && strstr(text, "ENOENT"),
        "%s", text);
    CHECK("  lists the PATH directories searched", strstr(text, "(\"/usr/bin\", \"/bin\")"), "%s", text);

    /* system_success_or_die on a command that exits 3. */
    text = capture_child(system_command, "exit 3", &status);
    CHECK("system_success_or_die(\"exit 3\") exits EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
        "status %#x, stderr: %s", status, text);
    CHECK("  echoes the command", strstr(text, "system(command = \"exit 3\")"), "%s", text);
    CHECK("  says the command exited with status 3", strstr(text, "the command exited with status 3"), "%s", text);

    /* getgrouplist_or_die with *ngroups too small: an explanation, never "Success". */
    text = capture_child(grouplist_no_room, NULL, &status);
    CHECK("getgrouplist_or_die with no room exits EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE,
        "status %#x, stderr: %s", status, text);
    CHECK("  gives the failure an errno (EINVAL), not Success", strstr(text, "(22, EINVAL)") && !strstr(text, "Success"), "%s", text);
    CHECK("  says the array had room for fewer than *ngroups now holds", strstr(text, "stores in *ngroups the number of groups it found, so the array given had room for fewer"), "%s", text);

    return finish("t_process");
}

/*
 * The descriptor and I/O calls from a user's program: _or_die exits with the
 * explanation, _on_error returns the call's own result and errno, success prints
 * nothing (lseek, fcntl, pipe, dup2, readv, flock).
 */
#define _GNU_SOURCE
#include <libexplain/libexplain.h>

#include <sys/file.h>
#include <sys/resource.h>
#include <sys/uio.h>

#include "check.h"

static int pipefd[2];

static void
lseek_on_error(void *arg)
{
    long *result = arg;

    errno = 0;
    result[0] = explain_lseek_on_error(pipefd[0], 10, SEEK_SET);
    result[1] = errno;
}

static void
fcntl_pipe_size(void *arg)
{
    int *result = arg;

    errno = 0;
    result[0] = explain_fcntl_on_error(pipefd[1], F_GETPIPE_SZ, 0);
    result[1] = errno;
}

static void
write_lock_or_die(void *arg)
{
    struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

    (void)arg;
    explain_fcntl_or_die(pipefd[0], F_SETLK, (long)&lock);
}

static void
dup2_or_die(void *arg)
{
    struct rlimit limit;

    (void)arg;
    getrlimit(RLIMIT_NOFILE, &limit);
    explain_dup2_or_die(0, (int)limit.rlim_cur);
}

static void
readv_on_error(void *arg)
{
    static struct iovec iov[2000];
    long *result = arg;

    errno = 0;
    result[0] = explain_readv_on_error(pipefd[0], iov, 2000);
    result[1] = errno;
}

static void
flock_on_error(void *arg)
{
    int *result = arg;

    errno = 0;
    result[0] = explain_flock_on_error(pipefd[0], LOCK_SH | LOCK_EX);
    result[1] = errno;
}

int
main(void)
{
    long lresult[2];
    int iresult[2];
    int status;
    const char *err;

    explain_pipe_or_die(pipefd);
    CHECK("pipe_or_die returns two descriptors", pipefd[0] >= 0 && pipefd[1] >= 0, "%d %d", pipefd[0], pipefd[1]);

    err = capture_stderr(lseek_on_error, lresult);
    CHECK("lseek_on_error returns -1 with ESPIPE", lresult[0] == -1 && lresult[1] == ESPIPE, "%ld %ld", lresult[0], lresult[1]);
    CHECK("lseek_on_error says the descriptor is a pipe", strstr(err, "is a pipe, which has no file offset") != NULL, "stderr: %s", err);

    err = capture_stderr(fcntl_pipe_size, iresult);
    CHECK("fcntl_on_error returns F_GETPIPE_SZ's capacity", iresult[0] > 0 && iresult[1] == 0, "%d %d", iresult[0], iresult[1]);
    CHECK("fcntl_on_error prints nothing on success", err[0] == '\0', "stderr: %s", err);

    err = capture_child(write_lock_or_die, NULL, &status);
    CHECK("fcntl_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("fcntl_or_die echoes the struct flock", strstr(err, "data = { l_type = F_WRLCK, l_whence = SEEK_SET, l_start = 0, l_len = 0, l_pid = 0 }") != NULL, "stderr: %s", err);
    CHECK("fcntl_or_die says a write lock needs a writable descriptor", strstr(err, "a write lock (F_WRLCK) needs a descriptor open for writing") != NULL, "stderr: %s", err);

    err = capture_child(dup2_or_die, NULL, &status);
    CHECK("dup2_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    CHECK("dup2_or_die prints the RLIMIT_NOFILE limit", strstr(err, "(RLIMIT_NOFILE) is ") != NULL, "stderr: %s", err);

    err = capture_stderr(readv_on_error, lresult);
    CHECK("readv_on_error returns -1 with EINVAL", lresult[0] == -1 && lresult[1] == EINVAL, "%ld %ld", lresult[0], lresult[1]);
    CHECK("readv_on_error shows IOV_MAX", strstr(err, "between 0 and 1024 (IOV_MAX)") != NULL, "stderr: %s", err);

    err = capture_stderr(flock_on_error, iresult);
    CHECK("flock_on_error returns -1 with EINVAL", iresult[0] == -1 && iresult[1] == EINVAL, "%d %d", iresult[0], iresult[1]);
    CHECK("flock_on_error decodes the operation", strstr(err, "command = LOCK_SH | LOCK_EX") != NULL, "stderr: %s", err);
    return finish("t_fdio");
}

/*
 * The caller-buffer variants are thread-safe: 8 threads each make 10,000 explanations,
 * in turn of a mistyped path in a directory of their own (so a suggestion is computed,
 * reading the directory every time: it changed less than 2 s ago and is never cached),
 * of a mistyped header in /usr/include (a settled directory: its listing is cached and
 * shared by all threads), of a missing path several components deep, of a closed
 * descriptor (EBADF), of kill refused on this process (its owner's name comes from the
 * shared user-name cache) and of connect refused by a stale socket file of the thread's
 * own (the shared cache of unbound socket files). Every message must name the thread's
 * own path, culprit, suggestion, descriptor or owner: a message mixed up between
 * threads fails.
 * Debian's libexplain aborts on this.
 *
 * The shared-buffer forms (explain_errno_NAME) are documented as not thread-safe (one
 * static buffer, DESIGN.md §1): they are not called from threads here.
 *
 * usage: t_threads [THREADS [ROUNDS]] (default 8 10000; run.sh runs 2 50 under
 * Helgrind).
 */
#include <libexplain/libexplain.h>

#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "check.h"

#define MAX_THREADS 8
/* Descriptors well above any the library or the test opens: closed, never reused. */
#define CLOSED_FD_BASE 1000

static int threads = MAX_THREADS;
static int rounds = 10000;
static char dir[] = "/tmp/tests-c-threads-XXXXXX";
static const char *const real[MAX_THREADS] = {
    "alpha.conf", "bravo.conf", "charlie.conf", "delta.conf",
    "echo.conf", "foxtrot.conf", "golf.conf", "hotel.conf",
};
static const char *const typo[MAX_THREADS] = {
    "alpah.conf", "bravo.cnf", "charlee.conf", "delta.conff",
    "ecko.conf", "foxtrott.conf", "glof.conf", "hotle.conf",
};
/* Mistyped headers of /usr/include and what each must suggest. */
static const char *const header_typo[MAX_THREADS] = {
    "stdoi.h", "stdlb.h", "strng.h", "fcntl.hh", "unistdd.h", "signl.h", "errnoo.h", "limts.h",
};
static const char *const header_real[MAX_THREADS] = {
    "stdio.h", "stdlib.h", "string.h", "fcntl.h", "unistd.h", "signal.h", "errno.h", "limits.h",
};

/* What one kind of explanation must contain for one thread. */
struct expect {
    char path[256];
    char want[3][320];
};

struct job {
    int index;
    int wrong;
    int made;
    char first_bad[2048];
    struct expect typo, header, deep, badf, kill, stale;
    int sock;
    struct sockaddr_un stale_addr;
};

static void
expect_typo(struct expect *e, const char *directory, const char *missing, const char *meant)
{
    snprintf(e->path, sizeof(e->path), "%s/%s", directory, missing);
    snprintf(e->want[0], sizeof(e->want[0]), "pathname = \"%s\"", e->path);
    snprintf(e->want[1], sizeof(e->want[1]), "no \"%s\" in the \"%s\" directory", missing, directory);
    snprintf(e->want[2], sizeof(e->want[2]), "perhaps the \"%s\" regular file was meant", meant);
}

static void
prepare(struct job *job)
{
    int i = job->index;

    expect_typo(&job->typo, dir, typo[i], real[i]);
    expect_typo(&job->header, "/usr/include", header_typo[i], header_real[i]);
    snprintf(job->deep.path, sizeof(job->deep.path), "%s/missing-%d/a/b/c.conf", dir, i);
    snprintf(job->deep.want[0], sizeof(job->deep.want[0]), "pathname = \"%s\"", job->deep.path);
    snprintf(job->deep.want[1], sizeof(job->deep.want[1]), "no \"missing-%d\" directory", i);
    snprintf(job->deep.want[2], sizeof(job->deep.want[2]), "in the \"%s\" directory", dir);
    snprintf(job->badf.want[0], sizeof(job->badf.want[0]), "read(fildes = %d,", CLOSED_FD_BASE + i);
    snprintf(job->badf.want[1], sizeof(job->badf.want[1]), "(9, EBADF)");
    snprintf(job->badf.want[2], sizeof(job->badf.want[2]), "fildes %d is not an open file descriptor", CLOSED_FD_BASE + i);
    {
        struct passwd *pw = getpwuid(getuid());

        snprintf(job->kill.want[0], sizeof(job->kill.want[0]), "kill(pid = %d \"t_threads\", sig = SIG%s)", (int)getpid(), i % 2 ? "TERM" : "HUP");
        snprintf(job->kill.want[1], sizeof(job->kill.want[1]), "(1, EPERM)");
        snprintf(job->kill.want[2], sizeof(job->kill.want[2]), "belongs to user %d \"%s\"", (int)getuid(), pw ? pw->pw_name : "?");
    }
    /* A socket file no socket is bound to any more: bound, then its socket closed. */
    job->stale_addr.sun_family = AF_UNIX;
    snprintf(job->stale_addr.sun_path, sizeof(job->stale_addr.sun_path), "%s/stale-%d.sock", dir, i);
    job->sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    {
        int gone = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

        if (bind(gone, (struct sockaddr *)&job->stale_addr, sizeof(job->stale_addr)) != 0)
            perror("bind");
        close(gone);
    }
    snprintf(job->stale.want[0], sizeof(job->stale.want[0]), "sun_path = \"%s\"", job->stale_addr.sun_path);
    snprintf(job->stale.want[1], sizeof(job->stale.want[1]), "(111, ECONNREFUSED)");
    snprintf(job->stale.want[2], sizeof(job->stale.want[2]), "the socket file \"%s\" is a stale socket file", job->stale_addr.sun_path);
}

static void
judge(struct job *job, const struct expect *e, const char *msg)
{
    int k;

    job->made++;
    for (k = 0; k < 3; k++) {
        if (!strstr(msg, e->want[k])) {
            if (job->wrong++ == 0)
                snprintf(job->first_bad, sizeof(job->first_bad), "wanted [%s] in: %s", e->want[k], msg);
            return;
        }
    }
}

static void *
work(void *arg)
{
    struct job *job = arg;
    char msg[2048];
    char data[16];
    struct stat st;
    int i;

    for (i = 0; i < rounds; i++) {
        switch (i % 6) {
        case 0:
            explain_message_errno_open(msg, sizeof(msg), ENOENT, job->typo.path, O_RDONLY, 0);
            judge(job, &job->typo, msg);
            break;
        case 1:
            explain_message_errno_stat(msg, sizeof(msg), ENOENT, job->header.path, &st);
            judge(job, &job->header, msg);
            break;
        case 2:
            explain_message_errno_open(msg, sizeof(msg), ENOENT, job->deep.path, O_RDONLY, 0);
            judge(job, &job->deep, msg);
            break;
        case 3:
            explain_message_errno_read(msg, sizeof(msg), EBADF, CLOSED_FD_BASE + job->index, data, sizeof(data));
            judge(job, &job->badf, msg);
            break;
        case 4:
            explain_message_errno_kill(msg, sizeof(msg), EPERM, getpid(), job->index % 2 ? SIGTERM : SIGHUP);
            judge(job, &job->kill, msg);
            break;
        default:
            explain_message_errno_connect(msg, sizeof(msg), ECONNREFUSED, job->sock,
                (const struct sockaddr *)&job->stale_addr, sizeof(job->stale_addr));
            judge(job, &job->stale, msg);
            break;
        }
    }
    return NULL;
}

int
main(int argc, char **argv)
{
    pthread_t tid[MAX_THREADS];
    static struct job jobs[MAX_THREADS];
    char path[256];
    int i;

    if (argc > 1)
        threads = atoi(argv[1]);
    if (argc > 2)
        rounds = atoi(argv[2]);
    if (threads < 1 || threads > MAX_THREADS || rounds < 6) {
        fprintf(stderr, "usage: t_threads [THREADS (1-8) [ROUNDS (6 or more)]]\n");
        return 2;
    }
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    for (i = 0; i < threads; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, real[i]);
        close(open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
        /* Opened, then closed: a descriptor the process had and no longer has. */
        dup2(0, CLOSED_FD_BASE + i);
        close(CLOSED_FD_BASE + i);
    }
    for (i = 0; i < threads; i++) {
        jobs[i].index = i;
        prepare(&jobs[i]);
        pthread_create(&tid[i], NULL, work, &jobs[i]);
    }
    for (i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    for (i = 0; i < threads; i++) {
        char name[256];

        snprintf(name, sizeof(name), "thread %d: %d explanations (typo %s, header %s, missing-%d/a/b/c.conf, fd %d, kill, stale-%d.sock) each name its own culprit",
                 i, rounds, typo[i], header_typo[i], i, CLOSED_FD_BASE + i, i);
        CHECK(name, jobs[i].wrong == 0 && jobs[i].made == rounds, "%d of %d wrong, first: %s", jobs[i].wrong, jobs[i].made, jobs[i].first_bad);
    }
    for (i = 0; i < threads; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, real[i]);
        unlink(path);
        unlink(jobs[i].stale_addr.sun_path);
        close(jobs[i].sock);
    }
    rmdir(dir);
    return finish("t_threads");
}

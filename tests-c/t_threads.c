/*
 * The caller-buffer variants are thread-safe: 4 threads each explain a mistyped path
 * 2000 times (so a suggestion is computed, reading a directory) and every message must
 * name its own culprit and suggestion. Debian's libexplain aborts on this.
 */
#include <libexplain/libexplain.h>

#include <pthread.h>
#include <sys/stat.h>

#include "check.h"

#define THREADS 4
#define ROUNDS 2000

static char dir[] = "/tmp/tests-c-threads-XXXXXX";
static const char *const real[THREADS] = { "alpha.conf", "bravo.conf", "charlie.conf", "delta.conf" };
static const char *const typo[THREADS] = { "alpah.conf", "bravo.cnf", "charlee.conf", "delta.conff" };

struct job {
    int index;
    int wrong;
    char first_bad[2048];
};

static void *
work(void *arg)
{
    struct job *job = arg;
    char path[256];
    char want_missing[64];
    char want_hint[64];
    char msg[2048];
    int i;

    snprintf(path, sizeof(path), "%s/%s", dir, typo[job->index]);
    snprintf(want_missing, sizeof(want_missing), "\"%s\"", typo[job->index]);
    snprintf(want_hint, sizeof(want_hint), "perhaps the \"%s\"", real[job->index]);
    for (i = 0; i < ROUNDS; i++) {
        explain_message_errno_open(msg, sizeof(msg), ENOENT, path, O_RDONLY, 0);
        if (!strstr(msg, path) || !strstr(msg, want_missing) || !strstr(msg, want_hint)) {
            if (job->wrong++ == 0)
                snprintf(job->first_bad, sizeof(job->first_bad), "%s", msg);
        }
    }
    return NULL;
}

int
main(void)
{
    pthread_t tid[THREADS];
    struct job jobs[THREADS];
    char path[256];
    int i;

    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    for (i = 0; i < THREADS; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, real[i]);
        close(open(path, O_WRONLY | O_CREAT, 0644));
    }
    for (i = 0; i < THREADS; i++) {
        memset(&jobs[i], 0, sizeof(jobs[i]));
        jobs[i].index = i;
        pthread_create(&tid[i], NULL, work, &jobs[i]);
    }
    for (i = 0; i < THREADS; i++)
        pthread_join(tid[i], NULL);
    for (i = 0; i < THREADS; i++) {
        char name[128];

        snprintf(name, sizeof(name), "thread %d: %d messages name %s and suggest %s", i, ROUNDS, typo[i], real[i]);
        CHECK(name, jobs[i].wrong == 0, "%d wrong, first: %s", jobs[i].wrong, jobs[i].first_bad);
    }
    for (i = 0; i < THREADS; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, real[i]);
        unlink(path);
    }
    rmdir(dir);
    return finish("t_threads");
}

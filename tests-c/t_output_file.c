/*
 * The file and tee outputs as a daemon uses them: append mode keeps what the log held,
 * a log that cannot be opened is explained on stderr (and the program goes on, its
 * explanations on stderr), and 8 threads writing through one file output at once
 * produce whole lines only: each explanation is one write(2) to a descriptor opened
 * with O_APPEND, so no line is cut or interleaved with another; and none is lost while
 * the program reopens its log and sets its name again from another thread.
 *
 * usage: t_output_file [THREADS [LINES]] (default 8 500; run.sh runs 2 20 under
 * Helgrind).
 */
#include <libexplain/libexplain.h>

#include <pthread.h>
#include <sched.h>
#include <sys/stat.h>

#include "check.h"

#define MAX_THREADS 8
#define MISSING "/nonexistent-tests-c/file"
#define UNOPENABLE "/nonexistent-tests-c/logs/daemon.log"

static char log_a[] = "/tmp/tests-c-output-file-a-XXXXXX";
static char log_b[] = "/tmp/tests-c-output-file-b-XXXXXX";
static int threads = MAX_THREADS;
static int lines = 500;

static char *
read_all(const char *path, size_t *size)
{
    struct stat st;
    char *text;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0 || fstat(fd, &st) < 0) {
        perror(path);
        exit(2);
    }
    text = malloc(st.st_size + 1);
    n = text ? read(fd, text, st.st_size) : -1;
    close(fd);
    if (n != st.st_size) {
        fprintf(stderr, "%s: short read\n", path);
        exit(2);
    }
    text[n] = '\0';
    *size = n;
    return text;
}

static void
write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);

    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        perror(path);
        exit(2);
    }
    close(fd);
}

static void
print_missing(void *arg)
{
    const char *path = arg ? arg : MISSING;

    if (explain_open_on_error(path, O_RDONLY, 0) >= 0)
        fprintf(stderr, "unexpected success\n");
}

static explain_output_t *made;

static void
open_unopenable(void *arg)
{
    made = explain_output_file_new(arg, 1);
}

/* ---- concurrent writers ----------------------------------------------------------- */

/* A path of about 1 KiB naming its thread, so that each line is long. */
static void
thread_path(char *path, size_t size, int index)
{
    char filler[900];

    memset(filler, 'a' + index, sizeof(filler) - 1);
    filler[sizeof(filler) - 1] = '\0';
    snprintf(path, size, "/nonexistent-tests-c/thread-%d/%s", index, filler);
}

static void *
writer(void *arg)
{
    char path[1024];
    int i;

    thread_path(path, sizeof(path), (int)(long)arg);
    for (i = 0; i < lines; i++)
        print_missing(path);
    return NULL;
}

/* Counts the lines of `text` that are exactly one of the expected lines. */
static void
count_lines(char *text, char expected[][4200], int *per_thread, int *foreign, char *first_foreign, size_t foreign_size)
{
    char *line = text, *end;
    int k;

    while (*line) {
        end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        for (k = 0; k < threads; k++) {
            if ((size_t)(end - line) == strlen(expected[k]) && strncmp(line, expected[k], end - line) == 0) {
                per_thread[k]++;
                break;
            }
        }
        if (k == threads && (*foreign)++ == 0)
            snprintf(first_foreign, foreign_size, "%.*s", (int)(end - line), line);
        line = *end ? end + 1 : end;
    }
}

static void
concurrent_writers(void)
{
    pthread_t tid[MAX_THREADS];
    static char expected[MAX_THREADS][4200];
    int per_thread[MAX_THREADS] = { 0 };
    char first_foreign[4200] = "";
    char path[1024];
    char name[256];
    int foreign = 0, k;
    size_t size;
    char *text;

    for (k = 0; k < threads; k++) {
        /* The library's own buffer size: how much of a long path is shown depends on it. */
        char message[4096];

        thread_path(path, sizeof(path), k);
        explain_message_errno_open(message, sizeof(message), ENOENT, path, O_RDONLY, 0);
        snprintf(expected[k], sizeof(expected[k]), "t_output_file: %s", message);
    }
    write_file(log_a, "");
    explain_output_register(explain_output_file_new(log_a, 1));
    for (k = 0; k < threads; k++)
        pthread_create(&tid[k], NULL, writer, (void *)(long)k);
    /* Meanwhile the daemon reopens its log (as on SIGHUP) and sets its name again: the
     * output a thread prints through must not be destroyed under it. */
    for (k = 0; k < lines / 5; k++) {
        explain_output_register(explain_output_file_new(log_a, 1));
        explain_program_name_set("t_output_file");
        sched_yield();
    }
    for (k = 0; k < threads; k++)
        pthread_join(tid[k], NULL);
    explain_output_register(NULL);

    text = read_all(log_a, &size);
    CHECK("concurrent writers: the log ends with a whole line", size > 0 && text[size - 1] == '\n', "%zu bytes", size);
    count_lines(text, expected, per_thread, &foreign, first_foreign, sizeof(first_foreign));
    snprintf(name, sizeof(name), "concurrent writers: %d threads x %d explanations, log reopened %d times meanwhile: every line whole and one thread's", threads, lines, lines / 5);
    CHECK(name, foreign == 0, "%d lines not whole: first: %.300s", foreign, first_foreign);
    for (k = 0; k < threads; k++) {
        snprintf(name, sizeof(name), "concurrent writers: thread %d wrote its %d lines", k, lines);
        CHECK(name, per_thread[k] == lines, "found %d", per_thread[k]);
    }
    free(text);
}

int
main(int argc, char **argv)
{
    const char *err;
    char *text;
    size_t size;

    if (argc > 1)
        threads = atoi(argv[1]);
    if (argc > 2)
        lines = atoi(argv[2]);
    if (threads < 1 || threads > MAX_THREADS || lines < 1) {
        fprintf(stderr, "usage: t_output_file [THREADS (1-8) [LINES]]\n");
        return 2;
    }
    close(mkstemp(log_a));
    close(mkstemp(log_b));

    /* Append mode keeps what the log held; truncate mode does not. */
    write_file(log_a, "an earlier line\n");
    explain_output_register(explain_output_file_new(log_a, 1));
    print_missing(NULL);
    explain_output_register(NULL);
    text = read_all(log_a, &size);
    CHECK("file output in append mode keeps the earlier content", starts_with(text, "an earlier line\nt_output_file: open(pathname = \"" MISSING "\""), "file: %s", text);
    CHECK("  and adds one line", strchr(text + 16, '\n') == text + size - 1, "file: %s", text);
    free(text);
    explain_output_register(explain_output_file_new(log_a, 0));
    print_missing(NULL);
    explain_output_register(NULL);
    text = read_all(log_a, &size);
    CHECK("file output in truncate mode starts the file afresh", starts_with(text, "t_output_file: open(pathname = \"" MISSING "\"") && strchr(text, '\n') == text + size - 1, "file: %s", text);
    free(text);

    /* A tee of two appending files: both keep their content and get the line. */
    write_file(log_a, "a before\n");
    write_file(log_b, "b before\n");
    explain_output_register(explain_output_tee_new(explain_output_file_new(log_a, 1), explain_output_file_new(log_b, 1)));
    print_missing(NULL);
    explain_output_register(NULL);
    text = read_all(log_a, &size);
    CHECK("tee of appending files: the first keeps its content and gets the line", starts_with(text, "a before\nt_output_file: open(pathname = \"" MISSING "\"") && text[size - 1] == '\n', "file: %s", text);
    free(text);
    text = read_all(log_b, &size);
    CHECK("  and so does the second", starts_with(text, "b before\nt_output_file: open(pathname = \"" MISSING "\"") && text[size - 1] == '\n', "file: %s", text);
    free(text);

    /* A log that cannot be opened: NULL, errno, and why on stderr. */
    errno = 0;
    err = capture_stderr(open_unopenable, UNOPENABLE);
    CHECK("file output on a missing directory: NULL with errno ENOENT", made == NULL && errno == ENOENT, "got %p errno %d", (void *)made, errno);
    CHECK("  stderr says which open failed", starts_with(err, "t_output_file: open(pathname = \"" UNOPENABLE "\", flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode = 0666) failed"), "stderr: %s", err);
    CHECK("  and why", strstr(err, "(2, ENOENT) because there is no \"nonexistent-tests-c\" directory in the \"/\" directory") != NULL, "stderr: %s", err);
    errno = 0;
    err = capture_stderr(open_unopenable, "/tmp");
    CHECK("file output on a directory: NULL with errno EISDIR, explained on stderr", made == NULL && errno == EISDIR && strstr(err, "open(pathname = \"/tmp\"") && strstr(err, "EISDIR) because"), "errno %d, stderr: %s", errno, err);
    errno = 0;
    err = capture_stderr(open_unopenable, NULL);
    CHECK("file output on a NULL filename: NULL with errno EFAULT, explained on stderr", made == NULL && errno == EFAULT && strstr(err, "open(pathname = NULL"), "errno %d, stderr: %s", errno, err);
    /* What a daemon does with it: registers it, which keeps explanations on stderr. */
    err = capture_stderr(open_unopenable, UNOPENABLE);
    explain_output_register(made);
    err = capture_stderr(print_missing, NULL);
    CHECK("registering the NULL keeps explanations on stderr", starts_with(err, "t_output_file: open(pathname = \"" MISSING "\""), "stderr: %s", err);
    explain_output_register(NULL);

    concurrent_writers();

    unlink(log_a);
    unlink(log_b);
    return finish("t_output_file");
}

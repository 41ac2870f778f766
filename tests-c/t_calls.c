/*
 * A sample of the file calls' _or_die and _on_error from a user's program, one or two
 * per family: _on_error returns the call's own result with its errno and prints the
 * explanation; _or_die exits with EXIT_FAILURE after printing it; success prints nothing.
 */
#define _GNU_SOURCE
#include <libexplain/libexplain.h>

#include <dirent.h>
#include <sys/stat.h>

#include "check.h"

static char dir[] = "/tmp/tests-c-calls-XXXXXX";
static char path[600];

struct outcome {
    long result;
    int err;
};

static void
stat_on_error(void *arg)
{
    struct outcome *o = arg;
    struct stat st;

    snprintf(path, sizeof(path), "%s/nofile", dir);
    errno = 0;
    o->result = explain_stat_on_error(path, &st);
    o->err = errno;
}

static void
mkdir_on_error(void *arg)
{
    struct outcome *o = arg;

    errno = 0;
    o->result = explain_mkdir_on_error(dir, 0755);
    o->err = errno;
}

static void
rename_or_die(void *arg)
{
    char to[700];

    (void)arg;
    snprintf(path, sizeof(path), "%s/present", dir);
    snprintf(to, sizeof(to), "%s/absent/present", dir);
    explain_rename_or_die(path, to);
}

static void
chmod_or_die_ok(void *arg)
{
    (void)arg;
    snprintf(path, sizeof(path), "%s/present", dir);
    explain_chmod_or_die(path, 0600);
}

static void
getcwd_on_error(void *arg)
{
    struct outcome *o = arg;
    char small[2];

    errno = 0;
    o->result = explain_getcwd_on_error(small, sizeof(small)) == NULL ? -1 : 0;
    o->err = errno;
}

static void
mkstemp_or_die(void *arg)
{
    char templat[] = "/tmp/tests-c-calls-fooXXXX";

    (void)arg;
    explain_mkstemp_or_die(templat);
}

static void
readdir_to_the_end(void *arg)
{
    struct outcome *o = arg;
    DIR *d = explain_opendir_or_die(dir);
    long n = 0;

    errno = 1234;
    while (explain_readdir_or_die(d) != NULL)
        n++;
    o->result = n;
    o->err = errno;
    explain_closedir_or_die(d);
}

static void
truncate_on_error(void *arg)
{
    struct outcome *o = arg;

    errno = 0;
    o->result = explain_truncate_on_error(dir, 0);
    o->err = errno;
}

int
main(void)
{
    struct outcome o;
    const char *text;
    int status;

    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    snprintf(path, sizeof(path), "%s/present", dir);
    close(open(path, O_WRONLY | O_CREAT, 0644));

    text = capture_stderr(stat_on_error, &o);
    CHECK("stat_on_error returns -1 with ENOENT", o.result == -1 && o.err == ENOENT, "%ld %d", o.result, o.err);
    CHECK("stat_on_error prints the missing name and suggests", strstr(text, "stat(pathname = \"") && strstr(text, "no \"nofile\"") != NULL, "%s", text);

    text = capture_stderr(mkdir_on_error, &o);
    CHECK("mkdir_on_error returns -1 with EEXIST", o.result == -1 && o.err == EEXIST, "%ld %d", o.result, o.err);
    CHECK("mkdir_on_error says what is there", strstr(text, "EEXIST") && strstr(text, "directory") != NULL, "%s", text);

    text = capture_child(rename_or_die, NULL, &status);
    CHECK("rename_or_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("rename_or_die names the missing directory", strstr(text, "no \"absent\" directory") != NULL, "%s", text);

    text = capture_child(chmod_or_die_ok, NULL, &status);
    CHECK("chmod_or_die succeeds silently", WIFEXITED(status) && WEXITSTATUS(status) == 99 && text[0] == '\0', "status %d: %s", status, text);

    text = capture_stderr(getcwd_on_error, &o);
    CHECK("getcwd_on_error returns NULL with ERANGE", o.result == -1 && o.err == ERANGE, "%ld %d", o.result, o.err);
    CHECK("getcwd_on_error prints the size needed", strstr(text, "ERANGE") != NULL && strstr(text, "bytes") != NULL, "%s", text);

    text = capture_child(mkstemp_or_die, NULL, &status);
    CHECK("mkstemp_or_die exits on a template without six X's", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %d", status);
    CHECK("mkstemp_or_die says how the template ends", strstr(text, "EINVAL") && strstr(text, "XXXX") != NULL, "%s", text);

    text = capture_stderr(readdir_to_the_end, &o);
    CHECK("readdir_or_die reads to the end without dying", o.result == 3 && text[0] == '\0', "%ld: %s", o.result, text);
    CHECK("readdir_or_die leaves errno alone at the end", o.err == 1234, "%d", o.err);

    text = capture_stderr(truncate_on_error, &o);
    CHECK("truncate_on_error on a directory returns -1 with EISDIR", o.result == -1 && o.err == EISDIR, "%ld %d", o.result, o.err);
    CHECK("truncate_on_error names the directory", strstr(text, "EISDIR") && strstr(text, "directory") != NULL, "%s", text);

    snprintf(path, sizeof(path), "%s/present", dir);
    unlink(path);
    rmdir(dir);
    return finish("t_calls");
}

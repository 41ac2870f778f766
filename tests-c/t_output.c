/*
 * Output routing: a program's own output (vtable), the file, tee, stderr and syslog
 * outputs, and the printf-style explain_output_error/_warning/_error_and_die.
 */
#include <libexplain/libexplain.h>

#include "check.h"

#define MISSING "/nonexistent-tests-c/file"

struct capture {
    explain_output_t base;
    char text[8192];
    int messages;
};

static int destroyed;

static void
capture_message(explain_output_t *op, const char *text)
{
    struct capture *c = (struct capture *)op;

    snprintf(c->text, sizeof(c->text), "%s", text);
    c->messages++;
}

static void
capture_destructor(explain_output_t *op)
{
    (void)op;
    destroyed++;
}

static const explain_output_vtable_t capture_vtable = {
    capture_destructor, capture_message, NULL, sizeof(struct capture)
};

static void
print_missing(void *arg)
{
    (void)arg;
    if (explain_open_on_error(MISSING, O_RDONLY, 0) >= 0)
        fprintf(stderr, "unexpected success\n");
}

static void
print_formatted(void *arg)
{
    (void)arg;
    explain_output_error("error %d in %s", 42, "x");
    explain_output_warning("look at %s", "y");
}

static const char *
read_file(const char *path)
{
    static char text[8192];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);

    text[n > 0 ? n : 0] = '\0';
    if (fd >= 0)
        close(fd);
    return text;
}

static char file1[] = "/tmp/tests-c-output1-XXXXXX";
static char file2[] = "/tmp/tests-c-output2-XXXXXX";

static void
die_to_file(void *arg)
{
    (void)arg;
    explain_output_register(explain_output_file_new(file1, 0));
    explain_output_error_and_die("fatal %s", "z");
}

int
main(void)
{
    struct capture *c;
    const char *err;
    int status;

    close(mkstemp(file1));
    close(mkstemp(file2));

    /* A vtable output receives the explanation, and nothing reaches stderr. */
    c = (struct capture *)explain_output_new(&capture_vtable);
    CHECK("explain_output_new allocates vtable->size bytes", c != NULL && c->base.vtable == &capture_vtable, "got %p", (void *)c);
    explain_output_register(&c->base);
    err = capture_stderr(print_missing, NULL);
    CHECK("registered output receives the message", c->messages == 1 && starts_with(c->text, "t_output: open(pathname = \"" MISSING "\"") && strstr(c->text, "ENOENT"), "got %d: %s", c->messages, c->text);
    CHECK("nothing goes to stderr meanwhile", err[0] == '\0', "stderr: %s", err);
    err = capture_stderr(print_formatted, NULL);
    CHECK("explain_output_warning goes to the output", c->messages == 3 && strstr(c->text, "look at y") && strstr(c->text, "warning"), "got %s", c->text);
    explain_output_register(NULL);
    CHECK("registering another output destroys the previous", destroyed == 1, "destroyed %d", destroyed);
    err = capture_stderr(print_missing, NULL);
    CHECK("register(NULL) restores stderr", starts_with(err, "t_output: open(pathname"), "stderr: %s", err);

    /* explain_output_error formats printf-style. */
    c = (struct capture *)explain_output_new(&capture_vtable);
    explain_output_register(&c->base);
    explain_output_error("error %d in %s", 42, "x");
    CHECK("explain_output_error formats its arguments", strcmp(c->text, "t_output: error 42 in x") == 0, "got %s", c->text);

    /* Formatted text longer than the 4096-byte buffer is cut, never inside a character:
     * 4095 bytes of 2-byte characters end in the middle of one. */
    {
        static char long_text[6001];
        size_t i, len;

        for (i = 0; i + 1 < sizeof(long_text); i += 2)
            memcpy(long_text + i, "\xc3\xa9", 2);
        explain_output_error("%s", long_text);
        len = strlen(c->text);
        CHECK("long formatted text is cut between characters", len == 4094 && starts_with(c->text, "t_output: ") && strncmp(c->text + 10, long_text, len - 10) == 0, "length %zu", len);
    }
    explain_output_register(NULL);

    /* The file output writes one line per message, with the program name. */
    explain_output_register(explain_output_file_new(file1, 0));
    print_missing(NULL);
    explain_output_register(NULL);
    err = read_file(file1);
    CHECK("file output writes the message", starts_with(err, "t_output: open(pathname = \"" MISSING "\"") && strstr(err, "ENOENT"), "file: %s", err);
    CHECK("file output writes one line", strchr(err, '\n') == err + strlen(err) - 1, "file: %s", err);
    explain_output_register(explain_output_file_new(file1, 1));
    explain_output_error("second");
    explain_output_register(NULL);
    err = read_file(file1);
    CHECK("file output with append keeps what was there", strstr(err, "ENOENT") && strstr(err, "\nt_output: second\n"), "file: %s", err);
    errno = 0;
    CHECK("file output on a missing directory is NULL", explain_output_file_new(MISSING, 0) == NULL && errno == ENOENT, "errno %d", errno);

    /* Tee: both outputs get the message; destroying it destroys both. */
    destroyed = 0;
    c = (struct capture *)explain_output_new(&capture_vtable);
    explain_output_register(explain_output_tee_new(explain_output_file_new(file2, 0), &c->base));
    print_missing(NULL);
    CHECK("tee sends to its second output", c->messages == 1 && strstr(c->text, "ENOENT"), "got %s", c->text);
    explain_output_register(NULL);
    err = read_file(file2);
    CHECK("tee sends to its first output", strstr(err, "open(pathname = \"" MISSING "\"") != NULL, "file: %s", err);
    CHECK("destroying the tee destroys both", destroyed == 1, "destroyed %d", destroyed);

    /* The stderr output is the default made explicit. */
    explain_output_register(explain_output_stderr_new());
    err = capture_stderr(print_missing, NULL);
    explain_output_register(NULL);
    CHECK("stderr output prints with the program name", starts_with(err, "t_output: open(pathname"), "stderr: %s", err);

    /* syslog: objects are created and destroyed (messages go to the system log). */
    {
        explain_output_t *a = explain_output_syslog_new();
        explain_output_t *b = explain_output_syslog_new1(3);
        explain_output_t *d = explain_output_syslog_new3(0, 8, 4);

        CHECK("syslog outputs are created", a && b && d && a->vtable == b->vtable && b->vtable == d->vtable, "%p %p %p", (void *)a, (void *)b, (void *)d);
        explain_output_method_destructor(a);
        explain_output_method_destructor(b);
        explain_output_method_destructor(d);
    }

    /* error_and_die prints through the output, then exits with EXIT_FAILURE. */
    err = capture_child(die_to_file, NULL, &status);
    CHECK("error_and_die exits with EXIT_FAILURE", WIFEXITED(status) && WEXITSTATUS(status) == EXIT_FAILURE, "status %#x", status);
    err = read_file(file1);
    CHECK("error_and_die printed through the output", strcmp(err, "t_output: fatal z\n") == 0, "file: %s", err);

    unlink(file1);
    unlink(file2);
    return finish("t_output");
}

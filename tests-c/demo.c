/*
 * `make demo`: real failures, each shown as strerror(errno) and as explained by
 * libexplain, and one explained after the fact through the staged `explain` command,
 * the way a user explains a line of an strace listing.
 */
#include <libexplain/libexplain.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static void
show(const char *title, int err, const char *explained)
{
    printf("== %s\n", title);
    printf("strerror(errno): %s\n", strerror(err));
    printf("libexplain:      %s\n\n", explained);
    fflush(stdout);
}

/* Explains through the staged explain command. */
static void
show_command(const char *title, int err, const char *args)
{
    char cmd[1024];

    printf("== %s\n", title);
    printf("strerror(errno): %s\n", strerror(err));
    printf("explain command: ");
    fflush(stdout);
    snprintf(cmd, sizeof(cmd), "%s -e %d %s 2>&1", EXPLAIN_COMMAND, err, args);
    if (system(cmd) != 0)
        printf("(the explain command failed)\n");
    printf("\n");
    fflush(stdout);
}

int
main(void)
{
    char dir[] = "/tmp/libexplain-demo-XXXXXX";
    char path[512];
    int fd;

    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(path, sizeof(path), "%s/config.ini", dir);
    close(open(path, O_WRONLY | O_CREAT, 0644));

    /* 1. A mistyped path: the nearest existing name is suggested. */
    snprintf(path, sizeof(path), "%s/confg.ini", dir);
    if (open(path, O_RDONLY) < 0)
        show("open a mistyped path", errno, explain_open(path, O_RDONLY, 0));

    /* 2. rename into a directory that does not exist. */
    {
        char from[512], to[512];

        snprintf(from, sizeof(from), "%s/config.ini", dir);
        snprintf(to, sizeof(to), "%s/backup/config.ini", dir);
        if (rename(from, to) < 0)
            show("rename into a missing directory", errno, explain_rename(from, to));
    }

    /* 3. read from a file descriptor that was closed. */
    {
        char buf[16];

        fd = open("/dev/null", O_RDONLY);
        close(fd);
        if (read(fd, buf, sizeof(buf)) < 0)
            show("read from a closed file descriptor", errno, explain_read(fd, buf, sizeof(buf)));
    }

    /* 4. Out of file descriptors: the limit and its value are named. */
    {
        struct rlimit rl = { 16, 16 };
        int fds[32];
        int n = 0;

        snprintf(path, sizeof(path), "%s/config.ini", dir);
        setrlimit(RLIMIT_NOFILE, &rl);
        while (n < 32 && (fds[n] = open("/dev/null", O_RDONLY)) >= 0)
            n++;
        if (n < 32 && open(path, O_RDONLY) < 0)
            show("open with every file descriptor in use", errno, explain_open(path, O_RDONLY, 0));
        while (n > 0)
            close(fds[--n]);
    }

    /* 5. After the fact, from an strace line: a directory removed while not empty. */
    snprintf(path, sizeof(path), "%s", dir);
    if (rmdir(path) < 0) {
        char args[600];
        int err = errno;

        snprintf(args, sizeof(args), "rmdir '%s'", path);
        show_command("rmdir of a directory that is not empty (explain command)", err, args);
    }

    snprintf(path, sizeof(path), "%s/config.ini", dir);
    unlink(path);
    rmdir(dir);
    return 0;
}

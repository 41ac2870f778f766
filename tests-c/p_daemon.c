/*
 * A small daemon's start-up, the way real programs use libexplain: read a config file
 * of NAME=value lines (malloc, fopen, fread, fclose, strdup: _or_die), export the
 * settings to the environment (setenv: _on_error, a bad line is reported and skipped),
 * check the character set it names (iconv_open: _or_die), write a pid file (fopen,
 * fwrite, fflush, fclose: _or_die) and say "started". Each failure prints libexplain's
 * explanation and exits 1 (or, for _on_error, goes on). Run by programs.sh.
 * usage: p_daemon CONFIG PIDFILE
 */
#include <libexplain/libexplain.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *read_all(const char *path)
{
    FILE *fp = explain_fopen_or_die(path, "r");
    size_t size = 256, len = 0;
    char *text = explain_malloc_or_die(size);
    for (;;) {
        if (len + 1 == size) {
            size *= 2;
            text = explain_realloc_or_die(text, size);
        }
        size_t n = explain_fread_or_die(text + len, 1, size - 1 - len, fp);
        if (n == 0)
            break;
        len += n;
    }
    text[len] = '\0';
    explain_fclose_or_die(fp);
    return text;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONFIG PIDFILE\n", argv[0]);
        return 2;
    }
    explain_program_name_set("p_daemon");
    char *config = read_all(argv[1]);
    char *pidfile = explain_strdup_or_die(argv[2]);
    int bad = 0;
    for (char *line = strtok(config, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#')
            continue;
        *eq = '\0';
        if (explain_setenv_on_error(line, eq + 1, 1) < 0)
            bad++;
    }
    const char *charset = getenv("charset");
    if (charset) {
        iconv_t cd = explain_iconv_open_or_die("UTF-8", charset);
        explain_iconv_close_or_die(cd);
    }
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    FILE *fp = explain_fopen_or_die(pidfile, "w");
    explain_fwrite_or_die(pid, 1, (size_t)n, fp);
    explain_fflush_or_die(fp);
    explain_fclose_or_die(fp);
    printf("started pid %ld, %d bad line%s\n", (long)getpid(), bad, bad == 1 ? "" : "s");
    free(pidfile);
    free(config);
    return 0;
}

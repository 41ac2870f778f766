/*
 * A cat as programs written against libexplain write it (our own program, in the
 * manner of libexplain's cat example): every stdio call through its _or_die form, so
 * the program has no error handling of its own. Built through pkg-config; run by
 * programs.sh. usage: p_cat [FILE...]   (no FILE: standard input)
 */
#include <libexplain/libexplain.h>
#include <stdio.h>
#include <string.h>

static void copy(FILE *in)
{
    char buf[4096];
    for (;;) {
        size_t n = explain_fread_or_die(buf, 1, sizeof buf, in);
        if (n == 0)
            break;
        explain_fwrite_or_die(buf, 1, n, stdout);
    }
}

int main(int argc, char **argv)
{
    explain_program_name_set(argv[0]);
    explain_option_hanging_indent_set(4);
    if (argc < 2)
        copy(stdin);
    for (int i = 1; i < argc; i++) {
        FILE *in = explain_fopen_or_die(argv[i], "r");
        copy(in);
        explain_fclose_or_die(in);
    }
    explain_fflush_or_die(stdout);
    return 0;
}

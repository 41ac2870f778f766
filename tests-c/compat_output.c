/*
 * Differential: what the library prints itself, built against Debian's libexplain, must
 * print the same with Debian's library and with ours (run.sh compares, with stderr a
 * pipe and a terminal): the program-name prefix and the "warning: " marker, which texts
 * carry them, how long lines are filled and indented, what a file output and a
 * program's own output receive.
 */
#include <libexplain/exit.h>
#include <libexplain/libexplain.h>
#include <libexplain/output.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char long_text[] =
    "a long line with words that will need wrapping because of its length,\t"
    "with a tab and a\nnewline inside, and a word that is longer than any line: "
    "/a/very/long/path/that/cannot/be/broken/anywhere/because/it/has/no/blanks/in/it/at/all "
    "and then some more words after it to fill one more line";

static void
own_message(explain_output_t *op, const char *text)
{
    (void)op;
    printf("[%s]\n", text);
    fflush(stdout);
}

static const explain_output_vtable_t own_vtable = { 0, own_message, 0, sizeof(explain_output_t) };

static void
all_kinds(void)
{
    explain_output_message(long_text);
    explain_output_warning("warning text: %s", long_text);
    explain_output_error("error text: %s", long_text);
    explain_output_error("%s%s", "x", "                                                                                y");
}

int
main(int argc, char **argv)
{
    static const int indents[] = { 0, 3, 8, 20 };
    size_t i;

    (void)argc;
    explain_exit_on_error();
    for (i = 0; i < sizeof(indents) / sizeof(indents[0]); i++) {
        explain_option_hanging_indent_set(indents[i]);
        all_kinds();
    }
    explain_program_name_set("renamed");
    all_kinds();
    explain_program_name_assemble(0);
    all_kinds();
    explain_program_name_assemble(1);

    explain_output_register(explain_output_new(&own_vtable));
    all_kinds();
    explain_output_register(explain_output_file_new(argv[1], 0));
    all_kinds();
    explain_output_register(0);
    explain_output_warning("look at %s, %d", "y", 7);
    explain_output_error("error %d in %s", 42, "x");
    explain_output_error_and_die("fatal %s", "z");
}

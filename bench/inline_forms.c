/*
 * The inline forms of our headers, compiled the way a user's program compiles them:
 * through <libexplain/fwrite.h> of the staged install, linked to the staged library.
 * A program built against libexplain's header calls the exported function instead
 * (the fwrite_or_die_ok_x100 scenario measures that one).
 */
#include <libexplain/fwrite.h>
#include "inline_forms.h"

void bench_fwrite_or_die_inline(const char *buf, FILE *fp, int times)
{
    for (int i = 0; i < times; i++)
        explain_fwrite_or_die(buf, 1, 64, fp);
}

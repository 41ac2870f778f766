/*
 * Built against Debian's headers and library only: its inline explain_getc_or_die and
 * explain_putc_on_error call the out-of-line explain_getc_or_die_failed and
 * explain_putc_on_error_failed, which run.sh makes ours (LD_LIBRARY_PATH).
 * usage: compat_stdio FILE getc|putc
 */
#include <libexplain/getc.h>
#include <libexplain/putc.h>
#include <string.h>

int
main(int argc, char **argv)
{
    FILE *fp;

    if (argc != 3)
        return 2;
    if (strcmp(argv[2], "getc") == 0) {
        fp = fopen(argv[1], "w");
        return explain_getc_or_die(fp) == EOF ? 0 : 3;
    }
    fp = fopen(argv[1], "r");
    return explain_putc_on_error('z', fp) == EOF ? 4 : 0;
}

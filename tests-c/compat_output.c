/*
 * Differential: the printf-style output functions, built against Debian's libexplain,
 * must print the same with Debian's library and with ours (run.sh compares).
 */
#include <libexplain/output.h>

int
main(void)
{
    explain_output_warning("look at %s, %d", "y", 7);
    explain_output_error("error %d in %s", 42, "x");
    explain_output_error_and_die("fatal %s", "z");
}

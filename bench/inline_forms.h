#include <stdio.h>

/* `times` calls of our header's inline explain_fwrite_or_die, 64 bytes each. */
void bench_fwrite_or_die_inline(const char *buf, FILE *fp, int times);

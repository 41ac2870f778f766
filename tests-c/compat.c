/*
 * Binary compatibility: built against Debian's libexplain (its headers, -lexplain from
 * the system), then run with our library first on LD_LIBRARY_PATH. Prints which library
 * was loaded (only ours exports explain_rs_version) and the explanation.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <libexplain/open.h>

int
main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/nonexistent-tests-c/file";

    printf("loaded: %s\n", dlsym(RTLD_DEFAULT, "explain_rs_version") ? "libexplain-rs" : "other");
    if (open(path, O_RDONLY) < 0)
        printf("%s\n", explain_open(path, O_RDONLY, 0));
    return 0;
}

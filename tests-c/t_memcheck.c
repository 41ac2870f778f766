/*
 * Strings and buffers in every kind of memory a daemon passes: heap blocks (one too
 * short to hold 8 bytes), the stack, read-only data, NULL, a wild address and a
 * PROT_NONE page. run.sh also runs this program under Valgrind's Memcheck, which must
 * report no error of the library's: reading the caller's memory safely must not look,
 * to Memcheck, like reading someone else's.
 */
#include "check.h"
#include <sys/mman.h>
#include <libexplain/open.h>
#include <libexplain/read.h>
#include <libexplain/rename.h>

static char msg[4096];

static int has(const char *needle)
{
    return strstr(msg, needle) != NULL;
}

int main(void)
{
    char *heap = malloc(40);
    strcpy(heap, "/nonexistent-memcheck/heap");
    explain_message_errno_open(msg, sizeof msg, ENOENT, heap, O_RDONLY, 0);
    CHECK("a heap string is echoed", has("\"/nonexistent-memcheck/heap\""), "%s", msg);

    char *tiny = malloc(2); /* fewer than 8 bytes: nothing past it may be read */
    strcpy(tiny, "x");
    explain_message_errno_rename(msg, sizeof msg, ENOENT, tiny, heap);
    CHECK("a two-byte heap string is echoed", has("oldpath = \"x\""), "%s", msg);

    char stack[32];
    strcpy(stack, "/nonexistent-memcheck/stack");
    explain_message_errno_open(msg, sizeof msg, ENOENT, stack, O_RDONLY, 0);
    CHECK("a stack string is echoed", has("\"/nonexistent-memcheck/stack\""), "%s", msg);

    explain_message_errno_open(msg, sizeof msg, EFAULT, NULL, O_RDONLY, 0);
    CHECK("NULL is named", has("pathname = NULL"), "%s", msg);

    explain_message_errno_open(msg, sizeof msg, EFAULT, (const char *)0x10, O_RDONLY, 0);
    CHECK("a wild address is reported", has("(0x10) does not point to readable memory"), "%s", msg);

    char *none = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    explain_message_errno_open(msg, sizeof msg, EFAULT, none, O_RDONLY, 0);
    CHECK("a PROT_NONE page is reported", has("does not point to readable memory"), "%s", msg);

    int fds[2];
    if (pipe(fds) == 0) {
        explain_message_errno_read(msg, sizeof msg, EFAULT, fds[0], none, 100);
        CHECK("read into a PROT_NONE buffer is EFAULT's culprit", has("data"), "%s", msg);
        close(fds[0]);
        close(fds[1]);
    }
    munmap(none, 4096);
    free(tiny);
    free(heap);
    return finish("t_memcheck");
}

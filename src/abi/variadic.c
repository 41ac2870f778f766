/*
 * The printf-style output functions of libexplain's output.h. Stable Rust cannot
 * define a C variadic function, so they live here: each formats into a stack buffer
 * with vsnprintf (no heap, as everywhere in the library) and hands the text to Rust,
 * which prints it through the registered output (src/abi/output.rs).
 * Compiled by build.rs with the cc crate.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Defined in src/abi/output.rs. Declared hidden: the most constraining visibility of
 * a symbol wins at link time, so the library does not export it (rustc's own export
 * list would otherwise name it beside libexplain.map's explain_*).
 */
__attribute__((visibility("hidden")))
void libexplain_rs_output_formatted(const char *text, int warning, int die);

void explain_output_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void explain_output_error_and_die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));
void explain_output_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Same size as the message buffers of the Rust side (MESSAGE_SIZE). */
#define TEXT_SIZE 4096

/* When vsnprintf cut the text, drops a UTF-8 sequence left incomplete at its end. */
static void
trim_cut_sequence(char *text, size_t len)
{
    size_t lead = len;
    size_t need;
    unsigned char c;

    while (lead > 0 && ((unsigned char)text[lead - 1] & 0xc0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    c = (unsigned char)text[lead - 1];
    need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (len - (lead - 1) < need)
        text[lead - 1] = '\0';
}

static void
formatted(int warning, int die, const char *fmt, va_list ap)
{
    char text[TEXT_SIZE];
    int n = fmt == NULL ? -1 : vsnprintf(text, sizeof(text), fmt, ap);

    if (n < 0)
        text[0] = '\0';
    else if ((size_t)n >= sizeof(text))
        trim_cut_sequence(text, sizeof(text) - 1);
    libexplain_rs_output_formatted(text, warning, die);
}

void
explain_output_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    formatted(0, 0, fmt, ap);
    va_end(ap);
}

void
explain_output_error_and_die(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    formatted(0, 1, fmt, ap);
    va_end(ap);
    /* libexplain_rs_output_formatted exits when asked to die; never reached. */
    exit(EXIT_FAILURE);
}

void
explain_output_warning(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    formatted(1, 0, fmt, ap);
    va_end(ap);
}

/* Defined in src/abi/context.rs. */
void explain_context_push(const char *label);
void explain_context_pushf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Formats the label (cut to the size the stack keeps) and pushes it. */
void
explain_context_pushf(const char *fmt, ...)
{
    char label[128];
    va_list ap;
    int n = -1;

    if (fmt != NULL) {
        va_start(ap, fmt);
        n = vsnprintf(label, sizeof(label), fmt, ap);
        va_end(ap);
    }
    if (n < 0)
        label[0] = '\0';
    else if ((size_t)n >= sizeof(label))
        trim_cut_sequence(label, sizeof(label) - 1);
    explain_context_push(label);
}

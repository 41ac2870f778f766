/*
 * Prototype parity, checked by the compiler: Debian's libexplain.h first (from the
 * system include path), then ours by its absolute path in the stage (OUR_UMBRELLA).
 * The include guards differ, so every prototype is declared twice; C rejects any
 * second declaration whose type differs. Compiled, not run.
 */
#include <libexplain/libexplain.h>
#include OUR_UMBRELLA

#ifndef LIBEXPLAIN_RS_LIBEXPLAIN_H
#error "our umbrella header was not included"
#endif
#ifndef LIBEXPLAIN_LIBEXPLAIN_H
#error "Debian's umbrella header was not included"
#endif

int parity_compiled;

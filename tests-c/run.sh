#!/bin/sh
# Runs the C tests against the staged library and the checks that need a shell: which
# library each test loaded (ldd), and binary compatibility with a program built against
# Debian's libexplain. Ends with "N passed, N failed"; exits non-zero if any failed.
# usage: run.sh STAGE BUILD TEST...
set -u
stage=$1 build=$2
shift 2
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
expect() { # NAME COMMAND...: passes when COMMAND succeeds
    name=$1; shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}

lib=$(readlink -f "$stage/lib/libexplain.so.51")
for t in "$@"; do
    # The staged library, not Debian's (same soname): ldd must resolve to the stage.
    loaded=$(ldd "$build/$t" | sed -n 's/^[[:space:]]*libexplain\.so\.51 => \([^ ]*\).*/\1/p')
    expect "$t loads the staged library ($loaded)" test "$(readlink -f "$loaded")" = "$lib"
    # A deadlock must fail the test, not hang the build.
    out=$(cd "$build" && timeout 300 "./$t" 2>&1)
    status=$?
    echo "$out" | grep -v '^ok '
    counts=$(echo "$out" | sed -n "s/^$t: \([0-9]*\) passed, \([0-9]*\) failed\$/\1 \2/p")
    if [ -z "$counts" ]; then
        fail "$t ran to the end (exit status $status)"
        continue
    fi
    p=${counts% *} f=${counts#* }
    passed=$((passed + p)) failed=$((failed + f))
    [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || fail "$t exit status $status"
done

# Memcheck sees no error of ours in the memory every kind of caller passes (t_memcheck
# says why). Valgrind is installed by .ci/run.
out=$(cd "$build" && valgrind -q --error-exitcode=99 ./t_memcheck 2>&1)
status=$?
expect "t_memcheck under Valgrind: no Memcheck error (status $status)" test "$status" -eq 0
echo "$out" | grep '==[0-9]*==' | head -20

# Binary compatibility: built against Debian's libexplain, run with ours first.
compat="$build/compat"
missing=/nonexistent-tests-c/pasword
debian=$(readlink -f "$(ldd "$compat" | sed -n 's/^[[:space:]]*libexplain\.so\.51 => \([^ ]*\).*/\1/p')")
expect "compat is linked against the system library ($debian)" test "$debian" != "$lib" -a -n "$debian"
plain=$("$compat" "$missing")
expect "compat without LD_LIBRARY_PATH loads the system library" test "$(echo "$plain" | head -1)" = "loaded: other"
ours=$(LD_LIBRARY_PATH="$stage/lib" "$compat" "$missing")
expect "compat with LD_LIBRARY_PATH loads ours" test "$(echo "$ours" | head -1)" = "loaded: libexplain-rs"
expected=$("$stage/bin/explain" -e ENOENT open "$missing" O_RDONLY)
expect "compat prints our explanation" test "$(echo "$ours" | tail -1)" = "$expected"
loaded=$(LD_LIBRARY_PATH="$stage/lib" LD_DEBUG=libs "$compat" "$missing" 2>&1 | sed -n 's/.*calling init: \(.*libexplain\.so\.51.*\)$/\1/p' | head -1)
expect "LD_DEBUG shows the staged library initialised ($loaded)" test "$(readlink -f "$loaded")" = "$lib"

# Differential: what the library prints itself is laid out as Debian's library lays it
# out (prefix, warning marker, 75-column lines, hanging indent), with stderr a pipe and a
# terminal (script(1) gives it one), and the same reaches a file and a program's output.
layout() { # LIBRARY-PATH FILE: the program's output, then the file's
    LD_LIBRARY_PATH=$1 "$build/compat_output" "$2" 2>&1; echo "status $?"; cat "$2"
}
theirs=$(layout "" "$build/layout-theirs.txt")
ours=$(layout "$stage/lib" "$build/layout-ours.txt")
expect "printed layout (stderr a pipe) matches Debian's" test "$ours" = "$theirs"
[ "$ours" = "$theirs" ] || { echo "$theirs" > "$build/layout-theirs"; echo "$ours" > "$build/layout-ours"; diff "$build/layout-theirs" "$build/layout-ours" | head -20; }
expect "explain_output_error_and_die exits 1" test -n "$(echo "$ours" | grep -x 'status 1')"
tty_layout() { # LIBRARY-PATH: the output with stderr a terminal 100 columns wide
    script -qec "stty cols 100; LD_LIBRARY_PATH=$1 $build/compat_output $build/layout-tty.txt" /dev/null | tr -d '\r'
}
theirs=$(tty_layout "")
ours=$(tty_layout "$stage/lib")
expect "printed layout (stderr a terminal) matches Debian's" test "$ours" = "$theirs" -a -n "$ours"

# Debian's inline getc and putc forms (a program built with its headers) reach our
# out-of-line explain_getc_or_die_failed and explain_putc_on_error_failed.
scratch=$(mktemp)
out=$(LD_LIBRARY_PATH="$stage/lib" "$build/compat_stdio" "$scratch" getc 2>&1; echo "status $?")
expect "Debian's inline explain_getc_or_die exits through ours" test "$(echo "$out" | tail -1)" = "status 1"
expect "  and prints our explanation" sh -c 'echo "$1" | tr -s "\n " "  " | grep -q "because fp was opened for writing only"' - "$out"
out=$(LD_LIBRARY_PATH="$stage/lib" "$build/compat_stdio" "$scratch" putc 2>&1; echo "status $?")
expect "Debian's inline explain_putc_on_error returns EOF through ours" test "$(echo "$out" | tail -1)" = "status 4"
expect "  and prints our explanation" sh -c 'echo "$1" | tr -s "\n " "  " | grep -q "because fp was opened for reading only"' - "$out"
rm -f "$scratch"

# Helgrind: a few threads explaining at once and writing one
# log file show Helgrind no race it cannot explain: any report not suppressed by
# helgrind.supp (one entry per site, with its reason) fails, and the run must end with
# Helgrind's own summary, so that a Valgrind that did not run fails too.
supp="$(cd "$(dirname "$0")" && pwd)/helgrind.supp"
for run in "t_threads 2 50" "t_output_file 2 20"; do
    out=$(cd "$build" && valgrind --tool=helgrind --suppressions="$supp" --error-exitcode=99 ./$run 2>&1)
    status=$?
    errors=$(echo "$out" | sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/\1/p')
    expect "$run under Helgrind: no unexplained report (status $status, ${errors:-no} errors)" test "$status" -eq 0 -a "$errors" = 0
    echo "$out" | grep -E '^(FAIL|==[0-9]+== (Possible|Lock|Thread|   (at|by) ))' | head -40
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

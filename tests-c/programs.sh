#!/bin/sh
# Real programs on our library (issue 11): Debian's tardy binary, unmodified, run with
# the staged library on LD_LIBRARY_PATH; and p_cat and p_daemon, built through
# pkg-config. Each check asserts what the program printed: the facts only our
# explanations give (the directory a relative name was looked up in, the nearest
# existing name, the mount point of a full file system). Ends with "N passed, N failed".
# usage: programs.sh STAGE BUILD
set -u
stage=$1 build=$2
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
expect() { # NAME COMMAND...: passes when COMMAND succeeds
    name=$1; shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}
has() { # TEXT FACT: TEXT (joined into one line) contains FACT
    printf '%s' "$1" | tr '\n' ' ' | sed 's/  */ /g' | grep -qF -- "$2" || { printf 'expected %s in:\n%s\n' "$2" "$1"; return 1; }
}
lib=$(readlink -f "$stage/lib/libexplain.so.51")
work=$(mktemp -d /tmp/libexplain-programs-XXXXXX)
full=$work/full
cleanup() { umount -l "$full" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/d"
echo hello > "$work/d/a.txt"
printf 'second\n' > "$work/b.txt"
(cd "$work" && tar cf small.tar d)

# --- tardy: Debian's binary, linked against libexplain.so.51, on our library.
tardy=$(command -v tardy)
if [ -z "$tardy" ]; then
    fail "tardy is installed (apt-get install tardy)"
else
    # Every explain_* function tardy was linked with must be ours (it is bound at load).
    missing=""
    for s in $(nm -D --undefined-only "$tardy" | awk '/ explain_/ {print $2}'); do
        nm -D --defined-only "$lib" | awk '{print $3}' | grep -qx "$s" || missing="$missing $s"
    done
    expect "our library has every explain_* function tardy uses (missing:${missing:- none})" test -z "$missing"
    loaded=$(LD_LIBRARY_PATH="$stage/lib" ldd "$tardy" | sed -n 's/^[[:space:]]*libexplain\.so\.51 => \([^ ]*\).*/\1/p')
    expect "tardy loads the staged library ($loaded)" test "$(readlink -f "$loaded")" = "$lib"
    out=$(cd "$work" && LD_LIBRARY_PATH="$stage/lib" "$tardy" -list small.tar /dev/null 2>&1)
    status=$?
    expect "tardy -list small.tar succeeds (status $status)" test "$status" -eq 0
    expect "tardy -list lists the archive" has "$out" "d/a.txt"
    out=$(cd "$work" && LD_LIBRARY_PATH="$stage/lib" "$tardy" -list smal.tar /dev/null 2>&1)
    status=$?
    expect "tardy on a missing archive exits 1 (status $status)" test "$status" -eq 1
    expect "tardy prints our explanation: the call" has "$out" 'open(pathname = "smal.tar", flags = O_RDONLY) failed'
    expect "tardy prints our explanation: the directory searched" has "$out" "in the current directory \"$work\""
    expect "tardy prints our explanation: the nearest name" has "$out" 'perhaps the "small.tar" regular file was meant'
fi

# --- p_cat: stdio through _or_die.
out=$("$build/p_cat" "$work/d/a.txt" "$work/b.txt" 2>&1)
expect "p_cat concatenates two files" test "$out" = "hello
second"
out=$(cd "$work" && "$build/p_cat" d/a.txt d/b.txt 2>&1)
status=$?
expect "p_cat on a missing file exits 1 (status $status)" test "$status" -eq 1
expect "p_cat names the program and the call" has "$out" 'p_cat: fopen(pathname = "d/b.txt", flags = "r") failed'
expect "p_cat says where d/b.txt was looked for" has "$out" "\"$work/d\""
expect "p_cat suggests the existing name" has "$out" '"a.txt"'
out=$("$build/p_cat" "$work/d/a.txt" 2>&1 >/dev/full)
status=$?
expect "p_cat to /dev/full exits 1 (status $status)" test "$status" -eq 1
expect "p_cat to /dev/full explains ENOSPC" has "$out" "ENOSPC"
expect "p_cat to /dev/full names the stream and its file" has "$out" 'fp = stdout "/dev/full"'

# --- p_daemon: a config, the environment, a charset, a pid file.
printf '# settings\nworkers=4\n=orphan\ncharset=ISO-8859-1\n' > "$work/daemon.conf"
out=$("$build/p_daemon" "$work/daemon.conf" "$work/daemon.pid" 2>&1)
status=$?
expect "p_daemon starts (status $status)" test "$status" -eq 0
expect "p_daemon reports the empty name and goes on (setenv _on_error)" has "$out" 'setenv(name = "", value = "orphan", overwrite = 1) failed'
expect "p_daemon: the setenv explanation says the name is empty" has "$out" "name is the empty string"
pid=$(printf '%s' "$out" | sed -n 's/^started pid \([0-9]*\), 1 bad line$/\1/p')
expect "p_daemon wrote its pid file ($pid)" test -n "$pid" -a "$(cat "$work/daemon.pid" 2>/dev/null)" = "$pid"
out=$("$build/p_daemon" "$work/daemon.cnf" "$work/daemon.pid" 2>&1)
status=$?
expect "p_daemon without its config exits 1 (status $status)" test "$status" -eq 1
expect "p_daemon explains the missing config with the nearest name" has "$out" '"daemon.conf"'
printf 'charset=UTF-9\n' > "$work/bad-charset.conf"
out=$("$build/p_daemon" "$work/bad-charset.conf" "$work/daemon.pid" 2>&1)
status=$?
expect "p_daemon with an unknown charset exits 1 (status $status)" test "$status" -eq 1
expect "p_daemon names the unknown charset and the nearest known one" has "$out" 'perhaps "UTF-8" was meant'
# A character set whose module a gconv-modules file (on GCONV_PATH) names but that is
# not installed: glibc's iconv_open fails with EINVAL.
mkdir -p "$work/gconv"
printf 'alias\tMYSET//\tMY-SET//\nmodule\tMY-SET//\tINTERNAL\tMYSETMOD\t1\nmodule\tINTERNAL\tMY-SET//\tMYSETMOD\t1\n' > "$work/gconv/gconv-modules"
printf 'charset=myset\n' > "$work/module.conf"
out=$(GCONV_PATH="$work/gconv" "$build/p_daemon" "$work/module.conf" "$work/daemon.pid" 2>&1)
status=$?
expect "p_daemon with a charset whose module is missing exits 1 (status $status)" test "$status" -eq 1
expect "p_daemon names the missing module file" has "$out" "\"$work/gconv/MYSETMOD.so\", does not exist"
# A full tmpfs: the pid file cannot be written.
mkdir -p "$full"
if mount -t tmpfs -o size=4k,nr_inodes=16 tmpfs "$full" 2>/dev/null; then
    dd if=/dev/zero of="$full/filler" bs=4k count=1 2>/dev/null
    out=$("$build/p_daemon" "$work/daemon.conf" "$full/daemon.pid" 2>&1)
    status=$?
    expect "p_daemon on a full tmpfs exits 1 (status $status)" test "$status" -eq 1
    expect "p_daemon on a full tmpfs explains ENOSPC" has "$out" "ENOSPC"
    expect "p_daemon on a full tmpfs names the mount point" has "$out" "\"$full\""
else
    fail "mount a tmpfs for the full file system case (needs root)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# make install into a temporary DESTDIR installs exactly the expected files, a program
# builds against it through pkg-config and runs with it, and make uninstall removes
# everything it installed. usage: check-install.sh (from the top directory)
set -eu
make=${MAKE:-make}
prefix=/opt/libexplain-check
dest=$(mktemp -d /tmp/libexplain-install-XXXXXX)
trap 'rm -rf "$dest"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
root=$dest$prefix

$make -s install DESTDIR="$dest" PREFIX="$prefix" >/dev/null

# Exactly these files and links, nothing else.
expected=$( (
    echo "bin/explain"
    echo "lib/libexplain.so.51.$version"
    echo "lib/libexplain.so.51 -> libexplain.so.51.$version"
    echo "lib/libexplain.so -> libexplain.so.51"
    echo "lib/libexplain.a"
    echo "lib/pkgconfig/libexplain.pc"
    for h in include/libexplain/*.h; do echo "include/libexplain/$(basename "$h")"; done
    for m in man/man1/*.1 man/man3/*.3; do echo "share/$m"; done
) | sort)
actual=$(cd "$root" && find . \( -type f -o -type l \) | sed 's|^\./||' | while read -r f; do
    if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; else echo "$f"; fi
done | sort)
if [ "$expected" != "$actual" ]; then
    echo "make install installed the wrong files:"
    diff -u "$(printf '%s\n' "$expected" > "$dest/e"; echo "$dest/e")" "$(printf '%s\n' "$actual" > "$dest/a"; echo "$dest/a")" || true
    exit 1
fi

# The .pc file names the real prefix (not the DESTDIR).
pc=$root/lib/pkgconfig/libexplain.pc
grep -qx "prefix=$prefix" "$pc" || { echo "libexplain.pc: wrong prefix"; cat "$pc"; exit 1; }
grep -qx "Version: $version" "$pc" || { echo "libexplain.pc: wrong version"; exit 1; }
grep -qx 'Libs: -L${libdir} -lexplain' "$pc" || { echo "libexplain.pc: wrong Libs"; exit 1; }
grep -q '^Libs.private: .*-lpthread' "$pc" || { echo "libexplain.pc: Libs.private lacks -lpthread"; exit 1; }

# A program built through pkg-config against the installed tree (pkg-config's sysroot
# maps the prefix into DESTDIR), run with the installed library.
cat > "$dest/hello.c" <<'C'
#include <libexplain/libexplain.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    char msg[1024];
    explain_message_errno_open(msg, sizeof(msg), 2, "/nonexistent", O_RDONLY, 0);
    printf("%s\n%s\n", explain_rs_version(), msg);
    return strstr(msg, "ENOENT") ? 0 : 1;
}
C
flags=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest" pkg-config --cflags --libs libexplain)
case "$flags" in *"-I$root/include"*"-L$root/lib"*) ;; *) echo "pkg-config gave: $flags"; exit 1;; esac
${TEST_CC:-cc} -Wall -Wextra -Werror -o "$dest/hello" "$dest/hello.c" $flags
LD_LIBRARY_PATH="$root/lib" "$dest/hello" > "$dest/out" || { echo "hello failed:"; cat "$dest/out"; exit 1; }
head -1 "$dest/out" | grep -q '^libexplain-rs ' || { echo "hello did not load the installed library"; exit 1; }
static_flags=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest" pkg-config --static --libs libexplain)
${TEST_CC:-cc} -o "$dest/hello-static" "$dest/hello.c" -I"$root/include" "$root/lib/libexplain.a" $(echo "$static_flags" | sed 's/-lexplain//')
"$dest/hello-static" >/dev/null || { echo "hello linked with libexplain.a failed"; exit 1; }

# The manual resolves from the installed tree: a call's page, a name that is a .so link
# to it, the command's page and the conventions and output pages.
for page in explain_open explain_errno_open explain_open_or_die "1 explain" "3 explain" explain_output explain_output_error; do
    # shellcheck disable=SC2086
    text=$(MANWIDTH=80 man -M "$root/share/man" $page 2>"$dest/manerr") || { echo "man $page failed:"; cat "$dest/manerr"; exit 1; }
    [ ! -s "$dest/manerr" ] || { echo "man $page warned:"; cat "$dest/manerr"; exit 1; }
    case "$page" in
        *open*) want="explain_open_or_die" ;;
        "1 explain") want="EXPLAIN_OPTIONS" ;;
        "3 explain") want="The shared buffer" ;;
        *) want="explain_output_register" ;;
    esac
    echo "$text" | grep -q "$want" || { echo "man $page does not show $want:"; echo "$text" | head -20; exit 1; }
done

$make -s uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null
left=$(cd "$dest" && find . \( -type f -o -type l \) ! -name 'hello*' ! -name out ! -name e ! -name a ! -name manerr | sed 's|^\./||')
if [ -n "$left" ]; then
    echo "make uninstall left files behind:"
    echo "$left"
    exit 1
fi
[ ! -d "$root/include/libexplain" ] || { echo "make uninstall left include/libexplain"; exit 1; }
echo "install/uninstall: $(echo "$expected" | wc -l) files installed, used through pkg-config and removed"

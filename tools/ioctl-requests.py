#!/usr/bin/env python3
"""Generates src/decode/ioctl_requests_uapi.in, the ioctl(2) requests of the kernel's
UAPI headers (issue 13), from the headers installed on this machine.

Needs: python3, a C compiler (cc), linux-libc-dev (the headers), and Debian's
libexplain command (/usr/bin/explain, package `explain`) to learn, for the requests
libexplain 1.4 knows, the name it echoes for a number shared by several names and the
way it echoes the third argument, so that our call echo stays byte-identical to its.
Without /usr/bin/explain the table is still written, from the headers alone.

CI never runs this script; the build reads its committed output. Run it again after a
linux-libc-dev upgrade:  tools/ioctl-requests.py > src/decode/ioctl_requests_uapi.in

How:
  1. every `#define NAME _IO(…)`, `_IOR(…)`, `_IOW(…)`, `_IOWR(…)` of the headers under
     /usr/include/{linux,asm-generic,x86_64-linux-gnu/asm,sound,drm,mtd,scsi,misc,rdma},
     and the plain-number requests of the headers that define requests without those
     macros (the terminal and socket ones, <asm-generic/ioctls.h>, <linux/sockios.h>…);
  2. each header compiled alone (or after a few system headers it needs) in a small C
     program that prints the value of each of its requests; a request whose type is
     incomplete there is dropped (the compiler's error names its line); a header that
     does not compile at all is skipped;
  3. the third argument's type from the macro's third argument: `T *` for _IOR and
     _IOWR, `const T *` for _IOW, `ignored` for _IO; Debian's echo of it for the
     requests Debian knows;
  4. names already in the hand-written src/decode/ioctl_requests.in are left out (it
     comes first in the table, and says what is special about them).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

INCLUDE = "/usr/include"
DIRS = ["linux", "asm-generic", "x86_64-linux-gnu/asm", "sound", "drm", "mtd", "scsi", "misc", "rdma"]
HERE = os.path.dirname(os.path.abspath(__file__))
HAND = os.path.join(HERE, "..", "src", "decode", "ioctl_requests.in")
DEBIAN_EXPLAIN = "/usr/bin/explain"

# Headers whose requests are plain numbers (no _IO macros), and the prefixes of the
# names there that are requests (the rest are flags and sub-codes).
PLAIN = {
    "asm-generic/ioctls.h": r"(TC[GSFX]\w*|TIOC(?!PKT_)\w+|FIO\w+)",
    "linux/sockios.h": r"SIOC\w+",
    "asm-generic/sockios.h": r"(FIO\w+|SIOC\w+)",
    "linux/fs.h": r"BLK\w+",
    "linux/cdrom.h": r"CDROM\w+",
    "linux/hdreg.h": r"HDIO_\w+",
    "linux/kd.h": r"(KD\w+|GIO_\w+|PIO_\w+|KIOC\w+)",
    "linux/vt.h": r"VT_(OPENQRY|GETMODE|SETMODE|GETSTATE|SENDSIG|RELDISP|ACTIVATE|WAITACTIVE|DISALLOCATE|RESIZE|RESIZEX|LOCKSWITCH|UNLOCKSWITCH|GETHIFONTMASK|WAITEVENT|SETACTIVATE)",
    "linux/lp.h": r"LP(CHAR|TIME|ABORT|SETIRQ|GETIRQ|WAIT|CAREFUL|ABORTOPEN|GETSTATUS|RESET|GETSTATS|GETFLAGS|SETTIMEOUT_OLD|SETTIMEOUT_NEW)",
    "linux/fd.h": r"FD\w+",
    "linux/loop.h": r"LOOP_(?!CTL_)\w+|LOOP_CTL_\w+",
}
# The system headers tried before a header, in turn, until it compiles.
# <linux/ioctl.h> defines the _IO macros, which many headers use without including it.
PRELUDES = [
    ["linux/ioctl.h", "asm/ioctls.h"],
    ["linux/ioctl.h", "asm/ioctls.h", "sys/types.h", "linux/types.h"],
    ["linux/ioctl.h", "asm/ioctls.h", "sys/types.h", "sys/socket.h", "sys/time.h", "linux/types.h"],
    ["linux/ioctl.h", "asm/ioctls.h", "sys/types.h", "sys/socket.h", "sys/time.h", "linux/types.h", "linux/if.h", "linux/posix_types.h", "stdint.h", "linux/major.h"],
]


def logical_lines(text):
    """The header's lines with backslash continuations joined and comments removed."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return text.replace("\\\n", " ").split("\n")


def split_args(s):
    """The comma-separated arguments of a macro call `(a, b, c)` and what follows."""
    depth, args, cur = 0, [], ""
    for i, c in enumerate(s):
        if c == "(":
            depth += 1
            if depth == 1:
                continue
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append(cur.strip())
                return args, s[i + 1:]
        elif c == "," and depth == 1:
            args.append(cur.strip())
            cur = ""
            continue
        if depth >= 1:
            cur += c
    return None, ""


def data_type(macro, args):
    if macro == "_IO":
        return "ignored"
    if len(args) != 3:
        return "void *"
    t = " ".join(args[2].split())
    if t.startswith("sizeof") or re.fullmatch(r"[0-9xXa-fA-F]+", t) or "(" in t:
        return "void *"
    t = re.sub(r"\s*\[[^]]*\]", "", t)  # an array: a pointer to its first element
    t = t + " *"
    return ("const " + t) if macro == "_IOW" else t


def include_name(path):
    rel = os.path.relpath(path, INCLUDE)
    return rel.replace("x86_64-linux-gnu/", "", 1)


def headers():
    """(include name, logical lines) of each header, in order."""
    for d in DIRS:
        for root, _, files in sorted(os.walk(os.path.join(INCLUDE, d))):
            for f in sorted(files):
                if f.endswith(".h"):
                    path = os.path.join(root, f)
                    with open(path, errors="replace") as fh:
                        yield include_name(path), logical_lines(fh.read())


def wrappers():
    """{macro: (_IOx, index of its type parameter or None)} for the headers' own
    request macros (`#define AMDKFD_IOWR(nr, type) _IOWR(AMDKFD_IOCTL_BASE, nr, type)`)."""
    found = {"_IO": ("_IO", None), "_IOR": ("_IOR", 2), "_IOW": ("_IOW", 2), "_IOWR": ("_IOWR", 2)}
    for _, lines in headers():
        for line in lines:
            m = re.match(r"\s*#\s*define\s+(\w+)\(([^)]*)\)\s+(_IO|_IOR|_IOW|_IOWR)\s*(\(.*)", line)
            if not m:
                continue
            params = [p.strip() for p in m.group(2).split(",")]
            args, _ = split_args(m.group(4))
            if args is None:
                continue
            t = args[2] if len(args) == 3 else None
            found.setdefault(m.group(1), (m.group(3), params.index(t) if t in params else None))
    return found


def structs():
    """{`struct NAME`: the header that defines it}, to complete a request's type."""
    found = {}
    for inc, lines in headers():
        for line in lines:
            m = re.match(r"\s*struct\s+(\w+)\s*\{", line)
            if m:
                found.setdefault("struct " + m.group(1), inc)
    return found


def candidates():
    """(header, name, data type) of each request defined in the headers, in order."""
    found = []
    macros = wrappers()
    for inc, lines in headers():
        plain = PLAIN.get(inc)
        for line in lines:
            m = re.match(r"\s*#\s*define\s+([A-Za-z_]\w*)\s+(\w+)\s*(\(.*)", line)
            if m and m.group(2) in macros:
                args, _ = split_args(m.group(3))
                if args is not None:
                    io, i = macros[m.group(2)]
                    typed = args if i is None or i >= len(args) else [None, None, args[i]]
                    found.append((inc, m.group(1), data_type(io, typed)))
                continue
            if plain:
                m = re.match(r"\s*#\s*define\s+(?P<name>" + plain + r")\s+(?P<value>\S.*)", line)
                if m and not m.group("name").endswith("_H") and re.match(r"[(0-9A-Z_]", m.group("value").strip()):
                    found.append((inc, m.group("name"), "void *"))
    return found


def compile_values(cc, tmp, header, names, extra=()):
    """{name: value} of the names that compile after `header` (with some prelude)."""
    for prelude in PRELUDES:
        prelude = prelude + list(extra)
        todo = list(names)
        for _ in range(8):
            if not todo:
                return {}
            src = os.path.join(tmp, "t.c")
            body = "".join(f'printf("%s 0x%08X\\n", "{n}", (unsigned int)({n}));\n' for n in todo)
            head = "".join(f"#include <{p}>\n" for p in prelude)
            first = 4 + len(prelude)  # the line of the first printf
            with open(src, "w") as fh:
                fh.write(f"#include <stdio.h>\n{head}#include <{header}>\nint main(void) {{\n\n{body}return 0;\n}}\n")
            exe = os.path.join(tmp, "t")
            r = subprocess.run([cc, "-w", "-o", exe, src], capture_output=True, text=True)
            if r.returncode == 0:
                out = subprocess.run([exe], capture_output=True, text=True).stdout
                return dict(l.split() for l in out.splitlines())
            # An error on a printf line drops that request; an error anywhere else is
            # the header's own: the next prelude.
            bad, elsewhere = set(), False
            for l in r.stderr.splitlines():
                if ": error" not in l:
                    continue
                m = re.match(re.escape(src) + r":(\d+):\d+: error", l)
                if m and int(m.group(1)) > first:
                    bad.add(int(m.group(1)) - first - 1)
                else:
                    elsewhere = True
            if not bad or elsewhere:
                break
            todo = [n for i, n in enumerate(todo) if i not in bad]
    return {}


def debian_echo(names):
    """{name: (value echoed name, data text)} as Debian's explain(1) echoes
    `ioctl 0 NAME 0x1000`, for the names it knows."""
    known = {}
    if not os.access(DEBIAN_EXPLAIN, os.X_OK):
        return known
    for n in names:
        r = subprocess.run([DEBIAN_EXPLAIN, "-e", "ENOTTY", "ioctl", "0", n, "0x1000"], capture_output=True, text=True)
        text = " ".join(r.stdout.split() + r.stderr.split())
        m = re.search(r"request = (\S+), (.*?)data((?:\[[^]]*\])+)? = (\S+?)( ignored)?\) failed", text)
        if not m:
            continue
        if m.group(5):
            data = "ignored"
        elif m.group(3):
            data = m.group(2).strip() + m.group(3)  # an array: `char[IFNAMSIZ]`, `char[32][256]`
        elif m.group(2) == "intptr_t " and m.group(4).startswith("0x"):
            data = "intptr_t (hex)"  # a number Debian echoes in hex (flags, masks)
        elif m.group(2) == "intptr_t ":
            data = "intptr_t"
        else:
            data = m.group(2).strip() or "void *"
        known[n] = (m.group(1), data)
    return known


def main():
    cc = shutil.which("cc") or shutil.which("gcc")
    hand = set()
    with open(HAND) as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                hand.add(line.split()[0].split("=")[0])
    by_header = {}
    types = {}
    home = {}
    for header, name, data in candidates():
        if name in hand or name in types:
            continue
        types[name] = data
        home[name] = header
        by_header.setdefault(header, []).append(name)
    values = {}
    skipped = []
    defined_in = structs()
    with tempfile.TemporaryDirectory() as tmp:
        for header, names in by_header.items():
            got = compile_values(cc, tmp, header, names)
            if not got:
                skipped.append(header)
            values.update(got)
            # A request whose struct another header defines (FS_IOC_FIEMAP's struct
            # fiemap): again, after that header.
            for n in names:
                t = re.sub(r"^const |\s*\*$", "", types[n])
                if n not in values and t in defined_in:
                    values.update(compile_values(cc, tmp, header, [n], [defined_in[t]]))
    debian = debian_echo(sorted(values))
    # For a number several names share, the one Debian echoes comes first, then those of
    # the generic headers (FICLONERANGE before BTRFS_IOC_CLONE_RANGE).
    echoed = {v: d[0] for n, d in debian.items() for v in [values[n]] if d[0] == n}
    generic = ("asm-generic/", "linux/fs.h", "linux/sockios.h")
    order = sorted(values, key=lambda n: (0 if echoed.get(values[n]) == n else 1 if home[n].startswith(generic) else 2))
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "linux-libc-dev"], capture_output=True, text=True).stdout.strip() or "unknown"
    print("# ioctl(2) requests of the kernel's UAPI headers: `NAME=VALUE DATA`, as in")
    print("# ioctl_requests.in (which comes first in the table and holds the requests whose")
    print("# third argument is special). GENERATED by tools/ioctl-requests.py from")
    print(f"# linux-libc-dev {version} (/usr/include/{{{','.join(DIRS)}}}); do not edit:")
    print("# run the script again. DATA is the pointee type of the macro's third argument, or")
    print("# Debian's libexplain echo of it for the requests Debian knows; where names share a")
    print("# number, the one Debian echoes comes first.")
    print(f"# {len(order)} requests; headers that do not compile alone, skipped: {len(skipped)}.")
    for n in order:
        data = debian[n][1] if n in debian else types[n]
        print(f"{n}={values[n]} {data}")


if __name__ == "__main__":
    main()

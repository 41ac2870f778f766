#!/bin/sh
# The version script (libexplain.map) must limit the library's dynamic exports to the
# public explain_* names: anything else (Rust internals, the C helper's callback) is a
# leak of the ABI. usage: check-exports.sh LIBRARY
set -eu
lib=$1
all=$(nm -D --defined-only "$lib" | awk '{print $3}')
others=$(echo "$all" | grep -v '^explain_' || true)
count=$(echo "$all" | grep -c '^explain_' || true)
if [ -n "$others" ]; then
    echo "$lib exports names outside explain_*:"
    echo "$others"
    exit 1
fi
# A stripped or empty export table would pass the test above: require the known names.
for name in explain_open explain_rs_version explain_output_error explain_output_register; do
    echo "$all" | grep -qx "$name" || { echo "$lib does not export $name"; exit 1; }
done
echo "$lib: $count exports, all explain_*"

#!/bin/bash
# Checks that docs/syscalls.md lists exactly the syscalls of
# syscalls/syscall_table.h: every SYSCALL(nr, name, ...) has a table row
# "| nr | name | ..." in the doc and every row names a syscall in the
# table, with the same number.  Run by meson (suite 'docs').
#
#   tools/check-syscall-docs.sh [SOURCE_ROOT]
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
table=$root/syscalls/syscall_table.h
doc=$root/docs/syscalls.md
for f in "$table" "$doc"; do
	[ -f "$f" ] || { echo "missing $f"; exit 1; }
done
# "nr name" pairs from the X-macro list (lines starting with SYSCALL().
from_table=$(sed -n 's/^[[:space:]]*SYSCALL([[:space:]]*\([0-9]*\)[[:space:]]*,[[:space:]]*\([a-z0-9_]*\)[[:space:]]*,.*/\1 \2/p' \
	"$table" | sort -u)
# "nr name" pairs from the doc's table rows: | 0 | read | ... |
from_doc=$(sed -n 's/^|[[:space:]]*\([0-9][0-9]*\)[[:space:]]*|[[:space:]]*`\{0,1\}\([a-z0-9_]*\)`\{0,1\}[[:space:]]*|.*/\1 \2/p' \
	"$doc" | sort -u)
if [ -z "$from_table" ]; then
	echo "no SYSCALL() entries found in $table"
	exit 1
fi
missing=$(comm -23 <(echo "$from_table") <(echo "$from_doc"))
extra=$(comm -13 <(echo "$from_table") <(echo "$from_doc"))
status=0
if [ -n "$missing" ]; then
	echo "in syscall_table.h but not in docs/syscalls.md (nr name):"
	echo "$missing" | sed 's/^/  /'
	status=1
fi
if [ -n "$extra" ]; then
	echo "in docs/syscalls.md but not in syscall_table.h (nr name):"
	echo "$extra" | sed 's/^/  /'
	status=1
fi
[ $status -eq 0 ] && echo "docs/syscalls.md matches syscall_table.h ($(echo "$from_table" | wc -l) syscalls)"
exit $status

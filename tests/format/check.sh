#!/bin/bash
# Format check: clang-format --dry-run --Werror over every .c/.h in the
# source tree (what git tracks or would track: build directories and
# generated files excluded), using the checked-in .clang-format.  Lists
# the files that need `clang-format -i`.
#
#   tests/format/check.sh [SOURCE_ROOT]
#
# Called by meson (suite 'format'); exit 0 when every file is formatted,
# 1 otherwise, 77 (skipped) when clang-format is not installed.
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
if ! command -v clang-format >/dev/null; then
	echo "SKIP: clang-format not installed"
	exit 77
fi
# Files in batches, two clang-format processes at a time; the warnings
# name the offending files.
if git rev-parse --git-dir >/dev/null 2>&1; then
	# Tracked and new files, not what .gitignore excludes (build output,
	# generated benchmark data).
	files=$(git ls-files --cached --others --exclude-standard -- '*.c' '*.h' |
		sed 's|^|./|' | sort -u)
else
	files=$(find . \( -name '.git' -o -name 'build*' -o -name 'node_modules' \
		-o -path './bench/out' \) -prune \
		-o -type f \( -name '*.c' -o -name '*.h' \) -print | sort)
fi
total=$(printf '%s\n' "$files" | grep -c .)
bad=$(printf '%s\n' "$files" | tr '\n' '\0' |
	xargs -0 -P 2 -n 16 clang-format --style=file --dry-run --Werror 2>&1 |
	sed -n 's/^\([^:]*\.[ch]\):[0-9]*:[0-9]*: .*/\1/p' | sort -u)
if [ -z "$bad" ]; then
	echo "format: all $total C files formatted"
	exit 0
fi
echo "format: $(printf '%s\n' "$bad" | wc -l) of $total files need clang-format -i:"
printf '  %s\n' $bad
echo "first differences:"
for f in $(printf '%s\n' "$bad" | head -n 3); do
	clang-format --style=file --dry-run "$f" 2>&1 | head -n 12
done
exit 1

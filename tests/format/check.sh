#!/bin/bash
# Format check: clang-format --dry-run --Werror over every .c/.h in the
# source tree (build directories and .git excluded), using the checked-in
# .clang-format.  Lists the files that need `clang-format -i`.
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
bad=()
total=0
while IFS= read -r -d '' f; do
	total=$((total + 1))
	if ! clang-format --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
		bad+=("$f")
	fi
done < <(find . \( -name '.git' -o -name 'build*' -o -name 'node_modules' \) -prune \
	-o -type f \( -name '*.c' -o -name '*.h' \) -print0 | sort -z)
if [ ${#bad[@]} -eq 0 ]; then
	echo "format: all $total C files formatted"
	exit 0
fi
echo "format: ${#bad[@]} of $total files need clang-format -i:"
printf '  %s\n' "${bad[@]}"
echo "first differences:"
for f in "${bad[@]:0:3}"; do
	clang-format --style=file --dry-run "$f" 2>&1 | head -n 12
done
exit 1

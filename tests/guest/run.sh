#!/bin/bash
# Runs one guest program natively and under wax and compares stdout and
# exit status (stderr is shown on failure but not compared: wax may log).
#
#   tests/guest/run.sh WAX PROGRAM [ARGS...]
#
# WAX is build/wax, build-wasm/wasm/wax-node, or any command taking
# "PROGRAM ARGS..." (a script that just execs "$@" checks this harness).
# Each run gets a fresh empty current directory (the programs create
# their files there) and the same fixed environment, stdin </dev/null.
# Called by meson (tests/guest/meson.build, suite 'guest'), one test per
# program and build variant.  Exit 0 = same, 1 = different, 77 = skipped.
#
# Environment: WAX_TEST_TIMEOUT (seconds per run, default 60),
# WAX_TEST_KEEP=1 keeps the scratch directory.
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 WAX PROGRAM [ARGS...]" >&2
	exit 2
fi
wax=$1
prog=$2
shift 2
timeout_s=${WAX_TEST_TIMEOUT:-60}

if [ ! -x "$prog" ]; then
	echo "SKIP: $prog was not built"
	exit 77
fi
# Both runs happen in scratch directories: make the paths absolute.
prog=$(readlink -f "$prog")
case $wax in
*/*) wax=$(readlink -f "$wax") ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/wax-guest.XXXXXX")
if [ "${WAX_TEST_KEEP:-0}" != 1 ]; then
	trap 'rm -rf "$work"' EXIT
fi
mkdir "$work/native" "$work/wax"

# The same environment for both runs.  PATH is kept so that a launcher
# (wax-node) finds node; the guest sees the same value either way.
guest_env=(env -i "PATH=$PATH" HOME=/ LC_ALL=C TZ=UTC WAXTEST_VAR=hello)

run() { # DIR OUT ERR CMD...
	local dir=$1 out=$2 err=$3
	shift 3
	(cd "$dir" && exec timeout -k 5 "$timeout_s" "${guest_env[@]}" "$@" \
		</dev/null >"$out" 2>"$err")
}

run "$work/native" "$work/native.out" "$work/native.err" "$prog" "$@"
native_status=$?
run "$work/wax" "$work/wax.out" "$work/wax.err" $wax "$prog" "$@"
wax_status=$?

name=$(basename "$prog")
if [ $native_status -eq 126 ] || [ $native_status -eq 127 ]; then
	echo "FAIL: $name could not run natively (exit $native_status):"
	cat "$work/native.err"
	exit 1
fi
if [ $native_status -eq $wax_status ] &&
	cmp -s "$work/native.out" "$work/wax.out"; then
	echo "PASS: $name (exit $native_status, $(wc -l <"$work/native.out") lines)"
	exit 0
fi

echo "FAIL: $name $*"
if [ $native_status -ne $wax_status ]; then
	echo "exit status: native $native_status, wax $wax_status"
	[ $wax_status -eq 124 ] && echo "(wax timed out after ${timeout_s}s)"
fi
if ! cmp -s "$work/native.out" "$work/wax.out"; then
	echo "--- stdout differs (native vs wax), first 80 lines of the diff:"
	diff -u --label native --label wax "$work/native.out" "$work/wax.out" |
		head -n 80
fi
echo "--- wax stderr (last 30 lines):"
tail -n 30 "$work/wax.err"
exit 1

#!/bin/bash
# The test command (README): installs what is missing, builds both
# builds, then runs every meson suite of the native build (unit, guest,
# debian, format, docs, difftest) and the guest and debian suites of the WebAssembly build
# under Node.  Prints meson's per-test lines and summaries, then one
# closing line "tests: N passed, N failed, N skipped"; exits non-zero if
# anything failed.
#
#   tools/test.sh            everything
#   tools/test.sh --native   skip the WebAssembly build and its tests
set -uo pipefail
cd "$(dirname "$0")/.."

native_only=
[ "${1:-}" = --native ] && native_only=--native-only

tools/deps.sh || exit 1
tools/build.sh $native_only || { echo "tests: 0 passed, 1 failed (build failed)"; exit 1; }

export MESON_TESTTHREADS=${MESON_TESTTHREADS:-2}
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite() { # LABEL MESON-TEST-ARGS...
	local label=$1
	shift
	echo "=== $label: meson test $*"
	meson test --no-rebuild --print-errorlogs "$@" 2>&1 | tee "$log"
	local ok fail to skip xfail
	ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
	fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
	xfail=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
	to=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
	skip=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
	if [ -z "$ok" ] && [ -z "$fail" ]; then
		echo "=== $label: meson test produced no summary"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + ${ok:-0}))
	failed=$((failed + ${fail:-0} + ${to:-0} + ${xfail:-0}))
	skipped=$((skipped + ${skip:-0}))
}

run_suite native -C build
if [ -z "$native_only" ]; then
	# Each Node run mostly waits (start-up, worker threads), so more
	# parallel tests than cores pay off.
	MESON_TESTTHREADS=${WAX_WASM_TESTTHREADS:-4} \
		run_suite wasm -C build-wasm --suite guest --suite debian
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

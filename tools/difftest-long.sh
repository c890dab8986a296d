#!/bin/sh
# Long run of the differential tester (wax's CPU against the host CPU):
# 40000 cases per instruction form and operand width (about 34 million in
# all) unless --cases says otherwise; extra arguments go to difftest
# (--seed S, --filter TEXT, --cases N, --max-print N).  Builds first.
# Usage: tools/difftest-long.sh [difftest options]
set -e
cd "$(dirname "$0")/.."
ninja -C build tests/difftest/difftest >/dev/null
exec build/tests/difftest/difftest --long "$@"

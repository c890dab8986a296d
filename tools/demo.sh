#!/bin/bash
# Quick start (README): installs what is missing, builds the native wax,
# and runs a program under it, by default the host's own Debian ls:
#
#   tools/demo.sh                       build/wax /bin/ls -la /etc
#   tools/demo.sh /bin/bash -c 'echo $((6*7))'
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
tools/build.sh --native-only
if [ $# -eq 0 ]; then
	set -- /bin/ls -la /etc
fi
echo "\$ build/wax $*"
exec build/wax "$@"

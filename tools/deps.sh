#!/bin/bash
# Installs the Debian 12 packages wax needs to build and test, skipping
# the apt run when all of them are already installed.  Used by
# tools/test.sh, tools/demo.sh and .ci/run.
#
#   tools/deps.sh [--update]     (--update: always apt-get update first)
set -euo pipefail

packages=(
	gcc libc6-dev pkg-config meson ninja-build # native build
	libcriterion-dev uthash-dev libelf-dev      # unit tests, headers, libelf
	musl-tools                                  # guest programs (musl-gcc)
	emscripten nodejs                           # WebAssembly build and Node
	clang-format                                # format check
	e2fsprogs python3                           # disk images, meson
	coreutils findutils grep sed mawk bash      # the Debian programs tested
)

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ] && [ "${1:-}" != --update ]; then
	echo "deps: all ${#packages[@]} packages installed"
	exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null; then
		sudo=(sudo)
	else
		echo "deps: missing ${missing[*]}; run as root or install them" >&2
		exit 1
	fi
fi
echo "deps: installing ${missing[*]:-(refresh)}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

#!/bin/bash
# Configures (first time) and builds wax: build/ (native) and, unless
# --native-only, build-wasm/ (WebAssembly, emcc + the cross file).
#
#   tools/build.sh [--native-only]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${WAX_JOBS:-2}

if [ ! -f build/build.ninja ]; then
	meson setup build
fi
ninja -C build -j "$jobs"

if [ "${1:-}" != --native-only ]; then
	if [ ! -f build-wasm/build.ninja ]; then
		meson setup build-wasm --cross-file wasm/emscripten.ini
	fi
	ninja -C build-wasm -j "$jobs"
fi

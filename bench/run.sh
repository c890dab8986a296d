#!/bin/bash
# bench/run.sh - wax's benchmark harness (bench/, a separate command: not
# part of meson or the test suite).  Builds the guest programs of
# bench/src, generates the inputs, runs every program under each runner
# side by side, checks each output against the native one and prints a
# table of times, ratios to native and their geometric mean per group.
#
#   bench/run.sh [--quick] [--runners LIST] [-n N] [--cpu-limit SEC]
#                [--timeout SEC] [--rep-budget SEC] [--metric cpu|wall]
#                [--only LIST] [--musl]
#
#   --quick        small sizes (about 1/10), N=1
#   --runners L    comma list of native,qemu,wax,wax-release,wax-node
#                  (default native,qemu,wax,wax-node; native always runs:
#                  it is the reference for outputs and ratios)
#   -n N           best of N runs per cell (default 3, 1 with --quick)
#   --cpu-limit S  per-run CPU-time limit in seconds (default 300, ulimit
#                  -t): the cell shows TIMEOUT
#   --timeout S    per-run wall-clock limit in seconds (default 1800; the
#                  machine may be shared, so the CPU limit is the main one)
#   --rep-budget S stop repeating a cell once its runs took S seconds in all
#                  (default 60): slow cells are measured fewer times
#   --metric M     cpu (user+sys of the whole process tree, default: robust
#                  on a shared, loaded machine) or wall
#   --only L       comma list of program names to run
#   --musl         also run the musl-gcc -static builds of the CPU set
#
# Environment: WAX (default build/wax), WAX_RELEASE (build-release/wax),
# WAX_JS (build-wasm/wax.js, run by WAX_NODE_LAUNCHER, default
# wasm/wax-node), QEMU (qemu-x86_64), BENCH_OUT (bench/out).  The wax
# binaries are copied to $BENCH_OUT/snap at start, so a rebuild during a
# long run does not mix two builds.
# Results: $BENCH_OUT/results.tsv (one line per run), logs of every run in
# $BENCH_OUT/logs/PROG.RUNNER.REP.{out,err,time}.  A cell whose program
# exits non-zero or prints something else than native shows FAIL; the
# reasons are listed under the table.  The harness itself never stops on a
# failing cell.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${BENCH_OUT:-$here/out}
quick=0
runners=native,qemu,wax,wax-node
reps=
timeout_s=1800
cpu_limit=300
rep_budget=60
metric=cpu
only=
musl=0

usage() {
	sed -n '8,26p' "$0" | sed 's/^# \{0,1\}//'
	exit "$1"
}

while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 ;;
	--runners) runners=$2; shift ;;
	--runners=*) runners=${1#*=} ;;
	-n) reps=$2; shift ;;
	--timeout) timeout_s=$2; shift ;;
	--cpu-limit) cpu_limit=$2; shift ;;
	--rep-budget) rep_budget=$2; shift ;;
	--metric) metric=$2; shift ;;
	--only) only=$2; shift ;;
	--musl) musl=1 ;;
	-h | --help) usage 0 ;;
	*) echo "run.sh: unknown option $1" >&2; usage 2 ;;
	esac
	shift
done
[ -n "$reps" ] || reps=$((quick ? 1 : 3))
case $metric in cpu | wall) ;; *) echo "run.sh: --metric cpu|wall" >&2; exit 2 ;; esac

WAX=${WAX:-$root/build/wax}
WAX_RELEASE=${WAX_RELEASE:-$root/build-release/wax}
WAX_NODE_LAUNCHER=${WAX_NODE_LAUNCHER:-$root/wasm/wax-node}
QEMU=${QEMU:-qemu-x86_64}
CC1=/usr/lib/gcc/x86_64-linux-gnu/12/cc1
PYTHON=/usr/bin/python3
TIME=/usr/bin/time

bin=$out/bin
data=$out/data
logs=$out/logs
snap=$out/snap
mkdir -p "$bin" "$data" "$logs" "$snap"
[ -x $TIME ] || { echo "run.sh: needs $TIME (apt-get install time)" >&2; exit 2; }

# q FULL QUICK: the size argument for the current mode.
q() { if [ $quick = 1 ]; then echo "$2"; else echo "$1"; fi; }

# ---- build the guest programs and inputs -------------------------------
cpu_progs="sieve sha256 qsort bytecode nbody matmul strings"
build_one() { # SRC OUT CC...
	local src=$1 dst=$2
	shift 2
	if [ ! -x "$dst" ] || [ "$src" -nt "$dst" ]; then
		"$@" -O2 -static -o "$dst" "$src" -lm 2>"$logs/build.$(basename "$dst").log" ||
			{ echo "run.sh: cannot build $dst (see $logs/build.$(basename "$dst").log)" >&2; return 1; }
	fi
}
for p in $cpu_progs; do
	build_one "$here/src/$p.c" "$bin/$p" gcc
	if [ $musl = 1 ]; then
		command -v musl-gcc >/dev/null && build_one "$here/src/$p.c" "$bin/$p.musl" musl-gcc
	fi
done
for h in gendata gencsrc; do
	if [ ! -x "$bin/$h" ] || [ "$here/src/$h.c" -nt "$bin/$h" ]; then
		gcc -O2 -o "$bin/$h" "$here/src/$h.c" || exit 2
	fi
done
gen() { # FILE COMMAND...: make FILE from COMMAND's stdout once
	local f=$1
	shift
	[ -s "$f" ] || "$@" >"$f" || exit 2
}
gen "$data/gzip.$(q 8000000 1000000)" "$bin/gendata" "$(q 8000000 1000000)"
gen "$data/xz.$(q 1000000 150000)" "$bin/gendata" "$(q 1000000 150000)"
gen "$data/cc1.$(q 25 4).c" "$bin/gencsrc" "$(q 25 4)"

# ---- programs: name, group, command line -------------------------------
# prog_cmd NAME sets CMD (argv) and NEED (a file that must exist, for the
# Debian programs).
prog_cmd() {
	NEED=
	case $1 in
	sieve) CMD=("$bin/sieve" "$(q 10000000 1000000)") ;;
	sha256) CMD=("$bin/sha256" "$(q 48 5)") ;;
	qsort) CMD=("$bin/qsort" "$(q 500000 50000)") ;;
	bytecode) CMD=("$bin/bytecode" "$(q 2000000 200000)") ;;
	nbody) CMD=("$bin/nbody" "$(q 2500000 250000)") ;;
	matmul) CMD=("$bin/matmul" "$(q 400 180)") ;;
	strings) CMD=("$bin/strings" "$(q 1500 150)") ;;
	*.musl) prog_cmd "${1%.musl}"; CMD[0]=${CMD[0]}.musl ;;
	gzip-9) NEED=/usr/bin/gzip; CMD=(/usr/bin/gzip -9 -c "$data/gzip.$(q 8000000 1000000)") ;;
	xz) NEED=/usr/bin/xz; CMD=(/usr/bin/xz -6 -c "$data/xz.$(q 1000000 150000)") ;;
	python3) NEED=$PYTHON; CMD=("$PYTHON" "$here/src/pyloop.py" "$(q 1200000 120000)") ;;
	cc1) NEED=$CC1; CMD=("$CC1" -O2 "$data/cc1.$(q 25 4).c" -o - -quiet) ;;
	esac
}
prog_group() {
	case $1 in
	*.musl) echo cpu-musl ;;
	gzip-9 | xz | python3 | cc1) echo debian ;;
	*) echo cpu ;;
	esac
}
progs="$cpu_progs"
[ $musl = 1 ] && for p in $cpu_progs; do progs="$progs $p.musl"; done
progs="$progs gzip-9 xz python3 cc1"
if [ -n "$only" ]; then
	sel=
	for p in $progs; do
		case ",$only," in *",$p,"*) sel="$sel $p" ;; esac
	done
	progs=$sel
fi

# ---- runners -----------------------------------------------------------
case ",$runners," in *,native,*) ;; *) runners=native,$runners ;; esac
runners=$(echo "$runners" | tr , ' ')
# runner_check NAME: empty if usable, else why not.
runner_check() {
	case $1 in
	native) ;;
	qemu) command -v "$QEMU" >/dev/null || echo "$QEMU not installed" ;;
	wax) [ -x "$WAX" ] || echo "$WAX missing (ninja -C build)" ;;
	wax-release) [ -x "$WAX_RELEASE" ] ||
		echo "$WAX_RELEASE missing (meson setup build-release -Dbuildtype=release -Db_ndebug=true)" ;;
	wax-node) command -v node >/dev/null || echo "node not installed"
		[ -x "$WAX_NODE_LAUNCHER" ] || echo "$WAX_NODE_LAUNCHER missing" ;;
	*) echo "unknown runner" ;;
	esac
}
runner_prefix() {
	case $1 in
	native) PRE=() ;;
	qemu) PRE=("$QEMU") ;;
	wax) PRE=("$WAX") ;;
	wax-release) PRE=("$WAX_RELEASE") ;;
	wax-node) PRE=("$WAX_NODE_LAUNCHER") ;;
	esac
}

# Snapshot the wax binaries: other people rebuild build/ and build-wasm/
# while a long run goes on, and one run must measure one build.
snapshot() { # NAME SRC...: copies SRC... into $snap/NAME/
	mkdir -p "$snap/$1"
	local d=$snap/$1
	shift
	cp -p "$@" "$d/" 2>/dev/null
}
for r in $runners; do
	case $r in
	wax) [ -x "$WAX" ] && snapshot wax "$WAX" && WAX=$snap/wax/wax ;;
	wax-release) [ -x "$WAX_RELEASE" ] && snapshot wax-release "$WAX_RELEASE" &&
		WAX_RELEASE=$snap/wax-release/wax ;;
	wax-node)
		js=${WAX_JS:-$root/build-wasm/wax.js}
		if [ -f "$js" ]; then
			jsd=$(dirname "$js")
			snapshot wax-node "$js" "$jsd/wax.wasm" "$jsd/wax.worker.js"
			export WAX_JS=$snap/wax-node/wax.js
		fi ;;
	esac
done

# ---- run ---------------------------------------------------------------
results=$out/results.tsv
reasons=$out/failures.txt
: >"$reasons"
printf 'prog\tgroup\trunner\trep\tstatus\twall\tcpu\n' >"$results"
echo "run.sh: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), mode $([ $quick = 1 ] && echo quick || echo full)," \
	"best of $reps, metric $metric, limits ${cpu_limit}s cpu ${timeout_s}s wall, logs in $logs" >&2

# run_cell PROG RUNNER: appends the runs to results.tsv.
run_cell() {
	local p=$1 r=$2 why rep=1 spent=0 base st rc t wall cpu
	local grp
	grp=$(prog_group "$p")
	prog_cmd "$p"
	if [ -n "$NEED" ] && [ ! -x "$NEED" ]; then
		printf '%s\t%s\t%s\t0\tSKIP\t-\t-\n' "$p" "$grp" "$r" >>"$results"
		echo "$p/$r: SKIP: $NEED not installed" >>"$reasons"
		return
	fi
	why=$(runner_check "$r")
	if [ -n "$why" ]; then
		printf '%s\t%s\t%s\t0\tSKIP\t-\t-\n' "$p" "$grp" "$r" >>"$results"
		echo "$p/$r: SKIP: $why" >>"$reasons"
		return
	fi
	runner_prefix "$r"
	while [ $rep -le "$reps" ]; do
		base=$logs/$p.$r.$rep
		echo "$ ${PRE[*]} ${CMD[*]}" >"$base.cmd"
		(
			ulimit -t "$cpu_limit"
			exec $TIME -f '%e %U %S' -o "$base.time" timeout -k 5 "$timeout_s" \
				"${PRE[@]}" "${CMD[@]}" >"$base.out" 2>"$base.err" </dev/null
		)
		rc=$?
		t=$(tail -n 1 "$base.time")
		wall=$(echo "$t" | awk '{print $1}')
		cpu=$(echo "$t" | awk '{printf "%.2f", $2 + $3}')
		st=OK
		if [ $rc = 124 ] || [ $rc = 137 ] || [ $rc = 152 ]; then
			# 124: wall limit (timeout), 152/137: SIGXCPU/SIGKILL of ulimit -t
			st=TIMEOUT
			echo "$p/$r: TIMEOUT: cpu ${cpu}s (limit ${cpu_limit}s), wall ${wall}s" \
				"(limit ${timeout_s}s), run $rep; $base.err" >>"$reasons"
		elif [ $rc != 0 ]; then
			st=FAIL
			echo "$p/$r: FAIL: exit status $rc (run $rep): $(tail -c 300 "$base.err" | tr '\n' ' ')" >>"$reasons"
		elif [ "$r" != native ] && ! cmp -s "$base.out" "$logs/$p.native.1.out"; then
			st=FAIL
			echo "$p/$r: FAIL: output differs from native (run $rep): diff $base.out $logs/$p.native.1.out" >>"$reasons"
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$grp" "$r" "$rep" "$st" "$wall" "$cpu" >>"$results"
		echo "  $p/$r run $rep: $st wall ${wall}s cpu ${cpu}s" >&2
		[ $st = OK ] || break
		spent=$(awk -v a="$spent" -v b="$wall" 'BEGIN {print a + b}')
		awk -v s="$spent" -v b="$rep_budget" 'BEGIN {exit !(s >= b)}' && break
		rep=$((rep + 1))
	done
}

for p in $progs; do
	for r in $runners; do
		run_cell "$p" "$r"
	done
done

# ---- table -------------------------------------------------------------
awk -F'\t' -v metric="$metric" -v runners="$runners" -v progs="$progs" -v reasons="$reasons" '
NR == 1 { next }
{
	key = $1 SUBSEP $3
	grp[$1] = $2
	if ($5 != "OK") { bad[key] = $5; next }
	v = (metric == "cpu") ? $7 : $6
	if (!(key in best) || v + 0 < best[key] + 0) best[key] = v
}
END {
	nr = split(runners, R, " ")
	np = split(progs, P, " ")
	printf "%-13s", "program"
	for (i = 1; i <= nr; i++) printf " %18s", R[i]
	printf "\n"
	ng = 0
	for (j = 1; j <= np; j++) {
		p = P[j]; g = grp[p]
		if (!(g in seen)) { seen[g] = 1; G[++ng] = g }
		printf "%-13s", p
		nat = best[p SUBSEP "native"]
		for (i = 1; i <= nr; i++) {
			k = p SUBSEP R[i]
			if (k in best) {
				if (R[i] == "native") cell = sprintf("%.2fs", best[k])
				else if (nat > 0) {
					ratio = best[k] / nat
					cell = sprintf("%.2fs %6.1fx", best[k], ratio)
					lsum[g, R[i]] += log(ratio); lcnt[g, R[i]]++
				} else cell = sprintf("%.2fs", best[k])
			} else if (k in bad) cell = bad[k]
			else cell = "-"
			printf " %18s", cell
		}
		printf "\n"
		gtot[g]++
	}
	for (gi = 1; gi <= ng; gi++) {
		g = G[gi]
		printf "%-13s", "geomean"
		for (i = 1; i <= nr; i++) {
			if (R[i] == "native") { printf " %18s", g; continue }
			n = lcnt[g, R[i]]
			if (n == 0) cell = "-"
			else {
				cell = sprintf("%.1fx", exp(lsum[g, R[i]] / n))
				if (n < gtot[g]) cell = cell sprintf(" (%d/%d)", n, gtot[g])
			}
			printf " %18s", cell
		}
		printf "\n"
	}
}' "$results"
echo "(best of $reps, $metric seconds: $([ "$metric" = cpu ] && echo 'user+sys' || echo 'elapsed'); ratios to native;" \
	"geomean over the cells that ran OK, (k/n) when some did not)"
if [ -s "$reasons" ]; then
	echo
	echo "Not OK:"
	sed 's/^/  /' "$reasons"
fi
exit 0

#!/bin/bash
# Runs the host's own Debian programs natively and under wax and compares
# stdout and exit statuses.  One case per invocation:
#
#   tests/debian/run.sh WAX CASE
#
# A case is a list of commands; each is run once plainly and once with
# the WAX prefix (build/wax or wasm/wax-node), in identical fresh scratch
# directories holding the same fixture files (fixed contents and mtimes,
# so ls -l and stat output is deterministic).  Called by meson, suite
# 'debian' (tests/guest/meson.build).  Exit 0 = same, 1 = different.
set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 WAX CASE" >&2
	exit 2
fi
wax=$1
case_name=$2
timeout_s=${WAX_TEST_TIMEOUT:-120}
case $wax in
*/*) wax=$(readlink -f "$wax") ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/wax-debian.XXXXXX")
if [ "${WAX_TEST_KEEP:-0}" != 1 ]; then
	trap 'rm -rf "$work"' EXIT
fi

export LC_ALL=C TZ=UTC HOME=/

# The fixture: small text files, a symlink, a subdirectory, all with
# fixed modes and timestamps.
make_fixture() { # DIR
	local d=$1/fx
	mkdir -p "$d/sub/deeper"
	printf 'alpha\nbravo\ncharlie\n' >"$d/a.txt"
	printf 'The quick brown fox\njumps over\nthe lazy dog.\n' >"$d/b.txt"
	printf '%s\n' pear apple banana cherry apple date fig banana \
		grape kiwi lemon mango apple nectarine orange >"$d/words"
	printf '%s\n' 10 -3 7 100 42 0 7 2.5 1e3 >"$d/numbers"
	printf 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/sh\n' \
		>"$d/passwdlike"
	printf 'needle in sub\n' >"$d/sub/found.txt"
	printf 'another needle\n' >"$d/sub/deeper/more.txt"
	seq 1 50000 >"$d/big.txt"
	ln -s a.txt "$d/link"
	chmod 0644 "$d"/*.txt "$d/words" "$d/numbers" "$d/passwdlike"
	chmod 0600 "$d/sub/found.txt"
	chmod 0750 "$d/sub"
	find "$d" -depth -exec touch -h -d @1000000000 {} +
	touch -d @1000000000 "$1" # fx/.. shows in ls -la
}

# Each case prints to stdout; $R is empty for the native run and the wax
# command for the other.  'st' records a command's exit status.
st() { echo "[status $?]"; }

case_ls_etc() { $R /bin/ls -la /etc; st; }
case_ls_fixture() { $R /bin/ls -la --time-style=+%Y-%m-%dT%H:%M:%S fx fx/sub; st; }
case_ls_recursive() { $R /bin/ls -R -i -1 fx | sed 's/^ *[0-9]* //'; $R /bin/ls -lR --time-style=+%s fx; st; }
case_cat() { $R /bin/cat fx/a.txt fx/b.txt; st; $R /bin/cat -n -A fx/b.txt; st; }
case_cat_stdin() { /bin/cat fx/words | $R /bin/cat -n; st; $R /bin/cat <fx/a.txt; st; }
case_sort() { $R /usr/bin/sort fx/words; st; $R /usr/bin/sort -u -r fx/words; st; }
case_sort_numeric() { $R /usr/bin/sort -n fx/numbers; st; $R /usr/bin/sort -g -r fx/numbers; st; }
case_wc() { $R /usr/bin/wc fx/a.txt fx/b.txt fx/words fx/big.txt; st; }
case_sha256sum() { $R /usr/bin/sha256sum fx/a.txt fx/b.txt fx/big.txt; st; }
case_md5sum() { $R /usr/bin/md5sum fx/big.txt; st; $R /usr/bin/sha1sum fx/words; st; }
case_grep() { $R /bin/grep -n an fx/words; st; $R /bin/grep -r needle fx; st; }
case_grep_count() { $R /bin/grep -c -i -E '^[a-c]' fx/words; st; $R /bin/grep -q nothing fx/words; st; }
case_sed() { $R /bin/sed -e 's/a/A/g' -e '2d' fx/words; st; $R /bin/sed -n '/^b/,/^d/p' fx/words; st; }
case_awk() { $R /usr/bin/awk '{ s += $1 } END { printf "%d %d %.2f\n", s, NR, s / NR }' fx/numbers; st;
	$R /usr/bin/awk -F: '{ print $1 " uid=" $3 }' fx/passwdlike; st; }
case_date() { $R /bin/date -d @0; st; }
case_date_format() { $R /bin/date -u -d @1234567890 '+%Y-%m-%d %H:%M:%S %s %A %j %Z'; st; }
case_bash_arith() { $R /bin/bash -c 'echo $((6*7)); for i in 1 2 3; do echo $i; done'; st; }
case_bash_builtins() {
	$R /bin/bash -c 'x=(a b c); echo ${#x[@]} ${x[1]}; s=hello; echo ${s^^} ${s:1:3}
printf "%05d|%s|%x\n" 42 hi 255; case $s in h*) echo match;; esac
declare -A m; m[k]=v; echo ${m[k]} $((2**40)) $((-7/2)) $((7%3))
f() { local n=$1; r=$((r * n)); [ $n -gt 1 ] && f $((n - 1)); }; r=1; f 10; echo $r
i=0; while [ $i -lt 5 ]; do i=$((i+1)); done; echo i=$i
[[ abc == a* ]] && echo glob; [[ abc =~ ^a(b)c$ ]] && echo ${BASH_REMATCH[1]}
echo $(( 0x10 + 010 )); exit 3'
	st
}
case_head_tail() { $R /usr/bin/head -n 3 fx/words; st; $R /usr/bin/tail -n 2 fx/big.txt; st; $R /usr/bin/tail -c 20 fx/b.txt; st; }
case_cut_tr_uniq() { $R /usr/bin/cut -d: -f1,7 fx/passwdlike; st; $R /usr/bin/tr a-z A-Z <fx/a.txt; st;
	/usr/bin/sort fx/words | $R /usr/bin/uniq -c; st; }
case_od() { $R /usr/bin/od -A x -t x1z fx/b.txt; st; }
case_base64() { $R /usr/bin/base64 fx/b.txt; st; /usr/bin/base64 fx/b.txt | $R /usr/bin/base64 -d; st; }
case_find() { $R /usr/bin/find fx | /usr/bin/sort; st; $R /usr/bin/find fx -type f -name '*.txt' -size -2k | /usr/bin/sort; }
case_stat() { $R /usr/bin/stat -c '%n %s %a %F %h %Y' fx/a.txt fx/sub fx/link fx/big.txt; st;
	$R /usr/bin/stat -L -c '%n %s %F' fx/link; st; }
case_true_false() { $R /bin/true; st; $R /bin/false; st; }
case_ls_missing() { $R /bin/ls /nonexistent 2>/dev/null; st; }
case_fs_ops() {
	mkdir ops && cd ops || return
	$R /bin/mkdir -p d/e/f; st
	$R /bin/cp ../fx/a.txt d/copy.txt; st
	$R /bin/mv d/copy.txt d/e/moved.txt; st
	$R /bin/ln -s moved.txt d/e/link; st
	$R /bin/ln d/e/moved.txt d/hard; st
	$R /bin/chmod 0640 d/hard; st
	$R /usr/bin/touch -d @1234567890 d/e/moved.txt; st
	$R /bin/ls -lR --time-style=+X .; st
	$R /usr/bin/stat -c '%n %Y %a %h' d/e/moved.txt; st
	$R /bin/rm -r d/e; st
	$R /bin/rmdir d; st
	$R /bin/ls -A d; st
	cd ..
}

if ! declare -F "case_$case_name" >/dev/null; then
	echo "unknown case $case_name" >&2
	exit 2
fi

run_side() { # NAME PREFIX
	mkdir "$work/$1"
	make_fixture "$work/$1"
	(
		cd "$work/$1" || exit 1
		R=$2
		"case_$case_name"
	) </dev/null >"$work/$1.out" 2>"$work/$1.err"
}

run_side native ""
run_side wax "timeout -k 5 $timeout_s $wax"

if cmp -s "$work/native.out" "$work/wax.out"; then
	echo "PASS: $case_name ($(wc -l <"$work/native.out") lines)"
	exit 0
fi
echo "FAIL: $case_name"
diff -u --label native --label wax "$work/native.out" "$work/wax.out" | head -n 80
echo "--- wax stderr (last 30 lines):"
tail -n 30 "$work/wax.err"
exit 1

#!/bin/bash
# Regenerates docs/syscalls.md from syscalls/syscall_table.h: one row per
# SYSCALL() entry with its number, name, status, the file holding its
# handler, and the notes below for the calls that are partial or have
# wax-specific behaviour.  tools/check-syscall-docs.sh (meson suite
# 'docs') fails when the doc and the table disagree; rerun this then.
#
#   tools/gen-syscall-docs.sh > docs/syscalls.md
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

declare -A status notes
partial() { status[$1]=partial; notes[$1]=$2; }
note() { notes[$1]=$2; }

partial futex "single-threaded: FUTEX_WAKE finds no waiters, FUTEX_WAIT checks the value and can only time out"
partial rt_sigaction "recorded exactly (returned by later calls); delivery to guest handlers comes later, default actions apply"
partial rt_sigprocmask "recorded exactly; nothing is delivered yet"
partial sigaltstack "recorded exactly; used once signal delivery exists"
partial kill "only the calling process (pid 0, -1, own pid or group): default action of the signal"
partial tgkill "only the calling thread: default action of the signal"
partial msync "mappings are private copies: validates arguments, nothing to write back"
partial mmap "file mappings are copies: exact for MAP_PRIVATE; MAP_SHARED writes do not reach the file"
partial rseq "answers ENOSYS (allowed by the ABI: glibc then does without rseq)"
partial link "native: hard links on the host; wasm (NODERAWFS): EPERM"
partial linkat "as link"
partial set_robust_list "recorded; used by futex-based thread exit later"
partial getrusage "CPU time from the host process (all reported as user time)"
partial times "CPU time from the host process (all reported as user time)"
partial statfs "values of the host filesystem under --root (procfs/devfs: synthetic)"
partial fstatfs "as statfs"
partial prctl "PR_SET/GET_NAME, PR_SET/GET_PDEATHSIG, PR_GET/SET_DUMPABLE, PR_GET_SECCOMP, PR_CAPBSET_READ, PR_GET_TIMERSLACK, PR_SET/GET_NO_NEW_PRIVS, PR_GET_THP_DISABLE; other options EINVAL"
note setpgid "only the calling process exists: other pids are ESRCH"
note setsid "only the calling process exists"
note sched_setaffinity "accepted (the host schedules wax's threads); an empty mask is EINVAL"
note brk "starts after the highest PT_LOAD segment (static PIE: in the mmap area), no randomisation"
note uname "Linux 6.1, x86_64"
note getrandom "from the host's entropy source"
note ioctl "TCGETS/TCSETS/TCSETSW/TCSETSF, TIOCGWINSZ/TIOCSWINSZ, TIOCGPGRP/TIOCSPGRP (forwarded when the fd is a host tty), FIONREAD, FIONBIO, FIOCLEX/FIONCLEX"
note fcntl "no other process shares files yet: F_SETLK always succeeds, F_GETLK answers F_UNLCK"
note arch_prctl "ARCH_SET_FS/GET_FS/SET_GS/GET_GS"
note getdents "via the same directory iterator as getdents64"
note madvise "MADV_DONTNEED zeroes private anonymous pages and restores file contents; other advice accepted"
note mremap "MREMAP_MAYMOVE, MREMAP_FIXED"
note sched_getaffinity "one CPU per host core"
note clock_gettime "host clocks; CPU-time clocks of the host process"
note readlink "also /proc/self/exe, /proc/self/fd/N"
note readlinkat "as readlink"
note renameat2 "RENAME_NOREPLACE; RENAME_EXCHANGE and RENAME_WHITEOUT: EINVAL"
note utimensat "UTIME_NOW, UTIME_OMIT"
note getpid "the host process id (1000 when that is unavailable)"

cat <<'HEAD'
# Syscalls

Every x86-64 Linux syscall wax implements, generated from
`syscalls/syscall_table.h` by `tools/gen-syscall-docs.sh` (the meson test
`docs-syscalls`, suite `docs`, checks that this table and the X-macro list
agree).  Numbers not listed answer `-ENOSYS`, and wax logs each such number
once on stderr (`wax: unimplemented syscall 41 (socket) (returning ENOSYS)`).  Handlers return `>= 0` or
a negative `LINUX_E*` value that goes straight into RAX; a bad guest
pointer anywhere is `-EFAULT`, never a crash (tests/guest/src/hostile_*.c).

Status: **implemented** follows the man page and the kernel for a
single-threaded process; **partial** says what is missing.  Handler files
are under `syscalls/`.  [syscalls-core.md](syscalls-core.md) details the
process, memory, time and signal calls.

| nr | name | status | handler | notes |
|---:|------|--------|---------|-------|
HEAD

sed -n 's/^SYSCALL(\([0-9]*\), *\([a-z0-9_]*\),.*/\1 \2/p' syscalls/syscall_table.h |
	while read -r nr name; do
		file=$(grep -l "^int64_t sys_$name(" syscalls/*.c 2>/dev/null | head -n1 || true)
		file=${file#syscalls/}
		printf '| %s | %s | %s | %s | %s |\n' "$nr" "$name" \
			"${status[$name]:-implemented}" "${file:-?}" "${notes[$name]:-}"
	done

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
partial rt_sigprocmask "recorded exactly; unblocking delivers pending signals (default actions only, no guest handlers yet)"
partial sigaltstack "recorded exactly; used once signal delivery exists"
partial kill "only the calling process (pid 0, -1, own pid or group): default action of the signal"
partial tgkill "only the calling thread: default action of the signal"
partial msync "mappings are private copies: validates arguments, nothing to write back"
partial mmap "file mappings are copies: exact for MAP_PRIVATE; MAP_SHARED writes do not reach the file"
partial getsockname "no sockets yet (net/ is a later issue): an open fd answers ENOTSOCK, a closed one EBADF"
partial getpeername "as getsockname"
partial rseq "answers ENOSYS (allowed by the ABI: glibc then does without rseq)"
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
note uname "Linux 6.1 (release WAX_LINUX_RELEASE, as /proc/sys/kernel/osrelease), x86_64"
note getrandom "from the host's entropy source"
note ioctl "TCGETS/TCSETS/TCSETSW/TCSETSF, TIOCGWINSZ/TIOCSWINSZ, TIOCGPGRP/TIOCSPGRP (forwarded when the fd is a host tty), FIONREAD, FIONBIO, FIOCLEX/FIONCLEX"
note fcntl "no other process shares files yet: F_SETLK always succeeds, F_GETLK answers F_UNLCK"
note arch_prctl "ARCH_SET_FS/GET_FS/SET_GS/GET_GS"
note getdents "via the same directory iterator as getdents64"
note madvise "MADV_DONTNEED drops private changes (anonymous: zero; private file mapping: the file's bytes again); unknown advice EINVAL; other advice checked and accepted"
partial mremap "MREMAP_MAYMOVE, MREMAP_FIXED; MREMAP_DONTUNMAP: EINVAL"
note write "EPIPE (no reader left) also raises SIGPIPE"
note writev "as write"
note pwrite64 "as write"
note flock "no other process holds locks: LOCK_SH/LOCK_EX/LOCK_UN (LOCK_NB) succeed after Linux's checks"
partial mknod "regular files and FIFOs; device and socket nodes: EPERM (even as root)"
partial mknodat "as mknod"
for x in getxattr lgetxattr fgetxattr setxattr lsetxattr fsetxattr removexattr lremovexattr fremovexattr; do
	partial $x "no extended attributes: Linux's argument checks, then EOPNOTSUPP"
done
for x in listxattr llistxattr flistxattr; do
	partial $x "no extended attributes: Linux's argument checks, then 0 (empty list)"
done
note setrlimit "RLIMIT_NOFILE bounds new fds, RLIMIT_STACK the stack growth"
note prlimit64 "as setrlimit, own process only"
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
agree), followed by the details of the process, memory, time and signal
calls.  Like Linux, only the low 32 bits of RAX are the syscall number
(`(1<<32)|39` is getpid) and a negative 32-bit number is out of range.
Numbers not listed answer `-ENOSYS`, and wax logs each such number once on
stderr (`wax: unimplemented syscall 41 (socket) (returning ENOSYS)`).
Handlers return `>= 0` or a negative `LINUX_E*` value that goes straight
into RAX; a bad guest pointer anywhere is `-EFAULT`, never a crash
(tests/guest/src/hostile_*.c).

Status: **implemented** follows the man page and the kernel for a
single-threaded process; **partial** says what is missing.  Handler files
are under `syscalls/`.

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

cat <<'TAIL'

## Process, memory, time and signal calls

What wax implements outside the file syscalls, and where it is partial.
Handlers live in `syscalls/sys_proc.c`, `sys_sched.c`, `sys_mem.c`, `sys_time.c`,
`sys_signal.c` and `sys_info.c`.

### Processes

| syscall | status |
|---|---|
| exit, exit_group | complete for one thread: both end the process with `status & 0xff` |
| getpid, gettid, getppid, getpgrp, getpgid, getsid | host values (pid = host pid, or 1000 if the host says 0/1); only the own process is known: other pids give `ESRCH` |
| getuid, geteuid, getgid, getegid, getresuid, getresgid, getgroups | host ids (0 under Emscripten); saved ids equal effective ids |
| arch_prctl | `ARCH_SET_FS/GET_FS/SET_GS/GET_GS`; other codes `EINVAL` |
| set_tid_address, set_robust_list | recorded (nothing uses them until threads exist) |
| rseq | `ENOSYS` on purpose: glibc and musl run without it |
| prlimit64, getrlimit, setrlimit | own process only; Linux's default limits (STACK 8 MiB/unlimited, NOFILE 1024/1048576, CORE 0, ...), not the host's; raising a hard limit needs euid 0.  RLIMIT_NOFILE bounds every new fd (EMFILE), RLIMIT_STACK how far the stack grows |
| uname | `Linux`, host name (or `wax`; the same as `/proc/sys/kernel/hostname`), `WAX_LINUX_RELEASE` = `6.1.0-wax` (the same as `/proc/sys/kernel/osrelease`), `#1 SMP PREEMPT_DYNAMIC Debian 6.1`, `x86_64` |
| setpgid, setsid | own process only: a new group/session led by the caller (EPERM otherwise, as for a session or group leader) |
| getpriority, setpriority | nice value of the own process (raw result 20 - nice); lowering it needs euid 0 or RLIMIT_NICE room |
| prctl | PR_SET/GET_NAME, PR_SET/GET_PDEATHSIG (recorded), PR_SET/GET_DUMPABLE, PR_SET/GET_NO_NEW_PRIVS, PR_CAPBSET_READ (full set), PR_GET_SECCOMP (0), PR_GET_TIMERSLACK, PR_GET_THP_DISABLE; others EINVAL |
| sched_yield | returns 0 |
| sched_getscheduler, sched_getparam, sched_get_priority_max/min | SCHED_OTHER, priority 0; Linux's ranges per policy |
| sched_setaffinity | accepted for the own process (EINVAL for an empty mask); no effect |
| getcpu | CPU 0, node 0 |
| sched_getaffinity | one CPU per host core (max 64); returns 8 (bytes of the mask) like Linux with <= 64 CPUs |
| getrusage, times | user time = host CPU time of the wax process (`CLOCK_PROCESS_CPUTIME_ID`), system time 0; children 0 |
| sysinfo | uptime from the monotonic clock, host RAM via `sysconf`, 1 process |

### Signals (partial: no delivery to guest handlers yet)

* `rt_sigaction`, `rt_sigprocmask`, `sigaltstack` record their state with
  Linux's checks (sigsetsize must be 8, SIGKILL/SIGSTOP cannot be caught or
  blocked, minimum alternate stack size).
* `kill`, `tkill`, `tgkill` reach only the own process (pid 0, -1, own
  pid, own process group; other pids `ESRCH`).  A blocked signal stays
  pending until `rt_sigprocmask` unblocks it.  Then: `SIG_IGN` or a
  default-ignore signal (CHLD, CONT, URG, WINCH) is dropped; stop signals
  are ignored with a log line; everything else terminates the process with
  that signal.  **A guest handler is not run**: wax logs
  `signal delivery not implemented` and terminates as the default action
  would.
* A write (`write`, `writev`, `pwrite64`) that fails with `EPIPE` because
  no reader is left raises SIGPIPE first, as `pipe(7)` says: by default it
  terminates the process (exit status 141 from a shell); ignored or
  blocked, the call returns `EPIPE`.
* CPU exceptions (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP) terminate the
  process the same way, with a crash line on stderr:
  `wax: guest killed by SIGSEGV at 0x401a2c in main+0x1c (address 0x0)`.
  No core bit in the wait status (RLIMIT_CORE is 0).

### Memory

* `mmap`: anonymous private/shared, `MAP_FIXED`, `MAP_FIXED_NOREPLACE`,
  `MAP_GROWSDOWN`; `MAP_STACK`, `MAP_NORESERVE`, `MAP_POPULATE`,
  `MAP_DENYWRITE`, `MAP_LOCKED` are accepted and have no effect.
  `MAP_32BIT` is accepted but not honoured (the address may be above 2 GiB).
  `MAP_HUGETLB`/`MAP_SYNC` give `EINVAL`.
* File mappings are **copies**: the range is mapped anonymous and the file
  bytes are read in (bytes past end of file read as zero; Linux would raise
  SIGBUS for whole pages past the end).  Exact for `MAP_PRIVATE`.
  **`MAP_SHARED` on files is partial**: writes through the mapping do not
  reach the file and later writes to the file are not seen; `msync` is a
  no-op.  The open mode is checked like Linux (`EACCES` for a write-only
  file, or a writable shared mapping of a file not open O_RDWR; `ENODEV`
  for pipes and other streams).
* `munmap`, `mprotect`, `brk`, `msync` (argument checks only).
* `mremap`: `MREMAP_MAYMOVE`, `MREMAP_FIXED`; `MREMAP_DONTUNMAP` gives
  `EINVAL`.  Arguments are checked like Linux: a new length that is 0
  after page rounding or above TASK_SIZE, or a fixed target past TASK_SIZE,
  is `EINVAL`; an old range that is not inside one mapping `EFAULT`.
* `madvise`: the advice is checked first (values Linux 6.1 does not know:
  `EINVAL`; `MADV_HWPOISON`/`MADV_SOFT_OFFLINE`: `EPERM`), then the range
  (unaligned or wrapping: `EINVAL`; with unmapped pages: `ENOMEM`).
  `MADV_DONTNEED` (and `MADV_DONTNEED_LOCKED`) drops private changes:
  anonymous pages read as zero again, and a **private file mapping shows
  the file's contents again**: each such mapping holds a reference to its
  file (a refcounted `mm_backing`, see `translate/translate.h`) and the
  dropped pages are refilled from the file at once.  Shared mappings keep
  their contents.  Other advice is a hint and returns 0.

### Time

`clock_gettime`, `clock_getres`, `gettimeofday`, `time`, `nanosleep`,
`clock_nanosleep` (relative and `TIMER_ABSTIME`).  REALTIME, TAI and the
coarse/alarm variants use the host's realtime clock; MONOTONIC, RAW,
BOOTTIME use the host's monotonic clock (so BOOTTIME does not count host
suspend); the CPU-time clocks use the process CPU clock.  Sleeps cannot be
interrupted (no signal delivery) and always run to completion.

### Randomness and futexes

* `getrandom`: host `getentropy` (falls back to `/dev/urandom`); never
  blocks; at most 32 MiB - 1 bytes per call, like Linux.
* `futex` is **partial** (one thread per process): `FUTEX_WAKE`,
  `FUTEX_WAKE_BITSET` and `FUTEX_REQUEUE` wake nobody and return 0;
  `FUTEX_WAKE_OP` performs its operation on the second word;
  `FUTEX_WAIT`/`FUTEX_WAIT_BITSET` return `EAGAIN` when the value differs,
  sleep out a timeout and return `ETIMEDOUT`, and without a timeout (which
  would deadlock a single thread) log a line and return `ENOSYS`.
  `FUTEX_CMP_REQUEUE` compares and returns 0 or `EAGAIN`.  PI futexes and
  the rest return `ENOSYS`.

### --strace

One line per syscall on stderr in strace's layout, printed after the call
returns (exit/exit_group before, with `= ?`), results aligned at column
40, `+++ exited with N +++` / `+++ killed by SIGX +++` at the end and
`--- SIGSEGV {si_signo=..., si_code=..., si_addr=...} ---` for faults.
Arguments are decoded from the format letters of `syscall_table.h`:
buffers as C strings cut at 32 bytes (`-s 32`), flags symbolically,
`timespec`, `stat`, `rlimit`, `sigaction`, sigsets and `stack_t` inline;
other structs as addresses.
TAIL

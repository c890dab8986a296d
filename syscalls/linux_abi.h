/*
 * Guest ABI structures and constants of the x86-64 Linux syscall interface
 * that syscall handlers copy to and from guest memory.  Every struct is the
 * exact kernel layout: fixed-width fields, _Static_assert on size and
 * offsets.  Internal to syscalls/ (included by the sys_*.c handlers and
 * strace.c).
 *
 * Sections: process, time, signals, memory (process/run loop owner);
 * files (fs syscalls owner: stat, statx, dirent64, statfs, iovec).
 */
#ifndef WAX_LINUX_ABI_H
#define WAX_LINUX_ABI_H

#include <stddef.h>

#include "syscalls.h"

/* ==== process ============================================================ */

/* uname(2): struct new_utsname. */
#define LINUX_UTSNAME_LEN 65
struct linux_utsname {
	char sysname[LINUX_UTSNAME_LEN];
	char nodename[LINUX_UTSNAME_LEN];
	char release[LINUX_UTSNAME_LEN];
	char version[LINUX_UTSNAME_LEN];
	char machine[LINUX_UTSNAME_LEN];
	char domainname[LINUX_UTSNAME_LEN];
};
_Static_assert(sizeof(struct linux_utsname) == 390, "utsname size");

/* sysinfo(2). */
struct linux_sysinfo {
	int64_t uptime;	   /* seconds since boot */
	uint64_t loads[3]; /* 1, 5, 15 minute loads << 16 */
	uint64_t totalram; /* in mem_unit units */
	uint64_t freeram;
	uint64_t sharedram;
	uint64_t bufferram;
	uint64_t totalswap;
	uint64_t freeswap;
	uint16_t procs; /* number of processes */
	uint16_t pad;
	uint32_t pad2;
	uint64_t totalhigh;
	uint64_t freehigh;
	uint32_t mem_unit; /* memory unit size in bytes */
	char _f[4];	   /* padding to 112 bytes */
};
_Static_assert(sizeof(struct linux_sysinfo) == 112, "sysinfo size");
_Static_assert(offsetof(struct linux_sysinfo, procs) == 80, "sysinfo procs");
_Static_assert(offsetof(struct linux_sysinfo, totalhigh) == 88, "totalhigh");
_Static_assert(offsetof(struct linux_sysinfo, mem_unit) == 104, "mem_unit");

/* Resource limits (getrlimit(2)); struct linux_rlimit is in syscalls.h. */
#define LINUX_RLIMIT_CPU	0
#define LINUX_RLIMIT_FSIZE	1
#define LINUX_RLIMIT_DATA	2
#define LINUX_RLIMIT_STACK	3
#define LINUX_RLIMIT_CORE	4
#define LINUX_RLIMIT_RSS	5
#define LINUX_RLIMIT_NPROC	6
#define LINUX_RLIMIT_NOFILE	7
#define LINUX_RLIMIT_MEMLOCK	8
#define LINUX_RLIMIT_AS		9
#define LINUX_RLIMIT_LOCKS	10
#define LINUX_RLIMIT_SIGPENDING 11
#define LINUX_RLIMIT_MSGQUEUE	12
#define LINUX_RLIMIT_NICE	13
#define LINUX_RLIMIT_RTPRIO	14
#define LINUX_RLIMIT_RTTIME	15
#define LINUX_RLIM_INFINITY	(~0ull)
_Static_assert(sizeof(struct linux_rlimit) == 16, "rlimit size");

/* getrusage(2) who. */
#define LINUX_RUSAGE_SELF     0
#define LINUX_RUSAGE_CHILDREN (-1)
#define LINUX_RUSAGE_THREAD   1

/* arch_prctl(2) codes. */
#define LINUX_ARCH_SET_GS 0x1001
#define LINUX_ARCH_SET_FS 0x1002
#define LINUX_ARCH_GET_FS 0x1003
#define LINUX_ARCH_GET_GS 0x1004

/* futex(2) operations (low bits of op) and flags. */
#define LINUX_FUTEX_WAIT	   0
#define LINUX_FUTEX_WAKE	   1
#define LINUX_FUTEX_REQUEUE	   3
#define LINUX_FUTEX_CMP_REQUEUE	   4
#define LINUX_FUTEX_WAKE_OP	   5
#define LINUX_FUTEX_WAIT_BITSET	   9
#define LINUX_FUTEX_WAKE_BITSET	   10
#define LINUX_FUTEX_PRIVATE_FLAG   128
#define LINUX_FUTEX_CLOCK_REALTIME 256
#define LINUX_FUTEX_CMD_MASK	   0x7f

/* getrandom(2) flags. */
#define LINUX_GRND_NONBLOCK 1
#define LINUX_GRND_RANDOM   2
#define LINUX_GRND_INSECURE 4

/* ==== time =============================================================== */

/* struct linux_timespec (16 bytes) is in fs/fs.h. */
_Static_assert(sizeof(struct linux_timespec) == 16, "timespec size");

struct linux_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};
_Static_assert(sizeof(struct linux_timeval) == 16, "timeval size");

struct linux_timezone {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};
_Static_assert(sizeof(struct linux_timezone) == 8, "timezone size");

/* getrusage(2). */
struct linux_rusage {
	struct linux_timeval ru_utime; /* user CPU time */
	struct linux_timeval ru_stime; /* system CPU time */
	int64_t ru_maxrss;	       /* max resident set, KiB */
	int64_t ru_ixrss;
	int64_t ru_idrss;
	int64_t ru_isrss;
	int64_t ru_minflt;
	int64_t ru_majflt;
	int64_t ru_nswap;
	int64_t ru_inblock;
	int64_t ru_oublock;
	int64_t ru_msgsnd;
	int64_t ru_msgrcv;
	int64_t ru_nsignals;
	int64_t ru_nvcsw;
	int64_t ru_nivcsw;
};
_Static_assert(sizeof(struct linux_rusage) == 144, "rusage size");
_Static_assert(offsetof(struct linux_rusage, ru_maxrss) == 32, "maxrss");

/* times(2): clock ticks (USER_HZ = 100). */
struct linux_tms {
	int64_t tms_utime;
	int64_t tms_stime;
	int64_t tms_cutime;
	int64_t tms_cstime;
};
_Static_assert(sizeof(struct linux_tms) == 32, "tms size");
#define LINUX_USER_HZ 100

/* Clock ids (clock_gettime(2)). */
#define LINUX_CLOCK_REALTIME	       0
#define LINUX_CLOCK_MONOTONIC	       1
#define LINUX_CLOCK_PROCESS_CPUTIME_ID 2
#define LINUX_CLOCK_THREAD_CPUTIME_ID  3
#define LINUX_CLOCK_MONOTONIC_RAW      4
#define LINUX_CLOCK_REALTIME_COARSE    5
#define LINUX_CLOCK_MONOTONIC_COARSE   6
#define LINUX_CLOCK_BOOTTIME	       7
#define LINUX_CLOCK_REALTIME_ALARM     8
#define LINUX_CLOCK_BOOTTIME_ALARM     9
#define LINUX_CLOCK_TAI		       11
#define LINUX_TIMER_ABSTIME	       1

/* ==== signals ============================================================ */

#define LINUX_SIGHUP  1
#define LINUX_SIGINT  2
#define LINUX_SIGQUIT 3
/* SIGILL 4, SIGTRAP 5, SIGBUS 7, SIGFPE 8, SIGSEGV 11: translate.h */
#define LINUX_SIGABRT	6
#define LINUX_SIGKILL	9
#define LINUX_SIGUSR1	10
#define LINUX_SIGUSR2	12
#define LINUX_SIGPIPE	13
#define LINUX_SIGALRM	14
#define LINUX_SIGTERM	15
#define LINUX_SIGSTKFLT 16
#define LINUX_SIGCHLD	17
#define LINUX_SIGCONT	18
#define LINUX_SIGSTOP	19
#define LINUX_SIGTSTP	20
#define LINUX_SIGTTIN	21
#define LINUX_SIGTTOU	22
#define LINUX_SIGURG	23
#define LINUX_SIGXCPU	24
#define LINUX_SIGXFSZ	25
#define LINUX_SIGVTALRM 26
#define LINUX_SIGPROF	27
#define LINUX_SIGWINCH	28
#define LINUX_SIGIO	29
#define LINUX_SIGPWR	30
#define LINUX_SIGSYS	31
#define LINUX_SIGRTMIN	32

#define LINUX_SIG_DFL 0
#define LINUX_SIG_IGN 1

#define LINUX_SA_NOCLDSTOP 0x00000001u
#define LINUX_SA_NOCLDWAIT 0x00000002u
#define LINUX_SA_SIGINFO   0x00000004u
#define LINUX_SA_RESTORER  0x04000000u
#define LINUX_SA_ONSTACK   0x08000000u
#define LINUX_SA_RESTART   0x10000000u
#define LINUX_SA_NODEFER   0x40000000u
#define LINUX_SA_RESETHAND 0x80000000u

#define LINUX_SIG_BLOCK	  0
#define LINUX_SIG_UNBLOCK 1
#define LINUX_SIG_SETMASK 2

/* The kernel's sigset_t is 64 bits on x86-64 (rt_sigaction's sigsetsize). */
#define LINUX_SIGSET_SIZE 8

/* struct linux_sigaction_k (kernel struct sigaction) is in syscalls.h. */
_Static_assert(sizeof(struct linux_sigaction_k) == 32, "sigaction size");
_Static_assert(offsetof(struct linux_sigaction_k, restorer) == 16,
	       "sigaction restorer");
_Static_assert(offsetof(struct linux_sigaction_k, mask) == 24,
	       "sigaction mask");

/* sigaltstack(2): stack_t. */
struct linux_stack {
	uint64_t ss_sp;	  /* guest address of the stack base */
	int32_t ss_flags; /* SS_ONSTACK, SS_DISABLE, SS_AUTODISARM */
	int32_t pad;
	uint64_t ss_size;
};
_Static_assert(sizeof(struct linux_stack) == 24, "stack_t size");
_Static_assert(offsetof(struct linux_stack, ss_size) == 16, "ss_size");
#define LINUX_SS_ONSTACK    1
#define LINUX_SS_DISABLE    2
#define LINUX_SS_AUTODISARM (1u << 31)
#define LINUX_MINSIGSTKSZ   2048

/* ==== memory ============================================================= */

#define LINUX_PROT_NONE	     0x0
#define LINUX_PROT_READ	     0x1
#define LINUX_PROT_WRITE     0x2
#define LINUX_PROT_EXEC	     0x4
#define LINUX_PROT_GROWSDOWN 0x01000000
#define LINUX_PROT_GROWSUP   0x02000000

#define LINUX_MAP_SHARED	  0x01
#define LINUX_MAP_PRIVATE	  0x02
#define LINUX_MAP_SHARED_VALIDATE 0x03
#define LINUX_MAP_TYPE		  0x0f
#define LINUX_MAP_FIXED		  0x10
#define LINUX_MAP_ANONYMOUS	  0x20
#define LINUX_MAP_32BIT		  0x40
#define LINUX_MAP_GROWSDOWN	  0x0100
#define LINUX_MAP_DENYWRITE	  0x0800
#define LINUX_MAP_EXECUTABLE	  0x1000
#define LINUX_MAP_LOCKED	  0x2000
#define LINUX_MAP_NORESERVE	  0x4000
#define LINUX_MAP_POPULATE	  0x8000
#define LINUX_MAP_NONBLOCK	  0x10000
#define LINUX_MAP_STACK		  0x20000
#define LINUX_MAP_HUGETLB	  0x40000
#define LINUX_MAP_SYNC		  0x80000
#define LINUX_MAP_FIXED_NOREPLACE 0x100000
#define LINUX_MAP_UNINITIALIZED	  0x4000000

#define LINUX_MREMAP_MAYMOVE   1
#define LINUX_MREMAP_FIXED     2
#define LINUX_MREMAP_DONTUNMAP 4

#define LINUX_MS_ASYNC	    1
#define LINUX_MS_INVALIDATE 2
#define LINUX_MS_SYNC	    4

#define LINUX_MADV_NORMAL	   0
#define LINUX_MADV_RANDOM	   1
#define LINUX_MADV_SEQUENTIAL	   2
#define LINUX_MADV_WILLNEED	   3
#define LINUX_MADV_DONTNEED	   4
#define LINUX_MADV_FREE		   8
#define LINUX_MADV_DONTNEED_LOCKED 24

/* ==== files (fs syscalls) ================================================ */
/* stat, statx, dirent64, statfs, iovec: appended by the fs syscalls owner. */

/* stat(2): the x86-64 struct stat (kernel struct stat, 144 bytes). */
struct linux_stat {
	uint64_t st_dev;   /* device (huge_encode_dev) */
	uint64_t st_ino;   /* inode number */
	uint64_t st_nlink; /* hard links (64-bit on x86-64) */
	uint32_t st_mode;  /* type and permissions */
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t __pad0;
	uint64_t st_rdev;   /* device of a device file */
	int64_t st_size;    /* bytes */
	int64_t st_blksize; /* preferred I/O size */
	int64_t st_blocks;  /* 512-byte blocks */
	int64_t st_atime_sec;
	int64_t st_atime_nsec;
	int64_t st_mtime_sec;
	int64_t st_mtime_nsec;
	int64_t st_ctime_sec;
	int64_t st_ctime_nsec;
	int64_t __unused[3];
};
_Static_assert(sizeof(struct linux_stat) == 144, "stat size");
_Static_assert(offsetof(struct linux_stat, st_mode) == 24, "st_mode");
_Static_assert(offsetof(struct linux_stat, st_rdev) == 40, "st_rdev");
_Static_assert(offsetof(struct linux_stat, st_size) == 48, "st_size");
_Static_assert(offsetof(struct linux_stat, st_atime_sec) == 72, "st_atime");
_Static_assert(offsetof(struct linux_stat, st_mtime_sec) == 88, "st_mtime");

/* statx(2). */
struct linux_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};
struct linux_statx {
	uint32_t stx_mask; /* STATX_* fields filled in */
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct linux_statx_timestamp stx_atime;
	struct linux_statx_timestamp stx_btime;
	struct linux_statx_timestamp stx_ctime;
	struct linux_statx_timestamp stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t __spare2[14];
};
_Static_assert(sizeof(struct linux_statx) == 256, "statx size");
_Static_assert(offsetof(struct linux_statx, stx_ino) == 32, "stx_ino");
_Static_assert(offsetof(struct linux_statx, stx_atime) == 64, "stx_atime");
_Static_assert(offsetof(struct linux_statx, stx_mtime) == 112, "stx_mtime");
_Static_assert(offsetof(struct linux_statx, stx_rdev_major) == 128, "rdev");
_Static_assert(offsetof(struct linux_statx, stx_dev_major) == 136, "dev");
#define LINUX_STATX_TYPE	 0x1u
#define LINUX_STATX_MODE	 0x2u
#define LINUX_STATX_NLINK	 0x4u
#define LINUX_STATX_UID		 0x8u
#define LINUX_STATX_GID		 0x10u
#define LINUX_STATX_ATIME	 0x20u
#define LINUX_STATX_MTIME	 0x40u
#define LINUX_STATX_CTIME	 0x80u
#define LINUX_STATX_INO		 0x100u
#define LINUX_STATX_SIZE	 0x200u
#define LINUX_STATX_BLOCKS	 0x400u
#define LINUX_STATX_BASIC_STATS	 0x7ffu
#define LINUX_STATX_BTIME	 0x800u
#define LINUX_STATX__RESERVED	 0x80000000u
#define LINUX_AT_STATX_SYNC_TYPE 0x6000
#define LINUX_AT_NO_AUTOMOUNT	 0x800

/* getdents64(2) record header; the name follows, NUL-terminated. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;	   /* position of the next entry */
	uint16_t d_reclen; /* whole record, 8-byte aligned */
	uint8_t d_type;	   /* DT_* */
	char d_name[];
};
_Static_assert(offsetof(struct linux_dirent64, d_name) == 19, "dirent64");

/* getdents(2) record header: name, NUL, padding, then d_type last byte. */
struct linux_dirent {
	uint64_t d_ino;
	uint64_t d_off;
	uint16_t d_reclen;
	char d_name[];
};
_Static_assert(offsetof(struct linux_dirent, d_name) == 18, "dirent");

/* statfs(2). */
struct linux_statfs {
	int64_t f_type; /* magic number of the filesystem */
	int64_t f_bsize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
	uint64_t f_files;
	uint64_t f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen;
	int64_t f_frsize;
	int64_t f_flags;
	int64_t f_spare[4];
};
_Static_assert(sizeof(struct linux_statfs) == 120, "statfs size");
_Static_assert(offsetof(struct linux_statfs, f_fsid) == 56, "f_fsid");

/* readv(2)/writev(2). */
struct linux_iovec {
	uint64_t iov_base; /* guest address */
	uint64_t iov_len;
};
_Static_assert(sizeof(struct linux_iovec) == 16, "iovec size");
#define LINUX_UIO_MAXIOV 1024

/* struct linux_termios (36 bytes) and linux_winsize are in fs/fs.h. */
_Static_assert(sizeof(struct linux_termios) == 36, "termios size");
_Static_assert(sizeof(struct linux_winsize) == 8, "winsize size");

/* fcntl(2) commands and flags. */
#define LINUX_F_DUPFD	      0
#define LINUX_F_GETFD	      1
#define LINUX_F_SETFD	      2
#define LINUX_F_GETFL	      3
#define LINUX_F_SETFL	      4
#define LINUX_F_GETLK	      5
#define LINUX_F_SETLK	      6
#define LINUX_F_SETLKW	      7
#define LINUX_F_SETOWN	      8
#define LINUX_F_GETOWN	      9
#define LINUX_F_SETSIG	      10
#define LINUX_F_GETSIG	      11
#define LINUX_F_OFD_GETLK     36
#define LINUX_F_OFD_SETLK     37
#define LINUX_F_OFD_SETLKW    38
#define LINUX_F_DUPFD_CLOEXEC 1030
#define LINUX_F_SETPIPE_SZ    1031
#define LINUX_F_GETPIPE_SZ    1032
#define LINUX_F_ADD_SEALS     1033
#define LINUX_F_GET_SEALS     1034
#define LINUX_FD_CLOEXEC      1
#define LINUX_F_RDLCK	      0
#define LINUX_F_WRLCK	      1
#define LINUX_F_UNLCK	      2

/* fcntl(2) F_GETLK/F_SETLK: struct flock. */
struct linux_flock {
	int16_t l_type;
	int16_t l_whence;
	int32_t __pad;
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
	int32_t __pad2;
};
_Static_assert(sizeof(struct linux_flock) == 32, "flock size");
_Static_assert(offsetof(struct linux_flock, l_start) == 8, "l_start");
_Static_assert(offsetof(struct linux_flock, l_pid) == 24, "l_pid");

#define LINUX_AT_RECURSIVE 0x8000

#endif

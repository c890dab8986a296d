/*
 * Decoders for the --strace printer: symbolic flag words (open flags,
 * mmap prot/flags, AT_* flags, signals, ioctl requests, clocks) and the
 * structs strace shows inline (timespec, stat, rlimit, sigaction, sigset).
 *
 * Layer: syscalls/.  Called by strace.c only.
 */
#include <stdio.h>
#include <string.h>

#include "linux_abi.h"
#include "strace_priv.h"

#define FLAG(x)                                                                \
	{                                                                      \
		LINUX_##x, #x                                                  \
	}

static const struct flag_name open_flags[] = {
	FLAG(O_CREAT),	 FLAG(O_EXCL),	    FLAG(O_NOCTTY),
	FLAG(O_TRUNC),	 FLAG(O_APPEND),    FLAG(O_NONBLOCK),
	FLAG(O_SYNC),	 FLAG(O_DSYNC),	    {020000, "O_ASYNC"},
	FLAG(O_DIRECT),	 FLAG(O_LARGEFILE), FLAG(O_NOFOLLOW),
	FLAG(O_NOATIME), FLAG(O_CLOEXEC),   FLAG(O_PATH),
	FLAG(O_TMPFILE), FLAG(O_DIRECTORY),
};

static const struct flag_name prot_flags[] = {
	FLAG(PROT_READ),   FLAG(PROT_WRITE),	 FLAG(PROT_EXEC),
	{0x8, "PROT_SEM"}, FLAG(PROT_GROWSDOWN), FLAG(PROT_GROWSUP),
};

static const struct flag_name map_flags[] = {
	FLAG(MAP_FIXED),     FLAG(MAP_ANONYMOUS),	FLAG(MAP_32BIT),
	FLAG(MAP_GROWSDOWN), FLAG(MAP_DENYWRITE),	FLAG(MAP_EXECUTABLE),
	FLAG(MAP_LOCKED),    FLAG(MAP_NORESERVE),	FLAG(MAP_POPULATE),
	FLAG(MAP_NONBLOCK),  FLAG(MAP_STACK),		FLAG(MAP_HUGETLB),
	FLAG(MAP_SYNC),	     FLAG(MAP_FIXED_NOREPLACE), FLAG(MAP_UNINITIALIZED),
};

static const struct flag_name at_flags[] = {
	FLAG(AT_SYMLINK_NOFOLLOW),
	FLAG(AT_REMOVEDIR),
	FLAG(AT_SYMLINK_FOLLOW),
	{0x800, "AT_NO_AUTOMOUNT"},
	FLAG(AT_EMPTY_PATH),
	{0x2000, "AT_STATX_FORCE_SYNC"},
	{0x4000, "AT_STATX_DONT_SYNC"},
};

static const struct flag_name access_flags[] = {
	{4, "R_OK"},
	{2, "W_OK"},
	{1, "X_OK"},
};

static const struct flag_name sa_flags[] = {
	FLAG(SA_NOCLDSTOP), FLAG(SA_NOCLDWAIT), FLAG(SA_SIGINFO),
	FLAG(SA_RESTORER),  FLAG(SA_ONSTACK),	FLAG(SA_RESTART),
	FLAG(SA_NODEFER),   FLAG(SA_RESETHAND),
};

static const char *const clock_names[] = {
	"CLOCK_REALTIME",
	"CLOCK_MONOTONIC",
	"CLOCK_PROCESS_CPUTIME_ID",
	"CLOCK_THREAD_CPUTIME_ID",
	"CLOCK_MONOTONIC_RAW",
	"CLOCK_REALTIME_COARSE",
	"CLOCK_MONOTONIC_COARSE",
	"CLOCK_BOOTTIME",
	"CLOCK_REALTIME_ALARM",
	"CLOCK_BOOTTIME_ALARM",
	NULL,
	"CLOCK_TAI",
};

static const struct {
	uint32_t req;
	const char *name;
} ioctl_names[] = {
	{0x5401, "TCGETS"},	{0x5402, "TCSETS"},    {0x5403, "TCSETSW"},
	{0x5404, "TCSETSF"},	{0x540b, "TCFLSH"},    {0x540e, "TIOCSCTTY"},
	{0x540f, "TIOCGPGRP"},	{0x5410, "TIOCSPGRP"}, {0x5413, "TIOCGWINSZ"},
	{0x5414, "TIOCSWINSZ"}, {0x541b, "FIONREAD"},  {0x5421, "FIONBIO"},
	{0x5429, "TIOCGSID"},	{0x5450, "FIONCLEX"},  {0x5451, "FIOCLEX"},
	{0x5452, "FIOASYNC"},
};

static const char *const rlimit_names[] = {
	"RLIMIT_CPU",	   "RLIMIT_FSIZE", "RLIMIT_DATA",   "RLIMIT_STACK",
	"RLIMIT_CORE",	   "RLIMIT_RSS",   "RLIMIT_NPROC",  "RLIMIT_NOFILE",
	"RLIMIT_MEMLOCK",  "RLIMIT_AS",	   "RLIMIT_LOCKS",  "RLIMIT_SIGPENDING",
	"RLIMIT_MSGQUEUE", "RLIMIT_NICE",  "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
};

static const char *const arch_prctl_names[] = {
	"ARCH_SET_GS",
	"ARCH_SET_FS",
	"ARCH_GET_FS",
	"ARCH_GET_GS",
};

static const struct flag_name grnd_flags[] = {
	FLAG(GRND_NONBLOCK),
	FLAG(GRND_RANDOM),
	FLAG(GRND_INSECURE),
};

static const char *const whence_names[] = {
	"SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE",
};

static const char *const how_names[] = {
	"SIG_BLOCK",
	"SIG_UNBLOCK",
	"SIG_SETMASK",
};

static void sb_signal(struct sbuf *sb, uint64_t v)
{
	const char *name = linux_signal_name((int)v);

	if (name)
		strace_printf(sb, "%s", name);
	else if (v >= LINUX_SIGRTMIN && v <= LINUX_NSIG)
		strace_printf(sb, "SIGRT_%d", (int)v - LINUX_SIGRTMIN);
	else
		strace_printf(sb, "%d", (int)v);
}

static void sb_name_or_int(struct sbuf *sb, const char *const *names, size_t n,
			   uint64_t v)
{
	if (v < n && names[v])
		strace_printf(sb, "%s", names[v]);
	else
		strace_printf(sb, "%d", (int)v);
}

static void sb_open_flags(struct sbuf *sb, uint64_t v, bool accmode)
{
	static const char *const acc[] = {"O_RDONLY", "O_WRONLY", "O_RDWR",
					  "O_ACCMODE"};

	v &= 0xffffffffu;
	if (!accmode) {
		strace_flags(sb, open_flags, ARRAY_SIZE(open_flags), v, "0");
		return;
	}
	strace_printf(sb, "%s", acc[v & LINUX_O_ACCMODE]);
	v &= ~(uint64_t)LINUX_O_ACCMODE;
	if (v) {
		strace_printf(sb, "|");
		strace_flags(sb, open_flags, ARRAY_SIZE(open_flags), v, "0");
	}
}

static void sb_map_flags(struct sbuf *sb, uint64_t v)
{
	static const char *const type[] = {"0", "MAP_SHARED", "MAP_PRIVATE",
					   "MAP_SHARED_VALIDATE"};
	uint64_t t = v & LINUX_MAP_TYPE;

	if (t < ARRAY_SIZE(type))
		strace_printf(sb, "%s", type[t]);
	else
		strace_printf(sb, "%#llx", (unsigned long long)t);
	v &= ~(uint64_t)LINUX_MAP_TYPE;
	if (v) {
		strace_printf(sb, "|");
		strace_flags(sb, map_flags, ARRAY_SIZE(map_flags), v, "0");
	}
}

void strace_flag_arg(struct sbuf *sb, char fmt, uint64_t v)
{
	switch (fmt) {
	case 'o':
		sb_open_flags(sb, v, true);
		break;
	case 'O':
		sb_open_flags(sb, v, false);
		break;
	case 'P':
		strace_flags(sb, prot_flags, ARRAY_SIZE(prot_flags), v,
			     "PROT_NONE");
		break;
	case 'M':
		sb_map_flags(sb, v);
		break;
	case 'a':
		strace_flags(sb, at_flags, ARRAY_SIZE(at_flags), v, "0");
		break;
	case 'A':
		strace_flags(sb, access_flags, ARRAY_SIZE(access_flags), v,
			     "F_OK");
		break;
	case 'g':
		sb_signal(sb, v);
		break;
	case 'k':
		sb_name_or_int(sb, clock_names, ARRAY_SIZE(clock_names), v);
		break;
	case 'h':
		sb_name_or_int(sb, how_names, ARRAY_SIZE(how_names), v);
		break;
	case 'e':
		sb_name_or_int(sb, whence_names, ARRAY_SIZE(whence_names), v);
		break;
	case 'm':
		strace_printf(sb, "%#03llo", (unsigned long long)v);
		break;
	case 'l':
		sb_name_or_int(sb, rlimit_names, ARRAY_SIZE(rlimit_names), v);
		break;
	case 'G':
		strace_flags(sb, grnd_flags, ARRAY_SIZE(grnd_flags), v, "0");
		break;
	case 'R':
		if (v >= LINUX_ARCH_SET_GS && v <= LINUX_ARCH_GET_GS)
			strace_printf(sb, "%s",
				      arch_prctl_names[v - LINUX_ARCH_SET_GS]);
		else
			strace_printf(sb, "%#llx", (unsigned long long)v);
		break;
	case 'i':
		for (size_t i = 0; i < ARRAY_SIZE(ioctl_names); i++) {
			if (ioctl_names[i].req == (uint32_t)v) {
				strace_printf(sb, "%s", ioctl_names[i].name);
				return;
			}
		}
		strace_printf(sb, "%#llx", (unsigned long long)(uint32_t)v);
		break;
	default:
		strace_printf(sb, "%#llx", (unsigned long long)v);
		break;
	}
}

bool strace_fcntl_cmd(struct sbuf *sb, uint64_t cmd)
{
	static const char *const names[] = {
		"F_DUPFD",  "F_GETFD",	"F_SETFD",  "F_GETFL",
		"F_SETFL",  "F_GETLK",	"F_SETLK",  "F_SETLKW",
		"F_SETOWN", "F_GETOWN", "F_SETSIG", "F_GETSIG",
	};
	static const char *const linux_names[] = {
		"F_SETLEASE",
		"F_GETLEASE",
		"F_NOTIFY",
		NULL,
		NULL,
		NULL,
		"F_DUPFD_CLOEXEC",
		"F_SETPIPE_SZ",
		"F_GETPIPE_SZ",
		"F_ADD_SEALS",
		"F_GET_SEALS",
	};
	int c = (int)cmd;

	if (c >= 0 && (size_t)c < ARRAY_SIZE(names))
		strace_printf(sb, "%s", names[c]);
	else if (c >= 1024 && (size_t)(c - 1024) < ARRAY_SIZE(linux_names) &&
		 linux_names[c - 1024])
		strace_printf(sb, "%s", linux_names[c - 1024]);
	else
		strace_printf(sb, "%#x", c);
	/* commands that take no third argument: strace stops there */
	return !(c == 1 || c == 3 || c == 9 || c == 11 || c == 1025 ||
		 c == 1032 || c == 1034);
}

/* ---- structs ------------------------------------------------------------ */

static void sb_sigset(struct sbuf *sb, uint64_t set)
{
	bool first = true;
	bool inv = __builtin_popcountll(set) > 32;

	if (inv) {
		set = ~set;
		strace_printf(sb, "~");
	}
	strace_printf(sb, "[");
	for (int s = 1; s <= LINUX_NSIG; s++) {
		const char *name = linux_signal_name(s);

		if (!(set & (1ull << (s - 1))))
			continue;
		if (name)
			strace_printf(sb, "%s%s", first ? "" : " ", name + 3);
		else if (s == LINUX_SIGRTMIN)
			strace_printf(sb, "%sRTMIN", first ? "" : " ");
		else
			strace_printf(sb, "%sRT_%d", first ? "" : " ",
				      s - LINUX_SIGRTMIN);
		first = false;
	}
	strace_printf(sb, "]");
}

static void sb_mode(struct sbuf *sb, uint32_t mode)
{
	static const char *const types[] = {
		[LINUX_S_IFSOCK >> 12] = "S_IFSOCK",
		[LINUX_S_IFLNK >> 12] = "S_IFLNK",
		[LINUX_S_IFREG >> 12] = "S_IFREG",
		[LINUX_S_IFBLK >> 12] = "S_IFBLK",
		[LINUX_S_IFDIR >> 12] = "S_IFDIR",
		[LINUX_S_IFCHR >> 12] = "S_IFCHR",
		[LINUX_S_IFIFO >> 12] = "S_IFIFO",
	};
	const char *type = types[(mode & LINUX_S_IFMT) >> 12];

	if (type)
		strace_printf(sb, "%s|", type);
	if (mode & 04000)
		strace_printf(sb, "S_ISUID|");
	if (mode & 02000)
		strace_printf(sb, "S_ISGID|");
	if (mode & 01000)
		strace_printf(sb, "S_ISVTX|");
	strace_printf(sb, "%#03o", mode & 0777);
}

/* struct stat of x86-64: st_mode at 24, st_rdev at 40, st_size at 48. */
static int sb_stat(struct sbuf *sb, struct task *t, uint64_t p)
{
	uint8_t st[144];
	uint32_t mode;
	uint64_t rdev;
	int64_t size;

	if (copy_from_user(t, st, p, sizeof(st)) < 0)
		return -1;
	memcpy(&mode, st + 24, 4);
	memcpy(&rdev, st + 40, 8);
	memcpy(&size, st + 48, 8);
	strace_printf(sb, "{st_mode=");
	sb_mode(sb, mode);
	if ((mode & LINUX_S_IFMT) == LINUX_S_IFCHR ||
	    (mode & LINUX_S_IFMT) == LINUX_S_IFBLK)
		strace_printf(sb, ", st_rdev=makedev(%#x, %#x), ...}",
			      (unsigned)(((rdev >> 32) & 0xfffff000) |
					 ((rdev >> 8) & 0xfff)),
			      (unsigned)(((rdev >> 12) & 0xffffff00) |
					 (rdev & 0xff)));
	else
		strace_printf(sb, ", st_size=%lld, ...}", (long long)size);
	return 0;
}

static void sb_rlim(struct sbuf *sb, uint64_t v)
{
	if (v == LINUX_RLIM_INFINITY)
		strace_printf(sb, "RLIM64_INFINITY");
	else if (v && v % 1024 == 0)
		strace_printf(sb, "%llu*1024", (unsigned long long)(v / 1024));
	else
		strace_printf(sb, "%llu", (unsigned long long)v);
}

enum strace_struct_kind {
	ST_NONE,
	ST_TIMESPEC,
	ST_TIMEVAL,
	ST_STAT,
	ST_RLIMIT,
	ST_SIGACTION,
	ST_SIGSET,
	ST_STACK,
};

static const struct {
	const char *name;
	int arg;
	enum strace_struct_kind kind;
} struct_args[] = {
	{"nanosleep", 0, ST_TIMESPEC},
	{"nanosleep", 1, ST_TIMESPEC},
	{"clock_gettime", 1, ST_TIMESPEC},
	{"clock_getres", 1, ST_TIMESPEC},
	{"clock_nanosleep", 2, ST_TIMESPEC},
	{"gettimeofday", 0, ST_TIMEVAL},
	{"stat", 1, ST_STAT},
	{"lstat", 1, ST_STAT},
	{"fstat", 1, ST_STAT},
	{"newfstatat", 2, ST_STAT},
	{"getrlimit", 1, ST_RLIMIT},
	{"setrlimit", 1, ST_RLIMIT},
	{"prlimit64", 2, ST_RLIMIT},
	{"prlimit64", 3, ST_RLIMIT},
	{"rt_sigaction", 1, ST_SIGACTION},
	{"rt_sigaction", 2, ST_SIGACTION},
	{"rt_sigprocmask", 1, ST_SIGSET},
	{"rt_sigprocmask", 2, ST_SIGSET},
	{"sigaltstack", 0, ST_STACK},
	{"sigaltstack", 1, ST_STACK},
};

static int sb_struct_kind(struct sbuf *sb, struct task *t,
			  enum strace_struct_kind kind, uint64_t p)
{
	union {
		struct linux_timespec ts;
		struct linux_timeval tv;
		struct linux_rlimit rl;
		struct linux_sigaction_k sa;
		struct linux_stack ss;
		uint64_t set;
	} u;
	static const size_t sizes[] = {
		[ST_TIMESPEC] = sizeof(u.ts), [ST_TIMEVAL] = sizeof(u.tv),
		[ST_RLIMIT] = sizeof(u.rl),   [ST_SIGACTION] = sizeof(u.sa),
		[ST_SIGSET] = sizeof(u.set),  [ST_STACK] = sizeof(u.ss),
	};

	if (kind == ST_STAT)
		return sb_stat(sb, t, p);
	if (kind == ST_NONE || copy_from_user(t, &u, p, sizes[kind]) < 0)
		return -1;
	switch (kind) {
	case ST_TIMESPEC:
		strace_printf(sb, "{tv_sec=%lld, tv_nsec=%lld}",
			      (long long)u.ts.tv_sec, (long long)u.ts.tv_nsec);
		break;
	case ST_TIMEVAL:
		strace_printf(sb, "{tv_sec=%lld, tv_usec=%lld}",
			      (long long)u.tv.tv_sec, (long long)u.tv.tv_usec);
		break;
	case ST_RLIMIT:
		strace_printf(sb, "{rlim_cur=");
		sb_rlim(sb, u.rl.cur);
		strace_printf(sb, ", rlim_max=");
		sb_rlim(sb, u.rl.max);
		strace_printf(sb, "}");
		break;
	case ST_SIGACTION:
		strace_printf(sb, "{sa_handler=");
		if (u.sa.handler == LINUX_SIG_DFL)
			strace_printf(sb, "SIG_DFL");
		else if (u.sa.handler == LINUX_SIG_IGN)
			strace_printf(sb, "SIG_IGN");
		else
			strace_printf(sb, "%#llx",
				      (unsigned long long)u.sa.handler);
		strace_printf(sb, ", sa_mask=");
		sb_sigset(sb, u.sa.mask);
		strace_printf(sb, ", sa_flags=");
		strace_flags(sb, sa_flags, ARRAY_SIZE(sa_flags), u.sa.flags,
			     "0");
		if (u.sa.flags & LINUX_SA_RESTORER)
			strace_printf(sb, ", sa_restorer=%#llx",
				      (unsigned long long)u.sa.restorer);
		strace_printf(sb, "}");
		break;
	case ST_SIGSET:
		sb_sigset(sb, u.set);
		break;
	case ST_STACK:
		strace_printf(sb, "{ss_sp=");
		strace_ptr(sb, u.ss.ss_sp);
		strace_printf(sb, ", ss_flags=%s, ss_size=%llu}",
			      u.ss.ss_flags & LINUX_SS_DISABLE	 ? "SS_DISABLE"
			      : u.ss.ss_flags & LINUX_SS_ONSTACK ? "SS_ONSTACK"
								 : "0",
			      (unsigned long long)u.ss.ss_size);
		break;
	default:
		return -1;
	}
	return 0;
}

void strace_struct(struct sbuf *sb, struct task *t,
		   const struct syscall_desc *d, int i, uint64_t p, int64_t ret)
{
	enum strace_struct_kind kind = ST_NONE;

	if (!p || IS_LINUX_ERR(ret) || !t->proc) {
		strace_ptr(sb, p);
		return;
	}
	for (size_t k = 0; k < ARRAY_SIZE(struct_args); k++) {
		if (struct_args[k].arg == i &&
		    strcmp(struct_args[k].name, d->name) == 0) {
			kind = struct_args[k].kind;
			break;
		}
	}
	if (sb_struct_kind(sb, t, kind, p) < 0)
		strace_ptr(sb, p);
}

void strace_si_code(char *buf, size_t len, int signo, int code)
{
	const char *name = NULL;

	if (code == LINUX_SI_KERNEL)
		name = "SI_KERNEL";
	else if (signo == LINUX_SIGSEGV)
		name = code == LINUX_SEGV_MAPERR   ? "SEGV_MAPERR"
		       : code == LINUX_SEGV_ACCERR ? "SEGV_ACCERR"
						   : NULL;
	else if (signo == LINUX_SIGILL)
		name = code == LINUX_ILL_ILLOPC	  ? "ILL_ILLOPC"
		       : code == LINUX_ILL_ILLOPN ? "ILL_ILLOPN"
		       : code == LINUX_ILL_PRVOPC ? "ILL_PRVOPC"
						  : NULL;
	else if (signo == LINUX_SIGFPE)
		name = code == LINUX_FPE_INTDIV	  ? "FPE_INTDIV"
		       : code == LINUX_FPE_INTOVF ? "FPE_INTOVF"
						  : NULL;
	else if (signo == LINUX_SIGBUS && code == LINUX_BUS_ADRALN)
		name = "BUS_ADRALN";
	else if (signo == LINUX_SIGTRAP && code == LINUX_TRAP_BRKPT)
		name = "TRAP_BRKPT";
	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%d", code);
}

/* ---- futex(2) and results that strace annotates ---------------------- */

static const char *const futex_cmds[] = {
	"FUTEX_WAIT",	     "FUTEX_WAKE",	  "FUTEX_FD",
	"FUTEX_REQUEUE",     "FUTEX_CMP_REQUEUE", "FUTEX_WAKE_OP",
	"FUTEX_LOCK_PI",     "FUTEX_UNLOCK_PI",	  "FUTEX_TRYLOCK_PI",
	"FUTEX_WAIT_BITSET", "FUTEX_WAKE_BITSET",
};

void strace_futex(struct sbuf *sb, struct task *t, const uint64_t *a)
{
	int cmd = (int)a[1] & LINUX_FUTEX_CMD_MASK;

	strace_ptr(sb, a[0]);
	strace_printf(sb, ", ");
	if ((size_t)cmd < ARRAY_SIZE(futex_cmds))
		strace_printf(sb, "%s%s%s", futex_cmds[cmd],
			      a[1] & LINUX_FUTEX_PRIVATE_FLAG ? "_PRIVATE" : "",
			      a[1] & LINUX_FUTEX_CLOCK_REALTIME
				      ? "|FUTEX_CLOCK_REALTIME"
				      : "");
	else
		strace_printf(sb, "%#llx", (unsigned long long)a[1]);
	strace_printf(sb, ", %d", (int)a[2]);
	switch (cmd) {
	case LINUX_FUTEX_WAIT:
	case LINUX_FUTEX_WAIT_BITSET:
		strace_printf(sb, ", ");
		if (!a[3] || sb_struct_kind(sb, t, ST_TIMESPEC, a[3]) < 0)
			strace_ptr(sb, a[3]);
		if (cmd == LINUX_FUTEX_WAIT)
			break;
		if ((uint32_t)a[5] == 0xffffffffu)
			strace_printf(sb, ", FUTEX_BITSET_MATCH_ANY");
		else
			strace_printf(sb, ", %#x", (unsigned)a[5]);
		break;
	case LINUX_FUTEX_WAKE_BITSET:
		strace_printf(sb, ", %#x", (unsigned)a[5]);
		break;
	case LINUX_FUTEX_REQUEUE:
	case LINUX_FUTEX_CMP_REQUEUE:
	case LINUX_FUTEX_WAKE_OP:
		strace_printf(sb, ", %u, ", (unsigned)a[3]);
		strace_ptr(sb, a[4]);
		strace_printf(sb, ", %#x", (unsigned)a[5]);
		break;
	}
}

void strace_result_note(struct sbuf *sb, struct task *t,
			const struct syscall_desc *d, const uint64_t *a,
			int64_t ret)
{
	if (!d || ret == 0) {
		strace_printf(sb, "%lld", (long long)ret);
	} else if (strcmp(d->name, "fcntl") == 0 && (int)a[1] == 1) {
		strace_printf(sb, "%#llx (flags %s)", (unsigned long long)ret,
			      ret & 1 ? "FD_CLOEXEC" : "0");
	} else if (strcmp(d->name, "fcntl") == 0 && (int)a[1] == 3) {
		strace_printf(sb, "%#llx (flags ", (unsigned long long)ret);
		sb_open_flags(sb, (uint64_t)ret, true);
		strace_printf(sb, ")");
	} else {
		strace_printf(sb, "%lld", (long long)ret);
	}
}

int strace_dirent_count(struct task *t, uint64_t p, int64_t len)
{
	int n = 0;

	for (int64_t off = 0; off + 19 <= len; n++) {
		uint16_t reclen;

		if (copy_from_user(t, &reclen, p + (uint64_t)off + 16, 2) < 0 ||
		    reclen == 0)
			return -1;
		off += reclen;
	}
	return n;
}

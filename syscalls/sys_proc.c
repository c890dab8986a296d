/*
 * Process syscalls: exit, ids, credentials, resource limits and usage,
 * uname, arch_prctl (FS/GS bases), thread bookkeeping (set_tid_address,
 * set_robust_list), kill/tgkill of the own process, scheduling queries
 * and sysinfo.
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"
#include "linux_abi.h"
#ifdef __EMSCRIPTEN__
#include "wasm/wasm_host.h"
#endif

/* exit(2), exit_group(2): one thread per process for now, so both end the
 * process with status & 0xff. */
int64_t sys_exit(struct task *t, uint64_t code, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	proc_exit(t, ((int)code & 0xff) << 8);
	return 0;
}

int64_t sys_exit_group(struct task *t, uint64_t code, uint64_t a1, uint64_t a2,
		       uint64_t a3, uint64_t a4, uint64_t a5)
{
	proc_exit(t, ((int)code & 0xff) << 8);
	return 0;
}

/* ---- ids (getpid(2), getpgid(2), getsid(2), getuid(2), ...) ---------- */

int64_t sys_getpid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->pid;
}

int64_t sys_gettid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->tid;
}

int64_t sys_getppid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->ppid;
}

int64_t sys_getpgrp(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->pgid;
}

/* True when pid names the calling process (0 or its own pid). */
static bool pid_is_self(struct task *t, uint64_t pid)
{
	return (int)pid == 0 || (int)pid == t->proc->pid;
}

int64_t sys_getpgid(struct task *t, uint64_t pid, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return pid_is_self(t, pid) ? t->proc->pgid : -LINUX_ESRCH;
}

int64_t sys_getsid(struct task *t, uint64_t pid, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return pid_is_self(t, pid) ? t->proc->sid : -LINUX_ESRCH;
}

int64_t sys_getuid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->uid;
}

int64_t sys_geteuid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->euid;
}

int64_t sys_getgid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->gid;
}

int64_t sys_getegid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return t->proc->egid;
}

/* getresuid(2): the saved id equals the effective one (no setuid yet). */
static int64_t put_res_ids(struct task *t, uint64_t r, uint64_t e, uint64_t s,
			   uint32_t real, uint32_t eff)
{
	if (copy_to_user(t, r, &real, 4) < 0 ||
	    copy_to_user(t, e, &eff, 4) < 0 || copy_to_user(t, s, &eff, 4) < 0)
		return -LINUX_EFAULT;
	return 0;
}

int64_t sys_getresuid(struct task *t, uint64_t r, uint64_t e, uint64_t s,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	return put_res_ids(t, r, e, s, t->proc->uid, t->proc->euid);
}

int64_t sys_getresgid(struct task *t, uint64_t r, uint64_t e, uint64_t s,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	return put_res_ids(t, r, e, s, t->proc->gid, t->proc->egid);
}

int sys_host_groups(uint32_t *list, int max)
{
#ifdef __EMSCRIPTEN__
	return wasm_host_getgroups(list, max); /* Emscripten invents one */
#else
	gid_t host[FS_CRED_NGROUPS];
	int n = getgroups((int)ARRAY_SIZE(host), host);

	if (n < 0)
		return 0;
	if (n > max)
		n = max;
	for (int i = 0; i < n; i++)
		list[i] = (uint32_t)host[i];
	return n;
#endif
}

/* getgroups(2): the host's supplementary groups. */
int64_t sys_getgroups(struct task *t, uint64_t size, uint64_t list, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint32_t groups[FS_CRED_NGROUPS];
	int n = sys_host_groups(groups, FS_CRED_NGROUPS);

	if ((int)size < 0)
		return -LINUX_EINVAL;
	if (size == 0)
		return n;
	if ((int)size < n)
		return -LINUX_EINVAL;
	if (n && copy_to_user(t, list, groups, (size_t)n * 4) < 0)
		return -LINUX_EFAULT;
	return n;
}

/* ---- thread bookkeeping and arch_prctl(2) ------------------------------- */

int64_t sys_arch_prctl(struct task *t, uint64_t code, uint64_t addr,
		       uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	switch (code) {
	case LINUX_ARCH_SET_FS:
	case LINUX_ARCH_SET_GS:
		if (addr >= MM_USER_TOP)
			return -LINUX_EPERM;
		if (code == LINUX_ARCH_SET_FS)
			t->cpu.fs_base = addr;
		else
			t->cpu.gs_base = addr;
		return 0;
	case LINUX_ARCH_GET_FS:
		return copy_to_user(t, addr, &t->cpu.fs_base, 8);
	case LINUX_ARCH_GET_GS:
		return copy_to_user(t, addr, &t->cpu.gs_base, 8);
	default:
		return -LINUX_EINVAL;
	}
}

int64_t sys_set_tid_address(struct task *t, uint64_t tidptr, uint64_t a1,
			    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	t->clear_child_tid = tidptr;
	return t->tid;
}

/* set_robust_list(2): len must be sizeof(struct robust_list_head). */
int64_t sys_set_robust_list(struct task *t, uint64_t head, uint64_t len,
			    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	if (len != 24)
		return -LINUX_EINVAL;
	t->robust_list = head;
	return 0;
}

/* rseq(2): not provided; glibc and musl carry on without it. */
int64_t sys_rseq(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return -LINUX_ENOSYS;
}

/* ---- signals to the own process: kill(2), tgkill(2) --------------------- */

int64_t sys_kill(struct task *t, uint64_t pid, uint64_t sig, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	int p = (int)pid;

	if ((int)sig < 0 || (int)sig > LINUX_NSIG)
		return -LINUX_EINVAL;
	/* 0, -1, our pid and our process group all reach only us */
	if (p != 0 && p != -1 && p != t->proc->pid && p != -t->proc->pgid)
		return -LINUX_ESRCH;
	if (sig)
		proc_send_signal(t, (int)sig);
	return 0;
}

/* tkill(2): the obsolete form musl's raise() still uses. */
int64_t sys_tkill(struct task *t, uint64_t tid, uint64_t sig, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	if ((int)tid <= 0 || (int)sig < 0 || (int)sig > LINUX_NSIG)
		return -LINUX_EINVAL;
	if ((int)tid != t->tid)
		return -LINUX_ESRCH;
	if (sig)
		proc_send_signal(t, (int)sig);
	return 0;
}

int64_t sys_tgkill(struct task *t, uint64_t tgid, uint64_t tid, uint64_t sig,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	if ((int)tgid <= 0 || (int)tid <= 0 || (int)sig < 0 ||
	    (int)sig > LINUX_NSIG)
		return -LINUX_EINVAL;
	if ((int)tgid != t->proc->pid || (int)tid != t->tid)
		return -LINUX_ESRCH;
	if (sig)
		proc_send_signal(t, (int)sig);
	return 0;
}

/* ---- resource limits: getrlimit(2), setrlimit(2), prlimit64(2) ---------- */

static int64_t rlimit_update(struct task *t, unsigned res, uint64_t newp,
			     uint64_t oldp)
{
	struct linux_rlimit nl, *cur;

	if (res >= LINUX_RLIM_NLIMITS)
		return -LINUX_EINVAL;
	cur = &t->proc->rlim[res];
	if (newp) {
		if (copy_from_user(t, &nl, newp, sizeof(nl)) < 0)
			return -LINUX_EFAULT;
		if (nl.cur > nl.max)
			return -LINUX_EINVAL;
		if (nl.max > cur->max && t->proc->euid != 0)
			return -LINUX_EPERM;
		if (res == LINUX_RLIMIT_NOFILE && nl.max > 1048576)
			return -LINUX_EPERM;
	}
	if (oldp && copy_to_user(t, oldp, cur, sizeof(*cur)) < 0)
		return -LINUX_EFAULT;
	if (newp) {
		*cur = nl;
		/* the fd table enforces RLIMIT_NOFILE on every allocation
		 * (sys_fd_limit's clamp) */
		if (res == LINUX_RLIMIT_NOFILE)
			fdtable_set_max(t->proc->fds,
					nl.cur > 65536 ? 65536 : (int)nl.cur);
		if (res == LINUX_RLIMIT_STACK) /* how far the stack grows */
			mm_set_stack_rlimit(t->proc->mm, nl.cur);
	}
	return 0;
}

int64_t sys_getrlimit(struct task *t, uint64_t res, uint64_t rlim, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	return rlimit_update(t, (unsigned)res, 0, rlim);
}

int64_t sys_setrlimit(struct task *t, uint64_t res, uint64_t rlim, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	if (!rlim)
		return -LINUX_EFAULT;
	return rlimit_update(t, (unsigned)res, rlim, 0);
}

int64_t sys_prlimit64(struct task *t, uint64_t pid, uint64_t res, uint64_t newp,
		      uint64_t oldp, uint64_t a4, uint64_t a5)
{
	if (!pid_is_self(t, pid))
		return -LINUX_ESRCH;
	return rlimit_update(t, (unsigned)res, newp, oldp);
}

/* ---- usage: getrusage(2), times(2), sysinfo(2) -------------------------- */

static struct linux_timespec host_clock(clockid_t id)
{
	struct timespec ts;
	struct linux_timespec r = {0, 0};

	if (clock_gettime(id, &ts) == 0) {
		r.tv_sec = ts.tv_sec;
		r.tv_nsec = ts.tv_nsec;
	}
	return r;
}

int64_t sys_getrusage(struct task *t, uint64_t who, uint64_t usage, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_rusage ru;
	struct linux_timespec cpu;

	memset(&ru, 0, sizeof(ru));
	switch ((int)who) {
	case LINUX_RUSAGE_SELF:
	case LINUX_RUSAGE_THREAD:
		/* All CPU time counts as user time: the guest's "kernel"
		 * is wax's own code in the same host process. */
		cpu = host_clock(CLOCK_PROCESS_CPUTIME_ID);
		ru.ru_utime.tv_sec = cpu.tv_sec;
		ru.ru_utime.tv_usec = cpu.tv_nsec / 1000;
		break;
	case LINUX_RUSAGE_CHILDREN:
		break;
	default:
		return -LINUX_EINVAL;
	}
	return copy_to_user(t, usage, &ru, sizeof(ru));
}

int64_t sys_times(struct task *t, uint64_t buf, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_timespec cpu = host_clock(CLOCK_PROCESS_CPUTIME_ID);
	struct linux_timespec now = host_clock(CLOCK_MONOTONIC);
	struct linux_tms tms = {0, 0, 0, 0};

	tms.tms_utime = cpu.tv_sec * LINUX_USER_HZ +
			cpu.tv_nsec / (1000000000 / LINUX_USER_HZ);
	if (buf && copy_to_user(t, buf, &tms, sizeof(tms)) < 0)
		return -LINUX_EFAULT;
	return now.tv_sec * LINUX_USER_HZ +
	       now.tv_nsec / (1000000000 / LINUX_USER_HZ);
}

int64_t sys_sysinfo(struct task *t, uint64_t info, uint64_t a1, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_sysinfo si;
	long pages = sysconf(_SC_PHYS_PAGES);
	long avail = sysconf(_SC_AVPHYS_PAGES);
	long psize = sysconf(_SC_PAGESIZE);

	memset(&si, 0, sizeof(si));
	si.uptime = host_clock(CLOCK_MONOTONIC).tv_sec;
	if (pages > 0 && psize > 0) {
		si.totalram = (uint64_t)pages * (uint64_t)psize;
		si.freeram = avail > 0 ? (uint64_t)avail * (uint64_t)psize
				       : si.totalram / 2;
	}
	si.procs = 1;
	si.mem_unit = 1;
	return copy_to_user(t, info, &si, sizeof(si));
}

/* ---- uname(2), scheduling ------------------------------------------------ */

int64_t sys_uname(struct task *t, uint64_t buf, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_utsname u;

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Linux");
	snprintf(u.nodename, sizeof(u.nodename), "%s", proc_hostname());
	/* the same string as /proc/sys/kernel/osrelease */
	snprintf(u.release, sizeof(u.release), "%s", WAX_LINUX_RELEASE);
	strcpy(u.version, "#1 SMP PREEMPT_DYNAMIC Debian 6.1");
	strcpy(u.machine, "x86_64");
	strcpy(u.domainname, "(none)");
	return copy_to_user(t, buf, &u, sizeof(u));
}

int64_t sys_sched_yield(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
			uint64_t a3, uint64_t a4, uint64_t a5)
{
	return 0;
}

/* sched_getaffinity(2): one CPU per host core; like the kernel, len must
 * cover a whole cpumask (8 bytes here) and be a multiple of 8, and the
 * result is the number of bytes written. */
int64_t sys_sched_getaffinity(struct task *t, uint64_t pid, uint64_t len,
			      uint64_t mask, uint64_t a3, uint64_t a4,
			      uint64_t a5)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t bits;

	if ((int)pid < 0)
		return -LINUX_ESRCH;
	if (!pid_is_self(t, pid))
		return -LINUX_ESRCH;
	if (len < 8 || (len & 7))
		return -LINUX_EINVAL;
	if (ncpu < 1)
		ncpu = 1;
	if (ncpu > 64)
		ncpu = 64;
	bits = ncpu == 64 ? ~0ull : (1ull << ncpu) - 1;
	if (copy_to_user(t, mask, &bits, 8) < 0)
		return -LINUX_EFAULT;
	return 8;
}

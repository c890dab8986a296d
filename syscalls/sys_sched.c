/*
 * Process attributes beyond ids: nice value (getpriority(2),
 * setpriority(2)), scheduler queries (sched_getscheduler(2),
 * sched_getparam(2), sched_get_priority_max(2), sched_setaffinity(2),
 * getcpu(2)), process groups and sessions (setpgid(2), setsid(2)) and
 * prctl(2).  Only the calling process exists for these calls; other pids
 * are ESRCH.
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include <string.h>

#include "sys.h"
#include "linux_abi.h"

#define LINUX_PRIO_PROCESS 0
#define LINUX_PRIO_PGRP	   1
#define LINUX_PRIO_USER	   2

#define LINUX_SCHED_OTHER    0
#define LINUX_SCHED_FIFO     1
#define LINUX_SCHED_RR	     2
#define LINUX_SCHED_BATCH    3
#define LINUX_SCHED_IDLE     5
#define LINUX_SCHED_DEADLINE 6

static bool is_self(struct task *t, uint64_t pid)
{
	return (int)pid == 0 || (int)pid == t->proc->pid;
}

/* Whether (which, who) of getpriority(2) names the calling process. */
static int64_t prio_target(struct task *t, uint64_t which, uint64_t who)
{
	switch ((int)which) {
	case LINUX_PRIO_PROCESS:
		return is_self(t, who) ? 0 : -LINUX_ESRCH;
	case LINUX_PRIO_PGRP:
		return (int)who == 0 || (int)who == t->proc->pgid
			       ? 0
			       : -LINUX_ESRCH;
	case LINUX_PRIO_USER:
		return (int)who == 0 || (uint32_t)who == t->proc->uid
			       ? 0
			       : -LINUX_ESRCH;
	default:
		return -LINUX_EINVAL;
	}
}

/* The raw syscall returns 20 - nice (1..40) so that it is never negative;
 * libc turns it back into the nice value. */
int64_t sys_getpriority(struct task *t, uint64_t which, uint64_t who,
			uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int64_t r = prio_target(t, which, who);

	return r < 0 ? r : 20 - t->proc->nice;
}

int64_t sys_setpriority(struct task *t, uint64_t which, uint64_t who,
			uint64_t prio, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int64_t r = prio_target(t, which, who);
	int nice = (int)prio;
	uint64_t lim = t->proc->rlim[LINUX_RLIMIT_NICE].cur;

	if (r < 0)
		return r;
	if (nice < -20)
		nice = -20;
	if (nice > 19)
		nice = 19;
	/* lowering nice needs CAP_SYS_NICE or room in RLIMIT_NICE, whose
	 * value v allows nice down to 20 - v */
	if (nice < t->proc->nice && t->proc->euid != 0 &&
	    (uint64_t)(20 - nice) > lim)
		return -LINUX_EACCES;
	t->proc->nice = nice;
	return 0;
}

int64_t sys_sched_getscheduler(struct task *t, uint64_t pid, uint64_t a1,
			       uint64_t a2, uint64_t a3, uint64_t a4,
			       uint64_t a5)
{
	if ((int)pid < 0)
		return -LINUX_EINVAL;
	return is_self(t, pid) ? LINUX_SCHED_OTHER : -LINUX_ESRCH;
}

int64_t sys_sched_getparam(struct task *t, uint64_t pid, uint64_t param,
			   uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int32_t prio = 0; /* SCHED_OTHER has static priority 0 */

	if ((int)pid < 0 || !param)
		return -LINUX_EINVAL;
	if (!is_self(t, pid))
		return -LINUX_ESRCH;
	return copy_to_user(t, param, &prio, sizeof(prio));
}

static int64_t sched_prio_limit(uint64_t policy, bool max)
{
	switch ((int)policy) {
	case LINUX_SCHED_FIFO:
	case LINUX_SCHED_RR:
		return max ? 99 : 1;
	case LINUX_SCHED_OTHER:
	case LINUX_SCHED_BATCH:
	case LINUX_SCHED_IDLE:
	case LINUX_SCHED_DEADLINE:
		return 0;
	default:
		return -LINUX_EINVAL;
	}
}

int64_t sys_sched_get_priority_max(struct task *t, uint64_t policy, uint64_t a1,
				   uint64_t a2, uint64_t a3, uint64_t a4,
				   uint64_t a5)
{
	return sched_prio_limit(policy, true);
}

int64_t sys_sched_get_priority_min(struct task *t, uint64_t policy, uint64_t a1,
				   uint64_t a2, uint64_t a3, uint64_t a4,
				   uint64_t a5)
{
	return sched_prio_limit(policy, false);
}

/* sched_setaffinity(2): accepted (the host schedules wax's threads); a
 * mask without any CPU is EINVAL like on Linux. */
int64_t sys_sched_setaffinity(struct task *t, uint64_t pid, uint64_t len,
			      uint64_t mask, uint64_t a3, uint64_t a4,
			      uint64_t a5)
{
	uint8_t buf[128];
	size_t n = (size_t)MIN(len, sizeof(buf));
	bool any = false;

	if (!is_self(t, pid))
		return -LINUX_ESRCH;
	if (copy_from_user(t, buf, mask, n) < 0)
		return -LINUX_EFAULT;
	for (size_t i = 0; i < n; i++)
		any |= buf[i] != 0;
	return any ? 0 : -LINUX_EINVAL;
}

/* getcpu(2): always CPU 0, node 0. */
int64_t sys_getcpu(struct task *t, uint64_t cpu, uint64_t node, uint64_t cache,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint32_t zero = 0;

	if (cpu && copy_to_user(t, cpu, &zero, 4) < 0)
		return -LINUX_EFAULT;
	if (node && copy_to_user(t, node, &zero, 4) < 0)
		return -LINUX_EFAULT;
	return 0;
}

/* ---- process groups and sessions ---------------------------------------- */

int64_t sys_setpgid(struct task *t, uint64_t pid, uint64_t pgid, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct process *p = t->proc;
	int g = (int)pgid == 0 ? p->pid : (int)pgid;

	if ((int)pgid < 0)
		return -LINUX_EINVAL;
	if (!is_self(t, pid))
		return -LINUX_ESRCH;
	if (p->sid == p->pid) /* a session leader cannot move */
		return -LINUX_EPERM;
	/* the only groups wax knows: a new one led by us, or our own */
	if (g != p->pid && g != p->pgid)
		return -LINUX_EPERM;
	p->pgid = g;
	return 0;
}

int64_t sys_setsid(struct task *t, uint64_t a0, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct process *p = t->proc;

	if (p->pgid == p->pid) /* already a group leader */
		return -LINUX_EPERM;
	p->sid = p->pgid = p->pid;
	return p->sid;
}

/* ---- prctl(2) ------------------------------------------------------------ */

#define LINUX_PR_SET_PDEATHSIG	  1
#define LINUX_PR_GET_PDEATHSIG	  2
#define LINUX_PR_GET_DUMPABLE	  3
#define LINUX_PR_SET_DUMPABLE	  4
#define LINUX_PR_SET_NAME	  15
#define LINUX_PR_GET_NAME	  16
#define LINUX_PR_GET_SECCOMP	  21
#define LINUX_PR_CAPBSET_READ	  23
#define LINUX_PR_GET_TIMERSLACK	  30
#define LINUX_PR_SET_NO_NEW_PRIVS 38
#define LINUX_PR_GET_NO_NEW_PRIVS 39
#define LINUX_PR_GET_THP_DISABLE  42
#define LINUX_CAP_LAST_CAP	  40

/* The name PR_GET_NAME reports: the one set, or the image's basename. */
static void prctl_comm(struct process *p, char out[16])
{
	const char *base = p->exe ? strrchr(p->exe, '/') : NULL;

	memset(out, 0, 16);
	if (p->comm[0])
		memcpy(out, p->comm, 15);
	else if (base)
		strncpy(out, base + 1, 15);
}

int64_t sys_prctl(struct task *t, uint64_t option, uint64_t arg2, uint64_t arg3,
		  uint64_t arg4, uint64_t arg5, uint64_t a5)
{
	struct process *p = t->proc;
	char name[16];
	int32_t v;
	int64_t r;

	switch ((int)option) {
	case LINUX_PR_SET_PDEATHSIG:
		if (arg2 > LINUX_NSIG)
			return -LINUX_EINVAL;
		p->pdeathsig = (int)arg2;
		return 0;
	case LINUX_PR_GET_PDEATHSIG:
		v = p->pdeathsig;
		return copy_to_user(t, arg2, &v, sizeof(v));
	case LINUX_PR_GET_DUMPABLE:
		return p->not_dumpable ? 0 : 1;
	case LINUX_PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -LINUX_EINVAL;
		p->not_dumpable = arg2 == 0;
		return 0;
	case LINUX_PR_SET_NAME:
		/* the kernel copies 16 bytes and cuts at 15 characters */
		r = mm_read_str(p->mm, name, arg2, sizeof(name));
		if (r == -LINUX_ENAMETOOLONG) {
			if (copy_from_user(t, name, arg2, 15) < 0)
				return -LINUX_EFAULT;
			name[15] = '\0';
		} else if (r < 0) {
			return -LINUX_EFAULT;
		}
		memset(p->comm, 0, sizeof(p->comm));
		memcpy(p->comm, name, strlen(name));
		return 0;
	case LINUX_PR_GET_NAME:
		prctl_comm(p, name);
		return copy_to_user(t, arg2, name, sizeof(name));
	case LINUX_PR_GET_SECCOMP:
		return 0;
	case LINUX_PR_CAPBSET_READ:
		/* the bounding set starts full */
		return arg2 <= LINUX_CAP_LAST_CAP ? 1 : -LINUX_EINVAL;
	case LINUX_PR_GET_TIMERSLACK:
		return 50000; /* the default 50 us */
	case LINUX_PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -LINUX_EINVAL;
		p->no_new_privs = true;
		return 0;
	case LINUX_PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -LINUX_EINVAL;
		return p->no_new_privs;
	case LINUX_PR_GET_THP_DISABLE:
		return 0;
	default:
		return -LINUX_EINVAL;
	}
}

/*
 * Signal syscalls: rt_sigaction(2), rt_sigprocmask(2), sigaltstack(2).
 * The state is recorded exactly as Linux keeps it, so libc start-up and
 * sigaction round trips behave; delivery to guest handlers is not
 * implemented yet (process.c applies default actions only).
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include "sys.h"
#include "linux_abi.h"

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
#define SIG_UNBLOCKABLE                                                        \
	((1ull << (LINUX_SIGKILL - 1)) | (1ull << (LINUX_SIGSTOP - 1)))

int64_t sys_rt_sigaction(struct task *t, uint64_t sig, uint64_t act,
			 uint64_t oact, uint64_t sigsetsize, uint64_t a4,
			 uint64_t a5)
{
	struct linux_sigaction_k new_sa, *cur;
	int s = (int)sig;

	if (sigsetsize != LINUX_SIGSET_SIZE)
		return -LINUX_EINVAL;
	if (s < 1 || s > LINUX_NSIG)
		return -LINUX_EINVAL;
	if (act && (s == LINUX_SIGKILL || s == LINUX_SIGSTOP))
		return -LINUX_EINVAL;
	if (act && copy_from_user(t, &new_sa, act, sizeof(new_sa)) < 0)
		return -LINUX_EFAULT;
	cur = &t->proc->sigactions[s - 1];
	if (oact && copy_to_user(t, oact, cur, sizeof(*cur)) < 0)
		return -LINUX_EFAULT;
	if (act) {
		new_sa.mask &= ~SIG_UNBLOCKABLE;
		*cur = new_sa;
		/* POSIX: setting SIG_IGN discards a pending instance */
		if (new_sa.handler == LINUX_SIG_IGN)
			t->sigpending &= ~(1ull << (s - 1));
	}
	return 0;
}

int64_t sys_rt_sigprocmask(struct task *t, uint64_t how, uint64_t set,
			   uint64_t oset, uint64_t sigsetsize, uint64_t a4,
			   uint64_t a5)
{
	uint64_t old = t->sigmask, m, mask = old;

	if (sigsetsize != LINUX_SIGSET_SIZE)
		return -LINUX_EINVAL;
	if (set) {
		if (copy_from_user(t, &m, set, sizeof(m)) < 0)
			return -LINUX_EFAULT;
		switch ((int)how) {
		case LINUX_SIG_BLOCK:
			mask = old | m;
			break;
		case LINUX_SIG_UNBLOCK:
			mask = old & ~m;
			break;
		case LINUX_SIG_SETMASK:
			mask = m;
			break;
		default:
			return -LINUX_EINVAL;
		}
	}
	if (oset && copy_to_user(t, oset, &old, sizeof(old)) < 0)
		return -LINUX_EFAULT;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	if (t->sigpending & ~t->sigmask)
		proc_deliver_pending(t);
	return 0;
}

/* sigaltstack(2): records the alternate stack for future delivery. */
int64_t sys_sigaltstack(struct task *t, uint64_t ss, uint64_t old_ss,
			uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct linux_stack n, o = {0, 0, 0, 0};

	if (t->altstack.size == 0) {
		o.ss_flags = LINUX_SS_DISABLE;
	} else {
		o.ss_sp = t->altstack.sp;
		o.ss_size = t->altstack.size;
		o.ss_flags = t->altstack.flags;
	}
	if (ss) {
		uint32_t mode;

		if (copy_from_user(t, &n, ss, sizeof(n)) < 0)
			return -LINUX_EFAULT;
		mode = (uint32_t)n.ss_flags & ~LINUX_SS_AUTODISARM;
		if (mode != LINUX_SS_DISABLE && mode != LINUX_SS_ONSTACK &&
		    mode != 0)
			return -LINUX_EINVAL;
		if (mode == LINUX_SS_DISABLE) {
			n.ss_size = 0;
			n.ss_sp = 0;
		} else if (n.ss_size < LINUX_MINSIGSTKSZ) {
			return -LINUX_ENOMEM;
		}
	}
	if (old_ss && copy_to_user(t, old_ss, &o, sizeof(o)) < 0)
		return -LINUX_EFAULT;
	if (ss) {
		t->altstack.sp = n.ss_sp;
		t->altstack.size = n.ss_size;
		t->altstack.flags = n.ss_flags & (int)LINUX_SS_AUTODISARM;
	}
	return 0;
}

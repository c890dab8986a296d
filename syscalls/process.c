/*
 * Guest processes and the run loop: creation of the first process, the
 * loop that alternates between the CPU and syscall dispatch, process exit
 * and the default actions of signals (delivery to guest handlers is not
 * implemented yet), and the hooks procfs uses to see the caller.
 *
 * Layer: syscalls/.  Called by frontend/main.c (proc_create_init,
 * task_run, proc_free) and by the sys_*.c handlers (proc_exit,
 * proc_send_signal).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"
#include "linux_abi.h"
#ifdef __EMSCRIPTEN__
#include "wasm/wasm_host.h"
#endif

_Thread_local struct task *current;

/* ---- procfs hooks -------------------------------------------------------- */

static int hook_pid(void)
{
	return current ? current->proc->pid : 0;
}

static int hook_tid(void)
{
	return current ? current->tid : 0;
}

static int hook_ppid(void)
{
	return current ? current->proc->ppid : 0;
}

static struct mm *hook_mm(void)
{
	return current ? current->proc->mm : NULL;
}

static const char *hook_exe(void)
{
	return current && current->proc->exe ? current->proc->exe : "";
}

static struct fdtable *hook_fds(void)
{
	return current ? current->proc->fds : NULL;
}

static void hook_cmdline(gaddr *start, gaddr *end)
{
	*start = current ? current->proc->arg_start : 0;
	*end = current ? current->proc->arg_end : 0;
}

static void hook_environ(gaddr *start, gaddr *end)
{
	*start = current ? current->proc->env_start : 0;
	*end = current ? current->proc->env_end : 0;
}

static struct fs_context *hook_fs(void)
{
	return current ? current->proc->fs : NULL;
}

static char proc_hostname_buf[65]; /* __NEW_UTS_LEN + 1 */
static pthread_once_t proc_hostname_once = PTHREAD_ONCE_INIT;

static void proc_hostname_init(void)
{
	if (gethostname(proc_hostname_buf, sizeof(proc_hostname_buf) - 1) < 0 ||
	    !proc_hostname_buf[0])
		strcpy(proc_hostname_buf, "wax");
}

const char *proc_hostname(void)
{
	pthread_once(&proc_hostname_once, proc_hostname_init);
	return proc_hostname_buf;
}

static const struct procfs_hooks proc_procfs_hooks = {
	.pid = hook_pid,
	.tid = hook_tid,
	.ppid = hook_ppid,
	.mm = hook_mm,
	.exe = hook_exe,
	.fds = hook_fds,
	.cmdline = hook_cmdline,
	.environ = hook_environ,
	.fs = hook_fs,
	.hostname = proc_hostname,
};

/* ---- creation ------------------------------------------------------------ */

/* Linux's defaults for a process started from a login shell. */
static const struct linux_rlimit default_rlimits[LINUX_RLIM_NLIMITS] = {
	[LINUX_RLIMIT_CPU] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_FSIZE] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_DATA] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_STACK] = {8ull << 20, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_CORE] = {0, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_RSS] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_NPROC] = {63432, 63432},
	[LINUX_RLIMIT_NOFILE] = {1024, 1048576},
	[LINUX_RLIMIT_MEMLOCK] = {8ull << 20, 8ull << 20},
	[LINUX_RLIMIT_AS] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_LOCKS] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
	[LINUX_RLIMIT_SIGPENDING] = {63432, 63432},
	[LINUX_RLIMIT_MSGQUEUE] = {819200, 819200},
	[LINUX_RLIMIT_NICE] = {0, 0},
	[LINUX_RLIMIT_RTPRIO] = {0, 0},
	[LINUX_RLIMIT_RTTIME] = {LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY},
};

struct task *proc_create_init(void)
{
	struct process *p = calloc(1, sizeof(*p));
	struct task *t = calloc(1, sizeof(*t));

	if (!p || !t)
		goto out_free;
	p->mm = mm_create();
	if (!p->mm)
		goto out_free;
	p->fds = fdtable_create();
	if (!p->fds)
		goto out_mm;
	if (fdtable_open_console(p->fds) < 0)
		goto out_fds;
	p->fs = fs_context_create();
	if (!p->fs)
		goto out_fds;

	/* The host's pid keeps guest and host logs easy to match up. */
	p->pid = (int)getpid();
	if (p->pid <= 1)
		p->pid = 1000;
	p->ppid = (int)getppid();
	/* the guest lives in wax's host session and process group */
	p->pgid = (int)getpgrp();
	p->sid = (int)getsid(0);
	if (p->pgid <= 0)
		p->pgid = p->pid;
	if (p->sid <= 0)
		p->sid = p->pid;
#ifdef __EMSCRIPTEN__
	/* Emscripten invents ids: take Node's, the same as the native build */
	wasm_host_ids(&p->uid, &p->euid, &p->gid, &p->egid);
#else
	p->uid = (uint32_t)getuid();
	p->euid = (uint32_t)geteuid();
	p->gid = (uint32_t)getgid();
	p->egid = (uint32_t)getegid();
#endif
	{
		/* access(2) checks the real ids */
		struct fs_cred cred = {.uid = p->uid, .gid = p->gid};

		cred.ngroups = sys_host_groups(cred.groups, FS_CRED_NGROUPS);
		vfs_set_cred(&cred);
	}
	for (int i = 0; i < LINUX_RLIM_NLIMITS; i++)
		p->rlim[i] = default_rlimits[i];

	t->proc = p;
	t->tid = p->pid;
	cpu_init(&t->cpu, p->mm);
	t->cpu.task = t;
	procfs_set_hooks(&proc_procfs_hooks);
	return t;

out_fds:
	fdtable_put(p->fds);
out_mm:
	mm_destroy(p->mm);
out_free:
	free(p);
	free(t);
	return NULL;
}

void proc_free(struct task *t)
{
	struct process *p = t->proc;

	if (current == t)
		current = NULL;
	cpu_fini(&t->cpu);
	if (p) {
		if (p->fs)
			fs_context_put(p->fs);
		if (p->fds)
			fdtable_put(p->fds);
		if (p->mm)
			mm_destroy(p->mm);
		free(p->exe);
		free(p);
	}
	free(t);
}

/* ---- exit and signals ---------------------------------------------------- */

void proc_exit(struct task *t, int wait_status)
{
	if (!t->proc->exited) {
		t->proc->exited = true;
		t->proc->exit_status = wait_status;
	}
	t->exiting = true;
}

static bool signal_default_ignored(int signo)
{
	return signo == LINUX_SIGCHLD || signo == LINUX_SIGCONT ||
	       signo == LINUX_SIGURG || signo == LINUX_SIGWINCH;
}

static bool signal_default_stops(int signo)
{
	return signo == LINUX_SIGSTOP || signo == LINUX_SIGTSTP ||
	       signo == LINUX_SIGTTIN || signo == LINUX_SIGTTOU;
}

/* Ends the process as the default action of signo would.  No core bit:
 * RLIMIT_CORE is 0 by default, so Linux dumps no core either. */
static void signal_terminate(struct task *t, int signo)
{
	proc_exit(t, signo);
}

/* Acts on an unblocked signal. */
static void signal_act(struct task *t, int signo)
{
	uint64_t handler = t->proc->sigactions[signo - 1].handler;

	if (signo != LINUX_SIGKILL && signo != LINUX_SIGSTOP) {
		if (handler == LINUX_SIG_IGN)
			return;
		if (handler != LINUX_SIG_DFL) {
			wax_log("signal %s has a guest handler at %#llx: "
				"signal delivery not implemented, "
				"terminating",
				linux_signal_name(signo) ?: "?",
				(unsigned long long)handler);
			signal_terminate(t, signo);
			return;
		}
	}
	if (signal_default_ignored(signo))
		return;
	if (signal_default_stops(signo)) {
		wax_log("%s: stopping a process is not implemented, ignored",
			linux_signal_name(signo));
		return;
	}
	signal_terminate(t, signo);
}

void proc_send_signal(struct task *t, int signo)
{
	uint64_t bit = 1ull << (signo - 1);

	if (signo < 1 || signo > LINUX_NSIG)
		return;
	if ((t->sigmask & bit) && signo != LINUX_SIGKILL &&
	    signo != LINUX_SIGSTOP) {
		t->sigpending |= bit;
		return;
	}
	signal_act(t, signo);
}

void proc_deliver_pending(struct task *t)
{
	uint64_t ready = t->sigpending & ~t->sigmask;

	while (ready && !t->exiting) {
		int signo = __builtin_ctzll(ready) + 1;

		ready &= ready - 1;
		t->sigpending &= ~(1ull << (signo - 1));
		signal_act(t, signo);
	}
}

/* ---- run loop ------------------------------------------------------------ */

/* A CPU exception: the guest cannot handle it yet, so the default action
 * (terminate) applies; a registered handler is reported. */
static void task_fault(struct task *t)
{
	const struct cpu_fault *f = &t->cpu.fault;
	uint64_t handler = t->proc->sigactions[f->signo - 1].handler;

	if (syscall_strace)
		strace_print_fault(f);
	if (handler != LINUX_SIG_DFL && handler != LINUX_SIG_IGN)
		wax_log("%s has a guest handler at %#llx: signal delivery "
			"not implemented, terminating",
			linux_signal_name(f->signo) ?: "signal",
			(unsigned long long)handler);
	t->proc->faulted = true;
	t->proc->fault = *f;
	signal_terminate(t, f->signo);
}

int task_run(struct task *t)
{
	current = t;
	t->cpu.task = t;
	while (!t->exiting) {
		switch (cpu_run(&t->cpu)) {
		case CPU_EXIT_SYSCALL:
			syscall_dispatch(t);
			break;
		case CPU_EXIT_FAULT:
			task_fault(t);
			break;
		case CPU_EXIT_STOP:
			t->cpu.stop_request = 0;
			break;
		}
	}
	if (syscall_strace)
		strace_print_exit(t->proc->exit_status);
	return t->proc->exit_status;
}

/*
 * Public interface of the syscalls layer: guest processes and threads
 * (struct process, struct task), the run loop that alternates between the
 * CPU and syscall dispatch, and the syscall table (syscall_table.h, one
 * X-macro list that builds dispatch, --strace and the docs check).
 *
 * Callers: frontend/ (creates the first process and runs it).  Calls
 * down into fs/, net/ and translate/.
 *
 * NOTE for the syscalls/ implementer: extend this header as needed; the
 * declarations below are the contract frontend/ is written against.
 */
#ifndef WAX_SYSCALLS_H
#define WAX_SYSCALLS_H

#include "fs.h"
#include "translate.h"
#include "wax.h"

#define LINUX_NSIG 64

struct linux_sigaction_k {
	uint64_t handler; /* SIG_DFL 0, SIG_IGN 1, or a guest address */
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

struct linux_rlimit {
	uint64_t cur, max;
};
#define LINUX_RLIM_NLIMITS 16

/* A guest process: what its threads share. */
struct process {
	int pid, ppid, pgid, sid;
	struct mm *mm;
	struct fdtable *fds;
	struct fs_context *fs;
	char *exe;		  /* absolute guest path of the image */
	gaddr arg_start, arg_end; /* argv strings on the initial stack */
	gaddr env_start, env_end; /* envp strings */
	gaddr auxv_start;
	unsigned auxv_len;
	struct linux_sigaction_k sigactions[LINUX_NSIG];
	struct linux_rlimit rlim[LINUX_RLIM_NLIMITS];
	uint32_t uid, euid, gid, egid;
	int exit_status; /* wait status once it has exited */
	bool exited;
	int nice;		/* -20..19 (getpriority, setpriority) */
	char comm[16];		/* prctl(PR_SET_NAME); "" = basename of exe */
	int pdeathsig;		/* prctl(PR_SET_PDEATHSIG) */
	bool not_dumpable;	/* prctl(PR_SET_DUMPABLE, 0) */
	bool no_new_privs;	/* prctl(PR_SET_NO_NEW_PRIVS) */
	bool faulted;		/* killed by a CPU exception: */
	struct cpu_fault fault; /* which one, for the crash report */
};

/* A guest thread. */
struct task {
	struct cpu cpu;
	struct process *proc;
	int tid;
	gaddr clear_child_tid; /* set_tid_address */
	gaddr robust_list;
	uint64_t sigmask;
	uint64_t sigpending; /* blocked signals sent by kill */
	struct {
		gaddr sp;
		uint64_t size;
		int flags;
	} altstack; /* sigaltstack; size 0 = disabled */
	bool exiting;
};

/* The guest thread running on this host thread. */
extern _Thread_local struct task *current;

/* process.c */
/* Creates the first guest process (pid given by the host, or 1000+):
 * empty address space, console fds 0-2, cwd "/", default rlimits. */
struct task *proc_create_init(void);
/*
 * Runs the task until its process exits.  Returns the wait(2)-style
 * status: exit code << 8, or the terminating signal number.
 */
int task_run(struct task *t);
/* Frees the process of a task that has finished running (address space,
 * fd table, fs context) and the task itself. */
void proc_free(struct task *t);
/* Ends the whole process with a wait status (exit_group, fatal signal);
 * task_run returns after the current syscall. */
void proc_exit(struct task *t, int wait_status);
/*
 * Sends signal signo to the calling process the way kill(2) would,
 * without signal delivery to guest handlers (not implemented yet): a
 * blocked signal is left pending, an ignored one dropped, anything else
 * (default action or guest handler, the latter logged) ends the process
 * as if by the default action.  Stop/continue signals are ignored.
 */
void proc_send_signal(struct task *t, int signo);
/* The guest's hostname (uname nodename, /proc/sys/kernel/hostname): the
 * host's (Node's under Emscripten), "wax" when it has none.  Static. */
const char *proc_hostname(void);
/* Delivers pending signals that are no longer blocked (sigprocmask). */
void proc_deliver_pending(struct task *t);

/* syscall.c */
/* Handler signature shared by every syscall. */
typedef int64_t sys_handler(struct task *t, uint64_t a0, uint64_t a1,
			    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5);
/* Performs the syscall in t->cpu.regs (rax = number) and stores the result
 * in rax (rcx = rip, r11 = rflags, as SYSCALL leaves them); prints it
 * when --strace is on.  Unknown numbers return -LINUX_ENOSYS and are
 * logged once per number. */
void syscall_dispatch(struct task *t);
/* Runs syscall nr with the given arguments without touching registers or
 * printing (dispatch core; also used by tests). */
int64_t syscall_invoke(struct task *t, uint64_t nr, const uint64_t args[6]);
extern int syscall_strace;

/* One row of syscall_table.h. */
struct syscall_desc {
	const char *name;
	sys_handler *fn;
	const char *args; /* strace format letters, one per argument */
	char ret;	  /* result format: 'd', 'x' or 'o' */
};
/* The row for nr, or NULL when nr is not in syscall_table.h. */
const struct syscall_desc *syscall_lookup(uint64_t nr);

/* syscall_names.c */
/* Linux's name for any x86-64 syscall number ("socket"), or NULL. */
const char *syscall_name(uint64_t nr);

/* strace.c */
/*
 * Formats one --strace line (without the newline) into buf (len bytes,
 * always NUL-terminated, truncated when short): "name(args) = result".
 * d may be NULL for an unknown number.  With returned false the result
 * is "?" (exit, exit_group).  Guest buffers are read through t's mm.
 * Returns the length written.
 */
size_t strace_format(struct task *t, uint64_t nr, const struct syscall_desc *d,
		     const uint64_t args[6], int64_t ret, bool returned,
		     char *buf, size_t len);
/* Formats and writes one line to the host's stderr. */
void strace_print(struct task *t, uint64_t nr, const struct syscall_desc *d,
		  const uint64_t args[6], int64_t ret, bool returned);
/* The execve line strace shows first; envp is the guest address of the
 * environment pointer array on the new stack. */
void strace_print_execve(const char *path, char *const argv[], int envc,
			 gaddr envp);
/* "+++ exited with N +++" / "+++ killed by SIGX +++" for a wait status. */
void strace_print_exit(int wait_status);
/* "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x0} ---" */
void strace_print_fault(const struct cpu_fault *f);
/* Name of a Linux signal ("SIGSEGV"), or NULL for an unknown number. */
const char *linux_signal_name(int signo);
/* glibc's message for a Linux errno ("No such file or directory"). */
const char *linux_errno_message(int linux_errno);

#endif

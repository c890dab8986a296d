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
	char *exe;			/* absolute guest path of the image */
	gaddr arg_start, arg_end;	/* argv strings on the initial stack */
	gaddr env_start, env_end;	/* envp strings */
	gaddr auxv_start; unsigned auxv_len;
	struct linux_sigaction_k sigactions[LINUX_NSIG];
	struct linux_rlimit rlim[LINUX_RLIM_NLIMITS];
	uint32_t uid, euid, gid, egid;
	int exit_status;		/* wait status once it has exited */
	bool exited;
};

/* A guest thread. */
struct task {
	struct cpu cpu;
	struct process *proc;
	int tid;
	gaddr clear_child_tid;		/* set_tid_address */
	gaddr robust_list;
	uint64_t sigmask;
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

/* syscall.c */
/* Handler signature shared by every syscall. */
typedef int64_t sys_handler(struct task *t, uint64_t a0, uint64_t a1,
			    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5);
/* Performs the syscall in t->cpu.regs (rax = number) and stores the result
 * in rax; prints it first when --strace is on. */
void syscall_dispatch(struct task *t);
extern int syscall_strace;

#endif

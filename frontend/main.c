/*
 * wax's main(): parses the command line, mounts the guest root, creates
 * the first guest process, loads the program and runs it, then exits
 * with the guest's status (128+N when signal N killed it).
 *
 * Layer: frontend/ (top).  Calls cli.c, fs/ (vfs_init), syscalls/
 * (proc_create_init, task_run) and the loader (loader_exec).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "loader.h"
#include "syscalls.h"

extern char **environ;

#define LINUX_X_OK     1
#define GUEST_PATH_MAX 4096

/* Probe for cli_find_program: an executable regular file in the guest. */
static int probe_guest_file(const char *candidate, void *ctx)
{
	struct fs_context *fs = ctx;
	struct kstat st;
	int r = vfs_stat(fs, NULL, candidate, 0, &st);

	if (r < 0)
		return r;
	if ((st.mode & LINUX_S_IFMT) != LINUX_S_IFREG)
		return -LINUX_EACCES;
	return vfs_access(fs, NULL, candidate, 0, LINUX_X_OK);
}

/*
 * Starts the guest in the host's current directory when that lies inside
 * the guest root (always, with the default root "/"), else in "/".
 */
static void set_initial_cwd(struct fs_context *fs, const char *root)
{
	char cwd[GUEST_PATH_MAX], rroot[GUEST_PATH_MAX];
	size_t n;

	if (!getcwd(cwd, sizeof(cwd)) || !realpath(root, rroot))
		return;
	n = strlen(rroot);
	if (strcmp(rroot, "/") == 0)
		n = 0;
	if (strncmp(cwd, rroot, n) != 0 || (cwd[n] != '/' && cwd[n] != '\0'))
		return;
	fs_context_chdir(fs, cwd[n] ? cwd + n : "/");
}

/* "wax: guest killed by SIGSEGV at 0x401a2c in main+0x1c (address 0x0)" */
static void report_fault(const struct cpu_fault *f)
{
	const char *name = linux_signal_name(f->signo);
	char sym[256] = "";
	char where[300] = "";

	if (cpu_symbolize && cpu_symbolize(f->rip, sym, sizeof(sym)) == 0)
		snprintf(where, sizeof(where), " in %s", sym);
	fprintf(stderr,
		"wax: guest killed by %s at 0x%llx%s (address 0x%llx)\n",
		name ? name : "signal", (unsigned long long)f->rip, where,
		(unsigned long long)f->addr);
}

/* Exit status of wax for a guest wait status, like a shell's $?. */
static int exit_code(int status)
{
	if (status & 0x7f)
		return 128 + (status & 0x7f);
	return (status >> 8) & 0xff;
}

int main(int argc, char **argv)
{
	struct cli_options o;
	char path[GUEST_PATH_MAX];
	struct task *t;
	char **env;
	int r, status;

	switch (cli_parse(argc, argv, &o)) {
	case CLI_HELP:
		fputs(cli_usage(), stdout);
		return 0;
	case CLI_VERSION:
		printf("wax %s\n", WAX_VERSION);
		return 0;
	case CLI_ERROR:
		fprintf(stderr, "wax: %s\nTry 'wax --help' for more.\n",
			o.error);
		return 2;
	case CLI_RUN:
		break;
	}

	syscall_strace = o.strace;
	cpu_trace = o.trace;
	r = vfs_init(o.root);
	if (r < 0) {
		fprintf(stderr, "wax: %s: %s\n", o.root,
			linux_errno_message(-r));
		return 125;
	}
	loader_host_root = o.root;
	env = cli_build_env(environ, &o);
	t = proc_create_init();
	if (!env || !t) {
		fprintf(stderr, "wax: out of memory\n");
		return 125;
	}

	set_initial_cwd(t->proc->fs, o.root);
	r = cli_find_program(argv[o.prog_index], cli_getenv(env, "PATH"),
			     probe_guest_file, t->proc->fs, path, sizeof(path));
	if (r == 0)
		r = loader_exec(t, path, argv + o.prog_index, env);
	if (r < 0) {
		fprintf(stderr, "wax: %s: %s\n", argv[o.prog_index],
			linux_errno_message(-r));
		return r == -LINUX_ENOENT ? 127 : 126;
	}

	if (o.strace) {
		/* what the kernel's execve leaves: rsp at argc, then argv[],
		 * NULL, envp[] */
		int argc_g = argc - o.prog_index, envc = 0;

		while (env[envc])
			envc++;
		strace_print_execve(path, argv + o.prog_index, envc,
				    t->cpu.regs[R_RSP] + 8 * (argc_g + 2));
	}
	status = task_run(t);
	if (t->proc->faulted)
		report_fault(&t->proc->fault);
	fflush(stdout);
	free(env);
	return exit_code(status);
}

/*
 * loader_exec: the ELF side of execve (frontend layer).  Opens the
 * program and its PT_INTERP through the VFS, validates both with elf.c
 * before touching the address space, then maps them, builds the initial
 * stack (stack.c) and points the thread at the entry.
 *
 * Callers: frontend/main.c for the first process, syscalls/ for execve.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_image.h"
#include "linux_abi.h"
#include "loader.h"

const char *loader_host_root;

/* An opened image: VFS file + the elf.c view of it. */
struct exec_file {
	struct file *f;
	struct kstat st;
	struct elf_source src;
	struct elf_image img;
};

static int64_t vfs_read_cb(void *ctx, void *buf, size_t n, uint64_t off)
{
	return vfs_pread(ctx, buf, n, off);
}

/*
 * open_exec: a regular file with an execute bit, parsed as ELF.  When
 * interp is given, a "#!" script is recognised first: then 1 is returned
 * with *interp and *arg from its first line, and the file is closed.
 */
static int exec_open(struct process *p, const char *path, struct exec_file *x,
		     char **interp, char **arg)
{
	memset(x, 0, sizeof(*x));
	int err = vfs_open(p->fs, path, LINUX_O_RDONLY, 0, &x->f);
	if (err)
		return err;
	err = vfs_fstat(x->f, &x->st);
	if (err)
		goto out_put;
	if ((x->st.mode & LINUX_S_IFMT) != LINUX_S_IFREG ||
	    !(x->st.mode & 0111)) {
		err = -LINUX_EACCES;
		goto out_put;
	}
	if (interp) {
		uint8_t head[SCRIPT_HEAD_MAX];
		int64_t n = vfs_pread(x->f, head, sizeof(head), 0);
		err = n < 0 ? (int)n
			    : script_parse(head, (size_t)n, interp, arg);
		if (err)
			goto out_put;
	}
	x->src = (struct elf_source){
		.read = vfs_read_cb,
		.ctx = x->f,
		.size = x->st.size > 0 ? (uint64_t)x->st.size : 0,
	};
	err = elf_parse(&x->src, &x->img);
	if (err)
		goto out_put;
	return 0;
out_put:
	file_put(x->f);
	x->f = NULL;
	return err;
}

static void exec_close(struct exec_file *x)
{
	if (!x->f)
		return;
	elf_image_free(&x->img);
	file_put(x->f);
	x->f = NULL;
}

static void load_symbols(const char *guest_path, gaddr bias)
{
	if (!loader_host_root)
		return;
	size_t n = strlen(loader_host_root) + strlen(guest_path) + 2;
	char *host = malloc(n);
	if (!host)
		return;
	snprintf(host, n, "%s/%s", loader_host_root, guest_path);
	symbols_load(host, bias);
	free(host);
}

/* Loads the opened ELF exe (consumed) into the process. */
static int exec_elf(struct task *t, struct exec_file *exe_in,
		    const char *execfn, char *const argv[], char *const envp[])
{
	struct process *p = t->proc;
	struct exec_file exe = *exe_in, interp = {0};
	struct elf_mapped m = {0}, mi = {0};
	int err;

	if (exe.img.interp) {
		err = exec_open(p, exe.img.interp, &interp, NULL, NULL);
		if (err == -LINUX_ENOEXEC)
			err = -LINUX_ELIBBAD;
		if (err)
			goto out_close;
	}
	struct stack_args sa = {
		.argv = argv,
		.envp = envp,
		.execfn = execfn,
		.rlim_stack = p->rlim[LINUX_RLIMIT_STACK].cur,
		.exec_stack = exe.img.exec_stack,
		.phnum = exe.img.eh.e_phnum,
		.uid = p->uid,
		.euid = p->euid,
		.gid = p->gid,
		.egid = p->egid,
	};
	err = stack_check_args(&sa);
	if (err)
		goto out_close;

	/* Point of no return: the address space is being filled. */
	const char *exe_path = file_path(exe.f);
	gaddr base = 0;
	if (exe.img.eh.e_type == LINUX_ET_DYN && exe.img.interp)
		base = ELF_ET_DYN_BASE;
	err = elf_map(p->mm, &exe.src, &exe.img, base, exe_path, exe.st.dev,
		      exe.st.ino, &m);
	if (err)
		goto out_close;
	gaddr entry = m.entry;
	if (interp.f) {
		err = elf_map(p->mm, &interp.src, &interp.img, 0,
			      file_path(interp.f), interp.st.dev, interp.st.ino,
			      &mi);
		if (err)
			goto out_close;
		entry = mi.entry;
	}
	/* A static PIE (or ld.so run directly) gets its brk out of the mmap
	 * area, at ELF_ET_DYN_BASE (Linux 6.x load_elf_binary). */
	if (exe.img.eh.e_type == LINUX_ET_DYN && !exe.img.interp)
		m.brk = PAGE_ALIGN_UP(ELF_ET_DYN_BASE_RAW);
	mm_set_brk_start(p->mm, m.brk);

	sa.phdr = m.phdr;
	sa.entry = m.entry;
	sa.base = interp.f ? mi.bias : 0;
	struct stack_layout sl;
	err = stack_setup(p->mm, &sa, &sl);
	if (err)
		goto out_close;

	char *exe_copy = strdup(exe_path);
	if (!exe_copy) {
		err = -LINUX_ENOMEM;
		goto out_close;
	}
	free(p->exe);
	p->exe = exe_copy;
	p->arg_start = sl.arg_start;
	p->arg_end = sl.arg_end;
	p->env_start = sl.env_start;
	p->env_end = sl.env_end;
	p->auxv_start = sl.auxv_start;
	p->auxv_len = sl.auxv_len;

	struct cpu *cpu = &t->cpu;
	memset(cpu->regs, 0, sizeof(cpu->regs));
	cpu->regs[R_RSP] = sl.sp;
	cpu->rip = entry;
	cpu->fs_base = cpu->gs_base = 0;
	cpu->mm = p->mm;

	symbols_reset();
	load_symbols(exe_path, m.bias);
	if (interp.f)
		load_symbols(file_path(interp.f), mi.bias);
out_close:
	exec_close(&interp);
	exec_close(&exe);
	return err;
}

int loader_exec(struct task *t, const char *path, char *const argv[],
		char *const envp[])
{
	char *names[2 * (SCRIPT_MAX_DEPTH + 1)] = {0};
	char **owned = NULL;
	char *const *cur_argv = argv;
	const char *cur = path;
	struct exec_file exe;
	int err, depth;

	/* binfmt_script: each "#!" hands over to its interpreter, which
	 * gets the script's path as an argument. */
	for (depth = 0;; depth++) {
		char **interp = &names[2 * depth],
		     **arg = &names[2 * depth + 1];
		err = exec_open(t->proc, cur, &exe, interp, arg);
		if (err <= 0)
			break;
		if (depth == SCRIPT_MAX_DEPTH) {
			err = -LINUX_ELOOP;
			break;
		}
		char **v = script_argv(*interp, *arg, cur, cur_argv);
		if (!v) {
			err = -LINUX_ENOMEM;
			break;
		}
		free(owned);
		owned = v;
		cur_argv = v;
		cur = *interp;
	}
	if (err == 0)
		err = exec_elf(t, &exe, path, cur_argv, envp);
	free(owned);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		free(names[i]);
	return err;
}

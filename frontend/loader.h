/*
 * Public interface of the frontend's program loader: execve's image
 * loading (ELF executables, static and dynamic, PIE or not) and the
 * optional host-side symboliser for crash reports.
 *
 * Callers: frontend/main.c (first process), syscalls/ (execve).
 */
#ifndef WAX_LOADER_H
#define WAX_LOADER_H

#include "syscalls.h"

/* loader.c */
/*
 * Loads the ELF at guest path `path` into p->mm (which must be empty) and
 * sets up t->cpu for entry: rip, rsp (at argc), all GPRs 0 (rdx = 0: no
 * rtld_fini), fs/gs base 0; other cpu state is left alone (cpu_init it
 * first).  Fills p->exe (malloc'd; the old value is freed),
 * p->arg_start/end, p->env_start/end, p->auxv_start/len (bytes) and the
 * brk start.  argv/envp are host strings (NULL-terminated arrays, may be
 * NULL).
 * Returns 0 or -LINUX_E*: -ENOENT missing, -EACCES not a regular file or
 * not executable, -ENOEXEC not a valid x86-64 ELF, -ELIBBAD a bad
 * interpreter, -E2BIG arguments too large.  Everything up to -E2BIG is
 * checked before p->mm is touched; a later failure (out of memory) leaves
 * it partly filled, like Linux past the point of no return.
 */
int loader_exec(struct task *t, const char *path, char *const argv[],
		char *const envp[]);
/*
 * Host directory of the guest root.  When set (by main.c), loader_exec
 * loads the symbols of the program and its interpreter from the host
 * files for cpu_symbolize (native builds only).
 */
extern const char *loader_host_root;

/* symbols.c (native only; no-ops under Emscripten) */
/* Forgets all loaded symbols. */
void symbols_reset(void);
/* Adds the function symbols of the ELF file at host_path, relocated by
 * bias, and installs cpu_symbolize.  Errors are ignored (no symbols). */
void symbols_load(const char *host_path, gaddr bias);

#endif

/*
 * Internal to the file syscalls of syscalls/ (sys_file.c, sys_fd.c,
 * sys_stat.c, sys_dir.c): helpers to fetch an fd's file, copy path
 * arguments and resolve the starting directory of the *at() calls.
 */
#ifndef WAX_SYS_FS_H
#define WAX_SYS_FS_H

#include "linux_abi.h"
#include "sys.h"

/* Host bounce buffers never exceed this per host call. */
#define SYS_IO_CHUNK (1u << 20)

/* The file at fd (a new reference) or NULL: the caller answers -EBADF. */
static inline struct file *sys_fget(struct task *t, uint64_t fd)
{
	return fdtable_get(t->proc->fds, (int)fd);
}

/*
 * RLIMIT_NOFILE of the process: fds at or above it cannot be made.  Also
 * pushed into the fd table, which enforces it for every allocation.
 */
static inline int sys_fd_limit(struct task *t)
{
	uint64_t cur = t->proc->rlim[LINUX_RLIMIT_NOFILE].cur;
	int lim = cur > 65536 ? 65536 : (int)cur;

	if (fdtable_max(t->proc->fds) != lim)
		fdtable_set_max(t->proc->fds, lim);
	return lim;
}

/*
 * Linux's access_ok(): the range lies below TASK_SIZE_MAX.  read/write
 * check it before clamping the count, so a huge count is -EFAULT.
 */
#define LINUX_TASK_SIZE_MAX 0x7ffffffff000ull
static inline bool sys_access_ok(gaddr addr, uint64_t n)
{
	return n <= LINUX_TASK_SIZE_MAX && addr <= LINUX_TASK_SIZE_MAX - n;
}

/* sys_file.c */
/*
 * Copies a path argument into buf (LINUX_PATH_MAX bytes).  With
 * allow_empty, "" is returned as is (AT_EMPTY_PATH); else -ENOENT.
 */
int sys_get_path(struct task *t, gaddr src, char *buf, bool allow_empty);
/*
 * Starting directory of an *at() call: *dir_path is NULL for the cwd
 * (AT_FDCWD or an absolute path), else the dirfd's file path, kept alive
 * by *hold (file_put it after the call).  -EBADF, or -ENOTDIR when the
 * dirfd is not a directory and path is relative and non-empty.
 */
int sys_at_dir(struct task *t, uint64_t dirfd, const char *path,
	       const char **dir_path, struct file **hold);

#endif

/*
 * Copy-in/copy-out for syscall handlers: thin wrappers over the memory
 * module's mm_read/mm_write for the calling task's address space.  A bad
 * guest pointer becomes -LINUX_EFAULT here, never a host crash.
 */
#include "sys.h"

int copy_from_user(struct task *t, void *dst, gaddr src, size_t n)
{
	return mm_read(t->proc->mm, dst, src, n);
}

int copy_to_user(struct task *t, gaddr dst, const void *src, size_t n)
{
	return mm_write(t->proc->mm, dst, src, n);
}

int copy_path_from_user(struct task *t, char *buf, gaddr src)
{
	int64_t n = mm_read_str(t->proc->mm, buf, src, LINUX_PATH_MAX);

	if (n < 0)
		return (int)n;
	if (n == 0)
		return -LINUX_ENOENT;
	return 0;
}

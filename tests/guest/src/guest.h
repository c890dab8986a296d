/*
 * Helpers shared by the guest test programs (tests/guest/src/).
 *
 * Guest programs are ordinary x86-64 Linux programs, built with musl-gcc
 * -static, gcc -static and gcc (dynamic); run.sh runs each natively and
 * under wax and compares stdout and exit status.  So everything printed
 * must be deterministic: no addresses, pids, times or inode numbers, and
 * errno values are printed by name from our own table (strerror() text
 * differs between musl and glibc).
 *
 * rsys() makes a raw syscall with inline assembly so that libc cannot
 * check, convert or intercept anything: the hostile tests need to hand the
 * kernel exactly the bad arguments they mean to.
 */
#ifndef WAX_GUEST_H
#define WAX_GUEST_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Pointers no process can use. */
#define BAD_LOW	     ((void *)1)
#define BAD_KERNEL   ((void *)0xffff800000000000ul)
#define BAD_NONCANON ((void *)0x0000900000000000ul)

static inline long rsys(long nr, long a0, long a1, long a2, long a3, long a4,
			long a5)
{
	long ret;
	register long r10 __asm__("r10") = a3;
	register long r8 __asm__("r8") = a4;
	register long r9 __asm__("r9") = a5;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10),
			   "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define RS0(n)		rsys((n), 0, 0, 0, 0, 0, 0)
#define RS1(n, a)	rsys((n), (long)(a), 0, 0, 0, 0, 0)
#define RS2(n, a, b)	rsys((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define RS3(n, a, b, c) rsys((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define RS4(n, a, b, c, d)                                                     \
	rsys((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define RS5(n, a, b, c, d, e)                                                  \
	rsys((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define RS6(n, a, b, c, d, e, f)                                               \
	rsys((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e),       \
	     (long)(f))

static const char *const guest_errno_names[] = {
	[0] = "OK",
	[EPERM] = "EPERM",
	[ENOENT] = "ENOENT",
	[ESRCH] = "ESRCH",
	[EINTR] = "EINTR",
	[EIO] = "EIO",
	[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",
	[ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF",
	[ECHILD] = "ECHILD",
	[EAGAIN] = "EAGAIN",
	[ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES",
	[EFAULT] = "EFAULT",
	[EBUSY] = "EBUSY",
	[EEXIST] = "EEXIST",
	[EXDEV] = "EXDEV",
	[ENODEV] = "ENODEV",
	[ENOTDIR] = "ENOTDIR",
	[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",
	[ENFILE] = "ENFILE",
	[EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY",
	[ETXTBSY] = "ETXTBSY",
	[EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC",
	[ESPIPE] = "ESPIPE",
	[EROFS] = "EROFS",
	[EMLINK] = "EMLINK",
	[EPIPE] = "EPIPE",
	[EDOM] = "EDOM",
	[ERANGE] = "ERANGE",
	[EDEADLK] = "EDEADLK",
	[ENAMETOOLONG] = "ENAMETOOLONG",
	[ENOLCK] = "ENOLCK",
	[ENOSYS] = "ENOSYS",
	[ENOTEMPTY] = "ENOTEMPTY",
	[ELOOP] = "ELOOP",
	[ENODATA] = "ENODATA",
	[EOVERFLOW] = "EOVERFLOW",
	[ENOTSOCK] = "ENOTSOCK",
	[EOPNOTSUPP] = "EOPNOTSUPP",
};

/* The symbolic name of errno value e ("E123" for ones we don't name). */
static inline const char *ename(int e)
{
	static char buf[16];
	if (e >= 0 &&
	    e < (int)(sizeof(guest_errno_names) /
		      sizeof(guest_errno_names[0])) &&
	    guest_errno_names[e])
		return guest_errno_names[e];
	snprintf(buf, sizeof(buf), "E%d", e);
	return buf;
}

/* Prints a raw syscall result: a number, or -ENAME for an error. */
static inline void show(const char *what, long r)
{
	if (r < 0 && r > -4096)
		printf("%s = -%s\n", what, ename((int)-r));
	else
		printf("%s = %ld\n", what, r);
}

/* Prints a libc call's result: a number, or -1 ENAME. */
static inline void showc(const char *what, long r)
{
	if (r == -1)
		printf("%s = -1 %s\n", what, ename(errno));
	else
		printf("%s = %ld\n", what, r);
}

/* Prints whether a condition held; counts failures for the exit status. */
static int guest_failures __attribute__((unused));
static inline void check(const char *what, int ok)
{
	printf("%s: %s\n", what, ok ? "ok" : "FAIL");
	if (!ok)
		guest_failures++;
}

/* Writes a whole file; returns 0 or -1. */
static inline int put_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, data, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

/*
 * An fd whose write() really copies from the buffer (a regular file in
 * the current directory).  /dev/null's write never touches the buffer, so
 * it cannot tell a mapped page from an unmapped one.
 */
static inline int sink_fd(void)
{
	return open(".sink", O_WRONLY | O_CREAT | O_TRUNC, 0644);
}

/* A small deterministic PRNG (xorshift64). */
static inline uint64_t rng_next(uint64_t *s)
{
	uint64_t x = *s;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

/* FNV-1a over a buffer, to print one number for a lot of data. */
static inline uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	if (h == 0)
		h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

#endif

/*
 * Guest test (hostile): every path- or buffer-taking syscall handed bad
 * pointers: a low address, a kernel address, a non-canonical address, an
 * unmapped page and a PROT_NONE page (plus a read-only page where the
 * kernel writes).  Each must fail with EFAULT, never crash wax.  Raw
 * syscalls, so libc checks nothing.
 */
#include "guest.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <time.h>

#define NKINDS 6
static void *bad[NKINDS];
static const char *kind[NKINDS] = {"low",      "kernel",   "noncanon",
				   "unmapped", "protnone", "readonly"};

#define EACH(name, call)                                                       \
	do {                                                                   \
		for (int k = 0; k < NKINDS; k++) {                             \
			void *B = bad[k];                                      \
			char what[96];                                         \
			snprintf(what, sizeof(what), "%s(%s)", name, kind[k]); \
			show(what, call);                                      \
		}                                                              \
	} while (0)

/* Only for calls that read the pointer: a read-only page is fine there. */
#define EACH_IN(name, call)                                                    \
	do {                                                                   \
		for (int k = 0; k < NKINDS - 1; k++) {                         \
			void *B = bad[k];                                      \
			char what[96];                                         \
			snprintf(what, sizeof(what), "%s(%s)", name, kind[k]); \
			show(what, call);                                      \
		}                                                              \
	} while (0)

int main(void)
{
	char *pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pages, 4096);
	mprotect(pages + 4096, 4096, PROT_NONE);
	mprotect(pages + 8192, 4096, PROT_READ);
	bad[0] = BAD_LOW;
	bad[1] = BAD_KERNEL;
	bad[2] = BAD_NONCANON;
	bad[3] = pages;
	bad[4] = pages + 4096;
	bad[5] = pages + 8192;

	put_file("file", "0123456789", 10);
	mkdir("dir", 0755);
	int fd = open("file", O_RDWR);
	int dfd = open("dir", O_RDONLY | O_DIRECTORY);
	int p[2];
	pipe(p);
	char ok[256];
	struct timespec ts = {0, 1000};

	/* Paths. */
	EACH_IN("open", RS3(2, B, O_RDONLY, 0));
	EACH_IN("openat", RS4(257, AT_FDCWD, B, O_RDONLY, 0));
	EACH_IN("creat", RS2(85, B, 0644));
	EACH_IN("stat.path", RS2(4, B, ok));
	EACH_IN("lstat.path", RS2(6, B, ok));
	EACH_IN("newfstatat.path", RS4(262, AT_FDCWD, B, ok, 0));
	EACH_IN("statx.path", RS5(332, AT_FDCWD, B, 0, 0x7ff, ok));
	EACH_IN("access", RS2(21, B, F_OK));
	EACH_IN("faccessat", RS3(269, AT_FDCWD, B, F_OK));
	EACH_IN("faccessat2", RS4(439, AT_FDCWD, B, F_OK, 0));
	EACH_IN("mkdir", RS2(83, B, 0755));
	EACH_IN("mkdirat", RS3(258, AT_FDCWD, B, 0755));
	EACH_IN("rmdir", RS1(84, B));
	EACH_IN("unlink", RS1(87, B));
	EACH_IN("unlinkat", RS3(263, AT_FDCWD, B, 0));
	EACH_IN("rename.old", RS2(82, B, "x"));
	EACH_IN("rename.new", RS2(82, "file", B));
	EACH_IN("renameat", RS4(264, AT_FDCWD, B, AT_FDCWD, "x"));
	EACH_IN("renameat2", RS5(316, AT_FDCWD, "file", AT_FDCWD, B, 0));
	EACH_IN("link.old", RS2(86, B, "x"));
	EACH_IN("link.new", RS2(86, "file", B));
	EACH_IN("linkat", RS5(265, AT_FDCWD, B, AT_FDCWD, "x", 0));
	EACH_IN("symlink.target", RS2(88, B, "x"));
	EACH_IN("symlink.path", RS2(88, "file", B));
	EACH_IN("symlinkat", RS3(266, "file", AT_FDCWD, B));
	EACH_IN("readlink.path", RS3(89, B, ok, sizeof(ok)));
	EACH_IN("readlinkat.path", RS4(267, AT_FDCWD, B, ok, sizeof(ok)));
	EACH_IN("chdir", RS1(80, B));
	EACH_IN("chmod", RS2(90, B, 0644));
	EACH_IN("fchmodat", RS3(268, AT_FDCWD, B, 0644));
	EACH_IN("chown", RS3(92, B, -1, -1));
	EACH_IN("lchown", RS3(94, B, -1, -1));
	EACH_IN("fchownat", RS5(260, AT_FDCWD, B, -1, -1, 0));
	EACH_IN("truncate", RS2(76, B, 0));
	EACH_IN("utimensat.path", RS4(280, AT_FDCWD, B, 0, 0));
	EACH_IN("statfs.path", RS2(137, B, ok));

	/* Buffers the kernel reads. */
	EACH_IN("write", RS3(1, fd, B, 4));
	EACH_IN("pwrite64", RS4(18, fd, B, 4, 0));
	EACH_IN("write.pipe", RS3(1, p[1], B, 4));
	struct iovec iov = {NULL, 4};
	EACH_IN("writev.iov", RS3(20, fd, B, 1));
	EACH_IN("writev.base", (iov.iov_base = B, RS3(20, fd, &iov, 1)));
	EACH_IN("utimensat.times", RS4(280, AT_FDCWD, "file", B, 0));
	EACH_IN("nanosleep.req", RS2(35, B, 0));
	EACH_IN("clock_nanosleep.req", RS4(230, CLOCK_MONOTONIC, 0, B, 0));
	EACH_IN("setrlimit", RS2(160, RLIMIT_CORE, B));
	EACH_IN("prlimit64.new", RS4(302, 0, RLIMIT_CORE, B, 0));
	EACH_IN("rt_sigaction.act", RS4(13, SIGUSR1, B, 0, 8));
	EACH_IN("rt_sigprocmask.set", RS4(14, SIG_BLOCK, B, 0, 8));
	EACH_IN("sigaltstack.ss", RS2(131, B, 0));

	/* Buffers the kernel writes. */
	EACH("read", RS3(0, fd, B, 4));
	EACH("pread64", RS4(17, fd, B, 4, 0));
	write(p[1], "abcd", 4);
	EACH("read.pipe", RS3(0, p[0], B, 4));
	EACH_IN("readv.iov", RS3(19, fd, B, 1));
	EACH("readv.base",
	     (iov.iov_base = B, RS4(17, fd, B, 4, 0), RS3(19, fd, &iov, 1)));
	EACH("fstat", RS2(5, fd, B));
	EACH("stat.buf", RS2(4, "file", B));
	EACH("lstat.buf", RS2(6, "file", B));
	EACH("newfstatat.buf", RS4(262, AT_FDCWD, "file", B, 0));
	EACH("statx.buf", RS5(332, AT_FDCWD, "file", 0, 0x7ff, B));
	EACH("getdents64", (RS3(8, dfd, 0, 0), RS3(217, dfd, B, 4096)));
	EACH("getdents", (RS3(8, dfd, 0, 0), RS3(78, dfd, B, 4096)));
	EACH("readlink.buf", RS3(89, "/proc/self/exe", B, 64));
	EACH("getcwd", RS2(79, B, 256));
	EACH("uname", RS1(63, B));
	EACH("sysinfo", RS1(99, B));
	EACH("times", RS1(100, B));
	EACH("getrusage", RS2(98, 0, B));
	EACH("getrlimit", RS2(97, RLIMIT_CORE, B));
	EACH("prlimit64.old", RS4(302, 0, RLIMIT_CORE, 0, B));
	EACH("gettimeofday", RS2(96, B, 0));
	EACH("clock_gettime", RS2(228, CLOCK_MONOTONIC, B));
	EACH("clock_getres", RS2(229, CLOCK_MONOTONIC, B));
	EACH("time", RS1(201, B));
	EACH("nanosleep.rem", RS2(35, &ts, B) == 0 ? 0 : -1);
	EACH("pipe", RS1(22, B));
	EACH("pipe2", RS2(293, B, 0));
	EACH("getrandom", RS3(318, B, 16, 0));
	EACH("rt_sigaction.old", RS4(13, SIGUSR1, 0, B, 8));
	EACH("rt_sigprocmask.old", RS4(14, SIG_BLOCK, 0, B, 8));
	EACH("sched_getaffinity", RS3(204, 0, 128, B));
	EACH("arch_prctl.get_fs", RS2(158, 0x1003, B));
	EACH("getresuid", RS3(118, B, ok, ok));
	EACH("getresgid", RS3(120, ok, ok, B));
	EACH("getgroups", RS2(115, 16, B));
	EACH("statfs.buf", RS2(137, "/", B));
	EACH("fstatfs", RS2(138, fd, B));
	EACH("ioctl.FIONREAD", RS3(16, p[0], 0x541B, B));
	EACH("sigaltstack.old", RS2(131, 0, B));

	/* Nothing above may have been created. */
	show("access x", RS2(21, "x", F_OK));
	return 0;
}

/*
 * Guest test (hostile): every fd-taking syscall handed a closed fd, a
 * negative fd, a huge fd, an fd with garbage in the upper 32 bits (the
 * kernel takes an int), and for the *at calls a dirfd that is a file.
 */
#include "guest.h"
#include <sys/mman.h>
#include <sys/resource.h>

#define NFDS 4
static const long fds[NFDS] = {999, -1, -101, 0x7fffffff};
static const char *fdname[NFDS] = {"closed", "neg", "neg101", "intmax"};

#define EACHFD(name, call)                                                     \
	do {                                                                   \
		for (int k = 0; k < NFDS; k++) {                               \
			long F = fds[k];                                       \
			char what[96];                                         \
			snprintf(what, sizeof(what), "%s(%s)", name,           \
				 fdname[k]);                                   \
			show(what, call);                                      \
		}                                                              \
	} while (0)

int main(void)
{
	char buf[512];
	struct iovec iov = {buf, 8};
	put_file("file", "0123456789", 10);
	mkdir("dir", 0755);
	EACHFD("read", RS3(0, F, buf, 8));
	EACHFD("write", RS3(1, F, buf, 8));
	EACHFD("close", RS1(3, F));
	EACHFD("fstat", RS2(5, F, buf));
	EACHFD("lseek", RS3(8, F, 0, 0));
	EACHFD("mmap", RS6(9, 0, 4096, PROT_READ, MAP_PRIVATE, F, 0));
	EACHFD("ioctl", RS3(16, F, 0x5401, buf));
	EACHFD("pread64", RS4(17, F, buf, 8, 0));
	EACHFD("pwrite64", RS4(18, F, buf, 8, 0));
	EACHFD("readv", RS3(19, F, &iov, 1));
	EACHFD("writev", RS3(20, F, &iov, 1));
	EACHFD("dup", RS1(32, F));
	EACHFD("dup2.old", RS2(33, F, 50));
	EACHFD("dup2.new", ({
		       long r = RS2(33, 0, F);
		       if (r >= 0)
			       RS1(3, r);
		       r;
	       }));
	EACHFD("dup3.old", RS3(292, F, 50, 0));
	EACHFD("fcntl", RS2(72, F, F_GETFD));
	EACHFD("fsync", RS1(74, F));
	EACHFD("fdatasync", RS1(75, F));
	EACHFD("ftruncate", RS2(77, F, 0));
	EACHFD("getdents", RS3(78, F, buf, sizeof(buf)));
	EACHFD("getdents64", RS3(217, F, buf, sizeof(buf)));
	EACHFD("fchdir", RS1(81, F));
	EACHFD("fchmod", RS2(91, F, 0644));
	EACHFD("fchown", RS3(93, F, -1, -1));
	EACHFD("fstatfs", RS2(138, F, buf));
	EACHFD("fadvise64", RS4(221, F, 0, 0, 0));
	EACHFD("openat", RS4(257, F, "file", O_RDONLY, 0));
	EACHFD("mkdirat", RS3(258, F, "d", 0755));
	EACHFD("fchownat", RS5(260, F, "file", -1, -1, 0));
	EACHFD("newfstatat", RS4(262, F, "file", buf, 0));
	EACHFD("unlinkat", RS3(263, F, "file", 0));
	EACHFD("renameat", RS4(264, F, "file", AT_FDCWD, "x"));
	EACHFD("linkat", RS5(265, F, "file", AT_FDCWD, "x", 0));
	EACHFD("symlinkat", RS3(266, "file", F, "x"));
	EACHFD("readlinkat", RS4(267, F, "file", buf, sizeof(buf)));
	EACHFD("fchmodat", RS3(268, F, "file", 0644));
	EACHFD("faccessat", RS3(269, F, "file", F_OK));
	EACHFD("utimensat", RS4(280, F, "file", 0, 0));
	EACHFD("statx", RS5(332, F, "file", 0, 0x7ff, buf));
	/* An absolute path ignores dirfd, even a bad one. */
	EACHFD("newfstatat.abs", RS4(262, F, "/", buf, 0));
	/* A dirfd that is a regular file. */
	int f = open("file", O_RDONLY);
	show("openat(filefd, rel)", RS4(257, f, "x", O_RDONLY, 0));
	show("mkdirat(filefd, rel)", RS3(258, f, "x", 0755));
	show("newfstatat(filefd, \"\", EMPTY_PATH)",
	     RS4(262, f, "", buf, AT_EMPTY_PATH));
	show("newfstatat(closed, \"\", EMPTY_PATH)",
	     RS4(262, 999, "", buf, AT_EMPTY_PATH));
	/* Upper 32 bits of an fd are ignored: this is fd 1 (stdout). */
	fflush(stdout);
	show("write(1 | 1<<32)", RS3(1, (1l << 32) | 1, "upper bits\n", 11));
	show("close((1<<32)|999)", RS1(3, (1l << 32) | 999));
	/* The write end of a pipe cannot be read and vice versa. */
	int p[2];
	pipe(p);
	show("read(write end)", RS3(0, p[1], buf, 1));
	show("write(read end)", RS3(1, p[0], "x", 1));
	/* O_PATH-less directory fd: read is EISDIR. */
	int d = open("dir", O_RDONLY);
	show("read(dirfd)", RS3(0, d, buf, 8));
	show("fchdir(filefd)", RS1(81, f));
	/* fds past RLIMIT_NOFILE. */
	struct rlimit r;
	getrlimit(RLIMIT_NOFILE, &r);
	show("dup2 to rlimit", RS2(33, 0, r.rlim_cur));
	show("fcntl F_DUPFD at rlimit", RS3(72, 0, F_DUPFD, r.rlim_cur));
	show("x still absent", RS2(21, "x", F_OK));
	return 0;
}

/*
 * Guest test (hostile): huge and invalid lengths and counts: read/write of
 * 2^62 bytes, iovec counts past IOV_MAX, iovec lengths that overflow,
 * tiny buffers for getcwd/getdents/readlink, zero-length mappings.
 */
#include "guest.h"
#include <sys/mman.h>
#include <sys/uio.h>

int main(void)
{
	char buf[64];
	put_file("file", "0123456789", 10);
	mkdir("dir", 0755);
	int fd = open("file", O_RDWR);
	int dfd = open("dir", O_RDONLY);
	long huge = 1l << 62;
	show("read huge", RS3(0, fd, buf, huge));
	show("write huge", RS3(1, fd, buf, huge));
	show("read -1 count", RS3(0, fd, buf, -1));
	show("pread huge", RS4(17, fd, buf, huge, 0));
	show("pread negative offset", RS4(17, fd, buf, 4, -1));
	show("pwrite negative offset", RS4(18, fd, buf, 4, -1));
	show("read 0 from bad pointer", RS3(0, fd, BAD_LOW, 0));
	show("write 0 from bad pointer", RS3(1, fd, BAD_LOW, 0));
	struct iovec iov[2] = {{buf, 8}, {buf, 8}};
	show("readv iovcnt 1025", RS3(19, fd, iov, 1025));
	show("readv iovcnt -1", RS3(19, fd, iov, -1));
	show("writev iovcnt 0", RS3(20, fd, iov, 0));
	struct iovec over[2] = {{buf, 0x7fffffffffffffff}, {buf, 16}};
	show("writev lengths overflow", RS3(20, fd, over, 2));
	struct iovec neg[1] = {{buf, (size_t)-1}};
	show("readv length -1", RS3(19, fd, neg, 1));
	show("getcwd size 0", RS2(79, buf, 0));
	show("getcwd size 1", RS2(79, buf, 1));
	show("getdents64 count 0", RS3(217, dfd, buf, 0));
	show("getdents64 count 1", RS3(217, dfd, buf, 1));
	show("readlink bufsiz 0", RS3(89, "/proc/self/exe", buf, 0));
	show("readlink bufsiz -1", RS3(89, "/proc/self/exe", buf, -1));
	show("mmap len 0",
	     RS6(9, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	show("mmap len -4096", RS6(9, 0, -4096, PROT_READ,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) < 0);
	show("mmap 2^47", RS6(9, 0, 1l << 47, PROT_READ,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) < 0);
	show("mmap fixed past user space",
	     RS6(9, 0x7ffffffff000l + 4096, 4096, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
	show("munmap kernel range", RS2(11, BAD_KERNEL, 4096));
	show("munmap huge", RS2(11, 4096, -4096l));
	show("mprotect huge", RS3(10, 4096, 1l << 62, PROT_READ));
	show("mprotect bad prot",
	     RS3(10, buf - ((long)buf & 4095), 4096, 0x100));
	show("mremap to huge",
	     RS5(25, 4096, 4096, 1l << 62, MREMAP_MAYMOVE, 0));
	show("mremap to -1", RS5(25, 4096, 4096, -1l, MREMAP_MAYMOVE, 0));
	show("mremap to TASK_SIZE+1",
	     RS5(25, 4096, 4096, 0x7ffffffff001l, MREMAP_MAYMOVE, 0));
	show("mremap fixed past TASK_SIZE",
	     RS5(25, 4096, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED,
		 0x7ffffffff000l));
	show("mremap old_len huge", RS5(25, 4096, 1l << 62, 4096, 0, 0));
	show("sched_getaffinity size 0", RS3(204, 0, 0, buf));
	show("sched_getaffinity size 7", RS3(204, 0, 7, buf));
	show("getgroups -1", RS2(115, -1, buf));
	show("rt_sigprocmask sigsetsize 4", RS4(14, 0, buf, 0, 4));
	show("rt_sigaction sigsetsize 16", RS4(13, 10, 0, buf, 16));
	show("rt_sigaction signal 0", RS4(13, 0, 0, buf, 8));
	show("rt_sigaction signal 65", RS4(13, 65, 0, buf, 8));
	show("rt_sigaction SIGKILL", RS4(13, 9, buf, 0, 8));
	char path[8192];
	memset(path, 'a', sizeof(path));
	path[sizeof(path) - 1] = 0;
	show("open path longer than PATH_MAX", RS3(2, path, O_RDONLY, 0));
	memset(path, 'a', 300);
	path[300] = 0;
	show("open component longer than NAME_MAX", RS3(2, path, O_RDONLY, 0));
	show("lseek SEEK_DATA-ish whence 5", RS3(8, fd, 0, 5));
	show("ftruncate to -1", RS2(77, fd, -1));
	show("arch_prctl bad code", RS2(158, 0x9999, buf));
	show("arch_prctl SET_FS kernel address", RS2(158, 0x1002, BAD_KERNEL));
	show("clock_gettime clock -1", RS2(228, -1, buf));
	show("fcntl F_DUPFD negative", RS3(72, fd, F_DUPFD, -1));
	show("dup3 same fd", RS3(292, fd, fd, 0));
	show("pipe2 bad flags", RS2(293, buf, 1));
	show("openat O_TMPFILE on a file",
	     RS4(257, AT_FDCWD, "file", 020000000 | 2, 0644));
	show("umask keeps", RS1(95, 022));
	return 0;
}

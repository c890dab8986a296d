/*
 * Guest test: anonymous mmap: zero-filled, writable, page-granular
 * munmap (a partial unmap leaves the rest), write() from an unmapped or
 * PROT_NONE page is EFAULT, argument errors (EINVAL, ENOMEM, EBADF).
 */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	printf("page size %ld\n", pg);
	unsigned char *p = mmap(NULL, 16 * pg, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap ok: %d, page aligned: %d\n", p != MAP_FAILED,
	       ((uintptr_t)p & (pg - 1)) == 0);
	int zero = 1;
	for (long i = 0; i < 16 * pg; i++)
		zero &= p[i] == 0;
	printf("zero filled: %d\n", zero);
	for (long i = 0; i < 16 * pg; i++)
		p[i] = (unsigned char)i;
	printf("hash %016llx\n", (unsigned long long)fnv1a(0, p, 16 * pg));
	int fd = sink_fd();
	show("write from mapped", RS3(1, fd, p, 16));
	showc("munmap middle 4 pages", munmap(p + 4 * pg, 4 * pg));
	show("write from unmapped hole", RS3(1, fd, p + 5 * pg, 16));
	show("write from page after hole", RS3(1, fd, p + 8 * pg, 16));
	printf("data after hole kept: %d\n", p[8 * pg + 1] == 1);
	showc("mprotect PROT_NONE", mprotect(p, pg, PROT_NONE));
	show("write from PROT_NONE", RS3(1, fd, p, 16));
	showc("mprotect back to READ", mprotect(p, pg, PROT_READ));
	show("write from PROT_READ", RS3(1, fd, p, 16));
	int z = open("/dev/zero", O_RDONLY);
	show("read into PROT_READ", RS3(0, z, p, 16));
	show("read into PROT_READ|WRITE", RS3(0, z, p + pg, 16));
	showc("mprotect unaligned", mprotect(p + 1, pg, PROT_READ));
	showc("munmap unaligned", munmap(p + 1, pg));
	showc("munmap length 0", munmap(p, 0));
	showc("munmap of the hole again (ok)", munmap(p + 4 * pg, 4 * pg));
	showc("munmap all", munmap(p, 16 * pg));
	show("write after munmap", RS3(1, fd, p + 9 * pg, 16));
	/* Errors. */
	void *e = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap len 0: %s\n", e == MAP_FAILED ? ename(errno) : "ok");
	e = mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0);
	printf("mmap neither shared nor private: %s\n",
	       e == MAP_FAILED ? ename(errno) : "ok");
	e = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 99, 0);
	printf("mmap bad fd: %s\n", e == MAP_FAILED ? ename(errno) : "ok");
	e = mmap(NULL, (size_t)1 << 50, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	printf("mmap 2^50 bytes: %s\n", e == MAP_FAILED ? ename(errno) : "ok");
	e = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 123);
	printf("mmap unaligned offset: %s\n",
	       e == MAP_FAILED ? ename(errno) : "ok");
	/* Many small mappings. */
	void *maps[200];
	int ok = 1;
	for (int i = 0; i < 200; i++) {
		maps[i] = mmap(NULL, pg * (1 + i % 3), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ok &= maps[i] != MAP_FAILED;
		if (maps[i] != MAP_FAILED)
			*(int *)maps[i] = i;
	}
	for (int i = 0; i < 200; i++) {
		ok &= *(int *)maps[i] == i;
		munmap(maps[i], pg * (1 + i % 3));
	}
	printf("200 mappings: %d\n", ok);
	return 0;
}

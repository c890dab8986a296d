/*
 * Guest test: file-backed MAP_PRIVATE mappings: contents, offsets, the
 * zero tail of the last page, private writes not reaching the file,
 * mapping past EOF, PROT_WRITE on a read-only fd with MAP_PRIVATE (ok).
 */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
	long pg = 4096;
	static char data[3 * 4096 + 100];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)('a' + i % 26);
	put_file("m", data, sizeof(data));
	int fd = open("m", O_RDONLY);
	char *p = mmap(NULL, sizeof(data), PROT_READ, MAP_PRIVATE, fd, 0);
	printf("mapped: %d\n", p != MAP_FAILED);
	printf("contents equal: %d\n", memcmp(p, data, sizeof(data)) == 0);
	int tail0 = 1;
	for (long i = sizeof(data); i < 4 * pg; i++)
		tail0 &= p[i] == 0;
	printf("tail of last page zero: %d\n", tail0);
	munmap(p, sizeof(data));
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 2 * pg);
	printf("offset 2 pages, first bytes: %.5s\n", p);
	munmap(p, pg);
	p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	printf("writable private map of O_RDONLY fd: %d\n", p != MAP_FAILED);
	memcpy(p, "CHANGED", 7);
	printf("mapping now: %.10s\n", p);
	char back[16] = {0};
	pread(fd, back, 10, 0);
	printf("file still: %.10s\n", back);
	munmap(p, 2 * pg);
	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("MAP_SHARED writable on O_RDONLY fd: %s\n",
	       p == MAP_FAILED ? ename(errno) : "ok");
	/* Mapping a range that starts beyond EOF succeeds (access would
	 * SIGBUS; we don't touch it). */
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 10 * pg);
	printf("map beyond EOF: %s\n", p == MAP_FAILED ? ename(errno) : "ok");
	if (p != MAP_FAILED)
		munmap(p, pg);
	int d = open(".", O_RDONLY);
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, d, 0);
	printf("map a directory: %s\n", p == MAP_FAILED ? ename(errno) : "ok");
	int w = open("m", O_WRONLY);
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, w, 0);
	printf("map O_WRONLY fd: %s\n", p == MAP_FAILED ? ename(errno) : "ok");
	/* The mapping survives close() of the fd. */
	p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, pg);
	close(fd);
	printf("after close: %.4s\n", p);
	/* /dev/zero private mapping reads zeros. */
	int z = open("/dev/zero", O_RDWR);
	unsigned char *zp =
		mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
	printf("/dev/zero map: %s", zp == MAP_FAILED ? ename(errno) : "ok");
	if (zp != MAP_FAILED)
		printf(" first byte %d", zp[0]);
	printf("\n");
	unlink("m");
	return 0;
}

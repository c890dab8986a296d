/*
 * Guest test: MAP_FIXED replaces what was there, MAP_FIXED_NOREPLACE
 * refuses with EEXIST, a hint address is honoured when free, mprotect
 * splits mappings, and unaligned fixed addresses are EINVAL.
 */
#include "guest.h"
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	long pg = 4096;
	char *base = mmap(NULL, 8 * pg, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(base, 'A', 8 * pg);
	char *p = mmap(base + 2 * pg, 2 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("MAP_FIXED at requested address: %d\n", p == base + 2 * pg);
	printf("replaced pages are zero: %d, neighbours kept: %d %d\n",
	       p[0] == 0 && p[2 * pg - 1] == 0, base[2 * pg - 1] == 'A',
	       base[4 * pg] == 'A');
	p = mmap(base + 4 * pg, pg, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("MAP_FIXED_NOREPLACE over a mapping: %s\n",
	       p == MAP_FAILED ? ename(errno) : "mapped");
	printf("old contents intact: %d\n", base[4 * pg] == 'A');
	munmap(base + 6 * pg, 2 * pg);
	p = mmap(base + 6 * pg, 2 * pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("MAP_FIXED_NOREPLACE into a hole: %s\n",
	       p == base + 6 * pg ? "at address" : ename(errno));
	p = mmap(base + 5 * pg, 2 * pg, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("MAP_FIXED_NOREPLACE half overlapping: %s\n",
	       p == MAP_FAILED ? ename(errno) : "mapped");
	p = mmap(base + 1, pg, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("MAP_FIXED unaligned: %s\n",
	       p == MAP_FAILED ? ename(errno) : "mapped");
	/* mprotect in the middle splits; write() tells us which pages are
	 * readable (EFAULT from PROT_NONE). */
	mprotect(base + pg, pg, PROT_NONE);
	int fd = sink_fd();
	for (int i = 0; i < 8; i++) {
		char name[32];
		snprintf(name, sizeof(name), "page %d readable", i);
		show(name, RS3(1, fd, base + i * pg, 1));
	}
	/* A high hint address that is free is used as given. */
	char *hint = (char *)0x200000000000ul;
	p = mmap(hint, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	printf("hint honoured: %d\n", p == hint);
	munmap(p, pg);
	/* MAP_FIXED over part of a file mapping. */
	put_file("ff", "0123456789abcdef", 16);
	int f = open("ff", O_RDONLY);
	char *fm = mmap(NULL, 3 * pg, PROT_READ, MAP_PRIVATE, f, 0);
	char *an = mmap(fm + pg, pg, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	an[0] = 'z';
	printf("file map start %.4s, fixed anon %c\n", fm, an[0]);
	unlink("ff");
	return 0;
}

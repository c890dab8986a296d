/* Guest test: mremap grow in place or moving, shrink, MREMAP_FIXED. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
	long pg = 4096;
	char *p = mmap(NULL, 5 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < 4 * pg; i++)
		p[i] = (char)(i % 251);
	/* Block growth in place with a mapping right after. */
	char *after = mmap(p + 4 * pg, pg, PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("neighbour placed: %d\n", after == p + 4 * pg);
	char *q = mremap(p, 4 * pg, 8 * pg, 0);
	printf("grow without MAYMOVE: %s\n",
	       q == MAP_FAILED ? ename(errno) : "ok");
	q = mremap(p, 4 * pg, 8 * pg, MREMAP_MAYMOVE);
	printf("grow with MAYMOVE moved: %d\n", q != MAP_FAILED && q != p);
	int same = 1;
	for (int i = 0; i < 4 * pg; i++)
		same &= q[i] == (char)(i % 251);
	printf("contents moved: %d, new tail zero: %d\n", same,
	       q[8 * pg - 1] == 0);
	int fd = sink_fd();
	show("old address now unmapped", RS3(1, fd, p, 1));
	char *r = mremap(q, 8 * pg, 2 * pg, 0);
	printf("shrink in place: %d\n", r == q);
	show("shrunk tail unmapped", RS3(1, fd, q + 3 * pg, 1));
	char *target = mmap(NULL, 4 * pg, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *s = mremap(q, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED,
			 target + pg);
	printf("MREMAP_FIXED to target: %d, data %d\n", s == target + pg,
	       s != MAP_FAILED && s[5] == 5);
	show("target page 0 still PROT_NONE", RS3(1, fd, target, 1));
	char *t = mremap(s + 1, pg, 2 * pg, MREMAP_MAYMOVE);
	printf("mremap unaligned: %s\n", t == MAP_FAILED ? ename(errno) : "ok");
	t = mremap(s, 2 * pg, 0, MREMAP_MAYMOVE);
	printf("mremap to 0: %s\n", t == MAP_FAILED ? ename(errno) : "ok");
	t = mremap(s, 2 * pg, 4 * pg, MREMAP_FIXED);
	printf("MREMAP_FIXED without MAYMOVE: %s\n",
	       t == MAP_FAILED ? ename(errno) : "ok");
	/* Grow in place when the space after is free. */
	char *g = mmap(NULL, 64 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	munmap(g, 64 * pg);
	g = mmap(g, pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	g[0] = 42;
	char *g2 = mremap(g, pg, 16 * pg, 0);
	printf("grow in place into free space: %d, byte %d\n", g2 == g,
	       g2 == g ? g2[0] : -1);
	return 0;
}

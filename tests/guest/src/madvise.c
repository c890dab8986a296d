/* Guest test: madvise(MADV_DONTNEED) zeroes private anonymous pages. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
	long pg = 4096;
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 7, 4 * pg);
	showc("MADV_DONTNEED pages 1-2",
	      madvise(p + pg, 2 * pg, MADV_DONTNEED));
	printf("page0 %d page1 %d page2 %d page3 %d\n", p[0], p[pg],
	       p[2 * pg + 100], p[3 * pg]);
	showc("MADV_NORMAL", madvise(p, 4 * pg, MADV_NORMAL));
	showc("MADV_WILLNEED", madvise(p, 4 * pg, MADV_WILLNEED));
	showc("unaligned", madvise(p + 1, pg, MADV_DONTNEED));
	showc("bad advice", madvise(p, pg, 12345));
	munmap(p + 3 * pg, pg);
	showc("range with a hole", madvise(p + 2 * pg, 2 * pg, MADV_DONTNEED));
	/* File-backed private: DONTNEED drops private changes and the
	 * file's contents come back. */
	put_file("mf", "original", 8);
	int fd = open("mf", O_RDONLY);
	char *f = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	memcpy(f, "CHANGED!", 8);
	printf("before: %.8s\n", f);
	madvise(f, pg, MADV_DONTNEED);
	printf("after DONTNEED: %.8s\n", f);
	unlink("mf");
	return 0;
}

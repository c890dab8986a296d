/* Guest test: madvise(MADV_DONTNEED) zeroes private anonymous pages and
 * brings back a private file mapping's file contents (through splits and
 * moves); advice and range checks. */
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
	munmap(f, pg);
	close(fd);

	/* Offsets survive splits and moves: a 3-page file mapped from
	 * page 1, split by mprotect, moved by mremap, then dropped. */
	char buf[4 * 4096];
	for (int i = 0; i < 4; i++)
		memset(buf + i * pg, 'A' + i, pg);
	put_file("mf3", buf, 3 * pg + 10); /* last page partial */
	fd = open("mf3", O_RDONLY);
	f = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, pg);
	close(fd); /* the mapping keeps the file */
	unlink("mf3");
	memset(f, 'x', 3 * pg);
	showc("mprotect middle", mprotect(f + pg, pg, PROT_READ));
	showc("DONTNEED middle", madvise(f + pg, pg, MADV_DONTNEED));
	printf("pages %c %c %c\n", f[0], f[pg], f[2 * pg]);
	/* One mapping again: Linux before 6.17 moves only one. */
	showc("mprotect back", mprotect(f + pg, pg, PROT_READ | PROT_WRITE));
	f[pg] = 'y';
	char *g = mremap(f, 3 * pg, 3 * pg, MREMAP_MAYMOVE | MREMAP_FIXED,
			 p + 0 * pg);
	printf("moved %d\n", g == p);
	showc("DONTNEED moved", madvise(g, 3 * pg, MADV_DONTNEED));
	printf("pages %c %c %c tail %d %d\n", g[0], g[pg], g[2 * pg],
	       g[2 * pg + 9], g[2 * pg + 10]);
	showc("DONTNEED past the end",
	      madvise(g + 2 * pg, 2 * pg, MADV_DONTNEED));
	munmap(g, 3 * pg);

	/* Advice values no Linux knows (6.1 knows 0-4, 8-25, 100-101). */
	char *a = mmap(NULL, pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static const int bad[] = {5, 6, 7, 26, 99, 1000, -1};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char what[32];
		snprintf(what, sizeof(what), "advice %d", bad[i]);
		showc(what, madvise(a, pg, bad[i]));
	}
	showc("bad advice, len 0", madvise(a, 0, 12345));
	showc("bad advice, unaligned", madvise(a + 1, pg, 12345));
	showc("WILLNEED unaligned", madvise(a + 1, pg, MADV_WILLNEED));
	showc("WILLNEED len 0 unaligned", madvise(a + 1, 0, MADV_WILLNEED));
	showc("WILLNEED len -1", madvise(a, (size_t)-1, MADV_WILLNEED));
	munmap(a, pg);
	showc("WILLNEED unmapped", madvise(a, pg, MADV_WILLNEED));
	showc("NORMAL unmapped", madvise(a, pg, MADV_NORMAL));
	showc("DONTNEED unmapped", madvise(a, pg, MADV_DONTNEED));
	return 0;
}

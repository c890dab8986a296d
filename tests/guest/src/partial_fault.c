/*
 * Guest test: a write() whose buffer runs from a mapped page into an
 * unmapped one copies the mapped part and returns a short count; a read()
 * into such a buffer likewise.  Linux does this for regular files.
 */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
	long pg = 4096;
	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 'q', 2 * pg);
	munmap(p + pg, pg);
	int fd = open("pf", O_RDWR | O_CREAT | O_TRUNC, 0644);
	show("write spanning into hole", RS3(1, fd, p + pg - 8, 16));
	struct stat st;
	fstat(fd, &st);
	printf("file size %lld\n", (long long)st.st_size);
	write(fd, "0123456789abcdef", 16);
	lseek(fd, 0, SEEK_SET);
	show("read spanning into hole", RS3(0, fd, p + pg - 4, 16));
	printf("bytes landed: %.4s\n", p + pg - 4);
	unlink("pf");
	return 0;
}

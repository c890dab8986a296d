/*
 * Guest test: a directory with 300 entries read with raw getdents64 in
 * small buffers (many calls, resumed by offset), lseek back to the start
 * and read again; both passes see every name exactly once.
 */
#include "guest.h"

struct d64 {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

static int pass(int fd, size_t bufsz, int *calls)
{
	static char seen[300];
	char buf[4096];
	int n = 0, dots = 0, dup = 0;
	memset(seen, 0, sizeof(seen));
	*calls = 0;
	long r;
	while ((r = RS3(217, fd, buf, bufsz)) > 0) {
		(*calls)++;
		for (long off = 0; off < r;) {
			struct d64 *d = (struct d64 *)(buf + off);
			if (d->name[0] == '.')
				dots++;
			else {
				int k = atoi(d->name + 1);
				dup += seen[k]++;
				n++;
			}
			off += d->reclen;
		}
	}
	printf("bufsz %zu: entries %d dots %d dups %d last %s many calls %d\n",
	       bufsz, n, dots, dup, r == 0 ? "0" : ename((int)-r), *calls > 1);
	return n;
}

int main(void)
{
	mkdir("many", 0755);
	char name[32];
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "many/f%d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
	}
	int fd = open("many", O_RDONLY | O_DIRECTORY);
	int calls;
	pass(fd, 4096, &calls);
	show("lseek 0", RS3(8, fd, 0, SEEK_SET));
	pass(fd, 200, &calls);
	show("buffer too small for one entry",
	     (RS3(8, fd, 0, 0), RS3(217, fd, name, 10)));
	for (int i = 0; i < 300; i += 2) {
		snprintf(name, sizeof(name), "many/f%d", i);
		unlink(name);
	}
	show("lseek 0", RS3(8, fd, 0, SEEK_SET));
	pass(fd, 1024, &calls);
	return 0;
}

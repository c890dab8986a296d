/* Guest test: readv/writev scatter-gather, pread/pwrite, stdout writev. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
	int fd = open("v", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct iovec w[4] = {{"one ", 4}, {"", 0}, {"two ", 4}, {"three\n", 6}};
	showc("writev", writev(fd, w, 4));
	lseek(fd, 0, SEEK_SET);
	char a[3], b[5], c[100];
	memset(c, 0, sizeof(c));
	struct iovec r[3] = {{a, 3}, {b, 5}, {c, 100}};
	showc("readv", readv(fd, r, 3));
	printf("a=%.3s b=%.5s c=%s", a, b, c);
	/* pread64/pwrite64 leave the offset alone. */
	showc("pwrite64", pwrite(fd, "TWO", 3, 4));
	showc("lseek cur", lseek(fd, 0, SEEK_CUR));
	memset(c, 0, sizeof(c));
	showc("pread64", pread(fd, c, 9, 2));
	printf("c=%s\n", c);
	fflush(stdout);
	struct iovec o[3] = {{"writev ", 7}, {"to ", 3}, {"stdout\n", 7}};
	showc("writev stdout", writev(1, o, 3));
	return 0;
}

/*
 * Guest test: pipes within one process: pipe/pipe2 flags, write then
 * read, FIONREAD, O_NONBLOCK empty read -> EAGAIN, EOF after the write
 * end closes, lseek -> ESPIPE, fstat type.
 */
#include "guest.h"
#include <sys/ioctl.h>

int main(void)
{
	int p[2];
	showc("pipe", pipe(p));
	printf("fds %d %d\n", p[0], p[1]);
	showc("F_GETFD", fcntl(p[0], F_GETFD));
	printf("read end accmode %d, write end accmode %d\n",
	       fcntl(p[0], F_GETFL) & O_ACCMODE,
	       fcntl(p[1], F_GETFL) & O_ACCMODE);
	showc("write 5", write(p[1], "hello", 5));
	int avail = -1;
	showc("FIONREAD", ioctl(p[0], FIONREAD, &avail));
	printf("available %d\n", avail);
	char buf[64] = {0};
	showc("read 3", read(p[0], buf, 3));
	printf("got \"%s\"\n", buf);
	showc("read 64", read(p[0], buf, 64));
	printf("got \"%.2s\"\n", buf);
	showc("lseek pipe", lseek(p[0], 0, SEEK_SET));
	showc("write to read end", write(p[0], "x", 1));
	showc("read from write end", read(p[1], buf, 1));
	struct stat st;
	fstat(p[0], &st);
	printf("S_ISFIFO %d\n", S_ISFIFO(st.st_mode));
	close(p[1]);
	showc("read at EOF", read(p[0], buf, 64));
	close(p[0]);

	int q[2];
	showc("pipe2 cloexec|nonblock", pipe2(q, O_CLOEXEC | O_NONBLOCK));
	showc("F_GETFD", fcntl(q[0], F_GETFD));
	printf("nonblock %d\n", !!(fcntl(q[0], F_GETFL) & O_NONBLOCK));
	showc("empty nonblocking read", read(q[0], buf, 1));
	showc("pipe2 bad flags", pipe2(q + 0, 0x12345678));
	/* Fill the pipe to capacity without blocking. */
	static char chunk[4096];
	long total = 0;
	ssize_t r;
	while ((r = write(q[1], chunk, sizeof(chunk))) > 0)
		total += r;
	printf("filled: %s, total > 0: %d\n", ename(errno), total > 0);
	long drained = 0;
	while ((r = read(q[0], chunk, sizeof(chunk))) > 0)
		drained += r;
	printf("drained == filled: %d (then %s)\n", drained == total,
	       ename(errno));
	/* Many small messages keep their order. */
	for (int i = 0; i < 100; i++) {
		char m[8];
		int n = snprintf(m, sizeof(m), "%d,", i);
		write(q[1], m, n);
	}
	char all[1024] = {0};
	r = read(q[0], all, sizeof(all) - 1);
	printf("messages: %zd bytes, hash %016llx\n", r,
	       (unsigned long long)fnv1a(0, all, r > 0 ? r : 0));
	return 0;
}

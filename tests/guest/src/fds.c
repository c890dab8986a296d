/*
 * Guest test: the fd table: lowest free fd, dup/dup2/dup3, fcntl
 * F_DUPFD(_CLOEXEC)/F_GETFD/F_SETFD/F_GETFL/F_SETFL, shared offsets
 * between duplicates, and errors for bad fds.
 */
#include "guest.h"

int main(void)
{
	int a = open("x", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int b = open("x", O_RDONLY);
	printf("first fds: %d %d\n", a, b);
	close(a);
	int c = open("x", O_RDONLY | O_CLOEXEC);
	printf("reused lowest: %d\n", c);
	showc("F_GETFD cloexec", fcntl(c, F_GETFD));
	showc("F_GETFD plain", fcntl(b, F_GETFD));
	showc("F_SETFD", fcntl(b, F_SETFD, FD_CLOEXEC));
	showc("F_GETFD after set", fcntl(b, F_GETFD));
	int d = dup(b);
	printf("dup: %d\n", d);
	showc("dup drops cloexec", fcntl(d, F_GETFD));
	showc("dup2 to 10", dup2(b, 10));
	showc("F_GETFD 10", fcntl(10, F_GETFD));
	showc("dup2 same fd", dup2(10, 10));
	showc("dup3 same fd", dup3(10, 10, 0));
	showc("dup3 cloexec to 11", dup3(b, 11, O_CLOEXEC));
	showc("F_GETFD 11", fcntl(11, F_GETFD));
	showc("dup3 bad flags", dup3(b, 12, 12345));
	showc("F_DUPFD from 20", fcntl(b, F_DUPFD, 20));
	showc("F_DUPFD_CLOEXEC from 20", fcntl(b, F_DUPFD_CLOEXEC, 20));
	showc("F_GETFD 21", fcntl(21, F_GETFD));
	int fl = fcntl(c, F_GETFL);
	printf("F_GETFL rdonly: accmode %d\n", fl & O_ACCMODE);
	int w = open("x", O_WRONLY | O_APPEND);
	fl = fcntl(w, F_GETFL);
	printf("F_GETFL wronly|append: accmode %d append %d\n", fl & O_ACCMODE,
	       !!(fl & O_APPEND));
	showc("F_SETFL nonblock", fcntl(w, F_SETFL, O_NONBLOCK));
	fl = fcntl(w, F_GETFL);
	printf("after F_SETFL: append %d nonblock %d accmode %d\n",
	       !!(fl & O_APPEND), !!(fl & O_NONBLOCK), fl & O_ACCMODE);
	/* Duplicates share the file offset. */
	write(w, "0123456789", 10);
	showc("lseek b 4", lseek(b, 4, SEEK_SET));
	showc("lseek d cur (shared)", lseek(d, 0, SEEK_CUR));
	char ch;
	read(d, &ch, 1);
	printf("read via dup: %c\n", ch);
	showc("lseek b cur", lseek(b, 0, SEEK_CUR));
	/* Separate opens don't. */
	showc("lseek c cur (separate)", lseek(c, 0, SEEK_CUR));
	/* Errors, on an fd that was never opened. */
	a = 50;
	showc("close closed", close(a));
	showc("dup closed", dup(a));
	showc("dup2 from closed", dup2(a, 30));
	showc("dup2 to negative", dup2(b, -1));
	showc("fcntl closed", fcntl(a, F_GETFD));
	showc("fcntl bad cmd", fcntl(b, 9999));
	showc("read closed", read(a, &ch, 1));
	showc("read -1", read(-1, &ch, 1));
	showc("close -1", close(-1));
	showc("close 100000", close(100000));
	showc("dup2 to huge", dup2(b, 1 << 30));
	/* Fill a range and check lowest-first allocation after holes. */
	int fds[8];
	for (int i = 0; i < 8; i++)
		fds[i] = dup(b);
	close(fds[5]);
	close(fds[2]);
	int n1 = dup(b), n2 = dup(b);
	printf("after closing 3rd and 6th: got the 3rd %d, the 6th %d\n",
	       n1 == fds[2], n2 == fds[5]);
	unlink("x");
	return 0;
}

/*
 * Guest test: socket calls on descriptors that are not sockets answer
 * ENOTSOCK (open fds: a file, a pipe, /dev/null) and EBADF (closed or
 * negative fds), and a bad address pointer does not matter first.
 */
#include "guest.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void try(const char *what, int fd)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);
	int r;

	r = getpeername(fd, (struct sockaddr *)&sa, &len);
	printf("getpeername(%s) = %d %s\n", what, r, r ? strerror(errno) : "");
	len = sizeof(sa);
	r = getsockname(fd, (struct sockaddr *)&sa, &len);
	printf("getsockname(%s) = %d %s\n", what, r, r ? strerror(errno) : "");
}

int main(void)
{
	int p[2];
	int fd = open("/dev/null", O_RDONLY);

	if (fd < 0 || pipe(p) < 0)
		return 1;
	try("/dev/null", fd);
	try("pipe", p[0]);
	close(fd);
	try("closed", fd);
	try("negative", -1);
	return 0;
}

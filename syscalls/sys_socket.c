/*
 * Socket calls on file descriptors, before the sockets layer (net/)
 * exists: no guest fd is a socket yet, so the calls that take an fd answer
 * as Linux does for a non-socket fd (getpeername(2), getsockname(2):
 * EBADF for a closed fd, ENOTSOCK otherwise).  bash asks getpeername on
 * stdin to learn whether rshd started it; ENOSYS there made it guess wrong.
 */
#include "sys.h"
#include "sys_fs.h"

static int64_t not_a_socket(struct task *t, uint64_t fd)
{
	struct file *f = sys_fget(t, fd);

	if (!f)
		return -LINUX_EBADF;
	file_put(f);
	return -LINUX_ENOTSOCK;
}

int64_t sys_getsockname(struct task *t, uint64_t fd, uint64_t addr,
			uint64_t lenp, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return not_a_socket(t, fd);
}

int64_t sys_getpeername(struct task *t, uint64_t fd, uint64_t addr,
			uint64_t lenp, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return not_a_socket(t, fd);
}

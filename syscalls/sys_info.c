/*
 * getrandom(2) from the host's entropy source, and futex(2) for a
 * single-threaded guest: wakes find no waiters, waits check the value
 * and can only time out (partial: no threads yet, see docs).
 *
 * Layer: syscalls/.  Called through the dispatch table (syscall.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"
#include "linux_abi.h"

/* Fills buf from the host: getentropy (glibc, musl and Emscripten), or
 * /dev/urandom where it is missing.  Returns 0 or -LINUX_EIO. */
static int host_random(void *buf, size_t n)
{
	if (getentropy(buf, n) == 0)
		return 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t r = fd >= 0 ? read(fd, buf, n) : -1;

	if (fd >= 0)
		close(fd);
	return r == (ssize_t)n ? 0 : -LINUX_EIO;
}

int64_t sys_getrandom(struct task *t, uint64_t buf, uint64_t len,
		      uint64_t flags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint8_t chunk[256]; /* getentropy's limit */
	uint64_t done = 0;

	if (flags & ~(uint64_t)(LINUX_GRND_NONBLOCK | LINUX_GRND_RANDOM |
				LINUX_GRND_INSECURE))
		return -LINUX_EINVAL;
	if ((flags & LINUX_GRND_RANDOM) && (flags & LINUX_GRND_INSECURE))
		return -LINUX_EINVAL;
	/* like the kernel, one call returns at most 32 MiB - 1 */
	if (len > 0x1ffffff)
		len = 0x1ffffff;
	while (done < len) {
		size_t n = (size_t)MIN(len - done, sizeof(chunk));
		int r = host_random(chunk, n);

		if (r == 0)
			r = copy_to_user(t, buf + done, chunk, n);
		if (r < 0)
			return done ? (int64_t)done : r;
		done += n;
	}
	return (int64_t)done;
}

/* ---- futex(2) ------------------------------------------------------------ */

/* FUTEX_WAKE_OP: applies the operation to *uaddr2; nobody waits on
 * either futex, so the comparison (which only picks whom to wake) is moot. */
static int64_t futex_wake_op(struct task *t, uint64_t uaddr2, uint32_t val3)
{
	unsigned op = (val3 >> 28) & 7, cmp = (val3 >> 24) & 15;
	int32_t oparg = (int32_t)(val3 << 8) >> 20; /* bits 12-23, signed */
	uint32_t old, nv;

	if (val3 & (8u << 28))
		oparg = (int32_t)(1u << (oparg & 31));
	if (copy_from_user(t, &old, uaddr2, 4) < 0)
		return -LINUX_EFAULT;
	switch (op) {
	case 0:
		nv = (uint32_t)oparg;
		break;
	case 1:
		nv = old + (uint32_t)oparg;
		break;
	case 2:
		nv = old | (uint32_t)oparg;
		break;
	case 3:
		nv = old & ~(uint32_t)oparg;
		break;
	case 4:
		nv = old ^ (uint32_t)oparg;
		break;
	default:
		return -LINUX_ENOSYS;
	}
	if (cmp > 5)
		return -LINUX_ENOSYS;
	if (copy_to_user(t, uaddr2, &nv, 4) < 0)
		return -LINUX_EFAULT;
	return 0; /* nobody to wake on either futex */
}

/* A wait with a timeout: nobody can wake us, so it times out.  The
 * timeout is relative for FUTEX_WAIT, absolute for FUTEX_WAIT_BITSET. */
static int64_t futex_timed_wait(struct task *t, uint64_t timeout, bool absolute,
				bool realtime)
{
	struct linux_timespec ts;
	struct timespec req, now;

	if (copy_from_user(t, &ts, timeout, sizeof(ts)) < 0)
		return -LINUX_EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -LINUX_EINVAL;
	req.tv_sec = (time_t)ts.tv_sec;
	req.tv_nsec = (long)ts.tv_nsec;
	if (absolute) {
		clock_gettime(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC,
			      &now);
		req.tv_sec -= now.tv_sec;
		req.tv_nsec -= now.tv_nsec;
		if (req.tv_nsec < 0) {
			req.tv_nsec += 1000000000;
			req.tv_sec--;
		}
		if (req.tv_sec < 0)
			return -LINUX_ETIMEDOUT;
	}
	while (nanosleep(&req, &req) < 0 && errno == EINTR)
		;
	return -LINUX_ETIMEDOUT;
}

int64_t sys_futex(struct task *t, uint64_t uaddr, uint64_t op, uint64_t val,
		  uint64_t timeout, uint64_t uaddr2, uint64_t val3)
{
	int cmd = (int)op & LINUX_FUTEX_CMD_MASK;
	uint32_t cur;

	switch (cmd) {
	case LINUX_FUTEX_WAKE:
	case LINUX_FUTEX_WAKE_BITSET:
	case LINUX_FUTEX_REQUEUE:
		return 0; /* single-threaded: no waiters */
	case LINUX_FUTEX_WAKE_OP:
		return futex_wake_op(t, uaddr2, (uint32_t)val3);
	case LINUX_FUTEX_CMP_REQUEUE:
	case LINUX_FUTEX_WAIT:
	case LINUX_FUTEX_WAIT_BITSET:
		if (uaddr & 3)
			return -LINUX_EINVAL;
		if (copy_from_user(t, &cur, uaddr, 4) < 0)
			return -LINUX_EFAULT;
		if (cmd == LINUX_FUTEX_CMP_REQUEUE)
			return cur == (uint32_t)val3 ? 0 : -LINUX_EAGAIN;
		if (cur != (uint32_t)val)
			return -LINUX_EAGAIN;
		if (cmd == LINUX_FUTEX_WAIT_BITSET && (uint32_t)val3 == 0)
			return -LINUX_EINVAL;
		if (timeout)
			return futex_timed_wait(
				t, timeout, cmd == LINUX_FUTEX_WAIT_BITSET,
				op & LINUX_FUTEX_CLOCK_REALTIME);
		/* Would sleep forever: no other thread exists to wake us. */
		wax_log("futex wait without timeout in a single-threaded "
			"guest would deadlock; returning ENOSYS");
		return -LINUX_ENOSYS;
	default:
		return -LINUX_ENOSYS;
	}
}

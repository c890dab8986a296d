/*
 * File-descriptor syscalls: dup(2), dup2(2), dup3(2), fcntl(2), ioctl(2),
 * pipe(2), pipe2(2), flock(2).  ioctl arguments are copied in and out here, sized
 * from the request, so files see host buffers only.
 *
 * Record locks: a wax process is alone with its files for now, so no lock
 * ever conflicts: F_SETLK/F_SETLKW succeed after Linux's checks and
 * F_GETLK answers F_UNLCK.  flock(2) likewise succeeds after its checks.
 * Honest until processes share files.
 *
 * Layer: syscalls/.  Called through the dispatch table; calls into fs/.
 */
#include "sys_fs.h"

/* dup(2) */
int64_t sys_dup(struct task *t, uint64_t fd, uint64_t a1, uint64_t a2,
		uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	sys_fd_limit(t);
	r = fdtable_install(t->proc->fds, f, 0, false);
	file_put(f);
	return r;
}

static int64_t do_dup3(struct task *t, uint64_t oldfd, uint64_t newfd,
		       bool cloexec)
{
	struct file *f = sys_fget(t, oldfd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	if ((int)newfd < 0 || (int)newfd >= sys_fd_limit(t))
		r = -LINUX_EBADF;
	else
		r = fdtable_install_at(t->proc->fds, f, (int)newfd, cloexec);
	file_put(f);
	return r;
}

/* dup2(2): the same fd twice is a no-op that still checks oldfd. */
int64_t sys_dup2(struct task *t, uint64_t oldfd, uint64_t newfd, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	if ((int)oldfd == (int)newfd) {
		struct file *f = sys_fget(t, oldfd);

		if (!f)
			return -LINUX_EBADF;
		file_put(f);
		return (int)newfd;
	}
	return do_dup3(t, oldfd, newfd, false);
}

/* dup3(2): equal fds or flags other than O_CLOEXEC are EINVAL. */
int64_t sys_dup3(struct task *t, uint64_t oldfd, uint64_t newfd, uint64_t flags,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	if (flags & ~(uint64_t)LINUX_O_CLOEXEC)
		return -LINUX_EINVAL;
	if ((int)oldfd == (int)newfd)
		return -LINUX_EINVAL;
	return do_dup3(t, oldfd, newfd, flags & LINUX_O_CLOEXEC);
}

/* Status flags F_SETFL may change (fs/fcntl.c SETFL_MASK). */
#define SETFL_MASK                                                             \
	(LINUX_O_APPEND | LINUX_O_NONBLOCK | 020000 /* O_ASYNC */ |            \
	 LINUX_O_DIRECT | LINUX_O_NOATIME)

static int64_t fcntl_lock(struct task *t, struct file *f, unsigned cmd,
			  gaddr arg)
{
	struct linux_flock fl;
	int acc = f->flags & LINUX_O_ACCMODE;

	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (copy_from_user(t, &fl, arg, sizeof(fl)) < 0)
		return -LINUX_EFAULT;
	if (fl.l_type != LINUX_F_RDLCK && fl.l_type != LINUX_F_WRLCK &&
	    fl.l_type != LINUX_F_UNLCK)
		return -LINUX_EINVAL;
	if (fl.l_whence < 0 || fl.l_whence > LINUX_SEEK_END)
		return -LINUX_EINVAL;
	if (cmd == LINUX_F_GETLK || cmd == LINUX_F_OFD_GETLK) {
		if (fl.l_type == LINUX_F_UNLCK)
			return -LINUX_EINVAL;
		fl.l_type = LINUX_F_UNLCK; /* nobody else holds a lock */
		return copy_to_user(t, arg, &fl, sizeof(fl)) < 0 ? -LINUX_EFAULT
								 : 0;
	}
	if (fl.l_type == LINUX_F_RDLCK && acc == LINUX_O_WRONLY)
		return -LINUX_EBADF;
	if (fl.l_type == LINUX_F_WRLCK && acc == LINUX_O_RDONLY)
		return -LINUX_EBADF;
	return 0;
}

/* fcntl(2) */
int64_t sys_fcntl(struct task *t, uint64_t fd, uint64_t cmd, uint64_t arg,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	switch ((unsigned)cmd) {
	case LINUX_F_DUPFD:
	case LINUX_F_DUPFD_CLOEXEC:
		if ((int)arg < 0 || (int)arg >= sys_fd_limit(t))
			r = -LINUX_EINVAL;
		else
			r = fdtable_install(t->proc->fds, f, (int)arg,
					    cmd == LINUX_F_DUPFD_CLOEXEC);
		break;
	case LINUX_F_GETFD:
		r = fdtable_get_cloexec(t->proc->fds, (int)fd);
		break;
	case LINUX_F_SETFD:
		r = fdtable_set_cloexec(t->proc->fds, (int)fd,
					arg & LINUX_FD_CLOEXEC);
		break;
	case LINUX_F_GETFL:
		r = f->flags & ~(LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW);
		break;
	case LINUX_F_SETFL:
		if (f->fmode & FILE_OPATH) {
			r = -LINUX_EBADF;
			break;
		}
		__atomic_store_n(&f->flags,
				 (f->flags & ~SETFL_MASK) |
					 ((int)arg & SETFL_MASK),
				 __ATOMIC_RELAXED);
		r = 0;
		break;
	case LINUX_F_GETLK:
	case LINUX_F_SETLK:
	case LINUX_F_SETLKW:
	case LINUX_F_OFD_GETLK:
	case LINUX_F_OFD_SETLK:
	case LINUX_F_OFD_SETLKW:
		r = fcntl_lock(t, f, (unsigned)cmd, arg);
		break;
	case LINUX_F_GETOWN:
	case LINUX_F_GETSIG:
		r = 0;
		break;
	case LINUX_F_SETOWN:
	case LINUX_F_SETSIG:
		r = 0;
		break;
	case LINUX_F_GETPIPE_SZ:
	case LINUX_F_SETPIPE_SZ:
		if ((f->inode->mode & LINUX_S_IFMT) != LINUX_S_IFIFO)
			r = -LINUX_EBADF;
		else if (cmd == LINUX_F_SETPIPE_SZ && (int)arg > PIPE_CAPACITY)
			r = -LINUX_EPERM; /* the ring does not grow */
		else
			r = PIPE_CAPACITY;
		break;
	default:
		r = -LINUX_EINVAL;
	}
	file_put(f);
	return r;
}

/* Size of the argument each known ioctl copies in and/or out. */
static const struct ioctl_arg {
	unsigned req;
	unsigned size;
	bool in, out;
} ioctl_args[] = {
	{LINUX_TCGETS, sizeof(struct linux_termios), false, true},
	{LINUX_TCSETS, sizeof(struct linux_termios), true, false},
	{LINUX_TCSETSW, sizeof(struct linux_termios), true, false},
	{LINUX_TCSETSF, sizeof(struct linux_termios), true, false},
	{LINUX_TIOCGWINSZ, sizeof(struct linux_winsize), false, true},
	{LINUX_TIOCSWINSZ, sizeof(struct linux_winsize), true, false},
	{LINUX_TIOCGPGRP, 4, false, true},
	{LINUX_TIOCSPGRP, 4, true, false},
	{LINUX_FIONREAD, 4, false, true},
};

/* ioctl(2) */
int64_t sys_ioctl(struct task *t, uint64_t fd, uint64_t req, uint64_t arg,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	const struct ioctl_arg *ia = NULL;
	uint8_t buf[64] = {0};
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	switch ((unsigned)req) {
	case LINUX_FIOCLEX:
	case LINUX_FIONCLEX:
		r = fdtable_set_cloexec(t->proc->fds, (int)fd,
					req == LINUX_FIOCLEX);
		goto out_put;
	case LINUX_FIONBIO: {
		int32_t on;

		r = copy_from_user(t, &on, arg, sizeof(on));
		if (r == 0) {
			if (on)
				__atomic_or_fetch(&f->flags, LINUX_O_NONBLOCK,
						  __ATOMIC_RELAXED);
			else
				__atomic_and_fetch(&f->flags, ~LINUX_O_NONBLOCK,
						   __ATOMIC_RELAXED);
		}
		goto out_put;
	}
	}
	for (size_t i = 0; i < ARRAY_SIZE(ioctl_args); i++)
		if (ioctl_args[i].req == (unsigned)req)
			ia = &ioctl_args[i];
	if (!ia) {
		r = vfs_ioctl(f, (unsigned)req, NULL);
		if (r != -LINUX_EBADF)
			r = -LINUX_ENOTTY;
		goto out_put;
	}
	if (ia->in && copy_from_user(t, buf, arg, ia->size) < 0) {
		r = -LINUX_EFAULT;
		goto out_put;
	}
	r = vfs_ioctl(f, (unsigned)req, buf);
	if (r == -LINUX_ENOTTY && req == LINUX_FIONREAD) {
		int32_t n = vfs_nread(f);

		r = n < 0 ? n : 0;
		if (n >= 0)
			__builtin_memcpy(buf, &n, 4);
	}
	if (r == 0 && ia->out && copy_to_user(t, arg, buf, ia->size) < 0)
		r = -LINUX_EFAULT;
out_put:
	file_put(f);
	return r;
}

static int64_t do_pipe2(struct task *t, gaddr ufds, uint64_t flags)
{
	struct file *rd, *wr;
	bool cloexec = flags & LINUX_O_CLOEXEC;
	int32_t fds[2];
	int64_t r;

	if (flags &
	    ~(uint64_t)(LINUX_O_CLOEXEC | LINUX_O_NONBLOCK | LINUX_O_DIRECT))
		return -LINUX_EINVAL;
	sys_fd_limit(t);
	r = pipe_create((int)flags, &rd, &wr);
	if (r < 0)
		return r;
	fds[0] = fdtable_install(t->proc->fds, rd, 0, cloexec);
	if (fds[0] < 0) {
		r = fds[0];
		goto out_put;
	}
	fds[1] = fdtable_install(t->proc->fds, wr, 0, cloexec);
	if (fds[1] < 0) {
		r = fds[1];
		fdtable_close(t->proc->fds, fds[0]);
		goto out_put;
	}
	r = 0;
	if (copy_to_user(t, ufds, fds, sizeof(fds)) < 0) {
		fdtable_close(t->proc->fds, fds[0]);
		fdtable_close(t->proc->fds, fds[1]);
		r = -LINUX_EFAULT;
	}
out_put:
	file_put(rd);
	file_put(wr);
	return r;
}

/* pipe(2) */
int64_t sys_pipe(struct task *t, uint64_t fds, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_pipe2(t, fds, 0);
}

/* pipe2(2): O_CLOEXEC, O_NONBLOCK, O_DIRECT; anything else is EINVAL. */
int64_t sys_pipe2(struct task *t, uint64_t fds, uint64_t flags, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_pipe2(t, fds, flags);
}

#define LINUX_LOCK_SH	1
#define LINUX_LOCK_EX	2
#define LINUX_LOCK_NB	4
#define LINUX_LOCK_UN	8
#define LINUX_LOCK_MAND 32

/* flock(2), in the order of Linux 6.1's fs/locks.c: LOCK_MAND is ignored,
 * then the operation, then the fd. */
int64_t sys_flock(struct task *t, uint64_t fd, uint64_t op, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	unsigned cmd = (unsigned)op & ~(unsigned)LINUX_LOCK_NB;
	struct file *f;

	if ((unsigned)op & LINUX_LOCK_MAND)
		return 0;
	if (cmd != LINUX_LOCK_SH && cmd != LINUX_LOCK_EX &&
	    cmd != LINUX_LOCK_UN)
		return -LINUX_EINVAL;
	f = sys_fget(t, (unsigned)fd);
	if (!f)
		return -LINUX_EBADF;
	/* O_PATH files are not fds to flock */
	int r = (f->fmode & FILE_OPATH) ? -LINUX_EBADF : 0;
	file_put(f);
	return r;
}

/*
 * The console: guest files on the host's fds 0, 1, 2 ("hostfd" files).
 * read/write call host read/write directly (unbuffered, so guest output
 * on fds 1 and 2 stays in order, natively and under NODERAWFS), fstat
 * shows what the host fd really is (tty, pipe, regular file), and the
 * terminal ioctls are forwarded to the host when the fd is a tty.
 *
 * Layer: fs/ host backend.  Callers: fdtable_open_console, devfs
 * (/dev/tty), procfs magic links re-opening a console file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "fs.h"

struct console_inode {
	struct inode inode;
	int hostfd;
};

static const struct inode_ops console_inode_ops;
static const struct file_ops console_fops;

#define HOST_ERR() (-linux_errno_from_host(errno))

static int console_fd(struct file *f)
{
	return container_of(f->inode, struct console_inode, inode)->hostfd;
}

static int (*tty_probe)(int hostfd);

void console_set_tty_probe(int (*probe)(int hostfd))
{
	tty_probe = probe;
}

/*
 * Whether host fd is a terminal.  The probe wins when installed; else the
 * host must say both "character device" and isatty (Emscripten's
 * NODERAWFS claims isatty for fds 0-2 even when they are pipes, while
 * its fstat of them fails: then the answer is "not a tty").
 */
static bool console_is_tty(int fd)
{
	struct stat st;

	if (tty_probe)
		return tty_probe(fd) > 0;
	return fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && isatty(fd);
}

static int console_getattr(struct inode *ino, struct kstat *k)
{
	struct console_inode *ci =
		container_of(ino, struct console_inode, inode);
	struct stat st;

	if (fstat(ci->hostfd, &st) < 0) {
		/* a host that cannot say (NODERAWFS): a quiet char device */
		k->rdev = linux_makedev(136, 0);
		k->blksize = 1024;
		return 0;
	}
	k->dev = (uint64_t)st.st_dev;
	k->ino = (uint64_t)st.st_ino;
	k->mode = ino->mode;
	k->nlink = (uint32_t)st.st_nlink;
	k->uid = (uint32_t)st.st_uid;
	k->gid = (uint32_t)st.st_gid;
	k->rdev = S_ISCHR(st.st_mode) ? (uint64_t)st.st_rdev
				      : linux_makedev(136, 0);
	k->size = S_ISREG(st.st_mode) ? (int64_t)st.st_size : 0;
	k->blksize = S_ISREG(st.st_mode) ? (int64_t)st.st_blksize : 1024;
	k->blocks = (int64_t)st.st_blocks;
	k->atime.tv_sec = st.st_atim.tv_sec;
	k->atime.tv_nsec = st.st_atim.tv_nsec;
	k->mtime.tv_sec = st.st_mtim.tv_sec;
	k->mtime.tv_nsec = st.st_mtim.tv_nsec;
	k->ctime.tv_sec = st.st_ctim.tv_sec;
	k->ctime.tv_nsec = st.st_ctim.tv_nsec;
	return 0;
}

static int console_open(struct inode *ino, struct file *f)
{
	f->ops = &console_fops;
	if ((ino->mode & LINUX_S_IFMT) != LINUX_S_IFREG)
		f->fmode |= FILE_STREAM;
	return 0;
}

static void console_release_inode(struct inode *ino)
{
	free(container_of(ino, struct console_inode, inode));
}

static const struct inode_ops console_inode_ops = {
	.getattr = console_getattr,
	.open = console_open,
	.release = console_release_inode,
};

static int64_t console_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	ssize_t r = read(console_fd(f), buf, n);

	if (r < 0)
		return HOST_ERR();
	*pos += (uint64_t)r;
	return r;
}

static int64_t console_write(struct file *f, const void *buf, size_t n,
			     uint64_t *pos)
{
	ssize_t r = write(console_fd(f), buf, n);

	if (r < 0)
		return HOST_ERR();
	*pos += (uint64_t)r;
	return r;
}

static int64_t console_pread(struct file *f, void *buf, size_t n, uint64_t off)
{
	ssize_t r = pread(console_fd(f), buf, n, (off_t)off);

	return r < 0 ? HOST_ERR() : r;
}

static int64_t console_pwrite(struct file *f, const void *buf, size_t n,
			      uint64_t off)
{
	ssize_t r = pwrite(console_fd(f), buf, n, (off_t)off);

	return r < 0 ? HOST_ERR() : r;
}

static int64_t console_llseek(struct file *f, int64_t off, int whence)
{
	int w = whence == LINUX_SEEK_SET   ? SEEK_SET
		: whence == LINUX_SEEK_CUR ? SEEK_CUR
		: whence == LINUX_SEEK_END ? SEEK_END
					   : -1;
	off_t r;

	if (w < 0)
		return -LINUX_EINVAL;
	r = lseek(console_fd(f), (off_t)off, w);
	if (r < 0)
		return HOST_ERR();
	f->pos = (uint64_t)r;
	return r;
}

static int console_tcgets(int fd, struct linux_termios *lt)
{
	struct termios t;

	if (!console_is_tty(fd))
		return -LINUX_ENOTTY;
	memset(lt, 0, sizeof(*lt));
	memset(&t, 0, sizeof(t));
	/* Emscripten's TCGETS says yes without filling anything in */
	if (tcgetattr(fd, &t) < 0 || t.c_cflag == 0) {
		if (!tty_probe)
			return HOST_ERR();
		/* a tty the host libc cannot query (Node): a cooked 8-bit
		 * terminal, as a fresh Linux pty starts */
		lt->c_iflag = 0x500;  /* ICRNL | IXON */
		lt->c_oflag = 0x5;    /* OPOST | ONLCR */
		lt->c_cflag = 0xbf;   /* B38400 | CS8 | CREAD */
		lt->c_lflag = 0x8a3b; /* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL
					* ECHOKE IEXTEN */
		memcpy(lt->c_cc,
		       "\003\034\177\025\004\000\001\000\021\023"
		       "\032\000\022\017\027\026\000",
		       17);
		return 0;
	}
	lt->c_iflag = (uint32_t)t.c_iflag;
	lt->c_oflag = (uint32_t)t.c_oflag;
	lt->c_cflag = (uint32_t)t.c_cflag;
	lt->c_lflag = (uint32_t)t.c_lflag;
	lt->c_line = 0;
	/* host termios values are Linux's (glibc and Emscripten's musl) */
	for (size_t i = 0; i < sizeof(lt->c_cc) && i < NCCS; i++)
		lt->c_cc[i] = (uint8_t)t.c_cc[i];
	return 0;
}

static int console_tcsets(int fd, unsigned req, const struct linux_termios *lt)
{
	struct termios t;
	int how = req == LINUX_TCSETS	 ? TCSANOW
		  : req == LINUX_TCSETSW ? TCSADRAIN
					 : TCSAFLUSH;

	if (!console_is_tty(fd))
		return -LINUX_ENOTTY;
	if (tcgetattr(fd, &t) < 0)
		return HOST_ERR();
	t.c_iflag = lt->c_iflag;
	t.c_oflag = lt->c_oflag;
	t.c_cflag = lt->c_cflag;
	t.c_lflag = lt->c_lflag;
	for (size_t i = 0; i < sizeof(lt->c_cc) && i < NCCS; i++)
		t.c_cc[i] = lt->c_cc[i];
	if (tcsetattr(fd, how, &t) < 0)
		return HOST_ERR();
	return 0;
}

static int console_winsz(int fd, unsigned req, struct linux_winsize *lw)
{
	struct winsize ws;

	if (!console_is_tty(fd))
		return -LINUX_ENOTTY;
	if (req == LINUX_TIOCSWINSZ) {
		ws.ws_row = lw->ws_row;
		ws.ws_col = lw->ws_col;
		ws.ws_xpixel = lw->ws_xpixel;
		ws.ws_ypixel = lw->ws_ypixel;
		return ioctl(fd, TIOCSWINSZ, &ws) < 0 ? HOST_ERR() : 0;
	}
	if (ioctl(fd, TIOCGWINSZ, &ws) < 0 || ws.ws_row == 0) {
		/* hosts without window sizes (Node): a classic 80x24 tty */
		ws.ws_row = 24;
		ws.ws_col = 80;
		ws.ws_xpixel = ws.ws_ypixel = 0;
	}
	lw->ws_row = ws.ws_row;
	lw->ws_col = ws.ws_col;
	lw->ws_xpixel = ws.ws_xpixel;
	lw->ws_ypixel = ws.ws_ypixel;
	return 0;
}

static int console_ioctl(struct file *f, unsigned req, void *arg)
{
	int fd = console_fd(f);

	switch (req) {
	case LINUX_TCGETS:
		return console_tcgets(fd, arg);
	case LINUX_TCSETS:
	case LINUX_TCSETSW:
	case LINUX_TCSETSF:
		return console_tcsets(fd, req, arg);
	case LINUX_TIOCGWINSZ:
	case LINUX_TIOCSWINSZ:
		return console_winsz(fd, req, arg);
	case LINUX_TIOCGPGRP:
		if (!console_is_tty(fd))
			return -LINUX_ENOTTY;
		/* the guest's session is the foreground one */
		*(int32_t *)arg = procfs_current_pid();
		return 0;
	case LINUX_TIOCSPGRP:
		return console_is_tty(fd) ? 0 : -LINUX_ENOTTY;
	case LINUX_FIONREAD: {
		int n = 0;

		if (ioctl(fd, FIONREAD, &n) < 0)
			return HOST_ERR();
		*(int32_t *)arg = n;
		return 0;
	}
	}
	return -LINUX_ENOTTY;
}

static const struct file_ops console_fops = {
	.read = console_read,
	.write = console_write,
	.pread = console_pread,
	.pwrite = console_pwrite,
	.llseek = console_llseek,
	.ioctl = console_ioctl,
};

int console_file_open(int hostfd, const char *path, int flags,
		      struct file **out)
{
	struct console_inode *ci = calloc(1, sizeof(*ci));
	struct stat st;
	struct file *f;
	int err;

	if (!ci)
		return -LINUX_ENOMEM;
	ci->hostfd = hostfd;
	ci->inode.ops = &console_inode_ops;
	ci->inode.fops = &console_fops;
	ci->inode.refs = 1;
	ci->inode.mode = LINUX_S_IFCHR | 0620;
	ci->inode.ino = (uint64_t)hostfd + 3;
	if (fstat(hostfd, &st) == 0) {
		if (S_ISREG(st.st_mode))
			ci->inode.mode = LINUX_S_IFREG | (st.st_mode & 0777);
		else if (S_ISFIFO(st.st_mode))
			ci->inode.mode = LINUX_S_IFIFO | (st.st_mode & 0777);
		else if (S_ISSOCK(st.st_mode))
			ci->inode.mode = LINUX_S_IFSOCK | (st.st_mode & 0777);
		else if (S_ISDIR(st.st_mode))
			ci->inode.mode = LINUX_S_IFCHR | 0620; /* odd host */
		ci->inode.ino = (uint64_t)st.st_ino;
	}
	f = file_alloc(&ci->inode, path, flags);
	inode_put(&ci->inode); /* the file holds it now */
	if (!f)
		return -LINUX_ENOMEM;
	err = console_open(&ci->inode, f);
	if (err < 0) {
		file_put(f);
		return err;
	}
	*out = f;
	return 0;
}

/*
 * Opening /dev/tty: makes f a console file on the host's terminal (the
 * first of host fds 0, 1, 2 that is a tty), replacing f->inode.  -ENXIO
 * when wax has no controlling terminal, as Linux answers.
 */
int console_open_tty(struct file *f)
{
	struct file *c;
	int fd, err;

	for (fd = 0; fd < 3; fd++)
		if (console_is_tty(fd))
			break;
	if (fd == 3)
		return -LINUX_ENXIO;
	err = console_file_open(fd, f->path, f->flags, &c);
	if (err < 0)
		return err;
	inode_put(f->inode);
	f->inode = inode_get(c->inode);
	f->ops = c->ops;
	f->fmode |= c->fmode;
	file_put(c);
	return 0;
}

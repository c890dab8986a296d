/*
 * Pipes: an in-memory ring buffer of PIPE_CAPACITY (64 KiB) bytes shared
 * by a read end and a write end.  Blocking ends wait on a condition
 * variable, so pipes are ready for guest threads; O_NONBLOCK ends answer
 * -EAGAIN.  Writes of at most PIPE_BUF bytes are atomic.  Writing with no
 * reader left answers -EPIPE (the syscall layer raises SIGPIPE).
 *
 * Layer: fs/ (a filesystem without a mount: "pipefs").  Callers:
 * syscalls/ (pipe, pipe2), procfs (re-opening /proc/self/fd/N).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"

#define PIPE_BUF_ATOMIC 4096

struct pipe {
	struct inode inode;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* data, space, or an end closed */
	uint8_t *buf;
	size_t head, len; /* ring: bytes [head, head+len) */
	int readers, writers;
};

static const struct inode_ops pipe_inode_ops;
static const struct file_ops pipe_read_ops, pipe_write_ops;
static struct super pipefs_sb = {.fstype = "pipefs"};
static uint64_t pipe_next_ino = 1000;

static struct pipe *P(struct file *f)
{
	return container_of(f->inode, struct pipe, inode);
}

static int64_t pipe_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	struct pipe *p = P(f);
	size_t done = 0;
	int64_t r;

	if (n == 0)
		return 0;
	pthread_mutex_lock(&p->lock);
	while (p->len == 0) {
		if (p->writers == 0) {
			r = 0;
			goto out_unlock;
		}
		if (f->flags & LINUX_O_NONBLOCK) {
			r = -LINUX_EAGAIN;
			goto out_unlock;
		}
		pthread_cond_wait(&p->cond, &p->lock);
	}
	while (done < n && p->len > 0) {
		size_t chunk = MIN(n - done, p->len);

		chunk = MIN(chunk, PIPE_CAPACITY - p->head);
		memcpy((uint8_t *)buf + done, p->buf + p->head, chunk);
		p->head = (p->head + chunk) % PIPE_CAPACITY;
		p->len -= chunk;
		done += chunk;
	}
	if (p->len == 0)
		p->head = 0;
	pthread_cond_broadcast(&p->cond);
	r = (int64_t)done;
out_unlock:
	pthread_mutex_unlock(&p->lock);
	return r;
}

static int64_t pipe_write(struct file *f, const void *buf, size_t n,
			  uint64_t *pos)
{
	struct pipe *p = P(f);
	bool nonblock = f->flags & LINUX_O_NONBLOCK;
	size_t done = 0;
	int64_t r;

	if (n == 0)
		return 0;
	pthread_mutex_lock(&p->lock);
	while (done < n) {
		size_t space, tail, chunk;

		if (p->readers == 0) {
			r = done ? (int64_t)done : -LINUX_EPIPE;
			goto out_unlock;
		}
		space = PIPE_CAPACITY - p->len;
		/* small writes go in whole or wait */
		if (space == 0 || (n <= PIPE_BUF_ATOMIC && space < n - done)) {
			if (nonblock) {
				r = done ? (int64_t)done : -LINUX_EAGAIN;
				goto out_unlock;
			}
			pthread_cond_wait(&p->cond, &p->lock);
			continue;
		}
		tail = (p->head + p->len) % PIPE_CAPACITY;
		chunk = MIN(n - done, space);
		chunk = MIN(chunk, PIPE_CAPACITY - tail);
		memcpy(p->buf + tail, (const uint8_t *)buf + done, chunk);
		p->len += chunk;
		done += chunk;
		pthread_cond_broadcast(&p->cond);
	}
	r = (int64_t)done;
out_unlock:
	pthread_mutex_unlock(&p->lock);
	return r;
}

static int pipe_nread(struct file *f)
{
	struct pipe *p = P(f);
	int n;

	pthread_mutex_lock(&p->lock);
	n = (int)p->len;
	pthread_mutex_unlock(&p->lock);
	return n;
}

static int pipe_ioctl(struct file *f, unsigned req, void *arg)
{
	if (req == LINUX_FIONREAD) {
		*(int32_t *)arg = pipe_nread(f);
		return 0;
	}
	return -LINUX_ENOTTY;
}

static void pipe_release_end(struct file *f)
{
	struct pipe *p = P(f);

	pthread_mutex_lock(&p->lock);
	if (f->ops == &pipe_read_ops)
		p->readers--;
	else
		p->writers--;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

static const struct file_ops pipe_read_ops = {
	.read = pipe_read,
	.ioctl = pipe_ioctl,
	.nread = pipe_nread,
	.release = pipe_release_end,
};

static const struct file_ops pipe_write_ops = {
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.nread = pipe_nread,
	.release = pipe_release_end,
};

/* Opening an end again (/proc/self/fd/N): like a FIFO, by access mode. */
static int pipe_open(struct inode *ino, struct file *f)
{
	struct pipe *p = container_of(ino, struct pipe, inode);
	int acc = f->flags & LINUX_O_ACCMODE;

	if (acc == LINUX_O_RDWR)
		return -LINUX_EINVAL; /* one end per file here */
	pthread_mutex_lock(&p->lock);
	if (acc == LINUX_O_RDONLY) {
		f->ops = &pipe_read_ops;
		p->readers++;
	} else {
		f->ops = &pipe_write_ops;
		p->writers++;
	}
	pthread_mutex_unlock(&p->lock);
	f->fmode |= FILE_STREAM;
	return 0;
}

static int pipe_getattr(struct inode *ino, struct kstat *k)
{
	struct pipe *p = container_of(ino, struct pipe, inode);

	pthread_mutex_lock(&p->lock);
	k->size = 0;
	pthread_mutex_unlock(&p->lock);
	k->dev = linux_makedev(0, 12);
	k->blksize = 4096;
	return 0;
}

static void pipe_release(struct inode *ino)
{
	struct pipe *p = container_of(ino, struct pipe, inode);

	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	free(p->buf);
	free(p);
}

static const struct inode_ops pipe_inode_ops = {
	.getattr = pipe_getattr,
	.open = pipe_open,
	.release = pipe_release,
};

static struct file *pipe_end(struct pipe *p, int flags,
			     const struct file_ops *ops)
{
	char name[40];
	struct file *f;

	snprintf(name, sizeof(name), "pipe:[%llu]",
		 (unsigned long long)p->inode.ino);
	f = file_alloc(&p->inode, name, flags);
	if (!f)
		return NULL;
	f->ops = ops;
	f->fmode |= FILE_STREAM;
	return f;
}

int pipe_create(int flags, struct file **rd, struct file **wr)
{
	struct pipe *p = calloc(1, sizeof(*p));
	int st = flags & (LINUX_O_NONBLOCK | LINUX_O_DIRECT);

	if (!p)
		return -LINUX_ENOMEM;
	p->buf = malloc(PIPE_CAPACITY);
	if (!p->buf) {
		free(p);
		return -LINUX_ENOMEM;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	p->inode.ops = &pipe_inode_ops;
	p->inode.sb = &pipefs_sb;
	p->inode.mode = LINUX_S_IFIFO | 0600;
	p->inode.ino = __atomic_fetch_add(&pipe_next_ino, 1, __ATOMIC_RELAXED);
	p->inode.refs = 1;
	p->readers = p->writers = 1;
	*rd = pipe_end(p, LINUX_O_RDONLY | st, &pipe_read_ops);
	*wr = pipe_end(p, LINUX_O_WRONLY | st, &pipe_write_ops);
	if (!*rd || !*wr) {
		/* the release hooks balance the counts of ends that exist */
		if (!*rd)
			p->readers = 0;
		if (!*wr)
			p->writers = 0;
		file_put(*rd);
		file_put(*wr);
		inode_put(&p->inode);
		return -LINUX_ENOMEM;
	}
	inode_put(&p->inode); /* the ends hold it */
	return 0;
}

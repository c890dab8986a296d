/*
 * Per-process file descriptor tables: fd -> open file plus the
 * close-on-exec bit, lowest-free allocation as POSIX requires.  Each slot
 * holds a reference to its file.
 *
 * Layer: fs/ core.  Callers: syscalls/ (open, dup, close, fork, execve),
 * procfs (/proc/self/fd).
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"

#define FDTABLE_DEFAULT_MAX 1024
#define FDTABLE_HARD_MAX    65536

struct fd_slot {
	struct file *file;
	bool cloexec;
};

struct fdtable {
	pthread_mutex_t lock;
	int refs;
	int size; /* slots allocated */
	int max;  /* RLIMIT_NOFILE */
	struct fd_slot *slots;
};

struct fdtable *fdtable_create(void)
{
	struct fdtable *ft = calloc(1, sizeof(*ft));

	if (!ft)
		return NULL;
	pthread_mutex_init(&ft->lock, NULL);
	ft->refs = 1;
	ft->max = FDTABLE_DEFAULT_MAX;
	return ft;
}

struct fdtable *fdtable_clone(struct fdtable *ft)
{
	struct fdtable *n = fdtable_create();

	if (!n)
		return NULL;
	pthread_mutex_lock(&ft->lock);
	n->max = ft->max;
	n->slots = calloc((size_t)(ft->size ? ft->size : 1), sizeof(*n->slots));
	if (!n->slots) {
		pthread_mutex_unlock(&ft->lock);
		free(n);
		return NULL;
	}
	n->size = ft->size;
	for (int i = 0; i < ft->size; i++) {
		n->slots[i] = ft->slots[i];
		if (n->slots[i].file)
			file_get(n->slots[i].file);
	}
	pthread_mutex_unlock(&ft->lock);
	return n;
}

void fdtable_put(struct fdtable *ft)
{
	if (!ft || __atomic_sub_fetch(&ft->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	for (int i = 0; i < ft->size; i++)
		file_put(ft->slots[i].file);
	free(ft->slots);
	pthread_mutex_destroy(&ft->lock);
	free(ft);
}

void fdtable_close_on_exec(struct fdtable *ft)
{
	for (;;) {
		struct file *f = NULL;

		pthread_mutex_lock(&ft->lock);
		for (int i = 0; i < ft->size; i++) {
			if (ft->slots[i].file && ft->slots[i].cloexec) {
				f = ft->slots[i].file;
				ft->slots[i].file = NULL;
				ft->slots[i].cloexec = false;
				break;
			}
		}
		pthread_mutex_unlock(&ft->lock);
		if (!f)
			return;
		file_put(f); /* outside the lock: release may block */
	}
}

/* Makes sure slot fd exists; called with the lock held. */
static int fdtable_grow(struct fdtable *ft, int fd)
{
	int size;
	struct fd_slot *s;

	if (fd < ft->size)
		return 0;
	size = ft->size ? ft->size : 64;
	while (size <= fd)
		size *= 2;
	s = realloc(ft->slots, (size_t)size * sizeof(*s));
	if (!s)
		return -LINUX_ENOMEM;
	memset(s + ft->size, 0, (size_t)(size - ft->size) * sizeof(*s));
	ft->slots = s;
	ft->size = size;
	return 0;
}

int fdtable_install(struct fdtable *ft, struct file *f, int min, bool cloexec)
{
	int fd, err;

	if (min < 0)
		return -LINUX_EINVAL;
	pthread_mutex_lock(&ft->lock);
	for (fd = min; fd < ft->max; fd++)
		if (fd >= ft->size || !ft->slots[fd].file)
			break;
	if (fd >= ft->max) {
		err = min >= ft->max ? -LINUX_EINVAL : -LINUX_EMFILE;
		goto out_unlock;
	}
	err = fdtable_grow(ft, fd);
	if (err < 0)
		goto out_unlock;
	file_get(f);
	ft->slots[fd].file = f;
	ft->slots[fd].cloexec = cloexec;
	err = fd;
out_unlock:
	pthread_mutex_unlock(&ft->lock);
	return err;
}

int fdtable_install_at(struct fdtable *ft, struct file *f, int fd, bool cloexec)
{
	struct file *old = NULL;
	int err;

	if (fd < 0)
		return -LINUX_EBADF;
	pthread_mutex_lock(&ft->lock);
	if (fd >= ft->max) {
		err = -LINUX_EBADF;
		goto out_unlock;
	}
	err = fdtable_grow(ft, fd);
	if (err < 0)
		goto out_unlock;
	old = ft->slots[fd].file;
	file_get(f);
	ft->slots[fd].file = f;
	ft->slots[fd].cloexec = cloexec;
	err = fd;
out_unlock:
	pthread_mutex_unlock(&ft->lock);
	file_put(old);
	return err;
}

struct file *fdtable_get(struct fdtable *ft, int fd)
{
	struct file *f = NULL;

	if (fd < 0)
		return NULL;
	pthread_mutex_lock(&ft->lock);
	if (fd < ft->size && ft->slots[fd].file) {
		f = ft->slots[fd].file;
		file_get(f);
	}
	pthread_mutex_unlock(&ft->lock);
	return f;
}

int fdtable_close(struct fdtable *ft, int fd)
{
	struct file *f = NULL;

	if (fd < 0)
		return -LINUX_EBADF;
	pthread_mutex_lock(&ft->lock);
	if (fd < ft->size) {
		f = ft->slots[fd].file;
		ft->slots[fd].file = NULL;
		ft->slots[fd].cloexec = false;
	}
	pthread_mutex_unlock(&ft->lock);
	if (!f)
		return -LINUX_EBADF;
	file_put(f);
	return 0;
}

int fdtable_get_cloexec(struct fdtable *ft, int fd)
{
	int r = -LINUX_EBADF;

	pthread_mutex_lock(&ft->lock);
	if (fd >= 0 && fd < ft->size && ft->slots[fd].file)
		r = ft->slots[fd].cloexec;
	pthread_mutex_unlock(&ft->lock);
	return r;
}

int fdtable_set_cloexec(struct fdtable *ft, int fd, bool cloexec)
{
	int r = -LINUX_EBADF;

	pthread_mutex_lock(&ft->lock);
	if (fd >= 0 && fd < ft->size && ft->slots[fd].file) {
		ft->slots[fd].cloexec = cloexec;
		r = 0;
	}
	pthread_mutex_unlock(&ft->lock);
	return r;
}

int fdtable_max(struct fdtable *ft)
{
	return ft->max;
}

void fdtable_set_max(struct fdtable *ft, int max)
{
	if (max < 0 || max > FDTABLE_HARD_MAX)
		max = FDTABLE_HARD_MAX;
	ft->max = max;
}

void fdtable_foreach(struct fdtable *ft,
		     void (*fn)(void *ctx, int fd, struct file *f), void *ctx)
{
	for (int fd = 0;; fd++) {
		struct file *f;

		pthread_mutex_lock(&ft->lock);
		if (fd >= ft->size) {
			pthread_mutex_unlock(&ft->lock);
			return;
		}
		f = ft->slots[fd].file;
		if (f)
			file_get(f);
		pthread_mutex_unlock(&ft->lock);
		if (f) {
			fn(ctx, fd, f);
			file_put(f);
		}
	}
}

int fdtable_open_console(struct fdtable *ft)
{
	static const int acc[3] = {LINUX_O_RDWR, LINUX_O_RDWR, LINUX_O_RDWR};

	for (int fd = 0; fd < 3; fd++) {
		struct file *f;
		int err = console_file_open(fd, "/dev/tty", acc[fd], &f);

		if (err < 0)
			return err;
		err = fdtable_install_at(ft, f, fd, false);
		file_put(f);
		if (err < 0)
			return err;
	}
	return 0;
}

struct fdtable *fdtable_get_ref(struct fdtable *ft)
{
	__atomic_add_fetch(&ft->refs, 1, __ATOMIC_RELAXED);
	return ft;
}

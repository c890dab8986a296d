/*
 * Per-process fs context: the current directory (as a canonical guest
 * path) and the umask.  Shared between threads, and later between
 * processes created with CLONE_FS, hence the reference count and lock.
 *
 * Layer: fs/ core.  Callers: syscalls/ (process creation, chdir, umask),
 * namei.c (relative paths).
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"

struct fs_context {
	pthread_mutex_t lock;
	int refs;
	char *cwd;
	unsigned umask;
};

struct fs_context *fs_context_create(void)
{
	struct fs_context *fs = calloc(1, sizeof(*fs));

	if (!fs)
		return NULL;
	fs->cwd = strdup("/");
	if (!fs->cwd) {
		free(fs);
		return NULL;
	}
	pthread_mutex_init(&fs->lock, NULL);
	fs->refs = 1;
	fs->umask = 022;
	return fs;
}

/* A copy for fork (not shared); NULL when out of memory. */
struct fs_context *fs_context_clone(struct fs_context *fs)
{
	struct fs_context *n = fs_context_create();

	if (!n)
		return NULL;
	pthread_mutex_lock(&fs->lock);
	free(n->cwd);
	n->cwd = strdup(fs->cwd);
	n->umask = fs->umask;
	pthread_mutex_unlock(&fs->lock);
	if (!n->cwd) {
		free(n);
		return NULL;
	}
	return n;
}

void fs_context_put(struct fs_context *fs)
{
	if (!fs || __atomic_sub_fetch(&fs->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	pthread_mutex_destroy(&fs->lock);
	free(fs->cwd);
	free(fs);
}

/*
 * The cwd string stays valid until the next chdir of this context; the
 * walk copies it at once (a racing chdir from another thread of the same
 * process is the guest's own race, as on Linux).
 */
const char *fs_context_cwd(struct fs_context *fs)
{
	return fs ? fs->cwd : "/";
}

int fs_context_chdir(struct fs_context *fs, const char *path)
{
	char *p = strdup(path);

	if (!p)
		return -LINUX_ENOMEM;
	pthread_mutex_lock(&fs->lock);
	/* the old string is leaked on purpose only if another thread could
	 * still be reading it; single-threaded for now, so free it */
	free(fs->cwd);
	fs->cwd = p;
	pthread_mutex_unlock(&fs->lock);
	return 0;
}

unsigned fs_context_umask(struct fs_context *fs, unsigned mask)
{
	unsigned old;

	pthread_mutex_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	pthread_mutex_unlock(&fs->lock);
	return old;
}

unsigned fs_context_get_umask(struct fs_context *fs)
{
	return fs ? fs->umask : 022;
}

struct fs_context *fs_context_get(struct fs_context *fs)
{
	__atomic_add_fetch(&fs->refs, 1, __ATOMIC_RELAXED);
	return fs;
}

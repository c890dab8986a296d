/*
 * Generic inodes and open-file objects of the VFS: reference counting,
 * and the one place where a NULL slot of struct inode_ops is answered.
 *
 * Layer: fs/ core.  Callers: namei.c, vfs_path.c, file.c, every
 * filesystem, and syscalls/ through the vfs_* calls.
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"

struct inode *inode_get(struct inode *ino)
{
	if (ino)
		__atomic_add_fetch(&ino->refs, 1, __ATOMIC_RELAXED);
	return ino;
}

void inode_put(struct inode *ino)
{
	if (!ino)
		return;
	if (__atomic_sub_fetch(&ino->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (ino->ops && ino->ops->release)
		ino->ops->release(ino);
}

uint64_t inode_dev(struct inode *ino)
{
	return ino->sb ? ino->sb->dev : 0;
}

unsigned linux_dtype_of_mode(uint32_t mode)
{
	switch (mode & LINUX_S_IFMT) {
	case LINUX_S_IFIFO:
		return LINUX_DT_FIFO;
	case LINUX_S_IFCHR:
		return LINUX_DT_CHR;
	case LINUX_S_IFDIR:
		return LINUX_DT_DIR;
	case LINUX_S_IFBLK:
		return LINUX_DT_BLK;
	case LINUX_S_IFREG:
		return LINUX_DT_REG;
	case LINUX_S_IFLNK:
		return LINUX_DT_LNK;
	case LINUX_S_IFSOCK:
		return LINUX_DT_SOCK;
	}
	return LINUX_DT_UNKNOWN;
}

/*
 * Returns a file holding a reference to ino, refcount 1, or NULL when out
 * of host memory.  f->ops is left for the opener to set.
 */
struct file *file_alloc(struct inode *ino, const char *path, int flags)
{
	struct file *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->path = strdup(path ? path : "");
	if (!f->path) {
		free(f);
		return NULL;
	}
	f->inode = inode_get(ino);
	f->flags = flags;
	f->refs = 1;
	pthread_mutex_init(&f->pos_lock, NULL);
	return f;
}

void file_get(struct file *f)
{
	__atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED);
}

void file_put(struct file *f)
{
	if (!f)
		return;
	if (__atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (f->ops && f->ops->release)
		f->ops->release(f);
	inode_put(f->inode);
	pthread_mutex_destroy(&f->pos_lock);
	free(f->path);
	free(f);
}

const char *file_path(struct file *f)
{
	return f->path;
}

/* Fills what a filesystem's getattr may leave out. */
int vfs_getattr(struct inode *ino, struct kstat *st)
{
	int err = 0;

	memset(st, 0, sizeof(*st));
	st->dev = inode_dev(ino);
	st->ino = ino->ino;
	st->mode = ino->mode;
	st->nlink = 1;
	st->blksize = 4096;
	if (ino->ops && ino->ops->getattr)
		err = ino->ops->getattr(ino, st);
	return err;
}

int vfs_setattr(struct inode *ino, const struct iattr *ia)
{
	if (!ino->ops || !ino->ops->setattr)
		return -LINUX_EPERM;
	return ino->ops->setattr(ino, ia);
}

int vfs_readlink_inode(struct inode *ino, char *buf, size_t len)
{
	if (!inode_is_lnk(ino) || !ino->ops || !ino->ops->readlink)
		return -LINUX_EINVAL;
	return ino->ops->readlink(ino, buf, len);
}

int vfs_statfs(struct inode *ino, struct kstatfs *st)
{
	memset(st, 0, sizeof(*st));
	st->bsize = 4096;
	st->frsize = 4096;
	st->namelen = LINUX_NAME_MAX;
	if (!ino->ops || !ino->ops->statfs)
		return 0;
	return ino->ops->statfs(ino, st);
}

/* The guest's identity for permission checks (one guest process so far). */
static struct fs_cred vfs_cred;
static pthread_mutex_t vfs_cred_lock = PTHREAD_MUTEX_INITIALIZER;

void vfs_set_cred(const struct fs_cred *c)
{
	pthread_mutex_lock(&vfs_cred_lock);
	vfs_cred = *c;
	if (vfs_cred.ngroups < 0)
		vfs_cred.ngroups = 0;
	if (vfs_cred.ngroups > FS_CRED_NGROUPS)
		vfs_cred.ngroups = FS_CRED_NGROUPS;
	pthread_mutex_unlock(&vfs_cred_lock);
}

static bool cred_in_group(const struct fs_cred *c, uint32_t gid)
{
	if (c->gid == gid)
		return true;
	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

/*
 * access(2), Linux's generic_permission: the filesystem's check when it
 * has one; else root may read and write anything and execute what has
 * any x bit (or is a directory); others get the owner, group or other
 * bits, whichever class they fall in first.
 */
int vfs_access_inode(struct inode *ino, int mode)
{
	struct fs_cred c;
	struct kstat st = {0};
	uint32_t want = (uint32_t)mode & 7u, bits;
	int err;

	if (ino->ops && ino->ops->access)
		return ino->ops->access(ino, mode);
	err = vfs_getattr(ino, &st);
	if (err < 0)
		return err;
	pthread_mutex_lock(&vfs_cred_lock);
	c = vfs_cred;
	pthread_mutex_unlock(&vfs_cred_lock);
	if (c.uid == 0) {
		if ((want & LINUX_X_OK) && !(st.mode & 0111) &&
		    (st.mode & LINUX_S_IFMT) != LINUX_S_IFDIR)
			return -LINUX_EACCES;
		return 0;
	}
	if (st.uid == c.uid)
		bits = (st.mode >> 6) & 7u;
	else if (cred_in_group(&c, st.gid))
		bits = (st.mode >> 3) & 7u;
	else
		bits = st.mode & 7u;
	return (want & ~bits) ? -LINUX_EACCES : 0;
}

/*
 * Operations on open files: read/write at the file position (under the
 * position lock, so threads sharing a file see POSIX semantics), pread,
 * lseek, getdents iteration, ioctl, fsync, ftruncate.  A NULL slot of
 * struct file_ops is answered here and nowhere else.
 *
 * Layer: fs/ core.  Callers: syscalls/ (sys_file.c, sys_fd.c, ...),
 * frontend/ (the ELF loader's vfs_pread).
 */
#include "fs.h"

static bool file_readable(struct file *f)
{
	int acc = f->flags & LINUX_O_ACCMODE;

	return !(f->fmode & FILE_OPATH) &&
	       (acc == LINUX_O_RDONLY || acc == LINUX_O_RDWR);
}

static bool file_writable(struct file *f)
{
	int acc = f->flags & LINUX_O_ACCMODE;

	return !(f->fmode & FILE_OPATH) &&
	       (acc == LINUX_O_WRONLY || acc == LINUX_O_RDWR);
}

int64_t vfs_read(struct file *f, void *buf, size_t n)
{
	int64_t r;

	if (!file_readable(f))
		return -LINUX_EBADF;
	if (inode_is_dir(f->inode))
		return -LINUX_EISDIR;
	if (!f->ops->read)
		return -LINUX_EINVAL;
	if (n > LINUX_MAX_RW_COUNT)
		n = LINUX_MAX_RW_COUNT;
	if (f->fmode & FILE_STREAM) {
		uint64_t pos = 0;

		return f->ops->read(f, buf, n, &pos);
	}
	pthread_mutex_lock(&f->pos_lock);
	r = f->ops->read(f, buf, n, &f->pos);
	pthread_mutex_unlock(&f->pos_lock);
	return r;
}

int64_t vfs_write(struct file *f, const void *buf, size_t n)
{
	int64_t r;

	if (!file_writable(f))
		return -LINUX_EBADF;
	if (!f->ops->write)
		return -LINUX_EINVAL;
	if (n > LINUX_MAX_RW_COUNT)
		n = LINUX_MAX_RW_COUNT;
	if (f->fmode & FILE_STREAM) {
		uint64_t pos = 0;

		return f->ops->write(f, buf, n, &pos);
	}
	pthread_mutex_lock(&f->pos_lock);
	if (f->flags & LINUX_O_APPEND) {
		struct kstat st;

		r = vfs_getattr(f->inode, &st);
		if (r < 0)
			goto out_unlock;
		f->pos = (uint64_t)st.size;
	}
	r = f->ops->write(f, buf, n, &f->pos);
out_unlock:
	pthread_mutex_unlock(&f->pos_lock);
	return r;
}

/* pread(2): -ESPIPE on pipes and ttys; the file position is untouched. */
int64_t vfs_pread(struct file *f, void *buf, size_t n, uint64_t off)
{
	uint64_t pos = off;

	if (!file_readable(f))
		return -LINUX_EBADF;
	if (inode_is_dir(f->inode))
		return -LINUX_EISDIR;
	if (f->fmode & FILE_STREAM)
		return -LINUX_ESPIPE;
	if ((int64_t)off < 0)
		return -LINUX_EINVAL;
	if (n > LINUX_MAX_RW_COUNT)
		n = LINUX_MAX_RW_COUNT;
	if (f->ops->pread)
		return f->ops->pread(f, buf, n, off);
	if (!f->ops->read)
		return -LINUX_EINVAL;
	return f->ops->read(f, buf, n, &pos);
}

int64_t vfs_pwrite(struct file *f, const void *buf, size_t n, uint64_t off)
{
	uint64_t pos = off;

	if (!file_writable(f))
		return -LINUX_EBADF;
	if (f->fmode & FILE_STREAM)
		return -LINUX_ESPIPE;
	if ((int64_t)off < 0)
		return -LINUX_EINVAL;
	if (n > LINUX_MAX_RW_COUNT)
		n = LINUX_MAX_RW_COUNT;
	if (f->ops->pwrite)
		return f->ops->pwrite(f, buf, n, off);
	if (!f->ops->write)
		return -LINUX_EINVAL;
	return f->ops->write(f, buf, n, &pos);
}

/* lseek(2) over the size the inode reports; no SEEK_DATA/HOLE holes. */
int64_t generic_llseek(struct file *f, int64_t off, int whence)
{
	struct kstat st;
	int64_t base;
	int err;

	switch (whence) {
	case LINUX_SEEK_SET:
		base = 0;
		break;
	case LINUX_SEEK_CUR:
		base = (int64_t)f->pos;
		break;
	case LINUX_SEEK_END:
	case LINUX_SEEK_DATA:
	case LINUX_SEEK_HOLE:
		err = vfs_getattr(f->inode, &st);
		if (err < 0)
			return err;
		if (whence == LINUX_SEEK_END) {
			base = st.size;
			break;
		}
		if (off < 0 || off >= st.size)
			return -LINUX_ENXIO;
		if (whence == LINUX_SEEK_HOLE)
			off = st.size;
		base = 0;
		break;
	default:
		return -LINUX_EINVAL;
	}
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		return -LINUX_EINVAL;
	f->pos = (uint64_t)(base + off);
	return base + off;
}

int64_t vfs_lseek(struct file *f, int64_t off, int whence)
{
	int64_t r;

	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (f->fmode & FILE_STREAM)
		return -LINUX_ESPIPE;
	pthread_mutex_lock(&f->pos_lock);
	if (f->ops->llseek)
		r = f->ops->llseek(f, off, whence);
	else
		r = generic_llseek(f, off, whence);
	pthread_mutex_unlock(&f->pos_lock);
	return r;
}

/* getdents: ctx->pos starts at f->pos and is stored back. */
int vfs_iterate(struct file *f, struct dir_context *ctx)
{
	int r;

	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (!inode_is_dir(f->inode) || !f->ops->iterate)
		return -LINUX_ENOTDIR;
	pthread_mutex_lock(&f->pos_lock);
	ctx->pos = (int64_t)f->pos;
	r = f->ops->iterate(f, ctx);
	f->pos = (uint64_t)ctx->pos;
	pthread_mutex_unlock(&f->pos_lock);
	return r;
}

int vfs_ioctl(struct file *f, unsigned req, void *arg)
{
	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (!f->ops->ioctl)
		return -LINUX_ENOTTY;
	return f->ops->ioctl(f, req, arg);
}

int vfs_fsync(struct file *f, bool datasync)
{
	if (f->fmode & FILE_OPATH)
		return -LINUX_EBADF;
	if (!f->ops->fsync)
		return (f->fmode & FILE_STREAM) ? -LINUX_EINVAL : 0;
	return f->ops->fsync(f, datasync);
}

int vfs_ftruncate(struct file *f, int64_t len)
{
	if (len < 0)
		return -LINUX_EINVAL;
	if (!file_writable(f))
		return (f->fmode & FILE_OPATH) ? -LINUX_EBADF : -LINUX_EINVAL;
	if (inode_is_dir(f->inode))
		return -LINUX_EISDIR;
	if ((f->inode->mode & LINUX_S_IFMT) != LINUX_S_IFREG)
		return -LINUX_EINVAL;
	if (f->ops->truncate)
		return f->ops->truncate(f, len);
	return vfs_setattr(f->inode,
			   &(struct iattr){.valid = ATTR_SIZE, .size = len});
}

int vfs_nread(struct file *f)
{
	if (!f->ops->nread)
		return -LINUX_ENOTTY;
	return f->ops->nread(f);
}

int vfs_fstat(struct file *f, struct kstat *st)
{
	return vfs_getattr(f->inode, st);
}

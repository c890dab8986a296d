/*
 * Directory and name syscalls: getdents(2), getdents64(2), mkdir(2),
 * mkdirat(2), rmdir(2), unlink(2), unlinkat(2), rename(2), renameat(2),
 * renameat2(2), link(2), linkat(2), symlink(2), symlinkat(2),
 * readlink(2), readlinkat(2), getcwd(2), chdir(2), fchdir(2), mknod(2),
 * mknodat(2) (regular files and FIFOs; device and socket nodes -EPERM).
 *
 * Layer: syscalls/.  Called through the dispatch table; calls into fs/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sys_fs.h"

/* ---- getdents ---- */

struct dents_ctx {
	struct dir_context ctx;
	uint8_t *buf;
	size_t used, cap;
	bool old;  /* struct linux_dirent (getdents) */
	bool full; /* an entry did not fit */
};

static bool dents_emit(struct dir_context *dc, const char *name, size_t len,
		       uint64_t ino, unsigned dtype)
{
	struct dents_ctx *d = container_of(dc, struct dents_ctx, ctx);
	size_t hdr = d->old ? offsetof(struct linux_dirent, d_name)
			    : offsetof(struct linux_dirent64, d_name);
	/* old format: name, NUL, then d_type in the record's last byte */
	size_t reclen = (hdr + len + (d->old ? 2 : 1) + 7) & ~(size_t)7;
	uint8_t *p = d->buf + d->used;
	uint16_t rl = (uint16_t)reclen;
	int64_t next = dc->pos + 1;

	if (d->used + reclen > d->cap) {
		d->full = true;
		return false;
	}
	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &next, 8);
	memcpy(p + 16, &rl, 2);
	if (d->old) {
		memcpy(p + hdr, name, len);
		p[reclen - 1] = (uint8_t)dtype;
	} else {
		p[18] = (uint8_t)dtype;
		memcpy(p + hdr, name, len);
	}
	d->used += reclen;
	return true;
}

static int64_t do_getdents(struct task *t, uint64_t fd, gaddr ubuf,
			   uint64_t count, bool old)
{
	struct dents_ctx d = {.ctx.emit = dents_emit, .old = old};
	struct file *f = sys_fget(t, fd);
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	d.cap = (size_t)MIN((uint64_t)(uint32_t)count, (uint64_t)SYS_IO_CHUNK);
	d.buf = malloc(d.cap ? d.cap : 1);
	if (!d.buf) {
		r = -LINUX_ENOMEM;
		goto out_put;
	}
	r = vfs_iterate(f, &d.ctx);
	if (r < 0)
		goto out_free;
	if (d.used == 0 && d.full) {
		r = -LINUX_EINVAL; /* buffer too small for the next entry */
		goto out_free;
	}
	r = copy_to_user(t, ubuf, d.buf, d.used) < 0 ? -LINUX_EFAULT
						     : (int64_t)d.used;
out_free:
	free(d.buf);
out_put:
	file_put(f);
	return r;
}

/* getdents(2) */
int64_t sys_getdents(struct task *t, uint64_t fd, uint64_t buf, uint64_t count,
		     uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_getdents(t, fd, buf, count, true);
}

/* getdents64(2) */
int64_t sys_getdents64(struct task *t, uint64_t fd, uint64_t buf,
		       uint64_t count, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_getdents(t, fd, buf, count, false);
}

/* ---- names ---- */

#define AT_FDCWD_ARG ((uint64_t)(int64_t)LINUX_AT_FDCWD)

/* Copies path and resolves its starting directory (see sys_at_dir). */
static int get_at(struct task *t, uint64_t dirfd, gaddr upath, char *path,
		  const char **dir, struct file **hold)
{
	int r = sys_get_path(t, upath, path, false);

	if (r < 0)
		return r;
	return sys_at_dir(t, dirfd, path, dir, hold);
}

static int64_t do_mkdirat(struct task *t, uint64_t dirfd, gaddr upath,
			  uint64_t mode)
{
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold;
	int r = get_at(t, dirfd, upath, path, &dir, &hold);

	if (r < 0)
		return r;
	r = vfs_mkdir(t->proc->fs, dir, path, (uint32_t)mode);
	file_put(hold);
	return r;
}

/* mkdir(2) */
int64_t sys_mkdir(struct task *t, uint64_t path, uint64_t mode, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_mkdirat(t, AT_FDCWD_ARG, path, mode);
}

/* mkdirat(2) */
int64_t sys_mkdirat(struct task *t, uint64_t dirfd, uint64_t path,
		    uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_mkdirat(t, dirfd, path, mode);
}

/* mknodat(2): may_mknod's type check first, then the path. */
static int64_t do_mknodat(struct task *t, uint64_t dirfd, gaddr upath,
			  uint64_t umode, uint64_t dev)
{
	uint32_t mode = (uint16_t)umode; /* umode_t */
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold;
	int r;

	switch (mode & LINUX_S_IFMT) {
	case 0:
	case LINUX_S_IFREG:
	case LINUX_S_IFCHR:
	case LINUX_S_IFBLK:
	case LINUX_S_IFIFO:
	case LINUX_S_IFSOCK:
		break;
	case LINUX_S_IFDIR:
		return -LINUX_EPERM;
	default:
		return -LINUX_EINVAL;
	}
	r = get_at(t, dirfd, upath, path, &dir, &hold);
	if (r < 0)
		return r;
	/* Device nodes are -EPERM from the filesystem, as for a process
	 * without CAP_MKNOD: wax never makes host device nodes, even as
	 * root. */
	r = vfs_mknod(t->proc->fs, dir, path, mode, (uint32_t)dev);
	file_put(hold);
	return r;
}

/* mknod(2) */
int64_t sys_mknod(struct task *t, uint64_t path, uint64_t mode, uint64_t dev,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_mknodat(t, AT_FDCWD_ARG, path, mode, dev);
}

/* mknodat(2) */
int64_t sys_mknodat(struct task *t, uint64_t dirfd, uint64_t path,
		    uint64_t mode, uint64_t dev, uint64_t a4, uint64_t a5)
{
	return do_mknodat(t, dirfd, path, mode, dev);
}

static int64_t do_unlinkat(struct task *t, uint64_t dirfd, gaddr upath,
			   uint64_t flags)
{
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold;
	int r;

	if (flags & ~(uint64_t)LINUX_AT_REMOVEDIR)
		return -LINUX_EINVAL;
	r = get_at(t, dirfd, upath, path, &dir, &hold);
	if (r < 0)
		return r;
	if (flags & LINUX_AT_REMOVEDIR)
		r = vfs_rmdir(t->proc->fs, dir, path);
	else
		r = vfs_unlink(t->proc->fs, dir, path);
	file_put(hold);
	return r;
}

/* unlink(2) */
int64_t sys_unlink(struct task *t, uint64_t path, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_unlinkat(t, AT_FDCWD_ARG, path, 0);
}

/* rmdir(2) */
int64_t sys_rmdir(struct task *t, uint64_t path, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_unlinkat(t, AT_FDCWD_ARG, path, LINUX_AT_REMOVEDIR);
}

/* unlinkat(2) */
int64_t sys_unlinkat(struct task *t, uint64_t dirfd, uint64_t path,
		     uint64_t flags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_unlinkat(t, dirfd, path, flags);
}

static int64_t do_renameat2(struct task *t, uint64_t odirfd, gaddr uold,
			    uint64_t ndirfd, gaddr unew, uint64_t flags)
{
	char *opath = malloc(2 * LINUX_PATH_MAX), *npath;
	const char *odir, *ndir;
	struct file *ohold = NULL, *nhold = NULL;
	int r;

	if (!opath)
		return -LINUX_ENOMEM;
	npath = opath + LINUX_PATH_MAX;
	r = get_at(t, odirfd, uold, opath, &odir, &ohold);
	if (r < 0)
		goto out_free;
	r = get_at(t, ndirfd, unew, npath, &ndir, &nhold);
	if (r < 0)
		goto out_put;
	r = vfs_rename(t->proc->fs, odir, opath, ndir, npath, (unsigned)flags);
out_put:
	file_put(ohold);
	file_put(nhold);
out_free:
	free(opath);
	return r;
}

/* rename(2) */
int64_t sys_rename(struct task *t, uint64_t oldp, uint64_t newp, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_renameat2(t, AT_FDCWD_ARG, oldp, AT_FDCWD_ARG, newp, 0);
}

/* renameat(2) */
int64_t sys_renameat(struct task *t, uint64_t odirfd, uint64_t oldp,
		     uint64_t ndirfd, uint64_t newp, uint64_t a4, uint64_t a5)
{
	return do_renameat2(t, odirfd, oldp, ndirfd, newp, 0);
}

/*
 * renameat2(2): RENAME_NOREPLACE works; RENAME_EXCHANGE answers -EINVAL
 * on hostfs (no portable host call swaps two names).
 */
int64_t sys_renameat2(struct task *t, uint64_t odirfd, uint64_t oldp,
		      uint64_t ndirfd, uint64_t newp, uint64_t flags,
		      uint64_t a5)
{
	return do_renameat2(t, odirfd, oldp, ndirfd, newp, flags);
}

static int64_t do_linkat(struct task *t, uint64_t odirfd, gaddr uold,
			 uint64_t ndirfd, gaddr unew, uint64_t flags)
{
	char *opath = malloc(2 * LINUX_PATH_MAX), *npath;
	const char *odir, *ndir;
	struct file *ohold = NULL, *nhold = NULL;
	unsigned wf;
	int r;

	if (flags & ~(uint64_t)(LINUX_AT_SYMLINK_FOLLOW | LINUX_AT_EMPTY_PATH))
		return free(opath), -LINUX_EINVAL;
	if (!opath)
		return -LINUX_ENOMEM;
	npath = opath + LINUX_PATH_MAX;
	wf = (flags & LINUX_AT_SYMLINK_FOLLOW) ? 0 : WALK_NOFOLLOW;
	r = sys_get_path(t, uold, opath, flags & LINUX_AT_EMPTY_PATH);
	if (r < 0)
		goto out_free;
	if (opath[0] == '\0') {
		/* AT_EMPTY_PATH: link the dirfd's own file by its path */
		ohold = sys_fget(t, odirfd);
		if (!ohold) {
			r = (int)odirfd == LINUX_AT_FDCWD ? -LINUX_ENOENT
							  : -LINUX_EBADF;
			goto out_free;
		}
		snprintf(opath, LINUX_PATH_MAX, "%s", file_path(ohold));
		odir = NULL;
		wf = WALK_NOFOLLOW;
	} else {
		r = sys_at_dir(t, odirfd, opath, &odir, &ohold);
		if (r < 0)
			goto out_free;
	}
	r = get_at(t, ndirfd, unew, npath, &ndir, &nhold);
	if (r < 0)
		goto out_put;
	r = vfs_link(t->proc->fs, odir, opath, ndir, npath, wf);
out_put:
	file_put(ohold);
	file_put(nhold);
out_free:
	free(opath);
	return r;
}

/* link(2): does not follow a symlink oldpath (Linux's choice). */
int64_t sys_link(struct task *t, uint64_t oldp, uint64_t newp, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_linkat(t, AT_FDCWD_ARG, oldp, AT_FDCWD_ARG, newp, 0);
}

/* linkat(2) */
int64_t sys_linkat(struct task *t, uint64_t odirfd, uint64_t oldp,
		   uint64_t ndirfd, uint64_t newp, uint64_t flags, uint64_t a5)
{
	return do_linkat(t, odirfd, oldp, ndirfd, newp, flags);
}

static int64_t do_symlinkat(struct task *t, gaddr utarget, uint64_t dirfd,
			    gaddr upath)
{
	char *target = malloc(2 * LINUX_PATH_MAX), *path;
	const char *dir;
	struct file *hold;
	int r;

	if (!target)
		return -LINUX_ENOMEM;
	path = target + LINUX_PATH_MAX;
	r = sys_get_path(t, utarget, target, false);
	if (r < 0)
		goto out_free;
	r = get_at(t, dirfd, upath, path, &dir, &hold);
	if (r < 0)
		goto out_free;
	r = vfs_symlink(t->proc->fs, target, dir, path);
	file_put(hold);
out_free:
	free(target);
	return r;
}

/* symlink(2) */
int64_t sys_symlink(struct task *t, uint64_t target, uint64_t path, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_symlinkat(t, target, AT_FDCWD_ARG, path);
}

/* symlinkat(2) */
int64_t sys_symlinkat(struct task *t, uint64_t target, uint64_t dirfd,
		      uint64_t path, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_symlinkat(t, target, dirfd, path);
}

/*
 * readlinkat(2): bufsiz <= 0 is EINVAL; the result is not NUL-terminated.
 * An empty path reads the dirfd itself (a symlink opened O_PATH).
 */
static int64_t do_readlinkat(struct task *t, uint64_t dirfd, gaddr upath,
			     gaddr ubuf, uint64_t bufsiz)
{
	char path[LINUX_PATH_MAX], *buf;
	const char *dir;
	struct file *hold;
	size_t cap;
	int r;

	if ((int)bufsiz <= 0)
		return -LINUX_EINVAL;
	r = sys_get_path(t, upath, path, true);
	if (r < 0)
		return r;
	cap = MIN((size_t)(int)bufsiz, (size_t)LINUX_PATH_MAX);
	buf = malloc(cap);
	if (!buf)
		return -LINUX_ENOMEM;
	if (path[0] == '\0') {
		hold = sys_fget(t, dirfd);
		if (!hold) {
			r = (int)dirfd == LINUX_AT_FDCWD ? -LINUX_ENOENT
							 : -LINUX_EBADF;
			goto out_free;
		}
		r = inode_is_lnk(hold->inode)
			    ? vfs_readlink_inode(hold->inode, buf, cap)
			    : -LINUX_ENOENT;
	} else {
		r = sys_at_dir(t, dirfd, path, &dir, &hold);
		if (r < 0)
			goto out_free;
		r = vfs_readlink(t->proc->fs, dir, path, buf, cap);
	}
	file_put(hold);
	if (r > 0 && copy_to_user(t, ubuf, buf, (size_t)r) < 0)
		r = -LINUX_EFAULT;
out_free:
	free(buf);
	return r;
}

/* readlink(2) */
int64_t sys_readlink(struct task *t, uint64_t path, uint64_t buf,
		     uint64_t bufsiz, uint64_t a3, uint64_t a4, uint64_t a5)
{
	char c;

	/* readlink(2) has no AT_EMPTY_PATH: "" is ENOENT */
	if (copy_from_user(t, &c, path, 1) < 0)
		return -LINUX_EFAULT;
	if (c == '\0')
		return -LINUX_ENOENT;
	return do_readlinkat(t, AT_FDCWD_ARG, path, buf, bufsiz);
}

/* readlinkat(2) */
int64_t sys_readlinkat(struct task *t, uint64_t dirfd, uint64_t path,
		       uint64_t buf, uint64_t bufsiz, uint64_t a4, uint64_t a5)
{
	return do_readlinkat(t, dirfd, path, buf, bufsiz);
}

/* ---- cwd ---- */

/* getcwd(2): returns the length including the NUL; ERANGE if too small. */
int64_t sys_getcwd(struct task *t, uint64_t buf, uint64_t size, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	const char *cwd = fs_context_cwd(t->proc->fs);
	size_t len = strlen(cwd) + 1;

	if (len > LINUX_PATH_MAX)
		return -LINUX_ENAMETOOLONG;
	if (size < len)
		return -LINUX_ERANGE;
	if (copy_to_user(t, buf, cwd, len) < 0)
		return -LINUX_EFAULT;
	return (int64_t)len;
}

/* chdir(2) */
int64_t sys_chdir(struct task *t, uint64_t upath, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	char path[LINUX_PATH_MAX];
	int r = sys_get_path(t, upath, path, false);

	if (r < 0)
		return r;
	return vfs_chdir(t->proc->fs, NULL, path);
}

/* fchdir(2): the fd must be a directory we may search. */
int64_t sys_fchdir(struct task *t, uint64_t fd, uint64_t a1, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	if (!inode_is_dir(f->inode))
		r = -LINUX_ENOTDIR;
	else
		r = vfs_access_inode(f->inode, LINUX_X_OK);
	if (r == 0)
		r = fs_context_chdir(t->proc->fs, file_path(f));
	file_put(f);
	return r;
}

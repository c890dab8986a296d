/*
 * Path-level VFS operations: open (with O_CREAT/O_EXCL/O_TRUNC/O_PATH),
 * stat, mkdir, unlink, rmdir, symlink, link, rename, readlink, setattr,
 * access, statfs, chdir.  Each walks the path (namei.c), checks what
 * POSIX and the man pages require independent of the filesystem, then
 * calls the filesystem's inode op.
 *
 * Layer: fs/ core.  Callers: syscalls/ (sys_file.c, sys_stat.c,
 * sys_dir.c), frontend/ (vfs_open of the program).
 */
#include <stdlib.h>
#include <string.h>

#include "fs.h"

/* Files opened with O_PATH: every operation answers EBADF in file.c. */
static const struct file_ops opath_fops = {0};

#define OPEN_STATUS_MASK                                                       \
	(LINUX_O_ACCMODE | LINUX_O_APPEND | LINUX_O_NONBLOCK | LINUX_O_DSYNC | \
	 LINUX_O_DIRECT | LINUX_O_LARGEFILE | LINUX_O_NOATIME | LINUX_O_SYNC | \
	 LINUX_O_PATH | LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW)

static bool same_sb(struct inode *a, struct inode *b)
{
	return a->sb == b->sb;
}

int vfs_open_inode(struct inode *ino, const char *path, int flags,
		   struct file **out)
{
	int acc = flags & LINUX_O_ACCMODE, err;
	struct file *f;

	if ((flags & LINUX_O_DIRECTORY) && !inode_is_dir(ino))
		return -LINUX_ENOTDIR;
	if (!(flags & LINUX_O_PATH)) {
		if (inode_is_dir(ino) &&
		    (acc != LINUX_O_RDONLY || (flags & LINUX_O_CREAT)))
			return -LINUX_EISDIR;
		if (acc == 3)
			return -LINUX_EINVAL;
		if (inode_is_lnk(ino))
			return -LINUX_ELOOP;
	}
	f = file_alloc(ino, path, flags & OPEN_STATUS_MASK);
	if (!f)
		return -LINUX_ENOMEM;
	if (inode_is_dir(ino))
		f->fmode |= FILE_DIRECTORY;
	if (flags & LINUX_O_PATH) {
		f->fmode |= FILE_OPATH;
		f->ops = &opath_fops;
		*out = f;
		return 0;
	}
	f->ops = ino->fops;
	if (ino->ops && ino->ops->open) {
		err = ino->ops->open(ino, f);
		if (err < 0)
			goto out_put;
	}
	if (!f->ops) {
		err = -LINUX_ENXIO;
		goto out_put;
	}
	if ((flags & LINUX_O_TRUNC) &&
	    (ino->mode & LINUX_S_IFMT) == LINUX_S_IFREG &&
	    acc != LINUX_O_RDONLY) {
		err = vfs_ftruncate(f, 0);
		if (err < 0)
			goto out_put;
	}
	*out = f;
	return 0;
out_put:
	f->ops = NULL; /* nothing to release */
	file_put(f);
	return err;
}

static int create_file(struct fs_context *fs, struct walk_result *res,
		       int flags, int mode, struct file **out)
{
	struct inode *dir = res->parent;
	struct file *f;
	int err;

	if (res->trailing_slash)
		return -LINUX_EISDIR;
	if (!dir->ops || !dir->ops->create)
		return -LINUX_EACCES;
	f = file_alloc(NULL, res->path, flags & OPEN_STATUS_MASK);
	if (!f)
		return -LINUX_ENOMEM;
	mode = (mode & 07777) & ~(int)fs_context_get_umask(fs);
	err = dir->ops->create(dir, res->name, LINUX_S_IFREG | (uint32_t)mode,
			       f);
	if (err < 0) {
		f->ops = NULL;
		file_put(f);
		return err;
	}
	*out = f;
	return 0;
}

int vfs_openat(struct fs_context *fs, const char *dir_path, const char *path,
	       int flags, int mode, struct file **out)
{
	struct walk_result res;
	unsigned wf = 0;
	int err;

	if (flags & LINUX_O_PATH)
		flags &= LINUX_O_PATH | LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW |
			 LINUX_O_CLOEXEC;
	if (flags & (LINUX_O_TMPFILE & ~LINUX_O_DIRECTORY)) {
		/* open(2): O_TMPFILE needs O_DIRECTORY and write access */
		if (!(flags & LINUX_O_DIRECTORY) ||
		    (flags & LINUX_O_ACCMODE) == LINUX_O_RDONLY)
			return -LINUX_EINVAL;
		return -LINUX_EOPNOTSUPP; /* no unnamed files on hostfs */
	}
	if (flags & LINUX_O_NOFOLLOW)
		wf |= WALK_NOFOLLOW;
	if (flags & LINUX_O_CREAT) {
		wf |= WALK_PARENT;
		if (flags & LINUX_O_EXCL)
			wf |= WALK_NOFOLLOW;
	}
	if (flags & LINUX_O_DIRECTORY)
		wf |= WALK_DIRECTORY;
	err = vfs_walk(fs, dir_path, path, wf, &res);
	if (err < 0)
		return err;
	if (!res.inode) {
		err = create_file(fs, &res, flags, mode, out);
		goto out_put;
	}
	if ((flags & (LINUX_O_CREAT | LINUX_O_EXCL)) ==
	    (LINUX_O_CREAT | LINUX_O_EXCL)) {
		err = -LINUX_EEXIST;
		goto out_put;
	}
	err = vfs_open_inode(res.inode, res.path, flags, out);
out_put:
	walk_result_put(&res);
	return err;
}

int vfs_open(struct fs_context *fs, const char *path, int flags, int mode,
	     struct file **out)
{
	return vfs_openat(fs, NULL, path, flags, mode, out);
}

int vfs_stat(struct fs_context *fs, const char *dir_path, const char *path,
	     unsigned walk_flags, struct kstat *st)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, walk_flags, &res);

	if (err < 0)
		return err;
	err = vfs_getattr(res.inode, st);
	walk_result_put(&res);
	return err;
}

/* Walks to a name that must not exist yet (mkdir, symlink, mknod, link). */
static int walk_new(struct fs_context *fs, const char *dir_path,
		    const char *path, struct walk_result *res)
{
	int err =
		vfs_walk(fs, dir_path, path, WALK_PARENT | WALK_NOFOLLOW, res);

	if (err < 0)
		return err;
	if (res->inode) {
		walk_result_put(res);
		return -LINUX_EEXIST;
	}
	return 0;
}

int vfs_mkdir(struct fs_context *fs, const char *dir_path, const char *path,
	      uint32_t mode)
{
	struct walk_result res;
	int err = walk_new(fs, dir_path, path, &res);

	if (err < 0)
		return err;
	if (!res.parent->ops || !res.parent->ops->mkdir)
		err = -LINUX_EPERM;
	else
		err = res.parent->ops->mkdir(res.parent, res.name,
					     (mode & 07777) &
						     ~fs_context_get_umask(fs));
	walk_result_put(&res);
	return err;
}

int vfs_mknod(struct fs_context *fs, const char *dir_path, const char *path,
	      uint32_t mode, uint64_t rdev)
{
	struct walk_result res;
	int err = walk_new(fs, dir_path, path, &res);

	if (err < 0)
		return err;
	if (res.trailing_slash)
		err = -LINUX_ENOENT;
	else if (!res.parent->ops || !res.parent->ops->mknod)
		err = -LINUX_EPERM;
	else
		err = res.parent->ops->mknod(
			res.parent, res.name,
			(mode & LINUX_S_IFMT) |
				((mode & 07777) & ~fs_context_get_umask(fs)),
			rdev);
	walk_result_put(&res);
	return err;
}

int vfs_unlink(struct fs_context *fs, const char *dir_path, const char *path)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, WALK_NOFOLLOW, &res);

	if (err < 0)
		return err;
	if (res.last != WALK_LAST_NORM || inode_is_dir(res.inode))
		err = -LINUX_EISDIR;
	else if (!res.parent->ops || !res.parent->ops->unlink)
		err = -LINUX_EPERM;
	else
		err = res.parent->ops->unlink(res.parent, res.name);
	walk_result_put(&res);
	return err;
}

int vfs_rmdir(struct fs_context *fs, const char *dir_path, const char *path)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, WALK_NOFOLLOW, &res);

	if (err < 0)
		return err;
	if (res.last == WALK_LAST_DOT)
		err = -LINUX_EINVAL;
	else if (res.last == WALK_LAST_DOTDOT)
		err = -LINUX_ENOTEMPTY;
	else if (res.last == WALK_LAST_ROOT || vfs_mount_at(res.path))
		err = -LINUX_EBUSY;
	else if (!inode_is_dir(res.inode))
		err = -LINUX_ENOTDIR;
	else if (!res.parent->ops || !res.parent->ops->rmdir)
		err = -LINUX_EPERM;
	else
		err = res.parent->ops->rmdir(res.parent, res.name);
	walk_result_put(&res);
	return err;
}

int vfs_symlink(struct fs_context *fs, const char *target, const char *dir_path,
		const char *path)
{
	struct walk_result res;
	int err;

	if (target[0] == '\0')
		return -LINUX_ENOENT;
	err = walk_new(fs, dir_path, path, &res);
	if (err < 0)
		return err;
	if (res.trailing_slash)
		err = -LINUX_ENOENT;
	else if (!res.parent->ops || !res.parent->ops->symlink)
		err = -LINUX_EPERM;
	else
		err = res.parent->ops->symlink(res.parent, res.name, target);
	walk_result_put(&res);
	return err;
}

int vfs_link(struct fs_context *fs, const char *odir, const char *opath,
	     const char *ndir, const char *npath, unsigned walk_flags)
{
	struct walk_result o, n;
	int err = vfs_walk(fs, odir, opath, walk_flags, &o);

	if (err < 0)
		return err;
	if (inode_is_dir(o.inode)) {
		err = -LINUX_EPERM;
		goto out_old;
	}
	err = walk_new(fs, ndir, npath, &n);
	if (err < 0)
		goto out_old;
	if (n.trailing_slash)
		err = -LINUX_ENOENT;
	else if (!same_sb(o.inode, n.parent))
		err = -LINUX_EXDEV;
	else if (!n.parent->ops || !n.parent->ops->link)
		err = -LINUX_EPERM;
	else
		err = n.parent->ops->link(o.inode, n.parent, n.name);
	walk_result_put(&n);
out_old:
	walk_result_put(&o);
	return err;
}

static bool path_is_under(const char *path, const char *dir)
{
	size_t l = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, l) == 0 && path[l] == '/';
}

/*
 * The cwd is kept as a path: when the directory it lies in is renamed,
 * move it along, as Linux's dentry-based cwd does (for this process's
 * context; other processes' cwds and open files keep their old paths).
 */
static void cwd_follow_rename(struct fs_context *fs, const char *from,
			      const char *to)
{
	const char *cwd = fs_context_cwd(fs);
	size_t l = strlen(from);
	char *n;

	if (!fs || strncmp(cwd, from, l) != 0 ||
	    (cwd[l] != '\0' && cwd[l] != '/'))
		return;
	n = malloc(strlen(to) + strlen(cwd + l) + 1);
	if (!n)
		return;
	strcpy(n, to);
	strcat(n, cwd + l);
	fs_context_chdir(fs, n);
	free(n);
}

/* rename(2)/renameat2(2): the checks that do not depend on the fs. */
int vfs_rename(struct fs_context *fs, const char *odir, const char *opath,
	       const char *ndir, const char *npath, unsigned flags)
{
	struct walk_result o, n;
	struct kstat os, ns;
	int err;

	if (flags & ~(LINUX_RENAME_NOREPLACE | LINUX_RENAME_EXCHANGE |
		      LINUX_RENAME_WHITEOUT))
		return -LINUX_EINVAL;
	if ((flags & LINUX_RENAME_EXCHANGE) &&
	    (flags & (LINUX_RENAME_NOREPLACE | LINUX_RENAME_WHITEOUT)))
		return -LINUX_EINVAL;
	err = vfs_walk(fs, odir, opath, WALK_NOFOLLOW, &o);
	if (err < 0)
		return err;
	err = vfs_walk(fs, ndir, npath, WALK_NOFOLLOW | WALK_PARENT, &n);
	if (err < 0)
		goto out_old;
	if (o.last != WALK_LAST_NORM || n.last != WALK_LAST_NORM ||
	    vfs_mount_at(o.path) || vfs_mount_at(n.path)) {
		err = -LINUX_EBUSY;
		goto out_new;
	}
	if (!same_sb(o.parent, n.parent)) {
		err = -LINUX_EXDEV;
		goto out_new;
	}
	if (n.inode && (flags & LINUX_RENAME_NOREPLACE)) {
		err = -LINUX_EEXIST;
		goto out_new;
	}
	if (!n.inode && (flags & LINUX_RENAME_EXCHANGE)) {
		err = -LINUX_ENOENT;
		goto out_new;
	}
	if (n.trailing_slash && !inode_is_dir(o.inode)) {
		err = -LINUX_ENOTDIR;
		goto out_new;
	}
	if (inode_is_dir(o.inode) && path_is_under(n.path, o.path)) {
		err = -LINUX_EINVAL;
		goto out_new;
	}
	if (n.inode && !(flags & LINUX_RENAME_EXCHANGE)) {
		if (vfs_getattr(o.inode, &os) == 0 &&
		    vfs_getattr(n.inode, &ns) == 0 && os.dev == ns.dev &&
		    os.ino == ns.ino) {
			err = 0; /* same file: rename(2) does nothing */
			goto out_new;
		}
		if (inode_is_dir(o.inode) && !inode_is_dir(n.inode)) {
			err = -LINUX_ENOTDIR;
			goto out_new;
		}
		if (!inode_is_dir(o.inode) && inode_is_dir(n.inode)) {
			err = -LINUX_EISDIR;
			goto out_new;
		}
	}
	if (!o.parent->ops || !o.parent->ops->rename)
		err = -LINUX_EPERM;
	else
		err = o.parent->ops->rename(o.parent, o.name, n.parent, n.name,
					    flags);
	if (err == 0 && inode_is_dir(o.inode))
		cwd_follow_rename(fs, o.path, n.path);
out_new:
	walk_result_put(&n);
out_old:
	walk_result_put(&o);
	return err;
}

int vfs_readlink(struct fs_context *fs, const char *dir_path, const char *path,
		 char *buf, size_t len)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, WALK_NOFOLLOW | WALK_EMPTY_PATH,
			   &res);

	if (err < 0)
		return err;
	err = vfs_readlink_inode(res.inode, buf, len);
	walk_result_put(&res);
	return err;
}

int vfs_path_setattr(struct fs_context *fs, const char *dir_path,
		     const char *path, unsigned walk_flags,
		     const struct iattr *ia)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, walk_flags, &res);

	if (err < 0)
		return err;
	if ((ia->valid & ATTR_SIZE) && inode_is_dir(res.inode))
		err = -LINUX_EISDIR;
	else if ((ia->valid & ATTR_SIZE) &&
		 (res.inode->mode & LINUX_S_IFMT) != LINUX_S_IFREG)
		err = -LINUX_EINVAL;
	else
		err = vfs_setattr(res.inode, ia);
	walk_result_put(&res);
	return err;
}

int vfs_access(struct fs_context *fs, const char *dir_path, const char *path,
	       unsigned walk_flags, int mode)
{
	struct walk_result res;
	int err;

	if (mode & ~(LINUX_R_OK | LINUX_W_OK | LINUX_X_OK))
		return -LINUX_EINVAL;
	err = vfs_walk(fs, dir_path, path, walk_flags, &res);
	if (err < 0)
		return err;
	err = mode ? vfs_access_inode(res.inode, mode) : 0;
	walk_result_put(&res);
	return err;
}

int vfs_path_statfs(struct fs_context *fs, const char *dir_path,
		    const char *path, struct kstatfs *st)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, 0, &res);

	if (err < 0)
		return err;
	err = vfs_statfs(res.inode, st);
	walk_result_put(&res);
	return err;
}

int vfs_chdir(struct fs_context *fs, const char *dir_path, const char *path)
{
	struct walk_result res;
	int err = vfs_walk(fs, dir_path, path, WALK_DIRECTORY | WALK_EMPTY_PATH,
			   &res);

	if (err < 0)
		return err;
	err = vfs_access_inode(res.inode, LINUX_X_OK);
	if (err == 0)
		err = fs_context_chdir(fs, res.path);
	walk_result_put(&res);
	return err;
}

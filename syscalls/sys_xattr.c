/*
 * Extended attribute syscalls: getxattr(2), lgetxattr, fgetxattr,
 * setxattr(2), lsetxattr, fsetxattr, listxattr(2), llistxattr,
 * flistxattr, removexattr(2), lremovexattr, fremovexattr.
 *
 * wax's filesystems have no extended attributes.  The calls check their
 * arguments in the order Linux 6.1 does (fs/xattr.c: the file first, then
 * the name, the flags and the value), apply the VFS's namespace rules, and
 * then answer what Linux answers on a filesystem without xattr handlers: -EOPNOTSUPP for get, set and
 * remove, and an empty list (0) for list.  That is what ls(1), cp(1) and
 * friends expect from such a filesystem: they say nothing.
 *
 * Layer: syscalls/.  Called through the dispatch table; calls into fs/.
 */
#include <stdlib.h>
#include <string.h>

#include "sys_fs.h"

#define XATTR_NAME_MAX 255
#define XATTR_SIZE_MAX 65536
#define XATTR_CREATE   1
#define XATTR_REPLACE  2

/* The file a path-based call names must exist: 0 (its attributes in *k)
 * or the walk's error. */
static int xattr_path(struct task *t, gaddr upath, bool follow, struct kstat *k)
{
	char path[LINUX_PATH_MAX];
	int r = sys_get_path(t, upath, path, false);

	if (r < 0)
		return r;
	return vfs_stat(t->proc->fs, NULL, path, follow ? 0 : WALK_NOFOLLOW, k);
}

/* The fd of an f*xattr call must be open (not O_PATH): 0 (its attributes
 * in *k) or -EBADF. */
static int xattr_fd(struct task *t, uint64_t fd, struct kstat *k)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = (f->fmode & FILE_OPATH) ? -LINUX_EBADF : vfs_fstat(f, k);
	file_put(f);
	return r;
}

/*
 * The VFS's own namespace rules (fs/xattr.c xattr_permission), which hold
 * before the filesystem is asked: user.* exists only on regular files and
 * directories, trusted.* only for root.  Refused reads are -ENODATA,
 * refused writes -EPERM.  Then the answer of a filesystem without xattrs.
 */
static int xattr_answer(struct task *t, const char *name, const struct kstat *k,
			bool write)
{
	uint32_t type = k->mode & LINUX_S_IFMT;
	int refused = write ? -LINUX_EPERM : -LINUX_ENODATA;

	if (strncmp(name, "trusted.", 8) == 0 && t->proc->euid != 0)
		return refused;
	if (strncmp(name, "user.", 5) == 0 && type != LINUX_S_IFREG &&
	    type != LINUX_S_IFDIR)
		return refused;
	return -LINUX_EOPNOTSUPP;
}

/* Copies the attribute name into name (XATTR_NAME_MAX + 1 bytes):
 * -EFAULT, or -ERANGE when it is empty or longer than XATTR_NAME_MAX
 * (Linux's strncpy_from_user check). */
static int xattr_name(struct task *t, gaddr uname, char *name)
{
	int64_t n = mm_read_str(t->proc->mm, name, uname, XATTR_NAME_MAX + 1);

	if (n == -LINUX_ENAMETOOLONG || n == 0)
		return -LINUX_ERANGE;
	return n < 0 ? (int)n : 0;
}

/* setxattr's checks after the file: flags, name, then the value is
 * copied in (-E2BIG past XATTR_SIZE_MAX, -EFAULT). */
static int xattr_set_args(struct task *t, gaddr uname, char *name, gaddr value,
			  uint64_t size, uint64_t flags)
{
	int r;

	if (flags & ~(uint64_t)(XATTR_CREATE | XATTR_REPLACE))
		return -LINUX_EINVAL;
	r = xattr_name(t, uname, name);
	if (r < 0 || size == 0)
		return r;
	if (size > XATTR_SIZE_MAX)
		return -LINUX_E2BIG;
	void *buf = malloc(size);
	if (!buf)
		return -LINUX_ENOMEM;
	r = copy_from_user(t, buf, value, size);
	free(buf);
	return r;
}

/* ---- get and remove ---- */

static int64_t do_getxattr(struct task *t, int r, const struct kstat *k,
			   gaddr uname, bool write)
{
	char name[XATTR_NAME_MAX + 1];

	if (r < 0)
		return r;
	r = xattr_name(t, uname, name);
	return r < 0 ? r : xattr_answer(t, name, k, write);
}

/* getxattr(2) */
int64_t sys_getxattr(struct task *t, uint64_t path, uint64_t name,
		     uint64_t value, uint64_t size, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_path(t, path, true, &k), &k, name, false);
}

/* lgetxattr(2) */
int64_t sys_lgetxattr(struct task *t, uint64_t path, uint64_t name,
		      uint64_t value, uint64_t size, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_path(t, path, false, &k), &k, name, false);
}

/* fgetxattr(2) */
int64_t sys_fgetxattr(struct task *t, uint64_t fd, uint64_t name,
		      uint64_t value, uint64_t size, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_fd(t, fd, &k), &k, name, false);
}

/* removexattr(2) */
int64_t sys_removexattr(struct task *t, uint64_t path, uint64_t name,
			uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_path(t, path, true, &k), &k, name, true);
}

/* lremovexattr(2) */
int64_t sys_lremovexattr(struct task *t, uint64_t path, uint64_t name,
			 uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_path(t, path, false, &k), &k, name, true);
}

/* fremovexattr(2) */
int64_t sys_fremovexattr(struct task *t, uint64_t fd, uint64_t name,
			 uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return do_getxattr(t, xattr_fd(t, fd, &k), &k, name, true);
}

/* ---- set ---- */

static int64_t do_setxattr(struct task *t, int r, const struct kstat *k,
			   gaddr uname, gaddr value, uint64_t size,
			   uint64_t flags)
{
	char name[XATTR_NAME_MAX + 1];

	if (r < 0)
		return r;
	r = xattr_set_args(t, uname, name, value, size, flags);
	return r < 0 ? r : xattr_answer(t, name, k, true);
}

/* setxattr(2) */
int64_t sys_setxattr(struct task *t, uint64_t path, uint64_t name,
		     uint64_t value, uint64_t size, uint64_t flags, uint64_t a5)
{
	struct kstat k;
	return do_setxattr(t, xattr_path(t, path, true, &k), &k, name, value,
			   size, flags);
}

/* lsetxattr(2) */
int64_t sys_lsetxattr(struct task *t, uint64_t path, uint64_t name,
		      uint64_t value, uint64_t size, uint64_t flags,
		      uint64_t a5)
{
	struct kstat k;
	return do_setxattr(t, xattr_path(t, path, false, &k), &k, name, value,
			   size, flags);
}

/* fsetxattr(2) */
int64_t sys_fsetxattr(struct task *t, uint64_t fd, uint64_t name,
		      uint64_t value, uint64_t size, uint64_t flags,
		      uint64_t a5)
{
	struct kstat k;
	return do_setxattr(t, xattr_fd(t, fd, &k), &k, name, value, size,
			   flags);
}

/* ---- list: no attributes, and the buffer is never touched ---- */

/* listxattr(2) */
int64_t sys_listxattr(struct task *t, uint64_t path, uint64_t list,
		      uint64_t size, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return xattr_path(t, path, true, &k);
}

/* llistxattr(2) */
int64_t sys_llistxattr(struct task *t, uint64_t path, uint64_t list,
		       uint64_t size, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return xattr_path(t, path, false, &k);
}

/* flistxattr(2) */
int64_t sys_flistxattr(struct task *t, uint64_t fd, uint64_t list,
		       uint64_t size, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct kstat k;
	return xattr_fd(t, fd, &k);
}

/*
 * Inode attribute syscalls: stat(2), lstat(2), fstat(2), newfstatat(2),
 * statx(2), access(2), faccessat(2), faccessat2(2), chmod(2), fchmod(2),
 * fchmodat(2), chown(2), fchown(2), lchown(2), fchownat(2),
 * utimensat(2), umask(2), statfs(2), fstatfs(2).  AT_EMPTY_PATH with an
 * empty path acts on the dirfd's own file (pipes included).
 *
 * Layer: syscalls/.  Called through the dispatch table; calls into fs/.
 */
#include <string.h>

#include "sys_fs.h"

static void kstat_to_linux(const struct kstat *k, struct linux_stat *s)
{
	memset(s, 0, sizeof(*s));
	s->st_dev = k->dev;
	s->st_ino = k->ino;
	s->st_nlink = k->nlink;
	s->st_mode = k->mode;
	s->st_uid = k->uid;
	s->st_gid = k->gid;
	s->st_rdev = k->rdev;
	s->st_size = k->size;
	s->st_blksize = k->blksize;
	s->st_blocks = k->blocks;
	s->st_atime_sec = k->atime.tv_sec;
	s->st_atime_nsec = k->atime.tv_nsec;
	s->st_mtime_sec = k->mtime.tv_sec;
	s->st_mtime_nsec = k->mtime.tv_nsec;
	s->st_ctime_sec = k->ctime.tv_sec;
	s->st_ctime_nsec = k->ctime.tv_nsec;
}

/*
 * The attributes of (dirfd, path) for the *at() calls: AT_EMPTY_PATH with
 * "" is the dirfd's file itself (or the cwd for AT_FDCWD).
 */
static int stat_at(struct task *t, uint64_t dirfd, const char *path,
		   unsigned flags, struct kstat *k)
{
	unsigned wf = (flags & LINUX_AT_SYMLINK_NOFOLLOW) ? WALK_NOFOLLOW : 0;
	const char *dir;
	struct file *hold;
	int r;

	if (path[0] == '\0' && (int)dirfd != LINUX_AT_FDCWD) {
		struct file *f = sys_fget(t, dirfd);

		if (!f)
			return -LINUX_EBADF;
		r = (flags & LINUX_AT_EMPTY_PATH) ? vfs_fstat(f, k)
						  : -LINUX_ENOENT;
		file_put(f);
		return r;
	}
	if (path[0] == '\0' && !(flags & LINUX_AT_EMPTY_PATH))
		return -LINUX_ENOENT;
	r = sys_at_dir(t, dirfd, path, &dir, &hold);
	if (r < 0)
		return r;
	r = vfs_stat(t->proc->fs, dir, path, wf | WALK_EMPTY_PATH, k);
	file_put(hold);
	return r;
}

static int64_t put_stat(struct task *t, gaddr buf, const struct kstat *k)
{
	struct linux_stat s;

	kstat_to_linux(k, &s);
	return copy_to_user(t, buf, &s, sizeof(s)) < 0 ? -LINUX_EFAULT : 0;
}

static int64_t do_fstatat(struct task *t, uint64_t dirfd, gaddr upath,
			  gaddr buf, uint64_t flags)
{
	char path[LINUX_PATH_MAX];
	struct kstat k;
	int r;

	if (flags &
	    ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH |
			LINUX_AT_NO_AUTOMOUNT | LINUX_AT_STATX_SYNC_TYPE))
		return -LINUX_EINVAL;
	r = sys_get_path(t, upath, path, flags & LINUX_AT_EMPTY_PATH);
	if (r < 0)
		return r;
	r = stat_at(t, dirfd, path, (unsigned)flags, &k);
	if (r < 0)
		return r;
	return put_stat(t, buf, &k);
}

/* stat(2) */
int64_t sys_stat(struct task *t, uint64_t path, uint64_t buf, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_fstatat(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, buf, 0);
}

/* lstat(2) */
int64_t sys_lstat(struct task *t, uint64_t path, uint64_t buf, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_fstatat(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, buf,
			  LINUX_AT_SYMLINK_NOFOLLOW);
}

/* newfstatat(2) */
int64_t sys_newfstatat(struct task *t, uint64_t dirfd, uint64_t path,
		       uint64_t buf, uint64_t flags, uint64_t a4, uint64_t a5)
{
	return do_fstatat(t, dirfd, path, buf, flags);
}

/* fstat(2) */
int64_t sys_fstat(struct task *t, uint64_t fd, uint64_t buf, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	struct kstat k;
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = vfs_fstat(f, &k);
	file_put(f);
	if (r < 0)
		return r;
	return put_stat(t, buf, &k);
}

static void ts_to_statx(struct linux_statx_timestamp *s,
			const struct linux_timespec *k)
{
	s->tv_sec = k->tv_sec;
	s->tv_nsec = (uint32_t)k->tv_nsec;
	s->__reserved = 0;
}

/* statx(2): wax fills the basic stats; btime is not reported. */
int64_t sys_statx(struct task *t, uint64_t dirfd, uint64_t upath,
		  uint64_t flags, uint64_t mask, uint64_t buf, uint64_t a5)
{
	char path[LINUX_PATH_MAX];
	struct linux_statx sx;
	struct kstat k;
	int r;

	if (flags &
	    ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH |
			LINUX_AT_NO_AUTOMOUNT | LINUX_AT_STATX_SYNC_TYPE))
		return -LINUX_EINVAL;
	if ((flags & LINUX_AT_STATX_SYNC_TYPE) == LINUX_AT_STATX_SYNC_TYPE)
		return -LINUX_EINVAL;
	if (mask & LINUX_STATX__RESERVED)
		return -LINUX_EINVAL;
	if (upath == 0 && (flags & LINUX_AT_EMPTY_PATH))
		path[0] = '\0'; /* Linux 6.11: NULL path with AT_EMPTY_PATH */
	else if ((r = sys_get_path(t, upath, path,
				   flags & LINUX_AT_EMPTY_PATH)) < 0)
		return r;
	r = stat_at(t, dirfd, path, (unsigned)flags, &k);
	if (r < 0)
		return r;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = LINUX_STATX_BASIC_STATS;
	sx.stx_blksize = (uint32_t)k.blksize;
	sx.stx_nlink = k.nlink;
	sx.stx_uid = k.uid;
	sx.stx_gid = k.gid;
	sx.stx_mode = (uint16_t)k.mode;
	sx.stx_ino = k.ino;
	sx.stx_size = (uint64_t)k.size;
	sx.stx_blocks = (uint64_t)k.blocks;
	ts_to_statx(&sx.stx_atime, &k.atime);
	ts_to_statx(&sx.stx_mtime, &k.mtime);
	ts_to_statx(&sx.stx_ctime, &k.ctime);
	sx.stx_rdev_major = linux_major(k.rdev);
	sx.stx_rdev_minor = linux_minor(k.rdev);
	sx.stx_dev_major = linux_major(k.dev);
	sx.stx_dev_minor = linux_minor(k.dev);
	return copy_to_user(t, buf, &sx, sizeof(sx)) < 0 ? -LINUX_EFAULT : 0;
}

/* ---- access ---- */

static int64_t do_faccessat(struct task *t, uint64_t dirfd, gaddr upath,
			    uint64_t mode, uint64_t flags)
{
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold;
	int r;

	if (mode & ~(uint64_t)(LINUX_R_OK | LINUX_W_OK | LINUX_X_OK))
		return -LINUX_EINVAL;
	if (flags & ~(uint64_t)(LINUX_AT_EACCESS | LINUX_AT_SYMLINK_NOFOLLOW |
				LINUX_AT_EMPTY_PATH))
		return -LINUX_EINVAL;
	r = sys_get_path(t, upath, path, flags & LINUX_AT_EMPTY_PATH);
	if (r < 0)
		return r;
	if (path[0] == '\0' && (int)dirfd != LINUX_AT_FDCWD) {
		struct file *f = sys_fget(t, dirfd);

		if (!f)
			return -LINUX_EBADF;
		r = vfs_access_inode(f->inode, (int)mode);
		file_put(f);
		return r;
	}
	r = sys_at_dir(t, dirfd, path, &dir, &hold);
	if (r < 0)
		return r;
	r = vfs_access(
		t->proc->fs, dir, path,
		((flags & LINUX_AT_SYMLINK_NOFOLLOW) ? WALK_NOFOLLOW : 0) |
			WALK_EMPTY_PATH,
		(int)mode);
	file_put(hold);
	return r;
}

/* access(2) */
int64_t sys_access(struct task *t, uint64_t path, uint64_t mode, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_faccessat(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, mode,
			    0);
}

/* faccessat(2): the raw syscall has no flags argument. */
int64_t sys_faccessat(struct task *t, uint64_t dirfd, uint64_t path,
		      uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_faccessat(t, dirfd, path, mode, 0);
}

/* faccessat2(2) */
int64_t sys_faccessat2(struct task *t, uint64_t dirfd, uint64_t path,
		       uint64_t mode, uint64_t flags, uint64_t a4, uint64_t a5)
{
	return do_faccessat(t, dirfd, path, mode, flags);
}

/* ---- setattr: chmod, chown, utimensat ---- */

/* Applies ia to (dirfd, path), or to the dirfd's file for "" with
 * AT_EMPTY_PATH, or to the fd's file when upath is 0 and fd_only. */
static int64_t setattr_at(struct task *t, uint64_t dirfd, gaddr upath,
			  uint64_t flags, const struct iattr *ia,
			  bool null_path_is_fd)
{
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold;
	int r;

	if (upath == 0 && null_path_is_fd) {
		path[0] = '\0';
		flags |= LINUX_AT_EMPTY_PATH;
	} else {
		r = sys_get_path(t, upath, path, flags & LINUX_AT_EMPTY_PATH);
		if (r < 0)
			return r;
	}
	if (path[0] == '\0') {
		struct file *f;

		if ((int)dirfd == LINUX_AT_FDCWD)
			return vfs_path_setattr(t->proc->fs, NULL, ".", 0, ia);
		f = sys_fget(t, dirfd);
		if (!f)
			return -LINUX_EBADF;
		r = (f->fmode & FILE_OPATH) && !(flags & LINUX_AT_EMPTY_PATH)
			    ? -LINUX_EBADF
			    : vfs_setattr(f->inode, ia);
		file_put(f);
		return r;
	}
	r = sys_at_dir(t, dirfd, path, &dir, &hold);
	if (r < 0)
		return r;
	r = vfs_path_setattr(
		t->proc->fs, dir, path,
		(flags & LINUX_AT_SYMLINK_NOFOLLOW) ? WALK_NOFOLLOW : 0, ia);
	file_put(hold);
	return r;
}

static int64_t fd_setattr(struct task *t, uint64_t fd, const struct iattr *ia)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = (f->fmode & FILE_OPATH) ? -LINUX_EBADF : vfs_setattr(f->inode, ia);
	file_put(f);
	return r;
}

#define MODE_IA(m)                                                             \
	{                                                                      \
		.valid = ATTR_MODE, .mode = (uint32_t)(m)&07777                \
	}

/* chmod(2) */
int64_t sys_chmod(struct task *t, uint64_t path, uint64_t mode, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = MODE_IA(mode);

	return setattr_at(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, 0, &ia,
			  false);
}

/* fchmod(2) */
int64_t sys_fchmod(struct task *t, uint64_t fd, uint64_t mode, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = MODE_IA(mode);

	return fd_setattr(t, fd, &ia);
}

/* fchmodat(2): the raw syscall has no flags. */
int64_t sys_fchmodat(struct task *t, uint64_t dirfd, uint64_t path,
		     uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = MODE_IA(mode);

	return setattr_at(t, dirfd, path, 0, &ia, false);
}

static struct iattr chown_ia(uint64_t uid, uint64_t gid)
{
	struct iattr ia = {0};

	if ((uint32_t)uid != 0xffffffffu) {
		ia.valid |= ATTR_UID;
		ia.uid = (uint32_t)uid;
	}
	if ((uint32_t)gid != 0xffffffffu) {
		ia.valid |= ATTR_GID;
		ia.gid = (uint32_t)gid;
	}
	return ia;
}

/* chown(2) */
int64_t sys_chown(struct task *t, uint64_t path, uint64_t uid, uint64_t gid,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = chown_ia(uid, gid);

	return setattr_at(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, 0, &ia,
			  false);
}

/* lchown(2) */
int64_t sys_lchown(struct task *t, uint64_t path, uint64_t uid, uint64_t gid,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = chown_ia(uid, gid);

	return setattr_at(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path,
			  LINUX_AT_SYMLINK_NOFOLLOW, &ia, false);
}

/* fchown(2) */
int64_t sys_fchown(struct task *t, uint64_t fd, uint64_t uid, uint64_t gid,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct iattr ia = chown_ia(uid, gid);

	return fd_setattr(t, fd, &ia);
}

/* fchownat(2) */
int64_t sys_fchownat(struct task *t, uint64_t dirfd, uint64_t path,
		     uint64_t uid, uint64_t gid, uint64_t flags, uint64_t a5)
{
	struct iattr ia = chown_ia(uid, gid);

	if (flags &
	    ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -LINUX_EINVAL;
	return setattr_at(t, dirfd, path, flags, &ia, false);
}

static bool utime_valid(const struct linux_timespec *ts)
{
	return ts->tv_nsec == LINUX_UTIME_NOW ||
	       ts->tv_nsec == LINUX_UTIME_OMIT ||
	       (ts->tv_nsec >= 0 && ts->tv_nsec < 1000000000);
}

/* utimensat(2): a NULL path means the dirfd itself (futimens). */
int64_t sys_utimensat(struct task *t, uint64_t dirfd, uint64_t path,
		      uint64_t times, uint64_t flags, uint64_t a4, uint64_t a5)
{
	struct linux_timespec ts[2] = {{0, LINUX_UTIME_NOW},
				       {0, LINUX_UTIME_NOW}};
	struct iattr ia = {.valid = ATTR_ATIME | ATTR_MTIME};

	if (flags &
	    ~(uint64_t)(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -LINUX_EINVAL;
	if (times && copy_from_user(t, ts, times, sizeof(ts)) < 0)
		return -LINUX_EFAULT;
	if (!utime_valid(&ts[0]) || !utime_valid(&ts[1]))
		return -LINUX_EINVAL;
	if (ts[0].tv_nsec == LINUX_UTIME_OMIT &&
	    ts[1].tv_nsec == LINUX_UTIME_OMIT)
		return 0;
	if (path == 0 && (int)dirfd == LINUX_AT_FDCWD)
		return -LINUX_EFAULT;
	ia.atime = ts[0];
	ia.mtime = ts[1];
	return setattr_at(t, dirfd, path, flags, &ia, true);
}

/* umask(2) */
int64_t sys_umask(struct task *t, uint64_t mask, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return fs_context_umask(t->proc->fs, (unsigned)mask);
}

/* ---- statfs ---- */

static int64_t put_statfs(struct task *t, gaddr buf, const struct kstatfs *k)
{
	struct linux_statfs s;

	memset(&s, 0, sizeof(s));
	s.f_type = k->type;
	s.f_bsize = k->bsize;
	s.f_blocks = k->blocks;
	s.f_bfree = k->bfree;
	s.f_bavail = k->bavail;
	s.f_files = k->files;
	s.f_ffree = k->ffree;
	s.f_fsid[0] = (int32_t)k->fsid;
	s.f_fsid[1] = (int32_t)(k->fsid >> 32);
	s.f_namelen = k->namelen;
	s.f_frsize = k->frsize;
	s.f_flags = k->flags;
	return copy_to_user(t, buf, &s, sizeof(s)) < 0 ? -LINUX_EFAULT : 0;
}

/* statfs(2) */
int64_t sys_statfs(struct task *t, uint64_t upath, uint64_t buf, uint64_t a2,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	char path[LINUX_PATH_MAX];
	struct kstatfs k;
	int r = sys_get_path(t, upath, path, false);

	if (r < 0)
		return r;
	r = vfs_path_statfs(t->proc->fs, NULL, path, &k);
	if (r < 0)
		return r;
	return put_statfs(t, buf, &k);
}

/* fstatfs(2) */
int64_t sys_fstatfs(struct task *t, uint64_t fd, uint64_t buf, uint64_t a2,
		    uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	struct kstatfs k;
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = vfs_statfs(f->inode, &k);
	file_put(f);
	if (r < 0)
		return r;
	return put_statfs(t, buf, &k);
}

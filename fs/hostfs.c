/*
 * hostfs: a host directory as a guest filesystem.  A guest path maps to
 * host path = root + guest-relative path; each inode remembers its host
 * path.  Only path-based POSIX calls are used (lstat, open, readlink,
 * mkdir, unlink, rename, symlink, link, chmod, lchown, utimensat with
 * AT_FDCWD, truncate, opendir/readdir, statvfs) plus pread/pwrite/fsync/
 * ftruncate on host fds: they work natively and under Emscripten's
 * NODERAWFS.  Symlinks are never followed by the host: the VFS walk
 * resolves them inside the guest root, so a host path built here never
 * leaves it.
 *
 * Where NODERAWFS falls short (hard links, exact nanosecond times, a
 * symlink's own times) the wasm build asks Node directly through
 * wasm/wasm_host.h (under __EMSCRIPTEN__).  Permission checks (access)
 * are the VFS's own, from the mode and owner (fs/inode.c).
 *
 * Known limits: RENAME_EXCHANGE and RENAME_WHITEOUT answer -EINVAL;
 * chown as a non-root host user fails like the host does.
 *
 * Layer: fs/ host backend.  Callers: the VFS through hostfs_inode_ops;
 * mount.c (hostfs_create).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "fs.h"
#ifdef __EMSCRIPTEN__
#include "wasm/wasm_host.h"
#endif

struct hostfs_inode {
	struct inode inode;
	char *hpath;
};

/* One directory entry of a snapshot taken when iteration (re)starts. */
struct hostfs_dirent {
	uint64_t ino;
	unsigned dtype;
	char *name;
};

struct hostfs_dir {
	struct hostfs_dirent *ents;
	size_t n;
	bool valid;
};

static const struct inode_ops hostfs_inode_ops;
static const struct file_ops hostfs_file_ops, hostfs_dir_ops;

#define HOST_ERR() (-linux_errno_from_host(errno))

static struct hostfs_inode *HI(struct inode *ino)
{
	return container_of(ino, struct hostfs_inode, inode);
}

static uint32_t mode_from_host(mode_t m)
{
	uint32_t t;

	if (S_ISDIR(m))
		t = LINUX_S_IFDIR;
	else if (S_ISLNK(m))
		t = LINUX_S_IFLNK;
	else if (S_ISCHR(m))
		t = LINUX_S_IFCHR;
	else if (S_ISBLK(m))
		t = LINUX_S_IFBLK;
	else if (S_ISFIFO(m))
		t = LINUX_S_IFIFO;
	else if (S_ISSOCK(m))
		t = LINUX_S_IFSOCK;
	else
		t = LINUX_S_IFREG;
	return t | (uint32_t)(m & 07777);
}

static char *path_join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = malloc(a + b + 2);

	if (!s)
		return NULL;
	memcpy(s, dir, a);
	if (a == 0 || dir[a - 1] != '/')
		s[a++] = '/';
	memcpy(s + a, name, b + 1);
	return s;
}

/* Makes an inode for hpath (taking ownership of it) from its lstat. */
static int hostfs_make_inode(struct super *sb, char *hpath, struct inode **out)
{
	struct hostfs_inode *hi;
	struct stat st;

	if (lstat(hpath, &st) < 0) {
		int err = HOST_ERR();

		free(hpath);
		return err;
	}
	hi = calloc(1, sizeof(*hi));
	if (!hi) {
		free(hpath);
		return -LINUX_ENOMEM;
	}
	hi->hpath = hpath;
	hi->inode.ops = &hostfs_inode_ops;
	hi->inode.fops =
		S_ISDIR(st.st_mode) ? &hostfs_dir_ops : &hostfs_file_ops;
	hi->inode.sb = sb;
	hi->inode.mode = mode_from_host(st.st_mode);
	hi->inode.ino = (uint64_t)st.st_ino;
	hi->inode.refs = 1;
	*out = &hi->inode;
	return 0;
}

static int hostfs_lookup(struct inode *dir, const char *name,
			 struct inode **out)
{
	char *p = path_join(HI(dir)->hpath, name);

	if (!p)
		return -LINUX_ENOMEM;
	return hostfs_make_inode(dir->sb, p, out);
}

#ifndef __EMSCRIPTEN__
static void kstat_from_host(struct kstat *k, const struct stat *st)
{
	k->dev = (uint64_t)st->st_dev;
	k->ino = (uint64_t)st->st_ino;
	k->mode = mode_from_host(st->st_mode);
	k->nlink = (uint32_t)st->st_nlink;
	k->uid = (uint32_t)st->st_uid;
	k->gid = (uint32_t)st->st_gid;
	k->rdev = (uint64_t)st->st_rdev;
	k->size = (int64_t)st->st_size;
	k->blksize = (int64_t)st->st_blksize;
	k->blocks = (int64_t)st->st_blocks;
	k->atime.tv_sec = st->st_atim.tv_sec;
	k->atime.tv_nsec = st->st_atim.tv_nsec;
	k->mtime.tv_sec = st->st_mtim.tv_sec;
	k->mtime.tv_nsec = st->st_mtim.tv_nsec;
	k->ctime.tv_sec = st->st_ctim.tv_sec;
	k->ctime.tv_nsec = st->st_ctim.tv_nsec;
	k->btime = k->mtime; /* the host's birth time is not portable */
}
#endif

#ifdef __EMSCRIPTEN__
/* Node's own lstat: exact nanosecond times, which Emscripten's rounds. */
static int hostfs_getattr(struct inode *ino, struct kstat *k)
{
	struct wasm_host_stat st;
	int err = wasm_host_lstat(HI(ino)->hpath, &st);

	if (err < 0)
		return err;
	k->dev = st.dev;
	k->ino = st.ino;
	k->mode = mode_from_host((mode_t)st.mode);
	k->nlink = (uint32_t)st.nlink;
	k->uid = (uint32_t)st.uid;
	k->gid = (uint32_t)st.gid;
	k->rdev = st.rdev;
	k->size = st.size;
	k->blksize = st.blksize;
	k->blocks = st.blocks;
	k->atime = (struct linux_timespec){st.atime_sec, st.atime_nsec};
	k->mtime = (struct linux_timespec){st.mtime_sec, st.mtime_nsec};
	k->ctime = (struct linux_timespec){st.ctime_sec, st.ctime_nsec};
	k->btime = k->mtime;
	return 0;
}
#else
static int hostfs_getattr(struct inode *ino, struct kstat *k)
{
	struct stat st;

	if (lstat(HI(ino)->hpath, &st) < 0)
		return HOST_ERR();
	kstat_from_host(k, &st);
	return 0;
}
#endif

static void timespec_to_host(struct timespec *h, const struct linux_timespec *g,
			     bool given)
{
	if (!given) {
		h->tv_sec = 0;
		h->tv_nsec = UTIME_OMIT;
	} else if (g->tv_nsec == LINUX_UTIME_NOW) {
		h->tv_sec = 0;
		h->tv_nsec = UTIME_NOW;
	} else if (g->tv_nsec == LINUX_UTIME_OMIT) {
		h->tv_sec = 0;
		h->tv_nsec = UTIME_OMIT;
	} else {
		h->tv_sec = (time_t)g->tv_sec;
		h->tv_nsec = (long)g->tv_nsec;
	}
}

#ifdef __EMSCRIPTEN__
/*
 * Emscripten's utimensat takes no flags, no UTIME_NOW/OMIT and keeps only
 * milliseconds: resolve NOW/OMIT here and set exact times through Node
 * (which never follows a symlink there).
 */
static int host_utimens(struct inode *ino, const char *p, struct timespec *ts)
{
	struct wasm_host_stat st;
	int64_t sec[2], nsec[2];
	int err = wasm_host_lstat(p, &st);

	(void)ino;
	if (err < 0)
		return err;
	for (int i = 0; i < 2; i++) {
		if (ts[i].tv_nsec == UTIME_NOW) {
			struct timespec now;

			clock_gettime(CLOCK_REALTIME, &now);
			sec[i] = now.tv_sec;
			nsec[i] = now.tv_nsec;
		} else if (ts[i].tv_nsec == UTIME_OMIT) {
			sec[i] = i == 0 ? st.atime_sec : st.mtime_sec;
			nsec[i] = i == 0 ? st.atime_nsec : st.mtime_nsec;
		} else {
			sec[i] = ts[i].tv_sec;
			nsec[i] = ts[i].tv_nsec;
		}
	}
	return wasm_host_utimens(p, sec[0], nsec[0], sec[1], nsec[1]);
}
#else
static int host_utimens(struct inode *ino, const char *p, struct timespec *ts)
{
	/* the walk already resolved symlinks: never follow one here */
	if (utimensat(AT_FDCWD, p, ts, AT_SYMLINK_NOFOLLOW) < 0)
		return HOST_ERR();
	return 0;
}
#endif

static int hostfs_setattr(struct inode *ino, const struct iattr *ia)
{
	const char *p = HI(ino)->hpath;

	if ((ia->valid & ATTR_MODE) && !inode_is_lnk(ino) &&
	    chmod(p, (mode_t)(ia->mode & 07777)) < 0)
		return HOST_ERR();
	if ((ia->valid & (ATTR_UID | ATTR_GID)) &&
	    lchown(p, (ia->valid & ATTR_UID) ? (uid_t)ia->uid : (uid_t)-1,
		   (ia->valid & ATTR_GID) ? (gid_t)ia->gid : (gid_t)-1) < 0)
		return HOST_ERR();
	if ((ia->valid & ATTR_SIZE) && truncate(p, (off_t)ia->size) < 0)
		return HOST_ERR();
	if (ia->valid & (ATTR_ATIME | ATTR_MTIME)) {
		struct timespec ts[2];
		int err;

		timespec_to_host(&ts[0], &ia->atime, ia->valid & ATTR_ATIME);
		timespec_to_host(&ts[1], &ia->mtime, ia->valid & ATTR_MTIME);
		err = host_utimens(ino, p, ts);
		if (err < 0)
			return err;
	}
	if (ia->valid & ATTR_MODE)
		ino->mode = (ino->mode & LINUX_S_IFMT) | (ia->mode & 07777);
	return 0;
}

static int hostfs_readlink(struct inode *ino, char *buf, size_t len)
{
	ssize_t n = readlink(HI(ino)->hpath, buf, len);

	return n < 0 ? HOST_ERR() : (int)n;
}

static int host_open_flags(int flags)
{
	int h = 0;

	switch (flags & LINUX_O_ACCMODE) {
	case LINUX_O_WRONLY:
		h = O_WRONLY;
		break;
	case LINUX_O_RDWR:
		h = O_RDWR;
		break;
	default:
		h = O_RDONLY;
	}
	if (flags & LINUX_O_DSYNC)
		h |= O_DSYNC;
	if ((flags & LINUX_O_SYNC) == LINUX_O_SYNC)
		h |= O_SYNC;
	/* O_APPEND is done by the VFS (vfs_write), O_TRUNC by vfs_open. */
	return h | O_CLOEXEC;
}

static int hostfs_open(struct inode *ino, struct file *f)
{
	int fd;

	if (inode_is_dir(ino)) {
		struct hostfs_dir *d = calloc(1, sizeof(*d));

		if (!d)
			return -LINUX_ENOMEM;
		f->ops = &hostfs_dir_ops;
		f->priv = d;
		return 0;
	}
	fd = open(HI(ino)->hpath, host_open_flags(f->flags));
	if (fd < 0)
		return HOST_ERR();
	f->ops = &hostfs_file_ops;
	f->priv = (void *)(intptr_t)fd;
	if ((ino->mode & LINUX_S_IFMT) != LINUX_S_IFREG)
		f->fmode |= FILE_STREAM; /* host fifos and devices */
	return 0;
}

/*
 * The guest's umask is applied by the VFS; the host's own umask (wax's,
 * or Node's under NODERAWFS) must not strip more: set exactly mode.
 */
static void host_fix_mode(const char *p, uint32_t mode)
{
	struct stat st;

	if (lstat(p, &st) == 0 && (st.st_mode & 07777) != (mode & 07777))
		chmod(p, (mode_t)(mode & 07777));
}

static int hostfs_create_file(struct inode *dir, const char *name,
			      uint32_t mode, struct file *f)
{
	char *p = path_join(HI(dir)->hpath, name);
	struct inode *ino;
	int fd, err;

	if (!p)
		return -LINUX_ENOMEM;
	fd = open(p, host_open_flags(f->flags) | O_CREAT | O_EXCL,
		  (mode_t)(mode & 07777));
	if (fd < 0) {
		err = HOST_ERR();
		free(p);
		return err;
	}
	host_fix_mode(p, mode);
	err = hostfs_make_inode(dir->sb, p, &ino);
	if (err < 0) {
		close(fd);
		return err;
	}
	f->inode = ino; /* the file owns this first reference */
	f->ops = &hostfs_file_ops;
	f->priv = (void *)(intptr_t)fd;
	return 0;
}

/* Runs a host call on the path of name in dir; 0 or -LINUX_E*. */
#define HOSTFS_NAMEOP(dir, name, call)                                         \
	({                                                                     \
		char *p = path_join(HI(dir)->hpath, (name));                   \
		int r_ = -LINUX_ENOMEM;                                        \
		if (p) {                                                       \
			r_ = (call) < 0 ? HOST_ERR() : 0;                      \
			free(p);                                               \
		}                                                              \
		r_;                                                            \
	})

static int hostfs_mkdir(struct inode *dir, const char *name, uint32_t mode)
{
	return HOSTFS_NAMEOP(dir, name,
			     mkdir(p, (mode_t)(mode & 07777)) < 0
				     ? -1
				     : (host_fix_mode(p, mode), 0));
}

static int hostfs_mknod(struct inode *dir, const char *name, uint32_t mode,
			uint64_t rdev)
{
	int fd;

	switch (mode & LINUX_S_IFMT) {
	case 0:
	case LINUX_S_IFREG:
		return HOSTFS_NAMEOP(
			dir, name,
			(fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
				   (mode_t)(mode & 07777))) < 0
				? -1
				: close(fd));
	case LINUX_S_IFIFO: {
#ifdef __EMSCRIPTEN__
		/* NODERAWFS's mknod makes a regular file: ask Node */
		char *p = path_join(HI(dir)->hpath, name);
		int err = p ? wasm_host_mkfifo(p, mode & 07777) : -LINUX_ENOMEM;

		free(p);
		return err;
#else
		return HOSTFS_NAMEOP(dir, name,
				     mkfifo(p, (mode_t)(mode & 07777)));
#endif
	}
	}
	return -LINUX_EPERM; /* devices: wax does not make host nodes */
}

static int hostfs_unlink(struct inode *dir, const char *name)
{
	return HOSTFS_NAMEOP(dir, name, unlink(p));
}

static int hostfs_rmdir(struct inode *dir, const char *name)
{
	return HOSTFS_NAMEOP(dir, name, rmdir(p));
}

static int hostfs_symlink(struct inode *dir, const char *name,
			  const char *target)
{
	return HOSTFS_NAMEOP(dir, name, symlink(target, p));
}

static int hostfs_link(struct inode *old, struct inode *dir, const char *name)
{
	char *p = path_join(HI(dir)->hpath, name);
	int err;

	if (!p)
		return -LINUX_ENOMEM;
#ifdef __EMSCRIPTEN__
	err = wasm_host_link(HI(old)->hpath, p); /* NODERAWFS has no link() */
#else
	err = link(HI(old)->hpath, p) < 0 ? HOST_ERR() : 0;
#endif
	free(p);
	return err;
}

static int hostfs_rename(struct inode *odir, const char *oname,
			 struct inode *ndir, const char *nname, unsigned flags)
{
	char *o, *n;
	int err = 0;

	if (flags & (LINUX_RENAME_EXCHANGE | LINUX_RENAME_WHITEOUT))
		return -LINUX_EINVAL; /* no portable host call */
	o = path_join(HI(odir)->hpath, oname);
	n = path_join(HI(ndir)->hpath, nname);
	if (!o || !n) {
		err = -LINUX_ENOMEM;
		goto out_free;
	}
	/* RENAME_NOREPLACE: the VFS checked that n did not exist */
	if (rename(o, n) < 0)
		err = HOST_ERR();
out_free:
	free(o);
	free(n);
	return err;
}

static int hostfs_statfs(struct inode *ino, struct kstatfs *k)
{
	struct statvfs sv;

	if (statvfs(HI(ino)->hpath, &sv) < 0)
		return HOST_ERR();
	k->type = 0xef53; /* EXT4_SUPER_MAGIC: the host type is not portable */
	k->bsize = (int64_t)sv.f_bsize;
	k->frsize = (int64_t)(sv.f_frsize ? sv.f_frsize : sv.f_bsize);
	k->blocks = sv.f_blocks;
	k->bfree = sv.f_bfree;
	k->bavail = sv.f_bavail;
	k->files = sv.f_files;
	k->ffree = sv.f_ffree;
	k->fsid = (uint64_t)sv.f_fsid;
	k->namelen = (int64_t)(sv.f_namemax ? sv.f_namemax : 255);
	return 0;
}

static void hostfs_release(struct inode *ino)
{
	free(HI(ino)->hpath);
	free(HI(ino));
}

static const struct inode_ops hostfs_inode_ops = {
	.lookup = hostfs_lookup,
	.getattr = hostfs_getattr,
	.setattr = hostfs_setattr,
	.readlink = hostfs_readlink,
	.open = hostfs_open,
	.create = hostfs_create_file,
	.mkdir = hostfs_mkdir,
	.mknod = hostfs_mknod,
	.unlink = hostfs_unlink,
	.rmdir = hostfs_rmdir,
	.symlink = hostfs_symlink,
	.link = hostfs_link,
	.rename = hostfs_rename,
	.statfs = hostfs_statfs,
	.release = hostfs_release,
};

/* ---- regular files: a host fd in f->priv ---- */

static int file_fd(struct file *f)
{
	return (int)(intptr_t)f->priv;
}

static int64_t hostfs_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	ssize_t r;

	if (f->fmode & FILE_STREAM)
		r = read(file_fd(f), buf, n);
	else
		r = pread(file_fd(f), buf, n, (off_t)*pos);
	if (r < 0)
		return HOST_ERR();
	*pos += (uint64_t)r;
	return r;
}

static int64_t hostfs_write(struct file *f, const void *buf, size_t n,
			    uint64_t *pos)
{
	ssize_t r;

	if (f->fmode & FILE_STREAM)
		r = write(file_fd(f), buf, n);
	else
		r = pwrite(file_fd(f), buf, n, (off_t)*pos);
	if (r < 0)
		return HOST_ERR();
	*pos += (uint64_t)r;
	return r;
}

static int hostfs_fsync(struct file *f, bool datasync)
{
	return fsync(file_fd(f)) < 0 ? HOST_ERR() : 0;
}

static int hostfs_ftruncate(struct file *f, int64_t len)
{
	return ftruncate(file_fd(f), (off_t)len) < 0 ? HOST_ERR() : 0;
}

static int hostfs_nread(struct file *f)
{
	struct stat st;

	if (fstat(file_fd(f), &st) < 0)
		return HOST_ERR();
	if (!S_ISREG(st.st_mode))
		return -LINUX_ENOTTY;
	return st.st_size > (off_t)f->pos
		       ? (int)MIN(st.st_size - (off_t)f->pos, INT_MAX)
		       : 0;
}

static void hostfs_file_release(struct file *f)
{
	close(file_fd(f));
}

static const struct file_ops hostfs_file_ops = {
	.read = hostfs_read,
	.write = hostfs_write,
	.fsync = hostfs_fsync,
	.truncate = hostfs_ftruncate,
	.nread = hostfs_nread,
	.release = hostfs_file_release,
};

/* ---- directories: a snapshot of readdir, position = entry index ---- */

#ifndef __EMSCRIPTEN__
static unsigned dtype_from_host(unsigned char t)
{
	switch (t) {
	case DT_FIFO:
		return LINUX_DT_FIFO;
	case DT_CHR:
		return LINUX_DT_CHR;
	case DT_DIR:
		return LINUX_DT_DIR;
	case DT_BLK:
		return LINUX_DT_BLK;
	case DT_REG:
		return LINUX_DT_REG;
	case DT_LNK:
		return LINUX_DT_LNK;
	case DT_SOCK:
		return LINUX_DT_SOCK;
	}
	return LINUX_DT_UNKNOWN;
}
#endif

static void dir_free(struct hostfs_dir *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->ents[i].name);
	free(d->ents);
	d->ents = NULL;
	d->n = 0;
	d->valid = false;
}

static int dir_add(struct hostfs_dir *d, size_t *cap, const char *name,
		   size_t len, uint64_t ino, unsigned dtype)
{
	struct hostfs_dirent *e;

	if (d->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;

		e = realloc(d->ents, ncap * sizeof(*e));
		if (!e)
			return -LINUX_ENOMEM;
		d->ents = e;
		*cap = ncap;
	}
	e = &d->ents[d->n];
	e->name = strndup(name, len);
	if (!e->name)
		return -LINUX_ENOMEM;
	e->ino = ino;
	e->dtype = dtype;
	d->n++;
	return 0;
}

#ifdef __EMSCRIPTEN__
/* Node's listing in the host's order (Emscripten's own is sorted). */
static int dir_snapshot(struct file *f, struct hostfs_dir *d)
{
	const char *hp = HI(f->inode)->hpath;
	uint8_t *buf = NULL;
	size_t cap = 0;
	int len = 4096, want, err = 0;

	dir_free(d);
	for (;;) {
		uint8_t *nb = realloc(buf, (size_t)len);

		if (!nb) {
			free(buf);
			return -LINUX_ENOMEM;
		}
		buf = nb;
		want = wasm_host_readdir(hp, buf, len);
		if (want <= len)
			break;
		len = want;
	}
	if (want < 0)
		err = want;
	for (int off = 0; err == 0 && off + 11 <= want;) {
		uint64_t ino = 0;
		size_t nlen = (size_t)buf[off + 9] | (size_t)buf[off + 10] << 8;

		for (int i = 7; i >= 0; i--)
			ino = ino << 8 | buf[off + i];
		if (off + 11 + (int)nlen > want)
			break;
		err = dir_add(d, &cap, (const char *)buf + off + 11, nlen, ino,
			      buf[off + 8]);
		off += 11 + (int)nlen;
	}
	free(buf);
	d->valid = err == 0;
	return err;
}
#else
static int dir_snapshot(struct file *f, struct hostfs_dir *d)
{
	DIR *dir = opendir(HI(f->inode)->hpath);
	struct dirent *de;
	size_t cap = 0;
	int err = 0;

	if (!dir)
		return HOST_ERR();
	dir_free(d);
	while (err == 0 && (de = readdir(dir)) != NULL)
		err = dir_add(d, &cap, de->d_name, strlen(de->d_name),
			      (uint64_t)de->d_ino, dtype_from_host(de->d_type));
	closedir(dir);
	d->valid = err == 0;
	return err;
}
#endif

static int hostfs_iterate(struct file *f, struct dir_context *ctx)
{
	struct hostfs_dir *d = f->priv;
	int err;

	if (ctx->pos == 0 || !d->valid) {
		err = dir_snapshot(f, d);
		if (err < 0)
			return err;
	}
	while (ctx->pos >= 0 && (size_t)ctx->pos < d->n) {
		struct hostfs_dirent *e = &d->ents[ctx->pos];

		if (!ctx->emit(ctx, e->name, strlen(e->name), e->ino, e->dtype))
			break;
		ctx->pos++;
	}
	return 0;
}

static int64_t hostfs_dir_llseek(struct file *f, int64_t off, int whence)
{
	if (whence == LINUX_SEEK_CUR)
		off += (int64_t)f->pos;
	else if (whence != LINUX_SEEK_SET)
		return -LINUX_EINVAL;
	if (off < 0)
		return -LINUX_EINVAL;
	f->pos = (uint64_t)off;
	return off;
}

static int hostfs_dir_fsync(struct file *f, bool datasync)
{
	return 0;
}

static void hostfs_dir_release(struct file *f)
{
	struct hostfs_dir *d = f->priv;

	if (d) {
		dir_free(d);
		free(d);
	}
}

static const struct file_ops hostfs_dir_ops = {
	.iterate = hostfs_iterate,
	.llseek = hostfs_dir_llseek,
	.fsync = hostfs_dir_fsync,
	.release = hostfs_dir_release,
};

struct super *hostfs_create(const char *host_root, int *err)
{
	struct super *sb = calloc(1, sizeof(*sb));
	char *root = realpath(host_root, NULL);
	struct stat st;

	if (!root)
		root = strdup(host_root);
	if (!sb || !root) {
		*err = -LINUX_ENOMEM;
		goto out_free;
	}
	if (stat(root, &st) < 0) {
		*err = HOST_ERR();
		goto out_free;
	}
	if (!S_ISDIR(st.st_mode)) {
		*err = -LINUX_ENOTDIR;
		goto out_free;
	}
	sb->fstype = "hostfs";
	sb->dev = (uint64_t)st.st_dev;
	*err = hostfs_make_inode(sb, root, &sb->root);
	if (*err < 0) {
		free(sb);
		return NULL;
	}
	return sb;
out_free:
	free(root);
	free(sb);
	return NULL;
}

/*
 * File syscalls, open/close/read/write family: read(2), write(2),
 * readv(2), writev(2), pread64(2), pwrite64(2), open(2), openat(2),
 * creat(2), close(2), lseek(2), fsync(2), fdatasync(2), truncate(2),
 * ftruncate(2), posix_fadvise(2).  Guest buffers are bounced through host
 * buffers of at most SYS_IO_CHUNK bytes; guest addresses never reach a
 * host call.  Counts are clamped to MAX_RW_COUNT like Linux.
 *
 * Layer: syscalls/.  Called through the dispatch table; calls into fs/.
 */
#include <stdlib.h>
#include <string.h>

#include "sys_fs.h"

int sys_get_path(struct task *t, gaddr src, char *buf, bool allow_empty)
{
	int64_t n;

	if (!allow_empty)
		return copy_path_from_user(t, buf, src);
	n = mm_read_str(t->proc->mm, buf, src, LINUX_PATH_MAX);
	return n < 0 ? (int)n : 0;
}

int sys_at_dir(struct task *t, uint64_t dirfd, const char *path,
	       const char **dir_path, struct file **hold)
{
	struct file *f;

	*dir_path = NULL;
	*hold = NULL;
	if (path[0] == '/' || (int)dirfd == LINUX_AT_FDCWD)
		return 0;
	f = sys_fget(t, dirfd);
	if (!f)
		return -LINUX_EBADF;
	if (path[0] && !inode_is_dir(f->inode)) {
		file_put(f);
		return -LINUX_ENOTDIR;
	}
	*dir_path = file_path(f);
	*hold = f;
	return 0;
}

/* ---- read / write ---- */

/*
 * Bytes of [addr, addr+n) the guest may write, from the start, in whole
 * pages up to the first bad one.  Probes by reading each piece and writing
 * it back unchanged, so nothing visible changes.
 */
static size_t user_writable_prefix(struct task *t, gaddr addr, size_t n)
{
	uint8_t tmp[GUEST_PAGE_SIZE];
	size_t done = 0;

	while (done < n) {
		size_t piece =
			MIN(n - done, GUEST_PAGE_SIZE - ((addr + done) &
							 ~GUEST_PAGE_MASK));

		if (copy_from_user(t, tmp, addr + done, piece) < 0 ||
		    copy_to_user(t, addr + done, tmp, piece) < 0)
			break;
		done += piece;
	}
	return done;
}

/* Copies the readable prefix of [addr, addr+n) into dst (page by page). */
static size_t user_read_prefix(struct task *t, void *dst, gaddr addr, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t piece =
			MIN(n - done, GUEST_PAGE_SIZE - ((addr + done) &
							 ~GUEST_PAGE_MASK));

		if (copy_from_user(t, (uint8_t *)dst + done, addr + done,
				   piece) < 0)
			break;
		done += piece;
	}
	return done;
}

/*
 * Reads up to n bytes into guest memory at buf, at the file position
 * (off < 0) or at off.  Streams (pipes, ttys) get one host call so a
 * second chunk cannot block, and only as much as the guest buffer can
 * take, so a bad buffer never eats pipe data.  Like Linux, a buffer that
 * goes bad part way gives a short count (the bytes before the fault).
 */
static int64_t do_read(struct task *t, struct file *f, gaddr buf, uint64_t n,
		       int64_t off)
{
	size_t cap = (size_t)MIN(n, (uint64_t)SYS_IO_CHUNK);
	uint8_t *hb = malloc(cap ? cap : 1);
	bool stream = f->fmode & FILE_STREAM;
	uint64_t done = 0;
	int64_t r = 0;

	if (!hb)
		return -LINUX_ENOMEM;
	do {
		size_t want = (size_t)MIN(n - done, (uint64_t)cap), ok;

		if (stream) {
			want = user_writable_prefix(t, buf + done, want);
			if (want == 0) {
				r = -LINUX_EFAULT;
				break;
			}
		}
		r = off < 0 ? vfs_read(f, hb, want)
			    : vfs_pread(f, hb, want, (uint64_t)off + done);
		if (r <= 0)
			break;
		if (copy_to_user(t, buf + done, hb, (size_t)r) < 0) {
			ok = user_writable_prefix(t, buf + done, (size_t)r);
			copy_to_user(t, buf + done, hb, ok);
			if (off < 0 && !stream)
				vfs_lseek(f, (int64_t)ok - r, LINUX_SEEK_CUR);
			done += ok;
			r = -LINUX_EFAULT;
			break;
		}
		done += (uint64_t)r;
		if ((size_t)r < want || stream)
			break;
	} while (done < n);
	free(hb);
	return done ? (int64_t)done : r;
}

static int64_t do_write(struct task *t, struct file *f, gaddr buf, uint64_t n,
			int64_t off)
{
	size_t cap = (size_t)MIN(n, (uint64_t)SYS_IO_CHUNK);
	uint8_t *hb = malloc(cap ? cap : 1);
	uint64_t done = 0;
	int64_t r = 0;

	if (!hb)
		return -LINUX_ENOMEM;
	do {
		size_t want = (size_t)MIN(n - done, (uint64_t)cap);
		bool fault = false;

		if (copy_from_user(t, hb, buf + done, want) < 0) {
			/* write what precedes the bad page, then stop */
			want = user_read_prefix(t, hb, buf + done, want);
			fault = true;
			if (want == 0) {
				r = -LINUX_EFAULT;
				break;
			}
		}
		r = off < 0 ? vfs_write(f, hb, want)
			    : vfs_pwrite(f, hb, want, (uint64_t)off + done);
		if (r <= 0)
			break;
		done += (uint64_t)r;
		if ((size_t)r < want || fault)
			break;
	} while (done < n);
	free(hb);
	return done ? (int64_t)done : r;
}

static int64_t rw_common(struct task *t, uint64_t fd, gaddr buf, uint64_t n,
			 int64_t off, bool write)
{
	struct file *f = sys_fget(t, fd);
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	if (!sys_access_ok(buf, n)) {
		/* the fd's mode is checked first, like vfs_read/vfs_write */
		r = write ? vfs_pwrite(f, NULL, 0, 0)
			  : vfs_pread(f, NULL, 0, 0);
		file_put(f);
		return r == -LINUX_EBADF ? r : -LINUX_EFAULT;
	}
	if (n > (uint64_t)LINUX_MAX_RW_COUNT)
		n = (uint64_t)LINUX_MAX_RW_COUNT;
	if (n == 0) /* still reports EBADF/EISDIR/EINVAL like Linux */
		r = write ? (off < 0 ? vfs_write(f, NULL, 0)
				     : vfs_pwrite(f, NULL, 0, (uint64_t)off))
			  : (off < 0 ? vfs_read(f, NULL, 0)
				     : vfs_pread(f, NULL, 0, (uint64_t)off));
	else
		r = write ? do_write(t, f, buf, n, off)
			  : do_read(t, f, buf, n, off);
	file_put(f);
	return r;
}

/* read(2) */
int64_t sys_read(struct task *t, uint64_t fd, uint64_t buf, uint64_t n,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return rw_common(t, fd, buf, n, -1, false);
}

/*
 * A write that found no reader (pipe(7): "If all file descriptors
 * referring to the read end of a pipe have been closed, then a write(2)
 * will cause a SIGPIPE signal to be generated for the calling process"):
 * SIGPIPE is sent, and the caller still gets -EPIPE when it survives
 * (ignored, blocked or handled).
 */
static int64_t sys_write_result(struct task *t, int64_t r)
{
	if (r == -LINUX_EPIPE)
		proc_send_signal(t, LINUX_SIGPIPE);
	return r;
}

/* write(2) */
int64_t sys_write(struct task *t, uint64_t fd, uint64_t buf, uint64_t n,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return sys_write_result(t, rw_common(t, fd, buf, n, -1, true));
}

/* pread(2): a negative offset is EINVAL. */
int64_t sys_pread64(struct task *t, uint64_t fd, uint64_t buf, uint64_t n,
		    uint64_t off, uint64_t a4, uint64_t a5)
{
	if ((int64_t)off < 0)
		return sys_fget(t, fd)
			       ? (file_put(sys_fget(t, fd)), -LINUX_EINVAL)
			       : -LINUX_EBADF;
	return rw_common(t, fd, buf, n, (int64_t)off, false);
}

/* pwrite(2) */
int64_t sys_pwrite64(struct task *t, uint64_t fd, uint64_t buf, uint64_t n,
		     uint64_t off, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);

	if (!f)
		return -LINUX_EBADF;
	file_put(f);
	if ((int64_t)off < 0)
		return -LINUX_EINVAL;
	return sys_write_result(t,
				rw_common(t, fd, buf, n, (int64_t)off, true));
}

/* readv(2)/writev(2): iovcnt above UIO_MAXIOV or a negative length is
 * EINVAL; the total is clamped to MAX_RW_COUNT; stops at a short one. */
static int64_t rw_vec(struct task *t, uint64_t fd, gaddr iov, uint64_t cnt,
		      bool write)
{
	struct linux_iovec *v;
	struct file *f;
	uint64_t total = 0, done = 0;
	int64_t r = 0;

	if ((int64_t)cnt < 0 || cnt > LINUX_UIO_MAXIOV)
		return -LINUX_EINVAL;
	f = sys_fget(t, fd);
	if (!f)
		return -LINUX_EBADF;
	v = malloc(sizeof(*v) * (cnt ? cnt : 1));
	if (!v) {
		r = -LINUX_ENOMEM;
		goto out_put;
	}
	if (copy_from_user(t, v, iov, sizeof(*v) * cnt) < 0) {
		r = -LINUX_EFAULT;
		goto out_free;
	}
	for (uint64_t i = 0; i < cnt; i++) {
		if ((int64_t)v[i].iov_len < 0) {
			r = -LINUX_EINVAL;
			goto out_free;
		}
	}
	/* lib/iov_iter.c: each segment must be accessible; the total is
	 * clamped to MAX_RW_COUNT */
	for (uint64_t i = 0; i < cnt; i++) {
		if (!sys_access_ok(v[i].iov_base, v[i].iov_len)) {
			r = -LINUX_EFAULT;
			goto out_free;
		}
		total += MIN(v[i].iov_len, (uint64_t)LINUX_MAX_RW_COUNT);
	}
	if (total == 0) {
		r = write ? vfs_write(f, NULL, 0) : vfs_read(f, NULL, 0);
		goto out_free;
	}
	for (uint64_t i = 0; i < cnt && done < (uint64_t)LINUX_MAX_RW_COUNT;
	     i++) {
		uint64_t len =
			MIN(v[i].iov_len, (uint64_t)LINUX_MAX_RW_COUNT - done);

		if (len == 0)
			continue;
		r = write ? do_write(t, f, v[i].iov_base, len, -1)
			  : do_read(t, f, v[i].iov_base, len, -1);
		if (r <= 0)
			break;
		done += (uint64_t)r;
		if ((uint64_t)r < len)
			break;
		if (!write && (f->fmode & FILE_STREAM) && vfs_nread(f) == 0)
			break; /* a pipe ran dry: do not block for more */
	}
	if (done)
		r = (int64_t)done;
out_free:
	free(v);
out_put:
	file_put(f);
	return r;
}

int64_t sys_readv(struct task *t, uint64_t fd, uint64_t iov, uint64_t cnt,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return rw_vec(t, fd, iov, cnt, false);
}

int64_t sys_writev(struct task *t, uint64_t fd, uint64_t iov, uint64_t cnt,
		   uint64_t a3, uint64_t a4, uint64_t a5)
{
	return sys_write_result(t, rw_vec(t, fd, iov, cnt, true));
}

/* ---- open / close ---- */

static int64_t do_openat(struct task *t, uint64_t dirfd, gaddr upath,
			 uint64_t flags, uint64_t mode)
{
	char path[LINUX_PATH_MAX];
	const char *dir;
	struct file *hold, *f;
	int64_t r;

	r = sys_get_path(t, upath, path, false);
	if (r < 0)
		return r;
	r = sys_at_dir(t, dirfd, path, &dir, &hold);
	if (r < 0)
		return r;
	/* x86-64 Linux forces O_LARGEFILE (F_GETFL shows it) */
	flags |= LINUX_O_LARGEFILE;
	r = vfs_openat(t->proc->fs, dir, path, (int)flags, (int)mode, &f);
	file_put(hold);
	if (r < 0)
		return r;
	sys_fd_limit(t);
	r = fdtable_install(t->proc->fds, f, 0, flags & LINUX_O_CLOEXEC);
	file_put(f);
	return r;
}

/* open(2) */
int64_t sys_open(struct task *t, uint64_t path, uint64_t flags, uint64_t mode,
		 uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_openat(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path, flags,
			 mode);
}

/* openat(2) */
int64_t sys_openat(struct task *t, uint64_t dirfd, uint64_t path,
		   uint64_t flags, uint64_t mode, uint64_t a4, uint64_t a5)
{
	return do_openat(t, dirfd, path, flags, mode);
}

/* creat(2): open(path, O_CREAT|O_WRONLY|O_TRUNC, mode) */
int64_t sys_creat(struct task *t, uint64_t path, uint64_t mode, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_openat(t, (uint64_t)(int64_t)LINUX_AT_FDCWD, path,
			 LINUX_O_CREAT | LINUX_O_WRONLY | LINUX_O_TRUNC, mode);
}

/* close(2) */
int64_t sys_close(struct task *t, uint64_t fd, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return fdtable_close(t->proc->fds, (int)fd);
}

/* lseek(2) */
int64_t sys_lseek(struct task *t, uint64_t fd, uint64_t off, uint64_t whence,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int64_t r;

	if (!f)
		return -LINUX_EBADF;
	r = whence > LINUX_SEEK_HOLE ? -LINUX_EINVAL
				     : vfs_lseek(f, (int64_t)off, (int)whence);
	file_put(f);
	return r;
}

static int64_t do_fsync(struct task *t, uint64_t fd, bool datasync)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = vfs_fsync(f, datasync);
	file_put(f);
	return r;
}

/* fsync(2) */
int64_t sys_fsync(struct task *t, uint64_t fd, uint64_t a1, uint64_t a2,
		  uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_fsync(t, fd, false);
}

/* fdatasync(2) */
int64_t sys_fdatasync(struct task *t, uint64_t fd, uint64_t a1, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	return do_fsync(t, fd, true);
}

/* truncate(2): follows symlinks; a negative length is EINVAL. */
int64_t sys_truncate(struct task *t, uint64_t upath, uint64_t len, uint64_t a2,
		     uint64_t a3, uint64_t a4, uint64_t a5)
{
	char path[LINUX_PATH_MAX];
	int r = sys_get_path(t, upath, path, false);
	struct iattr ia = {.valid = ATTR_SIZE, .size = (int64_t)len};

	if (r < 0)
		return r;
	if ((int64_t)len < 0)
		return -LINUX_EINVAL;
	return vfs_path_setattr(t->proc->fs, NULL, path, 0, &ia);
}

/* ftruncate(2): the fd must be open for writing (else EINVAL). */
int64_t sys_ftruncate(struct task *t, uint64_t fd, uint64_t len, uint64_t a2,
		      uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int r;

	if (!f)
		return -LINUX_EBADF;
	r = vfs_ftruncate(f, (int64_t)len);
	file_put(f);
	return r;
}

/* posix_fadvise(2): advice only, accepted after the checks. */
int64_t sys_fadvise64(struct task *t, uint64_t fd, uint64_t off, uint64_t len,
		      uint64_t advice, uint64_t a4, uint64_t a5)
{
	struct file *f = sys_fget(t, fd);
	int64_t r = 0;

	if (!f)
		return -LINUX_EBADF;
	if (f->fmode & FILE_STREAM)
		r = -LINUX_ESPIPE;
	else if (advice > 5 || (int64_t)len < 0)
		r = -LINUX_EINVAL;
	file_put(f);
	return r;
}

/*
 * Public interface of the fs layer: the VFS (mount table, path walk
 * confined to the guest root, inodes and open files with const ops
 * tables), per-process fd tables and fs contexts, and the filesystems
 * (hostfs, devfs, procfs; ext2, tmpfs, pipes and sockets later).
 *
 * Callers: syscalls/ (file syscalls), frontend/ (ELF loader reads the
 * program through vfs_open/vfs_pread).  fs/ calls down into translate/
 * only (guest memory for ioctl arguments, /proc/self/maps).
 *
 * Conventions: every call returns >= 0 or a negative LINUX_E* value.
 * Paths are guest paths; flags and modes are Linux's values (LINUX_O_*,
 * S_IF* bits of struct kstat.mode are Linux's octal values).
 *
 * NOTE for the fs/ implementer: extend this header as needed; the
 * functions below are the contract other layers are written against.
 */
#ifndef WAX_FS_H
#define WAX_FS_H

#include "translate.h"
#include "wax.h"

/* Linux open(2) flags, x86-64 values. */
#define LINUX_O_RDONLY	  00
#define LINUX_O_WRONLY	  01
#define LINUX_O_RDWR	  02
#define LINUX_O_ACCMODE	  03
#define LINUX_O_CREAT	  0100
#define LINUX_O_EXCL	  0200
#define LINUX_O_NOCTTY	  0400
#define LINUX_O_TRUNC	  01000
#define LINUX_O_APPEND	  02000
#define LINUX_O_NONBLOCK  04000
#define LINUX_O_DSYNC	  010000
#define LINUX_O_DIRECT	  040000
#define LINUX_O_LARGEFILE 0100000
#define LINUX_O_DIRECTORY 0200000
#define LINUX_O_NOFOLLOW  0400000
#define LINUX_O_NOATIME	  01000000
#define LINUX_O_CLOEXEC	  02000000
#define LINUX_O_SYNC	  04010000
#define LINUX_O_PATH	  010000000
#define LINUX_O_TMPFILE	  020200000

#define LINUX_AT_FDCWD		  (-100)
#define LINUX_AT_SYMLINK_NOFOLLOW 0x100
#define LINUX_AT_REMOVEDIR	  0x200
#define LINUX_AT_SYMLINK_FOLLOW	  0x400
#define LINUX_AT_EACCESS	  0x200
#define LINUX_AT_EMPTY_PATH	  0x1000

#define LINUX_S_IFMT   0170000
#define LINUX_S_IFSOCK 0140000
#define LINUX_S_IFLNK  0120000
#define LINUX_S_IFREG  0100000
#define LINUX_S_IFBLK  0060000
#define LINUX_S_IFDIR  0040000
#define LINUX_S_IFCHR  0020000
#define LINUX_S_IFIFO  0010000

struct linux_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* Attributes of an inode, filesystem-neutral (the kernel's kstat). */
struct kstat {
	uint64_t dev, ino;
	uint32_t mode, nlink;
	uint32_t uid, gid;
	uint64_t rdev;
	int64_t size;
	int64_t blksize, blocks; /* blocks in 512-byte units */
	struct linux_timespec atime, mtime, ctime, btime;
};

struct inode;
struct file;
struct fdtable;
struct fs_context;

/* ---- VFS objects (extensions by the fs/ implementer) ------------------ */

#define LINUX_NAME_MAX	  255
#define LINUX_PATH_MAX_FS 4096
#define LINUX_SYMLOOP_MAX 40
/* Linux caps one read/write at MAX_RW_COUNT bytes. */
#define LINUX_MAX_RW_COUNT 0x7ffff000ll

/* renameat2 flags */
#define LINUX_RENAME_NOREPLACE 1u
#define LINUX_RENAME_EXCHANGE  2u
#define LINUX_RENAME_WHITEOUT  4u

/* d_type values of linux_dirent64 */
#define LINUX_DT_UNKNOWN 0
#define LINUX_DT_FIFO	 1
#define LINUX_DT_CHR	 2
#define LINUX_DT_DIR	 4
#define LINUX_DT_BLK	 6
#define LINUX_DT_REG	 8
#define LINUX_DT_LNK	 10
#define LINUX_DT_SOCK	 12

/* access(2) modes */
#define LINUX_F_OK 0
#define LINUX_X_OK 1
#define LINUX_W_OK 2
#define LINUX_R_OK 4

/* lseek whence */
#define LINUX_SEEK_SET	0
#define LINUX_SEEK_CUR	1
#define LINUX_SEEK_END	2
#define LINUX_SEEK_DATA 3
#define LINUX_SEEK_HOLE 4

#define LINUX_UTIME_NOW	 ((1l << 30) - 1l)
#define LINUX_UTIME_OMIT ((1l << 30) - 2l)

/* The few ioctls files answer (Linux x86-64 numbers). */
#define LINUX_TCGETS	 0x5401
#define LINUX_TCSETS	 0x5402
#define LINUX_TCSETSW	 0x5403
#define LINUX_TCSETSF	 0x5404
#define LINUX_TIOCGPGRP	 0x540f
#define LINUX_TIOCSPGRP	 0x5410
#define LINUX_TIOCGWINSZ 0x5413
#define LINUX_TIOCSWINSZ 0x5414
#define LINUX_FIONREAD	 0x541b
#define LINUX_FIONBIO	 0x5421
#define LINUX_FIONCLEX	 0x5450
#define LINUX_FIOCLEX	 0x5451

/* Terminal attributes as TCGETS passes them (kernel struct termios). */
struct linux_termios {
	uint32_t c_iflag; /* input modes */
	uint32_t c_oflag; /* output modes */
	uint32_t c_cflag; /* control modes */
	uint32_t c_lflag; /* local modes */
	uint8_t c_line;	  /* line discipline */
	uint8_t c_cc[19]; /* control characters */
};

struct linux_winsize {
	uint16_t ws_row, ws_col;
	uint16_t ws_xpixel, ws_ypixel;
};

/* Device numbers: Linux's 64-bit encoding (glibc makedev). */
/* Small majors/minors (< 256) encode as (major << 8) | minor. */
static inline uint64_t linux_makedev(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xfffff000u) << 32) |
	       ((uint64_t)(major & 0xfffu) << 8) |
	       ((uint64_t)(minor & 0xffffff00u) << 12) |
	       (uint64_t)(minor & 0xffu);
}
static inline uint32_t linux_major(uint64_t dev)
{
	return (uint32_t)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
}
static inline uint32_t linux_minor(uint64_t dev)
{
	return (uint32_t)((dev & 0xff) | ((dev >> 12) & ~0xffull));
}

/* statfs(2) result, filesystem-neutral. */
struct kstatfs {
	int64_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree;
	uint64_t fsid;
	int64_t namelen, frsize, flags;
};

/* What setattr changes (chmod, chown, truncate, utimensat). */
#define ATTR_MODE  1u
#define ATTR_UID   2u
#define ATTR_GID   4u
#define ATTR_SIZE  8u
#define ATTR_ATIME 16u /* atime given (or UTIME_NOW) */
#define ATTR_MTIME 32u
struct iattr {
	unsigned valid; /* ATTR_* */
	uint32_t mode;	/* permission bits only */
	uint32_t uid, gid;
	int64_t size;
	struct linux_timespec atime, mtime; /* tv_nsec may be UTIME_NOW */
};

struct dir_context;
/* Called per directory entry; returns false when the caller's buffer is
 * full (the entry is then not consumed). */
typedef bool (*dir_emit_fn)(struct dir_context *ctx, const char *name,
			    size_t len, uint64_t ino, unsigned dtype);
struct dir_context {
	dir_emit_fn emit;
	int64_t pos; /* entry index; advanced by the iterator per entry */
};

/*
 * Inode operations.  Every slot may be NULL; the vfs_* wrappers in inode.c
 * answer a NULL slot (ENOTDIR on non-directories, EPERM/EINVAL else), so
 * filesystems implement only what they support.  Names are single
 * components, never "." or "..".
 */
struct inode_ops {
	/* Looks name up in dir; *out gets a new reference.  -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, struct inode **out);
	int (*getattr)(struct inode *ino, struct kstat *st);
	int (*setattr)(struct inode *ino, const struct iattr *ia);
	/* Symlink target into buf (not NUL-terminated); returns its length. */
	int (*readlink)(struct inode *ino, char *buf, size_t len);
	/*
	 * "Magic" links (/proc/self/fd/N): instead of a path, the walk jumps
	 * to an existing inode; *out and *path (malloc'd) are the caller's.
	 */
	int (*get_link)(struct inode *ino, struct inode **out, char **path);
	/* Opens ino into f: sets f->ops and f->priv.  flags are LINUX_O_*. */
	int (*open)(struct inode *ino, struct file *f);
	/* Creates a regular file name in dir and opens it into f (f->inode is
	 * set by the filesystem).  -EEXIST when name exists. */
	int (*create)(struct inode *dir, const char *name, uint32_t mode,
		      struct file *f);
	int (*mkdir)(struct inode *dir, const char *name, uint32_t mode);
	int (*mknod)(struct inode *dir, const char *name, uint32_t mode,
		     uint64_t rdev);
	int (*unlink)(struct inode *dir, const char *name);
	int (*rmdir)(struct inode *dir, const char *name);
	int (*symlink)(struct inode *dir, const char *name, const char *target);
	int (*link)(struct inode *old, struct inode *dir, const char *name);
	/* Both dirs are on the same filesystem (the VFS checks: -EXDEV). */
	int (*rename)(struct inode *odir, const char *oname, struct inode *ndir,
		      const char *nname, unsigned flags);
	/* access(2) check of LINUX_[RWX]_OK bits; NULL: from the mode bits. */
	int (*access)(struct inode *ino, int mode);
	int (*statfs)(struct inode *ino, struct kstatfs *st);
	/* Frees the filesystem's inode (last reference dropped). */
	void (*release)(struct inode *ino);
};

/*
 * Open-file operations.  read/write take the position to use and advance
 * it; the VFS passes &f->pos (under f->pos_lock) or a pread offset.
 * NULL read/write answer -EINVAL; NULL llseek means the generic one (or
 * -ESPIPE for FILE_STREAM files).
 */
struct file_ops {
	int64_t (*read)(struct file *f, void *buf, size_t n, uint64_t *pos);
	int64_t (*write)(struct file *f, const void *buf, size_t n,
			 uint64_t *pos);
	/* Positioned I/O when the file's own offset is elsewhere (host fds);
	 * NULL: read/write with a local position. */
	int64_t (*pread)(struct file *f, void *buf, size_t n, uint64_t off);
	int64_t (*pwrite)(struct file *f, const void *buf, size_t n,
			  uint64_t off);
	/* Returns the new position; whence is LINUX_SEEK_*. */
	int64_t (*llseek)(struct file *f, int64_t off, int whence);
	/* Emits entries from ctx->pos on; 0 at the end or when full. */
	int (*iterate)(struct file *f, struct dir_context *ctx);
	/* arg is a host buffer the syscall layer sized from the request. */
	int (*ioctl)(struct file *f, unsigned req, void *arg);
	int (*fsync)(struct file *f, bool datasync);
	int (*truncate)(struct file *f, int64_t len);
	/* Bytes readable now (FIONREAD); NULL: -ENOTTY. */
	int (*nread)(struct file *f);
	void (*release)(struct file *f);
};

/* Generic inode, embedded in each filesystem's own (container_of). */
struct inode {
	const struct inode_ops *ops;
	const struct file_ops *fops; /* default open: f->ops = fops */
	struct super *sb;
	uint32_t mode; /* LINUX_S_IF* type and permission bits */
	uint64_t ino;
	int refs; /* atomic */
};

/* One mounted filesystem instance. */
struct super {
	const char *fstype; /* "hostfs", "devtmpfs", "proc" */
	uint64_t dev;	    /* st_dev of its inodes (unless they say) */
	struct inode *root;
	void *priv;
};

#define FILE_STREAM    1u /* not seekable: pread/lseek -ESPIPE */
#define FILE_OPATH     2u /* O_PATH: only fstat, fchdir, *at() base */
#define FILE_DIRECTORY 4u

struct file {
	const struct file_ops *ops;
	struct inode *inode; /* reference held; never NULL */
	char *path;	     /* absolute guest path (malloc'd) */
	int flags;	     /* LINUX_O_* status flags (access mode too) */
	unsigned fmode;	     /* FILE_* */
	uint64_t pos;
	pthread_mutex_t pos_lock;
	int refs; /* atomic */
	void *priv;
};

/* Result of a path walk (namei.c). */
struct walk_result {
	struct inode *parent; /* reference; set when the walk reached the
			       * last component's directory */
	struct inode *inode;  /* reference, or NULL when the last component
			       * does not exist (return value -ENOENT) */
	char *path;	      /* canonical absolute guest path (malloc'd) */
	char name[LINUX_NAME_MAX + 1]; /* last component ("" for "/") */
	int last;		       /* WALK_LAST_* */
	bool trailing_slash;
};
#define WALK_LAST_NORM	 0
#define WALK_LAST_ROOT	 1
#define WALK_LAST_DOT	 2
#define WALK_LAST_DOTDOT 3

#define WALK_NOFOLLOW 1u /* do not follow a symlink as last component */
#define WALK_PARENT                                                            \
	2u		   /* a missing last component is not an error:
			    * returns 0 with inode NULL, parent set */
#define WALK_DIRECTORY	4u /* last component must be a directory */
#define WALK_EMPTY_PATH 8u /* "" means the starting directory itself */

/* inode.c */
struct inode *inode_get(struct inode *ino);
void inode_put(struct inode *ino);
/* Allocates a file for ino (takes a reference to ino, copies path). */
struct file *file_alloc(struct inode *ino, const char *path, int flags);
uint64_t inode_dev(struct inode *ino);
static inline bool inode_is_dir(const struct inode *ino)
{
	return (ino->mode & LINUX_S_IFMT) == LINUX_S_IFDIR;
}
static inline bool inode_is_lnk(const struct inode *ino)
{
	return (ino->mode & LINUX_S_IFMT) == LINUX_S_IFLNK;
}
unsigned linux_dtype_of_mode(uint32_t mode);
int vfs_getattr(struct inode *ino, struct kstat *st);
int vfs_setattr(struct inode *ino, const struct iattr *ia);
int vfs_readlink_inode(struct inode *ino, char *buf, size_t len);
int vfs_statfs(struct inode *ino, struct kstatfs *st);
/* access(2) check of LINUX_[RWX]_OK bits for the vfs_set_cred identity
 * (Linux's rules: root reads/writes all, executes if any x bit or a dir).
 * Returns 0 or -EACCES (or the getattr error). */
int vfs_access_inode(struct inode *ino, int mode);

/* The identity permission checks use (access(2) checks the real ids). */
#define FS_CRED_NGROUPS 64
struct fs_cred {
	uint32_t uid, gid;
	int ngroups;
	uint32_t groups[FS_CRED_NGROUPS];
};
/* Sets the guest's identity for vfs_access_inode (one guest process so
 * far: process creation calls it).  Until then the guest is root. */
void vfs_set_cred(const struct fs_cred *c);

/* namei.c */
/*
 * Walks path inside the guest root, starting at start_path (an absolute
 * canonical guest path; NULL means the fs cwd) for relative paths.  ".."
 * at the root stays there and absolute symlink targets restart at the
 * guest root: a walk never leaves it.  On success fills *res (release it
 * with walk_result_put); on failure *res holds nothing.  flags: WALK_*.
 */
int vfs_walk(struct fs_context *fs, const char *start_path, const char *path,
	     unsigned flags, struct walk_result *res);
void walk_result_put(struct walk_result *res);

/* mount.c */
/* Mounts sb at the absolute canonical guest path (takes ownership). */
int vfs_mount(const char *path, struct super *sb);
/* The root filesystem's root inode (new reference). */
struct inode *vfs_root(void);
/* The filesystem mounted exactly at path, or NULL. */
struct super *vfs_mount_at(const char *path);
/* Calls fn for each mount (for /proc/mounts). */
void vfs_foreach_mount(void (*fn)(void *ctx, const char *path,
				  const struct super *sb),
		       void *ctx);

/* fs_context.c */
const char *fs_context_cwd(struct fs_context *fs);
/* Makes path (absolute canonical, must be a searchable dir) the cwd. */
int fs_context_chdir(struct fs_context *fs, const char *path);
/* umask(2): sets mask & 0777, returns the old one. */
unsigned fs_context_umask(struct fs_context *fs, unsigned mask);
unsigned fs_context_get_umask(struct fs_context *fs);

/* file.c: operations on open files */
int64_t vfs_read(struct file *f, void *buf, size_t n);
int64_t vfs_write(struct file *f, const void *buf, size_t n);
int64_t vfs_pwrite(struct file *f, const void *buf, size_t n, uint64_t off);
int64_t vfs_lseek(struct file *f, int64_t off, int whence);
int vfs_iterate(struct file *f, struct dir_context *ctx);
int vfs_ioctl(struct file *f, unsigned req, void *arg);
int vfs_fsync(struct file *f, bool datasync);
int vfs_ftruncate(struct file *f, int64_t len);
int vfs_nread(struct file *f);
/* Generic llseek over the inode's size (for regular files). */
int64_t generic_llseek(struct file *f, int64_t off, int whence);

/* vfs_path.c: path-level operations (dir_path NULL = cwd) */
/* Like vfs_open, relative paths resolved against dir_path. */
int vfs_openat(struct fs_context *fs, const char *dir_path, const char *path,
	       int flags, int mode, struct file **out);
/* Opens an inode found by a walk (also used for magic links). */
int vfs_open_inode(struct inode *ino, const char *path, int flags,
		   struct file **out);
int vfs_stat(struct fs_context *fs, const char *dir_path, const char *path,
	     unsigned walk_flags, struct kstat *st);
int vfs_mkdir(struct fs_context *fs, const char *dir_path, const char *path,
	      uint32_t mode);
int vfs_mknod(struct fs_context *fs, const char *dir_path, const char *path,
	      uint32_t mode, uint64_t rdev);
int vfs_unlink(struct fs_context *fs, const char *dir_path, const char *path);
int vfs_rmdir(struct fs_context *fs, const char *dir_path, const char *path);
int vfs_symlink(struct fs_context *fs, const char *target, const char *dir_path,
		const char *path);
int vfs_link(struct fs_context *fs, const char *odir, const char *opath,
	     const char *ndir, const char *npath, unsigned walk_flags);
int vfs_rename(struct fs_context *fs, const char *odir, const char *opath,
	       const char *ndir, const char *npath, unsigned flags);
/* Returns the target length copied into buf (not NUL-terminated). */
int vfs_readlink(struct fs_context *fs, const char *dir_path, const char *path,
		 char *buf, size_t len);
int vfs_path_setattr(struct fs_context *fs, const char *dir_path,
		     const char *path, unsigned walk_flags,
		     const struct iattr *ia);
int vfs_access(struct fs_context *fs, const char *dir_path, const char *path,
	       unsigned walk_flags, int mode);
int vfs_path_statfs(struct fs_context *fs, const char *dir_path,
		    const char *path, struct kstatfs *st);
int vfs_chdir(struct fs_context *fs, const char *dir_path, const char *path);

/* fdtable.c (more) */
/* Removes fd; returns 0 or -EBADF. */
int fdtable_close(struct fdtable *ft, int fd);
/* dup2/dup3: installs f at exactly fd (closing what was there). */
int fdtable_install_at(struct fdtable *ft, struct file *f, int fd,
		       bool cloexec);
int fdtable_get_cloexec(struct fdtable *ft, int fd);
int fdtable_set_cloexec(struct fdtable *ft, int fd, bool cloexec);
/* Highest fd number a process may use + 1 (RLIMIT_NOFILE). */
int fdtable_max(struct fdtable *ft);
void fdtable_set_max(struct fdtable *ft, int max);
/* Calls fn for each open fd in increasing order (for /proc/self/fd). */
void fdtable_foreach(struct fdtable *ft,
		     void (*fn)(void *ctx, int fd, struct file *f), void *ctx);

/* pipe.c */
/* Creates a pipe: two files (read end, write end), flags O_NONBLOCK and
 * O_DIRECT honoured (O_CLOEXEC is the caller's business). */
int pipe_create(int flags, struct file **rd, struct file **wr);
#define PIPE_CAPACITY 65536

/* console.c: files on host fds (the console) */
/* A file reading/writing host fd hostfd, shown as path. */
int console_file_open(int hostfd, const char *path, int flags,
		      struct file **out);
/*
 * Installs how to tell whether a host fd is a terminal (the wasm build's
 * Node launcher knows, its libc does not); NULL restores the default
 * (host fstat says character device and isatty agrees).
 */
void console_set_tty_probe(int (*probe)(int hostfd));
/* Inode op helper for /dev/tty: turns f into a console file. */
int console_open_tty(struct file *f);

/* hostfs.c, devfs.c, procfs.c: each makes its filesystem instance. */
struct super *hostfs_create(const char *host_root, int *err);
struct super *devfs_create(void);
struct super *procfs_create(void);

/* fs_init.c / vfs.c */
/*
 * Mounts the guest root: a host directory reached through hostfs (host
 * path calls, so it works natively and through Emscripten's NODERAWFS),
 * plus devfs on /dev and procfs on /proc.  Returns 0 or -LINUX_E*.
 */
int vfs_init(const char *host_root);

/* fs_context: cwd and umask of a process (shared by CLONE_FS later). */
struct fs_context *fs_context_create(void); /* cwd "/", umask 022 */
struct fs_context *fs_context_clone(struct fs_context *fs);
struct fs_context *fs_context_get(struct fs_context *fs); /* CLONE_FS */
void fs_context_put(struct fs_context *fs);

/* fdtable.c */
struct fdtable *fdtable_create(void);
struct fdtable *fdtable_clone(struct fdtable *ft); /* for fork */
void fdtable_put(struct fdtable *ft);
struct fdtable *fdtable_get_ref(struct fdtable *ft); /* CLONE_FILES */
void fdtable_close_on_exec(struct fdtable *ft);
/* Installs f at the lowest free fd >= min; takes a reference. */
int fdtable_install(struct fdtable *ft, struct file *f, int min, bool cloexec);
/* Returns a new reference to the file at fd, or NULL (caller: -EBADF). */
struct file *fdtable_get(struct fdtable *ft, int fd);
/* Opens fds 0, 1, 2 on the host's stdin/stdout/stderr (the console). */
int fdtable_open_console(struct fdtable *ft);

/* Open files. */
/* Opens a guest path relative to the fs context's cwd; *out gets a
 * reference released with file_put. */
int vfs_open(struct fs_context *fs, const char *path, int flags, int mode,
	     struct file **out);
int64_t vfs_pread(struct file *f, void *buf, size_t n, uint64_t off);
int vfs_fstat(struct file *f, struct kstat *st);
/* Absolute guest path the file was opened by (for /proc/self/exe etc.). */
const char *file_path(struct file *f);
void file_get(struct file *f);
void file_put(struct file *f);

/*
 * Hooks procfs uses to see the calling process; syscalls/ fills them in at
 * start-up (fs/ must not include syscalls/).  All refer to the calling
 * guest thread.
 */
struct procfs_hooks {
	int (*pid)(void);
	int (*tid)(void);
	int (*ppid)(void);
	struct mm *(*mm)(void);
	const char *(*exe)(void); /* absolute guest path */
	struct fdtable *(*fds)(void);
	/* cmdline/environ: guest memory range of the initial stack strings */
	void (*cmdline)(gaddr *start, gaddr *end);
	void (*environ)(gaddr *start, gaddr *end);
	/* added by fs/: optional (NULL: cwd "/", hostname "wax") */
	struct fs_context *(*fs)(void);
	const char *(*hostname)(void);
};
/* Kernel release wax reports (uname -r and /proc/sys/kernel/osrelease). */
#define WAX_LINUX_RELEASE "6.1.0-wax"
void procfs_set_hooks(const struct procfs_hooks *hooks);
/* The calling process's pid through the hooks (1 before they are set). */
int procfs_current_pid(void);

#endif

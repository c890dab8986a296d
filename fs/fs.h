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
#define LINUX_O_RDONLY 00
#define LINUX_O_WRONLY 01
#define LINUX_O_RDWR 02
#define LINUX_O_ACCMODE 03
#define LINUX_O_CREAT 0100
#define LINUX_O_EXCL 0200
#define LINUX_O_NOCTTY 0400
#define LINUX_O_TRUNC 01000
#define LINUX_O_APPEND 02000
#define LINUX_O_NONBLOCK 04000
#define LINUX_O_DSYNC 010000
#define LINUX_O_DIRECT 040000
#define LINUX_O_LARGEFILE 0100000
#define LINUX_O_DIRECTORY 0200000
#define LINUX_O_NOFOLLOW 0400000
#define LINUX_O_NOATIME 01000000
#define LINUX_O_CLOEXEC 02000000
#define LINUX_O_SYNC 04010000
#define LINUX_O_PATH 010000000
#define LINUX_O_TMPFILE 020200000

#define LINUX_AT_FDCWD (-100)
#define LINUX_AT_SYMLINK_NOFOLLOW 0x100
#define LINUX_AT_REMOVEDIR 0x200
#define LINUX_AT_SYMLINK_FOLLOW 0x400
#define LINUX_AT_EACCESS 0x200
#define LINUX_AT_EMPTY_PATH 0x1000

#define LINUX_S_IFMT 0170000
#define LINUX_S_IFSOCK 0140000
#define LINUX_S_IFLNK 0120000
#define LINUX_S_IFREG 0100000
#define LINUX_S_IFBLK 0060000
#define LINUX_S_IFDIR 0040000
#define LINUX_S_IFCHR 0020000
#define LINUX_S_IFIFO 0010000

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
void fs_context_put(struct fs_context *fs);

/* fdtable.c */
struct fdtable *fdtable_create(void);
struct fdtable *fdtable_clone(struct fdtable *ft);	/* for fork */
void fdtable_put(struct fdtable *ft);
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
	const char *(*exe)(void);	   /* absolute guest path */
	struct fdtable *(*fds)(void);
	/* cmdline/environ: guest memory range of the initial stack strings */
	void (*cmdline)(gaddr *start, gaddr *end);
	void (*environ)(gaddr *start, gaddr *end);
};
void procfs_set_hooks(const struct procfs_hooks *hooks);

#endif

/*
 * wasm_host: the few host services Emscripten's libc gets wrong or lacks
 * under Node, answered by Node itself (wasm/node_host.c, EM_JS).  Only the
 * wasm build has them: callers include this header under
 * #ifdef __EMSCRIPTEN__ (fs/hostfs.c, fs/console.c, syscalls/).
 *
 * Paths are host paths; every int-returning call answers 0 (or a count)
 * or a negative LINUX_E* errno (Node's err.errno is the host's -errno).
 *
 * Layer: wasm/ host bridge.  Callers: fs/ (hostfs, console), syscalls/
 * (ids, groups, CPU clocks).
 */
#ifndef WAX_WASM_HOST_H
#define WAX_WASM_HOST_H

#include <stdint.h>

/* lstat(2) with Node's exact (bigint) fields: nanosecond times, 64-bit
 * ino.  mode carries the host's S_IF* bits (the same as Linux's). */
struct wasm_host_stat {
	uint64_t dev, ino, rdev;
	uint64_t mode, nlink, uid, gid;
	int64_t size, blksize, blocks;
	int64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
	int64_t ctime_sec, ctime_nsec;
};

int wasm_host_lstat(const char *path, struct wasm_host_stat *st);

/* link(2): a hard link, which NODERAWFS does not offer. */
int wasm_host_link(const char *oldpath, const char *newpath);

/*
 * Sets path's times exactly (never following a symlink); UTIME_NOW/OMIT
 * must already be resolved by the caller.  Nanoseconds survive (Node's
 * utimes keeps microseconds at best: finer times go through touch(1)).
 */
int wasm_host_utimens(const char *path, int64_t asec, int64_t ansec,
		      int64_t msec, int64_t mnsec);

/*
 * Lists directory path in the host's readdir order ("." and ".." first):
 * records of ino (8 bytes, little-endian), Linux DT_* (1 byte), name
 * length (2 bytes LE), name.  Returns the size of the whole listing,
 * copied into buf only when it fits in cap (call again with a bigger
 * buffer), or a negative errno.
 */
int wasm_host_readdir(const char *path, uint8_t *buf, int cap);

/* mkfifo with exactly mode (permission bits, no umask): 0 or -errno. */
int wasm_host_mkfifo(const char *path, unsigned mode);

/* CPU time used by the whole wax process (Node's process.cpuUsage). */
int64_t wasm_host_cpu_time_ns(void);

/* Node's tty.isatty(fd): 1 for a terminal, 0 else. */
int wasm_host_isatty(int fd);

/* Node's process.getuid/geteuid/getgid/getegid. */
void wasm_host_ids(uint32_t *uid, uint32_t *euid, uint32_t *gid,
		   uint32_t *egid);

/* Node's process.getgroups() without the egid it appends: up to max
 * supplementary group ids into list; returns how many. */
int wasm_host_getgroups(uint32_t *list, int max);

/* Start-up: installs the console's tty probe (runs as a constructor). */
void wasm_host_init(void);

#endif

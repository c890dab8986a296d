/*
 * Guest test: stat/fstat/lstat/newfstatat/statx fields that don't depend
 * on the machine: type, permission bits, size, nlink, rdev of devices,
 * and times we set ourselves with utimensat.
 */
#include "guest.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

/* struct statx as the kernel lays it out (musl's headers lack it). */
struct kstatx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad0;
	uint64_t ino, size, blocks, attributes_mask;
	struct {
		int64_t sec;
		uint32_t nsec;
		int32_t pad;
	} atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};
#define KSTATX_BASIC_STATS 0x7ffu

static void pr(const char *what, int r, struct stat *st)
{
	if (r < 0) {
		printf("%s: %s\n", what, ename(errno));
		return;
	}
	printf("%s: type %o", what, (unsigned)(st->st_mode & S_IFMT) >> 12);
	/* Device nodes' permissions and /'s link count are the host's. */
	if (S_ISCHR(st->st_mode) || strcmp(what, "stat /") == 0) {
		printf(" rdev %u:%u\n", major(st->st_rdev), minor(st->st_rdev));
		return;
	}
	printf(" perm %04o nlink %lu", (unsigned)(st->st_mode & 07777),
	       (unsigned long)st->st_nlink);
	if (S_ISREG(st->st_mode) || S_ISLNK(st->st_mode))
		printf(" size %lld", (long long)st->st_size);
	printf(" blksize>0 %d\n", st->st_blksize > 0);
}

int main(void)
{
	struct stat st, st2;
	put_file("f", "twelve bytes", 12);
	symlink("f", "l");
	mkdir("d", 0711);
	pr("stat f", stat("f", &st), &st);
	pr("lstat l", lstat("l", &st), &st);
	pr("stat l", stat("l", &st), &st);
	pr("stat d", stat("d", &st), &st);
	int fd = open("f", O_RDONLY);
	pr("fstat f", fstat(fd, &st), &st);
	stat("f", &st2);
	printf("fstat and stat agree on ino/dev: %d\n",
	       st.st_ino == st2.st_ino && st.st_dev == st2.st_dev);
	pr("fstatat nofollow l",
	   fstatat(AT_FDCWD, "l", &st, AT_SYMLINK_NOFOLLOW), &st);
	pr("fstatat empty path", fstatat(fd, "", &st, AT_EMPTY_PATH), &st);
	pr("stat /dev/null", stat("/dev/null", &st), &st);
	pr("stat /dev/zero", stat("/dev/zero", &st), &st);
	pr("stat /dev/urandom", stat("/dev/urandom", &st), &st);
	pr("stat /", stat("/", &st), &st);
	printf("/ is a directory: %d\n", S_ISDIR(st.st_mode));
	struct timespec times[2] = {{1000000000, 123456789},
				    {1234567890, 987654321}};
	showc("utimensat", utimensat(AT_FDCWD, "f", times, 0));
	stat("f", &st);
	printf("atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atime,
	       st.st_atim.tv_nsec, (long long)st.st_mtime, st.st_mtim.tv_nsec);
	struct timespec omit[2] = {{0, UTIME_OMIT}, {42, 0}};
	showc("utimensat omit atime", utimensat(AT_FDCWD, "f", omit, 0));
	stat("f", &st);
	printf("atime %lld mtime %lld\n", (long long)st.st_atime,
	       (long long)st.st_mtime);
	showc("utimensat NULL (now)", utimensat(AT_FDCWD, "f", NULL, 0));
	stat("f", &st);
	printf("mtime is recent: %d\n", st.st_mtime > 1577836800);
	struct timespec bad[2] = {{0, 2000000000}, {0, 0}};
	showc("utimensat bad nsec", utimensat(AT_FDCWD, "f", bad, 0));
	showc("utimensat missing", utimensat(AT_FDCWD, "nope", NULL, 0));
	struct kstatx sx;
	memset(&sx, 0, sizeof(sx));
	int r = (int)RS5(332, AT_FDCWD, "f", 0, KSTATX_BASIC_STATS, &sx);
	show("statx", r);
	printf("statx: mask has BASIC_STATS: %d, mode %o, size %llu, nlink "
	       "%u\n",
	       (sx.mask & KSTATX_BASIC_STATS) == KSTATX_BASIC_STATS,
	       (unsigned)sx.mode, (unsigned long long)sx.size,
	       (unsigned)sx.nlink);
	printf("statx ino matches stat: %d\n", sx.ino == st.st_ino);
	r = (int)RS5(332, AT_FDCWD, "l", AT_SYMLINK_NOFOLLOW,
		     KSTATX_BASIC_STATS, &sx);
	printf("statx symlink nofollow: mode %o size %llu\n", (unsigned)sx.mode,
	       (unsigned long long)sx.size);
	show("statx bad flags",
	     RS5(332, AT_FDCWD, "f", 0x80000000, 0x7ff, &sx));
	/* st_size of a growing file via fstat. */
	int w = open("g", O_WRONLY | O_CREAT, 0600);
	for (int i = 1; i <= 3; i++) {
		write(w, "abcd", 4);
		fstat(w, &st);
		printf("after %d writes: size %lld\n", i,
		       (long long)st.st_size);
	}
	return 0;
}

/*
 * Guest test: flock(2) checks its operation and fd like Linux and then
 * succeeds (no other process holds locks); mknod(2)/mknodat(2) make
 * regular files and FIFOs, refuse directories (EPERM) and bad types
 * (EINVAL), and report path errors.  Device nodes are not tried: they need
 * CAP_MKNOD and wax never makes host device nodes.
 */
#include "guest.h"
#include <sys/file.h>
#include <sys/sysmacros.h>

static void kind(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0) {
		printf("%s: %s\n", path, ename(errno));
		return;
	}
	printf("%s: %s mode %o size %lld\n", path,
	       S_ISFIFO(st.st_mode)  ? "fifo"
	       : S_ISREG(st.st_mode) ? "regular"
				     : "other",
	       st.st_mode & 07777, (long long)st.st_size);
}

int main(void)
{
	umask(022);
	put_file("lk", "x", 1);
	int fd = open("lk", O_RDONLY);
	show("flock SH", RS2(73, fd, LOCK_SH));
	show("flock EX", RS2(73, fd, LOCK_EX));
	show("flock EX|NB", RS2(73, fd, LOCK_EX | LOCK_NB));
	show("flock UN", RS2(73, fd, LOCK_UN));
	show("flock UN|NB", RS2(73, fd, LOCK_UN | LOCK_NB));
	show("flock 0", RS2(73, fd, 0));
	show("flock SH|EX", RS2(73, fd, LOCK_SH | LOCK_EX));
	show("flock NB only", RS2(73, fd, LOCK_NB));
	show("flock 16", RS2(73, fd, 16));
	show("flock closed fd", RS2(73, 99, LOCK_EX));
	show("flock closed fd, bad op", RS2(73, 99, 0));
	show("flock fd -1", RS2(73, -1, LOCK_SH));
	int p[2];
	pipe(p);
	show("flock pipe", RS2(73, p[0], LOCK_EX));
	show("libc flock", flock(fd, LOCK_EX) == 0 ? 0 : -errno);
	close(fd);

	show("mknod fifo", RS3(133, "ff", S_IFIFO | 0666, 0));
	kind("ff");
	show("mknod fifo again", RS3(133, "ff", S_IFIFO | 0666, 0));
	show("mknod regular", RS3(133, "rf", S_IFREG | 0640, 0));
	kind("rf");
	show("mknod type 0", RS3(133, "zf", 0755, 0));
	kind("zf");
	show("mknodat fifo", RS4(259, AT_FDCWD, "af", S_IFIFO | 0600, 0));
	kind("af");
	show("mknod dir", RS3(133, "df", S_IFDIR | 0755, 0));
	show("mknod bad type", RS3(133, "bf", 0170000 | 0644, 0));
	show("mknod bad type 2", RS3(133, "bf", 0030000 | 0644, 0));
	show("mknod missing dir", RS3(133, "no/ff", S_IFIFO | 0644, 0));
	show("mknod bad path", RS3(133, BAD_LOW, S_IFIFO | 0644, 0));
	show("mknod empty path", RS3(133, "", S_IFIFO | 0644, 0));
	show("mknodat closed dirfd", RS4(259, 99, "x", S_IFIFO | 0644, 0));
	show("mknod high mode bits",
	     RS3(133, "hf", 0x10000 | S_IFIFO | 0644, 0));
	kind("hf");
	show("libc mkfifo", mkfifo("lf", 0644) == 0 ? 0 : -errno);
	kind("lf");
	unlink("ff");
	unlink("rf");
	unlink("zf");
	unlink("af");
	unlink("hf");
	unlink("lf");
	unlink("lk");
	return 0;
}

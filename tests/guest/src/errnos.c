/* Guest test: the errno of common failed calls, by name. */
#include "guest.h"
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>

int main(void)
{
	char longname[5000];
	memset(longname, 'n', sizeof(longname));
	longname[sizeof(longname) - 1] = 0;
	put_file("file", "x", 1);
	mkdir("dir", 0755);
	symlink("loop2", "loop1");
	symlink("loop1", "loop2");
	showc("open missing", open("missing", O_RDONLY));
	showc("open missing/dir/x", open("missing/x", O_RDONLY));
	showc("open file/x (ENOTDIR)", open("file/x", O_RDONLY));
	showc("open dir O_WRONLY", open("dir", O_WRONLY));
	showc("open dir O_RDWR", open("dir", O_RDWR));
	showc("open file O_DIRECTORY", open("file", O_RDONLY | O_DIRECTORY));
	showc("open O_CREAT|O_EXCL existing",
	      open("file", O_CREAT | O_EXCL | O_WRONLY, 0644));
	showc("open loop", open("loop1", O_RDONLY));
	showc("open O_NOFOLLOW symlink", open("loop1", O_RDONLY | O_NOFOLLOW));
	showc("open long name", open(longname, O_RDONLY));
	showc("open empty path", open("", O_RDONLY));
	showc("mkdir existing", mkdir("dir", 0755));
	showc("mkdir under file", mkdir("file/d", 0755));
	showc("rmdir file", rmdir("file"));
	showc("rmdir .", rmdir("."));
	showc("rmdir missing", rmdir("missing"));
	showc("unlink dir", unlink("dir"));
	showc("unlink missing", unlink("missing"));
	showc("chdir file", chdir("file"));
	showc("chdir missing", chdir("missing"));
	showc("close 12345", close(12345));
	showc("read bad fd", read(777, longname, 1));
	showc("lseek bad whence", lseek(0, 0, 99));
	int fd = open("file", O_RDONLY);
	showc("lseek negative", lseek(fd, -1, SEEK_SET));
	int dfd = open("dir", O_RDONLY);
	showc("read dir", read(dfd, longname, 10));
	showc("write dir", write(dfd, "x", 1));
	showc("ftruncate dir", ftruncate(dfd, 0));
	showc("ftruncate O_RDONLY", ftruncate(fd, 0));
	showc("ftruncate negative", ftruncate(open("file", O_WRONLY), -1));
	showc("truncate dir", truncate("dir", 0));
	showc("rename dir into itself", rename("dir", "dir/sub"));
	showc("rename file over dir", rename("file", "dir"));
	mkdir("dir2", 0755);
	put_file("dir2/x", "", 0);
	showc("rename dir over nonempty dir", rename("dir", "dir2"));
	showc("link to dir", link("dir", "dirlink"));
	showc("readlink missing", readlink("missing", longname, 10));
	showc("access missing", access("missing", F_OK));
	showc("access bad mode", access("file", 0x100));
	showc("getdents on a file", (long)syscall(217, fd, longname, 4096));
	struct termios tio;
	showc("ioctl TCGETS on a file", ioctl(fd, TCGETS, &tio));
	showc("ioctl unknown request", ioctl(fd, 0x7fff1234, 0));
	showc("fstat closed", fstat(4242, (struct stat *)longname));
	return 0;
}

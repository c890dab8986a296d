/*
 * Guest test: the extended attribute calls check their arguments like
 * Linux (missing path ENOENT, closed fd EBADF, bad pointers EFAULT, bad
 * names ERANGE, bad flags EINVAL, huge values E2BIG, user.* only on
 * regular files and directories) and list nothing on a fresh file.  Looking up a missing attribute is ENODATA on a host
 * filesystem with xattrs and EOPNOTSUPP on one without (wax): both print
 * as "no attribute".
 */
#include "guest.h"
#include <sys/xattr.h>

static void nodata(const char *what, long r)
{
	if (r == -ENODATA || r == -EOPNOTSUPP)
		printf("%s = no attribute\n", what);
	else
		show(what, r);
}

int main(void)
{
	char buf[64];
	put_file("xf", "x", 1);
	symlink("xf", "xl");
	symlink("nowhere", "dangling");
	int fd = open("xf", O_RDONLY);

	show("listxattr", RS3(194, "xf", buf, sizeof(buf)));
	show("llistxattr", RS3(195, "xl", buf, sizeof(buf)));
	show("flistxattr", RS3(196, fd, buf, sizeof(buf)));
	show("listxattr size 0", RS3(194, "xf", NULL, 0));
	show("listxattr bad buffer", RS3(194, "xf", BAD_LOW, 64));
	show("listxattr missing", RS3(194, "nope", buf, sizeof(buf)));
	show("listxattr bad path", RS3(194, BAD_LOW, buf, sizeof(buf)));
	show("listxattr empty path", RS3(194, "", buf, sizeof(buf)));
	show("flistxattr closed fd", RS3(196, 99, buf, sizeof(buf)));
	show("flistxattr fd -1", RS3(196, -1, buf, sizeof(buf)));

	nodata("getxattr", RS4(191, "xf", "user.a", buf, sizeof(buf)));
	nodata("lgetxattr", RS4(192, "xl", "user.a", buf, sizeof(buf)));
	nodata("fgetxattr", RS4(193, fd, "user.a", buf, sizeof(buf)));
	nodata("getxattr size 0", RS4(191, "xf", "user.a", NULL, 0));
	nodata("getxattr selinux",
	       RS4(192, "xf", "security.selinux", buf, sizeof(buf)));
	nodata("getxattr acl",
	       RS4(191, "xf", "system.posix_acl_access", NULL, 0));
	show("getxattr missing", RS4(191, "nope", "user.a", buf, 64));
	show("getxattr dangling", RS4(191, "dangling", "user.a", buf, 64));
	show("getxattr bad path", RS4(191, BAD_LOW, "user.a", buf, 64));
	show("getxattr bad name", RS4(191, "xf", BAD_LOW, buf, 64));
	show("getxattr empty name", RS4(191, "xf", "", buf, 64));
	char longname[300];
	memset(longname, 'a', sizeof(longname));
	memcpy(longname, "user.", 5);
	longname[299] = '\0';
	show("getxattr long name", RS4(191, "xf", longname, buf, 64));
	show("fgetxattr closed fd", RS4(193, 99, "user.a", buf, 64));

	show("setxattr bad flags", RS5(188, "xf", "user.a", "v", 1, 4));
	show("setxattr bad name", RS5(188, "xf", BAD_LOW, "v", 1, 0));
	show("setxattr empty name", RS5(188, "xf", "", "v", 1, 0));
	show("setxattr huge value", RS5(188, "xf", "user.a", buf, 65537, 0));
	show("setxattr bad value", RS5(188, "xf", "user.a", BAD_LOW, 8, 0));
	show("setxattr missing", RS5(188, "nope", "user.a", "v", 1, 0));
	show("lsetxattr bad path", RS5(189, BAD_KERNEL, "user.a", "v", 1, 0));
	show("fsetxattr closed fd", RS5(190, 99, "user.a", "v", 1, 0));
	show("fsetxattr bad flags", RS5(190, fd, "user.a", "v", 1, 8));

	nodata("removexattr", RS2(197, "xf", "user.a"));
	nodata("lremovexattr", RS2(198, "xl", "user.a"));
	nodata("fremovexattr", RS2(199, fd, "user.a"));
	show("removexattr missing", RS2(197, "nope", "user.a"));
	show("removexattr bad name", RS2(197, "xf", BAD_LOW));
	show("removexattr empty name", RS2(197, "xf", ""));
	show("fremovexattr closed fd", RS2(199, 99, "user.a"));

	/* user.* lives only on regular files and directories */
	mkdir("xd", 0755);
	nodata("getxattr dir", RS4(191, "xd", "user.a", buf, 64));
	show("lgetxattr symlink user.", RS4(192, "xl", "user.a", buf, 64));
	show("lsetxattr symlink user.", RS5(189, "xl", "user.a", "v", 1, 0));
	show("lremovexattr symlink user.", RS2(198, "xl", "user.a"));
	show("getxattr device user.", RS4(191, "/dev/null", "user.a", buf, 64));
	show("setxattr device user.",
	     RS5(188, "/dev/null", "user.a", "v", 1, 0));
	nodata("lgetxattr symlink security.",
	       RS4(192, "xl", "security.x", buf, 64));
	rmdir("xd");

	/* libc wrappers agree */
	errno = 0;
	printf("libc listxattr = %zd\n", listxattr("xf", buf, sizeof(buf)));
	close(fd);
	unlink("xl");
	unlink("dangling");
	unlink("xf");
	return 0;
}

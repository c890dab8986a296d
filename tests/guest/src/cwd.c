/* Guest test: getcwd, chdir, fchdir and relative paths. */
#include "guest.h"
#include <libgen.h>

int main(void)
{
	char start[4096], buf[4096];
	showc("getcwd", getcwd(start, sizeof(start)) ? 0 : -1);
	printf("absolute: %d\n", start[0] == '/');
	mkdir("a", 0755);
	mkdir("a/b", 0755);
	put_file("a/b/f", "in b\n", 5);
	showc("chdir a/b", chdir("a/b"));
	getcwd(buf, sizeof(buf));
	printf("cwd ends with /a/b: %d\n",
	       strlen(buf) > 4 && strcmp(buf + strlen(buf) - 4, "/a/b") == 0);
	printf("cwd starts with the old cwd: %d\n",
	       strncmp(buf, start, strlen(start)) == 0);
	char tmp[16] = {0};
	int fd = open("f", O_RDONLY);
	read(fd, tmp, 5);
	close(fd);
	printf("relative open: %s", tmp);
	showc("chdir ..", chdir(".."));
	getcwd(buf, sizeof(buf));
	printf("basename now: %s\n", basename(buf));
	showc("chdir ./b/../b/.", chdir("./b/../b/."));
	getcwd(buf, sizeof(buf));
	printf("basename now: %s\n", basename(buf));
	int dfd = open(start, O_RDONLY | O_DIRECTORY);
	showc("fchdir back", fchdir(dfd));
	getcwd(buf, sizeof(buf));
	printf("back at start: %d\n", strcmp(buf, start) == 0);
	showc("openat dirfd relative",
	      (fd = openat(dfd, "a/b/f", O_RDONLY)) >= 0 ? 0 : -1);
	close(fd);
	showc("chdir /", chdir("/"));
	getcwd(buf, sizeof(buf));
	printf("cwd = %s\n", buf);
	showc("chdir /..", chdir("/.."));
	getcwd(buf, sizeof(buf));
	printf("cwd = %s\n", buf);
	showc("stat ../../.. from /", access("../../..", F_OK));
	fchdir(dfd);
	/* getcwd after the directory we stand in is renamed. */
	chdir("a/b");
	rename("../b", "../c");
	getcwd(buf, sizeof(buf));
	printf("after rename, ends with /a/c: %d\n",
	       strcmp(buf + strlen(buf) - 4, "/a/c") == 0);
	fchdir(dfd);
	unlink("a/c/f");
	rmdir("a/c");
	rmdir("a");
	return 0;
}

/*
 * Guest test: directories in the current directory: mkdir, readdir
 * (printed sorted), rename, unlink, rmdir, symlink/readlink, link and the
 * deterministic stat fields (type, permission bits, size, nlink).
 */
#include "guest.h"
#include <dirent.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		printf("opendir %s: %s\n", dir, ename(errno));
		return;
	}
	char *names[256];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 256) {
		char type = e->d_type == DT_DIR	  ? 'd'
			    : e->d_type == DT_REG ? 'f'
			    : e->d_type == DT_LNK ? 'l'
						  : '?';
		char *s = malloc(strlen(e->d_name) + 3);
		sprintf(s, "%s %c", e->d_name, type);
		names[n++] = s;
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp);
	printf("%s:", dir);
	for (int i = 0; i < n; i++) {
		printf(" [%s]", names[i]);
		free(names[i]);
	}
	printf("\n");
}

static void st(const char *path, int follow)
{
	struct stat s;
	int r = follow ? stat(path, &s) : lstat(path, &s);
	if (r < 0) {
		printf("%sstat %s: %s\n", follow ? "" : "l", path,
		       ename(errno));
		return;
	}
	const char *t = S_ISDIR(s.st_mode)   ? "dir"
			: S_ISREG(s.st_mode) ? "reg"
			: S_ISLNK(s.st_mode) ? "lnk"
					     : "other";
	printf("%sstat %s: %s mode %04o nlink %lu", follow ? "" : "l", path, t,
	       (unsigned)(s.st_mode & 07777), (unsigned long)s.st_nlink);
	if (!S_ISDIR(s.st_mode))
		printf(" size %lld", (long long)s.st_size);
	printf("\n");
}

int main(void)
{
	umask(022);
	showc("mkdir d", mkdir("d", 0755));
	showc("mkdir d again", mkdir("d", 0755));
	showc("mkdir d/sub", mkdir("d/sub", 0700));
	showc("mkdir missing/x", mkdir("missing/x", 0755));
	put_file("d/a.txt", "alpha\n", 6);
	put_file("d/b.txt", "bravo!!\n", 8);
	put_file("d/sub/c", "", 0);
	list("d");
	list("d/sub");
	st("d", 1);
	st("d/sub", 1);
	st("d/a.txt", 1);
	showc("rename a.txt -> z.txt", rename("d/a.txt", "d/z.txt"));
	showc("rename missing", rename("d/nope", "d/x"));
	showc("rename onto existing", rename("d/b.txt", "d/z.txt"));
	list("d");
	showc("symlink", symlink("z.txt", "d/link"));
	showc("symlink exists", symlink("z.txt", "d/link"));
	char buf[64];
	ssize_t n = readlink("d/link", buf, sizeof(buf));
	showc("readlink", n);
	if (n >= 0)
		printf("readlink = \"%.*s\"\n", (int)n, buf);
	showc("readlink short buffer", readlink("d/link", buf, 3));
	printf("short = \"%.3s\"\n", buf);
	showc("readlink of a file", readlink("d/z.txt", buf, sizeof(buf)));
	st("d/link", 0);
	st("d/link", 1);
	showc("symlink dangling", symlink("nowhere", "d/dangle"));
	st("d/dangle", 0);
	st("d/dangle", 1);
	showc("link", link("d/z.txt", "d/hard"));
	st("d/z.txt", 1);
	st("d/hard", 1);
	showc("link onto existing", link("d/z.txt", "d/hard"));
	list("d");
	showc("rmdir nonempty", rmdir("d"));
	showc("rmdir a file", rmdir("d/z.txt"));
	showc("unlink a dir", unlink("d/sub"));
	showc("unlink hard", unlink("d/hard"));
	st("d/z.txt", 1);
	showc("unlink sub/c", unlink("d/sub/c"));
	showc("rmdir sub", rmdir("d/sub"));
	showc("rmdir sub again", rmdir("d/sub"));
	showc("rename dir", rename("d", "e"));
	list("e");
	showc("unlinkat", unlinkat(AT_FDCWD, "e/link", 0));
	showc("unlinkat dangle", unlinkat(AT_FDCWD, "e/dangle", 0));
	showc("unlink z", unlink("e/z.txt"));
	showc("mkdirat", mkdirat(AT_FDCWD, "e/m", 0755));
	showc("unlinkat AT_REMOVEDIR", unlinkat(AT_FDCWD, "e/m", AT_REMOVEDIR));
	list("e");
	showc("rmdir e", rmdir("e"));
	showc("stat e", access("e", F_OK));
	return 0;
}

/* Guest test: access/faccessat/faccessat2 with modes (as root or not). */
#include "guest.h"

int main(void)
{
	put_file("rw", "x", 1);
	put_file("none", "x", 1);
	put_file("exe", "x", 1);
	chmod("rw", 0600);
	chmod("none", 0000);
	chmod("exe", 0755);
	mkdir("dir", 0755);
	int root = geteuid() == 0;
	printf("root: %d\n", root);
	const char *f[] = {"rw", "none", "exe", "dir", "missing"};
	int m[] = {F_OK, R_OK, W_OK, X_OK, R_OK | W_OK | X_OK};
	const char *mn[] = {"F", "R", "W", "X", "RWX"};
	for (int i = 0; i < 5; i++)
		for (int k = 0; k < 5; k++) {
			char what[32];
			snprintf(what, sizeof(what), "access %s %s", f[i],
				 mn[k]);
			showc(what, access(f[i], m[k]));
		}
	show("faccessat X", RS3(269, AT_FDCWD, "exe", X_OK));
	show("faccessat2 AT_EACCESS", RS4(439, AT_FDCWD, "rw", R_OK, 0x200));
	show("faccessat2 bad flags", RS4(439, AT_FDCWD, "rw", R_OK, 0x4));
	show("faccessat2 symlink nofollow",
	     RS4(439, AT_FDCWD, "rw", F_OK, 0x100));
	return 0;
}

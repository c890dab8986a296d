/* Guest test: uname fields that are the same on every x86-64 Linux, and
 * their agreement with /proc/sys/kernel (and /proc/self/cwd with the
 * cwd). */
#include "guest.h"
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;
	showc("uname", uname(&u));
	printf("sysname = %s\n", u.sysname);
	printf("machine = %s\n", u.machine);
	int maj = 0, min = 0;
	printf("release parses as N.M: %d\n",
	       sscanf(u.release, "%d.%d", &maj, &min) == 2);
	printf("release >= 3.2: %d\n", maj > 3 || (maj == 3 && min >= 2));
	printf("nodename nonempty: %d\n", u.nodename[0] != 0);
	printf("version nonempty: %d\n", u.version[0] != 0);

	char line[128] = "", want[128];
	FILE *f = fopen("/proc/sys/kernel/osrelease", "r");
	if (f && fgets(line, sizeof(line), f)) {
		snprintf(want, sizeof(want), "%s\n", u.release);
		printf("osrelease == release: %d\n", strcmp(line, want) == 0);
	}
	if (f)
		fclose(f);
	f = fopen("/proc/sys/kernel/hostname", "r");
	if (f && fgets(line, sizeof(line), f)) {
		snprintf(want, sizeof(want), "%s\n", u.nodename);
		printf("hostname == nodename: %d\n", strcmp(line, want) == 0);
	}
	if (f)
		fclose(f);
	char cwd[256], link[256];
	showc("chdir /", chdir("/"));
	ssize_t n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	printf("/proc/self/cwd after chdir / = %s\n", link);
	showc("chdir /proc/self", chdir("/proc/self"));
	n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	printf("/proc/self/cwd == getcwd: %d\n",
	       getcwd(cwd, sizeof(cwd)) && strcmp(cwd, link) == 0);
	return 0;
}

/*
 * Guest test: /proc/self/exe names this program, /proc/self/fd lists open
 * fds and its links name the files, /proc/cpuinfo and /proc/meminfo read.
 */
#include "guest.h"
#include <dirent.h>
#include <libgen.h>

int main(int argc, char **argv)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n < 0) {
		printf("readlink exe: %s\n", ename(errno));
	} else {
		buf[n] = 0;
		printf("exe basename = %s\n", basename(buf));
		printf("exe absolute: %d\n", buf[0] == '/');
		char want[4096];
		printf("exe == realpath(argv[0]): %d\n",
		       realpath(argv[0], want) && strcmp(want, buf) == 0);
	}
	int fd = open("probe", O_RDWR | O_CREAT, 0644);
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, sizeof(buf) - 1);
	if (n >= 0) {
		buf[n] = 0;
		printf("fd link basename = %s\n", basename(buf));
	} else {
		printf("readlink fd: %s\n", ename(errno));
	}
	DIR *d = opendir("/proc/self/fd");
	int seen0 = 0, seen_fd = 0, count = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		count++;
		seen0 |= strcmp(e->d_name, "0") == 0;
		seen_fd |= atoi(e->d_name) == fd;
	}
	if (d)
		closedir(d);
	printf("/proc/self/fd lists 0: %d, our fd: %d, count >= 4: %d\n", seen0,
	       seen_fd, count >= 4);
	unlink("probe");
	FILE *f = fopen("/proc/cpuinfo", "r");
	int proc_line = 0;
	while (f && fgets(buf, sizeof(buf), f))
		proc_line |= strncmp(buf, "processor", 9) == 0;
	printf("/proc/cpuinfo has processor lines: %d\n", proc_line);
	if (f)
		fclose(f);
	f = fopen("/proc/meminfo", "r");
	int memtotal = 0;
	while (f && fgets(buf, sizeof(buf), f))
		memtotal |= strncmp(buf, "MemTotal:", 9) == 0;
	printf("/proc/meminfo has MemTotal: %d\n", memtotal);
	if (f)
		fclose(f);
	struct stat st;
	printf("stat /proc/self/exe is regular: %d\n",
	       stat("/proc/self/exe", &st) == 0 && S_ISREG(st.st_mode));
	return 0;
}

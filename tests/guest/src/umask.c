/* Guest test: umask round trips and applies to open/mkdir/mknod modes. */
#include "guest.h"

static void mode(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0)
		printf("%s mode %04o\n", p, (unsigned)(st.st_mode & 07777));
	else
		printf("%s: %s\n", p, ename(errno));
}

int main(void)
{
	mode_t old = umask(027);
	(void)old;
	printf("umask returns previous: %04o\n", (unsigned)umask(077));
	printf("again: %04o\n", (unsigned)umask(022));
	printf("raw umask high bits dropped: %04lo\n", RS1(95, 0777777));
	printf("now: %04o\n", (unsigned)umask(022));
	close(open("f644", O_CREAT | O_WRONLY, 0666));
	mode("f644");
	umask(077);
	close(open("f600", O_CREAT | O_WRONLY, 0666));
	mode("f600");
	mkdir("d700", 0777);
	mode("d700");
	umask(0);
	close(open("f666", O_CREAT | O_WRONLY, 0666));
	mode("f666");
	showc("chmod ignores umask", chmod("f600", 0751));
	mode("f600");
	showc("fchmod", fchmod(open("f666", O_RDONLY), 0400));
	mode("f666");
	showc("fchmodat", fchmodat(AT_FDCWD, "f644", 04755, 0));
	mode("f644");
	showc("chmod missing", chmod("nope", 0644));
	unlink("f644");
	unlink("f600");
	unlink("f666");
	rmdir("d700");
	return 0;
}

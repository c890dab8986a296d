/* Guest test: /dev/null, /dev/zero, /dev/urandom, /dev/tty behaviour. */
#include "guest.h"
#include <sys/ioctl.h>

int main(void)
{
	char buf[100];
	int n = open("/dev/null", O_RDWR);
	showc("null read", read(n, buf, sizeof(buf)));
	showc("null write", write(n, buf, sizeof(buf)));
	showc("null lseek", lseek(n, 100, SEEK_SET));
	int z = open("/dev/zero", O_RDWR);
	memset(buf, 7, sizeof(buf));
	showc("zero read", read(z, buf, sizeof(buf)));
	int allzero = 1;
	for (int i = 0; i < 100; i++)
		allzero &= buf[i] == 0;
	printf("zero reads zeros: %d\n", allzero);
	showc("zero write", write(z, "abc", 3));
	int u = open("/dev/urandom", O_RDONLY);
	showc("urandom read", read(u, buf, sizeof(buf)));
	showc("urandom write (root)",
	      write(open("/dev/urandom", O_WRONLY), "x", 1));
	showc("open /dev/nonexistent", open("/dev/nonexistent", O_RDONLY));
	struct winsize ws;
	showc("TIOCGWINSZ on /dev/null", ioctl(n, TIOCGWINSZ, &ws));
	showc("isatty(/dev/null)", isatty(n));
	return 0;
}

/* Guest test: the brk syscall: query, grow, use, shrink, absurd values. */
#include "guest.h"

static char outbuf[8192];

int main(void)
{
	/* No libc allocation may move the break under us: stdout gets a
	 * static buffer before anything is printed. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	long b0 = RS1(12, 0);
	printf("brk(0) nonzero, page aligned-ish: %d\n", b0 > 0);
	long b1 = RS1(12, b0 + 100000);
	printf("grow by 100000: %d\n", b1 == b0 + 100000);
	char *p = (char *)b0;
	memset(p, 0x33, 100000);
	printf("new memory usable: %d\n", p[99999] == 0x33);
	int fd = sink_fd();
	show("write from heap", RS3(1, fd, p + 50000, 100));
	long b2 = RS1(12, b0 + 4096);
	printf("shrink: %d\n", b2 == b0 + 4096);
	show("write from released heap", RS3(1, fd, p + 50000, 100));
	long b3 = RS1(12, b0 + 100000);
	printf("regrow: %d, regrown memory zero: %d\n", b3 == b0 + 100000,
	       p[50000] == 0);
	long b4 = RS1(12, 0x7fffffffffffl);
	printf("absurd brk returns current: %d\n", b4 == b3);
	long b5 = RS1(12, 1);
	printf("brk below start returns current: %d\n", b5 == b3);
	return 0;
}

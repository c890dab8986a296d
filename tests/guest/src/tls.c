/* Guest test: thread-local storage via %fs (arch_prctl in static binaries). */
#include "guest.h"

static __thread int tvar = 7;
static __thread char tbuf[64] = "initial";
static __thread long zeroed;

int main(void)
{
	printf("tvar %d tbuf %s zeroed %ld\n", tvar, tbuf, zeroed);
	tvar *= 6;
	strcpy(tbuf, "changed");
	zeroed = -1;
	printf("tvar %d tbuf %s zeroed %ld\n", tvar, tbuf, zeroed);
	uint64_t fsbase = 0;
	show("arch_prctl GET_FS", RS2(158, 0x1003, &fsbase));
	uint64_t self;
	__asm__("mov %%fs:0, %0" : "=r"(self));
	printf("fs:0 points to the TCB itself: %d\n", self == fsbase);
	printf("&tvar within 64K below fs base: %d\n",
	       (uint64_t)&tvar < fsbase && fsbase - (uint64_t)&tvar < 65536);
	printf("errno is thread-local and works: ");
	errno = 0;
	close(-1);
	printf("%s\n", ename(errno));
	return 0;
}

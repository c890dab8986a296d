/*
 * Guest test (hostile): syscall numbers Linux doesn't have return ENOSYS,
 * and the kernel only looks at the low 32 bits of rax.  (Numbers 335-423
 * are unassigned on x86-64, but some hosts' kernels use 335/336 for
 * private calls, so we stay clear of those two.)
 */
#include "guest.h"

int main(void)
{
	static const long nrs[] = {400, 423, 500, 1000, 4095, 99999, -1, -38};
	for (unsigned i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		char what[48];
		snprintf(what, sizeof(what), "syscall %ld", nrs[i]);
		show(what, rsys(nrs[i], 1, 2, 3, 4, 5, 6));
	}
	/* Asking twice must give the same answer (logged once, not fatal). */
	show("syscall 400 again", rsys(400, 0, 0, 0, 0, 0, 0));
	show("(1<<32)|getpid == getpid", RS0((1l << 32) | 39) == getpid());
	show("(-1<<32)|getppid == getppid",
	     RS0((long)(~0ul << 32) | 110) == getppid());
	show("(1<<32)|400", RS0((1l << 32) | 400));
	show("0x80000000|39", RS0(0x80000000l | 39));
	show("0xffffffff", RS0(0xffffffffl));
	show("0x40000000|39 (x32)", RS0(0x40000000l | 39));
	/* Still alive and able to make real calls. */
	fflush(stdout);
	show("write after", RS3(1, 1, "alive\n", 6));
	return 0;
}

/* Guest test: setjmp/longjmp across frames, with saved locals. */
#include "guest.h"
#include <setjmp.h>

static jmp_buf env;
static int depth;

static void dive(int n)
{
	depth = n;
	if (n == 10)
		longjmp(env, n * 3);
	dive(n + 1);
	printf("not reached\n");
}

int main(void)
{
	volatile int count = 0;
	int r = setjmp(env);
	printf("setjmp returned %d (count %d)\n", r, count);
	if (count++ < 3)
		dive(0);
	printf("depth %d\n", depth);
	sigjmp_buf senv;
	if (sigsetjmp(senv, 1) == 0) {
		printf("sigsetjmp first\n");
		siglongjmp(senv, 0);
	}
	printf("siglongjmp(0) gives 1\n");
	return 0;
}

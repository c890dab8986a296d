/*
 * Guest test: writing to a pipe whose read end is closed, with SIGPIPE
 * ignored, fails with EPIPE (signal delivery is not needed for this).
 */
#include "guest.h"
#include <signal.h>

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	int p[2];
	pipe(p);
	close(p[0]);
	showc("write to widowed pipe", write(p[1], "x", 1));
	return 0;
}

/*
 * Guest test: with SIGPIPE's default action, writing to a pipe whose read
 * end is closed kills the writer (exit status 141 = 128 + SIGPIPE).
 */
#include "guest.h"

int main(void)
{
	int p[2];
	pipe(p);
	close(p[0]);
	printf("writing\n");
	fflush(stdout);
	write(p[1], "x", 1);
	printf("not reached\n");
	return 0;
}
